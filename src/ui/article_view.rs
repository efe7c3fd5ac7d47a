use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::elements;
use super::state::AppState;
use crate::analysis::BlockKind;
use crate::view_model::{
    mention_anchor, nest_mentions, planned_views, quotation_label, BlockChunk, BlockView, Inline,
    MentionTag, Piece, Run,
};

/// Past this length the browser lays out and paints only the chunks of blocks near the viewport
/// (`content-visibility: auto` in `article_view.css`): a 1 MB article otherwise costs every frame
/// a layout and paint of the whole text. Shorter articles keep hover cards that may overflow
/// their chunk, which that containment would clip.
const LONG_ARTICLE_BYTES: usize = 100_000;

/// The article as read, with its structure made visible.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let header = Memo::new(move |_| state.with_structure(|a| a.header_fields.clone()));
    // Only the chunks drawn so far: a long article is drawn a batch per frame.
    let drawn_chunks = move || state.drawing.with(|d| d.drawn_chunks().to_vec());
    let draw_chunk = move |chunk: BlockChunk| {
        // The chunk's views are cut now, from the plan and the index: never the whole article's.
        let blocks = state.analysis.with_untracked(|analysis| {
            state.view_index.with_untracked(|index| {
                state.plan.with_untracked(|plan| {
                    plan.get(chunk.blocks.clone())
                        .map(|planned| planned_views(analysis, index, planned))
                        .unwrap_or_default()
                })
            })
        });
        view! {
            <div
                class="article-view__chunk"
                style:contain-intrinsic-size=format!("auto {}em", chunk.estimated_em)
            >
                {blocks.into_iter().map(render_block).collect_view()}
            </div>
        }
    };
    // Frames are the outside world: while blocks are left to draw, the next frame draws more.
    Effect::new(move |_| {
        if !state.drawing.with(|d| d.complete()) {
            request_animation_frame(move || state.draw_frame.update(|frame| *frame += 1));
        }
    });
    Effect::new(move |_| {
        let active = state.active_entity.get();
        if let Some(article) = document().get_element_by_id("aa-article") {
            mark_active(&article, active);
        }
    });
    let point = move |target| {
        if let Some(entity) = mark_entity(target) {
            if state.active_entity.get_untracked() != Some(entity) {
                state.active_entity.set(Some(entity));
            }
        }
    };
    let leave = move |target| {
        if let Some(entity) = mark_entity(target) {
            if state.active_entity.get_untracked() == Some(entity) {
                state.active_entity.set(None);
            }
        }
    };
    view! {
        <article
            id="aa-article"
            tabindex="-1"
            class="article-view"
            class:article-view--sentences=move || state.show_sentences.get()
            class:article-view--long=move || state.analysis.with(|a| a.text.len() > LONG_ARTICLE_BYTES)
            data-hidden-types=move || hidden_types_attribute(&state.hidden_types.get())
            data-testid="article-view"
            data-drawn=move || if state.drawing.with(|d| d.complete()) { "all" } else { "partial" }
            on:mouseover=move |e| point(e.target())
            on:mouseout=move |e| {
                // Out of a mark into the text around it; into another mark, its mouseover points.
                if mark_entity(e.related_target()).is_none() {
                    leave(e.target());
                }
            }
            on:focusin=move |e| point(e.target())
            on:focusout=move |e| leave(e.target())
            on:click=move |e| toggle_reason(e.target())
        >
            <Show when=move || !header.with(Vec::is_empty)>
                <dl class="article-view__header" id="aa-header" tabindex="-1" data-testid="header-fields">
                    <For
                        each=move || header.get().into_iter().enumerate()
                        key=|(i, f)| (*i, f.key.clone(), f.value.clone())
                        children=|(_, field)| view! {
                            <div class="article-view__field" title="Header field: a “Key: value” pair before the body">
                                <dt>{field.key}</dt>
                                <dd>{field.value}</dd>
                            </div>
                        }
                    />
                </dl>
            </Show>
            <For each=drawn_chunks key=|chunk| chunk.key children=draw_chunk/>
            <ul class="article-view__diagnostics" aria-label="Notes on this text">
                <For
                    each=move || state.analysis.with(|a| a.diagnostics.clone()).into_iter().enumerate()
                    key=|(i, d)| (*i, d.message.clone())
                    children=|(_, diagnostic)| view! { <li class="article-view__diagnostic">{diagnostic.message}</li> }
                />
            </ul>
            <Show when=move || state.analysis.with(|a| a.text.trim().is_empty())>
                <p class="article-view__empty">"Paste an article on the left to see its structure."</p>
            </Show>
        </article>
    }
}

