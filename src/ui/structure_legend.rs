use leptos::prelude::*;

use crate::view_model::Role;

/// What each highlight in the article means, with the rule behind it.
#[component]
pub fn StructureLegend() -> impl IntoView {
    view! {
        <details class="structure-legend" data-testid="legend">
            <summary class="structure-legend__summary">"What the highlights mean"</summary>
            <ul class="structure-legend__list">
                <li class="structure-legend__item">
                    <span class="structure-legend__swatch article-view__quotation">"“Quotation”"</span>
                    " Words in quotation marks, with the speaker shown after them. Hover one to see how its speaker was found."
                </li>
                {Role::ALL
                    .into_iter()
                    .map(|role| {
                        view! {
                            <li class="structure-legend__item">
                                <span class=format!("structure-legend__swatch {}", role.class())>{role.label()}</span>
                                " "
                                {role.explanation()}
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="structure-legend__item">
                    <span class="structure-legend__swatch structure-legend__swatch--sentences">"¹ Sentence"</span>
                    " With “Show sentences” on, each sentence is tinted and numbered. Abbreviations such as St. and U.S. do not end one."
                </li>
            </ul>
        </details>
    }
}
