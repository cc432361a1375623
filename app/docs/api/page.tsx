import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/openapi-document";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
};

const METHODS = ["get", "post", "patch", "put", "delete"] as const;
const schemaName = (ref: string | undefined) => ref?.split("/").at(-1);

/** A readable rendering of /api/v1/openapi.json, generated from the same zod schemas as the routes. */
export default async function ApiReferencePage() {
  const document = await openApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ path, method, operation, tag: operation.tags?.[0] ?? "Other" }] : [];
    }),
  );
  const tags = [...new Set(operations.map((entry) => entry.tag))];
  return (
    <div className="stack api-reference">
      <h1>ClaimDesk API reference</h1>
      <p>
        Version {document.info.version}. JSON in and out; errors are <code>{"{ error: { code, message, details? } }"}</code>. Authenticate with
        the session cookie, or send a personal API token as <code>Authorization: Bearer &lt;token&gt;</code> (Settings → API tokens). The
        machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Sections">
        <ul className="row">
          {tags.map((tag) => (
            <li key={tag}>
              <a href={`#${tag.toLowerCase()}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={tag.toLowerCase()} aria-labelledby={`${tag.toLowerCase()}-heading`} className="stack">
          <h2 id={`${tag.toLowerCase()}-heading`}>{tag}</h2>
          {operations
            .filter((entry) => entry.tag === tag)
            .map(({ path, method, operation }) => {
              const body = schemaName(operation.requestBody?.content?.["application/json"]?.schema?.$ref);
              return (
                <article key={`${method} ${path}`} className="card stack">
                  <h3>
                    <code>
                      {method.toUpperCase()} {path}
                    </code>
                  </h3>
                  {operation.summary && <p>{operation.summary}</p>}
                  {operation.description && <p className="muted">{operation.description}</p>}
                  {(operation.parameters?.length ?? 0) > 0 && (
                    <p>
                      Parameters:{" "}
                      {operation.parameters?.map((parameter) => `${parameter.name} (${parameter.in}${parameter.required ? ", required" : ""})`).join(", ")}
                    </p>
                  )}
                  {body && (
                    <p>
                      Body: <code>{body}</code>
                    </p>
                  )}
                  <p>
                    Answers:{" "}
                    {Object.entries(operation.responses ?? {})
                      .map(([status, response]) => `${status} ${response.description ?? ""}`.trim())
                      .join(" · ")}
                  </p>
                </article>
              );
            })}
        </section>
      ))}
    </div>
  );
}
