//! HTML that ladderbook writes itself instead of through a template: the expectation lists of
//! level × pillar cells and the rows of comparison tables. A large ladder has thousands of
//! comparison pages of a hundred rows each, and pillar pages of thousands of expectations;
//! writing these pieces directly is many times faster than a template loop over them. The
//! pages around them stay in the theme's templates, and their look is the theme's
//! stylesheet's: the classes used here are listed with each function.
//!
//! Text is escaped by [`crate::escape::text`], which the word diffs of [`crate::compare`] and the
//! changes page of [`crate::releases`] use too.

use crate::anchors::Anchor;
use crate::compare::Status;
use crate::escape::text;
use crate::markdown::Fragment;
use crate::permalink;

mod marks;
pub use marks::{has_footnote_mark, overlay as overlay_marks};

/// The text an empty level × pillar cell reads, wherever it appears.
pub const GAP_TEXT: &str = "not defined yet";

/// The text every row of one level's side of a comparison repeats, escaped once: made once
/// per level × pillar cell and shared by every comparison page that shows the cell.
#[derive(Debug, Clone)]
pub struct SideText {
    /// The level's title, escaped.
    title: String,
    /// The relative href of the level's page, escaped.
    level_href: String,
    /// `<level_href>#<pillar>--`, escaped: an expectation's permalink without its number
    /// (see [`permalink::expectation_anchor_prefix`]).
    anchor_prefix: String,
}

impl SideText {
    /// The text of the level titled `title`, whose page is at `level_href` (relative to the
    /// comparison pages), in pillar `pillar` (an id).
    pub fn new(title: &str, level_href: &str, pillar: &str) -> SideText {
        let mut escaped_title = String::new();
        text(&mut escaped_title, title);
        let mut escaped_href = String::new();
        text(&mut escaped_href, level_href);
        let mut anchor_prefix = escaped_href.clone();
        anchor_prefix.push('#');
        text(
            &mut anchor_prefix,
            &permalink::expectation_anchor_prefix(pillar),
        );
        SideText {
            title: escaped_title,
            level_href: escaped_href,
            anchor_prefix,
        }
    }
}

/// One level's side of a comparison, in one pillar: its expectations and the text every row
/// repeats.
#[derive(Debug)]
pub struct Side<'a> {
    /// The title and links, escaped.
    text: &'a SideText,
    /// The level's expectations in the pillar, in order.
    expectations: &'a [Fragment],
    /// Their anchors, in the same order.
    anchors: &'a [Anchor],
    /// The page's way back to the site root (`../../../`), for links inside expectations.
    root: &'a str,
}

impl<'a> Side<'a> {
    /// The side with `text` (made for pages at the depth of the one the rows are written
    /// into, whose way back to the site root is `root`) and these expectations and anchors.
    pub fn new(
        text: &'a SideText,
        (expectations, anchors): (&'a [Fragment], &'a [Anchor]),
        root: &'a str,
    ) -> Side<'a> {
        Side {
            text,
            expectations,
            anchors,
            root,
        }
    }
}

/// One row of a comparison: an expectation of each level, or of one.
#[derive(Debug)]
pub struct Row<'a> {
    /// How the pair relates.
    pub status: Status,
    /// What a reader sees for the status ("changed", "only at Senior", ...).
    pub label: &'a str,
    /// The left level, the index of its expectation if the row has one, and for a changed
    /// pair its text with `<del>` marks, shown instead of it.
    pub a: (&'a Side<'a>, Option<usize>, Option<&'a str>),
    /// The right level, as `a`, with `<ins>` marks.
    pub b: (&'a Side<'a>, Option<usize>, Option<&'a str>),
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Unchanged => "unchanged",
        Status::Changed => "changed",
        Status::Rewritten => "rewritten",
        Status::New => "new",
        Status::NotRestated => "not-restated",
    }
}

/// `<div class="expectation">…</div> <a class="permalink" …>#</a>`: an expectation (or, with
/// `diff`, its word diff in `<div class="expectation diff">`) and its permalink on its level
/// page, named for assistive technology by the level it belongs to.
fn expectation(out: &mut String, side: &Side, n: usize, diff: Option<&str>) {
    match diff {
        Some(d) => {
            out.push_str("<div class=\"expectation diff\">");
            out.push_str(d);
        }
        None => {
            out.push_str("<div class=\"expectation\">");
            side.expectations[n].html_to(side.root, out);
        }
    }
    out.push_str("</div> <a class=\"permalink\" href=\"");
    match &side.anchors[n].own {
        // The level page's address, then the author's id.
        Some(own) => {
            out.push_str(&side.text.level_href);
            out.push('#');
            text(out, own);
        }
        None => {
            out.push_str(&side.text.anchor_prefix);
            out.push_str(itoa::Buffer::new().format(side.anchors[n].number));
        }
    }
    out.push_str("\" aria-label=\"Permalink to this expectation of ");
    out.push_str(&side.text.title);
    out.push_str("\">#</a>");
}

