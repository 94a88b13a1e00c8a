# syntax=docker/dockerfile:1
# wenjin: multi-stage build. The dependency layer is cached: it is rebuilt only when
# Cargo.toml or Cargo.lock change.

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# C compiler for zstd-sys and ring; no OpenSSL needed (rustls). Unpinned on purpose: the
# image takes Debian's security updates at each build.
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
# 1. Dependencies only, against stub sources.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches tests \
    && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && echo 'fn main() {}' > benches/pipeline.rs && touch tests/tests.rs \
    && cargo build --release --locked --bin wenjin \
    && rm -rf src
# 2. The project itself. The stub benches/ and tests/ stay: `--bin wenjin` only needs the targets
# Cargo.toml names to exist, and an edit to the tests does not rebuild the image. The default
# aliases are compiled into the binary (an include_str! in src/).
COPY corpus/aliases.toml corpus/aliases.toml
COPY src src
RUN touch src/main.rs src/lib.rs && cargo build --release --locked --bin wenjin \
    && strip target/release/wenjin

FROM debian:bookworm-slim AS runtime
# No ca-certificates: TLS to Telegram is rustls with the webpki-roots compiled into the binary, so
# the system's certificate store is never read (and the image stays under 120 MB).
RUN useradd --system --uid 10001 --home-dir /var/lib/wenjin --create-home wenjin
COPY --from=build /src/target/release/wenjin /usr/local/bin/wenjin
# The bundled sample corpus is the default; mount your own over /srv/wenjin/corpus.
COPY corpus /srv/wenjin/corpus
RUN mkdir -p /var/lib/wenjin/index /var/lib/wenjin/data && chown -R wenjin:wenjin /var/lib/wenjin
ENV WENJIN_CORPUS=/srv/wenjin/corpus \
    WENJIN_INDEX=/var/lib/wenjin/index \
    WENJIN_DATA=/var/lib/wenjin/data \
    WENJIN_HTTP=0.0.0.0:8080 \
    WENJIN_LOG_JSON=true \
    RUST_LOG=info
VOLUME ["/srv/wenjin/corpus", "/var/lib/wenjin/index", "/var/lib/wenjin/data"]
USER 10001
WORKDIR /var/lib/wenjin
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["wenjin", "health", "http://127.0.0.1:8080/healthz"]
# TELOXIDE_TOKEN and WENJIN_ADMIN_IDS come from the environment (docker run -e / compose).
CMD ["wenjin", "bot"]
