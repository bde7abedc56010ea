// The copy of the API's OpenAPI document that NSwag generates @linkage/client from (ADR 0020). The document keeps some
// schemas inline that no generator types well by itself: a field's value (string | number | boolean | null), a record's
// key (string | number), any JSON value. NSwag types an inline oneOf by its first member and "any JSON" as `any`, and
// its default TypeScript classes break on a named schema without a type, so the API marks such an inline schema with
// `x-linkage-type: <Name>` and leaves it inline for every other client. Here each marked schema becomes a reference to a
// component of that name; nswag.json's excludedTypeNames keeps NSwag from generating those components, and
// src/values.ts defines them (the generated file imports them). A name this script meets that nswag.json does not
// exclude is an error, so the generated code can never reference a type nobody wrote.
//
//   node scripts/client-document.mjs <openapi.json> <output.json>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const marker = "x-linkage-type";
const [input, output] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  console.error("usage: node scripts/client-document.mjs <openapi.json> <output.json>");
  process.exit(2);
}

const document = JSON.parse(readFileSync(input, "utf8"));
const here = dirname(fileURLToPath(import.meta.url));
const excluded = new Set(JSON.parse(readFileSync(join(here, "..", "nswag.json"), "utf8")).codeGenerators.openApiToTypeScriptClient.excludedTypeNames);
const named = new Set();

/** The node with every marked schema below it replaced by a reference to the component its marker names. */
function referenced(node) {
  if (Array.isArray(node)) {
    return node.map(referenced);
  }

  if (node === null || typeof node !== "object") {
    return node;
  }

  const name = node[marker];
  if (typeof name === "string") {
    named.add(name);
    return { $ref: `#/components/schemas/${name}` };
  }

  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, referenced(value)]));
}

const rewritten = referenced(document);
for (const name of named) {
  if (!excluded.has(name)) {
    console.error(`${input} names the TypeScript type ${name} (${marker}), which nswag.json's excludedTypeNames does not list and src/values.ts must define.`);
    process.exit(1);
  }

}

// Every excluded type, marked inline or a component of the document (JsonPatchOperation and its six members), is
// defined in src/values.ts: NSwag sees only its name.
for (const name of excluded) {
  rewritten.components.schemas[name] = { description: `Defined by hand in src/values.ts.` };
}

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(rewritten, null, 2) + "\n");
