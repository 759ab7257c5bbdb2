//! The HTML policy's allowlist: which elements and attributes are kept, which URL schemes,
//! which elements take their content with them, and the HTML parsing rules the filter
//! follows so that author HTML cannot end or move the page's own elements (see
//! [`super::Filter`]).

/// URL schemes a link or image may use (compared in lowercase). A URL without a scheme
/// (`levels/senior.md`, `/charts/a.png`, `#craft`) is always allowed.
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Attributes any kept element may have. `id` and `class` can be set by Markdown heading
/// attributes already (`{#id .class}`), so raw HTML may set them too.
pub(super) const GLOBAL: [&str; 5] = ["id", "class", "title", "lang", "dir"];

/// Kept elements that belong only inside another, which the author's HTML must have opened:
/// anywhere else a browser ends the page's own elements to place them (a `<li>` in an
/// expectation closes the expectation's item; a `<td>` in a track's table adds a cell), so
/// there the tag is dropped and its text kept. (HTML's parsing rules for `li`, `dt`/`dd`
/// and the table elements.)
pub(super) const NEEDS_PARENT: &[(&str, &[&str])] = &[
    ("li", &["ul", "ol"]),
    ("dt", &["dl"]),
    ("dd", &["dl"]),
    ("caption", &["table"]),
    ("colgroup", &["table"]),
    ("col", &["table", "colgroup"]),
    ("thead", &["table"]),
    ("tbody", &["table"]),
    ("tfoot", &["table"]),
    ("tr", &["table", "thead", "tbody", "tfoot"]),
    ("td", &["tr"]),
    ("th", &["tr"]),
];

/// The open elements a [`NEEDS_PARENT`] element ends before it opens, as a browser ends
/// them (HTML's implied end tags): an item the next item, a cell the next cell or row.
pub(super) const ENDED_BY: &[(&str, &[&str])] = &[
    ("li", &["li"]),
    ("dt", &["dt", "dd"]),
    ("dd", &["dt", "dd"]),
    ("td", &["td", "th"]),
    ("th", &["td", "th"]),
    ("tr", &["tr", "td", "th"]),
    (
        "thead",
        &[
            "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup",
        ],
    ),
    (
        "tbody",
        &[
            "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup",
        ],
    ),
    (
        "tfoot",
        &[
            "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup",
        ],
    ),
    ("caption", &[]),
    ("colgroup", &["colgroup"]),
    ("col", &[]),
];

/// Table elements whose content is only other table elements (HTML's "in table", "in table
/// body", "in row" and "in column group" insertion modes).
pub(super) const TABLE_PARTS: [&str; 6] = ["table", "thead", "tbody", "tfoot", "tr", "colgroup"];

/// Kept elements that hold flow content (blocks), and the table elements around a cell:
/// opened by an HTML block and not closed in it, they stay open around the Markdown that
/// follows, until an HTML block closes them or the Markdown block that holds them ends, as
/// GitHub renders them. Ladders written on GitHub split a table over HTML blocks so that a
/// cell can hold a Markdown list: `<table><tr><td>`, a blank line, the list, a blank line,
/// `</td></tr></table>`; a blank line also ends the HTML block between one row and the next.
pub(super) const SPANS_BLOCKS: [&str; 12] = [
    "details",
    "div",
    "blockquote",
    "figure",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
];

/// Elements kept, each with the attributes it may have besides `GLOBAL`: the text-level,
/// list, table and grouping elements of HTML, plus `details`/`summary` and
/// `picture`/`source`/`img` that real ladders use. No forms, frames, embeds, scripts, styles
/// or SVG.
pub const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("abbr", &[]),
    ("b", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("blockquote", &[]),
    ("br", &[]),
    ("caption", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("dd", &[]),
    ("del", &["datetime"]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    ("i", &[]),
    (
        "img",
        &[
            "src", "srcset", "sizes", "alt", "width", "height", "loading",
        ],
    ),
    ("ins", &["datetime"]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "type", "reversed"]),
    ("p", &[]),
    ("picture", &[]),
    ("pre", &[]),
    ("q", &[]),
    ("rp", &[]),
    ("rt", &[]),
    ("ruby", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("small", &[]),
    (
        "source",
        &["srcset", "sizes", "media", "type", "width", "height"],
    ),
    ("span", &[]),
    ("strike", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["colspan", "rowspan", "align"]),
    ("tfoot", &[]),
    ("th", &["colspan", "rowspan", "align", "scope"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("tt", &[]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    ("wbr", &[]),
];

/// Elements without content or closing tag.
pub(super) const VOID: [&str; 6] = ["br", "col", "hr", "img", "source", "wbr"];

/// Elements dropped with everything up to their closing tag, not only their tags: their
/// content is code or markup, not text for a reader.
pub const DROP_CONTENT: [&str; 12] = [
    "script", "style", "iframe", "object", "noscript", "template", "textarea", "title", "xmp",
    "noembed", "noframes", "select",
];