/// `<span class="none">—…</span>`: the empty side of a row, read as "not at <level>".
fn none(out: &mut String, side: &Side) {
    out.push_str("<span class=\"none\">—<span class=\"visually-hidden\"> not at ");
    out.push_str(&side.text.title);
    out.push_str("</span></span>");
}

/// Opens one side of a comparison's row: `<div class="side side-a">` (or `side-b`, `class`)
/// and `<p class="side-level">` naming its level.
fn open_side(out: &mut String, class: &str, side: &Side) {
    out.push_str("<div class=\"");
    out.push_str(class);
    out.push_str("\"><p class=\"side-level\">");
    out.push_str(&side.text.title);
    out.push_str("</p>");
}

/// Appends one row of a comparison, `<li class="pair status-<status>">`: each level's side
/// in `<div class="side side-a">` and `<div class="side side-b">`, each opening with
/// `<p class="side-level">` naming its level (shown where the sides are stacked, on narrow
/// screens), then its expectation (or its marked text) or the empty side; then
/// `<p class="change"><span class="badge badge-<status>">label</span></p>`. Statuses are
/// `changed`, `rewritten`, `new`, `not-restated` and `unchanged`.
pub fn compare_row(out: &mut String, row: Row) {
    let status = status_class(row.status);
    out.push_str("<li class=\"pair status-");
    out.push_str(status);
    out.push_str("\">");
    for (class, (side, n, marked)) in [("side side-a", row.a), ("side side-b", row.b)] {
        open_side(out, class, side);
        match n {
            Some(i) => expectation(out, side, i, marked),
            None => none(out, side),
        }
        out.push_str("</div>");
    }
    out.push_str("<p class=\"change\"><span class=\"badge badge-");
    out.push_str(status);
    out.push_str("\">");
    text(out, row.label);
    out.push_str("</span></p></li>\n");
}

/// Appends the row of a comparison across tracks that sets side by side what each level has
/// that the other does not, `<li class="pair status-apart">`: each side as in
/// [`compare_row`], its expectations (`a.1`, `b.1`, indices) in `<ul class="apart-list">`,
/// one `<li>` each with its permalink; then `<p class="change">` with one badge per side,
/// `badge-not-restated` with `labels.0` and `badge-new` with `labels.1`. Two jobs need not
/// correspond expectation by expectation, so their unpaired expectations are not paired off
/// row by row; stacked one row each, the reader saw no two side by side.
pub fn apart_row(
    out: &mut String,
    a: (&Side, &[usize]),
    b: (&Side, &[usize]),
    labels: (&str, &str),
) {
    out.push_str("<li class=\"pair status-apart\">");
    for (class, (side, ns)) in [("side side-a", a), ("side side-b", b)] {
        open_side(out, class, side);
        out.push_str("<ul class=\"apart-list\">");
        for &n in ns {
            out.push_str("<li>");
            expectation(out, side, n, None);
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
    }
    out.push_str("<p class=\"change\"><span class=\"badge badge-not-restated\">");
    text(out, labels.0);
    out.push_str("</span> <span class=\"badge badge-new\">");
    text(out, labels.1);
    out.push_str("</span></p></li>\n");
}

/// Appends `<li>` with expectation `n` of `side` and its permalink: an expectation carried
/// over word for word, listed in the folded `<ul class="carried-list">`.
pub fn carried_item(out: &mut String, side: &Side, n: usize) {
    out.push_str("<li>");
    expectation(out, side, n, None);
    out.push_str("</li>\n");
}

/// The definitions of the footnotes a cell's expectations refer to (`definitions`, their
/// HTML), under the name of the level they belong to, where the expectations are shown
/// without the cell's notes (a comparison's rows, a level's inherited expectations):
/// `<div class="level-footnotes"><p class="level-footnotes-name">Name</p>…</div>`. Nothing
/// when there are none.
pub fn level_footnotes(out: &mut String, name: &str, definitions: &str) {
    if definitions.is_empty() {
        return;
    }
    out.push_str("<div class=\"level-footnotes\"><p class=\"level-footnotes-name\">");
    text(out, name);
    out.push_str("</p>\n");
    out.push_str(definitions);
    out.push_str("</div>\n");
}

/// Appends `<li><a href="href">a and b</a></li>` and a line break: one link of a list of
/// comparisons (a comparison page lists every other comparison of its two levels).
pub fn comparison_link(out: &mut String, href: &str, a: &str, b: &str) {
    out.push_str("<li><a href=\"");
    text(out, href);
    out.push_str("\">");
    text(out, a);
    out.push_str(" and ");
    text(out, b);
    out.push_str("</a></li>\n");
}

/// A level × pillar cell to write with [`cell`].
#[derive(Debug)]
pub struct CellView<'a> {
    /// The expectations, in order.
    pub expectations: &'a [Fragment],
    /// Their anchors, in the same order (see [`crate::anchors`]).
    pub numbers: &'a [Anchor],
    /// What the competency says before its first expectation (`At this level you will:`).
    pub lead: &'a Fragment,
    /// The competency's other paragraphs.
    pub notes: &'a Fragment,
    /// The pillar's id (expectation anchors are `<pillar>--<n>`).
    pub pillar: &'a str,
    /// Relative href of the level's page.
    pub level_href: &'a str,
    /// True on the level's own page: each `<li>` gets its anchor as `id`, and its permalink
    /// is `#<anchor>`; elsewhere the permalink is `<level_href>#<anchor>`.
    pub anchors: bool,
    /// The page's way back to the site root, for links inside expectations.
    pub root: &'a str,
}

