//! The page's state: the article's source text is the one signal everything derives from.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use super::analysis_worker::{AnalysisWorker, FromWorker};
use crate::analysis::{Analysis, Analyzer, EntityType, InputFormat, Place};
use crate::analysis_jobs::{
    char_count, Answer, Assembled, Assembly, Message, Queue, Request, Stage, Status,
};
use crate::export::share::SharedArticle;
use crate::loading::{self, LoadedArticle, LoadedPage, PageView};
use crate::saved::{self, RecentArticle};
use crate::view_model::{self, Drawing, EntityGroup, OutlineItem, PlannedBlock, ViewIndex};

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
    /// The analysis shown: the newest text's once its answer has come.
    pub analysis: Signal<Analysis>,
    /// Whether a newer text is being analysed, and the length of the one shown.
    pub status: Signal<Status>,
    /// Advance when the shown analysis gets a new structure, its names, its places: they come
    /// one after the other, and what reads only the structure need not be worked out again
    /// when the names and places come ([`AppState::with_structure`]).
    shown: Shown,
    /// How long the last analysis took in this browser, in milliseconds, for the stats bar.
    pub analysis_ms: RwSignal<Option<f64>>,
    /// How long decoding the embedded place and name data took at start, in milliseconds (in
    /// the worker, when there is one).
    pub data_load_ms: RwSignal<Option<f64>>,
    /// The worker's wasm memory after its last analysis, in bytes (for the end-to-end figures).
    pub worker_memory: RwSignal<Option<f64>>,
    /// The analysis's places with the reader's corrections applied: what the map, the places
    /// table and the text's place tooltips show.
    pub places: Memo<Vec<Place>>,
    /// The visible blocks' plan (`view_model::PlannedBlock`): the worker's, with the names.
    pub plan: Signal<Vec<PlannedBlock>>,
    /// What any block's view is cut from when its chunk is drawn; follows the plan.
    pub view_index: Memo<std::sync::Arc<ViewIndex>>,
    pub outline: Memo<Vec<OutlineItem>>,
    pub entity_groups: Memo<Vec<EntityGroup>>,
    /// The blocks' render keys, and how many of them the article view has drawn.
    pub drawing: Memo<Drawing>,
    /// Advanced once per frame while the article is not fully drawn: each frame draws a batch.
    pub draw_frame: RwSignal<u64>,
    /// The blocks up to this one must be drawn now (the reader is going to one of them).
    pub reveal_to: RwSignal<usize>,
}

/// What one frame draws of a long article: blocks weighing about this much
/// (`view_model::draw_weight`: bytes of text plus a fixed cost per element).
const DRAW_BUDGET: usize = 24_000;

impl AppState {
    /// The page's state. The analysis runs in the page's worker when the page has one
    /// (`ui::analysis_worker`); otherwise (the component tests) on this thread, as the text changes.
    pub fn new(initial: &str) -> AppState {
        if let Some(state) = AppState::with_worker(initial) {
            return state;
        }
        let analyzer = Analyzer::new();
        AppState::with_analysis(initial, move |text, format| match format {
            Some(format) => analyzer.analyze_as(text, format),
            None => analyzer.analyze(text),
        })
    }

    /// The page's state over any analysis function, run on this thread: component tests pass
    /// one that adds hand-made entities and places to the analyser's result.
    pub fn with_analysis(
        initial: &str,
        analyze: impl Fn(&str, Option<InputFormat>) -> Analysis + Send + Sync + 'static,
    ) -> AppState {
        let inputs = Inputs::new(initial);
        let page_analyzer = Analyzer::new();
        let analysis_ms = RwSignal::new(None);
        let started = now_ms();
        Analyzer::load_embedded_data();
        crate::map::basemap::world();
        let data_load_ms = RwSignal::new(now_ms().zip(started).map(|(end, start)| end - start));
        let analysis = Memo::new(move |_| {
            let request = inputs.request();
            let started = now_ms();
            let analysis = match &request.page {
                Some(reading) => page_analyzer.analyze_page(reading),
                None => analyze(&request.text, request.format),
            };
            // The core has no clock; the page times it so that readers (and the end-to-end
            // figures) see what analysis costs in this browser. Nothing the memo reads depends
            // on this signal, so writing it here cannot loop.
            analysis_ms.set(now_ms().zip(started).map(|(end, start)| end - start));
            analysis
        });
        let status = Memo::new(move |_| Status {
            chars: Some(inputs.source.with(|text| char_count(text))),
            ..Status::default()
        });
        let analysis: Signal<Analysis> = analysis.into();
        // Every new analysis is a new plan, even with the same keys: the view index follows the
        // plan, and an edit that moves offsets without changing what is drawn still moves them.
        let plan =
            Memo::new_with_compare(move |_| analysis.with(view_model::draw_plan), |_, _| true);
        AppState::from_parts(
            inputs,
            analysis,
            plan.into(),
            Shown::whole(analysis),
            status.into(),
            analysis_ms,
            data_load_ms,
        )
    }

