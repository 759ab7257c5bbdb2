use super::*;

fn cell<'a>(pillar: &'a str, texts: &[&'a str]) -> Cell<'a> {
    Cell {
        level: "e1",
        pillar,
        texts: texts.to_vec(),
        source: "content/competencies/e1/craft.md",
        former: Vec::new(),
    }
}

fn lock_of(cells: &[Cell], anchors: &[Vec<Anchor>]) -> Lock {
    let mut lock = Lock::default();
    for (c, a) in cells.iter().zip(anchors) {
        for (t, a) in c.texts.iter().zip(a) {
            // As `Ladder::lock_text` writes it: a line for each anchor it answers to.
            let moved = a
                .also
                .iter()
                .map(|x| permalink::parse_expectation_anchor(x).unwrap());
            for (pillar, number) in std::iter::once((c.pillar, a.number)).chain(moved) {
                lock.anchors.push(LockedAnchor {
                    level: c.level.into(),
                    pillar: pillar.into(),
                    number,
                    text: t.to_string(),
                    retired: false,
                });
            }
        }
    }
    lock
}

fn numbers(a: &[Vec<Anchor>]) -> Vec<Vec<usize>> {
    a.iter()
        .map(|c| c.iter().map(|a| a.number).collect())
        .collect()
}

#[test]
fn anchors_follow_insertions_reorders_and_rewordings() {
    let before = [cell(
        "craft",
        &[
            "Writes tests at the right level.",
            "Reviews code within a day.",
            "Fixes flaky tests instead of re-running them.",
        ],
    )];
    let (first, lost, _) = assign(&before, None);
    assert_eq!(numbers(&first), vec![vec![1, 2, 3]]);
    assert!(lost.is_empty());
    let lock = lock_of(&before, &first);
    // Insert one at the top, swap two, reword one.
    let after = [cell(
        "craft",
        &[
            "Pairs with a new teammate each week.",
            "Fixes flaky tests instead of re-running them.",
            "Writes tests at the right level.",
            "Reviews code within one working day.",
        ],
    )];
    let (second, lost, _) = assign(&after, Some(&lock));
    assert_eq!(numbers(&second), vec![vec![4, 3, 1, 2]]);
    assert!(lost.is_empty());
}

#[test]
fn a_long_cell_reworded_keeps_its_anchors() {
    // 520 a side: past two lists of 500, every pair is still scored.
    let texts: Vec<String> = (0..520)
        .map(|i| format!("Expectation {i} about topic t{i} and area a{}.", i * 7))
        .collect();
    let before = [cell(
        "craft",
        &texts.iter().map(String::as_str).collect::<Vec<_>>(),
    )];
    let (first, _, _) = assign(&before, None);
    let lock = lock_of(&before, &first);
    let reworded: Vec<String> = texts
        .iter()
        .map(|t| t.replace("about", "all about"))
        .collect();
    let after = [cell(
        "craft",
        &reworded.iter().map(String::as_str).collect::<Vec<_>>(),
    )];
    let (second, lost, _) = assign(&after, Some(&lock));
    assert!(lost.is_empty(), "{} lost", lost.len());
    assert_eq!(numbers(&second), numbers(&first));
}

#[test]
fn a_removed_expectation_is_lost_and_its_number_never_reused() {
    let before = [cell("craft", &["Alpha beta gamma.", "Delta epsilon zeta."])];
    let (first, _, _) = assign(&before, None);
    let mut lock = lock_of(&before, &first);
    let after = [cell(
        "craft",
        &["Alpha beta gamma.", "Theta iota kappa lambda."],
    )];
    let (second, lost, gone) = assign(&after, Some(&lock));
    assert_eq!(numbers(&second), vec![vec![1, 3]]);
    assert_eq!(lost.len(), 1);
    assert!(
        lost[0].diagnostic().message.contains("#craft--2"),
        "{}",
        lost[0].diagnostic().message
    );
    // Accepted: the number stays taken, and is no longer reported.
    lock.anchors.retain(|a| a.number != 2);
    lock.anchors.extend(gone);
    let again = [cell("craft", &["Alpha beta gamma.", "Nu xi omicron pi."])];
    let (third, lost, _) = assign(&again, Some(&lock));
    assert!(lost.is_empty());
    assert_eq!(numbers(&third), vec![vec![1, 3]]);
}

#[test]
fn a_move_to_another_pillar_keeps_the_old_anchor() {
    let before = [
        cell("craft", &["Alpha beta gamma.", "Delta epsilon zeta."]),
        cell("people", &["Mu nu xi."]),
    ];
    let (first, _, _) = assign(&before, None);
    let lock = lock_of(&before, &first);
    let after = [
        cell("craft", &["Alpha beta gamma."]),
        cell("people", &["Mu nu xi.", "Delta epsilon zeta."]),
    ];
    let (second, lost, _) = assign(&after, Some(&lock));
    assert!(lost.is_empty());
    assert_eq!(second[1][1].number, 2);
    assert_eq!(second[1][1].also, vec!["craft--2".to_string()]);
    // And in every build after it, from the lock the build before wrote, also once the
    // old pillar is gone from the level.
    let (third, lost, _) = assign(&after, Some(&lock_of(&after, &second)));
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(third, second);
    let whole = [cell(
        "people",
        &["Mu nu xi.", "Delta epsilon zeta.", "Alpha beta gamma."],
    )];
    let (fourth, lost, _) = assign(&whole, Some(&lock_of(&after, &third)));
    assert!(lost.is_empty(), "{lost:?}");
    let also: Vec<&[String]> = fourth[0].iter().map(|a| &a.also[..]).collect();
    assert_eq!(
        also,
        [
            &[][..],
            &["craft--2".to_string()],
            &["craft--1".to_string()]
        ]
    );
    let (fifth, lost, _) = assign(&whole, Some(&lock_of(&whole, &fourth)));
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(fifth, fourth);
}

#[test]
fn a_level_that_takes_in_another_keeps_its_own_numbers() {
    let before = [
        cell("craft", &["Alpha beta gamma."]),
        Cell {
            level: "e2",
            ..cell("craft", &["Delta epsilon zeta.", "Mu nu xi."])
        },
    ];
    let (first, _, _) = assign(&before, None);
    let lock = lock_of(&before, &first);
    // `e2` is gone; `e1` has its alias and took in one of its expectations.
    let merged = [Cell {
        former: vec!["e2"],
        ..cell("craft", &["Alpha beta gamma.", "Delta epsilon zeta."])
    }];
    let (second, lost, gone) = assign(&merged, Some(&lock));
    // `#craft--1` of e1 stays e1's; e2's `craft--1` cannot be given twice, so the taken-in
    // expectation gets a new number, and e2's two anchors are reported.
    assert_eq!(numbers(&second), vec![vec![1, 3]]);
    assert!(second[0].iter().all(|a| a.also.is_empty()));
    let lost: Vec<(&str, usize)> = lost
        .iter()
        .map(|l| (l.anchor.level.as_str(), l.anchor.number))
        .collect();
    assert_eq!(lost, [("e2", 1), ("e2", 2)]);
    assert!(gone.iter().all(|a| a.retired && a.level == "e2"));
}

#[test]
fn a_number_the_level_itself_published_is_never_given_to_a_taken_in_expectation() {
    let before = [
        cell("craft", &["Designs whole systems alone."]),
        Cell {
            level: "e2",
            ..cell("craft", &["Reviews every change within a day."])
        },
    ];
    let (first, _, _) = assign(&before, None);
    let lock = lock_of(&before, &first);
    // e1's own expectation is replaced by e2's, word for word: `#craft--1` of e1 was
    // another expectation, so this one takes a number e1's cell never used.
    let merged = [Cell {
        former: vec!["e2"],
        ..cell("craft", &["Reviews every change within a day."])
    }];
    let (second, lost, gone) = assign(&merged, Some(&lock));
    assert_eq!(numbers(&second), vec![vec![2]]);
    let lost: Vec<(&str, usize)> = lost
        .iter()
        .map(|l| (l.anchor.level.as_str(), l.anchor.number))
        .collect();
    assert_eq!(lost, [("e1", 1), ("e2", 1)]);
    // Accepted, and built again: still not 1.
    let mut lock = lock_of(&merged, &second);
    lock.anchors.extend(gone);
    let (third, lost, _) = assign(&merged, Some(&lock));
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(numbers(&third), vec![vec![2]]);
}

#[test]
fn two_levels_anchors_of_one_name_moved_to_one_page_are_given_once() {
    let e2 = |pillar, texts| Cell {
        level: "e2",
        ..cell(pillar, texts)
    };
    let before = [
        cell("craft", &["Alpha beta gamma.", "Delta epsilon zeta."]),
        cell("people", &["Mu nu xi."]),
        e2("craft", &["Omicron pi rho.", "Sigma tau upsilon."]),
        e2("people", &["Phi chi psi."]),
    ];
    let (first, _, _) = assign(&before, None);
    let lock = lock_of(&before, &first);
    // e2 is taken in by e1, and the second craft expectation of each moves to people.
    let merged = |pillar, texts| Cell {
        former: vec!["e2"],
        ..cell(pillar, texts)
    };
    let after = [
        merged("craft", &["Alpha beta gamma.", "Omicron pi rho."]),
        merged(
            "people",
            &[
                "Mu nu xi.",
                "Phi chi psi.",
                "Delta epsilon zeta.",
                "Sigma tau upsilon.",
            ],
        ),
    ];
    let (second, lost, _) = assign(&after, Some(&lock));
    let also: Vec<&String> = second.iter().flatten().flat_map(|a| &a.also).collect();
    assert_eq!(
        also.iter().filter(|a| a.as_str() == "craft--2").count(),
        1,
        "{second:?}"
    );
    // e1's own moved expectation keeps it; e2's is reported.
    assert_eq!(second[1][2].also, vec!["craft--2".to_string()]);
    assert!(lost
        .iter()
        .any(|l| l.anchor.level == "e2" && l.anchor.number == 2));
}

#[test]
fn a_move_to_another_pillar_of_a_renamed_level_keeps_the_old_anchor() {
    let before = [
        cell("craft", &["Alpha beta gamma.", "Delta epsilon zeta."]),
        cell("people", &["Mu nu xi."]),
    ];
    let (first, _, _) = assign(&before, None);
    let lock = lock_of(&before, &first);
    // `e1` is now `e9`, with the alias `levels/e1/`, and one expectation moved.
    let renamed = |pillar, texts| Cell {
        level: "e9",
        former: vec!["e1"],
        ..cell(pillar, texts)
    };
    let after = [
        renamed("craft", &["Alpha beta gamma."]),
        renamed("people", &["Mu nu xi.", "Delta epsilon zeta."]),
    ];
    let (second, lost, _) = assign(&after, Some(&lock));
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(second[0][0].number, 1);
    assert_eq!(second[1][1].also, vec!["craft--2".to_string()]);
}
