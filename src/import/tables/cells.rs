//! The text of table cells: splitting rows into cells and cells into expectations, labels
//! for headings, and how much prose a cell holds.

/// A row's cells: split at the pipes no backslash escapes and no code span holds, the outer
/// pipes dropped, each trimmed, `\|` made `|`.
pub(super) fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let ticks = rest.len() - rest.trim_start_matches('`').len();
        // A code span closed on this line is one piece: a `|` in it is text, as its author
        // meant, though GFM would end the cell there.
        if ticks > 0 {
            let fence = &rest[..ticks];
            if let Some(close) = rest[ticks..].find(fence) {
                let span = &rest[..ticks + close + ticks];
                cell.push_str(&span.replace("\\|", "|"));
                rest = &rest[span.len()..];
                continue;
            }
            cell.push_str(fence);
            rest = &rest[ticks..];
            continue;
        }
        if c == '\\' && rest[1..].starts_with('|') {
            cell.push('|');
            rest = &rest[2..];
            continue;
        }
        if c == '|' {
            out.push(std::mem::take(&mut cell).trim().to_string());
        } else {
            cell.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    let last = cell.trim();
    if !last.is_empty() || out.is_empty() {
        out.push(last.to_string());
    }
    out
}

/// `[D1](Developer.md#d1)` as `D1`; any other text as it is.
pub(super) fn link_text(cell: &str) -> String {
    match cell.strip_prefix('[').and_then(|c| c.split_once("](")) {
        Some((text, rest)) if rest.ends_with(')') && !text.contains(']') => text.trim().to_string(),
        _ => cell.to_string(),
    }
}

/// A label cell as a heading's text: its HTML tags, bold or italic markers around it and a
/// closing colon dropped, `<br>` and no-break spaces made spaces.
pub(super) fn label(cell: &str) -> String {
    // A no-break space, written or as its entity (`<td><p>&nbsp;</p></td>`), is a space.
    let t = strip_tags(&split_lines(cell).join(" "))
        .replace("&nbsp;", " ")
        .replace('\u{a0}', " ");
    // `**Delivery**:` as well as `**Delivery:**`.
    let mut t = t.trim().trim_end_matches(':').trim_end();
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|s| s.strip_suffix(mark)) {
            t = inner.trim();
        }
    }
    t.trim_end_matches(':').trim().to_string()
}

/// `text` without its HTML tags (`<b>`, `<abbr title="…">`, `</pre>`: a `<` followed by a
/// letter or `/`, to the next `>`), white space collapsed: what a reader sees of a label.
pub(in crate::import) fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match tag_end(&rest[i..]) {
            Some(j) => {
                // Block tags part words (`</li><li>`); inline ones do not (`<abbr>IC</abbr>1`).
                if BLOCKS.contains(&tag_name(&rest[i..i + j]).as_str()) {
                    out.push(' ');
                }
                rest = &rest[i + j..];
            }
            None => {
                out.push('<');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML elements that are blocks of their own: their tags part the text around them.
pub(super) const BLOCKS: &[&str] = &[
    "li",
    "ul",
    "ol",
    "p",
    "br",
    "div",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
];

/// Where the tag `text` starts with ends (just past its `>`): `None` when `text` starts with
/// no tag (a `<` followed by a letter or `/`).
pub(super) fn tag_end(text: &str) -> Option<usize> {
    let tag = text[1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
    text.find('>').filter(|_| tag).map(|j| j + 1)
}

/// The lower-case name of tag `tag` (`</LI>` and `<li class=…>` are `li`).
pub(super) fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The lines of a cell: its parts between `<br>` tags (any case, `<br/>`, `<br />`, and the
/// `</br>` some editors close one with) and around `<p>` paragraphs (`<p>A</p><p>B</p>` is two
/// lines), the paragraph tags dropped.
pub(super) fn split_lines(cell: &str) -> Vec<&str> {
    let lower = cell.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(i) = lower[at..].find('<') {
        let open = at + i;
        let Some(close) = lower[open..].find('>').map(|j| open + j) else {
            break;
        };
        let name = lower[open + 1..close]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        if matches!(name, "br" | "/br" | "p" | "/p") {
            parts.push(&cell[start..open]);
            start = close + 1;
        }
        at = open + 1;
    }
    parts.push(&cell[start..]);
    if parts.len() > 1 {
        parts.retain(|p| !p.trim().is_empty());
    }
    parts
}

/// A cell's expectations (see the module's documentation).
pub(super) fn items(cell: &str) -> Vec<String> {
    let lower = cell.to_ascii_lowercase();
    let parts: Vec<String> = if tag_at(&lower, "li").is_some() {
        // An item's own paragraphs (`<li><p>…</p></li>`, as Confluence writes) are its text.
        list_items(cell)
            .iter()
            .map(|i| split_lines(i).join(" "))
            .collect()
    } else {
        split_lines(cell).into_iter().map(str::to_string).collect()
    };
    parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let p = ["• ", "· ", "- ", "* ", "•", "·"]
                .iter()
                .find_map(|m| p.strip_prefix(m))
                // `-Can tie basic knots<br>-Participates …`: a hyphen as a bullet.
                .or_else(|| {
                    p.strip_prefix('-')
                        .filter(|r| r.starts_with(char::is_uppercase))
                })
                .unwrap_or(p);
            p.trim().to_string()
        })
        .filter(|p| !gap(p))
        .collect()
}

/// The outermost `<li>` items of HTML lists in `cell`, each with any list nested in it as
/// written, and the text outside the lists (a lead-in before them, a note after them) as
/// items of their own where they are.
fn list_items(cell: &str) -> Vec<String> {
    let lower = cell.to_ascii_lowercase();
    let (mut depth, mut start, mut out) = (0usize, None, Vec::new());
    // Where the text outside any list starts.
    let mut outside = Some(0);
    let mut at = 0;
    while let Some(i) = lower[at..].find('<') {
        let tag = at + i;
        let rest = &lower[tag..];
        let end = rest.find('>').map_or(lower.len(), |j| tag + j + 1);
        let is = |name: &str| tag_at(rest, name) == Some(0);
        if is("ul") || is("ol") {
            if depth == 0 {
                if let Some(o) = outside.take().filter(|&o| o <= tag) {
                    out.extend(split_lines(&cell[o..tag]).into_iter().map(str::to_string));
                }
            }
            depth += 1;
        } else if is("/ul") || is("/ol") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                outside = Some(end);
            }
        } else if is("li") && depth <= 1 && start.is_none() {
            start = Some(end);
        } else if is("/li") && depth <= 1 {
            if let Some(s) = start.take().filter(|&s| s <= tag) {
                out.push(cell[s..tag].to_string());
            }
        }
        at = tag + 1;
    }
    if let Some(s) = start.filter(|&s| s <= cell.len()) {
        out.push(cell[s..].to_string());
    } else if let Some(o) = outside.filter(|&o| o <= cell.len()) {
        out.extend(split_lines(&cell[o..]).into_iter().map(str::to_string));
    }
    out
}

