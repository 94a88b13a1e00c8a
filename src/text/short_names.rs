//! Short names: once a report has named a country, news writes it with one character
//! (哈萨克斯坦 … 哈独立5年多来已吸引外资100多亿美元; 俄罗斯 … 对俄“经济奇迹”的期望). A question asks
//! with the full name, which such a paragraph never writes. Indexing reads which full names a
//! paragraph means by its short forms, given the paragraphs of its report before it, and records
//! them with the passage (`data/short_names.txt`, written for wenjin).

use std::sync::LazyLock;

use super::segment::word_spans;

/// The list's data file.
const DATA: &str = include_str!("data/short_names.txt");

/// Words after a strict short form that make it a state's: 日方, 以军, 美政府.
const STATE_AFTER: [&str; 14] = [
    "方", "军", "政府", "总统", "总理", "首相", "外长", "经济", "国内", "官员", "议会", "外交",
    "驻", "两国",
];
/// Characters before a strict short form that make it a state's: 中美, 对日, 访以.
const STATE_BEFORE: [char; 9] = ['中', '对', '与', '和', '同', '访', '赴', '在', '驻'];

/// One country of the list.
#[derive(Debug)]
struct Entry {
    full: &'static str,
    short: &'static str,
    /// The short form is a common character too: it counts only beside a state's word.
    strict: bool,
}

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| parse(DATA));

fn parse(data: &'static str) -> Vec<Entry> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let (full, short) = (parts.next()?, parts.next()?);
            Some(Entry {
                full,
                short,
                strict: parts.next() == Some("strict"),
            })
        })
        .collect()
}

/// The full names of the list that `text` (normalized) writes.
pub fn written(text: &str) -> Vec<&'static str> {
    ENTRIES
        .iter()
        .filter(|e| text.contains(e.full))
        .map(|e| e.full)
        .collect()
}

/// The other name of a country whose short form is a word of its own (印尼 for 印度尼西亚, and
/// the reverse): the two are written interchangeably, from a report's first mention on.
pub fn other_name(name: &str) -> Option<&'static str> {
    ENTRIES
        .iter()
        .filter(|e| e.short.chars().count() >= 2)
        .find_map(|e| match name {
            n if n == e.full => Some(e.short),
            n if n == e.short => Some(e.full),
            _ => None,
        })
}

/// China's provinces and regions (and two cities) by the one character that names them in
/// pairs such as 京津, 沪宁 or 京九 (九 is no region: such a pair is not read).
const REGIONS: [(char, &str); 35] = [
    ('京', "北京"),
    ('津', "天津"),
    ('沪', "上海"),
    ('渝', "重庆"),
    ('冀', "河北"),
    ('晋', "山西"),
    ('辽', "辽宁"),
    ('吉', "吉林"),
    ('黑', "黑龙江"),
    ('苏', "江苏"),
    ('浙', "浙江"),
    ('皖', "安徽"),
    ('闽', "福建"),
    ('赣', "江西"),
    ('鲁', "山东"),
    ('豫', "河南"),
    ('鄂', "湖北"),
    ('湘', "湖南"),
    ('粤', "广东"),
    ('桂', "广西"),
    ('琼', "海南"),
    ('川', "四川"),
    ('黔', "贵州"),
    ('滇', "云南"),
    ('藏', "西藏"),
    ('陕', "陕西"),
    ('陇', "甘肃"),
    ('青', "青海"),
    ('宁', "宁夏"),
    ('新', "新疆"),
    ('港', "香港"),
    ('澳', "澳门"),
    ('台', "台湾"),
    ('穗', "广州"),
    ('宁', "南京"),
];

/// Whether `name` is one of China's provinces or regions (or two cities) in full: 江苏, 香港.
pub fn is_region(name: &str) -> bool {
    REGIONS.iter().any(|(_, full)| *full == name)
}

