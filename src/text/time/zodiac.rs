//! Zodiac years (牛年, 虎年): news around the Spring Festival names the year by its animal.
//! In a January 1998 report 牛年 is the year just ending, 1997, and 虎年 the one beginning.

use super::PartialDate;

/// The animals in the order of their years, both scripts: 1996 was a 鼠 year.
const ANIMALS: [&str; 12] = [
    "鼠", "牛", "虎", "兔", "龙龍", "蛇", "马馬", "羊", "猴", "鸡雞", "狗", "猪豬",
];

/// A year whose animal the text names.
const BASE: i32 = 1996;

/// Characters that may come right before a zodiac year: a verb or word of greeting or time
/// (迎虎年, 辞牛年, 在牛年, 的虎年). Any other character makes the animal part of another word:
/// 奶牛年产奶 is a cow's yearly yield.
const BEFORE: &str = "在的了过過是这這于於到至迎辞辭送入即度贺賀庆慶接历歷首走进進为為愿願望出行来來个個整新旧舊今去明本农農逢值喜告别別和与與及或、，。；：！？“”‘’「」『』《》（）() ";

/// Characters that may not follow a zodiac year's 年: a yield or an age (牛年产, 羊年均, 马年龄).
const NOT_AFTER: &str = "产產均龄齡收增销銷";

/// The year and byte length of a zodiac year at the start of `here` (`prev` the character
/// before it), read against `reference`: the year of that animal nearest the reference year,
/// the earlier one on a tie.
pub(super) fn zodiac_year(
    here: &str,
    prev: Option<char>,
    reference: PartialDate,
) -> Option<(i32, usize)> {
    let mut chars = here.chars();
    let animal = chars.next()?;
    if chars.next() != Some('年') || chars.next().is_some_and(|c| NOT_AFTER.contains(c)) {
        return None;
    }
    if prev.is_some_and(|p| !BEFORE.contains(p) && is_han(p)) {
        return None;
    }
    let k = ANIMALS.iter().position(|a| a.contains(animal))?;
    let k = i32::try_from(k).ok()?;
    let delta = (k - (reference.year - BASE)).rem_euclid(12);
    // The nearest of the two candidate years: delta ahead or 12 − delta back.
    let year = if delta <= 6 && delta < 12 - delta {
        reference.year + delta
    } else {
        reference.year + delta - 12
    };
    Some((year, animal.len_utf8() + '年'.len_utf8()))
}

/// Whether `c` is a Han character (a letter of a word, not punctuation).
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Whether `c` may start a zodiac year.
pub(super) fn is_animal(c: char) -> bool {
    // One match: this runs over every character of every passage the year gate reads.
    matches!(
        c,
        '鼠' | '牛'
            | '虎'
            | '兔'
            | '龙'
            | '龍'
            | '蛇'
            | '马'
            | '馬'
            | '羊'
            | '猴'
            | '鸡'
            | '雞'
            | '狗'
            | '猪'
            | '豬'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jan98() -> PartialDate {
        PartialDate {
            year: 1998,
            month: Some(1),
            day: None,
        }
    }

    #[test]
    fn a_zodiac_year_is_the_nearest_year_of_its_animal() {
        assert_eq!(
            zodiac_year("牛年创出了", Some('在'), jan98()),
            Some((1997, 6))
        );
        assert_eq!(
            zodiac_year("虎年春节", Some('迎'), jan98()),
            Some((1998, 6))
        );
        assert_eq!(zodiac_year("兔年", None, jan98()), Some((1999, 6)));
        assert_eq!(zodiac_year("鼠年", Some('，'), jan98()), Some((1996, 6)));
        assert_eq!(zodiac_year("猪年", None, jan98()), Some((1995, 6)));
        // Six years either way: the earlier.
        assert_eq!(zodiac_year("猴年", None, jan98()), Some((1992, 6)));
        assert_eq!(zodiac_year("馬年", Some('的'), jan98()), Some((2002, 6)));
    }

    #[test]
    fn an_animal_in_another_word_is_no_year() {
        assert_eq!(zodiac_year("牛年产奶6000公斤", Some('奶'), jan98()), None);
        assert_eq!(zodiac_year("牛年产奶", Some('每'), jan98()), None);
        assert_eq!(zodiac_year("牛年", Some('耕'), jan98()), None);
        assert_eq!(zodiac_year("牛肉", None, jan98()), None);
    }
}
