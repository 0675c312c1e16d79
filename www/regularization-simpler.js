// The "prefer simpler models" view: a polynomial fitted to noisy samples of sin(πx) by least
// squares plus λΣc_k², with training points to drag and held-out points that measure the fit.
import { SimplerView } from './pkg/descent.js';
import { attempt, devicePoint, fitCanvases, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';

/** Forwards pointer presses and drags on a canvas (in device pixels) to a view, for a mouse, a
 *  pen or a finger alike; only the pointer that picked a point up moves it (a second finger
 *  moves nothing). `onRelease` redraws once the drag ends. */
function draggable(canvas, view, draw, onMove, onRelease) {
  let dragging = null;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || dragging !== null) return;
    if (view.press(...devicePoint(canvas, event))) {
      dragging = event.pointerId;
      canvas.setPointerCapture(event.pointerId);
      draw();
    }
  });
  canvas.addEventListener('pointermove', (event) => {
    if (event.pointerId !== dragging) return;
    if (attempt(() => view.drag(...devicePoint(canvas, event)))) onMove();
  });
  const release = (event) => {
    if (event.pointerId !== dragging) return;
    dragging = null;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    view.release();
    onRelease();
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
}

/** Mounts the simpler-models view in its panel; returns its handle and redraw. */
export function mountSimpler(root) {
  const canvas = root.querySelector('#simpler-canvas');
  const chart = root.querySelector('#simpler-chart');
  // Rebuildable: after an internal error the page makes a fresh view behind the same handle.
  const { handle: view, rebuild, halt, halted } = rebuildable(() => new SimplerView(canvas, chart));
  const $ = (id) => root.querySelector(`#${id}`);
  const show = () => {
    $('simpler-lambda').textContent = view.lambdaText;
    $('simpler-train').textContent = view.trainErrorText;
    $('simpler-test').textContent = view.testErrorText;
    $('simpler-penalty').textContent = view.penaltyText;
  };
  const drawFit = () => {
    view.render();
    show();
  };
  const draw = () => {
    if (halted()) return;
    drawFit();
    view.renderChart();
  };
  // A drag moves points, which no setting describes: only the controls call the table.
  bindSettings(root, view, draw);
  draggable(canvas, view, drawFit, drawFit, draw);
  const fit = fitCanvases(
    [
      [canvas, (...size) => halted() || view.resize(...size)],
      [chart, (...size) => halted() || view.resizeChart(...size)],
    ],
    draw,
  );
  return { handle: view, redraw: fit, rebuild, halt };
}
