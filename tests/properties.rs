//! Properties that hold for any input: no panic, blocks tile the text, every span lies on char
//! boundaries inside the text, and sentences are sorted, disjoint and inside their paragraphs.

use article_atlas::analysis::{Analysis, Analyzer, InputFormat, Span};

/// A small deterministic generator, so that failures reproduce without a seed file.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

const PIECES: &[&str] = &[
    "a",
    "St.",
    " ",
    "\n",
    "\n\n",
    ".",
    "?",
    "!",
    "…",
    "...",
    "“",
    "”",
    "\"",
    "’",
    "'",
    "(",
    ")",
    "–",
    "—",
    " - ",
    "Khatami",
    "said",
    "U.S.",
    "Mr.",
    "é",
    "MOSCOW",
    ", ",
    ": ",
    "Publication:",
    "Issue: 5",
    "# ",
    "**",
    "[x](y)",
    "<p>",
    "</p>",
    "<script>",
    "&amp;",
    "&#",
    ";",
    "March 12",
    "(AP, March 3)",
    "By ",
    "\t",
    "\r\n",
    "Ж",
    "🙂",
    "President ",
    "Iranian",
    " of the ",
    "Ministry",
    "Washington Post",
    "2013",
    "-",
    "four-day",
    "al-",
    "St",
    "’s",
    "OCHA",
    "Monday, ",
    " to 16",
    "mid-",
    "Treaty",
    "$",
    "%",
    // Telephone numbers, amounts of money and the forms of places inside organisations' names,
    // cut anywhere by the pieces around them.
    "(519) 661-5670",
    "+1 ",
    "1-",
    "519-",
    "C$",
    "NZ$",
    "£",
    "Ohio",
    " Police",
    "University",
    " of ",
    "Springfield-",
    "Menoufia",
];

fn generate(rng: &mut Lcg) -> String {
    let len = rng.next() % 60;
    (0..len)
        .map(|_| PIECES[(rng.next() as usize) % PIECES.len()])
        .collect()
}

fn check_span(analysis: &Analysis, span: Span, what: &str) {
    let text = &analysis.text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside text {text:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a char in {text:?}"
    );
}

/// Mentions are sorted, disjoint, non-empty and on char boundaries; entities and mentions
/// point at each other.
fn check_entities(analysis: &Analysis, input: &str) {
    let mut last_end = 0;
    for (i, m) in analysis.mentions.iter().enumerate() {
        check_span(analysis, m.span(), "mention");
        assert!(m.start < m.end, "empty mention {m:?}: {input:?}");
        assert!(
            m.start >= last_end,
            "mentions sorted and disjoint: {input:?}"
        );
        last_end = m.end;
        let entity = analysis.entities.get(m.entity);
        assert!(
            entity.is_some_and(|e| e.mentions.contains(&i) && e.label == m.label),
            "mention {i} and its entity disagree: {input:?}"
        );
    }
    for (id, e) in analysis.entities.iter().enumerate() {
        assert_eq!(e.id, id, "entity ids are their indices: {input:?}");
        assert!(
            !e.mentions.is_empty() && e.salience > 0.0,
            "{e:?}: {input:?}"
        );
        assert!(
            e.mentions
                .iter()
                .all(|&m| analysis.mentions.get(m).is_some_and(|m| m.entity == id)),
            "entity {id} lists a mention of another: {input:?}"
        );
    }
}

/// Each place named inside a name lies inside that name, which its entity holds.
fn check_embedded_places(analysis: &Analysis, input: &str) {
    for e in &analysis.embedded_places {
        let span = Span::new(e.start, e.end);
        check_span(analysis, span, "embedded place");
        let holder = analysis.mentions.get(e.mention);
        assert!(
            holder.is_some_and(|m| m.span().contains(span) && m.entity == e.entity),
            "embedded place {e:?} outside its mention: {input:?}"
        );
        assert_eq!(e.name, span.slice(&analysis.text), "{input:?}");
    }
}

