import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { walk, type ActionKind, type ActionView } from "../src/index.js";
import { clientFor, newTenant } from "./support/live-api.js";

const kinds = (items: readonly ActionView[]): ActionKind[] => items.map((a) => a.kind);

describe("domains and relationship types through the generated client", () => {
  it("lists, reads and patches a domain, whose timeline says domain.created and domain.updated", async () => {
    const api = clientFor(newTenant());
    const created = await api.domains.createDomain({ name: "Claim", label: "Claims", fields: [{ name: "claimNumber", type: "text", required: true }] });
    await api.domains.createDomain({ name: "Policy", label: "Policies" });

    const listed = await api.domains.listDomains({ limit: 1 });
    assert.equal(listed.result.items.length, 1);
    const all = [];
    for await (const domain of walk((cursor) => api.domains.listDomains({ limit: 1, cursor }))) {
      all.push(domain.name);
    }
    assert.deepEqual(all.sort(), ["Claim", "Policy"]);

    const patched = await api.domains.patchDomain("claim", {
      label: "Insurance claims",
      fields: [...created.result.fields, { name: "amount", type: "number", required: false, restricted: false }],
    }, { ifMatch: created.etag });
    assert.equal(patched.result.label, "Insurance claims");
    assert.deepEqual(patched.result.fields.map((f) => f.type), ["text", "number"]);
    const read = await api.domains.getDomain("Claim");
    assert.equal(read.etag, patched.etag);

    const timeline = await api.domains.listDomainActions("Claim");
    const seen: ActionKind[] = kinds(timeline.result.items);
    assert.deepEqual(seen, ["domain.updated", "domain.created"]);
    assert.ok(timeline.result.items[0]?.changes?.["label"], "the change names the label");
    assert.equal(timeline.result.items[0]?.changes?.["label"]?.to, "Insurance claims");
  });

  it("lists, reads and patches a relationship type, whose timeline says relationship_type.created and .updated", async () => {
    const api = clientFor(newTenant());
    await api.domains.createDomain({ name: "Policy", label: "Policies" });
    const created = await api.relationshipTypes.createRelationshipType({ name: "insured_by", label: "Insured by", fromDomain: "Policy", toDomain: "Contact" });

    const listed = await api.relationshipTypes.listRelationshipTypes();
    assert.deepEqual(listed.result.items.map((t) => t.name), ["insured_by"]);
    const patched = await api.relationshipTypes.patchRelationshipType("insured_by", [{ op: "replace", path: "/label", value: "Insured person" }],
      { ifMatch: created.etag });
    assert.equal(patched.result.label, "Insured person");
    assert.equal((await api.relationshipTypes.getRelationshipType("insured_by")).result.version, 2);

    const timeline = await api.relationshipTypes.listRelationshipTypeActions("insured_by", { kind: "relationship_type" });
    assert.deepEqual(kinds(timeline.result.items), ["relationship_type.updated", "relationship_type.created"]);
  });
});
