//! The `server` binary: `server --help` lists what it does and every setting.

use clap::Parser;
use server::cli::Cli;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let _logging = cli.init_logging();
    cli.run().await
}
