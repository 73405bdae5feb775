//! [`limit_rates`]: how often one client may place orders, sign in, look orders up (or
//! price a cart, which says whether a promo code exists) and open live-update streams, and how many streams it may hold open (`RATE_LIMITS`).
//!
//! A client is its address ([`ClientAddr`]), an IPv6 one taken as its /64 (one home or
//! phone holds a whole /64, so single addresses would be free to rotate). Each kind keeps
//! a GCRA bucket per client (`governor`): N per minute, the burst N too. Over it: 429 with
//! `Retry-After`. Clients in `RATE_LIMIT_EXEMPT` pass untouched.
//!
//! Bounded: each kind tracks at most [`MAX_CLIENTS`] clients; idle ones are dropped every
//! minute, and when the table is full of active ones a new client is refused (429) rather
//! than let the table grow.

use crate::config::RateLimits;
use crate::http::AppState;
use crate::http::client::ClientAddr;
use crate::http::problem::ApiProblem;
use crate::staff::whole_seconds;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt as _;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use ipnet::IpNet;
use mediator::Problem;
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};

/// Clients each kind tracks at most.
pub(crate) const MAX_CLIENTS: usize = 100_000;

/// What a request is, for the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Place,
    SignIn,
    Lookup,
    Stream,
}

/// The limiters of one server.
pub(crate) struct RateLimiters {
    place: DefaultKeyedRateLimiter<IpAddr>,
    sign_in: DefaultKeyedRateLimiter<IpAddr>,
    lookup: DefaultKeyedRateLimiter<IpAddr>,
    stream: DefaultKeyedRateLimiter<IpAddr>,
    streams: Arc<OpenStreams>,
    exempt: Vec<IpNet>,
}

impl RateLimiters {
    pub(crate) fn new(limits: &RateLimits) -> Self {
        let keyed = |per_minute: u32| {
            let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
            RateLimiter::keyed(Quota::per_minute(per_minute))
        };
        Self {
            place: keyed(limits.place),
            sign_in: keyed(limits.sign_in),
            lookup: keyed(limits.lookup),
            stream: keyed(limits.stream),
            streams: Arc::new(OpenStreams {
                per_client: limits.streams_per_client,
                total: limits.streams_total,
                open: Mutex::default(),
            }),
            exempt: limits.exempt.clone(),
        }
    }

    fn limiter(&self, kind: Kind) -> &DefaultKeyedRateLimiter<IpAddr> {
        match kind {
            Kind::Place => &self.place,
            Kind::SignIn => &self.sign_in,
            Kind::Lookup => &self.lookup,
            Kind::Stream => &self.stream,
        }
    }

    /// Drops the clients whose buckets are full again; run every minute.
    pub(crate) fn forget_idle(&self) {
        for kind in [Kind::Place, Kind::SignIn, Kind::Lookup, Kind::Stream] {
            let limiter = self.limiter(kind);
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// `Err(seconds to wait)` when `client` must wait before another request of `kind`.
    fn check(&self, kind: Kind, client: IpAddr) -> Result<(), u32> {
        let limiter = self.limiter(kind);
        if limiter.len() >= MAX_CLIENTS {
            limiter.retain_recent();
            if limiter.len() >= MAX_CLIENTS {
                return Err(60);
            }
        }
        limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            whole_seconds(wait)
        })
    }
}

/// Streams held open, per client; each [`StreamSlot`] gives its place back when dropped.
struct OpenStreams {
    per_client: u32,
    total: u32,
    open: Mutex<HashMap<IpAddr, u32>>,
}

impl OpenStreams {
    fn take(self: &Arc<Self>, client: IpAddr) -> Option<StreamSlot> {
        let mut open = self
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let total: u32 = open.values().sum();
        let mine = open.get(&client).copied().unwrap_or(0);
        if mine >= self.per_client || total >= self.total {
            return None;
        }
        open.insert(client, mine + 1);
        Some(StreamSlot {
            streams: self.clone(),
            client,
        })
    }
}

/// One open stream's place.
struct StreamSlot {
    streams: Arc<OpenStreams>,
    client: IpAddr,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = self
            .streams
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.client);
            }
        }
    }
}

pub(crate) async fn limit_rates(
    State(state): State<AppState>,
    client: ClientAddr,
    request: Request,
    next: Next,
) -> Response {
    let Some(kind) = kind_of(request.method(), request.uri().path()) else {
        return next.run(request).await;
    };
    let limits = &state.rate_limits;
    if limits.exempt.iter().any(|net| net.contains(&client.0)) {
        return next.run(request).await;
    }
    let client = bucket_of(client.0);
    if let Err(wait) = limits.check(kind, client) {
        tracing::warn!(%client, ?kind, "rate limit reached");
        return ApiProblem(Problem::too_many_requests(
            "Too many requests from your address; wait a moment before trying again.",
            wait,
        ))
        .into_response();
    }
    if kind != Kind::Stream {
        return next.run(request).await;
    }
    let Some(slot) = limits.streams.take(client) else {
        return ApiProblem(Problem::too_many_requests(
            "Too many live updates are open; close a page or wait a moment.",
            5,
        ))
        .into_response();
    };
    // The slot lives as long as the stream's body: it is freed when the client leaves.
    next.run(request).await.map(|body| {
        Body::from_stream(body.into_data_stream().map(move |chunk| {
            let _held = &slot;
            chunk
        }))
    })
}

