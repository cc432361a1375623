import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";

// The only module that reads process.env (scripts and the app alike), so every
// setting is named, validated and documented in one place.

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const TrustedProxiesSchema = optionalText.transform((value, ctx) => {
  try {
    return parseTrustedProxies(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)}` });
    return z.NEVER;
  }
});

const ServerEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. Run `npm start` for the embedded database, or set it to a postgres:// URL." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  NEXTAUTH_SECRET: z
    .string({
      error:
        "NEXTAUTH_SECRET is not set. With your own DATABASE_URL, set NEXTAUTH_SECRET to a random value of at least 32 characters (for example `openssl rand -base64 32`).",
    })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters long (for example `openssl rand -base64 32`)."),
  NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
  /** The address people use to reach the app, for links in exports and e-mails; unset: the address of each request. */
  PUBLIC_URL: optionalText.pipe(z.url({ error: "PUBLIC_URL must be a full URL such as https://desk.example.org" }).optional()),
  /** Proxies whose X-Forwarded-For/-Host/-Proto are believed (comma-separated addresses or CIDR ranges); default none. */
  TRUSTED_PROXIES: TrustedProxiesSchema,
  SIGN_UP_LIMIT_PER_HOUR: z.coerce.number({ error: "SIGN_UP_LIMIT_PER_HOUR must be a whole number" }).int().min(1).default(10),
  /** Sign-in attempts per 15 minutes for one email, and from one address (password guessing). */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number({ error: "SIGN_IN_LIMIT_PER_EMAIL must be a whole number" }).int().min(1).default(10),
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number({ error: "SIGN_IN_LIMIT_PER_ADDRESS must be a whole number" }).int().min(1).default(50),
  /** Writes: a person's sustained rate and burst (a token bucket), and writes per minute from one address by callers not signed in. */
  WRITE_RATE_PER_SECOND: z.coerce.number({ error: "WRITE_RATE_PER_SECOND must be a whole number" }).int().min(1).default(10),
  WRITE_BURST: z.coerce.number({ error: "WRITE_BURST must be a whole number" }).int().min(1).default(100),
  WRITE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number({ error: "WRITE_LIMIT_PER_ADDRESS_PER_MINUTE must be a whole number" }).int().min(1).default(300),
  /** Memory for each app instance's last built claim lists, reused while their version (ETag) holds; 0 turns it off. */
  CLAIM_LIST_CACHE_MB: z.coerce.number({ error: "CLAIM_LIST_CACHE_MB must be a whole number" }).int().min(0).max(4096).default(32),
  /** How long an app instance may reuse a bearer token's lookup; revoking there forgets it at once, other instances within this bound. 0 turns it off. */
  API_TOKEN_CACHE_SECONDS: z.coerce.number({ error: "API_TOKEN_CACHE_SECONDS must be a whole number" }).int().min(0).max(60).default(5),
  GITHUB_ID: optionalText,
  GITHUB_SECRET: optionalText,
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
  OIDC_ISSUER: optionalText.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: optionalText,
  // Bounded work (docs/security.md).
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().positive().default(24),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().positive().default(30),
  EXPORT_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(4),
  EXPORT_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(2),
  EXPORT_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().positive().default(60),
  EXPORT_IDLE_TIMEOUT_SECONDS: z.coerce.number().positive().default(60),
  // A release stores the bytes of all four formats in the database (docs/security.md › Releases).
  RELEASE_MAX_CLAIMS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  RELEASE_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(64 * 1024 * 1024),
  HTML_EXTRACTION_TIMEOUT_SECONDS: z.coerce.number().positive().default(20),
  /** Public fact-check pages and feeds: entries per feed, and how long a cached page may miss a change made outside publishing. */
  PUBLIC_FEED_MAX_ITEMS: z.coerce.number().int().min(1).max(1000).default(50),
  PUBLIC_CACHE_MAX_SECONDS: z.coerce.number().int().min(1).default(3600),
  // Server-side fetching (lib/fetching/safe-fetch.ts): every limit of a fetch of a web address.
  FETCH_TIMEOUT_MS: z.coerce.number({ error: "FETCH_TIMEOUT_MS must be a whole number" }).int().min(100).max(120_000).default(10_000),
  FETCH_MAX_BYTES: z.coerce.number({ error: "FETCH_MAX_BYTES must be a whole number" }).int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: z.coerce.number({ error: "FETCH_MAX_REDIRECTS must be a whole number" }).int().min(0).max(10).default(5),
  /** Ports besides 80 (http) and 443 (https) that fetches may reach, comma-separated; default none. */
  FETCH_ALLOWED_PORTS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}(\s*,\s*\d{1,5})*$/, "FETCH_ALLOWED_PORTS must be port numbers separated by commas")
      .transform((value) => value.split(",").map((port) => Number(port.trim())))
      .optional(),
  ),
  /** Test only: fetches may reach 127.0.0.1 on this one port. Refused when NODE_ENV=production. */
  FETCH_ALLOW_LOOPBACK_PORT: z.coerce.number({ error: "FETCH_ALLOW_LOOPBACK_PORT must be a port number" }).int().min(1).max(65535).optional(),
  /** How long an import by URL waits for its job before answering 202 with the job to poll. */
  URL_IMPORT_WAIT_MS: z.coerce.number({ error: "URL_IMPORT_WAIT_MS must be a whole number" }).int().min(0).max(60_000).default(3_000),
  /** Job workers in this process (`npm start`, `npm run worker`); 0 runs none (enqueueing still works). */
  JOB_WORKER_CONCURRENCY: z.coerce.number({ error: "JOB_WORKER_CONCURRENCY must be a whole number" }).int().min(0).max(32).default(2),
  /** Webhook deliveries: retries after the first attempt, and the first wait (doubling each time, pg-boss adds up to as much again). 12 × 20 s ≈ a day. */
  WEBHOOK_RETRY_LIMIT: z.coerce.number({ error: "WEBHOOK_RETRY_LIMIT must be a whole number" }).int().min(0).max(20).default(12),
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number({ error: "WEBHOOK_RETRY_DELAY_SECONDS must be a whole number" }).int().min(1).max(3600).default(20),
  /** When the link checker re-fetches the evidence of verified and published claims: a cron expression (UTC); default Mondays 03:00, weekly. */
  LINK_CHECK_CRON: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4}\S+$/, "LINK_CHECK_CRON must be a cron expression of five fields, e.g. 0 3 * * 1")
    .default("0 3 * * 1"),
  /** Checks in a row that could not reach a page (a timeout, a 5xx, a 429, a dropped connection) before the link checker flags it dead. */
  LINK_CHECK_DEAD_AFTER: z.coerce.number({ error: "LINK_CHECK_DEAD_AFTER must be a whole number" }).int().min(1).max(10).default(3),
  /** How long after a check that could not reach a page it is checked again, in minutes. */
  LINK_RECHECK_AFTER_MINUTES: z.coerce.number({ error: "LINK_RECHECK_AFTER_MINUTES must be a whole number" }).int().min(1).max(10_080).default(360),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && env.FETCH_ALLOW_LOOPBACK_PORT !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["FETCH_ALLOW_LOOPBACK_PORT"],
      message: "FETCH_ALLOW_LOOPBACK_PORT is for tests only and is refused when NODE_ENV=production; unset it.",
    });
  }
});

export type ServerEnv = z.infer<typeof ServerEnvSchema>;

let cachedServerEnv: ServerEnv | undefined;

/** The validated settings of a running app; throws an error that names every missing or bad variable. */
export function serverEnv(): ServerEnv {
  cachedServerEnv ??= parseServerEnv(process.env);
  return cachedServerEnv;
}

/** Settings read from the given variables (serverEnv reads process.env once). */
export function parseServerEnv(variables: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(variables);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.message}`).join("\n");
    throw new Error(`ClaimDesk cannot start; fix these settings:\n${problems}`);
  }
  return parsed.data;
}

