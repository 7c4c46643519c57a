//! Walks every route of the route table for every role over real HTTP and
//! checks the answer against the policy table: refused roles get 403 (or are
//! sent to sign in), permitted ones never do, and nothing answers 5xx.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use miti_domain::account::{Role, RoleGrant, User};
use miti_domain::policy::{self, Action};
use reqwest::{Method, StatusCode};

async fn ids_in(app: &TestApp, admin: &common::Browser, page: &str, re: &str) -> Vec<i64> {
    let (_, html) = admin.get_text(page).await;
    let _ = app;
    regex::Regex::new(re)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[1].parse().unwrap())
        .collect()
}

/// A demo account: email, role, the slug of its organisation.
type Account = (&'static str, Role, &'static str);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_for_every_role() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let admin = app.signed_in("admin@secretariat.demo").await;
    let roles: [(Option<Account>, &str); 6] = [
        (None, "anonymous"),
        (
            Some(("admin@secretariat.demo", Role::NetworkAdmin, "metropolis")),
            "admin",
        ),
        (
            Some(("staff@seoul.demo", Role::CentreStaff, "shrdc")),
            "staff",
        ),
        (
            Some(("focal@dakar.demo", Role::FocalPoint, "dakar")),
            "focal",
        ),
        (
            Some(("applicant@dakar.demo", Role::Applicant, "dakar")),
            "applicant",
        ),
        (
            Some(("expert@berlin.demo", Role::Expert, "berlin")),
            "expert",
        ),
    ];
    let routes = miti_web::routes::table();
    assert!(routes.len() > 30);
    let mou = ids_in(&app, &admin, "/mous", r"/mous/(\d+)").await[0];
    let programmes: serde_json::Value = app
        .browser()
        .get("/api/v1/programmes")
        .await
        .json()
        .await
        .unwrap();
    let programmes: Vec<(i64, i64)> = programmes["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_i64().unwrap(), p["host_id"].as_i64().unwrap()))
        .collect();
    for (who, label) in roles {
        let (browser, user) = match who {
            None => (app.browser(), None),
            Some((email, role, slug)) => {
                let org_id = app.org_id(slug).await;
                let user = User {
                    id: 0,
                    email: email.into(),
                    display_name: String::new(),
                    locale: None,
                    timezone: None,
                    roles: vec![RoleGrant { role, org_id }],
                    created_at: chrono::Utc::now(),
                };
                (app.signed_in(email).await, Some((user, org_id)))
            }
        };
        let own_org = match &user {
            Some((_, id)) => *id,
            None => app.org_id("shrdc").await,
        };
        let person = ids_in(
            &app,
            &admin,
            &format!("/organisations/{own_org}/people"),
            r"/people/(\d+)/edit",
        )
        .await;
        let person = person.first().copied().unwrap_or(1);
        // A programme of the walker's own centre if it hosts one, else any.
        let programme = programmes
            .iter()
            .find(|(_, host)| *host == own_org)
            .or(programmes.first())
            .map(|(id, _)| *id)
            .unwrap();
        // The walker's own plan (staff see only their centre's), else any.
        let plan = ids_in(&app, &browser, "/plans", r"/plans/(\d+)")
            .await
            .first()
            .copied()
            .unwrap_or(1);
        for route in &routes {
            if route.path == "/logout" {
                continue; // would end this walker's session; tested in the foundation stories
            }
            let path = route
                .path
                .replace("{file}", "miti.css")
                .replace("/sdg/goals/{n}", "/sdg/goals/6")
                .replace("/sdg/targets/{code}", "/sdg/targets/6.3")
                .replace("/sdg/indicators/{code}", "/sdg/indicators/6.3.1")
                .replace("{token}", "no-such-token")
                .replace("{mid}", "999999")
                .replace("/people/{id}", &format!("/people/{person}"))
                .replace("/mous/{id}", &format!("/mous/{mou}"))
                .replace("/programmes/{id}", &format!("/programmes/{programme}"))
                .replace("/catalogue/{id}", &format!("/catalogue/{programme}"))
                .replace("/plans/{id}", &format!("/plans/{plan}"))
                .replace("/account/tokens/{id}", "/account/tokens/999999")
                .replace("/documents/{id}", "/documents/999999")
                // Applications, nominations and reviews are the caller's own
                // records: the walk checks the role rule (403 or not) with an
                // id that exists for nobody.
                .replace("/applications/{id}", "/applications/999999")
                .replace("/nominations/{id}", "/nominations/999999")
                .replace("/reviews/{id}", "/reviews/999999")
                .replace("{doc}", "999999")
                .replace("{id}", &own_org.to_string());
            let r = if route.method == Method::GET {
                browser.get(&path).await
            } else {
                browser.post_form(&path, &[]).await
            };
            let status = r.status();
            let allowed = policy::may_attempt(user.as_ref().map(|(u, _)| u), route.action);
            let what = format!(
                "{label} {} {path} ({:?}) → {status}",
                route.method, route.action
            );
            assert!(!status.is_server_error(), "{what}");
            if allowed {
                assert!(
                    status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED,
                    "{what}"
                );
                if route.method == Method::GET
                    && route.action != Action::DocumentDownload
                    && !route.path.contains("{token}")
                    && !path.contains("999999")
                {
                    assert!(status.is_success(), "{what}");
                }
            } else if user.is_none() {
                let sent_to_login = status == StatusCode::SEE_OTHER
                    && r.headers()["location"]
                        .to_str()
                        .unwrap()
                        .starts_with("/login?next=");
                assert!(
                    sent_to_login || status == StatusCode::UNAUTHORIZED,
                    "{what}"
                );
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
            }
        }
    }
}
