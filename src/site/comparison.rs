//! The comparison pages' data: one pillar of two levels, paired row by row
//! ([`crate::compare`]), with its counts in words; and the links between comparisons.

use super::{Builder, Cell, CompareCounts, ComparePillar, CompareRef, LevelName, Shared};
use crate::compare::{self, Status};
use crate::{html, permalink};

/// A filled cell of a comparison's pillar, as templates see it: only `defined` set (the rows
/// show the expectations), made once and shared by every pillar of every comparison.
fn filled() -> Shared<Cell> {
    static FILLED: std::sync::OnceLock<tera::Value> = std::sync::OnceLock::new();
    let value = FILLED.get_or_init(|| {
        tera::Value::from_serializable(&Cell {
            defined: true,
            ..Cell::default()
        })
    });
    Shared::Made(value.clone())
}

/// The word diff of two expectations of which one at least has notes or examples after its
/// text (see [`crate::markdown::Fragment::lead_and_rest`]): a diff of the whole would run
/// the notes and the items of a list of examples into one paragraph. Only the first
/// paragraphs' words are marked, and the rest of each follows as it is written. `None` when
/// an expectation with several blocks does not start with a paragraph: the row then shows
/// both in full.
fn lead_diff(
    a: &crate::markdown::Fragment,
    b: &crate::markdown::Fragment,
    root: &str,
) -> Option<(String, String)> {
    // Each side's lead as text and as HTML, and the HTML after it.
    let split = |f: &crate::markdown::Fragment| -> Option<(String, String, String)> {
        if f.has_several_blocks() {
            let (lead, rest) = f.lead_and_rest(root)?;
            Some((lead.to_string(), f.lead_html(root)?, rest))
        } else {
            Some((f.plain().to_string(), f.html(root), String::new()))
        }
    };
    let ((lead_a, html_a, rest_a), (lead_b, html_b, rest_b)) = (split(a)?, split(b)?);
    let (marked_a, marked_b) = compare::split_diff_html(&lead_a, &lead_b);
    // The marks laid over the lead's own markup (its bold, links, footnote marks), as in a
    // row of one block each (see [`with_markup`]).
    let lead = |html: &str, marked: String| match html::overlay_marks(html.trim_end(), &marked) {
        Some(own) if own.starts_with("<p>") => own,
        Some(own) => format!("<p>{own}</p>"),
        None => format!("<p>{marked}</p>"),
    };
    Some((
        format!("{}\n{rest_a}", lead(&html_a, marked_a)),
        format!("{}\n{rest_b}", lead(&html_b, marked_b)),
    ))
}

/// `marked`, the word diff of expectation `f`'s plain text, laid over `f`'s own HTML (see
/// [`html::overlay_marks`]), so that a changed row keeps its bold labels, links and code:
/// `marked` itself when `f` has no markup, or when the two are not the same text.
fn with_markup(f: &crate::markdown::Fragment, marked: String, root: &str) -> String {
    let own = f.html_cow(root);
    html::overlay_marks(own.trim_end(), &marked).unwrap_or(marked)
}

/// One of a comparison's two levels: the lower (left) or the higher (right).
#[derive(Debug, Clone, Copy)]
enum Side {
    A,
    B,
}

