//! Unit tests of level titles, codes and slugs.
use super::*;

#[test]
fn a_field_about_a_level_is_a_level_word_a_number_and_a_noun() {
    let code = |l: &str| level_field_code(l).map(|(c, n)| (c, n.major));
    assert_eq!(code("Level 3 Attainment:"), Some(("Level 3".into(), 3)));
    assert_eq!(code("Nivel 2 descripción"), Some(("Nivel 2".into(), 2)));
    // A level's title, a bare code and other fields are not.
    assert_eq!(code("Level 5 Senior Engineer"), None);
    assert_eq!(code("Level 3"), None);
    assert_eq!(code("Overall Description"), None);
    assert_eq!(code("Levels 1 to 3 apply"), None);
}

#[test]
fn short_slugs_cut_at_a_word() {
    assert_eq!(
        short_slug(
            "communication: transparent communication; giving and receiving feedback",
            40
        ),
        "communication-transparent-communication"
    );
    assert_eq!(
        short_slug("Keeps the team's work visible and predictable.", 32),
        "keeps-the-teams-work-visible"
    );
    // Transliterated, a Russian `и` (and) is `i`: no id ends on it.
    assert_eq!(
        short_slug("Закупка муки, выпечка караваев и доставка", 32),
        "zakupka-muki-vypechka-karavaev"
    );
    // In a Latin title, `I` may be a numeral: kept.
    assert_eq!(
        short_slug("Principal Platform Reliability Engineer I", 40),
        "principal-platform-reliability-engineer"
    );
    assert_eq!(
        short_slug("Staff Platform Engineer for Reliability I", 41),
        "staff-platform-engineer-for-reliability-i"
    );
}

#[test]
fn a_level_word_and_number_before_a_title_are_its_code() {
    let t = parse_level_title("Level 5 - Senior Software Engineer");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref(), t.number.is_some()),
        ("Senior Software Engineer", Some("Level 5"), true)
    );
    let t = parse_level_title("Level 0.0-1.0: Developing");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Developing", Some("Level 0.0-1.0"))
    );
    let t = parse_level_title("Nivel 1: Junior Frontend Developer");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Junior Frontend Developer", Some("Nivel 1"))
    );
    // A code of the title's own wins.
    let t = parse_level_title("Level 1: Support Engineer (S1)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Support Engineer", Some("S1"))
    );
    // A title that is only the level word and number stays so; other words are no code.
    assert_eq!(parse_level_title("Level 2").title, "Level 2");
    let t = parse_level_title("Team 2 - Platform");
    assert_eq!((t.title.as_str(), t.code), ("Team 2 - Platform", None));
}

