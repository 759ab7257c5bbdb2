//! What a heading's title says on its own: whether it reads as a level's (a role, a code),
//! as a sentence, as being about the whole ladder, or as describing a level rather than
//! naming a competency area. [`super::infer`] weighs these with the rest of the document.

use super::ids;

mod about;
pub(super) use about::{
    asks_what_one_does, counter_examples, descriptive, moving_on, names_pay_as_a_whole, pay,
    pay_amount, pay_figures, question, without_closing_bracket,
};

/// Words of titles that name a role or a level (`Senior Analyst`, `Level 2`, `Director`).
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "engineer", "engineers", "developer", "analyst", "designer", "manager", "director", "lead",
    "head", "principal", "staff", "senior", "junior", "associate", "intern", "graduate",
    "apprentice", "architect", "scientist", "vp", "cto", "fellow", "specialist", "consultant",
    "officer", "level", "grade", "band", "tier", "mid", "entry", "executive", "researcher",
    "ic", "programmer", "tester", "administrator", "coordinator", "chief", "partner", "expert",
    "practitioner", "novice", "beginner", "intermediate", "advanced", "master", "distinguished",
    "leader", "supervisor", "contributor", "sde", "swe", "sre", "trainee", "journeyman",
    "journeyperson", "middle", "owner", "writer", "coach", "jr", "jnr", "sr", "snr", "assistant",
    // Portuguese and Spanish, compared without accents (`Júnior`, `Sênior`, `Líder`).
    "pleno", "estagiario", "desenvolvedor", "engenheiro", "desarrollador", "ingeniero",
    "programador", "arquiteto", "arquitecto", "gerente", "diretor", "lider", "jefe",
    // Korean, in Hangul: level, engineer, developer, and the words of seniority.
    "레벨", "엔지니어", "개발자", "인턴", "엔트리", "주니어", "쥬니어", "미들", "시니어", "리드",
];

/// Titles of sections that are about a level rather than a competency area.
#[rustfmt::skip]
const DESCRIPTIVE: &[&str] = &[
    "overview", "summary", "description", "about", "introduction", "intro", "purpose",
    "the role", "anti-patterns", "anti patterns", "antipatterns", "anti-pattern",
    "not expected", "examples", "example", "resources", "notes", "faq", "links", "see also",
    "references", "what this is not", "red flags", "pitfalls", "note", "experience",
    "typical experience", "expected experience", "further reading", "reading list", "additional reading",
    "suggested reading", "recommended reading",
    // A level's one-line gist (`## In Short`) and how it sits among the others (`##
    // Relationship to Other Roles`): a pillar of each would hold one level.
    "in short", "relationship to other roles", "related roles",
    // A quotation that pictures someone at the level (`## Quote` over `"A technical go-to
    // person within the team."`): not something the level is assessed on.
    "quote", "quotes", "in their words",
    // Advice to the reader about growing into the level, not what the level expects (not
    // `Advice` or `Recommendations` alone: a people partner's or an analyst's competency).
    "tips", "tips and recommendations", "tips and tricks",
    // What a job ad says beside the level: about the job, not a competency. Benefits,
    // compensation and hiring can be a recruiter's or an HR ladder's pillars: not these.
    "perks", "perks and benefits", "work perks and benefits", "salary and location",
    "how to apply", "applying",
    // What the words of a scale mean (`Level definitions`, a skills matrix's glossary of
    // `Awareness` … `Expert`): about the ladder, not a level of it.
    "level definitions", "skill level definitions", "skill levels", "proficiency levels",
    "definitions of levels", "glossary",
    // What it takes to move on from the level, as `Ready for Senior When...` is.
    "readiness check", "readiness checklist", "promotion readiness",
];

/// The schooling and qualifications a job asks for (`Education`, `And Education`, as a
/// government's job classifications write them beside `Experience`): about one level's
/// job where it stands beside one level only (see `infer::describes`).
pub(super) fn job_requirement(title: &str) -> bool {
    let k = ids::title_key(title);
    [
        "education",
        "and education",
        "experience and education",
        "education and experience",
        "qualifications",
        "minimum qualifications",
    ]
    .contains(&k.trim_end_matches([':', '.']))
}

