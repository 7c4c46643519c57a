//! The demo call for applications (`data/applications.json`): a Seoul HQ
//! course whose call is open whenever the demo is seeded (its dates are
//! counted from the day of seeding), with 55 applicants from 44 cities taken
//! through the real services — submission with documents, the city's
//! endorsement, two reviews each, the language interview and vetting — up
//! to the point where HQ staff run and confirm the selection themselves.
//!
//! Only the accounts of the network's roles (`crate::ACCOUNTS`) can sign in;
//! the applicants and the extra focal points made here share one Argon2 hash
//! of a random secret that is thrown away, like an invitation not yet
//! accepted (a password reset gives any of them a password).

use crate::programmes::{self, CallTimes, Entry};
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use miti_domain::account::{Role, RoleGrant, User};
use miti_domain::application::{
    CITY_NOT_LISTED, CallRules, CallRulesForm, EndorsementForm, InterviewForm, ReviewForm,
};
use miti_domain::audit::Actor;
use miti_domain::call::{Question, RequiredDocument, zone};
use miti_domain::organisation::Organisation;
use miti_domain::{Id, OrgId};
use miti_service::documents::Upload;
use miti_service::{Ctx, Services};
use miti_store::NewUser;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

const DATA: &str = include_str!("../data/applications.json");

/// Sign-ins of the network's roles that act on the applications.
const STAFF: &str = "staff@seoul.demo";
const EXPERT: &str = "expert@berlin.demo";
const VETTER: &str = "vetter@seoul.demo";
const DRAFT_OWNER: &str = "applicant@dakar.demo";

#[derive(Deserialize)]
struct File {
    programme: Entry,
    schedule: Schedule,
    documents: Vec<RequiredDocument>,
    questions: Vec<Question>,
    rules: Rules,
    /// Motivation texts with `{city}` and `{focus}` to fill in.
    motivations: Vec<String>,
    applicants: Vec<Applicant>,
    /// What `applicant@dakar.demo` has typed so far.
    draft: Applicant,
}

/// The course's dates, counted from the day of seeding.
#[derive(Deserialize)]
struct Schedule {
    arrival_in_days: i64,
    call_opened_days_ago: i64,
    call_closes_in_days: i64,
}

#[derive(Deserialize)]
struct Rules {
    max_per_country: i32,
    min_regions: i32,
    respond_days: i32,
    waitlist_size: i32,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum City {
    /// The slug of a registry city.
    Registry(String),
    /// A city that is not in the registry.
    Unlisted {
        name: String,
        country: String,
        region: String,
    },
}

/// One applicant and how far their application has got. Left out, a step
/// takes its usual course: registry cities endorse, endorsed applicants
/// pass the interview at B2 and are cleared.
#[derive(Deserialize)]
struct Applicant {
    email: String,
    /// As in the passport, in Latin letters.
    name: String,
    gender: String,
    city: City,
    nationality: String,
    position: String,
    department: String,
    years: u32,
    /// senior, middle or officer.
    level: String,
    /// 1–5: how strong the reviewers find the application.
    strength: i32,
    /// What the applicant works on, for the motivation text.
    focus: String,
    /// Interview language.
    #[serde(default = "english")]
    lang: String,
    /// endorsed, declined or pending.
    endorse: Option<String>,
    /// The focal point's comment (required when declining).
    comment: Option<String>,
    /// passed:LEVEL, failed:LEVEL, no_show, scheduled or none.
    interview: Option<String>,
    /// cleared, pending or refused.
    vetting: Option<String>,
    /// Documents uploaded (default: every document of the call).
    docs: Option<Vec<String>>,
    /// The expert declares a conflict of interest with this note.
    conflict: Option<String>,
    /// "pending": the staff reviewer has not declared yet.
    staff_review: Option<String>,
    /// "unscored": the expert declared no conflict but has not scored yet.
    expert_review: Option<String>,
}

fn english() -> String {
    "en".into()
}

/// What the demo call holds once seeded.
pub(crate) struct Seeded {
    pub(crate) programme_id: Id,
    pub(crate) submitted: usize,
}

/// A small deterministic generator (Knuth's MMIX LCG): the demo is the same
/// on every seeding.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// -1, 0, 0 or +1.
    fn jitter(&mut self) -> i32 {
        match self.next() % 4 {
            0 => -1,
            3 => 1,
            _ => 0,
        }
    }
}

