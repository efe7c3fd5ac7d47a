//! Telephone numbers as evidence of where an article is local to.
//!
//! A North American number's area code belongs to one state or province: "reach the detachment
//! at 519-555-0142" places the article in Ontario even where it never names the province.
//! `data/lexicon/area-codes.tsv` (built by `scripts/data/phones.py` from libphonenumber's
//! geocoding data) maps each area code to a GeoNames admin-1 code; toll-free codes ("1-800")
//! are not in it, so they place nothing.
//!
//! Look-around: one pass over the text; a number reads only its own digits and separators.

use super::sorted_lines;

const AREA_CODES: &str = include_str!("../../data/lexicon/area-codes.tsv");

/// The admin-1 codes ("CA.08") of the North American telephone numbers in `text`, each once, in
/// order of first appearance.
pub fn area_code_regions(text: &str) -> Vec<&'static str> {
    let bytes = text.as_bytes();
    let mut regions: Vec<&'static str> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !starts_token(bytes, at) {
            at += 1;
            continue;
        }
        match north_american_number(bytes, at) {
            Some((area_code, end)) => {
                if let Some(region) = region_of(area_code) {
                    if !regions.contains(&region) {
                        regions.push(region);
                    }
                }
                at = end;
            }
            None => at += 1,
        }
    }
    regions
}

/// The admin-1 code an area code serves, if it serves one region.
fn region_of(area_code: &[u8]) -> Option<&'static str> {
    let line = sorted_lines::find(AREA_CODES.as_bytes(), area_code)?;
    std::str::from_utf8(sorted_lines::value_of(line))
        .ok()
        .filter(|code| !code.is_empty())
}

/// Whether a number may start at `at`: "(" or a digit or "+", not inside a word or a longer
/// number.
fn starts_token(bytes: &[u8], at: usize) -> bool {
    let first = bytes[at];
    (first.is_ascii_digit() || first == b'(' || first == b'+')
        && at
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_none_or(|&b| !b.is_ascii_alphanumeric() && !matches!(b, b'-' | b'.' | b'/'))
}

/// A number written "(519) 555-0142", "519-555-0142", "519.555.0142", "1-519-555-0142" or
/// "+1 519 555 0142" at `at`: its area code and where it ends. Bare digit runs and numbers with
/// spaces only ("519 555 0142") without the country code are left alone: they are as often
/// counts, ids or dates.
fn north_american_number(bytes: &[u8], mut at: usize) -> Option<(&[u8], usize)> {
    let mut spaces_allowed = false;
    if bytes.get(at) == Some(&b'+') {
        at += 1;
        spaces_allowed = true;
    }
    // After a country code ("1-", "+1 ") spaces may separate the groups: "+1 206 555 0100" is
    // surely a number, where "206 555 0100" alone may be three counts.
    if bytes.get(at) == Some(&b'1') && bytes.get(at + 1).is_some_and(|&b| is_separator(b, true)) {
        at += 2;
        spaces_allowed = true;
    } else if spaces_allowed {
        return None;
    }
    let area_start;
    if bytes.get(at) == Some(&b'(') {
        area_start = at + 1;
        at = digits(bytes, area_start, 3)?;
        if bytes.get(at) != Some(&b')') {
            return None;
        }
        at += 1;
        if bytes.get(at) == Some(&b' ') {
            at += 1;
        }
    } else {
        area_start = at;
        at = digits(bytes, at, 3)?;
        let separator = *bytes.get(at)?;
        if !is_separator(separator, spaces_allowed) {
            return None;
        }
        at += 1;
    }
    // An exchange and an area code both start with 2–9.
    if !matches!(bytes[area_start], b'2'..=b'9') || !matches!(bytes.get(at), Some(b'2'..=b'9')) {
        return None;
    }
    at = digits(bytes, at, 3)?;
    if !bytes
        .get(at)
        .is_some_and(|&b| is_separator(b, spaces_allowed))
    {
        return None;
    }
    let end = digits(bytes, at + 1, 4)?;
    if bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some((&bytes[area_start..area_start + 3], end))
}

fn is_separator(byte: u8, spaces_allowed: bool) -> bool {
    matches!(byte, b'-' | b'.') || spaces_allowed && byte == b' '
}

/// Where `count` ASCII digits starting at `at` end, if they are there and no digit follows.
fn digits(bytes: &[u8], at: usize, count: usize) -> Option<usize> {
    let end = at + count;
    let run = bytes.get(at..end)?;
    (run.iter().all(u8::is_ascii_digit) && !bytes.get(end).is_some_and(u8::is_ascii_digit))
        .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_code_table_is_sorted_and_well_formed() {
        assert_eq!(sorted_lines::first_unsorted(AREA_CODES), None);
        for line in AREA_CODES.lines() {
            let (code, region) = line.split_once('\t').expect("a tab");
            assert!(
                code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()),
                "{line}"
            );
            assert!(region.contains('.'), "{line}");
        }
    }

    #[test]
    fn numbers_give_their_area_codes_region() {
        let cases: &[(&str, &[&str])] = &[
            ("reach the desk at 519-555-0142 or", &["CA.08"]),
            ("Call (512) 555-0134 today", &["US.TX"]),
            ("Call (512)555-0134 today", &["US.TX"]),
            ("at 1-612-555-0199.", &["US.MN"]),
            ("at +1 206 555 0100.", &["US.WA"]),
            ("the office, 770.555.0123, and", &["US.GA"]),
            // Each region once, in order.
            (
                "503-555-0100, 612-555-0101, 503-555-0102",
                &["US.OR", "US.MN"],
            ),
            // Toll-free numbers say nothing of where the article is.
            ("call 1-800-555-0100 or 888-555-0100", &[]),
            // Not telephone numbers.
            ("scores 519 555 0142 and ids 5195550142", &[]),
            ("on 2011-12-05 and 2009-2010", &[]),
            ("part A519-555-0142 and 1519-555-0142", &[]),
            ("519-555-01421 or 519-155-0142", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&area_code_regions(text), expected, "{text}");
        }
    }

    #[test]
    fn never_panics_on_cut_numbers() {
        let number = "+1 (519) 555-0142";
        for end in 0..=number.len() {
            let _ = area_code_regions(&number[..end]);
        }
    }
}
