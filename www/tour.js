// The guided tour of the lecture: walks the steps of tour-steps.js, each a scene link plus a
// few sentences and its formulas, in a panel beside the picture. A step opens through the
// page's own link path (link.js's open), so a step is exactly what its link describes; the
// step's number rides in the address as a page-level setting, `tour=7`, so a teacher can
// start the class at step 7. Keys: T starts or leaves the tour, → and PageDown (what
// presentation clickers send) go on, ← and PageUp go back, Escape leaves.
import { STEPS } from './tour-steps.js';
import { formula } from './formulas.js';
import { element } from './ui.js';
import { addShortcuts } from './keys.js';

/** The page-level setting's name in the address. */
const PARAM = 'tour';
/** The reset button of a scene (or view) whose state is more than its link: "Back to the
 *  step" presses it after reopening the step's link, so a trained lab, a race that ran or a
 *  numeric gradient filled in starts again from the step's prepared state. */
const RESET = { lab: '#lab-reset', race: '#race-reset', 'regularization/gradient': '#gradient-reset' };

/** Splits an address into the tour's setting (the raw text after `tour=`, or null) and the
 *  address without it: `#lab?loss=svm&tour=7` → ['7', '#lab?loss=svm']; `#tour=3` → ['3', '#']. */
export function takeTourParam(hash) {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const mark = text.indexOf('?');
  const [head, query] = mark < 0 ? [text, null] : [text.slice(0, mark), text.slice(mark + 1)];
  let value = null;
  const isTour = (part) => part === PARAM || part.startsWith(`${PARAM}=`);
  // Percent-escapes decoded where they make UTF-8; a malformed value is refused as written.
  const valueOf = (part) => {
    const raw = part.slice(PARAM.length + 1);
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  let scene = head;
  if (isTour(head)) {
    value = valueOf(head);
    scene = '';
  }
  const kept = [];
  for (const part of query === null ? [] : query.split('&')) {
    if (isTour(part)) value = valueOf(part);
    else kept.push(part);
  }
  const rest = kept.length ? `#${scene}?${kept.join('&')}` : `#${scene}`;
  return [value, rest];
}

/** The step number (1-based) a `tour=` value names, or null if it names none. */
function stepOf(value) {
  if (!/^\s*[0-9]+\s*$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= STEPS.length ? number : null;
}

/** Whether a key event belongs to a field being typed in, or carries a modifier (a browser or
 *  system shortcut): the tour's keys leave those alone. */
function notForTour(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"], [role="tab"]'));
}

/**
 * Creates the tour. `panel` is its (hidden) aside and `button` the header's Tour button.
 * Returns `page`, the page-level setting handler link.js takes (`open(hash)` and `params()`),
 * and `attach(links)`, to call once link.js follows the address; the tour opens its steps
 * through `links.open` and rewrites the address through `links.write`.
 */
export function createTour(panel, button) {
  let step = null;
  let links = null;

  const $ = (selector) => panel.querySelector(selector);
  const previous = $('[data-tour="previous"]');
  const next = $('[data-tour="next"]');

  /** Fills the panel with step `number`'s text and formulas. */
  const show = (number) => {
    step = number;
    const { title, text, formulas, look } = STEPS[number - 1];
    $('[data-tour="count"]').textContent = `Step ${number} of ${STEPS.length}`;
    $('[data-tour="title"]').textContent = title;
    $('[data-tour="text"]').textContent = text;
    $('[data-tour="formulas"]').replaceChildren(...formulas.map((name) => formula(name)).filter(Boolean));
    $('[data-tour="look"]').textContent = look;
    previous.disabled = number === 1;
    next.disabled = number === STEPS.length;
    panel.hidden = false;
    document.body.classList.add('touring');
    button.setAttribute('aria-pressed', 'true');
  };
  const hide = () => {
    step = null;
    panel.hidden = true;
    document.body.classList.remove('touring');
    button.setAttribute('aria-pressed', 'false');
  };

  /** Opens step `number` in its prepared state: its link (with the tour's setting) through
   *  the page's link path. */
  const go = (number) => {
    const clamped = Math.min(Math.max(number, 1), STEPS.length);
    const [, rest] = takeTourParam(STEPS[clamped - 1].link);
    const [, tail] = rest.split('?');
    const head = rest.split('?')[0];
    links.open(`${head}?${tail ? `${tail}&` : ''}${PARAM}=${clamped}`);
  };
  /** Reopens the current step and resets its scene: whatever the audience changed is undone. */
  const restore = () => {
    if (step === null) return;
    go(step);
    const place = takeTourParam(STEPS[step - 1].link)[1].slice(1).split('?')[0] || 'lab';
    const reset = RESET[place];
    if (reset) document.querySelector(reset)?.click();
  };
  const leave = () => {
    if (step === null) return;
    hide();
    links.write();
  };

  previous.addEventListener('click', () => go(step - 1));
  next.addEventListener('click', () => go(step + 1));
  $('[data-tour="restore"]').addEventListener('click', restore);
  $('[data-tour="close"]').addEventListener('click', leave);
  // Folding keeps only the title and buttons in view (and stays so from step to step).
  const fold = $('[data-tour="fold"]');
  fold.addEventListener('click', () => {
    const folded = panel.classList.toggle('folded');
    fold.textContent = folded ? '▴' : '▾';
    fold.title = folded ? 'Show the step’s text and formulas' : 'Fold the panel to its title and buttons';
    fold.setAttribute('aria-expanded', String(!folded));
  });
  button.addEventListener('click', () => (step === null ? go(1) : leave()));

  // T, → ← and PageDown / PageUp (what presentation clickers send) join the page's shortcuts,
  // so the ? overlay lists them; the arrows act only during the tour. Escape leaves it.
  const touring = () => step !== null;
  addShortcuts([
    { keys: ['t', 'T'], shown: ['T'], label: 'Start or leave the guided tour', run: () => (touring() ? leave() : go(1)) },
    { keys: ['ArrowRight', 'PageDown'], shown: ['→', 'PgDn'], label: 'Next tour step', when: touring, run: () => step < STEPS.length && go(step + 1) },
    { keys: ['ArrowLeft', 'PageUp'], shown: ['←', 'PgUp'], label: 'Previous tour step', when: touring, run: () => step > 1 && go(step - 1) },
  ]);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !touring() || notForTour(event)) return;
    leave();
    event.preventDefault();
  });

  const page = {
    /** Takes the tour's setting out of an address being opened: shows its step (an address
     *  that names no settings opens the step's prepared link), refuses a malformed one, and
     *  leaves the tour when the address has none. */
    open(hash) {
      const [value, rest] = takeTourParam(hash);
      if (value === null) {
        hide();
        return { hash, messages: [] };
      }
      const number = stepOf(value);
      if (number === null) {
        hide();
        const shown = value === '' ? PARAM : `${PARAM}=${value}`;
        return {
          hash: rest,
          messages: [`This link's ${shown} was ignored: the tour's steps are numbered 1 to ${STEPS.length}.`],
        };
      }
      show(number);
      return { hash: rest.includes('?') ? rest : takeTourParam(STEPS[number - 1].link)[1], messages: [] };
    },
    /** The tour's setting for the address written: `tour=7` while on step 7, else nothing. */
    params: () => (step === null ? '' : `${PARAM}=${step}`),
  };

  return {
    page,
    attach(following) {
      links = following;
    },
  };
}

