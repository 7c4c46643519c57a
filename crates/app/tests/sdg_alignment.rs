//! Story tests of SDG alignment and coverage (issue 5, parts 2 and 3), on
//! SQLite and PostgreSQL: centre staff align a programme (a validation
//! error naming the row's field, then success), another centre's staff get
//! 404, suggestions are accepted and rejected, the API returns the rows,
//! and the coverage page and its CSV count the year's programmes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, Browser, TestApp, form_with, location_id, programme_form};
use reqwest::StatusCode;
use serde_json::Value;

on_both_backends!(alignment_editing_suggestions_and_api, coverage_and_csv);

/// Creates a programme for 2029 (a year without demo programmes) and moves
/// it to `planned`, so that it is public, unless `draft`.
async fn programme(
    b: &Browser,
    host: &str,
    title: &str,
    summary: &str,
    theme: &str,
    draft: bool,
) -> i64 {
    let form = form_with(
        programme_form(host, title),
        &[
            ("main_language", "en"),
            ("title_ko", ""),
            ("summary_ko", ""),
            ("summary_en", summary),
            ("themes", theme),
            ("arrival", "2029-05-06"),
            ("departure", "2029-05-11"),
        ],
    );
    let r = b.post_form("/programmes", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "create {title}");
    let id = location_id(&r, "/programmes/");
    if !draft {
        let r = b
            .post_form(&format!("/programmes/{id}/status"), &[("to", "planned")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    id
}

/// Saves an alignment from version 0 with the given rows (goal, target).
async fn align(b: &Browser, id: i64, rows: &[(&str, &str)]) {
    let mut form: Vec<(String, String)> = vec![("version".into(), "0".into())];
    for (i, (goal, target)) in rows.iter().enumerate() {
        for (k, v) in [
            ("strategic_focus", "Focus"),
            ("project_example", "Example"),
            ("goal", goal),
            ("target", target),
        ] {
            form.push((format!("rows.{i}.{k}"), v.to_string()));
        }
    }
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = b
        .post_form(&format!("/programmes/{id}/sdg-alignment"), &fields)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "align {id}");
}

const WATER: &str = "Wastewater treatment, sanitation and drinking water supply for growing cities: \
     water utilities, leak detection, river restoration and water quality.";

async fn alignment_editing_suggestions_and_api(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let seoul = app.org_id("shrdc").await.to_string();
    let staff = app.signed_in("staff@seoul.demo").await;
    let cairo_staff = app.signed_in("staff@cairo.demo").await;
    let id = programme(
        &staff,
        &seoul,
        "Urban water and sanitation",
        WATER,
        "water-management",
        false,
    )
    .await;
    let editor = format!("/programmes/{id}/sdg-alignment");

    // The editor suggests SDG 6 from the programme's texts, with evidence.
    let (s, html) = staff.get_text(&editor).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains(r#"name="accept" value="6""#),
        "SDG 6 suggested"
    );
    assert!(html.contains("wastewater"), "evidence shown");

    // Another centre's staff: 404 on the editor and on every write.
    assert_eq!(cairo_staff.status(&editor).await, StatusCode::NOT_FOUND);
    let r = cairo_staff
        .post_form(&editor, &[("version", "0"), ("rows.0.goal", "6")])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let answers = format!("{editor}/suggestions");
    let r = cairo_staff
        .post_form(&answers, &[("goal", "6"), ("decision", "reject")])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // A focal point may not edit alignments at all.
    let focal = app.signed_in("focal@dakar.demo").await;
    assert_eq!(focal.status(&editor).await, StatusCode::FORBIDDEN);

    // Rejecting a suggestion is remembered; it can be restored.
    let r = staff
        .post_form(&answers, &[("goal", "6"), ("decision", "reject")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = staff.get_text(&editor).await;
    assert!(
        !html.contains(r#"name="accept" value="6""#),
        "rejected: not suggested again"
    );
    assert!(html.contains(r#"name="decision" value="restore""#));
    let r = staff
        .post_form(&answers, &[("goal", "6"), ("decision", "restore")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = staff.get_text(&editor).await;
    assert!(html.contains(r#"name="accept" value="6""#), "restored");
    let r = staff
        .post_form(&answers, &[("goal", "18"), ("decision", "reject")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Accepting one adds a row prefilled with its goal and target.
    let (s, html) = staff
        .get_text(&format!("{editor}?accept=6&target=6.3"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains(r#"<option value="6" selected>"#),
        "goal prefilled"
    );
    assert!(
        html.contains(r#"name="rows.0.target" value="6.3""#),
        "target prefilled"
    );

    // A target of another goal: 422, the field named, the typed text kept.
    let mut form = vec![
        ("version", "0"),
        ("rows.0.strategic_focus", "Clean rivers"),
        (
            "rows.0.project_example",
            "Leak detection in the Han river basin",
        ),
        ("rows.0.goal", "6"),
        ("rows.0.target", "6.3"),
        ("rows.0.indicator", "6.3.1"),
        ("rows.1.strategic_focus", "Women in water utilities"),
        ("rows.1.project_example", "Mentoring for women engineers"),
        ("rows.1.goal", "5"),
        ("rows.1.target", "6.3"),
        ("stakeholders.0.organisation", "Seoul Waterworks Authority"),
        ("stakeholders.0.role", "Runs the network"),
        ("stakeholders.0.interest", "Fewer losses"),
        ("stakeholders.0.influence", "high"),
        ("stakeholders.0.partnership", "existing"),
        ("content_focus", "Urban water management"),
        ("alignment_strength", "yes"),
        ("alignment_why", "Every course names its goals"),
    ];
    let r = staff.post_form(&editor, &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains(r#"id="rows.1.target-error""#),
        "rows.1.target named"
    );
    assert!(html.contains("does not belong to goal"));
    assert!(
        html.contains("Mentoring for women engineers"),
        "typed text kept"
    );

    form.retain(|(k, _)| *k != "rows.1.target");
    form.push(("rows.1.target", "5.5"));
    let r = staff.post_form(&editor, &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with(&format!("/programmes/{id}"))
    );
    // Saving again from version 0 is a conflict, not an overwrite.
    let r = staff.post_form(&editor, &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(r#"name="version" value="1""#)
    );

    // The staff page and the public page show the table and the SDG 5 badge;
    // the aligned goal is no longer suggested.
    let (_, html) = staff.get_text(&format!("/programmes/{id}")).await;
    assert!(html.contains("Leak detection in the Han river basin"));
    assert!(html.contains("Gender equality (SDG 5)"));
    assert!(html.contains("Seoul Waterworks Authority"));
    let (s, html) = app.browser().get_text(&format!("/catalogue/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("Mentoring for women engineers") && html.contains("Gender equality (SDG 5)")
    );
    assert!(!html.contains(&editor), "no editor link in public");
    let (_, html) = staff.get_text(&editor).await;
    assert!(!html.contains(r#"name="accept" value="6""#));

    // The public API returns the rows; a draft answers 404 like the programme.
    let v: Value = app
        .browser()
        .get(&format!("/api/v1/programmes/{id}/sdg-alignment"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["goals"], serde_json::json!([5, 6]));
    assert_eq!(v["covers_gender_equality"], true);
    assert_eq!(v["rows"][0]["target"], "6.3");
    assert_eq!(v["rows"][0]["indicator"], "6.3.1");
    assert_eq!(v["rows"][1]["goal"], 5);
    assert_eq!(v["stakeholders"][0]["influence"], "high");
    assert_eq!(v["answers"]["alignment_strength"], "yes");
    let draft = programme(
        &staff,
        &seoul,
        "Draft water course",
        WATER,
        "water-management",
        true,
    )
    .await;
    let r = app
        .browser()
        .get(&format!("/api/v1/programmes/{draft}/sdg-alignment"))
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // Every write left its audit row.
    let admin = app.signed_in("admin@secretariat.demo").await;
    let (_, audit) = admin.get_text("/audit?action=sdg_").await;
    for action in [
        "sdg_alignment.save",
        "sdg_suggestion.dismiss",
        "sdg_suggestion.restore",
    ] {
        assert!(audit.contains(action), "{action} audited");
    }
}

/// The `programmes` column of the CSV row `scope,group_id,…,goal,target`.
fn count(csv: &str, scope: &str, group_id: &str, goal: &str, target: &str) -> i64 {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[0] == scope && &rec[1] == group_id && &rec[3] == goal && &rec[4] == target {
            return rec[5].parse().unwrap();
        }
    }
    panic!("no row {scope},{group_id},…,{goal},{target} in\n{csv}");
}

async fn coverage_and_csv(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let seoul = app.org_id("shrdc").await.to_string();
    let cairo = app.org_id("cairo-centre").await.to_string();
    let staff = app.signed_in("staff@seoul.demo").await;
    let cairo_staff = app.signed_in("staff@cairo.demo").await;
    let admin = app.signed_in("admin@secretariat.demo").await;
    // 2029: Seoul water (6.3, 5.5), Seoul governance (16.6), Cairo urban
    // (11.1, 6.1, 5) published, Cairo's draft (13.1), and one not aligned.
    let a = programme(&staff, &seoul, "Water", WATER, "water-management", false).await;
    align(&staff, a, &[("6", "6.3"), ("5", "5.5")]).await;
    let b = programme(
        &staff,
        &seoul,
        "Governance",
        "Open data",
        "governance",
        false,
    )
    .await;
    align(&staff, b, &[("16", "16.6")]).await;
    let c = programme(
        &cairo_staff,
        &cairo,
        "Informal areas",
        "Housing",
        "urban-management",
        false,
    )
    .await;
    align(&cairo_staff, c, &[("11", "11.1"), ("6", "6.1"), ("5", "")]).await;
    let d = programme(
        &cairo_staff,
        &cairo,
        "Floods",
        "Flood risk",
        "climate-change",
        true,
    )
    .await;
    align(&cairo_staff, d, &[("13", "13.1")]).await;
    programme(&staff, &seoul, "Transport", "Buses", "transport", false).await;

    // The network admin sees all five; Seoul staff not Cairo's draft.
    let (s, csv) = admin.get_text("/sdg/coverage.csv?year=2029").await;
    assert_eq!(s, StatusCode::OK);
    assert!(csv.starts_with("scope,group_id,group,goal,target,programmes"));
    assert_eq!(count(&csv, "network", "", "", ""), 5);
    assert_eq!(count(&csv, "network", "", "6", ""), 2);
    assert_eq!(count(&csv, "network", "", "5", ""), 2);
    assert_eq!(count(&csv, "network", "", "13", ""), 1);
    assert_eq!(count(&csv, "network", "", "1", ""), 0);
    assert_eq!(count(&csv, "network", "", "6", "6.3"), 1);
    assert_eq!(count(&csv, "network", "", "11", "11.1"), 1);
    assert_eq!(count(&csv, "centre", &seoul, "6", ""), 1);
    assert_eq!(count(&csv, "centre", &seoul, "16", ""), 1);
    assert_eq!(count(&csv, "centre", &cairo, "5", ""), 1);
    assert_eq!(count(&csv, "centre", &cairo, "13", ""), 1);
    assert_eq!(count(&csv, "theme", "water-management", "6", ""), 1);
    assert_eq!(count(&csv, "theme", "urban-management", "11", ""), 1);
    assert_eq!(count(&csv, "gender_equality", &a.to_string(), "5", ""), 1);
    assert_eq!(count(&csv, "gender_equality", &c.to_string(), "5", ""), 1);

    let (_, csv) = staff.get_text("/sdg/coverage.csv?year=2029").await;
    assert_eq!(count(&csv, "network", "", "", ""), 4);
    assert_eq!(count(&csv, "network", "", "13", ""), 0);
    assert!(!csv.contains(&format!("gender_equality,{d},")));

    // The page: heat maps as inline SVG, the goals no course touches, SDG 5.
    let (s, html) = staff.get_text("/sdg/coverage?year=2029").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("<svg") && html.contains("By centre") && html.contains("By theme"));
    assert!(!html.contains("<script>"), "no inline script");
    assert!(html.contains("Programmes: \u{2068}4\u{2069}") || html.contains("Programmes: 4"));
    assert!(html.contains("Courses covering SDG 5"));
    let share =
        regex::Regex::new(r"Courses covering SDG 5: \W*2\W* of \W*4\W* \(\W*50\W* %\)").unwrap();
    assert!(share.is_match(&html), "2 of 4 courses cover SDG 5");
    assert!(
        html.contains(r#"href="/sdg/goals/1""#),
        "goal 1 listed as untouched"
    );
    assert!(html.contains("Informal areas"), "SDG 5 course listed");
    let (s, _) = admin.get_text("/sdg/coverage?year=2029&lang=ar").await;
    assert_eq!(s, StatusCode::OK);

    // Who may look, and a bad year.
    let focal = app.signed_in("focal@dakar.demo").await;
    assert_eq!(
        focal.status("/sdg/coverage?year=2029").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        staff.status("/sdg/coverage?year=twenty").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let r = app.browser().get("/sdg/coverage.csv?year=2029").await;
    assert!(r.status() == StatusCode::SEE_OTHER || r.status() == StatusCode::UNAUTHORIZED);
}
