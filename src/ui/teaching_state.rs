//! The state the teaching tools share: the tour's step, presentation mode, the blanked screen,
//! and the setting that turns single-key shortcuts off. Provided beside [`AppState`]; views
//! that can live without it (the map in component tests) look it up with `use_context`.

use leptos::prelude::*;

use super::state::AppState;
use crate::teaching::{
    has_tour_steps, sources_ledger, tour_steps, Answers, SourcesLedger, TourStep,
};

#[derive(Clone, Copy)]
pub struct TeachingState {
    pub steps: Memo<Vec<TourStep>>,
    /// Whether the tour has any step, known without working the steps out.
    pub has_steps: Memo<bool>,
    pub ledger: Memo<SourcesLedger>,
    /// The tour's current step; `None` while no tour runs.
    pub step: RwSignal<Option<usize>>,
    pub presenting: RwSignal<bool>,
    pub blanked: RwSignal<bool>,
    /// WCAG 2.1.4: a reader who speaks commands or types with one key can turn P and B off.
    pub single_key_shortcuts: RwSignal<bool>,
    /// Which answers are hidden while students predict them.
    pub answers: RwSignal<Answers>,
    /// The places the map frames: the current step's, while a tour runs.
    pub map_focus: Memo<Option<Vec<usize>>>,
}

impl TeachingState {
    pub fn new(state: AppState) -> TeachingState {
        let steps = Memo::new(move |_| state.analysis.with(tour_steps));
        let step = RwSignal::new(None::<usize>);
        // A new text has new steps: a running tour starts again at its first. The analysis is
        // tracked, not the steps, so that the steps are computed only while a tour runs.
        Effect::new(move |previous: Option<()>| {
            state.analysis.track();
            if previous.is_some() && step.get_untracked().is_some() {
                step.set(Some(0));
            }
        });
        TeachingState {
            steps,
            has_steps: Memo::new(move |_| state.with_structure(has_tour_steps)),
            ledger: Memo::new(move |_| state.with_names(sources_ledger)),
            step,
            presenting: RwSignal::new(false),
            blanked: RwSignal::new(false),
            single_key_shortcuts: RwSignal::new(true),
            answers: RwSignal::new(Answers::shown()),
            map_focus: Memo::new(move |_| {
                let index = step.get()?;
                steps
                    .with(|steps| steps.get(index).map(|s| s.places.clone()))
                    .filter(|places| !places.is_empty())
            }),
        }
    }

    pub fn start_tour(&self) {
        if !self.steps.with_untracked(Vec::is_empty) {
            self.step.set(Some(0));
        }
    }

    pub fn end_tour(&self) {
        self.step.set(None);
    }

    /// One step forward (`by` = 1) or back (-1); starts the tour if none runs.
    pub fn move_by(&self, by: isize) {
        let count = self.steps.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        let next = match self.step.get_untracked() {
            None => 0,
            Some(i) => i.saturating_add_signed(by).min(count - 1),
        };
        self.step.set(Some(next));
    }
}

/// Whether a key press belongs to a text field (or another control that reads keys itself), so
/// that a shortcut must leave it alone.
pub fn typing_target(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || element
            .closest("[contenteditable], svg, [role=application]")
            .ok()
            .flatten()
            .is_some()
}

/// Whether any modifier is held: shortcuts never take a key chord away from the browser.
pub fn with_modifier(event: &web_sys::KeyboardEvent) -> bool {
    event.ctrl_key() || event.meta_key() || event.alt_key()
}
