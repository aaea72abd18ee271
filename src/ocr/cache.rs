//! On-disk cache of OCR results keyed by the page image's content, so re-running a submission
//! (or a retried job) does not pay for OCR again.
//!
//! The key is SHA-256 over the pipeline id (models + post-processing version), the image's
//! size and pixel layout and its raw pixels: any change to the page or to the OCR invalidates
//! it. Entries are JSON files written atomically (temporary file + rename), so concurrent
//! workers never see half an entry. The cache is an optimisation: any error reading or writing
//! it is logged and OCR goes on.

use std::path::{Path, PathBuf};

use image::DynamicImage;
use sha2::{Digest, Sha256};

use super::OcrPage;
use super::engine::PIPELINE_ID;

/// The cache key of a page image (hex SHA-256).
pub fn key(image: &DynamicImage) -> String {
    let mut h = Sha256::new();
    h.update(PIPELINE_ID.as_bytes());
    h.update(image.width().to_le_bytes());
    h.update(image.height().to_le_bytes());
    h.update(format!("{:?}", image.color()).as_bytes());
    h.update(image.as_bytes());
    hex::encode(h.finalize())
}

fn entry_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2]).join(format!("{key}.json"))
}

/// A cached result, if there is a readable one.
pub fn load(dir: &Path, key: &str) -> Option<OcrPage> {
    let path = entry_path(dir, key);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "OCR cache entry unreadable");
            return None;
        }
    };
    match serde_json::from_slice(&bytes) {
        Ok(page) => Some(page),
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "OCR cache entry corrupt; reading the page again");
            None
        }
    }
}

/// Stores a result (best effort).
pub fn store(dir: &Path, key: &str, page: &OcrPage) {
    if let Err(e) = try_store(dir, key, page) {
        tracing::warn!(dir = %dir.display(), error = %e, "cannot write OCR cache entry");
    }
}

fn try_store(dir: &Path, key: &str, page: &OcrPage) -> std::io::Result<()> {
    let path = entry_path(dir, key);
    let parent = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    serde_json::to_writer(&mut tmp, page)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextSpan;

    #[test]
    fn round_trip_and_key_depends_on_pixels() {
        let dir = tempfile::tempdir().unwrap();
        let a = DynamicImage::new_luma8(4, 4);
        let mut b = a.to_luma8();
        b.put_pixel(1, 1, image::Luma([9]));
        let b = DynamicImage::ImageLuma8(b);
        assert_ne!(key(&a), key(&b));
        assert_eq!(key(&a), key(&a.clone()));
        let page = OcrPage {
            text: "甲".into(),
            spans: vec![TextSpan {
                start: 0,
                end: 1,
                bbox: [0.1, 0.1, 0.2, 0.2],
                confidence: 0.9,
            }],
            confidence: 0.9,
        };
        assert!(load(dir.path(), &key(&a)).is_none());
        store(dir.path(), &key(&a), &page);
        assert_eq!(load(dir.path(), &key(&a)), Some(page));
        // a corrupt entry is ignored, not an error
        let corrupt = entry_path(dir.path(), &key(&b));
        std::fs::create_dir_all(corrupt.parent().unwrap()).unwrap();
        std::fs::write(corrupt, b"{").unwrap();
        assert!(load(dir.path(), &key(&b)).is_none());
    }
}