    /// The state of a page whose analysis runs in its worker: edits are queued (one in flight,
    /// the newest waiting), answers for older texts are dropped, and a text over the limit is
    /// kept in the text area but not analysed.
    fn with_worker(initial: &str) -> Option<AppState> {
        let inputs = Inputs::new(initial);
        let analysis = RwSignal::new(Analysis::default());
        let analysis_ms = RwSignal::new(None);
        let data_load_ms = RwSignal::new(None);
        let status = RwSignal::new(Status {
            working: true,
            ..Status::default()
        });
        let queue = StoredValue::new_local(Queue::starting());
        let assembly = StoredValue::new_local(Assembly::default());
        let structure_shown = RwSignal::new(0u64);
        let names_listed = RwSignal::new(0u64);
        // Whether the names shown are the shown structure's: a text's names may never come
        // (a newer text superseded it), so counting the stages cannot tell.
        let names_match = RwSignal::new(true);
        // The names reach the side panels a task after the article: each is a long task of its
        // own for a long article.
        let names_came = move || {
            names_match.set(true);
            set_timeout(
                move || names_listed.update(|n| *n += 1),
                std::time::Duration::ZERO,
            );
        };
        let worker = StoredValue::new_local(None::<AnalysisWorker>);
        // Set when the worker fails: from then on the page analyses on its own thread.
        let fallback = StoredValue::new_local(None::<Analyzer>);
        let notice = RwSignal::new(None::<Notice>);
        let worker_memory = RwSignal::new(None::<f64>);
        let plan = RwSignal::new(Vec::<PlannedBlock>::new());
        let show = move |answer: Answer| {
            analysis_ms.set(answer.ms);
            status.update(|s| {
                s.working = queue.with_value(Queue::working);
                s.chars = Some(answer.chars);
            });
            worker_memory.set(answer.memory_bytes);
            analysis.set(answer.analysis);
            structure_shown.update(|n| *n += 1);
            names_match.set(false);
        };
        let send = move |request: Request| {
            if fallback.with_value(Option::is_some) {
                let started = now_ms();
                let analysis = fallback.with_value(|a| a.as_ref().map(|a| request.run(a)));
                let ms = now_ms().zip(started).map(|(end, start)| end - start);
                queue.update_value(|q| {
                    q.answered(request.generation);
                });
                if let Some(analysis) = analysis {
                    plan.set(view_model::draw_plan(&analysis));
                    show(Answer {
                        generation: request.generation,
                        chars: char_count(&request.text),
                        ms,
                        memory_bytes: None,
                        analysis,
                    });
                    names_came();
                }
            } else {
                worker.with_value(|w| {
                    if let Some(w) = w {
                        w.send(&request)
                    }
                });
            }
        };
        let started = AnalysisWorker::start(move |message| match message {
            FromWorker::Ready(ms) => {
                data_load_ms.set(ms);
                if let Some(request) = queue.try_update_value(Queue::ready).flatten() {
                    send(request);
                }
            }
            FromWorker::Text(generation, text) => {
                if queue.with_value(|q| q.is_newest(generation)) {
                    assembly.update_value(|a| a.add_text(generation, text));
                }
            }
            FromWorker::Piece(generation, message) => {
                let Message { stage, last, json } = message;
                let answered = stage == Stage::Places && last;
                if answered {
                    // The next text goes out before this piece is read, so that the worker is
                    // never idle while the page reads and draws.
                    if let Some(Some(request)) =
                        queue.try_update_value(|q| q.answered(generation).1)
                    {
                        send(request);
                    }
                }
                // A stale piece is dropped unread.
                if queue.with_value(|q| q.is_newest(generation)) {
                    match assembly.try_update_value(|a| a.add(generation, stage, last, &json)) {
                        Some(Some(Assembled::Structure(answer))) => show(*answer),
                        Some(Some(Assembled::Entities(part))) => {
                            let mut planned = Vec::new();
                            analysis.update(|a| planned = part.apply(a));
                            plan.set(planned);
                            names_came();
                        }
                        Some(Some(Assembled::Places(part))) => analysis.update(|a| part.apply(a)),
                        _ => {}
                    }
                }
                if answered {
                    status.update(|s| s.working = queue.with_value(Queue::working));
                }
            }
            FromWorker::Failed => {
                if fallback.with_value(Option::is_some) {
                    return;
                }
                fallback.set_value(Some(Analyzer::new()));
                // Whatever was in flight will not come back: analyse the newest text here.
                let request = inputs.request();
                queue.set_value(Queue::default());
                if let Some(Ok(Some(request))) =
                    queue.try_update_value(|q| q.submit(request.text, request.format, request.page))
                {
                    send(request);
                }
            }
        })?;
        worker.set_value(Some(started));
        crate::map::basemap::world();
        Effect::new(move |_| {
            let request = inputs.request();
            let submitted =
                queue.try_update_value(|q| q.submit(request.text, request.format, request.page));
            let refused = match submitted {
                Some(Ok(Some(request))) => {
                    send(request);
                    None
                }
                Some(Err(refusal)) => {
                    notice.set(Some(Notice {
                        kind: NoticeKind::Error,
                        message: refusal.message(),
                    }));
                    Some(refusal)
                }
                _ => None,
            };
            let working = queue.with_value(Queue::working);
            status.update(|s| {
                s.working = working;
                s.refused = refused;
            });
        });
        let mut state = AppState::from_parts(
            inputs,
            analysis.into(),
            plan.into(),
            Shown {
                structure: structure_shown.into(),
                listed: names_listed.into(),
                names_match: names_match.into(),
            },
            status.into(),
            analysis_ms,
            data_load_ms,
        );
        state.notice = notice;
        state.worker_memory = worker_memory;
        Some(state)
    }

