//! `ListStaff`: every staff account, by username, for the manager (never a password, a
//! hash or a session).

use crate::db::DbError;
use crate::staff::members::all_members;
use app::contracts::{ListStaff, StaffMember};
use mediator::{Context, Done, Outcome, RequestHandler};
use sqlx::AnyPool;

/// Answers [`ListStaff`].
pub(crate) struct ListStaffHandler {
    pub pool: AnyPool,
}

impl RequestHandler<ListStaff> for ListStaffHandler {
    #[tracing::instrument(name = "ListStaff", skip_all)]
    async fn handle(&self, _query: ListStaff, _ctx: &mut Context) -> Outcome<Vec<StaffMember>> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from)?;
        Ok(Done::ok(all_members(&mut conn).await?))
    }
}
