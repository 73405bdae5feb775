# Shared helpers for scripts/run, scripts/test, scripts/bench and scripts/measure-wasm.
# Source it; it changes into the repository root and defines `ensure_*` functions that
# install a tool only when it is missing or at the wrong version, so every script is
# safe to run again and again (and on a fresh machine, where they install everything).
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

# 0.3.11 and later need a newer rustc. The wasm-bindgen-cli version is not set here: it
# must equal the wasm-bindgen crate's, so it is read from Cargo.lock.
CARGO_LEPTOS_VERSION="0.3.10"
WASM_TARGET="wasm32-unknown-unknown"
E2E_DIR="$REPO_ROOT/end2end"
# How scripts/run, scripts/test and scripts/measure-wasm build the site. `--split` is
# needed by every build, debug ones too: checkout and the order page are lazy routes
# (`#[lazy_route]`), and only a split build turns them into wasm chunks the browser can
# load; without it the main module imports a placeholder no browser can resolve.
LEPTOS_BUILD_ARGS=(--release --split)

# Installing the tools in release mode with LTO takes far longer on 2 cores than it saves.
TOOL_BUILD_ENV=(CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive
# CI builds once from a fresh clone: incremental caches only cost time and gigabytes there.
if [[ -n "${CI:-}" ]]; then
    export CARGO_INCREMENTAL=0
fi

log() { printf '==> %s\n' "$*"; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }
die() {
    printf '==> ERROR: %s\n' "$*" >&2
    exit 1
}

# Rust comes with the machine through rustup; a login shell may not have it on PATH yet.
if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
    # shellcheck source=/dev/null
    . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first"

# Runs a command as root, through sudo when we are not root already.
as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    else
        sudo "$@"
    fi
}

# The version of a package in Cargo.lock, e.g. `locked_version wasm-bindgen` -> 0.2.130.
locked_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { found = 1; next }
        found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock
}

# True when `$1 --version`-style output ($2) names exactly version $3.
version_is() {
    local output="$1" version="$2"
    local pattern="(^|[^0-9.])${version//./\\.}(\$|[^0-9.])"
    [[ "$output" =~ $pattern ]]
}

ensure_rust_components() {
    cargo fmt --version >/dev/null 2>&1 || {
        log "installing rustfmt"
        rustup component add rustfmt
    }
    cargo clippy --version >/dev/null 2>&1 || {
        log "installing clippy"
        rustup component add clippy
    }
}

ensure_wasm_target() {
    if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
        log "adding the $WASM_TARGET target"
        rustup target add "$WASM_TARGET"
    fi
}

ensure_cargo_leptos() {
    if version_is "$(cargo leptos --version 2>/dev/null)" "$CARGO_LEPTOS_VERSION"; then
        return
    fi
    log "installing cargo-leptos $CARGO_LEPTOS_VERSION (one time, ~15 min)"
    env "${TOOL_BUILD_ENV[@]}" cargo install cargo-leptos \
        --version "$CARGO_LEPTOS_VERSION" --locked --force
}

ensure_wasm_bindgen() {
    local version
    version="$(locked_version wasm-bindgen)"
    [[ -n "$version" ]] || die "wasm-bindgen is not in Cargo.lock"
    if version_is "$(wasm-bindgen --version 2>/dev/null)" "$version"; then
        return
    fi
    log "installing wasm-bindgen-cli $version (one time, ~5 min)"
    # Without --locked: its lock file wants a crate version the registry here lacks.
    env "${TOOL_BUILD_ENV[@]}" cargo install wasm-bindgen-cli --version "$version" --force
}

# npm packages of end2end/: Playwright, and binaryen, whose wasm-opt release builds use.
ensure_node_modules() {
    command -v npm >/dev/null 2>&1 || die "npm not found: apt-get install -y nodejs npm"
    local hidden_lock="$E2E_DIR/node_modules/.package-lock.json"
    if [[ -f "$hidden_lock" && ! "$E2E_DIR/package-lock.json" -nt "$hidden_lock" ]]; then
        return
    fi
    log "installing npm packages in end2end/ (npm ci)"
    (cd "$E2E_DIR" && npm ci --no-audit --no-fund)
}

# cargo-leptos runs the first wasm-opt on PATH: make it binaryen's from npm. Debian's
# binaryen emits wasm that breaks hydration in Chromium, so it must never win.
use_project_wasm_opt() {
    export PATH="$E2E_DIR/node_modules/.bin:$PATH"
    [[ "$(command -v wasm-opt)" == "$E2E_DIR/node_modules/.bin/wasm-opt" ]] ||
        die "end2end/node_modules/.bin/wasm-opt is missing: run npm ci in end2end/"
}

ensure_chromium() {
    [[ -x /usr/bin/chromium ]] && return
    log "installing chromium (apt)"
    as_root apt-get update
    as_root apt-get install -y chromium
}

# The newest PostgreSQL server binaries Debian installed (initdb, pg_ctl), or nothing.
postgres_bin_dir() {
    local dir
    dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && printf '%s\n' "$dir"
}

# Only the binaries are needed: the tests start their own throw-away cluster. (The
# package may also create Debian's default cluster; the tests never use it.)
ensure_postgres() {
    postgres_bin_dir >/dev/null && return
    log "installing postgresql (apt)"
    as_root apt-get update
    as_root apt-get install -y postgresql
    postgres_bin_dir >/dev/null || die "postgresql is installed but initdb/pg_ctl are missing"
}

