// Pointer gestures on the lab's canvas, forwarded to the lab in device pixels: the lab decides
// what a press, a drag, a modifier-press or a long press does to the points.
import { attempt, devicePoint } from './ui.js';

/** How long a press must be held to remove a point (touch screens have no Shift key). */
const LONG_PRESS_MS = 600;

/** Wires the canvas's pointer events to the lab; `onHover` runs after every move. */
export function bindPointer(canvas, lab, onHover) {
  let timer = 0;
  // A touch or pen press in progress: its long press removes a point, so the browser's menu
  // (which a long touch opens) is held back only then; a right-click opens it as anywhere.
  let touching = false;
  const cancelLongPress = () => clearTimeout(timer);
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    touching = event.pointerType !== 'mouse';
    canvas.setPointerCapture(event.pointerId);
    const remove = event.shiftKey || event.altKey || event.ctrlKey || event.metaKey;
    attempt(() => lab.pointerDown(...devicePoint(canvas, event), remove));
    cancelLongPress();
    timer = setTimeout(() => attempt(() => lab.longPress()), LONG_PRESS_MS);
  });
  canvas.addEventListener('pointermove', (event) => {
    attempt(() => lab.pointerMove(...devicePoint(canvas, event)));
    onHover();
  });
  for (const type of ['pointerup', 'pointercancel']) {
    canvas.addEventListener(type, () => {
      touching = false;
      cancelLongPress();
      lab.pointerUp();
    });
  }
  canvas.addEventListener('pointerleave', () => {
    cancelLongPress();
    lab.pointerLeave();
  });
  canvas.addEventListener('contextmenu', (event) => {
    if (touching) event.preventDefault();
  });
}
