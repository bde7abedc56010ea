# The deploy smoke's webhook check (sourced by deploy/smoke.sh after the stack is up; API.md 8, ADR 0030): a receiver
# container on the stack's network (deploy/receiver: it verifies each delivery with the reference implementation,
# NuGet StandardWebhooks) and one endpoint of the smoke tenant pointing at it. 200 contacts are created, the first 100
# split across both replicas; once deliveries are arriving api1 is killed (SIGKILL, no graceful stop: attempts it had in flight are neither
# finished nor recorded), the other 100 go through api2, and api1 is started again. Each create carries its own
# Idempotency-Key, and one answered 503 (with Retry-After, code Unavailable) is sent again with it, as a client should;
# the check lists every such answer (the CI run of 640b6ac had 5, unexplained). The receiver must then hold exactly
# 200 distinct webhook-ids, every one verified, with at most the duplicates the crash window allows: the attempts the
# killed replica had in flight (Webhooks:MaxConcurrentAttempts). The replicas run with Webhooks:AllowPrivateTargets and
# Webhooks:AllowInsecureUrls (the receiver is http on the private network) and a lease margin of 5 s (one host's clock),
# so a delivery the killed replica held is taken over 15 s later instead of 40.

webhook_changes=200
# api1's attempts in flight at the kill are at most its free slots: the bound on duplicates.
webhook_max_in_flight=32

# The replicas' settings for this check (smoke only: a production endpoint is https on a public address).
webhook_replica_env=(-e Webhooks__AllowPrivateTargets=true -e Webhooks__AllowInsecureUrls=true -e Webhooks__LeaseMargin=00:00:05
  -e Webhooks__MaxConcurrentAttempts="$webhook_max_in_flight")

start_receiver() {
  local code=0 bin="$logs/receiver-bin"
  dotnet build "$here/receiver/Linkage.WebhookReceiver.csproj" -c Release --nologo -v quiet >"$logs/receiver-build.log" 2>&1 || code=$?
  if [ "$code" -eq 0 ]; then
    rm -rf "$bin" && cp -r "$here/receiver/bin/Release/net10.0" "$bin" && chmod -R a+rX "$bin"
    quiet podman run -d --name "$prefix-receiver" --network-alias receiver --label "$label" --network "$network" \
      -p 127.0.0.1::8080 --user 1654 -v "$bin:/receiver:ro" mcr.microsoft.com/dotnet/aspnet:10.0 \
      dotnet /receiver/Linkage.WebhookReceiver.dll >/dev/null || code=$?
  fi
  if [ "$code" -eq 0 ]; then
    receiver="http://127.0.0.1:$(host_port "$prefix-receiver")"
    wait_for_status "$receiver/stats" 200 30 || code=1
  fi
  verdict "the webhook receiver (deploy/receiver, verifying with NuGet StandardWebhooks) runs on the stack's network" "$code" \
    "build or start failed, see $logs/receiver-build.log"
}

