//! Per-(text, goal) features: the curated lexicon's scores and a TF-IDF
//! similarity to each goal's own framework wording (goal, target and
//! indicator titles).

use std::collections::HashMap;

use crate::framework::{Framework, Lang};
use crate::lexicon::{LexMatch, Lexicon};
use crate::text::{Token, is_stopword, tokenize};

/// Number of features per (text, goal) pair, before the per-goal bias.
pub const N_FEATURES: usize = 12;

/// Names of the features, in order (for the model file and docs).
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "lex_log",
    "lex_rel_max",
    "lex_is_top",
    "lex_share",
    "lex_distinct_log",
    "lex_margin",
    "lex_density",
    "fw_sim",
    "fw_rel_max",
    "fw_is_top",
    "lex_rank_inv",
    "len_log",
];

/// TF-IDF term weights per goal and per target, from the framework's
/// English wording.
#[derive(Debug, Clone)]
pub struct FrameworkIndex {
    /// term → [(goal index 0..17, weight)]
    goal_terms: HashMap<String, Vec<(u8, f32)>>,
    /// term → [(target index, weight)]
    target_terms: HashMap<String, Vec<(u16, f32)>>,
    target_codes: Vec<String>,
    target_goal: Vec<u8>,
}

fn content_terms(toks: &[Token]) -> Vec<String> {
    let words: Vec<&str> = toks
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| w.len() > 2 && !is_stopword(w) && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
    for pair in words.windows(2) {
        out.push(format!("{} {}", pair[0], pair[1]));
    }
    out
}

fn tfidf_index<K: Copy>(docs: &[(K, String)], n_docs: usize) -> HashMap<String, Vec<(K, f32)>> {
    // term frequency per doc
    let mut tf: Vec<HashMap<String, f32>> = Vec::with_capacity(docs.len());
    let mut df: HashMap<String, usize> = HashMap::new();
    for (_, text) in docs {
        let mut m: HashMap<String, f32> = HashMap::new();
        for t in content_terms(&tokenize(text)) {
            *m.entry(t).or_default() += 1.0;
        }
        for k in m.keys() {
            *df.entry(k.clone()).or_default() += 1;
        }
        tf.push(m);
    }
    let mut index: HashMap<String, Vec<(K, f32)>> = HashMap::new();
    for ((key, _), m) in docs.iter().zip(tf) {
        let mut weights: Vec<(String, f32)> = m
            .into_iter()
            .map(|(t, c)| {
                let d = df.get(&t).copied().unwrap_or(1) as f32;
                let idf = ((n_docs as f32 + 1.0) / (d + 0.5)).ln().max(0.0);
                let w = (1.0 + c.ln()) * idf;
                (t, w)
            })
            .collect();
        let norm = weights
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-6);
        for (t, w) in weights.drain(..) {
            if w > 0.0 {
                index.entry(t).or_default().push((*key, w / norm));
            }
        }
    }
    index
}

impl FrameworkIndex {
    /// Builds the index from the framework's English titles.
    pub fn build(fw: &Framework) -> FrameworkIndex {
        let mut goal_docs: Vec<(u8, String)> = fw
            .goals()
            .iter()
            .map(|g| {
                (
                    g.number() - 1,
                    format!("{} {}", g.short_title(Lang::En), g.title(Lang::En)),
                )
            })
            .collect();
        let mut target_docs: Vec<(u16, String)> = Vec::new();
        let mut target_codes = Vec::new();
        let mut target_goal = Vec::new();
        for (i, t) in fw.targets().iter().enumerate() {
            let mut doc = t.title(Lang::En).to_string();
            for ind in fw.indicators_of(t.code()) {
                doc.push(' ');
                doc.push_str(ind.title(Lang::En));
            }
            let gd = &mut goal_docs[usize::from(t.goal()) - 1].1;
            gd.push(' ');
            gd.push_str(&doc);
            target_docs.push((u16::try_from(i).unwrap_or(u16::MAX), doc));
            target_codes.push(t.code().to_string());
            target_goal.push(t.goal());
        }
        FrameworkIndex {
            goal_terms: tfidf_index(&goal_docs, goal_docs.len()),
            target_terms: tfidf_index(&target_docs, target_docs.len()),
            target_codes,
            target_goal,
        }
    }

