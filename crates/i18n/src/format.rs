//! Locale-aware formatting of dates, times, numbers and money, from small
//! hand-written tables taken from CLDR (no ICU).
//!
//! Choices, on purpose:
//! - **Gregorian calendar everywhere**, also in Persian (month names are the
//!   Persian names of the Gregorian months: ژانویه، فوریه …) and Arabic
//!   (يناير، فبراير … as used in Egypt and most of the Arab world). miti's
//!   records are Gregorian dates; a Solar Hijri view would be a separate,
//!   explicit feature.
//! - **Native digits** for Arabic (Arabic-Indic ٠١٢…) and Persian (extended
//!   Arabic-Indic ۰۱۲…), as in CLDR's default numbering systems for `ar` and `fa`.
//! - **24-hour clock** in every language, with the zone abbreviation from the
//!   tz database (`CEST`, `KST`, `EET`) or, where the database has none
//!   (Tehran), the offset as `UTC+03:30`, always in Latin digits.
//! - Grouping by thousands; Spanish leaves four-digit numbers ungrouped
//!   (CLDR minimum grouping digits = 2).

use chrono::{DateTime, Datelike, NaiveDate, Offset, Timelike, Utc};
use chrono_tz::{OffsetName, Tz};

use crate::Locale;

/// Separators and signs of a locale's default numbering system (CLDR).
struct NumberSymbols {
    zero: char,
    group: &'static str,
    decimal: &'static str,
    minus: &'static str,
    /// CLDR `minimumGroupingDigits`: 2 means "1234" but "12.345".
    min_grouping: usize,
}

const fn symbols(locale: Locale) -> NumberSymbols {
    match locale {
        Locale::En | Locale::Ko => NumberSymbols {
            zero: '0',
            group: ",",
            decimal: ".",
            minus: "-",
            min_grouping: 1,
        },
        Locale::Fr => NumberSymbols {
            zero: '0',
            group: "\u{202F}", // narrow no-break space
            decimal: ",",
            minus: "-",
            min_grouping: 1,
        },
        Locale::Es => NumberSymbols {
            zero: '0',
            group: ".",
            decimal: ",",
            minus: "-",
            min_grouping: 2,
        },
        Locale::Ar => NumberSymbols {
            zero: '\u{0660}',
            group: "\u{066C}",   // ARABIC THOUSANDS SEPARATOR
            decimal: "\u{066B}", // ARABIC DECIMAL SEPARATOR
            minus: "\u{061C}-",  // ARABIC LETTER MARK + hyphen-minus
            min_grouping: 1,
        },
        Locale::Fa => NumberSymbols {
            zero: '\u{06F0}',
            group: "\u{066C}",
            decimal: "\u{066B}",
            minus: "\u{200E}\u{2212}", // LEFT-TO-RIGHT MARK + MINUS SIGN
            min_grouping: 1,
        },
    }
}

