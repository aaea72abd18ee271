//! docverify: checks the scanned materials of 小微企业双创基地 applications.
//!
//! The flow is extract → fields → verify → report; see ARCHITECTURE.md for the map.

pub mod cli;
pub mod codes;
pub mod config;
pub mod extract;
pub mod fields;
pub mod http;
pub mod jobs;
pub mod lookup;
pub mod model;
pub mod ocr;
pub mod pipeline;
pub mod report;
pub mod server;
pub mod store;
pub mod verify;
pub mod web;
