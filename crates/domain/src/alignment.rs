//! SDG alignment of a programme: the UCLG exercise table (strategic focus →
//! project example → goal → target → indicator), a stakeholder map and the
//! host centre's five answers; the suggestions still open for it; and the
//! network's coverage of the goals in a year, counted by a pure function.

use crate::organisation::string_enum;
use crate::programme::ProgrammeInput;
use crate::validate;
use crate::{DomainError, FieldErrors, Id, OrgId};
use chrono::{DateTime, Utc};
use miti_sdg::{Framework, Suggestion};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// SDG 5, gender equality: flagged wherever a course covers it.
pub const GENDER_EQUALITY: u8 = 5;
/// At most this many table rows and stakeholders each.
pub const MAX_ROWS: usize = 50;
/// Form indices above this are never read (a bound on what a request can allocate).
const MAX_FORM_INDEX: usize = 200;

string_enum!(
    /// How much a stakeholder can sway the plan.
    Influence {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
);

string_enum!(
    /// Where the centre stands with a stakeholder.
    Partnership {
        Existing = "existing",
        Potential = "potential",
        None = "none",
    }
);

string_enum!(
    /// The centre's answer to "is alignment with the SDGs a strength?".
    Strength {
        Yes = "yes",
        Partly = "partly",
        No = "no",
    }
);

/// One row of the exercise table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentRow {
    pub strategic_focus: String,
    pub project_example: String,
    /// 1–17.
    pub goal: u8,
    /// A target of `goal`, e.g. "6.3".
    pub target: Option<String>,
    /// An indicator of `target`, e.g. "6.3.1".
    pub indicator: Option<String>,
}

/// One entry of the stakeholder map: who plays a role in achieving the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stakeholder {
    /// An organisation or a group of people.
    pub organisation: String,
    pub role: String,
    pub interest: String,
    pub influence: Influence,
    pub partnership: Partnership,
}

/// The host centre's answers to the UCLG working session's five questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CentreAnswers {
    /// Content and focus of its courses.
    pub content_focus: String,
    pub partners: String,
    pub target_audience: String,
    /// Familiarity with the SDGs.
    pub sdg_familiarity: String,
    /// Is alignment a strength…
    pub alignment_strength: Option<Strength>,
    /// …and why.
    pub alignment_why: String,
}

/// Everything the alignment editor saves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignmentInput {
    pub rows: Vec<AlignmentRow>,
    pub stakeholders: Vec<Stakeholder>,
    pub answers: CentreAnswers,
}

impl AlignmentInput {
    /// The goals the table names, each once, in order.
    pub fn goals(&self) -> BTreeSet<u8> {
        self.rows.iter().map(|r| r.goal).collect()
    }
    /// The targets the table names, each once.
    pub fn targets(&self) -> BTreeSet<String> {
        self.rows.iter().filter_map(|r| r.target.clone()).collect()
    }
    /// Whether the course covers gender equality (SDG 5).
    pub fn covers_gender_equality(&self) -> bool {
        self.rows.iter().any(|r| r.goal == GENDER_EQUALITY)
    }
}

/// A programme's saved alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    pub programme_id: Id,
    /// Optimistic-locking version: 1 after the first save, bumped by each.
    pub version: i64,
    pub input: AlignmentInput,
    pub updated_at: DateTime<Utc>,
}

// ---- the form ---------------------------------------------------------------

/// One table row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RowForm {
    pub strategic_focus: String,
    pub project_example: String,
    pub goal: String,
    pub target: String,
    pub indicator: String,
    /// "on" when the row's remove box is ticked.
    pub remove: String,
}

