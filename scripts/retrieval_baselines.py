#!/usr/bin/env python3
"""Retrieval baselines of the answer-quality issue: BM25 (rank_bm25's BM25Okapi formula) over
jieba words and over character unigrams + bigrams, on a SQuAD file's paragraphs, optionally with
JSON Lines distractor paragraphs added. Prints top-1 / top-5 gold-paragraph accuracy, ties
counted in the gold paragraph's favour (as the issue measured them).

    .venv/bin/python scripts/retrieval_baselines.py ../shared/eval/DRCD_dev.json \
        --distractors bench-out/corpus/pd199801.zh-tw.jsonl

rank_bm25 scores every document in Python for every query term, which takes hours on a 20k
pool; this script computes the same scores (same idf with the epsilon floor, k1=1.5, b=0.75)
from an inverted index. --check compares it with rank_bm25 itself on the first questions.
"""
import argparse, json, math, re
from collections import Counter, defaultdict

import jieba
jieba.setLogLevel(60)

K1, B, EPSILON = 1.5, 0.75, 0.25


def words(text):
    return [w for w in jieba.lcut(text) if any(c.isalnum() for c in w)]


def grams(text):
    cs = [c for c in text if c.isalnum()]
    return cs + [a + b for a, b in zip(cs, cs[1:])]


class Bm25:
    """BM25Okapi as in rank_bm25 0.2.2, over an inverted index."""

    def __init__(self, docs):
        self.n = len(docs)
        self.len = [len(d) for d in docs]
        self.avg = sum(self.len) / self.n
        self.post = defaultdict(list)
        for i, d in enumerate(docs):
            for t, f in Counter(d).items():
                self.post[t].append((i, f))
        idf = {t: math.log(self.n - len(p) + 0.5) - math.log(len(p) + 0.5) for t, p in self.post.items()}
        eps = EPSILON * sum(idf.values()) / len(idf)
        self.idf = {t: (v if v >= 0 else eps) for t, v in idf.items()}

    def scores(self, query):
        s = defaultdict(float)
        for t in query:
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, f in self.post[t]:
                s[i] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * self.len[i] / self.avg))
        return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("squad")
    ap.add_argument("--distractors", action="append", default=[])
    ap.add_argument("--check", type=int, default=0)
    args = ap.parse_args()
    paras, items = [], []
    for d in json.load(open(args.squad, encoding="utf-8"))["data"]:
        for p in d["paragraphs"]:
            k = len(paras)
            paras.append(p["context"])
            for qa in p["qas"]:
                items.append((qa["question"], k))
    for f in args.distractors:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                o = json.loads(line)
                t = (o.get("text") or o.get("body") or "").strip()
                if t:
                    paras.append(t)
    out = {"questions": len(items), "paragraphs": len(paras)}
    for name, tok in (("jieba", words), ("unibigram", grams)):
        docs = [tok(p) for p in paras]
        bm = Bm25(docs)
        if args.check:
            from rank_bm25 import BM25Okapi
            ref = BM25Okapi(docs)
            for q, _ in items[: args.check]:
                mine, theirs = bm.scores(tok(q)), ref.get_scores(tok(q))
                assert all(abs(mine.get(i, 0.0) - v) < 1e-6 for i, v in enumerate(theirs)), q
        top1 = top5 = 0
        for q, gold in items:
            s = bm.scores(tok(q))
            g = s.get(gold, 0.0)
            better = sum(1 for v in s.values() if v > g)
            top1 += better < 1
            top5 += better < 5
        out[name] = {"top1": round(top1 / len(items), 4), "top5": round(top5 / len(items), 4)}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
