//! Analysis requests as the page sends them to its worker, and the rule that keeps only fresh
//! answers: one request in flight, the newest waiting text replaces older ones, and an answer
//! for a text that has since changed is dropped. Plain types, tested natively; the page's side
//! (`ui::analysis_worker`) only posts and receives them.

use serde::{Deserialize, Serialize};

use crate::analysis::page::PageReading;
use crate::analysis::{
    Analysis, Analyzer, EmbeddedPlace, Entity, Header, InputFormat, Mention, Place, RuleHit,
};
use crate::view_model::{self, PlannedBlock};

/// Texts longer than this many bytes of UTF-8 (10 MiB) are kept as the draft but not analysed:
/// the page keeps the current article and says so.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// What one analysis reads: the text area's text, its format if known, and a saved page's
/// reading when the text area shows that page's article text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Request {
    pub generation: u64,
    #[serde(default)]
    pub text: String,
    pub format: Option<InputFormat>,
    pub page: Option<PageReading>,
}

/// A [`Request`] without its text, which travels beside it.
#[derive(Serialize)]
pub struct RequestHead<'a> {
    generation: u64,
    format: Option<InputFormat>,
    page: &'a Option<PageReading>,
}

impl Request {
    pub fn head(&self) -> RequestHead<'_> {
        RequestHead {
            generation: self.generation,
            format: self.format,
            page: &self.page,
        }
    }

    /// The request whose [`Request::head`] is `head` (as JSON), with its text.
    pub fn from_head(head: &str, text: String) -> Option<Request> {
        let request: Request = serde_json::from_str(head).ok()?;
        Some(Request { text, ..request })
    }

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

/// An answer comes in stages, each shown as it arrives: the structure (the [`Answer`], its
/// analysis without names and places), then the names, then the places. Each is a smaller
/// piece of work for the page than the whole, and each comes in pieces ([`Message`]).
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

/// The names of an analysis, sent after its structure, with the plan of its drawing: the worker
/// cuts every block's view to plan it, so that the page cuts only those it draws.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EntitiesPart {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub plan: Vec<PlannedBlock>,
}

/// The places of an analysis (and the rules that decided everything), sent last.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PlacesPart {
    pub places: Vec<Place>,
    pub embedded_places: Vec<EmbeddedPlace>,
    pub rule_hits: Vec<RuleHit>,
}

/// Cuts an analysis into its stages; [`EntitiesPart::apply`] and [`PlacesPart::apply`] put it
/// back together.
pub fn split(mut analysis: Analysis) -> (Analysis, EntitiesPart, PlacesPart) {
    let plan = view_model::draw_plan(&analysis);
    let entities = EntitiesPart {
        plan,
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
    /// Puts the names back; the plan is the page's, not the analysis's.
    pub fn apply(self, analysis: &mut Analysis) -> Vec<PlannedBlock> {
        analysis.mentions = self.mentions;
        analysis.entities = self.entities;
        self.plan
    }
}

impl PlacesPart {
    pub fn apply(self, analysis: &mut Analysis) {
        analysis.places = self.places;
        analysis.embedded_places = self.embedded_places;
        analysis.rule_hits = self.rule_hits;
    }
}

/// About this many bytes of JSON go in one message at most (one list item may exceed it). The
/// page reads each message in a task of its own, and 1 MB of JSON costs it about 50 ms in wasm.
pub const PIECE_BYTES: usize = 128 * 1024;

/// A message of the worker: the stage it belongs to, whether it is that stage's last, and a
/// piece of the answer as JSON, `{"<list>":<JSON>}`: the structure's [`Answer`] with its long
/// lists left empty (`Answer`), or a run of one list's items (`Blocks`, `Mentions`, `RuleHits`…).
/// A 1 MB article's answer is about 8 MB of JSON; cut into pieces, no single message holds up
/// the page while it is read. (The page reads the list's name itself rather than through a
/// serde enum: smaller code.)
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub stage: Stage,
    pub last: bool,
    pub json: String,
}

