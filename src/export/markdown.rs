//! A readable report in Markdown (CommonMark with GFM tables): the article's structure, its
//! entities grouped by type, its places, quotations and cited sources.
//!
//! User text is escaped so that it always reads back as the same text: no string from the
//! article can open a heading, a list, a link or raw HTML.

use crate::analysis::stable_sort;
use std::fmt::Write;

use crate::analysis::{Analysis, EntityType};

/// Escapes text for an inline position after fixed text (a list item's label, a table cell),
/// on one line.
pub fn escape(text: &str) -> String {
    escape_with(text, false)
}

/// Escapes text that starts a line's content, where "1." or "-" would open a list.
pub fn escape_line_start(text: &str) -> String {
    escape_with(text, true)
}

fn escape_with(text: &str, mut line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.split_whitespace().flat_map(|w| w.chars().chain([' '])) {
        if line_start && c.is_ascii_digit() {
            // A digit cannot be backslash-escaped; a character reference keeps "1." from
            // opening an ordered list.
            out.push_str(&format!("&#{};", c as u32));
        } else {
            let special = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' | '$'
            ) || (line_start && matches!(c, '-' | '+' | '='));
            if special {
                out.push('\\');
            }
            out.push(c);
        }
        line_start = false;
    }
    out.pop(); // the space after the last word
    out
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

pub fn to_markdown(analysis: &Analysis) -> String {
    let text = &analysis.text;
    let mut out = String::new();
    let title = analysis.title.as_deref().unwrap_or("Untitled article");
    push_line(&mut out, &format!("# {}", escape(title)));
    out.push('\n');
    push_line(&mut out, "Report made by Article Atlas, in the browser.");
    out.push('\n');

    push_line(&mut out, "## Structure");
    out.push('\n');
    for field in &analysis.header_fields {
        push_line(
            &mut out,
            &format!(
                "- {}: {}",
                escape_line_start(&field.key),
                escape(&field.value)
            ),
        );
    }
    if let Some(byline) = &analysis.byline {
        push_line(&mut out, &format!("- Byline: {}", escape(byline)));
    }
    if let Some(dateline) = &analysis.dateline {
        push_line(&mut out, &format!("- Dateline: {}", escape(dateline)));
    }
    let stats = &analysis.stats;
    push_line(
        &mut out,
        &format!(
            "- {} paragraphs, {} sentences, {} words; about {} min to read",
            stats.paragraphs,
            stats.sentences,
            stats.words,
            stats.reading_minutes.ceil()
        ),
    );
    for heading in &analysis.headings {
        push_line(
            &mut out,
            &format!("- Section: {}", escape(heading.slice(text))),
        );
    }
    out.push('\n');

    push_line(&mut out, "## Entities");
    out.push('\n');
    if analysis.entities.is_empty() {
        push_line(&mut out, "No named entities were found.");
        out.push('\n');
    }
    for label in EntityType::ALL {
        let mut group: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.label == label)
            .collect();
        if group.is_empty() {
            continue;
        }
        stable_sort::sort_by(&mut group, |a, b| {
            b.salience.total_cmp(&a.salience).then(a.id.cmp(&b.id))
        });
        push_line(&mut out, &format!("### {}", label.label()));
        out.push('\n');
        for entity in group {
            let mut line = format!(
                "- **{}** ({} mention{})",
                escape(&entity.name),
                entity.mentions.len(),
                if entity.mentions.len() == 1 { "" } else { "s" }
            );
            if !entity.roles.is_empty() {
                let roles: Vec<String> = entity.roles.iter().map(|r| escape(r)).collect();
                let _ = write!(line, ": {}", roles.join("; "));
            }
            push_line(&mut out, &line);
        }
        out.push('\n');
    }

    push_line(&mut out, "## Places");
    out.push('\n');
    if analysis.places.is_empty() {
        push_line(&mut out, "No places were located.");
    } else {
        push_line(
            &mut out,
            "| Place | Located as | Country | Latitude | Longitude | Mentions |",
        );
        push_line(&mut out, "| --- | --- | --- | ---: | ---: | ---: |");
        for place in &analysis.places {
            let c = &place.resolved;
            push_line(
                &mut out,
                &format!(
                    "| {} | {} | {} | {:.4} | {:.4} | {} |",
                    escape(&place.name),
                    escape(&c.name),
                    escape(&c.country),
                    c.lat,
                    c.lon,
                    place.mentions.len()
                ),
            );
        }
    }
    out.push('\n');

    if !analysis.quotations.is_empty() {
        push_line(&mut out, "## Quotations");
        out.push('\n');
        for q in &analysis.quotations {
            let speaker = q.speaker.as_deref().unwrap_or("unattributed");
            push_line(
                &mut out,
                &format!("- “{}” — {}", escape(&q.text), escape(speaker)),
            );
        }
        out.push('\n');
    }

    push_line(&mut out, "## Citations");
    out.push('\n');
    if analysis.citations.is_empty() {
        push_line(&mut out, "No cited sources were found.");
    } else {
        push_line(&mut out, "| Source | Dates |");
        push_line(&mut out, "| --- | --- |");
        for c in &analysis.citations {
            push_line(
                &mut out,
                &format!("| {} | {} |", escape(&c.source), escape(&c.dates)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_text_as_text() {
        assert_eq!(escape("a *b* [c](d)"), r"a \*b\* \[c\](d)");
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape_line_start("- not a list"), r"\- not a list");
        assert_eq!(escape_line_start("1. not a list"), "&#49;. not a list");
        assert_eq!(escape("7 and 1."), "7 and 1.");
        assert_eq!(escape("- inside"), "- inside");
        assert_eq!(escape("x | y"), r"x \| y");
        assert_eq!(escape("line\nbreak  and   spaces"), "line break and spaces");
        assert_eq!(escape("<script>"), r"\<script\>");
        assert_eq!(escape("U.S. 1-2"), "U.S. 1-2");
        assert_eq!(escape(""), "");
    }
}
