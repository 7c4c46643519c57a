//! Issue 4's pipeline clicked through in Chromium, one person at a time:
//! an applicant signs up and applies from a city outside the registry; the
//! demo applicant applies with a PDF uploaded through the file input; Dakar's
//! focal point endorses her; Seoul staff assign a reviewer and interview
//! her; the expert declares no conflict and scores; the vetting officer
//! clears her; staff run the engine and confirm the cohort; she confirms her
//! place and staff see the seat taken. Markup typed into names and answers
//! must stay text on every page that shows them.

use crate::common::{Backend, TestApp, programme_with_open_call};
use crate::support::{
    XSS, XSS_BREAKOUT, assert_shows, button, check_page, choose, click_through, driver, fill, link,
    main_text, press, screenshot, sign_in, text_of, value_of, wait_until,
};
use fantoccini::{Client, Locator};
use std::time::Instant;

const TITLE: &str = "Open city data in the browser";

/// A one-page PDF with a correct cross-reference table.
fn tiny_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    let size = objects.len() + 1;
    pdf.extend(format!("xref\n0 {size}\n0000000000 65535 f \n").bytes());
    for off in offsets {
        pdf.extend(format!("{off:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").bytes(),
    );
    pdf
}

/// Counts the form's htmx autosaves from now on (in `window.__autosaves`).
async fn count_autosaves(c: &Client) {
    c.execute(
        "window.__autosaves = 0; document.body.addEventListener('htmx:afterRequest', \
         e => { if (e.detail.successful) window.__autosaves++; });",
        vec![],
    )
    .await
    .unwrap();
}

/// Waits until htmx has saved the draft as typed (a second after typing
/// stops) and no save is under way.
async fn wait_for_autosave(c: &Client) {
    wait_until(
        c,
        "window.__autosaves >= 1 && !document.querySelector('#application-form.htmx-request')",
        "the draft's autosave",
    )
    .await;
}

