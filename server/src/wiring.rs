//! Composition root of the mediator: every behavior, in order, and every handler.
//! Adding a command or query means adding one line here; a contract of
//! `app::contracts::catalog` without a handler makes start-up fail, naming the type.

use crate::analytics::queries::{
    GetDriverPerformanceHandler, GetKitchenPerformanceHandler, GetOrderCountsByStatusHandler,
    GetOverviewHandler, GetPopularPizzasHandler, GetRevenueHandler,
};
use crate::analytics::views::{
    DriverPerformanceView, KitchenPerformanceView, PopularPizzasView, RevenueView, ServiceTimesView,
};
use crate::customers::{
    CreateCustomerAccount, CreateCustomerAccountHandler, GetMyProfileHandler,
    UpdateMyProfileHandler,
};
use crate::db::{Backend, SqlUnitOfWork, Writer};
use crate::events::Correlate;
use crate::hours::commands::UpdateShopHoursHandler;
use crate::hours::queries::{GetShopHoursHandler, GetShopStatusHandler, GetShopZoneHandler};
use crate::hours::{HoursEvent, OpenForOrders, ShopClock};
use crate::idempotency::KeyTurns;
use crate::integration::queries::ListIntegrationEventsHandler;
use crate::inventory::commands::SetStockHandler;
use crate::inventory::queries::{ListInventoryHandler, ListRecipesHandler};
use crate::inventory::views::SoldOutView;
use crate::inventory::{InventoryEvent, RecipeBook};
use crate::kitchen::KitchenLimits;
use crate::kitchen::views::KitchenWorkloadView;
use crate::live::{
    LiveFeed, LiveUpdates, WatchKitchen, WatchKitchenHandler, WatchOrder, WatchOrderHandler,
};
use crate::menu::MenuEvent;
use crate::menu::commands::{AddPizzaHandler, RemovePizzaHandler, UpdatePizzaHandler};
use crate::menu::queries::{GetEditableMenuHandler, GetMenuHandler};
use crate::menu::views::{MenuView, MenuViewCaughtUp};
use crate::notifications::{
    ListMyNotificationsHandler, NotificationChangeHandler, NotificationInboxView,
};
use crate::orders::OrderLimits;
use crate::orders::commands::{
    AssignDeliveryHandler, CancelOrderHandler, MarkPizzaReadyHandler, PlaceOrderHandler,
    StartCookingHandler, StepHandler,
};
use crate::orders::queries::{
    GetCustomerHistoryHandler, GetDeliveryBoardHandler, GetKitchenQueueHandler, GetMyOrdersHandler,
    GetOrderHandler, GetOrderStatusHandler, GetPriceQuoteHandler, ListOrdersHandler,
};
use crate::orders::views::{
    CustomerHistoryView, DeliveryBoardView, KitchenQueueView, OrderDetailView, OrderSummaryView,
};
use crate::outbox::OutboxProjection;
use crate::outbox::commands::RetryMessageHandler;
use crate::outbox::queries::ListDeadMessagesHandler;
use crate::payments::Payments;
use crate::payments::commands::{
    MarkCashCollectedHandler, ProcessPaymentHandler, RefundPaymentHandler,
};
use crate::payments::views::OrderPaymentView;
use crate::pricing::commands::{
    AddPromoCodeHandler, RemovePromoCodeHandler, UpdateShopPricingHandler,
};
use crate::pricing::queries::{GetShopPricingHandler, ListPromoCodesHandler};
use crate::projections::{Projection, ProjectionWatch, ReadModels};
use crate::staff::commands::{
    AddStaffMemberHandler, ResetStaffPasswordHandler, UpdateStaffMemberHandler,
};
use crate::staff::queries::ListStaffHandler;
use crate::staff::{ANY_STAFF, Authorization, ListDriversHandler};
use app::contracts::StaffRole::{Chef, Driver};
use app::contracts::{
    AddPizza, AssignDelivery, CancelOrder, GetMenu, GetOrder, GetOrderStatus, MarkCashCollected,
    MarkOrderDelivered, MarkOrderReady, MarkPizzaReady, PlaceOrder, RemovePizza, StartCooking,
    UpdatePizza,
};
use app::contracts::{
    AddPromoCode, GetPriceQuote, GetShopHours, GetShopPricing, GetShopStatus, GetShopZone,
    ListPromoCodes, RemovePromoCode, UpdateShopHours, UpdateShopPricing,
};
use app::contracts::{
    AddStaffMember, ListDeadMessages, ListStaff, ResetStaffPassword, RetryMessage,
    UpdateStaffMember,
};
use app::contracts::{
    DismissNotification, GetMyProfile, ListMyNotifications, MarkNotificationRead, UpdateMyProfile,
};
use app::contracts::{
    GetCustomerHistory, GetDeliveryBoard, GetDriverPerformance, GetKitchenPerformance,
    GetKitchenQueue, GetMyOrders, GetOverview, GetPopularPizzas, GetRevenue, ListDrivers,
    ListOrders,
};
use app::contracts::{GetEditableMenu, GetOrderCountsByStatus};
use app::contracts::{ListIntegrationEvents, ListInventory, ListRecipes, SetStock};
use mediator::{
    Behavior, BuildError, CachePolicy, Caching, HandlersBuilder, Mediator, MediatorBuilder,
    Metrics, Only, Tracing, Transactional, Validation,
};
use sqlx::AnyPool;
use std::time::Duration;

