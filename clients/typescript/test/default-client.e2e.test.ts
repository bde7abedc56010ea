// Issue 25: a client generated from the live API's /openapi/v1.json with NSwag's defaults (only /runtime:Net100) runs a
// scripted session (default-client/session.ts), a filtered listRecords included, with every answer validated.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { apiUrl } from "./support/live-api.js";

const root = process.cwd();
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: process.env, timeout: 180_000 });
const output = (result: ReturnType<typeof run>) => `exit ${result.status}\n${result.stdout}${result.stderr}`;

describe("a client generated with NSwag's defaults", () => {
  it("is generated from the served document, compiles, and runs the scripted session without a failure", (t) => {
    const generated = join(root, "default-client", "generated", "client.ts");
    rmSync(generated, { force: true });
    const nswag = run([join(root, "node_modules", "nswag", "bin", "nswag.js"), "openapi2tsclient", "/runtime:Net100",
      `/input:${apiUrl}/openapi/v1.json`, `/output:${generated}`]);
    assert.equal(nswag.status, 0, output(nswag));

    const compiled = run([join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "default-client", "tsconfig.json")]);
    assert.equal(compiled.status, 0, output(compiled));

    const session = run([join(root, "dist-test", "default-client", "session.js")]);
    assert.equal(session.status, 0, output(session));
    assert.match(session.stdout, /default-client session: \d+ steps passed/);
    t.diagnostic(session.stdout.trim());
  });
});
