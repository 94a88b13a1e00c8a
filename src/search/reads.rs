//! A tantivy directory that reads the largest index files with `pread` instead of mapping them.
//!
//! Why: a memory-mapped index counts in the serving process's RSS for every page a question
//! has ever touched, and a few thousand varied questions touch nearly all of it (the whole
//! index, 250 MB at 369k passages). Read into buffers, only what tantivy keeps (term
//! dictionaries, the doc store's block cache) stays in the process; the file pages sit in the
//! kernel's page cache, shared and dropped under pressure, as with any file a program reads.
//! The cost is a copy per read; `wenjin bench` measures both ways (`--index-io`).
//!
//! Writing, locking and watching are the [`MmapDirectory`]'s own: only reads differ.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};
use tantivy::HasLen;

/// The files read with `pread`: postings (`idx`) and the doc store (`store`), the two that a
/// question reads in large pieces (a term's whole posting list, a compressed block) and that
/// make up three quarters of the index. Term dictionaries, field norms and fast fields stay
/// mapped: they are looked up many times per question in small pieces, and reading them all
/// through `pread` made a batch of 2,000 questions twice as slow (measured with `9d26a3f`).
const READ_EXTENSIONS: [&str; 2] = ["idx", "store"];

/// How the index files of a generation are read while serving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IndexIo {
    /// Postings and doc store through `pread`, the rest mapped.
    #[default]
    Read,
    /// Every file memory-mapped: no copies, but touched pages count in the process's RSS.
    Mmap,
}

impl std::str::FromStr for IndexIo {
    type Err = String;

    fn from_str(s: &str) -> Result<IndexIo, String> {
        match s {
            "read" => Ok(IndexIo::Read),
            "mmap" => Ok(IndexIo::Mmap),
            other => Err(format!("`{other}` is not one of: read, mmap")),
        }
    }
}

/// [`MmapDirectory`] with postings and doc store read through `pread`.
#[derive(Debug, Clone)]
pub struct ReadDirectory {
    root: PathBuf,
    inner: MmapDirectory,
}

impl ReadDirectory {
    /// Opens the directory at `root`, which must exist.
    pub fn open(root: &Path) -> tantivy::Result<ReadDirectory> {
        Ok(ReadDirectory {
            root: root.to_path_buf(),
            inner: MmapDirectory::open(root)?,
        })
    }
}

/// One open index file.
#[derive(Debug)]
struct ReadHandle {
    file: File,
    len: usize,
}

impl FileHandle for ReadHandle {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        let end = range.end.min(self.len);
        if range.start >= end {
            return Ok(OwnedBytes::empty());
        }
        let mut buffer = vec![0u8; end - range.start];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

impl HasLen for ReadHandle {
    fn len(&self) -> usize {
        self.len
    }
}

impl Directory for ReadDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !READ_EXTENSIONS.contains(&ext) {
            return self.inner.get_file_handle(path);
        }
        let full = self.root.join(path);
        let file = File::open(&full).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(path.to_path_buf()),
            _ => OpenReadError::wrap_io_error(e, path.to_path_buf()),
        })?;
        let len = file
            .metadata()
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_path_buf()))?
            .len() as usize;
        Ok(Arc::new(ReadHandle { file, len }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_io_parses_its_two_names() {
        assert_eq!("read".parse::<IndexIo>(), Ok(IndexIo::Read));
        assert_eq!("mmap".parse::<IndexIo>(), Ok(IndexIo::Mmap));
        assert!("ram".parse::<IndexIo>().is_err());
    }

    #[test]
    fn reads_ranges_and_clamps_past_the_end() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("f.idx"), b"0123456789").expect("write");
        let d = ReadDirectory::open(dir.path()).expect("open");
        let h = d.get_file_handle(Path::new("f.idx")).expect("handle");
        assert_eq!(h.len(), 10);
        assert_eq!(h.read_bytes(2..5).expect("read").as_slice(), b"234");
        assert_eq!(h.read_bytes(8..20).expect("read").as_slice(), b"89");
        assert!(h.read_bytes(5..5).expect("read").is_empty());
        assert!(matches!(
            d.get_file_handle(Path::new("missing.idx")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
