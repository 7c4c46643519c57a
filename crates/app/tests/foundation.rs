//! Story tests of the foundation, run against the real binary on SQLite and
//! on PostgreSQL: sign-in, sessions, throttling, CSRF, languages, scope,
//! the registry by role, the audit trail, the API and its errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, PASSWORD, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

on_both_backends!(
    sign_in_sessions_and_throttling,
    csrf_and_security_headers,
    languages_and_right_to_left,
    scope_answers_not_found,
    registry_by_role_with_audit,
    api_and_error_shape,
    password_reset_through_the_outbox,
    control_characters_are_refused_by_name,
);

async fn sign_in_sessions_and_throttling(backend: Backend) {
    // The test client stands behind a "proxy" (loopback) whose X-Forwarded-For is believed.
    let Some(app) = TestApp::spawn_with(backend, &[("MITI_TRUSTED_PROXIES", "127.0.0.1")]).await
    else {
        return;
    };
    let b = app.browser();
    // Signed out, a private page sends you to sign in and back.
    let r = b.get("/account").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/login?next=%2Faccount");

    let r = b.login("staff@cairo.demo", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let first = b.cookie(&r, "miti_session").expect("a session cookie");
    let set_cookie: Vec<_> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(set_cookie.iter().any(|c| c.starts_with("miti_session=")
        && c.contains("HttpOnly")
        && c.contains("SameSite=Lax")));
    let (s, html) = b.get_text("/account").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Cairo centre staff"));

    // Signing in again rotates the session: the old token stops working.
    let r = b.login("staff@cairo.demo", PASSWORD).await;
    let second = b.cookie(&r, "miti_session").unwrap();
    assert_ne!(first, second);
    let stale = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = stale
        .get(app.url("/account"))
        .header("cookie", format!("miti_session={first}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "the pre-rotation session is gone"
    );
    let r = stale
        .get(app.url("/account"))
        .header("cookie", format!("miti_session={second}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // Logout ends the session on the server, not only in the browser.
    let r = b.post_form("/logout", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = stale
        .get(app.url("/account"))
        .header("cookie", format!("miti_session={second}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Ten failures are answered 422; the eleventh within 15 minutes, 429,
    // even with the right password.
    let attacker = app.browser_from("203.0.113.5");
    for _ in 0..10 {
        let r = attacker
            .login("focal@dakar.demo", "wrong-password-123")
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(html.contains("focal@dakar.demo"), "the typed email is kept");
    }
    let r = attacker.login("focal@dakar.demo", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    // Per account: the same account from elsewhere is throttled too…
    let elsewhere = app.browser_from("198.51.100.8");
    assert_eq!(
        elsewhere.login("focal@dakar.demo", PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // …per address: another account from the attacker's address as well…
    assert_eq!(
        attacker.login("staff@seoul.demo", PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // …while other accounts from other addresses are not affected.
    assert_eq!(
        elsewhere.login("staff@seoul.demo", PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
}

async fn csrf_and_security_headers(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let b = app.signed_in("admin@secretariat.demo").await;
    let r = b.get("/").await;
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h.contains_key("referrer-policy"));
    let html = r.text().await.unwrap();
    assert!(!html.contains("<script>"), "no inline script");

    // No token: refused. A foreign token: refused. A foreign origin: refused.
    let r = b
        .client
        .post(b.url("/account"))
        .header("Origin", b.base.clone())
        .form(&[("locale", "fr")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = b
        .client
        .post(b.url("/account"))
        .header("Origin", b.base.clone())
        .form(&[("locale", "fr"), ("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let token = b.csrf().await;
    let r = b
        .client
        .post(b.url("/account"))
        .header("Origin", "https://evil.example")
        .form(&[("locale", "fr"), ("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // htmx sends the token as a header.
    let r = b
        .client
        .post(b.url("/account"))
        .header("Origin", b.base.clone())
        .header("X-CSRF-Token", token.as_str())
        .form(&[("locale", "fr"), ("timezone", "Europe/Paris")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Login itself needs the token too.
    let fresh = app.browser();
    let r = fresh
        .client
        .post(fresh.url("/login"))
        .form(&[("email", "admin@secretariat.demo"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Bodies over the limit answer 413.
    let big = "x".repeat(13 * 1024 * 1024);
    let r = b
        .client
        .post(b.url("/account"))
        .header("Origin", b.base.clone())
        .header("X-CSRF-Token", token.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("locale=fr&timezone={big}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

async fn languages_and_right_to_left(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let b = app.browser();
    for (lang, dir) in [
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("fr", "ltr"),
        ("ko", "ltr"),
        ("es", "ltr"),
        ("en", "ltr"),
    ] {
        let (s, html) = b.get_text(&format!("/organisations?lang={lang}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{lang}"
        );
    }
    // Organisation names in the viewer's language.
    let (_, html) = b.get_text("/organisations?lang=ar").await;
    assert!(html.contains("القاهرة"), "Cairo in Arabic");
    // The choice sticks (cookie) for the next page.
    let (_, html) = b.get_text("/").await;
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    let (_, html) = b.get_text("/organisations?lang=fr").await;
    assert!(
        html.contains("Le Caire") && html.contains("Réseau"),
        "French names and interface"
    );
    // Accept-Language for a new visitor; the user's own setting above both.
    let r = reqwest::Client::new()
        .get(app.url("/"))
        .header("accept-language", "ko-KR,ko;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    assert!(
        r.text()
            .await
            .unwrap()
            .contains(r#"<html lang="ko" dir="ltr">"#)
    );
    let staff = app.signed_in("staff@mashhad.demo").await;
    staff
        .post_form("/account", &[("locale", "fa"), ("timezone", "Asia/Tehran")])
        .await;
    let (_, html) = staff.get_text("/?lang=en").await;
    assert!(
        html.contains(r#"<html lang="fa" dir="rtl">"#),
        "the saved setting wins"
    );
}

async fn scope_answers_not_found(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let cairo = app.org_id("cairo-centre").await;
    let seoul = app.org_id("shrdc").await;
    let dakar = app.org_id("dakar").await;
    let staff = app.signed_in("staff@cairo.demo").await;
    assert_eq!(
        staff.status(&format!("/organisations/{cairo}/edit")).await,
        StatusCode::OK
    );
    assert_eq!(
        staff
            .status(&format!("/organisations/{cairo}/people"))
            .await,
        StatusCode::OK
    );
    assert_eq!(
        staff.status(&format!("/organisations/{seoul}/edit")).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        staff
            .status(&format!("/organisations/{seoul}/people"))
            .await,
        StatusCode::NOT_FOUND
    );
    let r = staff
        .post_form(
            &format!("/organisations/{seoul}/people"),
            &[("name", "x"), ("contact_role", "other")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let focal = app.signed_in("focal@dakar.demo").await;
    assert_eq!(
        focal
            .status(&format!("/organisations/{dakar}/people"))
            .await,
        StatusCode::OK
    );
    assert_eq!(
        focal
            .status(&format!("/organisations/{cairo}/people"))
            .await,
        StatusCode::NOT_FOUND
    );
    // Roles without the action at all are refused outright.
    let applicant = app.signed_in("applicant@dakar.demo").await;
    assert_eq!(applicant.status("/audit").await, StatusCode::FORBIDDEN);
    assert_eq!(
        applicant
            .status(&format!("/organisations/{dakar}/people"))
            .await,
        StatusCode::FORBIDDEN
    );
    // MoUs: Cairo staff see Cairo's MoU, not Mashhad's.
    let (_, html) = staff.get_text("/mous").await;
    assert!(html.contains("Cairo") || html.contains("caire") || html.contains("Caire"));
    assert!(!html.to_lowercase().contains("mashhad"));
}

async fn registry_by_role_with_audit(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = app.signed_in("admin@secretariat.demo").await;
    let staff = app.signed_in("staff@seoul.demo").await;
    let form = [
        ("slug", "nairobi"),
        ("kind", "member_city"),
        ("main_language", "en"),
        ("name_en", "Nairobi"),
        ("name_ar", "نيروبي"),
        ("country", "KE"),
        ("region", "africa"),
        ("city", "Nairobi"),
        ("timezone", "Africa/Nairobi"),
        ("working_languages", "en, sw"),
    ];
    // Staff may not create organisations.
    assert_eq!(
        staff.post_form("/organisations", &form).await.status(),
        StatusCode::FORBIDDEN
    );
    // Bad input: every bad field named, what was typed kept, nothing saved.
    let mut bad = form.to_vec();
    bad[5] = ("country", "Kenya");
    bad[8] = ("timezone", "Africa/Atlantis");
    let r = admin.post_form("/organisations", &bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="country-error""#) && html.contains(r#"id="timezone-error""#));
    assert!(html.contains(r#"value="Kenya""#) && html.contains("نيروبي"));
    let r = admin.post_form("/organisations", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = location
        .trim_start_matches("/organisations/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // The same slug again is refused next to the field.
    let r = admin.post_form("/organisations", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(r#"id="slug-error""#));

    // Edit, then an edit from the stale version is refused without losing input.
    let mut edit = form.to_vec();
    edit.push(("version", "1"));
    edit[7] = ("city", "Nairobi City County");
    assert_eq!(
        admin
            .post_form(&format!("/organisations/{id}"), &edit)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    edit[7] = ("city", "Typed by someone late");
    let r = admin
        .post_form(&format!("/organisations/{id}"), &edit)
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Typed by someone late"));

    // Centre lifecycle: only the Secretariat, only allowed moves, with a document.
    let istanbul = app.org_id("istanbul-centre").await;
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let form = |to: &str, file: Vec<u8>, name: &str| {
        reqwest::multipart::Form::new()
            .text("to", to.to_string())
            .text("on", "2019-04-06")
            .text("note", "Board approval")
            .part(
                "document",
                reqwest::multipart::Part::bytes(file).file_name(name.to_string()),
            )
    };
    let r = staff
        .post_multipart(
            &format!("/organisations/{istanbul}/lifecycle"),
            form("active", pdf.clone(), "mou.pdf"),
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = admin
        .post_multipart(
            &format!("/organisations/{istanbul}/lifecycle"),
            form("withdrawing", pdf.clone(), "mou.pdf"),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "candidate → withdrawing is not a lifecycle move"
    );
    let r = admin
        .post_multipart(
            &format!("/organisations/{istanbul}/lifecycle"),
            form("active", b"MZ\x90\x00 not a pdf".to_vec(), "mou.pdf"),
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "content is sniffed, not trusted from the name"
    );
    let r = admin
        .post_multipart(
            &format!("/organisations/{istanbul}/lifecycle"),
            form("active", pdf.clone(), "signed MoU.pdf"),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = admin.get_text(&format!("/organisations/{istanbul}")).await;
    let doc: i64 = regex::Regex::new(r#"/documents/(\d+)"#)
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .parse()
        .unwrap();
    let r = admin.get(&format!("/documents/{doc}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
    // Another centre's staff cannot fetch it.
    let cairo_staff = app.signed_in("staff@cairo.demo").await;
    assert_eq!(
        cairo_staff.status(&format!("/documents/{doc}")).await,
        StatusCode::NOT_FOUND
    );

    // Every write left its audit row, with its actor; admins filter them.
    let (s, html) = admin
        .get_text("/audit?action=organisation.&actor=admin%40secretariat.demo")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("organisation.create")
            && html.contains("organisation.update")
            && html.contains("organisation.lifecycle")
    );
    assert!(html.contains(&format!("organisation #{id}")));
    assert_eq!(staff.status("/audit").await, StatusCode::FORBIDDEN);
}

async fn api_and_error_shape(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let http = reqwest::Client::new();
    let list: Value = http
        .get(app.url("/api/v1/organisations?kind=regional_centre&lang=fr"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 5);
    let item = &list["items"][0];
    for key in ["id", "name", "kind", "country", "region", "status"] {
        assert!(item.get(key).is_some(), "public field {key}");
    }
    assert!(
        item.get("working_languages").is_none(),
        "the list shows public fields only"
    );
    let r = http
        .get(app.url("/api/v1/organisations?kind=castle"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "validation_failed");
    assert_eq!(e["error"]["fields"]["kind"]["code"], "invalid_choice");
    let r = http
        .get(app.url("/api/v1/organisations/999999"))
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "not_found");
    assert!(e["error"]["message"].as_str().unwrap().len() > 5);
    let spec: Value = http
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(spec["openapi"], "3.1.0");

    // Personal API tokens: created on the account page, shown once, stored hashed.
    assert_eq!(
        http.get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let focal = app.signed_in("focal@tehran.demo").await;
    let r = focal
        .post_form("/account/tokens", &[("name", "laptop")])
        .await;
    let html = r.text().await.unwrap();
    let token = regex::Regex::new(r"miti_[A-Za-z0-9_-]{20,}")
        .unwrap()
        .find(&html)
        .unwrap()
        .as_str()
        .to_string();
    let me: Value = http
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "focal@tehran.demo");
    assert_eq!(me["roles"][0]["role"], "focal_point");
    let r = http
        .get(app.url("/api/v1/me"))
        .bearer_auth("miti_not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "unauthorized"
    );
}

async fn password_reset_through_the_outbox(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.signed_in("expert@berlin.demo").await;
    user.post_form("/account", &[("locale", "es"), ("timezone", "")])
        .await;
    let anon = app.browser();
    let r = anon
        .post_form("/password-reset", &[("email", "expert@berlin.demo")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Unknown addresses get the same answer.
    let r = anon
        .post_form("/password-reset", &[("email", "nobody@nowhere.demo")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let admin = app.signed_in("admin@secretariat.demo").await;
    let (_, html) = admin.get_text("/outbox").await;
    assert!(html.contains("expert@berlin.demo"));
    assert!(!html.contains("nobody@nowhere.demo"));
    let link = regex::Regex::new(r"/reset/([A-Za-z0-9_-]+)")
        .unwrap()
        .captures(&html)
        .unwrap()[0]
        .to_string();
    // The email is in the recipient's language (Spanish).
    assert!(html.contains("contraseña"), "the reset email is in Spanish");
    let r = anon
        .post_form(&link, &[("password", "short"), ("confirm", "short")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = anon
        .post_form(
            &link,
            &[
                ("password", "new long passphrase 42"),
                ("confirm", "new long passphrase 42"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // Single use; the old password and old sessions are gone.
    let r = anon
        .post_form(
            &link,
            &[
                ("password", "another passphrase 43"),
                ("confirm", "another passphrase 43"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(user.status("/account").await, StatusCode::SEE_OTHER);
    assert_eq!(
        app.browser()
            .login("expert@berlin.demo", PASSWORD)
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.browser()
            .login("expert@berlin.demo", "new long passphrase 42")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // A network admin invites a new centre staff member, who sets a password
    // from the emailed link and signs in with the role.
    let cairo = app.org_id("cairo-centre").await;
    let cairo_s = cairo.to_string();
    let invite = [
        ("email", "trainer@cairo.demo"),
        ("display_name", "Cairo trainer"),
        ("role", "centre_staff"),
        ("org_id", cairo_s.as_str()),
    ];
    let staff = app.signed_in("staff@cairo.demo").await;
    assert_eq!(
        staff.post_form("/users", &invite).await.status(),
        StatusCode::FORBIDDEN
    );
    let r = admin
        .post_form(
            "/users",
            &[
                ("email", "not-an-email"),
                ("display_name", ""),
                ("role", "king"),
                ("org_id", "x"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="email-error""#) && html.contains(r#"id="name-error""#));
    assert_eq!(
        admin.post_form("/users", &invite).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = admin.get_text("/outbox").await;
    assert!(
        html.contains("Your miti account") && html.contains("Hello Cairo trainer"),
        "a welcome email, not a reset one"
    );
    let invitation = regex::Regex::new(r"/reset/([A-Za-z0-9_-]+)")
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[0].to_string())
        .find(|l| *l != link)
        .expect("an invitation link");
    let invitee = app.browser();
    let r = invitee
        .post_form(
            &invitation,
            &[
                ("password", "nile corniche at noon"),
                ("confirm", "nile corniche at noon"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        invitee
            .login("trainer@cairo.demo", "nile corniche at noon")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        invitee
            .status(&format!("/organisations/{cairo}/edit"))
            .await,
        StatusCode::OK
    );
}

/// NUL and other control characters (which PostgreSQL cannot store in text)
/// are refused before any handler, naming the field; nothing is saved.
async fn control_characters_are_refused_by_name(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = app.signed_in("admin@secretariat.demo").await;
    let count = || async {
        let list: Value = reqwest::get(app.url("/api/v1/organisations"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        list["total"].as_i64().unwrap()
    };
    let before = count().await;
    let form = [
        ("slug", "lagos"),
        ("kind", "member_city"),
        ("main_language", "en"),
        ("name_en", "La\u{0}gos"),
        ("country", "NG"),
        ("region", "africa"),
        ("city", "Lagos\u{7}"),
        ("timezone", "Africa/Lagos"),
        ("working_languages", "en"),
    ];
    let r = admin.post_form("/organisations", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<code>name_en</code>") && html.contains("<code>city</code>"),
        "both fields named: {html}"
    );
    assert!(!html.contains("<code>slug</code>"));
    assert!(html.contains("control character"));
    assert_eq!(count().await, before, "nothing saved");

    // A line break and a tab are ordinary text and still pass.
    let mut fine = form;
    fine[3] = ("name_en", "Lagos");
    fine[6] = ("city", "Lagos\tIsland");
    let r = admin.post_form("/organisations", &fine).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(count().await, before + 1);

    // In a search (the query string) and in the API, in the reader's language.
    let (status, html) = admin.get_text("/organisations?q=a%00b&lang=fr").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("<code>q</code>") && html.contains("caractère de contrôle"));
    let r = reqwest::get(app.url("/api/v1/organisations?kind=%00"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"]["fields"]["kind"]["code"], "control_character");

    // Upload forms (multipart): their text parts and the file's name too.
    let mou = |title: &'static str, file_name: &'static str| {
        let pdf =
            reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name(file_name);
        reqwest::multipart::Form::new()
            .text("title", title)
            .text("title_language", "en")
            .text("signed_on", "2026-01-05")
            .part("document", pdf)
    };
    let r = admin
        .post_multipart("/mous?lang=en", mou("Kerbside data \u{0}accord", "a.pdf"))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<code>title</code>"),
        "the part named: {html}"
    );
    assert!(html.contains("control character"));
    assert!(!html.contains("<code>signed_on</code>"));
    // A file name with one is refused, whichever layer notices first.
    let r = admin
        .post_multipart("/mous", mou("Kerbside data accord", "accord\u{1b}.pdf"))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<code>document</code>"),
        "the file named: {html}"
    );
    assert!(!html.contains(": field-"), "a message, not a key: {html}");
    let (_, mous) = admin.get_text("/mous").await;
    assert!(!mous.contains("Kerbside data"), "nothing saved");
}
