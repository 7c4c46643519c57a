//! Story tests of the application pipeline (issue 4), on SQLite and
//! PostgreSQL: sign-up, apply with an upload and a retried submit, the
//! city's endorsement, review with a conflict declaration, the language
//! interview, vetting, selection with explanations, confirmation, a decline
//! promoting the waitlist, concurrent confirmations, the letter and the
//! step report — and 404 for everyone whose records these are not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, Browser, TestApp, location_id, programme_with_open_call};
use reqwest::StatusCode;

on_both_backends!(from_application_to_confirmed_cohort);

fn first_id(html: &str, re: &str) -> i64 {
    regex::Regex::new(re)
        .unwrap()
        .captures(html)
        .unwrap_or_else(|| panic!("{re} in page"))[1]
        .parse()
        .unwrap()
}

fn pdf() -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(
        b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec(),
    )
    .file_name("cv.pdf")
}

/// A complete application form.
fn fields<'a>(name: &'a str, city: &'a str, position: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("passport_name", name),
        ("gender", "female"),
        ("nationality", "SN"),
        ("city_org_id", city),
        ("position", position),
        ("department", "City of Dakar"),
        ("interview_language", "ko"),
        (
            "q.motivation",
            "To build the city's open data platform with peers.",
        ),
    ]
}

