//! `GetOrderCountsByStatus`: how many of the orders placed over the last days of the
//! shop's clock (today included) are in each status now, counted in the order summary
//! view.

use crate::analytics::buckets::first_day_start;
use crate::db::{count, timestamp_text};
use crate::hours::ShopClock;
use crate::orders::views::stored_status;
use crate::projections::ReadModels;
use app::contracts::{GetOrderCountsByStatus, OrderStatus, StatusCount};
use chrono::Utc;
use mediator::{Context, Done, Outcome, RequestHandler};

/// Answers [`GetOrderCountsByStatus`]: every status in lifecycle order, zeros included.
pub(crate) struct GetOrderCountsByStatusHandler {
    pub read: ReadModels,
    /// The shop's clock, whose days are counted.
    pub clock: ShopClock,
}

impl RequestHandler<GetOrderCountsByStatus> for GetOrderCountsByStatusHandler {
    #[tracing::instrument(name = "GetOrderCountsByStatus", skip_all, fields(days = query.days))]
    async fn handle(
        &self,
        query: GetOrderCountsByStatus,
        _ctx: &mut Context,
    ) -> Outcome<Vec<StatusCount>> {
        let zone = self.clock.schedule().await?.zone;
        let since = first_day_start(query.days, Utc::now(), zone);
        let statement = sqlx::query_as(
            "SELECT status, COUNT(*) AS orders FROM order_summary_view \
             WHERE placed_at >= $1 GROUP BY status",
        )
        .bind(timestamp_text(since));
        let rows: Vec<(String, i64)> = self.read.fetch_all(query.min_position, statement).await?;
        let mut counts = OrderStatus::ALL.map(|status| StatusCount { status, count: 0 });
        for (status, orders) in rows {
            let status = stored_status("order_summary_view.status", &status)?;
            let orders = count("order_summary_view.count", orders)?;
            if let Some(entry) = counts.iter_mut().find(|entry| entry.status == status) {
                entry.count = orders;
            }
        }
        Ok(Done::ok(counts.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{TestApp, place_order, test_app};
    use app::contracts::{CancelOrder, GetOrderCountsByStatus, OrderStatus, StartCooking};
    use uuid::Uuid;

    /// Places an order of one Margherita; returns its id and the position of its event.
    async fn place(app: &TestApp) -> (Uuid, i64) {
        place_order(app, "+1 555 010 0200", &[("margherita", 1)]).await
    }

    async fn counts(app: &TestApp, days: u32, position: i64) -> Vec<(OrderStatus, u64)> {
        let query = GetOrderCountsByStatus {
            days,
            min_position: Some(position),
        };
        let counts = app.mediator.send(query).await.expect("the counts");
        counts
            .value
            .into_iter()
            .map(|entry| (entry.status, entry.count))
            .collect()
    }

    #[tokio::test]
    async fn every_status_is_counted_in_lifecycle_order_with_zeros_for_the_empty_ones() {
        let app = test_app().await;
        let zeros: Vec<_> = OrderStatus::ALL.iter().map(|s| (*s, 0)).collect();
        assert_eq!(counts(&app, 1, 0).await, zeros);

        let (first, _) = place(&app).await;
        let (second, _) = place(&app).await;
        place(&app).await;
        app.mediator
            .send(StartCooking {
                order_id: first,
                minutes: None,
            })
            .await
            .expect("cooking");
        let reason = "Changed my mind".to_owned();
        let cancelled = app.mediator.send(CancelOrder {
            order_id: second,
            reason,
        });
        let position = cancelled.await.expect("cancelled").value.position;

        use OrderStatus::*;
        let expected = [
            (Pending, 1),
            (Cooking, 1),
            (Ready, 0),
            (Delivering, 0),
            (Delivered, 0),
            (Cancelled, 1),
        ];
        assert_eq!(counts(&app, 1, position).await, expected);
        assert_eq!(counts(&app, 30, position).await, expected);
    }

    #[tokio::test]
    async fn orders_placed_before_the_first_day_are_left_out() {
        let app = test_app().await;
        let (order_id, position) = place(&app).await;
        app.views.wait_for(Some(position)).await.expect("projected");
        // Back-date the order in the view by two days: a one-day look-back misses it.
        let two_days_ago = chrono::Utc::now() - chrono::TimeDelta::days(2);
        sqlx::query("UPDATE order_summary_view SET placed_at = $1 WHERE order_id = $2")
            .bind(crate::db::timestamp_text(two_days_ago))
            .bind(order_id.to_string())
            .execute(&app.pool)
            .await
            .expect("back-dated");
        let pending = |counts: Vec<(OrderStatus, u64)>| counts[0];
        assert_eq!(pending(counts(&app, 1, 0).await), (OrderStatus::Pending, 0));
        assert_eq!(pending(counts(&app, 3, 0).await), (OrderStatus::Pending, 1));
    }
}
