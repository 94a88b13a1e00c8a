//! The reader's features by name. A span's dense features are an array in the order of
//! [`Feature`]; the linear weights, the forest's columns, `wenjin eval --spans` and
//! `scripts/train_reader.py` all follow that order, and the names let each of them say which
//! feature it means (the spans file carries them in its header, the forest's file names its
//! columns).

use std::ops::{Index, IndexMut};

macro_rules! features {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
        /// One dense feature of a span: its position in [`Span::dense`](super::Span::dense).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Feature {
            $($(#[doc = $doc])+ $variant,)+
        }

        /// Number of dense features.
        pub const DENSE: usize = [$($name),+].len();

        impl Feature {
            /// Every feature, in the order of the dense array.
            pub const ALL: [Feature; DENSE] = [$(Feature::$variant),+];

            /// The feature's name in the spans file's header, the forest's file and the
            /// training script.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Feature::$variant => $name,)+
                }
            }
        }
    };
}

features! {
    /// The sentence's coverage of the question's evidence.
    SentenceCoverage = "sentence_coverage",
    /// The sentence is the passage's best by coverage.
    BestSentence = "best_sentence",
    /// The passage is the best ranked.
    BestPassage = "best_passage",
    /// The passage's share of the best passage's score.
    PassageShare = "passage_share",
    /// Share of the span's characters that occur in the question.
    QuestionChars = "question_chars",
    /// Nearness of the question's words on the left (1 / (1 + distance)).
    NearLeft = "near_left",
    /// Nearness of the question's words on the right.
    NearRight = "near_right",
    /// Share of the eight characters on either side that match the question.
    WindowMatched = "window_matched",
    /// The content word before the question's wh-phrase ends just before the span.
    LeftAnchor = "left_anchor",
    /// The content word after the wh-phrase starts just after the span.
    RightAnchor = "right_anchor",
    /// The span is the gap the question's wh-phrase leaves in the sentence.
    GapExact = "gap_exact",
    /// The span lies inside that gap.
    InGap = "in_gap",
    /// The span ends with the head noun the question asks for and is longer than it.
    EndsWithHead = "ends_with_head",
    /// The span's last character is the head noun's last.
    HeadLastChar = "head_last_char",
    /// The span is one of the typed extractors' candidates.
    Typed = "typed",
    /// That candidate's score.
    TypedScore = "typed_score",
    /// The span overlaps a typed candidate without being one.
    TypedOverlap = "typed_overlap",
    /// The span stands in quotes or title marks.
    Quoted = "quoted",
    /// A break (punctuation) or the sentence's start is right before the span.
    BreakBefore = "break_before",
    /// A break or the sentence's end is right after the span.
    BreakAfter = "break_after",
    /// A copula (是, 為, 指...) is right before the span.
    CopulaBefore = "copula_before",
    /// 的 follows the span.
    DeAfter = "de_after",
    /// The span holds a digit.
    HasDigit = "has_digit",
    /// Log of the span's number of words.
    LogWords = "log_words",
    /// The span holds 的.
    HasDe = "has_de",
    /// Share of the span's characters matching the question's words.
    MatchedInside = "matched_inside",
    /// The character before the span matches the question's words.
    MatchedBefore = "matched_before",
    /// The character after the span matches the question's words.
    MatchedAfter = "matched_after",
    /// Breaks inside the span.
    BreaksInside = "breaks_inside",
    /// The span's length in characters, divided by ten.
    Chars = "chars",
    /// A copula before the span in a question asking for a definition.
    CopulaDefinition = "copula_definition",
    /// The left anchor and a copula before the span.
    AnchorCopula = "anchor_copula",
    /// How the three characters before the span mirror those before the wh-phrase.
    MirrorBefore3 = "mirror_before_3",
    /// The same over the whole window.
    MirrorBefore = "mirror_before",
    /// How the three characters after the span mirror those after the wh-phrase.
    MirrorAfter3 = "mirror_after_3",
    /// The same over the whole window.
    MirrorAfter = "mirror_after",
    /// Both sides mirror the question ([`MirrorBefore`](Feature::MirrorBefore) times
    /// [`MirrorAfter`](Feature::MirrorAfter)).
    MirrorBoth = "mirror_both",
    /// The span's last character is in the head noun.
    LastInHead = "last_in_head",
    /// The span holds the head noun.
    HasHead = "has_head",
    /// The sentence's coverage as a share of the best sentence's.
    CoverageShare = "coverage_share",
    /// The word before the span is a verb.
    VerbBefore = "verb_before",
    /// The span's first word is a noun.
    NounFirst = "noun_first",
    /// The span is a whole clause (breaks on both sides).
    WholeClause = "whole_clause",
    /// Log of the distance to the nearest of the question's words (4 without any).
    LogDistance = "log_distance",
    /// The span is a list (holds 、).
    Listed = "listed",
    /// A list for a question asking for several things.
    ListForList = "list_for_list",
    /// A copula before the span when the question's wh-phrase follows one too.
    CopulaMirrored = "copula_mirrored",
    /// Share of the question's characters the sentence matches.
    SentenceMatched = "sentence_matched",
    /// The span is the typed extractors' pick.
    TypedPick = "typed_pick",
    /// The span lies strictly inside the typed pick.
    InTypedPick = "in_typed_pick",
    /// How well the span has the shape the question wants, less one.
    Shape = "shape",
    /// Date parts (年月日號) in the span of a date question.
    DateParts = "date_parts",
    /// The year a "respectively" list gives the span: the asked one (1) or another (-1).
    RespectiveYear = "respective_year",
    /// Another year than the asked one governs the span.
    OtherYear = "other_year",
    /// Another entity than the asked one is named before the span.
    OtherEntity = "other_entity",
    /// The span names an entity the question asks about.
    HasEntity = "has_entity",
    /// The thing an amount question counts follows the figure (1), or another thing does (-1).
    CountedFollows = "counted_follows",
    /// An edge of the span cuts a joined token (a name's dot, a hyphen).
    CutsToken = "cuts_token",
    /// The span ends on a figure whose unit follows.
    CutsUnit = "cuts_unit",
    /// The span cuts a list at an enumeration comma.
    CutsList = "cuts_list",
    /// Every character of the span occurs in the question.
    AllInQuestion = "all_in_question",
}

