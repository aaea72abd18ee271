//! The operator's description of code families and registry adapters (the `registries`
//! parameter, written as TOML tables in the configuration and handed to the plugin as JSON).
//!
//! Nothing about a registry is hard-coded: payload formats are not public, so the operator
//! says how to recognise a code (regular expressions), where to ask (a URL template) and how to
//! read the answer (JSON pointers). `docs/REGISTRY.md` documents the format.

use regex::Regex;
use serde_json::{Map, Value};

/// A kind of code and how to recognise it.
#[derive(Debug)]
pub struct Family {
    /// Short id, shown in findings.
    pub id: String,
    /// A readable name, shown in findings.
    pub name: String,
    /// Applied to every decoded QR/barcode payload; capture group `code` (or the first group,
    /// or the whole match) is the code.
    pub payload: Option<Regex>,
    /// Applied to the printed verification code (`report_code`), same capture rules.
    pub printed: Option<Regex>,
    /// Index into [`Registries::adapters`].
    pub adapter: usize,
}

/// Where a registry answers and how to read its answer.
#[derive(Debug)]
pub struct Adapter {
    /// Short id.
    pub id: String,
    /// URL template: `{code}` is replaced by the percent-encoded code; a template that is
    /// exactly `{payload}` fetches the decoded payload itself (still subject to the host's grant).
    pub url: String,
    /// HTTP statuses meaning "no such code" (default 404).
    pub not_found_status: Vec<u16>,
    /// Pointer to a boolean: false means "no such code".
    pub found: Option<String>,
    /// Pointers to the answer's fields.
    pub fields: AnswerFields,
    /// Values of `fields.status` meaning the report stands; any other value fails.
    pub valid_status: Vec<String>,
}

/// JSON pointers into a registry's answer (RFC 6901); absent = the registry does not say.
#[derive(Debug, Default)]
pub struct AnswerFields {
    pub code: Option<String>,
    pub firm: Option<String>,
    pub entity: Option<String>,
    pub report_no: Option<String>,
    pub report_date: Option<String>,
    pub status: Option<String>,
}

/// Every family and adapter the operator described.
#[derive(Debug, Default)]
pub struct Registries {
    pub families: Vec<Family>,
    pub adapters: Vec<Adapter>,
}

impl Registries {
    /// Reads the `registries` parameter. Empty text: nothing configured (every code → review).
    pub fn parse(text: &str) -> Result<Registries, String> {
        if text.trim().is_empty() {
            return Ok(Registries::default());
        }
        let root: Value =
            serde_json::from_str(text).map_err(|e| format!("registries is not JSON: {e}"))?;
        let root = object(&root, "registries")?;
        only_keys(root, "registries", &["families", "adapters"])?;
        let mut adapters = Vec::new();
        for (i, a) in array(root, "adapters")?.iter().enumerate() {
            adapters.push(adapter(a, &format!("adapters[{i}]"))?);
        }
        let mut families = Vec::new();
        for (i, f) in array(root, "families")?.iter().enumerate() {
            families.push(family(f, &format!("families[{i}]"), &adapters)?);
        }
        Ok(Registries { families, adapters })
    }

    /// Whether any family is described.
    pub fn is_empty(&self) -> bool {
        self.families.is_empty()
    }
}

