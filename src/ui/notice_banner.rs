use leptos::prelude::*;

use super::state::{AppState, NoticeKind};

/// The latest message for the user: what a file became, or why it was refused.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The live region stays in the page, so that screen readers announce the first message too.
    let notice = move || {
        state.notice.get().map(|notice| {
            let error = notice.kind == NoticeKind::Error;
            view! {
                <div
                    class="notice"
                    class:notice--error=error
                    role=error.then_some("alert")
                    data-testid="notice"
                >
                    <span class="notice__message">{notice.message}</span>
                    <button class="notice__dismiss" type="button" aria-label="Dismiss" on:click=move |_| state.notice.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    };
    view! { <div class="notice-region" aria-live="polite" aria-atomic="true">{notice}</div> }
}
