//! Finding PostgreSQL's server binaries (`initdb` and `postgres`).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::ENV_BINDIR;

/// Where to look for the binaries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum BinDirChoice {
    /// `MITI_PG_BINDIR` if set and non-empty, else the automatic search.
    #[default]
    Auto,
    /// Exactly this directory (no fallback).
    Exactly(PathBuf),
}

/// Outcome of a search: the directory, or a description of where we looked.
pub(crate) type Located = Result<PathBuf, String>;

pub(crate) fn has_server_binaries(dir: &Path) -> bool {
    dir.join("initdb").is_file() && dir.join("postgres").is_file()
}

pub(crate) fn locate(choice: &BinDirChoice) -> Located {
    match choice {
        BinDirChoice::Exactly(dir) => exact(dir, "explicit bin_dir"),
        BinDirChoice::Auto => match std::env::var_os(ENV_BINDIR) {
            Some(dir) if !dir.is_empty() => exact(Path::new(&dir), ENV_BINDIR),
            _ => auto(),
        },
    }
}

fn exact(dir: &Path, source: &str) -> Located {
    if has_server_binaries(dir) {
        Ok(dir.to_path_buf())
    } else {
        Err(format!(
            "{source} {} has no initdb and postgres",
            dir.display()
        ))
    }
}

/// Debian's `/usr/lib/postgresql/<highest version>/bin`, then
/// `pg_config --bindir`, then `initdb` on `PATH`.
pub(crate) fn auto() -> Located {
    if let Some(dir) = debian_bin_dir(Path::new("/usr/lib/postgresql")) {
        return Ok(dir);
    }
    if let Some(dir) = pg_config_bin_dir() {
        return Ok(dir);
    }
    if let Some(dir) = path_bin_dir() {
        return Ok(dir);
    }
    Err("searched /usr/lib/postgresql/*/bin, `pg_config --bindir` and PATH".to_owned())
}

/// The highest version under `base` (e.g. `/usr/lib/postgresql/16/bin` over
/// `.../15/bin`, `10` over `9.6`) that has the server binaries.
pub(crate) fn debian_bin_dir(base: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(base).ok()?;
    let mut best: Option<(Vec<u32>, PathBuf)> = None;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(version) = parse_version(&name) else {
            continue;
        };
        let bin = entry.path().join("bin");
        if !has_server_binaries(&bin) {
            continue;
        }
        if best.as_ref().is_none_or(|(v, _)| version > *v) {
            best = Some((version, bin));
        }
    }
    best.map(|(_, dir)| dir)
}

fn parse_version(name: &OsStr) -> Option<Vec<u32>> {
    let name = name.to_str()?;
    name.split('.')
        .map(|part| part.parse::<u32>().ok())
        .collect()
}

fn pg_config_bin_dir() -> Option<PathBuf> {
    let out = Command::new("pg_config")
        .arg("--bindir")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    has_server_binaries(&dir).then_some(dir)
}

fn path_bin_dir() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|dir| has_server_binaries(dir))
}

/// A program on `PATH` (or in the usual system directories).
pub(crate) fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/bin", "/bin", "/usr/sbin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        let dir = tempfile::tempdir().unwrap();
        for v in ["9.6", "10", "15", "16", "notaversion"] {
            let bin = dir.path().join(v).join("bin");
            std::fs::create_dir_all(&bin).unwrap();
            if v != "16" {
                std::fs::write(bin.join("initdb"), "").unwrap();
                std::fs::write(bin.join("postgres"), "").unwrap();
            }
        }
        // 16 lacks the binaries, so 15 wins over 10 and 9.6.
        assert_eq!(
            debian_bin_dir(dir.path()),
            Some(dir.path().join("15").join("bin"))
        );
        assert_eq!(debian_bin_dir(&dir.path().join("missing")), None);
    }

    #[test]
    fn exact_dir_without_binaries_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        assert!(locate(&BinDirChoice::Exactly(dir.path().to_path_buf())).is_err());
    }
}
