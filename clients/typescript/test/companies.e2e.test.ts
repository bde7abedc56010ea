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
