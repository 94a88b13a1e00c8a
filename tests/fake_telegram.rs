//! A fake Telegram Bot API on 127.0.0.1 for end-to-end tests of the real bot (unmodified
//! teloxide over HTTP). It serves updates until they are confirmed through `offset`, long-polls,
//! and records every request.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::Notify;

/// What an injected fault does to one call.
#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Answer with this HTTP status (429 carries `retry_after: 1`).
    Status(u16),
    /// Answer normally, but only after this long.
    Slow(Duration),
    /// Send the headers, then drop the connection in the middle of the body.
    Drop,
}

#[derive(Default)]
struct Inner {
    updates: Mutex<Vec<Value>>,
    requests: Mutex<Vec<(String, Value)>>,
    new_update: Notify,
    new_request: Notify,
    next_message_id: AtomicI64,
    /// Faults for the next calls of a method: (method, fault).
    failures: Mutex<Vec<(String, Fault)>>,
    /// Calls that were answered with an injected error.
    failed: AtomicI64,
    /// Files that getFile and the file download serve: file_id -> bytes.
    files: Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

/// The running fake server.
#[derive(Clone)]
pub struct FakeTelegram {
    /// Base URL to give teloxide (`Bot::set_api_url`).
    pub url: String,
    inner: Arc<Inner>,
}

fn bot_user() -> Value {
    json!({"id": 1000, "is_bot": true, "first_name": "wenjin", "username": "wenjin_test_bot",
           "can_join_groups": true, "can_read_all_group_messages": false,
           "supports_inline_queries": true, "has_main_web_app": false,
           "can_connect_to_business": false})
}

async fn method(
    State(inner): State<Arc<Inner>>,
    Path((_token, name)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let name = name.to_ascii_lowercase();
    let body: Value = serde_json::from_slice(&body)
        .ok()
        .or_else(|| form_fields(&headers, &body))
        .unwrap_or(Value::Null);
    let injected = {
        let mut f = inner.failures.lock().unwrap();
        f.iter()
            .position(|(m, _)| *m == name)
            .map(|i| f.remove(i).1)
    };
    match injected {
        Some(Fault::Slow(d)) => {
            inner.failed.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(d).await;
        }
        Some(Fault::Drop) => {
            inner.failed.fetch_add(1, Ordering::SeqCst);
            let broken = futures_util::stream::iter([
                Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"{\"ok\": tr")),
                Err(std::io::Error::other("connection dropped")),
            ]);
            return (
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                axum::body::Body::from_stream(broken),
            )
                .into_response();
        }
        Some(Fault::Status(_)) | None => {}
    }
    if let Some(Fault::Status(status)) = injected {
        inner.failed.fetch_add(1, Ordering::SeqCst);
        let body = match status {
            429 => {
                json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 1", "parameters": {"retry_after": 1}})
            }
            _ => json!({"ok": false, "error_code": status, "description": "Internal Server Error"}),
        };
        return (
            axum::http::StatusCode::from_u16(status).unwrap(),
            Json(body),
        )
            .into_response();
    }
    if name != "getupdates" {
        inner
            .requests
            .lock()
            .unwrap()
            .push((name.clone(), body.clone()));
        inner.new_request.notify_waiters();
    }
    let result = match name.as_str() {
        "getme" => bot_user(),
        "getwebhookinfo" => {
            json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0})
        }
        "getupdates" => {
            let offset = body["offset"].as_i64().unwrap_or(0);
            let timeout = body["timeout"].as_u64().unwrap_or(0).min(2);
            let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
            loop {
                let notified = inner.new_update.notified();
                let pending: Vec<Value> = {
                    let mut ups = inner.updates.lock().unwrap();
                    // Updates below the offset are confirmed: forget them.
                    ups.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
                    ups.clone()
                };
                if !pending.is_empty() || tokio::time::Instant::now() >= deadline {
                    break json!(pending);
                }
                let _ = tokio::time::timeout_at(deadline, notified).await;
            }
        }
        "sendmessage" => {
            let id = inner.next_message_id.fetch_add(1, Ordering::SeqCst) + 5000;
            json!({"message_id": id, "date": 1_700_000_000, "from": bot_user(),
                   "chat": {"id": body["chat_id"], "type": "private", "first_name": "user"},
                   "text": body["text"]})
        }
        "getfile" => {
            let id = body["file_id"].as_str().unwrap_or_default().to_string();
            let size = inner.files.lock().unwrap().get(&id).map_or(0, Vec::len);
            json!({"file_id": id, "file_unique_id": format!("u-{id}"), "file_size": size, "file_path": id})
        }
        _ => json!(true),
    };
    (
        axum::http::StatusCode::OK,
        Json(json!({"ok": true, "result": result})),
    )
        .into_response()
}

