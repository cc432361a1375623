"use client";

import { useState } from "react";
import { formErrorMessage } from "@/lib/http/api-client";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRedeliverWebhookDelivery,
  useUpdateWebhook,
  useWebhookDeliveries,
  useWebhooks,
} from "@/lib/webhooks/client/webhook-queries";
import { WEBHOOK_DESCRIPTION_MAX_LENGTH, WEBHOOK_EVENT_TYPES, WEBHOOK_URL_MAX_LENGTH, type Webhook, type WebhookEventType } from "@/lib/webhooks/webhook.schemas";
import { formatDateTime } from "@/lib/format-date";

const EVENT_NAMES: Record<WebhookEventType, string> = {
  "claim.verified": "A claim is verified",
  "claim.rejected": "A claim is rejected",
  "claim.published": "A claim is published",
  "claim.corrected": "A published claim is corrected",
  "passage.created": "A passage is added",
};

const STATE_NAMES = { pending: "Queued", retrying: "Retrying", succeeded: "Delivered", failed: "Failed" } as const;

const timeOf = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

function NewSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="card stack token-secret" role="status">
      <p>
        <strong>Copy the signing secret now: it is shown only this once.</strong> Your receiver checks each delivery&rsquo;s signature with it.
      </p>
      <p>
        <label htmlFor="webhook-secret">Signing secret</label>
        <input id="webhook-secret" readOnly value={secret} onFocus={(event) => event.target.select()} />
      </p>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setIsCopied(true));
          }}
        >
          Copy secret
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          I have kept it
        </button>
        {isCopied && <span>Copied.</span>}
      </div>
    </div>
  );
}

function RegisterWebhookForm({ workspaceId }: { workspaceId: string }) {
  const create = useCreateWebhook(workspaceId);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>(["claim.verified", "claim.published"]);
  const [secret, setSecret] = useState<string | null>(null);

  if (secret) return <NewSecret secret={secret} onDone={() => setSecret(null)} />;
  return (
    <form
      className="card stack"
      aria-labelledby="webhook-register-heading"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { url, events, ...(description.trim() ? { description } : {}) },
          {
            onSuccess: (created) => {
              setSecret(created.secret);
              setUrl("");
              setDescription("");
            },
          },
        );
      }}
    >
      <h2 id="webhook-register-heading">Register an endpoint</h2>
      <div>
        <label htmlFor="webhook-url">Endpoint URL</label>
        <input id="webhook-url" type="url" required maxLength={WEBHOOK_URL_MAX_LENGTH} value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://cms.example.org/claimdesk" />
      </div>
      <div>
        <label htmlFor="webhook-description">Description (optional)</label>
        <input id="webhook-description" maxLength={WEBHOOK_DESCRIPTION_MAX_LENGTH} value={description} onChange={(event) => setDescription(event.target.value)} />
      </div>
      <fieldset>
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <div className="checkbox-row" key={type}>
            <input
              id={`webhook-event-${type}`}
              type="checkbox"
              checked={events.includes(type)}
              onChange={(event) => setEvents((current) => (event.target.checked ? [...current, type] : current.filter((item) => item !== type)))}
            />
            <label htmlFor={`webhook-event-${type}`}>
              {EVENT_NAMES[type]} <code>{type}</code>
            </label>
          </div>
        ))}
      </fieldset>
      {create.isError && <p role="alert">{formErrorMessage(create.error)}</p>}
      <div>
        <button type="submit" disabled={create.isPending || events.length === 0}>
          {create.isPending ? "Registering…" : "Register endpoint"}
        </button>
      </div>
    </form>
  );
}

