// The page's glue: loads the wasm module, sizes canvases to device pixels, forwards events and
// shows readouts. All math and drawing happen in Rust.
import init, { LabView } from './pkg/descent.js';

const notice = document.getElementById('notice');

/** Shows an error where the user sees it (and leaves it on the console for tests). */
function report(error) {
  notice.textContent = error instanceof Error ? error.message : String(error);
  notice.hidden = false;
  console.error(error);
}

window.addEventListener('error', (event) => report(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => report(event.reason));

/** Sizes a canvas's backing store to its CSS box times devicePixelRatio. */
function deviceSize(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const box = canvas.getBoundingClientRect();
  return [Math.round(box.width * ratio), Math.round(box.height * ratio), ratio];
}

const DECIMALS = 4;

async function main() {
  await init();
  const canvas = document.getElementById('lab-canvas');
  const lab = new LabView(canvas);
  // The handle for the browser tests and the curious at the console.
  window.descent = { lab, regionColor: LabView.regionColor };

  const show = () => {
    document.getElementById('data-loss').textContent = lab.dataLoss.toFixed(DECIMALS);
    document.getElementById('regularization-loss').textContent = lab.regularizationLoss.toFixed(DECIMALS);
    document.getElementById('total-loss').textContent = lab.totalLoss.toFixed(DECIMALS);
  };
  const draw = () => {
    lab.resize(...deviceSize(canvas));
    lab.render();
    show();
  };
  new ResizeObserver(draw).observe(canvas);
  window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', draw);
  draw();
  document.body.dataset.ready = 'true';
}

main().catch(report);
