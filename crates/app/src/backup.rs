//! `miti backup FILE` and `miti restore FILE` for the embedded SQLite store:
//! one tar archive holding a consistent copy of the database (taken while the
//! server runs) and the object store folder. PostgreSQL deployments back up
//! with pg_dump (docs/operations.md).

use crate::config::Settings;
use std::fs::File;
use std::path::{Path, PathBuf};

const DB_ENTRY: &str = "miti.db";
const DATA_PREFIX: &str = "data";
const MANIFEST: &str = "MITI-BACKUP";

fn sqlite_file(s: &Settings) -> Result<PathBuf, String> {
    miti_store_sqlite::database_path(&s.database_url).ok_or_else(|| {
        "backup and restore handle the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (docs/operations.md)".to_string()
    })
}

pub async fn backup(s: &Settings, file: &Path) -> Result<String, String> {
    sqlite_file(s)?;
    if file.exists() {
        return Err(format!("{} already exists", file.display()));
    }
    let pool = miti_store_sqlite::connect(&s.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let copy = tmp.path().join(DB_ENTRY);
    miti_store_sqlite::backup_to(&pool, &copy)
        .await
        .map_err(|e| e.to_string())?;
    // Write to a temporary name, then rename: a half-written archive never
    // carries the final name.
    let partial = file.with_extension("partial");
    let out = File::create(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
    let mut tar = tar::Builder::new(out);
    let mut manifest = format!("miti backup\nversion {}\n", env!("CARGO_PKG_VERSION"));
    manifest.push_str(&format!("taken {}\n", chrono::Utc::now().to_rfc3339()));
    let mut header = tar::Header::new_gnu();
    header.set_size(manifest.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    tar.append_data(&mut header, MANIFEST, manifest.as_bytes())
        .map_err(|e| e.to_string())?;
    tar.append_path_with_name(&copy, DB_ENTRY)
        .map_err(|e| e.to_string())?;
    let mut files = 0usize;
    if s.data_dir.is_dir() {
        tar.append_dir_all(DATA_PREFIX, &s.data_dir)
            .map_err(|e| e.to_string())?;
        files = count_files(&s.data_dir);
    }
    tar.into_inner()
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("{}: {e}", partial.display()))?;
    std::fs::rename(&partial, file).map_err(|e| e.to_string())?;
    Ok(format!(
        "backed up the database and {files} stored files to {}",
        file.display()
    ))
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        count_files(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

pub async fn restore(s: &Settings, file: &Path, force: bool) -> Result<String, String> {
    let db = sqlite_file(s)?;
    if db.exists() && !force {
        return Err(format!(
            "{} exists; pass --force to replace it (stop the server first)",
            db.display()
        ));
    }
    let data_in_use = std::fs::read_dir(&s.data_dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if data_in_use && !force {
        return Err(format!(
            "{} is not empty; pass --force to replace it",
            s.data_dir.display()
        ));
    }
    // Unpack beside the targets first, check, then move into place.
    let staging = tempfile::tempdir_in(
        db.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    )
    .map_err(|e| e.to_string())?;
    let mut archive =
        tar::Archive::new(File::open(file).map_err(|e| format!("{}: {e}", file.display()))?);
    // `unpack` refuses entries that would escape the folder (.., absolute paths).
    archive
        .unpack(staging.path())
        .map_err(|e| format!("{}: not a miti backup ({e})", file.display()))?;
    if !staging.path().join(MANIFEST).is_file() || !staging.path().join(DB_ENTRY).is_file() {
        return Err(format!("{}: not a miti backup", file.display()));
    }
    let restored_url = format!("sqlite://{}", staging.path().join(DB_ENTRY).display());
    let pool = miti_store_sqlite::connect(&restored_url)
        .await
        .map_err(|e| e.to_string())?;
    miti_store_sqlite::integrity_check(&pool)
        .await
        .map_err(|e| e.to_string())?;
    pool.close().await;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", db.display())));
    }
    std::fs::rename(staging.path().join(DB_ENTRY), &db)
        .map_err(|e| format!("{}: {e}", db.display()))?;
    let data = staging.path().join(DATA_PREFIX);
    if data.is_dir() {
        if s.data_dir.exists() {
            std::fs::remove_dir_all(&s.data_dir).map_err(|e| e.to_string())?;
        }
        std::fs::rename(&data, &s.data_dir)
            .map_err(|e| format!("{}: {e}", s.data_dir.display()))?;
    }
    Ok(format!(
        "restored {} and {}",
        db.display(),
        s.data_dir.display()
    ))
}
