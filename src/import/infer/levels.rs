//! Which sections of a document are its levels: those whose pillars recur (see
//! [`super::sharing`]), joined by their siblings written alike; failing that, sibling
//! sections titled as levels with no pillars, whose lists are their expectations.

use super::*;

/// Whether `title`'s code is the next of the codes of `levels` (`P4` after `P1` … `P3`,
/// `IC6 - Senior Staff` after `IC5`): the same letters, the number after the highest, and
/// nothing after the code but a level's name. Such a level is one whether or not its
/// expectations are written yet (Sourcegraph's IC6: "We haven't yet finalized the
/// description of this level"); `## Q4 Goals` after `## Q3 …` is a list of goals.
pub(super) fn next_code(title: &str, levels: impl Iterator<Item = String>) -> bool {
    // A code (`P4`), or a level word and number (`Level 8: Principal Analyst`, whose number
    // is the code's).
    let code = |t: &str| {
        let parsed = ids::parse_level_title(t);
        let coded = parsed
            .code
            .as_deref()
            .and_then(ids::parse_code)
            .map(|(code, n)| {
                let letters: String = code.chars().take_while(char::is_ascii_alphabetic).collect();
                (letters, n.sort_key().0)
            });
        // The name is what follows the number (`Head Baker`; `Appendix` in `Level 3
        // Appendix`, which names no level).
        let numbered = || {
            let words = ids::title_key(t);
            let level_word = ["level ", "lvl ", "grade ", "band "]
                .iter()
                .find(|w| words.starts_with(*w))?;
            let n = parsed.number?;
            let digits = t.find(|c: char| c.is_ascii_digit())?;
            let name = t[digits..]
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim_start_matches([':', '-', '–', '—', ' '])
                .to_string();
            Some((level_word.trim().to_string(), n.sort_key().0, name))
        };
        coded
            .map(|(letters, n)| (letters, n, parsed.title.clone()))
            .or_else(numbered)
    };
    let Some((letters, n, name)) = code(title) else {
        return false;
    };
    if !(name.trim().is_empty() || level_like(&name)) {
        return false;
    }
    let mut highest = None;
    for level in levels {
        match code(&level) {
            Some((l, m, _)) if l == letters && m < n => highest = highest.max(Some(m)),
            _ => return false,
        }
    }
    highest.is_some_and(|m| m + 1 == n)
}