/// A title that reads as a level: it has a code or a number (`L3`, `Level 2`), or a word that
/// names a role (`Senior Analyst`, `Director`); and it is no question, not about all the
/// levels (`Levels`, `Framework`, `Ladder`), no statement (`I am a servant leader for my
/// team.`, see [`statement_like`]) and no clause with a modal verb (`Director, Platform should
/// have`, a variant's extra expectations inside one level).
pub(super) fn level_like(title: &str) -> bool {
    // A question (`When do I get promoted?`) or a title about all levels (`All Levels`, `IC1 -
    // IC6 Framework`) is none, nor a caption (`Table 1 Delivery`), whose number counts tables.
    if question(title)
        || opens_as_question(title)
        || statement_like(title) && !role_before_note(title)
        || about_all(title)
        || modal(title)
        || without_caption(title).len() < title.len()
    {
        return false;
    }
    // A role named after `with` is whom the section is about working with (`Working with
    // the Product Owner`); before it, the title's own (`Senior Engineer with Tech Lead Role`).
    let with = [" with ", " con ", " com "]
        .iter()
        .find_map(|w| ids::find_ascii(title, w));
    names_role(with.map_or(title, |at| &title[..at]))
}

/// A title that opens with a question's word (`What changes at each level`, `How pay
/// works`, `Why we level`): a topic of the ladder's, asked without its question mark, where a
/// level's title is a name.
pub(super) fn opens_as_question(title: &str) -> bool {
    let first = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    ["how", "what", "why", "when", "where", "who", "which"].contains(&first.to_lowercase().as_str())
        && title.split_whitespace().count() >= 2
}

/// The parts of a name that spans places on a scale (`Mid → Snr`, `Junior to Mid`, `L2 ->
/// L3`), split at its first kind of arrow (or `to`) and trimmed; the name alone when it has
/// none. A slash (`Mid/Snr`) is a span only beside its parts' own names (see
/// `transpose::span_of`): `Senior / Lead` is one level's name.
pub(super) fn span_parts(title: &str) -> Vec<&str> {
    ["→", "->", "⟶", " to "]
        .iter()
        .find(|sep| title.contains(**sep))
        .map_or_else(
            || vec![title],
            |sep| title.split(sep).map(str::trim).collect(),
        )
}

/// `title` without the letter or number that orders it among its siblings (`A. Joinery`, `2)
/// Finishing`, `IV. Teaching` → `Joinery`, `Finishing`, `Teaching`: up to three digits, one
/// letter or a Roman numeral, then `.` or `)` and a space), or all of it.
pub(super) fn without_ordinal(title: &str) -> &str {
    let outline = without_outline_number(title);
    if outline.len() < title.len() {
        return outline;
    }
    let Some((mark, rest)) = title.split_once(['.', ')']) else {
        return title;
    };
    // In capitals or not (`IV.`, `iv.`), not mixed.
    let roman = !mark.is_empty()
        && (mark.chars().all(|c| "IVXLC".contains(c)) || mark.chars().all(|c| "ivxlc".contains(c)));
    let ordinal = (1..=3).contains(&mark.len()) && mark.chars().all(|c| c.is_ascii_digit())
        || mark.len() == 1 && mark.chars().all(|c| c.is_ascii_alphabetic())
        || roman;
    match rest.strip_prefix(' ') {
        Some(rest) if ordinal && !rest.trim().is_empty() => rest.trim_start(),
        _ => title,
    }
}

/// `title` without an outline number before it (`1. Associate Engineer`, `1.2. Levels`,
/// `2.1.3. Junior Orchardist` → `Associate Engineer`, `Levels`, `Junior Orchardist`): groups
/// of up to three digits joined by dots, ending in a dot and a space, before a letter; or
/// all of it (`1.0 Junior`, whose number may be its code, and `2024. Review` are kept).
pub(in crate::import) fn without_outline_number(title: &str) -> &str {
    let t = title.trim_start();
    let Some((number, rest)) = t.split_once(' ') else {
        return title;
    };
    let Some(groups) = number.strip_suffix('.') else {
        return title;
    };
    let numbered = groups
        .split('.')
        .all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest = rest.trim_start();
    if numbered && rest.chars().next().is_some_and(char::is_alphabetic) {
        rest
    } else {
        title
    }
}

/// `title` without a caption's word and number before it (`Table 1 Delivery`, `Figure 2:
/// Scope` → `Delivery`, `Scope`), or all of it.
pub(super) fn without_caption(title: &str) -> &str {
    let t = title.trim_start();
    let Some((word, rest)) = t.split_once(char::is_whitespace) else {
        return title;
    };
    if !["table", "figure", "exhibit", "tabela", "tabla"].contains(&word.to_lowercase().as_str()) {
        return title;
    }
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let tail = &rest[digits..];
    let separators = ['.', ':', '-', '–', '—', ' '];
    let after = tail.trim_start_matches(separators);
    if digits == 0 || !tail.starts_with(separators) || after.is_empty() {
        return title;
    }
    after
}

