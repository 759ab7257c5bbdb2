//! Ids, titles and level codes for import: turning the titles people write into the
//! contract's ids (with [`crate::ids::slug`]), and reading codes (`L3`, `IC6`) and numbers
//! out of level titles.

pub use crate::ids::{slug, strip_shortcodes};
use std::collections::HashSet;

/// A slug cut to at most `max` characters at a hyphen, so that ids stay readable.
pub fn short_slug(text: &str, max: usize) -> String {
    let s = slug(text);
    if s.len() <= max {
        return s;
    }
    let mut cut = String::new();
    for part in s.split('-') {
        if !cut.is_empty() && cut.len() + 1 + part.len() > max {
            break;
        }
        if !cut.is_empty() {
            cut.push('-');
        }
        cut.push_str(part);
    }
    // A cut id does not end on a small word (`keeps-the-teams-work-visible-and`), nor,
    // transliterated, on a Russian or Ukrainian one (`и`, `i`).
    let cyrillic = text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    while let Some((head, last)) = cut.rsplit_once('-') {
        if !(SMALL_WORDS.contains(&last) || cyrillic && CYRILLIC_SMALL_WORDS.contains(&last)) {
            break;
        }
        cut = head.to_string();
    }
    if cut.is_empty() {
        s.chars().take(max).collect()
    } else {
        cut
    }
}

/// Words a cut id should not end on.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// Russian and Ukrainian words a cut id should not end on, as [`slug`] transliterates them
/// (`и` and, `в` in, `на` on, `для` for, `или` or…).
#[rustfmt::skip]
const CYRILLIC_SMALL_WORDS: &[&str] = &[
    "i", "y", "v", "vo", "na", "s", "so", "k", "ko", "o", "ob", "po", "dlia", "iz", "ot", "a",
    "ili", "no", "za", "u", "pri", "ta", "abo", "do",
];

/// A display title: `:shortcode:` emoji removed, whitespace collapsed.
pub fn clean_title(text: &str) -> String {
    strip_shortcodes(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The leading emoji of a title, as a key (`:deciduous_tree: Talent` → `:deciduous_tree:`,
/// `🦉 Domain expertise` → `🦉`), or `None` when the title starts with a letter or digit.
pub fn leading_emoji(text: &str) -> Option<String> {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix(':') {
        let end = rest.find(':')?;
        let name = &rest[..end];
        if !name.is_empty()
            && name.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '+' || c == '-'
            })
        {
            return Some(format!(":{name}:"));
        }
        return None;
    }
    let first: String = t
        .chars()
        .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .collect();
    if first.is_empty() || first.chars().all(|c| c.is_ascii_punctuation()) {
        None
    } else {
        Some(first)
    }
}

/// The key two titles are compared by: lowercase words, emoji and punctuation dropped
/// (`🦉 Domain expertise` and `Domain Expertise:` are the same pillar), other scripts'
/// letters as written (see [`crate::ids::key_words`]).
pub fn title_key(text: &str) -> String {
    crate::ids::key_words(text).replace('-', " ")
}

/// Makes ids unique in the order they are asked for, so that the same input always gives the
/// same ids.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Ids that are taken already.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Ids {
            used: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// True when `id` is taken.
    pub fn taken(&self, id: &str) -> bool {
        self.used.contains(id)
    }

    /// `base` if it is free, otherwise `base-2`, `base-3`, ...; `fallback` when `base` is empty.
    pub fn claim(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() { fallback } else { base };
        let id = if !self.used.contains(base) {
            base.to_string()
        } else {
            (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|c| !self.used.contains(c))
                .unwrap_or_else(|| base.to_string())
        };
        self.used.insert(id.clone());
        id
    }
}

/// A level number read from a code or title: `L1.0` is (1, Some(0)), `D5` is (5, None).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LevelNumber {
    /// The number before any dot.
    pub major: u64,
    /// The number after the dot, if any.
    pub minor: Option<u64>,
}

