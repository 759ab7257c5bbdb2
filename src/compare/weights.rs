//! How much a stem says about which expectation it belongs to, among the expectations of the
//! two levels a comparison shows.
//!
//! A stem that most of those expectations use ("team", "work") is weak evidence that two of
//! them correspond; one that only a few use ("incident", "budget") is strong. Each stem
//! weighs its inverse document frequency, `ln(1 + n / df)`, where `n` is the number of
//! expectations and `df` the number that use the stem (Spärck Jones, "A statistical
//! interpretation of term specificity and its application in retrieval", Journal of
//! Documentation 28, 1972; the `1 +` keeps a stem every expectation uses above zero).
//!
//! The expectations are the two levels' own, of every pillar: a comparison page weighs its
//! stems the same way whichever pages a build or `serve` renders, and whatever the rest of the
//! ladder says.

use super::ExpectationWords;

/// Stem weights for one comparison (see the module documentation), or even weights (every
/// stem 1.0), with which the weighted overlap is the plain one.
///
/// A comparison page looks a stem's weight up a few thousand times, so both tables are
/// indexed, not hashed: by stem number, up to the largest the expectations use (a few
/// thousand for a ladder; 4 bytes each).
#[derive(Debug, Default, Clone)]
pub struct StemWeights {
    /// By stem number (of the interner that prepared the expectations): how many of the
    /// expectations use it.
    used_by: Vec<u32>,
    /// By that count: the weight, `ln(1 + n / count)` (a count of 0 weighs as 1); empty
    /// for even weights.
    by_count: Vec<f32>,
}

impl StemWeights {
    /// Every stem weighs 1.0.
    pub fn even() -> StemWeights {
        StemWeights::default()
    }

    /// The weights of the stems of `expectations` (prepared by one interner, which must also
    /// have prepared the expectations these weights are used on). No expectations gives even
    /// weights.
    pub fn of<'a>(expectations: impl IntoIterator<Item = &'a ExpectationWords>) -> StemWeights {
        let mut used_by: Vec<u32> = Vec::new();
        let mut n = 0u32;
        for e in expectations {
            n += 1;
            // An expectation's stems are distinct (see `ExpectationWords::stems`); the table
            // grows to the largest stem number counted.
            for &s in &e.stems {
                if used_by.len() <= s as usize {
                    used_by.resize(s as usize + 1, 0);
                }
                used_by[s as usize] += 1;
            }
        }
        let by_count = if n == 0 {
            Vec::new()
        } else {
            (0..=n)
                .map(|count| (1.0 + n as f32 / count.max(1) as f32).ln())
                .collect()
        };
        StemWeights { used_by, by_count }
    }

    /// Whether every stem weighs 1.0.
    pub(super) fn is_even(&self) -> bool {
        self.by_count.is_empty()
    }

    /// The weight of stem number `stem`: 1.0 for even weights; a stem none of the counted
    /// expectations uses weighs as one that only one uses.
    #[inline]
    pub(super) fn weight(&self, stem: u32) -> f32 {
        if self.is_even() {
            return 1.0;
        }
        let count = self.used_by.get(stem as usize).copied().unwrap_or(0);
        self.by_count[count as usize]
    }

    /// The weight of all of `e`'s stems.
    pub(super) fn total(&self, e: &ExpectationWords) -> f32 {
        if self.is_even() {
            return e.stems.len() as f32;
        }
        e.stems.iter().map(|&s| self.weight(s)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Interner;

    #[test]
    fn a_stem_most_expectations_use_weighs_less_than_a_rare_one() {
        let mut interner = Interner::default();
        let texts = [
            "Mentors engineers on the team.",
            "Leads incident reviews for the team.",
            "Plans the team's quarter.",
            "Owns the team budget.",
        ];
        let prepared: Vec<ExpectationWords> = texts.iter().map(|t| interner.prepare(t)).collect();
        let weights = StemWeights::of(&prepared);
        let team = prepared[0].stems[2];
        let incident = prepared[1].stems[1];
        assert!(weights.weight(team) < weights.weight(incident));
        assert!((weights.weight(team) - 2f32.ln()).abs() < 1e-6);
        assert!((weights.weight(incident) - 5f32.ln()).abs() < 1e-6);
        let even = StemWeights::even();
        assert_eq!(even.weight(team), 1.0);
        assert_eq!(even.total(&prepared[0]), 3.0);
    }
}
