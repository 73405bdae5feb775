//! Analytics queries, one handler per file; each reads only read models.

mod get_driver_performance;
mod get_kitchen_performance;
mod get_order_counts_by_status;
mod get_overview;
mod get_popular_pizzas;
mod get_revenue;

pub(crate) use get_driver_performance::GetDriverPerformanceHandler;
pub(crate) use get_kitchen_performance::GetKitchenPerformanceHandler;
pub(crate) use get_order_counts_by_status::GetOrderCountsByStatusHandler;
pub(crate) use get_overview::GetOverviewHandler;
pub(crate) use get_popular_pizzas::GetPopularPizzasHandler;
pub(crate) use get_revenue::GetRevenueHandler;
