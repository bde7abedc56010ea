// Hand-written: the change feed (API.md 7) for front-ends and integrations. `iterate` walks GET /api/v1/events with
// `for await` until it has read everything committed so far; `subscribe` follows GET /api/v1/events/stream over fetch
// streaming (EventSource cannot send the bearer header), resumes with Last-Event-ID after a dropped connection, and
// backs off after errors.
import type { EventsClient, EventView } from "./generated/client.js";
import { LinkageProblem } from "./problem.js";
import type { Transport } from "./transport.js";

export interface FeedOptions {
  /** Comma separated kinds and families, e.g. "link.*,note.archived". */
  types?: string;
  /** A cursor (an event's cursor or a page's nextCursor), or "now". */
  after?: string;
  signal?: AbortSignal;
}

export interface SubscribeOptions extends FeedOptions {
  /** Called after each failed connection with the error and the delay before the next try. */
  onRetry?: (error: unknown, delayMs: number) => void;
  /** First delay after an error (doubled per consecutive error, with jitter, up to maxDelayMs). Default 1000. */
  initialDelayMs?: number;
  /** Default 30000. */
  maxDelayMs?: number;
}

/** What `api.events` offers beside the generated listEvents and streamEvents. */
export interface EventFeed {
  /** One page of events: GET /api/v1/events. */
  list(options?: FeedOptions & { limit?: number }): Promise<{ items: EventView[]; nextCursor: string }>;
  /**
   * Every event after `after` (from the oldest kept event without it) that committed so far, page by page; the
   * generator's return value is the cursor to resume from next time.
   */
  iterate(options?: FeedOptions & { limit?: number }): AsyncGenerator<EventView, string, undefined>;
  /**
   * Calls `onEvent` for each event as it commits, until `signal` aborts (the promise then resolves). A dropped
   * connection is resumed after the last event received, so none is missed; a problem that retrying cannot cure (400,
   * 401, 403, 410) rejects the promise.
   */
  subscribe(options: SubscribeOptions, onEvent: (event: EventView) => void | Promise<void>): Promise<void>;
}

export function eventFeed(client: EventsClient, baseUrl: string, transport: Transport): EventFeed {
  const list: EventFeed["list"] = async (options = {}) => (await client.listEvents(options)).result;
  return {
    list,
    async *iterate(options = {}) {
      let after = options.after;
      for (;;) {
        const page = await list({ ...options, after });
        yield* page.items;
        if (page.items.length === 0 || page.nextCursor === after) {
          return page.nextCursor;
        }

        after = page.nextCursor;
      }
    },
    subscribe: (options, onEvent) => subscribe(baseUrl, transport, options, onEvent),
  };
}

const retryable = new Set([408, 429, 500, 502, 503, 504]);

async function subscribe(baseUrl: string, transport: Transport, options: SubscribeOptions, onEvent: (event: EventView) => void | Promise<void>): Promise<void> {
  let lastEventId: string | undefined;
  let failures = 0;
  const initial = options.initialDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30000;
  while (!options.signal?.aborted) {
    try {
      const query = new URLSearchParams();
      if (options.types) query.set("types", options.types);
      if (options.after && lastEventId === undefined) query.set("after", options.after);
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (lastEventId !== undefined) headers["Last-Event-ID"] = lastEventId;
      const url = `${baseUrl}/api/v1/events/stream${query.size > 0 ? `?${query}` : ""}`;
      const response = await transport.fetch(url, { method: "GET", headers, signal: options.signal });
      if (!response.ok) {
        const problem = await LinkageProblem.fromResponse(response);
        if (!retryable.has(response.status)) throw problem;
        throw new RetryableError(problem);
      }

      for await (const frame of frames(response.body!)) {
        failures = 0;
        if (frame.data === undefined) continue;
        lastEventId = frame.id ?? lastEventId;
        await onEvent(JSON.parse(frame.data) as EventView);
      }
      // The server ended the stream (it is shutting down): resume at once on another replica.
    } catch (error) {
      if (options.signal?.aborted) return;
      if (error instanceof LinkageProblem) throw error;
      const delay = Math.min(max, initial * 2 ** failures) * (0.8 + Math.random() * 0.4);
      failures++;
      options.onRetry?.(error instanceof RetryableError ? error.problem : error, delay);
      await sleep(delay, options.signal);
    }
  }
}

class RetryableError extends Error {
  constructor(readonly problem: LinkageProblem) {
    super(problem.message);
  }
}

interface Frame {
  id?: string;
  event?: string;
  data?: string;
}

/** Server-Sent Events frames from a fetch body (the WHATWG format: lines, blank line ends a frame, ':' a comment). */
export async function* frames(body: ReadableStream<Uint8Array>): AsyncGenerator<Frame, void, undefined> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = "";
  let frame: Frame = {};
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
        if (line === "") {
          if (frame.data !== undefined || frame.id !== undefined) yield frame;
          frame = {};
          continue;
        }

        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") frame.id = value;
        else if (field === "event") frame.event = value;
        else if (field === "data") frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
