//! [`SimulatedGateway`]: a card processor that moves no money, following the well-known
//! test-card convention. `4000 0000 0000 0002` is declined, `4000 0000 0000 9995` has
//! insufficient funds, `4000 0000 0000 0119` fails as if the processor were down, and
//! every other valid number (`4242 4242 4242 4242`, ...) is
//! approved. References are `sim_ch_...` for charges and `sim_re_...` for refunds.

use crate::payments::gateway::{ChargeRequest, GatewayError, PaymentGateway};
use crate::projections::BoxFuture;
use rust_decimal::Decimal;
use uuid::Uuid;

/// The number the simulator declines.
pub(crate) const DECLINED_CARD: &str = "4000000000000002";
/// The number the simulator refuses for insufficient funds.
pub(crate) const INSUFFICIENT_FUNDS_CARD: &str = "4000000000009995";
/// The number the simulator fails with a processing error.
pub(crate) const PROCESSING_ERROR_CARD: &str = "4000000000000119";

const CHARGE_PREFIX: &str = "sim_ch_";

/// The built-in gateway (`PAYMENT_GATEWAY=simulator`).
pub(crate) struct SimulatedGateway;

impl PaymentGateway for SimulatedGateway {
    fn charge<'a>(
        &'a self,
        request: ChargeRequest<'a>,
    ) -> BoxFuture<'a, Result<String, GatewayError>> {
        Box::pin(async move {
            let outcome = match request.card.digits().as_str() {
                DECLINED_CARD => Err(GatewayError::Declined),
                INSUFFICIENT_FUNDS_CARD => Err(GatewayError::InsufficientFunds),
                PROCESSING_ERROR_CARD => Err(GatewayError::Unavailable(
                    "simulated processing error".into(),
                )),
                _ => Ok(format!("{CHARGE_PREFIX}{}", Uuid::new_v4().simple())),
            };
            tracing::debug!(
                order_id = %request.order_id,
                amount = %request.amount,
                approved = outcome.is_ok(),
                "simulated a card charge"
            );
            outcome
        })
    }

    fn refund<'a>(
        &'a self,
        reference: &'a str,
        _amount: Decimal,
    ) -> BoxFuture<'a, Result<String, GatewayError>> {
        Box::pin(async move {
            match reference.strip_prefix(CHARGE_PREFIX) {
                Some(_) => Ok(format!("sim_re_{}", Uuid::new_v4().simple())),
                None => Err(GatewayError::UnknownCharge(reference.to_owned())),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::contracts::CardDetails;

    async fn charge(number: &str) -> Result<String, GatewayError> {
        let card = CardDetails {
            number: number.into(),
            exp_month: 12,
            exp_year: 2030,
            cvc: "123".into(),
        };
        let request = ChargeRequest {
            order_id: Uuid::nil(),
            amount: Decimal::TEN,
            card: &card,
        };
        SimulatedGateway.charge(request).await
    }

    #[tokio::test]
    async fn each_test_card_has_its_outcome() {
        let approved = charge("4242 4242 4242 4242").await.unwrap();
        assert!(approved.starts_with(CHARGE_PREFIX), "{approved}");
        assert_eq!(
            charge("4000 0000 0000 0002").await,
            Err(GatewayError::Declined)
        );
        assert_eq!(
            charge("4000-0000-0000-9995").await,
            Err(GatewayError::InsufficientFunds)
        );
        assert!(matches!(
            charge("4000000000000119").await,
            Err(GatewayError::Unavailable(_))
        ));
    }

    #[tokio::test]
    async fn only_its_own_charges_are_refunded() {
        let reference = charge("4242424242424242").await.unwrap();
        let refund = SimulatedGateway.refund(&reference, Decimal::TEN).await;
        assert!(refund.unwrap().starts_with("sim_re_"));
        let unknown = SimulatedGateway.refund("ch_other", Decimal::TEN).await;
        assert_eq!(unknown, Err(GatewayError::UnknownCharge("ch_other".into())));
    }
}
