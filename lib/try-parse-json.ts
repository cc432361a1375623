/** `text` parsed as JSON, or undefined when it is not JSON (a stored draft, an answer's body, a line of a file). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
