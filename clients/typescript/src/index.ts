// The public API of @linkage/client: the generated clients and types, and the hand-written layer.
export * from "./generated/client.js";
export { LinkageResponse, type Precondition, type Selected } from "./runtime.js";
export { createLinkageClient, type LinkageClient, type LinkageClientOptions } from "./linkage-client.js";
export { createTransport, type TokenSource, type Transport, type TransportOptions } from "./transport.js";
export { LinkageProblem, isProblem } from "./problem.js";
export { NotModified, etagOf, locationOf, revalidate, wasReplayed, type Revalidation } from "./etag.js";
export { walk, walkPages, type Page } from "./pages.js";
export { frames, type EventFeed, type FeedOptions, type SubscribeOptions } from "./events.js";
