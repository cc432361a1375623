"use client";

import { CharacterCount, isOverLimit } from "@/components/forms/character-count";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { Comment } from "@/lib/comments/comment.schemas";
import { useClaimComments, useMentionCandidates, usePostComment } from "@/lib/comments/client/comment-queries";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/comment.schemas";
import { mentionQueryAt, type MentionCandidate } from "@/lib/comments/mentions";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { formatDateTime } from "@/lib/format-date";

const SUGGESTIONS_SHOWN = 6;

type ClaimCommentsProps = { claimId: string; workspaceId: string; canComment: boolean };

/** A claim's discussion: plain-text comments with @mentions of members. */
export function ClaimComments({ claimId, workspaceId, canComment }: ClaimCommentsProps) {
  const comments = useClaimComments(claimId);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="stack">
      <h3 id={headingId}>Discussion ({items.length}{comments.hasNextPage ? "+" : ""})</h3>
      {comments.isPending && <p className="muted">Loading comments…</p>}
      {comments.isError && <p role="alert">The comments could not be loaded: {comments.error.message}</p>}
      {comments.isSuccess && items.length === 0 && <p className="muted">No comments yet.{canComment ? " Ask a colleague with @ and their name." : ""}</p>}
      {items.length > 0 && (
        <ol className="comment-list">
          {items.map((comment) => (
            <li key={comment.id}>
              <p className="comment-meta">
                <strong>{comment.author.name}</strong> · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
              </p>
              <p className="comment-body">
                <CommentText comment={comment} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {comments.hasNextPage && (
        <button type="button" className="link-button" onClick={() => void comments.fetchNextPage()} disabled={comments.isFetchingNextPage}>
          Show later comments
        </button>
      )}
      {canComment && <CommentForm claimId={claimId} workspaceId={workspaceId} />}
    </section>
  );
}

/** The body as text, with mentions emphasised; never parsed as HTML. */
function CommentText({ comment }: { comment: Comment }) {
  const parts: { text: string; isMention: boolean }[] = [];
  let at = 0;
  for (const mention of comment.mentions) {
    if (mention.start > at) parts.push({ text: comment.body.slice(at, mention.start), isMention: false });
    parts.push({ text: comment.body.slice(mention.start, mention.end), isMention: true });
    at = mention.end;
  }
  if (at < comment.body.length) parts.push({ text: comment.body.slice(at), isMention: false });
  return parts.map((part, i) => (part.isMention ? <strong key={i} className="mention">{part.text}</strong> : <span key={i}>{part.text}</span>));
}

function CommentForm({ claimId, workspaceId }: { claimId: string; workspaceId: string }) {
  const [body, setBody] = useState("");
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const post = usePostComment(claimId);
  const candidates = useMentionCandidates(workspaceId, mention !== null);
  const listId = useId();
  const hintId = useId();

  const query = mention?.query.toLocaleLowerCase() ?? "";
  const matches = (candidates.data ?? [])
    .filter((member) => member.name.toLocaleLowerCase().includes(query) || member.email.toLocaleLowerCase().startsWith(query))
    .slice(0, SUGGESTIONS_SHOWN);
  const isListOpen = mention !== null && matches.length > 0;
  const isTooLong = isOverLimit(body.trim(), COMMENT_MAX_LENGTH);

  function updateMention(value: string, caret: number) {
    setMention(mentionQueryAt(value, caret));
    setActiveIndex(0);
  }

  function pick(member: MentionCandidate) {
    if (!mention) return;
    const caret = textareaRef.current?.selectionStart ?? body.length;
    const inserted = `@${member.name} `;
    const next = body.slice(0, mention.start) + inserted + body.slice(caret);
    setBody(next);
    setMention(null);
    const position = mention.start + inserted.length;
    requestAnimationFrame(() => textareaRef.current?.setSelectionRange(position, position));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (isListOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActiveIndex((index) => (index + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const member = matches[activeIndex];
        if (member) {
          event.preventDefault();
          pick(member);
        }
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    // Ctrl/Cmd+Enter posts, as in most chat and review tools.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  function submit() {
    if (body.trim() === "" || isTooLong || post.isPending) return;
    post.mutate({ body }, { onSuccess: () => setBody("") });
  }

  const fieldError = post.error && ((post.error instanceof ApiError && post.error.fieldErrors().body) || formErrorMessage(post.error));

  return (
    <form
      className="comment-form stack"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${listId}-input`}>Add a comment</label>
      <div className="mention-box">
        <textarea
          id={`${listId}-input`}
          ref={textareaRef}
          rows={3}
          value={body}
          // A textarea may not take role=combobox (ARIA in HTML); as a textbox it still names its list and active option.
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={isListOpen ? `${listId}-option-${activeIndex}` : undefined}
          aria-describedby={`${hintId} ${hintId}-count`}
          aria-invalid={fieldError || isTooLong ? true : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            updateMention(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
        />
        <ul id={listId} role="listbox" aria-label="Members to mention" className="mention-list" hidden={!isListOpen}>
          {matches.map((member, index) => (
            <li
              key={member.userId}
              id={`${listId}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // Keeps focus in the textarea, so the blur above does not close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
            >
              {member.name} <span className="muted">{member.email}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="field-footer">
        <p id={hintId} className="hint">
          Type @ to mention a member; they are notified. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> posts.
        </p>
        <CharacterCount id={`${hintId}-count`} value={body.trim()} max={COMMENT_MAX_LENGTH} />
      </div>
      {fieldError && <p role="alert">{fieldError}</p>}
      <div>
        <button type="submit" disabled={body.trim() === "" || isTooLong || post.isPending}>
          {post.isPending ? "Posting…" : "Post comment"}
        </button>
      </div>
    </form>
  );
}
