#!/usr/bin/env bash
# Deployment smoke test: builds the real Dockerfile and runs what a platform team would run, on this
# machine, with podman and no image registry. `dotnet cake --target=Test` runs it (build/deploy.cake) and
# counts every check below as a test; run it alone with `bash deploy/smoke.sh` (as root, about 2 minutes
# once the stand-in images exist, 4 on a fresh machine).
#
#  - builds the stand-in base images and the PgBouncer image (deploy/standins/build.sh, never pulls; kept afterwards
#    as a cache)
#  - builds the Dockerfile with --pull=never, checks the image (non-root, 8080, HEALTHCHECK, no SDK, no tests)
#  - PostgreSQL, PgBouncer (transaction pooling), Redis and two API containers on a private network, the replicas
#    published on 127.0.0.1 only and reaching PostgreSQL through PgBouncer; the migrate step, directly
#  - /health/ready on both replicas, a contact written through one and read through the other, its event arriving on
#    a stream held open on the other, 32 concurrent PATCHes with one ETag split across both (exactly one 200,
#    31 x 412), all through PgBouncer
#  - webhooks across replicas (deploy/smoke-webhooks.sh): a verifying receiver on the network, 200 changes while api1 is
#    killed and restarted: 200 distinct webhook-ids, each verified, duplicates only from the crash window
#  - the rate limit shared in Redis: alternating requests across both replicas meet 429 at the limit, not twice it;
#    Redis stopped: both keep answering on their own counts, log a warning, no 5xx
#  - SIGTERM: a clean exit 0; deploy/compose.yaml brought up with podman-compose behind its proxy: three replicas serve,
#    and under load hold at most PgBouncer's default_pool_size server connections in PostgreSQL
#  - removes every container, network, volume and image it made (not the stand-ins: see above)
#
# Settings (environment): LINKAGE_SMOKE_LOGS (default TestResults/deploy-smoke) keeps the containers' logs;
# LINKAGE_SMOKE_NUGET (default: the host's NuGet packages folder, mounted read-only into the build so the
# restore needs no download; set it empty to restore from the network as any other machine would).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=deploy/smoke-lib.sh
source "$here/smoke-lib.sh"
# shellcheck source=deploy/smoke-webhooks.sh
source "$here/smoke-webhooks.sh"

run_id="$(date +%s)-$$"
prefix="linkage-smoke-$run_id"
network="$prefix"
image="localhost/linkage-api:smoke-$run_id"
label="org.linkage.smoke=$run_id"
logs="${LINKAGE_SMOKE_LOGS:-$root/TestResults/deploy-smoke}"
signing_key="$(openssl rand -hex 32)"
db_password="$(openssl rand -hex 16)"
# The migrate step reaches PostgreSQL directly; the replicas through PgBouncer in transaction mode (ADR 0022).
direct_connection="Host=db;Port=5432;Database=linkage;Username=postgres;Password=$db_password;Gss Encryption Mode=Disable"
pooled_connection="Host=pgbouncer;Port=6432;Database=linkage;Username=postgres;Password=$db_password;Gss Encryption Mode=Disable;Maximum Pool Size=30"
# The replicas' rate limit (per actor a minute) in the shared-limit check; the other checks stay well below it.
rate_limit=50
# PgBouncer's server connections in the compose system's load check: few, so the load needs more than that.
compose_pool_size=5
SMOKE_TOKEN="$(mint_jwt "$signing_key" smoke-user smoke-tenant)"
started=$SECONDS
mkdir -p "$logs"
rm -f "$logs"/{build,migrate,podman,compose,proxy,db,pgbouncer,redis,api1,api2,receiver,receiver-build}.log

# podman prints systemd and syslog complaints on a host without systemd (healthchecks are then run on
# demand with `podman healthcheck run`): keep them out of the report, in the log folder.
quiet() { "$@" 2>>"$logs/podman.log"; }

save_logs() {
  local name
  for name in db pgbouncer redis api1 api2 receiver; do
    podman container exists "$prefix-$name" && podman logs "$prefix-$name" >"$logs/$name.log" 2>&1 || true
  done
}

remove_stack() {
  podman rm --force --ignore --volumes --time 0 "$prefix-db" "$prefix-pgbouncer" "$prefix-redis" "$prefix-api1" "$prefix-api2" \
    "$prefix-receiver" "$prefix-migrate" >/dev/null 2>&1 || true
  podman network rm "$network" >/dev/null 2>&1 || true
}

