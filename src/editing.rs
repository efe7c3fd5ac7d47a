//! Long texts are edited a part at a time.
//!
//! Chromium lays out all of a text area's text whenever it is set, and again before every edit
//! it makes: setting the 1.1 MB test text blocks the page for about 400 ms, and each keystroke
//! in it waits about 100 ms for its frame. So a text longer than [`WHOLE_TEXT_LIMIT`] is not put
//! into the text area whole: the text area holds one part of it, a run of whole paragraphs of
//! about [`PART_TARGET`] bytes, and what is typed there is spliced back into the text. The
//! analysis, the draft and the exports always see the whole text.
//!
//! An [`EditWindow`] is the byte range of the text that the text area holds. Parts are found
//! afresh from the window's edges (the part before it ends where it starts, the one after it
//! starts where it ends), so editing inside the window never moves the other parts' text.

use std::ops::Range;

/// Texts up to this many bytes are edited whole, as before: a text area lays them out in a
/// few tens of milliseconds.
pub const WHOLE_TEXT_LIMIT: usize = 128 * 1024;

/// A part ends at the first paragraph break after this many bytes: small enough that a keystroke
/// in it lays out in a few milliseconds, large enough for a chapter's worth of paragraphs.
pub const PART_TARGET: usize = 24 * 1024;

/// A part with no paragraph break ends at a line break, then a space, then any character,
/// after this many bytes at most.
const PART_MAX: usize = 2 * PART_TARGET;

/// The byte range of the text that the text area holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EditWindow {
    start: usize,
    end: usize,
}

/// What the text area holds after an edit: the text with the edit spliced in, and the window
/// over it.
#[derive(Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub window: EditWindow,
    /// Set when the window changed shape: the text area must be given the window's text, with
    /// the caret put back at this byte of the text.
    pub refill: Option<usize>,
}

impl EditWindow {
    /// The window for a text set from outside (opened, restored, pasted whole): all of a short
    /// text, or the part of a long one that holds byte `at`.
    pub fn around(text: &str, at: usize) -> EditWindow {
        if text.len() <= WHOLE_TEXT_LIMIT {
            return EditWindow {
                start: 0,
                end: text.len(),
            };
        }
        let at = floor_boundary(text, at.min(text.len()));
        let mut start = 0;
        loop {
            let end = part_end(text, start);
            if at < end || end == text.len() {
                return EditWindow { start, end };
            }
            start = end;
        }
    }

    /// This window if it still fits `text`; else (a stale window, read before the text area was
    /// given a new text) the window a new text opens with.
    fn fitted(&self, text: &str) -> EditWindow {
        let fits = self.start <= self.end
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end);
        if fits {
            *self
        } else {
            EditWindow::around(text, 0)
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the text area holds all of `text`.
    pub fn is_whole(&self, text: &str) -> bool {
        let this = self.fitted(text);
        this.start == 0 && this.end == text.len()
    }

    /// The part of `text` the text area shows.
    pub fn shown<'t>(&self, text: &'t str) -> &'t str {
        let this = self.fitted(text);
        &text[this.range()]
    }

    /// The text area now holds `shown`, with its caret at UTF-16 unit `caret`: splices it into
    /// `text`. A text that grows past the limit is parted around the caret, one that shrinks to
    /// it is edited whole again, and a part that grew far past its size (a long paste into it)
    /// is parted afresh.
    pub fn splice(&self, text: &str, shown: String, caret: usize) -> Edited {
        let (text, window) = match text.get(self.range()) {
            Some(_) if !self.is_whole(text) => {
                let mut spliced = String::with_capacity(text.len() - self.len() + shown.len());
                spliced.push_str(&text[..self.start]);
                spliced.push_str(&shown);
                spliced.push_str(&text[self.end..]);
                let end = self.start + shown.len();
                (
                    spliced,
                    EditWindow {
                        start: self.start,
                        end,
                    },
                )
            }
            _ => {
                let end = shown.len();
                (shown, EditWindow { start: 0, end })
            }
        };
        let long = text.len() > WHOLE_TEXT_LIMIT;
        let fits = if long {
            !window.is_whole(&text) && window.len() <= 2 * PART_MAX
        } else {
            window.is_whole(&text)
        };
        if fits {
            return Edited {
                text,
                window,
                refill: None,
            };
        }
        let caret = window.start + byte_offset(window.shown(&text), caret);
        Edited {
            window: EditWindow::around(&text, caret),
            text,
            refill: Some(caret),
        }
    }

    fn len(&self) -> usize {
        self.end - self.start
    }

    /// The part before the window, if any.
    pub fn previous(&self, text: &str) -> Option<EditWindow> {
        let this = self.fitted(text);
        let before = text.get(..this.start).filter(|b| !b.is_empty())?;
        let mut start = 0;
        loop {
            let end = part_end(before, start);
            if end == before.len() {
                return Some(EditWindow {
                    start,
                    end: this.start,
                });
            }
            start = end;
        }
    }

    /// The part after the window, if any.
    pub fn next(&self, text: &str) -> Option<EditWindow> {
        let this = self.fitted(text);
        (this.end < text.len()).then(|| EditWindow {
            start: this.end,
            end: part_end(text, this.end),
        })
    }

    /// Every part of `text`, this window among them, in order.
    pub fn parts(&self, text: &str) -> Vec<EditWindow> {
        let this = self.fitted(text);
        let mut parts = Vec::new();
        let mut start = 0;
        while start < this.start {
            let end = part_end(&text[..this.start], start);
            parts.push(EditWindow { start, end });
            start = end;
        }
        parts.push(this);
        let mut start = this.end;
        while start < text.len() {
            let end = part_end(text, start);
            parts.push(EditWindow { start, end });
            start = end;
        }
        parts
    }

    /// Which part of `text` this window is (from 0), and how many parts there are.
    pub fn place(&self, text: &str) -> (usize, usize) {
        let this = self.fitted(text);
        let parts = this.parts(text);
        let index = parts.iter().position(|part| *part == this).unwrap_or(0);
        (index, parts.len())
    }

    /// The UTF-16 unit in the window's text at byte `at` of the whole text, for the caret.
    pub fn caret_in(&self, text: &str, at: usize) -> usize {
        let this = self.fitted(text);
        let shown = this.shown(text);
        let at = floor_boundary(shown, at.saturating_sub(this.start).min(shown.len()));
        shown[..at].encode_utf16().count()
    }
}

