//! A client cannot hold a connection by sending slowly: a request's headers, then its
//! body, must arrive within `HTTP_HEADER_TIMEOUT_SECS` (1 s here), and a keep-alive
//! connection left idle that long is closed.

use crate::helpers::{TestApp, spawn_app_with, staff_config};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn impatient_app() -> TestApp {
    let mut staff = staff_config();
    staff.http.header_timeout = Duration::from_secs(1);
    spawn_app_with(staff).await
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Reads until the server closes the connection (or 10 s pass); answers what it sent
/// and how long that took.
async fn read_until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut received));
    read.await.expect("the server closed the connection").ok();
    (
        String::from_utf8_lossy(&received).into_owned(),
        started.elapsed(),
    )
}

#[tokio::test]
async fn half_sent_headers_are_cut_off() {
    let app = impatient_app().await;
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /api/menu HTTP/1.1\r\nHost: pizzeria\r\n")
        .await
        .unwrap();
    let (answer, waited) = read_until_closed(&mut stream).await;
    assert!(waited < Duration::from_secs(4), "closed after {waited:?}");
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let app = impatient_app().await;
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /api/menu HTTP/1.1\r\nHost: pizzeria\r\n\r\n")
        .await
        .unwrap();
    let (answer, waited) = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(waited < Duration::from_secs(4), "closed after {waited:?}");
}

#[tokio::test]
async fn a_body_that_never_finishes_is_refused_without_a_5xx() {
    let app = impatient_app().await;
    let mut stream = connect(&app).await;
    stream
        .write_all(
            b"POST /api/orders HTTP/1.1\r\nHost: pizzeria\r\nContent-Type: application/json\r\n\
              Content-Length: 1000\r\n\r\n{\"customer_name\": ",
        )
        .await
        .unwrap();
    let (answer, waited) = read_until_closed(&mut stream).await;
    assert!(waited < Duration::from_secs(4), "answered after {waited:?}");
    let status = answer.split(' ').nth(1).unwrap_or("none");
    assert!(status.starts_with('4'), "{answer}");
}