impl LevelNumber {
    /// Sort key: `L1.0` comes before `L1`, which comes before `L1.1` (a bare number names the
    /// band, whose explicit `.0` is its entry point).
    pub fn sort_key(self) -> (u64, u64, u8) {
        match self.minor {
            Some(m) => (self.major, m, if m == 0 { 0 } else { 2 }),
            None => (self.major, 0, 1),
        }
    }
}

/// A level code: letters then digits, such as `L3`, `IC6`, `TPM4`, `L1.0`, `E-5`, `E8+`.
pub fn parse_code(token: &str) -> Option<(String, LevelNumber)> {
    let t = token.trim();
    let letters: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if letters.is_empty() || letters.len() > 4 {
        return None;
    }
    let rest = &t[letters.len()..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    // `E8+`: that level and those above it, ranked as the level.
    let rest = rest.strip_suffix('+').unwrap_or(rest);
    let number = code_number(rest)?;
    // All upper case, or one capital and the rest lower case for short prefixes only (`Lv3`
    // is unusual; `Dev3` reads as a word): keep to upper case so `Level` never counts.
    if !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    // The numbers of documents (`ADR-0001`, an architecture decision record; `RFC-12`, `PEP
    // 8`) are no levels.
    if ["ADR", "RFC", "PEP", "KEP"].contains(&letters.as_str()) {
        return None;
    }
    Some((t.to_string(), number))
}

/// A word that says a level, in a code written as a word and a number (`Level 5`, `Nivel
/// 1`, `Band 3`): compared without accents and case.
fn is_level_word(w: &str) -> bool {
    [
        "level", "lvl", "nivel", "niveau", "grade", "band", "stufe", "nivell",
    ]
    .contains(&crate::ids::fold_word(w).as_str())
}

/// The level a field's label is about (`Level 3 Attainment`, `Level 2 description`): its code
/// (`Level 3`) and number, when the label is a level word, a number and one or two words that name no
/// role (so `Level 5 Senior Engineer` is a level's title, not a field).
pub fn level_field_code(label: &str) -> Option<(String, LevelNumber)> {
    let label = label.trim().trim_end_matches(':').trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    let [word, number, rest @ ..] = &words[..] else {
        return None;
    };
    if !is_level_word(word) || !(1..=2).contains(&rest.len()) {
        return None;
    }
    let rest = rest.join(" ");
    if super::titles::role_word(&rest) || super::titles::ranks(&rest) {
        return None;
    }
    level_word_code(&format!("{word} {number}"))
}

/// A code written as a level word and a number and nothing else (`Level 3`, `Nivel 2`), with
/// its number.
pub fn level_word_code(text: &str) -> Option<(String, LevelNumber)> {
    parse_spaced_code(text).filter(|(c, _)| c.split(' ').next().is_some_and(is_level_word))
}

/// A code written as a word and a number, inside a title's parenthesis: `Manager 5`, `IC 6`
/// (the code is kept as written).
fn parse_spaced_code(token: &str) -> Option<(String, LevelNumber)> {
    let (word, number) = token.trim().split_once(' ')?;
    let starts_upper = word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    if !starts_upper || word.len() > 12 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // A range (`0.0-1.0`) is placed by its first number.
    let first = number.trim().split(['-', '–']).next().unwrap_or_default();
    Some((format!("{word} {}", number.trim()), code_number(first)?))
}

/// A code as compared with another: `IC 6` and `ic6` are the same code.
pub fn code_key(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase()
}

/// A code's number: `3`, `3.1`, or `3a` (a step between 3 and 4, placed as 3.1; `3b` as
/// 3.2; steps a to d, as NHS bands `8a` … `8d`). Only in a code: in a title's words, `80k`
/// is no level's number, nor in a code `8h` (hours) or `2x`.
fn code_number(s: &str) -> Option<LevelNumber> {
    let Some(step) = s.strip_suffix(|c: char| ('a'..='d').contains(&c)) else {
        return parse_number(s);
    };
    let letter = s.as_bytes()[s.len() - 1];
    let major = parse_number(step).filter(|n| n.minor.is_none())?.major;
    Some(LevelNumber {
        major,
        minor: Some(u64::from(letter - b'a') + 1),
    })
}

fn parse_number(s: &str) -> Option<LevelNumber> {
    let (a, b) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    if a.is_empty() || a.len() > 6 || !a.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let major = a.parse().ok()?;
    let minor = match b {
        Some(b) if !b.is_empty() && b.len() <= 6 && b.bytes().all(|c| c.is_ascii_digit()) => {
            Some(b.parse().ok()?)
        }
        Some(_) => return None,
        None => None,
    };
    Some(LevelNumber { major, minor })
}

/// What a level heading says: `L3: Senior Software Engineer`, `D1 - Developer 1`,
/// `Staff Engineer (IC6 / M5)`, `Level 3`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LevelTitle {
    /// The title without the code, or the whole heading.
    pub title: String,
    /// The level's own code, when it names one.
    pub code: Option<String>,
    /// The number of the code, or the only number in the title.
    pub number: Option<LevelNumber>,
    /// Other codes in parentheses (`M5` in `Staff Engineer (IC6 / M5)`): candidate equivalents.
    pub other_codes: Vec<String>,
    /// The title with its parenthesis kept, for when the other codes do not resolve.
    pub full: String,
    /// The heading as written when it names a promotion step (`SWE-1 → SWE-2: …`), which is
    /// read as the level the step leads to.
    pub step: Option<String>,
}

