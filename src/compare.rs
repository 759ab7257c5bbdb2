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
/// `shared/real-ladders`, rewordings one level up score 0.53–0.97 ("You are responsive to
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
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
        let ids: Vec<u32> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
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
            let mut v: u64 = live;
            for &w in b {
                let m = masks.get(w as usize).copied().unwrap_or(0);
                if m != 0 {
                    let u = v & m;
                    v = (v.wrapping_add(u) | (v & !m)) & live;
                }
            }
            width - v.count_ones() as usize
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
/// between them. The patience algorithm
/// anchors the diff on words that occur once in each text, which keeps rewordings readable.
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
    for op in capture_diff_slices(Algorithm::Patience, &old_ids, &new_ids) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Delete | DiffTag::Replace) {
            for i in old_range {
                word(&mut out, ChangeTag::Delete, old_words[i]);
            }
        }
        let new_tag = match tag {
            DiffTag::Equal => ChangeTag::Equal,
            _ => ChangeTag::Insert,
        };
        if tag != DiffTag::Delete {
            for j in new_range {
                word(&mut out, new_tag, new_words[j]);
            }
        }
    }
    match open {
        Some(ChangeTag::Delete) => out.push_str("</del>"),
        Some(_) => out.push_str("</ins>"),
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Pairs from Codecademy's engineering competencies (shared/real-ladders), one level apart.
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
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as u32
        };
        for round in 0..2000 {
            let alphabet = 2 + (round % 12) as u64;
            let (la, lb) = (next(70) as usize, next(70) as usize);
            let a: Vec<u32> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(alphabet)).collect();
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
    fn unrelated_expectations_of_one_pillar_stay_apart() {
        let rows = match_expectations(&[LOW_ONLY.into()], &[ONLY_HIGHER.into()]);
        assert_eq!(rows.len(), 2);
        assert!(similarity(LOW_ONLY, ONLY_HIGHER) < MATCH_THRESHOLD);
    }
}