# Everything a release build needs.
ensure_build_tools() {
    ensure_wasm_target
    ensure_cargo_leptos
    ensure_wasm_bindgen
    ensure_node_modules
    use_project_wasm_opt
    ensure_brotli
}

# Installs the Debian package $1 unless its command (also $1) is on the PATH.
ensure_apt_command() {
    command -v "$1" >/dev/null 2>&1 && return
    log "installing $1 (apt)"
    as_root apt-get update
    as_root apt-get install -y "$1"
}

ensure_brotli() { ensure_apt_command brotli; }

# schemathesis, from PyPI, in a virtual environment of its own under target/ (pip never
# touches the system's Python). scripts/api-fuzz runs it.
SCHEMATHESIS_VERSION="4.32.5"
SCHEMATHESIS_VENV="$REPO_ROOT/target/schemathesis"
ensure_schemathesis() {
    if [[ "$("$SCHEMATHESIS_VENV/bin/st" --version 2>/dev/null)" == *" $SCHEMATHESIS_VERSION" ]]; then
        return
    fi
    command -v python3 >/dev/null 2>&1 || ensure_apt_command python3
    if ! python3 -m venv --help >/dev/null 2>&1; then
        as_root apt-get update
        as_root apt-get install -y python3-venv
    fi
    log "installing schemathesis $SCHEMATHESIS_VERSION (pip, into target/schemathesis)"
    rm -rf "$SCHEMATHESIS_VENV"
    python3 -m venv "$SCHEMATHESIS_VENV"
    "$SCHEMATHESIS_VENV/bin/pip" install --quiet --disable-pip-version-check \
        "schemathesis==$SCHEMATHESIS_VERSION"
}

# Builds the release site, then writes a .br and a .gz next to each built file, which
# the server sends to browsers that accept them (server/src/http/built_files.rs), so
# nothing is compressed per request. Every build rewrites them; the server leaves out
# copies older than their file. gzip and brotli give a copy its file's time
# (brotli to the second, which reads as older), so `touch` marks them as made now.
#
# The files get content-hashed names (`hash-files` in Cargo.toml), so a build leaves the
# previous build's files beside its own; the server would hold both in memory. The pkg
# folder is emptied first.
build_site() {
    log "building the release site (cargo leptos build ${LEPTOS_BUILD_ARGS[*]})"
    rm -rf "$REPO_ROOT/target/site/pkg"
    cargo leptos build "${LEPTOS_BUILD_ARGS[@]}"
    log "precompressing target/site/pkg (brotli, gzip)"
    find "$REPO_ROOT/target/site/pkg" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) \
        -print0 | xargs -0 -r -P "$(nproc)" -I {} \
        sh -c 'gzip -9 -k -f "$1" && brotli -q 11 -f "$1" && touch "$1.gz" "$1.br"' _ {}
}

# A free TCP port on 127.0.0.1 (free when asked; nothing holds it afterwards).
free_port() {
    node -e 'const s = require("net").createServer();
             s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# ---- the throw-away PostgreSQL cluster (scripts/test, scripts/bench) ------------------

# Runs a PostgreSQL program as the `postgres` user when we are root: initdb and the
# server refuse to run as root.
as_postgres() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Creates a cluster in $PG_TMP/data where `postgres` connects without a password, and
# starts it on 127.0.0.1:$1 only, its socket in $PG_TMP. UTF-8 with the C locale, whatever
# the machine's, so text sorts by bytes as in SQLite. No fsync: the data is thrown away.
# 300 connections, as tests run in parallel and each test server's pool may open 16.
# Further arguments are server options that override these (`-c fsync=on`).
start_postgres() {
    local port="$1" bin
    shift
    bin="$(postgres_bin_dir)" || die "initdb/pg_ctl not found under /usr/lib/postgresql"
    [[ "$(id -u)" -ne 0 ]] || chown postgres: "$PG_TMP"
    log "starting a throw-away PostgreSQL ($("$bin/postgres" --version)) on 127.0.0.1:$port"
    as_postgres "$bin/initdb" -D "$PG_TMP/data" -A trust -U postgres -E UTF8 --locale=C --no-sync \
        >"$PG_TMP/initdb.log" 2>&1 || {
        cat "$PG_TMP/initdb.log" >&2
        die "initdb failed"
    }
    PG_PORT="$port"
    PG_OPTIONS="-k $PG_TMP -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 $*"
    resume_postgres
}

# Stops the cluster as an operator would (fast shutdown: open connections are cut),
# keeping its data for resume_postgres.
pause_postgres() {
    as_postgres "$(postgres_bin_dir)/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null
}

# Starts the cluster in $PG_TMP with the options start_postgres gave it.
resume_postgres() {
    as_postgres "$(postgres_bin_dir)/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
        -o "$PG_OPTIONS" start >/dev/null
}

# EXIT trap: stops the cluster at once (its data is thrown away) and deletes its folder.
stop_postgres() {
    local status=$? bin
    [[ -n "${PG_TMP:-}" ]] || return 0
    if [[ -f "$PG_TMP/data/postmaster.pid" ]] && bin="$(postgres_bin_dir)"; then
        log "stopping PostgreSQL"
        as_postgres "$bin/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null || true
    fi
    if ((status != 0)) && [[ -f "$PG_TMP/server.log" ]]; then
        warn "last lines of the PostgreSQL log:"
        tail -n 20 "$PG_TMP/server.log" >&2 || true
    fi
    rm -rf "$PG_TMP"
}
