//! Pairing two levels' expectations in one pillar: which expectation of the higher level is
//! what an expectation of the lower level becomes.
//!
//! Word for word identical expectations are paired first, in order. The rest are paired one
//! to one by the best total score (`compare::assign`), where the score of a pair weighs the
//! evidence that they correspond:
//!
//! - **stems**: the share of the shorter text's content words (function words such as "the"
//!   and "your" left out) that the other text uses too (the overlap coefficient, so that a
//!   higher level that restates an expectation and adds to it still scores high), after
//!   plural "s" is dropped and words are cut to their first five letters, so "manages" meets
//!   "manager" and "teams" meets "team" (truncation stemming, which does as well as
//!   rule-based stemmers for English: Mayfield and McNamee, "Single n-gram stemming", SIGIR
//!   2003); within a track each stem weighed by how few of the two levels' expectations use
//!   it ([`super::StemWeights`]), so that sharing "team" counts for less than sharing
//!   "incident" (across tracks, where no labels measured the weights, every stem the same);
//! - **words in order**: the word similarity of [`super::similarity`];
//! - **position**: how close the two sit in their lists, relative to the lists' lengths, as
//!   ladders written level by level keep their order;
//! - **label**: both open with the same label (`Influence: …`), as ladders that label each
//!   expectation by its competency keep the labels from level to level.
//!
//! Within a track a pair needs at least [`LEAST_EVIDENCE`] of weighted stems in common, or a
//! label, or a pillar written in parallel (lists as long, each expectation beside the one at
//! its place): without any, the two stand apart (see [`Pairing::Complete`]).
//!
//! The weights were calibrated on the first 501 hand-labelled pairs of
//! `tests/fixtures/pairing/` (adjacent levels of five real ladders; 298 pairs of five more
//! were labelled later and check them): stems weigh most, words in order break ties
//! between texts that share the same words, and position only breaks near ties, as real
//! ladders reorder and insert freely. The stem weights and [`LEAST_EVIDENCE`] were measured
//! on all 799: recall 0.806 → 0.810, precision 0.680 → 0.734. `tests/pairing.rs` measures
//! the result.

use super::{assign::assign, grid::similarities, ExpectationWords, StemWeights};

/// How an expectation of the higher level relates to the lower level's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The same words at both levels.
    Unchanged,
    /// The same expectation, reworded: enough words are shared that a word diff reads well.
    Changed,
    /// The expectation that corresponds, in other words (no word diff: it would mark almost
    /// every word).
    Rewritten,
    /// Only at the higher level.
    New,
    /// Only at the lower level: the higher level does not restate it.
    NotRestated,
}

/// How far pairing goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// Two levels of one track: while both sides have expectations left, each is paired with
    /// the best counterpart, however different (a rewritten row), as long as the two share
    /// [`LEAST_EVIDENCE`] of their stems or a label, or the pillar is written in parallel; the
    /// rest stand alone.
    Complete,
    /// Two levels of one track with levels between them: as [`Pairing::Complete`], but a
    /// pillar written in parallel is no evidence by itself. Lists as long line up level by
    /// level by design; across several steps, by chance (the hand-labelled pairs that
    /// measured the rule are all of neighbouring levels). A cell of one expectation at each
    /// level (a grid's) is still its pillar at both, and the two are paired.
    Distant,
    /// Levels on two tracks: only pairs at least [`MATCH_THRESHOLD`] similar are paired; the
    /// rest stand alone, as two jobs need not correspond expectation by expectation.
    Similar,
}

/// One row of a comparison: indices into the lower and higher lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index of the lower level's expectation, if any.
    pub lower: Option<usize>,
    /// Index of the higher level's expectation, if any.
    pub higher: Option<usize>,
    /// What changed.
    pub status: Status,
    /// Text similarity in 0.0–1.0: the larger of the (weighted) stem and word similarities
    /// (0 for a row with one side).
    pub similarity: f32,
}

