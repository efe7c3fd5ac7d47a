//! The resolver's weights and thresholds in one table.
//!
//! Every number that moves a candidate's score or decides whether evidence counts lives here,
//! named and documented, so that the table can be reviewed in one place and fitted on data.
//!
//! The values began as rules of thumb (a country outweighs a town of its name; a qualifier
//! outweighs anything the rest of the article says). `scripts/fit_weights.py` fits them on half
//! A of the geoparsing dev splits by coordinate ascent on acc@161 and end to end, taking a
//! change only when it gains at least about one toponym and bootstrap resamples of A's
//! documents agree; it then reports both tables on half B. Its last run left every value as it
//! is: each gain it found on A came from one document (it held in 65% of the resamples, the
//! share that hold any one document), and taking those gains lowered B. So the table below is
//! the fitted one. `article-atlas eval --weights FILE` reads another table, for such runs. Distances that define nearness (`nearness.rs`) and the bounds on how much work the
//! resolver does (candidates per name, passes) are no weights and stay beside their code.

use serde::{Deserialize, Serialize};

/// See the module doc. [`Weights::default`] holds the values the resolver was built with.
///
/// Deserialising reads a partial table: a weight left out keeps its default, and an unknown
/// name is an error, so that a misspelt weight in a fitted table cannot go unnoticed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    // Priors: what a place is, before any context.
    /// Prior of a country.
    pub prior_country: f64,
    /// Prior of a continent.
    pub prior_continent: f64,
    /// Prior of a hand-chosen region ("Middle East") or natural feature.
    pub prior_region_or_feature: f64,
    /// Prior of a hand-chosen building ("White House").
    pub prior_facility: f64,
    /// Prior of a first-level region, before its size: a region's name is written for the
    /// region far more often than for a town of its name elsewhere.
    pub prior_admin1: f64,
    /// Prior of a first-level region per power of ten of its population.
    pub prior_admin1_per_size: f64,
    /// Prior of a second-level division (counties have no population in the gazetteer).
    pub prior_admin2: f64,
    /// Prior of a town per power of ten of its population.
    pub prior_town_per_size: f64,
    /// Prior a national capital adds to its town's.
    pub prior_capital: f64,
    /// Prior change for a candidate found by another of its names.
    pub via_alternate_name: f64,
    /// Prior change for a country found by its demonym ("Russian").
    pub via_demonym: f64,
    /// Prior change for a place found after dropping directions or generic words.
    pub via_stripped: f64,
    /// Prior change for the place a facility is named after ("Bushehr nuclear power plant").
    pub via_facility: f64,
    /// Prior change for a county found without its title ("Multnomah"), or a town found by a
    /// county's name.
    pub via_county: f64,
    /// Prior change for a place found by another transliteration ("Menoufia").
    pub via_spelling: f64,
    /// Prior change for a region named after its own city ("Isfahan"): the city is meant.
    pub region_named_after_city: f64,
    /// Prior change for another place's other name when the name is a country's or region's
    /// own ("Mexico" is also Mexico City).
    pub other_name_of_country_or_region: f64,
    /// Prior change for a town or county named like a country, continent, hand-chosen region,
    /// feature or building ("Poland, Ohio"): it also needs a qualifier.
    pub town_named_like_country: f64,
    /// Prior change for a town or county named like a first-level region ("Virginia").
    pub town_named_like_region: f64,
    /// Prior change for a place written in lower case when the name is an acronym ("EU").
    pub acronym_for_a_word: f64,

    // Context: what the words around a name and the rest of the article say.
    /// The region or country that the name qualifies holds the name before it ("Buffalo, New
    /// York").
    pub qualifies_previous: f64,
    /// A word after the name that only a region takes ("New York state", "Texas Gov.").
    pub regional_word: f64,
    /// A district council after the name makes it a second-level division ("Haringey Council").
    pub district_council: f64,
    /// Listed with names read as countries, or as regions of one country.
    pub listed_with_peers: f64,
    /// Lies in the place that holds it ("London's Heathrow", "Juniper in New Orleans").
    pub within_owner: f64,
    /// Times the share of the article's places that lie in the candidate's first-level region.
    pub article_region: f64,
    /// The region or country written right after the name ("Paris, Texas").
    pub qualifier_after: f64,
    /// Times the share of the article's votes for the country a first-level region lies in.
    pub article_country_region: f64,
    /// Times the share of the article's votes for the country any other place lies in.
    pub article_country_place: f64,
    /// Times the share of the article's votes for the country the name itself names.
    pub article_country_itself: f64,
    /// Lies in the country of the dateline's town.
    pub dateline_country: f64,
    /// The capital of a country the article names.
    pub capital_of_named_country: f64,
    /// A city of `big_city` people or more in a country the article names.
    pub city_in_named_country: f64,
    /// How many people make a city that a writer who names its country may mean by the name.
    pub big_city: u64,
    /// Times the support of the article's other names that lie near the candidate.
    pub near_other_places: f64,
    /// The most support from other names that counts.
    pub near_support_cap: f64,
    /// The share of the article's votes, or the support of its other names, from which the
    /// evidence supports a candidate (and, for a region or nearness, is local evidence).
    pub support_share: f64,

    // Votes for the article's country and first-level region.
    /// A country's or region's vote for its country or region.
    pub vote_of_region_or_country: f64,
    /// A town's or county's vote.
    pub vote_of_town: f64,
    /// Times the vote of a name whose candidates lie in several countries or regions.
    pub ambiguous_vote: f64,
    /// A demonym's vote for its country.
    pub demonym_vote: f64,
    /// A telephone area code's vote for its country.
    pub area_code_country_vote: f64,
    /// A telephone area code's vote for its region: as strong as a region the article names.
    pub area_code_region_vote: f64,
    /// The vote of a currency the article prices in for its country.
    pub currency_vote: f64,
    /// The weight of regional votes at which a region's share counts half: one town in
    /// Kentucky does not make an article about Kentucky.
    pub region_votes_for_half_certainty: f64,

    // Confidence and what counts as sure.
    /// The margin over the second candidate that a name with one candidate is given.
    pub lone_candidate_margin: f64,
    /// Added to the margin before the logistic that turns it into a confidence.
    pub confidence_offset: f64,
    /// The confidence a town's resolution needs before the streets, buildings and names around
    /// it are placed in it.
    pub sure_town: f64,
    /// The confidence of a name placed within a town: the town is sure, the spot is not.
    pub within_town_confidence: f64,
}

