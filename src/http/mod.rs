//! The JSON API (axum): routes, shared state, request ids and logging.

pub mod decisions;
pub mod error;
pub mod openapi;
pub mod submissions;
pub mod upload;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::jobs::Jobs;
pub use error::ApiError;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub jobs: Arc<Jobs>,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole HTTP application.
pub fn router(state: AppState) -> Router {
    let upload_limit = state.jobs.pipeline.config().server.max_upload_bytes;
    let api = Router::new()
        .route(
            "/submissions",
            get(submissions::list).post(upload::create).layer(
                // The upload handler counts bytes itself and answers 413 with a problem;
                // this outer cap (a little above) only stops runaway bodies.
                DefaultBodyLimit::max(upload_limit.saturating_add(1 << 20) as usize),
            ),
        )
        .route("/submissions/{id}", get(submissions::get_one))
        .route("/submissions/{id}/report", get(submissions::report))
        .route(
            "/submissions/{id}/decisions",
            get(decisions::list).post(decisions::create),
        )
        .route(
            "/submissions/{id}/documents/{doc}/file",
            get(submissions::document_file),
        )
        .route(
            "/submissions/{id}/documents/{doc}/pages/{page}/image",
            get(submissions::page_image),
        )
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/schemas/report-v1.json", get(openapi::report_schema));
    Router::new()
        .nest("/api/v1", api)
        .merge(crate::web::router())
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .fallback(not_found)
        .with_state(state)
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal(anyhow::anyhow!("handler panicked")).into_response()
        }))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                let id = req
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
            }),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "alive")))]
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers and the blob store's scratch area is writable.
///
/// Not ready either while a job bookkeeping write the database refused is outstanding (until a
/// later one succeeds; the job is claimed again when its lease runs out).
#[utoipa::path(get, path = "/readyz", responses((status = 200, description = "ready"), (status = 503, description = "not ready", body = error::Problem)))]
pub async fn readyz(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    state
        .jobs
        .store
        .ping()
        .await
        .map_err(|e| ApiError::Unavailable(format!("database: {e}")))?;
    if let Some(f) = state.jobs.bookkeeping.outstanding() {
        return Err(ApiError::Unavailable(format!(
            "database: job bookkeeping not recorded: {} for submission {} failed at {} ({} write(s) given up since the last one recorded): {}; the job is claimed again when its lease runs out",
            f.operation, f.submission_id, f.at, f.count, f.error
        )));
    }
    let probe = state.jobs.blobs.scratch_dir().join(".ready");
    tokio::fs::write(&probe, b"")
        .await
        .map_err(|e| ApiError::Unavailable(format!("blob store: {e}")))?;
    let _ = tokio::fs::remove_file(&probe).await;
    Ok("ready")
}

async fn not_found(req: Request<axum::body::Body>) -> impl IntoResponse {
    let e = ApiError::NotFound {
        what: "route",
        id: req.uri().path().to_string(),
    };
    (StatusCode::NOT_FOUND, e).into_response()
}
