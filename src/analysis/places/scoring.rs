use super::context::Role;
use super::model::{Reason, Scored};
use super::nearness::{lies_within, Colocation};
use super::weights::Weights;
use crate::analysis::fnv::FnvMap;
use crate::analysis::gazetteer::{Gazetteer, PlaceId, VILLAGE_POPULATION};
use crate::analysis::model::PlaceKind;
use crate::analysis::rules::{RuleId, RuleSet};

/// Passes of scoring: the first without the document's focus, then two that each spread the
/// previous pass's choices one step further along the article's names.
pub(super) const PASSES: usize = 3;

/// Whether a candidate needs local evidence it lacks: a town named like a country without a
/// qualifier, a namesake outside the place that holds it, a village (see
/// [`RuleId::NeedsLocalEvidence`]).
pub(super) fn lacks_local_support(g: &Gazetteer, rules: &RuleSet, c: &Scored) -> bool {
    rules.enabled(RuleId::NeedsLocalEvidence) && lacks_local_support_always(g, c)
}

fn lacks_local_support_always(g: &Gazetteer, c: &Scored) -> bool {
    c.needs_qualifier && !c.qualified
        || c.outside_owner
        || !c.local
            && g.kind(c.place) == PlaceKind::City
            && g.population(c.place) < VILLAGE_POPULATION
}

/// One name, one place: every mention of a name takes, for each candidate, the best evidence
/// any of its mentions has ("Clark County, Indiana" early on settles a later bare "Clark
/// County").
///
/// `key_ids` numbers each mention's key (one number per distinct key): the table below is
/// keyed by number and place, every candidate of every mention on every pass, and hashing the
/// key's text each time cost more than the rest of the sharing.
pub(super) fn share_evidence_within_names(candidates: &mut [Vec<Scored>], key_ids: &[u32]) {
    // Where the best of each name's candidate is, rather than a copy of it: the best is never
    // replaced below (only a better one replaces a candidate), so it can be copied from there.
    let mut best: FnvMap<(u32, PlaceId), (usize, usize)> = FnvMap::default();
    for (i, (list, &key)) in candidates.iter().zip(key_ids).enumerate() {
        for (j, c) in list.iter().enumerate() {
            let at = best.entry((key, c.place)).or_insert((i, j));
            if c.score > candidates[at.0][at.1].score {
                *at = (i, j);
            }
        }
    }
    for i in 0..candidates.len() {
        for j in 0..candidates[i].len() {
            let c = &candidates[i][j];
            let Some(&(bi, bj)) = best.get(&(key_ids[i], c.place)) else {
                continue;
            };
            if candidates[bi][bj].score > c.score {
                // The same place by the same name: only the evidence differs.
                candidates[i][j] = candidates[bi][bj].clone();
            }
        }
    }
}

pub(super) struct Context<'a> {
    pub(super) qualifiers: &'a [PlaceId],
    pub(super) focus: &'a [(PlaceId, f64)],
    /// First-level regions' shares of the article's places, as `focus` has countries'.
    pub(super) region_focus: &'a [(PlaceId, f64)],
    /// The regions of the article's telephone numbers' area codes.
    pub(super) phone_regions: &'a [PlaceId],
    pub(super) dateline_country: Option<PlaceId>,
    /// Per candidate (in `generate` order, by place): co-located places of other names.
    pub(super) support: &'a [Colocation],
    pub(super) role: &'a Role,
    /// What the names listed beside this one were read as (see `list_peers`).
    pub(super) peers: &'a [(PlaceKind, PlaceId)],
    /// Countries that other names of the article were read as.
    pub(super) countries_named: &'a [PlaceId],
    /// The place that the name holding this one was read as ("London's", "in New Orleans").
    pub(super) owner: Option<PlaceId>,
    pub(super) weights: &'a Weights,
    pub(super) rules: &'a RuleSet,
}

