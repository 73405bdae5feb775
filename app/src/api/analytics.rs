//! Server functions of the management page's analytics (manager): what sells, what it
//! earns, and where the recent orders are.

#[cfg(feature = "ssr")]
use super::dispatch;
use crate::contracts::{
    GetOrderCountsByStatus, GetPopularPizzas, KitchenPerformance, Overview, PopularPizza,
    RevenueBucket, StatusCount, TimeBucket,
};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// The most sold pizzas over the last days (manager).
#[server(name = GetPopularPizzasCall, prefix = "/api/fn", endpoint = "get_popular_pizzas", input = Json)]
pub async fn get_popular_pizzas(query: GetPopularPizzas) -> Result<Vec<PopularPizza>, AppError> {
    dispatch(query).await
}

/// Revenue per hour over the last 24 hours, or per day over the last 30 days, up to now
/// (manager). The period ends at the server's clock rather than the browser's: the
/// buckets are hours and days of the shop's clock, and a browser's clock may be wrong.
#[server(name = GetRecentRevenueCall, prefix = "/api/fn", endpoint = "get_recent_revenue", input = Json)]
pub async fn get_recent_revenue(bucket: TimeBucket) -> Result<Vec<RevenueBucket>, AppError> {
    let to: chrono::DateTime<chrono::Utc> = std::time::SystemTime::now().into();
    let buckets = match bucket {
        TimeBucket::Hour => chrono::TimeDelta::hours(23),
        TimeBucket::Day => chrono::TimeDelta::days(29),
    };
    dispatch(crate::contracts::GetRevenue {
        from: to - buckets,
        to,
        bucket,
        min_position: None,
    })
    .await
}

/// How many of the recent orders are in each status (manager).
#[server(name = GetOrderCountsByStatusCall, prefix = "/api/fn", endpoint = "get_order_counts_by_status", input = Json)]
pub async fn get_order_counts_by_status(
    query: GetOrderCountsByStatus,
) -> Result<Vec<StatusCount>, AppError> {
    dispatch(query).await
}

/// Today so far next to yesterday up to the same time of day (manager).
#[server(name = GetOverviewCall, prefix = "/api/fn", endpoint = "get_overview", input = Json)]
pub async fn get_overview(min_position: Option<i64>) -> Result<Overview, AppError> {
    dispatch(crate::contracts::GetOverview { min_position }).await
}

/// How the kitchen cooked over the last `days` days (manager).
#[server(name = GetKitchenPerformanceCall, prefix = "/api/fn", endpoint = "get_kitchen_performance", input = Json)]
pub async fn get_kitchen_performance(days: u32) -> Result<KitchenPerformance, AppError> {
    dispatch(crate::contracts::GetKitchenPerformance {
        days,
        min_position: None,
    })
    .await
}
