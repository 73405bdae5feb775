//! Server functions of a signed-in customer's account: who the header shows, the
//! profile, and the notification inbox.

#[cfg(feature = "ssr")]
use super::{caller, context_mediator, dispatch};
use crate::contracts::{AccountBadge, Inbox, NotificationChanged, Profile, UpdateMyProfile};
#[cfg(feature = "ssr")]
use crate::contracts::{DismissNotification, ListMyNotifications, MarkNotificationRead};
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::Json;

/// Who is signed in, for the header: `None` for a guest. A customer's unread count
/// includes `min_position` when given (the position of an order update the page saw).
#[server(name = CurrentAccountCall, prefix = "/api/fn", endpoint = "current_account", input = Json)]
pub async fn current_account(min_position: Option<i64>) -> Result<Option<AccountBadge>, AppError> {
    account_badge(&context_mediator()?, caller().await?, min_position)
        .await
        .map_err(super::refuse)
}

/// The account a page is rendered for, put in the request's extensions by the server
/// before rendering: what the header shows.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct PageAccount(pub Option<AccountBadge>);

/// What the header shows for `caller`: nothing for a guest, a member of staff's
/// username, a customer's name and unread count (including `min_position`).
#[cfg(feature = "ssr")]
pub async fn account_badge(
    mediator: &mediator::Mediator,
    caller: crate::contracts::Caller,
    min_position: Option<i64>,
) -> Result<Option<AccountBadge>, mediator::Problem> {
    use crate::contracts::{AccountRole, Caller};
    match caller {
        Caller::Anonymous => Ok(None),
        Caller::Staff(user) => Ok(Some(AccountBadge {
            role: user.role.into(),
            name: user.username,
            unread: 0,
        })),
        Caller::Customer(customer) => {
            let name = customer.name.clone();
            let query = ListMyNotifications { min_position };
            let ctx = mediator::Context::new().with(Caller::Customer(customer));
            let inbox = mediator.send_with(query, ctx).await?;
            Ok(Some(AccountBadge {
                role: AccountRole::Customer,
                name,
                unread: inbox.value.unread,
            }))
        }
    }
}

/// The signed-in account's profile.
#[server(name = GetMyProfileCall, prefix = "/api/fn", endpoint = "get_my_profile", input = Json)]
pub async fn get_my_profile() -> Result<Profile, AppError> {
    dispatch(crate::contracts::GetMyProfile {}).await
}

/// Changes the signed-in customer's details.
#[server(name = UpdateMyProfileCall, prefix = "/api/fn", endpoint = "update_my_profile", input = Json)]
pub async fn update_my_profile(command: UpdateMyProfile) -> Result<Profile, AppError> {
    dispatch(command).await
}

/// The signed-in customer's notifications, including `min_position` when given.
#[server(name = ListMyNotificationsCall, prefix = "/api/fn", endpoint = "list_my_notifications", input = Json)]
pub async fn list_my_notifications(min_position: Option<i64>) -> Result<Inbox, AppError> {
    dispatch(ListMyNotifications { min_position }).await
}

/// Marks one of the signed-in customer's notifications read.
#[server(name = MarkNotificationReadCall, prefix = "/api/fn", endpoint = "mark_notification_read", input = Json)]
pub async fn mark_notification_read(id: i64) -> Result<NotificationChanged, AppError> {
    dispatch(MarkNotificationRead { id }).await
}

/// Takes one of the signed-in customer's notifications out of their inbox.
#[server(name = DismissNotificationCall, prefix = "/api/fn", endpoint = "dismiss_notification", input = Json)]
pub async fn dismiss_notification(id: i64) -> Result<NotificationChanged, AppError> {
    dispatch(DismissNotification { id }).await
}
