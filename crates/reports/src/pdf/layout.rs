//! Where each line of a letter goes: word wrapping with the real glyph
//! widths, a cursor that moves down the page and starts a new page when
//! the next line or block would cross the bottom margin, and the page
//! numbers once the number of pages is known.

use super::Letter;
use super::metrics::Font;
use super::winansi::Encoder;

/// A4 in points.
pub(crate) const PAGE_WIDTH: f64 = 595.28;
pub(crate) const PAGE_HEIGHT: f64 = 841.89;
pub(crate) const MARGIN_LEFT: f64 = 72.0;
pub(crate) const MARGIN_RIGHT: f64 = 72.0;
const MARGIN_TOP: f64 = 60.0;
const MARGIN_BOTTOM: f64 = 72.0;
/// Baseline of the page number, inside the bottom margin.
const FOOTER_BASELINE: f64 = 36.0;
pub(crate) const TEXT_WIDTH: f64 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Room left blank for the handwritten signature and the stamp.
const SIGNATURE_SPACE: f64 = 48.0;

/// Font, size and line height (all in points).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) font: Font,
    pub(crate) size: f64,
    pub(crate) leading: f64,
}

impl Style {
    const fn new(font: Font, size: f64, leading: f64) -> Self {
        Style {
            font,
            size,
            leading,
        }
    }
}

const INSTITUTE: Style = Style::new(Font::Bold, 14.0, 18.0);
const LETTERHEAD: Style = Style::new(Font::Regular, 9.0, 12.0);
const BODY: Style = Style::new(Font::Regular, 11.0, 15.0);
const STRONG: Style = Style::new(Font::Bold, 11.0, 15.0);
const FOOTER: Style = Style::new(Font::Regular, 9.0, 12.0);

/// A line of WinAnsi text with its baseline's start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLine {
    pub(crate) font: Font,
    pub(crate) size: f64,
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) text: Vec<u8>,
}

/// A horizontal line, e.g. under the letterhead.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rule {
    pub(crate) x1: f64,
    pub(crate) x2: f64,
    pub(crate) y: f64,
}

/// What goes on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub(crate) lines: Vec<TextLine>,
    pub(crate) rules: Vec<Rule>,
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// The pages of `letter`, encoding its text with `encoder`.
pub(crate) fn compose(letter: &Letter, encoder: &mut Encoder) -> Vec<Page> {
    let mut composer = Composer::new();

    for (index, line) in letter.letterhead.iter().enumerate() {
        let style = if index == 0 { INSTITUTE } else { LETTERHEAD };
        composer.text(style, line, encoder);
    }
    if !letter.letterhead.is_empty() {
        composer.rule();
    }
    composer.gap(24.0);

    // Place and date on the left, the reference on the right of the same
    // line when both fit, otherwise one under the other.
    let place = encoder.encode(&letter.place_and_date);
    let reference = encoder.encode(&letter.reference);
    let both = BODY.font.width(&place, BODY.size) + 24.0 + BODY.font.width(&reference, BODY.size);
    if place.is_empty() && reference.is_empty() {
        // nothing to show
    } else if both <= TEXT_WIDTH {
        composer.keep(BODY.leading);
        composer.place(BODY, place, Align::Left);
        composer.place(BODY, reference, Align::Right);
        composer.advance(BODY);
    } else {
        composer.lines(BODY, wrap_all(&[place, reference], BODY), Align::Left);
    }
    composer.gap(18.0);

    for line in &letter.recipient {
        composer.text(BODY, line, encoder);
    }
    composer.gap(18.0);

    // The subject stays with the first two lines of the body.
    let subject = wrap_text(STRONG, &letter.subject, encoder);
    composer.keep(height(STRONG, subject.len()) + height(BODY, 2));
    composer.lines(STRONG, subject, Align::Left);
    composer.gap(12.0);

    for (index, paragraph) in letter.paragraphs.iter().enumerate() {
        if index > 0 {
            composer.gap(8.0);
        }
        composer.text(BODY, paragraph, encoder);
    }
    composer.gap(18.0);

    // The closing and the signature block stay together.
    let closing = wrap_text(BODY, &letter.closing, encoder);
    let signatory: Vec<(Style, Vec<Vec<u8>>)> = letter
        .signatory
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let style = if index == 0 { STRONG } else { BODY };
            (style, wrap_text(style, line, encoder))
        })
        .collect();
    let signatory_height: f64 = signatory
        .iter()
        .map(|(style, lines)| height(*style, lines.len()))
        .sum();
    composer.keep(height(BODY, closing.len()) + SIGNATURE_SPACE + signatory_height);
    composer.lines(BODY, closing, Align::Left);
    composer.gap(SIGNATURE_SPACE);
    for (style, lines) in signatory {
        composer.lines(style, lines, Align::Left);
    }

    composer.finish()
}

