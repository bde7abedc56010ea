// How the client reads (issue 15): options objects, select typed to what was selected, merge patches typed from the
// resource, required members required, for-await over lists, a supersede's new id. The @ts-expect-error lines are
// assertions too: `npm test` type-checks first, and fails if one of them stops being an error.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { walk, walkPages } from "../src/index.js";
import { clientFor, newTenant } from "./support/live-api.js";

describe("the client's call shapes against the live API", () => {
  it("walks every contact of a keyset list with for await, reading pages only as the loop asks", async () => {
    const api = clientFor(newTenant());
    const names = ["Ann", "Ben", "Cid", "Dee", "Eve"];
    for (const firstName of names) {
      await api.contacts.createContact({ firstName });
    }

    const seen: string[] = [];
    for await (const contact of walk((cursor) => api.contacts.listContacts({ limit: 2, cursor }))) {
      seen.push(contact.firstName ?? "");
    }

    const sizes: number[] = [];
    for await (const page of walkPages((cursor) => api.contacts.listContacts({ limit: 2, cursor }))) {
      sizes.push(page.items.length);
      break;
    }

    assert.deepEqual(seen, names);
    assert.deepEqual(sizes, [2], "breaking out of the loop reads no further page");
  });

  it("types a select answer to the selected properties, and sends the names as $select", async () => {
    const api = clientFor(newTenant());
    const { result: created } = await api.contacts.createContact({ firstName: "Ada", lastName: "Lovelace" });

    const { result: selected } = await api.contacts.getContact(created.id, { select: ["lastName"] });
    // @ts-expect-error firstName was not selected, so the result has no such property
    const notSelected: unknown = selected.firstName;

    assert.deepEqual(selected, { id: created.id, lastName: "Lovelace", version: 1, etag: '"1"' });
    assert.equal(notSelected, undefined);
  });

  it("types a Merge Patch from the resource: writable members only, null where it clears", async () => {
    const api = clientFor(newTenant());
    const { result: created } = await api.contacts.createContact({ firstName: "Grace", description: "Admiral" });

    // @ts-expect-error fullName is read-only: it is not a member of ContactViewMergePatch
    const readOnly = { fullName: "Someone" } satisfies Parameters<typeof api.contacts.patchContact>[1];
    const patched = await api.contacts.patchContact(created.id, { lastName: "Hopper", description: null }, { ifMatch: created.etag });

    assert.ok(readOnly);
    assert.equal(patched.result.fullName, "Grace Hopper");
    assert.equal(patched.result.description ?? null, null);
    assert.equal(patched.etag, '"2"');
  });

  it("requires a note's message and types its format as a union; a supersede's response gives the new revision's id", async () => {
    const api = clientFor(newTenant());
    const { result: contact } = await api.contacts.createContact({ firstName: "Ada" });
    // @ts-expect-error message is required
    const withoutMessage: Parameters<typeof api.contactNotes.createNote>[1] = { contentFormat: "markdown" };
    // @ts-expect-error contentFormat is plain, markdown or html
    const unknownFormat: Parameters<typeof api.contactNotes.createNote>[1] = { message: "x", contentFormat: "rtf" };

    const note = await api.contactNotes.createNote(contact.id, { message: "Draft", contentFormat: "markdown" });
    const next = await api.contactNotes.patchNote(contact.id, note.result.id, { action: "supersede", supersede: { message: "Final" } }, { ifMatch: note.result.etag });
    const revision = await api.contactNotes.getNote(contact.id, next.locationId ?? "");

    assert.ok(withoutMessage && unknownFormat);
    assert.equal(revision.result.message, "Final");
    assert.equal(revision.result.supersedesActivityId, note.result.id);
    assert.equal(revision.etag, next.etag);
  });
});
