# Helpers of deploy/smoke.sh (sourced): check bookkeeping, HTTP calls, tokens, ports.
# Checks print TAP-style lines, "ok N - what" or "not ok N - what: why", after a plan line "1..N",
# so build/deploy.cake can count each one as a test (a planned check that never ran counts as failed).

SMOKE_PASSED=0
SMOKE_FAILED=0
SMOKE_NUMBER=0

plan() { echo "1..$1"; }

pass() {
  SMOKE_NUMBER=$((SMOKE_NUMBER + 1))
  SMOKE_PASSED=$((SMOKE_PASSED + 1))
  echo "ok $SMOKE_NUMBER - $1"
}

fail() {
  SMOKE_NUMBER=$((SMOKE_NUMBER + 1))
  SMOKE_FAILED=$((SMOKE_FAILED + 1))
  echo "not ok $SMOKE_NUMBER - $1: $2"
}

# verdict WHAT CONDITION-EXIT-CODE WHY: pass when the code is 0, else fail with WHY.
verdict() {
  if [ "$2" -eq 0 ]; then pass "$1"; else fail "$1" "$3"; fi
}

note() { echo "# $*"; }

# http METHOD URL [curl arguments...]: sets HTTP_STATUS, HTTP_BODY and HTTP_HEADERS (status 000: no answer).
http() {
  local method="$1" url="$2" scratch
  shift 2
  scratch="$(mktemp -d)"
  HTTP_STATUS="$(curl -s -m 15 -X "$method" -D "$scratch/headers" -o "$scratch/body" -w '%{http_code}' "$@" "$url" || true)"
  HTTP_BODY="$(cat "$scratch/body" 2>/dev/null || true)"
  HTTP_HEADERS="$(tr -d '\r' < "$scratch/headers" 2>/dev/null || true)"
  rm -rf "$scratch"
}

# api METHOD URL [JSON body] [extra curl arguments...]: http with the run's bearer token.
api() {
  local method="$1" url="$2" body="${3:-}"
  shift 3 || shift $#
  local -a args=(-H "Authorization: Bearer $SMOKE_TOKEN")
  if [ -n "$body" ]; then args+=(-H "Content-Type: application/json" --data "$body"); fi
  http "$method" "$url" "${args[@]}" "$@"
}

header() { printf '%s\n' "$HTTP_HEADERS" | awk -v name="$(echo "$1" | tr 'A-Z' 'a-z')" -F': ' 'tolower($1) == name { print $2 }' | tail -n 1; }

field() { printf '%s' "$HTTP_BODY" | jq -r "$1" 2>/dev/null || true; }

# wait_for_status URL STATUS SECONDS: true once GET URL answers STATUS.
wait_for_status() {
  local url="$1" status="$2" deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ]; do
    http GET "$url"
    [ "$HTTP_STATUS" = "$status" ] && return 0
    sleep 0.5
  done
  return 1
}

# wait_for_steady URL COUNT SECONDS: true once COUNT GETs of URL in a row answer 200 (behind a round-robin proxy,
# every replica it uses answered).
wait_for_steady() {
  local url="$1" count="$2" deadline=$((SECONDS + $3)) streak=0
  while [ "$SECONDS" -lt "$deadline" ]; do
    http GET "$url"
    if [ "$HTTP_STATUS" = 200 ]; then streak=$((streak + 1)); else streak=0; sleep 0.5; fi
    [ "$streak" -ge "$count" ] && return 0
  done
  return 1
}

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_jwt KEY SUBJECT TENANT: an HS256 token like `dotnet cake --target=Token` mints (all permissions, 1 h).
mint_jwt() {
  local key="$1" subject="$2" tenant="$3" now header payload signature
  now="$(date +%s)"
  header="$(printf '{"alg":"HS256","typ":"JWT"}' | base64url)"
  payload="$(printf '{"iss":"linkage","aud":"linkage-api","sub":"%s","tid":"%s","perm":["*:*"],"iat":%d,"nbf":%d,"exp":%d}' \
    "$subject" "$tenant" "$now" "$now" "$((now + 3600))" | base64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | base64url)"
  echo "$header.$payload.$signature"
}

# free_port: a TCP port nothing listens on at the moment (for compose's fixed mapping).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 25000))
    if [ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; then echo "$port"; return 0; fi
  done
  return 1
}

# host_port CONTAINER: the 127.0.0.1 port that podman mapped to the container's 8080.
host_port() { podman port "$1" 8080/tcp | head -n 1 | sed 's/.*://'; }