fn ctx(user: &User) -> Ctx {
    Ctx {
        user: Some(user.clone()),
        address: "127.0.0.1".into(),
        locale: miti_i18n::Locale::En,
    }
}

fn err(what: &str, who: &str, e: impl std::fmt::Debug) -> String {
    format!("demo applications: {what} {who}: {e:?}")
}

/// A one-page PDF showing `lines` (what a reviewer sees on opening the
/// document). Characters outside Latin-1 are folded or replaced, as the
/// standard Helvetica font has no others.
pub(crate) fn pdf(lines: &[String]) -> Vec<u8> {
    let mut text = String::from("BT /F1 14 Tf 72 760 Td 20 TL\n");
    for line in lines {
        text.push('(');
        for c in line.chars() {
            match c {
                '(' | ')' | '\\' => {
                    text.push('\\');
                    text.push(c);
                }
                'ı' => text.push('i'),
                c if (c as u32) < 0x20 => {}
                c if (c as u32) <= 0xFF => text.push(c),
                _ => text.push('?'),
            }
        }
        text.push_str(") Tj T*\n");
    }
    text.push_str("ET");
    // Latin-1 bytes, as WinAnsiEncoding reads them.
    let stream: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes(),
            stream,
            b"\nendstream".to_vec(),
        ]
        .concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The course's dates from today in the host's zone: arrival on the Sunday
/// `arrival_in_days` ahead or after, the call opened at 09:00 some days ago
/// and closing at 18:00 some days ahead.
fn dates(entry: &mut Entry, s: &Schedule, nights: i64) {
    let today = Utc::now()
        .with_timezone(&zone(&entry.timezone))
        .date_naive();
    let mut arrival = today + Duration::days(s.arrival_in_days);
    while arrival.weekday() != Weekday::Sun {
        arrival += Duration::days(1);
    }
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    entry.arrival = day(arrival);
    entry.departure = day(arrival + Duration::days(nights));
    entry.call = Some(CallTimes {
        opens: format!(
            "{}T09:00",
            day(today - Duration::days(s.call_opened_days_ago))
        ),
        closes: format!(
            "{}T18:00",
            day(today + Duration::days(s.call_closes_in_days))
        ),
    });
}

/// One applicant's city as the pipeline sees it.
struct Where<'a> {
    org: Option<&'a Organisation>,
    name: String,
}

fn where_of<'a>(
    orgs: &'a HashMap<String, Organisation>,
    a: &Applicant,
) -> Result<Where<'a>, String> {
    Ok(match &a.city {
        City::Registry(slug) => {
            let org = orgs.get(slug).ok_or_else(|| err("city", slug, "unknown"))?;
            Where {
                org: Some(org),
                name: org.name.get("en").to_string(),
            }
        }
        City::Unlisted { name, .. } => Where {
            org: None,
            name: name.clone(),
        },
    })
}

