// A strict response validator over the OpenAPI document: status, media type, body (ajv, strict mode, every object closed
// unless it says otherwise) and headers. Anything the API answers that the document does not describe is a mismatch: an
// undeclared status, a header the response does not declare (beyond HTTP's own, below), a missing required header, an
// undescribed property, an undescribed null, a word outside its enumeration.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { default as addFormats } from "ajv-formats";
import type { Exchange } from "./traffic.js";

type Json = { [key: string]: unknown };

/**
 * Headers that describe the message rather than the API (HTTP's own, and CORS's, which the README documents): the document
 * need not declare them. Every other header an answer carries must be declared on that response.
 */
const httpHeaders = new Set(["content-type", "content-length", "date", "server", "transfer-encoding", "connection", "keep-alive", "vary"]);
const isHttpHeader = (name: string): boolean => httpHeaders.has(name) || name.startsWith("access-control-");

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, Json>;
}

export class ResponseContract {
  private readonly described: Operation[];
  private readonly ajv = new Ajv({ strict: true, allErrors: true, discriminator: true });
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(documentPath: string) {
    const document = JSON.parse(readFileSync(documentPath, "utf8")) as Json;
    addFormats.default(this.ajv);
    this.ajv.addKeyword("example");
    const schemas = closeObjects(rewriteRefs((document["components"] as Json)["schemas"])) as Json;
    this.ajv.addSchema({ $id: "linkage", definitions: schemas });
    this.described = Object.entries(document["paths"] as Record<string, Record<string, Json>>).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$"),
        responses: operation["responses"] as Record<string, Json>,
      })));
  }

  /** Every operation of the document, as "GET /api/v1/...". */
  get operations(): string[] {
    return this.described.map((o) => `${o.method} ${o.template}`);
  }

  /** The operation an exchange went to, as "GET /api/v1/...", or undefined when the document has none. */
  operationOf(exchange: Exchange): string | undefined {
    const operation = this.find(exchange);
    return operation && `${operation.method} ${operation.template}`;
  }

  /** Every way the exchange's response differs from what the document describes; empty when it matches. */
  mismatches(exchange: Exchange): string[] {
    const operation = this.find(exchange);
    if (operation === undefined) {
      return [`${exchange.method} ${new URL(exchange.url).pathname}: no such operation in the document`];
    }

    const response = operation.responses[String(exchange.status)] ?? operation.responses["default"];
    if (response === undefined) {
      return [`status ${exchange.status} is not declared`];
    }

    return [...this.headerMismatches(exchange, response), ...this.bodyMismatches(exchange, response)];
  }

  private find(exchange: Exchange): Operation | undefined {
    const path = new URL(exchange.url).pathname;
    return this.described.find((o) => o.method === exchange.method && o.pattern.test(path));
  }

  private headerMismatches(exchange: Exchange, response: Json): string[] {
    const declared = Object.fromEntries(Object.entries((response["headers"] ?? {}) as Record<string, Json>).map(([name, header]) => [name.toLowerCase(), header]));
    const undeclared = Object.keys(exchange.headers).filter((name) => !isHttpHeader(name) && declared[name] === undefined);
    const missing = Object.entries(declared).filter(([name, header]) => header["required"] === true && exchange.headers[name] === undefined);
    const wrong = Object.entries(declared).flatMap(([name, header]) => {
      const value = exchange.headers[name];
      const validate = value === undefined || header["schema"] === undefined ? undefined : this.validator(header["schema"] as Json);
      return validate === undefined || validate(value) ? [] : [`header ${name}: ${value} ${(validate.errors ?? []).map((e) => e.message).join(", ")}`];
    });
    return [
      ...undeclared.map((name) => `header ${name} is sent but not declared`),
      ...missing.map(([name]) => `required header ${name} is missing`),
      ...wrong,
    ];
  }

  private bodyMismatches(exchange: Exchange, response: Json): string[] {
    const content = (response["content"] ?? {}) as Record<string, Json>;
    if (exchange.streamed === true) {
      return content["text/event-stream"] === undefined ? ["a text/event-stream answer is not declared"] : [];
    }

    if (exchange.body === "") {
      return [];
    }

    const mediaType = (exchange.headers["content-type"] ?? "").split(";")[0]!.trim();
    const described = content[mediaType];
    if (described === undefined) {
      return [`a ${mediaType || "body without a content type"} body is not declared (declared: ${Object.keys(content).join(", ") || "none"})`];
    }

    const validate = this.validator(described["schema"] as Json);
    return validate(JSON.parse(exchange.body)) ? [] : (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message} (${e.schemaPath})`);
  }

  private validator(schema: Json): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(closeObjects(rewriteRefs(schema)) as Json);
      this.compiled.set(schema, validate);
    }

    return validate;
  }
}

/** "#/components/schemas/X" becomes "linkage#/definitions/X", the one schema holding every component. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(rewriteRefs);
  }

  if (node === null || typeof node !== "object") {
    return node;
  }

  return Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith("x-")).map(([key, value]) =>
    [key, key === "$ref" && typeof value === "string" ? value.replace("#/components/schemas/", "linkage#/definitions/") : rewriteRefs(value)]));
}

/** An object schema that names its properties and says nothing about others admits no others: an undescribed property is a mismatch. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(closeObjects);
  }

  if (node === null || typeof node !== "object") {
    return node;
  }

  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === "properties" ? mapValues(value as Json, closeObjects) : closeObjects(value)]));
  if (schema["properties"] !== undefined && schema["additionalProperties"] === undefined) {
    schema["additionalProperties"] = false;
  }

  return schema;
}

const mapValues = (object: Json, map: (value: unknown) => unknown): Json =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
