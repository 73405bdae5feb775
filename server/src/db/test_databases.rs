//! Throw-away PostgreSQL databases for the test suites (the library's own and the API
//! tests, which can only reach public items, hence this is not `#[cfg(test)]`).

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, Executor, PgConnection};
use std::str::FromStr;

/// Creates an empty `test_<uuid>` database on the PostgreSQL server at `server_url` (a
/// role allowed to `CREATE DATABASE`) and answers its URL.
#[doc(hidden)]
pub async fn create_postgres_database(server_url: &str) -> Result<String, sqlx::Error> {
    let server = PgConnectOptions::from_str(server_url)?;
    let name = format!("test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect_with(&server).await?;
    admin
        .execute(format!(r#"CREATE DATABASE "{name}""#).as_str())
        .await?;
    admin.close().await?;
    Ok(server.database(&name).to_url_lossy().to_string())
}
