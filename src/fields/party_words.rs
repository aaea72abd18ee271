//! The words a lease names its own parties with, found by where they stand rather than by a
//! list: a contract may call its landlord 出租一方, 产权方 or 物业所有人 and its tenant 承租一方,
//! 租用方 or 物业使用人, and no vocabulary holds every such word. A word is the contract's name
//! for a party when it heads a party's line (`产权方:XX公司`, `出租一方　XX`, `物业所有人:` over
//! the name) and the clauses call the party by it again; its role comes from those clauses
//! (`X将…出租给Y`, `Y租用X…`, `Y…支付租金`), read with the same position clauses as 甲方/乙方,
//! and from the word itself (出租, 产权, 所有 let; 承租, 租用, 使用 rent) where the clauses say
//! nothing. When the two disagree, or the document names more or fewer than two parties so,
//! nothing is read: the rule then asks a person.

use std::sync::LazyLock;

use regex::Regex;

use super::text::regex;

/// Whether any of the position clauses (written with 甲方 and 乙方, e.g. `甲方将…出租给乙方`)
/// matches `text` with the regex fragments `first` and `second` standing in the places of 甲方
/// and 乙方. Own party words and short names are read with the same clauses as the positions,
/// so what a clause means is written once, in the kind's table.
pub fn clauses_say<'a>(
    clauses: impl IntoIterator<Item = &'a str>,
    first: &str,
    second: &str,
    text: &str,
) -> bool {
    // a position's character in a class (`甲方[^。;乙]{0,12}承租`: no 乙方 between) stands for
    // the word's first character (or for the mark a word was replaced by)
    let lead = |fragment: &str| {
        fragment
            .chars()
            .find(|c| super::text::is_han(*c) || [A_MARK, B_MARK].contains(c))
    };
    let (a, b) = (lead(first).unwrap_or('甲'), lead(second).unwrap_or('乙'));
    clauses.into_iter().any(|clause| {
        let clause = clause
            .replace("甲乙]", &format!("{a}{b}]"))
            .replace("甲]", &format!("{a}]"))
            .replace("乙]", &format!("{b}]"));
        // a placeholder keeps 甲方 in `second` (or 乙方 in `first`) from being replaced twice
        let pattern = clause
            .replace("甲方", "\u{1}")
            .replace("乙方", second)
            .replace('\u{1}', first);
        regex(&pattern).is_ok_and(|r| r.is_match(text))
    })
}

/// Marks two party words stand as in a text whose clauses are read (`discover`): characters no
/// text holds, and no clause's pattern.
const A_MARK: char = '\u{2}';
const B_MARK: char = '\u{3}';

/// The nouns a party's word ends in (出租方, 承租人, 使用单位, 出租主体, 出租者, 出租户): written once for
/// every regex here that finds such a word.
macro_rules! party_noun {
    () => {
        "(?:方|人|单位|主体|者|户)"
    };
}

/// (start, length) of a party's word at a line's head, with its bracket and separators.
type Head = (usize, usize);

/// A party's word of the document's own, its role, and where it heads a party's line.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyWord {
    /// The word as printed (`出租一方`).
    pub word: String,
    /// `first` or `second` of the caller's roles (lessor, lessee).
    pub role: &'static str,
    /// (start, length) of each line head: the word, its bracket and the separators after it,
    /// the party's name following.
    pub heads: Vec<Head>,
}

/// A line that starts with a party's word (ending in 方, 人, 单位 or 主体, or in 机构 or 企业
/// with a colon or a break after it, for a name may hold those: `孵化运营机构:XX`,
/// `被孵化企业:YY`; a list's number may stand before it, a bracket after it) and goes on with a
/// name after a colon, a space, or on the next line.
static PARTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        concat!(
            r"(?m)^(?:\(?[一二三四五六七八九十]{1,2}\)|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、]|[①②③④⑤⑥⑦⑧⑨])?\s*(?P<w>\p{Han}{1,7}?(?:",
            party_noun!(),
            r"|(?P<o>机构|企业)))(?P<b>\([^()\n]{1,12}\))?(?P<sep>[: \t]*\n?[ \t]*)"
        ),
    )
    .expect("static regex")
});

