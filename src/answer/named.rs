//! What a who, where or which question is answered with: a name, given whole. A pointer
//! (这里, 该国最大的铝厂), a time (今天下午), a work's title, a figure or its unit names no one
//! and no place; the reader's fuller span of the same name (南方出版中心 for 南方) is preferred.

use std::ops::Range;

use super::byline::{asks_reporter, in_byline, press_marker};
use super::question::{AnswerKind, Question};
use super::reader;
use super::which::asked_head;

/// Words that point at a place or a person without naming one: no answer to where or who.
const POINTERS: &[&str] = &["他", "她", "他们", "她们", "它", "其", "此", "本人", "对方"];

/// Words that point at a place: a span that ends with one (来到这里) names none.
const PLACE_POINTERS: &[&str] = &[
    "这里", "那里", "这儿", "那儿", "此地", "此处", "当地", "本地", "该地", "该处",
];

/// Words that open a span pointing back at something named before (该国最大的国营铝厂, 这个村).
const BACK_POINTERS: &[&str] = &["该", "这", "此", "那个", "那家", "那位", "那些"];

/// Words of a time of day or a day (今天下午): no one and no place.
pub(super) const TIMES: &[&str] = &[
    "今天", "昨天", "明天", "前天", "当天", "今日", "昨日", "上午", "下午", "中午", "晚上", "凌晨",
    "傍晚", "日前", "近日", "目前", "最近", "前夕", "期间", "之际", "春节", "元旦", "新年",
];

/// Whether `span` of `sentence` names no one and no place though a who, where or which
/// question (`kind`) is answered with it: a pointer (这里, 来到这里, 该国最大的铝厂), a time
/// (今天下午), or a work's title (碣石诗抄 of 《碣石诗抄》) where a person or a place is asked
/// (a newspaper, 《明报》, is an organisation).
pub(super) fn names_nothing(q: &Question, sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let kind = q.kind;
    let span = &sentence[range.clone()];
    let titled = matches!(kind, AnswerKind::Person | AnswerKind::Place)
        && sentence[..range.start].ends_with('《')
        && sentence[range.end..].starts_with('》');
    // Where the answer is a place, 该站东南侧 says where.
    let points_back =
        kind != AnswerKind::Place && BACK_POINTERS.iter().any(|p| span.starts_with(p));
    POINTERS.contains(&span)
        || (kind == AnswerKind::Person && names_an_honour(sentence, range))
        || (kind == AnswerKind::Person && !asks_reporter(q) && in_byline(sentence, range))
        || (kind == AnswerKind::Person && after_adverb(sentence, range))
        || (kind == AnswerKind::Person
            && (restates_the_event(q, span) || restates_the_role(q, span)))
        || only_ordinal(span)
        || PLACE_POINTERS.iter().any(|p| span.ends_with(p))
        || points_back
        || only_times(span)
        || titled
        || half_title(span)
        || (matches!(kind, AnswerKind::Person | AnswerKind::Place)
            && span.ends_with(['暨', '和', '与', '及', '同']))
}

/// Whether a who-question's span holds a verb of the question (宣誓就职 for 元旦就职的总统是谁):
/// it restates the event asked about, and a name holds no verb. jieba's tags may call such a
/// phrase a name (宣誓就职 is a person to its model), so the question's own tagging decides.
fn restates_the_event(q: &Question, span: &str) -> bool {
    crate::text::segment::jieba()
        .tag(&q.normalized, true)
        .iter()
        .any(|w| {
            w.tag.starts_with('v')
                && w.word.chars().count() >= 2
                && q.terms.iter().any(|t| t == w.word)
                && span.contains(w.word)
        })
}

/// Whether a who-question's span is the role it asks about, new or former (新总统 for
/// 巴基斯坦总统是谁): the post, not who holds it. Not 副 (副教务长 is another post).
fn restates_the_role(q: &Question, span: &str) -> bool {
    let role = span.trim_start_matches(['新', '前', '原', '现']);
    role.chars().count() >= 2 && q.terms.iter().any(|t| t == role)
}

