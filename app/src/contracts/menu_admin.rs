//! Menu editing contracts: the staff commands that add, change and remove pizzas, and the
//! query that lists what the editor shows. Each command answers [`MenuChanged`]; the menu
//! customers see follows from the events they record.

use crate::contracts::rules::{max_text, minutes, price, required_text, slug, toppings, verdict};
use mediator::{FieldError, Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Longest pizza name or category, in characters.
pub const MAX_NAME_LEN: usize = 60;
/// Longest pizza description, in characters.
pub const MAX_DESCRIPTION_LEN: usize = 300;

/// What every menu command answers: 201 for `AddPizza`, 200 otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MenuChanged {
    pub pizza_id: String,
    /// Global position of the event the command appended: a menu query that asks to see
    /// at least this position shows this change.
    pub position: i64,
}

/// Puts a new pizza on the menu, available at once, after the pizzas already there.
/// An id already on the menu is a 409.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema), schema(example = json!({
    "id": "quattro-formaggi",
    "name": "Quattro Formaggi",
    "description": "Four cheeses",
    "base_price": "13.50",
    "category": "Classic",
    "available_toppings": ["basil"],
    "preparation_time_minutes": 14
})))]
#[serde(deny_unknown_fields)]
pub struct AddPizza {
    /// Slug: 2 to 40 lowercase letters, digits or dashes (`quattro-formaggi`).
    pub id: String,
    /// Not blank, at most [`MAX_NAME_LEN`] characters.
    pub name: String,
    /// At most [`MAX_DESCRIPTION_LEN`] characters.
    #[serde(default)]
    pub description: String,
    /// Price of a medium pizza: above zero, at most 1000, in whole cents.
    pub base_price: Decimal,
    /// Not blank, at most [`MAX_NAME_LEN`] characters.
    pub category: String,
    /// At most 20 distinct, named extra toppings of at most 40 characters each.
    #[serde(default)]
    pub available_toppings: Vec<String>,
    /// 1 to 120.
    pub preparation_time_minutes: u32,
    /// Offered for a season only; `GetMenu` can leave seasonal pizzas out. Default `false`.
    #[serde(default)]
    pub is_seasonal: bool,
}

/// Changes what is given of a pizza and leaves the rest; at least one change is needed.
/// An unknown pizza is a 404.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdatePizza {
    pub pizza_id: String,
    /// A new name: not blank, at most [`MAX_NAME_LEN`] characters.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub base_price: Option<Decimal>,
    /// `false` takes the pizza off the menu customers see, without removing it.
    #[serde(default)]
    pub available: Option<bool>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub available_toppings: Option<Vec<String>>,
    #[serde(default)]
    pub is_seasonal: Option<bool>,
}

/// Removes a pizza from the menu for good. An unknown pizza is a 404.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RemovePizza {
    pub pizza_id: String,
}

/// Lists every pizza on the menu in menu order, those taken off it (`available: false`)
/// included: what the menu editor shows. `GetMenu` leaves those out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetEditableMenu {
    /// Wait (at most 2 s) until the menu view includes this event position, e.g.
    /// [`MenuChanged::position`].
    #[serde(default)]
    pub min_position: Option<i64>,
}

impl Request for GetEditableMenu {
    type Response = Vec<EditablePizza>;
    const KIND: RequestKind = RequestKind::Query;
}

/// One pizza as the menu editor shows it: what [`AddPizza`] sets and whether customers
/// see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EditablePizza {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Price of a medium pizza without extra toppings.
    pub base_price: Decimal,
    pub category: String,
    pub available_toppings: Vec<String>,
    pub preparation_time_minutes: u32,
    /// Whether customers see it on the menu.
    pub available: bool,
    /// Offered for a season only.
    pub is_seasonal: bool,
}

impl Request for AddPizza {
    type Response = MenuChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        slug(&mut errors, "id", &self.id);
        required_text(&mut errors, "name", &self.name, MAX_NAME_LEN);
        max_text(
            &mut errors,
            "description",
            &self.description,
            MAX_DESCRIPTION_LEN,
        );
        price(&mut errors, "base_price", self.base_price);
        required_text(&mut errors, "category", &self.category, MAX_NAME_LEN);
        toppings(&mut errors, "available_toppings", &self.available_toppings);
        let field = "preparation_time_minutes";
        minutes(&mut errors, field, self.preparation_time_minutes);
        verdict(errors)
    }
}

impl Request for UpdatePizza {
    type Response = MenuChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        slug(&mut errors, "pizza_id", &self.pizza_id);
        if let Some(value) = &self.name {
            required_text(&mut errors, "name", value, MAX_NAME_LEN);
        }
        if let Some(value) = self.base_price {
            price(&mut errors, "base_price", value);
        }
        if let Some(value) = &self.description {
            max_text(&mut errors, "description", value, MAX_DESCRIPTION_LEN);
        }
        if let Some(values) = &self.available_toppings {
            toppings(&mut errors, "available_toppings", values);
        }
        if !self.changes_something() {
            // No single field is at fault; "." names the whole body, as for JSON errors.
            errors.push(FieldError::new(
                ".",
                "Give at least one of name, base_price, available, description, \
                 available_toppings or is_seasonal.",
            ));
        }
        verdict(errors)
    }
}

