//! [`page_account`]: the middleware around the pages that finds who is signed in before
//! the page renders. It puts the [`Caller`](app::contracts::Caller) into the request's extensions, where the
//! page's own server calls find it without a second session lookup, and the
//! [`PageAccount`] the header shows (for a customer, with their unread count). A request
//! without a session cookie is a guest's at once, with no lookup at all. Beside them goes
//! the [`ShopZone`], so the page shows its times on the shop's clock.

use crate::http::AppState;
use crate::http::session::session_token;
use app::api::{PageAccount, account_badge};
use app::contracts::{GetShopZone, ShopZone};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// Looks up the caller and their header badge for a page (not for the server functions
/// served beside the pages: they look up only the caller, when they send something).
pub(crate) async fn page_account(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if !request.uri().path().starts_with("/api/") {
        let token = session_token(request.headers());
        // A failed lookup renders the page as a guest's; whatever the page sends looks
        // the session up again and reports the failure there.
        let caller = state
            .auth
            .caller(token.as_deref())
            .await
            .unwrap_or_default();
        let account = account_badge(&state.mediator, caller.clone(), None)
            .await
            .unwrap_or_else(|problem| {
                tracing::warn!(%problem, "the header's account could not be read");
                None
            });
        // Without it (the database is gone) the page still renders, its times in UTC.
        let zone = match state.mediator.send(GetShopZone).await {
            Ok(done) => done.value,
            Err(problem) => {
                tracing::warn!(%problem, "the shop's time zone could not be read");
                ShopZone::default()
            }
        };
        request.extensions_mut().insert(zone);
        request.extensions_mut().insert(caller);
        request.extensions_mut().insert(PageAccount(account));
    }
    next.run(request).await
}
