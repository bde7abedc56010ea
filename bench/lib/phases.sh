# The seeded tenant and the scenarios that use it: get-contact, create-contact, patch-link, upsert-link,
# patch-typed-link (sourced by run.sh).

mint_token() {
  python3 -c "import sys; sys.path.insert(0, '$BENCH_DIR/py'); from client import mint_token; print(mint_token('$SIGNING_KEY', 'bench-user', '$1'))"
}

# wrk threads: at most 2 (pgbench runs with -j min(N,2) too); connections share a thread.
wrk_threads() { echo $(( $1 < 2 ? $1 : 2 )); }

fmt_int() { python3 -c "print(f'{int($1):,}'.replace(',', ' '))"; }

# Contacts, companies and links of $TENANT, and claims linked to contacts by upserts, through the API with 8
# requests in flight.
seed_tenant() {
  SEED_DIR="$BENCH_TMP/seed"
  mkdir -p "$SEED_DIR"
  log "seeding $TENANT through the API: $SEED_CONTACTS contacts, $SEED_COMPANIES companies, $SEED_LINKS links, $SEED_CLAIMS claims, $SEED_CLAIM_LINKS claim links, $SEED_TYPED_LINKS typed links"
  local started=$SECONDS summary
  summary="$(python3 "$BENCH_DIR/py/seed.py" --url "$API_URL" --key "$SIGNING_KEY" --tenant "$TENANT" \
    --contacts "$SEED_CONTACTS" --companies "$SEED_COMPANIES" --links "$SEED_LINKS" \
    --claims "$SEED_CLAIMS" --claim-links "$SEED_CLAIM_LINKS" --typed-links "$SEED_TYPED_LINKS" --threads 8 --out "$SEED_DIR")" \
    || die "seeding"
  log "seeded in $((SECONDS - started)) s: $summary"
  LINKS_STATUS="$(printf '%s' "$summary" | python3 -c 'import json, sys; print(json.load(sys.stdin)["linksStatus"])')"
  CLAIMS_STATUS="$(printf '%s' "$summary" | python3 -c 'import json, sys; print(json.load(sys.stdin)["claimsStatus"])')"
  record "{\"type\":\"seed\",\"seconds\":$((SECONDS - started)),\"result\":$summary}"
  TOKEN="$(mint_token "$TENANT")"
  # patch-typed-link's links by number (pgbench has no uuid variables), known from here on: every database snapshot
  # counts their versions, and the type-parity check of upsert-link's links leaves them out (their versions move
  # without a change of type).
  cut -d' ' -f1 "$SEED_DIR/typed-links.txt" >"$BENCH_TMP/typed-link-ids.txt"
  sql "CREATE TABLE bench.typed_link_keys (n serial PRIMARY KEY, id uuid NOT NULL UNIQUE)"
  psql -X -q -v ON_ERROR_STOP=1 -c "\\copy bench.typed_link_keys (id) FROM '$BENCH_TMP/typed-link-ids.txt'" \
    || die "loading bench.typed_link_keys"
  sql "VACUUM ANALYZE"
}

get_contact_phase() {
  log "get-contact"
  local n
  for n in $CLIENTS; do
    measure_api get-contact "200" "$n" "$(wrk_threads "$n")" get-contact.lua BENCH_CONTACTS="$SEED_DIR/contacts.txt" BENCH_INM=0
    measure_api get-contact "304 (If-None-Match)" "$n" "$(wrk_threads "$n")" get-contact.lua BENCH_CONTACTS="$SEED_DIR/contacts.txt" BENCH_INM=1
  done
}

create_contact_phase() {
  log "create-contact: the API, between two halves of pgbench with the SQL it sends (bench/sql/create-contact.pgbench)"
  local n
  for n in $CLIENTS; do
    pgbench_half 1 create-contact "$n" create-contact.pgbench
    measure_api create-contact "POST" "$n" "$(wrk_threads "$n")" create-contact.lua BENCH_NONCE="$(random_hex 4)"
    pgbench_half 2 create-contact "$n" create-contact.pgbench
    twin_at_rate create-contact "$n" create-contact.pgbench
  done
}

# twin_at_rate <scenario> <clients> <script> [-D NAME=VALUE...]: after pgbench's bracket, the twin once more, held to
# the API's rate of this client count (pgbench_at_rate), for the same duration: the targets judge PostgreSQL's CPU per
# request against it (issue 30). At 8 clients and more, the counts the targets read; in the smoke run at its one
# client count too, so that the Test target runs this path (four 1 s runs). Outside the wrk runs' database snapshots,
# as pgbench's halves are: its writes keep the invariants the snapshots check (upsert-link's type parity is checked
# again after the last of them).
twin_at_rate() {
  [ "$2" -ge 8 ] || [ "$MODE" = smoke ] || return 0
  pgbench_at_rate "$1" "$2" "$DURATION" at-rate "${@:3}"
}

