//! A document that writes two tracks' levels in one run, each level's code followed by the
//! tag of its track (`# L4 IC - Software Engineer`, `# L4 EM - Software Engineer`, `# L5 IC
//! …`): two tracks, one per tag, not one ladder that ranks every manager above the
//! individual contributor of the same code.

use crate::import::model::{GuessKind, Ladder, Level, Track};

/// The tag that opens `level`'s title after its code, and the title after it (`IC - Software
/// Engineer` → `IC`, `Software Engineer`): two to four capital letters alone before a dash
/// (`-`, `–` or `—` between spaces), and a title after it.
fn tagged(level: &Level) -> Option<(&str, &str)> {
    level.code.as_ref()?;
    let (tag, rest) = [" - ", " – ", " — "]
        .iter()
        .find_map(|dash| level.title.split_once(dash))?;
    let (tag, rest) = (tag.trim(), rest.trim());
    ((2..=4).contains(&tag.len())
        && tag.chars().all(|c| c.is_ascii_uppercase())
        && !rest.is_empty())
    .then_some((tag, rest))
}

/// The tag of `level`'s title (see [`tagged`]).
fn tag(level: &Level) -> Option<&str> {
    tagged(level).map(|(tag, _)| tag)
}

/// Splits each track whose levels are tagged (see [`tagged`]) with one of two tags or more,
/// where one code at least is written under two tags (the same grade on both paths): a track
/// per tag, in the order first met, titled by the track's title and the tag, each level
/// without its tag. The levels keep their codes, which make the levels of one code on the
/// two tracks equivalent. Levels before the first tagged one are the first tag's. A run with
/// one tag, or whose tags never share a code (`L3 IC` … `L5 EM`: managers start where
/// contributors stop), is one track.
pub(super) fn split_tagged(
    ladder: &mut Ladder,
    tracks: Vec<(Track, usize)>,
) -> Vec<(Track, usize)> {
    let mut out = Vec::with_capacity(tracks.len());
    for (mut track, doc) in tracks {
        // Levels before the first tagged one (`L1 - Baker` before `L2 IC - Baker`) are the
        // first tag's: the junior levels both paths start from.
        let untagged = track.levels.iter().take_while(|l| tag(l).is_none()).count();
        let first_tag = track.levels.get(untagged).and_then(tag).map(str::to_string);
        let tags: Option<Vec<String>> = track
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| match tag(l) {
                None if i < untagged => first_tag.clone(),
                t => t.map(str::to_string),
            })
            .collect();
        // The tags in the order first met.
        let mut first: Vec<String> = Vec::new();
        for t in tags.iter().flatten() {
            if !first.contains(t) {
                first.push(t.clone());
            }
        }
        let tagged_levels = &track.levels[untagged..];
        let shared_code = tagged_levels.iter().enumerate().any(|(i, a)| {
            tagged_levels[i + 1..]
                .iter()
                .any(|b| a.code == b.code && tag(a) != tag(b))
        });
        let Some(tags) =
            tags.filter(|_| first.len() >= 2 && track.levels.len() >= 3 && shared_code)
        else {
            out.push((track, doc));
            continue;
        };
        let levels = std::mem::take(&mut track.levels);
        let mut split: Vec<Track> = Vec::new();
        for t in &first {
            let mine: Vec<Level> = levels
                .iter()
                .zip(&tags)
                .filter(|(_, lt)| *lt == t)
                .map(|(l, _)| {
                    let mut l = l.clone();
                    if let Some((_, title)) = tagged(&l) {
                        l.title = title.to_string();
                    }
                    l
                })
                .collect();
            split.push(Track {
                uid: ladder.uid(),
                title: format!("{} ({t})", track.title),
                id: track
                    .id
                    .as_ref()
                    .map(|id| format!("{id}-{}", t.to_lowercase())),
                description: Vec::new(),
                at: mine[0].at.clone(),
                levels: mine,
                final_id: String::new(),
            });
        }
        let names: Vec<String> = first.iter().map(|t| format!("`{t}`")).collect();
        ladder.guess(
            GuessKind::Structure,
            track.at.clone(),
            format!(
                "the levels of `{}` are tagged by their track after their codes ({}), the same code on more than one: a track per tag, each level of one code equivalent to the other's",
                track.title,
                names.join(", ")
            ),
        );
        // The first track keeps the source's track, and its description and links.
        split[0].uid = track.uid;
        split[0].description = std::mem::take(&mut track.description);
        split[0].id = track.id.clone();
        for t in split {
            out.push((t, doc));
        }
    }
    out
}
