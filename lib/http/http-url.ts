/** Whether `value` is an absolute http(s) URL: what a web source or a page to import must be (javascript:, file: and the like are not). */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
