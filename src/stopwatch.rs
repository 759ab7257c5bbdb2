//! Stage timings for profiling, printed when `LADDERBOOK_TIMINGS` is set.

/// Prints the time each stage took to stderr when the environment variable
/// `LADDERBOOK_TIMINGS` is set (to anything): a profiling aid for `bench/`, not output users
/// rely on. Times are wall-clock milliseconds since the previous lap.
#[derive(Debug)]
pub struct Stopwatch {
    last: Option<std::cell::Cell<std::time::Instant>>,
}

impl Stopwatch {
    /// Starts timing, if `LADDERBOOK_TIMINGS` is set.
    pub fn start() -> Stopwatch {
        Stopwatch {
            last: std::env::var_os("LADDERBOOK_TIMINGS")
                .map(|_| std::cell::Cell::new(std::time::Instant::now())),
        }
    }

    /// Prints `stage: N ms` for the time since the start or the previous lap.
    pub fn lap(&self, stage: &str) {
        if let Some(last) = &self.last {
            let now = std::time::Instant::now();
            eprintln!(
                "timing {stage}: {:.1} ms",
                (now - last.get()).as_secs_f64() * 1000.0
            );
            last.set(now);
        }
    }
}
