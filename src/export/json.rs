//! The full analysis as JSON: the same document as `article-atlas analyze`, whose schema
//! (`schema_version`) the README documents.

use serde::Serialize;

use crate::analysis::Analysis;

pub fn to_json(analysis: &Analysis) -> String {
    pretty(analysis)
}

/// `serde_json::to_string_pretty`, byte for byte, written as the compact JSON indented. The page
/// already serialises its analysis compactly (for its worker); serialising it pretty as well
/// would put a second copy of every `Serialize` impl in the wasm (issue 14, the first load).
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising these plain types cannot fail (non-finite numbers become null).
    indent(&serde_json::to_string(value).unwrap_or_default())
}

/// Indents compact JSON as serde_json's `PrettyFormatter` does: two spaces a level, `": "`
/// after a key, and `{}`/`[]` for an empty object or array.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn pretty_is_serde_jsons_pretty_printer_byte_for_byte() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        assert_eq!(
            to_json(&analysis),
            serde_json::to_string_pretty(&analysis).unwrap()
        );
        let odd = serde_json::json!({
            "empty": {}, "none": [], "nested": [[], {}, [1, [2.5, null]], {"a": {"b": []}}],
            "quotes": "a \"b\" \\ {c} [d], e: f", "unicode": "é \u{1}", "n": -0.0
        });
        assert_eq!(pretty(&odd), serde_json::to_string_pretty(&odd).unwrap());
        assert_eq!(pretty(&Vec::<u8>::new()), "[]");
        assert_eq!(pretty("x"), "\"x\"");
    }
}
