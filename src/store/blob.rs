//! Content-addressed blobs on local disk: `<root>/blobs/ab/abcdef…` by SHA-256.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use async_trait::async_trait;

use super::{BlobStore, StoreError};

/// Blobs in a directory; the embedded default.
#[derive(Debug, Clone)]
pub struct LocalBlobStore {
    blobs: PathBuf,
    scratch: PathBuf,
}

impl LocalBlobStore {
    /// Opens (creating) the store under `root`; scratch files left by a crash are removed.
    pub fn open(root: &Path) -> anyhow::Result<LocalBlobStore> {
        let blobs = root.join("blobs");
        let scratch = root.join("tmp");
        std::fs::create_dir_all(&blobs).with_context(|| format!("create {}", blobs.display()))?;
        // Scratch holds only unacknowledged uploads and work files: safe to clear at start.
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch)
            .with_context(|| format!("create {}", scratch.display()))?;
        Ok(LocalBlobStore { blobs, scratch })
    }

    fn path_of(&self, sha256: &str) -> anyhow::Result<PathBuf> {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            bail!("not a SHA-256 digest: {sha256:?}");
        }
        Ok(self.blobs.join(&sha256[..2]).join(sha256))
    }
}

/// fsyncs a directory so a rename inside it survives a crash.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[async_trait]
impl BlobStore for LocalBlobStore {
    async fn put_file(&self, scratch: &Path, sha256: &str) -> Result<(), StoreError> {
        let target = self.path_of(sha256)?;
        let scratch = scratch.to_owned();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let dir = target.parent().expect("blob path has a parent");
            std::fs::create_dir_all(dir)?;
            if target.exists() {
                // Same content already stored (and synced when it was stored).
                std::fs::remove_file(&scratch)?;
                return Ok(());
            }
            std::fs::File::open(&scratch)?.sync_all()?;
            std::fs::rename(&scratch, &target)
                .with_context(|| format!("move blob into {}", target.display()))?;
            sync_dir(dir)?;
            Ok(())
        })
        .await?
    }

    async fn local_path(&self, sha256: &str) -> Result<PathBuf, StoreError> {
        let p = self.path_of(sha256)?;
        if !tokio::fs::try_exists(&p).await? {
            bail!("blob {sha256} is missing");
        }
        Ok(p)
    }

    async fn exists(&self, sha256: &str) -> Result<bool, StoreError> {
        Ok(tokio::fs::try_exists(self.path_of(sha256)?).await?)
    }

    fn scratch_dir(&self) -> &Path {
        &self.scratch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_by_digest_and_deduplicates() {
        let dir = tempfile::tempdir().unwrap();
        let store = LocalBlobStore::open(dir.path()).unwrap();
        let sha = "a".repeat(64);
        for _ in 0..2 {
            let s = store.scratch_dir().join("x");
            std::fs::write(&s, b"hello").unwrap();
            store.put_file(&s, &sha).await.unwrap();
            assert!(!s.exists());
        }
        let p = store.local_path(&sha).await.unwrap();
        assert_eq!(std::fs::read(p).unwrap(), b"hello");
        assert!(store.local_path("../../etc/passwd").await.is_err());
    }
}
