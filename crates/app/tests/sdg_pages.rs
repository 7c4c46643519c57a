//! The SDG framework pages: every goal, target and indicator, in the viewer's
//! language with English as fallback, with the official colours.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sdg_pages_in_every_language() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let b = app.browser();
    let (s, html) = b.get_text("/sdg?lang=fr").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        html.matches("class=\"sdg sdg-").count(),
        17,
        "17 goal tiles"
    );
    assert!(
        html.contains("Eau propre et assainissement"),
        "goal 6 in French"
    );
    let (_, html) = b.get_text("/sdg/goals/6?lang=es").await;
    assert!(html.contains("sdg sdg-6") && html.contains(">6.3<") && html.contains(">6.3.1<"));
    assert!(html.contains("Agua Limpia y Saneamiento"));
    // Persian has no official translation: English, marked as such.
    let (_, html) = b.get_text("/sdg/goals/6?lang=fa").await;
    assert!(html.contains(r#"lang="en""#) && html.contains("Clean water and sanitation"));
    assert!(html.contains(r#"dir="rtl""#));
    let (s, html) = b.get_text("/sdg/targets/11.a?lang=ko").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("11.a.1"));
    // An indicator that stands under two targets links to the other one.
    let (s, html) = b.get_text("/sdg/indicators/1.5.1?lang=en").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("/sdg/targets/11.5") || html.contains("/sdg/targets/13.1"),
        "repeated indicator cross-links"
    );
    assert_eq!(b.status("/sdg/goals/18").await, StatusCode::NOT_FOUND);
    assert_eq!(
        b.status("/sdg/indicators/99.9.9").await,
        StatusCode::NOT_FOUND
    );
}
