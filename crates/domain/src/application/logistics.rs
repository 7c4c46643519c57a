//! A participant's travel and stay, as they give it after confirming.

use crate::FieldErrors;
use crate::validate;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logistics {
    pub arrival_date: NaiveDate,
    pub arrival_time: Option<NaiveTime>,
    pub arrival_flight: Option<String>,
    pub departure_date: NaiveDate,
    pub departure_time: Option<NaiveTime>,
    pub departure_flight: Option<String>,
    pub lodging_nights: i32,
    pub dietary: Option<String>,
    pub access_needs: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LogisticsForm {
    pub arrival_date: String,
    pub arrival_time: String,
    pub arrival_flight: String,
    pub departure_date: String,
    pub departure_time: String,
    pub departure_flight: String,
    pub lodging_nights: String,
    pub dietary: String,
    pub access_needs: String,
}

fn time(errs: &mut FieldErrors, field: &str, v: &str) -> Option<NaiveTime> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match NaiveTime::parse_from_str(v, "%H:%M") {
        Ok(t) => Some(t),
        Err(_) => {
            errs.add(field, "invalid_time");
            None
        }
    }
}

impl LogisticsForm {
    pub fn from_logistics(l: &Logistics) -> Self {
        let t = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
        Self {
            arrival_date: l.arrival_date.to_string(),
            arrival_time: t(l.arrival_time),
            arrival_flight: l.arrival_flight.clone().unwrap_or_default(),
            departure_date: l.departure_date.to_string(),
            departure_time: t(l.departure_time),
            departure_flight: l.departure_flight.clone().unwrap_or_default(),
            lodging_nights: l.lodging_nights.to_string(),
            dietary: l.dietary.clone().unwrap_or_default(),
            access_needs: l.access_needs.clone().unwrap_or_default(),
        }
    }

    /// Travel must fall within a week of the programme's own dates
    /// (`programme_arrival`..`programme_departure`), departure after arrival,
    /// and lodging within the nights between them.
    pub fn validate(
        &self,
        programme_arrival: NaiveDate,
        programme_departure: NaiveDate,
    ) -> Result<Logistics, FieldErrors> {
        let mut errs = FieldErrors::new();
        let arrival = validate::date(&mut errs, "arrival_date", &self.arrival_date, true);
        let departure = validate::date(&mut errs, "departure_date", &self.departure_date, true);
        let window = chrono::Duration::days(7);
        if let Some(a) = arrival
            && (a < programme_arrival - window || a > programme_departure)
        {
            errs.add("arrival_date", "outside_programme");
        }
        if let Some(d) = departure
            && (d > programme_departure + window || d < programme_arrival)
        {
            errs.add("departure_date", "outside_programme");
        }
        if let (Some(a), Some(d)) = (arrival, departure)
            && d < a
        {
            errs.add("departure_date", "date_order");
        }
        let arrival_time = time(&mut errs, "arrival_time", &self.arrival_time);
        let departure_time = time(&mut errs, "departure_time", &self.departure_time);
        let arrival_flight =
            validate::optional(&mut errs, "arrival_flight", &self.arrival_flight, 40);
        let departure_flight =
            validate::optional(&mut errs, "departure_flight", &self.departure_flight, 40);
        let nights_max = match (arrival, departure) {
            (Some(a), Some(d)) if d >= a => (d - a).num_days() as i32,
            _ => 60,
        };
        let lodging_nights = match self.lodging_nights.trim().parse::<i32>() {
            Ok(n) if (0..=nights_max).contains(&n) => n,
            Ok(_) => {
                errs.add_with(
                    "lodging_nights",
                    "out_of_range",
                    &[("min", "0".into()), ("max", nights_max.to_string())],
                );
                0
            }
            Err(_) if self.lodging_nights.trim().is_empty() => {
                errs.add("lodging_nights", "required");
                0
            }
            Err(_) => {
                errs.add("lodging_nights", "invalid_number");
                0
            }
        };
        let dietary = validate::optional(&mut errs, "dietary", &self.dietary, 1000);
        let access_needs = validate::optional(&mut errs, "access_needs", &self.access_needs, 1000);
        match (arrival, departure) {
            (Some(arrival_date), Some(departure_date)) if errs.is_empty() => Ok(Logistics {
                arrival_date,
                arrival_time,
                arrival_flight,
                departure_date,
                departure_time,
                departure_flight,
                lodging_nights,
                dietary,
                access_needs,
            }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn logistics_validate() {
        let ok = LogisticsForm {
            arrival_date: "2026-09-06".into(),
            arrival_time: "14:30".into(),
            departure_date: "2026-09-12".into(),
            lodging_nights: "6".into(),
            dietary: "halal".into(),
            ..Default::default()
        };
        let l = ok.validate(d("2026-09-07"), d("2026-09-11")).unwrap();
        assert_eq!(l.lodging_nights, 6);
        let bad = LogisticsForm {
            arrival_date: "2026-09-10".into(),
            departure_date: "2026-09-08".into(),
            arrival_time: "25:00".into(),
            lodging_nights: "80".into(),
            ..Default::default()
        };
        let e = bad.validate(d("2026-09-07"), d("2026-09-11")).unwrap_err();
        assert_eq!(e.get("departure_date").unwrap().code, "date_order");
        assert_eq!(e.get("arrival_time").unwrap().code, "invalid_time");
        assert_eq!(e.get("lodging_nights").unwrap().code, "out_of_range");
        let far = LogisticsForm {
            arrival_date: "2026-01-01".into(),
            departure_date: "2026-09-10".into(),
            lodging_nights: "1".into(),
            ..Default::default()
        };
        let e = far.validate(d("2026-09-07"), d("2026-09-11")).unwrap_err();
        assert_eq!(e.get("arrival_date").unwrap().code, "outside_programme");
    }
}
