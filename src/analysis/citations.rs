//! Reads the source-citation block that ends many wire-digest articles.
//!
//! Digests such as the Jamestown Foundation's Monitor close with a parenthetical listing the
//! outlets they drew on, grouped by date: `(Monitor, March 12; New York Times, Izvestia,
//! March 13; AFP, March 14, 16)`. Other copy ends with a bare agency credit, `(Reuters)`, or a
//! `Sources:` line. Recognising the block lets the reader show sources as sources rather than
//! as places or organisations mentioned in the story.
//!
//! Recognition is deliberately strict (every group needs an outlet and a date, or the whole
//! block is a known agency credit) so that an ordinary closing remark in parentheses is never
//! mistaken for citations. Parsing a block already known to be one is lenient.
//!
//! Look-around: the trailing block of lines only; each line is read once.

use crate::analysis::lexicon::{is_month, is_weekday};
use crate::analysis::text::fit_span;
use crate::analysis::text::Span;
use crate::analysis::Citation;

/// If `last_paragraph` ends (before an optional final full stop) with a parenthetical that
/// lists sources, its span, parentheses included, and the citations in it.
pub fn trailing_citation(text: &str, last_paragraph: Span) -> Option<(Span, Vec<Citation>)> {
    let para = fit_span(text, last_paragraph)?.trim(text);
    let close = final_paren(text, para)?;
    let open = matching_open(text, para.start, close)?;
    // After a full stop, a parenthetical stands apart from the sentence, as credits do.
    let after_stop = text
        .get(para.start..open)
        .is_some_and(|before| before.trim_end().ends_with(['.', '!', '?']));
    let citations = strict_citations(text, Span::new(open + 1, close), after_stop)?;
    Some((Span::new(open, close + 1), citations))
}

/// Parses the text of a citation block: groups separated by `;`, items by `,`. In each group
/// the trailing date items form the dates, as written, of every outlet before them.
pub fn parse_citation_list(text: &str, inner: Span) -> Vec<Citation> {
    let Some(inner) = fit_span(text, inner) else {
        return Vec::new();
    };
    groups(text, inner)
        .iter()
        .flat_map(|g| g.citations(text))
        .collect()
}

/// The citations of a paragraph that is nothing but a citation block: a parenthetical list or
/// a `Sources:` line.
pub fn citation_paragraph(text: &str, paragraph: Span) -> Option<Vec<Citation>> {
    let para = fit_span(text, paragraph)?.trim(text);
    let body = para.slice(text);
    if let Some(label) = source_label(body) {
        let mut inner = Span::new(para.start + label, para.end);
        let rest = inner.slice(text);
        // A final full stop ends the line, unless it belongs to a month (`Sept.`).
        if let Some(without) = rest.strip_suffix('.') {
            let last_word = without
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !is_month(last_word) {
                inner.end -= 1;
            }
        }
        let citations = parse_citation_list(text, inner);
        return (!citations.is_empty()).then_some(citations);
    }
    let close = final_paren(text, para)?;
    let open = matching_open(text, para.start, close)?;
    if open != para.start {
        return None;
    }
    strict_citations(text, Span::new(open + 1, close), true)
}

/// The byte offset of the `)` that ends the paragraph, ignoring a final `.` and white space.
fn final_paren(text: &str, para: Span) -> Option<usize> {
    let body = para.slice(text).trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    body.ends_with(')').then(|| para.start + body.len() - 1)
}

