//! A line after a track's last level that says where the ladder comes from (`Source
//! d'inspiration : https://…`, `Inspired by the guild's levels: https://…`): the track's,
//! not the last level's.

use super::*;

/// Moves the credit lines after each track's last level's list (see [`credit`]), in its
/// description or as a note of its last pillar, to the end of the track's description, and
/// says so at each line.
pub(super) fn credits_to_tracks(ladder: &mut Ladder, d: &Doc, tracks: &mut [Track]) {
    for track in tracks.iter_mut() {
        let Some(last) = track.levels.last_mut() else {
            continue;
        };
        // A credit before the list is the level's own (`Based on the federation's award`).
        let list_end = last
            .cells
            .iter()
            .flat_map(|c| &c.blocks)
            .map(|b| b.md.line)
            .max()
            .unwrap_or(usize::MAX);
        let mut moved = Vec::new();
        while last
            .description
            .last()
            .is_some_and(|md| md.line > list_end && credit(&md.text))
        {
            moved.extend(last.description.pop());
        }
        if let Some(cell) = last.cells.last_mut() {
            while cell
                .blocks
                .last()
                .is_some_and(|b| !b.item && credit(&b.md.text))
            {
                moved.extend(cell.blocks.pop().map(|b| b.md));
            }
        }
        moved.sort_by_key(|md| md.line);
        for md in moved {
            ladder.guess(
                GuessKind::Description,
                d.src.loc_line(md.line),
                format!(
                    "the line after the last level says where the ladder comes from: kept in the track's description, not in `{}`'s",
                    last.full_title
                ),
            );
            track.description.push(md);
        }
    }
}

/// Whether `text` is one short paragraph that credits a source by a link: it opens with
/// words that credit one (`Inspired by`, `Based on`, `Adapted from`, and their French,
/// Spanish and Portuguese words), or with a word that names one as a label of three words
/// at most before a colon (`Source:`, `Source d'inspiration :`, `Credits:`); and it holds a
/// link or an address.
fn credit(text: &str) -> bool {
    const PHRASES: [&str; 10] = [
        "inspired by",
        "based on",
        "adapted from",
        "with thanks to",
        "thanks to",
        "d'après",
        "d’après",
        "basado en",
        "inspirado en",
        "adaptado de",
    ];
    const LABELS: [&str; 9] = [
        "source",
        "sources",
        "credit",
        "credits",
        "inspiration",
        "fuente",
        "fonte",
        "quelle",
        "inspiré",
    ];
    let t = text.trim();
    let open = t.trim_start_matches(['*', '_', '>', ' ']).to_lowercase();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let phrase = PHRASES.iter().any(|p| {
        open.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
    });
    let label = open.split_once(':').is_some_and(|(label, _)| {
        let w = words(&label.replace(['*', '_'], ""));
        (1..=3).contains(&w.len()) && LABELS.contains(&w[0].as_str())
    });
    t.len() <= 400
        && !t.contains("\n\n")
        && !t.starts_with(['-', '#', '|'])
        && (t.contains("http://") || t.contains("https://") || t.contains("]("))
        && (phrase || label)
}