impl UpdatePizza {
    /// An update of `pizza_id` that changes nothing yet: set the fields that change.
    pub fn of(pizza_id: impl Into<String>) -> Self {
        Self {
            pizza_id: pizza_id.into(),
            name: None,
            base_price: None,
            available: None,
            description: None,
            available_toppings: None,
            is_seasonal: None,
        }
    }

    /// Whether the command names at least one change.
    pub fn changes_something(&self) -> bool {
        self.name.is_some()
            || self.base_price.is_some()
            || self.available.is_some()
            || self.description.is_some()
            || self.available_toppings.is_some()
            || self.is_seasonal.is_some()
    }
}

impl Request for RemovePizza {
    type Response = MenuChanged;
    const KIND: RequestKind = RequestKind::Command;

    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        slug(&mut errors, "pizza_id", &self.pizza_id);
        verdict(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contracts::testing::failing_fields;

    fn calzone() -> AddPizza {
        AddPizza {
            id: "calzone".into(),
            name: "Calzone".into(),
            description: "Folded, filled with ricotta and salami.".into(),
            base_price: Decimal::new(1350, 2),
            category: "Specialty".into(),
            available_toppings: vec!["mushrooms".into(), "olives".into()],
            preparation_time_minutes: 15,
            is_seasonal: false,
        }
    }

    fn nothing_changed() -> UpdatePizza {
        UpdatePizza::of("margherita")
    }

    fn fields(result: Result<(), Vec<FieldError>>) -> Vec<String> {
        failing_fields(result)
    }

    #[test]
    fn a_complete_new_pizza_has_no_errors() {
        assert_eq!(calzone().validate(), Ok(()));
    }

    #[test]
    fn every_broken_field_of_a_new_pizza_is_reported_at_once() {
        let pizza = AddPizza {
            id: "Calzone!".into(),
            name: " ".into(),
            description: "x".repeat(MAX_DESCRIPTION_LEN + 1),
            base_price: Decimal::ZERO,
            category: "x".repeat(MAX_NAME_LEN + 1),
            available_toppings: vec!["olives".into(), "olives".into()],
            preparation_time_minutes: 0,
            is_seasonal: true,
        };
        let expected = [
            "id",
            "name",
            "description",
            "base_price",
            "category",
            "available_toppings",
            "preparation_time_minutes",
        ];
        assert_eq!(fields(pizza.validate()), expected);
    }

    #[test]
    fn an_update_without_any_change_is_refused() {
        assert_eq!(fields(nothing_changed().validate()), ["."]);
        let hide = UpdatePizza {
            available: Some(false),
            ..nothing_changed()
        };
        assert_eq!(hide.validate(), Ok(()));
    }

    #[test]
    fn an_update_checks_only_the_fields_it_changes() {
        let update = UpdatePizza {
            base_price: Some(Decimal::new(12_345, 3)),
            available_toppings: Some(vec![String::new()]),
            ..nothing_changed()
        };
        assert_eq!(
            fields(update.validate()),
            ["base_price", "available_toppings[0]"]
        );
        let rename = |name: &str| {
            UpdatePizza {
                name: Some(name.into()),
                ..nothing_changed()
            }
            .validate()
        };
        assert_eq!(rename("Margherita DOP"), Ok(()));
        assert_eq!(fields(rename("  ")), ["name"]);
        assert_eq!(fields(rename(&"x".repeat(MAX_NAME_LEN + 1))), ["name"]);
    }

    #[test]
    fn marking_a_pizza_seasonal_is_a_change() {
        let seasonal = UpdatePizza {
            is_seasonal: Some(true),
            ..nothing_changed()
        };
        assert_eq!(seasonal.validate(), Ok(()));
    }

    #[test]
    fn a_removal_names_a_pizza_by_its_slug() {
        let remove = |id: &str| {
            RemovePizza {
                pizza_id: id.into(),
            }
            .validate()
        };
        assert_eq!(remove("margherita"), Ok(()));
        assert_eq!(fields(remove("")), ["pizza_id"]);
    }

    #[test]
    fn missing_optional_fields_read_as_no_change() {
        let json = r#"{"pizza_id":"funghi","base_price":"11.50"}"#;
        let update: UpdatePizza = serde_json::from_str(json).unwrap();
        assert_eq!(update.base_price, Some(Decimal::new(1150, 2)));
        assert_eq!(update.available, None);
        assert_eq!(update.validate(), Ok(()));
    }
}
