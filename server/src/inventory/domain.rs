//! The rules of ingredient stock, without a database: what an order needs of each
//! ingredient ([`needs`]), the opening recipes of the seeded pizzas ([`opening_recipe`]),
//! and how an extra topping is drawn from stock ([`topping_ingredient`]).
//!
//! Quantities are whole units of each ingredient (grams, millilitres or pieces). A recipe
//! is written for a medium pizza; a small one takes 0.8 of it and a large one 1.3, as
//! their prices do, rounded up so that a pizza never takes less than its recipe says.

use app::contracts::PizzaSize;
use std::collections::BTreeMap;

/// What every pizza is made on, unless its recipe says otherwise.
const DOUGH: (&str, i64) = ("dough", 250);
const TOMATO: (&str, i64) = ("tomato sauce", 80);
const MOZZARELLA: (&str, i64) = ("mozzarella", 120);
/// Grams of an extra topping on a medium pizza.
pub(crate) const EXTRA_TOPPING: i64 = 30;
/// A pizza is sold out when this size of it cannot be made: the smallest, so it stays on
/// the menu while any size of it can still be made.
pub(crate) const SOLD_OUT_SIZE: PizzaSize = PizzaSize::Small;

/// One ingredient of a recipe, for a medium pizza.
pub(crate) type RecipeLine = (&'static str, i64);

/// The medium recipe of a pizza of the opening menu; `None` for a pizza it does not know
/// (a manager's own, which then takes no stock until a recipe is written for it).
pub(crate) fn opening_recipe(pizza_id: &str) -> Option<Vec<RecipeLine>> {
    let own: &[RecipeLine] = match pizza_id {
        "margherita" => &[TOMATO, MOZZARELLA, ("basil", 3)],
        "pepperoni" => &[TOMATO, MOZZARELLA, ("pepperoni", 60)],
        "marinara" => &[TOMATO, ("garlic", 5), ("oregano", 2)],
        "hawaiian" => &[TOMATO, MOZZARELLA, ("ham", 60), ("pineapple", 60)],
        "diavola" => &[TOMATO, MOZZARELLA, ("spicy salami", 60)],
        "quattro-formaggi" => &[
            MOZZARELLA,
            ("gorgonzola", 40),
            ("parmesan", 20),
            ("fontina", 40),
        ],
        "capricciosa" => &[
            TOMATO,
            MOZZARELLA,
            ("ham", 40),
            ("mushrooms", 40),
            ("artichokes", 40),
        ],
        "funghi" => &[TOMATO, MOZZARELLA, ("mushrooms", 80)],
        "ortolana" => &[
            TOMATO,
            MOZZARELLA,
            ("courgette", 50),
            ("aubergine", 50),
            ("peppers", 50),
        ],
        "pesto-burrata" => &[("pesto", 40), ("burrata", 100), ("cherry tomatoes", 50)],
        "zucca" => &[
            ("pumpkin cream", 80),
            ("fennel sausage", 60),
            ("scamorza", 60),
            ("sage", 2),
        ],
        _ => return None,
    };
    Some(std::iter::once(DOUGH).chain(own.iter().copied()).collect())
}

/// The ingredient an extra topping is drawn from: "extra mozzarella" is mozzarella.
pub(crate) fn topping_ingredient(topping: &str) -> &str {
    topping.strip_prefix("extra ").unwrap_or(topping)
}

/// `medium` units scaled to `size`, rounded up.
pub(crate) fn for_size(medium: i64, size: PizzaSize) -> i64 {
    let tenths = match size {
        PizzaSize::Small => 8,
        PizzaSize::Medium => 10,
        PizzaSize::Large => 13,
    };
    (medium * tenths + 9) / 10
}

/// One line of an order as stock sees it.
pub(crate) struct Line<'a> {
    pub pizza_name: &'a str,
    pub size: PizzaSize,
    pub quantity: i64,
    /// The pizza's recipe at this size; empty when it has none.
    pub recipe: &'a [(String, i64)],
    pub toppings: &'a [String],
}

/// What an order needs of one ingredient, and the first pizza of the order that needs it
/// (named when the ingredient is short).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Need {
    pub quantity: i64,
    pub pizza_name: String,
}

/// What `lines` need of each ingredient, by ingredient name (sorted: a shortage names
/// the first ingredient short in this order).
/// Toppings with no ingredient of their name in `stocked` take no stock.
pub(crate) fn needs(lines: &[Line<'_>], stocked: impl Fn(&str) -> bool) -> BTreeMap<String, Need> {
    let mut needs: BTreeMap<String, Need> = BTreeMap::new();
    for line in lines {
        let recipe = line.recipe.iter().map(|(name, qty)| (name.as_str(), *qty));
        let extras = line.toppings.iter().map(|topping| {
            let ingredient = topping_ingredient(topping);
            (ingredient, for_size(EXTRA_TOPPING, line.size))
        });
        for (ingredient, each) in recipe.chain(extras) {
            if !stocked(ingredient) {
                continue;
            }
            let need = needs.entry(ingredient.to_owned()).or_insert_with(|| Need {
                quantity: 0,
                pizza_name: line.pizza_name.to_owned(),
            });
            need.quantity += each * line.quantity;
        }
    }
    needs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_pizza_has_dough_and_a_known_pizza_only() {
        for id in ["margherita", "marinara", "pesto-burrata", "zucca"] {
            let recipe = opening_recipe(id).unwrap();
            assert_eq!(recipe[0], DOUGH, "{id}");
        }
        assert!(opening_recipe("calzone-della-casa").is_none());
        let marinara = opening_recipe("marinara").unwrap();
        assert!(marinara.iter().all(|(name, _)| *name != "mozzarella"));
    }

    #[test]
    fn sizes_scale_like_prices_and_round_up() {
        assert_eq!(
            PizzaSize::ALL.map(|size| for_size(250, size)),
            [200, 250, 325]
        );
        assert_eq!(for_size(3, PizzaSize::Small), 3, "2.4 rounds up to 3");
        assert_eq!(for_size(3, PizzaSize::Large), 4, "3.9 rounds up to 4");
    }

    #[test]
    fn an_order_sums_its_lines_and_names_the_first_pizza_per_ingredient() {
        let margherita: Vec<(String, i64)> =
            vec![("dough".into(), 250), ("mozzarella".into(), 120)];
        let funghi: Vec<(String, i64)> = vec![("dough".into(), 325), ("mushrooms".into(), 104)];
        let toppings = vec!["extra mozzarella".to_owned(), "gold leaf".to_owned()];
        let lines = [
            Line {
                pizza_name: "Margherita",
                size: PizzaSize::Medium,
                quantity: 2,
                recipe: &margherita,
                toppings: &toppings,
            },
            Line {
                pizza_name: "Funghi",
                size: PizzaSize::Large,
                quantity: 1,
                recipe: &funghi,
                toppings: &[],
            },
        ];
        let needs = needs(&lines, |name| name != "gold leaf");
        let summary: Vec<(&str, i64, &str)> = needs
            .iter()
            .map(|(name, need)| (name.as_str(), need.quantity, need.pizza_name.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("dough", 2 * 250 + 325, "Margherita"),
                ("mozzarella", 2 * (120 + 30), "Margherita"),
                ("mushrooms", 104, "Funghi"),
            ]
        );
    }
}
