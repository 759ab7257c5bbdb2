//! The project's example ladder, built as a new user would build it, and read as a reader
//! would: every page in the contract's address table, every cell filled, every link working.

mod common;
use common::*;

const IC: [&str; 6] = [
    "engineer-1",
    "engineer-2",
    "senior-engineer",
    "staff-engineer",
    "senior-staff-engineer",
    "principal-engineer",
];
const MGMT: [&str; 4] = [
    "engineering-manager",
    "senior-engineering-manager",
    "director",
    "vp-engineering",
];
const PILLARS: [&str; 6] = [
    "craft",
    "delivery",
    "communication",
    "people",
    "strategy",
    "citizenship",
];

#[test]
fn every_address_of_the_contract_exists() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    for addr in [
        "",
        "tracks/ic/",
        "tracks/management/",
        "compare/",
        "how-to-read/",
        "promotions/",
        "404.html",
        "style.css",
    ] {
        page(&site, addr);
    }
    for l in IC.iter().chain(MGMT.iter()) {
        page(&site, &format!("levels/{l}/"));
    }
    for p in PILLARS {
        page(&site, &format!("pillars/{p}/"));
    }
    // Every pair of one track, lower first, and every declared equivalent both ways.
    for track in [&IC[..], &MGMT[..]] {
        for (i, a) in track.iter().enumerate() {
            for b in &track[i + 1..] {
                page(&site, &format!("compare/{a}/{b}/"));
                assert!(!site.join(format!("compare/{b}/{a}/index.html")).exists());
            }
        }
    }
    for (a, b) in [
        ("staff-engineer", "engineering-manager"),
        ("senior-staff-engineer", "senior-engineering-manager"),
        ("principal-engineer", "director"),
    ] {
        page(&site, &format!("compare/{a}/{b}/"));
        page(&site, &format!("compare/{b}/{a}/"));
    }
    // The alias redirects to the level that declared it.
    let alias = page(&site, "levels/ic3/");
    assert!(
        alias.contains("url=../../levels/senior-engineer/"),
        "{alias}"
    );
}

#[test]
fn a_level_page_reads_as_the_contract_says() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let html = page(&site, "levels/staff-engineer/");
    let text = words(&html);
    assert!(text.contains("staff engineer"));
    assert!(html.contains("<span class=\"code\">IC4</span>"));
    assert!(text.contains("individual contributor track"));
    // Pillar sections in pillar order, each with its anchor and visible permalink.
    let positions: Vec<usize> = PILLARS
        .iter()
        .map(|p| {
            html.find(&format!("<section class=\"pillar-section\" id=\"{p}\">"))
                .unwrap()
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "pillars out of order"
    );
    for p in PILLARS {
        assert!(html.contains(&format!("href=\"#{p}\"")));
        assert!(
            html.contains(&format!("<li id=\"{p}--1\">")),
            "expectation anchor for {p}"
        );
        assert!(
            html.contains(&format!("href=\"#{p}--1\"")),
            "visible permalink for {p}"
        );
        assert!(
            html.contains(&format!("href=\"../../pillars/{p}/")),
            "link to pillar page {p}"
        );
    }
    // Below, above, equivalents, comparisons.
    assert!(html.contains("href=\"../../levels/senior-engineer/\""));
    assert!(html.contains("href=\"../../levels/senior-staff-engineer/\""));
    assert!(html.contains("href=\"../../levels/engineering-manager/\""));
    assert!(html.contains("href=\"../../compare/staff-engineer/senior-staff-engineer/\""));
    assert!(html.contains("href=\"../../compare/staff-engineer/engineering-manager/\""));
    assert!(html.contains("href=\"../../compare/engineer-1/staff-engineer/\""));
    assert!(
        !text.contains("not defined yet"),
        "the example fills every cell"
    );
}

#[test]
fn every_cell_of_the_example_is_filled_with_three_to_six_expectations() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    for l in IC.iter().chain(MGMT.iter()) {
        let html = page(&site, &format!("levels/{l}/"));
        for p in PILLARS {
            let sec = section(&html, p, "class=\"pillar-section\"");
            let n = sec.matches("<li id=\"").count();
            assert!((3..=6).contains(&n), "{l} × {p} has {n} expectations");
        }
    }
}

