//! Indexing throughput and question latency on the user's real article.
//!
//! `cargo bench --bench pipeline` (figures in BENCHMARKS.md). The article is indexed several
//! times over (as distinct files) so that indexing time is not dominated by commit overhead.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use wenjin::answer::Answerer;
use wenjin::search::{self, BuildOptions, Engine};

fn shared_article() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/000_33f8e1aecbe930a6.txt");
    std::fs::read_to_string(p).expect("../shared/corpus is needed for the benchmarks")
}

fn corpus_of(copies: usize) -> (tempfile::TempDir, u64) {
    let dir = tempfile::tempdir().unwrap();
    let text = shared_article();
    for i in 0..copies {
        std::fs::write(dir.path().join(format!("copy-{i:03}.txt")), &text).unwrap();
    }
    (dir, (text.len() * copies) as u64)
}

fn indexing(c: &mut Criterion) {
    wenjin::text::segment::warm_up().join().unwrap();
    let mut g = c.benchmark_group("index");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for copies in [1usize, 50] {
        let (corpus, bytes) = corpus_of(copies);
        g.throughput(Throughput::Bytes(bytes));
        g.bench_with_input(BenchmarkId::new("full_build", copies), &copies, |b, _| {
            b.iter(|| {
                let out = tempfile::tempdir().unwrap();
                search::build(
                    corpus.path(),
                    &out.path().join("index"),
                    &BuildOptions::default(),
                )
                .unwrap()
            })
        });
    }
    let text = shared_article();
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalize+segment_words", |b| {
        b.iter(|| wenjin::text::words(&wenjin::text::normalize(&text)).len())
    });
    g.bench_function("bare_jieba_cut", |b| {
        b.iter(|| wenjin::text::segment::jieba().cut(&text, true).len())
    });
    g.finish();
}

fn questions(c: &mut Criterion) {
    let (corpus, _) = corpus_of(1);
    let out = tempfile::tempdir().unwrap();
    let index = out.path().join("index");
    search::build(corpus.path(), &index, &BuildOptions::default()).unwrap();
    let engine = Engine::open(&index).unwrap();
    let answerer = Answerer::new(&engine);
    let mut g = c.benchmark_group("ask");
    for q in [
        "商湯2022年虧損多少",
        "商汤2021年研发费用多少",
        "誰投資了商湯",
        "字節跳動2022年虧損多少",
    ] {
        g.bench_with_input(BenchmarkId::from_parameter(q), &q, |b, q| {
            b.iter(|| answerer.ask(q).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, indexing, questions);
criterion_main!(benches);
