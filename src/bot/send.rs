//! Every request to Telegram goes out through one retry policy: Telegram's 429 is retried after
//! the `retry_after` it gives, failures that may pass (network errors, 5xx, a garbled reply)
//! with backoff, anything else not at all; a few tries in all, then the error is returned (and
//! logged by the dispatcher). Every failed try is counted in the metrics.
//!
//! Telegram's own limits (about one message a second per chat) are met by reacting to 429, not
//! by queueing every request in advance: teloxide's `Throttle` adaptor would hold each reply of
//! a multi-message answer for a second, and the bot rarely comes near the limits.

use std::sync::atomic::Ordering;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::requests::{Output, Request};
use teloxide::sugar::request::RequestReplyExt;
use teloxide::types::{InlineKeyboardMarkup, MessageId, ParseMode};
use teloxide::{ApiError, RequestError};

use super::metrics::Metrics;
use super::State;

/// Tries of one request, the first included.
const MAX_TRIES: u32 = 6;
/// The wait after the first failure that may pass; it doubles with each further one.
const FIRST_DELAY: Duration = Duration::from_millis(300);
/// The longest wait between two tries after failures that may pass.
const MAX_DELAY: Duration = Duration::from_secs(8);

/// Where a request stands in the retry policy.
#[derive(Debug)]
struct Retry {
    failures: u32,
    delay: Duration,
}

impl Retry {
    fn new() -> Retry {
        Retry {
            failures: 0,
            delay: FIRST_DELAY,
        }
    }

    /// After a failed try: how long to wait before the next one, or `None` to give up.
    fn after(&mut self, e: &RequestError) -> Option<Duration> {
        self.failures += 1;
        if self.failures >= MAX_TRIES {
            return None;
        }
        match e {
            RequestError::RetryAfter(s) => {
                tracing::warn!(seconds = s.seconds(), "Telegram asked to slow down (429)");
                Some(s.duration())
            }
            RequestError::Network(_)
            | RequestError::Io(_)
            | RequestError::InvalidJson { .. }
            | RequestError::Api(ApiError::Unknown(_)) => {
                tracing::warn!(error = %e, try_number = self.failures, "request failed; retrying");
                let wait = self.delay;
                self.delay = (self.delay * 2).min(MAX_DELAY);
                Some(wait)
            }
            _ => None,
        }
    }
}

/// Sends any request under the retry policy: for button and inline answers, which otherwise
/// leave the user's client spinning, and for every message.
pub(super) async fn retrying<R>(metrics: &Metrics, req: R) -> Result<Output<R>, RequestError>
where
    R: Request<Err = RequestError>,
{
    let mut retry = Retry::new();
    loop {
        let e = match req.send_ref().await {
            Ok(out) => return Ok(out),
            Err(e) => e,
        };
        metrics.telegram_errors.fetch_add(1, Ordering::Relaxed);
        match retry.after(&e) {
            Some(wait) => tokio::time::sleep(wait).await,
            None => return Err(e),
        }
    }
}

/// Sends a message (HTML when `html`, as a reply to `reply_to` when given).
pub(super) async fn send(
    state: &State,
    bot: &Bot,
    chat: ChatId,
    text: String,
    reply_to: Option<MessageId>,
    html: bool,
) -> Result<(), RequestError> {
    send_with(state, bot, chat, text, reply_to, html, None).await
}

/// [`send`] with an inline keyboard under the message.
pub(super) async fn send_with(
    state: &State,
    bot: &Bot,
    chat: ChatId,
    text: String,
    reply_to: Option<MessageId>,
    html: bool,
    keyboard: Option<InlineKeyboardMarkup>,
) -> Result<(), RequestError> {
    // Make the handled-update log durable before anything is sent: a kill -9 after the reply
    // must not let Telegram's redelivery be answered a second time.
    if let Err(e) = state.sessions.persist().await {
        tracing::warn!(error = %e, "could not flush the session store");
    }
    let mut req = bot.send_message(chat, text);
    if html {
        req = req.parse_mode(ParseMode::Html);
    }
    if let Some(id) = reply_to {
        req = req.reply_to(id);
    }
    if let Some(k) = keyboard {
        req = req.reply_markup(k);
    }
    retrying(&state.metrics, req).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server_error() -> RequestError {
        RequestError::Api(ApiError::Unknown("Internal Server Error".into()))
    }

    #[test]
    fn failures_that_may_pass_back_off_doubling_up_to_eight_seconds() {
        let mut retry = Retry::new();
        let waits: Vec<_> = (0..5).map(|_| retry.after(&server_error())).collect();
        let ms = |n| Some(Duration::from_millis(n));
        assert_eq!(waits, [ms(300), ms(600), ms(1200), ms(2400), ms(4800)]);
        assert_eq!(retry.after(&server_error()), None, "six tries in all");
    }

    #[test]
    fn a_429_waits_what_telegram_says_and_does_not_grow_the_backoff() {
        let mut retry = Retry::new();
        let slow_down = RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(3));
        assert_eq!(retry.after(&slow_down), Some(Duration::from_secs(3)));
        assert_eq!(
            retry.after(&server_error()),
            Some(Duration::from_millis(300))
        );
    }

    #[test]
    fn other_errors_are_not_retried() {
        let mut retry = Retry::new();
        assert_eq!(retry.after(&RequestError::Api(ApiError::BotBlocked)), None);
    }

    #[test]
    fn the_limit_counts_429s_too() {
        let mut retry = Retry::new();
        let slow_down = RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(1));
        for _ in 0..5 {
            assert!(retry.after(&slow_down).is_some());
        }
        assert_eq!(retry.after(&slow_down), None);
    }
}
