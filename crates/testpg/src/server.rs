//! One running postgres under its watchdog, readiness probing and shutdown.

use std::ffi::OsString;
use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::{Error, Shutdown};

const WATCHDOG: &str = include_str!("watchdog.sh");

/// Files the watchdog writes into the cluster's root directory.
pub(crate) const EXITED_MARKER: &str = ".exited";
pub(crate) const STOP_MARKER: &str = ".stop";

/// Everything needed to (re)start the server of one cluster.
#[derive(Debug)]
pub(crate) struct Launch {
    pub(crate) root: PathBuf,
    pub(crate) data_dir: PathBuf,
    pub(crate) log_path: PathBuf,
    /// The unprivileged-user prefix followed by `postgres` and its
    /// arguments, without `-p PORT`.
    pub(crate) command: Vec<OsString>,
    pub(crate) start_timeout: Duration,
}

/// A postgres process under its watchdog.
#[derive(Debug)]
pub(crate) struct Server {
    watchdog: Child,
    control: Option<ChildStdin>,
    pub(crate) postmaster_pid: Option<u32>,
}

/// Why a start attempt failed.
pub(crate) enum StartFailure {
    /// The port was taken between picking and binding it: try another.
    PortInUse,
    Fatal(Error),
}

impl From<Error> for StartFailure {
    fn from(e: Error) -> Self {
        StartFailure::Fatal(e)
    }
}

/// A port on 127.0.0.1 that was free a moment ago.
pub(crate) fn free_port() -> Result<u16, Error> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|source| Error::Io {
        context: "binding 127.0.0.1:0 to pick a port".into(),
        source,
    })?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|source| Error::Io {
            context: "reading the picked port".into(),
            source,
        })
}

