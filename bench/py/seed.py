"""Seeds one tenant through the API (schema-agnostic): contacts, companies, then links between them; with
--claims, also a custom domain `Claim`, its records and links from them to contacts made by link upserts.

Writes <out>/contacts.txt, companies.txt and links.txt ("<id> <etag>" per line). When the links
endpoint answers 404 (not deployed yet) links.txt stays empty and the summary says so.

With --claims C --claim-links L (upsert-link, bench/README.md): the domain `Claim` (a required text field
`claimNumber`), two relationship types from it to Contact (`claimant`, `witness`), C claims, and L links
claim -> contact, each made by `POST /links/upsert` naming both sides by id with newRelationship
`claimant` (201, version 1). Pair i joins claim i % C to contact (i % C + i // C) % N, so consecutive
pairs have different parents. Writes <out>/claims.txt ("<id> <etag>") and <out>/pairs.txt
("<parentId> <childId> <relationship> <version>", the state bench/wrk/upsert-link.lua starts from).
When POST /domains answers 404, both stay empty and the summary says so.

With --typed-links T as well (patch-typed-link): both relationship types define a text field `note` and a
restricted text field `reference`; T more claim -> contact links are made the same way (pairs L .. L + T - 1 of
the same sequence, so link n is on claim (L + n - 1) % C), and each gets a display label, a `note` and a
`reference` value by one JSON Patch (version 2): the documents the benchmark patches hold a restricted value as a
real one would, and every measured PATCH replaces values that are there. Writes
<out>/typed-links.txt ("<linkId> <etag>", the state bench/wrk/patch-typed-link.lua starts from).
"""
import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor

from client import Api, ApiError, mint_token


def contact_body(i):
    return {"firstName": f"First{i}", "lastName": f"Last{i}", "emails": [{"value": f"person{i}@example.com"}]}


def company_body(i):
    return {"name": f"Company {i}", "department": "Sales", "orgNr": f"ORG-{i:06d}"}


def link_pairs(count, contacts, companies):
    """Distinct (contact, company) pairs: contact c = i % C with company (c + i // C) % M."""
    for i in range(count):
        yield i % contacts, (i % contacts + i // contacts) % companies


def create_all(api, threads, path, bodies, id_member="id"):
    def create(body):
        headers, parsed = api.expect(201, "POST", path, body)
        return parsed[id_member], headers["etag"]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(create, bodies, chunksize=16))


CLAIM_DOMAIN = "Claim"
# The two relationship types upsert-link alternates between; a pair's first upsert types it with the first.
RELATIONSHIPS = ("claimant", "witness")
# The fields of both relationship types: patch-typed-link patches `note`; `reference` is restricted (API.md 6) and
# holds a value on every link patch-typed-link works on, which its PATCHes leave alone.
RELATIONSHIP_FIELDS = [{"name": "note", "type": "text"}, {"name": "reference", "type": "text", "restricted": True}]


def seed_claims(api, threads, claims, claim_links, typed_links, contacts):
    """The Claim domain, its relationship types and records, claim -> contact links made by upserts for upsert-link
    and, after them in the same sequence of pairs, the typed links patch-typed-link patches."""
    domain = {"name": CLAIM_DOMAIN, "label": "Claim", "fields": [{"name": "claimNumber", "type": "text", "required": True}]}
    status, _, parsed = api.call("POST", "/domains", domain)
    if status == 404:
        return [], [], [], "POST /domains answered 404 (custom domains are not in this build)"
    if status != 201:
        raise ApiError(f"POST /domains answered {status}: {parsed}")
    for name in RELATIONSHIPS:
        api.expect(201, "POST", "/relationship-types",
                   {"name": name, "label": name.capitalize(), "fromDomain": CLAIM_DOMAIN, "toDomain": "Contact",
                    "fields": RELATIONSHIP_FIELDS})
    records = create_all(api, threads, f"/records/{CLAIM_DOMAIN}",
                         ({"fields": {"claimNumber": f"CLM-{i:06d}"}} for i in range(claims)))
    all_pairs = [(records[m][0], contacts[c][0]) for m, c in claim_pairs(claim_links + typed_links, claims, len(contacts))]
    pairs, typed_pairs = all_pairs[:claim_links], all_pairs[claim_links:]

    def upsert_all(some):
        return create_all(api, threads, "/links/upsert",
                          ({"parentDomain": CLAIM_DOMAIN, "parentRecordId": parent, "childDomain": "Contact",
                            "childRecordId": child, "newRelationship": RELATIONSHIPS[0]} for parent, child in some),
                          id_member="linkId")

    upsert_all(pairs)
    typed = with_field_values(api, threads, upsert_all(typed_pairs))
    return records, [(parent, child, RELATIONSHIPS[0], "1") for parent, child in pairs], typed, "created"


