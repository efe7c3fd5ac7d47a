use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::page_reader::read_page;
use super::state::AppState;
use super::text_parts::TextParts;
use crate::analysis;
use crate::editing::{EditWindow, Edited};
use crate::loading::{self, LoadedPage};

/// Reads a file the user chose or dropped and hands its bytes to the state; a saved web page is
/// first read as an article by the reader mode.
pub fn read_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let mime = file.type_();
    spawn_local(async move {
        match gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file)).await {
            Ok(bytes) => {
                if let Some(html) = loading::saved_page_html(&name, &mime, &bytes) {
                    if let Some(reading) = read_page(&html).await {
                        state.open_page(
                            LoadedPage::new(&html, reading),
                            &format!("Opened “{name}”: the page was read as an article; scripts never ran."),
                        );
                        return;
                    }
                }
                state.open_file(&name, &mime, &bytes)
            }
            Err(_) => {
                state.report_error(format!("“{name}” could not be read. Nothing was changed."))
            }
        }
    });
}

/// The text area, with the file picker and the way back to the sample. A long text is edited
/// a part at a time (`crate::editing`): the text area holds the part in `window`.
#[component]
pub fn ArticleInput() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let window = RwSignal::new(EditWindow::default());
    // The text area is the outside world: the source is written into it, except when the
    // source came from it. Writing 1 MB of identical text back made the browser lay the whole
    // text out again on every keystroke (70 ms more per key on the 1.1 MB text).
    let typed = StoredValue::new(false);
    Effect::new(move |_| {
        state.source.with(|text| {
            if std::mem::take(&mut *typed.write_value()) {
                return;
            }
            let opened = EditWindow::around(text, 0);
            window.set(opened);
            if let Some(area) = area.get() {
                area.set_value(opened.shown(text));
            }
        })
    });
    // What the text area now holds goes into the text. A window that changed shape gives the
    // text area its new part before the browser lays the old one out; so does an edit the text
    // area did not make itself (`caret`: where its caret goes, a byte of the new text).
    let apply = move |edited: Edited, area: &web_sys::HtmlTextAreaElement, caret: Option<usize>| {
        if let Some(caret) = edited.refill.or(caret) {
            area.set_value(edited.window.shown(&edited.text));
            let caret = edited.window.caret_in(&edited.text, caret) as u32;
            let _ = area.set_selection_range(caret, caret);
        }
        window.set(edited.window);
        typed.set_value(true);
        state.edit(edited.text);
    };
    // Focus stays where the reader chose the part: moving it to the text area would also fire
    // the part number's `change` a second time, from inside its own handler.
    let go_to_part = Callback::new(move |part: EditWindow| {
        let Some(element) = area.get_untracked() else {
            return;
        };
        window.set(part);
        state
            .source
            .with_untracked(|text| element.set_value(part.shown(text)));
        let _ = element.set_selection_range(0, 0);
        element.set_scroll_top(0);
    });

    let on_paste = move |ev: web_sys::ClipboardEvent| {
        // Rich text from a web page arrives as HTML: keep its article text and drop the rest.
        let Some(html) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/html").ok())
            .filter(|h| !h.trim().is_empty())
        else {
            return;
        };
        ev.prevent_default();
        let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let value = area.value();
        let utf16: Vec<u16> = value.encode_utf16().collect();
        let start = area
            .selection_start()
            .ok()
            .flatten()
            .unwrap_or(utf16.len() as u32) as usize;
        let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
        let before = String::from_utf16_lossy(&utf16[..start.min(utf16.len())]);
        let after = String::from_utf16_lossy(&utf16[end.min(utf16.len())..]);
        let whole = state
            .source
            .with_untracked(|text| window.get_untracked().is_whole(text));
        if whole
            && before.trim().is_empty()
            && after.trim().is_empty()
            && analysis::page::worth_reading_as_page(&html)
        {
            // Pasted HTML that replaces the text is read as a page, as a dropped one is and as the
            // CLI reads it. Pasted into the middle of a text, it is only reduced to its text.
            spawn_local(async move {
                match read_page(&html).await {
                    Some(reading) => state.open_page(
                        LoadedPage::new(&html, reading),
                        "Pasted HTML was read as an article; its scripts never ran.",
                    ),
                    None => {
                        state.edit(loading::html_to_article_text(&html));
                        state.inform("Pasted HTML was reduced to its article text.");
                    }
                }
            });
            return;
        }
        let text = loading::html_to_article_text(&html);
        let caret = before.encode_utf16().count() + text.encode_utf16().count();
        let start = window.get_untracked().range().start;
        let edited = state.source.with_untracked(|source| {
            window
                .get_untracked()
                .splice(source, format!("{before}{text}{after}"), caret)
        });
        apply(edited, &area, Some(start + before.len() + text.len()));
        state.inform("Pasted HTML was reduced to its article text.");
    };

    view! {
        <div class="article-input">
            <label class="article-input__label" for="article-input">"Paste, type or drop an article"</label>
            <TextParts window=window go=go_to_part />
            <textarea
                id="article-input"
                class="article-input__text"
                data-testid="article-input"
                spellcheck="false"
                node_ref=area
                on:input:target=move |ev| {
                    let area = ev.target();
                    let caret = area.selection_end().ok().flatten().unwrap_or(0) as usize;
                    let edited = state.source.with_untracked(|text| {
                        window.get_untracked().splice(text, area.value(), caret)
                    });
                    apply(edited, &area, None);
                }
                on:paste=on_paste
            ></textarea>
            <div class="article-input__actions">
                <button class="button" type="button" on:click=move |_| {
                    if let Some(input) = file_input.get() {
                        input.click();
                    }
                }>"Open a file…"</button>
                <input
                    class="article-input__file"
                    type="file"
                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    node_ref=file_input
                    data-testid="file-input"
                    on:change:target=move |ev| {
                        let input = ev.target();
                        if let Some(file) = input.files().and_then(|files| files.get(0)) {
                            read_file(state, file);
                        }
                        input.set_value("");
                    }
                />
                <button class="button button--quiet" type="button" data-testid="load-sample" on:click=move |_| state.load_sample()>
                    "Back to the sample"
                </button>
            </div>
        </div>
    }
}
