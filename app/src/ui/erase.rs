//! [`Erase::erase`]: `into_any()` with less code in the wasm bundle.
//!
//! `into_any()` compiles four entry points for the view it erases (build, rebuild,
//! hydrate and `hydrate_async`), each carrying the code of the whole subtree. Two of them
//! are dead weight here, and [`SyncHydrate`] replaces them with cheap ones:
//! - `hydrate_async` serves lazy routes (`hydrate_lazy`), yet its state machines (and
//!   their drop glue) were the largest single part of the bundle, because the router
//!   erases every page. Only the router needs to wait (for a lazy route's wasm chunk);
//!   once it has the page, nothing below it does. The wrapper keeps tachys's default,
//!   which hydrates synchronously.
//! - rebuild patches the old DOM in place, which takes a second, diffing copy of the
//!   subtree's code. Erased views here only ever change wholesale (another page or branch,
//!   a reloaded menu), so the wrapper builds the new view and swaps it in instead, as a
//!   reactive `move ||` child does.
//!
//! Everything else is forwarded unchanged. Pages, and the branches that swap whole
//! subtrees, call `.erase()` where they would call `.into_any()`; branches of one
//! closure go into an `Either` erased once, since each erased type has a cost of its own.
//!
//! # What it saves, and why it is kept
//! [`SyncHydrate`] implements tachys's own traits (`Render`, `RenderHtml`, `AddAnyAttr`),
//! which a Leptos minor release may change; it is kept because it pays for that risk.
//! Measured on 2026-12-05 (Leptos 0.8, `scripts/measure-wasm`, i.e.
//! `cargo leptos build --release --split`; each cell raw / gzip -9 KB of 1024 bytes),
//! against the same tree with `erase()` returning `self.into_any()`:
//!
//! | wasm                          | with `.erase()` | with `.into_any()` | saved          |
//! | ----------------------------- | --------------- | ------------------ | -------------- |
//! | main module (every page)      | 558 / 223 gzip  | 627 / 252 gzip     | 69 / 29 gzip   |
//! | lazy routes' chunks, summed   | 653 / 276 gzip  | 932 / 397 gzip     | 279 / 121 gzip |
//! | shared chunks, summed         | 204 / 105 gzip  | 252 / 127 gzip     | 48 / 22 gzip   |
//! | all wasm                      | 1415 / 604 gzip | 1811 / 776 gzip    | 396 / 172 gzip |
//!
//! The management page's chunk alone grows from 102 to 156 KB gzipped without it. To
//! measure again, run `scripts/measure-wasm`, make `erase()` return `self.into_any()`,
//! and run it again.
//!
//! The pin is the budget in `scripts/measure-wasm`: 236 KB gzip for the main module,
//! which the build with this wrapper meets (223 KB when measured; 231 KB since the header
//! shows who is signed in, 2026-12-06) and the build without it misses by about 22 KB
//! (252 KB then; the former 250 KB budget would have caught that by only 2 KB). So if a
//! Leptos upgrade breaks this file, replacing it with `into_any()` fails that check
//! instead of silently costing 29 KB on every page; then the budget, not just this
//! file, has to be argued about again.

use leptos::prelude::*;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

/// `.erase()`, the replacement for `.into_any()` in this UI.
pub(crate) trait Erase: IntoView {
    /// The view as an `AnyView` that hydrates synchronously even when asked to do so
    /// asynchronously, and rebuilds by replacing itself (see the module docs).
    fn erase(self) -> AnyView {
        SyncHydrate(self).into_any()
    }
}

impl<V: IntoView> Erase for V {}

/// A view that renders exactly like the one it wraps; only `hydrate_async` and rebuild
/// differ.
pub(crate) struct SyncHydrate<V>(V);

impl<V: Render> Render for SyncHydrate<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    /// Builds the new view in front of the old one, then removes the old one.
    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.0.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
    }
}

impl<V: RenderHtml> RenderHtml for SyncHydrate<V> {
    type AsyncOutput = SyncHydrate<V::AsyncOutput>;
    type Owned = SyncHydrate<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        SyncHydrate(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        );
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    // `hydrate_async` deliberately keeps the trait's default, which calls `hydrate`.

    fn into_owned(self) -> Self::Owned {
        SyncHydrate(self.0.into_owned())
    }
}

impl<V: AddAnyAttr> AddAnyAttr for SyncHydrate<V> {
    type Output<SomeNewAttr: Attribute> = SyncHydrate<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        SyncHydrate(self.0.add_any_attr(attr))
    }
}
