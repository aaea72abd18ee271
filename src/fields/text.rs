//! The text the field patterns run on: pages joined into one normalised string that remembers,
//! for every character, where on which page it was read.
//!
//! Why: labels and values are written with full- or half-width forms, OCR puts spaces between
//! Chinese characters, and a value can wrap onto the next line or page. Patterns are far simpler
//! (and a kind stays a table) when they run on one canonical text: NFKC (（→(, ：→:, ㎡→m2,
//! full-width digits → ASCII), spaces dropped except between two ASCII letters or digits, page
//! furniture (第 1 页 共 3 页) dropped, and soft line breaks (a line that ran to the margin)
//! removed while hard breaks (paragraph ends, short lines, a label starting the next line) stay
//! `\n`. The source map turns a match back into the page, the char span of that page's text,
//! the characters as written, their OCR confidence and their box.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::model::{BBox, Page, bbox_union};

/// `\p{Han}` as the ranges NFKC-folded text can hold (radicals, iteration and number marks,
/// the BMP blocks, and the supplementary planes as one range). Why: regex compiles the script's
/// two dozen scattered ranges into an automaton two to three times larger, once per bounded
/// repetition (`{2,30}`), and a `docverify check` compiles every field pattern in its own
/// process (docs/BENCHMARKS.md, "Born-digital check under 150 ms").
const HAN: &str = r"[\x{2E80}-\x{2EF3}\x{2F00}-\x{2FD5}\x{3005}\x{3007}\x{3021}-\x{3029}\x{3038}-\x{303B}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAD9}\x{20000}-\x{323AF}]";

/// Compiles a field pattern with `\p{Han}` as [`HAN`] and `\d` as `[0-9]` (NFKC has already
/// folded full-width digits; the parsers read ASCII digits only). Every regex of the field
/// stage goes through here.
pub fn regex(src: &str) -> Result<Regex, regex::Error> {
    Regex::new(&src.replace(r"\p{Han}", HAN).replace(r"\d", "[0-9]"))
}

/// Where one normalised character came from.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Src {
    /// Index into the pages given to [`Norm::build`].
    page: usize,
    /// Char index in that page's text; `None` for a synthetic line break.
    idx: Option<usize>,
}

/// Page furniture lines that never hold a value: 第 1 页 共 3 页, - 2 -, 3/5.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(第\s*\d+\s*页\s*(共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|-\s*\d+\s*-|\d+\s*/\s*\d+)$")
        .expect("static regex")
});

/// A next line starting like this begins something new (a clause, a numbered item, a label).
/// A label's colon stands outside its brackets: `凯(身份证号码:…)` continues a name that wrapped.
static STRUCTURE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(第[一二三四五六七八九十百0-9]+条|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]{1,2}[、.]([^0-9]|$)|[\p{Han}]{1,12}(?:\([^()\n]{1,16}\)[\p{Han}]{0,6}){0,2}:)",
    )
    .expect("static regex")
});

/// A document's number alone on its line (`立诚业字[2023]00511号`, `晋恒远〔2021〕0123号`, in brackets or not): its
/// own line of a title block, never the rest of the line before nor run on into the next.
static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\(?[\p{Han}]{1,12}(?:\([\p{Han}]{1,2}\))?[(\[〔【]\d{4}[)\]〕】]第?[A-Za-z0-9-]{0,14}\d号\)?$",
    )
    .expect("static regex")
});
/// A date alone on its line (`2023年1月`, `二〇二三年一月二十日`, `2023.01.20`): the date under a
/// signature or a cover's firm, never the rest of a wrapped line.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9一二三四五六七八九十]{1,3}\s*日)?|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})$",
    )
    .expect("static regex")
});
/// A letterhead's contact line (`地址:… 电话:… 邮编:030333`): it ends where it is printed.
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:邮编|邮政编码|电话|传真|联系电话|网址|邮箱|E-mail):?[0-9A-Za-z@.:/_-]+$")
        .expect("static regex")
});
/// A line that ends with a label's code (`…防伪码:1410202089118-6928`, `编号:BG2023…`, a credit
/// code or an ID number after its label with no colon: `社会信用代码9114…`): a code ends at its
/// line, and the next line is no wrap of it (a report's number line read over its salutation,
/// a party's name read after the code printed beside it, a row's label after a name with its
/// code in a bracket: `XX公司(统一社会信用代码:9114…)` / `租赁使用人`).
static LABELLED_CODE_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\p{Han}(?::\s*[0-9A-Za-z][0-9A-Za-z./-]{4,}[0-9A-Za-z]|\s*[0-9A-Z]{15,20})\)?$")
        .expect("static regex")
});

/// A line that is a label and an organisation's whole name (`致:XX有限公司`, `出租方:XX公司`):
/// it ends there even when it ran to the margin.
static LABELLED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[\p{Han}]{1,10}(?:\([\p{Han}]{1,8}\))?:[^:]{2,60}(?:公司|合伙\)|中心|集团|合作社)$")
        .expect("static regex")
});

/// A line that is an organisation's whole name and nothing else: two such lines are two cells
/// (a register's owners, a line each; a cover's addressee over its audit firm), however far the
/// first ran.
static NAME_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[\p{Han}()]{4,40}(?:有限责任公司|股份有限公司|有限公司|公司|中心|集团|合作社|事务所|合伙\))$")
        .expect("static regex")
});

/// An addressee's line that holds an organisation's whole name (and maybe its people after
/// it); one that breaks inside the name (`XX有限责` / `任公司全体股东`) still wraps.
static ADDRESSEE_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:公司|中心|集团|合作社|合伙\))[\p{Han}、]{0,12}$").expect("static regex")
});

/// A line that opens with a party whose role the bracket after its name gives (`XX有限公司
/// (承租方,下称乙方)`, `张三(出租方,下称甲方)`): a party block's next entry, never the tail of
/// the line before, however far that line ran (a party's code and address fill it to the
/// margin). An organisation's name must start with its place (a province, city or county: a
/// wrapped name's tail does not). A short name alone in the bracket (`YY(以下简称乙方)`) does not
/// count: a sentence wraps before such a name (`…出租给` / `YY(以下简称乙方)使用`), and the clause
/// across the break is what says who lets.
static PARTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:(?:中国|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|[\p{Han}]{2,3}(?:省|市|自治区|县))[\p{Han}()]{2,40}?(?:公司|中心|集团|合作社|联合社|事务所|合伙\))\((?:出租|承租|转租|次承租|分租|产权|使用)[方人]|[\p{Han}]{2,4}\((?:出租|承租|转租|次承租|分租|产权)[方人])",
    )
    .expect("static regex")
});

/// A line that ends inside a bracket the next line closes within a few characters
/// (`XX公司(出租方,下称甲` / `方)`): one line wrapped, however short it was printed.
fn bracket_goes_on(prev: &str, next: &str) -> bool {
    let depth = prev.chars().fold(0i32, |d, c| match c {
        '(' => d + 1,
        ')' => d - 1,
        _ => d,
    });
    depth > 0
        && next
            .chars()
            .take(8)
            .position(|c| c == ')')
            .is_some_and(|at| !next.chars().take(at).any(|c| c == '('))
}

/// A code wrapped in a narrow box: broken at one of its hyphens (`码:2023` / `-023550-421956`),
/// or a labelled code's digits running on (`码:14202` / `343470814` / `9123049`, `in_run` when
/// the line before was such a rest). The next line is the rest of the code and nothing else,
/// however short the line before.
fn code_goes_on(prev: &str, next: &str, in_run: bool) -> bool {
    let code_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let (Some(last), Some(first)) = (prev.chars().last(), next.chars().next()) else {
        return false;
    };
    let head = prev.trim_end_matches(code_char);
    let run = &prev[head.len()..];
    // (a code cut short on its line and printed whole on the next is no wrap: `码:J2023…` /
    // `J2023…89012`)
    !next.starts_with(run)
        && next.chars().all(code_char)
        && next.chars().filter(char::is_ascii_digit).count() >= 2
        && run.chars().filter(char::is_ascii_alphanumeric).count() >= 2
        && ((last.is_ascii_alphanumeric() && first == '-' && next.len() > 1)
            || (last == '-' && first.is_ascii_alphanumeric())
            || (last.is_ascii_alphanumeric()
                && first.is_ascii_alphanumeric()
                && (in_run || head.trim_end().ends_with(':'))))
}

/// A CJK unified ideograph (the characters of names, labels and clauses).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Only Chinese characters (true for the empty string).
pub fn all_han(s: &str) -> bool {
    s.chars().all(is_han)
}

/// A person's name as written in a contract: two to four Chinese characters, led by a
/// surname. Without the surname, a seal's fragment (`限公`) or a row's label (`签署日期`) in a
/// table cell would read as a person.
pub fn person_name(s: &str) -> bool {
    (2..=4).contains(&s.chars().count())
        && all_han(s)
        && led_by_surname(s)
        && !NOT_A_PERSON.is_match(s)
}

