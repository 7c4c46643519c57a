//! Opening the store and the object store, and running the server.

use crate::config::Settings;
use miti_domain::account::{Role, RoleGrant};
use miti_domain::audit::Actor;
use miti_domain::organisation::{OrgFilter, OrgForm};
use miti_service::Services;
use miti_store::Store;
use std::sync::Arc;

/// A database URL with any password blanked, for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => match url[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}

pub async fn open_store(url: &str) -> Result<Arc<dyn Store>, String> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(
            miti_store_postgres::open(url)
                .await
                .map_err(|e| e.to_string())?,
        ))
    } else {
        Ok(Arc::new(
            miti_store_sqlite::open(url)
                .await
                .map_err(|e| e.to_string())?,
        ))
    }
}

pub async fn services(s: &Settings) -> Result<Services, String> {
    let store = open_store(&s.database_url).await?;
    std::fs::create_dir_all(&s.data_dir)
        .map_err(|e| format!("data_dir {}: {e}", s.data_dir.display()))?;
    let blobs = object_store::local::LocalFileSystem::new_with_prefix(&s.data_dir)
        .map_err(|e| format!("data_dir {}: {e}", s.data_dir.display()))?;
    let settings = miti_service::Settings {
        session_idle: chrono::Duration::minutes(s.session_idle_minutes),
        session_absolute: chrono::Duration::hours(s.session_absolute_hours),
        public_url: s.public_url.clone(),
        ..Default::default()
    };
    Ok(Services::new(store, Arc::new(blobs), settings))
}

pub async fn seed_demo(services: &Services) -> Result<(), String> {
    let report = miti_demo::seed(services).await?;
    if report.already_seeded {
        println!("demo network already present; nothing written");
        return Ok(());
    }
    println!(
        "seeded {} organisations and {} MoUs. Demo accounts (password: {}):",
        report.organisations,
        report.mous,
        miti_demo::DEMO_PASSWORD
    );
    for (email, role) in &report.accounts {
        println!("  {email:<28} {}", role.as_str());
    }
    Ok(())
}

pub async fn create_admin(
    services: &Services,
    email: &str,
    name: &str,
    org_slug: &str,
    password: &str,
) -> Result<(), String> {
    let org = match services
        .store
        .organisation_by_slug(org_slug)
        .await
        .map_err(|e| e.to_string())?
    {
        Some(o) => o,
        None => {
            let form = OrgForm {
                slug: org_slug.into(),
                kind: "secretariat".into(),
                main_language: "en".into(),
                name_en: "Metropolis Secretariat General".into(),
                country: "ES".into(),
                region: "europe".into(),
                city: "Barcelona".into(),
                timezone: "Europe/Madrid".into(),
                working_languages: "en, fr, es".into(),
                ..Default::default()
            };
            let input = form.validate().map_err(|e| format!("{e:?}"))?;
            services
                .store
                .create_organisation(Actor::SYSTEM, input)
                .await
                .map_err(|e| e.to_string())?
        }
    };
    services
        .create_user(
            Actor::SYSTEM,
            email,
            name,
            password,
            vec![RoleGrant {
                role: Role::NetworkAdmin,
                org_id: org.id,
            }],
        )
        .await
        .map(|_| ())
        .map_err(|e| match e {
            miti_domain::DomainError::Invalid(errs) => errs
                .0
                .iter()
                .map(|f| {
                    let tr = miti_i18n::Tr::new(miti_i18n::Locale::En);
                    format!("{}: {}", f.field, miti_web::page::field_message(&tr, f))
                })
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

pub async fn serve(s: Settings, demo: bool) -> Result<(), String> {
    let services = services(&s).await?;
    if demo {
        let empty = services
            .store
            .organisations(&OrgFilter::default())
            .await
            .map_err(|e| e.to_string())?
            .is_empty();
        if empty {
            seed_demo(&services).await?;
        }
    }
    if let Some(url) = &s.smtp_url {
        let mailer = miti_service::mail::Mailer::new(url, &s.mail_from)?;
        tokio::spawn(
            services
                .clone()
                .run_mailer(mailer, std::time::Duration::from_secs(5)),
        );
    } else {
        tracing::info!(
            "MITI_SMTP_URL not set: mail stays in the outbox (network admins can read it at /outbox)"
        );
    }
    let web = miti_web::WebConfig {
        secure_cookies: !s.insecure_cookies,
        trusted_proxies: s.trusted_proxies.clone(),
        public_cache_max_age: std::time::Duration::from_secs(
            u64::try_from(s.public_cache_seconds).unwrap_or(0),
        ),
        ..Default::default()
    };
    let app = miti_web::app(services, web);
    let listener = tokio::net::TcpListener::bind(s.bind)
        .await
        .map_err(|e| format!("bind {}: {e}", s.bind))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    // Tests start the server on port 0 and read this line to find it.
    println!(
        "miti listening on http://{local} (database: {})",
        redact(&s.database_url)
    );
    tracing::info!(%local, "listening");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            super::redact("postgres://miti:s3cret@db/miti"),
            "postgres://miti:***@db/miti"
        );
        assert_eq!(super::redact("sqlite://miti.db"), "sqlite://miti.db");
    }
}
