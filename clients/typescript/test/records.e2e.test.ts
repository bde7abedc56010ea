import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem, locationOf } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("custom domains, records, relationship types and upserts through the generated client", () => {
  it("defines a domain, creates a record, patches it with If-Match and refuses a stale ETag", async () => {
    const api = clientFor(newTenant());
    const domain = await api.domains.createDomain({
      name: "Claim",
      label: "Claims",
      fields: [{ name: "claimNumber", type: "text", required: true }, { name: "amount", type: "number" }],
    });
    assert.equal(domain.status, 201);
    assert.equal(locationOf(domain), "/api/v1/domains/Claim");
    assert.deepEqual(domain.result.fields.map((f) => f.type), ["text", "number"]);

    const record = await api.records.createRecord("Claim", { fields: { claimNumber: "C-1", amount: 10 } });
    assert.equal(record.status, 201);
    assert.equal(record.result.domain, "Claim");
    assert.equal(etagOf(record), '"1"');

    const patched = await api.records.patchRecord("claim", record.result.id, [{ op: "replace", path: "/fields/amount", value: 12 }], { ifMatch: etagOf(record) });
    assert.equal(patched.result.fields["amount"], 12);
    assert.equal(etagOf(patched), '"2"');

    const stale = await failure(api.records.patchRecord("Claim", record.result.id, [{ op: "remove", path: "/fields/amount" }], { ifMatch: etagOf(record) }));
    assert.ok(isProblem(stale, "PreconditionFailed"), String(stale));
    assert.equal(stale.etag, '"2"');
    assert.equal((await api.records.getRecord("Claim", record.result.id)).result.fields["amount"], 12, "the refused patch changed nothing");
  });

  it("defines a relationship type and upserts a contact's link: 201 when made, 200 when found and retyped", async () => {
    const api = clientFor(newTenant());
    await api.domains.createDomain({ name: "Policy", label: "Policies", fields: [{ name: "policyNumber", type: "text" }] });
    const adjuster = await api.relationshipTypes.createRelationshipType({ name: "adjuster", label: "Adjuster", fromDomain: "Policy", toDomain: "Contact", fields: [] });
    await api.relationshipTypes.createRelationshipType({ name: "underwriter", label: "Underwriter", fromDomain: "Policy", toDomain: "Contact", fields: [] });
    assert.equal(adjuster.result.fromDomain, "Policy");
    await api.records.createRecord("Policy", { fields: { policyNumber: "POL-2026-001" } });
    const contact = await api.contacts.createContact({ firstName: "Grace", emails: [{ value: "grace@example.com" }] });

    const inserted = await api.typedLinks.upsertLink({
      parentDomain: "Policy",
      parentRecordKey: "POL-2026-001",
      parentRecordMatchField: "policyNumber",
      childDomain: "Contact",
      childRecordKey: "grace@example.com",
      childRecordMatchField: "email",
      relationship: "Adjuster",
    });
    assert.equal(inserted.status, 201);
    assert.equal(inserted.result.inserted, true);
    assert.equal(inserted.result.childId, contact.result.id);
    assert.equal(inserted.result.relationship, "adjuster");
    assert.equal(locationOf(inserted), `/api/v1/links/${inserted.result.linkId}`);

    const updated = await api.typedLinks.upsertLink({
      parentDomain: "Policy",
      parentRecordKey: "POL-2026-001",
      parentRecordMatchField: "policyNumber",
      childDomain: "Contact",
      childRecordId: contact.result.id,
      relationship: "adjuster",
      newRelationship: "underwriter",
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.result.linkId, inserted.result.linkId);
    assert.equal(updated.result.relationship, "underwriter");
    assert.equal(etagOf(updated), '"2"');

    const mismatch = await failure(api.typedLinks.upsertLink({
      parentDomain: "Policy", parentRecordKey: "POL-2026-001", parentRecordMatchField: "policyNumber",
      childDomain: "Contact", childRecordId: contact.result.id, relationship: "adjuster", newRelationship: "underwriter",
    }));
    assert.ok(isProblem(mismatch, "Conflict"), String(mismatch));
  });

  it("masks a record's restricted fields, shows them with reveal to a caller who may, and records each reveal", async () => {
    const tenant = newTenant();
    const api = clientFor(tenant);
    await api.domains.createDomain({
      name: "Employee",
      label: "Employees",
      fields: [{ name: "name", type: "text" }, { name: "ssn", type: "text", restricted: true }],
    });
    const created = await api.records.createRecord("Employee", { fields: { name: "Grace", ssn: "078-05-1120" } });
    assert.deepEqual(created.result.fields, { name: "Grace" }, "a create answers masked");
    assert.deepEqual(created.result.restrictedFields["ssn"], { masked: { currentUserIsAuthorizedToReveal: true } });

    const masked = await api.records.getRecord("Employee", created.result.id);
    assert.equal(masked.result.fields["ssn"], undefined);
    const revealed = await api.records.getRecord("Employee", created.result.id, { reveal: true });
    assert.equal(revealed.result.fields["ssn"], "078-05-1120");
    assert.deepEqual(revealed.result.restrictedFields, {});
    const actions = await api.records.listRecordActions("Employee", created.result.id, { kind: "record.revealed" });
    assert.deepEqual(actions.result.items.map((a) => a.kind), ["record.revealed"]);

    const reader = clientFor(tenant, { permissions: ["Employee:Read", "Employee:Edit"] });
    const asked = await reader.records.getRecord("Employee", created.result.id, { reveal: true });
    assert.equal(asked.result.fields["ssn"], undefined, "without Reveal, reveal=true shows it masked");
    assert.deepEqual(asked.result.restrictedFields["ssn"], { masked: { currentUserIsAuthorizedToReveal: false } });
    const write = await failure(reader.records.patchRecord("Employee", created.result.id, [{ op: "replace", path: "/fields/ssn", value: "x" }], { ifMatch: etagOf(asked) }));
    assert.ok(isProblem(write, "Forbidden"), String(write));
    const test = await failure(reader.records.patchRecord("Employee", created.result.id, [{ op: "test", path: "/fields/ssn", value: "078-05-1120" }], { ifMatch: etagOf(asked) }));
    assert.ok(isProblem(test, "MaskedField"), String(test));
  });
});
