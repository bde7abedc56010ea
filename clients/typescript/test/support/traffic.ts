// Every answer the end-to-end tests receive is checked against the OpenAPI document as it arrives (issue 25): a status, a
// header, a property, a null or an enumeration value (a timeline kind) the document does not describe fails the request,
// and so the test that made it. Each exchange is also written down with its verdict, so that test/after can count them and
// say which operations the suite reached.
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ResponseContract } from "./contract.js";

/** One request and the response it got. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The body as received; empty for an event stream, which is checked by its status, headers and media type only. */
  body: string;
  /** An event stream (text/event-stream): its body is not awaited, since it ends only when the stream does. */
  streamed?: boolean;
}

/** An exchange as written down: with the operation it went to and how its answer differed from the document. */
export interface CheckedExchange extends Exchange {
  operation: string | undefined;
  mismatches: string[];
}

/** The document the answers are checked against: the committed one, which the build checks is the API's own. */
export const documentPath = join(process.cwd(), "openapi.json");

/** Where each test process appends its exchanges (one JSON line each). */
export const trafficDirectory = process.env["LINKAGE_TRAFFIC_DIR"] ?? join(process.cwd(), "dist-test", "traffic");

const file = join(trafficDirectory, `${process.pid}.jsonl`);
let contract: ResponseContract | undefined;

/** Thrown in place of the answer when the API answered what its document does not describe. */
export class UndescribedAnswer extends Error {
  override readonly name = "UndescribedAnswer";

  constructor(readonly exchange: CheckedExchange) {
    super(`${exchange.method} ${exchange.url} answered ${exchange.status}, which the OpenAPI document does not describe:\n  - `
      + `${exchange.mismatches.join("\n  - ")}\n  body: ${exchange.body.slice(0, 500)}`);
  }
}

/** The global fetch, with every answer checked against the document; the caller gets the response untouched, or an error. */
export async function validatingFetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(url, init);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const streamed = response.ok && (headers["content-type"] ?? "").startsWith("text/event-stream");
  const exchange: Exchange = {
    method: (init?.method ?? "GET").toUpperCase(),
    url: typeof url === "string" ? url : url.url,
    status: response.status,
    headers,
    body: streamed ? "" : await response.clone().text(),
    streamed,
  };

  contract ??= new ResponseContract(documentPath);
  const checked: CheckedExchange = { ...exchange, operation: contract.operationOf(exchange), mismatches: contract.mismatches(exchange) };
  mkdirSync(trafficDirectory, { recursive: true });
  appendFileSync(file, JSON.stringify(checked) + "\n");
  if (checked.mismatches.length > 0) {
    throw new UndescribedAnswer(checked);
  }

  return response;
}
