//! 统一社会信用代码 (unified social credit code, GB 32100-2015): form and check character.

/// The code alphabet: digits and capitals without I, O, S, V, Z.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1..=17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The verdict on one printed code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeCheck {
    /// Well formed, check character right.
    Valid,
    /// Not 18 characters of the alphabet, or the check character is wrong, and no common OCR
    /// misreading explains it.
    Invalid(&'static str, &'static str),
    /// Valid once the usual OCR misreadings (O→0, I→1, S→5, Z→2) are undone: probably misread.
    LikelyMisread(String),
}

/// The code as compared: NFKC (full-width letters and digits), no white space, upper case.
pub fn normalize(code: &str) -> String {
    let mut code = crate::names::nfkc_with(code, |c| (!c.is_whitespace()).then_some(c));
    code.make_ascii_uppercase();
    code
}

fn valid(code: &str) -> bool {
    let bytes = code.as_bytes();
    if bytes.len() != 18 {
        return false;
    }
    let mut sum = 0u32;
    for (i, b) in bytes[..17].iter().enumerate() {
        match ALPHABET.iter().position(|a| a == b) {
            Some(v) => sum += v as u32 * WEIGHTS[i],
            None => return false,
        }
    }
    let check = ALPHABET[((31 - sum % 31) % 31) as usize];
    bytes[17] == check
}

/// Checks one code as printed.
pub fn check(code: &str) -> CodeCheck {
    let code = normalize(code);
    if valid(&code) {
        return CodeCheck::Valid;
    }
    let fixed: String = code
        .chars()
        .map(|c| match c {
            'O' => '0',
            'I' => '1',
            'S' => '5',
            'Z' => '2',
            c => c,
        })
        .collect();
    if fixed != code && valid(&fixed) {
        return CodeCheck::LikelyMisread(fixed);
    }
    if code.chars().count() != 18 {
        CodeCheck::Invalid("长度不是 18 位", "not 18 characters long")
    } else if !code.bytes().all(|b| ALPHABET.contains(&b)) {
        CodeCheck::Invalid(
            "含有代码字符集以外的字符",
            "has characters outside the code alphabet",
        )
    } else {
        CodeCheck::Invalid("校验码不符", "wrong check character")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_real_code_is_valid() {
        assert_eq!(check("91110000600037341L"), CodeCheck::Valid);
        assert_eq!(check(" 9111 0000 6000 3734 1L"), CodeCheck::Valid);
        assert_eq!(
            check("９１１１００００６０００３７３４１Ｌ"),
            CodeCheck::Valid
        );
    }

    #[test]
    fn wrong_check_and_misreads() {
        assert!(matches!(
            check("91110000600037341K"),
            CodeCheck::Invalid(_, "wrong check character")
        ));
        assert_eq!(
            check("9111OOOO6OOO37341L"),
            CodeCheck::LikelyMisread("91110000600037341L".into())
        );
        assert!(matches!(
            check("123"),
            CodeCheck::Invalid(_, "not 18 characters long")
        ));
    }
}
