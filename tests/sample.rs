//! The embedded sample article against its hand-checked expectations, and the CLI's fixed interface.

use article_atlas::analysis::places::distance_km;
use article_atlas::analysis::{Analyzer, PlaceKind};
use serde_json::Value;

const EXPECTED: &str = include_str!("../data/samples/monitor-7-55.expected.json");

fn expected() -> Value {
    serde_json::from_str(EXPECTED).unwrap()
}

#[test]
fn embedded_sample_matches_the_shared_copy_when_present() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");
    for (name, embedded) in [
        ("monitor-7-55.txt", article_atlas::SAMPLE_ARTICLE),
        ("monitor-7-55.expected.json", EXPECTED),
    ] {
        if let Ok(original) = std::fs::read_to_string(format!("{shared}{name}")) {
            assert_eq!(
                original, embedded,
                "data/samples/{name} differs from ../shared/samples/{name}"
            );
        }
    }
}

#[test]
fn sample_structure_matches_the_expectations() {
    let analysis = Analyzer::new().analyze(article_atlas::SAMPLE_ARTICLE);
    let expected = expected();
    let header: Value = serde_json::to_value(&analysis.header).unwrap();
    assert_eq!(header, expected["header"]);
    assert_eq!(
        analysis.paragraphs.len() as u64,
        expected["paragraphs"].as_u64().unwrap()
    );
    let counts: Vec<u64> = analysis
        .paragraphs
        .iter()
        .map(|p| p.sentences.len() as u64)
        .collect();
    let expected_counts: Vec<u64> = expected["sentences_per_paragraph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(counts, expected_counts);

    let quotations: Vec<Value> = analysis
        .quotations
        .iter()
        .map(|q| serde_json::json!({"text": q.text, "speaker": q.speaker, "cue": q.cue}))
        .collect();
    assert_eq!(Value::Array(quotations), expected["quotations"]);
    let explanation = &analysis.quotations[0].explanation;
    assert!(
        explanation.contains("“He” refers back to “a top Russian aerospace official”"),
        "{explanation}"
    );

    let citations: Vec<Value> = analysis
        .citations
        .iter()
        .map(|c| serde_json::json!({"source": c.source, "dates": c.dates}))
        .collect();
    assert_eq!(Value::Array(citations), expected["citations"]);
}

#[test]
fn sample_sentence_traps() {
    let analysis = Analyzer::new().analyze(article_atlas::SAMPLE_ARTICLE);
    let text = &analysis.text;
    let sentences: Vec<&str> = analysis.sentences().map(|s| s.slice(text)).collect();
    assert!(
        sentences.iter().all(|s| !s.ends_with("St.")),
        "St. Petersburg must not end a sentence"
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.ends_with("technical progress.”")),
        "the closing mark belongs to its sentence"
    );
    assert!(
        sentences.last().unwrap().ends_with("March 14, 16)."),
        "the citation belongs to the last sentence"
    );
    assert_eq!(
        analysis
            .citation_span
            .map(|s| s.slice(text).starts_with("(Monitor")),
        Some(true)
    );
}

fn cli(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-atlas"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Standard input closes when the handle goes out of scope, so the CLI sees its end. A CLI
    // that rejects its arguments exits without reading it, so a broken pipe here is no failure:
    // the exit status says what happened.
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or_default());
    child.wait_with_output().unwrap()
}

#[test]
fn cli_analyze_prints_the_documented_schema() {
    let out = cli(
        &["analyze", "-"],
        Some(article_atlas::SAMPLE_ARTICLE.as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "schema_version",
        "header",
        "title",
        "byline",
        "dateline",
        "paragraphs",
        "quotations",
        "citations",
        "stats",
        "entities",
        "places",
    ] {
        assert!(json.get(key).is_some(), "missing top-level key {key}");
    }
    assert_eq!(json["header"]["Publication"], "Monitor");
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 3);
    let first = &json["paragraphs"][0];
    assert!(
        first["start"].is_u64() && first["end"].is_u64() && first["sentences"][0]["start"].is_u64()
    );
    assert_eq!(json["quotations"][0]["cue"], "suggested");
    assert!(
        json["mentions"].is_array() && json["entities"].is_array() && json["places"].is_array()
    );
}

