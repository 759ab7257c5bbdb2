//! The TOML parser's errors in the words of someone who writes ladders rather than TOML:
//! a value without quotes, a quote never closed, a key or a table written twice, a line
//! written as YAML.

/// `line` (trimmed) written as YAML sets a key (`code: "IC2"`, `rank: 3`, `title: Staff
/// Engineer`, as Jekyll and Hugo front-matter is): the key, and the line as TOML writes it
/// (`code = "IC2"`) where the value reads one way only: plain text (put in double quotes, a
/// YAML comment after ` #` left out), text already in double quotes, a whole number, `true`
/// or `false`, each as the key takes it ([`INTEGER_KEYS`], [`BOOLEAN_KEYS`], [`LIST_KEYS`]).
/// `None` for a line that is no `key: value`.
fn yaml_line(line: &str) -> Option<(&str, Option<String>)> {
    let (key, value) = line.split_once(':')?;
    let key_like = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !key_like || line.contains('=') {
        return None;
    }
    let value = value.split_once(" #").map_or(value, |(v, _)| v).trim();
    let plain =
        !value.is_empty() && !value.starts_with(['"', '\'', '[', '{', '&', '*', '!', '|', '>']);
    let text = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .filter(|v| !v.contains('"') && !v.contains('\\'))
        .or(plain.then_some(value));
    let whole = !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    let fixed = if INTEGER_KEYS.contains(&key) {
        whole.then(|| value.to_string())
    } else if BOOLEAN_KEYS.contains(&key) {
        match value {
            "true" | "yes" | "on" => Some("true".to_string()),
            "false" | "no" | "off" => Some("false".to_string()),
            _ => None,
        }
    } else if LIST_KEYS.contains(&key) {
        text.map(|t| format!("[{}]", basic_string(t)))
    } else {
        text.map(basic_string)
    };
    Some((key, fixed.map(|v| format!("{key} = {v}"))))
}

/// `text` as a TOML basic string (TOML v1.0, §String): in double quotes, `\` and `"`
/// escaped.
fn basic_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Keys whose values are whole numbers, and true or false, in any front-matter.
const INTEGER_KEYS: &[&str] = &["rank", "order", "weight"];
const BOOLEAN_KEYS: &[&str] = &["cumulative"];
/// Keys whose values are lists of ids or addresses.
const LIST_KEYS: &[&str] = &["equivalent", "aliases"];

