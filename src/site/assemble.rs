//! Each kind of page's data, assembled from the ladder for one page address (see
//! [`super::Site::page`], which picks the kind and its template).

use super::{
    Builder, CompareGrid, CompareIndexPage, ComparePage, LevelPage, LevelSection, OverviewCell,
    OverviewPage, PillarLevel, PillarPage, PillarTrack, Shared, TrackLevels, TrackPage, TrackRow,
};
use crate::{compare, html, permalink};

impl Builder<'_> {
    /// The overview: every track side by side, equivalent levels on one row.
    pub(super) fn overview_page(&self) -> OverviewPage {
        let ladder = self.ladder;
        let aligned_by_rank = ladder.tracks.len() > 1 && ladder.overview_by_rank();
        // When other tracks declare equivalents, a track with levels that declare none is
        // apart from them.
        let declared = ladder.tracks.len() > 1 && !ladder.overview_by_rank();
        let (unaligned, aligned): (Vec<usize>, Vec<usize>) =
            (0..ladder.tracks.len()).partition(|&t| {
                let levels = &ladder.tracks[t].levels;
                declared
                    && !levels.is_empty()
                    && levels
                        .iter()
                        .all(|&l| ladder.levels[l].equivalents.is_empty())
            });
        let rows = |columns: &[usize]| -> Vec<Vec<Option<OverviewCell>>> {
            let kept: Vec<&Vec<Option<usize>>> = ladder
                .overview_rows
                .iter()
                .filter(|row| columns.iter().any(|&t| row[t].is_some()))
                .collect();
            let at = |r: usize, t: usize| kept.get(r).and_then(|row| row[t]);
            (0..kept.len())
                .map(|r| {
                    columns
                        .iter()
                        .map(|&t| {
                            let i = at(r, t)?;
                            let continued = r > 0 && at(r - 1, t) == Some(i);
                            let rows = (r..kept.len()).take_while(|&k| at(k, t) == Some(i)).count();
                            Some(OverviewCell {
                                level: self.level(i),
                                rows,
                                continued,
                            })
                        })
                        .collect()
                })
                .collect()
        };
        let all: Vec<usize> = (0..ladder.tracks.len()).collect();
        // Without a track apart, the aligned table is the whole one: made once, and shared
        // (a Tera value is shared, not copied) by both fields.
        let (rows, aligned_rows) = if unaligned.is_empty() {
            let made = tera::Value::from_serializable(&rows(&all));
            (Shared::Made(made.clone()), Shared::Made(made))
        } else {
            (Shared::Own(rows(&all)), Shared::Own(rows(&aligned)))
        };
        OverviewPage {
            aligned_by_rank,
            unaligned: unaligned.iter().map(|&t| self.track(t)).collect(),
            tracks: all.iter().map(|&t| self.track(t)).collect(),
            rows,
            aligned_tracks: aligned.iter().map(|&t| self.track(t)).collect(),
            aligned_rows,
            apart: unaligned
                .iter()
                .map(|&t| TrackLevels {
                    track: self.track(t),
                    levels: ladder.tracks[t]
                        .levels
                        .iter()
                        .map(|&l| self.level(l))
                        .collect(),
                })
                .collect(),
        }
    }

    /// A track: its levels × pillars.
    pub(super) fn track_page(&self, ti: usize) -> TrackPage {
        let t = &self.ladder.tracks[ti];
        TrackPage {
            track: self.track(ti),
            description_html: self.html(&t.description),
            pillars: t.pillars.iter().map(|&p| self.pillar(p)).collect(),
            rows: t
                .levels
                .iter()
                .map(|&li| TrackRow {
                    level: self.shared_level(li),
                    cells: t.pillars.iter().map(|&p| self.cell(li, p, false)).collect(),
                })
                .collect(),
        }
    }

    /// A level: every pillar of its track, its neighbours, equivalents and comparisons, and
    /// when it last changed (the page at `path`).
    pub(super) fn level_page(
        &self,
        li: usize,
        releases: &crate::releases::Releases,
        path: &str,
    ) -> LevelPage {
        let (ladder, l) = (self.ladder, &self.ladder.levels);
        let level = &l[li];
        let track = &ladder.tracks[level.track];
        let below = if track.cumulative {
            self.below(li)
        } else {
            Vec::new()
        };
        let mut sections: Vec<LevelSection> = track
            .pillars
            .iter()
            .map(|&p| {
                let (inherited, inherited_footnotes_html) = if track.cumulative {
                    self.inherited(li, p, &below)
                } else {
                    (Vec::new(), String::new())
                };
                LevelSection {
                    pillar: self.pillar(p),
                    cell: self.cell(li, p, true),
                    inherited,
                    inherited_footnotes_html,
                }
            })
            .collect();
        // A section that only says "not defined yet" is noise when most are such: the
        // level's own pillars come first, the others are named once at the end.
        let empty = |s: &LevelSection| !s.cell.defined && s.inherited.is_empty();
        let mut undefined = Vec::new();
        if 2 * sections.iter().filter(|s| empty(s)).count() > sections.len() {
            let (gaps, own): (Vec<_>, Vec<_>) = sections.into_iter().partition(empty);
            sections = own;
            undefined = gaps.into_iter().map(|s| s.pillar).collect();
        }
        LevelPage {
            level: self.level(li),
            track: self.track(level.track),
            description_html: self.html(&level.description),
            summary_in_description: level.summary_from_description,
            sections,
            undefined,
            below: level.below.map(|i| self.level(i)),
            above: level.above.map(|i| self.level(i)),
            equivalents: level.equivalents.iter().map(|&i| self.level(i)).collect(),
            comparisons: {
                // Equivalent levels are compared both ways round (each has its page): the
                // list holds the one with this level first, as the same comparison twice
                // could not be told apart (browser check 43, B43-03).
                let pairs: Vec<(usize, usize)> = ladder.comparisons_of(li).collect();
                pairs
                    .iter()
                    .filter(|&&(x, y)| x == li || !pairs.contains(&(y, x)))
                    .map(|&(x, y)| self.compare_ref(x, y))
                    .collect()
            },
            next_comparison: level
                .above
                .map(|up| self.href(&permalink::compare(&level.id, &l[up].id))),
            equivalent_comparisons: level
                .equivalents
                .iter()
                .map(|&e| self.compare_ref(li, e))
                .collect(),
            cumulative: track.cumulative,
            last_changed: crate::releases::last_changed(releases, &level.id, path),
        }
    }

    /// A pillar: its cell at every level, per track.
    pub(super) fn pillar_page(&self, pi: usize) -> PillarPage {
        let ladder = self.ladder;
        PillarPage {
            pillar: self.pillar(pi),
            description_html: self.html(&ladder.pillars[pi].description),
            tracks: ladder
                .tracks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.pillars.contains(&pi))
                .map(|(ti, t)| PillarTrack {
                    track: self.track(ti),
                    levels: t
                        .levels
                        .iter()
                        .map(|&li| PillarLevel {
                            level: self.shared_level(li),
                            cell: self.cell(li, pi, false),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The comparison of levels `x` and `y`: every pillar of either track that either level
    /// defines, paired; the others named.
    pub(super) fn compare_page(&self, x: usize, y: usize) -> ComparePage {
        let (ladder, l) = (self.ladder, &self.ladder.levels);
        let (tx, ty) = (&ladder.tracks[l[x].track], &ladder.tracks[l[y].track]);
        let mut pillars: Vec<usize> = tx
            .pillars
            .iter()
            .chain(ty.pillars.iter())
            .copied()
            .collect();
        pillars.sort();
        pillars.dedup();
        let same_track = l[x].track == l[y].track;
        let cumulative = ty.cumulative;
        // A pillar neither level defines has nothing to compare: named once, at the end.
        // On a cumulative track a level has what the levels below it have: nothing is left out.
        let neither = |p: usize| {
            !(tx.cumulative || ty.cumulative)
                && ladder.cell(x, p).is_none()
                && ladder.cell(y, p).is_none()
        };
        let undefined = pillars
            .iter()
            .filter(|&&p| neither(p))
            .map(|&p| self.shared_pillar(p))
            .collect();
        pillars.retain(|&p| !neither(p));
        // Within a track, the stems of each pillar's pairing are weighed among both levels'
        // expectations of every pillar (measured on hand-labelled pairs, see
        // `compare::pairing`); across tracks, where nothing measured them, every stem weighs
        // the same.
        let weights = if same_track {
            compare::StemWeights::of(
                pillars
                    .iter()
                    .flat_map(|&p| [x, y].map(|l| self.prepared.of(ladder, l, p)))
                    .flatten()
                    .flat_map(|cell| &cell.words),
            )
        } else {
            compare::StemWeights::even()
        };
        // How many steps up the track `y` is from `x` (0 across tracks).
        let steps = if same_track {
            let at = |l: usize| tx.levels.iter().position(|&k| k == l).unwrap_or(0);
            at(y).abs_diff(at(x))
        } else {
            0
        };
        let pairing = match steps {
            0 => compare::Pairing::Similar,
            1 => compare::Pairing::Complete,
            _ => compare::Pairing::Distant,
        };
        let pillars: Vec<super::ComparePillar> = pillars
            .iter()
            .map(|&p| self.compare_pillar((x, y, p), pairing, cumulative, &weights))
            .collect();
        let mut used = super::CompareCounts::default();
        for p in &pillars {
            used.add(&p.counts);
        }
        ComparePage {
            undefined,
            a: self.shared_level(x),
            b: self.shared_level(y),
            a_name: self.compare_name(x, same_track).to_string(),
            b_name: self.compare_name(y, same_track).to_string(),
            same_track,
            steps,
            cumulative,
            moved: used.moved > 0,
            used,
            pillars,
            other_comparisons_html: {
                let all: std::collections::BTreeSet<_> = ladder
                    .comparisons_of(x)
                    .chain(ladder.comparisons_of(y))
                    // Not this pair, nor this pair the other way round (a page of its own
                    // for equivalents, the same comparison to a reader).
                    .filter(|&pair| pair != (x, y) && pair != (y, x))
                    .collect();
                // Equivalents are published both ways round: each pair is listed once, this
                // page's level first where it is one of them.
                let pairs: Vec<(usize, usize)> = all
                    .iter()
                    .copied()
                    .filter(|&(c, d)| {
                        !all.contains(&(d, c)) || {
                            let ours = |l: usize| l == x || l == y;
                            if ours(c) != ours(d) {
                                ours(c)
                            } else {
                                c < d
                            }
                        }
                    })
                    .collect();
                let mut out = String::with_capacity(pairs.len() * 120);
                let mut href = self.root.clone();
                for (c, d) in pairs {
                    href.truncate(self.root.len());
                    href.push_str(&permalink::compare(&l[c].id, &l[d].id));
                    // Pairs on this page's track, when it compares within one, by titles.
                    let within = same_track && l[c].track == l[x].track && l[d].track == l[x].track;
                    html::comparison_link(
                        &mut out,
                        &href,
                        self.compare_name(c, within),
                        self.compare_name(d, within),
                    );
                }
                out
            },
        }
    }

    /// The comparison index: per track, every pair of its levels; then the equivalents.
    pub(super) fn compare_index_page(&self) -> CompareIndexPage {
        let (ladder, l) = (self.ladder, &self.ladder.levels);
        CompareIndexPage {
            tracks: ladder
                .tracks
                .iter()
                .enumerate()
                .map(|(ti, t)| CompareGrid {
                    track: self.track(ti),
                    levels: t.levels.iter().map(|&i| self.level(i)).collect(),
                    names: t
                        .levels
                        .iter()
                        .map(|&i| self.prepared.names_in_track[i].clone())
                        .collect(),
                    hrefs: t
                        .levels
                        .iter()
                        .enumerate()
                        .map(|(r, &x)| {
                            t.levels
                                .iter()
                                .enumerate()
                                .map(|(c, &y)| {
                                    (r < c)
                                        .then(|| self.href(&permalink::compare(&l[x].id, &l[y].id)))
                                })
                                .collect()
                        })
                        .collect(),
                    pairs: ladder
                        .comparisons
                        .iter()
                        .filter(|&&(x, y)| l[x].track == ti && l[y].track == ti)
                        .map(|&(x, y)| self.compare_ref(x, y))
                        .collect(),
                })
                .collect(),
            equivalents: {
                // Each pair of equivalents once, though both its pages are built: the level
                // of the track listed first leads, and pairs go by tracks, then by rank.
                let mut pairs: Vec<(usize, usize)> = ladder
                    .comparisons
                    .iter()
                    .filter(|&&(x, y)| l[x].track != l[y].track)
                    .map(|&(x, y)| {
                        if l[x].track < l[y].track {
                            (x, y)
                        } else {
                            (y, x)
                        }
                    })
                    .collect();
                pairs.sort_by_key(|&(x, y)| (l[x].track, l[y].track, l[x].rank, l[y].rank));
                pairs.dedup();
                pairs.iter().map(|&(x, y)| self.compare_ref(x, y)).collect()
            },
        }
    }
}