/// What handlers and behaviors are built from.
pub(crate) struct Services {
    pub pool: AnyPool,
    pub backend: Backend,
    /// Orders that may be cooking at once (`StartCooking` refuses more with 503).
    pub kitchen_capacity: u32,
    /// The longest wait `PlaceOrder` takes an order for (503 beyond); `None`: any.
    pub kitchen_max_wait_minutes: Option<u32>,
    /// The largest order `PlaceOrder` takes.
    pub order_limits: OrderLimits,
    /// Where every command writes (one connection, group commit); the projector too.
    pub writer: Writer,
    /// The projector's progress, for queries that read their own writes.
    pub views: ProjectionWatch,
    /// Where card orders are charged and refunded (`PAYMENT_GATEWAY`).
    pub payments: Payments,
    /// The opening hours placements are held to.
    pub clock: ShopClock,
}

/// Every read model the projector maintains, in the order it applies them, and the
/// outbox, which stores no event for a sink.
pub(crate) fn projections() -> Vec<Box<dyn Projection>> {
    projections_with(OutboxProjection::default())
}

/// [`projections`] with `outbox` as the last.
pub(crate) fn projections_with(outbox: OutboxProjection) -> Vec<Box<dyn Projection>> {
    vec![
        Box::new(MenuView),
        Box::new(SoldOutView),
        Box::new(OrderDetailView),
        Box::new(OrderPaymentView),
        Box::new(OrderSummaryView),
        Box::new(KitchenQueueView),
        Box::new(KitchenWorkloadView),
        Box::new(DeliveryBoardView),
        Box::new(CustomerHistoryView),
        Box::new(NotificationInboxView),
        Box::new(PopularPizzasView),
        Box::new(RevenueView),
        Box::new(ServiceTimesView),
        Box::new(KitchenPerformanceView),
        Box::new(DriverPerformanceView),
        Box::new(outbox),
    ]
}

/// The menu changes rarely and only through staff commands, whose events clear the cache
/// at once; the minute is a bound for changes made outside this process. `GetMenu` reads
/// the menu view, which the projector updates a moment after the command commits: the
/// cache is cleared only once the view caught up (`MenuViewCaughtUp`), so a read in that
/// moment cannot keep the old menu cached.
const MENU_CACHE: CachePolicy = CachePolicy {
    ttl: Duration::from_secs(60),
    capacity: 32,
};

