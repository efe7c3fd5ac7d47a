use leptos::prelude::*;

use super::download::{copy_text, download};
use super::state::AppState;
use crate::analysis::Analysis;
use crate::export::share::share_fragment;
use crate::export::{with_place_choices, ExportFormat};

/// The analysis as the reader sees it, place corrections included.
fn current_analysis(state: AppState) -> Analysis {
    let choices = state.place_choices.get_untracked();
    state
        .analysis
        .with_untracked(|a| with_place_choices(a, &choices))
}

fn save_export(state: AppState, format: ExportFormat) {
    let analysis = current_analysis(state);
    let name = format.file_name(&analysis);
    match download(&name, format.mime(), &format.render(&analysis)) {
        Ok(()) => state.inform(&format!("Saved “{name}”. It was made in this tab.")),
        Err(_) => state.report_error(format!("“{name}” could not be saved in this browser.")),
    }
}

fn copy_export(state: AppState, format: ExportFormat) {
    let text = format.render(&current_analysis(state));
    copy_text(text, move |copied| {
        if copied {
            state.inform(&format!("{} copied to the clipboard.", format.label()));
        } else {
            state.report_error(
                "The browser did not allow copying. Use Download instead.".to_string(),
            );
        }
    });
}

/// Downloads, clipboard copies, printing and a share link for the current article.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The link with the text it was made for: a link for an earlier text is not shown.
    let share = RwSignal::new(None::<(String, String)>);
    let share_url = Memo::new(move |_| {
        share.with(|made| {
            made.as_ref()
                .filter(|(text, _)| state.source.with(|current| current == text))
                .map(|(_, url)| url.clone())
        })
    });
    let make_share_link = move |_| {
        let text = state.source.get_untracked();
        match share_fragment(&text, state.format.get_untracked()) {
            Ok(fragment) => {
                let location = window().location();
                let page = format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                let url = format!("{page}{fragment}");
                share.set(Some((text, url.clone())));
                copy_text(url, move |copied| {
                    state.inform(if copied {
                        "Share link copied. The article travels inside the link, after the #, which browsers never send to a server."
                    } else {
                        "Here is the share link: copy it from the box. The article travels inside the link, after the #."
                    })
                });
            }
            Err(problem) => {
                share.set(None);
                state.report_error(problem.to_string());
            }
        }
    };
    let rows = ExportFormat::ALL
        .into_iter()
        .map(|format| {
            let copy = format.copyable().then(|| {
                view! {
                    <button
                        class="button button--quiet export-menu__button"
                        type="button"
                        data-testid=format!("copy-{}", format.code())
                        aria-label=format!("Copy {}", format.label())
                        on:click=move |_| copy_export(state, format)
                    >"Copy"</button>
                }
            });
            view! {
                <li class="export-menu__item">
                    <span class="export-menu__label">{format.label()}</span>
                    <button
                        class="button export-menu__button"
                        type="button"
                        data-testid=format!("export-{}", format.code())
                        aria-label=format!("Download {}", format.label())
                        on:click=move |_| save_export(state, format)
                    >"Download"</button>
                    {copy}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="export-menu" aria-labelledby="export-menu-title" data-testid="export-menu">
            <h2 class="export-menu__title" id="export-menu-title">"Export and share"</h2>
            <ul class="export-menu__list">{rows}</ul>
            <div class="export-menu__actions">
                <button class="button button--quiet" type="button" data-testid="print" on:click=move |_| {
                    let _ = window().print();
                }>"Print…"</button>
                <button class="button button--quiet" type="button" data-testid="share" on:click=make_share_link>
                    "Share link"
                </button>
            </div>
            <Show when=move || share_url.with(Option::is_some)>
                <label class="export-menu__link-label" for="share-url">"Share link (holds the whole article)"</label>
                <input
                    id="share-url"
                    class="export-menu__link"
                    type="text"
                    readonly
                    data-testid="share-url"
                    prop:value=move || share_url.get().unwrap_or_default()
                    on:focus:target=move |ev| ev.target().select()
                />
            </Show>
        </section>
    }
}
