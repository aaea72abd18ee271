//! Image files: JPEG, PNG, BMP, WebP (one page) and TIFF (one page per directory).
//!
//! Every image is sized from its header and refused before decoding when it is over
//! `max_image_pixels`: a 100,000 × 100,000 PNG is 100 bytes of header and 40 GB of pixels.
//! Photos carry their orientation in EXIF; it is applied so codes and OCR see the page
//! upright.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::pipeline::{PageInput, Pipeline};
use super::{ExtractError, Limit, MediaType, Stage};

/// Checks an image's size against the pixel cap.
pub(super) fn check_pixels(width: u32, height: u32, max: u64) -> Result<(), ExtractError> {
    if width as u64 * height as u64 > max {
        return Err(ExtractError::TooLarge(Limit::Pixels {
            width: width as u64,
            height: height as u64,
            max,
        }));
    }
    Ok(())
}

/// Decoder limits that back up the header check (they bound what the decoder allocates).
fn limits(max_pixels: u64) -> image::Limits {
    let mut limits = image::Limits::default();
    // Four bytes per pixel plus room for the decoder's own buffers.
    limits.max_alloc = Some(max_pixels.saturating_mul(4).saturating_add(64 << 20));
    limits
}

/// A single-image file as one page.
pub(super) fn extract_single(
    bytes: &[u8],
    media: MediaType,
    pipe: &mut Pipeline<'_>,
) -> Result<(), ExtractError> {
    pipe.total = 1;
    pipe.stage(Stage::Image)?;
    let format = match media {
        MediaType::Jpeg => ImageFormat::Jpeg,
        MediaType::Png => ImageFormat::Png,
        MediaType::Bmp => ImageFormat::Bmp,
        MediaType::Webp => ImageFormat::WebP,
        MediaType::Tiff => ImageFormat::Tiff,
        MediaType::Pdf => return Err(pipe.unreadable("not an image")),
    };
    let image =
        decode_oriented(bytes, format, pipe.config.max_image_pixels).map_err(|e| match e {
            DecodeError::Refused(e) => e,
            DecodeError::Image(e) => pipe.unreadable(e.to_string()),
        })?;
    pipe.page(PageInput {
        layer_places: Vec::new(),
        text_layer: None,
        size: (image.width(), image.height()),
        image: Some(image),
        render: None,
        warnings: Vec::new(),
        rendered: false,
        pictures: Vec::new(),
        hidden_codes: false,
    })
}

enum DecodeError {
    Refused(ExtractError),
    Image(image::ImageError),
}

/// Decodes with the size checked from the header first and EXIF orientation applied.
fn decode_oriented(
    bytes: &[u8],
    format: ImageFormat,
    max_pixels: u64,
) -> Result<DynamicImage, DecodeError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits(max_pixels));
    let mut decoder = reader.into_decoder().map_err(DecodeError::Image)?;
    let (w, h) = decoder.dimensions();
    check_pixels(w, h, max_pixels).map_err(DecodeError::Refused)?;
    // A broken EXIF block must not lose the photo: no orientation then.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(DecodeError::Image)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A TIFF, one page per image directory (scanners write multi-page TIFFs).
