//! The language of an imported ladder, where its script says it: a site in Korean or
//! Japanese marked `lang="en"` is read aloud and hyphenated as English, and browsers pick
//! the wrong fonts for it.

/// The BCP 47 tag of the language the texts are written in, when more than half of their
/// letters are of a script one language writes: Hangul (`ko`), Japanese kana with or without
/// Han characters (`ja`), Han characters alone (`zh`), Greek (`el`), Hebrew (`he`), Thai
/// (`th`). `None` otherwise (Latin and Cyrillic letters are written by many languages).
pub(super) fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    let (mut letters, mut hangul, mut kana, mut han, mut greek, mut hebrew, mut thai) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    // Addresses are no words: a picture's `data:` URI alone (`data:image/jpeg;base64,…`,
    // thousands of Latin letters) made a Korean ladder count as Latin.
    let words = texts.flat_map(str::split_whitespace).filter(|w| {
        !(w.contains("://")
            || w.starts_with("data:")
            || w.contains("(data:")
            || w.len() > 40 && w.is_ascii())
    });
    for c in words.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F => hangul += 1,
            _ if is_kana(c) => kana += 1,
            _ if is_han(c) => han += 1,
            0x0370..=0x03FF => greek += 1,
            0x0590..=0x05FF => hebrew += 1,
            0x0E00..=0x0E7F => thai += 1,
            _ => {}
        }
    }
    let most = |n: usize| 2 * n > letters;
    if most(hangul) {
        Some("ko")
    } else if most(kana + han) && kana > 0 {
        Some("ja")
    } else if most(han) {
        Some("zh")
    } else if most(greek) {
        Some("el")
    } else if most(hebrew) {
        Some("he")
    } else if most(thai) {
        Some("th")
    } else {
        None
    }
}

/// About how many words `text` holds: its words between spaces, where a run of Han and kana
/// characters, which Japanese and Chinese write without spaces, counts a word for every two
/// characters (about what a word of either takes).
pub(super) fn words(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            let wide = w.chars().filter(|&c| is_kana(c) || is_han(c)).count();
            (wide / 2).max(1)
        })
        .sum()
}

/// Japanese kana: hiragana and katakana.
fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF)
}

/// Han characters (CJK Unified Ideographs and their Extension A).
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn a_script_one_language_writes_names_it() {
        assert_eq!(
            of(["### Technology\n* 새로운 데이터 과학 기술의 도입"].into_iter()),
            Some("ko")
        );
        assert_eq!(of(["## 開発\n- テストを書く"].into_iter()), Some("ja"));
        assert_eq!(of(["## 开发\n- 编写测试"].into_iter()), Some("zh"));
        assert_eq!(
            of(["## Desenvolvimento\n- Escreve testes"].into_iter()),
            None
        );
        assert_eq!(of(["## Разработка\n- Пишет тесты"].into_iter()), None);
        // Nor do the letters of an address or a picture written into the page.
        let picture = format!(
            "![회로](data:image/png;base64,{})",
            "iVBORw0KGgo".repeat(50)
        );
        assert_eq!(
            of([picture.as_str(), "## 개발\n- 테스트를 작성합니다"].into_iter()),
            Some("ko")
        );
        assert_eq!(
            of(["## 개발\n- [테스트](https://example.org/testing-guide-for-everyone)"].into_iter()),
            Some("ko")
        );
        // A few words in another script do not make the ladder theirs.
        assert_eq!(
            of(["## Craft (開発)\n- Writes tests for every change"].into_iter()),
            None
        );
    }
}
