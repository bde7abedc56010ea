import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("typed links through the generated client", () => {
  async function typedLink(api: ReturnType<typeof clientFor>): Promise<{ linkId: string; compositeId: string }> {
    await api.domains.createDomain({ name: "Report", label: "Reports", fields: [{ name: "title", type: "text" }] });
    await api.relationshipTypes.createRelationshipType({
      name: "witnessed_by",
      label: "Witnessed by",
      fromDomain: "Report",
      toDomain: "Contact",
      fields: [{ name: "note", type: "text" }, { name: "ssn", type: "text", restricted: true }],
    });
    const report = await api.records.createRecord("Report", { fields: { title: "Intel 502" } });
    const contact = await api.contacts.createContact({ firstName: "John", lastName: "Smith" });
    const link = await api.typedLinks.upsertLink({
      parentDomain: "Report", parentRecordId: report.result.id, childDomain: "Contact", childRecordId: contact.result.id, relationship: "witnessed_by",
    });
    const read = await api.typedLinks.getTypedLink(link.result.linkId);
    return { linkId: link.result.linkId, compositeId: read.result.compositeId ?? "" };
  }

  it("patches a typed link's field values with If-Match and reads it back by composite key, masked", async () => {
    const api = clientFor(newTenant());
    const { linkId, compositeId } = await typedLink(api);

    const patched = await api.typedLinks.patchTypedLink(compositeId, [
      { op: "replace", path: "/displayLabel", value: "Witness" },
      { op: "add", path: "/fieldValues/note", value: "saw it" },
      { op: "add", path: "/fieldValues/ssn", value: "078-05-1120" },
    ], { ifMatch: "1" });
    assert.equal(patched.status, 200);
    assert.equal(etagOf(patched), '"2"');
    assert.deepEqual(patched.result.fieldValues, { note: "saw it" });
    assert.deepEqual(patched.result.restrictedFields["ssn"], { masked: { currentUserIsAuthorizedToReveal: true } });

    const byKey = await api.typedLinks.getTypedLink(compositeId, { includeEntityLabels: true });
    assert.equal(byKey.result.id, linkId);
    assert.equal(byKey.result.fromObjectDisplayLabel, "Intel 502");
    assert.equal(byKey.result.toObjectDisplayLabel, "John Smith");
    const revealed = await api.typedLinks.getTypedLink(linkId, { reveal: true });
    assert.equal(revealed.result.fieldValues["ssn"], "078-05-1120");
  });

  it("refuses a stale version with 412 and the current ETag, and succeeds after re-reading", async () => {
    const api = clientFor(newTenant());
    const { linkId } = await typedLink(api);
    const first = await api.typedLinks.getTypedLink(linkId);
    await api.typedLinks.patchTypedLink(linkId, [{ op: "replace", path: "/displayLabel", value: "First" }], { ifMatch: etagOf(first) });

    const stale = await failure(api.typedLinks.patchTypedLink(linkId, [{ op: "replace", path: "/displayLabel", value: "Lost" }], { ifMatch: etagOf(first) }));
    assert.ok(isProblem(stale, "PreconditionFailed"), String(stale));
    assert.equal(stale.etag, '"2"');

    const current = await api.typedLinks.getTypedLink(linkId);
    assert.equal(current.result.displayLabel, "First", "the refused patch changed nothing");
    const retried = await api.typedLinks.patchTypedLink(linkId, [{ op: "replace", path: "/displayLabel", value: "Second" }], { ifMatch: etagOf(current) });
    assert.equal(retried.result.displayLabel, "Second");
    assert.equal(retried.result.version, 3);
  });
});
