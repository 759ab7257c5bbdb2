//! Which sections of one depth are levels because their pillars recur between them, and the
//! sections that recur without being levels: the same few sections under each level, the
//! pillars of the one level above them, a role's description.

use super::*;

/// The sections at the depth where the most sections of one shape share pillar names with
/// another, if at least two do.
pub(super) fn levels_sharing_pillars(d: &Doc) -> Option<Vec<usize>> {
    let mut best: Option<(usize, u8, Vec<usize>)> = None;
    for depth in 1..=6u8 {
        // A section that describes rather than names a level (an overview, a question) is
        // none, whatever its lists; nor is one that compares two (`Manager vs. IC`), though
        // it writes their pillars.
        let secs: Vec<usize> = (1..d.secs.len())
            .filter(|&s| {
                let title = heading_text(d, s);
                d.secs[s].level == depth
                    && !describes(d, s)
                    && !compares(&title)
                    && !crate::import::titles::for_every_level(&title)
            })
            .collect();
        for kind in 0..4u8 {
            let cands: Vec<(usize, Vec<String>)> = secs
                .iter()
                .filter_map(|&s| {
                    shape(d, s)
                        .filter(|sh| sh.kind() == kind)
                        .map(|sh| (s, keys(d, s, sh)))
                })
                .collect();
            let mut freq: HashMap<&str, usize> = HashMap::new();
            for (_, ks) in &cands {
                let mut uniq: Vec<&str> = ks
                    .iter()
                    .map(String::as_str)
                    .filter(|k| !k.is_empty())
                    .collect();
                uniq.sort();
                uniq.dedup();
                for k in uniq {
                    *freq.entry(k).or_default() += 1;
                }
            }
            // A statement (`I am an egoless, team-oriented developer.`) that two levels make
            // is no pillar they share; one every level makes may be.
            let said: HashSet<String> = cands
                .iter()
                .flat_map(|&(s, _)| statements(d, s))
                .map(|c| ids::title_key(&heading_text(d, c)))
                .collect();
            let shared = |k: &String| {
                let n = freq.get(k.as_str()).copied().unwrap_or(0);
                n >= 2 && (!said.contains(k) || n == cands.len())
            };
            let qualifying: Vec<usize> = cands
                .iter()
                .filter(|(_, ks)| ks.iter().any(shared))
                .map(|(s, _)| *s)
                .collect();
            // The sections of one role's description (`## Outcomes` and `## Skills`, each over
            // a `### Leadership`) are no levels, though their areas recur.
            let described = qualifying
                .iter()
                .all(|&s| role_section(&heading_text(d, s)));
            // Fact sheets (a README's programmes: `### Deck Exchange` / `- **Length**: …` /
            // `- **Goal**: …`, `### Harbour Mentoring` / `- **Pairing**: …`) are no levels:
            // none is titled as one, and they share a few labels, most being their own.
            // Levels write their pillars' labels at most levels (see `pillars::labels_recur`);
            // scales, numbered (`### People` / `1. **Learns**: …`), are read further on.
            let bulleted = |s: usize| {
                d.secs[s].own.iter().any(|&b| match &d.blocks[b].kind {
                    Kind::List { items } => items.first().is_some_and(|it| {
                        d.src
                            .text
                            .get(it.start..)
                            .is_some_and(|t| t.trim_start().starts_with(['-', '*', '+']))
                    }),
                    _ => false,
                })
            };
            let fact_sheets = kind == Shape::Bullets(0).kind()
                && qualifying
                    .iter()
                    .all(|&s| !level_like(&heading_text(d, s)) && bulleted(s))
                && {
                    let labels: Vec<&String> = cands
                        .iter()
                        .filter(|(s, _)| qualifying.contains(s))
                        .flat_map(|(_, ks)| ks)
                        .collect();
                    let recurring = labels
                        .iter()
                        .filter(|k| freq.get(k.as_str()).is_some_and(|&n| n >= 2))
                        .count();
                    recurring > 0 && 5 * recurring < 4 * labels.len()
                };
            if qualifying.len() >= 2
                && !described
                && !parts_of_areas(d, &qualifying, &cands, &shared)
                && !fact_sheets
                && !sections_of_levels(d, &qualifying)
                && !pillars_of_one_level(d, &qualifying)
                && best.as_ref().is_none_or(|b| qualifying.len() > b.0)
            {
                best = Some((qualifying.len(), kind, qualifying));
            }
        }
    }
    best.map(|(_, kind, levels)| match kind {
        0 => levels,
        _ => areas_over_levels(d, &levels).unwrap_or(levels),
    })
}