function DeliveriesLog({ workspaceId, webhook }: { workspaceId: string; webhook: Webhook }) {
  const deliveries = useWebhookDeliveries(workspaceId, webhook.id);
  const redeliver = useRedeliverWebhookDelivery(workspaceId, webhook.id);
  if (deliveries.isPending) return <p>Loading deliveries…</p>;
  if (deliveries.isError) return <p role="alert">{formErrorMessage(deliveries.error)}</p>;
  if (deliveries.data.items.length === 0) return <p className="hint">No deliveries yet.</p>;
  return (
    <div className="stack">
      <table className="data-table">
        <caption>Deliveries to {webhook.url}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">State</th>
            <th scope="col">HTTP</th>
            <th scope="col">Latency</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last try</th>
            <th scope="col">Next retry</th>
            <th scope="col">Answer</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.items.map((delivery) => (
            <tr key={delivery.id}>
              <td>
                <code>{delivery.type}</code>
              </td>
              <td>{STATE_NAMES[delivery.state]}</td>
              <td>{delivery.httpStatus ?? "—"}</td>
              <td>{delivery.latencyMs === null ? "—" : `${delivery.latencyMs} ms`}</td>
              <td>{delivery.attempt}</td>
              <td>{timeOf(delivery.lastAttemptAt)}</td>
              <td>{timeOf(delivery.nextRetryAt)}</td>
              <td>{delivery.error ?? delivery.responseExcerpt ?? ""}</td>
              <td>
                {(delivery.state === "succeeded" || delivery.state === "failed") && webhook.isEnabled && (
                  <button type="button" className="link-button" disabled={redeliver.isPending} onClick={() => redeliver.mutate(delivery.id)}>
                    Redeliver <span className="visually-hidden">{delivery.type} of {timeOf(delivery.createdAt)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {redeliver.isError && <p role="alert">{formErrorMessage(redeliver.error)}</p>}
    </div>
  );
}

function WebhookCard({ workspaceId, webhook }: { workspaceId: string; webhook: Webhook }) {
  const update = useUpdateWebhook(workspaceId);
  const remove = useDeleteWebhook(workspaceId);
  return (
    <li className="card stack">
      <h3>{webhook.description ?? webhook.url}</h3>
      <p>
        <code>{webhook.url}</code> · {webhook.isEnabled ? "On" : "Switched off"} · {webhook.events.join(", ")}
      </p>
      {webhook.disabledReason && <p className="alert alert-info">{webhook.disabledReason}</p>}
      <div className="row">
        <button type="button" className="button-secondary" disabled={update.isPending} onClick={() => update.mutate({ webhookId: webhook.id, input: { isEnabled: !webhook.isEnabled } })}>
          {webhook.isEnabled ? "Switch off" : "Switch on"}
        </button>
        <button type="button" className="button-secondary" disabled={remove.isPending} onClick={() => remove.mutate(webhook.id)}>
          Delete <span className="visually-hidden">{webhook.url}</span>
        </button>
      </div>
      {(update.isError || remove.isError) && <p role="alert">{formErrorMessage((update.error ?? remove.error) as Error)}</p>}
      <DeliveriesLog workspaceId={workspaceId} webhook={webhook} />
    </li>
  );
}

/** Owners register endpoints, keep the secret shown once, and follow each endpoint's deliveries. */
export function WebhooksSettings({ workspaceId }: { workspaceId: string }) {
  const webhooks = useWebhooks(workspaceId);
  return (
    <div className="stack">
      <RegisterWebhookForm workspaceId={workspaceId} />
      <section aria-labelledby="webhooks-heading" className="stack">
        <h2 id="webhooks-heading">Endpoints</h2>
        {webhooks.isPending && <p>Loading…</p>}
        {webhooks.isError && <p role="alert">{formErrorMessage(webhooks.error)}</p>}
        {webhooks.data && webhooks.data.items.length === 0 && <p className="hint">No endpoints yet.</p>}
        {webhooks.data && webhooks.data.items.length > 0 && (
          <ul className="stack list">
            {webhooks.data.items.map((webhook) => (
              <WebhookCard key={webhook.id} workspaceId={workspaceId} webhook={webhook} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
