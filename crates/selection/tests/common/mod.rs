//! Shared helpers of the integration tests and benchmarks: instance
//! generators and an independent brute-force reference solver.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use miti_selection::{Candidate, Input, Programme};

/// Small deterministic PRNG (xorshift64*), so generated instances never
/// depend on a crate's version.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A realistic world: `n_cities` cities in `n_cities / 3` countries spread
/// over six regions; 40% of cities are members.
struct World {
    city: Vec<(String, String, String, bool)>,
}

impl World {
    fn new(rng: &mut Rng, n_cities: usize) -> World {
        let regions = ["Africa", "Asia", "Europe", "LatAm", "MENA", "NorthAm"];
        let city = (0..n_cities)
            .map(|i| {
                let country = i / 3;
                (
                    format!("city{i}"),
                    format!("country{country}"),
                    regions[country % regions.len()].to_string(),
                    rng.below(10) < 4,
                )
            })
            .collect();
        World { city }
    }
}

fn candidate(rng: &mut Rng, world: &World, id: String, prefs: Vec<String>) -> Candidate {
    let (city, country, region, member) =
        world.city[rng.below(world.city.len() as u64) as usize].clone();
    let g = rng.below(100);
    Candidate {
        id,
        score: (400 + rng.below(601)) as f64 / 10.0,
        city,
        country,
        region,
        member,
        gender: if g < 50 {
            "f"
        } else if g < 97 {
            "m"
        } else {
            "x"
        }
        .to_string(),
        eligible: rng.below(20) != 0,
        preferences: prefs,
    }
}

/// The rules of the field: 15 seats, 60% members, 2 per city, 3 per
/// country, 4 regions, 40% women.
pub fn standard_programme(id: String) -> Programme {
    Programme {
        id,
        capacity: 15,
        min_member_share: Some(0.6),
        max_per_city: Some(2),
        max_per_country: Some(3),
        min_regions: Some(4),
        min_gender_share: BTreeMap::from([("f".to_string(), 0.4)]),
        waitlist_size: None,
    }
}

/// One programme, `n` candidates.
pub fn single_instance(n: usize, seed: u64) -> Input {
    let mut rng = Rng::new(seed);
    let world = World::new(&mut rng, 300);
    let programmes = vec![standard_programme("P00".into())];
    let candidates = (0..n)
        .map(|i| candidate(&mut rng, &world, format!("c{i:05}"), vec!["P00".into()]))
        .collect();
    Input {
        programmes,
        candidates,
        overrides: vec![],
    }
}

/// A cycle of `n_prog` programmes; candidate i lists programmes
/// p, p+1, p+2 (mod n_prog) with p = i mod n_prog.
pub fn cycle_instance(n_prog: usize, n: usize, seed: u64) -> Input {
    let mut rng = Rng::new(seed);
    let world = World::new(&mut rng, 300);
    let programmes = (0..n_prog)
        .map(|p| standard_programme(format!("P{p:02}")))
        .collect();
    let candidates = (0..n)
        .map(|i| {
            let p = i % n_prog;
            let prefs = (0..3.min(n_prog))
                .map(|k| format!("P{:02}", (p + k) % n_prog))
                .collect();
            candidate(&mut rng, &world, format!("c{i:05}"), prefs)
        })
        .collect();
    Input {
        programmes,
        candidates,
        overrides: vec![],
    }
}

// ---------------------------------------------------------------------------
// Independent reference implementation (straight from the issue text).
// ---------------------------------------------------------------------------

fn fp(score: f64) -> i64 {
    (score * 10_000.0).round() as i64
}

fn ppm(share: f64) -> i64 {
    (share * 1_000_000.0).round() as i64
}

/// Whether `cohort` (candidate indices) keeps every rule of `prog`.
pub fn cohort_ok(input: &Input, prog: &Programme, cohort: &[usize]) -> bool {
    rule_breaks(input, prog, cohort).is_empty()
}

