//! The contract every backend passes: call [`run_all`] on a freshly migrated,
//! empty store. Each check panics with a message naming the broken promise.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::*;
use chrono::Duration;
use miti_domain::account::Role;
use miti_domain::organisation::{OrgForm, OrgKind, Region};
use miti_domain::person::{ContactRole, PersonInput};
use miti_domain::text::Localized;

mod applications;
mod seat_race;
mod staff_list;

pub use seat_race::{RaceReport, offered_cohort, seat_race_rounds, seats_under_concurrency};
pub use staff_list::{assert_counters_fresh, call_counter_writes};

/// Runs every check in turn on one store.
pub async fn run_all(store: &dyn Store) {
    store.ping().await.expect("ping");
    organisations(store).await;
    memberships_and_lifecycle(store).await;
    people_and_mous(store).await;
    accounts_and_sessions(store).await;
    throttling_and_resets(store).await;
    api_tokens(store).await;
    outbox(store).await;
    audit_is_atomic(store).await;
    catalogue(store).await;
    applications::applications(store).await;
    applications::reviews(store).await;
    applications::selection(store).await;
    applications::seats(store).await;
    staff_list::lines(store).await;
    staff_list::counters(store).await;
    sdg_alignment(store).await;
}

fn org(slug: &str, kind: &str, name_en: &str) -> OrgInput {
    OrgForm {
        slug: slug.into(),
        kind: kind.into(),
        main_language: "en".into(),
        name_en: name_en.into(),
        country: "KR".into(),
        region: "asia_pacific".into(),
        timezone: "Asia/Seoul".into(),
        working_languages: "en, ko".into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

fn admin() -> Actor {
    Actor::SYSTEM
}

async fn audit_count(store: &dyn Store, action: &str) -> i64 {
    let f = AuditFilter {
        action: Some(action.into()),
        ..Default::default()
    };
    store.audit_entries(&f, 1, 0).await.unwrap().1
}

async fn organisations(store: &dyn Store) {
    let mut seoul = org("c-seoul", "headquarters", "Seoul HQ");
    seoul.name.texts.insert("ko".into(), "서울".into());
    let hq = store
        .create_organisation(admin(), seoul.clone())
        .await
        .unwrap();
    assert_eq!(hq.version, 1);
    assert_eq!(hq.name.get("ko"), "서울");
    assert_eq!(hq.working_languages, ["en", "ko"]);
    assert!(matches!(
        store.create_organisation(admin(), seoul.clone()).await,
        Err(StoreError::Conflict("slug_taken"))
    ));

    let mut idf = org("c-idf", "regional_centre", "Paris Île-de-France");
    idf.region = Region::Europe;
    idf.parent_id = Some(hq.id);
    let centre = store
        .create_organisation(admin(), idf.clone())
        .await
        .unwrap();
    assert_eq!(
        centre.status,
        Status::Candidate,
        "regional centres start as candidates"
    );

    // Search folds case beyond ASCII and matches every language's name.
    let found = store
        .organisations(&OrgFilter {
            q: Some("ÎLE-DE".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.iter().map(|o| o.id).collect::<Vec<_>>(), [centre.id]);
    let found = store
        .organisations(&OrgFilter {
            q: Some("서울".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    // LIKE wildcards in the query are literal.
    let none = store
        .organisations(&OrgFilter {
            q: Some("%".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(none.is_empty(), "'%' must match literally");
    let by_kind = store
        .organisations(&OrgFilter {
            kind: Some(OrgKind::RegionalCentre),
            region: Some(Region::Europe),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_kind.len(), 1);

    // Optimistic concurrency: an edit from an old version is refused.
    let mut edit = idf.clone();
    edit.city = Some("Paris".into());
    let v2 = store
        .update_organisation(admin(), centre.id, 1, edit.clone())
        .await
        .unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(v2.city.as_deref(), Some("Paris"));
    assert!(matches!(
        store
            .update_organisation(admin(), centre.id, 1, edit.clone())
            .await,
        Err(StoreError::Conflict("stale_version"))
    ));
    assert!(matches!(
        store
            .update_organisation(admin(), 999_999, 1, edit.clone())
            .await,
        Err(StoreError::NotFound)
    ));
    // A parent cycle is refused.
    let mut cyclic = seoul.clone();
    cyclic.parent_id = Some(centre.id);
    assert!(matches!(
        store.update_organisation(admin(), hq.id, 1, cyclic).await,
        Err(StoreError::Conflict("parent_cycle"))
    ));
    assert_eq!(
        store
            .organisation_by_slug("c-idf")
            .await
            .unwrap()
            .unwrap()
            .id,
        centre.id
    );
    assert!(store.organisation(424_242).await.unwrap().is_none());
    assert_eq!(audit_count(store, "organisation.create").await, 2);
    assert_eq!(audit_count(store, "organisation.update").await, 1);
}

async fn memberships_and_lifecycle(store: &dyn Store) {
    let city = store
        .create_organisation(admin(), org("m-dakar", "member_city", "Dakar"))
        .await
        .unwrap();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    store
        .add_membership(admin(), city.id, d("1995-01-01"), Some(d("2005-12-31")))
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_membership(admin(), city.id, d("2005-06-01"), None)
            .await,
        Err(StoreError::Conflict("membership_overlap"))
    ));
    let open = store
        .add_membership(admin(), city.id, d("2010-01-01"), None)
        .await
        .unwrap();
    let loaded = store.organisation(city.id).await.unwrap().unwrap();
    assert_eq!(loaded.memberships.len(), 2);
    assert!(loaded.is_member_on(d("2018-05-29")));
    assert!(!loaded.is_member_on(d("2008-01-01")));
    store
        .remove_membership(admin(), city.id, open)
        .await
        .unwrap();
    assert!(matches!(
        store.remove_membership(admin(), city.id, open).await,
        Err(StoreError::NotFound)
    ));

    let centre = store
        .create_organisation(admin(), org("m-istanbul", "regional_centre", "Istanbul"))
        .await
        .unwrap();
    let doc = NewDocument {
        org_id: centre.id,
        storage_key: "lifecycle/abc.pdf".into(),
        filename: "letter.pdf".into(),
        content_type: "application/pdf".into(),
        size: 1234,
        sha256: "00".repeat(32),
    };
    let ev = store
        .record_lifecycle_event(
            admin(),
            NewLifecycleEvent {
                org_id: centre.id,
                to: Status::Active,
                on: d("2018-05-29"),
                note: "MoU signed".into(),
            },
            Status::Candidate,
            Some(doc),
        )
        .await
        .unwrap();
    assert_eq!(ev.from_status, Status::Candidate);
    assert_eq!(ev.document_name.as_deref(), Some("letter.pdf"));
    let doc = store
        .document(ev.document_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(doc.size, 1234);
    // A transition from a status the centre is no longer in is refused.
    let stale = store
        .record_lifecycle_event(
            admin(),
            NewLifecycleEvent {
                org_id: centre.id,
                to: Status::Active,
                on: d("2018-06-01"),
                note: String::new(),
            },
            Status::Candidate,
            None,
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict("stale_status"))));
    assert_eq!(store.lifecycle_events(centre.id).await.unwrap().len(), 1);
    let now = store.organisation(centre.id).await.unwrap().unwrap();
    assert_eq!(now.status, Status::Active);
}

async fn people_and_mous(store: &dyn Store) {
    let a = store
        .create_organisation(admin(), org("p-a", "headquarters", "A"))
        .await
        .unwrap();
    let b = store
        .create_organisation(admin(), org("p-b", "regional_centre", "B"))
        .await
        .unwrap();
    let p = store
        .create_person(
            admin(),
            a.id,
            PersonInput {
                name: "International Relations Office".into(),
                email: Some("ir@a.demo".into()),
                phone: None,
                contact_role: ContactRole::InternationalRelations,
            },
        )
        .await
        .unwrap();
    let mut edit = PersonInput {
        name: "IR Office".into(),
        email: None,
        phone: Some("+82 2 000".into()),
        contact_role: ContactRole::Coordinator,
    };
    let p2 = store
        .update_person(admin(), p.id, edit.clone())
        .await
        .unwrap();
    assert_eq!(p2.contact_role, ContactRole::Coordinator);
    assert_eq!(store.people(a.id).await.unwrap().len(), 1);
    assert!(store.people(b.id).await.unwrap().is_empty());
    edit.name = "x".into();
    assert!(matches!(
        store.update_person(admin(), 987_654, edit.clone()).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.create_person(admin(), 987_654, edit).await,
        Err(StoreError::NotFound)
    ));
    store.delete_person(admin(), p.id).await.unwrap();
    assert!(store.person(p.id).await.unwrap().is_none());

    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mou = store
        .create_mou(
            admin(),
            MouInput {
                title: Localized::new("en", "Seoul–B MoU"),
                parties: vec![a.id, b.id],
                signed_on: d("2014-03-13"),
                overseen_by: None,
                valid_until: None,
            },
            None,
        )
        .await
        .unwrap();
    let mut parties = mou.parties.clone();
    parties.sort();
    assert_eq!(parties, {
        let mut v = vec![a.id, b.id];
        v.sort();
        v
    });
    assert_eq!(store.mous().await.unwrap().len(), 1);
    let bad = store
        .create_mou(
            admin(),
            MouInput {
                title: Localized::new("en", "bad"),
                parties: vec![a.id, 555_555],
                signed_on: d("2014-03-13"),
                overseen_by: None,
                valid_until: None,
            },
            None,
        )
        .await;
    assert!(matches!(
        bad,
        Err(StoreError::Conflict("unknown_organisation"))
    ));
    assert_eq!(
        store.mous().await.unwrap().len(),
        1,
        "a refused MoU leaves nothing behind"
    );
}

/// A week's water-management course at `host`, in English, in June 2027.
fn programme_form(host: OrgId) -> miti_domain::programme::ProgrammeForm {
    miti_domain::programme::ProgrammeForm {
        host_org_id: host.to_string(),
        themes: vec!["water-management".into()],
        main_language: "en".into(),
        title_en: "Water management".into(),
        arrival: "2027-06-17".into(),
        departure: "2027-06-24".into(),
        venue: "SHRDC".into(),
        timezone: "Asia/Seoul".into(),
        contact_email: "miti@seoul.demo".into(),
        per_diem: "20000".into(),
        per_diem_currency: "KRW".into(),
        ..Default::default()
    }
}

async fn new_user(store: &dyn Store, email: &str, role: Role, org_id: i64) -> User {
    user_with(store, email, vec![RoleGrant { role, org_id }]).await
}

/// A user named after their email, with these roles.
async fn user_with(store: &dyn Store, email: &str, roles: Vec<RoleGrant>) -> User {
    store
        .create_user(
            admin(),
            NewUser {
                email: email.into(),
                display_name: email.into(),
                password_hash: "hash".into(),
                locale: None,
                roles,
            },
        )
        .await
        .unwrap()
}

async fn accounts_and_sessions(store: &dyn Store) {
    let o = store
        .create_organisation(admin(), org("u-org", "secretariat", "S"))
        .await
        .unwrap();
    let u = new_user(store, "admin@s.demo", Role::NetworkAdmin, o.id).await;
    assert!(u.has_role(Role::NetworkAdmin));
    let dup = store
        .create_user(
            admin(),
            NewUser {
                email: "admin@s.demo".into(),
                display_name: "x".into(),
                password_hash: "h".into(),
                locale: None,
                roles: vec![],
            },
        )
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict("email_taken"))));
    let (found, hash) = store
        .user_credentials("admin@s.demo")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.id, hash.as_str()), (u.id, "hash"));
    store
        .grant_role(
            admin(),
            u.id,
            RoleGrant {
                role: Role::Expert,
                org_id: o.id,
            },
        )
        .await
        .unwrap();
    store
        .update_preferences(
            admin(),
            u.id,
            Some("ar".into()),
            Some("Africa/Cairo".into()),
        )
        .await
        .unwrap();
    let u = store.user(u.id).await.unwrap().unwrap();
    assert_eq!(u.roles.len(), 2);
    assert_eq!(u.locale.as_deref(), Some("ar"));
    assert!(!store.list_users().await.unwrap().is_empty());

    let now = Utc::now();
    let idle = Duration::minutes(30);
    let start = |hash: &str, at: DateTime<Utc>, ttl: Duration| NewSession {
        token_hash: hash.into(),
        user_id: u.id,
        created_at: at,
        expires_at: at + ttl,
        address: "127.0.0.1".into(),
    };
    store
        .start_session(admin(), start("s1", now, Duration::hours(8)), None)
        .await
        .unwrap();
    let (session, user) = store.session("s1", now, idle).await.unwrap().unwrap();
    assert_eq!(session.user_id, u.id);
    assert_eq!(user, u, "the session's user, with their roles");
    assert!(
        store
            .session("s1", now + Duration::minutes(31), idle)
            .await
            .unwrap()
            .is_none(),
        "idle timeout"
    );
    store
        .touch_session("s1", now + Duration::minutes(29))
        .await
        .unwrap();
    assert!(
        store
            .session("s1", now + Duration::minutes(31), idle)
            .await
            .unwrap()
            .is_some(),
        "touch extends"
    );
    assert!(
        store
            .session("s1", now + Duration::hours(9), Duration::hours(24))
            .await
            .unwrap()
            .is_none(),
        "absolute timeout"
    );
    // Rotation: the new session replaces the old one in the same write.
    store
        .start_session(
            admin(),
            start("s2", now, Duration::hours(8)),
            Some("s1".into()),
        )
        .await
        .unwrap();
    assert!(store.session("s1", now, idle).await.unwrap().is_none());
    assert!(store.session("s2", now, idle).await.unwrap().is_some());
    store.end_session(admin(), "s2").await.unwrap();
    assert!(store.session("s2", now, idle).await.unwrap().is_none());
}

async fn throttling_and_resets(store: &dyn Store) {
    let now = Utc::now();
    for i in 0..3 {
        store
            .record_login_attempt(LoginAttempt {
                email: "x@y.demo".into(),
                address: format!("10.0.0.{i}"),
                at: now - Duration::minutes(i),
                success: false,
            })
            .await
            .unwrap();
    }
    store
        .record_login_attempt(LoginAttempt {
            email: "x@y.demo".into(),
            address: "10.0.0.0".into(),
            at: now - Duration::minutes(20),
            success: false,
        })
        .await
        .unwrap();
    let (by_email, by_addr) = store
        .login_failures("x@y.demo", "10.0.0.0", now - Duration::minutes(15))
        .await
        .unwrap();
    assert_eq!((by_email, by_addr), (3, 1));

    let o = store
        .create_organisation(admin(), org("r-org", "member_city", "R"))
        .await
        .unwrap();
    let u = new_user(store, "reset@r.demo", Role::FocalPoint, o.id).await;
    store
        .start_session(
            admin(),
            NewSession {
                token_hash: "r-s".into(),
                user_id: u.id,
                created_at: now,
                expires_at: now + Duration::hours(1),
                address: "::1".into(),
            },
            None,
        )
        .await
        .unwrap();
    let mail = NewMail {
        to: u.email.clone(),
        subject: "Reset".into(),
        body: "link".into(),
        locale: "fr".into(),
        created_at: now,
    };
    let (_, before) = store.outbox(1, 0).await.unwrap();
    store
        .create_password_reset(
            admin(),
            NewPasswordReset {
                token_hash: "t1".into(),
                user_id: u.id,
                expires_at: now + Duration::minutes(60),
            },
            mail.clone(),
        )
        .await
        .unwrap();
    let (_, after) = store.outbox(1, 0).await.unwrap();
    assert_eq!(
        after,
        before + 1,
        "the reset email is queued with the token"
    );
    assert!(matches!(
        store
            .consume_password_reset("t1", now + Duration::minutes(61), "new")
            .await,
        Err(StoreError::Conflict("invalid_token"))
    ));
    assert_eq!(
        store
            .consume_password_reset("t1", now, "new")
            .await
            .unwrap(),
        u.id
    );
    assert!(matches!(
        store.consume_password_reset("t1", now, "new2").await,
        Err(StoreError::Conflict("invalid_token"))
    ));
    assert_eq!(
        store
            .user_credentials("reset@r.demo")
            .await
            .unwrap()
            .unwrap()
            .1,
        "new"
    );
    assert!(
        store
            .session("r-s", now, Duration::hours(1))
            .await
            .unwrap()
            .is_none(),
        "a password reset ends every session"
    );
}

async fn api_tokens(store: &dyn Store) {
    let o = store
        .create_organisation(admin(), org("t-org", "member_city", "T"))
        .await
        .unwrap();
    let u = new_user(store, "tok@t.demo", Role::FocalPoint, o.id).await;
    let other = new_user(store, "tok2@t.demo", Role::FocalPoint, o.id).await;
    let t = store
        .create_api_token(
            admin(),
            NewApiToken {
                user_id: u.id,
                name: "laptop".into(),
                token_hash: "th".into(),
                created_at: Utc::now(),
            },
        )
        .await
        .unwrap();
    let now = Utc::now();
    assert_eq!(
        store.api_token_user("th", now).await.unwrap().unwrap().id,
        u.id
    );
    assert!(
        store.api_tokens(u.id).await.unwrap()[0]
            .last_used_at
            .is_some()
    );
    assert!(matches!(
        store.revoke_api_token(admin(), other.id, t.id).await,
        Err(StoreError::NotFound)
    ));
    store.revoke_api_token(admin(), u.id, t.id).await.unwrap();
    assert!(store.api_token_user("th", now).await.unwrap().is_none());
}

async fn outbox(store: &dyn Store) {
    let now = Utc::now();
    let id = store
        .enqueue_mail(NewMail {
            to: "a@b.demo".into(),
            subject: "s".into(),
            body: "b".into(),
            locale: "ko".into(),
            created_at: now,
        })
        .await
        .unwrap();
    assert!(
        store
            .due_mail(now, 100)
            .await
            .unwrap()
            .iter()
            .any(|m| m.id == id)
    );
    store
        .mark_mail_failed(id, "connection refused", Some(now + Duration::minutes(5)))
        .await
        .unwrap();
    assert!(
        !store
            .due_mail(now, 100)
            .await
            .unwrap()
            .iter()
            .any(|m| m.id == id)
    );
    let later = store
        .due_mail(now + Duration::minutes(6), 100)
        .await
        .unwrap();
    let m = later.iter().find(|m| m.id == id).unwrap();
    assert_eq!(
        (m.attempts, m.last_error.as_deref()),
        (1, Some("connection refused"))
    );
    store.mark_mail_sent(id, now).await.unwrap();
    assert!(
        !store
            .due_mail(now + Duration::days(1), 100)
            .await
            .unwrap()
            .iter()
            .any(|m| m.id == id)
    );
    let (all, _) = store.outbox(100, 0).await.unwrap();
    assert_eq!(
        all.iter().find(|m| m.id == id).unwrap().status,
        MailStatus::Sent
    );
}

async fn audit_is_atomic(store: &dyn Store) {
    let before = audit_count(store, "organisation.").await;
    // A refused write writes no audit row.
    let _ = store
        .create_organisation(admin(), org("c-seoul", "headquarters", "dup"))
        .await;
    assert_eq!(audit_count(store, "organisation.").await, before);
    let actor = Actor {
        user_id: None,
        org_id: Some(7),
    };
    store
        .audit(actor, AuditEvent::new("export.csv", "report", None))
        .await
        .unwrap();
    let (rows, total) = store
        .audit_entries(
            &AuditFilter {
                org_id: Some(7),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(total, 1);
    assert_eq!(rows[0].action, "export.csv");
}

async fn catalogue(store: &dyn Store) {
    use miti_domain::programme::{ProgrammeFilter, ProgrammeForm, ProgrammeStatus, Theme};
    // The migration seeds the network's themes, each named in six languages.
    let themes = store.themes().await.unwrap();
    let slugs: Vec<String> = themes.iter().map(|t| t.slug.clone()).collect();
    for s in [
        "transport",
        "water-management",
        "e-government",
        "climate-change",
    ] {
        assert!(slugs.iter().any(|x| x == s), "seeded theme {s}");
    }
    let water = themes
        .iter()
        .find(|t| t.slug == "water-management")
        .unwrap();
    assert_eq!(water.name.get("ko"), "물관리");
    assert_eq!(water.name.get("fa"), "مدیریت آب");
    let mut name = Localized::new("en", "Public health");
    name.texts.insert("es".into(), "Salud pública".into());
    store
        .create_theme(
            admin(),
            Theme {
                slug: "public-health".into(),
                name: name.clone(),
            },
        )
        .await
        .unwrap();
    let dup = store
        .create_theme(
            admin(),
            Theme {
                slug: "public-health".into(),
                name,
            },
        )
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict("slug_taken"))));
    assert_eq!(audit_count(store, "theme.create").await, 1);

    let host = store
        .create_organisation(admin(), org("p-host", "regional_centre", "Host centre"))
        .await
        .unwrap();
    let mut known = slugs.clone();
    known.push("public-health".into());
    let form = ProgrammeForm {
        themes: vec!["water-management".into(), "public-health".into()],
        main_language: "ko".into(),
        title_ko: "물관리".into(),
        arrival: "2018-06-17".into(),
        departure: "2018-06-24".into(),
        ..programme_form(host.id)
    };
    let input = form.validate(&known).unwrap();
    let stamp = store.programmes_stamp().await.unwrap();
    let p = store
        .create_programme(admin(), input.clone())
        .await
        .unwrap();
    let created = store.programmes_stamp().await.unwrap();
    assert_ne!(created, stamp, "a new programme changes the stamp");
    assert_eq!(p.status, ProgrammeStatus::Draft);
    assert_eq!(p.input, input, "a programme reads back exactly as written");
    assert_eq!(p.year(), 2018);

    // A theme outside the list is refused, and nothing is left behind.
    let mut bad = input.clone();
    bad.themes = vec!["astrology".into()];
    let before = store
        .programmes(&ProgrammeFilter::default())
        .await
        .unwrap()
        .len();
    assert!(matches!(
        store.create_programme(admin(), bad).await,
        Err(StoreError::Conflict("unknown_theme"))
    ));
    assert_eq!(
        store
            .programmes(&ProgrammeFilter::default())
            .await
            .unwrap()
            .len(),
        before
    );

    // Edits are optimistic: a stale version is refused.
    let mut edited = input.clone();
    edited.capacity = 20;
    let p2 = store
        .update_programme(admin(), p.id, p.version, edited.clone())
        .await
        .unwrap();
    assert_eq!(p2.input.capacity, 20);
    let edited_stamp = store.programmes_stamp().await.unwrap();
    assert_ne!(edited_stamp, created, "an edit changes the stamp");
    assert!(matches!(
        store
            .update_programme(admin(), p.id, p.version, edited)
            .await,
        Err(StoreError::Conflict("stale_version"))
    ));
    assert_eq!(
        store.programmes_stamp().await.unwrap(),
        edited_stamp,
        "a refused edit leaves it"
    );

    // Status moves only from the status the caller saw.
    let planned = store
        .set_programme_status(
            admin(),
            p.id,
            ProgrammeStatus::Draft,
            ProgrammeStatus::Planned,
            None,
        )
        .await
        .unwrap();
    assert_eq!(planned.status, ProgrammeStatus::Planned);
    assert!(matches!(
        store
            .set_programme_status(
                admin(),
                p.id,
                ProgrammeStatus::Draft,
                ProgrammeStatus::Planned,
                None
            )
            .await,
        Err(StoreError::Conflict("stale_status"))
    ));
    let cancelled = store
        .set_programme_status(
            admin(),
            p.id,
            ProgrammeStatus::Planned,
            ProgrammeStatus::Cancelled,
            Some("budget".into()),
        )
        .await
        .unwrap();
    assert_eq!(cancelled.cancel_reason.as_deref(), Some("budget"));
    assert_eq!(audit_count(store, "programme.status").await, 2);
    assert_eq!(audit_count(store, "programme.create").await, 1);
    assert_eq!(audit_count(store, "programme.update").await, 1);

    // Filters by host and year.
    let by_host = store
        .programmes(&ProgrammeFilter {
            host_org_id: Some(host.id),
            year: Some(2018),
        })
        .await
        .unwrap();
    assert_eq!(by_host.len(), 1);
    let other_year = store
        .programmes(&ProgrammeFilter {
            host_org_id: Some(host.id),
            year: Some(2019),
        })
        .await
        .unwrap();
    assert!(other_year.is_empty());
    assert!(store.programme(999_999).await.unwrap().is_none());

    // Calls keep every version of their question set.
    use miti_domain::call::{Call, Question, QuestionKind, RequiredDocument};
    let question = |key: &str| Question {
        key: key.into(),
        kind: QuestionKind::ShortText,
        label: Localized::new("en", key),
        required: true,
        min_len: None,
        max_len: Some(100),
        min: None,
        max: None,
        choices: vec![],
        show_if: None,
    };
    let closes = chrono::DateTime::parse_from_rfc3339("2027-01-15T09:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let call = Call {
        programme_id: p.id,
        opens_at: closes - Duration::days(60),
        closes_at: closes,
        timezone: "Asia/Seoul".into(),
        documents: vec![RequiredDocument {
            key: "cv".into(),
            label: Localized::new("en", "CV"),
            required: true,
        }],
        questions: vec![question("position")],
        question_version: 1,
    };
    assert!(store.call(p.id).await.unwrap().is_none());
    let saved = store.save_call(admin(), call.clone()).await.unwrap();
    assert_eq!(saved, call);
    let v2 = Call {
        questions: vec![question("position"), question("department")],
        question_version: 2,
        ..call.clone()
    };
    assert_eq!(store.save_call(admin(), v2.clone()).await.unwrap(), v2);
    assert_eq!(store.call(p.id).await.unwrap().unwrap().questions.len(), 2);
    assert_eq!(
        store.call_questions(p.id, 1).await.unwrap().unwrap(),
        call.questions,
        "version 1 is kept for applications that answered it"
    );
    assert!(store.call_questions(p.id, 3).await.unwrap().is_none());
    assert_eq!(audit_count(store, "call.save").await, 2);
    assert!(matches!(
        store
            .save_call(
                admin(),
                Call {
                    programme_id: 999_999,
                    ..call
                }
            )
            .await,
        Err(StoreError::NotFound) | Err(StoreError::Backend(_))
    ));

    // Annual plans: one per centre and year; steps move only from the
    // status seen; endorsing endorses the centre's planned programmes.
    use miti_domain::plan::{PlanEventKind as K, PlanStatus as S};
    let mut next = input.clone();
    next.arrival = chrono::NaiveDate::from_ymd_opt(2019, 3, 1).unwrap();
    next.departure = chrono::NaiveDate::from_ymd_opt(2019, 3, 5).unwrap();
    let q = store.create_programme(admin(), next).await.unwrap();
    store
        .set_programme_status(
            admin(),
            q.id,
            ProgrammeStatus::Draft,
            ProgrammeStatus::Planned,
            None,
        )
        .await
        .unwrap();
    let plan = store
        .plan_step(
            admin(),
            host.id,
            2019,
            None,
            S::Submitted,
            K::Submitted,
            "five courses".into(),
        )
        .await
        .unwrap();
    assert_eq!(plan.status, S::Submitted);
    assert!(matches!(
        store
            .plan_step(
                admin(),
                host.id,
                2019,
                None,
                S::Submitted,
                K::Submitted,
                String::new()
            )
            .await,
        Err(StoreError::Conflict("stale_status"))
    ));
    assert!(matches!(
        store
            .plan_step(
                admin(),
                host.id,
                2019,
                Some(S::ChangesRequested),
                S::Endorsed,
                K::Endorsed,
                String::new()
            )
            .await,
        Err(StoreError::Conflict("stale_status"))
    ));
    let endorsed = store
        .plan_step(
            admin(),
            host.id,
            2019,
            Some(S::Submitted),
            S::Endorsed,
            K::Endorsed,
            "ok".into(),
        )
        .await
        .unwrap();
    assert_eq!(endorsed.events.len(), 2);
    assert_eq!(endorsed.events[0].comment, "five courses");
    assert_eq!(
        store.programme(q.id).await.unwrap().unwrap().status,
        ProgrammeStatus::Endorsed
    );
    assert_eq!(store.plans(Some(2019)).await.unwrap().len(), 1);
    assert_eq!(audit_count(store, "plan.").await, 2);
}

async fn sdg_alignment(store: &dyn Store) {
    use miti_domain::alignment::{
        AlignmentInput, AlignmentRow, CentreAnswers, Influence, Partnership, Stakeholder, Strength,
    };
    use miti_domain::programme::ProgrammeForm;
    let host = store
        .create_organisation(
            admin(),
            org("sdg-host", "regional_centre", "Aligning centre"),
        )
        .await
        .unwrap();
    let input = ProgrammeForm {
        host_org_id: host.id.to_string(),
        themes: vec!["water-management".into()],
        main_language: "en".into(),
        title_en: "Wastewater".into(),
        arrival: "2031-05-04".into(),
        departure: "2031-05-09".into(),
        venue: "Cairo".into(),
        timezone: "Africa/Cairo".into(),
        contact_email: "miti@cairo.demo".into(),
        ..Default::default()
    }
    .validate(&["water-management".into()])
    .unwrap();
    let p = store.create_programme(admin(), input).await.unwrap();
    assert!(store.alignment(p.id).await.unwrap().is_none());

    let mut a = AlignmentInput {
        rows: vec![AlignmentRow {
            strategic_focus: "Clean rivers".into(),
            project_example: "Nile wastewater treatment".into(),
            goal: 6,
            target: Some("6.3".into()),
            indicator: Some("6.3.1".into()),
        }],
        stakeholders: vec![Stakeholder {
            organisation: "Holding Company for Water".into(),
            role: "Operator".into(),
            interest: "Lower losses".into(),
            influence: Influence::High,
            partnership: Partnership::Potential,
        }],
        answers: CentreAnswers {
            content_focus: "Urban water".into(),
            alignment_strength: Some(Strength::Yes),
            ..Default::default()
        },
    };
    let saved = store
        .save_alignment(admin(), p.id, 0, a.clone())
        .await
        .unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(saved.input, a, "an alignment reads back exactly as written");
    // A second "first save" and a save from an old version are refused.
    assert!(matches!(
        store.save_alignment(admin(), p.id, 0, a.clone()).await,
        Err(StoreError::Conflict("stale_version"))
    ));
    a.rows[0].goal = 5;
    a.rows[0].target = None;
    a.rows[0].indicator = None;
    let again = store
        .save_alignment(admin(), p.id, 1, a.clone())
        .await
        .unwrap();
    assert_eq!(again.version, 2);
    assert!(matches!(
        store.save_alignment(admin(), p.id, 1, a.clone()).await,
        Err(StoreError::Conflict("stale_version"))
    ));
    assert_eq!(store.alignment(p.id).await.unwrap().unwrap().input, a);
    for base in [0, 3] {
        assert!(matches!(
            store
                .save_alignment(admin(), 999_999, base, a.clone())
                .await,
            Err(StoreError::NotFound)
        ));
    }
    assert_eq!(audit_count(store, "sdg_alignment.save").await, 2);
    let year = store.alignments(2031).await.unwrap();
    assert_eq!(year.len(), 1);
    assert_eq!(year[0].programme_id, p.id);
    assert!(store.alignments(1999).await.unwrap().is_empty());

    // Dismissed suggestions: remembered once per goal, and restorable.
    store
        .set_suggestion_dismissed(admin(), p.id, 11, true)
        .await
        .unwrap();
    store
        .set_suggestion_dismissed(admin(), p.id, 6, true)
        .await
        .unwrap();
    store
        .set_suggestion_dismissed(admin(), p.id, 6, true)
        .await
        .unwrap();
    assert_eq!(store.dismissed_suggestions(p.id).await.unwrap(), [6, 11]);
    store
        .set_suggestion_dismissed(admin(), p.id, 11, false)
        .await
        .unwrap();
    assert_eq!(store.dismissed_suggestions(p.id).await.unwrap(), [6]);
    assert!(matches!(
        store
            .set_suggestion_dismissed(admin(), 999_999, 6, true)
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(audit_count(store, "sdg_suggestion.dismiss").await, 3);
    assert_eq!(audit_count(store, "sdg_suggestion.restore").await, 1);
}
