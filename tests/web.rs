//! Components in a real browser (headless Chromium through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use article_atlas::ui::article_view::ArticleView;
use article_atlas::ui::citations_table::CitationsTable;
use article_atlas::ui::outline::Outline;
use article_atlas::ui::state::AppState;
use article_atlas::ui::App;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh container and returns the container.
fn mount(view: impl FnOnce() -> AnyView + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn with_state(state: AppState, view: fn() -> AnyView) -> impl FnOnce() -> AnyView + 'static {
    move || {
        provide_context(state);
        view()
    }
}

#[wasm_bindgen_test]
async fn article_view_shows_the_sample_structure() {
    let state_holder = RwSignal::new(None::<AppState>);
    let root = mount(move || {
        let state = AppState::new(article_atlas::SAMPLE_ARTICLE);
        state_holder.set(Some(state));
        provide_context(state);
        view! { <ArticleView/> }.into_any()
    });
    tick().await;
    let view = one(&root, "[data-testid=article-view]");
    assert_eq!(all(&view, "[data-testid=paragraph]").len(), 3);
    let header = one(&view, "[data-testid=header-fields]")
        .text_content()
        .unwrap();
    assert!(
        header.contains("Publication") && header.contains("Monitor") && header.contains("55"),
        "{header}"
    );
    let quotes = all(&view, "[data-testid=quotation]");
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].get_attribute("data-speaker").as_deref(),
        Some("a top Russian aerospace official")
    );

    // Editing the text re-renders without any button.
    let state = state_holder.get_untracked().unwrap();
    state.source.set("WASHINGTON — One. Two.\n\nThree.".into());
    tick().await;
    assert_eq!(all(&view, "[data-testid=paragraph]").len(), 2);
    assert!(all(&view, "[data-testid=quotation]").is_empty());
    assert_eq!(
        one(&view, ".article-view__dateline")
            .text_content()
            .as_deref(),
        Some("WASHINGTON")
    );
}

#[wasm_bindgen_test]
async fn sentence_toggle_marks_sentence_starts() {
    let state_holder = RwSignal::new(None::<AppState>);
    let root = mount(move || {
        let state = AppState::new("First one. Second one.");
        state_holder.set(Some(state));
        provide_context(state);
        view! { <ArticleView/> }.into_any()
    });
    tick().await;
    let view = one(&root, "[data-testid=article-view]");
    assert!(!view.class_list().contains("article-view--sentences"));
    state_holder
        .get_untracked()
        .unwrap()
        .show_sentences
        .set(true);
    tick().await;
    assert!(view.class_list().contains("article-view--sentences"));
    let starts: Vec<String> = all(&view, "[data-sentence-start]")
        .iter()
        .filter_map(|e| e.get_attribute("data-sentence-start"))
        .collect();
    assert_eq!(starts, ["1", "2"]);
}

#[wasm_bindgen_test]
async fn outline_and_citations_list_the_sample_parts() {
    let root = mount(with_state(
        AppState::new(article_atlas::SAMPLE_ARTICLE),
        || view! { <Outline/> <CitationsTable/> }.into_any(),
    ));
    tick().await;
    let labels: Vec<String> = all(&root, "[data-testid=outline] .outline__label")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Header",
            "Lede",
            "Paragraph 2",
            "Quotation",
            "Paragraph 3",
            "Citations"
        ]
    );
    let rows: Vec<String> = all(&root, "[data-testid=citations] tbody tr")
        .iter()
        .map(|r| r.text_content().unwrap())
        .collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0], "MonitorMarch 12");
    assert_eq!(rows[6], "AFPMarch 14, 16");
}

#[wasm_bindgen_test]
async fn a_refused_file_changes_nothing_and_says_why() {
    let root = mount(|| view! { <App/> }.into_any());
    tick().await;
    let area: web_sys::HtmlTextAreaElement =
        one(&root, "[data-testid=article-input]").unchecked_into();
    let before = area.value();
    assert!(before.starts_with("Publication: Monitor"));
    choose_file(&root, "scan.pdf", "application/pdf", b"%PDF-1.4");
    let notice = wait_for(&root, "[data-testid=notice]").await;
    assert_eq!(area.value(), before);
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(notice.text_content().unwrap().contains("PDF"));

    choose_file(
        &root,
        "note.txt",
        "text/plain",
        b"LONDON (AP) - A new article. It has two sentences.",
    );
    for _ in 0..100 {
        if area.value().starts_with("LONDON") {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    assert!(area.value().starts_with("LONDON"));
    assert_eq!(
        one(&root, "[data-testid=article-view] .article-view__dateline")
            .text_content()
            .as_deref(),
        Some("LONDON (AP)")
    );
}

/// Files are read asynchronously: waits until the element appears.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    for _ in 0..100 {
        tick().await;
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found.unchecked_into();
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("{selector} never appeared");
}

/// Does what choosing a file in the file picker does.
fn choose_file(root: &web_sys::HtmlElement, name: &str, mime: &str, bytes: &[u8]) {
    let input: web_sys::HtmlInputElement = one(root, "[data-testid=file-input]").unchecked_into();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_new_article_asks_before_setting_own_text_aside() {
    use article_atlas::ui::new_article_dialog::NewArticleDialog;
    use article_atlas::ui::recent_articles::RecentArticles;
    let state = AppState::new(article_atlas::SAMPLE_ARTICLE);
    let root = mount(move || {
        provide_context(state);
        view! { <NewArticleDialog/><RecentArticles/> }.into_any()
    });
    tick().await;
    // The sample is not the reader's own text: no question.
    one(&root, "[data-testid=new-article]").click();
    tick().await;
    assert_eq!(state.source.get_untracked(), "");
    assert!(all(&root, "[data-testid=recent-article]").is_empty());

    state.edit("My Own Story\n\nWritten here.".to_string());
    one(&root, "[data-testid=new-article]").click();
    tick().await;
    let dialog: web_sys::HtmlDialogElement =
        one(&root, "[data-testid=new-article-dialog]").unchecked_into();
    assert!(dialog.open(), "the question is asked");
    one(&root, "[data-testid=new-article-cancel]").click();
    tick().await;
    assert!(!dialog.open());
    assert!(state.source.get_untracked().starts_with("My Own Story"));

    one(&root, "[data-testid=new-article]").click();
    one(&root, "[data-testid=new-article-confirm]").click();
    tick().await;
    assert_eq!(state.source.get_untracked(), "");
    let recent = all(&root, "[data-testid=recent-article]");
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].text_content().as_deref(), Some("My Own Story"));
    recent[0].click();
    tick().await;
    assert!(state.source.get_untracked().starts_with("My Own Story"));
}

#[wasm_bindgen_test]
async fn the_export_menu_offers_every_format() {
    use article_atlas::ui::export_menu::ExportMenu;
    let state = AppState::new(article_atlas::SAMPLE_ARTICLE);
    let root = mount(with_state(state, || view! { <ExportMenu/> }.into_any()));
    tick().await;
    assert_eq!(all(&root, "button[data-testid^=export-]").len(), 6);
    assert_eq!(all(&root, "button[data-testid^=copy-]").len(), 5);
    assert!(
        all(&root, "[data-testid=share-url]").is_empty(),
        "no link before it is asked for"
    );
}
