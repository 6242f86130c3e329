#!/usr/bin/env bash
# The serving benchmark: the public pages at 1,000, 100,000 and 1,000,000 news items,
# served the production way (gunicorn with deploy/gunicorn.conf.py, Redis, and nginx with
# deploy/nginx/presscenter.conf), each next to a yardstick measured in the same run.
# How to run it and how to read it: bench/README.md.
#
#   bench/run.sh [SIZE ...]        sizes in increasing order; default 1000 100000 1000000
#
# Environment (all optional):
#   PGHOST PGPORT PGUSER   PostgreSQL (default 127.0.0.1, 5432, postgres; trust auth)
#   BENCH_DB               scratch database, presscenter_bench* (default presscenter_bench);
#                          dropped and created again, dropped at exit unless BENCH_KEEP_DB=1
#   BENCH_REDIS_URL        Redis database for the page cache, flushed before each size and
#                          at exit (default redis://127.0.0.1:6379/3)
#   BENCH_APP_PORT         gunicorn (default 8790)     BENCH_NGINX_PORT  nginx (default 8791)
#   BENCH_WORKERS          gunicorn workers (default 2 x cores)
#   BENCH_CONNECTIONS      wrk connections (default 32; 2 threads)
#   BENCH_DURATION         wrk run for pages rendered on every request (default 10s)
#   BENCH_SHORT_DURATION   wrk run for cache hits, nginx and the yardsticks (default 5s)
#   BENCH_SLOW_MS          a page whose one request takes longer is not loaded with wrk
#                          when missed (default 5000): the run would only queue requests
#   BENCH_RESULTS          the results file (default bench/results/<UTC time>.md; the raw
#                          wrk outputs and the EXPLAIN plans go in a folder beside it)
#
# Loopback only; every load run is bounded by its duration. Everything started here is
# stopped at exit (trap), whatever the outcome.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="$ROOT/.venv/bin"

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000 100000 1000000)
previous=0
for size in "${SIZES[@]}"; do
  [[ "$size" =~ ^[0-9]+$ && "$size" -gt "$previous" ]] \
    || { echo "usage: $0 [SIZE ...]  (synthetic items, increasing)" >&2; exit 2; }
  previous="$size"
done

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-presscenter_bench}"
[[ "$DB" == presscenter_bench* ]] || { echo "BENCH_DB must start with presscenter_bench" >&2; exit 2; }
BENCH_REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}"
APP_PORT="${BENCH_APP_PORT:-8790}"
NGINX_PORT="${BENCH_NGINX_PORT:-8791}"
APP="http://127.0.0.1:$APP_PORT"
PROXY="http://127.0.0.1:$NGINX_PORT"
WORKERS="${BENCH_WORKERS:-$((2 * $(nproc)))}"
THREADS=2
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
DURATION="${BENCH_DURATION:-10s}"
SHORT="${BENCH_SHORT_DURATION:-5s}"
SLOW_MS="${BENCH_SLOW_MS:-5000}"
SEARCH_WORD=Dushanbe   # in one synthetic item in six (bench/synthetic.sql)
STAMP="$(date -u +%Y%m%d-%H%M%S)"
RESULTS="${BENCH_RESULTS:-$ROOT/bench/results/$STAMP.md}"
RAW="${RESULTS%.md}"

for tool in psql redis-cli wrk curl nginx; do
  command -v "$tool" >/dev/null \
    || { echo "missing: $tool (Debian: apt-get install -y wrk nginx redis-tools postgresql-client)" >&2; exit 1; }
done
[[ -x "$VENV/gunicorn" ]] || { echo "missing: $VENV/gunicorn (make install)" >&2; exit 1; }
for url in "$APP" "$PROXY"; do
  if curl -s -o /dev/null --max-time 2 "$url/"; then
    echo "something already listens on ${url#http://}; stop it or choose other BENCH_*_PORT" >&2
    exit 1
  fi
done
redis-cli -u "$BENCH_REDIS_URL" PING >/dev/null || { echo "Redis at $BENCH_REDIS_URL does not answer" >&2; exit 1; }

