//! A client of the server's Server-Sent Events streams: opens one and reads its order
//! updates as a browser's `EventSource` would, noting when each arrived.

use super::server::Running;
use app::contracts::OrderUpdate;
use chrono::{DateTime, Utc};
use std::time::Instant;

/// One update as a client received it.
#[derive(Debug, Clone, Copy)]
pub struct Arrival {
    /// The message's id: the event's position.
    pub position: i64,
    /// The update's own `at`: when the command's handler stamped the event.
    pub at: DateTime<Utc>,
    /// When the client had the whole message parsed.
    pub received: Instant,
    /// The same moment by the wall clock, to compare with `at`.
    pub received_utc: DateTime<Utc>,
}

/// An open event stream.
pub struct SseClient {
    response: reqwest::Response,
    buffer: Vec<u8>,
}

impl SseClient {
    /// Opens `path` with the `server`'s client; returns once the server answered, that
    /// is once the stream is subscribed.
    pub async fn open(server: &Running, path: &str) -> anyhow::Result<Self> {
        let response = server
            .client
            .get(format!("{}{path}", server.base))
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "GET {path} answered {}",
            response.status()
        );
        Ok(Self {
            response,
            buffer: Vec::new(),
        })
    }

    /// The next order update, or `None` once the stream ended. Keep-alive comments and
    /// the `retry` hint are skipped.
    pub async fn next(&mut self) -> anyhow::Result<Option<Arrival>> {
        loop {
            while let Some(end) = self.buffer.windows(2).position(|pair| pair == b"\n\n") {
                let block: Vec<u8> = self.buffer.drain(..end + 2).collect();
                if let Some(arrival) = parse(&block)? {
                    return Ok(Some(arrival));
                }
            }
            match self.response.chunk().await? {
                Some(chunk) => self.buffer.extend_from_slice(&chunk),
                None => return Ok(None),
            }
        }
    }
}

/// The update in one block, when it carries one.
fn parse(block: &[u8]) -> anyhow::Result<Option<Arrival>> {
    let (received, received_utc) = (Instant::now(), Utc::now());
    let text = std::str::from_utf8(block)?;
    let Some(data) = text.lines().find_map(|line| line.strip_prefix("data:")) else {
        return Ok(None);
    };
    let update: OrderUpdate = serde_json::from_str(data.trim_start())?;
    Ok(Some(Arrival {
        position: update.position,
        at: update.at,
        received,
        received_utc,
    }))
}