#[test]
fn cli_reads_files_and_fails_in_one_line_on_unreadable_input() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples/monitor-7-55.txt");
    assert!(cli(&["analyze", path], None).status.success());
    let cases: &[(&[&str], Option<&[u8]>)] = &[
        (&["analyze", "/no/such/file.txt"], None),
        (&["analyze", "-"], Some(b"caf\xe9 latin-1")),
        (&["analyze"], None),
        (&["frobnicate"], None),
        (&["analyze", "-", "--format", "docx"], Some(b"text")),
    ];
    for (args, stdin) in cases {
        let out = cli(args, *stdin);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

/// The expectations' `places`: each name resolves as described ("Moscow, Russia (55.76, 37.62)",
/// "country", "…(region)"), and the `not_places` resolve to nothing.
#[test]
fn sample_places_resolve_as_expected() {
    let expected = expected();
    let analysis = Analyzer::new().analyze(article_atlas::SAMPLE_ARTICLE);
    let text = &analysis.text;
    let place_of = |name: &str| {
        analysis
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span().slice(text) == name)
            .find_map(|(i, _)| analysis.places.iter().find(|p| p.mentions.contains(&i)))
    };
    let places = expected["places"].as_object().unwrap();
    assert_eq!(places.len(), 12);
    let mut failures = Vec::new();
    for (name, description) in places {
        let description = description.as_str().unwrap();
        let Some(place) = place_of(name) else {
            failures.push(format!("{name}: no place"));
            continue;
        };
        let got = &place.resolved;
        let ok = if description == "country" {
            got.kind == PlaceKind::Country
        } else if description.ends_with("(region)") {
            got.kind == PlaceKind::Admin1
        } else {
            let inside = &description[description.find('(').unwrap() + 1..];
            let inside = &inside[..inside.find(')').unwrap()];
            let (lat, lon) = inside.split_once(", ").unwrap();
            let (lat, lon): (f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap());
            distance_km(lat, lon, got.lat, got.lon) < 25.0
        };
        if !ok {
            failures.push(format!("{name}: expected {description}, got {got:?}"));
        }
        assert!(!place.explanation.is_empty(), "{name} explains itself");
        assert!(place.alternatives.len() <= 5);
    }
    for name in expected["not_places"].as_array().unwrap() {
        if let Some(place) = place_of(name.as_str().unwrap()) {
            failures.push(format!("{name} is no place, got {}", place.resolved.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // One place per distinct place.
    let mut names: Vec<&str> = analysis
        .places
        .iter()
        .map(|p| p.resolved.name.as_str())
        .collect();
    names.sort_unstable();
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "{names:?}");
}

const GOLD: &str = include_str!("../data/samples/monitor-7-55.gold.jsonl");

/// (start, end, label) in code points, from a JSON list of entities.
fn spans(entities: &Value) -> Vec<(u64, u64, String)> {
    let mut spans: Vec<(u64, u64, String)> = entities
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["start"].as_u64().unwrap(),
                e["end"].as_u64().unwrap(),
                e["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort();
    spans
}

#[test]
fn cli_eval_finds_the_sample_gold_entities() {
    let output = cli(&["eval"], Some(GOLD.as_bytes()));
    assert!(output.status.success(), "{output:?}");
    let predicted: Value = serde_json::from_slice(&output.stdout).unwrap();
    let gold: Value = serde_json::from_str(GOLD.trim()).unwrap();
    assert_eq!(predicted["id"], gold["id"]);
    // LOC mentions carry their place's point, within 161 km of the gold one; others none.
    for e in predicted["entities"].as_array().unwrap() {
        if e["label"] != "LOC" {
            assert!(e["lat"].is_null() && e["lon"].is_null(), "{e}");
            continue;
        }
        let same_span = gold["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["start"] == e["start"] && g["end"] == e["end"] && g["lat"].is_f64());
        if let Some(g) = same_span {
            let (lat, lon) = (e["lat"].as_f64().unwrap(), e["lon"].as_f64().unwrap());
            let km = distance_km(
                lat,
                lon,
                g["lat"].as_f64().unwrap(),
                g["lon"].as_f64().unwrap(),
            );
            assert!(km <= 161.0, "{e} is {km:.0} km from {g}");
        }
    }
    let (predicted, gold) = (spans(&predicted["entities"]), spans(&gold["entities"]));
    let matched = predicted.iter().filter(|p| gold.contains(p)).count() as f64;
    let f1 = 2.0 * matched / (predicted.len() + gold.len()) as f64;
    let missed: Vec<_> = gold.iter().filter(|g| !predicted.contains(g)).collect();
    let extra: Vec<_> = predicted.iter().filter(|p| !gold.contains(p)).collect();
    assert!(
        f1 >= 0.97,
        "exact F1 {f1:.3}; missed {missed:?}; extra {extra:?}"
    );
}

#[test]
fn cli_eval_nests_toponyms_inside_organisations_unless_asked_not_to() {
    let doc = r#"{"id": "d", "text": "Troopers of the Texas Department of Public Safety stopped a Mansfield man."}"#;
    let loc_texts = |args: &[&str]| -> Vec<(u64, u64, bool)> {
        let output = cli(args, Some(doc.as_bytes()));
        assert!(output.status.success(), "{output:?}");
        let predicted: Value = serde_json::from_slice(&output.stdout).unwrap();
        predicted["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["label"] == "LOC")
            .map(|e| {
                (
                    e["start"].as_u64().unwrap(),
                    e["end"].as_u64().unwrap(),
                    e["lat"].is_f64(),
                )
            })
            .collect()
    };
    // "Texas" (16..21), nested in the organisation, with its point, beside "Mansfield"; only
    // "Mansfield" when asked to leave nested toponyms out.
    assert_eq!(loc_texts(&["eval"]), [(16, 21, true), (60, 69, true)]);
    assert_eq!(
        loc_texts(&["eval", "--no-embedded-places"]),
        [(60, 69, true)]
    );
    assert!(!cli(&["eval", "--frobnicate"], Some(doc.as_bytes()))
        .status
        .success());
}

#[test]
fn sample_entities_group_and_explain_themselves() {
    let analysis = Analyzer::new().analyze(article_atlas::SAMPLE_ARTICLE);
    let khatami = analysis
        .entities
        .iter()
        .find(|e| e.name == "Mohammad Khatami")
        .expect("Khatami is an entity");
    assert_eq!(khatami.mentions.len(), 13);
    assert_eq!(khatami.roles, ["Iranian President"]);
    let top = analysis
        .entities
        .iter()
        .max_by(|a, b| a.salience.total_cmp(&b.salience))
        .unwrap();
    assert_eq!(top.name, "Mohammad Khatami");
    let later = &analysis.mentions[khatami.mentions[1]];
    assert_eq!(
        later.explanation,
        "same as \"Mohammad Khatami\" in paragraph 1"
    );
}