/// Where the first HTML tag `name` (`li`, `/li`) starts in `lower`: `<name` followed by `>`,
/// a space or `/`, so that `<link>` is no `<li>`.
fn tag_at(lower: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    lower.match_indices(&open).map(|(i, _)| i).find(|&i| {
        lower[i + open.len()..]
            .chars()
            .next()
            .is_some_and(|c| c == '>' || c == '/' || c.is_whitespace())
    })
}

/// A cell that says there is nothing at this level: empty, `n/a`, `na` or `not applicable`
/// (alone, or with only a reason, see [`only_a_reason`]), a no-break space, or dashes alone
/// (`-`, `—`, `-----`).
pub(super) fn gap(cell: &str) -> bool {
    let t = cell.trim().to_ascii_lowercase();
    let not_applicable = ["n/a", "not applicable"]
        .iter()
        .any(|word| t.strip_prefix(word).is_some_and(only_a_reason));
    not_applicable
        || matches!(t.as_str(), "na" | "&nbsp;" | "\u{a0}")
        || t.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

/// Whether `rest`, the text after `n/a` in a cell (lowercase), only says why there is nothing:
/// nothing, or punctuation (`n/a.`); one parenthesis (`n/a (not applicable at this level)`);
/// or a short clause about the level, after a dash, colon or semicolon set apart (`N/A – not yet`,
/// `not applicable: below this grade`) or as it goes on (`not applicable at this level`). A
/// duty after it (`N/A – checks the cold store each morning`), or a word it starts
/// (`n/a-ish`), is an expectation.
fn only_a_reason(rest: &str) -> bool {
    const ABOUT: [&str; 8] = [
        "not",
        "applicable",
        "level",
        "levels",
        "yet",
        "grade",
        "expected",
        "required",
    ];
    let rest = rest.trim_end_matches(['.', ';', '!']);
    if rest.trim().is_empty() {
        return true;
    }
    let short_reason = |clause: &str| {
        let words: Vec<&str> = clause
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= 6 && words.iter().any(|w| ABOUT.contains(w))
    };
    let spaced = rest.starts_with(char::is_whitespace);
    let rest = rest.trim_start();
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return !inner.contains(['(', ')']);
    }
    if let Some(clause) = rest.strip_prefix(['-', '–', '—', ':', ';', ',']) {
        if clause.trim().is_empty() {
            return true;
        }
        let set_apart = spaced || clause.starts_with(char::is_whitespace);
        return set_apart && short_reason(clause);
    }
    spaced && (rest.starts_with("at ") || rest.starts_with("for ")) && short_reason(rest)
}