/// Adds to a candidate's score what the article says of it, rule by rule, with the reasons.
pub(super) fn score_context(g: &Gazetteer, c: &mut Scored, cx: &Context) {
    let (w, on) = (cx.weights, |rule| cx.rules.enabled(rule));
    let country = g.country_of(c.place);
    let admin1 = g.admin1_of(c.place);
    let kind = g.kind(c.place);
    if on(RuleId::RegionOfThePlaceBefore) && cx.role.qualifies.contains(&c.place) {
        c.score += w.qualifies_previous;
        c.supported = true;
        c.reasons.push(Reason::RegionOfThePlaceBefore);
    }
    // "New York Gov." says the state as plainly as "Salem, Oregon" does: as much as a
    // qualifier, so that a city of the name near the article's other places does not win.
    if on(RuleId::RegionalWordAfter) && cx.role.regional_word && kind == PlaceKind::Admin1 {
        c.score += w.regional_word;
        c.supported = true;
        c.reasons.push(Reason::RegionalWordAfter);
    }
    // A district council is the local government of a second-level division: "Haringey
    // Council" is the London borough's, not a town's of the name abroad, as plainly as a
    // qualifier says it.
    if on(RuleId::DistrictCouncil) && cx.role.council_word && kind == PlaceKind::Admin2 {
        c.score += w.district_council;
        c.supported = true;
        c.local = true;
        c.reasons.push(Reason::DistrictCouncil);
    }
    let listed_with_peers = on(RuleId::ListedWithPeers)
        && match kind {
            PlaceKind::Admin1 => cx
                .peers
                .iter()
                .any(|&(k, p)| k == kind && country == Some(p)),
            PlaceKind::Country => cx.peers.iter().any(|&(k, _)| k == kind),
            _ => false,
        };
    if listed_with_peers {
        c.score += w.listed_with_peers;
        c.supported = true;
        c.reasons.push(Reason::ListedWithPeers(kind));
    }
    // The region the article's places lie in: "Gainesville" in an article about Georgia.
    let region = if kind == PlaceKind::Admin1 {
        Some(c.place)
    } else {
        admin1
    };
    // "London's Heathrow", "Juniper in New Orleans": what a place holds lies in it; a namesake
    // elsewhere is not meant, and with none inside the name is better left unplaced.
    // A country or region is no part of a town ("the Embassy of Chile in Kenya").
    c.outside_owner = false;
    if let Some(owner) = cx.owner.filter(|_| {
        on(RuleId::HeldByItsOwner) && matches!(kind, PlaceKind::City | PlaceKind::Admin2)
    }) {
        match lies_within(g, c.place, owner) {
            Some(true) => {
                c.score += w.within_owner;
                c.supported = true;
                c.local = true;
                c.reasons.push(Reason::Owned(owner));
            }
            Some(false) => c.outside_owner = true,
            None => {}
        }
    }
    // A team is not from the town where it plays: where the article is local says nothing of
    // which town of the name it comes from.
    let as_team = on(RuleId::SideInAGame) && cx.role.opponent && kind == PlaceKind::City;
    if as_team {
        c.reasons.push(Reason::SideInAGame);
    }
    if let Some(region) = region.filter(|_| !as_team && on(RuleId::ArticleRegion)) {
        if let Some(&(_, share)) = cx.region_focus.iter().find(|(p, _)| *p == region) {
            c.score += w.article_region * share;
            if share >= w.support_share {
                c.supported = true;
                c.local = true;
                if region != c.place {
                    c.reasons.push(if cx.phone_regions.contains(&region) {
                        Reason::AreaCode(region)
                    } else {
                        Reason::ArticleRegion(region)
                    });
                }
            }
        }
    }
    for &q in cx.qualifiers.iter().filter(|_| on(RuleId::QualifierAfter)) {
        let inside = match g.kind(q) {
            PlaceKind::Country => country == Some(q) && c.place != q,
            PlaceKind::Admin1 => admin1 == Some(q) && c.place != q,
            _ => false,
        };
        if inside {
            c.score += w.qualifier_after;
            c.supported = true;
            c.local = true;
            c.qualified = true;
            c.reasons.push(Reason::FollowedBy(q));
            break;
        }
    }
    if let Some(country) = country {
        let focus = cx.focus.iter().filter(|_| on(RuleId::ArticleCountry));
        if let Some(&(_, share)) = focus.into_iter().find(|(p, _)| *p == country) {
            if share >= w.support_share && c.place != country {
                c.supported = true;
            }
            if share > 0.0 && c.place != country {
                // A region of the country the article is about is likelier than a town.
                let weight = match g.kind(c.place) {
                    PlaceKind::Admin1 => w.article_country_region,
                    _ => w.article_country_place,
                };
                c.score += weight * share;
                if share >= w.support_share {
                    c.reasons.push(Reason::ArticleCountry(country));
                }
            } else if share > 0.0 {
                // The country itself, named in an article about it.
                c.score += w.article_country_itself * share;
            }
        }
        if on(RuleId::DatelineCountry) && cx.dateline_country == Some(country) && c.place != country
        {
            c.score += w.dateline_country;
            c.reasons.push(Reason::DatelineCountry);
        }
        // "Paris" in an article that names France is its capital, even where the article's
        // other places are all near a small Paris elsewhere: a nation's capital is what a
        // writer who names the nation means by the name.
        if on(RuleId::CapitalOfNamedCountry)
            && g.is_capital(c.place)
            && cx.countries_named.contains(&country)
        {
            c.score += w.capital_of_named_country;
            c.supported = true;
            c.reasons.push(Reason::CapitalOfNamed(country));
        } else if on(RuleId::BigCityInNamedCountry)
            && kind == PlaceKind::City
            && g.population(c.place) >= w.big_city
            && cx.countries_named.contains(&country)
        {
            c.score += w.city_in_named_country;
            c.supported = true;
            c.reasons.push(Reason::InNamedCountry(country));
        }
    }
    if let Some(&Colocation {
        support,
        nearby,
        nearest: near,
        ..
    }) = cx
        .support
        .iter()
        .find(|s| s.place == c.place)
        .filter(|_| !as_team && on(RuleId::NearOtherPlaces))
    {
        if support > 0.0 {
            c.score += w.near_other_places * support.min(w.near_support_cap);
            if support >= w.support_share {
                c.supported = true;
                // A village needs a place near it: its state named somewhere is not enough.
                c.local |= nearby >= w.support_share;
                if let Some(near) = near {
                    c.reasons.push(Reason::Near(near));
                }
            }
        }
    }
}
