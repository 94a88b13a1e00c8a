//! Whether a passage writes the places, organisations and people a question names: whole,
//! without an administrative suffix, by a short form news uses after the first mention, or
//! loosely. A figure from a passage that names none of them is another subject's.

use crate::search::Snapshot;
use crate::text::segment::jieba;
use crate::Result;

use super::mentions::is_written;
use super::separated;

/// A place name without its administrative suffix (福建省 → 福建, 象山县 → 象山, 威舍镇 → 威舍), or a national
/// body's without 全国 (全国政协 → 政协, 全国妇联 → 妇联), when two characters are left: news
/// writes both.
pub(super) fn short_form(name: &str) -> Option<&str> {
    name.strip_suffix(['省', '市', '县', '区', '州', '镇', '乡'])
        .or_else(|| name.strip_prefix("全国"))
        .filter(|short| short.chars().count() >= 2)
}

/// Whether a passage (normalized, with its title) writes every one of the question's tagged
/// `names`: whole, without an administrative suffix ([`short_form`]), or by the one-character
/// short form news uses after the first mention (哈 for 哈萨克斯坦, 俄 for 俄罗斯: the name's
/// first character standing as a word of its own, not a word of place, or a city's before 市). 中国 is written by
/// 我国 or 全国 as well.
pub(super) fn writes_names(names: &[String], norm: &str) -> bool {
    let mut words: Option<Vec<jieba_rs::Tag<'_>>> = None;
    names.iter().all(|name| {
        if norm.contains(name.as_str())
            || short_form(name).is_some_and(|s| norm.contains(s))
            || crate::text::short_names::other_name(name).is_some_and(|o| norm.contains(o))
            || crate::text::short_names::writes_regions_of_pair(name, norm)
            || separated::loosely_written(name, norm)
        {
            return true;
        }
        if matches!(name.as_str(), "中国" | "中华人民共和国")
            && ["我国", "全国", "国内"].iter().any(|w| norm.contains(w))
        {
            return true;
        }
        let Some(first) = name.chars().next() else {
            return true;
        };
        // A city of three or more characters is written by its first and 市 (呼市, 乌市).
        if name.chars().count() >= 3 && norm.contains(&format!("{first}市")) {
            return true;
        }
        // Not a word of place (上 of 在此基础上 is no short form of 上海).
        norm.contains(first)
            && words
                .get_or_insert_with(|| jieba().tag(norm, false))
                .iter()
                .any(|t| t.tag != "f" && t.word.chars().eq(std::iter::once(first)))
    })
}

/// Of the question's tagged names, those the corpus writes somewhere (whole or without its
/// suffix): a passage about the question's subject must write them. A name the corpus never
/// writes is the unmentioned-name check's to judge (a typo of a written name is let through
/// there), not a passage's.
pub(super) fn written_names(snap: &Snapshot, names: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for name in names {
        let short = match short_form(name) {
            Some(s) => is_written(snap, s)?,
            None => false,
        };
        if short || is_written(snap, name)? {
            out.push(name.clone());
        }
    }
    Ok(out)
}

/// Of the question's [`name_like`] words, those jieba's dictionary tags as places,
/// organisations or people (or that end in 公司, 集团...): what a passage about the question's
/// subject writes. Words only unknown to the dictionary are left out (a paraphrase is as often
/// unknown as a name), and so are its "other proper nouns" (nz), which hold words like 排第.
///
/// A province written right before a place in it (江苏 of 江苏盐城自然保护区, 山东费县) only says
/// where that place is: a report about 盐城 need not name its province. The place must end as a
/// city's or county's name does (a word like 上市, a place to jieba's dictionary, is a verb).
pub(super) fn tagged_names(norm: &str, named: &[(String, String)]) -> Vec<String> {
    const PLACE_ENDS: &[char] = &['城', '县', '州', '区', '镇', '乡', '村', '岛', '旗', '盟'];
    let in_province = |place: &str| {
        place.ends_with(PLACE_ENDS) || (place.ends_with('市') && place.chars().count() >= 3)
    };
    let names: Vec<&String> = named
        .iter()
        .filter(|(_, why)| why != "oov" && why != "eng" && why != "nz")
        .map(|(name, _)| name)
        .collect();
    names
        .iter()
        .filter(|name| {
            !(crate::text::short_names::is_region(name)
                && names
                    .iter()
                    .any(|next| in_province(next) && norm.contains(&format!("{name}{next}"))))
        })
        .map(|name| name.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::tagged_names;

    fn tagged(norm: &str, names: &[&str]) -> Vec<String> {
        let named: Vec<(String, String)> = names
            .iter()
            .map(|n| (n.to_string(), "ns".to_string()))
            .collect();
        tagged_names(norm, &named)
    }

    #[test]
    fn a_province_before_a_place_in_it_only_says_where_that_is() {
        assert_eq!(
            tagged("江苏盐城自然保护区占地多大", &["江苏", "盐城"]),
            vec!["盐城"]
        );
        assert_eq!(
            tagged("山东费县新建小型水利工程投了多少钱", &["山东", "费县"]),
            vec!["费县"]
        );
        // 上市 is a place to jieba's dictionary, and a verb to users.
        assert_eq!(
            tagged("1998年春节北京上市多少盆方便菜", &["北京", "上市"]),
            vec!["北京", "上市"]
        );
        assert_eq!(
            tagged("江苏和盐城各投了多少钱", &["江苏", "盐城"]),
            vec!["江苏", "盐城"]
        );
    }
}
