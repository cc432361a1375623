// Public pages are cached and read anywhere: dates are written in UTC, the same for every reader.
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export const publicDate = (iso: string) => DATE.format(new Date(iso));
export const publicDateTime = (iso: string) => `${DATE_TIME.format(new Date(iso))} UTC`;