async fn apply(b: &Browser, programme: i64, name: &str, city: &str) -> i64 {
    let r = b
        .post_form(&format!("/catalogue/{programme}/apply"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location_id(&r, "/applications/");
    // Starting again returns the same application.
    let again = b
        .post_form(&format!("/catalogue/{programme}/apply"), &[])
        .await;
    assert_eq!(location_id(&again, "/applications/"), id);
    let form = reqwest::multipart::Form::new()
        .text("key", "cv")
        .part("document", pdf());
    let r = b
        .post_multipart(&format!("/applications/{id}/documents"), form)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // A retried submission (a double click) changes nothing.
    for _ in 0..2 {
        let r = b
            .post_form(
                &format!("/applications/{id}/submit"),
                &fields(name, city, "Head of urban data"),
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    id
}

async fn from_application_to_confirmed_cohort(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let staff = app.signed_in("staff@seoul.demo").await;
    let admin = app.signed_in("admin@secretariat.demo").await;
    let programme = programme_with_open_call(&app, "Smart city data", 1).await;
    let dakar = app.org_id("dakar").await.to_string();

    // Bad input is named field by field; a text file posing as a PDF is refused.
    let amina = app.signed_in("applicant@dakar.demo").await;
    let r = amina
        .post_form(&format!("/catalogue/{programme}/apply"), &[])
        .await;
    let a = location_id(&r, "/applications/");
    let r = amina
        .post_form(
            &format!("/applications/{a}/submit"),
            &[
                ("passport_name", "아미나"),
                ("city_org_id", "999999"),
                ("q.motivation", "short"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for msg in ["Latin letters", "Choose a city", "Write at least"] {
        assert!(html.contains(msg), "{msg}");
    }
    let fake = reqwest::multipart::Part::bytes(b"just text".to_vec()).file_name("cv.pdf");
    let r = amina
        .post_multipart(
            &format!("/applications/{a}/documents"),
            reqwest::multipart::Form::new()
                .text("key", "cv")
                .part("document", fake),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A draft is her latest typing: a page loaded before an autosave (or
    // another tab) still saves and submits it.
    let (_, page) = amina.get_text(&format!("/applications/{a}")).await;
    let loaded = first_id(&page, r#"name="version" value="(\d+)""#).to_string();
    for _ in 0..2 {
        let r = amina
            .post_form(
                &format!("/applications/{a}/draft"),
                &[("version", &loaded), ("position", "Head of data")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(apply(&amina, programme, "Aminata Diallo", &dakar).await, a);
    // Once submitted, an edit from a page that is behind is refused, and the
    // form comes back as typed with the reason.
    let r = amina
        .post_form(
            &format!("/applications/{a}/submit"),
            &[
                fields("Aminata Diallo", &dakar, "Chief data officer"),
                vec![("version", &loaded)],
            ]
            .concat(),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let html = r.text().await.unwrap();
    assert!(html.contains("Someone else saved this in the meantime"));
    assert!(html.contains(r#"value="Chief data officer""#));

    // A second applicant signs up, sets a password from the emailed link and applies.
    let anon = app.browser();
    let r = anon
        .post_form(
            "/signup",
            &[
                ("email", "fatou@dakar.example"),
                ("display_name", "Fatou Ndiaye"),
                ("city_org_id", &dakar),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, outbox) = admin.get_text("/outbox").await;
    assert_eq!(
        outbox
            .matches("Application received: Smart city data")
            .count(),
        1,
        "one email for a retried submit"
    );
    let link = regex::Regex::new(r"/reset/[A-Za-z0-9_-]+")
        .unwrap()
        .find(&outbox)
        .unwrap()
        .as_str()
        .to_string();
    let pass = "baobab trees at dawn";
    let r = anon
        .post_form(&link, &[("password", pass), ("confirm", pass)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let fatou = app.browser();
    assert_eq!(
        fatou.login("fatou@dakar.example", pass).await.status(),
        StatusCode::SEE_OTHER
    );
    let f = apply(&fatou, programme, "Fatou Ndiaye", &dakar).await;
    assert_eq!(
        fatou.status(&format!("/applications/{a}")).await,
        StatusCode::NOT_FOUND
    );

    // The city endorses and ranks; another city and another centre see nothing.
    let focal = app.signed_in("focal@dakar.demo").await;
    let (_, list) = focal.get_text("/nominations").await;
    assert!(list.contains("Aminata Diallo") && list.contains("Fatou Ndiaye"));
    let r = focal
        .post_form(&format!("/nominations/{a}"), &[("decision", "endorsed")])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a rank is required"
    );
    for (id, rank) in [(a, "1"), (f, "2")] {
        let r = focal
            .post_form(
                &format!("/nominations/{id}"),
                &[("decision", "endorsed"), ("rank", rank)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let tehran = app.signed_in("focal@tehran.demo").await;
    assert_eq!(
        tehran.status(&format!("/nominations/{a}")).await,
        StatusCode::NOT_FOUND
    );
    let cairo = app.signed_in("staff@cairo.demo").await;
    assert_eq!(
        cairo.status(&format!("/applications/{a}/manage")).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        cairo
            .status(&format!("/programmes/{programme}/applications"))
            .await,
        StatusCode::NOT_FOUND
    );

    // Reviewers are assigned; they declare conflicts, then score.
    let (_, page) = staff.get_text(&format!("/applications/{a}/manage")).await;
    let expert_id = first_id(
        &page,
        r#"<option value="(\d+)">Expert from Berlin</option>"#,
    );
    let staff_id = first_id(&page, r#"<option value="(\d+)">Seoul HQ staff</option>"#);
    for id in [a, f] {
        let r = staff
            .post_form(
                &format!("/applications/{id}/reviewers"),
                &[("reviewer_id", &expert_id.to_string())],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let expert = app.signed_in("expert@berlin.demo").await;
    let (_, reviews) = expert.get_text("/reviews").await;
    let review_of = |name: &str| first_id(&reviews, &format!(r#"/reviews/(\d+)">{name}<"#));
    for (name, score) in [("Aminata Diallo", "5"), ("Fatou Ndiaye", "3")] {
        let rid = review_of(name);
        let scores = [
            ("score.relevance", score),
            ("score.motivation", score),
            ("score.experience", score),
            ("score.sharing", score),
        ];
        let r = expert
            .post_form(&format!("/reviews/{rid}/score"), &scores)
            .await;
        assert_eq!(
            r.status(),
            StatusCode::CONFLICT,
            "conflicts are declared first"
        );
        let r = expert
            .post_form(&format!("/reviews/{rid}/declare"), &[("conflict", "none")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = expert
            .post_form(&format!("/reviews/{rid}/score"), &scores)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }

    // Interview in Korean (a working language), vetting by its own permission.
    for id in [a, f] {
        let r = staff
            .post_form(
                &format!("/applications/{id}/interview"),
                &[
                    ("slot", "2027-06-01T10:00"),
                    ("interviewer_id", &staff_id.to_string()),
                    ("language", "ko"),
                    ("outcome", "passed"),
                    ("level", "b2"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            staff
                .post_form(
                    &format!("/applications/{id}/vetting"),
                    &[("vetting", "cleared")]
                )
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let r = admin
            .post_form(
                &format!("/applications/{id}/vetting"),
                &[("vetting", "cleared"), ("from", "manage")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            r.headers()["location"],
            format!("/applications/{id}/manage?done=vetting-saved").as_str(),
            "back to the page the admin vetted from"
        );
    }
    let (_, page) = staff.get_text(&format!("/applications/{a}/manage")).await;
    assert!(
        !page.contains("Cleared"),
        "staff without the vetting permission do not see it"
    );

    // Selection: the better-scored applicant gets the one seat, the other
    // waits; every decision carries its reason.
    let sel = format!("/programmes/{programme}/selection");
    assert_eq!(
        staff.post_form(&format!("{sel}/run"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, page) = staff.get_text(&sel).await;
    assert!(page.contains("proven optimal"));
    let run = first_id(&page, r#"name="run_id" value="(\d+)""#);
    // The engine's reasons are told in the reader's language.
    let (_, fr) = staff.get_text(&format!("{sel}?lang=fr")).await;
    assert!(
        fr.contains("Retenu pour") && fr.contains("En liste d’attente, position"),
        "{fr}"
    );
    assert!(!fr.contains("Waitlisted at position") && !fr.contains("Selected for"));
    assert_eq!(
        staff
            .post_form(&format!("{sel}/confirm"), &[("run_id", &run.to_string())])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, mine) = amina.get_text(&format!("/applications/{a}")).await;
    assert!(mine.contains("Confirm my place"));
    let (_, theirs) = fatou.get_text(&format!("/applications/{f}")).await;
    assert!(theirs.contains("On the waitlist"));

    // The first declines: the waitlist is promoted by the engine.
    let r = amina
        .post_form(
            &format!("/applications/{a}/offer"),
            &[("answer", "decline")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, theirs) = fatou.get_text(&format!("/applications/{f}")).await;
    assert!(
        theirs.contains("Confirm my place"),
        "promoted from the waitlist"
    );
    let (_, managed) = staff
        .get_text(&format!("/applications/{f}/manage?lang=es"))
        .await;
    assert!(managed.contains("Plaza ofrecida en"), "{managed}");
    // (`?lang=` is remembered: back to English for the rest of the story.)
    staff.get_text("/?lang=en").await;
    // Decisions reach the cities' focal points with the outcome in words.
    let (_, outbox) = admin.get_text("/outbox").await;
    for code in ["offered", "waitlisted", "not_selected"] {
        assert!(
            !outbox.contains(&format!(": {code}.")),
            "raw outcome code {code} in a mail"
        );
    }
    // Two confirmations at once (a double click) take one seat.
    let url = format!("/applications/{f}/offer");
    let (x, y) = tokio::join!(
        fatou.post_form(&url, &[("answer", "confirm")]),
        fatou.post_form(&url, &[("answer", "confirm")])
    );
    assert_eq!(
        (x.status(), y.status()),
        (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER)
    );
    let (_, page) = staff.get_text(&sel).await;
    assert!(page.contains("Seats taken: 1 / 1"), "{page}");
    // The declined applicant cannot take the seat back.
    let r = amina
        .post_form(
            &format!("/applications/{a}/offer"),
            &[("answer", "confirm")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);

    // The participant's letter and logistics; the step report.
    let r = fatou.get(&format!("/applications/{f}/letter.pdf")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.bytes().await.unwrap().starts_with(b"%PDF-1.4"));
    let r = fatou
        .post_form(
            &format!("/applications/{f}/logistics"),
            &[
                ("arrival_date", "2027-09-04"),
                ("departure_date", "2027-09-13"),
                ("lodging_nights", "9"),
                ("dietary", "halal"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (s, csv) = staff
        .get_text(&format!("/programmes/{programme}/report.csv"))
        .await;
    assert_eq!(s, StatusCode::OK);
    for line in [
        "Applied,2",
        "Endorsed,2",
        "Interviewed,2",
        "Vetted,2",
        "Selected,2",
        "Confirmed,1",
    ] {
        assert!(csv.contains(line), "{line} in {csv}");
    }
    let r = staff
        .get(&format!("/programmes/{programme}/report.xlsx"))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.bytes().await.unwrap().starts_with(b"PK"));
    let (_, audit) = admin.get_text("/audit").await;
    for action in [
        "application.submit",
        "application.endorse",
        "selection.confirm",
        "application.confirm",
    ] {
        assert!(audit.contains(action), "{action} audited");
    }
}
