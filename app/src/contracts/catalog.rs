//! [`catalog`]: every command and query the browser and the REST API send. The server's
//! mediator is built against it, so a contract added here without a handler there makes
//! start-up fail, naming the type.

use super::{
    AddPizza, AddPromoCode, AddStaffMember, AssignDelivery, CancelOrder, DismissNotification,
    GetCustomerHistory, GetDeliveryBoard, GetDriverPerformance, GetEditableMenu,
    GetKitchenPerformance, GetKitchenQueue, GetMenu, GetMyOrders, GetMyProfile, GetOrder,
    GetOrderCountsByStatus, GetOrderStatus, GetOverview, GetPopularPizzas, GetPriceQuote,
    GetRevenue, GetShopHours, GetShopPricing, GetShopStatus, GetShopZone, ListDeadMessages,
    ListDrivers, ListIntegrationEvents, ListInventory, ListMyNotifications, ListOrders,
    ListPromoCodes, ListRecipes, ListStaff, MarkCashCollected, MarkNotificationRead,
    MarkOrderDelivered, MarkOrderReady, MarkPizzaReady, PlaceOrder, RemovePizza, RemovePromoCode,
    ResetStaffPassword, RetryMessage, SetStock, StartCooking, UpdateMyProfile, UpdatePizza,
    UpdateShopHours, UpdateShopPricing, UpdateStaffMember,
};
use mediator::Catalog;

/// The request types that must each have exactly one handler: commands, then queries.
pub fn catalog() -> Catalog {
    Catalog::new()
        .expect::<PlaceOrder>()
        .expect::<StartCooking>()
        .expect::<MarkOrderReady>()
        .expect::<MarkPizzaReady>()
        .expect::<AssignDelivery>()
        .expect::<MarkOrderDelivered>()
        .expect::<CancelOrder>()
        .expect::<MarkCashCollected>()
        .expect::<AddPizza>()
        .expect::<UpdatePizza>()
        .expect::<RemovePizza>()
        .expect::<UpdateShopPricing>()
        .expect::<UpdateShopHours>()
        .expect::<AddPromoCode>()
        .expect::<RemovePromoCode>()
        .expect::<SetStock>()
        .expect::<RetryMessage>()
        .expect::<UpdateMyProfile>()
        .expect::<MarkNotificationRead>()
        .expect::<DismissNotification>()
        .expect::<AddStaffMember>()
        .expect::<UpdateStaffMember>()
        .expect::<ResetStaffPassword>()
        .expect::<GetMenu>()
        .expect::<GetOrder>()
        .expect::<GetOrderStatus>()
        .expect::<ListOrders>()
        .expect::<GetCustomerHistory>()
        .expect::<GetMyOrders>()
        .expect::<GetMyProfile>()
        .expect::<ListMyNotifications>()
        .expect::<GetKitchenQueue>()
        .expect::<GetDeliveryBoard>()
        .expect::<ListDrivers>()
        .expect::<GetEditableMenu>()
        .expect::<GetOrderCountsByStatus>()
        .expect::<GetPopularPizzas>()
        .expect::<GetRevenue>()
        .expect::<GetOverview>()
        .expect::<GetKitchenPerformance>()
        .expect::<GetDriverPerformance>()
        .expect::<GetPriceQuote>()
        .expect::<GetShopPricing>()
        .expect::<GetShopHours>()
        .expect::<GetShopStatus>()
        .expect::<GetShopZone>()
        .expect::<ListPromoCodes>()
        .expect::<ListInventory>()
        .expect::<ListRecipes>()
        .expect::<ListIntegrationEvents>()
        .expect::<ListDeadMessages>()
        .expect::<ListStaff>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_is_listed_once_by_its_name() {
        let names: Vec<_> = catalog().names().collect();
        assert_eq!(names.len(), 52);
        assert!(names.contains(&"PlaceOrder") && names.contains(&"GetRevenue"));
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
    }
}
