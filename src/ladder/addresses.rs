//! Phases: the comparison pairs, every address of the site (`page-collision`,
//! `alias-collision`), the redirects of old addresses, and published addresses that are gone.

use super::draft::Draft;
use super::Redirect;
use crate::diagnostic::Diagnostics;
use crate::frontmatter::keys::{LevelKeys, PageKeys, PillarKeys, TrackKeys};
use crate::load::{Asset, Kind};
use crate::permalink;
use std::collections::BTreeSet;

/// Comparison pairs: every pair of one track with the lower rank first, then every declared
/// equivalent in both directions.
pub(super) fn comparisons(d: &mut Draft) {
    for t in &d.tracks {
        for (i, &a) in t.levels.iter().enumerate() {
            for &b in &t.levels[i + 1..] {
                d.comparisons.push((a, b));
            }
        }
    }
    for (a, l) in d.levels.iter().enumerate() {
        for &b in &l.equivalents {
            d.comparisons.push((a, b));
        }
    }
}

/// Every address a page or file has; then the free pages' and the levels' aliases, which must
/// not take one of them.
pub(super) fn claim(d: &mut Draft, assets: &[Asset], diags: &mut Diagnostics) {
    let owners = &mut d.owners;
    owners.insert(permalink::overview(), "the overview".into());
    owners.insert(permalink::compare_index(), "the comparison index".into());
    owners.insert(permalink::changes(), "the changes page".into());
    for t in &d.tracks {
        owners.insert(permalink::track(&t.id), format!("track `{}`", t.id));
    }
    for l in &d.levels {
        owners.insert(permalink::level(&l.id), format!("level `{}`", l.id));
    }
    for p in &d.pillars {
        owners.insert(permalink::pillar(&p.id), format!("pillar `{}`", p.id));
    }
    for &(a, b) in &d.comparisons {
        owners.insert(
            permalink::compare(&d.levels[a].id, &d.levels[b].id),
            "a comparison page".into(),
        );
    }
    for a in assets {
        owners.insert(
            a.content_path.clone(),
            format!("the file content/{}", a.content_path),
        );
    }
    for (doc, p) in &d.pages {
        if let Some(owner) = owners.get(&p.path) {
            diags.push(doc.source.error(
                "page-collision",
                0,
                format!("this page's address /{} is already {owner}", p.path),
                "move or rename the file: free pages live at their path under content/",
            ));
        } else {
            owners.insert(p.path.clone(), format!("the page {}", doc.source.path));
        }
    }
    for (i, dr) in d.level_docs.iter().enumerate() {
        let Kind::Level(LevelKeys { aliases, .. }) = &dr.doc.kind else {
            continue;
        };
        for a in aliases {
            let Some(path) = permalink::normalize_alias(&a.value) else {
                continue;
            };
            if let Some(owner) = owners.get(&path) {
                diags.push(dr.doc.source.error(
                    "alias-collision",
                    a.offset,
                    format!("the alias /{path} is already {owner}"),
                    "an alias must be an address no page has; remove it or pick the old address it replaces",
                ));
            } else {
                owners.insert(path, format!("an alias of level `{}`", d.levels[i].id));
            }
        }
    }
}

