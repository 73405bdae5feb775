//! [`Flags`]: every setting as a command-line flag that falls back to its environment
//! variable, and the [`Settings`] the configuration is read from.

use crate::settings::Settings;
use clap::Args;
use std::env::VarError;

/// Declares [`Flags`] from one list: each setting a field, a flag (`--database-url`) that
/// falls back to its environment variable (`DATABASE_URL`), and the [`Settings`] lookup by
/// that name. Values of variables are never shown by `--help`: some are secrets.
macro_rules! flags {
    ($($(#[doc = $doc:literal])* $field:ident: $env:literal;)+) => {
        /// Every setting. A flag wins over its environment variable; neither set, the
        /// default applies (see the README's Configuration section).
        #[derive(Debug, Clone, Default, Args)]
        pub struct Flags {
            $(
                $(#[doc = $doc])*
                #[arg(long, env = $env, global = true, hide_env_values = true)]
                pub $field: Option<String>,
            )+
            /// How log lines are written: `text` for people, `json` (one object a
            /// line) for a log collector; what is logged is `RUST_LOG`'s filter
            /// [default: text]
            #[arg(long, env = "LOG_FORMAT", global = true, value_enum)]
            pub log_format: Option<LogFormat>,
        }

        impl Settings for Flags {
            fn var(&self, name: &str) -> Result<String, VarError> {
                let value = match name {
                    $($env => &self.$field,)+
                    _ => &None,
                };
                value.clone().ok_or(VarError::NotPresent)
            }
        }

        #[cfg(test)]
        impl Flags {
            /// Every setting's variable name.
            const VARIABLES: &'static [&'static str] = &[$($env),+];

            /// Every setting set to `value`.
            fn all(value: &str) -> Self {
                Self {
                    $($field: Some(value.to_owned()),)+
                    log_format: None,
                }
            }
        }
    };
}

flags! {
    /// `sqlite://path` (created with its folder) or `postgres://user:pass@host/db`
    /// [default: sqlite://data/pizzeria.db]
    database_url: "DATABASE_URL";
    /// Seconds a request waits for a database connection before answering 503
    /// (database down, or every connection busy), 1 to 60 [default: 3]
    database_timeout_secs: "DATABASE_TIMEOUT_SECS";
    /// Address to listen on; port 0 picks a free one [default: 127.0.0.1:3000]
    site_addr: "LEPTOS_SITE_ADDR";
    /// The built site: wasm, js, css and public files [default: target/site]
    site_root: "LEPTOS_SITE_ROOT";
    /// `name:role:password;...` (roles chef, driver, manager): the accounts created when
    /// there is none
    staff_accounts: "STAFF_ACCOUNTS";
    /// Where the generated manager's password is written when `--staff-accounts` is unset
    /// [default: data/manager-password]
    staff_password_file: "STAFF_PASSWORD_FILE";
    /// How long a staff session lasts, 1 to 8760 [default: 12]
    staff_session_hours: "STAFF_SESSION_HOURS";
    /// Orders that may be cooking at once [default: 3]
    kitchen_capacity: "KITCHEN_CAPACITY";
    /// The longest wait in minutes an order is taken for (503 beyond), 0 for any
    /// [default: 45]
    kitchen_max_wait_minutes: "KITCHEN_MAX_WAIT_MINUTES";
    /// The shop's time zone, an IANA name such as Europe/Rome [default: UTC]
    shop_timezone: "SHOP_TIMEZONE";
    /// The hours kept every day until a manager sets others, HH:MM-HH:MM; 00:00-24:00
    /// never closes [default: 11:00-22:00]
    shop_hours: "SHOP_HOURS";
    /// Most pizzas in one order [default: 50]
    order_max_pizzas: "ORDER_MAX_PIZZAS";
    /// Most one order may cost [default: 1500]
    order_max_total: "ORDER_MAX_TOTAL";
    /// Where card orders are charged: `simulator` (test cards, no money moves)
    /// [default: simulator]
    payment_gateway: "PAYMENT_GATEWAY";
    /// Where the outbox's messages go: a comma list of `log`, `webhook` and `smtp`
    /// [default: log]
    notify_channels: "NOTIFY_CHANNELS";
    /// The `webhook` channel's address (http or https): each message is POSTed there
    notify_webhook_url: "NOTIFY_WEBHOOK_URL";
    /// The secret the `webhook` channel signs with (`X-Pizzeria-Signature`), at least
    /// 16 characters
    notify_webhook_secret: "NOTIFY_WEBHOOK_SECRET";
    /// The `smtp` channel's relay, smtps://user:pass@host:port (or smtp://…?tls=required)
    smtp_url: "SMTP_URL";
    /// The address the `smtp` channel's e-mails come from
    smtp_from: "SMTP_FROM";
    /// Where the `smtp` channel e-mails the kitchen's messages
    smtp_kitchen_to: "SMTP_KITCHEN_TO";
    /// Where every domain event is POSTed as a CloudEvent (http or https)
    cloudevents_sink_url: "CLOUDEVENTS_SINK_URL";
    /// The secret the sink's posts are signed with (`X-Pizzeria-Signature`), at least
    /// 16 characters
    cloudevents_sink_secret: "CLOUDEVENTS_SINK_SECRET";
    /// The site's public address; `https://...` makes session cookies `Secure`
    public_url: "PUBLIC_URL";
    /// Seconds a request's headers, then its body, may take to arrive, 1 to 3600
    /// [default: 10]
    http_header_timeout_secs: "HTTP_HEADER_TIMEOUT_SECS";
    /// `true` or `false`: session cookies are `Secure` [default: true in a release build]
    session_cookie_secure: "SESSION_COOKIE_SECURE";
    /// A bearer token a scraper sends to read `/metrics`
    metrics_token: "METRICS_TOKEN";
    /// A second address answering only `GET /metrics`, to anyone who can reach it: keep
    /// it on an internal network [default: none]
    metrics_addr: "METRICS_ADDR";
    /// Per client and minute: `place=20,sign_in=20,lookup=120,stream=30,
    /// streams_per_client=10,streams_total=1000`, any of them
    rate_limits: "RATE_LIMITS";
    /// Comma list of addresses and CIDR networks never rate-limited
    rate_limit_exempt: "RATE_LIMIT_EXEMPT";
    /// Comma list of addresses and CIDR networks of the reverse proxies whose
    /// `X-Forwarded-For` is believed
    trusted_proxies: "TRUSTED_PROXIES";
    /// `/readyz` answers 503 while the read models trail the writes by more seconds,
    /// 1 to 86400 [default: 30]
    ready_max_lag_secs: "READY_MAX_LAG_SECS";
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, StaffConfig};

    /// Settings of which none is set, that remember every name they were asked for.
    #[derive(Default)]
    struct Asked(std::cell::RefCell<Vec<String>>);

    impl Settings for Asked {
        fn var(&self, name: &str) -> Result<String, VarError> {
            let mut asked = self.0.borrow_mut();
            if !asked.iter().any(|known| known == name) {
                asked.push(name.to_owned());
            }
            Err(VarError::NotPresent)
        }
    }

    /// Every name the configuration reads, found by reading it from [`Asked`].
    fn names_read_by_the_configuration() -> Vec<String> {
        let asked = Asked::default();
        Config::from_settings(&asked).expect("the defaults are valid");
        StaffConfig::from_settings(&asked).expect("the defaults are valid");
        asked.0.into_inner()
    }

    #[test]
    fn the_flags_are_exactly_the_settings_the_configuration_reads() {
        let mut names = names_read_by_the_configuration();
        let flags = Flags::all("x");
        for name in &names {
            assert_eq!(flags.var(name).as_deref(), Ok("x"), "{name} has no flag");
        }
        // And no flag is left that nothing reads.
        let mut variables = Flags::VARIABLES.to_vec();
        names.sort();
        variables.sort_unstable();
        assert_eq!(names, variables);
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
}
