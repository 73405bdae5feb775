//! The "Staff" section of the management page: every staff account with its role (a
//! select that changes it), a button that disables or enables it and a field that sets
//! a new password, then the form that adds a member. Disabling and a new password sign
//! the member out at once; the server keeps the last active manager one.

use super::fields::{Feedback, Field, invalid, messages, summary};
use crate::api::{add_staff_member, list_staff, reset_staff_password, update_staff_member};
use crate::contracts::{
    AddStaffMember, ResetStaffPassword, StaffMember, StaffRole, UpdateStaffMember,
};
use crate::error::AppError;
use crate::ui::erase::Erase;
use crate::ui::layout::Loading;
use crate::ui::server_data::server_resource;
use leptos::either::Either;
use leptos::prelude::*;
use mediator::Request;

/// The roles, as the selects offer them.
const ROLES: [(StaffRole, &str); 3] = [
    (StaffRole::Chef, "Chef"),
    (StaffRole::Driver, "Driver"),
    (StaffRole::Manager, "Manager"),
];

/// The section: the accounts, then the add form.
#[component]
pub(super) fn StaffSection() -> impl IntoView {
    // Counts changes, so the list is read again after each.
    let seen = RwSignal::new(0_u32);
    let staff = server_resource(move || seen.get(), list_staff);
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="manage-section" id="staff" aria-labelledby="staff-heading">
            <div class="section-head">
                <div>
                    <h2 id="staff-heading">"Staff"</h2>
                    <p class="section-note">
                        "Who signs in to the kitchen, delivery and management pages. Disabling an account or giving it a new password signs it out at once."
                    </p>
                </div>
            </div>
            <p class="form-status" role="status">{move || status.get()}</p>
            <Transition fallback=|| view! { <Loading text="Loading the staff…"/> }.erase()>
                {move || Suspend::new(async move {
                    let view = match staff.await {
                        Ok(members) => Either::Left(view! {
                            <div class="table-scroll">
                                <table class="staff-table">
                                    <caption class="visually-hidden">"Staff accounts"</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Username"</th>
                                            <th scope="col">"Role"</th>
                                            <th scope="col">"Account"</th>
                                            <th scope="col">"New password"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {members.into_iter().map(|member| view! { <StaffRow member seen status/> }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }),
                        Err(error) => Either::Right(view! { <p class="alert" role="alert">{error.to_string()}</p> }),
                    };
                    view.erase()
                })}
            </Transition>
            <AddMemberForm seen status/>
        </section>
    }
}

/// What a failed change says: the field's own messages when the server named one.
fn problem_text(error: &AppError, field: &str) -> String {
    let named = messages(Some(error), field);
    if named.is_empty() {
        error.to_string()
    } else {
        named.join(" ")
    }
}

/// Sends one change to a member's account, then says how it went and reads the list
/// again.
fn send_change(
    seen: RwSignal<u32>,
    status: RwSignal<Option<String>>,
    change: impl Future<Output = Result<StaffMember, AppError>> + 'static,
    done: impl Fn(&StaffMember) -> String + 'static,
) {
    leptos::task::spawn_local(async move {
        let outcome = change.await;
        if seen.is_disposed() {
            return;
        }
        match outcome {
            Ok(member) => status.set(Some(done(&member))),
            Err(error) => status.set(Some(problem_text(&error, "password"))),
        }
        seen.update(|seen| *seen += 1);
    });
}

/// One account: its role, whether it may sign in, a new password.
#[component]
fn StaffRow(
    member: StaffMember,
    seen: RwSignal<u32>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let username = member.username.clone();
    let on_role = {
        let username = username.clone();
        move |ev| {
            let role = StaffRole::parse(&event_target_value(&ev));
            let command = UpdateStaffMember {
                username: username.clone(),
                role,
                disabled: None,
            };
            let done = |member: &StaffMember| {
                format!("{} is a {} now.", member.username, member.role.as_str())
            };
            send_change(seen, status, update_staff_member(command), done);
        }
    };
    let disabled = member.disabled;
    let on_toggle = {
        let username = username.clone();
        move |_| {
            let command = UpdateStaffMember {
                username: username.clone(),
                role: None,
                disabled: Some(!disabled),
            };
            let done = |member: &StaffMember| {
                if member.disabled {
                    format!("{} is disabled and signed out.", member.username)
                } else {
                    format!("{} may sign in again.", member.username)
                }
            };
            send_change(seen, status, update_staff_member(command), done);
        }
    };
    let password = RwSignal::new(String::new());
    let on_password = {
        let username = username.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let command = ResetStaffPassword {
                username: username.clone(),
                password: password.get_untracked(),
            };
            if let Err(errors) = command.validate() {
                status.set(Some(problem_text(&invalid(errors), "password")));
                return;
            }
            password.set(String::new());
            let done = |member: &StaffMember| {
                format!("{} has a new password and was signed out.", member.username)
            };
            send_change(seen, status, reset_staff_password(command), done);
        }
    };
    let (toggle, toggle_label) = if disabled {
        ("Enable", format!("Enable {username}"))
    } else {
        ("Disable", format!("Disable {username}"))
    };
    view! {
        <tr>
            <th scope="row">{username.clone()}</th>
            <td>
                <select aria-label=format!("Role of {username}") on:change=on_role>
                    {ROLES.map(|(role, name)| view! {
                        <option value=role.as_str() selected=role == member.role>{name}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <div class="staff-account">
                    <span class=if disabled { "account-state off" } else { "account-state" }>
                        {if disabled { "Disabled" } else { "Active" }}
                    </span>
                    <button type="button" class="button" aria-label=toggle_label on:click=on_toggle>{toggle}</button>
                </div>
            </td>
            <td>
                <form class="inline-form" novalidate on:submit=on_password>
                    <input type="password" autocomplete="new-password" aria-label=format!("New password for {username}")
                        prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                    <button type="submit" class="button" aria-label=format!("Set password for {username}")>"Set password"</button>
                </form>
            </td>
        </tr>
    }
}

/// The form that adds a member of staff.
#[component]
fn AddMemberForm(seen: RwSignal<u32>, status: RwSignal<Option<String>>) -> impl IntoView {
    let [username, password] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let role = RwSignal::new(StaffRole::Chef);
    let feedback: Feedback = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = AddStaffMember {
            username: username.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
            password: password.get_untracked(),
        };
        if let Err(errors) = command.validate() {
            feedback.set(Some(invalid(errors)));
            return;
        }
        feedback.set(None);
        leptos::task::spawn_local(async move {
            let outcome = add_staff_member(command).await;
            if seen.is_disposed() {
                return;
            }
            match outcome {
                Ok(member) => {
                    status.set(Some(format!(
                        "{} can sign in now, as a {}.",
                        member.username,
                        member.role.as_str()
                    )));
                    username.set(String::new());
                    password.set(String::new());
                    seen.update(|seen| *seen += 1);
                }
                Err(error) => feedback.set(Some(error)),
            }
        });
    };
    view! {
        <form class="card add-form" novalidate on:submit=submit aria-labelledby="add-member-heading">
            <h3 id="add-member-heading">"New member of staff"</h3>
            {move || feedback.get().map(|error| view! { <p class="alert" role="alert">{summary(&error)}</p> })}
            <div class="edit-grid">
                <Field label="Username" field="username" id="member-username" value=username feedback
                    hint="3 to 32 of a-z, 0-9, dot, dash, underscore."/>
                <label class="field">"Role"
                    <select name="role" on:change=move |ev| {
                        role.set(StaffRole::parse(&event_target_value(&ev)).unwrap_or(StaffRole::Chef));
                    }>
                        {ROLES.map(|(value, name)| view! {
                            <option value=value.as_str() selected=value == StaffRole::Chef>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Field label="Password" field="password" id="member-password" value=password feedback secret=true
                    hint="At least 10 characters, not the username."/>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">"Add member"</button>
            </div>
        </form>
    }
}
