//! The page's controls against the lab's settings table: every `data-param` name in
//! `www/index.html` is a setting of the table, the HTML holds no second copy of a range or a
//! menu (the page builds them from the table), and every row of the table accepts its own
//! value, its default and every option it lists.

use descent::lab::Lab;
use descent::setting::{Kind, Table};

const PAGE: &str = include_str!("../../www/index.html");

/// The value of attribute `name` in each tag that has it, with the tag's text.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let needle = format!(" {name}=\"");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        let start = at + needle.len();
        let end = start + rest[start..].find('"').unwrap();
        let tag_start = rest[..at].rfind('<').unwrap();
        let tag_end = end + rest[end..].find('>').unwrap();
        found.push((&rest[start..end], &rest[tag_start..=tag_end]));
        rest = &rest[end..];
    }
    found
}

/// The `<section id="lab">` part of the page.
fn lab_section() -> &'static str {
    let start = PAGE.find("<section id=\"lab\"").unwrap();
    let end = start + PAGE[start..].find("</section>").unwrap();
    &PAGE[start..end]
}

#[test]
fn every_control_names_a_setting_of_the_table() {
    let lab = Lab::default();
    let names: Vec<String> = lab.specs().into_iter().map(|s| s.name).collect();
    let params = attributes(lab_section(), "data-param");
    assert!(params.len() >= 35, "{} controls", params.len());
    for (name, tag) in params {
        assert!(names.iter().any(|n| n == name), "{tag} names no setting of the table");
    }
}

#[test]
fn the_html_holds_no_second_copy_of_a_range_or_a_menu() {
    for (_, tag) in attributes(lab_section(), "data-param") {
        for attribute in ["min", "max", "step", "data-scale", "data-digits"] {
            assert!(attributes(tag, attribute).is_empty(), "{tag} has its own {attribute}");
        }
    }
    assert!(!lab_section().contains("<option"), "the lab's menus come from the table");
}

#[test]
fn every_row_accepts_its_value_its_default_and_every_option_it_lists() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    let mut checked = 0;
    for spec in lab.specs() {
        let value = lab.current(&spec.name);
        let mut copy = lab.clone();
        copy.set(&spec.name, &value).unwrap_or_else(|e| panic!("{} = {value}: {e}", spec.name));
        assert_eq!(copy.current(&spec.name), value, "{} reads back", spec.name);
        match &spec.kind {
            Kind::Choice(options) => {
                for option in options {
                    let mut copy = lab.clone();
                    copy.set(&spec.name, &option.value)
                        .unwrap_or_else(|e| panic!("{} = {}: {e}", spec.name, option.value));
                    assert_eq!(copy.current(&spec.name), option.value);
                    assert!(!option.label.is_empty());
                    checked += 1;
                }
            }
            Kind::Number { min, max, open, .. } => {
                let v: f64 = value.parse().unwrap();
                assert!(*min <= v && (v < *max || !open && v == *max), "{} = {v} outside {min}..{max}", spec.name);
                let outside = if *max < 1e300 { max * 2.0 + 1.0 } else { f64::INFINITY };
                assert!(lab.clone().set(&spec.name, &outside.to_string()).is_err(), "{} accepts {outside}", spec.name);
            }
            Kind::Whole { min, max, .. } => {
                let v: u64 = value.parse().unwrap();
                assert!((*min..=*max).contains(&v), "{} = {v} outside {min}..{max}", spec.name);
            }
            Kind::Switch | Kind::Text { .. } => {}
        }
        assert!(!spec.label.is_empty(), "{} has a label", spec.name);
    }
    // Datasets 6, losses 4, regularizers 4, methods 10, momentum forms 2, schedules 5.
    assert!(checked >= 31, "{checked} options");
}

#[test]
fn a_freshly_opened_lab_is_inside_every_range_of_its_table() {
    let lab = Lab::default();
    for spec in lab.specs() {
        let value = lab.current(&spec.name);
        let accepted = match &spec.kind {
            Kind::Number { .. } => spec.kind.parse_number(&spec.name, &value).is_ok(),
            Kind::Whole { .. } => spec.kind.parse_whole(&spec.name, &value).is_ok(),
            Kind::Switch => spec.kind.parse_switch(&spec.name, &value).is_ok(),
            Kind::Choice(options) => options.iter().any(|o| o.value == value),
            Kind::Text { .. } => true,
        };
        assert!(accepted, "{} = {value} is outside its own row: {}", spec.name, spec.kind.expected());
    }
}
