// Hand-written: what every request needs that the generated code cannot do by itself.
import { NotModified } from "./etag.js";
import { LinkageProblem } from "./problem.js";

/** What the generated clients call instead of the global fetch. */
export interface Transport {
  fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/** A bearer token, or a function that returns the current one (called before every request). */
export type TokenSource = string | (() => string | Promise<string>);

export interface TransportOptions {
  /** The bearer token (JWT) of the signed-in user. */
  token?: TokenSource;

  /** Sent as X-Change-Origin on every change unless a call gives its own (1..50 of [a-z0-9_-]). */
  changeOrigin?: string;

  /** The fetch to use; the global one by default. */
  fetch?: (url: RequestInfo, init?: RequestInit) => Promise<Response>;
}

const mutating = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Adds the bearer token and the default change origin, drops the optional headers that the
 * generated code sends empty when a parameter is omitted (the API treats a header that is present
 * as given: an empty Idempotency-Key or X-Change-Origin would be refused), and turns a 304 into
 * {@link NotModified} and every 4xx/5xx into a {@link LinkageProblem}.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const send = options.fetch ?? ((url: RequestInfo, init?: RequestInit) => globalThis.fetch(url, init));
  return {
    async fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
      const headers = new Headers(init?.headers);
      for (const [name, value] of [...headers]) {
        if (value === "") {
          headers.delete(name);
        }
      }

      if (options.token !== undefined && !headers.has("Authorization")) {
        const token = typeof options.token === "function" ? await options.token() : options.token;
        headers.set("Authorization", `Bearer ${token}`);
      }

      const method = (init?.method ?? "GET").toUpperCase();
      if (options.changeOrigin !== undefined && mutating.has(method) && !headers.has("X-Change-Origin")) {
        headers.set("X-Change-Origin", options.changeOrigin);
      }

      const response = await send(url, { ...init, headers });
      if (response.status === 304) {
        throw new NotModified(response.headers.get("ETag") ?? headers.get("If-None-Match") ?? "");
      }

      if (response.status >= 400) {
        throw await LinkageProblem.fromResponse(response);
      }

      return response;
    },
  };
}
