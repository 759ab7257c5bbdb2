//! The overview's rows: equivalent levels share a row; otherwise rows follow rank.

use super::{Level, Track};
use foldhash::HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Whether any level declares an equivalent. When none does, the overview's rows group
/// levels by rank instead ([`rows`]).
pub(super) fn declares_equivalents(levels: &[Level]) -> bool {
    levels.iter().any(|l| !l.equivalents.is_empty())
}

/// A row of the overview: per track, the index of the level on it, if any. A level stands
/// in two rows one above the other when it is equivalent to the levels of both (see
/// [`rows`]).
pub type Row = Vec<Option<usize>>;

/// The overview's rows, each a level index (or none) per track, junior first; and the pairs
/// of declared equivalents (level indexes, the lower first) that no order of rows can keep
/// on one row while each track reads upwards (`a`'s track above `b`'s at one pair, below it
/// at another: they cross), which `check` reports.
///
/// Equivalent levels share a row; when no level declares one, levels of one rank do. A
/// level equivalent to two or more of another track (`equivalent` is a list) stands in the
/// row of each of them where they are next to each other, so that a theme spans one cell
/// over those rows; the level above it on its track comes after them.
pub(super) fn rows(tracks: &[Track], levels: &[Level]) -> (Vec<Row>, Vec<(usize, usize)>) {
    let n = levels.len();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if declares_equivalents(levels) {
        for (i, l) in levels.iter().enumerate() {
            pairs.extend(l.equivalents.iter().filter(|&&j| j > i).map(|&j| (i, j)));
        }
    } else {
        let mut by_rank: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (i, l) in levels.iter().enumerate() {
            by_rank.entry(l.rank).or_default().push(i);
        }
        for same in by_rank.values() {
            pairs.extend(same.windows(2).map(|w| (w[0], w[1])));
        }
    }
    let mut crossed = Vec::new();
    let first = groups_of(n, &pairs, levels);
    let (groups, order) = match ordered(tracks, levels, &first) {
        Some(order) => (first, order),
        None => {
            // Some pairs cross: keep each pair, junior pairs first, that leaves an order.
            pairs.sort_by_key(|&(i, j)| (levels[i].rank.min(levels[j].rank), i, j));
            let mut kept: Vec<(usize, usize)> = Vec::new();
            for pair in pairs {
                kept.push(pair);
                if ordered(tracks, levels, &groups_of(n, &kept, levels)).is_none() {
                    kept.pop();
                    crossed.push(pair);
                }
            }
            let groups = groups_of(n, &kept, levels);
            let order = ordered(tracks, levels, &groups)
                .expect("a level per row reads upwards on every track");
            (groups, order)
        }
    };
    let (members, last) = &groups;
    let mut rows: Vec<Row> = Vec::with_capacity(order.len());
    for (k, &g) in order.iter().enumerate() {
        let mut row: Row = (0..tracks.len())
            .map(|t| members[g].iter().copied().find(|&i| levels[i].track == t))
            .collect();
        // The row after another of the same joined levels, right above it: a level that
        // has no other row there is equivalent to this row's levels too, and stands in it
        // again (a theme spans one cell over both).
        if k > 0 && order[k - 1] + 1 == g && last[g] == last[order[k - 1]] {
            let here: Vec<usize> = row.iter().flatten().copied().collect();
            for (cell, above) in row.iter_mut().zip(&rows[k - 1]) {
                // Only beside the levels it is declared equivalent to.
                let equivalent =
                    above.is_some_and(|a| here.iter().any(|h| levels[a].equivalents.contains(h)));
                if cell.is_none() && equivalent {
                    *cell = *above;
                }
            }
        }
        rows.push(row);
    }
    (rows, crossed)
}

/// Rows of the overview before they are ordered: each row's levels, and the index of the
/// last row of the levels joined with them (itself, unless a join spans rows).
type Groups = (Vec<Vec<usize>>, Vec<usize>);

