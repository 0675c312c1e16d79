//! Shareable links: a scene's settings carried by the address's hash, as TensorFlow Playground
//! does, so that a teacher can prepare a state and send it, and the student's page opens in it.
//!
//! A link is `#scene[/view][?name=value&…]` (see [`address`]):
//! `#lab?loss=softmax&lambda=0.01&method=adam&lr=0.005`, `#race?preset=saddle`,
//! `#regularization/landscape?seed=3`. It carries the settings, by the names of the page's
//! controls, whose values differ from those a freshly opened page would reach by applying the
//! link's earlier settings: no second copy of the defaults exists anywhere, since a link is
//! made by replaying settings on a fresh scene ([`Linkable::blank`]) until it matches the
//! current one. Equal states give equal links (the settings come in one fixed order, each at
//! most once).
//!
//! # Making a link
//!
//! [`link`] walks the scene's settings in link order ([`Linkable::link_names`]: settings that
//! change others first, a dataset before its number of classes, a method before its learning
//! rate) and, on a blank scene, sets each whose value differs from the current scene's. The
//! settings it had to set are the link. A scene with presets (the race's) also tries each
//! preset as the blank's first setting and keeps the shortest link, so a race that is the
//! "saddle" preset with one racer changed links as `preset=saddle&racer1.lr=0.1`.
//!
//! # Opening a link
//!
//! [`open`] applies the link's settings to a blank scene in link order whatever their order in
//! the address (presets first), retrying a refused one after the others while that makes
//! progress (a landscape whose two axes trade places needs one of them set before the other);
//! each setting still refused is a [`Refusal`] with the scene's reason. Then it brings the
//! live scene to that state, changing only the settings that differ, so opening the link of
//! the state on screen changes nothing (a trained classifier keeps its training).

pub mod address;
mod lab;
mod race;
mod regularization;

pub use address::{Address, Pair};

/// How often [`open`] and [`link`] go over a scene's settings at most: a second pass is needed
/// only when a setting could not be made before a later one; more would mean settings that
/// undo each other.
const PASSES: usize = 4;

/// How many refusals a notice spells out; the rest are counted.
const NOTICE_DETAILS: usize = 5;

/// A scene whose state links carry.
pub trait Linkable: Sized {
    /// The settings a link may carry, in the order a link applies them: each after every
    /// setting that may change it.
    fn link_names(&self) -> Vec<String>;

    /// A setting's value as a link carries it (for most settings, what its control shows).
    fn link_value(&self, name: &str) -> Result<String, String>;

    /// Sets a setting from a link's text; a refusal says why and changes nothing.
    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String>;

    /// The scene as a freshly opened page has it, in the same surroundings (the model another
    /// scene handed over stays).
    fn blank(&self) -> Self;

    /// Settings that load a whole configuration (the race's presets), each with every value
    /// it takes: a link may begin with one of them.
    fn presets(&self) -> Vec<Pair> {
        Vec::new()
    }

    /// What of the current state no link carries, as a phrase ("the points you added, moved
    /// or removed"), if anything.
    fn omitted(&self) -> Option<String> {
        None
    }
}

/// A link setting that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The setting as the link wrote it, decoded: `lr=abc`, or the bare text of a part that
    /// is no `name=value` pair.
    pub setting: String,
    /// The scene's reason.
    pub reason: String,
}

/// The settings that turn a blank scene into `scene`, in link order.
///
/// ```
/// use descent::lab::Lab;
/// let mut lab = Lab::default();
/// lab.set("method", "adam").unwrap();
/// lab.set("lr", "0.005").unwrap();
/// lab.set("loss", "softmax").unwrap();
/// let text = descent::link::address::format_query(&descent::link::link(&lab));
/// assert_eq!(text, "loss=softmax&method=adam&lr=0.005");
/// ```
pub fn link<T: Linkable>(scene: &T) -> Vec<Pair> {
    let mut best = sync(&mut scene.blank(), scene, usize::MAX).unwrap_or_default();
    for preset in scene.presets() {
        // A preset replaces a shorter link (1 + rest < best), or an equally long one when the
        // scene is that preset, so that its link says so.
        let loaded = scene.link_value(&preset.name).is_ok_and(|value| value == preset.value);
        let Some(limit) = best.len().checked_sub(if loaded { 1 } else { 2 }) else { continue };
        let mut base = scene.blank();
        if base.link_set(&preset.name, &preset.value).is_err() {
            continue;
        }
        if let Some(rest) = sync(&mut base, scene, limit) {
            best = std::iter::once(preset).chain(rest).collect();
        }
    }
    in_link_order(scene, best)
}

/// Opens a link's settings on `scene` (see the module docs) and returns those it refused.
///
/// ```
/// use descent::lab::Lab;
/// use descent::link::{Pair, open};
/// let mut lab = Lab::default();
/// let refused = open(&mut lab, &[Pair::new("lr", "abc"), Pair::new("loss", "softmax")]);
/// assert_eq!(lab.get("loss").unwrap(), "softmax");
/// assert_eq!(refused[0].setting, "lr=abc");
/// ```
pub fn open<T: Linkable>(scene: &mut T, pairs: &[Pair]) -> Vec<Refusal> {
    let mut target = scene.blank();
    let (refusals, preset) = apply(&mut target, pairs);
    let preset_differs = preset.as_ref().is_some_and(|p| scene.link_value(&p.name).ok() != Some(p.value.clone()));
    if preset_differs || differs(scene, &target) {
        if let Some(p) = preset {
            // The target accepted it, so the scene does too.
            let _ = scene.link_set(&p.name, &p.value);
        }
        sync(scene, &target, usize::MAX);
    }
    refusals
}