/// The least text similarity (see [`Pair::similarity`]) at which a pair across tracks is
/// the same expectation, worded differently. 0.5: half of the content words are shared.
pub const MATCH_THRESHOLD: f32 = 0.5;

/// The most pairs of expectations [`match_prepared`] scores: 1,000,000, two lists of 1,000
/// (a real pillar has a dozen a side; the assignment of two lists of 1,000 takes a second or
/// two). Larger lists are paired by identical words only.
pub const MAX_PAIRS: usize = 1_000_000;

/// The least weighted stem similarity (see the module documentation) at which two
/// expectations of one track, without a label in common or a pillar written in parallel, are
/// paired: 0.1, a tenth of the lighter text's weight. Below it the two share only words that
/// most of the two levels' expectations use, or one word among many: over the hand-labelled
/// pairs, such rows were mostly not pairs a reader would make (leaving them apart lost 0.011
/// of recall and gained 0.039 of precision).
pub const LEAST_EVIDENCE: f32 = 0.1;

/// The least word similarity at which a pair is shown as a word diff ("changed") rather than
/// as two texts ("rewritten"). Below it, most words of both texts would be marked.
pub const DIFF_THRESHOLD: f32 = 0.4;

/// Weights of the evidence in a pair's score (see the module documentation).
const STEM_WEIGHT: f32 = 0.8;
const WORD_WEIGHT: f32 = 0.4;
const POSITION_WEIGHT: f32 = 0.05;
/// The weight of the same opening label (`Influence: …` at both levels): more than the words
/// can give, so that labelled competencies pair by their labels.
const LABEL_WEIGHT: f32 = 1.5;

/// Function words left out of the stem similarity: they say nothing about what an
/// expectation is about. English; in other languages every word counts.
const STOP_WORDS: &[&str] = &[
    "a", "about", "across", "all", "also", "an", "and", "any", "are", "as", "at", "be", "both",
    "but", "by", "can", "do", "does", "e", "each", "eg", "etc", "for", "from", "g", "has", "have",
    "how", "i", "ie", "if", "in", "into", "is", "it", "its", "me", "more", "most", "my", "no",
    "not", "of", "on", "one", "or", "other", "our", "out", "own", "s", "so", "such", "than",
    "that", "the", "their", "them", "they", "this", "those", "through", "to", "up", "us", "was",
    "we", "well", "what", "when", "where", "which", "while", "who", "will", "with", "within",
    "you", "your",
];

/// [`STOP_WORDS`] as numbers (see [`packed`]), in the same order: a word is looked up by
/// comparing numbers instead of strings.
const STOP_NUMBERS: [u64; STOP_WORDS.len()] = {
    let mut out = [0; STOP_WORDS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = match packed(STOP_WORDS[i]) {
            Some(n) => n,
            None => panic!("a stop word longer than 7 bytes"),
        };
        i += 1;
    }
    out
};

/// A word of at most 7 bytes as a number, one for each word, whose order is the words' order
/// when no word holds a zero byte (its bytes, big-endian and padded with zeros, then its
/// length); `None` for a longer word.
const fn packed(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut n = 0u64;
    let mut i = 0;
    while i < 7 {
        n = (n << 8) | if i < b.len() { b[i] as u64 } else { 0 };
        i += 1;
    }
    Some((n << 8) | b.len() as u64)
}

/// Whether a lowercased word is one of [`STOP_WORDS`].
fn is_stop_word(word: &str) -> bool {
    packed(word).is_some_and(|n| STOP_NUMBERS.binary_search(&n).is_ok())
}

/// The stem of a lowercased word for the stem similarity, or `None` for a function word.
pub(super) fn stem(word: &str) -> Option<&str> {
    if is_stop_word(word) {
        return None;
    }
    let w = match word.strip_suffix('s') {
        Some(w) if w.len() >= 4 && !w.ends_with('s') => w,
        _ => word,
    };
    if w.is_ascii() {
        // Five characters are five bytes.
        return Some(&w[..w.len().min(5)]);
    }
    Some(match w.char_indices().nth(5) {
        Some((at, _)) => &w[..at],
        None => w,
    })
}