TMP="$(mktemp -d -t presscenter-bench.XXXXXX)"
GUNICORN_PID=""
NGINX_PID=""
STARTED_AT="$(date +%s)"

# Both servers run in a process group of their own (setsid), led by their master, so
# that stopping one also ends any worker its master left behind.
stop_group() {  # PID SIGNAL: the signal to the master, up to 10 s, then KILL to the group
  local pid="$1"
  [[ -n "$pid" ]] || return 0
  kill -"$2" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_gunicorn() { stop_group "$GUNICORN_PID" QUIT; GUNICORN_PID=""; }  # QUIT: at once
stop_nginx() { stop_group "$NGINX_PID" TERM; NGINX_PID=""; }             # TERM: at once
stop_servers() { stop_nginx; stop_gunicorn; }

cleanup() {
  local rc=$?
  stop_servers
  redis-cli -u "$BENCH_REDIS_URL" FLUSHDB >/dev/null 2>&1 || true
  if [[ "${BENCH_KEEP_DB:-0}" == 1 ]]; then
    echo "kept database $DB (BENCH_KEEP_DB=1); drop it with: dropdb $DB" >&2
  else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 \
      || echo "warning: could not drop database $DB" >&2
  fi
  cp "$TMP/gunicorn.log" "$RAW/gunicorn.log" 2>/dev/null || true
  cp "$TMP/nginx/error.log" "$RAW/nginx-error.log" 2>/dev/null || true
  if [[ $rc -ne 0 && -d "$TMP" ]]; then
    echo "bench: stopped with status $rc; the servers' last log lines:" >&2
    tail -n 20 "$TMP"/gunicorn.log "$TMP"/nginx/error.log >&2 2>/dev/null || true
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '==> [%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

# The project's production settings (no DJANGO_DEBUG), plus /bench/trivial (bench/urls.py).
# Cookies are not Secure because everything here is plain http on loopback.
unset DJANGO_DEBUG
export DJANGO_SETTINGS_MODULE=bench.settings
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
export REDIS_URL="$BENCH_REDIS_URL"
export DJANGO_SECRET_KEY="bench-$STAMP"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_COOKIES=0
export DJANGO_LOG_LEVEL=WARNING
export STATIC_ROOT="$TMP/static" MEDIA_ROOT="$TMP/media"
export GUNICORN_BIND="127.0.0.1:$APP_PORT" GUNICORN_WORKERS="$WORKERS"
export GUNICORN_ACCESS_LOG="$TMP/access.log" GUNICORN_CONTROL_SOCKET="$TMP/gunicorn.ctl"
export GUNICORN_LOG_LEVEL=warning
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -d "$DB")
mkdir -p "$RAW" "$(dirname "$RESULTS")"

# -- Servers ------------------------------------------------------------------------------

start_gunicorn() {
  setsid "$VENV/gunicorn" presscenter.wsgi -c deploy/gunicorn.conf.py --pythonpath "$ROOT" \
    >>"$TMP/gunicorn.log" 2>&1 &
  GUNICORN_PID=$!
  for i in $(seq 1 120); do
    curl -sf -o /dev/null --max-time 2 "$APP/healthz" && break
    kill -0 "$GUNICORN_PID" 2>/dev/null && [[ $i -lt 120 ]] || die "gunicorn did not start"
    sleep 0.5
  done
}

start_servers() {
  start_gunicorn
  rm -rf "$TMP/nginx/cache" && mkdir -p "$TMP/nginx/cache"
  setsid nginx -p "$TMP/nginx/" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" \
    -g 'daemon off;' >>"$TMP/nginx/out.log" 2>&1 &
  NGINX_PID=$!
  for i in $(seq 1 50); do
    curl -sf -o /dev/null --max-time 2 "$PROXY/static/bench.txt" && break
    kill -0 "$NGINX_PID" 2>/dev/null && [[ $i -lt 50 ]] || die "nginx did not start"
    sleep 0.2
  done
}

# Requests that wrk abandoned at the end of a run still wait in gunicorn's queue: wait
# until every worker answers the trivial view at once, twice in a row. A queue of slow
# pages that does not empty within a minute is cut short: gunicorn starts afresh.
drain() {
  local calm=0 started elapsed deadline=$(( $(date +%s) + 60 ))
  while [[ $(date +%s) -lt $deadline ]]; do
    started="$(date +%s%N)"
    seq "$WORKERS" | xargs -P "$WORKERS" -I{} \
      curl -s -o /dev/null --max-time 30 "$APP/bench/trivial" || true
    elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
    if [[ $elapsed -lt 1000 ]]; then calm=$((calm + 1)); else calm=0; fi
    [[ $calm -ge 2 ]] && return 0
  done
  log "gunicorn still busy a minute after the run: restarting it"
  echo "- $SIZE_LABEL items, $CURRENT: gunicorn was still busy a minute after the run and was restarted (the requests it still held were cut off)" >>"$EVENTS"
  stop_gunicorn
  start_gunicorn
}

# Each worker renders the page once (templates compiled, connections open), then one
# request alone: its time in ms goes to ALONE_MS.
warm_and_time() {  # URL-with-?-or-&
  seq "$WORKERS" | xargs -P "$WORKERS" -I{} \
    curl -s -o /dev/null --max-time 60 "${1}bench=warm-$RANDOM-{}" || true
  local timing
  timing="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 "${1}bench=alone-$RANDOM" || true)"
  ALONE_STATUS="${timing%% *}"
  ALONE_MS="$(awk -v t="${timing#* }" 'BEGIN { ms = t * 1000; printf (ms < 10 ? "%.1f" : "%.0f"), ms }')"
}

# -- Measuring ----------------------------------------------------------------------------

HEADERS="$TMP/headers"
get() {  # URL [curl options]: the status; headers in $HEADERS, body in $TMP/body
  curl -s -o "$TMP/body" -D "$HEADERS" -w '%{http_code}' --max-time 120 "$@"
}
header() {  # NAME: its value in the last response of get()
  tr -d '\r' <"$HEADERS" | grep -i "^$1:" | tail -n 1 | cut -d' ' -f2- || true
}

to_ms() {  # wrk's "850.00us", "12.34ms", "1.20s", "1.10m" as milliseconds
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); ms = v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); ms = v }
    else if (v ~ /m$/) { sub(/m$/, "", v); ms = v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); ms = v * 1000 }
    else { print "?"; exit }
    printf (ms < 10 ? "%.1f" : "%.0f"), ms
  }'
}