/// Replaces ASCII digits by the locale's digits.
fn localize_digits(locale: Locale, ascii: &str) -> String {
    let zero = symbols(locale).zero;
    if zero == '0' {
        return ascii.to_owned();
    }
    ascii
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Groups an ASCII digit string by thousands with the locale's separator
/// and converts the digits.
fn group_integer(locale: Locale, digits: &str, grouping: bool) -> String {
    let sym = symbols(locale);
    let len = digits.len();
    let group = grouping && len >= 3 + sym.min_grouping;
    let mut out = String::with_capacity(len * 3);
    for (i, c) in digits.chars().enumerate() {
        if group && i > 0 && (len - i).is_multiple_of(3) {
            out.push_str(sym.group);
        }
        out.push(c);
    }
    localize_digits(locale, &out)
}

/// Formats a sign, an ASCII integer part and an ASCII fraction (may be empty).
fn assemble(locale: Locale, negative: bool, int: &str, frac: &str, grouping: bool) -> String {
    let sym = symbols(locale);
    let mut out = String::new();
    if negative {
        out.push_str(sym.minus);
    }
    out.push_str(&group_integer(locale, int, grouping));
    if !frac.is_empty() {
        out.push_str(sym.decimal);
        out.push_str(&localize_digits(locale, frac));
    }
    out
}

/// An integer with the locale's digits and grouping:
/// en `1,234,567`, fr `1 234 567` (narrow no-break spaces), es `1234` / `12.345`,
/// ko `1,234`, ar `١٬٢٣٤`, fa `۱٬۲۳۴`.
pub fn format_number(locale: Locale, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    assemble(locale, n < 0, &digits, "", true)
}

/// A decimal number rounded to `decimals` places (at most 15):
/// `format_decimal(En, 1234.5, 1)` is `1,234.5`, fr `1 234,5`, es `1234,5`,
/// ar `١٬٢٣٤٫٥`, fa `۱٬۲۳۴٫۵`. NaN gives `NaN`, infinities `∞` / `-∞`.
pub fn format_decimal(locale: Locale, value: f64, decimals: usize) -> String {
    format_decimal_with(locale, value, decimals, true)
}

pub(crate) fn format_decimal_with(
    locale: Locale,
    value: f64,
    decimals: usize,
    grouping: bool,
) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        let minus = if value < 0.0 {
            symbols(locale).minus
        } else {
            ""
        };
        return format!("{minus}∞");
    }
    let decimals = decimals.min(15);
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    // No minus sign on a value that rounds to zero ("-0.0").
    let negative = value < 0.0 && text.bytes().any(|b| matches!(b, b'1'..=b'9'));
    assemble(locale, negative, int, frac, grouping)
}

