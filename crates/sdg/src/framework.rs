//! The UN global indicator framework (goals, targets, indicators) as embedded
//! data, with titles in several languages.
//!
//! English wording is the UNSD framework after the 2025 Comprehensive Review
//! (A/RES/71/313 annex, E/CN.3/2025/6). Translations come from
//! open-sdg/sdg-translations (fr, es, ar, ru, zh-Hans; MIT) and KOSTAT's
//! sdg-translations (ko; MIT). See `data/README.md` for attribution.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

use crate::SdgError;

const GOALS_EN: &str = include_str!("../data/sdg_goals_en.csv");
const TARGETS_EN: &str = include_str!("../data/sdg_targets_en.csv");
const INDICATORS_EN: &str = include_str!("../data/sdg_indicators_en.csv");
const GOALS_ML: &str = include_str!("../data/translations/sdg_goals_multilang.csv");
const TARGETS_ML: &str = include_str!("../data/translations/sdg_targets_multilang.csv");
const INDICATORS_ML: &str = include_str!("../data/translations/sdg_indicators_multilang.csv");

/// Official UN SDG colours (UN Department of Global Communications guidelines).
const GOAL_COLOURS: [&str; 17] = [
    "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942",
    "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D",
    "#19486A",
];

/// A language in which titles can be asked for.
///
/// `Fa` (Persian) has no translation and always falls back to English; any
/// title missing in a translation also falls back to English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
    Ar,
    Zh,
    Ru,
    Ko,
    Fa,
}

impl Lang {
    /// Every supported language, English first.
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::Fr,
        Lang::Es,
        Lang::Ar,
        Lang::Zh,
        Lang::Ru,
        Lang::Ko,
        Lang::Fa,
    ];

    /// The languages that have their own translation columns (all but `Fa`).
    const TRANSLATED: [Lang; 6] = [Lang::Fr, Lang::Es, Lang::Ar, Lang::Ru, Lang::Zh, Lang::Ko];

    /// BCP 47-ish code: `en`, `fr`, `es`, `ar`, `zh`, `ru`, `ko`, `fa`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::Ru => "ru",
            Lang::Ko => "ko",
            Lang::Fa => "fa",
        }
    }

    /// Parses a language tag; accepts region/script subtags (`zh-Hans`,
    /// `fr-CH`, `pt_BR` → error). Case-insensitive.
    pub fn from_code(code: &str) -> Result<Lang, SdgError> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Ok(match primary.as_str() {
            "en" => Lang::En,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "ar" => Lang::Ar,
            "zh" => Lang::Zh,
            "ru" => Lang::Ru,
            "ko" => Lang::Ko,
            "fa" => Lang::Fa,
            _ => return Err(SdgError::UnknownLanguage(code.to_string())),
        })
    }

    fn column_suffix(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            other => other.code(),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Per-language strings; missing entries fall back to English.
#[derive(Debug, Clone, Default)]
struct Localized {
    by_lang: [Option<String>; 8],
}

impl Localized {
    fn en(text: &str) -> Self {
        let mut l = Localized::default();
        l.by_lang[Lang::En.index()] = Some(text.to_string());
        l
    }

    fn set(&mut self, lang: Lang, text: &str) {
        let t = text.trim();
        if !t.is_empty() {
            self.by_lang[lang.index()] = Some(t.to_string());
        }
    }

    fn get(&self, lang: Lang) -> &str {
        self.by_lang[lang.index()]
            .as_deref()
            .or(self.by_lang[Lang::En.index()].as_deref())
            .unwrap_or("")
    }

    fn has_own(&self, lang: Lang) -> bool {
        self.by_lang[lang.index()].is_some()
    }
}

/// One of the 17 Sustainable Development Goals.
#[derive(Debug, Clone)]
pub struct Goal {
    number: u8,
    colour: &'static str,
    short: Localized,
    title: Localized,
    targets: Vec<usize>,
}

impl Goal {
    /// Goal number, 1–17.
    pub fn number(&self) -> u8 {
        self.number
    }
    /// Official UN colour as `#RRGGBB`.
    pub fn colour(&self) -> &'static str {
        self.colour
    }
    /// Short title ("Clean water and sanitation"), English fallback.
    pub fn short_title(&self, lang: Lang) -> &str {
        self.short.get(lang)
    }
    /// Full title, English fallback.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
    /// Whether `lang` has its own translation (false means fallback to English).
    pub fn is_translated(&self, lang: Lang) -> bool {
        self.title.has_own(lang)
    }
}

/// One of the 169 targets, e.g. "6.3" or "11.a".
#[derive(Debug, Clone)]
pub struct Target {
    code: String,
    goal: u8,
    title: Localized,
    indicators: Vec<usize>,
}

