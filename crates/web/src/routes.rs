//! Every route, with the action it requires. Routes can only be added
//! through [`Routes::add`], which records the action and enforces it with the
//! policy table before the handler runs; [`table`] lists them for the test
//! that walks every route for every role.

use crate::context::Req;
use crate::error::WebError;
use crate::{AppState, api, context, csrf, error, headers, pages, public_cache, text_guard};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use miti_domain::DomainError;
use miti_domain::policy::{self, Action};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub action: Action,
}

struct Routes {
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

async fn enforce(action: Action, request: Request, next: Next) -> Response {
    let user = request
        .extensions()
        .get::<Req>()
        .and_then(|r| r.ctx.user.as_ref());
    if policy::may_attempt(user, action) {
        next.run(request).await
    } else if user.is_none() {
        WebError::from(DomainError::Unauthorized).into_response()
    } else {
        WebError::from(DomainError::Forbidden).into_response()
    }
}

impl Routes {
    fn add(
        mut self,
        method: Method,
        path: &'static str,
        action: Action,
        route: MethodRouter<AppState>,
    ) -> Self {
        let guarded = route.route_layer(middleware::from_fn(move |req: Request, next: Next| {
            enforce(action, req, next)
        }));
        self.router = self.router.route(path, guarded);
        self.specs.push(RouteSpec {
            method,
            path,
            action,
        });
        self
    }
    fn get<H, T>(self, path: &'static str, action: Action, h: H) -> Self
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, path, action, get(h))
    }
    /// A public GET whose anonymous answers may be served from the
    /// [`public_cache`].
    fn get_public<H, T>(self, path: &'static str, h: H) -> Self
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        let cached = get(h).route_layer(middleware::from_fn(public_cache::serve));
        self.add(Method::GET, path, Action::Public, cached)
    }
    fn post<H, T>(self, path: &'static str, action: Action, h: H) -> Self
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::POST, path, action, post(h))
    }
}

