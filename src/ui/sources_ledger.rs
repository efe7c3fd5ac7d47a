use leptos::prelude::*;

use super::state::AppState;

use super::dom::{scroll_to, ListRows};
use super::more_rows::MoreRows;
use super::teaching_state::TeachingState;

/// "Who says so": every quotation and attribution with its source's kind, the outlets of the
/// citation block, and the paragraphs that make claims without saying whose they are.
#[component]
pub fn SourcesLedger() -> impl IntoView {
    let state = expect_context::<AppState>();
    let teaching = expect_context::<TeachingState>();
    let ledger = teaching.ledger;
    let rows = ListRows::new(Signal::derive(move || ledger.with(|l| l.rows.len())));
    let drawn = rows.drawn;
    let counts = move || {
        ledger.with(|l| {
            format!(
                "{} named, {} unnamed source{}",
                l.named,
                l.unnamed,
                if l.unnamed == 1 { "" } else { "s" }
            )
        })
    };
    view! {
        <section class="sources-ledger" data-testid="sources-ledger" aria-labelledby="sources-ledger-title">
            <h2 class="panel-title" id="sources-ledger-title">"Who says so"</h2>
            <p class="sources-ledger__counts" data-testid="ledger-counts">{counts}</p>
            <Show
                when=move || !ledger.with(|l| l.rows.is_empty())
                fallback=|| view! { <p class="sources-ledger__empty">"No quotation or attribution was found."</p> }
            >
                <table class="sources-ledger__table">
                    <caption class="sources-ledger__caption">"Quotations and attributions, in order"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Source"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Cue"</th>
                            <th scope="col">"¶"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || ledger.with(|l| l.rows[..drawn.get().min(l.rows.len())].to_vec()).into_iter().enumerate()
                            key=|(i, row)| (*i, row.clone())
                            children=move |(_, row)| {
                                let anchor = row.anchor.clone();
                                view! {
                                    <tr class="sources-ledger__row" data-testid="ledger-row" data-kind=row.kind.code()>
                                        <td class="sources-ledger__speaker">
                                            <button class="sources-ledger__go" type="button" on:click=move |_| scroll_to(state, &anchor)>
                                                {row.speaker}
                                            </button>
                                        </td>
                                        <td class="sources-ledger__kind">{row.kind.label()}</td>
                                        <td class="sources-ledger__cue">
                                            {if row.quotation { format!("“…” {}", row.cue) } else { row.cue }}
                                        </td>
                                        <td class="sources-ledger__paragraph">{row.paragraph}</td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
                <MoreRows rows=rows what="sources"/>
            </Show>
            <Show when=move || !ledger.with(|l| l.unattributed_paragraphs.is_empty())>
                <p class="sources-ledger__flag" data-testid="ledger-unattributed">
                    "Claims with no attribution in paragraph "
                    {move || ledger.with(|l| l.unattributed_paragraphs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))}
                    ": who says so?"
                </p>
            </Show>
            <Show when=move || !ledger.with(|l| l.outlets.is_empty())>
                <h3 class="sources-ledger__subtitle">"Outlets cited at the end"</h3>
                <ul class="sources-ledger__outlets">
                    <For
                        each=move || ledger.with(|l| l.outlets.clone()).into_iter().enumerate()
                        key=|(i, o)| (*i, o.clone())
                        children=|(_, outlet)| view! {
                            <li class="sources-ledger__outlet" data-testid="ledger-outlet">
                                <span class="sources-ledger__outlet-name">{outlet.source}</span>
                                " "
                                <span class="sources-ledger__outlet-dates">{outlet.dates}</span>
                            </li>
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}
