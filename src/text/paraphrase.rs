//! Paraphrase: users do not ask in the article's words. 赚了多少 asks for what news writes as
//! 利润 or 盈利, 有多长 for 全长 or 长达, 占地多大 for 面积. A small lexicon of question phrasings
//! and the wordings articles use for them (`data/paraphrase.toml`, written for wenjin), in verb
//! classes (earn, lose, sell, spend, build...) and measure classes (length, area, height,
//! weight, population, money, percentage) with the units an answer to them carries.
//!
//! Unlike the alias file's `[terms]` (words that mean the same thing, both ways), these map one
//! way, from a question's phrasing to a corpus's wordings, and weigh less in retrieval than the
//! question's own words: a paraphrase widens the search without drowning what was asked.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use super::normalize::normalize;

/// The lexicon's data file.
const DATA: &str = include_str!("data/paraphrase.toml");

/// One class of the lexicon: how users ask, how articles say it, and what units answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    /// The class's name in the file (earn, length...).
    pub name: String,
    /// Question phrasings (normalized), longest first.
    pub ask: Vec<String>,
    /// The wordings articles use (normalized, two characters or more: a single character would
    /// match nearly every passage).
    pub say: Vec<String>,
    /// Units an answer to a measure question carries (normalized); empty for verbs.
    pub units: Vec<String>,
}

/// A class the question's wording asks through.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    /// The class.
    pub class: &'a Class,
    /// The phrasing found in the question.
    pub phrase: &'a str,
}

/// The paraphrase lexicon.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    classes: Vec<Class>,
    /// One automaton over every phrasing: a question is scanned once, not once per phrasing
    /// (this runs for every question and every one of its words).
    matcher: Option<AhoCorasick>,
    /// The (class, index in its `ask`) of each of the matcher's patterns.
    owner: Vec<(usize, usize)>,
}

#[derive(Deserialize)]
struct File {
    class: Vec<RawClass>,
}

#[derive(Deserialize)]
struct RawClass {
    name: String,
    ask: Vec<String>,
    say: Vec<String>,
    #[serde(default)]
    units: Vec<String>,
}

