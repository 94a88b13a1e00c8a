//! How much of a sentence a who, where or which answer takes: the whole name the reader read
//! (东方出版中心 for 东方, 土井多贺子 for 多贺子) and no time or honorific after it (罗纳尔多12日,
//! 阿特金老先生).

use super::named::{asks_a_name, names_nothing, TIMES};
use super::question::{AnswerKind, Question};
use super::reader;
use super::which::{asked_head, BARE_HEADS, INSTITUTION_HEADS};
use crate::text::segment::jieba;

/// For a who, where or which question, the span without the time it runs into (罗纳尔多12日 →
/// 罗纳尔多, 陈秀英今天 → 陈秀英): the reader may read a name with the day after it, and a
/// time is no part of a name. `range` is the span in the normalized `sentence`.
pub(super) fn without_time(
    q: &Question,
    sentence: &str,
    range: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    if let Some(stretch) = stretch_to_its_end(q, sentence, range) {
        return stretch;
    }
    if !asks_a_name(q) || sentence.get(range.clone()).is_none() {
        return range.clone();
    }
    if let Some(names) = named_before_count(q, sentence, range) {
        return names;
    }
    let range = &up_to_honorific(q, sentence, range);
    let span = &sentence[range.clone()];
    // A person's name the span runs on from into what they did that day (李文今天参观了…).
    if let Some(name) = name_before_time(q, span) {
        return range.start..range.start + name;
    }
    let mut end = span.len();
    loop {
        let rest = &span[..end];
        // A day, a month or a year in digits (12日, 1月, 1998年; not 3年, a duration, nor
        // 1号, which may number a house).
        let dated = rest.strip_suffix(['日', '月', '年']).and_then(|unit| {
            let number = unit.trim_end_matches(|c: char| c.is_ascii_digit());
            let digits = unit.len() - number.len();
            let date = if rest.ends_with('年') {
                digits == 4
            } else {
                (1..=2).contains(&digits)
            };
            (date && !number.is_empty()).then_some(number.len())
        });
        // A person's honorific is no part of the name either (阿特金老先生).
        let honorifics: &[&str] = if q.kind == AnswerKind::Person {
            HONORIFICS
        } else {
            &[]
        };
        let timed = TIMES
            .iter()
            .find(|t| rest.ends_with(*t) && rest.len() > t.len())
            .or_else(|| {
                // What is left is a name of two characters or more (老同志 is no 老).
                honorifics.iter().find(|t| {
                    rest.strip_suffix(*t)
                        .is_some_and(|name| name.chars().count() >= 2)
                })
            })
            .map(|t| end - t.len());
        match dated.or(timed) {
            Some(cut) => end = cut,
            None => break,
        }
    }
    range.start..range.start + end
}

/// For a who-question, the length of the person's name a span opens with when a time word
/// follows it inside the span (李文 of 李文今天参观了浦东新区后).
fn name_before_time(q: &Question, span: &str) -> Option<usize> {
    if q.kind != AnswerKind::Person {
        return None;
    }
    let cut = TIMES
        .iter()
        .filter_map(|t| span.find(t).filter(|&at| at + t.len() < span.len()))
        .min()?;
    let name = &span[..cut];
    (name.chars().count() >= 2
        && name.chars().all(crate::text::is_cjk)
        && super::mentions::is_name(name))
    .then_some(cut)
}

