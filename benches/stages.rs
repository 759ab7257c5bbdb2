//! Criterion benchmarks of the build pipeline's stages on the synthetic `medium` ladder
//! (10 tracks × 10 levels × 8 pillars = 800 competencies), so that a regression shows which
//! stage moved. Run with `cargo bench --bench stages`.
//!
//! The ladder is written by `bench/generate` (Python 3) into a temporary folder under
//! `$LADDERBOOK_BENCH_TMP`, or /dev/shm when it exists, or the system's temp folder.
//! `LADDERBOOK_BENCH_SIZE` picks another size (`small`, `large`, `TxLxP`).
//!
//! The stages chain as in `ladderbook::build::build`:
//! - `load`: `load::load` reads and parses every file under `content/`;
//! - `validate`: `Ladder::build` turns the loaded files into the validated ladder;
//! - `render-site`: `Site::from_ladder`, the list of pages;
//! - `render-templates`: `render::load_templates` with the `nav` global;
//! - `render`: every page rendered into memory by `serve::full_render`, which hands
//!   `render::render_each` (the one function that renders a site, into any sink) a sink
//!   that keeps the files;
//! - `pipeline`: the whole `build::build` into a build-dir that holds the previous build, as
//!   a rebuild does (render and write the new tree, swap it in, delete the old one).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ladderbook::config::Config;
use ladderbook::diagnostic::Diagnostics;
use ladderbook::ladder::Ladder;
use ladderbook::render::{self, Nav};
use ladderbook::site::Site;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A generated ladder in a temporary folder, deleted on drop.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
}

fn fixture() -> Fixture {
    let size = std::env::var("LADDERBOOK_BENCH_SIZE").unwrap_or_else(|_| "medium".into());
    let base = std::env::var_os("LADDERBOOK_BENCH_TMP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let shm = Path::new("/dev/shm");
            if shm.is_dir() {
                shm.to_path_buf()
            } else {
                std::env::temp_dir()
            }
        });
    let dir = tempfile::Builder::new()
        .prefix("ladderbook-stages.")
        .tempdir_in(&base)
        .expect("create a temporary folder");
    let root = dir.path().join("ladder");
    let generate = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/generate");
    let status = Command::new("python3")
        .arg(&generate)
        .arg(&size)
        .arg(&root)
        .arg("--quiet")
        .status()
        .expect("run bench/generate (needs python3 on PATH)");
    assert!(status.success(), "bench/generate {size} failed");
    eprintln!("stages: the {size} ladder in {}", root.display());
    let out = dir.path().join("book");
    Fixture {
        _dir: dir,
        root,
        out,
    }
}

fn config(root: &Path) -> Config {
    Config::load(root).expect("book.toml of the generated ladder")
}

fn load(root: &Path) -> ladderbook::load::Loaded {
    let mut diags = Diagnostics::default();
    let loaded = ladderbook::load::load(root, &mut diags);
    assert!(!diags.has_errors(), "load: {diags}");
    loaded
}

fn ladder(root: &Path) -> Ladder {
    let mut diags = Diagnostics::default();
    let l = Ladder::build(config(root), load(root), &mut diags);
    assert!(!diags.has_errors(), "validate: {diags}");
    l
}

fn templates(root: &Path, ladder: &Ladder) -> tera::Tera {
    let (mut tera, _) = render::load_templates(root, &ladder.config).expect("templates");
    tera.global_context().insert("nav", &Nav::of(ladder));
    tera
}

fn stages(c: &mut Criterion) {
    let fx = fixture();
    let root = fx.root.as_path();
    let ladder = ladder(root);
    let mut g = c.benchmark_group("stages");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    g.bench_function("load", |b| {
        b.iter(|| {
            let mut diags = Diagnostics::default();
            black_box(ladderbook::load::load(black_box(root), &mut diags))
        })
    });

    g.bench_function("validate", |b| {
        b.iter_batched(
            || (config(root), load(root)),
            |(config, loaded)| {
                let mut diags = Diagnostics::default();
                black_box(Ladder::build(config, loaded, &mut diags))
            },
            BatchSize::PerIteration,
        )
    });

    g.bench_function("render-site", |b| {
        b.iter(|| black_box(Site::from_ladder(&ladder)))
    });

    g.bench_function("render-templates", |b| {
        b.iter(|| black_box(templates(root, &ladder)))
    });

    let prepared = ladderbook::build::prepare(root).expect("prepare");
    g.bench_function("render", |b| {
        b.iter(|| black_box(ladderbook::serve::full_render(root, &prepared).expect("render")))
    });

    let files = ladderbook::serve::full_render(root, &prepared).expect("render");
    let bytes: usize = files.values().map(|f| f.len()).sum();
    eprintln!(
        "stages: {} pages, {} output files, {:.1} MiB",
        prepared.site.specs.len(),
        files.len(),
        bytes as f64 / (1 << 20) as f64
    );
    // The first build creates the build-dir; every measured one replaces the previous build.
    ladderbook::build::build(root, Some(&fx.out)).expect("build");
    g.bench_function("pipeline", |b| {
        b.iter(|| black_box(ladderbook::build::build(root, Some(&fx.out)).expect("build")))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
