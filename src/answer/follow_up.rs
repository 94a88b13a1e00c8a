//! Follow-up questions: one that only names a new entity or year (那雲從科技呢？, 2021年呢？)
//! asks the previous question again about them.

use super::question::{AnswerKind, Question};

/// Words that only link a follow-up to the previous question (那雲從科技呢？ / 還有2021年的話？).
const FOLLOWUP_FILLER: &[&str] = &[
    "那么",
    "那",
    "还有",
    "的话",
    "如果是",
    "换成",
    "改成",
    "同样",
    "也",
];

impl Question {
    /// When this question only names a new entity or year (那雲從科技呢？, 2021年呢？), the
    /// previous question asked again about them; `None` when it stands on its own.
    pub fn follow_up(&self, previous: &Question) -> Option<Question> {
        let own_words = self
            .terms
            .iter()
            .filter(|t| !FOLLOWUP_FILLER.contains(&t.as_str()))
            .count();
        let names_something = !self.entities.is_empty() || !self.years.is_empty();
        let asks_differently = self.kind != AnswerKind::Other && self.kind != previous.kind;
        if own_words > 0 || !names_something || asks_differently {
            return None;
        }
        let mut q = previous.clone();
        q.raw = self.raw.clone();
        if !self.entities.is_empty() {
            q.entities = self.entities.clone();
            q.entity_names = self.entity_names.clone();
        }
        if !self.years.is_empty() {
            q.years = self.years.clone();
        }
        q.normalized = format!("{} {}", self.normalized, q.restated());
        Some(q)
    }

    /// The question restated from its parts (for showing how a follow-up was understood).
    pub fn restated(&self) -> String {
        let mut parts: Vec<String> = self.entity_names.clone();
        parts.extend(self.years.iter().map(|y| format!("{y}年")));
        parts.extend(self.terms.iter().cloned());
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::aliases::Aliases;

    #[test]
    fn new_entity_or_year_reuses_the_question() {
        let a = Aliases::parse("[groups]\ns = [\"商湯\"]\nc = [\"雲從科技\", \"雲從\"]\n").unwrap();
        let first = Question::parse("商湯2022年虧損多少", &a).unwrap();
        let f = Question::parse("那雲從科技呢？", &a)
            .unwrap()
            .follow_up(&first)
            .unwrap();
        assert_eq!(
            f.entities,
            vec![a.groups().iter().position(|g| g.key == "c").unwrap()]
        );
        assert_eq!(f.years, vec!["2022"]);
        assert_eq!(f.kind, AnswerKind::Amount);
        let y = Question::parse("2021年呢？", &a)
            .unwrap()
            .follow_up(&first)
            .unwrap();
        assert_eq!(y.years, vec!["2021"]);
        assert_eq!(y.entities, first.entities);
        assert!(Question::parse("曠視的總部在哪裡", &a)
            .unwrap()
            .follow_up(&first)
            .is_none());
    }
}
