//! Hostile input: random bytes to the loader, any Unicode to normalization and segmentation,
//! any string to the question path. Nothing may panic; results keep their invariants.

use proptest::prelude::*;
use wenjin::answer::Answerer;
use wenjin::corpus::load::load_bytes;
use wenjin::text::{grams, normalize, words, Normalized};

use crate::common::{build, shared_corpus};

proptest! {
    // 256 cases each by default; `PROPTEST_CASES=N` runs N (the README's long fuzz run).
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn loader_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096),
                                           ext in prop_oneof!["txt", "md", "html", "jsonl", "json"]) {
        let name = format!("random.{ext}");
        if let Ok(articles) = load_bytes(&name, &bytes) {
            for a in articles {
                prop_assert!(!a.paragraphs.is_empty());
                for p in wenjin::corpus::passages(&a) {
                    prop_assert!(p.text.chars().count() <= wenjin::corpus::MAX_PASSAGE_CHARS);
                }
            }
        }
    }

    #[test]
    fn normalization_keeps_character_count(s in "\\PC*") {
        prop_assert_eq!(normalize(&s).chars().count(), s.chars().count());
        let n = Normalized::new(&s);
        for p in words(&n.text).into_iter().chain(grams(&n.text)) {
            prop_assert_eq!(&n.text[p.start..p.end], p.text.as_str());
            let (a, b) = (n.to_original(p.start), n.to_original(p.end));
            prop_assert!(a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
        }
    }

    #[test]
    fn segmentation_survives_any_unicode(s in any::<String>()) {
        let n = normalize(&s);
        let _ = words(&n);
        let _ = grams(&n);
    }
}

#[test]
fn question_path_survives_random_and_syntax_heavy_questions() {
    let b = build(&shared_corpus());
    let answerer = Answerer::new(&b.engine);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::default());
    let strategy = prop_oneof![
        any::<String>(),
        "[商湯虧損2022年AND OR NOT:\"()\\[\\]{}^~*?+\\-\\\\/ ]{0,80}",
        "\\PC{0,300}",
    ];
    runner
        .run(&strategy, |q| {
            let r = answerer
                .ask(&q)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            if let (Some(a), Some(c)) = (&r.answer, r.citations.first()) {
                prop_assert!(
                    c.text.contains(a.as_str()),
                    "answer {a} not in cited passage"
                );
            }
            for c in &r.citations {
                for &(s, e) in &c.highlights {
                    prop_assert!(c.text.is_char_boundary(s) && c.text.is_char_boundary(e) && s < e);
                }
            }
            Ok(())
        })
        .unwrap();
    // A 64 KB question and control characters.
    for q in [
        "商".repeat(65536),
        "\u{0}\u{1}\u{202e}商湯\u{feff}\u{200b}虧損".to_string(),
        "\u{301}\u{301}\u{301}".to_string(),
    ] {
        answerer.ask(&q).unwrap();
    }
}

#[test]
fn a_100_mb_single_line_is_handled() {
    // One line of 100 MB (written to disk, loaded as a file) must not blow up: it is read,
    // cut into bounded windows, or refused with a reason.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let line = "商湯科技虧損".repeat(100 * 1024 * 1024 / 18);
    std::fs::write(&path, &line).unwrap();
    drop(line);
    match wenjin::corpus::load_file(dir.path(), &path) {
        Ok(articles) => {
            assert!(articles[0].meta.title.chars().count() <= 40);
            let ps = wenjin::corpus::passages(&articles[0]);
            assert!(ps.len() > 100_000);
            assert!(ps
                .iter()
                .all(|p| p.text.chars().count() <= wenjin::corpus::MAX_PASSAGE_CHARS));
        }
        Err(reason) => panic!("a huge line of text is still text: {reason}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    /// Callback data is whatever a client sends: only well-formed button ids parse, and they
    /// parse back to what they say.
    #[test]
    fn forged_callback_data_never_parses_into_something_else(data in prop_oneof![
        any::<String>(),
        "[fm:0-9a-z\\-+ ]{0,64}",
        (any::<u64>(), 0usize..2000).prop_map(|(id, n)| format!("f:{id}:{n}")),
    ]) {
        if let Some(button) = wenjin::bot::buttons::Button::decode(&data) {
            prop_assert_eq!(button.encode(), data);
        }
    }

    /// JSON Lines with lone surrogates, control characters and mixed scripts: the good lines
    /// load, a bad one is skipped, nothing panics.
    #[test]
    fn json_lines_with_broken_escapes_load_what_is_readable(
        noise in proptest::collection::vec(prop_oneof![
            Just("\\ud800".to_string()),
            Just("\\udfff\\ud800".to_string()),
            Just("\\u0000".to_string()),
            "\\PC{0,20}",
        ], 1..5)
    ) {
        let bad = format!("{{\"title\": \"壞\", \"text\": \"{}\"}}", noise.concat().replace('"', "'"));
        let good = "{\"title\": \"好文章\", \"text\": \"商湯2022年虧損60億元。\"}";
        let file = format!("{good}\n{bad}\n{good}\n");
        let articles = load_bytes("mixed.jsonl", file.as_bytes())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(articles.iter().filter(|a| a.meta.title == "好文章").count() >= 2);
    }
}