impl<'a> Builder<'a> {
    pub(super) fn compare_pillar(
        &self,
        (x, y, p): (usize, usize, usize),
        pairing: compare::Pairing,
        cumulative: bool,
        weights: &compare::StemWeights,
    ) -> ComparePillar {
        let ladder = self.ladder;
        let same_track = pairing != compare::Pairing::Similar;
        let pid = &ladder.pillars[p].id;
        let mut out = ComparePillar {
            pillar: self.shared_pillar(p),
            rows_html: String::new(),
            carried_html: String::new(),
            counts: CompareCounts::default(),
            changes: String::new(),
            footnotes_html: String::new(),
            a: filled(),
            b: filled(),
        };
        // The text of a side is made once per cell and shared by every comparison that shows
        // it (one text for comparisons within the track where the level's name is longer
        // than its title).
        let side_text = |i: usize| {
            let name = self.compare_name(i, same_track);
            let make = || {
                let href = self.href(&permalink::level(&ladder.levels[i].id));
                html::SideText::new(name, &href, pid)
            };
            let cache = if name == self.prepared.names[i] {
                &self.prepared.sides
            } else {
                &self.prepared.sides_in_track
            };
            match ladder.cells.get(&(i, p)) {
                Some(&c) => self.per_depth(&cache[c], make),
                None => std::borrow::Cow::Owned(make()),
            }
        };
        let (ca, cb) = (ladder.cell(x, p), ladder.cell(y, p));
        // Both cells must be filled to be compared; a gap shows as a gap beside the other
        // cell, in full (for themes that show the cells), and when one level has expectations
        // in the pillar, each is a row of its own: new at the higher level, or only at one.
        let (Some(ca), Some(cb), Some(pa), Some(pb)) = (
            ca,
            cb,
            self.prepared.of(ladder, x, p),
            self.prepared.of(ladder, y, p),
        ) else {
            out.a = Shared::Own(self.cell(x, p, false));
            out.b = Shared::Own(self.cell(y, p, false));
            if let (Some(c), None) | (None, Some(c)) = (ca, cb) {
                // A cell of notes only, beside a gap, shows as the two cells.
                if !c.expectations.is_empty() {
                    let side = if ca.is_some() { Side::A } else { Side::B };
                    let i = if ca.is_some() { x } else { y };
                    self.footnotes(&mut out.footnotes_html, (i, c), same_track);
                    let texts = (side_text(x), side_text(y));
                    let texts = (texts.0.as_ref(), texts.1.as_ref());
                    self.one_sided(
                        &mut out,
                        (side, c),
                        texts,
                        (x, y, p),
                        (same_track, cumulative),
                    );
                }
            }
            return out;
        };
        let (ta, tb) = (side_text(x), side_text(y));
        let sa = html::Side::new(&ta, (&ca.expectations, &ca.anchors), &self.root);
        let sb = html::Side::new(&tb, (&cb.expectations, &cb.anchors), &self.root);
        // About 500 bytes of markup per row around the expectation's own HTML.
        let text: usize = ca
            .expectations
            .iter()
            .chain(&cb.expectations)
            .map(|e| e.plain().len())
            .sum();
        out.rows_html
            .reserve(text + 500 * (ca.expectations.len() + cb.expectations.len()));
        let (pairs, moved_a, moved_b) =
            self.pairs((&pa.words, &pb.words), (x, y, p), pairing, weights);
        for &(n, there) in &moved_b {
            self.moved_row(&mut out, Side::B, (&sb, n), there, (x, y), same_track);
        }
        for &(n, there) in &moved_a {
            self.moved_row(&mut out, Side::A, (&sa, n), there, (x, y), same_track);
        }
        // Across tracks, what only one level has stands side by side with what only the
        // other has, in one row (see [`html::apart_row`]).
        let (mut apart_a, mut apart_b) = (Vec::new(), Vec::new());
        for pair in pairs {
            if !same_track {
                match (pair.status, pair.lower, pair.higher) {
                    (Status::NotRestated, Some(i), _) => {
                        apart_a.push(i);
                        continue;
                    }
                    (Status::New, _, Some(j)) => {
                        apart_b.push(j);
                        continue;
                    }
                    _ => {}
                }
            }
            let label = self.label(pair.status, x, y, same_track, cumulative);
            let marked = match (pair.status, pair.lower, pair.higher) {
                (Status::Changed, Some(i), Some(j)) => {
                    let (ea, eb) = (&ca.expectations[i], &cb.expectations[j]);
                    if ea.has_several_blocks() || eb.has_several_blocks() {
                        lead_diff(ea, eb, &self.root)
                    } else {
                        let (a, b) = compare::split_diff_prepared(
                            (ea.plain(), &pa.words[i]),
                            (eb.plain(), &pb.words[j]),
                        );
                        Some((
                            with_markup(ea, a, &self.root),
                            with_markup(eb, b, &self.root),
                        ))
                    }
                }
                _ => None,
            };
            match pair.status {
                Status::Unchanged => {
                    out.counts.carried += 1;
                    if let Some(j) = pair.higher {
                        html::carried_item(&mut out.carried_html, &sb, j);
                    }
                    continue;
                }
                Status::Changed => out.counts.changed += 1,
                Status::Rewritten => out.counts.rewritten += 1,
                Status::New => out.counts.new += 1,
                Status::NotRestated => out.counts.not_restated += 1,
            }
            let (ma, mb) = match &marked {
                Some((a, b)) => (Some(a.as_str()), Some(b.as_str())),
                None => (None, None),
            };
            html::compare_row(
                &mut out.rows_html,
                html::Row {
                    status: pair.status,
                    label: &label,
                    a: (&sa, pair.lower, ma),
                    b: (&sb, pair.higher, mb),
                },
            );
        }
        self.apart(&mut out, (&sa, &apart_a), (&sb, &apart_b), (x, y));
        out.changes = self.changes_in_words(&out.counts, x, y, same_track, cumulative);
        self.footnotes(&mut out.footnotes_html, (x, ca), same_track);
        self.footnotes(&mut out.footnotes_html, (y, cb), same_track);
        out
    }

