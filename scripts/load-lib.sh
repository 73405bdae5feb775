# shellcheck shell=bash
# What scripts/load and scripts/soak share: wrk, a release server on a fresh database of
# either backend, its memory, and the projection lag it reports on /metrics.
# Sourced after lib.sh; the caller sets LOAD_TMP (a scratch folder) and traps load_cleanup.

ensure_wrk() { ensure_apt_command wrk; }

# The bearer token the measured server lets read /metrics.
LOAD_METRICS_TOKEN="load-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

# Starts target/release/server on a free port over DATABASE_URL $1; sets SERVER_PID, BASE.
# Extra environment (STAFF_ACCOUNTS=...) may follow the URL.
serve() {
    local database_url="$1" port
    shift
    port="$(free_port)"
    env DATABASE_URL="$database_url" LEPTOS_SITE_ADDR="127.0.0.1:$port" \
        LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=pizzeria LEPTOS_SITE_PKG_DIR=pkg \
        LEPTOS_ENV=PROD RUST_LOG=warn METRICS_TOKEN="$LOAD_METRICS_TOKEN" \
        RATE_LIMIT_EXEMPT=127.0.0.1/32 SHOP_HOURS=00:00-24:00 \
        KITCHEN_MAX_WAIT_MINUTES=0 "$@" \
        target/release/server >"$LOAD_TMP/server.log" 2>&1 </dev/null &
    SERVER_PID=$!
    BASE="http://127.0.0.1:$port"
    for _ in {1..120}; do
        curl -s -o /dev/null --fail "$BASE/api/menu" && return
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited: $(tail -5 "$LOAD_TMP/server.log")"
        sleep 0.5
    done
    die "the server did not answer within 60 s"
}

stop_server() {
    if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# Runs `$2 ...` against a server on a fresh database of backend $1 (sqlite, postgres);
# BACKEND names it. The PostgreSQL cluster is scripts/bench's: fsync on,
# synchronous_commit off (the durability of the server's SQLite: WAL, synchronous=NORMAL).
on_backend() {
    local backend="$1" port
    shift
    case "$backend" in
        sqlite)
            BACKEND=SQLite
            rm -f "$LOAD_TMP"/load.db*
            serve "sqlite://$LOAD_TMP/load.db" "${SERVE_ENV[@]}"
            "$@"
            stop_server
            ;;
        postgres)
            ensure_postgres
            PG_TMP="$(mktemp -d /tmp/pizzeria-load-pg.XXXXXX)"
            port="$(free_port)"
            start_postgres "$port" -c fsync=on -c synchronous_commit=off
            BACKEND=PostgreSQL
            serve "postgres://postgres@127.0.0.1:$port/postgres" "${SERVE_ENV[@]}"
            "$@"
            stop_server
            stop_postgres
            PG_TMP=""
            ;;
        *) die "unknown backend '$backend' (sqlite, postgres)" ;;
    esac
}

load_cleanup() {
    stop_server
    [[ -z "${PG_TMP:-}" ]] || stop_postgres
    rm -rf "$LOAD_TMP"
}

# Resident memory of the server now, and its peak, in MB.
memory() {
    awk '/^VmHWM/ { peak = $2 } /^VmRSS/ { now = $2 }
         END { printf "%.0f MB (peak %.0f MB)", now / 1024, peak / 1024 }' "/proc/$SERVER_PID/status"
}

# The projection lag buckets of /metrics: "le count" lines.
lag_buckets() {
    curl -s --fail -H "Authorization: Bearer $LOAD_METRICS_TOKEN" "$BASE/metrics" |
        sed -n 's/^projection_lag_seconds_bucket{le="\([^"]*\)"} \([0-9]*\)$/\1 \2/p'
}

# Writes lag_buckets to file $1 once the views have caught up: the histogram stands still.
settled_lag_buckets() {
    lag_buckets >"$1"
    for _ in {1..60}; do
        sleep 0.5
        lag_buckets >"$1.now"
        cmp -s "$1.now" "$1" && break
        mv "$1.now" "$1"
    done
    rm -f "$1.now"
}

# The p99 of the lag between two lag_buckets snapshots (files), in ms, as "<= bound".
lag_p99() {
    awk 'NR == FNR { before[$1] = $2; next }
         { le[++n] = $1; count[n] = $2 - before[$1] }
         END {
             total = count[n]
             if (total <= 0) { print "–"; exit }
             for (i = 1; i <= n; i++) if (count[i] >= 0.99 * total) break
             if (le[i] == "+Inf") print "> 60000"; else printf "<= %g\n", le[i] * 1000
         }' "$1" "$2"
}
