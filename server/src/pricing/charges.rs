//! [`bill`]: the total breakdown of an order from the stored pricing and the promo code
//! typed, shared by `PlaceOrder` (in its transaction) and `GetPriceQuote` (on any
//! connection), so the checkout's quote and the amount charged follow one rule.

use crate::pricing::domain::{PROMO_FIELD, breakdown, check_promo};
use crate::pricing::store::{find_promo, load_pricing};
use app::contracts::{TotalBreakdown, promo_code};
use chrono::{DateTime, Utc};
use mediator::Problem;
use sqlx::AnyConnection;

/// The bill of an order whose pizzas cost `subtotal`, placed at `now` with `typed_code`;
/// 422 naming `promo_code` when the code is unknown or does not apply.
pub(crate) async fn bill(
    conn: &mut AnyConnection,
    subtotal: rust_decimal::Decimal,
    typed_code: Option<&str>,
    now: DateTime<Utc>,
) -> Result<TotalBreakdown, Problem> {
    let pricing = load_pricing(conn).await?.pricing;
    let Some(typed) = typed_code else {
        return Ok(breakdown(subtotal, &pricing, None));
    };
    let code = promo_code(PROMO_FIELD, typed).map_err(|error| Problem::validation(vec![error]))?;
    let promo = find_promo(conn, &code).await?.ok_or_else(|| {
        let message = format!("There is no promo code {code}.");
        Problem::validation(vec![mediator::FieldError::new(PROMO_FIELD, message)])
    })?;
    check_promo(&promo, subtotal, now).map_err(|error| Problem::validation(vec![error]))?;
    Ok(breakdown(subtotal, &pricing, Some(&promo)))
}
