use leptos::prelude::*;

use super::state::AppState;
use crate::view_model::{analysis_time_label, reading_time_label};

/// Counts and reading level, and the switch that shows sentence boundaries.
#[component]
pub fn StatsBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stats = Memo::new(move |_| state.with_structure(|a| a.stats.clone()));
    view! {
        <div class="stats-bar" data-testid="stats">
            <dl class="stats-bar__figures">
                <div class="stats-bar__figure"><dt>"Words"</dt><dd>{move || stats.get().words}</dd></div>
                <div class="stats-bar__figure"><dt>"Sentences"</dt><dd>{move || stats.get().sentences}</dd></div>
                <div class="stats-bar__figure"><dt>"Paragraphs"</dt><dd>{move || stats.get().paragraphs}</dd></div>
                <div class="stats-bar__figure"><dt>"Reading time"</dt><dd>{move || reading_time_label(stats.get().reading_minutes)}</dd></div>
                <div class="stats-bar__figure" title="Flesch–Kincaid grade level: the US school grade that can read the body comfortably">
                    <dt>"Grade level"</dt>
                    <dd>{move || format!("{:.1}", stats.get().flesch_kincaid_grade)}</dd>
                </div>
                <div class="stats-bar__figure" title="How long this browser took to analyse the text, on your device">
                    <dt>"Analysed in"</dt>
                    <dd data-testid="analysis-time">{move || state.analysis_ms.get().map(analysis_time_label)}</dd>
                </div>
            </dl>
            <label class="stats-bar__toggle">
                <input
                    type="checkbox"
                    data-testid="toggle-sentences"
                    prop:checked=move || state.show_sentences.get()
                    on:change:target=move |ev| state.show_sentences.set(ev.target().checked())
                />
                " Show sentences"
            </label>
        </div>
    }
}
