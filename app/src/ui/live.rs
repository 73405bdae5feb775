//! Live updates in the browser: [`subscribe_updates`] opens one of the server's
//! Server-Sent Events streams (`/api/orders/{id}/stream`, `/api/stream/kitchen`) and hands
//! each [`OrderUpdate`] to the page. See `contracts::live` for what the streams send.
//!
//! The browser's `EventSource` does the hard parts: it reconnects by itself after a
//! dropped connection and sends `Last-Event-ID`, so the server replays what was missed.
//! A page still re-reads its view whenever the stream (re)opens (`on_open`), which covers
//! whatever happened between rendering the page and the stream opening.
//!
//! The stream is gloo-net's `EventSource`, subscribed to two event types: the updates, and
//! `open`, which the browser fires on every (re)connection.

use crate::contracts::OrderUpdate;
use leptos::prelude::*;

/// Listens to the SSE stream at `url` for as long as the current reactive owner lives
/// (usually the component that calls it), in the browser only; on the server it does
/// nothing, as pages render from the data they awaited.
///
/// - `on_update` gets each message named
///   [`ORDER_UPDATE_EVENT`](crate::contracts::ORDER_UPDATE_EVENT), decoded; a message that
///   does not decode is skipped. Updates can repeat what the page already shows (a
///   replay, a re-read): callers ignore positions they have seen.
/// - `on_open` runs each time the connection opens: first, and again after every
///   reconnection, so the page can re-read its view (with `min_position`) to cover a gap.
///
/// Answers whether the stream is open now: `false` until it opens, and again while the
/// browser reconnects after losing it. The stream is closed when the owner is cleaned up. A stream the server refuses (401,
/// 404) is not retried by the browser; the page then simply stays as rendered.
#[cfg(feature = "hydrate")]
pub(crate) fn subscribe_updates(
    url: String,
    on_update: impl Fn(OrderUpdate) + 'static,
    on_open: impl Fn() + 'static,
) -> ReadSignal<bool> {
    use crate::contracts::ORDER_UPDATE_EVENT;
    use futures::StreamExt;
    use futures::future::{AbortHandle, Abortable};
    use gloo_net::eventsource::futures::EventSource;
    use send_wrapper::SendWrapper;

    let (connected, set_connected) = signal(false);
    // Only a malformed URL fails here; there is nothing to listen to then.
    let Ok(mut source) = EventSource::new(&url) else {
        return connected;
    };
    let (Ok(updates), Ok(opened), Ok(lost)) = (
        source.subscribe(ORDER_UPDATE_EVENT),
        source.subscribe("open"),
        source.subscribe("error"),
    ) else {
        return connected;
    };
    let mut events = futures::stream::select(updates, futures::stream::select(opened, lost));
    let listen = async move {
        // A stream the server refused, or closed for good, ends here; the page then stays
        // as it is.
        while let Some(Ok((event_type, message))) = events.next().await {
            match event_type.as_str() {
                "open" => {
                    set_connected.set(true);
                    on_open();
                    continue;
                }
                "error" => {
                    // Lost; the browser is already reconnecting.
                    set_connected.set(false);
                    continue;
                }
                _ => {}
            }
            // From bytes, like every other JSON the browser decodes (see `ui::server_data`).
            let update = message
                .data()
                .as_string()
                .and_then(|data| serde_json::from_slice::<OrderUpdate>(data.as_bytes()).ok());
            if let Some(update) = update {
                on_update(update);
            }
        }
    };
    let (abort, registration) = AbortHandle::new_pair();
    leptos::task::spawn_local(async move {
        let _ = Abortable::new(listen, registration).await;
    });

    // When the owner goes, so do the listener and the connection (dropping the source
    // closes it). The browser is single-threaded, so the wrapper never crosses a thread.
    let open = SendWrapper::new(source);
    on_cleanup(move || {
        abort.abort();
        drop(open.take());
    });
    connected
}

/// On the server there is no stream to follow (see the browser version's docs).
#[cfg(not(feature = "hydrate"))]
pub(crate) fn subscribe_updates(
    _url: String,
    _on_update: impl Fn(OrderUpdate) + 'static,
    _on_open: impl Fn() + 'static,
) -> ReadSignal<bool> {
    signal(false).0
}
