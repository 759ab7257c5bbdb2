//! The stem and word similarities of every pair of two lists of expectations at once, as
//! [`super::pairing`] weighs them: the overlap coefficient of their stems and the word
//! similarity of their words (see [`super`]).
//!
//! A pillar holds a few dozen words and stems among the thousands of a build. The numbers the
//! [`super::Interner`] gave the rows' words (and, apart, their stems) are renumbered 0, 1, 2, …
//! for one call, so that each row's stems fit a set of a few 64-bit words and a row's bit
//! masks (see [`super::lcs_len`]) a table of 256 on the stack; the columns are renumbered the
//! same way, without the words and stems no row has, which can change neither measure. Rows
//! with more than 256 distinct words between them, or a row of more than 64 words, are
//! measured as [`super::lcs_row`] and [`super::lcs_len`] measure them.

use super::{lcs_len, lcs_row, lcs_step, live_bits, ratio, ExpectationWords, StemWeights};
use std::cell::RefCell;

/// `out[r × cols.len() + c]`: (the weighted overlap coefficient of the stems, the word
/// similarity) of `rows[r]` and `cols[c]`; `out` is cleared first. The overlap coefficient is
/// the weight of the stems two lists share over the weight of the lighter list's (with
/// [`StemWeights::even`], `shared / shorter length`), 0 when either is empty; the word
/// similarity is [`ratio`] of their longest common subsequence.
pub(super) fn similarities(
    rows: &[&ExpectationWords],
    cols: &[&ExpectationWords],
    weights: &StemWeights,
    out: &mut Vec<(f32, f32)>,
) {
    out.clear();
    if rows.is_empty() || cols.is_empty() {
        return;
    }
    // The rows' stem sets are made before their stems are counted, as large as the rows'
    // stems in all: the shorter list is the rows (both measures are symmetric), so that a
    // pasted list of thousands beside a few costs memory in proportion to the pairs, not to
    // its square.
    if rows.len() > cols.len() {
        let mut transposed = Vec::with_capacity(rows.len() * cols.len());
        similarities(cols, rows, weights, &mut transposed);
        out.extend((0..rows.len() * cols.len()).map(|k| {
            let (r, c) = (k / cols.len(), k % cols.len());
            transposed[c * rows.len() + r]
        }));
        return;
    }
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        scratch.overlaps(rows, cols, weights, out);
        if !scratch.lengths(rows, cols, out) {
            // More distinct words in the rows than a byte numbers: the masks of each row by
            // the interner's numbers.
            let mut lengths = Vec::with_capacity(cols.len());
            for (r, a) in rows.iter().enumerate() {
                lcs_row(&a.ids, cols.iter().map(|b| b.ids.as_slice()), &mut lengths);
                for ((c, b), &lcs) in cols.iter().enumerate().zip(&lengths) {
                    out[r * cols.len() + c].1 = ratio(lcs, a.ids.len() + b.ids.len());
                }
            }
        }
    })
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch::new()) };
}

/// Lists reused from call to call: a comparison is too small to pay for allocating them.
struct Scratch {
    numbers: Renumbering,
    /// The words of every row, renumbered, one row after the other.
    row_words: Vec<u8>,
    /// The words of every column that some row has, renumbered, and where each column ends.
    col_words: Vec<u8>,
    col_ends: Vec<usize>,
    /// Each row's and column's stems as a set of bits, `blocks` words each.
    row_sets: Vec<u64>,
    col_sets: Vec<u64>,
    /// By a stem's new number: its weight, and the weight of each row's and column's
    /// stems, unless the weights are even (see [`Scratch::overlaps`]).
    bit_weights: Vec<f32>,
    row_totals: Vec<f32>,
    col_totals: Vec<f32>,
}

impl Scratch {
    const fn new() -> Scratch {
        Scratch {
            numbers: Renumbering::new(),
            row_words: Vec::new(),
            col_words: Vec::new(),
            col_ends: Vec::new(),
            row_sets: Vec::new(),
            col_sets: Vec::new(),
            bit_weights: Vec::new(),
            row_totals: Vec::new(),
            col_totals: Vec::new(),
        }
    }

