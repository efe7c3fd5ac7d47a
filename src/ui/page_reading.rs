use leptos::prelude::*;

use super::state::AppState;
use crate::loading::PageView;

/// After a saved page was read as an article: how much was removed from it, and a switch back to
/// the whole page's text in case the reading was wrong.
#[component]
pub fn PageReading() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_now = Memo::new(move |_| {
        state.page.with(|page| {
            let page = page.as_ref()?;
            state
                .source
                .with(|source| page.view_of(source))
                .map(|view| (view, page.removed_words))
        })
    });
    move || {
        view_now.get().map(|(view, removed)| {
            let words = if removed == 1 { "word" } else { "words" };
            let (message, action) = match view {
                PageView::Article => (
                    format!("Read as an article: {removed} {words} removed from the page (navigation, adverts, links and other furniture)."),
                    "Show the whole page",
                ),
                PageView::WholePage => (
                    format!("The whole page's text, with the {removed} {words} the reading removed."),
                    "Show the article only",
                ),
            };
            view! {
                <div class="page-reading" data-testid="page-reading">
                    <p class="page-reading__count" data-testid="page-removed">{message}</p>
                    <button
                        class="button button--quiet page-reading__toggle"
                        type="button"
                        data-testid="page-toggle"
                        aria-pressed=move || (view == PageView::WholePage).to_string()
                        on:click=move |_| state.show_page_as(match view {
                            PageView::Article => PageView::WholePage,
                            PageView::WholePage => PageView::Article,
                        })
                    >
                        {action}
                    </button>
                </div>
            }
        })
    }
}
