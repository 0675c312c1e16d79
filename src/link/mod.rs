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
//! settings it had to set are the link. A scene with presets (the race's) that is one links
//! as that preset (`preset=saddle`, so that the opened race is the preset and shows its
//! claim); a custom one also tries each preset on the blank and keeps the shortest link, so a
//! race that is the "saddle" preset with one racer changed links as
//! `preset=saddle&racer1.lr=0.1`.
//!
//! # Opening a link
//!
//! [`open`] applies the link's settings to a blank scene in link order whatever their order in
//! the address (a preset before the settings it would reset; the order is read again after
//! each setting, since one may create names: the calculator's cells once it grows), retrying
//! a refused one after the others while that makes progress; each setting still refused is a
//! [`Refusal`] with the scene's reason. Then it brings the live scene to that state, changing
//! only the settings that differ, so opening the link of the state on screen changes nothing
//! (a trained classifier keeps its training, a race its clock). A setting the fresh scene took
//! but the live one refuses (a replay too long on the live scene's data) is a refusal too.

pub mod address;
pub mod base64;
pub mod lab;
pub mod page_state;
pub mod points;
mod race;
mod regularization;
pub mod theta;

use crate::setting::echo;
use std::collections::{HashMap, HashSet};

pub use address::{Address, Pair};

/// How often [`open`] and [`link`] go over a scene's settings at most: a second pass is needed
/// only when a setting could not be made before a later one; more would mean settings that
/// undo each other.
const PASSES: usize = 4;

/// How many refusals a notice spells out; the rest are counted.
const NOTICE_DETAILS: usize = 5;

/// The most settings a link applies (the largest state, the race's, has under 200).
const MAX_PAIRS: usize = 1000;

/// A scene whose state links carry.
///
/// The trait is object-safe and the link code takes `&dyn Linkable`, so that code is compiled
/// once for all scenes, not once per scene.
pub trait Linkable: BlankScene {
    /// The settings a link may carry, in the order a link applies them: each after every
    /// setting that may change it.
    fn link_names(&self) -> Vec<String>;

    /// A setting's value as a link carries it (for most settings, what its control shows).
    fn link_value(&self, name: &str) -> Result<String, String>;

    /// Sets a setting from a link's text; a refusal says why and changes nothing.
    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String>;

    /// The scene as a freshly opened page has it, in the same surroundings (the model another
    /// scene handed over stays). The link code reaches it as [`BlankScene::blank_scene`].
    fn blank(&self) -> Self
    where
        Self: Sized;

    /// Settings that load a whole configuration (the race's presets), each with every value
    /// it takes. Their name is among [`Linkable::link_names`], after the settings a preset
    /// keeps; any setting after it may make the scene "custom" again.
    fn presets(&self) -> Vec<Pair> {
        Vec::new()
    }

    /// What of the current state no link carries, as a phrase ("the points you added, moved
    /// or removed"), if anything.
    fn omitted(&self) -> Option<String> {
        None
    }
}

/// [`Linkable::blank`] for a scene of any type, as the link code needs it: given to every
/// [`Linkable`] scene, never implemented by hand.
pub trait BlankScene {
    /// The scene as a freshly opened page has it ([`Linkable::blank`]), boxed.
    fn blank_scene(&self) -> Box<dyn Linkable>;
}