/// A title with a modal verb in it (`should`, `must`, `will`, `can`): a clause, where a level's
/// title is a name.
fn modal(title: &str) -> bool {
    any_word(
        title,
        &[
            "should", "must", "shall", "will", "can", "could", "would", "may", "might",
        ],
    )
}

/// A title that compares two roles (`Senior Engineer vs Tech Lead`) rather than naming one.
pub(super) fn compares(title: &str) -> bool {
    any_word(title, &["vs", "versus"])
}

/// Whether `title` sets two levels side by side (`Sous Chef vs Line Cook`): each side of its
/// `vs` (or `versus`) reads as a level.
fn compares_levels(title: &str) -> bool {
    [" vs. ", " vs ", " versus "].iter().any(|w| {
        ids::find_ascii(title, w).is_some_and(|at| {
            let (a, b) = (&title[..at], &title[at + w.len()..]);
            level_like(a.trim()) && level_like(b.trim())
        })
    })
}

/// Whether any word of `title` (a run of letters and digits), lowercased and with the accents
/// of Latin letters folded away (`Sênior` is `senior`), is one of `words`.
pub(super) fn any_word(title: &str, words: &[&str]) -> bool {
    title
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&crate::ids::fold_word(w).as_str()))
}

/// A title about all the levels: it has the word levels, framework, ladder or matrix, or
/// says how people are placed on them (`Level Mapping for Hiring`, `Levelling`).
pub(super) fn about_all(title: &str) -> bool {
    any_word(
        title,
        &[
            "levels",
            "framework",
            "ladder",
            "ladders",
            "matrix",
            "mapping",
            "leveling",
            "levelling",
        ],
    )
}

/// Whether a title says how one comes to hold a level (`Becoming a Maintainer`, `How to
/// become a Keeper`, `Self-nomination is encouraged`), as a contributor ladder writes it:
/// such a section describes the level (see [`super::infer::describes`]), unless every level
/// has one (`Becoming a Mentor`, a pillar).
pub(super) fn how_one_becomes(title: &str) -> bool {
    let k = ids::title_key(title);
    let k = k.trim_end_matches([':', '.']);
    [
        "becoming ",
        "how to become ",
        "how do i become ",
        "how you become ",
    ]
    .iter()
    .any(|p| k.starts_with(p))
        || k.starts_with("self nomination")
        || k == "nomination"
        || k == "nominations"
}

/// A title of what every level shares (`All Levels`, `Every level`, `Shared expectations`,
/// `What every keeper does`): written like the levels, but no level of its own.
pub(super) fn for_every_level(title: &str) -> bool {
    let k = ids::title_key(title);
    let k = k.trim_end_matches([':', '.']);
    [
        "all levels",
        "every level",
        "at every level",
        "at all levels",
        "for all levels",
        "across all levels",
        "all roles",
        "every role",
        "shared expectations",
        "common expectations",
        "expectations for all levels",
        "expectations for everyone",
    ]
    .contains(&k)
        // `What every keeper does`: not `Every Day Tasks`, a skill.
        || ["what every ", "what all "]
            .iter()
            .any(|p| k.starts_with(p) && !level_like(title))
}

/// A heading that reads as a sentence rather than a title: five words or more, most of them
/// in lower case, and no code or number, and not a capitalised title with a note after a
/// comma, colon or dash (`Engineers focus on development that drives
/// results`, `You lead a team through every phase`), where a level's title is a few
/// capitalised words (`Senior Software Engineer, Platform and Infrastructure`).
pub(super) fn sentence_like(title: &str) -> bool {
    let t = ids::parse_level_title(title);
    // A title with a note after it (`Associate Product Designer, early in their career`).
    let head = t.title.split([',', ':', '–', '(']).next().unwrap_or("");
    let head_words: Vec<&str> = head.split_whitespace().collect();
    if head.len() < t.title.len()
        && (1..=5).contains(&head_words.len())
        && head_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let words: Vec<&str> = t.title.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    t.code.is_none() && t.number.is_none() && words.len() >= 5 && 2 * lower > words.len()
}