#[test]
fn the_overview_aligns_equivalent_levels_on_one_row() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let html = page(&site, "");
    let row = html
        .split("<tr>")
        .find(|r| r.contains("levels/staff-engineer/"))
        .unwrap();
    assert!(row.contains("levels/engineering-manager/"), "{row}");
    let row = html
        .split("<tr>")
        .find(|r| r.contains("levels/engineer-1/"))
        .unwrap();
    assert!(!row.contains("levels/engineering-manager/"));
    // The example declares its equivalents, and the overview says what a row means.
    assert!(html.contains("levels on one row are equivalent in seniority"));
    assert!(!html.contains("overview-apart"), "{html}");
}

/// The overview's rows as the level ids on them, one `Vec` per row, left to right.
fn overview_rows(html: &str) -> Vec<Vec<String>> {
    let table = html.split("<table").nth(1).unwrap();
    let table = table.split("</table>").next().unwrap();
    table
        .split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("href=\"")
                .skip(1)
                .filter_map(|h| h.split('"').next())
                .filter_map(|h| h.trim_end_matches('/').rsplit_once("levels/"))
                .map(|(_, id)| id.to_string())
                .filter(|id| !id.contains('/'))
                .collect::<Vec<_>>()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// Sets `equivalent` of level `id` in the copied example (removing it with an empty list).
fn set_equivalent(d: &std::path::Path, id: &str, to: &[&str]) {
    let path = d.join(format!("content/levels/{id}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with("equivalent"))
        .map(str::to_string)
        .collect();
    if !to.is_empty() {
        let list: Vec<String> = to.iter().map(|t| format!("\"{t}\"")).collect();
        lines.insert(1, format!("equivalent = [{}]", list.join(", ")));
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// A level equivalent to two of another track (`equivalent` is a list): the overview put
/// every level on a row of its own, the declared pairs too, under "levels on one row are
/// equivalent" (author check 45 A45-01). The lower of the two shares its row; the rest of
/// the ladder keeps its rows.
#[test]
fn a_level_equivalent_to_two_shares_its_row_with_the_lower_and_the_rest_stay_aligned() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    set_equivalent(d, "principal-engineer", &["director", "vp-engineering"]);
    set_equivalent(d, "vp-engineering", &["principal-engineer"]);
    let check = ladderbook().arg("check").arg(d).output().unwrap();
    assert!(check.status.success());
    ladderbook().arg("build").arg(d).assert().success();
    let rows = overview_rows(&page(&d.join("book"), ""));
    let row = |id: &str| {
        rows.iter()
            .find(|r| r.iter().any(|l| l == id))
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("staff-engineer"),
        ["staff-engineer", "engineering-manager"],
        "{rows:?}"
    );
    assert_eq!(
        row("senior-staff-engineer"),
        ["senior-staff-engineer", "senior-engineering-manager"],
        "{rows:?}"
    );
    assert_eq!(
        row("principal-engineer"),
        ["principal-engineer", "director"],
        "{rows:?}"
    );
    assert_eq!(row("vp-engineering"), ["vp-engineering"], "{rows:?}");
    assert_eq!(rows.last().unwrap(), &["vp-engineering"], "{rows:?}");
    assert_eq!(rows.len(), 7, "{rows:?}");
}

/// A level equivalent to two of another track, with a level above it on its own track:
/// browser check 46 B46-01 found VP drawn above Principal Engineer when Director is
/// equivalent to Senior Staff and to Principal, as if VP were junior to it. The level above
/// comes after both rows.
#[test]
fn the_level_above_one_equivalent_to_two_comes_after_both_of_their_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    set_equivalent(
        d,
        "director",
        &["senior-staff-engineer", "principal-engineer"],
    );
    set_equivalent(d, "principal-engineer", &["director"]);
    set_equivalent(d, "senior-staff-engineer", &["director"]);
    set_equivalent(d, "senior-engineering-manager", &[]);
    ladderbook().arg("build").arg(d).assert().success();
    let rows = overview_rows(&page(&d.join("book"), ""));
    let at = |id: &str| rows.iter().position(|r| r.iter().any(|l| l == id)).unwrap();
    assert_eq!(
        rows[at("director")],
        ["senior-staff-engineer", "director"],
        "{rows:?}"
    );
    assert_eq!(at("principal-engineer"), at("director") + 1, "{rows:?}");
    assert!(at("vp-engineering") > at("principal-engineer"), "{rows:?}");
    assert!(
        at("senior-engineering-manager") < at("director"),
        "{rows:?}"
    );
    // Director stands beside both of its equivalents, one cell over their two rows, where the
    // second row said "no level" (B46-03).
    let html = page(&d.join("book"), "");
    assert!(
        html.contains("<td rowspan=\"2\"><a class=\"level-link\" href=\"levels/director/\">"),
        "{html}"
    );
    let principal_row = html
        .split("<tr>")
        .find(|r| r.contains("levels/principal-engineer/"))
        .unwrap();
    assert!(!principal_row.contains("no level"), "{principal_row}");
}

/// Two levels of two other tracks each equivalent to two levels of one track, overlapping
/// (Engineering Manager to Staff and Senior Staff, Lead Designer to Senior Staff and
/// Principal): each spans only the rows of its own equivalents (browser check 47 B47-01:
/// both spanned all three rows, claiming undeclared equivalences).
#[test]
fn overlapping_equivalents_of_three_tracks_span_only_their_own_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    std::fs::write(
        d.join("content/tracks/design.md"),
        "+++\ntitle = \"Design\"\norder = 3\n+++\n",
    )
    .unwrap();
    for (rank, id) in ["designer", "lead-designer"].iter().enumerate() {
        std::fs::write(
            d.join(format!("content/levels/{id}.md")),
            format!(
                "+++\ntitle = \"{id}\"\nrank = {}\ntrack = \"design\"\n+++\n",
                rank + 1
            ),
        )
        .unwrap();
    }
    for id in ["director", "senior-engineering-manager"] {
        set_equivalent(d, id, &[]);
    }
    set_equivalent(
        d,
        "engineering-manager",
        &["staff-engineer", "senior-staff-engineer"],
    );
    set_equivalent(d, "staff-engineer", &["engineering-manager"]);
    set_equivalent(
        d,
        "senior-staff-engineer",
        &["engineering-manager", "lead-designer"],
    );
    set_equivalent(
        d,
        "lead-designer",
        &["senior-staff-engineer", "principal-engineer"],
    );
    set_equivalent(d, "principal-engineer", &["lead-designer"]);
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(&d.join("book"), "");
    let row_of = |id: &str| {
        html.split("<tr>")
            .find(|r| r.contains(&format!("href=\"levels/{id}/\"")))
            .unwrap()
            .to_string()
    };
    let staff = row_of("staff-engineer");
    assert!(
        staff.contains(
            "<td rowspan=\"2\"><a class=\"level-link\" href=\"levels/engineering-manager/\">"
        ),
        "{staff}"
    );
    assert!(!staff.contains("levels/lead-designer/"), "{staff}");
    let senior_staff = row_of("senior-staff-engineer");
    assert!(
        senior_staff
            .contains("<td rowspan=\"2\"><a class=\"level-link\" href=\"levels/lead-designer/\">"),
        "{senior_staff}"
    );
    let principal = row_of("principal-engineer");
    assert!(
        !principal.contains("levels/engineering-manager/"),
        "{principal}"
    );
}

/// A level equivalent to two of another track that are not next to each other: `check` says
/// so, naming both (review 41 R41-16: it spoke of a crossing pair it could not name).
#[test]
fn a_level_equivalent_to_two_apart_is_said_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    set_equivalent(
        d,
        "engineering-manager",
        &["staff-engineer", "principal-engineer"],
    );
    set_equivalent(d, "principal-engineer", &["engineering-manager"]);
    for id in [
        "director",
        "senior-staff-engineer",
        "senior-engineering-manager",
    ] {
        set_equivalent(d, id, &[]);
    }
    let check = ladderbook().arg("check").arg(d).output().unwrap();
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        err.contains("`engineering-manager` is equivalent to both `staff-engineer` and `principal-engineer`, which are not next to each other on the ic track"),
        "{err}"
    );
    assert!(!err.contains("crosses them"), "{err}");
}