impl Target {
    /// Target code, e.g. "6.3", "11.a".
    pub fn code(&self) -> &str {
        &self.code
    }
    /// The goal number this target belongs to.
    pub fn goal(&self) -> u8 {
        self.goal
    }
    /// Full title (the framework has no official short titles for targets;
    /// Korean titles are KOSTAT's condensed versions). English fallback.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
    /// Whether `lang` has its own translation.
    pub fn is_translated(&self, lang: Lang) -> bool {
        self.title.has_own(lang)
    }
}

/// One indicator row (251 rows; 235 distinct UNSD codes).
#[derive(Debug, Clone)]
pub struct Indicator {
    code: String,
    target: String,
    goal: u8,
    unsd_code: String,
    repeat_of: Vec<String>,
    title: Localized,
    translation_matches_2025_en: bool,
}

impl Indicator {
    /// Indicator number as listed under its target, e.g. "6.3.1".
    pub fn code(&self) -> &str {
        &self.code
    }
    /// The target this row is listed under.
    pub fn target(&self) -> &str {
        &self.target
    }
    /// The goal this row is listed under.
    pub fn goal(&self) -> u8 {
        self.goal
    }
    /// UNSD series code, e.g. "C060301"; shared by repeated indicators.
    pub fn unsd_code(&self) -> &str {
        &self.unsd_code
    }
    /// Other indicator numbers that are the same indicator (e.g. 1.5.1 →
    /// ["11.5.1", "13.1.1"]); empty when not repeated.
    pub fn repeat_of(&self) -> &[String] {
        &self.repeat_of
    }
    /// Full title, English fallback.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }
    /// Whether `lang` has its own translation.
    pub fn is_translated(&self, lang: Lang) -> bool {
        self.title.has_own(lang)
    }
    /// Whether the translations follow the current (2025) English wording.
    /// False for 28 rows whose English changed or which are new.
    pub fn translation_matches_2025_en(&self) -> bool {
        self.translation_matches_2025_en
    }
}

/// A distinct indicator (by UNSD code) with every number it is listed under.
#[derive(Debug, Clone)]
pub struct DistinctIndicator<'a> {
    /// UNSD code, e.g. "C200303".
    pub unsd_code: &'a str,
    /// The rows (first is the lowest goal number), e.g. 1.5.1, 11.5.1, 13.1.1.
    pub rows: Vec<&'a Indicator>,
}

/// The whole framework, parsed once from embedded data.
#[derive(Debug)]
pub struct Framework {
    goals: Vec<Goal>,
    targets: Vec<Target>,
    indicators: Vec<Indicator>,
    target_index: HashMap<String, usize>,
    indicator_index: HashMap<String, usize>,
    unsd_order: Vec<String>,
    unsd_index: HashMap<String, Vec<usize>>,
}

static FRAMEWORK: OnceLock<Framework> = OnceLock::new();