cleanup() {
  save_logs
  compose_down >/dev/null 2>&1 || true
  remove_stack
  podman rmi --force "$image" >/dev/null 2>&1 || true
}

# A failed step that makes the rest meaningless: the checks not run count as failed (see the plan).
abort() {
  note "aborting: $1 (logs in $logs)"
  cleanup
  note "deploy smoke: $SMOKE_PASSED checks passed, $SMOKE_FAILED failed, $((SMOKE_TOTAL - SMOKE_NUMBER)) not run"
  exit 1
}

trap 'cleanup' EXIT
trap 'exit 130' INT TERM

SMOKE_TOTAL=27
plan "$SMOKE_TOTAL"

build_images() {
  local output code=0
  output="$(bash "$here/standins/build.sh" 2>&1)" || code=$?
  printf '%s\n' "$output" | sed 's/^/# /'
  verdict "stand-in base images (aspnet, sdk, postgres:15, haproxy:2.6, redis:7.0) and the PgBouncer image built from Debian packages, nothing pulled" "$code" "deploy/standins/build.sh failed"
  [ "$code" -eq 0 ] || abort "no base images"
  dangling_before="$(podman images -q --filter dangling=true)"

  local -a build=(podman build --pull=never --format docker --layers=false -f "$root/Dockerfile" -t "$image"
    -v /etc/ssl/certs:/etc/ssl/certs:ro)
  local nuget="${LINKAGE_SMOKE_NUGET-$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: //p')}"
  if [ -n "$nuget" ] && [ -d "$nuget" ]; then build+=(-v "$nuget:/root/.nuget/packages:ro"); fi
  code=0
  "${build[@]}" "$root" >"$logs/build.log" 2>&1 || code=$?
  verdict "the Dockerfile builds with --pull=never ($image)" "$code" "podman build failed, see $logs/build.log"
  [ "$code" -eq 0 ] || { tail -n 30 "$logs/build.log" | sed 's/^/# /'; abort "no image"; }
}

check_image() {
  local config user ports health env
  config="$(podman image inspect "$image")"
  user="$(jq -r '.[0].Config.User // ""' <<<"$config")"
  ports="$(jq -r '.[0].Config.ExposedPorts // {} | keys | join(",")' <<<"$config")"
  health="$(jq -r '(.[0].Healthcheck // .[0].Config.Healthcheck).Test // [] | join(" ")' <<<"$config")"
  env="$(jq -r '.[0].Config.Env // [] | join(" ")' <<<"$config")"
  local rc=0
  [[ -n "$user" && "$user" != 0 && "$user" != root && "$ports" == 8080/tcp && "$health" == *healthcheck* && "$env" == *ASPNETCORE_HTTP_PORTS=8080* ]] || rc=1
  verdict "image config: user $user, exposes $ports, ASPNETCORE_HTTP_PORTS=8080, HEALTHCHECK '$health'" $rc \
    "user '$user', ports '$ports', healthcheck '$health'"

  local listing code=0
  listing="$(podman run --rm --entrypoint /bin/sh "$image" -c \
    'ls /usr/share/dotnet; dotnet --list-sdks; find / -xdev \( -iname "*Tests.dll" -o -iname "nunit*.dll" -o -iname "*.csproj" \) 2>/dev/null || true' 2>>"$logs/podman.log")" || code=$?
  local size
  size="$(podman image inspect --format '{{.Size}}' "$image" | awk '{ printf "%d MB", $1 / 1000000 }')"
  rc=0
  [[ "$code" -eq 0 && "$listing" != *sdk* && "$listing" != *Tests.dll* && "$listing" != *.csproj* && "$listing" != *nunit* ]] || rc=1
  verdict "the final image ($size) holds the ASP.NET runtime only: no SDK, no tests, no sources" $rc "found: $(echo "$listing" | tr '\n' ' ')"
}

