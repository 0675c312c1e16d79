// The keyboard: one table of shortcuts (SHORTCUTS), which both runs them and writes the
// overlay that ? shows, and the tab bar's arrow keys (the ARIA tabs pattern). A shortcut acts on
// the scene shown, through its own buttons and settings (so the link, the panel and any refusal
// message follow as after a click). None fires while typing in a field or with Ctrl, Meta or
// Alt held. Other parts of the page add their own keys with `addShortcuts` (the guided tour
// binds → ← PageDown PageUp and T: RESERVED keeps them free here).
import { element, report } from './ui.js';
import { changeSetting, settingEntry } from './settings.js';
import { togglePresenting } from './present.js';

/** Keys another part of the page binds (the guided tour): no shortcut here uses them. */
export const RESERVED = ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 't', 'T'];

/** The scene shown. */
const shownScene = () => document.querySelector('.scene:not([hidden])');

/** A control of the shown scene that is on the page: not in a part hidden by the `hidden`
 *  attribute (an idle racer, a view not shown, a setting that does not apply). Presenter mode's
 *  collapsed controls still count: the keys reach them. */
const present = (control) => control && !control.closest('[hidden]');

/** Clicks the shown scene's button for `action` (data-action="play", "step", "reset"). */
function press(action) {
  const button = [...shownScene().querySelectorAll(`[data-action="${action}"]`)].find(present);
  if (button && !button.disabled) button.click();
}

/** Multiplies every learning rate the shown scene races or trains with (the lab's α, each
 *  racing racer's) by `factor`, within its table range: at its end it stays there, and says so. */
function scaleRates(factor) {
  const controls = [...shownScene().querySelectorAll('[data-param="lr"], [data-param$=".lr"]')].filter(present);
  for (const control of controls) {
    const entry = settingEntry(control);
    if (!entry) continue;
    const value = Number(entry.value);
    const low = entry.scale === 'log' ? entry.floor : entry.min;
    const high = entry.open ? entry.max - entry.step : entry.max;
    let next = Number((value > 0 ? value * factor : low).toPrecision(12));
    if (low !== null && low !== undefined) next = Math.max(next, low);
    if (high !== null && high !== undefined) next = Math.min(next, high);
    if (next === value) {
      report(`${entry.label || entry.name} is already at its ${factor > 1 ? 'largest' : 'smallest'} value, ${entry.value}.`);
      continue;
    }
    changeSetting(control, String(next));
  }
}

/** Chooses the n-th option (from 1) of the shown scene's menu marked `data-choose` (the lab's
 *  method, the race's preset), as choosing it in the menu would. */
function choose(n) {
  const menu = [...shownScene().querySelectorAll('select[data-choose]')].find(present);
  const option = menu && [...menu.options].filter((o) => !o.disabled)[n - 1];
  if (!option || menu.disabled || option.value === menu.value) return;
  menu.value = option.value;
  menu.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Switches fullscreen on or off (the Fullscreen API; the browser also leaves it on Escape). */
function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch((error) => report(new Error(`Fullscreen is not allowed here (${error.message}).`)));
}

/** The overlay listing every shortcut, built from SHORTCUTS when first shown: a modal
 *  `<dialog>`, so Tab stays inside it and the page behind is inert while it is open. */
let overlay = null;

function showOverlay() {
  overlay?.remove();
  const rows = shortcuts.map(({ shown, label }) => element('tr', {}, [element('th', {}, shown.map((key) => element('kbd', { text: key }))), element('td', { text: label })]));
  const close = element('button', { type: 'button', class: 'keys-close', text: 'Close' });
  overlay = element('dialog', { class: 'keys-overlay', 'aria-labelledby': 'keys-title' }, [
    element('div', { class: 'keys-box' }, [
      element('h2', { id: 'keys-title', text: 'Keyboard shortcuts' }),
      element('table', {}, [element('tbody', {}, rows)]),
      element('p', { text: 'Shortcuts wait while you type in a field. In the tab bar, ← and → change the scene.' }),
      close,
    ]),
  ]);
  close.addEventListener('click', hideOverlay);
  // The dialog fills the window around its box: a click outside the box lands on it.
  overlay.addEventListener('click', (event) => {
    if (event.target === overlay) hideOverlay();
  });
  // Escape closes a modal dialog by itself: forget it then too.
  overlay.addEventListener('close', hideOverlay);
  document.body.append(overlay);
  overlay.showModal();
  close.focus();
}

