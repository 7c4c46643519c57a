#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Framework data: counts in every language (with fallback), lookups and
//! validation.

use std::collections::HashSet;

use miti_sdg::{Framework, Lang, SdgError};

#[test]
fn counts_in_every_language_with_fallback() {
    let fw = Framework::get();
    for lang in Lang::ALL {
        let goals: Vec<&str> = fw.goals().iter().map(|g| g.title(lang)).collect();
        let shorts: Vec<&str> = fw.goals().iter().map(|g| g.short_title(lang)).collect();
        let targets: Vec<&str> = fw.targets().iter().map(|t| t.title(lang)).collect();
        let indicators: Vec<&str> = fw.indicators().iter().map(|i| i.title(lang)).collect();
        assert_eq!(goals.len(), 17, "{lang}");
        assert_eq!(shorts.len(), 17, "{lang}");
        assert_eq!(targets.len(), 169, "{lang}");
        assert_eq!(indicators.len(), 251, "{lang}");
        assert!(
            goals
                .iter()
                .chain(&shorts)
                .chain(&targets)
                .chain(&indicators)
                .all(|t| !t.trim().is_empty()),
            "{lang}: empty title"
        );
        let distinct: HashSet<&str> = fw.indicators().iter().map(|i| i.unsd_code()).collect();
        assert_eq!(distinct.len(), 235);
        assert_eq!(fw.distinct_indicators().len(), 235);
    }
    let codes: HashSet<&str> = fw.indicators().iter().map(|i| i.code()).collect();
    assert_eq!(codes.len(), 251);
    let rows: usize = fw.distinct_indicators().iter().map(|d| d.rows.len()).sum();
    assert_eq!(rows, 251);
    assert_eq!(
        fw.distinct_indicators()
            .iter()
            .filter(|d| d.rows.len() > 1)
            .count(),
        12
    );
}

#[test]
fn persian_and_missing_translations_fall_back_to_english() {
    let fw = Framework::get();
    for g in fw.goals() {
        assert_eq!(g.title(Lang::Fa), g.title(Lang::En));
        assert_eq!(g.short_title(Lang::Fa), g.short_title(Lang::En));
        assert!(!g.is_translated(Lang::Fa));
        assert!(g.is_translated(Lang::Ko));
    }
    for t in fw.targets() {
        assert_eq!(t.title(Lang::Fa), t.title(Lang::En));
    }
    // New in the 2025 review: no translation yet.
    for code in ["2.2.4", "11.5.3"] {
        let i = fw.indicator(code).unwrap();
        for lang in [Lang::Fr, Lang::Es, Lang::Ar, Lang::Zh, Lang::Ru, Lang::Ko] {
            assert!(!i.is_translated(lang), "{code} {lang}");
            assert_eq!(i.title(lang), i.title(Lang::En));
        }
        assert!(!i.translation_matches_2025_en());
    }
    let stale = fw
        .indicators()
        .iter()
        .filter(|i| !i.translation_matches_2025_en())
        .count();
    assert_eq!(stale, 28);
}

#[test]
fn translations_are_real() {
    let fw = Framework::get();
    let g6 = fw.goal(6).unwrap();
    assert_eq!(g6.short_title(Lang::En), "Clean water and sanitation");
    assert_eq!(g6.short_title(Lang::Fr), "Eau propre et assainissement");
    assert_eq!(g6.short_title(Lang::Es), "Agua Limpia y Saneamiento");
    assert_eq!(g6.short_title(Lang::Ar), "المياه النظيفة والصرف الصحي");
    assert_eq!(g6.short_title(Lang::Ru), "Чистая вода и санитария");
    assert_eq!(g6.short_title(Lang::Zh), "清洁饮水和卫生设施");
    assert_eq!(g6.short_title(Lang::Ko), "깨끗한 물과 위생 보장");
    assert_eq!(Lang::from_code("zh-Hans").unwrap(), Lang::Zh);
    assert!(matches!(
        Lang::from_code("de"),
        Err(SdgError::UnknownLanguage(_))
    ));
}

#[test]
fn lookups_by_code() {
    let fw = Framework::get();
    let g = fw.goal(1).unwrap();
    assert_eq!((g.number(), g.colour()), (1, "#E5243B"));
    assert_eq!(fw.goal(6).unwrap().colour(), "#26BDE2");
    assert_eq!(fw.goal(11).unwrap().colour(), "#FD9D24");
    assert!(fw.goal(0).is_none() && fw.goal(18).is_none());
    let t = fw.target("11.a").unwrap();
    assert_eq!((t.code(), t.goal()), ("11.a", 11));
    assert_eq!(fw.target(" 11.A ").unwrap().code(), "11.a");
    assert!(fw.target("6.99").is_none());
    let i = fw.indicator("6.3.1").unwrap();
    assert_eq!((i.target(), i.goal()), ("6.3", 6));
    assert!(i.title(Lang::En).to_lowercase().contains("wastewater"));
    assert_eq!(fw.targets_of(6).len(), 8);
    assert_eq!(fw.indicators_of("6.3").len(), 2);
    let twins: Vec<&str> = fw
        .indicators_by_unsd_code("C200303")
        .iter()
        .map(|i| i.code())
        .collect();
    assert_eq!(twins, ["1.5.1", "11.5.1", "13.1.1"]);
    assert_eq!(
        fw.indicator("1.5.1").unwrap().repeat_of(),
        ["11.5.1", "13.1.1"]
    );
}

#[test]
fn target_validation_names_bad_code() {
    let fw = Framework::get();
    fw.target_belongs_to_goal("6.3", 6).unwrap();
    fw.target_belongs_to_goal("11.a", 11).unwrap();
    let e = fw.target_belongs_to_goal("6.3", 7).unwrap_err();
    assert!(matches!(
        e,
        SdgError::TargetNotInGoal { actual_goal: 6, .. }
    ));
    assert!(e.to_string().contains("6.3") && e.to_string().contains('7'));
    let e = fw.target_belongs_to_goal("6.99", 6).unwrap_err();
    assert!(e.to_string().contains("6.99"));
    let e = fw.target_belongs_to_goal("6.3", 18).unwrap_err();
    assert!(matches!(e, SdgError::UnknownGoal(18)));
}

#[test]
fn indicator_validation_names_bad_code() {
    let fw = Framework::get();
    fw.indicator_belongs_to_target("6.3.1", "6.3").unwrap();
    // Repeated indicators belong to each twin's target.
    fw.indicator_belongs_to_target("13.1.1", "1.5").unwrap();
    fw.indicator_belongs_to_target("1.5.1", "11.5").unwrap();
    let e = fw.indicator_belongs_to_target("6.3.1", "6.4").unwrap_err();
    assert!(e.to_string().contains("6.3.1") && e.to_string().contains("6.4"));
    let e = fw.indicator_belongs_to_target("6.3.9", "6.3").unwrap_err();
    assert!(matches!(&e, SdgError::UnknownIndicator(c) if c == "6.3.9"));
    let e = fw.indicator_belongs_to_target("6.3.1", "6.x").unwrap_err();
    assert!(e.to_string().contains("6.x"));
}