def with_field_values(api, threads, links):
    """Gives each typed link a display label, a `note` and a value of its restricted field `reference` (one JSON
    Patch with If-Match), so that every measured PATCH replaces values, as pgbench's twin does: (id, etag)."""
    def patch(numbered):
        n, (link_id, etag) = numbered
        headers, parsed = api.expect(200, "PATCH", f"/links/{link_id}",
                                     [{"op": "replace", "path": "/displayLabel", "value": f"Seeded label {n}"},
                                      {"op": "add", "path": "/fieldValues/note", "value": f"Seeded note {n}"},
                                      {"op": "add", "path": "/fieldValues/reference", "value": f"REF-{n:06d}"}],
                                     {"If-Match": etag, "Content-Type": "application/json-patch+json"})
        return parsed["id"], headers["etag"]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(patch, enumerate(links), chunksize=16))


def claim_pairs(count, claims, contacts):
    """Distinct (claim, contact) pairs: claim m = i % C with contact (m + i // C) % N."""
    for i in range(count):
        yield i % claims, (i % claims + i // claims) % contacts


def write(path, rows):
    with open(path, "w") as f:
        for row in rows:
            f.write(" ".join(row) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True, help="Auth:SigningKey of the API")
    parser.add_argument("--tenant", required=True)
    parser.add_argument("--contacts", type=int, required=True)
    parser.add_argument("--companies", type=int, required=True)
    parser.add_argument("--links", type=int, required=True)
    parser.add_argument("--claims", type=int, default=0)
    parser.add_argument("--claim-links", type=int, default=0)
    parser.add_argument("--typed-links", type=int, default=0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    if args.links > args.contacts * args.companies:
        sys.exit("more links than distinct contact-company pairs")
    if args.claim_links + args.typed_links > args.claims * args.contacts:
        sys.exit("more claim links than distinct claim-contact pairs")
    api = Api(args.url, mint_token(args.key, "bench-seeder", args.tenant))
    contacts = create_all(api, args.threads, "/network/contacts", (contact_body(i) for i in range(args.contacts)))
    companies = create_all(api, args.threads, "/network/companies", (company_body(i) for i in range(args.companies)))
    write(f"{args.out}/contacts.txt", contacts)
    write(f"{args.out}/companies.txt", companies)

    links, links_status = [], "created"
    bodies = [{"contactId": contacts[c][0], "companyId": companies[m][0], "jobTitle": "Engineer"}
              for c, m in link_pairs(args.links, len(contacts), len(companies))]
    if bodies:
        # The first link probes the endpoint: until the links slice is merged it answers 404.
        status, headers, parsed = api.call("POST", "/network/links", bodies[0])
        if status == 404:
            links_status = "POST /network/links answered 404 (links are not in this build)"
        elif status == 201:
            links = [(parsed["id"], headers["etag"])] + create_all(api, args.threads, "/network/links", bodies[1:])
        else:
            raise ApiError(f"POST /network/links answered {status}: {parsed}")
    write(f"{args.out}/links.txt", links)

    claims, pairs, typed, claims_status = [], [], [], "none asked for"
    if args.claims:
        claims, pairs, typed, claims_status = seed_claims(api, args.threads, args.claims, args.claim_links,
                                                          args.typed_links, contacts)
    write(f"{args.out}/claims.txt", claims)
    write(f"{args.out}/pairs.txt", pairs)
    write(f"{args.out}/typed-links.txt", typed)
    print(json.dumps({"contacts": len(contacts), "companies": len(companies), "links": len(links), "linksStatus": links_status,
                      "claims": len(claims), "claimLinks": len(pairs), "typedLinks": len(typed), "claimsStatus": claims_status}))


if __name__ == "__main__":
    main()
