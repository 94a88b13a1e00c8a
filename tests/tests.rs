//! All integration tests in one binary (links once), one module per area.

mod bot;
mod bot_delivery;
mod bot_startup;
mod bundled;
mod cli;
mod common;
mod dates;
mod fake_telegram;
mod figures;
mod hostile;
mod names;
mod news;
mod pipeline;
mod quality;
mod reindex;
mod reports;
mod reposts;
mod resilience;
mod roles;
mod session;
mod who_where;
