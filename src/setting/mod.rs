//! Settings tables: one typed description of every setting a scene has, named like its
//! control. For each setting a [`Spec`] gives its name, its label, and its [`Kind`] (a number
//! with its range, slider scale, step and display digits; a whole number; a choice with its
//! options and labels; a switch; or text the scene checks itself). A scene lists its specs in
//! link order ([`Table::specs`]) and says for each its current value and whether it applies in
//! the current state.
//!
//! How a setting flows from the table to the pixels:
//!
//! 1. The page asks a scene for its table once ([`table_json`]): every spec with its default
//!    (the value on a freshly opened scene), its current value and whether it applies. The page
//!    annotates its `data-param` controls from it (range, step, scale, options, label), so the
//!    HTML holds only where a control goes.
//! 2. A control's change goes to the scene by name as text; the scene parses it with its spec
//!    ([`Kind::number`], [`Kind::whole`], [`Kind::boolean`], [`Kind::choice`]): the range that
//!    is shown is the range that is accepted, and every refusal reads "`name` must be
//!    `expected`, not "`value`"".
//! 3. The scene answers with what changed ([`changes_json`]: every setting whose value,
//!    applicability or options differ from before), so one call refreshes the panel.
//! 4. Links ([`crate::link`]) walk the same table in the same order, and tests walk it instead
//!    of retyping names.
//!
//! Names of choices come from one table per enum too ([`named`]).

mod json;
mod kind;
pub mod named;
mod table;

pub use json::Json;
pub use kind::{Choice, ECHO_CHARS, Kind, Scale, SettingError, echo};
pub use named::Named;
pub use table::{Entry, Spec, Table, changes, changes_json, state, table_json};
