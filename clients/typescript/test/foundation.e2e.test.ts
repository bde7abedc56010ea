import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLinkageClient, isProblem, wasReplayed } from "../src/index.js";
import { anonymousClient, apiUrl, clientFor, failure, mintToken, newTenant } from "./support/live-api.js";
import { validatingFetch } from "./support/traffic.js";

describe("idempotency, authentication, permissions and tenants through the generated client", () => {
  it("replays a create with the same Idempotency-Key and body, creating nothing twice", async () => {
    const api = clientFor(newTenant());
    const key = `create-ada-${Date.now()}`;
    const body = { firstName: "Ada", emails: [{ value: "ada@example.com" }] };

    const first = await api.contacts.createContact(body, { idempotencyKey: key });
    const again = await api.contacts.createContact(body, { idempotencyKey: key });

    assert.equal(first.status, 201);
    assert.equal(wasReplayed(first), false);
    assert.equal(again.status, 201);
    assert.equal(wasReplayed(again), true);
    assert.equal(again.result.id, first.result.id);
    assert.deepEqual(again.result, first.result);
    assert.equal((await api.contacts.listContacts()).result.items.length, 1);
  });

  it("refuses the same Idempotency-Key with a different body (422 IdempotencyKeyReused)", async () => {
    const api = clientFor(newTenant());
    const key = `reused-${Date.now()}`;
    await api.contacts.createContact({ firstName: "Ada" }, { idempotencyKey: key });

    const error = await failure(api.contacts.createContact({ firstName: "Grace" }, { idempotencyKey: key }));
    assert.ok(isProblem(error, "IdempotencyKeyReused"), String(error));
    assert.equal(error.status, 422);
    assert.deepEqual((await api.contacts.listContacts()).result.items.map((c) => c.firstName), ["Ada"]);
  });

  it("answers 401 Unauthenticated without a token, and with a token signed by another key", async () => {
    const missing = await failure(anonymousClient().contacts.listContacts());
    assert.ok(isProblem(missing, "Unauthenticated"), String(missing));
    assert.equal(missing.status, 401);

    const forged = createLinkageClient({ baseUrl: apiUrl, token: mintToken(newTenant(), "x", ["*:*"], "another-key-that-is-long-enough-0123456789"), fetch: validatingFetch });
    const invalid = await failure(forged.companies.listCompanies());
    assert.ok(isProblem(invalid, "Unauthenticated"), String(invalid));
  });

  it("answers 403 Forbidden naming the missing permission, and creates nothing", async () => {
    const tenant = newTenant();
    const reader = clientFor(tenant, { permissions: ["Contact:Read"] });

    const error = await failure(reader.contacts.createContact({ firstName: "Nope" }));
    assert.ok(isProblem(error, "Forbidden"), String(error));
    assert.equal(error.status, 403);
    assert.match(error.detail, /Contact:Edit/);
    assert.equal((await reader.contacts.listContacts()).result.items.length, 0);

    const companies = await failure(reader.companies.listCompanies());
    assert.ok(isProblem(companies, "Forbidden"));
    assert.match(companies.detail, /Company:Read/);
  });

  it("keeps tenants apart: another tenant's contact is 404 to read and to delete, and absent from lists", async () => {
    const owner = clientFor(newTenant());
    const other = clientFor(newTenant());
    const created = await owner.contacts.createContact({ firstName: "Private" });

    const read = await failure(other.contacts.getContact(created.result.id));
    assert.ok(isProblem(read, "NotFound"), String(read));
    const deleted = await failure(other.contacts.deleteContact(created.result.id, { ifMatch: created.result.etag }));
    assert.ok(isProblem(deleted, "NotFound"), String(deleted));
    const timeline = await failure(other.contacts.listContactActions(created.result.id));
    assert.ok(isProblem(timeline, "NotFound"), String(timeline));
    assert.equal((await other.contacts.listContacts()).result.items.length, 0);

    assert.equal((await owner.contacts.getContact(created.result.id)).result.version, 1, "the owner's contact is untouched");
  });

  it("answers 429 RateLimited with Retry-After once an actor passes its limit, and only that actor", async () => {
    const tenant = newTenant();
    const api = clientFor(tenant, { actor: "busy" });
    const first = await api.contacts.listContacts();
    const limit = Number(/limit=(\d+)/.exec(first.headers["ratelimit"] ?? "")?.[1]);
    assert.equal(first.headers["ratelimit-policy"], `${limit};w=60`);
    assert.ok(limit > 0 && limit <= 1000, `limit ${limit}`);

    let error: unknown;
    for (let sent = 1; sent <= limit && error === undefined; sent++) {
      error = await api.contacts.listContacts().then(() => undefined, (e: unknown) => e);
    }

    assert.ok(isProblem(error, "RateLimited"), String(error));
    assert.equal(error.status, 429);
    assert.ok(error.retryAfterSeconds !== null && error.retryAfterSeconds >= 1 && error.retryAfterSeconds <= 60, String(error.retryAfterSeconds));
    assert.equal((await clientFor(tenant, { actor: "quiet" }).contacts.listContacts()).status, 200);
  });
});
