//! Teaching with the page: what the sources ledger and the tour of the parts show, as plain
//! functions of an [`crate::analysis::Analysis`], tested natively. The components in `ui`
//! (`sources_ledger`, `tour`) only draw these values.

pub mod reveal;
pub mod scramble;
pub mod sources;
pub mod tour;
pub mod worksheet;

pub use reveal::{Answers, Layer};
pub use sources::{sources_ledger, LedgerRow, SourceKind, SourcesLedger};
pub use tour::{has_tour_steps, step_announcement, tour_steps, LedeChip, TourPart, TourStep};
