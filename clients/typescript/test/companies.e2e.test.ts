import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem, locationOf, revalidate } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("companies through the generated client", () => {
  it("creates a company and returns its ETag and Location", async () => {
    const api = clientFor(newTenant());
    const created = await api.companies.createCompany({
      name: "Analytical Engines Ltd",
      orgNr: "123456789",
      address: { street: "1 Engine Lane", postalCode: "0150", city: "London", countryCode: "GB" },
      urls: [{ value: "https://engines.example.com" }],
    });

    assert.equal(created.status, 201);
    assert.equal(etagOf(created), '"1"');
    assert.equal(created.result.etag, '"1"');
    assert.equal(created.result.name, "Analytical Engines Ltd");
    assert.equal(created.result.address?.countryCode, "GB");
    assert.equal(locationOf(created), `/api/v1/network/companies/${created.result.id}`);

    const fresh = await revalidate(created.result.etag, (ifNoneMatch) => api.companies.getCompany(created.result.id, { ifNoneMatch }));
    assert.equal(fresh.modified, false);
  });

  it("pages through companies and finds one by name prefix", async () => {
    const api = clientFor(newTenant());
    for (const name of ["Acme", "Acorn", "Beta"]) {
      await api.companies.createCompany({ name });
    }

    const first = await api.companies.listCompanies({ limit: 2 });
    assert.equal(first.result.items.length, 2);
    assert.ok(first.result.nextCursor);
    const second = await api.companies.listCompanies({ limit: 2, cursor: first.result.nextCursor });
    assert.equal(second.result.items.length, 1);
    assert.equal(second.result.nextCursor ?? null, null);

    const found = await api.companies.listCompanies({ q: "ac" });
    assert.deepEqual(found.result.items.map((c) => c.name).sort(), ["Acme", "Acorn"]);
  });

  it("deletes with the ETag from the create and records it on the timeline", async () => {
    const api = clientFor(newTenant());
    const created = await api.companies.createCompany({ name: "Short-lived" });

    const deleted = await api.companies.deleteCompany(created.result.id, { ifMatch: created.result.etag });
    assert.equal(deleted.status, 204);
    const gone = await failure(api.companies.getCompany(created.result.id));
    assert.ok(isProblem(gone, "NotFound"));
  });
});

describe("a company's patches, links, notes and timeline through the generated client", () => {
  it("merge-patches a company, lists its links and reads company.updated on its timeline", async () => {
    const api = clientFor(newTenant());
    const company = await api.companies.createCompany({ name: "Engines", customFields: { tier: "gold", seats: 12, active: true, legacyId: null } });
    assert.deepEqual(company.result.customFields, { tier: "gold", seats: 12, active: true, legacyId: null });
    const contact = await api.contacts.createContact({ firstName: "Ada" });
    const link = await api.links.createLink({ contactId: contact.result.id, companyId: company.result.id, jobTitle: "CTO" });

    const patched = await api.companies.patchCompany(company.result.id, { department: "R&D", customFields: { seats: 13 } }, { ifMatch: company.etag });
    assert.equal(patched.result.department, "R&D");
    assert.equal(patched.result.customFields["seats"], 13);
    const links = await api.links.listCompanyLinks(company.result.id);
    assert.deepEqual(links.result.items.map((l) => l.id), [link.result.id]);

    const timeline = await api.companies.listCompanyActions(company.result.id);
    assert.deepEqual(timeline.result.items.map((a) => a.kind), ["company.updated", "link.created", "company.created"]);
    assert.equal(timeline.result.items[0]?.changes?.["department"]?.to, "R&D");
  });

  it("keeps notes on a company: create, list, read, and a supersede whose 204 names the new revision", async () => {
    const api = clientFor(newTenant());
    const companyId = (await api.companies.createCompany({ name: "Engines" })).result.id;
    const note = await api.companyNotes.createNote(companyId, { message: "Renewal due" });

    const revision = await api.companyNotes.patchNote(companyId, note.result.id, { action: "supersede", supersede: { message: "Renewed" } }, { ifMatch: note.etag });
    const newId: string = revision.locationId;
    const read = await api.companyNotes.getNote(companyId, newId);
    assert.equal(read.result.message, "Renewed");
    assert.equal(read.etag, revision.etag);
    const archived = await api.companyNotes.patchNote(companyId, newId, { action: "archive" }, { ifMatch: revision.etag });
    assert.notEqual(archived.etag, revision.etag);

    assert.deepEqual((await api.companyNotes.listNotes(companyId)).result.items, []);
    const all = await api.companyNotes.listNotes(companyId, { includeArchived: true, includeSuperseded: true });
    assert.deepEqual(all.result.items.map((n) => n.id).sort(), [note.result.id, newId].sort());
  });
});
