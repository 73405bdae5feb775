//! The inventory slice's read model.

mod sold_out_view;

pub(crate) use sold_out_view::SoldOutView;