/// `text` past a note in brackets that opens it (（蒙古族）为… → 为…): news puts a person's
/// nationality or party between the name and the post.
fn skip_note(text: &str) -> &str {
    let Some(inner) = text.strip_prefix(['（', '(']) else {
        return text;
    };
    match inner.find(['）', ')']) {
        Some(end) => &inner[end + inner[end..].chars().next().map_or(0, char::len_utf8)..],
        None => text,
    }
}

/// Whether a span is an ordinal and nothing else (第八世, 第3届): it counts, names no one.
fn only_ordinal(span: &str) -> bool {
    let mut chars = span.chars();
    if chars.next() != Some('第') {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    let numerals = rest
        .iter()
        .take_while(|c| c.is_ascii_digit() || super::fit::NUMERALS.contains(**c))
        .count();
    numerals > 0 && rest.len() - numerals <= 1
}

/// Verbs after which a quoted name is an honour won (当选“最佳中场”), not a person.
const HONOURING: &[&str] = &["当选", "荣获", "获得", "评为", "授予", "被誉为"];

/// Whether the span at `range` stands in quotes opened right after an honouring verb: in
/// 申思当选“珀金斯中场发动机” the person is 申思, and 珀金斯 names the prize's sponsor.
fn names_an_honour(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let before = &sentence[..range.start];
    let Some(open) = before.rfind(['“', '"', '「']) else {
        return false;
    };
    // Inside the quotes: no closing quote since the opening one (a straight quote opens when
    // the sentence has an odd number of them before the span).
    let inside = if before[open..].starts_with('"') {
        before.matches('"').count() % 2 == 1
    } else {
        !before[open..].contains(['”', '」'])
    };
    let verb = &before[..open];
    inside
        && HONOURING
            .iter()
            .any(|v| verb.ends_with(v) || verb.strip_suffix('为').is_some_and(|p| p.ends_with(v)))
}

/// Adverbs that modify a verb and never stand right before the person who acts (再次荣获: 荣获
/// is a verb, whatever jieba's dictionary tags it).
const VERB_ADVERBS: &[&str] = &[
    "再次", "又", "再", "已", "已经", "曾", "曾经", "正在", "先后", "分别", "共同", "首次", "相继",
    "均", "仍", "一举", "连续", "顺利", "成功",
];

/// Whether the span at `range` follows one of the [`VERB_ADVERBS`]: it opens a predicate, not
/// a name.
fn after_adverb(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let before = &sentence[..range.start];
    VERB_ADVERBS.iter().any(|a| before.ends_with(a))
}

/// Whether a span opens a title it does not close, or closes one it did not open (诗集《碣石):
/// it cuts a name in two.
fn half_title(span: &str) -> bool {
    span.matches('《').count() != span.matches('》').count()
}

/// Whether a span is made of time words only (今天下午, 春节前夕; not 今天津市, present-day
/// Tianjin).
fn only_times(span: &str) -> bool {
    let mut rest = span;
    while let Some(shorter) = TIMES.iter().find_map(|t| rest.strip_prefix(t)) {
        rest = shorter;
    }
    rest.len() < span.len() && rest.is_empty()
}

/// Whether a question asks for a person, an organisation or a place, by its kind or by the
/// head of the place it asks (哪个村). Not 哪个 alone: 哪一个世纪 is answered with a figure.
pub(super) fn asks_a_name(q: &Question) -> bool {
    matches!(
        q.kind,
        AnswerKind::Person | AnswerKind::Organization | AnswerKind::Place | AnswerKind::Name
    ) || asked_head(&q.normalized).is_some()
}

/// True when a who, where or which question's answer is a pointer, a work's title or a
/// figure (3年 for 去了哪里): the sentence read does not name what was asked. `sentence` holds
/// the answer (`core`).
pub(super) fn names_no_answer(q: &Question, sentence: &str, core: &str) -> bool {
    if !asks_a_name(q) {
        return false;
    }
    let sentence = crate::text::normalize(sentence);
    let core = crate::text::normalize(core);
    let Some(at) = sentence.find(core.as_str()) else {
        return POINTERS.contains(&core.as_str());
    };
    let range = at..at + core.len();
    // A time (连续3年, 5月30日) or an amount (销售额达到3000亿玻利瓦尔) is no one and no
    // place either.
    let timed = core
        .chars()
        .zip(core.chars().skip(1))
        .any(|(a, b)| a.is_ascii_digit() && "年月日天万亿元%".contains(b));
    let span = &sentence[range.clone()];
    names_nothing(q, &sentence, &range)
        || figure_or_unit(&sentence, &range)
        || timed
        || ends_in_a_deed(span)
        || (!asks_reporter(q) && press_marker(span))
        || super::winner::champion_unsaid(q, &sentence)
}

/// Whether the clause of `sentence` that holds `core` writes years, none of them the
/// question's, and none a start it runs on from (从1996年起, 1990年以来).
pub(super) fn dated_to_another_year(q: &Question, sentence: &str, core: &str) -> bool {
    let sentence = crate::text::normalize(sentence);
    let core = crate::text::normalize(core);
    let Some(clause) = sentence
        .split([',', ';', ':', '。'])
        .find(|c| c.contains(&core))
    else {
        return false;
    };
    let years = super::question::years_in(clause);
    let start = |at: usize, y: &str| {
        let after = &clause[at + y.len()..];
        clause[..at].ends_with(['从', '自'])
            || ["年起", "年以来", "年来", "年开始"]
                .iter()
                .any(|w| after.starts_with(w))
    };
    !q.years.is_empty()
        && !years.is_empty()
        && !years
            .iter()
            .any(|(at, y)| q.years.contains(y) || start(*at, y))
}

/// Tags (jieba's) of the words that end a phrase telling what happened (隆重举行, 卫冕成功,
/// 人耳目一新), which no name ends with.
const DEED_TAGS: &[&str] = &["v", "vd", "vi", "i"];

/// Tags of names: a span that writes one may be a name the reader read with its verb (王彦介绍).
const NAME_TAGS: &[&str] = &["nr", "nrfg", "nrt", "ns", "nt", "nz", "eng"];

/// Whether a span of several words, none of them a name, ends in a verb or an idiom: it tells
/// a deed, not who or where. (jieba's dictionary cuts some names into characters it tags as
/// verbs, 狄/托, 林/龙/松: a verb of one character is left alone, and so is a lone word.)
fn ends_in_a_deed(span: &str) -> bool {
    let tags = crate::text::segment::jieba().tag(span, false);
    tags.len() >= 2
        && !span.contains(['、', '·'])
        && !tags.iter().any(|t| NAME_TAGS.contains(&t.tag))
        && tags
            .last()
            .is_some_and(|t| DEED_TAGS.contains(&t.tag) && t.word.chars().count() >= 2)
}

/// Whether the span at `range` of `sentence` is a figure or a figure's unit: it opens with a
/// number not of people (6000亿玻利瓦尔, not 3名前奴隶), or a number ends right before it
/// (玻利瓦尔 of 6000亿玻利瓦尔).
fn figure_or_unit(sentence: &str, range: &std::ops::Range<usize>) -> bool {
    let span = &sentence[range.clone()];
    let opens = span.starts_with(|c: char| c.is_ascii_digit())
        && !span
            .trim_start_matches(|c: char| c.is_ascii_digit() || "., 多余万亿".contains(c))
            .starts_with(['名', '位', '个', '人']);
    let mut before = sentence[..range.start].chars().rev();
    let after_number = match before.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('万' | '亿') => before.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    opens || after_number
}

/// For a question that asks who, where or which place, drops the spans that name nothing (a
/// figure or a figure's unit, a pointer, a work's title) when the reader read any other:
/// 被谁买下 is not answered with the price it was bought for, nor 哪里人 with a poet's book.
pub(super) fn drop_figures<'a>(
    q: &Question,
    spans: &mut Vec<(reader::Span, f32)>,
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if !asks_a_name(q) {
        return;
    }
    let named = |s: &reader::Span| {
        !figure_or_unit(sentence(s), &s.range) && !names_nothing(q, sentence(s), &s.range)
    };
    if spans.iter().any(|(s, _)| named(s)) {
        spans.retain(|(s, _)| named(s));
    }
}