/// A heading that states what someone at a level is or does: three words or more in the
/// first or second person (`I am adaptable`, `My work ships`, `You work effectively as a
/// team member`), or a sentence (see [`sentence_like`]) that ends with a full stop (`I am a
/// servant leader for my team.`). A role's word in it (`leader`, `executive`) names no level.
pub(super) fn statement_like(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    let first_person = words.len() >= 3
        && [
            "I", "I'm", "I’m", "I've", "I’ve", "My", "You", "You're", "You’re", "You've", "You’ve",
            "Your",
        ]
        .contains(&words[0])
        && words[1].chars().next().is_some_and(char::is_lowercase);
    first_person || title.trim_end().ends_with('.') && sentence_like(title)
}

/// Whether `title` opens with a role's name set off from a note by a colon or a dash
/// (`Senior specialist: makes the whole team better at support.`).
fn role_before_note(title: &str) -> bool {
    [":", " – ", " — ", " - "].iter().any(|sep| {
        title.split_once(sep).is_some_and(|(head, _)| {
            (1..=5).contains(&head.split_whitespace().count()) && names_role(head)
        })
    })
}

/// A title with a word that names a role (`Senior`, `Engineer`, `Director`).
pub(super) fn role_word(title: &str) -> bool {
    any_word(title, ROLE_WORDS)
}

/// A title about the whole ladder that names no level (`The Engineering Ladder`, `Acme Career
/// Framework`, or a role's ladder, `Quality Analyst Framework`): an overview's, not a
/// level's. One with a code, a number or a word of seniority names a level (`Senior Product
/// Engineer Framework`, a level page named after the document it is).
pub(super) fn about_ladder(title: &str) -> bool {
    about_all(title) && !ranks(title)
}

/// A title that places a level by a code, a number or a word of seniority (`L3`, `Level 2`,
/// `Senior Analyst`), not only by a word that names a role (`Analyst`).
pub(super) fn ranks(title: &str) -> bool {
    let t = ids::parse_level_title(title);
    t.code.is_some() || t.number.is_some() || ids::seniority(&t.title).0 != ids::BARE_TITLE
}

/// A title with a code or a number, or a word that names a role, whatever else it says
/// (`Senior Product Engineer Framework`, a level page named after the document it is).
pub(super) fn names_role(title: &str) -> bool {
    let t = ids::parse_level_title(title);
    t.code.is_some()
        || t.number.is_some()
        || role_word(title)
        || numbered_noun(title)
        || career_stage(title)
}

/// A stage of a career named as a level (`Early career`, `Mid-career`, `Late career
/// professional`), as grids headed by stages rather than titles write them.
fn career_stage(title: &str) -> bool {
    let k = ids::title_key(title);
    let words: Vec<&str> = k.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| ["early", "mid", "late"].contains(&w[0]) && ["career", "careers"].contains(&w[1]))
        && words.len() <= 4
}

/// A noun that names a person by what they do and a Roman numeral that grades it
/// (`Librarian II`, `Midwife III`, `Deckhand I`), as ladders number the steps of a role
/// whatever its name; not a part of a text (`Part II`, `Chapter I`), a thing (`Value I`)
/// or a time (`Trimester II`).
fn numbered_noun(title: &str) -> bool {
    const PARTS: &[&str] = &[
        "chapter", "quarter", "semester", "layer", "paper", "number", "letter", "header", "footer",
        "power", "order", "sector", "factor", "vector", "error", "member", "matter",
    ];
    // Endings that name a person and hardly anything else (`-er`, `-ent` also end
    // `Trimester`, `Placement`, `Movement`).
    const AGENT: &[&str] = &[
        "ian", "ist", "man", "woman", "person", "wife", "hand", "nurse", "cook", "chef", "clerk",
        "officer", "agent", "mate", "guard", "medic",
    ];
    let words: Vec<&str> = title.split_whitespace().collect();
    let [.., noun, numeral] = words[..] else {
        return false;
    };
    let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].contains(&numeral);
    let noun_lower = noun.to_lowercase();
    roman
        && noun.chars().next().is_some_and(char::is_uppercase)
        && noun.chars().all(char::is_alphabetic)
        && AGENT.iter().any(|s| noun_lower.ends_with(s))
        && !PARTS.contains(&noun_lower.as_str())
}

/// Whether a section's title names the level's grade (`Job Grade`, as GitLab's job families
/// head the sentence `The Senior Cook is a grade 7.`).
pub(super) fn grade(title: &str) -> bool {
    ids::title_key(title).trim_end_matches(':') == "job grade"
}

