//! Dates, times, money and percentages: closed patterns over tokens.
//!
//! A date is a month with its days and year ("March 12-15", "March 14, 16", "26 July 2022"),
//! a month or weekday alone, a year or a span of years in a date-like position ("in 2013",
//! "2015-16"), a decade ("the 1990s"), a duration written as one word ("four-day",
//! "seventeen-month") or a relative expression ("last week"). A weekday with a part of the day
//! ("Sunday night") is a time, by the rule `weekday-part-of-day` (`weekday_part_of_day`).
//!
//! Look-around: a few tokens after a month, weekday or number (a day, a year, a range).

use super::tokens::{is_capitalised, Token, TokenKind};
use super::EntityType;
use crate::analysis::lexicon::{is_month, is_weekday};
use crate::analysis::stable_sort;
use crate::analysis::Span;

/// A typed expression found by pattern, over tokens `first..last` (inclusive) of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Span,
    pub first: usize,
    pub last: usize,
    pub label: EntityType,
    pub explanation: String,
}

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "half",
    "several",
    "multi",
];

const DATE_UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
    "century", "weekend",
];

/// Words before a bare number that make it a year: "in 2013", "since 1990".
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "to", "before", "after", "during",
    "between", "and", "through", "early", "late", "mid", "year", "around", "circa", "for", "the",
    "’s", "'s", "fiscal", "season", "In", "Since", "By", "From", "Until", "Before", "After",
    "During",
];

const RELATIVE: &[&str] = &["last", "next", "past", "coming", "previous", "Last", "Next"];
const RELATIVE_UNITS: &[&str] = &["week", "month", "weekend", "fortnight"];

fn number_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    NUMBER_WORDS.contains(&lower.as_str())
        || lower
            .split('-')
            .all(|part| NUMBER_WORDS.contains(&part) && !part.is_empty())
        || (!lower.is_empty() && lower.chars().all(|c| c.is_ascii_digit()))
}

/// "four-day", "seventeen-month", "10-year", "twenty-five-year".
fn is_duration(word: &str) -> bool {
    // Asked of every word: most have no hyphen, told by a plain loop over a few bytes sooner
    // than by the string searcher.
    if !word.bytes().any(|b| b == b'-') {
        return false;
    }
    let Some((count, unit)) = word.rsplit_once('-') else {
        return false;
    };
    DATE_UNITS.contains(&unit) && number_word(count)
}

fn day_number(word: &str) -> bool {
    let digits = word
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    !digits.is_empty()
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn year_number(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2099).contains(&y))
}

/// "2015-16", "2022-2023", "1990s", "2010s".
fn year_like(word: &str) -> bool {
    if let Some(decade) = word.strip_suffix('s') {
        return year_number(decade) && decade.ends_with('0');
    }
    match word.split_once(['-', '–']) {
        Some((a, b)) => {
            year_number(a)
                && (year_number(b) || (b.len() == 2 && b.chars().all(|c| c.is_ascii_digit())))
        }
        None => false,
    }
}

/// "12-15": a range of days.
fn day_range(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(a, b)| day_number(a) && day_number(b))
}

struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Tokens `i` and `i + 1` are on one line.
    fn same_line(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|t| !t.line_start)
    }

    fn span(&self, first: usize, last: usize) -> Span {
        let start = self.tokens.get(first).map_or(0, |t| t.span().start);
        let end = self.tokens.get(last).map_or(start, |t| t.span().end);
        Span::new(start, end.max(start))
    }

    /// After a month at `i`: its days and year. Returns the last token of the date.
    fn month_tail(&self, i: usize) -> usize {
        let mut last = i;
        let mut j = i + 1;
        if self.word(j) == "." && self.same_line(i) && day_number(self.word(j + 1)) {
            j += 1;
        }
        if self.same_line(j - 1) && (day_number(self.word(j)) || day_range(self.word(j))) {
            last = j;
            j += 1;
            // "March 14, 16" and "March 12 - 15" and "March 14 and 16".
            loop {
                let sep = self.word(j);
                let next = self.word(j + 1);
                if matches!(sep, "," | "-" | "–" | "and" | "to")
                    && self.same_line(j)
                    && (day_number(next) || day_range(next))
                    && !year_number(self.word(j + 2))
                    && self.word(j + 2) != ":"
                    && day_month_at(self, j + 1).is_none()
                {
                    last = j + 1;
                    j += 2;
                } else {
                    break;
                }
            }
            if self.word(j) == "," && year_number(self.word(j + 1)) && self.same_line(j) {
                return j + 1;
            }
        }
        if year_number(self.word(j)) && self.same_line(j - 1) {
            return j;
        }
        last
    }

    fn month_alone_is_date(&self, i: usize) -> bool {
        let word = self.word(i);
        if !is_capitalised(word) {
            return false;
        }
        if word != "May" && word.len() > 3 {
            return true;
        }
        // "May" the month, not the verb or the name: after a date cue only.
        let before = i.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        matches!(
            before,
            "in" | "In"
                | "since"
                | "until"
                | "by"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "from"
                | "next"
                | "last"
                | "this"
                | "through"
        )
    }
}

