//! News datelines: `本报北京１月１１日讯`, `新华社曼谷１月１６日电`, `（中央社記者王某台北16日電）`
//! at the start of an article's first paragraph give the day (and month) the article was filed;
//! the year comes from the article's own date (People's Daily records are dated `1998-01` only).

use super::date::{fold, PartialDate};

/// How far into the first paragraph a dateline's `日电` may end (characters).
const DATELINE_REACH: usize = 40;

/// The month (when written) and day of a news dateline at the start of `paragraph`:
/// `本报北京１月１１日讯`, `新华社曼谷１月１６日电`, `（中央社記者王某台北16日電）`,
/// `本報記者王某台北1月16日報導`. Only a date directly followed by 电/電/讯/訊/报道/報導, with no
/// sentence or clause break before it, is a dateline (`本报讯记者某某报道：１月２４日，…` is not:
/// that date is the event's).
pub fn dateline(paragraph: &str) -> Option<(Option<u32>, u32)> {
    let head: String = paragraph.chars().take(DATELINE_REACH + 4).collect();
    // Most paragraphs have no 日 near their start: they are settled before any folding.
    if !head.contains('日') {
        return None;
    }
    let head = fold(&head);
    let chars: Vec<char> = head.chars().collect();
    let end = (0..chars.len().min(DATELINE_REACH)).find(|&i| {
        chars[i] == '日' && {
            let next: String = chars[i + 1..].iter().take(2).collect();
            next.starts_with(['电', '電', '讯', '訊']) || next == "报道" || next == "報導"
        }
    })?;
    let before: String = chars[..end].iter().collect();
    if before.contains(['。', '，', '；', '！', '？', ',', ';', '：', ':']) {
        return None;
    }
    let day_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    let day: u32 = before[day_start..].parse().ok()?;
    let before_day = &before[..day_start];
    let month = match before_day.strip_suffix('月') {
        Some(m) => {
            let start = m
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit())
                .last()
                .map(|(i, _)| i)?;
            Some(m[start..].parse().ok()?)
        }
        None => None,
    };
    // A month or day out of range is no dateline (`第30日电` would be odd, `13月` impossible).
    if !(1..=31).contains(&day) || month.is_some_and(|m: u32| !(1..=12).contains(&m)) {
        return None;
    }
    Some((month, day))
}

/// The day a dateline gives, in the year (and, for a day alone, the month) of the article's
/// date. A dateline precedes publication: a dateline month more than one month after the
/// article's month is in the year before (`12月31日` in a 1998-01 article is 1997-12-31); one
/// month after is kept in the article's year (a month-stamped collection may run late).
/// Without an article year there is no date: `None` is never filled with a guess.
pub fn with_dateline(article: PartialDate, month: Option<u32>, day: u32) -> Option<PartialDate> {
    match (month, article.month) {
        (Some(m), Some(am)) => {
            let year = if m > am + 1 {
                article.year - 1
            } else {
                article.year
            };
            PartialDate::new(year, Some(m), Some(day))
        }
        (Some(m), None) => PartialDate::new(article.year, Some(m), Some(day)),
        (None, Some(am)) => PartialDate::new(article.year, Some(am), Some(day)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_month_and_day() {
        assert_eq!(
            dateline("本报北京１月１１日讯记者某某报道：今天……"),
            Some((Some(1), 11))
        );
        assert_eq!(
            dateline("新华社曼谷１月１６日电（记者某某）泰国政府……"),
            Some((Some(1), 16))
        );
        assert_eq!(
            dateline("据新华社北京１２月３１日电国务院……"),
            Some((Some(12), 31))
        );
        assert_eq!(
            dateline("本报北京一月二十一日讯新春佳节即将来临。"),
            Some((Some(1), 21))
        );
        assert_eq!(
            dateline("（中央社記者王某台北16日電）行政院今天……"),
            Some((None, 16))
        );
        assert_eq!(
            dateline("本報記者王某台北1月16日報導 市府今天……"),
            Some((Some(1), 16))
        );
    }

    #[test]
    fn event_dates_are_not_datelines() {
        assert_eq!(
            dateline("本报讯记者鲍洪俊报道：１月２４日，位于五指山区的……"),
            None
        );
        assert_eq!(
            dateline("波兰总统克瓦希涅夫斯基１２月３１日通过电视台发表新年文告"),
            None
        );
        assert_eq!(dateline("（一九九七年十二月三十一日）"), None);
        assert_eq!(dateline("商湯科技週二晚間發布2022年年度業績。"), None);
        let late = format!("{}新华社北京１月１日电", "字".repeat(50));
        assert_eq!(dateline(&late), None, "too far into the paragraph");
    }

    fn pd(y: u32, m: Option<u32>) -> PartialDate {
        PartialDate {
            year: y,
            month: m,
            day: None,
        }
    }

    #[test]
    fn the_dateline_year_comes_from_the_article() {
        let jan98 = pd(1998, Some(1));
        assert_eq!(
            with_dateline(jan98, Some(1), 11)
                .map(|d| d.to_string())
                .as_deref(),
            Some("1998-01-11")
        );
        assert_eq!(
            with_dateline(jan98, Some(12), 31)
                .map(|d| d.to_string())
                .as_deref(),
            Some("1997-12-31"),
            "December in a January article is the year before"
        );
        assert_eq!(
            with_dateline(jan98, None, 16)
                .map(|d| d.to_string())
                .as_deref(),
            Some("1998-01-16")
        );
        assert_eq!(
            with_dateline(pd(1998, None), Some(3), 5)
                .map(|d| d.to_string())
                .as_deref(),
            Some("1998-03-05")
        );
        assert_eq!(with_dateline(pd(1998, None), None, 5), None);
        assert_eq!(with_dateline(jan98, Some(2), 30), None, "no 30 February");
    }
}
