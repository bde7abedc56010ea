// Hand-written: keyset lists (API.md 1.6) as async iterables, so a front-end walks every item with `for await`
// instead of threading nextCursor through a loop by hand.
import type { LinkageResponse } from "./runtime.js";

/** One page of a list, as every list operation answers. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * Every item of a list, page by page: `readPage` is called with the cursor of the next page (undefined for the first),
 * and the next page is read only when the loop gets there. Stop the loop early and no further page is read.
 *
 * @example
 * import { walk } from "@linkage/client";
 *
 * for await (const contact of walk((cursor) => api.contacts.listContacts({ q: "ada", cursor }))) {
 *   console.log(contact.fullName);
 * }
 */
export async function* walk<T>(readPage: (cursor: string | undefined) => Promise<LinkageResponse<Page<T>>>): AsyncGenerator<T, void, undefined> {
  for await (const page of walkPages(readPage)) {
    yield* page.items;
  }
}

/** Every page of a list (for showing pages, or counting them), read one at a time as the loop asks. */
export async function* walkPages<T>(readPage: (cursor: string | undefined) => Promise<LinkageResponse<Page<T>>>): AsyncGenerator<Page<T>, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = (await readPage(cursor)).result;
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
