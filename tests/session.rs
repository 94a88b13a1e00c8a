//! The sled session store: contexts, the answer cache and its invalidation by a reindex.

use std::sync::atomic::{AtomicUsize, Ordering};

use wenjin::answer::{AnswerCache, Answerer, Context, Response};
use wenjin::search::{self, BuildOptions};
use wenjin::session::Sessions;

use crate::common::build;

/// Counts hits of the real sled cache.
struct Counting<'a> {
    inner: &'a Sessions,
    hits: AtomicUsize,
}

impl AnswerCache for Counting<'_> {
    fn get(&self, key: &str) -> Option<Response> {
        let r = self.inner.get(key);
        if r.is_some() {
            self.hits.fetch_add(1, Ordering::SeqCst);
        }
        r
    }
    fn put(&self, key: &str, response: &Response) {
        self.inner.put(key, response)
    }
}

#[test]
fn answers_are_cached_per_index_generation() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "標題\n\n商湯科技2022年虧損約60億元。\n",
    )
    .unwrap();
    let b = build(corpus.path());
    let data = tempfile::tempdir().unwrap();
    let sessions = Sessions::open(data.path()).unwrap();
    let cache = Counting {
        inner: &sessions,
        hits: AtomicUsize::new(0),
    };
    let ask = |q: &str| {
        let snap = b.engine.snapshot();
        Answerer::at(&snap)
            .turn(&mut Context::default(), q, &cache)
            .unwrap()
            .response
    };
    let first = ask("商湯2022年虧損多少");
    assert_eq!(cache.hits.load(Ordering::SeqCst), 0);
    let second = ask("商汤2022年亏损多少");
    assert_eq!(
        cache.hits.load(Ordering::SeqCst),
        1,
        "the other script is the same question"
    );
    assert_eq!(first.answer, second.answer);
    assert_eq!(second.question, "商汤2022年亏损多少");

    std::fs::write(
        corpus.path().join("a.txt"),
        "標題\n\n商湯科技2022年虧損約61億元。\n",
    )
    .unwrap();
    search::build(corpus.path(), &b.index_dir(), &BuildOptions::default()).unwrap();
    b.engine.refresh().unwrap();
    let third = ask("商湯2022年虧損多少");
    assert_eq!(
        cache.hits.load(Ordering::SeqCst),
        1,
        "a reindex invalidates the cache"
    );
    assert!(third.answer.unwrap().contains("61億元"));
}

#[test]
fn contexts_survive_reopening_and_a_locked_store_falls_back_to_memory() {
    let data = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    {
        let s = Sessions::open(data.path()).unwrap();
        let ctx = Context {
            last: wenjin::answer::Question::parse("商湯2022年虧損多少", &Default::default()),
        };
        rt.block_on(s.save_context(7, &ctx)).unwrap();
        // While it is open, a second store on the same folder works in memory.
        let other = Sessions::open(data.path()).unwrap();
        assert!(!other.persistent);
    }
    let s = Sessions::open(data.path()).unwrap();
    assert!(s.persistent);
    assert!(s.context(7).last.is_some());
    assert!(s.context(8).last.is_none());
}

#[test]
fn the_rate_limit_is_kept_across_a_restart() {
    let data = tempfile::tempdir().unwrap();
    {
        let s = Sessions::open(data.path()).unwrap();
        assert!((0..3).all(|_| s.allow_question(5, 3)));
        assert!(
            !s.allow_question(5, 3),
            "the fourth question in a minute is refused"
        );
        assert!(s.allow_question(6, 3), "other users are not affected");
    }
    let s = Sessions::open(data.path()).unwrap();
    assert!(
        !s.allow_question(5, 3),
        "a restart does not reset the limit"
    );
}

/// The answer cache never holds more than its bound, across reopening the store.
#[test]
fn the_answer_cache_is_bounded() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "標題\n\n商湯科技2022年虧損約60億元。\n",
    )
    .unwrap();
    let b = build(corpus.path());
    let response = wenjin::answer::Answerer::new(&b.engine)
        .ask("商湯2022年虧損多少")
        .unwrap();
    let data = tempfile::tempdir().unwrap();
    let bound = wenjin::session::CACHE_ENTRIES;
    {
        let sessions = Sessions::open(data.path()).unwrap();
        for i in 0..bound - 10 {
            sessions.put(&format!("q{i}"), &response);
        }
        assert_eq!(sessions.cached_answers(), bound - 10);
    }
    let sessions = Sessions::open(data.path()).unwrap();
    for i in 0..bound {
        sessions.put(&format!("r{i}"), &response);
        if i % 1000 == 0 {
            assert!(sessions.cached_answers() <= bound);
        }
    }
    assert!(
        sessions.cached_answers() <= bound,
        "{}",
        sessions.cached_answers()
    );
    assert!(sessions.get("r4999").is_some(), "the newest entry is kept");
}