/// Which limit a request counts against, if any.
fn kind_of(method: &Method, path: &str) -> Option<Kind> {
    let post = *method == Method::POST;
    let get = *method == Method::GET;
    match path {
        "/api/orders" | "/api/fn/place_order" if post => Some(Kind::Place),
        "/api/auth/login" | "/api/auth/register" if post => Some(Kind::SignIn),
        "/api/fn/get_order" | "/api/fn/get_customer_history" if post => Some(Kind::Lookup),
        // A quote answers whether a promo code exists: limited, so codes cannot be guessed
        // by the thousand.
        "/api/orders/quote" | "/api/fn/get_price_quote" if post => Some(Kind::Lookup),
        "/api/stream/kitchen" if get => Some(Kind::Stream),
        _ if get && path.starts_with("/api/orders/") && path.ends_with("/stream") => {
            Some(Kind::Stream)
        }
        _ if get && (path.starts_with("/api/orders/") || path.starts_with("/api/customers/")) => {
            Some(Kind::Lookup)
        }
        _ if get && (path == "/orders" || path.starts_with("/orders/")) => Some(Kind::Lookup),
        _ => None,
    }
}

/// The key a client is counted under: its address, or its /64 for IPv6.
fn bucket_of(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & (u128::MAX << 64)).into()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn requests_are_sorted_into_their_limits() {
        let (get, post) = (Method::GET, Method::POST);
        let cases = [
            (&post, "/api/orders", Some(Kind::Place)),
            (&get, "/api/orders", None), // the staff list
            (&post, "/api/fn/place_order", Some(Kind::Place)),
            (&post, "/api/auth/login", Some(Kind::SignIn)),
            (&post, "/api/auth/register", Some(Kind::SignIn)),
            (&get, "/api/orders/x/status", Some(Kind::Lookup)),
            (&post, "/api/orders/quote", Some(Kind::Lookup)),
            (&post, "/api/fn/get_price_quote", Some(Kind::Lookup)),
            (&get, "/api/orders/x/stream", Some(Kind::Stream)),
            (&get, "/api/customers/5/history", Some(Kind::Lookup)),
            (&get, "/orders/x", Some(Kind::Lookup)),
            (&get, "/api/menu", None),
            (&Method::PUT, "/api/orders/x/cook", None),
        ];
        for (method, path, kind) in cases {
            assert_eq!(kind_of(method, path), kind, "{method} {path}");
        }
    }

    #[test]
    fn an_ipv6_client_is_its_64_and_a_mapped_ipv4_one_its_address() {
        let home = bucket_of(ip("2001:db8:1:2:aaaa::1"));
        assert_eq!(home, bucket_of(ip("2001:db8:1:2:bbbb::9")));
        assert_ne!(home, bucket_of(ip("2001:db8:1:3::1")));
        assert_eq!(bucket_of(ip("::ffff:192.0.2.1")), ip("192.0.2.1"));
    }

    #[test]
    fn a_client_gets_its_quota_then_waits() {
        let limits = RateLimiters::new(&RateLimits {
            place: 3,
            ..RateLimits::default()
        });
        let client = ip("192.0.2.1");
        for _ in 0..3 {
            assert_eq!(limits.check(Kind::Place, client), Ok(()));
        }
        let wait = limits.check(Kind::Place, client).unwrap_err();
        assert!((1..=20).contains(&wait), "{wait}");
        assert_eq!(limits.check(Kind::Lookup, client), Ok(()), "another kind");
        assert_eq!(
            limits.check(Kind::Place, ip("192.0.2.2")),
            Ok(()),
            "another client"
        );
    }

    #[test]
    fn stream_slots_are_limited_per_client_and_in_total_and_given_back() {
        let limits = RateLimiters::new(&RateLimits {
            streams_per_client: 2,
            streams_total: 3,
            ..RateLimits::default()
        });
        let (a, b, c) = (ip("192.0.2.1"), ip("192.0.2.2"), ip("192.0.2.3"));
        let first = limits.streams.take(a).unwrap();
        let _second = limits.streams.take(a).unwrap();
        assert!(limits.streams.take(a).is_none(), "per client");
        let _third = limits.streams.take(b).unwrap();
        assert!(limits.streams.take(c).is_none(), "in total");
        drop(first);
        assert!(limits.streams.take(c).is_some(), "given back");
    }
}