/// Dense features whose weight also depends on what the question asks (nearness, the mirrored
/// words around the wh-phrase, the head noun, a copula before the span, quotes, the typed pick,
/// the shape, coverage of the sentence): weighted again per question class.
pub const CROSSED: [Feature; 10] = [
    Feature::NearLeft,
    Feature::NearRight,
    Feature::MirrorBefore3,
    Feature::MirrorAfter,
    Feature::LastInHead,
    Feature::CopulaBefore,
    Feature::Quoted,
    Feature::TypedPick,
    Feature::Shape,
    Feature::SentenceCoverage,
];

/// The span's classes, before the dense features in the forest's inputs and in the spans file:
/// what the question asks, the part of speech of the last and the first word, the length
/// bucket, the words bordering the span.
pub const CLASSES: [&str; 6] = [
    "ask_class",
    "last_pos",
    "length_bucket",
    "first_pos",
    "prev_border",
    "next_border",
];

/// Inputs per span of the forest: the classes, then the dense features.
pub const WIDTH: usize = CLASSES.len() + DENSE;

/// The name of each of the forest's inputs ([`CLASSES`], then the dense features).
pub fn columns() -> impl Iterator<Item = &'static str> {
    CLASSES
        .into_iter()
        .chain(Feature::ALL.into_iter().map(Feature::name))
}

impl Index<Feature> for [f32; DENSE] {
    type Output = f32;

    fn index(&self, f: Feature) -> &f32 {
        &self[f as usize]
    }
}

impl IndexMut<Feature> for [f32; DENSE] {
    fn index_mut(&mut self, f: Feature) -> &mut f32 {
        &mut self[f as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_numbered_in_order_with_distinct_names() {
        for (i, f) in Feature::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
        let mut names: Vec<&str> = columns().collect();
        assert_eq!(names.len(), WIDTH);
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), WIDTH, "a name is used twice");
    }

    /// The Python list called `name` in `source`: `NAME = [` then quoted names up to `]`.
    fn python_list(source: &str, name: &str) -> Vec<String> {
        let start = source
            .find(&format!("\n{name} = ["))
            .unwrap_or_else(|| panic!("no list {name} in the script"));
        let body = &source[start + name.len() + 5..];
        let end = body.find(']').expect("the list ends");
        body[..end]
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn the_training_script_names_the_same_features() {
        let script = include_str!("../../../scripts/train_reader.py");
        let code: Vec<String> = Feature::ALL.iter().map(|f| f.name().to_string()).collect();
        assert_eq!(python_list(script, "DENSE_FEATURES"), code);
        assert_eq!(python_list(script, "CLASSES"), CLASSES.to_vec());
        let crossed: Vec<String> = CROSSED.iter().map(|f| f.name().to_string()).collect();
        assert_eq!(python_list(script, "CROSSED"), crossed);
    }
}