/// Where index `i` of a list of `n` sits, in 0.0–1.0 (the middle of its slot).
fn place(i: usize, n: usize) -> f32 {
    (i as f32 + 0.5) / n as f32
}

/// Pairs the expectations of `lower` and `higher` (plain texts), every stem weighing the
/// same ([`StemWeights::even`]); see [`match_prepared`]. For edits of one expectation
/// (`diff`, anchors), where no two levels' expectations give the weights.
pub fn match_expectations(lower: &[String], higher: &[String], pairing: Pairing) -> Vec<Pair> {
    match_among(lower, higher, &[], pairing)
}

/// Pairs the expectations of `lower` and `higher` (plain texts) as a comparison page pairs
/// them: the stems weighed among `levels`, the plain texts of both levels' expectations in
/// every pillar (see [`StemWeights`]; none gives even weights); see [`match_prepared`].
pub fn match_among(
    lower: &[String],
    higher: &[String],
    levels: &[String],
    pairing: Pairing,
) -> Vec<Pair> {
    let mut interner = super::Interner::default();
    let lower: Vec<ExpectationWords> = lower.iter().map(|t| interner.prepare(t)).collect();
    let higher: Vec<ExpectationWords> = higher.iter().map(|t| interner.prepare(t)).collect();
    let levels: Vec<ExpectationWords> = levels.iter().map(|t| interner.prepare(t)).collect();
    match_prepared(&lower, &higher, pairing, &StemWeights::of(&levels))
}

/// Pairs the expectations of `lower` and `higher` (prepared with one interner, the one that
/// prepared what `weights` counted), one to one, as the module documentation describes, and
/// returns one row per pair or lone expectation: in the higher level's order, each lower
/// expectation without a pair placed after the row of the lower expectation before it.
pub fn match_prepared(
    lower: &[ExpectationWords],
    higher: &[ExpectationWords],
    pairing: Pairing,
    weights: &StemWeights,
) -> Vec<Pair> {
    // higher_of[i]: the higher expectation paired with lower[i], and the row's status and
    // similarity.
    let mut higher_of: Vec<Option<(usize, Status, f32)>> = vec![None; lower.len()];
    let mut taken = vec![false; higher.len()];
    for (i, a) in lower.iter().enumerate() {
        if let Some(j) = (0..higher.len()).find(|&j| !taken[j] && higher[j].same_words(a)) {
            taken[j] = true;
            higher_of[i] = Some((j, Status::Unchanged, 1.0));
        }
    }
    let rest_lower: Vec<usize> = (0..lower.len())
        .filter(|&i| higher_of[i].is_none())
        .collect();
    let rest_higher: Vec<usize> = (0..higher.len()).filter(|&j| !taken[j]).collect();
    // Every pair is scored: a cell of thousands of expectations (a document pasted whole)
    // would cost time and memory in their square, and the assignment more. Past MAX_PAIRS,
    // only identical expectations are paired.
    let scored = rest_lower.len().saturating_mul(rest_higher.len()) <= MAX_PAIRS;
    if !rest_lower.is_empty() && !rest_higher.is_empty() && scored {
        let (n, m) = (lower.len(), higher.len());
        // Stem and word similarity of every pair, row by row (each lower expectation with
        // every higher one).
        let mut sims = Vec::with_capacity(rest_lower.len() * rest_higher.len());
        similarities(
            &rest_lower.iter().map(|&i| &lower[i]).collect::<Vec<_>>(),
            &rest_higher.iter().map(|&j| &higher[j]).collect::<Vec<_>>(),
            weights,
            &mut sims,
        );
        let cols = rest_higher.len();
        // Every score once: the assignment asks for each many times.
        let mut scores: Vec<f64> = Vec::with_capacity(sims.len());
        for (&i, sims) in rest_lower.iter().zip(sims.chunks_exact(cols)) {
            scores.extend(rest_higher.iter().zip(sims).map(|(&j, &(stems, words))| {
                let position = 1.0 - (place(i, n) - place(j, m)).abs();
                let label = lower[i].same_label(&higher[j]);
                (STEM_WEIGHT * stems
                    + WORD_WEIGHT * words
                    + POSITION_WEIGHT * position
                    + if label { LABEL_WEIGHT } else { 0.0 }) as f64
            }));
        }
        let score = |x: usize, y: usize| scores[x * cols + y];
        // The assignment minimises cost, over the shorter side.
        let pairs: Vec<(usize, usize)> = if rest_lower.len() <= rest_higher.len() {
            assign(rest_lower.len(), rest_higher.len(), |x, y| -score(x, y))
                .into_iter()
                .enumerate()
                .collect()
        } else {
            assign(rest_higher.len(), rest_lower.len(), |y, x| -score(x, y))
                .into_iter()
                .enumerate()
                .map(|(y, x)| (x, y))
                .collect()
        };
        // Both lists as long, every expectation beside the one at its place: a pillar written
        // in parallel, where the place is evidence enough.
        let by_place = pairing == Pairing::Complete || pairing == Pairing::Distant && n == 1;
        let parallel = by_place
            && n == m
            && pairs.iter().all(|&(x, y)| rest_lower[x] == rest_higher[y])
            && (0..n).all(|i| higher_of[i].is_none_or(|(j, ..)| i == j));
        for (x, y) in pairs {
            let (stems, words) = sims[x * rest_higher.len() + y];
            let similarity = stems.max(words);
            let status = if words >= DIFF_THRESHOLD {
                Status::Changed
            } else {
                Status::Rewritten
            };
            if pairing == Pairing::Similar && similarity < MATCH_THRESHOLD {
                continue;
            }
            // Two texts that share no content word, or only words most expectations use, and
            // no label are no evidence of one another, unless the pillar is written in
            // parallel: placed side by side, they read as a correspondence that is not there
            // (of the rows that shared no content word, over the hand-labelled pairs, 11 in
            // 112 were right; in parallel pillars, 5 in 9).
            let labelled = lower[rest_lower[x]].same_label(&higher[rest_higher[y]]);
            if stems < LEAST_EVIDENCE && !labelled && !parallel {
                continue;
            }
            higher_of[rest_lower[x]] = Some((rest_higher[y], status, similarity));
        }
    }
    rows(&higher_of, higher.len())
}