/// The words a reader sees in a cell: link targets and tags left out.
pub(super) fn word_count(cell: &str) -> usize {
    let mut text = String::new();
    let mut rest = cell;
    while let Some(i) = rest.find(['<', '(']) {
        text.push_str(&rest[..i]);
        let close = if rest[i..].starts_with('<') { '>' } else { ')' };
        let link_target = close == ')' && text.ends_with(']');
        match rest[i..].find(close) {
            Some(j) if close == '>' || link_target => rest = &rest[i + j + 1..],
            _ => {
                text.push_str(&rest[i..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    text.push_str(rest);
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Cells that hold expectations rather than labels, links or marks: at least half of those
/// not empty have two words or more ("Mentors engineers."), and they average at least two and
/// a half; a cell that is only a link counts as none.
pub(super) fn prose<'c>(cells: impl Iterator<Item = &'c String>) -> bool {
    let counts: Vec<usize> = cells
        .filter(|c| !gap(c))
        .map(|c| if link_only(c) { 0 } else { word_count(c) })
        .collect();
    if counts.is_empty() {
        return false;
    }
    let long = counts.iter().filter(|&&n| n >= 2).count();
    long * 2 >= counts.len() && 2 * counts.iter().sum::<usize>() >= 5 * counts.len()
}

/// Cells of which at least half are phrases of two words or more (`Learns tools`): a
/// matrix's terse cells, read as expectations where a sibling table of sentences shows the
/// matrix is one (see [`prose`] for a table on its own).
pub(super) fn phrases<'c>(cells: impl Iterator<Item = &'c String>) -> bool {
    let counts: Vec<usize> = cells.filter(|c| !gap(c)).map(|c| word_count(c)).collect();
    !counts.is_empty() && 2 * counts.iter().filter(|&&n| n >= 2).count() >= counts.len()
}

/// Cells that grade each row on one scale of words (`Awareness`, `Working`, `Practitioner`,
/// `Expert`, as a skills matrix says how well each level does a skill): every one that is not
/// a gap a single word of four letters or more, three to six different words in all, one of
/// them given twice or more. A cell that is only a picture of the step says its word by the
/// picture's alternative text (`![Advanced](advanced.png)`), as a screen reader reads it.
pub(super) fn scale<'c>(cells: impl Iterator<Item = &'c String>) -> bool {
    let words: Vec<String> = cells
        .filter(|c| !gap(c))
        .map(|c| picture_word(c).unwrap_or(c).trim().to_lowercase())
        .collect();
    let mut distinct: Vec<&String> = words.iter().collect();
    distinct.sort();
    distinct.dedup();
    !words.is_empty()
        && distinct.len() <= 6
        && distinct.len() < words.len()
        // A scale of proficiency has three steps at least, each a word (`Working`), not a
        // permission (`Yes`, `No`) or a letter of a RACI matrix (`R`, `A`, `C`, `I`).
        && distinct.len() >= 3
        && words.iter().all(|w| {
            word_count(w) == 1
                && w.chars().count() >= 4
                && w.chars().all(char::is_alphabetic)
                && !["none", "true", "false"].contains(&w.as_str())
        })
}

/// The alternative text of a cell that is one Markdown image and nothing else (`![Basic](
/// ./marks/basic.png)`, CommonMark's "Images"), when it has one.
fn picture_word(cell: &str) -> Option<&str> {
    let c = cell.trim();
    let (alt, rest) = c.strip_prefix("![")?.split_once("](")?;
    // Nothing after the picture: its one `)` closes it.
    let closed = rest.strip_suffix(')').is_some_and(|url| !url.contains(')'));
    (closed && !alt.trim().is_empty() && !alt.contains(']')).then_some(alt.trim())
}

/// A cell that is one link and nothing else (`[D1 - Developer 1](#d1)`): an index's entry.
fn link_only(cell: &str) -> bool {
    let c = cell.trim();
    c.starts_with('[') && c.ends_with(')') && c.matches("](").count() == 1
}

/// An item line, with a first word that would start a heading, quote or list escaped.
pub(super) fn item_line(indent: &str, text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let digits = first.trim_end_matches(['.', ')']);
    let marker = matches!(first, "-" | "*" | "+")
        || (!first.is_empty() && first.len() <= 6 && first.chars().all(|c| c == '#'))
        || first.starts_with('>')
        || (digits.len() + 1 == first.len()
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit()));
    let escape = if marker { "\\" } else { "" };
    format!("{indent}- {escape}{text}")
}

/// Cells that score rather than say (`3`, `4.5`, `2/5`): every one that is not a gap a number,
/// or a number out of another. A column of levels' codes (`L3`) or names is none.
pub(super) fn scores<'c>(cells: impl Iterator<Item = &'c String>) -> bool {
    let mut any = false;
    for c in cells.filter(|c| !gap(c)) {
        let t = label(c);
        let number = |n: &str| !n.is_empty() && n.trim().parse::<f64>().is_ok();
        if !(number(&t)
            || t.split_once('/')
                .is_some_and(|(a, b)| number(a) && number(b)))
        {
            return false;
        }
        any = true;
    }
    any
}

/// Words of a column header that names pillars.
#[rustfmt::skip]
pub(super) const PILLAR_WORDS: &[&str] = &[
    "pillar", "pillars", "competency", "competencies", "area", "areas", "skill", "skills",
    "dimension", "dimensions", "category", "theme", "themes", "focus", "axis", "attribute",
];
