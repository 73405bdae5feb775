//! Order commands, one handler per file.

mod place_order;

pub(crate) use place_order::PlaceOrderHandler;