impl<T: Linkable + 'static> BlankScene for T {
    fn blank_scene(&self) -> Box<dyn Linkable> {
        Box::new(self.blank())
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
pub fn link(scene: &dyn Linkable) -> Vec<Pair> {
    let names = scene.link_names();
    let mut base = scene.blank_scene();
    let mut best = sync(&mut *base, scene, &names, usize::MAX).unwrap_or_default();
    let presets = scene.presets();
    let loaded = presets.iter().find(|p| scene.link_value(&p.name).is_ok_and(|v| v == p.value));
    match loaded {
        // A scene that is a preset links as one that opens as that preset (the race then
        // shows the preset's claim): without naming it if the blank is that preset already.
        Some(preset) => {
            let same = base.link_value(&preset.name).is_ok_and(|v| v == preset.value);
            if !same && let Some(pairs) = from_preset(scene, preset, usize::MAX) {
                best = pairs;
            }
        }
        // A custom one takes the shortest link, through a preset or not.
        None => {
            for preset in &presets {
                let Some(most) = best.len().checked_sub(1) else { break };
                if let Some(pairs) = from_preset(scene, preset, most) {
                    best = pairs;
                }
            }
        }
    }
    in_link_order(scene, best)
}

/// The settings that turn a blank scene into `scene` through `preset`: those before the
/// preset in link order, the preset, then the others; `None` if that is more than `most`.
fn from_preset(scene: &dyn Linkable, preset: &Pair, most: usize) -> Option<Vec<Pair>> {
    let names = scene.link_names();
    let before = &names[..names.iter().position(|n| *n == preset.name).unwrap_or(0)];
    let mut base = scene.blank_scene();
    let mut pairs = sync(&mut *base, scene, before, most)?;
    base.link_set(&preset.name, &preset.value).ok()?;
    pairs.push(preset.clone());
    pairs.extend(sync(&mut *base, scene, &names, most.checked_sub(pairs.len())?)?);
    Some(pairs)
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
pub fn open(scene: &mut dyn Linkable, pairs: &[Pair]) -> Vec<Refusal> {
    let mut target = scene.blank_scene();
    let (mut refusals, preset) = apply(&mut *target, pairs);
    let names = target.link_names();
    // A different preset counts only if the scene is a preset now: a custom scene whose
    // settings equal the link's stays as it is (and a race keeps its progress).
    let presets = scene.presets();
    let loaded =
        |name: &str| scene.link_value(name).is_ok_and(|v| presets.iter().any(|p| p.name == name && p.value == v));
    let other_preset =
        preset.as_ref().is_some_and(|p| loaded(&p.name) && scene.link_value(&p.name).ok() != Some(p.value.clone()));
    if other_preset || differs(scene, &*target, &names) {
        if let Some(p) = preset {
            let before = &names[..names.iter().position(|n| *n == p.name).unwrap_or(0)];
            sync(scene, &*target, before, usize::MAX);
            // The target accepted it, so the scene does too.
            let _ = scene.link_set(&p.name, &p.value);
        }
        sync(scene, &*target, &names, usize::MAX);
        refusals.extend(unreached(scene, &*target, &names));
    }
    refusals
}

/// The settings of `target` that `scene` still lacks after [`sync`], each refused once more for
/// its reason: what the fresh scene took but the one on screen cannot (a replay too long on
/// its data, say).
fn unreached(scene: &mut dyn Linkable, target: &dyn Linkable, names: &[String]) -> Vec<Refusal> {
    let presets = scene.presets();
    let mut refusals = Vec::new();
    for name in names.iter().filter(|n| presets.iter().all(|p| p.name != **n)) {
        let Ok(wanted) = target.link_value(name) else { continue };
        if scene.link_value(name).is_ok_and(|have| have == wanted) {
            continue;
        }
        if let Err(reason) = scene.link_set(name, &wanted) {
            refusals.push(Refusal { setting: echo(&Pair::new(name, &wanted).to_string()), reason });
        }
    }
    refusals
}

/// Opens a link's query text (`name=value&…`) on `scene`: [`open`] with the parts that are
/// no `name=value` pair refused too.
pub fn open_query(scene: &mut dyn Linkable, query: &str) -> Vec<Refusal> {
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

/// Whether any of the settings `names` but presets of `scene` differs from `target`'s.
fn differs(scene: &dyn Linkable, target: &dyn Linkable, names: &[String]) -> bool {
    let presets = scene.presets();
    let settings = names.iter().filter(|n| presets.iter().all(|p| p.name != **n));
    settings.into_iter().any(|name| scene.link_value(name).ok() != target.link_value(name).ok())
}

/// Sets each of the settings `names` (in link order; presets are skipped) of `scene` that
/// differs from `target`'s to `target`'s value, in passes until one changes nothing. Returns
/// the settings it set, or `None` as soon as that would be more than `most`.
fn sync(scene: &mut dyn Linkable, target: &dyn Linkable, names: &[String], most: usize) -> Option<Vec<Pair>> {
    let presets = scene.presets();
    let names: Vec<&String> = names.iter().filter(|n| presets.iter().all(|p| p.name != **n)).collect();
    let mut set = Vec::new();
    for _ in 0..PASSES {
        let mut changed = false;
        for &name in &names {
            let Ok(wanted) = target.link_value(name) else { continue };
            if scene.link_value(name).is_ok_and(|have| have == wanted) {
                continue;
            }
            if scene.link_set(name, &wanted).is_ok() {
                changed = true;
                // Set again in a later pass, it is still one setting of the link.
                if set.iter().all(|p: &Pair| p.name != *name) {
                    set.push(Pair::new(name, &wanted));
                }
                if set.len() > most {
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

/// Applies pairs to `scene` in link order (names the scene does not list last, in their given
/// order; the order is read again after each setting, since a setting may create names: the
/// calculator's cells after its size), retrying the refused ones while that makes progress.
/// Returns the refusals and the last preset applied.
fn apply(scene: &mut dyn Linkable, pairs: &[Pair]) -> (Vec<Refusal>, Option<Pair>) {
    let presets = scene.presets();
    let is_preset = |pair: &Pair| presets.iter().any(|p| p.name == pair.name);
    let (mut pending, beyond) = last_of_each(pairs);
    let mut preset = None;
    loop {
        let mut refused = Vec::new();
        let mut applied = false;
        while !pending.is_empty() {
            let ranks: HashMap<String, usize> =
                scene.link_names().into_iter().enumerate().map(|(i, n)| (n, i)).collect();
            let rank = |pair: &Pair| ranks.get(&pair.name).copied().unwrap_or(usize::MAX);
            let next = (0..pending.len()).min_by_key(|&i| rank(pending[i])).expect("pending is not empty");
            let pair = pending.remove(next);
            match scene.link_set(&pair.name, &pair.value) {
                Ok(()) => {
                    applied = true;
                    if is_preset(pair) {
                        preset = Some(pair.clone());
                    }
                }
                Err(reason) => refused.push((pair, reason)),
            }
        }
        if refused.is_empty() || !applied {
            let refusals =
                refused.into_iter().map(|(pair, reason)| Refusal { setting: echo(&pair.to_string()), reason });
            return (refusals.chain(beyond).collect(), preset);
        }
        pending = refused.into_iter().map(|(pair, _)| pair).collect();
    }
}

/// The last pair of each name, in their order (a link that names a setting twice means the
/// last value, as applying them in turn would), at most [`MAX_PAIRS`] of them; the rest are
/// refused.
fn last_of_each(pairs: &[Pair]) -> (Vec<&Pair>, Vec<Refusal>) {
    let mut seen = HashSet::new();
    let mut kept: Vec<&Pair> = pairs.iter().rev().filter(|p| seen.insert(p.name.as_str())).collect();
    kept.reverse();
    let mut refusals = Vec::new();
    if kept.len() > MAX_PAIRS {
        let reason = format!("a link carries at most {MAX_PAIRS} settings");
        refusals.extend(
            kept.drain(MAX_PAIRS..).map(|pair| Refusal { setting: echo(&pair.to_string()), reason: reason.clone() }),
        );
    }
    (kept, refusals)
}

/// Sorts distinct settings into link order, stably: the scene's names in order, then names it
/// does not list.
fn in_link_order(scene: &dyn Linkable, mut pairs: Vec<Pair>) -> Vec<Pair> {
    let names = scene.link_names();
    pairs.sort_by_key(|pair| names.iter().position(|n| *n == pair.name).unwrap_or(usize::MAX));
    pairs
}