    /// Similarity of the text's distinct content terms to each goal's
    /// wording (index 0 is goal 1).
    pub fn goal_similarity(&self, toks: &[Token]) -> [f32; 17] {
        let mut terms = content_terms(toks);
        terms.sort_unstable();
        terms.dedup();
        let mut sim = [0f32; 17];
        for t in &terms {
            if let Some(v) = self.goal_terms.get(t) {
                for &(g, w) in v {
                    sim[usize::from(g)] += w;
                }
            }
        }
        let norm = (terms.len() as f32).sqrt().max(1.0);
        sim.iter_mut().for_each(|s| *s /= norm);
        sim
    }

    /// Targets of `goal` ranked by similarity of their wording to the text.
    pub fn target_similarity(&self, toks: &[Token], goal: u8) -> Vec<(String, f32)> {
        let mut terms = content_terms(toks);
        terms.sort_unstable();
        terms.dedup();
        let mut acc: HashMap<u16, f32> = HashMap::new();
        for t in &terms {
            if let Some(v) = self.target_terms.get(t) {
                for &(ti, w) in v {
                    if self.target_goal.get(usize::from(ti)) == Some(&goal) {
                        *acc.entry(ti).or_default() += w;
                    }
                }
            }
        }
        let mut out: Vec<(String, f32)> = acc
            .into_iter()
            .filter_map(|(ti, w)| {
                self.target_codes
                    .get(usize::from(ti))
                    .map(|c| (c.clone(), w))
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

/// Everything computed once per text, from which per-goal feature vectors
/// are read.
#[derive(Debug, Clone)]
pub struct TextAnalysis {
    /// Lexicon matches.
    pub lex: LexMatch,
    /// Framework similarity per goal.
    pub fw: [f32; 17],
    /// Tokens of the text.
    pub tokens: Vec<Token>,
}

impl TextAnalysis {
    /// Analyses `text` with the given lexicon and framework index.
    pub fn new(text: &str, lexicon: &Lexicon, index: &FrameworkIndex) -> TextAnalysis {
        let tokens = tokenize(text);
        let lex = lexicon.match_tokens(text, &tokens);
        let fw = index.goal_similarity(&tokens);
        TextAnalysis { lex, fw, tokens }
    }

    /// Feature vector for goal `g` (1–17).
    pub fn features(&self, g: u8) -> [f64; N_FEATURES] {
        let gi = usize::from(g).saturating_sub(1).min(16);
        let s: Vec<f64> = self.lex.goals.iter().map(|h| f64::from(h.score)).collect();
        let sg = s[gi];
        let max = s.iter().copied().fold(0.0, f64::max);
        let max_other = s
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != gi)
            .map(|(_, v)| *v)
            .fold(0.0, f64::max);
        let sum: f64 = s.iter().sum();
        let rank = s.iter().filter(|&&v| v > sg).count() as f64;
        let fw: Vec<f64> = self.fw.iter().map(|&v| f64::from(v)).collect();
        let fg = fw[gi];
        let fmax = fw.iter().copied().fold(0.0, f64::max);
        let n = self.tokens.len() as f64;
        let distinct = f64::from(self.lex.goals[gi].distinct);
        [
            (1.0 + sg).ln(),
            sg / (max + 1.0),
            if sg > 0.0 && sg >= max { 1.0 } else { 0.0 },
            sg / (sum + 1.0),
            (1.0 + distinct).ln(),
            (1.0 + sg).ln() - (1.0 + max_other).ln(),
            sg / (n + 10.0).sqrt(),
            fg * 5.0,
            fg / (fmax + 0.01),
            if fg > 0.0 && fg >= fmax { 1.0 } else { 0.0 },
            1.0 / (1.0 + rank),
            (1.0 + n).ln() / 5.0,
        ]
    }
}
