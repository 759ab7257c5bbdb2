//! The `ladderbook` command line, as the contract gives it.

use clap::{Parser, Subcommand, ValueEnum};
use ladderbook::build::{self, BuildError};
use ladderbook::diagnostic::{self, Diagnostic, Severity};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// A static-site generator for engineering career ladders.
#[derive(Parser)]
#[command(name = "ladderbook", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new ladder: book.toml and a small example
    Init {
        /// Folder to create the ladder in
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Instead of a new ladder, write the default theme (templates/ and static/) into
        /// the folder, to customise; existing files are left alone
        #[arg(long)]
        theme: bool,
    },
    /// Build the site
    Build {
        /// The ladder's folder (the one holding book.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output folder (default: the build-dir of book.toml, relative to it)
        #[arg(short = 'd', long = "dest-dir", value_name = "OUT")]
        dest_dir: Option<PathBuf>,
        /// Drop the pages and expectation anchors removed on purpose from ladder.lock,
        /// instead of failing because a published address is gone
        #[arg(long)]
        accept_removals: bool,
    },
    /// Live preview: rebuild on every change and reload the browser
    Serve {
        /// The ladder's folder (the one holding book.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port to listen on (default 3000, or the next free port if 3000 is busy)
        #[arg(short = 'p', long)]
        port: Option<u16>,
        /// Address to listen on; the default serves this machine only
        #[arg(short = 'n', long, default_value = "127.0.0.1")]
        hostname: String,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// Poll for changes instead of using file-system events (network mounts, containers)
        #[arg(long)]
        poll: bool,
    },
    /// Validate without writing: report errors, gaps and broken links, and show coverage
    Check {
        /// The ladder's folder (the one holding book.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output for people (human) or for programs (json, a stable format)
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings as errors (for CI)
        #[arg(long)]
        strict: bool,
    },
    /// Turn an existing ladder (a Markdown, YAML, JSON or CSV file, or a folder of them) into content files
    Import {
        /// The file or folder to import
        path: PathBuf,
        /// Folder to write book.toml and content/ into
        #[arg(short = 'o', long = "output", value_name = "DIR", default_value = ".")]
        output: PathBuf,
        /// How to read the input
        #[arg(long, value_enum, default_value_t = ladderbook::import::Format::Auto)]
        format: ladderbook::import::Format,
        /// Id of the track, for an import with one track
        #[arg(long, value_name = "ID")]
        track: Option<String>,
        /// Title of the ladder (book.toml's `title`) [default: the source's, else the folder's name]
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Replace an existing book.toml and content/
        #[arg(long)]
        force: bool,
    },
    /// What changed between two versions of the ladder: git revisions or two ladder folders
    Diff {
        /// The old version: a git revision (tag, branch, commit) or a ladder folder
        old: String,
        /// The new version (default: the ladder as it is on disk)
        new: Option<String>,
        /// The ladder's folder, in the git repository the revisions are read from
        dir: Option<PathBuf>,
        /// Text for a terminal, Markdown for an announcement, JSON for tools
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve { .. }) {
        quiet_on_closed_pipe();
    }
    match cli.command {
        Command::Init { dir, theme: true } => init_theme(&dir),
        Command::Init { dir, theme: false } => init(&dir),
        Command::Serve {
            dir,
            port,
            hostname,
            open,
            poll,
        } => {
            match ladderbook::serve::serve(ladderbook::serve::Options {
                root: dir,
                port,
                hostname,
                open,
                poll,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            }
        }
        Command::Import {
            path,
            output,
            format,
            track,
            title,
            force,
        } => {
            match ladderbook::import::import(&ladderbook::import::Options {
                path,
                output,
                format,
                track,
                title,
                force,
            }) {
                Ok(summary) => {
                    print!("{summary}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Command::Check {
            dir,
            format,
            strict,
        } => check(&dir, format, strict),
        Command::Diff {
            old,
            new,
            dir,
            format,
        } => diff(&old, new.as_deref(), dir.as_deref(), format),
        Command::Build {
            dir,
            dest_dir,
            accept_removals,
        } => build_site(&dir, dest_dir.as_deref(), accept_removals),
    }
}

/// `ladderbook init --theme`: the default theme, written for overriding.
fn init_theme(dir: &std::path::Path) -> ExitCode {
    match ladderbook::init::theme(dir) {
        Ok(report) => {
            println!(
                "Wrote the default theme into {}: {} files.",
                dir.display(),
                report.written.len()
            );
            if !report.kept.is_empty() {
                println!("Left alone (they exist): {}", report.kept.join(", "));
            }
            println!("Your files replace the built-in ones of the same name: keep the ones you change and delete the rest, so the others follow ladderbook's updates.");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `ladderbook init`: a starter ladder.
fn init(dir: &std::path::Path) -> ExitCode {
    match ladderbook::init::init(dir) {
        Ok(files) => {
            println!(
                "Started a ladder in {} ({} files).",
                dir.display(),
                files.len()
            );
            println!(
                "Next: ladderbook serve {0}   (a live preview while you write; `ladderbook build {0}` writes the site)",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `ladderbook check`: diagnostics and the coverage matrix (or the JSON report); exit 1 on
/// errors.
fn check(dir: &std::path::Path, format: Format, strict: bool) -> ExitCode {
    let (diags, report) = ladderbook::check::check(dir, strict);
    match format {
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                return fail(&Diagnostic::general(
                    Severity::Error,
                    "io",
                    format!("cannot write JSON: {e}"),
                    "",
                ))
            }
        },
        Format::Human => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            diagnostic::eprint(&diags.0);
            if !report.diagnostics.is_empty() {
                eprintln!(
                    "{} error{}, {} warning{}",
                    report.errors,
                    plural(report.errors),
                    report.warnings,
                    plural(report.warnings)
                );
            }
            let out = std::io::stdout();
            let color = out.is_terminal() && !no_color;
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(80);
            print!(
                "{}",
                ladderbook::check::format_matrix(&report.coverage, width, color)
            );
            // A verdict after the matrix, where a run with something to say ends with its
            // count: an author who does not read exit statuses knows the check ran.
            if report.diagnostics.is_empty() {
                println!("No errors or warnings.");
            }
        }
    }
    if report.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `ladderbook build`: the site into its build-dir; exit 1 when nothing was written.
fn build_site(
    dir: &std::path::Path,
    dest_dir: Option<&std::path::Path>,
    accept_removals: bool,
) -> ExitCode {
    let start = Instant::now();
    match build::build_with(dir, dest_dir, accept_removals) {
        Ok(report) => {
            diagnostic::eprint(&report.warnings.0);
            let unchanged = match report.unchanged {
                0 => String::new(),
                n => format!(", {n} unchanged since the last build"),
            };
            println!(
                "Built {} pages ({} files{unchanged}) into {} in {} ms.",
                report.pages,
                report.files,
                report.dest.display(),
                start.elapsed().as_millis()
            );
            // The command exits now: leave the model to the operating system
            // instead of freeing it piece by piece.
            std::mem::forget(report);
            ExitCode::SUCCESS
        }
        Err(BuildError::Ladder(diags)) => {
            diagnostic::eprint(&diags.0);
            let n = diags
                .0
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            fail(&Diagnostic::general(
                Severity::Error,
                "ladder-errors",
                format!(
                    "the ladder has {n} error{}; nothing was written, the last build is unchanged",
                    plural(n)
                ),
                "",
            ))
        }
        Err(BuildError::Write(e)) => fail(&Diagnostic {
            message: format!("cannot write the site: {}", e.message),
            ..e
        }),
    }
}

/// `ladderbook diff`: prints the changes; exit 1 when either version cannot be loaded.
fn diff(
    old: &str,
    new: Option<&str>,
    dir: Option<&std::path::Path>,
    format: DiffFormat,
) -> ExitCode {
    use ladderbook::diff::{self, format as out};
    let (old, new) = match diff::load_pair(old, new, dir) {
        Ok(pair) => pair,
        Err(diags) => {
            diagnostic::eprint(&diags.0);
            return ExitCode::from(1);
        }
    };
    let changes = diff::changes(&old.ladder, &new.ladder);
    let versions = out::Versions {
        old: old.name.clone(),
        new: new.name.clone(),
    };
    let title = &new.ladder.config.title;
    let text = match format {
        DiffFormat::Json => out::json(title, &changes, &versions) + "\n",
        DiffFormat::Markdown => out::markdown(title, &changes, &versions),
        DiffFormat::Text => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let color = std::io::stdout().is_terminal() && !no_color;
            out::text(title, &changes, &versions, color)
        }
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// Prints `e` and returns the exit status of a failed command.
fn fail(e: &Diagnostic) -> ExitCode {
    diagnostic::eprint([e]);
    ExitCode::from(1)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// glibc's allocator spent a fifth of a large build in malloc and free (many small strings,
/// from two threads); mimalloc is built for that pattern.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Ends the process quietly when what reads its output goes away (`ladderbook import … |
/// head`), as other command-line tools do, instead of panicking in `println!` on the
/// broken pipe: Rust ignores SIGPIPE, and POSIX's default action is to end the process.
/// `serve` keeps ignoring it: a browser that closes its connection must not stop the server.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