/// Words a form's cells and labels hold that no one's given name does (`单位名称`, `单独所有`,
/// `董事会`, `房屋坐落`), though their first character is a surname.
static NOT_A_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    regex("公司|单位|盖章|签章|签字|名称|所有|共有|代码|号码|地址|住所|期限|日期|坐落|权利|董事|管理|代理|信息|类型|用途|面积|执照|证件|国有|商品|商业|房屋|房产|车库|单独|查封|专用|等$")
        .expect("static regex")
});

/// Single-character surnames in use today (the several hundred commonest, simplified forms and
/// the traditional forms OCR or old documents give).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周洪赖徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由郦滑甯隗蹇逄冒过眭充鄂訾蓟暴苻钮荀续融雒缑璩酆郗禄习勇逢校拜蔚靖钭营黑代台牧贝从陳張劉楊黃趙吳鄭謝馮鄧蕭許韓蔣葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔錢嚴湯溫聶魯歐關蘭喬龐顏羅孫馬萬衛閻賴紀華藍鄺駱饒麥邊";

/// Surnames of two characters.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "申屠", "太史",
    "闻人", "万俟", "钟离", "宗政", "濮阳", "淳于", "单于", "公冶", "赫连", "第五", "拓跋", "完颜",
];

/// Whether `s` starts with a surname.
fn led_by_surname(s: &str) -> bool {
    s.chars().next().is_some_and(|c| SURNAMES.contains(c))
        || COMPOUND_SURNAMES.iter().any(|c| s.starts_with(c))
}

/// A label cell too narrow for its label wraps it (`不动产单` / `元号`): the two lines are one
/// when neither part is a label alone and together they make one.
fn wrapped_label(prev: &str, next: &str, is_label_start: &dyn Fn(&str) -> bool) -> bool {
    // a role in brackets wraps too (`甲方(转租单` / `位)`)
    let short = |s: &str| {
        (1..=8).contains(&s.chars().count()) && s.chars().all(|c| is_han(c) || c == '(' || c == ')')
    };
    if short(prev) && short(next) {
        return !is_label_start(prev)
            && !is_label_start(next)
            && is_label_start(&format!("{prev}{next}"));
    }
    // …and a label whose tail wraps with its colon and value (`统一监管` / `码:2023…`), the
    // label perhaps led by a word of the cell's own (统一): the tail and the line before make
    // a label that ends at the colon
    let Some((tail, _)) = next.split_once(':') else {
        return false;
    };
    short(prev)
        && tail.chars().count() <= 4
        && short(tail)
        && !is_label_start(next)
        && prev
            .char_indices()
            .map(|(i, _)| &prev[i..])
            .any(|head| !is_label_start(head) && is_label_start(&format!("{head}{tail}:")))
}

/// OCR reads a wrapped label cell as the label's head followed by the row's value, then the
/// label's tail as a line of its own (`不动产单 1401…` / `元号`). Returns the byte length of
/// `line`'s head (two to eight Chinese characters) that makes one label with `tail` (one to
/// four), as `is_label` judges the joined text. Used here to keep the tail from being taken
/// as a wrap of the value, and by the engine to read the head as the label.
pub fn label_head(line: &str, tail: &str, is_label: &dyn Fn(&str) -> bool) -> Option<usize> {
    if !(1..=4).contains(&tail.chars().count()) || !all_han(tail) {
        return None;
    }
    line.char_indices()
        .skip(2)
        .take(7)
        .map(|(i, _)| i)
        .find(|&i| all_han(&line[..i]) && is_label(&format!("{}{tail}", &line[..i])))
}

/// One normalised, joined text over a run of pages.
#[derive(Debug, Clone)]
pub struct Norm {
    /// The normalised text: hard line breaks are `\n`, soft ones removed.
    pub text: String,
    /// Byte offset in `text` of each normalised char (plus the end).
    offsets: Vec<usize>,
    /// Source of each normalised char.
    src: Vec<Src>,
    /// Page numbers (1-based, as in the upload) of the pages, by index.
    page_numbers: Vec<u32>,
    /// Chars of each page's original text.
    page_chars: Vec<Vec<char>>,
    /// Per page: confidence of each original char (from spans, else the page confidence).
    char_conf: Vec<Vec<f32>>,
    /// Per page: positioned spans (start, end, bbox) to find boxes, as printed (evidence).
    spans: Vec<Vec<(usize, usize, BBox)>>,
    /// Per page: which way its text runs on it (a page OCR read turned a quarter or upside
    /// down keeps its boxes as on the page; rows and columns are compared in the frame the
    /// text reads in, `place`).
    turn: Vec<ReadingTurn>,
    /// Per page: how far its printed rows climb (negative) or fall per page width, as a scan
    /// fed askew gives them; 0 for a text layer. Places compared across a row are levelled
    /// by it (`place`); evidence keeps the boxes as on the page.
    slope: Vec<f32>,
    /// Per page: its text came from OCR (which cannot tell `(` from `（`).
    page_ocr: Vec<bool>,
    /// Byte offsets in `text` where a soft line break was removed (a wrapped line goes on
    /// there), in order: a labelled value that is already whole ends there all the same.
    pub soft_breaks: Vec<usize>,
}

