//! [`ShopClock`]: the shop's [`Schedule`] for every placement, without a database read
//! each time. It is loaded on first use and kept for [`KEEP`]; `UpdateShopHours`' event
//! clears it once the change committed (`forget`), so this process applies new hours to
//! the next order. A load that raced a change cannot put the old hours back (it belongs
//! to an older generation). Another process on the same database would see a change
//! within [`KEEP`]; one process per database is the rule until the shop scales out.

use crate::db::{DbError, corrupt};
use crate::hours::events::HoursEvent;
use crate::hours::schedule::Schedule;
use crate::hours::store::load_hours;
use app::contracts::OpeningHours;
use mediator::{EventError, EventHandler};
use sqlx::AnyPool;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a loaded schedule is used.
const KEEP: Duration = Duration::from_secs(60);

/// The shop's schedule, cached.
#[derive(Clone)]
pub(crate) struct ShopClock {
    inner: Arc<Inner>,
}

struct Inner {
    pool: AnyPool,
    /// What applies until a manager sets hours (`SHOP_TIMEZONE`, `SHOP_HOURS`).
    defaults: OpeningHours,
    generation: AtomicU64,
    cached: RwLock<Option<Cached>>,
}

struct Cached {
    schedule: Arc<Schedule>,
    loaded: Instant,
}

impl ShopClock {
    pub(crate) fn new(pool: AnyPool, defaults: OpeningHours) -> Self {
        Self {
            inner: Arc::new(Inner {
                pool,
                defaults,
                generation: AtomicU64::new(0),
                cached: RwLock::new(None),
            }),
        }
    }

    /// Where the hours are stored.
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.inner.pool
    }

    /// The schedule in force.
    pub(crate) async fn schedule(&self) -> Result<Arc<Schedule>, DbError> {
        if let Some(cached) = self.inner.cached.read().ok().as_deref().and_then(|c| {
            c.as_ref()
                .filter(|c| c.loaded.elapsed() < KEEP)
                .map(|c| c.schedule.clone())
        }) {
            return Ok(cached);
        }
        let generation = self.inner.generation.load(Ordering::Acquire);
        let mut conn = self.inner.pool.acquire().await?;
        let schedule = Arc::new(self.in_force(load_hours(&mut conn).await?.hours)?);
        drop(conn);
        if let Ok(mut cached) = self.inner.cached.write()
            && self.inner.generation.load(Ordering::Acquire) == generation
        {
            *cached = Some(Cached {
                schedule: schedule.clone(),
                loaded: Instant::now(),
            });
        }
        Ok(schedule)
    }

    /// The schedule of `stored` hours, or of the defaults when none are stored.
    pub(crate) fn in_force(&self, stored: Option<OpeningHours>) -> Result<Schedule, DbError> {
        let hours = stored.unwrap_or_else(|| self.inner.defaults.clone());
        let zone = hours.timezone.clone();
        Schedule::new(hours).map_err(|_| corrupt("shop_hours.hours", &zone))
    }

    /// Drops the cached schedule: the next placement reads the hours again.
    pub(crate) fn forget(&self) {
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut cached) = self.inner.cached.write() {
            *cached = None;
        }
    }
}

/// New hours apply to the next placement.
impl EventHandler<HoursEvent> for ShopClock {
    async fn handle(&self, _event: &HoursEvent) -> Result<(), EventError> {
        self.forget();
        Ok(())
    }
}
