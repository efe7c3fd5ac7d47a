//! Runs the structure spec files in `tests/spec/`: each case is an article and what the analysis
//! must find in it. A bug report becomes a new case in a spec file, not a new test function.
//!
//! Format of a case:
//!
//! ```text
//! @@ A name for the case
//! the article text, as many lines as needed
//! --- expect
//! key: value
//! ```
//!
//! Keys (each may repeat where it makes sense): `format`, `header` (`Key = value`), `title`,
//! `byline`, `dateline` (`none` for absent), `paragraphs` (a count), `sentences` (counts per
//! paragraph, space separated), `sentence N` (the exact text of the Nth sentence of the body,
//! from 1), `quotation` (`text | speaker | cue`, one line per quotation in order),
//! `quotations` (a count), `citation` (`source | dates`, all of them in order).
//!
//! Entity keys: `entity` (`LABEL | text`, every mention in text order, all of them), `explanation`
//! (`text | words`: the first mention with that text explains itself with those words),
//! `same entity` (`text | text`: the two mentions group into one entity), `role` (`name | role`:
//! the entity with that name carries that role), `entity name` (`text | name`: the entity of the
//! first mention with that text is named so).
//!
//! Place keys: `place` (`text | CC | lat,lon ±km`: the first LOC mention with that text resolves to
//! a place in country CC, `-` for none, within km of the point), `place kind` (`text | kind`),
//! `place explanation` (`text | words`: the explanation contains the words), `no place` (`text`:
//! no mention with that text resolves to a place).
//!
//! Given-span place keys, for resolution apart from recognition (as the evaluation's gold-span
//! figures measure it): `given` (`text | text | …`: every whole-word occurrence of each text is
//! a LOC span, whatever the recognizer finds), then `given place` (as `place`, for the first
//! occurrence) and `given no place` (`text`: its first occurrence resolves to nothing).
//! Embedded place keys (places named inside organisations' names, `Analysis::embedded_places`):
//! `embedded places` (`name | name`: all of them in text order, `none` for none) and `embedded
//! place` (`text | CC | lat,lon ±km` as for `place`, for the first one with that text).
//!
//! Saved pages: the cases of `pages.txt` are whole HTML pages, read as the CLI reads them
//! (`page_reader`, then `Analyzer::analyze_page`). Their extra keys: `body has` (`text`: the
//! analysed text contains it) and `body lacks` (`text`: it does not, as page furniture).
//!
//! Rule key: `rule` (`id`, or `id | text`): the rule of that id (`src/analysis/rules.rs`) fired
//! in this case, on a span with that text if one is given. Every rule needs at least one such case.

use article_atlas::analysis::{Analysis, Analyzer, RuleId};

struct Case {
    file: String,
    name: String,
    input: String,
    expectations: Vec<(String, String)>,
}

fn parse_spec(file: &str, content: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for chunk in content.split("\n@@ ").skip(1) {
        let (name, rest) = chunk.split_once('\n').expect("a case has a name line");
        let rest = format!("\n{rest}");
        let (input, expect) = rest
            .split_once("\n--- expect\n")
            .unwrap_or_else(|| panic!("{file}: {name}: no `--- expect`"));
        let expectations = expect
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let (k, v) = l
                    .split_once(':')
                    .unwrap_or_else(|| panic!("{file}: {name}: bad line {l:?}"));
                (k.trim().to_string(), v.trim().to_string())
            })
            .collect();
        // `\n` at the end of the input belongs to the spec layout, not the article.
        let input = input
            .strip_prefix('\n')
            .unwrap_or(input)
            .replace("\\t", "\t");
        cases.push(Case {
            file: file.to_string(),
            name: name.trim().to_string(),
            input,
            expectations,
        });
    }
    cases
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "none".into())
}

