//! Reading statistics for the body: counts, reading time and the Flesch–Kincaid grade.
//!
//! Syllables come from a spelling heuristic (vowel groups, less a silent final e) rather than a
//! pronouncing dictionary: it keeps the crate small enough for the browser and is within a
//! syllable or so per sentence of the dictionary count, which is all a grade level needs.
//! Nothing is rounded here; the interface decides how to show the numbers.
//!
//! Look-around: one pass over the words; each word is read alone.

use crate::analysis::text::fit_span;
use crate::analysis::text::{words_in, Span};
use crate::analysis::{Paragraph, Stats};

/// Average adult silent reading rate, in words a minute.
const WORDS_PER_MINUTE: f64 = 238.0;

/// Statistics over the body `paragraphs` of `text`.
pub fn compute(text: &str, paragraphs: &[Paragraph]) -> Stats {
    let words: Vec<Span> = paragraphs
        .iter()
        .filter_map(|p| fit_span(text, Span::new(p.start, p.end)))
        .flat_map(|span| words_in(text, span))
        .collect();
    of_words(text, paragraphs, &words)
}

/// [`compute`] with the paragraphs' words already read: the words of their sentences are the
/// same (sentences break only at white space and leave out only white space).
pub fn of_words(text: &str, paragraphs: &[Paragraph], words: &[Span]) -> Stats {
    let mut stats = Stats {
        paragraphs: paragraphs.len(),
        ..Stats::default()
    };
    for p in paragraphs {
        stats.sentences += p.sentences.len();
        let Some(span) = fit_span(text, Span::new(p.start, p.end)) else {
            continue;
        };
        stats.characters += span.slice(text).chars().count();
    }
    for word in words {
        stats.words += 1;
        stats.syllables += syllables(word.slice(text));
    }
    let words = stats.words as f64;
    stats.reading_minutes = words / WORDS_PER_MINUTE;
    if stats.words > 0 {
        // A text with words but no sentence boundaries reads as one long sentence.
        let sentences = stats.sentences.max(1) as f64;
        stats.flesch_kincaid_grade =
            0.39 * (words / sentences) + 11.8 * (stats.syllables as f64 / words) - 15.59;
    }
    stats
}

/// Estimated syllables in one word; at least 1. Hyphenated parts are counted separately.
pub fn syllables(word: &str) -> usize {
    // Most words are one plain ASCII part: they skip the search for dashes.
    let one_part = word.bytes().all(|b| b != b'-' && b.is_ascii());
    if one_part && !word.is_empty() {
        return part_syllables(word);
    }
    word.split(['-', '–'])
        .filter(|part| !part.is_empty())
        .map(part_syllables)
        .sum::<usize>()
        .max(1)
}

fn part_syllables(part: &str) -> usize {
    // The possessive `’s` adds no syllable.
    let part = part
        .strip_suffix("’s")
        .or_else(|| part.strip_suffix("'s"))
        .unwrap_or(part);
    // Words are counted for every analysis, as the user types: a plain ASCII word's letters are
    // read from its bytes, and only other words pay for the Unicode tables.
    if part.is_ascii() {
        let letters = part.bytes().filter(u8::is_ascii_alphabetic);
        letters_syllables(letters.map(|b| char::from(b.to_ascii_lowercase())))
    } else {
        let letters = part.chars().filter(|c| c.is_alphabetic());
        letters_syllables(letters.flat_map(char::to_lowercase))
    }
}

/// The syllables of a word's lower-case letters: its vowel groups, less a silent ending. One
/// pass, keeping only whether the last letter was a vowel and the last three letters.
fn letters_syllables(letters: impl Iterator<Item = char>) -> usize {
    let (mut count, mut n, mut previous_vowel) = (0, 0, false);
    // The last three letters, the latest last.
    let mut last = ['\0'; 3];
    for c in letters {
        let vowel = is_vowel(c, n);
        count += usize::from(vowel && !previous_vowel);
        previous_vowel = vowel;
        last = [last[1], last[2], c];
        n += 1;
    }
    if count > 1 && n >= 3 {
        let [third, before, final_letter] = last;
        // Silent final e (make, whale), but not the -le of table, nor -ee.
        let silent_e = final_letter == 'e'
            && !is_vowel(before, n - 2)
            && (before != 'l' || is_vowel(third, n - 3));
        // -ed is silent except after t or d (jumped, but wanted).
        let silent_ed = [before, final_letter] == ['e', 'd']
            && !is_vowel(third, n - 3)
            && !matches!(third, 't' | 'd');
        // -es is silent except after sibilants (makes, but boxes, places, changes).
        let silent_es = [before, final_letter] == ['e', 's']
            && !is_vowel(third, n - 3)
            && !matches!(third, 's' | 'x' | 'z' | 'c' | 'g' | 'h');
        if silent_e || silent_ed || silent_es {
            count -= 1;
        }
    }
    // Numbers and vowel-less abbreviations are read as at least one syllable.
    count.max(1)
}