/// Two pairs of equivalents that cross (the higher level of one track beside the lower of
/// the other): the overview lost every row without a word (A45-01). The junior pair keeps
/// its row, the other pair is apart, and `check` says which pairs cross, at the line.
#[test]
fn crossed_equivalents_keep_the_junior_pair_aligned_and_check_names_both_pairs() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    set_equivalent(d, "staff-engineer", &["senior-engineering-manager"]);
    set_equivalent(d, "senior-engineering-manager", &["staff-engineer"]);
    set_equivalent(d, "senior-staff-engineer", &["engineering-manager"]);
    set_equivalent(d, "engineering-manager", &["senior-staff-engineer"]);
    let check = ladderbook().arg("check").arg(d).output().unwrap();
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        err.contains("content/levels/staff-engineer.md:2:14: warning: `staff-engineer` and `senior-engineering-manager` are equivalent, but another pair of the ic and management tracks crosses them (`senior-staff-engineer` is equivalent to `engineering-manager`)"),
        "{err}"
    );
    ladderbook().arg("build").arg(d).assert().success();
    let rows = overview_rows(&page(&d.join("book"), ""));
    let row = |id: &str| {
        rows.iter()
            .find(|r| r.iter().any(|l| l == id))
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("senior-staff-engineer"),
        ["senior-staff-engineer", "engineering-manager"],
        "{rows:?}"
    );
    assert_eq!(
        row("principal-engineer"),
        ["principal-engineer", "director"],
        "{rows:?}"
    );
    assert_eq!(row("staff-engineer"), ["staff-engineer"], "{rows:?}");
    assert_eq!(
        row("senior-engineering-manager"),
        ["senior-engineering-manager"],
        "{rows:?}"
    );
}