/// Every date, time, money and percentage expression, in text order, not overlapping.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Found> {
    let scan = Scan { text, tokens };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = scan.word(i);
        let kind = scan.kind(i);
        let mut push = |first: usize, last: usize, span: Span, label, explanation: String| {
            found.push(Found {
                span,
                first,
                last,
                label,
                explanation,
            });
            last
        };
        let last = if kind == Some(TokenKind::Word) && is_capitalised(word) && is_month(word) {
            let last = scan.month_tail(i);
            if last > i || scan.month_alone_is_date(i) {
                let explanation = if last > i {
                    format!("the month \"{word}\" with its day or year")
                } else {
                    format!("the month \"{word}\"")
                };
                Some(push(
                    i,
                    last,
                    scan.span(i, last),
                    EntityType::Date,
                    explanation,
                ))
            } else {
                None
            }
        } else if kind == Some(TokenKind::Word) && is_capitalised(word) && is_weekday(word) {
            // "Tuesday, March 9, 2021" and "Friday 12 March": the weekday opens the date.
            let comma = usize::from(scan.word(i + 1) == ",");
            let at = i + 1 + comma;
            let joined = scan.same_line(i) && scan.same_line(i + comma) && {
                let w = scan.word(at);
                (is_month(w) && is_capitalised(w) && scan.month_tail(at) > at)
                    || (day_number(w)
                        && is_month(scan.word(at + 1))
                        && is_capitalised(scan.word(at + 1)))
            };
            let last = if !joined {
                i
            } else if is_month(scan.word(at)) {
                scan.month_tail(at)
            } else if year_number(scan.word(at + 2)) {
                at + 2
            } else {
                at + 1
            };
            Some(push(
                i,
                last,
                scan.span(i, last),
                EntityType::Date,
                format!("the weekday \"{word}\""),
            ))
        } else if kind == Some(TokenKind::Number) && day_number(word) && scan.same_line(i) && {
            // "14 May", "14 May 2021", "18 to 21 May", "the 23rd of March 2021".
            let at = day_month_at(&scan, i);
            at.is_some()
        } {
            let month = day_month_at(&scan, i).unwrap_or(i + 1);
            let last = if year_number(scan.word(month + 1)) && scan.same_line(month) {
                month + 1
            } else {
                month
            };
            let first = if scan.word(month - 1) == "of" && i > 0 && scan.word(i - 1) == "the" {
                i - 1
            } else {
                i
            };
            Some(push(
                first,
                last,
                scan.span(first, last),
                EntityType::Date,
                "a day and month".into(),
            ))
        } else if kind == Some(TokenKind::Word) && is_duration(word) {
            Some(push(
                i,
                i,
                scan.span(i, i),
                EntityType::Date,
                format!("\"{word}\" is a length of time"),
            ))
        } else if kind == Some(TokenKind::Word) && word.starts_with("mid-") {
            let rest = &word[4..];
            let start = tokens[i].span().start + 4;
            if (is_month(rest) && is_capitalised(rest)) || year_number(rest) || year_like(rest) {
                let last = if is_month(rest) && year_number(scan.word(i + 1)) && scan.same_line(i) {
                    i + 1
                } else {
                    i
                };
                let end = scan.span(i, last).end;
                Some(push(
                    i,
                    last,
                    Span::new(start, end),
                    EntityType::Date,
                    format!("\"{rest}\" names a time"),
                ))
            } else {
                None
            }
        } else if kind == Some(TokenKind::Number)
            && (year_like(word) || (year_number(word) && year_position(&scan, i)))
        {
            let what = if word.ends_with('s') {
                "a decade"
            } else {
                "a year"
            };
            Some(push(
                i,
                i,
                scan.span(i, i),
                EntityType::Date,
                format!("\"{word}\" is {what}"),
            ))
        } else if RELATIVE.contains(&word)
            && RELATIVE_UNITS.contains(&scan.word(i + 1))
            && scan.same_line(i)
        {
            Some(push(
                i,
                i + 1,
                scan.span(i, i + 1),
                EntityType::Date,
                "a time relative to the article's date".into(),
            ))
        } else if kind == Some(TokenKind::Number) {
            numeric(&scan, i)
                .map(|(last, label, why)| push(i, last, scan.span(i, last), label, why))
        } else if matches!(word, "$" | "€" | "£" | "US$")
            && scan.kind(i + 1) == Some(TokenKind::Number)
        {
            let mut last = i + 1;
            if matches!(
                scan.word(last + 1),
                "million" | "billion" | "trillion" | "m" | "bn"
            ) {
                last += 1;
            }
            Some(push(
                i,
                last,
                scan.span(i, last),
                EntityType::Money,
                "a currency sign before a number".into(),
            ))
        } else {
            None
        };
        i = last.map_or(i + 1, |l| l + 1);
    }
    found
}

