//! The ceiling of `bench/http`: one tiny HTML handler served like `miti
//! serve` serves (tokio's multi-threaded runtime with a worker per core,
//! `axum::serve` with the peer address, the same log setup and allocator), so that wrk
//! shows what HTTP alone costs on the machine and each page can be read as
//! a share of it.
//!
//!     cargo run --release -p miti --example ceiling -- 127.0.0.1:0

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use std::process::ExitCode;

/// The same allocator as `miti`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

async fn page() -> Html<&'static str> {
    Html(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ceiling</title>\
         </head><body><p>Hello from the ceiling.</p></body></html>",
    )
}

async fn run(bind: String) -> Result<(), String> {
    let app = Router::new().route("/", get(page));
    let listener = tokio::net::TcpListener::bind(&bind)
        .await
        .map_err(|e| format!("bind {bind}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("ceiling listening on http://{local}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
    .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".into());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("ceiling: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(bind)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ceiling: {e}");
            ExitCode::FAILURE
        }
    }
}
