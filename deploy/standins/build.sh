#!/usr/bin/env bash
# Builds local stand-ins of the public base images that the Dockerfile and deploy/compose.yaml name,
# for a machine that reaches no image registry but has Debian's packages (this project's CI):
#
#   localhost/linkage-standin-debian:bookworm   mmdebstrap's minimal Debian, the base of the others
#   mcr.microsoft.com/dotnet/aspnet:10.0       the host's .NET runtime (no SDK), user app (1654)
#   mcr.microsoft.com/dotnet/sdk:10.0          the host's .NET SDK
#   docker.io/library/postgres:15               Debian's postgresql-15 behind an official-style entrypoint
#   docker.io/library/haproxy:2.6               Debian's haproxy 2.6
#   docker.io/library/redis:7.0                 Debian's redis-server 7.0
#   docker.io/library/debian:bookworm-slim      the Debian base under its public name (deploy/pgbouncer builds on it)
# and, from the repository's own recipe, the image deploy/compose.yaml runs PgBouncer from:
#   localhost/linkage-pgbouncer:1.18            deploy/pgbouncer/Containerfile (Debian's pgbouncer 1.18)
#
# Never pulls. An image that exists already is kept when it is a stand-in built from the same recipe
# (a label holds the hash of these files and the host's .NET version) or when it is not a stand-in at all
# (a real image pulled on a connected machine wins). Run again after changing a recipe: only what
# changed is rebuilt. `deploy/standins/build.sh --remove` deletes every stand-in.
#
# Needs root (or rootful podman), podman, runc, mmdebstrap and the .NET SDK in /usr/share/dotnet.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet_root="${DOTNET_ROOT:-/usr/share/dotnet}"
label="org.linkage.standin.recipe"

base_image="localhost/linkage-standin-debian:bookworm"
aspnet_image="mcr.microsoft.com/dotnet/aspnet:10.0"
sdk_image="mcr.microsoft.com/dotnet/sdk:10.0"
postgres_image="docker.io/library/postgres:15"
haproxy_image="docker.io/library/haproxy:2.6"
redis_image="docker.io/library/redis:7.0"
debian_image="docker.io/library/debian:bookworm-slim"
pgbouncer_image="localhost/linkage-pgbouncer:1.18"
pgbouncer_dir="$(cd "$here/../pgbouncer" && pwd)"
all_images=("$pgbouncer_image" "$redis_image" "$haproxy_image" "$postgres_image" "$sdk_image" "$aspnet_image" "$debian_image" "$base_image")

log() { echo "standins: $*"; }

# The hash of what the images are built from: the files here, the host's .NET versions and any extra
# words given (the base image's id for the images built on it).
recipe_hash() {
  {
    cat "$here"/build.sh "$here"/*.Containerfile "$here"/*-entrypoint.sh "$pgbouncer_dir"/*
    ls "$dotnet_root/shared/Microsoft.AspNetCore.App" "$dotnet_root/sdk" 2>/dev/null
    echo "$@"
  } | sha256sum | cut -c1-16
}

# Prints the recipe label of an existing image, "none" for an image that is no stand-in, "" when absent.
image_recipe() {
  local image="$1" value
  podman image exists "$image" || return 0
  value="$(podman image inspect --format "{{ index .Labels \"$label\" }}" "$image" 2>/dev/null || true)"
  if [ -z "$value" ] || [ "$value" = "<no value>" ]; then echo none; else echo "$value"; fi
}

# True when IMAGE must be (re)built for recipe hash HASH.
needs_build() {
  local image="$1" hash="$2" current
  current="$(image_recipe "$image")"
  if [ "$current" = "$hash" ]; then log "$image is up to date"; return 1; fi
  if [ "$current" = none ]; then log "$image exists and is not a stand-in: using it as it is"; return 1; fi
  return 0
}

# The Debian mirror lines apt uses on this machine ("deb URI SUITE COMPONENTS"), from one-line .list files
# and deb822 .sources files alike; only Debian's own archive (vendor repositories stay out of the base).
mirror_lines() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] && grep -E '^deb ' "$file"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # One stanza per blank-line separated block: print a line per URI and suite.
    awk 'function flush() { if (types ~ /(^| )deb( |$)/) { n = split(uris, u, " "); m = split(suites, s, " ");
           for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print "deb " u[i] " " s[j] " " (comps == "" ? "main" : comps) }
           types = "deb"; uris = ""; suites = ""; comps = "" }
         BEGIN { types = "deb" }
         /^[[:space:]]*$/ { flush(); next }
         /^#/ { next }
         /^Types:/ { types = $0; sub(/^Types:[[:space:]]*/, "", types) }
         /^URIs:/ { uris = $0; sub(/^URIs:[[:space:]]*/, "", uris) }
         /^Suites:/ { suites = $0; sub(/^Suites:[[:space:]]*/, "", suites) }
         /^Components:/ { comps = $0; sub(/^Components:[[:space:]]*/, "", comps) }
         END { flush() }' "$file"
  done | awk '$2 ~ /debian/ && $3 ~ /^bookworm/' | sort -u
}

