//! Settings: defaults < `miti.toml` < `MITI_*` environment < command-line flags.

use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// Every setting, as in `miti.toml` (all optional there).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct FileSettings {
    pub database_url: Option<String>,
    pub bind: Option<String>,
    pub data_dir: Option<String>,
    pub public_url: Option<String>,
    pub insecure_cookies: Option<bool>,
    pub trusted_proxies: Option<Vec<String>>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub session_idle_minutes: Option<i64>,
    pub session_absolute_hours: Option<i64>,
    pub public_cache_seconds: Option<i64>,
}

/// The resolved settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub database_url: String,
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub public_url: String,
    pub insecure_cookies: bool,
    pub trusted_proxies: Vec<IpAddr>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    /// How long anonymous visitors may be served a public page rendered
    /// earlier (0: never); writes on this server refresh it at once.
    pub public_cache_seconds: i64,
}

/// Reads `name` from the environment through `env` (a function, for tests).
fn pick(
    flag: Option<String>,
    env: &dyn Fn(&str) -> Option<String>,
    name: &str,
    file: Option<String>,
) -> Option<String> {
    flag.or_else(|| env(name)).or(file)
}

fn parse_bool(v: &str) -> Result<bool, String> {
    match v.trim().to_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        other => Err(format!("not a boolean: {other:?}")),
    }
}

