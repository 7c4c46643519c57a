//! `miti dev dataset`: a large synthetic network for load tests, on an
//! empty or demo-seeded throwaway database.
//!
//! What it writes (the defaults): 150 organisations (the Secretariat if
//! missing, five training centres, four partners, member cities), 300
//! programmes over five years (past ones evaluated, this year's and next
//! year's with open calls or planned), 20 000 applications with their
//! documents' metadata (no files), 2 000 accounts (centre staff, experts,
//! focal points, applicants), and two reviews per submitted application in
//! the *bench call*: an open call hosted by the first centre, whose staff
//! account `staff@dataset.test` can list it.
//!
//! Every account shares the password given (`MITI_DEV_PASSWORD`), hashed
//! once. Everything is drawn from one seeded generator, so a seed gives the
//! same dataset (dates are counted from the day it runs, so that the open
//! calls are open). Organisations, programmes and calls go through the
//! ordinary store methods; accounts, applications, documents and reviews
//! through the bulk ones (many rows per statement, a few thousand per
//! transaction), which is what makes a million applications a matter of
//! minutes.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use miti_domain::account::{Role, RoleGrant};
use miti_domain::application::{
    Application, ApplicationStatus, Decision, Endorsement, EndorsementStatus, Interview,
    InterviewOutcome, LanguageLevel, Outcome, ProfileContext, Review, VettingStatus,
    validate_submission,
};
use miti_domain::audit::Actor;
use miti_domain::call::{Call, Question, RequiredDocument};
use miti_domain::organisation::{OrgFilter, OrgForm, OrgKind, Organisation, Status};
use miti_domain::programme::{ProgrammeForm, ProgrammeStatus};
use miti_domain::{Id, OrgId, UserId};
use miti_service::Services;
use miti_service::dataset::BulkUser;
use miti_store::{BulkApplication, NewDocument, NewLifecycleEvent};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Organisations written (the Secretariat counts when it is created).
    pub organisations: u32,
    pub programmes: u32,
    /// Years of programmes, ending with next year.
    pub years: u32,
    pub applications: u64,
    /// Accounts; raised when the applications need more applicants (an
    /// applicant applies to twelve programmes at most on average).
    pub users: u64,
    pub seed: u64,
    /// Applications per bulk transaction.
    pub batch: usize,
    /// Applicants with a submitted application in the bench call, listed
    /// in the manifest for the submit benchmark.
    pub bench_applicants: u32,
    /// Where to write the manifest (bench call, staff account, applicants).
    pub manifest: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            organisations: 150,
            programmes: 300,
            years: 5,
            applications: 20_000,
            users: 2_000,
            seed: 1,
            batch: 5_000,
            bench_applicants: 64,
            manifest: None,
        }
    }
}

/// The staff account that can list the bench call's applications.
pub const STAFF_EMAIL: &str = "staff@dataset.test";
const DOMAIN: &str = "dataset.test";
const APPLICATIONS_PER_APPLICANT: u64 = 12;
const STAFF_PER_CENTRE: usize = 3;
const EXPERTS: usize = 20;

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn index(&mut self, n: usize) -> usize {
        usize::try_from(self.below(n as u64)).unwrap_or(0)
    }
    /// True with probability `pct` percent.
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }
}

/// A city: name, country, region, time zone, language.
type Place = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const CITIES: &[Place] = &[
    ("Dakar", "SN", "africa", "Africa/Dakar", "fr"),
    ("Abidjan", "CI", "africa", "Africa/Abidjan", "fr"),
    ("Lagos", "NG", "africa", "Africa/Lagos", "en"),
    ("Nairobi", "KE", "africa", "Africa/Nairobi", "en"),
    ("Johannesburg", "ZA", "africa", "Africa/Johannesburg", "en"),
    ("Addis Ababa", "ET", "africa", "Africa/Addis_Ababa", "en"),
    ("Rabat", "MA", "africa", "Africa/Casablanca", "fr"),
    ("Kigali", "RW", "africa", "Africa/Kigali", "en"),
    ("Accra", "GH", "africa", "Africa/Accra", "en"),
    ("Douala", "CM", "africa", "Africa/Douala", "fr"),
    ("Seoul", "KR", "asia_pacific", "Asia/Seoul", "ko"),
    ("Bangkok", "TH", "asia_pacific", "Asia/Bangkok", "en"),
    ("Jakarta", "ID", "asia_pacific", "Asia/Jakarta", "en"),
    ("Manila", "PH", "asia_pacific", "Asia/Manila", "en"),
    ("Guangzhou", "CN", "asia_pacific", "Asia/Shanghai", "en"),
    ("Hanoi", "VN", "asia_pacific", "Asia/Bangkok", "en"),
    (
        "Melbourne",
        "AU",
        "asia_pacific",
        "Australia/Melbourne",
        "en",
    ),
    ("Kathmandu", "NP", "asia_pacific", "Asia/Kathmandu", "en"),
    ("Colombo", "LK", "asia_pacific", "Asia/Colombo", "en"),
    ("Barcelona", "ES", "europe", "Europe/Madrid", "es"),
    ("Berlin", "DE", "europe", "Europe/Berlin", "en"),
    ("Brussels", "BE", "europe", "Europe/Brussels", "fr"),
    ("Lyon", "FR", "europe", "Europe/Paris", "fr"),
    ("Turin", "IT", "europe", "Europe/Rome", "en"),
    ("Lisbon", "PT", "europe", "Europe/Lisbon", "en"),
    ("Warsaw", "PL", "europe", "Europe/Warsaw", "en"),
    ("Bogotá", "CO", "latin_america", "America/Bogota", "es"),
    ("Quito", "EC", "latin_america", "America/Guayaquil", "es"),
    ("Lima", "PE", "latin_america", "America/Lima", "es"),
    ("Santiago", "CL", "latin_america", "America/Santiago", "es"),
    (
        "Montevideo",
        "UY",
        "latin_america",
        "America/Montevideo",
        "es",
    ),
    (
        "São Paulo",
        "BR",
        "latin_america",
        "America/Sao_Paulo",
        "en",
    ),
    (
        "Guadalajara",
        "MX",
        "latin_america",
        "America/Mexico_City",
        "es",
    ),
    ("Montréal", "CA", "north_america", "America/Toronto", "fr"),
    ("Toronto", "CA", "north_america", "America/Toronto", "en"),
    ("Tehran", "IR", "middle_east_west_asia", "Asia/Tehran", "en"),
    (
        "Istanbul",
        "TR",
        "middle_east_west_asia",
        "Europe/Istanbul",
        "en",
    ),
    ("Amman", "JO", "middle_east_west_asia", "Asia/Amman", "en"),
    ("Beirut", "LB", "middle_east_west_asia", "Asia/Beirut", "fr"),
    ("Dubai", "AE", "middle_east_west_asia", "Asia/Dubai", "en"),
];

