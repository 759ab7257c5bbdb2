//! The overview's rows: equivalent levels share a row; otherwise rows follow rank.

use super::{Level, Track};
use foldhash::HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Whether any level declares an equivalent. When none does, the overview's rows group
/// levels by rank instead ([`rows`]).
pub(super) fn declares_equivalents(levels: &[Level]) -> bool {
    levels.iter().any(|l| !l.equivalents.is_empty())
}

/// Rows of the overview: equivalent levels share a row; otherwise rows follow rank.
pub(super) fn rows(tracks: &[Track], levels: &[Level]) -> Vec<Vec<Option<usize>>> {
    let n = levels.len();
    let any_equivalent = declares_equivalents(levels);
    // Group levels: by declared equivalence, or by rank when the ladder declares none.
    let mut group: Vec<usize> = (0..n).collect();
    fn find(g: &mut [usize], mut x: usize) -> usize {
        while g[x] != x {
            g[x] = g[g[x]];
            x = g[x];
        }
        x
    }
    for (i, l) in levels.iter().enumerate() {
        let others: Vec<usize> = if any_equivalent {
            l.equivalents.clone()
        } else {
            (0..n).filter(|&j| levels[j].rank == l.rank).collect()
        };
        for j in others {
            let (a, b) = (find(&mut group, i), find(&mut group, j));
            group[a] = b;
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let g = find(&mut group, i);
        groups.entry(g).or_default().push(i);
    }
    // A group with two levels of one track cannot be one row: give up aligning.
    let consistent = groups.values().all(|m| {
        let mut ts: Vec<usize> = m.iter().map(|&i| levels[i].track).collect();
        ts.sort();
        ts.windows(2).all(|w| w[0] != w[1])
    });
    let groups: Vec<Vec<usize>> = if consistent {
        groups.into_values().collect()
    } else {
        (0..n).map(|i| vec![i]).collect()
    };
    let group_of: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, m)| m.iter().map(move |&i| (i, g)))
        .collect();
    // Order groups so that every track reads upwards: topological order, junior first.
    let mut indegree = vec![0usize; groups.len()];
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for t in tracks {
        for w in t.levels.windows(2) {
            let (a, b) = (group_of[&w[0]], group_of[&w[1]]);
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
    while let Some(first) = ready.iter().next().copied() {
        ready.remove(&first);
        let g = first.1;
        order.push(g);
        for &h in &edges[g] {
            indegree[h] -= 1;
            if indegree[h] == 0 {
                ready.insert((key(h), h));
            }
        }
    }
    if order.len() < groups.len() {
        // Equivalents cross each other: fall back to one row per level, by rank.
        let mut all: Vec<usize> = (0..n).collect();
        all.sort_by_key(|&i| (levels[i].rank, levels[i].track));
        return all
            .into_iter()
            .map(|i| {
                (0..tracks.len())
                    .map(|t| (levels[i].track == t).then_some(i))
                    .collect()
            })
            .collect();
    }
    order
        .into_iter()
        .map(|g| {
            (0..tracks.len())
                .map(|t| groups[g].iter().copied().find(|&i| levels[i].track == t))
                .collect()
        })
        .collect()
}
