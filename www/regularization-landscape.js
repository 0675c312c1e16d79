// The loss-landscape view: the classifier lab's total loss on a plane through its current θ,
// L(θ + αd₁ + βd₂), computed progressively by the view across frames.
import { LandscapeView } from './pkg/descent.js';
import { fitCanvases, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';

/** Mounts the landscape view in its panel; the plane goes through the model of `lab` (the
 *  classifier lab's handle). Returns its handle, redraw and frame hook. */
export function mountLandscape(root, { lab }) {
  const canvas = root.querySelector('#landscape-canvas');
  // Rebuildable: after an internal error the page makes a fresh view behind the same handle.
  const { handle: view, rebuild, halt, halted } = rebuildable(() => new LandscapeView(canvas));
  const $ = (id) => root.querySelector(`#${id}`);
  const show = () => {
    $('landscape-range').textContent = view.rangeText;
    $('landscape-center').textContent = view.centerValueText;
    const [low, high] = view.rangeTexts;
    $('landscape-low').textContent = low;
    $('landscape-high').textContent = high;
    const n = view.resolution;
    $('landscape-resolution').textContent = n === 0 ? '…' : `${n} × ${n}${view.complete ? '' : ' …'}`;
    const [first, second] = view.axisNames;
    $('landscape-axes').textContent = `Horizontal: ${first}; vertical: ${second}. The white line is the optimizer's trajectory, projected onto the plane; the orange dot is θ.`;
  };
  const draw = () => {
    if (halted()) return;
    view.render();
    show();
  };
  // The plane goes through the lab's current model (whose parameters the axes offer).
  const sync = () => {
    const snapshot = lab.snapshot();
    try {
      view.sync(snapshot);
    } finally {
      snapshot.free();
    }
  };
  // Which controls apply (the seed to random directions, the axes to two parameters) is the
  // view's to say: the panel hides the others.
  const refresh = bindSettings(root, view, draw);
  const fit = fitCanvases([[canvas, (...size) => halted() || view.resize(...size)]], draw);
  return {
    handle: view,
    rebuild,
    halt,
    redraw: () => {
      sync();
      refresh();
      fit();
    },
    frame: () => {
      if (view.frame()) show();
    },
  };
}
