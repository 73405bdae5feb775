//! The built files under `/pkg`: revalidation answers 304, and the `.br`/`.gz` copies
//! the build writes are sent to browsers that accept them.

use crate::helpers::{spawn_app_on_site, staff_config};
use tempfile::TempDir;

const CSS: &str = "body { color: #b22; }\n";
/// A name as the release build writes it: the file's MD5 in unpadded base64url.
const HASHED: &str = "site.lV7Dk2mSSQ0C4-3TulYd2g.css";

/// A site folder with `pkg/site.css` and (fake, but recognisable) compressed copies.
fn site() -> TempDir {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    std::fs::write(pkg.join("site.css"), CSS).unwrap();
    std::fs::write(pkg.join("site.css.br"), b"brotli copy").unwrap();
    std::fs::write(pkg.join("site.css.gz"), b"gzip copy").unwrap();
    std::fs::write(pkg.join(HASHED), CSS).unwrap();
    site
}

#[tokio::test]
async fn a_browser_whose_copy_is_current_gets_a_304_without_a_body() {
    let site = site();
    let app = spawn_app_on_site(site.path().to_str().unwrap(), staff_config()).await;
    let first = app.get("/pkg/site.css").await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "no-cache");
    let modified = first.headers()["last-modified"].clone();
    assert_eq!(first.text().await.unwrap(), CSS);

    let again = app
        .client
        .get(format!("{}/pkg/site.css", app.address))
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_content_hashed_file_may_be_kept_for_a_year_without_asking() {
    let site = site();
    let app = spawn_app_on_site(site.path().to_str().unwrap(), staff_config()).await;
    let response = app.get(&format!("/pkg/{HASHED}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.text().await.unwrap(), CSS);
}

#[tokio::test]
async fn the_build_s_compressed_copies_go_to_browsers_that_accept_them() {
    let site = site();
    let app = spawn_app_on_site(site.path().to_str().unwrap(), staff_config()).await;
    // reqwest here decompresses nothing: the bodies are the copies as stored.
    for (accept, encoding, body) in [("br", "br", "brotli copy"), ("gzip", "gzip", "gzip copy")] {
        let response = app
            .client
            .get(format!("{}/pkg/site.css", app.address))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-encoding"], encoding);
        assert_eq!(response.text().await.unwrap(), body);
    }
}

#[tokio::test]
async fn a_missing_built_file_is_a_404() {
    let site = site();
    let app = spawn_app_on_site(site.path().to_str().unwrap(), staff_config()).await;
    assert_eq!(app.get("/pkg/nothing-here.js").await.status(), 404);
}
