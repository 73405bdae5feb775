//! [`BoxFuture`]: the one future type that crosses every type-erased boundary (request
//! pipelines, event handlers, the event pipeline). A leaf module, so that everything
//! erased can name it without depending on the others.

use std::pin::Pin;

/// A boxed, sendable future: what crosses the type-erased boundary.
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
