//! The "Delivery, tax and promo codes" section of the management page: the form for the
//! shop's delivery fee and tax (what `UpdateShopPricing` sets, the tax typed as a
//! percentage), and the promo codes below it.

use super::fields::{Feedback, Field, Toggle, checked, invalid, parse_price, summary};
use super::promo_codes::PromoCodes;
use crate::api::{get_shop_pricing, update_shop_pricing};
use crate::contracts::{ShopPricing, UpdateShopPricing};
use crate::ui::erase::Erase;
use crate::ui::format::money;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use mediator::FieldError;
use rust_decimal::Decimal;

/// The section, with the pricing as stored.
#[component]
pub(super) fn ChargesSection() -> impl IntoView {
    let pricing = server_resource(|| (), |()| get_shop_pricing());
    view! {
        <section class="manage-section" id="charges" aria-labelledby="charges-heading">
            <div class="section-head">
                <div>
                    <h2 id="charges-heading">"Delivery, tax and promo codes"</h2>
                    <p class="section-note">
                        "What orders pay beyond their pizzas. Orders already placed keep what they paid."
                    </p>
                </div>
            </div>
            <Transition fallback=|| view! { <Loading text="Loading the pricing…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match pricing.await {
                        Ok(pricing) => Either::Left(view! { <PricingForm pricing/> }),
                        Err(error) => Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
            <PromoCodes/>
        </section>
    }
}

/// What the pricing form holds, as typed.
pub(super) struct PricingDraft {
    pub fee: String,
    pub free_from: String,
    pub tax_percent: String,
    pub included: bool,
}

impl PricingDraft {
    fn of(pricing: &ShopPricing) -> Self {
        Self {
            fee: pricing.delivery_fee.to_string(),
            free_from: pricing
                .free_delivery_from
                .map(|from| from.to_string())
                .unwrap_or_default(),
            tax_percent: (pricing.tax_rate * Decimal::ONE_HUNDRED)
                .normalize()
                .to_string(),
            included: pricing.prices_include_tax,
        }
    }

    /// The command the form describes, or every error in it.
    pub(super) fn command(&self) -> Result<UpdateShopPricing, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut amount = |field: &str, text: &str| {
            parse_price(field, text)
                .map_err(|error| errors.push(error))
                .unwrap_or_default()
        };
        let delivery_fee = amount("delivery_fee", &self.fee);
        let free_delivery_from = (!self.free_from.trim().is_empty())
            .then(|| amount("free_delivery_from", &self.free_from));
        let percent = self
            .tax_percent
            .trim()
            .trim_end_matches('%')
            .trim()
            .replace(',', ".");
        let tax_rate = percent.parse::<Decimal>().map(|p| p / Decimal::ONE_HUNDRED);
        let tax_rate = tax_rate.unwrap_or_else(|_| {
            errors.push(FieldError::new(
                "tax_rate",
                "Enter a percentage such as 10.",
            ));
            Decimal::ZERO
        });
        let command = UpdateShopPricing {
            pricing: ShopPricing {
                delivery_fee,
                free_delivery_from,
                tax_rate,
                prices_include_tax: self.included,
            },
        };
        checked(command, errors)
    }
}

/// The form; saving says what the shop now charges.
#[component]
fn PricingForm(pricing: ShopPricing) -> impl IntoView {
    let draft = PricingDraft::of(&pricing);
    let [fee, free_from, tax_percent] =
        [draft.fee, draft.free_from, draft.tax_percent].map(RwSignal::new);
    let included = RwSignal::new(draft.included);
    let feedback: Feedback = RwSignal::new(None);
    let saved = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = PricingDraft {
            fee: fee.get_untracked(),
            free_from: free_from.get_untracked(),
            tax_percent: tax_percent.get_untracked(),
            included: included.get_untracked(),
        };
        saved.set(None);
        match typed.command() {
            Err(errors) => feedback.set(Some(invalid(errors))),
            Ok(command) => {
                feedback.set(None);
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let outcome = update_shop_pricing(command.pricing).await;
                    if busy.is_disposed() {
                        return;
                    }
                    busy.set(false);
                    match outcome {
                        Ok(pricing) => saved.set(Some(said(&pricing))),
                        Err(error) => feedback.set(Some(error)),
                    }
                });
            }
        }
    };

    view! {
        <form class="card pricing-form" novalidate on:submit=submit aria-labelledby="pricing-heading">
            <h3 id="pricing-heading">"Delivery and tax"</h3>
            {move || feedback.get().map(|error| view! { <p class="alert" role="alert">{summary(&error)}</p> })}
            <div class="edit-grid">
                <Field label="Delivery fee" field="delivery_fee" id="pricing-fee" value=fee feedback
                    inputmode="decimal" hint="0 delivers for free."/>
                <Field label="Free delivery from" field="free_delivery_from" id="pricing-free" value=free_from
                    feedback inputmode="decimal" hint="Pizzas worth this much, after discounts, travel free. Empty: never."/>
                <Field label="Tax rate (%)" field="tax_rate" id="pricing-tax" value=tax_percent feedback
                    inputmode="decimal" hint="0 to 50."/>
                <Toggle name="prices_include_tax" checked=included label="Menu prices include the tax"/>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || busy.get()>"Save pricing"</button>
                <p class="form-status" role="status">{move || saved.get()}</p>
            </div>
        </form>
    }
}

/// "Saved: delivery $2.50 (free from $30.00), tax 10 % included."
fn said(pricing: &ShopPricing) -> String {
    let delivery = match (pricing.delivery_fee.is_zero(), pricing.free_delivery_from) {
        (true, _) => "free delivery".to_owned(),
        (false, None) => format!("delivery {}", money(pricing.delivery_fee)),
        (false, Some(from)) => format!(
            "delivery {} (free from {})",
            money(pricing.delivery_fee),
            money(from)
        ),
    };
    let percent = (pricing.tax_rate * Decimal::ONE_HUNDRED).normalize();
    let tax = if pricing.prices_include_tax {
        "included"
    } else {
        "added"
    };
    format!("Saved: {delivery}, tax {percent} % {tax}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn typed(fee: &str, free_from: &str, tax: &str) -> PricingDraft {
        PricingDraft {
            fee: fee.into(),
            free_from: free_from.into(),
            tax_percent: tax.into(),
            included: false,
        }
    }

    #[test]
    fn the_tax_is_typed_as_a_percentage_and_sent_as_a_fraction() {
        let command = typed("2.50", "30", "10 %").command().unwrap();
        assert_eq!(command.pricing.tax_rate, Decimal::new(1, 1));
        assert_eq!(
            command.pricing.free_delivery_from,
            Some(Decimal::new(30, 0))
        );
        assert_eq!(
            typed("0", "", "7,5")
                .command()
                .unwrap()
                .pricing
                .free_delivery_from,
            None
        );
        let round_trip = PricingDraft::of(&command.pricing);
        assert_eq!(
            (
                round_trip.tax_percent.as_str(),
                round_trip.free_from.as_str()
            ),
            ("10", "30")
        );
        assert_eq!(
            said(&command.pricing),
            "Saved: delivery $2.50 (free from $30.00), tax 10 % added."
        );
    }

    #[test]
    fn every_broken_field_is_named() {
        let fields = failing_fields(typed("two", "-1", "60").command());
        assert_eq!(fields, ["delivery_fee", "free_delivery_from", "tax_rate"]);
    }
}