/// Names of the rules `cohort` breaks.
pub fn rule_breaks(input: &Input, prog: &Programme, cohort: &[usize]) -> Vec<&'static str> {
    let mut out = Vec::new();
    let k = cohort.len() as i64;
    if k > prog.capacity {
        out.push("capacity");
    }
    if let Some(cap) = prog.max_per_city {
        let mut n: HashMap<(&str, &str), i64> = HashMap::new();
        for &c in cohort {
            let cd = &input.candidates[c];
            *n.entry((cd.country.as_str(), cd.city.as_str()))
                .or_default() += 1;
        }
        if n.values().any(|&v| v > cap) {
            out.push("max_per_city");
        }
    }
    if let Some(cap) = prog.max_per_country {
        let mut n: HashMap<&str, i64> = HashMap::new();
        for &c in cohort {
            *n.entry(input.candidates[c].country.as_str()).or_default() += 1;
        }
        if n.values().any(|&v| v > cap) {
            out.push("max_per_country");
        }
    }
    if let Some(share) = prog.min_member_share {
        let m = cohort
            .iter()
            .filter(|&&c| input.candidates[c].member)
            .count() as i64;
        if m * 1_000_000 < ppm(share) * k {
            out.push("min_member_share");
        }
    }
    for (g, &share) in &prog.min_gender_share {
        let n = cohort
            .iter()
            .filter(|&&c| &input.candidates[c].gender == g)
            .count() as i64;
        if n * 1_000_000 < ppm(share) * k {
            out.push("min_gender_share");
        }
    }
    if let Some(r) = prog.min_regions {
        let regions: BTreeSet<&str> = cohort
            .iter()
            .map(|&c| input.candidates[c].region.as_str())
            .collect();
        if k > 0 && (regions.len() as i64) < r {
            out.push("min_regions");
        }
    }
    out
}

/// Score, rank sum, selection key, rank key and assignment of a candidate optimum.
type Best = (i64, i64, Vec<i64>, Vec<i64>, Vec<Option<usize>>);

/// Brute-force optimum over all assignments (no overrides): returns the
/// assignment (programme index per candidate) maximising total score, then
/// minimising the rank sum, then lexicographically best by candidate id
/// (selected set first, then preference ranks).
pub fn brute_force(input: &Input) -> Vec<Option<usize>> {
    let pidx: HashMap<&str, usize> = input
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let n = input.candidates.len();
    let options: Vec<Vec<(usize, i64)>> = input
        .candidates
        .iter()
        .map(|c| {
            if !c.eligible {
                return vec![];
            }
            c.preferences
                .iter()
                .enumerate()
                .map(|(k, p)| (pidx[p.as_str()], k as i64 + 1))
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| input.candidates[a].id.cmp(&input.candidates[b].id));
    let mut best: Option<Best> = None;
    let mut choice = vec![0usize; n];
    loop {
        let assign: Vec<Option<usize>> = (0..n)
            .map(|c| {
                if choice[c] == 0 {
                    None
                } else {
                    Some(options[c][choice[c] - 1].0)
                }
            })
            .collect();
        let ok = input.programmes.iter().enumerate().all(|(p, prog)| {
            let cohort: Vec<usize> = (0..n).filter(|&c| assign[c] == Some(p)).collect();
            cohort_ok(input, prog, &cohort)
        });
        if ok {
            let score: i64 = (0..n)
                .filter(|&c| assign[c].is_some())
                .map(|c| fp(input.candidates[c].score))
                .sum();
            let rank: i64 = (0..n)
                .filter(|&c| choice[c] > 0)
                .map(|c| options[c][choice[c] - 1].1)
                .sum();
            // Lex keys by id: selected (0 better than 1), then rank (smaller better).
            let sel_key: Vec<i64> = order
                .iter()
                .map(|&c| if assign[c].is_some() { 0 } else { 1 })
                .collect();
            let rank_key: Vec<i64> = order
                .iter()
                .map(|&c| {
                    if choice[c] > 0 {
                        options[c][choice[c] - 1].1
                    } else {
                        0
                    }
                })
                .collect();
            let better = match &best {
                None => true,
                Some((bs, br, bsel, brk, _)) => {
                    (score, -rank) > (*bs, -*br)
                        || ((score, -rank) == (*bs, -*br) && (&sel_key, &rank_key) < (bsel, brk))
                }
            };
            if better {
                best = Some((score, rank, sel_key, rank_key, assign));
            }
        }
        // Next assignment.
        let mut i = 0;
        loop {
            if i == n {
                return best.map(|b| b.4).unwrap_or_else(|| vec![None; n]);
            }
            choice[i] += 1;
            if choice[i] <= options[i].len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}
