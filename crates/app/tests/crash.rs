//! Crash consistency (issue 6), on SQLite and PostgreSQL: 64 applicants keep
//! re-submitting their applications against a real `miti serve`, which is
//! killed with SIGKILL at a random moment, checked and restarted, cycle after
//! cycle.
//!
//! Set-up: `serve --demo`, a call opened by the Seoul centre through its
//! pages, 64 applicant accounts from the hidden `miti dev applicants`
//! command, and per applicant a signed-in browser, an application and an
//! uploaded CV.
//!
//! A cycle: 64 tasks each submit their application again and again, each
//! time with a form no one sent before (the cycle and try are in the
//! motivation and the position). A submission is *acknowledged* when the
//! server answered 303; a task stops at its first transport error (the
//! server is gone). A random 50–400 ms (seeded: `MITI_CRASH_SEED`,
//! printed) after the cycle's first acknowledgement the server gets SIGKILL; once every task has stopped, the test
//! opens the database itself (the store crates, as the server would) and
//! checks, before restarting the server on the same database and data folder:
//!
//! - **integrity**: SQLite `PRAGMA integrity_check` is `ok`; on both, the
//!   programme has exactly 64 applications, one per applicant;
//! - **nothing acknowledged is lost, everything is intact**: for every task
//!   with an acknowledged submission, its application is `submitted`, its
//!   CV is still attached, and its stored form is exactly one of the forms
//!   the task sent *at or after* its last acknowledged one (a later one may
//!   have been committed while its answer was lost in the kill), with the
//!   validated answer and profile taken from that same form (no torn write).
//!
//! Then the server restarts (the next cycle's acknowledgements show it
//! serves).
//!
//! **Negative control.** Built with the `fault-injection` feature
//! (`cargo test -p miti --features fault-injection --test crash`, which
//! `scripts/test.sh` runs for two cycles), the server acknowledges each
//! submission before committing it (crates/web/src/fault.rs), and the test
//! passes only if the checks above find acknowledged submissions lost: a
//! check that could not see a loss would fail here. `MITI_CRASH_CYCLES` sets the number of cycles (10 by default;
//! `bench/crash` runs 50). Each backend prints one summary line:
//! `crash <backend>: cycles …, acknowledged …, lost 0, integrity ok, … s`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, Browser, TestApp, csrf_from, location_id, programme_with_open_call};
use miti_domain::application::{ApplicationStatus, form_map};
use miti_domain::call::AnswerValue;
use miti_store::{ApplicationFilter, Store};
use reqwest::StatusCode;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

on_both_backends!(acknowledged_submissions_survive_sigkill);

const APPLICANTS: usize = 64;
const APPLICANT_PASSWORD: &str = "crash-test applicants 1996";

/// splitmix64: enough randomness for kill delays, and reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name)
        .ok()
        .map(|v| v.parse().unwrap_or_else(|_| panic!("{name}={v:?}")))
}

/// Makes the 64 applicant accounts with the binary's hidden dev command.
fn make_applicants(app: &TestApp) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_miti"))
        .args(["dev", "applicants", "--email-prefix", "crash", "--city"])
        .arg("dakar")
        .arg("--count")
        .arg(APPLICANTS.to_string())
        .arg("--database-url")
        .arg(&app.database_url)
        .arg("--data-dir")
        .arg(&app.data_dir)
        .env("MITI_DEV_PASSWORD", APPLICANT_PASSWORD)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run miti dev applicants");
    assert!(
        out.status.success(),
        "miti dev applicants: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn email(task: usize) -> String {
    format!("crash-{:03}@applicants.test", task + 1)
}