/// The levels of a document: first, the depth where the most sections of one shape share
/// pillar names with another (at least two), joined by their siblings of that shape whose
/// pillars are their own; failing that, at least two sibling sections with level-like
/// titles and no pillars, whose lists or paragraphs are their expectations. None in an
/// architecture decision record.
pub(in crate::import) fn find_levels(d: &Doc) -> Option<Found> {
    // A decision record's sections (`## Context`, `## Decision`, sharing bold labels) are no
    // levels.
    if (0..d.secs.len()).any(|s| d.secs[s].heading.is_some() && decision_record(d, s)) {
        return None;
    }
    if let Some(levels) = levels_sharing_pillars(d) {
        let kind = shape(d, levels[0]).map(Shape::kind);
        let parents: Vec<Option<usize>> = levels.iter().map(|&l| d.secs[l].parent).collect();
        let depth = d.secs[levels[0]].level;
        let mut own_pillars = Vec::new();
        let mut without_pillars = Vec::new();
        let mut all = levels.clone();
        for s in 1..d.secs.len() {
            if d.secs[s].level != depth || all.contains(&s) || !parents.contains(&d.secs[s].parent)
            {
                continue;
            }
            let title = heading_text(d, s);
            if describes(d, s) {
                continue;
            }
            // A level's title over text or a plain list alone, before the last level (a
            // junior level that only says its grade, as GitLab's job families write `###
            // Associate …`; a trainee's plain bullets before levels with labelled ones), where
            // the levels around it are titled as levels too.
            if shape(d, s).is_none()
                && d.secs[s].children.is_empty()
                && has_text(d, s)
                && level_like(&title)
                && {
                    let beside: Vec<usize> = levels
                        .iter()
                        .copied()
                        .filter(|&l| d.secs[l].parent == d.secs[s].parent)
                        .collect();
                    // The same role as theirs, by a word that is no word of seniority
                    // (`Associate Line Cook` beside `Senior Line Cook`, `Library Trainee`
                    // beside `Library Junior`), not a heading with a role's word in it
                    // (`Staff Meals` beside `Staff Engineer`).
                    let words = |t: &str| -> Vec<String> {
                        let small = ["of", "to", "in", "at", "on", "and", "the", "de", "da", "do"];
                        ids::role_words(t)
                            .into_iter()
                            .filter(|w| w.len() >= 2 && !small.contains(&w.as_str()))
                            .collect()
                    };
                    let own = words(&title);
                    // The document's first heading, placing no one, before them all, that
                    // names their role in the plural (`# Oven Engineers` over `# L1 - Oven
                    // Engineer`): the document's title.
                    let last_word =
                        |t: &str| t.split_whitespace().last().unwrap_or("").to_lowercase();
                    // Their role's word, or any role's (`Product Engineers` over `IC -
                    // Product Owner`), with an `s`.
                    let named = last_word(&title);
                    let singular = named.strip_suffix('s').filter(|s| !s.ends_with('s'));
                    let plural = singular.is_some_and(crate::import::titles::role_word)
                        || levels.iter().any(|&l| {
                            let role =
                                last_word(&ids::parse_level_title(&heading_text(d, l)).title);
                            !role.is_empty()
                                && (named == format!("{role}s") || named == format!("{role}es"))
                        });
                    let family = plural
                        && levels.iter().all(|&l| s < l)
                        && (1..s).all(|o| d.secs[o].heading.is_none())
                        && !crate::import::titles::ranks(&title);
                    !family
                        && (next_code(
                            &title,
                            // With the levels taken so already (`B4` before `B5`).
                            all.iter()
                                .filter(|&&l| d.secs[l].parent == d.secs[s].parent)
                                .map(|&l| heading_text(d, l)),
                        ) || beside.last().is_some_and(|&last| s < last)
                            && beside.iter().all(|&l| level_like(&heading_text(d, l)))
                            && beside.iter().any(|&l| {
                                words(&heading_text(d, l)).iter().any(|w| own.contains(w))
                            }))
                }
            {
                without_pillars.push(s);
                all.push(s);
                continue;
            }
            // A level-like title with pillars written another way (bold labels beside
            // levels with sub-headings) is a level too. One that compares two (`## Senior
            // Engineer vs Tech Lead`, `## Management vs. IC`) is none, whatever it shares.
            if compares(&title) {
                continue;
            }
            let Some(sh) = shape(d, s).filter(|&sh| Some(sh.kind()) == kind || level_like(&title))
            else {
                continue;
            };
            let n = keys(d, s, sh).len();
            let with_lists = match sh {
                Shape::Headings => heading_pillars(d, s, &HashMap::new()).len(),
                _ => n,
            };
            // Between two levels, a section written like them is a level; after or before
            // them (where a FAQ or a how-to sits), its title must also read as a level.
            let between = s > levels[0] && s < levels[levels.len() - 1];
            if with_lists >= 1 && (between || level_like(&title)) {
                own_pillars.push(s);
                all.push(s);
            }
        }
        all.sort();
        return Some(Found {
            levels: all,
            own_pillars,
            plain: false,
            without_pillars,
            by_shape: Vec::new(),
        });
    }
    if is_index(d) {
        return None;
    }
    let mut groups: Vec<(usize, Vec<usize>, Vec<usize>)> = Vec::new();
    for s in 0..d.secs.len() {
        // Under one role's `## Success Outcomes`, a role word makes no level (`### Executive
        // Leadership` is an area); a code, a number or a word of seniority still does (`##
        // Expectations` over `### Junior Engineer`).
        // Under a question about what one role does, its work's parts (`### Rota Planner`).
        let areas = d.secs[s].heading.is_some() && {
            let t = heading_text(d, s);
            role_section(&t) || crate::import::titles::asks_what_one_does(&t)
        };
        let parallel = parallel_lists(d, s);
        let mut like: Vec<usize> = d.secs[s]
            .children
            .iter()
            .copied()
            .filter(|&c| {
                let t = heading_text(d, c);
                plain(d, c)
                    && (level_like(&t) || parallel.contains(&c))
                    && (!areas || crate::import::titles::ranks(&t))
            })
            .collect();
        // Levels titled by codes (`IC1` … `IC5`): a title without one before or after them
        // (`Successful engineers at Sourcegraph`) is not one of them.
        let coded: Vec<usize> = like
            .iter()
            .copied()
            .filter(|&c| ids::parse_level_title(&heading_text(d, c)).code.is_some())
            .collect();
        // Codes whose letters all differ (`Craftsmanship (C3)`, `Impact (I2)`) grade the
        // competency areas of one level, where one track's levels share their letters (`L1`,
        // `L2`): those sections are no levels, unless their titles name a role as well.
        let letters: HashSet<String> = coded
            .iter()
            .filter_map(|&c| ids::parse_level_title(&heading_text(d, c)).code)
            .map(|code| ids::code_prefix(&code))
            .collect();
        let grades = coded.len() >= 2
            && letters.len() == coded.len()
            && coded
                .iter()
                .all(|&c| !names_role(&ids::parse_level_title(&heading_text(d, c)).title));
        if grades {
            like.retain(|c| !coded.contains(c));
        } else if let (Some(&a), Some(&z)) = (coded.first(), coded.last()) {
            if coded.len() >= 2 {
                like.retain(|&c| c >= a && c <= z);
            }
        }
        // A section written like them between two of them is a level too (`Journeyman`
        // between `Apprentice` and `Master`).
        let kids: Vec<usize> = match (like.first(), like.last()) {
            (Some(&a), Some(&z)) if like.len() >= 2 => d.secs[s]
                .children
                .iter()
                .copied()
                .filter(|&c| {
                    like.contains(&c) || (c > a && c < z && plain(d, c) && !describes(d, c))
                })
                .collect(),
            _ => like,
        };
        let (kids, by_shape) = with_first_levels(d, s, kids);
        // Sections written like them but titled otherwise before them, as many or more, make
        // them a few entries of a list that is not of levels (`#### Product Design`, `####
        // QA`, `#### Product Owner`, `#### Project Manager`: career paths of other functions);
        // after them they are the ladder's other topics (`## Promotions`).
        let others = d.secs[s]
            .children
            .iter()
            .filter(|&&c| kids.first().is_some_and(|&a| c < a) && plain(d, c) && !describes(d, c))
            .count();
        let listed = others >= kids.len() && coded.len() < 2;
        if kids.len() >= 2 && !listed {
            groups.push((s, kids, by_shape));
        }
    }
    let (levels, by_shape) = tracks_of_plain_levels(d, groups)?;
    Some(Found {
        levels,
        own_pillars: Vec::new(),
        plain: true,
        without_pillars: Vec::new(),
        by_shape,
    })
}

