//! The punctuation that splits text, in one place. The sets nest: every sentence end is a
//! clause break, and the reader's span breaks are the clause breaks plus square brackets. Each
//! stage picks the widest set that suits it, so a change to one set is made here once.

/// Characters that end a sentence: passages are cut after one, answers are shown as the
/// sentence holding them.
pub const SENTENCE_ENDS: [char; 8] = ['。', '！', '？', '；', '!', '?', ';', '\n'];

/// The sentence ends a quoted passage may be cut after when it is too long to show whole. A
/// line break or an ASCII semicolon inside a passage (a poem's line, a list) is no end a reader
/// expects a shortened quote to stop at.
pub const QUOTE_ENDS: [char; 6] = ['。', '！', '？', '；', '!', '?'];

macro_rules! clause_breaks {
    () => {
        ",，、;；:：。!！?？\n（）()「」“”\""
    };
}

/// Characters that end a clause (commas, colons, sentence ends, parentheses, quotes): an
/// answer's predicate and the gap a question leaves are bounded by them.
pub const CLAUSE_BREAKS: &str = clause_breaks!();

/// What the reader's candidate spans never cross or border on: the clause breaks and square
/// brackets (which in news mark an editor's note or a source, not part of a name or a figure).
pub const SPAN_BREAKS: &str = concat!(clause_breaks!(), "[]【】");

/// True for the characters that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sets_nest() {
        assert!(QUOTE_ENDS.iter().all(|c| SENTENCE_ENDS.contains(c)));
        assert!(SENTENCE_ENDS.iter().all(|&c| CLAUSE_BREAKS.contains(c)));
        assert!(CLAUSE_BREAKS.chars().all(|c| SPAN_BREAKS.contains(c)));
        assert!(is_sentence_end('。') && is_sentence_end('\n') && !is_sentence_end('，'));
    }
}
