import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, isProblem, type JsonPatchOperation } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("contact PATCH through the generated client", () => {
  it("applies a JSON Patch with If-Match: 200, the changed field and a new ETag", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Ada", lastName: "Byron" });
    const operations: JsonPatchOperation[] = [
      { op: "test", path: "/lastName", value: "Byron" },
      { op: "replace", path: "/lastName", value: "Lovelace" },
    ];

    const patched = await api.contacts.patchContact(created.result.id, operations, { ifMatch: etagOf(created) });
    assert.equal(patched.status, 200);
    assert.equal(etagOf(patched), '"2"');
    assert.equal(patched.result.lastName, "Lovelace");
    assert.equal(patched.result.fullName, "Ada Lovelace");
    assert.deepEqual((await api.contacts.getContact(created.result.id)).result, patched.result);
  });

  it("a failed test operation answers 409 PatchTestFailed and changes nothing", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Ada", lastName: "Byron" });
    const operations: JsonPatchOperation[] = [
      { op: "replace", path: "/firstName", value: "Augusta" },
      { op: "test", path: "/lastName", value: "Somebody else" },
    ];

    const error = await failure(api.contacts.patchContact(created.result.id, operations, { ifMatch: etagOf(created) }));
    assert.ok(isProblem(error, "PatchTestFailed"), String(error));
    assert.equal(error.status, 409);
    const read = await api.contacts.getContact(created.result.id);
    assert.deepEqual(read.result, created.result, "the whole patch applies or nothing does");
  });

  it("applies a Merge Patch given as an object, with If-Unmodified-Since instead of If-Match", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Grace", description: "Admiral" });
    const later = new Date(Date.now() + 60 * 60 * 1000).toUTCString();

    const patched = await api.contacts.patchContact(created.result.id, { lastName: "Hopper", description: null }, { ifUnmodifiedSince: later });
    assert.equal(patched.status, 200);
    assert.equal(etagOf(patched), '"2"');
    assert.equal(patched.result.lastName, "Hopper");
    assert.equal(patched.result.description ?? null, null, "null removes a property");

    const missing = await failure(api.contacts.patchContact(created.result.id, { firstName: "G." }, { ifMatch: "" }));
    assert.ok(isProblem(missing, "PreconditionRequired"), String(missing));
    assert.equal(missing.status, 428);
  });

  it("answers only the $select-ed fields plus id, version and etag, on a get and on a patch", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Ada", lastName: "Lovelace", description: "Analyst" });
    const id = created.result.id;

    const read = await api.contacts.getContact(id, { select: ["firstName"] });
    assert.deepEqual(Object.keys(read.result).sort(), ["etag", "firstName", "id", "version"]);
    assert.equal(read.result.firstName, "Ada");

    const patched = await api.contacts.patchContact(id, [{ op: "replace", path: "/description", value: "Poet" }], { ifMatch: etagOf(read), select: ["description"] });
    assert.deepEqual(Object.keys(patched.result).sort(), ["description", "etag", "id", "version"]);
    assert.equal(patched.result.description, "Poet");
  });
});
