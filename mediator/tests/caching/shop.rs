//! A small menu service for the cache tests: two cached queries, a command that
//! records an invalidating event, and a clock the tests move by hand.

use crate::common::Journal;
use mediator::{CachePolicy, Caching, Clock, Context, Done, Event, Mediator, Outcome, Problem};
use mediator::{Request, RequestHandler, RequestKind};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// The pizzas on the menu, by category: what the handlers read and write.
#[derive(Clone, Default)]
pub struct Menu(Arc<Mutex<Vec<(String, String)>>>);

impl Menu {
    pub fn add(&self, name: &str, category: &str) {
        let pizza = (name.to_owned(), category.to_owned());
        self.0.lock().unwrap().push(pizza);
    }

    pub fn names(&self, category: Option<&str>) -> Vec<String> {
        let pizzas = self.0.lock().unwrap();
        let chosen = pizzas
            .iter()
            .filter(|(_, c)| category.is_none_or(|wanted| c == wanted));
        chosen.map(|(name, _)| name.clone()).collect()
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct GetMenu {
    pub category: Option<String>,
}

impl Request for GetMenu {
    type Response = Vec<String>;
    const KIND: RequestKind = RequestKind::Query;
}

/// A second cached query, with its own policy.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CountPizzas;

impl Request for CountPizzas {
    type Response = usize;
    const KIND: RequestKind = RequestKind::Query;
}

pub struct AddPizza {
    pub name: &'static str,
    pub commit: bool,
}

impl Request for AddPizza {
    type Response = ();
    const KIND: RequestKind = RequestKind::Command;
}

#[derive(Clone)]
pub struct PizzaAdded;

impl Event for PizzaAdded {}

/// Reads the menu; writes `"read <category>"` to the journal on every real read.
/// While `fail` is set it answers 503, and when `gate` is given it waits on it.
pub struct GetMenuHandler {
    pub menu: Menu,
    pub journal: Journal,
    pub fail: Arc<Mutex<bool>>,
    pub gate: Option<Arc<Notify>>,
}

impl RequestHandler<GetMenu> for GetMenuHandler {
    async fn handle(&self, query: GetMenu, _ctx: &mut Context) -> Outcome<Vec<String>> {
        let category = query.category.as_deref();
        self.journal
            .write(format!("read {}", category.unwrap_or("all")));
        let names = self.menu.names(category);
        if let Some(gate) = &self.gate {
            gate.notified().await;
        }
        if *self.fail.lock().unwrap() {
            return Err(Problem::unavailable("Menu offline.", Some(1)));
        }
        Ok(Done::ok(names))
    }
}

pub struct CountPizzasHandler(pub Menu, pub Journal);

impl RequestHandler<CountPizzas> for CountPizzasHandler {
    async fn handle(&self, _query: CountPizzas, _ctx: &mut Context) -> Outcome<usize> {
        self.1.write("count");
        Ok(Done::ok(self.0.names(None).len()))
    }
}

/// Adds a pizza and records `PizzaAdded`; refuses without adding when `commit` is false.
pub struct AddPizzaHandler(pub Menu);

impl RequestHandler<AddPizza> for AddPizzaHandler {
    async fn handle(&self, command: AddPizza, ctx: &mut Context) -> Outcome<()> {
        ctx.record(PizzaAdded);
        if !command.commit {
            return Err(Problem::conflict("Already on the menu."));
        }
        self.0.add(command.name, "Classic");
        Ok(Done::created(()))
    }
}

/// A clock the test moves by hand.
#[derive(Clone)]
pub struct TestClock(Arc<Mutex<Instant>>);

impl TestClock {
    pub fn new() -> Self {
        Self(Arc::new(Mutex::new(Instant::now())))
    }

    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for TestClock {
    fn now(&self) -> Instant {
        *self.0.lock().unwrap()
    }
}

pub struct Shop {
    pub mediator: Mediator,
    pub journal: Journal,
    pub clock: TestClock,
    pub fail: Arc<Mutex<bool>>,
}

pub const MENU_POLICY: CachePolicy = CachePolicy {
    ttl: Duration::from_secs(60),
    capacity: 2,
};

pub fn open_shop(gate: Option<Arc<Notify>>) -> Shop {
    let (menu, journal, clock) = (Menu::default(), Journal::default(), TestClock::new());
    menu.add("Margherita", "Vegetarian");
    menu.add("Diavola", "Spicy");
    let fail = Arc::new(Mutex::new(false));
    let count_policy = CachePolicy {
        ttl: Duration::from_secs(5),
        capacity: 1,
    };
    let caching = Caching::with_clock(clock.clone())
        .query::<GetMenu>(MENU_POLICY)
        .query::<CountPizzas>(count_policy)
        .invalidated_by::<GetMenu, PizzaAdded>();
    let get_menu = GetMenuHandler {
        menu: menu.clone(),
        journal: journal.clone(),
        fail: fail.clone(),
        gate,
    };
    let mediator = Mediator::builder()
        .behavior(caching)
        .handler::<GetMenu, _>(get_menu)
        .handler::<CountPizzas, _>(CountPizzasHandler(menu.clone(), journal.clone()))
        .handler::<AddPizza, _>(AddPizzaHandler(menu))
        .build()
        .unwrap();
    Shop {
        mediator,
        journal,
        clock,
        fail,
    }
}
