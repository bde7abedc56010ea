// The response validator the end-to-end tests run every answer through (support/contract.ts), shown to refuse what the
// document does not describe. Needs no API.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ResponseContract } from "./support/contract.js";
import { documentPath, type Exchange } from "./support/traffic.js";

const contract = new ResponseContract(documentPath);
const id = "0196c0de-0000-7000-8000-000000000001";
const at = "2026-01-01T00:00:00Z";
const link = { id, contactId: id, companyId: id, jobTitle: null, isPrimary: false, createdUtc: at, updatedUtc: at, deletedUtc: null, version: 1, changeType: "Created", changeOrigin: "api", etag: '"1"' };
const answerHeaders = { "x-content-type-options": "nosniff", "cache-control": "private, no-cache" };
const read = (status: number, body: object, headers: Record<string, string> = { "content-type": "application/json", etag: '"1"', ...answerHeaders }, url = `/api/v1/network/links/${id}`): Exchange =>
  ({ method: "GET", url: `http://api.test${url}`, status, headers, body: JSON.stringify(body) });
const action = (kind: string) => ({ id, kind, occurredUtc: at, actorId: "ada", changeOrigin: "api", subject: { type: "domain", id } });

describe("the response validator", () => {
  it("accepts a response the document describes", () => {
    assert.deepEqual(contract.mismatches(read(200, link)), []);
  });

  it("reports an undeclared status, an undescribed property, a null where none is allowed, and a missing ETag", () => {
    assert.match(contract.mismatches(read(418, link)).join(), /status 418/);
    assert.match(contract.mismatches(read(200, { ...link, secret: 1 })).join(), /additional properties/);
    assert.match(contract.mismatches(read(200, { ...link, isPrimary: null })).join(), /isPrimary/);
    assert.match(contract.mismatches(read(200, link, { "content-type": "application/json", ...answerHeaders })).join(), /required header etag/);
  });

  it("reports a header the response does not declare, but not HTTP's or CORS's own, and a value its schema refuses", () => {
    const headers = { "content-type": "application/json", etag: '"1"', date: "x", "access-control-expose-headers": "ETag", vary: "Origin",
      "x-content-type-options": "nosniff", "cache-control": "private, no-cache" };
    assert.deepEqual(contract.mismatches(read(200, link, headers)), []);
    assert.match(contract.mismatches(read(200, link, { ...headers, "x-powered-by": "x" })).join(), /header x-powered-by is sent but not declared/);
    assert.match(contract.mismatches(read(200, link, { ...headers, location: "/x" })).join(), /header location/);
    assert.match(contract.mismatches(read(200, link, { ...headers, "cache-control": "public" })).join(), /header cache-control: public/);
    assert.match(contract.mismatches(read(200, link, { "content-type": "application/json", etag: '"1"' })).join(), /required header x-content-type-options is missing/);
  });

  it("reports a timeline kind outside the document's enumeration, and accepts those of every resource", () => {
    const page = (kind: string) => read(200, { items: [action(kind)], nextCursor: null }, { "content-type": "application/json", ...answerHeaders }, `/api/v1/domains/Claim/actions`);
    assert.deepEqual(contract.mismatches(page("domain.created")), []);
    assert.deepEqual(contract.mismatches(page("relationship_type.updated")), []);
    assert.match(contract.mismatches(page("domain.renamed")).join(), /kind must be equal to one of the allowed values/);
  });

  it("reports a problem's extension member the document does not describe, and types existingId", () => {
    const problem = { type: "urn:x", title: "Conflict", status: 409, detail: "d", instance: "/i", traceId: "t", code: "Conflict" };
    const conflict = (body: object): Exchange => ({ method: "POST", url: "http://api.test/api/v1/network/links", status: 409, headers: { "content-type": "application/problem+json", ...answerHeaders }, body: JSON.stringify(body) });
    assert.deepEqual(contract.mismatches(conflict({ ...problem, existingId: id })), []);
    assert.match(contract.mismatches(conflict({ ...problem, existingId: 42 })).join(), /existingId must be string/);
    assert.match(contract.mismatches(conflict({ ...problem, stack: "at ..." })).join(), /additional properties/);
  });
});