start_stack() {
  quiet podman network create --label "$label" "$network" >/dev/null
  quiet podman run -d --name "$prefix-db" --network-alias db --label "$label" --network "$network" \
    -e POSTGRES_PASSWORD="$db_password" -e POSTGRES_DB=linkage docker.io/library/postgres:15 >/dev/null
  local deadline=$((SECONDS + 60)) code=1
  while [ "$SECONDS" -lt "$deadline" ]; do
    if quiet podman exec "$prefix-db" pg_isready --host localhost --dbname linkage --username postgres >/dev/null; then code=0; break; fi
    sleep 0.5
  done
  verdict "PostgreSQL 15 container accepts connections" "$code" "not ready within 60 s"
  [ "$code" -eq 0 ] || abort "no database"

  # PgBouncer with the compose system's configuration (deploy/pgbouncer/pgbouncer.ini) and Redis, by the names
  # the replicas use.
  quiet podman run -d --name "$prefix-pgbouncer" --network-alias pgbouncer --label "$label" --network "$network" \
    -e PGBOUNCER_PASSWORD="$db_password" -v "$here/pgbouncer/pgbouncer.ini:/etc/pgbouncer/pgbouncer.ini:ro" \
    localhost/linkage-pgbouncer:1.18 >/dev/null
  quiet podman run -d --name "$prefix-redis" --network-alias redis --label "$label" --network "$network" \
    docker.io/library/redis:7.0 redis-server --protected-mode no --save "" --appendonly no >/dev/null
  deadline=$((SECONDS + 30)) code=1
  while [ "$SECONDS" -lt "$deadline" ]; do
    if quiet podman exec -e PGPASSWORD="$db_password" "$prefix-db" psql -h pgbouncer -p 6432 -U postgres -d linkage -Atc "SELECT 1" >/dev/null \
       && [ "$(quiet podman exec "$prefix-redis" redis-cli ping)" = PONG ]; then code=0; break; fi
    sleep 0.5
  done
  verdict "PgBouncer (pool_mode transaction) reaches PostgreSQL and Redis answers PING" "$code" "not both within 30 s"

  # The replicas start before the migration on purpose: outside Development they never migrate by themselves.
  local name
  for name in api1 api2; do
    quiet podman run -d --name "$prefix-$name" --label "$label" --network "$network" -p 127.0.0.1::8080 \
      -e ConnectionStrings__Linkage="$pooled_connection" -e Database__TransactionPooling=true \
      -e ConnectionStrings__Redis=redis:6379 -e RateLimits__PerActorPerMinute="$rate_limit" \
      -e Auth__SigningKey="$signing_key" "${webhook_replica_env[@]}" "$image" >/dev/null
  done
  api1="http://127.0.0.1:$(host_port "$prefix-api1")"
  api2="http://127.0.0.1:$(host_port "$prefix-api2")"
  note "replicas on $api1 and $api2"
  local live=0 ready=0
  wait_for_status "$api1/health/live" 200 60 && wait_for_status "$api2/health/live" 200 60 || live=1
  http GET "$api1/health/ready"; local r1="$HTTP_STATUS"
  http GET "$api2/health/ready"; local r2="$HTTP_STATUS"
  [[ "$live" -eq 0 && "$r1" == 503 && "$r2" == 503 ]] || ready=1
  verdict "before the migrate step both replicas are live (200) but not ready (503): they never migrate by themselves" "$ready" \
    "live ok=$((1 - live)), ready $r1 / $r2"
}

migrate() {
  local code=0 run
  for run in first second; do
    code=0
    podman run --rm --name "$prefix-migrate" --label "$label" --network "$network" \
      -e ConnectionStrings__Linkage="$direct_connection" "$image" migrate >>"$logs/migrate.log" 2>&1 || code=$?
    verdict "migrate command ($run run) exits 0" "$code" "exit $code, see $logs/migrate.log"
  done
}

check_ready() {
  local name url rc
  for name in api1 api2; do
    url="$api1"; [ "$name" = api2 ] && url="$api2"
    rc=0; wait_for_status "$url/health/ready" 200 30 || rc=1
    verdict "$name answers /health/ready 200 after the migration" $rc "status $HTTP_STATUS"
  done
  rc=0; podman healthcheck run "$prefix-api1" >/dev/null 2>>"$logs/podman.log" || rc=1
  verdict "the image's HEALTHCHECK passes on a running replica" $rc "podman healthcheck run failed"

  # The real uid of the container's PID 1 (dotnet), read from /proc, as the kernel sees it.
  local uids=""
  for name in api1 api2; do
    uids+="$(podman exec "$prefix-$name" cat /proc/1/status 2>>"$logs/podman.log" | awk '/^Uid:/ { print $2 }') "
  done
  rc=0; [[ "$uids" =~ ^[1-9][0-9]*\ [1-9][0-9]*\ $ ]] || rc=1
  verdict "the API process runs as a non-root user in both replicas (uid ${uids% })" $rc "uids: '$uids'"
}

