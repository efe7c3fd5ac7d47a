//! Splits a paragraph into sentences.
//!
//! News prose is full of full stops that do not end anything: titles (`Mr.`), initials
//! (`J. R. R. Tolkien`), dotted acronyms (`U.S.`), months (`Jan. 5`), place abbreviations
//! (`St. Petersburg`), decimals and web addresses. Every later stage (quotation attribution,
//! statistics, the reading view) leans on sentence boundaries, so this splitter errs on the side
//! of *not* breaking: a missed break merges two sentences, a false one cuts a name in half.
//!
//! The rules are lexical, work on byte offsets into the analysed text, and never panic.
//!
//! Look-around: one pass over a paragraph; a possible break reads the word before it and the word
//! after it.

use crate::analysis::lexicon::MONTH_ABBREVIATIONS;
use crate::analysis::text::{fit_span, is_closing_mark, is_opening_quote, Span};

/// Splits `paragraph` (a span of `text`) into trimmed, ordered, non-overlapping sentence spans
/// that together cover every non-white-space char of the paragraph.
pub fn split_sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let Some(para) = fit_span(text, paragraph) else {
        return Vec::new();
    };
    let para = para.trim(text);
    if para.is_empty() {
        return Vec::new();
    }
    // Chars alone, four bytes each: a paragraph of a megabyte would otherwise take sixteen
    // megabytes of (offset, char) pairs. The few offsets needed are counted forwards
    // (`offset_of`), as the breaks are met in order.
    // A plain ASCII paragraph (many are) is widened byte by byte in one allocation; others
    // are decoded into room for as many chars as bytes, never regrown.
    let slice = para.slice(text);
    let chars: Vec<char> = if slice.is_ascii() {
        slice.bytes().map(char::from).collect()
    } else {
        let mut chars = Vec::with_capacity(slice.len());
        chars.extend(slice.chars());
        chars
    };
    let mut cursor = (0, para.start);
    let mut offset_of = |k: usize| {
        let (seen, at) = &mut cursor;
        for c in chars.get(*seen..k).unwrap_or(&[]) {
            *at += c.len_utf8();
        }
        *seen = k.max(*seen);
        *at
    };

    let mut sentences = Vec::new();
    let mut start = para.start;
    let mut i = 0;
    while i < chars.len() {
        if !is_terminal(chars[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut run_end = i;
        while run_end < chars.len() && is_terminal(chars[run_end]) {
            run_end += 1;
        }
        // Closing quotes and brackets straight after the stop belong to the sentence they close.
        let mut after_marks = run_end;
        while after_marks < chars.len() && is_closing_mark(chars[after_marks]) {
            after_marks += 1;
        }
        if after_marks >= chars.len() {
            // The paragraph's end closes the last sentence anyway.
            break;
        }
        if !chars[after_marks].is_whitespace() {
            // `3.5`, `example.com`, `U.S.A`: a stop glued to the next char never ends a sentence.
            i = after_marks.max(i + 1);
            continue;
        }
        let mut next = after_marks;
        while next < chars.len() && chars[next].is_whitespace() {
            next += 1;
        }
        if next >= chars.len() {
            break;
        }
        if ends_sentence(&chars, run_start, run_end, next) {
            let end = offset_of(after_marks);
            push_trimmed(text, &mut sentences, Span::new(start, end));
            start = offset_of(next);
        }
        i = next;
    }
    push_trimmed(text, &mut sentences, Span::new(start, para.end));
    sentences
}

fn push_trimmed(text: &str, sentences: &mut Vec<Span>, span: Span) {
    let span = span.trim(text);
    if !span.is_empty() {
        sentences.push(span);
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Decides whether the stop `chars[run_start..run_end]`, followed by white space and then the
/// char at `next`, ends a sentence.
fn ends_sentence(chars: &[char], run_start: usize, run_end: usize, next: usize) -> bool {
    if chars[next] == '(' && is_trailing_parenthetical(chars, next) {
        return false;
    }
    // A lowercase continuation covers `etc. and`, `… and then`, `“Go!” he said`.
    if !starts_sentence(chars, next) {
        return false;
    }
    let single_full_stop = run_end == run_start + 1 && chars[run_start] == '.';
    if !single_full_stop {
        return true;
    }
    let token = token_before(chars, run_start);
    let next_word = word_after(chars, next);
    let previous = word_before(chars, run_start.saturating_sub(token.chars().count()));
    !abbreviation_holds(&token, &next_word, chars, next, &previous)
}

/// The word before the one at `start`, across white space: `Main` in `Main St.`.
fn word_before(chars: &[char], start: usize) -> String {
    let mut end = start.min(chars.len());
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    let mut begin = end;
    while begin > 0 && chars[begin - 1].is_alphanumeric() {
        begin -= 1;
    }
    chars[begin..end].iter().copied().collect()
}

/// Whether the first char of what follows the stop, past opening quotes and brackets, is a
/// digit: `No. 5`, `No. (20)`.
fn next_is_digit(chars: &[char], at: usize) -> bool {
    chars[at..]
        .iter()
        .copied()
        .find(|&c| !is_opening_quote(c) && !matches!(c, '(' | '['))
        .is_some_and(|c| c.is_ascii_digit())
}

/// Whether the word after the next one is lowercase (`Responding to`, not `Nothing.`).
fn second_word_lowercase(chars: &[char], at: usize) -> bool {
    let rest: String = chars[at..].iter().take(80).copied().collect();
    rest.split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// Common verbs that follow a sentence's one-word subject.
const COMMON_VERBS: &[&str] = &[
    "said", "says", "told", "added", "is", "was", "are", "were", "has", "had", "have", "will",
    "would", "can", "could", "did", "does", "may", "might", "should", "must",
];

/// Whether the next word is capitalised, then a verb: `Roe said` in `Main St. Roe said`, the
/// shape of a subject and its verb (and not of `St. Paul man`).
fn subject_then_verb(chars: &[char], at: usize) -> bool {
    let rest: String = chars[at..].iter().take(80).copied().collect();
    let mut words = rest.split_whitespace();
    let capital = words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    let verb = words.next().is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
        COMMON_VERBS.contains(&w) || (w.len() > 3 && w.ends_with("ed"))
    });
    capital && verb
}

/// Whether white space then `chars[at..]` looks like where a sentence opens: an uppercase
/// letter, a digit, a currency amount, or an opening quote or bracket before one of those.
fn starts_sentence(chars: &[char], at: usize) -> bool {
    let mut k = at;
    while k < chars.len() && (is_opening_quote(chars[k]) || matches!(chars[k], '(' | '[')) {
        k += 1;
    }
    let Some(&c) = chars.get(k) else {
        return false;
    };
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    k == at && matches!(c, '$' | '£' | '€') && chars.get(k + 1).is_some_and(|&d| d.is_ascii_digit())
}

/// The longest trailing parenthetical read as a credit, in chars.
const MAX_CREDIT_CHARS: usize = 300;

/// `... schedule. (Reuters)` or `(AP).` at the paragraph's end is a credit for the sentence
/// before it, not a sentence of its own. A parenthesis holding a whole sentence (`(He denied
/// it.)`) is left alone.
fn is_trailing_parenthetical(chars: &[char], open: usize) -> bool {
    let mut depth = 0usize;
    let mut close = None;
    // A credit is short; an unclosed bracket must not make every `. (` scan to the end.
    for (k, &c) in chars.iter().enumerate().skip(open).take(MAX_CREDIT_CHARS) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(close) = close else {
        return false;
    };
    if close == 0 || is_terminal(chars[close - 1]) {
        return false;
    }
    chars[close + 1..]
        .iter()
        .all(|&c| is_terminal(c) || is_closing_mark(c) || c.is_whitespace())
}

/// The word the stop is attached to, with inner dots kept (`U.S`, `a.m`) and outer apostrophes
/// and hyphens dropped.
fn token_before(chars: &[char], stop: usize) -> String {
    let mut k = stop;
    while k > 0 {
        let c = chars[k - 1];
        if c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-') {
            k -= 1;
        } else {
            break;
        }
    }
    let token: String = chars[k..stop].iter().copied().collect();
    token.trim_start_matches(['\'', '’', '-', '.']).to_string()
}

/// The next word's letters, skipping opening quotes and brackets.
fn word_after(chars: &[char], at: usize) -> String {
    chars[at..]
        .iter()
        .copied()
        .skip_while(|&c| is_opening_quote(c) || matches!(c, '(' | '['))
        .take_while(|c| c.is_alphabetic())
        .collect()
}

/// Whether the word after the stop is itself an initial (`R.` in `J. R. R. Tolkien`).
fn next_is_initial(chars: &[char], at: usize) -> bool {
    let mut rest = chars[at..].iter().copied();
    matches!(
        (rest.next(), rest.next()),
        (Some(letter), Some('.')) if letter.is_uppercase()
    )
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Gens", "Col", "Lt", "Sgt", "Cpl", "Pvt",
    "Capt", "Cmdr", "Cmdt", "Adm", "Maj", "Sen", "Sens", "Rep", "Reps", "Gov", "Pres", "Rev",
    "Hon", "Supt", "Insp", "St", "Ste", "Mt", "Ft", "vs", "Vs", "cf", "approx", "Atty", "Brig",
];

/// Company suffixes, which end sentences often but are also followed by a defined short name.
const CORPORATE: &[&str] = &["Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "LLC"];

/// Abbreviations that may close a sentence: they break only before a typical sentence starter.
const GENERATIONAL_SUFFIXES: &[&str] = &["Jr", "Sr"];

/// US state abbreviations in AP style; `Ill.` and `Miss.` only count capitalised.
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Words that typically open a sentence. After an abbreviation that can also end a sentence
/// (`U.S.`, `Jr.`, `Calif.`), one of these tips the balance towards a break.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Meanwhile",
    "However",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "For",
    "According",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "Yet",
    "So",
    "Still",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Last",
    "Earlier",
    "Later",
    "Also",
    "Such",
    "What",
    "Why",
    "How",
    "Officials",
    "During",
    "Since",
    "Although",
    "Under",
    "With",
    "By",
    "From",
    "One",
    "Two",
];

fn is_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

/// Whether the full stop after `token` is an abbreviation's and so does not end the sentence.
/// Only called when the next word starts like a sentence (capital, digit, quote).
fn abbreviation_holds(
    token: &str,
    next_word: &str,
    chars: &[char],
    next: usize,
    previous: &str,
) -> bool {
    if token.is_empty() {
        return false;
    }
    let next_is_digit = next_is_digit(chars, next);
    if token.contains('.') {
        let acronym = token.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        });
        // `U.S. officials` runs on; `the U.S. The` and `the U.S. Answering critics` break, since
        // a capitalised participle after an acronym opens a sentence far more often than a name.
        let participle = next_word.len() > 4
            && next_word.ends_with("ing")
            && !next_word.ends_with("thing")
            && second_word_lowercase(chars, next);
        return acronym && !is_starter(next_word) && !participle;
    }
    let mut letters = token.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_alphabetic() {
            // An initial: `J. R. R. Tolkien`, `George W. Bush`, `Roe v. Wade`.
            return next_is_initial(chars, next) || !is_starter(next_word);
        }
        return false;
    }
    if token == "St" && previous.starts_with(char::is_uppercase) {
        // After a capitalised word `St.` is "Street" and may end the sentence (`on Main St.
        // Roe said`); before one with nothing capitalised ahead it is "Saint" (`St. Petersburg`).
        return !is_starter(next_word) && !subject_then_verb(chars, next);
    }
    if TITLES.contains(&token) {
        return true;
    }
    if CORPORATE.contains(&token) && chars.get(next).is_some_and(|&c| c == '(') {
        // `Acme Holdings, Inc. (“Acme”), a firm`: the bracket defines a short name.
        return true;
    }
    if GENERATIONAL_SUFFIXES.contains(&token) {
        return !is_starter(next_word);
    }
    if matches!(token, "No" | "Nos" | "no" | "nos") {
        return next_is_digit;
    }
    if MONTH_ABBREVIATIONS.contains(&token) {
        return next_is_digit || !is_starter(next_word);
    }
    if STATES.contains(&token) {
        return !next_is_digit && !is_starter(next_word);
    }
    // `etc.`, `Inc.`, `Corp.`, `Ltd.`, `Co.` run on only before a lowercase word, which
    // never reaches this point.
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::Lcg;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splits_by_the_rules() {
        let rows: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("  Padded.   Out.  ", &["Padded.", "Out."]),
            ("Why? Because! Done", &["Why?", "Because!", "Done"]),
            ("No end here", &["No end here"]),
            (
                "It rose 3.5 per cent. Then fell.",
                &["It rose 3.5 per cent.", "Then fell."],
            ),
            (
                "Some 1,200 came. 300 left.",
                &["Some 1,200 came.", "300 left."],
            ),
            (
                "See example.com. It works.",
                &["See example.com.", "It works."],
            ),
            (
                "Mail a.b@example.org today. Now.",
                &["Mail a.b@example.org today.", "Now."],
            ),
            // Closing marks go with the sentence they close.
            (
                "join in all areas of progress.” During his visit he spoke.",
                &[
                    "join in all areas of progress.”",
                    "During his visit he spoke.",
                ],
            ),
            (
                "He left (quietly.) Then came back.",
                &["He left (quietly.)", "Then came back."],
            ),
            (
                "She said “Yes.” “No,” he said.",
                &["She said “Yes.”", "“No,” he said."],
            ),
            (
                "It ended. (Then it began.)",
                &["It ended.", "(Then it began.)"],
            ),
            // Quoted exclamations before a lowercase cue do not break.
            (
                "“Go!” he said. “Now?” she asked.",
                &["“Go!” he said.", "“Now?” she asked."],
            ),
            // Titles, initials, places.
            (
                "Mr. Smith met Dr. Jones. They talked.",
                &["Mr. Smith met Dr. Jones.", "They talked."],
            ),
            (
                "Gen. Ivanov and Sen. Kerry met.",
                &["Gen. Ivanov and Sen. Kerry met."],
            ),
            (
                "He wrote to Prof. Lee and Capt. Kirk.",
                &["He wrote to Prof. Lee and Capt. Kirk."],
            ),
            (
                "He visited a St. Petersburg factory.",
                &["He visited a St. Petersburg factory."],
            ),
            ("He lives in St. The end.", &["He lives in St. The end."]),
            (
                "A South St. Paul woman was fined.",
                &["A South St. Paul woman was fined."],
            ),
            // `St.` after a capitalised word is "Street" and can end a sentence.
            (
                "The shop is on Main St. Roe said it would stay.",
                &["The shop is on Main St.", "Roe said it would stay."],
            ),
            (
                "St. Petersburg grew. Riga did not.",
                &["St. Petersburg grew.", "Riga did not."],
            ),
            // What follows `No.` and `Inc.` counts, not the bracket before it.
            (
                "It acts under Federal Decree No. (14) of 2016 today.",
                &["It acts under Federal Decree No. (14) of 2016 today."],
            ),
            (
                "Acme Holdings, Inc. (“Acme”), a firm in Springfield, grew.",
                &["Acme Holdings, Inc. (“Acme”), a firm in Springfield, grew."],
            ),
            // A capitalised participle after a dotted acronym opens a sentence.
            (
                "Sailors left the U.S. Answering critics, the mayor spoke.",
                &[
                    "Sailors left the U.S.",
                    "Answering critics, the mayor spoke.",
                ],
            ),
            (
                "J. R. R. Tolkien wrote it. A classic.",
                &["J. R. R. Tolkien wrote it.", "A classic."],
            ),
            (
                "President George W. Bush spoke.",
                &["President George W. Bush spoke."],
            ),
            ("Roe v. Wade stands.", &["Roe v. Wade stands."]),
            (
                "It was Plan B. The rest failed.",
                &["It was Plan B.", "The rest failed."],
            ),
            (
                "Martin Luther King Jr. The dreamer.",
                &["Martin Luther King Jr.", "The dreamer."],
            ),
            (
                "Sammy Davis Jr. Thompson was there.",
                &["Sammy Davis Jr. Thompson was there."],
            ),
            ("He lives at No. 10 now.", &["He lives at No. 10 now."]),
            ("He said No. The end.", &["He said No.", "The end."]),
            (
                "Apples, pears etc. and more.",
                &["Apples, pears etc. and more."],
            ),
            (
                "Apples, pears etc. The end.",
                &["Apples, pears etc.", "The end."],
            ),
            (
                "Acme Inc. said so. Acme Inc. The end.",
                &["Acme Inc. said so.", "Acme Inc.", "The end."],
            ),
            // Months.
            (
                "It began on Jan. 5 in Moscow.",
                &["It began on Jan. 5 in Moscow."],
            ),
            (
                "Talks ran Sept. 3-5. Then broke.",
                &["Talks ran Sept. 3-5.", "Then broke."],
            ),
            (
                "Since Dec. The talks stalled.",
                &["Since Dec.", "The talks stalled."],
            ),
            // States.
            (
                "He flew from Seattle, Wash. Boeing paid.",
                &["He flew from Seattle, Wash. Boeing paid."],
            ),
            (
                "He lives in Fla. He likes it.",
                &["He lives in Fla.", "He likes it."],
            ),
            (
                "He was ill. He stayed home.",
                &["He was ill.", "He stayed home."],
            ),
            // Dotted acronyms.
            ("The U.S. Navy sailed.", &["The U.S. Navy sailed."]),
            (
                "He came to the U.S. He stayed.",
                &["He came to the U.S.", "He stayed."],
            ),
            (
                "The U.N. Security Council met.",
                &["The U.N. Security Council met."],
            ),
            (
                "At 9 a.m. Moscow time it began.",
                &["At 9 a.m. Moscow time it began."],
            ),
            (
                "It began at 9 a.m. The crowd grew.",
                &["It began at 9 a.m.", "The crowd grew."],
            ),
            (
                "Fruit, e.g. Apples, is good.",
                &["Fruit, e.g. Apples, is good."],
            ),
            ("That is, i.e. Nothing.", &["That is, i.e. Nothing."]),
            // Ellipses.
            ("Wait... and see. Done.", &["Wait... and see.", "Done."]),
            ("Wait… and see.", &["Wait… and see."]),
            ("He paused... Then spoke.", &["He paused...", "Then spoke."]),
            ("He paused… Then spoke.", &["He paused…", "Then spoke."]),
            // Trailing parentheticals.
            ("It was late. (Reuters)", &["It was late. (Reuters)"]),
            ("It was late. (AP).", &["It was late. (AP)."]),
            ("It was late. (AP) More.", &["It was late.", "(AP) More."]),
            (
                "It was behind schedule (Monitor, March 12; AP, March 13).",
                &["It was behind schedule (Monitor, March 12; AP, March 13)."],
            ),
            // Openers of the next sentence.
            (
                "He left. “We won,” she said.",
                &["He left.", "“We won,” she said."],
            ),
            (
                "He left. \"We won,\" she said.",
                &["He left.", "\"We won,\" she said."],
            ),
            ("He left. (See below.)", &["He left.", "(See below.)"]),
            ("He paid. $5 was enough.", &["He paid.", "$5 was enough."]),
            ("The end. 2001 was good.", &["The end.", "2001 was good."]),
            ("He went . Then.", &["He went .", "Then."]),
            ("", &[]),
            ("   ", &[]),
            (".", &["."]),
        ];
        for (input, expected) in rows {
            assert_eq!(split(input), *expected, "input: {input:?}");
        }
    }

    #[test]
    fn works_inside_a_larger_text() {
        let text = "Header\n\nFirst one. Second one.\n\nOther.";
        let para = Span::new(8, 30);
        assert_eq!(para.slice(text), "First one. Second one.");
        let got = split_sentences(text, para);
        assert_eq!(got, [Span::new(8, 18), Span::new(19, 30)]);
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let text = "Kazan–in “a” é. Next.";
        let rows = [
            Span::new(0, 1000),
            Span::new(6, 7),
            Span::new(7, 6),
            Span::new(500, 600),
            Span::new(11, 19),
        ];
        for span in rows {
            for s in split_sentences(text, span) {
                assert!(text.get(s.start..s.end).is_some(), "{span:?} gave {s:?}");
            }
        }
        // Both ends fall inside "–" and cross over: nothing is left.
        assert_eq!(fit_span(text, Span::new(6, 7)), None);
        assert_eq!(fit_span(text, Span::new(6, 9)), Some(Span::new(8, 9)));
    }

    fn random_text(rng: &mut Lcg, len: usize) -> String {
        const PIECES: &[&str] = &[
            "a", "B", "é", "“", "”", "’", "‘", "\"", "–", "…", ".", "?", "!", "(", ")", " ", " ",
            "\n", "\n\n", "U.S.", "Mr.", "3.5", "said", "He", ",", ";", ":", "March 12", "«", "»",
            "Reuters", "AP",
        ];
        rng.text(PIECES, len)
    }

    #[test]
    fn property_no_panics_and_well_formed_spans() {
        let mut rng = Lcg(7);
        for round in 0..3000 {
            let len = (rng.next() % 60) as usize;
            let text = random_text(&mut rng, len);
            let a = (rng.next() as usize) % (text.len() + 3);
            let b = (rng.next() as usize) % (text.len() + 3);
            for para in [Span::new(0, text.len()), Span::new(a.min(b), a.max(b))] {
                let spans = split_sentences(&text, para);
                let fitted = fit_span(&text, para).unwrap_or_default();
                let mut last_end = 0;
                for s in &spans {
                    assert!(
                        text.get(s.start..s.end).is_some(),
                        "round {round}: {text:?} {s:?}"
                    );
                    assert!(
                        s.start < s.end && s.start >= last_end,
                        "round {round}: {text:?}"
                    );
                    assert!(fitted.contains(*s), "round {round}: {text:?}");
                    assert_eq!(s.trim(&text), *s);
                    last_end = s.end;
                }
                // Every non-white-space char of the paragraph is in some sentence.
                for (i, c) in fitted.slice(&text).char_indices() {
                    let at = fitted.start + i;
                    if !c.is_whitespace() {
                        assert!(
                            spans.iter().any(|s| s.start <= at && at < s.end),
                            "round {round}: {text:?} lost {c:?} at {at}"
                        );
                    }
                }
            }
        }
    }
}
