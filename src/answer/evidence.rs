//! Evidence: how well a piece of text (a passage, a sentence) supports a question.
//!
//! Every feature works on normalized text, so that 虧損 in a Traditional passage supports 亏损
//! in a Simplified question. Terms are weighted by their inverse document frequency; a term that
//! is not found whole earns partial credit for the characters it shares (巨虧 vs 虧損).

use crate::search::{FieldKind, Snapshot};
use crate::text::aliases::Aliases;

use super::question::Question;

/// A weighted thing the question asks about.
#[derive(Debug, Clone)]
pub struct Weighted {
    /// Normalized surface forms: an entity's names, a word and its `[terms]` synonyms (the word
    /// as asked first).
    pub forms: Vec<String>,
    /// Weight (idf).
    pub weight: f32,
    /// What it is.
    pub role: Role,
}

impl Weighted {
    /// A word written in Latin letters only.
    pub fn is_latin_word(&self) -> bool {
        self.role == Role::Word && self.forms[0].chars().all(|c| c.is_ascii_alphabetic())
    }
}

/// What a weighted term stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A named entity (an alias group).
    Entity,
    /// A year.
    Year,
    /// Any other content word.
    Word,
}

/// The question's terms with their weights, computed once per question.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The weighted terms.
    pub terms: Vec<Weighted>,
    /// The places, organisations and people the question names outside the alias file
    /// ([`super::names_written::tagged_names`]): 福建 in 福建1997年财政收入多少.
    pub names: Vec<String>,
    total: f32,
}

/// True when `year` occurs in `text` as a year of its own, not as the end of a range
/// (`2018-2022年` is about the total, not about 2022).
pub fn exact_year(text: &str, year: &str) -> Option<bool> {
    const RANGE: &str = "-~至到–—";
    let mut found = None;
    for (i, _) in text.match_indices(year) {
        let mut before = text[..i].chars().rev();
        let mut after = text[i + year.len()..].chars();
        let (b1, b2) = (before.next(), before.next());
        let (a1, a2, a3) = (after.next(), after.next(), after.next());
        if b1.is_some_and(|c| c.is_ascii_digit()) || a1.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let year_like = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '年');
        let in_range = |c: Option<char>| c.is_some_and(|c| RANGE.contains(c));
        // 2018-2022年 / 2018年至2022年 (end of a range) or 2022-2023 / 2022年至2023年 (start).
        let ranged = (in_range(b1) && year_like(b2))
            || (in_range(a1) && a2.is_some_and(|c| c.is_ascii_digit()))
            || (a1 == Some('年') && in_range(a2) && a3.is_some_and(|c| c.is_ascii_digit()));
        if !ranged {
            return Some(true);
        }
        found = Some(false);
    }
    if found.is_none()
        && year_ranges(text)
            .iter()
            .any(|&(a, b)| year.parse().is_ok_and(|y: u32| a < y && y < b))
    {
        // Inside a range (2019 in 2018年至2021年): the passage covers it, not by name.
        found = Some(false);
    }
    found
}

/// How a year term records the range the question asks it in (its second form).
fn range_form(first: u32, last: u32) -> String {
    format!("{first}-{last}年间")
}

/// Year ranges written in the text (`2018-2022年`, `2018年至2021年`), as (first, last).
pub fn year_ranges(text: &str) -> Vec<(u32, u32)> {
    let years = super::question::years_in(text);
    let mut out = Vec::new();
    for w in years.windows(2) {
        let (i, a) = (&w[0].0, &w[0].1);
        let (j, b) = (&w[1].0, &w[1].1);
        let between = &text[i + a.len()..*j];
        let between = between.trim_start_matches('年');
        if between.chars().count() == 1 && "-~至到–—".contains(between) {
            if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                if a < b && b - a <= 30 {
                    out.push((a, b));
                }
            }
        }
    }
    out
}

/// The idf of a term no passage holds: the largest a term can weigh is 1 + this.
pub fn rare_idf(snap: &Snapshot) -> f32 {
    let n = snap.num_passages().max(1) as f32;
    (1.0 + (n + 0.5) / 1.5).ln()
}

/// The other wordings of a question's word that mean the same thing: the alias file's `[terms]`
/// synonyms (营收 = 营业收入) and a rate's (一斤 → 每斤). Retrieval and the evidence weighing ask
/// for the same ones.
pub(super) fn other_wordings(aliases: &Aliases, word: &str) -> Vec<String> {
    let mut out: Vec<String> = aliases
        .synonyms(word)
        .into_iter()
        .map(str::to_string)
        .collect();
    out.extend(crate::text::rate::alternatives(word));
    out
}