# Sum of link versions and count of link.updated actions of $TENANT, as a result line around each wrk run:
# the report checks that each 2xx PATCH (each changing upsert) moved exactly one version and wrote two actions.
# linkUpdatedBySubject splits those actions by the timeline they are on (contact, company, record), and
# typedVersions sums the versions of patch-typed-link's links: each of its 200s moves one of them and writes one
# action on the contact's and one on the record's timeline.
# typeParity counts the claim links whose type does not follow from their version (claimant when odd), the
# invariant upsert-link's pgbench twin relies on (sql/upsert-link.pgbench); patch-typed-link's links are left out.
db_snapshot() {
  local updated
  updated="$(sql "SELECT coalesce(sum(n), 0) || ',\"linkUpdatedBySubject\":' || coalesce(json_object_agg(subject_type, n), '{}')::text
                    FROM (SELECT subject_type, count(*) AS n FROM timeline_actions
                           WHERE tenant_id = '$TENANT' AND kind = 'link.updated' GROUP BY subject_type) AS s")"
  record "{\"type\":\"db\",\"versions\":$(sql "SELECT coalesce(sum(version), 0) FROM links WHERE tenant_id = '$TENANT'"),\"linkUpdated\":$updated,\"typedVersions\":$(sql "SELECT coalesce(sum(l.version), 0) FROM bench.typed_link_keys AS k JOIN links AS l ON l.tenant_id = '$TENANT' AND l.id = k.id"),\"typeParity\":$(sql "SELECT count(*) FROM links WHERE tenant_id = '$TENANT' AND parent_domain = 'Claim' AND deleted_utc IS NULL AND (version % 2 = 1) IS DISTINCT FROM (relationship_type = 'claimant') AND id NOT IN (SELECT id FROM bench.typed_link_keys)")}"
}

patch_link_phase() {
  if [ ! -s "$SEED_DIR/links.txt" ]; then
    local reason="${LINKS_STATUS:-no links were seeded}"
    local scenario
    for scenario in patch-link $([ "$FLOOR" = 1 ] && echo patch-link-floor patch-link-floor-ef) \
                    $([ "$POOLING" = 1 ] && echo patch-link-unprepared patch-link-pgbouncer); do
      log "$scenario: SKIPPED: $reason"
      record "{\"type\":\"skipped\",\"scenario\":\"$scenario\",\"reason\":\"$reason\"}"
    done
    return 0
  fi
  log "patch-link: the API$([ "$FLOOR" = 1 ] && echo ", the two floor apps")$([ "$POOLING" = 1 ] && echo ", the API unprepared and through PgBouncer"), between two halves of pgbench with the SQL it sends (bench/sql/patch-link.pgbench)"
  link_keys_table
  local nlinks n
  nlinks="$(wc -l <"$BENCH_TMP/link-ids.txt")"
  floors_start
  pooling_start
  for n in $CLIENTS; do
    pgbench_half 1 patch-link "$n" patch-link.pgbench -D nlinks="$nlinks"
    if [ "$WARMUP" != 0 ]; then patch_wrk patch-link "$n" "$WARMUP" warmup; fi
    patch_wrk patch-link "$n" "$DURATION" measure
    floors_measure "$n"
    pooling_measure "$n"
    pgbench_half 2 patch-link "$n" patch-link.pgbench -D nlinks="$nlinks"
    twin_at_rate patch-link "$n" patch-link.pgbench -D nlinks="$nlinks"
  done
  floor_stop
  pooling_stop
}

# wrk exits with a request in flight on each connection, which the API may still carry out after it has gone; a run
# that read its ETags before those commits would start with stale ones and answer 412s. So wait until the tenant's
# link versions stop moving (two equal reads 0.1 s apart, at most 5 s) before reading them.
settle_versions() {
  local last="" now
  for _ in $(seq 1 50); do
    now="$(sql "SELECT coalesce(sum(version), 0) FROM links WHERE tenant_id = '$TENANT'")"
    [ "$now" = "$last" ] && return 0
    last="$now"
    sleep 0.1
  done
}

