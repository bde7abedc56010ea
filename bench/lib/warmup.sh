# A warm-up of the whole API before the first measurement, in a throwaway tenant (sourced by run.sh).
#
# The API's hot paths run in tier-0 JIT code at first; the runtime re-compiles them with profile-guided
# optimization only after many calls, and on 2 busy cores that takes minutes of load: measured back to back
# right after start-up, patch-link's API CPU per request fell from 5.3 ms to 1.1 ms over 90 s (bench/README.md).
# A 5 s warm-up per measurement cannot hide that, so every request kind runs here first, for WARMUP_API
# seconds in all, in the tenant bench-warmup, whose rows are deleted afterwards: the timeline phase that
# follows needs timeline_actions to hold exactly the sizes it names.

warmup_phase() {
  [ "${WARMUP_API:-0}" -gt 0 ] || return 0
  local dir="$BENCH_TMP/warmup" each=$((WARMUP_API / 6)) out="$BENCH_TMP/warmup/wrk.out"
  mkdir -p "$dir"
  log "warm-up: every request kind for ${WARMUP_API} s in the tenant bench-warmup (not measured)"
  python3 "$BENCH_DIR/py/seed.py" --url "$API_URL" --key "$SIGNING_KEY" --tenant bench-warmup \
    --contacts 200 --companies 20 --links 400 --claims 40 --claim-links 400 --typed-links 400 --threads 8 --out "$dir" >/dev/null \
    || die "seeding bench-warmup"
  local token contact
  token="$(mint_token bench-warmup)"
  contact="$(head -n 1 "$dir/contacts.txt" | cut -d' ' -f1)"
  warmup_wrk() {
    local script=$1; shift
    env BENCH_SCENARIO=warmup BENCH_VARIANT=warmup BENCH_CLIENTS=8 BENCH_THREADS=2 BENCH_PHASE=warmup \
      BENCH_RESULTS=/dev/null BENCH_TOKEN="$token" BENCH_LUA_DIR="$BENCH_DIR/wrk" "$@" \
      wrk -t 2 -c 8 -d "${each}s" --timeout 10s -s "$BENCH_DIR/wrk/$script" "$API_URL" >"$out" 2>&1 \
      || { cat "$out" >&2; die "warm-up with $script"; }
  }
  warmup_wrk patch-link.lua BENCH_LINKS="$dir/links.txt" BENCH_NONCE="$(random_hex 4)"
  warmup_wrk create-contact.lua BENCH_NONCE="$(random_hex 4)"
  warmup_wrk get-contact.lua BENCH_CONTACTS="$dir/contacts.txt" BENCH_INM=0
  warmup_wrk timeline-page.lua BENCH_PATH="/api/v1/network/contacts/$contact/actions?limit=50"
  # The seed's pairs file holds each pair's state after the seed; without custom domains it is empty.
  if [ -s "$dir/pairs.txt" ]; then warmup_wrk upsert-link.lua BENCH_PAIRS="$dir/pairs.txt"; fi
  if [ -s "$dir/typed-links.txt" ]; then
    warmup_wrk patch-typed-link.lua BENCH_TYPED_LINKS="$dir/typed-links.txt" BENCH_NONCE="$(random_hex 4)"
  fi
  local table
  for table in timeline_actions notes links records relationship_types domains files contacts companies idempotency_keys; do
    sql "DELETE FROM $table WHERE tenant_id = 'bench-warmup'" >/dev/null
  done
  sql "VACUUM ANALYZE"
}
