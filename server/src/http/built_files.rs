//! The built files under `/pkg` (the wasm module and its lazy chunks, the JS glue, the
//! CSS), read into memory at start and answered from there, outside the caller
//! middleware: they are the same for everyone, so they cost no session lookup, and no
//! file is opened per request (that made them four times slower than the menu).
//!
//! - A content-hashed name (the release build's `pizzeria.<hash>.wasm`, the lazy chunks
//!   named by their hash) never changes its content: `Cache-Control: public,
//!   max-age=31536000, immutable`, so a returning customer does not even ask.
//! - Any other name (a build without hashing, `snippets/`) gets `Last-Modified` and the
//!   router's `Cache-Control: no-cache`: the browser asks each time, and a copy that is
//!   current gets a 304 without a body (`If-Modified-Since`).
//! - The `.br` and `.gz` copies the build writes next to each file (`build_site` in
//!   `scripts/lib.sh`) go to browsers that accept them, so nothing is compressed per
//!   request. A copy older than its file (a build without that step) would send old
//!   code, so it is left out; such files are then compressed by the router's layer.
//! - A rebuilt site needs a restart (`scripts/run` and cargo-leptos restart the server).

use crate::http::AppState;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::config::LeptosOptions;
use std::collections::HashMap;
use std::path::Path as FsPath;
use std::sync::Arc;
use std::time::SystemTime;

/// One built file and its compressed copies.
struct BuiltFile {
    body: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: HeaderValue,
    /// Its name carries a hash of its content, so it can be kept for good.
    immutable: bool,
    /// Whole seconds, as HTTP dates carry them.
    modified: SystemTime,
    last_modified: HeaderValue,
}

/// Every built file by its path below the pkg folder (`chunk_1.wasm`, `pizzeria.css`).
type Files = Arc<HashMap<String, BuiltFile>>;

/// Routes `/<site_pkg_dir>/*` to the files of `<site_root>/<site_pkg_dir>`, read now.
pub(crate) fn built_files(options: &LeptosOptions) -> Router<AppState> {
    let folder = FsPath::new(&*options.site_root).join(&*options.site_pkg_dir);
    let mut files = HashMap::new();
    load(&folder, "", &mut files);
    tracing::debug!(files = files.len(), folder = %folder.display(), "built files in memory");
    let files: Files = Arc::new(files);
    let route = format!("/{}/{{*path}}", options.site_pkg_dir);
    Router::new().route(
        &route,
        get(move |Path(path): Path<String>, headers: HeaderMap| {
            let files = files.clone();
            async move { answer(&files, &path, &headers) }
        }),
    )
}

/// Reads `folder` (and below) into `files`, under names prefixed with `prefix`.
fn load(folder: &FsPath, prefix: &str, files: &mut HashMap<String, BuiltFile>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        let name = format!("{prefix}{name}");
        if path.is_dir() {
            load(&path, &format!("{name}/"), files);
        } else if !name.ends_with(".br") && !name.ends_with(".gz") {
            match read(&path) {
                Ok(mut file) => {
                    file.immutable = content_hashed(&name);
                    files.insert(name, file);
                }
                Err(error) => {
                    tracing::warn!(%error, file = %path.display(), "could not read a built file")
                }
            }
        }
    }
}

