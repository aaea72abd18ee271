//! Content sniffing: the type of an upload from its first bytes, never from its name.

/// The file types docverify reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    Pdf,
    Jpeg,
    Png,
    Tiff,
    Bmp,
    Webp,
}

impl MediaType {
    /// The IANA media type.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Tiff => "image/tiff",
            MediaType::Bmp => "image/bmp",
            MediaType::Webp => "image/webp",
        }
    }
}

/// Recognises a supported type from the leading bytes (16 are enough).
pub fn sniff(head: &[u8]) -> Option<MediaType> {
    // PDF readers accept a header within the first 1024 bytes; so do we.
    let window = &head[..head.len().min(1024)];
    if window.windows(5).any(|w| w == b"%PDF-") {
        return Some(MediaType::Pdf);
    }
    match head {
        [0xFF, 0xD8, 0xFF, ..] => Some(MediaType::Jpeg),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some(MediaType::Png),
        [b'I', b'I', 0x2A, 0x00, ..] | [b'M', b'M', 0x00, 0x2A, ..] => Some(MediaType::Tiff),
        [b'I', b'I', 0x2B, 0x00, ..] | [b'M', b'M', 0x00, 0x2B, ..] => Some(MediaType::Tiff),
        [b'B', b'M', ..] if head.len() >= 14 => Some(MediaType::Bmp),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some(MediaType::Webp),
        _ => None,
    }
}

/// Names what an unsupported file looks like, for error messages.
pub fn describe(head: &[u8]) -> String {
    let known: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "zip archive (e.g. .docx/.xlsx)"),
        (b"\xD0\xCF\x11\xE0", "OLE compound file (e.g. .doc/.xls)"),
        (b"GIF8", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF", "7-zip archive"),
        (b"<!DOCTYPE", "HTML document"),
        (b"<html", "HTML document"),
        (b"<?xml", "XML document"),
        (b"{\\rtf", "RTF document"),
    ];
    if head.is_empty() {
        return "empty file".into();
    }
    for (magic, name) in known {
        if head.starts_with(magic) {
            return (*name).into();
        }
    }
    if std::str::from_utf8(&head[..head.len().min(512)]).is_ok() {
        return "plain text".into();
    }
    let hex: String = head.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("unknown binary data (starts with {hex})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(MediaType::Pdf));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0"), Some(MediaType::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(MediaType::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(MediaType::Webp));
        assert_eq!(sniff(b"PK\x03\x04"), None);
        assert_eq!(
            describe(b"PK\x03\x04rest"),
            "zip archive (e.g. .docx/.xlsx)"
        );
        assert_eq!(describe(b"hello"), "plain text");
    }
}
