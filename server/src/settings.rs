//! [`Settings`]: where the configuration is read from. The server binary reads its
//! command line, each flag falling back to its environment variable (`server --help`
//! lists them); code that builds a server without a command line reads the environment.

use std::env::VarError;

/// A source of named settings, named as their environment variables (`DATABASE_URL`).
pub trait Settings {
    /// The setting's value, or [`VarError::NotPresent`] when it is not set.
    fn var(&self, name: &str) -> Result<String, VarError>;
}

/// The process environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Environment;

impl Settings for Environment {
    fn var(&self, name: &str) -> Result<String, VarError> {
        std::env::var(name)
    }
}
