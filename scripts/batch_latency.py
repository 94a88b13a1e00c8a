#!/usr/bin/env python3
"""Question-to-answer latency through `wenjin ask --json` batch, as a client of it sees it.

Starts `wenjin ask --json` with a built index, writes one question to its standard input, waits
for the answer line on its standard output, and times each round trip (the pipe included).
Prints one JSON object: start-up to the first answer, p50/p95/p99 in ms, questions per second,
and the process's peak RSS after the last answer (what a serving process holds).

Usage: batch_latency.py WENJIN CORPUS INDEX QUESTIONS.txt   (one question per line)
"""
import json, subprocess, sys, time


def peak_rss_mb(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024
    return None


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round((len(xs) - 1) * p))] * 1000 if xs else 0.0


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    wenjin, corpus, index, questions = sys.argv[1:]
    with open(questions, encoding='utf-8') as f:
        qs = [q.strip() for q in f if q.strip()]
    t0 = time.perf_counter()
    p = subprocess.Popen([wenjin, '--corpus', corpus, '--index', index, 'ask', '--json'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                         encoding='utf-8', bufsize=1)
    lat, first, found = [], None, 0
    for q in qs:
        t = time.perf_counter()
        p.stdin.write(q + '\n')
        p.stdin.flush()
        line = p.stdout.readline()
        if not line:
            sys.exit(f'wenjin ask --json stopped after {len(lat)} questions')
        done = time.perf_counter()
        if first is None:
            first = done - t0
        lat.append(done - t)
        found += bool(json.loads(line).get('found'))
    rss = peak_rss_mb(p.pid)
    p.stdin.close()
    p.wait()
    print(json.dumps({'questions': len(qs), 'found': found, 'first_answer_s': first,
                      'latency_ms': [pct(lat, .5), pct(lat, .95), pct(lat, .99)],
                      'questions_per_s': len(lat) / sum(lat), 'peak_rss_mb': rss}))


if __name__ == '__main__':
    main()
