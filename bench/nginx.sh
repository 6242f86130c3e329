#!/usr/bin/env bash
# Run deploy/nginx/presscenter.conf unprivileged-style, in a directory of its own: a
# small nginx.conf (pid file, logs, temp and cache paths all inside DIR) includes a copy
# of the production file in which only the addresses and paths are replaced.
#
#   bench/nginx.sh render DIR LISTEN UPSTREAM STATIC_ROOT MEDIA_ROOT
#       writes DIR/nginx.conf and DIR/presscenter.conf, and checks them with nginx -t;
#       then: nginx -p DIR -c DIR/nginx.conf -e DIR/error.log -g 'daemon off;'
#   bench/nginx.sh check
#       the same into a temporary directory, for a syntax check of the production file
#       after an edit (needs Debian's nginx: apt-get install nginx).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SOURCE="$HERE/../deploy/nginx/presscenter.conf"

render() {
  local dir="$1" listen="$2" upstream="$3" static_root="$4" media_root="$5"
  mkdir -p "$dir/cache" "$dir/temp"
  # Each replaced line must exist in the production file: a renamed path there fails
  # here instead of silently benchmarking another configuration.
  local patterns=(
    "listen 80;"
    "listen \[::\]:80;"
    "server 127.0.0.1:8000;"
    "/var/cache/nginx/presscenter "
    "alias /srv/presscenter/static/;"
    "alias /srv/presscenter/media/;"
  )
  for pattern in "${patterns[@]}"; do
    grep -q -- "$pattern" "$SOURCE" || { echo "nginx.sh: '$pattern' not in $SOURCE" >&2; exit 1; }
  done
  sed -e "s|listen 80;|listen $listen;|" \
      -e "/listen \[::\]:80;/d" \
      -e "s|server 127.0.0.1:8000;|server $upstream;|" \
      -e "s|/var/cache/nginx/presscenter |$dir/cache |" \
      -e "s|alias /srv/presscenter/static/;|alias ${static_root%/}/;|" \
      -e "s|alias /srv/presscenter/media/;|alias ${media_root%/}/;|" \
      "$SOURCE" > "$dir/presscenter.conf"

  # Workers run as the user who starts nginx (root would otherwise hand them to nobody,
  # who cannot read a private temporary directory).
  cat > "$dir/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log $dir/access.log;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/presscenter.conf;
}
EOF
  local out
  if ! out="$(nginx -t -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" 2>&1)"; then
    printf '%s\n' "$out" >&2
    return 1
  fi
}

case "${1:-}" in
  render)
    [[ $# -eq 6 ]] || { echo "usage: $0 render DIR LISTEN UPSTREAM STATIC_ROOT MEDIA_ROOT" >&2; exit 2; }
    render "$2" "$3" "$4" "$5" "$6"
    ;;
  check)
    command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 1; }
    tmp="$(mktemp -d -t presscenter-nginx.XXXXXX)"
    trap 'rm -rf "$tmp"' EXIT
    render "$tmp" 127.0.0.1:8791 127.0.0.1:8790 "$tmp/static" "$tmp/media"
    echo "deploy/nginx/presscenter.conf: syntax is ok (nginx -t)"
    ;;
  *)
    echo "usage: $0 render DIR LISTEN UPSTREAM STATIC_ROOT MEDIA_ROOT | $0 check" >&2
    exit 2
    ;;
esac