/// How many decimal places (minor-unit digits) an ISO 4217 currency has.
/// Unknown codes get 2, the common case.
pub fn currency_minor_digits(currency: &str) -> u32 {
    match currency.trim().to_ascii_uppercase().as_str() {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// The symbol shown for a currency, or `None` to show the ISO code.
/// Only unambiguous symbols; the dollar is always qualified (US$) because
/// the network spans many dollar and peso countries.
fn currency_symbol(locale: Locale, code: &str) -> Option<&'static str> {
    Some(match (code, locale) {
        ("EUR", _) => "€",
        ("USD", Locale::Fr) => "$US",
        ("USD", _) => "US$",
        ("GBP", Locale::Fr) => "£GB",
        ("GBP", _) => "£",
        ("KRW", _) => "₩",
        _ => return None,
    })
}

/// An amount of money given in minor units (cents), using the currency's
/// ISO 4217 minor digits: `format_money(En, 123450, "EUR")` is `€1,234.50`,
/// fr `1 234,50 €`, es `1234,50 €`, ko `₩1,235` for `(1235, "KRW")`,
/// ar `١٬٢٣٤٫٥٠ €`, fa `۱٬۲۳۴٫۵۰ €`. Currencies without a well-known symbol
/// show their code (`EGP 1,234.50`, `1 234,50 MXN`).
///
/// Symbol position: before the number in en and ko, after it (with a no-break
/// space) in fr, es, ar and fa. Integer arithmetic only, no rounding.
pub fn format_money(locale: Locale, minor_units: i64, currency: &str) -> String {
    let code = currency.trim().to_ascii_uppercase();
    let digits = currency_minor_digits(&code);
    let abs = minor_units.unsigned_abs();
    let scale = 10u64.pow(digits);
    let int = (abs / scale).to_string();
    let frac = if digits == 0 {
        String::new()
    } else {
        format!("{:0width$}", abs % scale, width = digits as usize)
    };
    let number = assemble(locale, false, &int, &frac, true);
    let minus = if minor_units < 0 {
        symbols(locale).minus
    } else {
        ""
    };
    let symbol = currency_symbol(locale, &code);
    let unit = symbol.unwrap_or(&code);
    match locale {
        Locale::En | Locale::Ko => {
            // A letter right before the digits needs a space: "EGP 1,234.50".
            let space = if symbol.is_none() { "\u{A0}" } else { "" };
            format!("{minus}{unit}{space}{number}")
        }
        Locale::Fr | Locale::Es | Locale::Ar | Locale::Fa => {
            format!("{minus}{number}\u{A0}{unit}")
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const MONTHS_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];

/// The Gregorian month name (`month` 1–12, clamped) in the locale.
fn month_name(locale: Locale, month: u32) -> String {
    let i = (month.clamp(1, 12) - 1) as usize;
    match locale {
        Locale::En => MONTHS_EN[i].to_owned(),
        Locale::Fr => MONTHS_FR[i].to_owned(),
        Locale::Es => MONTHS_ES[i].to_owned(),
        Locale::Ko => format!("{}월", i + 1),
        Locale::Ar => MONTHS_AR[i].to_owned(),
        Locale::Fa => MONTHS_FA[i].to_owned(),
    }
}

/// A long date (CLDR "long" pattern, Gregorian calendar):
/// en `17 June 2018`, fr `17 juin 2018`, es `17 de junio de 2018`,
/// ko `2018년 6월 17일`, ar `١٧ يونيو ٢٠١٨`, fa `۱۷ ژوئن ۲۰۱۸`.
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    let day = localize_digits(locale, &date.day().to_string());
    let year = localize_digits(locale, &date.year().to_string());
    let month = month_name(locale, date.month());
    match locale {
        Locale::En | Locale::Fr | Locale::Ar | Locale::Fa => format!("{day} {month} {year}"),
        Locale::Es => format!("{day} de {month} de {year}"),
        Locale::Ko => format!("{year}년 {month} {day}일"),
    }
}

/// The zone label: the tz database abbreviation when it has letters
/// (`CEST`, `KST`, `UTC`), otherwise the offset (`UTC+03:30`).
fn zone_label(at: &DateTime<Tz>) -> String {
    if let Some(abbr) = at.offset().abbreviation()
        && abbr.chars().all(|c| c.is_ascii_alphabetic())
        && !abbr.is_empty()
    {
        return abbr.to_owned();
    }
    let secs = at.offset().fix().local_minus_utc();
    if secs == 0 {
        return "UTC".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let mins = secs.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", mins / 60, mins % 60)
}

/// A point in time shown in a time zone: the long date, the 24-hour local
/// time and the zone. en `17 June 2018, 14:30 CEST`, fr `17 juin 2018 à 14:30 CEST`,
/// es `17 de junio de 2018, 14:30 CEST`, ko `2018년 6월 17일 14:30 KST`,
/// ar `١٧ يونيو ٢٠١٨، ١٤:٣٠ EET`, fa `۱۷ ژوئن ۲۰۱۸، ساعت ۱۴:۳۰ UTC+03:30`.
/// The zone label keeps Latin letters and digits in every language.
pub fn format_datetime(locale: Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let date = format_date(locale, local.date_naive());
    let time = localize_digits(
        locale,
        &format!("{:02}:{:02}", local.hour(), local.minute()),
    );
    let zone = zone_label(&local);
    match locale {
        Locale::En | Locale::Es => format!("{date}, {time} {zone}"),
        Locale::Fr => format!("{date} à {time} {zone}"),
        Locale::Ko => format!("{date} {time} {zone}"),
        Locale::Ar => format!("{date}، {time} {zone}"),
        Locale::Fa => format!("{date}، ساعت {time} {zone}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_locale() {
        let date = d(2018, 6, 17);
        let expected = [
            (En, "17 June 2018"),
            (Fr, "17 juin 2018"),
            (Es, "17 de junio de 2018"),
            (Ko, "2018년 6월 17일"),
            (Ar, "١٧ يونيو ٢٠١٨"),
            (Fa, "۱۷ ژوئن ۲۰۱۸"),
        ];
        for (locale, want) in expected {
            assert_eq!(format_date(locale, date), want, "{locale}");
        }
        assert_eq!(format_date(En, d(2024, 1, 1)), "1 January 2024");
        assert_eq!(format_date(Fr, d(2025, 8, 3)), "3 août 2025");
        assert_eq!(format_date(Es, d(2025, 9, 30)), "30 de septiembre de 2025");
        assert_eq!(format_date(Ko, d(2025, 12, 5)), "2025년 12월 5일");
        assert_eq!(format_date(Ar, d(2030, 2, 28)), "٢٨ فبراير ٢٠٣٠");
        assert_eq!(format_date(Fa, d(1999, 5, 9)), "۹ مه ۱۹۹۹");
    }

    #[test]
    fn all_month_names_are_distinct() {
        for locale in Locale::ALL {
            let names: std::collections::BTreeSet<_> =
                (1..=12).map(|m| month_name(locale, m)).collect();
            assert_eq!(names.len(), 12, "{locale}");
        }
    }

    #[test]
    fn datetimes_show_local_time_and_zone() {
        let at = Utc.with_ymd_and_hms(2018, 6, 17, 12, 30, 0).unwrap();
        let madrid = chrono_tz::Europe::Madrid;
        assert_eq!(format_datetime(En, at, madrid), "17 June 2018, 14:30 CEST");
        assert_eq!(format_datetime(Fr, at, madrid), "17 juin 2018 à 14:30 CEST");
        assert_eq!(
            format_datetime(Es, at, chrono_tz::America::Mexico_City),
            "17 de junio de 2018, 07:30 CDT"
        );
        assert_eq!(
            format_datetime(Ko, at, chrono_tz::Asia::Seoul),
            "2018년 6월 17일 21:30 KST"
        );
        assert_eq!(
            format_datetime(Ar, at, chrono_tz::Africa::Cairo),
            "١٧ يونيو ٢٠١٨، ١٤:٣٠ EET"
        );
        assert_eq!(
            format_datetime(Fa, at, chrono_tz::Asia::Tehran),
            "۱۷ ژوئن ۲۰۱۸، ساعت ۱۷:۰۰ UTC+04:30"
        );
        assert_eq!(
            format_datetime(En, at, chrono_tz::UTC),
            "17 June 2018, 12:30 UTC"
        );
        // the local date can differ from the UTC date
        let late = Utc.with_ymd_and_hms(2025, 1, 31, 20, 0, 0).unwrap();
        assert_eq!(
            format_datetime(En, late, chrono_tz::Asia::Seoul),
            "1 February 2025, 05:00 KST"
        );
        assert_eq!(
            format_datetime(En, late, chrono_tz::Asia::Tehran),
            "31 January 2025, 23:30 UTC+03:30"
        );
        assert_eq!(
            format_datetime(En, late, chrono_tz::America::St_Johns),
            "31 January 2025, 16:30 NST"
        );
        assert_eq!(
            format_datetime(En, late, chrono_tz::America::Sao_Paulo),
            "31 January 2025, 17:00 UTC-03:00"
        );
    }

    #[test]
    fn integers_in_every_locale() {
        let cases: [(Locale, i64, &str); 18] = [
            (En, 1_234_567, "1,234,567"),
            (En, -1234, "-1,234"),
            (En, 999, "999"),
            (Fr, 1_234_567, "1\u{202F}234\u{202F}567"),
            (Fr, 1234, "1\u{202F}234"),
            (Es, 1234, "1234"),
            (Es, 12_345, "12.345"),
            (Es, 1_234_567, "1.234.567"),
            (Es, -9999, "-9999"),
            (Ko, 1234, "1,234"),
            (Ar, 1234, "١٬٢٣٤"),
            (Ar, 1_000_000, "١٬٠٠٠٬٠٠٠"),
            (Ar, -5, "\u{061C}-٥"),
            (Fa, 1234, "۱٬۲۳۴"),
            (Fa, 140, "۱۴۰"),
            (Fa, -12, "\u{200E}\u{2212}۱۲"),
            (En, 0, "0"),
            (En, i64::MIN, "-9,223,372,036,854,775,808"),
        ];
        for (locale, n, want) in cases {
            assert_eq!(format_number(locale, n), want, "{locale} {n}");
        }
    }

    #[test]
    fn decimals_in_every_locale() {
        let cases: [(Locale, f64, usize, &str); 14] = [
            (En, 1234.5, 1, "1,234.5"),
            (Fr, 1234.5, 1, "1\u{202F}234,5"),
            (Es, 1234.5, 1, "1234,5"),
            (Es, 12_345.5, 1, "12.345,5"),
            (Ko, 1234.5, 1, "1,234.5"),
            (Ar, 1234.5, 1, "١٬٢٣٤٫٥"),
            (Fa, 1234.5, 1, "۱٬۲۳۴٫۵"),
            (En, 0.125, 2, "0.12"),
            (En, 2.0 / 3.0, 3, "0.667"),
            (En, 1234.5, 0, "1,234"),
            (En, -0.01, 1, "0.0"),
            (En, -1.25, 1, "-1.2"),
            (Fr, 1_000_000.0, 2, "1\u{202F}000\u{202F}000,00"),
            (En, 5.0, 2, "5.00"),
        ];
        for (locale, v, dec, want) in cases {
            assert_eq!(format_decimal(locale, v, dec), want, "{locale} {v} {dec}");
        }
        assert_eq!(format_decimal(En, f64::NAN, 2), "NaN");
        assert_eq!(format_decimal(En, f64::INFINITY, 2), "∞");
        assert_eq!(format_decimal(En, f64::NEG_INFINITY, 2), "-∞");
        assert_eq!(format_decimal(En, 1.5, 99), format_decimal(En, 1.5, 15));
        assert_eq!(format_decimal_with(En, 1234.5, 1, false), "1234.5");
    }

    #[test]
    fn money_in_every_locale() {
        let cases: [(Locale, i64, &str, &str); 20] = [
            (En, 123_450, "EUR", "€1,234.50"),
            (Fr, 123_450, "EUR", "1\u{202F}234,50\u{A0}€"),
            (Es, 123_450, "EUR", "1234,50\u{A0}€"),
            (Es, 1_234_550, "EUR", "12.345,50\u{A0}€"),
            (Ko, 1235, "KRW", "₩1,235"),
            (Ar, 123_450, "EUR", "١٬٢٣٤٫٥٠\u{A0}€"),
            (Fa, 123_450, "EUR", "۱٬۲۳۴٫۵۰\u{A0}€"),
            (En, 5, "USD", "US$0.05"),
            (Fr, 5, "usd", "0,05\u{A0}$US"),
            (Ko, 990_000, "USD", "US$9,900.00"),
            (En, 1_500_000, "KRW", "₩1,500,000"),
            (En, 1_234_567, "KWD", "KWD\u{A0}1,234.567"),
            (En, 123_450, "EGP", "EGP\u{A0}1,234.50"),
            (Es, 123_450, "MXN", "1234,50\u{A0}MXN"),
            (Ar, 250_000, "EGP", "٢٬٥٠٠٫٠٠\u{A0}EGP"),
            (Fa, 1_000, "IRR", "۱۰٫۰۰\u{A0}IRR"),
            (En, -123_450, "EUR", "-€1,234.50"),
            (Fr, -100, "EUR", "-1,00\u{A0}€"),
            (En, 0, "JPY", "JPY\u{A0}0"),
            (En, 12, "GBP", "£0.12"),
        ];
        for (locale, minor, cur, want) in cases {
            assert_eq!(
                format_money(locale, minor, cur),
                want,
                "{locale} {minor} {cur}"
            );
        }
        assert_eq!(
            format_money(En, i64::MIN, "EUR"),
            "-€92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn iso_4217_minor_digits() {
        assert_eq!(currency_minor_digits("EUR"), 2);
        assert_eq!(currency_minor_digits("USD"), 2);
        assert_eq!(currency_minor_digits("KRW"), 0);
        assert_eq!(currency_minor_digits("krw"), 0);
        assert_eq!(currency_minor_digits("JPY"), 0);
        assert_eq!(currency_minor_digits("XOF"), 0);
        assert_eq!(currency_minor_digits("KWD"), 3);
        assert_eq!(currency_minor_digits("TND"), 3);
        assert_eq!(currency_minor_digits("EGP"), 2);
        assert_eq!(currency_minor_digits("IRR"), 2);
        assert_eq!(currency_minor_digits("MXN"), 2);
        assert_eq!(currency_minor_digits("???"), 2);
    }
}
