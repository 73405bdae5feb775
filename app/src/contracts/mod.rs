//! The requests the client and the REST API send, and the DTOs they get back.
//! Defined once here, compiled for both the browser (wasm) and the server.

mod menu;
mod orders;
mod pricing;
mod validation;

pub use menu::{GetMenu, MenuItem, PizzaSize};
pub use orders::{
    GetOrder, GetOrderStatus, OrderDetails, OrderLine, OrderLineRequest, OrderStatus,
    OrderStatusInfo, PaymentMethod, PlaceOrder, PlacedOrder,
};
pub use pricing::{TOPPING_PRICE, line_price, unit_price};
pub use validation::{MAX_QUANTITY, MAX_TEXT_LEN};
