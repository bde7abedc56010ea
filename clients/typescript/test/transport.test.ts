// The hand-written layer on its own, with a scripted fetch: no API needed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLinkageClient, isProblem, LinkageProblem, NotModified } from "../src/index.js";

type Seen = { url: string; headers: Headers; method: string };

function scripted(response: () => Response): { fetch: (url: RequestInfo, init?: RequestInit) => Promise<Response>; seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers), method: init?.method ?? "GET" });
      return response();
    },
  };
}

const contact = { id: "0196c0de-0000-7000-8000-000000000001", fullName: "Ada", emails: [], phones: [], customFields: {}, createdUtc: "", updatedUtc: "", version: 1, etag: '"1"', changeType: "Created", changeOrigin: "api" };

describe("the transport under the generated clients", () => {
  it("sends the token and default origin, and leaves out optional headers that were not given", async () => {
    const http = scripted(() => new Response(JSON.stringify(contact), { status: 201, headers: { "Content-Type": "application/json", ETag: '"1"', Location: `/api/v1/network/contacts/${contact.id}` } }));
    const api = createLinkageClient({ baseUrl: "http://api.test/", token: async () => "t0k3n", changeOrigin: "web", fetch: http.fetch });

    await api.contacts.createContact({ firstName: "Ada" });

    const [request] = http.seen;
    assert.equal(request?.url, "http://api.test/api/v1/network/contacts");
    assert.equal(request?.headers.get("Authorization"), "Bearer t0k3n");
    assert.equal(request?.headers.get("X-Change-Origin"), "web");
    assert.equal(request?.headers.has("Idempotency-Key"), false);
  });

  it("types a create's ETag, Location and id as present, and refuses an answer that lacks them", async () => {
    const created = createLinkageClient({ baseUrl: "http://api.test", fetch: scripted(() => new Response(JSON.stringify(contact),
      { status: 201, headers: { "Content-Type": "application/json", ETag: '"1"', Location: `/api/v1/network/contacts/${contact.id}` } })).fetch });
    const answer = await created.contacts.createContact({ firstName: "Ada" });
    const id: string = answer.locationId;
    const etag: string = answer.etag;
    assert.deepEqual([id, etag], [contact.id, '"1"']);

    const bare = createLinkageClient({ baseUrl: "http://api.test", fetch: scripted(() => new Response(JSON.stringify(contact),
      { status: 201, headers: { "Content-Type": "application/json" } })).fetch });
    await assert.rejects(bare.contacts.createContact({ firstName: "Ada" }), /no etag or location header/);
  });

  it("does not send the change origin on reads", async () => {
    const http = scripted(() => new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200, headers: { "Content-Type": "application/json" } }));
    const api = createLinkageClient({ baseUrl: "http://api.test", changeOrigin: "web", fetch: http.fetch });

    await api.contacts.listContacts();

    assert.equal(http.seen[0]?.headers.has("X-Change-Origin"), false);
    assert.equal(http.seen[0]?.headers.has("Authorization"), false);
  });

  it("turns a problem response into a LinkageProblem with its code, errors and headers", async () => {
    const body = { type: "urn:linkage:problem:PreconditionFailed", title: "The resource has changed.", status: 412, detail: "Stale.", instance: "/x", traceId: "00-abc", code: "PreconditionFailed" };
    const http = scripted(() => new Response(JSON.stringify(body), { status: 412, headers: { "Content-Type": "application/problem+json", ETag: '"4"' } }));
    const api = createLinkageClient({ baseUrl: "http://api.test", fetch: http.fetch });

    const error = await api.contacts.deleteContact(contact.id, { ifMatch: '"3"' }).catch((e: unknown) => e);

    assert.ok(isProblem(error, "PreconditionFailed"));
    assert.equal(error.status, 412);
    assert.equal(error.etag, '"4"');
    assert.equal(error.traceId, "00-abc");
    assert.deepEqual(error.errors, {});
  });

  it("gives a non-problem failure a code from its status", async () => {
    const http = scripted(() => new Response("<html>Bad gateway</html>", { status: 502, headers: { "Content-Type": "text/html", "Retry-After": "7" } }));
    const api = createLinkageClient({ baseUrl: "http://api.test", fetch: http.fetch });

    const error = await api.companies.listCompanies().catch((e: unknown) => e);

    assert.ok(error instanceof LinkageProblem);
    assert.equal(error.code, "Unavailable");
    assert.equal(error.status, 502);
    assert.equal(error.retryAfterSeconds, 7);
  });

  it("turns 304 into NotModified carrying the ETag", async () => {
    const http = scripted(() => new Response(null, { status: 304, headers: { ETag: '"1"' } }));
    const api = createLinkageClient({ baseUrl: "http://api.test", fetch: http.fetch });

    const error = await api.contacts.getContact(contact.id, { ifNoneMatch: '"1"' }).catch((e: unknown) => e);

    assert.ok(error instanceof NotModified);
    assert.equal(error.etag, '"1"');
    assert.equal(http.seen[0]?.headers.get("If-None-Match"), '"1"');
  });
});

describe("429 RateLimited under the generated clients", () => {
  const limited = (retryAfter: string): Response => new Response(JSON.stringify({
    type: "urn:linkage:problem:RateLimited", title: "Too many requests.", status: 429, detail: "Retry after 1 s.", instance: "/x", traceId: "00-rl", code: "RateLimited",
  }), { status: 429, headers: { "Content-Type": "application/problem+json", "Retry-After": retryAfter, RateLimit: "limit=600, remaining=0, reset=1" } });
  const ok = (): Response => new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200, headers: { "Content-Type": "application/json" } });

  it("throws RateLimited with its Retry-After, once, when the caller did not ask for retries", async () => {
    const http = scripted(() => limited("17"));
    const api = createLinkageClient({ baseUrl: "http://api.test", fetch: http.fetch });

    const error = await api.contacts.listContacts().catch((e: unknown) => e);

    assert.ok(isProblem(error, "RateLimited"));
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 17);
    assert.equal(http.seen.length, 1);
  });

  it("waits out Retry-After and sends the request again when asked, body and headers included", async () => {
    const answers = [limited("0"), limited("0"), ok()];
    const http = scripted(() => answers.shift()!);
    const api = createLinkageClient({ baseUrl: "http://api.test", token: "t", fetch: http.fetch, retryRateLimited: true });

    const page = await api.contacts.listContacts();

    assert.equal(page.status, 200);
    assert.equal(http.seen.length, 3);
    assert.ok(http.seen.every((request) => request.headers.get("Authorization") === "Bearer t"));
  });

  it("gives up after maxRetries, or at once when Retry-After is longer than maxWaitSeconds", async () => {
    const always = scripted(() => limited("0"));
    const twice = createLinkageClient({ baseUrl: "http://api.test", fetch: always.fetch, retryRateLimited: { maxRetries: 2 } });
    assert.ok(isProblem(await twice.contacts.listContacts().catch((e: unknown) => e), "RateLimited"));
    assert.equal(always.seen.length, 3);

    const long = scripted(() => limited("120"));
    const patient = createLinkageClient({ baseUrl: "http://api.test", fetch: long.fetch, retryRateLimited: { maxWaitSeconds: 60 } });
    const error = await patient.contacts.listContacts().catch((e: unknown) => e);
    assert.ok(isProblem(error, "RateLimited"));
    assert.equal(error.retryAfterSeconds, 120);
    assert.equal(long.seen.length, 1);
  });
});
