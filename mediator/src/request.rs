//! The messages the mediator routes: [`Request`]s (commands and queries, one handler
//! each) and [`Event`]s (facts, any number of handlers). Contracts implement these
//! traits once and compile for both the browser and the server.

use crate::FieldError;
use std::any::TypeId;

/// Whether a request changes state or only reads it. Behaviors can branch on
/// `R::KIND` (say, to open a transaction only for commands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestKind {
    /// Changes state; named in the imperative (`PlaceOrder`).
    Command,
    /// Reads state and changes nothing (`GetOrder`).
    Query,
}

/// A command or query, routed to exactly one [`RequestHandler`](crate::RequestHandler).
pub trait Request: Send + 'static {
    /// What the handler answers with on success.
    type Response: Send + 'static;
    /// Command or query.
    const KIND: RequestKind;

    /// Short name for logs, metrics and errors: the type name without its module path.
    fn name() -> &'static str {
        short_type_name::<Self>()
    }

    /// Checks the request's own rules (required fields, lengths, ranges) and lists
    /// every broken one, not just the first. The [`Validation`](crate::Validation)
    /// behavior answers 422 with them, so the handler never sees invalid input.
    /// Rules that need the database belong in the handler.
    ///
    /// Valid by default; requests with rules override this.
    #[inline]
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        Ok(())
    }
}

/// A domain event (named in the past tense, `OrderPlaced`), delivered to every
/// [`EventHandler`](crate::EventHandler) registered for it.
pub trait Event: Clone + Send + Sync + 'static {
    /// Short name for logs and reports: the type name without its module path.
    fn name() -> &'static str {
        short_type_name::<Self>()
    }
}

/// A list of request types that must have a handler, built where the contracts live
/// and checked by [`MediatorBuilder::expect_all`](crate::MediatorBuilder::expect_all).
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<(TypeId, &'static str)>,
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a request type; adding one twice has no further effect.
    pub fn expect<R: Request>(mut self) -> Self {
        self.push(TypeId::of::<R>(), R::name());
        self
    }

    /// The names of the declared types, in declaration order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(_, name)| *name)
    }

    /// How many request types are declared.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn push(&mut self, id: TypeId, name: &'static str) {
        if !self.entries.iter().any(|(known, _)| *known == id) {
            self.entries.push((id, name));
        }
    }

    pub(crate) fn entries(&self) -> &[(TypeId, &'static str)] {
        &self.entries
    }
}

/// `my_app::orders::PlaceOrder` -> `PlaceOrder`. Generic arguments are kept as
/// `type_name` spells them: a `&'static str` cannot be rewritten without leaking.
// Byte scans rather than `str::rfind("::")`: names are computed on every traced or
// counted request, and a substring searcher's setup costs more than the whole scan.
pub(crate) fn short_type_name<T: ?Sized>() -> &'static str {
    let full = std::any::type_name::<T>();
    let path_end = full.bytes().position(|b| b == b'<').unwrap_or(full.len());
    let start = full.as_bytes()[..path_end]
        .iter()
        .rposition(|&b| b == b':')
        .map_or(0, |colon| colon + 1);
    &full[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    mod orders {
        pub struct PlaceOrder;
        pub struct Page<T>(pub T);
    }

    #[test]
    fn names_drop_the_module_path() {
        assert_eq!(short_type_name::<orders::PlaceOrder>(), "PlaceOrder");
        assert_eq!(short_type_name::<u32>(), "u32");
    }

    #[test]
    fn generic_names_keep_their_arguments() {
        let name = short_type_name::<orders::Page<orders::PlaceOrder>>();
        assert!(name.starts_with("Page<"), "{name}");
        assert!(name.ends_with("PlaceOrder>"), "{name}");
    }
}