/// Signs in, starts the application and uploads the CV; the application id.
async fn applicant(b: Browser, programme: i64, task: usize) -> (usize, Browser, i64) {
    let r = b.login(&email(task), APPLICANT_PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "login {}", email(task));
    let r = b
        .post_form(&format!("/catalogue/{programme}/apply"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location_id(&r, "/applications/");
    let cv = reqwest::multipart::Part::bytes(
        b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec(),
    )
    .file_name("cv.pdf");
    let form = reqwest::multipart::Form::new()
        .text("key", "cv")
        .part("document", cv);
    let r = b
        .post_multipart(&format!("/applications/{id}/documents"), form)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    (task, b, id)
}

/// The form of try `n` of task `task` in cycle `cycle`: unique per triple.
fn fields(city: &str, task: usize, cycle: usize, n: usize) -> Vec<(String, String)> {
    [
        ("passport_name", "Aminata Diallo".to_string()),
        ("gender", "female".into()),
        ("nationality", "SN".into()),
        ("city_org_id", city.into()),
        ("position", format!("Urban data lead {cycle}-{n}")),
        ("department", "City of Dakar".into()),
        ("interview_language", "ko".into()),
        (
            "q.motivation",
            format!("Crash cycle {cycle}, task {task}, try {n}: to open the city's data."),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// What one task sent, over all cycles, and what was acknowledged.
#[derive(Default, Clone)]
struct History {
    /// (cycle, try) of every submission sent, in order.
    sent: Vec<(usize, usize)>,
    /// Index in `sent` of the last one answered 303.
    last_ack: Option<usize>,
    acked: usize,
    /// Answers other than 303 (not acknowledged), by status.
    refused: BTreeMap<u16, usize>,
}

/// Submits again and again until the server is gone.
async fn submitter(
    b: Browser,
    id: i64,
    city: String,
    task: usize,
    cycle: usize,
    acked: Arc<Notify>,
) -> (usize, History) {
    let mut h = History::default();
    let token = match b.client.get(b.url("/login")).send().await {
        Ok(r) => match r.text().await {
            Ok(html) => csrf_from(&html),
            Err(_) => return (task, h),
        },
        Err(_) => return (task, h),
    };
    let path = b.url(&format!("/applications/{id}/submit"));
    for n in 0.. {
        let mut form = fields(&city, task, cycle, n);
        form.push(("csrf_token".into(), token.clone()));
        h.sent.push((cycle, n));
        let sent = b
            .client
            .post(&path)
            .header("Origin", b.base.clone())
            .form(&form)
            .send()
            .await;
        match sent {
            Ok(r) if r.status() == StatusCode::SEE_OTHER => {
                h.last_ack = Some(h.sent.len() - 1);
                h.acked += 1;
                acked.notify_one();
            }
            Ok(r) => *h.refused.entry(r.status().as_u16()).or_default() += 1,
            Err(_) => break,
        }
    }
    (task, h)
}

/// Opens the database as the server would and checks it: the integrity
/// result, and everything wrong with the stored applications.
async fn open_and_check(
    backend: Backend,
    url: &str,
    programme: i64,
    city: &str,
    apps: &[(i64, usize)],
    histories: &[History],
) -> (Result<(), String>, Vec<String>) {
    match backend {
        Backend::Sqlite => {
            let s = miti_store_sqlite::open(url).await.expect("open SQLite");
            let ok = miti_store_sqlite::integrity_check(&s.pool)
                .await
                .map_err(|e| e.to_string());
            let wrong = check(&s, programme, city, apps, histories).await;
            s.pool.close().await;
            (ok, wrong)
        }
        Backend::Postgres => {
            let s = miti_store_postgres::open(url)
                .await
                .expect("open PostgreSQL");
            let wrong = check(&s, programme, city, apps, histories).await;
            s.pool.close().await;
            (Ok(()), wrong)
        }
    }
}

/// Everything wrong with the stored applications, one line each.
async fn check(
    store: &dyn Store,
    programme: i64,
    city: &str,
    apps: &[(i64, usize)],
    histories: &[History],
) -> Vec<String> {
    let mut wrong = vec![];
    let all = store
        .applications(&ApplicationFilter {
            programme_id: Some(programme),
            ..Default::default()
        })
        .await
        .unwrap();
    let users: BTreeSet<_> = all.iter().map(|a| a.user_id).collect();
    if all.len() != APPLICANTS || users.len() != APPLICANTS {
        wrong.push(format!(
            "{} applications for {} applicants (want {APPLICANTS} for {APPLICANTS})",
            all.len(),
            users.len()
        ));
    }
    for (&(id, task), h) in apps.iter().zip(histories) {
        let Some(from) = h.last_ack else { continue };
        let Some(app) = store.application(id).await.unwrap() else {
            wrong.push(format!("task {task}: application {id} is gone"));
            continue;
        };
        if app.status != ApplicationStatus::Submitted {
            wrong.push(format!("task {task}: status {:?}", app.status));
        }
        if app.documents.len() != 1 {
            wrong.push(format!("task {task}: {} documents", app.documents.len()));
        }
        let found = h.sent[from..]
            .iter()
            .find(|&&(cycle, n)| form_map(&fields(city, task, cycle, n)) == app.form);
        let Some(&(cycle, n)) = found else {
            let (cycle, n) = h.sent[from];
            wrong.push(format!(
                "task {task}: last acknowledged cycle {cycle} try {n}, stored form {:?}",
                app.form.get("q.motivation")
            ));
            continue;
        };
        let want = fields(city, task, cycle, n);
        let motivation = app
            .answers
            .as_ref()
            .and_then(|a| a.answers.get("motivation"));
        if motivation != Some(&AnswerValue::Text(want[7].1.clone())) {
            wrong.push(format!(
                "task {task}: answer {motivation:?} torn from its form"
            ));
        }
        let position = app.profile.as_ref().map(|p| p.position.as_str());
        if position != Some(want[4].1.as_str()) {
            wrong.push(format!(
                "task {task}: profile {position:?} torn from its form"
            ));
        }
    }
    wrong
}

/// Built as the negative control: the server answers before committing.
const NEGATIVE_CONTROL: bool = cfg!(feature = "fault-injection");

async fn acknowledged_submissions_survive_sigkill(backend: Backend) {
    let fault: &[(&str, &str)] = if NEGATIVE_CONTROL {
        &[("MITI_FAULT_ACK_BEFORE_COMMIT", "1")]
    } else {
        &[]
    };
    let Some(mut app) = TestApp::spawn_with(backend, fault).await else {
        return;
    };
    let started = Instant::now();
    let cycles = env_number("MITI_CRASH_CYCLES").unwrap_or(10) as usize;
    let seed = env_number("MITI_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
    });
    let name = format!("{backend:?}").to_lowercase();
    println!("crash {name}: seed {seed} (MITI_CRASH_SEED)");
    let mut rng = Rng(seed);

    let programme = programme_with_open_call(&app, "Crash-safe city data", 20).await;
    let city = app.org_id("dakar").await.to_string();
    make_applicants(&app);
    // Sign-ins hash passwords: a few at a time.
    let mut clients = vec![];
    let mut apps = vec![];
    for chunk in (0..APPLICANTS).collect::<Vec<_>>().chunks(8) {
        let mut set = tokio::task::JoinSet::new();
        for &t in chunk {
            set.spawn(applicant(app.browser(), programme, t));
        }
        let mut made: Vec<_> = set.join_all().await;
        made.sort_by_key(|m| m.0);
        for (t, b, id) in made {
            clients.push(b.client);
            apps.push((id, t));
        }
    }
    let set_up = started.elapsed();

    let mut histories = vec![History::default(); APPLICANTS];
    let mut refused = BTreeMap::<u16, usize>::new();
    let mut lost_in_control = 0;
    for cycle in 1..=cycles {
        let mut set = tokio::task::JoinSet::new();
        let first_ack = Arc::new(Notify::new());
        for (t, client) in clients.iter().enumerate() {
            let b = Browser {
                client: client.clone(),
                base: app.base.clone(),
            };
            let n = first_ack.clone();
            set.spawn(submitter(b, apps[t].0, city.clone(), t, cycle, n));
        }
        // The kill lands while submissions flow: a random time after the
        // cycle's first acknowledgement (a cold server opens its database
        // connections first, which takes a while on PostgreSQL).
        tokio::time::timeout(Duration::from_secs(30), first_ack.notified())
            .await
            .unwrap_or_else(|_| panic!("crash {name} cycle {cycle}: no answer in 30 s"));
        let delay = rng.between(50, 400);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        app.kill9();
        let mut in_cycle = 0;
        for (t, h) in set.join_all().await {
            let all = &mut histories[t];
            if let Some(i) = h.last_ack {
                all.last_ack = Some(all.sent.len() + i);
            }
            all.sent.extend(h.sent);
            all.acked += h.acked;
            in_cycle += h.acked;
            for (status, n) in h.refused {
                *refused.entry(status).or_default() += n;
            }
        }
        let (integrity, wrong) = open_and_check(
            backend,
            &app.database_url,
            programme,
            &city,
            &apps,
            &histories,
        )
        .await;
        if NEGATIVE_CONTROL {
            assert!(integrity.is_ok(), "integrity {integrity:?}");
            lost_in_control += wrong.len();
            app.restart().await;
            continue;
        }
        assert!(
            integrity.is_ok() && wrong.is_empty(),
            "crash {backend:?} cycle {cycle} (seed {seed}, kill {delay} ms after the first acknowledgement, \
             {in_cycle} acknowledged): integrity {integrity:?}; lost or torn:\n{}",
            wrong.join("\n")
        );
        app.restart().await;
    }
    let acknowledged: usize = histories.iter().map(|h| h.acked).sum();
    let sent: usize = histories.iter().map(|h| h.sent.len()).sum();
    assert!(acknowledged > 0, "no submission was ever acknowledged");
    if NEGATIVE_CONTROL {
        assert!(
            lost_in_control > 0,
            "negative control: a server that answers before committing lost nothing the checks could see"
        );
        println!(
            "crash {name} negative control: cycles {cycles}, acknowledged {acknowledged} of {sent} sent, \
             lost or torn {lost_in_control}: detected, seed {seed}"
        );
        return;
    }
    // The restarted server serves: one applicant reads their application.
    let b = Browser {
        client: clients[0].clone(),
        base: app.base.clone(),
    };
    assert_eq!(
        b.status(&format!("/applications/{}", apps[0].0)).await,
        StatusCode::OK
    );
    println!(
        "crash {name}: cycles {cycles}, acknowledged {acknowledged} of {sent} sent, \
         refused {refused:?}, lost 0, integrity ok, {:.1} s ({:.1} s set-up), seed {seed}",
        started.elapsed().as_secs_f64(),
        set_up.as_secs_f64(),
    );
}
