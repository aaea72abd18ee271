//! PDF documents: text layer (lopdf, pdf_oxide as a second pass) and page images (hayro).
//!
//! Order of checks before any page is read: the file parses (lopdf or hayro), it is not
//! encrypted with a real password (the empty one is tried by both parsers), no compressed
//! stream inflates past `max_decompressed_bytes`, the page count is within `max_pages`.

mod page_image;
mod text;
mod vector_codes;

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro::hayro_syntax::{LoadPdfError, Pdf};

use super::pipeline::{PageInput, Pipeline};
use super::{ExtractError, Limit, Stage, quality};
pub use page_image::Picture;
pub use text::{LopdfText, OxideText, PlacedChar, TextLayer, layer_spans};

/// Rasterises one page (1-based) of a PDF at the configured resolution: the page image a
/// reviewer opens, for a born-digital page that extraction did not need to rasterise.
pub(super) fn render_page(
    bytes: &[u8],
    config: &super::ExtractConfig,
    number: u32,
) -> Result<image::DynamicImage, ExtractError> {
    let unreadable = |reason: String| ExtractError::Unreadable {
        media_type: "application/pdf".into(),
        reason,
    };
    let pdf = match catch_unwind(AssertUnwindSafe(|| Pdf::new(bytes.to_vec()))) {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(LoadPdfError::Decryption(_))) => return Err(ExtractError::Encrypted),
        Ok(Err(LoadPdfError::Invalid)) => return Err(unreadable("not a valid PDF".into())),
        Err(p) => {
            return Err(unreadable(format!(
                "parser failed: {}",
                super::panic_message(&*p)
            )));
        }
    };
    let pages = pdf.pages();
    let page = number
        .checked_sub(1)
        .and_then(|i| pages.get(i as usize))
        .ok_or_else(|| unreadable(format!("no page {number} in {} pages", pages.len())))?;
    let settings = page_image::ImageSettings {
        dpi: config.render_dpi,
        max_image_pixels: config.max_image_pixels,
        max_render_pixels: config.max_render_pixels,
        interpreter: page_image::interpreter_settings(config.cjk_font.clone()),
    };
    catch_unwind(AssertUnwindSafe(|| page_image::render(page, &settings)))
        .unwrap_or_else(|p| Err(format!("page image failed: {}", super::panic_message(&*p))))
        .map_err(unreadable)
}

/// Extracts every page of a PDF into the pipeline.
pub(super) fn extract(bytes: &[u8], pipe: &mut Pipeline<'_>) -> Result<(), ExtractError> {
    let max_decompressed =
        usize::try_from(pipe.config.max_decompressed_bytes).unwrap_or(usize::MAX);
    let lopdf = load_lopdf(bytes, max_decompressed);
    let lopdf = match lopdf {
        Err(LopdfFailure::Bomb) => {
            return Err(ExtractError::TooLarge(Limit::Decompressed {
                max: pipe.config.max_decompressed_bytes,
            }));
        }
        Err(LopdfFailure::Other(reason)) => Err(reason),
        Ok(doc) => Ok(doc),
    };
    if let Ok(doc) = &lopdf {
        check_streams(doc, max_decompressed)?;
    }
    pipe.check_deadline()?;

    let hayro = catch_unwind(AssertUnwindSafe(|| Pdf::new(bytes.to_vec())));
    let hayro = match hayro {
        Ok(Ok(pdf)) => Ok(pdf),
        Ok(Err(LoadPdfError::Decryption(_))) => return Err(ExtractError::Encrypted),
        Ok(Err(LoadPdfError::Invalid)) => Err("not a valid PDF structure".to_string()),
        Err(p) => Err(format!("parser failed: {}", super::panic_message(&*p))),
    };
    if let (Err(lo), Err(hy)) = (&lopdf, &hayro) {
        if lo.contains("ncrypt") || lo.contains("assword") {
            return Err(ExtractError::Encrypted);
        }
        return Err(pipe.unreadable(format!("{lo}; {hy}")));
    }

    let text_layer = lopdf.ok().map(|doc| LopdfText::new(doc, max_decompressed));
    let pages = match (&hayro, &text_layer) {
        (Ok(pdf), _) => pdf.pages().len(),
        (Err(_), Some(t)) => t.page_count(),
        (Err(e), None) => return Err(pipe.unreadable(e.clone())),
    };
    if pages == 0 {
        return Err(pipe.unreadable("the PDF has no pages"));
    }
    if pages as u64 > pipe.config.max_pages as u64 {
        return Err(ExtractError::TooLarge(Limit::Pages {
            count: pages as u64,
            max: pipe.config.max_pages as u64,
        }));
    }
    pipe.total = pages as u32;

    let settings = page_image::ImageSettings {
        dpi: pipe.config.render_dpi,
        max_image_pixels: pipe.config.max_image_pixels,
        max_render_pixels: pipe.config.max_render_pixels,
        interpreter: page_image::interpreter_settings(pipe.config.cjk_font.clone()),
    };
    // pdf_oxide is opened only if some page needs the second pass.
    let mut oxide: Option<Option<OxideText>> = None;

    for index in 0..pages {
        let mut warnings = Vec::new();
        pipe.stage(Stage::Text)?;
        let mut layer = match &text_layer {
            Some(t) => match t.page_text(index) {
                Ok(s) => Some(s),
                Err(e) => {
                    warnings.push(format!("text layer unreadable by {}: {e}", t.name()));
                    None
                }
            },
            None => None,
        };
        let min = pipe.config.min_text_chars;
        let verdict = layer.as_deref().map(|s| quality::judge(s, min));
        // Second pass only where a text layer exists but came out unusable: a scan has no
        // layer and pdf_oxide would find none either.
        let needs_second = match verdict {
            None => text_layer.is_none(),
            Some(v) => !v.usable && v.visible >= min,
        };
        if needs_second {
            let reader = oxide.get_or_insert_with(|| OxideText::open(bytes));
            if let Some(reader) = reader
                && let Ok(s) = reader.page_text(index)
                && quality::judge(&s, min).usable
            {
                layer = Some(s);
            }
        }

        // Where the layer's characters stand (pdf_oxide places them; lopdf's text has no
        // places): tables on a born-digital page are then read by place.
        let mut layer_places = Vec::new();
        if layer
            .as_deref()
            .is_some_and(|s| quality::judge(s, min).usable)
        {
            let reader = oxide.get_or_insert_with(|| OxideText::open(bytes));
            match reader.as_ref().map(|r| r.page_chars(index)) {
                Some(Ok(chars)) => layer_places = chars,
                Some(Err(e)) => tracing::debug!(page = index + 1, "no places: {e}"),
                None => {}
            }
        }

        pipe.stage(Stage::Image)?;
        let mut input = PageInput {
            text_layer: layer,
            layer_places,
            image: None,
            render: None,
            size: (595, 842),
            warnings,
            rendered: false,
            pictures: Vec::new(),
            hidden_codes: false,
        };
        match &hayro {
            Ok(pdf) => {
                let page = &pdf.pages()[index];
                let (w, h) = page.render_dimensions();
                input.size = (w.max(0.0).round() as u32, h.max(0.0).round() as u32);
                if pipe.config.page_images {
                    match catch_unwind(AssertUnwindSafe(|| page_image::page_image(page, &settings)))
                    {
                        Ok(page_image::PageImage::Scan(img)) => input.image = Some(img),
                        Ok(page_image::PageImage::Drawn(drawn)) => {
                            tracing::debug!(
                                page = index + 1,
                                pictures = drawn.pictures.len(),
                                hidden_codes = drawn.hidden_codes,
                                "drawn page"
                            );
                            input.rendered = true;
                            input.pictures = drawn.pictures;
                            input.hidden_codes = drawn.hidden_codes;
                            input.size = drawn.size;
                            let settings = &settings;
                            input.render = Some(Box::new(move || {
                                catch_unwind(AssertUnwindSafe(|| {
                                    page_image::render(page, settings)
                                }))
                                .unwrap_or_else(|p| {
                                    Err(format!("page image failed: {}", super::panic_message(&*p)))
                                })
                            }));
                        }
                        Ok(page_image::PageImage::None(why)) => input.warnings.push(why),
                        Err(p) => input
                            .warnings
                            .push(format!("page image failed: {}", super::panic_message(&*p))),
                    }
                }
            }
            Err(e) => input
                .warnings
                .push(format!("page cannot be rasterised: {e}")),
        }
        pipe.page(input)?;
    }
    Ok(())
}

