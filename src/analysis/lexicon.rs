//! Small closed word lists that several stages share: months and weekdays.

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Abbreviations written with a full stop ("Jan."); "May" is a full name and so is not here.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A month's name or abbreviation in any letter case, with or without a final full stop.
pub fn is_month(word: &str) -> bool {
    let word = without_stops(word);
    // Every name is three to nine letters and starts with one of these: most words stop here.
    let plausible = (3..=9).contains(&word.len())
        && word.as_bytes().first().is_some_and(|b| {
            matches!(
                b.to_ascii_lowercase(),
                b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
            )
        });
    plausible
        && MONTH_NAMES
            .iter()
            .chain(MONTH_ABBREVIATIONS.iter())
            .any(|m| m.len() == word.len() && m.eq_ignore_ascii_case(word))
}

/// A weekday's full name in any letter case. Short forms are left out: "Sun" and "Mon" are as
/// likely to be newspapers as days.
pub fn is_weekday(word: &str) -> bool {
    let word = without_stops(word);
    (6..=9).contains(&word.len())
        && WEEKDAYS
            .iter()
            .any(|d| d.len() == word.len() && d.eq_ignore_ascii_case(word))
}

/// The word without its final full stops, found by bytes: these checks see every word of every
/// analysis, and a stop is one byte that no other character's bytes contain.
fn without_stops(word: &str) -> &str {
    let kept = word.bytes().rev().skip_while(|&b| b == b'.').count();
    word.get(..kept).unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        for (word, month, weekday) in [
            ("March", true, false),
            ("march", true, false),
            ("Sept.", true, false),
            ("MAY", true, false),
            ("Monday", false, true),
            ("Mon", false, false),
            ("Marches", false, false),
            ("", false, false),
        ] {
            assert_eq!(
                (is_month(word), is_weekday(word)),
                (month, weekday),
                "{word}"
            );
        }
    }
}
