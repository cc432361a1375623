/**
 * The one normalization of passage text: Unicode NFC and `\n` line ends. Offsets of claims count
 * UTF-16 code units of the result, as the browser does, so it must never change once stored.
 */
export function normalizePassageText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}
