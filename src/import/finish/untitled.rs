//! Free pages whose heading has no text (`# ` alone on its line, as an editor leaves a
//! heading begun and never written): a page needs a title, so it takes one from its text.

use crate::import::model::{GuessKind, Ladder};

/// The most words a bold line may have to title the page it opens.
const TITLE_WORDS: usize = 12;

/// Gives each free page with an empty title one: its first line when that line is bold
/// throughout (`**Notes on the grades**`, then no longer in the body), or else the title of
/// the section or file it sits in, or else `Untitled`. Each is said in the summary, at the
/// page's heading, so that the writer can title it in the source.
pub(super) fn untitled_pages(ladder: &mut Ladder) {
    let mut said = Vec::new();
    for p in &mut ladder.pages {
        if !p.title.trim().is_empty() {
            continue;
        }
        let bold = p.body.first().and_then(|md| {
            let first = md.text.lines().next()?;
            Some((bold_line(first)?, md.text.len() - first.len()))
        });
        let how = if let Some((title, rest)) = bold {
            let md = &mut p.body[0];
            md.text = md.text[md.text.len() - rest..].trim_start().to_string();
            md.line += 1;
            if md.text.is_empty() {
                p.body.remove(0);
            }
            p.title = title;
            "its first line, which is bold,"
        } else if !p.doc_title.trim().is_empty() {
            p.title = p.doc_title.clone();
            "the title of the section it is in,"
        } else {
            p.title = "Untitled".to_string();
            "`Untitled`, as its text opens with no bold line,"
        };
        said.push((p.at.clone(), format!("a heading with no text: {how} titles the free page `{}`; write a title after its `#` to choose another", p.title)));
    }
    for (at, text) in said {
        ladder.guess(GuessKind::Page, at, text);
    }
}

/// The text of `line` when it is bold throughout (`**Notes**`, `__Notes__`), of at most
/// [`TITLE_WORDS`] words.
fn bold_line(line: &str) -> Option<String> {
    let t = line.trim();
    let inner = ["**", "__"]
        .iter()
        .find_map(|m| t.strip_prefix(m)?.strip_suffix(m))?
        .trim();
    let words = inner.split_whitespace().count();
    (words > 0 && words <= TITLE_WORDS && !inner.contains("**")).then(|| inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::bold_line;

    #[test]
    fn a_line_bold_throughout_is_a_title() {
        assert_eq!(
            bold_line("**Notes on the grades**").as_deref(),
            Some("Notes on the grades")
        );
        assert_eq!(bold_line("__Notes__ ").as_deref(), Some("Notes"));
        assert_eq!(bold_line("**Notes** and more"), None);
        assert_eq!(bold_line("**One** and **two**"), None);
        assert_eq!(bold_line("****"), None);
    }
}
