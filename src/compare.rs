//! Comparing two levels: which expectations are carried over, which changed (and how, word by
//! word), which are new at the higher level, and which the higher level no longer restates.
//!
//! Similarity is word-level: both texts are lowercased and split into words (letters and
//! digits; punctuation and spacing ignored), and the ratio is `2 × M / T`, where `M` is the
//! number of words in the longest common subsequence found by the `similar` crate's Myers
//! diff and `T` the number of words in both texts (the measure Python's `difflib` uses).
//! Pairs at or above [`MATCH_THRESHOLD`] are matched, best pairs first, each expectation
//! at most once.

use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffOp, DiffTag};

/// The least similarity at which two expectations count as the same expectation, reworded.
///
/// 0.5 means at least half of the two texts' words line up. Measured on the real ladders in
/// `tests/fixtures/real-ladders`, rewordings one level up score 0.53–0.97 ("You are responsive to
/// peer feedback…" → "You provide timely code reviews and are responsive to peer feedback…":
/// 0.84), while different expectations of the same pillar score below 0.35.
pub const MATCH_THRESHOLD: f32 = 0.5;

/// How an expectation of the higher level relates to the lower level's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The same words at both levels.
    Unchanged,
    /// Reworded: similar enough to be the same expectation, but not the same words.
    Changed,
    /// Only at the higher level.
    New,
    /// Only at the lower level: the higher level does not restate it.
    NotRestated,
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
    /// Word similarity in 0.0–1.0 (0 for unpaired rows).
    pub similarity: f32,
}

/// Lowercase words, without punctuation.
pub fn words(text: &str) -> Vec<String> {
    raw_words(text).map(str::to_lowercase).collect()
}

/// The words of `text` as written: runs of letters and digits.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The words of one expectation, prepared once for comparing it with many others: each word
/// as a number (the same word, the same number, within one [`Interner`]), in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    ids: Vec<u32>,
}

/// Numbers words for [`Prepared`].
#[derive(Debug, Default)]
pub struct Interner(foldhash::HashMap<String, u32>);

impl Interner {
    /// Prepares `text` for comparison: its [`words`], numbered. Only words not seen before
    /// are copied into the interner.
    pub fn prepare(&mut self, text: &str) -> Prepared {
        let mut folded = String::new();
        let ids: Vec<u32> = raw_words(text)
            .map(|w| {
                // As `words` does: each word lowercased on its own.
                let w = if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    folded = w.to_lowercase();
                    folded.as_str()
                } else {
                    w
                };
                match self.0.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = self.0.len() as u32;
                        self.0.insert(w.to_string(), id);
                        id
                    }
                }
            })
            .collect();
        Prepared { ids }
    }
}

/// `2 × lcs / total` (see the module documentation); two empty texts are the same.
fn ratio(lcs: usize, total: usize) -> f32 {
    if total == 0 {
        1.0
    } else {
        2.0 * lcs as f32 / total as f32
    }
}

/// The length of the longest common subsequence of two word lists: the number of words a
/// minimal word diff keeps (what the `similar` crate's Myers diff reports as equal).
///
/// When the shorter list has at most 64 words (nearly every expectation) this is the
/// bit-parallel algorithm of Crochemore, Iliopoulos, Pinzon and Reid, "A fast and practical
/// bit-vector algorithm for the longest common subsequence problem" (Information Processing
/// Letters 80, 2001): one machine word holds a column of the dynamic-programming table, so the
/// cost is one pass over the longer list. Longer lists fall back to the Myers diff.
pub fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0;
    }
    if short.len() > 64 {
        return capture_diff_slices(Algorithm::Myers, a, b)
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum();
    }
    let mut length = Vec::with_capacity(1);
    lcs_row(short, [long], &mut length);
    length.first().copied().unwrap_or(0)
}

