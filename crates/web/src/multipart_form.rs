//! The multipart forms that upload one file (the field `document`) with a
//! few text fields: read once here, with the text screened for control
//! characters as [`crate::text_guard`] screens other forms (that guard
//! cannot read multipart bodies without buffering their files).

use crate::error::WebError;
use crate::text_guard;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use miti_domain::{DomainError, FieldErrors};
use miti_service::documents::Upload;

/// The file field of every upload form.
pub const FILE_FIELD: &str = "document";

#[derive(Default)]
pub struct MultipartForm {
    /// The text fields, in order (a name may repeat).
    fields: Vec<(String, String)>,
    pub upload: Option<Upload>,
}

impl MultipartForm {
    /// Reads every part. A body over `body_limit` bytes, cut short or
    /// malformed is the file's error; a control character in a text field
    /// or the file's name is refused, naming the field. Nothing is saved
    /// before this returns.
    pub async fn read(mut mp: Multipart, body_limit: usize) -> Result<Self, WebError> {
        let too_large = |e: MultipartError| {
            let mut errors = FieldErrors::new();
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                let max = (body_limit / (1024 * 1024)).to_string();
                errors.add_with(FILE_FIELD, "file_too_large", &[("max", max)]);
            } else {
                errors.add(FILE_FIELD, "upload_malformed");
            }
            WebError::Domain(DomainError::Invalid(errors))
        };
        let mut form = Self::default();
        let mut bad: Vec<String> = vec![];
        while let Some(field) = mp.next_field().await.map_err(too_large)? {
            let name = field.name().unwrap_or("").to_string();
            if name == FILE_FIELD {
                let filename = field.file_name().unwrap_or("").to_string();
                if text_guard::has_control(&filename) {
                    bad.push(name.clone());
                }
                let bytes = field.bytes().await.map_err(too_large)?;
                form.upload = Some(Upload { filename, bytes });
                continue;
            }
            let value = field.text().await.map_err(too_large)?;
            if text_guard::has_control(&name) || text_guard::has_control(&value) {
                bad.push(name.chars().filter(|c| !c.is_control()).collect());
            }
            form.fields.push((name, value));
        }
        if bad.is_empty() {
            Ok(form)
        } else {
            Err(text_guard::refusal(bad))
        }
    }

    /// The first value of `name`, or "".
    pub fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}
