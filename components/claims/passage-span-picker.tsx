"use client";

import { useEffect, useRef, useState } from "react";
import { splitLines, textOffsetOf } from "@/components/passages/text-offsets";
import { trimSpan } from "@/lib/claims/anchoring";
import { usePassage, usePassageList } from "@/lib/passages/client/passage-queries";

export type PassageSpan = { passageId: string; start: number; end: number; quote: string };

/** Picks evidence from another passage of the workspace by selecting text in it. */
export function PassageSpanPicker({ workspaceId, onPick }: { workspaceId: string; onPick: (span: PassageSpan | null) => void }) {
  const [passageId, setPassageId] = useState("");
  const [picked, setPicked] = useState<PassageSpan | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const passages = usePassageList(workspaceId, { limit: 200 });
  const passage = usePassage(passageId);

  useEffect(() => {
    const text = passage.data?.text;
    function onSelectionChange() {
      const container = textRef.current;
      const selection = window.getSelection();
      if (!container || !text || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      const start = textOffsetOf(container, range.startContainer, range.startOffset);
      const end = textOffsetOf(container, range.endContainer, range.endOffset);
      if (start === null || end === null) return;
      const span = trimSpan(text, { start: Math.min(start, end), end: Math.max(start, end) });
      if (span.start === span.end) return;
      const next = { passageId, ...span, quote: text.slice(span.start, span.end) };
      setPicked(next);
      onPick(next);
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [passage.data?.text, passageId, onPick]);

  return (
    <div className="stack">
      <div>
        <label htmlFor="evidence-passage">Passage</label>
        <select
          id="evidence-passage"
          value={passageId}
          onChange={(event) => {
            setPassageId(event.target.value);
            setPicked(null);
            onPick(null);
          }}
        >
          <option value="">Choose a passage…</option>
          {passages.data?.items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </div>
      {passage.data && (
        <div ref={textRef} className="span-picker-text" tabIndex={0} role="document" aria-label={`Text of ${passage.data.title}: select the evidence`}>
          {splitLines(passage.data.text).map((line) => (
            <p key={line.start} data-start={line.start}>
              {line.text}
            </p>
          ))}
        </div>
      )}
      <p className="hint" aria-live="polite">
        {picked ? `Selected: “${picked.quote.length > 140 ? `${picked.quote.slice(0, 140)}…` : picked.quote}”` : passageId ? "Select the supporting text above." : ""}
      </p>
    </div>
  );
}