/// Opens the programme in the catalogue, presses Apply, attaches the CV
/// through the file input; returns the application's address.
async fn start_and_upload(
    c: &Client,
    app: &TestApp,
    programme: i64,
    cv: &std::path::Path,
) -> String {
    c.goto(&app.url(&format!("/catalogue/{programme}")))
        .await
        .unwrap();
    press(c, Locator::XPath(&button("Apply"))).await;
    let page = c.current_url().await.unwrap().path().to_string();
    assert!(page.starts_with("/applications/"), "{page}");
    let file = c
        .find(Locator::Css("input[type=file][name=document]"))
        .await
        .unwrap();
    file.send_keys(&cv.display().to_string()).await.unwrap();
    press(
        c,
        Locator::XPath("//form[.//input[@type='file']]//button[normalize-space()='Upload']"),
    )
    .await;
    assert_shows(c, "Document uploaded.").await;
    assert_shows(c, "All required documents are attached.").await;
    let doc = c
        .find(Locator::Css(".facts a[href*='/documents/']"))
        .await
        .unwrap();
    assert_eq!(doc.text().await.unwrap(), "cv.pdf");
    check_page(c).await;
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apply_endorse_review_select_confirm() {
    let Some(d) = driver().await else { return };
    let started = Instant::now();
    let app = TestApp::spawn_opts(Backend::Sqlite, &[], false)
        .await
        .unwrap();
    // The open call itself is the fixture the HTTP stories share: a Seoul
    // programme with one seat, asking for a CV and a motivation.
    let programme = programme_with_open_call(&app, TITLE, 1).await;
    let c = &d.client;
    let files = tempfile::tempdir().unwrap();
    let cv = files.path().join("cv.pdf");
    std::fs::write(&cv, tiny_pdf()).unwrap();
    let motivation = format!("{XSS_BREAKOUT}{XSS} is why I want to learn from Seoul.");
    let position = format!("Head of data {XSS}");
    let department = format!("{XSS_BREAKOUT} City of Dakar");

    // A newcomer signs up; the emailed link (read from the outbox, as the
    // demo has no mail server) sets her password.
    c.goto(&app.url("/signup")).await.unwrap();
    fill(c, "email", "fatou@nowhere.example").await;
    fill(c, "display_name", &format!("Fatou {XSS}")).await;
    choose(c, "city_org_id", "other").await;
    check_page(c).await;
    press(c, Locator::XPath(&button("Create account"))).await;
    assert_shows(c, "a link to choose your password is on its way").await;
    sign_in(c, &app, "admin@secretariat.demo").await;
    c.goto(&app.url("/outbox")).await.unwrap();
    let mail = c
        .find(Locator::XPath(
            "//tr[td[normalize-space()='fatou@nowhere.example']]//details",
        ))
        .await
        .unwrap();
    mail.find(Locator::Css("summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let body = mail
        .find(Locator::Css("pre"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    check_page(c).await;
    let reset = regex::Regex::new(r"/reset/[A-Za-z0-9_-]+")
        .unwrap()
        .find(&body)
        .unwrap_or_else(|| panic!("a link in {body}"))
        .as_str()
        .to_string();
    press(c, Locator::Css("form[action=\"/logout\"] button")).await;
    c.goto(&app.url(&reset)).await.unwrap();
    fill(c, "password", crate::common::PASSWORD).await;
    fill(c, "confirm", crate::common::PASSWORD).await;
    check_page(c).await;
    press(c, Locator::XPath(&button("Save the new password"))).await;
    assert_shows(c, "Your password has been changed.").await;

    // She applies from a city the registry does not list, whose name is
    // markup; her name shows in the header as text.
    sign_in(c, &app, "fatou@nowhere.example").await;
    let header = text_of(c, Locator::Css("header .session")).await;
    assert!(header.contains(XSS), "{header}");
    check_page(c).await;
    let fatou = start_and_upload(c, &app, programme, &cv).await;
    for (name, value) in [
        ("passport_name", "Fatou Ndiaye"),
        ("nationality", "SN"),
        ("city_name", XSS),
        ("country", "SN"),
        ("position", &position),
        ("department", &department),
        ("q.motivation", &motivation),
    ] {
        fill(c, name, value).await;
    }
    for (name, value) in [
        ("gender", "female"),
        ("city_org_id", "other"),
        ("region", "africa"),
        ("interview_language", "en"),
    ] {
        choose(c, name, value).await;
    }
    press(c, Locator::XPath(&button("Submit application"))).await;
    assert_shows(c, "Application submitted.").await;
    assert_shows(c, &motivation).await;
    check_page(c).await;
    assert_eq!(c.current_url().await.unwrap().path(), fatou);

    // The demo applicant from Dakar applies with her CV. The draft keeps
    // what she types (htmx saves it a second after she stops), markup too.
    sign_in(c, &app, "applicant@dakar.demo").await;
    let amina = start_and_upload(c, &app, programme, &cv).await;
    count_autosaves(c).await;
    fill(c, "passport_name", XSS).await;
    fill(c, "q.motivation", &motivation).await;
    wait_for_autosave(c).await;
    c.refresh().await.unwrap();
    assert_eq!(value_of(c, "passport_name").await, XSS);
    assert_eq!(value_of(c, "q.motivation").await, motivation);
    check_page(c).await;
    // She completes the form and, like anyone pausing, lets it autosave
    // before each submission.
    count_autosaves(c).await;
    for (name, value) in [
        ("nationality", "SN"),
        ("position", &position),
        ("department", &department),
    ] {
        fill(c, name, value).await;
    }
    let dakar = app.org_id("dakar").await.to_string();
    for (name, value) in [
        ("gender", "female"),
        ("city_org_id", &dakar),
        ("interview_language", "en"),
    ] {
        choose(c, name, value).await;
    }
    wait_for_autosave(c).await;
    press(c, Locator::XPath(&button("Submit application"))).await;
    // Markup is no passport name: the form comes back with what she typed.
    assert_shows(c, "Use Latin letters, as printed in your passport.").await;
    assert_eq!(value_of(c, "passport_name").await, XSS);
    assert_eq!(value_of(c, "department").await, department);
    assert_eq!(value_of(c, "q.motivation").await, motivation);
    check_page(c).await;
    // The page's version is now behind its own autosave; that must not
    // refuse the submission (it did: 409, and the typed form was lost).
    count_autosaves(c).await;
    fill(c, "passport_name", "Aminata Diallo").await;
    wait_for_autosave(c).await;
    press(c, Locator::XPath(&button("Submit application"))).await;
    assert_shows(c, "Application submitted.").await;
    assert_eq!(c.current_url().await.unwrap().path(), amina);
    let summary = main_text(c).await;
    for shown in [
        "Submitted",
        "Aminata Diallo",
        "Awaiting the city",
        &position,
        &department,
        &motivation,
    ] {
        assert!(summary.contains(shown), "{shown} in {summary}");
    }
    check_page(c).await;

    // Dakar's focal point endorses her as the city's first choice; the
    // newcomer from an unlisted city is not Dakar's to endorse.
    sign_in(c, &app, "focal@dakar.demo").await;
    press(c, Locator::XPath(&link("Nominations"))).await;
    assert_shows(c, &position).await;
    assert!(!main_text(c).await.contains("Fatou Ndiaye"));
    check_page(c).await;
    press(c, Locator::XPath(&link("Aminata Diallo"))).await;
    assert_shows(c, &motivation).await;
    check_page(c).await;
    c.find(Locator::Css("input[name=decision][value=endorsed]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fill(c, "rank", "1").await;
    fill(c, "comment", XSS).await;
    press(c, Locator::XPath(&button("Save"))).await;
    assert_shows(c, "Decision saved.").await;
    let row = text_of(
        c,
        Locator::XPath("//tr[td/a[normalize-space()='Aminata Diallo']]"),
    )
    .await;
    assert!(row.contains("Endorsed") && row.contains(TITLE), "{row}");

    // Seoul staff see both applications in the pipeline, assign the expert
    // and record a passed interview.
    sign_in(c, &app, "staff@seoul.demo").await;
    let pipeline = app.url(&format!("/programmes/{programme}/applications"));
    c.goto(&pipeline).await.unwrap();
    assert_shows(c, "Applications: 2").await;
    let row = text_of(
        c,
        Locator::XPath("//tr[td/a[normalize-space()='Fatou Ndiaye']]"),
    )
    .await;
    assert!(
        row.contains(XSS) && row.contains("no city endorsement"),
        "{row}"
    );
    check_page(c).await;
    press(c, Locator::XPath(&link("Aminata Diallo"))).await;
    assert_shows(c, &motivation).await;
    check_page(c).await;
    c.find(Locator::Css("select[name=reviewer_id]"))
        .await
        .unwrap()
        .select_by_label("Expert from Berlin")
        .await
        .unwrap();
    press(c, Locator::XPath(&button("Assign reviewer"))).await;
    assert_shows(c, "Reviewer assigned.").await;
    // Chromium's date-time control takes keystrokes per segment in the
    // browser's locale; the value is set the way the control would set it.
    c.execute(
        "const s = document.querySelector('input[name=slot]'); s.value = '2027-06-01T10:00'; \
         s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![],
    )
    .await
    .unwrap();
    c.find(Locator::Css("select[name=interviewer_id]"))
        .await
        .unwrap()
        .select_by_label("Seoul HQ staff")
        .await
        .unwrap();
    choose(c, "language", "en").await;
    choose(c, "outcome", "passed").await;
    choose(c, "level", "b2").await;
    press(
        c,
        Locator::XPath("//form[@action[contains(., '/interview')]]//button"),
    )
    .await;
    assert_shows(c, "Interview saved.").await;
    assert_shows(c, "Passed").await;

    // The expert declares no conflict of interest, then scores.
    sign_in(c, &app, "expert@berlin.demo").await;
    press(c, Locator::XPath(&link("Reviews"))).await;
    press(c, Locator::XPath(&link("Aminata Diallo"))).await;
    assert_shows(c, &motivation).await;
    check_page(c).await;
    c.find(Locator::Css("input[name=conflict][value=none]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    press(c, Locator::XPath(&button("Save declaration"))).await;
    check_page(c).await;
    let scores = c
        .find_all(Locator::Css("input[type=number][name^='score.']"))
        .await
        .unwrap();
    assert!(!scores.is_empty(), "a rubric to score");
    for s in scores {
        let max = s.attr("max").await.unwrap().unwrap();
        s.clear().await.unwrap();
        s.send_keys(&max).await.unwrap();
    }
    fill(c, "comment", XSS).await;
    press(c, Locator::XPath(&button("Submit scores"))).await;
    assert_shows(c, "Review saved.").await;
    let row = text_of(
        c,
        Locator::XPath("//tr[td/a[normalize-space()='Aminata Diallo']]"),
    )
    .await;
    assert!(row.contains("Scored"), "{row}");

    // The vetting officer clears her.
    sign_in(c, &app, "vetter@seoul.demo").await;
    press(c, Locator::XPath(&link("Vetting"))).await;
    check_page(c).await;
    let row = c
        .find(Locator::XPath(&format!(
            "//tr[td[normalize-space()='Aminata Diallo'] and td[normalize-space()='{TITLE}']]"
        )))
        .await
        .unwrap();
    row.find(Locator::Css("select[name=vetting]"))
        .await
        .unwrap()
        .select_by_value("cleared")
        .await
        .unwrap();
    let save = row.find(Locator::Css("button")).await.unwrap();
    click_through(c, save).await;
    assert_shows(c, "Vetting status saved.").await;

    // Staff: she is eligible; the engine gives her the one seat and the
    // newcomer, without an endorsement, none; staff confirm the cohort.
    sign_in(c, &app, "staff@seoul.demo").await;
    c.goto(&pipeline).await.unwrap();
    let row = text_of(
        c,
        Locator::XPath("//tr[td/a[normalize-space()='Aminata Diallo']]"),
    )
    .await;
    assert!(
        row.contains("eligible") && row.contains("Endorsed"),
        "{row}"
    );
    // Her page shows the expert's and the city's comments as text.
    press(c, Locator::XPath(&link("Aminata Diallo"))).await;
    assert_shows(c, &format!("Expert from Berlin — Scored — 100.00 — {XSS}")).await;
    assert_shows(c, &format!("Endorsed · Rank 1 — {XSS}")).await;
    check_page(c).await;
    press(c, Locator::XPath(&link("Applications"))).await;
    press(c, Locator::XPath(&link("Selection"))).await;
    check_page(c).await;
    press(c, Locator::XPath(&button("Run the selection engine"))).await;
    assert_shows(c, "Selection computed.").await;
    assert_shows(c, "proven optimal").await;
    assert_shows(c, "selected: 1 / 1").await;
    let lines = text_of(c, Locator::Css("table.selection tbody")).await;
    assert!(
        lines.contains("Aminata Diallo") && lines.contains("Selected"),
        "{lines}"
    );
    assert!(
        lines.contains("Fatou Ndiaye") && lines.contains(XSS) && lines.contains("Not eligible"),
        "{lines}"
    );
    check_page(c).await;
    press(
        c,
        Locator::XPath(&button("Confirm this cohort and notify everyone")),
    )
    .await;
    assert_shows(c, "The cohort is confirmed.").await;
    assert_shows(c, "Seats taken: 0 / 1").await;
    check_page(c).await;

    // She is offered the place and confirms it.
    sign_in(c, &app, "applicant@dakar.demo").await;
    press(c, Locator::XPath(&link("My applications"))).await;
    press(c, Locator::XPath(&link(TITLE))).await;
    assert_eq!(c.current_url().await.unwrap().path(), amina);
    assert_shows(c, "You have been offered a place").await;
    assert_shows(c, &format!("Endorsed · Rank 1 — {XSS}")).await;
    check_page(c).await;
    press(c, Locator::XPath(&button("Confirm my place"))).await;
    assert_shows(c, "Your place is confirmed.").await;
    assert_shows(c, "Confirmed participant").await;
    assert_shows(c, "Invitation letter for your visa (PDF)").await;
    check_page(c).await;

    // Staff see the seat taken and her among the participants.
    sign_in(c, &app, "staff@seoul.demo").await;
    c.goto(&app.url(&format!("/programmes/{programme}/selection")))
        .await
        .unwrap();
    assert_shows(c, "Seats taken: 1 / 1").await;
    let participant = text_of(c, Locator::XPath(
            "//h2[normalize-space()='Participants and open offers']/following-sibling::table[1]//tr[td/a[normalize-space()='Aminata Diallo']]",
        )).await;
    assert!(
        participant.contains("Confirmed participant"),
        "{participant}"
    );
    check_page(c).await;
    screenshot(c, "selection-confirmed.png").await;
    eprintln!("journey: {:.1} s", started.elapsed().as_secs_f64());
    d.client.clone().close().await.unwrap();
}