    /// Sets `out` to one `(overlap, 0.0)` per pair (see [`similarities`]): with even
    /// weights, shared stems are counted set by set; otherwise each of the rows' stems is
    /// weighed once, and the stems two lists share are summed bit by bit.
    fn overlaps(
        &mut self,
        rows: &[&ExpectationWords],
        cols: &[&ExpectationWords],
        weights: &StemWeights,
        out: &mut Vec<(f32, f32)>,
    ) {
        let even = weights.is_even();
        // As many 64-bit words as the rows' stems would need were they all different: the
        // rows' sets are made as their stems are renumbered.
        let blocks = rows
            .iter()
            .map(|r| r.stems.len())
            .sum::<usize>()
            .div_ceil(64)
            .max(1);
        let mut numbers = self.numbers.start(rows.iter().map(|r| r.stems_below).max());
        self.row_sets.clear();
        self.row_sets.resize(rows.len() * blocks, 0);
        self.bit_weights.clear();
        for (r, set) in rows.iter().zip(self.row_sets.chunks_exact_mut(blocks)) {
            for &s in &r.stems {
                let bit = numbers.add(s) as usize;
                // New numbers come 0, 1, 2, … in order: a stem not seen yet in this call
                // gets the next index of the weights.
                if !even && bit == self.bit_weights.len() {
                    self.bit_weights.push(weights.weight(s));
                }
                set[bit / 64] |= 1 << (bit % 64);
            }
        }
        // Only the first words of each row's set hold bits, as many as the distinct stems
        // need: the rest are dropped.
        let (bound, blocks) = (blocks, numbers.len().div_ceil(64).max(1));
        if blocks < bound {
            for r in 0..rows.len() {
                self.row_sets
                    .copy_within(r * bound..r * bound + blocks, r * blocks);
            }
            self.row_sets.truncate(rows.len() * blocks);
        }
        sets(&numbers, cols, blocks, &mut self.col_sets);
        numbers.finish();
        if even {
            let overlap = |a: &ExpectationWords, b: &ExpectationWords, shared: u32| {
                if a.stems.is_empty() || b.stems.is_empty() {
                    (0.0, 0.0)
                } else {
                    (shared as f32 / a.stems.len().min(b.stems.len()) as f32, 0.0)
                }
            };
            if blocks == 1 {
                // Nearly every comparison: a pillar's rows with at most 64 stems.
                for (a, &row) in rows.iter().zip(&self.row_sets) {
                    let sets = self.col_sets.iter();
                    out.extend(
                        cols.iter()
                            .zip(sets)
                            .map(|(b, &col)| overlap(a, b, (row & col).count_ones())),
                    );
                }
                return;
            }
            for (a, row) in rows.iter().zip(self.row_sets.chunks_exact(blocks)) {
                let sets = self.col_sets.chunks_exact(blocks);
                out.extend(cols.iter().zip(sets).map(|(b, col)| {
                    let shared = row.iter().zip(col).map(|(x, y)| (x & y).count_ones()).sum();
                    overlap(a, b, shared)
                }));
            }
            return;
        }
        // The weight of each list's stems: the rows' by their bits, the columns' looked up
        // (a column's stems need not be the rows').
        self.row_totals.clear();
        for set in self.row_sets.chunks_exact(blocks) {
            self.row_totals
                .push(weighed(set.iter().copied(), &self.bit_weights));
        }
        self.col_totals.clear();
        self.col_totals
            .extend(cols.iter().map(|c| weights.total(c)));
        let (row_totals, col_totals) = (&self.row_totals, &self.col_totals);
        for ((a, row), &wa) in rows
            .iter()
            .zip(self.row_sets.chunks_exact(blocks))
            .zip(row_totals)
        {
            let sets = self.col_sets.chunks_exact(blocks).zip(col_totals);
            out.extend(cols.iter().zip(sets).map(|(b, (col, &wb))| {
                if a.stems.is_empty() || b.stems.is_empty() {
                    return (0.0, 0.0);
                }
                let both = row.iter().zip(col).map(|(x, y)| x & y);
                let shared = weighed(both, &self.bit_weights);
                (shared / wa.min(wb), 0.0)
            }));
        }
    }