/// The training centres: the first is headquarters and hosts the bench call.
const CENTRES: &[Place] = &[
    ("Seoul", "KR", "asia_pacific", "Asia/Seoul", "ko"),
    ("Cairo", "EG", "middle_east_west_asia", "Africa/Cairo", "fr"),
    (
        "Mashhad",
        "IR",
        "middle_east_west_asia",
        "Asia/Tehran",
        "en",
    ),
    (
        "Mexico City",
        "MX",
        "latin_america",
        "America/Mexico_City",
        "es",
    ),
    ("Abidjan", "CI", "africa", "Africa/Abidjan", "fr"),
];

const PARTNERS: &[&str] = &[
    "Urban Development Institute",
    "Cities Alliance for Training",
    "Regional Planning Agency",
    "Municipal Finance Forum",
];

const TOPICS: &[(&str, &str)] = &[
    ("Urban mobility and public transport", "transport"),
    ("Bus rapid transit planning", "transport"),
    ("Water supply and river restoration", "water-management"),
    ("Flood risk and drainage", "water-management"),
    ("Participatory budgeting", "governance"),
    ("Open government and transparency", "governance"),
    ("Digital public services", "e-government"),
    ("Data-driven city management", "smart-city"),
    ("Smart city platforms", "smart-city"),
    ("Climate action plans for cities", "climate-change"),
    ("Urban heat and green infrastructure", "climate-change"),
    ("Informal settlements upgrading", "urban-management"),
    ("Metropolitan land-use planning", "urban-management"),
    ("Solid waste management", "urban-management"),
    ("Municipal finance and revenue", "governance"),
];

const FIRST: &[&str] = &[
    "Aminata", "Fatou", "Moussa", "Chidi", "Wanjiru", "Thabo", "Youssef", "Salma", "Min-jun",
    "Ji-woo", "Siti", "Budi", "Maria", "José", "Ana", "Carlos", "Lucía", "Mateo", "Sofía",
    "Camila", "Leila", "Reza", "Omid", "Zeynep", "Emre", "Layla", "Omar", "Anna", "Jan", "Marta",
    "Pierre", "Claire", "Luca", "Giulia", "João", "Inês", "Nguyen", "Priya", "Arjun", "Grace",
];

const LAST: &[&str] = &[
    "Diallo",
    "Ndiaye",
    "Traore",
    "Okafor",
    "Kamau",
    "Nkosi",
    "Benali",
    "Haddad",
    "Kim",
    "Park",
    "Lee",
    "Santoso",
    "Garcia",
    "Rodriguez",
    "Lopez",
    "Martinez",
    "Silva",
    "Rahimi",
    "Moradi",
    "Yilmaz",
    "Demir",
    "Khalil",
    "Mansour",
    "Nowak",
    "Kowalski",
    "Dubois",
    "Moreau",
    "Rossi",
    "Bianchi",
    "Costa",
    "Pereira",
    "Tran",
    "Sharma",
    "Patel",
    "Mensah",
    "Owusu",
    "Fofana",
    "Sow",
    "Ortiz",
    "Vargas",
];

const POSITIONS: &[&str] = &[
    "Head of urban planning",
    "Transport engineer",
    "Policy officer",
    "Director of water services",
    "Climate resilience coordinator",
    "Chief information officer",
    "Budget analyst",
    "International relations officer",
    "Project manager",
    "Head of housing",
];

const DEPARTMENTS: &[&str] = &[
    "Planning department",
    "Mayor's office",
    "Department of transport",
    "Water and sanitation",
    "Environment department",
    "Digital services",
    "Finance department",
    "International relations",
];

const MOTIVATIONS: &[&str] = &[
    "To bring back practical tools for our city's {topic} programme and share them with my team.",
    "Our city is preparing a new {topic} strategy and I want to learn from peers who have done it.",
    "I lead a small unit working on {topic}; the course would help us avoid costly mistakes.",
    "To compare our approach to {topic} with other cities and build a network of practitioners.",
];

/// The motivation the submit benchmark types (with a counter appended).
pub const BENCH_MOTIVATION: &str =
    "To learn how other cities run their training programmes and share it back home.";

fn loc(en: &str) -> miti_domain::text::Localized {
    miti_domain::text::Localized::new("en", en)
}

/// The documents and questions of every generated call.
fn call_documents() -> Vec<RequiredDocument> {
    vec![
        RequiredDocument {
            key: "nomination_letter".into(),
            label: loc("Nomination letter from your city"),
            required: true,
        },
        RequiredDocument {
            key: "cv".into(),
            label: loc("CV"),
            required: true,
        },
    ]
}

