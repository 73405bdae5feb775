//! The analytics read models, one projection per file.

mod driver_performance_view;
mod kitchen_performance_view;
mod popular_pizzas_view;
mod revenue_view;
mod service_times_view;

pub(crate) use driver_performance_view::DriverPerformanceView;
pub(crate) use kitchen_performance_view::KitchenPerformanceView;
pub(crate) use popular_pizzas_view::PopularPizzasView;
pub(crate) use revenue_view::RevenueView;
pub(crate) use service_times_view::ServiceTimesView;
