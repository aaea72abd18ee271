//! Is a page's text layer real text, or must the page go to OCR?
//!
//! A scanned page has no text layer or a few stray characters (a page number stamped by the
//! scanner software). A broken text layer shows up as mojibake: Chinese bytes read as
//! Latin-1 (`Ã¤Â¸Â­`), private-use code points from fonts without a ToUnicode map, control
//! characters, replacement marks. The documents docverify reads are Chinese, so a page whose
//! text is long but carries almost no CJK and many such marks is not trusted.

use serde::Serialize;

/// The verdict on one page's text layer, with the counts it rests on (logged and tested).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextVerdict {
    /// Characters that are not white space.
    pub visible: usize,
    /// CJK ideographs and CJK punctuation / full-width forms.
    pub cjk: usize,
    /// Characters typical of a broken text layer.
    pub junk: usize,
    /// Whether the layer is used as the page's text.
    pub usable: bool,
}

/// Judges a page's text layer. `min_chars` is the number of visible characters below which a
/// page counts as having no text layer (scans with a stamped page number).
pub fn judge(text: &str, min_chars: usize) -> TextVerdict {
    let mut visible = 0;
    let mut cjk = 0;
    let mut junk = 0;
    let mut latin1_letters = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        visible += 1;
        let u = c as u32;
        if is_cjk(u) {
            cjk += 1;
        } else if c == '\u{FFFD}'
            || (c.is_control())
            || (0xE000..=0xF8FF).contains(&u)
            || (0xF0000..).contains(&u)
        {
            junk += 1;
        } else if (0x00C0..=0x00FF).contains(&u) || (0x0080..=0x00BF).contains(&u) {
            // Latin-1 letters and symbols: a few are normal (é, ×, °), many in a Chinese
            // document are UTF-8 or GBK bytes read as Latin-1.
            latin1_letters += 1;
        }
    }
    if latin1_letters * 5 > visible && cjk * 5 < visible {
        junk += latin1_letters;
    }
    let usable = visible >= min_chars && junk * 10 <= visible;
    TextVerdict {
        visible,
        cjk,
        junk,
        usable,
    }
}

fn is_cjk(u: u32) -> bool {
    matches!(u,
        0x3000..=0x303F        // CJK symbols and punctuation
        | 0x3400..=0x4DBF      // extension A
        | 0x4E00..=0x9FFF      // unified ideographs
        | 0xF900..=0xFAFF      // compatibility ideographs
        | 0xFF00..=0xFFEF      // full-width forms
        | 0x20000..=0x2FA1F) // extensions B-F, compatibility supplement
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_usable() {
        let v = judge(
            "房屋租赁合同\n出租方（甲方）：上海某某科技有限公司\n租赁期限：五年",
            10,
        );
        assert!(v.usable, "{v:?}");
        assert!(v.cjk > 20);
    }

    #[test]
    fn english_text_is_usable() {
        assert!(judge("This lease agreement is made between the parties.", 10).usable);
    }

    #[test]
    fn a_stamped_page_number_is_no_text_layer() {
        let v = judge("  - 3 -  \n", 10);
        assert!(!v.usable);
        assert_eq!(v.visible, 3);
    }

    #[test]
    fn mojibake_is_refused() {
        // "租赁合同" as UTF-8 bytes read as Latin-1.
        let moji: String = "租赁合同租赁合同出租方承租方"
            .as_bytes()
            .iter()
            .map(|&b| b as char)
            .collect();
        assert!(!judge(&moji, 10).usable);
        let pua: String = std::iter::repeat_n('\u{E001}', 30).collect();
        assert!(!judge(&pua, 10).usable);
        let replaced: String = "合同".repeat(5) + &"\u{FFFD}".repeat(5);
        assert!(!judge(&replaced, 10).usable);
    }

    #[test]
    fn a_few_accents_are_fine() {
        assert!(judge("Café × 3 — résumé attached, 25°C room temperature", 10).usable);
    }
}