# patch_wrk <scenario> <clients> <seconds> <phase>: one wrk run of PATCHes, each with its link's current ETag
# (pgbench and earlier runs moved the versions), between two snapshots for the sanity checks.
patch_wrk() {
  local scenario=$1 clients=$2 seconds=$3 phase=$4
  settle_versions
  sql "SELECT k.id || ' \"' || l.version || '\"' FROM bench.link_keys k JOIN links l ON l.tenant_id = '$TENANT' AND l.id = k.id ORDER BY k.n" \
    >"$BENCH_TMP/links-current.txt"
  db_snapshot
  run_wrk "$scenario" "If-Match" "$clients" "$(wrk_threads "$clients")" "$seconds" "$phase" \
    patch-link.lua BENCH_LINKS="$BENCH_TMP/links-current.txt" BENCH_NONCE="$(random_hex 4)"
  db_snapshot
}

# upsert-link: the update path of POST /links/upsert (wrk/upsert-link.lua), between two halves of pgbench with the
# SQL it sends (sql/upsert-link.pgbench), on the claim -> contact pairs the seed linked.
upsert_link_phase() {
  if [ ! -s "$SEED_DIR/pairs.txt" ]; then
    local reason="${CLAIMS_STATUS:-no claim links were seeded}"
    log "upsert-link: SKIPPED: $reason"
    record "{\"type\":\"skipped\",\"scenario\":\"upsert-link\",\"reason\":\"$reason\"}"
    return 0
  fi
  log "upsert-link: the API, between two halves of pgbench with the SQL it sends (bench/sql/upsert-link.pgbench)"
  upsert_pairs_table
  local npairs n
  npairs="$(wc -l <"$BENCH_TMP/pair-ids.txt")"
  # What the API binds as parameters; the relationship types' names are the seed's (py/seed.py, RELATIONSHIPS).
  local twin=(upsert-link.pgbench -D npairs="$npairs" -D domain=Claim -D domain_key=claim
              -D first_type=claimant -D second_type=witness)
  for n in $CLIENTS; do
    pgbench_half 1 upsert-link "$n" "${twin[@]}"
    if [ "$WARMUP" != 0 ]; then upsert_wrk "$n" "$WARMUP" warmup; fi
    upsert_wrk "$n" "$DURATION" measure
    pgbench_half 2 upsert-link "$n" "${twin[@]}"
    twin_at_rate upsert-link "$n" "${twin[@]}"
  done
  db_snapshot  # after the last pgbench half: the type-parity invariant still held for it
}

# upsert_wrk <clients> <seconds> <phase>: one wrk run of upserts, starting from the pairs' current relationship
# and version, between two snapshots for the sanity checks.
upsert_wrk() {
  local clients=$1 seconds=$2 phase=$3
  sql "SELECT p.parent_id || ' ' || p.child_id || ' ' || l.relationship_type || ' ' || l.version
         FROM bench.upsert_pairs AS p
         JOIN links AS l ON l.tenant_id = '$TENANT' AND l.parent_id = p.parent_id AND l.child_id = p.child_id AND l.deleted_utc IS NULL
        ORDER BY p.n" >"$BENCH_TMP/pairs-current.txt"
  db_snapshot
  run_wrk upsert-link "newRelationship" "$clients" "$(wrk_threads "$clients")" "$seconds" "$phase" \
    upsert-link.lua BENCH_PAIRS="$BENCH_TMP/pairs-current.txt"
  db_snapshot
}

# patch-typed-link: PATCH /links/{id} on a typed link, a JSON Patch of its label and its field `note` with If-Match
# (wrk/patch-typed-link.lua), between two halves of pgbench with the SQL it sends (sql/patch-typed-link.pgbench), on
# the typed links the seed made (bench.typed_link_keys, loaded by seed_tenant).
patch_typed_link_phase() {
  if [ ! -s "$SEED_DIR/typed-links.txt" ]; then
    local reason="no typed links were seeded"
    [ "${CLAIMS_STATUS:-created}" = created ] || reason="$CLAIMS_STATUS"
    log "patch-typed-link: SKIPPED: $reason"
    record "{\"type\":\"skipped\",\"scenario\":\"patch-typed-link\",\"reason\":\"$reason\"}"
    return 0
  fi
  log "patch-typed-link: the API, between two halves of pgbench with the SQL it sends (bench/sql/patch-typed-link.pgbench)"
  local nlinks n
  nlinks="$(sql "SELECT count(*) FROM bench.typed_link_keys")"
  for n in $CLIENTS; do
    pgbench_half 1 patch-typed-link "$n" patch-typed-link.pgbench -D nlinks="$nlinks"
    if [ "$WARMUP" != 0 ]; then typed_wrk "$n" "$WARMUP" warmup; fi
    typed_wrk "$n" "$DURATION" measure
    pgbench_half 2 patch-typed-link "$n" patch-typed-link.pgbench -D nlinks="$nlinks"
    twin_at_rate patch-typed-link "$n" patch-typed-link.pgbench -D nlinks="$nlinks"
  done
}