fn check(case: &Case, analysis: &Analysis) -> Vec<String> {
    let text = &analysis.text;
    let mut failures = Vec::new();
    let mut fail = |what: &str, expected: &str, got: String| {
        if expected != got {
            failures.push(format!("{what}: expected {expected:?}, got {got:?}"));
        }
    };
    let citations: Vec<String> = analysis
        .citations
        .iter()
        .map(|c| format!("{} | {}", c.source, c.dates))
        .collect();
    let expected_citations: Vec<&String> = case
        .expectations
        .iter()
        .filter(|(k, _)| k == "citation")
        .map(|(_, v)| v)
        .collect();
    if !expected_citations.is_empty() || case.expectations.iter().any(|(k, _)| k == "citations") {
        fail(
            "citations",
            &format!("{expected_citations:?}"),
            format!("{:?}", citations.iter().collect::<Vec<_>>()),
        );
    }
    let mentions: Vec<String> = analysis
        .mentions
        .iter()
        .map(|m| format!("{} | {}", m.label.code(), m.span().slice(text)))
        .collect();
    let expected_mentions: Vec<&String> = case
        .expectations
        .iter()
        .filter(|(k, _)| k == "entity")
        .map(|(_, v)| v)
        .collect();
    if !expected_mentions.is_empty() {
        fail(
            "entities",
            &expected_mentions
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            mentions.join("\n"),
        );
    }
    let mention_with = |surface: &str| {
        analysis
            .mentions
            .iter()
            .find(|m| m.span().slice(text) == surface)
    };
    let sentences: Vec<&str> = analysis.sentences().map(|s| s.slice(text)).collect();
    let body = analysis.paragraphs.first().map_or("", |p| &text[p.start..]);
    let given = given_resolutions(case, text);
    let mut quotation_index = 0;
    for (key, value) in &case.expectations {
        match key.as_str() {
            "format" => fail(key, value, format!("{:?}", analysis.format).to_lowercase()),
            "header" => {
                let (k, v) = value.split_once(" = ").unwrap_or((value, ""));
                fail(
                    key,
                    v,
                    analysis.header.get(k).unwrap_or("<missing>").to_string(),
                );
            }
            "header fields" => fail(key, value, analysis.header_fields.len().to_string()),
            "title" => fail(key, value, opt(&analysis.title)),
            "byline" => fail(key, value, opt(&analysis.byline)),
            "dateline" => fail(key, value, opt(&analysis.dateline)),
            "paragraphs" => fail(key, value, analysis.paragraphs.len().to_string()),
            "sentences" => {
                let counts: Vec<String> = analysis
                    .paragraphs
                    .iter()
                    .map(|p| p.sentences.len().to_string())
                    .collect();
                fail(key, value, counts.join(" "));
            }
            numbered if numbered.starts_with("sentence ") => {
                let n: usize = numbered["sentence ".len()..].parse().unwrap_or(0);
                let got = sentences
                    .get(n.wrapping_sub(1))
                    .copied()
                    .unwrap_or("<none>");
                fail(numbered, value, got.to_string());
            }
            "quotations" => fail(key, value, analysis.quotations.len().to_string()),
            "quotation" => {
                let got = analysis
                    .quotations
                    .get(quotation_index)
                    .map(|q| format!("{} | {} | {}", q.text, opt(&q.speaker), opt(&q.cue)))
                    .unwrap_or_else(|| "<none>".into());
                quotation_index += 1;
                fail(key, value, got);
            }
            "body has" if !body.contains(value.as_str()) => {
                fail(key, value, "<not in the body>".into())
            }
            "body lacks" if body.contains(value.as_str()) => {
                fail(key, value, "<in the body>".into())
            }
            "citation" | "citations" | "entity" | "body has" | "body lacks" => {}
            "explanation" => {
                let (surface, words) = value.split_once(" | ").unwrap_or((value, ""));
                let got = mention_with(surface)
                    .map(|m| m.explanation.clone())
                    .unwrap_or_else(|| "<no such mention>".into());
                if !got.contains(words) {
                    fail(
                        key,
                        &format!("{surface}: …{words}…"),
                        format!("{surface}: {got}"),
                    );
                }
            }
            "rule" => {
                // `id` or `id | text`: the rule fired, on a span with that text if one is given.
                let (id, surface) = value.split_once(" | ").unwrap_or((value, ""));
                match RuleId::from_id(id) {
                    None => fail(key, "a rule of the table", format!("no rule {id:?}")),
                    Some(rule) => {
                        let fired = analysis.rule_hits.iter().any(|hit| {
                            hit.rule == rule
                                && (surface.is_empty() || hit.span.slice(text) == surface)
                        });
                        if !fired {
                            fail(key, value, "<not fired>".into());
                        }
                    }
                }
            }
            "same entity" => {
                let (a, b) = value.split_once(" | ").unwrap_or((value, ""));
                let entity = |s: &str| mention_with(s).map(|m| m.entity);
                let got = match (entity(a), entity(b)) {
                    (Some(x), Some(y)) if x == y => value.clone(),
                    (x, y) => format!("{a} in {x:?}, {b} in {y:?}"),
                };
                fail(key, value, got);
            }
            "role" => {
                let (name, role) = value.split_once(" | ").unwrap_or((value, ""));
                let roles = analysis
                    .entities
                    .iter()
                    .find(|e| e.name == name)
                    .map(|e| e.roles.join(", "))
                    .unwrap_or_else(|| "<no such entity>".into());
                fail(key, role, roles);
            }
            "entity name" => {
                let (surface, name) = value.split_once(" | ").unwrap_or((value, ""));
                let got = mention_with(surface)
                    .and_then(|m| analysis.entities.get(m.entity))
                    .map(|e| e.name.clone())
                    .unwrap_or_else(|| "<no such mention>".into());
                fail(key, name, got);
            }
            "place" | "place kind" | "place explanation" | "no place" => {
                let surface = value.split(" | ").next().unwrap_or(value);
                let place = analysis
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.span().slice(text) == surface)
                    .find_map(|(i, _)| analysis.places.iter().find(|p| p.mentions.contains(&i)));
                let got = match (key.as_str(), place) {
                    ("no place", None) => value.clone(),
                    ("no place", Some(p)) => format!("{surface} resolves to {}", p.resolved.name),
                    (_, None) => format!("{surface}: <no place>"),
                    ("place kind", Some(p)) => {
                        format!("{surface} | {:?}", p.resolved.kind).to_lowercase()
                    }
                    ("place explanation", Some(p)) => {
                        let words = value.split(" | ").nth(1).unwrap_or("");
                        if p.explanation.contains(words) {
                            value.clone()
                        } else {
                            format!("{surface} | {}", p.explanation)
                        }
                    }
                    (_, Some(p)) => place_within(value, surface, &p.resolved),
                };
                let expected = if key == "place kind" {
                    value.to_lowercase()
                } else {
                    value.clone()
                };
                fail(key, &expected, got);
            }
            "given" => {}
            "given place" | "given no place" => {
                let surface = value.split(" | ").next().unwrap_or(value);
                let resolved = given
                    .iter()
                    .find(|(span, _)| span.slice(text) == surface)
                    .map(|(_, place)| place);
                let got = match (key.as_str(), resolved) {
                    (_, None) => format!("{surface}: <not given>"),
                    ("given no place", Some(None)) => value.clone(),
                    ("given no place", Some(Some(p))) => {
                        format!("{surface} resolves to {}", p.name)
                    }
                    (_, Some(None)) => format!("{surface}: <no place>"),
                    (_, Some(Some(p))) => place_within(value, surface, p),
                };
                fail(key, value, got);
            }
            "embedded places" => {
                let names: Vec<&str> = analysis
                    .embedded_places
                    .iter()
                    .map(|e| e.name.as_str())
                    .collect();
                let got = if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(" | ")
                };
                fail(key, value, got);
            }
            "embedded place" => {
                let surface = value.split(" | ").next().unwrap_or(value);
                let found = analysis.embedded_places.iter().find(|e| e.name == surface);
                let got = match found.map(|e| &e.resolved) {
                    None => format!("{surface}: <not found>"),
                    Some(None) => format!("{surface}: <no place>"),
                    Some(Some(place)) => place_within(value, surface, place),
                };
                fail(key, value, got);
            }
            other => fail(
                "expectation key",
                "one documented in tests/spec.rs",
                other.to_string(),
            ),
        }
    }
    failures
}

