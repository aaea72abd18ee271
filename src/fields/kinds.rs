//! The declarative description of each document kind: how its title reads, which words hint at
//! it, its labels and its patterns. Adding a kind means adding a table here, not a module
//! (the idea of invoice2data's templates).
//!
//! All patterns run on the normalised text of [`super::text::Norm`]: NFKC (so `(` `)` `:` `,`
//! `m2` stand for their full-width and unit-symbol forms), no spaces between Chinese characters,
//! hard line breaks as `\n`. Placeholders `{DATE}`, `{RANGE}`, `{DURATION}`, `{NUM}`, `{AREA}`
//! are replaced by the shared value patterns when the table is compiled.

use crate::model::DocumentKind;

/// How the text of a value becomes a field value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parse {
    /// A name as written (string), trimmed of trailing punctuation and `(以下简称…)`; brackets in
    /// a Chinese name read by OCR take the registered full-width form.
    Name,
    /// Free text as written (addresses, usage, right types).
    Text,
    /// A code as written without spaces (certificate and unit numbers, report codes); a bracket
    /// pair OCR read in two forms is made to agree.
    Code,
    /// One date → ISO `YYYY-MM-DD`; an unfilled blank leaves the field out with a note.
    Date,
    /// The last date inside the value (使用期限 …起…止 → the end).
    LastDate,
    /// An area in m² (number).
    Area,
    /// An amount in yuan (number; 万元 multiplied out).
    Money,
    /// A whole number (counts of firms, staff).
    Integer,
    /// A duration → `{"years", "months"}`.
    Duration,
    /// A rent figure → `{"amount", "period", "per_m2"}`.
    Rent { period: &'static str, per_m2: bool },
    /// A period: `2020年度` or a range of two dates → `{"start", "end"}`.
    Period,
    /// A flag: the field is this value when the pattern is found.
    Flag(bool),
}

/// A label of the kind's form. It is recognised at the start of a line, and inside a line where
/// [`KindSpec::cells`] says so or a colon follows it; its value runs to the next label or
/// structural break (so values may wrap over lines and pages).
#[derive(Debug, Clone, Copy)]
pub struct LabelSpec {
    /// Regex of the label (without the colon, which is optional after it).
    pub label: &'static str,
    /// The field it fills, or `None` for labels that only end the previous value.
    pub field: Option<&'static str>,
    pub parse: Parse,
    /// How sure a value read under this label is (0..1).
    pub certainty: f32,
    /// Only at a line's start: a label that could begin inside the name before it
    /// (`…中心使用方(乙方):` must not be read from `心`).
    pub line_start_only: bool,
}

/// A pattern found anywhere in the text; each named group fills a field.
#[derive(Debug, Clone, Copy)]
pub struct PatternSpec {
    pub regex: &'static str,
    /// (field, capture group, parse).
    pub captures: &'static [(&'static str, &'static str, Parse)],
    pub certainty: f32,
    /// Collect every match into an array (e.g. the signing CPAs) instead of the first.
    pub all: bool,
    /// A regex that, found in the same sentence before a match, makes the match belong to
    /// something else (a rent-free period or a renewal option is not the lease term); the
    /// next match is tried instead.
    pub not_after: Option<&'static str>,
}

/// Everything known about one kind.
#[derive(Debug, Clone, Copy)]
pub struct KindSpec {
    pub kind: DocumentKind,
    /// Regexes a title line of a first page matches (anchored by the regex itself).
    pub titles: &'static [&'static str],
    /// Words that hint at the kind in the body, with weights (used without a title).
    pub keywords: &'static [(&'static str, f32)],
    pub labels: &'static [LabelSpec],
    pub patterns: &'static [PatternSpec],
    /// Flags that hold unless a pattern says otherwise.
    pub defaults: &'static [(&'static str, bool)],
    /// Fields naming parties (a credit code belongs to the nearest one printed before it).
    pub parties: &'static [&'static str],
    /// The kind is a form of label and value cells (certificates, the audit's table). OCR
    /// cannot always tell the cells of a row apart (a narrow gap reads as one line:
    /// `坐落…1909室不动产单元号1401…`), so a label then starts its field wherever it appears in a
    /// line and ends the value before it. Prose kinds (leases) say `false`: there a label inside
    /// a line counts only when a colon follows it, because their labels are ordinary words of
    /// the clauses (甲方, 地址).
    pub cells: bool,
    /// Parties named only by position (甲方, 乙方) and the clauses that say which role each has.
    pub positional: Option<&'static Positional>,
    /// Parties written as a table whose columns are the roles (`出租方 | 承租方` over a
    /// `名称` row of names).
    pub party_table: Option<&'static PartyTable>,
    /// The field a code's payload fills when the payload is printed as a line of its own (the
    /// human-readable line under a barcode) and nothing labelled fills it.
    pub printed_payload: Option<&'static str>,
}

/// A table of parties: a header row of role cells, each a column, and further down a row
/// whose label cell says it holds the names. A text layer and OCR both give such a table cell
/// by cell, row by row (OCR's row as tab-separated cells), so the names follow the row's
/// label in the columns' order.
#[derive(Debug, Clone, Copy)]
pub struct PartyTable {
    /// A header cell (whole line) and the field its column fills (none, `""`, for a third
    /// party's column: it holds a name that is no party of the document).
    pub columns: &'static [(&'static str, &'static str)],
    /// The label cell (whole line) of the row holding the names.
    pub name_row: &'static str,
}

/// Parties labelled only 甲方/乙方: which of the kind's role fields each fills is read from
/// the body (`甲方将…出租给乙方`), not assumed. Without such a clause the usual reading (甲方 is
/// the first role) is kept with a confidence below the rules' threshold, so a rule asks.
#[derive(Debug, Clone, Copy)]
pub struct Positional {
    /// Internal fields the positional labels fill (removed once resolved).
    pub a: &'static str,
    pub b: &'static str,
    /// The role fields, in the usual order (甲方 → `first`).
    pub first: &'static str,
    pub second: &'static str,
    /// Clauses saying 甲方 has the first role.
    pub a_first: &'static [&'static str],
    /// Clauses saying 甲方 has the second role.
    pub a_second: &'static [&'static str],
}

const fn label(label: &'static str, field: &'static str, parse: Parse) -> LabelSpec {
    LabelSpec {
        label,
        field: Some(field),
        parse,
        certainty: 1.0,
        line_start_only: false,
    }
}

const fn stop(label: &'static str) -> LabelSpec {
    LabelSpec {
        label,
        field: None,
        parse: Parse::Text,
        certainty: 1.0,
        line_start_only: false,
    }
}

/// A pattern whose every match adds to a list field (co-owners, signing accountants).
const fn every(
    regex: &'static str,
    captures: &'static [(&'static str, &'static str, Parse)],
    certainty: f32,
) -> PatternSpec {
    PatternSpec {
        all: true,
        ..pat(regex, captures, certainty)
    }
}

const fn pat(
    regex: &'static str,
    captures: &'static [(&'static str, &'static str, Parse)],
    certainty: f32,
) -> PatternSpec {
    PatternSpec {
        regex,
        captures,
        certainty,
        all: false,
        not_after: None,
    }
}

/// A pattern that does not count after `not_after` in the same sentence.
const fn pat_unless(
    regex: &'static str,
    captures: &'static [(&'static str, &'static str, Parse)],
    certainty: f32,
    not_after: &'static str,
) -> PatternSpec {
    PatternSpec {
        not_after: Some(not_after),
        ..pat(regex, captures, certainty)
    }
}

/// The day a term starts named by an event, then its date (`自首批房屋交付之日即DATE`): the
/// engine leaves a delivery's words out of the check for another period's words.
macro_rules! starts_on_an_event {
    () => {
        r"(?:自|从)[^。;,\n]{1,12}?之日(?:即|,即)"
    };
}
pub(crate) use starts_on_an_event;

/// Periods a lease names besides its term: the head lease's, cited in a sublease's recital,
/// rent-free and fit-out periods, renewals and extensions, deposits, payment schedules, the
/// length a letter of intent proposed (意向租赁期). Their dates and durations are not the term.
// (续期 a renewal's, not 存续期间, the lease's lasting)
macro_rules! not_the_term {
    () => {
        r"原租赁|原租约|主租约|总租约|原租期|原合同|原期限|土地使用|转租方承租|转租人承租|出租方承租|出租人承租|免租|免收|免交|减免|装修|续租|续签|续约|(?:^|[^存持])续期|延长|延期|顺延|优先|押金|保证金|支付|缴纳|付款|交付|试用|意向"
    };
}
/// Those words as one regex source, for the engine's schedule rows as well.
pub const NOT_THE_TERM: &str = not_the_term!();
/// A sentence that names another contract by its title (`鉴于甲方已与产权人签订《房屋租赁合同》,
/// 租赁期限为…`) or by its number (`租赁合同(编号HT201800137)租期…`, `…的房屋(租赁合同编号:…),
/// 租赁期限自…`, `签立的租约(编号:…),…该租约写明的租用起讫为…`, `(原租赁合同号…,租赁期限…)`, `(原合同:编号…,租期…)`, `…签订了编号为晋房赁(2020)
/// 第279号的房屋租赁合同,租期…`, `依第2021ZLHT03603号租赁合同租用…,租期…`), a letter of intent or a memorandum too (`签署《房屋租赁意向书》(…,意向租赁期三年)`),
/// or opens with it or a line of it (`原租赁合同:出租人…,合同编号…,租赁期限…`), speaks of that
/// contract: its dates are not this document's (本《…合同》 and `(本合同编号…)` are this one).
pub const CITES_A_CONTRACT: &str = r"^(?:原|主|总)(?:房屋)?(?:租赁|承租)?(?:合同|协议|租约)|(?m:^)(?:原|主|总)(?:房屋)?(?:租赁|承租)?(?:合同|协议|租约)(?:信息)?:|(?:^|[^本])《[^》]{0,20}(?:合同|协议|意向书|备忘录)》|(?:合同|协议|租约)\(\n?(?:合同)?\n?编\n?号|\([\p{Han}--[本]]{0,6}(?:合同|协议|租约):?\n?(?:编\n?)?号|\((?:原|主|总)(?:房屋)?(?:租赁|承租)?(?:合同|协议|租约)|编号(?:为|是)[^,。;\n]{2,30}?的[^,。;\n本]{0,12}(?:合同|协议)|(?:依|按|根据|依据|凭)第?[0-9A-Za-z\-/]{4,30}号(?:房屋)?(?:租赁)?(?:合同|协议)";
/// A clause that recites another contract (`鉴于:乙方已与XX(出租方,…)签订…`): the parties it
/// names with their roles are that contract's.
const RECITAL: &str = "鉴于|已与|已经与|签订|签署";
/// ...and, for a range standing alone, the rows of a rent plan by lease year (`第一年度`,
/// `第3个租赁年`): one year of the term, not the term (a 起/止 schedule of such rows is
/// summed up by the engine's `schedule_term`).
pub const NOT_THE_TERM_ALONE: &str = concat!(
    not_the_term!(),
    r"|租赁年度|租金年度|第[一二三四五六七八九十0-9]{1,3}(?:个)?(?:租赁)?年"
);