fn adapter(v: &Value, at: &str) -> Result<Adapter, String> {
    let o = object(v, at)?;
    only_keys(
        o,
        at,
        &[
            "id",
            "url",
            "format",
            "not_found_status",
            "found",
            "fields",
            "valid_status",
        ],
    )?;
    let url = string(o, at, "url")?.ok_or(format!("{at}.url is required"))?;
    if !url.contains("{code}") && url != "{payload}" {
        return Err(format!(
            "{at}.url must contain {{code}} or be exactly {{payload}}"
        ));
    }
    if let Some(format) = string(o, at, "format")?
        && format != "json"
    {
        return Err(format!("{at}.format `{format}` is not supported (json)"));
    }
    let not_found_status = match o.get("not_found_status") {
        None => vec![404],
        Some(Value::Array(a)) => a
            .iter()
            .map(|s| {
                s.as_u64()
                    .and_then(|n| u16::try_from(n).ok())
                    .ok_or(format!("{at}.not_found_status holds HTTP statuses"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{at}.not_found_status must be a list")),
    };
    let fields = match o.get("fields") {
        None => AnswerFields::default(),
        Some(f) => {
            let fo = object(f, &format!("{at}.fields"))?;
            let fat = format!("{at}.fields");
            only_keys(
                fo,
                &fat,
                &[
                    "code",
                    "firm",
                    "entity",
                    "report_no",
                    "report_date",
                    "status",
                ],
            )?;
            AnswerFields {
                code: pointer(fo, &fat, "code")?,
                firm: pointer(fo, &fat, "firm")?,
                entity: pointer(fo, &fat, "entity")?,
                report_no: pointer(fo, &fat, "report_no")?,
                report_date: pointer(fo, &fat, "report_date")?,
                status: pointer(fo, &fat, "status")?,
            }
        }
    };
    let valid_status = match o.get("valid_status") {
        None => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|s| {
                s.as_str()
                    .map(str::to_string)
                    .ok_or(format!("{at}.valid_status holds strings"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{at}.valid_status must be a list")),
    };
    if fields.status.is_some() && valid_status.is_empty() {
        return Err(format!(
            "{at}: fields.status is mapped, so valid_status must list the values meaning valid"
        ));
    }
    Ok(Adapter {
        id: string(o, at, "id")?.ok_or(format!("{at}.id is required"))?,
        url,
        not_found_status,
        found: pointer(o, at, "found")?,
        fields,
        valid_status,
    })
}

fn family(v: &Value, at: &str, adapters: &[Adapter]) -> Result<Family, String> {
    let o = object(v, at)?;
    only_keys(o, at, &["id", "name", "payload", "printed", "adapter"])?;
    let id = string(o, at, "id")?.ok_or(format!("{at}.id is required"))?;
    let regex = |key: &str| -> Result<Option<Regex>, String> {
        string(o, at, key)?
            .map(|p| Regex::new(&p).map_err(|e| format!("{at}.{key} is not a valid pattern: {e}")))
            .transpose()
    };
    let (payload, printed) = (regex("payload")?, regex("printed")?);
    if payload.is_none() && printed.is_none() {
        return Err(format!("{at} needs `payload` or `printed` (or both)"));
    }
    let adapter_id = string(o, at, "adapter")?.ok_or(format!("{at}.adapter is required"))?;
    let adapter = adapters
        .iter()
        .position(|a| a.id == adapter_id)
        .ok_or(format!(
            "{at}.adapter `{adapter_id}` is not among the adapters"
        ))?;
    Ok(Family {
        name: string(o, at, "name")?.unwrap_or_else(|| id.clone()),
        id,
        payload,
        printed,
        adapter,
    })
}

impl Family {
    /// The code a payload carries, when it is of this family.
    pub fn code_in_payload(&self, payload: &str) -> Option<String> {
        self.payload
            .as_ref()
            .and_then(|r| capture(r, payload.trim()))
    }

    /// The code a printed verification code is, when it is of this family.
    pub fn code_in_print(&self, printed: &str) -> Option<String> {
        let squashed: String = printed.chars().filter(|c| !c.is_whitespace()).collect();
        self.printed.as_ref().and_then(|r| capture(r, &squashed))
    }
}

/// Capture group `code`, else the first group, else the whole match.
fn capture(r: &Regex, text: &str) -> Option<String> {
    let caps = r.captures(text)?;
    let m = caps
        .name("code")
        .or_else(|| caps.get(1))
        .or_else(|| caps.get(0))?;
    let s = m.as_str().trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl Adapter {
    /// The URL to ask for `code` (found in `payload`).
    pub fn url_for(&self, code: &str, payload: Option<&str>) -> Option<String> {
        if self.url == "{payload}" {
            return payload.map(|p| p.trim().to_string());
        }
        Some(self.url.replace("{code}", &percent_encode(code)))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
    v.as_object().ok_or(format!("{at} must be a table"))
}

fn array<'a>(o: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], String> {
    match o.get(key) {
        None => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(format!("registries.{key} must be a list of tables")),
    }
}

fn string(o: &Map<String, Value>, at: &str, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
        Some(_) => Err(format!("{at}.{key} must be non-empty text")),
    }
}

fn pointer(o: &Map<String, Value>, at: &str, key: &str) -> Result<Option<String>, String> {
    let p = string(o, at, key)?;
    if let Some(p) = &p
        && !p.starts_with('/')
    {
        return Err(format!(
            "{at}.{key} must be a JSON pointer starting with / (got `{p}`)"
        ));
    }
    Ok(p)
}

fn only_keys(o: &Map<String, Value>, at: &str, known: &[&str]) -> Result<(), String> {
    match o.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(format!(
            "{at}: unknown key `{k}` (known: {})",
            known.join(", ")
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{
        "adapters": [{"id": "mof", "url": "https://r.example/api/v1/reports/{code}",
            "found": "/found",
            "fields": {"firm": "/report/firm", "status": "/report/status"},
            "valid_status": ["valid"]}],
        "families": [{"id": "mof-cpa", "payload": "[?&]code=(?P<code>[0-9]{16})(?:&|$)",
            "printed": "^([0-9]{16})$", "adapter": "mof"}]
    }"#;

    #[test]
    fn the_example_parses_and_recognises_codes() {
        let r = Registries::parse(EXAMPLE).unwrap();
        let f = &r.families[0];
        assert_eq!(
            f.code_in_payload("https://x.invalid/verify?code=1720235164538046"),
            Some("1720235164538046".into())
        );
        assert_eq!(f.code_in_payload("https://x.invalid/verify?code=17"), None);
        assert_eq!(
            f.code_in_print("1720 2351 6453 8046"),
            Some("1720235164538046".into())
        );
        let a = &r.adapters[f.adapter];
        assert_eq!(
            a.url_for("a b/c", None).unwrap(),
            "https://r.example/api/v1/reports/a%20b%2Fc"
        );
        assert_eq!(a.not_found_status, [404]);
    }

    #[test]
    fn empty_means_unconfigured() {
        assert!(Registries::parse("  ").unwrap().is_empty());
    }

    #[test]
    fn mistakes_are_named() {
        for (bad, says) in [
            ("[]", "must be a table"),
            (r#"{"familys": []}"#, "unknown key `familys`"),
            (
                r#"{"adapters": [{"id": "a", "url": "https://x/"}]}"#,
                "{code}",
            ),
            (
                r#"{"adapters": [{"id": "a", "url": "{payload}"}], "families": [{"id": "f", "payload": "(", "adapter": "a"}]}"#,
                "not a valid pattern",
            ),
            (
                r#"{"adapters": [{"id": "a", "url": "{payload}"}], "families": [{"id": "f", "payload": "x", "adapter": "b"}]}"#,
                "not among the adapters",
            ),
            (
                r#"{"adapters": [{"id": "a", "url": "{payload}", "fields": {"status": "/s"}}]}"#,
                "valid_status",
            ),
            (
                r#"{"adapters": [{"id": "a", "url": "{payload}", "fields": {"firm": "firm"}}]}"#,
                "JSON pointer",
            ),
        ] {
            let e = Registries::parse(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
