//! Word diffs of a reworded expectation: which words the lower level's text dropped and which
//! the higher level's added, aligned so that a rewording reads as a rewording.

use super::ExpectationWords;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::ops::Range;

/// Both texts of a reworded expectation as HTML, for a split view in which each column reads
/// as its own level's words: in the lower text (`old`) the words the higher text dropped are
/// in `<del>`, in the higher text (`new`) the words it added are in `<ins>`. These are HTML's
/// edit elements, so assistive technology and a print without colour say it too. Words are
/// runs of non-space characters, written as they are, with one space between them; a run of
/// marked words is one element. Words are compared by their letters and digits, whatever
/// their case and surrounding punctuation. Returns `(old, new)`. The alignment is
/// [`word_diff`]'s.
pub fn split_diff_html(old: &str, new: &str) -> (String, String) {
    let mut interner = super::Interner::default();
    let (po, pn) = (interner.prepare(old), interner.prepare(new));
    split_diff_prepared((old, &po), (new, &pn))
}

/// [`split_diff_html`] of two texts already prepared, each given with its [`ExpectationWords`] (made
/// from that text, by one interner): only the alignment and the HTML are left to do, so a
/// build that diffs an expectation against several others splits it into words once.
pub fn split_diff_prepared(
    old: (&str, &ExpectationWords),
    new: (&str, &ExpectationWords),
) -> (String, String) {
    let mut split = Split {
        lower: Marked::new(&DEL, old.0, &old.1.diff_spans),
        higher: Marked::new(&INS, new.0, &new.1.diff_spans),
    };
    align(&old.1.diff_ids, &new.1.diff_ids, &mut split);
    (split.lower.finish(), split.higher.finish())
}

/// The words of a word diff, with the byte offset of each in `text`: runs of non-space
/// characters.
pub(super) fn diff_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// One word of [`diff_words`], as written in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word<'t> {
    /// In both texts: (as the old text writes it, as the new one does).
    Kept(&'t str, &'t str),
    /// Only in the old text.
    Dropped(&'t str),
    /// Only in the new text.
    Added(&'t str),
}

/// The word diff of [`split_diff_html`] as one stream, for plain-text and Markdown views
/// (`ladderbook diff`): every word of both texts in reading order. The same words and
/// alignment as [`split_diff_html`], so a rewording reads the same in every view.
pub fn diff_words<'t>(old: &'t str, new: &'t str) -> Vec<Word<'t>> {
    // Each distinct word numbered, so the diff compares numbers; whitespace is not compared.
    let old_words: Vec<&str> = diff_tokens(old).map(|(_, w)| w).collect();
    let new_words: Vec<&str> = diff_tokens(new).map(|(_, w)| w).collect();
    // Words are compared by their letters and digits, case folded, so that "rotation." at
    // the end of one sentence is the same word as "rotation" inside another; each side still
    // shows its words as written.
    let mut numbers: foldhash::HashMap<std::borrow::Cow<str>, u32> =
        foldhash::HashMap::with_capacity_and_hasher(
            old_words.len() + new_words.len(),
            Default::default(),
        );
    let mut ids = [Vec::new(), Vec::new()];
    for (words, ids) in [&old_words, &new_words].into_iter().zip(&mut ids) {
        ids.extend(words.iter().map(|&w| {
            let next = numbers.len() as u32;
            *numbers.entry(comparable(w)).or_insert(next)
        }));
    }
    let [old_ids, new_ids] = ids;
    word_diff(&old_ids, &new_ids)
        .into_iter()
        .map(|e| match e {
            Edit::Keep(i, j) => Word::Kept(old_words[i], new_words[j]),
            Edit::Delete(i) => Word::Dropped(old_words[i]),
            Edit::Insert(j) => Word::Added(new_words[j]),
        })
        .collect()
}

/// What a word is compared by: its letters and digits from the first to the last, lowercased
/// (the word itself when it has none, such as "–").
pub(super) fn comparable(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        // The same, byte by byte: ASCII letters and digits are the alphanumeric ASCII
        // characters, and lowercasing ASCII only changes A–Z.
        let core = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let core = if core.is_empty() { w } else { core };
        return if core.bytes().any(|b| b.is_ascii_uppercase()) {
            core.to_ascii_lowercase().into()
        } else {
            core.into()
        };
    }
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    let core = if core.is_empty() { w } else { core };
    if core.chars().any(char::is_uppercase) {
        core.to_lowercase().into()
    } else {
        core.into()
    }
}