/// [`lcs_len`] of `a` with each of `others`, in order, into `out` (cleared first). The bit
/// masks of `a` (at most 64 words) are set once for all of them; a longer `a` falls back to
/// [`lcs_len`] per pair.
fn lcs_row<'o>(a: &[u32], others: impl IntoIterator<Item = &'o [u32]>, out: &mut Vec<usize>) {
    out.clear();
    if a.is_empty() {
        out.extend(others.into_iter().map(|_| 0));
        return;
    }
    if a.len() > 64 {
        out.extend(others.into_iter().map(|b| lcs_len(a, b)));
        return;
    }
    // masks[w]: the positions of `a` that hold the word numbered w. One table per thread,
    // grown to the largest word number seen, and cleared again before returning.
    MASKS.with(|masks| {
        let mut masks = masks.borrow_mut();
        let top = a.iter().copied().max().unwrap_or(0) as usize;
        if masks.len() <= top {
            masks.resize(top + 1, 0);
        }
        for (i, &w) in a.iter().enumerate() {
            masks[w as usize] |= 1 << i;
        }
        let width = a.len();
        let live: u64 = if width == 64 {
            u64::MAX
        } else {
            (1u64 << width) - 1
        };
        out.extend(others.into_iter().map(|b| {
            // Without a branch: a word `a` lacks has m = 0, which leaves v as it is. Carries
            // out of the low `width` bits never reach back into them, so they are masked
            // off once, at the end.
            let mut v: u64 = live;
            for &w in b {
                let m = masks.get(w as usize).copied().unwrap_or(0);
                v = v.wrapping_add(v & m) | (v & !m);
            }
            width - (v & live).count_ones() as usize
        }));
        for &w in a {
            masks[w as usize] = 0;
        }
    })
}

thread_local! {
    static MASKS: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Word similarity of two texts, 0.0–1.0 (see the module documentation).
pub fn similarity(a: &str, b: &str) -> f32 {
    let mut interner = Interner::default();
    let (pa, pb) = (interner.prepare(a), interner.prepare(b));
    ratio(lcs_len(&pa.ids, &pb.ids), pa.ids.len() + pb.ids.len())
}

/// Pairs every expectation of `lower` with its closest counterpart in `higher` (plain texts).
///
/// Rows come in the higher level's order (changed, unchanged and new), then the lower
/// level's expectations that are not restated, in their order.
pub fn match_expectations(lower: &[String], higher: &[String]) -> Vec<Pair> {
    let mut interner = Interner::default();
    let lower: Vec<Prepared> = lower.iter().map(|t| interner.prepare(t)).collect();
    let higher: Vec<Prepared> = higher.iter().map(|t| interner.prepare(t)).collect();
    match_prepared(&lower, &higher)
}

/// [`match_expectations`] on texts prepared with one [`Interner`].
pub fn match_prepared(lower: &[Prepared], higher: &[Prepared]) -> Vec<Pair> {
    let mut candidates = Vec::new();
    let mut lengths = Vec::with_capacity(higher.len());
    for (i, a) in lower.iter().enumerate() {
        lcs_row(
            &a.ids,
            higher.iter().map(|b| b.ids.as_slice()),
            &mut lengths,
        );
        for (j, (b, &lcs)) in higher.iter().zip(&lengths).enumerate() {
            let s = ratio(lcs, a.ids.len() + b.ids.len());
            if s >= MATCH_THRESHOLD {
                candidates.push((s, i, j));
            }
        }
    }
    // Best first; ties keep the original order, so the result is stable.
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut lower_of: Vec<Option<(usize, f32)>> = vec![None; higher.len()];
    let mut used = vec![false; lower.len()];
    for (s, i, j) in candidates {
        if !used[i] && lower_of[j].is_none() {
            used[i] = true;
            lower_of[j] = Some((i, s));
        }
    }
    let mut rows: Vec<Pair> = lower_of
        .iter()
        .enumerate()
        .map(|(j, m)| match m {
            Some((i, s)) => Pair {
                lower: Some(*i),
                higher: Some(j),
                status: if lower[*i].ids == higher[j].ids {
                    Status::Unchanged
                } else {
                    Status::Changed
                },
                similarity: *s,
            },
            None => Pair {
                lower: None,
                higher: Some(j),
                status: Status::New,
                similarity: 0.0,
            },
        })
        .collect();
    rows.extend(
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| Pair {
                lower: Some(i),
                higher: None,
                status: Status::NotRestated,
                similarity: 0.0,
            }),
    );
    rows
}

