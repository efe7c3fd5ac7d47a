//! Every export, read back with a real parser for its format, over a hand-built analysis with
//! mentions, nested mentions, entities and places, non-ASCII text and markup in the text.

use std::collections::BTreeMap;

use article_atlas::analysis::{
    Analysis, Analyzer, Candidate, Entity, EntityType, Mention, Place, PlaceKind,
};
use article_atlas::export::{self, csv::COLUMNS, ExportFormat};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;

const ARTICLE: &str = "Zürich Talks End in Agreement\nBy Jane Doe\n\n\
ZÜRICH, March 16 (Reuters) - Mohammad Khatami met Vladimir Putin in Zürich on Monday. \
\"We agree, fully,\" said Khatami, 🙂 smiling.\n\n\
Officials in Moscow said the deal is worth $5 million. <script>window.__canary='x'</script> \
Khatami's aides left for Paris, Texas.\n";

fn candidate(name: &str, country: &str, lat: f64, lon: f64) -> Candidate {
    Candidate {
        name: name.to_string(),
        kind: PlaceKind::City,
        country: country.to_string(),
        admin1: None,
        lat,
        lon,
        population: 1000,
    }
}

/// (entity name, type, the occurrence of each surface form: (form, nth occurrence)).
type EntitySpec = (&'static str, EntityType, &'static [(&'static str, usize)]);

const ENTITIES: &[EntitySpec] = &[
    (
        "Mohammad Khatami",
        EntityType::Person,
        &[("Mohammad Khatami", 0), ("Khatami", 1), ("Khatami", 2)],
    ),
    (
        "Vladimir Putin",
        EntityType::Person,
        &[("Vladimir Putin", 0)],
    ),
    ("Zürich", EntityType::Loc, &[("ZÜRICH", 0), ("Zürich", 1)]),
    ("Moscow", EntityType::Loc, &[("Moscow", 0)]),
    ("Paris, Texas", EntityType::Loc, &[("Paris, Texas", 0)]),
    ("Texas", EntityType::Loc, &[("Texas", 0)]),
    ("Reuters", EntityType::Org, &[("Reuters", 0)]),
    ("$5 million", EntityType::Money, &[("$5 million", 0)]),
    (
        "<script>window.__canary='x'</script>",
        EntityType::Misc,
        &[("<script>window.__canary='x'</script>", 0)],
    ),
];

fn nth_offset(text: &str, form: &str, nth: usize) -> usize {
    text.match_indices(form)
        .nth(nth)
        .unwrap_or_else(|| panic!("{form} #{nth}"))
        .0
}

fn fixture() -> Analysis {
    let mut analysis = Analyzer::new().analyze(ARTICLE);
    let text = analysis.text.clone();
    let mut mentions = Vec::new();
    for (id, (_, label, forms)) in ENTITIES.iter().enumerate() {
        for &(form, nth) in forms.iter() {
            let start = nth_offset(&text, form, nth);
            mentions.push(Mention {
                start,
                end: start + form.len(),
                label: *label,
                entity: id,
                explanation: "test fixture".into(),
            });
        }
    }
    mentions.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    analysis.entities = ENTITIES
        .iter()
        .enumerate()
        .map(|(id, (name, label, _))| Entity {
            id,
            label: *label,
            name: name.to_string(),
            mentions: (0..mentions.len())
                .filter(|&i| mentions[i].entity == id)
                .collect(),
            roles: Vec::new(),
            salience: 1.0 / (id + 1) as f64,
        })
        .collect();
    let place = |entity: usize, resolved: Candidate, alternatives: Vec<Candidate>| Place {
        entity,
        name: ENTITIES[entity].0.to_string(),
        resolved,
        confidence: 0.9,
        alternatives,
        mentions: analysis.entities[entity].mentions.clone(),
        explanation: "largest place of that name".into(),
    };
    analysis.places = vec![
        place(2, candidate("Zürich", "CH", 47.36667, 8.55), vec![]),
        place(
            3,
            candidate("Moscow", "RU", 55.75222, 37.61556),
            vec![candidate("Moscow", "US", 46.73239, -117.00017)],
        ),
        place(4, candidate("Paris", "US", 33.66094, -95.55551), vec![]),
        place(5, candidate("Texas", "US", 31.25044, -99.25061), vec![]),
    ];
    analysis.mentions = mentions;
    analysis
}

/// The text under character offsets, as another tool would cut it.
fn by_chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn json_is_the_full_analysis() {
    let analysis = fixture();
    let value: Value = serde_json::from_str(&export::json::to_json(&analysis)).unwrap();
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["text"], analysis.text.as_str());
    assert_eq!(
        value["mentions"].as_array().unwrap().len(),
        analysis.mentions.len()
    );
    assert_eq!(value["entities"][0]["name"], "Mohammad Khatami");
    assert_eq!(value["places"][0]["resolved"]["lat"], 47.36667);
}

#[test]
fn geojson_has_one_point_feature_per_place_with_its_mentions() {
    let analysis = fixture();
    let value: Value = serde_json::from_str(&export::geojson::to_geojson(&analysis)).unwrap();
    assert_eq!(value["type"], "FeatureCollection");
    let features = value["features"].as_array().unwrap();
    assert_eq!(features.len(), analysis.places.len());
    for (feature, place) in features.iter().zip(&analysis.places) {
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["geometry"]["type"], "Point");
        // RFC 7946 §3.1.1: longitude first.
        let coordinates = feature["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(coordinates.len(), 2);
        assert_eq!(coordinates[0].as_f64().unwrap(), place.resolved.lon);
        assert_eq!(coordinates[1].as_f64().unwrap(), place.resolved.lat);
        let properties = &feature["properties"];
        assert_eq!(properties["name"], place.name.as_str());
        let mentions = properties["mentions"].as_array().unwrap();
        assert_eq!(properties["mention_count"], mentions.len());
        assert_eq!(mentions.len(), place.mentions.len());
        for m in mentions {
            let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            assert_eq!(
                by_chars(&analysis.text, start, end),
                m["text"].as_str().unwrap()
            );
        }
    }
    let zurich = &features[0]["properties"];
    assert_eq!(zurich["mention_count"], 2);
    assert_eq!(zurich["mentions"][0]["text"], "ZÜRICH");
    assert!(zurich["mentions"][1]["sentence"]
        .as_str()
        .unwrap()
        .starts_with("ZÜRICH, March 16"));
}

#[test]
fn csv_has_a_row_per_mention_that_a_csv_reader_reads_back() {
    let analysis = fixture();
    let written = export::csv::to_csv(&analysis);
    assert!(written.ends_with("\r\n") && !written.replace("\r\n", "").contains('\r'));
    let mut reader = csv::ReaderBuilder::new().from_reader(written.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), analysis.mentions.len());
    for (row, mention) in rows.iter().zip(&analysis.mentions) {
        assert_eq!(&row[0], mention.label.code());
        assert_eq!(&row[1], mention.span().slice(&analysis.text));
        assert_eq!(&row[2], analysis.entities[mention.entity].name);
        let (start, end) = (row[4].parse().unwrap(), row[5].parse().unwrap());
        assert_eq!(by_chars(&analysis.text, start, end), &row[1]);
        assert!(
            row[6].is_empty() || row[6].contains(&row[1]),
            "the sentence holds the mention"
        );
        let located = analysis.places.iter().any(|p| p.entity == mention.entity);
        assert_eq!(
            !row[7].is_empty(),
            located,
            "coordinates for places only: {row:?}"
        );
    }
    // The sentence with a quoted, comma-holding phrase survives quoting.
    let quoted = rows
        .iter()
        .find(|r| &r[1] == "Khatami" && r[6].contains("\"We agree, fully,\""))
        .unwrap();
    assert!(quoted[6].ends_with("🙂 smiling."));
    let texas = rows.iter().find(|r| &r[1] == "Paris, Texas").unwrap();
    assert_eq!((&texas[7], &texas[8]), ("33.66094", "-95.55551"));
}

fn markdown_events(text: &str) -> Vec<Event<'_>> {
    Parser::new_ext(text, Options::ENABLE_TABLES).collect()
}

