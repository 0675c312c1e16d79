// Helpers every scene's glue shares: error notices and guarded actions, building elements,
// device-pixel sizing and pointer positions, and rebuildable handles (settings.js holds the
// settings panel). None of it is math.
import { drawingScale } from './present.js';

const notice = document.getElementById('notice');
// A notice stays until the next accepted change, or until it is clicked away: it floats over
// the page, so it must never hide a control for good.
notice.addEventListener('click', () => clearNotice());

/** Whether an error is the user's to fix: a message, or a plain `Error`, which is what Rust's
 *  exports throw when they refuse a value or an action (with the reason). Anything else (a
 *  TypeError, a wasm RuntimeError after a panic, …) is a defect of the page. */
function isRefusal(error) {
  return !(error instanceof Error) || error.constructor === Error;
}

/** Whether an error is a panic in wasm: the object that panicked is unusable from then on. */
export function isPanic(error) {
  return error instanceof WebAssembly.RuntimeError;
}

/** Shows a refusal or an error where the user sees it. A refusal goes to the console as
 *  information ("Refused: …"), not as an error: it is the page working as meant. A defect goes
 *  to the console as an error (and fails the browser tests). */
export function report(error) {
  if (isPanic(error)) {
    window.dispatchEvent(new CustomEvent('descent:panic', { detail: error }));
    return;
  }
  notice.textContent = error instanceof Error ? error.message : String(error);
  notice.hidden = false;
  if (isRefusal(error)) console.info(`Refused: ${notice.textContent}`);
  else console.error(error);
}

/** Shows a defect where the user sees it and logs it as an error, whatever its kind: for
 *  what no user input explains (an uncaught error, a failed animation frame). A panic is
 *  handed to the page, which stops the scene and offers to rebuild it. */
export function fail(error) {
  if (isPanic(error)) {
    window.dispatchEvent(new CustomEvent('descent:panic', { detail: error }));
    return;
  }
  notice.textContent = error instanceof Error ? error.message : String(error);
  notice.hidden = false;
  console.error(error);
}

/** Hides the error notice. */
export function clearNotice() {
  notice.hidden = true;
  notice.textContent = '';
}

/** Runs `action` (a call into Rust): clears the notice when it is accepted, or shows why it
 *  was refused. Returns whether it was accepted. */
export function attempt(action) {
  try {
    action();
    clearNotice();
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

/** A handler for a button or gesture: `attempt`s `action`, then runs `after` (a redraw) either
 *  way. */
export function guarded(action, after) {
  return () => {
    attempt(action);
    after();
  };
}

/** Creates an element: `attributes` are set as attributes, except `text`, which becomes its
 *  text; `children` (elements or strings) are appended. */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** The canvas's CSS box times devicePixelRatio, and the scale its drawing's text, lines and
 *  marks take (device pixels per CSS pixel of them: devicePixelRatio times presenter mode's
 *  drawing scale): [width, height, scale]. */
function deviceSize(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const box = canvas.getBoundingClientRect();
  return [Math.max(1, Math.round(box.width * ratio)), Math.max(1, Math.round(box.height * ratio)), ratio * drawingScale()];
}

/**
 * Keeps canvases' backing stores at their CSS size × devicePixelRatio: `sizes` pairs each
 * canvas with the call that resizes it, given `deviceSize(canvas)`. Returns `fit`, which
 * resizes every canvas and then runs `draw`; it runs whenever one of them changes size, and
 * serves as the redraw on demand.
 */
export function fitCanvases(sizes, draw) {
  // The sizes last given, by canvas: a ResizeObserver also reports each canvas once when it
  // starts observing it (just after the page's first frame), at the size just drawn.
  const given = new Map();
  const fit = () => {
    for (const [canvas, resize] of sizes) {
      const size = deviceSize(canvas);
      given.set(canvas, size.join(' '));
      resize(...size);
    }
    draw();
  };
  const observer = new ResizeObserver(() => {
    if (sizes.some(([canvas]) => given.get(canvas) !== deviceSize(canvas).join(' '))) fit();
  });
  for (const [canvas] of sizes) observer.observe(canvas);
  return fit;
}

/** Where a pointer event falls on a canvas, in the canvas's device pixels: [x, y]. */
export function devicePoint(canvas, event) {
  const box = canvas.getBoundingClientRect();
  return [((event.clientX - box.left) * canvas.width) / box.width, ((event.clientY - box.top) * canvas.height) / box.height];
}

/**
 * A handle on a wasm object that can be stopped and replaced by a fresh one: after a panic the
 * old object answers nothing but errors, so `halt(why)` makes every use of the handle refuse
 * with `why` (another scene asking for it gets a plain message, never the old object's), and
 * `rebuild()` makes a new object with `create`; every property and method of the handle goes
 * to it from then on (the scene's glue and the other scenes holding the handle need not know).
 * `halted()` says whether the handle is stopped.
 */
export function rebuildable(create) {
  let current = create();
  let why = null;
  const refuse = () => {
    throw new Error(why);
  };
  const handle = new Proxy(
    {},
    {
      get(_, key) {
        if (why) return refuse;
        const value = current[key];
        return typeof value === 'function' ? value.bind(current) : value;
      },
      set(_, key, value) {
        current[key] = value;
        return true;
      },
    },
  );
  const rebuild = () => {
    const broken = current;
    current = create();
    why = null;
    try {
      broken.free();
    } catch {
      // A panicked object may refuse even to be freed: its memory is left to the page's end.
    }
  };
  return {
    handle,
    rebuild,
    halt: (reason) => {
      why = reason;
    },
    halted: () => why !== null,
  };
}
