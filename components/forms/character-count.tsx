import { countCharacters, describeCharacterCount, formatCharacterCount, formatCount } from "@/lib/forms/character-count";

type CharacterCountProps = { id: string; value: string; max: number };

/**
 * The counter under a field with a length limit: "4 980 / 5 000" as you type, an error past the
 * limit. Point the field's aria-describedby at `id`; the last tenth and the overflow are also
 * announced, earlier keystrokes are not (a count per key would drown a screen reader).
 */
export function CharacterCount({ id, value, max }: CharacterCountProps) {
  const count = countCharacters(value, max);
  const description = describeCharacterCount(count);
  return (
    <>
      <p id={id} className={count.isOver ? "character-count is-over" : "character-count"}>
        <span aria-hidden="true">
          {formatCharacterCount(count)}
          {count.isOver && ` · ${formatCount(count.length - count.max)} too many`}
        </span>
        <span className="visually-hidden">{description}</span>
      </p>
      <span className="visually-hidden" aria-live="polite">
        {count.isNear ? description : ""}
      </span>
    </>
  );
}

/** True when the value cannot be saved: the field is invalid and its form refuses to submit. */
export function isOverLimit(value: string, max: number): boolean {
  return countCharacters(value, max).isOver;
}
