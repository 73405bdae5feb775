//! [`ClientOnly::client_only`]: views that only ever exist in the browser, such as
//! everything built from the saved cart (the server always renders an empty cart).
//!
//! Hydrating a view needs its own copy of the view's code in the wasm bundle, next to
//! the copy that builds it. A view the server never renders is never hydrated, yet it
//! would still carry that copy. [`BrowserOnly`] leaves it out: the server writes an empty
//! placeholder in its place, and the browser builds the view in front of that
//! placeholder instead of hydrating it. So even if the server did render one, the page
//! would stay correct: the view would only appear once the app has started.

use leptos::prelude::*;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::Rndr;
use leptos::tachys::renderer::types::Placeholder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

/// `.client_only()`, for views the server never renders.
pub(crate) trait ClientOnly: IntoView {
    /// The view, built in the browser rather than rendered by the server and hydrated.
    fn client_only(self) -> BrowserOnly<Self> {
        BrowserOnly(self)
    }
}

impl<V: IntoView> ClientOnly for V {}

/// A view that the server renders as an empty placeholder (see the module docs).
pub(crate) struct BrowserOnly<V>(V);

impl<V: Render> Render for BrowserOnly<V> {
    /// The view, then the placeholder it was built in front of.
    type State = (V::State, Placeholder);

    fn build(self) -> Self::State {
        (self.0.build(), Rndr::create_placeholder())
    }

    fn rebuild(self, state: &mut Self::State) {
        self.0.rebuild(&mut state.0);
    }
}

impl<V: RenderHtml> RenderHtml for BrowserOnly<V> {
    type AsyncOutput = Self;
    type Owned = BrowserOnly<V::Owned>;

    const MIN_LENGTH: usize = 3;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    /// The placeholder only, written exactly as `()` writes it.
    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        RenderHtml::to_html_with_buf((), buf, position, escape, false, Vec::new());
    }

    /// Finds the server's placeholder and builds the view in front of it.
    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        let placeholder = RenderHtml::hydrate::<FROM_SERVER>((), cursor, position);
        let mut view = self.0.build();
        Rndr::mount_before(&mut view, placeholder.as_ref());
        (view, placeholder)
    }

    fn into_owned(self) -> Self::Owned {
        BrowserOnly(self.0.into_owned())
    }
}

impl<V: AddAnyAttr> AddAnyAttr for BrowserOnly<V> {
    type Output<SomeNewAttr: Attribute> = BrowserOnly<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        BrowserOnly(self.0.add_any_attr(attr))
    }
}
