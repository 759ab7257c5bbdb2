//! Lints of the equivalent levels: pairs the overview cannot show on one row, and chains of
//! equivalents that join two levels of one track.

use super::{key_offset, warning};
use crate::diagnostic::{Diagnostics, SourceFile};
use crate::ladder::{Ladder, Level};
use std::collections::{HashMap, VecDeque};

/// Warns of each pair of equivalents the overview cannot show on one row
/// ([`Ladder::crossed_equivalents`]): another pair between the same tracks crosses it (a
/// level above one of them equivalent to a level below the other), or one of the two is
/// also equivalent to a level of the other's track that is not next to it.
pub(super) fn crossed(
    ladder: &Ladder,
    files: &HashMap<&str, &SourceFile>,
    diags: &mut Diagnostics,
) {
    let file = |p: &str| files.get(p).copied();
    for &(a, b) in &ladder.crossed_equivalents {
        let (a, b) = (&ladder.levels[a], &ladder.levels[b]);
        // A pair between the same tracks in the other order: one above `a`, one below `b`.
        let across = |c: &Level, d: &Level| {
            c.track == a.track
                && d.track == b.track
                && (c.rank - a.rank).signum() * (d.rank - b.rank).signum() < 0
        };
        let other = ladder.levels.iter().find_map(|c| {
            let d = c
                .equivalents
                .iter()
                .map(|&j| &ladder.levels[j])
                .find(|d| across(c, d))?;
            Some(format!(" (`{}` is equivalent to `{}`)", c.id, d.id))
        });
        let f = file(&a.source);
        let offset = f.and_then(|f| key_offset(f, "equivalent")).unwrap_or(0);
        // No pair crosses: one level is equivalent to two of the other track that are not
        // next to each other (`mg1` to `ic2` and `ic4`, `ic3` between them).
        let apart = || {
            [(b, a), (a, b)].into_iter().find_map(|(one, many)| {
                let twin = one
                    .equivalents
                    .iter()
                    .map(|&j| &ladder.levels[j])
                    .find(|l| l.track == many.track && l.id != many.id)?;
                Some(format!("`{}` is equivalent to both `{}` and `{}`, which are not next to each other on the {} track: the overview cannot show it beside both, and does not show `{}` and `{}` on one row", one.id, twin.id, many.id, ladder.tracks[many.track].id, a.id, b.id))
            })
        };
        let message = match other {
            Some(other) => format!("`{}` and `{}` are equivalent, but another pair of the {} and {} tracks crosses them{other}: the overview cannot show both pairs on one row each, and does not show `{}` and `{}` on one row", a.id, b.id, ladder.tracks[a.track].id, ladder.tracks[b.track].id, a.id, b.id),
            None => apart().unwrap_or_else(|| format!("`{}` and `{}` are equivalent, but other equivalents of the {} and {} tracks keep them from one row: the overview does not show them on one row", a.id, b.id, ladder.tracks[a.track].id, ladder.tracks[b.track].id)),
        };
        diags.push(warning(f, &a.source, offset, "crossed-equivalents", message,
            format!("equivalents between two tracks keep both in rank order: check `equivalent` here and in {}", b.source)));
    }
}

/// Warns of two levels of one track that equivalents join through other levels (`m1` ≡ `ds1`
/// ≡ `de2`, and `m1` ≡ `de3`: `de2` and `de3` are both equivalent to `m1`'s row) where no
/// level is declared equivalent to both (as Director to Senior Staff and Principal, a level
/// that spans two): the declarations contradict each other, and the overview cannot show
/// every pair on one row. One warning per joined set, at the first level of the pair, naming
/// the chain.
pub(super) fn chained(
    ladder: &Ladder,
    files: &HashMap<&str, &SourceFile>,
    diags: &mut Diagnostics,
) {
    let levels = &ladder.levels;
    let spanned = |a: usize, b: usize| {
        levels
            .iter()
            .any(|x| x.equivalents.contains(&a) && x.equivalents.contains(&b))
    };
    let mut said: Vec<usize> = Vec::new();
    for (a, la) in levels.iter().enumerate() {
        if said.contains(&a) || la.equivalents.is_empty() {
            continue;
        }
        let from = path_from(levels, a);
        let joined = (0..levels.len())
            .filter(|&b| b > a && levels[b].track == la.track && from[b].is_some())
            .find(|&b| !spanned(a, b));
        let Some(b) = joined else {
            continue;
        };
        said.extend((0..levels.len()).filter(|&i| from[i].is_some()));
        let mut chain = vec![b];
        while let Some(Some(prev)) = from.get(*chain.last().expect("one")).copied() {
            if prev == a {
                break;
            }
            chain.push(prev);
        }
        chain.push(a);
        chain.reverse();
        let ids: Vec<String> = chain
            .iter()
            .map(|&i| format!("`{}`", levels[i].id))
            .collect();
        let files_of: Vec<&str> = chain.iter().map(|&i| levels[i].source.as_str()).collect();
        let f = files.get(la.source.as_str()).copied();
        let offset = f.and_then(|f| key_offset(f, "equivalent")).unwrap_or(0);
        diags.push(warning(f, &la.source, offset, "chained-equivalents",
            format!("`{}` and `{}` of the {} track are joined by equivalents ({}), and no level is equivalent to both: the declarations contradict each other, and the overview cannot show every pair on one row", la.id, levels[b].id, ladder.tracks[la.track].id, ids.join(" ≡ ")),
            format!("check the `equivalent` lists of {}: a level is equivalent to one level of each other track, or to levels next to each other that it spans", files_of.join(", "))));
    }
}

/// For each level, the level before it on a shortest chain of equivalents from `start`
/// (`Some(start)` for `start` itself), or `None` when no chain joins them.
fn path_from(levels: &[Level], start: usize) -> Vec<Option<usize>> {
    let mut from = vec![None; levels.len()];
    from[start] = Some(start);
    let mut queue = VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        for &j in &levels[i].equivalents {
            if from[j].is_none() {
                from[j] = Some(i);
                queue.push_back(j);
            }
        }
    }
    from
}
