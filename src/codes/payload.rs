//! Turning a code's raw bytes into text.
//!
//! QR codes carry bytes without saying which encoding (ECI designators are rare). Chinese
//! generators write either UTF-8 or GBK; the rule is: valid UTF-8 is UTF-8, otherwise try GBK
//! (decoded as GB18030, its superset), otherwise keep what can be read with replacement marks.

/// Decodes a code's payload bytes as UTF-8, else GBK, else lossy UTF-8.
pub fn decode_payload(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    if let Some(s) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return s.into_owned();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_then_gbk_then_lossy() {
        assert_eq!(
            decode_payload("统一社会信用代码".as_bytes()),
            "统一社会信用代码"
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("统一社会信用代码 91310000");
        assert!(std::str::from_utf8(&gbk).is_err());
        assert_eq!(decode_payload(&gbk), "统一社会信用代码 91310000");
        assert_eq!(decode_payload(b"\xEF\xBB\xBFabc"), "abc");
        // A lone lead byte is neither UTF-8 nor GBK.
        assert_eq!(decode_payload(b"ab\x81"), "ab\u{FFFD}");
    }
}
