// The end-to-end tests' traffic, recorded so that test/replay can check every response against the OpenAPI document
// after the tests ran (issue 15: the API must never answer what its own document does not describe).
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** One request and the response it got, as the replay reads them. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Where each test process appends its exchanges (one JSON line each); the replay reads every file there. */
export const trafficDirectory = process.env["LINKAGE_TRAFFIC_DIR"] ?? join(process.cwd(), "dist-test", "traffic");

const file = join(trafficDirectory, `${process.pid}.jsonl`);

/** The global fetch, recording each exchange; the caller gets the response untouched. */
export async function recordingFetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(url, init);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const exchange: Exchange = {
    method: (init?.method ?? "GET").toUpperCase(),
    url: typeof url === "string" ? url : url.url,
    status: response.status,
    headers,
    body: await response.clone().text(),
  };
  mkdirSync(trafficDirectory, { recursive: true });
  appendFileSync(file, JSON.stringify(exchange) + "\n");
  return response;
}
