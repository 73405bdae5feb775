//! [`Authorization`]: the pipeline behavior that checks the caller in the request's
//! [`Context`] against the policy declared for the request's type, before validation
//! and the handler run. Deny by default: a request type without a policy is refused, so
//! a new command is never reachable by accident.

use app::contracts::{Caller, StaffRole};
use mediator::{Behavior, Context, Handled, Next, Problem, Request};
use std::any::TypeId;
use std::collections::HashMap;

/// Who may send one request type.
#[derive(Debug, Clone, Copy)]
enum Policy {
    /// Anyone, signed in or not.
    Public,
    /// Staff with one of these roles; a manager always passes.
    Staff(&'static [StaffRole]),
    /// Anonymous customers, whom the handler limits further, and staff as for `Staff`.
    CustomerOrStaff(&'static [StaffRole]),
    /// Signed-in customers only, each acting on their own account.
    Customers,
    /// Anyone signed in, customer or staff, about their own account.
    SignedIn,
}

/// Every staff role, for requests any member of staff may send.
pub(crate) const ANY_STAFF: &[StaffRole] =
    &[StaffRole::Chef, StaffRole::Driver, StaffRole::Manager];

/// The policies by request type; built once in `wiring.rs`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Authorization {
    policies: HashMap<TypeId, Policy>,
}

impl Authorization {
    /// No policy at all: every request is refused until declared.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// `R` may be sent by anyone.
    pub(crate) fn public<R: Request>(mut self) -> Self {
        self.policies.insert(TypeId::of::<R>(), Policy::Public);
        self
    }

    /// `R` may be sent by staff with one of `roles`, and by managers.
    pub(crate) fn staff<R: Request>(mut self, roles: &'static [StaffRole]) -> Self {
        self.policies
            .insert(TypeId::of::<R>(), Policy::Staff(roles));
        self
    }

    /// `R` may be sent by managers only.
    pub(crate) fn managers<R: Request>(self) -> Self {
        self.staff::<R>(&[])
    }

    /// `R` may be sent by anonymous customers, whose further limits its handler checks,
    /// and by staff with one of `roles`, and by managers.
    pub(crate) fn customer_or_staff<R: Request>(mut self, roles: &'static [StaffRole]) -> Self {
        self.policies
            .insert(TypeId::of::<R>(), Policy::CustomerOrStaff(roles));
        self
    }

    /// `R` may be sent by signed-in customers only (about their own account).
    pub(crate) fn customers<R: Request>(mut self) -> Self {
        self.policies.insert(TypeId::of::<R>(), Policy::Customers);
        self
    }

    /// `R` may be sent by anyone signed in (about their own account).
    pub(crate) fn signed_in<R: Request>(mut self) -> Self {
        self.policies.insert(TypeId::of::<R>(), Policy::SignedIn);
        self
    }

    /// Whether `caller` may send `R`: 401 for anonymous callers of a staff (or
    /// undeclared) request, 403 for customers and for staff without the role.
    fn check<R: Request>(&self, caller: &Caller) -> Result<(), Problem> {
        let policy = self.policies.get(&TypeId::of::<R>()).copied();
        let user = match (policy, caller) {
            (Some(Policy::Customers), Caller::Customer(_))
            | (Some(Policy::SignedIn), Caller::Customer(_) | Caller::Staff(_)) => return Ok(()),
            (Some(Policy::Customers | Policy::SignedIn), Caller::Anonymous) => {
                return Err(Problem::unauthorized(
                    "Sign in to your account to do this (POST /api/auth/login).",
                ));
            }
            (Some(Policy::Public), _)
            | (Some(Policy::CustomerOrStaff(_)), Caller::Anonymous | Caller::Customer(_)) => {
                return Ok(());
            }
            (_, Caller::Anonymous) => {
                return Err(Problem::unauthorized(
                    "Sign in as staff to do this (POST /api/auth/login).",
                ));
            }
            (_, Caller::Customer(_)) => {
                return Err(Problem::forbidden(format!(
                    "A customer may not do this ({}).",
                    R::name()
                )));
            }
            (_, Caller::Staff(user)) => user,
        };
        let allowed = match policy {
            Some(Policy::Staff(roles) | Policy::CustomerOrStaff(roles)) => {
                user.role == StaffRole::Manager || roles.contains(&user.role)
            }
            // Undeclared: nobody, not even a manager, until wiring.rs says who may.
            _ => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(Problem::forbidden(format!(
                "A {} may not do this ({}).",
                user.role.as_str(),
                R::name()
            )))
        }
    }
}

impl Behavior for Authorization {
    fn handle<R: Request>(&self, req: R, ctx: &mut Context, next: impl Next<R>) -> impl Handled<R> {
        // A send without a caller is anonymous; handlers (CancelOrder) then find it too.
        if ctx.get::<Caller>().is_none() {
            ctx.insert(Caller::Anonymous);
        }
        let verdict = self.check::<R>(ctx.get::<Caller>().unwrap_or(&Caller::Anonymous));
        async move {
            match verdict {
                Ok(()) => next.run(req, ctx).await,
                Err(problem) => Err(problem),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::contracts::{CustomerUser, StaffUser};
    use mediator::RequestKind;

    struct Cook;
    impl Request for Cook {
        type Response = ();
        const KIND: RequestKind = RequestKind::Command;
    }
    struct Browse;
    impl Request for Browse {
        type Response = ();
        const KIND: RequestKind = RequestKind::Query;
    }
    struct Forgotten;
    impl Request for Forgotten {
        type Response = ();
        const KIND: RequestKind = RequestKind::Command;
    }

    fn staff(role: StaffRole) -> Caller {
        Caller::Staff(StaffUser {
            username: "someone".into(),
            role,
        })
    }

    fn codes<R: Request>(rules: &Authorization) -> Vec<u16> {
        let callers = [
            Caller::Anonymous,
            Caller::Customer(CustomerUser {
                username: "giulia".into(),
                name: "Giulia".into(),
            }),
            staff(StaffRole::Chef),
            staff(StaffRole::Driver),
            staff(StaffRole::Manager),
        ];
        callers
            .iter()
            .map(|caller| rules.check::<R>(caller).map_or_else(|p| p.code(), |()| 200))
            .collect()
    }

    #[test]
    fn a_staff_policy_admits_its_roles_and_managers_only() {
        let rules = Authorization::new()
            .staff::<Cook>(&[StaffRole::Chef])
            .public::<Browse>();
        assert_eq!(codes::<Cook>(&rules), [401, 403, 200, 403, 200]);
        assert_eq!(codes::<Browse>(&rules), [200, 200, 200, 200, 200]);
        let rules = Authorization::new().customer_or_staff::<Cook>(&[StaffRole::Driver]);
        assert_eq!(codes::<Cook>(&rules), [200, 200, 403, 200, 200]);
    }

    #[test]
    fn a_customers_policy_admits_signed_in_customers_only() {
        let rules = Authorization::new().customers::<Browse>();
        assert_eq!(codes::<Browse>(&rules), [401, 200, 403, 403, 403]);
        let rules = Authorization::new().signed_in::<Browse>();
        assert_eq!(codes::<Browse>(&rules), [401, 200, 200, 200, 200]);
    }

    #[test]
    fn a_request_without_a_policy_is_refused_to_everyone() {
        let rules = Authorization::new().public::<Browse>();
        assert_eq!(codes::<Forgotten>(&rules), [401, 403, 403, 403, 403]);
    }
}