cross_replica() {
  api POST "$api1/api/v1/network/contacts" '{"firstName":"Ada","lastName":"Lovelace"}'
  local created="$HTTP_STATUS" id etag
  id="$(field .id)"
  etag="$(header ETag)"
  api GET "$api2/api/v1/network/contacts/$id"
  local rc=0
  [[ "$created" == 201 && "$HTTP_STATUS" == 200 && "$(field .fullName)" == "Ada Lovelace" && "$(header ETag)" == "$etag" ]] || rc=1
  verdict "a contact created through api1 (201) reads back through api2 (200, same ETag $etag)" $rc \
    "create $created, read $HTTP_STATUS $(field .fullName) $(header ETag)"
  contact_id="$id"
}

# API.md 7.2 across replicas: a stream held open on api2 receives the event of a contact created through api1. The
# replicas share nothing but PostgreSQL (through PgBouncer): api2's poller reads the head api1's commit moved (ADR 0029).
event_across_replicas() {
  local scratch head id reader started arrived="" elapsed=""
  scratch="$(mktemp -d)"
  api GET "$api2/api/v1/events?after=now"
  head="$(field .nextCursor)"
  curl -sN --no-progress-meter -m 20 -H "Authorization: Bearer $SMOKE_TOKEN" -H "Accept: text/event-stream" \
    -D "$scratch/headers" "$api2/api/v1/events/stream?types=contact.*&after=$head" >"$scratch/stream" 2>>"$logs/podman.log" &
  reader=$!
  local deadline=$((SECONDS + 10))
  until grep -qi '^content-type: text/event-stream' "$scratch/headers" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; do sleep 0.1; done
  started="$(date +%s%N)"
  api POST "$api1/api/v1/network/contacts" '{"firstName":"Charles","lastName":"Babbage"}'
  id="$(field .id)"
  deadline=$((SECONDS + 10))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if [ -n "$id" ] && grep -q "\"id\":\"$id\"" "$scratch/stream"; then arrived=1; elapsed=$(( ($(date +%s%N) - started) / 1000000 )); break; fi
    sleep 0.05
  done
  kill "$reader" 2>/dev/null || true
  wait "$reader" 2>/dev/null || true  # curl ends by this kill (143), which set -e must not take for a failure
  local frame rc=0
  frame="$(grep -m1 '^event: ' "$scratch/stream" || true)"
  [[ -n "$arrived" && "$frame" == "event: contact.created" ]] || rc=1
  verdict "an event written through api1 (contact.created) arrived on a stream held open on api2, $elapsed ms after the POST was sent (API.md 7.2: within 2 s)" $rc \
    "id '$id', frame '$frame', stream: $(head -c 600 "$scratch/stream" | tr '\n' ' ')"
  rm -rf "$scratch"
}

