//! What a title says of the text under it, rather than naming a competency area: pay, a
//! description of the level, what it takes to move on, a question.

use super::*;

/// Whether a column's header or a label names pay (`Salary Band (BDT / month)`, `Pay range`,
/// `Compensation`, Polish `Wynagrodzenie`, German `Gehalt`): what the level is paid, no
/// competency and no code of the level.
pub(in crate::import) fn pay(title: &str) -> bool {
    ids::title_key(title).split(' ').any(|w| {
        matches!(
            w,
            "pay"
                | "salary"
                | "salaries"
                | "compensation"
                | "wage"
                | "wages"
                | "wynagrodzenie"
                | "gehalt"
                | "salaire"
                | "salario"
                | "sueldo"
        )
    })
}

/// `title` without a bracketed part that closes it (`Village shop (< 5 staff)` → `Village
/// shop`, `Salary (EUR)` → `Salary`), or all of it.
pub(in crate::import) fn without_closing_bracket(title: &str) -> &str {
    let t = title.trim_end();
    match t.strip_suffix(')').and_then(|t| t.rfind('(')) {
        Some(open) if open > 0 => t[..open].trim_end(),
        _ => t,
    }
}

/// Whether a label and the text after it give the level's pay as figures (`**Salary
/// Range:** $60K-$85K USD`, `- **Wynagrodzenie**: 5,000 - 9,000 PLN`): a line of the
/// level's description, as a pay column is, not a pillar whose expectations are amounts. The
/// label names pay as a whole (see [`names_pay_as_a_whole`]), and the text is figures (see
/// [`pay_amount`]) in at most 12 words.
pub(in crate::import) fn pay_figures(label: &str, text: &str) -> bool {
    names_pay_as_a_whole(label) && pay_amount(text) && text.split_whitespace().count() <= 12
}

/// Whether a label or title names pay as a whole: a pay word and words that qualify it
/// (`Salary range`, `Base pay`, `Total Compensation`, `Salary (EUR)`); not `Compensation and
/// promotions`, a manager's competency.
pub(in crate::import) fn names_pay_as_a_whole(label: &str) -> bool {
    const QUALIFIERS: &[&str] = &[
        "range", "band", "bands", "base", "annual", "monthly", "yearly", "typical", "expected",
        "gross", "net", "brutto", "netto", "level", "scale", "grade", "total",
    ];
    // Read without a closing bracket (`Salary (EUR)`).
    let key = ids::title_key(without_closing_bracket(label.trim().trim_end_matches(':')));
    pay(&key) && key.split(' ').all(|w| pay(w) || QUALIFIERS.contains(&w))
}

/// Whether `text` gives an amount: figures (two digits or more, a sixth of its characters or
/// more: `$60K-$85K`, `25%: $59,000`) or a band of a scale (`Band 2 (see the union
/// agreement)`).
pub(in crate::import) fn pay_amount(text: &str) -> bool {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let band = ids::title_key(text)
        .split(' ')
        .next()
        .is_some_and(|w| matches!(w, "band" | "grade" | "scale" | "step"));
    digits >= 2 && digits * 6 >= chars || band && digits >= 1
}

/// A section title that describes the level instead of naming a competency area.
pub(in crate::import) fn descriptive(title: &str) -> bool {
    let k = ids::title_key(title);
    let k = k.trim_end_matches([':', '.']);
    // Also within a longer title (`Common anti-patterns`, `Overview of the role`).
    let padded = format!(" {k} ");
    (question(title) && !asks_what_is_expected(title))
        || DESCRIPTIVE.contains(&k)
        // What it takes to move on (`Ready for Senior When...`) and how the level differs
        // from another (`Sous Chef vs Line Cook`): a pillar of each would hold one level.
        // `Ready for service`, `Repair vs Replace` are pillars.
        || moving_on(title)

        || compares_levels(title)
        || [
            "anti pattern",
            "anti patterns",
            "antipattern",
            "antipatterns",
            "overview",
            "notes",
            "examples",
            "faq",
            "red flags",
            "pitfalls",
            "not expected",
            // What falls short of the level (`Signs you are not there yet`, a column beside
            // `What good looks like`): about the level, not more of what it expects.
            "not there yet",
            "not yet there",
            // `Role description`, `Description & purpose of the role`, in Spanish and
            // Portuguese too (compared without accents).
            "description",
            "descripcion",
            "descricao",
            "purpose of the role",
        ]
        .iter()
        .any(|w| padded.contains(&format!(" {w} ")))
}

