//! Health and metrics over HTTP (`--http ADDR`): `/healthz` for Docker and load balancers,
//! `/metrics` in Prometheus text format.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State as AxumState;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;

use super::State;

/// Latency histogram bucket bounds, seconds.
const BUCKETS: [f64; 8] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];

/// Counters the bot updates as it works.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Questions answered (found or not).
    pub questions: AtomicU64,
    /// Questions the corpus did not answer.
    pub not_found: AtomicU64,
    /// Telegram requests that failed after retries, or were retried.
    pub telegram_errors: AtomicU64,
    /// Reindexes run from the bot.
    pub reindexes: AtomicU64,
    /// Total reindex time, milliseconds.
    pub reindex_ms: AtomicU64,
    buckets: [AtomicU64; BUCKETS.len()],
    latency_sum_us: AtomicU64,
}

impl Metrics {
    /// Records one answered question and how long it took.
    pub fn question(&self, took: Duration, found: bool) {
        self.questions.fetch_add(1, Ordering::Relaxed);
        if !found {
            self.not_found.fetch_add(1, Ordering::Relaxed);
        }
        let secs = took.as_secs_f64();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_sum_us
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// The Prometheus text exposition.
    pub fn render(&self, state: &State) -> String {
        let mut s = String::new();
        if let Err(e) = self.write_exposition(&mut s, state) {
            // Writing into a String cannot fail; should it ever, the scrape gets what was written.
            tracing::error!(error = %e, "could not render the metrics");
        }
        s
    }

    fn write_exposition(&self, s: &mut String, state: &State) -> std::fmt::Result {
        let snap = state.engine.snapshot();
        let q = self.questions.load(Ordering::Relaxed);
        let counter = |s: &mut String, name: &str, help: &str, v: u64| {
            writeln!(s, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}")
        };
        counter(s, "wenjin_questions_total", "Questions answered.", q)?;
        counter(
            s,
            "wenjin_not_found_total",
            "Questions the corpus did not answer.",
            self.not_found.load(Ordering::Relaxed),
        )?;
        counter(
            s,
            "wenjin_telegram_errors_total",
            "Telegram requests that failed or were retried.",
            self.telegram_errors.load(Ordering::Relaxed),
        )?;
        counter(
            s,
            "wenjin_reindex_total",
            "Reindexes run from the bot.",
            self.reindexes.load(Ordering::Relaxed),
        )?;
        writeln!(s, "# HELP wenjin_reindex_seconds_total Time spent reindexing.\n# TYPE wenjin_reindex_seconds_total counter\nwenjin_reindex_seconds_total {}", self.reindex_ms.load(Ordering::Relaxed) as f64 / 1000.0)?;
        writeln!(s, "# HELP wenjin_question_seconds Question-to-answer latency.\n# TYPE wenjin_question_seconds histogram")?;
        for (i, bound) in BUCKETS.iter().enumerate() {
            writeln!(
                s,
                "wenjin_question_seconds_bucket{{le=\"{bound}\"}} {}",
                self.buckets[i].load(Ordering::Relaxed)
            )?;
        }
        writeln!(s, "wenjin_question_seconds_bucket{{le=\"+Inf\"}} {q}")?;
        writeln!(
            s,
            "wenjin_question_seconds_sum {}",
            self.latency_sum_us.load(Ordering::Relaxed) as f64 / 1e6
        )?;
        writeln!(s, "wenjin_question_seconds_count {q}")?;
        writeln!(s, "# HELP wenjin_index_passages Passages in the index.\n# TYPE wenjin_index_passages gauge\nwenjin_index_passages {}", snap.num_passages())?;
        writeln!(s, "# HELP wenjin_index_bytes Index size on disk.\n# TYPE wenjin_index_bytes gauge\nwenjin_index_bytes {}", snap.size_on_disk())
    }
}

async fn healthz(AxumState(state): AxumState<State>) -> (StatusCode, String) {
    let passages = state.engine.snapshot().num_passages();
    let sled_ok = state.sessions.healthy();
    if passages > 0 && sled_ok {
        (
            StatusCode::OK,
            format!(
                "ok: {passages} passages, sessions {}\n",
                if state.sessions.persistent {
                    "on disk"
                } else {
                    "in memory"
                }
            ),
        )
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("unhealthy: {passages} passages, sessions ok: {sled_ok}\n"),
        )
    }
}

async fn metrics(AxumState(state): AxumState<State>) -> String {
    state.metrics.render(&state)
}

/// The router for `/healthz` and `/metrics`.
pub fn router(state: State) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .with_state(state)
}

/// Serves the router on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, state: State) -> std::io::Result<()> {
    axum::serve(listener, router(state)).await
}

/// Shared handle type.
pub type SharedMetrics = Arc<Metrics>;
