//! Whether the server is up and can do its work, for load balancers and orchestrators:
//! `GET /healthz` (the process answers) and `GET /readyz` (see [`Readiness`]).

mod readiness;

pub(crate) use readiness::{Check, Readiness};
