#!/usr/bin/env bash
# make scale-test: two replicas of bin/web and Debian's nginx with
# deploy/nnplay-nginx.conf, all on 127.0.0.1 ports, driven by the project's
# load tool through nginx for DURATION; one replica is killed (SIGKILL)
# half-way. Fails on any error the clients see. Reports what the cache
# served and what each replica served.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20s}"
CLIENTS="${CLIENTS:-32}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
[ -x "$NGINX" ] || { echo "scale-test: nginx not found (apt-get install nginx-light)"; exit 1; }

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# Replicas on free loopback ports (the port is read from the log). Per-client
# bounds are nginx's here: behind it every request comes from one address.
ports=()
for i in 1 2; do
  bin/web -addr 127.0.0.1:0 -trust-proxy -client-inflight -1 -client-rate -1 2>"$tmp/replica$i.log" &
  pids+=($!)
done
for i in 1 2; do
  for _ in $(seq 100); do
    port=$(sed -n 's|.*msg=serving addr=http://127.0.0.1:\([0-9]*\).*|\1|p' "$tmp/replica$i.log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "scale-test: replica $i did not start"; cat "$tmp/replica$i.log"; exit 1; }
  ports+=("$port")
done

# nginx: the repository's site file with loopback addresses and paths of
# this run, in a minimal main configuration.
mkdir -p "$tmp/cache" "$tmp/body" "$tmp/proxy"
user=""
if [ "$(id -u)" = 0 ]; then user="user root;"; fi
for attempt in 1 2 3 4 5; do
  nport=$((20000 + RANDOM % 30000))
  sed -e "s|/var/cache/nginx/nnplay|$tmp/cache|" \
      -e "s|server 127.0.0.1:8081 |server 127.0.0.1:${ports[0]} |" \
      -e "s|server 127.0.0.1:8082 |server 127.0.0.1:${ports[1]} |" \
      -e "s|listen 127.0.0.1:8080;|listen 127.0.0.1:$nport;|" deploy/nnplay-nginx.conf > "$tmp/nnplay.conf"
  if grep -E '^[[:space:]]*(listen|server)[[:space:]]+[0-9]' "$tmp/nnplay.conf" | grep -vq '[[:space:]]127\.0\.0\.1:'; then
    echo "scale-test: a non-loopback address in the configuration"; exit 1
  fi
  cat > "$tmp/nginx.conf" <<CONF
$user
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  include $tmp/nnplay.conf;
}
CONF
  "$NGINX" -p "$tmp" -c "$tmp/nginx.conf" -t -q
  "$NGINX" -p "$tmp" -c "$tmp/nginx.conf" -g 'daemon on;' 2>>"$tmp/nginx-error.log" && break
  [ "$attempt" = 5 ] && { echo "scale-test: nginx did not start"; cat "$tmp/nginx-error.log"; exit 1; }
done
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$nport") 2>/dev/null && break; sleep 0.1; done
echo "scale-test: nginx on 127.0.0.1:$nport, replicas on ${ports[*]}, $CLIENTS clients for $DURATION"

go build -o "$tmp/load" ./internal/tools/load
half=$(( ${DURATION%s} / 2 ))
( sleep "$half"; kill -9 "${pids[0]}"; echo "scale-test: killed replica 1 (port ${ports[0]}) after ${half}s" ) &
killer=$!
rc=0
"$tmp/load" -target "http://127.0.0.1:$nport" -duration "$DURATION" -c "$CLIENTS" || rc=$?
wait "$killer" || true
served1=$(grep -c 'msg=request' "$tmp/replica1.log" || true)
served2=$(grep -c 'msg=request' "$tmp/replica2.log" || true)
echo "scale-test: served by replica 1 (killed half-way): $served1, by replica 2: $served2"
if kill -0 "${pids[0]}" 2>/dev/null; then echo "scale-test: replica 1 is still alive"; rc=1; fi
[ "$served2" -gt 0 ] || { echo "scale-test: replica 2 served nothing"; rc=1; }
upstream_errors=$(grep -c 'upstream' "$tmp/nginx-error.log" || true)
echo "scale-test: nginx logged $upstream_errors upstream errors (the dead replica), absorbed by retries and the cache"
exit $rc
