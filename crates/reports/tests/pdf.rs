#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use lopdf::{Document, Object, decode_text_string};
use miti_reports::Letter;

fn letter() -> Letter {
    Letter {
        letterhead: vec![
            "Institut de formation des villes (IFV)".into(),
            "12, rue de l’Hôtel-de-Ville, 1204 Genève, Suisse".into(),
            "+41 22 000 00 00 · contact@example.org".into(),
        ],
        place_and_date: "Genève, le 3 mars 2026".into(),
        reference: "Réf. IFV/2026/0042".into(),
        recipient: vec![
            "Sra. María José Núñez Müller".into(),
            "Calle Mayor 5\n28013 Madrid, España".into(),
        ],
        subject: "Invitation to the course “Urban Resilience” (Geneva, 4–15 May 2026)".into(),
        paragraphs: vec![
            "Dear Ms. Núñez Müller,".into(),
            "We are pleased to invite you to attend the course — it costs €0 to you.".into(),
        ],
        closing: "Yours sincerely,".into(),
        signatory: vec!["Dr. Françoise Weiß".into(), "Director of Studies".into()],
        title: "Invitation letter — María José Núñez Müller".into(),
        created: NaiveDate::from_ymd_opt(2026, 3, 3)
            .unwrap()
            .and_hms_opt(14, 5, 9)
            .unwrap(),
    }
}

fn long_letter() -> Letter {
    let paragraph =
        "The participant will attend all sessions of the programme, including site visits \
                     to the municipal services, and the institute covers accommodation, local \
                     transport and meals for the whole duration of the stay."
            .to_owned();
    Letter {
        paragraphs: vec![paragraph; 14],
        ..letter()
    }
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("a PDF lopdf can read")
}

/// Every cross-reference entry points at its `N 0 obj`, and `startxref`
/// at the table. Offsets are in bytes, so the file is searched as bytes.
fn assert_xref_is_exact(bytes: &[u8]) {
    let starts = |at: usize, text: &str| bytes[at..].starts_with(text.as_bytes());
    let marker = bytes
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .unwrap();
    let tail = std::str::from_utf8(&bytes[marker..]).unwrap();
    let xref_at: usize = tail.lines().nth(1).unwrap().parse().unwrap();
    let table = std::str::from_utf8(&bytes[xref_at..]).unwrap();
    assert!(table.starts_with("xref\n0 "));
    let count: usize = table.lines().nth(1).unwrap()[2..].parse().unwrap();
    assert_eq!(table.lines().nth(2), Some("0000000000 65535 f "));
    for (index, entry) in table.lines().skip(3).take(count - 1).enumerate() {
        assert_eq!(entry.len() + 1, 20, "{entry:?}");
        let offset: usize = entry[..10].parse().unwrap();
        assert!(
            starts(offset, &format!("{} 0 obj\n", index + 1)),
            "object {}",
            index + 1
        );
    }
    assert!(table.contains(&format!("trailer\n<< /Size {count} ")));
}

