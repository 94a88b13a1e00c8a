#!/usr/bin/env python3
"""Per-script and per-category figures of an own question set, from `wenjin eval --questions
FILE --report REPORT` joined line by line with FILE's `script` and `tags`.

    python3 scripts/news_categories.py tests/questions/news.jsonl REPORT
"""
import json, sys

qs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
rs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
rs = [r for r in rs if "question" in r]
assert len(qs) == len(rs), (len(qs), len(rs))
groups = {"all": lambda q: True,
          "Traditional": lambda q: q.get("script") == "zh-Hant",
          "Simplified": lambda q: q.get("script") == "zh-Hans"}
for t in sorted({t for q in qs for t in q.get("tags", [])}):
    groups[t] = lambda q, t=t: t in q.get("tags", [])
print("| questions | answerable / not | top-1 | top-5 | answer | false refusals | refused |")
print("|---|---|---|---|---|---|---|")
for name, pick in groups.items():
    ans = [r for q, r in zip(qs, rs) if pick(q) and q["answers"]]
    no = [r for q, r in zip(qs, rs) if pick(q) and not q["answers"]]
    f = lambda xs, k: f"{sum(bool(x[k]) for x in xs) / len(xs):.3f}" if xs else ""
    fr = f"{sum(not x['found'] for x in ans) / len(ans):.3f}" if ans else ""
    ref = f"{sum(not x['found'] for x in no) / len(no):.3f}" if no else ""
    print(f"| {name} | {len(ans)} / {len(no)} | {f(ans, 'top1')} | {f(ans, 'top5')} | "
          f"{f(ans, 'answer_ok')} | {fr} | {ref} |")