fn height(style: Style, lines: usize) -> f64 {
    style.leading * lines as f64
}

/// `text` encoded and wrapped, its line breaks kept.
fn wrap_text(style: Style, text: &str, encoder: &mut Encoder) -> Vec<Vec<u8>> {
    let hard_lines: Vec<Vec<u8>> = text.lines().map(|line| encoder.encode(line)).collect();
    wrap_all(&hard_lines, style)
}

fn wrap_all(hard_lines: &[Vec<u8>], style: Style) -> Vec<Vec<u8>> {
    hard_lines
        .iter()
        .flat_map(|line| {
            let wrapped = wrap(line, style.font, style.size, TEXT_WIDTH);
            // An empty line is kept as vertical space.
            if wrapped.is_empty() {
                vec![Vec::new()]
            } else {
                wrapped
            }
        })
        .collect()
}

/// Splits WinAnsi `text` at spaces into lines no wider than `width` points
/// at `size`. Runs of spaces count as one; a word wider than a whole line
/// (a long URL or reference) is broken between characters. No-break
/// spaces (0xA0) never break.
pub(crate) fn wrap(text: &[u8], font: Font, size: f64, width: f64) -> Vec<Vec<u8>> {
    // Compare whole font units, so that the test below and the renderer
    // agree exactly.
    let max = (width * 1000.0 / size).floor() as u32;
    let space = font.units(b" ");
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    let mut line_units = 0;
    for word in text.split(|&b| b == b' ').filter(|word| !word.is_empty()) {
        let word_units = font.units(word);
        let with_space = if line.is_empty() { 0 } else { space };
        if line_units + with_space + word_units <= max {
            if !line.is_empty() {
                line.push(b' ');
            }
            line.extend_from_slice(word);
            line_units += with_space + word_units;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_units = 0;
        }
        if word_units <= max {
            line.extend_from_slice(word);
            line_units = word_units;
            continue;
        }
        for &byte in word {
            let units = font.units(&[byte]);
            if line_units + units > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_units = 0;
            }
            line.push(byte);
            line_units += units;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays out lines top to bottom, page after page.
struct Composer {
    done: Vec<Page>,
    page: Page,
    /// The top of the next line.
    top: f64,
}

impl Composer {
    fn new() -> Self {
        Composer {
            done: Vec::new(),
            page: Page::default(),
            top: PAGE_HEIGHT - MARGIN_TOP,
        }
    }

    fn is_fresh(&self) -> bool {
        self.page.lines.is_empty() && self.page.rules.is_empty()
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.page));
        self.top = PAGE_HEIGHT - MARGIN_TOP;
    }

    /// Starts a new page unless `height` fits above the bottom margin. A
    /// fresh page is never left: what does not fit there is split.
    fn keep(&mut self, height: f64) {
        if self.top - height < MARGIN_BOTTOM && !self.is_fresh() {
            self.new_page();
        }
    }

    /// Vertical space; none at the top of a page.
    fn gap(&mut self, height: f64) {
        if !self.is_fresh() {
            self.top -= height;
        }
    }

    /// Puts `text` on the current line without moving down.
    fn place(&mut self, style: Style, text: Vec<u8>, align: Align) {
        if text.is_empty() {
            return;
        }
        let width = style.font.width(&text, style.size);
        let x = match align {
            Align::Left => MARGIN_LEFT,
            Align::Right => PAGE_WIDTH - MARGIN_RIGHT - width,
        };
        self.page.lines.push(TextLine {
            font: style.font,
            size: style.size,
            x,
            y: self.top - style.size,
            text,
        });
    }

    fn advance(&mut self, style: Style) {
        self.top -= style.leading;
    }

    fn lines(&mut self, style: Style, lines: Vec<Vec<u8>>, align: Align) {
        for line in lines {
            if line.is_empty() {
                self.gap(style.leading);
            } else {
                self.keep(style.leading);
                self.place(style, line, align);
                self.advance(style);
            }
        }
    }

    fn text(&mut self, style: Style, text: &str, encoder: &mut Encoder) {
        let lines = wrap_text(style, text, encoder);
        self.lines(style, lines, Align::Left);
    }

    fn rule(&mut self) {
        self.top -= 4.0;
        self.page.rules.push(Rule {
            x1: MARGIN_LEFT,
            x2: PAGE_WIDTH - MARGIN_RIGHT,
            y: self.top,
        });
        self.top -= 4.0;
    }

    /// The pages, each numbered "n / total" at the bottom centre.
    fn finish(mut self) -> Vec<Page> {
        self.done.push(self.page);
        let total = self.done.len();
        for (index, page) in self.done.iter_mut().enumerate() {
            let number = format!("{} / {total}", index + 1).into_bytes();
            let width = FOOTER.font.width(&number, FOOTER.size);
            page.lines.push(TextLine {
                font: FOOTER.font,
                size: FOOTER.size,
                x: (PAGE_WIDTH - width) / 2.0,
                y: FOOTER_BASELINE,
                text: number,
            });
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use proptest::prelude::*;

    use super::*;

    fn right_edge(line: &TextLine) -> f64 {
        line.x + line.font.width(&line.text, line.size)
    }

    #[test]
    fn wraps_at_the_width_using_glyph_widths() {
        // "iiii" is much narrower than "WWWW" in Helvetica.
        let narrow = wrap(&b"iiii ".repeat(40), Font::Regular, 11.0, TEXT_WIDTH);
        let wide = wrap(&b"WWWW ".repeat(40), Font::Regular, 11.0, TEXT_WIDTH);
        assert!(narrow.len() < wide.len());
        for line in narrow.iter().chain(&wide) {
            assert!(Font::Regular.width(line, 11.0) <= TEXT_WIDTH);
        }
        // Each line is as full as it can be: the next word would not fit.
        let space_and_word = Font::Regular.units(b" WWWW");
        for line in &wide[..wide.len() - 1] {
            assert!(
                f64::from(Font::Regular.units(line) + space_and_word) * 11.0 / 1000.0 > TEXT_WIDTH
            );
        }
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let url = b"https://example.org/".repeat(10);
        let lines = wrap(&url, Font::Bold, 11.0, TEXT_WIDTH);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), url);
    }

    #[test]
    fn no_break_spaces_hold() {
        let lines = wrap(b"a\xA0b c", Font::Regular, 11.0, 20.0);
        assert_eq!(lines, [b"a\xA0b".to_vec(), b"c".to_vec()]);
    }

    fn letter(paragraphs: Vec<String>) -> Letter {
        Letter {
            letterhead: vec!["Institute".into(), "Street 1, City".into()],
            place_and_date: "Geneva, 3 March 2026".into(),
            reference: "Ref. 2026/17".into(),
            recipient: vec!["Ms. Ana Núñez".into()],
            subject: "Invitation".into(),
            paragraphs,
            closing: "Yours sincerely,".into(),
            signatory: vec!["Dr. A. Director".into(), "Director".into()],
            title: "Invitation".into(),
            created: chrono::NaiveDate::from_ymd_opt(2026, 3, 3)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        }
    }

    proptest! {
        #[test]
        fn lines_stay_inside_the_margins(paragraphs in proptest::collection::vec(".{0,400}", 0..12)) {
            let pages = compose(&letter(paragraphs), &mut Encoder::default());
            for page in &pages {
                for line in &page.lines {
                    prop_assert!(line.x >= MARGIN_LEFT - 1e-9);
                    prop_assert!(right_edge(line) <= PAGE_WIDTH - MARGIN_RIGHT + 1e-9);
                    prop_assert!(line.y >= FOOTER_BASELINE);
                }
                // Only the page number sits in the bottom margin.
                let in_margin = page.lines.iter().filter(|line| line.y < MARGIN_BOTTOM).count();
                prop_assert_eq!(in_margin, 1);
            }
        }
    }
}