/// Opens a link's query text (`name=value&…`) on `scene`: [`open`] with the parts that are
/// no `name=value` pair refused too.
pub fn open_query<T: Linkable>(scene: &mut T, query: &str) -> Vec<Refusal> {
    let (pairs, mut refusals) = address::pairs(query);
    refusals.extend(open(scene, &pairs));
    refusals
}

/// The notice for the refused settings of a link, if any: one sentence naming each.
///
/// ```
/// use descent::link::{Refusal, notice};
/// let r = Refusal { setting: "lr=abc".into(), reason: "lr must be a number, not \"abc\"".into() };
/// assert_eq!(notice(&[r]).unwrap(), "This link's setting lr=abc was ignored: lr must be a number, not \"abc\".");
/// ```
pub fn notice(refusals: &[Refusal]) -> Option<String> {
    match refusals {
        [] => None,
        [one] => Some(format!("This link's setting {} was ignored: {}", one.setting, sentence(&one.reason))),
        many => {
            let shown = &many[..many.len().min(NOTICE_DETAILS)];
            let mut names: Vec<&str> = shown.iter().map(|r| r.setting.as_str()).collect();
            let more = many.len() - shown.len();
            let rest = format!("{more} more");
            if more > 0 {
                names.push(&rest);
            }
            let (last, first) = names.split_last().expect("two or more");
            let reasons: Vec<String> =
                shown.iter().map(|r| format!("{}: {}", r.setting, sentence(&r.reason))).collect();
            Some(format!("This link's settings {} and {last} were ignored. {}", first.join(", "), reasons.join(" ")))
        }
    }
}

/// The reason as the end of a sentence: with a full stop.
fn sentence(reason: &str) -> String {
    let reason = reason.trim();
    if reason.ends_with(['.', '!', '?']) { reason.to_string() } else { format!("{reason}.") }
}

/// Whether any link setting of `scene` differs from `target`'s.
fn differs<T: Linkable>(scene: &T, target: &T) -> bool {
    target.link_names().iter().any(|name| scene.link_value(name).ok() != target.link_value(name).ok())
}

/// Sets every link setting of `scene` that differs from `target`'s to `target`'s value, in
/// link order, in passes until one changes nothing. Returns the settings it set, or `None` as
/// soon as that would be more than `limit`.
fn sync<T: Linkable>(scene: &mut T, target: &T, limit: usize) -> Option<Vec<Pair>> {
    let names = target.link_names();
    let mut set = Vec::new();
    for _ in 0..PASSES {
        let mut changed = false;
        for name in &names {
            let Ok(wanted) = target.link_value(name) else { continue };
            if scene.link_value(name).is_ok_and(|have| have == wanted) {
                continue;
            }
            if scene.link_set(name, &wanted).is_ok() {
                changed = true;
                set.push(Pair::new(name, &wanted));
                if set.len() > limit {
                    return None;
                }
            }
        }
        if !changed {
            break;
        }
    }
    Some(set)
}

/// Applies pairs to `scene` in link order (presets first, names the scene does not list last,
/// in their given order), retrying the refused ones while that makes progress. Returns the
/// refusals and the last preset applied.
fn apply<T: Linkable>(scene: &mut T, pairs: &[Pair]) -> (Vec<Refusal>, Option<Pair>) {
    let presets = scene.presets();
    let is_preset = |pair: &Pair| presets.iter().any(|p| p.name == pair.name);
    let mut pending: Vec<&Pair> = in_link_order(scene, pairs.iter().collect());
    let mut preset = None;
    loop {
        let mut refused = Vec::new();
        for pair in &pending {
            match scene.link_set(&pair.name, &pair.value) {
                Ok(()) if is_preset(pair) => preset = Some((*pair).clone()),
                Ok(()) => {}
                Err(reason) => refused.push((*pair, reason)),
            }
        }
        if refused.is_empty() || refused.len() == pending.len() {
            let refusals = refused.into_iter().map(|(pair, reason)| Refusal { setting: pair.to_string(), reason });
            return (refusals.collect(), preset);
        }
        pending = refused.into_iter().map(|(pair, _)| pair).collect();
    }
}

/// Sorts pairs into link order, stably: presets first, then the scene's names in order, then
/// names it does not list; each name once (the last).
fn in_link_order<T: Linkable, P: std::borrow::Borrow<Pair>>(scene: &T, pairs: Vec<P>) -> Vec<P> {
    let names = scene.link_names();
    let presets = scene.presets();
    let rank = |pair: &Pair| {
        if presets.iter().any(|p| p.name == pair.name) {
            0
        } else {
            names.iter().position(|n| *n == pair.name).map_or(usize::MAX, |i| i + 1)
        }
    };
    let mut pairs: Vec<P> = pairs;
    // The last of equal names wins, as it would when applied in turn.
    let mut seen = std::collections::HashSet::new();
    pairs.reverse();
    pairs.retain(|p| seen.insert(p.borrow().name.clone()));
    pairs.reverse();
    pairs.sort_by_key(|p| rank(p.borrow()));
    pairs
}
