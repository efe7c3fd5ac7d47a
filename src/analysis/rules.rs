//! Rules as named units.
//!
//! Every recogniser and resolver rule of the analysis has a [`RuleId`]: a stable kebab-case id,
//! the [`Pass`] it belongs to and a one-line doc, all declared once in the [`rules!`] table
//! below. A pass records each rule that decided something as a [`RuleHit`] in the analysis's
//! trace, so that
//! - the explanation shown to a reader is rendered from the rule and its evidence, never parsed
//!   back out of a sentence;
//! - a spec case can say which rule it exercises (`rule: id` in `tests/spec/*.txt`), and a test
//!   fails when a rule has no case, or when the case no longer fires it;
//! - a rule can be switched off by its id ([`RuleSet`], `Analyzer::builder().disable(…)`) to
//!   measure what it adds.
//!
//! Adding a rule: give it a variant in its pass's section of the table, check
//! `rules.enabled(RuleId::…)` where it fires, record a [`RuleHit`], and add an invented spec
//! case tagged with its id.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::Span;

/// The passes of the pipeline, in the order they run.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Pass {
    /// Blocks, header, headline, byline, dateline, paragraphs, sentences, citations.
    Layout,
    /// Quotation marks paired, speakers and cues.
    Quotations,
    /// Entity mentions typed by evidence.
    Mentions,
    /// Mentions typed and grouped by the whole article.
    Coreference,
    /// LOC mentions resolved in the gazetteer.
    Places,
}

/// Declares the rule table: one section per pass, each rule a variant with its id and doc.
/// The order within a section is the order in which the pass tries them, where it matters.
macro_rules! rules {
    ($($pass:ident { $($(#[doc = $doc:literal])+ $variant:ident = $id:literal,)* })*) => {
        /// A rule of the analysis. See the module doc.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($($(#[doc = $doc])+ $variant,)*)*
        }

        impl RuleId {
            /// Every rule, in table order.
            pub const ALL: &'static [RuleId] = &[$($(RuleId::$variant,)*)*];

            /// The stable id: kebab-case, unique, used in spec files, traces and ablation.
            pub fn id(self) -> &'static str {
                match self {
                    $($(RuleId::$variant => $id,)*)*
                }
            }

            /// The one-line doc, as written above the variant.
            pub fn doc(self) -> &'static str {
                match self {
                    $($(RuleId::$variant => concat!($($doc),+),)*)*
                }
                .trim()
            }

            pub fn pass(self) -> Pass {
                match self {
                    $($(RuleId::$variant => Pass::$pass,)*)*
                }
            }
        }
    };
}

rules! {
    Layout {
        /// A header field named "Title" or "Headline" gives the headline.
        HeadlineFromHeaderField = "headline-from-header-field",
    }
    Quotations {}
    Mentions {}
    Coreference {}
    Places {}
}

impl RuleId {
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|rule| rule.id() == id)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleId, D::Error> {
        let id = String::deserialize(deserializer)?;
        RuleId::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("no rule {id:?}")))
    }
}

const RULE_WORDS: usize = RuleId::ALL.len().div_ceil(64) + 1;

/// Which rules are switched on. All of them by default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSet {
    disabled: [u64; RULE_WORDS],
}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet {
            disabled: [0; RULE_WORDS],
        }
    }
}

impl RuleSet {
    pub fn enabled(&self, rule: RuleId) -> bool {
        let i = rule.index();
        self.disabled[i / 64] & (1 << (i % 64)) == 0
    }

    pub fn disable(&mut self, rule: RuleId) {
        let i = rule.index();
        self.disabled[i / 64] |= 1 << (i % 64);
    }

    pub fn disabled(&self) -> impl Iterator<Item = RuleId> + '_ {
        RuleId::ALL
            .iter()
            .copied()
            .filter(|rule| !self.enabled(*rule))
    }
}

/// A rule that decided something about a span of the analysed text.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleHit {
    pub rule: RuleId,
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in RuleId::ALL {
            let id = rule.id();
            assert!(seen.insert(id), "{id} is declared twice");
            assert!(
                !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id} is not kebab-case"
            );
            assert!(!rule.doc().is_empty(), "{id} has no doc");
            assert_eq!(RuleId::from_id(id), Some(*rule));
        }
    }

    #[test]
    fn every_rule_can_be_switched_off_alone() {
        for rule in RuleId::ALL {
            let mut set = RuleSet::default();
            set.disable(*rule);
            assert_eq!(set.disabled().collect::<Vec<_>>(), vec![*rule]);
        }
    }
}