/// Equivalents across three tracks that join two levels of one track through others
/// (Staff Engineer ≡ Engineering Manager and Lead Designer, Lead Designer ≡ Senior
/// Engineering Manager ≡ Senior Staff Engineer): `check` names the chain, once (author check 48 A48-04, browser check 47
/// B47-01 T4: no word, and the overview drew Staff Engineer beside Senior Engineering
/// Manager). A level declared equivalent to two that it spans (Senior Staff Engineer to
/// Senior Engineering Manager and Director) is no contradiction.
#[test]
fn equivalents_that_chain_two_levels_of_one_track_are_named_by_check() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    let c = d.join("content");
    std::fs::write(
        c.join("tracks/design.md"),
        "+++\ntitle = \"Design\"\norder = 3\n+++\n",
    )
    .unwrap();
    std::fs::write(
        c.join("levels/lead-designer.md"),
        "+++\ntitle = \"Lead Designer\"\nrank = 1\ntrack = \"design\"\n+++\n",
    )
    .unwrap();
    set_equivalent(
        d,
        "staff-engineer",
        &["engineering-manager", "lead-designer"],
    );
    set_equivalent(
        d,
        "lead-designer",
        &["staff-engineer", "senior-engineering-manager"],
    );
    set_equivalent(
        d,
        "senior-engineering-manager",
        &["senior-staff-engineer", "lead-designer"],
    );
    let check = ladderbook().arg("check").arg(d).output().unwrap();
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        err.contains("content/levels/staff-engineer.md:2:14: warning: `staff-engineer` and `senior-staff-engineer` of the ic track are joined by equivalents (`staff-engineer` ≡ `lead-designer` ≡ `senior-engineering-manager` ≡ `senior-staff-engineer`), and no level is equivalent to both"),
        "{err}"
    );
    assert_eq!(err.matches("are joined by equivalents").count(), 1, "{err}");

    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    set_equivalent(
        d,
        "senior-staff-engineer",
        &["senior-engineering-manager", "director"],
    );
    set_equivalent(
        d,
        "director",
        &["senior-staff-engineer", "principal-engineer"],
    );
    let check = ladderbook().arg("check").arg(d).output().unwrap();
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(!err.contains("joined by equivalents"), "{err}");
}

#[test]
fn an_overview_template_of_either_generation_gets_every_level() {
    // Themes copied before tracks could be apart loop over `rows`; later ones over
    // `aligned_rows`. Both hold every level when no track is apart.
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    std::fs::create_dir_all(d.join("templates")).unwrap();
    std::fs::write(
        d.join("templates/index.html"),
        "{% extends \"base.html\" %}{% block main %}\
         {% for row in rows %}{% for c in row %}{% if c %}<i>{{ c.id }}</i>{% endif %}{% endfor %}{% endfor %}\
         {% for t in aligned_tracks %}<u>{{ t.id }}</u>{% endfor %}\
         {% for row in aligned_rows %}{% for c in row %}{% if c %}<b>{{ c.id }}</b>{% endif %}{% endfor %}{% endfor %}\
         {% endblock main %}",
    )
    .unwrap();
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(&d.join("book"), "");
    let levels = IC.len() + MGMT.len();
    assert_eq!(html.matches("<i>").count(), levels, "{html}");
    assert_eq!(html.matches("<b>").count(), levels, "{html}");
    assert_eq!(html.matches("<u>").count(), 2, "{html}");
}

