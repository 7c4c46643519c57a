//! Throwaway PostgreSQL clusters for tests.
//!
//! [`TestPostgres`] runs `initdb` in a fresh temporary directory and starts a
//! private `postgres` on a free port of 127.0.0.1, using the server binaries
//! of Debian's `postgresql` package (`scripts/install-test-deps.sh` installs
//! them). Each test gets its own database from
//! [`TestPostgres::create_database`].
//!
//! - [`TestPostgres::shared`]: one cluster per test process, started on first
//!   use. Rust test binaries have no global teardown, so every server runs
//!   under a small shell watchdog that shuts it down (SIGQUIT) and removes its
//!   directory as soon as the test process is gone, however it ended.
//! - [`TestPostgres::start`] / [`TestPostgres::builder`]: a cluster of the
//!   test's own, stopped and removed on drop (e.g. with durable settings for
//!   crash tests, see [`Builder::durable`] and [`TestPostgres::restart`]).
//!
//! Both return `Ok(None)` when PostgreSQL is not installed, so the test can
//! call [`print_skip`] and pass; set `MITI_PG_REQUIRED=1` (as CI does) to make
//! that an error instead.
//!
//! ```no_run
//! # async fn t() -> Result<(), miti_testpg::Error> {
//! use miti_testpg::TestPostgres;
//! let Some(pg) = TestPostgres::shared_or_skip()? else { return Ok(()) };
//! let url = pg.create_database("orders").await?;
//! let pool = sqlx::PgPool::connect(&url).await?;
//! # Ok(()) }
//! ```

mod locate;
mod privilege;
mod server;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::{AssertSqlSafe, Connection, PgConnection};

use locate::BinDirChoice;
use privilege::Runner;
use server::{Launch, Server, StartFailure};

/// Directory holding `initdb` and `postgres`; overrides the search.
/// Set to a directory without them, start returns `Ok(None)`.
pub const ENV_BINDIR: &str = "MITI_PG_BINDIR";
/// When `1`/`true`/`yes`: a missing PostgreSQL is an error, not a skip.
pub const ENV_REQUIRED: &str = "MITI_PG_REQUIRED";
/// User to run the server as when the test process is root.
pub const ENV_USER: &str = "MITI_PG_USER";
/// Seconds to wait for a server to accept connections (default 60).
pub const ENV_START_TIMEOUT: &str = "MITI_PG_START_TIMEOUT";

/// The line printed by [`print_skip`].
pub const SKIP_MESSAGE: &str = "skipped: PostgreSQL not installed";

const DEFAULT_START_TIMEOUT: Duration = Duration::from_secs(60);
const STOP_TIMEOUT: Duration = Duration::from_secs(60);
const PORT_ATTEMPTS: usize = 8;

/// The directory the server binaries are taken from by default
/// (`MITI_PG_BINDIR`, else the search); `None` when PostgreSQL is not
/// installed.
pub fn find_bin_dir() -> Option<PathBuf> {
    locate::locate(&BinDirChoice::Auto).ok()
}

/// Print `skipped: PostgreSQL not installed` to stderr.
pub fn print_skip() {
    eprintln!("{SKIP_MESSAGE}");
}

/// Errors from starting or using a test cluster.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No server binaries, and `MITI_PG_REQUIRED` (or
    /// [`Builder::required`]) asks for them.
    #[error("PostgreSQL not installed ({searched}); run scripts/install-test-deps.sh")]
    NotInstalled { searched: String },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// `initdb` failed; `output` is what it printed.
    #[error("{what} failed ({status}):\n{output}")]
    Command {
        what: String,
        status: String,
        output: String,
    },
    #[error(
        "postgres on 127.0.0.1:{port} did not accept connections within {waited:?}; server log:\n{log}"
    )]
    StartTimeout {
        port: u16,
        waited: Duration,
        log: String,
    },
    #[error("postgres exited during startup ({status}); server log:\n{log}")]
    Exited { status: String, log: String },
    #[error("postgres did not stop within {waited:?}; killed it")]
    StopTimeout { waited: Duration },
    #[error("cannot start PostgreSQL as root: {0}")]
    Privilege(String),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// [`TestPostgres::shared`] failed earlier in this process.
    #[error("the shared test cluster failed to start: {0}")]
    Shared(String),
}

