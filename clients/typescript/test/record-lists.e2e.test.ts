import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isProblem, walk, type RecordFilter } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("record lists, filters, timelines and links through the generated client", () => {
  it("lists the records whose text and number fields equal a typed field map, page by page", async () => {
    const api = clientFor(newTenant());
    await api.domains.createDomain({ name: "Claim", label: "Claims", fields: [
      { name: "claimNumber", type: "text" }, { name: "amount", type: "number" }, { name: "urgent", type: "boolean" },
    ] });
    const wanted = [];
    for (const [claimNumber, amount] of [["C-1", 100], ["C-1", 100], ["C-1", 200], ["C-2", 100], ["C-1", 100]] as const) {
      const record = await api.records.createRecord("Claim", { fields: { claimNumber, amount, urgent: false } });
      if (claimNumber === "C-1" && amount === 100) {
        wanted.push(record.result.id);
      }
    }

    const where: RecordFilter = { claimNumber: "C-1", amount: 100 };
    const first = await api.records.listRecords("Claim", { where, limit: 2 });
    assert.equal(first.result.items.length, 2);
    const found = [];
    for await (const record of walk((cursor) => api.records.listRecords("Claim", { where, limit: 2, cursor }))) {
      found.push(record.id);
    }
    assert.deepEqual(found, wanted);
    assert.deepEqual((await api.records.listRecords("Claim", { where: { claimNumber: "C-2" } })).result.items.map((r) => r.fields["amount"]), [100]);
    assert.equal((await api.records.listRecords("Claim")).result.items.length, 5, "no filter: every record");

    const unknown = await failure(api.records.listRecords("Claim", { where: { colour: "red" } }));
    assert.ok(isProblem(unknown, "UnknownField"), String(unknown));
    const notMatchable = await failure(api.records.listRecords("Claim", { where: { urgent: "true" } }));
    assert.ok(isProblem(notMatchable, "ValidationFailed"), String(notMatchable));
  });

  it("patches a record, reads record.updated with the change on its timeline, and deletes it", async () => {
    const api = clientFor(newTenant());
    await api.domains.createDomain({ name: "Claim", label: "Claims", fields: [{ name: "claimNumber", type: "text" }] });
    const record = await api.records.createRecord("Claim", { fields: { claimNumber: "C-9" } });
    const patched = await api.records.patchRecord("Claim", record.result.id, { fields: { claimNumber: "C-10" } }, { ifMatch: record.etag });

    const timeline = await api.records.listRecordActions("Claim", record.result.id);
    assert.deepEqual(timeline.result.items.map((a) => a.kind), ["record.updated", "record.created"]);
    assert.deepEqual(timeline.result.items[0]?.changes?.["fields"], { from: { claimNumber: "C-9" }, to: { claimNumber: "C-10" } });

    const deleted = await api.records.deleteRecord("Claim", record.result.id, { ifMatch: patched.etag });
    assert.equal(deleted.status, 204);
    assert.ok(isProblem(await failure(api.records.getRecord("Claim", record.result.id)), "NotFound"));
  });

  it("lists a record's typed links and a contact's, then deletes the link with If-Match", async () => {
    const api = clientFor(newTenant());
    await api.domains.createDomain({ name: "Report", label: "Reports", fields: [{ name: "title", type: "text" }] });
    await api.relationshipTypes.createRelationshipType({ name: "author", label: "Author", fromDomain: "Report", toDomain: "Contact", fields: [] });
    const report = await api.records.createRecord("Report", { fields: { title: "Annual" } });
    const contact = await api.contacts.createContact({ firstName: "Ada", lastName: "Lovelace" });
    const link = await api.typedLinks.upsertLink({
      parentDomain: "Report", parentRecordKey: "Annual", parentRecordMatchField: "title", childDomain: "Contact", childRecordId: contact.result.id, relationship: "author",
    });

    const ofRecord = await api.typedLinks.listRecordLinks("Report", report.result.id, { includeEntityLabels: true });
    assert.deepEqual(ofRecord.result.items.map((l) => [l.id, l.toObjectDisplayLabel]), [[link.result.linkId, "Ada Lovelace"]]);
    const ofContact = await api.typedLinks.listContactRecordLinks(contact.result.id);
    assert.deepEqual(ofContact.result.items.map((l) => l.relationshipTypeName), ["author"]);

    const deleted = await api.typedLinks.deleteTypedLink(link.result.linkId, { ifMatch: link.etag });
    assert.equal(deleted.status, 204);
    assert.deepEqual((await api.typedLinks.listContactRecordLinks(contact.result.id)).result.items, []);
    const contactTimeline = await api.contacts.listContactActions(contact.result.id, { kind: "link" });
    assert.deepEqual(contactTimeline.result.items.map((a) => a.kind), ["link.deleted", "link.created"]);
  });
});
