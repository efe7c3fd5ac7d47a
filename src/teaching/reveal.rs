//! Predict, then reveal: the layers of answers a class can hide, and the order in which they
//! come back one at a time.

use serde::Serialize;

/// A layer of the analysis a student can be asked to predict.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// The parts' labels: the outline, the decisions, the structure marks.
    Parts,
    /// Who said each quotation, and the sources ledger.
    Speakers,
    /// The entities' tints and types.
    EntityTypes,
    /// The map's markers and the table of places.
    Places,
}

impl Layer {
    /// The order in which "Reveal next" brings the layers back.
    pub const REVEAL_ORDER: [Layer; 4] = [
        Layer::Parts,
        Layer::Speakers,
        Layer::EntityTypes,
        Layer::Places,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Parts => "parts",
            Layer::Speakers => "speakers",
            Layer::EntityTypes => "entity types",
            Layer::Places => "places",
        }
    }

    /// The token the page's CSS matches (`[data-hidden-answers~=types]`).
    pub fn code(self) -> &'static str {
        match self {
            Layer::Parts => "parts",
            Layer::Speakers => "speakers",
            Layer::EntityTypes => "types",
            Layer::Places => "places",
        }
    }
}

/// Which answers are hidden: `None` shows everything; `Some(k)` hides every layer after the
/// first `k` of [`Layer::REVEAL_ORDER`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Answers {
    revealed: Option<usize>,
}

impl Answers {
    /// Every layer hidden, ready for predictions.
    pub fn hidden() -> Answers {
        Answers { revealed: Some(0) }
    }

    pub fn shown() -> Answers {
        Answers { revealed: None }
    }

    pub fn is_hiding(self) -> bool {
        self.revealed.is_some()
    }

    pub fn hidden_layers(self) -> &'static [Layer] {
        match self.revealed {
            None => &[],
            Some(k) => &Layer::REVEAL_ORDER[k.min(Layer::REVEAL_ORDER.len())..],
        }
    }

    pub fn is_hidden(self, layer: Layer) -> bool {
        self.hidden_layers().contains(&layer)
    }

    /// The next layer "Reveal next" would show.
    pub fn next_to_reveal(self) -> Option<Layer> {
        self.hidden_layers().first().copied()
    }

    /// Shows one more layer; once all are shown, the answers are simply shown.
    pub fn reveal_next(self) -> Answers {
        match self.revealed {
            Some(k) if k + 1 < Layer::REVEAL_ORDER.len() => Answers {
                revealed: Some(k + 1),
            },
            _ => Answers::shown(),
        }
    }

    /// The hidden layers as the page's attribute: space-separated codes.
    pub fn attribute(self) -> String {
        self.hidden_layers()
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_come_back_one_at_a_time_in_order() {
        let mut answers = Answers::hidden();
        assert_eq!(answers.attribute(), "parts speakers types places");
        let mut revealed = Vec::new();
        while let Some(layer) = answers.next_to_reveal() {
            revealed.push(layer);
            answers = answers.reveal_next();
            assert!(!answers.is_hidden(layer));
        }
        assert_eq!(revealed, Layer::REVEAL_ORDER);
        assert_eq!(answers, Answers::shown());
        assert_eq!(answers.attribute(), "");
    }
}
