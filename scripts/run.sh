#!/usr/bin/env bash
# make run: starts the list server on the embedded database (SQLite under ./data), publishes the
# default list if the server does not have this version yet, and prints where everything is.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=backend/target/wedgewatch.jar
PORT=${PORT:-8080}
DATA=${DATA:-data}
LIST=lists/coalition-defense.txt
BASE="http://127.0.0.1:$PORT"
TOKEN_FILE="$DATA/run-token"

scripts/deps.sh curl
mkdir -p "$DATA"
java -jar "$JAR" serve --init-keys --port "$PORT" --data "$DATA" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 100); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "the server did not start:"; cat "$DATA/server.log"; exit 1; }
  sleep 0.2
done
curl -fs "$BASE/health" > /dev/null || { echo "the server did not answer on $BASE"; cat "$DATA/server.log"; exit 1; }

id=$(sed -n 's/^! Id: *//p' "$LIST" | head -1 | tr -d '\r')
want=$(sed -n 's/^! Version: *//p' "$LIST" | head -1 | tr -d '\r')
have=$(curl -fs "$BASE/api/v1/lists/$id/versions" | sed -n 's/.*"versions":\[{"version":\([0-9]*\).*/\1/p' || true)
# A local admin token of the default list's group, kept owner-only next to the database: it
# publishes the default list and signs in to the maintainer console.
if [ ! -s "$TOKEN_FILE" ]; then
  (umask 077; java -jar "$JAR" token create --group wedgewatch --label "make run" --data "$DATA" \
    | sed -n 's/^token: *//p' > "$TOKEN_FILE")
fi
if [ -z "$have" ] || [ "$have" -lt "$want" ]; then
  java -jar "$JAR" publish --server "$BASE" --token "$(cat "$TOKEN_FILE")" "$LIST"
else
  echo "$id version $have is already published"
fi

cat <<INFO

Wedgewatch list server: $BASE   (database: $DATA/wedgewatch.db, signing keys: $DATA/keys, log: $DATA/server.log)
  in a browser:  $BASE/                  the catalogue; click a list for its rules, history and how to subscribe
  maintainers:   $BASE/console           sign in with the token in $TOKEN_FILE
  default list:  $BASE/api/v1/lists/$id
  catalogue:     $BASE/api/v1/lists
  signing keys:  $BASE/api/v1/keys        API description: $BASE/openapi.json

Load the extension (built by this command; the default list is inside, no server needed):
  Chrome:  open chrome://extensions, turn on "Developer mode", "Load unpacked", choose $PWD/extension/target/chrome
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on...", choose $PWD/extension/target/firefox/manifest.json
  To follow this server's copy of the list: extension options, "Add a list", $BASE/api/v1/lists/$id

Ctrl-C stops the server.
INFO
wait $SERVER