fn normalized(words: &[String], min_chars: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let n = normalize(w.trim());
        if n.chars().count() >= min_chars && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

impl Lexicon {
    /// Parses the TOML text of a lexicon (`[[class]]` tables with `name`, `ask`, `say` and
    /// optional `units`).
    pub fn parse(text: &str) -> std::result::Result<Lexicon, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let classes = file
            .class
            .into_iter()
            .map(|c| {
                let mut ask = normalized(&c.ask, 1);
                ask.sort_by_key(|a| std::cmp::Reverse(a.len()));
                Class {
                    name: c.name,
                    ask,
                    say: normalized(&c.say, 2),
                    units: normalized(&c.units, 1),
                }
            })
            .filter(|c: &Class| !c.ask.is_empty() && !c.say.is_empty())
            .collect::<Vec<Class>>();
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (k, c) in classes.iter().enumerate() {
            for (i, a) in c.ask.iter().enumerate() {
                patterns.push(a.as_str());
                owner.push((k, i));
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            Some(AhoCorasick::new(&patterns).map_err(|e| e.to_string())?)
        };
        Ok(Lexicon {
            classes,
            matcher,
            owner,
        })
    }

    /// The classes.
    pub fn classes(&self) -> &[Class] {
        &self.classes
    }

    /// The classes a normalized question asks through, each with the longest of its phrasings
    /// the question writes, in file order.
    pub fn asked<'a>(&'a self, norm: &str) -> Vec<Asked<'a>> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        // Per class, the first of its phrasings (longest first) the question writes.
        let mut first: Vec<Option<usize>> = vec![None; self.classes.len()];
        for m in matcher.find_overlapping_iter(norm) {
            let (k, i) = self.owner[m.pattern().as_usize()];
            if first[k].is_none_or(|j| i < j) {
                first[k] = Some(i);
            }
        }
        first
            .iter()
            .enumerate()
            .filter_map(|(k, i)| {
                let class = &self.classes[k];
                i.map(|i| Asked {
                    class,
                    phrase: class.ask[i].as_str(),
                })
            })
            .collect()
    }

    /// The article wordings for a question's content word, from the classes the question asks
    /// through ([`asked`](Self::asked), computed once per question).
    pub fn wordings_of<'a>(asked: &[Asked<'a>], word: &str) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for a in asked {
            if !a.phrase.contains(word) {
                continue;
            }
            for s in &a.class.say {
                if s != word && !out.contains(&s.as_str()) {
                    out.push(s);
                }
            }
        }
        out
    }

    /// The article wordings for a question's content word: those of every class the question
    /// asks through with a phrasing that holds the word (赚 in 赚了), the word itself left out.
    pub fn wordings<'a>(&'a self, norm: &str, word: &str) -> Vec<&'a str> {
        Self::wordings_of(&self.asked(norm), word)
    }

    /// The units an answer to the normalized question should carry (empty when it asks
    /// through no measure class).
    pub fn units<'a>(&'a self, norm: &str) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for a in self.asked(norm) {
            for u in &a.class.units {
                if !out.contains(&u.as_str()) {
                    out.push(u);
                }
            }
        }
        out
    }

    /// The unit a figure in `text` (normalized) is given in: the unit of any measure class
    /// written first after its first digit, the longest there (平方米 in `6000多平方米`, not
    /// 米); `None` when it carries none the lexicon knows.
    pub fn unit_in<'a>(&'a self, text: &str) -> Option<&'a str> {
        let from = text.find(|c: char| c.is_ascii_digit())?;
        let after = &text[from..];
        // The unit written first after the digits (公里 in 300公里/小时), the longest there.
        self.classes
            .iter()
            .flat_map(|c| &c.units)
            .filter_map(|u| after.find(u.as_str()).map(|at| (at, u)))
            .min_by_key(|&(at, u)| (at, std::cmp::Reverse(u.len())))
            .map(|(_, u)| u.as_str())
    }

    /// The unit of a figure written in Chinese numerals only (七百四十六亿元 → 亿元), which
    /// [`Self::unit_in`] leaves to digits: the unit right after its first run of two or more
    /// numeral characters (a lone 一 is a word: 一些人).
    pub fn unit_of_numerals<'a>(&'a self, text: &str) -> Option<&'a str> {
        const NUMERAL: &str = "〇零一二两三四五六七八九十百千万亿点";
        if text.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let start = text.find(|c: char| NUMERAL.contains(c))?;
        // An approximate figure goes on past 多 or 余 (一千多万元).
        let run = text[start..]
            .find(|c: char| !NUMERAL.contains(c) && c != '多' && c != '余')
            .unwrap_or(text.len() - start);
        // 万 and 亿 belong to a unit (亿元) as well as to the figure.
        let figure = text[start..start + run].trim_end_matches(['万', '亿']);
        if figure.chars().count() < 2 {
            return None;
        }
        self.unit_at_start(&text[start + figure.len()..])
            .or_else(|| self.unit_at_start(&text[start + run..]))
    }

    /// The unit a figure in `text` is given in, in Arabic or Chinese numerals
    /// ([`Self::unit_in`], else [`Self::unit_of_numerals`]).
    pub fn figure_unit<'a>(&'a self, text: &str) -> Option<&'a str> {
        self.unit_in(text).or_else(|| self.unit_of_numerals(text))
    }

    /// The longest unit of any measure class that `text` begins with (公里 of 公里高速公路).
    pub fn unit_at_start<'a>(&'a self, text: &str) -> Option<&'a str> {
        self.classes
            .iter()
            .flat_map(|c| &c.units)
            .filter(|u| text.starts_with(u.as_str()))
            .max_by_key(|u| u.len())
            .map(|u| u.as_str())
    }

    /// True when the word is a phrasing or a wording of the lexicon (not a name).
    pub fn knows(&self, word: &str) -> bool {
        self.classes
            .iter()
            .any(|c| c.ask.iter().chain(&c.say).any(|w| w == word))
    }
}

/// The bundled lexicon, parsed once (an unreadable file is logged and leaves it empty: answering
/// goes on without paraphrases; the unit test below keeps the file valid).
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        Lexicon::parse(DATA).unwrap_or_else(|why| {
            tracing::error!(%why, "the paraphrase lexicon does not parse; answering without it");
            Lexicon::default()
        })
    });
    &LEXICON
}