/// A part of the day after a weekday makes a time of that day: "Friday morning".
const PARTS_OF_DAY: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "midnight",
    "noon",
    "lunchtime",
    "dawn",
];

/// A weekday found alone, then a part of the day on the same line ("Sunday night"): the time
/// through that word. Returns whether `found` was one and is now that time.
pub fn weekday_part_of_day(tokens: &[Token], text: &str, found: &mut Found) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.span().slice(text));
    let next = found.last + 1;
    let joined = found.label == EntityType::Date
        && found.first == found.last
        && is_weekday(word(found.first))
        && PARTS_OF_DAY.contains(&word(next))
        && tokens.get(next).is_some_and(|t| !t.line_start);
    if joined {
        found.last = next;
        found.span = Span::new(found.span.start, tokens[next].span().end);
        found.label = EntityType::Time;
        found.explanation = format!("a part of {}", word(found.first));
    }
    joined
}

/// Signs of currencies that a country's letters may open ("HK$", "GH₵", "NT$").
const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥", "₹", "₦", "₵", "₱", "₩", "₪", "₫", "฿"];

/// Words of scale after an amount: "SR12 billion".
const AMOUNT_SCALES: &[&str] = &["million", "billion", "trillion", "bn", "m", "crore", "lakh"];

/// Sums of money written with a currency's letters, which would otherwise read as an acronym:
/// the letters glued to an amount ("RM310,000", "SR7.5 billion"), or before a sign found
/// with its amount ("HK$2.4 billion"). Adds the first and widens the second in `found`, kept in
/// text order; returns the spans of both. An amount glued to letters has a separator or a
/// word of scale after it, so that "COP26" or "G20" stays a name.
pub fn currency_code_amounts(tokens: &[Token], text: &str, found: &mut Vec<Found>) -> Vec<Span> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.span().slice(text));
    let currency_letters = |letters: &str| {
        (1..=3).contains(&letters.chars().count())
            && letters.chars().all(char::is_alphabetic)
            && letters.chars().next().is_some_and(char::is_uppercase)
    };
    let mut taken = vec![false; tokens.len()];
    for f in found.iter() {
        for t in taken.iter_mut().take(f.last + 1).skip(f.first) {
            *t = true;
        }
    }
    let mut hits = Vec::new();
    let mut added = Vec::new();
    for f in found.iter_mut() {
        let sign_opens = f.label == EntityType::Money
            && CURRENCY_SIGNS.contains(&word(f.first))
            && tokens.get(f.first).is_some_and(|t| t.attached);
        let Some(before) = f.first.checked_sub(1).filter(|_| sign_opens) else {
            continue;
        };
        let letters = word(before);
        // "US$5": the country's name stays a place, as a reader takes it.
        let country = letters == "US";
        if !taken[before]
            && !country
            && currency_letters(letters)
            && !letters.contains(char::is_lowercase)
        {
            f.first = before;
            f.span = Span::new(tokens[before].span().start, f.span.end);
            f.explanation = format!("the currency \"{letters}\" before an amount");
            taken[before] = true;
            hits.push(f.span);
        }
    }
    for (i, t) in tokens.iter().enumerate() {
        if taken[i] || t.kind != TokenKind::Word {
            continue;
        }
        let w = word(i);
        let Some(digits_at) = w.find(|c: char| c.is_ascii_digit()) else {
            continue;
        };
        let (letters, amount) = w.split_at(digits_at);
        let amount_shaped = amount
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && amount.ends_with(|c: char| c.is_ascii_digit());
        let separated = amount.contains([',', '.']);
        let scaled = AMOUNT_SCALES.contains(&word(i + 1));
        if !(currency_letters(letters) && amount_shaped && (separated || scaled)) {
            continue;
        }
        let last = if scaled { i + 1 } else { i };
        let span = Span::new(t.span().start, tokens[last].span().end);
        added.push(Found {
            span,
            first: i,
            last,
            label: EntityType::Money,
            explanation: format!("the currency \"{letters}\" before an amount"),
        });
        hits.push(span);
    }
    if !added.is_empty() {
        found.extend(added);
        stable_sort::sort_by_key(found, |f| f.first);
    }
    stable_sort::sort_by_key(&mut hits, |s| s.start);
    hits
}