impl RowForm {
    fn is_blank(&self) -> bool {
        [
            &self.strategic_focus,
            &self.project_example,
            &self.goal,
            &self.target,
            &self.indicator,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// One stakeholder as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StakeholderForm {
    pub organisation: String,
    pub role: String,
    pub interest: String,
    pub influence: String,
    pub partnership: String,
    pub remove: String,
}

impl StakeholderForm {
    fn is_blank(&self) -> bool {
        [&self.organisation, &self.role, &self.interest]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

/// The alignment form: every field a string, as typed. Table rows arrive
/// as `rows.N.field`, stakeholders as `stakeholders.N.field`; errors name
/// them the same way (`rows.2.target`). Blank and removed entries are
/// skipped, so a page can always offer a few empty ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignmentForm {
    pub rows: Vec<RowForm>,
    pub stakeholders: Vec<StakeholderForm>,
    pub content_focus: String,
    pub partners: String,
    pub target_audience: String,
    pub sdg_familiarity: String,
    pub alignment_strength: String,
    pub alignment_why: String,
    /// The version the edit started from ("0" before the first save).
    pub version: String,
}

/// `rows.3.goal` → (3, "goal").
fn indexed<'a>(key: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = key.strip_prefix(prefix)?.strip_prefix('.')?;
    let (n, field) = rest.split_once('.')?;
    let n: usize = n.parse().ok()?;
    (n <= MAX_FORM_INDEX).then_some((n, field))
}

impl AlignmentForm {
    /// Reads the urlencoded pairs of a submitted form. Unknown keys are
    /// ignored; gaps in the numbering close up, in index order.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut rows: BTreeMap<usize, RowForm> = BTreeMap::new();
        let mut people: BTreeMap<usize, StakeholderForm> = BTreeMap::new();
        let mut f = AlignmentForm::default();
        for (k, v) in pairs {
            let v = v.clone();
            if let Some((n, field)) = indexed(k, "rows") {
                let r = rows.entry(n).or_default();
                match field {
                    "strategic_focus" => r.strategic_focus = v,
                    "project_example" => r.project_example = v,
                    "goal" => r.goal = v,
                    "target" => r.target = v,
                    "indicator" => r.indicator = v,
                    "remove" => r.remove = v,
                    _ => {}
                }
            } else if let Some((n, field)) = indexed(k, "stakeholders") {
                let s = people.entry(n).or_default();
                match field {
                    "organisation" => s.organisation = v,
                    "role" => s.role = v,
                    "interest" => s.interest = v,
                    "influence" => s.influence = v,
                    "partnership" => s.partnership = v,
                    "remove" => s.remove = v,
                    _ => {}
                }
            } else {
                match k.as_str() {
                    "content_focus" => f.content_focus = v,
                    "partners" => f.partners = v,
                    "target_audience" => f.target_audience = v,
                    "sdg_familiarity" => f.sdg_familiarity = v,
                    "alignment_strength" => f.alignment_strength = v,
                    "alignment_why" => f.alignment_why = v,
                    "version" => f.version = v,
                    _ => {}
                }
            }
        }
        f.rows = rows.into_values().collect();
        f.stakeholders = people.into_values().collect();
        f
    }

    /// Parses every field against the SDG framework. Each problem is named
    /// by its field: `rows.2.target`, `stakeholders.0.influence`, `partners`.
    pub fn validate(&self, fw: &Framework) -> Result<AlignmentInput, DomainError> {
        let mut errs = FieldErrors::new();
        let mut rows = vec![];
        for (i, r) in self.rows.iter().enumerate() {
            if r.is_blank() || checked(&r.remove) {
                continue;
            }
            if let Some(row) = validate_row(&mut errs, fw, &format!("rows.{i}"), r) {
                rows.push(row);
            }
        }
        if rows.len() > MAX_ROWS {
            errs.add_with("rows", "too_many", &[("max", MAX_ROWS.to_string())]);
        }
        let mut stakeholders = vec![];
        for (i, s) in self.stakeholders.iter().enumerate() {
            if s.is_blank() || checked(&s.remove) {
                continue;
            }
            if let Some(s) = validate_stakeholder(&mut errs, &format!("stakeholders.{i}"), s) {
                stakeholders.push(s);
            }
        }
        if stakeholders.len() > MAX_ROWS {
            errs.add_with("stakeholders", "too_many", &[("max", MAX_ROWS.to_string())]);
        }
        let text = |errs: &mut FieldErrors, field: &str, v: &str| {
            validate::optional(errs, field, v, 2000).unwrap_or_default()
        };
        let answers = CentreAnswers {
            content_focus: text(&mut errs, "content_focus", &self.content_focus),
            partners: text(&mut errs, "partners", &self.partners),
            target_audience: text(&mut errs, "target_audience", &self.target_audience),
            sdg_familiarity: text(&mut errs, "sdg_familiarity", &self.sdg_familiarity),
            alignment_strength: match self.alignment_strength.trim() {
                "" => None,
                v => validate::choice(&mut errs, "alignment_strength", v, Strength::parse),
            },
            alignment_why: text(&mut errs, "alignment_why", &self.alignment_why),
        };
        errs.finish(AlignmentInput {
            rows,
            stakeholders,
            answers,
        })
    }

    /// The form showing a saved alignment (or an empty one at version 0).
    pub fn from_alignment(a: Option<&Alignment>) -> Self {
        match a {
            Some(a) => Self::from_input(&a.input, a.version),
            None => Self::from_input(&AlignmentInput::default(), 0),
        }
    }

    /// The form showing `i` as an edit from `version`.
    pub fn from_input(i: &AlignmentInput, version: i64) -> Self {
        AlignmentForm {
            rows: i
                .rows
                .iter()
                .map(|r| RowForm {
                    strategic_focus: r.strategic_focus.clone(),
                    project_example: r.project_example.clone(),
                    goal: r.goal.to_string(),
                    target: r.target.clone().unwrap_or_default(),
                    indicator: r.indicator.clone().unwrap_or_default(),
                    remove: String::new(),
                })
                .collect(),
            stakeholders: i
                .stakeholders
                .iter()
                .map(|s| StakeholderForm {
                    organisation: s.organisation.clone(),
                    role: s.role.clone(),
                    interest: s.interest.clone(),
                    influence: s.influence.as_str().into(),
                    partnership: s.partnership.as_str().into(),
                    remove: String::new(),
                })
                .collect(),
            content_focus: i.answers.content_focus.clone(),
            partners: i.answers.partners.clone(),
            target_audience: i.answers.target_audience.clone(),
            sdg_familiarity: i.answers.sdg_familiarity.clone(),
            alignment_strength: i
                .answers
                .alignment_strength
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            alignment_why: i.answers.alignment_why.clone(),
            version: version.to_string(),
        }
    }
}

fn checked(v: &str) -> bool {
    matches!(v.trim(), "on" | "true" | "1" | "yes")
}

/// A goal number 1–17, as typed ("6", "SDG 6", "06").
fn goal_number(errs: &mut FieldErrors, field: &str, v: &str) -> Option<u8> {
    let v = v.trim();
    let digits = v
        .strip_prefix("SDG")
        .or_else(|| v.strip_prefix("sdg"))
        .unwrap_or(v)
        .trim();
    if digits.is_empty() {
        errs.add(field, "required");
        return None;
    }
    match digits.parse::<u32>() {
        Ok(n @ 1..=17) => u8::try_from(n).ok(),
        Ok(_) => {
            errs.add_with(
                field,
                "out_of_range",
                &[("min", "1".into()), ("max", "17".into())],
            );
            None
        }
        Err(_) => {
            errs.add(field, "invalid_number");
            None
        }
    }
}

fn validate_row(
    errs: &mut FieldErrors,
    fw: &Framework,
    at: &str,
    r: &RowForm,
) -> Option<AlignmentRow> {
    let before = errs.0.len();
    let strategic_focus = validate::required(
        errs,
        &format!("{at}.strategic_focus"),
        &r.strategic_focus,
        300,
    );
    let project_example = validate::required(
        errs,
        &format!("{at}.project_example"),
        &r.project_example,
        1000,
    );
    let goal = goal_number(errs, &format!("{at}.goal"), &r.goal);
    let code = |v: &str| Some(v.trim().to_ascii_lowercase()).filter(|c| !c.is_empty());
    let target = code(&r.target);
    let indicator = code(&r.indicator);
    let target_field = format!("{at}.target");
    let target_ok = match (&target, goal) {
        (None, _) => false,
        (Some(t), goal) => match fw.target(t) {
            None => {
                errs.add(&target_field, "sdg_unknown_target");
                false
            }
            Some(found) => match goal {
                Some(g) if found.goal() != g => {
                    errs.add_with(
                        &target_field,
                        "sdg_target_not_in_goal",
                        &[("goal", g.to_string()), ("target", t.clone())],
                    );
                    false
                }
                _ => true,
            },
        },
    };
    if let Some(ind) = &indicator {
        let field = format!("{at}.indicator");
        if fw.indicator(ind).is_none() {
            errs.add(field, "sdg_unknown_indicator");
        } else if target.is_none() {
            errs.add(&target_field, "required");
        } else if let Some(t) = target.as_deref().filter(|_| target_ok)
            && fw.indicator_belongs_to_target(ind, t).is_err()
        {
            errs.add_with(
                field,
                "sdg_indicator_not_in_target",
                &[("target", t.to_string()), ("indicator", ind.clone())],
            );
        }
    }
    if errs.0.len() > before {
        return None;
    }
    Some(AlignmentRow {
        strategic_focus,
        project_example,
        goal: goal?,
        target,
        indicator,
    })
}

fn validate_stakeholder(
    errs: &mut FieldErrors,
    at: &str,
    s: &StakeholderForm,
) -> Option<Stakeholder> {
    let before = errs.0.len();
    let organisation =
        validate::required(errs, &format!("{at}.organisation"), &s.organisation, 200);
    let role = validate::required(errs, &format!("{at}.role"), &s.role, 500);
    let interest =
        validate::optional(errs, &format!("{at}.interest"), &s.interest, 500).unwrap_or_default();
    let influence = validate::choice(
        errs,
        &format!("{at}.influence"),
        &s.influence,
        Influence::parse,
    );
    let partnership = validate::choice(
        errs,
        &format!("{at}.partnership"),
        &s.partnership,
        Partnership::parse,
    );
    if errs.0.len() > before {
        return None;
    }
    Some(Stakeholder {
        organisation,
        role,
        interest,
        influence: influence?,
        partnership: partnership?,
    })
}

// ---- suggestions ------------------------------------------------------------

/// The text the suggester reads for a programme: title, summary and
/// description, in English where written, else the programme's main language.
pub fn suggestion_text(p: &ProgrammeInput) -> String {
    [&p.title, &p.summary, &p.description]
        .iter()
        .map(|t| t.get("en"))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The suggestions still worth showing: not a goal the table already has,
/// not one the centre dismissed.
pub fn open_suggestions(
    all: Vec<Suggestion>,
    aligned: &BTreeSet<u8>,
    dismissed: &BTreeSet<u8>,
) -> Vec<Suggestion> {
    all.into_iter()
        .filter(|s| !aligned.contains(&s.goal) && !dismissed.contains(&s.goal))
        .collect()
}

// ---- coverage ---------------------------------------------------------------

/// One programme as the coverage count sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageItem {
    pub programme_id: Id,
    pub centre: OrgId,
    pub themes: Vec<String>,
    pub goals: BTreeSet<u8>,
    pub targets: BTreeSet<String>,
}

impl CoverageItem {
    /// A programme with its alignment, if it has one.
    pub fn new(
        programme_id: Id,
        programme: &ProgrammeInput,
        alignment: Option<&AlignmentInput>,
    ) -> Self {
        CoverageItem {
            programme_id,
            centre: programme.host_org_id,
            themes: programme.themes.clone(),
            goals: alignment.map(AlignmentInput::goals).unwrap_or_default(),
            targets: alignment.map(AlignmentInput::targets).unwrap_or_default(),
        }
    }
}

/// Programmes covering each goal: `counts[g - 1]`.
pub type GoalCounts = [usize; 17];

/// One line of a heat map: a centre or a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageLine<K> {
    pub key: K,
    /// Its programmes in the year.
    pub programmes: usize,
    pub goals: GoalCounts,
}