    /// Sets the word similarity of each pair in `out` (see [`similarities`]), unless the rows
    /// hold more than 256 distinct words: then returns `false`, and leaves it to the caller.
    fn lengths(
        &mut self,
        rows: &[&ExpectationWords],
        cols: &[&ExpectationWords],
        out: &mut [(f32, f32)],
    ) -> bool {
        let mut numbers = self.numbers.start(rows.iter().map(|r| r.words_below).max());
        self.row_words.clear();
        for r in rows {
            self.row_words
                .extend(r.ids.iter().map(|&w| numbers.add(w) as u8));
        }
        if numbers.len() > 256 {
            numbers.finish();
            return false;
        }
        kept(&numbers, cols, &mut self.col_words, &mut self.col_ends);
        numbers.finish();
        let mut masks = [0u64; 256];
        let mut words = self.row_words.as_slice();
        for (a, out) in rows.iter().zip(out.chunks_exact_mut(cols.len())) {
            let row;
            (row, words) = words.split_at(a.ids.len());
            if row.len() > 64 {
                for (b, out) in cols.iter().zip(out) {
                    out.1 = ratio(lcs_len(&a.ids, &b.ids), a.ids.len() + b.ids.len());
                }
                continue;
            }
            for (i, &w) in row.iter().enumerate() {
                masks[w as usize] |= 1 << i;
            }
            let width = row.len();
            let live = live_bits(width);
            let mut start = 0;
            for ((b, out), &end) in cols.iter().zip(out).zip(&self.col_ends) {
                let mut v: u64 = live;
                for &w in &self.col_words[start..end] {
                    v = lcs_step(v, masks[w as usize]);
                }
                start = end;
                let lcs = width - (v & live).count_ones() as usize;
                out.1 = ratio(lcs, a.ids.len() + b.ids.len());
            }
            for &w in row {
                masks[w as usize] = 0;
            }
        }
        true
    }
}

/// Renumbers the interner's numbers 0, 1, 2, … in order of first [`Stamps::add`], one
/// comparison at a time.
///
/// The table holds, by the interner's number, a stamp: those of one renumbering run from its
/// `base` up, one for each number added, so a stamp below `base` is left from an earlier one
/// and nothing needs clearing.
struct Renumbering {
    table: Vec<u32>,
    /// The first stamp not given yet.
    next: u32,
}

/// One renumbering (see [`Renumbering`]), with its stamps in locals while it lasts.
struct Stamps<'t> {
    /// As long as the numbers [`Stamps::add`] is given need.
    table: &'t mut [u32],
    base: u32,
    next: u32,
    /// Where `next` is kept when [`Stamps::finish`] ends it.
    kept: &'t mut u32,
}

impl Renumbering {
    const fn new() -> Renumbering {
        Renumbering {
            table: Vec::new(),
            next: 1,
        }
    }

    /// Starts a renumbering of numbers below `below`, without any new number yet.
    fn start(&mut self, below: Option<u32>) -> Stamps<'_> {
        // Stamps run out after some hundred million comparisons: start again from 1.
        if self.next > u32::MAX / 2 {
            self.table.fill(0);
            self.next = 1;
        }
        let below = below.unwrap_or(0) as usize;
        if self.table.len() < below {
            self.table.resize(below, 0);
        }
        Stamps {
            table: &mut self.table,
            base: self.next,
            next: self.next,
            kept: &mut self.next,
        }
    }
}

impl Stamps<'_> {
    /// How many numbers have new ones.
    fn len(&self) -> usize {
        (self.next - self.base) as usize
    }

    /// The new number of `n`, the next one if it has none yet. `n` is below the bound the
    /// renumbering started with.
    #[inline]
    fn add(&mut self, n: u32) -> u32 {
        let stamp = &mut self.table[n as usize];
        if *stamp < self.base {
            *stamp = self.next;
            self.next += 1;
        }
        *stamp - self.base
    }

    /// The new number of `n`, if it has one.
    #[inline]
    fn get(&self, n: u32) -> Option<u32> {
        let stamp = self.table.get(n as usize).copied().unwrap_or(0);
        stamp.checked_sub(self.base)
    }

    /// Ends the renumbering: the next one gives stamps above its.
    fn finish(self) {
        *self.kept = self.next;
    }
}

/// The words of `cols` that have a new number in `numbers`, as that number (its low byte),
/// into `words`, one column after the other, and where each column ends into `ends`.
fn kept(numbers: &Stamps, cols: &[&ExpectationWords], words: &mut Vec<u8>, ends: &mut Vec<usize>) {
    words.clear();
    words.resize(cols.iter().map(|c| c.ids.len()).sum(), 0);
    ends.clear();
    let (table, base, count) = (&*numbers.table, numbers.base, numbers.len() as u32);
    let mut at = 0;
    for c in cols {
        for &w in &c.ids {
            // Without a branch: every word is written, and kept if it has a new number.
            let new = table
                .get(w as usize)
                .map_or(count, |s| s.wrapping_sub(base));
            words[at] = new as u8;
            at += usize::from(new < count);
        }
        ends.push(at);
    }
    words.truncate(at);
}

