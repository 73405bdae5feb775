//! `GetMyProfile`: who the caller is; for a customer, their details from their account
//! and their figures from the history view (orders placed while signed in).

use crate::customers::profile::read_profile;
use crate::projections::ReadModels;
use app::contracts::{Caller, GetMyProfile, Profile};
use mediator::{Context, Done, Outcome, Problem, RequestHandler};

/// Answers [`GetMyProfile`] for the signed-in caller (the policy lets no one else in).
pub(crate) struct GetMyProfileHandler {
    pub read: ReadModels,
}

impl RequestHandler<GetMyProfile> for GetMyProfileHandler {
    #[tracing::instrument(name = "GetMyProfile", skip_all)]
    async fn handle(&self, _query: GetMyProfile, ctx: &mut Context) -> Outcome<Profile> {
        let caller = ctx.get::<Caller>().cloned().unwrap_or_default();
        let mut tx = self.read.snapshot(None).await?;
        let profile = read_profile(&mut tx, &caller).await?;
        tx.commit().await?;
        profile
            .map(Done::ok)
            .ok_or_else(|| Problem::unauthorized("Sign in to see your profile."))
    }
}
