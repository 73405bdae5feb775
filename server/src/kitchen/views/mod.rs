//! The kitchen slice's read models, one projection per file.

mod kitchen_workload_view;

pub(crate) use kitchen_workload_view::KitchenWorkloadView;