/// The rows that `pairs` of levels on one row make: levels joined by pairs (directly or
/// through others), then, where that puts two levels of one track together, split into
/// rows: one per level of the track with the most of them, each other track's only level
/// on the row of the lowest it is equivalent to, and the levels of a track with several
/// on the rows in order.
fn groups_of(n: usize, pairs: &[(usize, usize)], levels: &[Level]) -> Groups {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(g: &mut [usize], mut x: usize) -> usize {
        while g[x] != x {
            g[x] = g[g[x]];
            x = g[x];
        }
        x
    }
    for &(i, j) in pairs {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        parent[a] = b;
    }
    let mut joined: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        joined.entry(root).or_default().push(i);
    }
    let mut groups = Vec::new();
    let mut last = Vec::new();
    for mut members in joined.into_values() {
        members.sort_by_key(|&i| (levels[i].track, levels[i].rank, i));
        // The track with the most levels among them lays out the rows, one each (the
        // first of the tracks with as many); a track's only level stands on the row of
        // the lowest of them it is equivalent to, and another track's levels on the rows
        // in order.
        let mut count: BTreeMap<usize, usize> = BTreeMap::new();
        for &i in &members {
            *count.entry(levels[i].track).or_default() += 1;
        }
        let spine_track = count
            .iter()
            .max_by_key(|(t, c)| (**c, std::cmp::Reverse(**t)))
            .map_or(0, |(t, _)| *t);
        let spine: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| levels[i].track == spine_track)
            .collect();
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); spine.len()];
        let mut k = 0;
        for (m, &i) in members.iter().enumerate() {
            let same_track = m > 0 && levels[members[m - 1]].track == levels[i].track;
            k = if same_track { k + 1 } else { 0 };
            let at = if count[&levels[i].track] == 1 {
                spine
                    .iter()
                    .position(|s| levels[i].equivalents.contains(s))
                    .unwrap_or(0)
            } else {
                k
            };
            if rows.len() <= at {
                rows.resize(at + 1, Vec::new());
            }
            rows[at].push(i);
        }
        rows.retain(|r| !r.is_empty());
        let tail = groups.len() + rows.len() - 1;
        last.extend(std::iter::repeat_n(tail, rows.len()));
        groups.extend(rows);
    }
    (groups, last)
}

/// The indexes of `groups` in an order in which every track reads upwards, junior first;
/// `None` when there is none (equivalents that cross). A level above one of joined rows
/// comes after the last of them: above Director, equivalent to Senior Staff and to Principal, VP comes after
/// Principal's row, not between the two.
fn ordered(tracks: &[Track], levels: &[Level], (groups, last): &Groups) -> Option<Vec<usize>> {
    let group_of: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, m)| m.iter().map(move |&i| (i, g)))
        .collect();
    let mut indegree = vec![0usize; groups.len()];
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for t in tracks {
        for w in t.levels.windows(2) {
            let (a, b) = (group_of[&w[0]], group_of[&w[1]]);
            let a = if last[a] == last[b] { a } else { last[a] };
            if a != b {
                edges[a].push(b);
                indegree[b] += 1;
            }
        }
    }
    // Among groups ready at once, the lower rank first. A group of equivalents stands at the
    // highest rank among its levels: a track that starts higher on the ladder (managers from
    // the senior engineers' row) numbers its levels from 1, and its rank 1 must not pull the
    // row above the other tracks' levels of lower seniority.
    let key = |g: usize| {
        let rank = groups[g].iter().map(|&i| levels[i].rank).max().unwrap_or(0);
        let track = groups[g]
            .iter()
            .map(|&i| levels[i].track)
            .min()
            .unwrap_or(0);
        (rank, track)
    };
    let mut ready: BTreeSet<((i64, usize), usize)> = (0..groups.len())
        .filter(|&g| indegree[g] == 0)
        .map(|g| (key(g), g))
        .collect();
    let mut order = Vec::new();
    while let Some(first) = ready.pop_first() {
        let g = first.1;
        order.push(g);
        for &h in &edges[g] {
            indegree[h] -= 1;
            if indegree[h] == 0 {
                ready.insert((key(h), h));
            }
        }
    }
    (order.len() == groups.len()).then_some(order)
}
