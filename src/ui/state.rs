//! The page's state: the article's source text is the one signal everything derives from.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::analysis::{Analysis, Analyzer, EntityType, InputFormat, Place};
use crate::export::share::SharedArticle;
use crate::loading::{self, LoadedArticle, LoadedPage, PageView};
use crate::saved::{self, RecentArticle};
use crate::view_model::{self, BlockView, EntityGroup, OutlineItem};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the user, shown until replaced or dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
}

/// Shared through context; every field is a cheap copyable handle.
#[derive(Clone, Copy)]
pub struct AppState {
    pub source: RwSignal<String>,
    /// `None` lets the analyser guess the format from the text.
    pub format: RwSignal<Option<InputFormat>>,
    pub notice: RwSignal<Option<Notice>>,
    pub show_sentences: RwSignal<bool>,
    /// The entity the reader is pointing at (hover or focus), in the text, a panel or the map;
    /// every view that shows it highlights it.
    pub active_entity: RwSignal<Option<usize>>,
    /// Entity types whose highlights the reader switched off in the legend.
    pub hidden_types: RwSignal<BTreeSet<EntityType>>,
    /// The reader's corrections of place resolution: entity id → index into that place's
    /// alternatives. Cleared when the text changes.
    pub place_choices: RwSignal<BTreeMap<usize, usize>>,
    /// The saved page last opened, dropped or pasted, as read; its analysis takes the page's
    /// metadata while the text area holds its article text.
    pub page: RwSignal<Option<LoadedPage>>,
    /// Articles set aside for another, newest first; kept on this device (`ui::persist`).
    pub recent: RwSignal<Vec<RecentArticle>>,
    pub analysis: Memo<Analysis>,
    /// How long the last analysis took in this browser, in milliseconds, for the stats bar.
    pub analysis_ms: RwSignal<Option<f64>>,
    /// How long decoding the embedded place, name and map data took at start, in milliseconds.
    pub data_load_ms: Option<f64>,
    /// The analysis's places with the reader's corrections applied: what the map, the places
    /// table and the text's place tooltips show.
    pub places: Memo<Vec<Place>>,
    pub blocks: Memo<Vec<BlockView>>,
    pub outline: Memo<Vec<OutlineItem>>,
    pub entity_groups: Memo<Vec<EntityGroup>>,
}

impl AppState {
    pub fn new(initial: &str) -> AppState {
        let analyzer = Analyzer::new();
        AppState::with_analysis(initial, move |text, format| match format {
            Some(format) => analyzer.analyze_as(text, format),
            None => analyzer.analyze(text),
        })
    }

    /// The page's state over any analysis function: the page passes the analyser; component
    /// tests pass one that adds hand-made entities and places to its result.
    pub fn with_analysis(
        initial: &str,
        analyze: impl Fn(&str, Option<InputFormat>) -> Analysis + Send + Sync + 'static,
    ) -> AppState {
        let source = RwSignal::new(initial.to_string());
        let format = RwSignal::new(None::<InputFormat>);
        let page = RwSignal::new(None::<LoadedPage>);
        let page_analyzer = Analyzer::new();
        let analysis_ms = RwSignal::new(None);
        let started = now_ms();
        Analyzer::load_embedded_data();
        crate::map::basemap::world();
        let data_load_ms = now_ms().zip(started).map(|(end, start)| end - start);
        let analysis = Memo::new(move |_| {
            let text = source.read();
            let started = now_ms();
            let reading = page.with(|page| {
                page.as_ref()
                    .filter(|p| p.view_of(&text) == Some(PageView::Article))
                    .map(|p| p.reading.clone())
            });
            let analysis = match reading {
                Some(reading) => page_analyzer.analyze_page(&reading),
                None => analyze(&text, format.get()),
            };
            // The core has no clock; the page times it so that readers (and the end-to-end
            // figures) see what analysis costs in this browser. Nothing the memo reads depends
            // on this signal, so writing it here cannot loop.
            analysis_ms.set(now_ms().zip(started).map(|(end, start)| end - start));
            analysis
        });
        let place_choices = RwSignal::new(BTreeMap::new());
        let places = Memo::new(move |_| {
            place_choices.with(|choices| {
                analysis.with(|analysis| view_model::effective_places(analysis, choices))
            })
        });
        AppState {
            source,
            format,
            notice: RwSignal::new(None),
            show_sentences: RwSignal::new(false),
            active_entity: RwSignal::new(None),
            hidden_types: RwSignal::new(BTreeSet::new()),
            place_choices,
            page,
            recent: RwSignal::new(Vec::new()),
            analysis,
            analysis_ms,
            data_load_ms,
            places,
            blocks: Memo::new(move |_| analysis.with(view_model::block_views)),
            outline: Memo::new(move |_| analysis.with(view_model::outline)),
            entity_groups: Memo::new(move |_| analysis.with(view_model::entity_groups)),
        }
    }

