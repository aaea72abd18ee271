//! Applies a kind's table ([`super::kinds`]) to a document's normalised text: finds labels and
//! patterns, parses their values, picks the best candidate per field and attaches evidence.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Value, json};

use super::codes;
use super::dates::{self, DateError, parse_date, parse_duration};
use super::kinds::{KINDS, KindSpec, Parse};
use super::numbers::{parse_area, parse_money, parse_number};
use super::text::{Located, Norm, normalise};
use crate::model::{DocumentKind, Evidence, Field};

/// Number as printed: with thousands separators or without, optional decimals.
const NUM: &str = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";

/// Expands the placeholders of a table regex.
fn expand(re: &str) -> String {
    let area = format!(r"{NUM} ?(?:平方米|m2|平米)");
    re.replace("{DATE}", &dates::DATE_RE)
        .replace("{RANGE}", &dates::RANGE_RE)
        .replace("{DURATION}", dates::DURATION_RE)
        .replace("{AREA}", &area)
        .replace("{NUM}", NUM)
}

/// A kind's table with its regexes compiled.
pub struct Compiled {
    pub spec: &'static KindSpec,
    pub titles: Vec<Regex>,
    /// One anchored regex per label (`^(?:label)`), same order as `spec.labels`.
    labels: Vec<Regex>,
    patterns: Vec<Regex>,
}

impl Compiled {
    fn new(spec: &'static KindSpec) -> Compiled {
        let re = |s: &str| {
            Regex::new(&expand(s)).unwrap_or_else(|e| panic!("kind table regex {s}: {e}"))
        };
        Compiled {
            spec,
            titles: spec.titles.iter().map(|t| re(t)).collect(),
            labels: spec
                .labels
                .iter()
                .map(|l| re(&format!("^(?:{})", l.label)))
                .collect(),
            patterns: spec.patterns.iter().map(|p| re(p.regex)).collect(),
        }
    }

    /// The longest label at the start of `line`: (label index, byte length).
    fn label_at(&self, line: &str) -> Option<(usize, usize)> {
        self.labels
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.find(line).map(|m| (i, m.end())))
            .max_by_key(|&(i, len)| (len, std::cmp::Reverse(i)))
    }

    /// True when `line` starts with one of the labels followed by a colon or nothing
    /// (a label cell of a table): the line break before it is then a hard one.
    pub fn is_label_line(&self, line: &str) -> bool {
        self.label_at(line).is_some_and(|(_, len)| {
            let rest = &line[len..];
            rest.is_empty() || rest.starts_with(':') || line[..len].ends_with(':')
        })
    }
}

/// Every kind's compiled table.
pub static COMPILED: LazyLock<Vec<Compiled>> =
    LazyLock::new(|| KINDS.into_iter().map(Compiled::new).collect());

/// The compiled table of a kind.
pub fn compiled(kind: DocumentKind) -> Option<&'static Compiled> {
    COMPILED.iter().find(|c| c.spec.kind == kind)
}

/// A structural start of a line (clause, numbered item): ends a value.
static STRUCTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(第[一二三四五六七八九十百0-9]+条|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
        .expect("static regex")
});
/// Credit codes: 18 characters (OCR may leave single spaces) after a credit-code label.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:统一社会信用代码|社会信用代码|信用代码|纳税人识别号)[^0-9A-Za-z\n]{0,4}\n?(?P<v>[0-9A-Za-z](?: ?[0-9A-Za-z]){17})(?:[^0-9A-Za-z]|$)")
        .expect("static regex")
});
static SHORT_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(以下简称[^)]*\)?$").expect("static regex"));

/// One candidate value for a field.
struct Candidate {
    value: Value,
    certainty: f32,
    at: usize,
    loc: Located,
}

/// What reading a document's fields produced.
pub struct Reading {
    pub fields: BTreeMap<String, Field>,
    pub notes: Vec<String>,
}

