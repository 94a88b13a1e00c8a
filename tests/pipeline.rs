//! Corpus → index → answers, on the user's real article and on fixture files in every encoding.

use std::fs;

use wenjin::answer::Answerer;
use wenjin::search::{self, BuildOptions, Engine, IndexIo};

use crate::common::{build, shared_corpus};
use wenjin::text::normalize as folded;

#[test]
fn seed_question_in_both_scripts_finds_the_60_yi_loss() {
    let b = build(&shared_corpus());
    let answerer = Answerer::new(&b.engine);
    for q in ["商湯2022年虧損多少", "商汤2022年亏损多少"] {
        let r = answerer.ask(q).unwrap();
        assert!(r.found, "{q}: not found");
        let first = &r.citations[0];
        assert!(
            first.text.contains("巨虧60億"),
            "{q}: first citation is {}",
            first.text
        );
        let answer = r.answer.as_deref().unwrap_or("");
        assert!(answer.contains("60億"), "{q}: answer {answer:?}");
        // Not the 2018–2022 total, not another company's loss.
        assert!(!answer.contains("400"), "{q}: answer {answer:?}");
        assert!(!answer.contains("9.27"), "{q}: answer {answer:?}");
        // The answer is verbatim from the cited passage, in its original script.
        assert!(first.text.contains(answer));
        assert_eq!(first.meta.title, "陷“偽AI”質疑後,商湯科技折射出行業困境");
        assert_eq!(first.meta.source.as_deref(), Some("騰訊新聞"));
        assert_eq!(first.meta.author.as_deref(), Some("柴狗夫斯基"));
        assert_eq!(first.paragraph, 4);
        assert!(!first.highlights.is_empty(), "matched words are marked");
        for &(s, e) in &first.highlights {
            let marked = folded(&first.text[s..e]);
            assert!(
                ["商汤", "2022", "亏损"].iter().any(|w| marked.contains(w)),
                "unexpected highlight {marked}"
            );
        }
    }
}

#[test]
fn boilerplate_of_the_real_article_is_not_indexed() {
    let b = build(&shared_corpus());
    let snap = b.engine.snapshot();
    let passages = snap.document("000_33f8e1aecbe930a6.txt").unwrap();
    assert!(passages.len() > 40);
    for p in &passages {
        for junk in ["Related Posts", "Shares", "版權歸作者所有"] {
            assert!(!p.text.contains(junk), "boilerplate indexed: {}", p.text);
        }
        assert_ne!(p.text.trim(), "0");
        assert_ne!(p.text.trim(), "Total");
    }
    let articles = snap.articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].meta.source.as_deref(), Some("騰訊新聞"));
}

#[test]
fn unanswerable_questions_get_no_answer() {
    let b = build(&shared_corpus());
    let answerer = Answerer::new(&b.engine);
    for q in ["商湯2035年虧損多少", "字節跳動2022年虧損多少"] {
        let r = answerer.ask(q).unwrap();
        assert_eq!(r.answer, None, "{q}: {:?}", r.answer);
        assert!(!r.found);
        assert!(
            r.citations.iter().all(|c| c.related),
            "nearest passages are marked related"
        );
    }
}

#[test]
fn query_syntax_and_junk_are_just_text() {
    let b = build(&shared_corpus());
    let answerer = Answerer::new(&b.engine);
    for q in [
        "商湯 AND 虧損 OR \"60億\"",
        "title:(商湯] NOT -+~^*? \\ { } [ ]",
        "😀😀😀",
        "",
        "   ",
        "？？？！！",
        &"商湯虧損".repeat(2000),
        "\u{0}\u{1b}[31m商湯\u{7f}",
    ] {
        let r = answerer
            .ask(q)
            .unwrap_or_else(|e| panic!("{q:?} failed: {e}"));
        if r.error.is_some() {
            assert!(r.citations.is_empty());
        }
    }
    let r = answerer.ask("商湯 AND 虧損 OR \"60億\"").unwrap();
    assert!(r.found && r.citations[0].text.contains("60億"));
}

