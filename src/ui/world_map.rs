//! The map of the article's places: countries shaded by mentions, a marker per place, pan and
//! zoom by wheel, drag, pinch, buttons and keys. Every decision is made in [`crate::map`]; this
//! component keeps the view's state and draws.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::map_legend::MapLegend;
use super::place_card::PlaceCard;
use super::places_table::PlacesTable;
use super::state::AppState;
use crate::map::places::{
    choropleth_step, country_mentions, marker_groups, place_views, route, MarkerGroup, PlaceView,
};
use crate::map::projection::{sphere_path, world_shapes, Point};
use crate::map::viewport::{key_command, wheel_factor, Command, Gesture, Viewport};

/// Room kept around the places when the map frames them, in pixels.
const FIT_PADDING: f64 = 56.0;
/// Used until the frame has been measured (and wherever it cannot be).
const DEFAULT_SIZE: (f64, f64) = (800.0, 400.0);
/// Choosing a cluster zooms in this much.
const CLUSTER_ZOOM: f64 = 3.0;

#[component]
pub fn WorldMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let views = Memo::new(move |_| {
        state
            .places
            .with(|places| state.analysis.with(|a| place_views(places, &a.mentions)))
    });
    let counts = Memo::new(move |_| state.places.with(|places| country_mentions(places)));
    let size = RwSignal::new(DEFAULT_SIZE);
    // None: the view frames the article's places (and follows them when the text changes).
    let chosen_view = RwSignal::new(None::<Viewport>);
    let teaching = use_context::<super::teaching_state::TeachingState>();
    if let Some(teaching) = teaching {
        // A new tour step frames its own places again, whatever the reader panned to.
        Effect::new(move |_| {
            teaching.map_focus.track();
            chosen_view.set(None);
        });
    }
    let view = Memo::new(move |_| {
        let (width, height) = size.get();
        match chosen_view.get() {
            Some(chosen) if (chosen.width, chosen.height) == (width, height) => chosen,
            Some(chosen) => chosen.resized(width, height),
            None => views.with(|views| {
                // While a tour runs, the map frames only the current step's places.
                let focus = teaching.and_then(|t| t.map_focus.get());
                let points: Vec<Point> = views
                    .iter()
                    .filter(|v| focus.as_ref().is_none_or(|f| f.contains(&v.entity)))
                    .map(|v| v.world)
                    .collect();
                Viewport::world(width, height).fit(&points, FIT_PADDING)
            }),
        }
    });
    let groups = Memo::new(move |_| views.with(|views| marker_groups(views, &view.get())));
    let selected = RwSignal::new(None::<usize>);
    let show_route = RwSignal::new(false);
    let gesture = StoredValue::new(Gesture::default());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();

    let apply = move |command: Command| chosen_view.set(Some(view.get_untracked().apply(command)));
    let screen_point = move |client_x: i32, client_y: i32| -> Point {
        let Some(svg) = svg_ref.get_untracked() else {
            return Point::default();
        };
        let rect = svg.get_bounding_client_rect();
        Point::new(
            f64::from(client_x) - rect.left(),
            f64::from(client_y) - rect.top(),
        )
    };

    // Sync with the outside world: the frame's size in pixels, now and when the window resizes,
    // and the wheel, whose default (scrolling the page) must be cancellable, so it is not
    // delegated and not passive.
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let measure = {
            let svg = svg.clone();
            move || {
                let rect = svg.get_bounding_client_rect();
                if rect.width() >= 1.0 && rect.height() >= 1.0 {
                    size.set((rect.width().round(), rect.height().round()));
                }
            }
        };
        measure();
        let on_resize = gloo::events::EventListener::new(&window(), "resize", move |_| measure());
        let wheel_target: web_sys::EventTarget = svg.clone().unchecked_into();
        let on_wheel = gloo::events::EventListener::new_with_options(
            &wheel_target,
            "wheel",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
                    return;
                };
                event.prevent_default();
                let anchor = screen_point(wheel.client_x(), wheel.client_y());
                let next = view
                    .get_untracked()
                    .zoom_at(wheel_factor(wheel.delta_y()), anchor);
                chosen_view.set(Some(next));
            },
        );
        let listeners = StoredValue::new_local((on_resize, on_wheel));
        on_cleanup(move || listeners.dispose());
    });

    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        // Markers take their own clicks; a drag starts only on the map itself.
        let on_marker = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-map-target]").ok().flatten())
            .is_some();
        if on_marker || (ev.pointer_type() == "mouse" && ev.button() != 0) {
            return;
        }
        let at = screen_point(ev.client_x(), ev.client_y());
        gesture.update_value(|g| g.down(ev.pointer_id(), at));
        if let Some(svg) = svg_ref.get_untracked() {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        if !gesture.with_value(Gesture::is_active) {
            return;
        }
        let at = screen_point(ev.client_x(), ev.client_y());
        let current = view.get_untracked();
        let mut next = current;
        gesture.update_value(|g| next = g.moved(ev.pointer_id(), at, &current));
        if next != current {
            chosen_view.set(Some(next));
        }
    };
    let on_pointer_end = move |ev: web_sys::PointerEvent| {
        gesture.update_value(|g| g.up(ev.pointer_id()));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if let Some(command) = key_command(&ev.key()) {
            ev.prevent_default();
            apply(command);
        }
    };
    let fit_to_places = move |_| chosen_view.set(None);
    let has_places = move || !views.with(Vec::is_empty);

    let countries = world_shapes()
        .iter()
        .map(|shape| {
            let code = shape.code.clone();
            let name = shape.name.clone();
            let count = Signal::derive(move || counts.with(|c| c.get(&code).copied().unwrap_or(0)));
            view! {
                <path
                    class=move || format!("world-map__country world-map__country--step{}", choropleth_step(count.get()))
                    d=shape.d.as_str()
                    data-country=shape.code.as_str()
                >
                    <title>{move || match count.get() {
                        0 => name.clone(),
                        1 => format!("{name}: 1 mention"),
                        n => format!("{name}: {n} mentions"),
                    }}</title>
                </path>
            }
        })
        .collect_view();

    view! {
        <section class="world-map" data-testid="map-panel" aria-labelledby="world-map-title">
            <h2 class="panel-title" id="world-map-title">"Places on the map"</h2>
            <div class="world-map__toolbar" role="toolbar" aria-label="Map controls" aria-controls="aa-map">
                <button class="world-map__button" type="button" data-testid="map-zoom-in"
                    aria-label="Zoom in" on:click=move |_| apply(Command::Zoom(crate::map::viewport::ZOOM_STEP))>"+"</button>
                <button class="world-map__button" type="button" data-testid="map-zoom-out"
                    aria-label="Zoom out" on:click=move |_| apply(Command::Zoom(1.0 / crate::map::viewport::ZOOM_STEP))>"−"</button>
                <button class="world-map__button world-map__button--wide" type="button" data-testid="map-fit"
                    disabled=move || !has_places() on:click=fit_to_places>"Fit to places"</button>
                <button class="world-map__button world-map__button--wide" type="button" data-testid="map-world"
                    on:click=move |_| apply(Command::ShowWorld)>"Whole world"</button>
                <label class="world-map__toggle">
                    <input type="checkbox" data-testid="map-route-toggle"
                        prop:checked=move || show_route.get()
                        on:change=move |ev| show_route.set(event_target_checked(&ev))/>
                    " Route: cities and sites in order of mention"
                </label>
            </div>
            <div class="world-map__frame">
                <svg
                    node_ref=svg_ref
                    id="aa-map"
                    class="world-map__svg"
                    data-testid="map"
                    tabindex="0"
                    role="group"
                    aria-label="World map of the places in the article. Arrow keys pan; plus and minus zoom; 0 shows the whole world. The table of places below lists the same places."
                    viewBox=move || { let (w, h) = size.get(); format!("0 0 {w} {h}") }
                    data-zoom=move || format!("{:.2}", view.get().zoom())
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_end
                    on:pointercancel=on_pointer_end
                    on:keydown=on_key
                >
                    <defs>
                        <marker id="aa-route-arrow" viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path class="world-map__arrow" d="M0 0L10 5L0 10Z"/>
                        </marker>
                    </defs>
                    <g class="world-map__world" data-testid="map-transform" transform=move || view.get().transform()>
                        <path class="world-map__sphere" d=sphere_path()/>
                        {countries}
                    </g>
                    <Show when=move || show_route.get()>
                        <Route views=views groups=groups/>
                    </Show>
                    <For
                        each=move || groups.get()
                        key=|group| group.members.clone()
                        children=move |group| view! {
                            <Marker members=group.members views=views groups=groups selected=selected
                                view=view chosen_view=chosen_view/>
                        }
                    />
                </svg>
            </div>
            <p class="world-map__credit">
                "Map: Natural Earth (public domain), via world-atlas. Equal Earth projection."
            </p>
            <Show when=move || !has_places()>
                <p class="world-map__empty" data-testid="map-empty">
                    "No places were found in this article, so the map has no markers."
                </p>
            </Show>
            <MapLegend/>
            <PlaceCard selected=selected/>
            <PlacesTable views=views selected=selected/>
        </section>
    }
}

