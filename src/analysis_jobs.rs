//! Analysis requests as the page sends them to its worker, and the rule that keeps only fresh
//! answers: one request in flight, the newest waiting text replaces older ones, and an answer
//! for a text that has since changed is dropped. Plain types, tested natively; the page's side
//! (`ui::analysis_worker`) only posts and receives them.

use serde::{Deserialize, Serialize};

use crate::analysis::page::PageReading;
use crate::analysis::{
    Analysis, Analyzer, EmbeddedPlace, Entity, Header, InputFormat, Mention, Place, RuleHit,
};

/// Texts longer than this many bytes of UTF-8 (10 MiB) are kept as the draft but not analysed:
/// the page keeps the current article and says so.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// What one analysis reads: the text area's text, its format if known, and a saved page's
/// reading when the text area shows that page's article text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Request {
    pub generation: u64,
    pub text: String,
    pub format: Option<InputFormat>,
    pub page: Option<PageReading>,
}

impl Request {
    /// Runs the analysis the request asks for; the same call on the main thread and in the worker.
    pub fn run(&self, analyzer: &Analyzer) -> Analysis {
        match (&self.page, self.format) {
            (Some(reading), _) => analyzer.analyze_page(reading),
            (None, Some(format)) => analyzer.analyze_as(&self.text, format),
            (None, None) => analyzer.analyze(&self.text),
        }
    }
}

/// The worker's answer to a request.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Answer {
    pub generation: u64,
    /// The request's text length in Unicode scalar values (what `[...text].length` counts).
    pub chars: usize,
    /// How long the analysis took in the worker, in milliseconds.
    pub ms: Option<f64>,
    /// Bytes of the worker's wasm memory after the analysis.
    pub memory_bytes: Option<f64>,
    pub analysis: Analysis,
}

impl Answer {
    /// Reads an answer back. The analysis's `header` is the same fields as `header_fields`,
    /// written as a JSON object; it is rebuilt from them rather than read.
    pub fn from_json(json: &str) -> Option<Answer> {
        let mut answer: Answer = serde_json::from_str(json).ok()?;
        answer.analysis.header = Header(answer.analysis.header_fields.clone());
        Some(answer)
    }
}

/// An answer comes in stages, each shown as it arrives: the structure (the [`Answer`], its
/// analysis without names and places), then the names, then the places. Each is a smaller
/// piece of work for the page than the whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Structure,
    Entities,
    Places,
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Stage::Structure => "structure",
            Stage::Entities => "entities",
            Stage::Places => "places",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        [Stage::Structure, Stage::Entities, Stage::Places]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// The names of an analysis, sent after its structure.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct EntitiesPart {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// The places of an analysis (and the rules that decided everything), sent last.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PlacesPart {
    pub places: Vec<Place>,
    pub embedded_places: Vec<EmbeddedPlace>,
    pub rule_hits: Vec<RuleHit>,
}

/// Cuts an analysis into its stages; [`EntitiesPart::apply`] and [`PlacesPart::apply`] put it
/// back together.
pub fn split(mut analysis: Analysis) -> (Analysis, EntitiesPart, PlacesPart) {
    let entities = EntitiesPart {
        mentions: std::mem::take(&mut analysis.mentions),
        entities: std::mem::take(&mut analysis.entities),
    };
    let places = PlacesPart {
        places: std::mem::take(&mut analysis.places),
        embedded_places: std::mem::take(&mut analysis.embedded_places),
        rule_hits: std::mem::take(&mut analysis.rule_hits),
    };
    (analysis, entities, places)
}

impl EntitiesPart {
    pub fn apply(self, analysis: &mut Analysis) {
        analysis.mentions = self.mentions;
        analysis.entities = self.entities;
    }
}

impl PlacesPart {
    pub fn apply(self, analysis: &mut Analysis) {
        analysis.places = self.places;
        analysis.embedded_places = self.embedded_places;
        analysis.rule_hits = self.rule_hits;
    }
}

/// What the page should show about the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Status {
    /// A text is being analysed, or waits for the analysis in flight.
    pub working: bool,
    /// The shown analysis's text length in Unicode scalar values, once there is one.
    pub chars: Option<usize>,
    /// The newest text was not analysed, and why: the analysis shown is of an older one.
    pub refused: Option<Refusal>,
}

/// Why a text was not sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    TooLarge { bytes: usize },
}