patch_race() {
  api POST "$api2/api/v1/network/companies" '{"name":"Analytical Engines"}'
  local company_id
  company_id="$(field .id)"
  api POST "$api1/api/v1/network/links" "{\"contactId\":\"$contact_id\",\"companyId\":\"$company_id\",\"jobTitle\":\"Analyst\"}"
  local link_id etag version
  link_id="$(field .id)"; etag="$(header ETag)"; version="$(field .version)"
  [ -n "$link_id" ] && [ "$link_id" != null ] || { fail "32 concurrent PATCHes" "the link was not created ($HTTP_STATUS)"; fail "link state after the race" "no link"; return; }

  # One curl per replica, each sending 16 PATCHes at once with the same If-Match, both started together.
  local scratch name url
  scratch="$(mktemp -d)"
  for name in api1 api2; do
    url="$api1"; [ "$name" = api2 ] && url="$api2"
    local -a urls=()
    for _ in $(seq 1 16); do urls+=(-o /dev/null "$url/api/v1/network/links/$link_id"); done
    curl -s --no-progress-meter -m 30 -Z --parallel-immediate --parallel-max 16 -X PATCH -w '%{http_code}\n' \
      -H "Authorization: Bearer $SMOKE_TOKEN" -H "Content-Type: application/json" -H "If-Match: $etag" \
      --data "{\"jobTitle\":\"via $name\"}" "${urls[@]}" >"$scratch/$name" &
  done
  wait
  local ok412 ok200 total
  ok200="$(cat "$scratch"/api1 "$scratch"/api2 | grep -c '^200$' || true)"
  ok412="$(cat "$scratch"/api1 "$scratch"/api2 | grep -c '^412$' || true)"
  total="$(cat "$scratch"/api1 "$scratch"/api2 | grep -c . || true)"
  note "PATCH answers: api1 $(sort "$scratch/api1" | uniq -c | tr -s ' ' | tr '\n' ';') api2 $(sort "$scratch/api2" | uniq -c | tr -s ' ' | tr '\n' ';')"
  rm -rf "$scratch"
  local rc=0
  [[ "$total" == 32 && "$ok200" == 1 && "$ok412" == 31 ]] || rc=1
  verdict "32 concurrent PATCHes of one link with If-Match $etag, split across both replicas, through PgBouncer: $ok200 x 200, $ok412 x 412" $rc \
    "expected exactly one 200 and 31 x 412 out of 32"

  api GET "$api2/api/v1/network/links/$link_id"
  rc=0
  [[ "$(field .version)" == "$((version + 1))" && "$(field .jobTitle)" == via\ api* ]] || rc=1
  verdict "after the race the link moved by exactly one version ($version -> $(field .version), jobTitle '$(field .jobTitle)')" $rc \
    "read $HTTP_STATUS: $HTTP_BODY"
}

# API.md 9 across replicas: one actor's requests alternate between api1 and api2; with the count shared in Redis the
# first 429 comes right after the limit (within 10 %), not after twice it.
shared_limit() {
  local token i url answers="" first429=0 retry_after="" policy="" allowed other
  token="$(mint_jwt "$signing_key" smoke-limit smoke-tenant)"
  for i in $(seq 1 $((2 * rate_limit + 2))); do
    url="$api1"; [ $((i % 2)) -eq 0 ] && url="$api2"
    http GET "$url/api/v1/network/contacts" -H "Authorization: Bearer $token"
    answers+="$HTTP_STATUS "
    [ "$i" -eq 1 ] && policy="$(header RateLimit-Policy)"
    if [ "$HTTP_STATUS" = 429 ] && [ "$first429" -eq 0 ]; then first429=$i; retry_after="$(header Retry-After)"; fi
  done
  allowed="$(tr ' ' '\n' <<<"$answers" | grep -c '^200$' || true)"
  other="$(tr ' ' '\n' <<<"$answers" | grep -v -c -E '^(200|429|)$' || true)"
  local rc=0
  [[ "$policy" == "$rate_limit;w=60" && "$other" -eq 0 && "$first429" -eq $((allowed + 1)) && "$retry_after" =~ ^[1-9][0-9]*$ \
     && $((allowed * 10)) -ge $((rate_limit * 9)) && $((allowed * 10)) -le $((rate_limit * 11)) ]] || rc=1
  verdict "rate limit shared in Redis: $((2 * rate_limit + 2)) requests of one actor alternating across api1 and api2 (limit $rate_limit, $policy): $allowed x 200, the first 429 at request $first429 (Retry-After $retry_after)" $rc \
    "answers: $answers"
}

# Redis goes away: each replica counts alone, logs one warning, and answers no 5xx (API.md 9).
redis_down() {
  quiet podman stop --time 2 "$prefix-redis" >/dev/null || true
  local token i url answers="" bad warned=0
  token="$(mint_jwt "$signing_key" smoke-outage smoke-tenant)"
  for i in $(seq 1 10); do
    url="$api1"; [ $((i % 2)) -eq 0 ] && url="$api2"
    http GET "$url/api/v1/network/contacts" -H "Authorization: Bearer $token"
    answers+="$HTTP_STATUS "
  done
  bad="$(tr ' ' '\n' <<<"$answers" | grep -v -c -E '^(200|)$' || true)"
  # grep -c reads the whole log: grep -q would stop early and fail the pipeline (pipefail) on podman's SIGPIPE.
  if [ "$(podman logs "$prefix-api1" 2>&1 | grep -c 'Redis does not answer' || true)" -ge 1 ] \
     && [ "$(podman logs "$prefix-api2" 2>&1 | grep -c 'Redis does not answer' || true)" -ge 1 ]; then warned=1; fi
  local rc=0
  [[ "$bad" -eq 0 && "$warned" -eq 1 ]] || rc=1
  verdict "Redis stopped: 10 requests across both replicas answer on per-replica counts ($answers), no 5xx, and each replica logged a warning" $rc \
    "answers: $answers, warning logged by both: $warned"
}

