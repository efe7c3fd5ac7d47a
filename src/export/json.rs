//! The full analysis as JSON: the same document as `article-atlas analyze`, whose schema
//! (`schema_version`) the README documents.

use crate::analysis::Analysis;

pub fn to_json(analysis: &Analysis) -> String {
    // Serialising these plain types cannot fail (non-finite numbers become null).
    serde_json::to_string_pretty(analysis).unwrap_or_default()
}
