//! The pricing write model: the one-row `shop_pricing` table and `promo_codes`, read and
//! written through a command's transaction (or, for a quote, any connection). Commands
//! append the matching event in the same transaction.
//!
//! `shop_pricing.version` is the version of the stream `pricing-shop`: an update matches
//! the version it read, so of two concurrent updates the second answers 409. A promo
//! code's `uses` only grows, by [`use_promo`], which never passes `max_uses` even when
//! orders race for the last use.

use crate::db::{DbError, Tx, count, decimal, timestamp, timestamp_text};
use app::contracts::{DiscountKind, PromoCode, ShopPricing};
use mediator::Problem;
use sqlx::AnyConnection;

/// The shop's pricing with the version of its stream.
pub(crate) struct StoredPricing {
    pub pricing: ShopPricing,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct PricingRow {
    delivery_fee: String,
    free_delivery_from: Option<String>,
    tax_rate: String,
    prices_include_tax: i64,
    version: i64,
}

/// The shop's pricing as stored (the migration writes the row).
pub(crate) async fn load_pricing(conn: &mut AnyConnection) -> Result<StoredPricing, DbError> {
    let row: PricingRow = sqlx::query_as(
        "SELECT delivery_fee, free_delivery_from, tax_rate, prices_include_tax, version \
         FROM shop_pricing WHERE id = 1",
    )
    .fetch_one(conn)
    .await?;
    let free_delivery_from = row
        .free_delivery_from
        .map(|from| decimal("shop_pricing.free_delivery_from", &from))
        .transpose()?;
    let pricing = ShopPricing {
        delivery_fee: decimal("shop_pricing.delivery_fee", &row.delivery_fee)?,
        free_delivery_from,
        tax_rate: decimal("shop_pricing.tax_rate", &row.tax_rate)?,
        prices_include_tax: row.prices_include_tax != 0,
    };
    Ok(StoredPricing {
        pricing,
        version: row.version,
    })
}

/// Stores `pricing` if the row is still at `version`; 409 when another update came first.
pub(crate) async fn save_pricing(
    tx: &mut Tx,
    pricing: &ShopPricing,
    version: i64,
) -> Result<(), Problem> {
    let updated = sqlx::query(
        "UPDATE shop_pricing SET delivery_fee = $1, free_delivery_from = $2, tax_rate = $3, \
         prices_include_tax = $4, version = $5 WHERE id = 1 AND version = $6",
    )
    .bind(pricing.delivery_fee.to_string())
    .bind(pricing.free_delivery_from.map(|from| from.to_string()))
    .bind(pricing.tax_rate.to_string())
    .bind(i64::from(pricing.prices_include_tax))
    .bind(version + 1)
    .bind(version)
    .execute(&mut **tx)
    .await
    .map_err(DbError::from)?;
    if updated.rows_affected() == 1 {
        Ok(())
    } else {
        Err(Problem::conflict(
            "The pricing was changed by someone else at the same time; reload it and try again.",
        ))
    }
}

#[derive(sqlx::FromRow)]
struct PromoRow {
    code: String,
    kind: String,
    value: String,
    valid_from: Option<String>,
    valid_until: Option<String>,
    max_uses: Option<i64>,
    min_subtotal: Option<String>,
    uses: i64,
}

const PROMO_COLUMNS: &str =
    "code, kind, value, valid_from, valid_until, max_uses, min_subtotal, uses";

/// The promo code `code` (in capitals), or `None`.
pub(crate) async fn find_promo(
    conn: &mut AnyConnection,
    code: &str,
) -> Result<Option<PromoCode>, DbError> {
    let sql = format!("SELECT {PROMO_COLUMNS} FROM promo_codes WHERE code = $1");
    let row: Option<PromoRow> = sqlx::query_as(&sql).bind(code).fetch_optional(conn).await?;
    row.map(PromoCode::try_from).transpose()
}

/// Every promo code, by code.
pub(crate) async fn list_promos(conn: &mut AnyConnection) -> Result<Vec<PromoCode>, DbError> {
    let sql = format!("SELECT {PROMO_COLUMNS} FROM promo_codes ORDER BY code");
    let rows: Vec<PromoRow> = sqlx::query_as(&sql).fetch_all(conn).await?;
    rows.into_iter().map(PromoCode::try_from).collect()
}

/// Writes a new code with no uses; `false` when the code exists already.
pub(crate) async fn insert_promo(tx: &mut Tx, promo: &PromoCode) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO promo_codes (code, kind, value, valid_from, valid_until, max_uses, \
         min_subtotal, uses) VALUES ($1, $2, $3, $4, $5, $6, $7, 0) ON CONFLICT (code) DO NOTHING",
    )
    .bind(&promo.code)
    .bind(promo.kind.as_str())
    .bind(promo.value.to_string())
    .bind(promo.valid_from.map(timestamp_text))
    .bind(promo.valid_until.map(timestamp_text))
    .bind(promo.max_uses.map(i64::from))
    .bind(promo.min_subtotal.map(|least| least.to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Deletes the code; `false` when there was none.
pub(crate) async fn delete_promo(tx: &mut Tx, code: &str) -> Result<bool, DbError> {
    let deleted = sqlx::query("DELETE FROM promo_codes WHERE code = $1")
        .bind(code)
        .execute(&mut **tx)
        .await?;
    Ok(deleted.rows_affected() == 1)
}

/// Counts one more use of `code`; `false` when its last use is gone (another order may
/// have taken it since the code was read).
pub(crate) async fn use_promo(tx: &mut Tx, code: &str) -> Result<bool, DbError> {
    let used = sqlx::query(
        "UPDATE promo_codes SET uses = uses + 1 \
         WHERE code = $1 AND (max_uses IS NULL OR uses < max_uses)",
    )
    .bind(code)
    .execute(&mut **tx)
    .await?;
    Ok(used.rows_affected() == 1)
}

impl TryFrom<PromoRow> for PromoCode {
    type Error = DbError;

    fn try_from(row: PromoRow) -> Result<Self, DbError> {
        let time =
            |column, value: Option<String>| value.map(|text| timestamp(column, &text)).transpose();
        Ok(PromoCode {
            kind: DiscountKind::parse(&row.kind)
                .ok_or_else(|| crate::db::corrupt("promo_codes.kind", &row.kind))?,
            value: decimal("promo_codes.value", &row.value)?,
            valid_from: time("promo_codes.valid_from", row.valid_from)?,
            valid_until: time("promo_codes.valid_until", row.valid_until)?,
            max_uses: row
                .max_uses
                .map(|most| count("promo_codes.max_uses", most))
                .transpose()?,
            min_subtotal: row
                .min_subtotal
                .map(|least| decimal("promo_codes.min_subtotal", &least))
                .transpose()?,
            uses: count("promo_codes.uses", row.uses)?,
            code: row.code,
        })
    }
}
