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
    settle_until(|| all(&view, "[data-testid=paragraph]").len() == 2).await;
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
    // Names inside the dateline cut it into several pieces: read them together.
    let dateline = || -> String {
        all(&root, "[data-testid=article-view] .article-view__dateline")
            .iter()
            .filter_map(|piece| piece.text_content())
            .collect()
    };
    settle_until(|| dateline() == "LONDON (AP)").await;
    assert_eq!(dateline(), "LONDON (AP)");
}

/// The analysis answers asynchronously, in stages: waits (up to a second) until the page shows
/// what `shown` looks for, and leaves the assertion that follows to say what it shows instead.
async fn settle_until(mut shown: impl FnMut() -> bool) {
    for _ in 0..100 {
        tick().await;
        if shown() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
}

/// Files are read asynchronously: waits until the element appears.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    settle_until(|| root.query_selector(selector).unwrap().is_some()).await;
    match root.query_selector(selector).unwrap() {
        Some(found) => found.unchecked_into(),
        None => panic!("{selector} never appeared"),
    }
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

use article_atlas::map::places::fixture as map_fixture;

fn press(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn fire(target: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(kind == "click");
    target
        .dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

fn names_on_map(root: &web_sys::HtmlElement) -> Vec<String> {
    let mut names: Vec<String> = all(root, "[data-testid=map-marker], [data-testid=map-cluster]")
        .iter()
        .filter_map(|m| m.get_attribute("data-name"))
        .flat_map(|n| n.split(", ").map(str::to_string).collect::<Vec<_>>())
        .collect();
    names.sort();
    names
}

#[wasm_bindgen_test]
async fn the_map_draws_places_and_follows_the_reader() {
    use article_atlas::ui::world_map::WorldMap;
    let state = AppState::with_analysis(map_fixture::TEXT, map_fixture::analyze);
    let root = mount(with_state(state, || view! { <WorldMap/> }.into_any()));
    tick().await;
    let map = one(&root, "[data-testid=map]");
    assert!(all(&map, ".world-map__country").len() >= 177);
    assert_eq!(
        names_on_map(&root),
        ["Iran", "Kazan", "Korolev", "Moscow", "Tehran"]
    );
    let russia = one(&map, "[data-country=RU]");
    assert!(
        russia.get_attribute("class").unwrap().contains("--step3"),
        "4 mentions"
    );
    assert!(one(&map, "[data-country=FR]")
        .get_attribute("class")
        .unwrap()
        .contains("--step0"));

    // The table lists the places in order of first mention.
    let rows: Vec<String> = all(&root, "[data-testid=places-row] th")
        .iter()
        .map(|c| c.text_content().unwrap())
        .collect();
    assert_eq!(
        rows,
        ["Moscow", "Korolev", "Kazan? (uncertain)", "Iran", "Tehran"]
    );

    // Buttons and keys zoom and pan.
    let transform = || one(&root, "[data-testid=map-transform]").get_attribute("transform");
    let zoom = || {
        map.get_attribute("data-zoom")
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    let before = (transform(), zoom());
    one(&root, "[data-testid=map-zoom-in]").click();
    tick().await;
    assert!(zoom() > before.1, "zoomed in");
    press(&map, "-");
    tick().await;
    assert!(
        (zoom() - before.1).abs() < 0.01,
        "and out again with the key"
    );
    press(&map, "ArrowRight");
    tick().await;
    assert_ne!(transform(), before.0, "the arrow key pans");
    one(&root, "[data-testid=map-fit]").click();
    tick().await;
    assert_eq!(transform(), before.0, "fit to places frames them again");

    // Pointing at a marker lights up its mentions; the text pointing at a place pulses it.
    let kazan = one(&root, "[data-testid=map-marker][data-name=Kazan]");
    assert!(kazan
        .get_attribute("class")
        .unwrap()
        .contains("--uncertain"));
    fire(&kazan, "mouseenter");
    assert_eq!(state.active_entity.get_untracked(), Some(2));
    fire(&kazan, "mouseleave");
    assert_eq!(state.active_entity.get_untracked(), None);
    state.active_entity.set(Some(4));
    tick().await;
    let tehran = one(&root, "[data-testid=map-marker][data-name=Tehran]");
    assert!(tehran.get_attribute("class").unwrap().contains("--active"));
    state.active_entity.set(None);

    // Choosing a marker shows its sentences and alternatives; picking one moves it.
    fire(&kazan, "click");
    tick().await;
    let card = one(&root, "[data-testid=place-card]");
    assert_eq!(
        one(&card, "[data-testid=place-sentences]")
            .text_content()
            .unwrap(),
        "They flew from Moscow to Korolev, then to Kazan."
    );
    let choices = all(&card, "[data-testid=place-alternative]");
    assert_eq!(choices.len(), 2);
    assert_eq!(
        choices[0].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    choices[1].click();
    tick().await;
    assert_eq!(state.place_choices.get_untracked().get(&2), Some(&0));
    let kazan = one(&root, "[data-testid=map-marker][data-name=Kazan]");
    assert_eq!(kazan.get_attribute("data-lat").as_deref(), Some("40.2300"));
    assert!(
        !kazan
            .get_attribute("class")
            .unwrap()
            .contains("--uncertain"),
        "the reader is sure"
    );
    assert!(one(&map, "[data-country=TR]")
        .get_attribute("class")
        .unwrap()
        .contains("--step1"));
    assert!(all(&root, "[data-testid=places-row]")[2]
        .text_content()
        .unwrap()
        .contains("Turkey"));

    // The route joins the places in order of first mention.
    let toggle: web_sys::HtmlInputElement =
        one(&root, "[data-testid=map-route-toggle]").unchecked_into();
    toggle.set_checked(true);
    toggle
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    // Four cities (Iran, a country, is no stop); Moscow and Korolev may share a marker's stop.
    let stops: Vec<String> = all(&root, "[data-testid=map-route] .world-map__stop text")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(stops.join(","), "1,2,3,4");
    assert_eq!(
        all(&root, "[data-testid=map-route] .world-map__leg").len(),
        stops.len() - 1
    );
}

#[wasm_bindgen_test]
async fn the_map_without_places_says_so() {
    use article_atlas::ui::world_map::WorldMap;
    let root = mount(with_state(AppState::new("Nothing happened here."), || {
        view! { <WorldMap/> }.into_any()
    }));
    tick().await;
    assert!(all(&root, "[data-testid=map-marker]").is_empty());
    one(&root, "[data-testid=map-empty]");
    one(&root, "[data-testid=map] .world-map__country");
}

#[wasm_bindgen_test]
async fn the_place_card_names_the_organisations_that_hold_the_place() {
    use article_atlas::ui::place_card::PlaceCard;
    let state = AppState::new(
        "Ohio officials met on Monday. The Ohio State Highway Patrol closed the road to Mansfield.",
    );
    let ohio = state
        .analysis
        .with_untracked(|a| a.places.iter().find(|p| p.name == "Ohio").map(|p| p.entity));
    let mansfield = state.analysis.with_untracked(|a| {
        a.places
            .iter()
            .find(|p| p.name == "Mansfield")
            .map(|p| p.entity)
    });
    let selected = RwSignal::new(ohio);
    let root = mount(move || {
        provide_context(state);
        view! { <PlaceCard selected=selected/> }.into_any()
    });
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=place-named-in]")
            .text_content()
            .unwrap(),
        "Also named in: Ohio State Highway Patrol"
    );
    // A place that no organisation names has no such line.
    selected.set(mansfield);
    tick().await;
    one(&root, "[data-testid=place-card]");
    assert!(all(&root, "[data-testid=place-named-in]").is_empty());
}

#[wasm_bindgen_test]
async fn a_long_text_is_edited_one_part_at_a_time() {
    use article_atlas::editing::WHOLE_TEXT_LIMIT;
    use article_atlas::ui::article_input::ArticleInput;
    let state = AppState::with_analysis("Short.", |_, _| {
        article_atlas::analysis::Analysis::default()
    });
    let root = mount(move || {
        provide_context(state);
        view! { <ArticleInput/> }.into_any()
    });
    tick().await;
    assert!(
        root.query_selector("[data-testid=text-parts]")
            .unwrap()
            .is_none(),
        "a short text is edited whole"
    );
    let area: web_sys::HtmlTextAreaElement =
        one(&root, "[data-testid=article-input]").unchecked_into();
    let paragraph = |i: usize| {
        format!(
            "Report {i} from the river town. {}",
            "The barge docked at noon. ".repeat(30)
        )
    };
    let long: String = (0..300).map(paragraph).collect::<Vec<_>>().join("\n\n");
    assert!(long.len() > WHOLE_TEXT_LIMIT);
    let input = || {
        area.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap()
    };
    area.set_value(&long);
    input();
    tick().await;
    assert_eq!(
        state.source.get_untracked(),
        long,
        "the whole text is the article"
    );
    let shown = area.value();
    assert!(
        shown.len() < long.len() / 4,
        "the text area holds one part: {} bytes",
        shown.len()
    );
    assert!(
        long.ends_with(&shown),
        "the caret was at the end: the last part"
    );
    let parts = one(&root, "[data-testid=text-parts]");
    assert_eq!(
        parts.get_attribute("data-chars"),
        Some(long.chars().count().to_string())
    );
    assert!(one(&root, "[data-testid=text-parts-next]").has_attribute("disabled"));

    one(&root, "[data-testid=text-parts-previous]").click();
    tick().await;
    let earlier = area.value();
    assert!(earlier.starts_with("Report ") && long.contains(&earlier) && earlier != shown);
    area.set_value(&format!("Inserted line.\n\n{earlier}"));
    let _ = area.set_selection_range(0, 0);
    input();
    tick().await;
    let start = long.find(&earlier).unwrap();
    assert_eq!(
        state.source.get_untracked(),
        format!("{}Inserted line.\n\n{}", &long[..start], &long[start..]),
        "the edit is spliced into the whole text"
    );

    area.set_value("");
    input();
    tick().await;
    let rest = state.source.get_untracked();
    assert_eq!(rest.len(), long.len() - earlier.len());
    let number: web_sys::HtmlInputElement =
        one(&root, "[data-testid=text-parts-number]").unchecked_into();
    number.set_value("1");
    number
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert!(area.value().starts_with("Report 0 "), "part 1 is the first");

    state
        .source
        .set("Another Short Text\n\nIt fits.".to_string());
    tick().await;
    assert_eq!(area.value(), "Another Short Text\n\nIt fits.");
    assert!(root
        .query_selector("[data-testid=text-parts]")
        .unwrap()
        .is_none());
}
