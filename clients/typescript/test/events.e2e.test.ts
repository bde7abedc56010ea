// The change feed through the built client against the live API (API.md 7): the events of real writes by page, by
// `for await`, and live by subscription, where the event arrives because another client's request caused it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { etagOf, type EventView } from "../src/index.js";
import { clientFor, newTenant } from "./support/live-api.js";

/** Every event `iterate` yields, and the cursor it returns to resume from. */
async function drain(iterator: AsyncGenerator<EventView, string, undefined>): Promise<{ events: EventView[]; cursor: string }> {
  const events: EventView[] = [];
  let next = await iterator.next();
  while (!next.done) {
    events.push(next.value);
    next = await iterator.next();
  }

  return { events, cursor: next.value };
}

describe("the change feed through the client, against the live API", () => {
  it("lists the events of real writes in commit order, filters them by type, and iterate follows nextCursor to the head", async () => {
    const api = clientFor(newTenant());
    const created = await api.contacts.createContact({ firstName: "Ada", lastName: "Byron" });
    const id = created.result.id;
    await api.contacts.patchContact(id, { lastName: "Lovelace" }, { ifMatch: etagOf(created) });
    const company = await api.companies.createCompany({ name: "Analytical Engines" });

    const first = await api.events.list({ limit: 2 });
    assert.deepEqual(first.items.map((e) => [e.type, e.resource.type, e.resource.id, e.version]),
      [["contact.created", "contact", id, 1], ["contact.updated", "contact", id, 2]]);
    assert.deepEqual(first.items[1]!.changes?.["lastName"], { from: "Byron", to: "Lovelace" });
    assert.deepEqual(first.items[1]!.subjects, [{ type: "contact", id }]);
    assert.equal(first.nextCursor, first.items[1]!.cursor);

    const all = await drain(api.events.iterate({ limit: 1 }));
    assert.deepEqual(all.events.map((e) => e.type), ["contact.created", "contact.updated", "company.created"]);
    assert.equal(all.events[2]!.resource.id, company.result.id);
    assert.equal(all.cursor, (await api.events.list({ after: "now" })).nextCursor, "iterate returns the head to resume from");

    const companies = await api.events.list({ types: "company.*" });
    assert.deepEqual(companies.items.map((e) => e.type), ["company.created"]);
    const after = await drain(api.events.iterate({ after: all.cursor }));
    assert.deepEqual(after.events, [], "nothing after the head");
  });

  it("subscribe receives an event another client's request caused, filtered by the reader's types and rights", async () => {
    const tenant = newTenant();
    const reader = clientFor(tenant, { actor: "reader", permissions: ["Contact:Read"] });
    const writer = clientFor(tenant, { actor: "writer" });
    const head = (await reader.events.list({ after: "now" })).nextCursor;

    const abort = new AbortController();
    const received: EventView[] = [];
    let arrived!: () => void;
    const contactArrived = new Promise<void>((resolve) => { arrived = resolve; });
    const retries: string[] = [];
    const subscription = reader.events.subscribe({ after: head, signal: abort.signal, onRetry: (error) => { retries.push(String(error)); } }, (event) => {
      received.push(event);
      if (event.type === "contact.created") arrived();
    });

    // A company the reader may not read, then a contact it may: only the contact's event reaches it.
    let contactId: string;
    try {
      await writer.companies.createCompany({ name: "Unseen Ltd" });
      contactId = (await writer.contacts.createContact({ firstName: "Grace", lastName: "Hopper" })).result.id;
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no event within 10 s; received ${JSON.stringify(received)}; retried after ${retries.join(" | ")}`)), 10_000).unref());
      await Promise.race([contactArrived, timeout, subscription.then(() => { throw new Error("the subscription ended"); })]);
    } finally {
      abort.abort();
    }

    await subscription;

    assert.deepEqual(received.map((e) => [e.type, e.resource.id, e.actorId]), [["contact.created", contactId, "writer"]]);
    assert.ok(received[0]!.cursor.length > 0);
    assert.deepEqual(retries, [], "the stream never dropped");
  });
});
