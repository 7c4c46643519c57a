//! `miti backup` while the server runs, then `miti restore` elsewhere: the
//! restored database and files equal the original.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use miti_domain::audit::AuditFilter;
use miti_domain::organisation::OrgFilter;
use miti_store::Store;
use reqwest::StatusCode;
use std::process::Command;

fn miti(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_miti"))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_round_trip() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let admin = app.signed_in("admin@secretariat.demo").await;
    let istanbul = app.org_id("istanbul-centre").await;
    let pdf = b"%PDF-1.4\n% backup test\n%%EOF\n".to_vec();
    let form = reqwest::multipart::Form::new()
        .text("to", "active")
        .text("on", "2019-04-06")
        .part(
            "document",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("letter.pdf"),
        );
    let r = admin
        .post_multipart(&format!("/organisations/{istanbul}/lifecycle"), form)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("miti-backup.tar");
    let archive_s = archive.to_str().unwrap();
    let data = app.data_dir.to_str().unwrap();
    // Online: the server is still running.
    let (ok, out) = miti(&[
        "backup",
        "--database-url",
        &app.database_url,
        "--data-dir",
        data,
        archive_s,
    ]);
    assert!(ok, "{out}");
    let (ok, out) = miti(&[
        "backup",
        "--database-url",
        &app.database_url,
        "--data-dir",
        data,
        archive_s,
    ]);
    assert!(
        !ok && out.contains("already exists"),
        "never overwrites a backup: {out}"
    );

    let target_db = format!("sqlite://{}", dir.path().join("restored.db").display());
    let target_data = dir.path().join("restored-data");
    let target_data_s = target_data.to_str().unwrap();
    let (ok, out) = miti(&[
        "restore",
        "--database-url",
        &target_db,
        "--data-dir",
        target_data_s,
        archive_s,
    ]);
    assert!(ok, "{out}");
    let (ok, out) = miti(&[
        "restore",
        "--database-url",
        &target_db,
        "--data-dir",
        target_data_s,
        archive_s,
    ]);
    assert!(
        !ok && out.contains("--force"),
        "refuses to overwrite without --force: {out}"
    );
    let junk = dir.path().join("junk.tar");
    std::fs::write(&junk, b"not a tar").unwrap();
    let other_db = format!("sqlite://{}", dir.path().join("other.db").display());
    let (ok, out) = miti(&[
        "restore",
        "--database-url",
        &other_db,
        "--data-dir",
        dir.path().join("x").to_str().unwrap(),
        junk.to_str().unwrap(),
    ]);
    assert!(!ok && out.contains("not a miti backup"), "{out}");

    // Same content: organisations, audit trail, documents and their bytes.
    let original = miti_store_sqlite::open(&app.database_url).await.unwrap();
    let restored = miti_store_sqlite::open(&target_db).await.unwrap();
    async fn snapshot(s: &dyn Store) -> (String, String) {
        let orgs = s.organisations(&OrgFilter::default()).await.unwrap();
        let audit = s
            .audit_entries(&AuditFilter::default(), 10_000, 0)
            .await
            .unwrap()
            .0;
        (
            serde_json::to_string(&orgs).unwrap(),
            serde_json::to_string(&audit).unwrap(),
        )
    }
    assert_eq!(snapshot(&original).await, snapshot(&restored).await);
    let events = restored.lifecycle_events(istanbul).await.unwrap();
    let doc_id = events.iter().find_map(|e| e.document_id).unwrap();
    let doc = restored.document(doc_id).await.unwrap().unwrap();
    assert_eq!(
        std::fs::read(target_data.join(&doc.storage_key)).unwrap(),
        pdf
    );
    assert_eq!(
        std::fs::read(app.data_dir.join(&doc.storage_key)).unwrap(),
        pdf
    );
}
