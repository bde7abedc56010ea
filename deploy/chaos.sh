#!/usr/bin/env bash
# The chaos run (issue 29, README "Reliability", ADR 0032): deploy/compose.yaml (3 replicas behind HAProxy, PgBouncer in
# transaction mode, PostgreSQL, Redis) under a workload of 16 concurrent clients while faults are injected on a schedule
# (SIGKILL and SIGSTOP of replicas, PostgreSQL restarted fast and crashed, PgBouncer restarted, Redis stopped 20 s),
# with a change-feed reader, an SSE client and a webhook receiver (a container on the compose network, the run's
# program in `receive` mode) following every event; then the checker reads the history, the state and what the
# followers saw, and fails on any broken invariant.
#
#   bash deploy/chaos.sh [--minutes N] [--clients N] [--seed N] [--image IMAGE] [--out DIR]
#
# --minutes  workload length (default 3, the Test target's; at least one fault cycle, about 2.7 min)
# --image    an API image already built (default: build the repository's Dockerfile, and remove it afterwards)
# --out      where history.jsonl, run.json, report.md and the containers' logs go (default TestResults/chaos)
# --port     the proxy's port on 127.0.0.1 (default: a free one)
#
# Prints TAP lines (a plan, then "ok N" / "not ok N" per invariant) that build/deploy.cake counts as tests, and the
# report. Needs root podman, podman-compose and the stand-in base images (deploy/standins/build.sh, run here). Run it
# under the machine's podman lock: flock /tmp/linkage-podman.lock bash deploy/chaos.sh
# Re-judge a recorded run without containers: dotnet deploy/chaos/bin/Release/net10.0/Linkage.Chaos.dll check --run DIR/run.json
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=deploy/smoke-lib.sh
source "$here/smoke-lib.sh"

minutes=3 clients=16 seed="" image="" out="$root/TestResults/chaos" port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "chaos.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

run_id="$(date +%s)-$$"
prefix="linkage-chaos-$run_id"
built_image=""
signing_key="$(openssl rand -hex 32)"
db_password="$(openssl rand -hex 16)"
seed="${seed:-$(( (RANDOM << 15) | RANDOM ))}"
started=$SECONDS
mkdir -p "$out"
rm -f "$out"/{build,compose,podman,db,pgbouncer,redis,proxy,api1,api2,api3,migrate,receiver}.log "$out"/{history.jsonl,run.json,report.md}
rm -rf "$out/receiver"

# A step that makes the run impossible: one failed test line, so the Test target counts it.
abort() {
  echo "1..1"
  echo "not ok 1 - chaos run: $1 (logs in $out)"
  exit 1
}

compose() {
  LINKAGE_IMAGE="$image" LINKAGE_HTTP_PORT="$port" POSTGRES_PASSWORD="$db_password" Auth__SigningKey="$signing_key" \
    RateLimits__PerActorPerMinute=100000 Webhooks__AllowInsecureUrls=true Webhooks__AllowPrivateTargets=true podman-compose -p "$prefix" -f "$here/compose.yaml" "$@"
}

