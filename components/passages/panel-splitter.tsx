"use client";

import type { KeyboardEvent, PointerEvent, RefObject } from "react";

type PanelSplitterProps = {
  /** The share of the container, in percent, that the section above the splitter takes. */
  value: number;
  min: number;
  max: number;
  label: string;
  controls: string;
  containerRef: RefObject<HTMLElement | null>;
  onChange: (value: number) => void;
};

const KEY_STEP = 5;

/** A window-splitter separator between two stacked sections: drag it, or focus it and use the arrow keys. */
export function PanelSplitter({ value, min, max, label, controls, containerRef, onChange }: PanelSplitterProps) {
  const clamp = (next: number) => Math.round(Math.min(max, Math.max(min, next)));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = { ArrowUp: value - KEY_STEP, ArrowDown: value + KEY_STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    const container = containerRef.current;
    if (!container || event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const box = container.getBoundingClientRect();
    const onMove = (move: globalThis.PointerEvent) => onChange(clamp(((move.clientY - box.top) / box.height) * 100));
    const onUp = () => {
      handle.removeEventListener("pointermove", onMove);
      handle.removeEventListener("pointerup", onUp);
      handle.removeEventListener("pointercancel", onUp);
    };
    handle.addEventListener("pointermove", onMove);
    handle.addEventListener("pointerup", onUp);
    handle.addEventListener("pointercancel", onUp);
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      className="panel-splitter"
      aria-orientation="horizontal"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value}% of the panel`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
