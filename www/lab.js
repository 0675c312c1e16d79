// The classifier lab's glue: canvas sizing and readouts.
import { LabView } from './pkg/descent.js';
import { deviceSize } from './ui.js';

const DECIMALS = 4;

/** Mounts the lab in its section; returns the scene's hooks for the page's frame loop. */
export function mountLab(root) {
  const canvas = root.querySelector('#lab-canvas');
  const lab = new LabView(canvas);

  const show = () => {
    root.querySelector('#data-loss').textContent = lab.dataLoss.toFixed(DECIMALS);
    root.querySelector('#regularization-loss').textContent = lab.regularizationLoss.toFixed(DECIMALS);
    root.querySelector('#total-loss').textContent = lab.totalLoss.toFixed(DECIMALS);
  };
  const draw = () => {
    lab.resize(...deviceSize(canvas));
    lab.render();
    show();
  };
  new ResizeObserver(draw).observe(canvas);
  return { handle: lab, redraw: draw, frame() {} };
}