/// The two sides of a split diff being written, as the alignment comes.
struct Split<'t> {
    lower: Marked<'t>,
    higher: Marked<'t>,
}

impl Sink for Split<'_> {
    #[inline(always)]
    fn keep(&mut self, i: usize, j: usize, len: usize) {
        self.lower.words(i..i + len, false);
        self.higher.words(j..j + len, false);
    }

    #[inline(always)]
    fn delete(&mut self, o: Range<usize>) {
        self.lower.words(o, true);
    }

    #[inline(always)]
    fn insert(&mut self, n: Range<usize>) {
        self.higher.words(n, true);
    }
}

/// A marking element's tags, alone and with the space between two words.
struct Tag {
    open: &'static str,
    close: &'static str,
    space_open: &'static str,
    close_space: &'static str,
}

const DEL: Tag = Tag {
    open: "<del>",
    close: "</del>",
    space_open: " <del>",
    close_space: "</del> ",
};

const INS: Tag = Tag {
    open: "<ins>",
    close: "</ins>",
    space_open: " <ins>",
    close_space: "</ins> ",
};

/// One side of a split diff being written: words with one space between them, marked runs
/// in one element each (the space between two marked words inside it). Words that stand one
/// space apart in the text, all marked or all not, are written as one stretch of it.
struct Marked<'t> {
    out: String,
    tag: &'static Tag,
    open: bool,
    /// Whether a word has been written (or is pending).
    started: bool,
    /// The text the words are from.
    text: &'t str,
    /// Whether `text` has nothing to escape.
    plain: bool,
    /// Each word's byte range in `text`.
    spans: &'t [(u32, u32)],
    /// The byte range of the words not written yet, all marked as `open` says (past the end
    /// of `text` before the first word).
    pending: (usize, usize),
}

impl<'t> Marked<'t> {
    fn new(tag: &'static Tag, text: &'t str, spans: &'t [(u32, u32)]) -> Self {
        // At most every other word starts a marked run, which adds its tags; escaping, which
        // is rare, may add more.
        let runs = spans.len().div_ceil(2);
        let far = usize::MAX / 2;
        Marked {
            out: String::with_capacity(text.len() + runs * (tag.open.len() + tag.close.len())),
            tag,
            open: false,
            started: false,
            text,
            plain: !crate::escape::needed(text.as_bytes()),
            spans,
            pending: (far, far),
        }
    }

    /// Appends words `ks`, all marked or all not.
    #[inline(always)]
    fn words(&mut self, ks: Range<usize>, marked: bool) {
        for &(from, to) in &self.spans[ks] {
            let (from, to) = (from as usize, to as usize);
            let end = self.pending.1;
            if marked == self.open
                && from == end + 1
                && self.text.as_bytes().get(end) == Some(&b' ')
            {
                self.pending.1 = to;
            } else {
                self.start(from, to, marked);
            }
        }
    }

    /// Writes the pending words and starts a new stretch with the word at `from..to`.
    #[inline(never)]
    fn start(&mut self, from: usize, to: usize, marked: bool) {
        if self.started {
            self.flush();
            self.out.push_str(match (self.open, marked) {
                (true, false) => self.tag.close_space,
                (false, true) => self.tag.space_open,
                _ => " ",
            });
        } else if marked {
            self.out.push_str(self.tag.open);
        }
        self.open = marked;
        self.started = true;
        self.pending = (from, to);
    }

