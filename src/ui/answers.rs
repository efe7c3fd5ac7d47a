use leptos::prelude::*;

use super::dom::elements;
use super::state::AppState;
use super::teaching_state::TeachingState;
use crate::teaching::{Answers, Layer};

/// Predict, then reveal: "Hide answers" hides the parts' labels, the speakers, the entity types
/// and the places; "Reveal next" brings them back one layer at a time.
#[component]
pub fn AnswersControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let teaching = expect_context::<TeachingState>();
    let answers = teaching.answers;

    // Sync with the DOM. Panels follow the root's `data-hidden-answers` in CSS (hidden panels
    // leave the accessibility tree with `display: none`); what the article says in attributes
    // and the speakers' labels are set aside here, and again whenever the article is redrawn
    // (on the next frame, once it has been).
    // While nothing is hidden and nothing was, the article has nothing to put back: its queries
    // over a long article's tens of thousands of elements are skipped.
    Effect::new(move |was_hiding: Option<bool>| {
        state.plan.track();
        let current = answers.get();
        let hiding = current.is_hiding();
        if let Some(root) = document().document_element() {
            let _ = match hiding {
                true => root.set_attribute("data-hidden-answers", &current.attribute()),
                false => root.remove_attribute("data-hidden-answers"),
            };
        }
        if hiding || was_hiding == Some(true) {
            conceal_in_article(current);
            request_animation_frame(move || conceal_in_article(answers.get_untracked()));
        }
        hiding
    });

    let hiding = move || answers.get().is_hiding();
    view! {
        <div class="answers" role="group" aria-label="Predict, then reveal">
            <button class="answers__button" type="button" data-testid="hide-answers"
                aria-pressed=move || hiding().to_string()
                on:click=move |_| answers.set(if hiding() { Answers::shown() } else { Answers::hidden() })>
                {move || if hiding() { "Show all answers" } else { "Hide answers" }}
            </button>
            <button class="answers__button" type="button" data-testid="reveal-next"
                disabled=move || !hiding()
                on:click=move |_| answers.update(|a| *a = a.reveal_next())>
                {move || match answers.get().next_to_reveal() {
                    Some(layer) => format!("Reveal {}", layer.label()),
                    None => "Reveal next".to_string(),
                }}
            </button>
            <p class="answers__status" role="status" data-testid="answers-status">
                {move || {
                    let hidden = answers.get().hidden_layers();
                    if hidden.is_empty() {
                        String::new()
                    } else {
                        let names: Vec<&str> = hidden.iter().map(|l| l.label()).collect();
                        format!("Hidden: {}. Predict, then reveal.", names.join(", "))
                    }
                }}
            </p>
        </div>
    }
}

/// Attributes that give an answer away, by the layer they belong to and the elements that
/// carry them.
const CONCEALED: &[(Layer, &str, &str)] = &[
    (Layer::EntityTypes, "[data-testid=entity-mention]", "aria-description"),
    (Layer::EntityTypes, "[data-testid=entity-mention]", "data-why"),
    (Layer::Speakers, "[data-testid=quotation]", "title"),
    (Layer::Speakers, "[data-testid=quotation-continued]", "title"),
    (Layer::Speakers, "[data-testid=quotation]", "data-speaker"),
    (
        Layer::Parts,
        ".article-view__dateline, .article-view__speaker, .article-view__cue, .article-view__citation, .article-view__field",
        "title",
    ),
];

/// Sets aside (or puts back) what the hidden layers would give away in the article.
fn conceal_in_article(answers: Answers) {
    let Some(article) = document().get_element_by_id("aa-article") else {
        return;
    };
    for &(layer, selector, attribute) in CONCEALED {
        let hide = answers.is_hidden(layer);
        let kept = format!("data-answer-{attribute}");
        for element in elements(&article, selector) {
            let (from, to) = if hide {
                (attribute, kept.as_str())
            } else {
                (kept.as_str(), attribute)
            };
            if let Some(value) = element.get_attribute(from) {
                let _ = element.set_attribute(to, &value);
                let _ = element.remove_attribute(from);
            }
        }
    }
    let hide = answers.is_hidden(Layer::Speakers);
    for button in elements(&article, "[data-testid=quotation-speaker]") {
        let kept = button.get_attribute("data-answer-text");
        match (hide, kept) {
            (true, None) => {
                let _ = button.set_attribute(
                    "data-answer-text",
                    &button.text_content().unwrap_or_default(),
                );
                button.set_text_content(Some("?"));
            }
            (false, Some(text)) => {
                button.set_text_content(Some(&text));
                let _ = button.remove_attribute("data-answer-text");
            }
            _ => {}
        }
    }
}
