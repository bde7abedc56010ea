// Hand-written: what every request needs that the generated code cannot know: the user's token and the app's origin.

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
 * Adds the bearer token and the default change origin to every request of the generated clients. (Reading the answer,
 * 304 and problems included, is the generated code's, through runtime.ts.)
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const send = options.fetch ?? ((url: RequestInfo, init?: RequestInit) => globalThis.fetch(url, init));
  return {
    async fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
      const headers = new Headers(init?.headers);

      if (options.token !== undefined && !headers.has("Authorization")) {
        const token = typeof options.token === "function" ? await options.token() : options.token;
        headers.set("Authorization", `Bearer ${token}`);
      }

      const method = (init?.method ?? "GET").toUpperCase();
      if (options.changeOrigin !== undefined && mutating.has(method) && !headers.has("X-Change-Origin")) {
        headers.set("X-Change-Origin", options.changeOrigin);
      }

      return send(url, { ...init, headers });
    },
  };
}
