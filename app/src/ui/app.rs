//! The document shell the server renders and the root component with its routes.
//!
//! The menu and order pages render with `SsrMode::Async`: the server waits for their
//! data, so the first HTML (and a browser without JavaScript) already shows the pizzas
//! and the order. Checkout needs no server data and streams as usual.

use crate::ui::cart::{SavedCart, provide_cart};
use crate::ui::content_policy::send_content_policy;
use crate::ui::erase::Erase;
use crate::ui::header::{AccountMeta, AccountRefresh, SiteHeader};
use crate::ui::layout::{NotFoundPage, SiteFooter};
use crate::ui::menu::MenuPage;
use crate::ui::routes::{
    AccountRoute, CheckoutRoute, CustomerLoginRoute, DeliveryRoute, KitchenRoute, ManagementRoute,
    OrderHistoryRoute, OrderRoute, RegisterRoute, StaffHomeRoute, StaffLoginRoute,
};
use crate::ui::shop_zone::{ShopZoneMeta, provide_shop_zone};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{Lazy, SsrMode, path};

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    send_content_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#b83227"/>
                // The files of `public/`, copied beside the built ones.
                <link rel="icon" href="/favicon.ico" sizes="32x32"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/icon-192.png"/>
                <link rel="manifest" href="/site.webmanifest"/>
                <meta property="og:site_name" content="Mario's Pizzeria"/>
                <meta property="og:title" content="Mario's Pizzeria"/>
                <meta
                    property="og:description"
                    content="Wood-fired pizza, ordered in a minute, followed to your door."
                />
                <meta property="og:image" content="/og-image.png"/>
                // A plain `<link>` in the shell, which only the server renders (not the
                // `<Stylesheet>` the browser would hydrate for nothing), naming the CSS by
                // its content hash when the build wrote one (`hash.txt`).
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
                <AccountMeta/>
                <ShopZoneMeta/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The root component: meta context, the cart, the shop's clock, the frame and the
/// routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_cart();
    AccountRefresh::provide();
    provide_shop_zone();

    view! {
        // Pages push their own title over this one.
        <Title text="Mario's Pizzeria"/>
        <Router>
            <SiteHeader/>
            <main class="page">
                // No route nests another, so the flat router will do, and it is much the
                // smaller of the two in the wasm bundle.
                <FlatRoutes fallback=|| view! { <NotFoundPage/> }.erase()>
                    <Route path=path!("/") view=MenuPage ssr=SsrMode::Async/>
                    // Every other page is a lazy route, a wasm chunk of its own (see `routes`).
                    <Route path=path!("/checkout") view={Lazy::<CheckoutRoute>::new()}/>
                    <Route path=path!("/orders/:id") view={Lazy::<OrderRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/orders") view={Lazy::<OrderHistoryRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/account") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/account/login") view={Lazy::<CustomerLoginRoute>::new()}/>
                    <Route path=path!("/account/register") view={Lazy::<RegisterRoute>::new()}/>
                    <Route path=path!("/staff/login") view={Lazy::<StaffLoginRoute>::new()}/>
                    <Route path=path!("/staff") view={Lazy::<StaffHomeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/staff/kitchen") view={Lazy::<KitchenRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/staff/delivery") view={Lazy::<DeliveryRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/staff/manage") view={Lazy::<ManagementRoute>::new()} ssr=SsrMode::Async/>
                </FlatRoutes>
            </main>
            <SiteFooter/>
            <SavedCart/>
        </Router>
    }
}