/// Whether a title, a label or a line says what it takes to move on to the next level
/// (`Promotion to Level 2 requires:`, `Ready for Senior When...`, `Exit criteria — ready
/// for L2 when able to:`, `To reach Staff:`, `Path to IC3:`): what the level above asks, which describes the
/// level rather than being one of its expectations or pillars. Only openings that say so
/// (`Promotes good testing:` is a level's; `Ready for service`, with no `when`, a pillar),
/// and never of `this` level (`Promotion to this level requires:`).
pub(in crate::import) fn moving_on(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "exit criteria",
        "promotion to ",
        "promotion from ",
        "promotion criteria",
        "promotion requirements",
        "requirements for promotion",
        "to be promoted",
        "for promotion",
        "ready to move",
        "to move to ",
        "to move up",
        "moving to the next",
        "to reach ",
        "to progress to ",
        "progression to ",
        "to get to ",
        "next level",
        // `What's next:` over what comes after the top level.
        "whats next",
    ];
    let k = ids::title_key(text);
    // `Path to IC3:` over what to do to get there (a pillar per level it leads to), where
    // what follows names a level (`Path to production` is a pillar).
    let written = text.trim().trim_matches(['*', '_', '#', ' ']);
    let path_to = ["path to ", "road to "].iter().any(|o| {
        written
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o))
            && written.get(o.len()..).is_some_and(|rest| {
                let rest = rest.trim_end_matches([':', '*', '.']).trim();
                let lower = rest.to_lowercase();
                crate::import::titles::names_role(rest)
                    || lower.starts_with("the next")
                    || lower.starts_with("next ")
            })
    });
    // What it takes to reach this level (`To reach this level, a librarian:`, `Promotion to
    // this level requires:`) is the level's; what it takes to leave it is not (`Exit
    // criteria for this level:`, `Promotion from this level requires:`).
    const ENTERING: &[&str] = &[
        "to reach ",
        "promotion to ",
        "ready for ",
        "to move to ",
        "to get to ",
        "progression to ",
        "to progress to ",
        "to be promoted",
        "for promotion",
        "path to ",
        "road to ",
    ];
    if ENTERING.iter().any(|o| k.starts_with(o)) && k.split(' ').any(|w| w == "this") {
        return false;
    }
    let ready = k.starts_with("ready for ") && (k.ends_with(" when") || k.contains(" when "));
    ready || path_to || OPENINGS.iter().any(|o| k.starts_with(o))
}

/// A question that asks which abilities are expected in an area (`What coding abilities are
/// expected?`, `Что ожидается по общим навыкам?`): the area's heading, as a pillar's is,
/// where other questions (`Who is it?`, `What is expected of a mentor?`) describe the level
/// or are no ladder's at all. Words compared without accents, by their stem.
fn asks_what_is_expected(title: &str) -> bool {
    const EXPECTED: &[&str] = &[
        "expected",
        "required",
        // `What skills and experience do we look for?`, as job ads ask it.
        "look",
        "need",
        "ожидает",
        "требует",
        "esperad",
        "exigid",
    ];
    const ABILITY: &[&str] = &[
        "skill",
        "experien",
        "abilit",
        "knowledge",
        "competenc",
        "навык",
        "умени",
        "знани",
        "habilidad",
        "conhecimento",
        "conocimiento",
    ];
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .map(crate::ids::fold_word)
        .collect();
    let has = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    // `What skills are required to be promoted?` asks about promotion, not an area.
    let promotion = ["promot", "promoc", "повышен"];
    // Chinese writes no spaces between words (`期望具备哪些通用技能？`, which general skills
    // are expected?): its words are looked for anywhere in the title.
    let chinese = ["期望", "要求"].iter().any(|w| title.contains(w))
        && ["技能", "能力"].iter().any(|w| title.contains(w));
    (has(EXPECTED) && has(ABILITY) || chinese) && !has(&promotion)
}

/// Whether `title` is a question: it ends with `?`, or with `？` as Chinese and Japanese
/// write it (U+FF1F, FULLWIDTH QUESTION MARK).
pub(in crate::import) fn question(title: &str) -> bool {
    title.trim_end().ends_with(['?', '？'])
}

/// A question about what one role does (`What does a Tech Lead do?`, `What do Shift Leads
/// do?`, `¿Qué hace un Tech Lead?`, `O que faz um Tech Lead?`): the sections under it are
/// the parts of that role's work (`### System Architect and Business Analyst`), not levels.
pub(in crate::import) fn asks_what_one_does(title: &str) -> bool {
    let k = ids::title_key(title);
    question(title)
        && ((k.starts_with("what does ") || k.starts_with("what do ")) && k.ends_with(" do")
            || k.starts_with("que hace ")
            || k.starts_with("o que faz "))
}

/// Whether a label over a list says the list is what the level does not do (`Anti-patterns:`,
/// `Red flags:`, `Pitfalls:`, `Not expected:`, `Signs you are not there yet:`): notes beside
/// its expectations, not more of them.
pub(in crate::import) fn counter_examples(label: &str) -> bool {
    // Opening with them (`Common pitfalls:`), not a sentence about them (`Avoids common
    // pitfalls:`, which the level does).
    let k = ids::title_key(label);
    let k = k.trim_end_matches(':');
    let k = k.strip_prefix("common ").unwrap_or(k);
    [
        "anti pattern",
        "antipattern",
        "red flag",
        "pitfall",
        "not expected",
        "warning sign",
    ]
    .iter()
    .any(|w| k.starts_with(w))
        || [" not there yet", " not yet there"]
            .iter()
            .any(|w| format!(" {k}").contains(w))
}
