//! The details card of `/account`: what the customer ordered so far, and their name,
//! email, phone and delivery address, which they change here (the checkout fills its
//! form from them).

use crate::api::update_my_profile;
use crate::contracts::{Profile, UpdateMyProfile};
use crate::error::AppError;
use crate::ui::format::{money, orders};
use crate::ui::text_field::TextField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use mediator::Request as _;

/// The customer's figures and the form with their details.
#[component]
pub(super) fn AccountDetails(profile: Profile) -> impl IntoView {
    let name = RwSignal::new(profile.name.clone());
    let email = RwSignal::new(profile.email.clone().unwrap_or_default());
    let phone = RwSignal::new(profile.phone.clone().unwrap_or_default());
    let address = RwSignal::new(profile.address.clone().unwrap_or_default());
    let feedback = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let favourite = profile
        .favourite_pizza
        .clone()
        .unwrap_or_else(|| "none yet".to_owned());

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let command = UpdateMyProfile {
            name: Some(name.get_untracked()),
            email: Some(email.get_untracked()),
            phone: Some(phone.get_untracked()),
            address: Some(address.get_untracked()),
        };
        saved.set(false);
        if let Err(errors) = command.validate() {
            feedback.set(Some(AppError::Problem(mediator::Problem::validation(
                errors,
            ))));
            return;
        }
        feedback.set(None);
        pending.set(true);
        leptos::task::spawn_local(async move {
            match update_my_profile(command).await {
                Ok(profile) => {
                    name.try_set(profile.name);
                    email.try_set(profile.email.unwrap_or_default());
                    phone.try_set(profile.phone.unwrap_or_default());
                    address.try_set(profile.address.unwrap_or_default());
                    saved.try_set(true);
                }
                Err(error) => {
                    feedback.try_set(Some(error));
                }
            }
            pending.try_set(false);
        });
    };

    view! {
        <section class="card account-details" aria-labelledby="details-heading">
            <h2 id="details-heading">"Your details"</h2>
            <dl class="account-figures">
                <div><dt>"Username"</dt><dd>{profile.username}</dd></div>
                <div><dt>"Orders"</dt><dd>{orders(profile.total_orders)}</dd></div>
                <div><dt>"Spent"</dt><dd>{money(profile.total_spent)}</dd></div>
                <div><dt>"Favourite"</dt><dd>{favourite}</dd></div>
            </dl>
            <form class="form" on:submit=submit novalidate>
                <TextField form="account" label="Name" field="name" value=name feedback autocomplete="name"/>
                <TextField form="account" label="Email" field="email" value=email feedback kind="email" autocomplete="email"/>
                <TextField form="account" label="Phone" field="phone" value=phone feedback kind="tel" autocomplete="tel"/>
                <TextField
                    form="account"
                    label="Delivery address"
                    field="address"
                    value=address
                    feedback
                    autocomplete="street-address"
                    multiline=true
                />
                {move || feedback.get().map(|error| {
                    let text = if error.field_message("name").is_some()
                        || error.field_message("email").is_some()
                        || error.field_message("phone").is_some()
                        || error.field_message("address").is_some()
                    {
                        "Please check the fields marked above.".to_owned()
                    } else {
                        error.to_string()
                    };
                    view! { <p class="alert" role="alert">{text}</p> }
                })}
                {move || saved.get().then(|| view! { <p class="notice" role="status">"Your details are saved."</p> })}
                <button type="submit" class="button button-primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Saving…" } else { "Save details" }}
                </button>
            </form>
        </section>
    }
}