/// Whether `title` is `parent`'s title and a grade after it, a Roman or Arabic numeral
/// (`Senior Engineer II` under `Senior Engineer`, `Mate 2` under `Mate`): a level written
/// inside a level. A letter (`Staff Engineer A`, `B`) names an archetype as often as a step.
pub(super) fn sub_level(parent: &str, title: &str) -> bool {
    let parent = ids::title_key(parent);
    !parent.is_empty()
        && ids::title_key(title)
            .strip_prefix(parent.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|grade| {
                matches!(
                    grade,
                    "i" | "ii" | "iii" | "iv" | "v" | "1" | "2" | "3" | "4" | "5"
                )
            })
}

/// Whether a sub-heading under an area names the part of it that holds its expectations
/// (`## Expectations` under `# Technical Delivery`, beside `## Self-Assessment`).
pub(super) fn expectations_part(title: &str) -> bool {
    matches!(
        ids::title_key(title).trim_end_matches(':'),
        "expectations" | "expectation" | "key expectations" | "what we expect"
    )
}

/// Whether a sub-heading under an area names a part that every area is written in: its
/// expectations (see [`expectations_part`]), or questions and evidence about them
/// (`## Self-Assessment`, `## Examples`), which are notes of the area.
pub(super) fn area_part(title: &str) -> bool {
    expectations_part(title)
        || matches!(
            ids::title_key(title).trim_end_matches(':'),
            "self assessment"
                | "self-assessment"
                | "reflection questions"
                | "questions to ask yourself"
                | "examples"
                | "evidence"
                | "indicators"
        )
}

/// English words of two letters, which a folder may be named by (`in/`, `my/`).
#[rustfmt::skip]
const WORDS_OF_TWO: &[&str] = &[
    "in", "on", "to", "my", "go", "us", "it", "at", "of", "by", "up", "an", "as", "is", "be",
    "do", "we", "me", "no", "so", "or", "if", "he", "hi", "ok", "am", "oh",
];

/// A file or folder name as a title: hyphens and underscores are spaces, runs of them one,
/// and the first letter a capital (`numbered-single` → `Numbered single`, `_pages` → `Pages`,
/// `TechLead` → `TechLead`), a name of two letters in capitals (`ic` → `IC`). The name itself
/// when it has no letter or digit.
pub fn readable(name: &str) -> String {
    let words = name
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if words.is_empty() {
        name.to_string()
    } else if words.len() == 2
        && words.chars().all(|c| c.is_ascii_alphabetic())
        && !WORDS_OF_TWO.contains(&words.to_ascii_lowercase().as_str())
    {
        // A name of two letters is an initialism (`ic`, `qa`, `em` folders): `IC`, not `Ic`;
        // unless it is an English word (`in`, `my`).
        words.to_ascii_uppercase()
    } else {
        capitalised(&words)
    }
}

/// Words a file's name wraps a track's name in (`career-ladder-for-qa-engineers`,
/// `data-engineering-levels`): about every ladder, not the one in the file.
#[rustfmt::skip]
const LADDER_WORDS: &[&str] = &[
    "career ladder for", "career ladders for", "career path for", "career paths for",
    "career framework for", "career progression for", "progression framework for",
    "ladder for", "levels for", "progression for", "framework for",
];

/// The title of the track in a file named `stem` whose levels are `levels` (their titles):
/// the name without the words about every ladder ([`LADDER_WORDS`]), each word written as
/// the levels write it where they write it as an acronym or with capitals inside (`OSPO`,
/// `iOS`: `career-ladder-for-ospo-engineers.md` holding `# OSPO Engineer I` is `OSPO
/// engineers`); else [`readable`]. Titles written in capitals throughout say nothing of a
/// word's own case.
pub(super) fn file_track_title(stem: &str, levels: &[String]) -> String {
    let name = readable(stem);
    let lower = name.to_lowercase();
    let rest = LADDER_WORDS
        .iter()
        .find_map(|w| lower.strip_prefix(w).map(|r| &name[name.len() - r.len()..]))
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or(&name);
    let own_case = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = (2..=5).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase());
        let inner = letters.iter().skip(1).any(|c| c.is_uppercase())
            && letters.iter().any(|c| c.is_lowercase());
        acronym || inner
    };
    let words: Vec<&str> = levels
        .iter()
        .filter(|l| l.chars().any(char::is_lowercase))
        .flat_map(|l| l.split_whitespace())
        .filter(own_case)
        .collect();
    let mut written: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
    let mut first_own = false;
    for (i, w) in written.iter_mut().enumerate() {
        if let Some(l) = words.iter().find(|l| l.eq_ignore_ascii_case(w)) {
            *w = l.to_string();
            first_own |= i == 0;
        }
    }
    let joined = written.join(" ");
    if first_own {
        joined
    } else {
        capitalised(&joined)
    }
}