fn check(analysis: &Analysis, input: &str) {
    check_entities(analysis, input);
    check_embedded_places(analysis, input);
    let mut at = 0;
    for block in &analysis.blocks {
        assert_eq!(block.start, at, "blocks must tile the text: {input:?}");
        check_span(analysis, Span::new(block.start, block.end), "block");
        at = block.end;
    }
    assert_eq!(
        at,
        analysis.text.len(),
        "blocks must reach the end: {input:?}"
    );
    let mut source_at = 0;
    for block in &analysis.blocks {
        assert_eq!(
            block.source.start, source_at,
            "block sources must tile the input: {input:?}"
        );
        assert!(
            input.is_char_boundary(block.source.start) && input.is_char_boundary(block.source.end),
            "block source {:?} splits a char of the input {input:?}",
            block.source
        );
        source_at = block.source.end;
    }
    assert_eq!(
        source_at,
        input.len(),
        "block sources must reach the end of the input: {input:?}"
    );
    for p in &analysis.paragraphs {
        check_span(analysis, Span::new(p.start, p.end), "paragraph");
        let mut last_end = p.start;
        for s in &p.sentences {
            check_span(analysis, *s, "sentence");
            assert!(
                s.start >= last_end && s.end <= p.end,
                "sentences sorted and inside the paragraph: {input:?}"
            );
            last_end = s.end;
        }
    }
    for q in &analysis.quotations {
        check_span(analysis, Span::new(q.start, q.end), "quotation");
        q.speaker_span
            .iter()
            .chain(q.cue_span.iter())
            .for_each(|s| check_span(analysis, *s, "speaker/cue"));
    }
    for c in &analysis.citations {
        check_span(analysis, Span::new(c.start, c.end), "citation");
    }
    for field in &analysis.header_fields {
        check_span(analysis, field.key_span, "header key");
        check_span(analysis, field.value_span, "header value");
    }
    for span in [
        analysis.title_span,
        analysis.byline_span,
        analysis.dateline_span,
        analysis.citation_span,
    ]
    .into_iter()
    .flatten()
    {
        check_span(analysis, span, "part");
    }
}

#[test]
fn any_input_gives_a_consistent_analysis() {
    let analyzer = Analyzer::new();
    let mut rng = Lcg(0x5eed);
    let mut embedded_places = 0;
    for _ in 0..4000 {
        let input = generate(&mut rng);
        for format in [InputFormat::Plain, InputFormat::Markdown, InputFormat::Html] {
            let analysis = analyzer.analyze_as(&input, format);
            check(&analysis, &input);
            embedded_places += analysis.embedded_places.len();
        }
        check(&analyzer.analyze(&input), &input);
    }
    // Otherwise their checks above checked nothing.
    assert!(embedded_places > 0, "no input named a place inside a name");
}

#[test]
fn the_sample_with_every_line_ending_and_truncation_is_consistent() {
    let analyzer = Analyzer::new();
    let sample = article_atlas::SAMPLE_ARTICLE;
    let crlf = sample.replace('\n', "\r\n");
    for text in [sample, crlf.as_str()] {
        for (cut, _) in text.char_indices().step_by(97) {
            let input = &text[..cut];
            check(&analyzer.analyze(input), input);
        }
    }
}

#[test]
fn any_saved_page_reading_gives_a_consistent_analysis() {
    use article_atlas::analysis::page::PageReading;
    let analyzer = Analyzer::new();
    let mut rng = Lcg(0xfa9e);
    for i in 0..1500 {
        let (a, b, c) = (generate(&mut rng), generate(&mut rng), generate(&mut rng));
        let some = |s: &str, on: bool| on.then(|| s.chars().take(80).collect::<String>());
        let reading = PageReading {
            title: some(&b, i % 2 == 0),
            byline: some(&c, i % 3 == 0),
            published_time: some(&c, i % 5 == 0),
            site_name: some(&b, i % 7 != 0),
            content: a.clone(),
            ..PageReading::default()
        };
        let analysis = analyzer.analyze_page(&reading);
        check(&analysis, &analysis.text.clone());
    }
}