/// The network's coverage of the goals among a set of programmes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub programmes: usize,
    /// Programmes with at least one table row.
    pub aligned: usize,
    pub goals: GoalCounts,
    /// Programmes naming each target, in the framework's order.
    pub targets: Vec<(String, usize)>,
    pub by_centre: Vec<CoverageLine<OrgId>>,
    pub by_theme: Vec<CoverageLine<String>>,
    /// Goals that no programme covers.
    pub uncovered: Vec<u8>,
    /// Programmes covering SDG 5.
    pub gender: Vec<Id>,
}

impl Coverage {
    /// Share of the programmes covering SDG 5, 0–1 (0 when there are none).
    pub fn gender_share(&self) -> f64 {
        if self.programmes == 0 {
            0.0
        } else {
            self.gender.len() as f64 / self.programmes as f64
        }
    }
    /// The largest count of any heat-map cell (at least 1).
    pub fn max_cell(&self) -> usize {
        self.by_centre
            .iter()
            .flat_map(|l| l.goals)
            .chain(self.by_theme.iter().flat_map(|l| l.goals))
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

/// "6.3" → (6, 0, 3); "6.a" → (6, 1, 'a'): targets in the framework's order.
fn target_order(code: &str) -> (u32, u8, u32, String) {
    let (g, t) = code.split_once('.').unwrap_or((code, ""));
    let g = g.parse().unwrap_or(u32::MAX);
    match t.parse::<u32>() {
        Ok(n) => (g, 0, n, String::new()),
        Err(_) => (g, 1, 0, t.to_string()),
    }
}

fn add_goals(counts: &mut GoalCounts, goals: &BTreeSet<u8>) {
    for g in goals {
        if let Some(c) = usize::from(*g)
            .checked_sub(1)
            .and_then(|i| counts.get_mut(i))
        {
            *c += 1;
        }
    }
}

fn line<'a, K: Ord + Clone>(
    lines: &'a mut BTreeMap<K, CoverageLine<K>>,
    key: &K,
) -> &'a mut CoverageLine<K> {
    lines.entry(key.clone()).or_insert_with(|| CoverageLine {
        key: key.clone(),
        programmes: 0,
        goals: [0; 17],
    })
}

