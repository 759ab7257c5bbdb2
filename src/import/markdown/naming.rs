//! What a file's name and links say about it, beside its text: whether it is an index of the
//! files beside it, and the code a level's file is named by (`B2_Baker.md`).

use crate::import::model::Ladder;

/// Whether `src` links to two or more of the other files of the import (by file name: a
/// link's folders are relative to `src`, and an index rarely names two files alike).
pub(super) fn indexes_files(ladder: &Ladder, src: &crate::import::source::SourceDoc) -> bool {
    use crate::import::source::file_name_key;
    let own = file_name_key(&src.rel);
    crate::import::infer::markdown_links(&src.text)
        .iter()
        .map(|url| file_name_key(url))
        .filter(|n| *n != own && ladder.file_names.contains(n))
        .count()
        >= 2
}

/// Whether another file of the import is named by a code of the same letters as `code`, the
/// code file `rel` is named by (`b1_apprentice_baker.md` beside `B2_Baker.md`).
pub(super) fn coded_siblings(ladder: &Ladder, rel: &str, code: &str) -> bool {
    let letters = crate::import::ids::code_letters(code).to_lowercase();
    let own = crate::import::source::file_name_key(rel);
    !letters.is_empty()
        && ladder.file_names.iter().any(|name| {
            *name != own
                && name.strip_prefix(letters.as_str()).is_some_and(|rest| {
                    rest.starts_with(|c: char| c.is_ascii_digit())
                        && !rest.starts_with(&code[letters.len()..].to_lowercase())
                })
        })
}

/// Whether another file of the import is named as this one with a word of seniority before
/// it (`junior-baker.md`, `senior-baker.md` beside `baker.md`): then this file's title names
/// a level too, the one between them, though no word in it says so.
pub(super) fn graded_siblings(ladder: &Ladder, rel: &str) -> bool {
    let own = crate::import::source::file_name_key(rel);
    let Some((stem, ext)) = own.rsplit_once('.') else {
        return false;
    };
    ladder.file_names.iter().any(|name| {
        name.strip_suffix(ext)
            .and_then(|n| n.strip_suffix('.'))
            .and_then(|n| n.strip_suffix(stem))
            .and_then(|before| before.strip_suffix(['-', '_', ' ']))
            .is_some_and(|words| {
                !words.is_empty()
                    && crate::import::ids::only_seniority(&words.replace(['-', '_'], " "))
            })
    })
}

/// Whether `text` has a line that gives its level as `code` (`**Level:** B2 (Independent)`,
/// `Grade: B2`).
pub(super) fn says_level(text: &str, code: &str) -> bool {
    text.lines().take(30).any(|line| {
        let plain: String = line.chars().filter(|c| !matches!(c, '*' | '_')).collect();
        let plain = plain.trim().to_lowercase();
        ["level:", "grade:", "band:"]
            .iter()
            .find_map(|label| plain.strip_prefix(label))
            .is_some_and(|rest| {
                rest.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(code))
            })
    })
}

/// Whether `heading` is `title` after one word with a digit in it (`04b Senior L2 (Management
/// Track)` and `Senior L2 (Management Track)`), compared by their words.
pub(super) fn numbered_copy(heading: &str, title: &str) -> bool {
    let (h, t) = (
        crate::import::ids::title_key(heading),
        crate::import::ids::title_key(title),
    );
    h.strip_suffix(&t)
        .and_then(|p| p.strip_suffix(' '))
        .is_some_and(|p| {
            !p.is_empty() && !p.contains(' ') && p.contains(|c: char| c.is_ascii_digit())
        })
}
