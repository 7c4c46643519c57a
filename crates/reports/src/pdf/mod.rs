//! Invitation letters for visa applications as PDF 1.4: A4, the standard
//! Helvetica fonts in WinAnsiEncoding, nothing embedded, nothing
//! compressed. The output depends only on the [`Letter`], so the same
//! letter always gives the same bytes (the creation date is passed in).

mod layout;
mod metrics;
mod winansi;
mod writer;

use chrono::NaiveDateTime;

use layout::{PAGE_HEIGHT, PAGE_WIDTH, Page};
use metrics::Font;
use winansi::Encoder;
use writer::{PdfFile, date_string, literal, text_string};

/// An invitation letter. Every text is shown in the WinAnsi character set
/// (see the crate documentation); a `\n` in a text starts a new line.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    /// The institute's name (first line, bold) and address lines.
    pub letterhead: Vec<String>,
    /// E.g. "Geneva, 3 March 2026", at the left of the line under the
    /// letterhead.
    pub place_and_date: String,
    /// The letter's reference, at the right of the same line.
    pub reference: String,
    /// Name and address of the person invited.
    pub recipient: Vec<String>,
    /// The subject line, bold.
    pub subject: String,
    /// The body, wrapped to the margins, pages broken as needed.
    pub paragraphs: Vec<String>,
    /// E.g. "Yours sincerely,", followed by room for the signature.
    pub closing: String,
    /// The signatory's name (bold), position and so on.
    pub signatory: Vec<String>,
    /// The document title shown by PDF viewers (any script).
    pub title: String,
    /// The document's creation date, in the institute's local time.
    pub created: NaiveDateTime,
}

/// A rendered letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Characters of the letter that WinAnsi cannot show and that were
    /// printed as `?`, each once. The caller should warn when this is not
    /// empty, e.g. ask for the name as written in the passport.
    pub unrepresentable: Vec<char>,
}

impl Letter {
    /// The letter as a PDF file.
    pub fn render(&self) -> Rendered {
        let mut encoder = Encoder::default();
        let pages = layout::compose(self, &mut encoder);
        Rendered {
            bytes: assemble(&pages, &self.title, self.created),
            unrepresentable: encoder.into_unrepresentable(),
        }
    }
}

fn assemble(pages: &[Page], title: &str, created: NaiveDateTime) -> Vec<u8> {
    let mut file = PdfFile::default();
    let catalog = file.reserve();
    let page_tree = file.reserve();
    let regular = file.add(font_dictionary(Font::Regular));
    let bold = file.add(font_dictionary(Font::Bold));
    let mut kids = Vec::with_capacity(pages.len());
    for page in pages {
        let contents = file.add_stream(&content_stream(page));
        let page = file.add(format!(
            "<< /Type /Page /Parent {page_tree} /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /{} {regular} /{} {bold} >> >> /Contents {contents} >>",
            Font::Regular.resource(),
            Font::Bold.resource(),
        ));
        kids.push(page.to_string());
    }
    file.set(
        page_tree,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            kids.len()
        ),
    );
    file.set(catalog, format!("<< /Type /Catalog /Pages {page_tree} >>"));

    let mut info = b"<< /Title ".to_vec();
    info.extend(text_string(title));
    info.extend_from_slice(b" /CreationDate ");
    info.extend(date_string(created));
    info.extend_from_slice(b" /Producer (miti) >>");
    let info = file.add(info);

    file.finish(catalog, info)
}

fn font_dictionary(font: Font) -> String {
    format!(
        "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>",
        font.base_font()
    )
}

/// The drawing operators of one page.
fn content_stream(page: &Page) -> Vec<u8> {
    let mut out = Vec::new();
    for rule in &page.rules {
        out.extend_from_slice(
            format!(
                "0.5 w {:.2} {:.2} m {:.2} {:.2} l S\n",
                rule.x1, rule.y, rule.x2, rule.y
            )
            .as_bytes(),
        );
    }
    for line in &page.lines {
        out.extend_from_slice(
            format!(
                "BT /{} {:.1} Tf {:.2} {:.2} Td ",
                line.font.resource(),
                line.size,
                line.x,
                line.y
            )
            .as_bytes(),
        );
        out.extend(literal(&line.text));
        out.extend_from_slice(b" Tj ET\n");
    }
    out
}
