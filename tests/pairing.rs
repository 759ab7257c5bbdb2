//! How well comparison pages pair corresponding expectations, measured on hand-labelled pairs
//! from real ladders (`tests/fixtures/pairing/labels.json`: adjacent levels of Codecademy,
//! the Financial Times, jorgef, Monzo, OctopusDeploy, Sourcegraph, Artsy, Etsy, TrustLayer
//! and inDrive, one pillar at a time).
//!
//! - **recall**: of the labelled corresponding pairs, the share the page shows on one row;
//! - **precision**: of the rows the page shows with both levels' expectations, the share
//!   that are labelled pairs;
//! - **claimed precision**: the same, for the rows the page claims correspond ("carried
//!   over" and "changed", the rows with a word diff), leaving out "rewritten" rows, which
//!   only say "this is what stands in its place".

mod common;
use common::*;
use ladderbook::compare::{match_among, Pairing, Status};
use std::collections::{BTreeMap, HashSet};

#[derive(serde::Deserialize)]
struct Labels {
    groups: Vec<Group>,
}

#[derive(serde::Deserialize)]
struct Group {
    ladder: String,
    source: String,
    lower: String,
    higher: String,
    pillar: String,
    uncertain: bool,
    lower_texts: Vec<String>,
    higher_texts: Vec<String>,
    pairs: Vec<(usize, usize)>,
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    found: usize,
    shown: usize,
    shown_right: usize,
    claimed: usize,
    claimed_right: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.shown += o.shown;
        self.shown_right += o.shown_right;
        self.claimed += o.claimed;
        self.claimed_right += o.claimed_right;
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.shown_right as f64 / self.shown.max(1) as f64
    }
    fn claimed_precision(&self) -> f64 {
        self.claimed_right as f64 / self.claimed.max(1) as f64
    }
}

fn labels() -> Labels {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/pairing/labels.json"))
        .expect("tests/fixtures/pairing/labels.json");
    serde_json::from_str(&text).expect("labels.json parses")
}

/// How the comparison page of `g`'s two levels pairs `g`'s expectations: the stems weighed
/// among both levels' expectations, as far as `all` labels them (nearly every pillar).
fn score(g: &Group, all: &[Group]) -> Score {
    let levels: Vec<String> = all
        .iter()
        .filter(|o| (&o.ladder, &o.lower, &o.higher) == (&g.ladder, &g.lower, &g.higher))
        .flat_map(|o| o.lower_texts.iter().chain(&o.higher_texts).cloned())
        .collect();
    let rows = match_among(&g.lower_texts, &g.higher_texts, &levels, Pairing::Complete);
    let gold: HashSet<(usize, usize)> = g.pairs.iter().copied().collect();
    let mut s = Score {
        gold: gold.len(),
        ..Score::default()
    };
    for r in &rows {
        if let (Some(i), Some(j)) = (r.lower, r.higher) {
            let right = gold.contains(&(i, j));
            s.shown += 1;
            s.shown_right += right as usize;
            s.found += right as usize;
            if matches!(r.status, Status::Unchanged | Status::Changed) {
                s.claimed += 1;
                s.claimed_right += right as usize;
            }
        }
    }
    s
}

#[test]
fn the_labelled_expectations_are_the_real_ladders_own() {
    // The labels are only worth their name while they hold the real ladders' text: every
    // labelled expectation's words are in its source, in order.
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for g in labels().groups {
        let text = sources.entry(g.source.clone()).or_insert_with(|| {
            let path = real_ladders().join(&g.source);
            let mut all = String::new();
            for e in walkdir::WalkDir::new(&path) {
                let e = e.unwrap();
                if e.file_type().is_file() {
                    all.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
                    all.push('\n');
                }
            }
            md_words(&all)
        });
        for t in g.lower_texts.iter().chain(&g.higher_texts) {
            // The importer joins the Financial Times' fields into one text: its summary,
            // then "Proficiency: …", then "Examples: …"; the summary is checked.
            let summary = t.split(" Proficiency:").next().unwrap_or(t);
            // A table's row name opens each of its cells' expectations (`Technical
            // understanding: Proactively learns …`, Artsy): the name and the text are checked
            // apart.
            let found = text.contains(&md_words(summary))
                || summary.split_once(": ").is_some_and(|(label, rest)| {
                    label.split_whitespace().count() <= 4
                        && text.contains(&md_words(label))
                        && text.contains(&md_words(rest))
                });
            assert!(
                found,
                "{} {} → {} {}: not in {}: {t}",
                g.ladder, g.lower, g.higher, g.pillar, g.source
            );
        }
        for &(i, j) in &g.pairs {
            assert!(i < g.lower_texts.len() && j < g.higher_texts.len());
        }
    }
}

#[test]
fn corresponding_expectations_of_real_ladders_share_a_row() {
    let labels = labels();
    let mut by_ladder: BTreeMap<&str, Score> = BTreeMap::new();
    let (mut all, mut sure) = (Score::default(), Score::default());
    for g in &labels.groups {
        let s = score(g, &labels.groups);
        by_ladder.entry(&g.ladder).or_default().add(&s);
        all.add(&s);
        if !g.uncertain {
            sure.add(&s);
        }
    }
    println!("ladder                 pairs  recall  precision  claimed (n)");
    for (name, s) in by_ladder
        .iter()
        .chain([(&"all", &all), (&"all, sure labels", &sure)])
    {
        println!(
            "{name:<22} {:>5}  {:>6.3}  {:>9.3}  {:>7.3} ({})",
            s.gold,
            s.recall(),
            s.precision(),
            s.claimed_precision(),
            s.claimed
        );
    }
    // Floors a little under what the pairing measures (see the README), so that a change
    // that pairs worse fails here.
    assert!(all.recall() >= 0.78, "recall {:.3}", all.recall());
    assert!(all.precision() >= 0.71, "precision {:.3}", all.precision());
    assert!(
        all.claimed_precision() >= 0.90,
        "claimed precision {:.3}",
        all.claimed_precision()
    );
    for (name, s) in &by_ladder {
        // Ladders rewritten from level to level (Artsy, Etsy's competencies, TrustLayer's
        // managers) share few words between corresponding expectations: about half are found.
        assert!(s.recall() >= 0.45, "{name}: recall {:.3}", s.recall());
    }
}
