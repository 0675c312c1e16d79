//! A scene's settings table, its state, and what the page receives of them.

use super::json::Json;
use super::kind::{Choice, Kind, Scale};

/// One setting: its name (the control's `data-param`, the link's key), its label and its
/// kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// The name: `lambda`, `racer2.lr`, `W[0,1]`.
    pub name: String,
    /// What the control's label says: `Strength λ`.
    pub label: String,
    /// What its value may be.
    pub kind: Kind,
}

impl Spec {
    /// A setting named `name`, labelled `label`.
    pub fn new(name: impl Into<String>, label: impl Into<String>, kind: Kind) -> Self {
        Spec { name: name.into(), label: label.into(), kind }
    }
}

/// A scene with a settings table.
pub trait Table {
    /// Every setting, in link order (each after the settings that may change it), as the
    /// current state has them (a choice's options may depend on it: the classes a click may
    /// add, the parameters a slice may vary).
    fn specs(&self) -> Vec<Spec>;

    /// The current value of setting `name` as its control shows it ("" for none).
    fn current(&self, name: &str) -> String;

    /// Whether setting `name` means anything in the current state (the page hides or greys
    /// out the others).
    fn applies(&self, name: &str) -> bool;
}

/// A setting's state: its row of the table (whose range or options may depend on the state),
/// its value and whether it applies.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The setting's row.
    pub spec: Spec,
    /// Its value, as [`Table::current`] gives it.
    pub value: String,
    /// Whether it applies.
    pub applies: bool,
}

/// The state of every setting of `scene`, in table order.
pub fn state(scene: &dyn Table) -> Vec<Entry> {
    scene
        .specs()
        .into_iter()
        .map(|spec| Entry { value: scene.current(&spec.name), applies: scene.applies(&spec.name), spec })
        .collect()
}

/// The entries of `after` that are new or differ from `before` in value, applicability, range
/// or options.
pub fn changes<'a>(before: &[Entry], after: &'a [Entry]) -> Vec<&'a Entry> {
    after.iter().filter(|e| !before.iter().any(|b| b == *e)).collect()
}

/// [`changes`] as JSON for the page, each entry as [`table_json`] writes it without the
/// default.
///
/// ```
/// use descent::setting::{Entry, Kind, Spec, changes_json};
/// let spec = Spec::new("lambda", "Strength λ", Kind::number(0.0, 1.0, 0.1));
/// let a = Entry { spec, value: "0.1".into(), applies: true };
/// let b = Entry { value: "0.2".into(), ..a.clone() };
/// assert_eq!(changes_json(&[a.clone()], &[a.clone()]), "[]");
/// let json = changes_json(&[a], &[b]);
/// assert!(json.starts_with(r#"[{"name":"lambda","label":"Strength λ","kind":"number","min":0,"#), "{json}");
/// assert!(json.ends_with(r#""value":"0.2","applies":true}]"#), "{json}");
/// ```
pub fn changes_json(before: &[Entry], after: &[Entry]) -> String {
    let mut json = Json::new();
    json.raw("[");
    for (i, entry) in changes(before, after).into_iter().enumerate() {
        if i > 0 {
            json.raw(",");
        }
        write_entry(&mut json, entry, None);
    }
    json.raw("]");
    json.finish()
}

/// The whole table as JSON for the page: for each setting its name, label and kind with the
/// kind's details, its default (its value on `blank`, the scene as a freshly opened page has
/// it), its current value and whether it applies.
pub fn table_json(scene: &dyn Table, blank: &dyn Table) -> String {
    let mut json = Json::new();
    json.raw("[");
    for (i, entry) in state(scene).iter().enumerate() {
        if i > 0 {
            json.raw(",");
        }
        write_entry(&mut json, entry, Some(&blank.current(&entry.spec.name)));
    }
    json.raw("]");
    json.finish()
}

fn write_entry(json: &mut Json, entry: &Entry, default: Option<&str>) {
    let spec = &entry.spec;
    json.raw("{").key("name").string(&spec.name);
    json.raw(",").key("label").string(&spec.label);
    write_kind(json, &spec.kind);
    if let Some(default) = default {
        json.raw(",").key("default").string(default);
    }
    json.raw(",").key("value").string(&entry.value);
    json.raw(",").key("applies").boolean(entry.applies);
    json.raw("}");
}

fn write_scale(json: &mut Json, scale: Scale) {
    match scale {
        Scale::Linear => json.raw(",").key("scale").string("linear"),
        Scale::Log { floor } => json.raw(",").key("scale").string("log").raw(",").key("floor").number(floor),
    };
}

fn write_kind(json: &mut Json, kind: &Kind) {
    json.raw(",").key("kind");
    match kind {
        Kind::Number { min, max, open, step, scale, digits } => {
            json.string("number");
            json.raw(",").key("min").number(*min);
            json.raw(",").key("max").number(*max);
            json.raw(",").key("open").boolean(*open);
            json.raw(",").key("step").number(*step);
            write_scale(json, *scale);
            json.raw(",").key("digits").number(f64::from(*digits));
        }
        Kind::Whole { min, max, scale } => {
            // Past 2⁵³ a JavaScript number is no longer exact: such a bound is no bound.
            let exact = |n: u64| if n < 1 << 53 { n as f64 } else { f64::NAN };
            json.string("whole");
            json.raw(",").key("min").number(exact(*min));
            json.raw(",").key("max").number(exact(*max));
            write_scale(json, *scale);
        }
        Kind::Choice(options) => {
            json.string("choice").raw(",").key("options");
            write_options(json, options);
        }
        Kind::Switch => {
            json.string("switch");
        }
        Kind::Text { .. } => {
            json.string("text");
        }
    }
    json.raw(",").key("expected").string(&kind.expected());
}

fn write_options(json: &mut Json, options: &[Choice]) {
    json.raw("[");
    for (i, option) in options.iter().enumerate() {
        if i > 0 {
            json.raw(",");
        }
        json.raw("[").string(&option.value).raw(",").string(&option.label);
        if !option.detail.is_empty() {
            json.raw(",").string(&option.detail);
        }
        json.raw("]");
    }
    json.raw("]");
}
