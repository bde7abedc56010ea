// The example page (examples/web), bundled with esbuild and served from another origin than the API, runs seed 000's
// flow in headless Chromium through @linkage/client (issue 15) and shows the tenant's live change feed (issue 26). Needs
// Debian's chromium (.ci/run installs it) and an API that allows the page's origin: LINKAGE_WEB_PORT is the port the
// API's Cors:AllowedOrigins names (the build sets both).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { launch, type Browser } from "puppeteer-core";
import { apiUrl, clientFor, mintToken, newTenant } from "./support/live-api.js";

const chromium = process.env["LINKAGE_CHROMIUM"] ?? "/usr/bin/chromium";
const webPort = Number(process.env["LINKAGE_WEB_PORT"] ?? "5173");
const webDirectory = join(process.cwd(), "examples", "web");

/** Serves the page and its bundle on 127.0.0.1: a different origin (port) than the API's. */
function servePage(): Promise<Server> {
  const files: Record<string, [string, string]> = {
    "/": ["index.html", "text/html; charset=utf-8"],
    "/dist/app.js": [join("dist", "app.js"), "text/javascript; charset=utf-8"],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://page").pathname];
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }

    response.writeHead(200, { "Content-Type": file[1] }).end(readFileSync(join(webDirectory, file[0])));
  });
  return new Promise((resolve, reject) => server.once("error", reject).listen(webPort, "127.0.0.1", () => resolve(server)));
}

describe("the example page in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  const profile = mkdtempSync(join(tmpdir(), "linkage-chromium-"));

  before(async () => {
    const { bundleExample } = (await import(pathToFileURL(join(webDirectory, "build.mjs")).href)) as { bundleExample: () => Promise<void> };
    await bundleExample();
    server = await servePage();
    browser = await launch({
      executablePath: chromium,
      headless: true,
      userDataDir: profile,
      // Flags that work on this kind of machine: no sandbox as root, and no background traffic to a closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(profile, { recursive: true, force: true });
  });

  it("runs seed 000's flow (contact, companies, links, a new primary, a title with If-Match, a 412 recovered by re-reading) and shows the live feed, where another request's event arrives", async () => {
    const tenant = newTenant();
    const page = await browser.newPage();
    const seen: string[] = [];
    page.on("console", (message) => seen.push(`${message.type()}: ${message.text()}`));
    page.on("requestfailed", (request) => seen.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));

    await page.goto(`http://127.0.0.1:${webPort}/?api=${encodeURIComponent(apiUrl)}#token=${mintToken(tenant, "web-user", ["*:*"])}`);
    await page.waitForFunction(() => ["done", "failed"].includes(document.getElementById("status")?.textContent ?? ""), { timeout: 30_000 });
    const status = await page.$eval("#status", (e) => e.textContent);
    const steps = await page.$$eval("#steps li", (items) => items.map((i) => i.textContent ?? ""));
    const rows = await page.$$eval("#links tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));

    assert.equal(status, "done", [...steps, ...seen].join("\n"));
    assert.deepEqual(steps, [
      "Created contact Ada Lovelace",
      "Created companies Analytical Engines Ltd and Jacquard Looms plc",
      "Linked Ada Lovelace to both; primary: Analytical Engines Ltd",
      'Made Jacquard Looms plc primary (ETag "2")',
      'Job title at Jacquard Looms plc: Chief Programmer (If-Match "2")',
      '412 PreconditionFailed: held "1", current "2"; re-reading',
      'Job title at Analytical Engines Ltd: Senior Analyst (If-Match "2")',
    ]);
    assert.deepEqual(rows, [
      ["Analytical Engines Ltd", "Senior Analyst", "no", '"3"'],
      ["Jacquard Looms plc", "Chief Programmer", "yes", '"3"'],
    ]);

    // What the page shows is what the API stored.
    const api = clientFor(tenant);
    const [ada] = (await api.contacts.listContacts({ q: "ada" })).result.items;
    const links = (await api.links.listContactLinks(ada!.id)).result.items;
    assert.deepEqual(links.map((l) => [l.jobTitle, l.isPrimary, l.changeOrigin]), [["Senior Analyst", false, "web-example"], ["Chief Programmer", true, "web-example"]]);

    // The page's live feed (issue 26): another request, not the page's, creates a contact, and its event arrives on the page.
    const other = clientFor(tenant, { actor: "someone-else" });
    const babbage = (await other.contacts.createContact({ firstName: "Charles", lastName: "Babbage" })).result;
    await page.waitForSelector(`#feed li[data-resource-id="${babbage.id}"]`, { timeout: 10_000 });
    const feed = await page.$$eval("#feed li", (items) => items.map((i) => [(i as HTMLElement).dataset["type"], i.textContent ?? ""]));
    assert.deepEqual(feed.map(([type]) => type), [
      "contact.created", "company.created", "company.created", "link.created", "link.created",
      "link.updated", "link.updated", // the promotion: the new primary and the demoted one, one commit
      "link.updated", "link.updated", // the new title, then the retried one (the 412 changed nothing: no event)
      "contact.created",
    ], [...steps, ...seen].join("\n"));
    assert.match(feed.at(-1)![1]!, /^contact\.created contact v1 by someone-else$/);
    assert.equal(await page.$eval("#feed-status", (e) => e.textContent), "live");
    await page.close();
  });
});
