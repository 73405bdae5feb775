//! The delivery form: who orders, where to, how they pay. On submit it runs the
//! contract's own validation, then sends `PlaceOrder` and, once the server has
//! accepted it, empties the cart and opens the confirmation page. Every attempt at the
//! same order carries the same idempotency key, so a retry after a lost answer finds the
//! order the first attempt placed rather than placing a second.

use super::card::{CardFields, CardInput};
use super::feedback::{Feedback, field_message, invalid_before_sending, summary};
use crate::api::{get_my_profile, place_order};
use crate::contracts::{AccountRole, PaymentMethod, PlaceOrder, Profile};
use crate::ui::cart::{Cart, use_cart};
use crate::ui::format::payment_label;
use crate::ui::header::AccountRefresh;
use crate::ui::order::remember_phone;
use crate::ui::radio::radio;
use crate::ui::text_field::TextField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use mediator::Request as _;

/// What the customer types into the form.
#[derive(Clone, Copy)]
struct Delivery {
    name: RwSignal<String>,
    phone: RwSignal<String>,
    address: RwSignal<String>,
    payment: RwSignal<PaymentMethod>,
    card: CardInput,
}

impl Delivery {
    fn new() -> Self {
        Self {
            name: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            address: RwSignal::new(String::new()),
            // The product's default; the radios render whatever this starts as.
            payment: RwSignal::new(PaymentMethod::Card),
            card: CardInput::new(),
        }
    }

    /// Fills what the customer has not typed yet from their account's `profile`.
    fn fill_from(self, profile: Profile) {
        let fill = |field: RwSignal<String>, value: Option<String>| {
            if let Some(value) = value
                && field.with_untracked(|typed| typed.trim().is_empty())
            {
                field.try_set(value);
            }
        };
        fill(self.name, Some(profile.name));
        fill(self.phone, profile.phone);
        fill(self.address, profile.address);
    }

    /// The command for these details, the cart's lines and the promo code applied.
    fn command(self, cart: &Cart, promo_code: Option<String>) -> PlaceOrder {
        let payment_method = self.payment.get_untracked();
        PlaceOrder {
            customer_name: self.name.get_untracked().trim().to_owned(),
            customer_phone: self.phone.get_untracked().trim().to_owned(),
            customer_address: self.address.get_untracked().trim().to_owned(),
            payment_method,
            pizza_items: cart.to_requests(),
            promo_code,
            card: (payment_method == PaymentMethod::Card).then(|| self.card.details()),
        }
    }
}

/// The checkout form. `placed` turns true once the order exists, so the page can say
/// so while the cart empties and the confirmation loads.
#[component]
pub(super) fn CheckoutForm(
    feedback: Feedback,
    placed: RwSignal<bool>,
    applied: RwSignal<Option<String>>,
) -> impl IntoView {
    let cart = use_cart().cart;
    let delivery = Delivery::new();
    // True while the order is on its way to the server.
    let pending = RwSignal::new(false);
    // The last order sent and its key: sending it again reuses the key.
    let attempt = StoredValue::new(None::<(PlaceOrder, String)>);
    let navigate = use_navigate();
    let account = AccountRefresh::current();
    // Signed in, a customer finds their details already in the form. Effects run only
    // in the browser, after hydration, so the server's HTML still matches; a guest's
    // 401 leaves the form as it is.
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(profile) = get_my_profile().await
                && profile.role == AccountRole::Customer
            {
                delivery.fill_from(profile);
            }
        });
    });

    let submit = move |ev: SubmitEvent| {
        // The browser would otherwise post the form and reload the page.
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let promo_code = applied.get_untracked();
        let command = cart.with_untracked(|cart| delivery.command(cart, promo_code));
        match command.validate() {
            Ok(()) => {
                feedback.set(None);
                pending.set(true);
                let key = attempt_key(attempt, &command);
                let order = (command, key);
                send_order(
                    order,
                    cart,
                    feedback,
                    placed,
                    pending,
                    navigate.clone(),
                    account,
                );
            }
            Err(errors) => feedback.set(Some(invalid_before_sending(errors))),
        }
    };

    view! {
        // `novalidate`: our messages, which match the server's, replace the browser's.
        <form class="card checkout-form" novalidate on:submit=submit>
            <h2>"Delivery details"</h2>
            {move || feedback.get().map(|error| view! { <div class="alert" role="alert">{summary(&error)}</div> })}
            <TextField form="checkout" label="Name" field="customer_name" value=delivery.name feedback autocomplete="name"/>
            <TextField form="checkout" label="Phone" field="customer_phone" value=delivery.phone feedback kind="tel" autocomplete="tel"/>
            <TextField
                form="checkout"
                label="Delivery address"
                field="customer_address"
                value=delivery.address
                feedback
                autocomplete="street-address"
                multiline=true
            />
            <PaymentChoice payment=delivery.payment feedback/>
            <CardFields card=delivery.card payment=delivery.payment feedback/>
            <button type="submit" class="button button-primary button-wide" disabled=move || pending.get()>
                "Place order"
            </button>
            // Outside the button, so the button keeps its name while the order is sent.
            <p class="pending" role="status">{move || pending.get().then_some("Placing your order…")}</p>
        </form>
    }
}

