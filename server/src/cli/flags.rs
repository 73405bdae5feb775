//! [`Flags`]: every setting as a command-line flag that falls back to its environment
//! variable, and the [`Settings`] the configuration is read from.

use crate::settings::Settings;
use clap::Args;
use std::env::VarError;

/// Every setting. A flag wins over its environment variable; neither set, the default
/// applies (see the README's Configuration section).
#[derive(Debug, Clone, Default, Args)]
pub struct Flags {
    /// `sqlite://path` (created with its folder) or `postgres://user:pass@host/db`
    /// [default: sqlite://data/pizzeria.db]
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    /// Address to listen on; port 0 picks a free one [default: 127.0.0.1:3000]
    #[arg(long, env = "LEPTOS_SITE_ADDR", global = true)]
    pub site_addr: Option<String>,
    /// The built site: wasm, js, css and public files [default: target/site]
    #[arg(long, env = "LEPTOS_SITE_ROOT", global = true)]
    pub site_root: Option<String>,
    /// `name:role:password;...` (roles chef, driver, manager): the accounts created when
    /// there is none
    #[arg(long, env = "STAFF_ACCOUNTS", global = true, hide_env_values = true)]
    pub staff_accounts: Option<String>,
    /// Where the generated manager's password is written when `--staff-accounts` is unset
    /// [default: data/manager-password]
    #[arg(long, env = "STAFF_PASSWORD_FILE", global = true)]
    pub staff_password_file: Option<String>,
    /// How long a staff session lasts, 1 to 8760 [default: 12]
    #[arg(long, env = "STAFF_SESSION_HOURS", global = true)]
    pub staff_session_hours: Option<String>,
    /// Orders that may be cooking at once [default: 3]
    #[arg(long, env = "KITCHEN_CAPACITY", global = true)]
    pub kitchen_capacity: Option<String>,
    /// Most pizzas in one order [default: 50]
    #[arg(long, env = "ORDER_MAX_PIZZAS", global = true)]
    pub order_max_pizzas: Option<String>,
    /// Most one order may cost [default: 1500]
    #[arg(long, env = "ORDER_MAX_TOTAL", global = true)]
    pub order_max_total: Option<String>,
    /// The site's public address; `https://...` makes session cookies `Secure`
    #[arg(long, env = "PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// Seconds a request's headers, then its body, may take to arrive, 1 to 3600
    /// [default: 10]
    #[arg(long, env = "HTTP_HEADER_TIMEOUT_SECS", global = true)]
    pub http_header_timeout_secs: Option<String>,
    /// `true` or `false`: session cookies are `Secure` [default: true in a release build]
    #[arg(long, env = "SESSION_COOKIE_SECURE", global = true)]
    pub session_cookie_secure: Option<String>,
    /// A bearer token a scraper sends to read `/metrics`
    #[arg(long, env = "METRICS_TOKEN", global = true, hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Per client and minute: `place=20,sign_in=20,lookup=120,stream=30,
    /// streams_per_client=10,streams_total=1000`, any of them
    #[arg(long, env = "RATE_LIMITS", global = true)]
    pub rate_limits: Option<String>,
    /// Comma list of addresses and CIDR networks never rate-limited
    #[arg(long, env = "RATE_LIMIT_EXEMPT", global = true)]
    pub rate_limit_exempt: Option<String>,
    /// Comma list of addresses and CIDR networks of the reverse proxies whose
    /// `X-Forwarded-For` is believed
    #[arg(long, env = "TRUSTED_PROXIES", global = true)]
    pub trusted_proxies: Option<String>,
    /// `/readyz` answers 503 while the read models trail the writes by more seconds,
    /// 1 to 86400 [default: 30]
    #[arg(long, env = "READY_MAX_LAG_SECS", global = true)]
    pub ready_max_lag_secs: Option<String>,
    /// How log lines are written: `text` for people, `json` (one object a line) for a log
    /// collector; what is logged is `RUST_LOG`'s filter [default: text]
    #[arg(long, env = "LOG_FORMAT", global = true, value_enum)]
    pub log_format: Option<LogFormat>,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Settings for Flags {
    fn var(&self, name: &str) -> Result<String, VarError> {
        let value = match name {
            "DATABASE_URL" => &self.database_url,
            "LEPTOS_SITE_ADDR" => &self.site_addr,
            "LEPTOS_SITE_ROOT" => &self.site_root,
            "STAFF_ACCOUNTS" => &self.staff_accounts,
            "STAFF_PASSWORD_FILE" => &self.staff_password_file,
            "STAFF_SESSION_HOURS" => &self.staff_session_hours,
            "KITCHEN_CAPACITY" => &self.kitchen_capacity,
            "ORDER_MAX_PIZZAS" => &self.order_max_pizzas,
            "ORDER_MAX_TOTAL" => &self.order_max_total,
            "PUBLIC_URL" => &self.public_url,
            "HTTP_HEADER_TIMEOUT_SECS" => &self.http_header_timeout_secs,
            "SESSION_COOKIE_SECURE" => &self.session_cookie_secure,
            "METRICS_TOKEN" => &self.metrics_token,
            "RATE_LIMITS" => &self.rate_limits,
            "RATE_LIMIT_EXEMPT" => &self.rate_limit_exempt,
            "TRUSTED_PROXIES" => &self.trusted_proxies,
            "READY_MAX_LAG_SECS" => &self.ready_max_lag_secs,
            _ => &None,
        };
        value.clone().ok_or(VarError::NotPresent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, StaffConfig};

    /// Every name the configuration reads from its settings (`settings.var("...")`,
    /// `settings.number_in("...", ...)`), in `config.rs` and `orders/limits.rs`.
    fn names_read_by_the_configuration() -> Vec<String> {
        let sources = [
            include_str!("../config.rs"),
            include_str!("../orders/limits.rs"),
        ];
        let mut names = Vec::new();
        for source in sources {
            for reader in [".var(", ".number_in("] {
                for piece in source.split(reader).skip(1) {
                    let Some(quoted) = piece.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let name = quoted.split('"').next().unwrap_or_default().to_owned();
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
        }
        names
    }

    #[test]
    fn every_setting_the_configuration_reads_is_a_flag() {
        let names = names_read_by_the_configuration();
        assert!(names.len() >= 17, "{names:?}");
        let mut flags = Flags::default();
        set_all(&mut flags, "x");
        for name in &names {
            assert_eq!(flags.var(name).as_deref(), Ok("x"), "{name} has no flag");
        }
    }

    #[test]
    fn a_flag_is_read_as_its_setting() {
        let flags = Flags {
            kitchen_capacity: Some("7".into()),
            site_addr: Some("127.0.0.1:0".into()),
            ..Flags::default()
        };
        let staff = StaffConfig::from_settings(&flags).expect("valid settings");
        assert_eq!(staff.kitchen_capacity, 7);
        let config = Config::from_settings(&flags).expect("valid settings");
        assert_eq!(config.address.port(), 0);
        let wrong = Flags {
            kitchen_capacity: Some("none".into()),
            ..Flags::default()
        };
        let error = StaffConfig::from_settings(&wrong).unwrap_err();
        assert!(error.to_string().contains("KITCHEN_CAPACITY"), "{error}");
    }

    fn set_all(flags: &mut Flags, value: &str) {
        for field in [
            &mut flags.database_url,
            &mut flags.site_addr,
            &mut flags.site_root,
            &mut flags.staff_accounts,
            &mut flags.staff_password_file,
            &mut flags.staff_session_hours,
            &mut flags.kitchen_capacity,
            &mut flags.order_max_pizzas,
            &mut flags.order_max_total,
            &mut flags.public_url,
            &mut flags.http_header_timeout_secs,
            &mut flags.session_cookie_secure,
            &mut flags.metrics_token,
            &mut flags.rate_limits,
            &mut flags.rate_limit_exempt,
            &mut flags.trusted_proxies,
            &mut flags.ready_max_lag_secs,
        ] {
            *field = Some(value.to_owned());
        }
    }
}
