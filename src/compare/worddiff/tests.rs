//! The word diff's tests, and the simpler word diff of before it was made cheaper, kept as the
//! oracle the cheaper one must agree with word for word and byte for byte.

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
        let mut edits = Vec::new();
        Differ {
            old: &a,
            new: &b,
            out: &mut edits,
            s: &mut Scratch::default(),
        }
        .aligned(0..la, 0..lb);
        let kept = edits.iter().filter(|e| matches!(e, Edit::Keep(..))).count();
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

/// The word diff as first written (one edit list, one call per word, every stretch searched
/// for anchors by counting and aligned on a full table): [`word_diff`] must choose the same
/// alignment, as the pages it marks must not change.
mod oracle {
    use super::super::{Edit, ANCHOR_DEPTH};
    use similar::{capture_diff_slices, Algorithm, DiffTag};
    use std::ops::Range;

    pub fn word_diff(old: &[u32], new: &[u32]) -> Vec<Edit> {
        let top = old.iter().chain(new).max().map_or(0, |&m| m as usize + 1);
        let mut d = Differ {
            old,
            new,
            edits: Vec::new(),
            counts: vec![(0, 0, 0); top],
        };
        d.diff(0..old.len(), 0..new.len(), 0);
        d.edits
    }

    struct Differ<'a> {
        old: &'a [u32],
        new: &'a [u32],
        edits: Vec<Edit>,
        counts: Vec<(u32, u32, usize)>,
    }

    impl Differ<'_> {
        fn diff(&mut self, mut o: Range<usize>, mut n: Range<usize>, depth: usize) {
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

        fn anchors(&mut self, o: Range<usize>, n: Range<usize>) -> Vec<(usize, usize)> {
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
            for &w in self.old[o].iter().chain(&self.new[n]) {
                self.counts[w as usize] = (0, 0, 0);
            }
            let mut tops: Vec<usize> = Vec::new();
            let mut back = vec![None; pairs.len()];
            for (p, &(_, j)) in pairs.iter().enumerate() {
                let k = tops.partition_point(|&t| pairs[t].1 < j);
                back[p] = k.checked_sub(1).map(|k| tops[k]);
                if k == tops.len() {
                    tops.push(p);
                } else {
                    tops[k] = p;
                }
            }
            let mut anchors = Vec::new();
            let mut at = tops.last().copied();
            while let Some(p) = at {
                anchors.push(pairs[p]);
                at = back[p];
            }
            anchors.reverse();
            anchors
        }

        fn aligned(&mut self, o: Range<usize>, n: Range<usize>) {
            let (w, h) = (n.len() + 1, o.len() + 1);
            let (a, b) = (&self.old[o.clone()], &self.new[n.clone()]);
            if w * h > 4096 {
                for op in capture_diff_slices(Algorithm::Myers, a, b) {
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

    /// Both sides' HTML from the oracle's edits, one word at a time.
    pub fn split_html(old: &str, new: &str) -> (String, String) {
        let mut interner = crate::compare::Interner::default();
        let (po, pn) = (interner.prepare(old), interner.prepare(new));
        let mut lower = Side::new("del", old);
        let mut higher = Side::new("ins", new);
        for e in word_diff(&po.diff_ids, &pn.diff_ids) {
            match e {
                Edit::Keep(i, j) => {
                    lower.word(po.diff_spans[i], false);
                    higher.word(pn.diff_spans[j], false);
                }
                Edit::Delete(i) => lower.word(po.diff_spans[i], true),
                Edit::Insert(j) => higher.word(pn.diff_spans[j], true),
            }
        }
        (lower.finish(), higher.finish())
    }

    struct Side<'t> {
        out: String,
        tag: &'static str,
        open: bool,
        started: bool,
        text: &'t str,
        pending: Option<(usize, usize)>,
    }

    impl<'t> Side<'t> {
        fn new(tag: &'static str, text: &'t str) -> Self {
            Side {
                out: String::new(),
                tag,
                open: false,
                started: false,
                text,
                pending: None,
            }
        }

        fn word(&mut self, (from, to): (u32, u32), marked: bool) {
            let (from, to) = (from as usize, to as usize);
            if let Some((a, b)) = self.pending {
                if marked == self.open
                    && from == b + 1
                    && self.text.as_bytes().get(b) == Some(&b' ')
                {
                    self.pending = Some((a, to));
                    return;
                }
            }
            self.flush();
            if self.open && !marked {
                self.out.push_str(&format!("</{}>", self.tag));
            }
            if self.started {
                self.out.push(' ');
            }
            if marked && !self.open {
                self.out.push_str(&format!("<{}>", self.tag));
            }
            self.open = marked;
            self.started = true;
            self.pending = Some((from, to));
        }

        fn flush(&mut self) {
            if let Some((a, b)) = self.pending.take() {
                crate::escape::text(&mut self.out, &self.text[a..b]);
            }
        }

        fn finish(mut self) -> String {
            self.flush();
            if self.open {
                self.out.push_str(&format!("</{}>", self.tag));
            }
            self.out
        }
    }
}

#[test]
fn the_word_diff_chooses_the_oracles_alignment_among_equally_long_ones() {
    // Small alphabets make many repeated words, so many alignments keep as many words, and
    // many stretches between anchors are short or of one word: the cheaper paths' cases.
    for (round, (a, b)) in random_pairs(0x51ed_270b_9a3c_44e1, 40, |round| 2 + round % 30)
        .chain(random_pairs(0x0dd_ba11_cafe_f00d, 12, |round| {
            2 + round % 5
        }))
        .enumerate()
    {
        assert_eq!(
            word_diff(&a, &b),
            oracle::word_diff(&a, &b),
            "round {round}: {a:?} / {b:?}"
        );
    }
    // Long lists: the counted anchors, and Myers's alignment past the table.
    for (a, b) in random_pairs(0x2f6b_1c9d_44e0_a7b3, 3000, |round| 3 + round % 400).take(40) {
        assert_eq!(word_diff(&a, &b), oracle::word_diff(&a, &b));
    }
}

#[test]
fn both_sides_are_written_as_the_oracle_writes_them() {
    // Texts of our own words with repeats, punctuation, case, characters HTML escapes, and
    // spacing other than one space, reworded at random.
    let vocabulary = [
        "the",
        "team",
        "and",
        "a",
        "plan",
        "of",
        "Ships",
        "ships,",
        "reviews",
        "<code>",
        "R&D",
        "\"done\"",
        "on-call",
        "rotation.",
        "–",
        "café",
        "Leads",
        "leads",
        "risks",
        "early;",
        "it",
        "x > y",
    ];
    let gaps = [" ", " ", " ", " ", "  ", "\n", "\t ", " "];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut random = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    for round in 0..3000 {
        let mut texts = [String::new(), String::new()];
        for text in &mut texts {
            if random(8) == 0 {
                text.push(' ');
            }
            for k in 0..1 + random(24) {
                if k > 0 {
                    text.push_str(gaps[random(gaps.len())]);
                }
                text.push_str(vocabulary[random(vocabulary.len())]);
            }
        }
        let [old, new] = &texts;
        assert_eq!(
            split_diff_html(old, new),
            oracle::split_html(old, new),
            "round {round}: {old:?} / {new:?}"
        );
    }
}
