use leptos::prelude::*;

use super::state::AppState;

/// Articles set aside for another, to open again.
#[component]
pub fn RecentArticles() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.recent.with(|r| !r.is_empty())>
            <section class="recent-articles" aria-labelledby="recent-articles-title" data-testid="recent-articles">
                <h2 class="recent-articles__title" id="recent-articles-title">"Recent articles"</h2>
                <ol class="recent-articles__list">
                    <For
                        each=move || state.recent.get().into_iter().enumerate()
                        key=|(i, article)| (*i, article.saved_at.to_bits(), article.title.clone())
                        children=move |(i, article)| view! {
                            <li class="recent-articles__item">
                                <button class="recent-articles__open" type="button" data-testid="recent-article" on:click=move |_| state.open_recent(i)>
                                    {article.title}
                                </button>
                            </li>
                        }
                    />
                </ol>
            </section>
        </Show>
    }
}
