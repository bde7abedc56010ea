// Replays the end-to-end tests' recorded traffic through a strict response validator against the committed OpenAPI
// document (which the build checks is the API's own): run after them, by `npm test`.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ResponseContract } from "../support/contract.js";
import { trafficDirectory, type Exchange } from "../support/traffic.js";

const contract = new ResponseContract(join(process.cwd(), "openapi.json"));
const traffic: Exchange[] = readdirSync(trafficDirectory).filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) => readFileSync(join(trafficDirectory, f), "utf8").split("\n").filter((line) => line.length > 0))
  .map((line) => JSON.parse(line) as Exchange);

describe("the API's answers to the end-to-end tests, replayed against its OpenAPI document", () => {
  it("has traffic to replay from most operations", () => {
    const operations = new Set(traffic.map((e) => contract.operationOf(e)));
    assert.ok(traffic.length >= 100, `only ${traffic.length} exchanges were recorded in ${trafficDirectory}`);
    assert.ok(operations.size >= 15, `only ${operations.size} operations were called`);
  });

  const groups = new Map<string, Exchange[]>();
  for (const e of traffic) {
    const name = `${contract.operationOf(e) ?? `${e.method} ${new URL(e.url).pathname}`} ${e.status}`;
    groups.set(name, [...(groups.get(name) ?? []), e]);
  }

  for (const [name, exchanges] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    it(`${name} (${exchanges.length} responses) is described by the document`, () => {
      const found = exchanges.flatMap((e) => contract.mismatches(e).map((m) => `${m}\n    in ${e.method} ${e.url}: ${e.body.slice(0, 300)}`));
      assert.deepEqual(found, []);
    });
  }
});

describe("the response validator", () => {
  const contact = { id: "0196c0de-0000-7000-8000-000000000001", fullName: "Ada", emails: [], phones: [], customFields: {}, createdUtc: "2026-01-01T00:00:00Z", updatedUtc: "2026-01-01T00:00:00Z", version: 1, changeType: "Created", changeOrigin: "api", etag: '"1"' };
  const read = (status: number, body: object, headers: Record<string, string> = { "content-type": "application/json", etag: '"1"' }): Exchange =>
    ({ method: "GET", url: `http://api.test/api/v1/network/links/${contact.id}`, status, headers, body: JSON.stringify(body) });
  const link = { id: contact.id, contactId: contact.id, companyId: contact.id, jobTitle: null, isPrimary: false, createdUtc: contact.createdUtc, updatedUtc: contact.updatedUtc, deletedUtc: null, version: 1, changeType: "Created", changeOrigin: "api", etag: '"1"' };

  it("accepts a response the document describes", () => {
    assert.deepEqual(contract.mismatches(read(200, link)), []);
  });

  it("reports an undeclared status, an undescribed property, a null where none is allowed, and a missing ETag", () => {
    assert.match(contract.mismatches(read(418, link)).join(), /status 418/);
    assert.match(contract.mismatches(read(200, { ...link, secret: 1 })).join(), /additional properties/);
    assert.match(contract.mismatches(read(200, { ...link, isPrimary: null })).join(), /isPrimary/);
    assert.match(contract.mismatches(read(200, link, { "content-type": "application/json" })).join(), /required header etag/);
  });
});
