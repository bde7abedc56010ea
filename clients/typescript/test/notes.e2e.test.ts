import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem, locationOf } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("notes through the generated client", () => {
  it("archives (new ETag), archives again as a no-op, and refuses to supersede an archived note", async () => {
    const api = clientFor(newTenant());
    const contact = await api.contacts.createContact({ firstName: "Ada" });
    const contactId = contact.result.id;
    const note = await api.contactNotes.createNote(contactId, { message: "Met at the engine show" });
    assert.equal(note.status, 201);
    assert.equal(locationOf(note), `/api/v1/network/contacts/${contactId}/notes/${note.result.id}`);

    const archived = await api.contactNotes.patchNote(contactId, note.result.id, { action: "archive" }, { ifMatch: etagOf(note) });
    assert.equal(archived.status, 204);
    const archivedTag = etagOf(archived);
    assert.notEqual(archivedTag, etagOf(note));

    const again = await api.contactNotes.patchNote(contactId, note.result.id, { action: "archive" }, { ifMatch: archivedTag });
    assert.equal(again.status, 204);
    assert.equal(etagOf(again), archivedTag, "archiving an archived note moves no version");
    const read = await api.contactNotes.getNote(contactId, note.result.id);
    assert.ok(read.result.archivedAt);
    assert.equal(read.result.etag, archivedTag);

    const refused = await failure(api.contactNotes.patchNote(contactId, note.result.id,
      { action: "supersede", supersede: { message: "Too late" } }, { ifMatch: archivedTag }));
    assert.ok(isProblem(refused, "NoteArchived"), String(refused));
    assert.equal(refused.status, 400);
  });

  it("supersedes a note: the new revision's ETag and Location come from the 204, and the old one cannot be superseded again", async () => {
    const api = clientFor(newTenant());
    const contactId = (await api.contacts.createContact({ firstName: "Grace" })).result.id;
    const note = await api.contactNotes.createNote(contactId, { message: "First draft", contentFormat: "markdown" });
    const oldId = note.result.id;

    const superseded = await api.contactNotes.patchNote(contactId, oldId,
      { action: "supersede", supersede: { message: "Second draft" } }, { ifMatch: etagOf(note) });
    assert.equal(superseded.status, 204);
    const location = locationOf(superseded);
    assert.ok(location?.startsWith(`/api/v1/network/contacts/${contactId}/notes/`), location);
    const newId = superseded.locationId ?? "";
    assert.equal(location, `/api/v1/network/contacts/${contactId}/notes/${newId}`);
    assert.notEqual(newId, oldId);

    const revision = await api.contactNotes.getNote(contactId, newId);
    assert.equal(revision.result.etag, etagOf(superseded));
    assert.equal(etagOf(revision), etagOf(superseded));
    assert.equal(revision.result.supersedesActivityId, oldId);
    assert.equal(revision.result.message, "Second draft");
    assert.equal(revision.result.contentFormat, "markdown", "an omitted field is inherited");

    const old = await api.contactNotes.getNote(contactId, oldId);
    assert.equal(old.result.supersededById, newId);
    assert.ok(old.result.expiredAt);

    const again = await failure(api.contactNotes.patchNote(contactId, oldId,
      { action: "supersede", supersede: { message: "Third draft" } }, { ifMatch: etagOf(old) }));
    assert.ok(isProblem(again, "NoteSuperseded"), String(again));
    assert.equal(again.status, 400);
    const current = await api.contactNotes.listNotes(contactId);
    assert.deepEqual(current.result.items.map((n) => n.id), [newId], "only the head of the chain is current");
  });
});
