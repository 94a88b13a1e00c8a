//! How likely a candidate is the answer within its sentence: nearness to the question's terms,
//! the predicate, the question's years and entities, and the shape the question asks for.

use crate::answer::evidence::{self, Evidence, Role};
use crate::answer::question::Question;
use crate::text::aliases::Aliases;

use super::candidate::Candidate;
use super::clause;
use super::numbers::amounts;
use super::sentences::Sentence;
use super::shape::shape_factor;

/// Scores a candidate within its sentence: nearness to the question's terms (weighted), the
/// predicate sharing characters with the candidate's clause, and penalties for repeating the
/// question or sitting in a clause about another entity.
pub fn score_candidate(
    c: &Candidate,
    sentence: &Sentence<'_>,
    q: &Question,
    ev: &Evidence,
    aliases: &Aliases,
) -> f32 {
    let norm = sentence.norm.text.as_str();
    let mut near = 0.0;
    let mut weight = 0.0;
    let distance = |i: usize, j: usize| {
        if j <= c.core.start {
            norm[j..c.core.start].chars().count()
        } else if i >= c.core.end {
            norm[c.core.end..i].chars().count()
        } else {
            0
        }
    };
    for t in &ev.terms {
        weight += t.weight;
        let presence = Evidence::presence(t, norm);
        if presence == 0.0 {
            continue;
        }
        let mut best: Option<usize> = None;
        for form in &t.forms {
            for (i, _) in norm.match_indices(form.as_str()) {
                let d = distance(i, i + form.len());
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
        if best.is_none() {
            // A word present only through some of its characters (巨虧 for 虧損).
            for ch in t.forms[0].chars() {
                for (i, _) in norm.match_indices(ch) {
                    let d = distance(i, i + ch.len_utf8());
                    best = Some(best.map_or(d, |b| b.min(d)));
                }
            }
        }
        if let Some(d) = best {
            near += presence * t.weight / (1.0 + d as f32 / 6.0);
        }
    }
    let mut score = if weight > 0.0 { near / weight } else { 0.0 };

    // The clause around the candidate.
    let cs = clause::start(norm, c.core.start);
    let ce = clause::end(norm, c.core.end);
    let clause = &norm[cs..ce];
    let predicate: Vec<&str> = q.predicate();
    if !predicate.is_empty() {
        let share: f32 = predicate
            .iter()
            .map(|p| {
                let chars: Vec<char> = p.chars().collect();
                chars.iter().filter(|ch| clause.contains(**ch)).count() as f32
                    / chars.len().max(1) as f32
            })
            .sum::<f32>()
            / predicate.len() as f32;
        score += 0.5 * share;
    }
    let core_text = &norm[c.core.clone()];
    if q.normalized.contains(core_text) {
        score *= 0.3;
    }
    // An organisation the question itself names is not the answer (哪家資本投資了商湯).
    if aliases
        .find(core_text)
        .iter()
        .any(|m| q.entities.contains(&m.group))
    {
        score *= 0.2;
    }
    score *= shape_factor(q, core_text);
    if ev.names_only_others(q, aliases, clause) {
        score *= 0.5;
    }
    // The year and the entity named last before the candidate govern it (商湯2021年虧損171億元，
    // 2022年虧損約60億元): another year or company there means another fact.
    let before = &norm[..c.core.start];
    match (q.years.is_empty(), respectively_year(norm, c)) {
        (true, _) => {}
        (false, Some(y)) => score *= if q.years.contains(&y) { 1.5 } else { 0.3 },
        (false, None) => {
            if let Some(y) = super::governing_year(sentence, c.core.start) {
                if !q.years.contains(&y) {
                    score *= 0.35;
                }
            }
        }
    }
    if !q.entities.is_empty() {
        if let Some(m) = aliases.find(before).last() {
            if !q.entities.contains(&m.group) {
                score *= 0.5;
            }
        }
    }
    score * constraint_factor(ev, norm)
}

/// The year an amount stands for in a "respectively" list: in 自2018年至2021年…分別為8.49億元、
/// 19.16億元、24.54億元和36.14億元, the third amount is 2020's.
pub(crate) fn respectively_year(norm: &str, c: &Candidate) -> Option<String> {
    let before = &norm[..c.core.start];
    let Some(cue) = ["分别为", "分别是", "分别达", "分别"]
        .iter()
        .filter_map(|cue| before.rfind(cue).map(|i| (i, cue.len())))
        .max_by_key(|&(i, len)| (i, len))
    else {
        return paired_year(before);
    };
    let list_start = cue.0 + cue.1;
    let between = &norm[list_start..c.core.start];
    if between.chars().any(|ch| "。；;".contains(ch)) {
        return None;
    }
    let index = amounts(between).len() as u32;
    let (first, last) = *evidence::year_ranges(&norm[..cue.0]).last()?;
    let year = first + index;
    (year <= last).then(|| year.to_string())
}

/// The year of a figure in a list paired with a list of years without 分别 (1996年和1997年
///上半年获利为8.5亿港元和6.35亿港元: the first figure is 1996's). `before` is the sentence up
/// to the figure; the years and the figures before it must stand in its clause, the figures
/// after 为, 是 or 达 and joined by 和 or 、.
fn paired_year(before: &str) -> Option<String> {
    let clause_at = before.rfind(['，', ',', '。', '；', ';']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = &before[clause_at..];
    let verb = ["为", "是", "达"]
        .iter()
        .filter_map(|v| clause.rfind(v).map(|i| (i, v.len())))
        .max()?;
    let figures = &clause[verb.0 + verb.1..];
    if !figures.is_empty() && !figures.ends_with(['和', '、']) {
        return None;
    }
    let index = amounts(figures).len();
    // The years, in order, joined by 和 or 、 (a half year or year end may follow each).
    let head = &clause[..verb.0];
    let years: Vec<&str> = head
        .match_indices('年')
        .filter_map(|(i, _)| head.get(i.checked_sub(4)?..i))
        .filter(|y| {
            y.chars().all(|c| c.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20"))
        })
        .collect();
    let joined = years.windows(2).all(|w| {
        head.find(&format!("{}年和{}", w[0], w[1])).is_some()
            || head.find(&format!("{}年、{}", w[0], w[1])).is_some()
    });
    (years.len() >= 2 && joined && index < years.len()).then(|| years[index].to_string())
}

/// How well a sentence keeps the question's constraints: each entity and year named in the
/// sentence keeps the score, one only in a range (`2018-2022年`) or missing lowers it.
pub fn constraint_factor(ev: &Evidence, norm: &str) -> f32 {
    ev.terms
        .iter()
        .filter(|t| t.role != Role::Word)
        .map(|t| {
            let p = Evidence::presence(t, norm);
            if p >= 1.0 {
                1.0
            } else if p > 0.0 {
                0.6
            } else {
                0.7
            }
        })
        .product()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn an_amount_in_a_respectively_list_stands_for_its_year() {
        let norm = normalize(
            "自2018年至2021年，研發開支分別為8.49億元、19.16億元、24.54億元和36.14億元。",
        );
        let at = norm.find("24.54").unwrap();
        let c = Candidate {
            core: at..at + "24.54亿元".len(),
            display: at..at + "24.54亿元".len(),
        };
        assert_eq!(respectively_year(&norm, &c).as_deref(), Some("2020"));
        let paired = normalize("１９９６年和１９９７年上半年获利为８．５亿港元和６．３５亿港元。");
        let year_of = |figure: &str| {
            let at = paired.find(figure).unwrap();
            let c = Candidate {
                core: at..at + figure.len(),
                display: at..at + figure.len(),
            };
            respectively_year(&paired, &c)
        };
        assert_eq!(year_of("8.5亿港元").as_deref(), Some("1996"));
        assert_eq!(year_of("6.35亿港元").as_deref(), Some("1997"));
    }

    #[test]
    fn an_amount_outside_any_list_has_no_year_of_its_own() {
        let norm = normalize("研發開支為36.14億元。");
        let at = norm.find("36.14").unwrap();
        let c = Candidate {
            core: at..at + "36.14亿元".len(),
            display: at..at + "36.14亿元".len(),
        };
        assert_eq!(respectively_year(&norm, &c), None);
    }
}