build_base() {
  local hash
  hash="$(recipe_hash)"
  needs_build "$base_image" "$hash" || return 0
  local work
  work="$(mktemp -d /tmp/linkage-standin-XXXXXX)"
  # shellcheck disable=SC2064  # expand now: the folder is this call's
  trap "rm -rf '$work'" RETURN
  local -a mirrors=()
  mapfile -t mirrors < <(mirror_lines)
  [ "${#mirrors[@]}" -gt 0 ] || { echo "standins: no Debian bookworm mirror found in /etc/apt/sources.list*" >&2; return 1; }
  log "building $base_image with mmdebstrap (about a minute)"
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$work/base.tar" "${mirrors[@]}"
  podman import --quiet --change 'CMD ["/bin/bash"]' --change "LABEL $label=$hash" \
    "$work/base.tar" "$base_image" >/dev/null
}

# build_from CONTAINERFILE IMAGE [extra podman build arguments]: a Containerfile of this folder.
build_from() {
  local file="$1" image="$2"
  shift 2
  build_in "$here" "$here/$file" "$image" "$@"
}

# build_in CONTEXT CONTAINERFILE IMAGE [extra podman build arguments]
build_in() {
  local context="$1" file="$2" image="$3" hash
  shift 3
  # A new base rebuilds everything built on it.
  hash="$(recipe_hash "$(podman image inspect --format '{{.Id}}' "$base_image")")"
  needs_build "$image" "$hash" || return 0
  log "building $image from $file"
  podman build --quiet --pull=never --format docker --label "$label=$hash" -f "$file" -t "$image" "$@" "$context" >/dev/null
}

# The base under Debian's public name, unless a real one is there: a tag of the same image, no build.
tag_debian() {
  local current
  current="$(image_recipe "$debian_image")"
  if [ "$current" = none ]; then log "$debian_image exists and is not a stand-in: using it as it is"; return 0; fi
  podman tag "$base_image" "$debian_image"
}

# Stand-ins that a rebuild replaced are left untagged: remove them (newest first, so parents go last).
forget_replaced() {
  local id
  for id in $(podman images -q --filter dangling=true --filter "label=$label"); do
    podman rmi "$id" >/dev/null 2>&1 || true
  done
}

remove_all() {
  local image
  for image in "${all_images[@]}"; do
    if [ "$(image_recipe "$image")" != "" ] && [ "$(image_recipe "$image")" != none ]; then
      log "removing $image"
      podman rmi --force "$image" >/dev/null
    fi
  done
}

main() {
  if [ "${1:-}" = "--remove" ]; then remove_all; return; fi
  [ -x "$dotnet_root/dotnet" ] || { echo "standins: no .NET SDK in $dotnet_root (set DOTNET_ROOT)" >&2; return 1; }
  build_base
  build_from aspnet.Containerfile "$aspnet_image" -v "$dotnet_root:/host-dotnet:ro"
  build_from sdk.Containerfile "$sdk_image" -v "$dotnet_root:/host-dotnet:ro"
  build_from postgres.Containerfile "$postgres_image"
  build_from haproxy.Containerfile "$haproxy_image"
  build_from redis.Containerfile "$redis_image"
  tag_debian
  build_in "$pgbouncer_dir" "$pgbouncer_dir/Containerfile" "$pgbouncer_image"
  forget_replaced
}

main "$@"