/// How to stop the server (PostgreSQL's shutdown modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shutdown {
    /// SIGTERM: wait for clients to disconnect (hangs while a pool is open).
    Smart,
    /// SIGINT: disconnect clients, checkpoint, exit.
    Fast,
    /// SIGQUIT: exit at once, no checkpoint; crash recovery on next start.
    Immediate,
}

impl Shutdown {
    fn word(self) -> &'static str {
        match self {
            Shutdown::Smart => "smart",
            Shutdown::Fast => "fast",
            Shutdown::Immediate => "immediate",
        }
    }
}

/// Options for a new cluster; [`TestPostgres::builder`].
#[derive(Debug, Clone, Default)]
pub struct Builder {
    bin_dir: BinDirChoice,
    durable: bool,
    max_connections: Option<u32>,
    settings: Vec<(String, String)>,
    start_timeout: Option<Duration>,
    required: Option<bool>,
    run_as: Option<String>,
}

impl Builder {
    /// Use exactly this directory for `initdb`/`postgres`, ignoring
    /// `MITI_PG_BINDIR` and the search. Without the binaries there,
    /// [`Builder::start`] returns `Ok(None)` (unless required).
    pub fn bin_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.bin_dir = BinDirChoice::Exactly(dir.into());
        self
    }

    /// Keep PostgreSQL's durability settings (`fsync`, `synchronous_commit`,
    /// `full_page_writes` on). Default off: tests run faster without them.
    pub fn durable(mut self, durable: bool) -> Self {
        self.durable = durable;
        self
    }

    /// `max_connections` (default 200).
    pub fn max_connections(mut self, n: u32) -> Self {
        self.max_connections = Some(n);
        self
    }

    /// Any other server setting, passed as `-c name=value` (after the
    /// defaults, so it wins).
    pub fn setting(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.settings.push((name.into(), value.into()));
        self
    }

    /// How long to wait for the server to accept connections (default:
    /// `MITI_PG_START_TIMEOUT` seconds, else 60 s).
    pub fn start_timeout(mut self, timeout: Duration) -> Self {
        self.start_timeout = Some(timeout);
        self
    }

    /// Whether a missing PostgreSQL is an error ([`Error::NotInstalled`])
    /// rather than `Ok(None)`. Default: `MITI_PG_REQUIRED`.
    pub fn required(mut self, required: bool) -> Self {
        self.required = Some(required);
        self
    }

    /// The user to run the server as when the test process is root
    /// (default: `MITI_PG_USER`, else `postgres` if it exists, else `nobody`).
    pub fn run_as(mut self, user: impl Into<String>) -> Self {
        self.run_as = Some(user.into());
        self
    }

    /// Create and start the cluster; `Ok(None)` if PostgreSQL is not
    /// installed (and not required). Blocks for initdb and startup (about a
    /// second); fine to call from async tests.
    pub fn start(self) -> Result<Option<TestPostgres>, Error> {
        let required = self.required.unwrap_or_else(|| env_flag(ENV_REQUIRED));
        let bin_dir = match locate::locate(&self.bin_dir) {
            Ok(dir) => dir,
            Err(searched) if required => return Err(Error::NotInstalled { searched }),
            Err(searched) => {
                tracing::debug!("PostgreSQL not found: {searched}");
                return Ok(None);
            }
        };
        let user = self
            .run_as
            .clone()
            .or_else(|| std::env::var(ENV_USER).ok().filter(|u| !u.is_empty()));
        let runner = Runner::detect(user.as_deref())?;
        let start_timeout = self.start_timeout.unwrap_or_else(|| {
            std::env::var(ENV_START_TIMEOUT)
                .ok()
                .and_then(|s| s.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .map_or(DEFAULT_START_TIMEOUT, Duration::from_secs_f64)
        });

        let root = tempfile::Builder::new()
            .prefix("miti-testpg-")
            .tempdir()
            .map_err(|source| Error::Io {
                context: "creating the cluster's temporary directory".into(),
                source,
            })?;
        let data_dir = root.path().join("data");
        let log_path = root.path().join("postgres.log");
        // Unix sockets too, unless the path would be too long for one.
        let socket_dir = root.path().join("sock");
        let socket_dir =
            (socket_dir.as_os_str().len() + ".s.PGSQL.65535".len() < 100).then_some(socket_dir);
        if let Some(dir) = &socket_dir {
            std::fs::create_dir(dir).map_err(|source| Error::Io {
                context: format!("creating {}", dir.display()),
                source,
            })?;
            runner.give(dir)?;
        }
        runner.give(root.path())?;

        initdb(&runner, &bin_dir, root.path(), &data_dir)?;

        let mut command = runner.prefix();
        command.push(bin_dir.join("postgres").into_os_string());
        command.extend(["-D".into(), data_dir.clone().into_os_string()]);
        command.push("-k".into());
        command.push(
            socket_dir
                .clone()
                .map(PathBuf::into_os_string)
                .unwrap_or_default(),
        );
        let mut settings = vec![
            ("listen_addresses".to_owned(), "127.0.0.1".to_owned()),
            (
                "max_connections".to_owned(),
                self.max_connections.unwrap_or(200).to_string(),
            ),
        ];
        if !self.durable {
            for name in ["fsync", "synchronous_commit", "full_page_writes"] {
                settings.push((name.to_owned(), "off".to_owned()));
            }
        }
        settings.extend(self.settings.iter().cloned());
        for (name, value) in &settings {
            command.push("-c".into());
            command.push(OsString::from(format!("{name}={value}")));
        }

        let launch = Launch {
            root: root.path().to_path_buf(),
            data_dir: data_dir.clone(),
            log_path: log_path.clone(),
            command,
            start_timeout,
        };
        let mut attempts = 0;
        let (port, server) = loop {
            attempts += 1;
            let port = server::free_port()?;
            match launch.start(port) {
                Ok(server) => break (port, server),
                Err(StartFailure::PortInUse) if attempts < PORT_ATTEMPTS => {
                    tracing::debug!("port {port} taken before postgres bound it; retrying");
                }
                Err(StartFailure::PortInUse) => {
                    return Err(Error::Exited {
                        status: format!("no free port after {attempts} attempts"),
                        log: server::read_log(&log_path, 0),
                    });
                }
                Err(StartFailure::Fatal(e)) => return Err(e),
            }
        };
        tracing::debug!(
            port,
            dir = %root.path().display(),
            user = runner.user().unwrap_or("(current)"),
            "test PostgreSQL started"
        );
        Ok(Some(TestPostgres {
            port,
            bin_dir,
            data_dir,
            socket_dir,
            log_path,
            launch,
            server: Some(server),
            root: Some(root),
        }))
    }
}

