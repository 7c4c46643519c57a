//! The browser and the moves a person makes in it, shared by the browser
//! tests: start headless Chromium through chromedriver, sign in as someone,
//! fill fields, press buttons and wait for the page they lead to, and check
//! that text typed as markup stayed text.

use crate::common::{PASSWORD, TestApp};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Markup that runs script if a page ever inserts it unescaped.
pub const XSS: &str = r#"<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"#;
/// Tries to leave an attribute value or a `<textarea>` before injecting.
pub const XSS_BREAKOUT: &str = r#""'></textarea><svg onload="window.__xss=3">"#;

pub struct Driver {
    child: Child,
    pub client: Client,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots are kept for people to look at (CI artefacts).
pub fn artefacts() -> PathBuf {
    let dir = std::env::var("MITI_E2E_ARTEFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artefacts")
        });
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves a screenshot of the page as artefact `name`.
pub async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    let shot = artefacts().join(name);
    std::fs::write(&shot, png).unwrap();
    eprintln!("screenshot: {}", shot.display());
}

/// Headless Chromium under chromedriver; `None` (the skip printed) when
/// chromedriver is not installed outside CI.
pub async fn driver() -> Option<Driver> {
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
                     "--lang=en-US", "--window-size=1280,900",
                     format!("--user-data-dir={}", profile.path().display())]
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

/// Waits until `cond` (a JavaScript expression) holds, for at most ten
/// seconds; errors while a page is being replaced count as "not yet".
pub async fn wait_until(c: &Client, cond: &str, what: &str) {
    let js = format!("return !!({cond});");
    for _ in 0..400 {
        if let Ok(v) = c.execute(&js, vec![]).await
            && v.as_bool() == Some(true)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let shown = c
        .execute(
            "return document.body ? document.body.innerText : ''",
            vec![],
        )
        .await
        .unwrap_or_default();
    panic!(
        "waited 10 s for {what} ({cond}) on {}, showing {shown}",
        c.current_url().await.unwrap()
    );
}

/// Clicks `el` and waits for the page it leads to: the current document is
/// marked, and the wait ends once a document without the mark has loaded
/// (so a form posted back to the same address counts too).
pub async fn click_through(c: &Client, el: Element) {
    c.execute("window.__mitiOldPage = true;", vec![])
        .await
        .unwrap();
    el.click().await.unwrap();
    wait_until(
        c,
        "window.__mitiOldPage === undefined && document.readyState === 'complete' \
         && document.querySelector('main') !== null",
        "the next page",
    )
    .await;
}

/// Presses the button (or follows the link) found by `loc` and waits for the
/// next page.
pub async fn press(c: &Client, loc: Locator<'_>) {
    let el = c.find(loc).await.unwrap();
    click_through(c, el).await;
}

/// The `<button>` whose visible text is `label`.
pub fn button(label: &str) -> String {
    format!("//button[normalize-space()='{label}']")
}

/// The link whose visible text is `label`.
pub fn link(label: &str) -> String {
    format!("//a[normalize-space()='{label}']")
}

/// Types `value` into the field named `name`, replacing what it held.
pub async fn fill(c: &Client, name: &str, value: &str) {
    let el = c
        .find(Locator::Css(&format!("[name=\"{name}\"]")))
        .await
        .unwrap();
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

/// Picks the option with this value in the `<select>` named `name`.
pub async fn choose(c: &Client, name: &str, value: &str) {
    c.find(Locator::Css(&format!("select[name=\"{name}\"]")))
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

/// What the field named `name` currently holds.
pub async fn value_of(c: &Client, name: &str) -> String {
    c.find(Locator::Css(&format!("[name=\"{name}\"]")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// The visible text of the first element at `loc`.
pub async fn text_of(c: &Client, loc: Locator<'_>) -> String {
    c.find(loc).await.unwrap().text().await.unwrap()
}

/// The visible text of the page's main part.
pub async fn main_text(c: &Client) -> String {
    match c.find(Locator::Css("main")).await {
        Ok(main) => main.text().await.unwrap(),
        Err(_) => panic!(
            "no page body at {}: {}",
            c.current_url().await.unwrap(),
            c.source().await.unwrap()
        ),
    }
}

/// Asserts the main part of the page shows `needle`.
pub async fn assert_shows(c: &Client, needle: &str) {
    let text = main_text(c).await;
    assert!(
        text.contains(needle),
        "{} should show {needle:?}:\n{text}",
        c.current_url().await.unwrap()
    );
}

pub async fn eval_bool(c: &Client, js: &str) -> bool {
    c.execute(js, vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Asserts no injected script ran and no injected element exists on this
/// page (the payloads set `window.__xss` and carry img/script/svg tags).
pub async fn assert_inert(c: &Client) {
    assert!(
        eval_bool(
            c,
            "return window.__xss === undefined && document.querySelectorAll('img, script:not([src]), svg, iframe').length === 0"
        )
        .await,
        "markup typed by a user came alive on {}",
        c.current_url().await.unwrap()
    );
}

/// Signs in as `email` with the demo password, signing out whoever was
/// signed in first, and waits for the page the sign-in leads to.
pub async fn sign_in(c: &Client, app: &TestApp, email: &str) {
    c.goto(&app.url("/login")).await.unwrap();
    let out = c
        .find_all(Locator::Css("form[action=\"/logout\"] button"))
        .await
        .unwrap();
    if let Some(b) = out.into_iter().next() {
        click_through(c, b).await;
        c.goto(&app.url("/login")).await.unwrap();
    }
    fill(c, "email", email).await;
    fill(c, "password", PASSWORD).await;
    press(c, Locator::Css("form.stack button[type=submit]")).await;
    let path = c.current_url().await.unwrap().path().to_string();
    assert!(!path.starts_with("/login"), "still on the sign-in page");
}

/// Asserts every form control on the page has a label a screen reader
/// announces (a wrapping or `for` label, or `aria-label`/`-labelledby`).
pub async fn assert_labelled(c: &Client) {
    let unlabelled = c
        .execute(
            "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]\
             .filter(e => !(e.closest('label') || (e.id && document.querySelector('label[for=\"' + e.id + '\"]')) \
               || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')))\
             .map(e => e.outerHTML);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        unlabelled,
        serde_json::json!([]),
        "controls without a label on {}",
        c.current_url().await.unwrap()
    );
}

/// What every page of a journey must hold to: typed markup stays text and
/// every control has a label.
pub async fn check_page(c: &Client) {
    assert_inert(c).await;
    assert_labelled(c).await;
}
