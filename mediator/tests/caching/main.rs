//! The `Caching` behavior: opted-in queries are answered from memory by value, only
//! successes are kept, entries expire and are evicted, and the events a query
//! declares clear it once published, so the next read after a committed write is fresh.

#[path = "../common/mod.rs"]
mod common;
mod shop;

use common::Journal;
use mediator::{Caching, Mediator};
use shop::*;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

fn all() -> GetMenu {
    GetMenu { category: None }
}

fn only(category: &str) -> GetMenu {
    let category = Some(category.to_owned());
    GetMenu { category }
}

#[tokio::test]
async fn a_repeated_query_is_answered_from_the_cache() {
    let shop = open_shop(None);

    let first = shop.mediator.send(all()).await.unwrap();
    let second = shop.mediator.send(all()).await.unwrap();

    assert_eq!(first, second);
    assert_eq!(second.value, ["Margherita", "Diavola"]);
    assert_eq!(shop.journal.lines(), ["read all"]);
}

#[tokio::test]
async fn queries_with_different_values_are_cached_apart() {
    let shop = open_shop(None);

    let vegetarian = shop.mediator.send(only("Vegetarian")).await.unwrap();
    let everything = shop.mediator.send(all()).await.unwrap();
    shop.mediator.send(only("Vegetarian")).await.unwrap();
    shop.mediator.send(all()).await.unwrap();

    assert_eq!(vegetarian.value, ["Margherita"]);
    assert_eq!(everything.value, ["Margherita", "Diavola"]);
    assert_eq!(shop.journal.lines(), ["read Vegetarian", "read all"]);
}

#[tokio::test]
async fn a_problem_is_not_cached() {
    let shop = open_shop(None);
    *shop.fail.lock().unwrap() = true;

    let refused = shop.mediator.send(all()).await.unwrap_err();
    *shop.fail.lock().unwrap() = false;
    shop.mediator.send(all()).await.unwrap();
    shop.mediator.send(all()).await.unwrap();

    assert_eq!(refused.code(), 503);
    assert_eq!(shop.journal.lines(), ["read all", "read all"]);
}

#[tokio::test]
async fn each_query_type_expires_after_its_own_ttl() {
    let shop = open_shop(None);
    shop.mediator.send(all()).await.unwrap();
    shop.mediator.send(CountPizzas).await.unwrap();

    shop.clock.advance(Duration::from_secs(10));
    shop.mediator.send(all()).await.unwrap();
    shop.mediator.send(CountPizzas).await.unwrap();
    shop.clock.advance(Duration::from_secs(50));
    shop.mediator.send(all()).await.unwrap();

    let expected = ["read all", "count", "count", "read all"];
    assert_eq!(shop.journal.lines(), expected);
}

#[tokio::test]
async fn a_full_cache_evicts_the_least_recently_used_answer() {
    let shop = open_shop(None);
    shop.mediator.send(only("Vegetarian")).await.unwrap();
    shop.mediator.send(only("Spicy")).await.unwrap();
    shop.mediator.send(only("Vegetarian")).await.unwrap();

    shop.mediator.send(all()).await.unwrap();
    shop.mediator.send(only("Vegetarian")).await.unwrap();
    shop.mediator.send(only("Spicy")).await.unwrap();

    let expected = ["read Vegetarian", "read Spicy", "read all", "read Spicy"];
    assert_eq!(shop.journal.lines(), expected);
}

#[tokio::test]
async fn a_cached_query_is_read_again_after_its_invalidating_event() {
    let shop = open_shop(None);
    shop.mediator.send(all()).await.unwrap();

    let add = AddPizza {
        name: "Capricciosa",
        commit: true,
    };
    shop.mediator.send(add).await.unwrap();
    let fresh = shop.mediator.send(all()).await.unwrap();

    assert_eq!(fresh.value, ["Margherita", "Diavola", "Capricciosa"]);
    assert_eq!(shop.journal.lines(), ["read all", "read all"]);
}

#[tokio::test]
async fn a_failed_command_publishes_nothing_and_leaves_the_cache_alone() {
    let shop = open_shop(None);
    shop.mediator.send(all()).await.unwrap();

    let add = AddPizza {
        name: "Capricciosa",
        commit: false,
    };
    shop.mediator.send(add).await.unwrap_err();
    shop.mediator.send(all()).await.unwrap();

    assert_eq!(shop.journal.lines(), ["read all"]);
}

#[tokio::test]
async fn an_event_clears_only_the_queries_that_declare_it() {
    let shop = open_shop(None);
    shop.mediator.send(CountPizzas).await.unwrap();

    shop.mediator.publish(PizzaAdded).await;
    shop.mediator.send(CountPizzas).await.unwrap();

    assert_eq!(shop.journal.lines(), ["count"]);
}

#[tokio::test]
async fn queries_not_opted_in_are_never_cached() {
    let journal = Journal::default();
    let mediator = Mediator::builder()
        .behavior(Caching::new().query::<CountPizzas>(MENU_POLICY))
        .handler::<GetMenu, _>(GetMenuHandler {
            menu: Menu::default(),
            journal: journal.clone(),
            fail: Arc::default(),
            gate: None,
        })
        .build()
        .unwrap();

    mediator.send(all()).await.unwrap();
    mediator.send(all()).await.unwrap();

    assert_eq!(journal.lines(), ["read all", "read all"]);
}

#[tokio::test]
async fn an_answer_read_before_an_invalidation_is_not_stored_after_it() {
    let gate = Arc::new(Notify::new());
    let shop = open_shop(Some(gate.clone()));
    let mediator = shop.mediator.clone();

    // The read takes its data, then waits while a write commits and is published.
    let stale_read = tokio::spawn(async move { mediator.send(all()).await });
    tokio::task::yield_now().await;
    let add = AddPizza {
        name: "Capricciosa",
        commit: true,
    };
    shop.mediator.send(add).await.unwrap();
    gate.notify_one();
    let stale = stale_read.await.unwrap().unwrap();

    gate.notify_one();
    let fresh = shop.mediator.send(all()).await.unwrap();

    assert_eq!(stale.value.len(), 2);
    assert_eq!(fresh.value.len(), 3);
    assert_eq!(shop.journal.lines(), ["read all", "read all"]);
}
