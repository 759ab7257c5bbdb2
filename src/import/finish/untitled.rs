//! Free pages and levels whose heading has no text (`# ` alone on its line, as an editor
//! leaves a heading begun and never written, or a table's column headed by a blank cell): a
//! page needs a title, so it takes one from its text, and a level from its code or place.

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
            "its first line, which is bold"
        } else if !p.doc_title.trim().is_empty() {
            p.title = p.doc_title.clone();
            "the section it is in"
        } else {
            p.title = "Untitled".to_string();
            "default, as its text opens with no bold line"
        };
        said.push((
            p.at.clone(),
            format!(
                "titled `{}` by {how}: write a title after its `#` to choose another",
                p.title
            ),
        ));
    }
    // Said with why the section is a free page, where that was said, so that the summary
    // folds neither away.
    for (at, title) in said {
        let why = ladder
            .guesses
            .iter_mut()
            .find(|g| g.at == at && g.text.starts_with("a heading with no text"));
        match why {
            Some(g) => g.text = format!("{}; {title}", g.text),
            None => ladder.guess(
                GuessKind::Page,
                at,
                format!("a heading with no text is a free page; {title}"),
            ),
        }
    }
}

/// Gives each level with an empty title one: its code, or else `Level N`, its place in its
/// track; said in the summary at the level, so that the writer can title it in the source.
pub(super) fn untitled_levels(ladder: &mut Ladder) {
    let mut said = Vec::new();
    for t in &mut ladder.tracks {
        for (i, l) in t.levels.iter_mut().enumerate() {
            if !l.title.trim().is_empty() {
                continue;
            }
            l.title = match &l.code {
                Some(code) => code.clone(),
                None => format!("Level {}", i + 1),
            };
            l.full_title = l.title.clone();
            said.push((l.at.clone(), format!("a level with no title is titled `{}`, from its code or its place in its track: title it in the source to choose another", l.title)));
        }
    }
    for (at, text) in said {
        ladder.guess(GuessKind::Structure, at, text);
    }
}

/// The text of `line` when it is bold throughout (`**Notes**`, `__Notes__`, `***Notes***`),
/// of at most [`TITLE_WORDS`] words: read by pulldown-cmark, so that no emphasis marker is left
/// in it.
fn bold_line(line: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let events: Vec<Event> = Parser::new(line.trim()).collect();
    // A paragraph whose one child is the bold text.
    let inner = match events.as_slice() {
        [Event::Start(Tag::Paragraph), Event::Start(Tag::Strong), inner @ .., Event::End(TagEnd::Strong), Event::End(TagEnd::Paragraph)] => {
            inner
        }
        [Event::Start(Tag::Paragraph), Event::Start(Tag::Emphasis), Event::Start(Tag::Strong), inner @ .., Event::End(TagEnd::Strong), Event::End(TagEnd::Emphasis), Event::End(TagEnd::Paragraph)] => {
            inner
        }
        _ => return None,
    };
    let mut text = String::new();
    for e in inner {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => {}
            // Bold that ends and starts again (`**One** and **two**`) is no one bold line.
            _ => return None,
        }
    }
    let words = text.split_whitespace().count();
    (words > 0 && words <= TITLE_WORDS).then(|| text.trim().to_string())
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
        assert_eq!(
            bold_line("***Studio notes***").as_deref(),
            Some("Studio notes")
        );
        assert_eq!(bold_line("__Glaze__ and __clay__"), None);
    }
}
