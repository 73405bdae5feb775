//! Menu contracts: the `GetMenu` query and the pizza cards it returns.

use mediator::{Request, RequestKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Lists the pizzas on the menu, optionally only those of one category. By default the
/// pizzas customers can order: seasonal ones included, those taken off the menu left out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct GetMenu {
    /// Category name as shown on the menu (case-insensitive match); `None` lists all.
    #[serde(default)]
    pub category: Option<String>,
    /// Also list pizzas customers cannot order now (`available: false`). Default `false`.
    #[serde(default)]
    pub include_unavailable: bool,
    /// List seasonal pizzas (`is_seasonal: true`). Default `true`.
    #[serde(default = "yes")]
    pub include_seasonal: bool,
}

impl Default for GetMenu {
    fn default() -> Self {
        Self {
            category: None,
            include_unavailable: false,
            include_seasonal: true,
        }
    }
}

fn yes() -> bool {
    true
}

impl Request for GetMenu {
    type Response = Vec<MenuItem>;
    const KIND: RequestKind = RequestKind::Query;
}

/// The distinct categories among `categories`, in the order they first appear; two
/// spellings that differ only in case are one category, named as first seen.
pub fn distinct_categories<'a>(categories: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut distinct: Vec<String> = Vec::new();
    for category in categories {
        if !distinct
            .iter()
            .any(|known| known.eq_ignore_ascii_case(category))
        {
            distinct.push(category.to_owned());
        }
    }
    distinct
}

/// A pizza size; its price is the base price times [`PizzaSize::multiplier`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum PizzaSize {
    Small,
    Medium,
    Large,
}

impl PizzaSize {
    /// Every size, smallest first.
    pub const ALL: [PizzaSize; 3] = [PizzaSize::Small, PizzaSize::Medium, PizzaSize::Large];

    /// Price multiplier applied to the base price: 0.8 / 1.0 / 1.3.
    pub fn multiplier(self) -> Decimal {
        match self {
            PizzaSize::Small => Decimal::new(8, 1),
            PizzaSize::Medium => Decimal::ONE,
            PizzaSize::Large => Decimal::new(13, 1),
        }
    }

    /// Lower-case name as used in JSON and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            PizzaSize::Small => "small",
            PizzaSize::Medium => "medium",
            PizzaSize::Large => "large",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|size| size.as_str() == value)
    }
}

/// One pizza on the menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MenuItem {
    /// Slug, e.g. `margherita`.
    pub id: String,
    pub name: String,
    pub description: String,
    /// Price of a medium pizza without extra toppings, serialized as a decimal string.
    pub base_price: Decimal,
    pub category: String,
    pub available_sizes: Vec<PizzaSize>,
    /// Extra toppings a customer may add, each at [`crate::contracts::TOPPING_PRICE`].
    pub available_toppings: Vec<String>,
    pub preparation_time_minutes: u32,
    /// Whether customers can order it now; `false` only when the query asked for
    /// `include_unavailable`.
    pub available: bool,
    /// Offered for a season only.
    pub is_seasonal: bool,
    /// An ingredient of it ran out (see `ListInventory`); listed only with
    /// `include_unavailable`, then with `available: false`.
    #[serde(default)]
    pub sold_out: bool,
}