    fn flush(&mut self) {
        let (a, b) = self.pending;
        let words = self.text.get(a..b).unwrap_or_default();
        if self.plain {
            self.out.push_str(words);
        } else {
            crate::escape::text(&mut self.out, words);
        }
    }

    fn finish(mut self) -> String {
        if self.started {
            self.flush();
        }
        if self.open {
            self.out.push_str(self.tag.close);
        }
        self.out
    }
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
///
/// `similar`'s own patience diff is not used: it aligns a stretch without anchors with
/// Myers's algorithm, which keeps a different (as long) subsequence where words repeat, so
/// twelve comparison pages of the example and the real ladders in the test data would mark
/// other words than this does.
pub fn word_diff(old: &[u32], new: &[u32]) -> Vec<Edit> {
    let mut edits = Vec::with_capacity(old.len() + new.len());
    align(old, new, &mut edits);
    edits
}

/// Where an alignment is written, run by run, in order.
trait Sink {
    /// `old[i..i + len]` kept as `new[j..j + len]`.
    fn keep(&mut self, i: usize, j: usize, len: usize);
    /// `old[o]` deleted.
    fn delete(&mut self, o: Range<usize>);
    /// `new[n]` inserted.
    fn insert(&mut self, n: Range<usize>);
}

impl Sink for Vec<Edit> {
    fn keep(&mut self, i: usize, j: usize, len: usize) {
        self.extend((0..len).map(|k| Edit::Keep(i + k, j + k)));
    }

    fn delete(&mut self, o: Range<usize>) {
        self.extend(o.map(Edit::Delete));
    }

    fn insert(&mut self, n: Range<usize>) {
        self.extend(n.map(Edit::Insert));
    }
}

/// [`word_diff`], written into `out`.
fn align(old: &[u32], new: &[u32], out: &mut impl Sink) {
    let top = old
        .iter()
        .chain(new)
        .copied()
        .max()
        .map_or(0, |m| m as usize + 1);
    // One table per thread, grown to the largest word number seen (a build numbers every
    // word of the ladder with one interner), all zero between calls.
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        if scratch.counts.len() < top {
            scratch.counts.resize(top, (0, 0, 0));
        }
        Differ {
            old,
            new,
            out,
            s: &mut scratch,
        }
        .diff(0..old.len(), 0..new.len(), 0);
    })
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// The working memory of [`word_diff`], kept from one call to the next on each thread.
#[derive(Debug, Default)]
struct Scratch {
    /// Per word number: occurrences in the old stretch, in the new stretch, and the position
    /// of its last occurrence in the new stretch. All zero between calls.
    counts: Vec<(u32, u32, usize)>,
    /// The anchors of the stretches being diffed, innermost last: each call of
    /// [`Differ::diff`] adds its own and takes them off again.
    anchors: Vec<(usize, usize)>,
    /// [`Differ::anchors`]'s candidate pairs, and its patience piles.
    pairs: Vec<(usize, usize)>,
    tops: Vec<usize>,
    back: Vec<Option<usize>>,
    /// [`Differ::aligned`]'s table.
    lcs: Vec<u16>,
}

/// The largest table [`Differ::aligned`] fills; longer stretches are aligned by Myers's
/// algorithm.
const TABLE_CELLS: usize = 4096;

/// Stretches of `o` and `n` words with `o × (o + n)` at most this are searched for anchors
/// by comparing words, not by counting them in [`Scratch::counts`].
const SMALL_STRETCH: usize = 128;

/// How deep [`word_diff`] looks for anchors inside stretches between anchors (real
/// rewordings need two or three levels).
pub const ANCHOR_DEPTH: usize = 32;

struct Differ<'a, S> {
    old: &'a [u32],
    new: &'a [u32],
    out: &'a mut S,
    s: &'a mut Scratch,
}

