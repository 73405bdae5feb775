//! [`run`]: where password hashes are computed. A few threads of their own, one per core
//! (at least two), rather than tokio's blocking pool: each Argon2 check takes ~19 MiB,
//! and the allocator keeps what a thread freed for that thread's next use, so spreading
//! checks over the blocking pool's many threads kept ~19 MiB per thread ever used (a
//! sign-in flood left a process at ~480 MB); a fixed few threads keep a fixed few.
//!
//! Two lanes: the shared one, and one thread of its own for sign-ins from a known device
//! (`devices.rs`), which a flood of guesses in the shared lane never delays.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

/// Which hasher threads run a hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lane {
    /// Every sign-in and new password: one thread per core, at least two.
    Shared,
    /// Sign-ins from a device that signed in to the account before: one thread.
    KnownDevice,
}

impl Lane {
    /// How many hashes may run at once in this lane.
    pub(crate) fn threads(self) -> usize {
        match self {
            Self::Shared => {
                std::thread::available_parallelism().map_or(2, |cores| cores.get().max(2))
            }
            Self::KnownDevice => 1,
        }
    }
}

/// Runs `work` on a hasher thread of `lane` and answers its result.
pub(crate) async fn run<T: Send + 'static>(
    lane: Lane,
    work: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        // The asker may have gone (a cancelled request): nobody to tell.
        let _ = answer.send(work());
    });
    jobs(lane)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .send(job)
        .map_err(|_| anyhow::anyhow!("the password hashers have stopped"))?;
    answered
        .await
        .map_err(|_| anyhow::anyhow!("a password hasher failed"))
}

/// The queue of `lane`'s hasher threads, started on first use.
fn jobs(lane: Lane) -> &'static Mutex<Sender<Job>> {
    static SHARED: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    static KNOWN_DEVICE: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    let (jobs, name) = match lane {
        Lane::Shared => (&SHARED, "password-hasher"),
        Lane::KnownDevice => (&KNOWN_DEVICE, "password-hasher-known-device"),
    };
    jobs.get_or_init(|| {
        let (sender, receiver) = channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for index in 0..lane.threads() {
            let receiver = receiver.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("{name}-{index}"))
                .spawn(move || serve(&receiver));
            if let Err(error) = spawned {
                tracing::error!(%error, "could not start a password hasher thread");
            }
        }
        Mutex::new(sender)
    })
}

fn serve(receiver: &Mutex<Receiver<Job>>) {
    loop {
        let job = receiver
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .recv();
        match job {
            // A panicking hash drops its answer; the asker gets an error, the thread lives.
            Ok(job) => {
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thread_name() -> Option<String> {
        std::thread::current().name().map(str::to_owned)
    }

    #[tokio::test]
    async fn work_runs_on_a_hasher_thread_and_answers() {
        let name = run(Lane::Shared, thread_name).await.unwrap();
        assert!(name.unwrap().starts_with("password-hasher-"));
        let failed = run(Lane::Shared, || -> u8 { panic!("boom") }).await;
        assert!(failed.is_err());
        assert_eq!(
            run(Lane::Shared, || 7).await.unwrap(),
            7,
            "the thread survived the panic"
        );
    }

    #[tokio::test]
    async fn a_known_device_hashes_on_its_own_thread() {
        let name = run(Lane::KnownDevice, thread_name).await.unwrap();
        assert_eq!(name.as_deref(), Some("password-hasher-known-device-0"));
    }
}
