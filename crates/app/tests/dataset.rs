//! `miti dev dataset` (the load benchmark's data, docs/performance.md): a
//! small dataset on SQLite has the counts asked for, a bench call its staff
//! can manage with reviewed applications, a manifest of signed-up
//! applicants, and the same seed gives the same data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use miti_domain::application::ApplicationStatus;
use miti_domain::organisation::OrgFilter;
use miti_domain::programme::{ProgrammeFilter, ProgrammeStatus};
use miti_store::{ApplicationFilter, ReviewFilter, Store};
use std::process::Command;

const PASSWORD: &str = "dataset test accounts 1996";

/// Runs the generator into `dir`; returns its summary line and the manifest.
fn generate(dir: &std::path::Path, extra: &[&str]) -> (bool, String, String) {
    let db = format!("sqlite://{}", dir.join("miti.db").display());
    let manifest = dir.join("manifest.tsv");
    let out = Command::new(env!("CARGO_BIN_EXE_miti"))
        .args(["dev", "dataset", "--database-url", &db, "--data-dir"])
        .arg(dir.join("data"))
        .args([
            "--organisations",
            "14",
            "--programmes",
            "20",
            "--applications",
            "300",
            "--users",
            "200",
            "--bench-applicants",
            "8",
            "--batch",
            "70",
            "--seed",
            "3",
            "--manifest",
        ])
        .arg(&manifest)
        .args(extra)
        .env("MITI_DEV_PASSWORD", PASSWORD)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run miti dev dataset");
    let stdout = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    let manifest = std::fs::read_to_string(&manifest).unwrap_or_default();
    (out.status.success(), stdout, manifest)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_dataset_has_what_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, summary, manifest) = generate(dir.path(), &[]);
    assert!(ok, "{summary}");
    assert!(summary.contains("300 applications"), "{summary}");

    let url = format!("sqlite://{}", dir.path().join("miti.db").display());
    let store = miti_store_sqlite::open(&url).await.unwrap();
    let orgs = store.organisations(&OrgFilter::default()).await.unwrap();
    assert_eq!(orgs.len(), 14, "organisations");
    let users = store.list_users().await.unwrap();
    assert_eq!(users.len(), 200, "accounts");
    let programmes = store.programmes(&ProgrammeFilter::default()).await.unwrap();
    assert_eq!(programmes.len(), 20, "programmes");
    let mut applications = 0;
    for p in &programmes {
        applications += store
            .count_applications(&ApplicationFilter {
                programme_id: Some(p.id),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    assert_eq!(applications, 300, "applications");

    // The bench call: open, hosted where staff@dataset.test works, reviewed.
    let programme: i64 = manifest
        .lines()
        .find_map(|l| l.strip_prefix("programme\t"))
        .expect("programme in the manifest")
        .parse()
        .unwrap();
    let p = programmes.iter().find(|p| p.id == programme).unwrap();
    assert_eq!(p.status, ProgrammeStatus::CallOpen);
    let call = store.call(programme).await.unwrap().unwrap();
    assert!(
        call.accepts_at(chrono::Utc::now()),
        "the bench call is open"
    );
    let (staff, _) = store
        .user_credentials("staff@dataset.test")
        .await
        .unwrap()
        .unwrap();
    assert!(
        staff.roles.iter().any(|g| g.org_id == p.input.host_org_id),
        "the staff account works at the bench call's host"
    );
    let reviews = store
        .reviews(&ReviewFilter {
            programme_id: Some(programme),
            ..Default::default()
        })
        .await
        .unwrap();
    let submitted = store
        .count_applications(&ApplicationFilter {
            programme_id: Some(programme),
            submitted_only: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(reviews.len() as i64, 2 * submitted, "two reviews each");

    // The manifest's applicants have submitted applications with documents.
    let applicants: Vec<&str> = manifest
        .lines()
        .filter(|l| l.starts_with("applicant\t"))
        .collect();
    assert_eq!(applicants.len(), 8);
    for line in applicants {
        let f: Vec<&str> = line.split('\t').collect();
        let id: i64 = f[2].parse().unwrap();
        let app = store.application(id).await.unwrap().unwrap();
        assert_eq!(app.programme_id, programme);
        assert_eq!(app.status, ApplicationStatus::Submitted);
        assert!(
            app.documents_complete(&call.documents),
            "{:?}",
            app.documents
        );
        let (user, _) = store.user_credentials(f[1]).await.unwrap().unwrap();
        assert_eq!(user.id, app.user_id);
        assert!(f[3].contains("passport_name=") && !f[3].contains("q.motivation"));
    }

    // Once is enough: a second run on the same database is refused.
    let (again, out, _) = generate(dir.path(), &[]);
    assert!(!again && out.contains("already"), "{out}");

    // The same seed on a fresh database gives the same data.
    let other = tempfile::tempdir().unwrap();
    let (ok, summary, manifest_again) = generate(other.path(), &[]);
    assert!(ok, "{summary}");
    assert_eq!(manifest, manifest_again);
}
