//! Sections that give a level's pay (`### Total Compensation` over `* 25%: $59,000`): part
//! of the level's description, not a pillar.

use super::{heading_text, list_items};
use crate::import::ids;
use crate::import::outline::Doc;

/// Whether section `s` gives the level's pay: its title names pay as a whole (`### Total
/// Compensation`, `### Salary`), and its list items, one or more, are sums of money (see
/// [`money`]), whatever prose leads into them; as are those of every other section of the
/// page with its title, so that a pillar (a manager's `### Compensation`, `Runs the 2025 pay
/// review for 14 bakers`) stays one at every level. Pay is a line of the level's description,
/// as a pay column or a `**Salary:**` label is, not a pillar that comparisons set side by
/// side.
pub(in crate::import) fn pay_section(d: &Doc, s: usize, title: &str) -> bool {
    if !crate::import::titles::names_pay_as_a_whole(title) {
        return false;
    }
    let sums = |s: usize| {
        let items = list_items(d, s);
        !items.is_empty() && items.iter().all(|t| money(t))
    };
    let key = ids::title_key(title);
    sums(s)
        && (1..d.secs.len())
            .filter(|&o| o != s && ids::title_key(&heading_text(d, o)) == key)
            .all(sums)
}

/// Whether `text` is a sum of money in a few words (12 at most): figures (see
/// [`pay_amount`](crate::import::titles::pay_amount)) with a currency's sign or code, a percentile or
/// a thousands `K` (`25%: $59,000`, `60K-85K`, `5,000 - 9,000 PLN`), not a year or a count
/// (`Signs off every pay rise before 31/03/2026`).
fn money(text: &str) -> bool {
    const CODES: &[&str] = &[
        "usd", "eur", "gbp", "pln", "inr", "chf", "sek", "nok", "dkk", "aud", "cad", "nzd", "brl",
        "jpy", "cny", "sgd", "zar", "czk", "huf", "ron", "bdt", "pkr", "ngn", "kes", "mxn",
    ];
    let marked = text.contains(['$', '£', '€', '¥', '₹', '%'])
        || text.split(|c: char| !c.is_alphanumeric()).any(|w| {
            CODES.contains(&w.to_lowercase().as_str())
                || w.len() > 1
                    && w.ends_with(['k', 'K'])
                    && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
        });
    marked && crate::import::titles::pay_amount(text) && text.split_whitespace().count() <= 12
}
