//! The id rule of the contract: what a track's, level's or pillar's id (its file stem) may
//! be, and the slug that makes a valid id of a title or of a stem that breaks it.
//!
//! The slug is written here rather than taken from the `slug` crate: that crate transliterates
//! everything through `deunicode`, which turns emoji into words (`🦉 Domain expertise` would
//! become `owl-domain-expertise`). Ladders put emoji in pillar titles, so emoji and other
//! symbols are dropped instead; Latin letters with diacritics are folded to ASCII, and only
//! the letters of other scripts go through `deunicode` (`Разработка` → `razrabotka`), as ids
//! and addresses are ASCII.

/// True when `id` follows the contract's id rule: lowercase ASCII letters and digits in
/// groups joined by single hyphens (`senior-engineer`, `m5`).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A valid id suggested for an invalid one (`L1.0-Graduate` → `l1-0-graduate`): its
/// [`slug`].
pub fn suggest_id(stem: &str) -> String {
    slug(stem)
}

/// A slug for an id: lowercase ASCII letters and digits in groups joined by single hyphens.
/// Latin letters with accents lose them (`Café` → `cafe`), letters of other scripts are
/// transliterated (`Коммуникация` → `kommunikatsiia`; `開発` → `kai-fa`, a syllable a
/// word), `&` and other symbols separate words, emoji and `:shortcode:` emoji are dropped.
/// May be empty (a title of emoji only).
pub fn slug(text: &str) -> String {
    words_joined(text, true)
}

/// The words of [`slug`] joined by single hyphens, with other scripts' letters kept as they
/// are, lowercased (`Разработка` → `разработка`), where `slug` transliterates them: titles
/// that transliterate alike may differ (`技能` and `机能` are both `ji-neng`), so titles are
/// compared by these words, and ids are made of the slug.
pub fn key_words(text: &str) -> String {
    words_joined(text, false)
}

fn words_joined(text: &str, transliterate: bool) -> String {
    let text = strip_shortcodes(text);
    let mut out = String::new();
    let mut pending_hyphen = false;
    let mut push = |s: &str, pending_hyphen: &mut bool| {
        if *pending_hyphen && !out.is_empty() {
            out.push('-');
        }
        *pending_hyphen = false;
        out.push_str(s);
    };
    for c in text.chars() {
        match fold(c) {
            Some(s) => push(s.as_str(), &mut pending_hyphen),
            None if c.is_alphabetic() && !transliterate => {
                push(&c.to_lowercase().to_string(), &mut pending_hyphen);
            }
            None if c.is_alphabetic() => {
                // Another script's letter: its ASCII letters, and a break where its
                // transliteration has one (each CJK syllable is a word of its own).
                let ascii = deunicode::deunicode_char(c).unwrap_or("");
                for t in ascii.chars() {
                    if t.is_ascii_alphanumeric() {
                        push(&t.to_ascii_lowercase().to_string(), &mut pending_hyphen);
                    } else if t != '\'' {
                        pending_hyphen = true;
                    }
                }
            }
            None => {
                // Apostrophes join words (`team's` → `teams`), as do marks that combine with
                // the letter before them and have no letters of their own (a decomposed
                // accent, `Sen\u{303}or`; the Devanagari virama of `प्रबंधन`); everything else
                // separates them.
                let joins = matches!(c, '\'' | '’' | '\u{200d}' | '\u{fe0f}')
                    || (!c.is_ascii() && deunicode::deunicode_char(c) == Some(""));
                if !joins {
                    pending_hyphen = true;
                }
            }
        }
    }
    out
}

/// `text` with its first letter a capital (`system design` → `System design`).
pub fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// `word` in lowercase with the accents of Latin letters folded away (`Sênior` → `senior`,
/// `Estagiário` → `estagiario`), as [`slug`] folds them; other letters are only lowercased.
pub fn fold_word(word: &str) -> String {
    word.chars()
        .map(|c| fold(c).unwrap_or_else(|| c.to_lowercase().collect()))
        .collect()
}

fn fold(c: char) -> Option<String> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase().to_string());
    }
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            "i"
        }
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    };
    Some(s.to_string())
}

/// Removes GitHub `:shortcode:` emoji (`:octopus: Managing teams` → ` Managing teams`).
pub fn strip_shortcodes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(':') {
        let after = &rest[i + 1..];
        let end = after.find(':');
        match end {
            Some(j)
                if j > 0
                    && after[..j].chars().all(|c| {
                        c.is_ascii_lowercase()
                            || c.is_ascii_digit()
                            || c == '_'
                            || c == '+'
                            || c == '-'
                    }) =>
            {
                out.push_str(&rest[..i]);
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        for ok in ["senior-engineer", "m5", "a1-b2"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["Senior", "a--b", "-a", "a-", "l1.0", "a_b", ""] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert_eq!(
            suggest_id("L1.0-Graduate-Software-Engineer"),
            "l1-0-graduate-software-engineer"
        );
    }

    #[test]
    fn slugs_follow_the_id_rule() {
        assert_eq!(slug("🦉 Domain expertise"), "domain-expertise");
        assert_eq!(slug(":triangular_flag_on_post: Leadership"), "leadership");
        assert_eq!(
            slug("Software Engineering & Design"),
            "software-engineering-design"
        );
        assert_eq!(
            slug("L1.0-Graduate-Software-Engineer"),
            "l1-0-graduate-software-engineer"
        );
        assert_eq!(slug("Café Team's"), "cafe-teams");
        assert_eq!(slug("🙂"), "");
        // Other scripts are transliterated: ids and addresses are ASCII.
        assert_eq!(slug("Разработка"), "razrabotka");
        assert_eq!(slug("Техническая экспертиза"), "tekhnicheskaia-ekspertiza");
        assert_eq!(slug("開発"), "kai-fa");
        assert_eq!(slug("🦉 Ανάπτυξη"), "anaptuxe");
        assert_eq!(slug("Sen\u{303}or Engineer"), "senor-engineer");
        assert!(!slug("प्रबंधन").contains('-'), "{}", slug("प्रबंधन"));
        // Titles are compared by their own letters: two that transliterate alike differ.
        assert_eq!(slug("技能"), slug("机能"));
        assert_ne!(key_words("技能"), key_words("机能"));
        assert_eq!(key_words("Разработка"), "разработка");
        assert_eq!(key_words("🦉 Café Team's"), slug("Café Team's"));
    }
}
