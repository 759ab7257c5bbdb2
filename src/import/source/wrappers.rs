//! Headings that wrap a level's pillars: `### Software engineer I` / `#### Skills needed for
//! this level` / `##### Code quality`, the same wrapper under every level. Read as written,
//! each wrapper looks like a level of its own under a track named by the level.

/// One ATX heading outside fenced code: its line (0-based), depth and title key.
struct Heading {
    line: usize,
    depth: usize,
    key: String,
}

fn headings(lines: &[&str]) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut fence = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start_matches(' ');
        if line.len() - t.len() > 3 {
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        let depth = t.len() - t.trim_start_matches('#').len();
        let rest = &t[depth..];
        if fence || !(1..=6).contains(&depth) || !(rest.starts_with(' ') || rest.trim().is_empty())
        {
            continue;
        }
        let key = crate::import::ids::title_key(rest.trim().trim_end_matches('#'));
        out.push(Heading {
            line: i,
            depth,
            key,
        });
    }
    out
}

/// The depth and title key of each ATX heading of `text` outside fenced code, in order.
pub fn atx_headings(text: &str) -> Vec<(u8, String)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    headings(&lines)
        .into_iter()
        .map(|h| (h.depth as u8, h.key))
        .collect()
}

/// The end (index into `hs`, exclusive) of heading `i`'s section: the next heading no deeper.
fn section_end(hs: &[Heading], i: usize) -> usize {
    (i + 1..hs.len())
        .find(|&j| hs[j].depth <= hs[i].depth)
        .unwrap_or(hs.len())
}

/// `text` with wrapper headings left out and the headings under them one level up: a
/// heading is a wrapper when it is the only sub-heading of its parent, holds two or more
/// headings, and the same title wraps so under two or more parents. A parent at the same
/// depth without the wrapper whose sub-headings skip its depth (`###` over `#####`) has
/// them one level up too. Returns the text and the 1-based number of the first line
/// changed, or `None` when there is no wrapper.
pub fn wrapper_headings(text: &str) -> Option<(String, usize)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let hs = headings(&lines);
    // Candidates: (index in hs, parent's index).
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (i, h) in hs.iter().enumerate() {
        let Some(p) = (0..i).rev().find(|&j| hs[j].depth < h.depth) else {
            continue;
        };
        let (end, parent_end) = (section_end(&hs, i), section_end(&hs, p));
        let only = p + 1 == i && end == parent_end;
        // A title that reads as a level under one that does not (`### Senior` alone under
        // `## Backend`) is the level of a one-level track, not a wrapper.
        let title_of = |h: &Heading| lines[h.line].trim().trim_start_matches('#').trim();
        let level_like = crate::import::titles::level_like;
        // (`Skills needed for this level` speaks of a level without naming one.)
        let of_a_level = ["this level", "each level", "the level", "your level"]
            .iter()
            .any(|w| hs[i].key.contains(w));
        let one_level = level_like(title_of(h)) && !of_a_level && !level_like(title_of(&hs[p]));
        if hs[p].depth + 1 == h.depth && only && end - i > 2 && !one_level {
            candidates.push((i, p));
        }
    }
    let wrappers: Vec<(usize, usize)> = candidates
        .iter()
        .copied()
        .filter(|&(i, _)| {
            candidates
                .iter()
                .filter(|&&(j, _)| hs[j].key == hs[i].key && hs[j].depth == hs[i].depth)
                .count()
                >= 2
        })
        .collect();
    let &(first, first_parent) = wrappers.first()?;
    let parent_depth = hs[first_parent].depth;
    // Lines to leave out, and heading lines to raise by one level.
    let mut drop = vec![false; lines.len()];
    let mut raise = vec![false; lines.len()];
    for &(i, _) in &wrappers {
        drop[hs[i].line] = true;
        for h in &hs[i + 1..section_end(&hs, i)] {
            raise[h.line] = true;
        }
    }
    // Siblings of the wrappers' parents that left the wrapper out.
    for (p, h) in hs.iter().enumerate() {
        let end = section_end(&hs, p);
        if h.depth == parent_depth
            && !wrappers.iter().any(|&(_, q)| q == p)
            && end > p + 1
            && hs[p + 1..end].iter().all(|c| c.depth > h.depth + 1)
        {
            for c in &hs[p + 1..end] {
                raise[c.line] = true;
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    for (n, line) in lines.iter().enumerate() {
        if drop[n] {
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else if raise[n] {
            let at = line.find('#').unwrap_or(0);
            out.push_str(&line[..at]);
            out.push_str(&line[at + 1..]);
        } else {
            out.push_str(line);
        }
    }
    Some((out, hs[first].line + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapper_under_each_level_is_left_out_and_its_headings_raised() {
        let text = "## Levels\n### Junior\nIntro.\n#### Skills\n##### Craft\nA.\n##### Care\nB.\n### Senior\n#### Skills\n##### Craft\nC.\n##### Care\nD.\n### Staff\n##### Craft\nE.\n##### Care\nF.\n";
        let (out, first) = wrapper_headings(text).unwrap();
        assert_eq!(first, 4);
        assert_eq!(out, "## Levels\n### Junior\nIntro.\n\n#### Craft\nA.\n#### Care\nB.\n### Senior\n\n#### Craft\nC.\n#### Care\nD.\n### Staff\n#### Craft\nE.\n#### Care\nF.\n");
    }

    #[test]
    fn a_single_sub_heading_that_does_not_recur_or_wraps_nothing_stays() {
        // Only one level has it.
        assert!(
            wrapper_headings("### A\n#### Skills\n##### X\n##### Y\n### B\n#### Craft\n").is_none()
        );
        // Recurring, but holding a single heading (a level with one pillar section).
        assert!(wrapper_headings(
            "### A\n#### Craft\n##### Notes\n### B\n#### Craft\n##### Notes\n"
        )
        .is_none());
        // Pillars beside it: not its parent's only sub-heading.
        assert!(wrapper_headings("### A\n#### Skills\n##### X\n##### Y\n#### Care\n### B\n#### Skills\n##### X\n##### Y\n#### Care\n").is_none());
    }
}