RUN=0
# wrk DURATION URL [-s script -- args]: sets W_RPS W_P50 W_P99 W_REQ W_ERR W_CACHE.
measure() {
  local duration="$1" url="$2" out
  shift 2
  RUN=$((RUN + 1))
  local lua=()
  [[ $# -gt 0 ]] && lua=("$@")
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 30s --latency)
  if [[ ${#lua[@]} -gt 0 ]]; then
    out="$(wrk "${args[@]}" -s "${lua[0]}" "$url" "${lua[@]:1}")"
  else
    out="$(wrk "${args[@]}" "$url")"
  fi
  printf '# wrk %s %s\n%s\n' "${args[*]}" "$url" "$out" >"$RAW/$(printf '%03d' "$RUN").txt"
  W_RPS="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  W_P50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  W_P99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  W_REQ="$(awk '/requests in/ {print $1}' <<<"$out")"
  local non2xx sockets
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  sockets="$(awk '/Socket errors:/ { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i; print n }' <<<"$out")"
  W_ERR=$(( ${non2xx:-0} + ${sockets:-0} ))
  W_CACHE="$(awk '/^X-Page-Cache:/ {print $2, $3, $4}' <<<"$out")"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) { print "?"; exit } r = a / b; printf (r >= 0.1 ? "%.2f" : "%.3f"), r }'; }

# One table cell group: req/s | x yardstick | p50 / p99 ms. Few responses are counted.
cells() {  # RPS BASE P50 P99 ERRORS [NOTE]
  local rps="$1" base="$2" note="${6:-}"
  [[ "${W_REQ:-0}" -lt 100 ]] && note="$note ${W_REQ:-0} responses"
  [[ "$5" -gt 0 ]] && note="$note, $5 errors"
  note="${note# }"; note="${note#, }"
  if [[ "${W_REQ:-0}" -eq 0 ]]; then
    printf '0 (no response in the run) | 0 | — '
  else
    printf '%s%s | %s | %s / %s' "$rps" "${note:+ (${note})}" "$(ratio "$rps" "$base")" "$3" "$4"
  fi
}
EMPTY_CELLS='— | | '

TABLE="$TMP/table.md"
EVENTS="$TMP/events.md"
: >"$EVENTS"
CURRENT="yardsticks"
CHECKS="$TMP/checks.md"
: >"$TABLE"
: >"$CHECKS"
check() {  # DESCRIPTION CONDITION-RESULT(0/1)
  if [[ "$2" == 0 ]]; then echo "- ok: $1" >>"$CHECKS"; else echo "- FAILED: $1" >>"$CHECKS"; FAILED=1; fi
}
FAILED=0

# One page at one size: rendered on every request (page cache missed), from the page cache
# (hit), and through the nginx micro-cache.
bench_page() {
  local label="$1" path="$2" miss hit proxy status token
  CURRENT="$label"
  token="$(date +%s%N)"

  # Missed: every request carries a new ?bench= value (bench/miss.lua).
  local sep="?"; [[ "$path" == *\?* ]] && sep="&"
  status="$(get "$APP$path${sep}bench=check-$token")"
  warm_and_time "$APP$path$sep"
  if [[ "$status" != 200 || "$(header X-Page-Cache)" != miss || "$ALONE_STATUS" != 200 ]]; then
    miss="— | — (status $status/$ALONE_STATUS, X-Page-Cache: $(header X-Page-Cache)) | | "
  elif [[ "${ALONE_MS%.*}" -gt "$SLOW_MS" ]]; then
    log "$label: one request takes $ALONE_MS ms: not loaded"
    miss="$ALONE_MS | — (too slow to load) | | "
  else
    log "$label: page cache missed, $DURATION"
    measure "$DURATION" "$APP$path" bench/miss.lua -- "$token"
    local note=""
    [[ "$W_CACHE" == "hit=0 "* ]] || note="X-Page-Cache $W_CACHE"
    miss="$ALONE_MS | $(cells "$W_RPS" "$TRIVIAL_RPS" "$W_P50" "$W_P99" "$W_ERR" "$note")"
    drain
  fi

  # Hit: one request stores the page, the next must be served from the store.
  get "$APP$path" >/dev/null
  status="$(get "$APP$path")"
  if [[ "$status" != 200 || "$(header X-Page-Cache)" != hit ]]; then
    hit="— (not stored: X-Page-Cache: $(header X-Page-Cache)) | | "
  else
    log "$label: page cache hit, $SHORT"
    measure "$SHORT" "$APP$path"
    hit="$(cells "$W_RPS" "$TRIVIAL_RPS" "$W_P50" "$W_P99" "$W_ERR")"
    drain
  fi

  # nginx: the first request fills the micro-cache, the next must be a HIT.
  get "$PROXY$path" >/dev/null
  status="$(get "$PROXY$path")"
  if [[ "$status" != 200 || "$(header X-Micro-Cache)" != HIT ]]; then
    proxy="— (X-Micro-Cache: $(header X-Micro-Cache)) | | "
  else
    log "$label: nginx micro-cache, $SHORT"
    measure "$SHORT" "$PROXY$path"
    proxy="$(cells "$W_RPS" "$STATIC_RPS" "$W_P50" "$W_P99" "$W_ERR")"
    drain
  fi
  printf '| %s | %s `%s` | %s | %s | %s |\n' "$SIZE_LABEL" "$label" "$path" "$miss" "$hit" "$proxy" >>"$TABLE"
}

# What the nginx configuration promises, checked against the running servers (once).
nginx_checks() {
  local status
  status="$(get "$PROXY/news/")"; get "$PROXY/news/" >/dev/null
  check "nginx answers /news/ from the micro-cache the second time (X-Micro-Cache: $(header X-Micro-Cache))" \
    "$([[ "$status" == 200 && "$(header X-Micro-Cache)" == HIT ]]; echo $?)"
  get "$PROXY/news/" -H 'Cookie: sessionid=bench' >/dev/null
  check "a request with the session cookie bypasses it (X-Micro-Cache: $(header X-Micro-Cache))" \
    "$([[ "$(header X-Micro-Cache)" == BYPASS ]]; echo $?)"
  status="$(get "$PROXY/admin/login/")"
  check "/admin/ is proxied without the micro-cache (status $status, no X-Micro-Cache)" \
    "$([[ "$status" == 200 && -z "$(header X-Micro-Cache)" ]]; echo $?)"
  local hashed
  hashed="$(cd "$STATIC_ROOT" && ls css/ | grep -E '^site\.[0-9a-f]{12}\.css$' | head -n 1 || true)"
  hashed="css/$hashed"
  status="$(get "$PROXY/static/$hashed")"
  check "a hashed static file is cached for a year (Cache-Control: $(header Cache-Control))" \
    "$([[ "$status" == 200 && "$(header Cache-Control)" == *immutable* ]]; echo $?)"
  status="$(get "$PROXY/media/news/files/2024/07/communique.pdf")"
  check "an attachment downloads (Content-Disposition: $(header Content-Disposition)), sandboxed, not sniffed" \
    "$([[ "$status" == 200 && "$(header Content-Disposition)" == attachment \
          && "$(header Content-Security-Policy)" == "default-src 'none'; sandbox" \
          && "$(header X-Content-Type-Options)" == nosniff ]]; echo $?)"
  status="$(get "$PROXY/media/news/2024/07/briefing.html")"
  check "any other upload downloads too (Content-Disposition: $(header Content-Disposition)), sandboxed, not sniffed" \
    "$([[ "$status" == 200 && "$(header Content-Disposition)" == attachment \
          && "$(header Content-Security-Policy)" == "default-src 'none'; sandbox" \
          && "$(header X-Content-Type-Options)" == nosniff ]]; echo $?)"
  status="$(get "$PROXY/media/news/2024/07/photo.png")"
  check "an image is shown inline, sandboxed and not sniffed" \
    "$([[ "$status" == 200 && -z "$(header Content-Disposition)" \
          && "$(header Content-Security-Policy)" == "default-src 'none'; sandbox" \
          && "$(header X-Content-Type-Options)" == nosniff ]]; echo $?)"

  # A publication reaches readers of the micro-cached list within its 5 seconds.
  local title="Bench publication $STAMP"
  get "$PROXY/news/" >/dev/null
  "$VENV/python" manage.py shell -c "
from django.utils import timezone
from news.models import NewsItem, Section
NewsItem.objects.create(title_en='$title', title='$title', slug='bench-publication',
    section=Section.objects.order_by('order').first(), status='published',
    published_at=timezone.now())" >/dev/null
  local published_at seen=""
  published_at="$(date +%s%N)"
  for _ in $(seq 1 40); do
    get "$PROXY/news/" >/dev/null
    if grep -q "$title" "$TMP/body"; then seen="$(( ($(date +%s%N) - published_at) / 1000000 ))"; break; fi
    sleep 0.25
  done
  check "a new item appears on /news/ through nginx within 5 s + one refresh (seen after ${seen:-never} ms)" \
    "$([[ -n "$seen" && "$seen" -le 6500 ]]; echo $?)"
  "$VENV/python" manage.py shell -c "
from news.models import NewsItem
NewsItem.objects.filter(slug='bench-publication').delete()" >/dev/null
}

# -- The run ------------------------------------------------------------------------------

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
REVISION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]] || REVISION="$REVISION + uncommitted changes"
log "database $DB (created afresh), migrate, demo content, collectstatic"
psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -q -X -d postgres -c "CREATE DATABASE $DB" >/dev/null
"$VENV/python" manage.py migrate --no-input -v 0
"$VENV/python" manage.py load_demo >/dev/null
"$VENV/python" manage.py collectstatic --no-input -v 0
mkdir -p "$STATIC_ROOT/bench" "$MEDIA_ROOT/news/files/2024/07" "$MEDIA_ROOT/news/2024/07"
printf 'ok\n' >"$STATIC_ROOT/bench.txt"
printf '%%PDF-1.4\n%%bench\n' >"$MEDIA_ROOT/news/files/2024/07/communique.pdf"
printf '<script>alert(1)</script>\n' >"$MEDIA_ROOT/news/2024/07/briefing.html"
printf '\x89PNG\r\n\x1a\n' >"$MEDIA_ROOT/news/2024/07/photo.png"
bench/nginx.sh render "$TMP/nginx" "127.0.0.1:$NGINX_PORT" "127.0.0.1:$APP_PORT" \
  "$STATIC_ROOT" "$MEDIA_ROOT"

generated=0
for SIZE in "${SIZES[@]}"; do
  SIZE_LABEL="$(sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta' <<<"$SIZE")"
  log "items $((generated + 1))..$SIZE (bench/synthetic.sql), VACUUM ANALYZE"
  t0="$(date +%s)"
  "${PSQL[@]}" -v first=$((generated + 1)) -v last="$SIZE" -f bench/synthetic.sql >/dev/null
  generated="$SIZE"
  t1="$(date +%s)"
  "${PSQL[@]}" -c "VACUUM ANALYZE" >/dev/null
  t2="$(date +%s)"
  echo "- $SIZE_LABEL items: written in $((t1 - t0)) s, VACUUM ANALYZE $((t2 - t1)) s" >>"$TMP/timings.md"

  redis-cli -u "$BENCH_REDIS_URL" FLUSHDB >/dev/null
  start_servers
  [[ "$SIZE" == "${SIZES[0]}" ]] && nginx_checks

  PUBLISHED="$("${PSQL[@]}" -tA -c "SELECT count(*) FROM news_newsitem
    WHERE status = 'published' AND title_en > '' AND published_at <= now()")"
  ITEM="$("${PSQL[@]}" -tA -c "SELECT '/news/' || s.slug || '/' || n.slug || '/'
    FROM news_newsitem n JOIN news_section s ON s.id = n.section_id
    WHERE n.slug = 'synthetic-$(( (SIZE + 1) / 2 ))'")"
  [[ -n "$ITEM" ]] || die "no item synthetic-$(( (SIZE + 1) / 2 ))"

  # The yardsticks: the trivial Django view, and nginx sending a 3-byte static file.
  status="$(get "$APP/bench/trivial")"
  [[ "$status" == 200 ]] || die "/bench/trivial answered $status"
  warm_and_time "$APP/bench/trivial?"
  log "$SIZE_LABEL items ($PUBLISHED published in English): /bench/trivial, $DURATION"
  measure "$DURATION" "$APP/bench/trivial"
  TRIVIAL_RPS="$W_RPS"
  trivial="$ALONE_MS | $(cells "$W_RPS" "$TRIVIAL_RPS" "$W_P50" "$W_P99" "$W_ERR")"
  drain
  measure "$SHORT" "$PROXY/static/bench.txt"
  STATIC_RPS="$W_RPS"
  static="$(cells "$W_RPS" "$STATIC_RPS" "$W_P50" "$W_P99" "$W_ERR")"
  printf '| %s | **trivial view** `/bench/trivial` | %s | %s | %s |\n' \
    "$SIZE_LABEL" "$trivial" "$EMPTY_CELLS" "$EMPTY_CELLS" >>"$TABLE"
  printf '| %s | **static file** `/static/bench.txt` | %s | %s | %s |\n' \
    "$SIZE_LABEL" "— | $EMPTY_CELLS" "$EMPTY_CELLS" "$static" >>"$TABLE"

  bench_page "home" "/"
  bench_page "list" "/news/"
  if [[ $(( (PUBLISHED + 19) / 20 )) -ge 10000 ]]; then
    bench_page "page 10,000" "/news/?page=10000"
  fi
  bench_page "item" "$ITEM"
  bench_page "search" "/news/?q=$SEARCH_WORD"
  bench_page "Atom feed" "/news/feed/atom/"
  bench_page "calendar" "/events/calendar.ics"
  bench_page "sitemap page" "/sitemap-news.xml?p=1"
  stop_servers
done

LARGEST="${SIZES[-1]}"
if [[ "$LARGEST" -ge 1000000 || -n "${BENCH_EXPLAIN:-}" ]]; then
  log "EXPLAIN (ANALYZE, BUFFERS) at $LARGEST items -> $RAW/explain.md"
  "$VENV/python" bench/explain.py >"$RAW/explain.md"
fi

# -- Report -------------------------------------------------------------------------------

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
MINUTES="$(( ($(date +%s) - STARTED_AT + 30) / 60 ))"
CPU="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
MEMORY="$(free -h | awk '/^Mem:/ {print $2}')"
VERSIONS="$("$VENV/python" -c 'import platform, django, gunicorn
print(f"Python {platform.python_version()}, Django {django.get_version()}, gunicorn {gunicorn.__version__}")')"
PG_VERSION="$(psql -X -tA -d postgres -c 'SHOW server_version' | cut -d' ' -f1)"
REDIS_VERSION="$(redis-cli -u "$BENCH_REDIS_URL" INFO server | tr -d '\r' | awk -F: '/^redis_version/ {print $2}')"
NGINX_VERSION="$(nginx -v 2>&1 | sed 's|.*nginx/||')"
WRK_VERSION="$(wrk -v 2>&1 | awk 'NR == 1 {sub(/^debian\//, "", $2); print $2}' || true)"

{
  echo "# Serving benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Code at $REVISION. $(nproc) cores ($CPU), $MEMORY memory; Debian $(cat /etc/debian_version),"
  echo "$VERSIONS (sync, $WORKERS workers), PostgreSQL $PG_VERSION, Redis $REDIS_VERSION,"
  echo "nginx $NGINX_VERSION (1 worker), wrk $WRK_VERSION -t$THREADS -c$CONNECTIONS: $DURATION for pages"
  echo "rendered on every request, $SHORT for cache hits, nginx and the static file. Load average"
  echo "$LOAD_BEFORE before, $LOAD_AFTER after. The whole run took $MINUTES min."
  echo
  echo "| Items | Page | Missed: one request, ms | Missed: req/s | × trivial | p50 / p99 ms | Hit: req/s | × trivial | p50 / p99 ms | nginx: req/s | × static | p50 / p99 ms |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$TABLE"
  echo
  echo "× trivial: the page's req/s over the trivial Django view's (\`/bench/trivial\`, same"
  echo "gunicorn, settings and middleware, same run); × static: over nginx sending a small"
  echo "static file. Missed: every request adds a new \`?bench=\` parameter (bench/miss.lua),"
  echo "so the page is rendered and stored each time; hit: the page was stored by one request"
  echo "first; nginx: the same URL through the micro-cache (checked to answer HIT first)."
  echo "Search is \`?q=$SEARCH_WORD\` (one item in six); the item is the middle one of the archive."
  echo
  echo "Data:"
  echo
  cat "$TMP/timings.md"
  echo
  echo "Checks of the nginx configuration (deploy/nginx/presscenter.conf):"
  echo
  cat "$CHECKS"
  if [[ -f "$RAW/explain.md" ]]; then
    echo
    echo "EXPLAIN (ANALYZE, BUFFERS) at $LARGEST items: $RAW/explain.md"
  fi
  TIMEOUTS="$(grep -c "WORKER TIMEOUT" "$TMP/gunicorn.log" || true)"
  FAILURES="$(grep -c "Error handling request" "$TMP/gunicorn.log" || true)"
  echo
  echo "Server events (logs: $RAW/gunicorn.log, nginx-error.log):"
  echo
  cat "$EVENTS"
  echo "- gunicorn: ${TIMEOUTS:-0} workers killed after ${GUNICORN_TIMEOUT:-30} s on one request (WORKER TIMEOUT), ${FAILURES:-0} requests ended with an error (including those cut off by a restart)"
} | tee "$RESULTS"
echo >&2
log "results: $RESULTS (raw wrk output in $RAW/)"
[[ "$FAILED" == 0 ]] || die "some checks failed (see above)"
