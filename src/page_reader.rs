//! Reads saved web pages in the CLI with `dom_smoothie`, a Rust port of Mozilla's Readability
//! (native only: the web page runs `@mozilla/readability` in the browser instead, so the page's
//! wasm does not carry an HTML parser).

use crate::analysis::page::PageReading;

/// The page as Readability reads it, or `None` when it finds no article in it (the caller then
/// falls back to reducing the whole page).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_page(html: &str) -> Option<PageReading> {
    let mut readability = dom_smoothie::Readability::new(html, None, None).ok()?;
    let article = readability.parse().ok()?;
    let some = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    Some(PageReading {
        title: some(Some(article.title)),
        byline: some(article.byline),
        published_time: some(article.published_time),
        site_name: some(article.site_name),
        lang: some(article.lang),
        excerpt: some(article.excerpt),
        content: article.content.to_string(),
    })
}

/// The CLI binary also builds for wasm (lints check it), without the native reader: there a page
/// is never read, and falls back to reducing the whole page.
#[cfg(target_arch = "wasm32")]
pub fn read_page(_html: &str) -> Option<PageReading> {
    None
}
