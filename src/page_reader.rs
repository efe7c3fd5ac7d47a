//! Reads saved web pages in the CLI with `dom_smoothie`, a Rust port of Mozilla's Readability
//! (native only: the web page runs `@mozilla/readability` in the browser instead, so the page's
//! wasm does not carry an HTML parser).
//!
//! The one place the two readers part is a byline written in the page's text rather than its
//! metadata. `dom_smoothie` takes the first element anywhere in the body that looks like a byline,
//! before it drops anything; Readability.js looks for it while it walks the page, after it has
//! dropped hidden elements, dialogs and unlikely candidates (banners, headers, menus) with
//! everything inside them. So a credit inside a banner was the byline in the CLI and furniture in
//! the page. [`byline_as_readability_walks`] repeats Readability.js's walk for that one decision.

use crate::analysis::page::PageReading;

/// The page as Readability reads it, or `None` when it finds no article in it (the caller then
/// falls back to reducing the whole page).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_page(html: &str) -> Option<PageReading> {
    let mut readability = dom_smoothie::Readability::new(html, None, None).ok()?;
    // Readability.js looks for a byline in the text only when the metadata gives none, and then
    // takes that element out of the article.
    let metadata = readability.get_article_metadata(readability.parse_json_ld());
    let byline_in_metadata = metadata.byline.is_some_and(|b| !b.trim().is_empty());
    let walked_byline = if byline_in_metadata {
        None
    } else {
        byline_as_readability_walks(&readability.doc).map(|(text, node)| {
            node.remove_from_parent();
            text
        })
    };
    let article = readability.parse().ok()?;
    let some = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    let byline = if byline_in_metadata {
        some(article.byline)
    } else {
        some(walked_byline)
    };
    Some(PageReading {
        title: some(Some(article.title)),
        byline,
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

/// Readability.js 0.6.0's `unlikelyCandidates`, `okMaybeItsACandidate` and `byline` patterns
/// (its regular expressions are alternations of these, matched without regard to case).
#[cfg(not(target_arch = "wasm32"))]
const UNLIKELY_CANDIDATES: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
#[cfg(not(target_arch = "wasm32"))]
const MAYBE_CANDIDATES: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];
#[cfg(not(target_arch = "wasm32"))]
const BYLINE_WORDS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
#[cfg(not(target_arch = "wasm32"))]
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];
/// Elements Readability.js removes before it walks the page.
#[cfg(not(target_arch = "wasm32"))]
const REMOVED_BEFORE_THE_WALK: &[&str] = &["script", "noscript", "style"];

/// The byline Readability.js 0.6.0 finds in the page's text (`_grabArticle`'s first walk): the
/// first element, in document order, that is marked as the author (`rel="author"`,
/// `itemprop~author`, or a class or id naming a byline) with 1 to 99 characters of text, skipping
/// whatever the walk removes first with all it holds. Its `[itemprop=name]` descendant, if any,
/// gives the name. Returns the name and the element, which Readability.js removes.
#[cfg(not(target_arch = "wasm32"))]
pub fn byline_as_readability_walks(
    document: &dom_query::Document,
) -> Option<(String, dom_query::NodeRef<'_>)> {
    let mut next = document.root().first_element_child();
    while let Some(node) = next {
        let name = element_name(&node);
        let match_string = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_lowercase();
        let skipped = REMOVED_BEFORE_THE_WALK.contains(&name.as_str())
            || !probably_visible(&node)
            || (node.attr("aria-modal").as_deref() == Some("true")
                && node.attr("role").as_deref() == Some("dialog"));
        if skipped {
            next = next_element(&node, true);
            continue;
        }
        if is_valid_byline(&node, &match_string) {
            let name_node = node.descendants_it().find(|d| {
                d.attr("itemprop")
                    .is_some_and(|itemprop| itemprop.contains("name"))
            });
            let text = text_content(name_node.as_ref().unwrap_or(&node));
            return Some((text.trim().to_string(), node));
        }
        let unlikely = UNLIKELY_CANDIDATES.iter().any(|p| match_string.contains(p))
            && !MAYBE_CANDIDATES.iter().any(|p| match_string.contains(p))
            && !has_ancestor_within_four(&node, "table")
            && !has_ancestor_within_four(&node, "code")
            && name != "body"
            && name != "a";
        let unlikely_role = node
            .attr("role")
            .is_some_and(|role| UNLIKELY_ROLES.contains(&&*role));
        next = next_element(&node, unlikely || unlikely_role);
    }
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn element_name(node: &dom_query::NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn is_valid_byline(node: &dom_query::NodeRef, match_string: &str) -> bool {
    let marked = node.attr("rel").as_deref() == Some("author")
        || node
            .attr("itemprop")
            .is_some_and(|itemprop| itemprop.contains("author"))
        || BYLINE_WORDS.iter().any(|w| match_string.contains(w));
    // JavaScript's `length`: UTF-16 code units.
    let length = text_content(node).trim().encode_utf16().count();
    marked && length > 0 && length < 100
}

/// `hidden`, or `aria-hidden="true"` unless a fallback image. Inline styles (`display: none`) are
/// not read: the page's shim removes them before Readability.js sees the page (the CSP would
/// block them), and the two readers must agree.
#[cfg(not(target_arch = "wasm32"))]
fn probably_visible(node: &dom_query::NodeRef) -> bool {
    let aria_hidden = node.attr("aria-hidden").as_deref() == Some("true")
        && !node
            .attr("class")
            .is_some_and(|class| class.contains("fallback-image"));
    !node.has_attr("hidden") && !aria_hidden
}

/// `_hasAncestorTag` with its default depth: the parent and three more generations.
#[cfg(not(target_arch = "wasm32"))]
fn has_ancestor_within_four(node: &dom_query::NodeRef, tag: &str) -> bool {
    let mut ancestor = node.parent();
    for _ in 0..4 {
        let Some(current) = ancestor else {
            return false;
        };
        if current.is_element() && element_name(&current) == tag {
            return true;
        }
        ancestor = current.parent();
    }
    false
}

/// The next element in document order, past `node`'s descendants when `skip_children`.
#[cfg(not(target_arch = "wasm32"))]
fn next_element<'a>(
    node: &dom_query::NodeRef<'a>,
    skip_children: bool,
) -> Option<dom_query::NodeRef<'a>> {
    if !skip_children {
        if let Some(child) = node.first_element_child() {
            return Some(child);
        }
    }
    let mut current = *node;
    loop {
        if let Some(sibling) = current.next_element_sibling() {
            return Some(sibling);
        }
        current = current.parent()?;
    }
}