enum LopdfFailure {
    Bomb,
    Other(String),
}

fn load_lopdf(bytes: &[u8], max_decompressed: usize) -> Result<lopdf::Document, LopdfFailure> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(max_decompressed),
        ..Default::default()
    };
    match catch_unwind(AssertUnwindSafe(|| {
        lopdf::Document::load_mem_with_options(bytes, options)
    })) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
            ..
        }))) => Err(LopdfFailure::Bomb),
        Ok(Err(e)) => Err(LopdfFailure::Other(e.to_string())),
        Err(p) => Err(LopdfFailure::Other(format!(
            "parser failed: {}",
            super::panic_message(&*p)
        ))),
    }
}

/// Inflates every general-purpose-compressed stream with a cap, so a zip bomb is refused
/// before the rasteriser (which has no cap of its own) meets it. Image codecs (DCT, JPX,
/// JBIG2, CCITT) are bounded by the image's declared size, which the probe checks.
fn check_streams(doc: &lopdf::Document, max: usize) -> Result<(), ExtractError> {
    const GENERAL: &[&[u8]] = &[
        b"FlateDecode",
        b"Fl",
        b"LZWDecode",
        b"LZW",
        b"ASCII85Decode",
        b"A85",
        b"ASCIIHexDecode",
        b"AHx",
        b"RunLengthDecode",
        b"RL",
    ];
    for object in doc.objects.values() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        let Ok(filters) = stream.filters() else {
            continue;
        };
        if filters.is_empty() || !filters.iter().all(|f| GENERAL.contains(f)) {
            continue;
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            stream.decompressed_content_with_limit(max)
        }));
        if let Ok(Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
            ..
        }))) = outcome
        {
            return Err(ExtractError::TooLarge(Limit::Decompressed {
                max: max as u64,
            }));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};

    /// A one-page PDF with `text` in Helvetica (lopdf's own writer).
    pub(crate) fn simple_pdf(text: &str) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let resources_id = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
        });
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 14.into()]),
                Operation::new("Td", vec![72.into(), 720.into()]),
                Operation::new("Tj", vec![Object::string_literal(text)]),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn simple_pdf_extracts_text_and_image() {
        let bytes = simple_pdf("Hello docverify 12345");
        let got = crate::extract::extract(&bytes, &Default::default()).unwrap();
        assert_eq!(got.media_type, "application/pdf");
        assert_eq!(got.pages.len(), 1);
        let p = &got.pages[0];
        assert_eq!(p.text, "Hello docverify 12345");
        assert_eq!(p.text_source, crate::model::TextSource::TextLayer);
        // Rasterised at 200 dpi: A4 is 1653 x 2338 px.
        assert!(
            p.width > 1600 && p.height > 2300,
            "{} x {}",
            p.width,
            p.height
        );
    }
}
