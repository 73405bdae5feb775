//! [`Only`]: restricts a behavior to commands, queries, events, a list of types, or all
//! but a list, so that the behavior itself stays general and the wiring says where it
//! applies.

use crate::{Behavior, Context, Event, EventRef, Handled, Next, NextEvent, PublishReport};
use crate::{Request, RequestKind};
use std::any::TypeId;

/// A behavior that runs for some messages only; everything else goes straight on.
///
/// ```
/// # use mediator::*;
/// # struct GetMenu;
/// # impl Request for GetMenu { type Response = (); const KIND: RequestKind = RequestKind::Query; }
/// # struct GetOrder;
/// # impl Request for GetOrder { type Response = (); const KIND: RequestKind = RequestKind::Query; }
/// let builder = Mediator::builder()
///     .behavior(Only::commands(Validation))
///     .behavior(Only::types::<(GetMenu, GetOrder)>(Tracing));
/// ```
#[derive(Debug, Clone)]
pub struct Only<B> {
    behavior: B,
    scope: Scope,
}

#[derive(Debug, Clone)]
enum Scope {
    Kinds {
        commands: bool,
        queries: bool,
        events: bool,
    },
    Types(Vec<TypeId>),
    AllBut(Vec<TypeId>),
}

impl<B: Behavior> Only<B> {
    /// Applies `behavior` to commands only.
    pub fn commands(behavior: B) -> Self {
        Self::kinds(behavior, true, false, false)
    }

    /// Applies `behavior` to queries only.
    pub fn queries(behavior: B) -> Self {
        Self::kinds(behavior, false, true, false)
    }

    /// Applies `behavior` to commands and queries, not to events.
    pub fn requests(behavior: B) -> Self {
        Self::kinds(behavior, true, true, false)
    }

    /// Applies `behavior` to published events only.
    pub fn events(behavior: B) -> Self {
        Self::kinds(behavior, false, false, true)
    }

    /// Applies `behavior` to the request type `R` only.
    pub fn request<R: Request>(behavior: B) -> Self {
        Self::types::<(R,)>(behavior)
    }

    /// Applies `behavior` to the event type `E` only.
    pub fn event<E: Event>(behavior: B) -> Self {
        Self::types::<(E,)>(behavior)
    }

    /// Applies `behavior` to the request and event types of the tuple `T` only.
    pub fn types<T: TypeList>(behavior: B) -> Self {
        Self {
            behavior,
            scope: Scope::Types(T::type_ids()),
        }
    }

    /// Applies `behavior` to every request and event except the types of the tuple `T`:
    /// for instance a command that opens its own transaction, outside `Transactional`.
    pub fn except<T: TypeList>(behavior: B) -> Self {
        Self {
            behavior,
            scope: Scope::AllBut(T::type_ids()),
        }
    }

    fn kinds(behavior: B, commands: bool, queries: bool, events: bool) -> Self {
        let scope = Scope::Kinds {
            commands,
            queries,
            events,
        };
        Self { behavior, scope }
    }
}

impl Scope {
    fn covers_request<R: Request>(&self) -> bool {
        match self {
            Self::Kinds {
                commands, queries, ..
            } => match R::KIND {
                RequestKind::Command => *commands,
                RequestKind::Query => *queries,
            },
            Self::Types(ids) => ids.contains(&TypeId::of::<R>()),
            Self::AllBut(ids) => !ids.contains(&TypeId::of::<R>()),
        }
    }

    fn covers_event(&self, event: &EventRef<'_>) -> bool {
        match self {
            Self::Kinds { events, .. } => *events,
            Self::Types(ids) => ids.contains(&event.type_id()),
            Self::AllBut(ids) => !ids.contains(&event.type_id()),
        }
    }
}

impl<B: Behavior> Behavior for Only<B> {
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R> {
        let covered = self.scope.covers_request::<R>();
        async move {
            if covered {
                self.behavior.handle(req, ctx, next).await
            } else {
                next.run(req, ctx).await
            }
        }
    }

    fn handle_event<N: NextEvent>(
        &self,
        event: EventRef<'_>,
        next: N,
    ) -> impl Future<Output = PublishReport> + Send {
        let covered = self.scope.covers_event(&event);
        async move {
            if covered {
                self.behavior.handle_event(event, next).await
            } else {
                next.run(event).await
            }
        }
    }
}

/// A tuple of types, named for [`Only::types`]: `(GetMenu,)`, `(GetMenu, GetOrder)`, ...
/// up to eight.
pub trait TypeList {
    /// The `TypeId` of each type in the tuple.
    fn type_ids() -> Vec<TypeId>;
}

macro_rules! type_list {
    ($($name:ident),+) => {
        impl<$($name: 'static),+> TypeList for ($($name,)+) {
            fn type_ids() -> Vec<TypeId> {
                vec![$(TypeId::of::<$name>()),+]
            }
        }
    };
}

type_list!(A);
type_list!(A, B);
type_list!(A, B, C);
type_list!(A, B, C, D);
type_list!(A, B, C, D, E);
type_list!(A, B, C, D, E, F);
type_list!(A, B, C, D, E, F, G);
type_list!(A, B, C, D, E, F, G, H);
