//! Guest SDK for docverify verifier plugins.
//!
//! A plugin is a `cdylib` crate built for `wasm32-wasip2` that implements [`Plugin`] and calls
//! [`plugin!`]. The SDK hides the WIT bindings behind typed accessors ([`Ctx`], [`Doc`],
//! [`FieldRef`]) that already know the confidence rule (a field read with less than the
//! `min_confidence` parameter must lead to `review`), and ships what several rules share:
//! calendar dates ([`date`]), the name ladder of RULES.md ([`names`]) and the 统一社会信用代码
//! check ([`credit`]). A new rule is then about thirty lines:
//!
//! ```ignore
//! use docverify_plugin_sdk::*;
//! struct HasLease;
//! impl Plugin for HasLease {
//!     const ID: &'static str = "has-lease";
//!     const VERSION: &'static str = env!("CARGO_PKG_VERSION");
//!     const DESCRIPTION: (&'static str, &'static str) = ("须有租赁合同", "a lease is present");
//!     const RULES: &'static [&'static str] = &["example.has-lease"];
//!     fn check(ctx: &Ctx) -> Vec<Finding> {
//!         let status = if ctx.of_kind(&[DocumentKind::Lease]).is_empty() { Status::Fail } else { Status::Pass };
//!         vec![finding("example.has-lease", status, msg("…", "…"), vec![])]
//!     }
//! }
//! plugin!(HasLease);
//! ```

pub mod credit;
pub mod date;
pub mod names;
mod t2s_table;

/// The generated WIT bindings (`docverify:plugin@0.1.0`), for plugins that need more than the
/// re-exports below.
pub mod bindings {
    wit_bindgen::generate!({
        world: "plugin",
        path: "../wit/0.1.0",
        pub_export_macro: true,
        export_macro_name: "export_verifier",
        default_bindings_module: "docverify_plugin_sdk::bindings",
    });
}

pub use bindings::docverify::plugin::lookup;
pub use bindings::docverify::plugin::types::{
    CapabilityError, CapabilityRequest, Code, CreditCode, Document, DocumentKind, EvidenceRef,
    Field, Finding, Manifest, Message, Param, ParamSpec, ParamValue, Status, Submission, Term,
    Value,
};

use date::Date;

/// The name of the confidence threshold every SDK plugin declares.
pub const MIN_CONFIDENCE: &str = "min_confidence";
/// The document field in which the host lists, per text field, the characters OCR read with
/// doubt (`["lessee:区", …]`).
pub const DOUBTFUL_CHARS: &str = "doubtful_chars";
/// Default confidence threshold: fields read less surely than this make a rule answer `review`.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.8;

/// A verifier plugin: its identity, its rules and the check itself.
pub trait Plugin {
    /// Plugin id (kebab-case, unique among the loaded plugins).
    const ID: &'static str;
    /// Plugin version (semver); usually `env!("CARGO_PKG_VERSION")`.
    const VERSION: &'static str;
    /// One-line description (Chinese, English).
    const DESCRIPTION: (&'static str, &'static str);
    /// The rule ids this plugin decides (from RULES.md, or new ones for new rules).
    const RULES: &'static [&'static str];

    /// Parameters with defaults; `min_confidence` is added by the SDK.
    fn parameters() -> Vec<ParamSpec> {
        Vec::new()
    }

    /// Capabilities asked of the host (granted or not by the operator's configuration).
    fn capabilities() -> Vec<CapabilityRequest> {
        Vec::new()
    }

    /// Decides the rules over the submission. Return at least one finding per rule.
    fn check(ctx: &Ctx) -> Vec<Finding>;
}

