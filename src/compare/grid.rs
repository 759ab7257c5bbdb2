//! The stem and word similarities of every pair of two lists of expectations at once, as
//! [`super::pairing`] weighs them: the overlap coefficient of their stems and the word
//! similarity of their words (see [`super`]).
//!
//! A pillar holds a few dozen words and stems among the thousands of a build. The numbers the
//! [`super::Interner`] gave the rows' words (and, apart, their stems) are renumbered 1, 2, 3, …
//! for one call, so that a row's stems fit a few 64-bit words and a row's bit masks (see
//! [`super::lcs_len`]) a table of 256 on the stack; the columns are renumbered the same way,
//! without the words and stems no row has, which can change neither measure.

use super::{lcs_len, lcs_row, ratio, ExpectationWords};
use std::cell::RefCell;

/// `out[r × cols.len() + c]`: (the overlap coefficient of the stems, the word similarity) of
/// `rows[r]` and `cols[c]`; `out` is cleared first. The overlap coefficient is `shared /
/// shorter length` of two stem lists, 0 when either is empty; the word similarity is
/// [`ratio`] of their longest common subsequence.
pub(super) fn similarities(
    rows: &[&ExpectationWords],
    cols: &[&ExpectationWords],
    out: &mut Vec<(f32, f32)>,
) {
    out.clear();
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        scratch.overlaps(rows, cols, out);
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
    /// See [`Renumbering`].
    table: Vec<u32>,
    added: Vec<u32>,
    /// The words of every row, renumbered, one row after the other.
    row_words: Vec<u8>,
    /// The words of every column that some row has, renumbered, and where each column ends.
    col_words: Vec<u8>,
    col_ends: Vec<usize>,
    /// Each row's and column's stems as a set of bits, `blocks` words each.
    row_sets: Vec<u64>,
    col_sets: Vec<u64>,
}

impl Scratch {
    const fn new() -> Scratch {
        Scratch {
            table: Vec::new(),
            added: Vec::new(),
            row_words: Vec::new(),
            col_words: Vec::new(),
            col_ends: Vec::new(),
            row_sets: Vec::new(),
            col_sets: Vec::new(),
        }
    }

    /// Sets `out` to one `(overlap, 0.0)` per pair (see [`similarities`]).
    fn overlaps(
        &mut self,
        rows: &[&ExpectationWords],
        cols: &[&ExpectationWords],
        out: &mut Vec<(f32, f32)>,
    ) {
        let mut numbers = Renumbering::start(&mut self.table, &mut self.added);
        for r in rows {
            numbers.add_all(&r.stems);
        }
        let blocks = numbers.len().div_ceil(64).max(1);
        let table = numbers.table;
        sets(table, rows, blocks, &mut self.row_sets);
        sets(table, cols, blocks, &mut self.col_sets);
        for (a, row) in rows.iter().zip(self.row_sets.chunks_exact(blocks)) {
            let sets = self.col_sets.chunks_exact(blocks);
            out.extend(cols.iter().zip(sets).map(|(b, col)| {
                if a.stems.is_empty() || b.stems.is_empty() {
                    return (0.0, 0.0);
                }
                let shared: u32 = row.iter().zip(col).map(|(x, y)| (x & y).count_ones()).sum();
                (shared as f32 / a.stems.len().min(b.stems.len()) as f32, 0.0)
            }));
        }
    }

