//! The page: Leptos components, one per file. They display [`crate::view_model`] values and
//! dispatch to [`state::AppState`]; decisions live in the pure modules, not here.

pub mod app;
pub mod article_input;
pub mod article_view;
pub mod citations_table;
pub mod decision_list;
pub mod dom;
pub mod drop_zone;
pub mod map_legend;
pub mod notice_banner;
pub mod outline;
pub mod place_card;
pub mod places_table;
pub mod state;
pub mod stats_bar;
pub mod structure_legend;
pub mod world_map;

pub use app::App;