    fn from_parts(
        inputs: Inputs,
        analysis: Signal<Analysis>,
        plan: Signal<Vec<PlannedBlock>>,
        shown: Shown,
        status: Signal<Status>,
        analysis_ms: RwSignal<Option<f64>>,
        data_load_ms: RwSignal<Option<f64>>,
    ) -> AppState {
        let place_choices = RwSignal::new(BTreeMap::new());
        let places = Memo::new(move |_| {
            place_choices.with(|choices| {
                analysis.with(|analysis| view_model::effective_places(analysis, choices))
            })
        });
        // Drawn from the names stage (the plan comes with it), not the places. Not from the
        // structure stage either: its names follow within milliseconds (the worker has them all
        // before it sends the structure), and blocks drawn without their marks changed every
        // block's key, so that one keystroke in a long article redrew all of it, twice.
        let view_index = Memo::new_with_compare(
            move |_| {
                plan.track();
                std::sync::Arc::new(analysis.with_untracked(ViewIndex::new))
            },
            |_, _| true,
        );
        let draw_frame = RwSignal::new(0);
        let reveal_to = RwSignal::new(0);
        let drawing = Memo::new(move |previous: Option<&Drawing>| {
            let (frame, reveal) = (draw_frame.get(), reveal_to.get());
            // Between a text's structure and its names the analysis holds a text that the plan
            // does not describe yet: nothing more is drawn until they match again.
            if let Some(previous) = previous.filter(|_| !shown.names_match.get()) {
                return previous.clone();
            }
            plan.with(|plan| Drawing::next(previous, plan, frame, reveal, DRAW_BUDGET))
        });
        AppState {
            source: inputs.source,
            format: inputs.format,
            notice: RwSignal::new(None),
            show_sentences: RwSignal::new(false),
            active_entity: RwSignal::new(None),
            hidden_types: RwSignal::new(BTreeSet::new()),
            place_choices,
            page: inputs.page,
            recent: RwSignal::new(Vec::new()),
            analysis,
            status,
            shown,
            analysis_ms,
            data_load_ms,
            worker_memory: RwSignal::new(None),
            places,
            plan,
            view_index,
            outline: Memo::new(move |_| {
                shown.structure.track();
                analysis.with_untracked(view_model::outline)
            }),
            entity_groups: Memo::new(move |_| {
                shown.listed.track();
                analysis.with_untracked(view_model::entity_groups)
            }),
            drawing,
            draw_frame,
            reveal_to,
        }
    }

