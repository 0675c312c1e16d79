// The settings panel of a scene, built from the scene's settings table in Rust (src/setting):
// the HTML says only where each control goes (`data-param="name"`); its range, step, scale,
// options and label come from the table, and so does whether it applies now. A change goes to
// Rust as text (Rust parses and checks it) and Rust answers with every setting that changed,
// in one call.
import { clearNotice, element, report } from './ui.js';
import { methodRule } from './formulas.js';

/** A control's label element, if it sits in one. */
const labelOf = (control) => control.closest('label');

/** Sets the range, step, scale and options of `control` from its table entry `entry`. A
 *  slider marked `data-view-range` keeps its own range: it is a window onto a wider one (the
 *  lab's W sliders span ±5 of the ±10⁸ a value may have). */
function annotate(control, entry) {
  if (control.tagName === 'SELECT') {
    const key = JSON.stringify(entry.options);
    if (entry.options && control.dataset.options !== key) {
      control.dataset.options = key;
      control.replaceChildren(...entry.options.map(([value, label]) => new Option(label, value)));
    }
  } else if (control.type === 'range' && !('viewRange' in control.dataset)) {
    if (entry.scale === 'log') {
      const step = 0.01;
      // A range that starts at 0 gets one more step at the left end: 0 itself.
      const left = Math.log10(entry.floor) - (entry.min === 0 ? step : 0);
      Object.assign(control, { min: String(left), max: String(Math.log10(entry.max)), step: String(step) });
      control.dataset.scale = 'log';
      control.dataset.floor = String(entry.floor);
      control.dataset.digits = String(entry.digits ?? 0);
      control.dataset.whole = String(entry.kind === 'whole');
    } else {
      const step = entry.kind === 'whole' ? 1 : entry.step;
      const max = entry.open ? entry.max - step : entry.max;
      Object.assign(control, { min: String(entry.min), max: String(max), step: String(step) });
    }
  } else if (control.type === 'number') {
    if (entry.min !== null && entry.min !== undefined) control.min = String(entry.min);
    if (entry.max !== null && entry.max !== undefined) control.max = String(entry.open ? entry.max - entry.step : entry.max);
    control.step = entry.kind === 'whole' ? '1' : 'any';
  }
  const label = labelOf(control);
  // A label with no words of its own takes the table's: after a checkbox, before the rest.
  if (label && !label.dataset.labelled && entry.label && ![...label.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) {
    if (control.type === 'checkbox') control.after(` ${entry.label}`);
    else label.prepend(`${entry.label} `);
  }
  if (label) label.dataset.labelled = 'true';
  control.title ||= `${entry.label || entry.name}: ${entry.expected}`;
}

/** The text a control sends: "true"/"false" for a checkbox; for a log-scale slider
 *  10^position rounded to the table's significant digits (a whole number for whole kinds), or
 *  0 at the extra step left of the floor. */
function controlValue(control) {
  if (control.type === 'checkbox') return String(control.checked);
  if (control.dataset.scale === 'log') {
    const position = Number(control.value);
    const floor = Math.log10(Number(control.dataset.floor));
    if (position < floor - Number(control.step) / 2) return '0';
    const value = 10 ** position;
    if (control.dataset.whole === 'true') return String(Math.round(value));
    const digits = Number(control.dataset.digits);
    return String(digits > 0 ? Number(value.toPrecision(digits)) : value);
  }
  return control.value;
}

/** A value as an output shows it: numbers far from 1 in exponent notation (1e-8, not
 *  0.00000001), everything else as Rust wrote it. */
function readable(value) {
  const x = Number(value);
  if (value === '' || !Number.isFinite(x) || x === 0) return value;
  return Math.abs(x) < 1e-4 || Math.abs(x) >= 1e15 ? x.toExponential().replace('e+', 'e') : value;
}

/** Shows a setting's value (as Rust wrote it) in its control and the control's output. */
function showValue(control, value) {
  if (control.type === 'checkbox') control.checked = value === 'true';
  else if (control.dataset.scale === 'log') {
    const v = Number(value);
    control.value = String(v > 0 ? Math.log10(v) : Number(control.min));
  } else if (control.type === 'range' && 'viewRange' in control.dataset && document.activeElement === control) {
    // A window slider being dragged keeps its position.
  } else control.value = value;
  const output = control.id && document.querySelector(`output[for="${control.id}"]`);
  if (output) output.textContent = readable(value);
}

/** A menu whose options carry a detail (a method's update rule) shows the chosen one's in its
 *  tooltip and in the scene's `[data-detail="name"]` element, if it has one: a method's rule
 *  typeset (formulas.js, the text its accessible label) where the lecture writes one. */
function showDetail(root, control, entry) {
  if (control.tagName !== 'SELECT' || !entry.options?.some((option) => option.length > 2)) return;
  const detail = entry.options.find(([value]) => value === entry.value)?.[2] ?? '';
  control.title = detail;
  for (const place of root.querySelectorAll(`[data-detail="${CSS.escape(entry.name)}"]`)) {
    if (place.dataset.shown === detail) continue;
    place.dataset.shown = detail;
    const typeset = /(^|\.)method$/.test(entry.name) ? methodRule(entry.value, detail) : null;
    place.replaceChildren(typeset ?? detail);
  }
}

/** Hides or disables a control that does not apply now: inside `data-inapplicable="hide"` its
 *  label is hidden (the optimizer lists only the chosen method's settings), elsewhere it is
 *  disabled and its label greyed. */
function showApplies(control, applies) {
  const label = labelOf(control);
  if (control.closest('[data-inapplicable="hide"]')) {
    (label ?? control).hidden = !applies;
  } else {
    control.disabled = !applies;
    label?.classList.toggle('inapplicable', !applies);
  }
}

/** A control for a setting the HTML does not place (one added to a table later: a new
 *  hyperparameter or schedule setting): a menu, a switch, a field, or where `sliders` (the
 *  container's `data-sliders`) a log slider with its output, in a label the table names. */
function widget(entry, sliders) {
  const id = `setting-${entry.name.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const attributes = { 'data-param': entry.name, id };
  if (entry.kind === 'choice') return element('label', { class: 'generated' }, [element('select', attributes)]);
  if (entry.kind === 'switch') {
    return element('label', { class: 'generated check' }, [element('input', { ...attributes, type: 'checkbox' })]);
  }
  if (sliders && entry.kind === 'number' && entry.scale === 'log') {
    return element('label', { class: 'generated' }, [element('input', { ...attributes, type: 'range' }), element('output', { for: id })]);
  }
  const type = entry.kind === 'text' ? 'text' : 'number';
  return element('label', { class: 'generated' }, [element('input', { ...attributes, type, size: '8' })]);
}

/** The container for a setting the HTML does not place: the `[data-unplaced]` element under
 *  `root` whose value is the longest prefix of the setting's name ("" takes any; a racer's
 *  row takes "racer2."). The classifier's parameters W[k,l] and b[k] are never placed this
 *  way: their grid builds their controls. */
function containerFor(root, name) {
  if (name.includes('[')) return null;
  let best = null;
  for (const box of root.querySelectorAll('[data-unplaced]')) {
    const prefix = box.dataset.unplaced;
    if (name.startsWith(prefix) && (!best || prefix.length > best.dataset.unplaced.length)) best = box;
  }
  return best;
}

/** Each bound root's refresh, for settings changed from elsewhere (a link). */
const bindings = new Map();

/** Refreshes every bound panel under `within` from its scene, as after a change made through
 *  a control (a link set them). */
export function refreshSettings(within) {
  for (const [root, refresh] of bindings) {
    if (root.isConnected && within.contains(root)) refresh();
  }
}

/**
 * Binds every `[data-param]` control under `root` (now or added later) to `scene`, which has
 * `table()`, `set(name, value)` and `changes()` (each returning settings as JSON); a setting
 * with no control gets one in its `[data-unplaced]` container (see `containerFor`). Returns
 * `refresh`, to call after anything that may change settings other than a control (a button,
 * a gesture): it asks the scene what changed. `onChange(name, changed)` runs after every
 * change, with the control's name (null for a refresh) and the entries that changed.
 */
export function bindSettings(root, scene, onChange = () => {}) {
  const known = new Map();
  const controls = (name) => root.querySelectorAll(`[data-param="${CSS.escape(name)}"]`);
  const apply = (entries) => {
    for (const entry of entries) {
      known.set(entry.name, entry);
      const box = controls(entry.name).length === 0 && containerFor(root, entry.name);
      if (box) box.append(widget(entry, 'sliders' in box.dataset));
      for (const control of controls(entry.name)) {
        annotate(control, entry);
        showValue(control, entry.value);
        showApplies(control, entry.applies);
        showDetail(root, control, entry);
      }
    }
    return entries;
  };
  const send = (control, text = controlValue(control)) => {
    const name = control.dataset.param;
    let changed = [];
    try {
      changed = apply(JSON.parse(scene.set(name, text)));
      clearNotice();
    } catch (error) {
      report(error);
    }
    // A refused value goes back to what the scene has.
    const entry = known.get(name);
    if (entry) for (const each of controls(name)) showValue(each, entry.value);
    onChange(name, changed);
  };
  root.addEventListener('input', (event) => {
    if (event.target.type === 'range' && event.target.dataset.param) send(event.target);
  });
  root.addEventListener('change', (event) => {
    if (event.target.type !== 'range' && event.target.dataset.param) send(event.target);
  });
  apply(JSON.parse(scene.table()));
  const refresh = () => {
    const changed = apply(JSON.parse(scene.changes()));
    onChange(null, changed);
    return changed;
  };
  /** Shows every known setting again in the controls under `within` (controls built since:
   *  the W sliders, the class picker), leaving alone a control being edited. */
  refresh.all = (within = root) => {
    for (const entry of known.values()) {
      for (const control of within.querySelectorAll(`[data-param="${CSS.escape(entry.name)}"]`)) {
        if (control === document.activeElement) continue;
        annotate(control, entry);
        showValue(control, entry.value);
        showApplies(control, entry.applies);
      }
    }
  };
  refresh.send = send;
  refresh.entry = (name) => known.get(name);
  bindings.set(root, refresh);
  return refresh;
}

/** The binding of the panel that holds `control`, if one does. */
const bindingOf = (control) => [...bindings].find(([root]) => root.isConnected && root.contains(control))?.[1];

/** The table entry of the setting `control` shows (its value as Rust wrote it, its range). */
export function settingEntry(control) {
  return bindingOf(control)?.entry(control.dataset.param);
}

/** Sends `text` as the setting `control` shows, as a change of the control would (the scene
 *  checks it, refuses it with a message, and the panel follows): for a keyboard shortcut. */
export function changeSetting(control, text) {
  bindingOf(control)?.send(control, text);
}
