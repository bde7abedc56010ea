// The public API of @linkage/client: the generated clients and types, and the hand-written layer.
export * from "./generated/client.js";
export { LinkageResponse, type Created, type Precondition, type Selected, type WithETag } from "./runtime.js";
export type {
  FieldValue, JsonPatchAdd, JsonPatchCopy, JsonPatchMove, JsonPatchOperation, JsonPatchRemove, JsonPatchReplace, JsonPatchTest, JsonValue, RecordFilter, RecordKey,
} from "./values.js";
export { createLinkageClient, type LinkageClient, type LinkageClientOptions } from "./linkage-client.js";
export { createTransport, type RateLimitRetry, type TokenSource, type Transport, type TransportOptions } from "./transport.js";
export { LinkageProblem, isProblem } from "./problem.js";
export { NotModified, etagOf, locationOf, revalidate, wasReplayed, type Revalidation } from "./etag.js";
export { walk, walkPages, type Page } from "./pages.js";
export { frames, type EventFeed, type FeedOptions, type SubscribeOptions } from "./events.js";
export { verifyWebhook, WebhookVerificationError, type VerifyWebhookOptions, type WebhookDelivery, type WebhookHeaders } from "./webhooks.js";
