//! Driver performance: `GetDriverPerformance` and the [`DriverPerformance`] it answers,
//! the deliveries of the last days of the shop's clock and how long each driver was on
//! the road (from out the door to delivered).

use crate::contracts::kitchen_performance::{check_look_back, default_days, nearest_rank_p90};
use mediator::{FieldError, Request, RequestKind};
use serde::{Deserialize, Serialize};

/// The deliveries of the last `days` days of the shop's clock, today included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetDriverPerformance {
    /// 1 to [`MAX_PERFORMANCE_DAYS`](crate::contracts::MAX_PERFORMANCE_DAYS), 7 by default.
    #[serde(default = "default_days")]
    pub days: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetDriverPerformance {
    type Response = DriverPerformance;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        check_look_back(self.days)
    }
}

/// The deliveries of a period, by when they were delivered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DriverPerformance {
    pub days: u32,
    /// Every driver together.
    pub all: RoadFigures,
    /// Each driver, most deliveries first.
    pub drivers: Vec<DriverFigures>,
}

/// One driver's deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DriverFigures {
    /// The driver's username, as the order went out with.
    pub driver: String,
    pub figures: RoadFigures,
}

/// How a set of deliveries went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoadFigures {
    pub deliveries: u32,
    /// From out the door to delivered, on average, in seconds.
    pub average_road_secs: Option<u32>,
    /// The time nine deliveries in ten took at most, in seconds.
    pub p90_road_secs: Option<u32>,
}

impl RoadFigures {
    /// The figures of deliveries that took `road` seconds each.
    pub fn of(road: &[u32]) -> Self {
        if road.is_empty() {
            return Self::default();
        }
        let mut sorted = road.to_vec();
        sorted.sort_unstable();
        let sum: u64 = sorted.iter().map(|secs| u64::from(*secs)).sum();
        let count = sorted.len();
        Self {
            deliveries: u32::try_from(count).unwrap_or(u32::MAX),
            average_road_secs: u32::try_from(sum / count as u64).ok(),
            p90_road_secs: nearest_rank_p90(&sorted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    #[test]
    fn road_figures_are_an_average_and_a_nearest_rank_p90() {
        let figures = RoadFigures::of(&[600, 300, 900]);
        assert_eq!(figures.deliveries, 3);
        assert_eq!(figures.average_road_secs, Some(600));
        assert_eq!(figures.p90_road_secs, Some(900));
        assert_eq!(RoadFigures::of(&[]), RoadFigures::default());
    }

    #[test]
    fn a_look_back_is_one_to_thirty_one_days() {
        let query = |days| {
            GetDriverPerformance {
                days,
                min_position: None,
            }
            .validate()
        };
        assert_eq!(query(31), Ok(()));
        assert_eq!(failing_fields(query(0)), ["days"]);
        assert_eq!(failing_fields(query(32)), ["days"]);
    }
}
