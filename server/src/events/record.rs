//! [`record`]: how a command handler stores what happened. The event is appended to its
//! stream in the command's transaction, tagged with the request's correlation id, and
//! recorded in the context, so the mediator publishes it once the transaction commits.

use crate::db::transaction;
use crate::events::correlation_id;
use crate::events::store::{Appended, DomainEvent, append};
use mediator::{Context, Problem};

/// Appends `event` to its stream, which must be at `expected_version` (0 for a new
/// stream; 409 when it moved on), and records it for publishing after commit.
pub(crate) async fn record<E: DomainEvent>(
    ctx: &mut Context,
    expected_version: i64,
    event: E,
) -> Result<Appended, Problem> {
    let correlation = correlation_id(ctx);
    let tx = transaction(ctx)?;
    let appended = append(
        tx,
        correlation,
        expected_version,
        std::slice::from_ref(&event),
    )
    .await?;
    ctx.record(event);
    Ok(appended)
}
