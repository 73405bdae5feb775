//! [`OpenGauge`]: a gauge that counts what is open, one up while a guard lives.

use metrics::gauge;

/// Holds the gauge `name` one higher until dropped.
#[derive(Debug)]
pub(crate) struct OpenGauge(&'static str);

impl OpenGauge {
    pub(crate) fn new(name: &'static str) -> Self {
        gauge!(name).increment(1.0);
        Self(name)
    }
}

impl Drop for OpenGauge {
    fn drop(&mut self) {
        gauge!(self.0).decrement(1.0);
    }
}
