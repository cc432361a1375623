import { z } from "zod";

export const ERROR_STATUS = {
  validation_failed: 400,
  url_not_allowed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  fetch_failed: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * One problem with the input. `path` and `message` are always there; a validation issue from a schema
 * also names its zod `code` and the limit it broke, so a client can word its own message for the field.
 */
const ErrorIssueSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number()])).describe("Where the problem is: `path`, `query`, `body` or `headers`, then the field"),
    message: z.string().describe("A precise sentence for the developer or the person who sent the request"),
    code: z
      .string()
      .optional()
      .describe("The zod issue code: too_big, too_small, invalid_format, invalid_type, invalid_value, unrecognized_keys, invalid_union, custom…"),
    origin: z.string().optional().describe("too_big / too_small: what was measured (string: characters, number, array: items, date, file: bytes)"),
    maximum: z.number().optional().describe("too_big: the largest allowed length or value"),
    minimum: z.number().optional().describe("too_small: the smallest allowed length or value"),
    inclusive: z.boolean().optional().describe("too_big / too_small: false when the limit itself is not allowed"),
    format: z.string().optional().describe("invalid_format: the format expected (url, email, datetime, date, regex…)"),
    expected: z.string().optional().describe("invalid_type: the type expected"),
    values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional().describe("invalid_value: the values allowed"),
    isMissing: z.boolean().optional().describe("invalid_type: true when the field was not sent at all"),
  })
  .meta({ id: "ErrorIssue" });
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().describe("A sentence for the person who made the request"),
      details: z
        .union([z.array(ErrorIssueSchema), z.record(z.string(), z.unknown())])
        .optional()
        .describe("For validation_failed: the list of issues; for some other errors an object (for example `current`, `retryAfterSeconds`)"),
    }),
  })
  .meta({ id: "Error" });

/** An error whose message is written for the person who made the request. Only these reach users. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; status?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.status = options.status ?? ERROR_STATUS[code];
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) },
    };
  }
}

export const notFound = (what = "This item") =>
  new AppError("not_found", `${what} does not exist, was deleted, or belongs to a workspace you are not a member of.`);