impl Weights {
    /// The values the resolver was built with.
    pub const DEFAULT: Weights = Weights {
        prior_country: 9.0,
        prior_continent: 8.5,
        prior_region_or_feature: 8.0,
        prior_facility: 10.0,
        prior_admin1: 5.0,
        prior_admin1_per_size: 0.5,
        prior_admin2: 6.0,
        prior_town_per_size: 1.5,
        prior_capital: 2.5,
        via_alternate_name: -2.5,
        via_demonym: -0.5,
        via_stripped: -0.5,
        via_facility: -1.0,
        via_county: -1.0,
        via_spelling: -3.0,
        region_named_after_city: -3.0,
        other_name_of_country_or_region: -3.0,
        town_named_like_country: -4.0,
        town_named_like_region: -3.0,
        acronym_for_a_word: -5.0,

        qualifies_previous: 8.0,
        regional_word: 8.0,
        district_council: 8.0,
        listed_with_peers: 3.0,
        within_owner: 4.0,
        article_region: 6.0,
        qualifier_after: 8.0,
        article_country_region: 8.0,
        article_country_place: 6.0,
        article_country_itself: 8.0,
        dateline_country: 1.0,
        capital_of_named_country: 6.0,
        city_in_named_country: 4.0,
        big_city: 100_000,
        near_other_places: 2.5,
        near_support_cap: 2.0,
        support_share: 0.3,

        vote_of_region_or_country: 1.0,
        vote_of_town: 0.7,
        ambiguous_vote: 0.4,
        demonym_vote: 0.5,
        area_code_country_vote: 0.5,
        area_code_region_vote: 1.0,
        currency_vote: 0.5,
        region_votes_for_half_certainty: 2.0,

        lone_candidate_margin: 4.0,
        confidence_offset: 0.5,
        sure_town: 0.9,
        within_town_confidence: 0.3,
    };
}

impl Default for Weights {
    fn default() -> Weights {
        Weights::DEFAULT
    }
}