/// The month after a day at `i`: "26 March", "28 to 31 July", "25th of July".
fn day_month_at(scan: &Scan, i: usize) -> Option<usize> {
    let month = |k: usize| is_month(scan.word(k)) && is_capitalised(scan.word(k));
    if month(i + 1) {
        return Some(i + 1);
    }
    if scan.word(i + 1) == "of" && month(i + 2) && scan.same_line(i + 1) {
        return Some(i + 2);
    }
    let range =
        matches!(scan.word(i + 1), "to" | "-" | "–" | "and") && day_number(scan.word(i + 2));
    (range && month(i + 3) && scan.same_line(i + 1) && scan.same_line(i + 2)).then_some(i + 3)
}

/// A bare four-digit number reads as a year after a date word, or when no noun follows it.
fn year_position(scan: &Scan, i: usize) -> bool {
    let before = i.checked_sub(1).map(|b| scan.word(b)).unwrap_or("");
    if matches!(before, "$" | "€" | "£" | "#" | "No" | "no") {
        return false;
    }
    if YEAR_CUES.contains(&before) {
        return true;
    }
    let after = scan.word(i + 1);
    !(after.chars().next().is_some_and(char::is_lowercase) || after == "%")
}

/// Percentages, sums of money and times after a number at `i`.
fn numeric(scan: &Scan, i: usize) -> Option<(usize, EntityType, String)> {
    let next = scan.word(i + 1);
    match next {
        "%" => Some((
            i + 1,
            EntityType::Percent,
            "a number with a percent sign".into(),
        )),
        "percent" => Some((
            i + 1,
            EntityType::Percent,
            "a number with \"percent\"".into(),
        )),
        "per" if scan.word(i + 2) == "cent" => Some((
            i + 2,
            EntityType::Percent,
            "a number with \"per cent\"".into(),
        )),
        ":" if scan.kind(i + 2) == Some(TokenKind::Number)
            && scan.tokens.get(i + 2).is_some_and(|t| t.attached) =>
        {
            let mut last = i + 2;
            if matches!(
                scan.word(i + 3),
                "a.m" | "p.m" | "am" | "pm" | "GMT" | "UTC"
            ) {
                last = i + 3;
                if scan.word(last + 1) == "." {
                    last += 1;
                }
            }
            Some((last, EntityType::Time, "a clock time".into()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn dates(text: &str) -> Vec<(String, EntityType)> {
        find(text, &tokenize(text))
            .iter()
            .map(|f| (f.span.slice(text).to_string(), f.label))
            .collect()
    }

    #[test]
    fn patterns() {
        use EntityType::*;
        for (text, expected) in [
            (
                "(AP, Reuters, March 12-15; AFP, March 14, 16).",
                vec![("March 12-15", Date), ("March 14, 16", Date)],
            ),
            (
                "a four-day visit last week",
                vec![("four-day", Date), ("last week", Date)],
            ),
            (
                "on 26 July 2022 and July 26, 2022",
                vec![("26 July 2022", Date), ("July 26, 2022", Date)],
            ),
            (
                "in mid-December 2013 and the 1990s",
                vec![("December 2013", Date), ("1990s", Date)],
            ),
            ("2000 people came in 2015-16", vec![("2015-16", Date)]),
            (
                "a 40 percent rise, 3% and $5 million at 10:30",
                vec![
                    ("40 percent", Percent),
                    ("3%", Percent),
                    ("$5 million", Money),
                    ("10:30", Time),
                ],
            ),
            (
                "You may go. In May we met on Monday.",
                vec![("May", Date), ("Monday", Date)],
            ),
            (
                "on Tuesday, March 9, 2021 and Friday 12 March",
                vec![("Tuesday, March 9, 2021", Date), ("Friday 12 March", Date)],
            ),
            (
                "from March 2 to 12 and 18 to 21 May, on the 23rd of March 2021",
                vec![
                    ("March 2 to 12", Date),
                    ("18 to 21 May", Date),
                    ("the 23rd of March 2021", Date),
                ],
            ),
        ] {
            let expected: Vec<(String, EntityType)> = expected
                .into_iter()
                .map(|(s, l)| (s.to_string(), l))
                .collect();
            assert_eq!(dates(text), expected, "{text}");
        }
    }
}
