//! Comparing two levels: which expectations are carried over, which changed (and how, word by
//! word), which were rewritten, which are new at the higher level, and which the higher level
//! no longer restates.
//!
//! Word similarity: both texts are lowercased and split into words (letters and digits;
//! punctuation and spacing ignored), and the ratio is `2 × M / T`, where `M` is the number of
//! words in their longest common subsequence and `T` the number of words in both texts (the
//! measure Python's `difflib` uses). [`pairing`] decides which expectations correspond;
//! [`worddiff`] marks the words that changed.

mod assign;
mod grid;
pub mod pairing;
mod weights;
pub mod worddiff;

pub use pairing::{
    match_among, match_expectations, match_prepared, Pair, Pairing, Status, MATCH_THRESHOLD,
};
pub use weights::StemWeights;
pub use worddiff::{diff_words, split_diff_html, split_diff_prepared, Word};

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Lowercase words, without punctuation.
pub fn words(text: &str) -> Vec<String> {
    raw_words(text).map(str::to_lowercase).collect()
}

/// A hash of the label an expectation's plain text opens with: one to four words before a
/// colon in its first 40 bytes (`Influence: …`, `Design adoption: …`), lowercased; 0 for none.
/// Ladders that label each expectation by its competency keep the labels from level to
/// level, so two expectations with one label are the same competency.
fn label_key(text: &str) -> u64 {
    use std::hash::BuildHasher;
    let Some(colon) = text.get(..text.len().min(40)).and_then(|h| h.find(':')) else {
        return 0;
    };
    let head = text[..colon].trim();
    let words = head.split_whitespace().count();
    let wordy = head
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '&' || c == '\'');
    if !(1..=4).contains(&words) || !wordy {
        return 0;
    }
    foldhash::fast::FixedState::default()
        .hash_one(head.to_lowercase())
        .max(1)
}

/// The words of `text` as written: runs of letters and digits.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The words of one expectation, prepared once for comparing it with many others: each word
/// as a number (the same word, the same number, within one [`Interner`]), in order; the
/// numbers of its content words' stems (see [`pairing`]; numbered by the same interner, apart
/// from the words), each once, in the order of first use; and the words of its word diff (see
/// [`worddiff`]), numbered as the words are, with where each is in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpectationWords {
    ids: Vec<u32>,
    /// A hash of the words of the whole text (see [`ExpectationWords::words_key`]): `ids`,
    /// or for an expectation prepared by its own sentence (see
    /// [`Interner::prepare_expectation`]), those of the sentence with its notes.
    key: u64,
    stems: Vec<u32>,
    /// Every number of `ids` is below `words_below`, and of `stems` below `stems_below`: the
    /// sizes of tables indexed by them (see [`grid`]).
    words_below: u32,
    stems_below: u32,
    /// The word diff's words: what each is compared by, as a number.
    diff_ids: Vec<u32>,
    /// The word diff's words: each one's byte range in the text, as written (see [`span`]).
    diff_spans: Vec<(u32, u32)>,
    /// A hash of the label the expectation opens with (`Influence: Seeks out …`, written
    /// `**Influence**: …`), or 0 for none (see [`label_key`]).
    label: u64,
}

impl ExpectationWords {
    /// Whether two expectations (prepared by one interner) have the same words, compared as
    /// pairing compares them: by their letters and digits, whatever their case and
    /// punctuation.
    pub fn same_words(&self, other: &ExpectationWords) -> bool {
        self.key == other.key && self.ids == other.ids
    }

    /// Whether both open with the same label (see [`label_key`]); never for two without one.
    pub(crate) fn same_label(&self, other: &ExpectationWords) -> bool {
        self.label != 0 && self.label == other.label
    }

    /// A number for its words: expectations with [`ExpectationWords::same_words`] have the
    /// same, so a set of them tells at once which words a level has nowhere.
    pub fn words_key(&self) -> u64 {
        self.key
    }
}

/// Numbers words for [`ExpectationWords`], and their stems. A word's stem is found once, the
/// first time the word is seen, not at every use.
#[derive(Debug, Default)]
pub struct Interner {
    words: foldhash::HashMap<String, u32>,
    /// By word number: its stem's number, [`NO_STEM`] for a function word, [`UNSEEN`] if not
    /// found yet (a word first seen in a word diff).
    stem_of: Vec<u32>,
    stems: foldhash::HashMap<String, u32>,
    /// By stem number: the last expectation that used it, by [`Interner::serial`].
    stem_used: Vec<u64>,
    /// How many expectations have been prepared.
    serial: u64,
    /// The expectation being prepared, in lists kept from one to the next: its copy has
    /// lists of the size they hold, where these grew in steps.
    draft: ExpectationWords,
    /// A word lowercased.
    folded: String,
}

/// In [`Interner::stem_of`]: a function word, which has no stem.
const NO_STEM: u32 = u32::MAX;
/// In [`Interner::stem_of`]: a word whose stem is not found yet.
const UNSEEN: u32 = u32::MAX - 1;