    /// Appends to `out` the definitions of the footnotes that level `i`'s expectations in
    /// cell `c` refer to, under the level's name: the rows show the expectations without
    /// their cell's notes, where the definitions are, and two levels' footnotes may have the
    /// same number.
    fn footnotes(
        &self,
        out: &mut String,
        (i, c): (usize, &crate::ladder::Competency),
        same_track: bool,
    ) {
        let definitions = c.footnotes.html_cow(&self.root);
        html::level_footnotes(out, self.compare_name(i, same_track), &definitions);
    }

    /// The rows of the expectations that only one of levels `x` and `y` on two tracks has
    /// (`a` and `b`, indices into each side): one row setting both sides' side by side when
    /// both have some ([`html::apart_row`]), else a row each; counted as new (only at `y`)
    /// and not restated (only at `x`).
    fn apart(
        &self,
        out: &mut ComparePillar,
        (sa, a): (&html::Side, &[usize]),
        (sb, b): (&html::Side, &[usize]),
        (x, y): (usize, usize),
    ) {
        out.counts.not_restated += a.len();
        out.counts.new += b.len();
        let only_a = self.label(Status::NotRestated, x, y, false, false);
        let only_b = self.label(Status::New, x, y, false, false);
        if !a.is_empty() && !b.is_empty() {
            html::apart_row(&mut out.rows_html, (sa, a), (sb, b), (&only_a, &only_b));
            return;
        }
        let rows = a
            .iter()
            .map(|&i| (Status::NotRestated, &only_a, Some(i), None));
        let rows = rows.chain(b.iter().map(|&j| (Status::New, &only_b, None, Some(j))));
        for (status, label, i, j) in rows {
            html::compare_row(
                &mut out.rows_html,
                html::Row {
                    status,
                    label,
                    a: (sa, i, None),
                    b: (sb, j, None),
                },
            );
        }
    }

    /// The pairing of two cells' expectations (`words`, of levels `x` and `y` in pillar `p`,
    /// their stems weighed by `weights`; see [`compare::match_prepared`]), without those the
    /// other level lists under another pillar in the same words: a move between pillars, not
    /// to be paired with some other expectation here. Returns the pairs, and the moved ones of each side as
    /// [`Builder::moved_out`] gives them.
    #[allow(clippy::type_complexity)]
    fn pairs(
        &self,
        (wa, wb): (&[compare::ExpectationWords], &[compare::ExpectationWords]),
        (x, y, p): (usize, usize, usize),
        pairing: compare::Pairing,
        weights: &compare::StemWeights,
    ) -> (
        Vec<compare::Pair>,
        Vec<(usize, (usize, usize))>,
        Vec<(usize, (usize, usize))>,
    ) {
        let moved_a = self.moved_out(wa, wb, y, p);
        let moved_b = self.moved_out(wb, wa, x, p);
        if moved_a.is_empty() && moved_b.is_empty() {
            return (
                compare::match_prepared(wa, wb, pairing, weights),
                moved_a,
                moved_b,
            );
        }
        let kept = |words: &[compare::ExpectationWords], moved: &[(usize, (usize, usize))]| {
            let keep: Vec<usize> = (0..words.len())
                .filter(|i| !moved.iter().any(|m| m.0 == *i))
                .collect();
            let words: Vec<compare::ExpectationWords> =
                keep.iter().map(|&i| words[i].clone()).collect();
            (keep, words)
        };
        let ((keep_a, ka), (keep_b, kb)) = (kept(wa, &moved_a), kept(wb, &moved_b));
        let mut pairs = compare::match_prepared(&ka, &kb, pairing, weights);
        for pair in &mut pairs {
            pair.lower = pair.lower.map(|i| keep_a[i]);
            pair.higher = pair.higher.map(|j| keep_b[j]);
        }
        (pairs, moved_a, moved_b)
    }