impl Refusal {
    pub fn message(self) -> String {
        match self {
            Refusal::TooLarge { bytes } => format!(
                "This text is {:.1} MB; Article Atlas analyses texts up to {} MB. The article shown is the one before, \
                 and your text is kept in the text area.",
                bytes as f64 / (1024.0 * 1024.0),
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// Coalesces edits: at most one request in flight and one waiting, the waiting one always the
/// newest text. Generations grow with every text submitted.
#[derive(Clone, Debug, Default)]
pub struct Queue {
    latest: u64,
    in_flight: Option<u64>,
    waiting: Option<Request>,
    /// The worker has not said it is ready yet: nothing can be sent.
    starting: bool,
}

impl Queue {
    /// A queue for a worker that still has to start: requests wait until [`Queue::ready`].
    pub fn starting() -> Queue {
        Queue {
            starting: true,
            ..Queue::default()
        }
    }

    /// A new text to analyse. Returns the request to send now, if the worker is free; otherwise
    /// it waits, replacing any older waiting text.
    pub fn submit(
        &mut self,
        text: String,
        format: Option<InputFormat>,
        page: Option<PageReading>,
    ) -> Result<Option<Request>, Refusal> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Refusal::TooLarge { bytes: text.len() });
        }
        self.latest += 1;
        let request = Request {
            generation: self.latest,
            text,
            format,
            page,
        };
        if self.starting || self.in_flight.is_some() {
            self.waiting = Some(request);
            return Ok(None);
        }
        self.in_flight = Some(request.generation);
        Ok(Some(request))
    }

    /// The worker is ready: the waiting request, if any, goes now.
    pub fn ready(&mut self) -> Option<Request> {
        self.starting = false;
        self.send_waiting()
    }

    /// An answer came for `generation`. Returns whether it is for the newest text (show it) and
    /// the waiting request to send next.
    pub fn answered(&mut self, generation: u64) -> (bool, Option<Request>) {
        if self.in_flight == Some(generation) {
            self.in_flight = None;
        }
        let fresh = generation == self.latest;
        (fresh, self.send_waiting())
    }

    fn send_waiting(&mut self) -> Option<Request> {
        if self.in_flight.is_some() || self.starting {
            return None;
        }
        let request = self.waiting.take()?;
        self.in_flight = Some(request.generation);
        Some(request)
    }

    /// Whether `generation` is the newest text's: its stages are shown as they come.
    pub fn is_newest(&self, generation: u64) -> bool {
        generation == self.latest
    }

    /// Whether a text is being analysed or waits.
    pub fn working(&self) -> bool {
        self.in_flight.is_some() || self.waiting.is_some()
    }
}

/// A text's length as JavaScript's `[...text].length` counts it.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submit(queue: &mut Queue, text: &str) -> Option<u64> {
        queue
            .submit(text.to_string(), None, None)
            .unwrap()
            .map(|r| r.generation)
    }

    #[test]
    fn edits_while_one_runs_are_coalesced_into_the_newest() {
        let mut queue = Queue::default();
        assert_eq!(submit(&mut queue, "a"), Some(1));
        assert_eq!(submit(&mut queue, "ab"), None);
        assert_eq!(submit(&mut queue, "abc"), None);
        assert!(queue.working());
        // The answer for "a" is stale: dropped, and only the newest waiting text goes next.
        let (fresh, next) = queue.answered(1);
        assert!(!fresh);
        let next = next.unwrap();
        assert_eq!((next.generation, next.text.as_str()), (3, "abc"));
        let (fresh, next) = queue.answered(3);
        assert!(fresh && next.is_none());
        assert!(!queue.working());
    }

    #[test]
    fn nothing_is_sent_before_the_worker_is_ready() {
        let mut queue = Queue::starting();
        assert_eq!(submit(&mut queue, "a"), None);
        assert_eq!(submit(&mut queue, "b"), None);
        assert!(queue.working());
        let first = queue.ready().unwrap();
        assert_eq!((first.generation, first.text.as_str()), (2, "b"));
        assert_eq!(queue.answered(2), (true, None));
    }

    #[test]
    fn a_text_over_the_limit_is_refused_and_the_queue_is_unchanged() {
        let mut queue = Queue::default();
        let big = "x".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(
            queue.submit(big, None, None),
            Err(Refusal::TooLarge {
                bytes: MAX_TEXT_BYTES + 1
            })
        );
        assert!(!queue.working());
        assert_eq!(submit(&mut queue, "fits"), Some(1));
        assert!(Refusal::TooLarge { bytes: 11 << 20 }
            .message()
            .contains("11.0 MB"));
    }

    #[test]
    fn an_answer_reads_back_as_the_analysis_it_was() {
        let request = Request {
            generation: 7,
            text: "Publication: Monitor\n\nMOSCOW — It began. “We won,” said Anna Lee.".into(),
            format: None,
            page: None,
        };
        let analysis = request.run(&Analyzer::new());
        let answer = Answer {
            generation: 7,
            chars: char_count(&request.text),
            ms: Some(1.5),
            memory_bytes: None,
            analysis: analysis.clone(),
        };
        let back = Answer::from_json(&serde_json::to_string(&answer).unwrap()).unwrap();
        assert_eq!(back, answer);
        assert_eq!(back.chars, 65);

        // In stages: the structure first, then the names, then the places.
        let (mut structure, entities, places) = split(analysis.clone());
        assert!(structure.mentions.is_empty() && !entities.mentions.is_empty());
        assert_eq!(structure.paragraphs, analysis.paragraphs);
        let entities: EntitiesPart =
            serde_json::from_str(&serde_json::to_string(&entities).unwrap()).unwrap();
        let places: PlacesPart =
            serde_json::from_str(&serde_json::to_string(&places).unwrap()).unwrap();
        entities.apply(&mut structure);
        places.apply(&mut structure);
        assert_eq!(structure, analysis);
    }

    #[test]
    fn a_saved_pages_reading_is_analysed_as_the_page() {
        let reading = PageReading {
            title: Some("Ferries return".into()),
            byline: Some("Mira Tallen".into()),
            content: "<p>The ferry sailed again on Tuesday.</p>".into(),
            ..PageReading::default()
        };
        let request = Request {
            generation: 1,
            text: "The ferry sailed again on Tuesday.".into(),
            format: Some(InputFormat::Plain),
            page: Some(reading.clone()),
        };
        let analysis = request.run(&Analyzer::new());
        assert_eq!(analysis, Analyzer::new().analyze_page(&reading));
        assert_eq!(analysis.title.as_deref(), Some("Ferries return"));
    }
}
