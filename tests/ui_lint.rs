//! Lints over the page's source that keep two promises checkable:
//! user text reaches the DOM only as text nodes and attribute values, never as markup; and the
//! page runs under its strict Content-Security-Policy (no inline script or style attributes).

use std::fs;
use std::path::Path;

/// (what is searched for, why it is refused)
const FORBIDDEN: [(&str, &str); 7] = [
    (
        "inner_html",
        "parses a string as markup: user text must be a text node",
    ),
    ("outer_html", "parses a string as markup"),
    ("insert_adjacent_html", "parses a string as markup"),
    ("document.write", "parses a string as markup"),
    (
        "set_attribute(\"style\"",
        "a style attribute is blocked by the CSP (style-src 'self'); use style: (CSSOM)",
    ),
    // `style:name=value` sets one property through the CSSOM, which the CSP allows; `style=`
    // writes the attribute (tachys calls setAttribute("style")), which the CSP blocks.
    (
        " style=",
        "a style attribute is blocked by the CSP; use a class or style:name=value (CSSOM)",
    ),
    ("eval(", "the CSP forbids eval"),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_page_never_parses_strings_as_markup_nor_needs_inline_styles() {
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    files.push("src/main.rs".into());
    assert!(files.len() > 10, "the lint sees the components");
    let mut problems = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (pattern, why) in FORBIDDEN {
                if code.contains(pattern) {
                    problems.push(format!(
                        "{}:{}: `{pattern}`: {why}",
                        file.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_lint_catches_what_it_looks_for() {
    let offending = "    view! { <div inner_html=text/> }";
    assert!(FORBIDDEN
        .iter()
        .any(|(pattern, _)| offending.contains(pattern)));
    let styled = r#"    view! { <div style="color: red"/> }"#;
    assert!(FORBIDDEN
        .iter()
        .any(|(pattern, _)| styled.contains(pattern)));
}

#[test]
fn index_html_keeps_a_strict_policy() {
    let html = fs::read_to_string("index.html").unwrap();
    let policy = html
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a CSP meta tag");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval';",
        "style-src 'self';",
        "object-src 'none'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
    assert!(
        html.find("Content-Security-Policy").unwrap() < html.find("<link").unwrap(),
        "the policy comes before any resource"
    );
}