sigterm() {
  local started_stop=$SECONDS code exit_code
  code=0
  quiet podman stop --time 40 "$prefix-api1" >/dev/null || code=$?
  exit_code="$(podman inspect --format '{{.State.ExitCode}}' "$prefix-api1")"
  http GET "$api2/health/ready"
  local rc=0
  [[ "$code" -eq 0 && "$exit_code" == 0 && "$HTTP_STATUS" == 200 ]] || rc=1
  verdict "SIGTERM: api1 exits with code $exit_code after $((SECONDS - started_stop)) s, api2 stays ready" $rc \
    "podman stop $code, exit code $exit_code, api2 ready $HTTP_STATUS"
  rc=0; podman logs "$prefix-api1" 2>&1 | grep -q 'Application is shutting down' || rc=1
  verdict "api1 logged a graceful shutdown" $rc "no 'Application is shutting down' in its log"
}

# deploy/compose.yaml as README "Deploy" runs it, with this run's image, project name and a free port.
compose() {
  LINKAGE_IMAGE="$image" LINKAGE_HTTP_PORT="$compose_port" POSTGRES_PASSWORD="$db_password" \
    PGBOUNCER_DEFAULT_POOL_SIZE="$compose_pool_size" Auth__SigningKey="$signing_key" \
    podman-compose -p "$prefix" -f "$here/compose.yaml" "$@"
}

compose_down() {
  [ -n "${compose_port:-}" ] || return 0
  compose down -v -t 40 >>"$logs/compose.log" 2>&1 || true
  podman network rm "${prefix}_default" >/dev/null 2>&1 || true
}

compose_check() {
  if ! command -v podman-compose >/dev/null; then
    fail "deploy/compose.yaml comes up with podman-compose" "podman-compose is not installed"
    return
  fi
  compose_port="$(free_port)"
  local code=0
  compose up -d --no-build >"$logs/compose.log" 2>&1 || code=$?
  local proxy="http://127.0.0.1:$compose_port"
  local served="" steady=0
  if [ "$code" -eq 0 ] && wait_for_steady "$proxy/health/ready" 9 180 && replicas_healthy 120; then
    steady=1
    # Round robin: six creates reach the three replicas (the proxy's log names the server of each).
    local i
    for i in 1 2 3 4 5 6; do
      api POST "$proxy/api/v1/network/contacts" "{\"firstName\":\"Compose $i\"}"
      served+="$HTTP_STATUS "
    done
  fi
  podman logs "${prefix}_proxy_1" >"$logs/proxy.log" 2>&1 || true
  local rc=0
  [[ "$code" -eq 0 && "$served" == "201 201 201 201 201 201 " ]] || rc=1
  grep -q 'api/api1 .*"POST /api/v1/network/contacts' "$logs/proxy.log" || rc=1
  grep -q 'api/api2 .*"POST /api/v1/network/contacts' "$logs/proxy.log" || rc=1
  grep -q 'api/api3 .*"POST /api/v1/network/contacts' "$logs/proxy.log" || rc=1
  verdict "deploy/compose.yaml comes up with podman-compose: 6 creates through the proxy on 127.0.0.1:$compose_port ($served) served by api1, api2 and api3" $rc \
    "up exit $code, creates: '$served', see $logs/compose.log and $logs/proxy.log"
  if [ "$steady" -eq 1 ]; then compose_pool_check "$proxy"; else fail "3 replicas under load hold at most default_pool_size server connections" "the compose system never became ready"; fi
  compose_down
}

# replicas_healthy SECONDS: true once each compose replica passes its healthcheck (/health/ready), and the proxy had
# time to check it too (every 2 s).
replicas_healthy() {
  local deadline=$((SECONDS + $1)) n
  for n in 1 2 3; do
    until podman healthcheck run "${prefix}_api${n}_1" >/dev/null 2>>"$logs/podman.log"; do
      [ "$SECONDS" -lt "$deadline" ] || return 1
      sleep 1
    done
  done
  sleep 3
}

