//! Issue 4 on the demo as seeded by `miti serve --demo`: the open Seoul call
//! holds 40+ applications across cities, and Seoul HQ staff take it from
//! review to a confirmed cohort of 15 through the pages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::StatusCode;

on_both_backends!(staff_take_the_demo_call_to_a_confirmed_cohort);

const TITLE: &str = "Smart and citizen-centred city administration";

async fn staff_take_the_demo_call_to_a_confirmed_cohort(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let open: serde_json::Value = app
        .browser()
        .get("/api/v1/programmes?open=true")
        .await
        .json()
        .await
        .unwrap();
    let id = open["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == TITLE)
        .expect("the demo call is open")["id"]
        .as_i64()
        .unwrap();

    // The pipeline: every application with its score and gates.
    let staff = app.signed_in("staff@seoul.demo").await;
    let (s, html) = staff
        .get_text(&format!("/programmes/{id}/applications"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let total: usize = regex::Regex::new(r"Applications: (\d+)")
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .parse()
        .unwrap();
    assert!(total > 40, "{total} applications");
    assert!(html.contains("(Conflict of interest declared: 1)"));
    assert!(html.contains("Mona Abdelrahman Farouk") && html.contains("Lucía Fernández"));
    let (_, html) = staff
        .get_text(&format!("/programmes/{id}/applications?page=2"))
        .await;
    assert!(
        html.contains("Wanjiru Kamau"),
        "a city outside the registry"
    );
    // The other roles each have their part waiting.
    let vetter = app.signed_in("vetter@seoul.demo").await;
    let (s, html) = vetter.get_text("/vetting").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Rania Haddad"), "the vetting queue");
    let focal = app.signed_in("focal@dakar.demo").await;
    let (_, html) = focal.get_text("/nominations").await;
    assert!(html.contains("Moussa Ndiaye") && html.contains("Fatou Sarr"));
    let applicant = app.signed_in("applicant@dakar.demo").await;
    let (_, html) = applicant.get_text("/applications").await;
    assert!(html.contains(TITLE), "the draft is listed");

    // Run, read the proposal, confirm: 15 offers.
    let sel = format!("/programmes/{id}/selection");
    let r = staff.post_form(&format!("{sel}/run"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = staff.get_text(&sel).await;
    assert!(page.contains("proven optimal"), "{page}");
    assert!(page.contains("selected: 15 / 15"), "{page}");
    assert!(!page.contains(r#"<ul class="alert">"#), "no rule broken");
    // Each ineligible applicant's line names what is missing (the cities
    // outside the registry have no focal point to endorse them).
    assert!(page.contains("Not eligible: no city endorsement"), "{page}");
    let bare = page.matches("<td>Not eligible</td>").count();
    let told = page.matches("<td>Not eligible: ").count();
    assert_eq!(bare, told, "a status and a reason for each: {page}");
    let run = regex::Regex::new(r#"name="run_id" value="(\d+)""#)
        .unwrap()
        .captures(&page)
        .unwrap()[1]
        .to_string();
    let r = staff
        .post_form(&format!("{sel}/confirm"), &[("run_id", &run)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = staff.get_text(&sel).await;
    assert!(page.contains("The cohort is confirmed."), "{page}");
    assert!(page.contains("Seats taken: 0 / 15"), "{page}");
    // Applicants and their cities are told, through the outbox.
    let admin = app.signed_in("admin@secretariat.demo").await;
    let (_, outbox) = admin.get_text("/outbox").await;
    assert!(
        [
            "You are offered a place",
            "Waitlist:",
            "Decision on your city"
        ]
        .iter()
        .any(|s| outbox.contains(s)),
        "{outbox}"
    );
}