fn call_questions() -> Result<Vec<Question>, String> {
    serde_json::from_value(serde_json::json!([
        {"key": "motivation", "kind": "long_text", "required": true,
         "label": {"main": "en", "texts": {"en": "Why this course?"}},
         "min_len": 20, "max_len": 2000, "min": null, "max": null, "choices": [], "show_if": null},
        {"key": "years_in_service", "kind": "number", "required": true,
         "label": {"main": "en", "texts": {"en": "Years in public service"}},
         "min_len": null, "max_len": null, "min": 0, "max": 50, "choices": [], "show_if": null}
    ]))
    .map_err(|e| format!("dataset questions: {e}"))
}

/// One programme as planned before it is written.
struct Plan {
    host: usize,
    topic: usize,
    second_theme: Option<&'static str>,
    arrival: NaiveDate,
    status: ProgrammeStatus,
    /// (opens, closes) when the programme has a call.
    call: Option<(DateTime<Utc>, DateTime<Utc>)>,
    capacity: i32,
    languages: Vec<&'static str>,
}

fn at_noon(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))
        .and_utc()
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {y}-{m}-{d}"))
}

/// Plans `n` programmes over `years` years ending next year, with their
/// status and call windows as of `now`; at least one call is open.
fn plan_programmes(
    rng: &mut Rng,
    n: u32,
    years: u32,
    centres: usize,
    now: DateTime<Utc>,
) -> Result<Vec<Plan>, String> {
    let today = now.date_naive();
    let years = years.max(1);
    let first_year = today.year() + 1 - (years as i32 - 1);
    let mut plans = Vec::with_capacity(n as usize);
    for k in 0..n {
        let year_index = (u64::from(k) * u64::from(years) / u64::from(n.max(1))) as i32;
        let year = first_year + year_index;
        let per_year = (n / years).max(1);
        let slot = k % per_year;
        let start = day(year, 1, 10)?;
        let spread = 340 * i64::from(slot) / i64::from(per_year);
        let arrival = start + Duration::days(spread + rng.below(7) as i64);
        let departure = arrival + Duration::days(7);
        let cancelled = rng.chance(4);
        let (status, call) = if departure < today {
            let opens = at_noon(arrival - Duration::days(120));
            let closes = at_noon(arrival - Duration::days(60));
            if cancelled {
                (ProgrammeStatus::Cancelled, None)
            } else if rng.chance(12) {
                (ProgrammeStatus::Completed, Some((opens, closes)))
            } else {
                (ProgrammeStatus::Evaluated, Some((opens, closes)))
            }
        } else if arrival <= today {
            let opens = at_noon(arrival - Duration::days(120));
            let closes = at_noon(arrival - Duration::days(60));
            (ProgrammeStatus::Running, Some((opens, closes)))
        } else if cancelled {
            (ProgrammeStatus::Cancelled, None)
        } else if arrival <= today + Duration::days(45) {
            let opens = at_noon(arrival - Duration::days(120));
            let closes = at_noon(arrival - Duration::days(60)).min(now - Duration::days(1));
            (
                ProgrammeStatus::Confirmed,
                Some((opens.min(closes), closes)),
            )
        } else if arrival <= today + Duration::days(240) {
            // Open now: opened a month ago (or so), closes three weeks before arrival.
            let opens = now - Duration::days(20 + rng.below(30) as i64);
            let closes = at_noon(arrival - Duration::days(21));
            (ProgrammeStatus::CallOpen, Some((opens, closes)))
        } else if rng.chance(50) {
            (ProgrammeStatus::Endorsed, None)
        } else {
            (ProgrammeStatus::Planned, None)
        };
        let topic = rng.index(TOPICS.len());
        let second_theme = rng
            .chance(30)
            .then(|| TOPICS[rng.index(TOPICS.len())].1)
            .filter(|t| *t != TOPICS[topic].1);
        let host = k as usize % centres.max(1);
        let mut languages = vec!["en"];
        let host_lang = CENTRES[host % CENTRES.len()].4;
        if host_lang != "en" {
            languages.push(host_lang);
        }
        plans.push(Plan {
            host,
            topic,
            second_theme,
            arrival,
            status,
            call,
            capacity: 15 + 5 * rng.below(4) as i32,
            languages,
        });
    }
    if !plans.iter().any(|p| p.status == ProgrammeStatus::CallOpen)
        && let Some(last) = plans.last_mut()
    {
        last.arrival = today + Duration::days(90);
        last.status = ProgrammeStatus::CallOpen;
        last.call = Some((
            now - Duration::days(30),
            at_noon(last.arrival - Duration::days(21)),
        ));
    }
    // The bench call: the first open call, hosted by the first centre.
    if let Some(p) = plans
        .iter_mut()
        .find(|p| p.status == ProgrammeStatus::CallOpen)
    {
        p.host = 0;
        p.languages = vec!["en", CENTRES[0].4];
    }
    Ok(plans)
}