/// Words of that shape that name someone else: the people who sign or act for a party, a
/// third party, a qualified party (原出租人 is the head landlord of a sublease).
static NOT_A_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(?:原|前|其他|第三)|(?:代表|代理|负责|联系|签署|签字|经办|见证|鉴证|担保|保证|居间|中介|授权|收款|开户|介绍|监护|继承|共有|抵押|证明|审批|登记|发证|出具|主管|工作|所在)",
        party_noun!(),
        r"$|^(?:其|该|本|对|双|各|一|每|他|另一|任何一)",
        party_noun!(),
        // (当事人 alone is either party: 当事人 / 签章 / 签署日期 heads a signature table)
        "$|^(?:[双各两]方|合同)?当事人$"
    ))
        .expect("static regex")
});

/// An organisation's name at the start of a line's rest (its line and the next joined: a name
/// may wrap anywhere, `…股份有限公` / `司`), up to its legal form (none of the words a clause
/// goes on with: `出租一方将其…`).
static ORG_START: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[\p{Han}()--[将把向与给的在应按须由对]]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|中心|集团|合作社|联合社|\((?:特殊)?普通合伙\)|\(有限合伙\))",
    )
    .expect("static regex")
});
/// …or a factory's or a station's name alone on its line (`运城市某某区农机修造厂`, `XX市城区粮油
/// 储备站`): an old plant or a public station lets its buildings under its own name.
static FACTORY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[\p{Han}()--[将把向与给的在应按须由对]]{4,30}(?:厂|站)$").expect("static regex")
});
/// A party's particular on a line of its own, with its value or without (`社会信用代码 9114…`,
/// `社会信用代码` / the name / the code): a reading of the row across may set it, printed beside
/// the name, between the party's word and the name.
static PARTICULAR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:统一社会信用代码|社会信用代码|信用代码|身份证号码|身份证号|证件号码)[: ]*(?:[0-9A-Za-z]{6,}[^\n]*)?\n")
        .expect("static regex")
});
/// …or a person's two to four characters alone on the line or before a bracket (only after
/// a separator: `承租方同意,` is a clause).
static PERSON_START: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\p{Han}{2,4}(?:$|\n|\()").expect("static regex"));

/// A party's word with a seal request in its bracket at a text's start: a signature head.
static SEALED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^\p{Han}{1,9}(?:",
        party_noun!(),
        r"|机构|企业)\((?:盖章|签章|签字|签名|公章|章|签字盖章|盖章签字)\)"
    ))
    .expect("static regex")
});

/// A party's short name in the bracket after its word (`(简称提供人)`, `(以下称“承用人”)`).
/// A word any party signs under (立约人, 签约人, 当事人), its bracket giving the party's own word
/// (`立约人(让出方):XX`): the bracket's word is the party's.
static SIGNS_AS: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?:立约|签约|订约|缔约)(?:人|方)$|^(?:合同)?当事人$|^合同方$").expect("static regex")
});
static WORD_IN_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(r"^\((?P<s>\p{Han}{1,7}?", party_noun!(), r")\)$")).expect("static regex")
});
static SHORT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r#"^\((?:以下)?(?:简称|称|下称)[“"'「]?(?P<s>\p{Han}{1,7}?"#,
        party_noun!(),
        r#")[”"'」]?\)$"#
    ))
    .expect("static regex")
});

/// The thing let, before a party's word in a heading (`房屋提供方`, `场地使用方`).
static OBJECT_NOUN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:房屋|场地|物业|厂房|房产|载体)").expect("static regex"));

