//! The demo network, from the network's own documents (`data/network.json`):
//! the Secretariat, Seoul HQ, the regional centres with their lifecycles
//! (Paris Île-de-France withdrawing in May 2018, Istanbul a candidate), the
//! regional secretariats, partners, member cities across every region, the
//! 2013–2014 MoUs, one sign-in per role, and a call for applications open
//! on the day of seeding with 55 applicants taken up to the selection
//! (`applications`).

mod applications;
mod programmes;

use miti_domain::OrgId;
use miti_domain::account::{Role, RoleGrant};
use miti_domain::audit::Actor;
use miti_domain::mou::MouInput;
use miti_domain::organisation::{OrgForm, Status};
use miti_domain::person::{ContactRole, PersonInput};
use miti_domain::text::Localized;
use miti_service::Services;
use miti_store::NewLifecycleEvent;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

const NETWORK: &str = include_str!("../data/network.json");

/// The password of every demo account (printed by `miti seed --demo`).
pub const DEMO_PASSWORD: &str = "han-river-1996";

/// Demo sign-ins: email, display name, role, organisation slug.
pub const ACCOUNTS: &[(&str, &str, Role, &str)] = &[
    (
        "admin@secretariat.demo",
        "Secretariat (network admin)",
        Role::NetworkAdmin,
        "metropolis",
    ),
    (
        "staff@seoul.demo",
        "Seoul HQ staff",
        Role::CentreStaff,
        "shrdc",
    ),
    (
        "staff@cairo.demo",
        "Cairo centre staff",
        Role::CentreStaff,
        "cairo-centre",
    ),
    (
        "staff@mashhad.demo",
        "Mashhad centre staff",
        Role::CentreStaff,
        "mashhad-centre",
    ),
    (
        "staff@mexico.demo",
        "Mexico City centre staff",
        Role::CentreStaff,
        "mexico-centre",
    ),
    (
        "vetter@seoul.demo",
        "Seoul HQ vetting officer",
        Role::Vetter,
        "shrdc",
    ),
    (
        "focal@dakar.demo",
        "Dakar focal point",
        Role::FocalPoint,
        "dakar",
    ),
    (
        "focal@tehran.demo",
        "Tehran focal point",
        Role::FocalPoint,
        "tehran",
    ),
    (
        "applicant@dakar.demo",
        "Applicant from Dakar",
        Role::Applicant,
        "dakar",
    ),
    (
        "expert@berlin.demo",
        "Expert from Berlin",
        Role::Expert,
        "berlin",
    ),
];

#[derive(Deserialize)]
struct Network {
    organisations: Vec<Org>,
    mous: Vec<Mou>,
}

#[derive(Deserialize)]
struct Org {
    key: String,
    kind: String,
    names: BTreeMap<String, String>,
    main_language: String,
    country: String,
    region: String,
    city: Option<String>,
    timezone: String,
    website: Option<String>,
    working_languages: Vec<String>,
    parent: Option<String>,
    membership: Vec<Period>,
    lifecycle: Vec<Step>,
    contacts: Vec<Contact>,
}

#[derive(Deserialize)]
struct Period {
    from: chrono::NaiveDate,
    until: Option<chrono::NaiveDate>,
}

#[derive(Deserialize)]
struct Step {
    status: String,
    on: chrono::NaiveDate,
    note: String,
}

#[derive(Deserialize)]
struct Contact {
    role: String,
    label: BTreeMap<String, String>,
    email: Option<String>,
}

#[derive(Deserialize)]
struct Mou {
    title: BTreeMap<String, String>,
    parties: Vec<String>,
    signed_on: chrono::NaiveDate,
    overseen_by: Option<String>,
    valid_until: Option<chrono::NaiveDate>,
}

/// What seeding did.
#[derive(Debug, Default)]
pub struct Report {
    pub organisations: usize,
    pub mous: usize,
    pub programmes: usize,
    pub accounts: Vec<(String, Role)>,
    /// The programme whose call holds the demo applications.
    pub applications_programme: Option<miti_domain::Id>,
    /// Submitted applications in that call.
    pub applications: usize,
    /// True when the network was already there and nothing was written.
    pub already_seeded: bool,
}

fn contact_role(s: &str) -> ContactRole {
    match s {
        "international_relations" => ContactRole::InternationalRelations,
        "focal_point" => ContactRole::FocalPoint,
        "director" => ContactRole::Director,
        "training" | "regional_secretariat" | "partnerships" => ContactRole::Coordinator,
        _ => ContactRole::Other,
    }
}

fn e(what: &str, key: &str, err: impl std::fmt::Debug) -> String {
    format!("demo data: {what} {key}: {err:?}")
}