#[test]
fn a_short_letter_is_one_valid_page() {
    let rendered = letter().render();
    let bytes = &rendered.bytes;
    assert!(bytes.starts_with(b"%PDF-1.4\n"));
    assert!(bytes.ends_with(b"%%EOF"));
    assert!(
        rendered.unrepresentable.is_empty(),
        "{:?}",
        rendered.unrepresentable
    );
    assert_xref_is_exact(bytes);

    let document = load(bytes);
    assert_eq!(document.version, "1.4");
    assert_eq!(document.get_pages().len(), 1);
    let text = document.extract_text(&[1]).unwrap();
    for expected in [
        "Sra. María José Núñez Müller",
        "28013 Madrid, España",
        "Invitation to the course “Urban Resilience” (Geneva, 4–15 May 2026)",
        "Réf. IFV/2026/0042",
        "it costs €0 to you",
        "Dr. Françoise Weiß",
        "1 / 1",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
}

#[test]
fn the_info_dictionary_has_title_and_creation_date() {
    let document = load(&letter().render().bytes);
    let info = document
        .trailer
        .get(b"Info")
        .unwrap()
        .as_reference()
        .unwrap();
    let info = document.get_dictionary(info).unwrap();
    assert_eq!(
        decode_text_string(info.get(b"Title").unwrap()).unwrap(),
        "Invitation letter — María José Núñez Müller"
    );
    assert_eq!(
        info.get(b"CreationDate").unwrap().as_str().unwrap(),
        b"D:20260303140509"
    );
}

#[test]
fn a_long_letter_breaks_onto_a_second_page() {
    let rendered = long_letter().render();
    assert_xref_is_exact(&rendered.bytes);
    let document = load(&rendered.bytes);
    assert_eq!(document.get_pages().len(), 2);
    let first = document.extract_text(&[1]).unwrap();
    let second = document.extract_text(&[2]).unwrap();
    assert!(first.contains("1 / 2") && first.contains("Núñez"));
    // The closing and the signature stay together, on the last page.
    assert!(
        second.contains("2 / 2") && second.contains("Yours sincerely,") && second.contains("Weiß")
    );
    assert!(!first.contains("Yours sincerely,"));
}

#[test]
fn the_same_letter_gives_the_same_bytes() {
    assert_eq!(long_letter().render(), long_letter().render());
    let later = Letter {
        created: letter().created + chrono::Duration::seconds(1),
        ..letter()
    };
    assert_ne!(letter().render().bytes, later.render().bytes);
}

#[test]
fn parentheses_and_backslashes_survive() {
    let odd = Letter {
        recipient: vec![r"Dr. (h.c.) O\Brien ((x)".into()],
        subject: r"Re: a\b) (c".into(),
        ..letter()
    };
    let rendered = odd.render();
    let raw = String::from_utf8_lossy(&rendered.bytes);
    assert!(raw.contains(r"(Dr. \(h.c.\) O\\Brien \(\(x\)) Tj"));
    let text = load(&rendered.bytes).extract_text(&[1]).unwrap();
    assert!(text.contains(r"Dr. (h.c.) O\Brien ((x)"), "{text:?}");
    assert!(text.contains(r"Re: a\b) (c"), "{text:?}");
}

#[test]
fn winansi_bytes_in_the_content_stream() {
    let document = load(&letter().render().bytes);
    let page = *document.get_pages().get(&1).unwrap();
    let content = document.get_page_content(page);
    let has = |needle: &[u8]| content.windows(needle.len()).any(|w| w == needle);
    // é, è, €, ’ and – each as its single WinAnsi byte.
    assert!(has(b"(R\xE9f. IFV/2026/0042) Tj"));
    assert!(has(b"(Gen\xE8ve, le 3 mars 2026) Tj"));
    assert!(has(b"costs \x800 to you"));
    assert!(has(b"de l\x92H\xF4tel"));
    assert!(has(b"4\x9615 May"));
    let raw = String::from_utf8_lossy(&letter().render().bytes).into_owned();
    for font in ["Helvetica", "Helvetica-Bold"] {
        assert!(raw.contains(&format!("/BaseFont /{font} /Encoding /WinAnsiEncoding")));
    }
}

#[test]
fn names_in_other_scripts_are_reported() {
    let korean = Letter {
        recipient: vec!["김민준 (Kim Min-jun)".into()],
        paragraphs: vec!["Dear Mr. Kim, dear 민준,".into()],
        ..letter()
    };
    let rendered = korean.render();
    assert_eq!(rendered.unrepresentable, ['김', '민', '준']);
    let text = load(&rendered.bytes).extract_text(&[1]).unwrap();
    assert!(text.contains("??? (Kim Min-jun)"));
    // The title is a Unicode text string and keeps any script.
    let titled = Letter {
        title: "초청장".into(),
        ..letter()
    };
    assert!(titled.render().unrepresentable.is_empty());
}

#[test]
fn only_page_objects_and_fonts_are_referenced() {
    let document = load(&long_letter().render().bytes);
    for (_, page) in document.get_pages() {
        let fonts = document.get_page_fonts(page).unwrap();
        let mut names: Vec<&[u8]> = fonts.keys().map(Vec::as_slice).collect();
        names.sort();
        assert_eq!(names, [b"F1".as_slice(), b"F2".as_slice()]);
        let dictionary = document.get_dictionary(page).unwrap();
        assert!(matches!(dictionary.get(b"MediaBox").unwrap(), Object::Array(a) if a.len() == 4));
    }
}
