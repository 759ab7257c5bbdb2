//! `ladder.json`: the ladder as data at the site root, a stable export for other tools.

use super::Site;
use crate::ladder::Ladder;
use crate::permalink;
use serde::Serialize;

/// The version of `ladder.json`'s shape. It changes only when a field is removed or changes
/// meaning; fields may be added within a version.
pub const DATA_VERSION: u32 = 1;

/// The ladder as data, written to `ladder.json` at the site root: a stable export for other
/// tools, and what the comparison picker uses to show pairs that have no page of their own.
/// Every `path` is a site address relative to the site root (`levels/senior/`); links inside
/// `html` are relative to the site root too.
#[derive(Debug, Serialize)]
pub struct DataExport<'a> {
    /// [`DATA_VERSION`].
    pub version: u32,
    /// `[book] title`.
    pub title: &'a str,
    /// `[book] description`.
    pub description: Option<&'a str>,
    /// Tracks in order.
    pub tracks: Vec<DataTrack<'a>>,
    /// Pillars in order.
    pub pillars: Vec<DataPillar<'a>>,
    /// Levels, by track, most junior first.
    pub levels: Vec<DataLevel<'a>>,
    /// Every comparison that has a page.
    pub comparisons: Vec<DataComparison<'a>>,
    /// The version built (the latest release tag, with the commit when past it), when the
    /// ladder has releases (see [`crate::releases`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<crate::releases::Version>,
}

impl DataExport<'_> {
    /// The export, with the version of `site`'s releases.
    pub fn with_release(mut self, site: &Site) -> Self {
        self.release = site.releases.version.clone();
        self
    }
}

/// A track in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataTrack<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Address.
    pub path: String,
    /// Each level includes everything below it.
    pub cumulative: bool,
    /// Level ids, most junior first.
    pub levels: Vec<&'a str>,
    /// Pillar ids the track uses, in order.
    pub pillars: Vec<&'a str>,
}

/// A pillar in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataPillar<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Address.
    pub path: String,
}

/// A level in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataLevel<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// The title, with the track's when another level has the same title (see
    /// [`super::level_names`]): what lists and headings call the level.
    pub name: String,
    /// Short code.
    pub code: Option<&'a str>,
    /// Rank within the track.
    pub rank: i64,
    /// Track id.
    pub track: &'a str,
    /// One line, plain text: the summary's Markdown without markup (see
    /// [`crate::markdown::plain`]).
    pub summary: String,
    /// Address.
    pub path: String,
    /// Equivalent level ids.
    pub equivalent: Vec<&'a str>,
    /// Ids the level had before a rename (its aliases `levels/<id>/`): addresses shared
    /// before it (`compare/?a=<id>&b=…`) still name the level by one of them.
    pub former: Vec<&'a str>,
    /// Pillar id → the cell. A pillar of the track that is missing here is a gap.
    pub cells: std::collections::BTreeMap<&'a str, DataCell<'a>>,
}

/// A level × pillar cell in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataCell<'a> {
    /// The expectations, in order.
    pub expectations: Vec<DataExpectation<'a>>,
    /// The other paragraphs, as HTML ("" if none).
    pub notes_html: std::borrow::Cow<'a, str>,
}

/// One expectation in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataExpectation<'a> {
    /// Its anchor on the level page (`craft--3`).
    pub anchor: String,
    /// Plain text.
    pub text: &'a str,
    /// HTML.
    pub html: std::borrow::Cow<'a, str>,
}

/// A comparison page in `ladder.json`.
#[derive(Debug, Serialize)]
pub struct DataComparison<'a> {
    /// Left level id.
    pub a: &'a str,
    /// Right level id.
    pub b: &'a str,
    /// Address.
    pub path: String,
}

/// The data export of `ladder`.
pub fn data_export(ladder: &Ladder) -> DataExport<'_> {
    let l = &ladder.levels;
    DataExport {
        version: DATA_VERSION,
        title: &ladder.config.title,
        description: ladder.config.description.as_deref(),
        tracks: ladder
            .tracks
            .iter()
            .map(|t| DataTrack {
                id: &t.id,
                title: &t.title,
                path: permalink::track(&t.id),
                cumulative: t.cumulative,
                levels: t.levels.iter().map(|&i| l[i].id.as_str()).collect(),
                pillars: t
                    .pillars
                    .iter()
                    .map(|&p| ladder.pillars[p].id.as_str())
                    .collect(),
            })
            .collect(),
        pillars: ladder
            .pillars
            .iter()
            .map(|p| DataPillar {
                id: &p.id,
                title: &p.title,
                path: permalink::pillar(&p.id),
            })
            .collect(),
        levels: l
            .iter()
            .zip(super::level_names(ladder))
            .enumerate()
            .map(|(li, (level, name))| DataLevel {
                id: &level.id,
                title: &level.title,
                name,
                code: level.code.as_deref(),
                rank: level.rank,
                track: &ladder.tracks[level.track].id,
                summary: crate::markdown::plain(&level.summary),
                path: permalink::level(&level.id),
                equivalent: level
                    .equivalents
                    .iter()
                    .map(|&e| l[e].id.as_str())
                    .collect(),
                former: level.former_level_ids().collect(),
                cells: ladder.tracks[level.track]
                    .pillars
                    .iter()
                    .filter_map(|&p| {
                        let c = ladder.cell(li, p)?;
                        let pid = &ladder.pillars[p].id;
                        Some((
                            pid.as_str(),
                            DataCell {
                                expectations: c
                                    .expectations
                                    .iter()
                                    .enumerate()
                                    .map(|(n, e)| DataExpectation {
                                        anchor: permalink::expectation_anchor(
                                            pid,
                                            c.anchors[n].number,
                                        ),
                                        text: e.plain(),
                                        html: e.html_cow(""),
                                    })
                                    .collect(),
                                notes_html: if c.lead.is_empty() {
                                    c.notes.html_cow("")
                                } else {
                                    (c.lead.html("") + &c.notes.html_cow("")).into()
                                },
                            },
                        ))
                    })
                    .collect(),
            })
            .collect(),
        comparisons: ladder
            .comparisons
            .iter()
            .map(|&(a, b)| DataComparison {
                a: &l[a].id,
                b: &l[b].id,
                path: permalink::compare(&l[a].id, &l[b].id),
            })
            .collect(),
        release: None,
    }
}