/// The number of `key` in `map`, a new one if it has none yet.
fn number(map: &mut foldhash::HashMap<String, u32>, key: &str) -> u32 {
    match map.get(key) {
        Some(&id) => id,
        None => {
            let id = map.len() as u32;
            map.insert(key.to_string(), id);
            id
        }
    }
}

/// What each ASCII byte is to [`Interner::prepare_ascii`]: [`SPACE`], [`MARK`], [`SMALL`] or
/// [`CAPITAL`]. Only letters and digits are word bytes ([`SMALL`] or more); only the bytes
/// `char::is_whitespace` accepts, as `split_whitespace` splits, are space.
const CLASS: [u8; 256] = {
    let mut class = [MARK; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c == b' ' || (c >= b'\t' && c <= b'\r') {
            SPACE
        } else if c.is_ascii_uppercase() {
            CAPITAL
        } else if c.is_ascii_alphanumeric() {
            SMALL
        } else {
            MARK
        };
        b += 1;
    }
    class
};
const SPACE: u8 = 0;
/// Neither space nor a letter or digit: punctuation and symbols.
const MARK: u8 = 1;
/// A lowercase letter or a digit.
const SMALL: u8 = 2;
/// An uppercase letter.
const CAPITAL: u8 = 3;

impl Interner {
    /// Prepares `text` for comparison: its [`words`], numbered. Only words not seen before
    /// are copied into the interner.
    pub fn prepare(&mut self, text: &str) -> ExpectationWords {
        self.serial += 1;
        let mut p = std::mem::take(&mut self.draft);
        p.ids.clear();
        p.stems.clear();
        p.diff_ids.clear();
        p.diff_spans.clear();
        if text.is_ascii() {
            self.prepare_ascii(text, &mut p);
        } else {
            self.prepare_any(text, &mut p);
        }
        p.words_below = self.words.len() as u32;
        p.stems_below = self.stems.len() as u32;
        p.key = {
            use std::hash::BuildHasher;
            foldhash::fast::FixedState::default().hash_one(&p.ids)
        };
        p.label = label_key(text);
        let copy = p.clone();
        self.draft = p;
        copy
    }

    /// Prepares an expectation whose plain text `text` opens with its own sentence, the
    /// first `own` bytes, before notes or examples (see
    /// [`crate::markdown::Fragment::own_plain`]): paired, scored and marked by that sentence
    /// alone, since examples that differ say nothing of whether the two expectations are
    /// one, and examples alike would pair two different duties; the same words as another
    /// ([`ExpectationWords::same_words`]) only with the same notes too.
    pub fn prepare_expectation(&mut self, text: &str, own: usize) -> ExpectationWords {
        match text.get(..own).filter(|_| own < text.len()) {
            Some(sentence) => {
                let key = self.prepare(text).key;
                let mut p = self.prepare(sentence);
                p.key = key;
                p
            }
            None => self.prepare(text),
        }
    }

    /// The number of `w`, a lowercased one of the [`words`]; its stem's number, if it has one
    /// that the expectation has not used yet, is added to `stems`.
    fn lowercase_word(&mut self, w: &str, stems: &mut Vec<u32>) -> u32 {
        let id = number(&mut self.words, w);
        let stem = match self.stem_of.get(id as usize) {
            Some(&s) if s != UNSEEN => s,
            _ => self.find_stem(id, w),
        };
        // A function word's NO_STEM is past the end.
        if let Some(used) = self.stem_used.get_mut(stem as usize) {
            if *used != self.serial {
                *used = self.serial;
                stems.push(stem);
            }
        }
        id
    }

    /// Finds the stem of word number `id`, `w` (see [`pairing::stem`]), the first time it is
    /// needed, and keeps its number in [`Interner::stem_of`].
    #[cold]
    fn find_stem(&mut self, id: u32, w: &str) -> u32 {
        let stem = pairing::stem(w).map_or(NO_STEM, |s| number(&mut self.stems, s));
        if stem != NO_STEM && self.stem_used.len() <= stem as usize {
            self.stem_used.resize(stem as usize + 1, 0);
        }
        let i = id as usize;
        if self.stem_of.len() <= i {
            self.stem_of.resize(i + 1, UNSEEN);
        }
        self.stem_of[i] = stem;
        stem
    }

    /// [`Interner::prepare`] of any text: its words (each lowercased on its own, as `words`
    /// does), then its word diff's words.
    fn prepare_any(&mut self, text: &str, p: &mut ExpectationWords) {
        for w in raw_words(text) {
            let id = if !w.is_ascii() || w.bytes().any(|b| b.is_ascii_uppercase()) {
                self.lowercase_word(&w.to_lowercase(), &mut p.stems)
            } else {
                self.lowercase_word(w, &mut p.stems)
            };
            p.ids.push(id);
        }
        for (at, w) in worddiff::diff_tokens(text) {
            p.diff_spans.push(span(at, at + w.len()));
            p.diff_ids
                .push(number(&mut self.words, &worddiff::comparable(w)));
        }
    }

