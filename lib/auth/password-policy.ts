// Kept apart from the strength check, whose dictionaries are too large for the browser bundle.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