/// Whether `titles` name as many different things as there are titles (compared by
/// [`ids::title_key`]).
pub(super) fn distinct(titles: &[String]) -> bool {
    let mut keys: Vec<String> = titles.iter().map(|t| ids::title_key(t)).collect();
    keys.sort();
    keys.dedup();
    keys.len() == titles.len()
}

pub use crate::ids::capitalised;

/// A heading over a table of contents (`Table of contents`, `Contents`, `TOC`, `On this
/// page`), which a site generator fills with the page's headings: with nothing under it in
/// the source, it titles nothing.
pub(super) fn table_of_contents(title: &str) -> bool {
    let key = ids::title_key(title);
    ["table of contents", "contents", "toc", "on this page"].contains(&key.as_str())
}

/// A heading that only says the page is unfinished (`# !Under Construction`, `Work in
/// progress`, `WIP`, `Coming soon`, `TODO`, `Draft`): it titles nothing.
pub(super) fn placeholder(title: &str) -> bool {
    let key = ids::title_key(title);
    [
        "under construction",
        "work in progress",
        "wip",
        "coming soon",
        "todo",
        "to do",
        "draft",
        "tbd",
    ]
    .contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    use super::{file_track_title, readable, without_caption, without_outline_number};

    #[test]
    fn a_file_names_its_track_as_its_levels_write_it() {
        let levels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            file_track_title(
                "career-ladder-for-ospo-engineers",
                &levels(&["OSPO Engineer I", "Senior OSPO Engineer"])
            ),
            "OSPO engineers"
        );
        assert_eq!(
            file_track_title("ios-developers", &levels(&["Junior iOS Developer"])),
            "iOS developers"
        );
        // Capitals throughout, or a word that is no acronym, keep the file's case.
        assert_eq!(
            file_track_title(
                "backend-engineers",
                &levels(&["BACKEND ENGINEER", "Data Lead"])
            ),
            "Backend engineers"
        );
        assert_eq!(
            file_track_title("qa-and-data-levels", &levels(&["Junior QA", "Data Lead"])),
            "QA and data levels"
        );
        assert_eq!(
            file_track_title("ladder", &levels(&["Junior", "Senior"])),
            "Ladder"
        );
    }

    #[test]
    fn outline_numbers_are_no_part_of_a_title() {
        assert_eq!(
            without_outline_number("1. Associate Engineer"),
            "Associate Engineer"
        );
        assert_eq!(without_outline_number("1.2. Levels"), "Levels");
        assert_eq!(
            without_outline_number("2.1.3. Junior Orchardist"),
            "Junior Orchardist"
        );
        // A number that may be the level's code, a year, and nothing after the number.
        assert_eq!(without_outline_number("1.0 Junior"), "1.0 Junior");
        assert_eq!(without_outline_number("2024. Review"), "2024. Review");
        assert_eq!(without_outline_number("3. 2024"), "3. 2024");
        assert_eq!(without_outline_number("1."), "1.");
    }

    #[test]
    fn captions_are_no_part_of_a_title() {
        assert_eq!(without_caption("Table 1 Delivery"), "Delivery");
        assert_eq!(without_caption("Figure 2: Scope of work"), "Scope of work");
        assert_eq!(without_caption("Table tennis"), "Table tennis");
        assert_eq!(without_caption("Table 12b"), "Table 12b");
        assert_eq!(without_caption("Table 3"), "Table 3");
    }

    #[test]
    fn names_read_as_titles() {
        assert_eq!(readable("numbered-single"), "Numbered single");
        // A Jekyll collection's folder: no leading space.
        assert_eq!(readable("_pages"), "Pages");
        assert_eq!(readable("engineer__track-"), "Engineer track");
        assert_eq!(readable("TechLead"), "TechLead");
        assert_eq!(readable("___"), "___");
        // Browser check 37 B37-12: a folder `ic/` made the track `Ic`.
        assert_eq!(readable("ic"), "IC");
        assert_eq!(readable("qa_"), "QA");
        assert_eq!(readable("in"), "In");
    }
}
