//! The OpenAPI document, generated from the handlers' annotations (utoipa), and the report's
//! JSON Schema. Both are also committed under `docs/` and a test keeps them in sync.

use axum::Json;
use utoipa::OpenApi;

use crate::report::Report;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "docverify API",
        description = "Checks the materials of 小微企业双创基地 applications: upload a submission, poll its status, read the docverify.report/v1 report. Errors are RFC 9457 problem details with a stable `code`."
    ),
    paths(
        super::upload::create,
        super::submissions::list,
        super::submissions::get_one,
        super::submissions::report,
        super::submissions::document_file,
        super::submissions::page_image,
        super::decisions::create,
        super::decisions::list,
        super::healthz,
        super::readyz,
    ),
    tags(
        (name = "submissions", description = "Upload and read submissions"),
        (name = "decisions", description = "Reviewers confirm or override findings; the machine's findings stay beside their decisions")
    )
)]
pub struct ApiDoc;

/// The OpenAPI document as JSON text (what `docs/openapi.json` holds).
pub fn openapi_pretty() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .expect("OpenAPI serialises")
}

/// The report schema as JSON text (what `docs/report.schema.json` holds).
pub fn report_schema_pretty() -> String {
    serde_json::to_string_pretty(&Report::json_schema()).expect("schema serialises")
}

/// `GET /api/v1/openapi.json`.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// `GET /api/v1/schemas/report-v1.json`.
pub async fn report_schema() -> Json<serde_json::Value> {
    Json(Report::json_schema())
}
