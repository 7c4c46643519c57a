//! Demo programmes (`data/programmes.json`): the 2018 Seoul calendar, the
//! Cairo, Mashhad and Paris courses, and a live 2027 cycle with open calls.

use miti_domain::alignment::{AlignmentForm, AlignmentInput};
use miti_domain::audit::Actor;
use miti_domain::call::{Call, CallForm, Question, RequiredDocument, zone};
use miti_domain::programme::{ProgrammeForm, ProgrammeStatus};
use miti_domain::{Id, OrgId};
use miti_store::Store;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

const PROGRAMMES: &str = include_str!("../data/programmes.json");

#[derive(Deserialize)]
struct File {
    programmes: Vec<Entry>,
    /// The documents and questions of every demo call.
    documents: Vec<RequiredDocument>,
    questions: Vec<Question>,
}

#[derive(Deserialize)]
pub(crate) struct CallTimes {
    /// Wall-clock times in the host's zone.
    pub(crate) opens: String,
    pub(crate) closes: String,
}

#[derive(Deserialize)]
pub(crate) struct Entry {
    host: String,
    themes: Vec<String>,
    main_language: String,
    pub(crate) title: BTreeMap<String, String>,
    #[serde(default)]
    summary: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) arrival: String,
    #[serde(default)]
    pub(crate) departure: String,
    official_days: String,
    pub(crate) lodging_nights: i32,
    capacity: i32,
    venue: String,
    pub(crate) timezone: String,
    working_languages: Vec<String>,
    #[serde(default)]
    partners: Vec<String>,
    contact_email: String,
    status: String,
    #[serde(default)]
    members_only: bool,
    #[serde(default)]
    seniority_levels: Vec<String>,
    #[serde(default)]
    airfare_covered: bool,
    #[serde(default)]
    registration_fee_waived: bool,
    #[serde(default)]
    per_diem: Option<(String, String)>,
    #[serde(default)]
    interpretation: Option<String>,
    #[serde(default)]
    max_per_city: Option<i32>,
    #[serde(default)]
    min_member_share_pct: Option<i32>,
    #[serde(default)]
    gender_balance_target_pct: Option<i32>,
    #[serde(default)]
    pub(crate) call: Option<CallTimes>,
    /// The SDG alignment: table rows, stakeholder map, the centre's answers.
    #[serde(default)]
    sdg: Option<AlignmentInput>,
}

fn flag(b: bool) -> String {
    if b { "on".into() } else { String::new() }
}

/// Seeds the demo programmes; returns how many were written.
pub async fn seed(store: &dyn Store, ids: &HashMap<String, OrgId>) -> Result<usize, String> {
    let file: File =
        serde_json::from_str(PROGRAMMES).map_err(|e| format!("demo programmes: {e}"))?;
    let id = |k: &str| {
        ids.get(k)
            .copied()
            .ok_or_else(|| format!("demo programmes: unknown organisation {k}"))
    };
    let themes: Vec<String> = store
        .themes()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|t| t.slug)
        .collect();
    let actor = Actor::SYSTEM;
    for p in &file.programmes {
        create(store, ids, &themes, p, &file.documents, &file.questions).await?;
    }
    // The 2027 annual plans: Seoul's endorsed, Cairo's awaiting review.
    use miti_domain::plan::{PlanEventKind as K, PlanStatus as S};
    let plan = |centre: OrgId, from: Option<S>, to: S, kind: K, comment: &str| {
        store.plan_step(actor, centre, 2027, from, to, kind, comment.to_string())
    };
    let seoul = id("shrdc")?;
    let cairo = id("cairo-centre")?;
    let steps = [
        (
            seoul,
            None,
            S::Submitted,
            K::Submitted,
            "Five courses with Metropolis, chosen from the 2026 participants' interests.",
        ),
        (
            seoul,
            Some(S::Submitted),
            S::Endorsed,
            K::Endorsed,
            "Endorsed by the Secretariat General.",
        ),
        (
            cairo,
            None,
            S::Submitted,
            K::Submitted,
            "Informal settlements upgrading, in Arabic, French and English.",
        ),
    ];
    for (centre, from, to, kind, comment) in steps {
        plan(centre, from, to, kind, comment)
            .await
            .map_err(|e| format!("demo plan: {e}"))?;
    }
    Ok(file.programmes.len())
}

