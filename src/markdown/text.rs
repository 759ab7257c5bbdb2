//! Text without markup: a fragment's plain text, and whether a text is already collapsed;
//! a summary's Markdown as plain text or as inline HTML; and whether a lead is a label.

use super::events_of;
use pulldown_cmark::{Event, Tag, TagEnd};

/// The text of events without markup, whitespace collapsed.
pub(super) fn plain_text<'e>(events: impl Iterator<Item = &'e Event<'e>>) -> String {
    let mut s = String::new();
    plain_text_to(events, &mut s);
    s
}

/// [`plain_text`], written into `s`, which is empty.
pub(super) fn plain_text_to<'e>(events: impl Iterator<Item = &'e Event<'e>>, s: &mut String) {
    // Whether a space is owed before the next word.
    let mut space = false;
    let mut push = |s: &mut String, text: &str| {
        // Most text is already collapsed, but for spaces at either end: then its words
        // joined by single spaces are the text itself, trimmed, pushed whole.
        let trimmed = text.trim_matches(' ');
        let words: &mut dyn Iterator<Item = &str> = if is_collapsed(trimmed) {
            &mut std::iter::once(trimmed).filter(|w| !w.is_empty())
        } else {
            &mut text.split_whitespace()
        };
        for (i, word) in words.enumerate() {
            if (i > 0 || space || text.starts_with(char::is_whitespace)) && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            s.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            space = true;
        }
    };
    for ev in events {
        match ev {
            Event::Text(t) | Event::Code(t) => push(s, t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::Start(Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => push(s, " "),
            _ => {}
        }
    }
}

/// True when `text` is its words joined by single spaces, so that collapsing its whitespace
/// (its [`str::split_whitespace`] words joined by `' '`) gives it back: no whitespace at
/// either end, and none inside but single spaces.
pub fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return true;
    };
    if first == b' ' || bytes.last() == Some(&b' ') {
        return false;
    }
    // Whitespace but the space starts with a control character (`\t` to `\r`) or one of
    // four bytes (U+0085, U+00A0; U+1680; U+2000 to U+205F; U+3000). A pass without
    // branches finds them and double spaces, and text that has some is looked at closely.
    let suspect = |b: u8| (b < b' ') | (b == 0xc2) | (b.wrapping_sub(0xe1) < 3);
    let (mut doubled, mut suspects) = (false, suspect(first));
    for (&a, &b) in bytes.iter().zip(&bytes[1..]) {
        doubled |= (a == b' ') & (b == b' ');
        suspects |= suspect(b);
    }
    !doubled && (!suspects || !text.contains(|c: char| c != ' ' && c.is_whitespace()))
}

/// The text of Markdown `text` without markup, whitespace collapsed: a level's summary as
/// data (`ladder.json`), where its links and tags would mean nothing.
pub fn plain(text: &str) -> String {
    plain_text(events_of(text).iter().map(|(e, _)| e))
}

/// Renders a one-line Markdown string (a summary) to inline HTML without a `<p>` wrapper,
/// under the same HTML policy as bodies ([`crate::sanitize`]).
pub fn inline_html(text: &str) -> String {
    let mut html = String::new();
    let events = crate::sanitize::events(events_of(text));
    pulldown_cmark::html::push_html(&mut html, run_together(events.into_iter().map(|(e, _)| e)));
    html.trim_end().to_string()
}

/// `events` without paragraph tags, a space between one paragraph and the next: inline text
/// to stand inside an element of a page's own.
pub(super) fn run_together<'e>(
    events: impl IntoIterator<Item = Event<'e>>,
) -> impl Iterator<Item = Event<'e>> {
    let mut after_paragraph = false;
    events.into_iter().filter_map(move |e| match e {
        Event::Start(Tag::Paragraph) => {
            let space = std::mem::take(&mut after_paragraph);
            space.then(|| Event::Text(" ".into()))
        }
        Event::End(TagEnd::Paragraph) => {
            after_paragraph = true;
            None
        }
        e => Some(e),
    })
}

/// Whether a lead (its `events`, and its text `plain`) is a label over the paragraph or list
/// after it, not the expectation's sentence: bold or emphasised whole (`**Hygiene**`,
/// `*Code review*`), or ending with a colon (`Hygiene:`).
pub(super) fn is_label(events: &[(Event, std::ops::Range<usize>)], plain: &str) -> bool {
    if plain.trim_end().ends_with(':') {
        return true;
    }
    // The inline events, without the paragraph around them.
    let inline: Vec<&Event> = events
        .iter()
        .map(|(e, _)| e)
        .filter(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .collect();
    let whole = |open: &Event, close: &Event| {
        matches!(
            (open, close),
            (Event::Start(Tag::Strong), Event::End(TagEnd::Strong))
                | (Event::Start(Tag::Emphasis), Event::End(TagEnd::Emphasis))
        )
    };
    match inline.as_slice() {
        [first, .., last] if whole(first, last) => {
            // One span from the first event to the last, not two (`**a** and **b**`).
            let mut depth = 0usize;
            inline.iter().enumerate().all(|(i, e)| {
                match e {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth > 0 || i == inline.len() - 1
            })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_the_words_with_single_spaces_however_the_text_is_split() {
        // The text is the words of every text run, one space between runs that are spaced
        // apart (in the text, or by a break or an item); checked against the text itself on
        // pseudo-random runs of ASCII, Unicode and whitespace.
        let pieces = ["a", "Bc", " ", "  ", "\n", "\t", "\u{a0}", "é", "x.", "—"];
        let mut random = crate::compare::tests::xorshift(0x1234_5678_9abc_def1);
        let mut next = |m: u64| random(m) as usize;
        for _ in 0..3000 {
            let runs: Vec<String> = (0..1 + next(5))
                .map(|_| (0..next(7)).map(|_| pieces[next(10)]).collect())
                .collect();
            let events: Vec<Event> = runs
                .iter()
                .enumerate()
                .flat_map(|(i, r)| {
                    let brk = (i % 3 == 2).then_some(Event::SoftBreak);
                    brk.into_iter().chain([Event::Text(r.as_str().into())])
                })
                .collect();
            // What a reader sees: the runs joined as written (a break is a space), each run
            // of whitespace one space, trimmed.
            let joined: String = events
                .iter()
                .map(|e| match e {
                    Event::Text(t) => t.to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            let expected = joined.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(plain_text(events.iter()), expected, "{runs:?}");
        }
    }

    #[test]
    fn a_text_is_collapsed_when_collapsing_its_whitespace_gives_it_back() {
        // Checked against collapsing itself on pseudo-random strings of letters, single and
        // double spaces, every other whitespace character, and characters that are not
        // whitespace but whose UTF-8 starts as some whitespace character's does (’, ‐, 〃,
        // U+1681, the zero-width space U+200B).
        let pieces = [
            "a", "Bc", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}",
            "\u{1680}", "\u{2000}", "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}",
            "\u{3000}", "é", "’", "‐", "\u{3003}", "\u{1681}", "\u{200b}",
        ];
        let mut random = crate::compare::tests::xorshift(0x0dd_ba11_cafe_f00d);
        for _ in 0..20_000 {
            let n = random(6) as usize;
            let text: String = (0..n)
                .map(|_| pieces[random(pieces.len() as u64) as usize])
                .collect();
            let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(is_collapsed(&text), collapsed == text, "{text:?}");
        }
    }
}