cleanup() {
  local service
  for service in db pgbouncer redis proxy api1 api2 api3 migrate receiver; do
    podman logs "${prefix}_${service}_1" >"$out/$service.log" 2>&1 || true
  done
  podman rm --force --time 2 "${prefix}_receiver_1" >/dev/null 2>&1 || true
  compose down -v -t 10 >>"$out/compose.log" 2>&1 || true
  podman network rm "${prefix}_default" >/dev/null 2>&1 || true
  if [ -n "$built_image" ]; then podman rmi --force "$built_image" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v podman-compose >/dev/null || abort "podman-compose is not installed"
bash "$here/standins/build.sh" >"$out/podman.log" 2>&1 || abort "the stand-in base images could not be built"
if [ -z "$image" ]; then
  image="localhost/linkage-api:chaos-$run_id"
  build=(podman build --pull=never --format docker --layers=false -f "$root/Dockerfile" -t "$image" -v /etc/ssl/certs:/etc/ssl/certs:ro)
  nuget="$(dotnet nuget locals global-packages --list 2>/dev/null | sed -n 's/^global-packages: //p')"
  if [ -n "$nuget" ] && [ -d "$nuget" ]; then build+=(-v "$nuget:/root/.nuget/packages:ro"); fi
  "${build[@]}" "$root" >"$out/build.log" 2>&1 || abort "podman build failed, see $out/build.log"
  built_image="$image"
fi
# The program runs from its own copy: a build of the repository meanwhile must not change the files it runs from.
dotnet build "$here/chaos/Linkage.Chaos.csproj" -c Release --nologo -v quiet >"$out/chaos-build.log" 2>&1 \
  || abort "the chaos program does not build, see $out/chaos-build.log"
rm -rf "$out/chaos-bin" && cp -r "$here/chaos/bin/Release/net10.0" "$out/chaos-bin"

port="${port:-$(free_port)}"
note "chaos: compose project $prefix, image $image, proxy on 127.0.0.1:$port, seed $seed"
compose up -d --no-build >"$out/compose.log" 2>&1 || abort "podman-compose up failed, see $out/compose.log"
wait_for_steady "http://127.0.0.1:$port/health/ready" 9 180 || abort "the compose system never became ready"
for n in 1 2 3; do
  until podman healthcheck run "${prefix}_api${n}_1" >/dev/null 2>&1; do
    [ $((SECONDS - started)) -lt 600 ] || abort "api$n never passed its healthcheck"
    sleep 1
  done
done
note "chaos: compose system ready after $((SECONDS - started)) s"

# The webhook receiver: the run's own program in `receive` mode, on the compose network as http://receiver:8080 (so
# the replicas deliver to it; the run allows http and private targets), writing what it gets into $out/receiver.
mkdir -p "$out/receiver"
podman run -d --name "${prefix}_receiver_1" --network "${prefix}_default" --network-alias receiver \
  -v "$out/chaos-bin:/chaos:ro" -v "$out/receiver:/data" --user 0 --entrypoint dotnet \
  mcr.microsoft.com/dotnet/aspnet:10.0 /chaos/Linkage.Chaos.dll receive --dir /data --port 8080 >>"$out/podman.log" 2>&1 \
  || abort "the webhook receiver did not start, see $out/podman.log"

# A replica's 5xx that a check refused names its trace; its cause is in that replica's log (the exception handler's
# warning and the request's line carry the trace). Printed here, so that a failed CI run's output says why.
explain_traces() {
  local trace service cause
  for trace in $(grep -o 'trace 00-[0-9a-f]\{32\}' "$out/report.md" 2>/dev/null | cut -c10- | sort -u | head -5); do
    for service in api1 api2 api3; do
      # The exception's message lines, outer to inner, without the stack.
      cause="$(podman logs "${prefix}_${service}_1" 2>&1 | grep -F "\"@tr\":\"$trace\"" | grep -F '"@x":"' | head -1 \
        | sed -n 's/.*"@x":"\(\([^"\\]\|\\.\)*\)".*/\1/p' | sed 's/\\n/\n/g' | grep -v '^ *at \|^ *--- End' | head -4 | tr -s ' \n' ' ')" || true
      if [ -n "$cause" ]; then note "chaos: trace $trace on $service: $cause"; fi
    done
  done
}

code=0
dotnet "$out/chaos-bin/Linkage.Chaos.dll" run \
  --base-url "http://127.0.0.1:$port" --signing-key "$signing_key" \
  --replica "api1=${prefix}_api1_1" --replica "api2=${prefix}_api2_1" --replica "api3=${prefix}_api3_1" \
  --postgres "${prefix}_db_1" --pgbouncer "${prefix}_pgbouncer_1" --redis "${prefix}_redis_1" \
  --receiver-url "http://receiver:8080/hooks" --receiver-dir "$out/receiver" \
  --minutes "$minutes" --clients "$clients" --seed "$seed" --out "$out" || code=$?
if [ "$code" -ne 0 ]; then explain_traces; fi
note "chaos: finished in $((SECONDS - started)) s, exit $code (history, run.json, report.md and logs in $out)"
exit "$code"