/// Counts which goals and targets the programmes cover, overall, by host
/// centre and by theme (a programme with two themes counts in both). Each
/// programme counts once per goal however many rows name it.
pub fn coverage(items: &[CoverageItem]) -> Coverage {
    let mut goals = [0; 17];
    let mut targets: BTreeMap<String, usize> = BTreeMap::new();
    let mut centres: BTreeMap<OrgId, CoverageLine<OrgId>> = BTreeMap::new();
    let mut themes: BTreeMap<String, CoverageLine<String>> = BTreeMap::new();
    let mut aligned = 0;
    let mut gender = vec![];
    for it in items {
        if !it.goals.is_empty() {
            aligned += 1;
        }
        add_goals(&mut goals, &it.goals);
        for t in &it.targets {
            *targets.entry(t.clone()).or_default() += 1;
        }
        let c = line(&mut centres, &it.centre);
        c.programmes += 1;
        add_goals(&mut c.goals, &it.goals);
        let mut seen = BTreeSet::new();
        for theme in it.themes.iter().filter(|t| seen.insert(*t)) {
            let l = line(&mut themes, theme);
            l.programmes += 1;
            add_goals(&mut l.goals, &it.goals);
        }
        if it.goals.contains(&GENDER_EQUALITY) {
            gender.push(it.programme_id);
        }
    }
    let mut targets: Vec<(String, usize)> = targets.into_iter().collect();
    targets.sort_by_key(|(code, _)| target_order(code));
    let uncovered = (1..=17u8)
        .filter(|g| goals[usize::from(*g) - 1] == 0)
        .collect();
    Coverage {
        programmes: items.len(),
        aligned,
        goals,
        targets,
        by_centre: centres.into_values().collect(),
        by_theme: themes.into_values().collect(),
        uncovered,
        gender,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fw() -> &'static Framework {
        Framework::get()
    }

    fn row(goal: &str, target: &str, indicator: &str) -> RowForm {
        RowForm {
            strategic_focus: "Safe water for every district".into(),
            project_example: "Leak detection in Seoul's water network".into(),
            goal: goal.into(),
            target: target.into(),
            indicator: indicator.into(),
            remove: String::new(),
        }
    }

    fn people(influence: &str, partnership: &str) -> StakeholderForm {
        StakeholderForm {
            organisation: "Seoul Waterworks".into(),
            role: "Operates the network".into(),
            interest: "Fewer losses".into(),
            influence: influence.into(),
            partnership: partnership.into(),
            remove: String::new(),
        }
    }

    fn fields(e: DomainError) -> Vec<(String, &'static str)> {
        let DomainError::Invalid(e) = e else {
            panic!("expected validation errors, got {e:?}")
        };
        e.0.into_iter().map(|x| (x.field, x.code)).collect()
    }

    #[test]
    fn a_good_form_parses() {
        let f = AlignmentForm {
            rows: vec![
                row("6", "6.3", "6.3.1"),
                row("SDG 5", "5.5", ""),
                row("11", "11.A", ""),
            ],
            stakeholders: vec![people("high", "existing")],
            alignment_strength: "partly".into(),
            content_focus: "Water management".into(),
            ..Default::default()
        };
        let a = f.validate(fw()).unwrap();
        assert_eq!(a.rows.len(), 3);
        assert_eq!(a.rows[0].target.as_deref(), Some("6.3"));
        assert_eq!(a.rows[0].indicator.as_deref(), Some("6.3.1"));
        assert_eq!(
            a.rows[2].target.as_deref(),
            Some("11.a"),
            "codes normalised"
        );
        assert_eq!(a.goals(), BTreeSet::from([5, 6, 11]));
        assert!(a.covers_gender_equality());
        assert_eq!(a.stakeholders[0].influence, Influence::High);
        assert_eq!(a.answers.alignment_strength, Some(Strength::Partly));
    }

    #[test]
    fn a_target_must_belong_to_its_goal_and_an_indicator_to_its_target() {
        let f = AlignmentForm {
            rows: vec![
                row("6", "6.3", "6.3.1"),
                row("7", "6.3", ""),
                row("6", "6.3", "6.1.1"),
                row("6", "6.99", ""),
                row("6", "", "6.3.1"),
                row("6", "6.3", "9.9.9"),
            ],
            ..Default::default()
        };
        let got = fields(f.validate(fw()).unwrap_err());
        assert_eq!(
            got,
            vec![
                ("rows.1.target".to_string(), "sdg_target_not_in_goal"),
                (
                    "rows.2.indicator".to_string(),
                    "sdg_indicator_not_in_target"
                ),
                ("rows.3.target".to_string(), "sdg_unknown_target"),
                ("rows.4.target".to_string(), "required"),
                ("rows.5.indicator".to_string(), "sdg_unknown_indicator"),
            ]
        );
    }

    #[test]
    fn a_repeated_indicator_belongs_to_each_of_its_targets() {
        // 13.1.1 is listed under 13.1 and again under 1.5 (as 1.5.1).
        let f = AlignmentForm {
            rows: vec![row("1", "1.5", "13.1.1"), row("13", "13.1", "13.1.1")],
            ..Default::default()
        };
        assert!(f.validate(fw()).is_ok());
    }

    #[test]
    fn bad_input_names_the_field() {
        let f = AlignmentForm {
            rows: vec![
                row("18", "", ""),
                RowForm {
                    strategic_focus: String::new(),
                    project_example: "x".repeat(1001),
                    goal: "six".into(),
                    ..Default::default()
                },
                row("", "", ""),
            ],
            stakeholders: vec![
                people("huge", "maybe"),
                StakeholderForm {
                    interest: "Only an interest".into(),
                    ..Default::default()
                },
            ],
            alignment_strength: "always".into(),
            partners: "p".repeat(2001),
            ..Default::default()
        };
        let got = fields(f.validate(fw()).unwrap_err());
        for (field, code) in [
            ("rows.0.goal", "out_of_range"),
            ("rows.1.strategic_focus", "required"),
            ("rows.1.project_example", "too_long"),
            ("rows.1.goal", "invalid_number"),
            ("rows.2.goal", "required"),
            ("stakeholders.0.influence", "invalid_choice"),
            ("stakeholders.0.partnership", "invalid_choice"),
            ("stakeholders.1.organisation", "required"),
            ("stakeholders.1.role", "required"),
            ("stakeholders.1.influence", "required"),
            ("alignment_strength", "invalid_choice"),
            ("partners", "too_long"),
        ] {
            assert!(
                got.contains(&(field.to_string(), code)),
                "{field} {code} in {got:?}"
            );
        }
    }

    #[test]
    fn blank_and_removed_entries_are_skipped_and_the_form_round_trips() {
        let mut removed = row("99", "nonsense", "");
        removed.remove = "on".into();
        let f = AlignmentForm {
            rows: vec![RowForm::default(), row("6", "6.3", ""), removed],
            stakeholders: vec![StakeholderForm {
                influence: "low".into(),
                partnership: "none".into(),
                ..Default::default()
            }],
            version: "3".into(),
            ..Default::default()
        };
        let input = f.validate(fw()).unwrap();
        assert_eq!(input.rows.len(), 1);
        assert!(input.stakeholders.is_empty());
        let saved = Alignment {
            programme_id: 1,
            version: 3,
            input: input.clone(),
            updated_at: Utc::now(),
        };
        let again = AlignmentForm::from_alignment(Some(&saved));
        assert_eq!(again.version, "3");
        assert_eq!(again.validate(fw()).unwrap(), input);
        assert_eq!(AlignmentForm::from_alignment(None).version, "0");
    }

    #[test]
    fn choices_serialise_as_the_form_writes_them() {
        for p in Partnership::ALL {
            assert_eq!(
                serde_json::to_string(p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
        for i in Influence::ALL {
            assert_eq!(
                serde_json::to_string(i).unwrap(),
                format!("\"{}\"", i.as_str())
            );
        }
        for s in Strength::ALL {
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }

    #[test]
    fn pairs_become_rows_in_index_order() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let f = AlignmentForm::from_pairs(&[
            p("rows.10.goal", "11"),
            p("rows.2.goal", "6"),
            p("rows.2.target", "6.3"),
            p("rows.9999.goal", "1"),
            p("rows.x.goal", "1"),
            p("stakeholders.0.influence", "high"),
            p("alignment_why", "Because"),
            p("version", "2"),
            p("csrf_token", "t"),
        ]);
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[0].goal, "6");
        assert_eq!(f.rows[0].target, "6.3");
        assert_eq!(f.rows[1].goal, "11");
        assert_eq!(f.stakeholders[0].influence, "high");
        assert_eq!(f.alignment_why, "Because");
        assert_eq!(f.version, "2");
    }

    #[test]
    fn suggestions_leave_out_aligned_and_dismissed_goals() {
        let s = |goal| Suggestion {
            goal,
            score: 0.9,
            evidence: vec![],
            targets: vec![],
        };
        let open = open_suggestions(
            vec![s(6), s(11), s(13)],
            &BTreeSet::from([6]),
            &BTreeSet::from([13]),
        );
        assert_eq!(open.iter().map(|x| x.goal).collect::<Vec<_>>(), [11]);
    }

    fn item(
        id: Id,
        centre: OrgId,
        themes: &[&str],
        targets: &[&str],
        goals: &[u8],
    ) -> CoverageItem {
        let mut g: BTreeSet<u8> = goals.iter().copied().collect();
        for t in targets {
            g.insert(target_order(t).0 as u8);
        }
        CoverageItem {
            programme_id: id,
            centre,
            themes: themes.iter().map(|t| t.to_string()).collect(),
            goals: g,
            targets: targets.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn coverage_sums_on_a_small_fixture() {
        // Centre 1 (Seoul): water (6.1, 6.3, 5) and governance (16.6, 5.5);
        // centre 2 (Cairo): water + urban (6.3, 11.a, 11.1); centre 3 has an
        // unaligned course.
        let items = vec![
            item(10, 1, &["water"], &["6.1", "6.3"], &[5]),
            item(11, 1, &["governance"], &["16.6", "5.5"], &[]),
            item(
                20,
                2,
                &["water", "urban", "water"],
                &["6.3", "11.a", "11.1"],
                &[],
            ),
            item(30, 3, &["urban"], &[], &[]),
        ];
        let c = coverage(&items);
        assert_eq!(c.programmes, 4);
        assert_eq!(c.aligned, 3);
        let n = |g: usize| c.goals[g - 1];
        assert_eq!((n(5), n(6), n(11), n(16), n(1)), (2, 2, 1, 1, 0));
        assert_eq!(
            c.targets,
            vec![
                ("5.5".to_string(), 1),
                ("6.1".to_string(), 1),
                ("6.3".to_string(), 2),
                ("11.1".to_string(), 1),
                ("11.a".to_string(), 1),
                ("16.6".to_string(), 1),
            ]
        );
        let mut uncovered: Vec<u8> = (1..=17).collect();
        uncovered.retain(|g| ![5, 6, 11, 16].contains(g));
        assert_eq!(c.uncovered, uncovered);
        assert_eq!(c.by_centre.len(), 3);
        let seoul = &c.by_centre[0];
        assert_eq!((seoul.key, seoul.programmes), (1, 2));
        assert_eq!((seoul.goals[4], seoul.goals[5], seoul.goals[15]), (2, 1, 1));
        assert_eq!(c.by_centre[2].goals, [0; 17]);
        let water = c.by_theme.iter().find(|l| l.key == "water").unwrap();
        assert_eq!(water.programmes, 2, "a repeated theme counts once");
        assert_eq!((water.goals[5], water.goals[4], water.goals[10]), (2, 1, 1));
        let urban = c.by_theme.iter().find(|l| l.key == "urban").unwrap();
        assert_eq!((urban.programmes, urban.goals[10]), (2, 1));
        assert_eq!(c.gender, vec![10, 11]);
        assert!((c.gender_share() - 0.5).abs() < 1e-9);
        assert_eq!(c.max_cell(), 2);
        let empty = coverage(&[]);
        assert_eq!(empty.gender_share(), 0.0);
        assert_eq!(empty.uncovered.len(), 17);
        assert_eq!(empty.max_cell(), 1);
    }
}
