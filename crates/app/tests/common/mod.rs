//! Spawns the real `miti` binary on port 0 with a fresh database and drives
//! it over real HTTP, like a browser would (cookies, CSRF tokens, forms).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use regex::Regex;
use reqwest::{Client, Response, StatusCode, redirect};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const PASSWORD: &str = "han-river-1996";

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    child: Child,
    _dir: tempfile::TempDir,
    pub database_url: String,
    pub data_dir: std::path::PathBuf,
    /// How the server was started, for `restart`.
    insecure_cookies: bool,
    env: Vec<(String, String)>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl TestApp {
    /// Starts `miti serve --demo` on a fresh database; `None` when the
    /// backend is PostgreSQL and it is not installed (the skip is printed).
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, &[]).await
    }

    pub async fn spawn_with(backend: Backend, env: &[(&str, &str)]) -> Option<TestApp> {
        Self::spawn_opts(backend, env, true).await
    }

    /// `insecure_cookies: false` keeps the production cookies (`__Host-`,
    /// `Secure`), which a real browser accepts on http://127.0.0.1.
    pub async fn spawn_opts(
        backend: Backend,
        env: &[(&str, &str)],
        insecure_cookies: bool,
    ) -> Option<TestApp> {
        let dir = tempfile::tempdir().unwrap();
        let database_url = match backend {
            Backend::Sqlite => format!("sqlite://{}", dir.path().join("miti.db").display()),
            Backend::Postgres => {
                let pg = miti_testpg::TestPostgres::shared_or_skip().unwrap()?;
                pg.create_database("app").await.unwrap()
            }
        };
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let (child, base) = start(dir.path(), &database_url, insecure_cookies, &env).await;
        let data_dir = dir.path().join("data");
        Some(TestApp {
            base,
            child,
            _dir: dir,
            database_url,
            data_dir,
            insecure_cookies,
            env,
        })
    }

    /// Kills the server with SIGKILL (std's `Child::kill` on Unix): no
    /// graceful shutdown, no flush, like a crash or the OOM killer.
    pub fn kill9(&mut self) {
        self.child.kill().expect("SIGKILL miti");
        self.child.wait().expect("reap miti");
    }

    /// Starts `serve` again on the same database and data folder (a new
    /// port: `base` changes). `--demo` seeds only an empty database.
    pub async fn restart(&mut self) {
        let (child, base) = start(
            self._dir.path(),
            &self.database_url,
            self.insecure_cookies,
            &self.env,
        )
        .await;
        self.child = child;
        self.base = base;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A browser: its own cookie jar, no automatic redirects.
    pub fn browser(&self) -> Browser {
        Browser {
            client: Client::builder()
                .cookie_store(true)
                .redirect(redirect::Policy::none())
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            base: self.base.clone(),
        }
    }

    /// A browser behind a proxy that reports it as `ip` (X-Forwarded-For).
    pub fn browser_from(&self, ip: &str) -> Browser {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", ip.parse().unwrap());
        Browser {
            client: Client::builder()
                .cookie_store(true)
                .default_headers(headers)
                .redirect(redirect::Policy::none())
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            base: self.base.clone(),
        }
    }

    /// A browser signed in as `email` with the demo password.
    pub async fn signed_in(&self, email: &str) -> Browser {
        let b = self.browser();
        let r = b.login(email, PASSWORD).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "login as {email}");
        b
    }

    /// The id of the organisation with this slug (through the public API).
    pub async fn org_id(&self, slug: &str) -> i64 {
        let list: serde_json::Value =
            reqwest::get(self.url(&format!("/api/v1/organisations?q={slug}")))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        for item in list["items"].as_array().unwrap() {
            let id = item["id"].as_i64().unwrap();
            let detail: serde_json::Value =
                reqwest::get(self.url(&format!("/api/v1/organisations/{id}")))
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
            if detail["slug"] == slug {
                return id;
            }
        }
        panic!("no organisation {slug}");
    }
}

/// Spawns `miti serve --demo` in `dir` and waits for its "listening" line.
async fn start(
    dir: &std::path::Path,
    database_url: &str,
    insecure_cookies: bool,
    env: &[(String, String)],
) -> (Child, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_miti"));
    cmd.args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .args(insecure_cookies.then_some("--insecure-cookies"))
        .arg("--database-url")
        .arg(database_url)
        .arg("--data-dir")
        .arg(dir.join("data"))
        .env("RUST_LOG", "warn")
        .env_remove("MITI_SMTP_URL")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start miti");
    let stdout = child.stdout.take().unwrap();
    // The server prints "miti listening on http://ADDR" once it accepts connections.
    let base = tokio::task::spawn_blocking(move || {
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("miti listening on ") {
                let url = rest.split_whitespace().next().unwrap().to_string();
                // Keep draining so the child never blocks on a full pipe.
                std::thread::spawn(move || for _ in lines {});
                return url;
            }
        }
        panic!("miti exited before listening");
    })
    .await
    .unwrap();
    (child, base)
}

pub struct Browser {
    pub client: Client,
    pub base: String,
}

