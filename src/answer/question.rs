//! Question understanding: what kind of answer is wanted, about which entity and year, and
//! which words carry the meaning. Works on normalized (Simplified, half-width, lowercase) text.

use serde::{Deserialize, Serialize};

use crate::text::aliases::Aliases;

use super::{asks, question_time};
use crate::text::time::{self, PartialDate};
use crate::text::{grams, normalize, words};

/// Longest question accepted, in characters; longer ones are trimmed (front ends say so).
pub const MAX_QUESTION_CHARS: usize = 500;

/// The kind of answer a question expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// An amount, number or percentage (多少, 幾, 多大).
    Amount,
    /// A date or year (何時, 什麼時候, 哪一年).
    Date,
    /// A person (誰).
    Person,
    /// An organisation (哪家, 哪所).
    Organization,
    /// A place (哪裡).
    Place,
    /// A name (叫什麼).
    Name,
    /// Why: the best sentence.
    Reason,
    /// Yes or no: the best sentence.
    YesNo,
    /// Anything else (什麼, 如何...): a span where one can be found, else the best sentence.
    Other,
}

impl AnswerKind {
    /// A short label for explanations.
    pub fn label(self) -> &'static str {
        match self {
            AnswerKind::Amount => "amount",
            AnswerKind::Date => "date",
            AnswerKind::Person => "person",
            AnswerKind::Organization => "organization",
            AnswerKind::Place => "place",
            AnswerKind::Name => "name",
            AnswerKind::Reason => "reason",
            AnswerKind::YesNo => "yes/no",
            AnswerKind::Other => "other",
        }
    }
}

/// Question phrases (normalized), longest first within each kind, with the kind they signal.
/// They are removed from scoring but decide the answer type.
pub(crate) const CUES: &[(&str, AnswerKind)] = &[
    ("什么时候", AnswerKind::Date),
    ("什么时间", AnswerKind::Date),
    ("哪一年", AnswerKind::Date),
    ("哪一天", AnswerKind::Date),
    ("哪个月", AnswerKind::Date),
    ("哪年", AnswerKind::Date),
    ("哪天", AnswerKind::Date),
    ("何时", AnswerKind::Date),
    ("何年", AnswerKind::Date),
    ("几月", AnswerKind::Date),
    ("几号", AnswerKind::Date),
    ("何日", AnswerKind::Date),
    ("年份", AnswerKind::Date),
    ("为什么", AnswerKind::Reason),
    ("为何", AnswerKind::Reason),
    ("什么原因", AnswerKind::Reason),
    ("原因是", AnswerKind::Reason),
    ("叫什么名字", AnswerKind::Name),
    ("叫什么", AnswerKind::Name),
    ("名为什么", AnswerKind::Name),
    ("称为什么", AnswerKind::Name),
    ("什么名字", AnswerKind::Name),
    ("哪位", AnswerKind::Person),
    ("什么人", AnswerKind::Person),
    ("何人", AnswerKind::Person),
    ("是谁", AnswerKind::Person),
    ("谁", AnswerKind::Person),
    ("哪家", AnswerKind::Organization),
    ("哪所", AnswerKind::Organization),
    ("什么公司", AnswerKind::Organization),
    ("哪个公司", AnswerKind::Organization),
    ("哪间", AnswerKind::Organization),
    ("哪里", AnswerKind::Place),
    ("哪儿", AnswerKind::Place),
    ("何处", AnswerKind::Place),
    ("何地", AnswerKind::Place),
    ("什么地方", AnswerKind::Place),
    ("哪个国家", AnswerKind::Place),
    ("哪个城市", AnswerKind::Place),
    ("哪国", AnswerKind::Place),
    // Where something is held, as users type it (在哪办, 在哪举行).
    ("在哪举行", AnswerKind::Place),
    ("在哪举办", AnswerKind::Place),
    ("在哪办", AnswerKind::Place),
    ("在哪开", AnswerKind::Place),
    // 哪几家公司 asks which ones, not how many.
    ("哪几家", AnswerKind::Organization),
    ("多少钱", AnswerKind::Amount),
    ("多少", AnswerKind::Amount),
    ("多大", AnswerKind::Amount),
    ("多高", AnswerKind::Amount),
    ("多长", AnswerKind::Amount),
    ("多久", AnswerKind::Amount),
    ("多重", AnswerKind::Amount),
    ("多远", AnswerKind::Amount),
    ("多快", AnswerKind::Amount),
    ("几成", AnswerKind::Amount),
    ("几个", AnswerKind::Amount),
    ("几家", AnswerKind::Amount),
    ("几名", AnswerKind::Amount),
    ("几", AnswerKind::Amount),
    ("是否", AnswerKind::YesNo),
    ("是不是", AnswerKind::YesNo),
    ("有没有", AnswerKind::YesNo),
    ("能不能", AnswerKind::YesNo),
    ("能否", AnswerKind::YesNo),
    ("吗", AnswerKind::YesNo),
    ("什么", AnswerKind::Other),
    ("怎么样", AnswerKind::Other),
    ("怎么", AnswerKind::Other),
    ("怎样", AnswerKind::Other),
    ("如何", AnswerKind::Other),
    ("哪些", AnswerKind::Other),
    ("哪个", AnswerKind::Other),
    ("哪", AnswerKind::Other),
    ("何", AnswerKind::Other),
];

