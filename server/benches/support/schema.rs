//! The tables a synthetic history fills, with their columns, as the migrations
//! (`server/migrations/*/0001`, `0004`, with the names `0010` gave) define them. The order
//! of [`TABLES`] is the order rows are written in: `orders` before `order_items`, which
//! references it.

/// One table and the columns a row gives values for, in that order.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// Filled by the projector, so `server rebuild-projections` recomputes it.
    pub read_model: bool,
}

/// A value of one column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Int(value)
    }
}

impl From<Option<String>> for Cell {
    fn from(text: Option<String>) -> Self {
        text.map_or(Cell::Null, Cell::Text)
    }
}

/// Indexes into [`TABLES`].
pub const EVENTS: usize = 0;
pub const ORDERS: usize = 1;
pub const ORDER_ITEMS: usize = 2;
pub const ORDER_DETAIL: usize = 3;
pub const ORDER_DETAIL_ITEMS: usize = 4;
pub const ORDER_TIMELINE: usize = 5;
pub const ORDER_SUMMARY: usize = 6;
pub const KITCHEN_QUEUE: usize = 7;
pub const CUSTOMER_HISTORY: usize = 8;
pub const CUSTOMER_PIZZA_COUNTS: usize = 9;
pub const CUSTOMER_OPEN_ORDERS: usize = 10;
pub const CUSTOMER_OPEN_ORDER_PIZZAS: usize = 11;
pub const POPULAR_PIZZAS: usize = 12;
pub const POPULAR_PIZZAS_OPEN_ORDERS: usize = 13;
pub const REVENUE: usize = 14;
pub const REVENUE_OPEN_ORDERS: usize = 15;

const ITEM_COLUMNS: &[&str] = &[
    "order_id",
    "line_no",
    "pizza_id",
    "pizza_name",
    "size",
    "toppings",
    "quantity",
    "special_instructions",
    "unit_price",
    "line_price",
];

pub static TABLES: [Table; 17] = [
    Table {
        name: "events",
        columns: &[
            "position",
            "stream_id",
            "stream_version",
            "event_type",
            "schema_version",
            "payload",
            "recorded_at",
            "correlation_id",
        ],
        read_model: false,
    },
    Table {
        name: "orders",
        columns: &[
            "id",
            "status",
            "customer_name",
            "customer_phone",
            "customer_address",
            "payment_method",
            "total_amount",
            "created_at",
            "estimated_ready_at",
            "version",
        ],
        read_model: false,
    },
    Table {
        name: "order_items",
        columns: ITEM_COLUMNS,
        read_model: false,
    },
    Table {
        name: "order_detail_view",
        columns: &[
            "order_id",
            "status",
            "customer_name",
            "customer_phone",
            "customer_address",
            "payment_method",
            "total_amount",
            "placed_at",
            "estimated_ready_at",
        ],
        read_model: true,
    },
    Table {
        name: "order_detail_items_view",
        columns: ITEM_COLUMNS,
        read_model: true,
    },
    Table {
        name: "order_timeline_view",
        columns: &["order_id", "event_position", "status", "at", "note"],
        read_model: true,
    },
    Table {
        name: "order_summary_view",
        columns: &[
            "order_id",
            "customer_key",
            "customer_phone",
            "customer_name",
            "status",
            "total_amount",
            "pizza_count",
            "placed_at",
            "estimated_ready_at",
        ],
        read_model: true,
    },
    Table {
        name: "kitchen_queue_view",
        columns: &[
            "order_id",
            "placed_position",
            "customer_name",
            "status",
            "placed_at",
            "pizza_count",
            "total_prep_minutes",
        ],
        read_model: true,
    },
    Table {
        name: "customer_history_view",
        columns: &[
            "customer_key",
            "customer_phone",
            "order_count",
            "total_spent",
        ],
        read_model: true,
    },
    Table {
        name: "customer_pizza_counts_view",
        columns: &["customer_key", "pizza_id", "pizza_name", "quantity"],
        read_model: true,
    },
    Table {
        name: "customer_open_orders_view",
        columns: &["order_id", "customer_key", "total_amount"],
        read_model: true,
    },
    Table {
        name: "customer_open_order_pizzas_view",
        columns: &["order_id", "pizza_id", "quantity"],
        read_model: true,
    },
    Table {
        name: "popular_pizzas_view",
        columns: &["day", "pizza_id", "pizza_name", "quantity", "orders"],
        read_model: true,
    },
    Table {
        name: "popular_pizzas_open_orders_view",
        columns: &["order_id", "pizza_id", "day", "quantity"],
        read_model: true,
    },
    Table {
        name: "revenue_view",
        columns: &["bucket", "bucket_start", "revenue", "order_count"],
        read_model: true,
    },
    Table {
        name: "revenue_open_orders_view",
        columns: &["order_id", "placed_at", "total_amount"],
        read_model: true,
    },
    // Written by the server's own seeding, never by the loader; listed so the loader
    // check compares it too.
    Table {
        name: "menu_view",
        columns: &[
            "pizza_id",
            "name",
            "description",
            "base_price",
            "category",
            "toppings",
            "preparation_minutes",
            "available",
            "sort_order",
        ],
        read_model: true,
    },
];

/// Rows waiting to be written, by table (indexes into [`TABLES`]).
#[derive(Debug, Default)]
pub struct Rows {
    tables: Vec<Vec<Vec<Cell>>>,
    len: usize,
}

impl Rows {
    pub fn new() -> Self {
        Self {
            tables: vec![Vec::new(); TABLES.len()],
            len: 0,
        }
    }

    /// Queues one row of `table`; `cells` follow its column list.
    pub fn push(&mut self, table: usize, cells: Vec<Cell>) {
        debug_assert_eq!(
            cells.len(),
            TABLES[table].columns.len(),
            "{}",
            TABLES[table].name
        );
        self.tables[table].push(cells);
        self.len += 1;
    }

    /// How many rows are queued, all tables together.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Takes every queued row, table by table in [`TABLES`] order.
    pub fn drain(&mut self) -> impl Iterator<Item = (&'static Table, Vec<Vec<Cell>>)> + '_ {
        self.len = 0;
        self.tables
            .iter_mut()
            .enumerate()
            .map(|(index, rows)| (&TABLES[index], std::mem::take(rows)))
            .filter(|(_, rows)| !rows.is_empty())
    }
}
