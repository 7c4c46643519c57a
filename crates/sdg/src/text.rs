//! Tokenisation and light English normalisation shared by the lexicon
//! matcher and the learned features.

/// One token: its normalised form, its raw lowercase form and its byte span
/// in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercase, with English plural endings removed ("cities" → "city").
    pub norm: String,
    /// Lowercase as written.
    pub raw: String,
    /// Byte offset of the first character in the source text.
    pub start: usize,
    /// Byte offset one past the last character in the source text.
    pub end: usize,
}

/// Splits text into alphanumeric tokens (Unicode-aware), lowercased and
/// normalised. Apostrophes, hyphens and punctuation separate tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push_token(&mut out, text, s, i);
        }
    }
    if let Some(s) = start {
        push_token(&mut out, text, s, text.len());
    }
    out
}

fn push_token(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    let raw = text[start..end].to_lowercase();
    let norm = normalize(&raw);
    out.push(Token {
        norm,
        raw,
        start,
        end,
    });
}

/// Removes English plural endings from a lowercase word.
///
/// `policies` → `policy`, `taxes` → `tax`, `goals` → `goal`; words ending in
/// `ss`, `us`, `is` or shorter than four characters are kept.
pub fn normalize(word: &str) -> String {
    let n = word.len();
    if n < 4 || !word.is_ascii() {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && n > 4
    {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    for suf in ["ches", "shes", "xes"] {
        if word.ends_with(suf) {
            return word[..n - 2].to_string();
        }
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix('s') {
        return stem.to_string();
    }
    word.to_string()
}

/// Common English function words, ignored by the framework-derived features.
pub fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "doe"
            | "does"
            | "during"
            | "each"
            | "either"
            | "et"
            | "etc"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "ha"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hi"
            | "his"
            | "how"
            | "however"
            | "i"
            | "if"
            | "in"
            | "including"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "may"
            | "might"
            | "more"
            | "most"
            | "much"
            | "must"
            | "no"
            | "nor"
            | "not"
            | "of"
            | "on"
            | "once"
            | "one"
            | "only"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "own"
            | "per"
            | "same"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "thi"
            | "this"
            | "those"
            | "through"
            | "thu"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "upon"
            | "very"
            | "wa"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "whether"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "within"
            | "would"
            | "yet"
            | "you"
            | "your"
            | "2030"
            | "2020"
            | "2025"
            | "proportion"
            | "number"
            | "total"
            | "level"
            | "rate"
            | "percentage"
            | "share"
            | "indicator"
            | "target"
            | "ensure"
            | "achieve"
            | "increase"
            | "implement"
            | "promote"
            | "ratio"
            | "country"
            | "national"
            | "international"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_plurals() {
        assert_eq!(normalize("policies"), "policy");
        assert_eq!(normalize("taxes"), "tax");
        assert_eq!(normalize("goals"), "goal");
        assert_eq!(normalize("access"), "access");
        assert_eq!(normalize("status"), "status");
        assert_eq!(normalize("analysis"), "analysis");
        assert_eq!(normalize("gas"), "gas");
        assert_eq!(normalize("approaches"), "approach");
    }

    #[test]
    fn tokenises_with_spans() {
        let t = tokenize("Water-supply, cities’ slums!");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["water", "supply", "city", "slum"]);
        assert_eq!(
            &"Water-supply, cities’ slums!"[t[0].start..t[0].end],
            "Water"
        );
    }
}