/// Display width of a char: CJK and full-width count two, ASCII one.
fn char_width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// True for characters kept with a space between them (English words, numbers in a table row).
fn keeps_space(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// A normalised line with the page-char index of each normalised char.
struct Line {
    chars: Vec<(char, usize)>,
    width: usize,
    /// The line is a cell of a table row (tab-separated): the break after it is hard.
    cell_end: bool,
    /// OCR left an empty line before this one (a gap wider than line spacing, which a
    /// wrapped line never has; text layers space every line so, and do not count), or the
    /// line opens a list's item with a bullet: no line before runs into it.
    after_gap: bool,
    /// Where the line is printed, when the page places its text.
    bbox: Option<BBox>,
}

/// Whether two boxes share some of their width: printed in one column (one over the other),
/// not side by side. The layout readers ask this of lines, cells and words alike.
pub fn share_column(a: &BBox, b: &BBox) -> bool {
    a[2].min(b[2]) > a[0].max(b[0])
}

/// `next` is printed beside `prev` on the same row (another cell of a table), not under it
/// as a wrapped line is.
fn beside(prev: &BBox, next: &BBox) -> bool {
    let h = (prev[3] - prev[1]).min(next[3] - next[1]);
    let overlap = prev[3].min(next[3]) - prev[1].max(next[1]);
    overlap > 0.5 * h && next[0] >= prev[2] - 0.5 * h
}

/// `next` is the next character of a number printed one character a box (`运房权证字第` | `5` |
/// `5` | … | `号`): a single digit or letter (or the number's 号 after its digits) right beside
/// `prev` on its row, where `prev` is the 第 or 字 that leads a number or, `in_run`, a box of the
/// same number. The pieces are one number, joined without a break. (Two narrow cells side by
/// side, `3` | `6`, are no such run: nothing leads them.)
fn boxed_character(prev: &str, next: &str, in_run: bool, pbox: &BBox, nbox: &BBox) -> bool {
    let mut chars = next.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    let last = prev.chars().next_back();
    let leads = last.is_some_and(|p| p == '第' || p == '字');
    let boxed = in_run && prev.chars().count() == 1;
    let follows = match c {
        '号' => boxed && last.is_some_and(|p| p.is_ascii_digit()),
        c if c.is_ascii_alphanumeric() => {
            leads || (boxed && last.is_some_and(|p| p.is_ascii_alphanumeric()))
        }
        _ => false,
    };
    let h = (pbox[3] - pbox[1]).max(nbox[3] - nbox[1]);
    follows && beside(pbox, nbox) && nbox[0] - pbox[2] < 2.0 * h
}

/// Whether a line is a piece of a word printed downwards (`出` / `租` / `方` in the merged
/// cell at the left of a party's rows): one CJK character or bracket, or several that OCR
/// read down a box taller than wide, with its place.
fn vertical_piece(line: &Line) -> Option<BBox> {
    let b = line.bbox?;
    let n = line.chars.len();
    let cjk = line
        .chars
        .iter()
        .all(|(c, _)| is_han(*c) || "()".contains(*c));
    (cjk && (n == 1 || (n <= 8 && b[3] - b[1] > 1.2 * (b[2] - b[0])))).then_some(b)
}

/// A form printed in two columns of labelled cells (`【坐落】…150号` beside `【面积】…`) that OCR
/// reads row by row: a cell that wraps goes on in the same column of the next row, a cell
/// with no label of its own (`号科技创新城8号楼…` under `【坐落】…`). Such a cell is joined to
/// the labelled value above it, so each column's value is read whole; cells under a label
/// alone (a table's header) or under no label (a table of figures) stay as they are.
/// `cells` holds each line's (row, cell) when its row is tab-separated.
fn wrapped_cells(
    lines: &mut Vec<Line>,
    cells: &[Option<(usize, usize)>],
    is_label_start: &dyn Fn(&str) -> bool,
) {
    let text = |l: &Line| -> String { l.chars.iter().map(|c| c.0).collect() };
    let labelled = |t: &str| t.starts_with('【') || is_label_start(t);
    let mut keep = vec![true; lines.len()];
    for j in 0..lines.len() {
        let Some((row, cell)) = cells[j] else {
            continue;
        };
        if labelled(&text(&lines[j])) {
            continue;
        }
        // the cell of the same column in the row just before, labelled
        let Some(i) = (0..j)
            .rev()
            .find(|&i| keep[i] && cells[i].is_some_and(|(r, c)| r + 1 == row && c == cell))
        else {
            continue;
        };
        // (a label alone over it heads a table's column: the cell is its value, read so)
        let above = text(&lines[i]);
        if !labelled(&above)
            || above
                .split_once(':')
                .is_none_or(|(_, v)| v.trim().is_empty())
        {
            continue;
        }
        let moved = std::mem::take(&mut lines[j].chars);
        let (width, bbox) = (lines[j].width, lines[j].bbox);
        let above = &mut lines[i];
        above.chars.extend(moved);
        above.width += width;
        above.bbox = match (above.bbox, bbox) {
            (Some(a), Some(b)) => Some(bbox_union(a, b)),
            (a, b) => a.or(b),
        };
        keep[j] = false;
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Joins the characters of a word printed downwards into one line, read where the rows it
/// heads begin. A form's merged cell names the role of the rows at its right one character
/// a line (`出` / `租` / `方` beside 姓名 | X, 身份证号码 | …), and a text layer or OCR gives the
/// characters wherever their cell falls in its order, often after the rows or between their
/// cells; read so, no line says whose rows they are.
///
/// Characters are one word when they stand in one column, each right under the one before
/// (a gap of at most half a character: a table's rows of single characters, such as units,
/// stand further apart). The word is centred on its cell, so the rows it heads lie within
/// half the distance to the next word of its column (or its own height, alone), short of the
/// border between the cells; it is read before the first line of its table at its right
/// (not a number printed at the far side of the page) whose middle lies there.
fn read_vertical_words(lines: &mut Vec<Line>) {
    let mut pieces: Vec<(usize, BBox)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| vertical_piece(l).map(|b| (i, b)))
        .collect();
    if pieces.is_empty() {
        return;
    }
    pieces.sort_by(|a, b| a.1[1].total_cmp(&b.1[1]));
    // (members by index, union box), in the order their first characters were found
    let mut words: Vec<(Vec<usize>, BBox)> = Vec::new();
    let mut used = vec![false; pieces.len()];
    for s in 0..pieces.len() {
        if used[s] {
            continue;
        }
        used[s] = true;
        let mut members = vec![pieces[s].0];
        let mut last = pieces[s].1;
        let mut union = last;
        for t in s + 1..pieces.len() {
            let b = pieces[t].1;
            // a character's size is the column's width (a piece may be several high)
            let w = (last[2] - last[0]).min(b[2] - b[0]);
            let h = (last[2] - last[0]).max(b[2] - b[0]);
            let overlap = last[2].min(b[2]) - last[0].max(b[0]);
            let gap = b[1] - last[3];
            if used[t] || overlap < 0.5 * w || b[1] < last[1] + 0.5 * h {
                continue;
            }
            if gap > 0.5 * h {
                break;
            }
            used[t] = true;
            members.push(pieces[t].0);
            last = b;
            union = bbox_union(union, b);
        }
        let chars: usize = members.iter().map(|&i| lines[i].chars.len()).sum();
        if (2..=8).contains(&chars) {
            words.push((members, union));
        }
    }
    if words.is_empty() {
        return;
    }
    let centre = |b: &BBox| (b[1] + b[3]) / 2.0;
    // the reach of each word: half the way to the nearest word of its column, else its height
    let reach: Vec<f32> = words
        .iter()
        .map(|(_, w)| {
            words
                .iter()
                .filter(|(_, o)| o != w && share_column(w, o))
                .map(|(_, o)| (centre(o) - centre(w)).abs() / 2.0)
                .reduce(f32::min)
                .unwrap_or(w[3] - w[1])
        })
        .collect();
    let mut merged: Vec<(usize, Line)> = Vec::new();
    let mut taken = vec![false; lines.len()];
    for ((members, union), reach) in words.iter().zip(&reach) {
        let mut chars = Vec::new();
        let mut width = 0;
        for &i in members {
            taken[i] = true;
            chars.extend(lines[i].chars.iter().copied());
            width += lines[i].width;
        }
        let c = centre(union);
        let before = lines.iter().enumerate().position(|(i, l)| {
            !members.contains(&i)
                && l.bbox.is_some_and(|b| {
                    b[0] >= union[2] - 0.25 * (union[2] - union[0])
                        && b[0] - union[2] < 0.3
                        && (centre(&b) - c).abs() < 0.9 * reach
                })
        });
        let line = Line {
            chars,
            width,
            cell_end: true,
            after_gap: true,
            bbox: Some(*union),
        };
        merged.push((before.unwrap_or(members[0]), line));
    }
    let old = std::mem::take(lines);
    for (i, line) in old.into_iter().enumerate() {
        for (_, word) in merged.extract_if(.., |(at, _)| *at == i) {
            lines.push(word);
        }
        if !taken[i] {
            lines.push(line);
        }
    }
}

/// The words a clause goes on with after its subject (`出租方 应保证…`, `运营单位 负责…`): what
/// follows a label so is no value of it.
const CLAUSE_WORDS: [&str; 15] = [
    "应", "须", "需", "同意", "将", "按", "负责", "承诺", "承担", "的", "不", "可以", "已", "是",
    "系",
];

/// Circled and bracketed numbers (①-⑳, ⑴-⒇) that number a form's rows.
const ROW_NUMBER: std::ops::RangeInclusive<char> = '\u{2460}'..='\u{2487}';
/// Bullets that open a list's item (`◆ 房屋地址:…`): like a row's number, no character of the
/// item's label, and the item starts its own line.
const BULLETS: &[char] = &[
    '◆', '◇', '●', '■', '▪', '•', '►', '▶', '❖', '➢', '➤', '✦', '◎', '※',
];

/// Leader dots between a form's label and its value: a wide gap, as two spaces are.
const LEADER_DOTS: [char; 2] = ['…', '⋯'];

/// Normalises one line of a page; `is_label` says whether a text is a label alone. A wide
/// gap (two spaces or more, or an ideographic space) right after a label stands for its
/// colon, as the gap between a form's label cell and its value does (`甲方（出租方）　　XX`).
fn normalise_line(
    chars: &[char],
    start: usize,
    end: usize,
    is_label: &dyn Fn(&str) -> bool,
) -> Line {
    let mut out: Vec<(char, usize)> = Vec::new();
    let mut pending_space: Option<usize> = None;
    let mut gap_width = 0;
    // wide gaps: where in `out` the next cell starts, and the gap's first char
    let mut gaps: Vec<(usize, usize)> = Vec::new();
    // …and the narrow ones (a single space)
    let mut narrow: Vec<(usize, usize)> = Vec::new();
    let mut width = 0;
    let mut bulleted = false;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        width += char_width(c);
        // a seal's star, read by OCR where the seal sits on a signature line, is no character
        // of any value
        // a form's row number before its label (`③坐落`, `④不动产单元号`) is no character of
        // the label nor of the value before it (NFKC would make it a digit)
        if out.is_empty() && ROW_NUMBER.contains(&c) {
            continue;
        }
        // (a form's ticked box before a party's role, `■出租人` beside `□承租人`, is the option
        // chosen, no bullet)
        if out.is_empty() && BULLETS.contains(&c) && !ticks_a_role(&chars[i + 1..end]) {
            bulleted = true;
            continue;
        }
        // a leader's dots between a form's label and its value (`权利人……… XX`) are its gap
        if c.is_whitespace() || matches!(c, '★' | '☆') || LEADER_DOTS.contains(&c) {
            if !out.is_empty() && pending_space.is_none() {
                pending_space = Some(i);
                gap_width = 0;
            }
            gap_width += if c == '\u{3000}' || LEADER_DOTS.contains(&c) {
                2
            } else {
                1
            };
            continue;
        }
        let mut mapped: Vec<char> = std::iter::once(c).nfkc().collect();
        // NFKC leaves a few look-alikes that documents use interchangeably.
        for m in mapped.iter_mut() {
            *m = match *m {
                '\u{2014}' | '\u{2015}' | '\u{2013}' | '\u{2012}' | '\u{FE58}' => '—',
                '\u{3000}' => ' ',
                '\u{25CB}' => '〇',
                x => x,
            };
        }
        if let Some(sp) = pending_space.take() {
            if gap_width >= 2 {
                gaps.push((out.len(), sp));
            } else {
                narrow.push((out.len(), sp));
            }
            if let (Some(&(prev, _)), Some(&next)) = (out.last(), mapped.first())
                && keeps_space(prev)
                && keeps_space(next)
            {
                out.push((' ', sp));
            }
        }
        for m in mapped {
            if m.is_whitespace() {
                continue;
            }
            out.push((m, i));
        }
    }
    // A gap after the whole line's label (no colon in it yet: `租出方:余晨　代表` has its
    // label) is its colon, unless the next cell is a label too (`出租方　　承租方`: a
    // header row).
    let cell = |out: &[(char, usize)], a: usize, b: usize| -> String {
        out[a..b]
            .iter()
            .map(|c| c.0)
            .filter(|c| *c != ' ')
            .collect()
    };
    // A gap before a labelled value of its own (`甲方(出租人):XX公司　　乙方(承租人):YY公司`)
    // keeps a space: the next label starts there, and no label reaches back over it into
    // the value before (`有限公司乙方(承租人):` is no label).
    let mut marks = Vec::new();
    for (k, &(at, sp)) in gaps.iter().enumerate() {
        let before = cell(&out, 0, at);
        let next_end = gaps.get(k + 1).map_or(out.len(), |g| g.0);
        let next = cell(&out, at, next_end);
        if !before.contains(':') && is_label(&before) && !is_label(&next) {
            marks.push((at, (':', sp)));
        } else if before.contains(':')
            && !before.ends_with(':')
            && next.contains(':')
            && is_label(&next)
        {
            marks.push((at, (' ', sp)));
        }
    }
    // OCR may read a label cell and its value close together, a single space apart (`次承租人
    // 忻州市…公司`): the line's only gap, after a whole label of three characters or more, is
    // its colon too (a letter-spaced line has many gaps); not before a clause (`出租方 应保证…`,
    // a text layer's bold role word a span of its own).
    if let ([], [(at, sp)]) = (gaps.as_slice(), narrow.as_slice()) {
        let before = cell(&out, 0, *at);
        let next = cell(&out, *at, out.len());
        if before.chars().count() >= 3
            && next.chars().count() >= 2
            && next.chars().next().is_some_and(is_han)
            && !CLAUSE_WORDS.iter().any(|w| next.starts_with(w))
            && !next.contains([':', ',', '。', ';'])
            && !before.contains(':')
            && is_label(&before)
            && !is_label(&next)
        {
            marks.push((*at, (':', *sp)));
        }
    }
    for (at, mark) in marks.into_iter().rev() {
        out.insert(at, mark);
    }
    drop_english_gloss(&mut out);
    addressee_word_to_zhi(&mut out);
    position_after_party_noun(&mut out);
    lettered_positions(&mut out);
    ordinal_positions(&mut out);
    leaders_to_colon(&mut out);
    definition_to_colon(&mut out);
    bracketed_label_to_colon(&mut out, is_label);
    Line {
        chars: out,
        width,
        cell_end: false,
        after_gap: bulleted,
        bbox: None,
    }
}

/// A label set in heavy brackets at the line's start, its value after it (`【出租方】XX公司`): the
/// brackets are the label's colon. A bracketed heading alone on its line (`【合同双方】`) stays.
fn bracketed_label_to_colon(line: &mut Vec<(char, usize)>, is_label: &dyn Fn(&str) -> bool) {
    if !matches!(line.first(), Some(('【', _))) {
        return;
    }
    let Some(close) = line.iter().position(|&(c, _)| c == '】') else {
        return;
    };
    let inner: String = line[1..close].iter().map(|c| c.0).collect();
    if !(2..=10).contains(&inner.chars().count()) || close + 1 >= line.len() || !is_label(&inner) {
        return;
    }
    line[close].0 = ':';
    line.remove(0);
}

/// Forms and certificates join a label to its value with dot leaders (`权利人………X`,
/// `坐落·······Y`, `用途____Z`). A run of two or more after a short label at the line's start,
/// with a value after it, is the label's colon (an ellipsis in a sentence stays); a line of
/// leaders alone (`权利人` / `…………` / `X` in a text layer) is no line.
fn leaders_to_colon(line: &mut Vec<(char, usize)>) {
    let is_leader = |c: char| matches!(c, '.' | '…' | '⋯' | '·' | '_' | '‥');
    let Some(start) = line.iter().position(|&(c, _)| is_leader(c)) else {
        return;
    };
    let end = start
        + line[start..]
            .iter()
            .take_while(|&&(c, _)| is_leader(c))
            .count();
    // a line of leaders alone (a text layer sets them apart from label and value) separates
    // them and holds nothing
    if start == 0 && end == line.len() && end >= 2 {
        line.clear();
        return;
    }
    let label = &line[..start];
    if end - start < 2
        || end == line.len()
        || label.is_empty()
        || label.len() > 12
        || !label
            .iter()
            .all(|&(c, _)| is_han(c) || matches!(c, '(' | ')'))
    {
        return;
    }
    let at = line[start].1;
    line.splice(start..end, std::iter::once((':', at)));
}

/// A definitions article gives each defined word its value (`1.1 “租期开始日”指2019年6月15日。`,
/// `“出租人”系指XX公司`): the quoted word is a label, read as `租期开始日:指…` so the value is a
/// labelled line's. Only a short word at the line's start (after its clause number) is taken.
fn definition_to_colon(line: &mut Vec<(char, usize)>) {
    let is_number = |c: char| c.is_ascii_digit() || matches!(c, '.' | '(' | ')' | '、' | ' ');
    let open = line.iter().take_while(|&&(c, _)| is_number(c)).count();
    if open > 6 || !matches!(line.get(open), Some(('“' | '"' | '「' | '『' | '‘', _))) {
        return;
    }
    let Some(close) = line[open + 1..]
        .iter()
        .position(|&(c, _)| matches!(c, '”' | '"' | '」' | '』' | '’'))
        .map(|k| open + 1 + k)
    else {
        return;
    };
    let word = &line[open + 1..close];
    if !(2..=12).contains(&word.len()) || !word.iter().all(|&(c, _)| is_han(c)) {
        return;
    }
    let means = match (line.get(close + 1), line.get(close + 2)) {
        (Some(('指', _)), _) => 1,
        (Some(('系' | '是', _)), Some(('指', _))) => 2,
        _ => return,
    };
    if close + 1 + means >= line.len() {
        return;
    }
    // (`指` stays after the colon: the readers of definitions look for `:指`)
    let at = line[close].1;
    line.splice(close..close + means, std::iter::once((':', at)));
    line.remove(open);
}

/// Words a letter or a report sends itself to its addressee with, at a line's start before a
/// colon (`报送:XX公司董事会`, `本报告致送:XX公司`, `主送:`).
const ADDRESSEE_WORDS: &[&str] = &[
    "本报告致送",
    "本报告送达",
    "本报告报送",
    "报告致送",
    "报告报送",
    "致送",
    "报送",
    "呈送",
    "呈报",
    "主送",
    "送达",
    "递送对象",
    "报送对象",
    "致送对象",
    "送达对象",
];

/// Any of those words is the salutation's 致: one word for every reader of the addressee (the
/// line after a 致: of its own, `致:XX公司全体股东`). Not where the word goes on (`报送单位:` is
/// who sends).
fn addressee_word_to_zhi(line: &mut Vec<(char, usize)>) {
    for word in ADDRESSEE_WORDS {
        let n = word.chars().count();
        if line.len() > n && line[..n].iter().map(|c| c.0).eq(word.chars()) && line[n].0 == ':' {
            let at = line[0].1;
            line.splice(..n, [('致', at)]);
            return;
        }
    }
}

/// Nouns for "a party to the contract" that a position letter may follow (`立约人甲`,
/// `当事人乙方`).
const PARTY_NOUNS: &[&str] = &[
    "合同当事人",
    "立合同人",
    "当事人",
    "立约人",
    "立约方",
    "签约人",
    "签约方",
    "合同方",
];

/// A position written after a noun for a party (`立约人甲`, `立约人乙方`, `当事人丙`) is the
/// position 甲方/乙方/丙方 that every label and clause reads: the noun adds nothing, and the
/// bare letter (`立约人甲同意将…租给立约人乙`) would otherwise name no one.
fn position_after_party_noun(line: &mut Vec<(char, usize)>) {
    let mut i = 0;
    while i < line.len() {
        let noun = PARTY_NOUNS.iter().find_map(|noun| {
            let n = noun.chars().count();
            let hit = line.len() > i + n
                && line[i..i + n].iter().map(|c| c.0).eq(noun.chars())
                && matches!(line[i + n].0, '甲' | '乙' | '丙')
                // (`当事人甲乙双方` names both)
                && !matches!(line.get(i + n + 1), Some(('乙' | '丙', _)));
            hit.then_some(n)
        });
        let Some(n) = noun else {
            i += 1;
            continue;
        };
        let (position, at) = line[i + n];
        // a following 方 is the position's own; anything else (`甲同意`) is the clause's
        let end = if matches!(line.get(i + n + 1), Some(('方', _))) {
            i + n + 2
        } else {
            i + n + 1
        };
        let start_at = line[i].1;
        line.splice(i..end, [(position, start_at), ('方', at)]);
        i += 2;
    }
}

/// The characters after which 方 starts another word (`方案`, `方式`, `方面`), not a position's.
const FANG_STARTS_A_WORD: &str = "案式向法面位形块针";

/// Positions lettered A方 and B方 (`以下简称A方`, `B方租用后…`) are 甲方 and 乙方, so every label
/// and clause reads them; a letter inside a word of letters (`FZA方`), or a 方 that starts
/// another word (`A方案`), is none.
fn lettered_positions(line: &mut [(char, usize)]) {
    for i in 0..line.len().saturating_sub(1) {
        let position = match line[i].0 {
            'A' | 'Ａ' => '甲',
            'B' | 'Ｂ' => '乙',
            _ => continue,
        };
        let lone = i == 0 || !line[i - 1].0.is_ascii_alphanumeric();
        let word_after = line
            .get(i + 2)
            .is_some_and(|c| FANG_STARTS_A_WORD.contains(c.0));
        if lone && line[i + 1].0 == '方' && !word_after {
            line[i].0 = position;
        }
    }
}

/// Whether a line's text after a box-shaped mark is a party's role, the mark being the box
/// ticked on a form (`■出租人`, `■承租人`), not a list's bullet.
fn ticks_a_role(rest: &[char]) -> bool {
    const ROLES: [&str; 8] = [
        "出租人",
        "出租方",
        "承租人",
        "承租方",
        "转租人",
        "转租方",
        "次承租人",
        "次承租方",
    ];
    let rest: String = rest.iter().take(4).collect();
    ROLES.iter().any(|r| rest.starts_with(r))
}

/// Positions counted (`第一方`, `第二方`, as forms drawn after Hong Kong's do) are 甲方 and 乙方,
/// as lettered ones are; a 方 that starts another word (`第一方面`, `第二方案`) is none.
fn ordinal_positions(line: &mut Vec<(char, usize)>) {
    let mut i = 0;
    while i + 2 < line.len() {
        let position = match (line[i].0, line[i + 1].0, line[i + 2].0) {
            ('第', '一', '方') => '甲',
            ('第', '二', '方') => '乙',
            _ => {
                i += 1;
                continue;
            }
        };
        let word_after = line
            .get(i + 3)
            .is_some_and(|c| FANG_STARTS_A_WORD.contains(c.0));
        if !word_after {
            let at = line[i].1;
            line.splice(i..i + 2, [(position, at)]);
        }
        i += 1;
    }
}

/// Bilingual forms gloss a label in English (`出租方 Lessor:`, `统一社会信用代码 USCC:`, a
/// cell `起始日 Commencement`, `(盖章 Seal)`, `合同编号 Contract No.:`): the gloss is dropped so
/// the Chinese label meets its colon, its bracket or its cell's end. A gloss follows Chinese
/// (or a closing bracket) and runs to a colon, a bracket or the line's end; English elsewhere
/// (a value, a name's `Co., Ltd.`, a line all in English) stays.
fn drop_english_gloss(line: &mut Vec<(char, usize)>) {
    let is_gloss =
        |c: char| matches!(c, 'A'..='Z' | 'a'..='z' | ' ' | '.' | '/' | '\'' | '-' | '&');
    let mut i = 0;
    while i < line.len() {
        let starts = i > 0 && !is_gloss(line[i - 1].0) && is_gloss(line[i].0);
        if !starts || !(is_han(line[i - 1].0) || line[i - 1].0 == ')') {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < line.len() && is_gloss(line[end].0) {
            end += 1;
        }
        let letters = line[i..end]
            .iter()
            .filter(|(c, _)| c.is_ascii_alphabetic())
            .count();
        let closes = end == line.len() || matches!(line[end].0, ':' | '(' | ')');
        if letters >= 2 && closes {
            line.drain(i..end);
        } else {
            i = end;
        }
    }
}

impl Norm {
    /// Joins and normalises `pages` (in order). `is_label_start` tells whether a line starts
    /// with a label of the document's kind, which makes the break before it hard.
    pub fn build(pages: &[&Page], is_label_start: &dyn Fn(&str) -> bool) -> Norm {
        let mut norm = Norm {
            text: String::new(),
            offsets: Vec::new(),
            src: Vec::new(),
            page_numbers: pages.iter().map(|p| p.number).collect(),
            page_ocr: pages
                .iter()
                .map(|p| p.text_source == crate::model::TextSource::Ocr)
                .collect(),
            page_chars: Vec::new(),
            char_conf: Vec::new(),
            spans: Vec::new(),
            turn: Vec::new(),
            slope: Vec::new(),
            soft_breaks: Vec::new(),
        };
        // (page index, line, page max width)
        let mut lines: Vec<(usize, Line)> = Vec::new();
        let mut max_width: Vec<usize> = Vec::new();
        for (pi, page) in pages.iter().enumerate() {
            let chars: Vec<char> = page.text.chars().collect();
            let mut conf = vec![page.confidence.clamp(0.0, 1.0); chars.len()];
            let mut spans = Vec::new();
            for s in &page.spans {
                let (a, b) = (s.start.min(chars.len()), s.end.min(chars.len()));
                for c in conf.iter_mut().take(b).skip(a) {
                    *c = s.confidence.clamp(0.0, 1.0);
                }
                spans.push((a, b, s.bbox));
            }
            let turn = if page.text_source == crate::model::TextSource::Ocr {
                reading_turn(&chars, &spans)
            } else {
                ReadingTurn::Upright
            };
            let reading: Vec<(usize, usize, BBox)> = spans
                .iter()
                .map(|&(a, b, bx)| (a, b, turn.apply(bx)))
                .collect();
            let slope = if page.text_source == crate::model::TextSource::Ocr {
                row_slope(&chars, &reading)
            } else {
                0.0
            };
            let mut maxw = 0;
            let mut page_lines: Vec<Line> = Vec::new();
            let mut start = 0;
            let mut row_has_cells = false;
            let ocr = page.text_source == crate::model::TextSource::Ocr;
            let mut gap = false;
            // each kept line's (row, cell) in a tab-separated row, for `wrapped_cells`
            let mut cells: Vec<Option<(usize, usize)>> = Vec::new();
            let (mut row, mut cell) = (0, 0);
            for i in 0..=chars.len() {
                // A tab separates the cells of a table row (OCR layout): each cell is a line
                // of its own, as a text layer prints it, and the break after every cell of
                // such a row is hard (the next row starts with a label cell).
                if i == chars.len() || chars[i] == '\n' || chars[i] == '\t' {
                    if start == 0 || chars.get(start - 1) == Some(&'\n') {
                        row_has_cells = chars[start..]
                            .iter()
                            .take_while(|&&c| c != '\n')
                            .any(|&c| c == '\t');
                    }
                    let mut line = normalise_line(&chars, start, i, is_label_start);
                    line.cell_end = row_has_cells;
                    line.bbox = reading
                        .iter()
                        .filter(|(a, b, _)| *a < i && start < *b)
                        .map(|s| levelled(s.2, slope))
                        .reduce(bbox_union);
                    let trimmed: String = line.chars.iter().map(|c| c.0).collect();
                    if line.chars.is_empty() {
                        gap |= ocr && i < chars.len() && chars[i] == '\n';
                    } else if !FURNITURE.is_match(&trimmed) {
                        line.after_gap |= std::mem::take(&mut gap);
                        maxw = maxw.max(line.width);
                        cells.push(row_has_cells.then_some((row, cell)));
                        page_lines.push(line);
                    }
                    if i < chars.len() && chars[i] == '\t' {
                        cell += 1;
                    } else {
                        (row, cell) = (row + 1, 0);
                    }
                    start = i + 1;
                }
            }
            wrapped_cells(&mut page_lines, &cells, is_label_start);
            read_vertical_words(&mut page_lines);
            lines.extend(page_lines.into_iter().map(|line| (pi, line)));
            max_width.push(maxw);
            norm.page_chars.push(chars);
            norm.char_conf.push(conf);
            norm.spans.push(spans);
            norm.turn.push(turn);
            norm.slope.push(slope);
        }
        // A running header (the same first line on two pages or more: the firm's letterhead,
        // the contract's title) starts its page afresh; the page before does not run into it.
        let mut firsts: Vec<String> = Vec::new();
        let mut last_page = None;
        for (pi, line) in &lines {
            if last_page != Some(*pi) {
                last_page = Some(*pi);
                firsts.push(line.chars.iter().map(|c| c.0).collect());
            }
        }
        let running_header = |text: &str| firsts.iter().filter(|f| f.as_str() == text).count() >= 2;
        // page, text, width, cell end, place
        let mut prev: Option<(usize, String, usize, bool, Option<BBox>)> = None;
        // the line after a 致: of its own names the addressee (and maybe its people) and ends
        // there, however far it ran: the body's first sentence is not its tail
        let (mut prev_is_salutation, mut prev_is_addressee) = (false, false);
        // the line before was a box of a number printed one character a box
        let mut in_boxed_run = false;
        // the line before was the rest of a wrapped code (`code_goes_on`)
        let mut in_code_run = false;
        for (pi, line) in lines {
            let text: String = line.chars.iter().map(|c| c.0).collect();
            if let Some((ppi, ptext, pwidth, pcell, pbox)) = &prev {
                let header_starts_page = *ppi != pi && running_header(&text);
                let side_by_side =
                    *ppi == pi && matches!((pbox, &line.bbox), (Some(a), Some(b)) if beside(a, b));
                let addressee_ends = prev_is_addressee && ADDRESSEE_WHOLE.is_match(ptext);
                let boxed = *ppi == pi
                    && matches!((pbox, &line.bbox), (Some(a), Some(b)) if boxed_character(ptext, &text, in_boxed_run, a, b));
                in_boxed_run = boxed;
                let code_run = *ppi == pi
                    && !line.after_gap
                    && !pcell
                    && !side_by_side
                    && !CONTACT_LINE.is_match(ptext)
                    && code_goes_on(ptext, &text, in_code_run);
                in_code_run = code_run;
                let soft = boxed
                    || (!pcell
                    && !addressee_ends
                    && !side_by_side
                    && !header_starts_page
                    && !line.after_gap
                    && !ptext.ends_with(['。', ';', '!', '?', ':'])
                    && *pwidth * 100 >= max_width[*ppi] * 80
                    && !STRUCTURE.is_match(&text)
                    && !is_label_start(&text)
                    && !LABELLED_NAME.is_match(ptext)
                    && !(NAME_ALONE.is_match(ptext) && NAME_ALONE.is_match(&text))
                    // (a salutation's line, `致:XX公司董事会`, ends with its addressee)
                    && !(ptext.starts_with("致:") && ADDRESSEE_WHOLE.is_match(ptext))
                    && !NUMBER_LINE.is_match(&text)
                    && !NUMBER_LINE.is_match(ptext)
                    && !PARTY_LINE.is_match(&text)
                    && !DATE_LINE.is_match(&text)
                    && !CONTACT_LINE.is_match(ptext)
                    && !(LABELLED_CODE_END.is_match(ptext) && text.starts_with(is_han))
                    // (cells printed side by side with a bar between them: a form's row; a
                    // bar at the line's end is a cell's border)
                    && !ptext.trim_end_matches('|').contains('|')
                    && label_head(ptext, &text, is_label_start).is_none())
                    || wrapped_label(ptext, &text, is_label_start)
                    || (!pcell && !side_by_side && bracket_goes_on(ptext, &text))
                    || code_run;
                if soft {
                    norm.soft_breaks.push(norm.text.len());
                } else {
                    let last = norm.src.last().copied().unwrap_or(Src {
                        page: pi,
                        idx: None,
                    });
                    norm.push(
                        '\n',
                        Src {
                            page: last.page,
                            idx: None,
                        },
                    );
                }
            }
            for (c, idx) in &line.chars {
                norm.push(
                    *c,
                    Src {
                        page: pi,
                        idx: Some(*idx),
                    },
                );
            }
            prev_is_addressee = prev_is_salutation;
            prev_is_salutation = text.trim() == "致:";
            prev = Some((pi, text, line.width, line.cell_end, line.bbox));
        }
        norm.offsets.push(norm.text.len());
        norm
    }

    fn push(&mut self, c: char, src: Src) {
        self.offsets.push(self.text.len());
        self.text.push(c);
        self.src.push(src);
    }

    /// Char index of a byte offset of `text`.
    fn char_at(&self, byte: usize) -> usize {
        match self.offsets.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Source chars (page index, char index) of the normalised byte range, in order, deduplicated.
    fn sources(&self, range: std::ops::Range<usize>) -> Vec<(usize, usize)> {
        let (a, b) = (self.char_at(range.start), self.char_at(range.end));
        let mut out: Vec<(usize, usize)> = Vec::new();
        for s in &self.src[a..b.min(self.src.len())] {
            if let Some(i) = s.idx
                && out.last() != Some(&(s.page, i))
            {
                out.push((s.page, i));
            }
        }
        out
    }

    /// True when any character of the byte range was read by OCR.
    pub fn from_ocr(&self, range: std::ops::Range<usize>) -> bool {
        self.sources(range)
            .into_iter()
            .any(|(p, _)| self.page_ocr.get(p).copied().unwrap_or(false))
    }

    /// The characters of the byte range as written on the page (no NFKC, spaces and line
    /// breaks that normalisation dropped stay dropped).
    pub fn original(&self, range: std::ops::Range<usize>) -> String {
        self.sources(range)
            .into_iter()
            .map(|(p, i)| self.page_chars[p][i])
            .collect()
    }

    /// Where the byte range was read: page number, char span on that page (clipped to the
    /// page where it starts), the union of the boxes of spans it touches, and the mean
    /// confidence of its characters.
    pub fn locate(&self, range: std::ops::Range<usize>) -> Located {
        let srcs = self.sources(range.clone());
        let Some(&(page, first)) = srcs.first() else {
            let c = self
                .char_at(range.start)
                .min(self.src.len().saturating_sub(1));
            let s = self
                .src
                .get(c)
                .copied()
                .unwrap_or(Src { page: 0, idx: None });
            return Located {
                page: self.page_numbers.get(s.page).copied().unwrap_or(1),
                span: [0, 0],
                bbox: None,
                confidence: 1.0,
                doubts: String::new(),
                ocr: false,
            };
        };
        let on_page: Vec<usize> = srcs.iter().filter(|s| s.0 == page).map(|s| s.1).collect();
        let last = on_page.last().copied().unwrap_or(first);
        let conf = srcs.iter().map(|&(p, i)| self.char_conf[p][i]).sum::<f32>() / srcs.len() as f32;
        let bbox = self.boxes(page, first, last, None);
        let doubts = srcs
            .iter()
            .filter(|&&(p, i)| {
                self.page_ocr.get(p).copied().unwrap_or(false) && self.char_conf[p][i] < DOUBTFUL
            })
            .map(|&(p, i)| self.page_chars[p][i])
            .filter(|c| c.is_alphanumeric())
            .collect();
        let ocr = srcs
            .iter()
            .any(|&(p, _)| self.page_ocr.get(p).copied().unwrap_or(false));
        Located {
            page: self.page_numbers[page],
            span: [first, last + 1],
            bbox,
            confidence: conf,
            doubts,
            ocr,
        }
    }
}

/// Which way a page's text runs on the page as OCR placed it: a page fed turned a quarter or
/// upside down is read upright, but its boxes stay where the page has them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ReadingTurn {
    Upright,
    /// Lines run up the page (the page turned a quarter anticlockwise): the next line is to
    /// the right.
    RunsUp,
    /// Lines run down the page (turned a quarter clockwise): the next line is to the left.
    RunsDown,
    /// Lines run right to left (upside down).
    RunsLeft,
}

impl ReadingTurn {
    /// A box (fractions of the page) in the frame the text reads in: x along the lines, y
    /// down from line to line.
    fn apply(self, b: BBox) -> BBox {
        match self {
            ReadingTurn::Upright => b,
            ReadingTurn::RunsUp => [1.0 - b[3], b[0], 1.0 - b[1], b[2]],
            ReadingTurn::RunsDown => [b[1], 1.0 - b[2], b[3], 1.0 - b[0]],
            ReadingTurn::RunsLeft => [1.0 - b[2], 1.0 - b[3], 1.0 - b[0], 1.0 - b[1]],
        }
    }
}

/// The way most of a page's lines of several characters run, from each line's first and last
/// characters' middles; upright when no line says or they disagree.
fn reading_turn(chars: &[char], spans: &[(usize, usize, BBox)]) -> ReadingTurn {
    let mut votes = [0usize; 4];
    for (a, b, _) in line_ends(chars, spans).filter(|&(.., n)| n >= 4) {
        let dx = (b[0] + b[2] - a[0] - a[2]) / 2.0;
        let dy = (b[1] + b[3] - a[1] - a[3]) / 2.0;
        let vote = if dx.abs() >= dy.abs() {
            if dx >= 0.0 { 0 } else { 3 }
        } else if dy < 0.0 {
            1
        } else {
            2
        };
        votes[vote] += 1;
    }
    let total: usize = votes.iter().sum();
    let (best, &n) = votes
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .expect("four votes");
    // (most lines, not a few: a code's caption up the margin does not turn the page)
    if total == 0 || n * 3 < total * 2 {
        return ReadingTurn::Upright;
    }
    [
        ReadingTurn::Upright,
        ReadingTurn::RunsUp,
        ReadingTurn::RunsDown,
        ReadingTurn::RunsLeft,
    ][best]
}

/// Each line's first and last boxes and how many boxes it has, over a page's spans in order:
/// what the way a page's lines run and their slope are read from.
fn line_ends(
    chars: &[char],
    spans: &[(usize, usize, BBox)],
) -> impl Iterator<Item = (BBox, BBox, usize)> {
    let mut lines: Vec<(BBox, BBox, usize)> = Vec::new();
    let mut open = false;
    let mut last_end = 0;
    for &(a, b, bx) in spans {
        // a line ends at a break or a cell's tab between this span and the one before
        if chars[last_end.min(a)..a]
            .iter()
            .any(|&c| c == '\n' || c == '\t')
        {
            open = false;
        }
        if b > a {
            match lines.last_mut() {
                Some(line) if open => {
                    line.1 = bx;
                    line.2 += 1;
                }
                _ => {
                    lines.push((bx, bx, 1));
                    open = true;
                }
            }
        }
        last_end = b;
    }
    lines.into_iter()
}

/// The slope of a page's printed rows (y per unit of x, both as fractions of the page): the
/// median over its lines of several characters, each line's from its first and last
/// characters' middles. 0 when no line says.
fn row_slope(chars: &[char], spans: &[(usize, usize, BBox)]) -> f32 {
    let mut slopes: Vec<f32> = Vec::new();
    for (a, b, _) in line_ends(chars, spans).filter(|&(.., n)| n >= 6) {
        let (ax, bx) = ((a[0] + a[2]) / 2.0, (b[0] + b[2]) / 2.0);
        if bx - ax > 0.1 {
            slopes.push(((b[1] + b[3]) - (a[1] + a[3])) / 2.0 / (bx - ax));
        }
    }
    if slopes.is_empty() {
        return 0.0;
    }
    slopes.sort_by(f32::total_cmp);
    let median = slopes[slopes.len() / 2];
    // (a level page's slopes are noise)
    if median.abs() < 0.002 { 0.0 } else { median }
}

/// A box as it would stand on the page levelled: moved up or down by the row's climb at its
/// middle, measured from the page's middle.
fn levelled(b: BBox, slope: f32) -> BBox {
    if slope == 0.0 {
        return b;
    }
    let dy = slope * ((b[0] + b[2]) / 2.0 - 0.5);
    [b[0], b[1] - dy, b[2], b[3] - dy]
}

impl Norm {
    /// Where the byte range stands on its page levelled (a skewed scan's rows made level):
    /// the place to compare with other places, for rows, columns and cells side by side.
    /// [`Norm::locate`] gives the box as printed, for evidence.
    pub fn place(&self, range: std::ops::Range<usize>) -> Option<(u32, BBox)> {
        let srcs = self.sources(range);
        let &(page, first) = srcs.first()?;
        let last = srcs
            .iter()
            .filter(|s| s.0 == page)
            .map(|s| s.1)
            .next_back()
            .unwrap_or(first);
        let slope = self.slope.get(page).copied().unwrap_or(0.0);
        let bbox = self.boxes(page, first, last, Some(slope))?;
        Some((self.page_numbers[page], bbox))
    }

    /// The union of the boxes of page `page`'s spans that touch its characters `first..=last`:
    /// as printed (`None`), or in the frame the text reads in, levelled by the page's `slope`.
    fn boxes(&self, page: usize, first: usize, last: usize, slope: Option<f32>) -> Option<BBox> {
        let turn = self.turn[page];
        self.spans[page]
            .iter()
            .filter(|&&(a, b, _)| a <= last && first < b)
            .map(|&(_, _, bx)| slope.map_or(bx, |slope| levelled(turn.apply(bx), slope)))
            .reduce(bbox_union)
    }
}

/// OCR confidence under which a character may be another one. Measured on the generated scans
/// (fixtures/cases, 53 names one character off the applicant's): the differing character was
/// read at 0.99 or more in all but two readings (0.97, 0.91), while the characters OCR got
/// wrong in names were read at 0.93 and 0.53; a name's mean confidence hides such a character.
pub const DOUBTFUL: f32 = 0.98;

/// Where a match was read (see [`Norm::locate`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub page: u32,
    pub span: [usize; 2],
    pub bbox: Option<BBox>,
    /// The letters and digits OCR read with less than [`DOUBTFUL`] confidence, in order: a
    /// name that differs from another in one of them may be the same name misread.
    pub doubts: String,
    /// Whether OCR read any of it (a name OCR read may have lost a character).
    pub ocr: bool,
    pub confidence: f32,
}

/// The first non-empty lines of a page, space-free and NFKC-normalised (for titles).
pub fn head_lines(page: &Page, n: usize) -> Vec<String> {
    let chars: Vec<char> = page.text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            let line: String = normalise_line(&chars, start, i, &|_| false)
                .chars
                .iter()
                .map(|c| c.0)
                .collect();
            if !line.is_empty() && !FURNITURE.is_match(&line) {
                out.push(line);
                if out.len() == n {
                    break;
                }
            }
            start = i + 1;
        }
    }
    out
}

