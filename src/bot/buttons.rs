//! The buttons under an answer and their callback data. A button carries only the id of the
//! answer kept in sled ([`crate::session::Answers`]) and a number, `f:<id>:<rank>` or
//! `m:<id>:<from>`: at most 27 bytes, well under Telegram's 64.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::format;
use super::strings;
use crate::session::StoredAnswer;
use crate::text::script::Script;

/// The largest number a button carries; anything above is forged.
const MAX_NUMBER: usize = 1_000;

/// What a button press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    /// The full paragraph of the citation ranked `rank` in answer `answer` (`f:<id>:<rank>`).
    Full {
        /// The stored answer's id.
        answer: u64,
        /// The citation's rank, as shown in brackets.
        rank: usize,
    },
    /// The citations of answer `answer` from position `from` on (`m:<id>:<from>`).
    More {
        /// The stored answer's id.
        answer: u64,
        /// The first citation of the page, counted from 0.
        from: usize,
    },
}

impl Button {
    /// The callback data Telegram sends back when the button is pressed.
    pub fn encode(&self) -> String {
        match self {
            Button::Full { answer, rank } => format!("f:{answer}:{rank}"),
            Button::More { answer, from } => format!("m:{answer}:{from}"),
        }
    }

    /// Reads callback data; anything but a button this bot makes (Telegram delivers whatever
    /// a client sends, up to 64 bytes) is `None`.
    pub fn decode(data: &str) -> Option<Button> {
        let mut parts = data.split(':');
        let kind = parts.next()?;
        let answer = parts.next()?.parse::<u64>().ok()?;
        let n = parts.next()?.parse::<usize>().ok()?;
        if parts.next().is_some() || n > MAX_NUMBER {
            return None;
        }
        match kind {
            "f" => Some(Button::Full { answer, rank: n }),
            "m" => Some(Button::More { answer, from: n }),
            _ => None,
        }
    }

    /// The id of the stored answer the button belongs to.
    pub fn answer(&self) -> u64 {
        match *self {
            Button::Full { answer, .. } | Button::More { answer, .. } => answer,
        }
    }
}

/// The keyboard under a page of citations starting at `from`: "full passage" for each citation
/// shown, and "more sources" when there are more.
pub fn keyboard(id: u64, stored: &StoredAnswer, from: usize) -> InlineKeyboardMarkup {
    let script = Script::of(&stored.question).unwrap_or_default();
    let all = &stored.citations;
    let shown = &all[from.min(all.len())..(from + format::FIRST_PAGE).min(all.len())];
    let mut rows = vec![shown
        .iter()
        .map(|c| {
            let full = Button::Full {
                answer: id,
                rank: c.rank,
            };
            InlineKeyboardButton::callback(
                format!("{}[{}]", strings::FULL_TEXT, c.rank),
                full.encode(),
            )
        })
        .collect::<Vec<_>>()];
    let next = from + format::FIRST_PAGE;
    if next < all.len() {
        let more = Button::More {
            answer: id,
            from: next,
        };
        rows.push(vec![InlineKeyboardButton::callback(
            strings::MORE_SOURCES.get(script),
            more.encode(),
        )]);
    }
    InlineKeyboardMarkup::new(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_the_ones_buttons_already_sent_carry() {
        let full = Button::Full { answer: 5, rank: 2 };
        let more = Button::More {
            answer: 17,
            from: 3,
        };
        assert_eq!(full.encode(), "f:5:2");
        assert_eq!(more.encode(), "m:17:3");
    }

    #[test]
    fn every_button_round_trips_and_fits_telegram() {
        for answer in [0, 1, 42, u64::MAX] {
            for n in [0, 1, 3, 999, MAX_NUMBER] {
                for b in [
                    Button::Full { answer, rank: n },
                    Button::More { answer, from: n },
                ] {
                    let data = b.encode();
                    assert!(data.len() <= 64, "{data}");
                    assert_eq!(Button::decode(&data), Some(b), "{data}");
                    assert_eq!(Button::decode(&data).map(|b| b.answer()), Some(answer));
                }
            }
        }
    }

    #[test]
    fn canonical_data_decodes_and_encodes_back_byte_for_byte() {
        for data in ["f:0:0", "f:123:1", "m:9:3", "m:18446744073709551615:1000"] {
            assert_eq!(
                Button::decode(data).map(|b| b.encode()).as_deref(),
                Some(data)
            );
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for data in [
            "",
            "f",
            "f:1",
            "f:1:",
            "x:1:2",
            "F:1:2",
            "f:1:2:3",
            "f:-1:2",
            "f:1:-2",
            "f:1:1001",
            "f:18446744073709551616:1",
            "ff:1:2",
            " f:1:2",
        ] {
            assert_eq!(Button::decode(data), None, "{data:?}");
        }
    }
}
