use leptos::prelude::*;

use super::article_input::ArticleInput;
use super::article_view::ArticleView;
use super::citations_table::CitationsTable;
use super::decision_list::DecisionList;
use super::dom::scroll_to;
use super::drop_zone::DropZone;
use super::notice_banner::NoticeBanner;
use super::outline::Outline;
use super::state::AppState;
use super::stats_bar::StatsBar;
use super::structure_legend::StructureLegend;
use super::world_map::WorldMap;

/// The whole page, opened on the sample article.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(crate::SAMPLE_ARTICLE);
    provide_context(state);
    // The tab's title names the article, so that several open tabs can be told apart.
    Effect::new(move |_| {
        let headline = state.analysis.with(|a| a.title.clone());
        document().set_title(&crate::view_model::page_title(headline.as_deref()));
    });
    view! {
        <div class="app">
            <button class="app__skip" type="button" on:click=move |_| scroll_to("aa-article")>
                "Skip to the analysed article"
            </button>
            <header class="app__bar">
                <h1 class="app__name">"Article Atlas"</h1>
                <p class="app__tagline">"How a news article is built: its parts, its quotations and its sources."</p>
            </header>
            <NoticeBanner/>
            <main class="app__main">
                <section class="app__input" aria-label="Article text">
                    <ArticleInput/>
                </section>
                <section class="app__article" aria-label="Analysed article">
                    <StatsBar/>
                    <StructureLegend/>
                    <ArticleView/>
                </section>
                <section class="app__map" aria-label="Map of the article's places">
                    <WorldMap/>
                </section>
                <aside class="app__side" aria-label="Outline, sources and how the article was read">
                    <Outline/>
                    <CitationsTable/>
                    <DecisionList/>
                </aside>
            </main>
            <footer class="app__footer">
                "Everything runs in this tab: nothing you paste leaves your device."
            </footer>
            <DropZone/>
        </div>
    }
}
