// Hand-written: one object holding every generated client, found by name, so the clients of new
// controllers (links, notes, ...) appear here when the code is regenerated, with no edit.
import * as generated from "./generated/client.js";
import { eventFeed, type EventFeed } from "./events.js";
import { createTransport, type Transport, type TransportOptions } from "./transport.js";

type ClientClass = new (baseUrl?: string, http?: Transport) => object;
type Exports = typeof generated;

/** Names of the generated client classes: ContactsClient, CompaniesClient, ... */
type ClientName = { [K in keyof Exports]: K extends `${string}Client` ? (Exports[K] extends ClientClass ? K : never) : never }[keyof Exports];

/** ContactsClient -> contacts. */
type AreaOf<K extends string> = K extends `${infer Area}Client` ? Uncapitalize<Area> : never;

/**
 * Every API area as a property: `api.contacts.createContact(...)`, `api.companies.getCompany(...)`; the change feed's
 * area also has `list`, `iterate` and `subscribe` (events.ts).
 */
export type LinkageClient = { readonly [K in ClientName as AreaOf<K>]: K extends "EventsClient" ? InstanceType<Exports[K]> & EventFeed : InstanceType<Exports[K]> };

export interface LinkageClientOptions extends TransportOptions {
  /** The API's origin, e.g. https://linkage.example.com (paths start with /api/v1). */
  baseUrl: string;
}

/** Creates the client a front-end uses; see {@link TransportOptions} for the token and change origin. */
export function createLinkageClient(options: LinkageClientOptions): LinkageClient {
  const transport = createTransport(options);
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const clients: Record<string, object> = {};
  for (const [name, value] of Object.entries(generated)) {
    if (name.endsWith("Client") && typeof value === "function") {
      const area = name.charAt(0).toLowerCase() + name.slice(1, -"Client".length);
      clients[area] = new (value as ClientClass)(baseUrl, transport);
    }
  }

  Object.assign(clients.events as object, eventFeed(clients.events as generated.EventsClient, baseUrl, transport));
  return clients as LinkageClient;
}