impl Evidence {
    /// The sum of the terms' weights (never 0).
    pub fn total(&self) -> f32 {
        self.total
    }

    /// Weighs the question's terms against the index.
    pub fn new(q: &Question, snap: &Snapshot) -> Evidence {
        let aliases = snap.aliases();
        let rare = rare_idf(snap);
        // 1 + idf: common words still count a little, rare ones most.
        let idf = |t: &str| {
            let w = snap.idf(FieldKind::Words, t);
            if w > 0.0 {
                return 1.0 + w;
            }
            // Not a word of the index: judge it by its characters.
            let g = snap.idf(FieldKind::Grams, t);
            1.0 + if g > 0.0 { g } else { rare }
        };
        let mut terms = Vec::new();
        for &g in &q.entities {
            if let Some(group) = aliases.groups().get(g) {
                terms.push(Weighted {
                    forms: group.normalized.clone(),
                    weight: 1.0 + rare.max(2.0),
                    role: Role::Entity,
                });
            }
        }
        // A range the question asks about (1995到1996年): a passage that writes the same
        // range names its ends (`range_form`).
        let ranges = year_ranges(&q.normalized);
        for y in &q.years {
            let mut forms = vec![y.clone()];
            forms.extend(
                ranges
                    .iter()
                    .find(|&&(a, b)| y.parse().is_ok_and(|y: u32| y == a || y == b))
                    .map(|(a, b)| range_form(*a, *b)),
            );
            terms.push(Weighted {
                forms,
                weight: idf(y),
                role: Role::Year,
            });
        }
        let asked = crate::text::paraphrase::lexicon().asked(&q.normalized);
        for t in &q.terms {
            // The word as asked first: partial credit and Latin-word checks look at it.
            let mut forms = vec![t.clone()];
            forms.extend(other_wordings(aliases, t));
            // The article wordings of the phrasing the word was asked in (赚了 → 利润).
            for w in crate::text::paraphrase::Lexicon::wordings_of(&asked, t) {
                if !forms.iter().any(|f| f == w) {
                    forms.push(w.to_string());
                }
            }
            terms.push(Weighted {
                forms,
                weight: idf(t),
                role: Role::Word,
            });
        }
        let total = terms
            .iter()
            .map(|t| t.weight)
            .sum::<f32>()
            .max(f32::EPSILON);
        // The dictionary's names only: jieba's HMM tagging would cost more than the rest of a
        // question the corpus does not answer, and a name it lacks cannot be told from a word.
        let names = super::names_written::tagged_names(
            &q.normalized,
            &super::mentions::name_like(q, aliases, false),
        );
        Evidence {
            terms,
            names,
            total,
        }
    }

    /// Evidence with no terms (nothing in the question matched the index).
    pub fn empty() -> Evidence {
        Evidence {
            terms: Vec::new(),
            names: Vec::new(),
            total: f32::EPSILON,
        }
    }

    /// [`presence`](Self::presence), with the years the text denotes beyond its written ones
    /// (`resolved`: numeral years, 去年 read against the article's date, comparisons left out,
    /// see [`crate::text::time::resolved_years`]) counting as named.
    pub fn presence_dated(t: &Weighted, norm: &str, resolved: &[i32]) -> f32 {
        let here = Self::presence(t, norm);
        let resolved_here = t.role == Role::Year
            && t.forms[0]
                .parse::<i32>()
                .is_ok_and(|y| resolved.contains(&y));
        if resolved_here {
            1.0
        } else {
            here
        }
    }

    /// How much of term `t` the normalized text holds: 1 whole (any of its forms); for words,
    /// the share of their characters present, discounted; for years, 0.4 when only part of a range.
    pub fn presence(t: &Weighted, norm: &str) -> f32 {
        match t.role {
            Role::Entity => f32::from(u8::from(t.forms.iter().any(|f| norm.contains(f.as_str())))),
            Role::Year => match exact_year(norm, &t.forms[0]) {
                Some(true) => 1.0,
                Some(false)
                    if year_ranges(norm)
                        .iter()
                        .any(|&(a, b)| t.forms.get(1) == Some(&range_form(a, b))) =>
                {
                    1.0
                }
                Some(false) => 0.2,
                None => 0.0,
            },
            Role::Word => {
                if t.forms.iter().any(|f| norm.contains(f.as_str())) {
                    return 1.0;
                }
                let f = &t.forms[0];
                let chars: Vec<char> = f.chars().collect();
                if chars.len() < 2 {
                    return 0.0;
                }
                let shared = chars.iter().filter(|c| norm.contains(**c)).count();
                0.6 * shared as f32 / chars.len() as f32
            }
        }
    }