fn render_block(block: BlockView) -> AnyView {
    let anchor = block.anchor.clone();
    let runs = block.runs;
    match block.kind {
        BlockKind::Title => view! { <h2 class="article-view__title" id=anchor tabindex="-1" data-testid="headline" use:draw_runs=runs></h2> }.into_any(),
        BlockKind::Byline => view! { <p class="article-view__byline" id=anchor tabindex="-1" data-testid="byline" use:draw_runs=runs></p> }.into_any(),
        BlockKind::Heading => view! { <h3 class="article-view__heading" id=anchor tabindex="-1" use:draw_runs=runs></h3> }.into_any(),
        BlockKind::Citations => {
            view! { <p class="article-view__paragraph article-view__paragraph--citations" id=anchor tabindex="-1" use:draw_runs=runs></p> }.into_any()
        }
        _ => {
            let lede = block.paragraph == Some(1);
            let number = block.paragraph.map(|n| n.to_string()).unwrap_or_default();
            view! {
                <p
                    class="article-view__paragraph"
                    class:article-view__paragraph--lede=lede
                    id=anchor
                    tabindex="-1"
                    data-paragraph=number
                    data-testid="paragraph"
                    use:draw_runs=runs
                ></p>
            }
            .into_any()
        }
    }
}

/// The reader's hidden entity types as a space-separated list, matched in CSS with `~=`, so that
/// toggling a type restyles the marks without drawing them again.
fn hidden_types_attribute(
    hidden: &std::collections::BTreeSet<crate::analysis::EntityType>,
) -> String {
    hidden
        .iter()
        .map(|t| t.code())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draws a block's runs into its element as plain DOM, which the page keeps no state for: a
/// 1 MB article has some 60,000 of these elements, and as Leptos views each kept its attributes'
/// and children's view state in the wasm memory (about 1.3 KB an element, 77 MB in all). Pointing
/// at a mark and opening a speaker's reason are handled once for the whole article
/// ([`ArticleView`]'s listeners and [`mark_active`]).
fn draw_runs(el: web_sys::Element, runs: Vec<Run>) {
    let active = use_context::<AppState>().and_then(|s| s.active_entity.get_untracked());
    for run in runs {
        match run {
            Run::Plain(pieces) => draw_pieces(&el, pieces, active),
            Run::Quotation {
                index,
                first_part,
                speaker,
                cue,
                explanation,
                pieces,
            } => {
                let label = quotation_label(speaker.as_deref(), cue.as_deref());
                let title = format!("Quotation {}: {label}", index + 1);
                let quote = if first_part {
                    let id = format!("aa-quote-{index}");
                    let speaker = speaker.unwrap_or_default();
                    element(
                        &el,
                        "q",
                        &[
                            ("class", "article-view__quotation"),
                            ("id", &id),
                            ("tabindex", "-1"),
                            ("data-testid", "quotation"),
                            ("data-speaker", &speaker),
                            ("title", &title),
                        ],
                    )
                } else {
                    element(
                        &el,
                        "q",
                        &[
                            (
                                "class",
                                "article-view__quotation article-view__quotation--continued",
                            ),
                            ("data-testid", "quotation-continued"),
                            ("title", &title),
                        ],
                    )
                };
                draw_pieces(&quote, pieces, active);
                if !first_part {
                    continue;
                }
                // The reason is one press away for keyboard and screen-reader users, not only on hover.
                let why_id = format!("aa-quote-why-{index}");
                let button = element(
                    &el,
                    "button",
                    &[
                        ("class", "article-view__quote-speaker"),
                        ("type", "button"),
                        ("data-testid", "quotation-speaker"),
                        ("aria-expanded", "false"),
                        ("aria-controls", &why_id),
                        ("title", "How was the speaker found?"),
                    ],
                );
                button.set_text_content(Some(&label));
                let why = element(
                    &el,
                    "span",
                    &[
                        ("class", "article-view__why"),
                        ("id", &why_id),
                        ("hidden", ""),
                        ("data-testid", "quotation-why"),
                    ],
                );
                why.set_text_content(Some(&explanation));
            }
        }
    }
}

/// A new element with these attributes, appended to `parent`.
fn element(parent: &web_sys::Element, tag: &str, attributes: &[(&str, &str)]) -> web_sys::Element {
    let el = document()
        .create_element(tag)
        .expect("an element of a known tag");
    for (name, value) in attributes {
        let _ = el.set_attribute(name, value);
    }
    let _ = parent.append_child(&el);
    el
}

fn draw_pieces(parent: &web_sys::Element, pieces: Vec<Piece>, active: Option<usize>) {
    for inline in nest_mentions(pieces) {
        draw_inline(parent, inline, active);
    }
}

fn draw_inline(parent: &web_sys::Element, inline: Inline, active: Option<usize>) {
    match inline {
        Inline::Text(piece) => draw_piece(parent, piece),
        Inline::Mention { tag, children } => {
            // A focusable mark: its evidence shows on hover and on keyboard focus, and pointing
            // at it lights up every other mention of the same entity, here and on the map.
            let MentionTag {
                index,
                label,
                entity,
                explanation,
                begins,
            } = tag;
            let class = if active == Some(entity) {
                MARK_ACTIVE_CLASS
            } else {
                MARK_CLASS
            };
            let mark = element(
                parent,
                "mark",
                &[
                    ("class", class),
                    ("tabindex", "0"),
                    ("data-entity-type", label.code()),
                    ("data-entity-id", &entity.to_string()),
                    ("data-why", &explanation),
                    (
                        "aria-description",
                        &format!("{}: {explanation}", label.label()),
                    ),
                    ("data-testid", "entity-mention"),
                ],
            );
            if begins {
                let _ = mark.set_attribute("id", &mention_anchor(index));
            }
            for child in children {
                draw_inline(&mark, child, active);
            }
        }
    }
}

fn draw_piece(parent: &web_sys::Element, piece: Piece) {
    let Piece {
        text,
        sentence,
        sentence_start,
        role,
        emphasis,
        strong,
        link,
        ..
    } = piece;
    let parity = sentence.map(|i| {
        if i % 2 == 0 {
            "article-view__sentence--even"
        } else {
            "article-view__sentence--odd"
        }
    });
    let mut class = String::from("article-view__piece");
    for extra in [parity, role.map(|r| r.class())].into_iter().flatten() {
        class.push(' ');
        class.push_str(extra);
    }
    if emphasis {
        class.push_str(" article-view__piece--emphasis");
    }
    if strong {
        class.push_str(" article-view__piece--strong");
    }
    let span = element(parent, "span", &[("class", &class)]);
    if let Some(i) = sentence.filter(|_| sentence_start) {
        let _ = span.set_attribute("data-sentence-start", &(i + 1).to_string());
    }
    // Links are shown, not followed: the page makes no requests, and the address is in the tooltip.
    if let Some(title) = link.as_deref().or_else(|| role.map(|r| r.explanation())) {
        let _ = span.set_attribute("title", title);
    }
    span.set_text_content(Some(&text));
}

const MARK_CLASS: &str = "article-view__mention";
const MARK_ACTIVE_CLASS: &str = "article-view__mention article-view__mention--active";

/// The element around an event's target (or the target itself) that matches `selector`.
fn around(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// The entity of the mark an event happened in (the innermost, if marks nest).
fn mark_entity(target: Option<web_sys::EventTarget>) -> Option<usize> {
    around(target, "mark[data-entity-id]")?
        .get_attribute("data-entity-id")?
        .parse()
        .ok()
}

/// Lights up the marks of the entity the reader points at (anywhere: text, panel or map), and
/// puts out the others'.
fn mark_active(article: &web_sys::Element, active: Option<usize>) {
    let lit = active.map(|e| format!("mark[data-entity-id=\"{e}\"]"));
    let changes = [(".article-view__mention--active", MARK_CLASS)]
        .into_iter()
        .chain(lit.as_deref().map(|lit| (lit, MARK_ACTIVE_CLASS)));
    for (selector, class) in changes {
        for mark in elements(article, selector) {
            let _ = mark.set_attribute("class", class);
        }
    }
}

/// A speaker's button was pressed: its reason opens or closes.
fn toggle_reason(target: Option<web_sys::EventTarget>) {
    let Some(button) = around(target, "[data-testid=quotation-speaker]") else {
        return;
    };
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let why = button
        .get_attribute("aria-controls")
        .and_then(|id| document().get_element_by_id(&id));
    if let Some(why) = why {
        let _ = match open {
            true => why.remove_attribute("hidden"),
            false => why.set_attribute("hidden", ""),
        };
    }
}
