//! Analytics contracts: `GetPopularPizzas` (pizzas sold over the last days),
//! `GetRevenue` (revenue and order count per hour or day) and `GetOrderCountsByStatus`
//! (where the orders of the last days are now). Cancelled orders count in neither of the
//! first two: the read models subtract them again when they are cancelled.

use crate::contracts::OrderStatus;
use crate::contracts::rules::verdict;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

/// Most days `GetPopularPizzas` and `GetOrderCountsByStatus` look back.
pub const MAX_POPULAR_DAYS: u32 = 365;
/// Most pizzas `GetPopularPizzas` lists.
pub const MAX_POPULAR_LIMIT: u32 = 50;

/// The most ordered pizzas over the last `days` days of the shop's clock, today included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetPopularPizzas {
    /// 1 to [`MAX_POPULAR_DAYS`], 7 by default.
    #[serde(default = "default_days")]
    pub days: u32,
    /// 1 to [`MAX_POPULAR_LIMIT`], 10 by default.
    #[serde(default = "default_limit")]
    pub limit: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

fn default_days() -> u32 {
    7
}

fn default_limit() -> u32 {
    10
}

impl Default for GetPopularPizzas {
    fn default() -> Self {
        Self {
            days: default_days(),
            limit: default_limit(),
            min_position: None,
        }
    }
}

impl Request for GetPopularPizzas {
    type Response = Vec<PopularPizza>;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        check_days(&mut errors, self.days);
        if !(1..=MAX_POPULAR_LIMIT).contains(&self.limit) {
            let message = format!("List 1 to {MAX_POPULAR_LIMIT} pizzas.");
            errors.push(FieldError::new("limit", message));
        }
        verdict(errors)
    }
}

/// Adds an error for a look-back outside 1..=[`MAX_POPULAR_DAYS`] days.
fn check_days(errors: &mut Vec<FieldError>, days: u32) {
    if !(1..=MAX_POPULAR_DAYS).contains(&days) {
        let message = format!("Look back 1 to {MAX_POPULAR_DAYS} days.");
        errors.push(FieldError::new("days", message));
    }
}

/// One pizza's sales over the period, most sold first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PopularPizza {
    pub pizza_id: String,
    pub pizza_name: String,
    /// Pizzas sold, counting quantities.
    pub quantity: u64,
    /// Orders that had at least one.
    pub orders: u64,
}

/// The width of a revenue bucket: an hour or a day of the shop's clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum TimeBucket {
    Hour,
    #[default]
    Day,
}

impl TimeBucket {
    /// Lower-case name as used in JSON, URLs and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeBucket::Hour => "hour",
            TimeBucket::Day => "day",
        }
    }

    /// The longest `to - from` a query may span: 31 days of hours (744 buckets) or
    /// 366 days, so no query asks for millions of buckets.
    pub fn max_span(self) -> TimeDelta {
        match self {
            TimeBucket::Hour => TimeDelta::days(31),
            TimeBucket::Day => TimeDelta::days(366),
        }
    }
}

/// Revenue per bucket from the one holding `from` to the one holding `to`, both
/// included, oldest first; buckets without orders are listed with zeros.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetRevenue {
    /// An RFC 3339 time (`2026-01-31T18:00:00Z`), or a date (`2026-01-31`): for a daily
    /// report that day of the shop's clock, else its midnight UTC.
    #[serde(deserialize_with = "date_or_time")]
    #[cfg_attr(feature = "ssr", param(value_type = String))]
    pub from: DateTime<Utc>,
    /// As `from`; not before it.
    #[serde(deserialize_with = "date_or_time")]
    #[cfg_attr(feature = "ssr", param(value_type = String))]
    pub to: DateTime<Utc>,
    /// `hour` or `day` (the default).
    #[serde(default)]
    pub bucket: TimeBucket,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetRevenue {
    type Response = Vec<RevenueBucket>;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let span = self.to - self.from;
        let message = if span < TimeDelta::zero() {
            "Must not be before `from`.".to_owned()
        } else if span > self.bucket.max_span() {
            let days = self.bucket.max_span().num_days();
            format!(
                "A report by {} spans at most {days} days.",
                self.bucket.as_str()
            )
        } else {
            return Ok(());
        };
        Err(vec![FieldError::new("to", message)])
    }
}