fn initdb(runner: &Runner, bin_dir: &Path, root: &Path, data_dir: &Path) -> Result<(), Error> {
    let mut cmd = runner.command(&bin_dir.join("initdb"));
    cmd.arg("-D")
        .arg(data_dir)
        .args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        ])
        .current_dir(root)
        .env("LC_ALL", "C")
        .stdin(std::process::Stdio::null());
    let out = cmd.output().map_err(|source| Error::Io {
        context: format!("running {}", bin_dir.join("initdb").display()),
        source,
    })?;
    if out.status.success() {
        return Ok(());
    }
    let mut output = String::from_utf8_lossy(&out.stdout).into_owned();
    output.push_str(&String::from_utf8_lossy(&out.stderr));
    if let Some(user) = runner.user() {
        output.push_str(&format!(
            "\n(initdb ran as {user}: {} and its parents must be accessible to that user)",
            root.display()
        ));
    }
    Err(Error::Command {
        what: "initdb".into(),
        status: out.status.to_string(),
        output,
    })
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on"
        )
    })
}

/// A private PostgreSQL cluster: a temporary directory with a data directory,
/// a Unix socket directory and the server log, and a postgres server on
/// 127.0.0.1. Trust auth; superuser `postgres`; maintenance DB `postgres`.
///
/// Dropping it stops the server (immediate shutdown) and removes the
/// directory. The instance behind [`TestPostgres::shared`] is never dropped:
/// its watchdog cleans up when the test process exits.
#[derive(Debug)]
pub struct TestPostgres {
    port: u16,
    bin_dir: PathBuf,
    data_dir: PathBuf,
    socket_dir: Option<PathBuf>,
    log_path: PathBuf,
    launch: Launch,
    server: Option<Server>,
    // Dropped after the server is stopped (see Drop).
    root: Option<tempfile::TempDir>,
}

