//! Shareable links at the browser boundary (see [`crate::link`]): reading a link's address,
//! and, on each scene's exported type, its link, opening a link, and what links leave out.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use super::OrJsError;
use super::lab::LabView;
use super::race::RaceView;
use crate::link::address::{describe, format_query};
use crate::link::{Address, Linkable, link, notice, open_query};

/// Adds `link()`, `applyLink(query)` and `linkOmits()` to an exported scene type whose core
/// (a [`Linkable`]) is the field `$core`. Each export only hands its core, as a `dyn
/// Linkable`, to a function compiled once for every scene.
macro_rules! linkable {
    ($view:ty, $core:ident) => {
        #[wasm_bindgen]
        impl $view {
            /// The settings that differ from a freshly opened page's, as a link's query text
            /// (`name=value&…`, encoded, in link order; "" for none).
            pub fn link(&self) -> String {
                $crate::web::link::query(&self.$core)
            }

            /// Opens a link's query text: applies every setting that can be applied and
            /// returns the notice naming each refused one (none when all applied).
            #[wasm_bindgen(js_name = applyLink)]
            pub fn apply_link(&mut self, query: &str) -> Option<String> {
                $crate::web::link::apply(&mut self.$core, query)
            }

            /// What of the current state no link carries, as a phrase, if anything.
            #[wasm_bindgen(js_name = linkOmits)]
            pub fn link_omits(&self) -> Option<String> {
                $crate::link::Linkable::omitted(&self.$core)
            }
        }
    };
}

/// A scene's link as query text: `link()` of every exported scene.
pub(super) fn query(scene: &dyn Linkable) -> String {
    format_query(&link(scene))
}

/// Opens a link's query text on a scene and returns the notice: `applyLink(query)` of every
/// exported scene.
pub(super) fn apply(scene: &mut dyn Linkable, query: &str) -> Option<String> {
    notice(&open_query(scene, query))
}

pub(super) use linkable;

linkable!(LabView, lab);
linkable!(RaceView, race);

/// Reads a link's hash: `{scene, view, query, settings}`, with the scene and view decoded
/// and in lower case (`view` "" when the link names none), `query` the settings still
/// encoded (for `applyLink`), and `settings` the settings as a message lists them.
#[wasm_bindgen(js_name = parseLink)]
pub fn parse_link(hash: &str) -> Result<Object, JsError> {
    let address = Address::parse(hash);
    let object = Object::new();
    for (key, value) in [
        ("scene", address.scene.as_str()),
        ("view", address.view.as_deref().unwrap_or("")),
        ("query", address.query.as_str()),
        ("settings", &describe(&address.query)),
    ] {
        Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value)).or_js_error()?;
    }
    Ok(object)
}

/// The hash of a link to `scene` (and `view`, unless "") with the settings `query` (as
/// `link()` gives them): `#scene/view?query`.
#[wasm_bindgen(js_name = linkAddress)]
pub fn link_address(scene: &str, view: &str, query: &str) -> String {
    let view = (!view.is_empty()).then(|| view.to_string());
    Address { scene: scene.to_string(), view, query: query.to_string() }.to_string()
}
