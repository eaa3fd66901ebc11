#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the storage and batch tests.
#   tests/pg/postgres.sh start   prints the connection URL on stdout
#   tests/pg/postgres.sh stop
#   tests/pg/postgres.sh url     prints the URL of the running server
# Uses Debian's postgresql package (native/setup.sh installs it). The cluster
# lives under $POWERDESK_PG_DIR (default /tmp/powerdesk-pg-$UID), listens on
# 127.0.0.1:$POWERDESK_PG_PORT (default 55432) only, and trusts loopback
# connections: it is a test fixture, never a deployment.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "postgres.sh: PostgreSQL is not installed (run native/setup.sh)" >&2; exit 1; }
dir=${POWERDESK_PG_DIR:-/tmp/powerdesk-pg-$(id -u)}
port=${POWERDESK_PG_PORT:-55432}
url="postgresql://postgres@127.0.0.1:$port/powerdesk_test"

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then echo "$url"; exit 0; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=on" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres powerdesk_test
    echo "$url"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