function hideOverlay() {
  const shown = overlay;
  overlay = null;
  shown?.remove();
}

/** Escape: closes the overlay, else leaves fullscreen. */
function escape() {
  if (overlay) hideOverlay();
  else if (document.fullscreenElement) document.exitFullscreen();
}

/**
 * Every shortcut: `keys` are the `KeyboardEvent.key` values that run it (letters in both cases),
 * `shown` how the overlay writes them, `label` what it does, `run(event)` the action.
 */
const shortcuts = [
  { keys: [' '], shown: ['Space'], label: 'Play / pause', run: () => press('play') },
  { keys: ['s', 'S'], shown: ['S'], label: 'One step', run: () => press('step') },
  { keys: ['r', 'R'], shown: ['R'], label: 'Reset the run', run: () => press('reset') },
  { keys: ['['], shown: ['['], label: 'Halve the learning rate α (every racer\'s in the race)', run: () => scaleRates(0.5) },
  { keys: [']'], shown: [']'], label: 'Double the learning rate α (every racer\'s in the race)', run: () => scaleRates(2) },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    shown: ['1', '…', '9'],
    label: 'Choose the optimizer (lab) or the preset (race) by its place in the menu',
    run: (event) => choose(Number(event.key)),
  },
  { keys: ['p', 'P'], shown: ['P'], label: 'Presenter mode on / off', run: () => togglePresenting() },
  { keys: ['f', 'F'], shown: ['F'], label: 'Fullscreen on / off', run: toggleFullscreen },
  { keys: ['?'], shown: ['?'], label: 'This list of shortcuts', run: showOverlay },
  { keys: ['Escape'], shown: ['Esc'], label: 'Close this list; leave fullscreen', run: escape },
];

/** Adds shortcuts of another part of the page (entries as in `shortcuts`, with an optional
 *  `when()`: the key is left to the browser while it returns false): they run like these and
 *  the overlay lists them. A key already taken is refused. */
export function addShortcuts(entries) {
  for (const entry of entries) {
    const taken = entry.keys.find((key) => shortcuts.some((s) => s.keys.includes(key)));
    if (taken) throw new Error(`the key "${taken}" already has a shortcut`);
    shortcuts.push(entry);
  }
}

/** Whether a key event belongs to something else: typing in a field (input, select, textarea,
 *  contenteditable) or a key held with Ctrl, Meta or Alt (the browser's and the system's). */
export function notForShortcuts(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return true;
  const target = event.target;
  return target instanceof Element && (target.matches('input, select, textarea') || target.isContentEditable);
}

/** The tab bar's keys (the ARIA tabs pattern): ← → move to the previous and next tab and show
 *  its scene, Home and End to the first and last. */
function bindTabBar(tablist) {
  tablist.addEventListener('keydown', (event) => {
    const tabs = [...tablist.querySelectorAll('[role="tab"]')];
    const at = tabs.indexOf(event.target);
    if (at < 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    // The tab bar's own arrows, not the tour's.
    event.preventDefault();
    event.stopPropagation();
    const tab = tabs[(next + tabs.length) % tabs.length];
    tab.focus();
    tab.click();
  });
}

/** Listens for the shortcuts on the whole page and for the arrows on the tab bar. */
export function mountKeys() {
  bindTabBar(document.querySelector('[role="tablist"]'));
  document.getElementById('show-keys')?.addEventListener('click', showOverlay);
  document.addEventListener('keydown', (event) => {
    if (notForShortcuts(event) && event.key !== 'Escape') return;
    // Space on a focused button, link or disclosure presses it, as it always does.
    if (event.key === ' ' && event.target instanceof Element && event.target.closest('button, a, summary')) return;
    // With the overlay open, only Escape and ? (which closes it too) act.
    if (overlay && event.key !== 'Escape' && event.key !== '?') return;
    const shortcut = shortcuts.find((s) => s.keys.includes(event.key));
    if (!shortcut || (shortcut.when && !shortcut.when())) return;
    event.preventDefault();
    if (overlay && event.key === '?') hideOverlay();
    else shortcut.run(event);
  });
}