# create_contacts URL-LIST-FILE ACTOR DIR: POSTs a contact to each URL of the file (20 at a time) as ACTOR, each with its
# own Idempotency-Key, as a client that must not lose a create does; prints one final status code per create. A 503 is
# what the API answers while it cannot reach or wait for the database (API.md 1.8): such a create is sent again with the
# same key after its Retry-After (at most 3 times, so nothing is created twice), and its first answer is kept in
# DIR/unavailable (status, Retry-After, the problem's code and detail) for the check's note.
create_contacts() {
  local token n=0 url id
  token="$(mint_jwt "$signing_key" "$2" smoke-tenant)"
  mkdir -p "$3/$2"
  while read -r url; do
    n=$((n + 1)); id="$2-$(basename "$1")-$n"
    [ "$n" -eq 1 ] || echo next
    printf 'url = "%s"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' "$url" "$token"
    printf 'header = "Idempotency-Key: %s-%s"\ndata = "{\\"firstName\\":\\"Hooked\\"}"\n' "$id" "$run_id"
    printf 'output = "%s/%s/%s.body"\ndump-header = "%s/%s/%s.headers"\nwrite-out = "%%{http_code} %s %s\\n"\n' \
      "$3" "$2" "$id" "$3" "$2" "$id" "$id" "$url"
  done <"$1" >"$3/$2/$(basename "$1").curl"
  local code url_of try after
  curl -s --no-progress-meter -m 60 -Z --parallel-immediate --parallel-max 20 -K "$3/$2/$(basename "$1").curl" |
    while read -r code id url_of; do
      try=0
      while [ "$code" = 503 ] && [ "$try" -lt 3 ]; do
        after="$(tr -d '\r' <"$3/$2/$id.headers" | awk -F': ' 'tolower($1) == "retry-after" { print $2 }' | tail -n 1)"
        [ "$try" -eq 0 ] && echo "503 $id retry-after=${after:-none} $(jq -c '[.code, .detail]' "$3/$2/$id.body" 2>/dev/null || head -c 200 "$3/$2/$id.body")" >>"$3/unavailable"
        [[ "$after" =~ ^[0-9]+$ ]] && [ "$after" -le 5 ] || after=1
        sleep "$after"
        try=$((try + 1))
        code="$(curl -s -m 30 -X POST -D "$3/$2/$id.headers" -o "$3/$2/$id.body" -w '%{http_code}' -H "Authorization: Bearer $token" \
          -H "Content-Type: application/json" -H "Idempotency-Key: $id-$run_id" --data '{"firstName":"Hooked"}' "$url_of" || true)"
      done
      echo "$code"
    done
}

