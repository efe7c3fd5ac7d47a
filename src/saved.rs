//! What the page keeps on this device, in the browser's local storage: the article being worked
//! on, the reader's settings and a short list of recent articles. Plain serde types and the
//! rules for the list; the page reads and writes them (`ui::persist`).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::analysis::{EntityType, InputFormat};
use crate::view_model::excerpt;

/// Storage keys, versioned so that a later format can ignore what an older page saved.
pub const DRAFT_KEY: &str = "article-atlas/v1/draft";
pub const SETTINGS_KEY: &str = "article-atlas/v1/settings";
pub const RECENT_KEY: &str = "article-atlas/v1/recent";

/// How many recent articles are kept.
pub const RECENT_LIMIT: usize = 8;

/// The article in the text area.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Empty when the text is kept apart, in the browser's database (`ui::draft_database`).
    pub text: String,
    pub format: Option<InputFormat>,
    #[serde(default)]
    pub apart: bool,
}

/// Drafts longer than this many bytes are kept in the browser's database rather than in local
/// storage, which holds about five million characters for the whole page.
pub const DRAFT_APART_BYTES: usize = 2 * 1024 * 1024;

/// The reader's choices that outlive a reload.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(default)]
pub struct Settings {
    pub show_sentences: bool,
    pub hidden_types: BTreeSet<EntityType>,
}

/// An article the reader worked on before the current one.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RecentArticle {
    /// The headline, or the first words when there is none.
    pub title: String,
    pub text: String,
    pub format: Option<InputFormat>,
    /// Milliseconds since 1970, when it was set aside.
    pub saved_at: f64,
}

impl RecentArticle {
    pub fn new(
        headline: Option<&str>,
        text: &str,
        format: Option<InputFormat>,
        saved_at: f64,
    ) -> RecentArticle {
        let title = headline
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .unwrap_or(text);
        let one_line: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        RecentArticle {
            title: excerpt(&one_line, 70),
            text: text.to_string(),
            format,
            saved_at,
        }
    }
}

/// Whether setting this text aside is worth a place in the list: not blank, not the sample.
pub fn worth_keeping(text: &str) -> bool {
    !text.trim().is_empty() && text != crate::SAMPLE_ARTICLE
}

/// Puts an article at the top of the list: the same text moves up instead of appearing twice,
/// and the oldest beyond [`RECENT_LIMIT`] are dropped.
pub fn remember(recent: &mut Vec<RecentArticle>, article: RecentArticle) {
    if !worth_keeping(&article.text) {
        return;
    }
    recent.retain(|r| r.text != article.text);
    recent.insert(0, article);
    recent.truncate(RECENT_LIMIT);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, at: f64) -> RecentArticle {
        RecentArticle::new(None, text, None, at)
    }

    #[test]
    fn the_list_keeps_the_newest_distinct_articles() {
        let mut recent = Vec::new();
        for i in 0..10 {
            remember(&mut recent, article(&format!("Article {i}"), i as f64));
        }
        assert_eq!(recent.len(), RECENT_LIMIT);
        assert_eq!(recent[0].text, "Article 9");
        assert_eq!(recent[RECENT_LIMIT - 1].text, "Article 2");
        remember(&mut recent, article("Article 5", 20.0));
        assert_eq!(recent.len(), RECENT_LIMIT);
        assert_eq!(
            (recent[0].text.as_str(), recent[0].saved_at),
            ("Article 5", 20.0)
        );
        assert_eq!(recent.iter().filter(|r| r.text == "Article 5").count(), 1);
    }

    #[test]
    fn blank_text_and_the_sample_are_not_kept() {
        let mut recent = Vec::new();
        remember(&mut recent, article("  \n", 1.0));
        remember(&mut recent, article(crate::SAMPLE_ARTICLE, 2.0));
        assert!(recent.is_empty());
    }

    #[test]
    fn titles_come_from_the_headline_or_the_first_words() {
        assert_eq!(
            RecentArticle::new(Some(" Khatami Ends Visit "), "x", None, 0.0).title,
            "Khatami Ends Visit"
        );
        let long = "word ".repeat(40);
        let untitled = RecentArticle::new(None, &format!("\n{long}"), None, 0.0);
        assert!(untitled.title.ends_with('…') && untitled.title.chars().count() <= 71);
        assert!(!untitled.title.contains('\n'));
    }

    #[test]
    fn settings_from_an_older_page_fill_in_defaults() {
        let settings: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(settings, Settings::default());
        let settings: Settings =
            serde_json::from_str(r#"{"show_sentences":true,"hidden_types":["DATE"],"later":1}"#)
                .unwrap();
        assert!(settings.show_sentences);
        assert!(settings.hidden_types.contains(&EntityType::Date));
    }
}
