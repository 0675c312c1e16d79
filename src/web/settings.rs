//! A scene's settings table at the boundary: the page asks for the table once, and after any
//! change receives only the settings whose value, applicability, range or options differ from
//! what it was last told, in one call.

use crate::setting::{Entry, Table, changes_json, state, table_json};

/// What the page was last told of a scene's settings.
#[derive(Debug, Default)]
pub(super) struct SettingsMirror(Vec<Entry>);

impl SettingsMirror {
    /// The whole table of `scene`, with each setting's default read from `blank` (the scene as
    /// a freshly opened page has it), as JSON; the page now knows every setting.
    pub(super) fn table(&mut self, scene: &dyn Table, blank: &dyn Table) -> String {
        self.0 = state(scene);
        table_json(scene, blank)
    }

    /// The settings of `scene` that changed since the page was last told, as JSON.
    pub(super) fn changes(&mut self, scene: &dyn Table) -> String {
        let now = state(scene);
        let json = changes_json(&self.0, &now);
        self.0 = now;
        json
    }
}

/// The two settings exports every scene's wasm class has, for a class with a `settings:
/// SettingsMirror` field and its scene in field `$scene` (wasm-bindgen exports cannot be
/// generic, so one macro writes them once):
///
/// - `table()`: the scene's settings table as JSON (see `crate::setting`): every setting's
///   name, label, kind, default (its value on the scene's blank, as a freshly opened page has
///   it), value and whether it applies, in link order;
/// - `changes()`: the settings whose value, applicability, range or options changed since the
///   page was last told, as JSON: after a button, a gesture or a link.
macro_rules! settings_exports {
    ($view:ty, $scene:ident) => {
        #[wasm_bindgen::prelude::wasm_bindgen]
        impl $view {
            /// The settings table as JSON (see `web::settings`).
            pub fn table(&mut self) -> String {
                let blank = crate::link::Linkable::blank(&self.$scene);
                self.settings.table(&self.$scene, &blank)
            }

            /// The settings that changed since the page was last told, as JSON.
            pub fn changes(&mut self) -> String {
                self.settings.changes(&self.$scene)
            }
        }
    };
}

pub(super) use settings_exports;