/// Stems that make a word the letting party's or the renting one's. The renting stems are
/// looked at first: 转承租人 holds 承租, 受转租方 holds 转租.
static RENTING_STEM: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"受转租|转承租|次承租|承租|受让|租用|承用|租入|转入|租房|使用|入驻|入孵|(?:^|[^出])租户|租客|接租|需租|求租|承接")
        .expect("static regex")
});
static LETTING_STEM: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"出租|转租|转出|出让|租出|提供|产权|业权|房产|业主|所有|房东|供房|供租")
        .expect("static regex")
});
/// The base's operator (基地运营人, 运营方): it lets an entry agreement's rooms to residents but
/// rents the head lease's building, so its word says it lets only beside a word that rents.
static OPERATOR_STEM: LazyLock<Regex> = LazyLock::new(|| regex(r"运营").expect("static regex"));

/// Stems of an owner's word (产权方, 所有权人, 业主): in a sublease beside the two parties, the
/// head landlord.
static OWNER_STEM: LazyLock<Regex> =
    LazyLock::new(|| regex(r"产权|所有|业主|房东").expect("static regex"));

/// A word that starts by letting on what it rents (`转出承租人`, `让出方`): the tenant that
/// sublets, whatever renting stem follows.
static LETS_ON_FIRST: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:转出|让出|分出|转让)").expect("static regex"));

/// What a word's own stems say of its role: `Some(true)` letting, `Some(false)` renting.
pub fn stem_role(word: &str) -> Option<bool> {
    if LETS_ON_FIRST.is_match(word) {
        Some(true)
    } else if RENTING_STEM.is_match(word) {
        Some(false)
    } else if LETTING_STEM.is_match(word) {
        Some(true)
    } else {
        None
    }
}

