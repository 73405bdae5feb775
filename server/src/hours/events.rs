//! Domain events of the hours slice: [`HoursEvent`], on one stream (`hours-shop`).

use crate::events::DomainEvent;
use app::contracts::OpeningHours;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The stream of the shop's opening hours.
pub(crate) const SHOP_HOURS_STREAM: &str = "hours-shop";

/// A manager set the opening hours; `hours` is the whole new state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ShopHoursChanged {
    pub hours: OpeningHours,
    pub at: DateTime<Utc>,
}

/// Everything that can happen to the opening hours; stored with the variant's name as
/// `event_type` (see [`DomainEvent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "payload")]
pub(crate) enum HoursEvent {
    ShopHoursChanged(ShopHoursChanged),
}

impl mediator::Event for HoursEvent {}

impl DomainEvent for HoursEvent {
    const STREAM_PREFIX: &'static str = "hours-";

    fn stream_id(&self) -> String {
        SHOP_HOURS_STREAM.to_owned()
    }

    fn occurred_at(&self) -> DateTime<Utc> {
        match self {
            Self::ShopHoursChanged(e) => e.at,
        }
    }
}
