//! The example front-matter a hint offers for a file that has none: the keys its folder's
//! kind of file needs, with what its path already says.

use super::{keys, Located};

/// The hint for a file without front-matter: the keys its folder's kind of file needs, as
/// an example (`content/competencies/<level>/<pillar>.md` gets its own level and pillar).
pub(super) fn front_matter_example(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let folder = parts
        .iter()
        .position(|p| *p == "content")
        .and_then(|i| parts.get(i + 1))
        .copied()
        .unwrap_or("");
    let stem = |s: &str| s.strip_suffix(".md").unwrap_or(s).to_string();
    // The file's own name, as a title (`staff-engineer.md` → `Staff Engineer`), where it has
    // one: an example from another ladder would be pasted as it is.
    let named = |fallback: &str| {
        let words: Vec<String> = parts
            .last()
            .map(|f| stem(f))
            .unwrap_or_default()
            .split(['-', '_', ' '])
            .filter(|w| !w.is_empty())
            .map(crate::ids::capitalised)
            .collect();
        if words.is_empty() {
            fallback.to_string()
        } else {
            words.join(" ")
        }
    };
    let keys = match folder {
        "competencies" => {
            let (level, pillar) = match parts.iter().position(|p| *p == "competencies") {
                Some(i) if parts.len() == i + 3 => (parts[i + 1].to_string(), stem(parts[i + 2])),
                _ => ("senior-engineer".into(), "craft".into()),
            };
            keys::front_matter(&keys::CompetencyKeys {
                level: Located::unplaced(level),
                pillar: Located::unplaced(pillar),
            })
        }
        // The track is the ladder's to say: a line to fill in where it has several.
        "levels" => {
            keys::front_matter(&keys::LevelKeys {
                title: named("Senior Engineer"),
                rank: Located::unplaced(1),
                track: None,
                code: None,
                summary: None,
                equivalent: Vec::new(),
                aliases: Vec::new(),
            })
            .replacen(
                "rank = 1",
                "rank = 1  # its place on its track, most junior first: a number no other level there has",
                1,
            ) + "\n# track = \"…\"  (the id of its track, when the ladder has several)"
        }
        "tracks" => keys::front_matter(&keys::TrackKeys {
            title: named("Individual contributor"),
            order: None,
            cumulative: None,
            aliases: Vec::new(),
        }),
        "pillars" => keys::front_matter(&keys::PillarKeys {
            title: named("Technical craft"),
            order: None,
            aliases: Vec::new(),
        }),
        _ => keys::front_matter(&keys::PageKeys {
            title: named("How promotions work"),
            weight: None,
            aliases: Vec::new(),
        }),
    };
    let keys = keys.replace('\n', "\n    ");
    format!("start the file with TOML front-matter between two `+++` lines, e.g.\n\n    +++\n    {keys}\n    +++\n")
}