/// Reads every field of `spec` from the normalised text.
pub fn read_fields(c: &Compiled, norm: &Norm) -> Reading {
    let text = norm.text.as_str();
    let mut cands: BTreeMap<&'static str, Vec<Candidate>> = BTreeMap::new();
    let mut lists: BTreeMap<&'static str, Vec<Candidate>> = BTreeMap::new();
    let mut notes = Vec::new();

    // Labels at line starts; a value runs to the next line that starts a label or a clause.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect();
    let starts_new = |pos: usize| -> bool {
        let line = &text[pos..];
        c.label_at(line).is_some() || STRUCTURE.is_match(line)
    };
    for &ls in &line_starts {
        let Some((li, len)) = c.label_at(&text[ls..]) else {
            continue;
        };
        let spec = &c.spec.labels[li];
        let Some(field) = spec.field else { continue };
        let mut start = ls + len;
        while let Some(ch) = text[start..].chars().next() {
            if ch == ':' || ch == '\n' || ch == ' ' {
                start += ch.len_utf8();
            } else {
                break;
            }
        }
        if start < text.len() && starts_new(start) && text[ls + len..start].contains('\n') {
            continue; // an empty cell: the next line is already another label
        }
        let mut end = start;
        for (i, ch) in text[start..].char_indices() {
            let at = start + i;
            if ch == '\n' {
                if starts_new(at + 1) || at + 1 >= text.len() {
                    break;
                }
            } else if ch == '。' || ch == ';' || at - start > 400 {
                break;
            }
            end = at + ch.len_utf8();
        }
        if end <= start {
            continue;
        }
        let raw = &text[start..end];
        match parse_value(spec.parse, raw, raw, norm, start..end) {
            Ok((value, doubt, range)) => cands.entry(field).or_default().push(Candidate {
                value,
                certainty: spec.certainty * doubt,
                at: start,
                loc: norm.locate(range),
            }),
            Err(Unparsed::Unfilled) => notes.push(format!(
                "{field}: 日期空白未填写 / the date is an unfilled blank"
            )),
            Err(Unparsed::No) => {}
        }
    }

    for (pi, p) in c.spec.patterns.iter().enumerate() {
        let re = &c.patterns[pi];
        for caps in re.captures_iter(text) {
            let whole = caps.get(0).map_or("", |m| m.as_str());
            for &(field, group, parse) in p.captures {
                let Some(m) = caps.name(group) else { continue };
                let Ok((value, doubt, range)) =
                    parse_value(parse, m.as_str(), whole, norm, m.range())
                else {
                    continue;
                };
                let cand = Candidate {
                    value,
                    certainty: p.certainty * doubt,
                    at: m.start(),
                    loc: norm.locate(range),
                };
                if p.all {
                    lists.entry(field).or_default().push(cand);
                } else {
                    cands.entry(field).or_default().push(cand);
                }
            }
            if !p.all {
                break;
            }
        }
    }

    let mut fields = BTreeMap::new();
    for (name, mut list) in cands {
        list.sort_by(|a, b| b.certainty.total_cmp(&a.certainty).then(a.at.cmp(&b.at)));
        let best = list.swap_remove(0);
        fields.insert(name.to_string(), field_of(best));
    }
    for (name, list) in lists {
        let first = &list[0];
        let conf = list
            .iter()
            .map(|c| c.loc.confidence * c.certainty)
            .fold(1.0f32, f32::min);
        let field = Field {
            value: Value::Array(list.iter().map(|c| c.value.clone()).collect()),
            confidence: conf,
            evidence: evidence(&first.loc),
        };
        fields.insert(name.to_string(), field);
    }
    // Flags that hold unless found otherwise; their evidence is the start of the document.
    for &(name, value) in c.spec.defaults {
        fields.entry(name.to_string()).or_insert_with(|| Field {
            value: Value::Bool(value),
            confidence: 0.9,
            evidence: evidence(&norm.locate(0..text.len().min(first_line_len(text)))),
        });
    }
    let codes = credit_codes(c, norm, &fields);
    fields.insert("credit_codes".into(), codes);
    Reading { fields, notes }
}

