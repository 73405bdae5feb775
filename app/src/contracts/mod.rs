//! The requests the client and the REST API send, and the DTOs they get back.
//! Defined once here, compiled for both the browser (wasm) and the server.

mod accounts;
mod analytics;
mod caller;
mod catalog;
mod charges;
mod customers;
mod delivery;
mod driver_performance;
mod hours;
mod idempotency;
mod integration;
mod inventory;
mod kitchen;
mod kitchen_performance;
mod lifecycle;
mod live;
mod menu;
mod menu_admin;
mod notifications;
mod order_views;
mod orders;
mod outbox;
mod overview;
mod paging;
mod payments;
mod pricing;
mod profile;
mod rules;
mod shop_zone;
mod staff_accounts;
#[cfg(test)]
pub(crate) mod testing;
mod validation;

pub use accounts::{
    AccountBadge, AccountRole, MAX_EMAIL_LEN, MAX_PASSWORD_LEN, MIN_PASSWORD_LEN, RegisterCustomer,
    SignedIn, USERNAME_LEN, normalized_email, password_error, username_error,
};
pub use analytics::{
    GetOrderCountsByStatus, GetPopularPizzas, GetRevenue, MAX_POPULAR_DAYS, MAX_POPULAR_LIMIT,
    PopularPizza, RevenueBucket, StatusCount, TimeBucket, parse_date_or_time,
};
pub use caller::{Caller, CustomerUser, StaffRole, StaffUser};
pub use catalog::catalog;
pub use charges::{
    AddPromoCode, DiscountKind, GetPriceQuote, GetShopPricing, ListPromoCodes, MAX_TAX_RATE,
    PROMO_CODE_LEN, PromoCode, RemovePromoCode, ShopPricing, TotalBreakdown, UpdateShopPricing,
    promo_code,
};
pub use customers::{CustomerHistory, GetCustomerHistory, GetMyOrders, PizzaTally, phone_key};
pub use delivery::{DELIVERY_BOARD_LIMIT, DeliveryTicket, GetDeliveryBoard, ListDrivers};
pub use driver_performance::{DriverFigures, DriverPerformance, GetDriverPerformance, RoadFigures};
pub use hours::{
    DAY_NAMES, GetShopHours, GetShopStatus, MAX_CLOSURES, MAX_OPENINGS_A_DAY, MAX_TIMEZONE_LEN,
    MINUTES_A_DAY, Opening, OpeningHours, ShopHours, ShopStatus, UpdateShopHours, WEEKDAYS,
    WeeklyHours, clock_minutes,
};
pub use idempotency::{
    IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_HOURS, IdempotencyKey, MAX_IDEMPOTENCY_KEY_LEN,
    MIN_IDEMPOTENCY_KEY_LEN,
};
pub use integration::{
    CloudEvent, DEFAULT_EVENT_PAGE, IntegrationEvents, ListIntegrationEvents, MAX_EVENT_PAGE,
};
pub use inventory::{
    ListInventory, ListRecipes, MAX_STOCK, Recipe, RecipeIngredient, SetStock, StockLevel,
};
pub use kitchen::{GetKitchenQueue, KITCHEN_QUEUE_LIMIT, KitchenItem, KitchenTicket};
pub use kitchen_performance::{
    ChefFigures, CookingFigures, GetKitchenPerformance, HourCount, KitchenPerformance,
    MAX_PERFORMANCE_DAYS,
};
pub use lifecycle::{
    AssignDelivery, CancelOrder, MAX_COOK_MINUTES, MAX_DRIVER_LEN, MAX_REASON_LEN,
    MarkOrderDelivered, MarkOrderReady, MarkPizzaReady, OrderStatusChanged, StartCooking,
};
pub use live::{ORDER_UPDATE_EVENT, OrderUpdate};
pub use menu::{GetMenu, MenuItem, PizzaSize, distinct_categories};
pub use menu_admin::{
    AddPizza, EditablePizza, GetEditableMenu, MAX_DESCRIPTION_LEN, MAX_NAME_LEN, MenuChanged,
    RemovePizza, UpdatePizza,
};
pub use notifications::{
    DismissNotification, INBOX_LIMIT, Inbox, ListMyNotifications, MarkNotificationRead,
    Notification, NotificationChanged,
};
pub use order_views::{ListOrders, OrderSummary, OrderTimelineEntry, ReadyPizza};
pub use orders::{
    GetOrder, GetOrderStatus, OrderDetails, OrderLine, OrderLineRequest, OrderStatus,
    OrderStatusInfo, PaymentMethod, PlaceOrder, PlacedOrder,
};
pub use outbox::{
    DeadMessage, ListDeadMessages, MAX_DEAD_LISTED, MAX_MESSAGE_ID_LEN, MessageRetried,
    RetryMessage,
};
pub use overview::{DayFigures, GetOverview, Overview};
pub use paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page};
pub use payments::{CardDetails, MarkCashCollected, PaymentChanged, PaymentDetails, PaymentStatus};
pub use pricing::{TOPPING_PRICE, line_price, unit_price};
pub use profile::{GetMyProfile, Profile, UpdateMyProfile};
pub use shop_zone::{GetShopZone, ShopZone};
pub use staff_accounts::{
    AddStaffMember, ListStaff, ResetStaffPassword, StaffMember, UpdateStaffMember,
};
pub use validation::{MAX_QUANTITY, MAX_TEXT_LEN};
