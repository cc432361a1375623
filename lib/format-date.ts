// Dates as the app shows them: one format, in UTC, the same on the server and in every browser, so a
// page rendered on the server hydrates without a mismatch whatever the reader's locale or time zone.

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "7 Dec 2026, 10:04 UTC". */
export function formatDateTime(value: string | number | Date): string {
  return `${DATE_TIME.format(new Date(value))} UTC`;
}

/** "7 Dec 2026". */
export function formatDay(value: string | number | Date): string {
  return DAY.format(new Date(value));
}
