//! The `smtp` channel: each message as a plain-text e-mail through the relay at
//! `SMTP_URL` (lettre; `smtps://user:pass@host` for TLS, `smtp://…?tls=required` for
//! STARTTLS), from `SMTP_FROM`. A customer's message goes to the e-mail address of the
//! account that placed the order (a guest order has none: it is not e-mailed); the
//! kitchen's to `SMTP_KITCHEN_TO`, when set. Each e-mail's `Message-ID` is made from the
//! message's idempotency id, the same on every retry, for a mailbox to drop repeats.

use crate::settings::Settings;
use anyhow::{Context, bail};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::time::Duration;

/// How long the relay may take to take a message.
const SMTP_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the `smtp` channel sends, and as whom.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    /// The relay's URL, credentials included.
    pub url: String,
    pub from: Mailbox,
    /// Where the kitchen's messages go; `None`: they are not e-mailed.
    pub kitchen: Option<Mailbox>,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("url", &"<hidden>")
            .field("from", &self.from.to_string())
            .field("kitchen", &self.kitchen.as_ref().map(ToString::to_string))
            .finish()
    }
}

impl SmtpConfig {
    /// Reads `SMTP_URL`, `SMTP_FROM` and `SMTP_KITCHEN_TO`; `None` when `SMTP_URL` is
    /// unset. A URL lettre does not take or an address that is not one stops the start.
    pub(crate) fn from_settings(settings: &impl Settings) -> anyhow::Result<Option<Self>> {
        let from = settings.var("SMTP_FROM").ok();
        let kitchen = settings.var("SMTP_KITCHEN_TO").ok();
        let Ok(url) = settings.var("SMTP_URL") else {
            return Ok(None);
        };
        if !url.starts_with("smtp://") && !url.starts_with("smtps://") {
            bail!("SMTP_URL must start with smtp:// or smtps://");
        }
        AsyncSmtpTransport::<Tokio1Executor>::from_url(url.trim())
            .context("SMTP_URL is not a relay's URL (smtps://user:pass@host:port)")?;
        let from = from
            .context("SMTP_URL is set: set SMTP_FROM to the address messages come from")?
            .parse::<Mailbox>()
            .context("SMTP_FROM is not an e-mail address")?;
        let kitchen = kitchen
            .filter(|to| !to.trim().is_empty())
            .map(|to| to.parse::<Mailbox>())
            .transpose()
            .context("SMTP_KITCHEN_TO is not an e-mail address")?;
        Ok(Some(Self {
            url: url.trim().to_owned(),
            from,
            kitchen,
        }))
    }
}

/// Sends e-mails through the relay.
pub(crate) struct Smtp {
    config: SmtpConfig,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl Smtp {
    pub(crate) fn new(config: SmtpConfig) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.url)
            .context("SMTP_URL")?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Self { config, transport })
    }

    /// E-mails `text` (message `id`, about order `short_id`) to `email`, or for the
    /// kitchen to `SMTP_KITCHEN_TO`; nothing to send when there is no address.
    pub(crate) async fn send(
        &self,
        id: &str,
        kitchen: bool,
        email: Option<&str>,
        text: &str,
    ) -> Result<(), String> {
        let to = if kitchen {
            self.config.kitchen.clone()
        } else {
            email.and_then(|email| email.parse::<Mailbox>().ok())
        };
        let Some(to) = to else {
            return Ok(());
        };
        // "Order 1a2b3c4d confirmed", "Order 1a2b3c4d", "New order 1a2b3c4d".
        let subject = text
            .split(['!', ':'])
            .next()
            .unwrap_or(text)
            .trim()
            .to_owned();
        let email = lettre::Message::builder()
            .from(self.config.from.clone())
            .to(to)
            .subject(format!("Mario's Pizzeria: {subject}"))
            .message_id(Some(format!("<{id}@{}>", self.domain())))
            .header(ContentType::TEXT_PLAIN)
            .body(text.to_owned())
            .map_err(|_| "smtp: the message could not be built".to_owned())?;
        self.transport
            .send(email)
            .await
            .map(drop)
            .map_err(|error| match error.status() {
                Some(code) => format!("smtp answered {code}"),
                None if error.is_timeout() => "smtp timed out".to_owned(),
                None => "smtp unreachable".to_owned(),
            })
    }

    /// The sender's domain, for `Message-ID`s.
    fn domain(&self) -> &str {
        self.config.from.email.domain()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Vars;

    fn config(vars: &[(&'static str, &'static str)]) -> anyhow::Result<Option<SmtpConfig>> {
        SmtpConfig::from_settings(&Vars::of(vars))
    }

    #[test]
    fn a_relay_needs_a_url_and_a_sender_and_hides_its_credentials() {
        assert_eq!(config(&[]).unwrap(), None);
        let relay = config(&[
            ("SMTP_URL", "smtps://mario:secret@mail.example.com"),
            ("SMTP_FROM", "Mario's Pizzeria <orders@pizzeria.example>"),
            ("SMTP_KITCHEN_TO", "kitchen@pizzeria.example"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(relay.from.email.to_string(), "orders@pizzeria.example");
        assert!(!format!("{relay:?}").contains("secret"));
        for bad in [
            vec![("SMTP_URL", "smtps://mail.example.com")],
            vec![
                ("SMTP_URL", "http://mail.example.com"),
                ("SMTP_FROM", "a@b.example"),
            ],
            vec![
                ("SMTP_URL", "smtps://mail.example.com"),
                ("SMTP_FROM", "not an address"),
            ],
            vec![
                ("SMTP_URL", "smtps://mail.example.com"),
                ("SMTP_FROM", "a@b.example"),
                ("SMTP_KITCHEN_TO", "kitchen"),
            ],
        ] {
            assert!(config(&bad).is_err(), "{bad:?}");
        }
    }
}