/// Who may send what: the one table of request policies. A manager passes every staff
/// policy; a request missing here is refused to everyone (deny by default).
///
/// Anyone may read the menu, place an order and read it by its id (an unguessable UUID,
/// the customer's capability). A signed-in customer reads and changes only their own
/// profile, orders and notifications: those handlers take the account from the caller,
/// never from the request. An anonymous `CancelOrder` passes here and its handler
/// refuses it once the order left `pending`.
fn authorization() -> Authorization {
    Authorization::new()
        .public::<GetMenu>()
        .public::<PlaceOrder>()
        .public::<GetOrder>()
        .public::<GetOrderStatus>()
        .public::<WatchOrder>()
        .public::<GetPriceQuote>()
        .public::<GetShopHours>()
        .public::<GetShopStatus>()
        .public::<GetShopZone>()
        // A phone number is no secret: a guest's history by phone is for staff only.
        .staff::<GetCustomerHistory>(ANY_STAFF)
        .customers::<GetMyOrders>()
        .signed_in::<GetMyProfile>()
        .customers::<UpdateMyProfile>()
        .customers::<ListMyNotifications>()
        .customers::<MarkNotificationRead>()
        .customers::<DismissNotification>()
        // Sent only by the sign-up, after the contract's rules and the password hash.
        .public::<CreateCustomerAccount>()
        .customer_or_staff::<CancelOrder>(&[Chef])
        .staff::<StartCooking>(&[Chef])
        .staff::<MarkOrderReady>(&[Chef])
        .staff::<MarkPizzaReady>(&[Chef])
        .staff::<AssignDelivery>(&[Driver])
        .staff::<MarkOrderDelivered>(&[Driver])
        .staff::<MarkCashCollected>(&[Driver])
        .staff::<GetKitchenQueue>(&[Chef])
        .staff::<GetDeliveryBoard>(&[Driver])
        .staff::<ListDrivers>(&[Driver])
        .staff::<ListOrders>(ANY_STAFF)
        .staff::<WatchKitchen>(ANY_STAFF)
        .managers::<AddPizza>()
        .managers::<UpdatePizza>()
        .managers::<RemovePizza>()
        .managers::<GetEditableMenu>()
        .managers::<GetOrderCountsByStatus>()
        .managers::<GetPopularPizzas>()
        .managers::<GetRevenue>()
        .managers::<GetOverview>()
        .managers::<GetKitchenPerformance>()
        .managers::<GetDriverPerformance>()
        .managers::<GetShopPricing>()
        .managers::<UpdateShopPricing>()
        .managers::<UpdateShopHours>()
        .managers::<ListPromoCodes>()
        .managers::<AddPromoCode>()
        .managers::<RemovePromoCode>()
        .managers::<ListInventory>()
        .managers::<SetStock>()
        .managers::<ListRecipes>()
        // Every event, customers' names and addresses too: for staff and their services.
        .staff::<ListIntegrationEvents>(ANY_STAFF)
        .managers::<ListDeadMessages>()
        .managers::<ListStaff>()
        .managers::<AddStaffMember>()
        .managers::<UpdateStaffMember>()
        .managers::<ResetStaffPassword>()
        .managers::<RetryMessage>()
}

/// Builds the mediator with its pipeline and handlers. The order of behaviors is the
/// order they wrap a request, outermost first:
/// 1. `Tracing`: one span per request and event; logs each failure once, with its cause.
/// 2. `Correlate`: gives the request a correlation id, stored with every event it causes.
/// 3. `Metrics`: counts and times every request for `GET /metrics`.
/// 4. `Authorization`: refuses callers the request's policy (see [`authorization`])
///    does not admit, 401 or 403, before they can learn anything from validation.
/// 5. `Validation`: refuses invalid input with 422 before anything else runs.
/// 6. `OpenForOrders`: refuses `PlaceOrder` outside the opening hours with 422.
/// 7. `Caching`: answers cached queries; sees events to invalidate them.
/// 8. `Transactional`: wraps commands in a transaction committed only on success, so
///    their events are published only after commit. Not `PlaceOrder`, which charges a
///    card first and then opens one the same way (`Transactional::begin` and `end`).
///
/// The SSE streams it opens follow `live`, the feed the projector publishes to.
pub(crate) fn build_mediator_with(
    services: &Services,
    live: &LiveFeed,
) -> Result<Mediator, BuildError> {
    let Services { writer, .. } = services;
    let caching = Caching::new()
        .query::<GetMenu>(MENU_CACHE)
        .invalidated_by::<GetMenu, MenuEvent>()
        .invalidated_by::<GetMenu, InventoryEvent>();
    let unit_of_work = SqlUnitOfWork {
        writer: writer.clone(),
    };
    let pipeline = Mediator::builder()
        .behavior(Tracing)
        .behavior(Correlate)
        .behavior(Metrics)
        .behavior(authorization())
        .behavior(Validation)
        .behavior(Only::request::<PlaceOrder>(OpenForOrders {
            clock: services.clock.clone(),
            pool: services.pool.clone(),
        }))
        .behavior(caching)
        // `PlaceOrder` opens its own, once the card is charged; the staff commands with a
        // password, once it is hashed.
        .behavior(Only::except::<(
            PlaceOrder,
            AddStaffMember,
            ResetStaffPassword,
        )>(Transactional::new(unit_of_work)));
    let handlers = streams(pipeline, services, live);
    write_side(read_side(handlers, services), services)
        .expect_all(app::contracts::catalog())
        .build()
}

/// [`build_mediator_with`] a feed no projector publishes to: the handler tests
/// (`testing.rs`) open no stream.
#[cfg(test)]
pub(crate) fn build_mediator(services: &Services) -> Result<Mediator, BuildError> {
    build_mediator_with(services, &LiveFeed::default())
}