fn is_vowel(c: char, index: usize) -> bool {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        // A leading y is a consonant (yes), elsewhere a vowel (system, Kazyr).
        'y' => index > 0,
        _ if c.is_ascii() => false,
        _ => "àáâãäåæèéêëěìíîïòóôõöøœùúûüůýÿ".contains(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::Lcg;

    #[test]
    fn syllable_counts() {
        let rows: &[(&str, usize)] = &[
            ("a", 1),
            ("the", 1),
            ("cat", 1),
            ("make", 1),
            ("whale", 1),
            ("table", 2),
            ("little", 2),
            ("free", 1),
            ("agree", 2),
            ("jumped", 1),
            ("wanted", 2),
            ("makes", 1),
            ("boxes", 2),
            ("places", 2),
            ("changes", 2),
            ("yes", 1),
            ("system", 2),
            ("Khatami’s", 3),
            ("high-tech", 2),
            ("four-day", 2),
            ("construction", 3),
            ("significant", 4),
            ("café", 2),
            ("300", 1),
            ("3.5", 1),
            ("AP", 1),
            ("", 1),
        ];
        for (word, expected) in rows {
            assert_eq!(syllables(word), *expected, "word: {word:?}");
        }
    }

    fn paragraph(start: usize, end: usize, sentences: usize) -> Paragraph {
        Paragraph {
            start,
            end,
            lede: start == 0,
            sentences: vec![Span::new(start, end); sentences],
        }
    }

    #[test]
    fn counts_and_grade() {
        let text = "The cat sat. The dog ran.\n\nA big red bus.";
        let paras = [paragraph(0, 25, 2), paragraph(27, 41, 1)];
        let stats = compute(text, &paras);
        assert_eq!(stats.paragraphs, 2);
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.words, 10);
        assert_eq!(stats.syllables, 10);
        assert_eq!(stats.characters, 25 + 14);
        assert!((stats.reading_minutes - 10.0 / 238.0).abs() < 1e-12);
        let grade = 0.39 * (10.0 / 3.0) + 11.8 * 1.0 - 15.59;
        assert!((stats.flesch_kincaid_grade - grade).abs() < 1e-12);
    }

    #[test]
    fn multibyte_characters_count_once() {
        let text = "Kazan–in “é”";
        let stats = compute(text, &[paragraph(0, text.len(), 1)]);
        assert_eq!(stats.characters, 12);
        assert_eq!(stats.words, 3);
    }

    #[test]
    fn empty_and_odd_input() {
        let rows: &[(&str, Vec<Paragraph>)] = &[
            ("", vec![]),
            ("   ", vec![paragraph(0, 3, 0)]),
            ("Words but no sentences", vec![paragraph(0, 22, 0)]),
            (
                "é",
                vec![paragraph(1, 2, 1), paragraph(5, 9, 1), paragraph(2, 0, 1)],
            ),
        ];
        for (text, paras) in rows {
            let stats = compute(text, paras);
            assert!(stats.reading_minutes.is_finite() && stats.flesch_kincaid_grade.is_finite());
            if stats.words == 0 {
                assert_eq!(stats.flesch_kincaid_grade, 0.0, "{text:?}");
            }
        }
        assert_eq!(compute("", &[]), Stats::default());
    }

    #[test]
    fn property_no_panics_and_finite_numbers() {
        const PIECES: &[&str] = &[
            "a", "B", "é", "“", "”", "’", "‘", "–", "…", ".", "?", "!", "(", ")", " ", "\n",
            "table", "y", "e", "es", "ed", "’s", "3.5", "-",
        ];
        let mut rng = Lcg(3);
        for _ in 0..3000 {
            let len = (rng.next() % 50) as usize;
            let text = rng.text(PIECES, len);
            let a = (rng.next() as usize) % (text.len() + 3);
            let b = (rng.next() as usize) % (text.len() + 3);
            let paras = [paragraph(0, text.len(), 1), paragraph(a, b, 2)];
            let stats = compute(&text, &paras);
            assert!(stats.reading_minutes.is_finite() && stats.flesch_kincaid_grade.is_finite());
            assert!(stats.syllables >= stats.words);
            for w in text.split_whitespace() {
                assert!(syllables(w) >= 1);
            }
        }
    }

    /// The analysis counts its sentences' words; they are its paragraphs' words.
    #[test]
    fn words_of_the_sentences_are_the_words_of_the_paragraphs() {
        const PIECES: &[&str] = &[
            "Ab", "c", "é", "“", "”", "’", "'", "‘", "–", "-", "…", ".", ",", "?", "!", "(", ")",
            " ", "  ", "\n", "\n\n", "3", "3.5", "U.S.", "\t", "\u{a0}", "said",
        ];
        let mut rng = Lcg(7);
        let analyzer = crate::analysis::Analyzer::new();
        for _ in 0..300 {
            let len = (rng.next() % 80) as usize;
            let text = rng.text(PIECES, len);
            let analysis = analyzer.analyze(&text);
            assert_eq!(
                compute(&analysis.text, &analysis.paragraphs),
                analysis.stats,
                "{text:?}"
            );
        }
    }
}
