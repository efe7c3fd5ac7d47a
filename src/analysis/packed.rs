//! Embedded data sets stored LZMA-compressed, unpacked once where they are opened.
//!
//! The page is served gzip-compressed, and the wasm's first load has a budget (issue 14:
//! 1.5 MB gzip -9, `scripts/size.sh`). The large generated data sets (the gazetteer, the name
//! lists) are 12–20% smaller under LZMA than under gzip, so their builders store them in the
//! "lzma alone" format (`xz --format=lzma`, Python's `lzma.FORMAT_ALONE`) and they are unpacked
//! into memory the first time the analyser opens them. A compressed file does not shrink again
//! under the server's gzip, so what is embedded is what is sent.
//!
//! `lzma-rust2` is the decoder: pure Rust, about 14 KB of wasm under gzip. Measured in wasm (V8,
//! opt-level "z", the gazetteer's 2.2 MB): three times as fast as `lzma-rs` (5 KB smaller), half
//! as fast as `ruzstd`, whose zstd files (`--ultra -22 --long`) are 49 KB larger and decoder 11 KB
//! larger. The unpacked bytes are then read as the uncompressed file was (searched where they
//! lie).

/// Why embedded data could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnpackError(pub String);

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unpacking embedded data: {}", self.0)
    }
}

/// Larger than any data set the page embeds, in KiB: a corrupt header cannot make the decoder
/// reserve more than this for its dictionary.
const MEMORY_LIMIT_KIB: u32 = 64 << 10;

/// The bytes of an "lzma alone" stream. Corrupt input is an error, never a panic.
pub fn unpack(packed: &[u8]) -> Result<Vec<u8>, UnpackError> {
    use std::io::Read;
    let error = |e: std::io::Error| UnpackError(e.to_string());
    let mut reader =
        lzma_rust2::LzmaReader::new_mem_limit(packed, MEMORY_LIMIT_KIB, None).map_err(error)?;
    let mut out = Vec::with_capacity(packed.len().saturating_mul(3));
    reader.read_to_end(&mut out).map_err(error)?;
    Ok(out)
}

/// Unpacked UTF-8 text; anything else is an error.
pub fn unpack_text(packed: &[u8]) -> Result<String, UnpackError> {
    String::from_utf8(unpack(packed)?).map_err(|e| UnpackError(e.to_string()))
}

/// Unpacked front-coded lines (see [`expand_front_coded`]) as UTF-8 text.
pub fn unpack_front_coded_text(packed: &[u8]) -> Result<String, UnpackError> {
    let coded = unpack(packed)?;
    let mut text = Vec::with_capacity(coded.len() * 3 / 2);
    expand_front_coded(&coded, &mut text)?;
    String::from_utf8(text).map_err(|e| UnpackError(e.to_string()))
}

/// Writes front-coded lines out as plain newline-joined lines at the end of `out`, and returns
/// how many there are. Each coded line starts with a byte that counts the bytes it shares with
/// the previous line's key (the part before a tab, at most 255), followed by the remainder of
/// the line; sorted lines share long prefixes, which LZMA alone codes less well. A count past the
/// previous key is an error.
pub fn expand_front_coded(coded: &[u8], out: &mut Vec<u8>) -> Result<usize, UnpackError> {
    let mut previous_key = out.len()..out.len();
    let mut lines = 0;
    let mut at = 0;
    // The count byte may itself be a newline's: each line is read from its count on.
    while at < coded.len() {
        let shared = usize::from(coded[at]);
        if shared > previous_key.len() {
            return Err(UnpackError(
                "front-coded line shares more than its neighbour".into(),
            ));
        }
        let end = coded[at + 1..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(coded.len(), |p| at + 1 + p);
        if lines > 0 {
            out.push(b'\n');
        }
        let line_start = out.len();
        out.extend_from_within(previous_key.start..previous_key.start + shared);
        out.extend_from_slice(&coded[at + 1..end]);
        let key_len = out[line_start..]
            .iter()
            .position(|&b| b == b'\t')
            .unwrap_or(out.len() - line_start);
        previous_key = line_start..line_start + key_len;
        lines += 1;
        at = end + 1;
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coded_lines_share_their_neighbour_key() {
        let mut out = Vec::new();
        let coded = b"\x00Aberdeen\n\x05ville\tNote\n\x00Baker\n\x01ath";
        assert_eq!(expand_front_coded(coded, &mut out), Ok(4));
        assert_eq!(out, b"Aberdeen\nAberdville\tNote\nBaker\nBath");
        // A count byte equal to a newline's.
        let mut out = Vec::new();
        let coded = b"\x00abcdefghijkl\n\x0amn";
        assert_eq!(expand_front_coded(coded, &mut out), Ok(2));
        assert_eq!(out, b"abcdefghijkl\nabcdefghijmn");
        assert!(expand_front_coded(b"\x00ab\n\x03c", &mut Vec::new()).is_err());
        assert_eq!(expand_front_coded(b"", &mut Vec::new()), Ok(0));
    }

    #[test]
    fn corrupt_streams_are_errors_not_panics() {
        assert!(unpack(&[]).is_err());
        assert!(unpack(&[0x5d, 0, 0, 0x10, 0, 0xff]).is_err());
        let packed = include_bytes!("../../data/names/given.txt.lzma");
        assert!(unpack_front_coded_text(packed).is_ok());
        for cut in [13, 100, packed.len() / 2, packed.len() - 1] {
            assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = packed.to_vec();
        for i in (5..flipped.len()).step_by(flipped.len() / 31) {
            flipped[i] ^= 0x55;
            let _ = unpack(&flipped);
        }
    }
}