fn first_line_len(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

fn evidence(loc: &Located) -> Evidence {
    Evidence {
        page: loc.page,
        span: loc.span,
        bbox: loc.bbox,
    }
}

fn field_of(c: Candidate) -> Field {
    Field {
        value: c.value,
        confidence: (c.loc.confidence * c.certainty).clamp(0.0, 1.0),
        evidence: evidence(&c.loc),
    }
}

/// Why a value could not be read.
enum Unparsed {
    /// A blank date of a template.
    Unfilled,
    /// Not a value of the expected form.
    No,
}

/// Parses the value text `raw` (normalised) whose byte range in the text is `range`. Returns
/// the value, the parse certainty and the range the evidence should point at.
fn parse_value(
    parse: Parse,
    raw: &str,
    whole: &str,
    norm: &Norm,
    range: std::ops::Range<usize>,
) -> Result<(Value, f32, std::ops::Range<usize>), Unparsed> {
    let trimmed_len = raw
        .trim_end_matches([',', '.', '。', ';', ':', ' ', '\n', '、'])
        .len();
    let range = range.start..range.start + trimmed_len;
    let raw = &raw[..trimmed_len];
    match parse {
        Parse::Name | Parse::Text => {
            let mut r = range.clone();
            if parse == Parse::Name
                && let Some(m) = SHORT_NAME.find(raw)
            {
                r.end = r.start + m.start();
            }
            let value = norm.original(r.clone());
            if value.trim().is_empty() {
                return Err(Unparsed::No);
            }
            Ok((Value::String(value.trim().to_string()), 1.0, r))
        }
        Parse::Code => {
            let value: String = norm
                .original(range.clone())
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if value.is_empty() {
                return Err(Unparsed::No);
            }
            Ok((Value::String(value), 1.0, range))
        }
        Parse::Date => match parse_date(raw) {
            Ok(d) => Ok((json!(d.to_string()), 1.0, range)),
            Err(DateError::Unfilled) => Err(Unparsed::Unfilled),
            Err(DateError::Invalid(_)) => {
                // A label's value may hold more than the date (签订日期:2020年1月1日 签订地点…).
                static ONE: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(&dates::DATE_RE).expect("static regex"));
                static BLANK: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(dates::BLANK_DATE_RE).expect("static regex"));
                if let Some(m) = ONE.find(raw)
                    && let Ok(d) = parse_date(m.as_str())
                {
                    let r = range.start + m.start()..range.start + m.end();
                    return Ok((json!(d.to_string()), 0.95, r));
                }
                if BLANK.is_match(raw) {
                    return Err(Unparsed::Unfilled);
                }
                Err(Unparsed::No)
            }
        },
        Parse::LastDate => {
            static ONE: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(&dates::DATE_RE).expect("static regex"));
            let m = ONE.find_iter(raw).last().ok_or(Unparsed::No)?;
            let d = parse_date(m.as_str()).map_err(|_| Unparsed::No)?;
            Ok((
                json!(d.to_string()),
                1.0,
                range.start + m.start()..range.start + m.end(),
            ))
        }
        Parse::Area => parse_area(raw)
            .map(|v| (json!(v), 1.0, range))
            .ok_or(Unparsed::No),
        Parse::Money => {
            let mut v = parse_money(raw).ok_or(Unparsed::No)?;
            if !raw.ends_with('元') && whole.contains("(万元)") {
                v = super::numbers::round2(v * 10_000.0);
            }
            Ok((json!(v), 1.0, range))
        }
        Parse::Integer => {
            let v = parse_number(raw).ok_or(Unparsed::No)?;
            if v.fract() != 0.0 || v < 0.0 {
                return Err(Unparsed::No);
            }
            Ok((json!(v as u64), 1.0, range))
        }
        Parse::Duration => {
            let d = parse_duration(raw).ok_or(Unparsed::No)?;
            Ok((json!({"years": d.years, "months": d.months}), 1.0, range))
        }
        Parse::Rent { period, per_m2 } => {
            let v = parse_number(raw).ok_or(Unparsed::No)?;
            Ok((
                json!({"amount": v, "period": period, "per_m2": per_m2}),
                1.0,
                range,
            ))
        }
        Parse::Period => {
            static YEAR: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^(\d{4})年度$").expect("static regex"));
            static RANGE: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(&dates::RANGE_RE).expect("static regex"));
            if let Some(c) = YEAR.captures(raw) {
                let y: i32 = c[1].parse().map_err(|_| Unparsed::No)?;
                return Ok((
                    json!({"start": format!("{y:04}-01-01"), "end": format!("{y:04}-12-31")}),
                    1.0,
                    range,
                ));
            }
            let c = RANGE.captures(raw).ok_or(Unparsed::No)?;
            let a = parse_date(&c["a"]).map_err(|_| Unparsed::No)?;
            let b = parse_date(&c["b"]).map_err(|_| Unparsed::No)?;
            Ok((
                json!({"start": a.to_string(), "end": b.to_string()}),
                1.0,
                range,
            ))
        }
        Parse::Flag(b) => Ok((Value::Bool(b), 1.0, range)),
    }
}

/// Every credit code printed, repaired for OCR confusions, with the party printed nearest
/// before it and its check-character validity.
fn credit_codes(c: &Compiled, norm: &Norm, fields: &BTreeMap<String, Field>) -> Field {
    let text = norm.text.as_str();
    // (normalised name, name as read) of each party field
    let parties: Vec<(String, String)> = c
        .spec
        .parties
        .iter()
        .filter_map(|p| fields.get(*p))
        .filter_map(|f| f.value.as_str())
        .map(|s| (normalise(s), s.to_string()))
        .filter(|(n, _)| !n.is_empty())
        .collect();
    let mut items = Vec::new();
    let mut first: Option<Located> = None;
    let mut conf = 1.0f32;
    for caps in CREDIT.captures_iter(text) {
        let m = caps.name("v").expect("group v");
        let (code, repaired) = codes::repair(m.as_str());
        let valid = codes::is_valid(&code);
        let before = &text[..m.start()];
        let party = parties
            .iter()
            .filter_map(|(n, orig)| before.rfind(n.as_str()).map(|at| (at, orig)))
            .max_by_key(|(at, _)| *at)
            .map(|(_, orig)| orig.clone());
        let loc = norm.locate(m.range());
        conf = conf.min(loc.confidence * if repaired > 0 { 0.85 } else { 1.0 });
        items.push(json!({
            "code": code,
            "party": party,
            "valid": valid,
            "evidence": {"page": loc.page, "span": loc.span},
        }));
        first.get_or_insert(loc);
    }
    let loc = first.unwrap_or_else(|| norm.locate(0..0));
    Field {
        value: Value::Array(items),
        confidence: conf,
        evidence: evidence(&loc),
    }
}
