//! Integration tests against a real PostgreSQL (skipped when not installed).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::net::{Ipv4Addr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use miti_testpg::{ENV_BINDIR, ENV_REQUIRED, Shutdown, TestPostgres};
use sqlx::{Connection, PgConnection, PgPool, Row};

/// Set in a child process started by a test: which helper to run.
const CHILD_ENV: &str = "MITI_TESTPG_TEST_CHILD";
const CHILD_LINE: &str = "MITI_TESTPG_CHILD_INFO";

fn process_running(pid: u32) -> bool {
    // Gone, or a zombie nobody reaped yet (not possible for the postmaster,
    // whose parent, the watchdog, waits for it; kept for robustness).
    match std::fs::read_to_string(format!("/proc/{pid}/status")) {
        Ok(status) => !status
            .lines()
            .any(|l| l.starts_with("State:") && l.contains('Z')),
        Err(_) => false,
    }
}

fn port_open(port: u16) -> bool {
    TcpStream::connect_timeout(&(Ipv4Addr::LOCALHOST, port).into(), Duration::from_secs(1)).is_ok()
}

fn wait_until(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < timeout, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

async fn select_one(url: &str) -> i32 {
    let mut conn = PgConnection::connect(url).await.unwrap();
    let one: i32 = sqlx::query_scalar("select 1")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    one
}

#[tokio::test]
async fn two_databases_are_separate() {
    let Some(pg) = TestPostgres::start_or_skip().unwrap() else {
        return;
    };
    let first = pg.create_database("first").await.unwrap();
    let second = pg.create_database("second").await.unwrap();
    assert_ne!(first, second);
    assert!(first.starts_with(&format!(
        "postgres://postgres@127.0.0.1:{}/first_",
        pg.port()
    )));
    assert_eq!(select_one(&pg.url()).await, 1);

    let a = PgPool::connect(&first).await.unwrap();
    let b = PgPool::connect(&second).await.unwrap();
    for pool in [&a, &b] {
        assert_eq!(
            sqlx::query_scalar::<_, i32>("select 1")
                .fetch_one(pool)
                .await
                .unwrap(),
            1
        );
    }
    sqlx::query("create table item (id bigint primary key, name text not null)")
        .execute(&a)
        .await
        .unwrap();
    sqlx::query("insert into item (id, name) values ($1, $2), ($3, $4)")
        .bind(1_i64)
        .bind("eins")
        .bind(2_i64)
        .bind("zwei ü")
        .execute(&a)
        .await
        .unwrap();
    let rows = sqlx::query("select id, name from item order by id")
        .fetch_all(&a)
        .await
        .unwrap();
    let got: Vec<(i64, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(got, [(1, "eins".to_owned()), (2, "zwei ü".to_owned())]);

    // The other database has no such table.
    let err = sqlx::query("select count(*) from item")
        .fetch_one(&b)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");

    let fsync: String = sqlx::query_scalar("show fsync")
        .fetch_one(&a)
        .await
        .unwrap();
    assert_eq!(fsync, "off");
    let max: String = sqlx::query_scalar("show max_connections")
        .fetch_one(&a)
        .await
        .unwrap();
    assert_eq!(max, "200");
    a.close().await;
    b.close().await;

    let name = second.rsplit('/').next().unwrap().to_owned();
    pg.drop_database(&name).await.unwrap();
    assert!(PgConnection::connect(&second).await.is_err());
}

#[test]
fn server_is_gone_after_drop() {
    let Some(pg) = TestPostgres::start_or_skip().unwrap() else {
        return;
    };
    let pid = pg.postmaster_pid().expect("postmaster pid");
    let root = pg.root_dir().to_path_buf();
    let port = pg.port();
    assert!(process_running(pid));
    assert!(root.join("data").join("PG_VERSION").exists());
    assert!(port_open(port));
    drop(pg);
    // Drop waits for the shutdown, so this holds at once.
    assert!(!process_running(pid), "postmaster {pid} still running");
    assert!(!root.exists(), "{} still exists", root.display());
    assert!(!port_open(port));
}

#[test]
fn empty_bin_dir_means_not_installed() {
    let empty = tempfile::tempdir().unwrap();
    let pg = TestPostgres::builder()
        .bin_dir(empty.path())
        .required(false)
        .start()
        .unwrap();
    assert!(pg.is_none());
    let err = TestPostgres::builder()
        .bin_dir(empty.path())
        .required(true)
        .start()
        .unwrap_err();
    assert!(
        matches!(err, miti_testpg::Error::NotInstalled { .. }),
        "{err}"
    );
}

/// Runs this test binary again with only `test` selected (an ignored helper)
/// and `CHILD_ENV=test`.
fn child(test: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        test,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_ENV, test)
    .stdin(Stdio::null());
    cmd
}

fn is_child(test: &str) -> bool {
    std::env::var(CHILD_ENV).is_ok_and(|v| v == test)
}

#[test]
fn env_bin_dir_without_binaries_means_not_installed() {
    let empty = tempfile::tempdir().unwrap();
    let out = child("child_start_with_env")
        .env(ENV_BINDIR, empty.path())
        .env_remove(ENV_REQUIRED)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("start returned None"), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("skipped: PostgreSQL not installed"),
        "{stderr}"
    );
}

#[test]
#[ignore = "helper: run in a child process by env_bin_dir_without_binaries_means_not_installed"]
fn child_start_with_env() {
    if !is_child("child_start_with_env") {
        return;
    }
    let pg = TestPostgres::start_or_skip().unwrap();
    assert!(pg.is_none());
    println!("start returned None");
}

#[tokio::test]
async fn shared_cluster_is_one_per_process() {
    let Some(pg) = TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let again = TestPostgres::shared().unwrap().unwrap();
    assert!(std::ptr::eq(pg, again));
    let url = pg.create_database("shared").await.unwrap();
    assert_eq!(select_one(&url).await, 1);
}