webhooks_across_replicas() {
  start_receiver
  [ -n "${receiver:-}" ] || { fail "webhook endpoint created" "no receiver"; fail "200 changes across a replica kill" "no receiver"; return; }

  api POST "$api1/api/v1/webhooks" '{"url":"http://receiver:8080/hooks","types":["contact.created"],"description":"deploy smoke"}'
  local created="$HTTP_STATUS" endpoint secret
  endpoint="$(field .id)"
  secret="$(field .secret)"
  http POST "$receiver/secret" --data-binary "$secret"
  local rc=0
  [[ "$created" == 201 && "$secret" == whsec_* && "$HTTP_STATUS" == 204 ]] || rc=1
  verdict "a webhook endpoint on the private network (http://receiver:8080/hooks, types contact.created) is created through api1 (201)" $rc \
    "create $created: $(head -c 300 <<<"$HTTP_BODY"), secret to the receiver: $HTTP_STATUS"
  [ "$rc" -eq 0 ] || { fail "200 changes across a replica kill" "no endpoint"; return; }

  # 5 actors x 40 creates (the rate limit is $rate_limit a minute per actor): 20 each alternating across both replicas,
  # then api1 is killed and 20 each go through api2.
  local scratch actor i started=$SECONDS pids=()
  scratch="$(mktemp -d)"
  for actor in 1 2 3 4 5; do
    for i in $(seq 1 20); do
      if [ $((i % 2)) -eq 0 ]; then echo "$api1/api/v1/network/contacts"; else echo "$api2/api/v1/network/contacts"; fi
    done >"$scratch/first-$actor"
    for i in $(seq 1 20); do echo "$api2/api/v1/network/contacts"; done >"$scratch/second-$actor"
  done
  for actor in 1 2 3 4 5; do create_contacts "$scratch/first-$actor" "smoke-hooks-$actor" "$scratch" >"$scratch/codes-first-$actor" & pids+=($!); done
  wait "${pids[@]}" || true
  # The kill lands while deliveries are under way: once some have arrived (at most 10 s later).
  local before_kill=0 until=$((SECONDS + 10))
  while [ "$before_kill" -lt 20 ] && [ "$SECONDS" -lt "$until" ]; do
    sleep 0.2
    before_kill="$(curl -s -m 5 "$receiver/stats" | jq -r '.distinct // 0' 2>/dev/null || true)"
    [[ "$before_kill" =~ ^[0-9]+$ ]] || before_kill=0
  done
  quiet podman kill --signal KILL "$prefix-api1" >/dev/null || true
  pids=()
  for actor in 1 2 3 4 5; do create_contacts "$scratch/second-$actor" "smoke-hooks-$actor" "$scratch" >"$scratch/codes-second-$actor" & pids+=($!); done
  wait "${pids[@]}" || true
  quiet podman start "$prefix-api1" >/dev/null || true
  api1="http://127.0.0.1:$(host_port "$prefix-api1")"
  local restarted=0
  wait_for_status "$api1/health/ready" 200 60 || restarted=1

  local created_ok answers stats="" distinct=0 accepted=0 rejected=0 duplicates=0 deadline=$((SECONDS + 90))
  created_ok="$(cat "$scratch"/codes-* | grep -c '^201$' || true)"
  answers="$(cat "$scratch"/codes-* | sort | uniq -c | awk '{ printf "%s x %s, ", $1, $2 }')"
  while [ "$SECONDS" -lt "$deadline" ]; do
    stats="$(curl -s -m 5 "$receiver/stats" || true)"
    distinct="$(jq -r '.distinct // 0' <<<"$stats" 2>/dev/null || echo 0)"
    [ "$distinct" -ge "$created_ok" ] && [ "$created_ok" -gt 0 ] && break
    sleep 0.5
  done
  # Attempts still in flight after the last first arrival could add a duplicate: the log below is read once all are recorded.
  local states="" settle=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$settle" ]; do
    states="$(quiet podman exec "$prefix-db" psql -U postgres -d linkage -Atc \
      "SELECT status || ':' || count(*) FROM webhook_deliveries WHERE endpoint_id = '$endpoint' GROUP BY status ORDER BY status" | tr '\n' ' ')"
    [ "$states" = "succeeded:$webhook_changes " ] && break
    sleep 0.5
  done
  stats="$(curl -s -m 5 "$receiver/stats" || true)"
  distinct="$(jq -r '.distinct // 0' <<<"$stats")"; accepted="$(jq -r '.accepted // 0' <<<"$stats")"
  rejected="$(jq -r '.rejected // 0' <<<"$stats")"; duplicates="$(jq -r '.duplicates // 0' <<<"$stats")"
  # A 503 must say so as API.md 1.8 asks (Retry-After, code Unavailable); each is listed, so a run shows why it came.
  local unavailable=0 unavailable_ok=0
  if [ -f "$scratch/unavailable" ]; then
    unavailable="$(wc -l <"$scratch/unavailable")"
    grep -v -E '^503 [^ ]+ retry-after=[0-9]+ \["Unavailable",' "$scratch/unavailable" | grep -q . && unavailable_ok=1
    note "webhooks: $unavailable creates answered 503 first and were sent again with their Idempotency-Key:"
    while read -r line; do note "  $line"; done <"$scratch/unavailable"
    # What the replicas logged with those answers (ProblemExceptionHandler's warning carries the exception).
    local replica
    for replica in api1 api2; do
      podman logs "$prefix-$replica" 2>&1 | grep -F '"@l":"Warning"' | grep -E 'Database unavailable|refused with 503|commit' |
        jq -r '"\(.["@t"]) \(.["@m"]): \(((.["@x"] // "") | split("\n"))[0] // "")"' 2>/dev/null | sort | uniq | head -n 5 |
        while read -r line; do note "  $replica: ${line:0:400}"; done
    done
  fi
  rm -rf "$scratch"
  note "webhooks: creates ${answers%, }; $before_kill distinct ids arrived before the kill; receiver: $stats; delivery log: $states"
  rc=0
  [[ "$created_ok" == "$webhook_changes" && "$restarted" -eq 0 && "$distinct" == "$webhook_changes" && "$rejected" == 0 \
     && "$duplicates" -le "$webhook_max_in_flight" && "$states" == "succeeded:$webhook_changes " && "$unavailable_ok" -eq 0 ]] || rc=1
  verdict "$webhook_changes changes across both replicas, api1 killed (SIGKILL) after $before_kill deliveries and restarted: $distinct distinct webhook-ids at the receiver, each signature verified ($rejected rejected), $accepted successful deliveries ($duplicates duplicates, at most the $webhook_max_in_flight a crash leaves in flight), the delivery log $states, in $((SECONDS - started)) s" $rc \
    "creates ${answers%, } ($unavailable answered 503 first); api1 ready again: $((1 - restarted)); receiver $stats; delivery log '$states'"
}
