//! Share links: the article travels compressed in the URL fragment, which browsers never send
//! to a server. `#share-v1=` + base64url(raw DEFLATE(format byte + UTF-8 text)).

use super::deflate::{deflate, inflate};
use crate::analysis::InputFormat;

pub const FRAGMENT_PREFIX: &str = "#share-v1=";

/// Longer fragments are refused: some mail and chat programs cut long links, and a link that
/// arrives cut would open nothing.
pub const MAX_FRAGMENT_CHARS: usize = 16_000;

/// An article read back from a share link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedArticle {
    pub text: String,
    /// `None`: the format is guessed from the text, as for pasted text.
    pub format: Option<InputFormat>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The article compresses to more than the limit: export a file instead.
    TooLong { length: usize, limit: usize },
    /// The link was cut or altered on its way.
    Damaged,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLong { length, limit } => write!(
                f,
                "This article is too long for a link ({length} characters; links hold up to {limit}). Export it as a file instead."
            ),
            ShareError::Damaged => f.write_str(
                "This share link is damaged (it may have been cut short), so no article could be read from it.",
            ),
        }
    }
}

fn format_code(format: Option<InputFormat>) -> u8 {
    match format {
        None => 0,
        Some(InputFormat::Plain) => 1,
        Some(InputFormat::Markdown) => 2,
        Some(InputFormat::Html) => 3,
    }
}

/// The fragment (with its `#`) that opens this article.
pub fn share_fragment(text: &str, format: Option<InputFormat>) -> Result<String, ShareError> {
    let mut payload = Vec::with_capacity(text.len() + 1);
    payload.push(format_code(format));
    payload.extend_from_slice(text.as_bytes());
    let fragment = format!("{FRAGMENT_PREFIX}{}", base64url_encode(&deflate(&payload)));
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong {
            length: fragment.len(),
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    Ok(fragment)
}

/// Reads a location's fragment: `None` if it is not a share link at all.
pub fn read_fragment(fragment: &str) -> Option<Result<SharedArticle, ShareError>> {
    let encoded = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(&FRAGMENT_PREFIX[1..])?;
    Some(decode(encoded).ok_or(ShareError::Damaged))
}

fn decode(encoded: &str) -> Option<SharedArticle> {
    let payload = inflate(&base64url_decode(encoded)?).ok()?;
    let (&code, text) = payload.split_first()?;
    let format = match code {
        0 => None,
        1 => Some(InputFormat::Plain),
        2 => Some(InputFormat::Markdown),
        3 => Some(InputFormat::Html),
        _ => return None,
    };
    let text = String::from_utf8(text.to_vec()).ok()?;
    Some(SharedArticle { text, format })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// `None` for any character outside the alphabet, padding included, or an impossible length.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
        for bad in ["Zm9v=", "Zm+v", "Z", "Zm9vY", "a b"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_article_round_trips_through_a_link() {
        for (text, format) in [
            (crate::SAMPLE_ARTICLE, None),
            ("# Zürich 🙂\n\nA *short* one.", Some(InputFormat::Markdown)),
            ("<p>x</p>", Some(InputFormat::Html)),
            ("", Some(InputFormat::Plain)),
        ] {
            let fragment = share_fragment(text, format).unwrap();
            assert!(fragment.starts_with(FRAGMENT_PREFIX));
            assert!(fragment[1..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)));
            let back = read_fragment(&fragment).unwrap().unwrap();
            assert_eq!(back.text, text);
            assert_eq!(back.format, format);
        }
    }

    #[test]
    fn the_sample_fits_in_a_link() {
        let fragment = share_fragment(crate::SAMPLE_ARTICLE, None).unwrap();
        assert!(
            fragment.len() < crate::SAMPLE_ARTICLE.len(),
            "{}",
            fragment.len()
        );
    }

    #[test]
    fn a_long_article_is_refused_with_its_length() {
        // Text that does not compress: every 3-byte window is new.
        let mut x = 7u32;
        let text: String = (0..40_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        match share_fragment(&text, None) {
            Err(ShareError::TooLong { length, limit }) => {
                assert!(length > limit);
                assert_eq!(limit, MAX_FRAGMENT_CHARS);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn other_fragments_are_not_share_links_and_damaged_links_say_so() {
        assert_eq!(read_fragment(""), None);
        assert_eq!(read_fragment("#aa-article"), None);
        let fragment = share_fragment(crate::SAMPLE_ARTICLE, None).unwrap();
        let cut = &fragment[..fragment.len() / 2];
        assert_eq!(read_fragment(cut), Some(Err(ShareError::Damaged)));
        assert_eq!(
            read_fragment("#share-v1=%%%"),
            Some(Err(ShareError::Damaged))
        );
        // A link made by another DEFLATE encoder (the browser's, say) opens too.
        let mut payload = vec![0u8];
        payload.extend_from_slice("Made elsewhere.".as_bytes());
        let theirs = miniz_oxide::deflate::compress_to_vec(&payload, 9);
        let fragment = format!("{FRAGMENT_PREFIX}{}", base64url_encode(&theirs));
        assert_eq!(
            read_fragment(&fragment).unwrap().unwrap().text,
            "Made elsewhere."
        );
    }
}
