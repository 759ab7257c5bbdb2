//! Where each byte of a TOML string's value is written in its file: a summary's links are
//! Markdown inside a TOML string, and a broken one is reported at its own line and column.

/// For a TOML string written at the start of `raw` (its opening quotes first: basic `"…"`,
/// literal `'…'`, or either multi-line), the byte offset in `raw` of each byte of its value,
/// and one past the last: escapes (`\"`, `\u00e9`) and a line-ending backslash take their
/// source's room, and a newline right after `"""` or `'''` is none of the value (TOML
/// 1.0, "String"). Positions past what `raw` holds are left out, so a caller uses `get`.
fn string_places(raw: &str) -> Vec<usize> {
    let (quote, multi) = if raw.starts_with("\"\"\"") {
        ('"', true)
    } else if raw.starts_with("'''") {
        ('\'', true)
    } else if let Some(q) = raw.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        (q, false)
    } else {
        return Vec::new();
    };
    let mut at = if multi { 3 } else { 1 };
    if multi {
        at += raw[at..]
            .strip_prefix("\r\n")
            .map(|_| 2)
            .or_else(|| raw[at..].strip_prefix('\n').map(|_| 1))
            .unwrap_or(0);
    }
    let bytes = raw.as_bytes();
    let mut places = Vec::new();
    while at < raw.len() {
        let rest = &raw[at..];
        let closes = if multi {
            rest.starts_with(&quote.to_string().repeat(3))
        } else {
            rest.starts_with(quote)
        };
        if closes {
            break;
        }
        if quote == '"' && bytes[at] == b'\\' {
            let escape = match bytes.get(at + 1) {
                Some(b'u') => 6,
                Some(b'U') => 10,
                // A line-ending backslash: the line break and the space after it are none.
                Some(b'\n' | b'\r' | b' ' | b'\t') if multi => {
                    let rest = &raw[at + 1..];
                    at += 1 + rest.len() - rest.trim_start().len();
                    continue;
                }
                _ => 2,
            };
            let value = match bytes.get(at + 1) {
                Some(b'u' | b'U') => raw
                    .get(at + 2..at + escape)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .map_or(1, char::len_utf8),
                _ => 1,
            };
            places.extend(std::iter::repeat_n(at, value));
            at += escape;
            continue;
        }
        let len = raw[at..].chars().next().map_or(1, char::len_utf8);
        places.extend(at..at + len);
        at += len;
    }
    places.push(at);
    places
}

/// Where each byte of a TOML string's value is in its file: [`string_places`] as offsets in
/// the file.
pub struct ValuePlaces(Vec<usize>);

impl ValuePlaces {
    /// The places of the string value whose opening quote is at byte `at` of `text`, the part
    /// of the file that starts at its byte `base` (the whole file, or its front-matter).
    pub fn of(text: &str, at: usize, base: usize) -> ValuePlaces {
        ValuePlaces(
            string_places(text.get(at..).unwrap_or(""))
                .into_iter()
                .map(|p| base + at + p)
                .collect(),
        )
    }

    /// The byte offset in the file of byte `i` of the value; past what the file holds, the
    /// value's end as far as it was read.
    pub fn place(&self, i: usize) -> usize {
        self.0.get(i).or(self.0.last()).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::string_places;

    #[test]
    fn a_strings_value_is_placed_where_it_is_written() {
        // Each byte of the value: where it is in the raw text.
        let at = |raw: &str, value: &str, find: &str| {
            let places = string_places(raw);
            places[value.find(find).unwrap()]
        };
        let raw = r#""Say \"hi\" to [Staff](s.md)" # note"#;
        assert_eq!(
            at(raw, r#"Say "hi" to [Staff](s.md)"#, "[Staff]"),
            raw.find("[Staff]").unwrap()
        );
        let raw = "'C:\\dir [x](y.md)'";
        assert_eq!(
            at(raw, "C:\\dir [x](y.md)", "[x]"),
            raw.find("[x]").unwrap()
        );
        let raw = "\"\"\"\nFirst line.\nSee [x](y.md).\"\"\"";
        assert_eq!(
            at(raw, "First line.\nSee [x](y.md).", "[x]"),
            raw.find("[x]").unwrap()
        );
        let raw = "\"caf\\u00e9 [x](y.md)\"";
        assert_eq!(at(raw, "café [x](y.md)", "[x]"), raw.find("[x]").unwrap());
        let raw = "\"é [x](y.md)\"";
        assert_eq!(at(raw, "é [x](y.md)", "[x]"), raw.find("[x]").unwrap());
        assert!(string_places("42").is_empty());
    }
}
