// Hand-written: typed problem details. The generated clients would throw the parsed body as a plain
// object and lose the response headers (the current ETag of a 412, Retry-After of a 503).
import type { ProblemCode, ProblemDetails } from "./generated/client.js";

/** Codes for a failure whose body is not problem details (e.g. a proxy's error page). */
const codeForStatus: Readonly<Record<number, ProblemCode>> = {
  400: "ValidationFailed",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "Conflict",
  412: "PreconditionFailed",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "IdempotencyKeyReused",
  428: "PreconditionRequired",
  429: "RateLimited",
  502: "Unavailable",
  503: "Unavailable",
  504: "Unavailable",
};

/** A 4xx or 5xx answer of the Linkage API (RFC 9457 problem details), thrown by every client call. */
export class LinkageProblem extends Error {
  override readonly name = "LinkageProblem";

  /** The HTTP status. */
  readonly status: number;

  /** The stable machine-readable code; switch on it, not on the message. */
  readonly code: ProblemCode;

  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly instance: string;

  /** Quote it when reporting a problem. */
  readonly traceId: string;

  /** Validation messages by field path (400 ValidationFailed); empty otherwise. */
  readonly errors: Readonly<Record<string, readonly string[]>>;

  /** The resource's current ETag, sent with 412 PreconditionFailed. */
  readonly etag: string | null;

  /** Seconds to wait before retrying, sent with 429 RateLimited and 503 Unavailable. */
  readonly retryAfterSeconds: number | null;

  /** The body as received, with any extension members (e.g. existingId of a 409 Conflict). */
  readonly body: Readonly<ProblemDetails>;

  constructor(status: number, body: ProblemDetails, headers?: Headers) {
    super(`${status} ${body.code}: ${body.detail}`);
    this.status = status;
    this.code = body.code;
    this.title = body.title;
    this.detail = body.detail;
    this.type = body.type;
    this.instance = body.instance;
    this.traceId = body.traceId;
    this.errors = body.errors ?? {};
    this.etag = headers?.get("ETag") ?? null;
    const retryAfter = Number.parseInt(headers?.get("Retry-After") ?? "", 10);
    this.retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : null;
    this.body = body;
  }

  /** Reads a failed response into a problem; a body that is not problem details still yields one. */
  static async fromResponse(response: Response): Promise<LinkageProblem> {
    const text = await response.text();
    let body: Partial<ProblemDetails> = {};
    if (/json/i.test(response.headers.get("Content-Type") ?? "")) {
      try {
        body = JSON.parse(text) as Partial<ProblemDetails>;
      } catch {
        body = {};
      }
    }

    const status = response.status;
    const code = body.code ?? codeForStatus[status] ?? (status >= 500 ? "InternalError" : "ValidationFailed");
    return new LinkageProblem(status, {
      ...body,
      type: body.type ?? `urn:linkage:problem:${code}`,
      title: body.title ?? (response.statusText || "The request failed."),
      status,
      detail: body.detail ?? (text.length > 0 && text.length <= 500 ? text : `HTTP ${status}`),
      instance: body.instance ?? new URL(response.url || "http://unknown/").pathname,
      traceId: body.traceId ?? "",
      code,
    }, response.headers);
  }
}

/** Whether an error is a Linkage problem, optionally with one of the given codes. */
export function isProblem(error: unknown, ...codes: ProblemCode[]): error is LinkageProblem {
  return error instanceof LinkageProblem && (codes.length === 0 || codes.includes(error.code));
}
