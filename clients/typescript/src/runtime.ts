// Hand-written: what the generated clients import (templates/File.Header.liquid). Kept apart from the generated code
// so that reading responses, problems and selections is written once, not once per operation.
import { NotModified } from "./etag.js";
import { LinkageProblem } from "./problem.js";

/** What every call answers: the status, the response headers (lower-case names) and the body. */
export class LinkageResponse<TResult> {
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly result: TResult,
  ) {}

  /** The ETag header: sent by reads, creates and changes (a note action's 204 too). */
  get etag(): string | undefined {
    return this.headers["etag"];
  }

  /** The Location header: the URL of what a create (or a note supersede) made. */
  get location(): string | undefined {
    return this.headers["location"];
  }

  /**
   * The id of what a create or a note supersede made, read off Location so that callers need not take URLs apart:
   * after `patchNote(..., { action: "supersede", ... })` it is the new revision's id.
   */
  get locationId(): string | undefined {
    return this.location?.split(/[?#]/)[0]?.split("/").filter((segment) => segment.length > 0).pop();
  }

  /** Whether a create was answered from the stored response of an earlier request with the same Idempotency-Key. */
  get replayed(): boolean {
    return this.headers["idempotent-replayed"] === "true";
  }
}

/** The answer of a read of one resource, or of a change: its ETag is always there (API.md 1.4). */
export type WithETag<TResult> = LinkageResponse<TResult> & { readonly etag: string };

/**
 * The answer of a create (201), or of a note supersede (204): the ETag and Location of what was made, and its id read
 * off Location, are always there (API.md 1.1, 3).
 */
export type Created<TResult> = WithETag<TResult> & { readonly location: string; readonly locationId: string };

/** The answer of a call with `select`: the selected properties, and id, version and etag, which are always there. */
export type Selected<TView, K extends keyof TView> = Pick<TView, K | Extract<keyof TView, "id" | "version" | "etag">>;

/** A change of a contact or a company takes If-Match or If-Unmodified-Since (If-Match wins when both are given). */
export type Precondition =
  | { /** The ETag you hold (e.g. '"3"'), a bare version or *. */ ifMatch: string; /** An HTTP date. */ ifUnmodifiedSince?: string }
  | { /** The ETag you hold (e.g. '"3"'), a bare version or *. */ ifMatch?: undefined; /** An HTTP date (`new Date().toUTCString()`). */ ifUnmodifiedSince: string };

/** Reads a response: its body (JSON, or nothing) and headers; a 304 rejects with NotModified, a 4xx or 5xx with a LinkageProblem. */
export async function readResponse<TResult>(response: Response): Promise<LinkageResponse<TResult>> {
  if (response.status === 304) {
    throw new NotModified(response.headers.get("ETag") ?? "");
  }

  if (response.status >= 400) {
    throw await LinkageProblem.fromResponse(response);
  }

  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  return new LinkageResponse(response.status, headers, (text === "" ? null : JSON.parse(text)) as TResult);
}

/** Reads an answer that carries its ETag (a read of one resource, a change); one without it breaks the contract. */
export async function readWithETag<TResult>(response: Response): Promise<WithETag<TResult>> {
  const answer = await readResponse<TResult>(response);
  requireHeaders(answer, ["etag"]);
  return answer as WithETag<TResult>;
}

/** Reads a create's answer (or a supersede's), which carries the ETag and Location of what was made. */
export async function readCreated<TResult>(response: Response): Promise<Created<TResult>> {
  const answer = await readResponse<TResult>(response);
  requireHeaders(answer, ["etag", "location"]);
  return answer as Created<TResult>;
}

/** The promise of the types above, kept at run time: a header missing (a proxy dropped it, CORS hid it) is an error here. */
function requireHeaders(answer: LinkageResponse<unknown>, names: readonly string[]): void {
  const missing = names.filter((name) => answer.headers[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`The API's ${answer.status} answer has no ${missing.join(" or ")} header, which the contract promises (is it exposed by CORS?).`);
  }
}