impl Framework {
    /// The embedded framework, parsed on first use.
    ///
    /// The embedded data is checked by this crate's tests, so parsing cannot
    /// fail in a released build; should it ever fail, this panics with the
    /// parse error (use [`Framework::parse_embedded`] to handle it).
    #[allow(clippy::panic)]
    pub fn get() -> &'static Framework {
        FRAMEWORK.get_or_init(|| match Framework::parse_embedded() {
            Ok(f) => f,
            Err(e) => panic!("embedded SDG framework data is invalid: {e}"),
        })
    }

    /// Parses the embedded CSV files (normally use [`Framework::get`]).
    pub fn parse_embedded() -> Result<Framework, SdgError> {
        parse(
            GOALS_EN,
            TARGETS_EN,
            INDICATORS_EN,
            GOALS_ML,
            TARGETS_ML,
            INDICATORS_ML,
        )
    }

    /// The 17 goals, in order.
    pub fn goals(&self) -> &[Goal] {
        &self.goals
    }
    /// The 169 targets, in framework order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }
    /// The 251 indicator rows, in framework order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }
    /// The 235 distinct indicators (grouped by UNSD code), in order of first row.
    pub fn distinct_indicators(&self) -> Vec<DistinctIndicator<'_>> {
        self.unsd_order
            .iter()
            .map(|code| DistinctIndicator {
                unsd_code: code,
                rows: self
                    .unsd_index
                    .get(code)
                    .map(|v| v.iter().map(|&i| &self.indicators[i]).collect())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Goal by number (1–17).
    pub fn goal(&self, number: u8) -> Option<&Goal> {
        if (1..=17).contains(&number) {
            self.goals.get(usize::from(number) - 1)
        } else {
            None
        }
    }
    /// Target by code ("6.3", "11.a"; case-insensitive, surrounding spaces ignored).
    pub fn target(&self, code: &str) -> Option<&Target> {
        self.target_index
            .get(&normalize_code(code))
            .map(|&i| &self.targets[i])
    }
    /// Indicator row by number ("6.3.1").
    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicator_index
            .get(&normalize_code(code))
            .map(|&i| &self.indicators[i])
    }
    /// All rows sharing a UNSD code ("C200303" → 1.5.1, 11.5.1, 13.1.1).
    pub fn indicators_by_unsd_code(&self, unsd_code: &str) -> Vec<&Indicator> {
        self.unsd_index
            .get(unsd_code.trim())
            .map(|v| v.iter().map(|&i| &self.indicators[i]).collect())
            .unwrap_or_default()
    }
    /// Targets of a goal, in order.
    pub fn targets_of(&self, goal: u8) -> Vec<&Target> {
        self.goal(goal)
            .map(|g| g.targets.iter().map(|&i| &self.targets[i]).collect())
            .unwrap_or_default()
    }
    /// Indicator rows of a target, in order.
    pub fn indicators_of(&self, target: &str) -> Vec<&Indicator> {
        self.target(target)
            .map(|t| t.indicators.iter().map(|&i| &self.indicators[i]).collect())
            .unwrap_or_default()
    }

    /// Checks that `goal` exists and `target` is one of its targets.
    pub fn target_belongs_to_goal(&self, target: &str, goal: u8) -> Result<(), SdgError> {
        if self.goal(goal).is_none() {
            return Err(SdgError::UnknownGoal(goal));
        }
        let t = self
            .target(target)
            .ok_or_else(|| SdgError::UnknownTarget(target.to_string()))?;
        if t.goal != goal {
            return Err(SdgError::TargetNotInGoal {
                target: t.code.clone(),
                goal,
                actual_goal: t.goal,
            });
        }
        Ok(())
    }

    /// Checks that `target` and `indicator` exist and the indicator is listed
    /// under the target — either as its own row or, for repeated indicators,
    /// through a twin row (so "13.1.1" belongs to "1.5" via 1.5.1).
    pub fn indicator_belongs_to_target(
        &self,
        indicator: &str,
        target: &str,
    ) -> Result<(), SdgError> {
        let t = self
            .target(target)
            .ok_or_else(|| SdgError::UnknownTarget(target.to_string()))?;
        let ind = self
            .indicator(indicator)
            .ok_or_else(|| SdgError::UnknownIndicator(indicator.to_string()))?;
        if ind.target == t.code {
            return Ok(());
        }
        let twin_ok = ind
            .repeat_of
            .iter()
            .filter_map(|c| self.indicator(c))
            .any(|twin| twin.target == t.code);
        if twin_ok {
            Ok(())
        } else {
            Err(SdgError::IndicatorNotInTarget {
                indicator: ind.code.clone(),
                target: t.code.clone(),
                actual_target: ind.target.clone(),
            })
        }
    }
}

fn normalize_code(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

type Records = Vec<HashMap<String, String>>;

fn read_csv(name: &str, text: &str) -> Result<Records, SdgError> {
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| SdgError::Data(format!("{name}: {e}")))?
        .clone();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| SdgError::Data(format!("{name}: {e}")))?;
        out.push(
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect(),
        );
    }
    Ok(out)
}

fn field<'a>(
    rec: &'a HashMap<String, String>,
    name: &str,
    file: &str,
) -> Result<&'a str, SdgError> {
    rec.get(name)
        .map(String::as_str)
        .ok_or_else(|| SdgError::Data(format!("{file}: missing column {name}")))
}

