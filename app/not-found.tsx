import Link from "next/link";

export default function NotFound() {
  return (
    <div className="stack narrow">
      <h1>Not found</h1>
      <p>This page does not exist, was deleted, or belongs to a workspace you are not a member of.</p>
      <Link href="/workspaces">Back to your workspaces</Link>
    </div>
  );
}
