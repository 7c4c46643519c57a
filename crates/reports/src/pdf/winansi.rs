//! Text to WinAnsiEncoding (Windows-1252), the one-byte encoding in which
//! the standard fonts show Latin-1 letters and the typographic quotes and
//! dashes of English, French and Spanish letters.
//!
//! Text is first composed (NFC), so that an "é" typed as "e" plus a
//! combining accent, as macOS forms send it, still maps to one byte.
//! Compatibility forms (the "ﬁ" ligature, full-width letters, odd spaces)
//! fall back to their plain equivalents. Everything else becomes `?` and is
//! recorded, so that the caller can warn.

use unicode_normalization::UnicodeNormalization;

/// The byte for "not representable".
const REPLACEMENT: u8 = b'?';

/// Encodes text, collecting the characters it could not encode.
#[derive(Debug, Default)]
pub(crate) struct Encoder {
    unrepresentable: Vec<char>,
}

impl Encoder {
    /// The characters replaced by `?` so far, each once, in order of first
    /// appearance.
    pub(crate) fn into_unrepresentable(self) -> Vec<char> {
        self.unrepresentable
    }

    /// `text` in WinAnsi. Line breaks, tabs and other breaking white space
    /// become a plain space; no-break spaces stay no-break (0xA0);
    /// invisible characters (soft hyphen, zero-width space and joiners, BOM)
    /// are dropped.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.nfc() {
            if is_invisible(c) {
                // dropped
            } else if let Some(byte) = byte_of(c) {
                out.push(byte);
            } else if c.is_whitespace() {
                out.push(b' ');
            } else if let Some(bytes) = compatibility_bytes(c) {
                out.extend(bytes);
            } else {
                out.push(REPLACEMENT);
                if !self.unrepresentable.contains(&c) {
                    self.unrepresentable.push(c);
                }
            }
        }
        out
    }
}

/// The WinAnsi byte of `c`, also for a few stand-ins that look the same.
pub(crate) fn byte_of(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).ok(),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            // Stand-ins: no-break spaces (figure, narrow — French puts the
            // latter before ":;!?"), hyphens and the minus sign.
            '\u{2007}' | '\u{202F}' => 0xA0,
            '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
            '\u{2012}' => 0x96,
            _ => return None,
        }),
    }
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The bytes of `c`'s compatibility decomposition (NFKC), when that differs
/// from `c` and is representable in full.
fn compatibility_bytes(c: char) -> Option<Vec<u8>> {
    let decomposed: Vec<char> = std::iter::once(c).nfkc().collect();
    if decomposed == [c] {
        return None;
    }
    decomposed.into_iter().map(byte_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str) -> (Vec<u8>, Vec<char>) {
        let mut encoder = Encoder::default();
        let bytes = encoder.encode(text);
        (bytes, encoder.into_unrepresentable())
    }

    #[test]
    fn latin1_and_windows_1252_letters() {
        let (bytes, bad) = encode("é ñ ü ç ß € ’ “ ” – —");
        assert_eq!(
            bytes,
            [
                0xE9, b' ', 0xF1, b' ', 0xFC, b' ', 0xE7, b' ', 0xDF, b' ', 0x80, b' ', 0x92, b' ',
                0x93, b' ', 0x94, b' ', 0x96, b' ', 0x97
            ]
        );
        assert!(bad.is_empty());
    }

    #[test]
    fn agrees_with_windows_1252_for_every_byte() {
        // The characters that Windows-1252 puts at 0x80–0x9F, by byte.
        let upper = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
        for (offset, c) in upper.chars().enumerate() {
            let code = 0x80 + u8::try_from(offset).unwrap_or(0);
            let expected = (!matches!(code, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)).then_some(code);
            assert_eq!(byte_of(c), expected, "{c:?}");
        }
        for code in (0x20..=0x7E_u8).chain(0xA0..=0xFF) {
            assert_eq!(byte_of(char::from(code)), Some(code));
        }
    }

    #[test]
    fn decomposed_accents_are_composed() {
        let (bytes, bad) = encode("Jose\u{301} Mun\u{303}oz");
        assert_eq!(bytes, b"Jos\xE9 Mu\xF1oz");
        assert!(bad.is_empty());
    }

    #[test]
    fn compatibility_forms_and_spaces() {
        let (bytes, bad) = encode("\u{FB01}n\tA\u{2003}B\u{202F}:\u{AD}\u{200B}\u{FF21}");
        assert_eq!(bytes, b"fin A B\xA0:A");
        assert!(bad.is_empty());
    }

    #[test]
    fn other_scripts_are_replaced_and_reported_once() {
        let (bytes, bad) = encode("김민준 Kim, كريم");
        assert_eq!(bytes, b"??? Kim, ????");
        assert_eq!(bad, ['김', '민', '준', 'ك', 'ر', 'ي', 'م']);
        let (bytes, bad) = encode("a\u{1}b\u{7F}ạ");
        assert_eq!(bytes, b"a?b??");
        assert_eq!(bad, ['\u{1}', '\u{7F}', 'ạ']);
    }
}
