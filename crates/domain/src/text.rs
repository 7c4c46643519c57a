//! Text that people write in several languages (names, titles), with fallback.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text given in one or more languages. `main` is the language the author
/// wrote in; a viewer whose language is missing sees `main`, then English,
/// then whatever exists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub main: String,
    pub texts: BTreeMap<String, String>,
}

impl Localized {
    pub fn new(main: &str, text: &str) -> Self {
        let mut texts = BTreeMap::new();
        texts.insert(main.to_string(), text.to_string());
        Self {
            main: main.to_string(),
            texts,
        }
    }

    /// The text in `lang`, with the fallback chain described on the type.
    pub fn get(&self, lang: &str) -> &str {
        [lang, self.main.as_str(), "en"]
            .iter()
            .find_map(|l| self.texts.get(*l).filter(|t| !t.is_empty()))
            .or_else(|| self.texts.values().find(|t| !t.is_empty()))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether the text exists in `lang` itself (not by fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.texts.get(lang).is_some_and(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_main_then_english_then_any() {
        let mut t = Localized::new("ko", "서울");
        t.texts.insert("en".into(), "Seoul".into());
        assert_eq!(t.get("ko"), "서울");
        assert_eq!(t.get("fr"), "서울");
        t.main = "fa".into();
        assert_eq!(t.get("fr"), "Seoul");
        let only = Localized::new("ar", "القاهرة");
        assert_eq!(only.get("en"), "القاهرة");
        assert_eq!(Localized::default().get("en"), "");
    }
}