/// Of the groups of plain levels (`(section, its levels, those taken by shape)`), the one
/// with the most levels, joined by the groups under headings beside its own (`##
/// Individual Contributor` and `## Management`, each over `###` levels): one track each.
/// Returns the levels and those taken by shape, in source order.
fn tracks_of_plain_levels(
    d: &Doc,
    groups: Vec<(usize, Vec<usize>, Vec<usize>)>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut best: Option<&(usize, Vec<usize>, Vec<usize>)> = None;
    for g in &groups {
        if best.is_none_or(|b| g.1.len() > b.1.len()) {
            best = Some(g);
        }
    }
    let &(b, _, _) = best?;
    let beside = |s: usize| {
        s == b
            || d.secs[b].heading.is_some()
                && d.secs[s].heading.is_some()
                && d.secs[s].parent == d.secs[b].parent
                && d.secs[s].level == d.secs[b].level
    };
    // Notes on the same levels under a heading beside them (`## Worked examples` over `###
    // Junior Baker`) are no track of their own.
    let titles = |kids: &[usize]| -> HashSet<String> {
        kids.iter()
            .map(|&k| ids::title_key(&heading_text(d, k)))
            .collect()
    };
    let own = titles(&best?.1);
    let apart = |g: &(usize, Vec<usize>, Vec<usize>)| g.0 == b || titles(&g.1).is_disjoint(&own);
    let (mut levels, mut by_shape) = (Vec::new(), Vec::new());
    for (_, kids, shaped) in groups.into_iter().filter(|g| beside(g.0) && apart(g)) {
        levels.extend(kids);
        by_shape.extend(shaped);
    }
    levels.sort_unstable();
    Some((levels, by_shape))
}