/** The tour's panel: its step count, title, text, formulas, what to try, and its buttons. */
export function tourPanel() {
  const part = (tag, name, attributes = {}, children = []) => element(tag, { 'data-tour': name, ...attributes }, children);
  return element('aside', { id: 'tour', class: 'tour', 'aria-label': 'Lecture tour', hidden: '' }, [
    element('div', { class: 'tour-head' }, [
      part('span', 'count', { class: 'tour-count' }),
      element('div', { class: 'tour-head-buttons' }, [
        part('button', 'fold', { type: 'button', class: 'tour-fold', title: 'Fold the panel to its title and buttons', 'aria-expanded': 'true' }, ['▾']),
        part('button', 'close', { type: 'button', class: 'tour-close', title: 'Leave the tour (Escape)', 'aria-label': 'Leave the tour' }, ['×']),
      ]),
    ]),
    part('h2', 'title', { class: 'tour-title', 'aria-live': 'polite' }),
    part('p', 'text', { class: 'tour-text' }),
    part('div', 'formulas', { class: 'tour-formulas' }),
    element('p', { class: 'tour-look' }, [element('strong', { text: 'Try: ' }), part('span', 'look')]),
    element('div', { class: 'tour-buttons' }, [
      part('button', 'previous', { type: 'button', title: 'The previous step (← or PageUp)' }, ['← Previous']),
      part('button', 'restore', { type: 'button', title: 'Undo what changed since the step opened' }, ['Back to the step']),
      part('button', 'next', { type: 'button', class: 'primary', title: 'The next step (→ or PageDown)' }, ['Next →']),
    ]),
  ]);
}