#[test]
fn markdown_report_has_the_structure_and_keeps_article_text_as_text() {
    let analysis = fixture();
    let report = export::markdown::to_markdown(&analysis);
    let events = markdown_events(&report);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))),
        "no raw HTML: {report}"
    );
    assert!(!events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Link { .. }))));
    let mut headings = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    let mut table_rows = 0;
    let mut all_text = String::new();
    for event in &events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((*level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                all_text.push_str(t);
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(t);
                }
            }
            Event::Start(Tag::TableRow) => table_rows += 1,
            _ => {}
        }
    }
    let h = |level: HeadingLevel| -> Vec<&str> {
        headings
            .iter()
            .filter(|(l, _)| *l == level)
            .map(|(_, s)| s.as_str())
            .collect()
    };
    assert_eq!(h(HeadingLevel::H1), ["Zürich Talks End in Agreement"]);
    assert_eq!(
        h(HeadingLevel::H2),
        ["Structure", "Entities", "Places", "Quotations", "Citations"]
    );
    assert_eq!(
        h(HeadingLevel::H3),
        [
            "People",
            "Places",
            "Organisations",
            "Money",
            "Laws, events and works"
        ]
    );
    assert_eq!(table_rows, analysis.places.len(), "one body row per place");
    assert!(
        all_text.contains("<script>window.__canary='x'</script>"),
        "the payload reads back as text"
    );
    assert!(all_text.contains("Mohammad Khatami (3 mentions)"));
    assert!(all_text.contains("Paris, Texas"));
}

