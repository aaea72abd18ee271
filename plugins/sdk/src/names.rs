//! The name comparison ladder of RULES.md, most to least certain:
//!
//! 1. equal as written → pass;
//! 2. equal after NFKC, removing white space and unifying （）/() → pass (raw strings shown);
//! 3. equal after traditional → simplified conversion → pass with a note;
//! 4. equal up to known OCR confusions (己/已, 未/末, 0/O/〇, 1/l/一 …) → review; so is a name
//!    one character off where OCR doubted that character ([`compare_read`]: the name may be
//!    the same, misread, which only the page can tell);
//! 5. 有限公司 vs 有限责任公司, or a branch (…分公司) vs its company → review: they are different
//!    registered names (callers add "same credit code" evidence, which only they can see);
//! 6. anything else → fail.
//!
//! Every answer says which step decided and why, in both languages.

use unicode_normalization::UnicodeNormalization;

use crate::Status;
use crate::t2s_table::T2S;

/// The rung of the ladder that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Exact,
    Normalized,
    TraditionalSimplified,
    OcrConfusion,
    LegalForm,
    Branch,
    Different,
}

/// The outcome of comparing two names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub step: Step,
    pub status: Status,
    /// The explanation of the step, Chinese.
    pub zh: String,
    /// The explanation of the step, English.
    pub en: String,
}

/// Step 2: NFKC (which turns （） into ()), no white space, and the other bracket shapes a
/// name is printed with (〔〕【】［］) unified to ().
pub fn normalize(name: &str) -> String {
    nfkc_with(name, |c| (!c.is_whitespace()).then(|| unify_bracket(c)))
}

/// NFKC of `s` with each resulting character passed through `keep`, which maps it or drops it
/// (`None`). Every call runs in a fresh instance, so normalising dominated the plugins that
/// compare many names (docs/BENCHMARKS.md, "Plugins"): names and codes are nearly always
/// printed in characters whose NFKC needs no tables ([`simple_nfkc`]), and only the others go
/// through the full algorithm.
pub(crate) fn nfkc_with(s: &str, keep: impl Fn(char) -> Option<char>) -> String {
    simple_nfkc(s, &keep).unwrap_or_else(|| s.nfkc().filter_map(keep).collect())
}

/// NFKC of `s` without the Unicode tables when every character is one whose NFKC is itself or
/// one ASCII character, each `keep` maps (or drops with `None`); `None` when `s` holds any
/// other character, and the caller runs the full algorithm.
///
/// The characters: ASCII, CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF: no decompositions),
/// the brackets 【】〔〕 (none either), U+3000 ideographic space (→ space) and the full-width
/// ASCII forms U+FF01–U+FF5E (each → its ASCII twin). All are starters that decompose to at
/// most one starter, and none is the second half of a canonical composition, so the NFKC of a
/// string of them is the NFKC of each in turn.
fn simple_nfkc(s: &str, keep: impl Fn(char) -> Option<char>) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = match c {
            '\0'..='\x7f' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' => c,
            '【' | '】' | '〔' | '〕' => c,
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0)?,
            _ => return None,
        };
        if let Some(k) = keep(n) {
            out.push(k);
        }
    }
    Some(out)
}

/// The bracket shapes a name is printed with, as `(` and `)`.
fn unify_bracket(c: char) -> char {
    match c {
        '〔' | '【' | '[' | '［' | '﹝' => '(',
        '〕' | '】' | ']' | '］' | '﹞' => ')',
        c => c,
    }
}

/// Traditional → simplified, per character.
pub fn to_simplified(s: &str) -> String {
    // Most names hold no traditional character: one bit test per character instead of a
    // binary search of the table.
    if !s.chars().any(is_traditional) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match T2S.binary_search_by_key(&c, |&(t, _)| t) {
            Ok(i) => T2S[i].1,
            Err(_) => c,
        })
        .collect()
}

/// First and last code point the traditional characters of [`T2S`] lie between.
const T2S_FIRST: u32 = 0x4e00;
const T2S_LAST: u32 = 0x9fff;

