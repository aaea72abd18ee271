//! The three PP-OCR networks, compiled into the binary and loaded once per process.
//!
//! The ONNX files under `models/` (see `models/SOURCE.md`) are embedded with `include_bytes!`
//! so `docverify` works with no setup and no download; rten reads them in place on the first
//! OCR call of a process (well under 0.1 s; docs/BENCHMARKS.md, "OCR"), and every later call,
//! from any thread, shares them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rten::{Model, ModelOptions, RunOptions, ThreadPool};
use rten_tensor::Tensor;
use rten_tensor::prelude::*;

use super::OcrError;

static DET_ONNX: &[u8] = include_bytes!("../../models/PP-OCRv6_det_small.onnx");
static REC_ONNX: &[u8] = include_bytes!("../../models/PP-OCRv6_rec_small.onnx");
static CLS_ONNX: &[u8] = include_bytes!("../../models/ch_ppocr_mobile_v2.0_cls_mobile.onnx");

/// Identifies the models and pipeline version in cache keys: change it whenever a model or the
/// post-processing changes, so cached pages are read again.
pub const PIPELINE_ID: &str = "pp-ocrv6-small/det090f04ab/rec6f327246/cls-e47acedf/pipeline-5";

/// The loaded networks and the recogniser's dictionary.
pub struct Engine {
    pub det: Model,
    pub rec: Model,
    pub cls: Model,
    /// CTC classes: index 0 is the blank, then the dictionary, then a space.
    pub dict: Vec<String>,
}

fn load(bytes: &'static [u8], what: &str) -> Result<Model, String> {
    ModelOptions::with_all_ops()
        .load_static_slice(bytes)
        .map_err(|e| format!("cannot load the {what} model: {e}"))
}

impl Engine {
    fn load() -> Result<Engine, String> {
        let det = load(DET_ONNX, "text detection")?;
        let rec = load(REC_ONNX, "text recognition")?;
        let cls = load(CLS_ONNX, "text orientation")?;
        let chars = rec
            .metadata()
            .get("character")
            .ok_or("the recognition model has no `character` dictionary in its metadata")?;
        let dict = ctc_classes(chars);
        Ok(Engine {
            det,
            rec,
            cls,
            dict,
        })
    }
}

/// Builds the CTC class list from the model's `character` metadata (one entry per line), with
/// the blank first and a space last, as PaddleOCR's `CTCLabelDecode` does.
fn ctc_classes(chars: &str) -> Vec<String> {
    let mut v = vec![String::new()];
    v.extend(
        chars
            .split('\n')
            .map(|l| l.trim_end_matches('\r').to_string()),
    );
    // a trailing newline would add an empty entry that is not in the model's output classes
    if v.len() > 1 && v.last().is_some_and(|s| s.is_empty()) {
        v.pop();
    }
    v.push(" ".to_string());
    v
}

/// The process-wide engine, loaded on first use.
pub fn engine() -> Result<&'static Engine, OcrError> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    ENGINE
        .get_or_init(Engine::load)
        .as_ref()
        .map_err(|e| OcrError::Unavailable(e.clone()))
}

/// A thread pool of `threads` workers (0 = rten's default: one per physical core), shared by
/// every call that asks for the same number.
pub fn thread_pool(threads: usize) -> Option<Arc<ThreadPool>> {
    if threads == 0 {
        return None;
    }
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    Some(
        pools
            .entry(threads)
            .or_insert_with(|| Arc::new(ThreadPool::with_num_threads(threads)))
            .clone(),
    )
}

/// Runs a single-input, single-output network on an f32 tensor.
pub fn run(
    model: &Model,
    shape: &[usize],
    data: Vec<f32>,
    pool: &Option<Arc<ThreadPool>>,
) -> Result<(Vec<usize>, Vec<f32>), OcrError> {
    let input = Tensor::from_data(shape, data);
    let opts = RunOptions::default().with_thread_pool(pool.clone());
    let out = model
        .run_one(input.into(), Some(opts))
        .map_err(|e| OcrError::Inference(e.to_string()))?;
    let t: Tensor<f32> = out
        .try_into()
        .map_err(|e| OcrError::Inference(format!("{e:?}")))?;
    Ok((t.shape().to_vec(), t.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_have_blank_first_and_space_last() {
        let c = ctc_classes("a\nb\r\n中\n");
        assert_eq!(c, vec!["", "a", "b", "中", " "]);
    }

    #[test]
    fn embedded_models_load_with_a_dictionary() {
        let e = engine().expect("models load");
        assert!(e.dict.len() > 18_000, "{}", e.dict.len());
        assert!(e.dict.iter().any(|c| c == "租"));
    }
}