/// The rows of a pairing, in order (see [`match_prepared`]).
fn rows(higher_of: &[Option<(usize, Status, f32)>], higher: usize) -> Vec<Pair> {
    let mut lower_of: Vec<Option<(usize, Status, f32)>> = vec![None; higher];
    for (i, p) in higher_of.iter().enumerate() {
        if let Some((j, status, s)) = *p {
            lower_of[j] = Some((i, status, s));
        }
    }
    // Each row's place: a higher expectation's index; a lone lower expectation just after
    // the row of the lower expectation before it (before every row when there is none).
    let mut keyed: Vec<((usize, usize), Pair)> = Vec::with_capacity(higher + higher_of.len());
    for (j, p) in lower_of.iter().enumerate() {
        keyed.push((
            (j + 1, 0),
            match *p {
                Some((i, status, similarity)) => Pair {
                    lower: Some(i),
                    higher: Some(j),
                    status,
                    similarity,
                },
                None => Pair {
                    lower: None,
                    higher: Some(j),
                    status: Status::New,
                    similarity: 0.0,
                },
            },
        ));
    }
    let mut after = 0;
    for (i, p) in higher_of.iter().enumerate() {
        match p {
            Some((j, ..)) => after = j + 1,
            None => keyed.push((
                (after, i + 1),
                Pair {
                    lower: Some(i),
                    higher: None,
                    status: Status::NotRestated,
                    similarity: 0.0,
                },
            )),
        }
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REWORDED_LOW: &str =
        "You are responsive to peer feedback on code reviews and learn from it.";
    const REWORDED_HIGH: &str = "You provide timely code reviews and are responsive to peer feedback on code reviews and learn from it.";
    const REPEATED: &str = "You proactively maintain, debug, and fix problems in your code.";
    const ONLY_HIGHER: &str = "You own at least one engineering-wide initiative (e.g. tech community pillar, interviewing, revising competencies).";
    const LOW_ONLY: &str = "You set clear goals and expectations.";
    const ONLY_HIGHER_SHARING: &str =
        "You own an engineering-wide initiative and the goals it sets for the year.";

    fn v(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    fn shape(rows: &[Pair]) -> Vec<(Option<usize>, Option<usize>, Status)> {
        rows.iter().map(|r| (r.lower, r.higher, r.status)).collect()
    }

    #[test]
    fn the_stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_NUMBERS.windows(2).all(|w| w[0] < w[1]));
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
        }
        for w in [
            "",
            "ab",
            "the\0",
            "throughout",
            "yours",
            "teams",
            "managers",
        ] {
            assert!(!is_stop_word(w), "{w}");
        }
        assert_eq!(stem("teams"), Some("team"));
        assert_eq!(stem("managers"), stem("managing"));
        assert_eq!(stem("process"), stem("processes"));
        assert_eq!(stem("the"), None);
    }

    #[test]
    fn a_rewording_one_level_up_is_paired_and_changed() {
        let rows = match_expectations(
            &[REWORDED_LOW.into()],
            &[REWORDED_HIGH.into()],
            Pairing::Complete,
        );
        assert_eq!(shape(&rows), vec![(Some(0), Some(0), Status::Changed)]);
    }

    #[test]
    fn identical_expectations_are_unchanged_and_the_rest_paired_while_both_sides_have_some() {
        let lower = vec![REPEATED.to_string(), LOW_ONLY.to_string()];
        let higher = vec![ONLY_HIGHER_SHARING.to_string(), REPEATED.to_string()];
        assert_eq!(
            shape(&match_expectations(&lower, &higher, Pairing::Complete)),
            vec![
                (Some(1), Some(0), Status::Rewritten),
                (Some(0), Some(1), Status::Unchanged),
            ]
        );
        // Within a track too, two texts that share no content word stand apart.
        let higher = vec![ONLY_HIGHER.to_string(), REPEATED.to_string()];
        assert_eq!(
            shape(&match_expectations(&lower, &higher, Pairing::Complete)),
            vec![
                (None, Some(0), Status::New),
                (Some(0), Some(1), Status::Unchanged),
                (Some(1), None, Status::NotRestated),
            ]
        );
        // Across tracks, two unrelated expectations stay apart.
        assert_eq!(
            shape(&match_expectations(&lower, &higher, Pairing::Similar)),
            vec![
                (None, Some(0), Status::New),
                (Some(0), Some(1), Status::Unchanged),
                (Some(1), None, Status::NotRestated),
            ]
        );
    }

    #[test]
    fn expectations_written_in_parallel_pair_by_meaning_and_place() {
        // Each restated at a larger scope, in the same order; the second list also
        // reorders two and adds one.
        let lower: Vec<String> = [
            "Manages one team of engineers.",
            "Runs the team's planning and keeps the roadmap current.",
            "Hires for the team with help from a recruiter.",
        ]
        .map(String::from)
        .into();
        let higher: Vec<String> = [
            "Hires for several teams and improves how the department interviews.",
            "Manages up to two teams, directly or through a manager.",
            "Sets the department's budget with finance.",
            "Owns planning across the teams and a roadmap for the year.",
        ]
        .map(String::from)
        .into();
        let rows = match_expectations(&lower, &higher, Pairing::Complete);
        let pairs: Vec<(usize, usize)> = rows
            .iter()
            .filter_map(|r| Some((r.lower?, r.higher?)))
            .collect();
        assert_eq!(pairs, vec![(2, 0), (0, 1), (1, 3)]);
        assert_eq!(
            rows[2],
            Pair {
                lower: None,
                higher: Some(2),
                status: Status::New,
                similarity: 0.0
            }
        );
    }

    #[test]
    fn expectations_with_the_same_label_pair_by_it() {
        // Each label once a side, the words of each text closer to the other label's text
        // one level up (as in inDrive's Behavior between Senior I and II).
        let lower = v(&[
            "Effective Communication: Seeks out opportunities to collaborate and looks for facts.",
            "Influence: Relies on technical reasoning to convince others.",
        ]);
        let higher = v(&[
            "Influence: Seeks out opportunities to collaborate across teams and looks for facts.",
            "Effective Communication: Relies on reasoning to convince whole groups.",
        ]);
        let rows = match_expectations(&lower, &higher, Pairing::Complete);
        let pairs: Vec<(Option<usize>, Option<usize>)> =
            rows.iter().map(|r| (r.lower, r.higher)).collect();
        assert!(pairs.contains(&(Some(0), Some(1))), "{rows:?}");
        assert!(pairs.contains(&(Some(1), Some(0))), "{rows:?}");
    }

    #[test]
    fn a_word_most_of_the_two_levels_use_is_no_evidence_of_a_pair() {
        // After the example ladder's Senior and Staff Engineer: "team" is in most
        // expectations. The carried-over expectation keeps the pillar from reading as written
        // in parallel.
        let lower = v(&[
            "Raises the quality of the team's codebase through reviews, refactoring and shared conventions.",
            "Writes clear plans.",
        ]);
        let higher = v(&[
            "Writes clear plans.",
            "Leads the design of changes that cross team boundaries, such as common data models.",
        ]);
        let levels: Vec<String> = lower
            .iter()
            .chain(&higher)
            .cloned()
            .chain(v(&[
                "Mentors the engineers of the team.",
                "Plans the team's quarter with its manager.",
                "Represents the team in incident reviews.",
                "Keeps the team's roadmap current.",
            ]))
            .collect();
        assert_eq!(
            shape(&match_among(&lower, &higher, &levels, Pairing::Complete)),
            vec![
                (Some(0), None, Status::NotRestated),
                (Some(1), Some(0), Status::Unchanged),
                (None, Some(1), Status::New),
            ]
        );
        // Every stem weighing the same, "team" is an eighth of the shorter text.
        assert_eq!(
            shape(&match_expectations(&lower, &higher, Pairing::Complete)),
            vec![
                (Some(1), Some(0), Status::Unchanged),
                (Some(0), Some(1), Status::Rewritten),
            ]
        );
    }

    #[test]
    fn a_lone_lower_expectation_follows_the_row_of_the_one_before_it() {
        let lower: Vec<String> = ["alpha beta gamma", "delta epsilon zeta", "theta iota kappa"]
            .map(String::from)
            .into();
        let higher: Vec<String> = ["alpha beta gamma", "theta iota kappa"]
            .map(String::from)
            .into();
        assert_eq!(
            shape(&match_expectations(&lower, &higher, Pairing::Complete)),
            vec![
                (Some(0), Some(0), Status::Unchanged),
                (Some(1), None, Status::NotRestated),
                (Some(2), Some(1), Status::Unchanged),
            ]
        );
    }

    #[test]
    fn a_pillar_written_in_parallel_pairs_by_place_only_between_neighbours() {
        // Two lists as long whose expectations share no content word.
        let lower = v(&["Bakes the morning bread.", "Sweeps the floor nightly."]);
        let higher = v(&["Negotiates flour prices.", "Hires seasonal staff."]);
        let pairs = |p| shape(&match_expectations(&lower, &higher, p));
        assert_eq!(
            pairs(Pairing::Complete),
            vec![
                (Some(0), Some(0), Status::Rewritten),
                (Some(1), Some(1), Status::Rewritten),
            ]
        );
        assert!(pairs(Pairing::Distant)
            .iter()
            .all(|&(l, h, _)| l.is_none() || h.is_none()));
        // One expectation a side, as a grid's cells hold: the pillar at both levels.
        let one = shape(&match_expectations(
            &lower[..1],
            &higher[..1],
            Pairing::Distant,
        ));
        assert_eq!(one, vec![(Some(0), Some(0), Status::Rewritten)]);
    }
}
