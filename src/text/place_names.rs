//! Places a report names once and then means by 全市, 该县 or 本省: 广东鹤山市 … 全市吸纳外资
//! 1.8亿元. A question asks with the name (鹤山), which such a paragraph never writes. Indexing
//! reads which city, county or province of its report a paragraph means that way, as it does
//! for countries' short forms ([`super::short_names`]).

use super::segment::jieba;

/// The administrative words a place's name ends with, and the words that mean the one named.
const LEVELS: [(char, [&str; 3]); 3] = [
    ('市', ["全市", "该市", "本市"]),
    ('县', ["全县", "该县", "本县"]),
    ('省', ["全省", "该省", "本省"]),
];

/// The city, county and province names `text` (normalized) writes, in order: a name of two to
/// four Han characters that jieba tags, with its 市, 县 or 省, as one place (鹤山市, 象山县).
pub fn written(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if !LEVELS.iter().any(|(level, _)| level == c) {
            continue;
        }
        let found = (2..=4).rev().filter(|n| *n <= i).find_map(|n| {
            let name = &chars[i - n..i];
            if !name.iter().all(|c| is_han(*c)) {
                return None;
            }
            let whole: String = chars[i - n..=i].iter().collect();
            matches!(jieba().tag(&whole, false).as_slice(),
                [one] if matches!(one.tag, "ns" | "nsf"))
            .then_some(whole)
        });
        if let Some(place) = found {
            out.push(place);
        }
    }
    out
}

/// The place names `text` (normalized) means by 全市, 该县 or 本省, where `named` are the
/// places its report wrote before it (as [`written`] gives them, the nearest last): for each
/// such word, the nearest place of its level, when `text` writes none of that level itself.
/// Each comes with its name without the administrative word (鹤山市 and 鹤山), the form a
/// question writes.
pub fn referred(text: &str, named: &[String]) -> Vec<String> {
    let own = written(text);
    let mut out = Vec::new();
    for (level, words) in LEVELS {
        if !words.iter().any(|w| text.contains(w)) || own.iter().any(|p| p.ends_with(level)) {
            continue;
        }
        if let Some(place) = named.iter().rev().find(|p| p.ends_with(level)) {
            out.push(place.clone());
            out.push(place.trim_end_matches(level).to_string());
        }
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_and_counties_are_read_with_their_administrative_word() {
        let places = written("本报讯广东鹤山市直达香港九龙的客车开通,浙江省象山县渔民");
        assert!(places.contains(&"鹤山市".to_string()), "{places:?}");
        assert!(places.contains(&"象山县".to_string()), "{places:?}");
        // Not a market, a city in general or the whole city.
        assert!(written("城市超市的市场全市").is_empty());
    }

    #[test]
    fn the_whole_city_is_the_one_named_last() {
        let named = vec!["江门市".to_string(), "鹤山市".to_string()];
        let refers = referred("1995年至1996年间,全市吸纳外资1.8亿元", &named);
        assert_eq!(refers, vec!["鹤山市".to_string(), "鹤山".to_string()]);
        // A paragraph that names its own city means that one.
        assert!(referred("江门市全市吸纳外资", &named).is_empty());
        // Nor does a county's paragraph mean a city.
        assert!(referred("全县吸纳外资", &named).is_empty());
    }
}
