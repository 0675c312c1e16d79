// The weight-space view: a two-weight logistic classifier over (w₁, w₂); the optimum w*(λ) sits
// where a data-loss contour touches the penalty's level set, with its paths over λ for L2, L1
// and elastic net, and a chart of the optimal weights against log λ. The view draws both and
// formats every number shown.
import { WeightSpaceView } from './pkg/descent.js';
import { fitCanvases, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';

/** Mounts the weight-space view in its panel; returns its handle and redraw. */
export function mountWeights(root) {
  const canvas = root.querySelector('#weights-canvas');
  const chart = root.querySelector('#weights-chart');
  // Rebuildable: after an internal error the page makes a fresh view behind the same handle.
  const { handle: view, rebuild, halt, halted } = rebuildable(() => new WeightSpaceView(canvas, chart));
  const $ = (id) => root.querySelector(`#${id}`);
  const show = () => {
    $('weights-lambda').textContent = view.lambdaText;
    $('weights-w1').textContent = view.weightText(0);
    $('weights-w2').textContent = view.weightText(1);
    const [data, penalty, total] = view.lossTexts;
    $('weights-data').textContent = data;
    $('weights-penalty').textContent = penalty;
    $('weights-total').textContent = total;
    $('weights-crossing-0').textContent = view.crossingText(0);
    $('weights-crossing-1').textContent = view.crossingText(1);
  };
  const draw = () => {
    if (halted()) return;
    view.render();
    show();
  };
  bindSettings(root, view, draw);
  const fit = fitCanvases(
    [
      [canvas, (...size) => halted() || view.resize(...size)],
      [chart, (...size) => halted() || view.resizeChart(...size)],
    ],
    draw,
  );
  return { handle: view, redraw: fit, rebuild, halt };
}
