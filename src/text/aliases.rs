//! Name aliases (商湯 = 商汤 = SenseTime = 商湯科技): a plain editable TOML file applied at query
//! time, so that any name of a company finds passages that use another.
//!
//! The same file lists words that mean the same thing (營收 = 營業收入) under `[terms]`: a
//! question's word also finds, weighs and reads passages that write another word of its line.
//! Unlike names, these are not entities: they neither decide which company a passage is about
//! nor are required of it.

use std::path::Path;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use super::normalize::normalize;
use crate::{Error, Result};

/// One group of names that mean the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The group's key in the file.
    pub key: String,
    /// The names as written in the file.
    pub names: Vec<String>,
    /// The names normalized, longest first.
    pub normalized: Vec<String>,
}

/// Where a name of a group occurs in a normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the group.
    pub group: usize,
    /// Byte range in the normalized text.
    pub start: usize,
    /// End of the range.
    pub end: usize,
}

/// The bundled corpus's alias file, used for an index whose corpus has none.
pub const DEFAULT: &str = include_str!("../../corpus/aliases.toml");

/// All alias groups.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    groups: Vec<Group>,
    /// One automaton over every normalized name: a passage is scanned once, not once per name.
    matcher: Option<AhoCorasick>,
    /// The group of each of the matcher's patterns.
    owner: Vec<usize>,
    /// Lines of words that mean the same thing, normalized.
    synonyms: Vec<Vec<String>>,
}

impl PartialEq for Aliases {
    fn eq(&self, other: &Self) -> bool {
        self.groups == other.groups && self.synonyms == other.synonyms
    }
}

impl Eq for Aliases {}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    groups: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    terms: std::collections::BTreeMap<String, Vec<String>>,
}

impl Aliases {
    /// Parses the TOML text of an alias file (`[groups]` and `[terms]`, each with
    /// `key = ["name", ...]`).
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let groups = file
            .groups
            .into_iter()
            .filter_map(|(key, names)| {
                let mut normalized: Vec<String> = names
                    .iter()
                    .map(|n| normalize(n.trim()))
                    .filter(|n| !n.trim().is_empty())
                    .collect();
                normalized.sort_by_key(|n| std::cmp::Reverse(n.len()));
                normalized.dedup();
                (!normalized.is_empty()).then_some(Group {
                    key,
                    names,
                    normalized,
                })
            })
            .collect::<Vec<Group>>();
        let mut owner = Vec::new();
        let mut patterns = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for name in &group.normalized {
                owner.push(g);
                patterns.push(name.as_str());
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            Some(AhoCorasick::new(&patterns).map_err(|e| e.to_string())?)
        };
        let synonyms = file
            .terms
            .into_values()
            .map(|words| {
                let mut normalized: Vec<String> = Vec::new();
                for w in &words {
                    let n = normalize(w.trim());
                    if !n.trim().is_empty() && !normalized.contains(&n) {
                        normalized.push(n);
                    }
                }
                normalized
            })
            .filter(|line| line.len() > 1)
            .collect();
        Ok(Aliases {
            groups,
            matcher,
            owner,
            synonyms,
        })
    }

    /// The bundled default aliases.
    pub fn bundled() -> Self {
        Self::parse(DEFAULT).unwrap_or_default()
    }

    /// Loads an alias file; a missing file gives the bundled default aliases.
    pub fn load(path: &Path) -> Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text).map_err(|why| Error::Aliases {
                path: path.to_path_buf(),
                why,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::bundled()),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// The groups.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Every mention of any group's names in the normalized text, longest match first and
    /// without overlaps, in text order.
    pub fn find(&self, norm: &str) -> Vec<Mention> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut found: Vec<Mention> = matcher
            .find_overlapping_iter(norm)
            .filter(|m| latin_boundary(norm, m.start(), m.end()))
            .map(|m| Mention {
                group: self.owner[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            })
            .collect();
        // Leftmost first, and of the names starting there the longest.
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.group));
        let mut out: Vec<Mention> = Vec::new();
        for m in found {
            if out.last().is_none_or(|l| m.start >= l.end) {
                out.push(m);
            }
        }
        out
    }

    /// The groups mentioned in the normalized text, in order of first mention, without repeats.
    pub fn groups_in(&self, norm: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for m in self.find(norm) {
            if !out.contains(&m.group) {
                out.push(m.group);
            }
        }
        out
    }

    /// The other words of every `[terms]` line that holds `word` (normalized), in file order.
    pub fn synonyms(&self, word: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for line in self.synonyms.iter().filter(|l| l.iter().any(|w| w == word)) {
            for w in line {
                if w != word && !out.contains(&w.as_str()) {
                    out.push(w);
                }
            }
        }
        out
    }

    /// True when `said` (the words in front of an amount, normalized) names a measure of
    /// another `[terms]` line than those the question (`asked`, normalized) names, and none of
    /// theirs: 净亏损 said where 营收 was asked. False when the question names no listed measure
    /// or `said` names none: only measures the file lists can contradict each other.
    pub fn names_another_measure(&self, asked: &str, said: &str) -> bool {
        let names = |text: &str, line: &Vec<String>| line.iter().any(|w| text.contains(w.as_str()));
        let mut asked_any = false;
        let mut other = false;
        for line in &self.synonyms {
            if names(asked, line) {
                if names(said, line) {
                    return false;
                }
                asked_any = true;
            } else if names(said, line) {
                other = true;
            }
        }
        asked_any && other
    }

    /// True when `said` names a measure of a `[terms]` line that the question (`asked`,
    /// normalized) names too: 财政支出 said where 花费 (支出) was asked.
    pub fn names_asked_measure(&self, asked: &str, said: &str) -> bool {
        let names = |text: &str, line: &Vec<String>| line.iter().any(|w| text.contains(w.as_str()));
        self.synonyms
            .iter()
            .any(|line| names(asked, line) && names(said, line))
    }

    /// True when the normalized text mentions group `g`.
    pub fn mentions(&self, norm: &str, g: usize) -> bool {
        self.groups
            .get(g)
            .is_some_and(|group| group.normalized.iter().any(|n| norm.contains(n.as_str())))
    }
}

