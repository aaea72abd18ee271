//! The reviewers' web page, served at `/` by the same binary.
//!
//! Reviewers work on intranets that often have no internet at all, so every asset (HTML, CSS,
//! JavaScript modules, icon) is compiled into the binary with `include_str!`: no CDN, no external
//! font, no build step. The page is plain HTML, CSS and vanilla JS modules under `assets/`; it
//! talks only to the JSON API under `/api/v1`.
//!
//! Caching: assets change only with the binary, so each answer carries a strong ETag (SHA-256 of
//! its bytes) with `Cache-Control: no-cache`; the browser revalidates and gets `304` until the
//! next upgrade, never a stale script. A strict Content-Security-Policy keeps everything local
//! (and stops any text that came from a document — a decoded QR code, say — from running).

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::http::ApiError;

/// One embedded file.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
    etag: String,
}

macro_rules! asset {
    ($name:literal, $ct:literal) => {
        ($name, $ct, include_str!(concat!("assets/", $name)))
    };
}

/// Every file of the page; the first is the page itself.
static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    [
        asset!("index.html", "text/html; charset=utf-8"),
        asset!("app.css", "text/css; charset=utf-8"),
        asset!("app.js", "text/javascript; charset=utf-8"),
        asset!("api.js", "text/javascript; charset=utf-8"),
        asset!("dom.js", "text/javascript; charset=utf-8"),
        asset!("i18n.js", "text/javascript; charset=utf-8"),
        asset!("list.js", "text/javascript; charset=utf-8"),
        asset!("upload.js", "text/javascript; charset=utf-8"),
        asset!("view.js", "text/javascript; charset=utf-8"),
        asset!("favicon.svg", "image/svg+xml"),
    ]
    .into_iter()
    .map(|(name, content_type, body)| Asset {
        name,
        content_type,
        body,
        etag: format!(
            "\"{}\"",
            hex::encode(&Sha256::digest(body.as_bytes())[..16])
        ),
    })
    .collect()
});

/// Everything loads from this origin only; page images are `blob:`-free plain URLs.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The page's routes, to be merged into the application router.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(index))
        .route("/assets/{file}", get(asset))
}

async fn index(headers: HeaderMap) -> Response {
    serve(&ASSETS[0], &headers)
}

async fn asset(Path(file): Path<String>, headers: HeaderMap) -> Response {
    match ASSETS.iter().find(|a| a.name == file) {
        Some(a) => serve(a, &headers),
        None => ApiError::NotFound {
            what: "asset",
            id: file,
        }
        .into_response(),
    }
}

fn serve(a: &Asset, headers: &HeaderMap) -> Response {
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == a.etag));
    let mut resp = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        a.body.into_response()
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(a.content_type),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&a.etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_embedded_with_a_type_and_a_distinct_etag() {
        let mut tags: Vec<&str> = ASSETS.iter().map(|a| a.etag.as_str()).collect();
        tags.sort();
        tags.dedup();
        assert_eq!(tags.len(), ASSETS.len());
        assert!(ASSETS.iter().all(|a| !a.body.is_empty()));
        // Every module the page imports is served: no import can 404.
        for a in ASSETS.iter().filter(|a| a.name.ends_with(".js")) {
            for line in a
                .body
                .lines()
                .filter(|l| l.trim_start().starts_with("import "))
            {
                let target = line
                    .split(['"', '\''])
                    .nth(1)
                    .and_then(|p| p.strip_prefix("./"))
                    .unwrap_or_else(|| panic!("{}: import without ./ path: {line}", a.name));
                assert!(
                    ASSETS.iter().any(|b| b.name == target),
                    "{} imports {target}, which is not embedded",
                    a.name
                );
            }
        }
    }

    #[test]
    fn nothing_is_loaded_from_elsewhere() {
        for a in ASSETS.iter().filter(|a| a.name != "favicon.svg") {
            for needle in ["http://", "https://", "//cdn", "@import url("] {
                assert!(!a.body.contains(needle), "{} mentions {needle}", a.name);
            }
        }
    }

    #[test]
    fn a_matching_etag_gets_not_modified() {
        let a = &ASSETS[1];
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&a.etag).unwrap(),
        );
        assert_eq!(serve(a, &h).status(), StatusCode::NOT_MODIFIED);
        assert_eq!(serve(a, &HeaderMap::new()).status(), StatusCode::OK);
    }
}