#[test]
fn a_track_with_no_equivalents_has_a_table_of_its_own_and_an_empty_track_none() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    copy_ladder(&repo(), d);
    let c = d.join("content");
    std::fs::write(
        c.join("tracks/data.md"),
        "+++\ntitle = \"Data\"\norder = 3\n+++\n",
    )
    .unwrap();
    std::fs::write(
        c.join("tracks/legacy.md"),
        "+++\ntitle = \"Legacy\"\norder = 4\n+++\n",
    )
    .unwrap();
    for (id, rank) in [("legacy-1", 1), ("legacy-2", 2)] {
        std::fs::write(
            c.join(format!("levels/{id}.md")),
            format!("+++\ntitle = \"Legacy {rank}\"\nrank = {rank}\ntrack = \"legacy\"\n+++\n"),
        )
        .unwrap();
    }
    ladderbook().arg("build").arg(d).assert().success();
    let html = page(&d.join("book"), "");
    assert_eq!(
        html.matches("<table class=\"overview overview-apart\">")
            .count(),
        1,
        "{html}"
    );
    let apart = html.split("overview-apart").nth(1).unwrap();
    assert!(
        apart.contains("levels/legacy-1/") && apart.contains("levels/legacy-2/"),
        "{apart}"
    );
    assert!(
        words(&html)
            .contains("legacy declares no equivalent levels so it has a table of its own below"),
        "{html}"
    );
    assert!(!words(&html).contains("data declares"), "{html}");
}

#[test]
fn every_internal_link_and_anchor_resolves_and_is_relative() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let broken = broken_links(&site);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    // Cross-file links in the content were rewritten to addresses.
    let read = page(&site, "how-to-read/");
    assert!(
        read.contains("href=\"../levels/director/#strategy\""),
        "links keep their anchor"
    );
    assert!(read.contains("href=\"../pillars/craft/#staff-engineer\""));
    assert!(!read.contains(".md\""), "no link to a .md file is left");
}

#[test]
fn the_site_makes_no_external_requests() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    for e in walkdir::WalkDir::new(&site).into_iter().map(|e| e.unwrap()) {
        if e.path()
            .extension()
            .is_some_and(|x| x == "html" || x == "css")
        {
            let text = std::fs::read_to_string(e.path()).unwrap();
            // The only scripts are the theme's own: the picker, an enhancement of a plain
            // form, print.js, which adds the address and date to a printed page, menu.js,
            // which keeps a focused menu entry in view, not-found.js, which takes a comparison's address written the wrong way round
            // on to its page, and an alias page's one line that keeps the #fragment when it
            // redirects.
            for (i, _) in text.match_indices("<script") {
                let tag = &text[i..i + text[i..].find('>').unwrap()];
                let inline = &text[i..i + text[i..].find("</script>").unwrap()];
                assert!(
                    (tag.contains("picker.js\"")
                        || tag.contains("print.js\"")
                        || tag.contains("menu.js\"")
                        || tag.contains("not-found.js\"")
                        || (tag == "<script"
                            && inline.contains("location.replace(")
                            && !inline.contains("//")))
                        && !tag.contains("//"),
                    "{}: {tag}",
                    e.path().display()
                );
            }
            assert!(
                !text.contains("src=\"http")
                    && !text.contains("href=\"http")
                    && !text.contains("@import"),
                "{}",
                e.path().display()
            );
        }
    }
}

#[test]
fn a_ladder_template_overrides_the_theme_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), tmp.path());
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/page.html"),
        "<p>custom {{ title }}</p>",
    )
    .unwrap();
    std::fs::create_dir_all(tmp.path().join("static")).unwrap();
    std::fs::write(tmp.path().join("static/style.css"), "body{}").unwrap();
    ladderbook().arg("build").arg(tmp.path()).assert().success();
    let site = tmp.path().join("book");
    assert_eq!(
        page(&site, "promotions/"),
        "<p>custom How promotions work</p>"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("style.css")).unwrap(),
        "body{}"
    );
    // Other pages keep the default theme.
    assert!(page(&site, "levels/director/").contains("class=\"pillar-section\""));
}

