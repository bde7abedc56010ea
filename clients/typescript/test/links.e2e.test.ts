import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem, locationOf } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("links through the generated client", () => {
  async function contactAndCompany(api: ReturnType<typeof clientFor>): Promise<{ contactId: string; companyId: string }> {
    const contact = await api.contacts.createContact({ firstName: "Ada" });
    const company = await api.companies.createCompany({ name: "Engines Ltd" });
    return { contactId: contact.result.id, companyId: company.result.id };
  }

  it("updates with the ETag held, refuses a stale one with 412 and the current ETag, and succeeds after a re-read", async () => {
    const api = clientFor(newTenant());
    const created = await api.links.createLink({ ...(await contactAndCompany(api)), jobTitle: "Engineer" });
    const id = created.result.id;
    const firstTag = etagOf(created);
    assert.equal(created.status, 201);
    assert.equal(firstTag, '"1"');
    assert.equal(locationOf(created), `/api/v1/network/links/${id}`);

    const updated = await api.links.updateLink(id, { jobTitle: "Chief Engineer" }, { ifMatch: firstTag });
    assert.equal(updated.status, 200);
    assert.equal(etagOf(updated), '"2"');
    assert.equal(updated.result.version, 2);
    assert.equal(updated.result.jobTitle, "Chief Engineer");

    const stale = await failure(api.links.updateLink(id, { jobTitle: "Lost update" }, { ifMatch: firstTag }));
    assert.ok(isProblem(stale, "PreconditionFailed"), String(stale));
    assert.equal(stale.status, 412);
    assert.equal(stale.etag, '"2"');
    assert.equal((await api.links.getLink(id)).result.jobTitle, "Chief Engineer", "the refused update changed nothing");

    const current = await api.links.getLink(id);
    const retried = await api.links.updateLink(id, { jobTitle: "Director" }, { ifMatch: etagOf(current) });
    assert.equal(etagOf(retried), '"3"');
    assert.equal(retried.result.jobTitle, "Director");
  });

  it("refuses a delete with a stale ETag (412), then deletes with the fresh one (204)", async () => {
    const api = clientFor(newTenant());
    const created = await api.links.createLink(await contactAndCompany(api));
    const id = created.result.id;
    const changed = await api.links.updateLink(id, { jobTitle: "Analyst" }, { ifMatch: etagOf(created) });

    const stale = await failure(api.links.deleteLink(id, { ifMatch: etagOf(created) }));
    assert.ok(isProblem(stale, "PreconditionFailed"), String(stale));
    assert.equal(stale.etag, etagOf(changed));
    assert.equal((await api.links.getLink(id)).result.version, 2, "the refused delete changed nothing");

    const deleted = await api.links.deleteLink(id, { ifMatch: stale.etag ?? "" });
    assert.equal(deleted.status, 204);
    const gone = await failure(api.links.getLink(id));
    assert.ok(isProblem(gone, "NotFound"), String(gone));
  });

  it("refuses a second live link for the same pair with 409 Conflict naming the existing link", async () => {
    const api = clientFor(newTenant());
    const pair = await contactAndCompany(api);
    const first = await api.links.createLink(pair);

    const duplicate = await failure(api.links.createLink({ ...pair, jobTitle: "Again" }));
    assert.ok(isProblem(duplicate, "Conflict"), String(duplicate));
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body["existingId"], first.result.id);
    const listed = await api.links.listContactLinks(pair.contactId);
    assert.deepEqual(listed.result.items.map((l) => l.id), [first.result.id], "no second link was created");
  });

  it("setting isPrimary on a second link demotes the contact's first primary link", async () => {
    const api = clientFor(newTenant());
    const { contactId, companyId } = await contactAndCompany(api);
    const otherCompany = await api.companies.createCompany({ name: "Looms plc" });
    const first = await api.links.createLink({ contactId, companyId, isPrimary: true });
    const second = await api.links.createLink({ contactId, companyId: otherCompany.result.id });
    assert.equal(first.result.isPrimary, true);
    assert.equal(second.result.isPrimary, false);

    const promoted = await api.links.updateLink(second.result.id, { isPrimary: true }, { ifMatch: etagOf(second) });
    assert.equal(promoted.result.isPrimary, true);

    const demoted = await api.links.getLink(first.result.id);
    assert.equal(demoted.result.isPrimary, false);
    assert.equal(demoted.result.version, 2, "the demoted link's version moved");
    assert.equal((await api.links.getLink(second.result.id)).result.isPrimary, true);
    const listed = await api.links.listContactLinks(contactId);
    assert.deepEqual(listed.result.items.filter((l) => l.isPrimary).map((l) => l.id), [second.result.id]);
  });
});
