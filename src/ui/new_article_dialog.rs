use leptos::prelude::*;

use super::state::AppState;

/// "New article": asks first when that would set aside text the reader wrote or opened.
#[component]
pub fn NewArticleDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let close = move || {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let ask = move |_| {
        if !state.has_own_text() {
            state.new_article();
            return;
        }
        if let Some(dialog) = dialog.get() {
            // Modal: focus moves in, Escape cancels, and focus returns to this button.
            let _ = dialog.show_modal();
        }
    };
    view! {
        <button class="button button--quiet" type="button" data-testid="new-article" on:click=ask>"New article"</button>
        <dialog
            class="new-article-dialog"
            node_ref=dialog
            aria-labelledby="new-article-title"
            aria-describedby="new-article-text"
            data-testid="new-article-dialog"
        >
            <h2 class="new-article-dialog__title" id="new-article-title">"Start a new article?"</h2>
            <p class="new-article-dialog__text" id="new-article-text">
                "The text area will be emptied. The current article stays on this device under Recent articles, where you can open it again."
            </p>
            <div class="new-article-dialog__actions">
                <button class="button button--quiet" type="button" autofocus data-testid="new-article-cancel" on:click=move |_| close()>
                    "Keep this article"
                </button>
                <button class="button" type="button" data-testid="new-article-confirm" on:click=move |_| {
                    close();
                    state.new_article();
                }>"Start a new one"</button>
            </div>
        </dialog>
    }
}
