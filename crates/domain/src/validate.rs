//! Small parsers shared by every form: each records a [`FieldErrors`] entry
//! naming the field instead of failing on the first problem.

use crate::FieldErrors;
use chrono::NaiveDate;

/// Trimmed, required, at most `max` characters.
pub fn required(errs: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let v = value.trim();
    if v.is_empty() {
        errs.add(field, "required");
    } else if v.chars().count() > max {
        errs.add_with(field, "too_long", &[("max", max.to_string())]);
    }
    v.to_string()
}

/// Trimmed, optional (empty → `None`), at most `max` characters.
pub fn optional(errs: &mut FieldErrors, field: &str, value: &str, max: usize) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.chars().count() > max {
        errs.add_with(field, "too_long", &[("max", max.to_string())]);
    }
    Some(v.to_string())
}

/// An ISO date `YYYY-MM-DD`; empty is `None` unless `required`.
pub fn date(errs: &mut FieldErrors, field: &str, value: &str, required: bool) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        if required {
            errs.add(field, "required");
        }
        return None;
    }
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errs.add(field, "invalid_date");
            None
        }
    }
}

/// A plausible email address, lower-cased. Deliberately simple: one `@`, a
/// dot in the domain, no spaces; delivery is the real test.
pub fn email(errs: &mut FieldErrors, field: &str, value: &str) -> String {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        errs.add(field, "required");
        return v;
    }
    if !is_email(&v) {
        errs.add(field, "invalid_email");
    } else if v.len() > 254 {
        errs.add_with(field, "too_long", &[("max", "254".into())]);
    }
    v
}

pub fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An ISO 3166-1 alpha-2 country code, upper-cased.
pub fn country(errs: &mut FieldErrors, field: &str, value: &str) -> String {
    let v = value.trim().to_uppercase();
    if v.is_empty() {
        errs.add(field, "required");
    } else if v.len() != 2 || !v.chars().all(|c| c.is_ascii_uppercase()) {
        errs.add(field, "invalid_country");
    }
    v
}

/// An IANA time-zone name such as `Asia/Seoul`.
pub fn timezone(errs: &mut FieldErrors, field: &str, value: &str) -> String {
    let v = value.trim();
    if v.is_empty() {
        errs.add(field, "required");
    } else if v.parse::<chrono_tz::Tz>().is_err() {
        errs.add(field, "invalid_timezone");
    }
    v.to_string()
}

/// An http(s) URL, optional.
pub fn url(errs: &mut FieldErrors, field: &str, value: &str) -> Option<String> {
    let v = optional(errs, field, value, 500)?;
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && v.len() > "https://".len()
        && !v
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>');
    if !ok {
        errs.add(field, "invalid_url");
    }
    Some(v)
}

/// One of a closed set of values (parsed by `parse`).
pub fn choice<T>(
    errs: &mut FieldErrors,
    field: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let v = value.trim();
    if v.is_empty() {
        errs.add(field, "required");
        return None;
    }
    let parsed = parse(v);
    if parsed.is_none() {
        errs.add(field, "invalid_choice");
    }
    parsed
}

/// A slug: lower-case ASCII letters, digits and dashes.
pub fn slug(errs: &mut FieldErrors, field: &str, value: &str) -> String {
    let v = required(errs, field, value, 60);
    if !v.is_empty()
        && !v
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errs.add(field, "invalid_slug");
    }
    v
}

/// A working or content language code among the six interface languages or
/// any ISO 639-1 code (two lower-case letters).
pub fn language_code(v: &str) -> bool {
    v.len() == 2 && v.chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_rules() {
        let mut e = FieldErrors::new();
        assert_eq!(
            email(&mut e, "email", " Focal@Dakar.Demo "),
            "focal@dakar.demo"
        );
        assert!(e.is_empty());
        for bad in ["", "a", "a@b", "a b@c.d", "@c.d", "a@.d", "a@b.", "a@b@c.d"] {
            let mut e = FieldErrors::new();
            email(&mut e, "email", bad);
            assert_eq!(e.0.len(), 1, "{bad}");
            assert_eq!(e.0[0].field, "email");
        }
    }

    #[test]
    fn dates_countries_zones() {
        let mut e = FieldErrors::new();
        assert!(date(&mut e, "d", "2018-06-17", true).is_some());
        assert!(date(&mut e, "d", "", false).is_none());
        assert!(e.is_empty());
        date(&mut e, "d", "17/06/2018", true);
        country(&mut e, "c", "kor");
        timezone(&mut e, "tz", "Asia/Nowhere");
        let codes: Vec<_> = e.0.iter().map(|x| x.code).collect();
        assert_eq!(
            codes,
            ["invalid_date", "invalid_country", "invalid_timezone"]
        );
    }

    #[test]
    fn length_limits_count_characters_not_bytes() {
        let mut e = FieldErrors::new();
        required(&mut e, "name", "서울특별시", 5);
        assert!(e.is_empty());
        required(&mut e, "name", "서울특별시청", 5);
        assert_eq!(e.get("name").map(|x| x.code), Some("too_long"));
    }
}
