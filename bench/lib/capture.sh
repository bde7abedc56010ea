# --capture-sql: the SQL the API sends for each scenario's request, from EF Core's command log (sourced by run.sh).
capture_sql() {
  local out=$1 dir="$BENCH_TMP/capture" from
  mkdir -p "$dir" "$(dirname "$out")"
  python3 "$BENCH_DIR/py/seed.py" --url "$API_URL" --key "$SIGNING_KEY" --tenant "$TENANT" \
    --contacts "$SEED_CONTACTS" --companies "$SEED_COMPANIES" --links "$SEED_LINKS" \
    --claims "$SEED_CLAIMS" --claim-links "$SEED_CLAIM_LINKS" --typed-links "$SEED_TYPED_LINKS" --threads 1 --out "$dir" >/dev/null \
    || die "seeding"
  TOKEN="$(mint_token "$TENANT")"
  from="$(wc -l <"$BENCH_TMP/api.log")"
  sql "CREATE EXTENSION pg_stat_statements" && sql "SELECT pg_stat_statements_reset()" >/dev/null
  python3 "$BENCH_DIR/py/capture.py" send --url "$API_URL" --token "$TOKEN" \
    --contacts "$dir/contacts.txt" --links "$dir/links.txt" --claims "$dir/claims.txt" --pairs "$dir/pairs.txt" \
    --typed-links "$dir/typed-links.txt" >"$dir/requests.json" || die "capture requests"
  # What the server executed for those requests, including what Npgsql adds (BEGIN, COMMIT, pool resets).
  sql "SELECT calls || ' | \`' || regexp_replace(query, '\s+', ' ', 'g') || '\`' FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'linkage') AND query NOT LIKE '%pg_stat_statements%'
       ORDER BY calls DESC, query" >"$dir/statements.txt"
  api_stop
  tail -n +"$((from + 1))" "$BENCH_TMP/api.log" >"$dir/sql.log"
  python3 "$BENCH_DIR/py/capture.py" report --log "$dir/sql.log" --requests "$dir/requests.json" --out "$out"
  {
    printf '\n## Statements the server executed for these requests (pg_stat_statements)\n\n'
    printf '| calls | statement |\n|--:|---|\n'
    sed 's/^/| /; s/$/ |/' "$dir/statements.txt"
  } >>"$out"
  log "SQL per request written to $out"
}
