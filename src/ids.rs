//! The id rule of the contract: what a track's, level's or pillar's id (its file stem) may
//! be, and a valid id to suggest for one that breaks it.

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

/// A valid id suggested for an invalid one (`L1.0-Graduate` → `l1-0-graduate`).
pub fn suggest_id(stem: &str) -> String {
    let mut s = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
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
}
