//! The page's controls against the lab: every `data-param` name in `www/index.html` is a
//! setting the lab knows, and every option of its menus is a value the lab accepts, so a
//! misspelling fails here rather than silently in the browser.

use descent::lab::Lab;

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
fn every_control_names_a_setting_of_the_lab() {
    let lab = Lab::default();
    let params = attributes(lab_section(), "data-param");
    assert!(params.len() >= 35, "{} controls", params.len());
    for (name, tag) in params {
        lab.get(name).unwrap_or_else(|e| panic!("{tag}: {e}"));
    }
}

#[test]
fn every_menu_option_is_a_value_the_lab_accepts() {
    let section = lab_section();
    let mut checked = 0;
    for (name, _) in attributes(section, "data-param") {
        let select = format!("<select data-param=\"{name}\">");
        let Some(start) = section.find(&select) else { continue };
        let end = start + section[start..].find("</select>").unwrap();
        for (value, _) in attributes(&section[start..end], "value") {
            let mut lab = Lab::default();
            lab.set(name, value).unwrap_or_else(|e| panic!("{name} = {value}: {e}"));
            assert_eq!(lab.get(name).unwrap(), value);
            checked += 1;
        }
    }
    // Datasets 6, losses 4, regularizers 4, methods 10, momentum forms 2, schedules 5.
    assert_eq!(checked, 31);
}

#[test]
fn the_sliders_ranges_hold_the_defaults() {
    let lab = Lab::default();
    for (name, tag) in attributes(lab_section(), "data-param") {
        if !tag.contains("type=\"range\"") {
            continue;
        }
        let bound = |attr: &str| -> f64 { attributes(tag, attr)[0].0.parse().unwrap() };
        let (min, max) = (bound("min"), bound("max"));
        let value: f64 = lab.get(name).unwrap().parse().unwrap();
        let position = if tag.contains("data-scale=\"log\"") { value.log10() } else { value };
        assert!((min..=max).contains(&position), "{name} = {value} outside its slider {min}..{max}");
    }
}