/// Filler removed from the question before scoring (never decides the type).
const FILLER: &[&str] = &[
    "请问",
    "请告诉我",
    "告诉我",
    "呢",
    "么",
    "吧",
    "啊",
    "呀",
    "一下",
];

/// Words too common to help retrieval.
pub const STOPWORDS: &[&str] = &[
    "的", "了", "是", "在", "有", "和", "与", "及", "其", "也", "都", "就", "而", "被", "把", "对",
    "为", "以", "之", "于", "这", "那", "个", "一", "我", "你", "他", "她", "它", "们", "中", "上",
    "到", "说", "要", "会", "该", "又", "或", "并", "等", "从", "由", "啥", "得", "地", "着", "过",
    "the", "a", "an", "of", "in", "is", "was", "what", "how", "who", "when", "which", "did",
    "does", "do", "to", "and", "for", "much", "many",
];

/// A parsed question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The question as asked (trimmed, at most [`MAX_QUESTION_CHARS`]).
    pub raw: String,
    /// Normalized question.
    pub normalized: String,
    /// The expected answer type.
    pub kind: AnswerKind,
    /// Alias groups of the entities named (indexes into the index's aliases).
    pub entities: Vec<usize>,
    /// The entity names as written in the question (normalized).
    pub entity_names: Vec<String>,
    /// Years named (`2022`, Chinese-numeral years folded, 今年/去年 read against today).
    pub years: Vec<String>,
    /// Asks for the newest figure (最近一年, 最新, 目前) and names no year.
    #[serde(default)]
    pub latest: bool,
    /// Content words (normalized), without question phrases, stopwords, entities and years.
    pub terms: Vec<String>,
    /// CJK bigrams of the content (outside entities and years).
    pub bigrams: Vec<String>,
    /// CJK characters of the content (outside entities and years).
    pub unigrams: Vec<String>,
    /// True when the question was longer than allowed and was trimmed.
    pub trimmed: bool,
}

