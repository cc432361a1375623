// Durations in milliseconds, for Date arithmetic.
export const DAY_MS = 24 * 60 * 60 * 1000;
