//! Reposts: forty copies of the user's article (another source line, trailing boilerplate, other
//! punctuation, a sentence added) must not crowd the right paragraph out of the candidates nor
//! change the answer, and a citation says how many other articles repeat it.

use std::path::Path;

use wenjin::answer::{Answerer, Response};
use wenjin::search::{self, BuildOptions, Engine};
use wenjin::text::normalize as folded;

use crate::common::{build, bundled_corpus, copy_dir, shared_corpus};

const ARTICLE: &str = "000_33f8e1aecbe930a6.txt";
const QUESTION: &str = "商湯2022年虧損多少";
const COPIES: usize = 40;

/// The bundled corpus plus the user's article.
fn corpus_without_copies(dir: &Path) {
    copy_dir(&bundled_corpus(), dir);
    std::fs::copy(shared_corpus().join(ARTICLE), dir.join(ARTICLE)).unwrap();
}

/// Writes `COPIES` reposts of the user's article under `dir/reposts`, each a little different.
fn write_copies(dir: &Path) {
    let original = std::fs::read_to_string(shared_corpus().join(ARTICLE)).unwrap();
    assert!(original.contains("來源:騰訊新聞") && original.contains("、巨虧60億。"));
    let reposts = dir.join("reposts");
    std::fs::create_dir_all(&reposts).unwrap();
    for i in 0..COPIES {
        let text = match i % 5 {
            // Another source line.
            0 => original.replace("來源:騰訊新聞", &format!("來源:轉載網站{i}")),
            // Trailing boilerplate.
            1 => {
                format!("{original}\n\n（本文轉載自網絡，版權歸原作者所有，如有侵權請聯繫刪除）\n")
            }
            // Other punctuation in the paragraph that answers.
            2 => original
                .replace("、巨虧60億。", "，巨虧60億！")
                .replace("實際上，", "實際上, "),
            // A sentence added to it.
            3 => original.replace(
                "、巨虧60億。",
                "、巨虧60億。分析人士認為，虧損仍將持續一段時間。",
            ),
            _ => original.clone(),
        };
        std::fs::write(reposts.join(format!("repost-{i:02}.txt")), text).unwrap();
    }
}

/// A paragraph's text without punctuation, white space or script differences.
fn gist(text: &str) -> String {
    folded(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn ask(engine: &Engine, q: &str) -> Response {
    Answerer::new(engine).ask(q).unwrap()
}

#[test]
fn forty_copies_neither_crowd_out_the_answer_nor_change_it() {
    let plain = tempfile::tempdir().unwrap();
    corpus_without_copies(plain.path());
    let before = ask(&build(plain.path()).engine, QUESTION);

    let reposted = tempfile::tempdir().unwrap();
    corpus_without_copies(reposted.path());
    write_copies(reposted.path());
    let b = build(reposted.path());
    let after = ask(&b.engine, QUESTION);

    let answer = after.answer.clone().unwrap_or_default();
    assert!(folded(&answer).contains("60亿"), "answer {answer:?}");
    assert_eq!(after.answer, before.answer, "copies changed the answer");
    assert_eq!(after.core, before.core);

    let firsts: Vec<String> = after
        .citations
        .iter()
        .take(3)
        .map(|c| gist(&c.text))
        .collect();
    assert_eq!(firsts.len(), 3);
    for (i, a) in firsts.iter().enumerate() {
        for b in &firsts[i + 1..] {
            assert_ne!(
                a, b,
                "the same paragraph cited twice: {:#?}",
                after.citations
            );
        }
    }
    // The bundled corpus answers too (its SenseTime report); the user's paragraph, repeated
    // forty times, is cited once and says so.
    let right = after
        .citations
        .iter()
        .find(|c| gist(&c.text).contains("巨亏60亿"))
        .unwrap_or_else(|| panic!("the user's paragraph is cited: {:#?}", after.citations));
    assert!(right.also_in >= COPIES, "also_in {}", right.also_in);
    // Without copies, nothing is said to be repeated.
    assert!(
        before.citations.iter().all(|c| c.also_in == 0),
        "{:#?}",
        before.citations
    );
}

#[test]
fn the_console_says_how_many_other_articles_repeat_a_citation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(shared_corpus().join(ARTICLE), dir.path().join(ARTICLE)).unwrap();
    write_copies(dir.path());
    let b = build(dir.path());
    let r = ask(&b.engine, QUESTION);
    // The case: the user's article alone with its copies answered 虧損超過400億元, all
    // five citations one paragraph.
    assert!(
        folded(r.answer.as_deref().unwrap_or_default()).contains("60亿"),
        "{r:#?}"
    );
    let texts: std::collections::HashSet<String> =
        r.citations.iter().map(|c| gist(&c.text)).collect();
    assert_eq!(texts.len(), r.citations.len(), "{:#?}", r.citations);
    assert!(
        r.citations.iter().all(|c| c.also_in >= COPIES - COPIES / 5),
        "{:#?}",
        r.citations
    );
    let shown = wenjin::console::format(&r, wenjin::console::Marks::Brackets);
    assert!(shown.contains("另見於 "), "{shown}");
    let simplified = ask(&b.engine, "商汤2022年亏损多少");
    let shown = wenjin::console::format(&simplified, wenjin::console::Marks::Brackets);
    assert!(shown.contains("另见于 "), "{shown}");
    // The JSON carries the count.
    let json = serde_json::to_value(&r).unwrap();
    assert!(
        json["citations"][0]["also_in"].as_u64().unwrap() >= 30,
        "{json}"
    );
}

#[test]
fn removing_the_copies_brings_the_count_back_to_zero() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(shared_corpus().join(ARTICLE), corpus.join(ARTICLE)).unwrap();
    write_copies(&corpus);
    search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    let engine = Engine::open(&index).unwrap();
    let r = ask(&engine, QUESTION);
    assert!(r.citations[0].also_in >= 30);
    // An incremental reindex deletes the copies' passages; the count follows.
    std::fs::remove_dir_all(corpus.join("reposts")).unwrap();
    let report = search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    assert_eq!(report.removed, COPIES);
    engine.refresh().unwrap();
    let r = ask(&engine, QUESTION);
    assert!(folded(r.answer.as_deref().unwrap_or_default()).contains("60亿"));
    assert!(
        r.citations.iter().all(|c| c.also_in == 0),
        "{:#?}",
        r.citations
    );
}

/// An index built before passages had fingerprints is refused with a message that says what
/// to do, and the next `index` rebuilds it whole.
#[test]
fn an_index_without_fingerprints_is_rebuilt() {
    use tantivy::schema::{Schema, STORED, STRING};
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let gen = index.join("gen-1-0");
    std::fs::create_dir_all(&gen).unwrap();
    let mut b = Schema::builder();
    b.add_text_field("doc", STRING | STORED);
    b.add_text_field("text", STORED);
    tantivy::Index::create_in_dir(&gen, b.build()).unwrap();
    std::fs::write(index.join("CURRENT"), "gen-1-0").unwrap();

    let err = Engine::open(&index).err().expect("an old index is refused");
    assert!(err.to_string().contains("index --full"), "{err}");

    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(shared_corpus().join(ARTICLE), corpus.join(ARTICLE)).unwrap();
    let report = search::build(&corpus, &index, &BuildOptions::default()).unwrap();
    assert_eq!(report.added, 1);
    let engine = Engine::open(&index).unwrap();
    let r = ask(&engine, QUESTION);
    assert!(folded(r.answer.as_deref().unwrap_or_default()).contains("60亿"));
}