/// The higher text as HTML, with the words the lower text had and it dropped in `<del>`, and
/// the words it added in `<ins>` (HTML's edit elements, so the marks read without colour and
/// in print). Words are compared as written, punctuation attached, and written with one space
/// between them; a run of changed words reads as its deleted words, then its inserted ones.
/// The alignment is [`word_diff`]'s.
pub fn word_diff_html(old: &str, new: &str) -> String {
    // The words (runs of non-space characters), each distinct word numbered, so the diff
    // compares numbers; whitespace is not compared.
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let mut numbers: foldhash::HashMap<&str, u32> = foldhash::HashMap::with_capacity_and_hasher(
        old_words.len() + new_words.len(),
        Default::default(),
    );
    let mut old_ids = Vec::with_capacity(old_words.len());
    let mut new_ids = Vec::with_capacity(new_words.len());
    for (words, ids) in [(&old_words, &mut old_ids), (&new_words, &mut new_ids)] {
        for &w in words.iter() {
            let next = numbers.len() as u32;
            ids.push(*numbers.entry(w).or_insert(next));
        }
    }

    let mut out = String::with_capacity(new.len() + old.len() / 2 + 64);
    // The mark open at the end of `out`, and whether a word has been written.
    let mut open: Option<ChangeTag> = None;
    let mut started = false;
    let mut word = |out: &mut String, tag: ChangeTag, w: &str| {
        // One space between two words, whichever side they come from; a space between two
        // marked words of one kind stays inside the mark.
        let space = if started { " " } else { "" };
        started = true;
        let want = (tag != ChangeTag::Equal).then_some(tag);
        if open != want {
            match open {
                Some(ChangeTag::Delete) => out.push_str("</del>"),
                Some(_) => out.push_str("</ins>"),
                None => {}
            }
            out.push_str(space);
            match want {
                Some(ChangeTag::Delete) => out.push_str("<del>"),
                Some(_) => out.push_str("<ins>"),
                None => {}
            }
            open = want;
        } else {
            out.push_str(space);
        }
        crate::markup::text(out, w);
    };
    // Between two kept words, the deleted words first, then the inserted ones.
    let edits = word_diff(&old_ids, &new_ids);
    let mut at = 0;
    while at < edits.len() {
        let end = edits[at..]
            .iter()
            .position(|e| matches!(e, Edit::Keep(..)))
            .map_or(edits.len(), |k| at + k);
        for e in &edits[at..end] {
            if let Edit::Delete(i) = *e {
                word(&mut out, ChangeTag::Delete, old_words[i]);
            }
        }
        for e in &edits[at..end] {
            if let Edit::Insert(j) = *e {
                word(&mut out, ChangeTag::Insert, new_words[j]);
            }
        }
        if let Some(&Edit::Keep(_, j)) = edits.get(end) {
            word(&mut out, ChangeTag::Equal, new_words[j]);
        }
        at = end + 1;
    }
    match open {
        Some(ChangeTag::Delete) => out.push_str("</del>"),
        Some(_) => out.push_str("</ins>"),
        None => {}
    }
    out
}

/// One step of a word diff: indices into the old and new word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// `old[i]` is `new[j]`, kept.
    Keep(usize, usize),
    /// `old[i]` is dropped.
    Delete(usize),
    /// `new[j]` is added.
    Insert(usize),
}

/// Aligns two lists of numbered words (the same number, the same word; numbers are small,
/// as an interner hands them out) for display: every index of `old` and of `new` appears
/// once, in order, kept, deleted or inserted.
///
/// This is the patience diff (Bram Cohen's, as in Bazaar and `git diff --patience`): the
/// common first and last words are kept; then the words that occur exactly once in each
/// list are paired, the longest run of those pairs in the same order in both lists is kept
/// as anchors, and the stretches between anchors are diffed the same way. A stretch with no
/// such word is aligned on a longest common subsequence (a dynamic-programming table, which
/// prefers deleting to inserting where both are as good, so a reworded run reads as
/// deleted words, then inserted ones); past 4,096 table cells, on the `similar` crate's
/// Myers diff, which is as minimal in linear space. Anchoring on unique words keeps a
/// rewording readable: a minimal diff of two sentences tends to keep scattered "the"s
/// and "and"s instead of the words that carry the meaning. Stretches nested more than
/// [`ANCHOR_DEPTH`] deep are aligned directly, which bounds the recursion on any input.
pub fn word_diff(old: &[u32], new: &[u32]) -> Vec<Edit> {
    let top = old
        .iter()
        .chain(new)
        .copied()
        .max()
        .map_or(0, |m| m as usize + 1);
    let mut d = Differ {
        old,
        new,
        edits: Vec::with_capacity(old.len() + new.len()),
        counts: vec![(0, 0, 0); top],
    };
    d.diff(0..old.len(), 0..new.len(), 0);
    d.edits
}