/// How many of `total` go to each weight (largest remainders), none above `cap`.
fn allocate(total: u64, weights: &[f64], cap: u64) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let mut out: Vec<u64> = Vec::with_capacity(weights.len());
    let mut rem: Vec<(f64, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = total as f64 * w / sum;
        let whole = (exact.floor() as u64).min(cap);
        out.push(whole);
        rem.push((exact - exact.floor(), i));
    }
    rem.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut left = total.saturating_sub(out.iter().sum());
    // Hand out what is left, largest remainder first, round after round.
    while left > 0 {
        let mut gave = false;
        for (_, i) in &rem {
            if left == 0 {
                break;
            }
            if out[*i] < cap {
                out[*i] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    out
}

/// `application/x-www-form-urlencoded` of one value.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

fn err(what: &str, e: impl std::fmt::Debug) -> String {
    format!("dataset: {what}: {e:?}")
}

fn org_form(slug: String, kind: &str, name: String, place: &Place) -> OrgForm {
    OrgForm {
        slug,
        kind: kind.into(),
        main_language: "en".into(),
        name_en: name,
        country: place.1.into(),
        region: place.2.into(),
        city: place.0.into(),
        timezone: place.3.into(),
        working_languages: if place.4 == "en" {
            "en".into()
        } else {
            format!("en, {}", place.4)
        },
        ..Default::default()
    }
}

/// Who the generated accounts are.
struct People {
    staff: Vec<Vec<UserId>>,
    experts: Vec<UserId>,
    /// Per member city (index into `cities`).
    focal: Vec<UserId>,
    applicants: Vec<UserId>,
    /// The member city of each applicant.
    applicant_city: Vec<usize>,
}

/// Fills the database; returns the summary line printed by the command.
pub async fn generate(services: &Services, o: &Options, password: &str) -> Result<String, String> {
    let started = Instant::now();
    let store = &services.store;
    let now = Utc::now();
    let mut rng = Rng(o.seed ^ 0x6D69_7469_6461_7461);
    if store
        .organisation_by_slug("ds-centre-1")
        .await
        .map_err(|e| err("registry", e))?
        .is_some()
    {
        return Err("dataset: this database already holds a generated dataset".into());
    }
    if store
        .user_credentials(STAFF_EMAIL)
        .await
        .map_err(|e| err("accounts", e))?
        .is_some()
    {
        return Err(format!("dataset: {STAFF_EMAIL} already exists"));
    }

    // ---- organisations ------------------------------------------------
    let actor = Actor::SYSTEM;
    let mut written = 0_u32;
    if store
        .organisation_by_slug("metropolis")
        .await
        .map_err(|e| err("registry", e))?
        .is_none()
    {
        let place = ("Barcelona", "ES", "europe", "Europe/Madrid", "es");
        let input = org_form(
            "metropolis".into(),
            "secretariat",
            "Metropolis Secretariat General".into(),
            &place,
        )
        .validate()
        .map_err(|e| err("secretariat", e))?;
        store
            .create_organisation(actor, input)
            .await
            .map_err(|e| err("secretariat", e))?;
        written += 1;
    }
    let room = o.organisations.saturating_sub(written).max(2) as usize;
    let n_centres = CENTRES.len().min(room.saturating_sub(1)).max(1);
    let n_partners = PARTNERS.len().min(room.saturating_sub(n_centres + 1));
    let n_cities = room - n_centres - n_partners;
    let mut centres: Vec<OrgId> = vec![];
    for (i, place) in CENTRES.iter().take(n_centres).enumerate() {
        let kind = if i == 0 {
            "headquarters"
        } else {
            "regional_centre"
        };
        let input = org_form(
            format!("ds-centre-{}", i + 1),
            kind,
            format!("{} Training Centre", place.0),
            place,
        )
        .validate()
        .map_err(|e| err("centre", e))?;
        let c = store
            .create_organisation(actor, input)
            .await
            .map_err(|e| err("centre", e))?;
        if c.status == Status::Candidate {
            store
                .record_lifecycle_event(
                    actor,
                    NewLifecycleEvent {
                        org_id: c.id,
                        to: Status::Active,
                        on: day(2012, 3, 1)?,
                        note: "Agreement signed".into(),
                    },
                    Status::Candidate,
                    None,
                )
                .await
                .map_err(|e| err("centre lifecycle", e))?;
        }
        centres.push(c.id);
    }
    let mut partners: Vec<OrgId> = vec![];
    for (i, name) in PARTNERS.iter().take(n_partners).enumerate() {
        let place = CITIES[(i * 7) % CITIES.len()];
        let input = org_form(
            format!("ds-partner-{}", i + 1),
            "partner",
            (*name).to_string(),
            &place,
        )
        .validate()
        .map_err(|e| err("partner", e))?;
        let p = store
            .create_organisation(actor, input)
            .await
            .map_err(|e| err("partner", e))?;
        partners.push(p.id);
    }
    let mut city_ids: Vec<OrgId> = vec![];
    for i in 0..n_cities {
        let place = CITIES[i % CITIES.len()];
        let round = i / CITIES.len();
        let name = if round == 0 {
            place.0.to_string()
        } else {
            format!("{} {}", place.0, round + 1)
        };
        let input = org_form(format!("ds-city-{:03}", i + 1), "member_city", name, &place)
            .validate()
            .map_err(|e| err("city", e))?;
        let c = store
            .create_organisation(actor, input)
            .await
            .map_err(|e| err("city", e))?;
        // Most cities are members; some let their membership lapse.
        let from = day(2004 + rng.below(12) as i32, 1, 1)?;
        let until = rng.chance(12).then(|| day(2020, 12, 31)).transpose()?;
        store
            .add_membership(actor, c.id, from, until.filter(|u| *u >= from))
            .await
            .map_err(|e| err("membership", e))?;
        city_ids.push(c.id);
    }
    // Read the cities back whole (with memberships) for the profiles.
    let mut by_id: HashMap<OrgId, Organisation> = store
        .organisations(&OrgFilter {
            kind: Some(OrgKind::MemberCity),
            ..Default::default()
        })
        .await
        .map_err(|e| err("registry", e))?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let cities: Vec<Organisation> = city_ids
        .iter()
        .map(|id| {
            by_id
                .remove(id)
                .ok_or_else(|| format!("dataset: city {id} vanished"))
        })
        .collect::<Result<_, _>>()?;
    let organisations = written as usize + centres.len() + partners.len() + cities.len();
    progress(started, &format!("{organisations} organisations"));

    // ---- programmes and calls (planned; written below) -----------------
    let plans = plan_programmes(&mut rng, o.programmes, o.years, centres.len(), now)?;
    let bench_index = plans
        .iter()
        .position(|p| p.status == ProgrammeStatus::CallOpen)
        .ok_or("dataset: no open call")?;
    let weights: Vec<f64> = plans
        .iter()
        .enumerate()
        .map(|(i, p)| match p.call {
            None => 0.0,
            Some(_) if i == bench_index => 3.0,
            Some(_) => 0.5 + rng.unit(),
        })
        .collect();

    // ---- accounts -----------------------------------------------------
    let others = centres.len() * STAFF_PER_CENTRE + 1 + EXPERTS + cities.len();
    let wanted_apps = o.applications;
    let needed = wanted_apps
        .div_ceil(APPLICATIONS_PER_APPLICANT)
        .max(u64::from(o.bench_applicants))
        .max(1);
    let applicants_n = (o.users.saturating_sub(others as u64)).max(needed);
    let counts = allocate(wanted_apps, &weights, applicants_n);
    let mut users: Vec<BulkUser> = vec![];
    let name_of = |rng: &mut Rng| format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    users.push(BulkUser {
        email: STAFF_EMAIL.into(),
        display_name: "Dataset centre staff".into(),
        roles: vec![RoleGrant {
            role: Role::CentreStaff,
            org_id: centres[0],
        }],
    });
    for (c, id) in centres.iter().enumerate() {
        for k in 0..STAFF_PER_CENTRE {
            users.push(BulkUser {
                email: format!("staff-{}-{}@{DOMAIN}", c + 1, k + 1),
                display_name: name_of(&mut rng),
                roles: vec![RoleGrant {
                    role: Role::CentreStaff,
                    org_id: *id,
                }],
            });
        }
    }
    let expert_orgs: Vec<OrgId> = if partners.is_empty() {
        centres.clone()
    } else {
        partners.clone()
    };
    for k in 0..EXPERTS {
        users.push(BulkUser {
            email: format!("expert-{:03}@{DOMAIN}", k + 1),
            display_name: name_of(&mut rng),
            roles: vec![RoleGrant {
                role: Role::Expert,
                org_id: expert_orgs[k % expert_orgs.len()],
            }],
        });
    }
    for c in &cities {
        users.push(BulkUser {
            email: format!("focal-{}@{DOMAIN}", c.slug),
            display_name: name_of(&mut rng),
            roles: vec![RoleGrant {
                role: Role::FocalPoint,
                org_id: c.id,
            }],
        });
    }
    let mut applicant_city = Vec::with_capacity(applicants_n as usize);
    let mut applicant_names = Vec::with_capacity(applicants_n as usize);
    for k in 0..applicants_n {
        let city = rng.index(cities.len());
        applicant_city.push(city);
        let name = name_of(&mut rng);
        users.push(BulkUser {
            email: format!("applicant-{:06}@{DOMAIN}", k + 1),
            display_name: name.clone(),
            roles: vec![RoleGrant {
                role: Role::Applicant,
                org_id: cities[city].id,
            }],
        });
        applicant_names.push(name);
    }
    let total_users = users.len();
    let mut ids: Vec<UserId> = Vec::with_capacity(total_users);
    let mut pending = users.into_iter().peekable();
    while pending.peek().is_some() {
        let chunk: Vec<BulkUser> = pending.by_ref().take(10_000).collect();
        ids.extend(
            services
                .bulk_users(chunk, password)
                .await
                .map_err(|e| err("accounts", e))?,
        );
    }
    let mut ids = ids.into_iter();
    let mut take = |n: usize| -> Vec<UserId> { ids.by_ref().take(n).collect() };
    let staff_account = take(1);
    let mut staff: Vec<Vec<UserId>> = (0..centres.len()).map(|_| take(STAFF_PER_CENTRE)).collect();
    if let (Some(first), Some(me)) = (staff.first_mut(), staff_account.first()) {
        first.insert(0, *me);
    }
    progress(started, &format!("{total_users} accounts"));
    let people = People {
        staff,
        experts: take(EXPERTS),
        focal: take(cities.len()),
        applicants: take(applicants_n as usize),
        applicant_city,
    };

    // ---- programmes, written ------------------------------------------
    let themes: Vec<String> = store
        .themes()
        .await
        .map_err(|e| err("themes", e))?
        .into_iter()
        .map(|t| t.slug)
        .collect();
    let documents = call_documents();
    let questions = call_questions()?;
    let mut programme_ids: Vec<Id> = Vec::with_capacity(plans.len());
    let mut calls: Vec<Option<Call>> = Vec::with_capacity(plans.len());
    for (i, p) in plans.iter().enumerate() {
        let (title, theme) = TOPICS[p.topic];
        let mut programme_themes = vec![theme.to_string()];
        if let Some(t) = p.second_theme {
            programme_themes.push(t.to_string());
        }
        programme_themes.retain(|t| themes.contains(t));
        if programme_themes.is_empty() {
            programme_themes.push(themes.first().cloned().ok_or("dataset: no themes")?);
        }
        let place = CENTRES[p.host % CENTRES.len()];
        let form = ProgrammeForm {
            host_org_id: centres[p.host].to_string(),
            themes: programme_themes,
            title_en: format!("{title} ({})", p.arrival.year()),
            summary_en: format!(
                "A week in {} on {}: lectures, site visits and peer exchange with practitioners \
                 from member cities.",
                place.0,
                title.to_lowercase()
            ),
            arrival: p.arrival.to_string(),
            departure: (p.arrival + Duration::days(7)).to_string(),
            venue: format!("{} Training Centre, {}", place.0, place.0),
            timezone: place.3.into(),
            working_languages: p.languages.join(","),
            capacity: p.capacity.to_string(),
            contact_email: format!("programmes@centre-{}.{DOMAIN}", p.host + 1),
            partners: partners
                .get(i % partners.len().max(1))
                .map(|x| x.to_string())
                .unwrap_or_default(),
            ..Default::default()
        };
        let input = form
            .validate(&themes)
            .map_err(|e| err("programme form", e))?;
        let created = store
            .create_programme(actor, input)
            .await
            .map_err(|e| err("programme", e))?;
        let target = p.status;
        let walk_to = if target == ProgrammeStatus::Cancelled {
            ProgrammeStatus::Endorsed
        } else {
            target
        };
        let mut status = created.status;
        while status != walk_to {
            let Some(next) = status.next() else { break };
            store
                .set_programme_status(actor, created.id, status, next, None)
                .await
                .map_err(|e| err("programme status", e))?;
            status = next;
        }
        if target == ProgrammeStatus::Cancelled {
            store
                .set_programme_status(
                    actor,
                    created.id,
                    status,
                    ProgrammeStatus::Cancelled,
                    Some("Not enough confirmed participants".into()),
                )
                .await
                .map_err(|e| err("programme status", e))?;
        }
        let call = match p.call {
            Some((opens_at, closes_at)) => Some(
                store
                    .save_call(
                        actor,
                        Call {
                            programme_id: created.id,
                            opens_at,
                            closes_at,
                            timezone: place.3.into(),
                            documents: documents.clone(),
                            questions: questions.clone(),
                            question_version: 1,
                        },
                    )
                    .await
                    .map_err(|e| err("call", e))?,
            ),
            None => None,
        };
        programme_ids.push(created.id);
        calls.push(call);
    }
    let bench_programme = programme_ids[bench_index];
    progress(
        started,
        &format!("{} programmes and their calls", programme_ids.len()),
    );
    let open_calls = plans
        .iter()
        .filter(|p| p.status == ProgrammeStatus::CallOpen)
        .count();

    // ---- applications -------------------------------------------------
    let mut batch: Vec<BulkApplication> = Vec::with_capacity(o.batch);
    // Indices in `batch` of bench-call applications to review, and the
    // bench applicants' forms (for the manifest).
    let mut to_review: Vec<usize> = vec![];
    let mut review_ids: Vec<Id> = vec![];
    let mut bench_rows: Vec<(usize, String)> = vec![];
    let mut bench_ids: Vec<Id> = vec![];
    let mut written_apps = 0_u64;
    let mut documents_n = 0_u64;
    let a_n = people.applicants.len();
    for (pi, p) in plans.iter().enumerate() {
        let Some(call) = &calls[pi] else { continue };
        let count = counts[pi] as usize;
        if count == 0 {
            continue;
        }
        let programme_id = programme_ids[pi];
        let open = p.status == ProgrammeStatus::CallOpen;
        let decided = matches!(
            p.status,
            ProgrammeStatus::Confirmed
                | ProgrammeStatus::Running
                | ProgrammeStatus::Completed
                | ProgrammeStatus::Evaluated
        );
        let offset = if pi == bench_index { 0 } else { rng.index(a_n) };
        let languages: Vec<String> = p.languages.iter().map(|l| l.to_string()).collect();
        let topic = TOPICS[p.topic].0.to_lowercase();
        let mut ranks: HashMap<OrgId, i32> = HashMap::new();
        let mut seats = 0_i32;
        let until = call.closes_at.min(now);
        let window = (until - call.opens_at).num_minutes().max(60);
        for k in 0..count {
            let who = (offset + k) % a_n;
            let user_id = people.applicants[who];
            let city = &cities[people.applicant_city[who]];
            let bench_applicant = pi == bench_index && k < o.bench_applicants as usize;
            let status = if bench_applicant {
                ApplicationStatus::Submitted
            } else if open {
                if rng.chance(55) {
                    ApplicationStatus::Submitted
                } else {
                    ApplicationStatus::Draft
                }
            } else {
                match rng.below(100) {
                    0..=81 => ApplicationStatus::Submitted,
                    82..=91 => ApplicationStatus::Withdrawn,
                    _ => ApplicationStatus::Draft,
                }
            };
            let created_at = call.opens_at + Duration::minutes(rng.below(window as u64) as i64);
            let submitted_at = (created_at + Duration::hours(rng.below(96) as i64)).min(until);
            let gender = *rng.pick(&["female", "male", "female", "male", "other", "undisclosed"]);
            let mut form: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let mut put = |k: &str, v: String| {
                form.insert(k.to_string(), vec![v]);
            };
            put("passport_name", applicant_names[who].clone());
            put("gender", gender.into());
            put("nationality", city.country.clone());
            put("city_org_id", city.id.to_string());
            put("position", rng.pick(POSITIONS).to_string());
            put("department", rng.pick(DEPARTMENTS).to_string());
            put("interview_language", rng.pick(&languages).clone());
            let full = status != ApplicationStatus::Draft || rng.chance(50);
            if full {
                put(
                    "q.motivation",
                    if bench_applicant {
                        BENCH_MOTIVATION.to_string()
                    } else {
                        rng.pick(MOTIVATIONS).replace("{topic}", &topic)
                    },
                );
                put("q.years_in_service", (1 + rng.below(30)).to_string());
            }
            let (profile, answers) = if status == ApplicationStatus::Draft {
                (None, None)
            } else {
                let ctx = ProfileContext {
                    working_languages: &languages,
                    city: Some(city),
                    now: submitted_at,
                };
                let (profile, answers) = validate_submission(&form, &ctx, &questions, call)
                    .map_err(|e| err("generated application", e))?;
                (Some(profile), Some(answers))
            };
            let submitted = status == ApplicationStatus::Submitted;
            let mut docs = vec![];
            let mut doc = |key: &str, rng: &mut Rng| {
                let mut sha = String::with_capacity(64);
                for _ in 0..4 {
                    let _ = write!(sha, "{:016x}", rng.next());
                }
                docs.push((
                    key.to_string(),
                    NewDocument {
                        org_id: city.id,
                        storage_key: format!(
                            "dataset/{}/{programme_id}/{user_id}/{key}.pdf",
                            o.seed
                        ),
                        filename: format!("{key}.pdf"),
                        content_type: "application/pdf".into(),
                        size: 40_000 + rng.below(400_000) as i64,
                        sha256: sha,
                    },
                ));
            };
            if status != ApplicationStatus::Draft || rng.chance(50) {
                doc("cv", &mut rng);
            }
            if status != ApplicationStatus::Draft {
                doc("nomination_letter", &mut rng);
            }
            documents_n += docs.len() as u64;
            let endorse_at = (submitted_at + Duration::days(3)).min(now);
            let endorsement = if !submitted {
                Endorsement::default()
            } else {
                let roll = rng.below(100);
                let focal = people
                    .focal
                    .get(people.applicant_city[who])
                    .copied()
                    .filter(|_| !bench_applicant);
                match (open, roll) {
                    (_, _) if focal.is_none() => Endorsement::default(),
                    (false, 0..=64) | (true, 0..=24) => {
                        let rank = ranks.entry(city.id).or_insert(0);
                        *rank += 1;
                        Endorsement {
                            status: EndorsementStatus::Endorsed,
                            comment: None,
                            rank: Some(*rank),
                            by: focal,
                            at: Some(endorse_at),
                        }
                    }
                    (false, 65..=74) => Endorsement {
                        status: EndorsementStatus::Declined,
                        comment: Some("Another nominee fits this course better.".into()),
                        rank: None,
                        by: focal,
                        at: Some(endorse_at),
                    },
                    _ => Endorsement::default(),
                }
            };
            let endorsed = endorsement.status == EndorsementStatus::Endorsed;
            let host_staff = &people.staff[p.host];
            let interview = (endorsed && !open).then(|| Interview {
                slot: call.closes_at + Duration::days(5),
                interviewer_id: host_staff[k % host_staff.len()],
                language: languages[0].clone(),
                outcome: InterviewOutcome::Passed,
                level: Some(*rng.pick(&[LanguageLevel::B2, LanguageLevel::C1, LanguageLevel::C2])),
                notes: None,
            });
            let vetting = if endorsed && !open {
                if rng.chance(95) {
                    VettingStatus::Cleared
                } else {
                    VettingStatus::Refused
                }
            } else {
                VettingStatus::Pending
            };
            let decided_at = call.closes_at + Duration::days(20);
            let (decision, seat_no) = if decided && submitted {
                if endorsed && vetting == VettingStatus::Cleared && seats < p.capacity {
                    seats += 1;
                    (
                        Some(Decision {
                            outcome: Outcome::Confirmed,
                            waitlist_position: None,
                            respond_by: None,
                            reason: "Selected: eligible and within the cohort.".into(),
                            reason_code: "selected".into(),
                            reason_params: [
                                ("programme".to_string(), programme_id.to_string().into()),
                                ("rank".to_string(), 1.into()),
                            ]
                            .into(),
                            seat_no: Some(seats),
                            at: decided_at,
                        }),
                        Some(seats),
                    )
                } else {
                    (
                        Some(Decision {
                            outcome: Outcome::NotSelected,
                            waitlist_position: None,
                            respond_by: None,
                            reason: "Not selected: the cohort was full.".into(),
                            reason_code: "capacity".into(),
                            reason_params: [
                                ("programme".to_string(), programme_id.to_string().into()),
                                ("capacity".to_string(), p.capacity.into()),
                            ]
                            .into(),
                            seat_no: None,
                            at: decided_at,
                        }),
                        None,
                    )
                }
            } else {
                (None, None)
            };
            let withdrawn_at = (status == ApplicationStatus::Withdrawn)
                .then(|| (submitted_at + Duration::days(10)).min(now));
            let updated_at = [
                Some(created_at),
                (status != ApplicationStatus::Draft).then_some(submitted_at),
                endorsement.at,
                decision.as_ref().map(|d| d.at),
                withdrawn_at,
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(created_at);
            let version = 1
                + i64::from(status != ApplicationStatus::Draft)
                + docs.len() as i64
                + i64::from(endorsement.at.is_some())
                + i64::from(interview.is_some())
                + i64::from(vetting != VettingStatus::Pending)
                + i64::from(decision.is_some())
                + i64::from(withdrawn_at.is_some());
            if bench_applicant {
                let body = form
                    .iter()
                    .filter(|(k, _)| k.as_str() != "q.motivation")
                    .flat_map(|(k, vs)| vs.iter().map(move |v| (k, v)))
                    .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
                    .collect::<Vec<_>>()
                    .join("&");
                bench_rows.push((who, body));
            }
            if pi == bench_index && submitted {
                to_review.push(batch.len());
            }
            batch.push(BulkApplication {
                app: Application {
                    id: 0,
                    programme_id,
                    user_id,
                    status,
                    form,
                    profile,
                    answers,
                    documents: vec![],
                    endorsement,
                    interview,
                    vetting,
                    decision,
                    logistics: None,
                    submitted_at: (status != ApplicationStatus::Draft).then_some(submitted_at),
                    withdrawn_at,
                    created_at,
                    updated_at,
                    version,
                },
                documents: docs,
                seat_no,
            });
            if bench_applicant {
                // Its id is known once the batch is written.
                bench_ids.push(-(batch.len() as i64));
            }
            if batch.len() >= o.batch.max(1) {
                let ids = services
                    .bulk_applications(std::mem::take(&mut batch))
                    .await
                    .map_err(|e| err("applications", e))?;
                written_apps += ids.len() as u64;
                resolve(&mut bench_ids, &ids);
                review_ids.extend(to_review.drain(..).filter_map(|i| ids.get(i).copied()));
                if written_apps % 100_000 < o.batch.max(1) as u64 {
                    progress(started, &format!("{written_apps} applications"));
                }
            }
        }
    }
    if !batch.is_empty() {
        let ids = services
            .bulk_applications(std::mem::take(&mut batch))
            .await
            .map_err(|e| err("applications", e))?;
        written_apps += ids.len() as u64;
        resolve(&mut bench_ids, &ids);
        review_ids.extend(to_review.drain(..).filter_map(|i| ids.get(i).copied()));
    }

    progress(started, &format!("{written_apps} applications"));

    // ---- reviews of the bench call --------------------------------------
    let rubric = miti_domain::application::CallRules::defaults(bench_programme).rubric;
    let mut reviews: Vec<Review> = Vec::with_capacity(review_ids.len() * 2);
    let staff0 = people.staff[0][0];
    for app_id in &review_ids {
        let first = rng.index(people.experts.len());
        let second = (first + 1 + rng.index(people.experts.len() - 1)) % people.experts.len();
        for reviewer in [first, second] {
            let scored = rng.chance(85);
            let assigned_at = now - Duration::days(5);
            reviews.push(Review {
                id: 0,
                application_id: *app_id,
                reviewer_id: people.experts[reviewer],
                assigned_by: Some(staff0),
                assigned_at,
                conflict: Some(false),
                conflict_note: None,
                scores: if scored {
                    rubric
                        .iter()
                        .map(|c| (c.key.clone(), 1 + rng.below(u64::from(c.max)) as u32))
                        .collect()
                } else {
                    BTreeMap::new()
                },
                comment: scored.then(|| "Clear motivation; relevant experience.".into()),
                submitted_at: scored.then(|| assigned_at + Duration::days(2)),
            });
        }
    }
    let reviews_n = reviews.len();
    let mut pending = reviews.into_iter().peekable();
    while pending.peek().is_some() {
        let chunk: Vec<Review> = pending.by_ref().take(10_000).collect();
        services
            .bulk_reviews(chunk)
            .await
            .map_err(|e| err("reviews", e))?;
    }

    // ---- manifest -------------------------------------------------------
    if let Some(path) = &o.manifest {
        let mut text = format!(
            "# miti dev dataset, seed {}: the bench call, its staff account and applicants\n\
             programme\t{bench_programme}\nstaff\t{STAFF_EMAIL}\n",
            o.seed
        );
        for ((who, body), id) in bench_rows.iter().zip(&bench_ids) {
            let _ = writeln!(
                text,
                "applicant\tapplicant-{:06}@{DOMAIN}\t{id}\t{body}",
                who + 1
            );
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(format!(
        "dataset (seed {}): {organisations} organisations, {total_users} accounts, {} programmes \
         ({open_calls} open calls), {written_apps} applications, {documents_n} documents, \
         {reviews_n} reviews in {:.1} s; bench call: programme {bench_programme} ({} applications), \
         staff {STAFF_EMAIL}",
        o.seed,
        programme_ids.len(),
        started.elapsed().as_secs_f64(),
        counts[bench_index],
    ))
}

/// A line on stderr: how long the generation has taken so far.
fn progress(started: Instant, what: &str) {
    eprintln!(
        "dataset: {what} after {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Replaces the placeholders `-(index + 1)` in `ids` by the ids written.
fn resolve(pending: &mut [Id], written: &[Id]) {
    for id in pending.iter_mut().filter(|id| **id < 0) {
        if let Some(real) = usize::try_from(-*id - 1).ok().and_then(|i| written.get(i)) {
            *id = *real;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocation_adds_up_and_respects_the_cap() {
        let out = allocate(100, &[1.0, 2.0, 0.0, 1.0], 1_000);
        assert_eq!(out.iter().sum::<u64>(), 100);
        assert_eq!(out[2], 0);
        assert_eq!(out[1], 50);
        let capped = allocate(100, &[1.0, 100.0], 30);
        assert_eq!(capped, vec![30, 30]);
    }

    #[test]
    fn form_values_are_urlencoded() {
        assert_eq!(urlencode("São Paulo & co"), "S%C3%A3o+Paulo+%26+co");
        assert_eq!(urlencode("q.motivation"), "q.motivation");
    }

    #[test]
    fn the_generator_is_seeded() {
        let (mut a, mut b) = (Rng(7), Rng(7));
        assert!((0..100).all(|_| a.next() == b.next()));
        let now = Utc::now();
        let plans = plan_programmes(&mut Rng(1), 300, 5, 5, now).unwrap();
        assert_eq!(plans.len(), 300);
        let open: Vec<&Plan> = plans
            .iter()
            .filter(|p| p.status == ProgrammeStatus::CallOpen)
            .collect();
        assert!(!open.is_empty());
        assert_eq!(open[0].host, 0);
        for p in open {
            let (opens, closes) = p.call.unwrap();
            assert!(opens < now && now < closes, "an open call accepts today");
        }
    }
}