/// Registers what opens the SSE streams: subscriptions to `live` that replay what a
/// client missed from the event store.
fn streams<B: Behavior>(
    builder: MediatorBuilder<B>,
    services: &Services,
    live: &LiveFeed,
) -> HandlersBuilder<B> {
    let live = LiveUpdates {
        feed: live.clone(),
        pool: services.pool.clone(),
        views: services.views.clone(),
    };
    builder
        .handler::<WatchKitchen, _>(WatchKitchenHandler { live: live.clone() })
        .handler::<WatchOrder, _>(WatchOrderHandler { live })
}

/// Registers every command handler, each writing through the unit of work.
fn write_side<B: Behavior>(builder: HandlersBuilder<B>, services: &Services) -> HandlersBuilder<B> {
    builder
        .handler::<PlaceOrder, _>(PlaceOrderHandler {
            limits: services.order_limits.clone(),
            payments: ProcessPaymentHandler {
                gateway: services.payments.clone(),
            },
            recipes: RecipeBook::default(),
            pool: services.pool.clone(),
            unit: Transactional::new(SqlUnitOfWork {
                writer: services.writer.clone(),
            }),
            turns: KeyTurns::default(),
            kitchen: KitchenLimits {
                capacity: services.kitchen_capacity,
                max_wait_minutes: services.kitchen_max_wait_minutes,
            },
        })
        .handler::<AddStaffMember, _>(AddStaffMemberHandler {
            unit: Transactional::new(SqlUnitOfWork {
                writer: services.writer.clone(),
            }),
        })
        .handler::<UpdateStaffMember, _>(UpdateStaffMemberHandler)
        .handler::<ResetStaffPassword, _>(ResetStaffPasswordHandler {
            unit: Transactional::new(SqlUnitOfWork {
                writer: services.writer.clone(),
            }),
        })
        .handler::<StartCooking, _>(StartCookingHandler {
            capacity: services.kitchen_capacity,
        })
        .handler::<MarkOrderReady, _>(StepHandler)
        .handler::<MarkPizzaReady, _>(MarkPizzaReadyHandler)
        .handler::<AssignDelivery, _>(AssignDeliveryHandler {
            pool: services.pool.clone(),
        })
        .handler::<MarkOrderDelivered, _>(StepHandler)
        .handler::<CancelOrder, _>(CancelOrderHandler {
            refunds: RefundPaymentHandler {
                gateway: services.payments.clone(),
            },
        })
        .handler::<MarkCashCollected, _>(MarkCashCollectedHandler)
        .handler::<CreateCustomerAccount, _>(CreateCustomerAccountHandler)
        .handler::<UpdateMyProfile, _>(UpdateMyProfileHandler)
        .handler::<MarkNotificationRead, _>(NotificationChangeHandler)
        .handler::<DismissNotification, _>(NotificationChangeHandler)
        .handler::<AddPizza, _>(AddPizzaHandler)
        .handler::<UpdatePizza, _>(UpdatePizzaHandler)
        .handler::<RemovePizza, _>(RemovePizzaHandler)
        .handler::<UpdateShopPricing, _>(UpdateShopPricingHandler)
        .handler::<UpdateShopHours, _>(UpdateShopHoursHandler)
        .handler::<AddPromoCode, _>(AddPromoCodeHandler)
        .handler::<RemovePromoCode, _>(RemovePromoCodeHandler)
        .handler::<SetStock, _>(SetStockHandler)
        .handler::<RetryMessage, _>(RetryMessageHandler)
}