/// Sends the order and follows the answer: on success empty the cart and open the
/// confirmation; on failure show why. A plain task rather than an `Action`, which would
/// add some 13 KB to the wasm bundle for the same job.
fn send_order(
    (command, key): (PlaceOrder, Option<String>),
    cart: RwSignal<Cart>,
    feedback: Feedback,
    placed: RwSignal<bool>,
    pending: RwSignal<bool>,
    navigate: impl Fn(&str, NavigateOptions) + 'static,
    account: Option<AccountRefresh>,
) {
    leptos::task::spawn_local(async move {
        let phone = command.customer_phone.clone();
        let outcome = place_order(command, key).await;
        // The customer left the checkout meanwhile: nothing left to show or open.
        if pending.is_disposed() {
            return;
        }
        match outcome {
            Ok(order) => {
                // Offered by the history page next time.
                remember_phone(&phone);
                // A customer's new order is news in their inbox: the header counts it.
                if let Some(account) = account {
                    account.after(order.position);
                }
                placed.set(true);
                navigate(
                    &format!("/orders/{}?after={}", order.order_id, order.position),
                    NavigateOptions::default(),
                );
                cart.update(Cart::clear);
            }
            Err(error) => {
                feedback.set(Some(error));
                pending.set(false);
            }
        }
    });
}

/// The idempotency key for sending `command`: the previous attempt's when it sent the
/// same order, a new one otherwise (another order under an old key would be refused).
fn attempt_key(
    attempt: StoredValue<Option<(PlaceOrder, String)>>,
    command: &PlaceOrder,
) -> Option<String> {
    let again = attempt.with_value(|last| {
        last.as_ref()
            .filter(|(sent, _)| sent == command)
            .map(|(_, key)| key.clone())
    });
    let key = again.or_else(new_key)?;
    attempt.set_value(Some((command.clone(), key.clone())));
    Some(key)
}

/// 128 random bits from the browser's `crypto.getRandomValues`, as 32 hex digits (it
/// works on plain HTTP too, unlike `randomUUID`).
#[cfg(feature = "hydrate")]
fn new_key() -> Option<String> {
    use std::fmt::Write as _;
    let mut bytes = [0u8; 16];
    let crypto = leptos::prelude::window().crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(
        bytes
            .iter()
            .fold(String::with_capacity(32), |mut hex, byte| {
                let _ = write!(hex, "{byte:02x}");
                hex
            }),
    )
}

/// Forms are only submitted in the browser.
#[cfg(not(feature = "hydrate"))]
fn new_key() -> Option<String> {
    None
}

/// Cash or card.
#[component]
fn PaymentChoice(payment: RwSignal<PaymentMethod>, feedback: Feedback) -> impl IntoView {
    let message = Memo::new(move |_| field_message(feedback, "payment_method"));
    let radios = [PaymentMethod::Cash, PaymentMethod::Card].map(|method| {
        let name = "payment_method".to_string();
        radio(
            name,
            method,
            method.as_str(),
            payment_label(method),
            payment,
        )
    });

    view! {
        <fieldset class="choices payment" aria-describedby=move || message.with(Option::is_some).then_some("payment-error")>
            <legend>"Payment method"</legend>
            {radios.into_iter().collect_view()}
            {move || message.get().map(|message| view! { <p class="field-error" id="payment-error">{message}</p> })}
        </fieldset>
    }
}
