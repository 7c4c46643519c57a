//! Running initdb and postgres as an unprivileged user when the test process
//! is root (PostgreSQL refuses to run as root).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Error;
use crate::locate::find_program;

/// How server processes are started.
#[derive(Debug, Clone)]
pub(crate) enum Runner {
    /// As the current (non-root) user.
    Direct,
    /// Through `setpriv --reuid --regid --clear-groups`, which execs the
    /// program, so the pid the watchdog sees is the postmaster's own.
    Setpriv {
        setpriv: PathBuf,
        user: String,
        uid: u32,
        gid: u32,
    },
}

impl Runner {
    /// Choose how to run the server: directly, or as `user` (default: the
    /// `postgres` system user when it exists, else `nobody`) when we are root.
    pub(crate) fn detect(user: Option<&str>) -> Result<Runner, Error> {
        if effective_uid() != Some(0) {
            return Ok(Runner::Direct);
        }
        let user = match user {
            Some(u) => u.to_owned(),
            None if lookup_id(&["-u", "postgres"]).is_some() => "postgres".to_owned(),
            None => "nobody".to_owned(),
        };
        let uid = lookup_id(&["-u", &user])
            .ok_or_else(|| Error::Privilege(format!("no such user: {user}")))?;
        let gid = lookup_id(&["-g", &user])
            .ok_or_else(|| Error::Privilege(format!("no group for user: {user}")))?;
        if uid == 0 {
            return Err(Error::Privilege(format!(
                "user {user} is root; PostgreSQL must run unprivileged"
            )));
        }
        let setpriv = find_program("setpriv").ok_or_else(|| {
            Error::Privilege("running as root but `setpriv` (util-linux) is not installed".into())
        })?;
        Ok(Runner::Setpriv {
            setpriv,
            user,
            uid,
            gid,
        })
    }

    /// Arguments to put before a program to run it as the chosen user.
    pub(crate) fn prefix(&self) -> Vec<OsString> {
        match self {
            Runner::Direct => Vec::new(),
            Runner::Setpriv {
                setpriv, uid, gid, ..
            } => vec![
                setpriv.clone().into_os_string(),
                format!("--reuid={uid}").into(),
                format!("--regid={gid}").into(),
                "--clear-groups".into(),
                "--".into(),
            ],
        }
    }

    /// A command running `program` as the chosen user.
    pub(crate) fn command(&self, program: &Path) -> Command {
        let mut prefix = self.prefix().into_iter();
        match prefix.next() {
            None => Command::new(program),
            Some(first) => {
                let mut cmd = Command::new(first);
                cmd.args(prefix).arg(program);
                cmd
            }
        }
    }

    /// Give `path` to the chosen user (no-op when running directly).
    pub(crate) fn give(&self, path: &Path) -> Result<(), Error> {
        match self {
            Runner::Direct => Ok(()),
            Runner::Setpriv { uid, gid, .. } => {
                std::os::unix::fs::chown(path, Some(*uid), Some(*gid)).map_err(|source| Error::Io {
                    context: format!("chown {} to {uid}:{gid}", path.display()),
                    source,
                })
            }
        }
    }

    /// The user servers run as, when it is not the current one.
    pub(crate) fn user(&self) -> Option<&str> {
        match self {
            Runner::Direct => None,
            Runner::Setpriv { user, .. } => Some(user),
        }
    }
}

/// The effective uid, from `/proc/self/status` (no libc call, since unsafe
/// code is forbidden), else from `id -u`.
pub(crate) fn effective_uid() -> Option<u32> {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        let euid = status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            .and_then(|id| id.parse().ok());
        if euid.is_some() {
            return euid;
        }
    }
    lookup_id(&["-u"])
}

fn lookup_id(args: &[&str]) -> Option<u32> {
    let out = Command::new("id")
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_status_agrees_with_id() {
        assert_eq!(effective_uid(), lookup_id(&["-u"]));
    }
}
