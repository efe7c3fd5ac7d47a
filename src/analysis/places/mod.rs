//! Place resolution: each LOC mention to a gazetteer entry, with a confidence, alternatives and
//! the evidence in words.
//!
//! The stages, in the order [`resolve_spans_with_evidence`] runs them (each rule is a
//! [`RuleId`] of the `Places` section of the rule table, switched off by the [`RuleSet`], and
//! records a [`RuleHit`] on the name it decided):
//! 1. candidates (`candidates.rs`): the name's gazetteer entries, folded, with possessives,
//!    directions, generic and facility words dropped one at a time; demonyms; counties without
//!    their title; other transliterations; each with a prior from what the place is;
//! 2. context (`context.rs`, `votes.rs`, `nearness.rs`): what the words around the name say of
//!    it, the country and region the article's names vote for, and the places near each
//!    candidate;
//! 3. scoring (`scoring.rs`), three passes: the first on priors and local evidence, the later
//!    ones with the article's focus and the earlier pass's choices; every mention of a name
//!    shares its best evidence;
//! 4. choice, with the filters that leave a name unplaced, the confidence and the explanation
//!    (`explanation.rs`, rendered from the chosen candidate's reasons);
//! 5. names placed within towns (`within_towns.rs`, `town_in_name.rs`);
//! 6. grouping into the analysis's places (`grouping.rs`).
//!
//! Every weight and threshold is a field of [`Weights`].
//!
//! Look-around: a mention's own words, its neighbouring mentions (the qualifier after it, the
//! list it stands in) and article-wide tallies kept per distinct name and per distinct place
//! (votes, focus, colocation); no tally is recomputed per mention: countries named, votes and
//! the focus are deduplicated or worked out once per name. A list is followed at most
//! `LIST_REACH` names each way (`context.rs`), and colocation reads at most `COLOCATION_REACH`
//! distinct names either side (`nearness.rs`).

mod candidates;
mod context;
mod explanation;
mod grouping;
mod model;
mod nearness;
mod scoring;
mod town_in_name;
mod votes;
mod weights;
mod within_towns;
mod words;

#[cfg(test)]
mod tests;

use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::{Entity, EntityType, Mention, Place, PlaceKind};
use crate::analysis::rules::{RuleHit, RuleId, RuleSet};
use crate::analysis::stable_sort;
use crate::analysis::text::Span;

use candidates::{clean_surface, dateline_place, ends_in_generic_word, generate, unscored};
use context::{
    acts_after, after_article, list_peers, listed_before_division_word, listed_before_street_word,
    qualifier_after, role_of, Role, TEAM_CITY,
};
use explanation::{explain, explain_government};
use grouping::group_places;
pub use model::{distance_km, Resolution};
use model::{Reason, Scored, TownEvidence, Via};
use nearness::{colocation_support, Neighbourhood};
use scoring::{lacks_local_support, score_context, share_evidence_within_names, Context, PASSES};
use town_in_name::place_by_town_in_name;
use votes::{
    country_focus, country_votes, currency_votes, demonyms_in, names_one_place_in, region_focus,
    region_votes, telephone_regions, telephone_votes, VoteTally,
};
pub use weights::Weights;
use within_towns::{place_in_article_region, place_in_owners, place_local_features};
pub(crate) use words::{is_generic_name, DIRECTION_WORDS};

/// How many alternatives a place keeps.
const MAX_ALTERNATIVES: usize = 5;

/// What the resolver reads besides the text: the gazetteer, its weights and which rules run.
#[derive(Clone, Copy)]
pub struct Resolver<'a> {
    pub gazetteer: &'a Gazetteer,
    pub weights: &'a Weights,
    pub rules: &'a RuleSet,
}

impl<'a> Resolver<'a> {
    /// The resolver over `gazetteer` with the default weights and every rule on.
    pub fn new(gazetteer: &'a Gazetteer) -> Resolver<'a> {
        Resolver {
            gazetteer,
            weights: &Weights::DEFAULT,
            rules: &RuleSet::ALL_ON,
        }
    }
}

/// The resolutions of the spans and of the evidence, and the rules that decided them.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub spans: Vec<Option<Resolution>>,
    pub evidence: Vec<Option<Resolution>>,
    pub rule_hits: Vec<RuleHit>,
}

