// Hand-written: verifying a webhook delivery (API.md 8, Standard Webhooks v1) on the receiving side, with Web Crypto only,
// so it runs in Node 20+, Deno, workers and edge runtimes alike. Same checks as the reference library (npm
// `standardwebhooks`), which the end-to-end test compares it with.
import type { EventView } from "./generated/client.js";

/** A verified delivery's body: the event of GET /api/v1/events (or a `webhook.ping`) under its type and time. */
export interface WebhookDelivery {
  type: string;
  timestamp: string;
  data: EventView;
}

/** The request headers as a receiver has them: a fetch `Headers`, or Node's `IncomingHttpHeaders`-like record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds (default 300, as the reference library). */
  toleranceSeconds?: number;
  /** The time to judge the timestamp by (tests). */
  now?: Date;
}

/** Thrown by {@link verifyWebhook} when a delivery must be rejected; `message` says why. */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
}

const encoder = new TextEncoder();

function header(headers: WebhookHeaders, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : headers[name] ?? headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value.join(" ") : value;
  if (!text) throw new WebhookVerificationError(`The ${name} header is missing.`);
  return text;
}

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const base64 = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    throw new WebhookVerificationError("The secret is not whsec_ followed by base64.");
  }
}

/** Compares two strings in time that depends only on their lengths. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Verifies a delivery and returns its parsed body. Give it the body exactly as received (the raw text, before any JSON
 * parsing: a re-serialised body does not verify) and the request's headers. It accepts the delivery when one of the
 * space-separated `v1,` signatures of `webhook-signature` is the HMAC-SHA256, keyed with the secret's decoded bytes, of
 * `<webhook-id>.<webhook-timestamp>.<body>` (during a rotation the API sends one per secret, so either secret verifies),
 * and `webhook-timestamp` is within the tolerance of now. Otherwise it throws {@link WebhookVerificationError}.
 * Deduplicate on `webhook-id`: a retry of the same event carries the same one.
 */
export async function verifyWebhook(
  secret: string, rawBody: string, headers: WebhookHeaders, options: VerifyWebhookOptions = {},
): Promise<WebhookDelivery> {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError("The webhook-timestamp header is not Unix seconds.");
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) throw new WebhookVerificationError("The webhook-timestamp is too far from now.");

  const key = await crypto.subtle.importKey("raw", secretBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${id}.${timestamp}.${rawBody}`)));
  const expected = "v1," + btoa(String.fromCharCode(...mac));
  if (!signatures.split(" ").some((signature) => equalInConstantTime(signature, expected))) {
    throw new WebhookVerificationError("No signature matches.");
  }
  return JSON.parse(rawBody) as WebhookDelivery;
}
