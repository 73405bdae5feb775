//! Reading a [`Profile`]: the account's details where they are kept, the figures from the
//! customer history view under the account's key.

use crate::db::{DbError, Tx};
use crate::orders::account_key;
use crate::orders::queries::{find_top_pizzas, find_totals};
use app::contracts::{AccountRole, Caller, Profile};
use rust_decimal::Decimal;

/// The profile of `caller`; `None` when nobody is signed in (or the account is gone).
pub(crate) async fn read_profile(tx: &mut Tx, caller: &Caller) -> Result<Option<Profile>, DbError> {
    let customer = match caller {
        Caller::Anonymous => return Ok(None),
        Caller::Staff(user) => {
            return Ok(Some(Profile {
                username: user.username.clone(),
                role: user.role.into(),
                name: user.username.clone(),
                email: None,
                phone: None,
                address: None,
                total_orders: 0,
                total_spent: Decimal::new(0, 2),
                favourite_pizza: None,
            }));
        }
        Caller::Customer(customer) => customer,
    };
    let account: Option<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT name, email, phone, address FROM customer_accounts WHERE username = $1",
    )
    .bind(&customer.username)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((name, email, phone, address)) = account else {
        return Ok(None);
    };
    // The figures are the account's history, as "my orders" shows them.
    let key = account_key(&customer.username);
    let (total_orders, total_spent) = match find_totals(tx, &key).await? {
        Some((_, orders, spent)) => (orders, spent),
        None => (0, Decimal::new(0, 2)),
    };
    let favourite = find_top_pizzas(tx, &key).await?.into_iter().next();
    Ok(Some(Profile {
        username: customer.username.clone(),
        role: AccountRole::Customer,
        name,
        email: Some(email),
        phone: Some(phone),
        address,
        total_orders,
        total_spent,
        favourite_pizza: favourite.map(|tally| tally.pizza_name),
    }))
}