/// Redirects: the aliases of tracks, pillars and free pages (`bad-alias`,
/// `alias-collision`), a renamed level's comparisons at their old addresses, as its page
/// has, and published comparisons the ladder no longer makes of two levels it still has (see
/// [`unmade_comparisons`]).
pub(super) fn redirects(d: &mut Draft, diags: &mut Diagnostics) {
    for doc in d.documents {
        let (aliases, target, title) = match &doc.kind {
            Kind::Track(TrackKeys { aliases, title, .. }) => {
                (aliases, permalink::track(&doc.id), title)
            }
            Kind::Pillar(PillarKeys { aliases, title, .. }) => {
                (aliases, permalink::pillar(&doc.id), title)
            }
            Kind::Page(PageKeys { aliases, title, .. }) => (
                aliases,
                permalink::page(doc.content_path.trim_end_matches(".md")),
                title,
            ),
            _ => continue,
        };
        if !d.owners.contains_key(&target) {
            continue;
        }
        for a in aliases {
            let Some(path) = permalink::normalize_alias(&a.value) else {
                diags.push(doc.source.error(
                    "bad-alias",
                    a.offset,
                    format!("`{}` is not a path inside the site: an alias is an old path of the site, with no `..`, host, query, fragment or space", a.value),
                    format!("write an old address of this page, such as \"{target}\""),
                ));
                continue;
            };
            if let Some(owner) = d.owners.get(&path) {
                diags.push(doc.source.error(
                    "alias-collision",
                    a.offset,
                    format!("the alias /{path} is already {owner}"),
                    "an alias must be an address no page has; remove it or pick the old address it replaces",
                ));
            } else {
                d.owners
                    .insert(path.clone(), format!("an alias of /{target}"));
                d.redirects.push(Redirect {
                    path,
                    target: target.clone(),
                    title: title.clone(),
                });
            }
        }
    }

    let levels = &d.levels;
    for &(a, b) in &d.comparisons {
        let ids = |i: usize| {
            std::iter::once(levels[i].id.as_str())
                .chain(levels[i].former_ids())
                .collect::<Vec<_>>()
        };
        let target = permalink::compare(&levels[a].id, &levels[b].id);
        for x in ids(a) {
            for y in ids(b) {
                let path = permalink::compare(x, y);
                if path != target && !d.owners.contains_key(&path) {
                    d.owners
                        .insert(path.clone(), format!("an alias of /{target}"));
                    d.redirects.push(Redirect {
                        path,
                        target: target.clone(),
                        title: format!("{} and {}", levels[a].title, levels[b].title),
                    });
                }
            }
        }
    }
    unmade_comparisons(d);
}

/// Comparisons ladder.lock lists that the ladder no longer makes, of two levels it still has
/// (by their ids or former ones): an equivalent taken back, two ranks swapped, a level moved
/// to another track. A link to one was shared, and the two levels can still be read side by
/// side: it leads to the comparison the other way round where there is one, else to the
/// comparison index's view of the two (`compare/?a=<a>&b=<b>`, which the picker shows).
fn unmade_comparisons(d: &mut Draft) {
    let Some(lock) = d.published else {
        return;
    };
    let levels = &d.levels;
    let level_of = |id: &str| {
        levels
            .iter()
            .position(|l| l.id == id || l.former_ids().any(|f| f == id))
    };
    let unmade: Vec<&String> = (lock.pages.iter())
        .filter(|p| p.starts_with("compare/") && !d.owners.contains_key(*p))
        .collect();
    for page in unmade {
        let Some((x, y)) = page
            .strip_prefix("compare/")
            .and_then(|rest| rest.strip_suffix('/')?.split_once('/'))
        else {
            continue;
        };
        let (Some(a), Some(b)) = (level_of(x), level_of(y)) else {
            continue;
        };
        // A level taken into the other (its alias now names it): the comparison of the two
        // is that level's page.
        let target = if a == b {
            permalink::level(&levels[a].id)
        } else if d.comparisons.contains(&(b, a)) {
            permalink::compare(&levels[b].id, &levels[a].id)
        } else {
            format!(
                "{}?a={}&b={}",
                permalink::compare_index(),
                levels[a].id,
                levels[b].id
            )
        };
        d.owners.insert(
            page.clone(),
            format!("a comparison published before, now /{target}"),
        );
        d.redirects.push(Redirect {
            path: page.clone(),
            target,
            title: if a == b {
                levels[a].title.clone()
            } else {
                format!("{} and {}", levels[a].title, levels[b].title)
            },
        });
    }
}

/// Published pages that no address has any more, and published anchors no expectation has
/// (`lost-address`, `lost-anchor`: see [`crate::anchors::lost`]).
pub(super) fn lost_pages(d: &mut Draft) {
    let addresses: BTreeSet<String> = std::mem::take(&mut d.owners).into_keys().collect();
    let anchors = std::mem::take(&mut d.lost_anchors);
    let sources: std::collections::HashMap<&str, &crate::diagnostic::SourceFile> = d
        .documents
        .iter()
        .map(|doc| (doc.source.path.as_str(), &doc.source))
        .collect();
    let file_of = |path: &str| sources.get(path).copied();
    d.lost.extend(crate::anchors::lost(
        d.published,
        &addresses,
        &anchors,
        file_of,
    ));
}
