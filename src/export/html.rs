//! One self-contained HTML file: the article with its entity highlights, a legend and the
//! entity and place tables. No script, no external resource, so it opens offline anywhere;
//! its own Content-Security-Policy forbids scripts even if a reader edits it. Every string from
//! the article is escaped.

use std::fmt::Write;

use crate::analysis::{Analysis, BlockKind, EntityType, Mention, Span};

/// Escapes text for element content and for quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
.kicker { font: 600 0.8rem/1.4 system-ui, sans-serif; color: #5b5b66; text-transform: uppercase; letter-spacing: 0.06em; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.4rem 0 1rem; }
h2 { font: 700 1.1rem/1.3 system-ui, sans-serif; margin: 2.5rem 0 0.75rem; }
article p { white-space: pre-line; margin: 0 0 1rem; }
.byline, .header, .citations { font-family: system-ui, sans-serif; font-size: 0.9rem; color: #4a4a55; }
mark { border-radius: 0.2em; padding: 0 0.1em; color: inherit; }
mark mark { padding: 0; }
.entity--person { background: #ffe0b3; } .entity--loc { background: #c7e9d0; }
.entity--org { background: #cfe0fb; } .entity--norp { background: #ead5f5; }
.entity--date, .entity--time { background: #f5e7a8; }
.entity--money, .entity--percent, .entity--quantity, .entity--cardinal { background: #e4e4e7; }
.entity--misc { background: #f9d3dc; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; font: 0.9rem system-ui, sans-serif; }
table { border-collapse: collapse; width: 100%; font: 0.9rem/1.4 system-ui, sans-serif; }
th, td { text-align: left; border-bottom: 1px solid #d4d4d8; padding: 0.35rem 0.5rem; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
";

fn type_class(label: EntityType) -> String {
    format!("entity entity--{}", label.code().to_ascii_lowercase())
}

/// Writes the text of `block` with the mentions inside it as nested `<mark>`s. Mentions come
/// sorted by start, longest first; one that crosses another instead of nesting is left out.
fn write_marked(out: &mut String, analysis: &Analysis, block: Span) {
    let text = &analysis.text;
    let mut open: Vec<usize> = Vec::new(); // the end of each open mark
    let mut at = block.start;
    let close_until = |out: &mut String, open: &mut Vec<usize>, at: &mut usize, limit: usize| {
        while let Some(&end) = open.last() {
            if end > limit {
                break;
            }
            out.push_str(&escape(Span::new(*at, end).slice(text)));
            out.push_str("</mark>");
            *at = end;
            open.pop();
        }
    };
    let inside = |m: &&Mention| m.start >= block.start && m.end <= block.end && m.start < m.end;
    for mention in analysis.mentions.iter().filter(inside) {
        close_until(out, &mut open, &mut at, mention.start);
        if open.last().is_some_and(|&end| mention.end > end) || mention.start < at {
            continue; // crosses an open mark
        }
        out.push_str(&escape(Span::new(at, mention.start).slice(text)));
        let name = analysis
            .entities
            .get(mention.entity)
            .map_or("", |e| e.name.as_str());
        let _ = write!(
            out,
            "<mark class=\"{}\" data-entity=\"{}\" title=\"{}: {}\">",
            type_class(mention.label),
            mention.entity,
            mention.label.label(),
            escape(name)
        );
        open.push(mention.end);
        at = mention.start;
    }
    close_until(out, &mut open, &mut at, usize::MAX);
    out.push_str(&escape(Span::new(at, block.end).slice(text)));
}

pub fn to_html(analysis: &Analysis) -> String {
    let title = analysis.title.as_deref().unwrap_or("Untitled article");
    let mut out = String::with_capacity(analysis.text.len() * 2 + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Article Atlas\">\n\
         <title>{} — annotated</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <p class=\"kicker\">Annotated by Article Atlas</p>\n",
        escape(title)
    );
    if analysis.title_span.is_none() {
        let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    }
    out.push_str("<article>\n");
    for block in &analysis.blocks {
        let span = Span::new(block.start, block.end);
        let (open, close) = match block.kind {
            BlockKind::Gap => continue,
            BlockKind::Title => ("<h1>", "</h1>"),
            BlockKind::Heading => ("<h2>", "</h2>"),
            BlockKind::Header => ("<p class=\"header\">", "</p>"),
            BlockKind::Byline => ("<p class=\"byline\">", "</p>"),
            BlockKind::Citations => ("<p class=\"citations\">", "</p>"),
            BlockKind::Paragraph => ("<p>", "</p>"),
        };
        out.push_str(open);
        write_marked(&mut out, analysis, span);
        out.push_str(close);
        out.push('\n');
    }
    out.push_str("</article>\n");

    let used: Vec<EntityType> = EntityType::ALL
        .into_iter()
        .filter(|t| analysis.entities.iter().any(|e| e.label == *t))
        .collect();
    if !used.is_empty() {
        out.push_str("<h2>Legend</h2>\n<ul class=\"legend\">\n");
        for label in &used {
            let _ = writeln!(
                out,
                "<li><mark class=\"{}\">{}</mark></li>",
                type_class(*label),
                label.label()
            );
        }
        out.push_str("</ul>\n<h2>Entities</h2>\n<table>\n<thead><tr><th>Name</th><th>Type</th><th>Mentions</th></tr></thead>\n<tbody>\n");
        for entity in &analysis.entities {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>",
                escape(&entity.name),
                entity.label.label(),
                entity.mentions.len()
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !analysis.places.is_empty() {
        out.push_str("<h2>Places</h2>\n<table>\n<thead><tr><th>Place</th><th>Located as</th><th>Country</th><th>Latitude</th><th>Longitude</th></tr></thead>\n<tbody>\n");
        for place in &analysis.places {
            let c = &place.resolved;
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{:.4}</td><td class=\"number\">{:.4}</td></tr>",
                escape(&place.name),
                escape(&c.name),
                escape(&c.country),
                c.lat,
                c.lon
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        assert_eq!(
            escape(r#"<img src=x onerror="a('b')"> & co"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co"
        );
    }
}
