//! The world map, in pure Rust: the basemap's country shapes, the Equal Earth projection, pan
//! and zoom, and where markers, clusters and labels go. `ui::world_map` only draws these values.
//!
//! **Invariant:** nothing here touches the DOM; every decision the map makes is tested natively.

pub mod basemap;
pub mod layout;
pub mod places;
pub mod projection;
pub mod viewport;
