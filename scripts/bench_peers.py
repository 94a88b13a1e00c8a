#!/usr/bin/env python3
"""The classic Python stack on the same corpus and questions as `wenjin bench`:
jieba + whoosh (jieba.analyse.ChineseAnalyzer) and jieba + rank_bm25.

Usage: bench_peers.py CORPUS.jsonl [CORPUS.jsonl ...] SQUAD.json [SQUAD.json ...] [--limit N] [--work DIR]
(JSON Lines files are the corpus, read in the order given; .json files are the questions.)
Prints one JSON object per stack: index seconds, passages/s, MB/s, query p50/p95/p99 (ms), q/s,
peak RSS (MB).
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


def bench_whoosh(ps, qs, work):
    from whoosh.fields import Schema, TEXT, ID
    from whoosh.index import create_in
    from whoosh.qparser import QueryParser, OrGroup
    from jieba.analyse import ChineseAnalyzer
    d = os.path.join(work, 'whoosh'); shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    schema = Schema(id=ID(stored=True), text=TEXT(stored=True, analyzer=ChineseAnalyzer()))
    t = time.perf_counter()
    ix = create_in(d, schema)
    w = ix.writer(limitmb=256)
    for i, (doc, p) in enumerate(ps):
        w.add_document(id=f'{doc}/{i}', text=p)
    w.commit()
    index_s = time.perf_counter() - t
    lat = []
    with ix.searcher() as s:
        parser = QueryParser('text', ix.schema, group=OrGroup)
        for q in qs:
            t = time.perf_counter()
            hits = s.search(parser.parse(q), limit=5)
            _ = [h['text'] for h in hits]
            lat.append(time.perf_counter() - t)
    return index_s, lat


def bench_rank_bm25(ps, qs):
    from rank_bm25 import BM25Okapi
    t = time.perf_counter()
    toks = [[w for w in jieba.cut(p) if w.strip()] for _, p in ps]
    bm = BM25Okapi(toks)
    index_s = time.perf_counter() - t
    lat = []
    for q in qs:
        t = time.perf_counter()
        scores = bm.get_scores([w for w in jieba.cut(q) if w.strip()])
        top = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:5]
        lat.append(time.perf_counter() - t)
    return index_s, lat


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('files', nargs='+', help='corpus .jsonl files, then SQuAD .json files')
    ap.add_argument('--limit', type=int, default=1000)
    ap.add_argument('--stack', choices=['whoosh', 'rank_bm25'], required=True)
    ap.add_argument('--work', default=tempfile.gettempdir())
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
        index_s, lat = bench_whoosh(ps, qs, a.work)
    else:
        index_s, lat = bench_rank_bm25(ps, qs)
    print(json.dumps({'stack': a.stack, 'passages': len(ps), 'megabytes': mb, 'index_s': index_s,
                      'index_mb_per_s': mb / index_s, 'index_passages_per_s': len(ps) / index_s,
                      'questions': len(qs), 'latency_ms': [pct(lat, .5), pct(lat, .95), pct(lat, .99)],
                      'questions_per_s': len(qs) / sum(lat), 'peak_rss_mb': rss_mb()}))


if __name__ == '__main__':
    main()
