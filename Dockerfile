# Mario's Pizzeria: a multi-stage image. The build stage runs the same steps as
# scripts/run (scripts/lib.sh: cargo-leptos, wasm-bindgen-cli, npm's binaryen, a
# `--release --split` build, precompressed files); the runtime stage is Debian slim with
# the server binary, its hash.txt and the built site, run as a non-root user, the SQLite
# database in the /data volume.
#
#   docker build -t marios-pizzeria .
#   docker run -p 127.0.0.1:3000:3000 -v pizzeria-data:/data \
#       -e SESSION_COOKIE_SECURE=false marios-pizzeria
#
# One container per database (README, "One process per database").

FROM rust:1.95-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm brotli \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The tools first, in a layer of their own: rebuilt only when their versions change.
COPY scripts/lib.sh scripts/lib.sh
COPY Cargo.toml Cargo.lock ./
COPY end2end/package.json end2end/package-lock.json end2end/
RUN bash -c 'source scripts/lib.sh && ensure_build_tools'
COPY . .
RUN bash -c 'source scripts/lib.sh && ensure_build_tools && build_site'

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin pizzeria \
    && mkdir -p /data \
    && chown pizzeria: /data
WORKDIR /app
# hash.txt beside the binary names the content-hashed built files.
COPY --from=build /src/target/release/server /src/target/release/hash.txt /app/
COPY --from=build /src/target/site /app/site
ENV LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_OUTPUT_NAME=pizzeria \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_ENV=PROD \
    DATABASE_URL=sqlite:///data/pizzeria.db \
    STAFF_PASSWORD_FILE=/data/manager-password \
    RUST_LOG=info
USER pizzeria
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:3000/healthz || exit 1
ENTRYPOINT ["/app/server"]
CMD ["serve"]