/// The text fields of a multipart/form-data body (teloxide sends setWebhook, and any request
/// that may carry a file, that way) as a JSON object of strings.
fn form_fields(headers: &axum::http::HeaderMap, body: &[u8]) -> Option<Value> {
    let ct = headers.get("content-type")?.to_str().ok()?;
    let boundary = ct.split("boundary=").nth(1)?.trim_matches('"');
    let body = String::from_utf8_lossy(body);
    let mut fields = serde_json::Map::new();
    for part in body.split(&format!("--{boundary}")) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let Some(name) = head
            .split("name=\"")
            .nth(1)
            .and_then(|n| n.split('"').next())
        else {
            continue;
        };
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        fields.insert(name.to_string(), Value::String(value.to_string()));
    }
    Some(Value::Object(fields))
}

/// File downloads: `<base>/file/bot<token>/<file_path>`.
async fn download(
    State(inner): State<Arc<Inner>>,
    uri: axum::http::Uri,
) -> (axum::http::StatusCode, Vec<u8>) {
    let path = uri.path();
    let id = path.rsplit('/').next().unwrap_or_default();
    match inner.files.lock().unwrap().get(id) {
        Some(bytes) if path.contains("/file/bot") => (axum::http::StatusCode::OK, bytes.clone()),
        _ => (axum::http::StatusCode::NOT_FOUND, Vec::new()),
    }
}

impl FakeTelegram {
    /// Makes a file available to getFile and the download URL.
    pub fn add_file(&self, id: &str, bytes: &[u8]) {
        self.inner
            .files
            .lock()
            .unwrap()
            .insert(id.to_string(), bytes.to_vec());
    }

    /// Starts the server on a free port of 127.0.0.1.
    pub async fn start() -> FakeTelegram {
        let inner = Arc::new(Inner::default());
        let app = Router::new()
            .route("/{token}/{method}", post(method))
            .fallback(download)
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeTelegram {
            url: format!("http://{addr}/"),
            inner,
        }
    }

    /// Queues a private text message from user `user` as update `update_id`.
    pub fn push_text(&self, update_id: i64, user: i64, text: &str) {
        let update = json!({"update_id": update_id, "message": {
            "message_id": update_id, "date": 1_700_000_000,
            "chat": {"id": user, "type": "private", "first_name": "user"},
            "from": {"id": user, "is_bot": false, "first_name": "user"},
            "text": text}});
        self.inner.updates.lock().unwrap().push(update);
        self.inner.new_update.notify_waiters();
    }

    /// Queues any update object.
    pub fn push_update(&self, update: Value) {
        self.inner.updates.lock().unwrap().push(update);
        self.inner.new_update.notify_waiters();
    }

    /// The next `n` calls of `method` (lowercase) fail with HTTP `status` (429 or 5xx).
    pub fn fail_next(&self, method: &str, n: usize, status: u16) {
        let mut f = self.inner.failures.lock().unwrap();
        for _ in 0..n {
            f.push((method.to_string(), Fault::Status(status)));
        }
    }

    /// The next `n` calls of `method` (lowercase) are answered only after `delay`.
    pub fn slow_next(&self, method: &str, n: usize, delay: Duration) {
        let mut f = self.inner.failures.lock().unwrap();
        for _ in 0..n {
            f.push((method.to_string(), Fault::Slow(delay)));
        }
    }

    /// The next `n` calls of `method` (lowercase) lose their connection halfway through the
    /// response.
    pub fn drop_next(&self, method: &str, n: usize) {
        let mut f = self.inner.failures.lock().unwrap();
        for _ in 0..n {
            f.push((method.to_string(), Fault::Drop));
        }
    }

    /// Faults still waiting to be injected.
    pub fn faults_pending(&self) -> usize {
        self.inner.failures.lock().unwrap().len()
    }

    /// How many calls were answered with an injected error.
    pub fn failed(&self) -> i64 {
        self.inner.failed.load(Ordering::SeqCst)
    }

    /// Every recorded request to `method` (lowercase), in order.
    pub fn requests(&self, method: &str) -> Vec<Value> {
        self.inner
            .requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(m, _)| m == method)
            .map(|(_, b)| b.clone())
            .collect()
    }

    /// Every recorded request (getUpdates aside) as (method, body), in the order answered.
    pub fn calls(&self) -> Vec<(String, Value)> {
        self.inner.requests.lock().unwrap().clone()
    }

    /// Waits until `count` sendMessage requests have been made (or panics after `secs`).
    pub async fn wait_messages(&self, count: usize, secs: u64) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let notified = self.inner.new_request.notified();
            let sent = self.requests("sendmessage");
            if sent.len() >= count {
                return sent;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "only {} of {count} messages sent: {sent:#?}",
                sent.len()
            );
            let _ = tokio::time::timeout(Duration::from_millis(200), notified).await;
        }
    }
}
