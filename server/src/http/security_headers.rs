//! [`security_headers`]: what every answer tells the browser about handling it.
//!
//! - `X-Content-Type-Options: nosniff`: a file is only ever what its type says.
//! - `X-Frame-Options: DENY` (and `frame-ancestors 'none'` in the pages' own policy, which
//!   `app::ui::content_policy` sends with the render's nonce): no other site may frame a
//!   page, so none can trick a chef into clicking through an invisible kitchen page.
//! - `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'` on answers that
//!   bring no policy of their own (JSON, files): they never need to load anything.
//! - `Referrer-Policy`: `no-referrer` on the order pages (`/orders...`), whose addresses
//!   name an order and a customer's phone; `strict-origin-when-cross-origin` elsewhere.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub(crate) async fn security_headers(request: Request, next: Next) -> Response {
    let private = request.uri().path().starts_with("/orders");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let referrer = if private {
        "no-referrer"
    } else {
        "strict-origin-when-cross-origin"
    };
    let defaults: [(HeaderName, &'static str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, referrer),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'",
        ),
    ];
    for (name, value) in defaults {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}