/// Where the part that starts at `start` ends: after the first paragraph break past
/// [`PART_TARGET`] bytes; else, if the text goes on past [`PART_MAX`] bytes, after a line
/// break, a space or any character by then.
fn part_end(text: &str, start: usize) -> usize {
    let target = start + PART_TARGET;
    if target >= text.len() {
        return text.len();
    }
    let limit = floor_boundary(text, (start + PART_MAX).min(text.len()));
    let bytes = text.as_bytes();
    let window = &bytes[target..limit];
    let after_run = |from: usize| {
        let mut end = from;
        while end < limit && bytes[end] == b'\n' {
            end += 1;
        }
        end
    };
    if let Some(i) = window.windows(2).position(|w| w == b"\n\n") {
        return after_run(target + i);
    }
    if limit == text.len() {
        return limit;
    }
    if let Some(i) = window.iter().position(|&b| b == b'\n') {
        return after_run(target + i);
    }
    if let Some(i) = window.iter().position(|&b| b == b' ') {
        return target + i + 1;
    }
    limit
}

/// The byte offset of UTF-16 unit `units` in `text` (its end if past it).
fn byte_offset(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (at, c) in text.char_indices() {
        if seen >= units {
            return at;
        }
        seen += c.len_utf16();
    }
    text.len()
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` invented paragraphs of about 1 KB each, told apart by their numbers.
    fn long_text(count: usize) -> String {
        (0..count)
            .map(|i| {
                format!(
                    "Paragraph {i} of the harbour report. {}",
                    "The ferry left on time. ".repeat(40)
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn assert_tiles(text: &str, parts: &[EditWindow]) {
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(text.len()));
        for pair in parts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "parts follow one another");
        }
        for part in parts {
            assert!(part.start < part.end, "no empty part: {part:?}");
            assert!(
                text.get(part.range()).is_some(),
                "parts fall on character boundaries"
            );
            assert!(
                part.len() <= PART_MAX + 2,
                "a part stays near its size: {}",
                part.len()
            );
        }
    }

    #[test]
    fn a_short_text_is_edited_whole() {
        let text = "Harbour News\n\nThe ferry left on time.";
        let window = EditWindow::around(text, 5);
        assert!(window.is_whole(text));
        assert_eq!(window.parts(text), vec![window]);
        assert_eq!(window.previous(text), None);
        assert_eq!(window.next(text), None);
        let edited = window.splice(text, format!("{text}!"), 0);
        assert_eq!(edited.text, format!("{text}!"));
        assert!(edited.refill.is_none());
        assert!(edited.window.is_whole(&edited.text));
    }

    #[test]
    fn a_long_text_is_parted_at_paragraph_breaks() {
        let text = long_text(400);
        assert!(text.len() > WHOLE_TEXT_LIMIT);
        let last = EditWindow::around(&text, text.len());
        let parts = last.parts(&text);
        assert_tiles(&text, &parts);
        assert_eq!(
            parts.last(),
            Some(&last),
            "the end of the text is in the last part"
        );
        for part in &parts[1..] {
            assert!(
                text[part.range()].starts_with("Paragraph "),
                "a part starts a paragraph: {:?}",
                &text[part.start..part.start + 30]
            );
        }
        let first = EditWindow::around(&text, 0);
        assert_eq!(first, parts[0]);
        assert_eq!(
            first.parts(&text),
            parts,
            "every window sees the same parts"
        );
        let middle = parts[parts.len() / 2];
        assert_eq!(middle.place(&text), (parts.len() / 2, parts.len()));
        assert_eq!(EditWindow::around(&text, middle.start + 10), middle);
        assert_eq!(middle.previous(&text), Some(parts[parts.len() / 2 - 1]));
        assert_eq!(middle.next(&text), Some(parts[parts.len() / 2 + 1]));
    }

    #[test]
    fn a_text_without_breaks_is_parted_on_character_boundaries() {
        for unit in ["x", "é", "海", "🛳"] {
            let text = unit.repeat(200_000);
            let parts = EditWindow::around(&text, 0).parts(&text);
            assert_tiles(&text, &parts);
            let spaced = format!("{unit} ").repeat(100_000);
            assert_tiles(&spaced, &EditWindow::around(&spaced, 7).parts(&spaced));
        }
    }

    #[test]
    fn an_edit_in_a_part_keeps_the_rest_of_the_text() {
        let text = long_text(400);
        let window = EditWindow::around(&text, text.len() / 2);
        let shown = window.shown(&text);
        let edited = window.splice(&text, format!("Inserted. {shown}"), 0);
        assert!(edited.refill.is_none());
        assert_eq!(
            edited.text,
            format!(
                "{}Inserted. {}",
                &text[..window.start],
                &text[window.start..]
            )
        );
        assert_eq!(
            edited.window.shown(&edited.text),
            format!("Inserted. {shown}")
        );
        let cut = window.splice(&text, String::new(), 0);
        assert_eq!(
            cut.text,
            format!("{}{}", &text[..window.start], &text[window.end..])
        );
    }

    #[test]
    fn a_text_growing_past_the_limit_is_parted_around_the_caret() {
        let text = long_text(400);
        let pasted = EditWindow::default().splice("", text.clone(), text.encode_utf16().count());
        assert!(pasted.refill.is_some());
        assert_eq!(pasted.text, text);
        assert_eq!(
            pasted.window,
            EditWindow::around(&text, text.len()),
            "the caret's part: the last"
        );
        let just_over = long_text(140);
        assert!(just_over.len() > WHOLE_TEXT_LIMIT);
        let window = EditWindow::around(&just_over, 0);
        let back = window.splice(&just_over, String::new(), 0);
        assert!(
            back.refill.is_some(),
            "short again: the text area is given all of it"
        );
        assert_eq!(back.text, &just_over[window.end..]);
        assert!(back.window.is_whole(&back.text));
    }

    #[test]
    fn a_long_paste_into_a_part_is_parted_afresh() {
        let text = long_text(400);
        let window = EditWindow::around(&text, 0);
        let pasted = window.splice(
            &text,
            format!("{}{}", long_text(200), window.shown(&text)),
            0,
        );
        assert!(pasted.refill.is_some());
        assert!(pasted.window.len() <= PART_MAX + 2);
        assert_tiles(&pasted.text, &pasted.window.parts(&pasted.text));
    }

    #[test]
    fn a_stale_window_reads_a_new_text_from_its_start() {
        let long = long_text(400);
        let stale = EditWindow::around(&long, long.len());
        assert_eq!(stale.parts(""), vec![EditWindow::default()]);
        for text in ["", "Short.", "é", &long_text(300)] {
            let parts = stale.parts(text);
            if !text.is_empty() {
                assert_tiles(text, &parts);
            }
            assert_eq!(stale.place(text).1, parts.len());
            assert_eq!(stale.previous(text), None, "{}", text.len());
            let _ = (stale.next(text), stale.caret_in(text, 5), stale.shown(text));
        }
        assert!(stale.is_whole("Short."));
    }

    #[test]
    fn the_caret_counts_utf16_units() {
        let text = format!("{}\n\nÉmile 🛳 sailed.", long_text(200));
        let window = EditWindow::around(&text, text.len());
        let sailed = text.find("sailed").unwrap();
        let caret = window.caret_in(&text, sailed);
        let shown: Vec<u16> = window.shown(&text).encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&shown[caret..]), "sailed.");
        assert_eq!(
            byte_offset(window.shown(&text), caret) + window.start,
            sailed
        );
    }
}