/// The menu marks the section a page belongs to (browser check 25 L6): a level page its
/// track's entry, a comparison "Compare levels", with `aria-current="true"` (the current item
/// of a set); the page the menu links to itself keeps `aria-current="page"`.
#[test]
fn the_menu_marks_the_section_of_a_level_or_comparison_page() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let menu = |path: &str| {
        let html = page(&site, path);
        let start = html
            .find("<nav class=\"site-nav\"")
            .expect("the site's menu");
        let end = start + html[start..].find("</nav>").unwrap();
        html[start..end].to_string()
    };
    let marked = |menu: &str| -> Vec<String> {
        menu.split("<li>")
            .filter(|li| li.contains("aria-current"))
            .map(|li| li[..li.find("</li>").unwrap_or(li.len())].to_string())
            .collect()
    };
    let level = marked(&menu("levels/senior-engineer/"));
    assert_eq!(level.len(), 1, "{level:?}");
    assert!(
        level[0].contains("href=\"../../tracks/ic/\" aria-current=\"true\""),
        "{level:?}"
    );
    let manager = marked(&menu("levels/director/"));
    assert!(
        manager[0].contains("tracks/management/\" aria-current=\"true\""),
        "{manager:?}"
    );
    let compare = marked(&menu("compare/engineer-2/senior-engineer/"));
    assert_eq!(compare.len(), 1, "{compare:?}");
    assert!(
        compare[0].contains("compare/\" aria-current=\"true\">Compare levels"),
        "{compare:?}"
    );
    let track = marked(&menu("tracks/ic/"));
    assert!(track[0].contains("aria-current=\"page\""), "{track:?}");
}

/// Names the ladder itself gives, read where they are shown (browser check 26 L2, L4): a
/// track titled `… Track` is not called "… Track track", and two levels of a track with
/// one title are told apart on the comparison index as they are in the picker.
#[test]
fn track_and_level_names_read_once_and_apart() {
    let (_tmp, site) = build_edited_example(&[
        (
            "content/tracks/management.md",
            "title = \"Management\"",
            "title = \"Manager Track\"",
        ),
        (
            "content/levels/engineer-2.md",
            "title = \"Engineer II\"",
            "title = \"Engineer I\"",
        ),
    ]);
    let level = page(&site, "levels/director/");
    assert!(level.contains("Manager Track</a> · "), "{level}");
    assert!(!level.contains("Manager Track</a> track"), "{level}");
    let ic = page(&site, "levels/staff-engineer/");
    assert!(ic.contains("Individual contributor</a> track · "), "{ic}");
    let index = page(&site, "compare/");
    assert!(
        index.contains("<span class=\"pair-from\">Engineer I (IC1)</span>"),
        "{index}"
    );
    assert!(index.contains(">Engineer I (IC2)</a>"), "{index}");
    assert!(!index.contains(">Engineer I</a>"), "{index}");
}

/// Two levels of a track with one title and no code to tell them apart are told apart by
/// their ranks on the pillar, track and overview pages too, as on the comparison index and
/// in the picker (browser check 27 L6: inDrive's two "Principal I Engineer" sections of a
/// pillar page read the same).
#[test]
fn two_levels_of_one_title_read_apart_on_every_page_that_lists_them() {
    let (_tmp, site) = build_edited_example(&[
        (
            "content/levels/engineer-2.md",
            "title = \"Engineer II\"",
            "title = \"Engineer I\"",
        ),
        ("content/levels/engineer-2.md", "code = \"IC2\"\n", ""),
        ("content/levels/engineer-1.md", "code = \"IC1\"\n", ""),
    ]);
    for page_path in ["pillars/craft/", "tracks/ic/", ""] {
        let html = page(&site, page_path);
        assert!(
            html.contains(">Engineer I (rank 1)</a>"),
            "{page_path}: {html}"
        );
        assert!(
            html.contains(">Engineer I (rank 2)</a>"),
            "{page_path}: {html}"
        );
    }
    // A level with a code shows the code beside its title, not in it.
    let html = page(&site, "pillars/craft/");
    assert!(
        html.contains(">Senior Engineer</a> <span class=\"code\">IC3</span>"),
        "{html}"
    );
}

