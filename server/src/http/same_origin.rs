//! [`refuse_cross_origin`]: a page on another site cannot make a visitor's browser change
//! anything here, with or without the visitor's staff cookie (cross-site request forgery,
//! including signing someone in to an account of the attacker's).
//!
//! Every request but GET, HEAD and OPTIONS is checked: browsers say where it comes from
//! in `Sec-Fetch-Site` (refused unless `same-origin`), older ones in `Origin` (refused
//! unless it names this host). A request with neither comes from a program, not from a
//! page, and carries only what its sender chose: it passes.

use crate::http::problem::ApiProblem;
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use mediator::Problem;

pub(crate) async fn refuse_cross_origin(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !same_origin(request.headers()) {
        tracing::warn!(method = %request.method(), path = request.uri().path(), "cross-origin request refused");
        return ApiProblem(Problem::forbidden(
            "This request came from another site; send it from this site's own pages.",
        ))
        .into_response();
    }
    next.run(request).await
}

fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none`: the user asked for it themselves (typed it, a bookmark).
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).map(|host| host.as_bytes());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|origin| origin.split_once("://"))
        .map(|(_, authority)| authority.as_bytes());
    origin_host.is_some_and(|origin_host| Some(origin_host) == host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn fetch_metadata_decides_when_the_browser_sends_it() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        let lying_origin = [
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://shop:3000"),
            ("host", "shop:3000"),
        ];
        assert!(!same_origin(&headers(&lying_origin)));
    }

    #[test]
    fn otherwise_the_origin_must_name_this_host() {
        let host = ("host", "127.0.0.1:3000");
        assert!(same_origin(&headers(&[
            host,
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(!same_origin(&headers(&[
            host,
            ("origin", "http://evil.example")
        ])));
        assert!(!same_origin(&headers(&[
            host,
            ("origin", "http://127.0.0.1:3001")
        ])));
        assert!(!same_origin(&headers(&[host, ("origin", "null")])));
        assert!(same_origin(&headers(&[host])), "a program, not a page");
    }
}
