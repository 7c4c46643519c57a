//! iCalendar (RFC 5545) output for the programme calendar feeds.
//!
//! Programmes run over whole days at their venue, so events are all-day
//! (`DTSTART;VALUE=DATE`, exclusive `DTEND`), which needs no time zone;
//! `DTSTAMP` is UTC. Lines end in CRLF and are folded at 75 octets without
//! splitting a UTF-8 character; text values are escaped.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// One event of a feed.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across feeds and time, e.g. `programme-12@miti`.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub categories: Vec<String>,
    pub url: String,
    pub cancelled: bool,
    /// Last change, used for DTSTAMP and LAST-MODIFIED.
    pub stamp: DateTime<Utc>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (§3.1), never inside a character,
/// and ends it with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A whole calendar with `events`.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |l: String| out.push_str(&fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Metropolis International Training Institute//miti//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("DTSTAMP:{}", stamp(e.stamp)));
        line(format!("LAST-MODIFIED:{}", stamp(e.stamp)));
        line(format!(
            "DTSTART;VALUE=DATE:{}",
            e.first_day.format("%Y%m%d")
        ));
        let end = e.last_day + Duration::days(1);
        line(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if !e.location.is_empty() {
            line(format!("LOCATION:{}", escape(&e.location)));
        }
        if !e.categories.is_empty() {
            let cats: Vec<String> = e.categories.iter().map(|c| escape(c)).collect();
            line(format!("CATEGORIES:{}", cats.join(",")));
        }
        if !e.url.is_empty() {
            line(format!("URL:{}", e.url));
        }
        line(format!(
            "STATUS:{}",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_folded_at_75_octets_on_character_boundaries() {
        let long = format!("SUMMARY:{}", "서울".repeat(40));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn text_is_escaped_and_events_are_all_day() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let e = Event {
            uid: "programme-1@miti".into(),
            summary: "Water management; Seoul, 2018".into(),
            description: String::new(),
            location: "SHRDC".into(),
            first_day: NaiveDate::from_ymd_opt(2018, 6, 17).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2018, 6, 24).unwrap(),
            categories: vec!["water-management".into()],
            url: "https://miti.example/catalogue/1".into(),
            cancelled: false,
            stamp: DateTime::parse_from_rfc3339("2018-01-02T03:04:05Z")
                .unwrap()
                .with_timezone(&Utc),
        };
        let cal = calendar("MITI", &[e]);
        assert!(cal.contains("DTSTART;VALUE=DATE:20180617\r\n"));
        assert!(cal.contains("DTEND;VALUE=DATE:20180625\r\n"));
        assert!(cal.contains("DTSTAMP:20180102T030405Z\r\n"));
        assert!(cal.contains("SUMMARY:Water management\\; Seoul\\, 2018\r\n"));
        assert!(
            !cal.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
    }
}