    pub fn load_sample(&self) {
        self.replace_article(crate::SAMPLE_ARTICLE.to_string(), None);
        self.inform("The sample article is loaded again.");
    }

    /// A file was opened or dropped: use it if it is text, otherwise say why not and change nothing.
    pub fn open_file(&self, name: &str, mime: &str, bytes: &[u8]) {
        match loading::load_file(name, mime, bytes) {
            Ok(LoadedArticle { text, format, note }) => {
                self.replace_article(text, format);
                self.inform(&note);
            }
            Err(message) => self.report_error(message),
        }
    }

    /// A saved page was read as an article: its article text replaces the text area's.
    pub fn open_page(&self, page: LoadedPage, note: &str) {
        self.replace_article(page.article_text.clone(), Some(InputFormat::Plain));
        self.page.set(Some(page));
        self.inform(note);
    }

    /// Switches between a saved page's article text and its whole text.
    pub fn show_page_as(&self, view: PageView) {
        let Some(text) = self.page.with_untracked(|page| {
            page.as_ref().map(|p| match view {
                PageView::Article => p.article_text.clone(),
                PageView::WholePage => p.whole_text.clone(),
            })
        }) else {
            return;
        };
        self.format.set(Some(InputFormat::Plain));
        self.source.set(text);
        self.forget_place_choices();
    }

    /// The user typed or pasted: the format is guessed again from the text as it now is, so that
    /// a Markdown file's format does not stick to the plain text pasted over it.
    pub fn edit(&self, text: String) {
        self.format.set(None);
        self.source.set(text);
        self.forget_place_choices();
    }

    /// Corrections name entities by id, and a new text numbers its entities afresh.
    fn forget_place_choices(&self) {
        if !self.place_choices.with_untracked(BTreeMap::is_empty) {
            self.place_choices.set(BTreeMap::new());
        }
    }

    /// Another article takes the text area's place; the one there goes to the recent list.
    fn replace_article(&self, text: String, format: Option<InputFormat>) {
        let current = RecentArticle::new(
            self.analysis.with_untracked(|a| a.title.clone()).as_deref(),
            &self.source.get_untracked(),
            self.format.get_untracked(),
            js_sys::Date::now(),
        );
        self.recent.update(|recent| {
            saved::remember(recent, current);
            recent.retain(|r| r.text != text);
        });
        self.page.set(None);
        self.format.set(format);
        self.source.set(text);
        self.forget_place_choices();
    }

    /// Whether clearing the text area would set aside something the reader wrote or opened.
    pub fn has_own_text(&self) -> bool {
        self.source.with(|text| saved::worth_keeping(text))
    }

    /// Empties the text area for a new article; the current one stays in the recent list.
    pub fn new_article(&self) {
        self.replace_article(String::new(), None);
        self.inform("A new, empty article. The previous one is under Recent articles.");
    }

    pub fn open_recent(&self, index: usize) {
        let Some(article) = self.recent.with_untracked(|r| r.get(index).cloned()) else {
            return;
        };
        self.replace_article(article.text, article.format);
        self.inform(&format!("“{}” is open again.", article.title));
    }

    pub fn open_shared(&self, article: SharedArticle) {
        self.replace_article(article.text, article.format);
        self.inform("The article from the share link is open. It was read from the link itself: nothing was downloaded.");
    }

    pub fn report_error(&self, message: String) {
        self.notice.set(Some(Notice {
            kind: NoticeKind::Error,
            message,
        }));
    }

    pub fn inform(&self, message: &str) {
        self.notice.set(Some(Notice {
            kind: NoticeKind::Info,
            message: message.to_string(),
        }));
    }
}

/// The browser's high-resolution clock, when there is one (there is none outside a window).
fn now_ms() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}