/// Appends a cell: the lead in `<div class="notes lead">`, then `<ol class="expectations">`
/// with one `<li>` per expectation (its HTML in `<div class="expectation">`, then `<a
/// class="permalink">#</a>`), then the notes in `<div class="notes">`; `<p class="gap">no expectations listed</p>` for a competency with
/// no list; `<p class="gap">not defined yet</p>` for a gap (`None`). A blank line follows.
pub fn cell(out: &mut String, view: Option<CellView>) {
    let Some(v) = view else {
        out.push_str("<p class=\"gap\">");
        out.push_str(GAP_TEXT);
        out.push_str("</p>\n\n");
        return;
    };
    notes(out, "notes lead", v.lead, v.root);
    if v.expectations.is_empty() {
        out.push_str("<p class=\"gap\">no expectations listed</p>\n");
    } else {
        let mut anchor = String::new();
        text(&mut anchor, &permalink::expectation_anchor_prefix(v.pillar));
        let stem = anchor.len();
        let mut level_href = String::new();
        text(&mut level_href, v.level_href);
        out.push_str("<ol class=\"expectations\">\n");
        for (n, e) in v.expectations.iter().enumerate() {
            anchor.truncate(stem);
            anchor.push_str(itoa::Buffer::new().format(v.numbers[n].number));
            out.push_str("<li");
            if v.anchors {
                out.push_str(" id=\"");
                out.push_str(&anchor);
                out.push('"');
            }
            out.push('>');
            if v.anchors {
                // Its author's id, and anchors it had before it moved here from another
                // pillar.
                for also in v.numbers[n].own.iter().chain(&v.numbers[n].also) {
                    out.push_str("<span id=\"");
                    text(out, also);
                    out.push_str("\"></span>");
                }
            }
            out.push_str("<div class=\"expectation\">");
            e.html_to(v.root, out);
            out.push_str("</div><a class=\"permalink\" href=\"");
            if !v.anchors {
                out.push_str(&level_href);
            }
            out.push('#');
            match &v.numbers[n].own {
                Some(own) => text(out, own),
                None => out.push_str(&anchor),
            }
            out.push_str("\" aria-label=\"Permalink to expectation ");
            out.push_str(itoa::Buffer::new().format(n + 1));
            out.push_str("\">#</a></li>\n");
        }
        out.push_str("</ol>\n");
    }
    notes(out, "notes", v.notes, v.root);
    // A blank line after each cell, as the theme's cell template used to write.
    out.push('\n');
}

/// Appends `notes` in a `<div>` of class `class`, unless they write nothing.
fn notes(out: &mut String, class: &str, notes: &Fragment, root: &str) {
    if notes.is_empty() {
        return;
    }
    let before = out.len();
    out.push_str("<div class=\"");
    out.push_str(class);
    out.push_str("\">");
    let inner = out.len();
    notes.html_to(root, out);
    if out.len() == inner {
        out.truncate(before);
    } else {
        out.push_str("</div>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_link_escapes_its_titles() {
        let mut out = String::new();
        comparison_link(
            &mut out,
            "../../../compare/m1/m2/",
            "Lead & Mentor",
            "\"Staff\" <IC>",
        );
        assert_eq!(
            out,
            "<li><a href=\"../../../compare/m1/m2/\">Lead &amp; Mentor and &quot;Staff&quot; &lt;IC&gt;</a></li>\n"
        );
    }
}