/// One marker: a place, or a cluster of places too close together at this zoom (choosing a
/// cluster zooms in on it).
#[component]
fn Marker(
    members: Vec<usize>,
    views: Memo<Vec<PlaceView>>,
    groups: Memo<Vec<MarkerGroup>>,
    selected: RwSignal<Option<usize>>,
    view: Memo<Viewport>,
    chosen_view: RwSignal<Option<Viewport>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let group = {
        let members = members.clone();
        Memo::new(move |_| {
            groups.with(|groups| groups.iter().find(|g| g.members == members).cloned())
        })
    };
    let places = {
        let members = members.clone();
        Memo::new(move |_| {
            views.with(|views| {
                members
                    .iter()
                    .filter_map(|&m| views.get(m).cloned())
                    .collect::<Vec<_>>()
            })
        })
    };
    let leader = move || places.with(|p| p.first().cloned());
    let entity = move || leader().map(|p| p.entity);
    let is_cluster = members.len() > 1;
    let at = move || group.with(|g| g.as_ref().map(|g| g.at).unwrap_or_default());
    let radius = move || group.with(|g| g.as_ref().map_or(6.0, |g| g.radius));
    let active = move || {
        let active = state.active_entity.get();
        active.is_some() && places.with(|p| p.iter().any(|v| Some(v.entity) == active))
    };
    let class = move || {
        let Some(lead) = leader() else {
            return String::new();
        };
        let mut class = if is_cluster {
            "world-map__marker world-map__marker--cluster".to_string()
        } else {
            format!(
                "world-map__marker world-map__marker--{}",
                lead.marker.code()
            )
        };
        if !is_cluster && lead.low_confidence {
            class.push_str(" world-map__marker--uncertain");
        }
        if active() {
            class.push_str(" world-map__marker--active");
        }
        if !is_cluster && selected.get() == Some(lead.entity) {
            class.push_str(" world-map__marker--selected");
        }
        class
    };
    let description = move || {
        places.with(|places| match places.as_slice() {
            [] => String::new(),
            [one] => {
                let mut text = format!(
                    "{}: {}, {}, {} mention{}",
                    one.name,
                    crate::map::places::kind_label(one.kind).to_lowercase(),
                    if one.country_name.is_empty() {
                        "no country"
                    } else {
                        &one.country_name
                    },
                    one.mentions,
                    if one.mentions == 1 { "" } else { "s" }
                );
                if one.low_confidence {
                    text.push_str(" (uncertain)");
                }
                text
            }
            many => format!(
                "{} places close together: {}. Choose to zoom in.",
                many.len(),
                many.iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
    };
    let choose = move || {
        if is_cluster {
            // Closer and centred on the cluster; clustering at the new zoom decides whether its
            // places part yet.
            let current = view.get_untracked();
            let target = at();
            let zoomed = current.zoom_at(CLUSTER_ZOOM, target);
            let moved = zoomed.to_screen(current.to_world(target));
            chosen_view.set(Some(zoomed.pan_by(
                current.width / 2.0 - moved.x,
                current.height / 2.0 - moved.y,
            )));
        } else if let Some(entity) = entity() {
            selected.set(if selected.get_untracked() == Some(entity) {
                None
            } else {
                Some(entity)
            });
        }
    };
    let activate = move || state.active_entity.set(entity());
    let deactivate = move || {
        if state.active_entity.get_untracked() == entity() {
            state.active_entity.set(None);
        }
    };
    let shape = move || {
        let r = radius();
        match leader() {
            Some(lead) if !is_cluster => lead.marker.shape(r),
            _ => crate::map::places::MarkerKind::City.shape(r),
        }
    };
    let label = move || group.with(|g| g.as_ref().map(|g| (g.label.clone(), g.label_box)));
    view! {
        <g
            class=class
            data-testid=if is_cluster { "map-cluster" } else { "map-marker" }
            data-map-target=""
            data-name=move || places.with(|p| p.iter().map(|v| v.name.clone()).collect::<Vec<_>>().join(", "))
            data-lat=move || leader().map(|p| format!("{:.4}", p.lat))
            data-lon=move || leader().map(|p| format!("{:.4}", p.lon))
            data-entity=move || entity().map(|e| e.to_string())
            transform=move || { let p = at(); format!("translate({:.1} {:.1})", p.x, p.y) }
            tabindex="0"
            role="button"
            aria-label=description
            on:mouseenter=move |_| activate()
            on:mouseleave=move |_| deactivate()
            on:focus=move |_| activate()
            on:blur=move |_| deactivate()
            on:click=move |_| choose()
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    ev.stop_propagation();
                    choose();
                }
            }
        >
            <title>{description}</title>
            <path class="world-map__shape" d=shape/>
            {move || (is_cluster).then(|| view! {
                <text class="world-map__count" dy="0.35em">{move || places.with(Vec::len)}</text>
            })}
            {move || (!is_cluster && leader().is_some_and(|p| p.low_confidence)).then(|| view! {
                <text class="world-map__doubt" dy="0.35em" aria-hidden="true">"?"</text>
            })}
        </g>
        {move || label().and_then(|(text, placed)| placed.map(|rect| {
            let origin = at();
            view! {
                <text
                    class="world-map__label"
                    x=format!("{:.1}", rect.x + 2.0 - origin.x)
                    y=format!("{:.1}", rect.y + rect.height * 0.75 - origin.y)
                    transform=format!("translate({:.1} {:.1})", origin.x, origin.y)
                    aria-hidden="true"
                >{text}</text>
            }
        }))}
    }
}

/// The route through the places in order of first mention: arrows between stops, numbered.
#[component]
fn Route(views: Memo<Vec<PlaceView>>, groups: Memo<Vec<MarkerGroup>>) -> impl IntoView {
    let stops = Memo::new(move |_| views.with(|views| groups.with(|groups| route(views, groups))));
    view! {
        <g class="world-map__route" data-testid="map-route">
            {move || stops.with(|stops| {
                stops.windows(2).map(|pair| {
                    let (from, to) = (pair[0].at, pair[1].at);
                    let length = from.distance(to).max(1e-6);
                    // Stop short of the next marker so the arrowhead stays visible.
                    let stop = ((length - pair[1].radius - 3.0) / length).max(0.0);
                    let end = Point::new(from.x + (to.x - from.x) * stop, from.y + (to.y - from.y) * stop);
                    view! {
                        <line class="world-map__leg" x1=format!("{:.1}", from.x) y1=format!("{:.1}", from.y)
                            x2=format!("{:.1}", end.x) y2=format!("{:.1}", end.y)
                            marker-end="url(#aa-route-arrow)"/>
                    }
                }).collect_view()
            })}
            {move || stops.with(|stops| {
                stops.iter().map(|stop| {
                    let numbers = stop.numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
                    let width = 10.0 + 7.0 * numbers.len() as f64;
                    let (x, y) = (stop.at.x - stop.radius - width / 2.0, stop.at.y - stop.radius - 8.0);
                    view! {
                        <g class="world-map__stop" transform=format!("translate({x:.1} {y:.1})")>
                            <rect x=format!("{:.1}", -width / 2.0) y="-8" width=format!("{width:.1}") height="16" rx="8"/>
                            <text dy="0.35em">{numbers}</text>
                        </g>
                    }
                }).collect_view()
            })}
        </g>
    }
}