/// The sub-sections of `s` written alike as levels are, whatever their titles: two or more
/// side by side, each holding a list and, under it, the same reading list (`## Starting out`
/// / `### Guides`, `## More advanced` / `### Guides`: GOV.UK's career path).
fn parallel_lists(d: &Doc, s: usize) -> Vec<usize> {
    let reading = |c: usize| -> Vec<String> {
        if !has_list(d, c) {
            return Vec::new();
        }
        d.secs[c]
            .children
            .iter()
            .filter(|&&g| has_text(d, g) && describes(d, g))
            .map(|&g| ids::title_key(&heading_text(d, g)))
            .collect()
    };
    let kids = &d.secs[s].children;
    let mut best: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < kids.len() {
        for key in reading(kids[i]) {
            let run: Vec<usize> = kids[i..]
                .iter()
                .copied()
                .take_while(|&c| reading(c).contains(&key))
                .collect();
            if run.len() >= 2 && run.len() > best.len() {
                best = run;
            }
        }
        i += 1;
    }
    best
}

/// `kids`, the sub-sections of `s` found to be levels, with the run of sections right
/// before them whose titles name no level but whose lists have a labelled line that every
/// level's list has too (`## Customer Support` over bullets that end, as every level's below
/// it do, `Salary.com role name for base salary: …`): a track's first levels, titled by the
/// job alone. Two levels at least are needed to tell a line of the ladder's from a line of
/// one level's; a title that reads as a topic (`How pay works`) is none.
/// Returns the levels, and those taken so.
fn with_first_levels(d: &Doc, s: usize, kids: Vec<usize>) -> (Vec<usize>, Vec<usize>) {
    let (Some(&first), true) = (kids.first(), kids.len() >= 2) else {
        return (kids, Vec::new());
    };
    let mut common = item_labels(d, first);
    for &k in &kids[1..] {
        let own = item_labels(d, k);
        common.retain(|o| own.contains(o));
    }
    if common.is_empty() {
        return (kids, Vec::new());
    }
    let topic = |c: usize| {
        let t = heading_text(d, c).to_lowercase();
        let first = t.split_whitespace().next().unwrap_or("");
        t.split_whitespace().count() > 4
            || opens_as_question(&t)
            || ["before", "about", "our"].contains(&first)
    };
    let siblings = &d.secs[s].children;
    let at = siblings.iter().position(|&c| c == first).unwrap_or(0);
    let before: Vec<usize> = siblings[..at]
        .iter()
        .rev()
        .copied()
        .take_while(|&c| {
            plain(d, c)
                && has_list(d, c)
                && !describes(d, c)
                && !topic(c)
                && item_labels(d, c).iter().any(|o| common.contains(o))
        })
        .collect();
    let before: Vec<usize> = before.into_iter().rev().collect();
    (before.iter().copied().chain(kids).collect(), before)
}

/// The labels of the items of section `s`'s own lists that read as fields, lowercased: the
/// text before a colon on the item's first line, of one to eight words (`salary.com role
/// name for base salary`, `pay band`).
fn item_labels(d: &Doc, s: usize) -> HashSet<String> {
    let text = &d.src.text;
    let mut out = HashSet::new();
    for &b in &d.secs[s].own {
        let Kind::List { items } = &d.blocks[b].kind else {
            continue;
        };
        if d.blocks[b].region {
            continue;
        }
        for it in items {
            let line = item_first_line(text, it.start, it.first_end);
            let Some((label, value)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<String> = label
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .collect();
            if (1..=8).contains(&words.len()) && !value.trim().is_empty() {
                out.insert(words.join(" "));
            }
        }
    }
    out
}
