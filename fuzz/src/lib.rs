//! What every fuzz target checks: invariants of an [`Analysis`] that hold for any input, and
//! that each export reads back with a real parser for its format. A broken invariant panics,
//! which libFuzzer reports as a crash with the input that caused it.
//!
//! The same checks run on the saved regressions in the main package's `tests/fuzz_regressions.rs`
//! (a copy kept small there, since the main package cannot depend on this crate).

use std::collections::BTreeMap;

use article_atlas::analysis::text::char_offsets;
use article_atlas::analysis::{Analysis, Analyzer, EntityType, InputFormat, Span};
use article_atlas::export::{self, share, ExportFormat};
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::Value;

/// The first byte of an input chooses the format in targets that take any: bytes are cheap for
/// libFuzzer to mutate, and every format stays reachable from one corpus.
pub fn split_format(data: &[u8]) -> Option<(Option<InputFormat>, &str)> {
    let (&first, rest) = data.split_first()?;
    let format = match first % 4 {
        0 => None,
        1 => Some(InputFormat::Plain),
        2 => Some(InputFormat::Markdown),
        _ => Some(InputFormat::Html),
    };
    Some((format, std::str::from_utf8(rest).ok()?))
}

pub fn analyze(analyzer: &Analyzer, input: &str, format: Option<InputFormat>) -> Analysis {
    match format {
        Some(format) => analyzer.analyze_as(input, format),
        None => analyzer.analyze(input),
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} lies outside the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fn check_finite(value: f64, what: &str) {
    assert!(value.is_finite(), "{what} is {value}");
}

/// Every span lies inside the text on character boundaries; the parts that tile (blocks,
/// their sources, sentences in paragraphs, mentions) tile; indices between mentions, entities
/// and places point where they say; the strings that copy a span copy it.
pub fn check_analysis(input: &str, analysis: &Analysis) {
    let text = analysis.text.as_str();
    if analysis.format == InputFormat::Plain {
        assert_eq!(text, input, "plain text is analysed as it is");
    }

    let mut at = 0;
    let mut source_at = 0;
    for block in &analysis.blocks {
        assert_eq!(block.start, at, "blocks tile the text");
        check_span(text, Span::new(block.start, block.end), "block");
        at = block.end;
        assert_eq!(
            block.source.start, source_at,
            "block sources tile the input"
        );
        check_span(input, block.source, "block source");
        source_at = block.source.end;
    }
    assert_eq!(at, text.len(), "blocks reach the end of the text");
    assert_eq!(
        source_at,
        input.len(),
        "block sources reach the end of the input"
    );

    for field in &analysis.header_fields {
        check_span(text, field.key_span, "header key");
        check_span(text, field.value_span, "header value");
        assert_eq!(field.value, field.value_span.slice(text), "header value");
    }
    for (span, located, what) in [
        (analysis.title_span, &analysis.title, "title"),
        (analysis.byline_span, &analysis.byline, "byline"),
        (analysis.dateline_span, &analysis.dateline, "dateline"),
    ] {
        if let Some(span) = span {
            check_span(text, span, what);
        }
        assert_eq!(
            located.as_deref(),
            span.map(|s| s.slice(text)),
            "{what} is its span's text"
        );
    }
    if let Some(span) = analysis.citation_span {
        check_span(text, span, "citation block");
    }
    for span in &analysis.headings {
        check_span(text, *span, "heading");
    }
    for mark in &analysis.marks {
        check_span(text, Span::new(mark.start, mark.end), "mark");
    }

    for p in &analysis.paragraphs {
        check_span(text, Span::new(p.start, p.end), "paragraph");
        let mut last_end = p.start;
        for s in &p.sentences {
            check_span(text, *s, "sentence");
            assert!(
                s.start >= last_end && s.end <= p.end,
                "sentences are sorted, disjoint and inside their paragraph"
            );
            last_end = s.end;
        }
    }
    for q in &analysis.quotations {
        check_span(text, Span::new(q.start, q.end), "quotation");
        if let Some(span) = q.speaker_span {
            check_span(text, span, "speaker");
        }
        if let Some(span) = q.cue_span {
            check_span(text, span, "cue");
        }
        assert_eq!(q.speaker.as_deref(), q.speaker_span.map(|s| s.slice(text)));
        assert_eq!(q.cue.as_deref(), q.cue_span.map(|s| s.slice(text)));
    }
    for c in &analysis.citations {
        check_span(text, Span::new(c.start, c.end), "citation");
        assert_eq!(c.source, Span::new(c.start, c.end).slice(text));
    }
    for d in &analysis.decisions {
        check_span(text, Span::new(d.start, d.end), "decision");
    }
    for hit in &analysis.rule_hits {
        check_span(text, hit.span, "rule hit");
    }
    for d in &analysis.diagnostics {
        if let Some(span) = d.span {
            check_span(text, span, "diagnostic");
        }
    }

    let mut last_end = 0;
    for (i, m) in analysis.mentions.iter().enumerate() {
        check_span(text, m.span(), "mention");
        assert!(m.start < m.end, "mention {i} is empty");
        assert!(m.start >= last_end, "mentions are sorted and disjoint");
        last_end = m.end;
        let entity = analysis.entities.get(m.entity);
        assert!(
            entity.is_some_and(|e| e.mentions.contains(&i) && e.label == m.label),
            "mention {i} and its entity disagree"
        );
    }
    for (id, e) in analysis.entities.iter().enumerate() {
        assert_eq!(e.id, id, "entity ids are their indices");
        assert!(!e.mentions.is_empty(), "entity {id} has no mention");
        check_finite(e.salience, "salience");
        assert!(e.salience > 0.0, "entity {id} has no salience");
        assert!(
            e.mentions
                .iter()
                .all(|&m| analysis.mentions.get(m).is_some_and(|m| m.entity == id)),
            "entity {id} lists a mention of another"
        );
    }
    // A place gathers the mentions of every entity that resolves to it ("Riverside Park",
    // named after the town, and a later "Riverside"), each mention in one place at most.
    let mut placed = vec![false; analysis.mentions.len()];
    for place in &analysis.places {
        assert!(place.entity < analysis.entities.len(), "place of no entity");
        let first = place
            .mentions
            .first()
            .and_then(|&m| analysis.mentions.get(m));
        assert!(
            first.is_some_and(|m| m.entity == place.entity),
            "place {} is not named by its first mention",
            place.name
        );
        for &m in &place.mentions {
            assert!(
                analysis
                    .mentions
                    .get(m)
                    .is_some_and(|m| m.label == EntityType::Loc),
                "place {} lists a mention that is no place",
                place.name
            );
            assert!(
                !std::mem::replace(&mut placed[m], true),
                "mention {m} is in two places"
            );
        }
        check_finite(place.confidence, "place confidence");
        check_finite(place.resolved.lat, "latitude");
        check_finite(place.resolved.lon, "longitude");
    }
    for e in &analysis.embedded_places {
        let span = Span::new(e.start, e.end);
        check_span(text, span, "embedded place");
        assert!(
            analysis
                .mentions
                .get(e.mention)
                .is_some_and(|m| m.span().contains(span) && m.entity == e.entity),
            "embedded place {} lies outside its mention",
            e.name
        );
        assert_eq!(e.name, span.slice(text));
        check_finite(e.confidence, "embedded place confidence");
    }

    let stats = &analysis.stats;
    check_finite(stats.reading_minutes, "reading minutes");
    check_finite(stats.flesch_kincaid_grade, "grade");
}

/// The text under character offsets, as another tool would cut it.
fn by_chars(text: &str, start: u64, end: u64) -> String {
    assert!(
        start <= end,
        "character offsets {start}..{end} are reversed"
    );
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn parse_json(written: &str, format: &str) -> Value {
    serde_json::from_str(written).unwrap_or_else(|e| panic!("{format} does not parse: {e}"))
}

/// Equal JSON values, numbers to the last bit or two: serde_json reads floats back exactly only
/// with a feature the page has no use for.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            _ if x == y => true,
            (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
            _ => false,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Every export renders, and reads back with a parser for its format into what was exported.
pub fn check_exports(analysis: &Analysis) {
    let text = analysis.text.as_str();

    let json = parse_json(&export::json::to_json(analysis), "JSON");
    assert!(
        same_json(&json, &serde_json::to_value(analysis).unwrap()),
        "the JSON export is the whole analysis"
    );

    let geojson = parse_json(&export::geojson::to_geojson(analysis), "GeoJSON");
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().expect("features");
    assert_eq!(features.len(), analysis.places.len(), "a feature per place");
    for feature in features {
        let coordinates = feature["geometry"]["coordinates"].as_array().unwrap();
        assert!(coordinates.iter().all(|c| c.as_f64().is_some()));
        for m in feature["properties"]["mentions"].as_array().unwrap() {
            let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            assert_eq!(by_chars(text, start, end), m["text"].as_str().unwrap());
        }
    }

    let written = export::csv::to_csv(analysis);
    let mut reader = csv::ReaderBuilder::new().from_reader(written.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, export::csv::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a CSV reader reads every row"))
        .collect();
    assert_eq!(rows.len(), analysis.mentions.len(), "a CSV row per mention");
    for (row, mention) in rows.iter().zip(&analysis.mentions) {
        assert_eq!(&row[1], mention.span().slice(text));
        let (start, end) = (row[4].parse().unwrap(), row[5].parse().unwrap());
        assert_eq!(by_chars(text, start, end), &row[1]);
        assert!(
            row[6].is_empty() || row[6].contains(&row[1]),
            "the sentence holds the mention"
        );
    }

    let report = export::markdown::to_markdown(analysis);
    for event in Parser::new_ext(&report, Options::ENABLE_TABLES) {
        assert!(
            !matches!(
                event,
                Event::Html(_)
                    | Event::InlineHtml(_)
                    | Event::Start(Tag::Link { .. } | Tag::Image { .. })
            ),
            "the Markdown report turns article text into markup: {event:?}"
        );
    }

    let annotations = parse_json(
        &export::annotation::to_annotations(analysis),
        "Web Annotations",
    );
    assert_eq!(annotations["total"], analysis.mentions.len());
    let items = annotations["first"]["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        analysis.mentions.len(),
        "an annotation per mention"
    );
    let offsets: Vec<usize> = analysis
        .mentions
        .iter()
        .flat_map(|m| [m.start, m.end])
        .collect();
    let chars = char_offsets(text, &offsets);
    for ((item, mention), char_span) in items.iter().zip(&analysis.mentions).zip(chars.chunks(2)) {
        let selectors = item["target"]["selector"].as_array().unwrap();
        let exact = selectors[0]["exact"].as_str().unwrap();
        assert_eq!(exact, mention.span().slice(text));
        let (start, end) = (
            selectors[1]["start"].as_u64().unwrap(),
            selectors[1]["end"].as_u64().unwrap(),
        );
        assert_eq!((start as usize, end as usize), (char_span[0], char_span[1]));
        assert_eq!(by_chars(text, start, end), exact);
    }

    check_html(&export::html::to_html(analysis));

    for format in ExportFormat::ALL {
        let name = format.file_name(analysis);
        let stem = name.strip_suffix(format.extension()).unwrap();
        assert!(
            stem.len() <= 61
                && stem.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'-'
                    || b == b'.'),
            "unsafe file name {name:?}"
        );
    }
}

/// No HTML parser is at hand, so the page's own promises are checked: no script anywhere, and
/// every highlight closes inside the article, in order.
fn check_html(page: &str) {
    assert!(
        !page.to_ascii_lowercase().contains("<script"),
        "the HTML export holds a script"
    );
    let article = &page[page.find("<article>").expect("an article")
        ..page.find("</article>").expect("the article closes")];
    let mut depth = 0usize;
    let mut rest = article;
    while let Some(at) = rest.find("mark") {
        let before = &rest[..at];
        if before.ends_with("</") {
            depth = depth
                .checked_sub(1)
                .expect("a highlight closes that never opened");
        } else if before.ends_with('<') {
            depth += 1;
        }
        rest = &rest[at + 4..];
    }
    assert_eq!(depth, 0, "every highlight closes");
}

/// The reader's place corrections, chosen from the input's bytes, keep exports consistent.
pub fn with_choices_from(analysis: &Analysis, bytes: &[u8]) -> Analysis {
    let choices: BTreeMap<usize, usize> = bytes
        .chunks(2)
        .take(4)
        .map(|pair| {
            (
                usize::from(pair[0]) % 8,
                usize::from(*pair.last().unwrap()) % 4,
            )
        })
        .collect();
    export::with_place_choices(analysis, &choices)
}

/// A share link opens the article it was made from; a damaged one opens nothing, quietly.
pub fn check_share_round_trip(text: &str, format: Option<InputFormat>) {
    match share::share_fragment(text, format) {
        Ok(fragment) => {
            let read = share::read_fragment(&fragment)
                .expect("a share link is recognised")
                .expect("a share link opens");
            assert_eq!(read.text, text);
            assert_eq!(read.format, format);
        }
        Err(share::ShareError::TooLong { length, limit }) => assert!(length > limit),
        Err(share::ShareError::Damaged) => panic!("making a link cannot damage it"),
    }
}
