"use client";

import { useRef, type KeyboardEvent } from "react";

type DeskTab<Id extends string> = { id: Id; label: string; count?: number | null };

type DeskTabsProps<Id extends string> = { tab: Id; tabs: DeskTab<Id>[]; onSelect: (tab: Id) => void };

/**
 * The tabs above the desk's lower section; each controls the panel `desk-panel-<id>`. Arrow keys
 * move between tabs and select them, as the ARIA tabs pattern has it.
 */
export function DeskTabs<Id extends string>({ tab, tabs, onSelect }: DeskTabsProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((item) => item.id === tab);
    const offset = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (offset === undefined || index < 0) return;
    event.preventDefault();
    const next = tabs[(index + offset + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#desk-tab-${next.id}`)?.focus();
  }

  return (
    <div ref={listRef} role="tablist" aria-label="Open claim and suggestions" className="desk-tabs" onKeyDown={onKeyDown}>
      {tabs.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={`desk-tab-${item.id}`}
          aria-selected={item.id === tab}
          aria-controls={`desk-panel-${item.id}`}
          tabIndex={item.id === tab ? 0 : -1}
          className="desk-tab"
          onClick={() => onSelect(item.id)}
        >
          {item.label}
          {item.count !== undefined && item.count !== null && <span className="count-badge">{item.count}</span>}
        </button>
      ))}
    </div>
  );
}
