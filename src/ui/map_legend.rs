//! What the map's shapes, colours and outlines mean.

use leptos::prelude::*;

use crate::map::places::{MarkerKind, CHOROPLETH_STEPS};

#[component]
pub fn MapLegend() -> impl IntoView {
    view! {
        <details class="map-legend" data-testid="map-legend" open>
            <summary class="map-legend__summary">"What the map shows"</summary>
            <ul class="map-legend__list">
                {MarkerKind::ALL.into_iter().map(|kind| view! {
                    <li class="map-legend__item">
                        <svg class="map-legend__swatch" viewBox="-10 -10 20 20" aria-hidden="true">
                            <path class=format!("world-map__shape map-legend__shape--{}", kind.code()) d=kind.shape(7.0)/>
                        </svg>
                        {kind.legend()}
                    </li>
                }).collect_view()}
                <li class="map-legend__item">
                    <svg class="map-legend__swatch" viewBox="-10 -10 20 20" aria-hidden="true">
                        <path class="world-map__shape map-legend__shape--uncertain" d=MarkerKind::City.shape(7.0)/>
                        <text class="world-map__doubt" dy="0.35em">"?"</text>
                    </svg>
                    "Uncertain reading (dashed, with “?”): choose the place to correct it"
                </li>
                <li class="map-legend__item">
                    <svg class="map-legend__swatch" viewBox="-10 -10 20 20" aria-hidden="true">
                        <circle class="world-map__shape map-legend__shape--cluster" r="8"/>
                        <text class="world-map__count" dy="0.35em">"2"</text>
                    </svg>
                    "Places too close to tell apart at this zoom: choose to zoom in"
                </li>
                <li class="map-legend__item">"Bigger marker: more mentions"</li>
            </ul>
            <p class="map-legend__steps-title">"Countries by mentions (a country, or places in it)"</p>
            <ul class="map-legend__steps">
                {CHOROPLETH_STEPS.into_iter().enumerate().map(|(i, (_, label))| view! {
                    <li class="map-legend__step">
                        <span class=format!("map-legend__chip world-map__chip--step{}", i + 1) aria-hidden="true"></span>
                        {label}
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}
