//! The PDF file syntax: numbered objects, the cross-reference table, the
//! trailer, and the string forms. Knows nothing about letters.

use std::fmt::Write as _;

/// A PDF 1.4 file under construction. Objects are numbered from 1 in the
/// order they are reserved; the body of each is set once.
#[derive(Debug, Default)]
pub(crate) struct PdfFile {
    bodies: Vec<Option<Vec<u8>>>,
}

/// The number of an object (generation 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ObjectId(usize);

impl std::fmt::Display for ObjectId {
    /// An indirect reference, `N 0 R`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} 0 R", self.0)
    }
}

impl PdfFile {
    /// A number for an object whose body is set later, for references
    /// that point forward (a page to its parent, the pages to their kids).
    pub(crate) fn reserve(&mut self) -> ObjectId {
        self.bodies.push(None);
        ObjectId(self.bodies.len())
    }

    /// Sets the body of a reserved object (everything between `obj` and
    /// `endobj`).
    pub(crate) fn set(&mut self, id: ObjectId, body: impl Into<Vec<u8>>) {
        if let Some(slot) = self.bodies.get_mut(id.0 - 1) {
            *slot = Some(body.into());
        }
    }

    /// Adds an object and returns its number.
    pub(crate) fn add(&mut self, body: impl Into<Vec<u8>>) -> ObjectId {
        let id = self.reserve();
        self.set(id, body);
        id
    }

    /// Adds a stream object holding `data` uncompressed.
    pub(crate) fn add_stream(&mut self, data: &[u8]) -> ObjectId {
        let mut body = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.add(body)
    }

    /// The complete file. An object reserved but never set is written as
    /// `null` so that the cross-reference table stays whole.
    pub(crate) fn finish(self, root: ObjectId, info: ObjectId) -> Vec<u8> {
        // The comment's bytes above 127 tell tools that the file is binary.
        let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.bodies.len());
        for (index, body) in self.bodies.into_iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
            out.extend_from_slice(body.as_deref().unwrap_or(b"null"));
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref_offset = out.len();
        let mut xref = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
        for offset in &offsets {
            // Each entry is exactly 20 bytes: 10 + 1 + 5 + 1 + 1 + 2.
            let _ = writeln!(xref, "{offset:010} 00000 n ");
        }
        let _ = write!(
            xref,
            "trailer\n<< /Size {} /Root {root} /Info {info} >>\nstartxref\n{xref_offset}\n%%EOF",
            offsets.len() + 1
        );
        out.extend_from_slice(xref.as_bytes());
        out
    }
}

/// `bytes` as a PDF literal string, parentheses included: `\`, `(` and `)`
/// are escaped, and so are CR and LF, which a reader would otherwise turn
/// into a plain LF.
pub(crate) fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'(');
    for &byte in bytes {
        match byte {
            b'\\' | b'(' | b')' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
    out
}

/// `text` as a PDF text string for the document information: a literal
/// string when it is printable ASCII (shared by PDFDocEncoding), otherwise
/// UTF-16BE with a byte order mark, written in hex.
pub(crate) fn text_string(text: &str) -> Vec<u8> {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return literal(text.as_bytes());
    }
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(hex, "{unit:04X}");
    }
    hex.push('>');
    hex.into_bytes()
}

/// A date as a PDF date string, `(D:YYYYMMDDHHmmSS)`. Without a time zone:
/// the caller passes local time of the institute.
pub(crate) fn date_string(date: chrono::NaiveDateTime) -> Vec<u8> {
    literal(date.format("D:%Y%m%d%H%M%S").to_string().as_bytes())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use lopdf::content::Content;
    use lopdf::{Object, StringFormat};
    use proptest::prelude::*;

    use super::*;

    /// What an independent PDF parser reads back from `(…) Tj`.
    fn parse_literal(escaped: &[u8]) -> Vec<u8> {
        let mut stream = escaped.to_vec();
        stream.extend_from_slice(b" Tj");
        let content = Content::decode(&stream).unwrap();
        match &content.operations[0].operands[0] {
            Object::String(bytes, StringFormat::Literal) => bytes.clone(),
            other => panic!("not a literal string: {other:?}"),
        }
    }

    #[test]
    fn escapes_backslash_and_parentheses() {
        assert_eq!(literal(br"a(b)c\d"), br"(a\(b\)c\\d)".to_vec());
        assert_eq!(literal(b"x\r\ny"), br"(x\r\ny)".to_vec());
        assert_eq!(
            parse_literal(&literal(br"(Dr.) \ Ms. ((x)")),
            br"(Dr.) \ Ms. ((x)"
        );
    }

    #[test]
    fn text_strings() {
        assert_eq!(text_string("Letter (2026)"), br"(Letter \(2026\))".to_vec());
        assert_eq!(
            text_string("Lettre é"),
            b"<FEFF004C00650074007400720065002000E9>".to_vec()
        );
    }

    proptest! {
        #[test]
        fn literal_strings_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(parse_literal(&literal(&bytes)), bytes);
        }
    }
}
