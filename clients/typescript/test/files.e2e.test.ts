import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isProblem } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

describe("files through the generated client", () => {
  it("records a file's metadata, reads it and its timeline (file.created), and deletes it with If-Match", async () => {
    const api = clientFor(newTenant());
    const created = await api.files.createFile({ name: "report.pdf", contentType: "application/pdf", sizeBytes: 1024, sha256: "0".repeat(64) });
    assert.equal(created.status, 201);
    assert.equal(created.locationId, created.result.id);

    const read = await api.files.getFile(created.result.id, { select: ["name", "sizeBytes"] });
    assert.deepEqual([read.result.name, read.result.sizeBytes], ["report.pdf", 1024]);

    const timeline = await api.files.listFileActions(created.result.id);
    assert.deepEqual(timeline.result.items.map((a) => a.kind), ["file.created"]);

    const deleted = await api.files.deleteFile(created.result.id, { ifMatch: created.etag });
    assert.equal(deleted.status, 204);
    assert.ok(isProblem(await failure(api.files.getFile(created.result.id)), "NotFound"));
    assert.ok(isProblem(await failure(api.files.listFileActions(created.result.id)), "NotFound"), "a deleted file's timeline is gone with it");
  });
});