/// Finds the years in a normalized text: four digits from 1900 to 2099 not part of a longer
/// number and not followed by a measure word.
pub fn years_in(norm: &str) -> Vec<(usize, String)> {
    let b = norm.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let is_year = b[i..i + 4].iter().all(u8::is_ascii_digit)
            // Not part of a model number or a longer figure (M1911, 3.1415).
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'.')
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
            && matches!(&norm[i..i + 2], "19" | "20")
            // Not a count (2018个 projects, 2000多人).
            && !crate::text::time::counts_not_year(norm[i + 4..].chars().next());
        if is_year {
            out.push((i, norm[i..i + 4].to_string()));
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

impl Question {
    /// Parses a question. Returns `None` when nothing searchable is left (empty, emoji-only,
    /// punctuation-only).
    pub fn parse(raw: &str, aliases: &Aliases) -> Option<Question> {
        Question::parse_at(raw, aliases, time::today())
    }

    /// Parses a question whose 今年/去年/前年/明年 are read against `today`.
    pub fn parse_at(raw: &str, aliases: &Aliases, today: PartialDate) -> Option<Question> {
        let raw = raw.trim();
        let trimmed = raw.chars().count() > MAX_QUESTION_CHARS;
        let raw: String = raw.chars().take(MAX_QUESTION_CHARS).collect();
        // Chinese-numeral years become Arabic ones (二〇二二年 → 2022年), as indexing counts a
        // passage's numeral years among its words.
        let normalized = time::fold_numeral_years(&normalize(&raw));

        // Blank out, in a working copy, the parts that are not content words. Blanking keeps
        // the byte layout, so bigrams never bridge a removed phrase.
        let mut work = normalized.clone();
        let mut kind = None;
        for (cue, k) in CUES {
            if work.contains(cue) {
                kind.get_or_insert(*k);
                work = work.replace(cue, &" ".repeat(cue.len()));
            }
        }
        for f in FILLER {
            work = work.replace(f, &" ".repeat(f.len()));
        }
        let mut entities = Vec::new();
        let mut entity_names = Vec::new();
        for m in aliases.find(&normalized) {
            if !entities.contains(&m.group) {
                entities.push(m.group);
            }
            entity_names.push(normalized[m.start..m.end].to_string());
            work.replace_range(m.start..m.end, &" ".repeat(m.end - m.start));
        }
        let mut years: Vec<String> = years_in(&normalized).into_iter().map(|(_, y)| y).collect();
        question_time::relative_years(&normalized, &mut work, today, &mut years);
        let kind = match kind.unwrap_or(AnswerKind::Other) {
            AnswerKind::Other if asks::a_person(&normalized) => AnswerKind::Person,
            AnswerKind::Other if asks::a_place(&normalized) => AnswerKind::Place,
            k => k,
        };
        let latest = question_time::latest(kind, &years, &mut work);
        for (pos, y) in years_in(&work) {
            let mut end = pos + y.len();
            if work[end..].starts_with('年') {
                end += '年'.len_utf8();
            }
            work.replace_range(pos..end, &" ".repeat(end - pos));
        }
        let work = asks::apart_from_asked(&normalized, work);
        let mut terms: Vec<String> = Vec::new();
        for p in words(&work) {
            if !STOPWORDS.contains(&p.text.as_str()) && !terms.contains(&p.text) {
                terms.push(p.text);
            }
        }
        let mut bigrams = Vec::new();
        let mut unigrams = Vec::new();
        for g in grams(&work) {
            let n = g.text.chars().count();
            let cjk = g.text.chars().all(crate::text::is_cjk);
            if !cjk {
                continue;
            }
            if n == 2 && !bigrams.contains(&g.text) {
                bigrams.push(g.text);
            } else if n == 1 && !STOPWORDS.contains(&g.text.as_str()) && !unigrams.contains(&g.text)
            {
                unigrams.push(g.text);
            }
        }
        if terms.is_empty() && entities.is_empty() && years.is_empty() {
            return None;
        }
        Some(Question {
            raw,
            normalized,
            kind,
            entities,
            entity_names,
            years,
            latest,
            terms,
            bigrams,
            unigrams,
            trimmed,
        })
    }

    /// The content words that are not numbers: what the question says happened (虧損, 營收).
    pub fn predicate(&self) -> Vec<&str> {
        self.terms
            .iter()
            .map(String::as_str)
            .filter(|t| !t.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases() -> Aliases {
        Aliases::parse("[groups]\nsensetime = [\"商湯\", \"商湯科技\", \"SenseTime\"]\n").unwrap()
    }

    #[test]
    fn parses_the_seed_question_in_both_scripts() {
        let a = aliases();
        let t = Question::parse("商湯2022年虧損多少", &a).unwrap();
        let s = Question::parse("商汤2022年亏损多少", &a).unwrap();
        assert_eq!(t.kind, AnswerKind::Amount);
        assert_eq!(t.entities, vec![0]);
        assert_eq!(t.years, vec!["2022"]);
        assert_eq!(t.terms, vec!["亏损"]);
        assert_eq!(
            (t.terms.clone(), t.years.clone(), t.kind),
            (s.terms, s.years, s.kind)
        );
    }

    #[test]
    fn detects_answer_types() {
        let a = Aliases::default();
        let kind = |q: &str| Question::parse(q, &a).map(|q| q.kind);
        assert_eq!(kind("商湯是哪一年成立的？"), Some(AnswerKind::Date));
        assert_eq!(kind("誰創辦了商湯"), Some(AnswerKind::Person));
        assert_eq!(kind("去年甲A哪个球员进球最多"), Some(AnswerKind::Person));
        assert_eq!(kind("哪個選手奪得冠軍"), Some(AnswerKind::Person));
        assert_eq!(kind("哪个成员国反对"), Some(AnswerKind::Other));
        assert_eq!(kind("为什么AI公司亏损"), Some(AnswerKind::Reason));
        assert_eq!(kind("曠視總部在哪裡"), Some(AnswerKind::Place));
        assert_eq!(kind("世界中学生运动会在哪办"), Some(AnswerKind::Place));
        assert_eq!(kind("獨聯體元首會議在哪舉行"), Some(AnswerKind::Place));
        assert_eq!(kind("總統參觀了哪幾家公司"), Some(AnswerKind::Organization));
        assert_eq!(kind("大模型产品叫什么"), Some(AnswerKind::Name));
    }

    #[test]
    fn a_model_number_is_no_year() {
        let years = |t: &str| -> Vec<String> { years_in(t).into_iter().map(|(_, y)| y).collect() };
        assert_eq!(years("m1911在哪一年被采用"), Vec::<String>::new());
        assert_eq!(years("改良成m1911,于1911年采用"), vec!["1911"]);
        assert_eq!(years("2022年虧損,2021年盈利"), vec!["2022", "2021"]);
        assert!(years("圆周率3.1416").is_empty());
        // A count or an amount is no year either.
        assert!(years("投资项目共2018个,职工2000多人,月薪1998元").is_empty());
        assert!(years("占地2016平方米,重1500公斤,年产2000套").is_empty());
        assert_eq!(years("截至1997年9月底"), vec!["1997"]);
    }

    /// jieba's guess glues 探月 onto the 花 of 花了; the phrasing asked stays apart.
    #[test]
    fn an_asked_phrasing_is_not_glued_to_the_word_before() {
        let q = Question::parse("1998年美国月球勘探者探月花了多少钱", &Aliases::default()).unwrap();
        assert!(q.terms.contains(&"探月".to_string()), "{:?}", q.terms);
        assert!(!q.terms.iter().any(|t| t.contains("月花")), "{:?}", q.terms);
        // A dictionary word across the phrasing is left as jieba cuts it.
        let q = Question::parse("公司亏损多少", &Aliases::default()).unwrap();
        assert_eq!(q.terms, vec!["公司", "亏损"]);
    }

    #[test]
    fn nothing_searchable_is_none() {
        let a = Aliases::default();
        assert!(Question::parse("", &a).is_none());
        assert!(Question::parse("😀😀🎉", &a).is_none());
        assert!(Question::parse("？？！！", &a).is_none());
        assert!(Question::parse("多少？", &a).is_none());
    }

    #[test]
    fn latin_alias_is_an_entity() {
        let q = Question::parse("SenseTime 2022 loss", &aliases()).unwrap();
        assert_eq!(q.entities, vec![0]);
        assert_eq!(q.years, vec!["2022"]);
        assert_eq!(q.terms, vec!["loss"]);
    }
}