/// The words only a sublease names its parties with: the tenant of the head lease that lets
/// on (转租方), and the one it lets to (次承租方, 接租人). Either makes the document a sublease.
macro_rules! sublessor {
    () => {
        "转租方|转租人|转租单位|转租一方|转租的一方|转租提供方|转租提供人|分租方|分租人|分租单位|二次出租方|二次出租人|原承租方|原承租人|原租户|二房东"
    };
}
macro_rules! sublessee {
    () => {
        "次承租方|次承租人|次承租单位|转租接受方|转租接受人|转租承接方|转租承接人|转租承接单位|二次承租方|二次承租人|分承租方|分承租人|分承租单位|次租方|次租人|次租单位|次租用人|次租用方|次租用单位|新租户|受转租方|受转租人|接受转租一方|接受转租方|接受转租人|接受转租单位|受让承租方|受让承租人|接租方|接租人|接租单位"
    };
}
/// A party that signs beside the two without letting or renting (a supervising authority, a
/// witness, a guarantor): its column and its label hold a name that is no party's.
macro_rules! third_party {
    () => {
        "监督方|监督单位|监管方|监管单位|见证方|见证人|见证单位|鉴证方|鉴证单位|鉴证机构|鉴证人|担保方|担保人|保证方|保证人|丁方"
    };
}
/// Those words as one regex source, for the engine's signature readers.
pub const THIRD_PARTY: &str = third_party!();
/// The thing let, written before a role word in a label or a signature head (`物业出租方`,
/// `资产承租方`): the role is the same.
macro_rules! thing_let {
    () => {
        "(?:物业|房屋|场地|厂房|资产|房产)"
    };
}
/// That prefix as one regex source, for the engine's signature readers.
pub const THING_LET: &str = thing_let!();
/// The role words a contract's own tables and signature heads name the parties with (出租方,
/// 转租人, 次承租方, 接租人…; not 业主 or 租户, which a clause may use of anyone), for the engine's
/// readers of those tables.
pub const LESSOR_ROLE: &str = concat!("出租方|出租人|出租单位|出租者|", sublessor!());
/// The sublease's own letting party's words alone (转租方, 原承租方), for the engine to tell
/// them from the head landlord's (出租人) in one document.
pub const SUBLESSOR_ROLE: &str = sublessor!();
/// See [`LESSOR_ROLE`].
pub const LESSEE_ROLE: &str = concat!("承租方|承租人|承租单位|承租者|", sublessee!());
/// The words that name the letting party (head lease or sublease) and the renting one.
/// (Macros, so that `concat!` builds the table's regexes at compile time.)
macro_rules! lessor {
    () => {
        concat!(
            "出租方|出租人|出租单位|出租者|出租户|租出方|出租的一方|出租一方|",
            sublessor!(),
            "|业主方|业主|业权人|房东"
        )
    };
}
/// Every word a label may name a letting party with (业主, 业权人 and 房东 too): beside a
/// sublease's own letting party, each of these names the head landlord.
pub const LETTING_WORDS: &str = lessor!();
/// The base's operator: the letting party of an incubator's 入驻协议, but the tenant of the
/// head lease it signs with the owner (甲方(产权单位) / 乙方(基地运营单位)). A label of its own
/// (运营单位:XX, beside 入驻企业:YY) reads it as the lessor; after a position (乙方(基地运营单位))
/// it says nothing of the role, which the clauses then give (`positional`).
macro_rules! operator {
    () => {
        "孵化器运营方|孵化器运营单位|基地运营单位|运营管理单位|运营管理方|运营单位|运营方|空间运营商|社区运营商|运营商|孵化方|孵化器方|众创空间运营方|众创空间方|空间运营方|空间方"
    };
}
macro_rules! lessee {
    () => {
        concat!(
            sublessee!(),
            "|承租方|承租人|承租单位|承租者|承租户|承租的一方|承租一方|租户|租客|租用方|租用人|租入方|使用方|实际使用人|实际使用方|入驻企业|入驻单位|入驻团队|入驻会员|入驻方|入驻人|入孵企业|入孵单位|入孵方|入孵人|在孵企业|入园(?:创业)?(?:企业|单位|团队)|入园方"
        )
    };
}
/// Role words that only ever stand in a bracket after 甲方/乙方 (甲方(房屋所有权人), 乙方(房屋使用人)):
/// alone they could name someone else (the certificate's owner, a user of the premises).
macro_rules! lessor_in_brackets {
    () => {
        concat!(
            lessor!(),
            "|房屋所有权人|房屋所有人|所有权人|房屋产权人|产权人"
        )
    };
}
macro_rules! lessee_in_brackets {
    () => {
        concat!(lessee!(), "|房屋使用人|房屋使用方|房屋租用人|房屋租用方|使用人|使用方|承租使用人")
    };
}
/// Every word that names a party of a lease by its role (`出租方`, `房屋产权人`, `租用人`): one
/// joined to the front of a name (`与租用人晋中市…`) is no part of it.
pub const ROLE_WORDS: &str = concat!(lessor_in_brackets!(), "|", lessee_in_brackets!());
/// The name row under a party's heading (`名称:XX`, `单位名称` / `XX`).
macro_rules! party_name_row {
    () => {
        r"(?:名称|单位名称|企业名称|公司名称|姓名|名称\(姓名\))(?::|\n)"
    };
}
/// The words a contract names its term with (租赁期限, 租用期, 承租年限, 租赁年期, 租赁时限, 租赁时段, 租约期,
/// 入驻期, 合同有效期, 租约有效期, 租赁合同期, 租赁时间, 租用时长, 租期, 期限, 租用该房屋的时间,
/// 租用房屋的期间, 转租的期间); not 使用年限, which a lease quoting the land's certificate gives for
/// the land.
macro_rules! term_word {
    () => {
        r"(?:租用|承租|租赁)(?:该|此|上述|前述)?(?:房屋|场地|厂房|物业)的(?:时间|期限|期间)|(?:租赁|租用|承租|出租|租约|入驻|入孵|孵化|转租|分租|服务)的?总?(?:期限|年限|年期|期间|期)|使用的?(?:期限|期间|期)|(?:合同|协议|租约|租赁|租用|转租)有效期(?:限)?|(?:租赁)?(?:合同|协议)期(?:限)?|(?:租赁|租用|承租|转租|分租)(?:时间|时限|时段|时长)|(?:租赁|租用|合同|协议)存续(?:期间|期限|期)|(?:租赁|租用|承租)周期|租期|期限"
    };
}
/// A renewal's words for the period it renews for (续签期限, 续租期限, 续约期间): the term of a
/// contract whose title says it renews (续签, 续租), an option in any other.
macro_rules! renewal_term_word {
    () => {
        r"(?:续签|续租|续约|续订)的?(?:租期|期限|期间|租赁期限|租赁期间|租赁期|年限)|续租期|续签期"
    };
}
/// The lease's own words for its term (租赁期限, 租赁期, 租期), a line break allowed anywhere
/// inside: a sentence naming the term's day may wrap inside the word (`租赁期` / `限的终止日为…`).
macro_rules! lease_term_word_wrapped {
    () => {
        r"(?:租\n?赁\n?期\n?限|租\n?赁\n?期|租\n?期)"
    };
}
/// Those words as one regex source, for the engine's table readers (a term column's head).
pub const TERM_WORD: &str = term_word!();
/// A table's head over the term's first and last day in one cell (`场地使用起止`, `租赁起讫日期`).
macro_rules! term_range_head {
    () => {
        r"(?:场地|房屋|房产|厂房)?(?:租赁|租用|使用|入驻|入孵|孵化|转租|分租|服务)(?:起止|起讫)(?:日期|时间|期限)?"
    };
}
/// That head as one regex source, for the engine's reader of a term's column.
pub const TERM_RANGE_HEAD: &str = term_range_head!();
/// The word every audit firm's name holds, as OCR reads it under a seal's ink: whole, or with
/// one of its characters missing or misread (`会计师有务所`, `会计事务所`, `会+师事务所`,
/// `计师事务所`), or 事务 read as one character (`会计师车所`). The engine writes the word back
/// whole (`FIRM_WORD`).
macro_rules! firm_word {
    () => {
        r"(?:会(?:计师事务|[^\n:,。\t]师事务|计[^\n:,。\t]事务|计师[^\n:,。\t]务|计师事[^\n:,。\t]|计师[^\n:,。\t]|师事务|计事务|计师务|计师事)所|计师事务所)"
    };
}
/// That word as one regex source, for the engine to write back what OCR misread.
pub const FIRM_WORD: &str = firm_word!();
/// …and the word with its last character, 所, lost under the ink as well, right before the
/// firm's legal form (`会十师事务有限公司`, `会师事务(普通合伙)`).
macro_rules! firm_word_before_form {
    () => {
        r"(?:会(?:计师事务|[^\n:,。\t]师事务|计[^\n:,。\t]事务|计师[^\n:,。\t]务|师事务|计事务|计师务)|计师事务)"
    };
}
/// That word (group `word`) and the start of a legal form after it, for the engine to write
/// the word back.
pub const FIRM_WORD_BEFORE_FORM: &str = concat!(
    "(?P<word>",
    firm_word_before_form!(),
    r")(?:有限|限公司|\(|（)"
);
/// What follows a position that pays the rent or the deposit, or owes the rent (`…应于每年一月
/// 十日前付清当年租金`, `…把当年租金一次交齐`, `…拖欠租金`): the tenant's duty. The duty word follows the position at
/// once and nothing between names a payee (`甲方应向乙方支付违约金` is none: `向` and `给` stop
/// it), so the one paid is never read as the payer.
macro_rules! rent_payer {
    () => {
        r"(?:(?:应|须|需|应当|按|每|于|在|分)[^。\n;,向给甲乙]{0,16}(?:(?:支付|缴纳|交纳|付清|缴清|交清|交付)[^。\n;,]{0,6}(?:租金|房租|租赁费|场地使用费|场地费|押金|保证金)|把[^。\n;,]{0,6}(?:租金|房租|租赁费|场地使用费|场地费)[^。\n;,]{0,4}(?:支付|缴纳|交纳|付清|缴清|交清|交齐|缴齐|付齐))|(?:拖欠|欠缴|欠付|迟延支付|逾期(?:支付|缴纳|交纳)?)[^。\n;,]{0,4}(?:租金|房租|租赁费))"
    };
}
/// …and after the rent is named, the payer and its payment (`租金为…,乙方每半年支付一次`,
/// `…元,乙方每六个月预付一次`).
macro_rules! rent_payer_after {
    () => {
        r"(?:应|须|需|应当|按|每|于|分)[^。\n;,]{0,16}(?:支付|缴纳|交纳|付清|缴清|交清|预付|预交|缴付)"
    };
}
/// A label's own word for the name after the role word: 出租方名称, 承租人姓名; now and then
/// with the party's number asked in the same label (名称及证照号码: the name, a slash, the code).
macro_rules! name_word {
    () => {
        concat!(
            r"(?:(?:全称|",
            names_row_label!(),
            r")(?:(?:及|和|与|/|、)(?:证照号码|证件号码|证件号|证照号|身份证号码|身份证号|统一社会信用代码|信用代码))?)?"
        )
    };
}
/// An aside after a party's name, led by a dash, saying in what capacity it signs
/// (`XX——以出租者身份签约(下文称甲方)`): no part of the name, and the bracket after it is the
/// name's.
macro_rules! aside {
    () => {
        r"(?:—{1,2}[^()\n。,;:—]{1,14})"
    };
}
/// How an opening sentence introduces a party's short name, in a bracket after the name:
/// (以下简称“甲方”), (以下称出租方), (甲方,出租方), after the party's particulars in the same
/// bracket (`XX(房屋权属人,统一社会信用代码…,下称甲方)`, wrapped anywhere); or after a person's
/// ID number in the same bracket (`张三(身份证号码:…,以下简称“甲方”)`, see `person_in_sentence`);
/// or after the bracket of particulars (or none), ending the clause (`XX(统一社会信用代码:…),下称
/// 甲方;`). A dash-led aside may stand between the name and the bracket (`XX——以出租者身份签约
/// (下文称甲方)`, see `aside`).
macro_rules! introduced_as {
    ($who:expr) => {
        concat!(
            aside!(),
            r"?(?:(?:\((?:[^()。]{1,60}?[,;]\n?)?(?:",
            short_name_word!(),
            r")?|[,;](?:",
            short_name_word!(),
            r#"))[“"'「]?"#,
            $who,
            r#"[”"'」]?\)|(?:\([^()。]{1,60}\))?[,;]\n?(?:"#,
            short_name_word!(),
            r#")[“"'「]?"#,
            $who,
            r#"[”"'」]?(?:[,;。\n]|$))"#
        )
    };
}
/// …as the holder of a role, with or without the position before it.
macro_rules! introduced_in_role {
    ($role:expr) => {
        introduced_as!(concat!(r"(?:(?:甲方|乙方)[,、]?)?(?:", $role, ")"))
    };
}
/// The words that give a short name (以下简称, 下称…).
macro_rules! short_name_word {
    () => {
        "以下简称为|以下简称|以下称其为|以下称为|以下称|下文简称为|下文简称|下文称其为|下文称为|下文称|以下统称|下文统称|下称|简称"
    };
}
/// Those words as one group.
macro_rules! short_name {
    () => {
        concat!("(?:", short_name_word!(), ")")
    };
}
/// Those words as one regex source, for the engine's readers of names and their short names.
pub const SHORT_NAME_WORD: &str = short_name_word!();
/// A party led by its name, its role and short name in the bracket after it
/// (`XX(出租方,以下简称“甲方”)`, also after the first: `…与YY(承租方,以下简称乙方)`), and not
/// a label of that shape (`出租方(转租方,以下简称甲方):XX`).
macro_rules! led_by_name_in_role {
    ($roles:expr) => {
        concat!(
            r"(?m)(?:^|[,。;:与和及])(?P<v>{ORG}|[\p{Han}--[与和向由及给将]]{2,4})\((?:",
            $roles,
            r")[,、;](?:",
            short_name_word!(),
            r#")[“"'「]?(?:甲方|乙方|丙方)[”"'」]?\)(?:$|[^:])"#
        )
    };
}
/// A party named with its role alone in the bracket after it (`XX有限公司(出租方) 与 YY有限公司
/// (承租方)`), the name wrapped once or not, never after a title's line: an organisation's whole
/// name only, a role word before a bracket being a label.
macro_rules! named_in_role_alone {
    ($roles:expr) => {
        concat!(
            r"(?m)(?:^|[,。;:与和及给 ])(?:甲方|乙方|丙方)?(?P<v>[\p{Han}--[给由将与及]]{1,30}?(?:[\p{Han}--[给由将与及同议约书]]\n(?:[\p{Han}--[给由将与及甲乙丙]][\p{Han}--[给由将与及]]{0,8}?)?)?(?:有限责任公司|股份有限公司|有限公司|公司|\((?:特殊)?普通合伙\)|中心|集团|合作社|联合社))\((?:",
            $roles,
            r")\)(?:$|[^:])"
        )
    };
}
/// A party named with its role first in the bracket after it and its particulars after a
/// comma (`XX(房屋产权人,统一社会信用代码…)与YY(房屋租用人,…)`; a person's name only with the
/// ID number after, so that a label (`出租方(转租方,以下简称甲方):`) or a position
/// (`乙方(入驻企业,次承租方)`) is no name), or introduced by its role before the name
/// (`作为出租人的XX(…)与作为承租人的YY`).
macro_rules! named_in_role_first {
    ($roles:expr) => {
        concat!(
            r"(?m)(?:(?:^|[,。;:与和及由])(?:(?P<v>{ORG})\((?:",
            $roles,
            r")[,、;]|(?P<p>[\p{Han}--[与和向由及给将甲乙丙]]\p{Han}{1,3})\((?:",
            $roles,
            r")[,、;](?:公民)?身份)|作为(?:",
            $roles,
            r")的(?:(?P<w>[\p{Han}--[甲乙丙]]{ORG})(?:\(|与|和)|(?P<q>[\p{Han}--[与和甲乙丙]]\p{Han}{1,3})\((?:公民)?身份))"
        )
    };
}
/// A party described before its short name (`XX,一家依据中国法律设立并存续的企业,统一社会信用
/// 代码:…,注册地址:…(以下简称“出租方”);`), also numbered in a list of the parties (`1.`,
/// `(二)`), with the role alone in quotes (`1.XX,一家…,住所…(“出租人”);`) or said of this
/// contract (`(本合同以下称其为“承租方”)`); a person by the citizenship said after the name
/// (`(一)许某,中国公民,居民身份证号码…`, group `p`).
macro_rules! described_then_introduced {
    ($roles:expr) => {
        concat!(
            r#"(?m)^(?:\d{1,2}[.、]\s*|[一二三]、|\((?:[一二三四]|\d)\)\s*)?(?:(?P<v>{ORG}),(?:一家|系|为|是)|(?P<p>\p{Han}{2,4}),(?:中国公民|公民|中国籍|国籍))[^。;]{0,200}?\((?:本合同|本协议)?(?:"#,
            short_name_word!(),
            r#")?[“"'「]?(?:"#,
            $roles,
            r#")[”"'」]?\)"#
        )
    };
}
/// A party set out on a line of its own, its particulars after it, and only then the word this
/// contract calls it by, ending the sentence (`当事人之一:张三(公民身份号码…),住所…,系…房屋的权利人,
/// 本合同中称出租人。`); a person by a name of two to four characters (group `p`).
macro_rules! particulars_then_called {
    ($roles:expr) => {
        concat!(
            r#"(?m)^(?:\p{Han}{2,8}:)?(?:(?P<v>{ORG})|(?P<p>[\p{Han}--[向与和由及给将]]\p{Han}{1,3}))(?:\([^()]{1,60}\))?,[^。;:]{0,200}?[,;](?:本合同|本协议)(?:中|内|里)?(?:"#,
            short_name_word!(),
            r#"|称为|称)[“"'「]?(?:"#,
            $roles,
            r#")[”"'」]?(?:[,;。]|$)"#
        )
    };
}
/// A party with its code first in the bracket that gives its short name
/// (`XX(统一社会信用代码:…,下称“出租人”)`).
macro_rules! coded_then_introduced {
    ($roles:expr) => {
        concat!(
            r"(?P<v>{ORG})\((?:统一社会信用代码|社会信用代码|信用代码|注册号):?\n?[0-9A-Z]{15,18}",
            introduced_in_role!($roles)
        )
    };
}
/// A natural person introduced in a sentence, after a word that leads up to a name, with the
/// ID number in a bracket: `向王玉宏(身份证号码:…)`; the bracket may go on with the short name
/// (`由刘娥鑫(身份证号码:…,以下简称“甲方”)`: it is then left open for `introduced_as`).
macro_rules! person_in_sentence {
    () => {
        r"(?:^|[\n,。;:、与和向由及]|\d[.、]|的一方[为是系])(?P<v>[\p{Han}--[向与和由及给将]]\p{Han}{1,3})\((?:公民)?身份(?:证|证号|证号码|证件号码|号码)[^)\n,;]{0,30}\)?"
    };
}

/// A natural person's name at a line's start, or after a recital's number (`1. 胡某(以下称“甲方”)
/// 系…的所有权人`), introduced by a short name in the bracket after: no role word (出租方, 承租人,
/// 单位) ends it, and the sentence goes on after the bracket (`在孵企业(乙方):` is a label).
macro_rules! person_at_line_start {
    () => {
        r"(?m)^(?:\d{1,2}[.、] ?)?(?P<v>[\p{Han}--[向与和由及给将]]\p{Han}{0,2}[\p{Han}--[方人位司]])"
    };
}

/// A natural person after a label of any word at a line's start, introduced by a short name
/// in the bracket after (`产权方:张三(以下简称“甲方”)`, `本合同双方当事人:张三(房屋权属人,…,下称
/// 甲方)`): the position is sure, whatever the label calls the party.
macro_rules! person_after_label {
    () => {
        r"(?m)^[\p{Han}]{2,10}(?:\([\p{Han}]{1,6}\))?:(?P<v>[\p{Han}]{2,4})"
    };
}

/// The words that ask for a seal or a signature (盖章, 签字…), for the engine's readers of
/// signature lines; `seal!` adds their combinations.
pub const SEAL_WORDS: &str = "盖章|签章|公章|签字|签名";
/// What a signature line asks for after a party's label.
macro_rules! seal {
    () => {
        "(?:盖章|签章|公章|签字|签字盖章|盖章签字|签字或盖章|签名)"
    };
}
/// That request as one regex source (without its brackets), for the engine's signature readers.
pub const SEAL_REQUEST: &str = seal!();
/// The words that label an audit report's verification code (防伪编码, 报备号, 核验码, 核对码, 稽核码,
/// 报告登记码, 报告信息码, 唯一性编码, 统一编码, a caption 查验二维码 over the code printed under the symbol,
/// a filing's query 报备防伪查询, the code a filing platform gives, 平台赋码, 备案赋码号 or 备案身份码, …).
macro_rules! report_code_label {
    () => {
        r"(?:报告验证码|报告防伪码|报告序号|报告序列号|业务报备号|(?:报告|平台|电子|协会|系统|行业)?赋码(?:号|编号)?|报告(?:登记|备查|注册|追溯|信息)?(?:码|编码|代码)|统一编码|(?:验证|防伪|查验|核验|查询|报备|备案)二维码|(?:报备|备案)(?:防伪|验证|核验|查验)?查询|防伪查询|(?:报告)?真伪(?:(?:核查|查验|核验|验证|核对|查询)(?:码|编码|编号|号码|代码)?|码|编码|编号|号码|代码)|(?:报告)?(?:电子)?(?:验证|验真|验伪|防伪|报备|查验|查证|备案|校验|监管|唯一性|唯一|识别|核验|核对|核查|稽核|查询|标识|鉴证)(?:查询|查验|识别|验证|验真|标识|信息|序列|凭证|身份)?(?:码|编码|编号|号码|号|赋码(?:号|编号)?|代码))"
    };
}

/// Who a report is addressed to after the entity's name (`XX公司全体股东:`, `XX公司董事会:`).
macro_rules! addressee_body {
    () => {
        concat!(
            "(?:",
            addressee_word!(),
            ")(?:(?:及|和|、)(?:",
            addressee_word!(),
            "))?"
        )
    };
}
/// One of those words (a salutation may join two: `董事会及股东`, `执行董事及经理`,
/// `董事会及审计委员会`; a meeting that decides for the entity: `总经理办公会`).
macro_rules! addressee_word {
    () => {
        "总经理办公会议|总经理办公会|经理办公会|办公会议|办公会|全体股东|各位股东|各股东|全体合伙人|全体投资人|全体投资者|全体出资人|全体出资方|全体投资方|投资人|投资者|投资方|出资人|出资者|出资方|合伙人|经营者|全体董事|董事会审计委员会|审计委员会|董事会|董事长|股东大会|股东会|股东|监事|经营管理层|高级管理层|经营层|经营管理团队|经营团队|管理团队|管理层|理事会|执行董事|监事会|总经理|经理层|经理|管理当局|治理层|法定代表人|负责人"
    };
}
/// One character of the words a salutation puts after the entity's name for its people
/// (董事长及经营班子, 股东会全体成员): none that ends or continues an organisation's name (公司,
/// 中心, 集团, 合作社, 有限, 企业), a seal, a label, a document's words or a list's lead (如下).
macro_rules! addressee_people {
    () => {
        r"[\p{Han}、--[公司的章名址话告计期号码心团社限业如下]]"
    };
}
/// What makes those words people (股东, 董事长, 经营班子, 全体成员, 管理层, 运营管理办公室…; the
/// office's 公 is none of `addressee_people`'s): a salutation's tail
/// holds one, a heading's (`…基地基本情况:`) none.
macro_rules! people_stem {
    () => {
        r"(?:股东|董事|监事|经理|成员|班子|管理办公室|办公室|管理|负责人|出资|投资|合伙|经营者|层|会|长)"
    };
}
/// The entity's name at the head of a salutation (`v`): no clause's 的 in it, up to a form an
/// organisation's name ends with (wrapped inside 公司 now and then: `…有限责任公` / `司董事会:`).
macro_rules! salutation_name {
    () => {
        r"(?P<v>[^\n:,。;(的][^\n:,。;的]{1,39}?(?:公\n?司|中心|集团|企业|合伙\)|合作社|基地))"
    };
}
/// Those words as one regex source, for the engine to cut them off a name read by a label
/// (`致:XX公司全体股东`).
pub const ADDRESSEE_BODY: &str = addressee_body!();

/// A label ends with its colon, or is a cell of its own (the value follows on the next line).
macro_rules! cell_end {
    () => {
        r"(?::|\n|$)"
    };
}

