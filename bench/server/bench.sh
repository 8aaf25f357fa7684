#!/usr/bin/env bash
# The list server against nginx on loopback, same bytes, same ETag, same run: wrk at 64
# connections on GET /api/v1/lists/{id} (plain 200, and 304 with If-None-Match). Medians of
# RUNS runs per case, interleaved so both servers see the same machine. Ends with one line:
#   bench: server key=value ...
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=backend/target/wedgewatch.jar
LIST=${LIST:-lists/coalition-defense.txt}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-8s}
RUNS=${RUNS:-3}
OUT=target/bench
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/ww-bench-XXXXXX)
chmod 755 "$WORK"
SERVER=""
NGINX_CONF="$WORK/nginx.conf"

cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  if [ -f "$WORK/nginx.pid" ]; then nginx -c "$NGINX_CONF" -p "$WORK" -s stop 2>/dev/null || true; sleep 0.3; fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { # a random port nobody answers on (other servers may run on this machine)
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
scripts/deps.sh curl wrk nginx-light

# 1. The list server on a fresh embedded database, with the default list published.
PORT=$(free_port)
java ${SERVER_JAVA_OPTS:-} -jar "$JAR" serve --init-keys --host 127.0.0.1 --port "$PORT" --data "$WORK/data" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 0.2; done
TOKEN=$(java -jar "$JAR" token create --group bench --data "$WORK/data" | sed -n 's/^token: *//p')
java -jar "$JAR" publish --server "http://127.0.0.1:$PORT" --token "$TOKEN" "$LIST" > /dev/null
ID=$(sed -n 's/^! Id: *//p' "$LIST" | head -1 | tr -d '\r')
URL="http://127.0.0.1:$PORT/api/v1/lists/$ID"
curl -fs -D "$WORK/headers" -o "$WORK/www/list.txt" --create-dirs "$URL"
ETAG=$(sed -n 's/^[Ee][Tt]ag: *//p' "$WORK/headers" | tr -d '\r')
BYTES=$(stat -c %s "$WORK/www/list.txt")
chmod -R a+rX "$WORK/www"  # nginx workers run as nobody

# 2. nginx serving the same bytes with the same strong ETag, answering If-None-Match with 304.
NPORT=$(free_port)
cat > "$NGINX_CONF" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  map \$http_if_none_match \$not_modified { '$ETAG' 1; default 0; }
  server {
    listen 127.0.0.1:$NPORT;
    location = /api/v1/lists/$ID {
      etag off;
      add_header ETag '$ETAG' always;
      add_header Cache-Control 'public, max-age=60' always;
      if (\$not_modified) { return 304; }
      default_type 'text/plain; charset=utf-8';
      alias $WORK/www/list.txt;
    }
  }
}
CONF
mkdir -p "$WORK/tmp"
nginx -c "$NGINX_CONF" -p "$WORK"
NURL="http://127.0.0.1:$NPORT/api/v1/lists/$ID"
for _ in $(seq 1 50); do curl -fs -o /dev/null "$NURL" && break; sleep 0.1; done
cmp -s "$WORK/www/list.txt" <(curl -fs "$NURL") || { echo "nginx does not serve the same bytes"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$URL")" = 304 ] || { echo "server: no 304"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$NURL")" = 304 ] || { echo "nginx: no 304"; exit 1; }

# 3. wrk. Prints "rps p99_ms" for one run.
run_wrk() { # url, extra header or ""
  local out
  if [ -n "$2" ]; then out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -H "$2" "$1")
  else out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$1"); fi
  echo "$out" >> "$OUT/server-wrk.log"
  local rps p99
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
  echo "$rps $p99"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$OUT/server-wrk.log"
echo "warming up the JVM..."
wrk -t"$THREADS" -c"$CONNS" -d5s "$URL" > /dev/null
wrk -t"$THREADS" -c"$CONNS" -d3s -H "If-None-Match: $ETAG" "$URL" > /dev/null
wrk -t"$THREADS" -c"$CONNS" -d2s "$NURL" > /dev/null

declare -A RPS P99
for run in $(seq 1 "$RUNS"); do
  for case in server_200 nginx_200 server_304 nginx_304; do
    u=$URL; [[ $case == nginx* ]] && u=$NURL
    h=""; [[ $case == *304 ]] && h="If-None-Match: $ETAG"
    read -r r p <<< "$(run_wrk "$u" "$h")"
    RPS[$case]+="$r "; P99[$case]+="$p "
    printf '  run %d %-11s %10.0f req/s  p99 %7.2f ms\n' "$run" "$case" "$r" "$p"
  done
done

med() { tr ' ' '\n' <<< "$1" | grep -v '^$' | median; }
summary="bench: server list=$ID bytes=$BYTES conns=$CONNS runs=$RUNS"
printf '\n%-11s %12s %10s\n' case "req/s" "p99 ms"
for case in server_200 nginx_200 server_304 nginx_304; do
  r=$(med "${RPS[$case]}"); p=$(med "${P99[$case]}")
  printf '%-11s %12.0f %10.2f\n' "$case" "$r" "$p"
  declare "M_RPS_$case=$r" "M_P99_$case=$p"
  summary+=" ${case}_rps=$(printf '%.0f' "$r") ${case}_p99_ms=$p"
done
r200=$(awk -v a="$M_RPS_server_200" -v b="$M_RPS_nginx_200" 'BEGIN {printf "%.2f", a/b}')
r304=$(awk -v a="$M_RPS_server_304" -v b="$M_RPS_nginx_304" 'BEGIN {printf "%.2f", a/b}')
goal() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN {print ((op==">=" ? v>=g : v<=g) ? "pass" : "miss")}'; }
g304=$(goal "$r304" 0.75 ">="); g200=$(goal "$r200" 0.50 ">=")
gp99=$(goal "$(printf '%s\n%s\n' "$M_P99_server_200" "$M_P99_server_304" | sort -g | tail -1)" 5 "<=")
echo
echo "ratio server/nginx: 200 = $r200 (goal >= 0.50: $g200), 304 = $r304 (goal >= 0.75: $g304); p99 <= 5 ms: $gp99"
echo "$summary ratio_200=$r200 ratio_304=$r304 goal_200=$g200 goal_304=$g304 goal_p99=$gp99"