/// The TOML parser's error (`parser_message`, at byte `at` of `toml`) in the words of someone
/// who writes ladders rather than TOML, for the mistakes they make: a value without quotes,
/// a quote never closed, a key written twice. `None` for any other error. Returns (message,
/// hint), the hint the line as it should be written.
pub(super) fn explain(toml: &str, at: usize, parser_message: &str) -> Option<(String, String)> {
    let start = toml[..at.min(toml.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = toml[start..].find('\n').map_or(toml.len(), |i| start + i);
    // A table's header written twice (`[book]` … `[book]`, TOML v1.0 §Table).
    let line = toml[start..end].trim();
    if let Some(table) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        if parser_message.contains("duplicate key") && !table.starts_with('[') {
            return Some((
                format!("the table `[{table}]` is written twice"),
                format!("keep one `[{table}]` line, with every key of the two under it"),
            ));
        }
    }
    if let Some((key, fixed)) = yaml_line(line) {
        return Some((
            format!("`{line}` is written as YAML; the front-matter between `+++` lines is TOML, which sets a key with `=`"),
            match fixed {
                Some(fixed) => format!("write {fixed}"),
                None => format!("write `{key} = …` with `=`: text in double quotes, a list as `[\"a\", \"b\"]` (TOML v1.0)"),
            },
        ));
    }
    let (key, value) = toml[start..end].split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    if parser_message.contains("duplicate key") {
        return Some((
            format!("`{key}` is written twice in one table (TOML allows a key once)"),
            format!("keep one `{key} = …` line and remove the other"),
        ));
    }
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q) {
            if !inner.contains(q) {
                return Some((
                    format!("the text of `{key}` opens a quote (`{q}`) that is never closed"),
                    format!("end the text with the same quote on this line: {key} = {q}{inner}{q}"),
                ));
            }
            // `title = "Engineer "II""`: a quote inside the text ends it early.
            let escaped_or_multiline = inner.contains('\\') || inner.starts_with(q);
            if let Some(text) = inner
                .strip_suffix(q)
                .filter(|t| t.contains(q) && !escaped_or_multiline)
            {
                let fixed = if q == '"' && !text.contains('\'') {
                    format!("'{text}'")
                } else {
                    basic_string(text)
                };
                return Some((
                    format!("the text of `{key}` holds a quote (`{q}`), which ends the text early"),
                    format!("put the text in the other kind of quotes, or escape the quote inside it: {key} = {fixed}"),
                ));
            }
            return None;
        }
    }
    // Text without quotes: not a quoted string, list or table, nor a number (TOML §Integer,
    // §Float) or a boolean.
    let bare = |v: &str| {
        !v.is_empty()
            && !v.starts_with(['"', '\'', '[', '{'])
            && v.replace('_', "").parse::<f64>().is_err()
            && !matches!(v, "true" | "false")
    };
    if let Some(items) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        // Ids and addresses hold no quote, comma or space: a list of them with a quote
        // missing or out of place (`["ds2, "m1"]`) is written again from its words.
        let whole = |i: &str| {
            let i = i.trim();
            !i.contains(['"', '\''])
                || ['"', '\''].iter().any(|&q| {
                    i.len() >= 2
                        && i.starts_with(q)
                        && i.ends_with(q)
                        && !i[1..i.len() - 1].contains(q)
                })
        };
        if LIST_KEYS.contains(&key) && !items.split(',').all(whole) {
            let words: Vec<String> = items
                .split(|c: char| c == ',' || c == '"' || c == '\'' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(basic_string)
                .collect();
            return Some((
                format!("a quote is missing or out of place in the list `{key}`"),
                format!(
                    "write each id in double quotes of its own, with commas between: {key} = [{}]",
                    words.join(", ")
                ),
            ));
        }
        let items: Vec<&str> = items
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        if !items.is_empty() && items.iter().any(|i| bare(i)) {
            let items: Vec<String> = items
                .iter()
                .map(|i| {
                    if bare(i) {
                        basic_string(i)
                    } else {
                        i.to_string()
                    }
                })
                .collect();
            return Some((
                format!("the items of `{key}` are not in quotes"),
                format!(
                    "write each in double quotes: {key} = [{}]",
                    items.join(", ")
                ),
            ));
        }
        return None;
    }
    if !bare(value) {
        return None;
    }
    Some(if INTEGER_KEYS.contains(&key) {
        (
            format!("`{key}` must be a whole number, not `{value}`"),
            // No number of ours: ranks are unique on a track, and an example would be taken.
            format!("write it as a whole number without quotes: `{key} = <a whole number>`"),
        )
    } else if BOOLEAN_KEYS.contains(&key) {
        (
            format!("`{key}` must be true or false, not `{value}`"),
            format!("write it as `{key} = true` or `{key} = false`"),
        )
    } else if LIST_KEYS.contains(&key) {
        let items: Vec<String> = value.split(',').map(|i| basic_string(i.trim())).collect();
        (
            format!("`{key}` is a list of ids in quotes, not `{value}`"),
            format!("write it as a list: {key} = [{}]", items.join(", ")),
        )
    } else {
        // Typographic quotes, as a word processor puts them, are not TOML's.
        let curly = ['“', '”', '‘', '’', '„'];
        let text = value.trim_matches(|c| curly.contains(&c));
        let message = if text.len() < value.len() {
            format!(
                "the value of `{key}` is in typographic quotes, which TOML does not read as quotes"
            )
        } else {
            format!("the value of `{key}` is not in quotes")
        };
        (
            message,
            format!(
                "write text in straight double quotes: {key} = {}",
                basic_string(text)
            ),
        )
    })
}
