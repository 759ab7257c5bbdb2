//! The keys each kind of file takes: one typed struct per kind of content file's
//! front-matter, and one for `book.toml`. The same struct is read (by [`crate::load`] and
//! [`crate::config`], through [`read`]), written (by `import` and `init`, with `toml`'s
//! serializer, through [`front_matter`]) and documented (the key lists of the `unknown-key`
//! hints and the example of the `no-front-matter` hint come from it), so a key added to a
//! struct is known to all three.
//!
//! Reading does not go through serde: every problem in a file is reported at once, with its
//! position, and a file with a wrong key is still read as far as it can be (see
//! [`TableReader`]). Each struct's [`Keys::read_keys`] reads its fields in declaration
//! order with the reader; the key names themselves come from the struct's serde fields.

use super::{Located, TableReader};
use crate::diagnostic::{Diagnostic, SourceFile};
use serde::{Deserialize, Serialize};
use toml::de::DeTable;

/// A struct of keys: a kind of file's front-matter or a table of `book.toml`.
pub trait Keys: Sized + for<'de> Deserialize<'de> {
    /// How messages name the table (`level front-matter`, `[book]`).
    const WHAT: &'static str;

    /// Reads the fields from `r`, reporting missing required keys and wrong types there.
    /// `None` when a required key is missing or unusable.
    fn read_keys(r: &mut TableReader) -> Option<Self>;
}

/// The keys `T` takes, in the order its struct declares them (as they are written).
pub fn names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    field_names::<T>()
}

/// Reads `T` from `table` (spans relative to byte `base` of `file`; `table_offset` is where
/// a missing key is reported), after reporting every key `T` does not take.
pub fn read<T: Keys>(
    file: &SourceFile,
    base: usize,
    table: &DeTable<'_>,
    table_offset: usize,
) -> (Option<T>, Vec<Diagnostic>) {
    let mut r = TableReader::new(file, base, table, table_offset, T::WHAT);
    r.deny_unknown(names::<T>());
    let keys = T::read_keys(&mut r);
    (keys, r.diagnostics)
}

/// `keys` as the TOML lines of a front-matter, without the `+++` lines (and without a final
/// newline).
pub fn front_matter<T: Serialize>(keys: &T) -> String {
    // A struct of strings, numbers, booleans and lists of strings always serializes.
    let text = toml::to_string(keys).unwrap_or_default();
    text.trim_end().to_string()
}

/// `content/tracks/<id>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackKeys {
    /// The track's name, required.
    pub title: String,
    /// Position among the tracks, smallest first; default after those that have one.
    pub order: Option<i64>,
    /// Overrides `[output.html] cumulative` for this track.
    pub cumulative: Option<bool>,
    /// Old paths that must redirect to this track.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Located<String>>,
}

impl Keys for TrackKeys {
    const WHAT: &'static str = "track front-matter";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let title = r.required_string("title", "\"Individual contributor\"");
        let order = r.integer("order").map(|v| v.value);
        let cumulative = r.boolean("cumulative").map(|v| v.value);
        let aliases = r.string_list("aliases");
        Some(TrackKeys {
            title: title?.value,
            order,
            cumulative,
            aliases,
        })
    }
}

/// `content/levels/<id>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelKeys {
    /// The level's name, required.
    pub title: String,
    /// Seniority on its track: 1 is the most junior. Required.
    pub rank: Located<i64>,
    /// A track id, required when the ladder has more than one track.
    pub track: Option<Located<String>>,
    /// A short label such as `M5`.
    pub code: Option<String>,
    /// One line; default the body's first paragraph. Markdown, whose links are checked, so
    /// located.
    pub summary: Option<Located<String>>,
    /// Ids of levels on other tracks at the same seniority.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalent: Vec<Located<String>>,
    /// Old paths that must redirect to this level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Located<String>>,
}

impl Keys for LevelKeys {
    const WHAT: &'static str = "level front-matter";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let title = r.required_string("title", "\"Senior Engineer\"");
        let rank = r.required_integer("rank");
        let track = r.string("track");
        let code = r.string("code").map(|v| v.value);
        let summary = r.string("summary");
        let equivalent = r.string_list("equivalent");
        let aliases = r.string_list("aliases");
        Some(LevelKeys {
            title: title?.value,
            rank: rank?,
            track,
            code,
            summary,
            equivalent,
            aliases,
        })
    }
}

/// `content/pillars/<id>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarKeys {
    /// The pillar's name, required.
    pub title: String,
    /// Position among the pillars, smallest first; default after those that have one.
    pub order: Option<i64>,
    /// Old paths that must redirect to this pillar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Located<String>>,
}

impl Keys for PillarKeys {
    const WHAT: &'static str = "pillar front-matter";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let title = r.required_string("title", "\"Delivery\"");
        let order = r.integer("order").map(|v| v.value);
        let aliases = r.string_list("aliases");
        Some(PillarKeys {
            title: title?.value,
            order,
            aliases,
        })
    }
}

/// A competency: the expectations of one level in one pillar (any file whose front-matter
/// has `level` and `pillar`, conventionally `content/competencies/<level>/<pillar>.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetencyKeys {
    /// The level id, required.
    pub level: Located<String>,
    /// The pillar id, required.
    pub pillar: Located<String>,
}

impl Keys for CompetencyKeys {
    const WHAT: &'static str = "competency front-matter";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let level = r.required_string("level", "\"senior-engineer\"");
        let pillar = r.required_string("pillar", "\"delivery\"");
        Some(CompetencyKeys {
            level: level?,
            pillar: pillar?,
        })
    }
}