fn build() -> Routes {
    use Action::*;
    use pages::applications::{apply, nominate, report, review, selection, staff};
    use pages::*;
    Routes {
        router: Router::new(),
        specs: vec![],
    }
    .get_public("/", home::home)
    .get("/healthz", Public, home::healthz)
    .get("/static/{file}", Public, home::static_file)
    .get("/login", Public, auth::login_form)
    .post("/login", Public, auth::login)
    .post("/logout", Public, auth::logout)
    .get("/password-reset", Public, auth::reset_request_form)
    .post("/password-reset", Public, auth::reset_request)
    .get("/reset/{token}", Public, auth::reset_form)
    .post("/reset/{token}", Public, auth::reset)
    .get("/account", OwnAccount, account::show)
    .post("/account", OwnAccount, account::save)
    .get("/account/tokens", OwnAccount, account::tokens)
    .post("/account/tokens", OwnAccount, account::create_token)
    .post(
        "/account/tokens/{id}/revoke",
        OwnAccount,
        account::revoke_token,
    )
    .get_public("/organisations", organisations::list)
    .get("/organisations/new", OrgCreate, organisations::new_form)
    .post("/organisations", OrgCreate, organisations::create)
    .get_public("/organisations/{id}", organisations::show)
    .get(
        "/organisations/{id}/edit",
        OrgEdit,
        organisations::edit_form,
    )
    .post("/organisations/{id}", OrgEdit, organisations::update)
    .post(
        "/organisations/{id}/lifecycle",
        OrgLifecycle,
        organisations::lifecycle,
    )
    .post(
        "/organisations/{id}/memberships",
        OrgLifecycle,
        organisations::add_membership,
    )
    .post(
        "/organisations/{id}/memberships/{mid}/delete",
        OrgLifecycle,
        organisations::remove_membership,
    )
    .get("/organisations/{id}/people", PeopleView, people::list)
    .post("/organisations/{id}/people", PeopleEdit, people::create)
    .get("/people/{id}/edit", PeopleEdit, people::edit_form)
    .post("/people/{id}", PeopleEdit, people::update)
    .post("/people/{id}/delete", PeopleEdit, people::delete)
    .get("/mous", MouView, mous::list)
    .get("/mous/new", MouEdit, mous::new_form)
    .post("/mous", MouEdit, mous::create)
    .get("/mous/{id}", MouView, mous::show)
    .get("/programmes", ProgrammeView, programmes::list)
    .get("/programmes/new", ProgrammeEdit, programmes::new_form)
    .post("/programmes", ProgrammeEdit, programmes::create)
    .get("/programmes/{id}", ProgrammeView, programmes::show)
    .get(
        "/programmes/{id}/edit",
        ProgrammeEdit,
        programmes::edit_form,
    )
    .post("/programmes/{id}", ProgrammeEdit, programmes::update)
    .post(
        "/programmes/{id}/status",
        ProgrammeEdit,
        programmes::transition,
    )
    .get(
        "/programmes/{id}/call",
        ProgrammeEdit,
        programmes::call_form,
    )
    .post(
        "/programmes/{id}/call",
        ProgrammeEdit,
        programmes::save_call,
    )
    .get(
        "/programmes/{id}/call/preview",
        ProgrammeView,
        programmes::call_preview,
    )
    .get(
        "/programmes/{id}/sdg-alignment",
        SdgAlignmentEdit,
        alignment::edit_form,
    )
    .post(
        "/programmes/{id}/sdg-alignment",
        SdgAlignmentEdit,
        alignment::save,
    )
    .post(
        "/programmes/{id}/sdg-alignment/suggestions",
        SdgAlignmentEdit,
        alignment::answer,
    )
    .get("/plans", PlanSubmit, plans::list)
    .post("/plans", PlanSubmit, plans::submit)
    .get("/plans/{id}", PlanSubmit, plans::show)
    .post("/plans/{id}/review", PlanReview, plans::review)
    .get("/themes", ThemeEdit, programmes::themes)
    .post("/themes", ThemeEdit, programmes::create_theme)
    .get_public("/catalogue", programmes::catalogue)
    .get_public("/catalogue/{id}", programmes::public_show)
    .get_public("/calendar", calendar::calendar)
    .get_public("/calendar.ics", programmes::calendar_ics)
    .get("/documents/{id}", DocumentDownload, documents::download)
    .get_public("/sdg", sdg::index)
    .get_public("/sdg/goals/{n}", sdg::goal)
    .get_public("/sdg/targets/{code}", sdg::target)
    .get_public("/sdg/indicators/{code}", sdg::indicator)
    .get("/sdg/coverage", SdgCoverageView, coverage::page)
    .get("/sdg/coverage.csv", SdgCoverageView, coverage::csv)
    .get("/users", UserAdmin, users::list)
    .post("/users", UserAdmin, users::invite)
    .get("/audit", AuditView, admin::audit)
    .get("/outbox", OutboxView, admin::outbox)
    .get("/signup", Public, apply::signup_form)
    .post("/signup", Public, apply::signup)
    .post("/catalogue/{id}/apply", ApplyOwn, apply::start)
    .get("/applications", ApplyOwn, apply::mine)
    .get("/applications/{id}", ApplyOwn, apply::show)
    .post("/applications/{id}/draft", ApplyOwn, apply::save_draft)
    .post("/applications/{id}/submit", ApplyOwn, apply::submit)
    .post("/applications/{id}/documents", ApplyOwn, apply::upload)
    .post("/applications/{id}/withdraw", ApplyOwn, apply::withdraw)
    .post("/applications/{id}/offer", ApplyOwn, apply::answer_offer)
    .post("/applications/{id}/logistics", ApplyOwn, apply::logistics)
    // Applicant, staff, focal point and reviewers: the service checks which.
    .get(
        "/applications/{id}/documents/{doc}",
        OwnAccount,
        apply::document,
    )
    .get("/applications/{id}/letter.pdf", OwnAccount, report::letter)
    .get("/nominations", Nominate, nominate::list)
    .get("/nominations/{id}", Nominate, nominate::show)
    .post("/nominations/{id}", Nominate, nominate::endorse)
    .get("/reviews", Review, review::list)
    .get("/reviews/{id}", Review, review::show)
    .post("/reviews/{id}/declare", Review, review::declare)
    .post("/reviews/{id}/score", Review, review::score)
    .get("/vetting", Vet, staff::vetting_queue)
    .post("/applications/{id}/vetting", Vet, staff::vet)
    .get(
        "/programmes/{id}/applications",
        ApplicationManage,
        staff::pipeline,
    )
    .get(
        "/applications/{id}/manage",
        ApplicationManage,
        staff::detail,
    )
    .post(
        "/applications/{id}/reviewers",
        ApplicationManage,
        staff::assign,
    )
    .post(
        "/applications/{id}/interview",
        ApplicationManage,
        staff::interview,
    )
    .post(
        "/applications/{id}/override",
        ApplicationManage,
        staff::set_override,
    )
    .get("/programmes/{id}/rules", ApplicationManage, staff::rules)
    .post(
        "/programmes/{id}/rules",
        ApplicationManage,
        staff::save_rules,
    )
    .get(
        "/programmes/{id}/selection",
        ApplicationManage,
        selection::show,
    )
    .post(
        "/programmes/{id}/selection/run",
        ApplicationManage,
        selection::run,
    )
    .post(
        "/programmes/{id}/selection/confirm",
        ApplicationManage,
        selection::confirm,
    )
    .post(
        "/programmes/{id}/selection/expire",
        ApplicationManage,
        selection::expire,
    )
    .get("/programmes/{id}/report", ApplicationManage, report::show)
    .get(
        "/programmes/{id}/report.csv",
        ApplicationManage,
        report::csv,
    )
    .get(
        "/programmes/{id}/report.xlsx",
        ApplicationManage,
        report::xlsx,
    )
    .get("/api/v1/openapi.json", Public, api::openapi)
    .get_public("/api/v1/organisations", api::organisations::list)
    .get_public("/api/v1/organisations/{id}", api::organisations::show)
    .get_public("/api/v1/programmes", api::programmes::list)
    .get_public("/api/v1/programmes/{id}", api::programmes::show)
    .get_public(
        "/api/v1/programmes/{id}/sdg-alignment",
        api::programmes::sdg_alignment,
    )
    .get("/api/v1/me", OwnAccount, api::me)
}

