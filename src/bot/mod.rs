//! The Telegram front end, over the same conversation logic as the console. State (engine,
//! sessions, config) is injected into the dispatcher, not global.
//!
//! - [`serve`]: start-up, shutdown and the dispatcher;
//! - `handlers`: the handler tree (with the admin check) and one handler per kind of update:
//!   questions, commands, button presses, inline queries, uploads;
//! - [`state`](State): what handlers share; `send`: every request under one retry policy;
//! - [`buttons`]: callback data, typed; [`strings`]: every user-facing text in both scripts;
//!   [`format`](mod@format): replies as Telegram HTML; [`locale`]: which script to reply in;
//! - [`metrics`]: counters, `/healthz` and `/metrics`.

pub mod buttons;
pub mod format;
mod handlers;
pub mod locale;
pub mod metrics;
mod reindex;
mod send;
pub mod serve;
mod state;
pub mod strings;

pub use handlers::upload::{upload_name, MAX_UPLOAD_BYTES};
pub use handlers::Command;
pub use serve::{dispatcher, poll, polling_listener, register_commands, wait_for_telegram};
pub use state::{Config, State, QUESTIONS_PER_MINUTE, TYPING_AFTER};