/// Resolves LOC spans of `text`. `dateline` is the article's dateline span, if any.
pub fn resolve_spans(
    resolver: &Resolver,
    text: &str,
    spans: &[Span],
    dateline: Option<Span>,
) -> Vec<Option<Resolution>> {
    resolve_spans_with_evidence(resolver, text, spans, &[], dateline).spans
}

/// Resolves LOC spans together with `evidence`: place names that are no places of the article
/// themselves (the "Alexandria" of "Alexandria Police") but tell where it is. Both are resolved
/// as one set of names, so that each votes for the others' countries, regions and neighbours;
/// the second list holds the evidence's own resolutions. Evidence overlapping a span is ignored.
pub fn resolve_spans_with_evidence(
    resolver: &Resolver,
    text: &str,
    spans: &[Span],
    evidence: &[Span],
    dateline: Option<Span>,
) -> Resolved {
    let mut of_evidence: Vec<Option<Resolution>> = vec![None; evidence.len()];
    let kept: Vec<(usize, Span)> = evidence
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, e)| !spans.iter().any(|s| s.start < e.end && e.start < s.end))
        .collect();
    if kept.is_empty() {
        let (own, rule_hits) = resolve_all(resolver, text, spans, dateline);
        return Resolved {
            spans: own,
            evidence: of_evidence,
            rule_hits,
        };
    }
    // Text order, as the lists and qualifiers between neighbouring names expect.
    let mut merged: Vec<(Span, Origin)> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, Origin::Span(i)))
        .chain(kept.iter().map(|&(i, e)| (e, Origin::Evidence(i))))
        .collect();
    stable_sort::sort_by_key(&mut merged, |(s, _)| (s.start, s.end));
    let all: Vec<Span> = merged.iter().map(|(s, _)| *s).collect();
    let (resolved, rule_hits) = resolve_all(resolver, text, &all, dateline);
    let mut own = vec![None; spans.len()];
    for ((_, origin), resolution) in merged.iter().zip(resolved) {
        match *origin {
            Origin::Span(i) => own[i] = resolution,
            Origin::Evidence(i) => of_evidence[i] = resolution,
        }
    }
    Resolved {
        spans: own,
        evidence: of_evidence,
        rule_hits,
    }
}

/// Which list, and where in it, a name resolved with the others came from.
#[derive(Clone, Copy)]
enum Origin {
    Span(usize),
    Evidence(usize),
}

