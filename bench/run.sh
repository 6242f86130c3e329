#!/usr/bin/env bash
# Repeatable benchmark of the public pages: SQL queries per page (in-process, Django test
# client) and throughput/latency under gunicorn (wrk), on a scratch PostgreSQL database
# holding the demo content plus N synthetic published news items.
#
#   bench/run.sh [N]          N defaults to 20000
#
# Environment (all optional):
#   PGHOST/PGPORT/PGUSER      PostgreSQL server (default 127.0.0.1:5432, postgres, trust auth)
#   BENCH_DURATION            wrk duration per page (default 10s)
#   BENCH_SQL_DIR             keep each page's captured SQL (slowest first) in this directory
#
# Everything it creates is temporary: the database presscenter_bench (dropped first if it
# exists, dropped again at exit), a temp dir for STATIC_ROOT/MEDIA_ROOT/logs, and the
# gunicorn process (stopped at exit). Loopback only.
set -euo pipefail

N="${1:-20000}"
[[ "$N" =~ ^[0-9]+$ ]] || { echo "usage: $0 [N]  (N = synthetic news items, default 20000)" >&2; exit 2; }

cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="$ROOT/.venv/bin"
PYTHON="$VENV/python"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB=presscenter_bench
BIND=127.0.0.1:8765
BASE_URL="http://$BIND"
DURATION="${BENCH_DURATION:-10s}"
THREADS=2
CONNECTIONS=8

PAGES=(
  "/"
  "/news/"
  "/news/?page=500"
  "/news/?q=Synthetic&kind=statement"
  "/news/secretary-general/"
  "/news/secretary-general/newly-appointed-secretary-general-presented/"
  "/events/"
  "/people/"
  "/people/imangali-tasmagambetov/"
  "/press/contacts/"
  "/ru/news/"
  "/news/feed/rss/"
  "/sitemap.xml"
  "/sitemap-news.xml"
  "/sitemap-news.xml?p=4"
)

for tool in psql wrk curl; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[[ -x "$VENV/gunicorn" ]] || { echo "missing: $VENV/gunicorn" >&2; exit 1; }
if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
  echo "something already listens on $BIND; stop it first" >&2
  exit 1
fi

TMP="$(mktemp -d -t presscenter-bench.XXXXXX)"
GUNICORN_PID=""

cleanup() {
  local rc=$?
  if [[ -n "$GUNICORN_PID" ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 \
    || echo "warning: could not drop database $DB" >&2
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '==> %s\n' "$*" >&2; }

# Production settings: no DJANGO_DEBUG, the secret key and host given, cookies not
# Secure because the benchmark talks plain HTTP on loopback.
unset DJANGO_DEBUG
export DJANGO_SETTINGS_MODULE=presscenter.settings
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
export DJANGO_SECRET_KEY=bench
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_COOKIES=0
export DJANGO_LOG_LEVEL=WARNING
export STATIC_ROOT="$TMP/static"
export MEDIA_ROOT="$TMP/media"
unset REDIS_URL

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "database $DB (recreated)"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null

log "migrate"
"$PYTHON" manage.py migrate --no-input -v 0
log "load_demo --synthetic $N"
"$PYTHON" manage.py load_demo --synthetic "$N" >&2
psql -q -d "$DB" -c "VACUUM ANALYZE" >/dev/null
log "collectstatic into $STATIC_ROOT"
"$PYTHON" manage.py collectstatic --no-input -v 0

log "SQL queries per page (in-process test client)"
SQL_ARGS=()
if [[ -n "${BENCH_SQL_DIR:-}" ]]; then
  mkdir -p "$BENCH_SQL_DIR"
  SQL_ARGS=(--sql "$BENCH_SQL_DIR")
fi
"$PYTHON" bench/pages.py "${SQL_ARGS[@]}" "${PAGES[@]}" > "$TMP/queries.tsv"

log "gunicorn on $BIND"
"$VENV/gunicorn" presscenter.wsgi -w 2 -b "$BIND" --timeout 60 \
  --error-logfile "$TMP/gunicorn.log" >"$TMP/gunicorn.out" 2>&1 &
GUNICORN_PID=$!
for i in $(seq 1 60); do
  if curl -sf -o /dev/null --max-time 2 "$BASE_URL/healthz"; then break; fi
  if ! kill -0 "$GUNICORN_PID" 2>/dev/null || [[ $i -eq 60 ]]; then
    echo "gunicorn did not become healthy:" >&2
    cat "$TMP/gunicorn.log" "$TMP/gunicorn.out" >&2 || true
    exit 1
  fi
  sleep 0.5
done

# wrk's latencies as milliseconds ("850.00us", "12.34ms", "1.20s").
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
    else printf "%s", v
  }'
}

: > "$TMP/wrk.tsv"
for page in "${PAGES[@]}"; do
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION $page"
  curl -s -o /dev/null --max-time 30 "$BASE_URL$page" || true  # warm both code paths
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency "$BASE_URL$page")"
  printf '%s\n' "$out" > "$TMP/wrk-$(echo "$page" | tr -c 'a-zA-Z0-9' '_').txt"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  total="$(awk '/requests in/ {print $1}' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  sockerr="$(awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}' <<<"$out")"
  errors=$(( ${non2xx:-0} + ${sockerr:-0} ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$page" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" \
    "$total" "$errors" >> "$TMP/wrk.tsv"
done

REVISION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -z "$(git status --porcelain 2>/dev/null)" ]] || REVISION="$REVISION + uncommitted changes"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
NEWS_COUNT="$(psql -qtA -d "$DB" -c "SELECT count(*) FROM news_newsitem")"

echo
echo "Results: $NEWS_COUNT news items in the database (N=$N synthetic), $(nproc) CPUs,"
echo "gunicorn -w 2 (sync), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(date -u '+%Y-%m-%d %H:%M UTC');"
echo "load average $LOAD_BEFORE before, $LOAD_AFTER after (the benchmark itself adds about 3;"
echo "other work on the machine skews the numbers); code at $REVISION."
echo
echo "| Page | Status | SQL queries | SQL ms | In-process ms | Bytes | req/s | p50 ms | p99 ms | Requests | Errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
# Join the two tables on the page path (same pages, same order).
paste "$TMP/queries.tsv" "$TMP/wrk.tsv" | awk -F'\t' '{
  if ($1 != $7) { print "page mismatch: " $1 " vs " $7 > "/dev/stderr"; exit 1 }
  flag = ($9 + 0 > 200 || $2 != 200 || $12 + 0 > 0) ? " **(!)**" : ""
  printf "| `%s`%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
    $1, flag, $2, $3, $4, $6, $5, $8, $9, $10, $11, $12
}'
echo
echo "SQL ms and In-process ms: medians of 5 requests through Django's test client, one at a"
echo "time (service time, no HTTP). req/s, p50, p99: wrk against gunicorn, 8 connections on"
echo "2 sync workers, so p50 includes waiting for a free worker (about 4 x the service time)."
echo "**(!)** = median over 200 ms, a non-200 status, or errors under load."
if cat "$TMP/gunicorn.log" "$TMP/gunicorn.out" 2>/dev/null | grep -qiE "error|exception|traceback"; then
  echo
  echo "gunicorn logged errors:"
  cat "$TMP/gunicorn.log" "$TMP/gunicorn.out" | grep -iE -m 20 "error|exception|traceback" || true
fi
