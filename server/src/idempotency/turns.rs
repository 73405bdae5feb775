//! [`KeyTurns`]: one request at a time per idempotency key in this process, so that of
//! two requests racing with one key the second waits for the first's answer instead of
//! charging a card a second time.

use app::contracts::IdempotencyKey;
use std::hash::{BuildHasher, RandomState};
use tokio::sync::{Mutex, MutexGuard};

/// How many locks the keys share. Two keys on one lock only wait for each other; a
/// fixed number keeps memory bounded whatever clients send.
const STRIPES: usize = 1024;

/// Locks by key: a key always maps to the same one of a fixed set, through a hash seeded
/// at random per process, so a client cannot pick keys that queue behind others' on
/// purpose.
pub(crate) struct KeyTurns {
    hasher: RandomState,
    stripes: Box<[Mutex<()>]>,
}

impl Default for KeyTurns {
    fn default() -> Self {
        Self {
            hasher: RandomState::new(),
            stripes: (0..STRIPES).map(|_| Mutex::new(())).collect(),
        }
    }
}

impl KeyTurns {
    /// Waits until no other request of `scope` with `key` runs; the turn lasts as long as
    /// the guard.
    pub(crate) async fn take(&self, scope: &str, key: &IdempotencyKey) -> MutexGuard<'_, ()> {
        let hash = self.hasher.hash_one((scope, key.as_str()));
        let stripe = usize::try_from(hash % STRIPES as u64).unwrap_or_default();
        self.stripes[stripe].lock().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn key(text: &str) -> IdempotencyKey {
        IdempotencyKey::parse(&format!("test-key-{text:0>8}")).expect("a valid key")
    }

    #[tokio::test]
    async fn a_second_request_with_the_same_key_waits_for_the_first() {
        let turns = KeyTurns::default();
        let first = turns.take("PlaceOrder", &key("key-1")).await;

        let second = tokio::time::timeout(
            Duration::from_millis(50),
            turns.take("PlaceOrder", &key("key-1")),
        )
        .await;

        assert!(
            second.is_err(),
            "the second turn came while the first was held"
        );
        drop(first);
        let second = tokio::time::timeout(
            Duration::from_secs(5),
            turns.take("PlaceOrder", &key("key-1")),
        )
        .await;
        assert!(second.is_ok(), "the second turn never came");
    }

    #[tokio::test]
    async fn most_other_keys_go_on_while_one_is_held() {
        let turns = KeyTurns::default();
        let _held = turns.take("PlaceOrder", &key("held")).await;

        let mut free = 0;
        for n in 0..100 {
            let other = key(&format!("other-{n}"));
            let turn = tokio::time::timeout(Duration::ZERO, turns.take("PlaceOrder", &other));
            if turn.await.is_ok() {
                free += 1;
            }
        }

        // A key shares the held key's lock with a chance of 1 in 1,024.
        assert!(free >= 95, "only {free} of 100 other keys were free");
    }
}
