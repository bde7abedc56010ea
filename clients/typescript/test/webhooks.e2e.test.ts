import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { Webhook } from "standardwebhooks";
import { isProblem, verifyWebhook, walk, WebhookVerificationError } from "../src/index.js";
import { clientFor, failure, newTenant } from "./support/live-api.js";

type Received = { path: string; body: string; headers: IncomingHttpHeaders };

/** A receiver on 127.0.0.1 (the test API allows private and http targets for it): it keeps each request's raw body. */
class Receiver {
  readonly received: Received[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.received.push({ path: request.url ?? "/", body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async waitFor(path: string, count: number): Promise<Received[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const at = this.received.filter((r) => r.path === path);
      if (at.length >= count) return at;
      if (Date.now() > deadline) throw new Error(`${path} received ${at.length} of ${count} deliveries in time.`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** The Standard Webhooks headers as the reference library reads them. */
const signed = (r: Received): Record<string, string> => ({
  "webhook-id": String(r.headers["webhook-id"]),
  "webhook-timestamp": String(r.headers["webhook-timestamp"]),
  "webhook-signature": String(r.headers["webhook-signature"]),
});

describe("webhooks through the generated client", () => {
  const receiver = new Receiver();
  let baseUrl = "";
  before(async () => { baseUrl = await receiver.start(); });
  after(() => receiver.stop());

  it("creates, lists, reads, patches and deletes an endpoint; the secret is shown by the create only", async () => {
    const api = clientFor(newTenant());
    const created = await api.webhooks.createWebhook({ url: `${baseUrl}/crud`, types: ["contact.*"], description: "CRM sync" });
    assert.match(created.result.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(created.location, `/api/v1/webhooks/${created.result.id}`);

    const listed = [];
    for await (const endpoint of walk((cursor) => api.webhooks.listWebhooks({ cursor }))) listed.push(endpoint);
    assert.deepEqual(listed.map((e) => e.id), [created.result.id]);
    assert.equal("secret" in listed[0]!, false);
    const read = await api.webhooks.getWebhook(created.result.id);
    assert.equal("secret" in read.result, false);
    assert.equal(read.etag, created.etag);

    const patched = await api.webhooks.patchWebhook(created.result.id, { enabled: false, description: null }, { ifMatch: read.etag });
    assert.equal(patched.result.enabled, false);
    assert.equal(patched.result.description, null);
    assert.deepEqual(patched.result.types, ["contact.*"]);

    const stale = await failure(api.webhooks.deleteWebhook(created.result.id, { ifMatch: created.etag }));
    assert.ok(isProblem(stale, "PreconditionFailed"));
    await api.webhooks.deleteWebhook(created.result.id, { ifMatch: patched.etag });
    assert.ok(isProblem(await failure(api.webhooks.getWebhook(created.result.id)), "NotFound"));
  });

  it("pings an endpoint with a delivery the reference library verifies, with the old and the new secret during a rotation", async () => {
    const api = clientFor(newTenant());
    const created = await api.webhooks.createWebhook({ url: `${baseUrl}/ping` });
    const rotated = await api.webhooks.rotateWebhookSecret(created.result.id);
    assert.notEqual(rotated.result.secret, created.result.secret);

    const ping = await api.webhooks.pingWebhook(created.result.id);
    assert.equal(ping.result.eventType, "webhook.ping");
    const [delivery] = await receiver.waitFor("/ping", 1);
    for (const secret of [created.result.secret, rotated.result.secret]) {
      const payload = new Webhook(secret).verify(delivery!.body, signed(delivery!)) as { type: string; data: { id: string } };
      assert.equal(payload.type, "webhook.ping");
      assert.equal(payload.data.id, String(delivery!.headers["webhook-id"]));
    }
    assert.throws(() => new Webhook(created.result.secret).verify(delivery!.body.replace("ping", "pong"), signed(delivery!)));

    let log = await api.webhooks.listWebhookDeliveries(created.result.id);
    for (let i = 0; i < 100 && log.result.items[0]?.status !== "succeeded"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      log = await api.webhooks.listWebhookDeliveries(created.result.id);
    }
    assert.equal(log.result.items[0]?.status, "succeeded");
    assert.equal(log.result.items[0]?.lastStatusCode, 204);

    const retried = await api.webhooks.retryWebhookDelivery(created.result.id, ping.result.id);
    assert.equal(retried.result.id, ping.result.id);
    const both = await receiver.waitFor("/ping", 2);
    assert.equal(both[1]!.headers["webhook-id"], both[0]!.headers["webhook-id"], "a retry carries the same webhook-id");
    assert.equal(both[1]!.body, both[0]!.body, "and the same body");
  });

  it("verifies real deliveries with the client's verifyWebhook as the reference library does, with either secret of a rotation", async () => {
    const api = clientFor(newTenant());
    const created = await api.webhooks.createWebhook({ url: `${baseUrl}/verify`, types: ["contact.created"] });
    const contact = await api.contacts.createContact({ firstName: "Verified" });
    const [delivery] = await receiver.waitFor("/verify", 1);
    const headers = signed(delivery!);

    const verified = await verifyWebhook(created.result.secret, delivery!.body, headers);
    assert.equal(verified.type, "contact.created");
    assert.equal(verified.data.id, headers["webhook-id"]);
    assert.equal(verified.data.resource.id, contact.result.id);
    assert.deepEqual(verified, new Webhook(created.result.secret).verify(delivery!.body, headers));
    // Node's IncomingHttpHeaders and a fetch Headers alike.
    assert.deepEqual(await verifyWebhook(created.result.secret, delivery!.body, delivery!.headers), verified);
    assert.deepEqual(await verifyWebhook(created.result.secret, delivery!.body, new Headers(headers)), verified);

    // What the reference library refuses, verifyWebhook refuses: a re-serialised or altered body, another secret, an old timestamp.
    const refusals: [string, string, Record<string, string>, Date?][] = [
      ["re-serialised", JSON.stringify(JSON.parse(delivery!.body), null, 1), headers],
      ["altered", delivery!.body.replace("contact.created", "contact.deleted"), headers],
      ["another secret's", delivery!.body, headers],
      ["six minutes old", delivery!.body, headers, new Date(Number(headers["webhook-timestamp"]) * 1000 + 360_000)],
    ];
    const another = "whsec_" + randomBytes(24).toString("base64");
    for (const [what, body, h, now] of refusals) {
      if (what === "re-serialised" || what === "altered") assert.notEqual(body, delivery!.body, what);
      const secret = what === "another secret's" ? another : created.result.secret;
      await assert.rejects(verifyWebhook(secret, body, h, { now }), WebhookVerificationError, what);
      if (!now) assert.throws(() => new Webhook(secret).verify(body, h), what);
    }
    await assert.rejects(verifyWebhook(created.result.secret, delivery!.body, { ...headers, "webhook-signature": "" }), /missing/);

    // After a rotation, a new delivery carries two signatures and verifies with the new secret and with the old one.
    const rotated = await api.webhooks.rotateWebhookSecret(created.result.id);
    await api.contacts.createContact({ firstName: "Rotated" });
    const second = (await receiver.waitFor("/verify", 2))[1]!;
    assert.equal(String(second.headers["webhook-signature"]).split(" ").length, 2);
    for (const secret of [rotated.result.secret, created.result.secret]) {
      assert.equal((await verifyWebhook(secret, second.body, second.headers)).type, "contact.created");
    }
  });
});
