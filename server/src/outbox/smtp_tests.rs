//! The `smtp` channel against a relay started by the test on 127.0.0.1 (a few lines of
//! SMTP, no TLS): a signed-in customer's confirmation goes to their account's address,
//! the kitchen's to `SMTP_KITCHEN_TO`, a guest's order is not e-mailed, and each e-mail's
//! `Message-ID` is the message's idempotency id.

use crate::outbox::smtp::SmtpConfig;
use crate::outbox::{Channels, Dispatcher, NotifyConfig, RetryPolicy};
use crate::testing::{TestApp, place_order, place_order_as, test_app};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// What the relay took: each e-mail's recipients and its data.
type Mailbag = Arc<Mutex<Vec<(Vec<String>, String)>>>;

/// A relay that takes every e-mail; answers its bag and its port.
async fn relay() -> (Mailbag, u16) {
    let bag = Mailbag::default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let keep = bag.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(session(stream, keep.clone()));
        }
    });
    (bag, port)
}

/// One SMTP session: greets, says yes to everything, keeps each message.
async fn session(stream: tokio::net::TcpStream, bag: Mailbag) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let _ = write.write_all(b"220 relay.test ESMTP\r\n").await;
    let mut recipients = Vec::new();
    while let Ok(Some(line)) = lines.next_line().await {
        let command = line.to_ascii_uppercase();
        let answer: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
            b"250 relay.test\r\n"
        } else if let Some(to) = command.strip_prefix("RCPT TO:") {
            recipients.push(to.trim_matches(['<', '>', ' ']).to_ascii_lowercase());
            b"250 OK\r\n"
        } else if command == "DATA" {
            let _ = write.write_all(b"354 go on\r\n").await;
            let mut data = String::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if line == "." {
                    break;
                }
                data.push_str(&line);
                data.push('\n');
            }
            bag.lock()
                .unwrap()
                .push((std::mem::take(&mut recipients), data));
            b"250 OK\r\n"
        } else if command == "QUIT" {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"250 OK\r\n"
        };
        if write.write_all(answer).await.is_err() {
            return;
        }
    }
}

fn dispatcher(app: &TestApp, port: u16) -> Dispatcher {
    let smtp = SmtpConfig {
        url: format!("smtp://127.0.0.1:{port}"),
        from: "Mario's Pizzeria <orders@pizzeria.example>"
            .parse()
            .unwrap(),
        kitchen: Some("kitchen@pizzeria.example".parse().unwrap()),
    };
    let config = NotifyConfig {
        log: false,
        smtp: Some(smtp),
        ..NotifyConfig::default()
    };
    Dispatcher {
        pool: app.pool.clone(),
        writer: app.services.writer.clone(),
        channels: Channels::new(config).unwrap(),
        retry: RetryPolicy::default(),
        views: app.views.clone(),
    }
}

#[tokio::test]
async fn a_customers_confirmation_is_e_mailed_to_their_account_and_the_kitchen_to_its_address() {
    let app = test_app().await;
    sqlx::query(
        "INSERT INTO customer_accounts (username, password_hash, name, email, phone, address, \
         created_at) VALUES ('ada', 'x', 'Ada', 'ada@example.com', '555 010 0900', NULL, \
         '2026-12-07T12:00:00.000000Z')",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (order_id, _) = place_order_as(&app, "ada", &[("margherita", 1)]).await;
    let (_, position) = place_order(&app, "555 010 0901", &[("pepperoni", 1)]).await;
    app.views.wait_for(Some(position)).await.unwrap();
    let (bag, port) = relay().await;

    let sent = dispatcher(&app, port).send_due().await.unwrap();

    assert_eq!(
        sent, 4,
        "both confirmations and both kitchen tickets are settled"
    );
    let mail = bag.lock().unwrap().clone();
    let short = &order_id.simple().to_string()[..8];
    let to_ada: Vec<&String> = mail
        .iter()
        .filter(|(to, _)| to == &["ada@example.com"])
        .map(|(_, data)| data)
        .collect();
    assert_eq!(to_ada.len(), 1, "{mail:?}");
    assert!(
        to_ada[0].contains(&format!(
            "Subject: Mario's Pizzeria: Order {short} confirmed"
        )),
        "{}",
        to_ada[0]
    );
    assert!(to_ada[0].contains("Message-ID: <"), "{}", to_ada[0]);
    assert!(to_ada[0].contains("-order_confirmed@pizzeria.example>"));
    let to_kitchen = mail
        .iter()
        .filter(|(to, _)| to == &["kitchen@pizzeria.example"])
        .count();
    assert_eq!(to_kitchen, 2);
    assert_eq!(mail.len(), 3, "the guest's order is not e-mailed: {mail:?}");
}