    /// Weighted share (0–1) of the question's terms the text holds.
    pub fn coverage(&self, norm: &str) -> f32 {
        self.coverage_dated(norm, &[])
    }

    /// [`coverage`](Self::coverage) with the text's resolved years counting as named.
    pub fn coverage_dated(&self, norm: &str, resolved: &[i32]) -> f32 {
        self.terms
            .iter()
            .map(|t| t.weight * Self::presence_dated(t, norm, resolved))
            .sum::<f32>()
            / self.total
    }

    /// Coverage of the passage with its title counting for entities and years at a discount
    /// (a paragraph that says 公司 inside an article about 商湯 is still about 商湯).
    pub fn coverage_with_title(&self, norm: &str, title: &str) -> f32 {
        self.coverage_with_title_dated(norm, title, &[])
    }

    /// [`coverage_with_title`](Self::coverage_with_title) with the passage's resolved years
    /// counting as named.
    pub fn coverage_with_title_dated(&self, norm: &str, title: &str, resolved: &[i32]) -> f32 {
        self.terms
            .iter()
            .map(|t| {
                let here = Self::presence_dated(t, norm, resolved);
                let there = match t.role {
                    Role::Entity | Role::Year => 0.6 * Self::presence(t, title),
                    Role::Word => 0.0,
                };
                t.weight * here.max(there)
            })
            .sum::<f32>()
            / self.total
    }

    /// Weighted share (0–1) of the question's terms of which the text holds not a single
    /// character (an entity or year may stand in the title instead). A Latin word does not
    /// count: in a Chinese corpus it is most often the question's own translation of a word the
    /// passage writes in Chinese (`SenseTime 2022 loss`).
    pub fn absent_share(&self, norm: &str, title: &str) -> f32 {
        self.terms
            .iter()
            .filter(|t| Self::presence(t, norm) == 0.0)
            .filter(|t| t.role == Role::Word || Self::presence(t, title) < 1.0)
            .filter(|t| !t.is_latin_word())
            .map(|t| t.weight)
            .sum::<f32>()
            / self.total
    }

    /// Share (0–1) of the question's [`names`](Self::names) the text writes (1 when it names
    /// none). A name with an administrative suffix also counts without it (福建省 as 福建,
    /// 象山县 as 象山), where two characters are left.
    pub fn names_match(&self, norm: &str) -> f32 {
        if self.names.is_empty() {
            return 1.0;
        }
        let written = |name: &String| {
            norm.contains(name.as_str())
                || super::names_written::short_form(name).is_some_and(|short| norm.contains(short))
        };
        self.names.iter().filter(|n| written(n)).count() as f32 / self.names.len() as f32
    }

    /// Share (0–1) of the question's entities found in the text (1 when it names none).
    pub fn entity_match(&self, norm: &str) -> f32 {
        self.role_match(Role::Entity, norm, &[])
    }

    /// Share (0–1) of the question's years found in the text (1 when it names none).
    pub fn year_match(&self, norm: &str) -> f32 {
        self.role_match(Role::Year, norm, &[])
    }

    /// [`year_match`](Self::year_match) with the text's resolved years counting as named.
    pub fn year_match_dated(&self, norm: &str, resolved: &[i32]) -> f32 {
        self.role_match(Role::Year, norm, resolved)
    }

    fn role_match(&self, role: Role, norm: &str, resolved: &[i32]) -> f32 {
        let of_role: Vec<&Weighted> = self.terms.iter().filter(|t| t.role == role).collect();
        if of_role.is_empty() {
            return 1.0;
        }
        of_role
            .iter()
            .map(|t| Self::presence_dated(t, norm, resolved))
            .sum::<f32>()
            / of_role.len() as f32
    }

    /// True when the text names another entity of the alias file but none of the question's.
    pub fn names_only_others(&self, q: &Question, aliases: &Aliases, norm: &str) -> bool {
        if q.entities.is_empty() {
            return false;
        }
        let named = aliases.groups_in(norm);
        !named.is_empty() && !named.iter().any(|g| q.entities.contains(g))
    }
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
