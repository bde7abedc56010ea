// The client's public types (issue 25): no `any` a front-end developer can trip on, the mistakes of test/types/mistakes.ts
// refused by the compiler, parent ids named for what they are. Compiles with the package's own TypeScript; needs no API.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

const root = process.cwd();
const tsc = (...args: string[]) => spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), ...args], { cwd: root, encoding: "utf8" });

describe("the client's public types", () => {
  it("compile test/types/mistakes.ts only with its expected errors, one per @ts-expect-error line", () => {
    const file = join(root, "test", "types", "mistakes.ts");
    const expected = readFileSync(file, "utf8").split("\n").filter((line) => line.trim().startsWith("// @ts-expect-error")).length;
    const run = tsc("--noEmit", "--strict", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022,DOM,DOM.Iterable",
      "--types", "node", "--skipLibCheck", file);
    assert.equal(run.status, 0, `tsc refused the file: each @ts-expect-error line must be an error, every other line must compile\n${run.stdout}${run.stderr}`);
    assert.ok(expected >= 20, `only ${expected} expected errors`);
  });

  it("hold no any in the declarations the package ships", () => {
    const out = mkdtempSync(join(tmpdir(), "linkage-client-types-"));
    try {
      const run = tsc("-p", "tsconfig.build.json", "--emitDeclarationOnly", "--outDir", out);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const declarations = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".d.ts"));
      assert.ok(declarations.includes(join("generated", "client.d.ts")), declarations.join(", "));
      const offending = declarations.flatMap((f) => readFileSync(join(out, f), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "").replace(/"(?:[^"\\]|\\.)*"/g, '""')
        .split("\n").filter((line) => /\bany\b/.test(line)).map((line) => `${f}: ${line.trim()}`));
      assert.deepEqual(offending, []);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("type JSON Patch as a union of exactly the operations the document names", () => {
    const document = JSON.parse(readFileSync(join(root, "openapi.json"), "utf8"));
    const documented: string[] = document.components.schemas.JsonPatchOperation.properties.op.enum;
    const union = [...readFileSync(join(root, "src", "values.ts"), "utf8").matchAll(/^\s+op: "(\w+)";$/gm)].map((m) => m[1]);
    assert.deepEqual([...union].sort(), [...documented].sort());
  });

  it("name a parent's id for what it is", () => {
    const generated = readFileSync(join(root, "src", "generated", "client.ts"), "utf8");
    for (const signature of ["createNote(contactId: string, body: NewNote", "patchNote(companyId: string, noteId: string", "listContactActions(contactId: string",
      "listRecordActions(domain: string, recordId: string", "listDomainActions(domainName: string", "listFileActions(fileId: string"]) {
      assert.ok(generated.includes(signature), `the generated client has no ${signature}`);
    }
  });
});
