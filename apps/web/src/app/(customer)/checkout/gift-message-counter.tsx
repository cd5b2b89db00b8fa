// The gift message's live counter. The visible count follows every keystroke; screen readers
// hear only when the limit gets close or is passed, not on every character.
export function GiftMessageCounter({ length, max }: { length: number; max: number }) {
  const left = max - length;
  const announcement = left < 0 ? "Over the character limit" : left === 0 ? "Character limit reached" : left <= 20 ? "Fewer than 20 characters left" : "";
  return (
    <span style={{ display: "flex", justifyContent: "space-between", gap: "1rem" }}>
      <span>
        Optional, printed on a card with the bouquet.<span className="visually-hidden"> Up to {max} characters.</span>
      </span>
      <span className={left < 0 ? "counter counter--over" : "counter"} aria-hidden="true">
        {length}/{max}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </span>
  );
}