fn read(path: &FsPath) -> std::io::Result<BuiltFile> {
    let body = Bytes::from(std::fs::read(path)?);
    let modified = std::fs::metadata(path)?.modified()?;
    let modified = httpdate::parse_http_date(&httpdate::fmt_http_date(modified))
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let copy = |extension: &str| {
        let copy = FsPath::new(&format!("{}.{extension}", path.display())).to_path_buf();
        let fresh = std::fs::metadata(&copy)
            .and_then(|meta| meta.modified())
            .is_ok_and(|copied| copied >= modified);
        if !fresh && copy.exists() {
            tracing::warn!(file = %copy.display(), "leaving out a compressed copy older than its file");
        }
        fresh
            .then(|| std::fs::read(&copy).ok().map(Bytes::from))
            .flatten()
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    Ok(BuiltFile {
        brotli: copy("br"),
        gzip: copy("gz"),
        body,
        content_type: HeaderValue::from_str(mime.essence_str())
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
        immutable: false,
        last_modified: HeaderValue::from_str(&httpdate::fmt_http_date(modified))
            .unwrap_or(HeaderValue::from_static("Thu, 01 Jan 1970 00:00:00 GMT")),
        modified,
    })
}

/// The file at `path`: 404 when there is none, 304 when the browser's copy is current,
/// else the smallest encoding the browser accepts.
fn answer(files: &Files, path: &str, headers: &HeaderMap) -> Response {
    let Some(file) = files.get(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let current = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| httpdate::parse_http_date(value).ok())
        .is_some_and(|since| file.modified <= since);
    let mut response = if current {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let accepts = |coding: &str| accepts_encoding(headers, coding);
        let (body, encoding) = match (&file.brotli, &file.gzip) {
            (Some(brotli), _) if accepts("br") => (brotli.clone(), Some("br")),
            (_, Some(gzip)) if accepts("gzip") => (gzip.clone(), Some("gzip")),
            _ => (file.body.clone(), None),
        };
        let mut response = Response::new(Body::from(body));
        let response_headers = response.headers_mut();
        response_headers.insert(header::CONTENT_TYPE, file.content_type.clone());
        if let Some(encoding) = encoding {
            response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    };
    let response_headers = response.headers_mut();
    response_headers.insert(header::LAST_MODIFIED, file.last_modified.clone());
    if file.immutable {
        response_headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    }
    response_headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Whether the file name (not its folders) has a part that is a content hash as
/// cargo-leptos writes them: 22 characters of unpadded base64url (an MD5), as in
/// `pizzeria.lV7Dk2mSSQ0C4-3TulYd2g.wasm` or `lV7Dk2mSSQ0C4-3TulYd2g.wasm`.
fn content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts: Vec<&str> = name.split('.').collect();
    parts.pop(); // the extension
    parts.iter().any(|part| {
        part.len() == 22
            && part
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
    })
}

/// Whether `Accept-Encoding` names `coding` without `q=0`.
fn accepts_encoding(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let named = parts
                .next()
                .is_some_and(|name| name.eq_ignore_ascii_case(coding));
            let refused = parts.any(|param| param.replace(' ', "") == "q=0");
            named && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn a_compressed_copy_older_than_its_file_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("app.wasm");
        let now = SystemTime::now();
        for (name, modified) in [
            ("app.wasm", now),
            ("app.wasm.br", now - std::time::Duration::from_secs(60)),
            ("app.wasm.gz", now),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, name).unwrap();
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(modified)
                .unwrap();
        }
        let built = read(&file).unwrap();
        assert_eq!(built.body, "app.wasm");
        assert_eq!(built.brotli, None);
        assert_eq!(built.gzip.as_deref(), Some(&b"app.wasm.gz"[..]));
        assert_eq!(built.content_type, "application/wasm");
    }

    #[test]
    fn only_names_with_a_content_hash_are_immutable() {
        assert!(content_hashed("pizzeria.lV7Dk2mSSQ0C4-3TulYd2g.wasm"));
        assert!(content_hashed("lV7Dk2mSSQ0C4-3TulYd2g.wasm"));
        assert!(content_hashed("__wasm_split.lV7Dk2mSSQ0C4-3TulYd2g.js"));
        assert!(!content_hashed("pizzeria.wasm"));
        assert!(!content_hashed("pizzeria.css"));
        // The hash must be in the name, not a folder, and not the extension.
        assert!(!content_hashed("lV7Dk2mSSQ0C4-3TulYd2g/app.js"));
        assert!(!content_hashed("app.lV7Dk2mSSQ0C4-3TulYd2g"));
        // Not 22 characters, or not base64url.
        assert!(!content_hashed("pizzeria.lV7Dk2mSSQ0C4-3TulYd2.wasm"));
        assert!(!content_hashed("pizzeria.lV7Dk2mSSQ0C4+3TulYd2g.wasm"));
    }

    #[test]
    fn accept_encoding_names_codings_unless_refused_with_q_0() {
        assert!(accepts_encoding(&accept("gzip, deflate, br"), "br"));
        assert!(accepts_encoding(&accept("br;q=0.5"), "br"));
        assert!(!accepts_encoding(&accept("gzip, br;q=0"), "br"));
        assert!(!accepts_encoding(&accept("gzip"), "br"));
        assert!(!accepts_encoding(&HeaderMap::new(), "gzip"));
    }
}