impl<S: Sink> Differ<'_, S> {
    fn diff(&mut self, mut o: Range<usize>, mut n: Range<usize>, depth: usize) {
        // Common first words, then common last words (kept after the middle).
        let head = common(&self.old[o.clone()], &self.new[n.clone()]);
        self.out.keep(o.start, n.start, head);
        o.start += head;
        n.start += head;
        let tail = common_tail(&self.old[o.clone()], &self.new[n.clone()]);
        o.end -= tail;
        n.end -= tail;
        if o.is_empty() || n.is_empty() {
            self.out.delete(o.clone());
            self.out.insert(n.clone());
        } else if (o.len() == 1 || n.len() == 1) && (o.len() + 1) * (n.len() + 1) <= TABLE_CELLS {
            self.one_word(o.clone(), n.clone());
        } else {
            let base = self.s.anchors.len();
            if depth < ANCHOR_DEPTH {
                self.anchors(o.clone(), n.clone());
            }
            let end = self.s.anchors.len();
            if end == base {
                self.aligned(o.clone(), n.clone());
            } else {
                let (mut oi, mut ni) = (o.start, n.start);
                for k in base..end {
                    let (i, j) = self.s.anchors[k];
                    self.between(oi..i, ni..j, depth + 1);
                    self.out.keep(i, j, 1);
                    oi = i + 1;
                    ni = j + 1;
                }
                self.between(oi..o.end, ni..n.end, depth + 1);
                self.s.anchors.truncate(base);
            }
        }
        self.out.keep(o.end, n.end, tail);
    }

    /// [`Differ::diff`] of a stretch between anchors, which is often empty on one side.
    #[inline(always)]
    fn between(&mut self, o: Range<usize>, n: Range<usize>, depth: usize) {
        if o.is_empty() || n.is_empty() {
            self.out.delete(o);
            self.out.insert(n);
        } else {
            self.diff(o, n, depth);
        }
    }

    /// The pairs of words that occur once in each stretch, longest increasing run of them
    /// (patience sorting: O(k log k) for k pairs), in order, added to the anchors' stack.
    fn anchors(&mut self, o: Range<usize>, n: Range<usize>) {
        let (old, new, s) = (self.old, self.new, &mut *self.s);
        s.pairs.clear();
        if o.len() * (o.len() + n.len()) <= SMALL_STRETCH {
            // A few words: counted by comparing them, which needs no table.
            let (a, b) = (&old[o.clone()], &new[n.clone()]);
            for (i, &w) in a.iter().enumerate() {
                let mut found = None;
                for (j, &x) in b.iter().enumerate() {
                    if x == w {
                        if found.is_some() {
                            found = None;
                            break;
                        }
                        found = Some(j);
                    }
                }
                if let Some(j) = found {
                    if a.iter().filter(|&&x| x == w).count() == 1 {
                        s.pairs.push((o.start + i, n.start + j));
                    }
                }
            }
        } else {
            for j in n.clone() {
                let c = &mut s.counts[new[j] as usize];
                c.1 += 1;
                c.2 = j;
            }
            for i in o.clone() {
                s.counts[old[i] as usize].0 += 1;
            }
            for i in o {
                // Read once and cleared: a word that occurs again in `o` was no pair anyway.
                let c = std::mem::take(&mut s.counts[old[i] as usize]);
                if let (1, 1, j) = c {
                    s.pairs.push((i, j));
                }
            }
            for &w in &new[n] {
                s.counts[w as usize] = (0, 0, 0);
            }
        }
        let base = s.anchors.len();
        if s.pairs.windows(2).all(|p| p[0].1 < p[1].1) {
            // Already in the same order in both stretches (often so, and always for one or
            // no pair): the longest run is all of them.
            s.anchors.extend_from_slice(&s.pairs);
            return;
        }
        // tops[k]: index into `pairs` of the smallest new position ending a run of k + 1.
        s.tops.clear();
        s.back.clear();
        s.back.resize(s.pairs.len(), None);
        for (p, &(_, j)) in s.pairs.iter().enumerate() {
            let k = s.tops.partition_point(|&t| s.pairs[t].1 < j);
            s.back[p] = k.checked_sub(1).map(|k| s.tops[k]);
            if k == s.tops.len() {
                s.tops.push(p);
            } else {
                s.tops[k] = p;
            }
        }
        let mut at = s.tops.last().copied();
        while let Some(p) = at {
            s.anchors.push(s.pairs[p]);
            at = s.back[p];
        }
        s.anchors[base..].reverse();
    }

    /// A stretch of which one side is a single word (and no word in common at either end):
    /// that word is kept where it first occurs on the other side, if it does, else deleted
    /// before the other side is inserted. This is what [`Differ::diff`] would do, cheaper:
    /// the word is an anchor when it occurs once on the other side, and otherwise
    /// [`Differ::aligned`]'s table keeps its first occurrence, or deletes it first.
    fn one_word(&mut self, o: Range<usize>, n: Range<usize>) {
        // (i, j): the single word and where it first occurs on the other side.
        let kept = if o.len() == 1 {
            let word = self.old[o.start];
            let k = self.new[n.clone()].iter().position(|&w| w == word);
            k.map(|k| (o.start, n.start + k))
        } else {
            let word = self.new[n.start];
            let k = self.old[o.clone()].iter().position(|&w| w == word);
            k.map(|k| (o.start + k, n.start))
        };
        match kept {
            // One of the ranges before and after the kept word is empty on each side, and
            // writes nothing.
            Some((i, j)) => {
                self.out.delete(o.start..i);
                self.out.insert(n.start..j);
                self.out.keep(i, j, 1);
                self.out.delete(i + 1..o.end);
                self.out.insert(j + 1..n.end);
            }
            None => {
                self.out.delete(o);
                self.out.insert(n);
            }
        }
    }

    /// A stretch with no anchor, aligned on a longest common subsequence.
    fn aligned(&mut self, o: Range<usize>, n: Range<usize>) {
        let (w, h) = (n.len() + 1, o.len() + 1);
        if w * h > TABLE_CELLS {
            for op in
                capture_diff_slices(Algorithm::Myers, &self.old[o.clone()], &self.new[n.clone()])
            {
                let (tag, or, nr) = op.as_tag_tuple();
                let (or, nr) = (
                    o.start + or.start..o.start + or.end,
                    n.start + nr.start..n.start + nr.end,
                );
                match tag {
                    DiffTag::Equal => self.out.keep(or.start, nr.start, or.len()),
                    _ => {
                        self.out.delete(or);
                        self.out.insert(nr);
                    }
                }
            }
            return;
        }
        let (a, b) = (&self.old[o.clone()], &self.new[n.clone()]);
        // lcs[i * w + j]: the longest common subsequence of a[i..] and b[j..].
        let lcs = &mut self.s.lcs;
        lcs.clear();
        lcs.resize(w * h, 0);
        for (i, &ai) in a.iter().enumerate().rev() {
            let (row, next) = lcs[i * w..].split_at_mut(w);
            // Right to left, with the cell to the right (zero past the end) at hand.
            let mut right = 0;
            let cells = row[..b.len()].iter_mut().zip(b).zip(next[..w].windows(2));
            for ((cell, &bj), below) in cells.rev() {
                *cell = if ai == bj {
                    below[1] + 1
                } else {
                    below[0].max(right)
                };
                right = *cell;
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i] == b[j] {
                self.out.keep(o.start + i, n.start + j, 1);
                i += 1;
                j += 1;
            } else if lcs[i * w + j + w] >= lcs[i * w + j + 1] {
                self.out.delete(o.start + i..o.start + i + 1);
                i += 1;
            } else {
                self.out.insert(n.start + j..n.start + j + 1);
                j += 1;
            }
        }
        self.out.delete(o.start + i..o.end);
        self.out.insert(n.start + j..n.end);
    }
}

/// How many words `a` and `b` start with in common.
fn common(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// How many words `a` and `b` end with in common.
fn common_tail(a: &[u32], b: &[u32]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests;
