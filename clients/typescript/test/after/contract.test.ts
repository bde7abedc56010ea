// After the end-to-end tests (npm test runs this second): what the validating fetch saw. Each answer was checked as it
// arrived, and an undescribed one failed its test; here the checks are counted, and the suite must have reached every
// operation of the document, so that no operation's answers go unchecked.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ResponseContract } from "../support/contract.js";
import { documentPath, trafficDirectory, type CheckedExchange } from "../support/traffic.js";

const contract = new ResponseContract(documentPath);
const checked: CheckedExchange[] = readdirSync(trafficDirectory).filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) => readFileSync(join(trafficDirectory, f), "utf8").split("\n").filter((line) => line.length > 0))
  .map((line) => JSON.parse(line) as CheckedExchange);

describe("the end-to-end tests' answers, each checked against openapi.json as it arrived", () => {
  const violations = checked.filter((e) => e.mismatches.length > 0);
  const reached = new Set(checked.map((e) => e.operation).filter((o) => o !== undefined));

  it(`counts them: ${checked.length} answers of ${reached.size} operations validated, ${violations.length} violations`, (t) => {
    t.diagnostic(`${checked.length} answers validated against openapi.json, ${violations.length} violations, `
      + `${reached.size} of ${contract.operations.length} operations, ${new Set(checked.map((e) => `${e.operation} ${e.status}`)).size} operation-status pairs`);
    assert.ok(checked.length >= 200, `only ${checked.length} answers were recorded in ${trafficDirectory}`);
    assert.deepEqual(violations.map((e) => `${e.method} ${e.url} ${e.status}: ${e.mismatches.join("; ")}`), []);
  });

  it("reached every operation of the document", () => {
    assert.deepEqual(contract.operations.filter((o) => !reached.has(o)), []);
  });
});