/// Reads a level heading. The code may lead (`L3: Title`, `L3 - Title`, `L3 Title`) or come in
/// a trailing parenthesis (`Title (IC6)`, `Title (IC6 / M5)`).
pub fn parse_level_title(heading: &str) -> LevelTitle {
    let written = clean_title(heading);
    // An emoji before a code (`🕵 IC1 Engineer`, as GitBook titles pages) hides no code.
    let written = match leading_emoji(&written) {
        Some(e) => {
            let rest = written.trim_start()[e.len()..].trim_start();
            let code = rest.split([' ', ':']).next().and_then(parse_code);
            if code.is_some() {
                rest.to_string()
            } else {
                written
            }
        }
        None => written,
    };
    let target = promotion_target(&written, true);
    let full = target.clone().unwrap_or_else(|| written.clone());
    let mut out = LevelTitle {
        title: full.clone(),
        full: full.clone(),
        step: target.map(|_| written),
        ..Default::default()
    };
    // Leading code.
    let first: String = full
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ':')
        .collect();
    // Two codes joined by a slash (`T5/L5 = Senior Engineer`): the first is the level's,
    // the others candidate equivalents, as in a trailing parenthesis.
    // Codes of the same letters (`H1/H2`, `L5/6`) are a span of them, not two ladders' codes.
    let joined: Vec<(String, LevelNumber)> = first.split('/').map_while(parse_code).collect();
    let letters: std::collections::HashSet<String> = joined
        .iter()
        .map(|(c, _)| code_letters(c).to_lowercase())
        .collect();
    let (leading, others) = match joined.len() {
        n if n > 1 && n == first.split('/').count() && letters.len() == n => {
            let mut codes = joined.into_iter();
            (codes.next(), codes.map(|c| c.0).collect())
        }
        _ => (parse_code(&first), Vec::new()),
    };
    if let Some((code, number)) = leading {
        out.other_codes = others;
        let rest = full[first.len()..].trim_start();
        // `=` too: `L7 = Mate` gives the code as the level's name.
        let rest = rest
            .trim_start_matches([':', '-', '–', '—', '|', '·', '='])
            .trim_start();
        // The title in brackets after its code (`IC1 (Junior Engineer)`).
        // A code or a note in the brackets (`L4 (E4)`, `IC3 (formerly IC2)`) is no title:
        // the heading is, as written.
        let rest = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(r) if r.contains(['(', ')']) => rest,
            Some(r)
                if r.trim().chars().next().is_some_and(char::is_uppercase)
                    && parse_code(r.trim()).is_none() =>
            {
                r.trim()
            }
            Some(_) => "",
            None => rest,
        };
        if !rest.is_empty() {
            out.title = rest.to_string();
            out.full = rest.to_string();
        }
        // A title that is only a code (`# L1`) keeps it as its title too.
        out.code = Some(code);
        out.number = Some(number);
    }
    // A leading level word and number set off from the title (`Level 5 - Senior Software
    // Engineer`, `Nivel 1: Junior`): the number places the level, the words are its code
    // unless the title gives one of its own (`(IC1)`).
    let mut spaced: Option<String> = None;
    if out.code.is_none() {
        let title = out.title.clone();
        // A colon first: the dash of a range (`Level 0.0-1.0: Developing`) is no separator.
        let split = title
            .split_once(':')
            .or_else(|| title.split_once(['-', '–', '—', '|']));
        if let Some((head, rest)) = split {
            let rest = rest.trim_start_matches([':', '-', '–', '—', '|']).trim();
            if let Some((code, number)) = level_word_code(head).filter(|_| !rest.is_empty()) {
                out.title = rest.to_string();
                out.full = rest.to_string();
                out.number = Some(number);
                spaced = Some(code);
            }
        }
    }
    // Trailing parenthesis of codes.
    let title = out.title.clone();
    if let (Some(open), true) = (title.rfind('('), title.ends_with(')')) {
        let inner = &title[open + 1..title.len() - 1];
        let tokens: Vec<&str> = inner
            .split(['/', ',', '|', '=', '~', '≈'])
            .flat_map(|t| t.split(" or "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let codes: Vec<(String, LevelNumber)> = tokens
            .iter()
            .filter_map(|t| {
                parse_code(t)
                    .or_else(|| parse_spaced_code(t))
                    .or_else(|| code_range(t))
            })
            .collect();
        if !tokens.is_empty() && codes.len() == tokens.len() {
            let base = title[..open].trim_end().to_string();
            if !base.is_empty() {
                out.title = base;
                let mut codes = codes.into_iter();
                if out.code.is_none() {
                    if let Some((c, n)) = codes.next() {
                        out.code = Some(c);
                        out.number = Some(n);
                    }
                }
                out.other_codes = codes.map(|c| c.0).collect();
            }
        }
    }
    if out.code.is_none() {
        out.code = spaced;
    }
    if out.number.is_none() {
        // The only number in the title (`Level 3`, `Engineer II` is not read). One of 100 or
        // more names a thing (`360 Reviews`, `2024 Goals`), unless a level word says it is a
        // level's (`Level 100`).
        let words: Vec<&str> = out.title.split_whitespace().collect();
        let numbers: Vec<LevelNumber> = (0..words.len())
            .filter_map(|i| {
                let w = words[i].trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '.');
                let n = parse_number(w)?;
                (n.major < 100 || i > 0 && is_level_word(words[i - 1])).then_some(n)
            })
            .collect();
        if numbers.len() == 1 {
            out.number = Some(numbers[0]);
        }
    }
    out
}