/// The `given` names' spans in text order, each with what the resolver makes of it.
fn given_resolutions(
    case: &Case,
    text: &str,
) -> Vec<(
    article_atlas::analysis::Span,
    Option<article_atlas::analysis::Candidate>,
)> {
    use article_atlas::analysis::gazetteer::Gazetteer;
    use article_atlas::analysis::places::{resolve_spans, Resolver};
    use article_atlas::analysis::Span;
    let names: Vec<&str> = case
        .expectations
        .iter()
        .filter(|(k, _)| k == "given")
        .flat_map(|(_, v)| v.split(" | "))
        .collect();
    let whole_word = |span: &Span| {
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let mut spans: Vec<Span> = names
        .iter()
        .flat_map(|name| {
            text.match_indices(name)
                .map(|(start, _)| Span::new(start, start + name.len()))
        })
        .filter(whole_word)
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let gazetteer = Gazetteer::embedded();
    let resolutions = resolve_spans(&Resolver::new(gazetteer), text, &spans, None);
    spans
        .into_iter()
        .zip(resolutions)
        .map(|(span, r)| (span, r.map(|r| gazetteer.candidate(r.place))))
        .collect()
}

/// `value` itself when the candidate is in the expected country within the distance, else what
/// it is.
fn place_within(value: &str, surface: &str, place: &article_atlas::analysis::Candidate) -> String {
    let parts: Vec<&str> = value.split(" | ").collect();
    let (country, point) = (
        parts.get(1).copied().unwrap_or(""),
        parts.get(2).copied().unwrap_or(""),
    );
    let (coordinates, km) = point.split_once(" ±").unwrap_or((point, "50"));
    let km: f64 = km.trim_end_matches("km").trim().parse().unwrap_or(50.0);
    let (lat, lon) = coordinates.split_once(',').unwrap_or(("0", "0"));
    let (lat, lon): (f64, f64) = (
        lat.trim().parse().unwrap_or(0.0),
        lon.trim().parse().unwrap_or(0.0),
    );
    let distance = article_atlas::analysis::places::distance_km(lat, lon, place.lat, place.lon);
    let got_country = if place.country.is_empty() {
        "-"
    } else {
        place.country.as_str()
    };
    if got_country == country && distance <= km {
        value.to_string()
    } else {
        format!(
            "{surface} | {got_country} | {},{} ({}, {:.0} km away)",
            place.lat, place.lon, place.name, distance
        )
    }
}

fn all_cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/spec");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let cases: Vec<Case> = files
        .iter()
        .flat_map(|path| {
            let content = std::fs::read_to_string(path).unwrap();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            parse_spec(&file, &content)
        })
        .collect();
    assert!(!cases.is_empty(), "no spec cases found in {dir}");
    cases
}