/// Currencies not written with 元 (泰铢, 卢布, 马克, 英镑, 印尼盾); every unit ending in 元 is one too.
const CURRENCIES: &[&str] = &[
    "铢",
    "卢布",
    "马克",
    "法郎",
    "镑",
    "比索",
    "卢比",
    "里拉",
    "第纳尔",
    "兰特",
    "林吉特",
    "盾",
    "列伊",
    "列弗",
    "克朗",
    "福林",
    "兹罗提",
    "里亚尔",
    "雷亚尔",
    "比塞塔",
    "先令",
    "瑞郎",
    "埃斯库多",
    "德拉克马",
    "谢克尔",
    "坚戈",
    "索姆",
    "克瓦查",
    "奈拉",
];

/// Whether a unit of the lexicon counts money (亿元, 美元, 万铢).
pub fn is_money_unit(unit: &str) -> bool {
    unit.ends_with('元') || CURRENCIES.contains(&unit)
}

/// [`Lexicon::units`] of the bundled lexicon, remembered for the last question of each thread:
/// the reader asks it of every candidate span, and scanning the lexicon each time cost more
/// than the rest of the shape check.
pub fn units_of(norm: &str) -> Vec<&'static str> {
    use std::cell::RefCell;
    thread_local! {
        static LAST: RefCell<Option<(String, Vec<&'static str>)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((q, units)) = last.as_ref() {
            if q == norm {
                return units.clone();
            }
        }
        let units = lexicon().units(norm);
        *last = Some((norm.to_string(), units.clone()));
        units
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_lexicon_parses_and_covers_verbs_and_measures() {
        let lex = Lexicon::parse(DATA).expect("valid");
        let names: Vec<&str> = lex.classes().iter().map(|c| c.name.as_str()).collect();
        for want in [
            "earn",
            "lose",
            "sell",
            "spend",
            "length",
            "area",
            "height",
            "population",
        ] {
            assert!(names.contains(&want), "{want}");
        }
        assert!(lex
            .classes()
            .iter()
            .all(|c| c.say.iter().all(|s| s.chars().count() >= 2)));
    }

    #[test]
    fn a_question_word_gets_the_wordings_of_its_phrasing() {
        let lex = lexicon();
        let q = normalize("商湯2022年賺了多少");
        assert!(lex.wordings(&q, "赚").contains(&"利润"));
        // Money put up to buy a company is money spent (IBM出资35亿美元收购莲花).
        let bought = normalize("IBM買蓮花公司花了多少");
        assert!(lex.wordings(&bought, "花").contains(&"出资"));
        // 挣钱 is earning a living, 赚钱 making a profit.
        let earned = normalize("劇團1997年挣了多少錢");
        assert!(lex.wordings(&earned, "挣").contains(&"收入"));
        assert!(!lex.wordings(&earned, "挣").contains(&"利润"));
        assert!(lex.wordings(&q, "商汤").is_empty());
        assert!(lex.units(&normalize("長江有多長")).contains(&"公里"));
        assert_eq!(lex.unit_in("6000多平方米"), Some("平方米"));
        assert_eq!(lex.unit_in("1500美元"), Some("美元"));
        assert_eq!(lex.unit_in("12月31日"), None);
        assert_eq!(lex.unit_in("时速300公里/小时"), Some("公里"));
        assert_eq!(
            lex.unit_in("米价上涨"),
            None,
            "a unit before any digit is no figure's"
        );
        // A verb class whose answer is a sum of money has money's units.
        assert!(lex.units(&q).contains(&"亿元") && !lex.units(&q).contains(&"公里"));
        assert!(lex.units(&normalize("商湯2022年做了什么")).is_empty());
        assert_eq!(
            units_of(&normalize("長江有多長")),
            lex.units(&normalize("長江有多長"))
        );
        assert!(
            !units_of(&q).contains(&"公里"),
            "the cache follows the question"
        );
        assert!(lex.knows("利润") && !lex.knows("商汤"));
        // A plant's capacity is asked in 千瓦, not as a size or an age (多大).
        assert!(units_of(&normalize("熱電廠裝機多大")).contains(&"万千瓦"));
    }

    #[test]
    fn a_figure_in_chinese_numerals_has_its_unit() {
        let l = lexicon();
        assert!(l
            .unit_of_numerals("七百四十六亿元")
            .is_some_and(is_money_unit));
        assert_eq!(l.unit_of_numerals("二百六十四公里"), Some("公里"));
        // Digits are unit_in's; a lone numeral is a word (一些人).
        assert_eq!(l.unit_of_numerals("746亿元"), None);
        assert_eq!(l.unit_of_numerals("一些人"), None);
        assert_eq!(l.unit_of_numerals("一千多万元"), Some("万元"));
    }
}