/// Seeds the demo network into an empty database. Does nothing (and says
/// so) when the Secretariat is already there.
pub async fn seed(services: &Services) -> Result<Report, String> {
    let store = &services.store;
    if store
        .organisation_by_slug("metropolis")
        .await
        .map_err(|x| x.to_string())?
        .is_some()
    {
        return Ok(Report {
            already_seeded: true,
            ..Default::default()
        });
    }
    let net: Network = serde_json::from_str(NETWORK).map_err(|x| format!("demo data: {x}"))?;
    let actor = Actor::SYSTEM;
    let mut ids: HashMap<String, OrgId> = HashMap::new();
    // Parents first: keep creating those whose parent exists until all are in.
    let mut pending: Vec<&Org> = net.organisations.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut later = vec![];
        for o in pending {
            let parent_id = match &o.parent {
                Some(p) => match ids.get(p) {
                    Some(id) => Some(*id),
                    None => {
                        later.push(o);
                        continue;
                    }
                },
                None => None,
            };
            let name = |l: &str| o.names.get(l).cloned().unwrap_or_default();
            let form = OrgForm {
                slug: o.key.clone(),
                kind: o.kind.clone(),
                main_language: o.main_language.clone(),
                name_en: name("en"),
                name_fr: name("fr"),
                name_es: name("es"),
                name_ko: name("ko"),
                name_ar: name("ar"),
                name_fa: name("fa"),
                country: o.country.clone(),
                region: o.region.clone(),
                city: o.city.clone().unwrap_or_default(),
                timezone: o.timezone.clone(),
                website: o.website.clone().unwrap_or_default(),
                working_languages: o.working_languages.join(","),
                parent_id: parent_id.map(|p| p.to_string()).unwrap_or_default(),
                version: String::new(),
            };
            let input = form.validate().map_err(|x| e("organisation", &o.key, x))?;
            let created = store
                .create_organisation(actor, input)
                .await
                .map_err(|x| e("organisation", &o.key, x))?;
            ids.insert(o.key.clone(), created.id);
            for m in &o.membership {
                store
                    .add_membership(actor, created.id, m.from, m.until)
                    .await
                    .map_err(|x| e("membership", &o.key, x))?;
            }
            let mut status = created.status;
            for step in &o.lifecycle {
                let to =
                    Status::parse(&step.status).ok_or_else(|| e("status", &o.key, &step.status))?;
                // History that the lifecycle rules allow from where the centre stands.
                if !status.can_move_to(to) {
                    continue;
                }
                store
                    .record_lifecycle_event(
                        actor,
                        NewLifecycleEvent {
                            org_id: created.id,
                            to,
                            on: step.on,
                            note: step.note.clone(),
                        },
                        status,
                        None,
                    )
                    .await
                    .map_err(|x| e("lifecycle", &o.key, x))?;
                status = to;
            }
            for c in &o.contacts {
                let label = c
                    .label
                    .get("en")
                    .or_else(|| c.label.values().next())
                    .cloned()
                    .unwrap_or_default();
                store
                    .create_person(
                        actor,
                        created.id,
                        PersonInput {
                            name: label,
                            email: c.email.clone(),
                            phone: None,
                            contact_role: contact_role(&c.role),
                        },
                    )
                    .await
                    .map_err(|x| e("contact", &o.key, x))?;
            }
        }
        if later.len() == before {
            return Err("demo data: organisations with unknown parents".into());
        }
        pending = later;
    }
    let id = |k: &str| {
        ids.get(k)
            .copied()
            .ok_or_else(|| format!("demo data: unknown organisation {k}"))
    };
    for m in &net.mous {
        let parties = m
            .parties
            .iter()
            .map(|p| id(p))
            .collect::<Result<Vec<_>, _>>()?;
        let title = Localized {
            main: if m.title.contains_key("en") {
                "en".into()
            } else {
                m.title.keys().next().cloned().unwrap_or_default()
            },
            texts: m.title.clone(),
        };
        store
            .create_mou(
                actor,
                MouInput {
                    title,
                    parties,
                    signed_on: m.signed_on,
                    overseen_by: m.overseen_by.as_deref().map(id).transpose()?,
                    valid_until: m.valid_until,
                },
                None,
            )
            .await
            .map_err(|x| e("mou", "", x))?;
    }
    let programmes = programmes::seed(store.as_ref(), &ids).await?;
    let mut report = Report {
        organisations: ids.len(),
        mous: net.mous.len(),
        programmes: programmes + 1,
        ..Default::default()
    };
    let mut users = HashMap::new();
    for (email, name, role, org) in ACCOUNTS {
        let grant = RoleGrant {
            role: *role,
            org_id: id(org)?,
        };
        let user = services
            .create_user(actor, email, name, DEMO_PASSWORD, vec![grant])
            .await
            .map_err(|x| e("account", email, x))?;
        users.insert(email.to_string(), user);
        report.accounts.push((email.to_string(), *role));
    }
    let seeded = applications::seed(services, &ids, &users).await?;
    report.applications_programme = Some(seeded.programme_id);
    report.applications = seeded.submitted;
    Ok(report)
}