/// The `(` that balances the `)` at `close`, searching back no further than `floor`.
fn matching_open(text: &str, floor: usize, close: usize) -> Option<usize> {
    let before = text.get(floor..close)?;
    let mut depth = 1usize;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(floor + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The length of a leading `Sources:` or `Source:` label, case-insensitively.
fn source_label(body: &str) -> Option<usize> {
    ["sources:", "source:"].iter().find_map(|label| {
        body.get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .map(|_| label.len())
    })
}

/// Citations only if the block looks like a citation list, not a remark in parentheses.
/// `standalone` says the block stands apart from any sentence (after a full stop or as its
/// own paragraph), where an unknown agency's acronym alone (`(KUNA)`) is a credit too.
fn strict_citations(text: &str, inner: Span, standalone: bool) -> Option<Vec<Citation>> {
    let groups = groups(text, inner);
    if groups.is_empty() {
        return None;
    }
    let acronyms = standalone && is_acronym_credit(inner.slice(text));
    let plausible = groups.iter().all(|g| {
        let named = !g.outlets.is_empty();
        let dated = g.dates.is_some() && g.outlets.iter().all(|o| is_outlet_like(o.slice(text)));
        let credit = g.outlets.iter().all(|o| is_agency(o.slice(text)));
        named && (dated || credit || (acronyms && g.dates.is_none()))
    });
    plausible.then(|| groups.iter().flat_map(|g| g.citations(text)).collect())
}

/// One to four tokens, each an all-caps acronym of two to six letters: `KUNA`, `WAM, SPA`.
fn is_acronym_credit(inner: &str) -> bool {
    let tokens: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    (1..=4).contains(&tokens.len())
        && tokens.iter().all(|t| {
            (2..=6).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_uppercase())
        })
}

/// `Wire News Agency May 3` in `(Wire News Agency May 3, 2019)`: an outlet and the start
/// of its date with no comma between, split at the month.
fn split_glued_date(text: &str, item: Span) -> Option<(Span, Span)> {
    let body = item.slice(text);
    let mut offset = 0;
    let mut words = Vec::new();
    for word in body.split_whitespace() {
        let at = body.get(offset..)?.find(word)? + offset;
        words.push((at, word));
        offset = at + word.len();
    }
    let month_at = words.iter().skip(1).position(|(_, w)| is_month(w))? + 1;
    let (start, _) = words.get(month_at)?;
    let date = Span::new(item.start + start, item.end);
    if date_item(date.slice(text)) != Some(DateItem::Anchor) {
        return None;
    }
    let outlet = Span::new(item.start, item.start + start).trim(text);
    (!outlet.is_empty()).then_some((outlet, date))
}

struct Group {
    outlets: Vec<Span>,
    dates: Option<Span>,
}

impl Group {
    fn citations(&self, text: &str) -> Vec<Citation> {
        let dates = self.dates.map_or("", |d| d.slice(text));
        self.outlets
            .iter()
            .map(|o| Citation {
                source: o.slice(text).to_string(),
                dates: dates.to_string(),
                start: o.start,
                end: o.end,
            })
            .collect()
    }
}

fn groups(text: &str, inner: Span) -> Vec<Group> {
    let mut inner = inner.trim(text);
    if let Some(label) = source_label(inner.slice(text)) {
        inner = Span::new(inner.start + label, inner.end).trim(text);
    }
    split_on(text, inner, ';')
        .into_iter()
        .filter_map(|group| {
            let items: Vec<Span> = split_on(text, group, ',')
                .into_iter()
                .map(|i| i.trim(text))
                .filter(|i| !i.is_empty())
                .flat_map(
                    |i| match (date_item(i.slice(text)), split_glued_date(text, i)) {
                        (None, Some((outlet, date))) => vec![outlet, date],
                        _ => vec![i],
                    },
                )
                .collect();
            if items.is_empty() {
                return None;
            }
            let mut first_date = items.len();
            while first_date > 0 && date_item(items[first_date - 1].slice(text)).is_some() {
                first_date -= 1;
            }
            // A run of dates starts with a month, a weekday or a full date; the bare numbers
            // that follow (`March 14, 16`) are more days of it.
            while first_date < items.len()
                && date_item(items[first_date].slice(text)) != Some(DateItem::Anchor)
            {
                first_date += 1;
            }
            let dates = items
                .get(first_date)
                .zip(items.last())
                .map(|(a, b)| Span::new(a.start, b.end));
            let outlets = items[..first_date]
                .iter()
                .flat_map(|&item| split_and(text, item))
                .collect();
            Some(Group { outlets, dates })
        })
        .collect()
}

fn split_on(text: &str, span: Span, separator: char) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = span.start;
    for (i, c) in span.slice(text).char_indices() {
        if c == separator {
            parts.push(Span::new(start, span.start + i));
            start = span.start + i + c.len_utf8();
        }
    }
    parts.push(Span::new(start, span.end));
    parts
}

