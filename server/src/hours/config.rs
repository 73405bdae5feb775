//! [`HoursConfig`]: the hours a shop keeps until a manager sets its own, from
//! `SHOP_TIMEZONE` (an IANA name, default `UTC`) and `SHOP_HOURS` (one opening every
//! day, `HH:MM-HH:MM`, default the seed's `11:00-22:00`; `00:00-24:00` never closes).

use crate::hours::schedule::Schedule;
use crate::settings::Settings;
use anyhow::{Context, bail};
use app::contracts::{Opening, OpeningHours, WeeklyHours};

/// The opening hours that apply while no manager has set any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursConfig {
    pub defaults: OpeningHours,
}

impl Default for HoursConfig {
    /// The seed's: every day 11:00–22:00, UTC.
    fn default() -> Self {
        Self::daily("UTC", Opening::new("11:00", "22:00"))
    }
}

impl HoursConfig {
    /// Open all day, every day: for tests and load runs, which must not depend on the
    /// time of day they run at.
    pub fn always_open() -> Self {
        Self::daily("UTC", Opening::new("00:00", "24:00"))
    }

    fn daily(timezone: &str, opening: Opening) -> Self {
        Self {
            defaults: OpeningHours {
                timezone: timezone.to_owned(),
                weekly: WeeklyHours::every_day(vec![opening]),
                closures: Vec::new(),
            },
        }
    }

    /// Reads `SHOP_TIMEZONE` and `SHOP_HOURS`; a zone the time zone database does not
    /// know, or hours that are not `HH:MM-HH:MM`, stop the start.
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        let timezone = settings
            .var("SHOP_TIMEZONE")
            .map_or_else(|_| "UTC".to_owned(), |zone| zone.trim().to_owned());
        let opening = match settings.var("SHOP_HOURS") {
            Ok(raw) => {
                let (opens, closes) = raw
                    .trim()
                    .split_once('-')
                    .with_context(|| format!("SHOP_HOURS {raw:?} is not HH:MM-HH:MM"))?;
                let opening = Opening::new(opens.trim(), closes.trim());
                if opening.span().is_none() {
                    bail!("SHOP_HOURS {raw:?} is not HH:MM-HH:MM with two different times");
                }
                opening
            }
            Err(_) => Opening::new("11:00", "22:00"),
        };
        let config = Self::daily(&timezone, opening);
        Schedule::new(config.defaults.clone())
            .with_context(|| format!("SHOP_TIMEZONE {timezone:?}"))?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Vars;

    fn config(vars: &[(&'static str, &'static str)]) -> anyhow::Result<HoursConfig> {
        HoursConfig::from_settings(&Vars::of(vars))
    }

    #[test]
    fn the_seeds_hours_in_utc_unless_set_and_bad_settings_stop_the_start() {
        assert_eq!(config(&[]).unwrap(), HoursConfig::default());
        let rome = config(&[
            ("SHOP_TIMEZONE", "Europe/Rome"),
            ("SHOP_HOURS", "00:00-24:00"),
        ])
        .unwrap()
        .defaults;
        assert_eq!(rome.timezone, "Europe/Rome");
        assert_eq!(rome.weekly, HoursConfig::always_open().defaults.weekly);
        for bad in [
            vec![("SHOP_TIMEZONE", "Europe/Atlantis")],
            vec![("SHOP_HOURS", "11-22")],
            vec![("SHOP_HOURS", "11:00-11:00")],
            vec![("SHOP_HOURS", "always")],
        ] {
            assert!(config(&bad).is_err(), "{bad:?}");
        }
    }
}