/// Resolves every span, and says which rules decided each.
fn resolve_all(
    resolver: &Resolver,
    text: &str,
    spans: &[Span],
    dateline: Option<Span>,
) -> (Vec<Option<Resolution>>, Vec<RuleHit>) {
    let Resolver {
        gazetteer,
        weights,
        rules,
    } = *resolver;
    let mut hits = Vec::new();
    let surfaces: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    // A name's candidates and the rules that found them depend on the name alone: an article
    // repeats its names, and each is looked up once.
    // The tables keyed by name are sized for the article's names up front, not rehashed as
    // they fill; bounded, as the recogniser's caches are.
    let names = spans.len().min(1 << 10);
    let mut generated: FnvMap<&str, (Vec<Scored>, Vec<RuleId>)> =
        FnvMap::with_capacity_and_hasher(names, Default::default());
    let mut candidates: Vec<Vec<Scored>> = surfaces
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if rules.enabled(RuleId::ListedBeforeStreets)
                && listed_before_street_word(text, spans, i)
            {
                hits.push(RuleHit {
                    rule: RuleId::ListedBeforeStreets,
                    span: spans[i],
                });
                return Vec::new();
            }
            // "Greene, Clark and Logan counties": each name is a county's.
            if let Some(word) = listed_before_division_word(text, spans, i)
                .filter(|_| rules.enabled(RuleId::ListedBeforeCounties))
            {
                let mut applied = vec![RuleId::ListedBeforeCounties];
                let county = format!("{} {word}", clean_surface(s));
                let counties = generate(resolver, &county, &mut applied);
                if counties
                    .iter()
                    .any(|c| gazetteer.kind(c.place) == PlaceKind::Admin2)
                {
                    hits.extend(applied.into_iter().map(|rule| RuleHit {
                        rule,
                        span: spans[i],
                    }));
                    return counties;
                }
            }
            let (found, applied) = generated.entry(s).or_insert_with(|| {
                let mut applied = Vec::new();
                let found = generate(resolver, s, &mut applied);
                (found, applied)
            });
            hits.extend(applied.iter().map(|&rule| RuleHit {
                rule,
                span: spans[i],
            }));
            found.clone()
        })
        .collect();
    let keys: Vec<String> = surfaces
        .iter()
        .map(|s| gazetteer.fold(clean_surface(s)))
        .collect();
    if rules.enabled(RuleId::CountyNamedInFull) {
        add_counties_named_in_full(resolver, &keys, spans, &mut candidates, &mut hits);
    }
    // A name the gazetteer does not know at all, before any rule has removed candidates. A name
    // it knows only in another spelling is a guess, as unknown to it where that guess lacks the
    // article's support.
    let unknown: Vec<bool> = candidates
        .iter()
        .enumerate()
        .map(|(i, list)| {
            list.iter().all(|c| c.via == Via::Spelling)
                && !(rules.enabled(RuleId::ListedBeforeStreets)
                    && listed_before_street_word(text, spans, i))
        })
        .collect();
    // "China, Japan" and "Washington, Pennsylvania" are lists, not a place and its region: a
    // qualifier of the same level as the name itself (two countries, two regions of one
    // country) qualifies nothing.
    let qualifiers: Vec<Vec<PlaceId>> = spans
        .iter()
        .zip(&candidates)
        .map(|(span, list)| {
            let found = qualifier_after(gazetteer, text, *span);
            let listed = found.iter().any(|&q| {
                list.iter().any(|c| {
                    c.via == Via::Name
                        && match (gazetteer.kind(c.place), gazetteer.kind(q)) {
                            (PlaceKind::Country, PlaceKind::Country) => true,
                            (PlaceKind::Admin1, PlaceKind::Admin1) => {
                                gazetteer.country_of(c.place) == gazetteer.country_of(q)
                            }
                            _ => false,
                        }
                })
            });
            if listed {
                Vec::new()
            } else {
                found
            }
        })
        .collect();
    let demonym_countries = if rules.enabled(RuleId::DemonymNamesItsCountry) {
        demonyms_in(gazetteer, text, spans)
    } else {
        Vec::new()
    };
    let phone_regions = if rules.enabled(RuleId::AreaCodeRegion) {
        telephone_regions(gazetteer, text)
    } else {
        Vec::new()
    };
    let (phone_country_votes, phone_region_votes) =
        telephone_votes(gazetteer, weights, &phone_regions);
    let money_votes = if rules.enabled(RuleId::CurrencyVote) {
        currency_votes(gazetteer, weights, text)
    } else {
        Vec::new()
    };
    let dateline_town = dateline
        .map(|d| d.slice(text))
        .and_then(|d| dateline_place(resolver, d));
    let dateline_country = dateline_town.and_then(|p| gazetteer.country_of(p));

    // Each distinct key's number, for the tables keyed by name and place on every pass.
    let key_ids: Vec<u32> = {
        let mut ids: FnvMap<&str, u32> =
            FnvMap::with_capacity_and_hasher(names, Default::default());
        keys.iter()
            .map(|key| {
                let next = ids.len() as u32;
                *ids.entry(key.as_str()).or_insert(next)
            })
            .collect()
    };
    let roles: Vec<Role> = spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let mut role = role_of(text, spans, i, *span, &qualifiers);
            // Only a region that holds one of the previous name's places qualifies it.
            role.qualifies.retain(|&q| {
                candidates[i - 1].iter().any(|c| match gazetteer.kind(q) {
                    PlaceKind::Admin1 => gazetteer.admin1_of(c.place) == Some(q),
                    _ => c.place != q && gazetteer.country_of(c.place) == Some(q),
                })
            });
            // Teams that make the national news come from cities; a name with no city of
            // 100,000 is a local side, from the town near the article's other places.
            role.opponent &= candidates[i].iter().any(|c| {
                gazetteer.kind(c.place) == PlaceKind::City
                    && gazetteer.population(c.place) >= TEAM_CITY
            });
            role
        })
        .collect();
    // Pass 1: priors and local evidence; later passes add the document's focus and nearness to
    // the places the earlier pass chose for the other names, so that evidence spreads along a
    // chain of names ("Dublin" near "Columbus" near "Franklin County").
    let mut chosen: Vec<Option<PlaceId>> = vec![None; spans.len()];
    let mut neighbourhood = Neighbourhood::default();
    for pass in 0..PASSES {
        let support =
            colocation_support(gazetteer, &candidates, &keys, &chosen, &mut neighbourhood);
        let mut votes = country_votes(
            gazetteer,
            weights,
            &candidates,
            &chosen,
            &keys,
            &demonym_countries,
        );
        votes.extend_from_slice(&phone_country_votes);
        votes.extend_from_slice(&money_votes);
        let regions = if pass == 0 {
            Vec::new()
        } else {
            let mut regions = region_votes(gazetteer, weights, &candidates, &chosen, &keys);
            regions.extend_from_slice(&phone_region_votes);
            regions
        };
        // The countries the article names outright, by the key of the name that names them, each
        // pair once: a country named on every line must not make each name read them all.
        let mut named_countries: Vec<(&str, PlaceId)> = Vec::new();
        let mut seen_named: FnvSet<(&str, PlaceId)> = FnvSet::default();
        for (place, key) in chosen.iter().zip(&keys) {
            if let Some(p) = place.filter(|&p| gazetteer.kind(p) == PlaceKind::Country) {
                if seen_named.insert((key.as_str(), p)) {
                    named_countries.push((key.as_str(), p));
                }
            }
        }
        let (country_tally, region_tally) = (VoteTally::new(&votes), VoteTally::new(&regions));
        // The focus leaves out the votes of the name itself, so it is worked out once per name.
        type Shares = Vec<(PlaceId, f64)>;
        let mut focus_by_key: FnvMap<&str, (Shares, Shares)> =
            FnvMap::with_capacity_and_hasher(names, Default::default());
        for (i, list) in candidates.iter_mut().enumerate() {
            // Naming France tells Paris from Paris, Kentucky; naming the United States does not
            // tell Washington from Washington state.
            let countries_named: Vec<PlaceId> = named_countries
                .iter()
                .filter(|(key, _)| *key != keys[i])
                .map(|&(_, p)| p)
                .filter(|&country| names_one_place_in(gazetteer, list, country))
                .collect();
            let (focus, region_focus): (&[_], &[_]) = if pass == 0 {
                (&[], &[])
            } else {
                let (focus, region_focus) =
                    focus_by_key.entry(keys[i].as_str()).or_insert_with(|| {
                        (
                            country_focus(&country_tally, &keys[i]),
                            region_focus(weights, &region_tally, &keys[i]),
                        )
                    });
                (focus, region_focus)
            };
            let peers = list_peers(gazetteer, &roles[i], &chosen);
            let owner = roles[i].owner.and_then(|o| chosen[o]);
            for c in list.iter_mut() {
                c.score = c.prior;
                c.reasons.clear();
                score_context(
                    gazetteer,
                    c,
                    &Context {
                        qualifiers: &qualifiers[i],
                        focus,
                        region_focus,
                        phone_regions: &phone_regions,
                        dateline_country,
                        support: &support[i],
                        role: &roles[i],
                        peers: &peers,
                        countries_named: &countries_named,
                        owner,
                        weights,
                        rules,
                    },
                );
            }
        }
        share_evidence_within_names(&mut candidates, &key_ids);
        for (i, list) in candidates.iter_mut().enumerate() {
            stable_sort::sort_by(list, |a, b| {
                b.score.total_cmp(&a.score).then(a.place.cmp(&b.place))
            });
            // A village is meant only where the article is local to it: without local evidence
            // it goes behind every other candidate.
            stable_sort::sort_by_key(list, |c| lacks_local_support(gazetteer, rules, c));
            chosen[i] = list
                .first()
                .filter(|c| !lacks_local_support(gazetteer, rules, c))
                .map(|c| c.place);
        }
    }
    let mut resolutions: Vec<Option<Resolution>> = candidates
        .iter()
        .zip(spans)
        .map(|(list, span)| {
            let best = list.first()?;
            // A town by a county's name, or a place whose name is only generic words ("North
            // Side", "West Coast", "Valley"), needs the article's support; a town of such a
            // name after "the" is not meant at all. A name that is a country's or a hand-chosen
            // region's, feature's or building's is a place's own name ("West Bank").
            let hand_chosen = list.iter().any(|c| {
                c.via == Via::Name
                    && matches!(
                        gazetteer.kind(c.place),
                        PlaceKind::Country
                            | PlaceKind::Continent
                            | PlaceKind::Region
                            | PlaceKind::Feature
                            | PlaceKind::Facility
                    )
            });
            let generic = !hand_chosen && is_generic_name(gazetteer.key(best.place));
            // "Thames Valley" is no town of Thames abroad: a valley or region is named after
            // its river or people more often than after a town. A direction before a city
            // ("North Dallas") names a part of it.
            let stripped_town = best.via == Via::Stripped
                && gazetteer.kind(best.place) == PlaceKind::City
                && ends_in_generic_word(span.slice(text));
            let weak =
                (matches!(best.via, Via::County | Via::Spelling) || generic || stripped_town)
                    && !best.supported;
            let unplaced_by = [
                (RuleId::WeakReadingNeedsSupport, weak),
                (
                    RuleId::GenericNameAfterThe,
                    generic
                        && gazetteer.kind(best.place) == PlaceKind::City
                        && after_article(text, *span),
                ),
                (
                    RuleId::NeedsLocalEvidence,
                    lacks_local_support(gazetteer, rules, best),
                ),
            ]
            .into_iter()
            .find(|&(rule, applies)| applies && rules.enabled(rule));
            if let Some((rule, _)) = unplaced_by {
                hits.push(RuleHit { rule, span: *span });
                return None;
            }
            let second = list.get(1).map(|c| c.score);
            let margin = second.map_or(weights.lone_candidate_margin, |s| best.score - s);
            let confidence = 1.0 / (1.0 + (-(margin + weights.confidence_offset)).exp());
            let mut alternatives = Vec::new();
            for c in list.iter().skip(1) {
                if alternatives.len() == MAX_ALTERNATIVES {
                    break;
                }
                if !alternatives.contains(&c.place) && c.place != best.place {
                    alternatives.push(c.place);
                }
            }
            let mut explanation = explain(gazetteer, best);
            let mut decided: Vec<RuleId> = best.via.rule().into_iter().collect();
            for reason in &best.reasons {
                decided.push(reason.rule());
                if let Reason::ArticleCountry(country) = reason {
                    if demonym_countries.contains(country) {
                        decided.push(RuleId::DemonymNamesItsCountry);
                    }
                    if money_votes.iter().any(|(_, c, _)| c == country) {
                        decided.push(RuleId::CurrencyVote);
                    }
                }
            }
            let government = gazetteer
                .country_of(best.place)
                .filter(|_| rules.enabled(RuleId::CapitalStandsForGovernment))
                .filter(|_| gazetteer.is_capital(best.place) && acts_after(text, *span));
            if let Some(country) = government {
                explanation.push_str("; ");
                explanation.push_str(&explain_government(gazetteer, country));
                decided.push(RuleId::CapitalStandsForGovernment);
            }
            Some(Resolution {
                place: best.place,
                confidence: (confidence * 100.0).round() / 100.0,
                alternatives,
                explanation,
                within: false,
                rules: decided,
            })
        })
        .collect();
    if rules.enabled(RuleId::TownOutsideArticleRegion) {
        place_in_article_region(
            gazetteer,
            weights,
            &keys,
            &roles,
            &candidates,
            &mut resolutions,
        );
    }
    if rules.enabled(RuleId::PlacedInItsOwner) {
        place_in_owners(gazetteer, weights, &candidates, &roles, &mut resolutions);
    }
    if rules.enabled(RuleId::TownInName) {
        place_by_town_in_name(gazetteer, weights, text, spans, &mut resolutions);
    }
    let facility_support: Vec<Option<TownEvidence>> = candidates
        .iter()
        .map(|list| {
            list.first()
                .filter(|c| c.via == Via::Facility)
                .map(|c| match (c.local, c.supported) {
                    (true, _) => TownEvidence::Local,
                    (false, true) => TownEvidence::Country,
                    (false, false) => TownEvidence::None,
                })
        })
        .collect();
    place_local_features(
        resolver,
        text,
        spans,
        &unknown,
        &facility_support,
        dateline_town,
        &mut resolutions,
    );
    for (resolution, span) in resolutions.iter().zip(spans) {
        for &rule in resolution.iter().flat_map(|r| &r.rules) {
            hits.push(RuleHit { rule, span: *span });
        }
    }
    stable_sort::sort_by_key(&mut hits, |hit| (hit.span.start, hit.span.end, hit.rule));
    hits.dedup();
    (resolutions, hits)
}