/// `AP and Reuters` names two outlets.
fn split_and(text: &str, item: Span) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = item.start;
    for (i, sep) in item.slice(text).match_indices(" and ") {
        parts.push(Span::new(start, item.start + i));
        start = item.start + i + sep.len();
    }
    parts.push(Span::new(start, item.end));
    parts
        .into_iter()
        .map(|p| p.trim(text))
        .filter(|p| !p.is_empty())
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum DateItem {
    /// Names a date by itself: `March 12-15`, `12 March 2001`, `Monday`, `2001-03-12`.
    Anchor,
    /// A bare day, range or year, a date only after an anchor: the `16` of `March 14, 16`.
    Bare,
}

/// A day, a range of days or a year: `12`, `12-15`, `12–15`, `2001`, `3rd`.
fn is_day_number(word: &str) -> bool {
    let word = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
        && !word.ends_with(['-', '–'])
        && word.matches(['-', '–']).count() <= 1
}

/// `2001-03-12`, `12/03/2001`, `3/12`: a numeric date, not a day range.
fn is_numeric_date(word: &str) -> bool {
    let separators = word
        .chars()
        .filter(|c| matches!(c, '-' | '/' | '.'))
        .count();
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
        && (word.contains('/') || separators >= 2)
        && !word.ends_with(['-', '/', '.'])
}

fn date_item(item: &str) -> Option<DateItem> {
    let words: Vec<&str> = item.split_whitespace().collect();
    let (&first, rest) = words.split_first()?;
    let numbers = |ws: &[&str]| {
        ws.iter()
            .all(|w| is_day_number(w) || *w == "and" || *w == "&")
    };
    if words.len() == 1 && is_numeric_date(first) {
        return Some(DateItem::Anchor);
    }
    if words.len() == 1 && is_day_number(first) {
        return Some(DateItem::Bare);
    }
    // `March 12-15`, `Sept. 3`, `March 2001`, `Monday March 12`
    let after_weekday = if is_weekday(first) { rest } else { &words[..] };
    if after_weekday.is_empty() {
        return Some(DateItem::Anchor);
    }
    if let Some((&month, days)) = after_weekday.split_first() {
        if is_month(month) && days.len() <= 4 && numbers(days) {
            return Some(DateItem::Anchor);
        }
    }
    // `12 March`, `12-15 March 2001`
    if let Some(month_at) = words.iter().position(|w| is_month(w)) {
        let (days, rest) = words.split_at(month_at);
        if !days.is_empty() && numbers(days) && rest.len() <= 2 && numbers(&rest[1..]) {
            return Some(DateItem::Anchor);
        }
    }
    None
}

/// An outlet name: capitalised or a number (`7 Days`), and short.
fn is_outlet_like(name: &str) -> bool {
    name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && name.split_whitespace().count() <= 6
        && !name.contains(['(', ')', ':', '“', '”', '"'])
}

/// News agencies that are credited without dates: `(Reuters)`, `(AP, AFP)`.
const AGENCIES: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Interfax",
    "ITAR-TASS",
    "Itar-Tass",
    "TASS",
    "Tass",
    "RIA Novosti",
    "RIA",
    "Xinhua",
    "Bloomberg",
    "UPI",
    "DPA",
    "dpa",
    "EFE",
    "ANSA",
    "Kyodo",
    "PTI",
    "IANS",
    "IRNA",
    "ISNA",
    "Yonhap",
    "Anadolu",
    "BNS",
    "ANP",
    "APA",
    "CTK",
    "PAP",
    "MTI",
    "BTA",
    "Associated Press",
    "Agence France-Presse",
    "Agence France Presse",
    "Dow Jones",
    "Prime-Tass",
    "RFE/RL",
    "BBC",
    "CNN",
    "UNIAN",
    "Ukrinform",
    "Belapan",
    "Mediafax",
];

