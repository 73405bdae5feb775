//! When each event reached the read models, seen from outside the server: the projector
//! advances its checkpoint row in the same transaction as the views it writes, so the
//! moment a new checkpoint is visible to another connection is the moment the views are.
//! A task reads the row every millisecond through its own connection and notes when
//! each new position first showed.

use sqlx::{AnyConnection, Connection};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::time::MissedTickBehavior;

/// How often the checkpoint is read: the resolution of the lag figures.
pub const POLL: Duration = Duration::from_millis(1);

/// Notes when the projector's checkpoint advanced. Stops when dropped.
pub struct CheckpointWatch {
    /// (when first seen, position), positions increasing.
    seen: Arc<Mutex<Vec<(Instant, i64)>>>,
    stop: Arc<AtomicBool>,
}

impl CheckpointWatch {
    /// Starts watching the database at `url`, from a thread of its own: on the server's
    /// runtime the reads would wait behind the very requests being measured.
    pub async fn start(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (ready, started) = tokio::sync::oneshot::channel();
        let (url, task_seen, task_stop) = (url.to_owned(), seen.clone(), stop.clone());
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let db = AnyConnection::connect(&url).await;
                let failed = db.as_ref().err().map(ToString::to_string);
                let _ = ready.send(failed);
                if let Ok(db) = db {
                    watch(db, &task_seen, &task_stop).await;
                }
            });
        });
        if let Some(error) = started.await? {
            anyhow::bail!("watching the checkpoint: {error}");
        }
        Ok(Self { seen, stop })
    }

    /// When the read models were first seen to include `position`.
    pub fn visible_at(&self, position: i64) -> Option<Instant> {
        let seen = self.seen.lock().expect("not poisoned");
        let first = seen.partition_point(|(_, seen)| *seen < position);
        seen.get(first).map(|(at, _)| *at)
    }

    /// Waits (up to `limit`) until `position` was seen.
    pub async fn wait_for(&self, position: i64, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while self.visible_at(position).is_none() {
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(POLL).await;
        }
        true
    }
}

impl Drop for CheckpointWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Reads the checkpoint every [`POLL`] until `stop`, noting each new position.
async fn watch(mut db: AnyConnection, seen: &Mutex<Vec<(Instant, i64)>>, stop: &AtomicBool) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut last = 0;
    while !stop.load(Ordering::Relaxed) {
        tick.tick().await;
        let read: Result<(i64,), _> =
            // Every read model has its own checkpoint: the views hold what the lowest does.
            sqlx::query_as("SELECT MIN(position) FROM projection_checkpoints")
                .fetch_one(&mut db)
                .await;
        // The time the answer came back: the views were there by then.
        let now = Instant::now();
        match read {
            Ok((position,)) if position > last => {
                last = position;
                seen.lock().expect("not poisoned").push((now, position));
            }
            Ok(_) => {}
            Err(error) => eprintln!("reading the checkpoint failed: {error}"),
        }
    }
}
