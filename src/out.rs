//! Standard output, the one way every command prints.
//!
//! `wenjin … | head` closes the pipe while wenjin still writes: `println!` would panic there, so
//! every command writes through [`stdout`] instead, whose write fails with the broken pipe like
//! any other I/O error and notes that standard output is gone. The error travels up to `main`
//! like any other (destructors run, temporary folders are removed), and `main` asks [`closed`]
//! to end quietly with success rather than report it: the reader has all it wanted.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write to standard output has met a closed pipe.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether standard output has been closed by its reader.
pub fn closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}

/// Standard output, locked, noting a closed pipe.
pub struct Stdout(io::StdoutLock<'static>);

/// Standard output for a command's answers and reports.
pub fn stdout() -> Stdout {
    Stdout(io::stdout().lock())
}

/// Writes one line and flushes it, so that a line is out as soon as it is ready.
pub fn line(text: impl std::fmt::Display) -> io::Result<()> {
    let mut out = stdout();
    writeln!(out, "{text}")?;
    out.flush()
}

/// Notes a broken pipe in `result` and passes it on.
fn note<T>(result: io::Result<T>) -> io::Result<T> {
    if let Err(e) = &result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            CLOSED.store(true, Ordering::Relaxed);
        }
    }
    result
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        note(self.0.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        note(self.0.flush())
    }
}