/// "Tallow deputies" in an article that names Tallow County: a bare name that the article also
/// writes with "County" or "Parish" may be that county, even where a town has the bare name
/// (a village of it elsewhere would otherwise be the only reading). The county joins the name's
/// candidates as a county without its title, which needs the article's support.
fn add_counties_named_in_full(
    resolver: &Resolver,
    keys: &[String],
    spans: &[Span],
    candidates: &mut [Vec<Scored>],
    hits: &mut Vec<RuleHit>,
) {
    let g = resolver.gazetteer;
    // Each distinct county name's counties, by the bare name before its title.
    let mut counties: FnvMap<&str, Vec<PlaceId>> = FnvMap::default();
    for (key, list) in keys.iter().zip(candidates.iter()) {
        let Some(bare) = key
            .strip_suffix(" county")
            .or_else(|| key.strip_suffix(" parish"))
        else {
            continue;
        };
        let entry = counties.entry(bare).or_default();
        for c in list.iter().filter(|c| g.kind(c.place) == PlaceKind::Admin2) {
            if !entry.contains(&c.place) {
                entry.push(c.place);
            }
        }
    }
    if counties.is_empty() {
        return;
    }
    for (i, key) in keys.iter().enumerate() {
        let Some(found) = counties.get(key.as_str()) else {
            continue;
        };
        let added: Vec<Scored> = found
            .iter()
            .filter(|&&county| candidates[i].iter().all(|c| c.place != county))
            .map(|&county| unscored(g, resolver.weights, county, Via::County))
            .collect();
        if added.is_empty() {
            continue;
        }
        candidates[i].extend(added);
        stable_sort::sort_by(&mut candidates[i], |a, b| {
            b.prior.total_cmp(&a.prior).then(a.place.cmp(&b.place))
        });
        hits.push(RuleHit {
            rule: RuleId::CountyNamedInFull,
            span: spans[i],
        });
    }
}

/// The `places` of an analysis: one per distinct place that the LOC entities resolve to, with
/// place names that are evidence only (see [`resolve_spans_with_evidence`]) and their
/// resolutions, and the rules that decided both.
pub fn resolve_entities_with_evidence(
    resolver: &Resolver,
    text: &str,
    mentions: &[Mention],
    entities: &[Entity],
    evidence: &[Span],
    dateline: Option<Span>,
) -> (Vec<Place>, Vec<Option<Resolution>>, Vec<RuleHit>) {
    let loc: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].label == EntityType::Loc)
        .collect();
    let spans: Vec<Span> = loc.iter().map(|&i| mentions[i].span()).collect();
    let resolved = resolve_spans_with_evidence(resolver, text, &spans, evidence, dateline);
    let places = group_places(
        resolver.gazetteer,
        text,
        mentions,
        entities,
        &loc,
        resolved.spans,
    );
    (places, resolved.evidence, resolved.rule_hits)
}
