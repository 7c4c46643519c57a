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
