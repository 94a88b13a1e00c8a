#!/usr/bin/env python3
"""The classic Python stack on the same corpus and questions as `wenjin bench`:
jieba + whoosh (jieba.analyse.ChineseAnalyzer) and jieba + rank_bm25.

Usage: bench_peers.py CORPUS.jsonl [CORPUS.jsonl ...] SQUAD.json [SQUAD.json ...] [--limit N] [--work DIR]
(JSON Lines files are the corpus, read in the order given; .json files are the questions.)
Prints one JSON object per stack: index wall and CPU seconds (CPU: this process and its
children), passages/s, MB/s, cold and warm query p50/p95/p99 (ms) and q/s, peak RSS (MB).

whoosh indexes twice, with one writer process and with procs=2 (multisegment, as whoosh needs for
a parallel writer, so both cores work as wenjin's build does); the questions are searched on the
one-process index. Each question is searched as an OR of the plain words whoosh's own analyzer
(jieba) gives for it, as wenjin gets plain words. `--query parse` searches with whoosh's
QueryParser over the raw question instead, which reads query syntax in it (? and * wildcards,
quotes, AND/OR/NOT, field:); `queries_changed_by_parser` counts the questions where the parser's
query differs from the plain words. Questions are searched twice in the same order: the first
pass (cold) and the second (warm).
"""
import argparse, json, os, resource, shutil, sys, tempfile, time

import jieba
jieba.setLogLevel(60)


def passages(path, out):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            text = o.get('text') or o.get('body') or ''
            for p in text.split('\n\n'):
                p = p.strip()
                if p:
                    out.append((o.get('id', ''), p))


def questions(files, limit):
    out = []
    for f in files:
        n = 0
        for d in json.load(open(f, encoding='utf-8'))['data']:
            for p in d['paragraphs']:
                for qa in p['qas']:
                    if n < limit:
                        out.append(qa['question']); n += 1
    return out


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round((len(xs) - 1) * p))] * 1000 if xs else 0.0


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s():
    """CPU seconds, user and system, of this process and its waited-for children."""
    t = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        u = resource.getrusage(who)
        t += u.ru_utime + u.ru_stime
    return t


def passes(qs, search):
    """Times `search` on every question, twice in the same order: (cold, warm) latencies."""
    out = []
    for _ in range(2):
        lat = []
        for q in qs:
            t = time.perf_counter()
            search(q)
            lat.append(time.perf_counter() - t)
        out.append(lat)
    return out


def whoosh_index(ps, d, schema, procs):
    from whoosh.index import create_in
    shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    t, c = time.perf_counter(), cpu_s()
    ix = create_in(d, schema)
    if procs > 1:
        w = ix.writer(limitmb=256, procs=procs, multisegment=True)
    else:
        w = ix.writer(limitmb=256)
    for i, (doc, p) in enumerate(ps):
        w.add_document(id=f'{doc}/{i}', text=p)
    w.commit()
    return ix, time.perf_counter() - t, cpu_s() - c


def bench_whoosh(ps, qs, work, query):
    from whoosh.fields import Schema, TEXT, ID
    from whoosh.qparser import QueryParser, OrGroup
    from whoosh.query import Or, Term
    from jieba.analyse import ChineseAnalyzer
    analyzer = ChineseAnalyzer()
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True, analyzer=analyzer))
    ix2, index2_s, index2_cpu = whoosh_index(ps, os.path.join(work, 'whoosh-procs2'), schema, 2)
    ix, index_s, index_cpu = whoosh_index(ps, os.path.join(work, 'whoosh'), schema, 1)
    parser = QueryParser('text', ix.schema, group=OrGroup)

    def words(q):
        return Or([Term('text', t.text) for t in analyzer(q)])

    # A question counts as changed when the parser's query is not the plain OR of its words.
    changed = sum(1 for q in qs if parser.parse(q) != words(q).normalize())
    make = parser.parse if query == 'parse' else words
    with ix.searcher() as s:
        def search(q):
            hits = s.search(make(q), limit=5)
            return [h['text'] for h in hits]
        cold, warm = passes(qs, search)
    extra = {'index_cpu_s': index_cpu, 'index_procs2_s': index2_s, 'index_procs2_cpu_s': index2_cpu,
             'query': query, 'queries_changed_by_parser': changed}
    return index_s, cold, warm, extra


def bench_rank_bm25(ps, qs):
    from rank_bm25 import BM25Okapi
    t, c = time.perf_counter(), cpu_s()
    toks = [[w for w in jieba.cut(p) if w.strip()] for _, p in ps]
    bm = BM25Okapi(toks)
    index_s, index_cpu = time.perf_counter() - t, cpu_s() - c

    def search(q):
        scores = bm.get_scores([w for w in jieba.cut(q) if w.strip()])
        return sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:5]
    cold, warm = passes(qs, search)
    return index_s, cold, warm, {'index_cpu_s': index_cpu}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('files', nargs='+', help='corpus .jsonl files, then SQuAD .json files')
    ap.add_argument('--limit', type=int, default=1000)
    ap.add_argument('--stack', choices=['whoosh', 'rank_bm25'], required=True)
    ap.add_argument('--work', default=tempfile.gettempdir())
    ap.add_argument('--query', choices=['words', 'parse'], default='words',
                    help="whoosh: OR of the analyzer's words (default) or QueryParser (the old way)")
    a = ap.parse_args()
    jieba.initialize()
    corpus = [f for f in a.files if f.endswith('.jsonl')]
    squad = [f for f in a.files if not f.endswith('.jsonl')]
    if not corpus or not squad:
        ap.error('give at least one corpus .jsonl file and one SQuAD .json file')
    ps = []
    for f in corpus:
        passages(f, ps)
    qs = questions(squad, a.limit)
    mb = sum(len(p.encode('utf-8')) for _, p in ps) / 1e6
    if a.stack == 'whoosh':
        index_s, cold, warm, extra = bench_whoosh(ps, qs, a.work, a.query)
    else:
        index_s, cold, warm, extra = bench_rank_bm25(ps, qs)
    ms = lambda lat: [pct(lat, .5), pct(lat, .95), pct(lat, .99)]
    # latency_ms and questions_per_s: the first (cold) pass, as this script has always timed.
    print(json.dumps({'stack': a.stack, 'passages': len(ps), 'megabytes': mb, 'index_s': index_s,
                      'index_mb_per_s': mb / index_s, 'index_passages_per_s': len(ps) / index_s,
                      **extra,
                      'questions': len(qs), 'latency_ms': ms(cold),
                      'questions_per_s': len(qs) / sum(cold),
                      'warm_latency_ms': ms(warm), 'warm_questions_per_s': len(qs) / sum(warm),
                      'peak_rss_mb': rss_mb()}))


if __name__ == '__main__':
    main()
