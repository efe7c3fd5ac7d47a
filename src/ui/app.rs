use leptos::prelude::*;

use super::about_panel::AboutPanel;
use super::analysis_status::AnalysisStatus;
use super::answers::AnswersControls;
use super::article_input::ArticleInput;
use super::article_view::ArticleView;
use super::citations_table::CitationsTable;
use super::decision_list::DecisionList;
use super::dom::scroll_to;
use super::drop_zone::DropZone;
use super::entity_legend::EntityLegend;
use super::entity_list::EntityList;
use super::export_menu::ExportMenu;
use super::hover_dismiss::HoverDismiss;
use super::new_article_dialog::NewArticleDialog;
use super::notice_banner::NoticeBanner;
use super::outline::Outline;
use super::page_reading::PageReading;
use super::presentation::Presentation;
use super::print_sheet_buttons::PrintSheetButtons;
use super::print_sheets::PrintSheets;
use super::recent_articles::RecentArticles;
use super::scramble::Scramble;
use super::sources_ledger::SourcesLedger;
use super::state::AppState;
use super::stats_bar::StatsBar;
use super::structure_legend::StructureLegend;
use super::teaching_state::TeachingState;
use super::tour::Tour;
use super::world_map::WorldMap;

/// The whole page, opened on the sample article.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(crate::SAMPLE_ARTICLE);
    provide_context(state);
    provide_context(TeachingState::new(state));
    // The last visit's article and settings first; then a share link, which sets them aside.
    let restoring = super::persist::restore(state);
    super::share::follow_share_links(state);
    super::persist::sync(state, restoring);
    // The tab's title names the article, so that several open tabs can be told apart.
    Effect::new(move |_| {
        let headline = state.analysis.with(|a| a.title.clone());
        document().set_title(&crate::view_model::page_title(headline.as_deref()));
    });
    view! {
        <div class="app">
            <button class="app__skip" type="button" on:click=move |_| scroll_to(state, "aa-article")>
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
                    <PageReading/>
                    <NewArticleDialog/>
                    <RecentArticles/>
                </section>
                <section class="app__article" aria-label="Analysed article">
                    <Presentation/>
                    <Tour/>
                    <AnswersControls/>
                    <StatsBar/>
                    <AnalysisStatus/>
                    <StructureLegend/>
                    <EntityLegend/>
                    <ArticleView/>
                    <Scramble/>
                </section>
                <section class="app__map" aria-label="Map of the article's places">
                    <WorldMap/>
                </section>
                <aside class="app__side" aria-label="Outline, names, sources and how the article was read">
                    <Outline/>
                    <EntityList/>
                    <CitationsTable/>
                    <SourcesLedger/>
                    <DecisionList/>
                    <ExportMenu/>
                    <PrintSheetButtons/>
                </aside>
            </main>
            <footer class="app__footer">
                "Everything runs in this tab: nothing you paste leaves your device."
                <AboutPanel/>
            </footer>
            <DropZone/>
            <PrintSheets/>
            <HoverDismiss/>
        </div>
    }
}
