import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem, LinkageProblem, locationOf, NotModified, revalidate } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("contacts through the generated client", () => {
  it("creates a contact and returns its ETag, Location and the origin it was sent with", async () => {
    const api = clientFor(newTenant(), { changeOrigin: "e2e-web" });
    const created = await api.contacts.createContact({ firstName: "Ada", lastName: "Lovelace", emails: [{ value: "ada@example.com" }] });

    assert.equal(created.status, 201);
    assert.equal(etagOf(created), '"1"');
    assert.equal(created.result.etag, '"1"');
    assert.equal(created.result.version, 1);
    assert.equal(created.result.fullName, "Ada Lovelace");
    assert.equal(created.result.changeType, "Created");
    assert.equal(created.result.changeOrigin, "e2e-web");
    assert.equal(locationOf(created), `/api/v1/network/contacts/${created.result.id}`);

    const read = await api.contacts.getContact(created.result.id);
    assert.deepEqual(read.result, created.result);
  });

  it("a per-call X-Change-Origin wins over the client's default and reaches the timeline", async () => {
    const api = clientFor(newTenant(), { changeOrigin: "e2e-web" });
    const created = await api.contacts.createContact({ firstName: "Grace" }, { changeOrigin: "import-job" });

    const actions = await api.contacts.listContactActions(created.result.id);
    assert.equal(created.result.changeOrigin, "import-job");
    assert.deepEqual(actions.result.items.map((a) => [a.kind, a.changeOrigin, a.actorId]), [["contact.created", "import-job", "e2e-user"]]);
  });

  it("answers 304 to If-None-Match with the current ETag, and the new copy to an outdated one", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ lastName: "Hopper" });
    const id = created.result.id;

    const fresh = await revalidate(created.result.etag, (ifNoneMatch) => api.contacts.getContact(id, { ifNoneMatch }));
    assert.deepEqual(fresh, { modified: false, etag: '"1"' });

    const error = await failure(api.contacts.getContact(id, { ifNoneMatch: created.result.etag }));
    assert.ok(error instanceof NotModified);
    assert.equal(error.etag, '"1"');

    const outdated = await revalidate('"0"', (ifNoneMatch) => api.contacts.getContact(id, { ifNoneMatch }));
    assert.equal(outdated.modified, true);
    assert.equal(outdated.etag, '"1"');
    assert.deepEqual(outdated.modified && outdated.value, created.result);
  });

  it("lists every contact once across pages of the requested size", async () => {
    const api = clientFor(newTenant());
    const ids = new Set<string>();
    for (const name of ["Ann", "Ben", "Cid", "Dee", "Eve"]) {
      ids.add((await api.contacts.createContact({ firstName: name })).result.id);
    }

    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null | undefined = undefined;
    do {
      const page = await api.contacts.listContacts({ limit: 2, cursor });
      sizes.push(page.result.items.length);
      seen.push(...page.result.items.map((c) => c.id));
      cursor = page.result.nextCursor;
    } while (cursor);

    assert.deepEqual(sizes, [2, 2, 1]);
    assert.equal(seen.length, 5);
    assert.deepEqual(new Set(seen), ids);
  });

  it("refuses a delete with a stale ETag (412 PreconditionFailed with the current ETag), then deletes after a re-read", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Stale" });
    const id = created.result.id;

    const stale = await failure(api.contacts.deleteContact(id, { ifMatch: '"7"' }));
    assert.ok(isProblem(stale, "PreconditionFailed"), String(stale));
    assert.equal(stale.status, 412);
    assert.equal(stale.etag, '"1"');
    assert.ok(stale.traceId.length > 0);
    assert.equal((await api.contacts.getContact(id)).result.version, 1, "the refused delete changed nothing");

    const current = await api.contacts.getContact(id);
    const deleted = await api.contacts.deleteContact(id, { ifMatch: etagOf(current) });
    assert.equal(deleted.status, 204);

    const gone = await failure(api.contacts.getContact(id));
    assert.ok(isProblem(gone, "NotFound"));
    assert.equal(gone.status, 404);
  });

  it("refuses a delete without If-Match (428 PreconditionRequired)", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Unconditional" });

    const error = await failure(api.contacts.deleteContact(created.result.id, { ifMatch: "" }));
    assert.ok(isProblem(error, "PreconditionRequired"), String(error));
    assert.equal(error.status, 428);
  });

  it("reports validation failures as 400 ValidationFailed with errors by field", async () => {
    const api = clientFor(newTenant());

    const error = await failure(api.contacts.createContact({ firstName: "", lastName: null, emails: [{ value: "not-an-address" }] }));
    assert.ok(error instanceof LinkageProblem);
    assert.equal(error.status, 400);
    assert.equal(error.code, "ValidationFailed");
    assert.ok(Object.keys(error.errors).length > 0, JSON.stringify(error.body));
    assert.equal((await api.contacts.listContacts()).result.items.length, 0, "nothing was created");
  });
});