/// The messages of an answer, in order: the structure's, the names', the places'.
pub fn messages(mut answer: Answer, entities: EntitiesPart, places: PlacesPart) -> Vec<Message> {
    let analysis = &mut answer.analysis;
    let blocks = std::mem::take(&mut analysis.blocks);
    let paragraphs = std::mem::take(&mut analysis.paragraphs);
    let quotations = std::mem::take(&mut analysis.quotations);
    let attributions = std::mem::take(&mut analysis.attributions);
    let mut structure = vec![format!(
        r#"{{"Answer":{}}}"#,
        serde_json::to_string(&answer).unwrap_or_default()
    )];
    structure.extend(json_runs("Blocks", &blocks));
    structure.extend(json_runs("Paragraphs", &paragraphs));
    structure.extend(json_runs("Quotations", &quotations));
    structure.extend(json_runs("Attributions", &attributions));
    let mut names = json_runs("Mentions", &entities.mentions);
    names.extend(json_runs("Entities", &entities.entities));
    names.extend(json_runs("Plan", &entities.plan));
    let mut located = json_runs("Places", &places.places);
    located.extend(json_runs("EmbeddedPlaces", &places.embedded_places));
    located.extend(json_runs("RuleHits", &places.rule_hits));
    [
        (Stage::Structure, structure),
        (Stage::Entities, names),
        (Stage::Places, located),
    ]
    .into_iter()
    .flat_map(|(stage, mut pieces)| {
        // A stage with nothing to say still ends, so that the page applies it.
        if pieces.is_empty() {
            pieces.push(format!(r#"{{"{}":[]}}"#, stage_list(stage)));
        }
        let count = pieces.len();
        pieces
            .into_iter()
            .enumerate()
            .map(move |(i, json)| Message {
                stage,
                last: i + 1 == count,
                json,
            })
    })
    .collect()
}

/// A list a stage carries, for a stage with nothing to carry.
fn stage_list(stage: Stage) -> &'static str {
    match stage {
        Stage::Structure => "Blocks",
        Stage::Entities => "Mentions",
        Stage::Places => "Places",
    }
}

/// `items` as pieces named `tag`, in JSON, each of about [`PIECE_BYTES`] at most.
fn json_runs<T: Serialize>(tag: &str, items: &[T]) -> Vec<String> {
    cut_json_array(tag, &serde_json::to_string(items).unwrap_or_default())
}

/// Cuts a JSON array between its items into runs of about [`PIECE_BYTES`], each written as the
/// piece `tag` (`{"tag":[…]}`). Not generic, so that the page carries it once.
fn cut_json_array(tag: &str, array: &str) -> Vec<String> {
    let body = array
        .strip_prefix('[')
        .and_then(|a| a.strip_suffix(']'))
        .unwrap_or_default();
    let mut runs = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = 0;
    let mut push = |run: &str| runs.push(format!(r#"{{"{tag}":[{run}]}}"#));
    for (i, byte) in body.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            // Between two items: cut here if the run is long enough.
            b',' if depth == 0 && i - start >= PIECE_BYTES => {
                push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < body.len() {
        push(&body[start..]);
    }
    runs
}

/// A stage put back together from its pieces, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Assembled {
    Structure(Box<Answer>),
    Entities(EntitiesPart),
    Places(PlacesPart),
}

/// The page's side of [`messages`]: collects the pieces of the newest answer, and hands over
/// each stage once its last piece came.
#[derive(Clone, Debug, Default)]
pub struct Assembly {
    generation: u64,
    /// The answer's text, when it came apart from its structure (`ui::analysis_worker`).
    text: Option<String>,
    answer: Option<Answer>,
    entities: EntitiesPart,
    places: PlacesPart,
}

impl Assembly {
    /// Takes the text of the answer for `generation`, sent before its structure.
    pub fn add_text(&mut self, generation: u64, text: String) {
        *self = Assembly {
            generation,
            text: Some(text),
            ..Assembly::default()
        };
    }

    /// Reads one message of the answer for `generation` (the caller drops stale ones unread).
    pub fn add(
        &mut self,
        generation: u64,
        stage: Stage,
        last: bool,
        json: &str,
    ) -> Option<Assembled> {
        let (list, json) = json
            .strip_prefix("{\"")
            .and_then(|j| j.strip_suffix('}'))
            .and_then(|j| j.split_once("\":"))?;
        if generation != self.generation {
            *self = Assembly {
                generation,
                ..Assembly::default()
            };
        }
        fn read<T: serde::de::DeserializeOwned>(json: &str) -> Option<T> {
            serde_json::from_str(json).ok()
        }
        match list {
            "Answer" => {
                let mut answer: Answer = read(json)?;
                // The header is the same fields as `header_fields`, written as a JSON object:
                // rebuilt rather than read.
                answer.analysis.header = Header(answer.analysis.header_fields.clone());
                if let Some(text) = self.text.take() {
                    answer.analysis.text = text;
                }
                self.answer = Some(answer);
            }
            "Blocks" => self.structure_list(|a| &mut a.blocks, read(json)?),
            "Paragraphs" => self.structure_list(|a| &mut a.paragraphs, read(json)?),
            "Quotations" => self.structure_list(|a| &mut a.quotations, read(json)?),
            "Attributions" => self.structure_list(|a| &mut a.attributions, read(json)?),
            "Mentions" => self.entities.mentions.extend(read::<Vec<_>>(json)?),
            "Entities" => self.entities.entities.extend(read::<Vec<_>>(json)?),
            "Plan" => self.entities.plan.extend(read::<Vec<PlannedBlock>>(json)?),
            "Places" => self.places.places.extend(read::<Vec<_>>(json)?),
            "EmbeddedPlaces" => self.places.embedded_places.extend(read::<Vec<_>>(json)?),
            "RuleHits" => self.places.rule_hits.extend(read::<Vec<RuleHit>>(json)?),
            _ => return None,
        }
        if !last {
            return None;
        }
        match stage {
            Stage::Structure => self
                .answer
                .take()
                .map(|a| Assembled::Structure(Box::new(a))),
            Stage::Entities => Some(Assembled::Entities(std::mem::take(&mut self.entities))),
            Stage::Places => Some(Assembled::Places(std::mem::take(&mut self.places))),
        }
    }

    fn structure_list<T>(
        &mut self,
        list: impl FnOnce(&mut Analysis) -> &mut Vec<T>,
        items: Vec<T>,
    ) {
        if let Some(answer) = &mut self.answer {
            list(&mut answer.analysis).extend(items);
        }
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
    fn a_request_travels_as_its_head_and_its_text() {
        let request = Request {
            generation: 4,
            text: "Line one \"quoted\"\n\u{201c}Two\u{201d}".into(),
            format: Some(InputFormat::Markdown),
            page: None,
        };
        let head = serde_json::to_string(&request.head()).unwrap();
        assert!(!head.contains("quoted"));
        assert_eq!(
            Request::from_head(&head, request.text.clone()),
            Some(request)
        );
        assert_eq!(Request::from_head("not json", String::new()), None);
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
        // In stages, each in pieces: the structure first, then the names, then the places.
        let (structure, entities, places) = split(analysis.clone());
        assert!(structure.mentions.is_empty() && !entities.mentions.is_empty());
        assert_eq!(structure.paragraphs, analysis.paragraphs);
        let answer = Answer {
            analysis: structure,
            ..answer
        };
        let sent = messages(answer.clone(), entities, places);
        let stages: Vec<Stage> = sent.iter().filter(|m| m.last).map(|m| m.stage).collect();
        assert_eq!(stages, [Stage::Structure, Stage::Entities, Stage::Places]);
        let mut assembly = Assembly::default();
        let mut shown = None;
        for message in &sent {
            match assembly.add(7, message.stage, message.last, &message.json) {
                Some(Assembled::Structure(back)) => {
                    assert_eq!(*back, answer);
                    assert_eq!(back.chars, 65);
                    shown = Some(back.analysis);
                }
                Some(Assembled::Entities(part)) => {
                    let plan = part.apply(shown.as_mut().unwrap());
                    assert_eq!(plan, crate::view_model::draw_plan(&analysis));
                }
                Some(Assembled::Places(part)) => part.apply(shown.as_mut().unwrap()),
                None => assert!(!message.last),
            }
        }
        assert_eq!(shown.unwrap(), analysis);
    }

    #[test]
    fn the_text_may_come_apart_from_its_structure() {
        let text = "Ana Lee spoke in Velmore on Monday. \u{201c}We stay,\u{201d} she said.";
        let analysis = Analyzer::new().analyze(text);
        let (mut structure, entities, places) = split(analysis.clone());
        let apart = std::mem::take(&mut structure.text);
        let answer = Answer {
            generation: 5,
            chars: char_count(text),
            ms: None,
            memory_bytes: None,
            analysis: structure,
        };
        let mut assembly = Assembly::default();
        assembly.add_text(5, apart);
        let mut shown = None;
        for message in messages(answer, entities, places) {
            match assembly.add(5, message.stage, message.last, &message.json) {
                Some(Assembled::Structure(back)) => shown = Some(back.analysis),
                Some(Assembled::Entities(part)) => {
                    part.apply(shown.as_mut().unwrap());
                }
                Some(Assembled::Places(part)) => part.apply(shown.as_mut().unwrap()),
                None => {}
            }
        }
        assert_eq!(shown.unwrap(), analysis);
    }

    #[test]
    fn long_lists_come_in_pieces_that_put_back_the_whole() {
        let text =
            "The council of Velmore met Anna Lee in Lisbon. She flew to Tbilisi.\n\n".repeat(400);
        let analysis = Analyzer::new().analyze(&text);
        let (structure, entities, places) = split(analysis.clone());
        let answer = Answer {
            generation: 3,
            chars: char_count(&text),
            ms: None,
            memory_bytes: None,
            analysis: structure,
        };
        let sent = messages(answer, entities, places);
        assert!(
            sent.iter().filter(|m| m.stage == Stage::Entities).count() > 1,
            "the names are cut"
        );
        // One item may overshoot a piece; none is much over.
        assert!(sent
            .iter()
            .skip(1)
            .all(|m| m.json.len() < PIECE_BYTES + 4096));
        let mut assembly = Assembly::default();
        // A stale answer's first pieces, then the fresh one's: only the fresh one is assembled.
        assembly.add(2, sent[0].stage, false, &sent[0].json);
        let mut shown = None;
        for message in &sent {
            match assembly.add(3, message.stage, message.last, &message.json) {
                Some(Assembled::Structure(back)) => shown = Some(back.analysis),
                Some(Assembled::Entities(part)) => {
                    assert_eq!(part.apply(shown.as_mut().unwrap()).len(), 400);
                }
                Some(Assembled::Places(part)) => part.apply(shown.as_mut().unwrap()),
                None => {}
            }
        }
        assert_eq!(shown.unwrap(), analysis);
    }

    #[test]
    fn json_arrays_are_cut_between_items_only() {
        // Commas, brackets, quotes and backslashes inside strings are not item boundaries.
        let items: Vec<String> = (0..6000)
            .map(|i| format!(r#"item {i}, with ] and }} and {{ and [ and \" and \\"#))
            .collect();
        let runs = cut_json_array("Tag", &serde_json::to_string(&items).unwrap());
        assert!(runs.len() > 1);
        let mut back: Vec<String> = Vec::new();
        for run in &runs {
            let value: std::collections::BTreeMap<String, Vec<String>> =
                serde_json::from_str(run).unwrap();
            back.extend(value["Tag"].iter().cloned());
        }
        assert_eq!(back, items);
        assert!(cut_json_array("Tag", "[]").is_empty());
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