/// Exports a [`Plugin`] implementation as the component's `verifier`.
#[macro_export]
macro_rules! plugin {
    ($plugin:ty) => {
        struct __DocverifyExport;
        impl $crate::bindings::exports::docverify::plugin::verifier::Guest for __DocverifyExport {
            fn metadata() -> $crate::Manifest {
                $crate::metadata_of::<$plugin>()
            }
            fn verify(
                submission: $crate::Submission,
            ) -> ::core::result::Result<::std::vec::Vec<$crate::Finding>, ::std::string::String>
            {
                $crate::verify_with::<$plugin>(submission)
            }
        }
        $crate::bindings::export_verifier!(__DocverifyExport with_types_in $crate::bindings);
    };
}

/// The metadata of a plugin (used by [`plugin!`]).
pub fn metadata_of<P: Plugin>() -> Manifest {
    let mut parameters = P::parameters();
    if !parameters.iter().any(|p| p.name == MIN_CONFIDENCE) {
        parameters.push(param_spec(
            MIN_CONFIDENCE,
            ParamValue::Number(DEFAULT_MIN_CONFIDENCE),
            "字段识别置信度低于此值时结论为人工复核",
            "fields read with less confidence than this make the rule answer review",
        ));
    }
    Manifest {
        id: P::ID.into(),
        version: P::VERSION.into(),
        description: msg(P::DESCRIPTION.0, P::DESCRIPTION.1),
        rules: P::RULES.iter().map(|r| r.to_string()).collect(),
        parameters,
        capabilities: P::capabilities(),
    }
}

/// Runs a plugin's check (used by [`plugin!`]); refuses findings for undeclared rules so that a
/// plugin cannot speak for another plugin's rule.
pub fn verify_with<P: Plugin>(submission: Submission) -> Result<Vec<Finding>, String> {
    let ctx = Ctx::new(submission);
    let findings = P::check(&ctx);
    if let Some(f) = findings
        .iter()
        .find(|f| !P::RULES.contains(&f.rule.as_str()))
    {
        return Err(format!("finding for undeclared rule `{}`", f.rule));
    }
    Ok(findings)
}

/// A bilingual message.
pub fn msg(zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message {
        zh: zh.into(),
        en: en.into(),
    }
}

/// A finding.
pub fn finding(
    rule: &str,
    status: Status,
    message: Message,
    evidence: Vec<EvidenceRef>,
) -> Finding {
    Finding {
        rule: rule.into(),
        status,
        message,
        evidence,
    }
}

/// A parameter declaration.
pub fn param_spec(name: &str, default: ParamValue, zh: &str, en: &str) -> ParamSpec {
    ParamSpec {
        name: name.into(),
        default,
        description: msg(zh, en),
    }
}

/// The submission as a plugin reads it.
pub struct Ctx {
    submission: Submission,
    min_confidence: f32,
}

impl Ctx {
    /// Wraps a submission (the parameters it carries set the confidence threshold).
    pub fn new(submission: Submission) -> Ctx {
        let min_confidence = submission
            .parameters
            .iter()
            .find(|p| p.name == MIN_CONFIDENCE)
            .and_then(|p| match p.value {
                ParamValue::Number(n) => Some(n as f32),
                _ => None,
            })
            .unwrap_or(DEFAULT_MIN_CONFIDENCE as f32);
        Ctx {
            submission,
            min_confidence,
        }
    }

    /// The raw submission.
    pub fn submission(&self) -> &Submission {
        &self.submission
    }

    /// 申报单位 as entered.
    pub fn applicant(&self) -> &str {
        self.submission.applicant.trim()
    }

    /// The confidence below which a field is not relied upon.
    pub fn min_confidence(&self) -> f32 {
        self.min_confidence
    }