static SHARED: OnceLock<Result<Option<TestPostgres>, String>> = OnceLock::new();
static DB_COUNTER: AtomicU64 = AtomicU64::new(0);

impl TestPostgres {
    /// Options for a new cluster.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// A new cluster with default options (fsync off, max_connections 200);
    /// `Ok(None)` when PostgreSQL is not installed.
    pub fn start() -> Result<Option<TestPostgres>, Error> {
        Builder::default().start()
    }

    /// Like [`TestPostgres::start`], but prints the skip line when
    /// PostgreSQL is not installed.
    pub fn start_or_skip() -> Result<Option<TestPostgres>, Error> {
        let pg = Self::start()?;
        if pg.is_none() {
            print_skip();
        }
        Ok(pg)
    }

    /// The cluster shared by all tests of this process, started on first
    /// use (concurrent callers wait for it). Give each test its own database
    /// with [`TestPostgres::create_database`]. A failed start is remembered:
    /// later calls return [`Error::Shared`] at once.
    pub fn shared() -> Result<Option<&'static TestPostgres>, Error> {
        let cell = SHARED.get_or_init(|| TestPostgres::start().map_err(|e| e.to_string()));
        match cell {
            Ok(pg) => Ok(pg.as_ref()),
            Err(message) => Err(Error::Shared(message.clone())),
        }
    }

    /// Like [`TestPostgres::shared`], but prints the skip line when
    /// PostgreSQL is not installed.
    pub fn shared_or_skip() -> Result<Option<&'static TestPostgres>, Error> {
        let pg = Self::shared()?;
        if pg.is_none() {
            print_skip();
        }
        Ok(pg)
    }

    /// URL of the maintenance database `postgres`.
    pub fn url(&self) -> String {
        self.url_for("postgres")
    }

    /// URL of database `database` (percent-encoded as needed).
    pub fn url_for(&self, database: &str) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{}/{}",
            self.port,
            percent_encode(database)
        )
    }

    /// Create a new, empty database with a unique name derived from
    /// `name_hint` (e.g. `orders` → `orders_7`) and return its URL.
    pub async fn create_database(&self, name_hint: &str) -> Result<String, Error> {
        let name = unique_database_name(name_hint);
        self.admin(format!("CREATE DATABASE {}", quote_ident(&name)))
            .await?;
        Ok(self.url_for(&name))
    }

    /// Drop database `name` if it exists, disconnecting its clients.
    pub async fn drop_database(&self, name: &str) -> Result<(), Error> {
        self.admin(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            quote_ident(name)
        ))
        .await
    }

    async fn admin(&self, sql: String) -> Result<(), Error> {
        // A fresh connection each time: the shared cluster outlives every
        // test's tokio runtime, so it must not keep connections or pools.
        let mut conn = PgConnection::connect(&self.url()).await?;
        let result = sqlx::query(AssertSqlSafe(sql)).execute(&mut conn).await;
        let _ = conn.close().await;
        result.map(|_| ()).map_err(Error::from)
    }

    pub fn host(&self) -> &'static str {
        "127.0.0.1"
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The directory with `initdb`, `postgres` (and on Debian `psql`,
    /// `pg_dump`, ...) that this cluster uses.
    pub fn bin_dir(&self) -> &Path {
        &self.bin_dir
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The Unix socket directory (`psql -h DIR -p PORT -U postgres`); `None`
    /// when the temporary path was too long for a socket.
    pub fn socket_dir(&self) -> Option<&Path> {
        self.socket_dir.as_deref()
    }

    /// The temporary directory holding data, sockets and log.
    pub fn root_dir(&self) -> &Path {
        &self.launch.root
    }

    pub fn log_path(&self) -> &Path {
        &self.log_path
    }

    /// The server log so far (at most its last 16 KiB).
    pub fn server_log(&self) -> String {
        server::read_log(&self.log_path, 0)
    }

    /// The postmaster's pid while the server runs.
    pub fn postmaster_pid(&self) -> Option<u32> {
        self.server.as_ref().and_then(|s| s.postmaster_pid)
    }

    /// Whether the server is running (not stopped, not exited).
    pub fn is_running(&mut self) -> bool {
        let exited = self.root_dir().join(server::EXITED_MARKER).exists();
        match &mut self.server {
            Some(server) => !exited && server.has_exited().is_none(),
            None => false,
        }
    }

    /// Stop the server, keeping the data directory; [`TestPostgres::restart`]
    /// starts it again. No-op when already stopped.
    pub fn stop(&mut self, mode: Shutdown) -> Result<(), Error> {
        match self.server.take() {
            Some(mut server) => server.stop(mode, STOP_TIMEOUT),
            None => Ok(()),
        }
    }

    /// Stop the server (if running) with `mode` and start it again on the
    /// same port and data directory, e.g. `Shutdown::Immediate` to simulate
    /// a crash and run recovery. URLs handed out before stay valid.
    pub fn restart(&mut self, mode: Shutdown) -> Result<(), Error> {
        self.stop(mode)?;
        match self.launch.start(self.port) {
            Ok(server) => {
                self.server = Some(server);
                Ok(())
            }
            Err(StartFailure::PortInUse) => Err(Error::Exited {
                status: format!("port {} was taken while the server was down", self.port),
                log: self.server_log(),
            }),
            Err(StartFailure::Fatal(e)) => Err(e),
        }
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        if let Some(mut server) = self.server.take()
            && let Err(e) = server.stop(Shutdown::Immediate, STOP_TIMEOUT)
        {
            tracing::warn!("stopping test PostgreSQL: {e}");
        }
        if let Some(root) = self.root.take()
            && let Err(e) = root.close()
        {
            tracing::warn!("removing test PostgreSQL directory: {e}");
        }
    }
}

/// `hint` reduced to `[a-z0-9_]`, starting with a letter, plus a counter:
/// unique within the process (and so within its clusters), at most 63 bytes.
fn unique_database_name(hint: &str) -> String {
    let n = DB_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut base: String = hint
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() { c } else { '_' }
        })
        .collect();
    if !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        base.insert_str(0, "db_");
    }
    let suffix = format!("_{n}");
    base.truncate(63 - suffix.len());
    base + &suffix
}

/// A double-quoted SQL identifier.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_safe_and_unique() {
        let a = unique_database_name("Orders Test");
        let b = unique_database_name("Orders Test");
        assert_ne!(a, b);
        assert!(a.starts_with("orders_test_"), "{a}");
        assert!(unique_database_name("").starts_with("db_"));
        assert!(unique_database_name("9lives").starts_with("db_9lives_"));
        let long = unique_database_name(&"x".repeat(200));
        assert!(long.len() <= 63, "{}", long.len());
        let odd = unique_database_name("a\"b;drop");
        assert!(
            odd.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{odd}"
        );
    }

    #[test]
    fn identifiers_and_urls_are_escaped() {
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(percent_encode("a b/ü"), "a%20b%2F%C3%BC");
    }
}
