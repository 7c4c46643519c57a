//! Fault injection for the crash test's negative control (issue 6): compiled
//! only with the `fault-injection` feature, never in a release of miti.
//!
//! With `MITI_FAULT_ACK_BEFORE_COMMIT=1`, an application's submission is
//! acknowledged (303) at once and carried out 200 ms later in the
//! background: the server answers before committing. A SIGKILL then loses
//! acknowledged submissions, and `crates/app/tests/crash.rs`, built with the
//! feature, checks that it notices (`scripts/test.sh` runs it).

use axum::Router;
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// `router` with the fault, when the environment asks for it.
pub fn install(router: Router<crate::AppState>) -> Router<crate::AppState> {
    if std::env::var("MITI_FAULT_ACK_BEFORE_COMMIT").as_deref() != Ok("1") {
        return router;
    }
    tracing::warn!("fault injection: submissions are acknowledged before they are committed");
    router.layer(middleware::from_fn(ack_before_commit))
}

async fn ack_before_commit(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let submit = request.method() == Method::POST
        && path.starts_with("/applications/")
        && path.ends_with("/submit");
    if !submit {
        return next.run(request).await;
    }
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        next.run(request).await
    });
    let application = path.trim_end_matches("/submit").to_string();
    (StatusCode::SEE_OTHER, [(header::LOCATION, application)]).into_response()
}
