//! API tests: each starts the real server on port 0 with a fresh database (SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` names a server) and talks HTTP to it.

mod analytics;
mod auth;
mod authorization;
mod bad_input;
mod built_files;
mod cli;
mod crash;
mod cross_origin;
mod customer_accounts;
mod db_proxy;
mod delivery;
mod health;
mod helpers;
mod hostile_input;
mod idempotency;
mod kitchen;
mod menu;
mod metrics;
mod my_orders;
mod notifications;
mod openapi;
mod orders;
mod outage;
mod pages;
mod profile;
mod rate_limits;
mod reads_follow_writes;
mod request_id;
mod security_headers;
mod server_process;
mod sign_in_form;
mod sign_in_limits;
mod slow_clients;
mod streams;
mod views;