/// Every route and the action it requires.
pub fn table() -> Vec<RouteSpec> {
    build().specs
}

pub fn router(state: AppState) -> Router {
    let limit = state.config.body_limit;
    let routes = build()
        .router
        .fallback(|| async { WebError::from(DomainError::NotFound) });
    // Innermost, so the delayed handler still finds the request's context.
    #[cfg(feature = "fault-injection")]
    let routes = crate::fault::install(routes);
    routes
        .layer(middleware::from_fn_with_state(
            state.clone(),
            text_guard::check,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::check))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::middleware,
        ))
        .layer(middleware::from_fn(error::render))
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn(headers::security_headers))
        .layer(middleware::from_fn_with_state(
            state.public_cache.clone(),
            public_cache::track,
        ))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_a_row_in_the_policy_table() {
        for r in table() {
            assert!(
                policy::roles_for(r.action).is_ok(),
                "{} {} uses {:?}, which has no policy row",
                r.method,
                r.path,
                r.action
            );
        }
    }

    #[test]
    fn no_route_is_registered_twice() {
        let t = table();
        for (i, a) in t.iter().enumerate() {
            assert!(
                !t[i + 1..]
                    .iter()
                    .any(|b| a.method == b.method && a.path == b.path),
                "{} {}",
                a.method,
                a.path
            );
        }
    }
}
