//! Kitchen performance: `GetKitchenPerformance` and the [`KitchenPerformance`] it
//! answers, how the kitchen cooked over the last days of the shop's clock: how long
//! orders took from the start of cooking to ready against what was estimated (the chef's
//! minutes, or the recipes'), how many were on time, the busiest hour, and each chef's.

use crate::contracts::rules::verdict;
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// Most days `GetKitchenPerformance` looks back.
pub const MAX_PERFORMANCE_DAYS: u32 = 31;

/// How the kitchen cooked over the last `days` days of the shop's clock, today included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetKitchenPerformance {
    /// 1 to [`MAX_PERFORMANCE_DAYS`], 7 by default.
    #[serde(default = "default_days")]
    pub days: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

pub(crate) fn default_days() -> u32 {
    7
}

impl Default for GetKitchenPerformance {
    fn default() -> Self {
        Self {
            days: default_days(),
            min_position: None,
        }
    }
}

impl Request for GetKitchenPerformance {
    type Response = KitchenPerformance;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        check_look_back(self.days)
    }
}

/// A performance query's `days`: 1 to [`MAX_PERFORMANCE_DAYS`].
pub(crate) fn check_look_back(days: u32) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if !(1..=MAX_PERFORMANCE_DAYS).contains(&days) {
        errors.push(FieldError::new(
            "days",
            format!("Look back 1 to {MAX_PERFORMANCE_DAYS} days."),
        ));
    }
    verdict(errors)
}

/// The nearest-rank 90th percentile of `sorted` (ascending); `None` when it is empty.
pub(crate) fn nearest_rank_p90(sorted: &[u32]) -> Option<u32> {
    let rank = (sorted.len() * 9).div_ceil(10).max(1);
    sorted.get(rank - 1).copied()
}

/// The orders cooked in a period, by when they came out of the oven.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitchenPerformance {
    pub days: u32,
    /// The whole kitchen.
    pub kitchen: CookingFigures,
    /// The hour of the shop's clock (0 to 23) in which most orders came out of the oven,
    /// and how many; `None` without orders.
    pub busiest_hour: Option<HourCount>,
    /// Each chef who started orders, most orders first.
    pub chefs: Vec<ChefFigures>,
}

/// How a set of cooked orders went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CookingFigures {
    /// Orders that came out of the oven.
    pub orders: u32,
    /// From the start of cooking to ready, on average, in seconds.
    pub average_cooking_secs: Option<u32>,
    /// The time nine orders in ten were ready within, in seconds.
    pub p90_cooking_secs: Option<u32>,
    /// What was estimated, on average, in seconds.
    pub average_estimate_secs: Option<u32>,
    /// Orders ready within their estimate, in percent of `orders`.
    pub on_time_percent: Option<u32>,
}

/// Orders in one hour of the shop's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HourCount {
    /// 0 to 23.
    pub hour: u32,
    pub orders: u32,
}

/// One chef's cooked orders: those they started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChefFigures {
    /// The chef's username; orders started before the kitchen named who did are
    /// counted under no chef and left out here.
    pub chef: String,
    pub figures: CookingFigures,
}

impl CookingFigures {
    /// The figures of orders that took `cooking` seconds each against `estimate` seconds.
    pub fn of(orders: &[(u32, u32)]) -> Self {
        if orders.is_empty() {
            return Self::default();
        }
        let count = u32::try_from(orders.len()).unwrap_or(u32::MAX);
        let mut cooking: Vec<u32> = orders.iter().map(|(cooking, _)| *cooking).collect();
        cooking.sort_unstable();
        let average = |sum: u64| u32::try_from(sum / u64::from(count)).unwrap_or(u32::MAX);
        let cooking_sum: u64 = cooking.iter().map(|secs| u64::from(*secs)).sum();
        let estimate_sum: u64 = orders
            .iter()
            .map(|(_, estimate)| u64::from(*estimate))
            .sum();
        let on_time = orders
            .iter()
            .filter(|(cooking, estimate)| cooking <= estimate)
            .count();
        Self {
            orders: count,
            average_cooking_secs: Some(average(cooking_sum)),
            p90_cooking_secs: nearest_rank_p90(&cooking),
            average_estimate_secs: Some(average(estimate_sum)),
            on_time_percent: u32::try_from(on_time * 100 / orders.len()).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    #[test]
    fn figures_are_averages_a_nearest_rank_p90_and_the_share_on_time() {
        // Ten orders of 10 to 19 minutes, each estimated at 15.
        let orders: Vec<(u32, u32)> = (10..20).map(|minutes| (minutes * 60, 15 * 60)).collect();
        let figures = CookingFigures::of(&orders);
        assert_eq!(figures.orders, 10);
        assert_eq!(figures.average_cooking_secs, Some(870));
        assert_eq!(figures.p90_cooking_secs, Some(18 * 60));
        assert_eq!(figures.average_estimate_secs, Some(900));
        assert_eq!(figures.on_time_percent, Some(60));
        assert_eq!(CookingFigures::of(&[]), CookingFigures::default());
        let one = CookingFigures::of(&[(300, 240)]);
        assert_eq!(
            (one.p90_cooking_secs, one.on_time_percent),
            (Some(300), Some(0))
        );
    }

    #[test]
    fn a_look_back_is_one_to_thirty_one_days() {
        let query = |days| {
            GetKitchenPerformance {
                days,
                min_position: None,
            }
            .validate()
        };
        assert_eq!(query(7), Ok(()));
        assert_eq!(failing_fields(query(0)), ["days"]);
        assert_eq!(failing_fields(query(32)), ["days"]);
    }
}