    /// Reads the shown analysis's structure (tracked): its text, blocks, paragraphs,
    /// quotations, attributions, decisions, citations and stats, not its names or places.
    pub fn with_structure<T>(&self, f: impl FnOnce(&Analysis) -> T) -> T {
        self.shown.structure.track();
        self.analysis.with_untracked(f)
    }

    /// Reads the shown analysis's structure and names, not its places, for a side panel: tracks
    /// the names alone (every structure shown is followed by its names), and follows them a
    /// task after the article does, so that a long article's names are not drawn in the
    /// article and the panels in one task.
    pub fn with_names<T>(&self, f: impl FnOnce(&Analysis) -> T) -> T {
        self.shown.listed.track();
        self.analysis.with_untracked(f)
    }

    /// Asks for the block holding the element `anchor` to be drawn; true if it was not drawn
    /// yet (the page should scroll to it in the next frame).
    pub fn reveal(&self, anchor: &str) -> bool {
        let Some(block) = self.analysis.with_untracked(|analysis| {
            self.plan
                .with_untracked(|plan| view_model::block_holding(analysis, plan, anchor))
        }) else {
            return false;
        };
        if block < self.drawing.with_untracked(|d| d.count) {
            return false;
        }
        self.reveal_to.set(block + 1);
        true
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

/// Counters of the parts of the shown analysis, for [`AppState::with_structure`].
#[derive(Clone, Copy)]
struct Shown {
    structure: Signal<u64>,
    /// The names again, a task later: what the side panels list ([`AppState::with_names`]).
    listed: Signal<u64>,
    /// The names (and the drawing plan) shown are the shown structure's.
    names_match: Signal<bool>,
}

impl Shown {
    /// For an analysis that changes as a whole: reading either tracks the analysis itself (a
    /// counting memo here missed the in-thread analysis's changes in the component tests).
    fn whole(analysis: Signal<Analysis>) -> Shown {
        let changed = Signal::derive(move || {
            analysis.track();
            0
        });
        Shown {
            structure: changed,
            listed: changed,
            names_match: Signal::derive(|| true),
        }
    }
}

/// What an analysis reads: the text area's text and format, and the saved page it came from.
#[derive(Clone, Copy)]
struct Inputs {
    source: RwSignal<String>,
    format: RwSignal<Option<InputFormat>>,
    page: RwSignal<Option<LoadedPage>>,
}

impl Inputs {
    fn new(initial: &str) -> Inputs {
        Inputs {
            source: RwSignal::new(initial.to_string()),
            format: RwSignal::new(None),
            page: RwSignal::new(None),
        }
    }

    /// The request for the text as it is now (tracked): a saved page's article text is
    /// analysed with the page's reading, so that its title, byline and date are kept.
    fn request(&self) -> Request {
        let text = self.source.get();
        let page = self.page.with(|page| {
            page.as_ref()
                .filter(|p| p.view_of(&text) == Some(PageView::Article))
                .map(|p| p.reading.clone())
        });
        Request {
            generation: 0,
            text,
            format: self.format.get(),
            page,
        }
    }
}

/// The browser's high-resolution clock, when there is one (there is none outside a window).
fn now_ms() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}
