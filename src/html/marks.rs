//! A word diff's marks laid over an expectation's own HTML, so that a changed row keeps the
//! expectation's bold labels, emphasis, links and code: the diff is of the plain text (words
//! compare by their letters, whatever their markup), and its marks are then placed on the
//! same text in the HTML.

/// The character at byte `at` of HTML `s`, an entity (`&amp;`) as one, with the escapes that
/// differ between writers made one (`"` and `&quot;`, `'` and `&#39;`): its text for
/// comparing, and its length in `s`.
fn char_at(s: &str, at: usize) -> (&str, usize) {
    let rest = &s[at..];
    let len = if rest.starts_with('&') {
        rest.find(';')
            .filter(|&end| end <= 10 && !rest[1..end].contains(['&', '<', ' ']))
            .map_or(1, |end| end + 1)
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    };
    let text = match &rest[..len] {
        "&quot;" | "&#34;" | "&#x22;" => "\"",
        "&#39;" | "&#x27;" | "&apos;" => "'",
        other => other,
    };
    (text, len)
}

/// `formatted` (an expectation's HTML) with the `<del>`/`<ins>` marks of `marked` (the word
/// diff of its plain text, escaped, as [`crate::compare::split_diff_html`] writes it) around
/// the same text: a mark is closed before each of `formatted`'s tags and opened again after
/// it, so marks never cross an element's edge (`<strong><del>Promotion</del></strong>`).
/// Runs of whitespace compare as one space, and the text is copied from `formatted` as it is
/// written. `None` when `formatted` has no markup of its own to keep, or when the two are not
/// the same text (the plain text leaves out something the HTML shows): the caller shows the
/// marked plain text as it is.
pub fn overlay(formatted: &str, marked: &str) -> Option<String> {
    memchr::memchr(b'<', formatted.as_bytes())?;
    let f = split(formatted);
    let m = split(marked);
    if f.0 == m.0 {
        return Some(merge(&f.0, &f.1, &m.1));
    }
    walk(formatted, marked)
}

/// How a footnote mark starts ([`crate::markdown`] writes it): the mark, number and all, is
/// one of the expectation's tags, as its number is no word of the text.
const FOOTNOTE_MARK: &str = "<sup class=\"footnote-reference\">";

/// Whether `html` (an expectation's) holds a footnote mark.
pub fn has_footnote_mark(html: &str) -> bool {
    html.contains(FOOTNOTE_MARK)
}

/// Where the tag that starts at byte `at` of `html` ends (past its `>`): a footnote mark's at
/// its `</sup>`. `None` for a tag that is not closed.
fn tag_end(html: &str, at: usize) -> Option<usize> {
    let rest = &html[at..];
    if rest.starts_with(FOOTNOTE_MARK) {
        if let Some(e) = rest.find("</sup>") {
            return Some(at + e + "</sup>".len());
        }
    }
    memchr::memchr(b'>', rest.as_bytes()).map(|e| at + e + 1)
}

/// `html`'s text and its tags, each with the byte offset in the text where it stands: split
/// at each `<` (found by `memchr`, many bytes at a time).
fn split(html: &str) -> (String, Vec<(usize, &str)>) {
    let (mut text, mut tags) = (String::with_capacity(html.len()), Vec::new());
    let mut rest = html;
    while let Some(at) = memchr::memchr(b'<', rest.as_bytes()) {
        text.push_str(&rest[..at]);
        let end = tag_end(rest, at).unwrap_or(rest.len());
        tags.push((text.len(), &rest[at..end]));
        rest = &rest[end..];
    }
    text.push_str(rest);
    (text, tags)
}

