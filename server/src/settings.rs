//! [`Settings`]: where the configuration is read from. The server binary reads its
//! command line, each flag falling back to its environment variable (`server --help`
//! lists them); code that builds a server without a command line reads the environment.

use anyhow::Context as _;
use std::env::VarError;
use std::ops::RangeInclusive;

/// A source of named settings, named as their environment variables (`DATABASE_URL`).
pub trait Settings {
    /// The setting's value, or [`VarError::NotPresent`] when it is not set.
    fn var(&self, name: &str) -> Result<String, VarError>;

    /// The setting as a whole number in `range`; `default` when it is not set.
    fn number_in(
        &self,
        name: &str,
        range: RangeInclusive<u64>,
        default: u64,
    ) -> anyhow::Result<u64> {
        let Ok(raw) = self.var(name) else {
            return Ok(default);
        };
        raw.trim()
            .parse::<u64>()
            .ok()
            .filter(|number| range.contains(number))
            .with_context(|| format!("{name} {raw:?} is not {} to {}", range.start(), range.end()))
    }
}

/// The process environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Environment;

impl Settings for Environment {
    fn var(&self, name: &str) -> Result<String, VarError> {
        std::env::var(name)
    }
}

/// Settings from a list of `(name, value)` pairs, for tests.
#[cfg(test)]
pub(crate) struct Vars(pub std::collections::HashMap<&'static str, &'static str>);

#[cfg(test)]
impl Vars {
    pub(crate) fn of(pairs: &[(&'static str, &'static str)]) -> Self {
        Self(pairs.iter().copied().collect())
    }
}

#[cfg(test)]
impl Settings for Vars {
    fn var(&self, name: &str) -> Result<String, VarError> {
        self.0
            .get(name)
            .map(|value| (*value).to_owned())
            .ok_or(VarError::NotPresent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct One(&'static str, &'static str);

    impl Settings for One {
        fn var(&self, name: &str) -> Result<String, VarError> {
            (name == self.0)
                .then(|| self.1.to_owned())
                .ok_or(VarError::NotPresent)
        }
    }

    #[test]
    fn a_number_is_read_in_its_range_or_refused_naming_the_setting() {
        assert_eq!(One("X", "7").number_in("OTHER", 1..=10, 3).unwrap(), 3);
        assert_eq!(One("X", " 7 ").number_in("X", 1..=10, 3).unwrap(), 7);
        for wrong in ["0", "11", "seven", "-1", ""] {
            let error = One("X", wrong).number_in("X", 1..=10, 3).unwrap_err();
            assert_eq!(error.to_string(), format!("X {wrong:?} is not 1 to 10"));
        }
    }
}