impl Launch {
    /// Start postgres on `port` and wait until it accepts connections.
    pub(crate) fn start(&self, port: u16) -> Result<Server, StartFailure> {
        for marker in [EXITED_MARKER, STOP_MARKER] {
            let _ = std::fs::remove_file(self.root.join(marker));
        }
        let log_offset = std::fs::metadata(&self.log_path).map_or(0, |m| m.len());
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log_path)
            .map_err(|source| Error::Io {
                context: format!("opening {}", self.log_path.display()),
                source,
            })?;
        let log_err = log.try_clone().map_err(|source| Error::Io {
            context: "duplicating the log file handle".into(),
            source,
        })?;
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(WATCHDOG)
            .arg("miti-testpg-watchdog")
            .arg(std::process::id().to_string())
            .arg(&self.root)
            .args(&self.command)
            .arg("-p")
            .arg(port.to_string())
            .current_dir(&self.root)
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(log)
            .stderr(log_err)
            // Own process group: a Ctrl-C or a runner killing the test's
            // group leaves the watchdog alive to clean up.
            .process_group(0);
        let mut watchdog = cmd.spawn().map_err(|source| Error::Io {
            context: "spawning the postgres watchdog (sh)".into(),
            source,
        })?;
        let control = watchdog.stdin.take();
        let mut server = Server {
            watchdog,
            control,
            postmaster_pid: None,
        };
        match self.wait_ready(&mut server, port, log_offset) {
            Ok(()) => {
                server.postmaster_pid = read_postmaster_pid(&self.data_dir);
                Ok(server)
            }
            Err(failure) => {
                let _ = server.stop(Shutdown::Immediate, Duration::from_secs(30));
                Err(failure)
            }
        }
    }

    fn wait_ready(
        &self,
        server: &mut Server,
        port: u16,
        log_offset: u64,
    ) -> Result<(), StartFailure> {
        let started = Instant::now();
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        loop {
            let exited = std::fs::read_to_string(self.root.join(EXITED_MARKER)).ok();
            let watchdog_status = server.watchdog.try_wait().ok().flatten();
            if exited.is_some() || watchdog_status.is_some() {
                let log = read_log(&self.log_path, log_offset);
                if log.contains("Address already in use") {
                    return Err(StartFailure::PortInUse);
                }
                let status = match (exited, watchdog_status) {
                    (Some(code), _) => format!("exit code {}", code.trim()),
                    (None, Some(s)) => format!("watchdog {s}"),
                    (None, None) => "unknown".into(),
                };
                return Err(StartFailure::Fatal(Error::Exited { status, log }));
            }
            if probe(addr) {
                return Ok(());
            }
            if started.elapsed() > self.start_timeout {
                return Err(StartFailure::Fatal(Error::StartTimeout {
                    port,
                    waited: self.start_timeout,
                    log: read_log(&self.log_path, log_offset),
                }));
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Server {
    /// Ask the watchdog for a shutdown and wait for it (and postgres) to
    /// exit. After `timeout` the watchdog's whole process group is killed.
    pub(crate) fn stop(&mut self, mode: Shutdown, timeout: Duration) -> Result<(), Error> {
        if let Some(mut control) = self.control.take() {
            // If the watchdog is already gone the write fails; nothing to do.
            let _ = writeln!(control, "{}", mode.word());
        }
        let deadline = Instant::now() + timeout;
        loop {
            match self.watchdog.try_wait() {
                Ok(Some(_)) => return Ok(()),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Ok(None) => {
                    self.kill_group();
                    return Err(Error::StopTimeout { waited: timeout });
                }
                Err(source) => {
                    self.kill_group();
                    return Err(Error::Io {
                        context: "waiting for the postgres watchdog".into(),
                        source,
                    });
                }
            }
        }
    }

    /// Last resort: SIGKILL the watchdog's process group (the watchdog and
    /// the postmaster; backends exit when they see the postmaster die).
    fn kill_group(&mut self) {
        let pgid = self.watchdog.id();
        let _ = Command::new("sh")
            .args(["-c", "kill -s KILL -- \"-$1\"", "sh", &pgid.to_string()])
            .stdin(Stdio::null())
            .status();
        if let Some(pid) = self.postmaster_pid {
            let _ = Command::new("sh")
                .args(["-c", "kill -s KILL \"$1\"", "sh", &pid.to_string()])
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.watchdog.wait();
    }

    pub(crate) fn has_exited(&mut self) -> Option<ExitStatus> {
        self.watchdog.try_wait().ok().flatten()
    }
}

/// Does the server complete a startup handshake (user and database
/// `postgres`, trust auth)? Answers "the database system is starting up"
/// and refused connections count as not ready.
pub(crate) fn probe(addr: SocketAddr) -> bool {
    let attempt = || -> std::io::Result<bool> {
        let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1))?;
        stream.set_read_timeout(Some(Duration::from_secs(2)))?;
        stream.set_write_timeout(Some(Duration::from_secs(2)))?;
        let mut body = Vec::with_capacity(64);
        body.extend_from_slice(&196_608_u32.to_be_bytes()); // protocol 3.0
        for (key, value) in [("user", "postgres"), ("database", "postgres")] {
            body.extend_from_slice(key.as_bytes());
            body.push(0);
            body.extend_from_slice(value.as_bytes());
            body.push(0);
        }
        body.push(0);
        let len = u32::try_from(body.len() + 4).unwrap_or(u32::MAX);
        stream.write_all(&len.to_be_bytes())?;
        stream.write_all(&body)?;
        // AuthenticationOk is 'R' + length 8 + code 0.
        let mut reply = [0_u8; 9];
        stream.read_exact(&mut reply)?;
        let ready = reply[0] == b'R' && reply[5..9] == [0, 0, 0, 0];
        if ready {
            // Terminate, so the server logs no "unexpected EOF".
            let _ = stream.write_all(&[b'X', 0, 0, 0, 4]);
        }
        Ok(ready)
    };
    attempt().unwrap_or(false)
}

pub(crate) fn read_postmaster_pid(data_dir: &Path) -> Option<u32> {
    std::fs::read_to_string(data_dir.join("postmaster.pid"))
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()
}

/// The log from `offset` on, at most the last 16 KiB of it.
pub(crate) fn read_log(path: &Path, offset: u64) -> String {
    const MAX: usize = 16 * 1024;
    let Ok(bytes) = std::fs::read(path) else {
        return format!("(no log at {})", path.display());
    };
    let start = usize::try_from(offset).unwrap_or(0).min(bytes.len());
    let tail = &bytes[start..];
    let tail = &tail[tail.len().saturating_sub(MAX)..];
    String::from_utf8_lossy(tail).into_owned()
}
