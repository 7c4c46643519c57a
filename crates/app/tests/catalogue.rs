//! Story tests of the programme catalogue (issue 3), on SQLite and
//! PostgreSQL: the status workflow by role, record scope, form errors,
//! translated content with fallback, the public catalogue and its API, and
//! the audit rows every change leaves.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, Browser, TestApp, location_id, programme_form};
use reqwest::StatusCode;
use serde_json::Value;

on_both_backends!(
    workflow_by_role_scope_and_audit,
    translated_catalogue_and_api,
    public_pages_are_cached_per_visitor_and_never_stale_after_a_write
);

/// Saves the programme at `page` (hosted by `host`) with English title
/// `title`, from the version its edit form shows.
async fn edit_title(staff: &Browser, page: &str, host: &str, title: &str) -> reqwest::Response {
    let (_, form) = staff.get_text(&format!("{page}/edit")).await;
    let version = regex::Regex::new(r#"name="version" value="(\d+)""#)
        .unwrap()
        .captures(&form)
        .unwrap()[1]
        .to_string();
    let mut edit = programme_form(host, title);
    edit.push(("version", &version));
    staff.post_form(page, &edit).await
}

async fn workflow_by_role_scope_and_audit(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let seoul = app.org_id("shrdc").await.to_string();
    let cairo = app.org_id("cairo-centre").await.to_string();
    let staff = app.signed_in("staff@seoul.demo").await;
    let cairo_staff = app.signed_in("staff@cairo.demo").await;
    let admin = app.signed_in("admin@secretariat.demo").await;

    // Bad input: every bad field is named, what was typed stays, status 422.
    let mut bad = programme_form(&seoul, "Smart transport");
    bad.retain(|(k, _)| *k != "title_ko" && *k != "departure");
    bad.push(("departure", "2027-09-01"));
    bad.retain(|(k, _)| *k != "capacity");
    bad.push(("capacity", "0"));
    let r = staff.post_form("/programmes", &bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for id in ["title_ko-error", "departure-error", "capacity-error"] {
        assert!(html.contains(id), "{id} shown");
    }
    assert!(
        html.contains("value=\"Smart transport\""),
        "typed text kept"
    );

    // Seoul staff cannot host a programme for Cairo.
    let r = staff
        .post_form("/programmes", &programme_form(&cairo, "Not ours"))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let r = staff
        .post_form("/programmes", &programme_form(&seoul, "Smart transport"))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location_id(&r, "/programmes/");
    let page = format!("/programmes/{id}");
    let (s, html) = staff.get_text(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Smart transport"));

    // Another centre's staff: 404 on the page, the edit form and the workflow.
    assert_eq!(cairo_staff.status(&page).await, StatusCode::NOT_FOUND);
    assert_eq!(
        cairo_staff.status(&format!("{page}/edit")).await,
        StatusCode::NOT_FOUND
    );
    let r = cairo_staff
        .post_form(&format!("{page}/status"), &[("to", "planned")])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (_, list) = cairo_staff.get_text("/programmes").await;
    assert!(!list.contains("스마트 교통") && !list.contains("Smart transport"));
    // Drafts are not public.
    assert_eq!(
        app.browser()
            .get(&format!("/catalogue/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let applicant = app.signed_in("applicant@dakar.demo").await;
    assert_eq!(applicant.status(&page).await, StatusCode::FORBIDDEN);

    // The workflow: staff plan; only the Secretariat endorses; skipping is refused.
    let status = format!("{page}/status");
    let r = staff.post_form(&status, &[("to", "call_open")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("not possible from the programme")
    );
    let r = staff.post_form(&status, &[("to", "planned")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = staff.post_form(&status, &[("to", "endorsed")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Only the Secretariat"));
    let r = admin.post_form(&status, &[("to", "endorsed")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = staff.post_form(&status, &[("to", "call_open")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Now public, with its call open.
    let v: Value = app
        .browser()
        .get(&format!("/api/v1/programmes/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "call_open");
    assert_eq!(v["call_state"], "open");
    assert_eq!(v["capacity"], 15);
    assert_eq!(v["support"]["per_diem_minor"], 30000);
    assert_eq!(v["support"]["per_diem_currency"], "KRW");
    assert_eq!(v["official_days"], 4.5);

    // The call: times typed in the host's zone, shown in the host's and the
    // viewer's; questions with labels in several languages and a condition.
    let questions = serde_json::json!([
        {"key": "interpretation", "kind": "single_choice", "required": true,
         "label": {"main": "en", "texts": {"en": "Do you need interpretation?", "fr": "Avez-vous besoin d'une interprétation ?"}},
         "min_len": null, "max_len": null, "min": null, "max": null, "show_if": null,
         "choices": [
            {"value": "yes", "label": {"main": "en", "texts": {"en": "Yes", "fr": "Oui"}}},
            {"value": "no", "label": {"main": "en", "texts": {"en": "No", "fr": "Non"}}}]},
        {"key": "language", "kind": "short_text", "required": true,
         "label": {"main": "en", "texts": {"en": "Into which language?", "fr": "Vers quelle langue ?"}},
         "min_len": null, "max_len": 40, "min": null, "max": null, "choices": [],
         "show_if": {"question": "interpretation", "any_of": ["yes"]}}
    ])
    .to_string();
    let call = format!("{page}/call");
    let documents = "nomination_letter | required | en=Nomination letter | fr=Lettre de nomination\ncv | required | en=CV | fr=CV";
    let r = staff
        .post_form(
            &call,
            &[
                ("opens_at", "2026-11-01T08:30"),
                ("closes_at", "2027-01-15T18:00"),
                ("documents", documents),
                ("questions", "[{\"key\": 1}]"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("questions-error"));
    let r = staff
        .post_form(
            &call,
            &[
                ("opens_at", "2026-11-01T08:30"),
                ("closes_at", "2027-01-15T18:00"),
                ("documents", documents),
                ("questions", &questions),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (s, html) = staff.get_text(&format!("{call}/preview?lang=fr")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("Avez-vous besoin d&#x27;une interprétation ?")
            || html.contains("Avez-vous besoin")
    );
    assert!(html.contains("Lettre de nomination") && html.contains("Vers quelle langue"));
    assert!(html.contains("Oui"), "choice labels translated");
    staff.get("/programmes?lang=en").await; // back to English for what follows
    assert_eq!(
        cairo_staff.status(&format!("{call}/preview")).await,
        StatusCode::NOT_FOUND
    );
    // The public page: the deadline at 18:00 Seoul time, 09:00 for a UTC viewer.
    let (_, html) = app.browser().get_text(&format!("/catalogue/{id}")).await;
    assert!(
        html.contains("18:00") && html.contains("09:00"),
        "deadline in both zones"
    );
    // Changing the questions of an open call makes a new version.
    let (_, form) = staff.get_text(&call).await;
    assert!(form.contains("Question set version: 1"));
    let questions_v2 = questions.replace("\"max_len\":40", "\"max_len\":60");
    assert_ne!(questions_v2, questions);
    let r = staff
        .post_form(
            &call,
            &[
                ("opens_at", "2026-11-01T08:30"),
                ("closes_at", "2027-01-15T18:00"),
                ("documents", documents),
                ("questions", &questions_v2),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, form) = staff.get_text(&call).await;
    assert!(form.contains("Question set version: 2"));

    // Editing keeps the version check: an edit from an old version is refused.
    let mut edit = programme_form(&seoul, "Smart transport and mobility");
    edit.push(("version", "1"));
    let r = staff.post_form(&page, &edit).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = edit_title(&staff, &page, &seoul, "Smart transport and mobility").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Cancelling needs a reason.
    let r = staff.post_form(&status, &[("to", "cancelled")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("reason-error"));
    let r = staff
        .post_form(
            &status,
            &[("to", "cancelled"), ("reason", "Typhoon season")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = staff.get_text(&page).await;
    assert!(html.contains("Typhoon season"));
    let r = staff.post_form(&status, &[("to", "call_closed")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Every change left its audit row, with its actor.
    let (_, audit) = admin.get_text("/audit?action=programme.").await;
    assert!(audit.contains("programme.create"));
    assert!(audit.contains("programme.update"));
    assert!(audit.matches("programme.status").count() >= 4);
    let (_, mine) = admin
        .get_text("/audit?action=programme.status&actor=staff%40seoul.demo")
        .await;
    assert!(mine.contains("programme.status"));

    // Annual plans: Mexico City submits its 2027 plan; the Secretariat asks
    // for changes (a comment is needed), the centre resubmits, the
    // Secretariat endorses — and with it the plan's planned programmes.
    let mexico = app.org_id("mexico-centre").await.to_string();
    let mexico_staff = app.signed_in("staff@mexico.demo").await;
    let r = mexico_staff
        .post_form(
            "/plans",
            &[
                ("centre", &mexico),
                ("year", "2027"),
                ("comment", "Disaster preparedness"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let plan = r.headers()["location"].to_str().unwrap().to_string();
    let (s, html) = mexico_staff.get_text(&plan).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Disaster preparedness") && !html.contains("submitted after the end"));
    assert_eq!(cairo_staff.status(&plan).await, StatusCode::NOT_FOUND);
    let review = format!("{plan}/review");
    assert_eq!(
        mexico_staff
            .post_form(&review, &[("kind", "endorsed")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let r = admin
        .post_form(&review, &[("kind", "changes_requested")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = admin
        .post_form(
            &review,
            &[
                ("kind", "changes_requested"),
                ("comment", "Add the interpretation budget"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = admin.post_form(&review, &[("kind", "endorsed")]).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "not while changes are asked"
    );
    let r = mexico_staff
        .post_form(
            "/plans",
            &[
                ("centre", &mexico),
                ("year", "2027"),
                ("comment", "Budget added"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = admin.post_form(&review, &[("kind", "endorsed")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = mexico_staff.get_text(&plan).await;
    for said in [
        "Disaster preparedness",
        "Add the interpretation budget",
        "Budget added",
    ] {
        assert!(html.contains(said), "history keeps {said}");
    }
    let list: Value = app
        .browser()
        .get(&format!("/api/v1/programmes?centre={mexico}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["status"] == "endorsed"),
        "the plan's programmes are endorsed with it"
    );
    // A plan for the current year is late: accepted, with a warning.
    let r = mexico_staff
        .post_form("/plans", &[("centre", &mexico), ("year", "2026")])
        .await;
    let late = r.headers()["location"].to_str().unwrap().to_string();
    let (_, html) = mexico_staff.get_text(&late).await;
    assert!(html.contains("submitted after the end of the year before"));
    let (_, audit) = admin.get_text("/audit?action=plan.").await;
    assert!(audit.contains("plan.endorsed") && audit.contains("plan.changes_requested"));

    // Themes: only admins add them, with names in several languages.
    assert_eq!(staff.status("/themes").await, StatusCode::FORBIDDEN);
    let r = admin
        .post_form(
            "/themes",
            &[
                ("slug", "public-health"),
                ("main_language", "en"),
                ("name_en", "Public health"),
                ("name_es", "Salud pública"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = admin
        .post_form("/themes", &[("slug", "Bad Slug"), ("main_language", "en")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, html) = admin.get_text("/themes?lang=es").await;
    assert!(html.contains("Salud pública"));
}

async fn translated_catalogue_and_api(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let b = app.browser();
    let get = |path: String| {
        let b = &b;
        async move {
            let r = b.get(&path).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            r.json::<Value>().await.unwrap()
        }
    };
    let all = get("/api/v1/programmes?lang=ko".into()).await;
    let items = all["items"].as_array().unwrap();
    assert!(items.len() >= 12, "the demo catalogue");
    let water = items
        .iter()
        .find(|i| i["start"] == "2018-06-17")
        .expect("Seoul water management 2018");
    assert_eq!(water["title"], "물관리");
    assert_eq!(water["end"], "2018-06-24");
    assert_eq!(water["themes"][0], "water-management");
    let id = water["id"].as_i64().unwrap();
    // Persian is missing: the programme's main language (English) is shown.
    let fa = get(format!("/api/v1/programmes/{id}?lang=fa")).await;
    assert_eq!(fa["title"], "Water management");
    assert_eq!(fa["titles"]["fr"], "Gestion de l'eau");
    // The Paris course was written in French: English viewers see English,
    // Korean viewers fall back to French.
    let paris = items.iter().find(|i| i["start"] == "2015-06-22").unwrap()["id"]
        .as_i64()
        .unwrap();
    let ko = get(format!("/api/v1/programmes/{paris}?lang=ko")).await;
    assert!(ko["title"].as_str().unwrap().starts_with("Adaptabilité"));
    // Pages: the same fallback, with the language marked for the browser.
    let (s, html) = b.get_text(&format!("/catalogue/{paris}?lang=ko")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(r#"<h1 lang="fr""#));
    let (s, html) = b.get_text(&format!("/catalogue/{id}?lang=ar")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(r#"dir="rtl""#));
    assert!(html.contains("إدارة المياه"), "theme names translated");

    // Filters: open calls, theme, centre, month, working language.
    let open = get("/api/v1/programmes?open=true".into()).await;
    let open = open["items"].as_array().unwrap();
    assert!(open.len() >= 4);
    assert!(open.iter().all(|i| i["call_state"] == "open"));
    let climate = get("/api/v1/programmes?theme=climate-change".into()).await;
    assert!(climate["items"].as_array().unwrap().iter().all(|i| {
        i["themes"]
            .as_array()
            .unwrap()
            .contains(&"climate-change".into())
    }));
    let cairo = app.org_id("cairo-centre").await;
    let by_centre = get(format!("/api/v1/programmes?centre={cairo}")).await;
    assert_eq!(by_centre["total"], 2);
    let june = get("/api/v1/programmes?month=2018-06".into()).await;
    assert_eq!(june["total"], 1);
    let persian = get("/api/v1/programmes?language=fa".into()).await;
    assert_eq!(persian["total"], 2);
    let r = b.get("/api/v1/programmes?month=June").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        b.status("/api/v1/programmes/999999").await,
        StatusCode::NOT_FOUND
    );
    // The public catalogue page filters without JavaScript.
    let (s, html) = b
        .get_text(&format!("/catalogue?centre={cairo}&open=1&lang=fr"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Amélioration des quartiers informels"));
    assert!(
        !html.contains("berges"),
        "closed and other centres' programmes filtered out"
    );

    // The network calendar: a month grid in inline SVG, no script needed.
    let (s, html) = b.get_text("/calendar?year=2018&lang=ko").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("<svg") && html.contains("물관리"));
    assert!(html.contains(&format!("/catalogue/{id}")));
    // The planning aid counts earlier programmes per theme and says honestly
    // that demand and evaluations are not recorded yet.
    let (_, html) = b.get_text("/calendar?year=2027&lang=en").await;
    assert!(html.contains("Planning aid by theme") && html.contains("no data yet"));

    // The iCalendar feed, read back by a real parser.
    let r = b.get("/calendar.ics?lang=ko").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = r.text().await.unwrap();
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded at 75 octets: {line:?}");
        assert!(!line.contains('\n'), "CRLF only");
    }
    use icalendar::Component;
    let cal: icalendar::Calendar = ics.parse().expect("a valid iCalendar stream");
    let events: Vec<&icalendar::Event> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert!(events.len() >= 12);
    let prop =
        |e: &icalendar::Event, name: &str| e.property_value(name).unwrap_or_default().to_string();
    let water_uid = format!("programme-{id}@miti");
    let water_event = events
        .iter()
        .find(|e| prop(e, "UID") == water_uid)
        .expect("stable UID");
    assert_eq!(prop(water_event, "SUMMARY"), "물관리");
    assert_eq!(prop(water_event, "DTSTART"), "20180617");
    assert_eq!(prop(water_event, "DTEND"), "20180625", "exclusive end");
    assert!(prop(water_event, "DTSTAMP").ends_with('Z'));
    for e in &events {
        for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
            assert!(!prop(e, required).is_empty(), "{required}");
        }
    }
    // The same UID in a filtered feed; filters by centre and theme.
    let seoul = app.org_id("shrdc").await;
    let (_, seoul_ics) = b.get_text(&format!("/calendar.ics?centre={seoul}")).await;
    assert!(seoul_ics.contains(&water_uid));
    assert!(!seoul_ics.contains("Riverfront"));
    let (_, climate_ics) = b.get_text("/calendar.ics?theme=climate-change").await;
    assert!(!climate_ics.contains(&water_uid));
    assert!(climate_ics.contains("BEGIN:VEVENT"));
    assert_eq!(
        b.status("/calendar.ics?centre=x").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// The public page cache (docs/performance.md): anonymous visitors share a
/// rendered page, each with their own CSRF token; a write shows at once;
/// signed-in viewers and other languages are never served someone else's page.
async fn public_pages_are_cached_per_visitor_and_never_stale_after_a_write(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let seoul = app.org_id("shrdc").await.to_string();
    let staff = app.signed_in("staff@seoul.demo").await;
    let r = staff
        .post_form("/programmes", &programme_form(&seoul, "Cached transport"))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location_id(&r, "/programmes/");
    let page = format!("/programmes/{id}");
    let r = staff
        .post_form(&format!("{page}/status"), &[("to", "planned")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let cache = |r: &reqwest::Response| {
        r.headers()
            .get("x-cache")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let (first, second) = (app.browser(), app.browser());
    let r = first.get("/catalogue").await;
    assert_eq!(cache(&r).as_deref(), Some("miss"));
    let first_token = first.cookie(&r, "miti_csrf").unwrap();
    let first_html = r.text().await.unwrap();
    assert!(first_html.contains("Cached transport"));

    let r = second.get("/catalogue").await;
    assert_eq!(cache(&r).as_deref(), Some("hit"));
    let second_token = second.cookie(&r, "miti_csrf").unwrap();
    let second_html = r.text().await.unwrap();
    assert_ne!(
        first_token, second_token,
        "each visitor has their own token"
    );
    assert_eq!(second_html, first_html, "and the same page");
    assert!(
        !first_html.contains(&first_token),
        "visitors' pages carry no token to share"
    );
    // The visitor's token (from the cookie) is the one the CSRF check accepts.
    let r = second
        .post_form("/password-reset", &[("email", "nobody@example.org")])
        .await;
    assert!(r.status().is_success() || r.status().is_redirection());

    // Browsers that accept gzip get the same page compressed.
    let r = app
        .browser()
        .client
        .get(app.url("/catalogue"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-encoding"], "gzip");
    assert_eq!(r.headers()["vary"], "accept-encoding");
    let zipped = r.bytes().await.unwrap();
    assert!(zipped.len() * 3 < first_html.len());
    let mut unzipped = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(zipped.as_ref()),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, first_html);

    // Another language is another page; a signed-in viewer is never cached.
    let r = second.get("/catalogue?lang=fr").await;
    assert_eq!(cache(&r).as_deref(), Some("miss"));
    let r = staff.get("/catalogue").await;
    assert_eq!(cache(&r), None);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("action=\"/logout\""),
        "the staff member's own header"
    );

    // A write is seen at once by the next anonymous visitor.
    let r = first.get("/api/v1/programmes").await;
    assert_eq!(cache(&r).as_deref(), Some("miss"));
    assert_eq!(
        cache(&first.get("/api/v1/programmes").await).as_deref(),
        Some("hit")
    );
    let r = edit_title(&staff, &page, &seoul, "Renamed transport").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    for path in ["/catalogue", "/api/v1/programmes"] {
        let r = first.get(path).await;
        assert_eq!(cache(&r).as_deref(), Some("miss"), "{path} after the edit");
        let body = r.text().await.unwrap();
        assert!(body.contains("Renamed transport"), "{path} shows the edit");
        assert!(!body.contains("Cached transport"), "{path} shows the edit");
    }
    // Visitors arriving together wait for one render instead of each rendering.
    let visits = (0..32).map(|_| {
        let b = app.browser();
        async move { cache(&b.get("/calendar.ics").await) }
    });
    let answers = futures::future::join_all(visits).await;
    assert_eq!(
        answers
            .iter()
            .filter(|a| a.as_deref() == Some("miss"))
            .count(),
        1,
        "one render for 32 visitors: {answers:?}"
    );
    // Errors are not kept.
    let missing = "/catalogue/999999";
    assert_eq!(first.status(missing).await, StatusCode::NOT_FOUND);
    assert_eq!(cache(&first.get(missing).await), None);
}
