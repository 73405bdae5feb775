//! `send_content_policy`: the Content-Security-Policy of every page, sent as a header by
//! the server as it renders the shell. Scripts run only from this site or inline with the
//! page's nonce (Leptos puts it on its hydration and streaming scripts), so an injected
//! `<script>` does not run; no other site may frame a page.

/// Adds the page's Content-Security-Policy header; on the server only, and only while a
/// response is being rendered (a nonce and response options are in context).
pub(crate) fn send_content_policy() {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        let nonce = leptos::nonce::use_nonce();
        let response = use_context::<leptos_axum::ResponseOptions>();
        if let (Some(nonce), Some(response)) = (nonce, response) {
            let policy = policy(&nonce);
            if let Ok(value) = http::HeaderValue::from_str(&policy) {
                response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
            }
        }
    }
}

/// The policy for a page whose inline scripts carry `nonce`. `wasm-unsafe-eval` lets the
/// page compile its WebAssembly; images come from the site itself (`public/`).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_nonce_and_forbids_framing() {
        let policy = policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
