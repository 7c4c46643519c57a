//! Glyph widths of the standard Helvetica and Helvetica-Bold fonts, for
//! word wrapping. PDF viewers bring these fonts themselves, so the widths
//! must be the ones they use: Adobe's AFM metrics (version 003.001), in
//! 1/1000 of the font size, indexed by WinAnsiEncoding code. Codes that
//! WinAnsi leaves undefined (0–31, 127, 129, 141, 143, 144, 157) are 0; the
//! encoder never produces them.

/// The two fonts a letter uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Font {
    Regular,
    Bold,
}

impl Font {
    /// The name of the font in the page resources.
    pub(crate) fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }

    /// The standard font's PostScript name.
    pub(crate) fn base_font(self) -> &'static str {
        match self {
            Font::Regular => "Helvetica",
            Font::Bold => "Helvetica-Bold",
        }
    }

    fn widths(self) -> &'static [u16; 256] {
        match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        }
    }

    /// Width of WinAnsi-encoded `text` in font units (1/1000 of the size).
    pub(crate) fn units(self, text: &[u8]) -> u32 {
        let widths = self.widths();
        text.iter()
            .map(|&b| u32::from(widths[usize::from(b)]))
            .sum()
    }

    /// Width of WinAnsi-encoded `text` in points at `size`.
    pub(crate) fn width(self, text: &[u8], size: f64) -> f64 {
        f64::from(self.units(text)) * size / 1000.0
    }
}

/// Helvetica (AFM "Helvetica", Adobe, 1999).
#[rustfmt::skip]
const HELVETICA: [u16; 256] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];

/// Helvetica-Bold (AFM "Helvetica-Bold", Adobe, 1999).
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 256] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_widths() {
        assert_eq!(Font::Regular.units(b"Hello"), 722 + 556 + 222 + 222 + 556);
        assert_eq!(Font::Bold.units(b"@"), 975);
        // é, €, ’ in WinAnsi
        assert_eq!(Font::Regular.units(&[0xE9, 0x80, 0x92]), 556 + 556 + 222);
        assert_eq!(Font::Bold.units(&[0xDF]), 611);
    }

    #[test]
    fn every_printable_code_has_a_width() {
        let undefined = [0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D];
        for code in 0x20..=0xFF_u8 {
            if !undefined.contains(&code) {
                assert!(Font::Regular.units(&[code]) > 0, "{code:#x}");
                assert!(Font::Bold.units(&[code]) > 0, "{code:#x}");
            }
        }
    }
}
