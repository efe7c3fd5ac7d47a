//! Streets and roads known by their written form rather than by a lexicon: numbered roads
//! ("Highway 10", "County Road 43", "I-75") and abbreviated street names ("18 Garnet St.",
//! "N. High St.", "14th St."). Found before names are chunked, like dates, so that the number
//! and the abbreviation's stop stay inside the mention.
//!
//! Look-around: a few tokens around a road word or a street abbreviation.

use super::dates::Found;
use super::tokens::{is_capitalised, Token, TokenKind};
use super::EntityType;
use crate::analysis::Span;

/// Words that, before a number, name a road ("Highway 10", "Route 1", "Interstate 95").
const ROAD_WORDS: &[&str] = &[
    "Highway",
    "Hwy",
    "Route",
    "Interstate",
    "Motorway",
    "Freeway",
    "Expressway",
    "Beltway",
    "Loop",
];
/// Words that may open a numbered road's name: "State Route 9", "U.S. Highway 1".
const ROAD_QUALIFIERS: &[&str] = &[
    "State",
    "County",
    "U.S.",
    "US",
    "Federal",
    "National",
    "Provincial",
    "Trunk",
];
/// Road codes joined to their number by a hyphen: "I-75", "US-24", "SR-9".
const ROAD_CODES: &[&str] = &["I", "US", "SR", "IH", "CR"];
/// Abbreviated street types written after the name with a stop: "Garnet St.", "Main Ave.".
const STREET_ABBREVIATIONS: &[&str] = &[
    "St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Pkwy", "Ct", "Pl", "Cir", "Ter", "Hwy", "Sq",
];
/// Street types written out after an ordinal: "57th Street", "Fifth Avenue" is a name already.
const ORDINAL_STREET_TYPES: &[&str] = &[
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
    "Drive",
    "Lane",
    "Place",
    "Terrace",
    "Parkway",
];
/// Compass words before a numbered street: "Southwest 12th Street".
const COMPASS_BEFORE_NUMBERED_STREET: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
    "NW",
    "NE",
    "SW",
    "SE",
];
/// Compass abbreviations before a street's name: "N. High St.", "W. Bridge St."
const COMPASS_ABBREVIATIONS: &[&str] = &["N", "S", "E", "W", "NE", "NW", "SE", "SW"];

struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
    taken: Vec<bool>,
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn free(&self, i: usize) -> bool {
        i < self.tokens.len() && !self.taken[i]
    }

    /// Token `i` follows token `i - 1` on the same line.
    fn joined(&self, i: usize) -> bool {
        i > 0 && self.tokens.get(i).is_some_and(|t| !t.line_start)
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.free(i) && self.kind(i) == Some(TokenKind::Word) && is_capitalised(self.word(i))
    }

    /// A road number: digits with at most one letter after them ("10", "9A").
    fn is_road_number(&self, i: usize) -> bool {
        let w = self.word(i);
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        self.free(i)
            && self.kind(i) == Some(TokenKind::Number)
            && (1..=4).contains(&digits)
            && w.len() - digits <= 1
            && w[digits..].chars().all(|c| c.is_ascii_uppercase())
    }

    fn is_ordinal(&self, i: usize) -> bool {
        let w = self.word(i);
        self.free(i)
            && self.kind(i) == Some(TokenKind::Number)
            && ["st", "nd", "rd", "th"].iter().any(|end| {
                w.strip_suffix(end)
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(
            self.tokens[first].span().start,
            self.tokens[last].span().end,
        )
    }

    /// "Highway 10", "State Route 9", "County Road 43": the last token of the number.
    fn numbered_road(&self, i: usize) -> Option<(usize, usize)> {
        let w = self.word(i);
        let road = ROAD_WORDS.contains(&w)
            || (w == "Road" && i > 0 && matches!(self.word(i - 1), "County" | "State"));
        if !(road && self.is_name_word(i) && self.joined(i + 1) && self.is_road_number(i + 1)) {
            return None;
        }
        let mut first = i;
        while first > 0
            && self.joined(first)
            && self.is_name_word(first - 1)
            && ROAD_QUALIFIERS.contains(&self.word(first - 1))
        {
            first -= 1;
        }
        // "Yellow Medicine County Road 17": a named county's road is the county's name and more;
        // the number alone does not settle where the name starts.
        if first > 0 && self.joined(first) && self.is_name_word(first - 1) {
            return None;
        }
        Some((first, i + 1))
    }

    /// "I-75", "US-24".
    fn road_code(&self, i: usize) -> bool {
        let w = self.word(i);
        self.free(i)
            && self.kind(i) == Some(TokenKind::Word)
            && w.bytes().any(|b| b == b'-')
            && w.split_once('-').is_some_and(|(code, number)| {
                ROAD_CODES.contains(&code)
                    && (1..=3).contains(&number.len())
                    && number.chars().all(|c| c.is_ascii_digit())
            })
    }

    /// "57th Street", "Southwest 12th Street": an ordinal before a street type. The first and
    /// last tokens.
    fn numbered_street(&self, i: usize) -> Option<(usize, usize)> {
        let street = i + 1;
        if !(self.is_ordinal(i)
            && self.joined(street)
            && self.is_name_word(street)
            && ORDINAL_STREET_TYPES.contains(&self.word(street)))
        {
            return None;
        }
        let compass = i > 0
            && self.joined(i)
            && self.is_name_word(i - 1)
            && COMPASS_BEFORE_NUMBERED_STREET.contains(&self.word(i - 1));
        Some((if compass { i - 1 } else { i }, street))
    }

    /// "18 Garnet St.", "N. High St.", "14th St.", "Tupelo St., Lafayette": the first
    /// token of the street's name, ending at the abbreviation `i` and its stop.
    fn abbreviated_street(&self, i: usize) -> Option<usize> {
        let abbreviation = self.word(i);
        let stop = i + 1;
        let stop_attached = self.tokens.get(stop).is_some_and(|t| t.attached);
        if !(STREET_ABBREVIATIONS.contains(&abbreviation)
            && self.is_name_word(i)
            && self.word(stop) == "."
            && stop_attached
            && self.joined(i))
        {
            return None;
        }
        let mut first = i;
        while first > 0 && self.joined(first) && first + 4 > i {
            let prev = first - 1;
            if self.is_ordinal(prev) {
                first = prev;
                break;
            }
            if !self.is_name_word(prev) || COMPASS_ABBREVIATIONS.contains(&self.word(prev)) {
                break;
            }
            first = prev;
        }
        if first == i {
            return None;
        }
        // "N. High St.": a compass point abbreviated before the name.
        if first >= 2
            && self.word(first - 1) == "."
            && COMPASS_ABBREVIATIONS.contains(&self.word(first - 2))
            && self.is_name_word(first - 2)
            && self.joined(first - 1)
        {
            first -= 2;
        }
        let numbered = first > 0 && self.kind(first - 1) == Some(TokenKind::Number);
        // "St. Paul", "Dr. Smith": before a capitalised word the abbreviation may open a name,
        // so only a house number says it ends a street's.
        let next_opens_name = self.tokens.get(stop + 1).is_some_and(|t| {
            !t.line_start && t.kind == TokenKind::Word && is_capitalised(t.text(self.text))
        });
        // "14th St. Thursday": no saint or doctor is numbered, so an ordinal ends a street's name.
        let ordinal = (first..i).any(|k| self.is_ordinal(k));
        (numbered || ordinal || !next_opens_name).then_some(first)
    }
}

/// Roads and streets in `tokens`, skipping tokens that `found` already covers.
pub fn find(text: &str, tokens: &[Token], found: &[Found]) -> Vec<Found> {
    let mut taken = vec![false; tokens.len()];
    for f in found {
        for t in taken.iter_mut().take(f.last + 1).skip(f.first) {
            *t = true;
        }
    }
    let mut scan = Scan {
        text,
        tokens,
        taken,
    };
    let mut roads = Vec::new();
    for i in 0..tokens.len() {
        let hit = if let Some((first, last)) = scan.numbered_road(i) {
            Some((first, last, "a road's number follows its name"))
        } else if let Some((first, last)) = scan.numbered_street(i) {
            Some((first, last, "an ordinal number names the street"))
        } else if scan.road_code(i) {
            Some((i, i, "a road's code and number"))
        } else {
            scan.abbreviated_street(i)
                .map(|first| (first, i + 1, "an abbreviated street name"))
        };
        let Some((first, last, why)) = hit else {
            continue;
        };
        if (first..=last).any(|k| scan.taken[k]) {
            continue;
        }
        for t in scan.taken.iter_mut().take(last + 1).skip(first) {
            *t = true;
        }
        roads.push(Found {
            span: scan.span(first, last),
            first,
            last,
            label: EntityType::Loc,
            explanation: why.to_string(),
        });
    }
    roads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tokens::tokenize;

    fn roads(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(text, &tokens, &[])
            .iter()
            .map(|f| f.span.slice(text))
            .collect()
    }

    #[test]
    fn numbered_roads_codes_and_abbreviated_streets() {
        assert_eq!(
            roads("Highway 10 and State Route 9 near I-75, then County Road 43."),
            ["Highway 10", "State Route 9", "I-75", "County Road 43"]
        );
        assert_eq!(
            roads("He lives at 18 Garnet St. Police came to 75 N. High St. and 14th St."),
            ["Garnet St.", "N. High St.", "14th St."]
        );
        assert_eq!(
            roads("St. Paul met Dr. Smith on Yellow Medicine County Road 17."),
            [""; 0]
        );
        assert_eq!(roads("A shop on Tupelo St., next door."), ["Tupelo St."]);
        assert_eq!(
            roads("At 57th Street and Southwest 12th Street."),
            ["57th Street", "Southwest 12th Street"]
        );
    }
}
