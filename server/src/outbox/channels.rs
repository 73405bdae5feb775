//! Where messages go: [`NotifyConfig`] (`NOTIFY_CHANNELS`, `NOTIFY_WEBHOOK_URL`,
//! `NOTIFY_WEBHOOK_SECRET`) and the [`Channels`] the dispatcher sends through.
//!
//! - `log`: one log line a message (the phone number masked), for a shop without a
//!   relay, and to see what would be sent.
//! - `webhook`: an HTTP `POST` of the message's JSON to `NOTIFY_WEBHOOK_URL` (an SMS or
//!   e-mail relay), signed with `X-Pizzeria-Signature: sha256=<hex HMAC-SHA256 of the
//!   raw body with NOTIFY_WEBHOOK_SECRET>` and carrying `X-Pizzeria-Message-Id`, which is
//!   the same on every retry. Any 2xx answer is delivery; anything else is retried.
//! - `smtp`: an e-mail through the relay at `SMTP_URL` (see `smtp.rs`).
//!
//! Apart from the channels, the CloudEvents sink (`CLOUDEVENTS_SINK_URL`, signed with
//! `CLOUDEVENTS_SINK_SECRET` the same way) gets every domain event as one CloudEvent in
//! structured mode (`Content-Type: application/cloudevents+json`).

use crate::outbox::messages::{Addressed, KITCHEN};
use crate::outbox::smtp::{Smtp, SmtpConfig};
use crate::settings::Settings;
use anyhow::{Context, bail};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

/// The header that carries the body's signature.
pub(crate) const SIGNATURE_HEADER: &str = "x-pizzeria-signature";
/// The header that carries the message's idempotency id.
pub(crate) const MESSAGE_ID_HEADER: &str = "x-pizzeria-message-id";
/// How long a webhook may take to answer.
const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(10);
/// The shortest secret accepted.
const MIN_SECRET_LEN: usize = 16;

/// The content type of a CloudEvent in structured mode.
const CLOUD_EVENT_JSON: &str = "application/cloudevents+json";

/// Which channels messages are sent through, and where events are published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyConfig {
    /// Write each message to the log.
    pub log: bool,
    /// Post each message here, signed with the secret.
    pub webhook: Option<Webhook>,
    /// E-mail each message through this relay.
    pub smtp: Option<SmtpConfig>,
    /// Post every domain event here as a CloudEvent, signed with the secret.
    pub sink: Option<Webhook>,
}

/// Where the `webhook` channel posts, and the secret it signs with.
#[derive(Clone, PartialEq, Eq)]
pub struct Webhook {
    pub url: String,
    pub secret: String,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &self.url)
            .field("secret", &"<hidden>")
            .finish()
    }
}

impl Default for NotifyConfig {
    fn default() -> Self {
        Self {
            log: true,
            webhook: None,
            smtp: None,
            sink: None,
        }
    }
}

impl NotifyConfig {
    /// Reads `NOTIFY_CHANNELS` (a comma list of `log`, `webhook` and `smtp`, default
    /// `log`) and what `webhook` and `smtp` need, and `CLOUDEVENTS_SINK_URL` with `CLOUDEVENTS_SINK_SECRET`. A
    /// name we have no channel for, or a webhook or sink without a URL or a secret of at
    /// least 16 characters, stops the start.
    pub fn from_settings(settings: &impl Settings) -> anyhow::Result<Self> {
        let names = settings
            .var("NOTIFY_CHANNELS")
            .unwrap_or_else(|_| "log".into());
        // Read whether or not `webhook` is named, so every setting is asked for.
        let webhook = (
            settings.var("NOTIFY_WEBHOOK_URL").ok(),
            settings.var("NOTIFY_WEBHOOK_SECRET").ok(),
        );
        let smtp = SmtpConfig::from_settings(settings)?;
        let sink_secret = settings.var("CLOUDEVENTS_SINK_SECRET").ok();
        let sink = match settings.var("CLOUDEVENTS_SINK_URL") {
            Ok(url) if !url.trim().is_empty() => {
                Some(webhook_from("CLOUDEVENTS_SINK", (Some(url), sink_secret))?)
            }
            _ => None,
        };
        let mut config = Self {
            log: false,
            webhook: None,
            smtp: None,
            sink,
        };
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "log" => config.log = true,
                "webhook" => {
                    config.webhook = Some(webhook_from("NOTIFY_WEBHOOK", webhook.clone())?)
                }
                "smtp" => {
                    config.smtp = Some(
                        smtp.clone()
                            .context("NOTIFY_CHANNELS names smtp: set SMTP_URL and SMTP_FROM")?,
                    );
                }
                other => {
                    bail!("NOTIFY_CHANNELS {other:?} is not a channel: use log, webhook or smtp")
                }
            }
        }
        Ok(config)
    }
}