# typed_wrk <clients> <seconds> <phase>: one wrk run of typed-link PATCHes, each with its link's current ETag
# (pgbench and earlier runs moved the versions), between two snapshots for the sanity checks.
typed_wrk() {
  local clients=$1 seconds=$2 phase=$3
  settle_versions
  sql "SELECT k.id || ' \"' || l.version || '\"' FROM bench.typed_link_keys AS k JOIN links AS l ON l.tenant_id = '$TENANT' AND l.id = k.id ORDER BY k.n" \
    >"$BENCH_TMP/typed-links-current.txt"
  db_snapshot
  run_wrk patch-typed-link "JSON Patch, If-Match" "$clients" "$(wrk_threads "$clients")" "$seconds" "$phase" \
    patch-typed-link.lua BENCH_TYPED_LINKS="$BENCH_TMP/typed-links-current.txt" BENCH_NONCE="$(random_hex 4)"
  db_snapshot
}

# pgbench picks links by number: bench.link_keys maps 1..N to the seeded ids (a primary-key lookup).
link_keys_table() {
  cut -d' ' -f1 "$SEED_DIR/links.txt" >"$BENCH_TMP/link-ids.txt"
  sql "CREATE TABLE bench.link_keys (n serial PRIMARY KEY, id uuid NOT NULL)"
  psql -X -q -v ON_ERROR_STOP=1 -c "\\copy bench.link_keys (id) FROM '$BENCH_TMP/link-ids.txt'" || die "loading bench.link_keys"
  sql "ANALYZE bench.link_keys"
}

# pgbench picks pairs by number: bench.upsert_pairs maps 1..N to the seeded ids, in the seed's order.
upsert_pairs_table() {
  cut -d' ' -f1,2 "$SEED_DIR/pairs.txt" >"$BENCH_TMP/pair-ids.txt"
  sql "CREATE TABLE bench.upsert_pairs (n serial PRIMARY KEY, parent_id uuid NOT NULL, child_id uuid NOT NULL)"
  psql -X -q -v ON_ERROR_STOP=1 -c "\\copy bench.upsert_pairs (parent_id, child_id) FROM '$BENCH_TMP/pair-ids.txt' WITH (DELIMITER ' ')" \
    || die "loading bench.upsert_pairs"
  sql "ANALYZE bench.upsert_pairs"
}

# For bench/profile.sh and bench/ab.sh, which load one scenario into the API under study (run.sh's phases do more:
# pgbench, floors, several client counts). scenario_tables <scenario> makes the tables its runs read;
# scenario_run <scenario> <clients> <seconds> is one measured wrk run of it against $API_URL.
# events-page (bench/ab.sh only; not in SCENARIOS_ONE, the write scenarios bench/allocations.sh loops over) reads the feed
# of its own tenant, grown to EVENTS_SIZE events (events_fill; a later call grows it further), by random full pages.
SCENARIOS_ONE="patch-link create-contact upsert-link patch-typed-link"
scenario_tables() {
  case "$1" in
    patch-link) link_keys_table ;;
    upsert-link) upsert_pairs_table ;;
    events-page)
      TENANT="$EVENTS_TENANT" TOKEN="$(mint_token "$EVENTS_TENANT")"
      events_fill "$EVENTS_SIZE"
      events_cursors "$EVENTS_SIZE" "$BENCH_TMP/events-cursors.txt" ;;
  esac
}
scenario_run() {
  local scenario=$1 clients=$2 seconds=$3
  case "$scenario" in
    patch-link) patch_wrk patch-link "$clients" "$seconds" measure ;;
    create-contact)
      run_wrk create-contact POST "$clients" "$(wrk_threads "$clients")" "$seconds" measure create-contact.lua BENCH_NONCE="$(random_hex 4)" ;;
    upsert-link) upsert_wrk "$clients" "$seconds" measure ;;
    patch-typed-link) typed_wrk "$clients" "$seconds" measure ;;
    events-page)
      run_wrk events-page "$(fmt_int "$EVENTS_SIZE") events" "$clients" "$(wrk_threads "$clients")" "$seconds" measure events-page.lua \
        BENCH_CURSORS="$BENCH_TMP/events-cursors.txt" ;;
    *) die "unknown scenario $scenario (one of: $SCENARIOS_ONE events-page)" ;;
  esac
}