/// The sections above `levels` (written with labels or bullets, not sub-headings) when those
/// are competency areas holding the levels by name, a ladder written the other way round
/// (`### 1. Impact` / `#### Level 1` / `**Scope:** …` / `**Example behaviours:**` + a list):
/// two or more sections, none titled as a level, each holding levels by names that read as
/// levels and recur under two of them or more, under a heading that names the track (`##
/// IC Track`), which says the sections are no tracks. Read as the levels, they are then
/// turned round as the same ladder written with plain lists is (see
/// `transpose::transposed`). `None` where the sections may be tracks, each holding its
/// levels with the ladder's pillars as labels (`## Bread` / `### Junior` / `**Craft:** …`),
/// whether the pillars are every track's or each its own, the tracks numbered or not.
fn areas_over_levels(d: &Doc, levels: &[usize]) -> Option<Vec<usize>> {
    let title = |s: usize| heading_text(d, s);
    let key = |s: usize| ids::title_key(&title(s));
    // The levels named alike under two areas or more; sections written like them elsewhere
    // (a preamble's values, `#### Impact - Customer First` / `**Definition:**`) are left to
    // be read as the rest of the document is.
    let named = |l: usize| {
        let mut under: Vec<usize> = levels
            .iter()
            .filter(|&&o| key(o) == key(l))
            .filter_map(|&o| d.secs[o].parent)
            .collect();
        under.dedup();
        level_like(&title(l)) && under.len() >= 2
    };
    let levels: Vec<usize> = levels.iter().copied().filter(|&l| named(l)).collect();
    let mut areas: Vec<usize> = levels.iter().filter_map(|&l| d.secs[l].parent).collect();
    areas.dedup();
    if areas.len() < 2
        || areas
            .iter()
            .any(|&a| a == 0 || level_like(&title(a)) || shape(d, a) != Some(Shape::Headings))
    {
        return None;
    }
    // The sections above the areas name the track: a heading under the document's title
    // (`# Growth Matrix` / `## IC Track`), not the title itself (`# Bakery Career Track`
    // over `## Bread` and `## Pastry`, which are tracks).
    let top = d
        .secs
        .iter()
        .filter_map(|s| s.heading.map(|_| s.level))
        .min();
    let under_track = areas.iter().all(|&a| {
        d.secs[a].parent.is_some_and(|g| {
            g != 0
                && d.secs[g].heading.is_some()
                && Some(d.secs[g].level) != top
                && crate::import::titles::any_word(&title(g), &["track"])
        })
    });
    under_track.then_some(areas)
}

/// Whether sections `secs` are, most of them, titled as sections written under each of
/// several levels (`### Key Responsibilities` and `### Typical Transition` under `##
/// First-Line Manager`, `## Middle Manager` …): titles that recur under another parent and
/// do not read as levels, where most of their parents' titles do. The parents are then the
/// levels. Tracks' levels recur too (`### Junior` under `## Backend` and `## Frontend`), but
/// read as levels.
fn sections_of_levels(d: &Doc, secs: &[usize]) -> bool {
    let key = |s: usize| ids::title_key(&heading_text(d, s));
    let recurring: Vec<usize> = secs
        .iter()
        .copied()
        .filter(|&s| {
            !level_like(&heading_text(d, s))
                && (1..d.secs.len()).any(|o| {
                    d.secs[o].level == d.secs[s].level
                        && d.secs[o].parent != d.secs[s].parent
                        && key(o) == key(s)
                })
        })
        .collect();
    let mut parents: Vec<usize> = recurring.iter().filter_map(|&s| d.secs[s].parent).collect();
    parents.sort();
    parents.dedup();
    let named = parents
        .iter()
        .filter(|&&p| p != 0 && level_like(&heading_text(d, p)))
        .count();
    2 * recurring.len() > secs.len() && parents.len() >= 2 && 2 * named > parents.len()
}

/// Whether sections `secs` are the pillars of the one level that titles them all (`# Grade
/// 2` over `## Baking` and `## Icing`, each with a `### [Shift Lead Skills]` note, as
/// Mercari's grades write their values): each with text of its own, under one heading that
/// reads as a level, and hardly any of them reads as a level.
fn pillars_of_one_level(d: &Doc, secs: &[usize]) -> bool {
    let parent = d.secs[secs[0]].parent;
    // A value may name a role in passing (`Move Fast for Engineers`).
    let like = secs
        .iter()
        .filter(|&&s| level_like(&heading_text(d, s)))
        .count();
    // Each with text of its own: levels whose one pillar is all they hold (`## Crew
    // Commander` / `### Command`) are levels. A title that names no level (`# Support Career
    // Path` over `## Bronze` / `### What we expect`) is a ladder's, over its levels.
    parent.is_some_and(|p| {
        p != 0
            && level_like(&heading_text(d, p))
            && secs
                .iter()
                .all(|&s| d.secs[s].parent == Some(p) && has_text(d, s))
            && 4 * like < secs.len()
    })
}

/// Whether sections `secs`, whose shared pillars are `cands`' keys that `shared` accepts,
/// are the areas of one level, each written in the same parts (`# Technical Delivery` /
/// `## Expectations` / `## Self-Assessment`, a persona page titled in its front-matter): the
/// parts they share all name kinds of text, not areas, and no section's title reads as a
/// level; nor does a heading over them name the ladder (`# Support Career Path` over `##
/// Bronze` / `### What we expect`, whose sections are its levels).
fn parts_of_areas(
    d: &Doc,
    secs: &[usize],
    cands: &[(usize, Vec<String>)],
    shared: &dyn Fn(&String) -> bool,
) -> bool {
    let parts: HashSet<&String> = cands
        .iter()
        .filter(|(s, _)| secs.contains(s))
        .flat_map(|(_, ks)| ks.iter().filter(|k| shared(k)))
        .collect();
    // Only on a page its front-matter titles as one level: levels written each in parts
    // (`# Smoker` / `## Expectations` / `## Examples`) are levels.
    d.titled
        && !parts.is_empty()
        && parts.iter().all(|k| crate::import::titles::area_part(k))
        && parts
            .iter()
            .any(|k| crate::import::titles::expectations_part(k))
        && secs.iter().all(|&s| !level_like(&heading_text(d, s)))
        && secs.iter().all(|&s| {
            d.secs[s]
                .parent
                .is_none_or(|p| p == 0 || level_like(&heading_text(d, p)))
        })
}

/// A title of a section of one role's description (`Success Outcomes`, `Required Skills`,
/// `Responsibilities`): no level's, as it names no role, code or number.
pub(super) fn role_section(title: &str) -> bool {
    !level_like(title)
        && crate::import::titles::any_word(
            title,
            &[
                "outcomes",
                "skills",
                "responsibilities",
                "requirements",
                "experience",
                "qualifications",
                "competencies",
                "expectations",
                "behaviours",
                "behaviors",
                "duties",
            ],
        )
}