/// The address and secret read from `<prefix>_URL` and `<prefix>_SECRET`.
fn webhook_from(
    prefix: &str,
    (url, secret): (Option<String>, Option<String>),
) -> anyhow::Result<Webhook> {
    let url = url.with_context(|| format!("{prefix}_URL is not set"))?;
    let parsed = reqwest::Url::parse(url.trim())
        .with_context(|| format!("{prefix}_URL {url:?} is not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!("{prefix}_URL {url:?} is not an http or https URL");
    }
    let secret = secret.with_context(|| format!("{prefix}_URL is set: set {prefix}_SECRET"))?;
    if secret.len() < MIN_SECRET_LEN {
        bail!("{prefix}_SECRET must be at least {MIN_SECRET_LEN} characters");
    }
    Ok(Webhook {
        url: parsed.to_string(),
        secret,
    })
}

/// `sha256=<hex HMAC-SHA256 of body with secret>`.
pub(crate) fn signature(secret: &str, body: &[u8]) -> String {
    // HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The configured channels, ready to send.
pub(crate) struct Channels {
    config: NotifyConfig,
    client: reqwest::Client,
    smtp: Option<Smtp>,
}

impl Channels {
    pub(crate) fn new(config: NotifyConfig) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(WEBHOOK_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .context("building the webhook client")?;
        let smtp = config.smtp.clone().map(Smtp::new).transpose()?;
        Ok(Self {
            config,
            client,
            smtp,
        })
    }

    /// Sends `body` (message `id`'s JSON, read back as `message`) through every
    /// channel; the first failure is the error, and the whole message is sent again
    /// later. The log gets the text and the last digits of the phone number, not the
    /// whole body.
    pub(crate) async fn send(
        &self,
        id: &str,
        message: &Addressed,
        body: &str,
    ) -> Result<(), String> {
        let (to, text) = (message.to.as_str(), message.text.as_str());
        if self.config.log {
            tracing::info!(target: "pizzeria::outbox", id, to = %masked(to), text, "message");
        }
        if let Some(webhook) = &self.config.webhook {
            self.post(webhook, "application/json", id, body)
                .await
                .map_err(|error| format!("webhook {error}"))?;
        }
        if let Some(smtp) = &self.smtp {
            smtp.send(id, to == KITCHEN, message.email.as_deref(), text)
                .await?;
        }
        Ok(())
    }

    /// Posts the CloudEvent `body` (message `id`) to the sink.
    pub(crate) async fn publish(&self, id: &str, body: &str) -> Result<(), String> {
        let sink = self
            .config
            .sink
            .as_ref()
            .ok_or("no sink: CLOUDEVENTS_SINK_URL is not set")?;
        self.post(sink, CLOUD_EVENT_JSON, id, body)
            .await
            .map_err(|error| format!("sink {error}"))
    }

    /// Posts `body`, signed; `Err` says what went wrong, after "webhook" or "sink".
    async fn post(
        &self,
        webhook: &Webhook,
        content_type: &str,
        id: &str,
        body: &str,
    ) -> Result<(), String> {
        let answer = self
            .client
            .post(&webhook.url)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .header(
                SIGNATURE_HEADER,
                signature(&webhook.secret, body.as_bytes()),
            )
            .header(MESSAGE_ID_HEADER, id)
            .body(body.to_owned())
            .send()
            .await
            .map_err(|error| format!("unreachable: {}", without_url(&error)))?;
        let status = answer.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(format!("answered {status}"))
        }
    }
}

/// The phone number with all but its last four digits hidden; `kitchen` as it is.
fn masked(to: &str) -> String {
    let digits: Vec<char> = to.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return to.to_owned();
    }
    let last: String = digits[digits.len() - 4..].iter().collect();
    format!("…{last}")
}

/// The error without the URL, which may carry credentials.
fn without_url(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "timed out".into()
    } else if error.is_connect() {
        "connection failed".into()
    } else {
        "request failed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Vars;

    fn config(vars: &[(&'static str, &'static str)]) -> anyhow::Result<NotifyConfig> {
        NotifyConfig::from_settings(&Vars::of(vars))
    }

    #[test]
    fn the_log_is_the_default_and_a_webhook_needs_a_url_and_a_long_secret() {
        assert_eq!(config(&[]).unwrap(), NotifyConfig::default());
        let both = config(&[
            ("NOTIFY_CHANNELS", "log, webhook"),
            ("NOTIFY_WEBHOOK_URL", "https://relay.example/hooks/pizza"),
            ("NOTIFY_WEBHOOK_SECRET", "a-long-enough-secret"),
        ])
        .unwrap();
        assert!(both.log);
        assert_eq!(
            both.webhook.unwrap().url,
            "https://relay.example/hooks/pizza"
        );
        assert_eq!(both.sink, None);
        let sink = config(&[
            ("CLOUDEVENTS_SINK_URL", "https://events.example/in"),
            ("CLOUDEVENTS_SINK_SECRET", "another-long-secret"),
        ])
        .unwrap();
        assert_eq!(sink.sink.unwrap().url, "https://events.example/in");
        assert!(sink.log && sink.webhook.is_none());
        let refused = [
            vec![("NOTIFY_CHANNELS", "webhook")],
            vec![
                ("NOTIFY_CHANNELS", "webhook"),
                ("NOTIFY_WEBHOOK_URL", "ftp://relay.example"),
                ("NOTIFY_WEBHOOK_SECRET", "a-long-enough-secret"),
            ],
            vec![
                ("NOTIFY_CHANNELS", "webhook"),
                ("NOTIFY_WEBHOOK_URL", "https://relay.example"),
                ("NOTIFY_WEBHOOK_SECRET", "short"),
            ],
            vec![("NOTIFY_CHANNELS", "pigeon")],
            vec![("CLOUDEVENTS_SINK_URL", "https://events.example/in")],
            vec![
                ("CLOUDEVENTS_SINK_URL", "not a url"),
                ("CLOUDEVENTS_SINK_SECRET", "a-long-enough-secret"),
            ],
            vec![("NOTIFY_CHANNELS", "smtp")],
            vec![
                ("NOTIFY_CHANNELS", "smtp"),
                ("SMTP_URL", "smtps://relay.example"),
            ],
        ];
        for vars in refused {
            assert!(config(&vars).is_err(), "{vars:?}");
        }
    }

    #[test]
    fn the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_phone_number_is_logged_by_its_last_four_digits() {
        assert_eq!(masked("555 010 0500"), "…0500");
        assert_eq!(masked("kitchen"), "kitchen");
    }
}
