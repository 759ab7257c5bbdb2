//! Word diffs of a reworded expectation: which words the lower level's text dropped and which
//! the higher level's added, aligned so that a rewording reads as a rewording.

use super::ExpectationWords;
use similar::{capture_diff_slices, Algorithm, DiffTag};

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
    let (os, ns) = (&old.1.diff_spans, &new.1.diff_spans);
    let mut lower = Marked::new("del", old.0);
    let mut higher = Marked::new("ins", new.0);
    for e in word_diff(&old.1.diff_ids, &new.1.diff_ids) {
        match e {
            Edit::Keep(i, j) => {
                lower.word(os[i], false);
                higher.word(ns[j], false);
            }
            Edit::Delete(i) => lower.word(os[i], true),
            Edit::Insert(j) => higher.word(ns[j], true),
        }
    }
    (lower.finish(), higher.finish())
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

/// One side of a split diff being written: words with one space between them, marked runs
/// in one `<tag>` element each (the space between two marked words inside it). Words that
/// stand one space apart in the text, all marked or all not, are written as one stretch of
/// it.
struct Marked<'t> {
    out: String,
    tag: &'static str,
    open: bool,
    /// Whether a word has been written (or is pending).
    started: bool,
    /// The text the words are from.
    text: &'t str,
    /// The byte range of the words not written yet, all marked as `open` says.
    pending: Option<(usize, usize)>,
}

impl<'t> Marked<'t> {
    fn new(tag: &'static str, text: &'t str) -> Self {
        Marked {
            out: String::with_capacity(text.len() + 32),
            tag,
            open: false,
            started: false,
            text,
            pending: None,
        }
    }

    /// Appends the word at byte range `from..to` of the text.
    fn word(&mut self, (from, to): (u32, u32), marked: bool) {
        let (from, to) = (from as usize, to as usize);
        if let Some((a, b)) = self.pending {
            if marked == self.open && from == b + 1 && self.text.as_bytes().get(b) == Some(&b' ') {
                self.pending = Some((a, to));
                return;
            }
        }
        self.flush();
        if self.open && !marked {
            self.out.push_str("</");
            self.out.push_str(self.tag);
            self.out.push('>');
        }
        if self.started {
            self.out.push(' ');
        }
        if marked && !self.open {
            self.out.push('<');
            self.out.push_str(self.tag);
            self.out.push('>');
        }
        self.open = marked;
        self.started = true;
        self.pending = Some((from, to));
    }

    fn flush(&mut self) {
        if let Some((a, b)) = self.pending.take() {
            crate::escape::text(&mut self.out, self.text.get(a..b).unwrap_or_default());
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        if self.open {
            self.out.push_str("</");
            self.out.push_str(self.tag);
            self.out.push('>');
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
        let mut d = Differ {
            old,
            new,
            edits: Vec::with_capacity(old.len() + new.len()),
            s: &mut scratch,
        };
        d.diff(0..old.len(), 0..new.len(), 0);
        d.edits
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

/// How deep [`word_diff`] looks for anchors inside stretches between anchors (real
/// rewordings need two or three levels).
pub const ANCHOR_DEPTH: usize = 32;

struct Differ<'a> {
    old: &'a [u32],
    new: &'a [u32],
    edits: Vec<Edit>,
    s: &'a mut Scratch,
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
            let base = self.s.anchors.len();
            if depth < ANCHOR_DEPTH {
                self.anchors(o.clone(), n.clone());
            }
            let end = self.s.anchors.len();
            if end == base {
                self.aligned(o, n);
            } else {
                let (mut oi, mut ni) = (o.start, n.start);
                for k in base..end {
                    let (i, j) = self.s.anchors[k];
                    self.diff(oi..i, ni..j, depth + 1);
                    self.edits.push(Edit::Keep(i, j));
                    oi = i + 1;
                    ni = j + 1;
                }
                self.diff(oi..o.end, ni..n.end, depth + 1);
                self.s.anchors.truncate(base);
            }
        }
        self.edits
            .extend((0..tail).map(|k| Edit::Keep(o_end - tail + k, n_end - tail + k)));
    }

    /// The pairs of words that occur once in each stretch, longest increasing run of them
    /// (patience sorting: O(k log k) for k pairs), in order, added to the anchors' stack.
    fn anchors(&mut self, o: std::ops::Range<usize>, n: std::ops::Range<usize>) {
        let (old, new, s) = (self.old, self.new, &mut *self.s);
        for j in n.clone() {
            let c = &mut s.counts[new[j] as usize];
            c.1 += 1;
            c.2 = j;
        }
        for i in o.clone() {
            s.counts[old[i] as usize].0 += 1;
        }
        s.pairs.clear();
        s.pairs
            .extend(o.clone().filter_map(|i| match s.counts[old[i] as usize] {
                (1, 1, j) => Some((i, j)),
                _ => None,
            }));
        for &w in &old[o] {
            s.counts[w as usize] = (0, 0, 0);
        }
        for &w in &new[n] {
            s.counts[w as usize] = (0, 0, 0);
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
        let base = s.anchors.len();
        let mut at = s.tops.last().copied();
        while let Some(p) = at {
            s.anchors.push(s.pairs[p]);
            at = s.back[p];
        }
        s.anchors[base..].reverse();
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
        let lcs = &mut self.s.lcs;
        lcs.clear();
        lcs.resize(w * h, 0);
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
mod tests {
    use super::*;
    use crate::compare::lcs_len;
    use crate::compare::tests::random_pairs;

    /// The lower side of [`split_diff_html`].
    fn lower(old: &str, new: &str) -> String {
        split_diff_html(old, new).0
    }

    /// The higher side of [`split_diff_html`].
    fn higher(old: &str, new: &str) -> String {
        split_diff_html(old, new).1
    }

    #[test]
    fn each_side_reads_as_written_with_dropped_words_deleted_and_added_words_inserted() {
        let (old, new) = (
            "You are learning and applying our standards around design.",
            "You are applying and helping define our standards around design.",
        );
        assert_eq!(
            lower(old, new),
            "You are <del>learning and</del> applying our standards around design."
        );
        assert_eq!(
            higher(old, new),
            "You are applying <ins>and helping define</ins> our standards around design."
        );
        assert_eq!(
            split_diff_html("a < b", "a < c"),
            (
                "a &lt; <del>b</del>".to_string(),
                "a &lt; <ins>c</ins>".to_string()
            )
        );
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
                s: &mut Scratch::default(),
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
    fn punctuation_and_case_do_not_make_a_word_different() {
        let (old, new) = (
            "Joins the on-call rotation.",
            "joins the on-call rotation and leads it.",
        );
        assert_eq!(lower(old, new), "Joins the on-call rotation.");
        assert_eq!(
            higher(old, new),
            "joins the on-call rotation <ins>and leads it.</ins>"
        );
    }

    #[test]
    fn a_reordered_sentence_marks_the_moved_words_on_each_side() {
        // No word of the middle occurs once in each text, so it is aligned on a longest
        // common subsequence.
        let (old, new) = ("we ship and we test it", "we test and we ship it");
        assert_eq!(
            lower(old, new),
            "we <del>ship</del> and we <del>test</del> it"
        );
        assert_eq!(
            higher(old, new),
            "we <ins>test</ins> and we <ins>ship</ins> it"
        );
    }
}
