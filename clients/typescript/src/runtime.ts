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