/// Seeds the demo call. `users` holds the network's demo accounts by email.
pub(crate) async fn seed(
    services: &Services,
    ids: &HashMap<String, OrgId>,
    users: &HashMap<String, User>,
) -> Result<Seeded, String> {
    let store = services.store.as_ref();
    let mut file: File = serde_json::from_str(DATA).map_err(|e| err("data", "", e))?;
    let user = |email: &str| {
        users
            .get(email)
            .ok_or_else(|| err("account", email, "missing"))
    };
    let (staff, expert, vetter) = (user(STAFF)?, user(EXPERT)?, user(VETTER)?);
    let (staff_ctx, expert_ctx, vetter_ctx) = (ctx(staff), ctx(expert), ctx(vetter));

    // The course and its call, open today.
    let nights = i64::from(file.programme.lodging_nights);
    dates(&mut file.programme, &file.schedule, nights);
    let themes: Vec<String> = store
        .themes()
        .await
        .map_err(|e| err("themes", "", e))?
        .into_iter()
        .map(|t| t.slug)
        .collect();
    let programme_id = programmes::create(
        store,
        ids,
        &themes,
        &file.programme,
        &file.documents,
        &file.questions,
    )
    .await?;
    let title = file.programme.title.get("en").cloned().unwrap_or_default();
    let r = &file.rules;
    let rules = CallRules {
        max_per_country: Some(r.max_per_country),
        min_regions: Some(r.min_regions),
        respond_days: r.respond_days,
        waitlist_size: r.waitlist_size,
        allow_unendorsed: false,
        interview_required: true,
        ..CallRules::defaults(programme_id)
    };
    services
        .save_call_rules(&staff_ctx, programme_id, &CallRulesForm::from_rules(&rules))
        .await
        .map_err(|e| err("call rules", &title, e))?;

    // The registry cities of the applicants, and a focal point for each.
    let mut orgs: HashMap<String, Organisation> = HashMap::new();
    for a in file.applicants.iter().chain([&file.draft]) {
        if let City::Registry(slug) = &a.city
            && !orgs.contains_key(slug)
        {
            let id = *ids.get(slug).ok_or_else(|| err("city", slug, "unknown"))?;
            let org = store
                .organisation(id)
                .await
                .map_err(|e| err("city", slug, e))?
                .ok_or_else(|| err("city", slug, "missing"))?;
            orgs.insert(slug.clone(), org);
        }
    }
    let unusable = miti_service::auth::hash_password(&format!(
        "{}{}",
        miti_service::auth_token(),
        miti_service::auth_token()
    ))
    .await
    .map_err(|e| err("password", "", e))?;
    let locale_of = |org: Option<&Organisation>| {
        org.and_then(|o| miti_i18n::Locale::parse(&o.name.main))
            .map(|l| l.code().to_string())
    };
    let new_user = |email: &str, name: &str, role: Role, org_id: OrgId, locale: Option<String>| {
        store.create_user(
            Actor::SYSTEM,
            NewUser {
                email: email.to_string(),
                display_name: name.to_string(),
                password_hash: unusable.clone(),
                locale,
                roles: vec![RoleGrant { role, org_id }],
            },
        )
    };
    let mut focal: HashMap<String, User> = HashMap::new();
    let mut slugs: Vec<&String> = orgs.keys().collect();
    slugs.sort();
    for slug in slugs {
        let email = format!("focal@{slug}.demo");
        let org = &orgs[slug];
        let u = match users.get(&email) {
            Some(u) => u.clone(),
            None => {
                let name = format!("Focal point, {}", org.name.get("en"));
                new_user(
                    &email,
                    &name,
                    Role::FocalPoint,
                    org.id,
                    locale_of(Some(org)),
                )
                .await
                .map_err(|e| err("account", &email, e))?
            }
        };
        focal.insert(slug.clone(), u);
    }
    let secretariat = *ids
        .get("metropolis")
        .ok_or_else(|| err("organisation", "metropolis", "missing"))?;

    // The form as the applicant types it.
    let motivations = &file.motivations;
    let form = |i: usize, a: &Applicant, w: &Where<'_>| {
        let mut p: Vec<(String, String)> = vec![
            ("passport_name".into(), a.name.clone()),
            ("gender".into(), a.gender.clone()),
            ("nationality".into(), a.nationality.clone()),
            ("position".into(), a.position.clone()),
            ("department".into(), a.department.clone()),
            ("interview_language".into(), a.lang.clone()),
            ("q.years_experience".into(), a.years.to_string()),
            ("q.responsibility".into(), a.level.clone()),
        ];
        match (&a.city, w.org) {
            (_, Some(org)) => p.push(("city_org_id".into(), org.id.to_string())),
            (
                City::Unlisted {
                    name,
                    country,
                    region,
                },
                None,
            ) => {
                p.push(("city_org_id".into(), CITY_NOT_LISTED.into()));
                p.push(("city_name".into(), name.clone()));
                p.push(("country".into(), country.clone()));
                p.push(("region".into(), region.clone()));
            }
            _ => {}
        }
        let template = motivations
            .get(i % motivations.len().max(1))
            .cloned()
            .unwrap_or_default();
        p.push((
            "q.motivation".into(),
            template
                .replace("{city}", &w.name)
                .replace("{focus}", &a.focus),
        ));
        p
    };
    let documents = &file.documents;
    let upload = |ctx: Ctx, id: Id, a: &Applicant, w: &Where<'_>| {
        let keys: Vec<String> = a
            .docs
            .clone()
            .unwrap_or_else(|| documents.iter().map(|d| d.key.clone()).collect());
        let title = title.clone();
        let (name, position, department, nationality, city) = (
            a.name.clone(),
            a.position.clone(),
            a.department.clone(),
            a.nationality.clone(),
            w.name.clone(),
        );
        let stem: String = a.email.split('@').next().unwrap_or("applicant").into();
        async move {
            for key in keys {
                let lines: Vec<String> = match key.as_str() {
                    "cv" => vec![
                        "Curriculum vitae".into(),
                        name.clone(),
                        position.clone(),
                        department.clone(),
                        city.clone(),
                    ],
                    "passport_copy" => vec![
                        "Passport copy (demo document)".into(),
                        format!("Name: {name}"),
                        format!("Nationality: {nationality}"),
                    ],
                    _ => vec![
                        format!("{city}: letter of recommendation"),
                        format!("We recommend {name}, {position},"),
                        format!("for the course \"{title}\" in Seoul."),
                    ],
                };
                let file = Upload {
                    filename: format!("{key}-{stem}.pdf"),
                    bytes: pdf(&lines).into(),
                };
                services
                    .upload_application_document(&ctx, id, &key, file)
                    .await
                    .map_err(|e| err("upload", &stem, e))?;
            }
            Ok::<(), String>(())
        }
    };
    let where_of = |a| where_of(&orgs, a);

    // applicant@dakar.demo has started a draft, with two documents attached.
    let d = &file.draft;
    let owner = user(DRAFT_OWNER)?;
    let owner_ctx = ctx(owner);
    let w = where_of(d)?;
    let draft = services
        .start_application(&owner_ctx, programme_id)
        .await
        .map_err(|e| err("draft", DRAFT_OWNER, e))?;
    services
        .save_draft(&owner_ctx, draft.id, &form(file.applicants.len(), d, &w))
        .await
        .map_err(|e| err("draft", DRAFT_OWNER, e))?;
    upload(owner_ctx, draft.id, d, &w).await?;

    // Everyone else submits, through the applicant's own services.
    let mut apps: Vec<(Id, &Applicant)> = vec![];
    for (i, a) in file.applicants.iter().enumerate() {
        let w = where_of(a)?;
        let org_id = w.org.map_or(secretariat, |o| o.id);
        let u = new_user(&a.email, &a.name, Role::Applicant, org_id, locale_of(w.org))
            .await
            .map_err(|e| err("account", &a.email, e))?;
        let c = ctx(&u);
        let app = services
            .start_application(&c, programme_id)
            .await
            .map_err(|e| err("start", &a.email, e))?;
        upload(c.clone(), app.id, a, &w).await?;
        services
            .submit_application(&c, app.id, None, &form(i, a, &w))
            .await
            .map_err(|e| err("submit", &a.email, e))?;
        apps.push((app.id, a));
    }

    // The cities endorse (ranking their nominees) or decline with a reason.
    let mut ranks: HashMap<String, i32> = HashMap::new();
    let mut endorsed: BTreeMap<Id, bool> = BTreeMap::new();
    for (id, a) in &apps {
        let City::Registry(slug) = &a.city else {
            continue;
        };
        let decision = a.endorse.clone().unwrap_or_else(|| "endorsed".into());
        if decision == "pending" {
            continue;
        }
        let rank = if decision == "endorsed" {
            let r = ranks.entry(slug.clone()).or_insert(0);
            *r += 1;
            r.to_string()
        } else {
            String::new()
        };
        let by = focal
            .get(slug)
            .ok_or_else(|| err("focal point", slug, ""))?;
        services
            .endorse(
                &ctx(by),
                *id,
                &EndorsementForm {
                    decision: decision.clone(),
                    comment: a.comment.clone().unwrap_or_default(),
                    rank,
                    version: String::new(),
                },
            )
            .await
            .map_err(|e| err("endorse", &a.email, e))?;
        endorsed.insert(*id, decision == "endorsed");
    }

    // Two reviewers each: Seoul HQ staff and the Berlin expert.
    let mut lcg = Lcg(0x4D49_5449_2026);
    let rubric = rules.rubric.clone();
    for (id, a) in &apps {
        for (reviewer, rctx, lenient) in [(staff, &staff_ctx, false), (expert, &expert_ctx, true)] {
            let review = services
                .assign_reviewer(&staff_ctx, *id, &reviewer.id.to_string())
                .await
                .map_err(|e| err("assign", &a.email, e))?;
            let is_expert = reviewer.id == expert.id;
            if !is_expert && a.staff_review.as_deref() == Some("pending") {
                continue;
            }
            let conflict = a.conflict.as_ref().filter(|_| is_expert);
            services
                .declare_conflict(
                    rctx,
                    review.id,
                    &ReviewForm {
                        conflict: if conflict.is_some() {
                            "conflict"
                        } else {
                            "none"
                        }
                        .into(),
                        conflict_note: conflict.cloned().unwrap_or_default(),
                        ..Default::default()
                    },
                )
                .await
                .map_err(|e| err("declare", &a.email, e))?;
            if conflict.is_some() || (is_expert && a.expert_review.as_deref() == Some("unscored")) {
                continue;
            }
            let mut scores = BTreeMap::new();
            let mut total = 0;
            for c in &rubric {
                // The expert scores a little more generously.
                let bonus = i32::from(lenient && lcg.next().is_multiple_of(3));
                let s = (a.strength + lcg.jitter() + bonus).clamp(0, c.max as i32);
                total += s;
                scores.insert(c.key.clone(), s.to_string());
            }
            let mean = f64::from(total) / rubric.len().max(1) as f64;
            let comment = if mean >= 4.5 {
                "Outstanding: senior enough to change practice at home, and a precise plan for using the course."
            } else if mean >= 3.5 {
                "Strong and relevant profile; the motivation names concrete services to improve."
            } else if mean >= 2.5 {
                "Relevant work, but the expected use of the course is still general."
            } else {
                "Limited link between the applicant's current duties and the course."
            };
            services
                .score_review(
                    rctx,
                    review.id,
                    &ReviewForm {
                        comment: comment.into(),
                        scores,
                        ..Default::default()
                    },
                )
                .await
                .map_err(|e| err("score", &a.email, e))?;
        }
    }

    // Language interviews: held over the past week for endorsed applicants,
    // a few still to come.
    let tz = zone(&file.programme.timezone);
    let today = Utc::now().with_timezone(&tz).date_naive();
    let (mut held, mut coming) = (0i64, 0i64);
    for (id, a) in &apps {
        let is_endorsed = endorsed.get(id).copied().unwrap_or(false);
        let plan = a
            .interview
            .clone()
            .unwrap_or_else(|| if is_endorsed { "passed:b2" } else { "none" }.into());
        if plan == "none" {
            continue;
        }
        let (outcome, level) = plan.split_once(':').unwrap_or((plan.as_str(), ""));
        let slot = if outcome == "scheduled" {
            coming += 1;
            (today + Duration::days(1 + coming)).and_hms_opt(10, 0, 0)
        } else {
            held += 1;
            let minutes = 10 * 60 + (held % 6) * 40;
            (today - Duration::days(8 - held / 6)).and_hms_opt(
                (minutes / 60) as u32,
                (minutes % 60) as u32,
                0,
            )
        };
        let slot = slot
            .map(|s| s.format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default();
        let interviewer = if a.lang == "en" && held % 3 == 2 {
            expert
        } else {
            staff
        };
        let mut f = InterviewForm {
            slot,
            interviewer_id: interviewer.id.to_string(),
            language: a.lang.clone(),
            ..Default::default()
        };
        services
            .save_interview(&staff_ctx, *id, &f)
            .await
            .map_err(|e| err("interview", &a.email, e))?;
        if outcome == "scheduled" {
            continue;
        }
        f.outcome = outcome.into();
        f.level = level.into();
        f.notes = match outcome {
            "passed" => "Followed and answered every question; can present the city's work to the group.",
            "failed" => "Could not follow the questions without help; would need interpretation throughout the course.",
            _ => "Did not join the video call; two reminders were sent.",
        }
        .into();
        services
            .save_interview(&staff_ctx, *id, &f)
            .await
            .map_err(|e| err("interview", &a.email, e))?;
    }

    // Vetting, by the vetting officer only.
    for (id, a) in &apps {
        let is_endorsed = endorsed.get(id).copied().unwrap_or(false);
        let passed = a
            .interview
            .as_deref()
            .is_none_or(|i| i.starts_with("passed"));
        let value = a.vetting.clone().unwrap_or_else(|| {
            if is_endorsed && passed {
                "cleared"
            } else {
                "pending"
            }
            .into()
        });
        if value != "pending" {
            services
                .set_vetting(&vetter_ctx, *id, &value)
                .await
                .map_err(|e| err("vetting", &a.email, e))?;
        }
    }

    // The emails of all this went to the outbox; addresses under .demo do
    // not exist, so none is sent (admins still read them at /outbox).
    let queued = store
        .due_mail(Utc::now() + Duration::minutes(1), 10_000)
        .await
        .map_err(|e| err("outbox", "", e))?;
    for m in queued.iter().filter(|m| m.to.ends_with(".demo")) {
        store
            .mark_mail_failed(m.id, "not sent: a demo address", None)
            .await
            .map_err(|e| err("outbox", &m.to, e))?;
    }

    Ok(Seeded {
        programme_id,
        submitted: apps.len(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_pdf_is_well_formed() {
        let b = pdf(&["Curriculum vitae".into(), "Elif Yılmaz (İstanbul)".into()]);
        assert!(b.starts_with(b"%PDF-1.4\n") && b.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&b);
        // Every xref offset points at its object.
        let xref = text.find("xref\n").unwrap();
        for (n, line) in text[xref..].lines().skip(3).take(5).enumerate() {
            let at: usize = line[..10].parse().unwrap();
            assert!(text[at..].starts_with(&format!("{} 0 obj", n + 1)));
        }
        assert!(text.contains("(Elif Yilmaz \\(?stanbul\\)) Tj"));
    }

    #[test]
    fn the_data_reads_and_every_applicant_is_complete() {
        let f: File = serde_json::from_str(DATA).unwrap();
        assert!(f.applicants.len() >= 45);
        for a in &f.applicants {
            assert!(
                ["female", "male"].contains(&a.gender.as_str()),
                "{}",
                a.email
            );
            assert!(["en", "ko"].contains(&a.lang.as_str()), "{}", a.email);
            assert!((1..=5).contains(&a.strength), "{}", a.email);
            if a.endorse.as_deref() == Some("declined") {
                assert!(a.comment.is_some(), "{}", a.email);
            }
        }
    }
}