#[test]
fn web_annotations_select_each_mention_by_quote_and_by_code_point_position() {
    let analysis = fixture();
    let value: Value =
        serde_json::from_str(&export::annotation::to_annotations(&analysis)).unwrap();
    assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(value["total"], analysis.mentions.len());
    let items = value["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), analysis.mentions.len());
    let chars: Vec<char> = analysis.text.chars().collect();
    for (item, mention) in items.iter().zip(&analysis.mentions) {
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["body"][0]["value"], mention.label.code());
        let selectors = item["target"]["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        let exact = selectors[0]["exact"].as_str().unwrap();
        assert_eq!(exact, mention.span().slice(&analysis.text));
        let (start, end) = (
            selectors[1]["start"].as_u64().unwrap() as usize,
            selectors[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[start..end].iter().collect::<String>(), exact);
        let prefix: String = chars[start.saturating_sub(32)..start].iter().collect();
        assert_eq!(selectors[0]["prefix"], prefix.as_str());
        let suffix: String = chars[end..(end + 32).min(chars.len())].iter().collect();
        assert_eq!(selectors[0]["suffix"], suffix.as_str());
    }
    // After "Zürich" and "ZÜRICH" (two bytes each for ü and Ü), characters and bytes differ.
    let moscow = analysis
        .mentions
        .iter()
        .position(|m| m.span().slice(&analysis.text) == "Moscow")
        .unwrap();
    let position = &items[moscow]["target"]["selector"][1];
    assert!(position["start"].as_u64().unwrap() < analysis.mentions[moscow].start as u64 - 3);
    assert!(items[moscow]["body"][2]["value"]
        .as_str()
        .unwrap()
        .contains("55.75222"));
}

#[test]
fn standalone_html_escapes_the_article_and_nests_highlights() {
    let analysis = fixture();
    let page = export::html::to_html(&analysis);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains("default-src 'none'"),
        "its own policy forbids scripts"
    );
    assert_eq!(page.to_ascii_lowercase().matches("<script").count(), 0);
    assert!(page.contains("&lt;script&gt;window.__canary=&#39;x&#39;&lt;/script&gt;"));
    assert!(
        !page.contains("src=") && !page.contains("href="),
        "no external resource"
    );
    let body = &page[page.find("<article>").unwrap()..page.find("</article>").unwrap()];
    assert_eq!(
        body.matches("<mark ").count(),
        analysis.mentions.len(),
        "every mention, nested ones too"
    );
    assert_eq!(body.matches("</mark>").count(), analysis.mentions.len());
    assert!(body.contains("<mark class=\"entity entity--loc\" data-entity=\"4\" title=\"Places: Paris, Texas\">Paris, <mark class=\"entity entity--loc\" data-entity=\"5\" title=\"Places: Texas\">Texas</mark></mark>"));
    assert!(body.contains("<h1>Zürich Talks End in Agreement</h1>"));
    assert!(page.contains("<h2>Legend</h2>") && page.contains("<h2>Places</h2>"));
}

#[test]
fn a_crossing_mention_is_left_out_rather_than_breaking_the_markup() {
    let mut analysis = fixture();
    // "Putin in Zü" overlaps both "Vladimir Putin" and "Zürich" without nesting in either.
    let start = analysis.text.find("Vladimir Putin").unwrap() + 9;
    let zurich = nth_offset(&analysis.text, "Zürich", 1);
    analysis.mentions.push(Mention {
        start,
        end: zurich + 3,
        label: EntityType::Misc,
        entity: 1,
        explanation: String::new(),
    });
    analysis
        .mentions
        .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let page = export::html::to_html(&analysis);
    let body = &page[page.find("<article>").unwrap()..page.find("</article>").unwrap()];
    assert_eq!(
        body.matches("<mark ").count(),
        body.matches("</mark>").count()
    );
    assert_eq!(
        body.matches("<mark ").count(),
        analysis.mentions.len() - 1,
        "only the crossing one is left out"
    );
}

#[test]
fn every_xss_payload_stays_text_in_every_export() {
    let payloads = include_str!("xss/payloads.txt");
    for payload in payloads
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
    {
        let text = format!("A headline\n\nA paragraph names {payload} in passing. Then it ends.\n");
        let mut analysis =
            Analyzer::new().analyze_as(&text, article_atlas::analysis::InputFormat::Plain);
        let start = analysis.text.find(payload).unwrap();
        analysis.mentions = vec![Mention {
            start,
            end: start + payload.len(),
            label: EntityType::Misc,
            entity: 0,
            explanation: String::new(),
        }];
        analysis.entities = vec![Entity {
            id: 0,
            label: EntityType::Misc,
            name: payload.to_string(),
            mentions: vec![0],
            roles: vec![],
            salience: 1.0,
        }];
        let page = export::html::to_html(&analysis);
        assert_eq!(
            page.to_ascii_lowercase().matches("<script").count(),
            0,
            "{payload}"
        );
        assert!(
            !page.contains(payload) || !payload.contains('<'),
            "{payload} is escaped"
        );
        let events = markdown_events(&export::markdown::to_markdown(&analysis))
            .into_iter()
            .filter(|e| {
                matches!(
                    e,
                    Event::Html(_)
                        | Event::InlineHtml(_)
                        | Event::Start(Tag::Link { .. })
                        | Event::Start(Tag::Image { .. })
                )
            })
            .count();
        assert_eq!(events, 0, "{payload} in Markdown");
        // In the data formats the payload is a string value, read back unchanged.
        let csv = export::csv::to_csv(&analysis);
        let row = csv::Reader::from_reader(csv.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(&row[1], payload);
        for format in [
            ExportFormat::Json,
            ExportFormat::GeoJson,
            ExportFormat::Annotations,
        ] {
            let value: Value = serde_json::from_str(&format.render(&analysis)).unwrap();
            let mut found = false;
            visit_strings(&value, &mut |s| found |= s == payload);
            assert!(
                found || format == ExportFormat::GeoJson,
                "{payload} in {format:?}"
            );
        }
    }
}

fn visit_strings(value: &Value, found: &mut impl FnMut(&str)) {
    match value {
        Value::String(s) => found(s),
        Value::Array(items) => items.iter().for_each(|v| visit_strings(v, found)),
        Value::Object(map) => map.values().for_each(|v| visit_strings(v, found)),
        _ => {}
    }
}

#[test]
fn exports_never_panic_on_odd_input() {
    for input in [
        "",
        "\n\n",
        "<html><script>x</script></html>",
        "# only a heading",
        "🙂",
        "a\u{0}b",
    ] {
        let analysis = Analyzer::new().analyze(input);
        for format in ExportFormat::ALL {
            let _ = format.render(&analysis);
        }
    }
}

#[test]
fn place_corrections_apply_to_exports() {
    let analysis = fixture();
    let corrected = export::with_place_choices(&analysis, &BTreeMap::from([(3, 0), (2, 7)]));
    assert_eq!(corrected.places[1].resolved.country, "US");
    assert_eq!(corrected.places[1].alternatives[0].country, "RU");
    assert_eq!(
        corrected.places[0], analysis.places[0],
        "an impossible choice changes nothing"
    );
    let value: Value = serde_json::from_str(&export::geojson::to_geojson(&corrected)).unwrap();
    assert_eq!(
        value["features"][1]["geometry"]["coordinates"][0],
        -117.00017
    );
}

#[test]
fn file_names_follow_the_headline() {
    let analysis = fixture();
    assert_eq!(
        ExportFormat::GeoJson.file_name(&analysis),
        "z-rich-talks-end-in-agreement.geojson"
    );
    assert_eq!(
        ExportFormat::Annotations.file_name(&analysis),
        "z-rich-talks-end-in-agreement.jsonld"
    );
}