/// Writes fixture articles in several encodings, plus files that must be skipped.
fn write_fixtures(dir: &std::path::Path) {
    let gbk_text = "云从科技年报\n来源：测试日报\n作者：李四\n\n云从科技2021年净亏损6.3亿元，较上年收窄。\n\n公司称研发投入仍在增加。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(gbk_text);
    fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    let big5_text = "曠視科技上市進展\n來源：測試時報\n作者：王五\n\n曠視科技在2021年9月提交上市註冊，其後進展緩慢。\n";
    let (big5, _, _) = encoding_rs::BIG5.encode(big5_text);
    fs::write(dir.join("big5.txt"), &big5).unwrap();
    let utf16_text = "依圖科技簡訊\n來源：測試週刊\n\n依圖科技的醫療影像產品覆蓋三百家醫院。\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(utf16_text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(dir.join("utf16.txt"), &utf16).unwrap();
    fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    fs::write(
        dir.join("sub/deeper/markdown.md"),
        "# 第四范式简报\n\n来源：测试网\n\n第四范式2022年营收30.8亿元。\n",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    fs::write(dir.join("binary.txt"), &binary).unwrap();
    fs::write(
        dir.join("boilerplate.txt"),
        "Total\n0\nShares\nRelated Posts\n",
    )
    .unwrap();
    fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
}

#[test]
fn fixtures_in_every_encoding_are_indexed_and_junk_is_skipped() {
    let corpus = tempfile::tempdir().unwrap();
    write_fixtures(corpus.path());
    let b = build(corpus.path());
    let skipped: Vec<&str> = b.report.skipped.iter().map(|(p, _)| p.as_str()).collect();
    for f in ["empty.txt", "binary.txt", "boilerplate.txt"] {
        assert!(skipped.contains(&f), "{f} not skipped: {skipped:?}");
    }
    assert!(
        !skipped.iter().any(|f| f.ends_with(".png")),
        "unsupported files are ignored silently"
    );
    assert_eq!(b.report.added, 4, "{:?}", b.report);

    let answerer = Answerer::new(&b.engine);
    let cases = [
        ("雲從科技2021年淨虧損多少", "gbk.txt", "6.3亿元"),
        ("旷视科技什么时候提交上市注册", "big5.txt", "2021年9月"),
        ("依圖的醫療影像產品覆蓋多少家醫院", "utf16.txt", "三百家"),
        (
            "第四範式2022年營收多少",
            "sub/deeper/markdown.md",
            "30.8亿元",
        ),
    ];
    for (q, doc, answer) in cases {
        let r = answerer.ask(q).unwrap();
        let c = &r.citations[0];
        assert_eq!(c.doc, doc, "{q}");
        assert!(c.text.contains(answer), "{q}: {}", c.text);
        assert!(
            r.answer.as_deref().unwrap_or("").contains(answer),
            "{q}: {:?}",
            r.answer
        );
    }
    let snap = b.engine.snapshot();
    let gbk = snap.document("gbk.txt").unwrap();
    assert_eq!(gbk[0].meta.title, "云从科技年报");
    assert_eq!(gbk[0].meta.source.as_deref(), Some("测试日报"));
    assert_eq!(gbk[0].meta.author.as_deref(), Some("李四"));
}

#[test]
fn rebuilding_is_idempotent_and_incremental() {
    let corpus = tempfile::tempdir().unwrap();
    write_fixtures(corpus.path());
    let b = build(corpus.path());
    let index = b.index_dir();
    let before = b.engine.snapshot().num_passages();

    let again = search::build(corpus.path(), &index, &BuildOptions::default()).unwrap();
    assert_eq!(
        (again.added, again.changed, again.removed, again.unchanged),
        (0, 0, 0, 4)
    );
    b.engine.refresh().unwrap();
    assert_eq!(b.engine.snapshot().num_passages(), before);

    fs::write(
        corpus.path().join("new.txt"),
        "新文章\n\n商湯科技2021年虧損171億元。\n",
    )
    .unwrap();
    fs::write(
        corpus.path().join("sub/deeper/markdown.md"),
        "# 第四范式\n\n第四范式2023年营收42亿元。\n",
    )
    .unwrap();
    fs::remove_file(corpus.path().join("gbk.txt")).unwrap();
    let r = search::build(corpus.path(), &index, &BuildOptions::default()).unwrap();
    assert_eq!(
        (r.added, r.changed, r.removed, r.unchanged),
        (1, 1, 1, 2),
        "{r:?}"
    );
    b.engine.refresh().unwrap();
    let snap = b.engine.snapshot();
    assert!(snap.document("gbk.txt").unwrap().is_empty());
    assert_eq!(snap.document("new.txt").unwrap().len(), 1);
    assert!(snap.document("sub/deeper/markdown.md").unwrap()[0]
        .text
        .contains("42亿元"));

    let full = search::build(
        corpus.path(),
        &index,
        &BuildOptions {
            full: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(full.added, 4);
    b.engine.refresh().unwrap();
    assert_eq!(b.engine.snapshot().num_passages(), snap.num_passages());
    assert!(Engine::open(&index).is_ok());
}

#[test]
fn a_second_concurrent_reindex_is_refused() {
    let corpus = tempfile::tempdir().unwrap();
    write_fixtures(corpus.path());
    let index = corpus.path().join("idx");
    let _held = wenjin::search::layout::ReindexLock::acquire(&index).unwrap();
    let err = search::build(corpus.path(), &index, &BuildOptions::default()).unwrap_err();
    assert!(matches!(err, wenjin::Error::ReindexBusy), "{err}");
}

#[test]
fn html_and_json_lines_articles_keep_their_metadata() {
    let corpus = tempfile::tempdir().unwrap();
    fs::write(
        corpus.path().join("page.html"),
        r#"<html><head><title>依圖晶片新聞</title><meta name="author" content="周八">
        <meta property="og:site_name" content="測試網"><meta name="date" content="2023-05-01">
        <link rel="canonical" href="https://example.com/yitu"></head>
        <body><nav><p>首頁 科技 財經</p></nav><article><p>依圖科技的求索晶片在2019年發布。</p>
        <p>分享</p></article><script>var ad = "廣告";</script><footer><p>版權所有</p></footer></body></html>"#,
    )
    .unwrap();
    fs::write(
        corpus.path().join("feed.jsonl"),
        "{\"id\": \"n1\", \"title\": \"云从快讯\", \"source\": \"测试社\", \"author\": \"郑九\", \"date\": \"2023-06-01\", \"url\": \"https://example.com/n1\", \"body\": \"云从科技2023年上半年营收2.4亿元。\"}\n\
         {\"id\": \"n2\", \"title\": \"旷视快讯\", \"text\": \"旷视科技在2023年发布了新的机器人。\"}\n",
    )
    .unwrap();
    let b = build(corpus.path());
    assert_eq!(b.report.added, 2);
    let answerer = Answerer::new(&b.engine);
    let r = answerer.ask("求索晶片是哪一年發布的").unwrap();
    let c = &r.citations[0];
    assert_eq!(c.doc, "page.html");
    assert_eq!(
        (
            c.meta.title.as_str(),
            c.meta.author.as_deref(),
            c.meta.source.as_deref()
        ),
        ("依圖晶片新聞", Some("周八"), Some("測試網"))
    );
    assert_eq!(c.meta.url.as_deref(), Some("https://example.com/yitu"));
    assert!(r.answer.unwrap().contains("2019年"));
    let all: Vec<String> = b
        .engine
        .snapshot()
        .document("page.html")
        .unwrap()
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(
        all,
        vec!["依圖科技的求索晶片在2019年發布。"],
        "navigation, scripts, footers and buttons dropped"
    );

    let r = answerer.ask("云从科技2023年上半年营收多少").unwrap();
    let c = &r.citations[0];
    assert_eq!(c.doc, "feed.jsonl#n1");
    assert_eq!(c.meta.url.as_deref(), Some("https://example.com/n1"));
    assert_eq!(c.meta.date.as_deref(), Some("2023-06-01"));
    assert!(r.answer.unwrap().contains("2.4亿元"));
    let r = answerer.ask("旷视科技2023年发布了什么").unwrap();
    assert_eq!(r.citations[0].doc, "feed.jsonl#n2");
    assert_eq!(r.citations[0].meta.url, None);
}

/// An article without a title is cited by the opening of its text, but that opening is not
/// indexed a second time as a title; a given title is.
#[test]
fn a_title_taken_from_the_text_is_shown_but_not_indexed_as_a_title() {
    use wenjin::search::FieldKind;
    let corpus = tempfile::tempdir().unwrap();
    fs::write(
        corpus.path().join("feed.jsonl"),
        "{\"id\": \"u1\", \"text\": \"依图科技的求索芯片在2019年发布。\"}\n\
         {\"id\": \"t1\", \"title\": \"旷视机器人快讯\", \"text\": \"旷视科技在2023年发布了新的机器人。\"}\n",
    )
    .unwrap();
    let b = build(corpus.path());
    let snap = b.engine.snapshot();
    let untitled = snap.document("feed.jsonl#u1").unwrap();
    assert_eq!(untitled[0].meta.title, "依图科技的求索芯片在2019年发布。");
    assert_eq!(snap.doc_freq(FieldKind::Title, "芯片"), 0);
    assert_eq!(snap.doc_freq(FieldKind::Words, "芯片"), 1);
    assert_eq!(snap.doc_freq(FieldKind::Title, "快讯"), 1);
    let r = Answerer::new(&b.engine)
        .ask("依图的求索芯片是哪一年发布的")
        .unwrap();
    assert_eq!(r.citations[0].doc, "feed.jsonl#u1");
    assert_eq!(
        r.citations[0].meta.title,
        "依图科技的求索芯片在2019年发布。"
    );
    assert!(r.answer.unwrap_or_default().contains("2019"));
}

#[test]
fn the_index_read_through_pread_answers_as_the_mapped_index_does() {
    let b = build(&shared_corpus());
    let read = Engine::open_with(&b.index_dir(), IndexIo::Read).unwrap();
    let mapped = Engine::open_with(&b.index_dir(), IndexIo::Mmap).unwrap();
    let questions = [
        "商湯2022年虧損多少",
        "商汤的研发投入是多少",
        "SenseTime 2022 loss",
        "商湯何時在香港上市",
        "火星上有幾家商湯的分公司",
        "🙂",
    ];
    let mut answered = 0;
    for q in questions {
        let a = Answerer::new(&read).ask(q).unwrap();
        let m = Answerer::new(&mapped).ask(q).unwrap();
        assert_eq!(a, m, "{q}");
        answered += usize::from(a.answer.is_some());
    }
    // The first two have answers in the article; the rest are turned away as not found.
    assert!(answered >= 2, "only {answered} answered");
}

#[test]
fn bench_times_answers_and_retrieval_over_a_real_index() {
    let work = tempfile::tempdir().unwrap();
    let questions: Vec<String> = ["商湯2022年虧損多少", "旷视什么时候提交注册", "🙂", ""]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let r = wenjin::bench::run(
        &crate::common::bundled_corpus(),
        work.path(),
        &questions,
        IndexIo::Read,
        Some(32),
    )
    .unwrap();
    assert_eq!(r.index_memory_mb, 32);
    assert!(r.passages > 0 && r.index_mb > 0.0);
    assert_eq!(r.questions, questions.len());
    for l in [r.latency_ms, r.retrieval_latency_ms] {
        assert!(l[0] > 0.0 && l[0] <= l[1] && l[1] <= l[2], "{l:?}");
    }
    assert!(r.questions_per_s > 0.0 && r.retrievals_per_s > 0.0);
    assert!(work.path().join("index").is_dir());
}

#[test]
fn a_long_paragraph_is_cited_once() {
    // One paragraph long enough to be cut into windows, each naming the lighthouse, and two
    // short articles that name it too: the citations are one per paragraph.
    let dir = tempfile::tempdir().unwrap();
    let sentence = "白沙燈塔建於港口北岸的岩石上，夜裡為漁船指引航道。";
    let long: String = (0..30).map(|_| sentence).collect();
    assert!(long.chars().count() > 2 * wenjin::corpus::passage::MAX_PASSAGE_CHARS);
    fs::write(dir.path().join("a.txt"), format!("白沙燈塔\n\n{long}\n")).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "港口誌\n\n白沙燈塔由漁會出資修繕，塔身漆成紅白兩色。\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("c.txt"),
        "漁村小記\n\n老漁民說，白沙燈塔的光在霧裡也看得見。\n",
    )
    .unwrap();
    let b = build(dir.path());
    let r = Answerer::new(&b.engine).ask("白沙燈塔建在哪裡").unwrap();
    let cited: Vec<(&str, u32)> = r
        .citations
        .iter()
        .map(|c| (c.doc.as_str(), c.paragraph))
        .collect();
    let mut distinct = cited.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        cited.len(),
        "a paragraph cited twice: {cited:?}"
    );
    assert_eq!(
        cited.len(),
        3,
        "every paragraph naming it is cited: {cited:?}"
    );
}