/// Revenue of the orders placed in one bucket, cancelled ones left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RevenueBucket {
    /// Start of the hour or of the day (the shop's midnight) of the shop's clock.
    pub start: DateTime<Utc>,
    pub revenue: Decimal,
    pub order_count: u64,
}

/// How many of the orders placed over the last `days` days of the shop's clock, today
/// included, are in each status now. Every status is listed, in lifecycle order, zeros included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetOrderCountsByStatus {
    /// 1 to [`MAX_POPULAR_DAYS`], 7 by default.
    #[serde(default = "default_days")]
    pub days: u32,
    /// Wait (at most 2 s) until the read models include this event position.
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Default for GetOrderCountsByStatus {
    fn default() -> Self {
        Self {
            days: default_days(),
            min_position: None,
        }
    }
}

impl Request for GetOrderCountsByStatus {
    type Response = Vec<StatusCount>;
    const KIND: RequestKind = RequestKind::Query;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        check_days(&mut errors, self.days);
        verdict(errors)
    }
}

/// The number of orders in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: OrderStatus,
    pub count: u64,
}

/// Reads an RFC 3339 time or a date, which means its midnight UTC.
pub fn parse_date_or_time(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
            Some(date.and_time(NaiveTime::MIN).and_utc())
        })
}

fn date_or_time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_date_or_time(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "expected a time such as 2026-01-31T18:00:00Z or a date such as 2026-01-31, \
             not {text:?}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn revenue(from: &str, to: &str, bucket: &str) -> GetRevenue {
        let json = format!(r#"{{"from":"{from}","to":"{to}","bucket":"{bucket}"}}"#);
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn popular_pizzas_default_to_ten_over_a_week_and_refuse_odd_ranges() {
        let query: GetPopularPizzas = serde_json::from_str("{}").unwrap();
        assert_eq!((query.days, query.limit, query.validate()), (7, 10, Ok(())));
        let query = GetPopularPizzas {
            days: 366,
            limit: 0,
            min_position: None,
        };
        let fields = failing_fields(query.validate());
        assert_eq!(fields, ["days", "limit"]);
    }

    #[test]
    fn status_counts_default_to_a_week_and_refuse_odd_ranges() {
        let query: GetOrderCountsByStatus = serde_json::from_str("{}").unwrap();
        assert_eq!(query, GetOrderCountsByStatus::default());
        assert_eq!((query.days, query.validate()), (7, Ok(())));
        for days in [0, MAX_POPULAR_DAYS + 1] {
            let query = GetOrderCountsByStatus {
                days,
                min_position: None,
            };
            assert_eq!(query.validate().unwrap_err()[0].field, "days");
        }
    }

    #[test]
    fn dates_mean_midnight_utc_and_times_keep_their_offset() {
        let query = revenue("2026-01-31", "2026-01-31T19:30:00+01:00", "hour");
        assert_eq!(query.from.to_rfc3339(), "2026-01-31T00:00:00+00:00");
        assert_eq!(query.to.to_rfc3339(), "2026-01-31T18:30:00+00:00");
        assert_eq!(query.validate(), Ok(()));
        let error = serde_json::from_str::<GetRevenue>(r#"{"from":"yesterday","to":"2026-01-01"}"#);
        assert!(error.unwrap_err().to_string().contains("yesterday"));
    }

    #[test]
    fn a_report_runs_forwards_and_spans_a_bounded_number_of_buckets() {
        assert_eq!(
            revenue("2026-01-01", "2026-02-01", "hour").validate(),
            Ok(())
        );
        assert_eq!(
            revenue("2026-01-01", "2027-01-01", "day").validate(),
            Ok(())
        );
        for query in [
            revenue("2026-01-02", "2026-01-01", "day"),
            revenue("2026-01-01", "2026-02-02", "hour"),
            revenue("2026-01-01", "2027-01-03", "day"),
        ] {
            let errors = query.validate().unwrap_err();
            assert_eq!(errors[0].field, "to", "{query:?}");
        }
    }
}
