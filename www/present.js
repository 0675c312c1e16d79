// Presenter mode: the page for a projector. The picture takes most of the screen, the controls
// shrink to a slim column holding only the ones marked `data-present` in index.html (Play, Step,
// Reset, the one or two settings that matter, the readouts), text is large (present.css), and
// the pictures' text, lines and marks grow with it: every canvas is sized with a drawing scale
// (`drawingScale`) that the Rust drawing code multiplies its sizes by. "More controls" brings the
// rest back. The state is part of the link (`present=1`, read and written by link.js through
// `takePresent` and `withPresent`), so a prepared link opens in it.

/** The page's text size in presenter mode, in CSS pixels, over the drawings' base size (12
 *  CSS px, src/render): 24 px on a 720 px tall screen, growing with the screen's height. */
const BASE_FONT = 12;
const PRESENT_FONT_PER_HEIGHT = 24 / 720;

let presenting = false;
const listeners = [];

/** Whether the page is in presenter mode. */
export function isPresenting() {
  return presenting;
}

/** The text size of presenter mode at this window's height, in CSS pixels (at least 24). */
export function presentFont() {
  return Math.max(24, Math.round(PRESENT_FONT_PER_HEIGHT * window.innerHeight));
}

/** How much larger than at a desk the pictures draw their text, lines and marks: 1, or in
 *  presenter mode the page's text size over the drawings' 12 px (2 at 1280 × 720). */
export function drawingScale() {
  return presenting ? presentFont() / BASE_FONT : 1;
}

/** Switches presenter mode on or off; the page follows (classes, button, canvases, link). */
export function setPresenting(on) {
  if (on === presenting) return;
  presenting = on;
  const root = document.documentElement;
  root.classList.toggle('present', on);
  root.style.setProperty('--present-font', `${presentFont()}px`);
  if (!on) showAllControls(false);
  const button = document.getElementById('present');
  button?.setAttribute('aria-pressed', String(on));
  const more = document.getElementById('present-more');
  if (more) more.hidden = !on;
  for (const listener of listeners) listener(on);
}

/** Toggles presenter mode. */
export function togglePresenting() {
  setPresenting(!presenting);
}

/** In presenter mode, shows every control (true) or only the marked ones (false). */
export function showAllControls(all) {
  document.documentElement.classList.toggle('present-all', all);
  document.getElementById('present-more')?.setAttribute('aria-expanded', String(all));
}

/** Runs `listener(on)` after every switch of presenter mode. */
export function onPresentChange(listener) {
  listeners.push(listener);
}

/** Splits `present=1` (or `present=0`) off a link's query: [the link without it, true, false,
 *  or null when the link does not say]. Any other value stays in the query, for the scene to
 *  refuse with a message as it refuses any unknown setting. */
export function takePresent(hash) {
  const mark = hash.indexOf('?');
  if (mark < 0) return [hash, null];
  let found = null;
  const kept = hash
    .slice(mark + 1)
    .split('&')
    .filter((pair) => {
      if (pair === 'present=1' || pair === 'present=0') {
        found = pair === 'present=1';
        return false;
      }
      return true;
    })
    .filter((pair) => pair !== '');
  return [kept.length ? `${hash.slice(0, mark)}?${kept.join('&')}` : hash.slice(0, mark), found];
}

/** A scene's address with `present=1` added when the page is in presenter mode. */
export function withPresent(address) {
  if (!presenting) return address;
  return `${address}${address.includes('?') ? '&' : '?'}present=1`;
}

/** Wires the Present and More controls buttons; `redraw()` redraws the shown scene, whose
 *  canvases then take their new sizes and drawing scale. */
export function mountPresenter(redraw) {
  document.getElementById('present').addEventListener('click', togglePresenting);
  const more = document.getElementById('present-more');
  more.addEventListener('click', () => showAllControls(!document.documentElement.classList.contains('present-all')));
  onPresentChange(() => redraw());
  // The text size follows the window's height (a projector's resolution, fullscreen).
  window.addEventListener('resize', () => {
    if (!presenting) return;
    document.documentElement.style.setProperty('--present-font', `${presentFont()}px`);
    redraw();
  });
}
