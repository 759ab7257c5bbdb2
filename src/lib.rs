//! ladderbook: a static-site generator for engineering career ladders.
//!
//! Data flows one way: `book.toml` + `content/**/*.md` → [`load`] → [`ladder`] (the
//! validated model) → [`site`] (every page as data, by permalink) → [`render`] (Tera) →
//! [`write`](mod@write) (an atomic swap into the build-dir). The [`build`] module runs the pipeline.

pub mod anchors;
pub mod browser;
pub mod build;
pub mod check;
pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod escape;
pub mod files;
pub mod frontmatter;
pub mod html;
pub mod ids;
pub mod import;
pub mod init;
pub mod ladder;
pub mod links;
pub mod load;
pub mod lock;
pub mod markdown;
pub mod permalink;
pub mod releases;
pub mod render;
pub mod revision;
pub mod sanitize;
pub mod serve;
pub mod site;
pub mod stopwatch;
pub mod validate;
pub mod write;
