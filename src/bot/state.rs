//! What every handler may use: the engine, the sessions, the settings, the counters, and the
//! limits on how answering shares the machine. Injected into the dispatcher, never global.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use teloxide::types::{ChatId, Message};

use super::metrics;
use crate::search::Engine;
use crate::session::Sessions;

/// Bot settings, parsed once at start.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Telegram user ids allowed to run admin commands.
    pub admins: Vec<u64>,
    /// The corpus folder `/reindex` reads.
    pub corpus: std::path::PathBuf,
    /// Memory for a reindex, in MiB (`None`: the library's default).
    pub index_memory_mb: Option<usize>,
}

impl Config {
    /// Whether `msg` may run an admin command: sent by a listed user, and not a forward (a
    /// forwarded `/reindex` is a quote of someone's command, whoever forwards it). Edited
    /// messages never reach the handlers at all: an edit does not run a command again.
    pub(super) fn is_admin(&self, msg: &Message) -> bool {
        msg.forward_origin().is_none()
            && msg
                .from
                .as_ref()
                .is_some_and(|u| self.admins.contains(&u.id.0))
    }

    /// Parses `WENJIN_ADMIN_IDS` (comma-separated user ids); an invalid entry is an error naming it.
    pub fn parse_admins(list: &str) -> Result<Vec<u64>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<u64>()
                    .map_err(|_| format!("WENJIN_ADMIN_IDS: {s:?} is not a Telegram user id"))
            })
            .collect()
    }
}

/// Questions a user may ask per minute before being asked to slow down.
pub const QUESTIONS_PER_MINUTE: usize = 20;

/// An answer ready within this time is sent at once; a slower one shows the typing indicator
/// first. Most answers take a few milliseconds, and the indicator is a round trip to Telegram
/// of its own (tens to hundreds of milliseconds): shown for every answer, it would delay each
/// of them to show something that vanishes before anyone sees it.
pub const TYPING_AFTER: Duration = Duration::from_millis(300);

/// The longest an answer waits for Telegram to confirm the typing indicator.
pub(super) const TYPING_WAIT: Duration = Duration::from_secs(2);

/// Chats whose question locks are kept before unused ones are dropped.
const CHAT_LOCKS_KEPT: usize = 10_000;

/// What every handler may use.
#[derive(Clone)]
pub struct State {
    /// The search engine (follows reindexes by itself).
    pub engine: Arc<Engine>,
    /// Per-chat sessions.
    pub sessions: Sessions,
    /// Settings.
    pub config: Arc<Config>,
    /// Counters for `/metrics`.
    pub metrics: metrics::SharedMetrics,
    chats: Arc<std::sync::Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>>,
    /// Questions searched at the same time, across all chats: more wait their turn (with the
    /// typing indicator showing) instead of crowding the CPU with blocking threads.
    pub(super) answering: Arc<tokio::sync::Semaphore>,
    answering_limit: usize,
    /// How long an answer may take before the typing indicator is shown.
    pub(super) typing_after: Duration,
}

/// Default number of questions searched at once: one per core (the work is CPU-bound).
fn default_answering_limit() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

impl State {
    /// State over an engine, a session store and settings.
    pub fn new(engine: Arc<Engine>, sessions: Sessions, config: Config) -> State {
        State {
            engine,
            sessions,
            config: Arc::new(config),
            metrics: Arc::default(),
            chats: Arc::default(),
            answering: Arc::new(tokio::sync::Semaphore::new(default_answering_limit())),
            answering_limit: default_answering_limit(),
            typing_after: TYPING_AFTER,
        }
    }

    /// The same state showing the typing indicator for answers slower than `after` (zero: for
    /// every answer, before it is searched).
    pub fn with_typing_after(mut self, after: Duration) -> State {
        self.typing_after = after;
        self
    }

    /// The same state with at most `limit` questions searched at once (at least one).
    pub fn with_answering_limit(mut self, limit: usize) -> State {
        let limit = limit.max(1);
        self.answering = Arc::new(tokio::sync::Semaphore::new(limit));
        self.answering_limit = limit;
        self
    }

    /// How many questions are being searched right now.
    pub fn answering_now(&self) -> usize {
        self.answering_limit - self.answering.available_permits()
    }

    /// The lock that keeps one chat's questions in order. A poisoned map (a panic while it was
    /// held) gives a fresh lock: order within that chat is then not kept, but nothing stops.
    pub(super) fn chat_lock(&self, chat: ChatId) -> Arc<tokio::sync::Mutex<()>> {
        let Ok(mut map) = self.chats.lock() else {
            return Arc::default();
        };
        if map.len() > CHAT_LOCKS_KEPT {
            map.retain(|_, l| Arc::strong_count(l) > 1);
        }
        map.entry(chat.0).or_default().clone()
    }
}
