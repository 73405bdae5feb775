//! Resources: server data a page awaits. The server renders with the value and
//! serializes it into the page; the browser decodes it while hydrating instead of
//! calling the server again.
//!
//! [`JsonBytes`] is the default JSON codec except that it decodes with
//! `serde_json::from_slice`, as the server functions' responses are decoded, rather than
//! `from_str`. serde_json compiles every `Deserialize` impl once per kind of input, so one
//! kind keeps a single copy of the contracts' decoding code in the wasm bundle.

use crate::api::{MenuPageData, get_menu};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;

/// A resource holding a server function's answer.
pub(crate) type ServerResource<T> = Resource<Result<T, AppError>, JsonBytes>;

/// JSON, decoded from bytes (see the module docs).
pub(crate) struct JsonBytes;

impl<T: Serialize> Encoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonBytes {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

/// A resource that reloads whenever `source` changes.
pub(crate) fn server_resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> ServerResource<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// The menu, or one category of it when `category` gives one, with whether the shop is
/// open. Every menu resource goes
/// through here with the same (boxed) source type, so the wasm holds one copy of the
/// code that loads a menu, not one per page that shows it.
pub(crate) fn menu_resource(
    category: Box<dyn Fn() -> Option<String> + Send + Sync>,
) -> ServerResource<MenuPageData> {
    server_resource(category, get_menu)
}
