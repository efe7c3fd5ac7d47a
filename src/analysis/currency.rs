//! Amounts of money as evidence of the country an article is written in and about.
//!
//! Local news gives prices in its own currency: "$765,000" in an article that names only
//! "Mansfield" is the Texan or Ohioan town, not the English one. The bare dollar sign is read
//! as the United States' (the dollar of most English-language news); prefixed dollars ("C$",
//! "A$", "NZ$") and the pound name their own countries. Signs shared by many countries (the
//! euro) name none.
//!
//! Look-around: one pass over the text; a sign reads only the characters just before it.

/// Each currency sign that names one country, with the ISO 3166-1 code, longest first so that
/// "NZ$" is read before "$".
const SIGNS: &[(&str, &str)] = &[
    ("US$", "US"),
    ("NZ$", "NZ"),
    ("C$", "CA"),
    ("A$", "AU"),
    ("£", "GB"),
    ("$", "US"),
];

/// The countries of the amounts of money in `text` ("$5", "£3.2 million"), each once, in order
/// of first appearance.
pub fn currency_countries(text: &str) -> Vec<&'static str> {
    let mut countries: Vec<&'static str> = Vec::new();
    // The signs are found by their bytes, without decoding the text: `£` is the only character
    // whose encoding ends in 0xA3 after a 0xC2, which never continues another character.
    let bytes = text.as_bytes();
    let signs = bytes.iter().enumerate().filter_map(|(i, &b)| match b {
        b'$' => Some((i, "$")),
        0xA3 if i > 0 && bytes.get(i - 1) == Some(&0xC2) => Some((i - 1, "£")),
        _ => None,
    });
    for (at, sign) in signs {
        let (before, after) = text.split_at(at + sign.len());
        if !after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Some(&(sign, country)) = SIGNS.iter().find(|(sign, _)| before.ends_with(sign)) else {
            continue;
        };
        // "HK$" or "R$" are other dollars: a letter before the sign that makes no known prefix.
        let prefix = &before[..before.len() - sign.len()];
        if prefix.ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        if !countries.contains(&country) {
            countries.push(country);
        }
    }
    countries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_give_their_currencys_country() {
        let cases: &[(&str, &[&str])] = &[
            ("a $640,000 loan for the mill", &["US"]),
            ("cost $ 5 million", &["US"]),
            ("US$2 billion in aid", &["US"]),
            ("C$300 and A$40 and NZ$12", &["CA", "AU", "NZ"]),
            ("£3.2m for the school, then $4", &["GB", "US"]),
            // Other dollars, and signs without an amount, say nothing.
            ("HK$10 and R$5", &[]),
            ("the $ sign and £s", &[]),
            ("€40 million", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&currency_countries(text), expected, "{text}");
        }
    }

    #[test]
    fn never_panics_on_cut_or_odd_text() {
        let text = "NZ$1 £2 US$3 é$ $£ 4";
        for (end, _) in text.char_indices() {
            let _ = currency_countries(&text[..end]);
            let _ = currency_countries(&text[end..]);
        }
    }
}