    /// Every document, in submission order.
    pub fn documents(&self) -> impl Iterator<Item = Doc<'_>> {
        self.submission.documents.iter().map(|d| Doc {
            doc: d,
            min_confidence: self.min_confidence,
        })
    }

    /// The documents of the given kinds, in submission order.
    pub fn of_kind(&self, kinds: &[DocumentKind]) -> Vec<Doc<'_>> {
        self.documents()
            .filter(|d| kinds.contains(&d.kind()))
            .collect()
    }

    /// Leases that are not subleases (the applicant is their lessee).
    pub fn head_leases(&self) -> Vec<Doc<'_>> {
        self.of_kind(&[DocumentKind::Lease])
            .into_iter()
            .filter(|d| !self.sublets(d))
            .collect()
    }

    /// Subleases to resident firms (the applicant is their lessor).
    pub fn subleases(&self) -> Vec<Doc<'_>> {
        self.of_kind(&[DocumentKind::Lease])
            .into_iter()
            .filter(|d| self.sublets(d))
            .collect()
    }

    /// Whether a lease is a sublease: its title or party labels say so (`is_sublease`), or,
    /// written as a plain lease, it chains from another lease of the submission: its lessor is
    /// that lease's lessee (equal by the name ladder's sure steps), or it is the applicant
    /// letting to someone else.
    pub fn sublets(&self, lease: &Doc<'_>) -> bool {
        if lease.is_sublease() {
            return true;
        }
        let Some(lessor) = lease.text("lessor").and_then(|f| f.as_str()) else {
            return false;
        };
        let same = |a: &str, b: &str| names::compare(a, b).status == Status::Pass;
        let lessee = lease.text("lessee").and_then(|f| f.as_str());
        if same(lessor, self.applicant()) && lessee.is_some_and(|l| !same(l, self.applicant())) {
            return true;
        }
        self.of_kind(&[DocumentKind::Lease]).iter().any(|other| {
            other.id() != lease.id()
                && !other.is_sublease()
                && other
                    .text("lessee")
                    .and_then(|f| f.as_str())
                    .is_some_and(|l| same(l, lessor))
                && other
                    .text("lessor")
                    .and_then(|f| f.as_str())
                    .is_none_or(|their_lessor| !lessee.is_some_and(|me| same(me, their_lessor)))
        })
    }

    /// Certificates of the three kinds.
    pub fn certificates(&self) -> Vec<Doc<'_>> {
        self.of_kind(&[
            DocumentKind::PropertyCertificate,
            DocumentKind::HouseOwnershipCertificate,
            DocumentKind::LandCertificate,
        ])
    }

    fn param(&self, name: &str) -> Option<&ParamValue> {
        self.submission
            .parameters
            .iter()
            .find(|p| p.name == name)
            .map(|p| &p.value)
    }

    /// A number parameter (the host always passes declared parameters).
    pub fn param_f64(&self, name: &str) -> Option<f64> {
        match self.param(name)? {
            ParamValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A text parameter.
    pub fn param_str(&self, name: &str) -> Option<&str> {
        match self.param(name)? {
            ParamValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean parameter.
    pub fn param_bool(&self, name: &str) -> Option<bool> {
        match self.param(name)? {
            ParamValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    /// The application date, when given and well formed.
    pub fn application_date(&self) -> Option<Date> {
        self.submission
            .application_date
            .as_deref()
            .and_then(Date::parse)
    }
}

/// One document.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// The raw document.
    pub doc: &'a Document,
    min_confidence: f32,
}

impl<'a> Doc<'a> {
    /// Document id within the submission.
    pub fn id(&self) -> &'a str {
        &self.doc.id
    }

    /// Its kind.
    pub fn kind(&self) -> DocumentKind {
        self.doc.kind
    }

    /// A field, when it was read (an `absent` value counts as not read).
    pub fn field(&self, name: &str) -> Option<FieldRef<'a>> {
        self.doc
            .fields
            .iter()
            .find(|f| f.name == name && !matches!(f.value, Value::Absent))
            .map(|f| FieldRef {
                doc: self.doc,
                field: f,
                min_confidence: self.min_confidence,
            })
    }

    /// A text field with text in it.
    pub fn text(&self, name: &str) -> Option<FieldRef<'a>> {
        self.field(name)
            .filter(|f| f.as_str().is_some_and(|s| !s.trim().is_empty()))
    }

    /// A boolean field's value (false when absent).
    pub fn flag(&self, name: &str) -> bool {
        self.field(name).and_then(|f| f.as_bool()).unwrap_or(false)
    }

    /// Whether this lease is a sublease (`is_sublease`).
    pub fn is_sublease(&self) -> bool {
        self.flag("is_sublease")
    }

    /// The credit codes printed on the document.
    pub fn credit_codes(&self) -> Vec<(&'a CreditCode, FieldRef<'a>)> {
        match self.field("credit_codes") {
            Some(f) => match &f.field.value {
                Value::CreditCodes(codes) => codes.iter().map(|c| (c, f)).collect(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        }
    }

    /// Where the document prints `name` as a name of its own ([`names::printed_standalone`]):
    /// evidence with the page and the printed line. Pages count from 1 for an upload of its
    /// own; a bound packet's part gives its texts without their page numbers, so its first
    /// page is taken to be the first page any of its fields was read on.
    pub fn prints_name(&self, name: &str) -> Option<EvidenceRef> {
        let first_page = if self.doc.id.contains('.') {
            self.doc.fields.iter().map(|f| f.page).min().unwrap_or(1)
        } else {
            1
        };
        self.doc
            .page_texts
            .iter()
            .enumerate()
            .find_map(|(i, text)| {
                let (start, end) = names::printed_standalone(text, name)?;
                // the printed line, at most 40 characters around the name
                let chars: Vec<char> = text.chars().collect();
                let line_start = chars[..start]
                    .iter()
                    .rposition(|&c| c == '\n')
                    .map_or(0, |k| k + 1)
                    .max(start.saturating_sub(20));
                let line_end = chars[end..]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(chars.len(), |k| end + k)
                    .min(end + 20);
                let line: String = chars[line_start..line_end]
                    .iter()
                    .map(|&c| if c == '\n' { ' ' } else { c })
                    .collect();
                Some(EvidenceRef {
                    document: self.doc.id.clone(),
                    field: None,
                    page: Some(first_page + i as u32),
                    text: Some(line.trim().to_string()),
                })
            })
    }

    /// A reference to the document as a whole (no field).
    pub fn evidence(&self) -> EvidenceRef {
        EvidenceRef {
            document: self.doc.id.clone(),
            field: None,
            page: None,
            text: None,
        }
    }
}

/// One field of one document.
#[derive(Clone, Copy)]
pub struct FieldRef<'a> {
    doc: &'a Document,
    /// The raw field.
    pub field: &'a Field,
    min_confidence: f32,
}

impl<'a> FieldRef<'a> {
    /// Field name.
    pub fn name(&self) -> &'a str {
        &self.field.name
    }

    /// Whether the reading is sure enough to decide on.
    pub fn reliable(&self) -> bool {
        self.field.confidence >= self.min_confidence
    }

    /// Text value (trimmed).
    pub fn as_str(&self) -> Option<&'a str> {
        match &self.field.value {
            Value::Text(s) => Some(s.trim()),
            _ => None,
        }
    }

    /// Number value (text holding a number counts too).
    pub fn as_f64(&self) -> Option<f64> {
        match &self.field.value {
            Value::Number(n) if n.is_finite() => Some(*n),
            Value::Text(s) => s.trim().parse().ok().filter(|n: &f64| n.is_finite()),
            _ => None,
        }
    }

    /// List of texts (co-owners, signing accountants).
    pub fn as_texts(&self) -> Option<Vec<&'a str>> {
        match &self.field.value {
            Value::Texts(v) => Some(v.iter().map(|s| s.trim()).collect()),
            _ => None,
        }
    }

    /// Boolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.field.value {
            Value::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    /// ISO date value.
    pub fn as_date(&self) -> Option<Date> {
        self.as_str().and_then(Date::parse)
    }

    /// Duration value.
    pub fn as_term(&self) -> Option<Term> {
        match &self.field.value {
            Value::Term(t) => Some(*t),
            _ => None,
        }
    }

    /// The value as a person reads it.
    pub fn display(&self) -> String {
        match &self.field.value {
            Value::Absent => String::new(),
            Value::Text(s) | Value::Json(s) => s.clone(),
            Value::Number(n) => format!("{n}"),
            Value::Boolean(b) => format!("{b}"),
            Value::Term(t) => format!("{}年{}个月", t.years, t.months),
            Value::Texts(v) => v.join("、"),
            Value::CreditCodes(v) => v
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join("、"),
        }
    }

    /// Whether OCR read this field and, if so, the characters it read with doubt: from the
    /// document's `doubtful_chars` field, which lists every text field OCR read
    /// (`["lessee:区", "lessor:"]`). `None` for a text layer's field.
    pub fn doubtful_chars(&self) -> Option<String> {
        let prefix = format!("{}:", self.field.name);
        let mut entries = self
            .doc
            .fields
            .iter()
            .filter(|f| f.name == DOUBTFUL_CHARS)
            .flat_map(|f| match &f.value {
                Value::Texts(items) => items.as_slice(),
                _ => &[],
            })
            .filter_map(|item| item.strip_prefix(&prefix))
            .peekable();
        entries.peek()?;
        Some(entries.collect())
    }

    /// This field's name compared with `expected` on the ladder, with what OCR doubted (see
    /// [`names::compare_read`]).
    pub fn compare_name(&self, expected: &str) -> names::NameMatch {
        names::compare_read(
            expected,
            self.as_str().unwrap_or_default(),
            self.doubtful_chars().as_deref(),
        )
    }

    /// This field's name compared with another read name: what OCR doubted or dropped on
    /// either side may explain a one-character difference.
    pub fn compare_field(&self, expected: &FieldRef<'_>) -> names::NameMatch {
        let (found, wanted) = (
            self.as_str().unwrap_or_default(),
            expected.as_str().unwrap_or_default(),
        );
        let m = names::compare_read(wanted, found, self.doubtful_chars().as_deref());
        if m.status == Status::Fail {
            let theirs = names::compare_read(found, wanted, expected.doubtful_chars().as_deref());
            if theirs.status == Status::Review {
                return theirs;
            }
        }
        m
    }

    /// Evidence pointing at this field.
    pub fn evidence(&self) -> EvidenceRef {
        EvidenceRef {
            document: self.doc.id.clone(),
            field: Some(self.field.name.clone()),
            page: Some(self.field.page),
            text: Some(self.display()),
        }
    }
}

