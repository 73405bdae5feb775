//! `CreateCustomerAccount`: writes a customer account whose password is already hashed.
//! Sent only by the sign-up (`StaffAuth::register`) after `RegisterCustomer` passed its
//! rules; never reachable from a route by itself. A username taken by any account, staff
//! or customer, or an email taken by a customer answers 409 naming the field.

use crate::db::{Tx, timestamp_text, transaction};
use crate::events::now;
use crate::staff::ANY_ACCOUNT_NAMED;
use app::contracts::{AccountRole, SignedIn};
use mediator::{Context, Done, FieldError, Outcome, Problem, Request, RequestHandler, RequestKind};

/// A checked sign-up, with the password's argon2id PHC string in place of the password.
#[derive(Debug, Clone)]
pub(crate) struct CreateCustomerAccount {
    pub username: String,
    pub password_hash: String,
    pub name: String,
    /// Already normalized (`normalized_email`).
    pub email: String,
    pub phone: String,
    pub address: Option<String>,
}

impl Request for CreateCustomerAccount {
    type Response = SignedIn;
    const KIND: RequestKind = RequestKind::Command;
}

/// Handles [`CreateCustomerAccount`]; answers 201 with the account, signed in as it.
pub(crate) struct CreateCustomerAccountHandler;

impl RequestHandler<CreateCustomerAccount> for CreateCustomerAccountHandler {
    #[tracing::instrument(name = "CreateCustomerAccount", skip_all)]
    async fn handle(&self, command: CreateCustomerAccount, ctx: &mut Context) -> Outcome<SignedIn> {
        let tx = transaction(ctx)?;
        // Every write goes through the one writer, so nothing can take the name or the
        // email between these checks and the insert.
        if taken(tx, ANY_ACCOUNT_NAMED, &command.username).await? {
            return Err(conflict(
                "username",
                "This username is taken; choose another.",
            ));
        }
        if taken(
            tx,
            "SELECT username FROM customer_accounts WHERE email = $1",
            &command.email,
        )
        .await?
        {
            return Err(conflict(
                "email",
                "An account with this email exists; sign in instead.",
            ));
        }
        let name = command.name.trim().to_owned();
        let address = command
            .address
            .map(|address| address.trim().to_owned())
            .filter(|address| !address.is_empty());
        sqlx::query(
            "INSERT INTO customer_accounts \
             (username, password_hash, name, email, phone, address, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&command.username)
        .bind(&command.password_hash)
        .bind(&name)
        .bind(&command.email)
        .bind(command.phone.trim())
        .bind(address)
        .bind(timestamp_text(now()))
        .execute(&mut **tx)
        .await
        .map_err(crate::db::DbError::from)?;
        tracing::info!(username = %command.username, "a customer signed up");
        Ok(Done::created(SignedIn {
            username: command.username,
            role: AccountRole::Customer,
            name: Some(name),
        }))
    }
}

async fn taken(tx: &mut Tx, sql: &str, value: &str) -> Result<bool, Problem> {
    let found: Option<(String,)> = sqlx::query_as(sql)
        .bind(value)
        .fetch_optional(&mut **tx)
        .await
        .map_err(crate::db::DbError::from)?;
    Ok(found.is_some())
}

fn conflict(field: &str, message: &str) -> Problem {
    Problem::conflict(message).with_errors(vec![FieldError::new(field, message)])
}