/// For a who-question whose span is the word after a count of people (老同志 of
/// 夏衍、阳翰笙两位老同志), the names written before the count: the people it describes.
fn named_before_count(
    q: &Question,
    sentence: &str,
    range: &std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    // No name follows a count of people directly (两位老同志, 三名代表), whatever jieba's
    // dictionary tags the word (老同志 is a name there).
    let span = sentence.get(range.clone())?;
    if q.kind != AnswerKind::Person || !span.chars().all(crate::text::is_cjk) {
        return None;
    }
    let before = sentence.get(..range.start)?;
    let counted = before.strip_suffix(['位', '名'])?;
    let numerals = counted
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || "两二三四五六七八九十几".contains(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    let names_end = counted.len() - numerals;
    if numerals == 0 {
        return None;
    }
    let listed = &counted[..names_end];
    let start = listed
        .rfind(|c: char| "与和同跟及,，:：;；。".contains(c) || c.is_whitespace())
        .map_or(0, |i| {
            i + listed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let names = &listed[start..];
    let each_a_name = names.split('、').all(|n| {
        let k = n.chars().count();
        (2..=4).contains(&k) && n.chars().all(crate::text::is_cjk) && !common_word(n)
    });
    (!names.is_empty() && each_a_name).then_some(start..names_end)
}

/// For a who-question, the span up to the honorific written a character or two after it, when
/// the whole is a name of at most four characters: jieba may cut a name the reader reads
/// (铃木秀 of 首席大提琴手铃木秀实先生), and 先生 ends it.
fn up_to_honorific(
    q: &Question,
    sentence: &str,
    range: &std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let grown = || {
        let span = sentence.get(range.clone())?;
        let after = sentence.get(range.end..)?;
        let (at, _) = HONORIFICS
            .iter()
            .filter_map(|h| after.find(h).map(|at| (at, h)))
            .min()?;
        let added = &after[..at];
        let n = added.chars().count();
        ((1..=2).contains(&n)
            && span.chars().count() + n <= 4
            && added
                .chars()
                .all(|c| crate::text::is_cjk(c) && !NOT_IN_NAME.contains(c)))
        .then(|| range.start..range.end + at)
    };
    match q.kind {
        AnswerKind::Person => grown().unwrap_or_else(|| range.clone()),
        _ => range.clone(),
    }
}

/// For a question that asks which stretch (哪段路, 哪一段), the span with the other end the
/// sentence gives after 至, 到 or a dash, when that end is a name of the same kind (梅陇站至
/// 金卫东站: both end in 站).
fn stretch_to_its_end(
    q: &Question,
    sentence: &str,
    range: &std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    if !["哪段", "哪一段"].iter().any(|w| q.normalized.contains(w)) {
        return None;
    }
    let kind = sentence.get(range.clone())?.chars().next_back()?;
    let after = sentence.get(range.end..)?;
    let joint = ['至', '到', '—', '-']
        .into_iter()
        .find(|j| after.starts_with(*j))?;
    let rest = &after[joint.len_utf8()..];
    let end = rest
        .char_indices()
        .take(12)
        .find(|&(_, c)| c == kind)
        .map(|(i, c)| i + c.len_utf8())?;
    rest[..end]
        .chars()
        .all(crate::text::is_cjk)
        .then(|| range.start..range.end + joint.len_utf8() + end)
}

/// Words of respect news writes after a person's name.
const HONORIFICS: &[&str] = &["老先生", "先生", "女士", "同志", "老人"];

/// How much lower (the reader's log-odds) a fuller name may score than the part of it the
/// reader preferred and still be the answer.
const FULLER_NAME: f32 = 2.0;

/// Characters that a name's added part may not hold: function words, times and punctuation
/// (已由东方, 学院日前 are no name).
const NOT_IN_NAME: &str =
    "的与和及同跟在由已于从向对把被将是为了给日月年今昨前后,.;:!?、。，；：！？《》“”\"'()（） ";

/// Tags of words that are no part of a name: nouns, verbs, times, adverbs, pronouns and the
/// like (a title such as 总书记 is a noun).
const COMMON_TAGS: &[&str] = &[
    "n", "v", "vn", "vd", "b", "t", "d", "p", "c", "f", "s", "r", "m", "q", "a", "ad", "an", "u",
];

/// Whether `text` is one word of the dictionary that is no name (总书记, 来自, 室), by its tag.
fn common_word(text: &str) -> bool {
    match jieba().tag(text, false).as_slice() {
        [one] => one.word == text && COMMON_TAGS.contains(&one.tag),
        _ => false,
    }
}

/// For a who or which question, the reader's span of the same sentence that holds `best` and
/// adds name parts to it, when one scores close enough: an organisation's name up to its head
/// (东方 → 东方出版中心, 工程学院 → 北京建筑工程学院), a person's surname before a given
/// name (多贺子 → 土井多贺子), the rest of a name the corpus writes only whole (陈方 → 陈方安生:
/// `written_whole(part, rest)`). `best` when there is none. `sentence` gives a span's sentence.
pub(super) fn fuller_name<'s, 'a>(
    q: &Question,
    best: &'s reader::Span,
    spans: &'s [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
    written_whole: impl Fn(&str, &str) -> bool,
) -> &'s reader::Span {
    let person = q.kind == AnswerKind::Person;
    // 哪个厂 asks an organisation by its head, and a span that ends with it may be only part
    // of the name (纺织厂 → 绵阳第一纺织厂). Not a place's head: 田纳西州 is whole.
    let text = sentence(best);
    let head = asked_head(&q.normalized).filter(|h| {
        h.ends_with(|c: char| INSTITUTION_HEADS.contains(c))
            && text[best.range.clone()].ends_with(h)
    });
    if !person && q.kind != AnswerKind::Organization && head.is_none() {
        return best;
    }
    let Some(best_score) = spans
        .iter()
        .find(|(s, _)| std::ptr::eq(s, best))
        .map(|(_, sc)| *sc)
    else {
        return best;
    };
    let fuller = |s: &reader::Span| {
        if (s.passage, s.sentence) != (best.passage, best.sentence)
            || s.range == best.range
            || s.range.start > best.range.start
            || s.range.end < best.range.end
        {
            return false;
        }
        let added = [
            &text[s.range.start..best.range.start],
            &text[best.range.end..s.range.end],
        ];
        // A transliterated name cut after its dot's next characters (弗朗切斯科·弗朗 of
        // 弗朗切斯科·弗朗兰利27日): the rest of the word up to a day, shown without it.
        if person && text[best.range.clone()].contains('·') && s.range.start == best.range.start {
            let day = added[1].trim_end_matches(['日', '月']);
            let rest = day.trim_end_matches(|c: char| c.is_ascii_digit());
            return rest.len() < day.len()
                && day.len() < added[1].len()
                && (1..=4).contains(&rest.chars().count())
                && rest.chars().all(crate::text::is_cjk)
                && !rest.contains(|c: char| NOT_IN_NAME.contains(c));
        }
        if added
            .iter()
            .any(|a| a.contains(|c: char| NOT_IN_NAME.contains(c) || c.is_ascii_digit()))
            || names_nothing(q, text, &s.range)
        {
            return false;
        }
        if person {
            // A surname: at most three characters before, nothing after, and no word of
            // its own that titles or describes (总书记, 太子, 暴君 are tagged so; 来自, 引发).
            (added[1].is_empty() && added[0].chars().count() <= 3 && !common_word(added[0]))
                // Or the rest of a name jieba cut in two, where the corpus writes the part
                // only with it (陈方 → 陈方安生).
                || (added[0].is_empty()
                    && added[1].chars().count() <= 2
                    && written_whole(&text[best.range.clone()], added[1]))
        } else {
            let name = &text[s.range.clone()];
            BARE_HEADS
                .iter()
                .copied()
                .chain(head)
                .any(|h| name.ends_with(h) && name.len() > h.len())
        }
    };
    // A person's surname: the best scored. An organisation or a place: the fullest name
    // (江西凤凰光学股份有限公司子弟学校, not 有限公司子弟学校, which starts inside it).
    let fuller = spans
        .iter()
        .filter(|(s, sc)| *sc >= best_score - FULLER_NAME && fuller(s));
    if person {
        fuller.max_by(|a, b| a.1.total_cmp(&b.1))
    } else {
        fuller.max_by_key(|(s, _)| s.range.len())
    }
    .map_or(best, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    fn cut(question: &str, sentence: &str, span: &str) -> String {
        let q = Question::parse(question, &Aliases::default()).unwrap();
        let at = sentence.find(span).unwrap();
        sentence[without_time(&q, sentence, &(at..at + span.len()))].to_string()
    }

    #[test]
    fn a_name_is_answered_without_the_time_after_it() {
        let who = "再次获奖的是谁";
        assert_eq!(
            cut(who, "罗纳尔多12日在巴黎获奖", "罗纳尔多12日"),
            "罗纳尔多"
        );
        assert_eq!(
            cut(who, "罗纳尔多1月12日获奖", "罗纳尔多1月12日"),
            "罗纳尔多"
        );
        assert_eq!(cut(who, "陈秀英今天主持会议", "陈秀英今天"), "陈秀英");
        // A name the span runs on from into the day's deed.
        assert_eq!(
            cut(
                who,
                "李文今天参观了浦东新区后回国",
                "李文今天参观了浦东新区后"
            ),
            "李文"
        );
        assert_eq!(
            cut(who, "王大山今天下午到达北京", "王大山今天下午到达北京"),
            "王大山"
        );
        // A person's honorific is no part of the name, unless nothing is left but one
        // character.
        assert_eq!(cut(who, "阿特金老先生译完了全书", "阿特金老先生"), "阿特金");
        assert_eq!(cut(who, "两位老同志写了信", "老同志"), "老同志");
        assert_eq!(
            cut(
                "哪段路先刷卡乘车",
                "率先在梅陇站至金卫东站的列车上试行",
                "梅陇站"
            ),
            "梅陇站至金卫东站"
        );
        // The people a count describes are named before it.
        assert_eq!(
            cut(who, "我与夏衍、阳翰笙两位老同志联名写信", "老同志"),
            "夏衍、阳翰笙"
        );
        assert_eq!(cut(who, "阿特金老先生译完了全书", "阿特金老先生"), "阿特金");
        // A name cut short runs up to the honorific after it.
        assert_eq!(cut(who, "独奏的是铃木秀实先生", "铃木秀"), "铃木秀实");
        assert_eq!(cut(who, "独奏的是铃木先生的学生", "铃木"), "铃木");
        // A duration is no date, and a time alone is left to the final check.
        assert_eq!(cut(who, "他连续3年获奖", "连续3年"), "连续3年");
        assert_eq!(cut(who, "12日获奖", "12日"), "12日");
        assert_eq!(
            cut("研究所位于哪里", "研究所位于教育路1号", "教育路1号"),
            "教育路1号"
        );
        // An amount's span is another module's.
        assert_eq!(cut("获奖多少次", "获奖12次", "12次"), "12次");
    }
    /// The rest of a name jieba cut in two is added where the corpus writes the part only
    /// with it, and only then.
    #[test]
    fn a_name_the_corpus_writes_only_whole_is_answered_whole() {
        let q = Question::parse("委员会主席是谁", &Aliases::default()).unwrap();
        let sentence = "政务司司长陈方安生出任委员会主席";
        let span = |t: &str, score: f32| {
            let at = sentence.find(t).unwrap();
            (reader::Span::bare(0, 0, at..at + t.len()), score)
        };
        let spans = [
            span("陈方", 0.2),
            span("陈方安生", -1.5),
            span("陈方安生出任", -1.6),
        ];
        let chosen = |whole: bool| {
            let best = fuller_name(
                &q,
                &spans[0].0,
                &spans,
                |_| sentence,
                |part, rest| whole && part == "陈方" && rest == "安生",
            );
            sentence[best.range.clone()].to_string()
        };
        assert_eq!(chosen(true), "陈方安生");
        assert_eq!(chosen(false), "陈方");
    }
}
