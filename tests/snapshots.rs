//! Snapshots of what a reader sees on a level page and a comparison page of the example
//! ladder (the `<main>` element, where the content is). A change to the theme or the
//! content shows up here for review (`cargo insta review`).

mod common;
use common::*;

fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap();
    let end = html.find("</main>").unwrap() + "</main>".len();
    &html[start..end]
}

#[test]
fn level_page() {
    let tmp = tempfile::tempdir().unwrap();
    build_example(&tmp.path().join("s"));
    insta::assert_snapshot!(main_of(&page(
        &tmp.path().join("s"),
        "levels/senior-engineer/"
    )));
}

#[test]
fn comparison_page() {
    let tmp = tempfile::tempdir().unwrap();
    build_example(&tmp.path().join("s"));
    insta::assert_snapshot!(main_of(&page(
        &tmp.path().join("s"),
        "compare/senior-engineer/staff-engineer/"
    )));
}
