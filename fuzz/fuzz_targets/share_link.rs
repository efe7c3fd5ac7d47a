//! Share links: any article survives the round trip through a link, and any fragment, damaged
//! or forged, is read without a panic (the page reads whatever link it is opened with).
#![no_main]

use article_atlas::export::{deflate, share};
use article_atlas_fuzz::{check_share_round_trip, split_format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((format, text)) = split_format(data) {
        check_share_round_trip(text, format);
    }
    assert_eq!(
        deflate::inflate(&deflate::deflate(data)).as_deref(),
        Ok(data),
        "DEFLATE round trip"
    );
    assert_eq!(
        share::base64url_decode(&share::base64url_encode(data)).as_deref(),
        Some(data),
        "base64url round trip"
    );
    let _ = deflate::inflate(data);
    if let Ok(fragment) = std::str::from_utf8(data) {
        let _ = share::read_fragment(fragment);
        let _ = share::read_fragment(&format!("{}{fragment}", share::FRAGMENT_PREFIX));
    }
});