    /// The rows of pillar `p` when only one of levels `x` and `y` has expectations in it:
    /// each expectation of `c` (on `side`) is a row of its own, new at the higher level, not
    /// restated (or only at one level, across tracks), or moved when the other level lists
    /// it under another pillar. `texts` are the two sides' texts.
    fn one_sided(
        &self,
        out: &mut ComparePillar,
        (side, c): (Side, &crate::ladder::Competency),
        texts: (&html::SideText, &html::SideText),
        (x, y, p): (usize, usize, usize),
        (same_track, cumulative): (bool, bool),
    ) {
        let (filled, other, status) = match side {
            Side::A => (x, y, Status::NotRestated),
            Side::B => (y, x, Status::New),
        };
        let none: (&[crate::markdown::Fragment], &[crate::anchors::Anchor]) = (&[], &[]);
        let here = html::Side::new(
            match side {
                Side::A => texts.0,
                Side::B => texts.1,
            },
            (&c.expectations, &c.anchors),
            &self.root,
        );
        let empty = html::Side::new(
            match side {
                Side::A => texts.1,
                Side::B => texts.0,
            },
            none,
            &self.root,
        );
        let label = self.label(status, x, y, same_track, cumulative);
        let words = self.prepared.of(self.ladder, filled, p);
        for n in 0..c.expectations.len() {
            if let Some(there) = words.and_then(|w| self.elsewhere(other, p, &w.words[n])) {
                self.moved_row(out, side, (&here, n), there, (x, y), same_track);
                continue;
            }
            let (a, b) = match side {
                Side::A => ((&here, Some(n), None), (&empty, None, None)),
                Side::B => ((&empty, None, None), (&here, Some(n), None)),
            };
            html::compare_row(
                &mut out.rows_html,
                html::Row {
                    status,
                    label: &label,
                    a,
                    b,
                },
            );
            match status {
                Status::New => out.counts.new += 1,
                _ => out.counts.not_restated += 1,
            }
        }
        out.changes = self.changes_in_words(&out.counts, x, y, same_track, cumulative);
        // The other level's page says "not defined yet" where the pillar is its track's, and
        // so does the summary: "none at" would claim the level has nothing there.
        let ladder = self.ladder;
        if ladder.tracks[ladder.levels[other].track]
            .pillars
            .contains(&p)
        {
            out.changes.push_str("; not defined yet at ");
            out.changes.push_str(self.compare_name(other, same_track));
        } else if same_track {
            // "Only at" says it on two tracks.
            out.changes.push_str("; none at ");
            out.changes.push_str(self.compare_name(other, true));
        }
    }