#[test]
fn level_titles_give_codes_and_numbers() {
    let t = parse_level_title("L3: Senior Software Engineer");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Senior Software Engineer", Some("L3"))
    );
    let t = parse_level_title("IC1 (Junior Engineer)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Junior Engineer", Some("IC1"))
    );
    let t = parse_level_title("IC3 (formerly IC2)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("IC3 (formerly IC2)", Some("IC3"))
    );
    let t = parse_level_title("L4 (E4)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref(), t.other_codes),
        ("L4", Some("L4"), vec!["E4".to_string()])
    );
    let t = parse_level_title("D1 - Developer 1");
    assert_eq!(
        (
            t.title.as_str(),
            t.code.as_deref(),
            t.number.map(|n| n.major)
        ),
        ("Developer 1", Some("D1"), Some(1))
    );
    let t = parse_level_title("Staff Engineer (IC6 / M5)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref(), t.other_codes.clone()),
        ("Staff Engineer", Some("IC6"), vec!["M5".to_string()])
    );
    let t = parse_level_title("Level 3");
    assert_eq!((t.code, t.number.map(|n| n.major)), (None, Some(3)));
    let t = parse_level_title("L1.0: Graduate Software Engineer");
    assert_eq!(
        t.number,
        Some(LevelNumber {
            major: 1,
            minor: Some(0)
        })
    );
    assert!(parse_level_title("VP").code.is_none());
    assert!(
        parse_level_title("Senior Engineer 2 (Individual Contributor)")
            .code
            .is_none()
    );
    let t = parse_level_title("Tech Lead / Staff Engineer (Manager 5 / IC 6)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref(), t.other_codes.clone()),
        (
            "Tech Lead / Staff Engineer",
            Some("Manager 5"),
            vec!["IC 6".to_string()]
        )
    );
    assert_eq!(code_key("IC 6"), code_key("ic6"));
    assert_eq!(slug(&t.title), "tech-lead-staff-engineer");
    // A promotion step names the level it leads to.
    let t = parse_level_title("SWE-1 → SWE-2: Software Engineer Junior I → Junior II");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Junior II", Some("SWE-2"))
    );
    let t = parse_level_title("Junior -> Mid-level");
    assert_eq!((t.title.as_str(), t.code), ("Mid-level", None));
    let t = parse_level_title("L3 => L4: Leading projects");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Leading projects", Some("L4"))
    );
    assert_eq!(parse_level_title("→ Senior").title, "→ Senior");
    assert!(seniority("Junior Engineer") < seniority("Engineer"));
    // Without accents, and Brazil's intern and mid-level.
    assert_eq!(seniority("Sênior"), seniority("Senior"));
    assert!(seniority("Estagiário") < seniority("Júnior"));
    assert!(seniority("Desenvolvedor") < seniority("Pleno"));
    assert!(seniority("Pleno") < seniority("Sênior"));
    // A scale that ends with Expert (Trainee … Senior, Expert); Korean and Chinese words.
    assert!(
        seniority("Senior") < seniority("Expert") && seniority("Expert") < seniority("Principal")
    );
    // Not inside a phrase.
    assert_eq!(seniority("Ask an expert"), seniority("Ask a question"));
    assert!(seniority("初级工程师") < seniority("高级工程师"));
    assert!(
        seniority("주니어 레벨") < seniority("미들 레벨")
            && seniority("미들 레벨") < seniority("시니어 레벨")
    );
    assert!(
        seniority("预备初级 开发者") < seniority("初级 开发者")
            && seniority("中级") < seniority("高级")
    );
    assert!(seniority("Engineer") < seniority("Senior Engineer"));
    assert!(seniority("Senior Staff Engineer") < seniority("Principal Engineer"));
    assert!(seniority("Director of Engineering") < seniority("Sr. Director of Engineering"));
    assert!(seniority("Software Engineer I") < seniority("Software Engineer II"));
    assert!(seniority("Software Engineer IV") < seniority("Staff Engineer"));
    assert!(seniority("Sr. Principal Engineer") < seniority("Tech Fellow"));
    assert!(seniority("Director, Engineering") < seniority("Principal Director, Engineering"));
    assert!(seniority("Principal Director, Engineering") < seniority("VP, Engineering"));
    assert!(seniority("Associate Director") < seniority("Director"));
    // A management track, and a role added to another.
    assert!(seniority("Senior Engineer") < seniority("Engineering Manager"));
    assert!(seniority("Engineering Manager") < seniority("Senior Engineering Manager"));
    assert!(seniority("Senior Engineering Manager") < seniority("Director"));
    assert!(seniority("VP of Engineering") < seniority("CTO"));
    let lead = seniority("Senior Engineer with Tech Lead Role");
    assert!(seniority("Senior Engineer") < lead && lead < seniority("Staff Engineer"));
    assert_eq!(
        seniority("Senior Engineer with a mentor"),
        seniority("Senior Engineer")
    );
    let plus = seniority("Principal+ Engineer");
    assert!(seniority("Principal Engineer") < plus && plus < seniority("Distinguished Engineer"));
    assert!(seniority("Senior") < seniority("Senior+"));
    // A title that is only a code keeps it as its title and its code.
    let t = parse_level_title("L1");
    assert_eq!((t.title.as_str(), t.code.as_deref()), ("L1", Some("L1")));
    let l10 = LevelNumber {
        major: 1,
        minor: Some(0),
    };
    let l1 = LevelNumber {
        major: 1,
        minor: None,
    };
    assert!(l10.sort_key() < l1.sort_key());
}

#[test]
fn emoji_keys() {
    assert_eq!(
        leading_emoji(":deciduous_tree: Talent").as_deref(),
        Some(":deciduous_tree:")
    );
    assert_eq!(leading_emoji("🦉 Domain expertise").as_deref(), Some("🦉"));
    assert_eq!(leading_emoji("Domain"), None);
    assert_eq!(title_key("🦉 Domain Expertise:"), "domain expertise");
}

/// Hunt 34 H34-09, H34-10: `L7 = Staff Tech Lead` was titled "= Staff Tech Lead", and two
/// codes joined by a slash were no code, so the level was a free page "whose title names no
/// level or role".
#[test]
fn codes_joined_by_a_slash_or_set_off_by_an_equals_sign_are_codes() {
    let t = parse_level_title("L7 = Mate");
    assert_eq!(
        (
            t.title.as_str(),
            t.code.as_deref(),
            t.number.map(|n| n.major)
        ),
        ("Mate", Some("L7"), Some(7))
    );
    let t = parse_level_title("T5/L5 = Senior Deckhand / Watch Lead");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref(), t.other_codes),
        (
            "Senior Deckhand / Watch Lead",
            Some("T5"),
            vec!["L5".to_string()]
        )
    );
    // A slash that joins a code to a word is no pair of codes.
    let t = parse_level_title("L5/Senior Deckhand");
    assert_eq!(t.code, None);
}

#[test]
fn a_range_of_codes_in_brackets_gives_its_first() {
    let t = parse_level_title("SECURITY INTERN (L0-L1)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("SECURITY INTERN", Some("L0"))
    );
    assert!(t.other_codes.is_empty());
    let t = parse_level_title("Junior Baker (B1–B2)");
    assert_eq!(
        (t.title.as_str(), t.code.as_deref()),
        ("Junior Baker", Some("B1"))
    );
    // Codes of other letters are no range: the title stays as written.
    let t = parse_level_title("Baker (B1-X2)");
    assert_eq!((t.title.as_str(), t.code), ("Baker (B1-X2)", None));
}