struct ChildInfo {
    pid: u32,
    port: u16,
    root: PathBuf,
}

fn parse_child_info(line: &str) -> Option<ChildInfo> {
    // libtest may print "test NAME ... " on the same line first.
    let (_, rest) = line.split_once(CHILD_LINE)?;
    let rest = rest.trim();
    let mut parts = rest.splitn(3, ' ');
    Some(ChildInfo {
        pid: parts.next()?.parse().ok()?,
        port: parts.next()?.parse().ok()?,
        root: PathBuf::from(parts.next()?),
    })
}

fn assert_cleaned_up(info: &ChildInfo) {
    wait_until(
        "the orphaned postmaster exits",
        Duration::from_secs(20),
        || !process_running(info.pid),
    );
    wait_until(
        "the orphaned cluster directory is removed",
        Duration::from_secs(20),
        || !info.root.exists(),
    );
    assert!(!port_open(info.port));
}

fn pg_installed() -> bool {
    miti_testpg::find_bin_dir().is_some()
}

/// A test process that exits normally never drops the shared cluster; the
/// watchdog must stop it and remove its directory.
#[test]
fn shared_cluster_is_removed_when_process_exits() {
    if !pg_installed() {
        miti_testpg::print_skip();
        return;
    }
    let out = child("child_shared_then_exit").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = stdout
        .lines()
        .find_map(parse_child_info)
        .unwrap_or_else(|| panic!("no info line in {stdout}"));
    assert_cleaned_up(&info);
}

#[test]
#[ignore = "helper: run in a child process by shared_cluster_is_removed_when_process_exits"]
fn child_shared_then_exit() {
    if !is_child("child_shared_then_exit") {
        return;
    }
    print_shared_info();
}

/// A test process killed with SIGKILL: the watchdog must notice.
#[test]
fn shared_cluster_is_removed_when_process_is_killed() {
    if !pg_installed() {
        miti_testpg::print_skip();
        return;
    }
    let mut proc = child("child_shared_then_hang")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = proc.stdout.take().unwrap();
    let mut info = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(i) = parse_child_info(&line) {
            info = Some(i);
            break;
        }
    }
    let info = info.expect("child printed no info line");
    assert!(process_running(info.pid));
    assert!(port_open(info.port));
    proc.kill().unwrap(); // SIGKILL: no destructors, no atexit
    proc.wait().unwrap();
    assert_cleaned_up(&info);
}

#[test]
#[ignore = "helper: run in a child process by shared_cluster_is_removed_when_process_is_killed"]
fn child_shared_then_hang() {
    if !is_child("child_shared_then_hang") {
        return;
    }
    print_shared_info();
    std::thread::sleep(Duration::from_secs(120));
}

fn print_shared_info() {
    let pg = TestPostgres::shared()
        .unwrap()
        .expect("PostgreSQL installed");
    println!(
        "{CHILD_LINE} {} {} {}",
        pg.postmaster_pid().unwrap(),
        pg.port(),
        pg.root_dir().display()
    );
}

#[tokio::test]
async fn durable_cluster_survives_immediate_restart() {
    let Some(mut pg) = TestPostgres::builder()
        .durable(true)
        .setting("application_name", "durable-test")
        .start()
        .unwrap()
    else {
        miti_testpg::print_skip();
        return;
    };
    let url = pg.create_database("crash").await.unwrap();
    let mut conn = PgConnection::connect(&url).await.unwrap();
    let fsync: String = sqlx::query_scalar("show fsync")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(fsync, "on");
    sqlx::query("create table t (v int)")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("insert into t values (42)")
        .execute(&mut conn)
        .await
        .unwrap();
    // `conn` stays open on purpose: an immediate shutdown must not wait for it.
    let old_pid = pg.postmaster_pid().unwrap();
    pg.restart(Shutdown::Immediate).unwrap();
    drop(conn);
    assert!(pg.is_running());
    assert!(!process_running(old_pid));
    assert_ne!(pg.postmaster_pid(), Some(old_pid));
    let mut conn = PgConnection::connect(&url).await.unwrap();
    let v: i32 = sqlx::query_scalar("select v from t")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(v, 42);
    conn.close().await.unwrap();
    assert!(
        pg.server_log().contains("not properly shut down"),
        "{}",
        pg.server_log()
    );

    pg.stop(Shutdown::Fast).unwrap();
    assert!(!pg.is_running());
    assert!(!port_open(pg.port()));
    assert!(pg.data_dir().join("PG_VERSION").exists());
    pg.restart(Shutdown::Fast).unwrap();
    assert_eq!(select_one(&url).await, 1);
}

/// Several clusters at once (as with several test binaries running in
/// parallel): separate ports, directories and servers.
#[test]
fn clusters_started_in_parallel_are_independent() {
    if !pg_installed() {
        miti_testpg::print_skip();
        return;
    }
    let handles: Vec<_> = (0..3)
        .map(|_| std::thread::spawn(|| TestPostgres::start().unwrap().unwrap()))
        .collect();
    let clusters: Vec<TestPostgres> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let mut ports: Vec<u16> = clusters.iter().map(TestPostgres::port).collect();
    ports.sort_unstable();
    ports.dedup();
    assert_eq!(ports.len(), 3);
    let mut roots: Vec<&Path> = clusters.iter().map(TestPostgres::root_dir).collect();
    roots.sort();
    roots.dedup();
    assert_eq!(roots.len(), 3);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for pg in &clusters {
        let url = rt.block_on(pg.create_database("parallel")).unwrap();
        assert_eq!(rt.block_on(select_one(&url)), 1);
    }
}