/** The database URL when one is configured, without requiring the rest of the settings (build time, scripts). */
export function configuredDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

const LauncherEnvSchema = z.object({
  DATABASE_URL: optionalText,
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: optionalText,
  PUBLIC_URL: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: optionalText,
  CLAIMDESK_DATA_DIR: optionalText,
  TEST_DATABASE_URL: optionalText,
  CI: optionalText,
  CHROMIUM_PATH: optionalText,
  /** Extra Node flags for the export benchmark's child processes, e.g. a heap cap. */
  EXPORT_CHILD_FLAGS: optionalText,
  /** NODE_OPTIONS for the bench's web server only (not its build), e.g. `--import` of a profiler preload. */
  BENCH_SERVER_NODE_OPTIONS: optionalText,
});

export type LauncherEnv = z.infer<typeof LauncherEnvSchema>;

/** Settings read by the scripts that start, test and benchmark the app. */
export function launcherEnv(): LauncherEnv {
  const parsed = LauncherEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  return parsed.data;
}

/** The environment to hand to a child process, with ClaimDesk settings applied. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** Whether this code runs inside the Next.js server (bundled), rather than from source under tsx or Vitest. */
export function isNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

/** Under Vitest every API answer is checked against its endpoint's declaration (lib/http/define-route.ts). */
export function isResponseCheckOn(): boolean {
  return process.env.VITEST === "true";
}
