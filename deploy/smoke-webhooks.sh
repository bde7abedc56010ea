# The deploy smoke's webhook check (sourced by deploy/smoke.sh after the stack is up; API.md 8, ADR 0030): a receiver
# container on the stack's network (deploy/receiver: it verifies each delivery with the reference implementation,
# NuGet StandardWebhooks) and one endpoint of the smoke tenant pointing at it. 200 contacts are created, the first 100
# split across both replicas; once deliveries are arriving api1 is killed (SIGKILL, no graceful stop: attempts it had in flight are neither
# finished nor recorded), the other 100 go through api2, and api1 is started again. The receiver must then hold exactly
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

# create_contacts URL-LIST-FILE ACTOR: POSTs a contact to each URL of the file (20 at a time) as ACTOR; prints the codes.
create_contacts() {
  local token urls=() url
  token="$(mint_jwt "$signing_key" "$2" smoke-tenant)"
  while read -r url; do urls+=(-o /dev/null "$url"); done <"$1"
  curl -s --no-progress-meter -m 60 -Z --parallel-immediate --parallel-max 20 -X POST -w '%{http_code}\n' \
    -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data '{"firstName":"Hooked"}' "${urls[@]}"
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
  for actor in 1 2 3 4 5; do create_contacts "$scratch/first-$actor" "smoke-hooks-$actor" >"$scratch/codes-first-$actor" & pids+=($!); done
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
  for actor in 1 2 3 4 5; do create_contacts "$scratch/second-$actor" "smoke-hooks-$actor" >"$scratch/codes-second-$actor" & pids+=($!); done
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
  rm -rf "$scratch"
  note "webhooks: creates ${answers%, }; $before_kill distinct ids arrived before the kill; receiver: $stats; delivery log: $states"
  rc=0
  [[ "$created_ok" == "$webhook_changes" && "$restarted" -eq 0 && "$distinct" == "$webhook_changes" && "$rejected" == 0 \
     && "$duplicates" -le "$webhook_max_in_flight" && "$states" == "succeeded:$webhook_changes " ]] || rc=1
  verdict "$webhook_changes changes across both replicas, api1 killed (SIGKILL) after $before_kill deliveries and restarted: $distinct distinct webhook-ids at the receiver, each signature verified ($rejected rejected), $accepted successful deliveries ($duplicates duplicates, at most the $webhook_max_in_flight a crash leaves in flight), the delivery log $states, in $((SECONDS - started)) s" $rc \
    "creates ${answers%, }; api1 ready again: $((1 - restarted)); receiver $stats; delivery log '$states'"
}