impl Settings {
    /// Merges the layers; an error names the setting at fault.
    pub fn resolve(
        flags: FileSettings,
        env: &dyn Fn(&str) -> Option<String>,
        file: FileSettings,
    ) -> Result<Settings, String> {
        let database_url = pick(
            flags.database_url,
            env,
            "MITI_DATABASE_URL",
            file.database_url,
        )
        .unwrap_or_else(|| "sqlite://miti.db".into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(format!(
                "database_url: expected sqlite://… or postgres://…, got {database_url:?}"
            ));
        }
        let bind = pick(flags.bind, env, "MITI_BIND", file.bind)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind
            .parse()
            .map_err(|e| format!("bind: {bind:?} is not host:port ({e})"))?;
        let data_dir = pick(flags.data_dir, env, "MITI_DATA_DIR", file.data_dir)
            .unwrap_or_else(|| "miti-data".into());
        let public_url = pick(flags.public_url, env, "MITI_PUBLIC_URL", file.public_url)
            .unwrap_or_else(|| format!("http://{bind}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(format!(
                "public_url: must start with http:// or https://, got {public_url:?}"
            ));
        }
        let insecure_cookies = match flags.insecure_cookies {
            Some(true) => true,
            _ => match env("MITI_INSECURE_COOKIES") {
                Some(v) => parse_bool(&v).map_err(|e| format!("MITI_INSECURE_COOKIES: {e}"))?,
                None => file.insecure_cookies.unwrap_or(false),
            },
        };
        let proxies: Vec<String> = match env("MITI_TRUSTED_PROXIES") {
            Some(v) => v
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            None => flags
                .trusted_proxies
                .or(file.trusted_proxies)
                .unwrap_or_default(),
        };
        let trusted_proxies = proxies
            .iter()
            .map(|p| {
                p.parse()
                    .map_err(|_| format!("trusted_proxies: {p:?} is not an IP address"))
            })
            .collect::<Result<_, _>>()?;
        let smtp_url =
            pick(flags.smtp_url, env, "MITI_SMTP_URL", file.smtp_url).filter(|s| !s.is_empty());
        let mail_from = pick(flags.mail_from, env, "MITI_MAIL_FROM", file.mail_from)
            .unwrap_or_else(|| "miti <no-reply@miti.localhost>".into());
        // A whole number of at least `min` (1: "positive", 0: "zero or more").
        let num = |name: &str,
                   env_name: &str,
                   file: Option<i64>,
                   default: i64,
                   min: i64|
         -> Result<i64, String> {
            let kind = if min > 0 {
                "a positive number"
            } else {
                "zero or a positive number"
            };
            match env(env_name) {
                Some(v) => v
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= min)
                    .ok_or(format!("{name}: {v:?} is not {kind}")),
                None => match file {
                    Some(n) if n < min => Err(format!("{name}: {n} is not {kind}")),
                    Some(n) => Ok(n),
                    None => Ok(default),
                },
            }
        };
        Ok(Settings {
            database_url,
            bind,
            data_dir: PathBuf::from(data_dir),
            public_url,
            insecure_cookies,
            trusted_proxies,
            smtp_url,
            mail_from,
            session_idle_minutes: num(
                "session_idle_minutes",
                "MITI_SESSION_IDLE_MINUTES",
                file.session_idle_minutes,
                120,
                1,
            )?,
            session_absolute_hours: num(
                "session_absolute_hours",
                "MITI_SESSION_ABSOLUTE_HOURS",
                file.session_absolute_hours,
                12,
                1,
            )?,
            public_cache_seconds: num(
                "public_cache_seconds",
                "MITI_PUBLIC_CACHE_SECONDS",
                file.public_cache_seconds,
                5,
                0,
            )?,
        })
    }

    /// Reads `path` if it exists (a missing default file is fine; a missing
    /// named file is an error).
    pub fn read_file(path: &std::path::Path, required: bool) -> Result<FileSettings, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(FileSettings::default())
            }
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_override_in_order() {
        let file = FileSettings {
            database_url: Some("sqlite://file.db".into()),
            bind: Some("0.0.0.0:9000".into()),
            data_dir: Some("/srv/file".into()),
            ..Default::default()
        };
        let env = |k: &str| match k {
            "MITI_BIND" => Some("127.0.0.1:9100".to_string()),
            "MITI_DATA_DIR" => Some("/srv/env".to_string()),
            _ => None,
        };
        let flags = FileSettings {
            data_dir: Some("/srv/flag".into()),
            ..Default::default()
        };
        let s = Settings::resolve(flags, &env, file).unwrap();
        assert_eq!(s.database_url, "sqlite://file.db");
        assert_eq!(s.bind.to_string(), "127.0.0.1:9100");
        assert_eq!(s.data_dir, PathBuf::from("/srv/flag"));
        assert_eq!(s.public_url, "http://127.0.0.1:9100");
    }

    #[test]
    fn defaults_and_errors_name_the_setting() {
        let none = |_: &str| None;
        let s = Settings::resolve(FileSettings::default(), &none, FileSettings::default()).unwrap();
        assert_eq!(s.database_url, "sqlite://miti.db");
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert!(!s.insecure_cookies);
        let bad = FileSettings {
            bind: Some("nowhere".into()),
            ..Default::default()
        };
        assert!(
            Settings::resolve(bad, &none, FileSettings::default())
                .unwrap_err()
                .starts_with("bind:")
        );
        let bad = FileSettings {
            database_url: Some("mysql://x".into()),
            ..Default::default()
        };
        assert!(
            Settings::resolve(bad, &none, FileSettings::default())
                .unwrap_err()
                .starts_with("database_url:")
        );
        let env = |k: &str| (k == "MITI_INSECURE_COOKIES").then(|| "maybe".to_string());
        assert!(
            Settings::resolve(FileSettings::default(), &env, FileSettings::default())
                .unwrap_err()
                .starts_with("MITI_INSECURE_COOKIES")
        );
        for minutes in [0, -5] {
            let file = FileSettings {
                session_idle_minutes: Some(minutes),
                ..Default::default()
            };
            assert_eq!(
                Settings::resolve(FileSettings::default(), &none, file).unwrap_err(),
                format!("session_idle_minutes: {minutes} is not a positive number")
            );
        }
        let file = FileSettings {
            session_absolute_hours: Some(24),
            ..Default::default()
        };
        let s = Settings::resolve(FileSettings::default(), &none, file).unwrap();
        assert_eq!(s.session_absolute_hours, 24);
        assert_eq!(s.public_cache_seconds, 5);
        let off = |k: &str| (k == "MITI_PUBLIC_CACHE_SECONDS").then(|| "0".to_string());
        let s = Settings::resolve(FileSettings::default(), &off, FileSettings::default()).unwrap();
        assert_eq!(s.public_cache_seconds, 0, "0 turns the cache off");
        let file = FileSettings {
            public_cache_seconds: Some(-1),
            ..Default::default()
        };
        assert_eq!(
            Settings::resolve(FileSettings::default(), &none, file).unwrap_err(),
            "public_cache_seconds: -1 is not zero or a positive number"
        );
        assert!(
            toml::from_str::<FileSettings>("bnd = 1").is_err(),
            "unknown keys are refused"
        );
    }
}
