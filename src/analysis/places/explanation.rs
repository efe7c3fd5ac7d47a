use super::model::{Reason, Scored, Via};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;

pub(super) fn explain(g: &Gazetteer, best: &Scored) -> String {
    let place = best.place;
    let country = g
        .country_of(place)
        .filter(|&c| c != place)
        .map(|c| g.name(c));
    let mut what = match g.kind(place) {
        PlaceKind::Country => "a country".to_string(),
        PlaceKind::Continent => "a continent".to_string(),
        PlaceKind::Region => "a region".to_string(),
        PlaceKind::Feature => "a natural feature".to_string(),
        PlaceKind::Facility => "a facility".to_string(),
        PlaceKind::Admin1 => match &country {
            Some(c) => format!("a region of {c}"),
            None => "a region".to_string(),
        },
        PlaceKind::Admin2 => match (g.admin1_of(place), &country) {
            (Some(region), _) => format!("a county of {}", g.name(region)),
            (None, Some(c)) => format!("a second-level division of {c}"),
            (None, None) => "a second-level division".to_string(),
        },
        PlaceKind::City => {
            let size = describe_population(g.population(place));
            let capital = if g.is_capital(place) {
                match &country {
                    Some(c) => format!("capital of {c}, "),
                    None => "a capital, ".to_string(),
                }
            } else {
                String::new()
            };
            match &country {
                Some(c) if capital.is_empty() => format!("a city of {size} in {c}"),
                _ => format!("{capital}a city of {size}"),
            }
        }
    };
    match best.via {
        Via::Demonym => what = format!("{what}, named by its demonym"),
        Via::Facility => what = format!("{what}, the place the facility is named after"),
        Via::AlternateName => what = format!("{what} (another name for {})", g.name(place)),
        Via::Spelling => what = format!("{what} (another spelling of {})", g.name(place)),
        _ => {}
    }
    for words in best.reasons.iter().filter_map(|reason| reason.describe(g)) {
        what.push_str("; ");
        what.push_str(&words);
    }
    what
}

pub(super) fn describe_population(population: u64) -> String {
    match population {
        0 => "unknown size".to_string(),
        p if p >= 1_000_000 => format!("{:.1} million", p as f64 / 1e6),
        p if p >= 10_000 => format!("{},000", (p + 500) / 1000),
        p => format!("about {}", (p + 50) / 100 * 100),
    }
}

impl Reason {
    /// The reason in words, or `None` for evidence that moves the score without a word.
    fn describe(self, g: &Gazetteer) -> Option<String> {
        Some(match self {
            Reason::RegionOfThePlaceBefore => "the region of the place before it".to_string(),
            Reason::RegionalWordAfter | Reason::DatelineCountry | Reason::SideInAGame => {
                return None
            }
            Reason::DistrictCouncil => "its council governs a district".to_string(),
            Reason::ListedWithPeers(PlaceKind::Country) => {
                "listed with other countries".to_string()
            }
            Reason::ListedWithPeers(_) => "listed with other regions".to_string(),
            Reason::ArticleRegion(region) => {
                format!("the article's places are in {}", g.name(region))
            }
            Reason::AreaCode(region) => {
                format!("the article gives a telephone number in {}", g.name(region))
            }
            Reason::FollowedBy(q) => format!("followed by “{}”", g.name(q)),
            Reason::ArticleCountry(country) => format!("the article is about {}", g.name(country)),
            Reason::Near(near) if g.kind(near) == PlaceKind::Admin1 => {
                format!("{} is mentioned", g.name(near))
            }
            Reason::Near(near) => format!("near {}", g.name(near)),
            Reason::CapitalOfNamed(country) => {
                format!("capital of {}, which the article names", g.name(country))
            }
            Reason::Owned(owner) => format!("in {}, as the text says", g.name(owner)),
            Reason::InNamedCountry(country) => {
                format!("in {}, which the article names", g.name(country))
            }
        })
    }
}

/// The note on a capital that stands for its country's government.
pub(super) fn explain_government(g: &Gazetteer, country: PlaceId) -> String {
    format!("stands for the government of {}", g.name(country))
}
