//! The manager's staff commands through the mediator, on a real database: an added
//! member signs in with their password, a taken username is refused, disabling and a
//! new password end the account's sessions, and the last active manager stays one.

use crate::staff::hashers::Lane;
use crate::testing::{TestApp, test_app};
use app::contracts::{AddStaffMember, ListStaff, ResetStaffPassword, StaffRole, UpdateStaffMember};

async fn add(app: &TestApp, username: &str, role: StaffRole) {
    let command = AddStaffMember {
        username: username.into(),
        role,
        password: format!("{username} kitchen secret"),
    };
    let added = app.mediator.send(command).await.unwrap();
    assert_eq!(added.value.username, username);
}

async fn signs_in(app: &TestApp, username: &str, password: &str) -> bool {
    let checked = crate::staff::accounts::check_password(
        &app.pool,
        username,
        password.to_owned(),
        Lane::Shared,
    );
    checked.await.unwrap().is_some()
}

/// A session row for `username`, as a sign-in writes one.
async fn open_session(app: &TestApp, username: &str) {
    sqlx::query(
        "INSERT INTO staff_sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(format!("hash-of-{username}"))
    .bind(username)
    .bind(i64::MAX / 2)
    .execute(&app.pool)
    .await
    .unwrap();
}

async fn sessions_of(app: &TestApp, username: &str) -> i64 {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM staff_sessions WHERE username = $1")
            .bind(username)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    count
}

fn update(username: &str, role: Option<StaffRole>, disabled: Option<bool>) -> UpdateStaffMember {
    UpdateStaffMember {
        username: username.into(),
        role,
        disabled,
    }
}

#[tokio::test]
async fn a_manager_adds_a_member_who_signs_in_and_a_taken_username_is_refused() {
    let app = test_app().await;
    add(&app, "giulia", StaffRole::Chef).await;
    assert!(signs_in(&app, "giulia", "giulia kitchen secret").await);
    assert!(!signs_in(&app, "giulia", "another secret").await);
    let staff = app.mediator.send(ListStaff).await.unwrap().value;
    let giulia = staff
        .iter()
        .find(|member| member.username == "giulia")
        .unwrap();
    assert_eq!((giulia.role, giulia.disabled), (StaffRole::Chef, false));
    assert_eq!(app.events_of("staff-giulia").await, ["StaffMemberAdded"]);

    let again = AddStaffMember {
        username: "giulia".into(),
        role: StaffRole::Driver,
        password: "another long secret".into(),
    };
    let refused = app.mediator.send(again).await.unwrap_err();
    assert_eq!(refused.code(), 409);
    assert_eq!(refused.errors[0].field, "username");
}

#[tokio::test]
async fn disabling_signs_a_member_out_at_once_and_enabling_lets_them_back() {
    let app = test_app().await;
    add(&app, "luigi", StaffRole::Driver).await;
    open_session(&app, "luigi").await;

    let disabled = app.mediator.send(update("luigi", None, Some(true))).await;
    assert!(disabled.unwrap().value.disabled);
    assert_eq!(sessions_of(&app, "luigi").await, 0);
    assert!(!signs_in(&app, "luigi", "luigi kitchen secret").await);

    let enabled = app
        .mediator
        .send(update("luigi", Some(StaffRole::Chef), Some(false)));
    let member = enabled.await.unwrap().value;
    assert_eq!((member.role, member.disabled), (StaffRole::Chef, false));
    assert!(signs_in(&app, "luigi", "luigi kitchen secret").await);
    assert_eq!(
        app.events_of("staff-luigi").await,
        [
            "StaffMemberAdded",
            "StaffMemberDisabled",
            "StaffRoleChanged",
            "StaffMemberEnabled"
        ]
    );
    let unknown = app.mediator.send(update("nobody", None, Some(true))).await;
    assert_eq!(unknown.unwrap_err().code(), 404);
}

#[tokio::test]
async fn the_last_active_manager_is_neither_demoted_nor_disabled() {
    let app = test_app().await;
    let (managers,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM staff_accounts WHERE role = 'manager' AND disabled_at IS NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(managers, 0, "the test app starts with no staff accounts");
    add(&app, "anna", StaffRole::Manager).await;
    for change in [
        update("anna", Some(StaffRole::Chef), None),
        update("anna", None, Some(true)),
    ] {
        assert_eq!(app.mediator.send(change).await.unwrap_err().code(), 409);
    }
    add(&app, "marco", StaffRole::Manager).await;
    let demoted = app
        .mediator
        .send(update("anna", Some(StaffRole::Chef), None))
        .await;
    assert_eq!(demoted.unwrap().value.role, StaffRole::Chef);
    let last = app.mediator.send(update("marco", None, Some(true))).await;
    assert_eq!(last.unwrap_err().code(), 409);
}

#[tokio::test]
async fn a_new_password_signs_the_member_out_everywhere() {
    let app = test_app().await;
    add(&app, "sofia", StaffRole::Chef).await;
    open_session(&app, "sofia").await;
    let reset = ResetStaffPassword {
        username: "sofia".into(),
        password: "a brand new secret".into(),
    };
    app.mediator.send(reset).await.unwrap();
    assert_eq!(sessions_of(&app, "sofia").await, 0);
    assert!(signs_in(&app, "sofia", "a brand new secret").await);
    assert!(!signs_in(&app, "sofia", "sofia kitchen secret").await);
    assert_eq!(
        app.events_of("staff-sofia").await,
        ["StaffMemberAdded", "StaffPasswordReset"]
    );
    let unknown = ResetStaffPassword {
        username: "nobody".into(),
        password: "a brand new secret".into(),
    };
    assert_eq!(app.mediator.send(unknown).await.unwrap_err().code(), 404);
}
