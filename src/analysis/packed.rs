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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_streams_are_errors_not_panics() {
        assert!(unpack(&[]).is_err());
        assert!(unpack(&[0x5d, 0, 0, 0x10, 0, 0xff]).is_err());
        let packed = include_bytes!("../../data/names/given.txt.lzma");
        assert!(unpack_text(packed).is_ok());
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
