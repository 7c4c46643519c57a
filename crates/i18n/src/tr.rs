//! The per-request translator handed to templates.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::{
    Locale, LocalizedText, Value, format_date, format_datetime, format_decimal, format_money,
    format_number, tr, tr_args, tr_args_plain,
};

/// The translator of one request: a [`Locale`] and shortcuts to every
/// function of this crate, so askama templates can write
///
/// ```text
/// <html lang="{{ tr.lang() }}" dir="{{ tr.dir() }}">
/// <a href="/">{{ tr.t("nav-home") }}</a>
/// <p>{{ tr.ta1("org-count", "count", orgs.len()) }}</p>
/// <p>{{ tr.ta("common-page", &[("page", page.into()), ("pages", pages.into())]) }}</p>
/// <input placeholder="{{ tr.t("org-search-placeholder") }}">
/// <td>{{ tr.date(org.member_since) }}</td>
/// <td lang="{{ tr.text_lang(org.name) }}" dir="auto">{{ tr.text(org.name) }}</td>
/// ```
///
/// `t`, `ta` and `ta1` are for HTML text; use `ta_plain` inside attribute
/// values (see [`tr_args_plain`]). `t` never inserts isolation marks, so it
/// is safe everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tr {
    /// The language of this request.
    pub locale: Locale,
}

impl Tr {
    /// A translator for `locale`.
    pub const fn new(locale: Locale) -> Self {
        Tr { locale }
    }

    /// The message `key` (see [`tr`]).
    pub fn t(&self, key: &str) -> String {
        tr(self.locale, key)
    }

    /// The message `key` with named arguments, for HTML text (see [`tr_args`]).
    pub fn ta(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        tr_args(self.locale, key, args)
    }

    /// The message `key` with one named argument: `tr.ta1("org-count", "count", n)`.
    pub fn ta1<'a>(&self, key: &str, name: &str, value: impl Into<Value<'a>>) -> String {
        tr_args(self.locale, key, &[(name, value.into())])
    }

    /// Like [`ta`](Self::ta) without Unicode isolation marks, for attribute
    /// values, URLs and plain text (see [`tr_args_plain`]).
    pub fn ta_plain(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        tr_args_plain(self.locale, key, args)
    }

    /// `<html lang>`: `"en"`, `"fr"` …
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// `<html dir>`: `"ltr"` or `"rtl"`.
    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    /// True for Arabic and Persian.
    pub fn is_rtl(&self) -> bool {
        self.locale.is_rtl()
    }

    /// The name of `other` in this request's language ("French", "الفرنسية" …),
    /// from the `common-language-*` messages. For a language picker prefer
    /// [`Locale::native_name`].
    pub fn language_name(&self, other: Locale) -> String {
        let key = format!("common-language-{}", other.code());
        self.t(&key)
    }

    /// A long date (see [`format_date`]).
    pub fn date(&self, date: NaiveDate) -> String {
        format_date(self.locale, date)
    }

    /// Date and time in a time zone (see [`format_datetime`]).
    pub fn datetime(&self, at: DateTime<Utc>, tz: Tz) -> String {
        format_datetime(self.locale, at, tz)
    }

    /// An integer with grouping and native digits (see [`format_number`]).
    /// Accepts any integer type; values beyond `i64` saturate.
    pub fn number<N: TryInto<i64>>(&self, n: N) -> String {
        format_number(self.locale, n.try_into().unwrap_or(i64::MAX))
    }

    /// A decimal number (see [`format_decimal`]).
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        format_decimal(self.locale, value, decimals)
    }

    /// Money in minor units (see [`format_money`]).
    pub fn money(&self, minor_units: i64, currency: &str) -> String {
        format_money(self.locale, minor_units, currency)
    }

    /// The best text of a [`LocalizedText`] for this request (see [`LocalizedText::get`]).
    pub fn text<'a>(&self, text: &'a LocalizedText) -> &'a str {
        text.get(self.locale)
    }

    /// The language code of the text [`text`](Self::text) returns, for a
    /// `lang` attribute (this request's language when the text is empty).
    pub fn text_lang(&self, text: &LocalizedText) -> &'static str {
        text.resolve(self.locale)
            .map_or(self.locale, |(l, _)| l)
            .code()
    }
}

impl From<Locale> for Tr {
    fn from(locale: Locale) -> Self {
        Tr::new(locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts() {
        let tr = Tr::new(Locale::Fa);
        assert_eq!(tr.lang(), "fa");
        assert_eq!(tr.dir(), "rtl");
        assert!(tr.is_rtl());
        assert_eq!(Tr::new(Locale::Ko).dir(), "ltr");
        assert_eq!(tr.t("nav-home"), "خانه");
        assert_eq!(tr.number(1234usize), "۱٬۲۳۴");
        assert_eq!(tr.number(u64::MAX), format_number(Locale::Fa, i64::MAX));
        assert_eq!(tr.decimal(1234.5, 1), "۱٬۲۳۴٫۵");
        assert_eq!(tr.money(123_450, "EUR"), "۱٬۲۳۴٫۵۰\u{A0}€");
        let d = NaiveDate::from_ymd_opt(2018, 6, 17).unwrap();
        assert_eq!(tr.date(d), "۱۷ ژوئن ۲۰۱۸");
        assert_eq!(Tr::new(Locale::Fr).language_name(Locale::Ko), "coréen");
        assert_eq!(tr.language_name(Locale::Fa), "فارسی");
        assert_eq!(Tr::from(Locale::Es), Tr { locale: Locale::Es });
    }

    #[test]
    fn args_from_template_values() {
        let tr = Tr::new(Locale::En);
        let n: usize = 140;
        assert_eq!(
            tr.ta1("home-members-count", "count", n),
            "\u{2068}140\u{2069} member cities"
        );
        let email = String::from("a@example.org");
        assert_eq!(
            tr.ta1("home-signed-in-as", "email", &email),
            "Signed in as \u{2068}a@example.org\u{2069}"
        );
        assert_eq!(
            tr.ta("common-page", &[("page", 2.into()), ("pages", 10.into())]),
            "Page \u{2068}2\u{2069} of \u{2068}10\u{2069}"
        );
        assert_eq!(
            tr.ta_plain("common-page", &[("page", 2.into()), ("pages", 10.into())]),
            "Page 2 of 10"
        );
    }

    #[test]
    fn localized_text() {
        let name = LocalizedText::new(Locale::Ko, "서울특별시").with(Locale::En, "Seoul");
        let tr = Tr::new(Locale::Ar);
        assert_eq!(tr.text(&name), "서울특별시");
        assert_eq!(tr.text_lang(&name), "ko");
        assert_eq!(Tr::new(Locale::En).text_lang(&name), "en");
        assert_eq!(tr.text_lang(&LocalizedText::default()), "ar");
    }
}