/// One bit per code point of U+4E00–U+9FFF: set when [`T2S`] has that character.
static TRADITIONAL: [u64; ((T2S_LAST - T2S_FIRST) / 64 + 1) as usize] = {
    let mut bits = [0u64; ((T2S_LAST - T2S_FIRST) / 64 + 1) as usize];
    let mut i = 0;
    while i < T2S.len() {
        let c = T2S[i].0 as u32;
        // A key outside the range stops the build.
        assert!(c >= T2S_FIRST && c <= T2S_LAST);
        let k = c - T2S_FIRST;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// Whether [`T2S`] converts `c`.
fn is_traditional(c: char) -> bool {
    let c = c as u32;
    if !(T2S_FIRST..=T2S_LAST).contains(&c) {
        return false;
    }
    let k = c - T2S_FIRST;
    TRADITIONAL[(k / 64) as usize] & (1 << (k % 64)) != 0
}

/// Steps 2 and 3 together: the form two names are compared in.
pub fn canonical(name: &str) -> String {
    to_simplified(&normalize(name))
}

/// Characters OCR takes for one another, mapped to one representative (step 4).
fn ocr_class(c: char) -> char {
    match c {
        '已' | '巳' => '己',
        '末' => '未',
        'O' | 'o' | '〇' | 'Ｏ' | '○' => '0',
        'l' | 'I' | '|' | '一' | 'i' => '1',
        '入' => '人',
        '士' => '土',
        '曰' => '日',
        '夭' => '天',
        '于' | '千' => '干',
        '力' => '刀',
        '玉' => '王',
        '戍' | '戌' => '戊',
        '兔' => '免',
        '候' => '侯',
        'S' => '5',
        'Z' => '2',
        'B' => '8',
        c => c,
    }
}

fn ocr_form(s: &str) -> String {
    s.chars().map(ocr_class).collect()
}

/// 有限责任公司 and 有限公司 are different registered names that people confuse (step 5).
/// How a registered name ends (its legal form, or the kind of body it is): a name read without
/// any of these was cut short.
const ENDS_AS_A_NAME: [&str; 12] = [
    "公司",
    "合伙)",
    "合伙）",
    "中心",
    "集团",
    "社",
    "所",
    "厂",
    "店",
    "院",
    "会",
    "局",
];

fn legal_form(s: &str) -> String {
    s.replace("有限责任公司", "有限公司")
}

fn differing(a: &str, b: &str) -> String {
    let pairs: Vec<String> = a
        .chars()
        .zip(b.chars())
        .filter(|(x, y)| x != y)
        .map(|(x, y)| format!("{x}/{y}"))
        .collect();
    pairs.join("、")
}

/// Compares `found` (as printed on a document) with `expected` (e.g. the applicant).
pub fn compare(expected: &str, found: &str) -> NameMatch {
    let (e, f) = (expected.trim(), found.trim());
    let m = |step, status, zh: String, en: String| NameMatch {
        step,
        status,
        zh,
        en,
    };
    if e == f {
        return m(
            Step::Exact,
            Status::Pass,
            format!("「{f}」与「{e}」完全一致"),
            format!("'{f}' is identical to '{e}'"),
        );
    }
    let (ne, nf) = (normalize(e), normalize(f));
    if ne == nf {
        return m(
            Step::Normalized,
            Status::Pass,
            format!("「{f}」与「{e}」仅在全半角、括号（）/()或空格上不同，规范化后一致（第2步）"),
            format!(
                "'{f}' equals '{e}' after Unicode NFKC, removing white space and unifying （）/() (step 2)"
            ),
        );
    }
    let (ce, cf) = (to_simplified(&ne), to_simplified(&nf));
    if ce == cf {
        return m(
            Step::TraditionalSimplified,
            Status::Pass,
            format!("「{f}」转为简体后与「{e}」一致（第3步，繁简转换，请留意）"),
            format!(
                "'{f}' equals '{e}' after traditional→simplified conversion (step 3; note the traditional characters)"
            ),
        );
    }
    if ce.chars().count() == cf.chars().count() && ocr_form(&ce) == ocr_form(&cf) {
        let d = differing(&cf, &ce);
        return m(
            Step::OcrConfusion,
            Status::Review,
            format!("「{f}」与「{e}」仅在 OCR 易混字（{d}）上不同（第4步），需人工核对原件"),
            format!(
                "'{f}' differs from '{e}' only in characters OCR confuses ({d}) (step 4); check the original"
            ),
        );
    }
    let (le, lf) = (legal_form(&ce), legal_form(&cf));
    if le == lf || ocr_form(&le) == ocr_form(&lf) {
        return m(
            Step::LegalForm,
            Status::Review,
            format!(
                "「{f}」与「{e}」只差「有限公司/有限责任公司」，但这是不同的登记名称（第5步），需人工核对"
            ),
            format!(
                "'{f}' and '{e}' differ only in 有限公司 vs 有限责任公司, which are different registered names (step 5); check by hand"
            ),
        );
    }
    let branch_of = |branch: &str, company: &str| {
        branch.ends_with("分公司") && branch.len() > company.len() && branch.starts_with(company)
    };
    if branch_of(&lf, &le) || branch_of(&le, &lf) {
        return m(
            Step::Branch,
            Status::Review,
            format!(
                "「{f}」与「{e}」是总公司与分公司的关系，不是同一登记主体（第5步），需人工核对"
            ),
            format!(
                "'{f}' and '{e}' are a company and its branch (分公司), not the same registered party (step 5); check by hand"
            ),
        );
    }
    // one name is the other cut short before its legal form (`…信息技术` for `…信息技术有限责任
    // 公司`): a reading that lost the name's end, not another registered name
    let cut_short = |short: &str, long: &str| {
        short.chars().count() >= 4
            && long.len() > short.len()
            && long.starts_with(short)
            && !ENDS_AS_A_NAME.iter().any(|end| short.ends_with(end))
    };
    if cut_short(&cf, &ce) || cut_short(&ce, &cf) {
        return m(
            Step::OcrConfusion,
            Status::Review,
            format!(
                "「{f}」与「{e}」开头一致，但其中一个缺少名称的结尾（如“有限公司”），可能没有读全，需核对原件"
            ),
            format!(
                "'{f}' and '{e}' start alike but one lacks a name's ending (such as 有限公司): perhaps it was not read whole; check the original"
            ),
        );
    }
    m(
        Step::Different,
        Status::Fail,
        format!("「{f}」与「{e}」不一致"),
        format!("'{f}' does not match '{e}'"),
    )
}

/// [`compare`] for a name read from a page. `ocr` is `None` for a name from a text layer, and
/// for one OCR read, the characters it read with doubt (from the host). A name that would fail
/// for one differing character is `review` instead where OCR doubted the character found, and
/// where the name OCR read is the expected one with a character missing (OCR drops a
/// character under a seal's ink or a fold). A one-character difference read surely stays
/// `fail`: it is another registered name.
pub fn compare_read(expected: &str, found: &str, ocr: Option<&str>) -> NameMatch {
    let m = compare(expected, found);
    let Some(doubtful) = ocr else {
        return m;
    };
    if m.step != Step::Different {
        return m;
    }
    let (ce, cf) = (canonical(expected.trim()), canonical(found.trim()));
    let (e, f): (Vec<char>, Vec<char>) = (ce.chars().collect(), cf.chars().collect());
    if f.len() + 1 == e.len() {
        // the one character whose removal gives the name read
        let lost = (0..e.len()).find(|&i| e[..i] == f[..i] && e[i + 1..] == f[i..]);
        return match lost {
            Some(i) => {
                let x = e[i];
                NameMatch {
                    step: Step::OcrConfusion,
                    status: Status::Review,
                    zh: format!(
                        "识别出的「{found}」比「{expected}」少一个字（{x}），可能是扫描件上漏识了这个字（第4步），需核对原件"
                    ),
                    en: format!(
                        "'{found}' as OCR read it is '{expected}' without one character ({x}): perhaps OCR lost it on the scan (step 4); check the original"
                    ),
                }
            }
            None => m,
        };
    }
    if e.len() != f.len() {
        return m;
    }
    let differing: Vec<usize> = (0..e.len()).filter(|&i| e[i] != f[i]).collect();
    match *differing.as_slice() {
        [i] if doubtful.contains(f[i]) => {
            let (x, y) = (f[i], e[i]);
            NameMatch {
                step: Step::OcrConfusion,
                status: Status::Review,
                zh: format!(
                    "「{found}」与「{expected}」只差一字（{x}/{y}），而「{x}」是识别把握不大的字，可能是同一名称被误识（第4步），需核对原件"
                ),
                en: format!(
                    "'{found}' differs from '{expected}' in one character ({x}/{y}), which OCR read with doubt: perhaps the same name misread (step 4); check the original"
                ),
            }
        }
        // a mark no name is written with (`、`, `.`, `|`) where the other has a character:
        // OCR's reading of a character under ink or a fold, not another registered name
        [i] if is_mark(f[i]) && !is_mark(e[i]) => {
            let (x, y) = (f[i], e[i]);
            NameMatch {
                step: Step::OcrConfusion,
                status: Status::Review,
                zh: format!(
                    "识别出的「{found}」在「{y}」的位置是符号「{x}」，名称中不会有这个符号，可能是扫描件上这个字没有识别出来（第4步），需核对原件"
                ),
                en: format!(
                    "'{found}' as OCR read it has the mark '{x}' where '{expected}' has '{y}': no name is written with it, so perhaps OCR did not read that character on the scan (step 4); check the original"
                ),
            }
        }
        _ => m,
    }
}

/// Whether `c` is a mark no registered name holds in its middle: punctuation and symbols
/// (a name's own brackets are compared apart, and letters and digits are a name's own).
fn is_mark(c: char) -> bool {
    !c.is_alphanumeric() && !matches!(c, '(' | ')' | '（' | '）')
}

/// Where `text` prints `name` as a name of its own: compared in the ladder's canonical form
/// with white space and line breaks ignored (a name wraps and is letter-spaced), and not
/// running on into more Chinese (`X分公司` is another party, `仅供X申报使用` a stamp of use, `出租给X使用`
/// a sentence). `[start, end)` in chars of `text`, the first such place; none for names too
/// short to be told from common words.
///
/// Why: a party read as someone else in a document that prints the applicant's own name where
/// a name stands means the reading, not the document, may be wrong, so a rule asks a person
/// instead of failing the application.
pub fn printed_standalone(text: &str, name: &str) -> Option<(usize, usize)> {
    let want: Vec<char> = canonical(name).chars().collect();
    if want.len() < 6 {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    // each kept character's canonical form, with the index of the character it came from
    let mut folded: Vec<(char, usize)> = Vec::with_capacity(chars.len());
    let mut buf = [0u8; 4];
    for (i, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        for f in canonical(c.encode_utf8(&mut buf)).chars() {
            folded.push((f, i));
        }
    }
    let han = |c: char| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}');
    (0..folded.len().checked_sub(want.len())? + 1).find_map(|k| {
        let window = &folded[k..k + want.len()];
        if window.iter().map(|(c, _)| *c).ne(want.iter().copied()) {
            return None;
        }
        let (start, end) = (window[0].1, window[want.len() - 1].1 + 1);
        let runs_on = chars.get(end).is_some_and(|&c| han(c));
        (!runs_on).then_some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_printed_as_a_name_of_its_own() {
        let a = "太原市晋阳科技有限公司";
        let at = |t: &str| printed_standalone(t, a);
        assert_eq!(at("承租方：太原市晋阳科技有限公司\n地址"), Some((4, 15)));
        // wrapped, letter-spaced, full-width brackets or traditional characters: the same name
        assert!(at("乙方（盖章）：太原市晋阳\n科技有限公司").is_some());
        assert!(at("乙方\t太原市 晋阳科技 有限公司\t").is_some());
        assert!(at("太原市晉陽科技有限公司（以下简称乙方）").is_some());
        assert!(at("甲方将房屋出租给太原市晋阳科技有限公司，租期五年").is_some());
        // running on into more Chinese: another party, a stamp of use, a sentence
        assert_eq!(at("承租方：太原市晋阳科技有限公司分公司"), None);
        assert_eq!(at("本复印件仅供太原市晋阳科技有限公司申报基地使用"), None);
        assert_eq!(at("出租给太原市晋阳科技有限公司使用"), None);
        // another name, or one too short to tell from words
        assert_eq!(at("承租方：太原市晋阳商贸有限公司"), None);
        assert_eq!(printed_standalone("甲方：王伟", "王伟"), None);
        // the second place counts when the first runs on
        let t = "仅供太原市晋阳科技有限公司使用\n乙方：太原市晋阳科技有限公司";
        assert_eq!(at(t), Some((19, 30)));
    }

    #[test]
    fn ladder_steps() {
        let a = "太原市晋阳科技有限公司";
        assert_eq!(compare(a, a).step, Step::Exact);
        assert_eq!(compare(a, "太原市 晋阳科技有限公司").step, Step::Normalized);
        assert_eq!(
            compare("山西（太原）科技有限公司", "山西(太原)科技有限公司").step,
            Step::Normalized
        );
        assert_eq!(
            compare(a, "太原市晉陽科技有限公司").step,
            Step::TraditionalSimplified
        );
        assert_eq!(
            compare("山西已知科技有限公司", "山西己知科技有限公司").step,
            Step::OcrConfusion
        );
        assert_eq!(
            compare(a, "太原市晋阳科技有限责任公司").step,
            Step::LegalForm
        );
        assert_eq!(
            compare(a, "太原市晋阳科技有限公司小店分公司").step,
            Step::Branch
        );
        assert_eq!(compare(a, "大同市云冈科技有限公司").step, Step::Different);
    }

    #[test]
    fn a_name_cut_short_before_its_legal_form_asks_a_person() {
        let applicant = "临汾市宏图双创基地信息技术有限责任公司";
        for cut in [
            "临汾市宏图双创基地信息技术",
            "临汾市宏图双创基地信息技术有限责任",
        ] {
            assert_eq!(compare(applicant, cut).status, Status::Review, "{cut}");
            assert_eq!(compare(cut, applicant).status, Status::Review, "{cut}");
        }
        // a whole name that is the start of another is another registered name
        assert_eq!(
            compare("太原市晋阳科技有限公司", "太原市晋阳科技有限公司二部").status,
            Status::Fail
        );
        assert_eq!(
            compare(applicant, "临汾市宏图科技有限公司").status,
            Status::Fail
        );
    }

    #[test]
    fn one_doubted_character_off_asks_a_person() {
        let applicant = "大同市云冈科技有限公司";
        let misread = "大同市云区科技有限公司";
        // read surely, or from a text layer: another registered name
        assert_eq!(compare_read(applicant, misread, None).status, Status::Fail);
        assert_eq!(
            compare_read(applicant, misread, Some("")).status,
            Status::Fail
        );
        assert_eq!(
            compare_read(applicant, misread, Some("科")).status,
            Status::Fail
        );
        // the differing character was doubted
        let m = compare_read(applicant, misread, Some("区"));
        assert_eq!((m.step, m.status), (Step::OcrConfusion, Status::Review));
        assert!(m.zh.contains("区/冈"), "{}", m.zh);
        // two characters off is another name however it was read
        assert_eq!(
            compare_read(applicant, "大同市云区料技有限公司", Some("区料")).status,
            Status::Fail
        );
        // a pass stays a pass
        assert_eq!(
            compare_read(applicant, applicant, Some("冈")).status,
            Status::Pass
        );
    }

    #[test]
    fn a_mark_read_in_place_of_a_character_asks_a_person() {
        let applicant = "山西省天辰（山西）孵化器管理有限责任公司";
        let read = "山西省天辰（、西）孵化器管理有限责任公司";
        // read surely by OCR: no name holds the mark, so OCR lost the character under it
        let m = compare_read(applicant, read, Some(""));
        assert_eq!((m.step, m.status), (Step::OcrConfusion, Status::Review));
        assert!(m.zh.contains("「、」"), "{}", m.zh);
        // printed so in a text layer: not the applicant's name
        assert_eq!(compare_read(applicant, read, None).status, Status::Fail);
        // a letter or a character in its place is another name
        for other in [
            "山西省天辰（A西）孵化器管理有限责任公司",
            "山西省天辰（陕西）孵化器管理有限责任公司",
        ] {
            assert_eq!(
                compare_read(applicant, other, Some("")).status,
                Status::Fail
            );
        }
        // a mark with another character off is another name too
        assert_eq!(
            compare_read(
                applicant,
                "山西省天晨（、西）孵化器管理有限责任公司",
                Some("")
            )
            .status,
            Status::Fail
        );
    }

    #[test]
    fn a_character_missing_from_an_ocr_reading_asks_a_person() {
        let applicant = "忻州市新元创业服务有限公司";
        let read = "忻州市新元业服务有限公司";
        let m = compare_read(applicant, read, Some(""));
        assert_eq!((m.step, m.status), (Step::OcrConfusion, Status::Review));
        assert!(m.zh.contains("（创）"), "{}", m.zh);
        // printed so in a text layer: another name
        assert_eq!(compare_read(applicant, read, None).status, Status::Fail);
        // a character more, or two missing, is another name
        assert_eq!(
            compare_read(applicant, "忻州市新元创创业服务有限公司", Some("")).status,
            Status::Fail
        );
        assert_eq!(
            compare_read(applicant, "忻州市新业服务有限公司", Some("")).status,
            Status::Fail
        );
    }

    #[test]
    fn the_quick_path_normalizes_like_full_nfkc() {
        let full = |s: &str| -> String {
            s.nfkc()
                .filter(|c| !c.is_whitespace())
                .map(unify_bracket)
                .collect()
        };
        for s in [
            "太原市晋阳科技有限公司",
            "山西（太原）科技有限公司",
            "晋信达专审字〔2021〕第0123号",
            "ＡＢＣ１２３ 科技",
            "㈱太原　晋阳",
            "Ⅻ号楼 101室",
            "e\u{301}cole",
            "",
        ] {
            assert_eq!(normalize(s), full(s), "{s}");
        }
        assert_eq!(normalize("ＡＢ（１）"), "AB(1)");
    }

    #[test]
    fn simple_nfkc_agrees_with_the_full_algorithm() {
        let full = |s: &str| s.nfkc().collect::<String>();
        // Every BMP character alone, after a letter and before combining marks (which
        // compose with a preceding starter): where the quick path answers, it is right.
        let mut quick = 0;
        for c in (0u32..=0xffff).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}\u{301}"),
                format!("{c}\u{3099}"),
            ] {
                if let Some(q) = simple_nfkc(&s, Some) {
                    assert_eq!(q, full(&s), "{s:?}");
                    quick += 1;
                }
            }
        }
        // ASCII and the CJK block alone, at least, take the quick path.
        assert!(quick > 2 * (128 + 0x5200), "{quick}");
        // Mixed strings, some with characters that need the tables (half-width kana and
        // their voicing mark compose; ㈱, Ⅻ and ﹝ decompose).
        let alphabet: Vec<char> = "aZ1 (（）〔】　Ａｚ０太晉㐀é\u{301}ﾊﾞ㈱Ⅻ﹝·"
            .chars()
            .collect();
        let full_normalize = |s: &str| -> String {
            s.nfkc()
                .filter(|c| !c.is_whitespace())
                .map(unify_bracket)
                .collect()
        };
        let mut seed: u64 = 0x2021_0005;
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 60) as usize;
            let s: String = (0..len)
                .map(|i| alphabet[((seed >> (i * 5 % 56)) as usize) % alphabet.len()])
                .collect();
            assert_eq!(normalize(&s), full_normalize(&s), "{s:?}");
        }
    }

    #[test]
    fn traditional_characters_are_found_by_the_bitmap() {
        for &(t, s) in T2S {
            assert!(is_traditional(t), "{t}");
            assert_eq!(to_simplified(&t.to_string()), s.to_string());
        }
        assert!(!is_traditional('太') && !is_traditional('a') && !is_traditional('\u{20000}'));
        assert_eq!(to_simplified("太原市晉陽科技"), "太原市晋阳科技");
        assert_eq!(to_simplified("太原市晋阳科技"), "太原市晋阳科技");
    }

    #[test]
    fn statuses_follow_the_ladder() {
        assert_eq!(compare("甲公司", "甲公司").status, Status::Pass);
        assert_eq!(
            compare("甲有限公司", "甲有限责任公司").status,
            Status::Review
        );
        assert_eq!(compare("甲有限公司", "乙有限公司").status, Status::Fail);
    }
}
