//! Review 42: inputs written to break this session's import rules (spans written with a
//! slash, lists of skills naming their levels, sections of pay under each level), each read
//! as meant after the fixes. The inputs are the reviewer's own, in invented topics.

mod common;
mod import_support;
use import_support::*;

fn r42(name: &str) -> std::path::PathBuf {
    fixture(&format!("review/r42/{name}"))
}

/// R42-01: a level whose name has a slash (`Snr/Lead`, `### Senior / Lead`) where no `Lead`
/// stands alone is a level of its own, not a span merged into `Snr`.
#[test]
fn a_level_named_with_a_slash_is_no_span_unless_its_parts_are_levels() {
    for (name, levels) in [
        (
            "r1-tagged-slash-title.md",
            ["jnr", "mid", "snr", "snr-lead"],
        ),
        (
            "r1-heading-slash-merge.md",
            ["junior", "senior", "senior-lead", "principal"],
        ),
    ] {
        let imp = import(&r42(name), &[]);
        assert_eq!(ranked_levels(&imp), levels, "{name}: {}", imp.summary);
        assert!(!imp.summary.contains("spans two levels"), "{}", imp.summary);
    }
}

/// R42-02: a pillar about pay work (a manager's `### Compensation`, `Runs the 2025–26 pay
/// review for the bakery's 14 bakers`; a payroll team's `### Pay`) stays a pillar: years,
/// dates and headcounts are no sums of money.
#[test]
fn a_pillar_about_pay_work_stays_a_pillar() {
    for (name, pillar, level) in [
        ("r3-comp-manager.md", "compensation", "bakery-manager"),
        ("r3-payroll-pay2.md", "pay", "payroll-officer"),
    ] {
        let imp = import(&r42(name), &[]);
        let pillars = content_ids(&imp.root.join("content/pillars"));
        assert!(pillars.contains(&pillar.to_string()), "{name}: {pillars:?}");
        assert!(
            !competency(&imp, level, pillar).is_empty(),
            "{name}: {}",
            imp.summary
        );
    }
}

/// R42-03..06: a list of levels whose `level` is a band, a site's menu and a course
/// catalogue are no lists of skills; one skill not placed yet leaves the others read, and
/// is said; names that differ only in case are one level.
#[test]
fn lists_that_are_no_skill_catalogues_are_read_as_before() {
    let imp = import(&r42("r2-levels-with-band.yml"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["deckhand", "senior-deckhand", "mate", "skipper"],
        "{}",
        imp.summary
    );
    let tmp = tempfile::tempdir().unwrap();
    for name in ["r2-menu.yml", "r2-courses.yml"] {
        let out = refused(&r42(name), &tmp.path().join(name));
        assert!(
            out.contains("holds no ladder that import knows"),
            "{name}: {out}"
        );
    }
    let imp = import(&r42("r2-menu-in-folder"), &[]);
    assert_eq!(ranked_levels(&imp), ["deckhand", "mate"], "{}", imp.summary);

    let imp = import(&r42("r2-one-empty.yml"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["apprentice", "baker", "head-baker"],
        "{}",
        imp.summary
    );
    assert!(
        imp.summary.contains(
            "1 entry names no level, so no level expects it: not imported (`Run a stall at the farmers' market`)"
        ),
        "{}",
        imp.summary
    );
    let imp = import(&r42("r2-case.yml"), &[]);
    assert_eq!(
        ranked_levels(&imp),
        ["foundation", "practitioner", "expert"],
        "{}",
        imp.summary
    );
}

/// R42-07, R42-09: a span written with a hyphen, a dash or `or` (`L2-L3`, `Mid–Snr`, `Mid -
/// Snr`, `Mid or Snr`) between two tags of the matrix turns it round as an arrow does, and
/// tags of two prefixes (`IC1` … `IC3`, `M1`) rank by prefix, then number.
#[test]
fn spans_written_with_dashes_and_codes_of_two_prefixes_turn_the_matrix() {
    for (name, levels, span) in [
        (
            "r1-span-hyphen-codes.md",
            &["l1", "l2", "l3"][..],
            Some("L2-L3"),
        ),
        (
            "r1-span-endash.md",
            &["jnr", "mid", "snr"][..],
            Some("Mid–Snr"),
        ),
        (
            "r1-span-spaced-hyphen.md",
            &["jnr", "mid", "snr"][..],
            Some("Mid - Snr"),
        ),
        (
            "r1-span-or.md",
            &["jnr", "mid", "snr"][..],
            Some("Mid or Snr"),
        ),
        (
            "r1-codes-two-prefixes.md",
            &["ic1", "ic2", "ic3", "m1"][..],
            None,
        ),
    ] {
        let imp = import(&r42(name), &[]);
        assert_eq!(ranked_levels(&imp), levels, "{name}: {}", imp.summary);
        assert_eq!(
            content_ids(&imp.root.join("content/pillars")),
            ["engines", "passengers", "seamanship"],
            "{name}"
        );
        if let Some(span) = span {
            assert!(
                imp.summary.contains(&format!("`{span}` spans two levels")),
                "{}",
                imp.summary
            );
        }
    }
}

/// R42-15: two lists of skills of the same file name in folders named differently
/// (`bread/skills.yml`, `pastry/skills.yml`) are two tracks, not "two versions of one
/// ladder"; beside each other as `skills.yml` and `skills-old.yml` they are.
#[test]
fn lists_named_alike_in_folders_named_differently_are_no_versions() {
    let yaml = std::fs::read_to_string(fixture("skill-list.yaml")).unwrap();
    for (files, versions) in [
        (["bread/skills.yml", "pastry/skills.yml"], false),
        (["skills.yml", "skills-old.yml"], true),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("data");
        for f in files {
            let p = src.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, &yaml).unwrap();
        }
        let imp = import(&src, &[]);
        assert_eq!(
            imp.summary.contains("two versions of one ladder?"),
            versions,
            "{files:?}: {}",
            imp.summary
        );
    }
}