fn parse(
    goals_en: &str,
    targets_en: &str,
    indicators_en: &str,
    goals_ml: &str,
    targets_ml: &str,
    indicators_ml: &str,
) -> Result<Framework, SdgError> {
    let mut goals = Vec::new();
    for rec in read_csv("sdg_goals_en.csv", goals_en)? {
        let n: u8 = field(&rec, "goal", "sdg_goals_en.csv")?
            .parse()
            .map_err(|e| SdgError::Data(format!("sdg_goals_en.csv: goal: {e}")))?;
        if n as usize != goals.len() + 1 {
            return Err(SdgError::Data(format!(
                "sdg_goals_en.csv: goal {n} out of order"
            )));
        }
        let title = field(&rec, "title", "sdg_goals_en.csv")?;
        goals.push(Goal {
            number: n,
            colour: GOAL_COLOURS[usize::from(n) - 1],
            short: Localized::default(),
            title: Localized::en(title),
            targets: Vec::new(),
        });
    }
    for rec in read_csv("sdg_goals_multilang.csv", goals_ml)? {
        let f = "sdg_goals_multilang.csv";
        let n: usize = field(&rec, "goal", f)?
            .parse()
            .map_err(|e| SdgError::Data(format!("{f}: goal: {e}")))?;
        let g = goals
            .get_mut(n.wrapping_sub(1))
            .ok_or_else(|| SdgError::Data(format!("{f}: unknown goal {n}")))?;
        g.short.set(Lang::En, field(&rec, "short_en", f)?);
        for lang in Lang::TRANSLATED {
            let sfx = lang.column_suffix();
            g.short.set(lang, field(&rec, &format!("short_{sfx}"), f)?);
            g.title.set(lang, field(&rec, &format!("title_{sfx}"), f)?);
        }
    }

    let mut targets = Vec::new();
    let mut target_index = HashMap::new();
    for rec in read_csv("sdg_targets_en.csv", targets_en)? {
        let f = "sdg_targets_en.csv";
        let goal: u8 = field(&rec, "goal", f)?
            .parse()
            .map_err(|e| SdgError::Data(format!("{f}: goal: {e}")))?;
        let code = field(&rec, "target", f)?.to_string();
        let gi = usize::from(goal).wrapping_sub(1);
        let g = goals
            .get_mut(gi)
            .ok_or_else(|| SdgError::Data(format!("{f}: unknown goal {goal}")))?;
        g.targets.push(targets.len());
        target_index.insert(normalize_code(&code), targets.len());
        targets.push(Target {
            title: Localized::en(field(&rec, "title", f)?),
            code,
            goal,
            indicators: Vec::new(),
        });
    }
    for rec in read_csv("sdg_targets_multilang.csv", targets_ml)? {
        let f = "sdg_targets_multilang.csv";
        let code = field(&rec, "target", f)?;
        let &i = target_index
            .get(&normalize_code(code))
            .ok_or_else(|| SdgError::Data(format!("{f}: unknown target {code}")))?;
        for lang in Lang::TRANSLATED {
            targets[i].title.set(
                lang,
                field(&rec, &format!("title_{}", lang.column_suffix()), f)?,
            );
        }
    }

    let mut indicators = Vec::new();
    let mut indicator_index = HashMap::new();
    let mut unsd_order = Vec::new();
    let mut unsd_index: HashMap<String, Vec<usize>> = HashMap::new();
    for rec in read_csv("sdg_indicators_en.csv", indicators_en)? {
        let f = "sdg_indicators_en.csv";
        let goal: u8 = field(&rec, "goal", f)?
            .parse()
            .map_err(|e| SdgError::Data(format!("{f}: goal: {e}")))?;
        let target = field(&rec, "target", f)?.to_string();
        let code = field(&rec, "indicator", f)?.to_string();
        let unsd = field(&rec, "unsd_code", f)?.to_string();
        let &ti = target_index
            .get(&normalize_code(&target))
            .ok_or_else(|| SdgError::Data(format!("{f}: unknown target {target}")))?;
        if targets[ti].goal != goal {
            return Err(SdgError::Data(format!("{f}: {code} goal mismatch")));
        }
        let idx = indicators.len();
        targets[ti].indicators.push(idx);
        indicator_index.insert(normalize_code(&code), idx);
        let entry = unsd_index.entry(unsd.clone()).or_default();
        if entry.is_empty() {
            unsd_order.push(unsd.clone());
        }
        entry.push(idx);
        let repeat_of = field(&rec, "repeat_of", f)?
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        indicators.push(Indicator {
            title: Localized::en(field(&rec, "title", f)?),
            code,
            target,
            goal,
            unsd_code: unsd,
            repeat_of,
            translation_matches_2025_en: true,
        });
    }
    for rec in read_csv("sdg_indicators_multilang.csv", indicators_ml)? {
        let f = "sdg_indicators_multilang.csv";
        let code = field(&rec, "indicator", f)?;
        let &i = indicator_index
            .get(&normalize_code(code))
            .ok_or_else(|| SdgError::Data(format!("{f}: unknown indicator {code}")))?;
        indicators[i].translation_matches_2025_en =
            field(&rec, "translation_matches_2025_en", f)? == "yes";
        for lang in Lang::TRANSLATED {
            indicators[i].title.set(
                lang,
                field(&rec, &format!("title_{}", lang.column_suffix()), f)?,
            );
        }
    }

    Ok(Framework {
        goals,
        targets,
        indicators,
        target_index,
        indicator_index,
        unsd_order,
        unsd_index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_embedded() {
        let fw = Framework::parse_embedded().unwrap();
        assert_eq!(fw.goals().len(), 17);
        assert_eq!(fw.targets().len(), 169);
        assert_eq!(fw.indicators().len(), 251);
        assert_eq!(fw.distinct_indicators().len(), 235);
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("zh-Hans").unwrap(), Lang::Zh);
        assert_eq!(Lang::from_code("FR").unwrap(), Lang::Fr);
        assert!(Lang::from_code("de").is_err());
    }
}
