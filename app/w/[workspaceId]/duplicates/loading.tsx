/**
 * Shown at once while the duplicate groups are computed: at 100,000 claims that takes seconds
 * (docs/benchmarks.md), and without it a click on the link seems to do nothing.
 */
export default function DuplicatesLoading() {
  return (
    <div className="stack" aria-busy="true">
      <h1>Duplicate claims</h1>
      <p role="status" className="muted">
        Comparing the newest claims with every claim of the workspace…
      </p>
      <progress aria-label="Finding duplicate claims" />
    </div>
  );
}
