//! A competency's footnotes (the GitHub-style extension pulldown-cmark reads: `[^label]` and
//! `[^label]: text`), numbered and addressed once for the whole competency.
//!
//! pulldown-cmark's HTML writer numbers footnotes, and names their ids after their labels,
//! within one call; a competency is written in many (one per expectation, one for its notes),
//! and shown beside other competencies on level, pillar, track and comparison pages. Written
//! as it writes them, every expectation's first footnote would be "1", and two cells' `[^1]`
//! would share an id on a level page. Here a footnote is numbered in the order the file first
//! cites it (those never cited after, in the order defined), and its definition's id names
//! its cell:
//! `fn-<level>--<pillar>-<number>` (a level id has single hyphens only, so `--` ends it).

use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Events with their byte ranges in the file, as a body is split.
type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// The footnotes of one competency (or one page's body), as its body is read.
#[derive(Debug, Default, Clone)]
pub(super) struct Footnotes {
    /// `<level>--<pillar>`, the part of each definition's id that names the cell.
    scope: String,
    /// Label → number, from 1, in the order the labels first appear.
    numbers: HashMap<String, usize>,
    /// The labels the expectations refer to.
    referenced: HashSet<String>,
}

impl Footnotes {
    /// The footnotes of the competency of `level` in `pillar`.
    pub(super) fn of_cell(level: &str, pillar: &str) -> Footnotes {
        Footnotes {
            scope: format!("{level}--{pillar}"),
            ..Footnotes::default()
        }
    }

    /// The footnotes of a page's body (a description, a free page): one per page, so their
    /// ids need no cell's name (`fn-1`), and never take a heading's or a pillar's id, as the
    /// bare label would (`[^delivery]` and the Delivery pillar's `#delivery`).
    pub(super) fn of_page() -> Footnotes {
        Footnotes::default()
    }

    /// Numbers the footnote that `ev` refers to, if it is the first time its label is referred
    /// to (GitHub's rule: in the order they are first cited, wherever they are defined), and
    /// notes the labels an expectation (`in_item`) refers to.
    pub(super) fn see(&mut self, ev: &Event<'_>, in_item: bool) {
        let Event::FootnoteReference(label) = ev else {
            return;
        };
        if in_item {
            self.referenced.insert(label.to_string());
        }
        let next = self.numbers.len() + 1;
        self.numbers.entry(label.to_string()).or_insert(next);
    }

    /// Numbers, after those cited, the footnotes `events` define that nothing cites.
    pub(super) fn number_the_rest<'e>(&mut self, events: impl Iterator<Item = &'e Event<'e>>) {
        for ev in events {
            if let Event::Start(Tag::FootnoteDefinition(label)) = ev {
                let next = self.numbers.len() + 1;
                self.numbers.entry(label.to_string()).or_insert(next);
            }
        }
    }

    /// The id of the definition of footnote `n`.
    fn id(&self, n: usize) -> String {
        let mut id = String::new();
        if self.scope.is_empty() {
            id.push_str(&format!("fn-{n}"));
        } else {
            crate::escape::attribute(&mut id, &format!("fn-{}-{n}", self.scope));
        }
        id
    }

    /// Writes each footnote reference and definition of `events` as HTML of the competency's
    /// numbering, in place (one event for one, so indices into `events` still hold). Runs
    /// after the HTML policy: the HTML is this module's, with ids escaped.
    pub(super) fn rewrite(&self, events: &mut [(Event<'_>, Range<usize>)]) {
        // A label defined twice (`[^d]: …` and `[^d]: …` again) keeps its id on the first.
        let mut defined: HashSet<String> = HashSet::new();
        for (ev, _) in events.iter_mut() {
            let html = match ev {
                Event::FootnoteReference(label) => {
                    let n = self.numbers.get(label.as_ref()).copied().unwrap_or(0);
                    format!(
                        "<sup class=\"footnote-reference\"><a href=\"#{}\">{n}</a></sup>",
                        self.id(n)
                    )
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.numbers.get(label.as_ref()).copied().unwrap_or(0);
                    let id = if defined.insert(label.to_string()) {
                        format!(" id=\"{}\"", self.id(n))
                    } else {
                        String::new()
                    };
                    format!(
                        "<div class=\"footnote-definition\"{id}><sup class=\"footnote-definition-label\">{n}</sup>\n"
                    )
                }
                Event::End(TagEnd::FootnoteDefinition) => "</div>\n".to_string(),
                _ => continue,
            };
            *ev = match ev {
                Event::FootnoteReference(_) => Event::InlineHtml(html.into()),
                _ => Event::Html(html.into()),
            };
        }
    }

    /// The definitions among `parts` (a competency's events outside its expectations: its
    /// lead and its notes) of the footnotes its expectations refer to, and of those these
    /// definitions cite in turn, in order, with their events: what a page that shows the
    /// expectations without the notes (a comparison) shows under them.
    pub(super) fn definitions<'a>(&self, parts: &[&[(Event<'a>, Range<usize>)]]) -> Events<'a> {
        // Each definition's label and events, in order.
        let mut defs: Vec<(String, Events<'a>)> = Vec::new();
        let mut open: Option<(String, Events<'a>)> = None;
        let mut depth = 0usize;
        for (ev, range) in parts.iter().copied().flatten() {
            match (ev, open.as_mut()) {
                (Event::Start(Tag::FootnoteDefinition(label)), None) => {
                    open = Some((label.to_string(), vec![(ev.clone(), range.clone())]));
                    depth = 0;
                }
                (_, None) => {}
                (Event::End(TagEnd::FootnoteDefinition), Some(def)) if depth == 0 => {
                    def.1.push((ev.clone(), range.clone()));
                    defs.extend(open.take());
                }
                (_, Some(def)) => {
                    match ev {
                        Event::Start(_) => depth += 1,
                        Event::End(_) => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    def.1.push((ev.clone(), range.clone()));
                }
            }
        }
        let mut wanted = self.referenced.clone();
        loop {
            let cited: Vec<String> = defs
                .iter()
                .filter(|(label, _)| wanted.contains(label))
                .flat_map(|(_, events)| events)
                .filter_map(|(ev, _)| match ev {
                    Event::FootnoteReference(l) if !wanted.contains(l.as_ref()) => {
                        Some(l.to_string())
                    }
                    _ => None,
                })
                .collect();
            if cited.is_empty() {
                break;
            }
            wanted.extend(cited);
        }
        let mut seen = HashSet::new();
        defs.into_iter()
            .filter(|(label, _)| wanted.contains(label) && seen.insert(label.clone()))
            .flat_map(|(_, events)| events)
            .collect()
    }
}
