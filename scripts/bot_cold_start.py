#!/usr/bin/env python3
"""Cold start of `wenjin bot` with a built index: from launching the process to its first answer.

A fake Telegram Bot API on 127.0.0.1 (standard library only) holds one private message; the
unmodified bot is started against it (TELOXIDE_API_URL) and the clock stops when the bot's first
sendMessage arrives. Reports, per run: seconds to the first getUpdates (ready to receive), seconds
to the first answer, the turnaround (from the message handed to the bot to its answer arriving)
and the bot's peak RSS at that moment.

With --api-latency-ms N every Bot API call is answered N ms late, as a stand-in for the round
trip to api.telegram.org (the fake server on 127.0.0.1 answers in well under a millisecond).

Usage: bot_cold_start.py WENJIN CORPUS INDEX [--runs N] [--question TEXT] [--api-latency-ms N]
"""
import argparse, json, os, shutil, subprocess, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = '7357735773:AAHbenchbenchbenchbenchbenchbench12'
BOT = {'id': 1000, 'is_bot': True, 'first_name': 'wenjin', 'username': 'wenjin_bench_bot',
       'can_join_groups': True, 'can_read_all_group_messages': False,
       'supports_inline_queries': True, 'has_main_web_app': False,
       'can_connect_to_business': False}


class Fake:
    def __init__(self, question, latency_s):
        self.question = question
        self.latency_s = latency_s
        self.trace = False
        self.t0 = time.perf_counter()
        self.delivered = False
        self.delivered_at = None
        self.first_poll = None
        self.answer = None
        self.answered = threading.Event()

    def result(self, method, body):
        if method == 'getme':
            return BOT
        if method == 'getwebhookinfo':
            return {'url': '', 'has_custom_certificate': False, 'pending_update_count': 0}
        if method == 'getupdates':
            if self.first_poll is None:
                self.first_poll = time.perf_counter()
            if not self.delivered:
                self.delivered = True
                # Handed over once this call's (delayed) response goes out.
                self.delivered_at = time.perf_counter() + self.latency_s
                return [{'update_id': 1, 'message': {
                    'message_id': 1, 'date': int(time.time()),
                    'chat': {'id': 42, 'type': 'private', 'first_name': 'user'},
                    'from': {'id': 42, 'is_bot': False, 'first_name': 'user'},
                    'text': self.question}}]
            self.answered.wait(timeout=1)
            return []
        if method == 'sendmessage':
            if self.answer is None:
                self.answer = (time.perf_counter(), body.get('text', ''))
                self.answered.set()
            return {'message_id': 5000, 'date': int(time.time()), 'from': BOT,
                    'chat': {'id': 42, 'type': 'private', 'first_name': 'user'},
                    'text': body.get('text', '')}
        return True


def serve(fake):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            n = int(self.headers.get('Content-Length') or 0)
            raw = self.rfile.read(n)
            try:
                body = json.loads(raw or b'{}')
            except ValueError:
                body = {}
            method = self.path.rstrip('/').rsplit('/', 1)[-1].lower()
            if fake.trace:
                print(f'{time.perf_counter() - fake.t0:7.3f} s  {method}', flush=True)
            time.sleep(fake.latency_s)
            out = json.dumps({'ok': True, 'result': fake.result(method, body)}).encode()
            try:
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(out)))
                self.end_headers()
                self.wfile.write(out)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the bot was stopped while its long poll was open

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def peak_rss_mb(pid):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def run_once(a):
    fake = Fake(a.question, a.api_latency_ms / 1000)
    fake.trace = a.trace
    server = serve(fake)
    data = tempfile.mkdtemp(prefix='wenjin-bot-bench-')
    env = dict(os.environ, TELOXIDE_TOKEN=TOKEN,
               TELOXIDE_API_URL=f'http://127.0.0.1:{server.server_port}/')
    env.pop('RUST_LOG', None)
    t0 = fake.t0 = time.perf_counter()
    p = subprocess.Popen([a.wenjin, '--corpus', a.corpus, '--index', a.index, '--data', data, 'bot'],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ok = fake.answered.wait(timeout=60)
        rss = peak_rss_mb(p.pid)
    finally:
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
        server.shutdown()
        shutil.rmtree(data, ignore_errors=True)
    if not ok:
        raise SystemExit('the bot did not answer within 60 s')
    return {'ready_s': fake.first_poll - t0, 'answer_s': fake.answer[0] - t0,
            'turnaround_s': fake.answer[0] - fake.delivered_at,
            'peak_rss_mb': rss, 'answer_chars': len(fake.answer[1])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('wenjin'); ap.add_argument('corpus'); ap.add_argument('index')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--question', default='江泽民主席发表新年讲话')
    ap.add_argument('--api-latency-ms', type=float, default=0)
    ap.add_argument('--trace', action='store_true', help='print each Bot API call as it arrives')
    a = ap.parse_args()
    runs = [run_once(a) for _ in range(a.runs)]
    for r in runs:
        print(json.dumps(r))
    ans = sorted(r['answer_s'] for r in runs)
    turn = sorted(r['turnaround_s'] for r in runs)
    print(json.dumps({'runs': len(runs), 'api_latency_ms': a.api_latency_ms, 'answer_s_min': ans[0], 'answer_s_median': ans[len(ans) // 2],
                      'answer_s_max': ans[-1], 'turnaround_s_median': turn[len(turn) // 2]}))


if __name__ == '__main__':
    main()