/// The first code of a range of codes of the same letters (`L0-L1`, `B2–B3`), which a
/// title gives where the level spans them (`Security Intern (L0-L1)`).
fn code_range(text: &str) -> Option<(String, LevelNumber)> {
    let (from, to) = text.split_once(['-', '–'])?;
    let (from, to) = (parse_code(from.trim())?, parse_code(to.trim())?);
    code_letters(&from.0)
        .eq_ignore_ascii_case(code_letters(&to.0))
        .then_some(from)
}

/// The byte offset of ASCII `needle` in `text`, ASCII letters compared without case: found in
/// the text's own bytes, where a lowercased copy would shift offsets (`İ` lowercases longer).
pub(super) fn find_ascii(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The letters of a level code, in capitals: `IC` for `ic3`, `L` for `L10`.
pub(super) fn code_prefix(code: &str) -> String {
    code.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// [`seniority`]'s place for a title without a word of seniority (`Software Engineer`,
/// `Baseline`): after Junior, before Senior.
pub const BARE_TITLE: u8 = 6;

/// [`seniority`]'s place for the words of a beginner: Junior, Graduate, Associate, Entry.
pub const JUNIOR: u8 = 4;

/// Words of seniority and the rank each gives, for [`seniority`] and [`only_seniority`].
const SENIORITY: &[(&str, u8)] = &[
    ("intern", 2),
    ("apprentice", 2),
    ("trainee", 2),
    // Portuguese: an intern (estagiário) and a mid-level engineer (pleno), as Brazilian
    // ladders name them; júnior and sênior fold to the English words.
    ("estagiario", 2),
    ("pleno", 8),
    ("prejunior", 3),
    ("graduate", 4),
    ("junior", 4),
    // Abbreviated, as a matrix's columns write them (`Jnr`, `Mid`, `Snr`).
    ("jr", 4),
    ("jnr", 4),
    ("associate", 4),
    ("assistant", 4),
    ("entry", 4),
    ("mid", 8),
    ("middle", 8),
    ("intermediate", 8),
    ("senior", 10),
    ("sr", 10),
    ("snr", 10),
    // Above senior where a scale ends with it (Trainee … Senior, Expert), below principal.
    ("expert", 13),
    ("lead", 12),
    ("staff", 12),
    ("manager", 11),
    ("principal", 14),
    ("distinguished", 16),
    ("fellow", 16),
    ("head", 18),
    ("director", 18),
    ("vp", 20),
    ("chief", 22),
    ("cto", 22),
    ("cio", 22),
    ("ceo", 22),
    // Korean, as the words are written in Hangul (`시니어 레벨`, senior level), and
    // Chinese (`预备初级`, `初级`, `中级`, `高级`: pre-junior, junior, middle, senior).
    ("인턴", 2),
    ("엔트리", 4),
    ("주니어", 4),
    ("쥬니어", 4),
    ("미들", 8),
    ("시니어", 10),
    ("리드", 12),
    ("预备初级", 3),
    ("初级", 4),
    ("中级", 8),
    ("高级", 10),
    ("资深", 11),
];

/// The words of `title` that are no word of seniority, by their keys (see [`title_key`]):
/// the role it names (`Senior Baker` and `Baker` → `["baker"]`).
pub fn role_words(title: &str) -> Vec<String> {
    title_key(title)
        .split(' ')
        .filter(|w| seniority(w).0 == BARE_TITLE)
        .map(str::to_string)
        .collect()
}

/// The place of a title among common seniority words: Intern, Junior (and Associate,
/// Graduate) before a bare title, then Senior (`Sr.`), Staff or Lead, Principal,
/// Distinguished, Director, VP; words compared without accents (`Sênior`), with the
/// Portuguese Estagiário (intern) and Pleno (mid-level). The most senior word of the title
/// counts; then the most senior of the other words when it is Senior or above (`Sr.
/// Director` and `Principal Director` after `Director`, `Senior Staff` after `Staff`) or
/// junior (`Associate Director` before `Director`); then the first Roman or Arabic numeral
/// after the first word (`Software Engineer II` after `Software Engineer I`). A manager
/// ranks between Senior and Staff, and CTO with Chief, so that a management track reads
/// Engineering Manager, Director, VP, CTO. A role added `with` another (`Senior Engineer with Tech Lead Role`)
/// comes right after the title without it, before the next word of seniority. A word after
/// `Pre-` ranks just below the word (`Pre-Junior` before `Junior`).
pub fn seniority(title: &str) -> (u8, i8, u32) {
    // `Principal+ Engineer`: above `Principal Engineer`, below the next word of seniority.
    if let Some(at) = title
        .find("+ ")
        .or_else(|| title.strip_suffix('+').map(str::len))
    {
        let (top, next, numeral) = seniority(&format!("{}{}", &title[..at], &title[at + 1..]));
        return (top, next, numeral + 50);
    }
    if let Some(at) = find_ascii(title, " with ").filter(|&at| at > 0) {
        let (top, next, numeral) = seniority(&title[..at]);
        let added = seniority(&title[at + 6..]).0 != BARE_TITLE;
        return (top, next, numeral + if added { 100 } else { 0 });
    }
    let words = folded_words(title);
    // Chinese writes a title without spaces (`高级工程师`, senior engineer): its word of
    // seniority is the longest one it starts with.
    let rank = |w: &String| {
        SENIORITY
            .iter()
            .find(|x| x.0 == w)
            .map(|x| x.1)
            .or_else(|| {
                SENIORITY
                    .iter()
                    .filter(|x| {
                        x.0.starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    })
                    .filter(|x| w.starts_with(x.0))
                    .max_by_key(|x| x.0.len())
                    .map(|x| x.1)
            })
    };
    // `Pre-Junior`, `Pre-Senior`: just below the word it comes before.
    let mut ranks: Vec<u8> = (0..words.len())
        .filter_map(|i| {
            // Expert ranks as a title's first word or after another word of seniority
            // (`Expert`, `Senior Expert`), not inside a phrase (`Ask an expert`,
            // `Subject-matter expert`).
            if words[i] == "expert" && i > 0 && rank(&words[i - 1]).is_none() {
                return None;
            }
            let pre = i > 0 && words[i - 1] == "pre";
            rank(&words[i]).map(|r| if pre { r - 1 } else { r })
        })
        .collect();
    ranks.sort_unstable();
    let top = ranks.pop().unwrap_or(BARE_TITLE);
    // A junior word before a senior one (`Associate Director`) places it below the bare title.
    let next = match ranks.pop() {
        Some(n) if n >= 10 => n as i8,
        Some(n) if n <= 4 => -1,
        _ => 0,
    };
    let numeral = words.iter().skip(1).find_map(|w| numeral(w));
    (top, next, numeral.unwrap_or(0))
}

/// The number a word of a title writes: Arabic (`2`) or Roman up to eight (`ii`, `IV`).
pub(super) fn numeral(word: &str) -> Option<u32> {
    word.parse::<u32>()
        .ok()
        .or(match word.to_ascii_lowercase().as_str() {
            "i" => Some(1),
            "ii" => Some(2),
            "iii" => Some(3),
            "iv" => Some(4),
            "v" => Some(5),
            "vi" => Some(6),
            "vii" => Some(7),
            "viii" => Some(8),
            _ => None,
        })
}

/// The words of `title` (runs of letters and digits), folded ([`crate::ids::fold_word`]:
/// lower case, without accents).
fn folded_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::ids::fold_word)
        .collect()
}