pub(super) fn extract_tiff(bytes: &[u8], pipe: &mut Pipeline<'_>) -> Result<(), ExtractError> {
    let max_pixels = pipe.config.max_image_pixels;
    let mut tiff_limits = tiff::decoder::Limits::default();
    tiff_limits.decoding_buffer_size =
        usize::try_from(max_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    let mut decoder = tiff::decoder::Decoder::new(Cursor::new(bytes))
        .map_err(|e| pipe.unreadable(e.to_string()))?
        .with_limits(tiff_limits);
    let total = count_tiff_pages(bytes, pipe.config.max_pages)?;
    pipe.total = total;
    loop {
        pipe.stage(Stage::Image)?;
        let mut warnings = Vec::new();
        let (w, h) = decoder
            .dimensions()
            .map_err(|e| pipe.unreadable(e.to_string()))?;
        check_pixels(w, h, max_pixels)?;
        let image = match tiff_page(&mut decoder, w, h) {
            Ok(img) => Some(img),
            Err(e) if pipe.next_number() == 1 && !decoder.more_images() => {
                return Err(pipe.unreadable(e));
            }
            Err(e) => {
                warnings.push(format!("page image unreadable: {e}"));
                None
            }
        };
        pipe.page(PageInput {
            layer_places: Vec::new(),
            text_layer: None,
            image,
            render: None,
            size: (w, h),
            warnings,
            rendered: false,
            pictures: Vec::new(),
            hidden_codes: false,
        })?;
        if !decoder.more_images() || pipe.next_number() > total {
            return Ok(());
        }
        decoder
            .next_image()
            .map_err(|e| pipe.unreadable(format!("page {}: {e}", pipe.next_number())))?;
    }
}

/// Counts the image directories without decoding pixels, refusing past `max_pages` (a TIFF
/// can chain directories in a loop; the count stops there too).
fn count_tiff_pages(bytes: &[u8], max_pages: u32) -> Result<u32, ExtractError> {
    let mut decoder = match tiff::decoder::Decoder::new(Cursor::new(bytes)) {
        Ok(d) => d,
        Err(e) => {
            return Err(ExtractError::Unreadable {
                media_type: "image/tiff".into(),
                reason: e.to_string(),
            });
        }
    };
    let mut count: u32 = 1;
    while decoder.more_images() {
        if decoder.next_image().is_err() {
            break;
        }
        count += 1;
        if count > max_pages {
            return Err(ExtractError::TooLarge(Limit::Pages {
                count: count as u64,
                max: max_pages as u64,
            }));
        }
    }
    Ok(count)
}

/// Decodes the current TIFF directory into an image.
fn tiff_page(
    decoder: &mut tiff::decoder::Decoder<Cursor<&[u8]>>,
    w: u32,
    h: u32,
) -> Result<DynamicImage, String> {
    use tiff::ColorType;
    use tiff::decoder::DecodingResult;
    let color = decoder.colortype().map_err(|e| e.to_string())?;
    let data = decoder.read_image().map_err(|e| e.to_string())?;
    let n = w as usize * h as usize;
    let bad = || format!("pixel data does not match {w}x{h} {color:?}");
    let gray8 = |v: Vec<u8>| {
        image::GrayImage::from_raw(w, h, v)
            .map(DynamicImage::ImageLuma8)
            .ok_or_else(bad)
    };
    match (color, data) {
        // Bilevel scans (fax G3/G4): rows padded to bytes; the decoder has already turned
        // WhiteIsZero into "1 is white".
        (ColorType::Gray(1), DecodingResult::U8(v)) => {
            let stride = (w as usize).div_ceil(8);
            if v.len() < stride * h as usize {
                return Err(bad());
            }
            let mut out = Vec::with_capacity(n);
            for y in 0..h as usize {
                let row = &v[y * stride..(y + 1) * stride];
                out.extend((0..w as usize).map(|x| {
                    if row[x / 8] >> (7 - x % 8) & 1 == 1 {
                        255
                    } else {
                        0
                    }
                }));
            }
            gray8(out)
        }
        (ColorType::Gray(8), DecodingResult::U8(v)) => gray8(v.get(..n).ok_or_else(bad)?.to_vec()),
        (ColorType::Gray(16), DecodingResult::U16(v)) => gray8(
            v.get(..n)
                .ok_or_else(bad)?
                .iter()
                .map(|p| (p >> 8) as u8)
                .collect(),
        ),
        (ColorType::RGB(8), DecodingResult::U8(v)) => image::RgbImage::from_raw(w, h, v)
            .map(DynamicImage::ImageRgb8)
            .ok_or_else(bad),
        (ColorType::RGB(16), DecodingResult::U16(v)) => {
            let v: Vec<u8> = v.iter().map(|p| (p >> 8) as u8).collect();
            image::RgbImage::from_raw(w, h, v)
                .map(DynamicImage::ImageRgb8)
                .ok_or_else(bad)
        }
        (ColorType::RGBA(8), DecodingResult::U8(v)) => image::RgbaImage::from_raw(w, h, v)
            .map(DynamicImage::ImageRgba8)
            .ok_or_else(bad),
        (ColorType::GrayA(8), DecodingResult::U8(v)) => image::GrayAlphaImage::from_raw(w, h, v)
            .map(DynamicImage::ImageLumaA8)
            .ok_or_else(bad),
        (ColorType::CMYK(8), DecodingResult::U8(v)) => {
            let px = v.get(..n * 4).ok_or_else(bad)?;
            let rgb: Vec<u8> = px
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = 255 - p[3] as u32;
                    [0, 1, 2].map(|i| ((255 - p[i] as u32) * k / 255) as u8)
                })
                .collect();
            image::RgbImage::from_raw(w, h, rgb)
                .map(DynamicImage::ImageRgb8)
                .ok_or_else(bad)
        }
        (other, _) => Err(format!("unsupported TIFF colour type {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_png_header_is_refused_before_decoding() {
        let png = huge_png(100_000, 100_000);
        match decode_oriented(&png, ImageFormat::Png, 60_000_000) {
            Err(DecodeError::Refused(ExtractError::TooLarge(Limit::Pixels { width, .. }))) => {
                assert_eq!(width, 100_000)
            }
            Err(DecodeError::Image(e)) => panic!("decoder error instead of refusal: {e}"),
            _ => panic!("not refused"),
        }
    }

    /// A PNG whose header claims `w` x `h` with one tiny IDAT: enough for a header check.
    pub(crate) fn huge_png(w: u32, h: u32) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend(data);
            out.extend(&body);
            out.extend(crc32(&body).to_be_bytes());
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend(w.to_be_bytes());
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([8, 0, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(
            &mut out,
            b"IDAT",
            &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
        );
        chunk(&mut out, b"IEND", &[]);
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn exif_orientation_is_applied() {
        // A 4x2 JPEG with EXIF orientation 6 (rotate 90° clockwise) comes out 2x4.
        let jpeg = jpeg_with_orientation(6);
        let img = decode_oriented(&jpeg, ImageFormat::Jpeg, 1000)
            .ok()
            .unwrap();
        assert_eq!((img.width(), img.height()), (8, 16));
    }

    fn jpeg_with_orientation(orientation: u16) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(16, 8, image::Rgb([200, 10, 10]));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .encode_image(&img)
            .unwrap();
        // APP1 Exif, big-endian TIFF with one IFD entry: Orientation (0x0112), SHORT, 1.
        let mut tiff =
            b"MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01".to_vec();
        tiff.extend(orientation.to_be_bytes());
        tiff.extend([0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\x00\x00".to_vec();
        app1.extend(tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend([0xFF, 0xE1]);
        out.extend(((app1.len() + 2) as u16).to_be_bytes());
        out.extend(app1);
        out.extend(&jpeg[2..]);
        out
    }
}
