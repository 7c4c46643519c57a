//! End-to-end in a real browser: Debian's headless Chromium driven through
//! chromedriver (WebDriver). Installed by `scripts/install-test-deps.sh
//! --browser`; without it these tests print that they were skipped (CI
//! installs it and sets CI=true, which turns a missing browser into a failure).
//!
//! `browser/support.rs` holds the driver and a person's moves (sign in, fill,
//! press, wait); `browser/journey.rs` is the application journey from
//! applying to a confirmed place.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "browser/journey.rs"]
mod journey;
#[path = "browser/support.rs"]
mod support;

use common::{Backend, TestApp};
use fantoccini::Locator;
use support::{XSS, assert_inert, driver, eval_bool, fill, press, screenshot, sign_in, text_of};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_right_to_left_and_no_script_injection() {
    let Some(d) = driver().await else { return };
    // Production cookies (__Host-, Secure): a real browser accepts them on 127.0.0.1.
    let app = TestApp::spawn_opts(Backend::Sqlite, &[], false)
        .await
        .unwrap();
    let c = &d.client;

    sign_in(c, &app, "admin@secretariat.demo").await;
    let header = text_of(c, Locator::Css("header .session")).await;
    assert!(
        header.contains("Secretariat (network admin)"),
        "signed in: {header}"
    );

    // Arabic lays out right to left: the brand sits at the right edge, the
    // session menu at the left, and text aligns to the right.
    c.goto(&app.url("/organisations?lang=ar")).await.unwrap();
    assert!(eval_bool(c, "return document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar'").await);
    assert!(eval_bool(c, "const b = document.querySelector('.brand').getBoundingClientRect(); const s = document.querySelector('.session').getBoundingClientRect(); return b.left > s.right;").await);
    assert!(eval_bool(c, "return getComputedStyle(document.querySelector('th')).textAlign === 'start' && document.querySelector('th').getBoundingClientRect().right > document.querySelector('table').getBoundingClientRect().right - 40;").await);
    screenshot(c, "organisations-ar.png").await;

    // Script typed into a name is shown as text and never runs.
    c.goto(&app.url("/organisations/new?lang=en"))
        .await
        .unwrap();
    let fields = [
        ("slug", "xss-city"),
        ("name_en", XSS),
        ("country", "FR"),
        ("city", XSS),
        ("timezone", "Europe/Paris"),
        ("working_languages", "fr"),
    ];
    for (name, value) in fields {
        fill(c, name, value).await;
    }
    press(c, Locator::Css("form.stack button[type=submit]")).await;
    let heading = text_of(c, Locator::Css("h1")).await;
    assert_eq!(heading, XSS, "the name is shown literally");
    assert_inert(c).await;
    c.goto(&app.url("/organisations?q=xss")).await.unwrap();
    assert_inert(c).await;
    let cell = text_of(c, Locator::Css("tbody td a")).await;
    assert_eq!(cell, XSS);
    d.client.clone().close().await.unwrap();
}