#[test]
fn a_level_pages_picker_offers_the_next_level_or_at_the_top_the_one_below() {
    // Browser check 34 L2: at the top of a track nothing was selected, so "To" showed the
    // first option, a new graduate on another track.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    let to = |path: &str| -> String {
        let html = page(&site, path);
        let select = &html[html.find("<select name=\"b\">").expect(path)..];
        let select = &select[..select.find("</select>").unwrap()];
        let at = select
            .find(" selected>")
            .unwrap_or_else(|| panic!("{path}: none selected"));
        let value = &select[..at];
        value[value.rfind("value=\"").unwrap() + 7..value.len() - 1].to_string()
    };
    assert_eq!(to("levels/senior-engineer/"), "staff-engineer");
    assert_eq!(to("levels/principal-engineer/"), "senior-staff-engineer");
    assert_eq!(to("levels/vp-engineering/"), "director");
}

#[test]
fn the_menu_folds_tracks_whose_titles_would_not_fit_in_it() {
    // Browser check 35 B35-02: five tracks of long titles made a menu of six rows; the
    // menu folded only past six tracks.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_example(&site);
    assert!(!page(&site, "").contains("class=\"nav-tracks\""));
    let ladder = tmp.path().join("long");
    copy_ladder(&repo(), &ladder);
    let track = ladder.join("content/tracks/ic.md");
    let text = std::fs::read_to_string(&track).unwrap();
    let long = "Individual contributor engineering career development framework for the product, platform, data and infrastructure teams";
    std::fs::write(
        &track,
        text.replacen(
            "title = \"Individual contributor\"",
            &format!("title = \"{long}\""),
            1,
        ),
    )
    .unwrap();
    ladderbook().arg("build").arg(&ladder).assert().success();
    let html = page(&ladder.join("book"), "");
    assert!(html.contains("class=\"nav-tracks\""), "{html}");
    assert!(html.contains(long));
}

#[test]
fn the_menu_leaves_guides_of_long_titles_to_the_overview() {
    // Browser check 35 B35-02: with the tracks folded, eight free pages of long titles
    // still made a menu of four rows over every page.
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("long");
    copy_ladder(&repo(), &ladder);
    let guide = ladder.join("content/promotions.md");
    let text = std::fs::read_to_string(&guide).unwrap();
    let long = "How promotions work at Fernhill, from the first growth conversation to calibration and the decision";
    std::fs::write(
        &guide,
        text.replacen(
            "title = \"How promotions work\"",
            &format!("title = \"{long}\""),
            1,
        ),
    )
    .unwrap();
    ladderbook().arg("build").arg(&ladder).assert().success();
    let html = page(&ladder.join("book"), "levels/senior-engineer/");
    let menu = &html[html.find("<nav class=\"site-nav\"").unwrap()..];
    let menu = &menu[..menu.find("</nav>").unwrap()];
    assert!(!menu.contains(long), "{menu}");
    assert!(menu.contains(">All 2 guides</a>"), "{menu}");
    assert!(page(&ladder.join("book"), "").contains(long));
}

#[test]
fn the_menu_keeps_to_one_row_with_tracks_and_guides_together() {
    // Browser check 36 B36-07, B36-08: tracks and guides each under their limits, but not
    // together, put the last guide on a second row over every page (jorgef's four tracks
    // and three guides); and on a guide left to the overview, no entry said where one was.
    let tmp = tempfile::tempdir().unwrap();
    let ladder = tmp.path().join("ladder");
    copy_ladder(&repo(), &ladder);
    let title = "On-call, incidents and the weekly rota at Fernhill";
    std::fs::write(
        ladder.join("content/on-call.md"),
        format!("+++\ntitle = \"{title}\"\n+++\n\nWho is on call, and how a week of it goes.\n"),
    )
    .unwrap();
    ladderbook().arg("build").arg(&ladder).assert().success();
    let menu = |path: &str| {
        let html = page(&ladder.join("book"), path);
        let menu = &html[html.find("<nav class=\"site-nav\"").unwrap()..];
        menu[..menu.find("</nav>").unwrap()].to_string()
    };
    let overview = menu("");
    assert!(
        !overview.contains(title) && !overview.contains(">How promotions work<"),
        "{overview}"
    );
    assert!(overview.contains(">All 3 guides</a>"), "{overview}");
    // The tracks still fit beside it.
    assert!(
        overview.contains(">Individual contributor</a>"),
        "{overview}"
    );
    let guide = menu("on-call/");
    assert!(
        guide.contains("#guides\" aria-current=\"true\">All 3 guides</a>"),
        "{guide}"
    );
    assert!(!menu("levels/senior-engineer/").contains("guides\" aria-current"));
}