/// A Latin name must not be part of a longer Latin word (`yitu` in `yitus`).
fn latin_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let clash = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(x), Some(y)) if x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric());
    !clash(before, first) && !clash(last, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_any_name_in_either_script() {
        let a = Aliases::parse("[groups]\nsensetime = [\"商湯\", \"商湯科技\", \"SenseTime\"]\nmegvii = [\"曠視\", \"曠世\"]\n").unwrap();
        let t = normalize("SenseTime與商汤科技、旷世");
        let m = a.find(&t);
        assert_eq!(m.len(), 3);
        assert_eq!(&t[m[1].start..m[1].end], "商汤科技");
        let key = |k: &str| a.groups().iter().position(|g| g.key == k).unwrap();
        assert_eq!(a.groups_in(&t), vec![key("sensetime"), key("megvii")]);
    }

    #[test]
    fn the_bundled_file_parses() {
        let a = Aliases::parse(DEFAULT).unwrap();
        assert!(a.groups().iter().any(|g| g.key == "sensetime"));
        assert!(a.synonyms("营收").contains(&"营业收入"));
        // News writes the full name where users say 低保, and 停业 where they say 关门.
        assert!(a.synonyms("低保").contains(&"最低生活保障"));
        assert!(a.synonyms("关门").contains(&"停业"));
        assert!(a.synonyms("预计").contains(&"预测"));
        // A Chinese body's short form is its name: 中纪委 finds 中央纪委. 央行 is any country's.
        let group = |text: &str| a.find(text).first().map(|m| m.group);
        assert!(group("中纪委").is_some());
        assert_eq!(group("中纪委"), group("出席的中央纪委委员"));
        assert_eq!(group("国家计委"), group("国家发展计划委员会"));
        assert_eq!(group("俄罗斯央行"), None);
        assert_eq!(group("人行道"), None);
    }

    #[test]
    fn an_amount_said_of_another_listed_measure_contradicts_the_question() {
        let a = Aliases::parse(
            "[terms]\nrevenue = [\"營收\", \"營業收入\"]\nnet_loss = [\"淨虧\", \"淨虧損\"]\n",
        )
        .expect("valid");
        let asked = "云从2021年营收多少";
        assert!(a.names_another_measure(asked, "净亏损"));
        assert!(a.names_another_measure("云从2021年营业收入多少", "净亏损"));
        assert!(
            !a.names_another_measure(asked, "营业收入"),
            "the asked line's own word"
        );
        assert!(
            !a.names_another_measure(asked, "营收净亏损"),
            "names the asked measure too"
        );
        assert!(
            !a.names_another_measure(asked, "巨亏"),
            "not a listed measure"
        );
        assert!(
            !a.names_another_measure("云从2021年亏损多少", "净亏损"),
            "no listed measure asked"
        );
        assert!(
            !a.names_another_measure("云从净亏损多少", "净亏"),
            "same line"
        );
    }

    #[test]
    fn words_of_a_terms_line_stand_for_each_other_in_either_script() {
        let a = Aliases::parse(
            "[groups]\nx = [\"商湯\"]\n[terms]\nrevenue = [\"營收\", \"營業收入\", \"营收\"]\nalone = [\"市值\"]\n",
        )
        .unwrap();
        assert_eq!(a.synonyms("营收"), vec!["营业收入"]);
        assert_eq!(a.synonyms("营业收入"), vec!["营收"]);
        assert!(
            a.synonyms("市值").is_empty(),
            "a line of one word has nothing to add"
        );
        assert!(a.synonyms("商汤").is_empty(), "names are groups, not terms");
        assert_ne!(a, Aliases::parse("[groups]\nx = [\"商湯\"]\n").unwrap());
    }

    #[test]
    fn bad_file_is_an_error() {
        assert!(Aliases::parse("[groups\n").is_err());
    }
}