/// Head leases and subleases. The role words differ (出租方/转租方, 承租方/次承租方) but the
/// fields are the same; `is_sublease` says which it is.
pub const LEASE: KindSpec = KindSpec {
    kind: DocumentKind::Lease,
    titles: &[
        // (a lease word and the premises before the contract's word: `转租场地协议书`, `租赁房屋合同`)
        // (or a contract's word of its own: `房屋分租合约`, `房屋租约`)
        r"^[\p{Han}()]{0,16}((?:租赁|转租|分租|租用)(?:房屋|场地|厂房|物业|用房|办公用房|场所)?(?:合同|协议|契约|合约)|租房合同|(?:房屋|场地|厂房|物业|办公用房)租约|(?:场地|房屋|厂房|办公用房|物业)(?:有偿|无偿)?使用(?:合同|协议))(书)?(\([\p{Han}]{1,4}\))?$",
        // an incubator's or a maker space's agreement with a resident (入驻服务协议, 入孵协议书)
        r"^[\p{Han}()]{0,16}(?:入驻|入孵|孵化|入园|进驻)(?:服务|管理)?(?:合同|协议)(书)?(\([\p{Han}]{1,4}\))?$",
    ],
    keywords: &[
        ("出租", 1.0),
        ("承租", 1.0),
        ("租金", 1.0),
        ("租赁期限", 1.0),
        ("甲方", 0.5),
        ("乙方", 0.5),
    ],
    labels: &[
        // A role word in the label (出租方, 甲方(出租人)) says who is who, whatever the
        // brackets add (甲方, 以下简称甲方, 转租方, 盖章); 甲方/乙方 alone say only the
        // position, resolved by `positional`.
        label(
            concat!(
                "(?:",
                thing_let!(),
                r"?(?:",
                lessor!(),
                r")",
                // (a heading over the party's rows: `出租方信息` / `姓名:XX`)
                r"(?:基本信息|信息)?",
                name_word!(),
                // (a note in the bracket may wrap in a narrow cell: `转租人(原承租` / `人)`)
                r"(?:\([^)\n]{0,16}(?:\n[^()\n]{1,4})?\))?|(?:",
                operator!(),
                r")",
                // (the operator with its position, `运营方(乙方)`, is that position: the tenant
                // of a head lease, the landlord of an entry agreement, as the clauses say)
                r"(?:基本信息|信息)?",
                name_word!(),
                r"(?:\([^)甲乙\n][^)\n]{0,15}\))?|",
                // (or a position and the role its bracket gives it, after its head-lease role
                // when it lets on: `乙方(承租方兼转租方)`)
                // (the bracket may wrap to the next line: `甲  方` / `(出租人):XX`)
                r"(?:甲方|乙方|丙方)\n?\((?:[^)\n]{1,10}[/、,或兼])?(?:",
                lessor_in_brackets!(),
                r")[^)\n]{0,12}\)|[\p{Han}--[盖章签字名印原前]][\p{Han}--[盖章签字名印]]{0,5}\((?:",
                lessor!(),
                r")\))",
                // 出租方(甲方)全称:
                name_word!(),
                cell_end!()
            ),
            "lessor",
            Parse::Name,
        ),
        label(
            concat!(
                "(?:",
                thing_let!(),
                r"?(?:",
                lessee!(),
                r")",
                // (a heading over the party's rows: `出租方信息` / `姓名:XX`)
                r"(?:基本信息|信息)?",
                name_word!(),
                // (a note in the bracket may wrap in a narrow cell: `转租人(原承租` / `人)`)
                r"(?:\([^)\n]{0,16}(?:\n[^()\n]{1,4})?\))?|(?:甲方|乙方|丙方)\n?\((?:[^)\n]{1,10}[/、,或])?(?:",
                lessee_in_brackets!(),
                // (a tenant that lets on, `承租方兼转租方`, lets in this document)
                r")[^)\n兼]{0,12}\)|[\p{Han}--[盖章签字名印原前]][\p{Han}--[盖章签字名印]]{0,5}\((?:",
                lessee!(),
                r")\))",
                // 出租方(甲方)全称:
                name_word!(),
                cell_end!()
            ),
            "lessee",
            Parse::Name,
        ),
        // The signature block names the parties again: one bracket (出租单位(盖章):XX) is read
        // by the labels above, a position and a seal (出租方(甲方)(盖章):XX) by these, a
        // slightly less sure second reading.
        LabelSpec {
            certainty: 0.9,
            ..label(
                concat!(
                    thing_let!(),
                    r"?(?:",
                    lessor!(),
                    "|",
                    operator!(),
                    r")(?:\((?:甲方|乙方)\))?\(",
                    seal!(),
                    r"\):"
                ),
                "lessor",
                Parse::Name,
            )
        },
        LabelSpec {
            certainty: 0.9,
            ..label(
                concat!(
                    thing_let!(),
                    r"?(?:",
                    lessee!(),
                    r")(?:\((?:甲方|乙方)\))?\(",
                    seal!(),
                    r"\):"
                ),
                "lessee",
                Parse::Name,
            )
        },
        // An incubator's entry agreement may call its operator 管理方 beside 入驻方 (a word
        // that also ends 物业管理方, hence only at a line's start): a less sure reading, so
        // that a property manager named beside a head lease's 出租方 leaves the lessor in
        // doubt instead of replacing it.
        LabelSpec {
            line_start_only: true,
            certainty: 0.85,
            ..label(
                concat!(r"(?:管理方|管理单位)", name_word!(), cell_end!()),
                "lessor",
                Parse::Name,
            )
        },
        // (or a heading of its own over the party's name row: `甲 方` / `名称:XX` / `住所:…`;
        // a heading alone over anything else, a signature block's `甲方` / `张三`, is no label)
        label(
            concat!(r"甲方(?::|\n", party_name_row!(), ")"),
            "party_a",
            Parse::Name,
        ),
        label(
            concat!(r"乙方(?::|\n", party_name_row!(), ")"),
            "party_b",
            Parse::Name,
        ),
        // A position its bracket names as the head landlord (`甲方(产权方、原出租人):` in a
        // three-party sublease): a party of the lease sublet, not of this one. (Before the
        // position's label below, which reads the same length.)
        stop(concat!(
            r"(?:甲方|乙方|丙方)\([^)\n]{0,10}(?:原出租方|原出租人)[^)\n]{0,10}\)",
            name_word!(),
            cell_end!()
        )),
        // A position with a role word of the document's own (甲方(孵化方):, 使用方(乙方):,
        // 供房方(以下简称甲方):):
        // the position is sure, the role comes from the clauses (`positional`). Not a seal's
        // bracket (甲方(盖章):), which the stop below takes.
        LabelSpec {
            line_start_only: true,
            ..label(
                concat!(
                    r"(?:甲方\([\p{Han}--[盖章签字名印]][\p{Han}/、--[盖章签字名印]]{0,11}\)|[\p{Han}--[盖章签字名印]]{1,8}\(",
                    short_name!(),
                    r#"?[“"]?甲方[”"]?\))"#,
                    name_word!(),
                    cell_end!()
                ),
                "party_a",
                Parse::Name,
            )
        },
        LabelSpec {
            line_start_only: true,
            ..label(
                concat!(
                    r"(?:乙方\([\p{Han}--[盖章签字名印]][\p{Han}/、--[盖章签字名印]]{0,11}\)|[\p{Han}--[盖章签字名印]]{1,8}\(",
                    short_name!(),
                    r#"?[“"]?乙方[”"]?\))"#,
                    name_word!(),
                    cell_end!()
                ),
                "party_b",
                Parse::Name,
            )
        },
        label(
            r"(?:(?:房屋坐落|租赁房屋坐落|坐落|座落)(?:地址|地点|位置)?|房屋地址|租赁地址)",
            "address",
            Parse::Text,
        ),
        label(
            r"(?:签订日期|签约日期|签署日期|签订时间|签约时间)",
            "signed_on",
            Parse::Date,
        ),
        // The term as two dated lines of a form (起租日期:…, 到期日期:…, 止租日:… or 退租日:…; a cell's
        // `入孵起始` / `入孵终止`, with no 日期, over its date).
        label(
            r"(?:起租日期?|(?:租赁|租用|转租|分租|入驻|使用)[起始]日期?|(?:租赁|租期|转租|分租|服务期|使用期|入驻|入孵|孵化|合同|协议)?(?:起始日期?|开始日期?)|(?:服务期|使用期|转租期|租赁期|租期|入驻期|孵化期)(?:起|始于|起于)|(?:租赁|租用|转租|分租|入驻|入孵|孵化)(?:起始|开始)(?::|\n|$))",
            "term_start",
            Parse::Date,
        ),
        label(
            r"(?:(?:租赁|租期|转租|分租|服务期|使用期|入驻|入孵|孵化|合同|协议)?(?:到期日期?|终止日期?|截止日期?|结束日期|届满日期?|期满日期?)|止租日期?|终租日期?|退租日期?|(?:租赁|租用|转租|分租|入驻|使用)[止终迄]日期?|(?:服务期|使用期|转租期|租期|入驻期|孵化期)止|(?:租赁|租用|转租|分租|入驻|入孵|孵化)(?:终止|到期|截止|结束|届满)(?::|\n|$))",
            "term_end",
            Parse::Date,
        ),
        stop(concat!(
            // (a representative's line in a signature block may offer two: `法定代表人/授权代表
            // (签字):`)
            r"(?:统一社会信用代码|社会信用代码|信用代码|(?:法定代表人|负责人)(?:[/或、](?:授权代表|委托代理人|授权代理人|代理人))?(?:\((?:签字|签名|签章|盖章)\))?|委托代理人|经办人|住所|地址|联系电话|电话|合同编号|租赁面积|计租面积|转租面积|出租面积|月租金|年租金|租赁期限(?:\((?:起止|起讫)\))?|",
            term_range_head!(),
            r"|租赁年限|签订地点|身份证号|居民身份证|公民身份号码|身份号码|证件号码|证件类型|证照类别及号码|证件类别及号码|证照类别|证件类别|证件种类|证照号码|证照号|证件号)",
        )),
        // A party's particular labelled with its role (`转租人统一社会信用代码`, `次租人住所`):
        // a label of its own, no role's label with a name after it.
        stop(concat!(
            r"(?:出租方|出租人|承租方|承租人|甲方|乙方|丙方|",
            sublessor!(),
            "|",
            sublessee!(),
            r")的?(?:统一社会信用代码|社会信用代码|信用代码|证照号码|证件号码|身份证号码|身份证号|法定代表人|负责人|住所|地址|联系电话|电话)"
        )),
        // A row label of a party table and the head landlord of a three-party sublease: they
        // end a value and fill no role.
        stop(concat!(
            names_row_label!(),
            r"(?:\(",
            seal!(),
            r"\))?(?::|\n|$)"
        )),
        stop(concat!(
            r"(?:原出租方|原出租人|产权方|产权人|丙方|",
            third_party!(),
            r")(?:\([\p{Han}]{1,6}\))?(?::|\n|$)"
        )),
        stop(concat!(r"(?:甲方|乙方|丙方)\(", seal!(), r"\)")),
    ],
    patterns: &[
        pat(
            r"坐落于(?P<v>[^,。;\n]{4,80}?)的(?:房屋|厂房|办公|场地|楼宇|写字楼|商铺|仓库)",
            &[("address", "v", Parse::Text)],
            0.95,
        ),
        pat(
            r"位于(?P<v>[^,。;\n]{4,80}?)的(?:房屋|厂房|办公|场地|楼宇|写字楼|商铺|仓库)",
            &[("address", "v", Parse::Text)],
            0.95,
        ),
        pat(
            r"位于(?P<v>[^,。;\n]{4,80}?)[,。;(]",
            &[("address", "v", Parse::Text)],
            0.9,
        ),
        pat(
            // (a table's row: `计租面积` / `4767.18m²`, the value in the next cell)
            r"(?:建筑面积|租赁面积|使用面积|面积)(?:为|共计|共|约|:)?\n?(?P<v>{AREA})",
            &[("area_m2", "v", Parse::Area)],
            0.95,
        ),
        pat_unless(
            concat!(
                r"(?:",
                term_word!(),
                // (its length may come first, a note in brackets after it: `租赁期60个月(五年),
                // 从DATE起计算,到DATE止`; then the day it starts named by an event and its date,
                // `自首批房屋交付之日即DATE起`)
                r")(?:为|是|:)?(?:为期|共计|共)?\n?(?:{DURATION}(?:\([^)\n]{1,10}\))?[,;]?(?:即)?(?:",
                starts_on_an_event!(),
                r")?|",
                starts_on_an_event!(),
                r"|[^。\n]{0,8}?)(?P<r>{RANGE})"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // The term by its first and last days (`租赁期头一天是DATE,末一天是DATE`, `租期的起算日是
        // DATE,届满日是DATE`, `转租期间共12个月:首日DATE,末日DATE`).
        pat_unless(
            concat!(
                r"(?:",
                term_word!(),
                r")[^。\n]{0,16}?(?:头一天|第一天|第一日|首日|首天|起算日|起始日|开始日|起租日|起日)(?:是|为|:)?(?P<a>{DATE})[,;]?(?:末一天|最后一天|最后一日|末日|届满日|期满日|终止日|到期日|截止日|结束日|止日)(?:是|为|:)?(?P<b>{DATE})"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // The term's dates after 起止日期 in a sentence about the term (`转租期限共36个月,起止日期为
        // DATE至DATE`); not in one about another period (`免租装修期三个月,起止时间:…`).
        pat_unless(
            concat!(
                r"(?:",
                term_word!(),
                r")[^。\n]{0,16}?起[止讫](?:日期|时间)(?:为|是|:)?(?P<r>{RANGE})"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // …or a label made of a lease word and 起止 itself (`租赁起讫日期:`, `入驻起止日期:` on a line
        // of its own over the range, `租赁起讫:`, `转租始末日期`): no other period is named so.
        pat_unless(
            r"(?:租赁|租用|承租|转租|入驻|入孵|孵化|使用|服务)(?:起[止讫]|始末)(?:日期|时间)?(?:为|是|:)?\n?(?P<r>{RANGE})",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // A first year counted from a day, and the term named as it ends (`首个租赁年度自DATE起算,
        // 租赁期于DATE届满`): the second clause says the range is the term's, whatever lease year
        // the first names.
        pat_unless(
            concat!(
                r"(?:自|从)(?P<a>{DATE})(?:开始计算|起计算|起算|算起|起计|计起|起)[,](?:",
                term_word!(),
                r")(?:将)?(?:于|在|至|到)(?P<b>{DATE})(?:届满|期满|终止|结束|止)"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // The term's row of a form with labelled cells (`租赁期限 | 起:DATE | 止:DATE`, or
        // `入驻(转租)期限 | 起 | DATE | 止 | DATE`, each label a cell of its own).
        pat(
            r"(?:租赁期限|租用期限|租赁期|租期|(?:入驻|入孵|孵化|转租|使用|服务)(?:\([\p{Han}]{1,4}\))?期限)\n?(?:起|起始日|开始日)(?:期)?(?::|\n)\s*(?P<a>{DATE})\n?(?:止|截止日|终止日|到期日)(?:期)?(?::|\n)\s*(?P<b>{DATE})",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
        ),
        pat_unless(
            r"(?P<r>{RANGE})",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.8,
            NOT_THE_TERM_ALONE,
        ),
        pat_unless(
            concat!(
                r"(?:",
                term_word!(),
                // (or counted as: `租赁期按96个月计`; a label's colon may come first:
                // `租赁期限:为期伍年`)
                r")(?::?(?:为期|为|是|按)|:)?\n?(?:共计|合计|合共|总计|总共|一共|共|计)?\n?(?P<v>{DURATION})"
            ),
            &[("term_stated", "v", Parse::Duration)],
            1.0,
            NOT_THE_TERM,
        ),
        // …or as the time the tenant uses the place for, said straight after the place
        // (`乙方租用该房屋伍年,从甲方交钥匙之日算起`).
        pat_unless(
            r"(?:租用|承租|租赁|使用)(?:该|此|上述|前述|本)?(?:房屋|场地|厂房|物业|房产|载体)(?:的?(?:时间|期限))?(?:为期|为|共计|共|计)?\n?(?P<v>{DURATION})(?:[,。;]|$)",
            &[("term_stated", "v", Parse::Duration)],
            0.95,
            NOT_THE_TERM,
        ),
        // A term's cell split into a head row of its own (`租赁期间` / `起` / `讫` / `共计` over the
        // two days and the length, a cell a line).
        pat(
            r"(?m)^(?:租赁期间|租赁期限|租赁期|租期|期限)\n(?:起|起始|始|自)\n(?:讫|止|至|终|终止|到)\n(?:(?:共计|合计|计|期限|年限|时长)\n)?(?P<a>{DATE})\n(?P<b>{DATE})$",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
        ),
        // …or as the whole time of the letting, said with a word for "in all" (`租赁前后共10年,
        // 从交房的那一天开始计算`)
        pat_unless(
            r"(?:租赁|租用|承租|出租)(?:前后|总共|一共|合计|累计)(?:共计|共|计)?(?P<v>{DURATION})",
            &[("term_stated", "v", Parse::Duration)],
            0.95,
            NOT_THE_TERM,
        ),
        // …or as the fixed term chosen on a model lease's form (`定期租赁:六年`, beside
        // `不定期租赁:…`, whose check box OCR may not read).
        pat(
            r"(?m)^[□☑■√]?\s*定期(?:租赁|租用|出租)(?:期限)?(?:为|:)\s*(?P<v>{DURATION})",
            &[("term_stated", "v", Parse::Duration)],
            0.95,
        ),
        // The day the term is counted from, named with the term's end (`交付日为DATE,租赁期至
        // DATE届满`, after `租赁期限为五年,自交付日起计算`).
        pat(
            r"(?:交付日|起租日|计租日|起算日|租赁起始日)(?:期)?(?:为|是|:)(?P<a>{DATE})[,,;]?(?:租赁期限|租赁期|租期)(?:至|到)(?P<b>{DATE})(?:届满|止|结束)",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
        ),
        // A lease written as a letter to the tenant (致:XX, or XX: on a line of its own), who
        // is then called 贵方 or 贵公司 with its role (贵方(以下简称"使用方")).
        pat(
            concat!(
                r"(?sm)^(?:致:(?P<v>[^\n]{4,60})|(?P<w>[^\n:,。]{4,60}):)\n.*?贵(?:方|公司|单位)\(",
                short_name!(),
                r#"[“"']?(?:使用方|承租方|承租人|租用方|租入方|次承租方|次承租人|乙方)"#
            ),
            &[
                ("lessee", "v", Parse::Name),
                ("lessee", "p", Parse::Name),
                ("lessee", "w", Parse::Name),
                ("lessee", "q", Parse::Name),
            ],
            0.95,
        ),
        // An incubator's entry agreement whose tenant is `见《入孵企业基本情况登记表》`: the
        // firm named in that form.
        pat(
            r"(?s)(?:入孵|入驻|在孵)企业[^\n]{0,8}(?:登记表|信息表|情况表)\n(?:[^\n]*\n){0,3}?(?:企业名称|单位名称|名称):?\n?(?P<v>[^\n]{4,60})",
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // A renewal contract (its title says 续签, 续租): the renewed period is its term, where in any
        // other lease a 续签 period is an option and not the term.
        pat(
            concat!(
                r"(?s)\A[^\n]*(?:续签|续租|续订|续约)[^\n]*\n.*?(?:",
                renewal_term_word!(),
                r")(?:为|是|:)?[^。;\n]{0,16}?(?:(?P<r>{RANGE})|(?P<c>{DATE})起,(?P<d>{DATE})止)"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
                ("term_start", "c", Parse::Date),
                ("term_end", "d", Parse::Date),
            ],
            1.0,
        ),
        // …and its stated duration (`续签租期为五个租赁年度(五年),自…之日起计算`).
        pat(
            concat!(
                r"(?s)\A[^\n]*(?:续签|续租|续订|续约)[^\n]*\n.*?(?:",
                renewal_term_word!(),
                r")(?:为|是|:)?(?:共计|合计|合共|总计|总共|一共|共|计)?(?P<v>{DURATION})"
            ),
            &[("term_stated", "v", Parse::Duration)],
            1.0,
        ),
        // The last day given as the day before an anniversary and then by date (`自DATE起至满五
        // 周年之日(DATE)的前一日即DATE止`).
        pat_unless(
            r"(?:租赁期限|租赁期|租期|期限)[^。;\n]{0,12}?(?:自|从)(?P<a>{DATE})(?:起)?(?:至|到)[^。;\n]{0,40}?即(?P<b>{DATE})(?:止|结束|届满)",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // A contract's definitions (`“租赁期限”:指始于DATE,终于DATE的期间`, `…:指自交付日起连续
        // 计算的六年`; `“租赁期限”指…` reads as `租赁期限:指…`, see text::definition_to_colon).
        pat(
            concat!(
                r"(?:",
                term_word!(),
                r#")[”"'」]?:(?:指|是指)(?:始于|自|从)(?P<a>{DATE})(?:起)?[,]?(?:终于|止于|至|到)(?P<b>{DATE})"#
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
        ),
        pat(
            concat!(
                r"(?:",
                term_word!(),
                r#")[”"'」]?:(?:指|是指)[^。;\n0-9]{0,20}?(?P<v>{DURATION})(?:的?(?:期间|时间|期限))?(?:[。;]|$)"#
            ),
            &[("term_stated", "v", Parse::Duration)],
            1.0,
        ),
        // The first and the last day each named (`起租日为DATE,到期日为DATE`, `…,止租日为DATE`,
        // `…,退租日DATE`, `起租之日为DATE,期满之日为DATE`).
        pat_unless(
            r"(?:(?:起租|计租)之日|起租日|起始日|租赁起始日|开始日|起租时间|起算日|计租日)(?:期)?(?:为|是|:)?(?P<a>{DATE})[^。;\n]{0,6}?(?:(?:到期|届满|止租|期满)之日|到期日|终止日|届满日|截止日|结束日|租赁终止日|止租日|止租时间|退租日|终租日|终租时间|届止日|期满日)(?:期)?(?:为|是|:)?(?P<b>{DATE})",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
            NOT_THE_TERM,
        ),
        // …or the tenant's use of the premises from one day, and their return on another
        // (`转入方自DATE起使用房屋,至DATE交还`): the term said without its word.
        pat_unless(
            r"(?:自|从)(?P<a>{DATE})(?:起|开始)(?:使用|租用|承租|入驻|进驻)[^。;\n]{0,12}?[,]?(?:至|到)(?P<b>{DATE})(?:交还|退还|归还|腾退|返还|搬离|腾空)",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
            NOT_THE_TERM,
        ),
        // …or the first day named, then the day the term runs to (`起租日期为DATE,租赁期限届至
        // DATE`).
        pat_unless(
            r"(?:(?:起租|计租)之日|起租日|起始日|租赁起始日|开始日|起租时间|起算日|计租日)(?:期)?(?:为|是|:)?(?P<a>{DATE})[,;]?(?:租赁期限|租赁期|租期|期限)?(?:届至|届满至|截止至|截止到|截至|至|到)(?P<b>{DATE})",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
            NOT_THE_TERM,
        ),
        // The term's first and last day each named in a sentence of its own, anywhere in the
        // article (`租赁期限共5年,起始日DATE。…(two lines of other terms)…租赁期限的终止日为DATE`): the
        // day belongs to the term when the sentence names the term before it.
        pat_unless(
            concat!(
                lease_term_word_wrapped!(),
                r"(?:[^。;\n]{0,12}?[,:])?(?:起始日|起租日|开始日|起算日|首日)(?:期)?(?:为|是|:)?(?P<a>{DATE})",
                // (its last day in the same sentence: `转租期限1年,首日为DATE,末日为DATE`)
                r"(?:[,;](?:终止日|到期日|届满日|截止日|结束日|末日|最后一日)(?:期)?(?:为|是|:)?(?P<b>{DATE}))?"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.9,
            NOT_THE_TERM,
        ),
        pat_unless(
            concat!(
                lease_term_word_wrapped!(),
                r"\n?的?(?:终止日|到期日|届满日|截止日|结束日|末日|最后一日)(?:期)?(?:为|是|:)?(?P<b>{DATE})"
            ),
            &[("term_end", "b", Parse::Date)],
            0.9,
            NOT_THE_TERM,
        ),
        // The term's first and last day each named after its date (`DATE为租赁期的第一日,DATE为
        // 租赁期的最后一日`), the term word wrapped anywhere.
        pat_unless(
            concat!(
                r"(?P<a>{DATE})(?:为|是|系)\n?",
                lease_term_word_wrapped!(),
                r"\n?的?\n?(?:第一日|第一天|首日|起始日|开始日|起始之日|开始之日)"
            ),
            &[("term_start", "a", Parse::Date)],
            0.95,
            NOT_THE_TERM,
        ),
        pat_unless(
            concat!(
                r"(?P<b>{DATE})(?:为|是|系)\n?",
                lease_term_word_wrapped!(),
                r"\n?的?\n?(?:最后一日|最后一天|末日|最末日|届满日|终止日|到期日)"
            ),
            &[("term_end", "b", Parse::Date)],
            0.95,
            NOT_THE_TERM,
        ),
        // The day rent is first counted, as a form's labelled line (`起始计租日:DATE`), with no
        // start of the term printed: the term may start then or at the handover before it (a
        // rent-free fit-out), so it is read below the rules' threshold and a person decides.
        pat(
            r"(?m)^(?:\d(?:\.\d)?\s*)?(?:起始)?计租(?:起始|开始)?日期?:\n?(?P<a>{DATE})",
            &[("term_start", "a", Parse::Date)],
            0.6,
        ),
        // …or, in one sentence, the day the lease starts and the day its term expires
        // (`DATE为起租之日,DATE为租赁年期届满之日`), the last words wrapped anywhere; not a
        // day rent starts alone (计租日, after a rent-free period).
        pat_unless(
            concat!(
                r"(?P<a>{DATE})(?:为|是|系)\n?(?:起租|租赁起始|租期起始)\n?(?:之日|日)[,;]\n?(?P<b>{DATE})(?:为|是|系)\n?(?:本合同|本协议)?(?:",
                term_word!(),
                r")\n?(?:届\n?满|\n?满|到\n?期|终\n?止|结\n?束)\n?(?:之日|日)"
            ),
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
            NOT_THE_TERM,
        ),
        // A term from a day on and until another, in two clauses (`租赁期限2023年9月15日起,
        // 2024年9月14日止`).
        pat_unless(
            r"(?:租赁期限|租赁期|租期|期限)(?:为|是|:)?(?:[^。;\n,]{0,8}[,])?(?:自|从)?(?P<a>{DATE})(?:起租|起算|起计|起|开始)[,](?P<b>{DATE})\n?(?:止|结束|到期|届满|终止)",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            1.0,
            NOT_THE_TERM,
        ),
        // A term counted from a date named just before (`甲方应于DATE将房屋交付乙方,租赁期自该日
        // 起至DATE止`, `出租方于DATE交付房屋,租赁期同日开始,于DATE结束`).
        // (the day is the premises' handing over, and the period the lease's own: not a
        // fit-out period's, a land grant's or a deposit's)
        pat_unless(
            r"(?P<a>{DATE})[^。;\n]{0,16}?(?:交付|交房|移交|交接)[^。;\n]{0,12}?[,]?(?:租赁期限|租赁时限|租赁期|租期)(?:自|从)?(?:该日|当日|此日|同日|交付之日|交付日)(?:开始计算|起算|开始|起)?[,]?(?:至|到|于)(?P<b>{DATE})",
            &[
                ("term_start", "a", Parse::Date),
                ("term_end", "b", Parse::Date),
            ],
            0.95,
            NOT_THE_TERM,
        ),
        // `…至…止，共计五年`: a total written after the term's range.
        pat_unless(
            r"{RANGE}[^。\n]{0,3}?(?:共计|合计|合共|共|计|为期)(?P<v>{DURATION})",
            &[("term_stated", "v", Parse::Duration)],
            1.0,
            NOT_THE_TERM,
        ),
        pat(
            r"年租金(?:标准)?(?:为|是|:)?(?:人民币)?(?P<v>{NUM})元",
            &[(
                "rent",
                "v",
                Parse::Rent {
                    period: "year",
                    per_m2: false,
                },
            )],
            1.0,
        ),
        // (not a rate per square metre: `每平方米每月租金16.49元`)
        pat_unless(
            r"月租金(?:标准)?(?:为|是|:)?(?:人民币)?(?P<v>{NUM})元",
            &[(
                "rent",
                "v",
                Parse::Rent {
                    period: "month",
                    per_m2: false,
                },
            )],
            1.0,
            r"每(?:平方米|平米|㎡|m²)每月租金[^0-9]{0,6}$",
        ),
        pat(
            r"每平方米每(?:天|日)(?:人民币)?(?P<v>{NUM})元",
            &[(
                "rent",
                "v",
                Parse::Rent {
                    period: "day",
                    per_m2: true,
                },
            )],
            1.0,
        ),
        pat(
            r"每平方米每月(?:租金)?(?:为|是|:)?(?:人民币)?(?P<v>{NUM})元",
            &[(
                "rent",
                "v",
                Parse::Rent {
                    period: "month",
                    per_m2: true,
                },
            )],
            1.0,
        ),
        // A letter that is the lease (a landlord's 确认函 the tenant signs back): the writer
        // names itself in a bracket after 我单位 and says it lets (`我单位(XX)研究后,愿按以下条件
        // 出租`), and the one it writes to, in the salutation, is the one that asked to rent
        // (`YY:` / `贵单位…拟租我单位房屋`).
        pat(
            r"我(?:单位|公司|方|司)\((?P<v>[^()\n,。:]{2,40}?(?:\([^()\n]{1,8}\)[^()\n,。:]{0,30})?)\)[^。;\n]{0,30}?(?:愿|同意|拟|决定)?[^。;\n]{0,10}出租",
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            r"(?m)^(?P<v>{ORG}):\n[^。]{0,60}?贵(?:单位|公司|方|司)(?:拟|欲|想|准备|打算)?(?:承租|租用|租赁|租入|租)",
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // …or a tenant's letter subletting part of its own lease (`关于房屋转租事宜的确认函`): the
        // writer names itself after 我单位 and, perhaps after telling whom it rents from, lets
        // to the one it writes to (`我单位将其中…转租给贵单位使用`).
        pat(
            r"(?s)我(?:单位|公司|方|司)\((?P<v>[^()\n,。:]{2,40}?(?:\([^()\n]{1,8}\)[^()\n,。:]{0,30})?)\).{0,400}?我(?:单位|公司|方|司)[^。;\n]{0,40}?(?:转租|出租|租)给贵(?:单位|公司|方|司)",
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            r"(?sm)^致:(?P<v>{ORG})\n.{0,600}?我(?:单位|公司|方|司)[^。;\n]{0,40}?(?:转租|出租|租)给贵(?:单位|公司|方|司)",
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // A party whose bracket says what it is in this contract, after what it was in another
        // (`XX(原承租人,在本合同中为转租方)`, `YY(在本合同中为承租方)`).
        pat(
            concat!(
                r"(?P<v>{ORG})\((?:[^()\n]{1,16}[,;、])?(?:在|于)?本(?:合同|协议)(?:中|内|里)?(?:为|是|作为|系|称)(?:",
                lessor!(),
                r")\)"
            ),
            &[("lessor", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(
                r"(?P<v>{ORG})\((?:[^()\n]{1,16}[,;、])?(?:在|于)?本(?:合同|协议)(?:中|内|里)?(?:为|是|作为|系|称)(?:",
                lessee!(),
                r")\)"
            ),
            &[("lessee", "v", Parse::Name)],
            0.95,
        ),
        // A party's line with its role in a bracket after a word of the document's own and the
        // name straight after, its colon lost (`回执单位(承租方)长治市…公司`).
        pat(
            concat!(r"(?m)^\p{Han}{2,6}\((?:", lessor!(), r")\)(?P<v>{ORG})"),
            &[("lessor", "v", Parse::Name)],
            0.85,
        ),
        pat(
            concat!(r"(?m)^\p{Han}{2,6}\((?:", lessee!(), r")\)(?P<v>{ORG})"),
            &[("lessee", "v", Parse::Name)],
            0.85,
        ),
        // Parties named in the opening sentence: `XX(出租方)`, `XX(以下简称出租方)`…
        pat(
            concat!(
                r"(?:甲方|乙方)?:?(?P<v>{ORG})",
                introduced_in_role!(lessor!())
            ),
            &[("lessor", "v", Parse::Name)],
            0.95,
        ),
        // …`XX(统一社会信用代码:…,下称“出租人”)`: the code first in the bracket…
        pat(
            coded_then_introduced!(lessor!()),
            &[("lessor", "v", Parse::Name)],
            0.95,
        ),
        pat(
            coded_then_introduced!(lessee!()),
            &[("lessee", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_in_sentence!(), introduced_in_role!(lessor!())),
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            concat!(
                r"(?:甲方|乙方)?:?(?P<v>{ORG})",
                introduced_in_role!(lessee!())
            ),
            &[("lessee", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_in_sentence!(), introduced_in_role!(lessee!())),
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // …a contract's definitions (`“出租方”或“甲方”:指XX公司,统一社会信用代码…`)…
        pat(
            concat!(
                r#"(?m)[“"]?(?:"#,
                lessor!(),
                r#")[”"]?(?:或[“"]?(?:甲方|乙方)[”"]?)?:(?:指|是指)(?P<v>{ORG}|\p{Han}{2,4})(?:[,(]|$)"#
            ),
            &[("lessor", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(
                r#"(?m)[“"]?(?:"#,
                lessee!(),
                r#")[”"]?(?:或[“"]?(?:甲方|乙方)[”"]?)?:(?:指|是指)(?P<v>{ORG}|\p{Han}{2,4})(?:[,(]|$)"#
            ),
            &[("lessee", "v", Parse::Name)],
            0.95,
        ),
        // …a person's name alone at a line's start, the role in the bracket after and the ID
        // number later in the clause (`董红军(下称“出租人”),公民身份号码…`)…
        pat(
            concat!(
                r"(?m)^(?P<v>[\p{Han}--[甲乙丙]]\p{Han}{1,3})\((?:",
                short_name_word!(),
                r#")[“"'「]?(?:"#,
                lessor!(),
                r#")[”"'」]?\)"#
            ),
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            concat!(
                r"(?m)^(?P<v>[\p{Han}--[甲乙丙]]\p{Han}{1,3})\((?:",
                short_name_word!(),
                r#")[“"'「]?(?:"#,
                lessee!(),
                r#")[”"'」]?\)"#
            ),
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // …described before its short name (`XX,一家依据中国法律设立并存续的企业,统一社会信用
        // 代码:…,注册地址:…(以下简称“出租方”);`)…
        pat(
            described_then_introduced!(lessor!()),
            &[("lessor", "v", Parse::Name), ("lessor", "p", Parse::Name)],
            0.95,
        ),
        pat(
            described_then_introduced!(lessee!()),
            &[("lessee", "v", Parse::Name), ("lessee", "p", Parse::Name)],
            0.95,
        ),
        // …set out with its particulars, then called so (`…,系…的权利人,本合同中称出租人。`)…
        pat(
            particulars_then_called!(lessor!()),
            &[("lessor", "v", Parse::Name), ("lessor", "p", Parse::Name)],
            0.95,
        ),
        pat(
            particulars_then_called!(lessee!()),
            &[("lessee", "v", Parse::Name), ("lessee", "p", Parse::Name)],
            0.95,
        ),
        // …`XX(出租方,以下简称“甲方”)`: the role first in the bracket, then the short name…
        pat(
            led_by_name_in_role!(lessor_in_brackets!()),
            &[("lessor", "v", Parse::Name)],
            0.95,
        ),
        pat(
            led_by_name_in_role!(lessee_in_brackets!()),
            &[("lessee", "v", Parse::Name)],
            0.95,
        ),
        // …or its role first in the bracket, its particulars after (`XX(房屋产权人,统一社会信用
        // 代码…)`), or its role before it (`作为出租人的XX`)…
        pat_unless(
            named_in_role_first!(lessor_in_brackets!()),
            &[
                ("lessor", "v", Parse::Name),
                ("lessor", "p", Parse::Name),
                ("lessor", "w", Parse::Name),
                ("lessor", "q", Parse::Name),
            ],
            0.9,
            RECITAL,
        ),
        pat_unless(
            named_in_role_first!(lessee_in_brackets!()),
            &[
                ("lessee", "v", Parse::Name),
                ("lessee", "p", Parse::Name),
                ("lessee", "w", Parse::Name),
                ("lessee", "q", Parse::Name),
            ],
            0.9,
            RECITAL,
        ),
        // …or its role alone in the bracket (`XX有限公司(出租方) 与 YY有限公司(承租方)`)…
        pat(
            named_in_role_alone!(lessor_in_brackets!()),
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            named_in_role_alone!(lessee_in_brackets!()),
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // …or only in the title (`XX与YY房屋租赁合同`), the first named the 甲方 as contracts
        // are titled; the party rows then give codes and addresses without names, and the
        // clauses or the rows' role words which position lets…
        pat(
            r"\A(?:[^\n]*\n){0,2}?(?P<a>{ORG}|[\p{Han}--[与和]]{2,4})(?:与|和)(?P<b>[\p{Han}()--[与和]]{2,40}?\n?[\p{Han}()]{0,30}?(?:有限责任公司|股份有限公司|有限公司|公司|中心|集团|合作社)|[\p{Han}--[与和]]{2,4})(?:之间)?的?\n*[\p{Han}()]{0,16}(?:租赁合同|租赁协议|转租合同|转租协议|使用合同|使用协议)",
            &[("party_a", "a", Parse::Name), ("party_b", "b", Parse::Name)],
            0.9,
        ),
        // …`出租方XX与承租方YY` (either first), the role word at a clause's start…
        pat(
            concat!(r"(?m)(?:^|[,。;:与和])(?:", lessor!(), r"):?(?P<v>{ORG})"),
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            concat!(r"(?m)(?:^|[,。;:与和])(?:", lessee!(), r"):?(?P<v>{ORG})"),
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // …the party described by what it does (`提供场地的一方为XX`, `租入场地并运营孵化基地的一方为YY`)…
        pat(
            r"(?:提供|出租|让出|交出)(?:场地|房屋|物业|厂房|房产|用房)?的一方(?:为|是|系):?(?P<v>{ORG})",
            &[("lessor", "v", Parse::Name)],
            0.9,
        ),
        pat(
            r"(?:租入|承租|租用|租下|使用)[^。\n;,的]{0,14}的一方(?:为|是|系):?(?P<v>{ORG})",
            &[("lessee", "v", Parse::Name)],
            0.9,
        ),
        // …or by position, `XX(以下简称甲方)` or `甲方XX与乙方YY`, whose roles the clauses say
        // (`positional`).
        pat(
            concat!(
                r#"(?:甲方|乙方|"#,
                lessor!(),
                "|",
                lessee!(),
                r#")?:?(?P<v>{ORG})"#,
                introduced_as!("甲方")
            ),
            &[("party_a", "v", Parse::Name)],
            1.0,
        ),
        pat(
            concat!(person_in_sentence!(), introduced_as!("甲方")),
            &[("party_a", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_after_label!(), introduced_as!("甲方")),
            &[("party_a", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_at_line_start!(), introduced_as!("甲方"), r"[^:\n]"),
            &[("party_a", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_at_line_start!(), aside!(), introduced_as!("甲方")),
            &[("party_a", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(
                r#"(?:甲方|乙方|"#,
                lessor!(),
                "|",
                lessee!(),
                r#")?:?(?P<v>{ORG})"#,
                introduced_as!("乙方")
            ),
            &[("party_b", "v", Parse::Name)],
            1.0,
        ),
        pat(
            concat!(person_in_sentence!(), introduced_as!("乙方")),
            &[("party_b", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_after_label!(), introduced_as!("乙方")),
            &[("party_b", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_at_line_start!(), introduced_as!("乙方"), r"[^:\n]"),
            &[("party_b", "v", Parse::Name)],
            0.95,
        ),
        pat(
            concat!(person_at_line_start!(), aside!(), introduced_as!("乙方")),
            &[("party_b", "v", Parse::Name)],
            0.95,
        ),
        pat(
            r"甲方:?(?P<a>{ORG})(?:\([^)]{0,12}\))?(?:与|和|同)乙方:?(?P<b>{ORG})",
            &[("party_a", "a", Parse::Name), ("party_b", "b", Parse::Name)],
            1.0,
        ),
        // A party table with a row per position (甲方 | name | credit code | …), its cells one
        // a line: the name is the cell after the position's, wrapped in its narrow cell.
        pat(
            r"(?m)^甲方(?:\([^)]{0,12}\))?\n(?P<v>[^\n:,。;]{2,40}(?:\n[^\n:,。;0-9]{1,20})?)\n[0-9A-Z]{18}$",
            &[("party_a", "v", Parse::Name)],
            0.95,
        ),
        pat(
            r"(?m)^乙方(?:\([^)]{0,12}\))?\n(?P<v>[^\n:,。;]{2,40}(?:\n[^\n:,。;0-9]{1,20})?)\n[0-9A-Z]{18}$",
            &[("party_b", "v", Parse::Name)],
            0.95,
        ),
        // A sublease (转租, 分租, 二次租赁; a `转租事项备忘录` signed as one, a park's `转租情况登记单`
        // form filled in and signed by both) is known by its title or
        // its party labels, never by words of the body: most head leases forbid subletting or ask for 转租合同 to be filed in a clause. An
        // incubator's entry agreement (入驻协议, 入孵协议) lets part of the base's own site.
        pat(
            r"\A(?:[^\n]*\n){0,5}?[\p{Han}()]{0,16}(?P<v>(?:转租|分租)(?:[\p{Han}]{0,4}?(?:确认书|确认函|约定书|备忘录|(?:申请|申报|报备|备案|审批|审核|登记|情况)(?:表|单|书)|一览表|告知书|通知书)|(?:房屋|场地|厂房|物业|房产|办公用房)?(?:三方|四方)?(?:合同|协议|约定|契约|合约))|(?:二次|再)(?:租赁|出租)(?:\([\p{Han}]{1,6}\))?(?:合同|协议|契约|合约)|\([\p{Han}]{0,8}转租\)|(?:入驻|入孵|孵化|入园|进驻)(?:服务|管理)?(?:合同|协议))(?:书)?(?:\([\p{Han}]{1,4}\))?(?:\n|\z)",
            &[("is_sublease", "v", Parse::Flag(true))],
            0.97,
        ),
        // …but an entry agreement whose tenant runs the base (`园区房屋租赁及入驻协议`, 乙方(入驻运营方),
        // `乙方在该房屋内建设运营小微企业创业创新基地`) is the base's own lease: the resident an
        // entry agreement lets to never runs the base (`乙方申请入驻甲方运营的孵化基地` is the
        // operator's). (A 转租 or 分租 title stays a sublease: its sublessee runs the base too.)
        pat(
            r"\A(?:[^\n]*\n){0,5}?[\p{Han}()--[转分]]{0,16}(?:入驻|入孵|孵化|入园|进驻)(?:服务|管理)?(?:合同|协议)(?:书)?\n(?s:.*?)(?:(?:乙方|承租方|承租人)\([\p{Han}]{0,4}(?P<v>运营)[\p{Han}]{0,2}\)|(?:乙方|承租方|承租人)[^。;\n甲出]{0,30}?(?P<w>运营)[^。;\n]{0,20}?(?:基地|众创空间|孵化器|园区))",
            &[
                ("is_sublease", "v", Parse::Flag(false)),
                ("is_sublease", "w", Parse::Flag(false)),
            ],
            0.98,
        ),
        pat(
            concat!(
                r"(?m)^(?:[\p{Han}--[盖章签字名印]]{1,6}\((?:[\p{Han}]{1,5}兼)?)?(?P<v>",
                sublessor!(),
                "|",
                sublessee!(),
                r")(?:[,、]",
                short_name!(),
                r"?[甲乙]方)?\)?(?:\((?:甲方|乙方|以下简称[甲乙]方)\))?(?:\(",
                seal!(),
                r"\))?:"
            ),
            &[("is_sublease", "v", Parse::Flag(true))],
            0.95,
        ),
        // …or such a label alone on its line, a signature block's head over a whole name
        // (`转租人` / XX公司 / `盖章:`; not 原承租人, an assignment's word too)
        pat(
            concat!(
                r"(?m)^(?P<v>转租方|转租人|转租单位|转租提供方|分租方|分租人|",
                sublessee!(),
                r")(?:\([\p{Han}、]{1,8}\))?\n(?:{ORG}|[\p{Han}]{2,4})$"
            ),
            &[("is_sublease", "v", Parse::Flag(true))],
            0.9,
        ),
        // …or by the resident a base lets to (乙方(在孵企业):, 入驻企业(乙方):): an incubator's
        // entry agreement lets part of the base's site, which the operator holds by a head lease.
        pat(
            r"(?m)^(?:[甲乙]方\()?(?P<v>在孵企业|入孵企业|入驻企业|孵化企业|入驻团队|入驻方|入孵方)\)?(?:\((?:甲方|乙方)\))?:",
            &[("is_sublease", "v", Parse::Flag(true))],
            0.9,
        ),
        // …or by a clause in which the letting party itself sublets to the other (an
        // incubator's 入驻协议: 甲方…将上述场地转租给乙方), which no ban (不得/未经…) governs and
        // no other party is the subject of (出租方同意承租方将房屋转租给…).
        pat_unless(
            r"(?:甲方|出租方|转租方)[^。;\n]{0,60}?(?P<v>转租给)(?:乙方|次承租方|次承租人|入驻企业|入驻团队|在孵企业|入孵企业|孵化企业)",
            &[("is_sublease", "v", Parse::Flag(true))],
            0.9,
            "不得|未经|禁止|无权|不能|不可|擅自|严禁|乙方|承租方|承租人",
        ),
    ],
    defaults: &[("is_sublease", false)],
    parties: &["lessor", "lessee"],
    cells: false,
    // A role word heads its column whatever its bracket adds (转租方(基地运营单位), 承租方(甲方),
    // 出租方(盖章)).
    party_table: Some(&PartyTable {
        columns: &[
            (
                concat!(
                    thing_let!(),
                    r"?(?:",
                    lessor!(),
                    r")(?:\([^()\n]{1,12}\))?|(?:甲方|乙方)\((?:",
                    lessor_in_brackets!(),
                    r")\)"
                ),
                "lessor",
            ),
            (
                concat!(
                    thing_let!(),
                    r"?(?:",
                    lessee!(),
                    r")(?:\([^()\n]{1,12}\))?|(?:甲方|乙方)\((?:",
                    lessee_in_brackets!(),
                    r")\)"
                ),
                "lessee",
            ),
            // a position with a note of its own in the bracket (甲方(空间运营方)) is the position
            (r"甲方(?:\([^()\n]{1,12}\))?", "party_a"),
            (r"乙方(?:\([^()\n]{1,12}\))?", "party_b"),
            // a third party's column (the head landlord of a three-party sublease, or one
            // only signing): it holds a name, but no party of this document's (a 丙方 that
            // rents, 丙方(入驻企业), is no such column)
            // …or the owner's, consenting to a sublease (`房屋所有人(同意转租)` | `转租人` | `次承租人`)
            (
                r"(?:房屋所有人|房屋所有权人|所有权人|产权人|产权方|产权单位|原出租人|原出租方)(?:\((?:同意转租|同意|确认)[^()\n]{0,4}\))?",
                "",
            ),
            (
                r"丙方(?:\((?:盖章|签章|签字|公章|签名|[^()\n]{0,8}(?:出租|产权|所有|业主)[^()\n]{0,4})\))?",
                "",
            ),
            // …or a supervisor's, a witness's (`监督方(签章)`)
            (
                concat!(r"(?:", third_party!(), r")(?:\([^()\n]{1,12}\))?"),
                "",
            ),
        ],
        // (a signature table's row, with its seal request: `签约单位(盖章)`, `名称(签章)`; or
        // the seal request alone, where the parties' names are printed: `盖章(签字)`)
        name_row: concat!(
            "(?:",
            names_row_label!(),
            "|(?:签约|签署|签订|立约|缔约)?单位)(?:\\(",
            seal!(),
            "\\))?|(?:盖章|签章|公章|签字盖章|盖章签字|签字或盖章)(?:\\(",
            seal!(),
            "\\))?"
        ),
    }),
    printed_payload: None,
    positional: Some(&Positional {
        a: "party_a",
        b: "party_b",
        first: "lessor",
        second: "lessee",
        a_first: &[
            r"甲方[^。\n;]{0,60}(?:租|租赁)给[^。\n;,]{0,12}乙方",
            // an opening that lets to a party it names there and calls 乙方 (`今有XX(以下简称
            // 甲方)将其所有的…房屋一处出租给YY(以下简称乙方)使用`; its particulars may come first
            // in the bracket, `YY(统一社会信用代码:…,以下简称乙方)`)
            concat!(
                r"甲方[^。\n;]{0,100}?(?:出租|转租|租赁|租)给[^。\n;,()]{2,40}(?:\([\p{Han}]{1,6}\)[^。\n;,()]{1,30})?\((?:[^()]{0,48}[,、])?",
                short_name!(),
                r#"?[“"'「]?乙方"#
            ),
            // (a sublet, `…可将房屋分割后转租给入驻企业`, says who lets only when it names the
            // other party as the one it lets to: a tenant may be allowed to sublet to others)
            // (not where the other consents to it: `乙方同意甲方将房屋…出租给创业主体` has 甲方 sublet,
            // below)
            r"(?:^|[^意])甲方(?:将|把|同意将|拟将|可将|可以将)[^。\n;]{0,50}(?:出租|租赁|[^转分]租)给",
            r"(?:^|[^意])甲方(?:将|把|同意将|拟将|可将|可以将)[^。\n;]{0,50}(?:转租|分租)给[^。\n;,]{0,12}乙方",
            // (the place handed to the other to rent or use: `甲方把…的房屋交乙方承租`)
            r"(?:^|[^意])甲方(?:将|把)[^。\n;]{0,60}(?:交|交给|交付|交由)乙方(?:承租|租用|使用)",
            r"乙方[^。\n;]{0,30}(?:承租|租用|租赁)甲方",
            r"甲方(?:出租|转租)的(?:房屋|场地|厂房|物业|租赁物)",
            // an entry agreement's operator gives the tenant its room (`甲方将园区1号楼303室提供给
            // 乙方作为办公场所`)
            r"甲方(?:将|把)[^。\n;]{0,40}(?:房屋|房间|室|场地|厂房|工位|楼|区域|空间)[^。\n;]{0,10}提供给乙方(?:使用|作为(?:办公|经营|生产)|用于(?:办公|经营|生产))",
            r"甲方[^。\n;]{0,20}享有[^。\n;]{0,10}出租(?:权|的权利)",
            // the party that lets its own premises, the other not named in the clause (`甲方在…
            // 平台公开挂牌出租名下房屋`)
            r"甲方[^。\n;乙]{0,40}出租(?:其|名下|自有|所有)的?(?:房屋|房产|物业|场地|厂房)",
            // who pays the rent or the deposit, or owes it, rents (`乙方应于每年…付清当年租金`,
            // `租金为…,乙方每半年支付一次`, `乙方拖欠租金`); not who is paid (`甲方应向乙方支付`)
            concat!(r"乙方", rent_payer!()),
            concat!(
                r"(?:租金|场地使用费|场地费)[^。\n;]{0,40},乙方",
                rent_payer_after!()
            ),
            // (not the head lease's period a sublease refers to, `不得晚于乙方承租房屋的租赁期…`)
            r"乙方[^。\n;甲]{0,12}承租(?:的|该|此|上述|前述)?(?:房屋|场地|厂房|物业|区域|部分)(?:$|[^的])",
            // the opening describes each party: the owner lets, who means to rent rents
            // (`甲方:XX,系…,为…房屋的合法产权人。乙方:YY,…,拟承租上述房屋`, `上表甲方系下列物业的
            // 业权人`)
            r"甲方(?::|系|是|为)[^。\n;乙]{0,80}(?:合法)?(?:产权人|所有权人|产权单位|业权人)",
            r"乙方:[^。\n;甲]{0,60}拟(?:承租|租用|租赁)",
            concat!(
                r"(?:出租方|出租人|转租方|转租人)\(",
                short_name!(),
                r"?甲方\)"
            ),
            // (any tenant's word before its position: `在孵企业(乙方)`, `入驻企业(乙方)`)
            concat!(r"(?:", lessee!(), r")\(", short_name!(), r"?乙方\)"),
            concat!(
                r"甲方\((?:[^()\n,]{1,8}[,、])?(?:",
                lessor_in_brackets!(),
                r")\)"
            ),
            concat!(
                r"乙方\((?:[^()\n,]{1,8}[,、])?(?:",
                lessee_in_brackets!(),
                r")\)"
            ),
        ],
        a_second: &[
            r"乙方[^。\n;]{0,60}(?:租|租赁)给[^。\n;,]{0,12}甲方",
            // the landlord consents to its tenant's letting on (`乙方在此概括同意甲方将房屋整体或者
            // 分割后出租给园区内的创业主体`)
            r"乙方[^。\n;甲]{0,20}同意甲方(?:将|把|可将|可以将)[^。\n;]{0,60}(?:出租|转租|分租|租)给",
            concat!(
                r"乙方[^。\n;]{0,100}?(?:出租|转租|租赁|租)给[^。\n;,()]{2,40}(?:\([\p{Han}]{1,6}\)[^。\n;,()]{1,30})?\((?:[^()]{0,48}[,、])?",
                short_name!(),
                r#"?[“"'「]?甲方"#
            ),
            r"甲方[^。\n;]{0,30}(?:承租|租用|租赁)乙方",
            r"乙方(?:出租|转租)的(?:房屋|场地|厂房|物业|租赁物)",
            r"乙方(?:将|把)[^。\n;]{0,40}(?:房屋|房间|室|场地|厂房|工位|楼|区域|空间)[^。\n;]{0,10}提供给甲方(?:使用|作为(?:办公|经营|生产)|用于(?:办公|经营|生产))",
            r"乙方[^。\n;]{0,20}享有[^。\n;]{0,10}出租(?:权|的权利)",
            r"乙方[^。\n;甲]{0,40}出租(?:其|名下|自有|所有)的?(?:房屋|房产|物业|场地|厂房)",
            concat!(r"甲方", rent_payer!()),
            concat!(
                r"(?:租金|场地使用费|场地费)[^。\n;]{0,40},甲方",
                rent_payer_after!()
            ),
            r"甲方[^。\n;乙]{0,12}承租(?:的|该|此|上述|前述)?(?:房屋|场地|厂房|物业|区域|部分)(?:$|[^的])",
            r"乙方(?::|系|是|为)[^。\n;甲]{0,80}(?:合法)?(?:产权人|所有权人|产权单位|业权人)",
            r"甲方:[^。\n;乙]{0,60}拟(?:承租|租用|租赁)",
            concat!(
                r"(?:出租方|出租人|转租方|转租人)\(",
                short_name!(),
                r"?乙方\)"
            ),
            concat!(r"(?:", lessee!(), r")\(", short_name!(), r"?甲方\)"),
            concat!(
                r"甲方\((?:[^()\n,]{1,8}[,、])?(?:",
                lessee_in_brackets!(),
                r")\)"
            ),
            concat!(
                r"乙方\((?:[^()\n,]{1,8}[,、])?(?:",
                lessor_in_brackets!(),
                r")\)"
            ),
        ],
    }),
};

/// A person named as an owner: two to four characters, none a word of a register's column
/// heads (证件种类, 证件号码, 份额, 共有方式, 共有情况).
macro_rules! owner_person {
    () => {
        r"[\p{Han}--[证号码种类型份额式况]]{2,4}"
    };
}
/// The paper an owner's number is on, as a table's cell names it.
macro_rules! id_paper {
    () => {
        r"(?:统一社会信用代码|社会信用代码|营业执照|居民身份证|公民身份号码|身份证号码|身份证号|身份证)"
    };
}
/// A row of a numbered table of owners: its number, the owner's name (maybe wrapped in its
/// cell), its ID or credit code (a cell naming the paper before it, or after it where OCR read
/// the row so), its share (a percentage, or 全部 for a sole owner), each a cell: one a line, or
/// tab-separated as OCR gives a row; a text layer's name and number may come joined.
macro_rules! owner_row {
    () => {
        concat!(
            r"(?m)^\d{1,2}[\t\n](?P<v>{ORG_WRAPPED}|[\p{Han}]{2,4})[\t\n]?(?:",
            id_paper!(),
            r"[\t\n:]?)?[0-9A-Z]{15,18}(?:[\t\n]",
            id_paper!(),
            r")?[\t\n](?:\d{1,3}(?:\.\d+)?%|全部|全额|单独所有)"
        )
    };
}
/// An owner's row under the owners' heading: the name, then its credit code or ID number, bare
/// or in brackets, then maybe how it holds and its share (`XX公司　统一社会信用代码:…　按份共有,
/// 份额62%`, `YY公司(统一社会信用代码:…)`), the share maybe wrapped onto the next line; a text
/// layer may run the rows together.
macro_rules! owner_with_id {
    ($group:literal) => {
        concat!(
            r"(?P<",
            $group,
            r">{ORG}|^[\p{Han}]{2,4})\(?(?:统一社会信用代码|社会信用代码|公民身份号码|身份证号码|身份证号|身份证明号码|证件号码):?[0-9A-Za-z]{15,18}\)?[^\n]{0,20}?(?:\n\d{1,3}(?:\.\d+)?%)?"
        )
    };
}
/// A row of a table of co-owners: the name (`$name`), maybe its own certificate's number, its
/// share.
macro_rules! co_owner_row {
    ($name:literal) => {
        concat!(
            r"(?P<",
            $name,
            r">{ORG}|",
            owner_person!(),
            r")\n(?:[^\n%]{2,30}\n)?\d{1,3}(?:\.\d+)?%"
        )
    };
}
/// Co-owners of a certificate held in common (共有人:A(75%);B(25%) under 权利其他状况 or 附记):
/// whoever the 权利人 line names, the applicant may be one of them.
const CO_OWNERS: [PatternSpec; 18] = [
    // the whole list after its label (`共有人名录` / `A公司、B公司、张三、李四`), every name of it
    // up to the line's end: a list read in part says nothing of who is missing
    every(
        concat!(
            r"(?m)(?:共有人|共有权人|房屋共有人)(?:名录|名单|名册|清单|信息|情况|列表)?(?::|\n)(?P<a>{ORG}|",
            owner_person!(),
            r")(?:、(?P<b>{ORG}|",
            owner_person!(),
            r"))(?:、(?P<c>{ORG}|",
            owner_person!(),
            r"))?(?:、(?P<d>{ORG}|",
            owner_person!(),
            r"))?(?:、(?P<e>{ORG}|",
            owner_person!(),
            r"))?$"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
            ("co_owners", "d", Parse::Name),
            ("co_owners", "e", Parse::Name),
        ],
        1.0,
    ),
    every(
        r"(?:共有人|共有权人|房屋共有人)(?:及份额|及其份额)?:(?P<a>{ORG_WRAPPED})(?:\([^)]{0,12}\))?(?:[、,;和及](?P<b>{ORG})(?:\([^)]{0,12}\))?)?(?:[、,;和及](?P<c>{ORG}))?",
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    every(
        r"(?m)(?:共有人|共有权人|房屋共有人)(?:及份额|及其份额)?:(?P<v>[\p{Han}]{2,4})(?:[(;、,]|$)",
        &[("co_owners", "v", Parse::Name)],
        0.95,
    ),
    every(
        r"(?P<v>{ORG})\((?:占有份额|份额|占)?:?\d{1,3}(?:\.\d+)?%\)",
        &[("co_owners", "v", Parse::Name)],
        1.0,
    ),
    every(
        r"(?m)(?:^|[:;、,])(?P<v>[\p{Han}]{2,4})\((?:占有份额|份额|占)?:?\d{1,3}(?:\.\d+)?%\)",
        &[("co_owners", "v", Parse::Name)],
        0.95,
    ),
    // shares without brackets (份额:A占60%;B占40%, A,按份共有,份额30%;B,…, A持有40%;张三持有60%),
    // or nothing but a space before the share (`共有人(份额)` / `A 48%;张三32%;B` / `20%`)
    every(
        r"(?P<v>{ORG})(?:(?:,?(?:按份共有|共同共有))?,?(?:占有份额|占份额|份额|持有|占):?| ?\n?)\d{1,3}(?:\.\d+)?%",
        &[("co_owners", "v", Parse::Name)],
        1.0,
    ),
    every(
        r"(?m)(?:^|[:;、,])(?P<v>[\p{Han}--[占份额按共]]\p{Han}{1,3}?)(?:(?:占有份额|占份额|份额|持有|占):?| ?)\d{1,3}(?:\.\d+)?%",
        &[("co_owners", "v", Parse::Name)],
        0.95,
    ),
    // …or after a colon (附记: 按份共有,A:58%;B:42%), a name wrapped at the line's end
    every(
        r"(?P<v>{ORG_WRAPPED}):(?:占有份额|占份额|份额|占)?\d{1,3}(?:\.\d+)?%",
        &[("co_owners", "v", Parse::Name)],
        1.0,
    ),
    // the owners named with how they hold it (权利其他状况: A、B共同共有)
    every(
        r"(?P<a>{ORG})、(?P<b>{ORG})(?:、(?P<c>{ORG}))?(?:共同共有|按份共有)",
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // …persons among them (共有情况说明: `A公司、张三、B公司共同共有`), the list led by a colon or
    // a line's start so a person's name is no tail of a longer word
    every(
        concat!(
            r"(?m)(?:^|[:;,])(?P<a>{ORG}|",
            owner_person!(),
            r")、(?P<b>{ORG}|",
            owner_person!(),
            r")(?:、(?P<c>{ORG}|",
            owner_person!(),
            r"))?(?:共同共有|按份共有)"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        0.95,
    ),
    // …or in a sentence of the 附记, joined by 与 or 和 (`本宗不动产为A与B与张三共同共有`), a name
    // wrapped at the line's end
    every(
        concat!(
            r"(?:为|由|系)(?P<a>{ORG_WRAPPED}|",
            owner_person!(),
            r")[与和及、](?P<b>{ORG_WRAPPED}|",
            owner_person!(),
            r")(?:[与和及、](?P<c>{ORG_WRAPPED}|",
            owner_person!(),
            r"))?(?:共同共有|按份共有|共有)"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        0.95,
    ),
    // every owner in the owners' cell or under their heading, a row each with its ID
    // (`权利人信息` / A + code / B + ID): a second row makes them co-owners
    every(
        concat!(
            r"(?m)^(?:权利人|房屋所有权人|所有权人)(?:信息|情况|名称|姓名)?:?\n",
            owner_with_id!("a"),
            r"\n?",
            owner_with_id!("b"),
            r"(?:\n?",
            owner_with_id!("c"),
            r")?"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // a small table of owners under the owners' label, its head row read one cell a line
    // (`权利人` / `共有人` / `证件号码` / `共有方式` / A公司 / its code / `共同共有` / 张三 / …): each
    // row's name is a co-owner
    every(
        concat!(
            r"(?m)^(?:权利人|所有权人|产权人|共有人)\n(?:(?:共有人|姓名|名称|证件号码|证件种类|证件类型|证件号|身份证号码|身份证号|共有方式|共有情况|份额|持有份额|占有份额|权利份额)\n){1,4}(?P<a>{ORG}|",
            owner_person!(),
            r")\n(?:[0-9A-Za-z]{15,18}\n)?(?:共同共有|按份共有|\d{1,3}(?:\.\d+)?%)\n(?P<b>{ORG}|",
            owner_person!(),
            r")\n(?:[0-9A-Za-z]{15,18}\n)?(?:共同共有|按份共有|\d{1,3}(?:\.\d+)?%)(?:\n(?P<c>{ORG}|",
            owner_person!(),
            r")\n(?:[0-9A-Za-z]{15,18}\n)?(?:共同共有|按份共有|\d{1,3}(?:\.\d+)?%))?"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // the other co-owners a line each under their own label, beside the owner's row
    // (`权利人` / A公司 / `其他共有人` / B公司 / 张三 / `共有方式`)
    every(
        concat!(
            r"(?m)^(?:其他共有人|其他共有权人|其余共有人)(?:名称|姓名)?:?\n(?P<a>{ORG}|",
            owner_person!(),
            // (a text with no places may join a person's line to the company's before it)
            r")\n?(?:(?P<b>{ORG}|",
            owner_person!(),
            r")\n)?(?:(?P<c>{ORG}|",
            owner_person!(),
            r")\n)?共有(?:情况|方式)"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // every owner a line of its own under the owners' label, how they hold it after them
    // (`权利人` / A公司 / B公司 / `共有情况`)
    every(
        // (a person's two to four characters, none a table's column head: 证件种类, 证件号码)
        concat!(
            r"(?m)^(?:权利人|房屋所有权人|所有权人)(?:名称|姓名)?:?\n(?P<a>{ORG}|",
            owner_person!(),
            r")\n(?P<b>{ORG}|",
            owner_person!(),
            r")\n(?:(?P<c>{ORG}|",
            owner_person!(),
            r")\n)?共有(?:情况|方式)"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // a table of the co-owners beside the owner's row (`共有人 | 共有权证号 | 份额` over a row
    // each: name, its own certificate's number, its share)
    every(
        concat!(
            r"(?m)^共有人(?:姓名|名称)?\n(?:[\p{Han}]{2,8}\n)?(?:份额|共有份额|持有份额|占有份额)\n",
            co_owner_row!("a"),
            r"(?:\n",
            co_owner_row!("b"),
            r")?(?:\n",
            co_owner_row!("c"),
            r")?"
        ),
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // every owner in the 权利人 cell, joined by 、 (organisations or people)
    every(
        r"(?m)^(?:权利人|房屋所有权人|所有权人)(?:\(共有人\))?:?\n?(?P<a>{ORG}|[\p{Han}]{2,4})、(?P<b>{ORG}|[\p{Han}]{2,4})(?:、(?P<c>{ORG}|[\p{Han}]{2,4}))?(?:$|[(,;])",
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
    // …or in a bracket after how they hold it (`共有情况: 共同共有(A公司、B公司、张三)`), a name
    // wrapped; the first an organisation (`共同共有(房屋、车库)` names no owners)
    every(
        r"(?:共同共有|按份共有)\((?P<a>{ORG_WRAPPED})、(?P<b>{ORG_WRAPPED}|[\p{Han}]{2,4})(?:、(?P<c>{ORG_WRAPPED}|[\p{Han}]{2,4}))?\)",
        &[
            ("co_owners", "a", Parse::Name),
            ("co_owners", "b", Parse::Name),
            ("co_owners", "c", Parse::Name),
        ],
        1.0,
    ),
];

/// What precedes an older certificate's number that a 附记 cites as replaced or cancelled
/// (原不动产权证书…同时注销, 原证号…): never this certificate's number.
const FORMER_CERTIFICATE: &str =
    r"(?:原|旧)(?:不动产权?证书?|房屋所有权证|房产证|产权证|证书|证号)[^\n]{0,4}$";

/// 不动产权证书 and 不动产登记证明 (the latter is not proof of ownership).
pub const PROPERTY_CERTIFICATE: KindSpec = KindSpec {
    kind: DocumentKind::PropertyCertificate,
    titles: &[r"^(中华人民共和国)?不动产(权证书|登记证明|证明)$"],
    keywords: &[
        ("不动产单元号", 2.0),
        ("不动产权", 2.0),
        ("权利人", 1.0),
        ("权利类型", 1.0),
        // the 附图页 (宗地图, 房产分户图), which some certificates print first
        ("宗地图", 1.0),
        ("分户图", 1.0),
        ("宗地代码", 1.0),
    ],
    labels: &[
        // (`权利人姓名(名称)`, its bracket wrapped in a narrow label cell; `权利人信息`,
        // `权利人及份额`, a heading over the owners' rows)
        label(
            r"权利人(?:名称|姓名|信息|\(申请人\)|及(?:其)?份额|及共有情况)?(?:\(\n*(?:名\n*称|姓\n*名)\n*\))?",
            "owner",
            Parse::Name,
        ),
        // (`共有情况说明` over `共同共有:A、B…` is the same cell, explained)
        label(r"共有(?:情况|方式)(?:说明)?", "co_ownership", Parse::Text),
        label(r"(?:坐落|座落)(?:地址|地点|位置)?", "address", Parse::Text),
        label(r"(?:不动产)?单元号", "unit_no", Parse::Code),
        label(r"(?:权利类型|证明权利或事项)", "right_type", Parse::Text),
        label(r"用途", "usage", Parse::Text),
        label(r"使用期限", "valid_until", Parse::LastDate),
        // (an area's label whole, `建筑面积` on a summary's row of its own: the 面积 inside it
        // is not where the address above ends)
        stop(
            r"(?:义务人|权利性质|(?:房屋|套内|专有|分摊)?建筑面积|(?:宗地|土地|使用权)面积|面积|权利其他状况|附记|其他|权利人统一社会信用代码)",
        ),
        // a register query's column headers: the number's header is no one's name
        stop(r"(?:不动产权证号|不动产权证书号|不动产权证编号|产权证号)"),
        // the other columns of a table of owners
        stop(
            r"(?:证件种类|证件类型|证件类别|身份证明类别|身份证明类型|身份证件类别|身份证件种类|证件号码|身份证明号码|身份证明文件号码|持有份额|共有份额|份额|组织机构代码|统一社会信用代码)",
        ),
    ],
    patterns: &[
        pat_unless(
            // a framed number may break over lines anywhere (`晋(2018)长治市` / `不动产权第` /
            // `0044303号`, a text layer's `晋(` / `2017` / `)` / …); a cancelled one (原不动产权证书…同时注销) is not this certificate's
            // (OCR may read the year's closing bracket twice: `晋(2019))太原市…`)
            r"(?P<v>[\p{Han}]\n?\(\n?\d{4}\n?\)\)?\n?[\p{Han}]{0,10}?\n?不动产\n?(?:权|证明)\n?第\n?\d{5,8}\n?号)",
            &[("certificate_no", "v", Parse::Code)],
            1.0,
            FORMER_CERTIFICATE,
        ),
        pat(
            r"房屋建筑面积:?(?P<v>{AREA})",
            &[("area_m2", "v", Parse::Area)],
            1.0,
        ),
        ADDRESS_IN_OPENING,
        pat(
            r"(?:共有宗地面积|宗地面积|土地面积|使用权面积):?(?P<v>{AREA})",
            &[("land_area_m2", "v", Parse::Area)],
            1.0,
        ),
        // A registration proof by its own number (a line `晋(2019)晋中市不动产证明第…号`) or its
        // title line, in its title block; a title certificate's 附记 may mention one (详见不动产
        // 登记证明, a mortgage's `不动产登记证明号:晋(2019)晋中` / `市不动产证明第…号`), or carry
        // a mortgage's proof bound behind it, without being one.
        pat(
            r"\A(?:[^\n]*\n){0,6}?(?:[\p{Han}]{1,2}\(\d{4}\)[\p{Han}]{1,12}?(?P<v>不动产证明第)|(?:中华人民共和国)?(?P<t>不动产登记证明|不动产证明)\n)",
            &[
                ("is_ownership_proof", "v", Parse::Flag(false)),
                ("is_ownership_proof", "t", Parse::Flag(false)),
            ],
            1.0,
        ),
        // A table of owners, a row each (`序号 | 权利人 | 身份证明号码 | 持有份额` over `1 | XX公司 |
        // 9114… | 45%`): each row's name is an owner, the first row's the certificate's first
        // (surer than the header's 权利人 read as a label over the row's number and name).
        every(owner_row!(), &[("co_owners", "v", Parse::Name)], 1.0),
        pat(owner_row!(), &[("owner", "v", Parse::Name)], 1.0),
        CO_OWNERS[0],
        CO_OWNERS[1],
        CO_OWNERS[2],
        CO_OWNERS[3],
        CO_OWNERS[4],
        CO_OWNERS[5],
        CO_OWNERS[6],
        CO_OWNERS[7],
        CO_OWNERS[8],
        CO_OWNERS[9],
        CO_OWNERS[10],
        CO_OWNERS[11],
        CO_OWNERS[12],
        CO_OWNERS[13],
        CO_OWNERS[14],
        CO_OWNERS[15],
        CO_OWNERS[16],
        CO_OWNERS[17],
        // how the owners hold it, written in an owner's row with its share when no cell says
        // (`…按份共有,份额62%`): held in common, whatever the first row's name
        pat(
            r"(?P<v>按份共有|共同共有)[,]?(?:占有份额|占份额|份额|持有|占)?:?\n?\d{1,3}(?:\.\d+)?%",
            &[("co_ownership", "v", Parse::Text)],
            0.9,
        ),
    ],
    defaults: &[("is_ownership_proof", true)],
    parties: &["owner"],
    cells: true,
    positional: None,
    party_table: None,
    printed_payload: None,
};

/// A register's certificate of the record, or an archive's query result, names the place in its
/// opening sentence (`经查询…登记簿,…坐落于XX的不动产登记情况如下`, `…坐落于XX的房屋登记信息如下`).
const ADDRESS_IN_OPENING: PatternSpec = pat(
    r"(?:坐落于|位于)(?P<v>[^,。;\n]{4,80}?)的(?:不动产|房屋|房产)",
    &[("address", "v", Parse::Text)],
    0.9,
);

/// 房屋所有权证 (before the unified real-estate register).
pub const HOUSE_OWNERSHIP_CERTIFICATE: KindSpec = KindSpec {
    kind: DocumentKind::HouseOwnershipCertificate,
    titles: &[r"^(中华人民共和国)?房屋所有权证$"],
    keywords: &[("房屋所有权人", 2.0), ("房权证", 2.0), ("规划用途", 1.0)],
    labels: &[
        // (some forms print the 不动产权证书's word, 权利人)
        label(
            r"(?:房屋所有权人|所有权人|产权人|权利人)",
            "owner",
            Parse::Name,
        ),
        label(r"共有情况(?:说明)?", "co_ownership", Parse::Text),
        label(
            r"(?:房屋坐落|坐落|座落)(?:地址|地点|位置)?",
            "address",
            Parse::Text,
        ),
        label(r"规划用途", "usage", Parse::Text),
        label(
            r"(?:建筑面积|房屋总面积|总建筑面积)(?:\(m2\)|\(平方米\))?",
            "area_m2",
            Parse::Area,
        ),
        // (the register's other rows: a house's own number, the land's years, who else holds
        // it, by the names some registers print them with)
        stop(
            r"(?:房屋编码|房屋编号|房屋代码|土地使用年限|土地使用期限|所有权性质|共同权利人|登记时间|登记日期|房屋性质|设计用途|总层数|套内建筑面积|附记|房权证号|权证号|产别|共有人|房屋状况|幢号|丘\(地\)号|丘号|地号|房号|结构|所在层|填发机关|发证机关|权属状态|权利状态|限制信息|组织机构代码|统一社会信用代码|身份证明类别|身份证件类别|证件类别|证件种类|(?:公民)?身份证(?:号码|号)?|公民身份号码|证件号码)",
        ),
    ],
    patterns: &[
        pat_unless(
            // typed into the printed blanks, each piece may be a cell of its own; a place before
            // it (晋房权证…, 运城市盐湖区房权证…), not the 填发日期 cell before it; a year of
            // registration before 字, or bracketed after 房权证 (`长治房权证(2013)上党字第…号`), or the
            // district bracketed there (`运城房权证(盐湖)字第…号`); the
            // district after 第 (`…字第杏花岭250947号`)
            r"(?P<v>(?:[\p{Han}--[证号日期间码]]{1,4}[省市县])?[\p{Han}--[证号日期间码]]{0,3}\n?房权证\n?(?:[(\[〔](?:\d{4}|[\p{Han}]{1,4})[)\]〕]\n?)?[\p{Han}]{0,6}?\n?(?:\d{4}\n?)?字\n?第\n?(?:[\p{Han}--[第号字]]{2,4}(?:区|县|市)?\n?)?[A-Z]{0,2}(?:\d{4,10}|\d{1,3}-\d{3,8})(?:-\d{1,8})?\n?号)",
            &[("certificate_no", "v", Parse::Code)],
            1.0,
            FORMER_CERTIFICATE,
        ),
        pat(
            r"(?P<v>房屋所有权证)",
            &[("is_ownership_proof", "v", Parse::Flag(true))],
            1.0,
        ),
        ADDRESS_IN_OPENING,
        CO_OWNERS[0],
        CO_OWNERS[1],
        CO_OWNERS[2],
        CO_OWNERS[3],
        CO_OWNERS[4],
        CO_OWNERS[5],
        CO_OWNERS[6],
        CO_OWNERS[7],
        CO_OWNERS[8],
        CO_OWNERS[9],
        CO_OWNERS[10],
        CO_OWNERS[11],
        CO_OWNERS[12],
        CO_OWNERS[13],
        CO_OWNERS[14],
        CO_OWNERS[15],
        CO_OWNERS[16],
        CO_OWNERS[17],
        // how the owners hold it, written in an owner's row with its share when no cell says
        // (`…按份共有,份额62%`): held in common, whatever the first row's name
        pat(
            r"(?P<v>按份共有|共同共有)[,]?(?:占有份额|占份额|份额|持有|占)?:?\n?\d{1,3}(?:\.\d+)?%",
            &[("co_ownership", "v", Parse::Text)],
            0.9,
        ),
    ],
    defaults: &[("is_ownership_proof", true)],
    parties: &["owner"],
    cells: true,
    positional: None,
    party_table: None,
    printed_payload: None,
};

/// 国有土地使用证 (before the unified real-estate register).
pub const LAND_CERTIFICATE: KindSpec = KindSpec {
    kind: DocumentKind::LandCertificate,
    titles: &[r"^(中华人民共和国)?国有土地使用证$"],
    keywords: &[("土地使用权人", 2.0), ("国用", 2.0), ("地号", 1.0)],
    labels: &[
        label(r"土地使用权人", "owner", Parse::Name),
        label(r"(?:坐落|座落)(?:地址|地点|位置)?", "address", Parse::Text),
        label(r"地类\(用途\)", "usage", Parse::Text),
        label(r"使用权类型", "right_type", Parse::Text),
        label(r"终止日期", "valid_until", Parse::Date),
        label(r"使用权面积", "land_area_m2", Parse::Area),
        stop(r"(?:地号|图号|取得价格|其中独用面积|独用面积|分摊面积|附记)"),
    ],
    patterns: &[
        pat(
            r"(?P<v>[\p{Han}]{1,3}国用[(\[〔]\d{4}[)\]〕]第\d{3,8}号)",
            &[("certificate_no", "v", Parse::Code)],
            1.0,
        ),
        pat(
            r"(?P<v>国有土地使用证)",
            &[("is_ownership_proof", "v", Parse::Flag(true))],
            1.0,
        ),
    ],
    defaults: &[("is_ownership_proof", true)],
    parties: &["owner"],
    cells: true,
    positional: None,
    party_table: None,
    printed_payload: None,
};

/// The pages a report binds in front of or behind it under a title of their own (防伪页,
/// 备案信息页, 报备表): the report's kind by its title, its cover by `classify`.
macro_rules! report_annex {
    () => {
        r"防伪(?:标识|信息)?页|(?:报备|备案)(?:信息)?(?:页|表)"
    };
}
/// Those titles' endings as one regex source (without a group), for `classify`.
pub const REPORT_ANNEX: &str = report_annex!();

/// 专项审计报告 and 补充专项审计报告.
pub const AUDIT_REPORT: KindSpec = KindSpec {
    kind: DocumentKind::AuditReport,
    // a 鉴证报告 or 审核报告 on the base's figures is the special audit report by another name
    // (a report's 防伪页, 备案信息页 or 信息表 titled as the report's page: a cover, see classify)
    titles: &[concat!(
        r"(?:审计|审核|鉴证)报告(\(补充\))?(?:",
        report_annex!(),
        r"|信息(?:页|表))?$"
    )],
    keywords: &[
        ("注册会计师", 2.0),
        ("会计师事务所", 2.0),
        ("审计", 1.0),
        ("专审字", 2.0),
    ],
    labels: &[
        label(
            r"(?:(?:被审计单位|被审验单位)(?:名称)?|单位名称|报告对象)",
            "audited_entity",
            Parse::Name,
        ),
        // The client who engaged the firm: for this report the base's operator itself, but a
        // less direct reading than 被审计单位.
        LabelSpec {
            certainty: 0.9,
            ..label(r"委托单位", "audited_entity", Parse::Name)
        },
        // The company described in the report's own words (一、企业基本情况 / 公司名称:XX,
        // 运营主体:XX) when the salutation names no one (全体股东:).
        LabelSpec {
            certainty: 0.9,
            ..label(
                concat!(
                    r"(?:公司名称|企业名称|基地运营单位|运营单位名称|运营单位|运营主体|基地运营主体|运营机构|申报单位|审计对象|编制单位)",
                    cell_end!()
                ),
                "audited_entity",
                Parse::Name,
            )
        },
        // A cover page's labelled lines or cells (防伪页, 报备页). These words also stand inside
        // names and sentences, so here they are labels only with their colon or as a cell of
        // their own (the whole line).
        label(
            concat!(
                r"(?:(?:我所|本所|本)?(?:报告书?(?:文号|编号|号码|号)|审计报告编号|(?:审计)?报告(?:书)?字号|文号)|(?:我所|本所)(?:编号|编码)|报告(?:代号|文本号|文本编号|登记号|登记编号|存档号|归档号|档号|档案号)|(?:报告)?出具(?:编号|文号)|出证(?:编号|文号|号)|专审编号|专审文号|审计编号|(?:审计|专审|业务|报告)?文书(?:编号|号码|号)|(?:审计|专审)报告(?:编号|号码|号))",
                cell_end!()
            ),
            "report_no",
            Parse::Code,
        ),
        label(
            concat!(report_code_label!(), cell_end!()),
            "report_code",
            Parse::Code,
        ),
        label(
            concat!(
                r"(?:会计师事务所|审计机构|事务所名称|出具单位|出具机构)(?:\((?:盖章|公章|签章)\))?",
                cell_end!()
            ),
            "audit_firm",
            Parse::Name,
        ),
        stop(
            r"(?:统一社会信用代码|入驻企业数量|从业人员|营业收入|服务成本|报告日期|出具日期|签字注册会计师|报告名称)",
        ),
        // the CPAs' signature head, stacked under the firm's (`会计师事务所(盖章)` /
        // `中国注册会计师(签名并盖章)` / the firm / the CPAs): no value of the firm's label
        stop(r"(?:中国)?注册会计师(?:\((?:签名|签字|盖章|签章)[^)\n]{0,6}\))?(?::|\n|$)"),
        // the firm's licence printed in the report (执业证书 page): its numbers are not the
        // report's
        stop(r"(?:批准执业文号|批准设立文号|批准文号|执业证书编号|证书编号|证书序号)"),
    ],
    patterns: &[
        // A code said in a sentence of the report's own (`该报告的赋码编号为1408…,可在…查到`,
        // the sentence wrapped anywhere in its words: `该报告的` / `赋码编号为…`).
        pat(
            concat!(
                r"(?:本|该|此)份?(?:专项)?(?:审计)?报告的?\n?(?:",
                report_code_label!(),
                r"|赋\n?码\n?(?:编\n?号|号)?)\n?(?:为|是|:)\n?(?P<v>[0-9A-Za-z][0-9A-Za-z-]{4,29}[0-9A-Za-z])(?:[,。;\n]|$)"
            ),
            &[("report_code", "v", Parse::Code)],
            0.95,
        ),
        // A code set after its label with a gap instead of a colon (`核验码  XAJ3TQX7W6`, the
        // way a caption under a QR code is printed; the gap is gone once normalised): the
        // line holds nothing else.
        pat(
            concat!(
                r"(?m)^[^\n:]{0,12}?",
                report_code_label!(),
                r"[ \t]*(?P<v>[0-9A-Za-z][0-9A-Za-z.-]{4,29}[0-9A-Za-z])$"
            ),
            &[("report_code", "v", Parse::Code)],
            0.95,
        ),
        // ...and a code with its label after it on a line of its own (a caption under the code,
        // or a code printed up the margin with its label below it, read bottom to top: `CODE` /
        // `查询编码`), not the value of a label on the line before (`出具日期` / DATE).
        pat(
            concat!(
                r"(?m)(?:\A|\n)(?:[^\n]*[^\n:码号期])?\n(?P<v>[0-9A-Za-z][0-9A-Za-z.-]{8,29}[0-9A-Za-z])\n",
                report_code_label!(),
                r"$"
            ),
            &[("report_code", "v", Parse::Code)],
            0.9,
        ),
        // The firm's line under its seal (a letterhead may set its branch on the next line, or
        // break inside the branch's place or word: `…(特殊普通合伙)山` / `西分所`, `…山西分` /
        // `所`); OCR may misread the bracket before (盖章), and a character of the firm word
        // under the seal's ink; the bracket around (盖章) may break at the line's end
        // (`…(特殊普通合伙)(` / `盖章)`), and the reading may set the signing accountant's line
        // (or cell) and the firm's city (`中国·太原`) between a branch's two lines; the form may
        // wrap in its bracket (`…(特殊` / `普通合伙)山西分所`, the accountant's cell beside its
        // first line), and the accountants' column stand beside the name's last line; OCR may
        // lose the bracket that opens 特殊普通合伙, or a character of the form under the seal (特疾, 音通)
        // (the engine puts them back); the firm's city after its seal request (`(盖章) 中国·太原`).
        pat(
            concat!(
                r"(?m)^(?P<v>[^\n:,。]{2,30}?",
                firm_word!(),
                r"(?:有限责任公司|有限公司|限责任公司|有责任公司|有限任公司|有限责公司|限公司|有公司|\(?特殊普通合伙\)|\(?普通合伙\)|\((?:特殊)?[普通合伙]{2,3}\)|\((?:特[^\n()普]|[^\n()]殊)普通合伙\)|\(特殊(?:[^\n()普]通|普[^\n()通])合伙\)|\((?:特殊)?(?:[\t\n][\p{Han}]{2,10}:[^\n]{0,20})?\n(?:特殊)?普通合伙\))?(?:\n?\p{Han}{1,6}(?:[\n\t][\p{Han}]{2,10}:[^\n]{0,20})?(?:\n中国[·・]?\p{Han}{2,4})?\n?\p{Han}{0,5}分\n?所)?)(?:[(\p{Han}]?\n?(?:盖章|公章|签章|章)\)?|\()?(?: ?中国 ?[·・.]? ?\p{Han}{2,4})?(?:\t[^\n]*)?$"
            ),
            &[("audit_firm", "v", Parse::Name)],
            1.0,
        ),
        // …and one whose 所 OCR lost under the seal's ink, right before its legal form
        // (`…会计师事务(普通合伙)`, `…会十师事务有限公司`): the engine writes it back, less sure.
        pat(
            concat!(
                r"(?m)^(?P<v>[^\n:,。]{2,30}?",
                firm_word_before_form!(),
                r"(?:有限责任公司|有限公司|\(特殊普通合伙\)|\(普通合伙\)))(?:[(\p{Han}]?(?:盖章|公章|签章|章)\)?)?(?:\t[^\n]*)?$"
            ),
            &[("audit_firm", "v", Parse::Name)],
            0.9,
        ),
        // …and the firm at the head of a running line of the report's particulars (a header,
        // a footer or the binding margin: `XX会计师事务所有限公司 报告文号:… 防伪编码:…`).
        pat(
            r"(?m)^(?P<v>[^\n:,。]{2,30}?会计师事务所(?:有限责任公司|有限公司|\(特殊普通合伙\)|\(普通合伙\))?(?:\p{Han}{2,6}分所)?) ?(?:报告文号|报告编号|文号|防伪编码|防伪码|报备号|备案号|验证码|电话|地址):",
            &[("audit_firm", "v", Parse::Name)],
            0.95,
        ),
        // The addressee, by the shape of a salutation: a line of its own that is an
        // organisation's name ending in a colon (`XX有限公司:`, `XX全体股东:`, `致:XX`), wherever
        // the reading order puts the number, a code's caption or the firm around it. The
        // first such line is the one after the title block. (A letterhead's column beside it
        // may be read into its line first: `网址:www.….cn XX公司全体股东:`.)
        pat(
            concat!(
                r"(?m)^(?:致:?|[\p{Han}]{1,6}:[0-9A-Za-z./@_-]{4,60} ?)?(?P<v>[^\n:,。;]{2,40}?(?:公司|中心|集团|企业|合伙\)|厂|院|社|园|基地|协会|商会|学校|学院|大学|医院|[^\n:,。;]{4}事务所))(?:\(",
                short_name!(),
                r"[^()\n]{1,10}\)|\([\p{Han}]{0,6}单位\))?(?:",
                addressee_body!(),
                r"[及、和]?){0,3}:$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.95,
        ),
        // …and one that addresses the entity's people in words of its own (`XX公司董事长:`,
        // `XX公司股东会全体成员:`, `XX公司出资人及经营管理者:`), which may wrap onto the next line
        // (`XX有限责任公司全` / `体股东、董事会:`) or stand on the next line whole (`XX公司` /
        // `经营管理委员会:`): a line of its own, the name, a few words that name no organisation,
        // no seal and no document, the colon.
        pat(
            concat!(
                r"(?m)^(?:致:?)?",
                salutation_name!(),
                r"(?:",
                addressee_people!(),
                r"{0,10}",
                people_stem!(),
                addressee_people!(),
                r"{0,10}(?:\n",
                addressee_people!(),
                r"{1,12})?|",
                addressee_people!(),
                r"{0,12}\n",
                addressee_people!(),
                r"{0,10}",
                people_stem!(),
                addressee_people!(),
                r"{0,10}):$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.85,
        ),
        // …and after a 致: of its own line, the name (and its people) on the next (a text layer
        // may set an empty line between), no colon.
        pat(
            concat!(
                r"(?m)^致:\s*\n\s*",
                salutation_name!(),
                r"(?:",
                addressee_people!(),
                r"{0,10}",
                people_stem!(),
                addressee_people!(),
                r"{0,10})?$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // …and after 致: with no colon at the end (`致:XX公司全体股东`)
        // …or 致 and a space, the entity's name set apart by spaces (`致 XX公司 董事会及管理层`),
        // or by nothing (`致XX公司董事会及管理层`: its addressees end the line)
        pat(
            concat!(
                r"(?m)^致 ?(?P<v>[^\n:,。; ]{2,40}?(?:公司|中心|集团|企业|合伙\)|厂|院|社|园|基地|协会|商会|学校|学院|大学|医院)) ?(?:",
                addressee_body!(),
                r"[及、和]?){1,3}$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        pat(
            concat!(
                r"(?m)^致:(?P<v>[^\n:,。;]{2,40}?(?:公司|中心|集团|企业|合伙\)|厂|院|社|园|基地|协会|商会|学校|学院|大学|医院))(?:",
                addressee_body!(),
                r"[及、和]?){0,3}$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // …and one whose name wraps into a short last line (`XX科技发展(集团)` /
        // `有限责任公司管理层:`, `XX实业有限` / `公司:`).
        pat(
            concat!(
                r"(?m)^(?:致:?)?(?P<v>[^\n:,。;]{3,30}[^\n:,。;告号字]\n[^\n:,。;]{0,6}?(?:公司|中心|集团|企业|合伙\)|合作社|事务所))(?:",
                addressee_body!(),
                r"[及、和]?){0,3}:$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // …and one whose addressees wrap inside a word (`XX公司董事会、监事` / `会:`).
        pat(
            concat!(
                r"(?m)^(?:致:?)?(?P<v>[^\n:,。;]{2,40}?(?:公司|中心|集团|企业|合伙\)|厂|院|社|园|基地|协会|商会|学校|学院|大学|医院))(?:",
                addressee_body!(),
                r"[及、和]?){0,2}[\p{Han}]{1,3}\n[\p{Han}]{1,2}:$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // …and one whose name and its 全体股东: stand on two lines.
        pat(
            concat!(
                r"(?m)^(?:致:?)?(?P<v>[^\n:,。;]{2,40}?(?:公司|中心|集团|企业|合伙\)|厂|院|社|园|基地|协会|商会|学校|学院|大学|医院|事务所))\n(?:",
                addressee_body!(),
                r"[及、和]?){1,3}:$"
            ),
            &[("audited_entity", "v", Parse::Name)],
            0.95,
        ),
        pat(
            r"(?m)^致:(?P<v>[^\n:,。;]{4,40})$",
            &[("audited_entity", "v", Parse::Name)],
            0.95,
        ),
        // A title block led by the entity's name on a line of its own (`XX有限公司` /
        // `2023年度…专项审计报告`), the salutation then naming no one (全体股东:).
        pat(
            r"\A(?:[^\n]*\n){0,3}?(?P<v>{ORG})\n+[^\n]{0,30}审计报告",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // A title that names the entity (`关于XX公司申报…的专项审计报告`, a cover letter's
        // `关于报送XX公司专项审计报告的函`), wrapped anywhere.
        pat(
            r"关于(?:报送|提交|呈报|报备|出具)?(?P<v>[\p{Han}\n]{2,40}?(?:\([\p{Han}\n]{1,8}\)[\p{Han}\n]{0,40}?)?(?:有\n?限\n?责\n?任\n?公\n?司|股\n?份\n?有\n?限\n?公\n?司|有\n?限\n?公\n?司|公\n?司|集\n?团|中\n?心|合作社))[^。:]{0,80}?审\n?计\n?报\n?告",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // A body that says whose engagement it is (`我们接受委托,对XX公司…进行了专项审计`,
        // `受XX(以下简称“贵公司”)委托`, `对XX(以下简称…)20XX年度…进行了专项审计`).
        pat(
            r"(?:接受|受)(?:[\p{Han}]{0,6})委托[,]?(?:对|就)(?P<v>{ORG})",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        pat(
            r"(?:接受|受)(?P<v>{ORG})(?:\([^()\n]{0,30}\))?(?:的)?(?:委托|邀请)",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // …or the engagement letter the firm signed with it (`根据本所与XX(以下简称“委托人”)签订的业务
        // 约定书`).
        pat(
            r"(?:本所|我所|本事务所|我们)(?:与|和|同)(?P<v>{ORG})(?:\([^()\n]{0,30}\))?\n?(?:签订|签署|订立)",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        pat(
            r"(?m)(?:^|[,。;])(?:我们)?对(?P<v>{ORG})(?:\([^()\n]{0,30}\))?[^。;\n]{0,60}?进行了[^。;\n]{0,12}?审(?:计|核)",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // A title led by the entity and the year or the base (`XX有限公司2022年度小微企业创业创新
        // 基地专项审计报告`, a cover's `XX有限公司小微企业创` / `业创新基地` / `专项审计报告`).
        pat(
            r"\A(?:[^\n]*\n){0,3}?(?:关于(?:报送|提交|呈报|报备|出具)?)?(?P<v>{ORG})(?:\d{4}年度?|省级|小微|双创|创业|基地)[^。:]{0,60}?审\n?计\n?报\n?告",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        pat(
            r"(?m)^(?P<v>{ORG})\d{4}年度?[^\n:。]{0,40}(?:审计|鉴证|审核)报告$",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // The management answerable for what was audited (`XX(以下简称“众创科技公司”)管理层负责
        // 按照…编制`), in the standard report's paragraph on responsibilities; a name, not a clause
        // ending in one (`编制…专项说明是贵公司管理层的责任`).
        pat(
            r"(?m)^(?P<v>[\p{Han}--[给由将与及是贵的为对在和]]{2,30}?(?:\([\p{Han}]{1,8}\)[\p{Han}--[给由将与及是贵的为对在和]]{0,30}?)?(?:有限责任公司|股份有限公司|有限公司|公司|集团|中心|合作社))(?:\([^()\n]{0,30}\))?(?:的)?(?:管理层|董事会|执行董事)(?:负责|的责任|应当|对)",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // The body names the audited entity again (`我们审计了后附的XX(以下简称…)`): a second
        // reading that must agree with the salutation.
        // Only an organisation's name: `审计了后附的贵公司…专项说明(以下简称“专项说明”)` names
        // the statement audited, not the entity.
        pat(
            r"(?:审计了|审计)(?:后附的|了)?(?P<v>[^\n:,。;贵][^\n:,。;]{3,39}?(?:公司|中心|集团|企业|合伙\)|厂|院|社|基地|协会|商会|学校|学院|大学|医院))\(以下简称",
            &[("audited_entity", "v", Parse::Name)],
            0.9,
        ),
        // A firm's report number: its abbreviation, a word of the report's kind (审字, 专审字,
        // 审专, 会师报字…) before or after the bracketed year, and a serial that may carry
        // letters anywhere (〔2021〕ZX254号, 〔2021〕A-0687号, (2022)第110A000123号, [2022]230Z1234号)
        // and up to a dozen digits, the serial or its 号 now and then on the next line (a
        // two-line box). A regional office's abbreviation may carry its province in a bracket
        // (恒远(晋)审专字〔2021〕160号), the kind word a bracket of its own (信达诚审(专)字[2021]第094号),
        // words after the year's bracket (立诚审〔2023〕双创321号), the year first (2023年明鉴专审第558号),
        // and a firm may print the year bare (怀仁专审2021字第0822号, 华通专审字2022年第506号,
        // 2021恒远专审第020号); the words that lead up to it (文号为…) are none of its abbreviation.
        // The kind word (审, 专, 核 or 报字) is what tells it from the numbers of the rules it cites (晋财会〔2008〕11号,
        // 晋企发〔2021〕5号); a number in the bracket after a cited title (`出具了《审计报告》(明鉴审字…号)`)
        // is that other report's.
        pat_unless(
            r"(?P<v>(?:[\p{Han}--[为是号了并具的]]{0,6}(?:\([\p{Han}]{1,2}\))?(?:审|专|核|鉴|报字)(?:\([\p{Han}]{1,2}\))?[\p{Han}]{0,3}[(\[〔【]\d{4}[)\]〕】](?:[\p{Han}]{0,2}字|[\p{Han}]{1,3})? ?|[\p{Han}--[为是号了并具的]]{0,6}(?:审|专|核|鉴)[\p{Han}]{0,3}\d{4}年?[\p{Han}]{0,2}字|[(\[〔【]\d{4}[)\]〕】][\p{Han}]{1,8}?(?:审|专|核|鉴)[\p{Han}]{0,3}字|[(\[〔【]\d{4}[)\]〕】][\p{Han}]{1,8}?(?:专审|审|核|鉴)(?:[\p{Han}]{0,3}?第)|[\p{Han}--[为是号了并具的]]{1,6}[(\[〔【]\d{4}[)\]〕】][\p{Han}]{0,3}(?:审|专)[\p{Han}]{0,2}|[\p{Han}--[为是号了并具的]]{0,6}(?:\([\p{Han}]{1,2}\))?(?:审|专|核|鉴)[\p{Han}]{0,3}字第?\d{4}年?|\d{4}年?[\p{Han}--[为是号了并具的度]]{1,6}?(?:审|专|核|鉴)[\p{Han}]{0,3})\n?第? ?-?(?:[A-Za-z0-9]{1,6}-)?[A-Za-z0-9]{0,12}?\d(?:-\d{1,4}|-[A-Z]{1,4})? ?\n?号)",
            &[("report_no", "v", Parse::Code)],
            1.0,
            r"》\(?$",
        ),
        // …and a firm's number of letters after its name, the year bracketed and no 号
        // (`永正-SJ[2020]886`), alone on its line in the title block.
        pat(
            r"(?m)\A(?:[^\n]*\n){0,8}?(?P<v>[\p{Han}]{1,9}-[A-Z]{1,4}[(\[〔【]\d{4}[)\]〕】]\d{2,8})$",
            &[("report_no", "v", Parse::Code)],
            0.9,
        ),
        // …or a firm's serial of letters, year and number alone on its line, wherever the
        // report prints it (under the title, after a cover letter), bracketed or not, its parts
        // set apart by hyphens or slashes: `天元SZ-2021-0188`, `(原平-ZS-2023273)`, `华通/SJ/2022/0708`.
        pat(
            r"(?m)^\(?(?P<v>[\p{Han}--[号码]]{1,8}[-/]?[A-Z]{1,4}[-/]?(?:19|20)\d{2}[-/]?\d{2,6}号?)\)?$",
            &[("report_no", "v", Parse::Code)],
            0.9,
        ),
        // A number set after its label with a gap or a colon, on a line of its own
        // (`编号 华通-ZX-2020-0167`, `审字号 明鉴-ZX-2023-0333`, `〔报告编排号:利达-FH2020-0263〕`): a
        // firm's own serial form, with no kind word or bracketed year to be known by. The label
        // says what it is: the report's (报告, 审计, 本所…) number of whatever name (编号, 函号,
        // 文档编号, 流水号…).
        // (`编号:` is no label of the report's elsewhere: a contract cited has one too)
        pat(
            r"(?m)^[(\[〔【]?(?:编号|文号|(?:报告|审计|审字|专审|本所|我所)[\p{Han}]{0,3}?(?:编号|编排号|函号|文号|字号|档号|号码|流水号|登记号|号)):?(?P<v>[\p{Han}]{1,8}[A-Za-z0-9()〔〕\[\]第/-]{3,24}(?:\d|号))[)\]〕】]?$",
            &[("report_no", "v", Parse::Code)],
            0.9,
        ),
        // …or said in a sentence of the report's own (`本报告编号为华通/SJ/2023/0191,正文共1页`).
        pat(
            r"(?:本报告|本审计报告|本专项审计报告)(?:编号|文号|字号|号码)(?:为|是)(?P<v>[\p{Han}]{1,8}[A-Za-z0-9()〔〕\[\]第/-]{3,24}(?:\d|号))(?:[,。;\n]|$)",
            &[("report_no", "v", Parse::Code)],
            0.95,
        ),
        // A number of the kind word, the bracketed year and a serial of letters with no 号,
        // alone on its line, bracketed or not (`(晋恒远审(2022)ZX-727)` under the title).
        pat(
            r"(?m)^\(?(?P<v>[\p{Han}]{1,9}(?:审|专|核|鉴)[\p{Han}]{0,3}[(\[〔【]\d{4}[)\]〕】][A-Z]{1,4}-?\d{1,6})\)?$",
            &[("report_no", "v", Parse::Code)],
            0.9,
        ),
        // A number alone on its line in the title block, whatever its kind word (a firm may
        // print none: `晋恒远〔2021〕0123号`), unless it is a rule's or a notice's (发, 函, 令…).
        pat(
            r"(?m)\A(?:[^\n]*\n){0,8}?(?P<v>[\p{Han}]{0,9}[\p{Han}--[发函令办会通告]](?:\([\p{Han}]{1,2}\))?[(\[〔【]\d{4}[)\]〕】]第?[A-Za-z0-9-]{0,14}\d(?:-[A-Z]{1,4})?号)$",
            &[("report_no", "v", Parse::Code)],
            0.9,
        ),
        // …and under its label with a cell of the row beside read between them
        // (`真伪核对编码:` | the firm's name / the code | `注册会计师:…`): a line that is a
        // code and nothing else.
        pat(
            concat!(
                r"(?m)^",
                report_code_label!(),
                r":?\n[^\n:0-9]{2,40}\n(?P<v>[0-9A-Z]{12,30})$"
            ),
            &[("report_code", "v", Parse::Code)],
            0.85,
        ),
        pat(
            concat!(
                report_code_label!(),
                r"(?::|为|是)?\n?\(?(?P<v>[0-9A-Za-z][0-9A-Za-z.\- ]{5,40}[0-9A-Za-z])"
            ),
            &[("report_code", "v", Parse::Code)],
            1.0,
        ),
        pat(
            r"会计师事务所[^\n]*\n(?:[^\n]*\n){0,3}?(?P<v>{DATE})",
            &[("report_date", "v", Parse::Date)],
            0.95,
        ),
        // The firm's line may be misread under its seal; the place line (中国·太原) that
        // precedes the date in the signature block anchors it as well.
        pat(
            r"(?m)^中国 ?[·・.]? ?[\p{Han}]{2,3}\n(?P<v>{DATE})",
            &[("report_date", "v", Parse::Date)],
            0.9,
        ),
        PatternSpec {
            // OCR reads the colon after the label as 一, · or ・ now and then (一 is no surname
            // in use, and a two-character name keeps it: the name needs two characters).
            // (a role in brackets after the name: `(项目合伙人)`)
            regex: r"(?m)^(?:签字注册会计师|中国注册会计师|注册会计师)[:一·・.,]?(?P<v>[\p{Han}]{2,4})(?:\([\p{Han}]{2,6}\))?$",
            captures: &[("signing_cpas", "v", Parse::Name)],
            certainty: 1.0,
            all: true,
            not_after: None,
        },
        // The report's words about a code it carries (扫码查验, 二维码, 条形码): a code that
        // cannot be read is then ours to doubt, not missing.
        pat(
            r"(?P<v>扫码|扫描(?:二维码|条形码|条码|上方|下方|右侧|左侧|右方|左方)|二维码|条形码|条码)",
            &[("code_shown", "v", Parse::Flag(true))],
            1.0,
        ),
        pat(r"(?P<v>\d{4}年度)", &[("period", "v", Parse::Period)], 0.95),
        pat(r"(?P<v>{RANGE})", &[("period", "v", Parse::Period)], 0.9),
        pat(
            r"(?P<v>补充专项审计报告|专项审计报告\(补充\)|补充审计报告)",
            &[("is_supplementary", "v", Parse::Flag(true))],
            1.0,
        ),
        pat(
            r"入驻企业(?:数量)?(?:\(户\))?[:\n]*(?P<v>\d[\d,]*)",
            &[("resident_firms", "v", Parse::Integer)],
            1.0,
        ),
        pat(
            r"从业人员(?:数量)?(?:\(人\))?[:\n]*(?P<v>\d[\d,]*)",
            &[("staff", "v", Parse::Integer)],
            1.0,
        ),
        pat(
            r"营业收入(?P<u>\((?:万元|元)\))?[:\n]*(?P<v>{NUM}(?:万元|元)?)",
            &[("revenue", "v", Parse::Money)],
            1.0,
        ),
        pat(
            r"服务(?:成本|支出|费用)(?P<u>\((?:万元|元)\))?[:\n]*(?P<v>{NUM}(?:万元|元)?)",
            &[("service_cost", "v", Parse::Money)],
            1.0,
        ),
    ],
    defaults: &[("is_supplementary", false)],
    parties: &["audited_entity", "audit_firm"],
    cells: true,
    positional: None,
    party_table: None,
    printed_payload: Some("report_code"),
};

/// Every kind with a table, in the order classification breaks ties.
pub const KINDS: [&KindSpec; 5] = [
    &LEASE,
    &PROPERTY_CERTIFICATE,
    &HOUSE_OWNERSHIP_CERTIFICATE,
    &LAND_CERTIFICATE,
    &AUDIT_REPORT,
];

/// The table of a kind (`Other` has none).
pub fn spec(kind: DocumentKind) -> Option<&'static KindSpec> {
    KINDS.into_iter().find(|k| k.kind == kind)
}
