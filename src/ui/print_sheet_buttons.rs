use leptos::prelude::*;

/// "Print worksheet" and "Print answer key": the root carries which sheet is printing, so that
/// the print style shows that sheet alone (`style/print_sheets.css`).
#[component]
pub fn PrintSheetButtons() -> impl IntoView {
    let print = |sheet: &'static str| {
        move |_| {
            let Some(root) = document().document_element() else {
                return;
            };
            let _ = root.set_attribute("data-print-sheet", sheet);
            // `print` returns once the dialog is closed; the page is itself again after.
            let _ = window().print();
            let _ = root.remove_attribute("data-print-sheet");
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
