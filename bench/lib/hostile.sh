# The hostile row (issue 23): the four worst inputs the security probe found, sent at once, with /health/live's
# latency during them (py/hostile.py), in a tenant of their own; the report's sanity checks want each refused with a
# 4xx and /health/live within 1 s (sourced by run.sh).

hostile_phase() {
  local rounds=$1 line
  log "hostile: issue 23's four worst inputs at once, $rounds rounds, /health/live asked every 10 ms meanwhile"
  line="$(python3 "$BENCH_DIR/py/hostile.py" --url "$API_URL" --key "$SIGNING_KEY" --tenant bench-hostile --rounds "$rounds")" \
    || die "hostile inputs"
  record "$line"
}
