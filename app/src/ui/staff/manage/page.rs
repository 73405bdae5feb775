//! The management page (`/staff/manage`, managers): analytics first, for the glance a
//! manager comes for, then the menu editor, the stock, the delivery fee, tax and promo
//! codes, the opening hours, the messages that could not be sent and the staff accounts. The staff gate around the route checks the
//! role; every query and command behind the page is checked again by the server.

use super::analytics::Analytics;
use super::dead_messages::DeadMessagesSection;
use super::menu_editor::MenuEditor;
use super::opening_hours::HoursSection;
use super::shop_pricing::ChargesSection;
use super::staff_accounts::StaffSection;
use super::stock::StockSection;
use crate::ui::erase::Erase;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/staff/manage`.
#[component]
pub(crate) fn ManagementPage() -> impl IntoView {
    view! {
        <Title text="Management · Mario's Pizzeria"/>
        <div class="manage">
            <header class="manage-intro">
                <h1>"Management"</h1>
                <p>"How the pizzeria is doing, the menu customers order from, and what orders pay."</p>
                <nav class="manage-jump" aria-label="On this page">
                    <a href="#analytics">"Analytics"</a>
                    <a href="#menu-editor">"Menu"</a>
                    <a href="#stock">"Stock"</a>
                    <a href="#charges">"Delivery, tax and promo codes"</a>
                    <a href="#hours">"Opening hours"</a>
                    <a href="#messages">"Messages not sent"</a>
                    <a href="#staff">"Staff"</a>
                </nav>
            </header>
            <Analytics/>
            <MenuEditor/>
            <StockSection/>
            <ChargesSection/>
            <HoursSection/>
            <DeadMessagesSection/>
            <StaffSection/>
        </div>
    }
    .erase()
}