/// Any other Markdown file: a free page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageKeys {
    /// The page's title, required.
    pub title: String,
    /// Navigation order, lightest first; default 0.
    pub weight: Option<i64>,
    /// Old paths that must redirect to this page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Located<String>>,
}

impl Keys for PageKeys {
    const WHAT: &'static str = "page front-matter";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let title = r.required_string("title", "\"How promotions work\"");
        let weight = r.integer("weight").map(|v| v.value);
        let aliases = r.string_list("aliases");
        Some(PageKeys {
            title: title?.value,
            weight,
            aliases,
        })
    }
}

/// `book.toml`'s tables, as they are written; [`crate::config::Config`] is what a build uses
/// (defaults filled in, `site-url` normalised). Each table is read on its own, so that the
/// problems of all of them are reported together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookToml {
    /// `[book]`, required.
    pub book: BookTable,
    /// `[build]`.
    pub build: Option<BuildTable>,
    /// `[output]`.
    pub output: Option<OutputTable>,
}

/// `[book]` of `book.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookTable {
    /// The site's name, shown in every page's header. Required.
    pub title: String,
    /// One sentence for the overview page and `<meta name=description>`.
    pub description: Option<String>,
    /// The BCP 47 language tag for `<html lang>`; default `en`.
    pub language: Option<String>,
}

impl Keys for BookTable {
    const WHAT: &'static str = "[book]";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let title = r.required_string("title", "\"Acme Engineering Ladder\"");
        let description = r.string("description").map(|v| v.value);
        let language = r.string("language").map(|v| v.value);
        Some(BookTable {
            title: title?.value,
            description,
            language,
        })
    }
}

/// `[build]` of `book.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct BuildTable {
    /// Where `build` writes the site, relative to `book.toml`; default `book`.
    pub build_dir: Option<String>,
    /// The git tags that are releases of the ladder, as a git pattern; default `v*`.
    pub release_tags: Option<String>,
}

impl Keys for BuildTable {
    const WHAT: &'static str = "[build]";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let build_dir = r.string("build-dir").map(|v| v.value);
        let release_tags = r.string("release-tags").map(|v| v.value);
        Some(BuildTable {
            build_dir,
            release_tags,
        })
    }
}

/// `[output]` of `book.toml`: only sub-tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutputTable {
    /// `[output.html]`.
    pub html: Option<HtmlTable>,
}

/// `[output.html]` of `book.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct HtmlTable {
    /// The sub-path the site is served under; default `/`.
    pub site_url: Option<String>,
    /// Each level includes everything below it on its track; default `false`.
    pub cumulative: Option<bool>,
}

impl Keys for HtmlTable {
    const WHAT: &'static str = "[output.html]";

    fn read_keys(r: &mut TableReader) -> Option<Self> {
        let site_url = r.string("site-url").map(|v| v.value);
        let cumulative = r.boolean("cumulative").map(|v| v.value);
        Some(HtmlTable {
            site_url,
            cumulative,
        })
    }
}

/// The field names serde knows a struct by: what [`Deserialize`] hands to
/// `deserialize_struct`, caught by a deserializer that reads nothing else.
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    struct Catch<'a>(&'a mut Fields);

    impl<'de> serde::Deserializer<'de> for Catch<'_> {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom(
                "only a struct's field names are read",
            ))
        }

        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 .0 = fields;
            Err(serde::de::Error::custom(
                "only a struct's field names are read",
            ))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }

    let mut fields = Fields(&[]);
    let _ = T::deserialize(Catch(&mut fields));
    fields.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<T>(value: T) -> Located<T> {
        Located { value, offset: 0 }
    }

    #[test]
    fn key_names_are_the_structs_fields_as_written() {
        assert_eq!(
            names::<LevelKeys>(),
            [
                "title",
                "rank",
                "track",
                "code",
                "summary",
                "equivalent",
                "aliases"
            ]
        );
        assert_eq!(names::<BuildTable>(), ["build-dir", "release-tags"]);
        assert_eq!(names::<BookToml>(), ["book", "build", "output"]);
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let level = LevelKeys {
            title: "Staff \"Principal\" Engineer\\ \n tab\t".into(),
            rank: at(4),
            track: Some(at("ic".into())),
            code: Some("IC4".into()),
            summary: Some(at("Sets direction across teams.".into())),
            equivalent: vec![at("m4".into()), at("tl4".into())],
            aliases: vec![at("/old/staff/".into())],
        };
        let text = format!("+++\n{}\n+++\n", front_matter(&level));
        let file = SourceFile::new("content/levels/staff.md", text);
        let split = super::super::split(&file).unwrap();
        let table = super::super::parse_table(&file, split.toml, split.toml_offset).unwrap();
        let (read, diags) = read::<LevelKeys>(&file, split.toml_offset, table.get_ref(), 0);
        assert!(diags.is_empty(), "{diags:?}");
        let strip = |mut l: LevelKeys| {
            l.rank.offset = 0;
            l.track.iter_mut().for_each(|t| t.offset = 0);
            l.summary.iter_mut().for_each(|t| t.offset = 0);
            l.equivalent.iter_mut().for_each(|t| t.offset = 0);
            l.aliases.iter_mut().for_each(|t| t.offset = 0);
            l
        };
        assert_eq!(strip(read.unwrap()), level);
    }
}