/// Whether `text` (normalized) writes in full every region a pair of region characters names
/// (京津: 北京 and 天津; 沪宁: 上海 and 南京 or 宁夏). False for any other name.
pub fn writes_regions_of_pair(name: &str, text: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    (2..=3).contains(&chars.len())
        && chars.iter().all(|c| {
            let mut fulls = REGIONS.iter().filter(|(short, _)| short == c).peekable();
            fulls.peek().is_some() && fulls.any(|(_, full)| text.contains(full))
        })
}

/// The full names `text` (normalized) means by a short form, where `named` are the full names
/// its report wrote before it (its title and earlier paragraphs, as [`written`] gives them).
/// A short form two named countries share (伊: 伊朗 and 伊拉克) means neither, and one whose
/// other country `text` writes in full means that one.
pub fn referred(text: &str, named: &[&'static str]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut spans = None;
    for e in ENTRIES.iter().filter(|e| named.contains(&e.full)) {
        if text.contains(e.full) || !text.contains(e.short) || out.contains(&e.full) {
            continue;
        }
        let shared = ENTRIES
            .iter()
            .filter(|o| o.short == e.short && o.full != e.full)
            .any(|o| named.contains(&o.full) || text.contains(o.full));
        if shared {
            continue;
        }
        let spans = spans.get_or_insert_with(|| word_spans(text));
        // jieba keeps some pairs whole (以军, 日方): the short form with a state's word.
        let stands_alone = spans.iter().any(|s| {
            let word = &text[s.start..s.end];
            (word == e.short && (!e.strict || beside_state(text, s.start, s.end)))
                || word
                    .strip_prefix(e.short)
                    .is_some_and(|rest| STATE_AFTER.contains(&rest))
        });
        if stands_alone {
            out.push(e.full);
        }
    }
    out
}

/// Whether the short form at `start..end` stands beside a word that makes it a state's.
fn beside_state(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    STATE_AFTER.iter().any(|w| after.starts_with(w))
        || text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| STATE_BEFORE.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_of_region_characters_is_written_by_both_regions() {
        let text = "北京西站至天津站间的列车元旦起开行";
        assert!(writes_regions_of_pair("京津", text));
        assert!(!writes_regions_of_pair("京沪", text));
        assert!(!writes_regions_of_pair("京九", "北京至九龙"));
        assert!(writes_regions_of_pair("沪宁", "上海到南京的高速公路"));
        assert!(!writes_regions_of_pair("北京", text));
    }

    #[test]
    fn a_named_country_is_meant_by_its_short_form() {
        let named = written("哈萨克斯坦总统纳扎尔巴耶夫5日指出");
        assert_eq!(named, vec!["哈萨克斯坦"]);
        assert_eq!(
            referred("哈独立5年多来已吸引外资100多亿美元", &named),
            vec!["哈萨克斯坦"]
        );
        // Not named before: 哈 is no country.
        assert!(referred("哈独立5年多来已吸引外资100多亿美元", &[]).is_empty());
    }

    #[test]
    fn a_short_form_of_two_characters_is_the_country_s_other_name() {
        assert_eq!(other_name("印尼"), Some("印度尼西亚"));
        assert_eq!(other_name("印度尼西亚"), Some("印尼"));
        assert_eq!(other_name("俄罗斯"), None);
    }

    #[test]
    fn a_common_character_counts_only_beside_a_state_word() {
        let named = written("以色列外长利维4日宣布辞职");
        assert!(referred("他4日在耶路撒冷说,这是他的决定", &named).is_empty());
        assert_eq!(referred("以军还出动了数架战斗机", &named), vec!["以色列"]);
        let named = written("日本首相桥本龙太郎");
        assert!(referred("会谈于1月4日举行", &named).is_empty());
    }

    #[test]
    fn a_short_form_two_named_countries_share_means_neither() {
        let named = written("伊朗和伊拉克的代表");
        assert!(referred("伊方表示欢迎", &named).is_empty());
        // The one written in full is meant, and needs no record.
        let named = written("巴勒斯坦代表团");
        assert!(referred("巴基斯坦在80年代末订购战斗机,巴方已交付", &named).is_empty());
    }
}