    /// The expectations of `words` (one level's in pillar `p`) that `other` does not list
    /// in `p` (`others`) but lists under another pillar, in the same words: each as (its
    /// index, where `other` has it (see [`Builder::elsewhere`])).
    fn moved_out(
        &self,
        words: &[compare::ExpectationWords],
        others: &[compare::ExpectationWords],
        other: usize,
        p: usize,
    ) -> Vec<(usize, (usize, usize))> {
        let keys = self.prepared.level_keys[other].get_or_init(|| {
            (0..self.ladder.pillars.len())
                .filter_map(|q| self.prepared.of(self.ladder, other, q))
                .flat_map(|c| c.words.iter().map(compare::ExpectationWords::words_key))
                .collect()
        });
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| keys.contains(&w.words_key()))
            .filter(|(_, w)| !others.iter().any(|o| o.same_words(w)))
            .filter_map(|(i, w)| Some((i, self.elsewhere(other, p, w)?)))
            .collect()
    }

    /// Where `level` lists an expectation with `words` under a pillar other than `p`: (that
    /// pillar, the expectation's index in its cell).
    fn elsewhere(
        &self,
        level: usize,
        p: usize,
        words: &compare::ExpectationWords,
    ) -> Option<(usize, usize)> {
        (0..self.ladder.pillars.len())
            .filter(|&q| q != p)
            .find_map(|q| {
                let cell = self.prepared.of(self.ladder, level, q)?;
                Some((q, cell.words.iter().position(|w| w.same_words(words))?))
            })
    }

    /// The row of an expectation that only one side lists in this pillar while the other
    /// level lists it, in the same words, under another pillar: a move between pillars,
    /// which is neither new nor dropped. `side` is the level that lists it here, `shown` its
    /// side of the row and the expectation's index there, `there` the other level's pillar
    /// and index ([`Builder::elsewhere`]), and `(x, y)` the two levels.
    fn moved_row(
        &self,
        out: &mut ComparePillar,
        side: Side,
        shown: (&html::Side, usize),
        (q, k): (usize, usize),
        (x, y): (usize, usize),
        same_track: bool,
    ) {
        let ladder = self.ladder;
        let (other, here) = match side {
            Side::A => (y, x),
            Side::B => (x, y),
        };
        let (Some(c), pillar) = (ladder.cell(other, q), &ladder.pillars[q]) else {
            return;
        };
        let href = self.href(&permalink::level(&ladder.levels[other].id));
        let name = self.compare_name(other, same_track);
        let text = html::SideText::new(name, &href, &pillar.id);
        let there = html::Side::new(&text, (&c.expectations, &c.anchors), &self.root);
        // Moved, or listed under both pillars at the level that has it here.
        let words = &self.prepared.of(ladder, other, q).map(|c| &c.words[k]);
        let both = self.prepared.of(ladder, here, q).is_some_and(|cell| {
            cell.words
                .iter()
                .any(|w| words.is_some_and(|x| w.same_words(x)))
        });
        let label = match (side, same_track) {
            (_, true) if both => format!("also under {}", pillar.title),
            (Side::B, true) => format!("moved from {}", pillar.title),
            (Side::A, true) => format!("moved to {}", pillar.title),
            (_, false) => format!("in {} at {}", pillar.title, self.prepared.names[other]),
        };
        let (a, b) = match side {
            Side::A => ((shown.0, Some(shown.1), None), (&there, Some(k), None)),
            Side::B => ((&there, Some(k), None), (shown.0, Some(shown.1), None)),
        };
        html::compare_row(
            &mut out.rows_html,
            html::Row {
                status: Status::Unchanged,
                label: &label,
                a,
                b,
            },
        );
        out.counts.moved += 1;
    }

    /// What a comparison calls level `i`: within one track, whose name the page gives, its
    /// title (`Engineer`, or `Engineer (E2)` beside another `Engineer` of the track,
    /// [`super::level_names_in_track`]); across tracks, its [`super::LevelRef::name`], which adds the
    /// track's where another level has the same title (`Engineer (Individual Contributor)`).
    pub(super) fn compare_name(&self, i: usize, same_track: bool) -> &str {
        if same_track {
            &self.prepared.names_in_track[i]
        } else {
            &self.prepared.names[i]
        }
    }

    /// What a row's badge says of `status`, comparing level `x` with level `y`.
    fn label(
        &self,
        status: Status,
        x: usize,
        y: usize,
        same_track: bool,
        cumulative: bool,
    ) -> std::borrow::Cow<'static, str> {
        match (status, same_track) {
            (Status::Unchanged, true) => "carried over".into(),
            (Status::Unchanged, false) => "the same".into(),
            (Status::Changed, true) => "changed".into(),
            // A placement, not a claim: over the hand-labelled pairs, about 6 in 10 of these
            // rows pair what the labeller paired (`tests/pairing.rs`).
            (Status::Rewritten, true) => "closest match".into(),
            (Status::Changed, false) => "worded differently".into(),
            // A placement across tracks too: the two share content words, too few of their
            // words to mark.
            (Status::Rewritten, false) => "closest match".into(),
            (Status::New, true) => "new".into(),
            (Status::New, false) => format!("only at {}", self.prepared.names[y]).into(),
            (Status::NotRestated, true) if cumulative => "still expected".into(),
            (Status::NotRestated, true) => "not restated".into(),
            (Status::NotRestated, false) => format!("only at {}", self.prepared.names[x]).into(),
        }
    }

    /// [`ComparePillar::changes`].
    fn changes_in_words(
        &self,
        c: &CompareCounts,
        x: usize,
        y: usize,
        same_track: bool,
        cumulative: bool,
    ) -> String {
        let names = &self.prepared.names;
        let closest = if c.rewritten == 1 {
            "closest match"
        } else {
            "closest matches"
        };
        let kinds: [(usize, String); 6] = if same_track {
            [
                (c.changed, "changed".into()),
                (c.rewritten, closest.into()),
                (c.new, "new".into()),
                (
                    c.not_restated,
                    if cumulative {
                        "still expected"
                    } else {
                        "not restated"
                    }
                    .into(),
                ),
                (c.carried, "carried over".into()),
                (c.moved, "in another pillar at the other level".into()),
            ]
        } else {
            [
                (c.changed, "worded differently".into()),
                (c.rewritten, closest.into()),
                // In the page's column order: the first level's, then the second's.
                (c.not_restated, format!("only at {}", names[x])),
                (c.new, format!("only at {}", names[y])),
                (c.carried, "the same".into()),
                (c.moved, "the same in another pillar".into()),
            ]
        };
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        if parts.is_empty() {
            "no expectations at either level".into()
        } else {
            parts.join(", ")
        }
    }

    pub(super) fn compare_ref(&self, a: usize, b: usize) -> CompareRef {
        let l = &self.ladder.levels;
        let name = |i: usize| LevelName {
            title: l[i].title.clone(),
            name: self.prepared.names[i].clone(),
            track: self.ladder.tracks[l[i].track].title.clone(),
        };
        CompareRef {
            href: self.href(&permalink::compare(&l[a].id, &l[b].id)),
            a: name(a),
            b: name(b),
        }
    }
}