/// Whether `title` is only words of seniority up to expert (`Junior`, `Senior`, `Expert`,
/// `시니어 레벨`), with a level word at most ([`is_level_word`]): a rank with no role or
/// discipline named (`Junior Engineer`), and none of the roles in [`SENIORITY`] (`Lead`,
/// `Head`, `Manager`, `Director`).
pub(super) fn only_seniority(title: &str) -> bool {
    // Roles ranked at or below expert; those above it (Principal, Head) are left by the rank.
    const ROLES: &[&str] = &["lead", "manager", "staff"];
    let words = folded_words(title);
    let rank = |w: &String| {
        SENIORITY
            .iter()
            .any(|x| x.0 == w && x.1 <= 13 && !ROLES.contains(&x.0))
    };
    words.iter().any(rank)
        && words
            .iter()
            .all(|w| rank(w) || is_level_word(w) || w == "레벨")
}

/// The letters a level's code opens with, as written (`BK` of `BK2`, `ic` of `ic1`).
pub(in crate::import) fn code_letters(code: &str) -> &str {
    let end = code
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(code.len(), |(i, _)| i);
    &code[..end]
}

mod steps;
use steps::promotion_target;
pub(super) use steps::{parse_step_title, step_sides};
#[cfg(test)]
mod tests;
