use leptos::prelude::*;

use super::state::AppState;
use crate::analysis::BlockKind;
use crate::view_model::{
    mention_anchor, nest_mentions, quotation_label, BlockView, Inline, MentionTag, Piece, Run,
};

/// Past this length the browser lays out and paints only the blocks near the viewport
/// (`content-visibility: auto` in `article_view.css`): a 1 MB article otherwise costs every frame
/// a layout and paint of the whole text. Shorter articles keep hover cards that may overflow
/// their paragraph, which that containment would clip.
const LONG_ARTICLE_BYTES: usize = 100_000;

/// The article as read, with its structure made visible.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let header = Memo::new(move |_| state.with_structure(|a| a.header_fields.clone()));
    // Only the blocks drawn so far, as (key, index): a long article is drawn a batch per frame.
    let drawn_blocks = move || {
        state.drawing.with(|d| {
            d.keys[..d.count]
                .iter()
                .copied()
                .enumerate()
                .collect::<Vec<_>>()
        })
    };
    let draw_block = move |(index, _): (usize, u64)| {
        state
            .blocks
            .with_untracked(|blocks| blocks.get(index).cloned())
            .map(render_block)
    };
    // Frames are the outside world: while blocks are left to draw, the next frame draws more.
    Effect::new(move |_| {
        if !state.drawing.with(|d| d.complete()) {
            request_animation_frame(move || state.draw_frame.update(|frame| *frame += 1));
        }
    });
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
            <For each=drawn_blocks key=|(_, key)| *key children=draw_block/>
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
    let runs = block.runs.into_iter().map(render_run).collect_view();
    match block.kind {
        BlockKind::Title => view! { <h2 class="article-view__title" id=anchor tabindex="-1" data-testid="headline">{runs}</h2> }.into_any(),
        BlockKind::Byline => view! { <p class="article-view__byline" id=anchor tabindex="-1" data-testid="byline">{runs}</p> }.into_any(),
        BlockKind::Heading => view! { <h3 class="article-view__heading" id=anchor tabindex="-1">{runs}</h3> }.into_any(),
        BlockKind::Citations => {
            view! { <p class="article-view__paragraph article-view__paragraph--citations" id=anchor tabindex="-1">{runs}</p> }.into_any()
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
                >
                    {runs}
                </p>
            }
            .into_any()
        }
    }
}

fn render_run(run: Run) -> AnyView {
    match run {
        Run::Plain(pieces) => render_pieces(pieces),
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
            let content = render_pieces(pieces);
            if !first_part {
                return view! {
                    <q class="article-view__quotation article-view__quotation--continued" data-testid="quotation-continued" title=title>
                        {content}
                    </q>
                }
                .into_any();
            }
            // The reason is one press away for keyboard and screen-reader users, not only on hover.
            let expanded = RwSignal::new(false);
            let why_id = format!("aa-quote-why-{index}");
            view! {
                <q class="article-view__quotation" id=format!("aa-quote-{index}") tabindex="-1"
                    data-testid="quotation" data-speaker=speaker.unwrap_or_default() title=title>
                    {content}
                </q>
                <button
                    class="article-view__quote-speaker"
                    type="button"
                    data-testid="quotation-speaker"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=why_id.clone()
                    title="How was the speaker found?"
                    on:click=move |_| expanded.update(|open| *open = !*open)
                >
                    {label}
                </button>
                <span class="article-view__why" id=why_id hidden=move || !expanded.get() data-testid="quotation-why">
                    {explanation}
                </span>
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

fn render_pieces(pieces: Vec<Piece>) -> AnyView {
    nest_mentions(pieces)
        .into_iter()
        .map(render_inline)
        .collect_view()
        .into_any()
}

fn render_inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(piece) => render_piece(piece),
        Inline::Mention { tag, children } => render_mention(tag, children),
    }
}

/// A mention as a focusable mark: its evidence shows on hover and on keyboard focus, and
/// pointing at it lights up every other mention of the same entity, here and on the map.
fn render_mention(tag: MentionTag, children: Vec<Inline>) -> AnyView {
    let state = expect_context::<AppState>();
    let MentionTag {
        index,
        label,
        entity,
        explanation,
        begins,
    } = tag;
    let children = children.into_iter().map(render_inline).collect_view();
    let point = move || state.active_entity.set(Some(entity));
    let leave = move || {
        if state.active_entity.get_untracked() == Some(entity) {
            state.active_entity.set(None);
        }
    };
    view! {
        <mark
            class="article-view__mention"
            class:article-view__mention--active=move || state.active_entity.get() == Some(entity)
            id=begins.then(|| mention_anchor(index))
            tabindex="0"
            data-entity-type=label.code()
            data-entity-id=entity.to_string()
            data-why=explanation.clone()
            aria-description=format!("{}: {explanation}", label.label())
            data-testid="entity-mention"
            on:mouseenter=move |_| point()
            on:focus=move |_| point()
            on:mouseleave=move |_| leave()
            on:blur=move |_| leave()
        >
            {children}
        </mark>
    }
    .into_any()
}

fn render_piece(piece: Piece) -> AnyView {
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
    let number = sentence
        .filter(|_| sentence_start)
        .map(|i| (i + 1).to_string());
    // Links are shown, not followed: the page makes no requests, and the address is in the tooltip.
    let title = link.or_else(|| role.map(|r| r.explanation().to_string()));
    view! {
        <span class=class data-sentence-start=number title=title>{text}</span>
    }
    .into_any()
}
