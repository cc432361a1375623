/** How a field's length stands against its limit, counted as the API counts (UTF-16 code units). */
export type CharacterCount = { length: number; max: number; isOver: boolean; isNear: boolean };

// The last tenth of the room is when a writer starts to need the number.
const NEAR_FRACTION = 0.9;

export function countCharacters(value: string, max: number): CharacterCount {
  const length = value.length;
  return { length, max, isOver: length > max, isNear: length >= Math.ceil(max * NEAR_FRACTION) };
}

/** 4980 → "4 980": groups of three with a no-break space, so a count never wraps mid-number. */
export function formatCount(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/** What the counter shows: "4 980 / 5 000". */
export function formatCharacterCount({ length, max }: CharacterCount): string {
  return `${formatCount(length)} / ${formatCount(max)}`;
}

/** What a screen reader hears for the counter, and what the error says past the limit. */
export function describeCharacterCount({ length, max, isOver }: CharacterCount): string {
  if (isOver) return `${formatCount(length - max)} ${length - max === 1 ? "character" : "characters"} too many: the limit is ${formatCount(max)}.`;
  const remaining = max - length;
  return `${formatCount(remaining)} of ${formatCount(max)} ${remaining === 1 ? "character" : "characters"} left.`;
}
