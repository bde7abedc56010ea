// The change feed's client helpers with a scripted fetch: paging until caught up, and a subscription that resumes
// with Last-Event-ID after its connection drops. No API needed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLinkageClient, isProblem } from "../src/index.js";

const event = (n: number) => ({
  id: `0196c0de-0000-7000-8000-00000000000${n}`, type: "contact.updated", occurredUtc: "2026-12-04T00:00:00Z", actorId: "a",
  changeOrigin: "api", resource: { type: "contact", id: "0196c0de-0000-7000-8000-0000000000aa" }, subjects: [], version: n + 1, cursor: `c${n}`,
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

function sse(text: string): Response {
  return new Response(new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(text)); controller.close(); } }),
    { status: 200, headers: { "Content-Type": "text/event-stream" } });
}

const frame = (n: number) => `id: c${n}\nevent: contact.updated\ndata: ${JSON.stringify(event(n))}\n\n`;

describe("the change feed helpers", () => {
  it("iterate follows nextCursor until a page comes back empty and returns the cursor to resume from", async () => {
    const pages = [json({ items: [event(1), event(2)], nextCursor: "c2" }), json({ items: [event(3)], nextCursor: "c3" }), json({ items: [], nextCursor: "c3" })];
    const urls: string[] = [];
    const api = createLinkageClient({ baseUrl: "http://api.test", token: "t", fetch: async (url) => { urls.push(String(url)); return pages.shift()!; } });

    const seen: string[] = [];
    const iterator = api.events.iterate({ types: "contact.*", limit: 2 });
    let next = await iterator.next();
    while (!next.done) { seen.push(next.value.cursor); next = await iterator.next(); }

    assert.deepEqual(seen, ["c1", "c2", "c3"]);
    assert.equal(next.value, "c3");
    assert.match(urls[1]!, /after=c2/);
  });

  it("subscribe sends the bearer, resumes with Last-Event-ID after a dropped connection, and backs off", async () => {
    const requests: Headers[] = [];
    const answers = [() => sse(`: keep-alive\n\n${frame(1)}${frame(2)}`), () => { throw new TypeError("connection reset"); }, () => { throw new TypeError("connection refused"); }, () => sse(frame(3))];
    const abort = new AbortController();
    const api = createLinkageClient({
      baseUrl: "http://api.test", token: "t0k3n",
      fetch: async (_url, init) => { requests.push(new Headers(init?.headers)); const next = answers.shift(); if (!next) { abort.abort(); throw new Error("done"); } return next(); },
    });

    const received: string[] = [];
    const delays: number[] = [];
    await api.events.subscribe({ signal: abort.signal, initialDelayMs: 1, onRetry: (_e, delay) => delays.push(delay) }, (e) => { received.push(e.cursor); });

    assert.deepEqual(received, ["c1", "c2", "c3"]);
    assert.equal(requests[0]?.get("Authorization"), "Bearer t0k3n");
    assert.equal(requests[0]?.has("Last-Event-ID"), false);
    assert.equal(requests[1]?.get("Last-Event-ID"), "c2");
    assert.equal(requests[2]?.get("Last-Event-ID"), "c2");
    assert.equal(requests[4]?.get("Last-Event-ID"), "c3");
    assert.ok(delays.length === 2 && delays[1]! >= delays[0]! * 1.3, `the delay grows after consecutive errors: ${delays}`);
  });

  it("subscribe rejects with the problem when a retry cannot help (410 CursorExpired)", async () => {
    const api = createLinkageClient({
      baseUrl: "http://api.test",
      fetch: async () => json({ type: "urn:linkage:problem:CursorExpired", title: "t", status: 410, detail: "d", instance: "/", traceId: "x", code: "CursorExpired" }, 410),
    });

    await assert.rejects(api.events.subscribe({ after: "old" }, () => {}), (e) => isProblem(e, "CursorExpired"));
  });
});