/// When any of `fields` was read with too little confidence, a `review` finding naming them.
pub fn unreliable(rule: &str, fields: &[FieldRef<'_>]) -> Option<Finding> {
    let weak: Vec<_> = fields.iter().filter(|f| !f.reliable()).collect();
    if weak.is_empty() {
        return None;
    }
    let list = weak
        .iter()
        .map(|f| {
            format!(
                "{}:{}「{}」({:.2})",
                f.doc.id,
                f.name(),
                f.display(),
                f.field.confidence
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    Some(finding(
        rule,
        Status::Review,
        msg(
            format!("字段识别置信度低，请人工核对：{list}"),
            format!("fields read with low confidence, please check by hand: {list}"),
        ),
        weak.iter().map(|f| f.evidence()).collect(),
    ))
}

/// A `not_applicable` finding.
pub fn not_applicable(rule: &str, zh: &str, en: &str) -> Finding {
    finding(rule, Status::NotApplicable, msg(zh, en), Vec::new())
}

/// A `review` finding for a field that is missing from a document.
pub fn missing(rule: &str, doc: &Doc<'_>, field: &str, what_zh: &str, what_en: &str) -> Finding {
    finding(
        rule,
        Status::Review,
        msg(
            format!("材料 {} 未读到{what_zh}（{field}），请人工核对", doc.id()),
            format!(
                "document {} has no {what_en} ({field}); please check by hand",
                doc.id()
            ),
        ),
        vec![doc.evidence()],
    )
}