/// Normalises a short string the way [`Norm`] does (for comparing names and parsing values).
pub fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            out.extend(
                normalise_line(&chars, start, i, &|_| false)
                    .chars
                    .iter()
                    .map(|c| c.0),
            );
            start = i + 1;
        }
    }
    out
}

/// The 第 N 页 (共 M 页) footer of a page, when printed: (N, M).
pub fn page_footer(page: &Page) -> Option<(u32, Option<u32>)> {
    static FOOT: LazyLock<Regex> =
        LazyLock::new(|| regex(r"^第(\d+)页(?:共(\d+)页)?$").expect("static regex"));
    page.text.lines().rev().take(4).find_map(|l| {
        let n = normalise(l);
        FOOT.captures(&n).map(|c| {
            (
                c[1].parse().unwrap_or(0),
                c.get(2).and_then(|m| m.as_str().parse().ok()),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TextSource, TextSpan};

    #[test]
    fn han_class_holds_every_han_character_of_folded_text() {
        // What \p{Han} matches after NFKC, HAN matches too; HAN's extras are only code points
        // between the script's ranges (none of another script).
        let script = Regex::new(r"^\p{Han}$").unwrap();
        let ours = regex(r"^\p{Han}$").unwrap();
        let (mut missed, mut extra) = (Vec::new(), Vec::new());
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let folded: String = c.nfkc().collect();
            if folded.chars().count() != 1 {
                continue;
            }
            match (script.is_match(&folded), ours.is_match(&folded)) {
                (true, false) => missed.push(c as u32),
                (false, true) => extra.push(c as u32),
                _ => {}
            }
        }
        // the four Khitan/Nüshu iteration marks of U+16FE2-U+16FF1 are not Chinese print
        assert!(
            missed.iter().all(|&c| (0x16FE2..=0x16FF1).contains(&c)),
            "{missed:x?}"
        );
        assert!(
            extra
                .iter()
                .all(|&c| (0x20000..=0x323AF).contains(&c) || [0x2E9A, 0xFA6E, 0xFA6F].contains(&c)),
            "{extra:x?}"
        );
        assert!(ours.is_match("〇") && ours.is_match("租") && !ours.is_match("a"));
    }

    #[test]
    fn a_position_after_a_noun_for_a_party_is_the_position() {
        assert_eq!(
            normalise("立约人甲同意将其场地租给立约人乙使用"),
            "甲方同意将其场地租给乙方使用"
        );
        assert_eq!(normalise("签约人乙方(签字盖章)"), "乙方(签字盖章)");
        assert_eq!(normalise("合同当事人甲乙双方"), "合同当事人甲乙双方");
        assert_eq!(normalise("立约人各执一份"), "立约人各执一份");
        assert_eq!(
            normalise("出租给某公司(以下简称B方)使用。B方可将房屋转租,A方对此予以认可。A方案"),
            "出租给某公司(以下简称乙方)使用。乙方可将房屋转租,甲方对此予以认可。A方案"
        );
    }

    #[test]
    fn a_word_that_sends_a_report_is_its_salutation() {
        assert_eq!(
            normalise("报送：太原龙城科技有限公司董事会"),
            "致:太原龙城科技有限公司董事会"
        );
        assert_eq!(
            normalise("本报告致送：太原龙城科技有限公司"),
            "致:太原龙城科技有限公司"
        );
        assert_eq!(
            normalise("报送单位：太原会计师事务所"),
            "报送单位:太原会计师事务所"
        );
    }

    #[test]
    fn digits_in_field_patterns_are_ascii() {
        assert!(regex(r"^\d{4}年$").unwrap().is_match("2021年"));
        assert!(!regex(r"^\d+$").unwrap().is_match("١٢"));
        assert!(regex(r"^[\d,]+$").unwrap().is_match("1,234"));
    }

    fn page(n: u32, text: &str) -> Page {
        Page {
            number: n,
            width: 595,
            height: 842,
            text: text.into(),
            text_source: TextSource::TextLayer,
            spans: vec![],
            confidence: 1.0,
            codes: vec![],
            image_sha256: None,
            warnings: vec![],
        }
    }

    #[test]
    fn nfkc_and_ocr_spaces() {
        assert_eq!(
            normalise("出 租 方（甲方）：太原 科技"),
            "出租方(甲方):太原科技"
        );
        assert_eq!(normalise("面积 1 234.56 ㎡"), "面积1 234.56 m2");
        assert_eq!(normalise("ABC Co Ltd"), "ABC Co Ltd");
        assert_eq!(normalise("出租方（盖章/签字）★"), "出租方(盖章/签字)");
    }

    #[test]
    fn a_bulleted_item_starts_its_own_line() {
        let p = page(
            1,
            "◆ 房屋地址：山西省晋中市太谷区平阳路273号数码港4号楼23层一二三四五六七八九十\n◆ 本合同租用的面积为4718.68㎡\n◆租赁年限：五年",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert_eq!(
            n.text,
            "房屋地址:山西省晋中市太谷区平阳路273号数码港4号楼23层一二三四五六七八九十\n本合同租用的面积为4718.68m2\n租赁年限:五年"
        );
    }

    #[test]
    fn soft_breaks_join_and_hard_breaks_stay() {
        let p = page(
            1,
            "甲方将坐落于山西省太原市小店区长治路二百号高新国际大厦\n十二层的房屋出租给乙方。\n出租方（甲方）：太原\n第 1 页 共 2 页",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert_eq!(
            n.text,
            "甲方将坐落于山西省太原市小店区长治路二百号高新国际大厦十二层的房屋出租给乙方。\n出租方(甲方):太原"
        );
        // a person's name wrapped before the bracket with the ID number: not a label
        let p = page(
            1,
            "临汾市东方电子商务有限责任公司（以下称“承租方”）因经营发展需要，向唐\n凯（身份证号码：140211196805116835）（以下称“出租方”）承租房屋。",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert!(n.text.contains("向唐凯(身份证号码:"), "{}", n.text);
    }

    #[test]
    fn the_addressee_after_a_lone_salutation_ends_its_line() {
        // the addressee's line as wide as the body's: the body does not run on from it
        let p = page(
            1,
            "专项审计报告\n致：\n临汾市尧都区鼓楼西街文化旅游发展投资有限公司董事长及经营班子\n我们审计了贵公司2022年度小微企业创业创新基地的运营情况，包括\n入驻企业户数。",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert!(
            n.text
                .contains("发展投资有限公司董事长及经营班子\n我们审计了贵公司2022年度小微企业创业创新基地的运营情况,包括入驻企业户数。"),
            "{}",
            n.text
        );
    }

    #[test]
    fn a_date_alone_starts_its_line() {
        // a cover's firm line as wide as the page's widest, with the month under it
        let p = page(
            1,
            "扫码验真\n晋中正源会计师事务所有限公司\n2024年3月\n二〇二四年三月一日",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert_eq!(
            n.text,
            "扫码验真\n晋中正源会计师事务所有限公司\n2024年3月\n二〇二四年三月一日"
        );
        // nor does the firm under a cover's number run on from it
        let p = page(
            1,
            "晋正源专审字〔2024〕第0012号\n晋中正源会计师事务所有限公司",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert_eq!(
            n.text,
            "晋正源专审字〔2024〕第0012号\n晋中正源会计师事务所有限公司"
        );
    }

    #[test]
    fn a_running_header_starts_its_page() {
        // the cover's last line, as wide as the page, would run into the next page's first
        // line; that line heads every later page, so it starts its own
        let header = "华鉴联合会计师事务所（特殊普通合伙）山西分所";
        let cover = page(1, &format!("报告编号：华鉴专审字第20230046号\n{header}"));
        let body = page(
            2,
            &format!("{header}\n专项审计报告\n我们审计了贵公司的报表。"),
        );
        let sign = page(3, &format!("{header}\n中国注册会计师：郝梅"));
        let n = Norm::build(&[&cover, &body, &sign], &|_| false);
        assert!(n.text.contains("山西分所\n华鉴联合"), "{}", n.text);
        // without the repeat the lines join as a sentence over the page break does
        let n = Norm::build(&[&cover, &body], &|_| false);
        assert!(n.text.contains("山西分所华鉴联合"), "{}", n.text);
    }

    #[test]
    fn a_gap_in_an_ocr_page_ends_a_line_that_a_text_layer_would_join() {
        // a cover's firm line, then a gap, then the client: two lines when OCR saw the gap
        let text =
            "山西天元会计师事务所（特殊普通合伙）\n\n大同市锦程实业有限责任公司\n专项审计报告";
        let mut p = page(1, text);
        p.text_source = TextSource::Ocr;
        let n = Norm::build(&[&p], &|_| false);
        assert!(
            n.text
                .starts_with("山西天元会计师事务所(特殊普通合伙)\n大同市"),
            "{}",
            n.text
        );
        // a text layer leaves an empty line after every line, wrapped or not: a line that is
        // a whole name still ends there (the firm's over the client's)…
        let n = Norm::build(&[&page(1, text)], &|_| false);
        assert!(
            n.text
                .starts_with("山西天元会计师事务所(特殊普通合伙)\n大同市"),
            "{}",
            n.text
        );
        // …and one cut inside a name goes on
        let wrapped = "本所接受委托,对大同市锦程实业有限责任公司基地的运营数据进行了专项审计,并于\n\n二〇二三年三月出具本报告";
        let n = Norm::build(&[&page(1, wrapped)], &|_| false);
        assert!(n.text.contains("并于二〇二三年"), "{}", n.text);
    }

    #[test]
    fn table_cells_separated_by_tabs_become_lines() {
        // OCR lays a certificate row out as label, tab, value; a long value cell must not be
        // joined with the next row's label.
        let p = page(
            1,
            "权利人\t晋中太行孵化器管理有限公司\n坐落\t山西省晋中市榆次区坞城路15号数码港7号楼24层1909室\n不动产单元号\t140108444728GX63477W86611356",
        );
        let n = Norm::build(&[&p], &|_| false);
        assert_eq!(
            n.text,
            "权利人\n晋中太行孵化器管理有限公司\n坐落\n山西省晋中市榆次区坞城路15号数码港7号楼24层1909室\n不动产单元号\n140108444728GX63477W86611356"
        );
        let at = n.text.find("140108").unwrap();
        assert_eq!(n.original(at..n.text.len()), "140108444728GX63477W86611356");
    }

    #[test]
    fn a_page_read_turned_is_placed_in_its_reading_frame_and_located_as_printed() {
        // Two lines running up a portrait page (a register copied sideways), one char a span:
        // `权利人` at x 0.10 climbing from y 0.50, and its value in the next line to the right.
        let mut p = page(1, "权利人\n晋中太行公司");
        p.text_source = TextSource::Ocr;
        let mut spans = Vec::new();
        for (i, _) in "权利人".chars().enumerate() {
            let y = 0.50 - 0.03 * i as f32;
            spans.push(TextSpan {
                start: i,
                end: i + 1,
                bbox: [0.10, y - 0.03, 0.13, y],
                confidence: 1.0,
            });
        }
        for (i, _) in "晋中太行公司".chars().enumerate() {
            let y = 0.50 - 0.03 * i as f32;
            spans.push(TextSpan {
                start: 4 + i,
                end: 5 + i,
                bbox: [0.15, y - 0.03, 0.18, y],
                confidence: 1.0,
            });
        }
        p.spans = spans;
        let n = Norm::build(&[&p], &|_| false);
        let label = n.text.find("权利人").unwrap();
        let value = n.text.find("晋中").unwrap();
        let (_, l) = n.place(label..label + "权利人".len()).unwrap();
        let (_, v) = n.place(value..n.text.len()).unwrap();
        // read upright: the label runs left to right, and the value's line is below it
        assert!(l[2] - l[0] > l[3] - l[1], "{l:?}");
        assert!(v[1] >= l[3] - 1e-6, "{l:?} {v:?}");
        // evidence keeps the boxes where the page has them
        assert_eq!(
            n.locate(label..label + "权利人".len()).bbox,
            Some([0.10, 0.41, 0.13, 0.50])
        );
        // a page read upright stays as it is
        assert_eq!(
            ReadingTurn::Upright.apply([0.1, 0.2, 0.3, 0.4]),
            [0.1, 0.2, 0.3, 0.4]
        );
        assert_eq!(
            ReadingTurn::RunsLeft.apply([0.1, 0.2, 0.3, 0.4]),
            [0.7, 0.6, 0.9, 0.8]
        );
    }

    #[test]
    fn original_and_location_map_back() {
        let mut p = page(3, "权利人：山西（晋创）有限公司");
        p.spans = vec![TextSpan {
            start: 0,
            end: 14,
            bbox: [0.1, 0.2, 0.5, 0.25],
            confidence: 0.8,
        }];
        let n = Norm::build(&[&p], &|_| false);
        let at = n.text.find("山西").unwrap();
        let r = at..n.text.len();
        assert_eq!(n.original(r.clone()), "山西（晋创）有限公司");
        let loc = n.locate(r);
        assert_eq!(loc.page, 3);
        assert_eq!(loc.span, [4, 14]);
        assert_eq!(loc.bbox, Some([0.1, 0.2, 0.5, 0.25]));
        assert!((loc.confidence - 0.8).abs() < 1e-6);
    }
}