    /// Sets the word similarity of each pair in `out` (see [`similarities`]), unless the rows
    /// hold more than 255 distinct words: then returns `false`, and leaves it to the caller.
    fn lengths(
        &mut self,
        rows: &[&ExpectationWords],
        cols: &[&ExpectationWords],
        out: &mut [(f32, f32)],
    ) -> bool {
        let mut numbers = Renumbering::start(&mut self.table, &mut self.added);
        self.row_words.clear();
        for r in rows {
            numbers.add_all_into(&r.ids, &mut self.row_words);
        }
        if numbers.len() > 255 {
            return false;
        }
        let table = numbers.table;
        self.col_words.clear();
        self.col_ends.clear();
        for c in cols {
            kept(table, &c.ids, &mut self.col_words);
            self.col_ends.push(self.col_words.len());
        }
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
            let live: u64 = if width == 64 {
                u64::MAX
            } else {
                (1u64 << width) - 1
            };
            let mut start = 0;
            for ((b, out), &end) in cols.iter().zip(out).zip(&self.col_ends) {
                // The bit-parallel step of `lcs_row`.
                let mut v: u64 = live;
                for &w in &self.col_words[start..end] {
                    let m = masks[w as usize];
                    v = v.wrapping_add(v & m) | (v & !m);
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

/// The interner's numbers renumbered 1, 2, 3, … in order of first [`Renumbering::add_all`].
struct Renumbering<'s> {
    /// By the interner's number: the new number, 0 for none. As long as the largest number
    /// seen; the entries in use are those of `added`.
    table: &'s mut Vec<u32>,
    /// The numbers renumbered, in order: `added[i]` is `i + 1`.
    added: &'s mut Vec<u32>,
}

impl<'s> Renumbering<'s> {
    /// Forgets the new numbers of the last renumbering (kept until now, as a panic may have
    /// cut one short).
    fn start(table: &'s mut Vec<u32>, added: &'s mut Vec<u32>) -> Self {
        for &n in added.iter() {
            table[n as usize] = 0;
        }
        added.clear();
        Renumbering { table, added }
    }

    /// How many numbers have new ones.
    fn len(&self) -> usize {
        self.added.len()
    }

    /// Gives each of `numbers` a new number, if it has none yet.
    fn add_all(&mut self, numbers: &[u32]) {
        self.grow(numbers);
        for &n in numbers {
            renumber(self.table, self.added, n);
        }
    }

    /// [`Renumbering::add_all`], with the new numbers (their low byte) added to `out`.
    fn add_all_into(&mut self, numbers: &[u32], out: &mut Vec<u8>) {
        self.grow(numbers);
        let (table, added) = (&mut *self.table, &mut *self.added);
        out.extend(numbers.iter().map(|&n| renumber(table, added, n) as u8));
    }

    /// Makes the table as long as the largest of `numbers` needs.
    fn grow(&mut self, numbers: &[u32]) {
        let top = numbers.iter().copied().max().map_or(0, |n| n as usize + 1);
        if self.table.len() < top {
            self.table.resize(top, 0);
        }
    }
}

/// The new number of `n`, the next one if it has none yet.
#[inline]
fn renumber(table: &mut [u32], added: &mut Vec<u32>, n: u32) -> u32 {
    let slot = &mut table[n as usize];
    if *slot == 0 {
        added.push(n);
        *slot = added.len() as u32;
    }
    *slot
}

/// The new numbers (their low byte) of those of `numbers` that have one, added to `out`.
fn kept(table: &[u32], numbers: &[u32], out: &mut Vec<u8>) {
    out.reserve(numbers.len());
    for &n in numbers {
        let new = table.get(n as usize).copied().unwrap_or(0);
        if new != 0 {
            out.push(new as u8);
        }
    }
}

/// Each of `lists`' stems as a set of bits, `blocks` words each, into `sets`: bit `n - 1` for
/// a stem whose new number in `table` is `n`; stems without one are left out.
fn sets(table: &[u32], lists: &[&ExpectationWords], blocks: usize, sets: &mut Vec<u64>) {
    sets.clear();
    sets.resize(lists.len() * blocks, 0);
    for (list, set) in lists.iter().zip(sets.chunks_exact_mut(blocks)) {
        for &s in &list.stems {
            let new = table.get(s as usize).copied().unwrap_or(0);
            if new != 0 {
                let bit = new as usize - 1;
                set[bit / 64] |= 1 << (bit % 64);
            }
        }
    }
}