pub fn csrf_from(html: &str) -> String {
    let re = Regex::new(r#"name="csrf_token" value="([^"]+)""#).unwrap();
    if let Some(c) = re.captures(html) {
        return c[1].to_string();
    }
    let re = Regex::new(r#""X-CSRF-Token": "([^"]+)""#).unwrap();
    re.captures(html)
        .map(|c| c[1].to_string())
        .expect("a CSRF token in the page")
}

impl Browser {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// The status a GET of `path` answers.
    pub async fn status(&self, path: &str) -> StatusCode {
        self.get(path).await.status()
    }

    pub async fn get_text(&self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        let s = r.status();
        (s, r.text().await.unwrap())
    }

    /// The CSRF token the server gave this browser (from any page).
    pub async fn csrf(&self) -> String {
        let (_, html) = self.get_text("/login").await;
        csrf_from(&html)
    }

    /// Posts a form the way the page would: with the CSRF token and our Origin.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        self.client
            .post(self.url(path))
            .header("Origin", self.base.clone())
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> Response {
        let token = self.csrf().await;
        let sep = if path.contains('?') { '&' } else { '?' };
        self.client
            .post(self.url(&format!("{path}{sep}csrf_token={token}")))
            .header("Origin", self.base.clone())
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post_form(
            "/login",
            &[("email", email), ("password", password), ("next", "/")],
        )
        .await
    }

    pub fn cookie(&self, r: &Response, name: &str) -> Option<String> {
        r.cookies()
            .find(|c| c.name() == name)
            .map(|c| c.value().to_string())
    }
}

/// A valid programme form for `host` (Seoul-style defaults, 2027).
pub fn programme_form<'a>(host: &'a str, title_en: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("host_org_id", host),
        ("themes", "transport"),
        ("themes", "smart-city"),
        ("main_language", "ko"),
        ("title_ko", "스마트 교통"),
        ("title_en", title_en),
        ("summary_ko", "서울의 교통 혁신"),
        ("arrival", "2027-09-05"),
        ("departure", "2027-09-12"),
        ("official_days", "4.5"),
        ("lodging_nights", "7"),
        ("venue", "SHRDC, Seoul"),
        ("timezone", "Asia/Seoul"),
        ("working_languages", "en, ko"),
        ("capacity", "15"),
        ("min_member_share_pct", "60"),
        ("meals", "on"),
        ("per_diem", "30000"),
        ("per_diem_currency", "KRW"),
        ("contact_email", "miti@seoul.demo"),
    ]
}

/// `form` with each key of `changes` replaced by the given values (a key
/// given several times, such as `themes`, keeps all of them).
pub fn form_with<'a>(
    mut form: Vec<(&'a str, &'a str)>,
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    form.retain(|(k, _)| !changes.iter().any(|(c, _)| c == k));
    form.extend_from_slice(changes);
    form
}

/// Generates one `#[tokio::test]` per backend from an async story `fn(Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($story:ident),+ $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $story() { super::$story($crate::common::Backend::Sqlite).await })+
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $story() { super::$story($crate::common::Backend::Postgres).await })+
        }
    };
}

/// The id at the end of a redirect's location, after `prefix`.
pub fn location_id(r: &Response, prefix: &str) -> i64 {
    let loc = r.headers()["location"].to_str().unwrap();
    loc.trim_start_matches(prefix)
        .split(['?', '/'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// A Seoul programme titled `title` with `capacity` seats, taken to
/// `call_open` through the pages, with an open call asking for a CV and a
/// motivation (20+ characters).
pub async fn programme_with_open_call(app: &TestApp, title: &str, capacity: u32) -> i64 {
    use chrono::{Duration, Utc};
    let staff = app.signed_in("staff@seoul.demo").await;
    let admin = app.signed_in("admin@secretariat.demo").await;
    let seoul = app.org_id("shrdc").await.to_string();
    let capacity = capacity.to_string();
    let form = form_with(
        programme_form(&seoul, title),
        &[
            ("main_language", "en"),
            ("themes", "smart-city"),
            ("title_ko", ""),
            ("summary_ko", ""),
            ("capacity", &capacity),
            ("min_member_share_pct", "0"),
        ],
    );
    let r = staff.post_form("/programmes", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location_id(&r, "/programmes/");
    let page = format!("/programmes/{id}");
    for (who, to) in [
        (&staff, "planned"),
        (&admin, "endorsed"),
        (&staff, "call_open"),
    ] {
        let r = who
            .post_form(&format!("{page}/status"), &[("to", to)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "to {to}");
    }
    let tz: chrono_tz::Tz = "Asia/Seoul".parse().unwrap();
    let local =
        |t: chrono::DateTime<Utc>| t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
    let questions = serde_json::json!([
        {"key": "motivation", "kind": "long_text", "required": true,
         "label": {"main": "en", "texts": {"en": "Why this course?"}},
         "min_len": 20, "max_len": 2000, "min": null, "max": null, "choices": [], "show_if": null}
    ])
    .to_string();
    let r = staff
        .post_form(
            &format!("{page}/call"),
            &[
                ("opens_at", &local(Utc::now() - Duration::days(1))),
                ("closes_at", &local(Utc::now() + Duration::days(30))),
                ("documents", "cv | required | en=CV"),
                ("questions", &questions),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    id
}