fn is_agency(name: &str) -> bool {
    AGENCIES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::Lcg;

    const SAMPLE_END: &str = "A high-ranking Iranian energy official had complained on the eve of Khatami’s arrival in Moscow that construction at Bushehr was well behind schedule (Monitor, March 12; New York Times, Washington Post, Izvestia, March 13; AP, Reuters, March 12-15; AFP, March 14, 16).";

    fn pairs(citations: &[Citation]) -> Vec<(&str, &str)> {
        citations
            .iter()
            .map(|c| (c.source.as_str(), c.dates.as_str()))
            .collect()
    }

    fn whole(text: &str) -> Span {
        Span::new(0, text.len())
    }

    #[test]
    fn trailing_citations_by_the_rules() {
        type Row<'a> = (&'a str, Option<(&'a str, &'a [(&'a str, &'a str)])>);
        let sample_list: &[(&str, &str)] = &[
            ("Monitor", "March 12"),
            ("New York Times", "March 13"),
            ("Washington Post", "March 13"),
            ("Izvestia", "March 13"),
            ("AP", "March 12-15"),
            ("Reuters", "March 12-15"),
            ("AFP", "March 14, 16"),
        ];
        let sample_paren = "(Monitor, March 12; New York Times, Washington Post, Izvestia, March 13; AP, Reuters, March 12-15; AFP, March 14, 16)";
        let without_stop = SAMPLE_END.trim_end_matches('.');
        let rows: &[Row] = &[
            (SAMPLE_END, Some((sample_paren, sample_list))),
            (without_stop, Some((sample_paren, sample_list))),
            (
                "It ended (Reuters).",
                Some(("(Reuters)", &[("Reuters", "")])),
            ),
            (
                "It ended. (AP, AFP)",
                Some(("(AP, AFP)", &[("AP", ""), ("AFP", "")])),
            ),
            (
                "It ended (Kommersant, Sept. 3).  ",
                Some(("(Kommersant, Sept. 3)", &[("Kommersant", "Sept. 3")])),
            ),
            (
                "It ended (RFE/RL Newsline, 2001-03-12).",
                Some((
                    "(RFE/RL Newsline, 2001-03-12)",
                    &[("RFE/RL Newsline", "2001-03-12")],
                )),
            ),
            (
                "It ended (NTV, Monday).",
                Some(("(NTV, Monday)", &[("NTV", "Monday")])),
            ),
            (
                "It ended (Segodnya, 12 March 2001).",
                Some((
                    "(Segodnya, 12 March 2001)",
                    &[("Segodnya", "12 March 2001")],
                )),
            ),
            (
                "It ended (AP and Reuters, March 12).",
                Some((
                    "(AP and Reuters, March 12)",
                    &[("AP", "March 12"), ("Reuters", "March 12")],
                )),
            ),
            (
                "It ended (Sources: Interfax, March 2).",
                Some(("(Sources: Interfax, March 2)", &[("Interfax", "March 2")])),
            ),
            (
                "It ended (Izvestia, March 12 (evening edition); AP, March 13).",
                None,
            ),
            // Ordinary remarks in parentheses.
            ("He denied it (which he denied).", None),
            ("He came (in 2001).", None),
            ("He came (2001).", None),
            ("He came (Putin).", None),
            ("He came. (Putin)", None),
            ("He came. (which he denied)", None),
            ("He came (KUNA).", None),
            // An unknown agency's acronym standing after the full stop is a credit.
            (
                "The festival closed. (KUNA)",
                Some(("(KUNA)", &[("KUNA", "")])),
            ),
            // An outlet and its date with no comma between.
            (
                "Trade rose. (Wire News Agency May 3, 2019)",
                Some((
                    "(Wire News Agency May 3, 2019)",
                    &[("Wire News Agency", "May 3, 2019")],
                )),
            ),
            ("It grew (see chart, March 12).", None),
            ("The group (Monitor, March 12; see below).", None),
            ("Unbalanced March 12)", None),
            ("No parenthesis at all.", None),
            ("()", None),
            ("", None),
        ];
        let mut failures = Vec::new();
        for (input, expected) in rows {
            let got = trailing_citation(input, whole(input));
            let got = got
                .as_ref()
                .map(|(span, cs)| (span.slice(input), pairs(cs)));
            let want = expected.map(|(s, cs)| (s, cs.to_vec()));
            if got != want {
                failures.push(format!("{input:?}\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn parses_lists_leniently() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            ("Monitor, March 12", &[("Monitor", "March 12")]),
            ("AFP, March 14, 16", &[("AFP", "March 14, 16")]),
            (
                "AP, Reuters, March 12-15",
                &[("AP", "March 12-15"), ("Reuters", "March 12-15")],
            ),
            (
                "AP, Reuters, March 12–15",
                &[("AP", "March 12–15"), ("Reuters", "March 12–15")],
            ),
            ("Interfax", &[("Interfax", "")]),
            (
                "the local press; Izvestia, March 3",
                &[("the local press", ""), ("Izvestia", "March 3")],
            ),
            (
                "Trud, 14, March 2",
                &[("Trud", "March 2"), ("14", "March 2")],
            ),
            (" ; ;Kommersant, ", &[("Kommersant", "")]),
            ("", &[]),
        ];
        let mut failures = Vec::new();
        for (input, expected) in rows {
            let got = parse_citation_list(input, whole(input));
            if pairs(&got) != *expected {
                failures.push(format!(
                    "{input:?}\n   got {:?}\n  want {expected:?}",
                    pairs(&got)
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn outlet_spans_point_at_the_names() {
        let cs = parse_citation_list(SAMPLE_END, whole(SAMPLE_END));
        assert!(!cs.is_empty());
        let (_, cs) = trailing_citation(SAMPLE_END, whole(SAMPLE_END)).unwrap_or_default();
        assert_eq!(cs.len(), 7);
        for c in &cs {
            assert_eq!(Span::new(c.start, c.end).slice(SAMPLE_END), c.source);
        }
    }

    #[test]
    fn citation_paragraphs() {
        type Row<'a> = (&'a str, Option<&'a [(&'a str, &'a str)]>);
        let rows: &[Row] = &[
            (
                "(Monitor, March 12; AP, March 13)",
                Some(&[("Monitor", "March 12"), ("AP", "March 13")]),
            ),
            ("  (Reuters).  ", Some(&[("Reuters", "")])),
            (
                "Sources: Reuters, AP.",
                Some(&[("Reuters", ""), ("AP", "")]),
            ),
            (
                "Source: Kommersant, March 12.",
                Some(&[("Kommersant", "March 12")]),
            ),
            ("SOURCES: Izvestia, Sept.", Some(&[("Izvestia", "Sept.")])),
            ("Sources:", None),
            ("He left (Reuters).", None),
            ("(He left.) (Reuters)", None),
            ("(which he denied)", None),
            ("Just a paragraph.", None),
        ];
        let mut failures = Vec::new();
        for (input, expected) in rows {
            let got = citation_paragraph(input, whole(input));
            let got = got.as_ref().map(|cs| pairs(cs));
            let want = expected.map(|cs| cs.to_vec());
            if got != want {
                failures.push(format!("{input:?}\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn property_no_panics_and_well_formed_spans() {
        const PIECES: &[&str] = &[
            "(",
            ")",
            "(",
            ")",
            ";",
            ",",
            ",",
            " ",
            " ",
            "March",
            " 12",
            "-15",
            "–",
            "AP",
            "Reuters",
            "é",
            "“",
            "”",
            "’",
            "…",
            ".",
            "Sources:",
            "\n",
            "Izvestia",
            "Sept.",
            "and",
            "2001-03-12",
            "x",
        ];
        let mut rng = Lcg(5);
        for round in 0..4000 {
            let len = (rng.next() % 40) as usize;
            let text = rng.text(PIECES, len);
            let a = (rng.next() as usize) % (text.len() + 3);
            let b = (rng.next() as usize) % (text.len() + 3);
            for span in [whole(&text), Span::new(a.min(b), a.max(b)), Span::new(b, a)] {
                let mut all = parse_citation_list(&text, span);
                all.extend(citation_paragraph(&text, span).unwrap_or_default());
                if let Some((block, cs)) = trailing_citation(&text, span) {
                    assert!(
                        text.get(block.start..block.end).is_some(),
                        "round {round}: {text:?}"
                    );
                    for c in &cs {
                        assert!(
                            block.contains(Span::new(c.start, c.end)),
                            "round {round}: {text:?}"
                        );
                    }
                    all.extend(cs);
                }
                for c in &all {
                    assert!(
                        text.get(c.start..c.end).is_some(),
                        "round {round}: {text:?}"
                    );
                    assert_eq!(text.get(c.start..c.end), Some(c.source.as_str()));
                    assert!(c.start < c.end);
                }
            }
        }
    }
}