/// Registers every query handler, each reading only read models, and what keeps the
/// menu cache from outliving a menu change.
fn read_side<B: Behavior>(builder: HandlersBuilder<B>, services: &Services) -> HandlersBuilder<B> {
    let read = ReadModels {
        pool: services.pool.clone(),
        backend: services.backend,
        views: services.views.clone(),
    };
    let caught_up = MenuViewCaughtUp {
        pool: services.pool.clone(),
        views: services.views.clone(),
    };
    builder
        .handler::<GetMenu, _>(GetMenuHandler {
            pool: services.pool.clone(),
        })
        .handler::<GetOrder, _>(GetOrderHandler {
            read: read.clone(),
            kitchen_capacity: services.kitchen_capacity,
        })
        .handler::<GetOrderStatus, _>(GetOrderStatusHandler {
            read: read.clone(),
            kitchen_capacity: services.kitchen_capacity,
        })
        .handler::<ListOrders, _>(ListOrdersHandler { read: read.clone() })
        .handler::<GetCustomerHistory, _>(GetCustomerHistoryHandler { read: read.clone() })
        .handler::<GetMyOrders, _>(GetMyOrdersHandler { read: read.clone() })
        .handler::<GetMyProfile, _>(GetMyProfileHandler { read: read.clone() })
        .handler::<ListMyNotifications, _>(ListMyNotificationsHandler { read: read.clone() })
        .handler::<GetKitchenQueue, _>(GetKitchenQueueHandler { read: read.clone() })
        .handler::<GetDeliveryBoard, _>(GetDeliveryBoardHandler { read: read.clone() })
        // The staff accounts are no read model: they are read where they are kept.
        .handler::<ListDrivers, _>(ListDriversHandler {
            pool: services.pool.clone(),
        })
        .handler::<ListStaff, _>(ListStaffHandler {
            pool: services.pool.clone(),
        })
        .handler::<GetEditableMenu, _>(GetEditableMenuHandler { read: read.clone() })
        .handler::<GetOrderCountsByStatus, _>(GetOrderCountsByStatusHandler {
            read: read.clone(),
            clock: services.clock.clone(),
        })
        .handler::<GetPopularPizzas, _>(GetPopularPizzasHandler {
            read: read.clone(),
            clock: services.clock.clone(),
        })
        .handler::<GetOverview, _>(GetOverviewHandler {
            read: read.clone(),
            clock: services.clock.clone(),
        })
        .handler::<GetKitchenPerformance, _>(GetKitchenPerformanceHandler {
            read: read.clone(),
            clock: services.clock.clone(),
        })
        .handler::<GetDriverPerformance, _>(GetDriverPerformanceHandler {
            read: read.clone(),
            clock: services.clock.clone(),
        })
        .handler::<GetRevenue, _>(GetRevenueHandler {
            read,
            clock: services.clock.clone(),
        })
        // Pricing is read where it is kept: one row, and what placing charges by.
        .handler::<GetPriceQuote, _>(GetPriceQuoteHandler {
            pool: services.pool.clone(),
        })
        .handler::<GetShopPricing, _>(GetShopPricingHandler {
            pool: services.pool.clone(),
        })
        .handler::<GetShopHours, _>(GetShopHoursHandler {
            clock: services.clock.clone(),
        })
        .handler::<GetShopStatus, _>(GetShopStatusHandler {
            clock: services.clock.clone(),
        })
        .handler::<GetShopZone, _>(GetShopZoneHandler {
            clock: services.clock.clone(),
        })
        .handler::<ListPromoCodes, _>(ListPromoCodesHandler {
            pool: services.pool.clone(),
        })
        .handler::<ListInventory, _>(ListInventoryHandler {
            pool: services.pool.clone(),
        })
        .handler::<ListRecipes, _>(ListRecipesHandler {
            pool: services.pool.clone(),
        })
        .handler::<ListIntegrationEvents, _>(ListIntegrationEventsHandler {
            pool: services.pool.clone(),
        })
        .handler::<ListDeadMessages, _>(ListDeadMessagesHandler {
            pool: services.pool.clone(),
        })
        .event_handler::<MenuEvent, _>(caught_up.clone())
        .event_handler::<InventoryEvent, _>(caught_up)
        .event_handler::<HoursEvent, _>(services.clock.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::test_app;
    use mediator::BuildProblem;

    #[tokio::test]
    async fn a_contract_without_a_handler_makes_start_up_fail_naming_it() {
        let app = test_app().await;
        let live = LiveFeed::default();
        // The server's handlers without the write side's.
        let error = read_side(
            streams(Mediator::builder(), &app.services, &live),
            &app.services,
        )
        .expect_all(app::contracts::catalog())
        .build()
        .map(|_| ())
        .expect_err("the commands have no handler");
        let missing: Vec<_> = error.problems().to_vec();
        let commands = [
            "PlaceOrder",
            "StartCooking",
            "MarkOrderReady",
            "MarkPizzaReady",
            "AssignDelivery",
            "MarkOrderDelivered",
            "CancelOrder",
            "MarkCashCollected",
            "AddPizza",
            "UpdatePizza",
            "RemovePizza",
            "UpdateShopPricing",
            "UpdateShopHours",
            "AddPromoCode",
            "RemovePromoCode",
            "SetStock",
            "RetryMessage",
            "UpdateMyProfile",
            "MarkNotificationRead",
            "DismissNotification",
            "AddStaffMember",
            "UpdateStaffMember",
            "ResetStaffPassword",
        ];
        assert_eq!(
            missing,
            commands.map(BuildProblem::MissingHandler).to_vec(),
            "{error}"
        );
    }
}
