//! 统一社会信用代码 (unified social credit code, GB 32100-2015): OCR repair and check character.

/// The code alphabet: digits and capitals without I, O, S, V, Z.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The check character for the first 17 characters, or `None` when one is outside the alphabet.
pub fn check_char(body: &str) -> Option<char> {
    let mut sum = 0u32;
    let mut n = 0;
    for (c, w) in body.chars().zip(WEIGHTS) {
        sum += ALPHABET.find(c)? as u32 * w;
        n += 1;
    }
    if n != 17 || body.chars().count() != 17 {
        return None;
    }
    ALPHABET.chars().nth(((31 - sum % 31) % 31) as usize)
}

/// True when `code` is 18 characters of the alphabet with the right check character.
pub fn is_valid(code: &str) -> bool {
    code.chars().count() == 18
        && code.is_char_boundary(17)
        && check_char(&code[..17]) == code.chars().last()
}

/// Repairs what OCR does to a printed code: spaces, lower case, and the letters the alphabet
/// leaves out read instead of the digits they resemble (O→0, I→1, S→5, Z→2). Returns the code
/// and how many characters were changed (a doubt for the confidence).
pub fn repair(raw: &str) -> (String, usize) {
    let mut changed = 0;
    let code = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            let u = c.to_ascii_uppercase();
            let fixed = match u {
                'O' => '0',
                'I' => '1',
                'S' => '5',
                'Z' => '2',
                x => x,
            };
            changed += usize::from(fixed != u);
            fixed
        })
        .collect();
    (code, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_code_passes_and_typo_fails() {
        assert!(is_valid("91110000600037341L"));
        assert!(!is_valid("91110000600037341K"));
        assert!(!is_valid("9111000060003734"));
        assert_eq!(check_char("91110000600037341"), Some('L'));
    }

    #[test]
    fn ocr_confusions_are_repaired() {
        let (c, n) = repair("9111 OOOO 6OOO 3734 IL");
        assert_eq!(c, "91110000600037341L");
        assert_eq!(n, 8);
        assert!(is_valid(&c));
        assert_eq!(
            repair("91110000600037341L"),
            ("91110000600037341L".into(), 0)
        );
    }
}
