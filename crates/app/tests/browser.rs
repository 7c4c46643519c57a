//! End-to-end in a real browser: Debian's headless Chromium driven through
//! chromedriver (WebDriver). Installed by `scripts/install-test-deps.sh
//! --browser`; without it these tests print that they were skipped (CI
//! installs it and sets CI=true, which turns a missing browser into a failure).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, PASSWORD, TestApp};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Driver {
    child: Child,
    client: Client,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots are kept for people to look at (CI artefacts).
fn artefacts() -> PathBuf {
    let dir = std::env::var("MITI_E2E_ARTEFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artefacts")
        });
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn driver() -> Option<Driver> {
    let found = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(chromedriver) = found else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromedriver missing in CI: run scripts/install-test-deps.sh --browser"
        );
        eprintln!(
            "skipped: chromium-driver not installed (scripts/install-test-deps.sh --browser)"
        );
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,900", format!("--user-data-dir={}", profile.path().display())]
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let mut client = None;
    for _ in 0..50 {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    Some(Driver {
        child,
        client: client.expect("chromedriver answers"),
        _profile: profile,
    })
}

async fn sign_in(c: &Client, app: &TestApp, email: &str) {
    c.goto(&app.url("/login")).await.unwrap();
    c.find(Locator::Css("input[name=email]"))
        .await
        .unwrap()
        .send_keys(email)
        .await
        .unwrap();
    c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("form.stack button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Wait for the redirect away from the sign-in page, so that what the
    // caller finds next belongs to the signed-in page, not the old one.
    for _ in 0..100 {
        if !c.current_url().await.unwrap().path().starts_with("/login") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("still on the sign-in page");
}

async fn eval_bool(c: &Client, js: &str) -> bool {
    c.execute(js, vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_right_to_left_and_no_script_injection() {
    let Some(d) = driver().await else { return };
    // Production cookies (__Host-, Secure): a real browser accepts them on 127.0.0.1.
    let app = TestApp::spawn_opts(Backend::Sqlite, &[], false)
        .await
        .unwrap();
    let c = &d.client;

    sign_in(c, &app, "admin@secretariat.demo").await;
    let header = c
        .find(Locator::Css("header .session"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
    let png = c.screenshot().await.unwrap();
    let shot = artefacts().join("organisations-ar.png");
    std::fs::write(&shot, png).unwrap();
    eprintln!("screenshot: {}", shot.display());

    // Script typed into a name is shown as text and never runs.
    c.goto(&app.url("/organisations/new?lang=en"))
        .await
        .unwrap();
    let payload = r#"<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"#;
    let fields = [
        ("slug", "xss-city"),
        ("name_en", payload),
        ("country", "FR"),
        ("city", payload),
        ("timezone", "Europe/Paris"),
        ("working_languages", "fr"),
    ];
    for (name, value) in fields {
        let input = c
            .find(Locator::Css(&format!("input[name={name}]")))
            .await
            .unwrap();
        input.clear().await.unwrap();
        input.send_keys(value).await.unwrap();
    }
    c.find(Locator::Css("form.stack button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let heading = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(heading, payload, "the name is shown literally");
    assert!(eval_bool(c, "return window.__xss === undefined && document.querySelectorAll('main img, main script').length === 0").await);
    c.goto(&app.url("/organisations?q=xss")).await.unwrap();
    assert!(eval_bool(c, "return window.__xss === undefined && document.querySelectorAll('main img, main script').length === 0").await);
    let cell = c
        .find(Locator::Css("tbody td a"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(cell, payload);
    d.client.clone().close().await.unwrap();
}
