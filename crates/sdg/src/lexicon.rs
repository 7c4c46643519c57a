//! Curated per-goal lexicon (`data/lexicon.txt`) and its matcher.
//!
//! File format, one entry a line:
//!
//! ```text
//! == 6                      # starts the section of goal 6
//! 3 wastewater @6.3         # weight, phrase, optional target tag
//! 2 water suppl*            # a word ending in * matches by prefix
//! ```
//!
//! Words without `*` match after plural normalisation (see
//! [`crate::text::normalize`]); a phrase matches consecutive tokens.

use std::collections::HashMap;

use crate::SdgError;
use crate::text::{Token, normalize};

/// The curated lexicon shipped with the crate.
pub const LEXICON_TXT: &str = include_str!("../data/lexicon.txt");

#[derive(Debug, Clone, PartialEq)]
enum Pat {
    Exact(String),
    Prefix(String),
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Goal number 1–17.
    pub goal: u8,
    /// Weight (1 weak … 3 specific).
    pub weight: f32,
    /// Target code the phrase points to, if any.
    pub target: Option<String>,
    /// The phrase as written in the lexicon.
    pub phrase: String,
    pats: Vec<Pat>,
}

/// A parsed, indexed lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    exact: HashMap<String, Vec<u32>>,
    prefix: HashMap<String, Vec<u32>>,
    min_prefix: usize,
    max_prefix: usize,
}

/// Per-goal accumulated evidence for one text.
#[derive(Debug, Clone, Default)]
pub struct GoalHits {
    /// Sum over matched entries of `weight * (1 + ln(count))`.
    pub score: f32,
    /// Number of distinct entries matched.
    pub distinct: u32,
    /// Matched phrases (surface form, lowercase) with their contribution,
    /// strongest first after [`LexMatch::finish`].
    pub evidence: Vec<(String, f32)>,
    /// Target code → summed contribution.
    pub targets: Vec<(String, f32)>,
}

/// The result of matching one text.
#[derive(Debug, Clone)]
pub struct LexMatch {
    /// Index 0 is goal 1.
    pub goals: Vec<GoalHits>,
    /// Number of tokens in the text.
    pub tokens: usize,
}

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> Result<Lexicon, SdgError> {
        Lexicon::parse(LEXICON_TXT)
    }

    /// Parses lexicon text (see module docs).
    pub fn parse(text: &str) -> Result<Lexicon, SdgError> {
        let mut entries = Vec::new();
        let mut goal: Option<u8> = None;
        for (ln, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| SdgError::Data(format!("lexicon line {}: {m}", ln + 1));
            if let Some(rest) = line.strip_prefix("==") {
                let n: u8 = rest
                    .split_whitespace()
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|n| (1..=17).contains(n))
                    .ok_or_else(|| err("bad goal header"))?;
                goal = Some(n);
                continue;
            }
            let g = goal.ok_or_else(|| err("entry before any goal header"))?;
            let mut words = line.split_whitespace();
            let weight: f32 = words
                .next()
                .and_then(|w| w.parse().ok())
                .ok_or_else(|| err("missing weight"))?;
            let mut target = None;
            let mut pats = Vec::new();
            let mut phrase_words = Vec::new();
            for w in words {
                if let Some(t) = w.strip_prefix('@') {
                    target = Some(t.to_string());
                    continue;
                }
                phrase_words.push(w);
                let lw = w.to_lowercase();
                for part in lw.split(|c: char| !(c.is_alphanumeric() || c == '*')) {
                    if part.is_empty() {
                        continue;
                    }
                    if let Some(p) = part.strip_suffix('*') {
                        if p.len() < 3 {
                            return Err(err("prefix shorter than 3 characters"));
                        }
                        pats.push(Pat::Prefix(p.to_string()));
                    } else {
                        pats.push(Pat::Exact(normalize(part)));
                    }
                }
            }
            if pats.is_empty() {
                return Err(err("empty phrase"));
            }
            if let Some(t) = &target {
                let tg: Option<u8> = t.split('.').next().and_then(|s| s.parse().ok());
                if tg != Some(g) {
                    return Err(err(&format!("target {t} is not in goal {g}")));
                }
            }
            entries.push(Entry {
                goal: g,
                weight,
                target,
                phrase: phrase_words.join(" "),
                pats,
            });
        }
        let mut exact: HashMap<String, Vec<u32>> = HashMap::new();
        let mut prefix: HashMap<String, Vec<u32>> = HashMap::new();
        let (mut min_prefix, mut max_prefix) = (usize::MAX, 0);
        for (i, e) in entries.iter().enumerate() {
            let id = u32::try_from(i).map_err(|_| SdgError::Data("lexicon too large".into()))?;
            match &e.pats[0] {
                Pat::Exact(w) => exact.entry(w.clone()).or_default().push(id),
                Pat::Prefix(p) => {
                    min_prefix = min_prefix.min(p.len());
                    max_prefix = max_prefix.max(p.len());
                    prefix.entry(p.clone()).or_default().push(id);
                }
            }
        }
        Ok(Lexicon {
            entries,
            exact,
            prefix,
            min_prefix,
            max_prefix,
        })
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn pat_matches(p: &Pat, t: &Token) -> bool {
        match p {
            Pat::Exact(w) => t.norm == *w,
            Pat::Prefix(pre) => t.raw.starts_with(pre.as_str()),
        }
    }

    fn try_entry(&self, id: u32, toks: &[Token], i: usize) -> Option<usize> {
        let e = &self.entries[id as usize];
        let n = e.pats.len();
        if i + n > toks.len() {
            return None;
        }
        for (k, p) in e.pats.iter().enumerate().skip(1) {
            if !Self::pat_matches(p, &toks[i + k]) {
                return None;
            }
        }
        Some(n)
    }

    /// Matches the lexicon against tokens of `text`.
    pub fn match_tokens(&self, text: &str, toks: &[Token]) -> LexMatch {
        // entry id -> (count, first surface form)
        let mut found: HashMap<u32, (u32, (usize, usize))> = HashMap::new();
        for i in 0..toks.len() {
            let t = &toks[i];
            let mut consider = |id: u32| {
                if let Some(n) = self.try_entry(id, toks, i) {
                    let span = (t.start, toks[i + n - 1].end);
                    found.entry(id).or_insert((0, span)).0 += 1;
                }
            };
            if let Some(ids) = self.exact.get(&t.norm) {
                ids.iter().copied().for_each(&mut consider);
            }
            if self.max_prefix > 0 {
                let raw = t.raw.as_str();
                let hi = self.max_prefix.min(raw.len());
                for len in self.min_prefix..=hi {
                    if !raw.is_char_boundary(len) {
                        continue;
                    }
                    if let Some(ids) = self.prefix.get(&raw[..len]) {
                        ids.iter().copied().for_each(&mut consider);
                    }
                }
            }
        }
        let mut goals = vec![GoalHits::default(); 17];
        for (id, (count, (s, e))) in found {
            let entry = &self.entries[id as usize];
            let contrib = entry.weight * (1.0 + (count as f32).ln());
            let gh = &mut goals[usize::from(entry.goal) - 1];
            gh.score += contrib;
            gh.distinct += 1;
            gh.evidence.push((text[s..e].to_lowercase(), contrib));
            if let Some(t) = &entry.target {
                match gh.targets.iter_mut().find(|(c, _)| c == t) {
                    Some(slot) => slot.1 += contrib,
                    None => gh.targets.push((t.clone(), contrib)),
                }
            }
        }
        let mut m = LexMatch {
            goals,
            tokens: toks.len(),
        };
        m.finish();
        m
    }

    /// Tokenises and matches `text`.
    pub fn match_text(&self, text: &str) -> LexMatch {
        let toks = crate::text::tokenize(text);
        self.match_tokens(text, &toks)
    }
}