/// The sum of the weights (by bit) of the bits set in `set`, 64 bits a word.
fn weighed(set: impl Iterator<Item = u64>, weights: &[f32]) -> f32 {
    let mut sum = 0.0;
    for (k, word) in set.enumerate() {
        let mut bits = word;
        while bits != 0 {
            sum += weights[k * 64 + bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
    }
    sum
}

/// Each of `lists`' stems as a set of bits, `blocks` words each, into `sets`: bit `n` for a
/// stem whose new number is `n`; stems without one are left out.
fn sets(numbers: &Stamps, lists: &[&ExpectationWords], blocks: usize, sets: &mut Vec<u64>) {
    sets.clear();
    sets.resize(lists.len() * blocks, 0);
    for (list, set) in lists.iter().zip(sets.chunks_exact_mut(blocks)) {
        for &s in &list.stems {
            if let Some(bit) = numbers.get(s) {
                set[bit as usize / 64] |= 1 << (bit % 64);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::xorshift;

    /// The longest common subsequence by the textbook dynamic programme.
    fn lcs(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
                diagonal = up;
            }
        }
        row[b.len()]
    }

    /// An expectation of `words` words and `stems` distinct stems, drawn from `alphabet`
    /// numbers each.
    fn random(
        random: &mut impl FnMut(u64) -> u64,
        words: u64,
        stems: u64,
        alphabet: u64,
    ) -> ExpectationWords {
        let mut p = ExpectationWords {
            ids: (0..random(words + 1))
                .map(|_| random(alphabet) as u32)
                .collect(),
            words_below: alphabet as u32,
            stems_below: alphabet as u32,
            ..ExpectationWords::default()
        };
        for _ in 0..random(stems + 1) {
            let s = random(alphabet) as u32;
            if !p.stems.contains(&s) {
                p.stems.push(s);
            }
        }
        p
    }

    #[test]
    fn every_pair_is_measured_as_the_definitions_say() {
        let mut draw = xorshift(0x0dd5_eed5_1a7e_c0de);
        // Small and large alphabets (past 256 distinct words and 64 stems), rows past 64
        // words, and empty lists.
        for round in 0..400u64 {
            let (words, alphabet) = match round % 4 {
                0 => (30, 12),
                1 => (40, 400),
                2 => (90, 60),
                _ => (8, 3000),
            };
            let rows: Vec<ExpectationWords> = (0..draw(9))
                .map(|_| random(&mut draw, words, 40, alphabet))
                .collect();
            let cols: Vec<ExpectationWords> = (0..draw(9))
                .map(|_| random(&mut draw, words, 40, alphabet))
                .collect();
            let (r, c): (Vec<&ExpectationWords>, Vec<&ExpectationWords>) =
                (rows.iter().collect(), cols.iter().collect());
            let mut got = Vec::new();
            similarities(&r, &c, &StemWeights::even(), &mut got);
            let mut want = Vec::new();
            for a in &rows {
                for b in &cols {
                    let shared = a.stems.iter().filter(|s| b.stems.contains(s)).count();
                    let overlap = if a.stems.is_empty() || b.stems.is_empty() {
                        0.0
                    } else {
                        shared as f32 / a.stems.len().min(b.stems.len()) as f32
                    };
                    let words = ratio(lcs(&a.ids, &b.ids), a.ids.len() + b.ids.len());
                    want.push((overlap, words));
                }
            }
            assert_eq!(got, want, "round {round}");
            // Weighed by the rows alone, so that some of the columns' stems are counted by
            // none of the expectations.
            let weights = StemWeights::of(&rows);
            similarities(&r, &c, &weights, &mut got);
            let mut k = 0;
            for a in &rows {
                for b in &cols {
                    let shared: f32 = a
                        .stems
                        .iter()
                        .filter(|s| b.stems.contains(s))
                        .map(|&s| weights.weight(s))
                        .sum();
                    let lighter = weights.total(a).min(weights.total(b));
                    let overlap = if a.stems.is_empty() || b.stems.is_empty() {
                        0.0
                    } else {
                        shared / lighter
                    };
                    assert!((got[k].0 - overlap).abs() < 1e-5, "round {round}");
                    assert_eq!(got[k].1, want[k].1, "round {round}");
                    k += 1;
                }
            }
            assert_eq!(k, got.len());
        }
    }
}