/// The party words of `text` and their roles. `known_role` gives the role (`Some(true)`
/// letting) of a word the kind's own table already labels; such a word takes part in telling
/// the roles but heads no line here (the table reads it). `a_first` and `a_second` are the
/// kind's position clauses saying 甲方 has the `first` role and the `second`: read with two
/// words in the places of 甲方 and 乙方, they say which word lets.
pub fn discover(
    text: &str,
    known_role: &dyn Fn(&str) -> Option<bool>,
    a_first: &[&str],
    a_second: &[&str],
    first: &'static str,
    second: &'static str,
) -> Vec<PartyWord> {
    // whether the clauses have `a` let to `b`, and whether they have `a` rent from `b`
    let clauses = |a: &str, b: &str| {
        // each word stands as one mark, so no clause reads its words inside the other party's
        // word (`出租户与承租户协商`: the 承租 there is the tenant's name, not the landlord renting);
        // the longer word first, as one may hold the other
        let (x, y) = (A_MARK.to_string(), B_MARK.to_string());
        let marked = if a.len() >= b.len() {
            text.replace(a, &x).replace(b, &y)
        } else {
            text.replace(b, &y).replace(a, &x)
        };
        let says =
            |list: &[&str], x: &str, y: &str| clauses_say(list.iter().copied(), x, y, &marked);
        (
            says(a_first, &x, &y) || says(a_second, &y, &x),
            says(a_second, &x, &y) || says(a_first, &y, &x),
        )
    };
    let flat: String = text.chars().filter(|&c| c != '\n').collect();
    // (word, heads, whether a head printed it with its object) in the order the document
    // first names them
    let mut words: Vec<(String, Vec<Head>, bool)> = Vec::new();
    for caps in PARTY_LINE.captures_iter(text) {
        let (Some(w), Some(sep)) = (caps.name("w"), caps.name("sep")) else {
            continue;
        };
        // a heading's word with the object it lets (`房屋提供方`) that the clauses call by the
        // rest (`提供方`): the clauses' word is the party's
        let full = w.as_str();
        let word = match OBJECT_NOUN.find(full) {
            Some(m) if flat.matches(full).count() < 3 && full.len() - m.end() >= 6 => {
                &full[m.end()..]
            }
            _ => full,
        };
        // a word whose bracket gives the short name the clauses use (`场所提供人(简称提供人)`):
        // the short name is the party's word
        let short = caps.name("b").and_then(|b| {
            let m = SHORT_NAME.captures(b.as_str())?.name("s")?;
            Some(&text[b.start() + m.start()..b.start() + m.end()])
        });
        let word = match short {
            Some(short) if flat.matches(full).count() < 3 => short,
            _ => word,
        };
        // (a word every party signs under, its bracket giving this party's: `立约人(让出方):`)
        let word = caps
            .name("b")
            .filter(|_| SIGNS_AS.is_match(full))
            .and_then(|b| WORD_IN_BRACKET.captures(b.as_str())?.name("s"))
            .map_or(word, |m| m.as_str());
        // (an organisation's word with nothing after it is the head of a name: `XX企业管理有限公司`)
        if caps.name("o").is_some() && !sep.as_str().contains([':', '\n']) {
            continue;
        }
        let rest = &text[sep.end()..];
        // (a particular printed beside the name, read before it: `出赁方` / `社会信用代码…` /
        // the name)
        let rest = match PARTICULAR_LINE.find(rest) {
            Some(m) if !sep.as_str().is_empty() => &rest[m.end()..],
            _ => rest,
        };
        let two_lines: String = rest.splitn(3, '\n').take(2).collect::<Vec<_>>().concat();
        if NOT_A_PARTY.is_match(word)
            // a word run into what follows is a name's head (`山西东方电子…公司`) unless its
            // stem says a role (`出租方XX公司`)
            || (sep.as_str().is_empty() && stem_role(word).is_none() && known_role(word).is_none())
            || word.starts_with(['甲', '乙', '丙', '丁'])
            // a signature row's second head after the first, each asking for a seal
            // (`出租主体(签章)` / `承租主体(签章)` / the names): the line after it is the first
            // column's name
            || (SEALED_HEAD.is_match(&text[w.start()..])
                && text[..w.start()]
                    .trim_end_matches('\n')
                    .rsplit('\n')
                    .next()
                    .is_some_and(|line| SEALED_HEAD.is_match(line)))
            // a signature row's heads, one a line (`转租出租方(盖章)` / `转租承租方(盖章)` / the
            // names): the next line is the next head, and the names stand in columns
            || SEALED_HEAD.is_match(rest)
            || !(ORG_START.is_match(&two_lines)
                // (heads stacked over their names, `提供方` / `使用方` / the names: a
                // factory's name may come a line later, as an organisation's may in two_lines)
                || rest.split('\n').take(2).any(|line| FACTORY_LINE.is_match(line))
                || (!sep.as_str().is_empty() && PERSON_START.is_match(rest)))
            // printed more than once (a party's block and its signature at least)
            || flat.matches(word).count() < 2
        {
            continue;
        }
        let head = (w.start(), sep.end() - w.start());
        let with_object = word.len() < full.len();
        match words.iter_mut().find(|(x, ..)| x == word) {
            Some((_, heads, object)) => {
                heads.push(head);
                *object |= with_object;
            }
            None => words.push((word.to_string(), vec![head], with_object)),
        }
    }
    // A word is the party's when the clauses call the party by it again, not only its lines.
    // A contract that calls its parties by short names of its own (`出租当事人` / `承租当事人`
    // heading the blocks and the signatures, `下文分别称“出租人”“承租人”`) names its words only
    // there: two such words are still the parties' when their stems say one lets and one rents.
    let named_again = |w: &str| flat.matches(w).count() >= 3;
    let stems_oppose = |ws: &[(String, Vec<Head>, bool)]| {
        matches!(ws, [(a, ..), (b, ..)]
            if stem_role(a).is_some_and(|x| stem_role(b) == Some(!x)))
    };
    if words.iter().filter(|(w, ..)| named_again(w)).count() == 2 || !stems_oppose(&words) {
        words.retain(|(w, ..)| named_again(w));
    }
    // a sublease's third word, the owner's (`房屋产权方` beside `分租出让人` and `分租受让人`), when
    // the other two say by their stems one lets and one rents: the owner is the head landlord
    if words.len() == 3 {
        let stems: Vec<Option<bool>> = words.iter().map(|(w, ..)| stem_role(w)).collect();
        if let Some(owner) = words.iter().position(|(w, ..)| OWNER_STEM.is_match(w)) {
            let rest: Vec<Option<bool>> =
                (0..3).filter(|&i| i != owner).map(|i| stems[i]).collect();
            if rest.contains(&Some(true)) && rest.contains(&Some(false)) {
                words.remove(owner);
            }
        }
    }
    let [(a, a_heads, a_object), (b, b_heads, b_object)] = <[_; 2]>::try_from(words)
        .unwrap_or_else(|_| {
            // more or fewer than two: a third party, or none of this shape
            [
                (String::new(), Vec::new(), false),
                (String::new(), Vec::new(), false),
            ]
        });
    if a.is_empty() {
        return Vec::new();
    }
    let (a_lets, a_rents) = clauses(&a, &b);
    let own = |w: &str| known_role(w).or_else(|| stem_role(w));
    let operator = |w: &str, other: &str| {
        own(w).or_else(|| (OPERATOR_STEM.is_match(w) && own(other) == Some(false)).then_some(true))
    };
    let stems = (operator(&a, &b), operator(&b, &a));
    let a_letting = match (a_lets, a_rents, stems) {
        // the clauses say it, and no word says otherwise
        (true, false, (x, y)) if x != Some(false) && y != Some(true) => true,
        (false, true, (x, y)) if x != Some(true) && y != Some(false) => false,
        // the clauses say nothing, or both (a tenant allowed to sublet `转租给` others): the
        // words must say it, each its own role, or one word its own and the other the other
        // (`提供方` lets, whatever `承用方` says: of two parties, one lets)
        (lets, rents, (Some(x), Some(y))) if lets == rents && x != y => x,
        (lets, rents, (Some(x), None)) if lets == rents => x,
        (lets, rents, (None, Some(y))) if lets == rents => !y,
        _ => return Vec::new(),
    };
    let (a_role, b_role) = if a_letting {
        (first, second)
    } else {
        (second, first)
    };
    // (a word the kind's table labels heads no line of its own, unless its heads print it with
    // its object, `房屋承租方`, which the table does not read)
    [
        (a, a_heads, a_role, a_object),
        (b, b_heads, b_role, b_object),
    ]
    .into_iter()
    .filter(|(w, _, _, object)| *object || known_role(w).is_none())
    .map(|(word, heads, role, _)| PartyWord { word, role, heads })
    .collect()
}

