//! Pipeline behaviors of this server, wrapped around every request by `wiring`.

mod problem_logging;

pub(crate) use problem_logging::ProblemLogging;
