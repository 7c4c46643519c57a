//! The OpenAPI 3.1 description of `/api/v1`. Written by hand next to the
//! handlers; a test checks that it names exactly the API routes in the route
//! table, so the two cannot drift apart.

use serde_json::{Value, json};

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

pub fn document() -> Value {
    let lang = json!({"name": "lang", "in": "query", "required": false,
        "description": "Language of names: en, fr, es, ko, ar, fa (else Accept-Language).",
        "schema": {"type": "string", "enum": ["en", "fr", "es", "ko", "ar", "fa"]}});
    json!({
      "openapi": "3.1.0",
      "info": {
        "title": "miti API",
        "version": "1",
        "description": "The operations platform of the Metropolis International Training Institute network. Public endpoints need no authentication; others take a personal API token (`Authorization: Bearer miti_…`) created on the account page."
      },
      "servers": [{"url": "/api/v1"}],
      "paths": {
        "/organisations": {"get": {
          "summary": "List organisations of the network (public fields)",
          "operationId": "listOrganisations",
          "parameters": [
            lang,
            {"name": "q", "in": "query", "description": "Text in any language's name, the city or the slug.", "schema": {"type": "string"}},
            {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/OrgKind"}},
            {"name": "region", "in": "query", "schema": {"$ref": "#/components/schemas/Region"}},
            {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}},
            {"name": "country", "in": "query", "description": "ISO 3166-1 alpha-2", "schema": {"type": "string"}}
          ],
          "responses": {
            "200": {"description": "The matching organisations", "content": {"application/json": {"schema": {
              "type": "object", "required": ["items", "total"],
              "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}}, "total": {"type": "integer"}}}}}},
            "422": error_response("A filter value is not one of the allowed values")
          }}},
        "/organisations/{id}": {"get": {
          "summary": "One organisation",
          "operationId": "getOrganisation",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, lang],
          "responses": {
            "200": {"description": "The organisation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationDetail"}}}},
            "404": error_response("No such organisation")
          }}},
        "/programmes": {"get": {
          "summary": "The public programme catalogue (every programme past the draft stage)",
          "operationId": "listProgrammes",
          "parameters": [
            lang,
            {"name": "theme", "in": "query", "description": "A theme slug, e.g. water-management", "schema": {"type": "string"}},
            {"name": "centre", "in": "query", "description": "The host centre's organisation id", "schema": {"type": "integer"}},
            {"name": "month", "in": "query", "description": "YYYY-MM: programmes running during that month", "schema": {"type": "string"}},
            {"name": "language", "in": "query", "description": "A working language code", "schema": {"type": "string"}},
            {"name": "open", "in": "query", "description": "Only programmes whose call for applications is open", "schema": {"type": "boolean"}}
          ],
          "responses": {
            "200": {"description": "The matching programmes", "content": {"application/json": {"schema": {
              "type": "object", "required": ["items", "total"],
              "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Programme"}}, "total": {"type": "integer"}}}}}},
            "422": error_response("A filter value is not valid")
          }}},
        "/programmes/{id}": {"get": {
          "summary": "One programme of the public catalogue",
          "operationId": "getProgramme",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, lang],
          "responses": {
            "200": {"description": "The programme", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProgrammeDetail"}}}},
            "404": error_response("No such programme, or still a draft")
          }}},
        "/programmes/{id}/sdg-alignment": {"get": {
          "summary": "The SDG alignment of a programme of the public catalogue: the exercise table (strategic focus, project example, goal, target, indicator), the stakeholder map and the host centre's five answers",
          "operationId": "getProgrammeSdgAlignment",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, lang],
          "responses": {
            "200": {"description": "The alignment (version 0 and empty lists while none is recorded)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SdgAlignment"}}}},
            "404": error_response("No such programme, or still a draft")
          }}},
        "/me": {"get": {
          "summary": "The authenticated caller and their roles",
          "operationId": "me",
          "security": [{"bearer": []}],
          "responses": {
            "200": {"description": "The caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
            "401": error_response("No valid token or session")
          }}},
        "/openapi.json": {"get": {
          "summary": "This document",
          "operationId": "openapi",
          "responses": {"200": {"description": "OpenAPI 3.1 document"}}}}
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
          "OrgKind": {"type": "string", "enum": ["secretariat", "headquarters", "regional_centre", "regional_secretariat", "member_city", "partner"]},
          "Region": {"type": "string", "enum": ["africa", "asia_pacific", "europe", "latin_america", "north_america", "middle_east_west_asia"]},
          "Status": {"type": "string", "enum": ["candidate", "active", "withdrawing", "withdrawn"]},
          "Organisation": {"type": "object", "required": ["id", "name", "kind", "country", "region", "status"], "properties": {
            "id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"$ref": "#/components/schemas/OrgKind"},
            "country": {"type": "string"}, "region": {"$ref": "#/components/schemas/Region"}, "status": {"$ref": "#/components/schemas/Status"}}},
          "OrganisationDetail": {"allOf": [{"$ref": "#/components/schemas/Organisation"}, {"type": "object", "properties": {
            "slug": {"type": "string"}, "names": {"type": "object", "additionalProperties": {"type": "string"}},
            "main_language": {"type": "string"}, "city": {"type": ["string", "null"]}, "timezone": {"type": "string"},
            "website": {"type": ["string", "null"]}, "working_languages": {"type": "array", "items": {"type": "string"}},
            "parent_id": {"type": ["integer", "null"]}, "member": {"type": "boolean"},
            "memberships": {"type": "array", "items": {"type": "object", "properties": {"from": {"type": "string", "format": "date"}, "until": {"type": ["string", "null"], "format": "date"}}}}}}]},
          "ProgrammeStatus": {"type": "string", "enum": ["draft", "planned", "endorsed", "call_open", "call_closed", "selection", "confirmed", "running", "completed", "evaluated", "cancelled"]},
          "Programme": {"type": "object", "required": ["id", "title", "host_id", "host", "themes", "start", "end", "capacity", "status", "call_state"], "properties": {
            "id": {"type": "integer"}, "title": {"type": "string"}, "host_id": {"type": "integer"}, "host": {"type": "string"},
            "themes": {"type": "array", "items": {"type": "string"}}, "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
            "capacity": {"type": "integer"}, "status": {"$ref": "#/components/schemas/ProgrammeStatus"},
            "call_state": {"type": "string", "enum": ["not_open", "open", "closed", "cancelled"]}}},
          "ProgrammeDetail": {"allOf": [{"$ref": "#/components/schemas/Programme"}, {"type": "object", "properties": {
            "titles": {"type": "object", "additionalProperties": {"type": "string"}}, "main_language": {"type": "string"},
            "summary_text": {"type": "string"}, "description": {"type": "string"}, "official_days": {"type": "number"},
            "venue": {"type": "string"}, "timezone": {"type": "string"}, "working_languages": {"type": "array", "items": {"type": "string"}},
            "interpretation": {"type": ["string", "null"]},
            "eligibility": {"type": "object", "properties": {"members_only": {"type": "boolean"}, "seniority_levels": {"type": "array", "items": {"type": "string"}},
              "max_per_city": {"type": ["integer", "null"]}, "min_member_share_pct": {"type": "integer"}, "gender_balance_target_pct": {"type": ["integer", "null"]}}},
            "support": {"type": "object", "properties": {"lodging_nights": {"type": "integer"}, "meals": {"type": "boolean"},
              "per_diem_minor": {"type": ["integer", "null"], "description": "Integer minor units of per_diem_currency"}, "per_diem_currency": {"type": ["string", "null"]},
              "registration_fee_waived": {"type": "boolean"}, "airfare_covered": {"type": "boolean"}}},
            "partners": {"type": "array", "items": {"type": "integer"}}, "contact_email": {"type": "string"}}}]},
          "SdgAlignment": {"type": "object", "required": ["programme_id", "version", "goals", "covers_gender_equality", "rows", "stakeholders", "answers"], "properties": {
            "programme_id": {"type": "integer"}, "version": {"type": "integer", "description": "Optimistic-locking version; 0 while nothing is recorded"},
            "updated_at": {"type": ["string", "null"], "format": "date-time"},
            "goals": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}, "description": "The goals the table names, ascending"},
            "covers_gender_equality": {"type": "boolean", "description": "Whether a row names SDG 5"},
            "rows": {"type": "array", "items": {"type": "object", "required": ["strategic_focus", "project_example", "goal", "goal_title"], "properties": {
              "strategic_focus": {"type": "string"}, "project_example": {"type": "string"},
              "goal": {"type": "integer", "minimum": 1, "maximum": 17}, "goal_title": {"type": "string", "description": "Short title in the requested language (English fallback)"},
              "target": {"type": ["string", "null"], "description": "A target of the goal, e.g. 6.3"}, "indicator": {"type": ["string", "null"], "description": "An indicator of the target, e.g. 6.3.1"}}}},
            "stakeholders": {"type": "array", "items": {"type": "object", "properties": {
              "organisation": {"type": "string"}, "role": {"type": "string"}, "interest": {"type": "string"},
              "influence": {"type": "string", "enum": ["low", "medium", "high"]}, "partnership": {"type": "string", "enum": ["existing", "potential", "none"]}}}},
            "answers": {"type": "object", "properties": {
              "content_focus": {"type": "string"}, "partners": {"type": "string"}, "target_audience": {"type": "string"}, "sdg_familiarity": {"type": "string"},
              "alignment_strength": {"type": ["string", "null"], "enum": ["yes", "partly", "no", null]}, "alignment_why": {"type": "string"}}}}},
          "Me": {"type": "object", "properties": {"id": {"type": "integer"}, "email": {"type": "string"}, "display_name": {"type": "string"},
            "locale": {"type": ["string", "null"]}, "roles": {"type": "array", "items": {"type": "object", "properties": {"role": {"type": "string"}, "organisation_id": {"type": "integer"}}}}}},
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
            "code": {"type": "string", "description": "Stable snake_case code, e.g. not_found, validation_failed, unauthorized"},
            "message": {"type": "string", "description": "In the caller's language"},
            "fields": {"type": "object", "additionalProperties": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}}}}
        }
      }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn documents_exactly_the_api_routes() {
        let doc = super::document();
        let mut documented: Vec<String> = doc["paths"]
            .as_object()
            .map(|p| p.keys().map(|k| format!("/api/v1{k}")).collect())
            .unwrap_or_default();
        let mut routed: Vec<String> = crate::routes::table()
            .into_iter()
            .filter(|r| r.path.starts_with("/api/v1"))
            .map(|r| r.path.to_string())
            .collect();
        documented.sort();
        routed.sort();
        assert_eq!(documented, routed);
    }
}