/// A party's line that sets a word of the document's own beside a position, either way
/// round (`入驻申请单位(乙方):…`, `甲方(房屋使用单位):…`, `供租方(简称甲方):…`).
static WORD_BESIDE_POSITION: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?m)^\s*(?:(?P<w>\p{Han}{1,10}?",
        party_noun!(),
        r")\((?:简称|以下简称|下称)?(?P<p>甲方|乙方)\)|(?P<q>甲方|乙方)\((?P<x>\p{Han}{1,10}?",
        party_noun!(),
        r")\))[: \t]"
    ))
    .expect("static regex")
});

/// A role word the document defines as a position (`本合约下文以“业主方”指甲方`, `“租客方”系指乙方`).
static WORD_DEFINED_AS_POSITION: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r#"(?:^|[,;。以])[“"'「]?(?P<w>\p{Han}{1,10}?"#,
        party_noun!(),
        r#")[”"'」]?(?:系指|是指|指)(?P<p>甲方|乙方)"#
    ))
    .expect("static regex")
});

/// What the words set beside 甲方 and 乙方 on the parties' lines say of which lets, by their
/// own stems (出租, 产权 let; 承租, 使用, 入驻 rent; 运营 neither, see [`OPERATOR_STEM`]):
/// `(as usual, reversed)`, 甲方 letting being the usual. A word that names no role (基地管理方)
/// says nothing.
pub fn positions_by_words(text: &str) -> (bool, bool) {
    let (mut usual, mut reversed) = (false, false);
    let beside = WORD_BESIDE_POSITION.captures_iter(text);
    for caps in beside.chain(WORD_DEFINED_AS_POSITION.captures_iter(text)) {
        let (Some(word), Some(position)) = (
            caps.name("w").or_else(|| caps.name("x")),
            caps.name("p").or_else(|| caps.name("q")),
        ) else {
            continue;
        };
        if NOT_A_PARTY.is_match(word.as_str()) {
            continue;
        }
        // a right holder (产权人, 土地使用权人, 所有权人) is the one who lets, whatever its stem
        let lets = if word.as_str().contains('权') {
            Some(true)
        } else {
            stem_role(word.as_str())
        };
        let Some(lets) = lets else {
            continue;
        };
        if lets == (position.as_str() == "甲方") {
            usual = true;
        } else {
            reversed = true;
        }
    }
    (usual, reversed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A_FIRST: &[&str] = &[
        r"甲方(?:将|把)[^。\n;]{0,50}(?:出租|租)给",
        r"乙方[^。\n;]{0,30}(?:承租|租用)甲方",
    ];
    const A_SECOND: &[&str] = &[
        r"乙方(?:将|把)[^。\n;]{0,50}(?:出租|租)给",
        r"甲方[^。\n;]{0,30}(?:承租|租用)乙方",
    ];

    fn found(text: &str) -> Vec<(String, &'static str, usize)> {
        discover(text, &|_| None, A_FIRST, A_SECOND, "lessor", "lessee")
            .into_iter()
            .map(|p| (p.word, p.role, p.heads.len()))
            .collect()
    }

    #[test]
    fn words_of_the_documents_own_take_their_roles_from_the_clauses() {
        // (a landlord's word holding 租户 is no tenant's)
        assert_eq!(stem_role("出租户"), Some(true));
        assert_eq!(stem_role("承租户"), Some(false));
        assert_eq!(stem_role("租户"), Some(false));
        let text = "房屋租赁合同\n立约人:\n出租一方 山西甲乙科技有限公司\n社会信用代码 91140400AAU8WXM25L\n法定代表人 周丽\n承租一方 山西丙丁实业有限公司\n一、出租一方将位于太原市的房屋租给承租一方。\n二、承租一方按时付租。\n出租一方(签章)\n山西甲乙科技有限公司\n承租一方(签章)\n山西丙丁实业有限公司";
        assert_eq!(
            found(text),
            vec![
                ("出租一方".into(), "lessor", 2),
                ("承租一方".into(), "lessee", 2)
            ]
        );
    }

    #[test]
    fn the_clauses_decide_where_the_words_say_nothing_and_a_contradiction_reads_nothing() {
        // 物业所有人 / 物业使用人 by the clauses; the words agree
        let text = "物业所有人:\n运城市创客商务服务有限责任公司\n物业使用人:\n山西金鹏科技有限公司\n物业使用人租用物业所有人房屋。物业所有人负责维修。物业使用人付租。";
        assert_eq!(
            found(text),
            vec![
                ("物业所有人".into(), "lessor", 1),
                ("物业使用人".into(), "lessee", 1)
            ]
        );
        // clauses that make the word 承租一方 the letting party: neither is read
        let text = "承租一方 山西甲乙科技有限公司\n出租一方 山西丙丁实业有限公司\n承租一方将房屋租给出租一方。出租一方付租,承租一方收租。";
        assert!(found(text).is_empty());
        // words that say nothing, and clauses that say nothing: nothing
        let text = "供应方 山西甲乙科技有限公司\n需求方 山西丙丁实业有限公司\n供应方与需求方约定。供应方、需求方各执一份。";
        assert!(found(text).is_empty());
    }

    #[test]
    fn one_words_stem_tells_two_parties_apart_and_a_heading_may_print_the_object() {
        // the clauses say both ways (a tenant allowed to let on); 提供方's stem lets, so 承用方,
        // whose word says nothing known, rents
        let text = "提供方:山西甲乙科技有限公司\n承用方:山西丙丁实业有限公司\n提供方将其房屋租给承用方使用。提供方同意承用方将房屋分区转租给入驻企业。承用方付租。";
        assert_eq!(
            found(text),
            vec![
                ("提供方".into(), "lessor", 1),
                ("承用方".into(), "lessee", 1)
            ]
        );
        // a table's heading names the house too (`房屋提供方`); the clauses call it 提供方
        let text = "房屋提供方\n山西甲乙科技有限公司\n房屋承用方\n山西丙丁实业有限公司\n提供方与承用方约定:提供方将房屋租给承用方。承用方按季付租,提供方开具发票。";
        assert_eq!(
            found(text),
            vec![
                ("提供方".into(), "lessor", 1),
                ("承用方".into(), "lessee", 1)
            ]
        );
    }

    #[test]
    fn a_word_beside_a_position_says_which_way_round() {
        // (the text is normalised: half-width brackets and colons)
        assert_eq!(
            positions_by_words("基地管理方(甲方):甲公司\n入驻申请单位(乙方):乙公司"),
            (true, false)
        );
        // a right holder lets, though 使用 is a renting stem
        assert_eq!(
            positions_by_words("甲方(土地使用权人):甲公司\n乙方(承租人):乙公司"),
            (true, false)
        );
        assert_eq!(
            positions_by_words("甲方(房屋使用单位): 甲公司\n乙方(产权单位): 乙公司"),
            (false, true)
        );
        // a signer's word, or one with no role in it, says nothing
        assert_eq!(
            positions_by_words("联系人(甲方): 张三\n基地管理方(甲方):甲公司"),
            (false, false)
        );
    }

    #[test]
    fn an_institutions_and_a_firms_words_after_a_colon() {
        let text = "场地分租协议\n孵化运营机构:山西甲乙科技有限公司\n被孵化企业:山西丙丁实业有限公司\n孵化运营机构将场地分租给被孵化企业。被孵化企业按季交费。孵化运营机构提供服务。\n孵化运营机构(盖章)\n被孵化企业(盖章)\n山西甲乙科技有限公司\n山西丙丁实业有限公司";
        assert_eq!(
            found(text),
            vec![
                ("孵化运营机构".into(), "lessor", 1),
                ("被孵化企业".into(), "lessee", 1)
            ]
        );
        // a name that starts a line holds such a word with no colon after it: no party's word
        let text = "山西甲乙企业管理有限公司\n山西丙丁企业管理有限公司\n山西甲乙企业将房屋租给山西丙丁企业。山西甲乙企业、山西丙丁企业各执一份。";
        assert!(found(text).is_empty());
    }

    #[test]
    fn signers_third_parties_and_words_never_used_again_are_no_parties() {
        // 法定代表人 heads a person's line but is no party; 原出租人 is the head landlord; a
        // word used only at its line says nothing of a role
        let text = "原出租人 吴芬\n转出租人 大同市尧都孵化器管理有限责任公司\n法定代表人 李勇\n转承租人 山西德润网络科技股份有限公司\n经原出租人同意,转出租人将其中266平方米转租给转承租人。转承租人按季预付。转出租人收款。原出租人同意。";
        assert_eq!(
            found(text),
            vec![
                ("转出租人".into(), "lessor", 1),
                ("转承租人".into(), "lessee", 1)
            ]
        );
    }
}
