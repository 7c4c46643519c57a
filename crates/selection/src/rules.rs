//! Exact (integer) evaluation of the programme rules on a cohort.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Instance, need};

/// Which set of rules to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The rules as written in the input.
    Original,
    /// The rules the optimiser enforces (relaxed only as far as forced seats
    /// require; identical to `Original` when there are no overrides).
    Effective,
}

/// One broken rule, with the numbers behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Breach {
    Capacity {
        limit: i64,
        actual: i64,
    },
    City {
        city: usize,
        limit: i64,
        actual: i64,
    },
    Country {
        country: usize,
        limit: i64,
        actual: i64,
    },
    Members {
        needed: i64,
        actual: i64,
        share_ppm: i64,
    },
    Gender {
        gender: usize,
        needed: i64,
        actual: i64,
        share_ppm: i64,
    },
    Regions {
        needed: i64,
        actual: i64,
    },
}

impl Breach {
    /// By how many people the rule is missed or exceeded (after slack).
    pub(crate) fn amount(&self) -> i64 {
        match *self {
            Breach::Capacity { limit, actual }
            | Breach::City { limit, actual, .. }
            | Breach::Country { limit, actual, .. } => actual - limit,
            Breach::Members { needed, actual, .. }
            | Breach::Gender { needed, actual, .. }
            | Breach::Regions { needed, actual } => needed - actual,
        }
    }

    /// Rule name as in the input contract.
    pub(crate) fn rule(&self) -> &'static str {
        match self {
            Breach::Capacity { .. } => "capacity",
            Breach::City { .. } => "max_per_city",
            Breach::Country { .. } => "max_per_country",
            Breach::Members { .. } => "min_member_share",
            Breach::Gender { .. } => "min_gender_share",
            Breach::Regions { .. } => "min_regions",
        }
    }
}

/// Counts of a cohort, maintained incrementally.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    pub size: i64,
    pub members: i64,
    pub city: HashMap<usize, i64>,
    pub country: HashMap<usize, i64>,
    pub region: HashMap<usize, i64>,
    pub gender: HashMap<usize, i64>,
}

impl Tally {
    pub(crate) fn of(inst: &Instance, cohort: &[usize]) -> Tally {
        let mut t = Tally::default();
        for &c in cohort {
            t.add(inst, c, 1);
        }
        t
    }

    pub(crate) fn add(&mut self, inst: &Instance, c: usize, d: i64) {
        let cd = &inst.cands[c];
        self.size += d;
        self.members += if cd.member { d } else { 0 };
        *self.city.entry(cd.city).or_default() += d;
        *self.country.entry(cd.country).or_default() += d;
        *self.region.entry(cd.region).or_default() += d;
        *self.gender.entry(cd.gender).or_default() += d;
    }

    pub(crate) fn regions(&self) -> i64 {
        self.region.values().filter(|&&n| n > 0).count() as i64
    }
}

/// All breaches of programme `p`'s rules by the cohort described by `t`,
/// in a fixed order (capacity, cities, countries, members, genders, regions).
pub(crate) fn breaches(inst: &Instance, p: usize, t: &Tally, mode: Mode) -> Vec<Breach> {
    let prog = &inst.progs[p];
    let eff = mode == Mode::Effective;
    let mut out = Vec::new();
    let cap = if eff { prog.eff.cap } else { prog.cap } as i64;
    if t.size > cap {
        out.push(Breach::Capacity {
            limit: cap,
            actual: t.size,
        });
    }
    if prog.city_cap.is_some() {
        let set: BTreeSet<usize> = t.city.iter().filter(|e| *e.1 > 0).map(|e| *e.0).collect();
        for city in set {
            let limit = if eff {
                inst.city_cap(p, city)
            } else {
                prog.city_cap
            }
            .unwrap_or(u32::MAX) as i64;
            let actual = t.city[&city];
            if actual > limit {
                out.push(Breach::City {
                    city,
                    limit,
                    actual,
                });
            }
        }
    }
    if prog.country_cap.is_some() {
        let set: BTreeSet<usize> = t
            .country
            .iter()
            .filter(|e| *e.1 > 0)
            .map(|e| *e.0)
            .collect();
        for country in set {
            let limit = if eff {
                inst.country_cap(p, country)
            } else {
                prog.country_cap
            }
            .unwrap_or(u32::MAX) as i64;
            let actual = t.country[&country];
            if actual > limit {
                out.push(Breach::Country {
                    country,
                    limit,
                    actual,
                });
            }
        }
    }
    if let Some(ppm) = prog.member_ppm {
        let slack = if eff { prog.eff.member_slack } else { 0 };
        let needed = need(ppm, t.size) - slack;
        if t.members < needed {
            out.push(Breach::Members {
                needed,
                actual: t.members,
                share_ppm: ppm,
            });
        }
    }
    for &(g, ppm) in &prog.genders {
        let slack = if eff { prog.eff.gender_slack[g] } else { 0 };
        let needed = need(ppm, t.size) - slack;
        let actual = t.gender.get(&g).copied().unwrap_or(0);
        if actual < needed {
            out.push(Breach::Gender {
                gender: g,
                needed,
                actual,
                share_ppm: ppm,
            });
        }
    }
    let regions_on = if eff {
        prog.eff.regions_active
    } else {
        prog.min_regions >= 2
    };
    if regions_on && t.size > 0 && t.regions() < prog.min_regions as i64 {
        out.push(Breach::Regions {
            needed: prog.min_regions as i64,
            actual: t.regions(),
        });
    }
    out
}

/// True when the cohort keeps every effective rule of programme `p`.
pub(crate) fn feasible(inst: &Instance, p: usize, cohort: &[usize]) -> bool {
    breaches(inst, p, &Tally::of(inst, cohort), Mode::Effective).is_empty()
}
