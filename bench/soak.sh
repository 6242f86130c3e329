#!/usr/bin/env bash
# The soak test: 64 connections for 5 minutes against the production server (gunicorn
# with deploy/gunicorn.conf.py, PostgreSQL and Redis), on 100,000 news items. It passes
# when wrk saw no error at all (no socket error, no status of 400 or more) and the
# workers' memory did not grow between the end of the first minute and the end.
#
#   bench/soak.sh                  BENCH_SOAK_DURATION=300 BENCH_SOAK_CONNECTIONS=64
#
# Loopback only, bounded by its duration; everything it starts is stopped at exit, and its
# scratch database (presscenter_bench_soak) dropped. The result goes to stdout and to
# bench/results/soak-<UTC time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="$ROOT/.venv/bin"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB=presscenter_bench_soak
REDIS="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/4}"
PORT="${BENCH_APP_PORT:-8792}"
DURATION="${BENCH_SOAK_DURATION:-300}"
CONNECTIONS="${BENCH_SOAK_CONNECTIONS:-64}"
ITEMS="${BENCH_SOAK_ITEMS:-100000}"
# Memory may settle during the first minute (imports, caches); after it, growth beyond
# this many MiB per worker fails the soak.
ALLOWED_GROWTH_MIB="${BENCH_SOAK_GROWTH_MIB:-10}"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
RESULTS="$ROOT/bench/results/soak-$STAMP.md"
TMP="$(mktemp -d -t presscenter-soak.XXXXXX)"
GUNICORN_PID=""

for tool in psql redis-cli wrk curl; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y wrk)" >&2; exit 1; }
done

cleanup() {
  local rc=$?
  if [[ -n "$GUNICORN_PID" ]]; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$GUNICORN_PID" 2>/dev/null || true
  fi
  redis-cli -u "$REDIS" FLUSHDB >/dev/null 2>&1 || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '==> [%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

unset DJANGO_DEBUG
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB" REDIS_URL="$REDIS"
export DJANGO_SECRET_KEY="soak-$STAMP-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_HTTPS=0 DJANGO_LOG_LEVEL=WARNING
export STATIC_ROOT="$TMP/static" MEDIA_ROOT="$TMP/media"
export GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS="${BENCH_WORKERS:-$((2 * $(nproc)))}"
export GUNICORN_CONTROL_SOCKET="$TMP/gunicorn.ctl" GUNICORN_LOG_LEVEL=warning
export GUNICORN_ACCESS_LOG=/dev/null

log "database $DB with the demo content and $ITEMS items"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
redis-cli -u "$REDIS" FLUSHDB >/dev/null
"$VENV/python" manage.py migrate --no-input -v 0
"$VENV/python" manage.py load_demo >/dev/null
psql -q -X -v ON_ERROR_STOP=1 -d "$DB" -v first=1 -v last="$ITEMS" -f bench/synthetic.sql >/dev/null
psql -q -X -d "$DB" -c "VACUUM ANALYZE" >/dev/null
"$VENV/python" manage.py collectstatic --no-input -v 0

log "gunicorn on 127.0.0.1:$PORT"
setsid "$VENV/gunicorn" presscenter.wsgi -c deploy/gunicorn.conf.py >>"$TMP/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
for i in $(seq 1 120); do
  curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$GUNICORN_PID" 2>/dev/null && [[ $i -lt 120 ]] || { echo "gunicorn did not start" >&2; exit 1; }
  sleep 0.5
done

worker_rss_mib() {  # the workers' resident memory, MiB, one number per worker
  pgrep -P "$GUNICORN_PID" | xargs -r ps -o rss= -p | awk '{printf "%d ", $1 / 1024}'
}

log "wrk: $CONNECTIONS connections for $DURATION s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s bench/soak.lua \
  "http://127.0.0.1:$PORT" >"$TMP/wrk.txt" 2>&1 &
WRK_PID=$!
: >"$TMP/memory.txt"
for second in $(seq 10 10 "$DURATION"); do
  sleep 10
  echo "$second $(worker_rss_mib)" >>"$TMP/memory.txt"
done
wait "$WRK_PID"

# Memory at the end of the first minute and at the end, summed over the workers (a
# worker restarted by max_requests would show as a drop, not a growth).
first="$(awk '$1 == 60 {s = 0; for (i = 2; i <= NF; i++) s += $i; print s}' "$TMP/memory.txt")"
last="$(tail -n 1 "$TMP/memory.txt" | awk '{s = 0; for (i = 2; i <= NF; i++) s += $i; print s}')"
workers="$(tail -n 1 "$TMP/memory.txt" | awk '{print NF - 1}')"
requests="$(awk '/requests in/ {print $1}' "$TMP/wrk.txt")"
rps="$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk.txt")"
p50="$(awk '$1 == "50%" {print $2}' "$TMP/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$TMP/wrk.txt")"
socket_errors="$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' "$TMP/wrk.txt")"
bad_status="$(awk '/Non-2xx or 3xx/ {print $NF}' "$TMP/wrk.txt")"
socket_errors="${socket_errors:-0}" bad_status="${bad_status:-0}"
timeouts="$(grep -c 'WORKER TIMEOUT' "$TMP/gunicorn.log" || true)"
growth=$(( last - first ))
allowed=$(( ALLOWED_GROWTH_MIB * workers ))
verdict=passed
[[ "$socket_errors" == 0 && "$bad_status" == 0 && "$timeouts" == 0 && "$growth" -le "$allowed" ]] \
  || verdict=failed

mkdir -p "$(dirname "$RESULTS")"
{
  echo "# Soak, $(date -u '+%Y-%m-%d %H:%M') UTC: $verdict"
  echo
  echo "Code at $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores;" \
       "$workers gunicorn workers; $ITEMS items; $CONNECTIONS connections for $DURATION s."
  echo
  echo "| requests | req/s | p50 | p99 | socket errors | status ≥ 400 | worker timeouts | workers' memory at 1 min → end |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  echo "| $requests | $rps | $p50 | $p99 | $socket_errors | $bad_status | $timeouts | $first → $last MiB |"
  echo
  echo "Memory per worker every 10 s (MiB):"
  echo
  sed 's/^/    /' "$TMP/memory.txt"
} | tee "$RESULTS"
[[ "$verdict" == passed ]]
