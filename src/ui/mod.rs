//! The page: Leptos components, one per file. They display [`crate::view_model`] values and
//! dispatch to [`state::AppState`]; decisions live in the pure modules, not here.

pub mod about_panel;
pub mod analysis_status;
pub mod analysis_worker;
pub mod answers;
pub mod app;
pub mod article_input;
pub mod article_view;
pub mod citations_table;
pub mod decision_list;
pub mod dom;
pub mod download;
pub mod draft_database;
pub mod drop_zone;
pub mod entity_legend;
pub mod entity_list;
pub mod export_menu;
pub mod hover_dismiss;
pub mod map_legend;
pub mod more_rows;
pub mod new_article_dialog;
pub mod notice_banner;
pub mod outline;
pub mod page_reader;
pub mod page_reading;
pub mod persist;
pub mod place_card;
pub mod places_table;
pub mod presentation;
pub mod print_sheet_buttons;
pub mod print_sheets;
pub mod recent_articles;
pub mod scramble;
pub mod share;
pub mod sources_ledger;
pub mod state;
pub mod stats_bar;
pub mod structure_legend;
pub mod teaching_state;
pub mod text_parts;
pub mod tour;
pub mod world_map;

pub use app::App;
