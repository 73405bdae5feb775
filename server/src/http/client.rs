//! [`ClientAddr`]: the address a request comes from, which per-client limits key on.
//!
//! It is the peer's address, unless the peer is a proxy listed in `TRUSTED_PROXIES`: then
//! it is the last address in `X-Forwarded-For` that is not itself a trusted proxy (each
//! proxy appends the address it got the request from, so the addresses before that one
//! are whatever the client chose to send). With no trusted proxy, `X-Forwarded-For` is
//! ignored.

use crate::http::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// Where a request comes from; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The client of a request with these extensions and headers. A request that did not
    /// come over a socket (a test driving the router directly) is 0.0.0.0.
    pub(crate) fn of(extensions: &Extensions, headers: &HeaderMap, trusted: &[IpNet]) -> Self {
        let peer = extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip());
        let Some(peer) = peer else {
            return Self(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        };
        Self(forwarded_client(peer, headers, trusted))
    }
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        Ok(Self::of(
            &parts.extensions,
            &parts.headers,
            &state.trusted_proxies,
        ))
    }
}

fn forwarded_client(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |address: &IpAddr| trusted.iter().any(|net| net.contains(address));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.into_iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(address) if is_trusted(&address) => {}
            Ok(address) => return address,
            // Past a malformed entry nothing can be trusted: the last proxy is the client.
            Err(_) => break,
        }
    }
    peer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_networks;
    use axum::http::HeaderValue;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let headers = forwarded("203.0.113.9");
        assert_eq!(
            forwarded_client(ip("198.51.100.1"), &headers, &[]),
            ip("198.51.100.1")
        );
        let trusted = parse_networks("10.0.0.0/8").unwrap();
        assert_eq!(
            forwarded_client(ip("198.51.100.1"), &headers, &trusted),
            ip("198.51.100.1")
        );
        assert_eq!(
            forwarded_client(ip("10.1.2.3"), &headers, &trusted),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn the_client_is_the_last_address_no_trusted_proxy_added() {
        let trusted = parse_networks("10.0.0.0/8, 192.0.2.7").unwrap();
        let headers = forwarded("1.1.1.1, 203.0.113.9, 192.0.2.7");
        assert_eq!(
            forwarded_client(ip("10.0.0.1"), &headers, &trusted),
            ip("203.0.113.9")
        );
        let spoofed = forwarded("1.1.1.1, not-an-address, 192.0.2.7");
        assert_eq!(
            forwarded_client(ip("10.0.0.1"), &spoofed, &trusted),
            ip("10.0.0.1")
        );
    }
}