/// Verbs whose object is the person a post is given to (任命X为外交部长).
const APPOINTING: &[&str] = &[
    "任命", "委任", "聘任", "聘请", "选举", "推举", "推选", "提名",
];

/// How much lower (the reader's log-odds) the appointee may score than the reader's best span
/// and still be the answer.
const APPOINTEE_MARGIN: f32 = 3.0;

/// Whether a who-question asks about an appointment (新任命的外交部长是谁, 新任…是谁, 选谁当省长).
pub(super) fn asks_appointee(q: &Question) -> bool {
    q.kind == AnswerKind::Person
        && (APPOINTING.iter().any(|v| q.normalized.contains(v))
            || ["新任", "选了谁", "选谁"]
                .iter()
                .any(|w| q.normalized.contains(w))
            // 主席选的是谁
            || (q.normalized.contains('选') && q.normalized.contains('谁')))
}

/// Where the name of the span at `range` of `text` ends: the reader's span may take in the 为
/// (玛丽亚·索托为).
fn name_end(text: &str, range: &Range<usize>) -> usize {
    match text.get(range.clone()) {
        Some(t) if t.ends_with('为') && t.len() > '为'.len_utf8() => range.end - '为'.len_utf8(),
        _ => range.end,
    }
}

/// Whether the span at `range` of `text` stands between an appointing verb and 为 in its clause.
fn appointed(text: &str, range: &Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(name_end(text, range)..))
    else {
        return false;
    };
    let clause = before
        .rsplit([',', '，', '。', ';', '；'])
        .next()
        .unwrap_or(before);
    skip_note(after).starts_with('为') && APPOINTING.iter().any(|v| clause.contains(v))
}