/// [`overlay`] of two HTML strings with the same `text`: `tags` are the expectation's own,
/// `marks` the diff's, each at its offset in the text. A mark is written where its text is,
/// closed before each of the expectation's tags and opened again after it.
fn merge(text: &str, tags: &[(usize, &str)], marks: &[(usize, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * (tags.len() + marks.len()));
    let (mut mark, mut written): (Option<&str>, Option<&str>) = (None, None);
    let (mut t, mut k, mut pos) = (0, 0, 0);
    loop {
        let next = [tags.get(t), marks.get(k)]
            .into_iter()
            .flatten()
            .map(|x| x.0)
            .fold(text.len(), usize::min);
        if next > pos {
            // A space alone between two elements is not marked (`<em><del>quick</del></em>
            // <strong><del>fixes</del></strong>`): a mark shows on words.
            let blank = text[pos..next].trim().is_empty() && written.is_none();
            if written.is_some() != mark.is_some() && !blank {
                close(&mut out, &mut written);
                if let Some(tag) = mark {
                    out.push_str(tag);
                    written = Some(tag);
                }
            }
            out.push_str(&text[pos..next]);
            pos = next;
        }
        while let Some(&(_, tag)) = marks.get(k).filter(|m| m.0 == pos) {
            mark = (!tag.starts_with("</")).then_some(tag);
            k += 1;
        }
        while let Some(&(_, tag)) = tags.get(t).filter(|x| x.0 == pos) {
            close(&mut out, &mut written);
            out.push_str(own(tag));
            t += 1;
        }
        if pos == text.len() && t == tags.len() && k == marks.len() {
            break;
        }
    }
    close(&mut out, &mut written);
    out
}

/// [`overlay`] of two HTML strings whose texts differ in how they are written (whitespace,
/// escapes), compared character by character.
fn walk(formatted: &str, marked: &str) -> Option<String> {
    let (f, m) = (formatted.as_bytes(), marked.as_bytes());
    let mut out = String::with_capacity(formatted.len() + marked.len() / 2);
    // The mark `marked` has open at this point of the text, and the one written open
    // (compared by address: they are slices of `marked`, and comparing their bytes at each
    // character cost more than the rest of the walk).
    let (mut mark, mut written): (Option<&str>, Option<&str>) = (None, None);
    let differ = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => !std::ptr::eq(a, b),
        (a, b) => a.is_some() != b.is_some(),
    };
    // `formatted[from..i]` is text matched but not written yet.
    let (mut i, mut j, mut from) = (0, 0, 0);
    let mut after_space = true;
    loop {
        if j < m.len() && m[j] == b'<' {
            let end = j + marked[j..].find('>')? + 1;
            let tag = &marked[j..end];
            mark = (!tag.starts_with("</")).then_some(tag);
            j = end;
            continue;
        }
        if i < f.len() && f[i] == b'<' {
            out.push_str(&formatted[from..i]);
            close(&mut out, &mut written);
            let end = tag_end(formatted, i)?;
            out.push_str(own(&formatted[i..end]));
            (i, from) = (end, end);
            continue;
        }
        let fw = i < f.len() && f[i].is_ascii_whitespace();
        let mw = j < m.len() && m[j].is_ascii_whitespace();
        if fw && mw && differ(written, mark) {
            transition(&mut out, (formatted, &mut from, i), mark, &mut written);
        }
        if fw || mw {
            // One space each, or more whitespace on one side around a tag (`a <br>\nb`
            // beside `a b`), or at either end.
            if fw && (mw || after_space || j == m.len()) {
                while i < f.len() && f[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
            if mw && (fw || after_space || i == f.len() || f[i] == b'<') {
                while j < m.len() && m[j].is_ascii_whitespace() {
                    j += 1;
                }
            } else if mw {
                return None;
            }
            after_space = true;
            continue;
        }
        if i == f.len() || j == m.len() {
            if i == f.len() && j == m.len() {
                break;
            }
            return None;
        }
        let len = if f[i] == m[j] && f[i] != b'&' {
            (1, 1)
        } else {
            let (a, b) = (char_at(formatted, i), char_at(marked, j));
            if a.0 != b.0 {
                return None;
            }
            (a.1, b.1)
        };
        if differ(written, mark) {
            transition(&mut out, (formatted, &mut from, i), mark, &mut written);
        }
        (i, j) = (i + len.0, j + len.1);
        after_space = false;
    }
    out.push_str(&formatted[from..]);
    close(&mut out, &mut written);
    Some(out)
}

/// Writes the text matched so far (`formatted[from..i]`), then closes the mark written open
/// and opens `mark`, the one the text goes on with.
fn transition<'m>(
    out: &mut String,
    (formatted, from, i): (&str, &mut usize, usize),
    mark: Option<&'m str>,
    written: &mut Option<&'m str>,
) {
    out.push_str(&formatted[*from..i]);
    *from = i;
    close(out, written);
    if let Some(tag) = mark {
        out.push_str(tag);
        *written = Some(tag);
    }
}

/// One of the expectation's own tags as a changed row writes it: the author's strikethrough
/// (`~~old~~`, `<del>`) and insertion (`<ins>`) become `<s>` and `<u>`, so that they do not
/// read as the diff's own marks, which are `<del>` and `<ins>` styled as removed and added
/// words. The HTML rule: `<s>` is text no longer accurate, `<del>` an edit's removal.
fn own(tag: &str) -> &str {
    let name = tag.trim_start_matches(['<', '/']);
    let name = &name[..name.find([' ', '>', '/']).unwrap_or(name.len())];
    // Compared in place: this runs on every tag of every changed row.
    let (del, ins) = (
        name.eq_ignore_ascii_case("del"),
        name.eq_ignore_ascii_case("ins"),
    );
    match (del, ins, tag.starts_with("</")) {
        (true, _, false) => "<s>",
        (true, _, true) => "</s>",
        (_, true, false) => "<u>",
        (_, true, true) => "</u>",
        _ => tag,
    }
}

/// Closes the mark written open, if any (`<del>` by `</del>`).
fn close(out: &mut String, written: &mut Option<&str>) {
    if let Some(tag) = written.take() {
        out.push_str("</");
        out.push_str(&tag[1..]);
    }
}

#[cfg(test)]
mod tests {
    use super::overlay;

    #[test]
    fn marks_sit_on_the_same_words_inside_the_markup() {
        assert_eq!(
            overlay(
                "<strong>Promotion</strong>: Creates <em>safe</em> services",
                "<del>Promotion: Creates</del> safe services"
            )
            .as_deref(),
            Some(
                "<strong><del>Promotion</del></strong><del>: Creates</del> <em>safe</em> services"
            )
        );
        assert_eq!(
            overlay(
                "Reads <a href=\"../x/\">the guide</a> &amp; <code>a &lt; b</code>\nfirst",
                "Reads the <ins>guide &amp; a</ins> &lt; b first"
            )
            .as_deref(),
            Some("Reads <a href=\"../x/\">the <ins>guide</ins></a><ins> &amp; </ins><code><ins>a</ins> &lt; b</code>\nfirst")
        );
        // Quotes escaped by one writer and not the other are the same text.
        assert_eq!(
            overlay("The <em>&quot;why&quot;</em>", "The <del>\"why\"</del>").as_deref(),
            Some("The <em><del>&quot;why&quot;</del></em>")
        );
    }

    #[test]
    fn a_space_alone_between_elements_is_not_marked() {
        assert_eq!(
            overlay(
                "<em>quick</em> <strong>fixes</strong>",
                "<del>quick fixes</del>"
            )
            .as_deref(),
            Some("<em><del>quick</del></em> <strong><del>fixes</del></strong>")
        );
    }

    #[test]
    fn the_authors_own_strikethrough_is_not_a_diff_mark() {
        assert_eq!(
            overlay("Uses <del>Jenkins</del> CI", "Uses Jenkins <del>CI</del>").as_deref(),
            Some("Uses <s>Jenkins</s> <del>CI</del>")
        );
        // Through the character walk too (the texts differ in their whitespace).
        assert_eq!(
            overlay(
                "Uses <del>Jenkins</del>\n  CI",
                "Uses Jenkins <del>CI</del>"
            )
            .as_deref(),
            Some("Uses <s>Jenkins</s>\n  <del>CI</del>")
        );
    }

    #[test]
    fn a_footnote_mark_is_kept_whole_and_unmarked() {
        let mark = "<sup class=\"footnote-reference\"><a href=\"#fn-a--b-1\">1</a></sup>";
        assert_eq!(
            overlay(
                &format!("Removes flaky tests{mark}."),
                "Removes <del>flaky</del> tests."
            ),
            Some(format!("Removes <del>flaky</del> tests{mark}."))
        );
        // Through the character walk too.
        assert_eq!(
            overlay(
                &format!("Removes\n  flaky tests{mark}."),
                "Removes <del>flaky tests.</del>"
            ),
            Some(format!(
                "Removes\n  <del>flaky tests</del>{mark}<del>.</del>"
            ))
        );
    }

    #[test]
    fn different_texts_are_not_overlaid() {
        assert_eq!(
            overlay("An <img alt=\"x\"> image", "An <del>x</del> image"),
            None
        );
        assert_eq!(overlay("<b>Short</b>", "Short and <ins>long</ins>"), None);
        assert_eq!(overlay("<b>Long</b> text", "Long"), None);
    }
}
