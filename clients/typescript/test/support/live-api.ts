// The live API the end-to-end tests call: its URL and signing key come from the environment that
// `dotnet cake --target=Test` (or ClientTest) sets after starting the API on a throwaway database.
import { createHmac, randomUUID } from "node:crypto";
import { createLinkageClient, type LinkageClient } from "../../src/index.js";
import { validatingFetch } from "./traffic.js";

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set: these tests need a running API. Run them with 'dotnet cake --target=ClientTest' (or Test).`);
  }

  return value;
}

export const apiUrl = required("LINKAGE_API_URL");
const signingKey = required("LINKAGE_SIGNING_KEY");

const base64Url = (data: string | Buffer): string => Buffer.from(data).toString("base64url");

/** An HS256 JWT as the API expects it: iss linkage, aud linkage-api, sub, tid and a perm array. */
export function mintToken(tenant: string, actor: string, permissions: readonly string[], key = signingKey): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64Url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64Url(JSON.stringify({
    iss: "linkage",
    aud: "linkage-api",
    sub: actor,
    tid: tenant,
    perm: permissions,
    iat: now,
    nbf: now,
    exp: now + 3600,
  }));
  const signature = createHmac("sha256", key).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** A tenant of its own for each test, so tests never see each other's rows. */
export const newTenant = (): string => `e2e-${randomUUID()}`;

/** The client a front-end of this tenant and user would build. */
export function clientFor(tenant: string, options: { actor?: string; permissions?: readonly string[]; changeOrigin?: string } = {}): LinkageClient {
  const token = mintToken(tenant, options.actor ?? "e2e-user", options.permissions ?? ["*:*"]);
  return createLinkageClient({ baseUrl: apiUrl, token: () => token, changeOrigin: options.changeOrigin, fetch: validatingFetch });
}

/** A client that sends no token. */
export const anonymousClient = (): LinkageClient => createLinkageClient({ baseUrl: apiUrl, fetch: validatingFetch });

/** Awaits a call that must fail and returns what it threw. */
export async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }

  throw new Error("The call succeeded but was expected to fail.");
}