/// The text of `node` without the scripts and styles the walk has already removed.
#[cfg(not(target_arch = "wasm32"))]
fn text_content(node: &dom_query::NodeRef) -> String {
    let mut text = String::new();
    let mut pending = vec![*node];
    while let Some(current) = pending.pop() {
        if current.is_text() {
            text.push_str(&current.text());
        } else if current.is_element()
            && REMOVED_BEFORE_THE_WALK.contains(&element_name(&current).as_str())
        {
            continue;
        } else {
            pending.extend(current.children_it(true));
        }
    }
    text
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn walked(html: &str) -> Option<String> {
        byline_as_readability_walks(&dom_query::Document::from(html)).map(|(text, _)| text)
    }

    #[test]
    fn a_credit_inside_a_banner_is_furniture() {
        let page = r#"<html><body>
            <div class="promo-banner"><span class="author">Pell Ardent, columnist</span></div>
            <article><p class="byline">By Quen Osley</p><p>Text of the story.</p></article>
            </body></html>"#;
        assert_eq!(walked(page).as_deref(), Some("By Quen Osley"));
    }

    #[test]
    fn hidden_and_script_credits_are_skipped_but_inline_styles_are_not_read() {
        let page = r#"<html><body>
            <div aria-hidden="true"><a rel="author">Hidden Hand</a></div>
            <div hidden><span itemprop="author">Also Hidden</span></div>
            <script class="author">var x = 1;</script>
            <p style="display: none"><a rel="author">Tamsin Creel</a></p>
            </body></html>"#;
        assert_eq!(walked(page).as_deref(), Some("Tamsin Creel"));
    }

    #[test]
    fn the_name_property_inside_a_byline_gives_the_name() {
        let page = r#"<html><body><div itemprop="author"><span>Written by</span>
            <span itemprop="name">Odile Marsh</span></div></body></html>"#;
        assert_eq!(walked(page).as_deref(), Some("Odile Marsh"));
    }

    #[test]
    fn an_unlikely_block_inside_a_table_is_still_walked() {
        let page = r#"<html><body><table><tr><td><div class="sidebar">
            <span class="byline">Rhea Dunmore</span></div></td></tr></table></body></html>"#;
        assert_eq!(walked(page).as_deref(), Some("Rhea Dunmore"));
    }

    #[test]
    fn a_credit_of_a_hundred_characters_or_more_is_not_a_byline() {
        let long = "word ".repeat(25);
        let page = format!(r#"<html><body><p class="byline">{long}</p></body></html>"#);
        assert_eq!(walked(&page), None);
    }

    #[test]
    fn metadata_bylines_win_over_the_text() {
        let page = r#"<html><head><meta name="author" content="Ines Varro"></head><body>
            <article><p class="byline">By Someone Else</p>
            <p>The first paragraph of an invented story about a harbour that reopened after
            repairs, long enough for a reader to take it as the article's body text.</p>
            <p>A second paragraph follows with more invented detail about the harbour, its boats
            and the people who work there, so that the content is clearly the article.</p></article>
            </body></html>"#;
        let reading = read_page(page).expect("an article");
        assert_eq!(reading.byline.as_deref(), Some("Ines Varro"));
    }
}