/// Creates one programme, walks it to its status and opens its call;
/// returns its id.
pub(crate) async fn create(
    store: &dyn Store,
    ids: &HashMap<String, OrgId>,
    themes: &[String],
    p: &Entry,
    documents: &[RequiredDocument],
    questions: &[Question],
) -> Result<Id, String> {
    let actor = Actor::SYSTEM;
    let id = |k: &str| {
        ids.get(k)
            .copied()
            .ok_or_else(|| format!("demo programmes: unknown organisation {k}"))
    };
    let t = |m: &BTreeMap<String, String>, l: &str| m.get(l).cloned().unwrap_or_default();
    let partners = p
        .partners
        .iter()
        .map(|k| id(k).map(|i| i.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let form = ProgrammeForm {
        host_org_id: id(&p.host)?.to_string(),
        themes: p.themes.clone(),
        main_language: p.main_language.clone(),
        title_en: t(&p.title, "en"),
        title_fr: t(&p.title, "fr"),
        title_es: t(&p.title, "es"),
        title_ko: t(&p.title, "ko"),
        title_ar: t(&p.title, "ar"),
        title_fa: t(&p.title, "fa"),
        summary_en: t(&p.summary, "en"),
        summary_fr: t(&p.summary, "fr"),
        summary_es: t(&p.summary, "es"),
        summary_ko: t(&p.summary, "ko"),
        summary_ar: t(&p.summary, "ar"),
        summary_fa: t(&p.summary, "fa"),
        arrival: p.arrival.clone(),
        departure: p.departure.clone(),
        official_days: p.official_days.clone(),
        lodging_nights: p.lodging_nights.to_string(),
        capacity: p.capacity.to_string(),
        venue: p.venue.clone(),
        timezone: p.timezone.clone(),
        working_languages: p.working_languages.join(","),
        interpretation: p.interpretation.clone().unwrap_or_default(),
        partners: partners.join(","),
        contact_email: p.contact_email.clone(),
        members_only: flag(p.members_only),
        seniority_levels: p.seniority_levels.join(","),
        airfare_covered: flag(p.airfare_covered),
        registration_fee_waived: flag(p.registration_fee_waived),
        per_diem: p.per_diem.clone().map(|x| x.0).unwrap_or_default(),
        per_diem_currency: p.per_diem.clone().map(|x| x.1).unwrap_or_default(),
        max_per_city: p.max_per_city.map(|n| n.to_string()).unwrap_or_default(),
        gender_balance_target_pct: p
            .gender_balance_target_pct
            .map(|n| n.to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    let form = match p.min_member_share_pct {
        Some(n) => ProgrammeForm {
            min_member_share_pct: n.to_string(),
            ..form
        },
        None => form,
    };
    let key = t(&p.title, "en");
    let input = form
        .validate(themes)
        .map_err(|e| format!("demo programme {key}: {e:?}"))?;
    let target = ProgrammeStatus::parse(&p.status)
        .ok_or_else(|| format!("demo programme {key}: status {}", p.status))?;
    let created = store
        .create_programme(actor, input)
        .await
        .map_err(|e| format!("demo programme {key}: {e}"))?;
    // Walk the workflow step by step, so the history is the real one.
    let mut status = created.status;
    while status != target {
        let Some(next) = status.next() else { break };
        store
            .set_programme_status(actor, created.id, status, next, None)
            .await
            .map_err(|e| format!("demo programme {key}: {e}"))?;
        status = next;
    }
    if let Some(sdg) = &p.sdg {
        // Through the form, so the demo keeps the framework's rules too.
        let input = AlignmentForm::from_input(sdg, 0)
            .validate(miti_sdg::Framework::get())
            .map_err(|e| format!("demo alignment {key}: {e:?}"))?;
        store
            .save_alignment(actor, created.id, 0, input)
            .await
            .map_err(|e| format!("demo alignment {key}: {e}"))?;
    }
    if let Some(times) = &p.call {
        let input = CallForm {
            opens_at: times.opens.clone(),
            closes_at: times.closes.clone(),
            documents: String::new(),
            questions: String::new(),
        }
        .validate(zone(&p.timezone))
        .map_err(|e| format!("demo call {key}: {e:?}"))?;
        store
            .save_call(
                actor,
                Call {
                    programme_id: created.id,
                    opens_at: input.opens_at,
                    closes_at: input.closes_at,
                    timezone: p.timezone.clone(),
                    documents: documents.to_vec(),
                    questions: questions.to_vec(),
                    question_version: 1,
                },
            )
            .await
            .map_err(|e| format!("demo call {key}: {e}"))?;
    }
    Ok(created.id)
}
