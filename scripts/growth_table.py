#!/usr/bin/env python3
"""Prints, as a Markdown table, how wenjin's figures grow with the corpus (BENCHMARKS.md).

Usage: growth_table.py RESULTS_DIR POOL [POOL ...]
Reads RESULTS_DIR/bench-POOL.json (one `wenjin bench --json` report) and, when present,
RESULTS_DIR/serve-POOL.json (scripts/batch_latency.py: the same questions through an
`ask --json` batch process), as scripts/bench.sh writes them. Pools are printed in the order given; the last column compares each with the first.
"""
import json, os, sys


def load(results, pool):
    with open(os.path.join(results, f'bench-{pool}.json'), encoding='utf-8') as f:
        r = json.loads(f.read().strip().splitlines()[-1])
    serve = os.path.join(results, f'serve-{pool}.json')
    r['serve'] = None
    if os.path.exists(serve):
        with open(serve, encoding='utf-8') as f:
            r['serve'] = json.loads(f.read().strip().splitlines()[-1])
    return r


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    results, pools = sys.argv[1], sys.argv[2:]
    rows = [(p, load(results, p)) for p in pools]
    cols = [
        ('passages', lambda r: f"{r['passages']:,}"),
        ('text MB', lambda r: f"{r['megabytes']:.1f}"),
        ('index s', lambda r: f"{r['index_s']:.2f}"),
        ('passages/s', lambda r: f"{r['index_passages_per_s']:,.0f}"),
        ('÷ bare jieba', lambda r: f"{r['ratio_to_bare_jieba']:.1f}×"),
        ('index MB', lambda r: f"{r['index_mb']:.1f}"),
        ('q→a p50/p95/p99 ms', lambda r: '/'.join(f'{x:.2f}' for x in r['latency_ms'])),
        ('retrieval p50 ms', lambda r: f"{r['retrieval_latency_ms'][0]:.2f}"),
        ('q/s', lambda r: f"{r['questions_per_s']:.0f}"),
        ('peak RSS indexing+asking MB', lambda r: f"{r['peak_rss_mb']:.0f}"),
        ('`ask --json` p50/p99 ms', lambda r: '' if r['serve'] is None
         else '/'.join(f'{x:.2f}' for x in r['serve']['latency_ms'][::2])),
        ('RSS serving MB', lambda r: '' if r['serve'] is None else f"{r['serve']['peak_rss_mb']:.0f}"),
    ]
    print('| pool | ' + ' | '.join(c for c, _ in cols) + ' |')
    print('|---' * (len(cols) + 1) + '|')
    for p, r in rows:
        print(f'| {p} | ' + ' | '.join(f(r) for _, f in cols) + ' |')
    (_, a), (_, b) = rows[0], rows[-1]
    grow = b['passages'] / a['passages']
    print(f"\n{rows[-1][0]} ÷ {rows[0][0]}: {grow:.1f}× the passages, "
          f"{b['index_s'] / a['index_s']:.1f}× the index time, "
          f"{b['latency_ms'][0] / a['latency_ms'][0]:.1f}× the p50, "
          f"{b['index_mb'] / a['index_mb']:.1f}× the index size")


if __name__ == '__main__':
    main()
