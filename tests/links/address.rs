//! The text of links: the address's parts, percent-encoding, the settings of a query and the
//! notice for refused settings.

use descent::link::address::{decode, describe, encode, format_query, pairs};
use descent::link::{Address, Pair, Refusal, notice};
use proptest::prelude::*;

fn parts(hash: &str) -> (String, Option<String>, String) {
    let a = Address::parse(hash);
    (a.scene, a.view, a.query)
}

fn owned(scene: &str, view: Option<&str>, query: &str) -> (String, Option<String>, String) {
    (scene.to_string(), view.map(String::from), query.to_string())
}

#[test]
fn an_address_names_a_scene_a_view_and_settings() {
    assert_eq!(parts("#lab?loss=softmax&lambda=0.01"), owned("lab", None, "loss=softmax&lambda=0.01"));
    assert_eq!(parts("#regularization/landscape?seed=3"), owned("regularization", Some("landscape"), "seed=3"));
    assert_eq!(parts("#regularization/landscape"), owned("regularization", Some("landscape"), ""));
    assert_eq!(parts("#race"), owned("race", None, ""));
    assert_eq!(parts("race?preset=saddle"), owned("race", None, "preset=saddle"), "the # is optional");
    assert_eq!(parts(""), owned("", None, ""));
    assert_eq!(parts("#"), owned("", None, ""));
    assert_eq!(parts("#?lr=1"), owned("", None, "lr=1"));
}

#[test]
fn addresses_are_read_leniently() {
    assert_eq!(parts("  #Race  "), owned("race", None, ""), "spaces and case");
    assert_eq!(parts("#%20lab%20?x=1"), owned("lab", None, "x=1"), "encoded spaces around the scene");
    assert_eq!(parts("#regularization/"), owned("regularization", None, ""), "a trailing slash names no view");
    assert_eq!(parts("#regularization/Landscape/x"), owned("regularization", Some("landscape/x"), ""));
    assert_eq!(parts("#lab?a=1?b=2"), owned("lab", None, "a=1?b=2"), "only the first ? starts the settings");
    assert_eq!(parts("#lab#x"), owned("lab#x", None, ""), "a second # is part of the name");
}

#[test]
fn an_address_is_written_from_its_parts() {
    let address = |scene: &str, view: Option<&str>, query: &str| Address {
        scene: scene.into(),
        view: view.map(String::from),
        query: query.into(),
    };
    assert_eq!(address("lab", None, "").to_string(), "#lab");
    assert_eq!(address("lab", None, "loss=softmax").to_string(), "#lab?loss=softmax");
    assert_eq!(address("regularization", Some("simpler"), "degree=3").to_string(), "#regularization/simpler?degree=3");
    for hash in ["#lab", "#race?preset=saddle", "#regularization/gradient?h=0.01&w.0=1"] {
        assert_eq!(Address::parse(hash).to_string(), hash);
    }
}

#[test]
fn a_query_holds_pairs_in_order() {
    let (found, refused) = pairs("loss=softmax&lambda=0.01&method=adam&lr=0.005");
    let names: Vec<_> = found.iter().map(|p| (p.name.as_str(), p.value.as_str())).collect();
    assert_eq!(names, [("loss", "softmax"), ("lambda", "0.01"), ("method", "adam"), ("lr", "0.005")]);
    assert!(refused.is_empty());
}

#[test]
fn stray_characters_in_a_query() {
    let (found, refused) = pairs("&&loss=softmax&&&lr&=3& &%20name%20=a=b&x=");
    let found: Vec<_> = found.iter().map(|p| (p.name.as_str(), p.value.as_str())).collect();
    assert_eq!(found, [("loss", "softmax"), ("name", "a=b"), ("x", "")], "empty parts skipped, names trimmed");
    assert_eq!(
        refused,
        [
            Refusal { setting: "lr".into(), reason: "it has no value (write lr=…)".into() },
            Refusal { setting: "=3".into(), reason: "it names no setting".into() },
        ]
    );
}

#[test]
fn percent_encoding() {
    assert_eq!(encode("W[0,1]"), "W[0,1]");
    assert_eq!(encode("-1.5,2e-3"), "-1.5,2e-3");
    assert_eq!(encode("a b&c=d#e?f%g+h/i"), "a%20b%26c%3Dd%23e%3Ff%25g%2Bh%2Fi");
    assert_eq!(encode("ü🐱"), "%C3%BC%F0%9F%90%B1");
    assert_eq!(decode("%c3%bc%F0%9F%90%B1"), "ü🐱", "either case of hex digits");
    assert_eq!(decode("100%"), "100%");
    assert_eq!(decode("%G0%0"), "%G0%0");
    assert_eq!(decode("%E2%82"), "\u{FFFD}", "a cut-off UTF-8 sequence");
    assert_eq!(decode("1e+5"), "1e+5", "+ is not a space");
    let (found, _) = pairs("class.0=chat%20%26%20chien&start=1.5,-2");
    assert_eq!(found[0].value, "chat & chien");
    assert_eq!(found[1].value, "1.5,-2");
}

#[test]
fn settings_are_described_for_messages() {
    assert_eq!(describe("loss=softmax&lambda=0.1&lr"), "loss=softmax, lambda=0.1, lr");
    assert_eq!(describe("lr&=3&&loss=a%20b"), "lr, =3, loss=a b", "in their order");
    let long = format!("x={}", "9".repeat(100));
    assert_eq!(describe(&long), format!("x={}…", "9".repeat(40)));
}

#[test]
fn the_notice_names_every_refused_setting() {
    let refusal = |setting: &str, reason: &str| Refusal { setting: setting.into(), reason: reason.into() };
    assert_eq!(notice(&[]), None);
    assert_eq!(
        notice(&[refusal("lr=abc", "lr must be a finite number > 0, not \"abc\"")]).unwrap(),
        "This link's setting lr=abc was ignored: lr must be a finite number > 0, not \"abc\"."
    );
    assert_eq!(
        notice(&[refusal("lr=abc", "bad lr"), refusal("foo=1", "no foo."), refusal("x", "no value")]).unwrap(),
        "This link's settings lr=abc, foo=1 and x were ignored. lr=abc: bad lr. foo=1: no foo. x: no value."
    );
    let many: Vec<_> = (0..8).map(|k| refusal(&format!("s{k}=1"), "no")).collect();
    assert_eq!(
        notice(&many).unwrap(),
        "This link's settings s0=1, s1=1, s2=1, s3=1, s4=1 and 3 more were ignored. \
         s0=1: no. s1=1: no. s2=1: no. s3=1: no. s4=1: no."
    );
}

proptest! {
    #[test]
    fn any_text_survives_encoding(text in any::<String>()) {
        prop_assert_eq!(decode(&encode(&text)), text.clone());
        let encoded = encode(&text);
        // Nothing a query or an address gives a meaning to (& = ? # / space) survives.
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~[],%".contains(&b)));
    }

    #[test]
    fn any_settings_survive_a_query(list in proptest::collection::vec(("[a-z][a-z0-9.\\-\\[\\],]{0,8}", any::<String>()), 0..6)) {
        let written: Vec<Pair> = list.iter().map(|(n, v)| Pair::new(n, v)).collect();
        let (read, refused) = pairs(&format_query(&written));
        prop_assert!(refused.is_empty());
        prop_assert_eq!(read, written);
    }

    #[test]
    fn any_hash_reads_as_some_address(hash in any::<String>()) {
        let address = Address::parse(&hash);
        let _ = pairs(&address.query);
        prop_assert_eq!(address.scene.trim(), address.scene.as_str());
    }
}
