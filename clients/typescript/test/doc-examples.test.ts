// Every TypeScript example in the client's documentation compiles with `tsc --strict` against the package's sources
// (issue 15): the ```ts blocks of docs/README-client.md and the README, and every @example in src/. What an example
// takes as given (a contact id, the signed-in user's auth) is declared for it, unless it declares that itself.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";

const root = process.cwd();
const repository = join(root, "..", "..");
const scratch = join(root, "dist-test", "doc-examples");

/** What examples may use without declaring it. */
const givens: Record<string, string> = {
  auth: "{ getAccessToken(): Promise<string> }",
  baseUrl: "string",
  api: "import(\"@linkage/client\").LinkageClient",
  contact: "import(\"@linkage/client\").ContactView",
  contactId: "string",
  companyId: "string",
};

interface Example {
  source: string;
  code: string;
}

function markdownExamples(path: string): Example[] {
  const text = readFileSync(path, "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m, i) => ({ source: `${relative(repository, path)} #${i + 1}`, code: m[1]! }));
}

function jsdocExamples(directory: string): Example[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.startsWith("generated"))
    .flatMap((f) => [...readFileSync(join(directory, f), "utf8").matchAll(/@example\n((?:\s*\*(?!\/).*\n)+?)\s*\*(?:\/|\s*@)/g)]
      .map((m, i) => ({ source: `src/${f} @example #${i + 1}`, code: m[1]!.replace(/^\s*\* ?/gm, "") })));
}

const examples = [
  ...markdownExamples(join(repository, "docs", "README-client.md")),
  ...markdownExamples(join(repository, "README.md")),
  ...jsdocExamples(join(root, "src")),
];

function compile(): Map<string, string[]> {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  examples.forEach((example, i) => {
    const declares = (name: string) => new RegExp(`\\b(?:const|let|var|function)\\s+${name}\\b|^import\\b[^;]*\\b${name}\\b`, "m");
    const declared = Object.entries(givens).filter(([name]) => !declares(name).test(example.code));
    const preamble = declared.map(([name, type]) => `declare const ${name}: ${type};`).join("\n");
    writeFileSync(join(scratch, `example-${i}.ts`), `${preamble}\n${example.code}\nexport {};\n`);
  });
  writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [], skipLibCheck: true, paths: { "@linkage/client": [join(root, "src", "index.ts")] },
    },
    include: ["example-*.ts"],
  }));
  const result = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(scratch, "tsconfig.json")], { encoding: "utf8" });
  const errors = new Map<string, string[]>();
  for (const line of result.stdout.split("\n").filter((l) => l.includes("error TS"))) {
    const file = /example-\d+\.ts/.exec(line)?.[0] ?? "other";
    errors.set(file, [...(errors.get(file) ?? []), line]);
  }

  return errors;
}

describe("the documentation's TypeScript examples", () => {
  const errors = compile();

  it("are found: the client guide, the README and the sources have some", () => {
    assert.ok(examples.filter((e) => e.source.startsWith("docs")).length >= 3, examples.map((e) => e.source).join(", "));
    assert.ok(examples.some((e) => e.source.startsWith("README")));
    assert.ok(examples.some((e) => e.source.includes("@example")));
    assert.deepEqual(errors.get("other") ?? [], []);
  });

  examples.forEach((example, i) => {
    it(`${example.source} compiles with tsc --strict`, () => {
      assert.deepEqual(errors.get(`example-${i}.ts`) ?? [], [], example.code);
    });
  });
});
