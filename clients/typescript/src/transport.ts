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

  /**
   * Wait out a 429 RateLimited for its Retry-After and send the request again, instead of throwing it at once. A 429
   * changed nothing, so a retry is safe for every method. Off by default; `true` means up to 3 retries, each waiting
   * at most 60 s. A longer Retry-After, or one retry too many, throws the 429 as a LinkageProblem.
   */
  retryRateLimited?: boolean | RateLimitRetry;
}

/** How a transport waits out 429 RateLimited answers (TransportOptions.retryRateLimited). */
export interface RateLimitRetry {
  /** How many times one request is sent again after a 429; 3 unless given. */
  maxRetries?: number;

  /** The longest Retry-After, in seconds, the transport waits for; a longer one throws the 429 at once. 60 unless given. */
  maxWaitSeconds?: number;
}

const mutating = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Adds the bearer token and the default change origin to every request of the generated clients, and waits out a 429
 * when the caller asked for that. (Reading the answer, 304 and problems included, is the generated code's, through
 * runtime.ts.)
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

      const request = { ...init, headers };
      const retry = retryPolicy(options.retryRateLimited);
      for (let attempt = 0; ; attempt++) {
        const response = await send(url, request);
        const wait = response.status === 429 && attempt < retry.maxRetries ? retryAfterSeconds(response) : null;
        if (wait === null || wait > retry.maxWaitSeconds) {
          return response;
        }

        await response.body?.cancel();
        await delay(wait * 1000, init?.signal ?? undefined);
      }
    },
  };
}

function retryPolicy(option: TransportOptions["retryRateLimited"]): { maxRetries: number; maxWaitSeconds: number } {
  if (option === undefined || option === false) {
    return { maxRetries: 0, maxWaitSeconds: 0 };
  }

  const given = option === true ? {} : option;
  return { maxRetries: given.maxRetries ?? 3, maxWaitSeconds: given.maxWaitSeconds ?? 60 };
}

/** Retry-After in seconds (delta-seconds, or an HTTP date); null when absent or unreadable. */
function retryAfterSeconds(response: Response): number | null {
  const value = response.headers.get("Retry-After")?.trim() ?? "";
  if (/^\d+$/.test(value)) {
    return Number.parseInt(value, 10);
  }

  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function delay(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }

    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, milliseconds);
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
  });
}
