//! A word diff's marks laid over an expectation's own HTML, so that a changed row keeps the
//! expectation's bold labels, emphasis, links and code: the diff is of the plain text (words
//! compare by their letters, whatever their markup), and its marks are then placed on the
//! same text in the HTML.

/// One piece of an HTML string: a tag, a run of whitespace, or one character of text (an
/// entity such as `&amp;` is one character, as written).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece<'h> {
    Tag(&'h str),
    Space,
    Char(&'h str),
}

/// The pieces of `html`, whitespace runs as one [`Piece::Space`], none at the start or end.
fn pieces(html: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            '<' => rest.find('>').map_or(rest.len(), |end| end + 1),
            '&' => rest
                .find(';')
                .filter(|&end| end <= 10 && !rest[1..end].contains(['&', '<', ' ']))
                .map_or(1, |end| end + 1),
            _ => c.len_utf8(),
        };
        let (piece, after) = rest.split_at(len);
        rest = after;
        if c == '<' {
            out.push(Piece::Tag(piece));
        } else if c.is_whitespace() {
            if !matches!(out.last(), None | Some(Piece::Space)) {
                out.push(Piece::Space);
            }
        } else {
            out.push(Piece::Char(piece));
        }
    }
    if out.last() == Some(&Piece::Space) {
        out.pop();
    }
    out
}

/// A character as written, with the escapes that differ between writers made one: `"` and
/// `&quot;`, `'` and `&#39;` (or `&#x27;`).
fn same(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> &str {
        match s {
            "&quot;" | "&#34;" | "&#x22;" => "\"",
            "&#39;" | "&#x27;" | "&apos;" => "'",
            _ => s,
        }
    }
    a == b || norm(a) == norm(b)
}

/// `formatted` (an expectation's HTML) with the `<del>`/`<ins>` marks of `marked` (the word
/// diff of its plain text, escaped, as [`crate::compare::split_diff_html`] writes it) around
/// the same text: a mark is closed before each of `formatted`'s tags and opened again after
/// it, so marks never cross an element's edge (`<strong><del>Promotion</del></strong>`).
/// `None` when the two are not the same text (the plain text leaves out something the HTML
/// shows), so that the caller shows the marked plain text instead.
pub fn overlay(formatted: &str, marked: &str) -> Option<String> {
    let (f, m) = (pieces(formatted), pieces(marked));
    let mut out = String::with_capacity(formatted.len() + marked.len() / 2);
    // The mark `marked` has open at this point of the text, and the one written open.
    let (mut mark, mut written): (Option<&str>, Option<&str>) = (None, None);
    let close = |out: &mut String, written: &mut Option<&str>| {
        if let Some(tag) = written.take() {
            out.push_str("</");
            out.push_str(&tag[1..]);
        }
    };
    let (mut i, mut j) = (0, 0);
    loop {
        match m.get(j) {
            Some(Piece::Tag(t)) => {
                mark = (!t.starts_with("</")).then_some(*t);
                j += 1;
                continue;
            }
            _ if matches!(f.get(i), Some(Piece::Tag(_))) => {
                let Some(Piece::Tag(t)) = f.get(i) else {
                    unreachable!()
                };
                close(&mut out, &mut written);
                out.push_str(t);
                i += 1;
                continue;
            }
            None if i == f.len() => break,
            None => return None,
            Some(p) => {
                let q = f.get(i)?;
                let text = match (q, p) {
                    (Piece::Space, Piece::Space) => " ",
                    (Piece::Char(a), Piece::Char(b)) if same(a, b) => a,
                    _ => return None,
                };
                if written != mark {
                    close(&mut out, &mut written);
                    if let Some(tag) = mark {
                        out.push_str(tag);
                        written = Some(tag);
                    }
                }
                out.push_str(text);
                i += 1;
                j += 1;
            }
        }
    }
    close(&mut out, &mut written);
    Some(out)
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
            Some("Reads <a href=\"../x/\">the <ins>guide</ins></a><ins> &amp; </ins><code><ins>a</ins> &lt; b</code> first")
        );
        // Quotes escaped by one writer and not the other are the same text.
        assert_eq!(
            overlay("The &quot;why&quot;", "The <del>\"why\"</del>").as_deref(),
            Some("The <del>&quot;why&quot;</del>")
        );
    }

    #[test]
    fn different_texts_are_not_overlaid() {
        assert_eq!(
            overlay("An <img alt=\"x\"> image", "An <del>x</del> image"),
            None
        );
        assert_eq!(overlay("Short", "Short and <ins>long</ins>"), None);
        assert_eq!(overlay("Long text", "Long"), None);
    }
}
