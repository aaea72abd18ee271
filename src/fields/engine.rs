//! Applies a kind's table ([`super::kinds`]) to a document's normalised text: finds labels and
//! patterns, parses their values, picks the best candidate per field and attaches evidence.

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde_json::{Value, json};

use super::codes;
use super::dates::{self, DateError, parse_date, parse_duration};
use super::kinds::{self, KINDS, KindSpec, Parse, Positional};
use super::numbers::{parse_area, parse_money, parse_number};
use super::text::{
    Located, Norm, all_han, is_han, label_head, normalise, person_name, regex, share_column,
};
use super::{party_words, term_clause};
use crate::model::{BBox, DocumentKind, Evidence, Field};

/// Number as printed: with thousands separators or without, optional decimals.
const NUM: &str = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";

/// Expands the placeholders of a table regex.
fn expand(re: &str) -> String {
    // OCR may miss the superscript of m² (`2,105.11m`): a lone m ending a word is the unit.
    let area = format!(r"{NUM} ?(?:平方米|m2|平米|m\b)");
    re.replace("{DATE}", &dates::DATE_RE)
        .replace("{RANGE}", &dates::RANGE_RE)
        .replace("{DURATION}", dates::DURATION_RE)
        .replace("{AREA}", &area)
        .replace("{NUM}", NUM)
        .replace(
            "{ORG_WRAPPED}",
            &ORG.replacen(
                "{2,30}?",
                r"{2,30}?(?:\n[\p{Han}--[给由将与及]]{0,30}?)?",
                1,
            ),
        )
        .replace("{ORG}", ORG)
}

/// A range of two dates (`dates::RANGE_RE`), for the readers of tables and periods.
static RANGE: LazyLock<Regex> = LazyLock::new(|| regex(&dates::RANGE_RE).expect("static regex"));

/// An organisation's name (`ORG`) at the start of a string: the first of names run together.
static ORG_AT_START: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!("^(?:{ORG})")).expect("static regex"));

/// An organisation's name written into a sentence: Chinese characters (a place in brackets
/// may stand inside, not a `(以下简称甲方)`) up to its legal form. It holds none of the words
/// that lead up to or join names in a clause (给, 由, 将, 与, 及), so a match starts at the name
/// itself and never spans two.
/// `{ORG_WRAPPED}` is the same name allowed to wrap once, where a label says a name follows
/// (`共有人:大同市合信产业园运营有` / `限公司,占70%份额` in a narrow 附记 cell).
const ORG: &str = r"[\p{Han}--[给由将与及]]{2,30}?(?:\([\p{Han}--[以下简称甲乙方]]{2,6}\)[\p{Han}--[给由将与及]]{0,30}?)?(?:有限责任公司|股份有限公司|有限公司|公司|\((?:特殊)?普通合伙\)|\(有限合伙\)|中心|集团|合作社|联合社)";

/// A kind's table with its regexes compiled.
pub struct Compiled {
    pub spec: &'static KindSpec,
    /// One anchored regex per label (`^(?:label)`), same order as `spec.labels`.
    labels: Vec<Regex>,
    patterns: Vec<Regex>,
    /// Each pattern's `not_after` regex, compiled.
    not_after: Vec<Option<Regex>>,
    /// The clauses of `spec.positional` (甲方 first, 甲方 second), compiled.
    positional: Option<(&'static Positional, Vec<Regex>, Vec<Regex>)>,
    /// `spec.party_table`'s header cells (with their fields) and name row, anchored to a line.
    party_table: Option<(Vec<(Regex, &'static str)>, Regex)>,
}

impl Compiled {
    fn new(spec: &'static KindSpec) -> Compiled {
        let re =
            |s: &str| regex(&expand(s)).unwrap_or_else(|e| panic!("kind table regex {s}: {e}"));
        Compiled {
            spec,
            labels: spec
                .labels
                .iter()
                .map(|l| re(&format!("^(?:{})", l.label)))
                .collect(),
            patterns: spec.patterns.iter().map(|p| re(p.regex)).collect(),
            not_after: spec.patterns.iter().map(|p| p.not_after.map(re)).collect(),
            positional: spec.positional.map(|p| {
                (
                    p,
                    p.a_first.iter().map(|r| re(r)).collect(),
                    p.a_second.iter().map(|r| re(r)).collect(),
                )
            }),
            party_table: spec.party_table.map(|t| {
                (
                    t.columns
                        .iter()
                        .map(|&(cell, field)| (re(&format!("^(?:{cell})$")), field))
                        .collect(),
                    re(&format!("^(?:{})$", t.name_row)),
                )
            }),
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
        self.label_line_len(line).is_some()
    }

    /// The length of the label `line` starts with, when [`Self::is_label_line`] holds.
    fn label_line_len(&self, line: &str) -> Option<usize> {
        self.label_at(line).map(|(_, len)| len).filter(|&len| {
            let rest = &line[len..];
            rest.is_empty() || rest.starts_with(':') || line[..len].ends_with(':')
        })
    }

    /// True when `line` is one of the labels and nothing else but its colon: a table's
    /// header cell (its item number in brackets before it, `(1)转租人`, is the form's own; a
    /// numbered heading, `一、权利人信息`, heads a part, not a column).
    fn is_label_alone(&self, line: &str) -> bool {
        let line = ITEM_NUMBER.find(line).map_or(line, |m| &line[m.end()..]);
        !line.is_empty()
            && self
                .label_at(line)
                .is_some_and(|(_, len)| len == line.len() || &line[len..] == ":")
    }
}

/// Each kind's compiled table, compiled when a document of the kind is first read: most of a
/// `docverify check`'s own time is compiling patterns, and a submission rarely holds every kind
/// (two documents of different kinds compile theirs side by side).
static COMPILED: [OnceLock<Compiled>; KINDS.len()] = [const { OnceLock::new() }; KINDS.len()];

/// The compiled table of a kind.
pub fn compiled(kind: DocumentKind) -> Option<&'static Compiled> {
    let i = KINDS.iter().position(|k| k.kind == kind)?;
    Some(COMPILED[i].get_or_init(|| Compiled::new(KINDS[i])))
}

/// Every kind's title regexes (a page's role is asked of all kinds, its fields of one).
pub static TITLES: LazyLock<Vec<(&'static KindSpec, Vec<Regex>)>> = LazyLock::new(|| {
    KINDS
        .into_iter()
        .map(|spec| {
            let titles = spec.titles.iter().map(|t| regex(&expand(t)));
            let titles = titles.collect::<Result<_, _>>();
            (
                spec,
                titles.unwrap_or_else(|e| panic!("kind title regex: {e}")),
            )
        })
        .collect()
});

/// A structural start of a line (clause, numbered item): ends a value.
static STRUCTURE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(第[一二三四五六七八九十百0-9]+条|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
        .expect("static regex")
});
/// Credit codes: 18 characters (OCR may leave single spaces) after a credit-code label.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:统一社会信用代码|社会信用代码|信用代码|纳税人识别号)[^0-9A-Za-z\n]{0,4}\n?(?P<v>[0-9A-Za-z](?: ?[0-9A-Za-z]){17})(?:[^0-9A-Za-z]|$)")
        .expect("static regex")
});
/// The bracket after a name that gives its short name, a role or note before it or not
/// (`(以下简称甲方)`, `(原承租人,以下简称甲方)`), or says who it is in the contract (`(即上表
/// 原租赁关系中的承租人)`, `(系房屋产权人)`): no part of the name, as a name's own bracket (its
/// place or legal form: `(山西)`, `(特殊普通合伙)`) never starts so. (A person's bracket naming
/// whom they act for, `李明(系XX公司委托代理人)`, stays: the person is no party.)
static SHORT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"\((?:(?:[^()\n,]{{1,10}}[,、])?(?:{})[^)]*|(?:即|系|亦即|也即|作为)[^)代委授]*)\)?$",
        kinds::SHORT_NAME_WORD
    ))
    .expect("static regex")
});

/// One candidate value for a field.
#[derive(Clone)]
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

    // Labels at line starts (and inside lines, see `label_hits`); a value runs to the next
    // label or to the next line that starts a clause.
    let mut hits = label_hits(c, text);
    aliased_labels(c, text, &mut hits);
    let own_words = own_party_labels(c, text, &mut hits);
    let starts_new = |pos: usize| -> bool {
        let line = &text[pos..];
        c.label_at(line).is_some()
            || STRUCTURE.is_match(line)
            // the next item of a numbered list of labels (`3.坐落:…` / `4.不动产单元号:…`),
            // known or not (`2.出租人统一社会信用代码:` under `1.出租人:` / its name)
            || ENUMERATOR.find(line).is_some_and(|m| {
                let item = line[m.end()..].trim_start();
                c.label_at(item).is_some() || ENUMERATED_LABEL.is_match(item)
            })
            || (c.spec.cells && label_split_by_value(c, line).is_some())
            || label_wrapped_in_cell(c, line)
    };
    for (hi, &(ls, li, len)) in hits.iter().enumerate() {
        let spec = &c.spec.labels[li];
        let Some(field) = spec.field else { continue };
        let mut next_label = hits.get(hi + 1).map_or(text.len(), |h| h.0);
        let skip_separators = |mut at: usize| {
            while let Some(ch) = text[at..].chars().next() {
                if ch == ':' || ch == '\n' || ch == ' ' {
                    at += ch.len_utf8();
                } else {
                    break;
                }
            }
            at
        };
        let mut start = skip_separators(ls + len);
        // A party's heading over a table of its own (`甲方(出租方)` / `名称 | XX` /
        // `统一社会信用代码 | …`): the name row's value is the party's.
        if spec.parse == Parse::Name
            && start == next_label
            && text[ls..start].contains('\n')
            && !after_label_line(c, text, ls)
            && let Some(m) = NAME_ROW.find(&text[start..])
        {
            start = skip_separators(start + m.end());
            // a heading that is a later cell of its row (`业权人 | 租用人` over `名称(签章) | XX |
            // YY`, its neighbour no label of ours) heads the name row's cell in its column
            let column = text[..ls]
                .rsplit('\n')
                .next()
                .unwrap_or("")
                .matches('\t')
                .count();
            if column > 0 {
                let row = text[start..].split('\n').next().unwrap_or("");
                let Some(cell) = row.split('\t').nth(column) else {
                    continue;
                };
                start += row
                    .split('\t')
                    .take(column)
                    .map(|c| c.len() + 1)
                    .sum::<usize>();
                next_label = start + cell.len();
            } else {
                next_label = hits
                    .iter()
                    .map(|h| h.0)
                    .find(|&p| p >= start)
                    .unwrap_or(text.len());
            }
        }
        // OCR (or a text layer read across the row) may set a party's particular printed
        // beside its name (`社会信用代码…` to the right of the name) before the name: label alone
        // on its line / the particular's line, with its value or bare / the name. A particular
        // heads no name: the name on the next line, whole and no label, is the party's.
        // (The second of a header row's heads read one a line is no such label: the name
        // after the row is the first column's.)
        if spec.parse == Parse::Name
            && text[ls..start].contains('\n')
            && !after_label_line(c, text, ls)
            && let Some(line) = text[start..].lines().next()
            && let Some((pi, plen)) = c.label_at(line)
            && c.spec.labels[pi].field.is_none()
            && {
                let value = line[plen..].trim_start_matches([':', ' ']);
                value.chars().count() >= 6 || value.is_empty()
            }
            && let Some(name_line) = text[start + line.len()..].lines().nth(1)
            && text[start + line.len()..].starts_with('\n')
            && WHOLE_NAME.is_match(name_line)
            && c.label_at(name_line).is_none()
        {
            start += line.len() + 1;
            next_label = hits
                .iter()
                .map(|h| h.0)
                .find(|&p| p >= start + name_line.len())
                .unwrap_or(text.len());
        }
        // A label over a small table of its own whose head row was read one cell a line
        // (`权利人` / `共有人` / `证件号码` / `共有方式` / `XX公司` / …): the first row's first
        // cell is the value, not the column's head.
        if spec.parse == Parse::Name
            && let Some(m) = HEAD_ROW_UNDER_LABEL.find(&text[start..])
            && let Some(cell) = text[start + m.end()..].lines().next()
            && (WHOLE_NAME.is_match(cell) || person_name(cell))
        {
            start += m.end();
            next_label = start + cell.len();
        }
        // A label that heads a column of a table whose header row is all labels
        // (`权利人名称 | 证件种类 | 证件号码` over `XX公司 | 营业执照 | …`): its value is the cell
        // below it, not what follows it.
        if matches!(
            spec.parse,
            Parse::Name | Parse::Text | Parse::Code | Parse::Date | Parse::Area
        ) && text[ls..start].contains('\n')
            // (a signature head beside a head that is no label of ours, `物业出租示(签章)` as
            // OCR read it, heads a column by itself where the page gives places)
            && let Some(ColumnCells { cells, placed }) = column_cells(
                c,
                norm,
                ls,
                if spec.parse == Parse::Name && SEAL_WORD.is_match(&text[ls..start]) {
                    1
                } else {
                    2
                },
            )
            // codes, dates and areas, and a lease's parties (whose own tables stack a heading
            // over its rows), are read so only where the header row was seen as printed
            && (placed
                || (matches!(spec.parse, Parse::Name | Parse::Text) && c.party_table.is_none()))
        {
            if cells.is_empty() {
                continue;
            }
            // under a signature head (转租方(盖章) | 租用方(盖章)) the cells are seals and
            // dates: only an organisation's whole name there is the party's
            let under_seal = spec.parse == Parse::Name && SEAL_WORD.is_match(&text[ls..start]);
            let read = |cell: &Vec<std::ops::Range<usize>>| {
                // a cell whose lines the reading set between its neighbours' (the row read
                // across): its lines joined, and only a party's whole name read so
                if cell.len() > 1 {
                    if spec.parse != Parse::Name {
                        return None;
                    }
                    // (a row's label centred beside a name of two lines is no piece of it;
                    // under a signature head the column's rows may run on without a gap, the
                    // name's lines first, then labelled lines: `统一社会信用代码:…`, `日期:…`)
                    let pieces: Vec<std::ops::Range<usize>> = cell
                        .iter()
                        .filter(|r| !contract_row_label(&text[(*r).clone()]))
                        .take_while(|r| {
                            !under_seal || !LABEL_SHAPE.is_match(text[(*r).clone()].trim_start())
                        })
                        .cloned()
                        .collect();
                    let value = name_of_pieces(norm, &pieces);
                    if !whole_name(&value) {
                        return None;
                    }
                    return Some(Candidate {
                        value: Value::String(value),
                        certainty: spec.certainty * TABLE_CELL,
                        at: cell[0].start,
                        loc: norm.locate(cell[0].clone()),
                    });
                }
                let cell = &cell_span(cell);
                let raw = &text[cell.clone()];
                // a party's cell in a lease's table holds a whole name (a name that wrapped
                // in its cell shifts the row: `table_parties` joins such names)
                if c.party_table.is_some() && spec.parse == Parse::Name && !whole_name(raw) {
                    return None;
                }
                if under_seal && !WHOLE_NAME.is_match(raw.trim_end()) {
                    return None;
                }
                parse_value(spec.parse, raw, raw, norm, cell.clone())
                    .ok()
                    .filter(|(value, ..)| field != "report_code" || !holds_chinese(value))
                    .map(|(value, doubt, range)| Candidate {
                        value,
                        certainty: spec.certainty * doubt * TABLE_CELL,
                        at: range.start,
                        loc: norm.locate(range),
                    })
            };
            // A term in periods, one row each (第一期 | 起租日 | 届满日, a 合计 row): the term
            // runs from the earliest start to the latest end of the column.
            let span_of_rows = matches!(field, "term_start" | "term_end") && cells.len() > 1;
            let dates: Vec<Candidate> = if span_of_rows {
                cells.iter().map_while(read).collect()
            } else {
                Vec::new()
            };
            if span_of_rows && dates.len() == cells.len() {
                let key = |c: &&Candidate| c.value.as_str().unwrap_or_default().to_string();
                let pick = if field == "term_start" {
                    dates.iter().min_by_key(key)
                } else {
                    dates.iter().max_by_key(key)
                };
                if let Some(pick) = pick {
                    cands.entry(field).or_default().push(pick.clone());
                }
                continue;
            }
            // OCR may join two cells of a row and shift the rest: a co-ownership cell says
            // 所有 or 共有, or the column was misread
            if let Some(first) = own_row_cell(text, start, &cells)
                .and_then(read)
                .filter(|c| {
                    field != "co_ownership" || c.value.as_str().is_some_and(|v| v.contains('有'))
                })
            {
                cands.entry(field).or_default().push(first);
            }
            // a certificate's owners one a row: each is a co-owner
            // (no label's cell: `附记` beside the owner is a heading, not a co-owner)
            if field == "owner"
                && cells.len() > 1
                && !cells.iter().any(|cell| {
                    cell.first()
                        .is_some_and(|r| c.is_label_alone(text[r.clone()].trim()))
                })
            {
                let owners: Vec<Candidate> = cells.iter().map_while(read).collect();
                if owners.len() == cells.len() {
                    lists.entry("co_owners").or_default().extend(owners);
                }
            }
            continue;
        }
        if start >= next_label
            || (start < text.len()
                && text[ls..start].contains('\n')
                && (starts_new(start) || LABEL_SHAPE.is_match(&text[start..])))
        {
            if spec.parse == Parse::Date
                && let Some(cand) = date_beside(norm, ls..ls + len, spec.certainty)
            {
                cands.entry(field).or_default().push(cand);
            }
            continue; // an empty cell: the next label follows at once
        }
        // The second of two labels stacked alone on their lines (`出租人(签章):` /
        // `承租人(签章):` / X / Y): a table's header row read cell by cell, whose values follow
        // in the same order (`signature_table` reads them). What follows this label is the
        // first column's value, not its own.
        if spec.parse == Parse::Name
            && ls > 0
            && text[..ls].ends_with('\n')
            && stacked_signature_head(text, ls)
        {
            continue;
        }
        // beside a seal (出租方(盖章):…) the name is what the line holds: the seal's ring read
        // there is no name's head to go on from on the next line (under a label alone on its
        // line the name may wrap as anywhere)
        // (or a seal's bare word in brackets: `承租单位(章):`)
        let seal_label = spec.parse == Parse::Name
            && (SEAL_WORD.is_match(&text[ls..ls + len])
                || ["(章)", "(印)"].iter().any(|w| text[ls..start].contains(w)))
            && !text[ls..start].contains('\n');
        let mut end = start;
        for (i, ch) in text[start..].char_indices() {
            let at = start + i;
            if at >= next_label {
                break;
            }
            if ch == '\n' {
                if (seal_label && !name_tail_wraps(&text[start..at], &text[at + 1..]))
                    || starts_new(at + 1)
                    || at + 1 >= text.len()
                    || value_complete(spec.parse, &text[start..at], &text[at + 1..])
                {
                    break;
                }
            } else if at > start
                && norm.soft_breaks.binary_search(&at).is_ok()
                && ((seal_label && !name_tail_wraps(&text[start..at], &text[at..]))
                    || value_complete(spec.parse, &text[start..at], &text[at..]))
            {
                // a line joined to this one as a wrap, but the value was already whole
                break;
            } else if ch == '。'
                || (ch == ';'
                    && !(field == "owner" && owners_go_on(&text[start..at], &text[at + 1..])))
                || at - start > 400
            {
                break;
            }
            end = at + ch.len_utf8();
        }
        if end <= start {
            continue;
        }
        // a code whose print a symbol's label covers (`J20228192711`) over the symbol's caption
        // that prints it whole (`J2022819271191866`): the caption is the code
        if spec.parse == Parse::Code
            && let Some(whole) = whole_on_next_line(text, start)
            && whole.end <= end
        {
            start = whole.start;
        }
        let raw = &text[start..end];
        // a certificate's owners listed in one cell, set apart by semicolons (`A公司;B公司;邵某`):
        // each is a co-owner (the first is the owner, as `name_part` reads it)
        if field == "owner" && raw.contains(';') {
            let mut at = start;
            let mut owners = Vec::new();
            for part in raw.split(';') {
                let range = at..at + part.len();
                at += part.len() + 1;
                let name = part.replace('\n', "");
                if !(WHOLE_NAME.is_match(&name) || person_name(&name)) {
                    owners.clear();
                    break;
                }
                if let Ok((value, doubt, r)) = parse_value(Parse::Name, part, part, norm, range) {
                    owners.push(Candidate {
                        value,
                        certainty: spec.certainty * doubt,
                        at: r.start,
                        loc: norm.locate(r),
                    });
                }
            }
            if owners.len() > 1 {
                let list = lists.entry("co_owners").or_default();
                for owner in owners {
                    push_new(list, owner);
                }
            }
        }
        // A date label in a cell of its own (no colon) heads a column when the next cell is
        // no date (`服务期起 | 服务期止` over `17F-26 | … | 2022年11月1日`): the table's
        // reading (`schedule_term`) places its dates.
        if spec.parse == Parse::Date
            && text[ls..start].contains('\n')
            && !text[ls..start].contains(':')
            && parse_date(raw.split('\n').next().unwrap_or(raw)).is_err()
        {
            if let Some(cand) = date_beside(norm, ls..ls + len, spec.certainty) {
                cands.entry(field).or_default().push(cand);
            }
            continue;
        }
        // A label cell of its own line (no colon) over a name that is not whole may head a
        // column of a table rather than stand over its value.
        let bare_cell = text[ls..ls + len].ends_with('\n')
            && spec.parse == Parse::Name
            && !whole_name(&text[start..end]);
        // Beside a seal (出租方(盖章):…) OCR reads pieces of the seal's ring as well as the
        // signature: only an organisation's whole name is sure there.
        let beside_seal = spec.parse == Parse::Name
            && SEAL_WORD.is_match(&text[ls..ls + len])
            && !WHOLE_NAME.is_match(text[start..end].trim_end());
        match parse_value(spec.parse, raw, raw, norm, start..end) {
            // a verification code is letters and digits: Chinese after its label is the next
            // cell's text (the CPAs' names), not the code
            Ok((value, ..)) if field == "report_code" && holds_chinese(&value) => {}
            Ok((value, ..)) if no_such_value(field, &value) => {}
            Ok((value, doubt, range)) => cands.entry(field).or_default().push(Candidate {
                value,
                certainty: spec.certainty
                    * doubt
                    * if bare_cell || beside_seal {
                        AMBIGUOUS
                    } else {
                        1.0
                    },
                at: start,
                loc: norm.locate(range),
            }),
            Err(Unparsed::Unfilled) => notes.push(format!(
                "{field}: 日期空白未填写 / the date is an unfilled blank"
            )),
            Err(Unparsed::No) => {}
        }
    }

    // (a pattern takes its first match: one in a summary of another contract comes last)
    let summaries = cited_summaries(text);
    let in_summary = |caps: &regex::Captures<'_>| {
        let at = caps.get(0).map_or(0, |m| m.start());
        summaries.iter().any(|b| b.contains(&at))
    };
    for (pi, p) in c.spec.patterns.iter().enumerate() {
        let re = &c.patterns[pi];
        let about_term = p.captures.iter().any(|(f, ..)| f.starts_with("term_"));
        let mut matches: Vec<_> = re.captures_iter(text).collect();
        if !summaries.is_empty() {
            matches.sort_by_key(|caps| in_summary(caps));
        }
        for caps in matches {
            let whole = caps.get(0).map_or("", |m| m.as_str());
            if let Some(not_after) = &c.not_after[pi]
                && (not_after.is_match(without_start_event(
                    text_before(text, &caps, CLAUSE_BREAKS),
                    not_after,
                )) || (about_term && restates_another_period(text, &caps))
                    || (about_term
                        && term_clause::CITES_A_CONTRACT.is_match(sentence_before(text, &caps)))
                    || (about_term && under_cited_row(text, &caps)))
            {
                continue;
            }
            // a range the clause goes on to call another period (`租赁期的前六个月(DATE至DATE)
            // 为乙方的装修期`) is that period's, not the term's
            if about_term
                && PERIOD_NAMED_AFTER.is_match(
                    text[caps.get(0).map_or(0, |m| m.end())..].trim_start_matches([')', ' ']),
                )
            {
                continue;
            }
            let mut took = false;
            for &(field, group, parse) in p.captures {
                let Some(m) = caps.name(group) else { continue };
                // (a code cut short on its line, printed whole on the next)
                let at = match parse {
                    Parse::Code => whole_on_next_line(text, m.start())
                        .filter(|_| !m.as_str().contains('\n'))
                        .unwrap_or(m.range()),
                    _ => m.range(),
                };
                let Ok((value, doubt, range)) =
                    parse_value(parse, &text[at.clone()], whole, norm, at.clone())
                else {
                    continue;
                };
                if no_such_value(field, &value) {
                    continue;
                }
                took = true;
                let cand = Candidate {
                    value,
                    certainty: p.certainty * doubt,
                    at: m.start(),
                    loc: norm.locate(range),
                };
                if p.all {
                    // two patterns may read the same name (共有人:A(75%)): listed once
                    push_new(lists.entry(field).or_default(), cand);
                } else {
                    cands.entry(field).or_default().push(cand);
                }
            }
            // a match that gave no value does not hide the next one
            if !p.all && took {
                break;
            }
        }
    }

    if let Some((columns, name_row)) = &c.party_table {
        // the document's own words for its parties head columns as the kind's do
        // (`出租当事人` | `承租当事人` over the two parties' cells)
        let mut columns = columns.clone();
        for (word, role) in &own_words {
            if let Ok(r) = regex(&format!(r"^{word}(?:\([^()\n]{{1,12}}\))?$")) {
                columns.push((r, role));
            }
        }
        table_parties(&columns, name_row, c, norm, &mut cands);
    }
    if c.spec.kind == DocumentKind::Lease {
        schedule_term(norm, &mut cands);
        chained_periods(norm, &mut cands);
        term_column(c, norm, &mut cands);
        event_term(norm, &mut cands);
        signature_table(norm, &mut cands);
        comparison_table(norm, &mut cands);
        party_rows(norm, &mut cands);
    }
    // How a property is held is one of a few words; a value that ran on past it (a wrapped
    // address cell read beside it) keeps only the word.
    if let Some(list) = cands.get_mut("co_ownership") {
        for cand in list.iter_mut() {
            if let Some(m) = cand.value.as_str().and_then(|v| CO_OWNERSHIP.find(v))
                && m.as_str() != cand.value.as_str().unwrap_or_default()
            {
                cand.value = Value::String(m.as_str().to_string());
            }
        }
    }
    // A certificate's owner cell naming a company and a person held together (`XX有限公司、
    // 张三`, or the two set apart in the cell), or a company and others (`XX有限公司、YY有限公司、
    // 张三`): the first is the owner, all are co-owners.
    if let Some(list) = cands.get_mut("owner") {
        let mut co = Vec::new();
        for cand in list.iter_mut() {
            let Some(v) = cand.value.as_str() else {
                continue;
            };
            let Some(m) = ORG_AT_START.find(v) else {
                continue;
            };
            let listed = v[m.end()..].starts_with(['、', ',', '，', ';', '；', ' ']);
            let rest = v[m.end()..].trim_start_matches(['、', ',', '，', ';', '；', ' ']);
            // (companies whose lines the cell's reading ran together, `XX有限公司` /
            // `YY有限公司` / `ZZ有限责任公司`, none a branch)
            let run_together = (!listed)
                .then(|| names_run_together(rest))
                .flatten()
                .filter(|names| {
                    !names.is_empty()
                        && names.iter().all(|r| {
                            rest[r.clone()].chars().count() >= 6
                                && !BRANCH_NAME.is_match(&rest[r.clone()])
                        })
                });
            // (else a branch run on after its company, `…有限公司太原分行`, is one name)
            let branch = !listed
                && run_together.is_none()
                && rest.ends_with([
                    '行', '司', '所', '心', '局', '院', '社', '厂', '部', '处', '站', '会', '店',
                    '团',
                ]);
            // (or persons and companies listed after it, `XX有限公司、冯强、邹梅磊`, `XX有限公司、
            // YY有限公司、冯强`)
            let people: Vec<&str> = match &run_together {
                Some(names) => names.iter().map(|r| &rest[r.clone()]).collect(),
                None => rest
                    .split(['、', ',', '，', ';', '；', ' '])
                    .filter(|p| !p.is_empty())
                    .collect(),
            };
            if m.end() < v.len()
                && !people.is_empty()
                && people.iter().all(|p| {
                    person_name(p) || ((listed || run_together.is_some()) && WHOLE_NAME.is_match(p))
                })
                && !branch
            {
                let org = m.as_str().to_string();
                for name in std::iter::once(org.as_str()).chain(people) {
                    co.push(Candidate {
                        value: Value::String(name.to_string()),
                        ..cand.clone()
                    });
                }
                cand.value = Value::String(org);
            }
        }
        if !co.is_empty() {
            let owners = lists.entry("co_owners").or_default();
            for c in co {
                push_new(owners, c);
            }
        }
    }
    // An audit firm's name read by OCR with a character of its firm word lost under the seal
    // (`…会计师有务所有限公司`): the word is always the same, so it is written back whole, and
    // the name is a little less sure.
    if let Some(list) = cands.get_mut("audit_firm") {
        for cand in list.iter_mut() {
            let Some(name) = cand.value.as_str() else {
                continue;
            };
            if let Some(m) = FIRM_WORD_READ.find(name)
                && m.as_str() != "会计师事务所"
            {
                let whole = format!("{}会计师事务所{}", &name[..m.start()], &name[m.end()..]);
                cand.value = Value::String(whole);
                cand.certainty *= 0.9;
            }
            // …or its 所 lost right before the legal form, with a character before it perhaps
            // (`…会计师事务(普通合伙)`, `…会十师事务有限公司`)
            else if let Some(name) = cand.value.as_str()
                && let Some(word) = FIRM_WORD_BEFORE_FORM_READ
                    .captures(name)
                    .and_then(|c| c.name("word"))
            {
                if word.as_str() != "会计师事务" {
                    cand.certainty *= 0.9;
                }
                cand.value = Value::String(format!(
                    "{}会计师事务所{}",
                    &name[..word.start()],
                    &name[word.end()..]
                ));
            }
            // …or a character of 特殊普通 misread in its form (`(特疾普通合伙)`, `(特殊音通合伙)`)
            if let Some(name) = cand.value.as_str()
                && let Some(m) = SPECIAL_PARTNERSHIP_READ.find(name)
                && !m.as_str().contains("特殊普通")
            {
                let (open, close) = if m.as_str().starts_with('（') {
                    ('（', '）')
                } else {
                    ('(', ')')
                };
                cand.value = Value::String(format!(
                    "{}{open}特殊普通合伙{close}{}",
                    &name[..m.start()],
                    &name[m.end()..]
                ));
                cand.certainty *= 0.9;
            }
            // …or both brackets around it, a branch after (`…事务所特殊普通合伙山西分所`)
            if let Some(name) = cand.value.as_str()
                && let Some(m) = BARE_PARTNERSHIP.captures(name).and_then(|c| c.name("form"))
            {
                cand.value = Value::String(format!(
                    "{}（{}）{}",
                    &name[..m.start()],
                    m.as_str(),
                    &name[m.end()..]
                ));
                cand.certainty *= 0.95;
            }
            // OCR lost the bracket that opens the partnership's form (`…事务所特殊普通合伙)`)
            if let Some(name) = cand.value.as_str()
                && let Some(at) = name.find("普通合伙)").or_else(|| name.find("普通合伙）"))
                && !name[..at].contains(['(', '（'])
            {
                let at = name[..at].strip_suffix("特殊").map_or(at, str::len);
                let open = if name[at..].contains('）') {
                    '（'
                } else {
                    '('
                };
                cand.value = Value::String(format!("{}{open}{}", &name[..at], &name[at..]));
                cand.certainty *= 0.95;
            }
            // the signing accountant's cell read inside the firm's name (`…山西` / `中国注册会计师:
            // 王刚` / `分所`)
            if let Some(name) = cand.value.as_str()
                && let Some(m) = CPA_CELL.captures(name).and_then(|c| c.name("cpa"))
                && m.start() > 0
                && !m.is_empty()
            {
                let without = format!("{}{}", &name[..m.start()], &name[m.end()..]);
                if WHOLE_NAME.is_match(&normalise(&without)) || without.ends_with("分所") {
                    cand.value = Value::String(without);
                    cand.certainty *= 0.9;
                }
            }
            // …or inside its form, where the form wrapped (`…(特殊` | `中国注册会计师:康杰静` /
            // `普通合伙)山西分所`)
            if let Some(name) = cand.value.as_str()
                && let Some(m) = CPA_IN_FORM.captures(name).and_then(|c| c.name("cpa"))
            {
                let without = format!("{}{}", &name[..m.start()], &name[m.end()..]);
                cand.value = Value::String(without);
                cand.certainty *= 0.9;
            }
            if let Some(name) = cand.value.as_str()
                && let Some(whole) = firm_form_completed(name, text)
            {
                cand.value = Value::String(whole);
                cand.certainty *= 0.9;
            }
            // the seal's ring read after the whole name (`…有限责任公司会计师事务所`): the
            // firm's word again is no part of it
            if let Some(name) = cand.value.as_str()
                && name.matches("会计师事务所").count() > 1
                && let Some(m) = FIRM_WITH_FORM.find(name)
                && m.end() < name.len()
            {
                cand.value = Value::String(m.as_str().to_string());
                cand.certainty *= 0.9;
            }
        }
    }
    // A label's word joined to the report's number where a gap stood between them (`审报字号
    // 榆会(2021)审专字0149号`): the number starts after it.
    if let Some(list) = cands.get_mut("report_no") {
        for cand in list.iter_mut() {
            if let Some(number) = cand
                .value
                .as_str()
                .and_then(|v| NUMBER_LABEL.captures(v))
                .map(|caps| caps["n"].to_string())
            {
                cand.value = Value::String(number);
            }
        }
    }
    // A report addressed to the authority that asked for it (致:XX市工业和信息化局), or a
    // cover naming that authority as 委托单位, is about the company the body names.
    if c.spec.kind == DocumentKind::AuditReport {
        // nor is it the firm that wrote the report (its name heads the letterhead, over the
        // title, where a report titled with the entity has the entity)
        retain_candidates(&mut cands, "audited_entity", |c| {
            !c.value
                .as_str()
                .is_some_and(|v| GOVERNMENT_BODY.is_match(v) || v.contains("会计师事务所"))
        });
    }
    // How a certificate's property is held (单独所有), read after 权利人 where a scan's rows
    // came out of order, is nobody's name, whichever reading set it.
    for field in ["owner", "lessor", "lessee", "audited_entity"] {
        retain_candidates(&mut cands, field, |c| {
            !c.value
                .as_str()
                .is_some_and(|v| CO_OWNERSHIP_WORD.is_match(v))
        });
    }
    // A copy of a party's ID card or business licence attached to a lease prints its own
    // validity (`有效期限 2015.01.25-2035.01.25`, `营业期限` / `1996年03月17日至2016年03月16日`):
    // not the lease's term.
    for field in ["term_start", "term_end"] {
        retain_candidates(&mut cands, field, |c| !papers_validity(text, c.at));
    }
    // A sublease that names its letting party 转租方 calls the head landlord 出租人 (its
    // consent, `XX(以下简称“出租人”)` in a clause): that is not the sublease's lessor.
    if let Some(list) = cands.get_mut("lessor")
        && list
            .iter()
            .any(|c| named_as_sublessor(text, c.at) == Some(true))
    {
        list.retain(|c| named_as_sublessor(text, c.at) != Some(false));
    }
    // A lease whose term no pattern read surely, or only one end of it: the clause that names
    // it, by how each date is marked (an end already read must be the clause's own).
    let sure = |field: &str| {
        cands
            .get(field)
            .is_some_and(|list| list.iter().any(|c| c.certainty >= MARKED_TERM))
    };
    if c.spec.kind == DocumentKind::Lease
        && !(sure("term_start") && sure("term_end"))
        && let Some((a, b)) = term_clause::marked_term(text)
    {
        let same = |field: &str, r: &std::ops::Range<usize>| {
            cands.get(field).is_none_or(|list| {
                let day = parse_date(&text[r.clone()]).ok().map(|d| d.to_string());
                // (a less sure reading of other days gives way: the marks say which is the term)
                list.iter()
                    .all(|c| c.value.as_str() == day.as_deref() || c.certainty < MARKED_TERM)
            })
        };
        if same("term_start", &a) && same("term_end", &b) {
            // (a less sure reading of the same days is made surer by the marks)
            for (field, r) in [("term_start", a), ("term_end", b)] {
                if cands
                    .get(field)
                    .is_none_or(|list| list.iter().all(|c| c.certainty < MARKED_TERM))
                {
                    push_parsed(&mut cands, field, Parse::Date, norm, r, MARKED_TERM);
                }
            }
        }
    }
    if let Some((pos, a_first, a_second)) = &c.positional {
        short_name_roles(pos, norm, &mut cands);
        resolve_positional(pos, a_first, a_second, text, &mut cands, &mut notes);
    }

    // A copy of another contract attached at the back (`附件:原房屋租赁合同首页及签署页(复印件)`):
    // its parties and term are that contract's, so where this document's own text named a
    // field before it, what the copy says is not read.
    if let Some(annex) = CITED_COPY.find(text).map(|m| m.start()) {
        prefer_outside(c, &mut cands, &(annex..text.len()));
    }
    // A summary of another contract printed above this one's clauses (`总租赁合同摘要` /
    // `出租人:…` / `租赁期间:…`): the same, and the day that contract was signed is never this
    // one's.
    for block in &summaries {
        prefer_outside(c, &mut cands, block);
        retain_candidates(&mut cands, "signed_on", |c| !block.contains(&c.at));
    }
    let mut fields = BTreeMap::new();
    let mut doubtful: Vec<(String, Evidence)> = Vec::new();
    for (name, mut list) in cands {
        list.sort_by(|a, b| b.certainty.total_cmp(&a.certainty).then(a.at.cmp(&b.at)));
        let mut best = list.swap_remove(0);
        // A party's name OCR read with characters lost under a seal (`晋中明德业园运营有限公司`
        // for `晋中市明德产业园运营有限公司`) is the same party: the whole reading stands.
        if c.spec.parties.contains(&name) {
            // A name cut where its line wrapped, the rest read elsewhere (`…示范区金鹏` over
            // a representative's line): a sure reading elsewhere that goes on to the whole name
            // stands.
            if let Some(cut) = best.value.as_str().filter(|v| !whole_name(v))
                && let Some(k) = list.iter().position(|o| {
                    o.certainty >= SURE_SOURCE
                        && o.value.as_str().is_some_and(|v| {
                            v.len() > cut.len() && v.starts_with(cut) && whole_name(v)
                        })
                })
            {
                best = list.swap_remove(k);
            }
            // (only for a reading as sure as OCR's own: OCR may add a character as well as
            // lose one)
            if let Some(k) = list.iter().position(|o| {
                o.certainty >= SURE_SOURCE
                    && best.loc.ocr
                    && (!o.loc.ocr || o.loc.confidence >= best.loc.confidence)
                    && lost_characters(&o.value, &best.value)
            }) {
                best = list.swap_remove(k);
            }
            list.retain(|o| !(o.loc.ocr && lost_characters(&best.value, &o.value)));
        }
        if best.value.is_string() && best.loc.ocr {
            doubtful.push((format!("{name}:{}", best.loc.doubts), evidence(&best.loc)));
        }
        if c.spec.parties.contains(&name)
            && let Some(other) = list
                .iter()
                .find(|o| o.certainty >= SURE_SOURCE && names_conflict(&best.value, &o.value))
        {
            // Two sure places name different parties for one role (two lessees, a salutation
            // that is not the body's client): the structure is ambiguous, so the field is not
            // relied upon and the rule asks a person.
            best.certainty *= AMBIGUOUS;
            notes.push(format!(
                "{name}: 两处读到不同的名称「{}」与「{}」，需人工核对 / two places name different parties, '{}' and '{}': check by hand",
                display(&best.value),
                display(&other.value),
                display(&best.value),
                display(&other.value),
            ));
        }
        fields.insert(name.to_string(), field_of(best));
    }
    // Each text field OCR read, with the characters it was unsure of (`lessee:区`, `lessor:`):
    // a rule that finds a name one character off asks a person when that character is one of
    // them, or when OCR may have lost a character.
    if let Some((_, first)) = doubtful.first() {
        fields.insert(
            DOUBTFUL_CHARS.to_string(),
            Field {
                evidence: first.clone(),
                value: Value::Array(
                    doubtful
                        .iter()
                        .map(|(d, _)| Value::String(d.clone()))
                        .collect(),
                ),
                confidence: 1.0,
            },
        );
    }
    for (name, mut list) in lists {
        // a label of the kind read as a list's entry (`附记` under the owner's name) is a
        // heading, not an entry
        list.retain(|cand| {
            cand.value
                .as_str()
                .is_none_or(|v| !c.is_label_alone(v.trim()))
        });
        if list.is_empty() {
            continue;
        }
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

/// Keeps, of each party's and the term's candidates, only those outside `cited` (what the
/// document cites of another contract), where any is outside: the document's own reading of a
/// field comes before the other contract's.
fn prefer_outside(
    c: &Compiled,
    cands: &mut BTreeMap<&'static str, Vec<Candidate>>,
    cited: &std::ops::Range<usize>,
) {
    for field in c
        .spec
        .parties
        .iter()
        .copied()
        .chain(["term_start", "term_end"])
    {
        if let Some(list) = cands.get_mut(field)
            && list.iter().any(|k| !cited.contains(&k.at))
        {
            list.retain(|k| !cited.contains(&k.at));
        }
    }
}

/// Keeps the candidates of `field` that `keep` accepts, and drops the field when none is left:
/// a field no candidate is left for is absent, never an empty list.
fn retain_candidates(
    cands: &mut BTreeMap<&'static str, Vec<Candidate>>,
    field: &str,
    keep: impl FnMut(&Candidate) -> bool,
) {
    if let Some(list) = cands.get_mut(field) {
        list.retain(keep);
        if list.is_empty() {
            cands.remove(field);
        }
    }
}

/// A heading that introduces a summary of another contract (`总租赁合同摘要`, `原租赁合同基本情况`,
/// `主合同信息`): the head lease a sublease or a renewal cites.
static CITED_SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?m)^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十0-9]+[)、.])?(?:总|原|主|母|上手|首)(?:房屋)?(?:租赁|租约|承租)?(?:合同|协议|租约)(?:的)?(?:摘要|要素|要点|信息|基本信息|概况|基本情况|简况|情况)[:]?$")
        .expect("static regex")
});
/// A line that starts this document's own clauses (`第二条`, `一、`, `(一)`, `1.`), or runs on
/// as a sentence: a cited summary's labelled lines end there.
static OWN_CLAUSE_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:第[一二三四五六七八九十百零〇0-9]{1,4}[条章节款项]|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|[0-9]{1,2}[.、][^0-9])")
        .expect("static regex")
});
/// The spans of `text` that summarise another contract: from a `CITED_SUMMARY` heading over the
/// short labelled lines under it, to the first line that starts a clause or reads as a sentence.
fn cited_summaries(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for m in CITED_SUMMARY.find_iter(text) {
        let mut end = m.end();
        // (the first piece is the heading's own line break)
        for line in text[m.end()..].split_inclusive('\n') {
            let l = line.trim();
            if OWN_CLAUSE_START.is_match(l) || l.ends_with('。') || l.chars().count() > 48 {
                break;
            }
            end += line.len();
        }
        out.push(m.start()..end);
    }
    out
}
/// An attached copy of another contract, or an excerpt of one, headed at a line's start
/// (`附件:原房屋租赁合同首页及签署页(复印件)`, `附件二:出租方与产权人签订的租赁合同(复印件)`,
/// `附件:原租赁合同首页摘录(合同编号:…)`).
static CITED_COPY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?m)^附件[一二三四五六七八九十0-9]*[:、.]?[^\n]{0,30}?(?:合同|协议)[^\n]{0,16}?(?:复印件|副本|影印件|摘录|节选|摘抄|摘要)\)?(?:\([^()\n]{0,40}\))?$")
        .expect("static regex")
});
/// A validity's label on an identity paper (an ID card's 有效期限, a licence's 营业期限).
static VALIDITY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:证件)?(?:有效期限|有效期|营业期限|经营期限)(?::|$|\s)").expect("static regex")
});
/// Words only an ID card or a business licence prints (its issuer, its number's label).
static IDENTITY_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"签发机关|公民身份号码|居民身份证|营业执照|登记机关|注册资本|成立日期")
        .expect("static regex")
});
/// How many lines around a validity are searched for its paper's words.
const IDENTITY_PAPER_LINES: usize = 12;

/// Whether the date at `at` is an identity paper's validity: its line, or the line before
/// when that is the label alone, starts with a validity's label, or the label stands right
/// before the date (`业主:居民身份证:… 证件有效期:2012.07.19-2032.07.19`), and the paper's own
/// words stand within a few lines of it.
fn papers_validity(text: &str, at: usize) -> bool {
    static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        // (the first date of the range too, before its last)
        regex(&format!(
            r"(?:证件)?(?:有效期限|有效期|营业期限|经营期限):?\s*(?:自|从)?(?:{}\s*(?:起)?(?:至|到|-|—|~|一)\s*)?$",
            *dates::DATE_RE
        ))
        .expect("static regex")
    });
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let labelled = VALIDITY_LABEL.is_match(&text[start..])
        || LABEL_BEFORE.is_match(&text[start..at])
        || start > 0 && {
            let prev = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
            VALIDITY_LABEL.is_match(text[prev..start - 1].trim())
        };
    if !labelled {
        return false;
    }
    let before = text[..start].lines().rev().take(IDENTITY_PAPER_LINES);
    let after = text[start..].lines().take(IDENTITY_PAPER_LINES);
    before.chain(after).any(|l| IDENTITY_PAPER.is_match(l))
}

/// Whether the letting party whose name starts at `at` is named there as a sublease's own
/// (转租方, 原承租方: `Some(true)`) or as a landlord (出租人, 原出租方: `Some(false)`): by the last
/// role word of its label (on its line before it, or the line before when the name starts a
/// line), or the role its bracket introduces it as (`XX(以下简称“出租人”)`). `None` when neither.
fn named_as_sublessor(text: &str, at: usize) -> Option<bool> {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        // (the sublease's own words first: the letting roles hold them too)
        regex(&format!(
            "(?P<sub>{})|(?:{})",
            kinds::SUBLESSOR_ROLE,
            kinds::LETTING_WORDS
        ))
        .expect("static regex")
    });
    static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
        regex(&format!(
            // (or as the owner, who lets to the sublease's letting party: `XX(房屋所有权人)与转租方
            // 签订了…`)
            r#"^[^\n()]{{2,60}}?\((?:{})?[“"'「]?(?:(?P<sub>{})|{}|房屋所有权人|房屋所有人|所有权人|产权人|产权方|产权单位|业主)[”"'」]?\)"#,
            kinds::SHORT_NAME_WORD,
            kinds::SUBLESSOR_ROLE,
            kinds::LESSOR_ROLE
        ))
        .expect("static regex")
    });
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = if text[line_start..at].trim().is_empty() && line_start > 0 {
        let prev = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        &text[prev..line_start - 1]
    } else {
        &text[line_start..at]
    };
    if let Some(c) = ROLE.captures_iter(before).last() {
        return Some(c.name("sub").is_some());
    }
    INTRODUCED
        .captures(&text[at..])
        .map(|c| c.name("sub").is_some())
}

/// What a clause says after a range of dates when the range is a period other than the term
/// (`…为乙方的装修期`, `…系免租期`).
static PERIOD_NAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:(?:为|是|系|属于|作为)[^。;\n,]{0,10}(?:装修期|免租期|装修|免租|试用期|筹备期|宽限期|施工期|免费期)|(?:期间|内)[^。;\n,]{0,6}(?:公开征集|征集|招租|公示|挂牌|竞价|竞租|评审|报名|招标|投标|谈判|遴选))")
        .expect("static regex")
});

/// An audit firm's name cut inside its legal form where its cell or line broke (`…会计师事务所
/// (普通` / `合伙)` across a table's cells, `…事务所有限公` / `司`), or read with a character of
/// the form lost (`(普通伙)`, `…事务所限公司` under the seal's ink): the name as the report
/// prints it whole elsewhere (its letterhead), else with the form completed, a firm's legal
/// forms being few; a short name without a form, as the name a line starts with that has one.
/// `None` when the name is whole.
fn firm_form_completed(name: &str, text: &str) -> Option<String> {
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"^(?P<stem>.+?会计师事务所)(?P<form>有限责任公?|有限责|有限公|限责任公司|有责任公司|有限任公司|有限责公司|限公司|有公司|\((?:特殊)?(?:普通?合?伙?)?|\((?:特殊)?[普通合伙]{2,3}\))$")
            .expect("static regex")
    });
    let n = normalise(name);
    // a short name without any form (a running header's `永正会计师事务所`): the name a line of
    // the report starts with, its place before it and its form after it
    if let Some(stem) = n.strip_suffix("会计师事务所")
        && !stem.is_empty()
    {
        let whole = regex(&format!(
            r"(?m)(?:^|[^\p{{Han}}])\p{{Han}}{{0,6}}{}会计师事务所(?:有限责任公司|有限公司|\(特殊普通合伙\)|\(普通合伙\))(?:\n?\p{{Han}}{{0,4}}\n?分\n?所)?",
            regex::escape(stem)
        ))
        .ok()?
        .find(text)?
        .as_str()
        .trim_start_matches(|c: char| !is_han(c))
        .replace('\n', "");
        // (a firm's name prints its brackets full-width, as the rest of the report's names)
        return Some(full_width_brackets(&whole));
    }
    let caps = CUT.captures(&n)?;
    let (stem, form) = (&caps["stem"], &caps["form"]);
    let printed = regex(&format!(
        r"{}(?:有限责任公司|有限公司|\(特殊普通合伙\)|\(普通合伙\))(?:[\p{{Han}}]{{2,4}}分所)?",
        regex::escape(stem)
    ))
    .ok()
    .and_then(|re| re.find(text).map(|m| m.as_str().to_string()));
    let whole = match printed {
        Some(whole) => whole,
        None if form.contains(['责', '任']) => format!("{stem}有限责任公司"),
        None if form.contains('公') => format!("{stem}有限公司"),
        None if form.contains("特殊") => format!("{stem}(特殊普通合伙)"),
        None if form.contains(['普', '伙']) => format!("{stem}(普通合伙)"),
        None => return None,
    };
    Some(if name.contains('（') {
        full_width_brackets(&whole)
    } else {
        whole
    })
}

/// The partnership's form right after the firm's word with no bracket around it, a branch or
/// nothing after (OCR lost both brackets: `…事务所特殊普通合伙山西分所`).
static BARE_PARTNERSHIP: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"事务所(?P<form>(?:特殊)?普通合伙)(?:[\p{Han}]{1,6}分所)?$").expect("static regex")
});

/// An audit firm's whole name, up to the end of its legal form.
static FIRM_WITH_FORM: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^.+?会计师事务所(?:有限责任公司|有限公司|[(（](?:特殊)?普通合伙[)）])")
        .expect("static regex")
});

/// A signing accountant's label and name (`中国注册会计师:王刚琳`), and the firm's city printed
/// under its name (`中国·太原`), read between a branch's two lines.
static CPA_CELL: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?P<cpa>(?:{CPA_SIGNS})?(?:中国[·・]?[\p{{Han}}]{{2,4}}?)?)(?:分所)?$"
    ))
    .expect("static regex")
});
/// A signing accountant's label and name (with a role in brackets: `(项目合伙人)`; the name
/// may stand in the row below, the label alone), as one regex source.
const CPA_SIGNS: &str = r"(?:中国注册会计师|签字注册会计师|注册会计师)[:：]?[\p{Han}]{0,4}?(?:[(（][\p{Han}]{2,6}[)）])?";

/// A signing accountant's label and name read inside the firm's bracketed form.
static CPA_IN_FORM: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"[(（](?:特殊)?(?P<cpa>{CPA_SIGNS})(?:特殊)?普通合伙[)）]"
    ))
    .expect("static regex")
});

/// What stands before 会计师事务所 when the words are an accountant's title, not a firm's name
/// (`注册`, `签字注册`, `中国注册`), or nothing at all.
static CPA_TITLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:签字|中国)?(?:注册)?$").expect("static regex"));

/// A value of the right shape that is still not the field's: the signing accountant's title
/// with the seal's ring read after it (`签字注册会计师计务所`) is no audit firm.
fn no_such_value(field: &str, value: &Value) -> bool {
    let v = value.as_str().unwrap_or_default();
    (field == "audit_firm"
        && (FIRM_WORD_READ
            .find(v)
            .is_some_and(|m| CPA_TITLE.is_match(&v[..m.start()]))
            // a firm's name has its place or brand before the firm word: one character there
            // is a piece of the seal's ring OCR read as a line (`建会计师事务所`), not a firm
            || v.find("会计师事务所")
                .is_some_and(|at| v[..at].chars().count() < 2)))
        // a section's heading that starts with a label's word (`■ 权利人信息` over `权利人:XX`)
        || SECTION_WORD.is_match(v)
        // a signing date under a signature head is no party's name, nor a registration
        // date the reading set after 坐落 a place
        || (matches!(
            field,
            "lessor" | "lessee" | "owner" | "audited_entity" | "party_a" | "party_b" | "address"
        ) && parse_date(v).is_ok())
}

/// The head row of a small table of owners under a label, one cell a line: a column of names
/// (共有人, 姓名, 名称) and then its papers' or holdings' columns.
static HEAD_ROW_UNDER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:共有人|权利人|所有权人|产权人|姓名|名称|姓名或名称|名称或姓名|权利人名称)(?:\n(?:证件号码|证件种类|证件类型|证件号|身份证号码|身份证号|共有方式|共有情况|份额|持有份额|占有份额|权利份额|所占份额)){1,4}\n")
        .expect("static regex")
});

/// The words a certificate's 共有情况 holds: no party's name.
static CO_OWNERSHIP_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:单独所有|共同共有|按份共有|家庭共有|共有)$").expect("static regex")
});

/// A label's word before a report's number (字号, 文号, 编号, 号码), the number after it holding
/// its bracketed year or its kind word.
static NUMBER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^\p{Han}{0,4}(?:字号|文号|编号|号码):?(?P<n>\p{Han}{1,8}[(\[〔【（]\d{4}[)\]〕】）].+号|\p{Han}{1,8}\d{4}.*字.+号)$")
        .expect("static regex")
});

/// What a section heading adds to a label's word (权利人信息, 不动产情况): no value.
static SECTION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:基本)?(?:信息|情况|概况|状况|资料|明细)(?:表|栏)?$").expect("static regex")
});

/// A branch's name (`太原分公司`, `迎泽支行`): no company of its own.
static BRANCH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:分公司|分行|支行|分所|分部|分店|分中心|营业部|办事处)$").expect("static regex")
});

/// A branch's name alone on its line (`山西分所`).
static BRANCH_LINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[\p{Han}]{2,6}分所$").expect("static regex"));

/// A clause's or chapter's number standing alone (第一条, 第3章).
static CLAUSE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^第[一二三四五六七八九十百零〇0-9]{1,4}[条章节款项部分]$").expect("static regex")
});

/// `name` (normalised) without a seal request the reading set inside it (`…股份有(盖章)限公司`)
/// or after it with its brackets lost (`…有限公司印`), when what is left is a whole name.
fn without_seal(name: &str) -> Option<String> {
    if let Some(head) = name
        .strip_suffix(['印', '章'])
        .filter(|head| WHOLE_NAME.is_match(head))
    {
        return Some(head.to_string());
    }
    // a seal request in brackets ending the name is no part of it, whatever the name's form
    // (`…纺织机械厂(印)`)
    let head = without_seal_tail(name);
    if head.len() < name.len() && !head.is_empty() {
        return Some(head.to_string());
    }
    let m = SEAL_INSIDE
        .find(name)
        .filter(|m| m.start() > 0 && m.end() < name.len())?;
    let without = format!("{}{}", &name[..m.start()], &name[m.end()..]);
    WHOLE_NAME.is_match(&without).then_some(without)
}

/// A name without the request for the seal printed after it in its cell (`XX公司(盖章)`,
/// full-width brackets as OCR gives them too); the text as it is when there is none.
fn without_seal_tail(name: &str) -> &str {
    static SEAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"[(（](?:盖章|公章|签章|签字|签名|签字盖章|盖章签字|签字或盖章|章|印)[)）]\s*$")
            .expect("static regex")
    });
    SEAL_TAIL
        .find(name)
        .map_or(name, |m| name[..m.start()].trim_end())
}

/// A bracketed request for the seal or the signature (`(盖章)`, `(章)`).
static SEAL_INSIDE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\((?:盖章|公章|签章|签字|签字盖章|章|印)\)").expect("static regex"));

/// A form's item number in brackets before its label (`(1)转租人`, `(12)原出租人同意转租情况`).
static ITEM_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\(\d{1,2}\)").expect("static regex"));
/// A list's number at a line start (`1.`, `2、`, `(三)`, `四、`).
static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\))")
        .expect("static regex")
});

/// What follows a list's number when the item is a label of any kind (`出租人统一社会信用代码:`):
/// all Han, a little longer than [`LABEL_SHAPE`] allows, since the number already says it
/// starts an item.
static ENUMERATED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[\p{Han}]{2,14}(?:\([\p{Han}]{1,8}\))?:").expect("static regex"));

/// Words that, just before a label, make it another party's (原权利人, 抵押权人 in a 附记, a
/// sublease's `主租约出租人`, the head lease's landlord), or a person acting for the party
/// (`移交人(出租户):`, `接收人(承租户):` under a handover list: whoever signs there).
static QUALIFIED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:原|前|抵押|他项|预告|异议|(?:主|原|总|母)(?:租约|合同|租赁合同|租赁)的?|(?:移交|接收|交接|点交|签收|经办|见证|收房|交房)人\(?)$")
        .expect("static regex")
});

/// …or, in a bracket just after it, another right's holder (`权利人(抵押权人)` in a mortgage's
/// summary bound behind the certificate).
static QUALIFIED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^\((?:抵押权人|抵押人|地役权人|债权人|债务人|预告登记权利人|异议登记申请人)\)")
        .expect("static regex")
});

/// A word the document itself makes a position's name (`产权方(以下简称甲方)`,
/// `使用方(以下简称乙方)`): the words before the bracket, of which a tail is the word.
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r#"(?P<w>\p{{Han}}{{2,8}})\((?:{})[“"'「]?(?P<p>甲方|乙方)[”"'」]?\)"#,
        kinds::SHORT_NAME_WORD
    ))
    .expect("static regex")
});

/// Adds to `hits` the labels a document defines for itself: a role word it introduces by its
/// position (`产权方(以下简称甲方)…租给使用方(以下简称乙方)`) and then heads the parties' cells
/// or lines with (`产权方` over a name). Those lines are the position's labels (甲方:, 乙方:),
/// whose role the clauses give; they replace a stop of the same word (产权方 is elsewhere a
/// head landlord), but never a label that names a role itself.
fn aliased_labels(c: &Compiled, text: &str, hits: &mut Vec<(usize, usize, usize)>) {
    let Some((pos, ..)) = &c.positional else {
        return;
    };
    let label_of = |field: &str| c.spec.labels.iter().position(|l| l.field == Some(field));
    let mut added = false;
    for caps in ALIAS.captures_iter(text) {
        // a name after its label (`出租者:曹斌英(以下简称甲方)`) is the party, not a word for it
        if caps
            .get(0)
            .is_some_and(|m| text[..m.start()].ends_with(':'))
        {
            continue;
        }
        let field = if &caps["p"] == "甲方" { pos.a } else { pos.b };
        let Some(li) = label_of(field) else { continue };
        let words = &caps["w"];
        // the longest tail that heads a line of its own, as a label (`产权方:` or a cell)
        for (i, _) in words.char_indices() {
            let word = &words[i..];
            if word.chars().count() < 2
                || c.label_at(word)
                    .is_some_and(|(l, len)| len == word.len() && c.spec.labels[l].field.is_some())
            {
                break;
            }
            let Ok(re) = regex(&format!(r"(?m)^{}(?::|\n|$)", regex::escape(word))) else {
                break;
            };
            let found: Vec<_> = re.find_iter(text).map(|m| (m.start(), m.len())).collect();
            if found.is_empty() {
                continue;
            }
            for (at, len) in found {
                hits.retain(|h| h.0 != at);
                hits.push((at, li, len));
                added = true;
            }
            break;
        }
    }
    if added {
        hits.sort_by_key(|h| h.0);
    }
}

/// Adds to `hits` the labels of a lease's parties in words of the document's own (出租一方,
/// 产权方, 物业所有人: see [`party_words`]), for the roles no label of the kind's table heads a
/// line for. Positions (甲方:, 乙方:) leave it to the clauses (`positional`). Returns the
/// words and their heads' lines (as regexes) with their roles, for a party table whose columns
/// they head.
fn own_party_labels(
    c: &Compiled,
    text: &str,
    hits: &mut Vec<(usize, usize, usize)>,
) -> Vec<(String, &'static str)> {
    let Some((pos, a_first, a_second)) = &c.positional else {
        return Vec::new();
    };
    let labelled = |hits: &[(usize, usize, usize)], field: &str| {
        hits.iter().any(|h| c.spec.labels[h.1].field == Some(field))
    };
    if labelled(hits, pos.a) || labelled(hits, pos.b) {
        return Vec::new();
    }
    let known_role = |word: &str| {
        let (li, len) = c.label_at(&format!("{word}:"))?;
        match c.spec.labels[li].field? {
            f if len >= word.len() && f == pos.first => Some(true),
            f if len >= word.len() && f == pos.second => Some(false),
            _ => None,
        }
    };
    let a_first: Vec<&str> = a_first.iter().map(Regex::as_str).collect();
    let a_second: Vec<&str> = a_second.iter().map(Regex::as_str).collect();
    let words = party_words::discover(
        text,
        &known_role,
        &a_first,
        &a_second,
        pos.first,
        pos.second,
    );
    // (a word the table labels comes back only where its heads print it with its object,
    // `房屋承租方`, lines no label of the table reads: those are read whatever else is)
    let unlabelled: Vec<_> = words
        .into_iter()
        .filter(|w| !labelled(hits, w.role) || known_role(&w.word).is_some())
        .collect();
    let mut own = Vec::new();
    for word in unlabelled {
        let Some(li) = c
            .spec
            .labels
            .iter()
            .position(|l| l.field == Some(word.role))
        else {
            continue;
        };
        own.push((regex::escape(&word.word), word.role));
        for (at, len) in word.heads {
            // a qualifier makes the head someone else's, as for the table's labels
            // (`移交人(出租户):` under a handover list: whoever signs there)
            if QUALIFIED.is_match(&text[..at]) {
                continue;
            }
            // the word replaces a stop of the same letters (产权方 is elsewhere a head landlord)
            hits.retain(|h| h.0 < at || h.0 >= at + len);
            hits.push((at, li, len));
            // (the head as printed, which may give the word with its object and its short
            // name: `租赁物提供方(以下简称提供方)`; a column's head is a line of its own)
            let head = text[at..at + len].trim_end_matches([':', ' ', '\t', '\n']);
            own.push((regex::escape(head), word.role));
        }
    }
    hits.sort_by_key(|h| h.0);
    own
}

/// How sure a term read by its clause's marks is ([`term_clause`]): a form the patterns do not
/// know, so a little less than theirs.
const MARKED_TERM: f32 = 0.9;

/// Parses the text at `range` as `parse` and adds it to `field`'s candidates, as sure as
/// `certainty` times the parse; a text that does not parse adds nothing.
fn push_parsed(
    cands: &mut BTreeMap<&'static str, Vec<Candidate>>,
    field: &'static str,
    parse: Parse,
    norm: &Norm,
    range: std::ops::Range<usize>,
    certainty: f32,
) {
    let raw = &norm.text[range.clone()];
    if let Ok((value, doubt, parsed)) = parse_value(parse, raw, raw, norm, range.clone()) {
        cands.entry(field).or_default().push(Candidate {
            value,
            certainty: certainty * doubt,
            at: range.start,
            loc: norm.locate(parsed),
        });
    }
}

/// The column heads of a table that sets the contract a sublease cites beside the sublease
/// itself (`项目 | 原租赁合同 | 本转租合同`).
static CITED_COLUMN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:原|主|上级)[\p{Han}]{0,8}(?:合同|协议)$").expect("static regex"));
static THIS_COLUMN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^本[\p{Han}]{0,8}(?:合同|协议)$").expect("static regex"));
/// The rows of such a table this reads, by their label cell.
static COMPARED_ROW: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:(?P<lessor>{})|(?P<lessee>{})|(?P<term>租赁期限|租赁期间|租期|期限|租赁起止日期|起止日期))$",
        kinds::LESSOR_ROLE,
        kinds::LESSEE_ROLE
    ))
    .expect("static regex")
});

/// A table that compares the contract a sublease rests on with the sublease (`项目 | 原租赁合同
/// | 本转租合同`, a row each for 出租人, 承租人, 合同编号, 租赁期限…): each row's label would
/// read the cited contract's cell after it, but this document's parties and term are the cells
/// of its own column. Those replace what the rows' labels and patterns read inside the table.
/// Rows are read while each is a short label and two cells (one a line, as a text layer or
/// OCR gives a table cell by cell).
fn comparison_table(norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let text = norm.text.as_str();
    let lines = line_ranges(text);
    let line = |i: usize| lines.get(i).map_or("", |r| &text[r.clone()]);
    let Some((head, this)) = (0..lines.len().saturating_sub(1)).find_map(|i| {
        if CITED_COLUMN.is_match(line(i)) && THIS_COLUMN.is_match(line(i + 1)) {
            Some((i, 1))
        } else if THIS_COLUMN.is_match(line(i)) && CITED_COLUMN.is_match(line(i + 1)) {
            Some((i, 0))
        } else {
            None
        }
    }) else {
        return;
    };
    let is_cell = |i: usize| {
        let l = line(i);
        !l.is_empty() && !l.contains(':') && !LABEL_SHAPE.is_match(l)
    };
    let mut found: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
    let mut row = head + 2;
    while row + 2 < lines.len() && is_cell(row + 1) && is_cell(row + 2) {
        let label = line(row);
        if label.chars().count() > 8 || !label.chars().all(is_han) {
            break;
        }
        let cell = lines[row + 1 + this].clone();
        if let Some(m) = COMPARED_ROW.captures(label) {
            if m.name("lessor").is_some() {
                found.push(("lessor", cell));
            } else if m.name("lessee").is_some() {
                found.push(("lessee", cell));
            } else {
                found.push(("term", cell));
            }
        }
        row += 3;
    }
    if found.is_empty() {
        return;
    }
    let table = lines[head].start..lines[row - 1].end;
    for field in [
        "lessor",
        "lessee",
        "party_a",
        "party_b",
        "term_start",
        "term_end",
    ] {
        if let Some(list) = cands.get_mut(field) {
            list.retain(|c| !table.contains(&c.at));
        }
    }
    for (field, cell) in found {
        if field != "term" {
            push_parsed(cands, field, Parse::Name, norm, cell, TABLE_CELL);
            continue;
        }
        if let Some(m) = RANGE.captures(&text[cell.clone()]) {
            for (field, group) in [("term_start", "a"), ("term_end", "b")] {
                let g = m.name(group).expect("a range has both ends");
                let r = cell.start + g.start()..cell.start + g.end();
                push_parsed(cands, field, Parse::Date, norm, r, TABLE_CELL);
            }
        }
    }
    cands.retain(|_, list| !list.is_empty());
}

/// A row label naming the contract a sublease rests on (`原租赁`, `主租约`, `原租赁合同`).
static CITED_ROW: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:原|主|总)(?:租赁|租约|合同|协议)(?:合同|协议|关系)?$").expect("static regex")
});

/// The first of a column's cells (one a row, in the text's order) whose row is not the cited
/// contract's: in a sublease's table of the contracts it chains (`原租赁 | A | B | 2019年…` over
/// `本次转租 | B | C | 2020年…`) the cited row's label is read before its cells or among their
/// lines, from `from` (the head's end) on.
fn own_row_cell<'c>(
    text: &str,
    from: usize,
    cells: &'c [Vec<std::ops::Range<usize>>],
) -> Option<&'c Vec<std::ops::Range<usize>>> {
    let mut row_from = from;
    cells.iter().find(|cell| {
        let span = cell_span(cell);
        let row = &text[row_from.min(span.start)..span.end.max(row_from)];
        row_from = span.end;
        !row.split('\n').any(|l| CITED_ROW.is_match(l.trim()))
    })
}

/// …and the row label naming the document's own (`本次转租`, `本协议`, `本合同`).
static THIS_ROW: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:本次(?:转租|租赁|分租)?|本(?:转租|租赁|分租)?(?:合同|协议))$")
        .expect("static regex")
});
/// Whether a line is a row label of such a table (`原租赁`, `本次转租`): read among the lines of
/// a name centred beside it, it is no piece of the name.
fn contract_row_label(line: &str) -> bool {
    let line = line.trim();
    CITED_ROW.is_match(line) || THIS_ROW.is_match(line)
}

/// A term's head cell alone on its line (`租赁期限`, `场地使用起止` in a header row).
static TERM_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:{}|{})(?:\([\p{{Han}}]{{1,6}}\))?$",
        kinds::TERM_WORD,
        kinds::TERM_RANGE_HEAD
    ))
    .expect("static regex")
});
/// A term's length leading its cell (`五年(自房屋交付之日起)`, `10年`).
static DURATION_LEADS: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(r"^(?:为期|共计|共)?(?P<v>{})", dates::DURATION_RE)).expect("static regex")
});

/// The term in the column a term's head cell heads, in a header row the page placed
/// (`租赁期限 | 用途` over `2022年1月1日` / `至` / `2026年12月30日` | `办公`; a head may carry a
/// note, `租赁期限(起止)`): a range over the cell's lines gives the start and the end, else a
/// length leading the cell gives the stated term.
fn term_column(c: &Compiled, norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let text = norm.text.as_str();
    for line in line_ranges(text) {
        if !TERM_HEAD.is_match(&text[line.clone()]) {
            continue;
        }
        let Some(ColumnCells {
            cells,
            placed: true,
        }) = column_cells(c, norm, line.start, 1)
        else {
            continue;
        };
        let Some(cell) = own_row_cell(text, line.end, &cells) else {
            continue;
        };
        // the cell's lines read as one (a range broken around its 至), each byte mapped back
        // (a cell read across its row: its own lines only, top to bottom)
        let (mut joined, mut at) = (String::new(), Vec::new());
        for line in cell {
            for (i, ch) in text[line.clone()].char_indices() {
                if ch != '\n' {
                    joined.push(ch);
                    at.extend(std::iter::repeat_n(line.start + i, ch.len_utf8()));
                }
            }
        }
        at.push(cell.last().map_or(0, |l| l.end));
        // a match in `joined` as bytes of the text, when its characters stand in the text's
        // order (a cell's lines read tail first put a date's parts the other way round)
        let in_text = |g: regex::Match| {
            let last = joined[..g.end()]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
            let r = at[g.start()]..at[g.end() - 1] + last;
            (r.start < r.end).then_some(r)
        };
        let Some(m) = RANGE.captures(&joined) else {
            if let Some(v) = DURATION_LEADS.captures(&joined).and_then(|d| d.name("v"))
                && let Some(r) = in_text(v)
            {
                push_parsed(cands, "term_stated", Parse::Duration, norm, r, TABLE_CELL);
            }
            continue;
        };
        let ends = [("term_start", "a"), ("term_end", "b")]
            .map(|(field, group)| (field, m.name(group).and_then(in_text)));
        if ends.iter().all(|(_, r)| r.is_some()) {
            for (field, r) in ends {
                push_parsed(
                    cands,
                    field,
                    Parse::Date,
                    norm,
                    r.expect("checked"),
                    TABLE_CELL,
                );
            }
        }
    }
}

/// The header of a table with a 起 and a 止 column, its cells one a line.
static SCHEDULE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?m)^(?:(?:入驻|租赁|孵化|入孵|租期|转租|服务期|服务|使用期|使用)?(?:起|起始|起租|开始)(?:日期|日|时间)?|(?:入驻|入孵|进驻|进场)(?:日期|日|时间))\n(?:入驻|租赁|孵化|入孵|租期|转租|服务期|服务|使用期|使用)?(?:止租|终租|止|终止|到期|截止|结束|届满|期满)(?:日期|日|时间)?$")
        .expect("static regex")
});
/// A row whose label says it is the whole period (合计, 全期).
static SCHEDULE_TOTAL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:合计|总计|全期|租赁期合计|共计)").expect("static regex"));

/// The parties in a signature table of two columns headed by the positions
/// (`甲方(盖章) | 乙方(盖章)`), as a text layer or OCR gives it: either each column's cell
/// whole (`甲方(盖章)` / the name / `乙方(盖章)` / the name), or row by row under the header,
/// a row label and its value for each column in turn (`名称 | X | 名称 | Y`, `姓名 | 张三 |
/// 名称 | Y`). Only a whole name (an organisation's, or a person's under 姓名) is read; the
/// roles come from the clauses, as for any 甲方/乙方 label (`positional`).
fn signature_table(norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let text = norm.text.as_str();
    // lines as (start, end), a seal bracket broken over two lines joined to its position
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let (start, end) = (at, at + line.len());
        at = end + 1;
        if let Some(last) = lines.last_mut()
            && SEAL_OPEN.is_match(&text[last.0..last.1])
            && SEAL_CLOSE.is_match(line)
        {
            last.1 = end;
            continue;
        }
        lines.push((start, end));
    }
    let line = |i: usize| lines.get(i).map_or("", |&(a, b)| &text[a..b]);
    // the two heads: 甲方 before 乙方, or the letting party's role before the renting one's
    let pair = |i: usize, j: usize| match (signature_side(line(i)), signature_side(line(j))) {
        (Some((0, a)), Some((1, b))) if a.starts_with("party") == b.starts_with("party") => {
            Some((a, b))
        }
        _ => None,
    };
    // (heads stacked, each over a block of its own, `出租人签章栏` / the name / its code / 经办 /
    // the date / `承租人签章栏`, may stand further apart: a block's lines are short, no clause's)
    let block_line = |k: usize| line(k).chars().count() <= 40 && !line(k).contains('。');
    let Some((a_head, b_head, (field_a, field_b))) = (0..lines.len()).find_map(|i| {
        (i + 1..(i + 13).min(lines.len()))
            .take_while(|&j| j < i + 6 || block_line(j - 1))
            .find_map(|j| pair(i, j).map(|f| (i, j, f)))
    }) else {
        return;
    };
    let place = |k: usize| {
        let &(a, b) = lines.get(k)?;
        norm.place(a..b)
    };
    // whether two lines' boxes share a column (None where the page gives no places)
    let lines_share_column = |i: usize, j: usize| match (place(i), place(j)) {
        (Some((pa, a)), Some((pb, b))) if pa == pb => Some(share_column(&a, &b)),
        _ => None,
    };
    // two lines printed side by side (their boxes share no column)
    let side_by_side = |i: usize, j: usize| i != j && lines_share_column(i, j) == Some(false);
    // a line printed below a head, in another column
    let under_another = |head: usize, i: usize| {
        lines_share_column(head, i) == Some(false)
            && matches!((place(head), place(i)), (Some((_, h)), Some((_, b))) if b[1] >= h[3])
    };
    // a seal request alone, or its ring's words read over the name (or over another of the
    // row's names: a seal stamped on the third column's may be read first)
    let is_seal = |i: usize| {
        SEAL_ONLY.is_match(line(i))
            || seal_ring_line(line(i), line(i + 1), (i + 2..i + 5).map(line))
    };
    let mut push = |field: &'static str, from: usize, to: usize, person_ok: bool| {
        // (an empty cell: a row label right under its head)
        if to <= from {
            return;
        }
        let (Some(&(start, _)), Some(&(_, end))) = (lines.get(from), lines.get(to - 1)) else {
            return;
        };
        let joined: String = text[start..end].replace('\n', "");
        // (a cell run on into the dates under it and the next row's labelled line is none)
        if !(WHOLE_NAME.is_match(&joined) || (person_ok && person_name(&joined)))
            || joined.contains(':')
            || DATE_IN.is_match(&joined)
        {
            return;
        }
        push_parsed(cands, field, Parse::Name, norm, start..end, SIGNATURE_CELL);
    };
    // where a cell's name ends (before `end`): at the first of its lines, or of the few
    // after it, that makes a whole name; a person's name alone on the first line where
    // `person_ok`
    let name_end = |first: usize, end: usize, person_ok: bool| {
        (first..end.min(first + 3))
            .find(|&k| {
                WHOLE_NAME.is_match(&text[lines[first].0..lines[k].1].replace('\n', ""))
                    || (k == first && person_ok && person_name(line(k).trim()))
            })
            .map(|k| k + 1)
    };
    // the header row read first, the names after it in the same order, each whole name over
    // one line or wrapped over a few (`出租人(签章):` / `承租人(签章):` / X / Y…`)
    // (a third party's head after the two: `监督方(签章)` in a row of three)
    let mut last_head = b_head;
    while b_head == a_head + 1 && signature_side(line(last_head + 1)).is_some() {
        last_head += 1;
    }
    let mut from = last_head + 1;
    while from < lines.len() && is_seal(from) {
        from += 1;
    }
    if b_head == a_head + 1 && !SIGNATURE_ROW.is_match(line(from)) {
        // every head of the row in turn (a third party's column among them)
        let mut first = a_head;
        while first > 0 && signature_side(line(first - 1)).is_some() {
            first -= 1;
        }
        for head in first..=last_head {
            // a head with nothing under it (a supervisor's seal alone, a blank for a hand's
            // signature): the name at hand is a later column's
            if under_another(head, from) {
                continue;
            }
            // each cell a whole name, or, in a third party's column or under a role's head, a
            // person's name alone on its line (the head landlord signing beside the companies)
            // (a line printed beside the cell's first is the next column's: the cells were
            // read row by row, which `table_parties` reads by place)
            let cell_end = (from..lines.len().min(from + 3))
                .find(|&i| SIGNATURE_ROW.is_match(line(i)) || is_seal(i) || side_by_side(from, i))
                .unwrap_or(lines.len().min(from + 3));
            let person_ok =
                signature_side(line(head)).is_some_and(|s| s.0 == 2 || !s.1.starts_with("party"));
            let Some(end) = name_end(from, cell_end, person_ok) else {
                return;
            };
            // (a person's name under a head that names a role, `出租人签章栏` / `张三`)
            if let Some((_, field)) = signature_side(line(head)).filter(|s| !s.1.is_empty()) {
                push(field, from, end, !field.starts_with("party"));
            }
            from = end;
        }
        return;
    }
    // each column's cell whole: the lines between the two headers are 甲方's
    let a_cell: Vec<usize> = (a_head + 1..b_head).filter(|&i| !is_seal(i)).collect();
    if let (Some(&first), Some(&last)) = (a_cell.first(), a_cell.last()) {
        // (a block whose name comes first, its code, signer and date on the lines under it:
        // the name is the first line or the few that make a whole name; a person's alone on its
        // line under a head naming a role)
        let role = |field: &str| !field.starts_with("party");
        let whole = WHOLE_NAME.is_match(&text[lines[first].0..lines[last].1].replace('\n', ""));
        let (end, person_ok) = match name_end(first, last + 1, role(field_a)) {
            Some(end) if !whole => (end, role(field_a)),
            _ => (last + 1, false),
        };
        push(field_a, first, end, person_ok);
        let b_first = (b_head + 1..lines.len()).find(|&i| !is_seal(i));
        if let Some(b_first) = b_first {
            let b_end = (b_first..lines.len().min(b_first + 3))
                .find(|&i| SIGNATURE_ROW.is_match(line(i)))
                .unwrap_or(lines.len().min(b_first + 2));
            let (b_end, person_ok) = name_end(b_first, b_end, role(field_b))
                .map_or((b_end, false), |end| (end, role(field_b)));
            push(field_b, b_first, b_end, person_ok);
        }
        return;
    }
    // row by row: a row label and its value lines, the columns in turn
    let mut i = b_head + 1;
    while i < lines.len() && is_seal(i) {
        i += 1;
    }
    let mut column = 0;
    let mut found = [false, false];
    while i < lines.len() && column < 12 {
        let Some(row) = SIGNATURE_ROW.captures(line(i)) else {
            break;
        };
        let mut j = i + 1;
        while j < lines.len() && j < i + 4 && !SIGNATURE_ROW.is_match(line(j)) {
            j += 1;
        }
        let side = column % 2;
        // one row label with both columns' names after it, one a line or one wrapped over two
        // (`单位名称(盖章)` / X / Y, `名称` / X / Y… / …有限公司): the one place the lines part
        // into two whole names, neither starting with a legal form's piece
        let joined = |from: usize, to: usize| (from..to).map(line).collect::<String>();
        let parting = || -> Option<usize> {
            let mut parts = (i + 2..j).filter(|&k| {
                whole_name(&joined(i + 1, k))
                    && whole_name(&joined(k, j))
                    && !LEGAL_FORM_ONLY.is_match(line(i + 1))
                    && !LEGAL_FORM_ONLY.is_match(line(k))
            });
            let k = parts.next()?;
            parts.next().is_none().then_some(k)
        };
        if column == 0
            && j >= i + 3
            && row.name("n").is_some()
            && let Some(k) = parting()
        {
            push(field_a, i + 1, k, false);
            push(field_b, k, j, false);
            found = [true, true];
            column = 2;
            i = j;
            continue;
        }
        if j > i + 1 && !found[side] && row.name("n").is_some() {
            found[side] = true;
            let person_ok = row.name("n").is_some_and(|m| m.as_str().contains('姓'));
            push([field_a, field_b][side], i + 1, j, person_ok);
        }
        column += 1;
        i = j;
    }
}
/// A signature table's head cell: a position and a seal (`甲方(盖章)`, `乙方`, `甲方(签字)`,
/// `出租人(甲方)签章`; OCR may read a speck before the bracket as a mark: `出租人、(签章)`).
static SIGNATURE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?P<p>甲方|乙方|丙方|(?:房屋所有人|房屋所有权人|所有权人|产权人|产权方|产权单位|原出租人|原出租方)(?:\((?:同意转租|同意|确认)[^()\n]{{0,4}}\))?|{}|{}?(?P<lessor>{})|{}?(?P<lessee>{}))(?:[、,.·]?(?:\((?:甲方|乙方|丙方)\))?\(?(?:盖章|签章|签字|签名|签字盖章|盖章签字|签字或盖章|公章)\)?(?:处|栏|区)?)?:?$",
        kinds::THIRD_PARTY,
        kinds::THING_LET,
        kinds::LESSOR_ROLE,
        kinds::THING_LET,
        kinds::LESSEE_ROLE
    ))
    .expect("static regex")
});
/// The side of a signature table a head cell stands for, and the field its name fills: the
/// position (roles from the clauses) or the role the head names.
fn signature_side(line: &str) -> Option<(usize, &'static str)> {
    let c = SIGNATURE_HEAD.captures(head_cell(line))?;
    Some(if c.name("lessor").is_some() {
        (0, "lessor")
    } else if c.name("lessee").is_some() {
        (1, "lessee")
    } else {
        match &c["p"] {
            "甲方" => (0, "party_a"),
            "乙方" => (1, "party_b"),
            // a third party (the head landlord, its owner consenting to a sublease, a
            // guarantor): a column, no field of its own
            _ => (2, ""),
        }
    })
}
/// A signature head at the start of a text: a position or a role, then its seal request.
static SIGNATURE_HEAD_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^{}?(?:{})\s*\(?(?:{})",
        kinds::THING_LET,
        *SIGNING_PARTY,
        kinds::SEAL_WORDS
    ))
    .expect("static regex")
});
/// Who signs a lease's signature head: a position or a letting or renting role (regex source).
static SIGNING_PARTY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "甲方|乙方|丙方|{}|{}",
        kinds::LESSOR_ROLE,
        kinds::LESSEE_ROLE
    )
});

/// A signature head cell without the words of the seal's ring OCR read after it
/// (`出租人(签章)火电子商务`): the words are no name, so the cell is the head alone. A name
/// after the head (`出租人(签章)XX公司`, `…(签字)张三`) keeps the line whole.
fn head_cell(line: &str) -> &str {
    static RESIDUE: LazyLock<Regex> = LazyLock::new(|| {
        regex(&format!(
            r"^(?P<h>.+?\({}\):?)(?P<r>[\p{{Han}}]{{1,8}})$",
            kinds::SEAL_REQUEST
        ))
        .expect("static regex")
    });
    // (a seal stamped over the request: its bracket half lost, the ring's words read into it
    // or after it, `出租人盖章)空间电`, `承租人(盖业园运街)`: the position alone is the head)
    static GARBLED: LazyLock<Regex> = LazyLock::new(|| {
        regex(&format!(
            r"^(?P<h>{})\(?(?:盖|签)[\p{{Han}}]{{0,5}}\)(?P<r>[\p{{Han}}]{{0,8}})$",
            *SIGNING_PARTY
        ))
        .expect("static regex")
    });
    match RESIDUE.captures(line).or_else(|| GARBLED.captures(line)) {
        Some(c) if !WHOLE_NAME.is_match(&c["r"]) && !person_name(&c["r"]) => {
            c.name("h").map_or(line, |h| h.as_str())
        }
        // (a piece of a legal form the ring's words left after the label, `出租人:集团)`)
        _ => match line.split_once(':') {
            Some((head, rest))
                if !rest.is_empty()
                    && LEGAL_FORM_ONLY.is_match(rest)
                    && SIGNATURE_HEAD.is_match(head) =>
            {
                head
            }
            _ => line,
        },
    }
}

/// A seal or signature request alone on its line, and one broken over two lines.
static SEAL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^\((?:盖章|签章|签字|签名|签字盖章|盖章签字|签字或盖章|公章)\)$").expect("static regex")
});
static SEAL_OPEN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\((?:盖|签|签字|盖章)?$").expect("static regex"));
static SEAL_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:章|字|名|盖章|签字)?\)").expect("static regex"));
/// The words of a signature table's rows that name no party and hold no address (代表人, 日期…).
const SIGNATURE_ROW_WORDS: &str =
    "代表人|法定代表人|授权代表|委托代理人|经办人|签字|签名|电话|联系电话|签订日期|签署日期|日期";
/// A signature table's row label that names no party, with its colon and what was written
/// after it (`代表人:`, `代表人签名:`, `日期:2023.07.18`), as a column's cell holds it (a bare row label,
/// `法定代表人`, is a table's row cell: it ends the row's names).
static SIGNATURE_ROW_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:{SIGNATURE_ROW_WORDS})(?:签字|签名|签章)?(?:\({}\))?:[^\n]*$",
        kinds::SEAL_REQUEST
    ))
    .expect("static regex")
});
/// The row labels of a signature table; `n` marks the rows that name the party.
static SIGNATURE_ROW: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:(?P<n>{}|单位)|(?:{SIGNATURE_ROW_WORDS})(?:签字|签名|签章)?|地址|住所)(?:\({}\))?$",
        names_row_label!(),
        kinds::SEAL_REQUEST
    ))
    .expect("static regex")
});
/// How sure a name in a signature table's cell is (the table is plain, but a seal may cover it).
const SIGNATURE_CELL: f32 = 0.9;

/// A term counted from an event rather than a date (`租期自交房之日起3年,期满日为DATE`,
/// `租赁期限自本协议签订之日起至DATE期满`) starts on the day of that event, printed elsewhere:
/// the handover in a 交接确认书 or a handover clause, the signing in the preamble or the
/// signature block. Its start is taken only when every such date printed agrees (a blank
/// handover date leaves only the duration); its end and duration are the clause's own.
fn event_term(norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let text = norm.text.as_str();
    let Some(caps) = TERM_FROM_EVENT.captures(text) else {
        return;
    };
    if let Some(end) = caps.name("b").or(caps.name("c")) {
        push_parsed(cands, "term_end", Parse::Date, norm, end.range(), 0.95);
    }
    if let Some(stated) = caps.name("v").or(caps.name("w")) {
        push_parsed(
            cands,
            "term_stated",
            Parse::Duration,
            norm,
            stated.range(),
            1.0,
        );
    }
    if cands.contains_key("term_start") {
        return;
    }
    let event = caps.name("e").map_or("", |m| m.as_str());
    let dates: &Regex = if event.contains("交") {
        &HANDOVER_DATE
    } else {
        &SIGNING_DATE
    };
    let found: Vec<regex::Match> = dates
        .captures_iter(text)
        .filter_map(|c| c.name("d").or(c.name("d2")))
        .collect();
    let values: Vec<Value> = found
        .iter()
        .filter_map(|m| parse_date(m.as_str()).ok())
        .map(|d| json!(d.to_string()))
        .collect();
    if let Some(first) = found.first()
        && values.len() == found.len()
        && values.windows(2).all(|w| w[0] == w[1])
    {
        push_parsed(cands, "term_start", Parse::Date, norm, first.range(), 0.9);
    }
}
/// The term counted from an event, with its end (`至DATE止/期满`, `期满日为DATE`) or its
/// duration.
static TERM_FROM_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&expand(
        r"(?:租赁期限|租赁期|租期|期限)(?:为|是|:)?(?:[^。;\n,]{0,8}?(?P<w>{DURATION})[,])?(?:自|从)(?P<e>交房|交付|房屋交付|房屋交接|本协议签订|本合同签订|合同签订|协议签订|签订|双方签字盖章|签字盖章)之日起(?:计算)?(?:(?:至|到)(?P<b>{DATE})(?:止|期满|届满|结束)|[,]?(?:为期|共|计)?(?P<v>{DURATION})(?:[^。;\n]{0,4}?(?:期满日|到期日|届满日|终止日)(?:期)?(?:为|是|:)(?P<c>{DATE}))?)",
    ))
    .expect("static regex")
});
/// The handover date: a labelled cell or line of a 交接确认书, or a handover clause.
static HANDOVER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&expand(
        r"(?:(?:交房|交付|交接|移交)(?:日期|时间)(?:为|是)?[:\n]?(?P<d>{DATE})|于(?P<d2>{DATE})(?:将|把)(?:租赁)?(?:房屋|该房屋|场地)?交付)",
    ))
    .expect("static regex")
});
/// The signing date: a labelled cell or line, or the preamble's `于DATE(在X)签订`.
static SIGNING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&expand(
        r"(?:(?:签订|签署|签约|签字)(?:日期|时间)[:\n]?(?P<d>{DATE})|于(?P<d2>{DATE})(?:在[^,。;\n]{1,12})?(?:签订|签署))",
    ))
    .expect("static regex")
});

/// The term from a table with 起 and 止 columns (a site's row in an entry agreement, or a
/// schedule of lease years with their rents): a 合计 row's dates when there is one, else the
/// first start and the last end of rows that follow each other day by day, else a single
/// row's dates or the one period every row shares (rooms let side by side). Rows of periods that are not the term (免租期, 装修期) are left out.
fn schedule_term(norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let text = norm.text.as_str();
    for head in SCHEDULE_HEAD.find_iter(text) {
        let mut rows: Vec<ScheduleRow> = Vec::new();
        let mut label = "";
        let mut lines_without_row = 0;
        let mut at = head.end() + 1;
        let lines: Vec<(usize, &str)> = text[at.min(text.len())..]
            .split('\n')
            .map(|l| {
                let start = at;
                at += l.len() + 1;
                (start, l)
            })
            .take(200)
            .collect();
        let mut i = 0;
        while i + 1 < lines.len() {
            let ((a_at, a), (b_at, b)) = (lines[i], lines[i + 1]);
            match (parse_date(a), parse_date(b)) {
                (Ok(start), Ok(end)) if DATE_LINE.is_match(a) && DATE_LINE.is_match(b) => {
                    rows.push(ScheduleRow {
                        label,
                        start,
                        end,
                        start_at: a_at..a_at + a.len(),
                        end_at: b_at..b_at + b.len(),
                    });
                    lines_without_row = 0;
                    i += 2;
                    continue;
                }
                _ => {}
            }
            if DATE_LINE.is_match(a) || a.starts_with('注') || lines_without_row > 8 {
                break;
            }
            if parse_number(a).is_none() {
                label = a;
            }
            lines_without_row += 1;
            i += 1;
        }
        let term: Vec<_> = rows
            .iter()
            .filter(|r| !NOT_TERM.is_match(r.label))
            .collect();
        let picked = if let Some(total) = term.iter().find(|r| SCHEDULE_TOTAL.is_match(r.label)) {
            Some((*total, *total, 0.95))
        } else if term.len() >= 2
            && term
                .windows(2)
                .all(|w| w[1].start == w[0].end + chrono::Days::new(1) || w[1].start == w[0].end)
        {
            Some((term[0], term[term.len() - 1], 0.95))
        } else if term.len() == 1 {
            Some((term[0], term[0], 0.9))
        } else if term.len() >= 2
            && term
                .iter()
                .all(|r| r.start == term[0].start && r.end == term[0].end)
        {
            // rooms let side by side for one period (a sublease's list of rooms)
            Some((term[0], term[0], 0.95))
        } else {
            None
        };
        if let Some((first, last, certainty)) = picked {
            for (field, day, range) in [
                ("term_start", first.start, first.start_at.clone()),
                ("term_end", last.end, last.end_at.clone()),
            ] {
                cands.entry(field).or_default().push(Candidate {
                    value: json!(day.to_string()),
                    certainty,
                    at: range.start,
                    loc: norm.locate(range),
                });
            }
            return;
        }
    }
}

/// The term as periods that follow each other, each printed as one range (a rent plan by
/// lease year, `第1年 | 2017.4.15-2018.4.14 | 1,920,000.00` row after row): from the first
/// period's start to the last one's end, when each starts the day after the one before ends
/// (or on it) and they are printed close together. A period its row or clause calls something
/// else (免租期, 装修期, 支付…) is left out and breaks the run, and a run inside a term read
/// elsewhere is a schedule within it. Read alone, any one of those rows would give one year for
/// the term.
fn chained_periods(norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    struct Period {
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
        start_at: std::ops::Range<usize>,
        end_at: std::ops::Range<usize>,
        at: std::ops::Range<usize>,
        other: bool,
    }
    let text = norm.text.as_str();
    let mut periods: Vec<Period> = Vec::new();
    for caps in RANGE.captures_iter(text) {
        let (Some(whole), Some(a), Some(b)) = (caps.get(0), caps.name("a"), caps.name("b")) else {
            continue;
        };
        let (Ok(start), Ok(end)) = (parse_date(a.as_str()), parse_date(b.as_str())) else {
            continue;
        };
        if end <= start {
            continue;
        }
        // the row's words before the range: on its line, or the cell before when the range
        // is a cell of its own
        let line_start = text[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
        let mut before = &text[line_start..whole.start()];
        if before.trim().is_empty() && line_start > 0 {
            let prev = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
            before = &text[prev..line_start - 1];
        }
        let tail: String = before
            .chars()
            .rev()
            .take(16)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = &text[whole.end()..];
        periods.push(Period {
            start,
            end,
            start_at: a.range(),
            end_at: b.range(),
            at: whole.range(),
            other: NOT_TERM.is_match(&tail)
                || PERIOD_NAMED_AFTER.is_match(after.trim_start_matches([')', ' '])),
        });
    }
    let follows = |p: &Period, q: &Period| {
        let gap = &text[p.at.end..q.at.start.max(p.at.end)];
        (q.start == p.end + chrono::Days::new(1) || q.start == p.end)
            && gap.len() <= 120
            && !gap.contains('。')
    };
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < periods.len() {
        if periods[i].other {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < periods.len()
            && !periods[j + 1].other
            && follows(&periods[j], &periods[j + 1])
        {
            j += 1;
        }
        if j > i && best.is_none_or(|(a, b)| j - i > b - a) {
            best = Some((i, j));
        }
        i = j + 1;
    }
    let Some((first, last)) = best else {
        return;
    };
    // a run whose table goes on by a row that says "and so on" (`…` / `以此类推`) is its first
    // periods only: the term runs past it
    let after_run: String = text[periods[last].at.end..]
        .split('\n')
        .take(5)
        .collect::<Vec<_>>()
        .join("\n");
    if SCHEDULE_GOES_ON.is_match(&after_run) {
        return;
    }
    // a term read elsewhere that spans the whole run makes the run a schedule inside the term
    // (the first years' rents), not the term
    let (run_start, run_end) = (
        periods[first].start.to_string(),
        periods[last].end.to_string(),
    );
    let read = |field: &str| -> Vec<String> {
        cands.get(field).map_or(Vec::new(), |list| {
            list.iter()
                .filter_map(|c| c.value.as_str().map(str::to_string))
                .collect()
        })
    };
    if read("term_start").iter().any(|s| *s <= run_start)
        && read("term_end").iter().any(|e| *e > run_end)
    {
        return;
    }
    for (field, day, range) in [
        (
            "term_start",
            periods[first].start,
            periods[first].start_at.clone(),
        ),
        ("term_end", periods[last].end, periods[last].end_at.clone()),
    ] {
        cands.entry(field).or_default().push(Candidate {
            value: json!(day.to_string()),
            certainty: 0.9,
            at: range.start,
            loc: norm.locate(range),
        });
    }
}

/// A schedule's row saying its periods go on as before (`…`, `以此类推`, `其后各季依此类推`): the
/// rows printed are the first ones only. (A row of its own: a clause ends in its full stop.)
static SCHEDULE_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?m)^\s*(?:…+|⋯+|\.{3,}|\p{Han}{0,6}(?:以此|依此|依次|照此)类推\p{Han}{0,4}|(?:其余|余下|其后|以后|此后)各(?:期|季|月|年|年度|批)[^\n]{0,8})\s*$")
        .expect("static regex")
});

/// Words that make a period something other than the term (免租, 装修, 续租…), for the readers
/// of schedules and runs of periods.
static NOT_TERM: LazyLock<Regex> =
    LazyLock::new(|| regex(super::kinds::NOT_THE_TERM).expect("static regex"));

/// One row of a table with 起 and 止 columns: its label cell and its two dates.
struct ScheduleRow<'t> {
    label: &'t str,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    start_at: std::ops::Range<usize>,
    end_at: std::ops::Range<usize>,
}

/// A date anywhere in a text.
static DATE_IN: LazyLock<Regex> = LazyLock::new(|| regex(&dates::DATE_RE).expect("static regex"));
/// A line that is one date and nothing else.
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!("^(?:{})$", dates::DATE_RE.as_str())).expect("static regex"));

/// Digits and capitals in three or more groups joined by hyphens: one code grouped for the eye
/// (1408-2020-5772-5230-75, SX20-2441-H728-A7).
const GROUPED_CODE: &str = r"[0-9A-Z]{2,6}(?:-[0-9A-Z]{2,6}){2,}";
/// A value that is such a code, whole.
static DIGIT_GROUPS: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!("^{GROUPED_CODE}$")).expect("static regex"));
/// Such codes anywhere in a text.
static GROUPED_CODES: LazyLock<Regex> =
    LazyLock::new(|| regex(GROUPED_CODE).expect("static regex"));

/// Where labels start in `text`: (byte offset, label index, label length), in text order.
///
/// A label counts at the start of a line; inside a line it counts for a form of cells
/// ([`KindSpec::cells`], where OCR may join a row's cells) or when a colon follows it (an
/// explicit `label:` in running text). Text inside a found label is not searched again, so
/// `其中独用面积` is one label, not also `面积`.
fn label_hits(c: &Compiled, text: &str) -> Vec<(usize, usize, usize)> {
    let mut hits = Vec::new();
    let mut line_start = true;
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        // Inside a line, a cell's label follows the value of the cell before it; in a line
        // that breaks clauses before it (`…物权法》,房屋所有权人持有本证`) the word is part
        // of a sentence.
        let found = c.label_at(rest).filter(|&(li, len)| {
            // `原权利人`, `抵押权人`: a qualifier before the word makes another party's label
            if QUALIFIED.is_match(&text[..pos])
                // …or inside the label, a signer's word its bracket gives the role
                // (`接收人(承租户):`)
                || rest[..len]
                    .find('(')
                    .is_some_and(|b| QUALIFIED.is_match(&text[..=pos + b]))
                || QUALIFIED_AFTER.is_match(&rest[len..])
                || (c.spec.labels[li].line_start_only && !line_start)
                || in_parenthetical(text, pos)
            {
                return false;
            }
            if rest[..len].ends_with(':') || rest[len..].starts_with(':') {
                return true;
            }
            // A label word without its colon in a line that is a sentence (`房屋所有权人持有
            // 本证,依法享有…。`) is a word of the sentence too. (Looked at only where a label
            // word stands, not at every character.)
            let line_start_at = text[..pos].rfind('\n').map_or(0, |i| i + 1);
            let line_end_at = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = &text[line_start_at..line_end_at];
            let sentence_line = line.ends_with('。') || breaks_clauses(&line.replace('、', ""));
            !sentence_line
                && (line_start || (c.spec.cells && !breaks_clauses(&text[line_start_at..pos])))
        });
        let found = found.or_else(|| {
            (line_start && c.spec.cells)
                .then(|| label_split_by_value(c, rest))
                .flatten()
        });
        // `1. 业主(出租方)`, `(二)承租方:`: a list's number before a label at a line start
        let (hit_at, found) = match found {
            None if line_start => ENUMERATOR
                .find(rest)
                .and_then(|m| {
                    let (li, len) = c.label_at(&rest[m.end()..])?;
                    let label = &rest[m.end()..m.end() + len];
                    let after = &rest[m.end() + len..];
                    (label.ends_with([':', '\n']) || after.starts_with(':') || after.is_empty())
                        .then_some((pos + m.end(), Some((li, len))))
                })
                .unwrap_or((pos, None)),
            f => (pos, f),
        };
        if let Some((li, len)) = found {
            hits.push((hit_at, li, len));
            pos = hit_at + len;
            // a label cell of its own line ends with the break
            line_start = text[..pos].ends_with('\n');
            continue;
        }
        let ch = rest.chars().next().expect("pos < len");
        line_start = ch == '\n';
        pos += ch.len_utf8();
    }
    hits
}

/// An organisation's whole name standing in running text or a cell.
static ORG_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[\p{Han}()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|合作社|事务所)")
        .expect("static regex")
});

/// The ways a property is held (共有情况).
static CO_OWNERSHIP: LazyLock<Regex> =
    LazyLock::new(|| regex(r"单独所有|共同共有|按份共有").expect("static regex"));

/// A government body's name: an authority that receives reports, never the audited company.
static GOVERNMENT_BODY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:局|厅|委员会|人民政府|管委会|促进中心|办公室|(?:中小|小微|中小微)企业\p{Han}{0,4}中心)$")
        .expect("static regex")
});

/// A company's legal form, or a piece of one a line break cut (`有限责任公司`, `任公司`,
/// `限公司`, `有限`), with nothing before it: never a whole name.
static LEGAL_FORM_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\(?集团\)?|团\)?)?(?:股份|份)?(?:有限|限)?(?:责任|任)?(?:公司|公)?$")
        .expect("static regex")
});

/// A names row's label at the head of a value (`名称(姓名)`, `单位名称:`).
static NAME_ROW_HEAD: LazyLock<Regex> =
    LazyLock::new(|| regex(concat!("^", names_row_label!(), r":?\n?")).expect("static regex"));

/// What a sentence calls a party instead of naming it (贵公司, 本公司, 该单位 alone; 贵公司
/// anywhere), or a clause's words run into a name (`了贵公司2022年度…基地`, `后附的贵公司`): a
/// reader that took one of these as a name read the sentence, not the party. (日本公司 or
/// 基本单位 inside a name are no pronoun.) Nor does a name hold a table's column heads (序号,
/// 房间号, 入驻日期, 从业人数): a label heading a column was read with the row after it.
static NOT_A_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:[贵本我该](?:公司|单位)|贵司)$|贵公司|^[了的]|\d{4}年|序号|房间号|日期|人数")
        .expect("static regex")
});

/// The cells under a label that heads a column, row by row: the label's line is one of two or
/// more lines in a row, `min_labels` of them whole labels (a table's header row, one cell a
/// line), and each following row holds the value of that column (by place where the page
/// gives places, `placed_column`). (Leases read their tables of parties by role columns
/// instead: `table_parties`.)
fn column_cells(
    c: &Compiled,
    norm: &Norm,
    label_at: usize,
    min_labels: usize,
) -> Option<ColumnCells> {
    let text = norm.text.as_str();
    let lines = line_ranges(text);
    let here = lines
        .iter()
        .position(|l| l.contains(&label_at) || l.start == label_at)?;
    // (a term's head, `租期`, heads its column though no label of ours reads a value after it)
    let is_head = |i: usize| {
        c.is_label_alone(&text[lines[i].clone()])
            || (i == here && TERM_HEAD.is_match(&text[lines[i].clone()]))
    };
    if !is_head(here) {
        return None;
    }
    let (mut first, mut last) = (here, here);
    while first > 0 && is_head(first - 1) {
        first -= 1;
    }
    while last + 1 < lines.len() && is_head(last + 1) {
        last += 1;
    }
    // Where the page gives places, a header cell that is no label of ours (`租期合计`,
    // `序号`) still stands in the header row: printed on the same line as the labels.
    let place = |i: usize| norm.place(lines[i].clone());
    let here_place = place(here);
    // the place of the first or the last character of line `i`
    let end_place = |i: usize, last: bool| {
        let r = lines[i].clone();
        // (a letter, digit or Han: a colon's or a bracket's box is small and low)
        let word = |c: &(usize, char)| c.1.is_alphanumeric();
        let mut chars = text[r.clone()].char_indices();
        let (at, ch) = if last {
            chars.rfind(word)
        } else {
            chars.find(word)
        }?;
        let at = r.start + at;
        norm.place(at..at + ch.len_utf8()).map(|(_, b)| b)
    };
    // line `j` printed on the header cell's line, judged where the two lines face each other
    // (a skewed scan's row climbs or falls across the page)
    let beside_here = |j: usize| match (here_place, place(j)) {
        (Some((pa, a)), Some((pb, b))) if pa == pb => {
            let (a, b) = if b[0] >= a[2] {
                (end_place(here, true), end_place(j, false))
            } else if b[2] <= a[0] {
                (end_place(here, false), end_place(j, true))
            } else {
                (Some(a), Some(b))
            };
            a.zip(b).is_some_and(|(a, b)| {
                let mid = (b[1] + b[3]) / 2.0;
                a[1] < mid && mid < a[3]
            })
        }
        _ => false,
    };
    while last + 1 < lines.len() && !lines[last + 1].is_empty() && beside_here(last + 1) {
        last += 1;
    }
    while first > 0 && !lines[first - 1].is_empty() && beside_here(first - 1) {
        first -= 1;
    }
    // a header row holds `min_labels` labels at least, two where a name may be the value
    // beside its label (between them a cell that is no label of ours may stand, `被审计单位 |
    // 审计期间 | 报告编号`; one label beside a cell is a label and its value, `1 | 权利人 |
    // XX公司`)
    if last == first || (first..=last).filter(|&i| is_head(i)).count() < min_labels {
        return None;
    }
    // a header cell that is no label is a heading word: a number or a firm's name beside the
    // labels is a value, and so is a person's name right after a label, and the row a form's
    // `label | value | label | value` (起始日期 | 2021/2/15 | 终止日期 | 2024/2/14, 房屋所有权人 |
    // 龚辉娜 | 共有情况 | 单独所有)
    if (first..=last).any(|i| {
        let cell = &text[lines[i].clone()];
        !is_head(i)
            && (cell.chars().any(|ch| ch.is_ascii_digit())
                || WHOLE_NAME.is_match(cell)
                || (i > first && is_head(i - 1) && person_name(cell.trim())))
    }) {
        return None;
    }
    let placed = (first..=last).all(|i| i == here || beside_here(i));
    // a numbered list's header (序号 | 企业名称 | …): its columns list many entries (the
    // base's resident firms), none of them the document's own party (a certificate's numbered
    // list is its owners', `序号 | 权利人 | 证件号码 | 份额`, read by place)
    let owners_list = placed
        && matches!(
            c.spec.kind,
            DocumentKind::PropertyCertificate | DocumentKind::HouseOwnershipCertificate
        );
    if !owners_list
        && (first.saturating_sub(1)..=last)
            .any(|i| matches!(text[lines[i].clone()].trim(), "序号" | "编号" | "No."))
    {
        return None;
    }
    if placed {
        let header: Vec<(usize, BBox)> = (first..=last)
            .filter_map(|j| place(j).map(|(_, b)| (j, b)))
            .collect();
        let page = here_place.map(|(p, _)| p);
        // a placed header row whose column reads no cell still says the label's value is
        // under it, not the next header cell beside it: no cells, and no value from the label
        return Some(ColumnCells {
            cells: placed_column(norm, &lines, last + 1, &header, here, page, &is_head)
                .unwrap_or_default(),
            placed: true,
        });
    }
    // the rows under the header, while each is a whole row of cells that are not labels nor a
    // numbered heading (`二、不动产信息`)
    let width = last - first + 1;
    let mut cells = Vec::new();
    let mut typed = false;
    let mut row = last + 1;
    'rows: while row < lines.len() {
        // a cell broken inside a number (`立诚专字(2020)第` / `140C000717号`) goes on to the
        // next line, and the row's later cells come after it
        let mut cells_of_row = Vec::with_capacity(width);
        let mut i = row;
        while cells_of_row.len() < width {
            let Some(line) = lines.get(i) else {
                break 'rows;
            };
            if is_head(i) || line.is_empty() || STRUCTURE.is_match(&text[line.clone()]) {
                break 'rows;
            }
            let mut cell = line.clone();
            while text[cell.clone()].ends_with(UNFINISHED_CELL) {
                match lines.get(i + 1) {
                    Some(next) if !next.is_empty() && !is_head(i + 1) => {
                        cell.end = next.end;
                        i += 1;
                    }
                    _ => break 'rows,
                }
            }
            cells_of_row.push(cell);
            i += 1;
        }
        // Without places, the first row shows the header was read whole when every labelled
        // column's cell holds a value of its own kind (a date under 起始日, a whole name under
        // 出租人, two of them at least): a header cell that is no label would shift the row.
        if cells.is_empty() && !placed {
            let mut checked = 0;
            typed = (first..=last).all(|h| {
                let Some((li, _)) = c.label_at(&text[lines[h].clone()]) else {
                    return true;
                };
                let spec = &c.spec.labels[li];
                if spec.field.is_none() {
                    return true;
                }
                checked += 1;
                let cell = cells_of_row[h - first].clone();
                let raw = &text[cell.clone()];
                match parse_value(spec.parse, raw, raw, norm, cell) {
                    Ok((value, ..)) => match spec.parse {
                        Parse::Name => whole_name(raw),
                        Parse::Code => !holds_chinese(&value),
                        _ => true,
                    },
                    Err(_) => false,
                }
            }) && checked >= 2;
        }
        let cell = cells_of_row[here - first].clone();
        // a cell that reaches under another header cell is two cells the reading joined
        if placed && let Some((_, b)) = norm.place(cell.clone()) {
            let under_other = (first..=last).filter(|&j| j != here).any(|j| {
                place(j).is_some_and(|(_, h)| {
                    let mid = (h[0] + h[2]) / 2.0;
                    b[0] < mid && mid < b[2]
                })
            });
            if under_other {
                break;
            }
        }
        cells.push(std::iter::once(cell).collect());
        row = i;
    }
    (!cells.is_empty()).then_some(ColumnCells {
        cells,
        placed: placed || typed,
    })
}

/// The cells of column `here` of a table whose header cells (`header`: line, box) the page
/// placed, read by place: the lines from `from` on are taken while each stands under one
/// header cell (the one whose middle it covers, or the nearest); lines whose boxes overlap
/// in height (or nearly: a cell's wrapped line) make one row; a row's lines under column `here` are its cell, when they follow each other in
/// the text (a cell wrapped in the reading: `…龙城大街232` / `号`). The rows end at a label,
/// a numbered heading, a line over two header cells' middles (a paragraph, or two cells
/// joined), a wide gap, another page, or a row whose cell is empty or not one run of text.
fn placed_column(
    norm: &Norm,
    lines: &[std::ops::Range<usize>],
    from: usize,
    header: &[(usize, BBox)],
    here: usize,
    page: Option<u32>,
    is_head: &dyn Fn(usize) -> bool,
) -> Option<Vec<Vec<std::ops::Range<usize>>>> {
    let text = norm.text.as_str();
    let mid = |b: &BBox| (b[0] + b[2]) / 2.0;
    let height = |b: &BBox| b[3] - b[1];
    let line_h = header.iter().map(|(_, b)| height(b)).fold(0.0f32, f32::max);
    // the table's lines under the header, each with the header cell it stands under
    let mut taken: Vec<(usize, BBox, usize)> = Vec::new();
    let mut bottom = header.iter().map(|(_, b)| b[3]).fold(0.0f32, f32::max);
    let mut top = f32::MAX;
    for (i, line) in lines.iter().enumerate().skip(from) {
        if line.is_empty() {
            // a text layer's blank line between cells is no end; an OCR page has none
            continue;
        }
        let l = &text[line.clone()];
        let Some((at_page, b)) = norm.place(line.clone()) else {
            break;
        };
        // a label starting a row heads the next part; printed within a row of values
        // (`营业执照` under 证件种类) it is one of them
        let in_row = taken.last().is_some_and(|t| b[1] < t.1[3] && t.1[1] < b[3]);
        if (is_head(i) && !in_row) || STRUCTURE.is_match(l) {
            break;
        }
        // A line may go back up to the top of the rows taken (read cell by cell, a tall cell's
        // lines come before its neighbour's, which starts at the row's top), and the first
        // may stand further below the header than one line from the one before it (a name of
        // one line centred in a row of four).
        let cell_like = !l.contains(['。', ',', ';']);
        let reach = if taken.is_empty() && cell_like {
            6.0
        } else {
            3.0
        };
        if Some(at_page) != page
            || b[1] > bottom + reach * line_h
            || b[1] + 0.5 * line_h < top.min(bottom - 3.0 * line_h)
        {
            break;
        }
        // the header cell whose middle the line reaches over, else the one whose middle is
        // nearest the line's (a short name printed at the left of a wide cell); a line over
        // two middles is a paragraph or two cells joined
        let over: Vec<usize> = header
            .iter()
            .filter(|(_, h)| b[0] < mid(h) && mid(h) < b[2])
            .map(|(j, _)| *j)
            .collect();
        // (a short cell printed at the left of its column, `陈萍娟` under a wide `权利人`: the
        // column of a line above that starts where it starts)
        let aligned = taken
            .iter()
            .rev()
            .find(|t| (t.1[0] - b[0]).abs() < 0.3 * line_h && share_column(&t.1, &b))
            .map(|t| t.2);
        let column = match (over.as_slice(), aligned) {
            ([one], _) => *one,
            ([], Some(column)) => column,
            ([], None) => match header.iter().min_by(|x, y| {
                (mid(&x.1) - mid(&b))
                    .abs()
                    .total_cmp(&(mid(&y.1) - mid(&b)).abs())
            }) {
                Some((j, _)) => *j,
                None => break,
            },
            _ => break,
        };
        bottom = bottom.max(b[3]);
        top = top.min(b[1]);
        taken.push((i, b, column));
    }
    // rows: lines whose heights overlap, or are apart by less than half the gap between the
    // header and the first row (a cell's lines are spaced closer than its rows)
    let header_bottom = header.iter().map(|(_, b)| b[3]).fold(0.0f32, f32::max);
    let first_top = taken.iter().map(|t| t.1[1]).fold(f32::MAX, f32::min);
    let row_gap = if first_top > header_bottom && first_top < f32::MAX {
        0.5 * (first_top - header_bottom)
    } else {
        0.0
    };
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by(|&a, &b| taken[a].1[1].total_cmp(&taken[b].1[1]));
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row_bottom = f32::MIN;
    for k in order {
        let b = taken[k].1;
        match rows.last_mut() {
            Some(row) if b[1] < row_bottom + row_gap => row.push(k),
            _ => rows.push(vec![k]),
        }
        row_bottom = if rows.last().is_some_and(|r| r.len() == 1) {
            b[3]
        } else {
            row_bottom.max(b[3])
        };
    }
    let mut cells = Vec::new();
    for row in rows {
        // the row's lines under column `here`, as indices into `taken`, which is in the
        // text's order
        let mut mine: Vec<usize> = row
            .iter()
            .copied()
            .filter(|&k| taken[k].2 == here)
            .collect();
        mine.sort_unstable();
        let (Some(&first), Some(&last)) = (mine.first(), mine.last()) else {
            break;
        };
        let (a, z) = (taken[first].0, taken[last].0);
        // one run of the text: the cell's lines follow each other (blank lines between), top
        // to bottom (a reading that put a wrapped line's tail first would scramble the value)
        let contiguous =
            (a..=z).all(|i| mine.iter().any(|&k| taken[k].0 == i) || lines[i].is_empty());
        // …or the row read line by line across its cells (`甲的第一行 | 乙的第一行` / `甲的第二行 |
        // 乙的第二行`): every line between the cell's own is another cell's of the same row
        let across = (a..=z).all(|i| row.iter().any(|&k| taken[k].0 == i) || lines[i].is_empty());
        if !(contiguous || across) {
            break;
        }
        // a wrapped name's tail read before its head (`公司` a little higher than `…有限`): the
        // cell's lines taken top to bottom, each apart
        let downwards = mine
            .windows(2)
            .all(|w| taken[w[0]].1[1] <= taken[w[1]].1[1]);
        if contiguous && downwards {
            cells.push(std::iter::once(lines[a].start..lines[z].end).collect());
        } else {
            mine.sort_by(|&x, &y| taken[x].1[1].total_cmp(&taken[y].1[1]));
            cells.push(mine.iter().map(|&k| lines[taken[k].0].clone()).collect());
        }
    }
    (!cells.is_empty()).then_some(cells)
}

/// The cells of a column under its header cell, and whether the header is known to be one
/// row: the page's places showed its cells side by side on one printed line, or the first
/// row's cells each hold a value of their column's kind (else only their order in the text
/// said so, and labels stacked on lines of their own read the same).
struct ColumnCells {
    /// Each cell's lines: one range over them, or, where the reading went across the row
    /// line by line, each of its lines apart.
    cells: Vec<Vec<std::ops::Range<usize>>>,
    placed: bool,
}

/// A name read from a cell's pieces (its lines, apart in the text or wrapped), joined as
/// printed: without the request for the seal printed after it in its cell, with full-width
/// brackets where OCR read it. Empty when the pieces hold nothing else.
fn name_of_pieces(norm: &Norm, pieces: &[std::ops::Range<usize>]) -> String {
    let value: String = pieces.iter().map(|r| norm.original(r.clone())).collect();
    let value = without_seal_tail(value.trim());
    if pieces.iter().any(|r| norm.from_ocr(r.clone())) {
        full_width_brackets(value)
    } else {
        value.to_string()
    }
}

/// The text from the first of a cell's lines to the last, in the text's order.
fn cell_span(cell: &[std::ops::Range<usize>]) -> std::ops::Range<usize> {
    let start = cell.iter().map(|r| r.start).min().unwrap_or(0);
    start..cell.iter().map(|r| r.end).max().unwrap_or(start)
}

/// The byte range of each line of `text` (without its `\n`).
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut at = 0;
    for l in text.split('\n') {
        lines.push(at..at + l.len());
        at += l.len() + 1;
    }
    lines
}

/// A date label's value where OCR read a table's label column before its values (`起租日期` /
/// `交付日期` / the dates), so what follows the label is no date of its own: the date cell
/// printed beside the label on its row, as sure as a table's cell.
fn date_beside(norm: &Norm, label: std::ops::Range<usize>, certainty: f32) -> Option<Candidate> {
    let cell = value_beside(norm, label)?;
    let raw = &norm.text[cell.clone()];
    if !DATE_LINE.is_match(raw) {
        return None;
    }
    let (value, doubt, range) = parse_value(Parse::Date, raw, raw, norm, cell).ok()?;
    Some(Candidate {
        value,
        certainty: certainty * doubt * TABLE_CELL,
        at: range.start,
        loc: norm.locate(range),
    })
}

/// The line printed to the right of a label on the same row, nearest to it, where the page
/// gives places: the label's cell in a table whose reading order did not put the value after it.
fn value_beside(norm: &Norm, label: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let (here_page, lb) = norm.place(label.clone())?;
    let lmid = (lb[1] + lb[3]) / 2.0;
    let mut best: Option<(f32, std::ops::Range<usize>)> = None;
    for line in line_ranges(&norm.text) {
        if line.is_empty() || line.contains(&label.start) {
            continue;
        }
        let Some((at_page, b)) = norm.place(line.clone()) else {
            continue;
        };
        let mid = (b[1] + b[3]) / 2.0;
        let dx = b[0] - lb[2];
        if at_page != here_page
            || !(lb[1] < mid && mid < lb[3] && b[1] < lmid && lmid < b[3])
            || dx < -0.01
        {
            continue;
        }
        if best.as_ref().is_none_or(|(d, _)| dx < *d) {
            best = Some((dx, line));
        }
    }
    best.map(|(_, line)| line)
}

/// Whether a value read as a code holds Chinese: a verification code is letters and digits,
/// so such a value is the next cell's text (the CPAs' names) or a shifted cell.
fn holds_chinese(value: &Value) -> bool {
    value.as_str().is_some_and(|v| v.chars().any(is_han))
}

/// How a table cell's line ends when its value goes on in the next line: inside a number's
/// brackets or before its serial (`第`), or after a list's separator.
const UNFINISHED_CELL: &[char] = &['第', '(', '〔', '[', '【', '-', '、'];

/// Whether `line` is the words of a seal's ring that OCR read as a line of their own over the
/// name the seal is stamped on (`孵化器管理` over `…孵化器管理有限公司`): a few characters that
/// are no whole name and that `name_line` holds. A name's first line never repeats inside the
/// line after it; four characters at least, so a person's name (two or three) over their own
/// company's (`李华` / `太原李华商贸有限公司`) stays a cell.
fn seal_ring_words(line: &str, name_line: &str) -> bool {
    let line = line.trim();
    (4..=8).contains(&line.chars().count())
        && line.chars().all(is_han)
        && !WHOLE_NAME.is_match(line)
        && name_line.contains(line)
}

/// Whether `line` is a seal's ring words read as a line of its own: over the name on the `next`
/// line, or over another of the row's names among the `later` lines. The signature reader and
/// the party tables ask the same question of their lines.
fn seal_ring_line<'a>(line: &str, next: &str, later: impl IntoIterator<Item = &'a str>) -> bool {
    seal_ring_words(line, next)
        || later
            .into_iter()
            .any(|other| ring_words_of_another(line, other))
}

/// Whether `line` is a seal's ring words read over the row's names, found inside another name
/// of the row than the next line's: a longer line of a name (no label's) holding them inside
/// (the ring's words come from the middle of a name, `企业管理` in `…青创企业管理咨询有限责`), not
/// at its start (`山西建投` / `物业管理有限公司` beside `山西建投商贸有限公司` is a name's first
/// line).
fn ring_words_of_another(line: &str, other: &str) -> bool {
    let (line, other) = (line.trim(), other.trim());
    seal_ring_words(line, other)
        && other.chars().count() >= line.chars().count() + 4
        && !other.contains(':')
        && !other.starts_with(line)
}

/// Whether the line starting at `at` (after a line break) is a signature table's head cell
/// after another (`出租人(签章):` / `承租人(签章):`) with names, not row labels, after it.
fn stacked_signature_head(text: &str, at: usize) -> bool {
    let line = text[at..].split('\n').next().unwrap_or("");
    let prev_start = text[..at - 1].rfind('\n').map_or(0, |i| i + 1);
    let next = text[at + line.len()..].trim_start_matches('\n');
    let next = next.split('\n').next().unwrap_or("");
    SIGNATURE_HEAD.is_match(head_cell(line))
        && SIGNATURE_HEAD.is_match(head_cell(&text[prev_start..at - 1]))
        && !SIGNATURE_ROW.is_match(next)
        && !NAME_ROW.is_match(&format!("{next}\n"))
}

/// Whether the label at `at` starts a line under a line that is a label alone: the second
/// cell of a header row (`转租方(运营单位)` / `承租方(入驻企业)` / `名称` / X / Y), whose name
/// row holds the first column's name first (`table_parties` reads the columns).
fn after_label_line(c: &Compiled, text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix('\n') else {
        return false;
    };
    c.is_label_alone(&before[before.rfind('\n').map_or(0, |i| i + 1)..])
}

/// The row of a party's own table that holds its name.
static NAME_ROW: LazyLock<Regex> =
    LazyLock::new(|| regex(concat!("^", names_row_label!(), r"(?::|\n)")).expect("static regex"));

/// A label opening a bracket after running text (`甲方系…房屋的承租人(出租人:XX,租期…)`) is a
/// remark about another party, not a label of this document's; a role's own bracket
/// (`乙方(承租方):`) follows a short label instead, and closes before its colon.
fn in_parenthetical(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    let Some(open) = before.strip_suffix('(') else {
        return false;
    };
    let line = open.rsplit('\n').next().unwrap_or(open);
    if line.chars().count() > 8 {
        return true;
    }
    // running text wrapped just before the bracket (`…房屋的` / `使用权(出租人:XX;…)`): the
    // label's colon inside the bracket, after words that name no party
    let inside = text[pos..].split([')', '\n']).next().unwrap_or("");
    !line.is_empty()
        && inside.contains(':')
        && !line.ends_with(['方', '人', '位', '者'])
        && !before.ends_with(":(")
}

/// A label cell whose label wrapped, read by OCR as the label's head, then the value of the
/// row, and the label's tail on the next line (`不动产单 1401…` / `元号`): the head is the
/// label when head and tail make one whole label. (label index, byte length of the head).
fn label_split_by_value(c: &Compiled, rest: &str) -> Option<(usize, usize)> {
    let (line, after) = rest.split_once('\n')?;
    let tail = after.split('\n').next()?;
    let whole_label = |s: &str| c.label_at(s).is_some_and(|(_, len)| len == s.len());
    // a next line that is a whole label is a cell of its own (`审计期间` | `报告编号`), not
    // the tail of `审计报告编号`
    if whole_label(tail) {
        return None;
    }
    let head = label_head(line, tail, &whole_label)?;
    let (li, _) = c.label_at(&format!("{}{tail}", &line[..head]))?;
    Some((li, head))
}

/// Certainty of a party read from a table of role columns, one name per cell…
const TABLE_CELL: f32 = 0.95;
/// A column's name row and the name on one line (`名称:XX`), the columns' rows one after the
/// other as a reading of two columns gives them.
static LABELLED_NAME_CELL: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        "^",
        names_row_label!(),
        r":\s*(?P<v>[^:\s]{2,60})$"
    ))
    .expect("static regex")
});
/// …and when one cell held the names of two columns (OCR joins cells a narrow gap divides)
/// and they were told apart by their legal forms…
const TABLE_CELL_SPLIT: f32 = 0.9;
/// …and when a piece of a name near the row could not be placed in a column.
const TABLE_UNPLACED: f32 = 0.6;

/// Reads a table of parties: a header row of role cells (two or more lines in a row, each a
/// whole header cell), then, within a few rows, the row labelled as names, whose next cells
/// are the columns' names in order. A row whose names OCR read as one cell is split where one
/// organisation's name ends and the next begins; a row that cannot be read so gives nothing.
fn table_parties(
    columns: &[(Regex, &'static str)],
    name_row: &Regex,
    c: &Compiled,
    norm: &Norm,
    cands: &mut BTreeMap<&'static str, Vec<Candidate>>,
) {
    let text = norm.text.as_str();
    // the lines as printed: a long name in a cell reaches the margin, and the next cell's
    // line is no wrap of it
    let lines = printed_lines(norm);
    // a header cell may end with its colon (`出租方(甲方):` over the names)
    let column_of = |line: &str| {
        let line = line.trim_end_matches(':');
        columns.iter().find(|(r, _)| r.is_match(line)).map(|c| c.1)
    };
    let mut i = 0;
    while i < lines.len() {
        let header: Vec<&'static str> =
            lines[i..].iter().map_while(|(_, l)| column_of(l)).collect();
        if header.len() < 2 {
            i += 1;
            continue;
        }
        let after = i + header.len();
        i = after;
        let k = header.len();
        if let Some(cells) = labelled_columns(c, text, &lines, after, k) {
            let header_start = lines[after - k].0.start;
            let table_end = cells.iter().flatten().map(|c| c.end).max().unwrap_or(0);
            for field in &header {
                if let Some(list) = cands.get_mut(field) {
                    list.retain(|c| !(header_start..table_end).contains(&c.at));
                }
            }
            let heads: Vec<_> = lines[after - k..after]
                .iter()
                .map(|l| l.0.clone())
                .collect();
            let cells = in_heads_columns(norm, &heads, cells, |cell| cell[0].clone());
            for (field, cell) in header.iter().zip(cells) {
                if !field.is_empty() {
                    cands.entry(field).or_default().push(Candidate {
                        value: Value::String(name_of_pieces(norm, &cell)),
                        certainty: TABLE_CELL,
                        at: cell[0].start,
                        loc: norm.locate(cell[0].clone()),
                    });
                }
            }
            continue;
        }
        // The names follow the row labelled as names, or the header itself (then a 名称 row
        // further down, after the names, is another table's: `企业名称` on a card below).
        let row = match (after..(after + 12).min(lines.len()))
            .take_while(|&j| !WHOLE_NAME.is_match(lines[j].1.trim()))
            .find(|&j| name_row.is_match(lines[j].1))
        {
            Some(row) => row,
            None if lines
                .get(after)
                .is_some_and(|(_, l)| !l.is_empty() && c.label_at(l).is_none()) =>
            {
                after - 1
            }
            None => continue,
        };
        let header_start = lines[i - k].0.start;
        // The names' cells. A name that wrapped in its cell is joined again, in the order
        // the text gives: cell by cell (each cell's lines together) or row by row (the first
        // lines of all cells, then their second lines, labels of the next row among them).
        // A reading holds when every cell is a whole name and none is only a name's tail.
        let mut pool: Vec<(std::ops::Range<usize>, &str)> = lines[row + 1..]
            .iter()
            .take(6 * k)
            .take_while(|(_, l)| !l.is_empty() && column_of(l).is_none())
            .map(|(r, l)| (r.clone(), *l))
            .collect();
        // a seal's ring words over a name are no cell
        let ring: Vec<bool> = (0..pool.len())
            .map(|j| {
                let next = pool.get(j + 1).map_or("", |(_, l)| *l);
                let later = pool.iter().skip(j + 2).take(k.saturating_sub(1));
                seal_ring_line(pool[j].1, next, later.map(|(_, l)| *l))
            })
            .collect();
        let mut keep = ring.iter().map(|r| !r);
        pool.retain(|_| keep.next().unwrap_or(true));
        // nor is a signature row's label with what was written after it (`代表人:`,
        // `日期:2023.07.18`): a column's cell reads on past it to the next column's name
        pool.retain(|(_, l)| !SIGNATURE_ROW_LINE.is_match(l));
        // A line beside the open cell's first line (their boxes share no column) starts the
        // next cell even when the open one, words of a name, is no whole name (a seal hid its
        // end).
        let beside = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| match (
            norm.place(a.clone()).map(|p| p.1),
            norm.place(b.clone()).map(|p| p.1),
        ) {
            (Some(a), Some(b)) => !share_column(&a, &b),
            _ => false,
        };
        let mut cut_by_place = false;
        let by_cell = {
            let mut cells: Vec<Vec<std::ops::Range<usize>>> = Vec::new();
            let mut open: Vec<std::ops::Range<usize>> = Vec::new();
            for (r, l) in &pool {
                // (a party's particulars under its name, each box read whole before the next:
                // name / `社会信用代码:…` / name / …)
                if open.is_empty() && !cells.is_empty() && PARTICULAR_CELL.is_match(l) {
                    continue;
                }
                if c.is_label_line(l) || cells.len() == k {
                    break;
                }
                if open.first().is_some_and(|first| beside(first, r))
                    && joined(text, &open)
                        .chars()
                        .all(|ch| is_han(ch) || "()".contains(ch))
                {
                    cells.push(std::mem::take(&mut open));
                    cut_by_place = true;
                    if cells.len() == k {
                        break;
                    }
                }
                open.push(r.clone());
                if whole_name(without_seal_tail(&joined(text, &open))) {
                    cells.push(std::mem::take(&mut open));
                } else if open.len() >= 2
                    && NAME_TAIL.is_match(&text[open[0].clone()])
                    && whole_name(without_seal_tail(&format!(
                        "{}{}",
                        joined(text, &open[1..]),
                        &text[open[0].clone()]
                    )))
                {
                    // OCR may give a wrapped cell's last line (`司`) before its first, the
                    // tail standing a little higher: the cell is read in its order
                    open.rotate_left(1);
                    cells.push(std::mem::take(&mut open));
                }
            }
            cells
        };
        let by_row: Vec<Vec<std::ops::Range<usize>>> = (0..k.min(pool.len()))
            .map(|j| {
                let mut cell = vec![pool[j].0.clone()];
                let mut m = j + k;
                while !whole_name(without_seal_tail(&joined(text, &cell)))
                    && m < pool.len()
                    && !c.is_label_line(pool[m].1)
                {
                    cell.push(pool[m].0.clone());
                    m += k;
                }
                cell
            })
            .collect();
        // (a third party's column may hold an authority's name: a supervising 工业和信息化局)
        let holds = |cells: &Vec<Vec<std::ops::Range<usize>>>| {
            cells.len() == k
                && cells.iter().zip(&header).all(|(cell, field)| {
                    let name = joined(text, cell);
                    let name = without_seal_tail(&name);
                    (whole_name(name)
                        || (field.is_empty()
                            && name.chars().count() >= 4
                            && GOVERNMENT_BODY.is_match(name)))
                        && !NAME_TAIL.is_match(name)
                })
        };
        let mut certainty = TABLE_CELL;
        let cells: Vec<Vec<std::ops::Range<usize>>> = if holds(&by_cell) {
            by_cell
        } else if holds(&by_row) {
            by_row
        } else if cut_by_place && by_cell.len() == k {
            // the cells are told apart by where they stand, but a name is not whole: read,
            // in doubt
            certainty = TABLE_UNPLACED;
            by_cell
        } else {
            by_cell.into_iter().take(1).collect()
        };
        let (cells, mut certainty): (Vec<Vec<std::ops::Range<usize>>>, f32) = if cells.len() == k {
            (cells, certainty)
        } else if let Some(first) = cells.first().filter(|c| c.len() == 1).map(|c| c[0].clone())
            && let Some(split) = split_names(&text[first.clone()], k)
        {
            let split = split
                .into_iter()
                .map(|r| std::iter::once(first.start + r.start..first.start + r.end).collect());
            (split.collect(), TABLE_CELL_SPLIT)
        } else {
            continue;
        };
        // Lines of the rows' neighbourhood that are pieces of a name: OCR reads a cell of two
        // lines centred in its row as a line above the row (or below it) and one in it. Each
        // piece goes to the cell under or over it (by the boxes); one that cannot be placed
        // leaves the names in doubt.
        let last_cell_end = cells.iter().flatten().map(|r| r.end).max().unwrap_or(0);
        let is_piece = |l: &str| {
            !l.is_empty()
                && c.label_at(l).is_none()
                && column_of(l).is_none()
                && !whole_name(l)
                // (a date in Chinese numerals is all Chinese too: the row's signing date)
                && !DATE_LINE.is_match(l)
                && !ROW_LABEL_END.is_match(l)
                && l.chars().all(|ch| is_han(ch) || "()".contains(ch))
        };
        let above = lines[after..row.max(after)]
            .iter()
            .filter(|(_, l)| is_piece(l));
        let below = lines[row + 1..]
            .iter()
            .skip_while(|(r, _)| r.start < last_cell_end)
            .take(2)
            .take_while(|(_, l)| is_piece(l));
        let mut parts: Vec<(Vec<std::ops::Range<usize>>, std::ops::Range<usize>)> =
            cells.iter().map(|c| (c.clone(), c[0].clone())).collect();
        for (piece, is_above) in above.map(|x| (x, true)).chain(below.map(|x| (x, false))) {
            let column = norm.place(piece.0.clone()).and_then(|(_, pb)| {
                cells
                    .iter()
                    .enumerate()
                    .filter_map(|(k, cell)| {
                        let (_, cb) = norm.place(cell[0].clone())?;
                        let overlap = pb[2].min(cb[2]) - pb[0].max(cb[0]);
                        (overlap > 0.0).then_some((k, overlap))
                    })
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(k, _)| k)
            });
            match column {
                Some(k) if is_above => parts[k].0.insert(0, piece.0.clone()),
                Some(k) => parts[k].0.push(piece.0.clone()),
                None => certainty = certainty.min(TABLE_UNPLACED),
            }
        }
        // Read as a table, the header's labels stand over columns, not over the line after
        // them: what a label reading took from the table goes.
        let table_end = parts
            .iter()
            .flat_map(|p| p.0.iter())
            .map(|r| r.end)
            .max()
            .unwrap_or(0);
        for field in &header {
            if let Some(list) = cands.get_mut(field) {
                list.retain(|c| !(header_start..table_end).contains(&c.at));
            }
        }
        let heads: Vec<_> = lines[i - k..i].iter().map(|l| l.0.clone()).collect();
        let parts = in_heads_columns(norm, &heads, parts, |part| part.1.clone());
        for (field, (pieces, main)) in header.iter().zip(parts) {
            if field.is_empty() {
                continue;
            }
            let value = name_of_pieces(norm, &pieces);
            if value.is_empty() {
                continue;
            }
            cands.entry(field).or_default().push(Candidate {
                value: Value::String(value),
                certainty,
                at: main.start,
                loc: norm.locate(main),
            });
        }
    }
}

/// A header row's cells put in the order of their heads by where they stand: the cell under
/// each head, the heads and the cells each printed side by side on one page. OCR may read a
/// row's heads right to left and its names left to right (`承租方(签章)` / `出租方(签章)` / the
/// landlord / the tenant): the text's order would swap the parties. Without places, or where
/// the heads or the cells are not side by side, the cells stay in the text's order.
fn in_heads_columns<T>(
    norm: &Norm,
    heads: &[std::ops::Range<usize>],
    cells: Vec<T>,
    first_line: impl Fn(&T) -> std::ops::Range<usize>,
) -> Vec<T> {
    // the left-to-right ranks of boxes side by side on one page
    let ranks = |ranges: Vec<std::ops::Range<usize>>| -> Option<(u32, Vec<usize>)> {
        let placed: Vec<(u32, BBox)> = ranges
            .into_iter()
            .map(|r| norm.place(r))
            .collect::<Option<_>>()?;
        let page = placed.first()?.0;
        let apart = placed.iter().enumerate().all(|(a, (pa, ba))| {
            *pa == page && placed[a + 1..].iter().all(|(_, bb)| !share_column(ba, bb))
        });
        if !apart {
            return None;
        }
        let mut order: Vec<usize> = (0..placed.len()).collect();
        order.sort_by(|&x, &y| placed[x].1[0].total_cmp(&placed[y].1[0]));
        let mut rank = vec![0; placed.len()];
        for (r, &at) in order.iter().enumerate() {
            rank[at] = r;
        }
        Some((page, rank))
    };
    let placed = ranks(heads.to_vec()).zip(ranks(cells.iter().map(&first_line).collect()));
    match placed {
        Some(((head_page, head_rank), (cell_page, cell_rank)))
            if head_page == cell_page && head_rank.len() == cell_rank.len() =>
        {
            let mut slots: Vec<Option<T>> = (0..cells.len()).map(|_| None).collect();
            let mut by_rank: Vec<(usize, T)> = cell_rank.into_iter().zip(cells).collect();
            by_rank.sort_by_key(|(r, _)| *r);
            for (r, cell) in by_rank {
                if let Some(head) = head_rank.iter().position(|&h| h == r) {
                    slots[head] = Some(cell);
                }
            }
            slots.into_iter().flatten().collect()
        }
        _ => cells,
    }
}

/// The names of `k` role columns whose name rows are printed with their names (`名称:XX` |
/// `名称:YY`), read from the lines from `after` on, a cell a line in the columns' order. A name
/// wrapped in its cell goes on in a line of the rows below, among the next row's cells as a
/// reading of two columns gives them (`名称:XX有限公` / `统一社会信用代码:…` / `司`): one piece
/// for each open name, in the columns' order. `None` unless every name is whole.
fn labelled_columns(
    c: &Compiled,
    text: &str,
    lines: &[(std::ops::Range<usize>, &str)],
    after: usize,
    k: usize,
) -> Option<Vec<Vec<std::ops::Range<usize>>>> {
    let mut cells: Vec<Vec<std::ops::Range<usize>>> = lines
        .get(after..after + k)?
        .iter()
        .map(|(r, l)| {
            let v = LABELLED_NAME_CELL.captures(l)?.name("v")?;
            Some(std::iter::once(r.start + v.start()..r.start + v.end()).collect())
        })
        .collect::<Option<_>>()?;
    let whole =
        |cell: &Vec<std::ops::Range<usize>>| whole_name(without_seal_tail(&joined(text, cell)));
    let open: Vec<usize> = (0..k).filter(|&j| !whole(&cells[j])).collect();
    if !open.is_empty() {
        let pieces: Vec<std::ops::Range<usize>> = lines
            [after + k..(after + 3 * k + 1).min(lines.len())]
            .iter()
            .filter(|(_, l)| {
                !l.is_empty()
                    && c.label_at(l).is_none()
                    && !l.contains(':')
                    && l.chars().all(|ch| is_han(ch) || "()".contains(ch))
            })
            .map(|(r, _)| r.clone())
            .collect();
        if pieces.len() == open.len() {
            for (&j, piece) in open.iter().zip(pieces) {
                cells[j].push(piece);
            }
        }
    }
    cells.iter().all(whole).then_some(cells)
}

/// A party table with a row per party and a column per particular (`名称 | 地址 | 法定代表人 |
/// 联系电话` over `甲方(出租方) | XX公司 | … `): each party's name is what its row holds under
/// the 名称 column, found by place, so a name that wraps in its cell (and a role cell that wraps,
/// `甲方` / `(出租方)`) is read whole. The row's role cell gives the position (甲方/乙方, whose
/// roles the clauses say) or, with a role word, the role itself; a form's role column after the
/// names (`身份(勾选)`) gives it by the option ticked in the row (`■出租人` over `□承租人`).
fn party_rows(norm: &Norm, cands: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let text = norm.text.as_str();
    let lines = printed_lines(norm);
    let bbox = |r: &std::ops::Range<usize>| norm.place(r.clone()).map(|p| p.1);
    for h in 0..lines.len() {
        if !NAME_COLUMN.is_match(lines[h].1.trim()) {
            continue;
        }
        let others: Vec<usize> = (h + 1..lines.len().min(h + 7))
            .take_while(|&j| {
                let l = lines[j].1.trim();
                PARTICULAR_COLUMN.is_match(l) || ROLE_COLUMN.is_match(l)
            })
            .collect();
        let (Some(&last), Some(head)) = (others.last(), bbox(&lines[h].0)) else {
            continue;
        };
        // a cell belongs to the column whose header's centre is nearest its own
        let centre = |b: [f32; 4]| (b[0] + b[2]) / 2.0;
        let columns: Vec<(f32, bool)> = others
            .iter()
            .filter_map(|&j| {
                let b = bbox(&lines[j].0)?;
                Some((centre(b), ROLE_COLUMN.is_match(lines[j].1.trim())))
            })
            .collect();
        let name_centre = centre(head);
        let Some(next) = columns
            .iter()
            .map(|c| c.0)
            .filter(|&x| x > name_centre)
            .reduce(f32::min)
        else {
            continue;
        };
        // the column a cell is under: `None` for the names', else whether it is the roles'
        let column_of = |b: [f32; 4]| -> Option<bool> {
            let x = centre(b);
            let nearest = columns
                .iter()
                .min_by(|a, b| (x - a.0).abs().total_cmp(&(x - b.0).abs()))?;
            ((x - nearest.0).abs() < (x - name_centre).abs()).then_some(nearest.1)
        };
        let role_after_names = columns.iter().any(|&(x, roles)| roles && x > name_centre);
        // (role, name cell's lines, role cell's lines); a row opened by its name waits for its
        // role cell
        let mut rows: Vec<PartyRow> = Vec::new();
        let mut in_names = false;
        for (r, l) in &lines[last + 1..lines.len().min(last + 40)] {
            let l = l.trim();
            // (under a role column after the names a role word is one of its cell's options)
            if let Some(caps) = ROW_ROLE.captures(l).filter(|c| {
                !role_after_names
                    && (c.name("pos").is_some()
                        || c.name("lessor").is_some()
                        || c.name("lessee").is_some())
            }) {
                let role = if caps.name("lessor").is_some() {
                    "lessor"
                } else if caps.name("lessee").is_some() {
                    "lessee"
                } else if caps.name("a").is_some() {
                    "party_a"
                } else {
                    "party_b"
                };
                // a role in a bracket of its own line names the role of the row it wraps in
                if caps.name("pos").is_none()
                    && l.starts_with('(')
                    && let Some(open) = rows.last_mut().filter(|row| row.1.is_empty())
                {
                    open.0 = Some(role);
                } else {
                    rows.push((Some(role), Vec::new(), String::new()));
                }
                in_names = false;
                continue;
            }
            let Some(b) = bbox(r) else { break };
            // a line across the name column and the next is the text after the table
            if b[0] <= head[0] && b[2] >= next {
                break;
            }
            match column_of(b) {
                None => {
                    // (a name under a role column after the names opens its row; else its row
                    // was opened by its role cell)
                    if role_after_names
                        && !in_names
                        && rows.last().is_none_or(|row| !row.1.is_empty())
                    {
                        rows.push((None, Vec::new(), String::new()));
                    }
                    if let Some(row) = rows.last_mut() {
                        row.1.push(r.clone());
                    }
                    in_names = true;
                }
                Some(roles) => {
                    in_names = false;
                    if roles && let Some(row) = rows.last_mut() {
                        row.2.push_str(l);
                        row.2.push('\n');
                    }
                }
            }
        }
        for (role, cell, options) in rows {
            let role = role.or_else(|| ticked_role(&options));
            let (Some(role), Some(first), Some(end)) =
                (role, cell.first(), cell.last().map(|r| r.end))
            else {
                continue;
            };
            let value = joined(text, &cell);
            if !whole_name(&value) {
                continue;
            }
            let value = if norm.from_ocr(first.start..end) {
                full_width_brackets(&value)
            } else {
                value
            };
            cands.entry(role).or_default().push(Candidate {
                value: Value::String(value),
                certainty: TABLE_CELL,
                at: first.start,
                loc: norm.locate(first.start..end),
            });
        }
        return;
    }
}

/// A row of a party table as read so far: its role, its name cell's lines, its role cell's
/// text (a form's options, one a line).
type PartyRow = (Option<&'static str>, Vec<std::ops::Range<usize>>, String);

/// The role a form's role cell ticks (`■出租人`, `☑承租人`; the options unticked, `□出租人`, say
/// nothing). OCR may not read a filled box at all: beside options left open, the one option
/// with no box is the ticked one (`出租人` over `□承租人`). `None` unless one role is chosen.
fn ticked_role(cell: &str) -> Option<&'static str> {
    static OPTION: LazyLock<Regex> = LazyLock::new(|| {
        regex(&format!(
            r"(?P<box>[■☑✓✔√☒▣●◼]|[□☐○])?(?:(?P<lessor>{})|(?P<lessee>{}))",
            kinds::LESSOR_ROLE,
            kinds::LESSEE_ROLE
        ))
        .expect("static regex")
    });
    // (role, ticked: Some(true) ■, Some(false) □, None no box)
    let options: Vec<(&'static str, Option<bool>)> = OPTION
        .captures_iter(cell)
        .map(|c| {
            let role = if c.name("lessor").is_some() {
                "lessor"
            } else {
                "lessee"
            };
            let ticked = c
                .name("box")
                .map(|b| !matches!(b.as_str(), "□" | "☐" | "○"));
            (role, ticked)
        })
        .collect();
    let one = |list: Vec<&'static str>| match list.as_slice() {
        [role] => Some(*role),
        [role, rest @ ..] if rest.iter().all(|r| r == role) => Some(*role),
        _ => None,
    };
    let ticked: Vec<_> = options
        .iter()
        .filter(|o| o.1 == Some(true))
        .map(|o| o.0)
        .collect();
    if !ticked.is_empty() {
        return one(ticked);
    }
    let unmarked: Vec<_> = options
        .iter()
        .filter(|o| o.1.is_none())
        .map(|o| o.0)
        .collect();
    let open = options.iter().any(|o| o.1 == Some(false));
    if open { one(unmarked) } else { None }
}

/// A role column's header in a form's table of parties (`身份(勾选)`, `当事人身份`).
static ROLE_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:当事人)?(?:身份|角色|合同身份|类别)(?:\((?:勾选|请勾选|打勾|选择)\))?$")
        .expect("static regex")
});
/// The name column's header in a table of parties' particulars.
static NAME_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:当事人|单位|主体)?(?:名称|名称/姓名|姓名/名称|名称\(姓名\)|姓名\(名称\))$")
        .expect("static regex")
});
/// The other particulars' headers (`地址`, `法定代表人`, `联系电话`, `统一社会信用代码`).
static PARTICULAR_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:\p{Han}{0,4}(?:住所|地址|住址|住所地)|法定代表人|负责人|联系人|联系电话|电话|联系方式|统一社会信用代码|社会信用代码|\p{Han}{0,4}号码)(?:/\p{Han}{2,10}|\(\p{Han}{2,10}\))?$")
        .expect("static regex")
});
/// A party row's role cell: a position, a role word, or both (`甲方`, `(出租方)`, `乙方(承租方)`).
static ROW_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?P<pos>(?P<a>甲方)|乙方)?\(?(?:(?P<lessor>{})|(?P<lessee>{}))?\)?$",
        kinds::LESSOR_ROLE,
        kinds::LESSEE_ROLE
    ))
    .expect("static regex")
});

/// A party's particular in its box under its name (`社会信用代码:…`, `通讯地址:…`, `联系人:…`).
static PARTICULAR_CELL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:统一社会信用代码|社会信用代码|信用代码|身份证号码|身份证号|公民身份号码|证件号码|通讯地址|联系地址|地址|住所|联系人|联系电话|电话|法定代表人|负责人)[: ]")
        .expect("static regex")
});

/// The text of a cell's lines, joined.
fn joined(text: &str, parts: &[std::ops::Range<usize>]) -> String {
    parts.iter().map(|r| &text[r.clone()]).collect()
}

/// The rest of an organisation's name on a line of its own: a few characters and its legal
/// form (`服务有限公司`), no more.
static NAME_END_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[\p{Han}]{0,6}(?:有限责任公司|股份有限公司|有限公司|公司|集团|中心|合作社|\((?:特殊)?普通合伙\)|\(有限合伙\))$")
        .expect("static regex")
});

/// Whether a name beside a seal's label that stops short of its legal form (`转租人(章):…创业
/// 商务` / `服务有限公司`) goes on with the next line: a cell too narrow for it wrapped it. (A
/// seal's ring read under a whole name is no part of it.)
fn name_tail_wraps(so_far: &str, rest: &str) -> bool {
    let next_line = rest.split('\n').next().unwrap_or("").trim();
    let so_far = so_far.trim();
    !so_far.is_empty()
        && !WHOLE_NAME.is_match(so_far)
        && !person_name(so_far)
        && NAME_END_LINE.is_match(next_line)
}

/// A line that is only the end of an organisation's name (`司`, `有限公司`): never a name.
static NAME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:股份)?(?:有限)?(?:责任)?(?:公司|公?司|集团|中心)$").expect("static regex")
});

/// Whether a cell's text is a whole name: an organisation's with its legal form, or a
/// person's (two to four Chinese characters).
fn whole_name(cell: &str) -> bool {
    let cell: String = cell.split('\n').collect();
    WHOLE_NAME.is_match(&cell) || person_name(&cell)
}

/// Splits `cell` into `n` organisations' names, each ending in its legal form, when it is
/// exactly that (`甲有限公司乙有限责任公司` → two). Byte ranges within `cell`.
fn split_names(cell: &str, n: usize) -> Option<Vec<std::ops::Range<usize>>> {
    names_run_together(cell).filter(|names| names.len() == n)
}

/// The organisations' names `cell` is made of, each ending in its legal form, when it is
/// exactly those: byte ranges within `cell`.
fn names_run_together(cell: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < cell.len() {
        let m = ORG_AT_START.find(&cell[at..])?;
        out.push(at..at + m.end());
        at += m.end();
    }
    Some(out)
}

/// Certainty of a party read from 甲方/乙方 when a clause says which role each has…
const POSITION_STATED: f32 = 0.97;
/// …when no clause says it (the usual order is assumed, below the rules' threshold)…
const POSITION_ASSUMED: f32 = 0.75;
/// …and when clauses say both orders.
const POSITION_CONTRADICTED: f32 = 0.6;

/// Turns the candidates of the positional labels (甲方:, 乙方:) into candidates of the role
/// fields, in the order the body's clauses give; explicit role labels, when present, stay the
/// surer reading and a disagreeing positional one makes the field ambiguous.
fn resolve_positional(
    pos: &Positional,
    a_first: &[Regex],
    a_second: &[Regex],
    text: &str,
    cands: &mut BTreeMap<&'static str, Vec<Candidate>>,
    notes: &mut Vec<String>,
) {
    let a = cands.remove(pos.a).unwrap_or_default();
    let b = cands.remove(pos.b).unwrap_or_default();
    if a.is_empty() && b.is_empty() {
        return;
    }
    let first = a_first.iter().any(|r| r.is_match(text));
    let second = a_second.iter().any(|r| r.is_match(text));
    // with no clause to say, a role word set beside a position (`入驻申请单位(乙方):Y`), or a role
    // the document names outright for one of the two positions' parties, says which way round
    // they are: `Some(swap)` when what they say agrees
    let by_words = || {
        let named = |list: &[Candidate], role: &str| {
            cands.get(role).is_some_and(|known| {
                known
                    .iter()
                    .any(|k| list.iter().any(|c| c.value == k.value))
            })
        };
        let (usual_word, reversed_word) = party_words::positions_by_words(text);
        let as_usual = usual_word || named(&a, pos.first) || named(&b, pos.second);
        let reversed = reversed_word || named(&a, pos.second) || named(&b, pos.first);
        (as_usual != reversed).then_some(reversed)
    };
    let words_swap = if first || second { None } else { by_words() };
    let (certainty, swap) = match (first, second, words_swap) {
        (true, false, _) => (POSITION_STATED, false),
        (false, true, _) => (POSITION_STATED, true),
        (false, false, Some(swap)) => (POSITION_STATED, swap),
        (false, false, None) => (POSITION_ASSUMED, false),
        (true, true, _) => (POSITION_CONTRADICTED, false),
    };
    let (a_role, b_role) = if swap {
        (pos.second, pos.first)
    } else {
        (pos.first, pos.second)
    };
    let explicit = cands.contains_key(pos.first) || cands.contains_key(pos.second);
    if !explicit && first == second && words_swap.is_none() {
        notes.push(if first {
            format!(
                "{}/{}: 条款对甲方、乙方谁出租说法矛盾，需人工核对 / the clauses contradict each other on whether 甲方 or 乙方 lets: check by hand",
                pos.first, pos.second
            )
        } else {
            format!(
                "{}/{}: 当事人只标注甲方、乙方，合同未写明谁出租，按甲方为出租方读取，需人工核对 / the parties are labelled only 甲方/乙方 and no clause says which lets; read as 甲方 letting: check by hand",
                pos.first, pos.second
            )
        });
    }
    for (list, role) in [(a, a_role), (b, b_role)] {
        for mut cand in list {
            cand.certainty *= certainty;
            cands.entry(role).or_default().push(cand);
        }
    }
}

/// A party introduced with a short name of its own (`运城市创客…公司(以下简称“创客电子”)`) is
/// called by it in every clause, never by 甲方/乙方 or a role word: its role is the one the
/// clauses give that short name, read with the position clauses (`甲方将…出租给乙方`,
/// `乙方承租甲方…`) with the short name standing in one of the two positions. Clauses that
/// say nothing, or both, leave the party unread, unless the document introduces just one
/// other party so, by a role word (`…以下称“租用人”`): a lease's two parties have the two
/// roles, and the party unread has the role the other's word does not say.
fn short_name_roles(
    pos: &Positional,
    norm: &Norm,
    cands: &mut BTreeMap<&'static str, Vec<Candidate>>,
) {
    let text = norm.text.as_str();
    // (name, short name) of every party introduced so, role words too
    let introduced: Vec<(regex::Match, regex::Match)> = NAMED_SHORT
        .captures_iter(text)
        .filter_map(|caps| Some((caps.name("v").or(caps.name("p"))?, caps.name("a")?)))
        .collect();
    // the short names, each once
    let mut shorts: Vec<&str> = introduced.iter().map(|(_, a)| a.as_str()).collect();
    shorts.sort_unstable();
    shorts.dedup();
    let mut unread = Vec::new();
    // (name, short name) of every party the document gives a short name of its own: a
    // position or a role word is read by the patterns; a short name never used again says
    // nothing
    let named: Vec<(regex::Match, &str)> = introduced
        .iter()
        .filter(|(_, short)| {
            !POSITION_OR_ROLE.is_match(short.as_str())
                && text[short.end()..].contains(short.as_str())
        })
        .map(|(name, short)| (*name, short.as_str()))
        .collect();
    for (name, alias) in &named {
        // the other position is 甲方/乙方 or the other party's short name
        let others: String = named
            .iter()
            .filter(|(_, a)| a != alias)
            .map(|(_, a)| format!("|{}", regex::escape(a)))
            .collect();
        // the short name in one position; the other is the other position or a short name
        let alias_re = regex::escape(alias);
        let says = |clauses: &[&str], slot: &str, other: &str| {
            let other = format!("(?:{other}{others})");
            let (first, second) = if slot == "甲方" {
                (alias_re.as_str(), other.as_str())
            } else {
                (other.as_str(), alias_re.as_str())
            };
            party_words::clauses_say(clauses.iter().copied(), first, second, text)
        };
        // in 乙方's place, a clause where 甲方 lets makes it the second role; in 甲方's place,
        // the first
        let first = says(pos.a_second, "乙方", "甲方") || says(pos.a_first, "甲方", "乙方");
        let second = says(pos.a_first, "乙方", "甲方") || says(pos.a_second, "甲方", "乙方");
        // clauses that say nothing, or both (a tenant allowed to let on): the short name's
        // own stem (`提供方` lets, `承用方` rents), if it has one
        let role = match (first, second) {
            (true, false) => pos.first,
            (false, true) => pos.second,
            // (the base's operator lets an entry agreement's rooms but rents the head lease's
            // building: its word says its role only beside a party that rents, 入驻企业)
            _ if OPERATOR_WORD.is_match(alias) => {
                if named
                    .iter()
                    .any(|(_, a)| a != alias && party_words::stem_role(a) == Some(false))
                {
                    pos.first
                } else {
                    continue;
                }
            }
            _ => match party_words::stem_role(alias) {
                Some(true) => pos.first,
                Some(false) => pos.second,
                None => {
                    unread.push((name, *alias));
                    continue;
                }
            },
        };
        push_parsed(
            cands,
            role,
            Parse::Name,
            norm,
            name.range(),
            POSITION_STATED,
        );
    }
    if let ([(name, alias)], 2) = (unread.as_slice(), shorts.len())
        && let Some(other) = shorts.iter().find(|s| *s != alias)
        && POSITION_OR_ROLE.is_match(other)
        && let Some(other_lets) = party_words::stem_role(other)
    {
        let role = if other_lets { pos.second } else { pos.first };
        push_parsed(cands, role, Parse::Name, norm, name.range(), BESIDE_A_ROLE);
    }
}
/// Certainty of a party read as the one beside a party introduced by its role word.
const BESIDE_A_ROLE: f32 = 0.9;
/// A party's name and the short name a bracket after it gives it (after the party's ID
/// number or code, now and then, which may wrap: `(统一社会信用代码:` / `9114…,以下称“提供方”)`).
/// A person's name counts after a clause break or at a line's start under a line that does
/// not end in Chinese (`合同号:…` / `张三(以下称“挂牌方”)在…`), where no wrapped word ends.
static NAMED_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    regex(&expand(&format!(
        r#"(?:(?P<v>{ORG})|(?:^|[,。;:、与和向由及]|[^\p{{Han}}]\n)(?P<p>[\p{{Han}}--[向与和由及给将]]\p{{Han}}{{1,3}}))\((?:[^()]{{0,44}}[,;])?(?:{short})[“"'「]?(?P<a>[^”"'」()\n,]{{2,10}})[”"'」]?\)"#,
        short = kinds::SHORT_NAME_WORD
    )))
    .expect("static regex")
});
/// Short names the patterns read themselves: positions, roles and third parties, and the
/// head lease's parties a sublease names (原出租人, 原承租方), who are no party of its own
/// (the operator's, 运营方, is read by the clauses).
static POSITION_OR_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^原?(?:[甲乙丙丁]方|(?:出租|承租|转租|次承?租|租用|租入|租出|使用|产权|业主|居间|担保|见证|物业服务|物业|委托|受托|代理|孵化|入驻|管理|业权)(?:方|人|单位)|房东|租客|业主|贵方|贵公司|本公司|我方|我公司)$")
        .expect("static regex")
});
/// The base's operator's short name (运营方, 运营单位, 运营管理方): no pattern reads it, for its
/// role is the clauses' (see [`short_name_roles`]).
static OPERATOR_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\p{Han}{0,4}运营(?:管理)?(?:方|单位)$").expect("static regex"));

/// Candidates at least this sure count as a second reading of a party.
const SURE_SOURCE: f32 = 0.85;
/// What a party's confidence is multiplied by when two sure readings disagree: below the
/// rules' default threshold (0.8) from any certainty.
const AMBIGUOUS: f32 = 0.7;

fn display(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// Whether two readings of a party name different parties: beyond a shortened form (one holds
/// the other) and beyond one misread character.
fn names_conflict(a: &Value, b: &Value) -> bool {
    let (Some(a), Some(b)) = (a.as_str(), b.as_str()) else {
        return false;
    };
    let (a, b) = (normalise(a), normalise(b));
    if a.is_empty() || b.is_empty() || a.contains(&b) || b.contains(&a) {
        return false;
    }
    edit_distance(&a, &b) >= 2
}

/// Whether `lossy` is `whole` with one or two characters lost (every character of `lossy` in
/// `whole`, in order): what OCR gives where a seal's ink covers a name.
fn lost_characters(whole: &Value, lossy: &Value) -> bool {
    let (Some(whole), Some(lossy)) = (whole.as_str(), lossy.as_str()) else {
        return false;
    };
    let (whole, lossy) = (normalise(whole), normalise(lossy));
    let lost = whole.chars().count().saturating_sub(lossy.chars().count());
    if !(1..=2).contains(&lost) || lossy.chars().count() < 4 {
        return false;
    }
    let mut rest = whole.chars();
    lossy.chars().all(|ch| rest.any(|w| w == ch))
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// The part of a name value that can be a name. A name holds no clause break: a value with
/// one is a name followed by more (`张三,身份证号…`) or a label word inside a sentence
/// (`房屋所有权人…持有本证,依法享有…`). The part before the break counts when it is an
/// organisation's whole name or a person's (two to four characters); otherwise nothing does.
fn name_part(raw: &str, r: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    // a word that leads up to the name, joined to it (向长治市…): a place name follows it
    let lead = LEADING_WORD
        .captures(raw)
        .and_then(|c| {
            c.name("w")
                .or(c.name("s"))
                .or(c.name("z"))
                .or(c.name("about"))
                .or(c.name("now"))
                .or(c.name("role"))
        })
        .map_or(0, |m| m.end());
    let (raw, r) = (&raw[lead..], r.start + lead..r.end);
    // a signature line's request for the seal or signature where the name would be written
    // (`甲方:(盖章)    乙方:(盖章)`, `(签字)二〇一六年…`): the party signs there, it is not named
    let (raw, r) = match SIGN_HERE.find(raw) {
        Some(m) if !m.is_empty() => {
            let rest = raw[m.end()..].trim_start();
            if rest.is_empty()
                || STARTS_WITH_DATE.is_match(rest)
                || SIGNER_FIRST.is_match(rest)
                || rest.starts_with(['甲', '乙', '丙'])
            {
                return None;
            }
            let at = raw.len() - rest.len();
            (rest, r.start + at..r.end.max(r.start + at))
        }
        _ => (raw, r),
    };
    // another party's signature head read under this one's (`承租人(签章)` / `出租人(签章` /
    // names, the heads' cells out of order): no name starts with a role and its seal
    if SIGNATURE_HEAD_START.is_match(raw) {
        return None;
    }
    // a table's header cell read under a name's label (`企业名称` / `入驻时间` over a list of
    // firms): a column's title, never a party
    if COLUMN_TITLE.is_match(raw.trim()) {
        return None;
    }
    // a party's code or ID number where its name would stand (a row of 甲方 | code | address
    // under a title that names the parties): the name is elsewhere, this is none; nor is
    // another label with its value (`原不动产权证号:晋(2016)…`, a cell the reading order put
    // after the owner's label)
    if ID_FIRST.is_match(raw) || LABEL_SHAPE.is_match(raw.trim_start()) {
        return None;
    }
    let (raw, r) = strip_name_wrapping(raw, r);
    // whom a report is addressed to after the entity (`致:XX公司全体股东`): the entity
    if let Some(m) = ADDRESSEE_TAIL.find(raw)
        && m.start() > 0
        && WHOLE_NAME.is_match(&raw[..m.start()])
    {
        return Some(r.start..r.start + m.start());
    }
    // the party's code in the next cell of its row, run into a name that wrapped in its own
    // cell (`…有限责任公` / `司` / `9114…`): the name is whole before it
    if let Some(m) = CODE_AFTER_NAME.find(raw)
        && WHOLE_NAME.is_match(&raw[..m.start()].replace('\n', ""))
    {
        return Some(r.start..r.start + m.start());
    }
    // a request to sign where the name would stand (`授权代表签署`, `法定代表人签字`)
    if !WHOLE_NAME.is_match(raw.trim_end()) && SIGNING.is_match(raw) {
        return None;
    }
    // the next row's label that OCR ran into the value (蒋辉出租人身份证号码…): the name ends
    // where it starts, if what comes before is a name
    if let Some(m) = EMBEDDED_LABEL.find(raw)
        && m.start() > 0
    {
        let head = &raw[..m.start()];
        if person_name(head) || WHOLE_NAME.is_match(head) {
            return Some(r.start..r.start + head.len());
        }
    }
    // the party's number after a slash (`名称及证照号码:XX公司/9114…`): the name ends there
    if let Some((head, tail)) = raw.split_once('/')
        && let (head, tail) = (head.trim_end(), tail.trim())
        && (WHOLE_NAME.is_match(head) || person_name(head))
        && tail.len() >= 8
        && tail.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Some(r.start..r.start + head.len());
    }
    // the signing date under the name read on into it (`…有限公司二零一九年十二月二十八日`): the
    // name ends where the date starts
    if let Some(m) = DATE_IN.find(raw)
        && m.start() > 0
    {
        let head = raw[..m.start()].trim_end();
        return (person_name(head) || WHOLE_NAME.is_match(head))
            .then(|| r.start..r.start + head.len());
    }
    // a position word inside is another sentence run into the value (a neighbouring
    // column's clause, `…有限公甲方知悉并同意乙方…`): the name ends before it when what comes
    // before is whole, and otherwise this is no name
    if let Some(at) = ["甲方", "乙方", "丙方"]
        .iter()
        .filter_map(|w| raw.find(w))
        .filter(|&at| at > 0)
        .min()
    {
        let head = raw[..at].trim_end();
        return (person_name(head) || WHOLE_NAME.is_match(head))
            .then(|| r.start..r.start + head.len());
    }
    // several owners in one cell (A、B): the first is the one named, the others co-owners
    if let Some(sep) = raw.find('、')
        && WHOLE_NAME.is_match(&raw[..sep])
        && raw[sep + '、'.len_utf8()..]
            .split([',', '。', ';'])
            .next()
            .is_some_and(|other| WHOLE_NAME.is_match(other) || person_name(other))
    {
        return Some(r.start..r.start + sep);
    }
    let Some(cut) = raw.find([',', '。', ';']) else {
        return Some(r);
    };
    let head = raw[..cut].trim_end();
    (person_name(head) || WHOLE_NAME.is_match(head)).then(|| r.start..r.start + head.len())
}

/// A party's role alone, as a bracket after its name gives it.
static ROLE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:即|系|为)?(?:本合同|本协议)?(?:的)?(?:(?:出租|承租|转租|次承?租|租赁|产权|使用)(?:方|人)|甲方|乙方|业主|租户)$")
        .expect("static regex")
});

/// What is printed around a name without being part of it: a representative before it
/// (`(代表人:张三)XX公司`, `张三代表XX公司`), a role or the rest of its label in brackets
/// before it (`(共有人)XX公司`, `权利人(证件号) XX公司(9114…)` read as `(证件号)XX公司(…)`),
/// the letter-writer's `我公司`/`本单位` before it,
/// and after it a request for the seal (`XX公司(盖章)`), the name in English
/// (`XX公司(Taiyuan … Co., Ltd.)`), the party's code (`XX公司(91140107…)`) or its role
/// (`XX公司(出租人)`). Removed only when what is left is an organisation's whole
/// name (or, after a seal, code or role, a person's), so `代表` or a bracket inside a name
/// stays.
fn strip_name_wrapping(raw: &str, r: std::ops::Range<usize>) -> (&str, std::ops::Range<usize>) {
    // the range may already end before the raw text (a `(以下简称甲方)` cut off)
    let (mut start, mut end) = (0, r.len().min(raw.len()));
    loop {
        let rest = &raw[start..end];
        // what is left is a whole name, or one with a closing bracket after it
        let whole = |s: &str| {
            WHOLE_NAME.is_match(s.trim_end())
                || NAME_SUFFIX
                    .find(s)
                    .is_some_and(|m| WHOLE_NAME.is_match(s[..m.start()].trim_end()))
        };
        let cut = NAME_PREFIX
            .find(rest)
            .map(|m| m.end())
            .filter(|&n| whole(&rest[n..]));
        match cut {
            Some(n) if n > 0 => start += n,
            _ => break,
        }
    }
    loop {
        let rest = &raw[start..end];
        let Some(m) = NAME_SUFFIX.find(rest) else {
            break;
        };
        let inner = &rest[m.start()..];
        let latin = inner.chars().filter(char::is_ascii_alphabetic).count();
        let is_english = latin * 2 >= inner.chars().count() && latin >= 4;
        // a request for the seal or signature (`(盖章)`, a 契约's `(印)`), or its bracket left
        // empty where the seal's ink hid the word
        let is_seal = SEAL_WORD.is_match(inner) && inner.chars().count() <= 6
            || matches!(
                inner.trim_matches(['(', ')', ' ']),
                "" | "印" | "章" | "印章" | "签印" | "签"
            );
        // the party's credit code or ID number in brackets after its name
        let code = inner.trim_matches(['(', ')', ' ']);
        let is_code = code.len() >= 8
            && code.chars().all(|c| c.is_ascii_alphanumeric())
            && code.chars().any(|c| c.is_ascii_digit());
        // its role in brackets after it (`甲方:XX有限公司(出租人)`)
        let is_role = ROLE_NOTE.is_match(code);
        let head = rest[..m.start()].trim_end();
        // a person's name keeps no bracket either (`出租人:张三(甲方)`, `张三(盖章)`), but an
        // English name is an organisation's
        if (is_english || is_seal || is_code || is_role) && WHOLE_NAME.is_match(head)
            || (is_seal || is_code || is_role) && person_name(head)
        {
            end = start + head.len();
        } else {
            break;
        }
    }
    (&raw[start..end], r.start + start..r.start + end)
}
/// A representative or a role printed before a name, or what the party does (`提供场地的一方为`).
static NAME_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:\p{Han}{1,20}?的一方(?:为|是|系)|\((?:代表人|法定代表人|负责人|授权代表|委托代理人|经办人|共有人|共有)[^()]{0,12}\)\s*|\([\p{Han}/、]{1,10}\)\s*|[\p{Han}]{2,4}\s*代表\s*:?\s*|(?:我|本)(?:公司|单位|方)\s*)",
    )
    .expect("static regex")
});
/// A bracket closing a name (a seal request, the name in English), or the English name's
/// bracket left open where the line broke (`XX公司(Linfen Jinchuang Technology Develo`).
static NAME_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\([^()]*\)\s*$|\([A-Za-z][A-Za-z0-9 .,&'-]*$").expect("static regex"));

/// A line that ends in the word for a particular (`证照类型`, `联系地址`, `签署日期`): a row's
/// label in a party table, no piece of a name.
static ROW_LABEL_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:类型|种类|号码|代码|证号|件号|名称|姓名|地址|住所|住址|电话|代表人|日期|期限|面积|用途)$")
        .expect("static regex")
});

/// A line that reads as `label:` of any form, known or not (`报告文号:`, `名 称:`): a value
/// never runs on into it.
static LABEL_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[\p{Han}]{2,10}(?:\([\p{Han}]{1,8}\))?:").expect("static regex"));
/// A word that leads up to a name in a sentence, when a place name (…省, …市, …县, …区)
/// follows it: `向长治市…` is not a name starting with 向 (`向阳科技` keeps it), nor is
/// `…代码为9114…的阳泉市…公司` one starting with 的, nor is
/// `为太原市…` (a label in a sentence, `受转租人为XX`) one starting with 为, nor is
/// `经临汾市…(以下简称甲方)与…` or `接受晋中市…的委托` one starting with 经 or 接受; an
/// agreement's opening `兹有XX(下称出租方)…` names XX, a deed's `立租赁契约人XX(出租人,…)` too,
/// and a report's title `关于XX公司` on a line of its own (no organisation's name starts with
/// 关于; a person's may: 关于海燕); a recital's `现XX公司(以下称转租人)…` names XX (现代… keeps
/// its 现); a role word joined to the name (`与租用人晋中市…(…以下称“租用人”)`) is none of it.
static LEADING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:(?P<w>[向与和由及给将对为系是的])[\p{{Han}}]{{1,3}}[省市县区]|(?P<role>(?:房屋)?(?:{}))\p{{Han}}{{4}}|(?P<s>经|接受|受)[\p{{Han}}]{{2,3}}[省市县]|(?P<z>兹有|兹由|今有|现有|立(?:租赁|房屋租赁|转租)?(?:契约|合同|协议)人)[\p{{Han}}]{{2}}|(?P<about>关于)[^\n]{{2,40}}?(?:公司|中心|集团|合作社|企业|事务所)$|(?P<now>现)[\p{{Han}}--[代在有金实场行状时今]])",
        kinds::ROLE_WORDS
    ))
    .expect("static regex")
});
/// Labels of the rows that follow a party's name (ID numbers, codes, representatives), and a
/// former name, a co-owner's share or the party's code or ID in a bracket after it
/// (`XX公司(原名:YY公司)`, `XX公司(占75%)`, `XX公司(统一社会信用代码:…)`, cut where the
/// label is by the line or the label hit).
static EMBEDDED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:出租人|承租人|出租方|承租方|转租方|次承租方)?(?:身份证|公民身份号码|证件号码|统一社会信用\n?代码|法定代表\n?人|联系电话)|\((?:原名|曾用名|原名称|更名前)|\((?:占|份额)?[0-9.]{1,5}%\)|\((?:统一|统$|统\n|社会信用|信用代码|身份证|公民身份|证件|注册号|组织机构)",
    )
    .expect("static regex")
});
/// The words of a signature line's label that ask for a seal or a signature.
static SEAL_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(kinds::SEAL_WORDS).expect("static regex"));
/// Words of a signing instruction (`授权代表签署`), never in a party's name.
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"签署|{}|^(?:授权|法定|委托)?代表人?$",
        kinds::SEAL_WORDS
    ))
    .expect("static regex")
});
/// A request for a seal or a signature standing where a name is written, in a bracket or
/// alone (`(盖章)`, `(章)`, `签字:`, `(签字或盖章)`, `签署及盖章`), or cut off by the seal's ink
/// (`(公`).
static SIGN_HERE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^\s*(?:\(\s*[章印签]\s*\)|[章印签]\s*$|\(\s*[公盖签印]\s*$|\(?\s*(?:(?:{}|印章|手印|签署)(?:[或/、及和]?|\s*)){{1,3}}\s*\)?)\s*:?",
        kinds::SEAL_WORDS
    ))
    .expect("static regex")
});
/// The next line of a signature block read into the seal's place (`(章)经办人张三`): who
/// signs for the party, not its name.
static SIGNER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:经办人|委托代理人|代理人|法定代表人|授权代表|代表人|负责人|联系人|签约代表|日期)")
        .expect("static regex")
});
/// The addressee's body after an entity's name, at the end of a value (`kinds::ADDRESSEE_BODY`).
static ADDRESSEE_TAIL: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!("(?:{})$", kinds::ADDRESSEE_BODY)).expect("static regex"));
/// An audit firm's word as OCR may read it (`kinds::FIRM_WORD`).
static FIRM_WORD_READ: LazyLock<Regex> =
    LazyLock::new(|| regex(kinds::FIRM_WORD).expect("static regex"));
/// …with its 所 lost before the legal form (`kinds::FIRM_WORD_BEFORE_FORM`).
static FIRM_WORD_BEFORE_FORM_READ: LazyLock<Regex> =
    LazyLock::new(|| regex(kinds::FIRM_WORD_BEFORE_FORM).expect("static regex"));
/// The special partnership's form with one character of 特殊普通 misread (`(特疾普通合伙)`, `(特殊音通合伙)`).
static SPECIAL_PARTNERSHIP_READ: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"[(（](?:(?:特[^()（）普]|[^()（）]殊)普通|特殊(?:[^()（）普]通|普[^()（）通]))合伙[)）]",
    )
    .expect("static regex")
});
/// A table column's title (`入驻时间`, `注册地址`, `企业名称`).
static COLUMN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[\p{Han}]{0,6}(?:时间|日期|名称|编号|代码|数量|金额|地址|电话|类型|面积|期限|备注|序号)$")
        .expect("static regex")
});
/// A credit code (or an ID number) that ends a value, straight after the name before it.
static CODE_AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\s*(?:[0-9A-Z]{18}|\d{15})$").expect("static regex"));
/// Text that starts with a date (`2016年`, `二〇一六年`, `2016-11-28`).
static STARTS_WITH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:[0-9]{4}\s*[年.\-/]|[〇○零一二三四五六七八九]{4}\s*年)").expect("static regex")
});
/// A value that starts with a credit code or an ID number (15 or 18 characters).
static ID_FIRST: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*(?:[0-9A-Z]{18}|\d{15})").expect("static regex"));
/// A page number alone on its line (`3`, `- 3 -`, `第3页`, `第 3 页 共 5 页`).
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:-\s?)?\d{1,3}(?:\s?-)?$|^第\s?\d{1,3}\s?页(?:\s?,?\s?共\s?\d{1,3}\s?页)?$")
        .expect("static regex")
});
/// Whether `line` starts a label that wrapped in its narrow cell (`不动产` / `单元号` under
/// `坐落 | …`): a short line of Han characters that, joined with the next, starts a label line
/// whose label reaches past the first line.
fn label_wrapped_in_cell(c: &Compiled, line: &str) -> bool {
    let mut lines = line.splitn(3, '\n');
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    (1..=4).contains(&first.chars().count())
        && first.chars().all(is_han)
        && !second.is_empty()
        && c.label_line_len(&format!("{first}{second}"))
            .is_some_and(|len| len > first.len())
}

/// A name that ends with an organisation's legal form is whole (a trade union, a committee and
/// an association let sites too, and an old plant, `…五金机械厂`, or a station, `…粮油储备站`;
/// a firm's branch, `…事务所(特殊普通合伙)山西分所`, is whole too).
static WHOLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?:公司|合伙\)|中心|集团|合作社|联合社|事务所|分所|工会|委员会|协会|商会|[\p{Han}]{2}厂|[\p{Han}]{2}站)$")
        .expect("static regex")
});
/// Whether a certificate's owner cell lists another owner after a semicolon (`XX公司;YY有限责任公`
/// / `司;邵某`): the last owner before it whole, a company's or a person's name after it.
fn owners_go_on(before: &str, after: &str) -> bool {
    let last = before
        .rsplit(';')
        .next()
        .unwrap_or(before)
        .replace('\n', "");
    let next: String = after.splitn(3, '\n').take(2).collect::<Vec<_>>().concat();
    let person = after
        .split([';', '\n'])
        .next()
        .is_some_and(|p| person_name(p.trim()));
    (WHOLE_NAME.is_match(&last) || person_name(&last)) && (ORG_AT_START.is_match(&next) || person)
}
/// A code's letters and digits, whatever spaces, dashes or marks were printed among them.
fn code_chars(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// Adds `cand` to a list field unless a candidate with its value is there already (two readers
/// may name the same co-owner).
fn push_new(list: &mut Vec<Candidate>, cand: Candidate) {
    if !list.iter().any(|c| c.value == cand.value) {
        list.push(cand);
    }
}

/// The next line, when a code read from `start` to its line's end is printed again whole on it
/// (`J2022819271191` / `J2022819271191866`: a symbol's label covers the print, the symbol's
/// caption under it gives every character).
fn whole_on_next_line(text: &str, start: usize) -> Option<std::ops::Range<usize>> {
    let first_end = text[start..].find('\n').map(|i| start + i)?;
    let second = first_end + 1
        ..text[first_end + 1..]
            .find('\n')
            .map_or(text.len(), |i| first_end + 1 + i);
    let (cut, whole) = (
        code_chars(&text[start..first_end]),
        code_chars(&text[second.clone()]),
    );
    let trimmed = text[second.clone()].trim();
    (cut.len() >= 6 && whole.len() > cut.len() && whole.starts_with(&cut) && trimmed == whole).then(
        || {
            let at = second.start + text[second.clone()].find(trimmed).unwrap_or(0);
            at..at + trimmed.len()
        },
    )
}

/// Whether a label's value `so_far` ends at the line break before `next`. A value ends at its
/// line or cell end when the next line is labelled in any form, when a code or number is
/// followed by words, or when a name is already whole; otherwise it may wrap (a long name in a
/// narrow cell).
fn value_complete(parse: Parse, so_far: &str, next: &str) -> bool {
    if LABEL_SHAPE.is_match(next) {
        return true;
    }
    let next_line = next.split('\n').next().unwrap_or("");
    // a form's row number alone on its line (`3` / `坐落` / value / `4` / `不动产单元号`) after
    // a value that does not end in a digit: the next row starts there
    if matches!(parse, Parse::Name | Parse::Text)
        && (1..=2).contains(&next_line.trim().len())
        && next_line.trim().chars().all(|c| c.is_ascii_digit())
        && !so_far.trim_end().ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    match parse {
        // a firm's branch set on the line under its firm (`…(特殊普通合伙)` / `山西分所`)
        Parse::Name
            if so_far.contains("会计师事务所") && BRANCH_LINE.is_match(next_line.trim()) =>
        {
            false
        }
        // a certificate's printed sentence under the holder's line (`房屋所有权人 X` / `根据《…》及`):
        // a person's name goes on into no title and no clause (a company's may wrap into
        // `限公司(以下简称甲方)。`)
        Parse::Name
            if person_name(so_far.trim()) && next_line.contains(['《', '。', '，', ',', ';']) =>
        {
            true
        }
        // …nor into the label of a particular of the row after (`陈某` / `所有人证件号` / `1401…`)
        Parse::Name if person_name(so_far.trim()) && ROW_LABEL_END.is_match(next_line.trim()) => {
            true
        }
        // …nor into a number (the person's ID number, a phone: cells of the row after the
        // name, `张艳` / `1404…`)
        Parse::Name
            if person_name(so_far.trim())
                && next_line.trim().len() >= 7
                && next_line
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == 'X') =>
        {
            true
        }
        // a slash after the name leads to the party's number (`名称及证照号码:XX公司/` /
        // `9114…`); a name wrapped in its cell (`…有限公` / `司`) is whole once joined
        Parse::Name => WHOLE_NAME.is_match(
            so_far
                .replace('\n', "")
                .trim_end()
                .trim_end_matches(['/', '、']),
        ),
        Parse::Text | Parse::Date | Parse::LastDate | Parse::Period => false,
        // a report number broken after its year's bracket in a narrow box (`中勤审〔2021〕` /
        // `454号`) or after the firm's province (`天元(晋)` / `审专字〔2020〕…`): it goes on
        Parse::Code
            if YEAR_THEN_SERIAL.is_match(&format!("{}\n{next_line}", so_far.trim_end()))
                || (PROVINCE_THEN_KIND.0.is_match(so_far.trim_end())
                    && PROVINCE_THEN_KIND.1.is_match(next_line)) =>
        {
            false
        }
        // a report number broken after its firm's and kind's words (`天元专` / `项审字〔2021〕
        // 第610号`): words alone are no number yet
        Parse::Code
            if (1..=10).contains(&so_far.trim().chars().count())
                && so_far
                    .trim()
                    .trim_end_matches(['(', '（', '[', '［', '〔', '【'])
                    .chars()
                    .all(is_han)
                && !["无", "暂无", "详见", "见"]
                    .iter()
                    .any(|w| so_far.trim().starts_with(w))
                && NUMBER_GOES_ON.is_match(next_line) =>
        {
            false
        }
        // a report number whose last character wrapped alone (`…第0306` / `号`)
        Parse::Code
            if next_line.trim() == "号"
                && so_far.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && so_far.contains(['〔', '[', '(', '第']) =>
        {
            false
        }
        // the same code printed again on the next line (a caption under its symbol): the
        // code is whole, not wrapped
        Parse::Code
            if {
                let (read, again) = (code_chars(so_far), code_chars(next_line));
                again.len() >= 6 && read.ends_with(&again)
            } =>
        {
            true
        }
        // a document number ends with its 号 (`报告号:XX审字[2023]-379号` / the code under it)
        Parse::Code
            if so_far.trim_end().ends_with('号')
                && so_far.contains(['〔', '[', '(', '（', '【', '字', '第']) =>
        {
            true
        }
        // a code in a page's footer band followed by the page's number: the code is whole
        Parse::Code
            if PAGE_NUMBER.is_match(next_line.trim())
                && so_far.chars().filter(char::is_ascii_alphanumeric).count() >= 12 =>
        {
            true
        }
        _ => next_line
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == ' ')),
    }
}

/// The rest of a document number on the next line: a few more of its words, then its year
/// (in brackets or not), up to its 号.
static NUMBER_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^\p{Han}{0,8}?[(\[〔【（［]?(?:19|20)\d{2}[)\]〕】）］]?[^\n。;]{0,16}?号")
        .expect("static regex")
});

/// A document number with a year (`…〔2021〕第774号`, `…2021字第0822号`) and its 号, when a
/// closing bracket or words follow it in the value.
static NUMBER_THEN_MORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?P<n>[^号]{0,30}?(?:19|20)\d{2}[^号]{0,16}号)[)）\]】\p{Han}]").expect("static regex")
});
/// A firm's province bracket ending a line (`天元(晋)`) and the number's kind word and year
/// starting the next (`审专字〔2020〕第0730号`).
static PROVINCE_THEN_KIND: LazyLock<(Regex, Regex)> = LazyLock::new(|| {
    (
        regex(r"[\p{Han}]\([\p{Han}]{1,2}\)$").expect("static regex"),
        regex(r"^[\p{Han}]{0,3}(?:审|专|核|鉴)[\p{Han}]{0,3}[(\[〔【]\d{4}[)\]〕】]")
            .expect("static regex"),
    )
});
/// A year's bracket ending a line and a serial with its 号 alone on the next.
static YEAR_THEN_SERIAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[(\[〔【]\d{4}[)\]〕】]\n第?[A-Za-z0-9-]{1,14}号(?:[^A-Za-z0-9\n][^\n]*)?$")
        .expect("static regex")
});

/// The text before a match's first captured value, back to the last of `breaks` before the
/// match: with `CLAUSE_BREAKS` the clause it stands in (the words that say what the value is),
/// with `SENTENCE_BREAKS` its sentence.
fn text_before<'t>(text: &'t str, caps: &regex::Captures<'t>, breaks: &[char]) -> &'t str {
    let whole = caps.get(0).expect("group 0");
    let value_at = caps
        .iter()
        .skip(1)
        .flatten()
        .map(|m| m.start())
        .min()
        .unwrap_or(whole.start());
    let start = text[..whole.start()].rfind(breaks).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    &text[start..value_at.max(start)]
}
/// Whether a match starts a line under a row label of another contract (`原合同期限` /
/// `DATE至DATE`, a sublease's summary of its head lease): that contract's period, not the term.
fn under_cited_row(text: &str, caps: &regex::Captures<'_>) -> bool {
    let at = caps.get(0).map_or(0, |m| m.start());
    if !(at == 0 || text[..at].ends_with('\n')) {
        return false;
    }
    let row = text[..at.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .trim();
    row.starts_with('原') && row.chars().count() <= 8 && !row.contains([':', '。'])
}
/// Whether the dates of a match restate, after 即, a clause that names another period than the
/// term (`续租期限五年,即DATE起至DATE止`: the renewal's). A clause about the term's own start
/// (`自房屋交付之日起计算,即DATE至DATE`) is the term's.
fn restates_another_period(text: &str, caps: &regex::Captures<'_>) -> bool {
    let clause = text_before(text, caps, CLAUSE_BREAKS);
    let at = clause.as_ptr() as usize - text.as_ptr() as usize;
    if !RESTATES.is_match(clause) || at == 0 {
        return false;
    }
    // back over the break before this clause to the one before the clause it restates
    let before = &text[..at];
    let break_len = before.chars().next_back().map_or(0, char::len_utf8);
    let start = before[..before.len() - break_len]
        .rfind(CLAUSE_BREAKS)
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    // a bracket's note (`(含免租期2个月)`) says what the period holds, not what it is
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| regex(r"\([^()]*\)").expect("static regex"));
    ANOTHER_PERIOD.is_match(&BRACKETED.replace_all(&text[start..at], ""))
}
/// The day a range starts named by an event, then its date (`自首批房屋交付之日即DATE起`): the
/// event says when the term starts, it names no other period (交付 is no deposit's or
/// payment's here). Left out of the words a clause is checked for before its dates.
static STARTS_ON_AN_EVENT: LazyLock<Regex> =
    LazyLock::new(|| regex(concat!(kinds::starts_on_an_event!(), "$")).expect("static regex"));
/// The handing over of the premises, the one event a term is counted from that the words of
/// other periods (交付 of a deposit or a payment) also hold.
static DELIVERY: LazyLock<Regex> =
    LazyLock::new(|| regex("交付|交房|移交|交接").expect("static regex"));

/// `clause` without the event its range starts on (`自首批房屋交付之日即`), when the event names
/// nothing but the premises' delivery: `自免租期满之日即…` keeps its 免租 for `other_period`.
fn without_start_event<'t>(clause: &'t str, other_period: &Regex) -> &'t str {
    match STARTS_ON_AN_EVENT.find(clause) {
        Some(m) if !other_period.is_match(&DELIVERY.replace_all(m.as_str(), "")) => {
            &clause[..m.start()]
        }
        _ => clause,
    }
}
/// A clause that restates the one before it (即, 亦即, 也就是).
static RESTATES: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*(?:即|亦即|也即|也就是|即为)").expect("static regex"));
/// Periods other than the term that a lease names with a length (a renewal, an extension, a
/// rent-free or fit-out period, a trial, the head lease's).
static ANOTHER_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"续租|续签|续约|续期|延长|延期|顺延|免租|装修|试用|原租赁|原租约|原租期|原合同|总租约|主租约|总租赁合同|主租赁合同")
        .expect("static regex")
});

/// The sentence before a match, back over the lines it wraps from: a line that does not end
/// a sentence or a label (`…签订主租赁合同(合同` / `编号:2018-CF-006),承租…,租期…`) runs on, for
/// at most two lines.
fn sentence_before<'t>(text: &'t str, caps: &regex::Captures<'t>) -> &'t str {
    let here = text_before(text, caps, SENTENCE_BREAKS);
    let mut start = here.as_ptr() as usize - text.as_ptr() as usize;
    let end = start + here.len();
    for _ in 0..2 {
        let Some(prev) = text[..start].strip_suffix('\n') else {
            break;
        };
        // a colon ends a label's line, but not inside a bracket still open on that line
        // (`…签订了《房屋租赁合同》(合同编号:` / `ZL-2020-0385),租赁期限自…`)
        let line = &prev[prev.rfind('\n').map_or(0, |i| i + 1)..];
        let open_bracket = line.matches('(').count() > line.matches(')').count();
        if prev.ends_with(['。', ';', '\n'])
            || (prev.ends_with(':') && !open_bracket)
            || prev.is_empty()
        {
            break;
        }
        start = prev.rfind(SENTENCE_BREAKS).map_or(0, |i| {
            i + prev[i..].chars().next().map_or(1, char::len_utf8)
        });
    }
    &text[start..end]
}
const CLAUSE_BREAKS: &[char] = &['。', ',', ';', '\n'];
const SENTENCE_BREAKS: &[char] = &['。', '\n'];

/// Whether `s` holds a clause break: sentence punctuation, or a comma that is not a thousands
/// separator between digits.
fn breaks_clauses(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| match c {
        '。' | ';' | '、' | '》' | '」' => true,
        ',' => {
            !(i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        }
        _ => false,
    })
}

fn first_line_len(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

/// The field that lists every text field OCR read, each with the characters it read with
/// doubt (`["lessee:区", "lessor:"]`; see [`super::text::DOUBTFUL`]); a text layer's fields are
/// not listed.
pub const DOUBTFUL_CHARS: &str = "doubtful_chars";

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
/// Chinese organisation names are registered with full-width brackets (`博远（山西）…`); OCR
/// cannot tell `(` from `（` on a scan, so a name it read holding Chinese gets the registered
/// form (a text layer's name stays as written).
fn full_width_brackets(name: &str) -> String {
    if !name.chars().any(is_han) {
        return name.to_string();
    }
    name.replace('(', "（").replace(')', "）")
}

/// Makes the bracket pairs of a code agree. OCR reads `〕` as `]` and `（` as `(` now and then;
/// a printed number never mixes forms, so a mixed pair takes the Chinese form of its half that
/// has one (`〔2024]` → `〔2024〕`, `(2022）` → `（2022）`). Pairs already in one form stay. A
/// bracket read twice (`（2019)）`, more closing than opening, or `〔[2020]`, more opening) is
/// read once.
fn matched_brackets(code: &str) -> String {
    const PAIRS: [(char, char, char, char); 2] = [
        // (open as read, close as read) → the Chinese pair
        ('〔', '〕', '[', ']'),
        ('（', '）', '(', ')'),
    ];
    let closing: fn(char) -> bool = |c| matches!(c, ')' | '）' | ']' | '〕');
    let opening: fn(char) -> bool = |c| matches!(c, '(' | '（' | '[' | '〔');
    let mut chars: Vec<char> = code.chars().collect();
    // (a closing one first, `（2019)）`, then an opening one, `〔[2020]`: the first as read stays)
    for (extra, other) in [(closing, opening), (opening, closing)] {
        if chars.iter().filter(|&&c| extra(c)).count() > chars.iter().filter(|&&c| other(c)).count()
            && let Some(twice) = chars.windows(2).position(|w| extra(w[0]) && extra(w[1]))
        {
            chars.remove(twice + 1);
        }
    }
    for (zh_open, zh_close, ascii_open, ascii_close) in PAIRS {
        let open = chars.iter().position(|&c| c == zh_open || c == ascii_open);
        let close = chars
            .iter()
            .rposition(|&c| c == zh_close || c == ascii_close);
        if let (Some(o), Some(c)) = (open, close)
            && o < c
            && (chars[o] == zh_open) != (chars[c] == zh_close)
        {
            chars[o] = zh_open;
            chars[c] = zh_close;
        }
    }
    // `〔` closed by `)`/`）` or `(`/`（` closed by `〕`: the form printed first wins.
    if let (Some(o), Some(c)) = (
        chars.iter().position(|&c| c == '〔'),
        chars.iter().rposition(|&c| c == ')' || c == '）'),
    ) && o < c
        && !chars[o..c].contains(&'〕')
    {
        chars[c] = '〕';
    }
    chars.into_iter().collect()
}

/// A party's role word alone on its line, where a name would start.
static ROLE_CELL_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:{}|{})\n",
        kinds::LESSOR_ROLE,
        kinds::LESSEE_ROLE
    ))
    .expect("static regex")
});

/// The length in bytes of a brand (two to four characters) that starts `head` and stands again
/// inside the whole name after it (`中惠山西中惠会计师事务所(普通合伙)`), if there is one.
fn brand_before_name(head: &str) -> Option<usize> {
    let head = head.trim_start();
    // (the longest brand: `联信达中联信达…` is not `联信` before `达中联信达…`)
    (2..=4).rev().find_map(|n| {
        let len = head.char_indices().nth(n)?.0;
        let (brand, rest) = head.split_at(len);
        // (the brand stands again a few characters in, after the firm's place, and is no
        // place itself: `大同市大同…`, `山西省凯达(山西)…` are whole names)
        let again = rest.find(brand)?;
        (all_han(brand)
            && rest.chars().count() >= 6
            && (1..=3).contains(&rest[..again].chars().count())
            && !rest.starts_with(['省', '市', '县', '区'])
            && !rest[..again].contains('(')
            && WHOLE_NAME.is_match(rest))
        .then_some(len)
    })
}

fn parse_value(
    parse: Parse,
    raw: &str,
    whole: &str,
    norm: &Norm,
    range: std::ops::Range<usize>,
) -> Result<(Value, f32, std::ops::Range<usize>), Unparsed> {
    // (a bracket that opens at the value's end opens what the next line holds, `…公司(` /
    // `统一社会信用代码:…)`: no part of the value)
    let trimmed_len = raw
        .trim_end_matches([
            ',', '.', '。', ';', ':', ' ', '\n', '、', '/', '(', '（', '[', '【', '〔',
        ])
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
            if parse == Parse::Name {
                r = name_part(raw, r).ok_or(Unparsed::No)?;
                // the last character of an address the reading ran into the name after it
                // (`住所:…271号` / `长治市…有限责任公司(下称…)` joined): no name starts so
                let head = &norm.text[r.clone()];
                if let Some(rest) = head.strip_prefix(['号', '层', '室'])
                    && rest.chars().count() >= 4
                    && WHOLE_NAME.is_match(rest)
                {
                    r.start += head.len() - rest.len();
                }
                // a names row's label the reading ran into the name under it (`名称(姓名)` /
                // `XX公司`): no name starts with the word for a name
                let head = &norm.text[r.clone()];
                if let Some(m) = NAME_ROW_HEAD.find(head)
                    && WHOLE_NAME.is_match(head[m.end()..].trim_start())
                {
                    r.start += m.end();
                    r.start += norm.text[r.clone()].len() - norm.text[r.clone()].trim_start().len();
                }
                // an option left open on a form (`□承租人`) is no part of a name: the reading ran
                // from a role word over the options of its cell
                if norm.text[r.clone()].trim_start().starts_with(['□', '☐']) {
                    return Err(Unparsed::No);
                }
                // another party's role cell the reading ran into (`甲方` / `次承租人` / `XX公司`
                // in a table whose last column holds the positions): that row's name, not this
                if let Some(m) = ROLE_CELL_START.find(&norm.text[r.clone()])
                    && WHOLE_NAME.is_match(&norm.text[r.clone()][m.end()..])
                {
                    return Err(Unparsed::No);
                }
                // a letterhead's brand printed before the name it shortens (`中惠 山西中惠会计师
                // 事务所`): the brand is a piece of the name, not its start
                let head = &norm.text[r.clone()];
                if let Some(brand_len) = brand_before_name(head) {
                    r.start += brand_len;
                }
            }
            let value = norm.original(r.clone());
            if value.trim().is_empty() {
                return Err(Unparsed::No);
            }
            // a legal form alone is the tail of a name whose head is on the line before; `见
            // 《登记表》` points elsewhere; a clause's number (第一条) is no one's name
            if parse == Parse::Name
                && (LEGAL_FORM_ONLY.is_match(&normalise(&value))
                    || NOT_A_NAME.is_match(value.trim())
                    || value.trim_start().starts_with(['见', '详'])
                    || CLAUSE_NUMBER.is_match(value.trim()))
            {
                return Err(Unparsed::No);
            }
            // a name read over two lines (a wrapped salutation) is one name; a labelled line
            // between its parts is another column's cell the reading set there
            let value = if parse == Parse::Name {
                if value.contains(['\n', '\t']) {
                    value
                        .split(['\n', '\t'])
                        .filter(|l| !l.contains([':', '：']))
                        .collect()
                } else {
                    value
                }
            } else {
                value
            };
            // a seal request the reading set inside the name it is printed over
            // (`…股份有(盖章)限公司`), or after it with its brackets lost (`…有限公司印`), is no
            // part of it
            let value = if parse == Parse::Name {
                without_seal(&normalise(&value)).unwrap_or(value)
            } else {
                value
            };
            let value = if parse == Parse::Name && norm.from_ocr(r.clone()) {
                full_width_brackets(value.trim())
            } else {
                value.trim().to_string()
            };
            Ok((Value::String(value), 1.0, r))
        }
        Parse::Code => {
            let value: String = norm
                .original(range.clone())
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let mut value = matched_brackets(&value);
            // the bracket that closes a parenthetical around the label and its value
            // (`(报告核验号:1421-…)。`) is no part of the code: one that opens nothing in it
            let closing = |c: &char| matches!(c, ')' | '）' | ']' | '】' | '〕');
            let opening = |c: &char| matches!(c, '(' | '（' | '[' | '【' | '〔');
            while value.chars().last().is_some_and(|c| closing(&c))
                && value.chars().filter(closing).count() > value.chars().filter(opening).count()
            {
                value.pop();
            }
            // a code printed in brackets under its caption (`业务报备二维码` / `(SXZX2022…)`):
            // the brackets are no part of it
            if let Some(inner) = value
                .strip_prefix(['(', '（'])
                .and_then(|v| v.strip_suffix([')', '）']))
                .filter(|v| !v.contains(['(', '（', ')', '）']) && !v.chars().any(is_han))
            {
                value = inner.to_string();
            }
            // a footer's page marker run into the code beside it (`…0774 Page 1 of 2`)
            static PAGE_MARK: LazyLock<Regex> = LazyLock::new(|| {
                regex(r"(?i)page\d{1,3}(?:(?:of|/)\d{1,3})?$").expect("static regex")
            });
            if let Some(m) = PAGE_MARK.find(&value).filter(|m| m.start() >= 6) {
                value.truncate(m.start());
            }
            // a number that a sentence goes on after (`本报告(文号:…第774号)已于…报备`): the
            // number ends at its 号
            if let Some(n) = NUMBER_THEN_MORE.captures(&value).and_then(|c| c.name("n")) {
                let end = n.end();
                value.truncate(end);
            }
            // a long number printed in groups for reading (1408-2020-5772-5230-75) is one code
            if DIGIT_GROUPS.is_match(&value) {
                value.retain(|c| c.is_ascii_alphanumeric());
            }
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
                    LazyLock::new(|| regex(&dates::DATE_RE).expect("static regex"));
                static BLANK: LazyLock<Regex> =
                    LazyLock::new(|| regex(dates::BLANK_DATE_RE).expect("static regex"));
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
                LazyLock::new(|| regex(&dates::DATE_RE).expect("static regex"));
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
                LazyLock::new(|| regex(r"^(\d{4})年度$").expect("static regex"));
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

/// The lines of the text as printed: cut at hard breaks and where soft ones were joined away.
/// (byte range, line).
fn printed_lines(norm: &Norm) -> Vec<(std::ops::Range<usize>, &str)> {
    let text = norm.text.as_str();
    let mut cuts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    cuts.extend(norm.soft_breaks.iter().copied());
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut lines = Vec::with_capacity(cuts.len());
    let mut at = 0;
    for cut in cuts {
        lines.push((at..cut, &text[at..cut]));
        at = if text[cut..].starts_with('\n') {
            cut + 1
        } else {
            cut
        };
    }
    lines
}

/// A code's payload printed as a line of its own in the text (the human-readable line under a
/// barcode), or as the run that ends a line (printed at the margin beside the symbol): the field
/// `spec.printed_payload` names, for a document whose labels and patterns left it empty.
/// Slightly less sure than a labelled value: the line has no label of its own.
pub fn printed_payload(c: &Compiled, norm: &Norm, payloads: &[&str], reading: &mut Reading) {
    let Some(field) = c.spec.printed_payload else {
        return;
    };
    if reading.fields.contains_key(field) {
        return;
    }
    for (range, line) in printed_lines(norm) {
        // a caption beside the code on its line (`扫码查验真伪 1411…`): the code is what
        // follows the caption's words
        let code_at = line
            .char_indices()
            .find(|&(_, c)| c.is_ascii_alphanumeric())
            .map_or(line.len(), |(i, _)| i);
        let caption = &line[..code_at];
        let token: String = if caption.chars().count() <= 12
            && caption
                .chars()
                .all(|c| !c.is_ascii() || c == ' ' || c == ':')
        {
            &line[code_at..]
        } else {
            // a code printed beside the symbol at the margin, its text run set on the same
            // line as a body line's end (`…挪作他用的,2022101411613561`): the letters and
            // digits that end the line, after the body's own words
            let line = line.trim_end();
            let run_at = line
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
                .last()
                .map_or(line.len(), |(i, _)| i);
            let body = line[..run_at].trim_end();
            if !body.is_empty() && body.ends_with(|c: char| !c.is_ascii() || ",;".contains(c)) {
                &line[run_at..]
            } else {
                line
            }
        }
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
        if !(10..=40).contains(&token.len())
            || !token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            || !token.starts_with(|c: char| c.is_ascii_alphanumeric())
            || !token.ends_with(|c: char| c.is_ascii_alphanumeric())
        {
            continue;
        }
        // (the report's number, which the symbol may carry too, is no code)
        if reading
            .fields
            .get("report_no")
            .and_then(|f| f.value.as_str())
            == Some(&token)
        {
            continue;
        }
        // the whole payload, or one part of it (the code in a URL's path or query: a caption
        // `扫码查验报告真伪` over the code alone, whose symbol carries `…/yz/<code>`; a code
        // whose parts dots join, `SXBG.2022.4207267`, after a caption in the payload)
        if payloads.iter().any(|p| {
            p.trim() == token
                || p.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
                    .any(|part| part == token)
                || p.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .any(|part| part == token)
        }) {
            let loc = norm.locate(range);
            reading.fields.insert(
                field.to_string(),
                Field {
                    value: Value::String(token),
                    confidence: (loc.confidence * 0.9).clamp(0.0, 1.0),
                    evidence: evidence(&loc),
                },
            );
            return;
        }
    }
}

/// A verification code printed in groups for the eye (`2022-4451-7120-9943`) is read as one
/// code without its hyphens, unless a code on the document carries it with them: then the
/// hyphens are part of the code as its registry writes it, and they stay.
pub fn code_as_carried(norm: &Norm, payloads: &[&str], reading: &mut Reading) {
    let Some(field) = reading.fields.get_mut("report_code") else {
        return;
    };
    let Some(value) = field.value.as_str().map(str::to_string) else {
        return;
    };
    if value.contains('-') {
        return;
    }
    let carried = GROUPED_CODES
        .find_iter(&norm.text)
        .map(|m| m.as_str())
        .find(|printed| {
            printed.replace('-', "") == value && payloads.iter().any(|p| p.contains(printed))
        });
    if let Some(printed) = carried {
        field.value = Value::String(printed.to_string());
    }
}

/// A bracket of any shape as `(` or `)`; other characters as they are.
fn bracket_folded(c: char) -> char {
    match c {
        '(' | '[' | '〔' | '【' | '（' | '［' | '{' | '﹝' | '〖' => '(',
        ')' | ']' | '〕' | '】' | '）' | '］' | '}' | '﹞' | '〗' => ')',
        c => c,
    }
}

/// A report number read with other brackets than the ones printed (OCR reads `﹝2022﹞` as
/// `（2022）`), when a code on the document carries the number: the number as the code carries
/// it, the brackets being the only difference.
pub fn number_as_carried(payloads: &[&str], reading: &mut Reading) {
    let Some(field) = reading.fields.get_mut("report_no") else {
        return;
    };
    let Some(value) = field.value.as_str() else {
        return;
    };
    let folded: Vec<char> = value.chars().map(bracket_folded).collect();
    if folded.is_empty() {
        return;
    }
    for p in payloads {
        let decoded: Vec<char> = percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .chars()
            .collect();
        let found = decoded.windows(folded.len()).find(|w| {
            w.iter()
                .map(|&c| bracket_folded(c))
                .eq(folded.iter().copied())
        });
        if let Some(carried) = found {
            let carried: String = carried.iter().collect();
            if carried != value {
                field.value = Value::String(carried);
            }
            return;
        }
    }
}

/// The parts of the codes' payloads that are printed somewhere in the document
/// (`printed_code_tokens`): a number or code a QR code carries and the page also prints is not a
/// disagreement with the page, whichever line the report number was read from. A URL's
/// percent-encoded parts are decoded first, and a part is found printed whatever white space,
/// grouping hyphens or bracket shapes the print or the payload puts in it.
pub fn payload_seen(c: &Compiled, norm: &Norm, payloads: &[&str], reading: &mut Reading) {
    if c.spec.printed_payload.is_none() {
        return;
    }
    let (squashed, at) = squashed_text(&norm.text);
    let mut seen: Vec<Value> = Vec::new();
    let mut first: Option<std::ops::Range<usize>> = None;
    for p in payloads {
        let decoded = percent_encoding::percent_decode_str(p).decode_utf8_lossy();
        for token in
            decoded.split(|c: char| c.is_whitespace() || ":：,，;；&=?/#|、'\"<>".contains(c))
        {
            let token = normalise(token);
            if token.chars().count() < 6
                || !token.chars().any(|c| c.is_ascii_digit())
                || seen.iter().any(|v| v.as_str() == Some(token.as_str()))
            {
                continue;
            }
            let (needle, _) = squashed_text(&token);
            if needle.chars().count() < 6 {
                continue;
            }
            if let Some(i) = squashed.find(&needle) {
                let start = at[i];
                let last = at[i + needle.len() - 1];
                let end = last + norm.text[last..].chars().next().map_or(0, char::len_utf8);
                first.get_or_insert(start..end);
                seen.push(Value::String(token));
            }
        }
    }
    if let Some(range) = first {
        let loc = norm.locate(range);
        reading.fields.insert(
            "printed_code_tokens".to_string(),
            Field {
                value: Value::Array(seen),
                confidence: loc.confidence.clamp(0.0, 1.0),
                evidence: evidence(&loc),
            },
        );
    }
}

/// `text` without white space, hyphens and line breaks, every bracket shape as `(`/`)`, and
/// for each byte of the result the byte of `text` it came from.
fn squashed_text(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        let ch = match ch {
            c if bracket_folded(c) != c => bracket_folded(c),
            c if c.is_whitespace() || matches!(c, '-' | '—' | '_') => continue,
            c => c,
        };
        let start = out.len();
        out.push(ch);
        at.extend(std::iter::repeat_n(i, out.len() - start));
    }
    (out, at)
}

/// A role word joined to the front of a code's label (`转租方统一社会信用代码:`).
static ROLE_BEFORE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!("(?:{})$", kinds::ROLE_WORDS)).expect("static regex"));

/// The party a code's own label names by its role (`转租方统一社会信用代码:`, `承租人信用代码`),
/// in a kind whose parties are a lessor and a lessee: the label says whose code it is, wherever
/// the names stand (two codes under the parties' lines are not both the nearer one's).
fn code_label_party(
    c: &Compiled,
    text: &str,
    label_at: usize,
    fields: &BTreeMap<String, Field>,
) -> Option<String> {
    if !(c.spec.parties.contains(&"lessor") && c.spec.parties.contains(&"lessee")) {
        return None;
    }
    let line = text[..label_at].rsplit('\n').next().unwrap_or("");
    let word = ROLE_BEFORE_LABEL.find(line)?;
    let role = if party_words::stem_role(word.as_str())? {
        "lessor"
    } else {
        "lessee"
    };
    fields.get(role)?.value.as_str().map(str::to_string)
}

/// Every credit code printed, repaired for OCR confusions, with the party its label names by
/// role, or else the party printed nearest before it, and its check-character validity.
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
    // the text without line breaks, and where each of its chars stands in the text
    let mut flat = String::new();
    let mut flat_at: Vec<usize> = Vec::new();
    let mut flat_byte: Vec<usize> = Vec::new();
    for (at, ch) in text.char_indices().filter(|&(_, ch)| ch != '\n') {
        flat_byte.push(flat.len());
        flat_at.push(at);
        flat.push(ch);
    }
    let mut items = Vec::new();
    let mut first: Option<Located> = None;
    let mut conf = 1.0f32;
    for caps in CREDIT.captures_iter(text) {
        let m = caps.name("v").expect("group v");
        let (code, repaired) = codes::repair(m.as_str());
        let valid = codes::is_valid(&code);
        let before = &text[..m.start()];
        let loc = norm.locate(m.range());
        let code_place = norm.place(m.range());
        // each party's last mention before the code (a name may wrap over lines in a narrow
        // cell), nearest first, as (start, end) in the text
        let cut = flat_at.partition_point(|&at| at < m.start());
        let flat_before = &flat[..flat_byte.get(cut).copied().unwrap_or(flat.len())];
        let mut mentions: Vec<(usize, usize, &String)> = parties
            .iter()
            .filter_map(|(n, orig)| {
                let at = flat_before.rfind(n.as_str())?;
                let first = flat_byte.partition_point(|&b| b < at);
                let last = flat_byte.partition_point(|&b| b < at + n.len()) - 1;
                let end = flat_at[last] + text[flat_at[last]..].chars().next()?.len_utf8();
                Some((flat_at[first], end, orig))
            })
            .collect();
        mentions.sort_by_key(|(at, ..)| std::cmp::Reverse(*at));
        // the nearest party before the code, unless another organisation is named between
        // them (a third party's own table: 丙方(物业服务方) / 名称 / Y / 统一社会信用代码 / …)
        let nearest = mentions.first().filter(|(_, end, _)| {
            !ORG_NAME
                .find_iter(&before[*end..])
                .any(|o| !parties.iter().any(|(p, _)| p == o.as_str()))
        });
        // Parties side by side (甲方 | 乙方 columns) come out of reading order row by row, so
        // the nearest name in the text may stand in the other column: a code belongs to the
        // party above it in its own column when the nearest one is not in that column.
        let column = |at: usize, end: usize| -> Option<bool> {
            let ((named_page, a), (_, b)) = (norm.place(at..end)?, code_place?);
            (named_page == loc.page && a[1] < b[1]).then_some(share_column(&a, &b))
        };
        let by_place = match mentions.first() {
            Some(&(at, end, _)) if column(at, end) == Some(false) => mentions
                .iter()
                .find(|&&(at, end, _)| column(at, end) == Some(true))
                .or(nearest),
            _ => nearest,
        }
        .map(|(_, _, orig)| (*orig).clone());
        let party = code_label_party(
            c,
            text,
            caps.get(0).map_or(m.start(), |l| l.start()),
            fields,
        )
        .or(by_place);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Page, TextSource};

    /// One A4 page of `text` read from `source`, without spans.
    fn page(text: &str, source: TextSource) -> Page {
        Page {
            number: 1,
            width: 1654,
            height: 2339,
            text: text.into(),
            text_source: source,
            spans: vec![],
            confidence: 1.0,
            codes: vec![],
            image_sha256: None,
            warnings: vec![],
        }
    }

    /// The fields of `text` read as one OCR page of `kind`, the way `understand` does.
    fn read(kind: DocumentKind, text: &str) -> BTreeMap<String, Field> {
        read_page(kind, &page(text, TextSource::Ocr))
    }

    /// The fields of `text` read as one text-layer page of `kind`.
    fn read_text_layer(kind: DocumentKind, text: &str) -> BTreeMap<String, Field> {
        read_page(kind, &page(text, TextSource::TextLayer))
    }

    /// A page of table cells at the given places (x, y of each cell's top left), one printed
    /// row per distinct y, as OCR gives it; each cell `width` wide.
    fn placed_page(width: f32, cells: &[(&str, f32, f32)]) -> Page {
        let mut page = page("", TextSource::Ocr);
        for (k, (cell, x, y0)) in cells.iter().enumerate() {
            if k > 0 {
                let same_row = cells[k - 1].2 == *y0;
                page.text.push(if same_row { '\t' } else { '\n' });
            }
            let start = page.text.chars().count();
            page.text.push_str(cell);
            let end = page.text.chars().count();
            page.spans.push(crate::model::TextSpan {
                start,
                end,
                bbox: [*x, *y0, x + width, y0 + 0.02],
                confidence: 0.99,
            });
        }
        page
    }

    /// A page OCR read off a scan fed askew: each row's cells `(x, text)` at its `y`, one box
    /// per character (0.015 wide), every box lower by `slope` per unit of x.
    fn askew_page(slope: f32, rows: &[(f32, &[(f32, &str)])]) -> Page {
        let mut page = page("", TextSource::Ocr);
        for (r, (y, cells)) in rows.iter().enumerate() {
            for (k, (x0, cell)) in cells.iter().enumerate() {
                if r > 0 || k > 0 {
                    page.text.push(if k > 0 { '\t' } else { '\n' });
                }
                for (i, ch) in cell.chars().enumerate() {
                    let start = page.text.chars().count();
                    page.text.push(ch);
                    let x = x0 + 0.015 * i as f32;
                    let top = y + slope * (x - 0.5);
                    page.spans.push(crate::model::TextSpan {
                        start,
                        end: start + 1,
                        bbox: [x, top, x + 0.014, top + 0.018],
                        confidence: 0.99,
                    });
                }
            }
        }
        page
    }

    #[test]
    fn a_form_of_numbered_items_on_a_scan_fed_askew() {
        // `(1)转租人 | (2)转租人统一社会信用代码` over the name and the code: a header row whose
        // second cell stands lower than the first by the page's skew
        let rows: &[(f32, &[(f32, &str)])] = &[
            (0.10, &[(0.35, "房屋转租合同(表格式)")]),
            (
                0.15,
                &[(0.14, "(1)转租人"), (0.52, "(2)转租人统一社会信用代码")],
            ),
            (
                0.18,
                &[
                    (0.14, "晋中市某某网络科技有限公司"),
                    (0.52, "911401077LPJLC5W0M"),
                ],
            ),
            (
                0.21,
                &[(0.14, "(3)次租人"), (0.52, "(4)次租人统一社会信用代码")],
            ),
            (
                0.24,
                &[
                    (0.14, "阳泉市某某智能科技有限公司"),
                    (0.52, "91140105268PJUUF0F"),
                ],
            ),
            (0.27, &[(0.14, "(11)转租期限")]),
            (0.30, &[(0.14, "自2022年04月15日至2025年04月14日")]),
            (
                0.33,
                &[(
                    0.12,
                    "次租人使用房屋应遵守原租赁合同的约定,转租期限届满时交还转租人。",
                )],
            ),
        ];
        for slope in [0.0, 0.028, -0.028] {
            let f = read_page(DocumentKind::Lease, &askew_page(slope, rows));
            assert_eq!(
                get(&f, "lessor"),
                Some(&json!("晋中市某某网络科技有限公司")),
                "{slope}"
            );
            assert_eq!(
                get(&f, "lessee"),
                Some(&json!("阳泉市某某智能科技有限公司")),
                "{slope}"
            );
            assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        }
    }

    /// A placed page with a lease's header row (出租方 | 承租方 | 租赁期限) over `cells`, the
    /// contract's title above and a sentence below the table.
    fn header_row_page(cells: &[(&str, f32, f32)]) -> Page {
        let mut all = vec![
            ("房屋整体承租合同", 0.35, 0.04),
            ("出租方", 0.12, 0.10),
            ("承租方", 0.36, 0.10),
            ("租赁期限", 0.60, 0.10),
        ];
        all.extend_from_slice(cells);
        all.push((
            "上表为本合同首部信息栏,与下列通用条款共同构成本合同。",
            0.10,
            0.30,
        ));
        placed_page(0.2, &all)
    }

    #[test]
    fn a_header_rows_first_cells_centred_low_in_a_tall_row() {
        // 出租方 | 承租方 | 租赁期限 over a person's name of one line, centred, beside a company's
        // name of two
        let page = header_row_page(&[
            ("万某芬", 0.12, 0.21),
            ("运城市某某众创空间投资", 0.36, 0.19),
            ("管理股份有限公司", 0.36, 0.215),
            ("6年", 0.60, 0.20),
        ]);
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "lessor"), Some(&json!("万某芬")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("运城市某某众创空间投资管理股份有限公司"))
        );
    }

    #[test]
    fn a_header_rows_cells_read_across_the_row_line_by_line() {
        // OCR gives the row line by line across its cells: each name's second line comes
        // after its neighbour's first
        let page = header_row_page(&[
            ("太原市某某信息技术有限", 0.12, 0.14),
            ("晋中市某某(山西)文化", 0.36, 0.14),
            ("五年", 0.60, 0.14),
            ("公司", 0.12, 0.16),
            ("传媒有限公司", 0.36, 0.16),
        ]);
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原市某某信息技术有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋中市某某（山西）文化传媒有限公司"))
        );
    }

    #[test]
    fn a_header_rows_name_whose_tail_was_read_before_its_head() {
        let page = header_row_page(&[
            ("山西省某某电子商务有限", 0.12, 0.14),
            ("责任公司", 0.12, 0.16),
            ("公司", 0.36, 0.165),
            ("大同市某某物业管理有限", 0.36, 0.145),
            ("2020-06-01至2025-05-31", 0.60, 0.15),
        ]);
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西省某某电子商务有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市某某物业管理有限公司"))
        );
        // the term's cell read tail first is no range of one run of text: no term from it,
        // and no reader trips over its lines' order
        let page = header_row_page(&[
            ("龙某艳", 0.12, 0.15),
            ("忻州市某某智能科技股份有限公司", 0.36, 0.15),
            ("12月31日", 0.60, 0.165),
            ("2017年1月1日至2021年", 0.60, 0.145),
        ]);
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "lessor"), Some(&json!("龙某艳")));
    }

    #[test]
    fn a_certificates_number_typed_one_character_a_box() {
        let mut page = page("", TextSource::TextLayer);
        let mut cells: Vec<(String, f32, f32)> = vec![
            ("房屋所有权证".into(), 0.39, 0.10),
            ("房屋所有权证号".into(), 0.18, 0.15),
            ("运房权证字第".into(), 0.32, 0.15),
        ];
        for (k, d) in "55651817号".chars().enumerate() {
            cells.push((d.to_string(), 0.447 + 0.0235 * k as f32, 0.15));
        }
        cells.push(("房屋所有权人".into(), 0.14, 0.19));
        cells.push(("山西省某某创业服务有限责任公司".into(), 0.28, 0.19));
        for (k, (cell, x, y)) in cells.iter().enumerate() {
            if k > 0 {
                page.text.push('\n');
            }
            let start = page.text.chars().count();
            page.text.push_str(cell);
            let w = if cell.chars().count() == 1 {
                0.012
            } else {
                0.11
            };
            page.spans.push(crate::model::TextSpan {
                start,
                end: page.text.chars().count(),
                bbox: [*x, *y, x + w, y + 0.013],
                confidence: 1.0,
            });
        }
        let f = read_page(DocumentKind::HouseOwnershipCertificate, &page);
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("运房权证字第55651817号"))
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("山西省某某创业服务有限责任公司"))
        );
    }

    #[test]
    fn a_term_from_a_delivery_day_and_its_first_and_last_days_named() {
        for (text, start, end) in [
            (
                "厂房租赁合同\n第三条租赁期限\n租赁期限壹拾(10)年,自首批房屋交付之日即二零一九年一月一日起,至二零二八年十二月三十一日止;第二批房屋的租赁期限与首批房屋同时届满。",
                "2019-01-01",
                "2028-12-31",
            ),
            (
                "厂房租赁合同\n租赁期限自首批房屋交付之日即2019年1月15日起,至2022年1月14日止;租金自交付之日起计收。",
                "2019-01-15",
                "2022-01-14",
            ),
            (
                "房屋租赁合同\n二、出租期限\n出租期限为2年6个月,起租之日为2022年12月1日,期满之日为2025年5月31日。",
                "2022-12-01",
                "2025-05-31",
            ),
        ] {
            let f = read_text_layer(DocumentKind::Lease, text);
            assert_eq!(get(&f, "term_start"), Some(&json!(start)), "{text}");
            assert_eq!(get(&f, "term_end"), Some(&json!(end)), "{text}");
        }
        // a fit-out period or a deposit's time counted from the same day is no term
        for text in [
            "厂房租赁合同\n装修期限自房屋交付之日即2019年1月1日起,至2019年2月28日止。",
            "厂房租赁合同\n保证金支付期限自合同签订之日即2019年1月1日起,至2019年1月10日止。",
            "厂房租赁合同\n计租期自免租期满之日即2021年4月1日起至2024年3月31日止。",
            "厂房租赁合同\n免租期为三个月,开始之日为2021年1月1日,结束之日为2021年3月31日。",
        ] {
            let f = read_text_layer(DocumentKind::Lease, text);
            let sure = f.get("term_start").is_some_and(|t| t.confidence >= 0.85);
            assert!(!sure, "{text}: {:?}", f.get("term_start"));
        }
    }

    #[test]
    fn a_reports_number_and_code_cited_by_the_applicants_undertaking() {
        // the number wrapped after the firm's words, the code inside the bracket it closes
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "关于专项审计报告的承诺书\n本单位委托山西某某会计师事务所(特殊普通合伙)对本单位2020年度小微企业创业创新基地运营情况进行了专项审计,该所出具了专项审计报告(报告文号:天元专\n项审字〔2021〕第610号;报告核验号:1421-0424-9854-7093)。\n\
             专项审计报告\n太原市某某企业管理咨询有限公司董事会及审计委员会:\n受贵公司委托,我们对贵公司基地运营情况进行了专项审计。我们认为,有关资料真实。",
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("天元专项审字〔2021〕第610号"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("1421042498547093")));
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("太原市某某企业管理咨询有限公司"))
        );
        // …or broken inside its year's bracket
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "关于专项审计报告的承诺书\n本单位委托山西某某会计师事务所有限公司对本单位2023年度小微企业创业创新基地运营情况进行了专项审计,该所出具了专项审计报告(报告文号:信达诚核审［\n2024］0783号;报告核验号:141120243580627049)。",
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("信达诚核审［2024］0783号"))
        );
        // a form's row of cells set apart by a bar, the salutation on the line under it
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n编号岚县会审字〔2023〕JS-445号|报告日期2023年4月2日\n\
             太原市某某文化传媒股份有限公司执行董事及经理:\n受贵公司委托,我们对贵公司基地运营情况进行了专项审计。\n\
             报告信息\n报备验真号\n140220214960554704",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("太原市某某文化传媒股份有限公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140220214960554704")));
    }

    #[test]
    fn a_subleases_old_and_new_tenants_and_its_owner() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n原租户(甲方):临汾市某某投资管理有限责任公司\n统一社会信用代码:911401063YBNFR424H\n\
             新租户(乙方):阳泉市某某企业管理咨询股份有限公司\n业主:夏某琳\n\
             甲方于2019年3月25日与业主签订房屋租赁合同,承租业主位于山西省晋中市榆次区某路23号的房屋。经业主书面同意,甲方将其中部分房屋转租给乙方。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市某某投资管理有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市某某企业管理咨询股份有限公司"))
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        // a register's archive answer names the place in its opening sentence
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋权属档案查询结果\n经查询本中心房屋权属登记档案,坐落于山西省运城市盐湖区某街319号7号楼8层的房屋登记信息如下:\n\
             房屋所有权证号\n运房权证字第84556789号\n房屋所有权人\n临汾市某某科技发展有限公司\n规划用途\n工业\n权属状态\n有效",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省运城市盐湖区某街319号7号楼8层"))
        );
        assert_eq!(get(&f, "usage"), Some(&json!("工业")));
    }

    #[test]
    fn a_seals_fragment_or_a_rows_label_under_signature_heads_is_no_party() {
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n转租人(盖章)\t次租人(盖章)\n限公\n签署日期\t签署日期\n2022年03月27日\t2022年03月27日",
        );
        assert_eq!(get(&f, "lessor"), None);
        assert_eq!(get(&f, "lessee"), None);
        assert!(!person_name("限公") && !person_name("签署日期"));
        assert!(!person_name("单位名称") && !person_name("单独所有") && !person_name("董事会"));
        assert!(person_name("萧辉玲") && person_name("欧阳明"));
    }

    #[test]
    fn a_report_addressed_to_its_management_team_and_its_check_code() {
        let f = read(
            DocumentKind::AuditReport,
            "报告查验指引\n晋中某某会计师事务所有限公司为山西省某某科技有限责任公司出具的\n\
             专项审计报告，本报告事务所文号为某某（2023）专审372号。\n报告核查码：140220236473369686\n\
             专项审计报告\n山西省某某科技有限责任公司经营管理团队：\n\
             根据业务约定书，我们审计了贵公司2022年度创业创新基地的入驻企业及运营服务情况。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西省某某科技有限责任公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140220236473369686")));
    }

    #[test]
    fn a_term_named_as_lease_years_or_a_lease_period_and_its_days_after_their_dates() {
        let f = read(
            DocumentKind::Lease,
            "厂房租赁合同\n第三条 租赁年期\n本合同租赁年期为十年。\n第四条 起租及届满\n\
             起租之日以交接确认书记载的交付日为准。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 10, "months": 0}))
        );
        // the day rent starts and the day the term expires, each named after its date
        let f = read(
            DocumentKind::Lease,
            "厂房租赁合同\n第三条 租赁年期\n本合同租赁年期的起止以第四条为准。\n第四条 起租及届满\n\
             双方确认，贰零贰壹年玖月壹拾伍日为起租之日，贰零贰陆年玖月壹拾肆日为租赁年期届\n满之日。\n\
             承租方应于2021年8月29日前向出租方交纳租赁保证金230,000元。",
        );
        for (field, day) in [("term_start", "2021-09-15"), ("term_end", "2026-09-14")] {
            let got = f.get(field).expect(field);
            assert_eq!(got.value, json!(day), "{field}");
            assert!(got.confidence >= 0.9, "{field}: {}", got.confidence);
        }
        // a rent-free period's end is no term's
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n2018年12月31日为免租期届满之日。",
        );
        assert_eq!(get(&f, "term_end"), None);
        // 租约期, its length before the range, a renewal option's range after it
        for (text, start, end) in [
            (
                "房屋租赁协议\n第2款 租约期为期5年，即二零二零年一月一日至二零二四年十二月三十一日。",
                "2020-01-01",
                "2024-12-31",
            ),
            (
                "房屋租赁协议\n第2款租约期为二零一八年七月一日至二零二一年六月三十日。\n\
                 第4款 承租方享有续租选择权:续租期五年（二零二一年七月一日一二零二六年六月三十日）。",
                "2018-07-01",
                "2021-06-30",
            ),
            (
                "办公用房租赁合同\n贰、租赁期\n租赁期60个月（五年），从二○一九年四月一日起计算，到二○二四年三月三十一日止。\n\
                 出租方应于二○一九年三月十七日前将房屋交付承租方。",
                "2019-04-01",
                "2024-03-31",
            ),
        ] {
            let f = read(DocumentKind::Lease, text);
            for (field, day) in [("term_start", start), ("term_end", end)] {
                let got = f.get(field).expect(field);
                assert_eq!(got.value, json!(day), "{text}: {field}");
                assert!(got.confidence >= 0.95, "{text}: {field} {}", got.confidence);
            }
        }
    }

    #[test]
    fn owners_in_rows_with_their_ids_under_the_owners_heading() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不 动 产 权 证 书\n权利人信息\n\
             临汾市某某信息技术有限公司　统一社会信用代码：91140200PB9GE9Q77L　按份共有，份额\n62%\n\
             夏某　身份证号码：140403197812101207　按份共有，份额38%\n不动产信息\n坐落\n山西省长治市某路399号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("临汾市某某信息技术有限公司")));
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!(["临汾市某某信息技术有限公司", "夏某"]))
        );
        assert_eq!(get(&f, "co_ownership"), Some(&json!("按份共有")));
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n一、权利状况\n权 利 人\n\
             太原市某某科技有限责任公司（统一社会信用代码：91140107CM6J2W5U0E）\n\
             阳泉市某某物业管理有限公司（统一社会信用代码：91140108KU462EPJ18）\n共有情况\n共同共有",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("太原市某某科技有限责任公司")));
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "太原市某某科技有限责任公司",
                "阳泉市某某物业管理有限公司"
            ]))
        );
        // one owner with its code is no co-ownership
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n太原市某某科技有限责任公司（统一社会信用代码：91140107CM6J2W5U0E）\n\
             共有情况\n单独所有\n坐落\n山西省太原市某路1号",
        );
        assert_eq!(get(&f, "co_owners"), None);
        assert_eq!(get(&f, "co_ownership"), Some(&json!("单独所有")));
    }

    #[test]
    fn a_sublessors_label_wrapped_in_its_bracket_and_an_entry_agreements_roles() {
        // the label's note wrapped in a narrow cell; OCR's label a space before its value
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n一、转租基本情况\n房屋所有人\n忻州市某某信息技术有限公\n司\n\
             原合同编号\n2022YQZL0734\n转租人（原承租\n人）\n大同市某某物业管理有限责任公司\n\
             次承租人 山西某某实业有限公司\n房屋坐落\n山西省晋中市榆次区某街358号",
        );
        assert_parties_sure(&f, "大同市某某物业管理有限责任公司", "山西某某实业有限公司");
        // an entry agreement: the operator gives the tenant its room, the tenant pays the fee
        let f = read_text_layer(
            DocumentKind::Lease,
            "创新创业园入园服务协议\n甲方（园区服务方）：山西某某双创基地创业服务有限公司\n\
             乙方（入园创业企业）：运城市某某孵化器管理股份有限公司\n\
             1.甲方将园区1号楼303室提供给乙方作为办公场所，面积395.94平方米。\n\
             3.场地使用费每年140,000元，乙方按季度缴纳，首季费用于进驻前缴清。",
        );
        assert_parties_sure(
            &f,
            "山西某某双创基地创业服务有限公司",
            "运城市某某孵化器管理股份有限公司",
        );
        let f = read_text_layer(
            DocumentKind::Lease,
            "入园服务协议\n甲方：山西某某双创基地创业服务有限公司\n乙方：运城市某某孵化器管理股份有限公司\n\
             1.甲方将园区1号楼303室提供给乙方作为办公场所。",
        );
        assert_parties_sure(
            &f,
            "山西某某双创基地创业服务有限公司",
            "运城市某某孵化器管理股份有限公司",
        );
        // a parties' table whose second name's tail OCR gave before its first line
        let f = read(
            DocumentKind::Lease,
            "厂房租赁合同\n甲方将其厂房出租给乙方。\n当事人信息及送达地址确认书\n项目\t出租方\t承租方\n名称（姓名）\n\
             太原某某高新技术产业开发区创客\n(集团)电子商务股份有限公司\n司\n太原市某某孵化器管理股份有限公\n\
             证照类型\t统一社会信用代码\t统一社会信用代码",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("太原市某某孵化器管理股份有限公司"))
        );
        // the owner consenting in a column of its own before the sublease's two
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n转租人（原承租人）\n大同市某某物业管理有限责任公司\n次承租人\n山西某某实业有限公司\n\
             二、转租依据\n转租人与房屋所有人签订房屋租赁合同，承租上述房屋。\n\
             房屋所有人（同意转租）\n转租人\n次承租人\n忻州市某某信息技术有限公司\n\
             大同市某某物业管理有限责任公\n司\n山西某某实业有限公司\n2023年5月15日",
        );
        assert_parties_sure(&f, "大同市某某物业管理有限责任公司", "山西某某实业有限公司");
        // …the words of the third name's seal read over the first
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n转租人（原承租\n人）\n长治市某某智能科技有限公司\n次承租人 忻州市某某企业管理咨询有限责任公司\n\
             六、其他\n本合同一式三份，自三方签章之日起生效。\n\
             房屋所有人（同意转租）\t转租人\t次承租人\n企业管理\n太原市某某投资管理有限公司\n\
             长治市某某智能科技有限公司\n忻州市某某企业管理咨询有限责\n任公司\n2022/9/27\t2022/9/27\t2022/9/27",
        );
        assert_parties_sure(
            &f,
            "长治市某某智能科技有限公司",
            "忻州市某某企业管理咨询有限责任公司",
        );
        // a card's 企业名称 row below the signatures is no row of their table
        let page = placed_page(
            0.4,
            &[
                ("入园服务协议", 0.4, 0.02),
                (
                    "甲方（园区服务方）：山西某某孵化器管理有限责任公司",
                    0.1,
                    0.04,
                ),
                (
                    "乙方（入园创业企业）：大同市某某孵化器管理有限公司",
                    0.1,
                    0.06,
                ),
                ("甲方（盖章）", 0.1, 0.30),
                ("乙方（盖章）", 0.55, 0.30),
                ("山西某某孵化器管理有限责任公司", 0.1, 0.33),
                ("大同市某某孵化器管理有限公司", 0.55, 0.33),
                ("日期：2020年5月15日", 0.1, 0.36),
                ("日期：2020年5月15日", 0.55, 0.36),
                ("入园登记卡", 0.4, 0.42),
                ("企业名称", 0.1, 0.45),
                ("大同市某某孵化器管理有限公司", 0.55, 0.45),
                ("入园房间", 0.1, 0.48),
                ("5号楼506室", 0.55, 0.48),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_parties_sure(
            &f,
            "山西某某孵化器管理有限责任公司",
            "大同市某某孵化器管理有限公司",
        );
        // each party's heading over its own rows (`出租方信息` / `姓名:XX`, `承租方信息` / `名称:YY`)
        let f = read(
            DocumentKind::Lease,
            "办公用房租赁合同\n出租方信息\n姓名：徐某\n身份证号码：14018119910226904X\n\
             承租方信息\n名称：太原某某投资管理有限公司\n统一社会信用代码：91140700TKJPCPRT04\n\
             前列出租方、承租方经平等协商，共同订立本合同。",
        );
        assert_parties_sure(&f, "徐某", "太原某某投资管理有限公司");
        // a seal's ring words of four characters over the names
        assert!(seal_ring_words(
            "企业管理",
            "忻州市某某企业管理咨询有限责任公司"
        ));
        assert!(!seal_ring_words("李某华", "太原李某华商贸有限公司"));
    }

    #[test]
    fn a_signing_pages_rows_an_operators_position_and_rooms_let_side_by_side() {
        // each party's block: its role, then `名称(姓名)` over the name
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n第一部分　合同签署页\n出租人\n\n名称（姓名）\n\n太原市某某投资管理有限责任公司\n\n证照号码\n\n\
             91140108C6CNTQH71W\n\n承租人\n\n名称（姓名）\n\n运城市某某网络科技有限责任公司\n\n证照号码\n\n9114010531M1UL7U19",
        );
        assert_parties_sure(
            &f,
            "太原市某某投资管理有限责任公司",
            "运城市某某网络科技有限责任公司",
        );
        // the base's operator named with its position is that position: here the tenant
        let f = read_text_layer(
            DocumentKind::Lease,
            "经营性房产租赁合同\n资产方（甲方）\n临汾市某某实业有限责任公司\n统一社会信用代码：911401051H49NY7T2J\n\
             运营方（乙方）\n山西某某实业有限公司\n统一社会信用代码：91140200UPQ2RXGQ57\n\
             1. 甲方将信息表所列房产出租给乙方，乙方承租后用于小微企业创业创新基地的建设和运营。",
        );
        assert_parties_sure(&f, "临汾市某某实业有限责任公司", "山西某某实业有限公司");
        // a tender's period before the lease is no term
        let f = read_text_layer(
            DocumentKind::Lease,
            "经营性房产租赁合同\n甲方已于2021/12/31至2022/1/19期间公开征集上述房产的承租方，乙方经评审确定为承租方。\n\
             2. 承租期为10年，起始日以双方签署的《资产移交书》记载的移交日为准。",
        );
        assert_eq!(get(&f, "term_start"), None);
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 10, "months": 0}))
        );
        // …and the operator of an incubator beside its tenant's role word: the letting party
        let f = read_text_layer(
            DocumentKind::Lease,
            "入驻孵化协议\n孵化器运营单位（甲方）：忻州市某某创业服务有限公司\n\
             在孵企业（乙方）：山西某某投资管理有限公司\n乙方申请入驻孵化，经甲方评审通过，双方订立本协议。",
        );
        assert_parties_sure(&f, "忻州市某某创业服务有限公司", "山西某某投资管理有限公司");
        // …and its clause on the head lease (甲方承租房屋) beside its letting: the words decide
        let f = read_text_layer(
            DocumentKind::Lease,
            "入驻孵化协议\n孵化器运营单位（甲方）：忻州市某某创业服务有限公司\n\
             在孵企业（乙方）：山西某某投资管理有限公司\n入驻截止日不得晚于甲方承租房屋的租赁期届满日。",
        );
        assert_parties_sure(&f, "忻州市某某创业服务有限公司", "山西某某投资管理有限公司");
        // rooms let side by side for one period: that period is the term
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租协议\n转租房屋清单\n序号\n楼栋房号\n面积（㎡）\n起租日期\n止租日期\n\
             1\n4号楼805室\n24.77\n2021年2月15日\n2022年2月14日\n2\n4号楼810室\n14.19\n2021年2月15日\n2022年2月14日\n\
             合计\n39.96\n一、转租期限以上表所列起租日期和止租日期为准。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-02-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-02-14")));
        // a register's certificate of the record names the place in its opening sentence
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权属证明\n经查询晋中市规划和自然资源局不动产登记簿，截至2020年6月21日，坐落于山西省晋中市太谷区某街165号的不动产登记情况如下：\n\
             不动产权证书号\n晋(2017)晋中市不动产权第0333078号",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋中市太谷区某街165号"))
        );
    }

    #[test]
    fn what_the_new_readers_must_not_take() {
        // a day rent starts after a rent-free period, a year of the plan, the land's period:
        // none is surely the term (a bare range is read, in doubt)
        for text in [
            "房屋租赁合同\n租赁期限为五年，自甲方交付房屋之日起计算。其中前三个月为免租装修期，2021年4月1日为计租日。",
            "房屋租赁合同\n租赁期限为三年（36个月），第一年2021年1月1日至2021年12月31日租金为10万元。",
            "厂房租赁合同\n该厂房所在宗地土地使用期限：50年（工业用地），自2005年1月1日至2054年12月31日。",
        ] {
            let f = read(DocumentKind::Lease, text);
            let sure = f.get("term_start").is_some_and(|t| t.confidence >= 0.85);
            assert!(!sure, "{text}: {:?}", f.get("term_start"));
        }
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n鉴于原租约期限为2015年1月1日至2024年12月31日，甲方同意转租。\n\
             转租期限为2020年1月1日至2022年12月31日。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-01-01")));
        // papers handed over, a role word in bold before its clause: the parties stay sure
        for text in [
            "房屋租赁合同\n甲方：太原某某置业有限公司\n乙方：晋中某某科技有限公司\n甲方将房屋出租给乙方。\n\
             乙方将营业执照复印件提供给甲方用于备案。",
            "房屋租赁合同\n出租方：太原某某置业有限公司\n承租方：晋中某某科技有限公司\n出租方 应保证该房屋权属清楚。",
        ] {
            let f = read_text_layer(DocumentKind::Lease, text);
            assert_parties_sure(&f, "太原某某置业有限公司", "晋中某某科技有限公司");
        }
        // a name's first line is no seal's words because the other party's name starts so too
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方将房屋出租给乙方。\n甲方（盖章）\n乙方（盖章）\n山西建投\n物业管理有限公司\n\
             山西建投商贸有限公司\n日期：2021年1月1日",
        );
        assert_ne!(get(&f, "lessor"), Some(&json!("物业管理有限公司")));
        // 共同共有 in a remark about the land, a representative's ID after the owner's code
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人:太原某某科技有限公司\n共有情况\n附记:该宗地土地使用权为全体业主共同共有",
        );
        assert_eq!(get(&f, "co_ownership"), None);
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n太原某某科技有限责任公司（统一社会信用代码：91140107CM6J2W5U0E）法定代表人张某身份证号码：140403197812101207\n共有情况\n单独所有",
        );
        assert_eq!(get(&f, "co_owners"), None);
    }

    #[test]
    fn a_range_that_restates_the_clause_before_is_that_clauses_period() {
        // a renewal's length, then its dates after 即 (OCR lost the year's 〇 and wrapped it):
        // the renewal's, not the term's; the term is the stated length alone
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n二、租赁期限\n(一)租赁期限5年，起算日以甲乙双方签署的房屋交接书载明的日期为准。\n\
             (三)如乙方需继续租用，双方应于期满前另行签订续租合同，续租期限五年，即二二\n\
             二年一月十五日起至二〇二七年一月十四日止。\n三、租金",
        );
        assert_eq!(get(&f, "term_start"), None);
        assert_eq!(get(&f, "term_end"), None);
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
        // ...and the term's own dates after 即 are the term's, after a clause on where it
        // starts too
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n租赁期限为陆年，自房屋交付之日起计算，即2022年1月1日至2027年12月31日。\n\
             首期物业服务费的结算期间为2022年1月1日至2022年3月31日。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-12-31")));
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n二、租赁期限\n租赁期限五年，即二〇二二年一月十五日起至二〇二七年一月十四日止。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-01-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-01-14")));
    }

    #[test]
    fn a_firms_branch_is_a_whole_name_and_ends_its_label_value() {
        // a check page: the firm's label, its branch ending the line, a caption under it
        let f = read(
            DocumentKind::AuditReport,
            "审计报告查验页\n报告文号:\t喜盛基专审字（2023）第0901号\n核验编码：\t202314-71807-16872\n\
             会计师事务所: 中喜华盛会计师事务所(特殊普通合伙)山西分所\n\n微信扫一扫查验",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中喜华盛会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_covers_table_names_the_code_as_its_assurance_number() {
        let f = read(
            DocumentKind::AuditReport,
            "山西某某会计师事务所有限公司\n专项审计报告\n委托单位\t太原市某某产业园运营有限公司\n\
             报告文号\t某某专项审字第2020-0305号\n鉴证编号\t140120200797898662\n出具日期\t2020年4月26日",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140120200797898662")));
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("某某专项审字第2020-0305号"))
        );
    }

    #[test]
    fn a_code_with_its_label_on_the_line_after_it() {
        // a code printed up the margin with its label below it, read bottom to top into two
        // lines (the code, then its label), after the QR's caption
        for (source, code) in [
            (TextSource::Ocr, "BB14202237890825"),
            (TextSource::TextLayer, "140920207108504690"),
        ] {
            let f = read_page(
                DocumentKind::AuditReport,
                &page(
                    &format!(
                        "专项审计报告\n大同市某某科技有限公司股东会:\n我们审计了贵公司的基地运营情况表。\n\
                         大同永正会计师事务所有限责任公司\t中国注册会计师:汤某\n二零二二年二月二十一日\n\n\
                         二维码查询\n{code}\n查询编码"
                    ),
                    source,
                ),
            );
            assert_eq!(get(&f, "report_code"), Some(&json!(code)));
        }
        // a number over another line is no code without its label
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n大同市某某科技有限公司股东会:\n附件编号\n140920207108504690\n查询说明",
        );
        assert_eq!(get(&f, "report_code"), None);
    }

    #[test]
    fn a_seals_ring_words_and_a_third_partys_column_in_the_signature_table() {
        // the heads of two columns, then the words of the lessee's seal ring OCR read as a line
        // over the names: no cell of the table
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方（房屋出租方）:长治市尧都创新创业电子商务有限公司\n\
             乙方（房屋承租方）：山西汾水孵化器管理有限公司\n1、租期五年，2019年1月1日起租，2023年12月31日期满。\n\
             甲方（房屋出租方）\n乙方（房屋承租方）\n孵化器管理\n长治市尧都创新创业电子商务有限公司\n\
             山西汾水孵化器管理有限公司\n(盖章)\n(盖章)\n日期：2018年12月25日",
        );
        assert_parties_sure(
            &f,
            "长治市尧都创新创业电子商务有限公司",
            "山西汾水孵化器管理有限公司",
        );
        // ...and the same where OCR gives places: the heads of a slightly skewed row on two
        // lines, the ring's words under the second head, the names side by side
        let page = placed_page(
            0.2,
            &[
                ("房屋租赁合同", 0.4, 0.02),
                (
                    "甲方（房屋出租方）:长治市尧都创新创业电子商务有限公司",
                    0.1,
                    0.04,
                ),
                ("乙方（房屋承租方）：山西汾水孵化器管理有限公司", 0.1, 0.06),
                ("甲方（房屋出租方）", 0.25, 0.085),
                ("乙方（房屋承租方）", 0.63, 0.093),
                ("孵化器管理", 0.664, 0.114),
                ("长治市尧都创新创业电子商务有限公司", 0.15, 0.135),
                ("山西汾水孵化器管理有限公司", 0.535, 0.135),
                ("日期：2018年12月25日", 0.14, 0.23),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_parties_sure(
            &f,
            "长治市尧都创新创业电子商务有限公司",
            "山西汾水孵化器管理有限公司",
        );
        // a three-party sublease signed in three columns: the head landlord's (丙方) is a
        // column with its own name, no party of the sublease
        let f = read(
            DocumentKind::Lease,
            "三方房屋转租协议书\n丙方（房屋出租人）：郭某\n甲方（原承租人、转租人）：山西晋阳信息技术有限责任公司\n\
             乙方(次承租人）:阳泉市蓝海信息技术有限责任公司\n二、转租\n经三方协商，丙方同意甲方将上述房屋中的705.76m²转租给乙方。\n\
             丙方（签章）：\n甲方（盖章）：\n乙方（盖章）：\n郭某\n山西晋阳信息技术有限责任公司\n\
             阳泉市蓝海信息技术有限责任公司\n二零一七年八月二日",
        );
        assert_parties_sure(
            &f,
            "山西晋阳信息技术有限责任公司",
            "阳泉市蓝海信息技术有限责任公司",
        );
        assert!(!seal_ring_words("山西晋阳", "郭某"));
        assert!(seal_ring_words("孵化器管理", "山西汾水孵化器管理有限公司"));
        assert!(!seal_ring_words("有限公司", "山西汾水孵化器管理有限公司"));
    }

    #[test]
    fn roles_first_in_the_bracket_or_before_the_name_and_the_start_named_with_its_use() {
        // role first in the bracket, the code after a comma; the start named with the use
        // (开始租用) and the end with its expiry (租用期满)
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁协议书\n兹由太原市某某网络科技有限责任公司（房屋产权人，统一社会信用代码\n\
             91140108YBH902DW9G）与长治市某某创业服务股份有限公司（房屋租用人，统一社会信\n\
             用代码911401080320KEBF85）就房屋租用事宜协商一致，订立本协议书。\n\
             1. 产权人将其位于某路1号的房屋租给租用人使用。\n\
             2. 租用期限三年六个月，二零一八年三月十五日开始租用，二零二一年九月十四日租用期满。\n\
             3. 租金每年2,770,000元，租用人应于每年3月5日前交付下一租用年度的租金。",
        );
        assert_parties_sure(
            &f,
            "太原市某某网络科技有限责任公司",
            "长治市某某创业服务股份有限公司",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-03-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2021-09-14")));
        // the role before the name (作为出租人的…), the heads of the signature block 出租人盖章处
        let f = read_text_layer(
            DocumentKind::Lease,
            "办公用房租赁合同\n本合同由作为出租人的长治市某某企业管理咨询有限责任公司（统一社会信用代码：\n\
             911401082U78TFLM9T）与作为承租人的大同市某某投资管理有限责任公司（统一社会信用代\n\
             码：91140400TYBQ4E5F56）于二〇一七年十二月二十七日在大同市签订。\n\
             出租人盖章处\n承租人盖章处\n长治市某某企业管理咨询有限责任公司\n大同市某某投资管理有限责任公司",
        );
        assert_parties_sure(
            &f,
            "长治市某某企业管理咨询有限责任公司",
            "大同市某某投资管理有限责任公司",
        );
    }

    #[test]
    fn a_parties_table_with_positions_then_roles_and_the_terms_days_named_after_them() {
        // positions over roles over the names' row (主体名称); the first and last day of the
        // rent each named (计租起始日为…,租赁期满日为…)
        let f = read_text_layer(
            DocumentKind::Lease,
            "厂房租赁合同\n缔约主体\n甲 方\n乙 方\n身 份\n出租人\n承租人\n主体名称\n于某娜\n\
             晋中市某某产业园运营有限公司\n证照号码\n14030319740902535X\n91140700C8NR1H8L6P\n\
             甲方将位于某路26号的厂房出租给乙方。\n第六条 计租起始日与租赁期满日\n\
             本合同计租起始日为2017/10/15，租赁期满日为2022/10/13。",
        );
        assert_parties_sure(&f, "于某娜", "晋中市某某产业园运营有限公司");
        // a name wrapped before its English name's line: that label ends it, not its head
        let g = read_text_layer(
            DocumentKind::Lease,
            "物业租赁合同\n产权人（甲方）：忻州市某某产业园运营有限公司\n英文名称：Xinzhou Park Co., Ltd.\n\
             承租单位（乙方）：太原国家高新技术产业开发区某某众创空间商务服务有限责任公\n司\n\
             英文名称：Taiyuan Maker Space Co., Ltd.\n甲方同意将其合法拥有的物业出租给乙方使用。",
        );
        assert_parties_sure(
            &g,
            "忻州市某某产业园运营有限公司",
            "太原国家高新技术产业开发区某某众创空间商务服务有限责任公司",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2017-10-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-10-13")));
        // each day named after its date, the term word wrapped
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n第二条【租赁期限】二零二一年七月十五日为租赁期的第一日，二零二六年七月十四日为租赁\n\
             期的最后一日。\n第三条 承租人于二零二一年七月八日前交纳租赁保证金。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-07-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-07-14")));
        // a deposit's last day is no term's
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n二零二一年七月八日为交纳保证金的最后一日。",
        );
        assert_eq!(get(&f, "term_end"), None);
    }

    #[test]
    fn an_owners_identity_paper_rows_end_the_owner() {
        // a person's certificate: the kind of identity paper and its number, each a row of its
        // own under the owner's (OCR read each label and its cell as one line)
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2022)运城市不动产权第0987380号\n权利人 苏晨\n身份证明类别 身份证\t证件号\t14010619740826367X\n\
             共有情况 单独所有\n坐落\t山西省运城市盐湖区晋阳街294号智创园7号楼2层1706室",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("苏晨")));
    }

    #[test]
    fn owners_in_a_numbered_table_and_a_label_wrapped_in_its_bracket() {
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n一、权利人情况\n序号\n权利人\n身份证明号码\n持有份额\n1\n忻州市某某实业有限责任公司\n\
             91140200PGC4GG726U\n45%\n2\n晋中市某某投资管理有限责任公司\n91140105WF89KMHY2E\n55%\n\
             二、不动产情况\n坐落\n山西省大同市平城区某街80号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("忻州市某某实业有限责任公司")));
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "忻州市某某实业有限责任公司",
                "晋中市某某投资管理有限责任公司"
            ]))
        );
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n证　号\n晋（2016）太原市不动产权第0897888号\n权利人姓名（名\n\n称）\n\n\
             运城市某某投资管理股份有限公司\n\n共有类型\n\n单独所有",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("运城市某某投资管理股份有限公司"))
        );
    }

    #[test]
    fn an_address_labelled_as_the_place_it_stands() {
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n所有权人\t大同市某某企业管理咨询有限责任公司\n共有方式\t单独所有\n\
             坐落地址\t山西省晋中市榆次区迎泽大街95号\n登记日期\t2013年09月17日",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋中市榆次区迎泽大街95号"))
        );
    }

    #[test]
    fn a_sublease_by_its_agreements_title_or_a_signature_head_and_names_after_an_address() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租约定书\n运城市某某科技有限公司于2021年02月04日向阳泉市某某商务服务有限公司承租房屋。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋使用约定\n一、期限自2021年04月01日起，至2024年03月31日止。\n转租人\n运城市某某科技有限公司\n盖章：",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        // a head lease that names subletting in its clauses stays a head lease
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n乙方与入驻企业签订的转租合同应报甲方留存一份。\n出租人\n承租人",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(false)));
        // an address's last character OCR joined to the name on the next line; a person
        // introduced by the role before the name
        let f = read(
            DocumentKind::Lease,
            "办公用房租赁合同\n本合同由作为出租人的薛某（身份证号码：140110198401113096）与作为承租人的临汾市某某\n\
             孵化器管理有限公司（统一社会信用代码：911407006B2W91LA4K）于2017年11月19日签订。",
        );
        assert_parties_sure(&f, "薛某", "临汾市某某孵化器管理有限公司");
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n订约双方\n山西某某企业管理咨询有限责任公司（下称“出租人”）\n\
             统一社会信用代码：91140106UFB8PW7B89；住所：山西省晋中市榆次区长治路271号\n\
             长治市某某信息技术有限责任公司（下称“承租人”）\n统一社会信用代码:91140107NYKG8GYG6T",
        );
        assert_parties_sure(
            &f,
            "山西某某企业管理咨询有限责任公司",
            "长治市某某信息技术有限责任公司",
        );
    }

    #[test]
    fn what_this_sessions_readers_must_not_take() {
        // a position's duty (作为承租人的乙方须…) is no name; a recital names another contract's
        // parties; a consent form's head over a blank is no sublease
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：太原市某某置业有限公司\n承租方：晋中市某某科技有限公司\n\
             作为承租人的乙方须按时向物业服务中心缴纳物业费。\n\
             鉴于：甲方已与大同市某某物业有限公司（出租方，统一社会信用代码91140100MA0K1L2X3B）签订《房屋租赁合同》。\n\
             附件三：转租同意书\n转租人\n（盖章）",
        );
        assert_parties_sure(&f, "太原市某某置业有限公司", "晋中市某某科技有限公司");
        assert_eq!(get(&f, "is_sublease"), Some(&json!(false)));
        // a person letting to their own company: the person's name is a cell of its own
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方将某路1号的房屋出租给乙方。\n甲方(签章)\n乙方(签章)\n李某华\n太原李某华商贸有限公司",
        );
        assert_ne!(get(&f, "lessor"), Some(&json!("太原李某华商贸有限公司")));
        // a date under its label is no code, though a code's label follows it
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n大同市某某科技有限公司股东会:\n出具日期\n2021-01-12\n查验二维码",
        );
        assert_eq!(get(&f, "report_code"), None);
    }

    #[test]
    fn every_kind_table_compiles() {
        // tables compile lazily, a kind at a time: a bad pattern in a kind the other tests
        // never read would otherwise first panic on an applicant's document
        assert!(!TITLES.is_empty());
        for spec in KINDS {
            let c = compiled(spec.kind).expect("every kind has a table");
            assert_eq!(c.labels.len(), spec.labels.len());
            assert_eq!(c.patterns.len(), spec.patterns.len());
        }
    }

    /// The fields of `page` read as `understand` reads a page of `kind`.
    fn read_page(kind: DocumentKind, page: &Page) -> BTreeMap<String, Field> {
        let c = compiled(kind).expect("kind has a table");
        let norm = Norm::build(&[page], &|line| c.is_label_line(line));
        read_fields(c, &norm).fields
    }

    fn get<'a>(f: &'a BTreeMap<String, Field>, name: &str) -> Option<&'a Value> {
        f.get(name).map(|f| &f.value)
    }

    /// A field's text, `-` when not read (a value that asserts read well in a failure).
    fn s(f: &BTreeMap<String, Field>, name: &str) -> String {
        get(f, name)
            .and_then(|v| v.as_str())
            .unwrap_or("-")
            .to_string()
    }

    /// The lessor and the lessee read as `lessor` and `lessee`, each sure enough for the rules.
    fn assert_parties_sure(f: &BTreeMap<String, Field>, lessor: &str, lessee: &str) {
        for (field, name) in [("lessor", lessor), ("lessee", lessee)] {
            let got = f.get(field).expect(field);
            assert_eq!(got.value, Value::String(name.into()), "{field}");
            assert!(
                got.confidence >= 0.85,
                "{field} is sure: {}",
                got.confidence
            );
        }
    }

    #[test]
    fn a_position_heading_over_its_name_row_and_the_roles_from_the_clause() {
        // `甲 方` a heading of its own over the party's rows, the roles only in the clause
        let parties = "租赁合同\n编号:ZL20180729-184\n甲\u{3000}\u{3000}方\n名称:晋中市某某企业管理有限公司\n\
                       统一社会信用代码:9114020053FK4Y7D4B\n住所:山西省长治市上党区府西街216号\n法定代表人:张艳\n\
                       乙\u{3000}\u{3000}方\n名称:大同市某某网络科技有限公司\n统一社会信用代码:91140700FR56CHL849\n\
                       法定代表人:赖艳刚\n双方经协商一致,订立本合同。\n";
        let f = read_text_layer(
            DocumentKind::Lease,
            &format!(
                "{parties}第一条 租赁物 甲方将位于太原市体育路239号的房屋出租给乙方,乙方承租后作为基地使用。"
            ),
        );
        assert_parties_sure(
            &f,
            "晋中市某某企业管理有限公司",
            "大同市某某网络科技有限公司",
        );
        let f = read_text_layer(
            DocumentKind::Lease,
            &format!(
                "{parties}第一条 租赁物 乙方将位于太原市体育路239号的房屋出租给甲方,甲方承租后作为基地使用。"
            ),
        );
        assert_parties_sure(
            &f,
            "大同市某某网络科技有限公司",
            "晋中市某某企业管理有限公司",
        );
        // the position alone over a seal or a signature in the signature block names no one
        for block in ["甲方\n(盖章)\n乙方\n(盖章)", "甲方\n张三\n乙方\n李四"] {
            let f = read_text_layer(
                DocumentKind::Lease,
                &format!(
                    "房屋租赁合同\n出租方:晋中市某某企业管理有限公司\n承租方:大同市某某网络科技有限公司\n\
                     甲方将房屋出租给乙方。\n{block}"
                ),
            );
            assert_parties_sure(
                &f,
                "晋中市某某企业管理有限公司",
                "大同市某某网络科技有限公司",
            );
        }
        // a landlord surnamed 关 keeps the name
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:关于海\n承租方:大同市某某网络科技有限公司\n甲方将房屋出租给乙方。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("关于海")));
    }

    #[test]
    fn an_attached_copy_of_the_head_lease_names_no_party_of_the_sublease() {
        let sublease = "房屋转租协议\n甲方:临汾市某某创业服务有限责任公司(转租人)\n\
                        乙方:忻州市某某投资管理股份有限公司(次承租人)\n\
                        1. 经房屋出租人同意,甲方将该房屋的一部分转租给乙方。\n\
                        3. 乙方租用期自2018年10月15日开始至2020年10月14日为止,共24个月。\n";
        let copy = "房屋租赁合同\n出租方:长治市某某商务服务股份有限公司\n承租方:临汾市某某创业服务有限责任公司\n\
                    第二条 租赁期限自2017年4月15日起至2023年4月14日止。";
        let f = read_text_layer(
            DocumentKind::Lease,
            &format!("{sublease}附件:原房屋租赁合同首页及签署页(复印件)\n{copy}"),
        );
        assert_parties_sure(
            &f,
            "临汾市某某创业服务有限责任公司",
            "忻州市某某投资管理股份有限公司",
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2020-10-14")));
        // without the annex's heading the head lease's labels stand beside the sublease's: two
        // lessees, and the reading is never confidently the wrong one
        let f = read_text_layer(DocumentKind::Lease, &format!("{sublease}{copy}"));
        assert!(
            f["lessee"].confidence < 0.85
                || get(&f, "lessee") == Some(&json!("忻州市某某投资管理股份有限公司")),
            "{:?}",
            f["lessee"]
        );
    }

    #[test]
    fn a_summary_of_the_head_lease_above_the_clauses_is_that_leases() {
        // the cited lease's landlord, date and period under a heading of their own, then this
        // sublease's own clauses: the summary's labels are not this document's term
        let own = "一、乙方承租的房屋为上述房屋的第三层,面积420平方米。\n\
                   二、分租时间为十八个月,从2021年3月1日开始到2022年8月31日结束。\n\
                   甲方(盖章):大同市某某孵化器管理有限公司\n乙方(盖章):朔州市某某软件开发有限公司";
        for heading in ["原租赁合同基本情况", "主合同信息", "(一)总租约要点"] {
            let text = format!(
                "房屋分租合同\n甲方(转租人):大同市某某孵化器管理有限公司\n\
                 乙方(次承租人):朔州市某某软件开发有限公司\n{heading}\n\
                 出租人:晋中市某某资产经营有限公司\n签约日期:2019年12月20日\n\
                 租赁期限:2020年1月1日至2029年12月31日\n{own}"
            );
            let f = read_text_layer(DocumentKind::Lease, &text);
            assert_eq!(
                get(&f, "term_start"),
                Some(&json!("2021-03-01")),
                "{heading}"
            );
            assert_eq!(get(&f, "term_end"), Some(&json!("2022-08-31")), "{heading}");
            assert_eq!(
                get(&f, "lessor"),
                Some(&json!("大同市某某孵化器管理有限公司")),
                "{heading}"
            );
        }
        // a section about this contract's own basic facts is no summary of another
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:晋中市某某资产经营有限公司\n承租方:大同市某某孵化器管理有限公司\n\
             合同基本情况\n租赁期限:2020年1月1日至2029年12月31日",
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2029-12-31")));
    }

    #[test]
    fn a_firms_form_wrapped_in_its_bracket() {
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n晋中市某某网络科技有限责任公司全体股东:\n我们认为,贵公司基地的运营情况真实。\n\
             中兴某某会计师事务所(特殊\n普通合伙)山西分所\n中国·太原\n中国注册会计师:康杰静\n2024年1月17日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中兴某某会计师事务所(特殊普通合伙)山西分所"))
        );
        // OCR read the accountants' column beside the name's lines
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n晋中市某某网络科技有限责任公司全体股东:\n我们认为,贵公司基地的运营情况真实。\n\
             中兴某某会计师事务所(特殊\t中国注册会计师:康杰静\n普通合伙)山西分所\t中国注册会计师:秦军国\n\
             中国·太原\t2024年1月17日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中兴某某会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_house_certificate_numbered_by_a_citys_district() {
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "本证号码:运城市盐湖区房权证字第325079号\n房屋所有权证\n房屋所有权人\n临汾市某某网络科技股份有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("运城市盐湖区房权证字第325079号"))
        );
        // …or by the district after 第
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n权证编号\n太原市房权证字第杏花岭250947号\n所有权人\n临汾市某某网络科技股份有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("太原市房权证字第杏花岭250947号"))
        );
        // …or with its year bracketed after 房权证
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n长治房权证（2013）上党字第26732号\n房屋所有权人\n临汾市某某网络科技股份有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("长治房权证（2013）上党字第26732号"))
        );
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n晋房权证并字第00123456号\n房屋所有权人\n临汾市某某网络科技股份有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("晋房权证并字第00123456号"))
        );
    }

    #[test]
    fn a_definitions_article_gives_the_terms_days() {
        // a law firm's contract: `“租期开始日”指DATE` under its clause number
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人:阳泉市某某商场有限公司\n承租人:长治市某某科技发展股份有限公司\n1　定义\n1.1\n\
             “租期开始日”指2019年6月15日。\n1.2 “租期届满日”指2024年6月13日。\n\
             1.3\n“租赁期限”指自租期开始日(含该日)起至租期届满日(含该日)止的期间。\n\
             1.4\n“租金”指承租人为使用租赁房屋而应向出租人支付的款项。\n\
             4.2 保证金于2019年6月10日前支付。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-06-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-06-13")));
    }

    #[test]
    fn an_identity_papers_validity_is_no_term() {
        // 租赁时段 names the term; the landlord's ID card and the lessee's licence attached
        // print validities of their own
        for annex in [
            "附件:出租人居民身份证复印件\n姓名\n魏某\n公民身份号码\n140211197904070320\n\
             中华人民共和国\n居民身份证\n签发机关　长治市公安局潞州区分局\n有效期限　2015.01.25-2035.01.25",
            "营业执照\n统一社会信用代码 91140200CW20790917\n成立日期\n1996年03月17日\n营业期限\n\
             1996年03月17日至2016年03月16日\n登记机关",
        ] {
            let f = read_text_layer(
                DocumentKind::Lease,
                &format!(
                    "房屋租赁合同\n房屋出租人:魏某\n房屋承租人:临汾市某某科技发展有限责任公司\n三、租赁时段\n\
                     (一)租赁时段为2021.07.01至2023.06.30。\n出租人(签字):\n魏某\n{annex}"
                ),
            );
            assert_eq!(get(&f, "term_start"), Some(&json!("2021-07-01")), "{annex}");
            assert_eq!(get(&f, "term_end"), Some(&json!("2023-06-30")), "{annex}");
        }
        // a lease's own 有效期限 is its term
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:晋中市某某企业管理有限公司\n承租方:大同市某某网络科技有限公司\n\
             有效期限:2021年7月1日至2026年6月30日",
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-06-30")));
        // the landlord's ID card's validity on the party's own line, after its number: no term
        // (the term is stated only as a duration)
        let f = read(
            DocumentKind::Lease,
            "房屋租赁协议\n本协议由孔某某(以下简称“业主”)与长治市某某商务服务股份有限公司(以下简称“使用方”)订立。\n\
             业主:居民身份证:14010819741225551X 证件有效期:2012.07.19-2032.07.19\n\
             使用方:统一社会信用代码:91140106CTQEAA0M2Y 负责人:武芬彬\n\
             第三条 使用期限5年,起始日以业主向使用方发出的《交房通知》载明的交房日为准。",
        );
        assert_eq!(get(&f, "term_start"), None);
        assert_eq!(get(&f, "term_end"), None);
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
    }

    #[test]
    fn an_audit_title_about_the_entity_on_a_line_of_its_own() {
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "关于忻州市某某信息技术有限公司\n2021年度小微企业创业创新基地运营情况的专项审计报告\n全体股东:\n\
             我们接受委托,对贵公司2021年度基地的运营情况进行了专项审计。\n\
             报告出具号:天元创基审字[2022]308号\n唯一性编码:140320225429473335",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("忻州市某某信息技术有限公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140320225429473335")));
    }

    #[test]
    fn a_branch_whose_second_line_comes_after_the_firms_city() {
        // the firm's line beside the first accountant's, the city under it, then the branch's 分所
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n太原市某某物业管理有限责任公司:\n我们认为,贵公司申报资料如实反映了基地的运营情况。\n\
             中证某某会计师事务所(特殊普通合伙)山西\t中国注册会计师:余伟敏\n中国·太原\n分所\n\
             中国注册会计师:孔刚\n二〇二四年三月二十日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中证某某会计师事务所(特殊普通合伙)山西分所"))
        );
        // …or beside the accountant's label, whose name stands in the row below, beside 分所
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n太原市某某物业管理有限责任公司:\n我们认为,贵公司申报资料如实反映了基地的运营情况。\n\
             中证某某会计师事务所（特殊普通合伙）山西\t中国注册会计师:\n分所\t赵海峰\n(盖章)\t中国注册会计师:\n中国·太原\t钱丽\n二〇二四年三月二十日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中证某某会计师事务所（特殊普通合伙）山西分所"))
        );
        // OCR lost both brackets of the partnership's form
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n太原市某某物业管理有限责任公司:\n我们认为,贵公司申报资料如实反映了基地的运营情况。\n\
             中证某某会计师事务所特殊普通合伙山西分所\n中国·太原\n二〇二四年三月二十日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中证某某会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_meeting_addressed_and_a_branch_beside_a_partners_cell() {
        // the report addressed to the entity's 总经理办公会; the branch's 分所 on the line after the
        // firm's, each beside an accountant's cell that names the accountant's role in brackets
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n报告书编码:运华专字2020-0606号 防伪码:1410202089118-6928\n\
             运城市太行(集团)投资管理股份有限公司总经理办公会:\n我们审计了后附的贵单位2019年度运营情况表。\n\
             中天某某会计师事务所(特殊普通合伙)山西\t中国注册会计师:汪宇瑞(项目合伙人)\n分所\t中国注册会计师:吴洋强\n\
             (盖章) 中国·太原\t2020年04月15日",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("运城市太行（集团）投资管理股份有限公司"))
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中天某某会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_firms_line_run_into_its_seal_request_and_city() {
        // the firm's line, its seal request and its city read as one line; the accountants
        // with their roles in brackets
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n太原某某科技发展有限公司总经理办公会:\n我们审计了后附的贵单位2023年度运营情况表。\n\
             山西某某诚会计师事务所有限公司(盖章)中国・太原\n中国注册会计师:钟宁敏(项目合伙人)\n中国注册会计师:吴梅\n2024年03月25日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("山西某某诚会计师事务所有限公司"))
        );
        assert_eq!(get(&f, "signing_cpas"), Some(&json!(["钟宁敏", "吴梅"])));
    }

    #[test]
    fn a_running_headers_short_firm_name_is_the_signed_ones() {
        // the header over the page names the firm short; the signature line names it whole
        let f = read(
            DocumentKind::AuditReport,
            "临汾市某某科技发展有限公司2019年度专项审计报告\n永正会计师事务所\n专项审计报告\n\
             报告文号:永正会审专项〔2020〕第381号\n临汾市某某科技发展有限公司(下称贵单位):\n\
             我们对贵公司2019年度小微企业创业创新基地的运营情况进行了专项审计。\n\
             大同永正会计师事务所有限责任公司(公章)\t签字注册会计师:范桂刚\n中国大同\n签字注册会计师:阎萍浩\n\
             报告日期:2020年2月17日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("大同永正会计师事务所有限责任公司"))
        );
        // …and a branch's whole name, its 分所 on the next line
        let f = read(
            DocumentKind::AuditReport,
            "阳泉市某某电子商务有限责任公司2020年度专项审计报告\n立行会计师事务所\n专项审计报告\n\
             阳泉市某某电子商务有限责任公司:\n我们对贵公司2020年度的运营情况进行了专项审计。\n\
             大信立行会计师事务所(特殊普通合伙)山西\n分所(公章)\n中国 太原\n签字注册会计师:沈芳\n\
             报告日期:2021年2月26日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("大信立行会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_firm_word_whose_last_character_the_seal_hid() {
        // OCR lost 所 under the seal's ink, right before the firm's legal form
        for (line, want) in [
            (
                "朔州某某会计师事务（普通合伙）",
                "朔州某某会计师事务所（普通合伙）",
            ),
            ("阳泉某某会计师事务有限公司", "阳泉某某会计师事务所有限公司"),
        ] {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n长治市某某电子商务有限公司:\n我们对贵公司的运营情况实施了专项审计。\n\
                     本报告仅用于申报之目的,与执行本业务的注册会计师及会计师事\n务所无关。\n\
                     {line}\n注册会计师毛凯玉 武洋艳\n2023年3月3日"
                ),
            );
            assert_eq!(get(&f, "audit_firm"), Some(&json!(want)), "{line}");
        }
    }

    #[test]
    fn a_seal_request_where_the_name_is_signed_is_no_second_party() {
        // the supplement's signature row holds only seal requests and the date: the parties
        // named at the top stay sure
        let text = "房屋租赁合同\n出租人(甲方):临汾市青创网络科技有限公司\n承租人(乙方):长治市三晋科技股份有限公司\n\
                    第三条 租赁期限\n租赁期二〇一七年一月一日起至二〇二一年十二月三十日止。\n\
                    甲方(盖章):临汾市青创网络科技有限公司\n乙方(盖章):长治市三晋科技股份有限公司\n\
                    补充条款\n一、甲方应于二〇一六年十二月二日前移交房屋。\n\
                    甲方:(盖章)                    乙方:(盖章)\n二〇一六年十一月二十八日\n";
        let f = read(DocumentKind::Lease, text);
        assert_parties_sure(
            &f,
            "临汾市青创网络科技有限公司",
            "长治市三晋科技股份有限公司",
        );
        let whole = |s: &str| name_part(s, 0..s.len());
        assert_eq!(whole("(签字)"), None);
        assert_eq!(whole("(盖章)二〇一六年十一月二十八日"), None);
        let signed = "(盖章)太原市某某科技有限公司";
        assert_eq!(whole(signed), Some("(盖章)".len()..signed.len()));
    }

    #[test]
    fn a_bracketed_seal_character_and_the_signer_after_it_are_no_name() {
        // `甲方:(章)` in the signature block, and OCR running the next line (经办人) into it
        let text = "房屋租用协议\n出租人:晋中市恒泰物业管理有限公司(甲方)\n承租人:太原市云帆科技有限公司(乙方)\n\
                    甲方把坐落于某路1号的房屋租给乙方使用。\n租赁期为五年,从交房之日起计算。\n\
                    甲方:(章)\n乙方:(章)经办人 韩立 二〇二〇年五月一日\n";
        let f = read(DocumentKind::Lease, text);
        assert_parties_sure(&f, "晋中市恒泰物业管理有限公司", "太原市云帆科技有限公司");
        let whole = |s: &str| name_part(s, 0..s.len());
        assert_eq!(whole("(章)"), None);
        assert_eq!(whole("章"), None);
        assert_eq!(whole("(印)经办人韩立2020.05.01"), None);
        // a place name that starts with the character is still a name
        let named = "章丘市明远商贸有限公司";
        assert_eq!(whole(named), Some(0..named.len()));
    }

    #[test]
    fn a_seal_request_after_a_works_name_is_no_part_of_it() {
        // a factory (厂) is no company form: its `(印)` is still the seal's, not the name's
        let text = "房屋租赁契约\n立租赁契约人阳泉市矿区第二电机厂（出租人，以下简称甲方）、阳泉市晋阳数字科技有限公司（承租人，以下简称乙方）。\n\
                    甲方将厂区内三号厂房出租给乙方使用。\n租赁期限为五年。\n\
                    甲方：阳泉市矿区第二电机厂（印）\n乙方：阳泉市晋阳数字科技有限公司（盖章）\n";
        for f in [
            read(DocumentKind::Lease, text),
            read_text_layer(DocumentKind::Lease, text),
        ] {
            assert_eq!(get(&f, "lessor"), Some(&json!("阳泉市矿区第二电机厂")));
        }
        assert_eq!(
            without_seal("阳泉市矿区第二电机厂(印)").as_deref(),
            Some("阳泉市矿区第二电机厂")
        );
    }

    #[test]
    fn the_term_under_any_of_its_names_gives_its_length() {
        for (word, link, years) in [
            ("租用期", "为", 5),
            ("承租期限", "为期", 6),
            ("租赁年限", "为", 8),
            ("使用期限", "为期", 3),
            ("租赁有效期", "为", 2),
        ] {
            let text = format!(
                "租赁合同\n出租方:晋中市恒泰物业管理有限公司\n承租方:太原市云帆科技有限公司\n\
                 一、{word}{link}{}年,自乙方接收房屋之日起计算。\n",
                ["", "一", "二", "三", "四", "五", "六", "七", "八"][years]
            );
            let f = read_text_layer(DocumentKind::Lease, &text);
            assert_eq!(
                get(&f, "term_stated"),
                Some(&json!({"years": years, "months": 0})),
                "{word}"
            );
        }
    }

    #[test]
    fn who_pays_the_rent_is_the_tenant() {
        // parties labelled only 甲方/乙方; the clauses say who pays and who is paid
        let lease = |clause: &str| {
            format!(
                "房屋租赁合同\n甲方:晋中市恒泰物业管理有限公司\n乙方:太原市云帆科技有限公司\n\
                 第一条 租赁期限自2021年1月1日至2026年12月31日。\n第二条 {clause}\n\
                 第三条 甲方未按约定交付房屋的,应向乙方支付月租金百分之一的违约金。\n"
            )
        };
        for (clause, lessor) in [
            (
                "乙方应于每年一月十日前付清当年租金。",
                "晋中市恒泰物业管理有限公司",
            ),
            (
                "租金为每年人民币100,000.00元(壹拾万元整),乙方每季度支付一次。",
                "晋中市恒泰物业管理有限公司",
            ),
            (
                "乙方拖欠租金超过一个月的,甲方有权解除合同。",
                "晋中市恒泰物业管理有限公司",
            ),
            (
                "甲方须在签约后五日内交纳押金10,000元。",
                "太原市云帆科技有限公司",
            ),
        ] {
            let f = read_text_layer(DocumentKind::Lease, &lease(clause));
            let got = f.get("lessor").expect("lessor");
            assert_eq!(got.value, Value::String(lessor.into()), "{clause}");
            assert!(got.confidence >= 0.85, "{clause}: {}", got.confidence);
        }
        // a penalty paid to 乙方 alone says nothing: the roles stay in doubt
        let f = read_text_layer(DocumentKind::Lease, &lease("其他事项双方另行约定。"));
        assert!(f.get("lessor").expect("lessor").confidence < 0.85);
    }

    #[test]
    fn co_owners_named_with_a_person_and_their_holdings() {
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n晋中房权证榆次区字第00012345号\n房屋所有权人:晋中市恒泰物业管理有限公司、韩立\n\
             共有情况:按份共有\n房屋坐落:晋中市榆次区某路1号\n附记:\n\
             按份共有:晋中市恒泰物业管理有限公司持有30%;韩立持有70%\n",
        );
        let owners: Vec<&str> = f
            .get("co_owners")
            .and_then(|f| f.value.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        assert!(owners.contains(&"晋中市恒泰物业管理有限公司"), "{owners:?}");
        assert!(owners.contains(&"韩立"), "{owners:?}");
    }

    #[test]
    fn a_firm_word_misread_under_the_seal_is_written_back_whole() {
        for signed in [
            "晋中正源会计师有务所有限公司",
            "晋中正源会计事务所有限公司",
            "晋中正源会+师事务所有限公司",
            "晋中正源计师事务所有限公司",
        ] {
            let text = format!(
                "专项审计报告\n太原市云帆科技有限公司全体股东:\n我们审计了贵公司2023年度基地运营情况。\n\
                 {signed}\t中国注册会计师:韩立\n中国·晋中\n2024年3月1日\n"
            );
            let f = read(DocumentKind::AuditReport, &text);
            assert_eq!(
                get(&f, "audit_firm"),
                Some(&json!("晋中正源会计师事务所有限公司")),
                "{signed}"
            );
        }
    }

    #[test]
    fn a_code_run_into_a_wrapped_name_is_cut_off() {
        let whole = |s: &str| name_part(s, 0..s.len());
        let run = "忻州市晋阳科技有限责任公司91140108MA0K1234X5";
        assert_eq!(whole(run), Some(0.."忻州市晋阳科技有限责任公司".len()));
        let wrapped = "忻州市晋阳科技有限责任公\n司\n91140108MA0K1234X5";
        assert_eq!(
            whole(wrapped),
            Some(0.."忻州市晋阳科技有限责任公\n司".len())
        );
        // a person's name keeps no role bracket
        let f = read_text_layer(
            DocumentKind::Lease,
            "租赁协议\n出租人:韩立明(甲方)\n承租人:太原市云帆科技有限公司(乙方)\n\
             甲方将其房屋租给乙方使用。\n",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("韩立明")));
    }

    #[test]
    fn ocr_run_on_certificate_row_stops_at_the_next_label() {
        // OCR joined the address cell with the next row's label and value (no gap, no break).
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人 晋中太行孵化器管理有限公司\n共有情况 单独所有\n\
             坐落 山西省晋中市榆次区坞城路15号数码港7号楼24层1909室不动产单元号140108444728GX63477W86611356\n\
             权利类型 国有建设用地使用权/房屋所有权\n用途 商务金融用地/办公\n\
             面积 宗地面积26,847.66m²/房屋建筑面积16489.65平方米使用期限国有建设用地使用权2004.07.15起2054.07.14止",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋中市榆次区坞城路15号数码港7号楼24层1909室"))
        );
        assert_eq!(
            get(&f, "unit_no"),
            Some(&json!("140108444728GX63477W86611356"))
        );
        assert_eq!(get(&f, "valid_until"), Some(&json!("2054-07-14")));
        assert_eq!(get(&f, "area_m2"), Some(&json!(16489.65)));
        assert_eq!(get(&f, "land_area_m2"), Some(&json!(26847.66)));
    }

    #[test]
    fn report_date_under_a_misread_firm_line() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n我们认为，贵公司双创基地运营情况表在所有重大方面按照相关规定编制，公允\n反映了双创基地的运营情况。\n中国注册会计师:康秀\n太原信达会十师事务所有限公司\n中国·太原\n2020年4月24日",
        );
        assert_eq!(get(&f, "report_date"), Some(&json!("2020-04-24")));
        // the firm word is always the same: written back whole, a little less sure
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("太原信达会计师事务所有限公司"))
        );
    }

    #[test]
    fn code_bracket_pairs_agree() {
        assert_eq!(
            matched_brackets("晋龙城专审字〔2024]第986号"),
            "晋龙城专审字〔2024〕第986号"
        );
        assert_eq!(
            matched_brackets("晋龙城专审字(2022）第0283号"),
            "晋龙城专审字（2022）第0283号"
        );
        assert_eq!(
            matched_brackets("晋(2021)太原市不动产权第0012345号"),
            "晋(2021)太原市不动产权第0012345号"
        );
        assert_eq!(
            matched_brackets("晋华审专字（2021）第0535号"),
            "晋华审专字（2021）第0535号"
        );
        assert_eq!(
            matched_brackets("晋中专审字〔2020)第12号"),
            "晋中专审字〔2020〕第12号"
        );
        assert_eq!(matched_brackets("A-123"), "A-123");
    }

    #[test]
    fn chinese_names_take_full_width_brackets() {
        assert_eq!(
            full_width_brackets("山西公信会计师事务所(特殊普通合伙）"),
            "山西公信会计师事务所（特殊普通合伙）"
        );
        assert_eq!(full_width_brackets("ACME (Asia) Ltd"), "ACME (Asia) Ltd");
    }

    #[test]
    fn ocr_run_on_owner_stops_at_the_obligor_label() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产登记证明\n证明权利或事项 抵押权\n权利人(申请人) 中国银行股份有限公司太原分行义务人太原云冈科技有限公司\n坐落 山西省太原市小店区长治路1号",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("中国银行股份有限公司太原分行"))
        );
        assert_eq!(get(&f, "right_type"), Some(&json!("抵押权")));
    }

    #[test]
    fn ocr_run_on_land_and_house_rows() {
        let land = read(
            DocumentKind::LandCertificate,
            "国有土地使用证\n土地使用权人 大同新元创业服务有限公司\n坐落 山西省大同市平城区龙城大街311号2414室地号67-536-8\n\
             地类(用途) 科教用地\n使用权类型 出让终止日期2054.12.22\n使用权面积 62404.04平方米其中独用面积62404.04 m²",
        );
        assert_eq!(
            get(&land, "address"),
            Some(&json!("山西省大同市平城区龙城大街311号2414室"))
        );
        assert_eq!(get(&land, "right_type"), Some(&json!("出让")));
        assert_eq!(get(&land, "valid_until"), Some(&json!("2054-12-22")));
        assert_eq!(get(&land, "land_area_m2"), Some(&json!(62404.04)));
        let house = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人 太原龙城孵化器管理有限公司\n房屋坐落 太原市小店区长治路88号1411室登记时间2009年12月28日\n规划用途 办公",
        );
        assert_eq!(
            get(&house, "address"),
            Some(&json!("太原市小店区长治路88号1411室"))
        );
        assert_eq!(get(&house, "usage"), Some(&json!("办公")));
    }

    #[test]
    fn ocr_run_on_audit_table_row_and_its_credit_code() {
        let f = read(
            DocumentKind::AuditReport,
            "附表:双创基地运营情况表\n单位名称 太原新元创新创业科技有限公司统一社会信用代码91140100MA0K1L2X3B入驻企业数量(户)21\n从业人员(人) 749",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("太原新元创新创业科技有限公司"))
        );
        assert_eq!(get(&f, "resident_firms"), Some(&json!(21)));
        let codes = get(&f, "credit_codes").and_then(Value::as_array).unwrap();
        assert_eq!(codes.len(), 1);
        assert_eq!(codes[0]["party"], json!("太原新元创新创业科技有限公司"));
    }

    #[test]
    fn ocr_readings_of_units_and_colons() {
        // m² read without its superscript; the colon after the CPA label read as ·, 一 or lost.
        let cert = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n面积\t宗地面积34525.12m/房屋建筑面积28769.06平方米",
        );
        assert_eq!(get(&cert, "land_area_m2"), Some(&json!(34525.12)));
        assert_eq!(get(&cert, "area_m2"), Some(&json!(28769.06)));
        let audit = read(
            DocumentKind::AuditReport,
            "专项审计报告\n我们认为，贵公司双创基地运营情况表在所有重大方面按照相关规定编制，公允反映了运营情况。\n中国注册会计师·杨建\n中国注册会计师一曾鹏浩\n中国注册会计师刘瑞\n中国注册会计师:贾宏琳",
        );
        assert_eq!(
            get(&audit, "signing_cpas"),
            Some(&json!(["杨建", "曾鹏浩", "刘瑞", "贾宏琳"]))
        );
    }

    #[test]
    fn ocr_lease_term_without_colon_and_dash_read_as_one() {
        // The colon after 租赁期限 was lost: the year after it is not a stated duration.
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n第二条 租赁期限\n租赁期限2020年3月1日至2023年2月28日，共计三年。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 3, "months": 0}))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-03-01")));
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n租赁期限:贰零壹捌年壹月壹日一贰零壹玖年壹拾贰月叁拾壹日",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2019-12-31")));
    }

    #[test]
    fn labels_inside_lease_clauses_count_only_with_a_colon() {
        // 甲方 inside a clause is a word, not a label; 乙方: after a wide gap is a label.
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):太原科技有限公司 承租方(乙方):山西创业有限公司\n\
             第一条 甲方将坐落于山西省太原市小店区长治路1号的房屋出租给乙方使用。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("太原科技有限公司")));
        assert_eq!(get(&f, "lessee"), Some(&json!("山西创业有限公司")));
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省太原市小店区长治路1号"))
        );
    }

    #[test]
    fn a_subletting_clause_does_not_make_a_sublease() {
        let head = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):太原科技有限公司\n承租方(乙方):山西创业有限公司\n\
             第四条 未经甲方书面同意，乙方不得将房屋转租；经甲方同意转租的，乙方应将转租合同报甲方备案。",
        );
        assert_eq!(get(&head, "is_sublease"), Some(&json!(false)));
        let by_title = read(
            DocumentKind::Lease,
            "合同编号:ZL-1\n房屋转租合同\n出租人:山西创业有限公司\n承租人:太原小微有限公司",
        );
        assert_eq!(get(&by_title, "is_sublease"), Some(&json!(true)));
        let by_label = read(
            DocumentKind::Lease,
            "房屋租赁合同\n转租方(甲方):山西创业有限公司\n次承租方(乙方):太原小微有限公司",
        );
        assert_eq!(get(&by_label, "is_sublease"), Some(&json!(true)));
        assert_eq!(get(&by_label, "lessor"), Some(&json!("山西创业有限公司")));
        assert_eq!(get(&by_label, "lessee"), Some(&json!("太原小微有限公司")));
    }

    #[test]
    fn positional_parties_take_their_roles_from_the_clauses() {
        let stated = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方:山西创业有限公司\n乙方:太原科技有限公司\n第一条 乙方将其房屋出租给甲方使用。",
        );
        assert_eq!(get(&stated, "lessor"), Some(&json!("太原科技有限公司")));
        assert_eq!(get(&stated, "lessee"), Some(&json!("山西创业有限公司")));
        assert!(stated["lessee"].confidence > 0.9);
        assert!(!stated.contains_key("party_a"));
        let assumed = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方:太原科技有限公司\n乙方:山西创业有限公司\n第一条 双方就房屋事宜订立本合同。",
        );
        assert_eq!(get(&assumed, "lessor"), Some(&json!("太原科技有限公司")));
        assert!(
            assumed["lessee"].confidence < 0.8,
            "no clause says who lets"
        );
    }

    #[test]
    fn two_different_lessees_make_the_field_unreliable() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:太原科技有限公司\n承租方:山西创业有限公司\n\
             第一条 甲方将房屋出租给乙方使用。\n承租人:大同启航孵化器有限公司",
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("山西创业有限公司")));
        assert!(f["lessee"].confidence < 0.8);
    }

    #[test]
    fn a_head_lease_cited_in_a_renewed_sublease_is_not_its_own() {
        let f = read(
            DocumentKind::Lease,
            "房屋转租续签合同\n转租人（甲方，原承租人）：山西众创产业园运营有限责任公司\n受租人（乙方）：山西省中鼎物业管理有限公司\n\
             甲方系山西省大同市平城区长治路65号房屋的承租人（出租人：太原市小店区北格镇张花村股份经济合作社，租赁合同（编号HT201800137）租期2018.7.1至2023.6.30）。\n\
             甲、乙双方曾签订《房屋转租合同》，租期自2018.7.1至2018.8.31。现双方续签本合同：\n\
             二、续签期限：壹周年（2018.9.1—2019.8.31）。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西众创产业园运营有限责任公司"))
        );
        assert!(f["lessor"].confidence >= 0.9, "{:?}", f["lessor"]);
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-09-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2019-08-31")));
    }

    #[test]
    fn a_renewal_titled_as_continued_lease_takes_its_renewed_period() {
        // `房屋续租合同`: the former contract's period is cited, the 续租期限 is this one's term
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋续租合同\n大同市某某智能科技有限责任公司(出租方,下称甲方)与大同市某某商务服务股份有限公司(承租方,下称乙方)\n\
             曾于2019年6月4日签订《房屋租赁合同》,原合同约定的租赁期间为2019年6月15日至2022年6月14日。\n\
             1.续租房屋:山西省长治市上党区平阳路256号。\n2.续租期限:2022.06.15起,2027.06.13止。\n\
             4.履约保证金:乙方应在2022.05.27之前向甲方交纳人民币280,000元整。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-06-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-06-13")));
    }

    #[test]
    fn other_periods_are_not_the_lease_term() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n第二条 免租期自2020年1月1日至2020年3月31日。\n\
             第三条 租赁期限自2020年1月1日起至2024年12月31日止，共计五年。\n\
             第四条 租赁期满后乙方享有优先续租权，续租期三年，自2025年1月1日至2027年12月31日。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-12-31")));
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
        // the term's row of labelled cells, a rent-free period after it
        let f = read(
            DocumentKind::Lease,
            "房屋租用协议书\n二、租用期限\n租赁期限\t起:2018年03月01日\t止：2021年02月28日\n\
             甲方给予乙方装修免租期六个月，即2018年03月01日至2018年08月31日。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2021-02-28")));
        let renewal_first = read(
            DocumentKind::Lease,
            "房屋租赁合同\n续租期限自2025年1月1日至2027年12月31日。\n租赁期2020年1月1日至2024年12月31日。",
        );
        assert_eq!(
            get(&renewal_first, "term_start"),
            Some(&json!("2020-01-01"))
        );
    }

    #[test]
    fn a_holders_line_ends_before_the_certificates_printed_sentence() {
        // The holder's value beside its label, the form's sentence under it: a person's
        // name does not run on into `根据《…》` or a clause.
        for (holder, sentence) in [
            ("郝建英", "依照《中华人民共和国城市房地产管理法》规定，"),
            ("武秀兰", "为保护房屋所有权人的合法权益，对所有权人申请"),
        ] {
            let text = format!(
                "证号 晋城房权证泽州字第20931号\n房屋所有权人 {holder}\n{sentence}\n登记的本证所列房屋，经审查属实，准予登记。\n共有情况\n单独所有\n房屋坐落\n晋城市泽州县金村镇府城街12号"
            );
            for f in [
                read(DocumentKind::HouseOwnershipCertificate, &text),
                read_text_layer(DocumentKind::HouseOwnershipCertificate, &text),
            ] {
                assert_eq!(get(&f, "owner"), Some(&json!(holder)), "{text}");
            }
        }
    }

    #[test]
    fn a_role_named_for_one_position_orders_both() {
        // No clause says who lets; the tenant's own word (入驻申请单位) stands beside 乙方, so
        // 甲方 is the other side, as sure as if a clause had said it.
        let f = read(
            DocumentKind::Lease,
            "众创空间入驻协议书\n空间管理方（甲方）：晋城市丹河数字科技有限公司\n入驻申请单位（乙方）：高平市长平农业科技有限公司\n\
             入驻期限\t2024.03.01至2026.02.28\n第一条 甲方为乙方提供创业辅导、政策咨询等服务。\n\
             第二条 乙方应遵守空间的管理制度。\n甲方（章）：\t乙方（盖章）：\n晋城市丹河数字科技有限公司\t高平市长平农业科技有限公司",
        );
        assert_parties_sure(
            &f,
            "晋城市丹河数字科技有限公司",
            "高平市长平农业科技有限公司",
        );
    }

    #[test]
    fn clauses_that_contradict_each_other_are_noted_whatever_the_role_words_say() {
        let text = "入驻协议书\n空间管理方（甲方）：晋城市丹河数字科技有限公司\n入驻申请单位（乙方）：高平市长平农业科技有限公司\n\
             第一条 甲方将三层301室出租给乙方使用。\n第二条 乙方将该房屋出租给甲方使用。";
        let c = compiled(DocumentKind::Lease).expect("kind has a table");
        let pg = page(text, TextSource::TextLayer);
        let norm = Norm::build(&[&pg], &|line| c.is_label_line(line));
        let reading = read_fields(c, &norm);
        assert!(
            reading.notes.iter().any(|n| n.contains("矛盾")),
            "{:?}",
            reading.notes
        );
        assert!(reading.fields["lessor"].confidence < 0.8);
    }

    #[test]
    fn a_row_label_under_the_signature_heads_is_no_party() {
        // `单位名称(盖章)` heads the row of names under 甲方(转租方) | 乙方(…): a label, not the
        // name of either side, so the heads' names agree with the party lines.
        let text = "房屋转租协议\n甲方（转租方）：忻州市云中河文化传媒有限公司\n乙方（房屋使用单位）：太原市汾河湾网络科技有限公司\n\
             1．甲方经出租人山西晋北物产集团有限公司书面同意，将其承\n租的太原市小店区学府街88号房屋中的120㎡转租给乙\n方。\n\
             2．转租期限：2023年3月1日至2025年2月28日，合计24个月。\n\
             甲方（转租方）\n乙方（房屋使用单位）\n单位名称（盖章）\n忻州市云中河文化传媒有限公司\n太原市汾河湾网络科技有限公司\n签订日期\n2023年2月20日\n2023年2月20日";
        let c = compiled(DocumentKind::Lease).expect("kind has a table");
        let pg = page(text, TextSource::TextLayer);
        let norm = Norm::build(&[&pg], &|line| c.is_label_line(line));
        let reading = read_fields(c, &norm);
        assert!(reading.notes.is_empty(), "{:?}", reading.notes);
        assert_parties_sure(
            &reading.fields,
            "忻州市云中河文化传媒有限公司",
            "太原市汾河湾网络科技有限公司",
        );
    }

    #[test]
    fn the_addressee_is_the_organisation_before_its_people() {
        // The people a salutation addresses come in words of their own after the name; the
        // name may wrap with them, and 致: may stand alone on its line.
        for (text, want) in [
            (
                "专项审计报告\n长治市潞安新材料有限公司股东会全体成员：\n我们审计了贵公司2021年度小微企业创业创新基地（以下简称“基地”）的运营情况。",
                "长治市潞安新材料有限公司",
            ),
            (
                "专项审计报告\n忻州市五台山文旅发展有限公司出资人及经营管理者：\n我们接受委托，对后附的贵公司2021年度运营数据表进行了专项审计。",
                "忻州市五台山文旅发展有限公司",
            ),
            (
                "晋财专审字〔2022〕第018号\n专项审计报告\n山西综改示范区云岭（集团）物业服务有限责任公司全\n体股东、监事会：\n受贵公司委托，我们实施了专项审计。",
                "山西综改示范区云岭（集团）物业服务有限责任公司",
            ),
            (
                "专项审计报告\n致：\n\n吕梁市汾阳杏花投资管理有限公司执行董事及经理层\n我们审计了贵公司2022年度小微企业创业创新基地（以下简称“创业基地”）的运营情况。",
                "吕梁市汾阳杏花投资管理有限公司",
            ),
        ] {
            let f = read(DocumentKind::AuditReport, text);
            assert_eq!(get(&f, "audited_entity"), Some(&json!(want)), "{text}");
        }
    }

    #[test]
    fn a_sentence_leading_into_a_table_is_no_salutation() {
        let f = read(
            DocumentKind::AuditReport,
            "关于朔州市右玉生态科技有限公司申报2021年度小微企业创业创新基地的专项审计报告\n董事会：\n我们接受委托，对贵公司的基地运营情况进行了专项审计。\n审定的基地运营主要指标如下：\n入驻小微企业\n18",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("朔州市右玉生态科技有限公司"))
        );
        assert!(f["audited_entity"].confidence >= 0.85);
    }

    #[test]
    fn a_heading_ending_in_a_colon_is_no_salutation() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n全体股东：\n我们接受委托，对基地运营情况进行了专项审计。\n二、小微企业创业创新基地基本情况：\n入驻企业28户。",
        );
        assert_eq!(get(&f, "audited_entity"), None);
    }

    #[test]
    fn another_periods_last_day_is_not_the_terms() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：太原市晋源区供销合作社\n承租方：山西鹿鸣科技有限公司\n\
             第五条 履约保证\n乙方提供银行保函，保函期限的届满日为2021年6月30日。\n",
        );
        assert_eq!(get(&f, "term_end"), None);
    }

    #[test]
    fn a_company_name_wraps_into_its_sentence() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：山西汾河湾房地产开发有\n限公司（以下简称甲方）。\n承租方：太原市云帆科技有限公司\n甲方将房屋出租给乙方。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西汾河湾房地产开发有限公司"))
        );
    }

    #[test]
    fn a_pronoun_is_no_ones_name() {
        // 贵公司 in a sentence that a name's reader stops at: no name, rather than a clause.
        for text in [
            "专项审计报告\n全体股东：\n我们审计了贵公司2022年度小微企业创业创新基地（以下简称“创业基地”）的运营情况。",
            "专项审计报告\n全体股东：\n我们接受委托，对后附的贵公司2020年度运营数据表进行了专项审计。",
        ] {
            let f = read(DocumentKind::AuditReport, text);
            assert_eq!(get(&f, "audited_entity"), None, "{text}");
        }
        // the words inside a name are no pronoun
        for name in [
            "大连日本公司投资有限公司",
            "对外经贸大学资产经营有限公司",
            "本溪钢铁（集团）有限责任公司",
        ] {
            assert!(!NOT_A_NAME.is_match(name), "{name}");
        }
        for word in ["本公司", "该单位", "后附的贵公司"] {
            assert!(NOT_A_NAME.is_match(word), "{word}");
        }
    }

    #[test]
    fn the_terms_days_each_in_a_sentence_of_their_own() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：太原市晋源区供销合作社\n承租方：山西鹿鸣科技有限公司\n第四条 租赁期限\n\
             （1）租赁期限共6年，起始日贰零贰零年柒月壹日。期内任何一方不得提前解除本合同；乙方需提前退租的，\n\
             应提前三个月书面通知甲方。租赁期\n限的终止日为贰零贰陆年陆月叁拾日。\n\
             （2）装修免租期2个月，从2020.7.1开始，到2020.8.31结束。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-07-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-06-30")));
    }

    #[test]
    fn the_addressee_is_found_by_its_shape() {
        // A name wrapped before its legal form, a code labelled 唯一编码, a number whose year
        // has no brackets.
        let f = read(
            DocumentKind::AuditReport,
            "唯一编码：DRGA6CQU4B0QEURB\n太原立诚会计师事务所有限公司\n专项审计报告\n报告号：立诚专项审字2020第0898号\n\
             晋中市青创科技发展（集团）\n有限责任公司管理层：\n我们接受贵公司委托，对贵公司2019年度基地运营指标执行了专项审计。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("晋中市青创科技发展（集团）有限责任公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("DRGA6CQU4B0QEURB")));
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("立诚专项审字2020第0898号"))
        );
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n报告号：信达诚审核字（2021）第0551号\n长治市宏图创新创业实业有限\n公司管理层：\n\
             我们接受贵公司委托，对贵公司2020年度小微企业创业创新基地的入驻企业、服务\n收支及运营指标执行了专项审计。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("长治市宏图创新创业实业有限公司"))
        );
        // addressed to the authority: the company is the one the body names
        let f = read(
            DocumentKind::AuditReport,
            "大同永正会计师事务所有限责任公司\n专项审计报告\n致：晋中市工业和信息化局\n\
             我们接受委托，审计了后附的山西创客创新创业网络科技有限责任公司（以下简称“该公司”）2020年度运营情况表。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西创客创新创业网络科技有限责任公司"))
        );
        // A code's caption read between the number and the salutation.
        let f = read(
            DocumentKind::AuditReport,
            "山西正信会计师事务所有限公司\n专项审计报告\n晋德诚专审字〔2021〕第0489号\n扫码查询报告真伪\n\
             大同市汇智企业管理咨询(山西)股份有限公司:\n我们审计了后附的大同市汇智企业管理咨询(山西)股份有限公司(以下简称贵公司)基地运营情况表。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("大同市汇智企业管理咨询（山西）股份有限公司"))
        );
        for salutation in ["致:太原龙城科技有限公司", "太原龙城科技有限公司全体股东:"]
        {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n晋审字(2021)12号\n{salutation}\n我们审计了后附的基地运营情况表。"
                ),
            );
            assert_eq!(
                get(&f, "audited_entity"),
                Some(&json!("太原龙城科技有限公司")),
                "{salutation}"
            );
        }
    }

    #[test]
    fn report_numbers_of_many_firms_and_not_the_rules_they_cite() {
        for no in [
            "立诚审字〔2021〕ZX254号",
            "瑞明(2022)专审字第0647号",
            "晋恒远审专〔2022〕0793号",
            "明鉴专审报字(2022)第026号",
            "中惠会师报字[2020]第ZS0387号",
            "晋龙城审〔2023〕专字第017号",
            "恒远(晋)审专字〔2021〕160号",
            "明鉴核字[2021]000145号",
            "明鉴专审字第20230135号",
            "(2022)晋华信专审字第123号",
            "晋正信鉴字[2022]第0088号",
            "致同审字(2022)第110A000123号",
            "容诚专字[2022]230Z1234号",
            "众环审字(2022)0112345号",
            "晋恒远〔2021〕0123号",
            "瑞诚审字〔2024〕0296-ZX号",
        ] {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n{no}\n太原龙城科技有限公司:\n我们审计了贵公司基地运营情况。\n\
                     会计师事务所执业证书\n证书序号:0068107\n批准执业文号:晋财会〔2008〕11号"
                ),
            );
            assert_eq!(get(&f, "report_no"), Some(&json!(no)), "{no}");
        }
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n太原龙城科技有限公司:\n根据《关于印发…的通知》(晋企发〔2021〕5号)的要求。\n\
             批准执业文号:晋财会〔2008〕11号\n报备码:141120220485373303",
        );
        assert_eq!(get(&f, "report_no"), None);
        assert_eq!(get(&f, "report_code"), Some(&json!("141120220485373303")));
        // the number of an earlier report cited in a sentence is not this report's
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n明鉴核字[2021]000145号\n太原龙城科技有限公司:\n我们已审计贵公司2020年度财务报表,\
             并于2021年1月5日出具了《审计报告》(明鉴审字(2021)第880号)。",
        );
        assert_eq!(get(&f, "report_no"), Some(&json!("明鉴核字[2021]000145号")));
    }

    #[test]
    fn audit_entity_named_in_the_engagement_the_scope_or_a_one_line_title() {
        for text in [
            "专项审计报告\n晋华审字[2022]第0123号\n受太原龙城科技有限公司(以下简称“贵公司”)委托,我们对贵公司基地运营情况进行了专项审计。",
            "专项审计报告\n晋华审字[2022]第0123号\n全体股东:\n我们对太原龙城科技有限公司(以下简称“公司”)2022年度小微企业创业创新基地的运营情况进行了专项审计。",
            "太原龙城科技有限公司2022年度小微企业创业创新基地专项审计报告\n晋华审字[2022]第0123号\n全体股东:\n\
             我们接受委托,依据《山西省小微企业创业创新基地认定管理办法》的要求,审计了基地2022年度的运营情况和入驻企业情况。",
            "专项审计报告\n晋华审字[2022]第0123号\n太原龙城科技有限公司董事会及全体股东:\n我们审计了基地的运营情况。",
            "专项审计报告\n晋华审字[2022]第0123号\n全体股东:\n一、基地基本情况\n运营主体:太原龙城科技有限公司\n基地名称:龙城双创基地",
        ] {
            let f = read(DocumentKind::AuditReport, text);
            assert_eq!(
                get(&f, "audited_entity"),
                Some(&json!("太原龙城科技有限公司")),
                "{text}"
            );
        }
    }

    #[test]
    fn a_mortgage_proof_cited_in_the_annotation_does_not_make_a_proof() {
        let cert = "不动产权证书\n晋(2018)晋中市不动产权第165672号\n权利人\t太原市并州信息技术有限公司\n附记\n\
                    抵押权人:晋商银行股份有限公司,\n不动产登记证明号:晋(2019)晋中\n市不动产证明第0023903号。";
        let f = read(DocumentKind::PropertyCertificate, cert);
        assert_eq!(get(&f, "is_ownership_proof"), Some(&json!(true)));
        let proof = "不动产登记证明\n晋(2019)晋中市不动产证明第0023903号\n证明权利或事项\n抵押权";
        let f = read(DocumentKind::PropertyCertificate, proof);
        assert_eq!(get(&f, "is_ownership_proof"), Some(&json!(false)));
        let f = read(
            DocumentKind::PropertyCertificate,
            "晋(2019)晋中市不动产证明第0023903号\n证明权利或事项\n抵押权",
        );
        assert_eq!(get(&f, "is_ownership_proof"), Some(&json!(false)));
    }

    #[test]
    fn co_owners_listed_with_shares_or_in_a_row() {
        for (text, want) in [
            (
                "不动产权证书\n权利人\n晋中市青创网络科技有限责任公司\n共有情况\n按份共有\n权利其他状况\n\
                 共有人:晋中市青创网络科技有限责任公司(75%);山西宏图创业服务有限责任公司(25%)",
                vec![
                    "晋中市青创网络科技有限责任公司",
                    "山西宏图创业服务有限责任公司",
                ],
            ),
            (
                "不动产权证书\n权利人\n运城市汾河投资管理股份有限公司\n共有情况\n共同共有\n附记\n\
                 共有人:运城市汾河投资管理股份有限公司、忻州市众创企业管理咨询有限公司\n该房屋由某公司开发建设。",
                vec![
                    "运城市汾河投资管理股份有限公司",
                    "忻州市众创企业管理咨询有限公司",
                ],
            ),
            (
                // the co-owner's name wraps in a narrow 附记 cell
                "不动产权证书\n权利人\n忻州市锦程网络科技有限责任公司\n共有情况\n按份共有\n\
                 权利其他状况\n专有建筑面积:1764.39m2,分摊建筑面积:97.89m2;房屋结构:混合结构;房屋总层数:12层\n\
                 附记\n共有人:大同市合信产业园运营有\n限公司,占70%份额;业务号:202\n1102018308",
                vec!["大同市合信产业园运营有限公司"],
            ),
            (
                // the owners listed in the owner's cell, set apart by semicolons, one wrapped
                "不动产权证书\n权利人\n忻州市某某管理股份有限公司;山西某某企业管理咨询有限责任公\n司;邵某\n共有情况\n共同共有\n坐落\n山西省长治市潞州区某某街98号",
                vec![
                    "忻州市某某管理股份有限公司",
                    "山西某某企业管理咨询有限责任公司",
                    "邵某",
                ],
            ),
            (
                // the other co-owners under a label of their own beside the owner's row
                "不动产权证书\n权利人\n临汾市某某科技有限公司\n其他共有人\n太原市某某科技发展有限责任公司\n沈某瑞\n共有方式\n共同共有",
                vec!["太原市某某科技发展有限责任公司", "沈某瑞"],
            ),
        ] {
            let f = read(DocumentKind::PropertyCertificate, text);
            assert_eq!(get(&f, "co_owners"), Some(&json!(want)), "{text}");
        }
    }

    #[test]
    fn a_salutation_that_is_not_the_body_client_is_ambiguous() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n晋审字(2021)12号\n太原龙城科技有限公司:\n我们审计了后附的大同启航孵化器管理有限公司(以下简称贵公司)基地运营情况表。",
        );
        assert!(f["audited_entity"].confidence < 0.8);
    }

    #[test]
    fn cover_page_labels_end_each_other() {
        let f = read(
            DocumentKind::AuditReport,
            "审计报告防伪页\n防伪编号:140120207809681333\n被审计单位:山西晋阳科技发展有限责任公司\n\
             报告文号:晋正信专审字〔2020〕第0688号\n会计师事务所:山西晋审会计师事务所(普通合伙)\n请扫描二维码查询报告真伪",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西晋阳科技发展有限责任公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140120207809681333")));
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("晋正信专审字〔2020〕第0688号"))
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("山西晋审会计师事务所（普通合伙）"))
        );
        // an unknown label on the next line ends a value too
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n被审计单位:山西晋阳科技发展有限责任公司\n联系地址:太原市小店区",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西晋阳科技发展有限责任公司"))
        );
    }

    #[test]
    fn a_label_word_inside_a_sentence_is_not_a_name() {
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人 太原龙城孵化器管理有限公司\n\
             根据《中华人民共和国物权法》，房屋所有权人持有本证，依法享有房屋所有权。",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("太原龙城孵化器管理有限公司")));
        assert!(f["owner"].confidence > 0.9);
        // a person's name before a comma is still a name
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:张建国,身份证号见附件\n承租方:山西创业有限公司",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("张建国")));
    }

    #[test]
    fn parties_in_a_table_of_role_columns() {
        // a text layer gives the table cell by cell; a long name wraps in its cell
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方)\n承租方(乙方)\n名称\n长治市汇丰置业发展股份有限\n公司\n\
             晋城市云帆科技有限公司\n统一社会信用代码\n91140400MA0K2Q1X7B\n91140500MA0L8C7T1E\n\
             租赁期限\n六年",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市汇丰置业发展股份有限公司"))
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("晋城市云帆科技有限公司")));
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 6, "months": 0}))
        );
        // OCR read the row's two name cells as one (a narrow gap): told apart by legal form
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n承租方 (乙方)\t出租方 (甲方)\n\
             名称\t晋城市云帆科技有限公司 长治市汇丰置业发展有限责任公司\n法定代表人\t王伟\t李娜",
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("晋城市云帆科技有限公司")));
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市汇丰置业发展有限责任公司"))
        );
        // columns headed only 甲方/乙方 take their roles from the clauses
        let f = read(
            DocumentKind::Lease,
            "租赁协议\n甲方\n乙方\n名称\n晋城市云帆科技有限公司\n长治市汇丰置业有限公司\n\
             乙方将其所有的房屋出租给甲方使用。",
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("晋城市云帆科技有限公司")));
        assert_eq!(get(&f, "lessor"), Some(&json!("长治市汇丰置业有限公司")));
    }

    #[test]
    fn parties_named_in_the_opening_sentence() {
        let cases = [
            "房屋租赁合同\n本合同由朔州市青禾农业科技有限公司(以下简称“甲方”)与吕梁市博创(山西)信息技术有限公司(以下简称“乙方”)共同签订。\n甲方将其房屋出租给乙方。",
            "房屋租赁合同\n甲方朔州市青禾农业科技有限公司与乙方吕梁市博创(山西)信息技术有限公司经协商,订立本合同。\n一、甲方将位于太原市的房屋租给乙方使用。",
            "房屋租赁合同\n承租方吕梁市博创(山西)信息技术有限公司(以下简称乙方)与出租方朔州市青禾农业科技有限公司(以下简称甲方)经友好协商,达成如下条款:",
            "转租协议\n甲方朔州市青禾农业科技有限公司(转租方)将其承租的房屋转租给乙方吕梁市博创(山西)信息技术有限公司(次承租方)使用。",
        ];
        for text in cases {
            let f = read(DocumentKind::Lease, text);
            assert_eq!(
                get(&f, "lessor"),
                Some(&json!("朔州市青禾农业科技有限公司")),
                "{text}"
            );
            assert_eq!(
                get(&f, "lessee"),
                Some(&json!("吕梁市博创（山西）信息技术有限公司")),
                "{text}"
            );
            assert!(
                f["lessor"].confidence >= 0.8 && f["lessee"].confidence >= 0.8,
                "{text}"
            );
        }
    }

    #[test]
    fn lease_parties_and_terms_written_in_other_ways() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        // short names in quotes, a natural person with an ID number, a name wrapped before it
        let f = lease(
            "房产租赁合同\n临汾市东方电子商务有限责任公司（以下称“承租方”）因经营发展需要，向唐\n\
             凯（身份证号码：140211196805116835）（以下称“出租方”）承租房屋。\n\
             2.1 租赁期限为伍年，从二〇二〇年一月一日开始至二〇二四年十二月三十一日结束。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("唐凯")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("临汾市东方电子商务有限责任公司"))
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-12-31")));
        // roles in brackets after the position: the owner lets, the user rents
        let f = lease(
            "房屋租赁合同书\n甲方（房屋所有权人）：大同市瑞丰科技发展股份有限公司\n法定代表人：蒋明浩\n\
             乙方（房屋使用人）：太原市云冈商务服务有限责任公司\n联系电话：0354-2995543",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("大同市瑞丰科技发展股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("太原市云冈商务服务有限责任公司"))
        );
        // a key-terms table: 出租方名称 | name
        let f = lease(
            "厂房租赁合同\n出租方名称\t阳泉市润泽企业管理咨询有限公司\n出租方统一社会信用代码\t9114010531PKKQ011G\n\
             承租方名称\t晋中市晋创网络科技有限公司\n租赁期限\t2020年12月1日至2025年11月29日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("阳泉市润泽企业管理咨询有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋中市晋创网络科技有限公司"))
        );
        // a role word in a sentence, the name after 为 wrapping onto the next line
        let f = read(
            DocumentKind::Lease,
            "场地转租协议书\n第一条 转租人为山西启航文化传媒有限公司，统一社会信用代码91140100R2DPPC4A8E，系本协议项下场地的承租人；受转租人为太原市晋创科技发展股份有限\n公司，统一社会信用代码911404000W1QMXBF75。本协议中转租人称“甲方”，受转租人称“乙方”。",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("太原市晋创科技发展股份有限公司"))
        );
        // a trade union lets, its role noted after its name
        let f = lease(
            "车间租赁合同\n甲方：太原市总工会（出租方）\n统一社会信用代码：911407007JAGDJA298\n\
             乙方:大同市汾鼎文化传媒有限公司（承租方）\n统一社会信用代码：911401081DW7RYTQ00",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("太原市总工会")));
        // the name and the party's number asked in one label, the number after a slash
        let f = lease(
            "房屋租赁合同\n出租人(甲方)名称及证照号码:晋中市启航信息技术股份有限公司/\n911407008G5JWJM474\n\
             通讯地址:山西省晋中市榆次区龙城大街67号\n承租人(乙方)名称及证照号码:阳泉市优客创业服务有限责任公司/\n\
             9114010774BT48349X\n第一条 出租人将坐落于大同市的房屋出租给承租人。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋中市启航信息技术股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市优客创业服务有限责任公司"))
        );
        // …and the number on the name's line
        let f = lease(
            "房屋租赁合同\n出租人(甲方)名称及证照号码:临汾市金鹏智能科技有限公司/91140105U1K1C2MC6N\n\
             承租人(乙方)名称及证照号码:大同市聚能物业管理有限责任公司/\n911407008LYEA2W501",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市金鹏智能科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市聚能物业管理有限责任公司"))
        );
        // a sublease that cites its head lease by title: that term is not this one
        let f = lease(
            "房屋转租合同\n鉴于甲方已于2022年3月15日与房屋产权人某公司签订《房屋租赁合同》，租赁期限为2022.04.01至2027.03.31；\n\
             第二条 转租期限自2023年03月01日起至2026年02月28日止。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2023-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-02-28")));
        // ...or by its number in brackets after the premises, the recital wrapping over lines;
        // this agreement's own term says where it starts (始) and ends (止) in two clauses
        let f = lease(
            "孵化基地入驻协议\n鉴于：甲方已承租太原市某某物业有限公司位于山西省太原市小店区\n\
             学府街8号的房屋（租赁合同编号：ZL/2020/118），租赁期限自\n2020年05月01日至2025年04月30日，\
             经出租人同意转租。\n第二条 入驻期限：乙方入驻期限自2021年05月01日始，至2023年04月30日止。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-05-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-04-30")));
        // a lease's own number in brackets is this contract's: its term stands
        let f = lease(
            "房屋租赁合同\n第二条 本合同（本合同编号：ZL-2021-006）租赁期限自2021年05月01日至2026年04月30日。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-05-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-04-30")));
        // a term counted from the delivery date named just before
        let f = lease(
            "房屋租赁合同\n第三条 房屋租赁期为五年。\n第五条 甲方应于贰零壹捌年壹拾月壹拾伍日将房屋交付乙方，租赁期自该日起至\n\
             贰零贰叁年壹拾月壹拾肆日止。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-10-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-10-14")));
        // a table with 起 and 止 columns, its cells one a line, an address cell wrapped
        let f = lease(
            "入驻协议\n一、入驻场地及期限\n房号\t场地位置\t面积(㎡)\t起\t止\n             B-12\t山西省晋中市榆次区迎宾街8号\n创业大厦5层\t315.2\t2021.03.01\t2023.02.28\n             入驻期满可续签。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-02-28")));
    }

    #[test]
    fn an_incubator_agreement_that_sublets_is_a_sublease_and_a_permission_is_not() {
        let f = read(
            DocumentKind::Lease,
            "小微企业创业创新基地入驻协议\n基地运营单位（甲方）\n太原市凯达信息技术有限责任公司\n入驻企业（乙方）\n\
             晋中市恒泰企业管理咨询有限公司\n1. 甲方运营的基地场地系甲方向阳泉市尧都文化传媒股份有限公司租赁取得，\
             甲方依据租赁合同的约定将上述场地转租给乙方作为办公场所。\n2. 乙方不得将场地转租、转借给第三方。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原市凯达信息技术有限责任公司"))
        );
        let f = read(
            DocumentKind::Lease,
            "房产租赁合同\n4.2 出租方同意承租方将租赁房屋用于创业孵化，承租方可将房屋分割后转租给入驻企业，\
             转租合同应报出租方备案。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(false)));
    }

    #[test]
    fn unit_labels_spaced_out_and_term_lines() {
        let f = read(
            DocumentKind::Lease,
            "租赁合同\n出　租　单　位:阳泉市鼎新资产管理有限公司\n单　位　地　址:阳泉市城区桃北路8号\n\
             承　租　单　位:朔州市青禾农业科技有限公司\n第二条 租赁期限\n起租日期:2021-03-01\n\
             到期日期:2026-02-28\n租赁年限:伍年\n出租单位(盖章):阳泉市鼎新资产管理有限公司",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("阳泉市鼎新资产管理有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-02-28")));
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
        // a form's cells side by side: the first and the last day of the rent (起租日 / 止租日)
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方\t吕梁市恒信资产管理有限公司\t承租方\t晋城市云帆科技有限公司\n\
             起租日\t2021/07/15\t止租日\t2026/07/13\n年租金\t1,930,000.00元",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-07-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-07-13")));
        // a start that is not a date gives no term start
        let f = read(
            DocumentKind::Lease,
            "租赁合同\n起租日期:以房屋实际交付日为准\n租赁年限:拾年",
        );
        assert_eq!(get(&f, "term_start"), None);
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 10, "months": 0}))
        );
    }

    #[test]
    fn a_head_landlord_named_in_a_sublease_is_not_its_lessor() {
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同(三方)\n原出租方(丙方)\n阳泉市鼎新资产管理有限公司\n转租方(甲方)\n\
             朔州市青禾农业科技有限公司\n次承租方(乙方)\n吕梁市博创信息技术有限公司",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
    }

    #[test]
    fn a_label_wrapped_in_its_narrow_cell() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n朔州市青禾农业科技有限公司\n坐落\n朔州市朔城区开发南路16号\n不动产单\n元号\n\
             140602003001GB00012F00010001\n权利其他\n状况\n专有建筑面积100㎡",
        );
        assert_eq!(get(&f, "address"), Some(&json!("朔州市朔城区开发南路16号")));
        assert_eq!(
            get(&f, "unit_no"),
            Some(&json!("140602003001GB00012F00010001"))
        );
    }

    #[test]
    fn audit_cover_cells_and_a_long_salutation() {
        let f = read(
            DocumentKind::AuditReport,
            "审计报告\n报告名称\n专项审计报告\n委托单位\n吕梁市博创信息技术有限公司\n报告文号\n\
             晋信专审字[2022]0101号\n报告验证码\n140220221234567890\n出具机构\n\
             山西信诚会计师事务所有限公司\n出具日期\n2022年3月1日",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        assert_eq!(get(&f, "report_no"), Some(&json!("晋信专审字[2022]0101号")));
        assert_eq!(get(&f, "report_code"), Some(&json!("140220221234567890")));
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("山西信诚会计师事务所有限公司"))
        );
        // a salutation long enough to reach the margin still ends its line
        let long = "太原国家高新技术产业开发区东方双创基地产业园运营有限公司";
        let f = read(
            DocumentKind::AuditReport,
            &format!(
                "专项审计报告\n致:{long}\n受贵单位委托,我们对贵单位申报基地所涉及的财务数据进行了审计。"
            ),
        );
        assert_eq!(get(&f, "audited_entity"), Some(&json!(long)));
    }

    #[test]
    fn a_barcode_payload_printed_under_it_is_the_report_code() {
        let page = page(
            "专项审计报告\n晋信专审字[2022]0101号\n140220221234567890",
            TextSource::TextLayer,
        );
        let c = compiled(DocumentKind::AuditReport).expect("table");
        let norm = Norm::build(&[&page], &|line| c.is_label_line(line));
        let mut reading = read_fields(c, &norm);
        assert!(!reading.fields.contains_key("report_code"));
        // a line that is not a payload is no code
        printed_payload(c, &norm, &["140220220000000000"], &mut reading);
        assert!(!reading.fields.contains_key("report_code"));
        printed_payload(c, &norm, &["140220221234567890"], &mut reading);
        let code = &reading.fields["report_code"];
        assert_eq!(code.value, json!("140220221234567890"));
        assert!(code.confidence >= 0.8 && code.confidence < 1.0);
    }

    #[test]
    fn a_payloads_parts_are_found_printed_whatever_their_grouping_or_encoding() {
        let seen = |text: &str, payload: &str| {
            let page = page(text, TextSource::TextLayer);
            let c = compiled(DocumentKind::AuditReport).expect("table");
            let norm = Norm::build(&[&page], &|line| c.is_label_line(line));
            let mut reading = read_fields(c, &norm);
            payload_seen(c, &norm, &[payload], &mut reading);
            reading
                .fields
                .get("printed_code_tokens")
                .map(|f| f.value.clone())
        };
        // the print groups the code for the eye, the symbol carries it bare
        assert_eq!(
            seen(
                "专项审计报告\n报告编号:晋天元专审字[2020]第0464号\n备案码:1403 2020 7365 0211 77",
                "http://bbcx.example.gov.cn/q?code=140320207365021177"
            ),
            Some(json!(["140320207365021177"]))
        );
        // a report number percent-encoded in a URL, printed with other brackets
        assert_eq!(
            seen(
                "专项审计报告\n报告编号:晋天元专审字[2020]第0464号",
                "https://cx.example.cn/r?no=%E6%99%8B%E5%A4%A9%E5%85%83%E4%B8%93%E5%AE%A1%E5%AD%97%E3%80%942020%E3%80%95%E7%AC%AC0464%E5%8F%B7"
            ),
            Some(json!(["晋天元专审字〔2020〕第0464号"]))
        );
        // a code printed nowhere is not seen
        assert_eq!(
            seen(
                "专项审计报告\n备案码:140320207365021177",
                "http://bbcx.example.gov.cn/q?code=140320207365021178"
            ),
            None
        );
    }

    #[test]
    fn a_code_under_its_caption_is_the_one_its_symbol_carries() {
        let reading_of = |text: &str, payloads: &[&str]| {
            let page = page(text, TextSource::TextLayer);
            let c = compiled(DocumentKind::AuditReport).expect("table");
            let norm = Norm::build(&[&page], &|line| c.is_label_line(line));
            let mut reading = read_fields(c, &norm);
            printed_payload(c, &norm, payloads, &mut reading);
            code_as_carried(&norm, payloads, &mut reading);
            reading.fields.get("report_code").map(|f| f.value.clone())
        };
        // the code alone under a caption, its symbol a URL with the code in its path
        let text = "专项审计报告\n晋信专审字[2022]0101号\n扫码查验报告真伪\n140220221234567890";
        assert_eq!(
            reading_of(
                text,
                &["http://yz.example.cn/yz/20220409/140220221234567890"]
            ),
            Some(json!("140220221234567890"))
        );
        assert_eq!(
            reading_of(text, &["http://yz.example.cn/yz/1402202212345"]),
            None
        );
        // parts joined by dots, under a caption no label knows, the symbol carrying it in a line
        // of text
        assert_eq!(
            reading_of(
                "专项审计报告\n附表:基地运营情况审计确认表\n报告查验\nSXBG.2022.4207267",
                &["报告防伪码SXBG.2022.4207267（20220218）"]
            ),
            Some(json!("SXBG.2022.4207267"))
        );
        // grouped for the eye: its hyphens stay when the symbol carries them, else not
        let text = "专项审计报告\n报备信息码:2022-4119-9273-1302\n";
        assert_eq!(
            reading_of(text, &["https://v.example.cn/#/r/2022-4119-9273-1302?t=qr"]),
            Some(json!("2022-4119-9273-1302"))
        );
        assert_eq!(
            reading_of(text, &["https://v.example.cn/r?c=2022411992731302"]),
            Some(json!("2022411992731302"))
        );
    }

    #[test]
    fn an_addressee_read_by_its_label_is_the_entity() {
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n致:太原市云帆科技有限公司全体股东\n我们审计了贵公司2023年度小微企业创业创新基地的运营情况表以及场地使用、入驻企业和公共服务的情况。\n",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("太原市云帆科技有限公司"))
        );
    }

    #[test]
    fn a_person_introduced_after_a_label_of_any_word() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "厂房租赁合同\n产权方:韩立明(以下简称“甲方”)\n身份证号码:140521198503175440\n\
             使用方:太原市云帆科技有限公司(以下简称“乙方”)\n甲方出租的厂房位于某路1号。\n",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("韩立明")));
        assert_eq!(get(&f, "lessee"), Some(&json!("太原市云帆科技有限公司")));
    }

    #[test]
    fn a_house_certificate_number_with_a_hyphened_serial() {
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人\n太原市云帆科技有限公司\n附记\n登记字号:晋中市房权证榆次区字第2014-6913号\n",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("晋中市房权证榆次区字第2014-6913号"))
        );
        // the year of registration before 字 (太原房权证迎泽2009字第…号)
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人：长治市金鹏科技发展有限责任公司\n登记时间：2009.5.4\n\
             房屋所有权证号：太原房权证迎泽2009字第85356号　　填发日期：2009.5.23\n",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("太原房权证迎泽2009字第85356号"))
        );
    }

    #[test]
    fn a_sublet_by_its_other_word_and_a_column_title_that_is_no_name() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋分租协议\n分租方:太原市云帆科技有限公司\n承租方:晋中市恒泰物业管理有限公司\n\
             分租期限:自2023.08.01至2025.07.31。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(get(&f, "lessor"), Some(&json!("太原市云帆科技有限公司")));
        let whole = |s: &str| name_part(s, 0..s.len());
        assert_eq!(whole("入驻时间"), None);
        assert_eq!(whole("注册地址"), None);
        assert_eq!(whole("韩立明"), Some(0.."韩立明".len()));
    }

    #[test]
    fn a_wrapped_label_read_around_its_value() {
        // OCR: the label's head with the row's value, its tail on the next line
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\t朔州市青禾农业科技有限公司\n坐落\t朔州市朔城区开发南路16号\n\
             不动产单 140602003001GB00012F00010001\n元号\n权利类型 国有建设用地使用权/房屋所有权",
        );
        assert_eq!(get(&f, "address"), Some(&json!("朔州市朔城区开发南路16号")));
        assert_eq!(
            get(&f, "unit_no"),
            Some(&json!("140602003001GB00012F00010001"))
        );
    }

    #[test]
    fn a_name_cell_of_two_lines_read_around_its_row() {
        // OCR put the first line of the lessee's two-line cell above the row; its box says
        // which column it belongs to
        let mut page = page("", TextSource::Ocr);
        let rows: [&[(&str, f32)]; 5] = [
            &[("房屋租赁合同", 0.4)],
            &[("出租方(甲方)", 0.3), ("承租方(乙方)", 0.6)],
            &[("太原国家高新技术产业开发区华晋", 0.6)],
            &[
                ("名称", 0.1),
                ("长治市众创智能科技有限公司", 0.3),
                ("创新创业产业园运营有限责任公司", 0.6),
            ],
            &[("法定代表人", 0.1), ("邹艳", 0.3), ("彭琳", 0.6)],
        ];
        for (y, row) in rows.iter().enumerate() {
            for (k, (cell, x)) in row.iter().enumerate() {
                if k > 0 {
                    page.text.push('\t');
                }
                let start = page.text.chars().count();
                page.text.push_str(cell);
                let end = page.text.chars().count();
                let y0 = 0.1 + y as f32 * 0.05;
                page.spans.push(crate::model::TextSpan {
                    start,
                    end,
                    bbox: [*x, y0, x + 0.25, y0 + 0.02],
                    confidence: 0.99,
                });
            }
            page.text.push('\n');
        }
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市众创智能科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!(
                "太原国家高新技术产业开发区华晋创新创业产业园运营有限责任公司"
            ))
        );
        assert!(f["lessee"].confidence >= 0.8);
    }

    #[test]
    fn parties_known_by_short_names_of_their_own() {
        // neither party is ever 甲方 or 乙方 again: the clauses give the short names roles
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n本合同由晋中市腾达信息技术有限公司(以下简称“腾达信息”)与太原鼎盛创新科技发展股份有限公司(以下简称“鼎盛科技”)签订。\n\
             双方就鼎盛科技承租腾达信息房屋事宜,达成如下条款:\n一、腾达信息将坐落于太原市小店区汇通路94号的房屋出租给鼎盛科技。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋中市腾达信息技术有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("太原鼎盛创新科技发展股份有限公司"))
        );
        // a person's ID and her short name in one bracket; the tenant by a short name
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n本合同由刘娥鑫(身份证号码:140106197212245525,以下简称“甲方”)与运城市创客(集团)电子商务有限公司(以下简称“创客电子”)签订。\n\
             就创客电子承租甲方房屋用于办公事宜,达成如下条款:",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("刘娥鑫")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("运城市创客（集团）电子商务有限公司"))
        );
        // a short name the clauses give no role stays unread
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n本合同由晋中市腾达信息技术有限公司(以下简称“腾达信息”)与太原鼎盛创新科技发展股份有限公司(以下简称“鼎盛科技”)签订。\n腾达信息与鼎盛科技友好协商。",
        );
        assert_eq!(get(&f, "lessor"), None);
    }

    #[test]
    fn a_term_counted_from_the_handover_or_the_signing() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n二、租赁期限:租期自交房之日起3年,期满日为2022年05月31日。\n附件\n房屋交接确认书\n交房日期\n2019年06月01日",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-06-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-05-31")));
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 3, "months": 0}))
        );
        let f = read(
            DocumentKind::Lease,
            "场地租赁协议\n2.租赁期限:租赁期限5年,自本协议签订之日起至2026年05月31日期满。\n签订日期\n2021年6月1日\n签订日期\n2021年6月1日",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-06-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-05-31")));
        // the two signing dates disagree, or the handover date is blank: no start
        let f = read(
            DocumentKind::Lease,
            "场地租赁协议\n租赁期限自本协议签订之日起至2026年05月31日期满。\n签订日期\n2021年6月1日\n签订日期\n2021年6月3日",
        );
        assert_eq!(get(&f, "term_start"), None);
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-05-31")));
    }

    #[test]
    fn a_head_lease_cited_over_a_label_line_is_not_the_term() {
        // OCR broke the citing sentence after `(合同编号:`; the sublease's own term is its table's
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n第一条 转租依据\n甲方于2020.11.25与白芬(以下简称“原出租方”)签订了《房屋租赁合同》(合同编号:\n\
             ZL-2020-0385),租赁期限自2020.12.01至2025.11.30,原出租方已书面同意甲方转租。\n\
             第二条 转租房屋及期限\n转租起始日期\t转租终止日期\t转租面积\n2021.04.01\t2023.03.31\t450.20平方米",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-03-31")));
    }

    #[test]
    fn role_heads_of_a_signature_table_read_before_their_names() {
        // the header row first (出租人 | 承租人), then the names in the same order, the
        // second wrapped: neither head takes the line after it
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人\n大同市卓越投资管理有限公司\n承租人\n太原市星火(集团)网络科技有限责任公司\n\
             第七条 其他约定\n本合同自双方签字(盖章)之日起生效。\n出租人(签章):\n承租人(签章):\n\
             大同市卓越投资管理有限公司\n太原市星火(\n集团)网络科技有限责任公司\n签订日期:2017年3月8日",
        );
        for (field, name) in [
            ("lessor", "大同市卓越投资管理有限公司"),
            ("lessee", "太原市星火（集团）网络科技有限责任公司"),
        ] {
            let got = f.get(field).expect(field);
            assert_eq!(got.value, json!(name), "{field}");
            assert!(got.confidence >= 0.85, "{field}: {}", got.confidence);
        }
    }

    #[test]
    fn role_columns_with_brackets_of_their_own_read_in_order() {
        // a header row of roles whose brackets say more than the position, a 名称 row, the
        // names in column order: the second column is not the first name after its head
        let f = read(
            DocumentKind::Lease,
            "场地转租合同\n转租方(基地运营单位)\n承租方(入驻企业)\n名称\n临汾市盛世物业管理股份有限公司\n\
             山西省合信网络科技有限责任公司\n统一社会信用代码\n91140108XRTXBMXL65\n911407008R2TKK9F7H\n\
             一、转租期限:2021年09月01日~2024年08月31日。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市盛世物业管理股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西省合信网络科技有限责任公司"))
        );
    }

    #[test]
    fn bilingual_labels_opening_words_and_resident_parties() {
        // English glosses after the Chinese labels, the role table's head cells too
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\nHOUSE LEASE CONTRACT\n合同编号 Contract No.:HT2021-08-210\n身份 Role\n名称 Name\n\
             出租方 Lessor\n山西汾河企业管理咨询有限责任公司\n承租方 Lessee\n运城市众创科技有限责任公司\n\
             二、租赁期间 Lease Period\n起始日 Commencement:2021年09月01日\n届满日 Expiry:2026年08月30日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西汾河企业管理咨询有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("运城市众创科技有限责任公司"))
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-08-30")));
        // an agreement opening `兹有XX(下称出租方)`; a sublessee called 受转租人
        let f = read(
            DocumentKind::Lease,
            "房屋租赁协议\n兹有临汾市龙城电子商务股份有限公司(下称出租方)将房屋出租给太原市晋阳科技有限公司(下称承租方)。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市龙城电子商务股份有限公司"))
        );
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n转租人(以下简称甲方):长治市德润科技有限责任公司\n受转租人(以下简称乙方):山西省众创科技有限责任公司",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西省众创科技有限责任公司"))
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        // an incubator's agreement with its resident is a sublease of the base's site
        let f = read(
            DocumentKind::Lease,
            "孵化企业入驻及场地使用协议\n甲方(孵化服务机构):长治市德润科技有限责任公司\n乙方(在孵企业):晋中市鼎盛电子商务有限责任公司",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
    }

    #[test]
    fn audit_pages_furniture_lists_and_boxes() {
        let f = read(
            DocumentKind::AuditReport,
            "报告编号\n中勤审〔2021〕\n454号\n专项审计报告\n全体股东:\n\
             运城市众创科技有限责任公司(以下简称“众创科技公司”)管理层负责按照上述规定编制运营情况表。\n\
             编制运营情况表是贵公司管理层的责任。\n\
             中勤华誉会计师事务所(特殊普通合伙)\n山西分所\n防伪编码:FW20210370001174 Page 1 of 2\n\
             附件:基地入驻企业名单\n序号\n企业名称\n统一社会信用代码\n1\n晋中市优客投资管理有限责任公司\n91140105L28YKGRM1U",
        );
        assert_eq!(get(&f, "report_no"), Some(&json!("中勤审〔2021〕454号")));
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("运城市众创科技有限责任公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("FW20210370001174")));
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中勤华誉会计师事务所（特殊普通合伙）山西分所"))
        );
        // a title led by the entity, wrapped, before the cover's number
        let f = read(
            DocumentKind::AuditReport,
            "山西省启航双创基地文化传媒有限公司小微企业创\n业创新基地\n专项审计报告\n文号:立诚核字〔2020〕第837号\n董事会:",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西省启航双创基地文化传媒有限公司"))
        );
        let boxed = read(
            DocumentKind::AuditReport,
            "报告编号\n天元(晋)\n审专字〔2020〕第0730号\n专项审计报告\n全体股东:",
        );
        assert_eq!(
            get(&boxed, "report_no"),
            Some(&json!("天元(晋)审专字〔2020〕第0730号"))
        );
    }

    #[test]
    fn certificate_rows_numbered_and_a_date_cell_before_the_number() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n1\n权利人\n阳泉市德润产业园运营股份有限公司\n3\n坐落\n山西省运城市盐湖区府西街96号\n4\n不动产单元号\n140702804693GB44954F17200026",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省运城市盐湖区府西街96号"))
        );
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房权证号\n填发日期\n房权证晋中榆次字第1581595号\n2012年10月05日\n房屋所有权人\n唐雪英",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("房权证晋中榆次字第1581595号"))
        );
        // the reading order put another label's cell after the owner's label: no owner
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n原不动产权证号:晋(2016)运城市不动产权第0012345号\n共有情况\n单独所有",
        );
        assert_eq!(get(&f, "owner"), None);
        // Chinese after a code's label is the next cell's text, not the code
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n晋华审字[2022]第0123号\n防伪编码\n中国注册会计师,苏玉芳",
        );
        assert_eq!(get(&f, "report_code"), None);
    }

    #[test]
    fn a_third_partys_column_in_a_signature_table_takes_its_own_name() {
        // 丙方 (the head landlord) signs first: its name is the first after the heads
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同(三方)\n丙方系该房屋的出租方,甲方系该房屋的承租方。经丙方同意,甲方将该房屋转租给乙方。\n\
             丙方(盖章)\n甲方(盖章)\n乙方(盖章)\n临汾市优客网络科技有限公\n司\n阳泉市晋创实业有限责任公\n司\n\
             山西卓越科技发展股份有限\n公司\n2017年8月22日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("阳泉市晋创实业有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西卓越科技发展股份有限公司"))
        );
    }

    #[test]
    fn parties_in_a_signature_table() {
        // row by row under the positions: a label and a value for each column in turn
        let f = read(
            DocumentKind::Lease,
            "场地租赁协议\n1.乙方租用甲方房屋。\n甲方\n(签字)\n乙方\n(盖章)\n姓名\n田波\n名称\n大同市天辰商务服务有限\n责任公司\n电话\n15054248559\n代表人\n邓晨",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("田波")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市天辰商务服务有限责任公司"))
        );
        // each column's cell whole, the seal request broken over two lines
        let f = read(
            DocumentKind::Lease,
            "场地转租协议\n甲方(基地运营方,转租方)与乙方(入驻企业,次承租方)的名称见本协议签章处。\n\
             甲方(盖\n章)\n临汾市合信众创空间网络\n科技有限责任公司\n乙方(盖\n章)\n山西省盛世创业服务有限\n责任公司\n经办人\n经办人",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市合信众创空间网络科技有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西省盛世创业服务有限责任公司"))
        );
        assert!(f["lessee"].confidence >= 0.8);
    }

    #[test]
    fn a_credit_code_belongs_to_the_party_above_it_in_its_column() {
        // two parties side by side: the text layer gives each row's left line, then its
        // right one, so the lessee's name comes between the lessor's name and its code
        let mut page = page("", TextSource::TextLayer);
        let lines: [(&str, f32, f32); 7] = [
            ("房屋租赁合同", 0.4, 0.05),
            ("出租方(甲方):", 0.1, 0.10),
            ("承租方(乙方):", 0.55, 0.10),
            ("阳泉市东方信息技术有限责任公司", 0.1, 0.13),
            ("太原市恒泰双创基地投资管理股份有限公司", 0.55, 0.13),
            ("统一社会信用代码:91140106MA0K1L2X3B", 0.1, 0.16),
            ("统一社会信用代码:91140400MA0K3R0Q5A", 0.55, 0.16),
        ];
        for (k, (line, x, y0)) in lines.iter().enumerate() {
            if k > 0 {
                page.text.push('\n');
            }
            let start = page.text.chars().count();
            page.text.push_str(line);
            let end = page.text.chars().count();
            page.spans.push(crate::model::TextSpan {
                start,
                end,
                bbox: [*x, *y0, x + 0.4, y0 + 0.02],
                confidence: 1.0,
            });
        }
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("阳泉市东方信息技术有限责任公司"))
        );
        let codes = get(&f, "credit_codes").and_then(Value::as_array).unwrap();
        let pairs: Vec<(&str, &str)> = codes
            .iter()
            .map(|c| {
                (
                    c["code"].as_str().unwrap(),
                    c["party"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("91140106MA0K1L2X3B", "阳泉市东方信息技术有限责任公司"),
                (
                    "91140400MA0K3R0Q5A",
                    "太原市恒泰双创基地投资管理股份有限公司"
                ),
            ]
        );
    }

    #[test]
    fn a_credit_code_under_a_name_wrapped_over_two_lines() {
        // the lessee's long name wraps, and an English name stands between it and its code:
        // the code is still the lessee's, not the lessor's named above
        let f = read(
            DocumentKind::Lease,
            "物业租赁合同\n产权人(甲方):忻州市新元产业园运营有限公司\n统一社会信用代码:91140400MA0K3R0Q5A\n\
             承租单位(乙方):太原国家高新技术产业开发区蓝海众创空间商务服务有限责任公\n司\n\
             英文名称:Taiyuan Lanhai Maker Space Business Service Co., Ltd.\n\
             统一社会信用代码:91140107MA0K1L2X3B\n法定代表人:李玲艳",
        );
        let codes = get(&f, "credit_codes").and_then(Value::as_array).unwrap();
        let parties: Vec<&str> = codes
            .iter()
            .map(|c| c["party"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(
            parties,
            [
                "忻州市新元产业园运营有限公司",
                "太原国家高新技术产业开发区蓝海众创空间商务服务有限责任公司"
            ],
            "{:?}",
            get(&f, "lessee")
        );
    }

    #[test]
    fn a_name_a_seal_cut_short_is_no_part_of_the_next_column() {
        // OCR read the signature table cell by cell; the seal hid the end of the lessor's
        // name, so its lines are no whole name, and the lessee's name beside them must not
        // be taken for their continuation
        let page = placed_page(
            0.3,
            &[
                ("出租方(甲方)", 0.1, 0.10),
                ("承租方(乙方)", 0.6, 0.10),
                ("山西转型综合改革示范区华晋(集团)科技", 0.1, 0.15),
                ("发展有限责", 0.1, 0.18),
                ("山西省汾水(山西)物业管理有限公司", 0.6, 0.15),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        let lessee = get(&f, "lessee").and_then(|v| v.as_str()).unwrap_or("");
        assert!(!lessee.contains("发展有限责"), "{lessee}");
        assert!(
            f.get("lessor").is_none_or(|l| l.confidence < 0.8),
            "{:?}",
            f.get("lessor")
        );
    }

    #[test]
    fn a_term_columns_cell_may_hold_only_the_length() {
        // the head with a note or without, the cell a length counted from an event
        for (head, cell, years) in [
            ("租赁期限（起止）", "六年（自房屋交付之日起）", 6),
            ("租赁期限", "8年", 8),
        ] {
            let page = placed_page(
                0.12,
                &[
                    ("房屋租赁合同", 0.4, 0.05),
                    ("房屋坐落", 0.21, 0.368),
                    ("建筑面积", 0.40, 0.3681),
                    ("用途", 0.54, 0.3682),
                    (head, 0.68, 0.3683),
                    ("太原市迎泽区桥东街9号", 0.126, 0.407),
                    ("1,250.50m²", 0.396, 0.4071),
                    ("办公", 0.52, 0.4072),
                    (cell, 0.615, 0.4073),
                ],
            );
            let f = read_page(DocumentKind::Lease, &page);
            assert_eq!(
                get(&f, "term_stated"),
                Some(&json!({"years": years, "months": 0})),
                "{head}"
            );
        }
    }

    #[test]
    fn a_placed_table_is_read_by_rows_and_columns_not_by_counting_lines() {
        // a text layer's cells, one a line: the address wraps in its cell (`号` alone), and
        // the second owner's name is printed at the left of its wide cell
        let page = placed_page(
            0.1,
            &[
                ("不动产权证书", 0.4, 0.10),
                ("权利人名称", 0.21, 0.19),
                ("证件种类", 0.42, 0.1901),
                ("证件号码", 0.6, 0.1902),
                ("共有方式", 0.78, 0.1903),
                ("太原市华晋科技有限责任公司", 0.126, 0.22),
                ("营业执照", 0.42, 0.2201),
                ("91140106EX7L6YF603", 0.52, 0.2202),
                ("共同共有", 0.78, 0.2203),
                ("汤英霞", 0.126, 0.25),
                ("身份证", 0.43, 0.2501),
                ("140303196808049944", 0.52, 0.2502),
                ("共同共有", 0.78, 0.2503),
                ("坐落", 0.21, 0.31),
                ("不动产单元号", 0.42, 0.3101),
                ("山西省晋中市太谷区龙城大街232", 0.126, 0.34),
                ("号", 0.126, 0.358),
                ("140402530162GB39724F95774483", 0.42, 0.349),
            ],
        );
        let f = read_page(DocumentKind::PropertyCertificate, &page);
        assert_eq!(get(&f, "owner"), Some(&json!("太原市华晋科技有限责任公司")));
        assert_eq!(get(&f, "co_ownership"), Some(&json!("共同共有")));
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!(["太原市华晋科技有限责任公司", "汤英霞"]))
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋中市太谷区龙城大街232号"))
        );
    }

    #[test]
    fn a_wide_gap_after_a_label_is_its_colon() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房 屋 租 赁 协 议 书\n立协议人\n甲方（出租方）\u{3000}\u{3000}太原恒泰置业合伙企业（有限合伙）\n\
             住\u{3000}\u{3000}所\u{3000}\u{3000}山西省晋中市榆次区平阳路299号\n\
             乙方（承租方）  忻州市众创电子商务有限责任公司\n甲、乙双方经友好协商，订立本协议。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原恒泰置业合伙企业（有限合伙）"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("忻州市众创电子商务有限责任公司"))
        );
    }

    #[test]
    fn a_party_known_by_position_takes_the_role_the_other_party_is_labelled_without() {
        // an incubator's entry agreement: 乙方 is labelled the entrant (a lessee); 甲方 only by
        // its position, and the recital says 甲方 leases the site from a third company
        let f = read_text_layer(
            DocumentKind::Lease,
            "合信信息孵化器入驻协议\n甲方（空间运营方）\n乙方（入驻企业）\n名称\n\
             长治市合信信息技术有限公司\n山西省卓越信息技术有限公司\n\
             鉴于甲方已向临汾市太行孵化器管理有限公司承租位于山西省长治市上党区科技街94号的房屋用于运营孵化器，\
             经出租人书面同意，甲方将其中部分办公场地转租给初创企业使用。乙方经甲方审核同意入驻，双方达成如下协议：",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市合信信息技术有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西省卓越信息技术有限公司"))
        );
    }

    #[test]
    fn the_tail_of_a_legal_form_is_no_name() {
        // a two-column scan's wrapped name: only its last characters reached the label
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:运城市启航智能科技有限责任公司\n承租方:任公司\n租赁期限自2020年1月1日起至2029年12月31日止。",
        );
        assert_eq!(get(&f, "lessee"), None);
    }

    #[test]
    fn a_cell_whose_lines_come_out_of_order_is_not_read() {
        // OCR put the wrapped tail `公司` before the name's head: no value, rather than a
        // scrambled one
        let page = placed_page(
            0.3,
            &[
                ("专项审计报告", 0.4, 0.10),
                ("被审计单位", 0.1, 0.20),
                ("审计期间", 0.45, 0.2001),
                ("报告编号", 0.75, 0.2002),
                ("公司", 0.05, 0.25),
                ("山西省锦程创新创业产业园运营有限责任", 0.05, 0.23),
                ("2023年度", 0.45, 0.24),
                ("立诚(2024)审字第ZS0280号", 0.7, 0.24),
            ],
        );
        let f = read_page(DocumentKind::AuditReport, &page);
        let entity = get(&f, "audited_entity")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        assert!(!entity.starts_with("公司"), "{entity}");
        // nor is the header cell beside the label its value
        assert_ne!(entity, "审计期间");
    }

    #[test]
    fn parties_in_a_block_of_lines_that_run_to_the_margin() {
        // each party's line and its particulars' line after it run as wide as the page: the
        // next party's line is no wrap of the line before (and a bracket the line breaks in
        // goes on)
        let block = |lessor: &str, lessee: &str| {
            format!(
                "租赁合同\n（房屋）\n协议双方：\n{lessor}（出租方，下称甲\n方）\n\
                 统一社会信用代码 911404000FXCG2HK2M　地址 山西省大同市平城区并州南路85号智创园7号楼13层\n\
                 {lessee}（承租方，下称乙方）\n\
                 统一社会信用代码 91140105N2X9CGBA0A　地址 山西省太原市晋源区长治路294号高新国际大厦1号楼12层0516室\n\
                 甲乙双方就乙方租用甲方房屋事宜，经友好协商，订立本合同。"
            )
        };
        for (lessor, lessee) in [
            ("晋中市榆次区供销合作社联合社", "山西卓越产业园运营有限公司"),
            (
                "忻州市星火投资管理有限责任公司",
                "忻州市蓝海（集团）信息技术股份有限公司",
            ),
            (
                "山西转型综合改革示范区优客双创基地电子商务股份有限公司",
                "晋中市新元双创基地智能科技有限责任公司",
            ),
        ] {
            let f = read_text_layer(DocumentKind::Lease, &block(lessor, lessee));
            assert_parties_sure(&f, lessor, lessee);
        }
    }

    #[test]
    fn an_opening_that_lets_to_a_party_it_calls_yifang() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁协议\n今有山西转型综合改革示范区汾河双创基地信息技术有限公司（以下简称甲方）将其\n\
             所有的坐落于山西省运城市盐湖区平阳路200号软件园2号楼23层2001室的房屋一处出租给\n\
             临汾市鼎盛商务服务有限责任公司（以下简称乙方）使用。为明确双方的权利义务，经双\n\
             方协商一致，订立本协议如下:\n二、租期:二零一九年十月十五日至二零二四年十月十四日。",
        );
        assert_parties_sure(
            &f,
            "山西转型综合改革示范区汾河双创基地信息技术有限公司",
            "临汾市鼎盛商务服务有限责任公司",
        );
    }

    #[test]
    fn a_term_in_lease_years_one_range_a_row() {
        // the term's article gives the years; a table gives each year's range and rent: the
        // term is the run of years, not the first row, and a fit-out period inside the term is
        // not it either
        let rows = |sep: &str| {
            (0..8)
                .map(|k| {
                    format!(
                        "第{}年{sep}{}.4.15-{}.4.14{sep}1,920,000.00",
                        k + 1,
                        2017 + k,
                        2018 + k
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        for sep in ["\t", "\n"] {
            let f = read(
                DocumentKind::Lease,
                &format!(
                    "租赁合同\n2 租赁期限及租金\n2.1 租赁期限八年，各租赁年度的起止日期及年租金见下表:\n\
                     租赁年度{sep}起止日期{sep}年租金（元）\n{}\n合计{sep}15,360,000.00\n\
                     2.2 租赁期的前六个月（2017/4/15至2017/10/14)为乙方的装修期，装修期内免收租金。",
                    rows(sep)
                ),
            );
            assert_eq!(get(&f, "term_start"), Some(&json!("2017-04-15")), "{sep:?}");
            assert_eq!(get(&f, "term_end"), Some(&json!("2025-04-14")), "{sep:?}");
        }
        // a run of the first years inside a term the article gives is a schedule within it
        let f = read(
            DocumentKind::Lease,
            "租赁合同\n（一）租赁期限壹拾（10）年，即2021.06.01起至2031.05.31止。\n\
             （二）租金按年度支付，前两个租赁年度的支付安排如下：\n期次\n租金所属期间\n金额（元）\n付款日期\n\
             第一期\n2021.06.01至2022.05.31\n1,310,000.00\n2021.05.12前\n\
             第二期\n2022.06.01至2023.05.31\n1,310,000.00\n2022.05.17前",
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2031-05-31")));
        // rows that do not follow each other are no run: nothing is made of them
        let f = read(
            DocumentKind::Lease,
            "租赁合同\n第1年\t2017.4.15-2018.4.14\n第2年\t2019.4.15-2020.4.14",
        );
        assert_ne!(get(&f, "term_end"), Some(&json!("2020-04-14")));
    }

    #[test]
    fn a_seal_request_read_inside_a_name_is_no_part_of_it() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：运城市星火创业服务有限责任公司\n\
             承租方：阳泉市卓越（集团）创业服务股份有（盖章）限公司\n甲方将房屋出租给乙方。",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市卓越（集团）创业服务股份有限公司"))
        );
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：运城市星火创业服务有限责任公司\n\
             承租方：大同市中鼎孵化器管理有限责任公司印\n甲方将房屋出租给乙方。",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市中鼎孵化器管理有限责任公司"))
        );
    }

    #[test]
    fn a_firm_cut_inside_its_legal_form_is_made_whole() {
        // from its letterhead, where the report prints it whole
        assert_eq!(
            firm_form_completed(
                "长治明鉴会计师事务所（普通",
                "长治明鉴会计师事务所(普通合伙)文件\n专项审计报告"
            ),
            Some("长治明鉴会计师事务所（普通合伙）".into())
        );
        assert_eq!(
            firm_form_completed(
                "中瑞诚信会计师事务所(特殊",
                "中瑞诚信会计师事务所(特殊普通合伙)山西分所\n专项审计报告"
            ),
            Some("中瑞诚信会计师事务所(特殊普通合伙)山西分所".into())
        );
        // else from the few forms a firm has
        assert_eq!(
            firm_form_completed("大同御河会计师事务所有限公", "专项审计报告"),
            Some("大同御河会计师事务所有限公司".into())
        );
        assert_eq!(
            firm_form_completed("山西中惠会计师事务所(普通伙)", "专项审计报告"),
            Some("山西中惠会计师事务所(普通合伙)".into())
        );
        // a whole name stays
        assert_eq!(
            firm_form_completed("山西中惠会计师事务所(普通合伙)", "专项审计报告"),
            None
        );
        assert_eq!(
            firm_form_completed("山西中惠会计师事务所", "专项审计报告"),
            None
        );
        // and read under its seal with the form's character lost
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n临汾市鼎盛商务服务有限责任公司全体股东:\n我们认为，贵公司上述基地运营指标真实。\n\
             山西中惠会计师事务所（普通伙）（盖章）\n主任会计师：万雪",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("山西中惠会计师事务所（普通合伙）"))
        );
    }

    #[test]
    fn a_deed_and_a_block_of_bracketed_labels() {
        // a 契约: parties in its opening, a term that 始s and 终s, seals (印) after the names
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁契约\n立租赁契约人忻州市瑞丰实业有限责任公司（出租人，以下简称甲方）、阳泉市天辰\n\
             （集团）商务服务有限公司（承租人，以下简称乙方），兹因乙方租用甲方房屋，经双方\n\
             协商一致，订立本契约，各项条件开列于后：\n\
             2、租赁期间：五年（自贰零贰贰年叁月壹拾伍日始，至贰零贰柒年叁月壹拾肆日终）。\n\
             立契约人\n甲方：忻州市瑞丰实业有限责任公司（印）\n乙方：阳泉市天辰（集团）商务服务有限公司（）",
        );
        assert_parties_sure(
            &f,
            "忻州市瑞丰实业有限责任公司",
            "阳泉市天辰（集团）商务服务有限公司",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-03-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-03-14")));
        // labels in heavy brackets, the term 开始计算 and 终止
        let f = read_text_layer(
            DocumentKind::Lease,
            "房产租赁合同\n【出租方】大同市机车配件厂\n统一社会信用代码：911401007ADFK2HE1Y\n\
             【承租方】阳泉市并州企业管理咨询有限公司\n统一社会信用代码：91140200K0JT55531W\n\
             （以上出租方简称甲方，承租方简称乙方。）\n\
             第2条　租赁期限自2020年04月01日开始计算，至2025年03月30日终止。",
        );
        assert_parties_sure(&f, "大同市机车配件厂", "阳泉市并州企业管理咨询有限公司");
        assert_eq!(get(&f, "term_end"), Some(&json!("2025-03-30")));
        // a title line naming both by role alone; beside a seal, the seal's ring read on the
        // label's line does not run on into the next line's name
        let f = read(
            DocumentKind::Lease,
            "场地租赁合同\n晋中市腾达创新创业产业园运营有限公司(出租方) 与 大同市青创实业有限责任\n\
             公司（承租方）\n出租方与承租方经协商一致，订立本合同。\n\
             出租方（盖章）：郴达创新创业产司 承租方（盖章）：上创实业有限司\n\
             晋中市腾达创新创业产业园运营有限公司\n经办人:",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市青创实业有限责任公司"))
        );
    }

    #[test]
    fn a_sublets_parties_with_roles_noted_in_their_brackets() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n转租人：大同市东方实业有限公司（原承租人，以下简称甲方）\n\
             证照号码：91140200WM8QGHRJ91\n新承租人：晋中市卓越创业服务有限公司（以下简称乙方）\n\
             第一条　甲方向运城市凯达实业有限公司（以下简称出租人）承租位于山西省运城市盐湖\n\
             区迎泽大街129号的房屋。经出租人同意，甲方将其中部分房屋转租给乙方。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("大同市东方实业有限公司")));
        assert_ne!(get(&f, "lessor"), Some(&json!("第一条")));
    }

    #[test]
    fn salutations_firms_and_numbers_of_other_firms() {
        for (salutation, entity) in [
            (
                "运城市合信创业服务有限责任公司法定代表人:",
                "运城市合信创业服务有限责任公司",
            ),
            (
                "太原市太行创新创业科技发展有限责任公司各位股东:",
                "太原市太行创新创业科技发展有限责任公司",
            ),
            (
                "山西转型综合改革示范区东方众创空间科技发展有限责任公司管理当局：",
                "山西转型综合改革示范区东方众创空间科技发展有限责任公司",
            ),
            (
                "山西转型综合改革示范区并州（集团）企业管理咨询股份有限公司董事会及股东:",
                "山西转型综合改革示范区并州（集团）企业管理咨询股份有限公司",
            ),
        ] {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n立诚会审字第2024-0908号\n{salutation}\n我们接受委托，审计了贵公司编制的运营情况表。\n\
                     会计师事务所（盖章）：长治明鉴会计师事务所（普通合伙）\n签字注册会计师:薛瑞 常秀晨"
                ),
            );
            assert_eq!(
                get(&f, "audited_entity"),
                Some(&json!(entity)),
                "{salutation}"
            );
            assert_eq!(
                get(&f, "report_no"),
                Some(&json!("立诚会审字第2024-0908号"))
            );
            assert_eq!(
                get(&f, "audit_firm"),
                Some(&json!("长治明鉴会计师事务所（普通合伙）"))
            );
        } // a firm's branch on the line under it, after a label with its seal request
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n太原龙城科技有限公司:\n我们认为，贵公司运营情况表公允反映了运营情况。\n\
             会计师事务所（盖章）\n中准华正会计师事务所（特殊普通合伙）\n山西分所\n中国·太原",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中准华正会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_date_cell_beside_its_label_when_ocr_read_the_label_column_first() {
        // a form's term rows (起租日期 | DATE | 到期日期 | DATE, then 交付日期 | DATE) read a
        // column at a time: the labels, then their dates, so no label is followed by its value
        let page = placed_page(
            0.15,
            &[
                ("三、租赁期限", 0.05, 0.50),
                ("起租日期", 0.1, 0.53),
                ("交付日期", 0.1, 0.56),
                ("2019.04.01", 0.3, 0.53),
                ("2019.03.24", 0.3, 0.56),
                ("到期日期", 0.5, 0.53),
                ("2024.03.31", 0.7, 0.53),
                ("四、租金及支付方式", 0.05, 0.60),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-03-31")));
    }

    #[test]
    fn a_term_in_its_column_under_a_placed_header_row() {
        let page = placed_page(
            0.3,
            &[
                ("房屋租赁合同", 0.4, 0.10),
                ("租赁物坐落", 0.2, 0.30),
                ("租赁面积", 0.6, 0.3001),
                ("山西省大同市云冈区龙城大街263号", 0.1, 0.33),
                ("5,250.71㎡", 0.6, 0.3301),
                ("租赁期限", 0.2, 0.36),
                ("用途", 0.6, 0.3601),
                ("2022年1月1日", 0.1, 0.39),
                ("至", 0.1, 0.41),
                ("2026年12月30日", 0.1, 0.43),
                ("办公、研发及创业孵化", 0.6, 0.41),
                ("年租金(元)", 0.2, 0.46),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-12-30")));
    }

    #[test]
    fn a_form_row_of_labels_and_values_is_no_header_row() {
        let page = placed_page(
            0.1,
            &[
                ("办公场地转租合同", 0.4, 0.10),
                ("起始日期", 0.14, 0.335),
                ("2021/2/15", 0.24, 0.3351),
                ("终止日期", 0.54, 0.3352),
                ("2024/2/14", 0.64, 0.3353),
                ("期限合计", 0.14, 0.365),
                ("—", 0.24, 0.3651),
                ("月租金", 0.55, 0.3652),
                ("5,833.33元", 0.64, 0.3653),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-02-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-02-14")));
    }

    #[test]
    fn an_info_band_with_a_header_cell_that_is_no_label() {
        // 审计期间 is no label of ours, yet it stands in the header row; it is not the head
        // of 审计报告编号 wrapped around a value either
        let page = placed_page(
            0.2,
            &[
                ("专项审计报告", 0.4, 0.15),
                ("被审计单位", 0.25, 0.195),
                ("审计期间", 0.5, 0.1951),
                ("报告编号", 0.73, 0.1952),
                ("忻州市聚能(山西)物业管理有限责任公", 0.126, 0.22),
                ("司", 0.126, 0.238),
                ("2019年1月1日至", 0.486, 0.2201),
                ("2019年12月31日", 0.487, 0.2381),
                ("高平专审字(2020)第351号", 0.663, 0.229),
            ],
        );
        let f = read_page(DocumentKind::AuditReport, &page);
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("忻州市聚能（山西）物业管理有限责任公司"))
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("高平专审字(2020)第351号"))
        );
    }

    #[test]
    fn a_date_under_a_signature_head_is_no_party() {
        let page = placed_page(
            0.2,
            &[
                ("办公场地转租合同", 0.4, 0.10),
                ("转租方", 0.15, 0.16),
                ("运城市三晋创业服务有限责任公司", 0.24, 0.1601),
                ("租用方", 0.15, 0.19),
                ("太原市创客智能科技有限责任公司", 0.24, 0.1901),
                ("转租方(盖章)", 0.13, 0.50),
                ("租用方(盖章)", 0.53, 0.5001),
                ("日期", 0.16, 0.57),
                ("2021/2/9", 0.24, 0.5701),
                ("日期", 0.55, 0.5702),
                ("2021/2/9", 0.64, 0.5703),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        let lessor = f.get("lessor").expect("a lessor");
        assert_eq!(lessor.value, json!("运城市三晋创业服务有限责任公司"));
        assert!(lessor.confidence >= 0.8, "{lessor:?}");
    }

    #[test]
    fn a_term_in_periods_runs_from_the_first_start_to_the_last_end() {
        // a text layer's table: each cell a line of its own (rows a hair apart in y, so
        // placed_page does not join them with tabs)
        let page = placed_page(
            0.12,
            &[
                ("租赁期限共5年,分两期履行,各期起止日期详见附表。", 0.1, 0.05),
                ("分期租期及租金安排表", 0.3, 0.10),
                ("期次", 0.1, 0.15),
                ("起租日", 0.3, 0.1501),
                ("届满日", 0.45, 0.1502),
                ("第一期", 0.1, 0.19),
                ("2020/03/01", 0.3, 0.1901),
                ("2023/02/28", 0.45, 0.1902),
                ("第二期", 0.1, 0.22),
                ("2023/03/01", 0.3, 0.2201),
                ("2025/02/28", 0.45, 0.2202),
                ("合计", 0.1, 0.25),
                ("2020/03/01", 0.3, 0.2501),
                ("2025/02/28", 0.45, 0.2502),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2025-02-28")));
    }

    #[test]
    fn a_rent_free_period_and_a_misread_seal_bracket() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n租赁期限\t五年(自交付之日起计)\n为支持乙方装修,甲方同意免收2018.09.15至2018.11.14期间的租金。",
        );
        assert_eq!(get(&f, "term_start"), None);
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n本报告仅供贵单位申报省级小微企业创业创新基地使用,不得用于其他目的。\n中国注册会计师:史凯\n山西信诚会计师事务所有限公司天盖章)\n中国·长治\n二〇二四年一月一日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("山西信诚会计师事务所有限公司"))
        );
    }

    #[test]
    fn other_wordings_of_parties_terms_and_addressees() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(以下简称“甲方”):朔州市青禾农业科技有限公司\n法定代表人:王伟\n\
             承租方(以下简称“乙方”):吕梁市博创信息技术有限公司\n地址:吕梁市离石区\n\
             起始日\t2021年3月1日\n终止日\t2026年2月28日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-02-28")));
        let f = read(
            DocumentKind::Lease,
            "写字楼租赁合同\n业主:朔州市青禾农业科技有限公司\n租户:吕梁市博创信息技术有限公司",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n全体股东:\n我们接受委托,对吕梁市博创信息技术有限公司2022年度双创基地运营情况进行了专项审计。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        // a former owner in the 附记 is not the owner
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\t朔州市青禾农业科技有限公司\n附记\t原权利人:吕梁市博创信息技术有限公司;抵押权人:中国银行股份有限公司朔州分行",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("朔州市青禾农业科技有限公司")));
        assert!(f["owner"].confidence > 0.9);
    }

    #[test]
    fn a_piece_of_a_seal_beside_a_signature_label_is_not_sure() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方将房屋出租给乙方。\n出租方(盖章):太原市优客商务服务股份有限公司\n承租方(盖章):★优客众",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原市优客商务服务股份有限公司"))
        );
        assert!(f["lessee"].confidence < 0.8, "{:?}", f["lessee"]);
    }

    #[test]
    fn parties_side_by_side_numbered_or_in_signature_lines() {
        // a header of two labelled cells, the names under them in the same order
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):\n承租方(乙方):\n朔州市青禾农业科技有限公司\n\
             吕梁市博创信息技术有限公司\n统一社会信用代码:91140600MA0K2Q1X7B",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        let f = read(
            DocumentKind::Lease,
            "商业物业租赁合同\n1. 业主(出租方)\n朔州市青禾农业科技有限公司\n2. 租户(承租方)\n\
             吕梁市博创信息技术有限公司\n5. 租赁期\n起始日\n2017年3月1日\n终止日\n2022年2月28日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-02-28")));
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n出租方(转租方,以下简称甲方):朔州市青禾农业科技有限公司\n\
             承租方(次承租方,以下简称乙方):吕梁市博创信息技术有限公司\n\
             甲方(出租人):王建国\n乙方(承租人,盖章):吕梁市博创信息技术有限公司\n甲方:\n乙方:\n\
             补充条款签订日期:2020年10月11日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("朔州市青禾农业科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        // the title names the entity; the number has its 专字 after the year
        let f = read(
            DocumentKind::AuditReport,
            "关于吕梁市博创信息技术有限公司申报2022年度山西省小微企业\n创业创新基地运营情况的专项审计报告\n\
             晋明鉴审〔2023〕专字第327号\n董事会:\n我们接受委托,对贵公司的运营情况进行了专项审计。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("吕梁市博创信息技术有限公司"))
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("晋明鉴审〔2023〕专字第327号"))
        );
    }

    #[test]
    fn names_wrapped_in_side_by_side_cells() {
        // a text layer gives the first lines of both cells, then their second lines
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):\n承租方(乙方):\n临汾市新元双创基地孵化器管理有限责任公\n\
             山西转型综合改革示范区博远创新创业实业\n司\n有限公司\n统一社会信用代码:91140107KKBPTUYK0X",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市新元双创基地孵化器管理有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西转型综合改革示范区博远创新创业实业有限公司"))
        );
        // …and the next row's label may stand between a name and its wrapped end
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):\n承租方(乙方):\n临汾市博远科技发展有限公司\n\
             山西省云冈众创空间产业园运营股份有限公\n统一社会信用代码:91140200ELWEU4X556\n司\n法定代表人:唐瑞",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市博远科技发展有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西省云冈众创空间产业园运营股份有限公司"))
        );
    }

    #[test]
    fn role_words_a_document_defines_for_itself() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        // cells headed by words the preamble makes the positions (产权方(以下简称甲方)), a name
        // wrapped in its narrow cell, and 产权方 elsewhere the head landlord's label
        let f = lease(
            "房屋租赁合同\n产权方\t大同市卓越文化传媒有限责任公司\t使用方\t山西转型综合改革示范区蓝海创新创\n\
             业电子商务有限责任公司\n信用代码\t91140105CA5R616M5H\t信用代码\t91140200BDKD9NM303\n\
             产权方（以下简称甲方）同意将其拥有产权的房屋租给使用方（以下简称乙方）使用，订立如下条款：",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("大同市卓越文化传媒有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!(
                "山西转型综合改革示范区蓝海创新创业电子商务有限责任公司"
            ))
        );
        // informal words for landlord and tenant
        let f = lease(
            "租赁协议\n房东（甲方）：孔霞\n身份证号：140502195711152697\n租客（乙方）：运城市东方创业服务有限公司\n\
             一、甲方将位于运城市盐湖区坞城路285号的房屋出租给乙方作办公使用。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("孔霞")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("运城市东方创业服务有限公司"))
        );
        // a position with a role word we do not know: the clause says who lets, and letting
        // the site on makes the agreement a sublease
        let f = lease(
            "企业孵化服务协议\n甲方（孵化载体）：山西瑞丰众创空间实业股份有限公司\n乙方（被孵化对象）：运城市蓝海电子商务有限责任公司\n\
             经产权方同意，甲方将孵化场地分割后转租给在孵企业使用。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西瑞丰众创空间实业股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("运城市蓝海电子商务有限责任公司"))
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        // a three-party sublease: 乙方 sublets to 丙方, 甲方 is the head landlord
        let f = lease(
            "三方转租协议\n甲方（原出租人）：山西省东方科技发展有限责任公司\n乙方（转租人）：大同市盛世创业服务股份有限公司\n\
             丙方（次承租人）：晋中市青创电子商务股份有限公司\n\
             一、乙方将上述房屋中11层06室转租给丙方，转租期限2023年9月15日起，2024年9月14日止。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("大同市盛世创业服务股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋中市青创电子商务股份有限公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2023-09-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-09-14")));
        // a role word of the document's own heads its line (inside one it could start within
        // the name before it: `…中心使用方(乙方):` read from 心)
        let f = lease(
            "房屋租赁合同\n出租方（甲方）：太原科技服务中心\n使用方（乙方）：山西创业有限公司\n\
             甲方将房屋出租给乙方使用。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("太原科技服务中心")));
        assert_eq!(get(&f, "lessee"), Some(&json!("山西创业有限公司")));
    }

    #[test]
    fn terms_written_as_totals_first_and_last_days_and_inclusive_dates() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        let f = lease(
            "房屋租赁合同\n第二条 租赁期限\n1.租赁期共五年，起租日为二〇二二年三月十五日，到期日为二〇二七年三月十四日。\n\
             2.甲方应于二〇二二年三月九日前将房屋交付乙方。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-03-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-03-14")));
        let f = lease(
            "房屋转租合同\n第三条转租期限：转租期限2023-04-15（含）至2026-04-14（含），共36个月。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2023-04-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-04-14")));
        // the term counted from the delivery day named with its end
        let f = lease(
            "标准厂房租赁合同\n2.租赁期限：租赁期限为五（5）年，自交付日起计算。\n\
             3.交付：交付日为2021年4月1日，租赁期至2026年3月31日届满。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-03-31")));
    }

    #[test]
    fn audit_branches_split_salutations_and_the_statement_audited() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n山西省优客（山西）智能科技有限公司\n全体股东：\n\
             我们审计了后附的贵公司2023年度小微企业创业创新基地运营情况专项说明（以下简称“专项说明”）。\n\
             中联信和会计师事务所（特殊普通合伙）太原分所（盖章）\n中国注册会计师：苏桂斌",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西省优客（山西）智能科技有限公司"))
        );
        assert!(f["audited_entity"].confidence >= 0.9);
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("中联信和会计师事务所（特殊普通合伙）太原分所"))
        );
        // a certificate's framed number broken over two lines
        let f = read(
            DocumentKind::PropertyCertificate,
            "晋（2018）长治市\n不动产权第0044303号\n中华人民共和国不动产权证书\n权利人\n山西天辰产业园运营有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("晋（2018）长治市不动产权第0044303号"))
        );
        // owners in rows of a table under a header row of labels
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n证书号：晋(2016)太原市不动产权第0159906号\n一、权利人信息\n权利人名称\n证件种类\n证件号码\n共有方式\n\
             太原市华晋科技有限责任公司\n营业执照\n91140106EX7L6YF603\n共同共有\n汤英霞\n身份证\n140303196808049944\n共同共有\n二、不动产信息\n坐落\n山西省太原市迎泽区迎泽大街364号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("太原市华晋科技有限责任公司")));
        assert_eq!(get(&f, "co_ownership"), Some(&json!("共同共有")));
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!(["太原市华晋科技有限责任公司", "汤英霞"]))
        );
        // a tall cell's label read between two lines of its value, the first after the row above
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房权证长上党区字第00090944号\n房屋所有权人\t太原市星火商务服务有限公司\n共有情况\t单独所有\n\
             山西省长治市上党区长治路173号国际金融中\n房屋坐落\n心8号楼8层2203室\n登记时间\t二零一五年七月十六日",
        );
        assert_eq!(get(&f, "co_ownership"), Some(&json!("单独所有")));
        // owners joined in one cell, their shares under 权利其他状况
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2019)晋中市不动产权第89588663号\n权利人\n阳泉市华晋创业服务股份有限公司、临汾市盛世孵化器管理有限公司\n共有情况\n按份共有\n\
             权利其他状况\n份额：阳泉市华晋创业服务股份有限公司占60%；临汾市盛世孵化器管理有限公司占40%",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("阳泉市华晋创业服务股份有限公司"))
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "阳泉市华晋创业服务股份有限公司",
                "临汾市盛世孵化器管理有限公司"
            ]))
        );
        // … or after 第; a 附记 page first cites the cancelled certificate it replaces
        let f = read(
            DocumentKind::PropertyCertificate,
            "附记\n2.原不动产权证书晋（2016)晋中市不动产权第0064625号同时注销。\n不动产权证书\n晋（2019）太原市不动产权第\n0053065号\n权利人\n山西天辰产业园运营有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("晋（2019）太原市不动产权第0053065号"))
        );
        // a 房屋所有权证's number typed into its printed blanks, each piece a cell
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "中华人民共和国房屋所有权证\n长治\n房权证\n字第\n51646449\n号\n房屋所有权人\n临汾市金鹏创业服务有限责任公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("长治房权证字第51646449号"))
        );
    }

    #[test]
    fn a_sublease_written_as_a_letter_to_its_tenant() {
        let f = read(
            DocumentKind::Lease,
            "转租合同书\n大同市启航网络科技股份有限公司：\n\
             我公司太原宏图（山西）文化传媒股份有限公司（以下简称“转租方”）于2018.12.06与忻州市晋创实业有限责任公司签订主租赁合同（合同\n编号：2018-CF-006），承租山西省运城市盐湖区学府街304号房屋，租期2019.01.01至2024.12.31。\
             经书面同意，我公司现将该房屋的一部分转租给贵公司（以下简称“承租方”）使用：\n\
             转租面积\t517.23\t转租用途\t仓储及办公\n转租起始日\t2019.09.01\t转租截止日\t2021.08.31\n\
             转租方（盖章）：太原宏图（山西）文化传媒股份有限公司",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原宏图（山西）文化传媒股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市启航网络科技股份有限公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-09-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2021-08-31")));
    }

    #[test]
    fn representatives_seals_and_english_names_around_a_party() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        let f = lease(
            "房屋租用协议\n租出方（甲方）：余晨　代表　太原国家高新技术产业开发区青创发展\n有限公司\n统一社会信用代码：911401052LUC9ME69D\n\
             租入方（乙方）：（代表人：易萍晶）长治市蓝海实业有限责任公司\n联系电话：13695851126",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原国家高新技术产业开发区青创发展有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("长治市蓝海实业有限责任公司"))
        );
        let f = lease(
            "物业租赁合同\n产权人（甲方）：太原市云冈信息技术股份有限公司（Taiyuan Yungang Innova\ntion Technology Corporation Limited）\n\
             法定代表人：汪艳红\n承租单位（乙方）：晋中市凯达企业管理咨询股份有限公司（盖章）\n",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原市云冈信息技术股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋中市凯达企业管理咨询股份有限公司"))
        );
        // as OCR reads it: the English line's bracket half-width, a bracket in the name
        let f = lease(
            "物业租赁合同\n合同编号：HT201700710\n产权人（甲方）:太原市三晋（集团）投资管理有限公司（Taiyuan Sanjin GroupInvest\nment Management Co., Ltd.)\n\
             统一社会信用代码：91140400L2KG4NBD62\n法定代表人：田涛\n承租单位(乙方):运城市三晋信息技术有限公司\n\
             承租单位（乙方）：临汾市晋创科技发展有限公司（Linfen Jinchuang Technology Develo\npment Co., Ltd.)\n统一社会信用代码：91140100LUL5W6UT35\n\
             甲方同意将其合法拥有的物业出租给乙方使用。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原市三晋（集团）投资管理有限公司"))
        );
        // two different lessees: the field is not relied on, but each is read whole
        assert!(f["lessee"].confidence < 0.8);
        // a bracket that is part of the name stays; 代表 inside a name stays
        let f = lease(
            "租赁合同\n出租方：长治市新元（山西）实业股份有限公司\n承租方：太原市人大代表联络服务中心\n",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市新元（山西）实业股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("太原市人大代表联络服务中心"))
        );
    }

    #[test]
    fn a_code_printed_in_groups_is_one_code() {
        let audit = |t: &str| read(DocumentKind::AuditReport, t);
        let f = audit("专项审计报告\n晋城审字〔2024〕第0465号\n报告验证码：SX20-2441-H728-A7\n");
        assert_eq!(get(&f, "report_code"), Some(&json!("SX202441H728A7")));
        let f = audit("专项审计报告\n晋城审字〔2024〕第0465号\n防伪编码：1408-2020-5772-5230-75\n");
        assert_eq!(get(&f, "report_code"), Some(&json!("140820205772523075")));
    }

    #[test]
    fn terms_to_the_day_before_an_anniversary_and_after_a_duration() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        let f = lease(
            "场地使用协议\n第二条  使用期限\n使用期限自2021. 06. 01起至满五周年之日（2026. 06. 01）的前一日即2026. 05. 31止。\n\
             使用方享有一次续租选择权，续租期间由2026. 06. 01起计至2028. 05. 31（24个月）。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-06-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-05-31")));
        let f = lease(
            "租赁协议书\n第二条  租赁期限\n租赁期限为贰周年，2017年06月15日起，2019年06月14日止。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2017-06-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2019-06-14")));
    }

    #[test]
    fn schedules_party_rows_and_names_with_brackets_after_them() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        // each party under its heading in a table of its own, a third party after them
        let f = lease(
            "租赁及物业服务三方协议\n编号：2018ZL0759\n甲方（出租方）\n姓名\n孙涛娜\n居民身份证\n140303198706014926\n\
             乙方（承租方）\n名称\n晋中市明德网络科技（集团）有限公司\n统一社会信用代码\n91140107DTB4LGF87E\n\
             丙方（物业服务方）\n名称\n晋中市星火物业服务有限公司\n统一社会信用代码\n91140700DA07X8EW5F\n\
             甲方将其拥有的房屋出租给乙方使用。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("孙涛娜")));
        // the third party's code is not the tenant's
        let codes = get(&f, "credit_codes").and_then(Value::as_array).unwrap();
        assert_eq!(codes.len(), 2, "{codes:?}");
        assert_eq!(
            codes[0]["party"],
            json!("晋中市明德网络科技（集团）有限公司")
        );
        assert_eq!(codes[1]["party"], Value::Null);
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋中市明德网络科技（集团）有限公司"))
        );
        // the tenant named in the entry form the agreement points to
        let f = lease(
            "众创空间入孵协议书\n入孵企业基本情况登记表\n企业名称\n临汾市太行孵化器管理有限公司\n统一社会信用代码\n91140106C0F42HT090\n\
             甲方（孵化器运营单位）：山西省太行创新创业商务服务有限公司\n乙方（入孵企业）：见《入孵企业基本情况登记表》\n\
             甲方将登记表所列场地转租给乙方作为办公、研发场所。",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("临汾市太行孵化器管理有限公司"))
        );
        assert!(f["lessee"].confidence >= 0.85, "{:?}", f["lessee"]);
        // parties only in a broker's preamble
        for (t, lessor) in [
            (
                "房屋租赁合同\n经临汾市星火企业管理咨询股份有限公司（以下简称甲方）与长治市宏图创新创业实业有限公司（以下简称乙方）友好协商，并经长治市优客房产经纪服务有限公司（以下简称丙方）居间介绍，就乙方承租甲方房屋事宜订立本合同。",
                "临汾市星火企业管理咨询股份有限公司",
            ),
            (
                "房屋租赁合同（居间成交）\n山西省尧都房产经纪服务有限公司（以下简称“居间方”）接受晋中市华晋产业园运营股份有限公司（以下简称“甲方”）的委托，为其出租房屋提供居间服务。经居间方介绍，甲方与长治市宏图创新创业实业有限公司（以下简称“乙方”）就房屋租赁事宜协商一致，订立本合同。\n甲方出租的房屋坐落于山西省运城市盐湖区体育路108号。",
                "晋中市华晋产业园运营股份有限公司",
            ),
        ] {
            let f = lease(t);
            assert_eq!(get(&f, "lessor"), Some(&json!(lessor)), "{t}");
            assert_eq!(
                get(&f, "lessee"),
                Some(&json!("长治市宏图创新创业实业有限公司")),
                "{t}"
            );
        }
        // parties in rows of a table (甲方 | name | code), the lease years in an annex with a
        // rent-free row: the term runs from the first year's start to the last year's end
        let f = lease(
            "房屋租赁合同\n名称\t统一社会信用代码\t法定代表人\n甲方（出租单\n位）\t太原高新技术产业开发区国\n有资产经营有限公司\t91140400X7NJ3B3B7N\t罗萍文\n\
             乙方\t运城市鼎盛投资管理有限公\n司\t9114010579XF14HM9B\t孟伟晶\n\
             甲方将其房屋出租给乙方使用。\n2. 租赁期限：起止日期详见附件一。\n附件一\n期间\t起\t止\t月租金（元）\n\
             免租期\t2022-07-15\t2023-01-14\t0.00\n第一租赁年度\t2022-07-15\t2023-07-14\t40,000.00\n\
             第二租赁年度\t2023-07-15\t2024-07-14\t40,000.00\n注：租金含税。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原高新技术产业开发区国有资产经营有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("运城市鼎盛投资管理有限公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-07-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-07-14")));
        // a membership's 服务期起 | 服务期止 columns over a row of its office
        let f = lease(
            "联合办公空间使用协议\n（场地转租）\n服务方（转租方）：长治市瑞丰实业股份有限公司\n会员单位（使用方）：晋中市尧都科技有限公司\n\
             一、使用空间及服务期\n办公室编号\t工位数\t面积\t服务期起\t服务期止\n17F-26\t26\t536.26㎡\t2022年11月1日\t2024年10月31日\n服务期共计24个月整。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市瑞丰实业股份有限公司"))
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("晋中市尧都科技有限公司")));
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-11-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-10-31")));
        // a 合计 row is the whole term, whatever the rows above it
        let f = lease(
            "房屋租赁合同\n附件一\n期间\t起\t止\n第一租赁年度\t2019.09.15\t2020.09.14\n合计\t2019.09.15\t2027.09.14",
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-09-14")));
        // a second landlord quoting its own lease's term; the tenant is the 实际使用人; a
        // former name in a bracket is not part of the name
        let f = lease(
            "房屋转租合同\n转租方（二房东）：晋中市新元信息技术有限公司\n实际使用人：阳泉市并州信息技术有限责任公司（原名：山西华晋投资管理有限责任公司）\n\
             转租方承租期限为2020年12月01日至2030年11月30日。\n2、转租期限：3年，2021年03月01日至2024年02月29日。",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市并州信息技术有限责任公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-02-29")));
        // a co-owner's share after the owner's name
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n运城市金鹏创业服务有限责任公司（占75%）\n共有情况\n按份共有\n附记\n该不动产已办理抵押登记，详见不动产登记证明。",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("运城市金鹏创业服务有限责任公司"))
        );
        // a title certificate that mentions a registration proof is still a title
        assert_ne!(get(&f, "is_ownership_proof"), Some(&json!(false)));
    }

    #[test]
    fn parties_led_by_their_names_or_named_only_in_the_title() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        // the name first, its role and short name in the bracket after it
        let f = lease(
            "写字楼租赁合同\n临汾市卓越产业园运营有限公司万柏林分公司（出租方，以下简称“甲方”）\n\
             统一社会信用代码：91140105N3BQ95HB5F\n\
             山西省蓝海物业管理股份有限公司（承租方，以下简称“乙方”）\n\
             统一社会信用代码：91140105081P80D08T\n甲乙双方就乙方租赁甲方房屋一事，达成如下条款：",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("临汾市卓越产业园运营有限公司万柏林分公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西省蓝海物业管理股份有限公司"))
        );
        // a label of that shape is a label: its role words are not names
        let f = lease(
            "房屋转租合同\n出租方（转租方，以下简称甲方）：大同市太行智能科技有限责任公司\n\
             承租方（次承租方，以下简称乙方）：大同市云冈科技发展有限公司\n\
             一、甲方将上述房屋转租给乙方作办公使用。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("大同市太行智能科技有限责任公司"))
        );
        assert!(f["lessor"].confidence >= 0.9 && f["lessee"].confidence >= 0.9);
        // the parties only in the title (wrapped), their rows holding codes and addresses
        for title in [
            "姜军彬与山西汾河物业管理有限责任公司\n房屋租赁合同",
            "姜军彬与山西汾河物业管理有限\n责任公司\n房屋租赁合同",
        ] {
            let f = lease(&format!(
                "{title}\n合同当事人\n统一社会信用代码（身份证号码）\n住所\n甲方（出租方）\n\
                 140108198304126539\n山西省晋中市太谷区汇通路263号\n乙方（承租方）\n\
                 91140400YY2E6P105C\n山西省长治市上党区科技街185号\n\
                 鉴于：甲方系该房屋的合法权利人，有权出租该房屋。"
            ));
            assert_eq!(get(&f, "lessor"), Some(&json!("姜军彬")), "{title}");
            assert_eq!(
                get(&f, "lessee"),
                Some(&json!("山西汾河物业管理有限责任公司")),
                "{title}"
            );
        }
    }

    #[test]
    fn the_base_operator_is_whichever_party_the_clauses_make_it() {
        let lease = |t: &str| read(DocumentKind::Lease, t);
        // the head lease: the operator rents from the owner
        let f = lease(
            "房屋租赁合同\n甲方（产权单位）：阳泉市汾河智能科技有限责任公司\n\
             乙方（基地运营单位）：山西太行投资管理有限公司\n\
             甲方同意将下列房屋出租给乙方，作为乙方运营双创基地的场地。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("阳泉市汾河智能科技有限责任公司"))
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("山西太行投资管理有限公司")));
        // an entry agreement: the operator lets to the resident firm
        let f = lease(
            "入驻协议\n运营单位：山西太行投资管理有限公司\n入驻企业：太原市明德科技有限公司\n\
             入驻企业租用基地场地办公。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("山西太行投资管理有限公司")));
        assert_eq!(get(&f, "lessee"), Some(&json!("太原市明德科技有限公司")));
    }

    #[test]
    fn a_term_wrapped_in_its_cell_and_not_a_rent_year() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n一、租赁标的\n房屋坐落\n租赁期限（起止）\n山西省晋中市榆次区晋阳街313号\n\
             2017年04月01日起至2022年03月31\n日止\n二、租金支付计划\n租赁年度\n起止日期\n\
             应付租金（元）\n第一年度\n2017年04月01日—2018年03月31日\n370,000.00",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2017-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-03-31")));
        // a rent year alone is not taken for the term
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n租金按租赁年度支付，第一年度2017年04月01日—2018年03月31日租金37万元。",
        );
        assert_eq!(get(&f, "term_end"), None);
    }

    #[test]
    fn audit_entity_over_the_title_or_addressed_in_its_role() {
        let audit = |t: &str| read(DocumentKind::AuditReport, t);
        let f = audit(
            "山西长治太行投资管理有限公司\n2023年度小微企业创业创新基地专项审计报告\n\
             华鑫专审字〔2024〕00363号\n全体股东：\n我们审核了后附的贵公司运营情况表。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西长治太行投资管理有限公司"))
        );
        // the firm's letterhead over the title is not the entity
        let f = audit(
            "山西晋汾会计师事务所有限公司\n专项审计报告\n晋汾专字〔2024〕第971号\n\
             大同市青创产业园运营有限公司（基地运营单位）：\n我们审核了后附的贵公司运营情况表。\n\
             编号：晋汾专字〔2024〕第971号\n报告校验码：140520244176221446\n1",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("大同市青创产业园运营有限公司"))
        );
        // a footer's code is whole before the page's number
        assert_eq!(get(&f, "report_code"), Some(&json!("140520244176221446")));
    }

    #[test]
    fn an_older_house_certificate_with_its_own_labels() {
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n产权人\n山西省东方创新创业企业管理咨询有限\n责任公司\n产别\n单位自管产\n\
             权证号\n房权证大同字第02552265号\n房屋坐落\n山西省大同市平城区南内环街204号\n共有人\n无\n\
             房屋状况\n幢号\n",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("山西省东方创新创业企业管理咨询有限责任公司"))
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("房权证大同字第02552265号"))
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省大同市平城区南内环街204号"))
        );
    }

    #[test]
    fn a_cover_table_gives_each_column_its_cell_and_a_number_broken_in_its_cell() {
        // 报告文号 | 防伪编码 | 报告日期 over the values, the number wrapped after 第
        let page = placed_page(
            0.25,
            &[
                ("专项审计报告", 0.3, 0.05),
                ("报告文号", 0.1, 0.70),
                ("防伪编码", 0.4, 0.70),
                ("报告日期", 0.7, 0.70),
                ("立诚专字(2020)第", 0.1, 0.73),
                ("140C000717号", 0.1, 0.75),
                ("140420209130573033", 0.4, 0.73),
                ("2020年02月12日", 0.7, 0.73),
            ],
        );
        let f = read_page(DocumentKind::AuditReport, &page);
        assert_eq!(get(&f, "report_code"), Some(&json!("140420209130573033")));
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("立诚专字(2020)第140C000717号"))
        );
    }

    #[test]
    fn a_header_cell_that_is_no_label_still_counts_in_its_row() {
        // 租期合计 is no label of ours: without the places the row would shift by one
        let page = placed_page(
            0.25,
            &[
                ("房屋租赁合同", 0.3, 0.05),
                ("出租人(甲方)", 0.1, 0.10),
                ("统一社会信用代码", 0.5, 0.10),
                ("长治市锦程企业管理咨询有限责任公司", 0.1, 0.13),
                ("911401007XDKQYQX0M", 0.5, 0.13),
                ("承租人(乙方)", 0.1, 0.16),
                ("统一社会信用代码", 0.5, 0.16),
                ("阳泉市博远产业园运营有限公司", 0.1, 0.19),
                ("91140105P6KBA4GH2Q", 0.5, 0.19),
                ("租赁起始日", 0.05, 0.30),
                ("租赁终止日", 0.35, 0.30),
                ("租期合计", 0.7, 0.30),
                ("2019年01月01日", 0.05, 0.33),
                ("2023年12月31日", 0.35, 0.33),
                ("60个月", 0.7, 0.33),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("长治市锦程企业管理咨询有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市博远产业园运营有限公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-12-31")));
    }

    #[test]
    fn dot_leaders_a_bracketed_label_rest_and_a_code_after_a_name() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2019)运城市不动产权第0440449号\n权利人………忻州市汾河文化传媒有限公司\n\
             共有情况………单独所有\n坐落……山西省运城市盐湖区晋阳街105号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("忻州市汾河文化传媒有限公司")));
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省运城市盐湖区晋阳街105号"))
        );
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人(证件号) 临汾市新元网络科技有限责任公司(911401079QECXDDB06)\n共有情况\t单独所有",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("临汾市新元网络科技有限责任公司"))
        );
    }

    #[test]
    fn a_code_under_its_caption_and_a_salutation_to_the_investors() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n华鼎业字[2023]00338号\n大同市中鼎双创基地实业有限公司全体投资人:\n\
             受托对贵公司基地运营情况实施专项审计。\n请扫码核验本报告\n核验码 XAJ3TQX7W6\n第1页",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("XAJ3TQX7W6")));
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("大同市中鼎双创基地实业有限公司"))
        );
    }

    #[test]
    fn a_neighbouring_columns_clause_run_into_a_name_is_no_name() {
        let f = read(
            DocumentKind::Lease,
            "写字楼租赁合同\n出租方:晋中市卓越网络科技股份有限公司\n\
             承租方:山西省盛世创新创业信息技术有限公甲方知悉并同意乙方将租赁房屋用于孵化、司众创等双创服务\n\
             租赁期限二年,2020年07月01日(含)至2022年06月30日(含)。",
        );
        assert_eq!(get(&f, "lessee"), None);
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋中市卓越网络科技股份有限公司"))
        );
    }

    #[test]
    fn a_maker_spaces_entry_agreement_is_a_sublease_with_its_term() {
        let f = read(
            DocumentKind::Lease,
            "众创空间入驻服务协议\n空间方(甲方):山西省凯达(山西)孵化器管理有限责任公司\n\
             入驻方(乙方):大同市晋创网络科技有限责任公司\n第二条\n\
             入驻期:2022年05月01日起,2025年04月30日止,共36个月。其中2022年05月01日至2022年05月31日为试入驻期。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西省凯达（山西）孵化器管理有限责任公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市晋创网络科技有限责任公司"))
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-05-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2025-04-30")));
    }

    #[test]
    fn a_sublease_beside_the_lease_it_cites_in_one_table_reads_its_own_column() {
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n项目\n原租赁合同\n本转租合同\n出租人\n运城市博远物业管理有限公司\n\
             阳泉市蓝海企业管理咨询股份有限公司\n承租人\n阳泉市蓝海企业管理咨询股份有限公司\n\
             忻州市尧都电子商务股份有限公司\n合同编号\nFC-2020-0091\nZZ-2021-958\n租赁期限\n\
             2020-04-01至2025-03-31\n2021-04-01至2024-03-31(36个月)\n租赁面积\n见原合同\n774.36㎡\n\
             转租人(甲方):阳泉市蓝海企业管理咨询股份有限公司\n次承租人(乙方):忻州市尧都电子商务股份有限公司\n\
             1.甲方经原出租人同意,将其承租的房屋的一部分转租给乙方。",
        );
        for (field, want) in [
            ("lessor", "阳泉市蓝海企业管理咨询股份有限公司"),
            ("lessee", "忻州市尧都电子商务股份有限公司"),
            ("term_start", "2021-04-01"),
            ("term_end", "2024-03-31"),
        ] {
            let got = f.get(field).expect(field);
            assert_eq!(got.value, json!(want), "{field}");
            assert!(got.confidence >= 0.85, "{field}: {}", got.confidence);
        }
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
    }

    #[test]
    fn a_report_number_whose_last_character_wrapped() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n报告文号\n晋永正专审字〔2022〕第0306\n号\n太原市瑞丰文化传媒有限公司全体股东:\n我们审计了贵公司的基地运营情况表。",
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("晋永正专审字〔2022〕第0306号"))
        );
    }

    #[test]
    fn dot_leaders_on_a_line_of_their_own() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(\n2017\n)\n晋中市\n不动产权第\n0269305\n号\n权 利 人\n…………\n临汾市锦程物业管理股份有限公司、卢杰伟\n共 有 情 况\n………\n单独所有\n\
             坐      落\n…………\n山西省晋中市榆次区汇通路91号\n不动产单元号\n…\n140105526256GB05324F56992222",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("临汾市锦程物业管理股份有限公司"))
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋中市榆次区汇通路91号"))
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("晋(2017)晋中市不动产权第0269305号"))
        );
    }

    #[test]
    fn a_letterheads_number_over_the_title_and_a_branch_broken_in_its_place() {
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "太原立诚会计师事务所有限公司\n地址:山西省太原市杏花岭区府西街185号智创园2号楼21层1802室    电话:0351-6764746    邮编:030333\n\
             立诚业字[2023]00511号\n专项审计报告\n山西省恒泰(山西)智能科技有限责任公司执行董事:\n\
             我们接受委托,对贵公司运营的小微企业创业创新基地2022年度的运营情况进行了专项审计。",
        );
        assert_eq!(get(&f, "report_no"), Some(&json!("立诚业字[2023]00511号")));
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n大同市中鼎双创基地实业有限公司全体股东:\n我们审计了贵公司的基地运营情况表。\n\
             华鼎正信会计师事务所(特殊普通合伙)山\n西分所\n中国·晋中",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("华鼎正信会计师事务所(特殊普通合伙)山西分所"))
        );
        // ...or inside the branch's word, the signing accountants under it
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n大同市中鼎双创基地实业有限公司全体股东:\n我们审计了贵公司的基地运营情况表。\n\
             华鼎正信会计师事务所(特殊普通合伙)山西分\n所\n注册会计师:何某某\n注册会计师:陆某某",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("华鼎正信会计师事务所(特殊普通合伙)山西分所"))
        );
    }

    #[test]
    fn a_short_unit_label_owners_holding_in_common_and_a_code_called_a_mark() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\t长治市恒泰产业园运营有限责任公司\t共有情况\t共同共有\n\
             坐落\t山西省晋中市榆次区龙城大街258号科技创新城4号楼20层0904室 单元号 140702000748GB98687F27396281\n\
             其他状况\t长治市恒泰产业园运营有限责任公司、长治市腾达投资管理有限公司共同共有",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!(
                "山西省晋中市榆次区龙城大街258号科技创新城4号楼20层0904室"
            ))
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "长治市恒泰产业园运营有限责任公司",
                "长治市腾达投资管理有限公司"
            ]))
        );
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n共有情况\t按份共有\n权利其他状况\t忻州市博远孵化器管理有限责任公司，按份共有，份额30%；\
             晋中市明德企业管理咨询有限公司，按份共有，份额70%",
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "忻州市博远孵化器管理有限责任公司",
                "晋中市明德企业管理咨询有限公司"
            ]))
        );
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n中惠核字(2022)第SX-860号\n报告防伪信息\n防伪标识码\n140120226672963815\n查询方式\t扫描右侧二维码",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140120226672963815")));
    }

    /// A page of `source` whose lines (in this order) are printed in the given boxes.
    fn boxed_page(source: TextSource, lines: &[(&str, [f32; 4])]) -> Page {
        let mut page = page("", source);
        for (k, (line, bbox)) in lines.iter().enumerate() {
            if k > 0 {
                page.text.push('\n');
            }
            let start = page.text.chars().count();
            page.text.push_str(line);
            page.spans.push(crate::model::TextSpan {
                start,
                end: page.text.chars().count(),
                bbox: *bbox,
                confidence: 0.99,
            });
        }
        page
    }

    #[test]
    fn a_party_row_under_particulars_columns_gives_its_name_cell() {
        // | 名称 | 地址 | 法定代表人 | 联系电话 | over a row per party; the role cell and the
        // name cell wrap in their narrow columns
        let rows: &[(&str, [f32; 4])] = &[
            ("房屋租赁合同", [0.40, 0.05, 0.60, 0.07]),
            ("名称", [0.25, 0.10, 0.30, 0.12]),
            ("地址", [0.50, 0.10, 0.55, 0.12]),
            ("法定代表人", [0.70, 0.10, 0.80, 0.12]),
            ("联系电话", [0.85, 0.10, 0.95, 0.12]),
            ("甲方", [0.08, 0.14, 0.13, 0.16]),
            ("（出租方）", [0.06, 0.16, 0.15, 0.18]),
            ("韩立明", [0.22, 0.15, 0.30, 0.17]),
            ("晋中市榆次区迎宾街", [0.45, 0.14, 0.62, 0.16]),
            ("88号", [0.45, 0.16, 0.50, 0.18]),
            ("/", [0.74, 0.15, 0.75, 0.17]),
            ("13812345678", [0.85, 0.15, 0.95, 0.17]),
            ("乙方", [0.08, 0.20, 0.13, 0.22]),
            ("（承租方）", [0.06, 0.22, 0.15, 0.24]),
            ("太原市云帆众创空间科技", [0.22, 0.20, 0.42, 0.22]),
            ("有限公司", [0.22, 0.22, 0.30, 0.24]),
            ("太原市小店区长风街", [0.45, 0.20, 0.62, 0.22]),
            ("1号", [0.45, 0.22, 0.48, 0.24]),
            ("王伟", [0.73, 0.21, 0.77, 0.23]),
            ("0351-1234567", [0.85, 0.21, 0.95, 0.23]),
            (
                "甲、乙双方根据有关法律法规的规定，在平等、自愿的基础上订立本合同。",
                [0.05, 0.27, 0.95, 0.29],
            ),
        ];
        for source in [TextSource::TextLayer, TextSource::Ocr] {
            let f = read_page(DocumentKind::Lease, &boxed_page(source, rows));
            assert_eq!(get(&f, "lessor"), Some(&json!("韩立明")), "{source:?}");
            assert_eq!(
                get(&f, "lessee"),
                Some(&json!("太原市云帆众创空间科技有限公司")),
                "{source:?}"
            );
        }
    }

    #[test]
    fn a_role_printed_down_the_side_of_a_partys_rows_heads_them() {
        // each party's rows at the right of a merged cell whose role is printed one character
        // a line, centred on the rows; the characters come after the rows, as a text layer
        // draws them, or among them, as OCR reads them row by row
        let row = |text: &'static str, x: f32, y: f32| (text, [x, y, x + 0.2, y + 0.012]);
        let ch = |text: &'static str, y: f32| (text, [0.13, y, 0.15, y + 0.014]);
        let lessor_rows = [
            row("姓名", 0.24, 0.168),
            row("乔宇桂", 0.35, 0.168),
            row("身份证号码", 0.21, 0.198),
            row("140104197702205435", 0.35, 0.198),
            row("住址", 0.24, 0.229),
            row("山西省长治市潞州区滨河东路396号", 0.35, 0.229),
        ];
        let lessee_rows = [
            row("名称", 0.24, 0.297),
            row("阳泉市优客物业管理有限公司", 0.35, 0.297),
            row("统一社会信用代码", 0.18, 0.328),
            row("9114010610J2695J91", 0.35, 0.328),
            row("法定代表人", 0.21, 0.358),
            row("廖伟平", 0.35, 0.358),
        ];
        let lessor_role = [ch("出", 0.185), ch("租", 0.201), ch("方", 0.217)];
        let lessee_role = [ch("承", 0.31), ch("租", 0.326), ch("方", 0.342)];
        let title = ("厂房租赁合同", [0.32, 0.10, 0.68, 0.126]);
        let number = ("编号:SXZC-2016-976", [0.72, 0.142, 0.9, 0.153]);
        let clause = (
            "出租方(以下简称甲方)与承租方(以下简称乙方)经友好协商,达成如下协议:",
            [0.16, 0.46, 0.86, 0.474],
        );
        let term = (
            "1.租期十年:2017年1月1日(起租日)至2026年12月31日(届满日)。",
            [0.12, 0.5, 0.86, 0.514],
        );
        let mut drawn = vec![title, number];
        drawn.extend(lessor_rows);
        drawn.extend(lessor_role);
        drawn.extend(lessee_rows);
        drawn.extend(lessee_role);
        drawn.extend([clause, term]);
        let mut read_by_rows = vec![title, number];
        read_by_rows.extend(&lessor_rows[..2]);
        read_by_rows.push(lessor_role[0]);
        read_by_rows.extend(&lessor_rows[2..]);
        read_by_rows.extend(&lessor_role[1..]);
        read_by_rows.extend(&lessee_rows[..4]);
        read_by_rows.extend(lessee_role);
        read_by_rows.extend(&lessee_rows[4..]);
        read_by_rows.extend([clause, term]);
        // OCR may read a word down its tall box as one line, in the row at its middle
        let mut read_whole = vec![title, number];
        read_whole.extend(&lessor_rows[..4]);
        read_whole.push(("出租方", [0.13, 0.185, 0.15, 0.231]));
        read_whole.extend(&lessor_rows[4..]);
        read_whole.extend(&lessee_rows[..4]);
        read_whole.push(("承租方", [0.13, 0.31, 0.15, 0.356]));
        read_whole.extend(&lessee_rows[4..]);
        read_whole.extend([clause, term]);
        for (source, lines) in [
            (TextSource::TextLayer, &drawn),
            (TextSource::Ocr, &read_by_rows),
            (TextSource::Ocr, &read_whole),
        ] {
            let f = read_page(DocumentKind::Lease, &boxed_page(source, lines));
            assert_eq!(get(&f, "lessor"), Some(&json!("乔宇桂")), "{source:?}");
            assert_eq!(
                get(&f, "lessee"),
                Some(&json!("阳泉市优客物业管理有限公司")),
                "{source:?}"
            );
            assert_eq!(get(&f, "term_start"), Some(&json!("2017-01-01")));
            assert_eq!(get(&f, "term_end"), Some(&json!("2026-12-31")));
        }
        // a table's column of single characters a row apart is no word
        let units = [
            row("入驻企业", 0.1, 0.3),
            ("户", [0.5, 0.3, 0.52, 0.314]),
            row("带动就业", 0.1, 0.33),
            ("人", [0.5, 0.33, 0.52, 0.344]),
        ];
        let page = boxed_page(TextSource::TextLayer, &units);
        let norm = Norm::build(&[&page], &|_| false);
        assert!(!norm.text.contains("户人"), "{}", norm.text);
    }

    #[test]
    fn a_term_stated_as_the_lease_period() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "场地租赁合同\n出租方:太原市博远创业服务有限公司\n承租方:太原市星火网络科技有限责任公司\n\
             二、租赁期间\n2.1 租赁期间为十年整,自乙方将场地交付甲方之日起算。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 10, "months": 0}))
        );
        // …as the period's total (`总计`), counted from the handover
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):太原市合信孵化器管理有限责任公司\n承租方(乙方):太原市星火网络科技有限责任公司\n\
             第二条　租赁期\n租赁期总计五年,自甲方将房屋交付乙方之日起计算。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );
    }

    #[test]
    fn a_text_layers_table_is_read_by_column_when_its_first_row_fits_its_header() {
        // each column's cell is of its column's kind: the header was read whole
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人(甲方)\n统一社会信用代码\n长治市锦程企业管理咨询有限责任公司\n911401007XDKQYQX0M\n\
             承租人(乙方)\n统一社会信用代码\n阳泉市博远产业园运营有限公司\n91140105P6KBA4GH2Q\n\
             租赁起始日\n租赁终止日\n2019年01月01日\n2023年12月31日\n合同条款",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-12-31")));
        // a header cell that is no label shifts the row: the dates are not read from it
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n租赁起始日\n租赁终止日\n租期合计\n2019年01月01日\n2023年12月31日\n60个月\n合同条款",
        );
        assert_ne!(get(&f, "term_end"), Some(&json!("2019-01-01")));
    }

    #[test]
    fn an_audit_reports_particulars_in_the_sixteenth_rounds_forms() {
        // the code labelled 业务报备赋码, the firm's seal bracket broken at the line's end, the
        // entity named only as the one the engagement letter was signed with
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "业务报备赋码：20220116494531093758\n报告字号：晋天元专审字〔2022〕第0190号\n小微企业创业创新基地专项审计报告\n\
             根据本所与运城市三晋科技发展有限责任公司（以下简称“委托人”）签订的业务约定书，我们对委托人2021年度基地运营情况进行了专项审计。\n\
             本报告仅供申报省级小微企业创业创新基地之用。\n山西天元会计师事务所（特殊普通合伙）（\n盖章）\n中国　太原\n2022年2月9日",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("20220116494531093758")));
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("运城市三晋科技发展有限责任公司"))
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("山西天元会计师事务所（特殊普通合伙）"))
        );
        // a year printed bare, a kind word in a bracket of its own; addressees wrapped inside
        // a word; the code printed again under its symbol
        for (number, firm) in [
            ("怀仁专审2021字第0822号", "朔州怀仁会计师事务所有限责任公司"),
            (
                "信达诚审（专）字[2021]第094号",
                "太原立诚会计师事务所有限公司",
            ),
        ] {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n编号：{number}\n日期：2021年03月19日\n\
                     太原国家高新技术产业开发区瑞丰双创基地企业管理咨询有限责任公司董事会、监事\n会：\n\
                     我们对贵公司2020年度基地场地、入驻企业及服务情况进行了专项审计。\n\
                     校验码：SXCPA20227269251\nSXCPA20227269251\n报告防伪二维码\n{firm}\n注册会计师：段磊 廖亮"
                ),
            );
            assert_eq!(get(&f, "report_no"), Some(&json!(number)), "{number}");
            assert_eq!(
                get(&f, "audited_entity"),
                Some(&json!(
                    "太原国家高新技术产业开发区瑞丰双创基地企业管理咨询有限责任公司"
                ))
            );
            assert_eq!(get(&f, "report_code"), Some(&json!("SXCPA20227269251")));
            assert!(
                get(&f, "audit_firm")
                    .and_then(Value::as_str)
                    .is_some_and(|v| v.ends_with("会计师事务所有限责任公司")
                        || v.ends_with("会计师事务所有限公司")),
                "{:?}",
                get(&f, "audit_firm")
            );
        }
    }

    #[test]
    fn leases_in_the_sixteenth_rounds_forms() {
        // a person at a line's start with the role in the bracket after
        let f = read(
            DocumentKind::Lease,
            "租赁合同\n【合同双方】\n董红军（下称“出租人”），公民身份号码140521198609060705；\n\
             太原市瑞丰双创基地企业管理咨询有限公司（下称“承租人”），统一社会信用代码911404007KDRF5G35W。\n\
             【租赁期间】\n租赁期间：2017/10/1～2023/9/30，计72个月。",
        );
        assert_parties_sure(&f, "董红军", "太原市瑞丰双创基地企业管理咨询有限公司");
        // 甲方/乙方 only, the opening says who owns and who means to rent; the rent paid by
        // 乙方 after the rent is named; the term's ends each named (起租日为…,止租日为…)
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方：长治市润泽文化传媒有限责任公司，系依法设立并有效存续的企业法人，为位于山西省晋中市太谷区平阳路124号房屋的合法产权人。\n\
             乙方：山西省启航众创空间科技有限责任公司，系依法登记注册的企业，拟承租上述房屋作为小微企业创业创新基地运营场所。\n\
             第二条【租赁期限】租赁期共六（6)年，起租日为2021年07月01日，止租日为2027年06月30日。",
        );
        assert_parties_sure(
            &f,
            "长治市润泽文化传媒有限责任公司",
            "山西省启航众创空间科技有限责任公司",
        );
        for field in ["term_start", "term_end"] {
            assert!(f[field].confidence >= 0.9, "{field}: {:?}", f[field]);
        }
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-06-30")));
        // OCR lost the 〇 of both years
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：临汾市三晋实业有限公司\n承租方：运城市三晋科技发展有限责任公司\n\
             第二条【租赁期限】本合同租赁期限为三年（即二一九年一月一日至二〇二一年十二月三十一日）。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2019-01-01")));
        // a sublease whose tenant is 接租人; an entry agreement whose operator is 管理方
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n转租人（原承租人）：忻州市启航孵化器管理有限责任公司\n住所：山西省太原市晋源区并州南路162号\n\
             接租人：山西青创智能科技有限责任公司\n住所：山西省太原市万柏林区长治路379号\n\
             第二条　转租期限：转租期自2020年07月01日起算，至2023年06月30日届满。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西青创智能科技有限责任公司"))
        );
        let f = read(
            DocumentKind::Lease,
            "迎泽众创空间入驻协议\n入驻信息确认单\n管理方\n大同市优客（集团）创业服务有限公司\n\
             入驻企业名称\t山西盛世企业管理咨询有限责任公司\n入驻期间\t2021年6月1日~2024年5月31日\n\
             管理方已承租太原市晋阳科技有限公司所有的房屋，将其中部分场地转租给入驻方使用。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("大同市优客（集团）创业服务有限公司"))
        );
    }

    #[test]
    fn leases_whose_parties_and_term_are_defined_terms() {
        // a contract's definitions: the parties and the term each `“…”:指…`
        let f = read_text_layer(
            DocumentKind::Lease,
            "合同编号：晋房租字2016第548号\n房屋租赁合同\n第一条　定义\n\
             1.1　“出租方”或“甲方”：指山西转型综合改革示范区恒泰创新创业商务服务有限责任公司，统一社会信用代码91140106HXLL5G5N9C。\n\
             1.2　“承租方”或“乙方”：指忻州市鼎盛（山西）孵化器管理股份有限公司，统一社会信用代码91140200GBKBAJHK6R。\n\
             1.4　“租赁期限”：指始于2017年1月1日，终于2021年12月30日的期间。",
        );
        assert_parties_sure(
            &f,
            "山西转型综合改革示范区恒泰创新创业商务服务有限责任公司",
            "忻州市鼎盛（山西）孵化器管理股份有限公司",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2017-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2021-12-30")));
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n1.1　“出租方”或“甲方”：指冯娜宇，身份证号码140303196110037466。\n\
             1.4　“租赁期限”：指自交付日起连续计算的六年。",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("冯娜宇")));
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 6, "months": 0}))
        );
        // the first day 起租, the last 到期 (its word on the next line), not the rent-free
        // months
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：临汾市三晋实业有限公司\n承租方：运城市三晋科技发展有限责任公司\n二、租赁期限\n\
             1．租赁期限为五（5）年，二零二一年一月一日起租，二零二五年十二月三十一日\n到期。\n\
             2．为便于乙方装修，二零二一年一月一日—二零二一年三月三十一日期间免收租金。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2025-12-31")));
        // a sublease written as an application the letting party confirms
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租申请及确认书\n临汾市华晋物业管理有限公司：\n我公司阳泉市晋阳孵化器管理有限公司拟承租贵公司的部分房屋。\n\
             2．转租期限：2021年7月1日起租，2023年6月30日到期，共2年。\n\
             申请人（承租方）：阳泉市晋阳孵化器管理有限公司\n转租方确认意见：\n同意按上述条件将房屋转租给申请人。\n\
             转租方（盖章）：临汾市华晋物业管理有限公司",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-06-30")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市晋阳孵化器管理有限公司"))
        );
    }

    #[test]
    fn audit_reports_with_a_cover_letter_or_a_filing_sentence() {
        // a cover letter to the authority: the authority is no audited entity, the entity is
        // the one the letter sends the report of; the code under 查询代码
        let f = read(
            DocumentKind::AuditReport,
            "关于报送山西太行投资管理有限公司专项审计报告的函\n运城市中小企业服务中心:\n\
             受山西太行投资管理有限公司委托，本所对其2022年度小微企业创业创新基地运营情况进行了专项审计。\n\
             专项审计报告\n报告书编号：永正专审（2023）第0868号\n山西太行投资管理有限公司全体股东及管理层:\n\
             我们认为，贵公司基地运营情况在所有重大方面符合申报条件的规定。\n扫描二维码查询报告报备信息\n查询代码：140420234160547227",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("山西太行投资管理有限公司"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140420234160547227")));
        // the number inside a sentence that goes on; 报告标识码; addressed to 执行董事、总经理
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n本报告（文号：丹河双创审字〔2021〕第774号）已于2021年2月25日在全国注册会计师行业统一监管平台完成报备。\n\
             忻州市鼎盛（山西）孵化器管理股份有限公司执行董事、总经理：\n报告标识码：SX2021-39310175\n\
             我们接受贵公司的委托，进行了专项审计。",
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("丹河双创审字〔2021〕第774号"))
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("SX2021-39310175")));
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("忻州市鼎盛（山西）孵化器管理股份有限公司"))
        );
    }

    #[test]
    fn an_owner_cell_naming_a_company_and_persons_gives_each_as_a_co_owner() {
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n不动产权证号\n晋(2017)大同市不动产权第0531803号\n权利人\n\
             长治市某某文化传媒有限公司、冯强、邹梅磊\n共有情况\n\
             按份共有：长治市某某文化传媒有限公司占60%；冯强占25%；邹梅磊占15%\n坐落\n\
             山西省大同市云冈区汇通路149号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("长治市某某文化传媒有限公司")));
        let co = get(&f, "co_owners")
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default();
        for name in ["长治市某某文化传媒有限公司", "冯强", "邹梅磊"] {
            assert!(co.contains(&json!(name)), "{co:?}");
        }
        // a branch after its company is one name
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n山西某某银行股份有限公司太原分行\n坐落\n山西省大同市云冈区汇通路149号",
        );
        assert_eq!(get(&f, "co_owners"), None);
    }

    #[test]
    fn an_owner_cell_naming_a_company_and_a_person_gives_both_as_co_owners() {
        for cell in [
            "太原市腾达网络科技有限责任公司                 贺丽静",
            "太原市腾达网络科技有限责任公司、贺丽静",
        ] {
            let f = read_text_layer(
                DocumentKind::PropertyCertificate,
                &format!(
                    "不动产权证书\n晋（2022）大同市不动产权第0457674号\n权利人      {cell}\n共有情况     共同共有\n\
                     坐落       山西省大同市平城区长治路384号"
                ),
            );
            assert_eq!(
                get(&f, "owner"),
                Some(&json!("太原市腾达网络科技有限责任公司")),
                "{cell}"
            );
            assert_eq!(
                get(&f, "co_owners"),
                Some(&json!(["太原市腾达网络科技有限责任公司", "贺丽静"])),
                "{cell}"
            );
        }
        // two companies and two persons, the last name wrapped in its cell
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n证书号\n晋（2019）太原市不动产权第0220705号\n权利人\n\
             山西省锦程创业服务有限公司、太原市蓝海科技发展有限公司、于娜芬、刘洋\n芳\n共有情况\n共同共有\n\
             坐落\n山西省太原市杏花岭区迎泽大街101号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("山西省锦程创业服务有限公司")));
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "山西省锦程创业服务有限公司",
                "太原市蓝海科技发展有限公司",
                "于娜芬",
                "刘洋芳"
            ]))
        );
    }

    #[test]
    fn a_certificate_with_a_mortgage_summary_bound_behind_it_is_still_a_title() {
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2018)太原市不动产权第0126811号\n权利人\n长治市盛世投资管理有限责任公司\n\
             共有情况\n单独所有\n③坐落\n山西省太原市杏花岭区迎泽大街243号\n④不动产单元号\n140105585026GB43302F63639541\n\
             不动产登记证明（抵押权）摘要\n证明号\n晋（2019）太原市不动产证明第0745186号\n证明权利或事项\n抵押权\n\
             权利人（抵押权人）\n中国工商银行股份有限公司太原迎泽支行\n义务人\n长治市盛世投资管理有限责任公司",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("长治市盛世投资管理有限责任公司"))
        );
        assert!(f["owner"].confidence >= 0.9, "{:?}", f["owner"]);
        assert_ne!(get(&f, "is_ownership_proof"), Some(&json!(false)));
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省太原市杏花岭区迎泽大街243号"))
        );
    }

    #[test]
    fn numbered_parties_described_then_named_by_role_in_quotes() {
        // the parties a numbered list describes, each closed by its role alone in quotes; the
        // signature page's names, with their seal requests, are the same parties
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n本合同由以下双方于2023年3月1日在太原市签订：\n\
             1.晋中市鼎新物流有限公司，一家依法设立的企业，住所晋中市榆次区顺城街8号（“出租人”）；\n\
             2. 太原市启明软件有限公司，一家依法设立的企业，住所太原市小店区长风街2号（“承租人”）；\n\
             第二条 租赁期限\n租赁期限：以2023年04月01日为起租日、2028年03月31日为到期日。\n\
             出租人：\n承租人：\n晋中市鼎新物流有限公司（盖章）\n太原市启明软件有公司（盖章）\n授权代表：",
        );
        assert_parties_sure(&f, "晋中市鼎新物流有限公司", "太原市启明软件有限公司");
        assert_eq!(get(&f, "term_start"), Some(&json!("2023-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2028-03-31")));
        // the seal request goes from a name read in a table of the parties' columns
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n租期：自2023.4.1起租，租至2028.3.31。\n\
             出租人：\n承租人：\n晋中市鼎新物流有限公司（盖章）\n太原市启明软件有限公司（盖章）\n授权代表：",
        );
        assert_parties_sure(&f, "晋中市鼎新物流有限公司", "太原市启明软件有限公司");
        assert_eq!(get(&f, "term_start"), Some(&json!("2023-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2028-03-31")));
    }

    #[test]
    fn an_entry_agreement_between_the_operator_and_the_entering_unit() {
        let f = read(
            DocumentKind::Lease,
            "创业空间入驻协议\n运营管理方（甲方）：晋城市天成孵化器管理有限公司\n\
             入驻单位（乙方）：晋城市青禾农业科技有限公司\n乙方经甲方审核同意入驻，双方签订本协议。\n\
             入驻期限\t2023.05.01至2025.04.30",
        );
        assert_parties_sure(
            &f,
            "晋城市天成孵化器管理有限公司",
            "晋城市青禾农业科技有限公司",
        );
    }

    #[test]
    fn a_salutation_to_the_management_and_a_firm_the_seal_repeats() {
        let f = read(
            DocumentKind::AuditReport,
            "报告编号：晋恒审〔2023〕基017号\n专项审计报告\n晋城市天成孵化器管理有限公司经营管理层：\n\
             我所接受贵公司的委托，对其2022年度基地运营情况实施了专项审计。\n\
             会计师事务所：晋城恒信会计师事务所有限公司会计师事务所\n中国注册会计师：王海",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("晋城市天成孵化器管理有限公司"))
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("晋城恒信会计师事务所有限公司"))
        );
    }

    #[test]
    fn a_numbered_label_list_ends_each_value_at_the_next_item() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n1. 权利人：晋城市天成孵化器管理有限公司\n2. 共有情况：单独所有\n\
             3. 坐落：山西省晋城市城区凤台街18号\n4.不动产单元号：140502001001GB00012F00010001\n\
             5. 权利类型：国有建设用地使用权/房屋所有权",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋城市城区凤台街18号"))
        );
    }

    #[test]
    fn a_report_number_takes_the_brackets_its_code_carries() {
        let page = page(
            "专项审计报告\n报告文号：恒信小微专审字（2022）第017号\n晋城市天成孵化器管理有限公司：",
            TextSource::Ocr,
        );
        let c = compiled(DocumentKind::AuditReport).expect("table");
        let norm = Norm::build(&[&page], &|line| c.is_label_line(line));
        let mut reading = read_fields(c, &norm);
        // a code that carries another number changes nothing
        number_as_carried(
            &[
                "https://cx.example.cn/r?bh=%E6%81%92%E4%BF%A1%E5%B0%8F%E5%BE%AE%E4%B8%93%E5%AE%A1%E5%AD%97%EF%B9%9D2022%EF%B9%9E%E7%AC%AC018%E5%8F%B7",
            ],
            &mut reading,
        );
        assert_eq!(
            reading.fields["report_no"].value,
            json!("恒信小微专审字（2022）第017号")
        );
        number_as_carried(
            &[
                "https://cx.example.cn/r?bh=%E6%81%92%E4%BF%A1%E5%B0%8F%E5%BE%AE%E4%B8%93%E5%AE%A1%E5%AD%97%EF%B9%9D2022%EF%B9%9E%E7%AC%AC017%E5%8F%B7&yzm=1405",
            ],
            &mut reading,
        );
        assert_eq!(
            reading.fields["report_no"].value,
            json!("恒信小微专审字﹝2022﹞第017号")
        );
    }

    #[test]
    fn roles_a_contract_names_for_its_positions_and_terms_by_other_words() {
        // a role word of the document's own, with the position it stands for, as the label
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同书\n供房方（以下简称甲方）：晋城市天成孵化器管理有限公司\n法定代表人：王海\n\
             用房方（以下简称乙方）：晋城市青禾农业科技有限公司\n\
             甲乙双方就乙方租用甲方房屋事宜，订立本合同书。\n【租赁时间】\n\
             ①本合同租赁时间为五年，从2023年01月15日开始至2028年01月14日结束。\n\
             ②甲方同意给予乙方免租期2个月，即2023年01月15日至2023年03月14日。",
        );
        assert_parties_sure(
            &f,
            "晋城市天成孵化器管理有限公司",
            "晋城市青禾农业科技有限公司",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2023-01-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2028-01-14")));
        for (clause, start, end) in [
            (
                "第2条　合同有效期：本合同有效期自2022/10/1起，截止至2027/9/29。",
                Some("2022-10-01"),
                Some("2027-09-29"),
            ),
            (
                "第二条 转租期限\n转租期限共36个月，起止日期为2020年4月1日至2023年3月31日。",
                Some("2020-04-01"),
                Some("2023-03-31"),
            ),
        ] {
            let f = read(
                DocumentKind::Lease,
                &format!("房屋租赁合同\n出租人：晋城市天成孵化器管理有限公司\n{clause}"),
            );
            assert_eq!(
                get(&f, "term_start"),
                start.map(|d| json!(d)).as_ref(),
                "{clause}"
            );
            assert_eq!(
                get(&f, "term_end"),
                end.map(|d| json!(d)).as_ref(),
                "{clause}"
            );
            assert!(f["term_start"].confidence >= 0.9, "{clause}");
        }
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n第2条 合同有效期：本合同有效期为壹拾年，自房屋交付之日起计算。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 10, "months": 0}))
        );
    }

    #[test]
    fn a_sublease_names_the_head_landlord_as_its_lessor_nowhere() {
        // the head landlord introduced in a clause and consenting on its own page is the
        // 出租人; the sublease's own letting party is the 转租方
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n转租方（甲方）：晋城市天成孵化器管理有限公司\n\
             受转租方（乙方）：晋城市青禾农业科技有限公司\n\
             甲方依据其与晋城市鼎新物业管理有限公司（以下简称“出租人”）签订的《房屋租赁合同》承租房屋，\n\
             现甲方经出租人同意，将其中100㎡转租给乙方使用。\n甲方（盖章）：\n晋城市天成孵化器管理有限公司\n\
             出租人书面意见\n本单位同意上述转租。\n出租人（盖章）：晋城市鼎新物业管理有限公司",
        );
        assert_parties_sure(
            &f,
            "晋城市天成孵化器管理有限公司",
            "晋城市青禾农业科技有限公司",
        );
        // the dates under a signature table and a broker's labelled line are no party's name
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方（甲方）\n姓名：崔海\n承租方（乙方）\n名称:晋城市青禾农业科技有限公司\n\
             甲方将其合法拥有的房屋出租给乙方使用。\n甲方（签章）：\n乙方（签章）：\n崔海\n\
             晋城市青禾农业科技有限公司\n2018年5月9日\n2018年5月9日\n\
             房地产经纪机构（盖章）：山西安居房地产经纪有限公司",
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋城市青禾农业科技有限公司"))
        );
        assert!(f["lessee"].confidence >= 0.8, "{:?}", f["lessee"]);
    }

    #[test]
    fn salutations_to_investors_and_supervisors_and_a_check_code() {
        for salutation in ["投资者及管理层", "执行董事及监事"] {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n核对码：1410-2020-13839243\n编号：华信小微专审字﹝2020﹞第963号\n\
                     晋城市天成孵化器管理有限公司{salutation}：\n我们接受委托，对贵公司的基地运营情况进行了专项审计。"
                ),
            );
            assert_eq!(
                get(&f, "audited_entity"),
                Some(&json!("晋城市天成孵化器管理有限公司")),
                "{salutation}"
            );
            assert_eq!(get(&f, "report_code"), Some(&json!("1410-2020-13839243")));
        }
        // the code printed under its symbol's caption, whatever the symbol carries
        let f = read(
            DocumentKind::AuditReport,
            "查验二维码\n140720213251457090\n晋城市天成孵化器管理有限公司\n运营情况专项审计报告",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140720213251457090")));
    }

    #[test]
    fn co_owners_with_their_shares_after_a_colon() {
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n晋城市天成孵化器管理有限公司\n晋城市鼎新物业管理股份有限公司\n共有情况\n按份共有\n\
             附记\n按份共有，晋城市天成孵化器管理有限公司：58%；晋城市鼎新物业管理股份有限\n公司：42%",
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "晋城市天成孵化器管理有限公司",
                "晋城市鼎新物业管理股份有限公司"
            ]))
        );
    }

    #[test]
    fn the_first_day_named_then_the_day_the_term_runs_to() {
        for clause in [
            "（一）租赁期限五年。起租日期为2017-09-15，租赁期限届至2022-09-14。\n\
             （二）承租方享有一次续租选择权，续租期五年，自2022-09-15起至2027-09-14止。",
            "第三条　租赁合同期为60个月，起算日2017年9月15日，届止日2022年9月14日。",
        ] {
            let f = read_text_layer(
                DocumentKind::Lease,
                &format!(
                    "房屋租赁合同\n出租方：晋城市天成孵化器管理有限公司\n二、租赁期限\n{clause}"
                ),
            );
            assert_eq!(
                get(&f, "term_start"),
                Some(&json!("2017-09-15")),
                "{clause}"
            );
            assert_eq!(get(&f, "term_end"), Some(&json!("2022-09-14")), "{clause}");
            assert!(f["term_end"].confidence >= 0.9, "{clause}");
        }
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n第二章　租赁合同期\n第三条　租赁合同期为10年，自甲方将房屋钥匙交付乙方之日起算。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 10, "months": 0}))
        );
    }

    #[test]
    fn signature_heads_with_the_seals_ring_read_after_them_or_out_of_order() {
        // the seal's words read after the head cell; then the heads read in the other order,
        // one with its bracket's close lost
        for tail in [
            "出租人（签章）火电子商务\n承租人（签章）\n晋城市鼎新物业管理有限公司\n晋城市青禾农业科技有限公司\n2019年12月3日",
            "承租人（签章）\n出租人（签章\n晋城市鼎新物业管理有限公司\n晋城市青禾农业科技有限公司\n2019年12月3日",
        ] {
            let f = read(
                DocumentKind::Lease,
                &format!(
                    "房屋租赁合同(简式)\n序号\t约定事项\t具体内容\n1\t出租人\t晋城市鼎新物业管理有限公司\n\
                     3\t承租人\t晋城市青禾农业科技有限公司\n7、本合同一式两份，签字盖章后生效。\n{tail}"
                ),
            );
            assert_parties_sure(
                &f,
                "晋城市鼎新物业管理有限公司",
                "晋城市青禾农业科技有限公司",
            );
        }
    }

    #[test]
    fn a_signing_date_read_into_a_name_is_no_part_of_it() {
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n转租方（甲方）：晋城市鼎新物业管理有限公司\n次承租方（乙方）：晋城市青禾农业科技有限公司\n\
             甲方（盖章）：晋城市鼎新物业管理有限公司二零一九年十二月二十八日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋城市鼎新物业管理有限公司"))
        );
        assert!(f["lessor"].confidence >= 0.8, "{:?}", f["lessor"]);
    }

    #[test]
    fn a_signing_date_under_a_table_of_parties_is_no_piece_of_a_name() {
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n甲方（转租人）：\n乙方（转承租人）：\n晋城市鼎新物业管理有限公司\n\
             晋城市青禾农业科技有限公司\n二零一九年十二月二十八日\n二零一九年十二月二十八日",
        );
        assert_parties_sure(
            &f,
            "晋城市鼎新物业管理有限公司",
            "晋城市青禾农业科技有限公司",
        );
    }

    #[test]
    fn a_house_certificates_parcel_number_ends_the_address() {
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人\n晋城市天成孵化器管理有限公司\n共有情况\n单独所有\n房屋坐落\n\
             山西省晋城市城区凤台街18号\n丘（地）号\n16-54-270\n产别\n私产",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋城市城区凤台街18号"))
        );
    }

    #[test]
    fn a_code_beside_its_caption_on_one_line() {
        let page = page(
            "专项审计报告\n报告编号：晋恒审〔2023〕基017号\n扫码查验真伪 140520230123456789",
            TextSource::Ocr,
        );
        let c = compiled(DocumentKind::AuditReport).expect("table");
        let norm = Norm::build(&[&page], &|line| c.is_label_line(line));
        let mut reading = read_fields(c, &norm);
        printed_payload(c, &norm, &["140520230123456780"], &mut reading);
        assert!(!reading.fields.contains_key("report_code"));
        printed_payload(c, &norm, &["140520230123456789"], &mut reading);
        assert_eq!(
            reading.fields.get("report_code").map(|f| &f.value),
            Some(&json!("140520230123456789"))
        );
    }

    #[test]
    fn a_first_lease_year_counted_from_a_day_and_the_term_ending_on_another() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：晋城市青禾农业科技有限公司\n承租方：太原市远图科技有限公司\n\
             二、期限\n(一)租期六年，第一个租赁年度自2022年3月1日起计，租赁期限将于2028年2月29日期满。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2028-02-29")));
    }

    #[test]
    fn a_lease_word_with_its_start_and_end_labels_the_term() {
        for label in ["租赁起止日期：", "转租起讫时间：\n"] {
            let f = read(
                DocumentKind::Lease,
                &format!(
                    "房屋租赁合同\n出租方：晋城市青禾农业科技有限公司\n承租方：太原市远图科技有限公司\n\
                     免租期：自2021年1月1日至2021年3月31日\n{label}2021年1月1日至2026年12月31日"
                ),
            );
            assert_eq!(get(&f, "term_start"), Some(&json!("2021-01-01")), "{label}");
            assert_eq!(get(&f, "term_end"), Some(&json!("2026-12-31")), "{label}");
        }
    }

    #[test]
    fn a_term_defined_as_a_period_of_years() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n“出租方”：指晋城市青禾农业科技有限公司；\n“承租方”：指太原市远图科技有限公司；\n\
             “租赁期限”：指自房屋交接之日起连续计算的八年期间；",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 8, "months": 0}))
        );
    }

    #[test]
    fn a_numbered_label_of_any_kind_ends_the_value_above() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n一、出租方：\n李玉梅\n二、出租方身份证件号码：\n140105198803031234\n\
             三、承租方：\n太原市远图科技有限公司\n四、承租方统一社会信用代码：\n91140100MA0K1234X5",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("李玉梅")));
        assert_eq!(get(&f, "lessee"), Some(&json!("太原市远图科技有限公司")));
    }

    #[test]
    fn a_sublease_role_in_a_bracket_with_the_position() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "同意转租确认\n我公司同意。\n房屋转租协议\n出租方（转租人，以下简称甲方）：太原市远图科技有限公司\n\
             承租方（次承租人，以下称乙方）：晋城市青禾农业科技有限公司",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
    }

    #[test]
    fn report_numbers_with_the_year_bare_and_words_before_them() {
        for (text, want) in [
            (
                "专项审计报告\n文号：恒信专审字2023年第0415号",
                "恒信专审字2023年第0415号",
            ),
            (
                "专项审计报告\n我们出具了本报告，报告文号为恒信(2023)专项审字第415号。",
                "恒信(2023)专项审字第415号",
            ),
        ] {
            let f = read_text_layer(DocumentKind::AuditReport, text);
            assert_eq!(get(&f, "report_no"), Some(&json!(want)), "{text}");
        }
    }

    #[test]
    fn an_accountants_title_is_no_firm_and_a_lost_bracket_comes_back() {
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n太原市远图科技有限公司：\n我们审计了贵公司的基地运营情况。\n\
             签字注册会计师计务所\n签字注册会计师：王刚\n信永恒会计师事务所特殊普通合伙）山西\t注册会计师：李娜\n分所\n2023年3月1日",
        );
        assert_eq!(
            get(&f, "audit_firm"),
            Some(&json!("信永恒会计师事务所（特殊普通合伙）山西分所"))
        );
    }

    #[test]
    fn a_speck_read_before_a_signature_heads_bracket() {
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n第一条 出租人将房屋出租给承租人。\n出租人、（签章）：\t承租人（签章）：\n\
             晋城市青禾农业科技有限公司\t太原市远图科技有限公司\n2021年1月1日\t2021年1月1日",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋城市青禾农业科技有限公司"))
        );
        assert_eq!(get(&f, "lessee"), Some(&json!("太原市远图科技有限公司")));
    }

    #[test]
    fn characters_ocr_doubted_are_listed_by_field() {
        let text =
            "房屋租赁合同\n出租方：晋城市青禾农业科技有限公司\n承租方：太原市远图科技有限公司";
        let doubted = text.chars().position(|c| c == '图').expect("in text");
        let mut ocr = page(text, TextSource::Ocr);
        ocr.spans = (0..text.chars().count())
            .map(|i| crate::model::TextSpan {
                start: i,
                end: i + 1,
                bbox: [0.1, 0.1, 0.12, 0.12],
                confidence: if i == doubted { 0.6 } else { 0.999 },
            })
            .collect();
        let f = read_page(DocumentKind::Lease, &ocr);
        assert_eq!(get(&f, "lessee"), Some(&json!("太原市远图科技有限公司")));
        // every text field OCR read is listed, with the characters it doubted
        assert_eq!(
            get(&f, DOUBTFUL_CHARS),
            Some(&json!(["lessee:图", "lessor:"]))
        );
        // a text layer is read for sure: nothing is listed
        let mut layer = ocr.clone();
        layer.text_source = TextSource::TextLayer;
        assert_eq!(
            get(&read_page(DocumentKind::Lease, &layer), DOUBTFUL_CHARS),
            None
        );
    }

    #[test]
    fn parties_named_in_words_of_the_documents_own() {
        // 出租一方 / 承租一方 before a wide gap, again over the signatures
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n立约人：\n出租一方　山西省云冈创新创业实业股份有限公司\n社会信用代码　91140400AAU8WXM25L\n法定代表人　周丽\n\
             承租一方　山西青创商务服务股份有限公司\n一、租赁标的\n1．出租一方将位于山西省长治市上党区并州南路198号的房屋租给承\n租一方。\n\
             2．承租一方于每年租期开始前一次付清租金。\n出租一方（签章）\n山西省云冈创新创业实业股份有限公司\n承租一方（签章）\n山西青创商务服务股份有限公司",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("山西省云冈创新创业实业股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("山西青创商务服务股份有限公司"))
        );
        // 产权方 (elsewhere a head landlord's word) beside a known 租用方; a person as landlord
        let f = read(
            DocumentKind::Lease,
            "房屋租赁协议\n（一）产权方：汤博军\n身份证号：140110196404126619\n（二）租用方：大同市锦程科技有限责任公司\n\
             1.1　产权方将其所有的山西省大同市平城区南内环街355号房屋出租给租用方。\n3.1　未经产权方事先书面同意，租用方擅自转租的，产权方有权收回房屋。\n\
             产权方：汤博军\n租用方：大同市锦程科技有限责任公司",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("汤博军")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("大同市锦程科技有限责任公司"))
        );
        // short names without quotes (以下称物业所有人), their roles from the clauses
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n陈玉宇（以下称物业所有人）与太原国家高新技术产业开发区德润创新创业智能科技\n有限责任公司（以下称物业使用人）就物业使用人租用物业所有人房屋一事，经友好协商，\n订立本合同。\n\
             第一条【房屋】物业所有人出租的房屋坐落于山西省运城市盐湖区长治路238号。\n物业所有人：\n陈玉宇\n代表人：\n物业使用人：\n\
             太原国家高新技术产业开发区德润创新创业智\n能科技有限责任公司\n代表人：李勇",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("陈玉宇")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!(
                "太原国家高新技术产业开发区德润创新创业智能科技有限责任公司"
            ))
        );
    }

    #[test]
    fn h27_classes_terms_dates_as_names_and_role_notes() {
        // a term's start and end each with a label of its own (租期始于 / 租期止于)
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人（房屋所有权人）：\n忻州市蓝海商务服务有限公司\n承租人（房屋使用人）：\n晋中市锦程电子商务有限公司\n\
             出租人将坐落于山西省晋中市太谷区科技街106号的房屋出租给承租人使用，租赁期限见下表：\n租期始于\n2018-3-15\n租期止于\n2023-3-14\n租期\n60个月",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-03-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-03-14")));
        // 起算日 / 终租日
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n三、租赁期限\n1．租期起算日为2021年 1月 1日，终租日为2025年 12月 30日。\n四、租金及保证金",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-01-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2025-12-30")));
        // a signing date under a signature head is no name
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n第一节　租赁物及用途\n1.1　甲方出租的房屋建筑面积为11,067.06m²。\n甲方：（签字）\n胡瑞超\n二零二二年九月二十四日\n乙方：（盖章）\n忻州市德润智能科技有限责任公司\n二零二二年九月二十四日",
        );
        assert_ne!(get(&f, "lessor"), Some(&json!("二零二二年九月二十四日")));
        // a note after a name saying which party it is in this contract
        let f = read(
            DocumentKind::Lease,
            "房屋转租合同\n原出租人：太原市晋创产业园运营有限责任公司\n原承租人：太原市星火双创基地商务服务有限责任公司（即本合同转租方）\n\
             转租方（甲方）：太原市星火双创基地商务服务有限责任公司\n承租方（乙方）：临汾市太行实业有限公司\n第一条　甲方将上述房屋中的263.63㎡转租给乙方使用。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("太原市星火双创基地商务服务有限责任公司"))
        );
    }

    #[test]
    fn a_label_wrapped_in_its_cell_ends_the_value_above() {
        // `不动产单元号` broken over two lines of a narrow cell under the address
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\t临汾市晋阳孵化器管理有限公司\n共有情况 单独所有\n坐落\t山西省太原市晋源区晋阳街207号\n不动产\n单元号\n140105202291GB99327F89914976\n权利类型\t国有建设用地使用权/房屋所有权",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省太原市晋源区晋阳街207号"))
        );
        // a short line that starts no label is the value's wrap
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\t临汾市晋阳孵化器管理有限公司\n坐落\t山西省太原市晋源区晋阳街207号\n1幢\n权利类型\t国有建设用地使用权/房屋所有权",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省太原市晋源区晋阳街207号1幢"))
        );
    }

    #[test]
    fn a_short_name_given_in_other_words() {
        // `下文称` gives the short name as `以下简称` does: a person's name before it is whole
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:潘勇丽(下文称“甲方”)\n\
             承租方:山西转型综合改革示范区优客众创空间智能科技有限公司(下文称“乙方”)\n\
             二、租赁期限\n1.租赁期限自二〇二〇年一月一日起,至二〇二四年十二月三十一日止。",
        );
        assert_parties_sure(
            &f,
            "潘勇丽",
            "山西转型综合改革示范区优客众创空间智能科技有限公司",
        );
    }

    #[test]
    fn a_recited_head_leases_period_with_its_number_broken_is_not_the_subleases_term() {
        // the head lease cited by its number, the line broken inside 编号; the sublease's own
        // term counted from its first day up to its last (`从DATE起算,截至DATE`)
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n甲方(房屋转租人):山西天辰企业管理咨询有限责任公司\n乙方(房屋次承租人):大同市聚能产业园运营有限公司\n\
             鉴于:\n1.甲方与房屋所有权人运城市聚能产业园运营有限责任公司签订了房屋租赁合同(合同编\n\
             号:HT201911-052),租赁期间为2020-01-01至2024-12-31,租赁房屋位于山西省大同市平城区科技街317号;\n\
             第二条　转租期限　转租的期限从2020-04-01起算,截至2022-03-31。甲方对房屋的租赁权终止\n的,本合同同时终止。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-03-31")));
    }

    #[test]
    fn a_head_lease_cited_as_numbered_is_not_the_subleases_term() {
        // `签订了编号为…的房屋租赁合同,租期…`: the head lease's period; the sublease's own runs
        // from a day it starts (开始) to one it ends (结束)
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合约\n转租方(原承租人):阳泉市某某投资管理有限责任公司\n接租方(次承租人):忻州市某某科技发展有限责任公司\n\
             大同市某某职业教育中心资产经营有限公司(房屋所有权人)与转租方签订了编号为晋房赁(2020)第279号的房屋租赁合同,\n\
             租期2021年01月15日至2031年01月14日。白彬宇于2021年04月21日出具《同意转租函》。\n\
             二、转租期间从2021年05月15日开始,到2023年05月14日结束,共24个月。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-05-15")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-05-14")));
        // the owner who signed the head lease is no party of the sublease's
        assert_parties_sure(
            &f,
            "阳泉市某某投资管理有限责任公司",
            "忻州市某某科技发展有限责任公司",
        );
    }

    #[test]
    fn a_seals_ring_beside_a_seal_label_does_not_run_into_the_next_row() {
        // the seals' ring words read into the labels' row (`承租单位(章): 众创空间`), the names in
        // the row under it: the landlord's name is no tail of the tenant's ring
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:阳泉市某某物业管理有限责任公司\n承租方:山西省某某众创空间产业园运营股份有限公司\n\
             一、租赁期限自2018年3月15日起至2023年3月14日止。\n\
             出租单位（章）：\t业管理\t承租单位（章）： 众创空间\n\
             阳泉市某某物业管理有限责任公司\t山西省某某众创空间产业园运营股份有限公司\n代表:\t代表:\n2018-03-04\t2018-03-04",
        );
        assert_parties_sure(
            &f,
            "阳泉市某某物业管理有限责任公司",
            "山西省某某众创空间产业园运营股份有限公司",
        );
    }

    #[test]
    fn a_filings_query_labels_the_reports_code() {
        // the code under the signatures, labelled as the filing's anti-forgery query
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n文号:华通(2020)审专字第324号\n晋中市某某创业服务有限责任公司法定代表人:\n\
             我们接受委托,对贵单位2019年度基地运营情况进行了专项审计。\n中国注册会计师:卢英军\n\
             晋中某某会计师事务所有限公司\n2020年4月19日\n报备防伪查询:BG20200785284699",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("BG20200785284699")));
    }

    #[test]
    fn h27_classes_report_numbers_codes_and_salutations() {
        for (text, field, want) in [
            (
                "关于报送晋中市锦程电子商务有限公司专项审计报告的函\n朔州市中小企业发展促进中心：\n受委托，我所进行了专项审计，并出具了永正专审发〔2024〕647号专项审计报告，现随函报送。",
                "report_no",
                "永正专审发〔2024〕647号",
            ),
            (
                "专项审计报告\n晋中市锦程电子商务有限公司股东：\n我们审计了贵公司运营情况。\n报告号：藏山专审字[2023]-379号\nSXZX20237313939796",
                "report_no",
                "藏山专审字[2023]-379号",
            ),
            (
                "专项审计报告\n晋中市锦程电子商务有限公司股东：\n我们接受委托出具了2023年明鉴专审第558号报告。",
                "report_no",
                "2023年明鉴专审第558号",
            ),
            (
                "专项审计报告\n（立诚审〔2023〕双创321号）\n晋中市锦程电子商务有限公司股东：\n我们审计了贵公司运营情况。",
                "report_no",
                "立诚审〔2023〕双创321号",
            ),
            (
                "专项审计报告\n晋中市合信信息技术有限责任公司管理当局：\n我们审计了贵公司运营情况。\n业务报备二维码\n（SXZX20229577740689）\n山西天元会计师事务所（特殊普通合伙）",
                "report_code",
                "SXZX20229577740689",
            ),
            (
                "阳泉藏山会计师事务所有限公司\n专项审计报告\n阳泉市腾达文化传媒有限责任公司董事长：\n受贵公司委托，我们实施了专项审计。",
                "audited_entity",
                "阳泉市腾达文化传媒有限责任公司",
            ),
            (
                "扫码验证\n专项审计报告\n（明鉴审报〔2022〕第0741号）\n大同市锦程网络科技有限公司投资方：\n受贵单位委托，我们实施了专项审计。",
                "audited_entity",
                "大同市锦程网络科技有限公司",
            ),
            (
                "专项审计报告\n晋明鉴专审【2021】359号\n忻州市尧都科技发展有限责任公司主要负责人：\n受贵单位委托，我们对后附的运营情况表进行了审计。",
                "audited_entity",
                "忻州市尧都科技发展有限责任公司",
            ),
            (
                "专项审计报告\n恒远专审〔2021〕CX220号\n山西恒远会计师事务所有限公司\n二〇二一年一月五日\n附件：1．运营情况表\n统一编码\n20215399326217629359",
                "report_code",
                "20215399326217629359",
            ),
            (
                "专项审计报告\n本报告仅供申报小微企业创业创新基地使用。\n会计师事务所（盖章）\n中国注册会计师（签名并盖章）\n太原立诚会计师事务所有限公司\n潘英辉\n高磊\n报告日期：二〇二三年三月十一日",
                "audit_firm",
                "太原立诚会计师事务所有限公司",
            ),
        ] {
            let f = read(DocumentKind::AuditReport, text);
            assert_eq!(get(&f, field), Some(&json!(want)), "{text}");
        }
        // a house certificate's serial with a hyphen after a short number
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权证号：并房权证字第15-39632号\n房屋所有权人：太原市晋阳科技有限公司",
        );
        assert_eq!(
            get(&f, "certificate_no"),
            Some(&json!("并房权证字第15-39632号"))
        );
    }

    #[test]
    fn a_term_marked_by_the_words_around_its_dates() {
        for (text, start, end) in [
            (
                "房屋租赁协议\n1.3　租用期间：共8年，\n2018/12/1起，\n2026/11/30止。\n2　租金",
                "2018-12-01",
                "2026-11-30",
            ),
            (
                "房屋租赁合同\n第二条【租期】租期届满日为二零三二年六月三十日，起租日为二零二二年七月一日。",
                "2022-07-01",
                "2032-06-30",
            ),
            (
                "房屋租赁合同\n租赁期\n起始：2018-01-01\n终止：2022-12-30\n租金\n租金标准为每平方米每月13.22元，按半年支付。",
                "2018-01-01",
                "2022-12-30",
            ),
            // the range's patterns: a start marked, a comma, the end on the next line
            (
                "房屋租赁协议\n1.3　租用期间：\n2020年12月15日起，\n2025年12月14日止。\n1.4　装修免租：自2020年12月15日开始，到2021年6月14日结束。",
                "2020-12-15",
                "2025-12-14",
            ),
            (
                "房屋租赁合同\n1．租赁期限从贰零贰贰年壹拾贰月壹日开始计算，截止于贰零贰柒年壹拾壹月贰拾玖日。",
                "2022-12-01",
                "2027-11-29",
            ),
            (
                "转租协议书\n①　转租期自二零二零年十二月一日开始，于二零二一年十一月三十日结束，共1年。",
                "2020-12-01",
                "2021-11-30",
            ),
        ] {
            let f = read(DocumentKind::Lease, text);
            assert_eq!(get(&f, "term_start"), Some(&json!(start)), "{text}");
            assert_eq!(get(&f, "term_end"), Some(&json!(end)), "{text}");
        }
    }

    #[test]
    fn a_section_heading_is_no_value_and_a_numbers_label_no_part_of_it() {
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n■ 权利人信息\n权利人：晋中市德润投资管理有限责任公司\n共有情况：单独所有\n■ 不动产信息\n坐落：山西省运城市盐湖区长治路71号",
        );
        assert_eq!(
            get(&f, "owner"),
            Some(&json!("晋中市德润投资管理有限责任公司"))
        );
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权证号：房权证小店区字第1575731号\n权利人：\n马静\n共有情况：\n单独所有\n房屋坐落：\n山西省太原市小店区学府街347号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("马静")));
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "晋中榆次会计师事务所（普通合伙）\n专项审计报告\n晋中市聚能双创基地企业管理咨询股份有限公司股东会：\n审报字号　榆会（2021）审专字0149号\n我们对贵公司的运营情况实施了专项审计。",
        );
        assert_eq!(
            get(&f, "report_no"),
            Some(&json!("榆会（2021）审专字0149号"))
        );
    }

    #[test]
    fn term_time_limit_counted_from_a_day_or_with_the_delivery() {
        // 租赁时限 names the term; `自DATE算起,至DATE届满` is its range
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人：晋城市泽州实业有限公司\n承租人：晋城市丹河科技有限公司\n\
             2. 租赁时限\n（1）租赁时限为陆年，自2022年06月01日算起，至2028年05月31日届满。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-06-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2028-05-31")));
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 6, "months": 0}))
        );
        // the term starts the day the premises are handed over, and ends on its own date
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：晋城市泽州实业有限公司\n承租方：晋城市丹河科技有限公司\n\
             第二条〔租赁期〕本合同租赁期五年。出租方于2022.3.1交付房屋，租赁期同日开始，于2027.2.28结束。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2022-03-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2027-02-28")));
        // …but a deposit paid on a day is no start of the term
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：晋城市泽州实业有限公司\n承租方：晋城市丹河科技有限公司\n\
             第三条 押金于2022年2月20日支付，租赁期自交付之日起算。",
        );
        assert_eq!(get(&f, "term_start"), None);
        // …nor is one paid before the handing over, a fit-out period counted from that day, or
        // a time limit to move in
        let parties =
            "房屋租赁合同\n出租方：晋城市泽州实业有限公司\n承租方：晋城市丹河科技有限公司\n";
        for clause in [
            "乙方于2022年2月20日支付押金，租赁期自交付之日起至2027年2月19日止。",
            "甲方于2022年3月1日交付房屋，装修期限自该日起至2022年4月30日止。",
            "乙方应于签约后入驻，入驻时限为3个月。",
        ] {
            let f = read_text_layer(DocumentKind::Lease, &format!("{parties}{clause}"));
            assert_eq!(get(&f, "term_start"), None, "{clause}");
            assert_eq!(get(&f, "term_stated"), None, "{clause}");
        }
    }

    #[test]
    fn a_name_ends_before_an_open_bracket_or_a_note_on_its_role() {
        // a bracket opened at the line's end holds the next line's code
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方（房产所有人）：晋城市泽州实业有限公司（统一\n社会信用代码：91140500MA0K7Y3T2B）\n\
             承租方（承租经营人）：晋城市丹河（集团）科技股份有限公司（\n统一社会信用代码：91140500MA0K7Y3T2B）\n\
             出租方与承租方依法订立本合同。",
        );
        assert_parties_sure(
            &f,
            "晋城市泽州实业有限公司",
            "晋城市丹河（集团）科技股份有限公司",
        );
        // a bracket saying who the party is in the contract is no part of its name; a firm's
        // own legal form in brackets is
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租协议\n本协议出租方：晋城市泽州物业管理股份有限公司（即上表原租赁关系中的承租人）\n\
             本协议承租方：晋城市丹河孵化器管理有限公司（系入驻企业）\n统一社会信用代码：91140500MA0K7Y3T2B\n原出租人同意本协议出租方将其承租的房屋部分转租。",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋城市泽州物业管理股份有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("晋城市丹河孵化器管理有限公司"))
        );
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：晋城市泽州实业有限公司\n统一社会信用代码：91140500MA0K7Y3T2B\n\
             承租方：晋城市丹河创业投资中心（有限合伙）\n统一社会信用代码：91140500MA0K7Y3T2B\n出租方与承租方依法订立本合同。",
        );
        assert_parties_sure(
            &f,
            "晋城市泽州实业有限公司",
            "晋城市丹河创业投资中心（有限合伙）",
        );
        // a person's bracket naming whom they act for stays (the person is no party); a
        // bureau's name wrapped before its group's legal form is one name
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方：李明（系晋城市泽州实业有限公司委托代理人）\n\
             承租方：中铁十二局\n集团有限公司\n统一社会信用代码：91140500MA0K7Y3T2B\n出租方与承租方依法订立本合同。",
        );
        assert_ne!(get(&f, "lessor"), Some(&json!("李明")));
        assert_eq!(get(&f, "lessee"), Some(&json!("中铁十二局集团有限公司")));
    }

    #[test]
    fn a_signature_tables_columns_read_whole_past_their_row_labels() {
        // each column's cell whole: its name, then its representative's and its date's rows;
        // the second column's name is no tail of the first column's rows
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋分租协议\n分租方与承租方(名称以本协议尾部签章栏为准)经协商一致,达成如下协议:\n\
             2、分租期限:自2023.08.01至2025.07.31(2年)。\n\
             分租方（盖章）\n承租方（盖章）\n晋中市某某智能科技有限公司\n代表人：\n日期：2023.07.18\n\
             阳泉市某某企业管理咨询有限责任公司\n代表人：\n日期：2023.07.18",
        );
        assert_eq!(
            get(&f, "lessor"),
            Some(&json!("晋中市某某智能科技有限公司"))
        );
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("阳泉市某某企业管理咨询有限责任公司"))
        );
    }

    #[test]
    fn a_person_named_in_a_numbered_recital_with_the_short_name() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n鉴于：\n1. 胡瑞超（以下称“甲方”）系坐落于山西省大同市云冈区体育路264号房屋的所有权人，有权出租该房屋；\n\
             2. 忻州市某某智能科技有限责任公司（以下称“乙方”）系依法成立的企业，拟承租该房屋；\n\
             2.1　租期五年，自乙方进场之日起算。\n甲方：（签字）\n胡瑞超\n乙方：（盖章）\n忻州市某某智能科技有限责任公司",
        );
        assert_eq!(get(&f, "lessor"), Some(&json!("胡瑞超")));
        assert_eq!(
            get(&f, "lessee"),
            Some(&json!("忻州市某某智能科技有限责任公司"))
        );
    }

    #[test]
    fn a_signature_table_row_labelled_as_the_signing_unit() {
        // `签约单位(盖章)` heads the row of names under the role columns: it is no name
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方（房产所有人）：郭志芳（公民身份证号码：140110197607036933）\n\
             承租方（承租经营人）：晋城市丹河科技有限公司\n出租方与承租方依法订立本合同。\n\
             出租方\n承租方\n签约单位（盖章）\n郭志芳\n晋城市丹河科技有限公司\n签订日期\n2022年1月5日\n2022年1月5日",
        );
        assert_parties_sure(&f, "郭志芳", "晋城市丹河科技有限公司");
    }

    #[test]
    fn a_signature_tables_seal_row_labels_the_names_after_it() {
        // `盖章(签字)` in the row-label column, before the names under the role columns: the
        // row's label, no cell (read as one, the columns were shifted by one and the landlord
        // was read as the tenant)
        let f = read_text_layer(
            DocumentKind::Lease,
            "租赁合同书\n出租人（业主方）\n承租人（运营方）\n名　　称\n朱秀芳\n运城市凯达投资管理有限公司\n\
             证件号码\n140108196808072870\n91140200CLGPDRCM6T\n出租人与承租人依照法律订立本合同书。\n\
             第1条　租赁期间\n1.1　租赁期间从2021-12-01起到2031-11-30止。\n\
             出租人\n承租人\n盖章（签字）\n朱秀芳\n运城市凯达投资管理有限公司\n代表人签字\n日　　期\n2021-11-04\n2021-11-04",
        );
        assert_parties_sure(&f, "朱秀芳", "运城市凯达投资管理有限公司");
    }

    #[test]
    fn certificate_rows_end_at_whole_labels() {
        // an address over the summary's `建筑面积` row: it ends before the row, not at `面积`
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "基地场地权属证明\n不动产权证号\n晋(2022)晋城市不动产权第0123456号\n权利人\n晋城市丹河科技有限公司\n\
             坐落\n山西省晋城市城区凤台街88号\n建筑面积\n1234.56平方米\n用途\n工业用地/工业",
        );
        assert_eq!(
            get(&f, "address"),
            Some(&json!("山西省晋城市城区凤台街88号"))
        );
        // an owner's organisation code joined to the name's line is no part of it
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权证号 晋房权证城区字第1234567号\n房屋所有权人\n晋城市丹河科技股份有限公司组织机构代码XY057U6E-4\n\
             共有情况\n单独所有\n房屋坐落\n山西省晋城市城区凤台街88号",
        );
        assert_eq!(get(&f, "owner"), Some(&json!("晋城市丹河科技股份有限公司")));
        // the owners named in a bracket after how they hold it, one name wrapped
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人\n晋城市丹河科技股份有限公司\n共有情况\n\
             共同共有（晋城市丹河科技股份有限公司、晋城市泽州电子商务有限责任公\n司、郭志芳）\n房屋坐落\n山西省晋城市城区凤台街88号",
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "晋城市丹河科技股份有限公司",
                "晋城市泽州电子商务有限责任公司",
                "郭志芳"
            ]))
        );
        // how they hold it, with no owners in the bracket
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人\n晋城市丹河科技股份有限公司\n共有情况\n共同共有（房屋、车库）\n房屋坐落\n山西省晋城市城区凤台街88号",
        );
        assert_eq!(get(&f, "co_owners"), None);
        // a registration date the reading set after 房屋坐落 is no address
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人:晋城市丹河科技股份有限公司\n房屋坐落\n2012年3月3日\n登记时间\n房屋性质\n商品房",
        );
        assert_eq!(get(&f, "address"), None);
    }

    #[test]
    fn signature_heads_a_seal_was_stamped_over() {
        // the seal request's bracket half lost and the ring's words read into it or after it:
        // the heads are the positions, the names under them in the same order
        let f = read(
            DocumentKind::Lease,
            "非居住房屋租赁合同\n出租人（房屋权利人）：晋城市泽州众创空间电子商务有限公司\n\
             承租人（经营主体）：晋城市丹河产业园运营有限责任公司\n六、合同份数\n\
             6.1本合同一式贰份，自双方签字盖章之日起生效。\n出租人盖章)空间电\n承租人(盖业园运街)\n\
             晋城市泽州众创空间电子商务有限公司\n晋城市丹河产业园运营有限责任公司\n签订日期:2019-03-19",
        );
        assert_parties_sure(
            &f,
            "晋城市泽州众创空间电子商务有限公司",
            "晋城市丹河产业园运营有限责任公司",
        );
        // …or a piece of the ring's words after the first head's colon
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人：山西泽州（集团）科技发展有限公司\n承租人：晋城市丹河网络科技有限责任公司\n\
             本合同一式贰份，自双方签字盖章之日起生效。\n出租人:集团)\n承租人:\n\
             山西泽州(集团)科技发展有限公司\n晋城市丹河网络科技有限责任公司\n日期:2022年03月14日",
        );
        assert_parties_sure(
            &f,
            "山西泽州（集团）科技发展有限公司",
            "晋城市丹河网络科技有限责任公司",
        );
    }

    #[test]
    fn a_signature_row_of_three_with_a_supervisor() {
        // 出租方 | 承租方 | 监督方 heads, the names read row by row (a long name's tail last)
        let page = placed_page(
            0.2,
            &[
                ("房屋租赁合同", 0.35, 0.04),
                ("出租方：晋中市汾水孵化器管理有限责任公司", 0.1, 0.08),
                ("承租方：晋中市天辰科技有限公司", 0.1, 0.10),
                ("监督方：晋中市榆次区工业和信息化局", 0.1, 0.12),
                (
                    "本合同一式六份，三方各执两份，自三方签章之日起生效。",
                    0.1,
                    0.16,
                ),
                ("出租方(签章)", 0.10, 0.300),
                ("承租方(签章)", 0.40, 0.301),
                ("监督方(签章)", 0.70, 0.302),
                ("晋中市汾水孵化器管理有限责", 0.10, 0.330),
                ("晋中市天辰科技有限公司", 0.40, 0.331),
                ("晋中市榆次区工业和信息化局", 0.70, 0.332),
                ("任公司", 0.10, 0.350),
                ("2019年8月25日", 0.10, 0.380),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_parties_sure(
            &f,
            "晋中市汾水孵化器管理有限责任公司",
            "晋中市天辰科技有限公司",
        );
        // the supervisor's column first, its cell a seal alone: the names are the next heads'
        // (here they differ from the clauses', so the lessor is in doubt)
        let page = placed_page(
            0.2,
            &[
                ("房屋租赁合同", 0.35, 0.04),
                ("出租方：晋中市汾水孵化器管理有限责任公司", 0.1, 0.08),
                ("承租方：晋中市天辰科技有限公司", 0.1, 0.10),
                (
                    "本合同一式六份，三方各执两份，自三方签章之日起生效。",
                    0.1,
                    0.16,
                ),
                ("监督方(签章)", 0.10, 0.300),
                ("出租方(签章)", 0.40, 0.301),
                ("承租方(签章)", 0.70, 0.302),
                ("晋中市汾水孵化器管理有限责任公司", 0.40, 0.330),
                ("晋中市天辰科技有限公司", 0.70, 0.331),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_parties_sure(
            &f,
            "晋中市汾水孵化器管理有限责任公司",
            "晋中市天辰科技有限公司",
        );
    }

    #[test]
    fn a_sublease_table_of_the_contracts_it_chains() {
        // `原租赁` and `本次转租` rows under 出租人 | 承租人 | 租赁期限: the term and the parties are
        // the own row's; a row's label, centred beside a name of two lines, is no piece of it
        let page = placed_page(
            0.18,
            &[
                ("房屋转租协议", 0.35, 0.04),
                ("租赁关系一览", 0.1, 0.07),
                ("出租人", 0.25, 0.100),
                ("承租人", 0.45, 0.101),
                ("租赁期限", 0.65, 0.102),
                ("原租赁", 0.05, 0.132),
                ("晋中市汾水双创基地物", 0.25, 0.125),
                ("业管理有限责任公司", 0.25, 0.140),
                ("晋中市蓝海物业管理股份有限公司", 0.45, 0.131),
                ("2019年9月1日至2029年8月31日", 0.65, 0.1315),
                ("本次转租", 0.05, 0.172),
                ("晋中市蓝海物业管理股", 0.25, 0.165),
                ("份有限公司", 0.25, 0.180),
                ("临汾市博远孵化器管理股份有限公司", 0.45, 0.171),
                ("2020年4月1日至2022年3月31日", 0.65, 0.1715),
                ("本协议出租方：晋中市蓝海物业管理股份有限公司", 0.1, 0.22),
                ("本协议承租方：临汾市博远孵化器管理股份有限公司", 0.1, 0.24),
            ],
        );
        let f = read_page(DocumentKind::Lease, &page);
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-04-01")));
        assert_eq!(get(&f, "term_end"), Some(&json!("2022-03-31")));
        assert_parties_sure(
            &f,
            "晋中市蓝海物业管理股份有限公司",
            "临汾市博远孵化器管理股份有限公司",
        );
    }

    #[test]
    fn a_salutation_after_a_letterhead_column_read_into_its_line() {
        // the firm's website printed in a column beside the salutation, read first
        let f = read(
            DocumentKind::AuditReport,
            "晋城泽州会计师事务所有限公司\n专项审计报告\n本所报告号:泽州审报〔2024〕第129号\n\
             网址：www.jcza.example.com.cn 晋城市丹河双创基地物业管理有限责任公司全体股东及经理:\n\
             根据业务约定，我们对贵单位2023年度小微企业创业创新基地的运营情况进行了专项审计。",
        );
        assert_eq!(
            get(&f, "audited_entity"),
            Some(&json!("晋城市丹河双创基地物业管理有限责任公司"))
        );
    }

    #[test]
    fn a_column_head_in_an_annex_is_no_label_over_a_name() {
        // `企业名称` heads the resident firms' column of an annex: the row read after it is no
        // audited entity
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n晋城市丹河科技有限公司董事会:\n我们接受委托，对贵单位2020年度基地运营情况进行了专项审计。\n\
             附表二\n入驻企业明细表\n序号\n企业名称\n房间号\n入驻日期\n从业人数\n1临汾市金鹏科技有限责任公司\n130\n2020-08-14\n7",
        );
        let got = &f["audited_entity"];
        assert_eq!(got.value, json!("晋城市丹河科技有限公司"));
        assert!(got.confidence >= 0.8, "{}", got.confidence);
    }

    #[test]
    fn report_registration_code_label() {
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "报告登记码\n140520230234418298\n专项审计报告\n出具编号：泽州基核字【2023】第614号\n\
             晋城市丹河科技有限公司全体股东：\n我们接受委托，对贵公司的运营情况进行了专项审计。",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140520230234418298")));
        let f = read(
            DocumentKind::AuditReport,
            "附表一\n基地运营情况核实表\n被审计单位：晋城市丹河科技有限公司\n（报告文号：泽州会审字〔2021〕JS-719号）\n\
             报告信息码\n140220214351722704\n第2页共2页",
        );
        assert_eq!(get(&f, "report_code"), Some(&json!("140220214351722704")));
    }

    #[test]
    fn parties_by_a_noun_and_a_letter_or_by_words_a_consent_tells_apart() {
        // 立约人甲 / 立约人乙: the position after a noun for a party
        let text = "场地租用合同\n立约人甲\n名称：太原市龙城科技有限公司\n住所：太原市小店区\n立约人乙\n名称：晋中市云帆商务服务有限公司\n住所：晋中市榆次区\n立约人甲同意将其合法拥有的场地租给立约人乙使用，双方订立本合同。\n二、租用期\n租用期由2021年1月1日开始计算，于2025年12月31日期满。\n立约人乙可将房屋划分工位后对外招商转租。\n立约人甲（签字盖章）\n太原市龙城科技有限公司";
        for f in [
            read_text_layer(DocumentKind::Lease, text),
            read(DocumentKind::Lease, text),
        ] {
            assert_eq!(s(&f, "lessor"), "太原市龙城科技有限公司", "{f:?}");
            assert_eq!(s(&f, "lessee"), "晋中市云帆商务服务有限公司", "{f:?}");
        }
        // words of the document's own, and a clause where the landlord consents to its
        // tenant letting on: the tenant who may let is no landlord
        let text = "房屋租用确认书\n经协商确认，晋中市云帆商务服务有限公司（下称租房方）租赁太原市龙城科技\n有限公司（下称房产方）的房屋，用于运营小微企业创业创新基地。\n◆ 房屋地址：山西省太原市小店区长风街100号创业大厦5号楼12层\n◆ 租用面积：4718.68㎡\n◆ 租赁起讫：2021.1.1——2025.12.31\n租金：年度租金总额1,440,000.00元，租房方每年分两期支付。\n（1）房产方在此概括同意租房方将房屋整体或者分割后出租给园区内的创业主体。\n（2）租房方须服从园区的安全生产管理，因租房方违规被处罚的，罚款由租房方自负。\n房产方：太原市龙城科技有限公司\n确认日期：2020.12.1\n租房方：晋中市云帆商务服务有限公司\n确认日期：2020.12.1";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "太原市龙城科技有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "晋中市云帆商务服务有限公司", "{f:?}");
        assert_eq!(
            s(&f, "address"),
            "山西省太原市小店区长风街100号创业大厦5号楼12层"
        );
        assert_eq!(
            (s(&f, "term_start"), s(&f, "term_end")),
            ("2021-01-01".into(), "2025-12-31".into())
        );
        assert!(f["term_start"].confidence >= 0.95, "{f:?}");
        // a landlord named by the ID card's own label: the number is no piece of the name
        let text = "房屋租赁合同书\n出租人（产权持有方）\n秦华杰\n公民身份号码 140303197410151791\n承租人（场所经营方）\n太原市三晋科技发展有限公司\n社会信用代码 9114010785NW6YMD1R\n房屋坐落\n山西省运城市盐湖区科技街357号";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "秦华杰", "{f:?}");
        // OCR read a party's credit code, printed beside its name, before the name
        let text = "房屋租赁合同书\n第一部分 租赁基本信息表\n出租人（产权持有方）\n社会信用代码91140200E3U7ABE54H\n忻州市天辰商务服务股份有限公司\n承租人（场所经营方）\n运城市云冈实业有限责任公司\n社会信用代码911401078F40KAFD55\n房屋坐落\t山西省晋中市太谷区府西街302号";
        let f = read(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "忻州市天辰商务服务股份有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "运城市云冈实业有限责任公司", "{f:?}");
    }

    #[test]
    fn a_sublease_whose_words_transfer_and_whose_cells_date_the_stay() {
        // 转租出让方 lets, 转租受让方 takes: 受让 is the taker's stem, 出让 the giver's
        let text = "房屋转租合同\n转租出让方\n运城市优客网络科技有限责任公司\n911401058QMY5H721J\n转租受让方\n大同市卓越网络科技有限责任公司\n911407004FPBDQMG5F\n背景：转租出让方与山西省尧都电子商务股份有限公司（原出租方）签订了《房屋租赁合同》，租期2018-06-01至2023-05-31。转租出让方拟将其中部分房屋转租给转租受让方，双方约定如下：\n第2条　转租期：2019-04-01起到2021-03-31止。\n转租出让方（章）：运城市优客网络科技有限责任公司\n转租受让方（章）：大同市卓越网络科技有限责任公司";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "运城市优客网络科技有限责任公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "大同市卓越网络科技有限责任公司", "{f:?}");
        // the stay's cells (`入孵起始` / date) date this agreement; the head lease it cites by
        // its title has its own period; the resident signs as 入孵方
        let text = "入孵场地分租协议\n分租人：阳泉市云冈科技有限责任公司\n入孵方：长治市众创创业服务有限公司\n鉴于:\n1.分租人依据其与运城市优客创业服务股份有限公司签订的《房屋租赁合同》（合同号2017CX750)，租期2018/1/15至2024/1/14,承租该房屋运营孵化基地，并有权将场地转租给入孵企业;\n场地位置\n山西省晋中市榆次区平阳路191号\n入孵起始\t2018/10/15\t入孵终止\t2021/10/14\n一、分租人为入孵方提供孵化服务。\n入孵方（盖章）\t分租人（盖章）\n长治市众创创业服务有限公司\t阳泉市云冈科技有限责任公司";
        for f in [
            read_text_layer(DocumentKind::Lease, text),
            read(DocumentKind::Lease, text),
        ] {
            assert_eq!(s(&f, "lessor"), "阳泉市云冈科技有限责任公司", "{f:?}");
            assert_eq!(s(&f, "lessee"), "长治市众创创业服务有限公司", "{f:?}");
            assert_eq!(
                (s(&f, "term_start"), s(&f, "term_end")),
                ("2018-10-15".into(), "2021-10-14".into()),
                "{f:?}"
            );
        }
        // OCR lost two characters of the name under the seal: the same party, read whole and
        // sure; a name that differs otherwise still makes the field doubtful
        let sealed = text.replace(
            "长治市众创创业服务有限公司\t阳泉市云冈科技有限责任公司",
            "长治市众创创业服务有限公司\t阳泉云冈科有限责任公司",
        );
        let f = read(DocumentKind::Lease, &sealed);
        assert_eq!(s(&f, "lessor"), "阳泉市云冈科技有限责任公司", "{f:?}");
        assert!(f["lessor"].confidence >= 0.85, "{f:?}");
        let other = text.replace(
            "长治市众创创业服务有限公司\t阳泉市云冈科技有限责任公司",
            "长治市众创创业服务有限公司\t阳泉市云岗技术有限责任公司",
        );
        let f = read(DocumentKind::Lease, &other);
        assert!(f["lessor"].confidence < 0.85, "{f:?}");
    }

    #[test]
    fn a_report_sent_to_its_entity_and_numbered_by_a_label_without_a_colon() {
        let text = "验伪编号140220205682223618\n专项审计报告\n编号华通-ZX-2020-0167\n受贵公司委托，我们对贵公司2019年度小微企业创业创新基地的运营数据进行了专项审计。\n本报告致送:山西省龙城（集团）孵化器管理有限公司\n注册会计师：贾娥娥\n晋中华通会计师事务所有限公司\n2020年3月5日";
        let f = read_text_layer(DocumentKind::AuditReport, text);
        assert_eq!(
            s(&f, "audited_entity"),
            "山西省龙城（集团）孵化器管理有限公司",
            "{f:?}"
        );
        assert_eq!(s(&f, "report_no"), "华通-ZX-2020-0167", "{f:?}");
        assert_eq!(s(&f, "report_code"), "140220205682223618", "{f:?}");
        let text = "运城稷山会计师事务所（普通合伙）\n专项审计报告\n［稷山会专字（2023）00938号］\n报送：山西省晋阳众创空间智能科技股份有限公司董事会\n我们接受委托，对贵公司2022年度运营数据进行了专项审计。\n审字号 明鉴-ZX-2023-0333";
        let f = read_text_layer(DocumentKind::AuditReport, text);
        assert_eq!(
            s(&f, "audited_entity"),
            "山西省晋阳众创空间智能科技股份有限公司",
            "{f:?}"
        );
        // a cover's caption over the code, and the cover's recipient
        let text = "长治明鉴会计师事务所（普通合伙）\n专项审计报告\n出具文号：晋明鉴创审[2021]第A516号\n递送对象：忻州市合信物业管理有限责任公司\n报告真伪核查\nFW20218058-1920\n二零二一年二月十七日";
        let f = read_text_layer(DocumentKind::AuditReport, text);
        assert_eq!(s(&f, "report_code"), "FW20218058-1920", "{f:?}");
        assert_eq!(
            s(&f, "audited_entity"),
            "忻州市合信物业管理有限责任公司",
            "{f:?}"
        );
    }

    #[test]
    fn a_register_row_of_its_own_ends_the_value_above() {
        let text = "大同市房权证平城区字第052278号\n房屋所有权证\n房屋所有权人\n晋中市尧都智能科技有限公司\n所有权性质\n自建房\n共同权利人\n—\n房屋坐落\n山西省大同市平城区滨河东路283号软件园5号楼18层\n房屋编码\n35-27-75\n房屋总面积\n19354.51平方米\n设计用途\n工业\n土地使用年限\n2005.4.20至2055.4.19";
        let f = read_text_layer(DocumentKind::HouseOwnershipCertificate, text);
        assert_eq!(s(&f, "owner"), "晋中市尧都智能科技有限公司", "{f:?}");
        assert_eq!(
            s(&f, "address"),
            "山西省大同市平城区滨河东路283号软件园5号楼18层",
            "{f:?}"
        );
        // a table of owners whose row names the paper before the number and holds it whole
        let text = "不动产权证书\n不动产权证号　晋（2021）大同市不动产权第0417011号\n序号\n权利人\n证件种类及号码\n份额\n1\n长治市天辰孵化器管理股份有限公司\n统一社会信用代码\n91140107GGYKBM4K4A\n全部\n坐落\n山西省大同市平城区长治路80号国\n际金融中心5号楼5层";
        let f = read_text_layer(DocumentKind::PropertyCertificate, text);
        assert_eq!(s(&f, "owner"), "长治市天辰孵化器管理股份有限公司", "{f:?}");
        // …and the row as OCR read it: the name wrapped, the number before its paper's cell
        let text = "不动产权证书\n不动产权证号晋（2019）长治市不动产权第0835299号\n序号\t权利人\t证件种类及号码\t份额\n1\n山西转型综合改革示范区龙城双创基地科技发\n展有限责任公司\n9114070041XNG7FG0Y\n统一社会信用代码\n全部\n坐落\n山西省长治市上党区学府街278号";
        let f = read(DocumentKind::PropertyCertificate, text);
        assert_eq!(
            s(&f, "owner"),
            "山西转型综合改革示范区龙城双创基地科技发展有限责任公司",
            "{f:?}"
        );
    }

    #[test]
    fn an_entry_agreement_whose_tenant_runs_the_base_is_the_bases_lease() {
        let text = "园区房屋租赁及入驻协议\n甲方（载体提供方）：唐霞宁\n身份证号码：140181197109035845\n乙方（入驻运营方）：长治市金鹏电子商务有限公司\n第一条　租赁物及用途\n甲方将位于山西省太原市迎泽区平阳路309号的房屋出租给乙方，乙方在该房屋内建设运营小微企业创业创新基地，并引进企业入驻。\n第二条　租赁期限\n本协议的租赁期限自2018-10-01至2023-09-30，共计5年。\n乙方不得将房屋转租。";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(f["is_sublease"].value, json!(false), "{f:?}");
        assert_eq!(s(&f, "lessor"), "唐霞宁", "{f:?}");
        assert_eq!(s(&f, "lessee"), "长治市金鹏电子商务有限公司", "{f:?}");
        // the resident of an entry agreement runs no base: a sublease still
        let text = "入驻协议\n甲方（运营方）：长治市金鹏电子商务有限公司\n乙方（入驻企业）：太原市某某科技有限公司\n乙方申请入驻甲方运营的孵化基地，经甲方审核同意，双方达成如下协议：\n甲方将基地1号楼303室提供给乙方作为办公场所。\n入驻期限自2019-01-01至2019-12-31。";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(f["is_sublease"].value, json!(true), "{f:?}");
    }

    #[test]
    fn short_names_of_their_own_introduced_over_a_wrapped_bracket() {
        // OCR: the bracket with the credit code wraps, the signature names are in columns
        let text = "房屋租赁合同\n本合同由晋中市榆次区东阳镇车辋村股份经济合作社（统一社会信用代码:\n91140200WT1XX09Y5U，以下称“提供方”）与山西众创众创空间物业管理有限公司（统\n一社会信用代码:91140200CX04LMTC4J，以下称“承用方”）于二零一八年十一月十日订立。提供方将其房屋租给承用方使用。\n房屋坐落于山西省运城市盐湖区平阳路174号，承用方租用该房屋作为小微企业创业创新基地场所。\n年租金为人民币1,440,000.00元，按季度预付，承用方应于每季度开始前十日内付清。\n提供方知悉承用方承租房屋系为举办小微企业创业创新基地，同意承用方在租期内将房屋分区转租予入驻企业。\n提供方:晋中市榆次区东阳镇车调村股份经济\t承用方：山西众创众创空间物业管理有限公司\n合作社\t法定代表人/委托代理人：";
        let f = read(DocumentKind::Lease, text);
        assert_eq!(
            s(&f, "lessor"),
            "晋中市榆次区东阳镇车辋村股份经济合作社",
            "{f:?}"
        );
        assert_eq!(s(&f, "lessee"), "山西众创众创空间物业管理有限公司", "{f:?}");
        // a table's row heads print the house (`房屋提供方`), the clauses say 提供方; the
        // attesting office signs beside the parties
        let text = "房屋租赁协议\n签约主体\t名称\t证照号码\t联系电话\n房屋提供方\t山西省德润科技股份有限公司\t91140107RT8R7A382N\t0351-7852043\n房屋承租方\t山西德润科技发展有限公司\t91140400NY0BWDEM75\t15535777094\n提供方与承租方就房屋租赁事宜,经平等协商,达成如下协议:\n2.租赁期间:二零二二年一月一日至二零二四年六月三十日。\n5.承租方须在二零二一年十二月十三日以前向提供方交纳保证金50000.00元。\n10.本协议一式三份，提供方、承租方及鉴证单位各执一份。\n提供方（章）\t承租方（章)\t鉴证单位(章)\n山西省德润科技股份有限公司\t山西德润科技发展有限公司\t长治市上党区房屋租赁服务中\n二零二一年十二月十一日\t二零二一年十二月十一日\t心";
        let f = read(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "山西省德润科技股份有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "山西德润科技发展有限公司", "{f:?}");
        // …a person's name there, her ID number and phone the next cells
        let text = "房屋租赁协议\n签约主体\n名称\n证照号码\n联系电话\n房屋提供方\n张艳\n140403197604132949\n15615776276\n房屋承租方\n山西德润科技发展有限公司\n91140400NY0BWDEM75\n15535777094\n提供方与承租方就房屋租赁事宜,经平等协商,达成如下协议:\n2.租赁期间:二零二二年一月一日至二零二四年六月三十日。\n5.承租方须在二零二一年十二月十三日以前向提供方交纳保证金50000.00元。";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "张艳", "{f:?}");
        assert_eq!(s(&f, "lessee"), "山西德润科技发展有限公司", "{f:?}");
        // a sublease names the head lease's landlord 原出租人 and its own parties in words of
        // its own, signing under them side by side; its term by its first and last day
        let text = "房屋转租协议书\n本协议由山西省宏图文化传媒有限公司（原承租人，以下称“转租出租方”）与忻州市晋创网络科技有限公司（以下称“转租承租方”）订立。\n转租出租方已于2021年09月14日与运城市盐湖区解州镇西关村股份经济合作社（以下称“原出租人”）签订《房屋租赁合同》，租赁期间为2021年10月01日至2026年09月30日。经原出租人同意，转租出租方将所租房屋的一部分转租给转租承租方。\n2.转租期限1年，首日为2022年01月01日，末日为2022年12月31日。\n3.转租租金每年100,000.00元，转租承租方按季度向转租出租方支付。\n转租出租方（盖章）\t转租承租方（盖章）\n山西省宏图文化传媒有限公司\t忻州市晋创网络科技有限公司";
        let f = read_text_layer(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "山西省宏图文化传媒有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "忻州市晋创网络科技有限公司", "{f:?}");
        assert!(
            f["lessor"].confidence >= 0.85 && f["lessee"].confidence >= 0.85,
            "{f:?}"
        );
        assert_eq!(
            (s(&f, "term_start"), s(&f, "term_end")),
            ("2022-01-01".into(), "2022-12-31".into())
        );
    }

    #[test]
    fn numbers_with_a_district_bracketed_or_letters_after_the_firm() {
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "运城房权证（盐湖）字第219510号\n房屋所有权证\n房屋所有权人\t阳泉市东方物业管理有限公司",
        );
        assert_eq!(
            s(&f, "certificate_no"),
            "运城房权证（盐湖）字第219510号",
            "{f:?}"
        );
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "临汾市优客投资管理股份有限公司\n2019年度小微企业创业创新基地\n专项审计报告\n永正-SJ[2020]886\n大同永正会计师事务所有限责任公司\n专项审计报告\n临汾市优客投资管理股份有限公司:\n我们对贵公司的运营情况实施了专项审计。",
        );
        assert_eq!(s(&f, "report_no"), "永正-SJ[2020]886", "{f:?}");
    }

    #[test]
    fn parties_called_subjects_or_introduced_after_their_particulars() {
        // a party table whose role cells end in 主体, a name wrapped in its cell, and the
        // signature row's heads asking for seals over the names in columns
        let text = "厂房租用合同\n当事人一览\n类别\n名称\n证照号码\n出租主体\n大同市恒丰科技有限公司\n91140200AB12CD34EF\n承租主体\n忻州市云海（山西）孵化器管理有限公\n司\n91140900GH56JK78LM\n出租主体同意将其房屋租给承租主体使用,承租主体按季向出租主体交纳租金。\n出租主体(签章)\n承租主体(签章)\n大同市恒丰科技有限公司\n忻州市云海孵化器管理有限公司";
        for f in [
            read_text_layer(DocumentKind::Lease, text),
            read(DocumentKind::Lease, text),
        ] {
            assert_eq!(s(&f, "lessor"), "大同市恒丰科技有限公司", "{f:?}");
            assert_eq!(
                s(&f, "lessee"),
                "忻州市云海（山西）孵化器管理有限公司",
                "{f:?}"
            );
        }
        // positions given in a bracket after the party's particulars, a person's too
        for (opening, lessor) in [
            (
                "本协议当事人：太原市汇川商贸有限公司（产权单位，统一社会信用代码91140100QW12ER34TY，\n下称甲方）；",
                "太原市汇川商贸有限公司",
            ),
            (
                "本协议当事人：韩立军（产权人，居民身份证140105197003031234，下称甲方）；",
                "韩立军",
            ),
        ] {
            let text = format!(
                "房屋租赁协议\n{opening}晋城市青松创业服务有限公司（用房单位，统一社会信用代码91140500ZX98CV76BN，下称乙方）。\n第一条 甲方将位于晋城市城区凤台街8号的房屋租给乙方。\n第二条 乙方租用该房屋的时间从2020年5月1日算起，到2025年4月30日为止。"
            );
            let f = read_text_layer(DocumentKind::Lease, &text);
            assert_eq!(s(&f, "lessor"), lessor, "{f:?}");
            assert_eq!(s(&f, "lessee"), "晋城市青松创业服务有限公司", "{f:?}");
            assert_eq!(
                (s(&f, "term_start"), s(&f, "term_end")),
                ("2020-05-01".into(), "2025-04-30".into()),
                "{f:?}"
            );
            assert!(f["term_start"].confidence >= 0.9, "{f:?}");
        }
        // two columns of labelled rows as OCR reads them, row by row, a name's last line
        // among the next row's cells
        let text = "房屋租赁合同\n出租人\n承租人\n名称：阳泉市鑫源物业服务中心\n名称：长治市华禹（山西）电子商务有限公\n统一社会信用代码：12140300MB1234567X\n司\n统一社会信用代码：91140400PO09IU87YT\n上列出租人为甲方，承租人为乙方。\n1、租期叁年，租期起始：二〇二〇年三月一日；租期终止：二〇二三年二月二十八日。";
        let f = read(DocumentKind::Lease, text);
        assert_eq!(s(&f, "lessor"), "阳泉市鑫源物业服务中心", "{f:?}");
        assert_eq!(
            s(&f, "lessee"),
            "长治市华禹（山西）电子商务有限公司",
            "{f:?}"
        );
        assert!(f["lessee"].confidence >= 0.9, "{f:?}");
        assert_eq!(
            (s(&f, "term_start"), s(&f, "term_end")),
            ("2020-03-01".into(), "2023-02-28".into()),
            "{f:?}"
        );
    }

    #[test]
    fn a_term_said_as_the_tenants_use_or_by_the_days_it_starts_and_ends() {
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方：朔州市广源实业有限公司\n乙方：吕梁市泰和创业服务有限公司\n甲方将房屋出租给乙方。\n第二条 乙方租用该房屋陆年，从甲方交付钥匙之日算起。",
        );
        assert_eq!(f["term_stated"].value, json!({"years": 6, "months": 0}));
        // the last day's word (终租日) beside the first's, and a renewal option's days after
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方：朔州市广源实业有限公司\n乙方：吕梁市泰和创业服务有限公司\n第三条 租赁期\n起租日为2019/3/1，终租日为2022/2/28。\n补充条款\n（1）租期届满后乙方可再续租5年，自2022/3/1开始至2027/2/28结束。",
        );
        assert_eq!(
            (s(&f, "term_start"), s(&f, "term_end")),
            ("2019-03-01".into(), "2022-02-28".into()),
            "{f:?}"
        );
        // the sublease's period named with 的 inside its word
        let f = read(
            DocumentKind::Lease,
            "房屋转租协议\n转租人\n长治市明远实业有限公司\n次承租人\n晋城市丰源电子商务有限公司\n第三条 本次转租的期间：2021.03.01—2024.02.29。",
        );
        assert_eq!(
            (s(&f, "term_start"), s(&f, "term_end")),
            ("2021-03-01".into(), "2024-02-29".into()),
            "{f:?}"
        );
        assert!(f["term_start"].confidence >= 0.9, "{f:?}");
    }

    #[test]
    fn a_register_row_of_a_person_and_owners_a_line_each() {
        // label | person | label | value on one printed row: the person is the owner's value,
        // not a header cell over a column
        let mut page = page("", TextSource::TextLayer);
        let cells = [
            ("房屋所有权证", 0.39, 0.10),
            ("房屋所有权人", 0.10, 0.20),
            ("邵明华", 0.25, 0.20),
            ("共有情况", 0.60, 0.20),
            ("单独所有", 0.75, 0.20),
            ("房屋坐落", 0.10, 0.25),
            ("山西省吕梁市离石区永宁路18号", 0.25, 0.25),
        ];
        for (k, (cell, x, y)) in cells.iter().enumerate() {
            if k > 0 {
                page.text.push('\n');
            }
            let start = page.text.chars().count();
            page.text.push_str(cell);
            page.spans.push(crate::model::TextSpan {
                start,
                end: page.text.chars().count(),
                bbox: [*x, *y, x + 0.012 * cell.chars().count() as f32, y + 0.013],
                confidence: 1.0,
            });
        }
        let f = read_page(DocumentKind::HouseOwnershipCertificate, &page);
        assert_eq!(s(&f, "owner"), "邵明华", "{f:?}");
        assert_eq!(s(&f, "co_ownership"), "单独所有", "{f:?}");
        // two owners a line each under the label, how they hold it after them
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人\n阳泉市宏远科技有限公司\n运城市百川文化传媒有限公司\n共有情况\n共同共有\n坐落\n山西省阳泉市城区桃北东街9号",
        );
        assert_eq!(
            f["co_owners"].value,
            json!(["阳泉市宏远科技有限公司", "运城市百川文化传媒有限公司"]),
            "{f:?}"
        );
        // a table of the co-owners under the owner's row, each with its share
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人 忻州市启明物业管理有限公司\t共有情况 按份共有\n房屋坐落\t山西省忻州市忻府区和平街6号\n共有人\t共有权证号\t份额\n齐晓东\t忻共字第10233号\t25%\n大同市远航科技有限公司\t忻共字第10234号\t35%\n附记",
        );
        assert_eq!(
            f["co_owners"].value,
            json!(["齐晓东", "大同市远航科技有限公司"]),
            "{f:?}"
        );
    }

    #[test]
    fn a_firms_serial_alone_on_its_line_and_a_reports_serial_code() {
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "山西广信会计师事务所有限公司\n小微企业创业创新基地\n专项审计报告\n广信ZX-2022-0713\n晋中市博文科技有限公司全体股东：\n我们对贵公司的运营情况实施了专项审计。\n报告序号：141020226543219870",
        );
        assert_eq!(s(&f, "report_no"), "广信ZX-2022-0713", "{f:?}");
        assert_eq!(s(&f, "report_code"), "141020226543219870", "{f:?}");
    }

    #[test]
    fn h43_classes_object_prefixed_roles_lettered_positions_and_report_labels() {
        // a role word with the thing let before it heads the signature rows; a name row
        // labelled 单位名称或姓名 is no part of the name
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁协议\n承租方可将房屋转租给入驻企业,出租方对此予以认可。\n物业出租方（签章）：\n大同市润泽物业管理有限公司\n日期：2019.3.1\n物业承租方（签章）：\n晋中市博雅孵化器管理有限公司\n日期：2019.3.1",
        );
        assert_eq!(s(&f, "lessor"), "大同市润泽物业管理有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "晋中市博雅孵化器管理有限公司", "{f:?}");
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n资产出租方（甲方）\n资产承租方（乙方）\n单位名称或姓名\n吕梁市安达科技有限公司\n长治市丰泽实业有限公司\n证件号码\n甲方将房屋出租给乙方。",
        );
        assert_eq!(s(&f, "lessor"), "吕梁市安达科技有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "长治市丰泽实业有限公司", "{f:?}");
        // positions lettered A方 and B方
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n兹有运城市华茂投资有限公司（房屋所有权方，统一社会信用代码：\n91140800AB12CD34EF，以下简称A方）将其房屋出租给吕梁市鼎新信息技术有限公司（统一社会信用代码：\n91141100GH56JK78LM，以下简称B方）使用。\nB方租用后用作小微企业创业创新基地。",
        );
        assert_eq!(s(&f, "lessee"), "吕梁市鼎新信息技术有限公司", "{f:?}");
        // a heading over the owners' table is no owner
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人及份额\n序号\n权利人\n证件号码\n份额\n1\n临汾市禾丰科技有限公司\n91141000QW12ER34TY\n共同共有\n共有情况：共同共有",
        );
        assert_ne!(s(&f, "owner"), "及", "{f:?}");
        // a report's entity after 报告对象 or after 致 and a space; numbers after 专审编号 and
        // 我所文号, and a firm's serial whose year and number run together
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "忻州华信会计师事务所有限公司\n专项审计报告\n我所文号：华信审专字第20230417号\n报告对象：吕梁市鼎新信息技术有限公司\n我们接受贵公司委托,进行了专项审计。",
        );
        assert_eq!(
            s(&f, "audited_entity"),
            "吕梁市鼎新信息技术有限公司",
            "{f:?}"
        );
        assert_eq!(s(&f, "report_no"), "华信审专字第20230417号", "{f:?}");
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "吕梁市鼎新信息技术有限公司\n专项审计报告\n专审编号：晋华信审（2021）ZX-305\n致 吕梁市鼎新信息技术有限公司 董事会及管理层\n一、审计意见",
        );
        assert_eq!(
            s(&f, "audited_entity"),
            "吕梁市鼎新信息技术有限公司",
            "{f:?}"
        );
        assert_eq!(s(&f, "report_no"), "晋华信审（2021）ZX-305", "{f:?}");
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n华信-ZS-2022418\n吕梁市鼎新信息技术有限公司全体股东：\n我们审计了…",
        );
        assert_eq!(s(&f, "report_no"), "华信-ZS-2022418", "{f:?}");
    }

    #[test]
    fn h43_classes_read_in_the_second_pass() {
        // a signature row's heads read right to left and its names left to right: each name
        // is the one under its head
        let signed = placed_page(
            0.35,
            &[
                ("房屋租赁协议", 0.4, 0.02),
                (
                    "承租方可将房屋转租给入驻企业,出租方对此予以认可。",
                    0.1,
                    0.05,
                ),
                ("物业承租方(签章):", 0.55, 0.30),
                ("物业出租方(签章)", 0.1, 0.30),
                ("太原市某某产业园运营有限公司", 0.1, 0.33),
                ("阳泉市某某科技发展股份有限公司", 0.55, 0.33),
                ("日期:2019.12.13", 0.1, 0.36),
                ("日期:2019.12.13", 0.55, 0.36),
            ],
        );
        let f = read_page(DocumentKind::Lease, &signed);
        assert_eq!(s(&f, "lessor"), "太原市某某产业园运营有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "阳泉市某某科技发展股份有限公司", "{f:?}");
        // one head misread (`出租示`): the other head's column is read by place, its name
        // wrapped over two lines and the next lines labelled
        let signed = placed_page(
            0.35,
            &[
                ("本协议一式三份,出租方执一份,承租方执两份。", 0.1, 0.05),
                ("物业出租示(签章)", 0.1, 0.30),
                ("物业承租方(签章)", 0.55, 0.30),
                ("阳泉市某某孵化器管理有限公司", 0.1, 0.33),
                ("太原国家高新技术产业开发区某某双创基地商", 0.55, 0.33),
                ("统一社会信用代码:91140106BJDME4P12J", 0.1, 0.352),
                ("务服务有限责任公司", 0.55, 0.352),
                ("统一社会信用代码:911401086C0PCGF28C", 0.55, 0.374),
            ],
        );
        let f = read_page(DocumentKind::Lease, &signed);
        assert_eq!(
            s(&f, "lessee"),
            "太原国家高新技术产业开发区某某双创基地商务服务有限责任公司",
            "{f:?}"
        );
        assert_ne!(s(&f, "lessee"), "阳泉市某某孵化器管理有限公司", "{f:?}");
        // a certificate's numbered owners' table, a person's short name at its column's left
        let mut table = page("", TextSource::Ocr);
        for (k, (cell, b)) in [
            ("不动产权证书", [0.4, 0.02, 0.6, 0.04]),
            ("序号", [0.14, 0.20, 0.18, 0.22]),
            ("权利人", [0.28, 0.20, 0.38, 0.22]),
            ("证件号码", [0.60, 0.20, 0.70, 0.22]),
            ("份额", [0.80, 0.20, 0.85, 0.22]),
            ("1", [0.15, 0.23, 0.16, 0.25]),
            (
                "临汾市某某企业管理咨询有限责任公司",
                [0.20, 0.23, 0.46, 0.25],
            ),
            ("91140107C1GTLP4E35", [0.57, 0.23, 0.72, 0.25]),
            ("共同共有", [0.79, 0.23, 0.85, 0.25]),
            ("2", [0.15, 0.26, 0.16, 0.28]),
            ("陈某娟", [0.20, 0.26, 0.25, 0.28]),
            ("14010619751120263X", [0.57, 0.26, 0.75, 0.28]),
            ("共同共有", [0.79, 0.26, 0.85, 0.28]),
            ("共有情况:共同共有", [0.12, 0.33, 0.30, 0.35]),
        ]
        .into_iter()
        .enumerate()
        {
            if k > 0 {
                table.text.push('\n');
            }
            let start = table.text.chars().count();
            table.text.push_str(cell);
            let end = table.text.chars().count();
            table.spans.push(crate::model::TextSpan {
                start,
                end,
                bbox: b,
                confidence: 0.99,
            });
        }
        let f = read_page(DocumentKind::PropertyCertificate, &table);
        assert_eq!(
            s(&f, "owner"),
            "临汾市某某企业管理咨询有限责任公司",
            "{f:?}"
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!(["临汾市某某企业管理咨询有限责任公司", "陈某娟"])),
            "{f:?}"
        );
        // a sublease titled 转租房屋合同, its tenant 分承租人, its letting party named in a recital
        // that starts with 现
        let f = read_text_layer(
            DocumentKind::Lease,
            "转租房屋合同\n山西省某某网络科技股份有限公司(房屋出租人)与太原市某某产业园运营有限责任公司签订房屋租赁合同。现太原市某某产业园运营有限责任公司(以下称转租人)经房屋出租人书面同意,将其中部分房屋转租给长治市某某科技有限责任公司(以下称分承租人),双方订立本合同。\n第2条转租有效期:自2019年7月1日起,2020年5月31日止。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{f:?}");
        assert_eq!(s(&f, "lessor"), "太原市某某产业园运营有限责任公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "长治市某某科技有限责任公司", "{f:?}");
        assert_eq!(s(&f, "term_end"), "2020-05-31", "{f:?}");
        assert!(f["term_end"].confidence > 0.9, "{f:?}");
        // 出租者 and 承租者; a person's name defined as 甲方 after its label is no label of its own
        let f = read_text_layer(
            DocumentKind::Lease,
            "营业用房租赁合同\n承租者:阳泉市某某产业园运营股份有限公司(以下简称乙方)\n出租者:曹某英(以下简称甲方)\n乙方向甲方承租经营用房。\n合同签署栏\n出租者(甲方)\n承租者(乙方)\n单位名称或姓名(签章)\n曹某英\n阳泉市某某产业园运营股份有限公司授权代表(签字)",
        );
        assert_eq!(s(&f, "lessor"), "曹某英", "{f:?}");
        assert_eq!(s(&f, "lessee"), "阳泉市某某产业园运营股份有限公司", "{f:?}");
        // who lets, said of a tenant whose bracket gives its particulars first and whose name
        // holds a bracket of its own
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n兹有山西省某某商务服务有限责任公司(房屋所有权方,统一社会信用代码:91140105C3LMNFHR46,以下简称A方)将其坐落于山西省大同市某街278号的房屋出租给太原市某某(集团)科技发展有限责任公司(统一社会信用代码:911401062KX51PNJ65,以下简称B方)使用。\nA方:(签字盖章)\nB方:(签字盖章)",
        );
        assert_eq!(
            s(&f, "lessee"),
            "太原市某某(集团)科技发展有限责任公司",
            "{f:?}"
        );
        assert!(f["lessee"].confidence > 0.9, "{f:?}");
        // report numbers: under 报告出具编号 and 编号, bracketed alone on their lines, a serial of
        // letters with no 号; codes under 报告代码, and under 真伪核对编码 with a cell between
        for (text, number) in [
            (
                "专项审计意见书\n报告出具编号:尧都-ZS-2023112\n某某公司:",
                "尧都-ZS-2023112",
            ),
            (
                "专项审计意见书\n编号:信达诚-ZS-2024749\n某某公司:",
                "信达诚-ZS-2024749",
            ),
            (
                "专项审计意见书\n编号:晋天元审(2022)ZX-439\n某某公司:",
                "晋天元审(2022)ZX-439",
            ),
            (
                "专项审计报告\n(晋恒远审(2022)ZX-727)\n某某公司:",
                "晋恒远审(2022)ZX-727",
            ),
            (
                "专项审计报告\n(原平-ZS-2023273)\n某某公司:",
                "原平-ZS-2023273",
            ),
        ] {
            let f = read_text_layer(DocumentKind::AuditReport, text);
            assert_eq!(s(&f, "report_no"), number, "{text}: {f:?}");
        }
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "验证真伪\n报告代码:140920233941216785\n专项审计报告",
        );
        assert_eq!(s(&f, "report_code"), "140920233941216785", "{f:?}");
        let cover = placed_page(
            0.35,
            &[
                ("专项审计意见书", 0.4, 0.05),
                ("本报告只作贵单位报送基地申报材料之用。", 0.1, 0.70),
                ("真伪核对编码:", 0.1, 0.80),
                ("大同某某会计师事务所有限责任公司", 0.5, 0.80),
                ("142023780047085235", 0.1, 0.83),
                ("注册会计师:傅某敏", 0.5, 0.83),
            ],
        );
        let f = read_page(DocumentKind::AuditReport, &cover);
        assert_eq!(s(&f, "report_code"), "142023780047085235", "{f:?}");
        // a salutation with no colon: 致, the name and its addressees run together
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "2023年度小微企业创业创新基地专项审计报告\n专审编号:国信-ZS-2024862\n致太原市某某物业管理有限责任公司董事会及管理层\n一、审计意见",
        );
        assert_eq!(
            s(&f, "audited_entity"),
            "太原市某某物业管理有限责任公司",
            "{f:?}"
        );
        // a signature row of 代表人签名: lines is no piece of a name
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n甲方将房屋出租给乙方。\n甲方(盖章)\n乙方(盖章)\n大同市某某孵化器管理股份有限公司\n代表人签名:\n代表人签名:\n山西省某某创业服务有限责任公司\n2021年05月29日",
        );
        assert!(!s(&f, "lessee").contains("代表人"), "{f:?}");
    }

    #[test]
    fn h44_classes_party_words_by_their_short_names() {
        // a party's word whose bracket gives the short name the clauses use
        let f = read_text_layer(
            DocumentKind::Lease,
            "孵化基地场地租用协议\n1. 场所提供人（简称提供人）：贺某\n2. 场所承用人（简称承用人）：阳泉市某某科技有限责任公司\n一、场地\n场地面积1194.33平方米，承用人用于小微企业创业创新基地。\n三、费用\n全年租金1920000.00元，承用人应在每个租赁年度首日前付清全年租金。\n承用人如需改建隔墙，应报提供人批准；退租时提供人有权要求承用人拆除复原。",
        );
        assert_eq!(s(&f, "lessor"), "贺某", "{f:?}");
        assert_eq!(s(&f, "lessee"), "阳泉市某某科技有限责任公司", "{f:?}");
        // a sublease's owner named beside its two parties is the head landlord, not a third
        // party word that hides the two
        let f = read_text_layer(
            DocumentKind::Lease,
            "分租合同\n分租出让人\n长治市某某物业管理有限公司\n分租受让人\n运城市某某科技发展股份有限公司\n房屋产权方：临汾市某某科技有限公司\n第1条 分租出让人依与房屋产权方所订租赁合同承租房屋；房屋产权方已书面准许本次转租。\n第2条 分租出让人将其中108.15㎡分租给分租受让人。\n第5条 分租受让人须按约定用途使用房屋。\n房屋产权方同意转租（签章）：临汾市某某科技有限公司",
        );
        assert_eq!(s(&f, "lessor"), "长治市某某物业管理有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "运城市某某科技发展股份有限公司", "{f:?}");
        // a sublease titled 二次租赁合同, its parties 二次出租方 and 二次承租方
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋二次租赁合同\n二次出租方（甲）：运城市某某网络科技有限责任公司\n二次承租方（乙）：太原市某某投资管理股份有限公司\n甲方依原租赁合同承租房屋,现从中划出部分面积转租乙方。\n二、二次租赁期24个月：2019-06-01至2021-05-31。",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{f:?}");
        assert_eq!(s(&f, "lessor"), "运城市某某网络科技有限责任公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "太原市某某投资管理股份有限公司", "{f:?}");
        // a sublease's summary of its head lease: the row 原合同期限 holds that lease's period
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋部分转租协议\n转租人：山西某某电子商务有限公司\n再承租人：山西某某科技发展有限责任公司\n原租赁关系摘要\n原合同期限\n2018年4月1日至2023年3月31日\n1．转租人把上表房屋中的697.72㎡转租给再承租人。",
        );
        assert_ne!(s(&f, "term_start"), "2018-04-01", "{f:?}");
        // a name after its code in a recital (`…代码为9114…的阳泉市…公司`) does not start with 的
        let f = read_text_layer(
            DocumentKind::Lease,
            "入孵企业场地转租约定书\n社会信用代码为91140200988P78H170的山西省某某文化传媒有限责任公司（以下称运营方）与社会信用代码为9114040023WBHKN13A的阳泉市某某科技有限公司（以下称入驻企业），为入驻企业租用运营方转租的场地订立本约定书。",
        );
        assert_eq!(s(&f, "lessee"), "阳泉市某某科技有限公司", "{f:?}");
    }

    #[test]
    fn h44_classes_a_particular_between_a_partys_word_and_its_name() {
        // a party table read across its rows: the particular printed beside the name (its
        // label alone, or with its value) comes between the party's word and the name; a
        // signature row's label under the seal's head (经办人) is no piece of the name
        for (lessor, lessee) in [
            (
                "供房方\n统一社会信用代码\n大同市某某实业有限公司\n91140200MA0K1L2X3B",
                "租用方\n长治市某某科技有限公司\n统一社会信用代码 91140400MA0K1L2X3C",
            ),
            (
                "供房方\n社会信用代码 91140200MA0K1L2X3B\n大同市某某实业有限公司",
                "租用方\n长治市某某科技有限公司",
            ),
        ] {
            let f = read_text_layer(
                DocumentKind::Lease,
                &format!(
                    "仓储用房租赁合同\n{lessor}\n{lessee}\n供房方、租用方经协商，就租用方租用供房方房屋事宜订立本合同。\n租期自2021年1月1日起至2025年12月31日止。"
                ),
            );
            assert_eq!(s(&f, "lessor"), "大同市某某实业有限公司", "{f:?}");
            assert_eq!(s(&f, "lessee"), "长治市某某科技有限公司", "{f:?}");
        }
        let f = read_text_layer(
            DocumentKind::Lease,
            "仓储用房租赁合同\n租期自2021年1月1日起至2025年12月31日止。\n出租方(章)\n经办人\n大同市某某实业有限公司\n承租方(章)\n长治市某某科技有限公司",
        );
        assert_ne!(s(&f, "lessor"), "经办人大同市某某实业有限公司", "{f:?}");
    }

    #[test]
    fn h45_classes_labels_and_forms_of_the_term_and_the_report() {
        // a contract's key-terms page: 租赁起日 / 租赁止日 / 租赁总年限, each a cell over its value
        let f = read_text_layer(
            DocumentKind::Lease,
            "仓库租赁合同\n出租方\n大同市某某实业有限公司\n承租方\n长治市某某科技有限公司\n租赁起日\n2020/3/1\n租赁止日\n2026/2/28\n租赁总年限\n72个月\n租赁起止以本页记载的为准。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2020-03-01")), "{f:?}");
        assert_eq!(get(&f, "term_end"), Some(&json!("2026-02-28")), "{f:?}");
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 6, "months": 0})),
            "{f:?}"
        );
        // a model lease's fixed term beside the form's other choice
        let f = read_text_layer(
            DocumentKind::Lease,
            "经营用房租赁合同\n出租人：大同市某某实业有限公司\n承租人：长治市某某科技有限公司\n第二条 租赁期限\n定期租赁:五年，起始日以交房确认书上的日期为准。\n不定期租赁:双方均可随时解除合同。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0})),
            "{f:?}"
        );
        // an addressee given a short name by 下称; a number labelled 审计文书号; a code labelled
        // 验证序列码, cut short on its line by a symbol's label and printed whole under it
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n审计文书号：某某-ZSB-20230101\n大同市某某信息技术有限责任公司（下称贵公司）：\n本所接受委托，审计了所附贵公司的基地运营数据表。\n某某会计师事务所有限公司\n验证序列码：J20231234567\nJ2023123456789012",
        );
        assert_eq!(
            s(&f, "audited_entity"),
            "大同市某某信息技术有限责任公司",
            "{f:?}"
        );
        assert_eq!(s(&f, "report_no"), "某某-ZSB-20230101", "{f:?}");
        assert_eq!(s(&f, "report_code"), "J2023123456789012", "{f:?}");
    }

    #[test]
    fn h48_classes_counted_positions_ticked_roles_described_parties_and_letterheads() {
        // positions counted (第一方/第二方) in a party table, the owner named in the body, each
        // role word defined as a position, and signature lines that ask 签署及盖章 unbracketed
        let row = |text: &'static str, x: f32, y: f32| (text, [x, y, x + 0.2, y + 0.015]);
        let rows = [
            row("房屋租赁合约", 0.40, 0.04),
            row("合约方", 0.08, 0.10),
            row("名称/姓名", 0.25, 0.10),
            row("证照号码", 0.50, 0.10),
            row("联络地址", 0.72, 0.10),
            row("第一方", 0.08, 0.14),
            row("大同市某某信息技术股份有限公", 0.25, 0.14),
            row("司", 0.25, 0.16),
            row("91140700089X6WFR8J", 0.50, 0.14),
            row("山西省太原市迎泽区科技街186号", 0.72, 0.14),
            row("第二方", 0.08, 0.20),
            row("忻州市某某后勤服务有限公司", 0.25, 0.20),
            row("91140106JKGJ0MP52H", 0.50, 0.20),
            row("山西省大同市平城区平阳路1号", 0.72, 0.20),
            (
                "上表第二方系下列物业的业权人,同意出租;第一方承租该物业。本合约下文以“业主方”指第二方,以“租客方”指第一方。",
                [0.08, 0.26, 0.92, 0.28],
            ),
            row("二、租期由2018-01-01起至2025-12-31止。", 0.08, 0.30),
            row("业主方签署及盖章", 0.08, 0.80),
            row("忻州市某某后勤服务有限公司", 0.08, 0.82),
            row("租客方签署及盖章", 0.55, 0.80),
            row("大同市某某信息技术股份有限公司", 0.55, 0.82),
        ];
        let f = read_page(
            DocumentKind::Lease,
            &boxed_page(TextSource::TextLayer, &rows),
        );
        assert_eq!(s(&f, "lessor"), "忻州市某某后勤服务有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "大同市某某信息技术股份有限公司", "{f:?}");
        // a form's role column after the names, the role ticked (■) among options (□); OCR may
        // not read the filled box at all (the option without a box is the ticked one)
        for tick in ["■", ""] {
            let ticked = |role: &str| -> &'static str { format!("{tick}{role}").leak() };
            let rows = [
                row("房屋租赁合同", 0.40, 0.04),
                row("当事人名称/姓名", 0.08, 0.10),
                row("身份(勾选)", 0.35, 0.10),
                row("证件号码", 0.55, 0.10),
                row("住所(住址)", 0.75, 0.10),
                row("太原市某某众创空间科技发展有", 0.08, 0.14),
                row("限公司", 0.08, 0.16),
                row("□出租人", 0.35, 0.14),
                row(ticked("承租人"), 0.35, 0.16),
                row("91140700J57UJ3EU3C", 0.55, 0.14),
                row("山西省运城市盐湖区体育路31号", 0.75, 0.14),
                row("阳泉市某某物业管理有限公司", 0.08, 0.20),
                row(ticked("出租人"), 0.35, 0.20),
                row("□承租人", 0.35, 0.22),
                row("911401008Y3KKMTB4J", 0.55, 0.20),
                row("山西省太原市杏花岭区汇通路51号", 0.75, 0.20),
                (
                    "以下按上表勾选的身份,分别称出租人、承租人。",
                    [0.08, 0.26, 0.92, 0.28],
                ),
            ];
            let f = read_page(
                DocumentKind::Lease,
                &boxed_page(TextSource::TextLayer, &rows),
            );
            assert_eq!(
                s(&f, "lessor"),
                "阳泉市某某物业管理有限公司",
                "{tick} {f:?}"
            );
            assert_eq!(
                s(&f, "lessee"),
                "太原市某某众创空间科技发展有限公司",
                "{tick} {f:?}"
            );
        }
        // parties described by what they do, their short names after their particulars'
        // bracket; a person among them
        let f = read_text_layer(
            DocumentKind::Lease,
            "创业孵化载体用房租赁合同\n第一条 合同主体\n本合同中,提供场地的一方为贾某秀(公民身份号码:14021119620705091X),下称甲方;租入场地并运营孵化基地的一方为长治市某某物业管理有限公司(统一社会信用代码:911407004W1TD1BY32),下称乙方。\n第三条 场地租赁期间为二零一九年三月一日～二零二四年二月二十八日。",
        );
        assert_eq!(s(&f, "lessor"), "贾某秀", "{f:?}");
        assert_eq!(s(&f, "lessee"), "长治市某某物业管理有限公司", "{f:?}");
        // a sublease's term after the head lease's period cited in a bracket with its number
        // (总租约编号), and the sublessee signing as 转租承接人
        let f = read_text_layer(
            DocumentKind::Lease,
            "办公场地转租协议\n1.1 晋中市某某信息技术有限责任公司(以下称“转租人”)租用着某某公司名下的房屋(总租约编号FWZY2019229,租期自2019/9/1至2025/8/31)。\n2.1 转租期从2021/11/1到2024/10/31。\n转租人(盖章):晋中市某某信息技术有限责任公司\n转租承接人:阳泉市某某科技发展有限责任公司(公章)",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2021-11-01")), "{f:?}");
        assert_eq!(get(&f, "term_end"), Some(&json!("2024-10-31")), "{f:?}");
        assert_eq!(s(&f, "lessee"), "阳泉市某某科技发展有限责任公司", "{f:?}");
        // an audit report: the firm's brand before its name on the letterhead, its number under
        // 报告书号, a code under 电子查证码 in heavy brackets, a routing line to the authority
        // (小微企业服务中心) that is not the client, and the firm's form under the seal with a
        // character lost (`…事务所限公司`)
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "中惠 山西中惠会计师事务所（普通合伙）\n专项审计报告\n报告书号：中惠-JDSJ-2021-619\n\
             报送：忻州市小微企业服务中心\n晋中市某某网络科技有限公司董事会：\n本所受贵公司委托，对贵公司名下基地的经营指标作了专项审计。\n\
             【电子查证码】CY20233186054471",
        );
        assert_eq!(
            s(&f, "audit_firm"),
            "山西中惠会计师事务所（普通合伙）",
            "{f:?}"
        );
        assert_eq!(s(&f, "report_no"), "中惠-JDSJ-2021-619", "{f:?}");
        assert_eq!(s(&f, "report_code"), "CY20233186054471", "{f:?}");
        assert_eq!(
            s(&f, "audited_entity"),
            "晋中市某某网络科技有限公司",
            "{f:?}"
        );
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n致大同市某某文化传媒有限公司：\n本所受贵公司委托，对贵公司名下基地的经营指标作了专项审计。\n太原立诚会计师事务所限公司（盖章）\n注册会计师：钟红 毛海敏",
        );
        assert_eq!(s(&f, "audit_firm"), "太原立诚会计师事务所有限公司", "{f:?}");
        // an owner's name over the label of their ID's row (所有人证件号)
        let f = read_text_layer(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人\n陈某英\n所有人证件号\n140106199201272199\n共有情况\n单独所有",
        );
        assert_eq!(s(&f, "owner"), "陈某英", "{f:?}");
        // a certificate in two columns of labelled cells, read row by row: the address wraps
        // into the same column of the next row
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋（2021）大同市不动产权第0774965号\n【权利人】大同市某某电子商务有限公司\t【权利性质】出让/自建房\n\
             【坐落】山西省大同市平城区龙城大街150\t【面积】房屋880.74m2\n号科技创新城8号楼23层1204室\t【使用期限】2060年9月9日止",
        );
        assert_eq!(
            s(&f, "address"),
            "山西省大同市平城区龙城大街150号科技创新城8号楼23层1204室",
            "{f:?}"
        );
    }

    #[test]
    fn h47_classes_first_and_last_days_offering_parties_and_a_firms_slashed_number() {
        // the term by its first and last days, however the days are named
        for clause in [
            "第三条 租用期的第一天为2020年5月1日,最后一天为2026年4月30日。",
            "3. 租期的开始日是2020年5月1日;到期日是2026年4月30日。",
            "第三条 转租期间共七十二个月:首日2020.5.1,末日2026.4.30。",
        ] {
            let f = read_text_layer(
                DocumentKind::Lease,
                &format!(
                    "办公用房租赁合同\n出租方:太原市某某物业管理有限公司\n承租方:晋城市某某科技有限公司\n{clause}"
                ),
            );
            assert_eq!(
                get(&f, "term_start"),
                Some(&json!("2020-05-01")),
                "{clause}"
            );
            assert_eq!(get(&f, "term_end"), Some(&json!("2026-04-30")), "{clause}");
        }
        // a duration counted as so many months, its first day an event's
        let f = read_text_layer(
            DocumentKind::Lease,
            "办公用房租赁合同\n第二条 租赁期按84个月计,从乙方拿到钥匙的次日算起。",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 7, "months": 0})),
            "{f:?}"
        );
        // a person's name in a party's cell, the label of their papers' kind on the next line
        let f = read_text_layer(
            DocumentKind::Lease,
            "厂房租用合同\n出租人姓名\n郝建平\n证件类别及号码\n居民身份证 140105196804120318\n承租人名称\n吕梁市某某电子有限公司\n租赁期限:2021年1月1日至2026年12月31日",
        );
        assert_eq!(s(&f, "lessor"), "郝建平", "{f:?}");
        // a sublease's parties as the one offering and the one accepting it, and the head
        // lease excerpted in an annex after the signatures
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n转租提供方:大同市某某众创空间管理有限公司\n转租接受方:朔州市某某商贸有限公司\n\
             一、转租期限自2021年9月1日起至2023年8月31日止。\n\
             转租提供方(盖章):大同市某某众创空间管理有限公司\n转租接受方(盖章):朔州市某某商贸有限公司\n\
             附件:原租赁合同摘录(编号:ZL-2020-031)\n出租人:郭丽华\n承租人:大同市某某众创空间管理有限公司\n\
             租赁期限:2020年7月1日至2030年6月30日",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{f:?}");
        assert_eq!(s(&f, "lessor"), "大同市某某众创空间管理有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "朔州市某某商贸有限公司", "{f:?}");
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-08-31")), "{f:?}");
        // co-owners named with a person among them where the certificate explains how it is held
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人\t吕梁市某某置业有限公司\n共有情况\t共同共有\n共有情况说明\n共同共有:吕梁市某某置业有限公司、白晓东、孝义市某某贸易有限公司共同共有,不分份额。",
        );
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "吕梁市某某置业有限公司",
                "白晓东",
                "孝义市某某贸易有限公司"
            ])),
            "{f:?}"
        );
        assert_eq!(s(&f, "co_ownership"), "共同共有", "{f:?}");
        // a firm's own number with slashes, under the firm's label or in a sentence; a code
        // after 报备凭证号 in the firm's registry's dashed form
        for (head, tail) in [
            ("本所编号:鼎信/ZS/2023/0412\n", ""),
            ("报告代号\n鼎信/ZS/2023/0412\n", ""),
            ("", "本报告编号为鼎信/ZS/2023/0412,共二页。\n"),
        ] {
            let f = read_text_layer(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n{head}报备凭证号:2023-14-5520918734\n忻州市某某科技有限公司全体股东:\n\
                     我们审计了贵公司基地的运营情况。\n{tail}山西鼎信会计师事务所有限公司\n2023年3月8日"
                ),
            );
            assert_eq!(s(&f, "report_no"), "鼎信/ZS/2023/0412", "{head}{tail}");
            assert_eq!(s(&f, "report_code"), "2023-14-5520918734", "{head}{tail}");
        }
        // a cover: the client's name over the firm's, each a line of its own; and a piece of
        // the seal's ring read as a line is no firm
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n\n阳泉市某某孵化器有限公司\n\n山西某某会计师事务所(普通合伙)\n\n二〇二二年二月十日",
        );
        assert_eq!(
            s(&f, "audit_firm"),
            "山西某某会计师事务所(普通合伙)",
            "{f:?}"
        );
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n阳泉市某某孵化器有限公司全体股东:\n我们审计了贵公司基地的运营情况。\n仁会计师事务所\n晋中某某会计师事务所有限公司(公章)\n2022年2月10日",
        );
        assert_eq!(s(&f, "audit_firm"), "晋中某某会计师事务所有限公司", "{f:?}");
        // an old plant lets its buildings under its own name, in a note under the signatures or
        // under a word of the contract's own
        let f = read_text_layer(
            DocumentKind::Lease,
            "车间租赁合同\n甲方将其车间出租给乙方使用。\n甲方(签章)\n晋中市某某区纺织机械厂\n乙方(签章)\n吕梁市某某电子有限公司\n\
             ① 甲方:晋中市某某区纺织机械厂,统一社会信用代码91140702MA0K3LQX1D。\n\
             ② 乙方:吕梁市某某电子有限公司,统一社会信用代码91141100MA0H8T2Q5E。",
        );
        assert_eq!(s(&f, "lessor"), "晋中市某某区纺织机械厂", "{f:?}");
        let f = read_text_layer(
            DocumentKind::Lease,
            "车间租赁合同\n“车间所有方”指把车间租出的一方,“包租方”指租用车间的一方。\n\
             1. 车间所有方把车间整体租给包租方。\n2. 包租方按季向车间所有方交租金。\n\
             车间所有方(签章)\n忻州市某某县农具制造厂\n包租方(签章)\n吕梁市某某电子有限公司",
        );
        assert_eq!(s(&f, "lessor"), "忻州市某某县农具制造厂", "{f:?}");
        assert_eq!(s(&f, "lessee"), "吕梁市某某电子有限公司", "{f:?}");
        // a person introduced with a short name at a line's start, under a number's line
        let f = read_text_layer(
            DocumentKind::Lease,
            "公开招租房屋租赁合同\n招租编号:ZZ2020-118\n\
             郭建明(以下称“招租方”)公开出租名下房屋,晋城市某某科技有限公司(以下称“中标方”)\n\
             承租该房屋并按年支付租金,签订本合同。\n招租方(盖章):\n郭建明\n中标方(盖章):\n晋城市某某科技有限公司",
        );
        assert_eq!(s(&f, "lessor"), "郭建明", "{f:?}");
        assert!(f["lessor"].confidence >= 0.9, "{f:?}");
    }

    #[test]
    fn h46_classes_own_words_for_the_parties_leaders_and_the_day_rent_starts() {
        // a room's use agreement whose subtitle says it sublets, between a space's operator
        // and a resident member, each word a cell over its name
        let f = read_text_layer(
            DocumentKind::Lease,
            "众创社区办公室使用协议\n（独立办公室转租）\n一、协议要素\n空间运营商\n忻州市某某商务服务有限责任公司\n入驻会员\n运城市某某产业园运营有限公司\n使用期\n2023/3/1至2025/2/28（24个月）",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{f:?}");
        assert_eq!(s(&f, "lessor"), "忻州市某某商务服务有限责任公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "运城市某某产业园运营有限公司", "{f:?}");
        // parties known by words of the contract's own (挂牌方 lets its own premises, 摘牌方
        // pays the rent), introduced in running text
        let f = read_text_layer(
            DocumentKind::Lease,
            "挂牌房屋租赁合同\n山西某某科技发展股份有限公司（以下称“挂牌方”）在某市资产租赁挂牌平台公开挂牌出租名下房屋，长治市某某科技发展有限公司（以下称“摘牌方”）按挂牌条件报名并摘牌成交，双方签下这份合同。\n第二条　租赁期限　租赁期限：2018年10月1日至2023年9月29日。\n第三条　全年租金2650000.00元，摘牌方于各租赁年度首日把当年租金一次交齐。\n挂牌方（盖章）：\n山西某某科技发展股份有限公司\n摘牌方（盖章）：\n长治市某某科技发展有限公司",
        );
        assert_eq!(s(&f, "lessor"), "山西某某科技发展股份有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "长治市某某科技发展有限公司", "{f:?}");
        // the day rent is first counted, with no start of the term printed: read, but below
        // the rules' threshold (the term may start at the handover before it)
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋整体租赁合同\n出租方：大同市某某实业有限公司\n承租方：长治市某某科技有限公司\n2.1　房屋点交日：2018年09月15日。\n2.2　起始计租日：2018年10月01日。\n2.3　租赁到期日：2023年09月29日。",
        );
        assert_eq!(get(&f, "term_start"), Some(&json!("2018-10-01")), "{f:?}");
        assert!(f["term_start"].confidence < 0.8, "{f:?}");
        // a certificate's leader dots between a label and its value
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2017)晋中市不动产权第0640000号\n权利人…\t忻州市某某实业有限公司\n共有情况…… 单独所有\n坐落…\t山西省晋中市太谷区体育路232号",
        );
        assert_eq!(s(&f, "owner"), "忻州市某某实业有限公司", "{f:?}");
        assert_eq!(s(&f, "co_ownership"), "单独所有", "{f:?}");
        // how the property is held, read after 权利人 where a scan's rows came out of order, is
        // nobody's name
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n栏目\t记载事项\t填写说明\n权利人\n共有情况\n单独所有\n山西某某实业有限公司\n按主体证件上的名称填写\n坐落\t山西省大同市云冈区汇通路190号",
        );
        assert_ne!(s(&f, "owner"), "单独所有", "{f:?}");
        // a report's number labelled 审计报告字号 / 本报告字号
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n审计报告字号：中惠审〔2020〕小微基地278号\n运城市某某创业服务有限公司：\n我们审计了贵单位的基地数据一览表。\n山西某某会计师事务所（普通合伙）",
        );
        assert_eq!(s(&f, "report_no"), "中惠审〔2020〕小微基地278号", "{f:?}");
        // an agreement for the paid use of premises is a lease
        let text = "房屋有偿使用协议\n协议号：某某（2018）第187号\n一方：赖某某（以下称供房人）\n另一方：山西省某某产业园运营有限责任公司（以下称用房单位）\n供房人把名下房屋有偿提供给用房单位使用。\n二、使用期间\n有偿使用期间从2018/7/1算起，截至2023/6/30，历时五年。\n三、使用费\n租金：每计租年度2450000.00元。";
        let extracted = crate::model::Extracted {
            media_type: "application/pdf".into(),
            pages: vec![page(text, TextSource::TextLayer)],
        };
        let kinds: Vec<_> = crate::fields::understand(&extracted, None)
            .iter()
            .map(|u| u.kind)
            .collect();
        assert_eq!(kinds, [DocumentKind::Lease]);
    }

    #[test]
    fn an_entry_agreements_operator_and_a_remark_naming_the_head_landlord() {
        // the operator's short name beside an incubated firm's: the operator lets
        let f = read_text_layer(
            DocumentKind::Lease,
            "入驻场地协议\n忻州市某某孵化器管理有限公司（以下称运营方）与晋中市某某科技有限公司（以下称入驻企业）订立本协议。\n1、运营方将场地提供给入驻企业使用，入驻企业按时交纳场地费。\n2、入驻企业不得将场地另行转租。",
        );
        assert_eq!(s(&f, "lessor"), "忻州市某某孵化器管理有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "晋中市某某科技有限公司", "{f:?}");
        // …but beside a party that lets, the operator's word says nothing of its role
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n忻州市某某实业有限公司（以下称产权方）与晋中市某某孵化器管理有限公司（以下称运营方）订立本合同。\n运营方负责基地的日常运营。\n产权方负责房屋的维修。",
        );
        assert_ne!(s(&f, "lessor"), "晋中市某某孵化器管理有限公司", "{f:?}");
        // a remark in a bracket after running text that wrapped just before it names the head
        // landlord, not this agreement's letting party
        let f = read_text_layer(
            DocumentKind::Lease,
            "众创空间入驻协议\n园区管理方：太原市某某科技有限公司\n入园单位：大同市某某商务服务有限公司\n（一）园区管理方以租赁方式取得山西省太原市小店区某某街1号房屋的\n使用权（出租人：大同市某某信息技术有限公司；租赁合同编号：ZP2016-0547），出租人同意园区管理方转租。\n（二）园区管理方将场地转租给入园单位使用。\n（三）入园单位按季度交纳场地使用费。",
        );
        assert_eq!(s(&f, "lessor"), "太原市某某科技有限公司", "{f:?}");
    }

    #[test]
    fn h49_classes_renewals_cited_periods_three_party_subleases_filing_codes_and_firm_words() {
        // A renewal's own period is its term, said as `续租的期限`; the lease it renews, cited
        // by title in the recital, has its period read by no pattern and no clause reader.
        let f = read_text_layer(
            DocumentKind::Lease,
            "厂房续租协议\n出租人(甲方):吕梁市青松物流有限公司\n承租人(乙方):孝义市远帆电子商务有限公司\n\
             甲乙双方曾于2014年2月10日签订《厂房租赁合同》,由乙方租用甲方位于孝义市胜溪路8号的厂房,租期从2014年3月1日到2018年2月28日。\n\
             第一条 续租的期限\n本次续租的期限自2018年3月1日起至2024年2月29日止。\n",
        );
        assert_eq!(s(&f, "term_start"), "2018-03-01");
        assert_eq!(s(&f, "term_end"), "2024-02-29");
        let f = read_text_layer(
            DocumentKind::Lease,
            "厂房续租协议\n出租人(甲方):吕梁市青松物流有限公司\n承租人(乙方):孝义市远帆电子商务有限公司\n\
             甲乙双方曾于2014年2月10日签订编号为QS-14-07的《厂房租赁合同》,租期三年。\n\
             本次续租的租期为72个月,自原合同期满次日起连续计算。\n",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 6, "months": 0}))
        );
        // a lease's own term said as `起租于…,止租于…`, after a recital of an earlier contract
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人(甲方):吕梁市青松物流有限公司\n承租人(乙方):孝义市远帆电子商务有限公司\n\
             双方曾于2016年5月3日签订编号为QS-16-02的《房屋租赁合同》,租期从2016年6月1日到2019年5月31日。\n\
             第二条 租赁期限\n1.本合同起租于2019年6月1日,止租于2025年5月31日。\n",
        );
        assert_eq!(s(&f, "term_start"), "2019-06-01");
        assert_eq!(s(&f, "term_end"), "2025-05-31");

        // A three-party sublease: the owner's position is the head lease's landlord, the tenant
        // that lets on lets here, the one that uses the place rents.
        let f = read_text_layer(
            DocumentKind::Lease,
            "场地分租三方协议\n甲方(产权人、原出租方):太原市恒达置业有限公司\n\
             乙方(承租人兼转租人):晋中市云翼科技有限公司\n丙方(房屋使用方):长治市禾丰商贸有限公司\n\
             甲方与乙方已签订《场地租赁合同》(合同编号:HD-2017-11),由乙方租用甲方的场地,租赁期自2017年1月1日至2026年12月31日。\n\
             第一条 分租期限:2020年5月1日至2021年4月30日。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_parties_sure(&f, "晋中市云翼科技有限公司", "长治市禾丰商贸有限公司");
        assert_eq!(s(&f, "term_start"), "2020-05-01");
        assert_eq!(s(&f, "term_end"), "2021-04-30");
        // a sublease citing its head lease by number in a bracket (`原租赁合同号…`)
        let f = read_text_layer(
            DocumentKind::Lease,
            "办公用房转租合同\n出租方(二房东):晋中市云翼科技有限公司\n承租方(次承租方):长治市禾丰商贸有限公司\n\
             第一条 房屋来源:出租方承租位于太原市坞城路9号的房屋(原租赁合同号HD-2017-11,租赁期限2017年1月1日至2026年12月31日),现转给承租方使用。\n\
             第二条 转租期限:2019年3月1日至2021年2月28日。\n",
        );
        assert_eq!(s(&f, "term_start"), "2019-03-01");
        assert_eq!(s(&f, "term_end"), "2021-02-28");

        // Parties described in a numbered list, each said of this contract at the end
        // (`(本合同以下称其为“出租方”)`), a person by citizenship; a signature line's name cut
        // by a representative's line does not stand against the whole name.
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n(一)贺永明,中国公民,居民身份证号码140102198001011234,住址太原市迎泽区(本合同以下称其为“出租方”);\n\
             (二)山西省晋北(集团)文化创意产业有限公司,一家依法设立的企业,住所地大同市平城区(本合同以下称其为“承租方”)。\n\
             租赁期始于2020年1月1日,终于2025年12月31日。\n\
             出租方:贺永明(签字)\n承租方:山西省晋北(集团)文化创意\n法定代表人/授权代表(签字):\n产业有限公司(盖章)\n",
        );
        assert_eq!(s(&f, "lessor"), "贺永明");
        assert_eq!(s(&f, "lessee"), "山西省晋北（集团）文化创意产业有限公司");

        // An audit report's code under a filing platform's labels, or printed at the margin
        // beside its symbol, on the line of a sentence's end.
        for (line, code) in [
            ("备案身份码:14.2021.30517742。", "14.2021.30517742"),
            ("平台赋码:QX202130517742915。", "QX202130517742915"),
            ("协会赋码:20211014305177429150", "20211014305177429150"),
        ] {
            let f = read_text_layer(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n榆次区宏达工贸有限公司:\n我们审计了贵公司的基地运营情况。\n{line}"
                ),
            );
            assert_eq!(s(&f, "report_code"), code, "{line}");
        }
        let c = compiled(DocumentKind::AuditReport).expect("table");
        let page = page(
            "专项审计报告\n榆次区宏达工贸有限公司:\n本报告仅供贵公司申报使用,挪作他 QX202130517742915\n用的,后果自负。",
            TextSource::TextLayer,
        );
        let norm = Norm::build(&[&page], &|line| c.is_label_line(line));
        let mut reading = read_fields(c, &norm);
        printed_payload(c, &norm, &["QX202130517742915"], &mut reading);
        assert_eq!(
            reading.fields.get("report_code").map(|f| &f.value),
            Some(&json!("QX202130517742915"))
        );
        // (a code the symbol does not carry is no code)
        let mut reading = read_fields(c, &norm);
        printed_payload(c, &norm, &["QX202130517742916"], &mut reading);
        assert!(!reading.fields.contains_key("report_code"));

        // A firm's word with two characters lost or misread under the seal, and 特殊 misread.
        for (signed, want) in [
            ("榆次宏信会十师事务有限公司", "榆次宏信会计师事务所有限公司"),
            (
                "榆次宏信会师事务（普通合伙）",
                "榆次宏信会计师事务所（普通合伙）",
            ),
            ("榆次宏信会计师车所有限公司", "榆次宏信会计师事务所有限公司"),
            (
                "榆次宏信会计师事务所（特疾普通合伙）",
                "榆次宏信会计师事务所（特殊普通合伙）",
            ),
            (
                "榆次宏信会计师事务所（特殊音通合伙）山西分所",
                "榆次宏信会计师事务所（特殊普通合伙）山西分所",
            ),
        ] {
            let f = read(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n榆次区宏达工贸有限公司:\n我们审计了贵公司的基地运营情况。\n\
                     {signed}\t中国注册会计师:韩立\n中国·晋中\n2022年3月1日\n"
                ),
            );
            assert_eq!(s(&f, "audit_firm"), want, "{signed}");
        }

        // A certificate's owner cell of three companies, its lines run together.
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n权利人:大同市泰和商贸发展有限责任公司忻州市金石建材有限公司长治市福源农业科技开发有限责任公司\n\
             共有情况:按份共有\n坐落:山西省朔州市朔城区民福街21号\n",
        );
        assert_eq!(s(&f, "owner"), "大同市泰和商贸发展有限责任公司");
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "大同市泰和商贸发展有限责任公司",
                "忻州市金石建材有限公司",
                "长治市福源农业科技开发有限责任公司"
            ]))
        );
    }

    #[test]
    fn h50_classes_owner_words_column_heads_cited_intents_registration_forms_and_co_owner_shares() {
        // Parties known by 业权人 and 租用人: the role word joined to the front of a name in the
        // preamble is none of it; the signature table's heads stand over the cells of their own
        // columns; the term a letter of intent proposed is not this lease's.
        let text = "房屋租赁合同\n\
             房屋业权人大同市塞北仓储有限公司(统一社会信用代码91140200MA0K1A2B3C,以下称“业权人”)与租用人朔州市青禾电子商务有限公司(统一社会信用代码91140600MA0K4D5E6F,以下称“租用人”)曾于2021.3.2签署《厂房租赁意向书》(意向书编号YX-21-06,意向租赁期两年)。\n\
             第二条 租赁期间\n租用时长6年,起于2021.5.1,止于2027.4.30。\n\
             第五条 本合同由业权人与租用人签署后生效。\n\
             业权人\t租用人\n名称(签章)\t大同市塞北仓储有限公司\t朔州市青禾电子商务有限公司\n签署日期\t2021.4.20\t2021.4.20\n";
        for f in [
            read_text_layer(DocumentKind::Lease, text),
            read(DocumentKind::Lease, text),
        ] {
            assert_parties_sure(&f, "大同市塞北仓储有限公司", "朔州市青禾电子商务有限公司");
            assert_eq!(
                get(&f, "term_stated"),
                Some(&json!({"years": 6, "months": 0}))
            );
            assert_eq!(s(&f, "term_start"), "2021-05-01");
        }
        // A party known only by a short name of its own that no clause gives a role, beside the
        // one other party introduced by its role word: it has the other role.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n大同市塞北仓储有限公司(统一社会信用代码91140200MA0K1A2B3C,以下简称“塞北公司”)与朔州市青禾电子商务有限公司(以下简称“承租方”)订立本合同。\n\
             第一条 标的为大同市御河西路8号的仓库一座,交接以清单为准。\n第二条 租赁期限自2021年5月1日至2027年4月30日。\n第三条 本合同一式两份,塞北公司与承租方各执一份。\n",
        );
        assert_parties_sure(&f, "大同市塞北仓储有限公司", "朔州市青禾电子商务有限公司");
        // a column head over a row whose name of that column wrapped: no other column's cell
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n业权人\t租用人\n名称(签章)\t山西综改示范区晋阳双创基地\n大同市塞北仓储有限公司\t孵化器管理有限公司\n",
        );
        assert_ne!(s(&f, "lessee"), "大同市塞北仓储有限公司");
        // …and the heads read one a line (OCR), a row label, then the names in reading order:
        // what follows the row label is the first column's, not the second head's
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n业权人\t租用人\n\n名称(签章)\n大同市塞北仓储有限公司\n有限公司\n朔州市青禾电子商务股份\n",
        );
        assert_ne!(s(&f, "lessee"), "大同市塞北仓储有限公司");
        // the term told as the tenant's period of use (`租用房屋的期间合计5年`)
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人(甲方):大同市塞北仓储有限公司\n承租人(乙方):朔州市青禾电子商务有限公司\n\
             3-1 乙方租用房屋的期间合计5年,乙方接收房屋那天即为租期第一天。\n",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 5, "months": 0}))
        );

        // A sublease set out as a registration form: the parties letting on and taking on
        // (分租单位, 接租单位), its period's row (`转租始末日期`); the head lease, cited at the
        // start of a sentence, gives no term.
        let f = read_text_layer(
            DocumentKind::Lease,
            "转租场地协议书\n分租单位\t晋城市丹河数字科技有限公司\n接租单位\t高平市长平农业科技有限公司\n\
             房屋产权单位\t晋城市泽州资产经营有限公司\n转租始末日期\t2023年2月1日至2025年1月31日\n\
             1、分租单位从晋城市泽州资产经营有限公司租入上表房屋。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_parties_sure(
            &f,
            "晋城市丹河数字科技有限公司",
            "高平市长平农业科技有限公司",
        );
        assert_eq!(s(&f, "term_start"), "2023-02-01");
        assert_eq!(s(&f, "term_end"), "2025-01-31");
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n转租方:晋城市丹河数字科技有限公司\n次承租方:高平市长平农业科技有限公司\n\
             原租赁合同:出租人晋城市泽州资产经营有限公司,合同编号ZZ-2019-33,租赁期限2019-06-01至\n2029-05-31。\n\
             第二条 转租期限:2023-02-01至2025-01-31。\n",
        );
        assert_eq!(s(&f, "term_start"), "2023-02-01");
        assert_eq!(s(&f, "term_end"), "2025-01-31");

        // A report's number after 报告登记号 and its code after 备案赋码号.
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n晋城市丹河数字科技有限公司全体股东:\n我们审计了贵公司的基地运营情况。\n\
             晋城泽信会计师事务所有限公司\n报告登记号:泽信-ZXBG-2023-088\n备案赋码号:2023041188207711\n",
        );
        assert_eq!(s(&f, "report_no"), "泽信-ZXBG-2023-088");
        assert_eq!(s(&f, "report_code"), "2023041188207711");

        // A certificate's number whose year bracket OCR read twice, and co-owners' shares set
        // after their names with nothing between (`A48%;张三32%;B` / `20%`).
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2019))晋城市不动产权第0012345号\n权利人\t晋城市泽州资产经营有限公司\n",
        );
        assert_eq!(s(&f, "certificate_no"), "晋(2019)晋城市不动产权第0012345号");
        let f = read(
            DocumentKind::HouseOwnershipCertificate,
            "房屋所有权证\n房屋所有权人 晋城市泽州资产经营有限公司\n共有情况\t按份共有\n共有人(份额)\n\
             晋城市泽州资产经营有限公司48%;郭建平32%;高平市长平农业科技有限公司\n20%\n",
        );
        let co: Vec<&str> = f["co_owners"]
            .value
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        for owner in [
            "晋城市泽州资产经营有限公司",
            "郭建平",
            "高平市长平农业科技有限公司",
        ] {
            assert!(co.contains(&owner), "{owner} in {co:?}");
        }
        assert_eq!(co.len(), 3, "{co:?}");
    }

    #[test]
    fn h52_classes_asides_particulars_letters_first_and_last_days_and_cited_terms() {
        // Parties with a dash-led aside before their short name, a person's and a company's.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n本合同由下列双方订立:\n郝志芳——以出租者身份签约(下文称甲方)\n\
             朔州市桑干河商贸有限公司——以承租者身份签约(下文称乙方)\n第一条 甲方将房屋出租给乙方使用。\n",
        );
        assert_eq!(s(&f, "lessor"), "郝志芳");
        assert_eq!(s(&f, "lessee"), "朔州市桑干河商贸有限公司");
        // Parties set out with their particulars and only then called by their role, and a
        // signature page's 全称或姓名 row.
        let f = read_text_layer(
            DocumentKind::Lease,
            "租赁合同\n当事人之一:郝志芳(公民身份号码140602198001011234),住所朔州市朔城区,系该房屋的所有人,本合同中称出租人。\n\
             当事人之二:朔州市桑干河商贸有限公司(统一社会信用代码91140600MA0K000000),住所朔州市,本合同中称承租人。\n\
             签署页\n出租人\n全称或姓名\n郝志芳\n承租人\n全称或姓名\n朔州市桑干河商贸有限公司\n",
        );
        assert_eq!(s(&f, "lessor"), "郝志芳");
        assert_eq!(s(&f, "lessee"), "朔州市桑干河商贸有限公司");
        // A landlord's letter that is the lease: the writer in a bracket after 我单位 lets, the
        // one written to asked to rent; the term as the letting's years, 始于/终于; a rent per
        // square metre a month.
        let f = read(
            DocumentKind::Lease,
            "房屋出租确认函\n朔州市桑干河商贸有限公司:\n贵单位的来函收悉,知贵单位拟租我单位房屋开办创业基地。\n\
             我单位(怀仁市金沙滩农机站)研究后,愿按以下条件出租:\n(1)出租年限5年,始于2021.3.1,终于2026.2.28。\n\
             (2)每平方米每月租金12.50元,按季预交。\n回执单位(承租方)朔州市桑干河商贸有限公司\n",
        );
        assert_eq!(s(&f, "lessor"), "怀仁市金沙滩农机站");
        assert_eq!(s(&f, "lessee"), "朔州市桑干河商贸有限公司");
        assert_eq!(s(&f, "term_start"), "2021-03-01");
        assert_eq!(s(&f, "term_end"), "2026-02-28");
        assert_eq!(
            get(&f, "rent"),
            Some(&json!({"amount": 12.5, "period": "month", "per_m2": true}))
        );
        // A table of particulars: the term by its first and last rent days, the area in the
        // next cell.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人\n朔州市桑干河商贸有限公司\n承租人\n怀仁市金沙滩科技有限公司\n计租面积\n1234.50m²\n\
             租赁期间\n首个计租日2023年1月1日,末个计租日2027年12月31日\n交房日\n2022年12月20日\n",
        );
        assert_eq!(s(&f, "term_start"), "2023-01-01");
        assert_eq!(s(&f, "term_end"), "2027-12-31");
        assert_eq!(get(&f, "area_m2"), Some(&json!(1234.5)));
        // A sublease drawn as a chain: the head lease's period in its bracket is not this
        // one's; each party's bracket says what it is in this contract; each code's label
        // names whose it is.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n怀仁市金沙滩投资有限公司(产权人兼原出租人)\n↓ 出租(原合同:编号HR2020/01,租期2020年1月1日至2029年12月31日)\n\
             朔州市桑干河商贸有限公司(原承租人,在本合同中为转租方)\n↓ 转租(本合同)\n怀仁市雁门科技有限公司(在本合同中为承租方)\n\
             转租方统一社会信用代码:91140600MA0K1BJH5T\n承租方统一社会信用代码:91140624MA0L2CKJ6U\n\
             1. 本次转租的使用期为2022年3月1日至2025年2月28日。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(s(&f, "lessor"), "朔州市桑干河商贸有限公司");
        assert_eq!(s(&f, "lessee"), "怀仁市雁门科技有限公司");
        assert_eq!(s(&f, "term_start"), "2022-03-01");
        assert_eq!(s(&f, "term_end"), "2025-02-28");
        let codes = get(&f, "credit_codes").and_then(Value::as_array).unwrap();
        assert_eq!(codes[0]["party"], json!("朔州市桑干河商贸有限公司"));
        assert_eq!(codes[1]["party"], json!("怀仁市雁门科技有限公司"));

        // An audit report sent with a firm's letter whose title says it is issued (出具) for
        // the entity, the report's salutation to its 出资方; a code under 报告真伪码.
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "关于出具朔州市桑干河商贸有限公司2022年度小型微型企业创业创新基地专项审计报告的函\n朔州市中小企业服务中心:\n随函送上报告。\n\
             专项审计报告\n报告真伪码\nSXBB20231234567890\n朔州市桑干河商贸有限公司全体出资方:\n我们审计了贵公司的基地运营情况。\n",
        );
        assert_eq!(s(&f, "audited_entity"), "朔州市桑干河商贸有限公司");
        assert_eq!(s(&f, "report_code"), "SXBB20231234567890");
        // A salutation whose name wraps inside 公司 and whose addressees are a committee on the
        // next line; a number under 出证号 whose bracket OCR read twice.
        let f = read(
            DocumentKind::AuditReport,
            "专项审计报告\n朔州经济开发区桑干河(集团)商贸服务有限责任公\n司经营管理委员会:\n一、委托事项\n本所受贵公司之托审计基地。\n\
             会计师事务所:朔州雁门会计师事务所有限公司\n出证号:晋雁审〔[2020]ZX156号\n",
        );
        assert_eq!(
            s(&f, "audited_entity"),
            "朔州经济开发区桑干河（集团）商贸服务有限责任公司"
        );
        assert_eq!(s(&f, "report_no"), "晋雁审〔2020〕ZX156号");
    }

    #[test]
    fn h51_classes_return_days_head_lease_qualifiers_spaced_positions_and_codes_in_sentences() {
        // The term's last day as the day the tenant leaves (`退租日`), a rent-free period and an
        // option beside it.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n业主(出租人):晋城市泽州资产经营有限公司\n承租人:高平市长平农业科技有限公司\n\
             2. 租期\n(1)起租日2022年3月1日,退租日2028年2月29日。\n(2)头2个月(2022年3月1日起、2022年4月30日止)房租免收。\n",
        );
        assert_eq!(s(&f, "term_start"), "2022-03-01");
        assert_eq!(s(&f, "term_end"), "2028-02-29");
        // Positions spaced out over their bracket on the next line (`甲  方` / `(出租人):XX`),
        // and the term as a 租约's 有效期.
        let f = read(
            DocumentKind::Lease,
            "房屋租约\n甲　　方\n(出租人):晋城市泽州资产经营有限公司\n乙　　方\n(承租人):高平市长平农业科技有限公司\n\
             贰、租约期限\n本租约有效期7年,从乙方领取钥匙的第二天起算。\n",
        );
        assert_parties_sure(
            &f,
            "晋城市泽州资产经营有限公司",
            "高平市长平农业科技有限公司",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 7, "months": 0}))
        );
        // A heading of the letting side said with 的一方 over a 名称 row, its position in its
        // bracket.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租的一方(本合同称甲方)\n名称\t晋城市泽州资产经营有限公司\n\
             承租的一方(本合同称乙方)\n名称\t高平市长平农业科技有限公司\n",
        );
        assert_parties_sure(
            &f,
            "晋城市泽州资产经营有限公司",
            "高平市长平农业科技有限公司",
        );
        // A sublease's summary of its head lease: the head lease's landlord (`主租约出租人`) is
        // no party of this one; the parties are 转出方 and 转入方, and the term the days of use.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n主租约摘要\n房屋产权人及主租约出租人:晋城市泽州资产经营有限公司\n\
             主租约期间:2020年1月1日至2029年12月31日\n转出方(主租约承租人):高平市长平农业科技有限公司\n\
             转入方:阳城县析城山文化传媒有限公司\n\
             1)转出方把从晋城市泽州资产经营有限公司租来的房屋中的200㎡转租给转入方。\n\
             2)转入方自2023年5月1日起使用房屋,至2025年4月30日交还。\n3)转入方按月向转出方付转租费。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(s(&f, "lessor"), "高平市长平农业科技有限公司");
        assert_eq!(s(&f, "lessee"), "阳城县析城山文化传媒有限公司");
        assert_eq!(s(&f, "term_start"), "2023-05-01");
        assert_eq!(s(&f, "term_end"), "2025-04-30");
        // A signature row label with both names after it, the second wrapped over two lines.
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n第一条 甲方将其房屋出租给乙方使用。\n甲方(盖章)\n乙方(盖章)\n名称\n晋城市泽州资产经营有限公司\n\
             山西转型综合改革示范区析城山文化\n传媒有限公司\n日期\n2022.1.5\n2022.1.5\n",
        );
        assert_eq!(s(&f, "lessor"), "晋城市泽州资产经营有限公司");
        assert_eq!(
            s(&f, "lessee"),
            "山西转型综合改革示范区析城山文化传媒有限公司"
        );

        // An audit report's code said in a sentence of a receipt before it, wrapped, and its
        // number under 报告档号, the year first without a bracket.
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "报告签收单\n晋城市泽州资产经营有限公司:\n本所已出具报告,请查收。该报告的\n赋码编号为141220231234567890,可在行业监管平台查到。\n\
             报告档号:2023泽信专审第051号\n专项审计报告\n晋城市泽州资产经营有限公司全体股东:\n我们审计了贵公司的基地运营情况。\n",
        );
        assert_eq!(s(&f, "report_code"), "141220231234567890");
        assert_eq!(s(&f, "report_no"), "2023泽信专审第051号");

        // Co-owners named in the 附记's sentence, joined by 与, one name wrapped.
        let f = read(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n晋(2021)晋城市不动产权第0012345号\n权利人\n晋城市泽州资产经营有限公司\n共有情况\n共同共有\n\
             附记\n本宗不动产为晋城市泽州资产经营有限公司与高平市长平农业科技有\n限公司与郭建平共同共有。\n",
        );
        let co: Vec<&str> = f["co_owners"]
            .value
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(co.len(), 3, "{co:?}");
        assert!(co.contains(&"郭建平"), "{co:?}");
        assert!(co.contains(&"高平市长平农业科技有限公司"), "{co:?}");
    }

    #[test]
    fn h53_classes_own_words_stacked_signature_blocks_memoranda_and_marked_days() {
        // The parties' own words: one that provides the place lets; the base's operator rents
        // beside it (运营 alone says no role). The term's days marked after them (为首日/为末日).
        let f = read_text_layer(
            DocumentKind::Lease,
            "场地租赁合同\n甲、乙两家商定如下。\n1.场地提供一方将院内三号楼租给对方开办基地。\n\
             2.租赁期:以2021年7月1日为首日,以2026年6月30日为末日。\n3.场地提供一方负责维修,基地运营人负责日常管理。\n\
             4.基地运营人按年付租,场地提供一方开具发票。\n场地提供一方:平遥县古陶镇供销合作社\n基地运营人:晋中市绵山文化发展有限公司\n",
        );
        assert_eq!(s(&f, "lessor"), "平遥县古陶镇供销合作社");
        assert_eq!(s(&f, "lessee"), "晋中市绵山文化发展有限公司");
        assert_eq!(s(&f, "term_start"), "2021-07-01");
        assert_eq!(s(&f, "term_end"), "2026-06-30");
        // Signature blocks stacked at the head, each over its name, code, signer and date; a
        // person under a role's head.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人签章栏\n樊建国\n公民身份号码:\n142301197002021234\n经办:樊建国\n2020-03-01\n\
             承租人签章栏\n吕梁市北川河孵化器管理\n有限公司\n统一社会信用代码:\n91141100MA0L000000\n经办:任丽\n2020-03-01\n\
             合同条款\n01 租赁由2020-04-01起算,到2025-03-31满期。\n",
        );
        assert_eq!(s(&f, "lessor"), "樊建国");
        assert_eq!(s(&f, "lessee"), "吕梁市北川河孵化器管理有限公司");
        // The same heads side by side, read a row at a time: a person under the letting role's.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人签章栏\n承租人签章栏\n樊建国\n吕梁市北川河孵化器管理有限公司\n公民身份号码:\n\
             统一社会信用代码:\n经办:樊建国\n经办:任丽\n合同条款\n01 租赁由2020-04-01起算,到2025-03-31满期。\n",
        );
        assert_eq!(s(&f, "lessor"), "樊建国");
        assert_eq!(s(&f, "lessee"), "吕梁市北川河孵化器管理有限公司");
        // A public station lets under its own name.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租人签章栏\n孝义市城区粮油储备站\n统一社会信用代码:\n12141181MB0000000X\n\
             承租人签章栏\n吕梁市北川河孵化器管理有限公司\n统一社会信用代码:\n91141100MA0L000000\n",
        );
        assert_eq!(s(&f, "lessor"), "孝义市城区粮油储备站");
        // A sublease written as a memorandum of its parties, each in a bracket after its name.
        let f = read_text_layer(
            DocumentKind::Lease,
            "场地转租事项备忘录\n参加单位:\n吕梁市北川河孵化器管理有限公司(转租一方,原为该场地承租人)\n\
             孝义市胜溪湖科技有限公司(接受转租一方)\n一、转租期从2021年5月1日开始,到2023年4月30日结束。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(s(&f, "lessor"), "吕梁市北川河孵化器管理有限公司");
        assert_eq!(s(&f, "lessee"), "孝义市胜溪湖科技有限公司");
        // A sublease's own use of the place from and to, and the head lease cited by its
        // number in the landlord's reply bound after it.
        let f = read_text_layer(
            DocumentKind::Lease,
            "场地转租协议\n转租人吕梁市北川河孵化器管理有限公司经原出租人同意,把所租场地的一半转租给次租用人孝义市胜溪湖科技有限公司。\n\
             一、次租用人使用转租场地,从2021年5月1日算起,用到2023年4月30日为止。\n\
             附件\n复函\n吕梁市北川河孵化器管理有限公司:\n贵单位依第LL2019-0088号租赁合同租用我方场地,租期自2019年5月1日至2029年4月30日。同意转租。\n",
        );
        assert_eq!(s(&f, "term_start"), "2021-05-01");
        assert_eq!(s(&f, "term_end"), "2023-04-30");
        // A term marked in the summary's cell, and a rent-free period under it that no sure
        // pattern reads as the term.
        let f = read(
            DocumentKind::Lease,
            "房屋租赁合同\n合同要目\n出租人\n樊建国\n承租单位\n吕梁市北川河孵化器管理有限公司\n\
             租赁期限\n起租2020年4月1日/止租2025年3月31日(合计5年)\n交房日\n2020年3月20日\n装修免租安排\n\
             给承租单位免收2个月租金用于装修,从2020年4月1日起,到2020年5月31日止。\n",
        );
        assert_eq!(s(&f, "term_start"), "2020-04-01");
        assert_eq!(s(&f, "term_end"), "2025-03-31");
        // A salutation to the entity's office.
        let f = read_text_layer(
            DocumentKind::AuditReport,
            "专项审计报告\n孝义市胜溪湖科技有限公司综合管理办公室:\n我们审计了贵单位2021年度双创基地的数字。\n",
        );
        assert_eq!(s(&f, "audited_entity"), "孝义市胜溪湖科技有限公司");
        // A certificate's 权利人 over a small table of owners, its head row one cell a line.
        let f = read_text_layer(
            DocumentKind::PropertyCertificate,
            "不动产权证书\n登记证书编号:晋(2020)孝义市不动产权第0001234号\n权利人\n共有人\n证件号码\n共有方式\n孝义市胜溪湖科技有限公司\n91141181MA0K000000\n共同共有\n\
             任丽\n141181199001011234\n共同共有\n坐落\n孝义市胜溪路8号\n",
        );
        assert_eq!(s(&f, "owner"), "孝义市胜溪湖科技有限公司");
        // …and every row's name a co-owner
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!(["孝义市胜溪湖科技有限公司", "任丽"]))
        );
    }

    #[test]
    fn h54_classes_own_words_letters_that_sublet_and_codes_wrapped_in_narrow_boxes() {
        // Parties under words of the contract's own, printed only over their blocks and their
        // signatures (the clauses use short names): two words whose stems oppose. A name whose
        // head ends in 方 (山西东方…) is no party's word.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n租出当事人\n晋中市榆次区东阳供销合作社\n地址:晋中市榆次区东阳镇\n\
             租入当事人\n山西东方锦纶创业服务有限公司\n地址:晋中市榆次区\n\
             以上两方(下文分别称“出租人”“承租人”)订立本合同。\n一、出租人将仓库一座出租给承租人。\n\
             二、租期:2021年3月1日至2026年2月28日。\n当事人\n签章\n租出当事人\n晋中市榆次区东阳供销合作社\n\
             租入当事人\n山西东方锦纶创业服务有限公司\n",
        );
        assert_eq!(s(&f, "lessor"), "晋中市榆次区东阳供销合作社");
        assert_eq!(s(&f, "lessee"), "山西东方锦纶创业服务有限公司");
        // A sublease written as the tenant's letter to its subtenant: the writer (我公司(X))
        // lets to the one it writes to (致:Y), after saying whom it rents from.
        let f = read_text_layer(
            DocumentKind::Lease,
            "关于厂房转租事项的确认函\n致:孝义市胜溪湖科技有限公司\n\
             我公司(吕梁市北川河孵化器管理有限公司)向孝义市纺织厂租用其厂房,租期至2030年止。现经该厂同意,我公司将其中二百平方米转租给贵公司使用,事项确认如下:\n\
             一、转租期限:2022年3月1日至2024年2月29日。\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)));
        assert_eq!(s(&f, "lessor"), "吕梁市北川河孵化器管理有限公司");
        assert_eq!(s(&f, "lessee"), "孝义市胜溪湖科技有限公司");
        assert_eq!(s(&f, "term_end"), "2024-02-29");
        // A name beside a seal's label wrapped before its legal form.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租合同\n转租人(章):吕梁市北川河孵化器管理创业商务\n服务有限公司\n次承租人(章):孝义市胜溪湖科技有限公司\n",
        );
        assert_eq!(
            s(&f, "lessor"),
            "吕梁市北川河孵化器管理创业商务服务有限公司"
        );
        // A term stated after its label's colon with 为期.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:樊建国\n承租方:吕梁市北川河孵化器管理有限公司\n三、租赁期限:为期陆年,自交钥匙之日算起。\n",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 6, "months": 0}))
        );
        // …or with a word for "in all" after the letting's verb
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:樊建国\n承租方:吕梁市北川河孵化器管理有限公司\n二、承租前后共8年,自交钥匙之日算起。\n",
        );
        assert_eq!(
            get(&f, "term_stated"),
            Some(&json!({"years": 8, "months": 0}))
        );
        // A code's label and value wrapped in a narrow box: the label's tail with its colon,
        // the digits run on over lines of their own, or broken at a hyphen.
        for (boxed, code) in [
            ("报告识别\n码:1420\n23005566\n7788", "1420230055667788"),
            ("报告识别\n码:2023\n-0235-50\n4219", "20230235504219"),
        ] {
            let f = read_text_layer(
                DocumentKind::AuditReport,
                &format!(
                    "专项审计报告\n报告书号码:吕诚-ZX-20230418\n孝义市胜溪湖科技有限公司全体股东:\n我们审计了贵公司2022年度双创基地的运营数据。\n\
                     吕梁诚信会计师事务所有限公司\n2023年4月18日\n{boxed}\n查验网址:\nhttps://example.org/q\n"
                ),
            );
            assert_eq!(s(&f, "report_code"), code, "{boxed}");
            assert_eq!(s(&f, "report_no"), "吕诚-ZX-20230418");
        }
    }

    #[test]
    fn h55_classes_schedules_that_go_on_terms_under_their_own_head_row_and_boxed_parties() {
        // The term's cell split into a head row of its own; a payment schedule whose printed
        // rows stop at "and so on" is no term.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:樊建国\n承租方:吕梁市北川河孵化器管理有限公司\n租赁期间\n起\n止\n共计\n2020年03月01日\n2026年02月28日\n六年\n\
             付款安排\n期数\n对应期间\n1\n2020年03月01日至2020年08月31日\n2\n2020年09月01日至2021年02月28日\n\
             3\n2021年03月01日至2021年08月31日\n…\n以此类推\n",
        );
        assert_eq!(s(&f, "term_start"), "2020-03-01");
        assert_eq!(s(&f, "term_end"), "2026-02-28");
        // …and alone, that schedule's printed rows are not read as the term
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:樊建国\n承租方:吕梁市北川河孵化器管理有限公司\n付款安排\n期数\n对应期间\n\
             1\n2020年03月01日至2020年08月31日\n2\n2020年09月01日至2021年02月28日\n\
             3\n2021年03月01日至2021年08月31日\n…\n以此类推\n",
        );
        assert_ne!(get(&f, "term_end"), Some(&json!("2021-08-31")), "{f:?}");
        // …but a clause saying later payments go the same way ends no run of periods
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方:樊建国\n承租方:吕梁市北川河孵化器管理有限公司\n租金按年度:\n\
             第1年 2020年03月01日至2021年02月28日\n第2年 2021年03月01日至2022年02月28日\n\
             第3年 2022年03月01日至2023年02月28日\n以后各期租金依此类推支付。\n",
        );
        assert_eq!(get(&f, "term_end"), Some(&json!("2023-02-28")), "{f:?}");
        // Parties in two boxes side by side under heads of the contract's own words, each box
        // read whole (name, then its code) before the next.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n场地供给方(以下简称供给方)\n场地使用方(以下简称使用方)\n吕梁市北川河孵化器管理有限公司\n\
             社会信用代码:91141100MA0L000000\n孝义市胜溪湖科技有限公司\n社会信用代码:91141181MA0K000000\n\
             一、供给方将仓库交使用方使用。\n二、使用方按年付租。\n供给方(盖章):吕梁市北川河孵化器管理有限公司\n\
             使用方(盖章):孝义市胜溪湖科技有限公司\n",
        );
        assert_eq!(s(&f, "lessor"), "吕梁市北川河孵化器管理有限公司");
        assert_eq!(s(&f, "lessee"), "孝义市胜溪湖科技有限公司");
        // 出租户 and 承租户, their meeting (出租户与承租户) saying no one rents; a handover
        // list's signers under the roles are no parties.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租赁合同\n出租户:吕梁市北川河孵化器管理有限公司,社会信用代码91141100MA0L000000。\n\
             承租户:孝义市胜溪湖科技有限公司,社会信用代码91141181MA0K000000。\n出租户与承租户协商一致。\n\
             附:房屋移交清单\n移交人(出租户):王五\n接收人(承租户):赵六\n",
        );
        assert_eq!(s(&f, "lessor"), "吕梁市北川河孵化器管理有限公司");
        assert_eq!(s(&f, "lessee"), "孝义市胜溪湖科技有限公司");
        // (the signers' lines give no rival name either: the party's word inside a signer's
        // bracket is no label, so the parties stay sure)
        assert!(f["lessor"].confidence > 0.9, "{f:?}");
        assert!(f["lessee"].confidence > 0.9, "{f:?}");
    }
    #[test]
    fn h56_classes_positions_by_own_words_first_and_last_rent_days_lasting_periods_and_report_numbers()
     {
        // Positions with words of the contract's own before a short-name bracket
        // (`供租方(简称甲方)`), a prefix before them (立约人), and the place handed over to rent
        // (`交乙方承租`): the parties are sure, and the term is the first and last days the
        // rent runs (首租日 / 末租日) under a heading of its own.
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租约\n立约人 供租方(简称甲方):吕梁市北川河孵化器管理有限公司\n\
             立约人 需租方(简称乙方):孝义市胜溪湖科技有限公司\n【房屋】\n甲方把坐落于孝义市府前街8号的房屋交乙方承租。\n\
             【租期】\n首租日2020.05.01,末租日2025.04.30。\n【租金】\n年租金300,000.00元,乙方每季度预付一次。\n\
             甲方(签章):吕梁市北川河孵化器管理有限公司\n乙方(签章):孝义市胜溪湖科技有限公司\n",
        );
        assert_parties_sure(
            &f,
            "吕梁市北川河孵化器管理有限公司",
            "孝义市胜溪湖科技有限公司",
        );
        assert_eq!(s(&f, "term_start"), "2020-05-01", "{f:?}");
        assert_eq!(s(&f, "term_end"), "2025-04-30", "{f:?}");
        // The lease's lasting period (存续期间) ended 届止, above a quarterly payment table whose
        // printed rows stop at a row saying the others go on alike (`其后各季依此类推`).
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋租用合同\n出租方:吕梁市北川河孵化器管理有限公司\n承租方:孝义市胜溪湖科技有限公司\n\
             第二款 租赁存续期间:二〇二〇年五月一日起,二〇二六年四月三十日届止。\n季度缴费表\n季次\n计费区间\n金额\n\
             1\n二〇二〇年五月一日至二〇二〇年七月三十一日\n75,000.00\n\
             2\n二〇二〇年八月一日至二〇二〇年十月三十一日\n75,000.00\n其后各季依此类推\n",
        );
        assert_eq!(s(&f, "term_start"), "2020-05-01", "{f:?}");
        assert_eq!(s(&f, "term_end"), "2026-04-30", "{f:?}");
        // Report numbers under labels of the report's own (函号, 编排号, 文档编号, 流水号) and a
        // number with the year first and no 字 (`(2022)龙城双创专审第0311号`).
        for (text, number) in [
            (
                "报告函号:(2022)龙城双创专审第0311号\n报告日期:2022年3月1日",
                "(2022)龙城双创专审第0311号",
            ),
            (
                "专项审计报告\n〔报告编排号:龙城-FHSJ2022-0311〕\n全体股东:",
                "龙城-FHSJ2022-0311",
            ),
            (
                "报告文档编号:龙城-FHSJ2022-0311\n专项审计报告",
                "龙城-FHSJ2022-0311",
            ),
            (
                "报告交付登记页\n业务流水号\n(2022)龙城双创专审第0311号\n委托单位",
                "(2022)龙城双创专审第0311号",
            ),
        ] {
            let f = read_text_layer(
                DocumentKind::AuditReport,
                &format!(
                    "{text}\n我们接受委托,对贵公司2021年度基地运营数据进行了专项审计。\n龙城会计师事务所有限公司"
                ),
            );
            assert_eq!(s(&f, "report_no"), number, "{text}: {f:?}");
        }
        // Every co-owner in the list under its label (`共有人名录`), persons among them; a list
        // longer than can be read whole gives none (the rule then asks a person).
        let cert = |list: &str| {
            read_text_layer(
                DocumentKind::HouseOwnershipCertificate,
                &format!(
                    "房屋所有权证\n房屋所有权人\n共有情况\n吕梁市北川河孵化器管理有限公司\n共同共有\n\
                     房屋坐落\n孝义市府前街8号\n共有人名录\n{list}\n附记:无。"
                ),
            )
        };
        let f = cert("吕梁市北川河孵化器管理有限公司、孝义市胜溪湖科技有限公司、王小明、李华");
        assert_eq!(
            get(&f, "co_owners"),
            Some(&json!([
                "吕梁市北川河孵化器管理有限公司",
                "孝义市胜溪湖科技有限公司",
                "王小明",
                "李华"
            ])),
            "{f:?}"
        );
        let f = cert("吕梁市北川河孵化器管理有限公司、王一、王二、王三、王四、王五");
        assert_eq!(get(&f, "co_owners"), None, "{f:?}");
        // A sublease titled 分租合约, its parties signing as 立约人 with their own words in the
        // bracket (`立约人(让出方)`, `立约人(承接租户)`), the head lease's period cited by its
        // number in a bracket (`签立的租约(编号:…)`, `该租约写明的租用起讫为…`).
        let f = read(
            DocumentKind::Lease,
            "房屋分租合约\n立约人(让出方):吕梁市北川河孵化器管理有限公司\n立约人(承接租户):孝义市胜溪湖科技有限公司\n\
             一、让出方凭其与王五签立的租约(编号:ZY-2020-01),租得孝义市府前街8号的房屋,该租约写明的租用起讫为2020.1.1—2029.12.31。\n\
             二、让出方将房屋中约300平方米转租给承接租户。\n三、分租时段:由2021年3月1日起,到2023年2月28日止。\n\
             四、承接租户每年付给让出方分租费3万元。\n让出方(盖章)\n承接租户(盖章)\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{f:?}");
        assert_parties_sure(
            &f,
            "吕梁市北川河孵化器管理有限公司",
            "孝义市胜溪湖科技有限公司",
        );
        assert_eq!(s(&f, "term_start"), "2021-03-01", "{f:?}");
        assert_eq!(s(&f, "term_end"), "2023-02-28", "{f:?}");
        // A park's form for a sublease (`转租申报表`) whose letting party is the tenant that lets
        // on (`转出承租人`: 转出 before the renting stem) and the other the one taking it (承接人).
        let f = read_text_layer(
            DocumentKind::Lease,
            "房屋转租申报表\n一、转出承租人\n名称\n吕梁市北川河孵化器管理有限公司\n二、承接人\n名称\n孝义市胜溪湖科技有限公司\n\
             三、本次转租起止\n2021年03月01日至2023年02月28日\n转出承租人(盖章)\n吕梁市北川河孵化器管理有限公司\n\
             承接人(盖章)\n孝义市胜溪湖科技有限公司\n",
        );
        assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{f:?}");
        assert_eq!(s(&f, "lessor"), "吕梁市北川河孵化器管理有限公司", "{f:?}");
        assert_eq!(s(&f, "lessee"), "孝义市胜溪湖科技有限公司", "{f:?}");
    }

    #[test]
    fn heads_stacked_over_their_names_read_a_factory_as_a_company() {
        // Two heads of the contract's own words in a band, read by OCR one under the other,
        // then the two names: the first a factory's, which no legal form ends.
        for landlord in ["忻州市原平县农机修造厂", "大同市云州区粮油储备站"] {
            let f = read(
                DocumentKind::Lease,
                &format!(
                    "房屋租赁合同\n场地供给方(以下简称供给方)\n场地使用方(以下简称使用方)\n{landlord}\n\
                     孝义市胜溪湖科技有限公司\n社会信用代码:91141100MA0L000000\n\
                     社会信用代码:91141181MA0K000000\n一、供给方将仓库交使用方使用。\n二、使用方按年付租。\n\
                     供给方(盖章):{landlord}\n使用方(盖章):孝义市胜溪湖科技有限公司\n"
                ),
            );
            assert_parties_sure(&f, landlord, "孝义市胜溪湖科技有限公司");
        }
    }
    #[test]
    fn a_sublease_form_titled_as_a_register_or_filing_slip_is_a_sublease() {
        // A park's slip for a sublease, filled in by both parties: its title is its role, and a
        // head lease that only names such a slip in a clause stays a head lease.
        for title in ["园区分租备案表", "转租登记单", "场地转租审批表"] {
            let f = read(
                DocumentKind::Lease,
                &format!(
                    "{title}\n编号:FB-7\n转出单位\n太原小微科技有限公司\n接收单位\n山西创业服务有限公司\n\
                     分租期限\n2022年03月01日至2025年02月28日\n转出单位(盖章)\n太原小微科技有限公司"
                ),
            );
            assert_eq!(get(&f, "is_sublease"), Some(&json!(true)), "{title}: {f:?}");
        }
        let head = read(
            DocumentKind::Lease,
            "房屋租赁合同\n出租方(甲方):太原科技有限公司\n承租方(乙方):山西创业有限公司\n\
             第九条 经甲方同意转租的，乙方应填写转租登记单报甲方备案。",
        );
        assert_eq!(get(&head, "is_sublease"), Some(&json!(false)));
    }
}
/// Parties written in the forms real leases use, each read from a text layer and from OCR.
#[cfg(test)]
mod party_forms {
    use super::*;
    use crate::model::{Page, TextSource};
    #[test]
    fn parties_in_the_forms_real_leases_use() {
        let x = "太原市龙城科技有限公司";
        let y = "晋中市云帆商务服务有限公司";
        let tail = "\n第一条 租赁房屋\n甲方将位于太原市小店区长风街100号的房屋出租给乙方使用。\n第二条 租赁期限\n租赁期限为五年，自2021年1月1日起至2025年12月31日止。";
        let forms = [
            format!("房屋租赁合同\n出租方（甲方）全称：{x}\n承租方（乙方）全称：{y}{tail}"),
            format!(
                "房屋租赁合同\n出租方名称：{x}\n统一社会信用代码：91140100MA0K1L2X3B\n承租方名称：{y}\n统一社会信用代码：91140100MA0K1L2X4C{tail}"
            ),
            format!(
                "房屋租赁合同\n鉴于：\n1.{x}（下称“出租人”）系位于太原市小店区长风街100号房屋的合法所有权人；\n2.{y}（下称“承租人”）拟承租上述房屋用于办公。\n双方经协商一致，订立本合同。{tail}"
            ),
            format!(
                "房屋租赁合同\n鉴于：\n1.{x}（统一社会信用代码：\n91140100MA0K1L2X3B，下称“出租人”）系该房屋的所有权人；\n2.{y}（统一社会信用代码：91140100MA0K1L2X4C，下称“承租人”）拟承租上述房屋。{tail}"
            ),
            format!("房屋租赁合同\n立合同人\n出租人：{x}\n承租人：{y}{tail}"),
            format!("房屋租赁合同\n出租人（以下简称甲方）：{x}\n承租人（以下简称乙方）：{y}{tail}"),
            format!("房屋租赁合同\n甲方：{x}（出租人）\n乙方：{y}（承租人）{tail}"),
            format!("房屋租赁合同\n租赁双方\n出租方：{x}\n承租方：{y}{tail}"),
            format!(
                "房屋租赁合同\n第一条 合同当事人\n1.1 出租人：{x}\n住所：太原市小店区\n1.2 承租人：{y}\n住所：晋中市榆次区{tail}"
            ),
            format!("房屋租赁合同\n出租方：{x}    承租方：{y}{tail}"),
            format!(
                "房屋租赁合同\n{x}（出租方，以下简称甲方）与{y}（承租方，以下简称乙方）经友好协商，订立本合同。{tail}"
            ),
            format!(
                "房屋租赁合同\n甲方（出租方）\n单位名称：{x}\n法定代表人：王伟\n乙方（承租方）\n单位名称：{y}\n法定代表人：李娜{tail}"
            ),
            format!(
                "房屋租赁合同\n本合同双方当事人：\n出租方（以下简称甲方）：{x}\n承租方（以下简称乙方）：{y}{tail}"
            ),
            format!(
                "房屋租赁合同\n合同编号：ZL-2021-001\n出租方：{x}\n地址：太原市\n联系人：王伟\n承租方：{y}\n地址：晋中市\n联系人：李娜{tail}"
            ),
            format!(
                "房屋租赁合同\n甲方（出租人）：{x}\n统一社会信用代码：91140100MA0K1L2X3B\n乙方（承租人）：{y}\n统一社会信用代码：91140100MA0K1L2X4C{tail}"
            ),
            format!("房屋租赁合同\n出租方：\n{x}\n承租方：\n{y}{tail}"),
            format!("房屋租赁合同\n业主（甲方）：{x}\n租户（乙方）：{y}{tail}"),
            format!(
                "房屋租赁合同\n甲方：{x}\n乙方：{y}\n甲、乙双方就甲方房屋出租给乙方使用一事，达成如下协议。{tail}"
            ),
            format!(
                "房屋租赁合同\n出租方（以下简称“甲方”）\n名称：{x}\n承租方（以下简称“乙方”）\n名称：{y}{tail}"
            ),
            format!("房屋租赁合同\n甲方（出租人）：{x}　　乙方（承租人）：{y}{tail}"),
            format!(
                "房屋租赁合同\n本合同由以下双方于2020年12月1日在太原市签订：\n出租方：{x}（以下简称“甲方”）\n承租方：{y}（以下简称“乙方”）{tail}"
            ),
            format!("房屋租赁合同\n当事人信息\n出租方\t{x}\n承租方\t{y}{tail}"),
            format!("房屋租赁合同\n出租方（甲方）\t承租方（乙方）\n{x}\t{y}{tail}"),
            format!("房屋租赁合同\n出租单位：{x}\n承租单位：{y}{tail}"),
            format!(
                "房屋租赁合同\n鉴于:\n1. {x}（统一社会信用代码:91140100X2FN5FQP2C，下称\n“出租人”）系坐落于山西省大同市云冈区晋阳街336号房屋的合法所有权人，有权出租该\n房屋;\n2. {y}（统一社会信用代码：91140400A04LMRTQ01，下称\n“承租人”）系依法设立并有效存续的企业，拟承租上述房屋用于办公。{tail}"
            ),
            format!(
                "房屋租赁合同\n鉴于:\n1. 于鹏桂（身份证号码:140104197702205435，下称“出租人”）系上述房屋的所有权人;\n2. {y}（统一社会信用代码：91140400A04LMRTQ01，下称“承租人”）拟承租上述房屋。{tail}"
            ),
            format!(
                "入驻协议书\n甲方(出租方)全称:{x}\n统一社会信用代码：91140400C77MBT2F1N\n乙方（承租方）全称:{y}{tail}"
            ),
            format!(
                "租赁协议\n本协议由以下双方于2018.09.01在山西省太原市签订：\n{x}，一家依据中国法律设立并存续的企业，统一社会信用\n代码：91140107ET4038WR72，注册地址：山西省晋中市太谷区体育路220号创业大厦5号楼\n14层（以下简称“出租方”）；\n与\n{y}，一家依据中国法律设立并存续的企业，\n统一社会信用代码：911404002W7FFY5E0R，注册地址：山西省运城市盐湖区坞城路57号（\n以下简称“承租方”）。{tail}\n出租方：\n签署：\n承租方：\n授权代表签署\n日期：\t日期："
            ),
            format!("房屋租赁合同\n出租方（产权人）：{x}\n承租方（使用人）：{y}{tail}"),
        ];
        let c = compiled(DocumentKind::Lease).unwrap();
        for (i, text) in forms.iter().enumerate() {
            for source in [TextSource::TextLayer, TextSource::Ocr] {
                let page = Page {
                    number: 1,
                    width: 1000,
                    height: 1400,
                    text: text.clone(),
                    text_source: source,
                    spans: vec![],
                    confidence: 0.95,
                    codes: vec![],
                    warnings: vec![],
                    image_sha256: None,
                };
                let norm = Norm::build(&[&page], &|l| c.is_label_line(l));
                let f = read_fields(c, &norm).fields;
                let g = |k: &str| f.get(k).map(|v| v.value.to_string()).unwrap_or("-".into());
                assert_eq!(
                    (g("lessor"), g("lessee"), g("term_start")),
                    (
                        // one form's landlord is a person
                        format!(
                            "\"{}\"",
                            if text.contains("于鹏桂") {
                                "于鹏桂"
                            } else {
                                x
                            }
                        ),
                        format!("\"{y}\""),
                        "\"2021-01-01\"".to_string()
                    ),
                    "form {i} from {source:?}: {text}"
                );
            }
        }
    }
}
