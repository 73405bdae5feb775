//! The manager's overview: `GetOverview` and the [`Overview`] it answers, today so far
//! on the shop's clock next to yesterday up to the same time of day. Cancelled orders
//! count in no figure but their own.

use chrono::{DateTime, Utc};
use mediator::{Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Today so far, and yesterday up to the same time of day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetOverview {
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetOverview {
    type Response = Overview;
    const KIND: RequestKind = RequestKind::Query;
}

/// The day so far and the one before, to the quarter of an hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Overview {
    /// The start of today on the shop's clock (its midnight).
    pub since: DateTime<Utc>,
    /// When the figures were read.
    pub until: DateTime<Utc>,
    pub today: DayFigures,
    /// Yesterday from its midnight to the same time of day as `until`.
    pub yesterday: DayFigures,
}

/// One day's figures up to a time of day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DayFigures {
    /// Orders placed, cancelled ones left out.
    pub orders: u32,
    /// What they came to.
    pub revenue: Decimal,
    /// Revenue per order, to the cent; `None` without orders.
    pub average_ticket: Option<Decimal>,
    /// Orders cancelled in the period.
    pub cancelled: u32,
    /// From placed to out of the oven, averaged over the orders ready in the period,
    /// in seconds; `None` when none was.
    pub average_preparation_secs: Option<u32>,
    /// From out the door to delivered, averaged over the orders delivered in the
    /// period, in seconds; `None` when none was.
    pub average_delivery_secs: Option<u32>,
}

impl DayFigures {
    /// The figures of `orders` orders worth `revenue`, `cancelled` cancellations,
    /// `prepared` orders that took `prep_seconds` in all, and `delivered` that took
    /// `delivery_seconds` on the road.
    pub fn from_sums(
        (orders, revenue, cancelled): (u32, Decimal, u32),
        (prepared, prep_seconds): (u32, i64),
        (delivered, delivery_seconds): (u32, i64),
    ) -> Self {
        let average = |count: u32, seconds: i64| {
            (count > 0)
                .then(|| u32::try_from(seconds.max(0) / i64::from(count)).unwrap_or(u32::MAX))
        };
        DayFigures {
            orders,
            revenue,
            average_ticket: (orders > 0).then(|| (revenue / Decimal::from(orders)).round_dp(2)),
            cancelled,
            average_preparation_secs: average(prepared, prep_seconds),
            average_delivery_secs: average(delivered, delivery_seconds),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_are_per_order_and_absent_without_orders() {
        let figures = DayFigures::from_sums((3, Decimal::new(5000, 2), 1), (2, 1500), (0, 0));
        assert_eq!(figures.average_ticket, Some(Decimal::new(1667, 2)));
        assert_eq!(figures.average_preparation_secs, Some(750));
        assert_eq!(figures.average_delivery_secs, None);
        let empty = DayFigures::from_sums((0, Decimal::ZERO, 0), (0, 0), (0, 0));
        assert_eq!(empty, DayFigures::default());
        let json = serde_json::to_value(&figures).unwrap();
        assert_eq!(json["average_ticket"], "16.67");
        assert_eq!(json["revenue"], "50.00");
    }
}
