use leptos::prelude::*;

use super::print_sheets::{clear_print_sheets, draw_print_sheets};
use super::state::AppState;

/// "Print worksheet" and "Print answer key": the root carries which sheet is printing, so that
/// the print style shows that sheet alone (`style/print_sheets.css`). The sheets are drawn here,
/// before `print`, and taken off after it.
#[component]
pub fn PrintSheetButtons() -> impl IntoView {
    let state = expect_context::<AppState>();
    let print = move |sheet: &'static str| {
        move |_| {
            let Some(root) = document().document_element() else {
                return;
            };
            let _ = root.set_attribute("data-print-sheet", sheet);
            draw_print_sheets(state);
            // `print` returns once the dialog is closed; the page is itself again after.
            let _ = window().print();
            let _ = root.remove_attribute("data-print-sheet");
            clear_print_sheets();
        }
    };
    view! {
        <section class="print-sheet-buttons" aria-labelledby="print-sheets-title">
            <h2 class="panel-title" id="print-sheets-title">"For the classroom"</h2>
            <div class="print-sheet-buttons__row">
                <button class="button button--quiet" type="button" data-testid="print-worksheet" on:click=print("worksheet")>
                    "Print worksheet"
                </button>
                <button class="button button--quiet" type="button" data-testid="print-answer-key" on:click=print("answer-key")>
                    "Print answer key"
                </button>
            </div>
        </section>
    }
}
