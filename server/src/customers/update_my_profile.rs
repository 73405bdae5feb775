//! `UpdateMyProfile`: changes the signed-in customer's name, email, phone or address; a
//! field left out keeps its value. An email another customer has answers 409.

use crate::customers::profile::read_profile;
use crate::db::{DbError, transaction};
use app::contracts::{Caller, Profile, UpdateMyProfile};
use mediator::{Context, Done, FieldError, Outcome, Problem, RequestHandler};

/// Handles [`UpdateMyProfile`]; answers 200 with the profile as it now is.
pub(crate) struct UpdateMyProfileHandler;

impl RequestHandler<UpdateMyProfile> for UpdateMyProfileHandler {
    #[tracing::instrument(name = "UpdateMyProfile", skip_all)]
    async fn handle(&self, command: UpdateMyProfile, ctx: &mut Context) -> Outcome<Profile> {
        let caller = ctx.get::<Caller>().cloned().unwrap_or_default();
        let Some(customer) = caller.customer() else {
            return Err(Problem::unauthorized("Sign in to change your profile."));
        };
        let username = customer.username.clone();
        let tx = transaction(ctx)?;
        if let Some(email) = command.normalized_email() {
            let other: Option<(String,)> = sqlx::query_as(
                "SELECT username FROM customer_accounts WHERE email = $1 AND username <> $2",
            )
            .bind(&email)
            .bind(&username)
            .fetch_optional(&mut **tx)
            .await
            .map_err(DbError::from)?;
            if other.is_some() {
                let message = "Another account has this email.";
                return Err(
                    Problem::conflict(message).with_errors(vec![FieldError::new("email", message)])
                );
            }
        }
        let address = command.address.as_deref().map(str::trim);
        sqlx::query(
            "UPDATE customer_accounts SET \
             name = COALESCE($1, name), email = COALESCE($2, email), \
             phone = COALESCE($3, phone), \
             address = CASE WHEN $4 IS NULL THEN address WHEN $4 = '' THEN NULL ELSE $4 END \
             WHERE username = $5",
        )
        .bind(command.name.as_deref().map(str::trim))
        .bind(command.normalized_email())
        .bind(command.phone.as_deref().map(str::trim))
        .bind(address)
        .bind(&username)
        .execute(&mut **tx)
        .await
        .map_err(DbError::from)?;
        let profile = read_profile(tx, &caller).await?;
        profile
            .map(Done::ok)
            .ok_or_else(|| Problem::unauthorized("Sign in to change your profile."))
    }
}
