//! The read side: the projector applies stored events, in global order, to the read
//! models (`...View` tables) that every query reads. See `projector` for the guarantees.

mod projection;
mod projector;
mod reader;
#[cfg(test)]
mod tests;
mod view;
mod watch;

pub(crate) use projection::{BoxFuture, Projection, refused};
pub(crate) use projector::{Projector, rebuild};
pub(crate) use reader::ReadModels;
pub(crate) use view::View;
pub(crate) use watch::ProjectionWatch;
