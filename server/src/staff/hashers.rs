//! [`run`]: where password hashes are computed. A few threads of their own, one per core
//! (at least two), rather than tokio's blocking pool: each Argon2 check takes ~19 MiB,
//! and the allocator keeps what a thread freed for that thread's next use, so spreading
//! checks over the blocking pool's many threads kept ~19 MiB per thread ever used (a
//! sign-in flood left a process at ~480 MB); a fixed few threads keep a fixed few.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

/// How many hashes may run at once: one per core, at least two.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |cores| cores.get().max(2))
}

/// Runs `work` on a hasher thread and answers its result.
pub(crate) async fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        // The asker may have gone (a cancelled request): nobody to tell.
        let _ = answer.send(work());
    });
    jobs()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .send(job)
        .map_err(|_| anyhow::anyhow!("the password hashers have stopped"))?;
    answered
        .await
        .map_err(|_| anyhow::anyhow!("a password hasher failed"))
}

/// The queue of the hasher threads, started on first use.
fn jobs() -> &'static Mutex<Sender<Job>> {
    static JOBS: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    JOBS.get_or_init(|| {
        let (sender, receiver) = channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for index in 0..threads() {
            let receiver = receiver.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("password-hasher-{index}"))
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

    #[tokio::test]
    async fn work_runs_on_a_hasher_thread_and_answers() {
        let name = run(|| std::thread::current().name().map(str::to_owned))
            .await
            .unwrap();
        assert!(name.unwrap().starts_with("password-hasher-"));
        let failed = run(|| -> u8 { panic!("boom") }).await;
        assert!(failed.is_err());
        assert_eq!(run(|| 7).await.unwrap(), 7, "the thread survived the panic");
    }
}
