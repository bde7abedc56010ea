// The API's OpenAPI document lints clean (issue 15) with Redocly CLI and Spectral, offline, on the committed rulesets
// (redocly.yaml, .spectral.yaml): a new error or warning fails the test command.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";

const bin = (name: string): string => join(process.cwd(), "node_modules", ".bin", name);

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("the OpenAPI document lints clean", () => {
  it("with Redocly CLI's recommended rules: no error, no warning", () => {
    const { status, output } = run(bin("redocly"), ["lint", "openapi.json", "--config", "redocly.yaml", "--max-problems", "50"]);
    assert.equal(status, 0, output);
    assert.match(output, /Woohoo! Your API description is valid/, output);
  });

  it("with Spectral's OpenAPI ruleset: no error, no warning", () => {
    const { status, output } = run(bin("spectral"), ["lint", "openapi.json", "--ruleset", ".spectral.yaml", "--fail-severity", "warn", "--format", "text"]);
    assert.equal(status, 0, output);
    assert.match(output, /No results with a severity of 'warn' or higher found!/, output);
  });
});
