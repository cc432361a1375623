"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { useWorkspaceSearch } from "@/lib/search/client/search-queries";
import { SEARCH_KIND_DISPLAY, SEARCH_TERMS_MAX_LENGTH, searchHitHref } from "@/lib/search/search.schemas";
import { HighlightedSnippet } from "./highlighted-snippet";
import { isPageShortcutBlocked } from "@/lib/keyboard/is-typing-target";

const SUGGESTION_COUNT = 8;
const TYPING_DEBOUNCE_MS = 200;


type WorkspaceSearchBoxProps = { workspaceId: string; initialQuery?: string };

/**
 * A search field with live results (ARIA combobox): `/` focuses it, arrow keys move through the
 * results, Enter opens the chosen one or, with none chosen, the full results page.
 */
export function WorkspaceSearchBox({ workspaceId, initialQuery = "" }: WorkspaceSearchBoxProps) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const listboxId = useId();
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [isOpen, setIsOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Past the limit nothing is asked (the API would refuse it): the counter says why instead.
  const isTooLong = isOverLimit(text.trim(), SEARCH_TERMS_MAX_LENGTH);
  const sentQuery = isOverLimit(query.trim(), SEARCH_TERMS_MAX_LENGTH) ? "" : query;
  const results = useWorkspaceSearch(workspaceId, sentQuery, SUGGESTION_COUNT);
  const hits = sentQuery.trim() === "" ? [] : (results.data ?? []);
  const isExpanded = isOpen && sentQuery.trim() !== "" && (hits.length > 0 || results.isFetched);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(text);
      setActiveIndex(-1);
    }, TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      // Another `/` shortcut on the page (the claims table's filter) wins.
      if (event.key !== "/" || event.defaultPrevented || isPageShortcutBlocked(event)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    // Until hydration `/` reaches no handler; the attribute tells scripts (and tests) when it will.
    formRef.current?.setAttribute("data-keys-listening", "true");
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const openResultsPage = () => {
    const q = text.trim();
    if (q && !isTooLong) router.push(`/w/${workspaceId}/search?${new URLSearchParams({ q }).toString()}`);
  };

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      setIsOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (index < 0 && step < 0 ? hits.length - 1 : (index + step + hits.length) % hits.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = isExpanded ? hits[activeIndex] : undefined;
      if (hit) router.push(searchHitHref(workspaceId, hit));
      else openResultsPage();
    } else if (event.key === "Escape") {
      if (isExpanded) {
        event.preventDefault();
        setIsOpen(false);
        setActiveIndex(-1);
      }
    }
  }

  const activeId = isExpanded && activeIndex >= 0 ? `${listboxId}-${activeIndex}` : undefined;
  return (
    <form
      ref={formRef}
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        openResultsPage();
      }}
    >
      <label htmlFor={`${listboxId}-input`} className="visually-hidden">
        Search this workspace
      </label>
      <input
        ref={inputRef}
        id={`${listboxId}-input`}
        type="search"
        role="combobox"
        placeholder="Search passages, claims, evidence… ( / )"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        aria-keyshortcuts="/"
        aria-invalid={isTooLong ? true : undefined}
        aria-describedby={text.trim() ? `${listboxId}-count` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={onInputKeyDown}
      />
      {/* Shown once there is something to count, so an empty box stays a plain search field. */}
      {text.trim() && <CharacterCount id={`${listboxId}-count`} value={text.trim()} max={SEARCH_TERMS_MAX_LENGTH} />}
      <ul id={listboxId} role="listbox" aria-label="Search results" className="search-box-results" hidden={!isExpanded}>
        {hits.length === 0 && isExpanded && (
          <li role="option" aria-selected={false} aria-disabled="true" className="search-box-empty">
            Nothing found for “{sentQuery.trim()}”.
          </li>
        )}
        {hits.map((hit, index) => (
          <li
            key={`${hit.kind}-${hit.id}`}
            id={`${listboxId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="search-box-option"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              router.push(searchHitHref(workspaceId, hit));
            }}
            onMouseEnter={() => setActiveIndex(index)}
          >
            <span className="search-hit-heading">
              <span className="badge">{SEARCH_KIND_DISPLAY[hit.kind]}</span> <span className="search-hit-title">{hit.title}</span>
            </span>
            <HighlightedSnippet snippet={hit.snippet} highlights={hit.highlights} />
          </li>
        ))}
      </ul>
    </form>
  );
}