    /// [`Interner::prepare_any`] of an ASCII text, in one pass over its bytes. A word of the
    /// word diff (a run of non-space characters) that holds one of the [`words`] is compared
    /// by that word, lowercased: it has the same number, and is not looked up again.
    fn prepare_ascii(&mut self, text: &str, p: &mut ExpectationWords) {
        let b = text.as_bytes();
        let class = |i: usize| CLASS[b[i] as usize];
        let mut folded = std::mem::take(&mut self.folded);
        let mut i = 0;
        while i < b.len() {
            if class(i) == SPACE {
                i += 1;
                continue;
            }
            let start = i;
            let (mut words, mut last) = (0, 0);
            while i < b.len() && class(i) != SPACE {
                if class(i) == MARK {
                    i += 1;
                    continue;
                }
                let (from, mut capitals) = (i, false);
                while i < b.len() && class(i) >= SMALL {
                    capitals |= class(i) == CAPITAL;
                    i += 1;
                }
                let w = &text[from..i];
                last = if capitals {
                    // Lowercasing ASCII only changes A–Z, as `to_lowercase` would.
                    folded.clear();
                    folded.push_str(w);
                    folded.make_ascii_lowercase();
                    self.lowercase_word(&folded, &mut p.stems)
                } else {
                    self.lowercase_word(w, &mut p.stems)
                };
                p.ids.push(last);
                words += 1;
            }
            p.diff_spans.push(span(start, i));
            p.diff_ids.push(if words == 1 {
                last
            } else {
                number(&mut self.words, &worddiff::comparable(&text[start..i]))
            });
        }
        self.folded = folded;
    }
}

/// A byte range of an expectation as two `u32`s, half the memory of `usize`s for the words of
/// every expectation of a build. Past 4 GiB (no expectation is that long) offsets stop at
/// `u32::MAX`, which shows an empty word instead of failing.
fn span(from: usize, to: usize) -> (u32, u32) {
    let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    (at(from), at(to))
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

/// The low `width` bits set (`width` at most 64): the bits of a bit-parallel LCS column
/// that stand for words of the shorter list.
fn live_bits(width: usize) -> u64 {
    if width == 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    }
}

/// One step of the bit-parallel LCS: column `v` after a word of the longer list whose places
/// in the shorter list are the bits of `m` (Crochemore et al., see [`lcs_len`]):
/// `(v + (v & m)) | (v & !m)`, with `v & !m` written as `v ^ (v & m)`.
#[inline(always)]
fn lcs_step(v: u64, m: u64) -> u64 {
    let u = v & m;
    v.wrapping_add(u) | (v ^ u)
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
        let live = live_bits(width);
        out.extend(others.into_iter().map(|b| {
            // Without a branch: a word `a` lacks has m = 0, which leaves v as it is. Carries
            // out of the low `width` bits never reach back into them, so they are masked
            // off once, at the end.
            let mut v: u64 = live;
            for &w in b {
                v = lcs_step(v, masks.get(w as usize).copied().unwrap_or(0));
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
    pub(crate) fn random_pairs(
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

    /// Each list of numbers renumbered in order of first appearance across `lists`: what
    /// comparing them can see.
    fn shapes<'p>(lists: impl Iterator<Item = &'p Vec<u32>>) -> Vec<Vec<u32>> {
        let mut seen = std::collections::HashMap::new();
        lists
            .map(|l| {
                l.iter()
                    .map(|id| {
                        let next = seen.len() as u32;
                        *seen.entry(*id).or_insert(next)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn ascii_texts_are_prepared_as_any_text_is() {
        let texts = [
            "You own the on-call rotation. (e.g. On-Call) -- and A/B tests",
            "  ON-CALL\trotation\x0bowner\x0c\r\nof  \"the\" rotation, tests & more...",
            "",
            "--- ... !!",
            "Leads Teams; leads teams: TEAMS lead",
        ];
        let (mut fast, mut general) = (Interner::default(), Interner::default());
        let a: Vec<ExpectationWords> = texts.iter().map(|t| fast.prepare(t)).collect();
        let b: Vec<ExpectationWords> = texts
            .iter()
            .map(|t| {
                let mut p = ExpectationWords::default();
                general.serial += 1;
                general.prepare_any(t, &mut p);
                p
            })
            .collect();
        assert!(texts.iter().all(|t| t.is_ascii()));
        assert_eq!(
            shapes(a.iter().map(|p| &p.ids)),
            shapes(b.iter().map(|p| &p.ids))
        );
        assert_eq!(
            shapes(a.iter().map(|p| &p.diff_ids)),
            shapes(b.iter().map(|p| &p.diff_ids))
        );
        for (x, y) in a.iter().zip(&b) {
            assert_eq!((&x.stems, &x.diff_spans), (&y.stems, &y.diff_spans));
        }
        assert_eq!(a[0].ids.len(), 14);
        assert_eq!(a[1].diff_spans.len(), 9);
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
}
