// Hand-written: conditional requests. A 304 has no body, so the client rejects it with NotModified; revalidate turns that
// into a result. The ETag helpers read the headers every call answers with.
import type { LinkageResponse } from "./runtime.js";

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
 * Reads a resource only if it changed since `etag`; `read` gets the ETag to send as If-None-Match.
 *
 * @example
 * import { revalidate } from "@linkage/client";
 *
 * const check = await revalidate(contact.etag, (ifNoneMatch) => api.contacts.getContact(contact.id, { ifNoneMatch }));
 * const current = check.modified ? check.value : contact;
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
  const etag = response.etag;
  if (etag === undefined) {
    throw new Error(`The response (status ${response.status}) has no ETag header.`);
  }

  return etag;
}

/** The Location header of a 201 (or of a note supersede's 204), if any. */
export function locationOf(response: LinkageResponse<unknown>): string | undefined {
  return response.location;
}

/** Whether a create was answered from the stored response of an earlier request with the same Idempotency-Key. */
export function wasReplayed(response: LinkageResponse<unknown>): boolean {
  return response.replayed;
}
