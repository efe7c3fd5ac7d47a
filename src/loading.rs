//! What an opened, dropped or pasted file becomes: article text, or a clear refusal.
//!
//! Pure, so that the rules are tested natively. The page reads the file's bytes and asks here.

use crate::analysis::page::{self, PageReading};
use crate::analysis::{source, InputFormat};

/// A file accepted as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedArticle {
    /// What goes into the text area.
    pub text: String,
    /// The format to analyse it as; `None` lets the analyser guess.
    pub format: Option<InputFormat>,
    /// A short note for the user about what was done with the file.
    pub note: String,
}

/// Signatures of common binary formats, checked before anything else.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip archive or office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a media file"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\0asm", "a WebAssembly module"),
    (b"{\\rtf", "an RTF document"),
    (b"\xD0\xCF\x11\xE0", "an old Office document"),
];

/// Decides whether a file is an article the page can read, from its name, type and bytes.
pub fn load_file(name: &str, mime: &str, bytes: &[u8]) -> Result<LoadedArticle, String> {
    let refuse = |what: &str| {
        Err(format!(
            "“{name}” is {what}, not text. Open a .txt, .md or .html file, or paste the article."
        ))
    };
    if let Some((_, what)) = BINARY_SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
    {
        return refuse(what);
    }
    let mime = mime.to_ascii_lowercase();
    if ["image/", "audio/", "video/", "font/"]
        .iter()
        .any(|p| mime.starts_with(p))
        || mime == "application/pdf"
        || mime == "application/zip"
    {
        return refuse("not a text file");
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return refuse("a binary file");
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(format!(
            "“{name}” is not UTF-8 text. Save it as UTF-8 and try again."
        ));
    };
    if text.trim().is_empty() {
        return Err(format!("“{name}” is empty."));
    }
    if is_html_file(name, &mime, text) {
        return Ok(LoadedArticle {
            text: html_to_article_text(text),
            format: Some(InputFormat::Plain),
            note: format!("Opened “{name}”: the page was reduced to its article text; scripts and styles were dropped."),
        });
    }
    let lower = name.to_ascii_lowercase();
    let markdown =
        lower.ends_with(".md") || lower.ends_with(".markdown") || mime == "text/markdown";
    Ok(LoadedArticle {
        text: text.replace("\r\n", "\n"),
        format: markdown.then_some(InputFormat::Markdown),
        note: format!("Opened “{name}”."),
    })
}

/// Whether an accepted file is a web page, by its name, type or content.
fn is_html_file(name: &str, mime: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let is_html = lower.ends_with(".html") || lower.ends_with(".htm") || mime == "text/html";
    is_html || (!lower.ends_with(".txt") && source::detect_format(text) == InputFormat::Html)
}

/// The page's HTML when a file is a saved web page that `load_file` accepts, for the page to
/// read with its reader mode; `None` for anything else.
pub fn saved_page_html(name: &str, mime: &str, bytes: &[u8]) -> Option<String> {
    load_file(name, mime, bytes).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).ok()?;
    is_html_file(name, &mime.to_ascii_lowercase(), text).then(|| text.to_string())
}

/// A saved page as the reader mode read it, with the whole page kept beside it so the reader
/// can switch back when the reading was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedPage {
    pub reading: PageReading,
    /// What the analysis reads: the metadata above the article's body (as the CLI reads it).
    pub article_text: String,
    /// The whole page reduced to text, as before reader mode.
    pub whole_text: String,
    /// Words of the whole page that the reading left out as furniture.
    pub removed_words: usize,
}

/// Which of a saved page's two texts the text area holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageView {
    Article,
    WholePage,
}

impl LoadedPage {
    pub fn new(html: &str, reading: PageReading) -> LoadedPage {
        let article_text = page::compose(&reading).prepared.text;
        let whole_text = html_to_article_text(html);
        let removed_words = whole_text
            .split_whitespace()
            .count()
            .saturating_sub(article_text.split_whitespace().count());
        LoadedPage {
            reading,
            article_text,
            whole_text,
            removed_words,
        }
    }

    /// Which text `source` is, or `None` once the reader has edited it into something else.
    pub fn view_of(&self, source: &str) -> Option<PageView> {
        if source == self.article_text {
            Some(PageView::Article)
        } else if source == self.whole_text {
            Some(PageView::WholePage)
        } else {
            None
        }
    }
}

/// HTML from a file or the clipboard, reduced to the article's text with blank lines between blocks.
pub fn html_to_article_text(html: &str) -> String {
    source::prepare(html, InputFormat::Html).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_page_keeps_its_whole_text_beside_the_reading() {
        let html = "<html><body><nav><a href=/>Home</a> Sport Weather</nav><div><h1>Ferry back</h1><p>The ferry sailed.</p><p>Most read: ten recipes</p></div></body></html>";
        let reading = PageReading {
            title: Some("Ferry back".into()),
            content: "<div><p>The ferry sailed.</p></div>".into(),
            ..PageReading::default()
        };
        let page = LoadedPage::new(html, reading);
        assert_eq!(page.article_text, "Ferry back\n\nThe ferry sailed.");
        assert_eq!(
            page.whole_text,
            "Ferry back\n\nThe ferry sailed.\n\nMost read: ten recipes"
        );
        assert_eq!(page.removed_words, 4);
        assert_eq!(page.view_of(&page.article_text), Some(PageView::Article));
        assert_eq!(page.view_of(&page.whole_text), Some(PageView::WholePage));
        assert_eq!(page.view_of("edited"), None);
        assert!(saved_page_html("story.html", "text/html", html.as_bytes()).is_some());
        assert!(saved_page_html("story.txt", "text/plain", b"Plain words.").is_none());
    }

    #[test]
    fn refuses_what_is_not_text() {
        let cases: &[(&str, &str, &[u8])] = &[
            ("scan.pdf", "application/pdf", b"%PDF-1.7 ..."),
            ("photo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("notes.txt", "", b"PK\x03\x04zip"),
            ("a.txt", "text/plain", b"abc\0def"),
            ("latin1.txt", "text/plain", b"caf\xe9"),
            ("empty.txt", "text/plain", b"  \n"),
            ("pic.jpg", "image/jpeg", b"not really"),
        ];
        for (name, mime, bytes) in cases {
            assert!(load_file(name, mime, bytes).is_err(), "{name}");
        }
    }

    #[test]
    fn accepts_text_markdown_and_html() {
        let txt = load_file("a.txt", "text/plain", b"\xEF\xBB\xBFHello.\r\nWorld.").unwrap();
        assert_eq!((txt.text.as_str(), txt.format), ("Hello.\nWorld.", None));
        let md = load_file("a.md", "", b"# T\n\nBody.").unwrap();
        assert_eq!(md.format, Some(InputFormat::Markdown));
        let html = load_file(
            "a.html",
            "text/html",
            b"<h1>T</h1><script>alert(1)</script><p>Body.</p>",
        )
        .unwrap();
        assert_eq!(html.text, "T\n\nBody.");
        assert_eq!(html.format, Some(InputFormat::Plain));
    }
}