/// How deep [`word_diff`] looks for anchors inside stretches between anchors (real
/// rewordings need two or three levels).
pub const ANCHOR_DEPTH: usize = 32;

struct Differ<'a> {
    old: &'a [u32],
    new: &'a [u32],
    edits: Vec<Edit>,
    /// Per word number: occurrences in the old stretch, in the new stretch, and the position
    /// of its last occurrence in the new stretch. All zero between calls.
    counts: Vec<(u32, u32, usize)>,
}

impl Differ<'_> {
    fn diff(&mut self, mut o: std::ops::Range<usize>, mut n: std::ops::Range<usize>, depth: usize) {
        // Common first words, then common last words (kept after the middle).
        while !o.is_empty() && !n.is_empty() && self.old[o.start] == self.new[n.start] {
            self.edits.push(Edit::Keep(o.start, n.start));
            o.start += 1;
            n.start += 1;
        }
        let mut tail = 0;
        while o.len() > tail
            && n.len() > tail
            && self.old[o.end - 1 - tail] == self.new[n.end - 1 - tail]
        {
            tail += 1;
        }
        let (o_end, n_end) = (o.end, n.end);
        o.end -= tail;
        n.end -= tail;
        if o.is_empty() || n.is_empty() {
            self.edits.extend(o.map(Edit::Delete));
            self.edits.extend(n.map(Edit::Insert));
        } else {
            let anchors = if depth < ANCHOR_DEPTH {
                self.anchors(o.clone(), n.clone())
            } else {
                Vec::new()
            };
            if anchors.is_empty() {
                self.aligned(o, n);
            } else {
                let (mut oi, mut ni) = (o.start, n.start);
                for (i, j) in anchors {
                    self.diff(oi..i, ni..j, depth + 1);
                    self.edits.push(Edit::Keep(i, j));
                    oi = i + 1;
                    ni = j + 1;
                }
                self.diff(oi..o.end, ni..n.end, depth + 1);
            }
        }
        self.edits
            .extend((0..tail).map(|k| Edit::Keep(o_end - tail + k, n_end - tail + k)));
    }

    /// The pairs of words that occur once in each stretch, longest increasing run of them
    /// (patience sorting: O(k log k) for k pairs), in order.
    fn anchors(
        &mut self,
        o: std::ops::Range<usize>,
        n: std::ops::Range<usize>,
    ) -> Vec<(usize, usize)> {
        for j in n.clone() {
            let c = &mut self.counts[self.new[j] as usize];
            c.1 += 1;
            c.2 = j;
        }
        for i in o.clone() {
            self.counts[self.old[i] as usize].0 += 1;
        }
        let pairs: Vec<(usize, usize)> = o
            .clone()
            .filter_map(|i| match self.counts[self.old[i] as usize] {
                (1, 1, j) => Some((i, j)),
                _ => None,
            })
            .collect();
        for &w in &self.old[o] {
            self.counts[w as usize] = (0, 0, 0);
        }
        for &w in &self.new[n] {
            self.counts[w as usize] = (0, 0, 0);
        }
        // tops[k]: index into `pairs` of the smallest new position ending a run of k + 1.
        let mut tops: Vec<usize> = Vec::new();
        let mut back: Vec<Option<usize>> = vec![None; pairs.len()];
        for (p, &(_, j)) in pairs.iter().enumerate() {
            let k = tops.partition_point(|&t| pairs[t].1 < j);
            back[p] = k.checked_sub(1).map(|k| tops[k]);
            if k == tops.len() {
                tops.push(p);
            } else {
                tops[k] = p;
            }
        }
        let mut run = Vec::with_capacity(tops.len());
        let mut at = tops.last().copied();
        while let Some(p) = at {
            run.push(pairs[p]);
            at = back[p];
        }
        run.reverse();
        run
    }

    /// A stretch with no anchor, aligned on a longest common subsequence.
    fn aligned(&mut self, o: std::ops::Range<usize>, n: std::ops::Range<usize>) {
        let (w, h) = (n.len() + 1, o.len() + 1);
        if w * h > 4096 {
            for op in
                capture_diff_slices(Algorithm::Myers, &self.old[o.clone()], &self.new[n.clone()])
            {
                let (tag, or, nr) = op.as_tag_tuple();
                match tag {
                    DiffTag::Equal => self.edits.extend(
                        or.zip(nr)
                            .map(|(i, j)| Edit::Keep(o.start + i, n.start + j)),
                    ),
                    _ => {
                        self.edits.extend(or.map(|i| Edit::Delete(o.start + i)));
                        self.edits.extend(nr.map(|j| Edit::Insert(n.start + j)));
                    }
                }
            }
            return;
        }
        let (a, b) = (&self.old[o.clone()], &self.new[n.clone()]);
        // lcs[i * w + j]: the longest common subsequence of a[i..] and b[j..].
        let mut lcs = vec![0u16; w * h];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i * w + j] = if a[i] == b[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i] == b[j] {
                self.edits.push(Edit::Keep(o.start + i, n.start + j));
                i += 1;
                j += 1;
            } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                self.edits.push(Edit::Delete(o.start + i));
                i += 1;
            } else {
                self.edits.push(Edit::Insert(n.start + j));
                j += 1;
            }
        }
        self.edits.extend((o.start + i..o.end).map(Edit::Delete));
        self.edits.extend((n.start + j..n.end).map(Edit::Insert));
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A deterministic pseudo-random source for property tests (xorshift64): each call
    /// gives a number below its argument.
    pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |m| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        }
    }

    /// 2,000 pairs of pseudo-random word lists (numbers below `alphabet(round)`, each list
    /// shorter than `longest`), from `seed`: small alphabets give the many repeats real
    /// expectations have.
    fn random_pairs(
        seed: u64,
        longest: u64,
        alphabet: impl Fn(u64) -> u64,
    ) -> impl Iterator<Item = (Vec<u32>, Vec<u32>)> {
        let mut random = xorshift(seed);
        (0..2000).map(move |round| {
            let size = alphabet(round);
            let (la, lb) = (random(longest), random(longest));
            let a = (0..la).map(|_| random(size) as u32).collect();
            let b = (0..lb).map(|_| random(size) as u32).collect();
            (a, b)
        })
    }

    // Pairs from Codecademy's engineering competencies (tests/fixtures/real-ladders), one level apart.
    const REWORDED_LOW: &str =
        "You are responsive to peer feedback on code reviews and learn from it.";
    const REWORDED_HIGH: &str = "You provide timely code reviews and are responsive to peer feedback on code reviews and learn from it.";
    const REPEATED: &str = "You proactively maintain, debug, and fix problems in your code.";
    const ONLY_HIGHER: &str = "You own at least one engineering-wide initiative (e.g. tech community pillar, interviewing, revising competencies).";
    const LOW_ONLY: &str = "You set clear goals and expectations.";

    #[test]
    fn a_rewording_one_level_up_is_matched_and_marked_changed() {
        let s = similarity(REWORDED_LOW, REWORDED_HIGH);
        assert!(s >= MATCH_THRESHOLD && s < 1.0, "{s}");
        let rows = match_expectations(&[REWORDED_LOW.into()], &[REWORDED_HIGH.into()]);
        assert_eq!(
            rows,
            vec![Pair {
                lower: Some(0),
                higher: Some(0),
                status: Status::Changed,
                similarity: s
            }]
        );
        let html = word_diff_html(REWORDED_LOW, REWORDED_HIGH);
        assert_eq!(html, "You <ins>provide timely code reviews and</ins> are responsive to peer feedback on code reviews and learn from it.");
    }

    #[test]
    fn a_repeated_expectation_is_unchanged_and_new_ones_are_new() {
        let lower = vec![REPEATED.to_string(), LOW_ONLY.to_string()];
        let higher = vec![ONLY_HIGHER.to_string(), REPEATED.to_string()];
        let rows = match_expectations(&lower, &higher);
        let statuses: Vec<_> = rows.iter().map(|r| (r.lower, r.higher, r.status)).collect();
        assert_eq!(
            statuses,
            vec![
                (None, Some(0), Status::New),
                (Some(0), Some(1), Status::Unchanged),
                (Some(1), None, Status::NotRestated),
            ]
        );
    }

    #[test]
    fn dropped_words_are_deleted_and_added_words_inserted() {
        let html = word_diff_html(
            "You are learning and applying our standards around design.",
            "You are applying and helping define our standards around design.",
        );
        assert_eq!(html, "You are <del>learning and</del> applying <ins>and helping define</ins> our standards around design.");
        assert_eq!(
            word_diff_html("a < b", "a < c"),
            "a &lt; <del>b</del> <ins>c</ins>"
        );
    }

    #[test]
    fn the_bit_parallel_lcs_agrees_with_the_myers_diff() {
        // Deterministic pseudo-random word lists over small alphabets (many repeats, as in
        // real expectations), of every length up to past the 64-word limit.
        for (a, b) in random_pairs(0x9e37_79b9_7f4a_7c15, 70, |round| 2 + round % 12) {
            let myers: usize = capture_diff_slices(Algorithm::Myers, &a, &b)
                .iter()
                .map(|op| match op {
                    DiffOp::Equal { len, .. } => *len,
                    _ => 0,
                })
                .sum();
            assert_eq!(lcs_len(&a, &b), myers, "{a:?} / {b:?}");
        }
    }

    #[test]
    fn a_word_diff_keeps_every_word_once_in_order_and_as_many_as_it_can() {
        // The same kind of pseudo-random lists as above: every word of both lists is
        // accounted for, in order, and kept words are equal. A stretch without anchors is
        // aligned keeping as many words as a longest common subsequence has.
        for (a, b) in random_pairs(0x2545_f491_4f6c_dd1d, 90, |round| 2 + round % 40) {
            let (la, lb) = (a.len(), b.len());
            let edits = word_diff(&a, &b);
            let (mut i, mut j, mut kept) = (0, 0, 0);
            for e in &edits {
                match *e {
                    Edit::Keep(x, y) => {
                        assert_eq!((x, y), (i, j), "{a:?} / {b:?}");
                        assert_eq!(a[x], b[y]);
                        i += 1;
                        j += 1;
                        kept += 1;
                    }
                    Edit::Delete(x) => {
                        assert_eq!(x, i);
                        i += 1;
                    }
                    Edit::Insert(y) => {
                        assert_eq!(y, j);
                        j += 1;
                    }
                }
            }
            assert_eq!((i, j), (la, lb), "{a:?} / {b:?}");
            assert!(kept <= lcs_len(&a, &b));
            let mut d = Differ {
                old: &a,
                new: &b,
                edits: Vec::new(),
                counts: Vec::new(),
            };
            d.aligned(0..la, 0..lb);
            let kept = d
                .edits
                .iter()
                .filter(|e| matches!(e, Edit::Keep(..)))
                .count();
            assert_eq!(kept, lcs_len(&a, &b), "{a:?} / {b:?}");
        }
    }

    #[test]
    fn a_long_pasted_text_is_diffed_completely() {
        // 20,000 words each, nested repeats: every word accounted for, nothing overflows.
        let old: Vec<u32> = (0..20_000u32).map(|i| (i * 7919) % 3001).collect();
        let new: Vec<u32> = (0..20_000u32).map(|i| (i * 7907 + 13) % 2999).collect();
        let edits = word_diff(&old, &new);
        let deleted_or_kept = edits
            .iter()
            .filter(|e| !matches!(e, Edit::Insert(_)))
            .count();
        let inserted_or_kept = edits
            .iter()
            .filter(|e| !matches!(e, Edit::Delete(_)))
            .count();
        assert_eq!((deleted_or_kept, inserted_or_kept), (old.len(), new.len()));
    }

    #[test]
    fn a_reworded_run_reads_as_its_deleted_words_then_its_inserted_ones() {
        // No word of the middle occurs once in each text, so it is aligned on a longest
        // common subsequence; the deletions still come first.
        assert_eq!(
            word_diff_html("we ship and we test it", "we test and we ship it"),
            "we <del>ship</del> <ins>test</ins> and we <del>test</del> <ins>ship</ins> it"
        );
    }

    #[test]
    fn unrelated_expectations_of_one_pillar_stay_apart() {
        let rows = match_expectations(&[LOW_ONLY.into()], &[ONLY_HIGHER.into()]);
        assert_eq!(rows.len(), 2);
        assert!(similarity(LOW_ONLY, ONLY_HIGHER) < MATCH_THRESHOLD);
    }
}