# Three replicas under load through the proxy: PostgreSQL sees at most PgBouncer's default_pool_size server
# connections, however many client connections the replicas' own pools open to PgBouncer (ADR 0022).
compose_pool_check() {
  local proxy="$1" db="${prefix}_db_1" scratch actor pids=() samples answers
  scratch="$(mktemp -d)"
  # Samples, inside the database container, every 0.2 s: PostgreSQL's server connections from PgBouncer, and
  # PgBouncer's client connections (active and waiting) for the database.
  quiet podman exec -d -e PGPASSWORD="$db_password" "$db" sh -c '
    rm -f /tmp/pool-samples; for i in $(seq 1 300); do
      [ -f /tmp/pool-stop ] && break
      s=$(psql -U postgres -d linkage -Atc "SELECT count(*) FROM pg_stat_activity WHERE datname = '"'linkage'"' AND backend_type = '"'client backend'"' AND client_addr IS NOT NULL")
      c=$(psql -h pgbouncer -p 6432 -U postgres -d pgbouncer -AtF " " -c "SHOW POOLS" | awk '"'"'$1 == "linkage" { print $3 + $4 }'"'"')
      echo "$s ${c:-0}" >> /tmp/pool-samples; sleep 0.2
    done' >/dev/null
  # 3 actors x 150 creates, 30 at a time each: 90 requests in flight, spread over the replicas by the proxy.
  for actor in load-1 load-2 load-3; do
    local token urls=()
    token="$(mint_jwt "$signing_key" "$actor" smoke-tenant)"
    for _ in $(seq 1 150); do urls+=(-o /dev/null "$proxy/api/v1/network/contacts"); done
    curl -s --no-progress-meter -m 60 -Z --parallel-immediate --parallel-max 30 -X POST -w '%{http_code}\n' \
      -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data '{"firstName":"Load"}' \
      "${urls[@]}" >"$scratch/$actor" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  quiet podman exec "$db" touch /tmp/pool-stop || true
  sleep 0.5
  samples="$(quiet podman exec "$db" cat /tmp/pool-samples || true)"
  answers="$(cat "$scratch"/load-* | sort | uniq -c | awk '{ printf "%s x %s, ", $1, $2 }')"
  local created failed max_server max_clients
  created="$(cat "$scratch"/load-* | grep -c '^201$' || true)"
  failed="$(cat "$scratch"/load-* | grep -v -c -E '^(201|503)$' || true)"
  max_server="$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }' <<<"$samples")"
  max_clients="$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' <<<"$samples")"
  rm -rf "$scratch"
  note "pool samples (server connections, PgBouncer clients): $(wc -l <<<"$samples") taken, max $max_server and $max_clients; answers ${answers%, }"
  local rc=0
  [[ "$failed" -eq 0 && "$created" -ge 405 && "$max_server" -ge 1 && "$max_server" -le "$compose_pool_size" ]] || rc=1
  verdict "3 replicas under load (450 creates, 90 in flight through the proxy: $created x 201) held at most $max_server server connections in PostgreSQL, within PgBouncer's default_pool_size $compose_pool_size, for up to $max_clients client connections" $rc \
    "answers ${answers%, }; max server connections $max_server (pool $compose_pool_size), clients $max_clients"
}

check_cleanup() {
  cleanup
  local left
  left="$(podman ps -a --filter "label=$label" -q; podman ps -a --filter "label=io.podman.compose.project=$prefix" -q
    podman network ls -q --filter "name=$prefix"; podman volume ls -q --filter "name=$prefix"
    podman images -q --filter "reference=$image"; comm -13 <(printf '%s\n' "$dangling_before" | sort) <(podman images -q --filter dangling=true | sort) | grep . || true)"
  local rc=0; [ -z "$left" ] || rc=1
  verdict "nothing of this run is left: containers, networks, volumes, the image, no dangling build layers" $rc "left: $(echo "$left" | tr '\n' ' ')"
}

build_images
check_image
start_stack
migrate
check_ready
cross_replica
event_across_replicas
patch_race
webhooks_across_replicas
shared_limit
redis_down
sigterm
save_logs
remove_stack   # frees the machine's two cores for the compose system
compose_check
check_cleanup

note "deploy smoke: $SMOKE_PASSED checks passed, $SMOKE_FAILED failed in $((SECONDS - started)) s (logs in $logs)"
[ "$SMOKE_FAILED" -eq 0 ] && [ "$SMOKE_NUMBER" -eq "$SMOKE_TOTAL" ]
