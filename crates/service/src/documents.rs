//! Uploaded files: checked by content, stored under a server-chosen name,
//! served back only within scope.

use crate::secrets::{new_token, sha256_hex};
use crate::{Ctx, Services, from_store};
use bytes::Bytes;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id, OrgId};
use miti_store::{Document, NewDocument};
use object_store::ObjectStoreExt;
use object_store::path::Path;

/// Content types miti accepts, decided from the bytes, never the file name.
const ACCEPTED: &[(&str, &str)] = &[
    ("application/pdf", "pdf"),
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
];

/// An upload as received: the name the user gave and the bytes.
pub struct Upload {
    pub filename: String,
    pub bytes: Bytes,
}

/// Keeps a display name safe to show and to put in a header: no path, no
/// control characters, bounded length.
fn clean_filename(name: &str, ext: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(120)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        format!("document.{ext}")
    } else {
        cleaned
    }
}

impl Services {
    /// Validates and writes an upload to the object store; the caller
    /// records the returned `NewDocument` in its own transaction.
    pub async fn store_upload(
        &self,
        field: &str,
        owner: OrgId,
        upload: Upload,
    ) -> Result<NewDocument, DomainError> {
        if upload.bytes.is_empty() {
            return Err(FieldErrors::single(field, "required"));
        }
        if upload.bytes.len() > self.settings.max_upload_bytes {
            let mut e = FieldErrors::new();
            e.add_with(
                field,
                "file_too_large",
                &[(
                    "max",
                    (self.settings.max_upload_bytes / (1024 * 1024)).to_string(),
                )],
            );
            return Err(DomainError::Invalid(e));
        }
        let sniffed = infer::get(&upload.bytes).map(|t| t.mime_type());
        let Some((mime, ext)) = ACCEPTED.iter().find(|(m, _)| Some(*m) == sniffed) else {
            return Err(FieldErrors::single(field, "file_type"));
        };
        let key = format!("documents/{}/{}.{}", owner, new_token(), ext);
        let sha256 = sha256_hex(&upload.bytes);
        let size = upload.bytes.len() as i64;
        self.blobs
            .put(&Path::from(key.as_str()), upload.bytes.into())
            .await
            .map_err(|e| DomainError::Internal(format!("cannot store upload: {e}")))?;
        Ok(NewDocument {
            org_id: owner,
            storage_key: key,
            filename: clean_filename(&upload.filename, ext),
            content_type: (*mime).to_string(),
            size,
            sha256,
        })
    }

    /// A document and its bytes, for someone in scope of its organisation.
    pub async fn download(&self, ctx: &Ctx, id: Id) -> Result<(Document, Bytes), DomainError> {
        ctx.require(Action::DocumentDownload)?;
        let doc = self
            .store
            .document(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        // MoU files are visible to every party's staff; others to the owner's.
        let mut owners = vec![doc.org_id];
        for mou in self.store.mous().await.map_err(from_store)? {
            if mou.document_id == Some(id) {
                owners.extend(mou.parties.iter().copied());
            }
        }
        ctx.require_scope_any(Action::DocumentDownload, &owners)?;
        self.document_bytes(id).await
    }

    /// A document and its bytes, for a caller whose access is already checked.
    pub(crate) async fn document_bytes(&self, id: Id) -> Result<(Document, Bytes), DomainError> {
        let doc = self
            .store
            .document(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        let bytes = self
            .blobs
            .get(&Path::from(doc.storage_key.as_str()))
            .await
            .map_err(|e| DomainError::Internal(format!("cannot read document: {e}")))?
            .bytes()
            .await
            .map_err(|e| DomainError::Internal(format!("cannot read document: {e}")))?;
        Ok((doc, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::clean_filename;

    #[test]
    fn filenames_lose_paths_and_controls() {
        assert_eq!(clean_filename("../../etc/passwd", "pdf"), "passwd");
        assert_eq!(clean_filename("C:\\x\\letter\".pdf", "pdf"), "letter.pdf");
        assert_eq!(clean_filename("a\r\nb.png", "png"), "ab.png");
        assert_eq!(clean_filename("", "jpg"), "document.jpg");
    }
}
