import { z } from "zod";

// JavaScript dates reach year ±275760 and ISO 8601 allows year 0000, but PostgreSQL has no year 0
// and both sides must print the date back as a four-digit year: a date we store lies in years 1–9999 (UTC).
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export const STORABLE_DATE_MESSAGE = `Dates must lie between the years ${MIN_YEAR} and ${MAX_YEAR}`;

export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** False only for text that reads as a date outside the storable years; unreadable text is left to the caller. */
export function isStorableDateText(value: string): boolean {
  const time = Date.parse(value);
  return Number.isNaN(time) || isStorableDate(new Date(time));
}

/** `YYYY-MM-DD` or an ISO 8601 date and time with an offset, within the storable years. */
export function isoDateInput(error: string) {
  return z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error }).refine(isStorableDateText, STORABLE_DATE_MESSAGE);
}