impl LexMatch {
    /// Sorts evidence and targets strongest first, merging equal surfaces.
    fn finish(&mut self) {
        for g in &mut self.goals {
            g.evidence
                .sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let mut seen: Vec<(String, f32)> = Vec::with_capacity(g.evidence.len());
            for (s, w) in g.evidence.drain(..) {
                if !seen.iter().any(|(x, _)| *x == s) {
                    seen.push((s, w));
                }
            }
            g.evidence = seen;
            g.targets
                .sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
    }

    /// Raw lexicon score of goal `g` (1–17).
    pub fn score(&self, g: u8) -> f32 {
        self.goals
            .get(usize::from(g).wrapping_sub(1))
            .map_or(0.0, |h| h.score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_matches() {
        let lx = Lexicon::parse(
            "== 6\n3 wastewater @6.3\n2 water suppl*\n1 river\n== 11\n2 slum* @11.1\n",
        )
        .unwrap();
        let m = lx.match_text("Wastewater and water supply in slums; rivers and wastewater.");
        assert!(m.score(6) > 5.0);
        assert_eq!(m.goals[5].distinct, 3);
        assert_eq!(m.goals[5].evidence[0].0, "wastewater");
        assert_eq!(m.goals[5].targets[0].0, "6.3");
        assert_eq!(m.goals[10].evidence[0].0, "slums");
        assert_eq!(m.score(1), 0.0);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(Lexicon::parse("2 water").is_err());
        assert!(Lexicon::parse("== 6\n2 water @7.1").is_err());
        assert!(Lexicon::parse("== 18\n").is_err());
        assert!(Lexicon::parse("== 6\nx water").is_err());
    }

    #[test]
    fn embedded_lexicon_parses() {
        let lx = Lexicon::embedded().unwrap();
        for g in 1..=17u8 {
            assert!(
                lx.entries().iter().filter(|e| e.goal == g).count() >= 30,
                "goal {g} has too few lexicon entries"
            );
        }
    }
}
