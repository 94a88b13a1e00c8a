//! Shared fixtures: the user's real article, temporary corpora and indexes.

use std::path::{Path, PathBuf};

use wenjin::search::{self, BuildOptions, BuildReport, Engine};

/// `../shared/corpus`: the user's real article (read-only).
pub fn shared_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The bundled sample corpus.
pub fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A built index in a temporary folder, with the report of its build.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub engine: Engine,
    pub report: BuildReport,
}

impl Built {
    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }
}

/// Builds a real on-disk index of `corpus` in a temporary folder.
pub fn build(corpus: &Path) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let report = search::build(corpus, &index, &BuildOptions::default()).expect("build index");
    let engine = Engine::open(&index).expect("open index");
    Built {
        dir,
        engine,
        report,
    }
}
