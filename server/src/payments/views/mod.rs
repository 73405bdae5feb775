//! The payments slice's read model, and how the order queries read it.

mod order_payment_view;

pub(crate) use order_payment_view::{OrderPaymentView, PaymentStep, find_payment, find_steps};