/// Of several appointees (选举于学祥为市人大常委会主任；选举薄熙来为市长), whether the span at
/// `range` of `text` is given the post the question names: the post's last two characters
/// (市长) are the question's.
fn to_asked_post(q: &Question, text: &str, range: &Range<usize>) -> bool {
    let post: Vec<char> = text
        .get(name_end(text, range)..)
        .map(|a| skip_note(a).get('为'.len_utf8()..).unwrap_or_default())
        .unwrap_or_default()
        .split([',', '，', '。', ';', '；', '、'])
        .next()
        .unwrap_or_default()
        .chars()
        .collect();
    post.len() >= 2 && {
        let head: String = post[post.len() - 2..].iter().collect();
        q.normalized.contains(&head)
    }
}

/// Whether the span at `range` of `text` is the one an appointment question ([`asks_appointee`])
/// asks for, given the very post it names (选举舒圣佑为省长 for 选谁当省长): the reader's shortlist
/// keeps it however low the linear model ranks the clause.
pub(super) fn appointed_to_asked_post(q: &Question, text: &str, range: &Range<usize>) -> bool {
    appointed(text, range) && to_asked_post(q, text, range)
}

/// For a who-question about an appointment, puts first the reader's span that stands between
/// an appointing verb and 为 in its clause: in 塞迪略任命女参议员罗萨里奥·格林为外交部长 the
/// appointee, not the president who appoints; of several, the one given the asked post.
pub(super) fn prefer_appointee<'a>(
    q: &Question,
    spans: &mut [(reader::Span, f32)],
    sentence: impl Fn(&reader::Span) -> &'a str,
) {
    if !asks_appointee(q) {
        return;
    }
    let Some(best) = spans.iter().map(|(_, sc)| *sc).max_by(f32::total_cmp) else {
        return;
    };
    let pick = spans
        .iter()
        .enumerate()
        .filter(|(_, (s, sc))| *sc >= best - APPOINTEE_MARGIN && appointed(sentence(s), &s.range))
        .max_by(|a, b| {
            let asked = |s: &reader::Span| to_asked_post(q, sentence(s), &s.range);
            asked(&a.1 .0)
                .cmp(&asked(&b.1 .0))
                .then(a.1 .1.total_cmp(&b.1 .1))
        })
        .map(|(k, _)| k);
    if let Some(k) = pick {
        spans[k].0.range.end = name_end(sentence(&spans[k].0), &spans[k].0.range);
        reader::put_first(spans, k);
    }
}

#[cfg(test)]
#[path = "named_tests.rs"]
mod tests;
