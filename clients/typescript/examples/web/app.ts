// A small front-end on @linkage/client (issue 15): seed 000's flow in a browser, from another origin than the API, and
// the tenant's live change feed (issue 26): every change as it commits, the page's own and anyone else's.
// The API's URL comes from ?api=, the bearer token from #token= (a fragment never reaches the page's own server).
import { createLinkageClient, isProblem, type EventView, type LinkView } from "@linkage/client";

const params = new URLSearchParams(location.search);
const api = createLinkageClient({
  baseUrl: params.get("api") ?? "http://127.0.0.1:5080",
  token: () => new URLSearchParams(location.hash.slice(1)).get("token") ?? "",
  changeOrigin: "web-example",
});

const status = document.getElementById("status")!;
function step(text: string): void {
  const item = document.createElement("li");
  item.textContent = text;
  document.getElementById("steps")!.append(item);
}

/** Shows each event of the tenant's feed from `after` on, as it commits, until the page is closed. */
function follow(after: string): void {
  const feed = document.getElementById("feed")!;
  const show = (event: EventView): void => {
    const item = document.createElement("li");
    item.dataset["type"] = event.type;
    item.dataset["resourceId"] = event.resource.id;
    item.textContent = `${event.type} ${event.resource.type} v${event.version ?? ""} by ${event.actorId}`;
    feed.append(item);
  };
  const feedStatus = document.getElementById("feed-status")!;
  feedStatus.textContent = "live";
  api.events.subscribe({ after, onRetry: (error, delayMs) => { feedStatus.textContent = `reconnecting in ${delayMs} ms (${String(error)})`; } }, show)
    .catch((error: unknown) => { feedStatus.textContent = `stopped: ${isProblem(error) ? error.code : String(error)}`; });
}

async function run(): Promise<void> {
  // From the feed's head before the first change: the flow's own events come first, then whatever anyone changes later.
  follow((await api.events.list({ after: "now" })).nextCursor);
  const { result: ada } = await api.contacts.createContact({ firstName: "Ada", lastName: "Lovelace" });
  step(`Created contact ${ada.fullName}`);
  const { result: engines } = await api.companies.createCompany({ name: "Analytical Engines Ltd" });
  const { result: looms } = await api.companies.createCompany({ name: "Jacquard Looms plc" });
  step(`Created companies ${engines.name} and ${looms.name}`);

  const first = await api.links.createLink({ contactId: ada.id, companyId: engines.id, jobTitle: "Analyst", isPrimary: true });
  const second = await api.links.createLink({ contactId: ada.id, companyId: looms.id, jobTitle: "Programmer" });
  step(`Linked ${ada.fullName} to both; primary: ${engines.name}`);

  // Making the second link primary takes primary from the first: the first link's version moves too.
  const promoted = await api.links.updateLink(second.result.id, { isPrimary: true }, { ifMatch: second.result.etag });
  step(`Made ${looms.name} primary (ETag ${promoted.result.etag})`);

  const retitled = await api.links.updateLink(second.result.id, { jobTitle: "Chief Programmer" }, { ifMatch: promoted.result.etag });
  step(`Job title at ${looms.name}: ${retitled.result.jobTitle} (If-Match ${promoted.result.etag})`);

  // The ETag held for the first link is stale since it lost primary: the API answers 412 with the current ETag,
  // so the page re-reads the link and applies the change to the fresh copy.
  try {
    await api.links.updateLink(first.result.id, { jobTitle: "Senior Analyst" }, { ifMatch: first.result.etag });
    step("Unexpected: a stale ETag was accepted");
  } catch (error) {
    if (!isProblem(error, "PreconditionFailed")) throw error;
    step(`${error.status} ${error.code}: held ${first.result.etag}, current ${error.etag}; re-reading`);
    const fresh = await api.links.getLink(first.result.id);
    const retried = await api.links.updateLink(first.result.id, { jobTitle: "Senior Analyst" }, { ifMatch: fresh.result.etag });
    step(`Job title at ${engines.name}: ${retried.result.jobTitle} (If-Match ${fresh.result.etag})`);
  }

  const { result: page } = await api.links.listContactLinks(ada.id);
  const names = new Map([[engines.id, engines.name], [looms.id, looms.name]]);
  document.getElementById("links")!.append(...page.items.map((link) => row(link, names.get(link.companyId) ?? link.companyId)));
}

function row(link: LinkView, company: string): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset["linkId"] = link.id;
  for (const text of [company, link.jobTitle ?? "", link.isPrimary ? "yes" : "no", link.etag]) {
    tr.append(Object.assign(document.createElement("td"), { textContent: text }));
  }

  return tr;
}

run().then(
  () => { status.textContent = "done"; },
  (error: unknown) => {
    status.textContent = "failed";
    status.className = "failed";
    step(isProblem(error) ? `${error.status} ${error.code}: ${error.detail}` : String(error));
  },
);
