#!/usr/bin/env python3
"""Prints, as a Markdown table, wenjin against the Python peers on one pool (BENCHMARKS.md).

Usage: peer_table.py WENJIN.json PEER.json [PEER.json ...]
WENJIN.json is one `wenjin bench --json` report, each PEER.json one line of
scripts/bench_peers.py. Indexing is compared by wall seconds and by CPU seconds (all threads
and child processes), since wenjin's build uses both cores and a one-process peer does not;
retrieval by the first (cold) and the second (warm) pass over the same questions.
"""
import json, sys


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.loads(f.read().strip().splitlines()[-1])


def ms(xs):
    return '/'.join(f'{x:.2f}' for x in xs)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    w = load(sys.argv[1])
    peers = [load(p) for p in sys.argv[2:]]
    rows = [('wenjin', w['passages'], w['index_s'], w['index_cpu_s'], w['retrieval_cold_latency_ms'],
             w['retrieval_latency_ms'], w['retrievals_cold_per_s'], w['retrievals_per_s'])]
    for p in peers:
        name = p['stack'] + (f" ({p['query']} query)" if 'query' in p else '')
        rows.append((name + ', 1 process', p['passages'], p['index_s'], p.get('index_cpu_s'), p['latency_ms'],
                     p.get('warm_latency_ms'), p['questions_per_s'], p.get('warm_questions_per_s')))
        if 'index_procs2_s' in p:
            rows.append((name + ', procs=2', p['passages'], p['index_procs2_s'], p['index_procs2_cpu_s'],
                         None, None, None, None))
    # The same text, cut differently: wenjin splits long articles into passages, the peers
    # index each blank-line-separated block as one document.
    print(f"{w['megabytes']:.1f} MB of text; {w['questions']:,} questions\n")
    print('| system | documents | index s | ×wenjin wall | index CPU s | ×wenjin per CPU s | '
          'retrieval cold p50/p95/p99 ms | cold q/s | warm p50/p95/p99 ms | warm q/s |')
    print('|---' * 10 + '|')
    for name, docs, s, cpu, cold, warm, cq, wq in rows:
        print(f'| {name} | {docs:,} | {s:.2f} | {s / w["index_s"]:.1f}× | '
              + (f'{cpu:.2f} | {cpu / w["index_cpu_s"]:.1f}× | ' if cpu is not None else '| | ')
              + (f'{ms(cold)} | {cq:.0f} | ' if cold is not None else '| | ')
              + (f'{ms(warm)} | {wq:.0f} |' if warm is not None else '| |'))
    a = w.get('answered')
    if a:
        print(f"\nwenjin full answers on the questions' own paragraphs ({a['passages']:,} passages): "
              f"{a['answered']:,} of {a['questions']:,} answered ({a['answered_share']:.1%}), "
              f"p50/p95/p99 {ms(a['latency_ms'])} ms on those (all questions {ms(a['all_latency_ms'])} ms)")


if __name__ == '__main__':
    main()
