const UNITS = ["B", "KB", "MB", "GB"] as const;

/**
 * A size for people, in binary units (1 KB = 1024 B): whole bytes below 1 KB, otherwise one decimal
 * that is dropped when it is zero ("1.5 KB", "10 MB"). A value that rounds up to 1024 moves to the next unit.
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (unit < UNITS.length - 1 && Number(value.toFixed(1)) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${UNITS[unit]}`;
}
