//! The `ladderbook` command line, as the contract gives it.

use clap::{Parser, Subcommand};
use ladderbook::build::{self, BuildError};
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
    },
    /// Build the site
    Build {
        /// The ladder's folder (the one holding book.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output folder (default: the build-dir of book.toml, relative to it)
        #[arg(short = 'd', long = "dest-dir", value_name = "OUT")]
        dest_dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Init { dir } => match ladderbook::init::init(&dir) {
            Ok(files) => {
                println!("Started a ladder in {} ({} files).", dir.display(), files.len());
                println!("Next: ladderbook build {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
        Command::Build { dir, dest_dir } => {
            let start = Instant::now();
            match build::build(&dir, dest_dir.as_deref()) {
                Ok(report) => {
                    eprint!("{}", report.warnings);
                    println!(
                        "Built {} pages ({} files) into {} in {} ms.",
                        report.pages,
                        report.files,
                        report.dest.display(),
                        start.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(BuildError::Ladder(diags)) => {
                    eprint!("{diags}");
                    let n = diags.0.iter().filter(|d| d.severity == ladderbook::diagnostic::Severity::Error).count();
                    eprintln!("error: the ladder has {n} error{}; nothing was written, the last build is unchanged", if n == 1 { "" } else { "s" });
                    ExitCode::from(1)
                }
                Err(BuildError::Write(e)) => {
                    eprintln!("{}: error: cannot write the site: {}\n  hint: {}", e.path.display(), e.message, e.hint);
                    ExitCode::from(1)
                }
            }
        }
    }
}