/// A case of `pages.txt` is a saved web page, read as the page reader reads it; every other
/// case is an article's text.
fn analyze_case(analyzer: &Analyzer, case: &Case) -> Analysis {
    if case.file == "pages.txt" {
        if let Some(reading) = article_atlas::page_reader::read_page(&case.input) {
            return analyzer.analyze_page(&reading);
        }
    }
    analyzer.analyze(&case.input)
}

#[test]
fn structure_spec_files() {
    let analyzer = Analyzer::new();
    let (mut passed, mut report) = (0, Vec::new());
    for case in all_cases() {
        let analysis = analyze_case(&analyzer, &case);
        let failures = check(&case, &analysis);
        if failures.is_empty() {
            passed += 1;
        } else {
            report.push(format!(
                "{} / {}:\n    {}",
                case.file,
                case.name,
                failures.join("\n    ")
            ));
        }
    }
    assert!(
        report.is_empty(),
        "{} spec cases failed ({passed} passed):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// Every rule of the table has an invented case that fires it (`rule: id`); the case itself is
/// checked by `structure_spec_files`.
#[test]
fn every_rule_has_a_spec_case() {
    let cases = all_cases();
    let tagged = |rule: RuleId| {
        cases.iter().any(|case| {
            case.expectations
                .iter()
                .any(|(k, v)| k == "rule" && v.split(" | ").next() == Some(rule.id()))
        })
    };
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .filter(|rule| !tagged(**rule))
        .map(|rule| rule.id())
        .collect();
    assert!(missing.is_empty(), "rules with no spec case: {missing:?}");
}

/// A rule switched off never fires on its own cases: every rule checks `RuleSet::enabled`
/// where it decides, not only where it is recorded, or ablation would measure it as idle.
#[test]
fn a_rule_switched_off_never_fires_on_its_cases() {
    let cases = all_cases();
    let mut fired = Vec::new();
    for &rule in RuleId::ALL {
        let analyzer = Analyzer::builder().disable(rule).build();
        let tagged = cases.iter().filter(|case| {
            case.expectations
                .iter()
                .any(|(k, v)| k == "rule" && v.split(" | ").next() == Some(rule.id()))
        });
        for case in tagged {
            let analysis = analyze_case(&analyzer, case);
            if analysis.rule_hits.iter().any(|hit| hit.rule == rule) {
                fired.push(format!("{} in {:?}", rule.id(), case.name));
            }
        }
    }
    assert!(
        fired.is_empty(),
        "rules that fired while switched off: {fired:?}"
    );
}
