// Hand-written: conditional requests. NSwag treats 304 as a failure, and leaves reading response
// headers (ETag, Idempotent-Replayed) to the caller.
import type { LinkageResponse } from "./generated/client.js";

/** Thrown for a 304: the If-None-Match ETag is still current. {@link revalidate} turns it into a result. */
export class NotModified extends Error {
  override readonly name = "NotModified";

  constructor(readonly etag: string) {
    super(`Not modified: ${etag} is current.`);
  }
}

/** The outcome of a conditional read: the copy held is current, or here is the new one. */
export type Revalidation<T> =
  | { readonly modified: false; readonly etag: string }
  | { readonly modified: true; readonly etag: string; readonly value: T };

/**
 * Reads a resource only if it changed since `etag`:
 * `await revalidate(contact.etag, (tag) => api.contacts.getContact(id, tag))`.
 */
export async function revalidate<T>(
  etag: string,
  read: (ifNoneMatch: string) => Promise<LinkageResponse<T>>,
): Promise<Revalidation<T>> {
  try {
    const response = await read(etag);
    return { modified: true, etag: etagOf(response), value: response.result };
  } catch (error) {
    if (error instanceof NotModified) {
      return { modified: false, etag: error.etag || etag };
    }

    throw error;
  }
}

/** The ETag header of a response (creates, reads and changes send one); throws when it is absent. */
export function etagOf(response: LinkageResponse<unknown>): string {
  const etag = header(response, "etag");
  if (etag === undefined) {
    throw new Error(`The response (status ${response.status}) has no ETag header.`);
  }

  return etag;
}

/** The Location header of a 201, if any. */
export function locationOf(response: LinkageResponse<unknown>): string | undefined {
  return header(response, "location");
}

/** Whether a create was answered from the stored response of an earlier request with the same Idempotency-Key. */
export function wasReplayed(response: LinkageResponse<unknown>): boolean {
  return header(response, "idempotent-replayed") === "true";
}

function header(response: LinkageResponse<unknown>, name: string): string | undefined {
  const value: unknown = response.headers[name];
  return typeof value === "string" ? value : undefined;
}
