// The classifier lab's glue: mounts the canvas, the W/b grid, the per-point table, the chart
// and the settings; forwards buttons, gestures and settings to the lab; shows its readouts
// after every frame in which something changed. All state and all math live in the lab.
import { LabView } from './pkg/descent.js';
import { bindParams, element, fitCanvases, guarded } from './ui.js';
import { fixed, mountGrid } from './lab-grid.js';
import { mountTable } from './lab-table.js';
import { bindPointer } from './lab-pointer.js';
import { bindCsv } from './lab-csv.js';

const DECIMALS = 4;

/** A loss as the readouts show it: four decimals, or five significant digits when huge. */
function loss(value) {
  return Math.abs(value) < 1e6 ? value.toFixed(DECIMALS) : value.toExponential(DECIMALS);
}

/** Mounts the lab in its section; returns the scene's hooks for the page's frame loop. */
export function mountLab(root) {
  const $ = (selector) => root.querySelector(selector);
  const canvas = $('#lab-canvas');
  const chart = $('#lab-chart');
  const lab = new LabView(canvas, chart);
  let classes = 0;
  let refreshSettings = () => {};

  const act = (action) => guarded(action, () => changed());

  const grid = mountGrid($('#lab-params'), lab, () => changed());
  const table = mountTable($('#lab-table'), lab);
  const refreshFile = bindCsv(root, lab, () => changed());

  /** Rebuilds what depends on the number of classes: grid, table columns, class picker.
   *  Returns whether it did. */
  function reshape() {
    if (lab.classes === classes) return false;
    classes = lab.classes;
    const picker = $('#lab-add-class');
    picker.replaceChildren(
      ...Array.from({ length: classes }, (_, k) => {
        const option = new Option(`class ${k}`, String(k));
        option.style.color = LabView.classColor(k);
        return option;
      }),
    );
    grid.build();
    table.build();
    return true;
  }

  /** After any change: controls that no longer apply are disabled, values refreshed. */
  function changed() {
    reshape();
    refreshFile();
    refreshSettings();
    for (const control of root.querySelectorAll('.lab-settings [data-param], .canvas-tools [data-param]')) {
      const applies = lab.applies(control.dataset.param);
      const label = control.closest('label');
      if (control.closest('.optimizer-settings')) {
        // The optimizer lists only the current method's and schedule's settings.
        if (label) label.hidden = !applies;
      } else {
        control.disabled = !applies;
        label?.classList.toggle('inapplicable', !applies);
      }
    }
  }

  function show() {
    // A change made through the handle rather than a control (the console, a test, another
    // scene) may have changed the shape: follow it.
    if (reshape()) changed();
    $('#data-loss').textContent = loss(lab.dataLoss);
    $('#regularization-loss').textContent = loss(lab.regularizationLoss);
    $('#total-loss').textContent = loss(lab.totalLoss);
    $('#lab-accuracy').textContent = `${fixed(100 * lab.accuracy, 1)} %`;
    $('#lab-steps').textContent = lab.epoch > 0 ? `${lab.steps} (epoch ${lab.epoch})` : String(lab.steps);
    $('#lab-lr').textContent = String(Number(lab.learningRate.toPrecision(4)));
    const play = $('#lab-play');
    play.textContent = lab.running ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(lab.running));
    const stopped = lab.stopped;
    const divergence = $('#lab-divergence');
    divergence.hidden = !stopped;
    divergence.textContent = stopped ?? '';
    grid.update();
    table.update();
  }

  $('#lab-step').addEventListener('click', act(() => lab.step()));
  $('#lab-play').addEventListener('click', act(() => (lab.running ? lab.pause() : lab.play())));
  $('#lab-reset').addEventListener('click', act(() => lab.reset()));
  $('#lab-randomize').addEventListener('click', act(() => lab.randomize()));
  $('#lab-double').addEventListener('click', act(() => lab.scaleTheta(2)));
  $('#lab-regenerate').addEventListener('click', act(() => lab.regenerate()));
  $('#lab-check').addEventListener('click', () => showGradientCheck($('#lab-check-table'), lab));
  bindPointer(canvas, lab, () => {
    if (lab.hover >= 0) table.reveal(lab.hover);
  });
  const refreshers = ['.data-settings', '.training-settings', '.canvas-tools', '.chart-box', '.lab-actions'].map((selector) =>
    bindParams($(selector), lab, () => changed()),
  );
  refreshSettings = () => refreshers.forEach((refresh) => refresh());
  changed();

  const sizes = [
    [canvas, (...size) => lab.resize(...size)],
    [chart, (...size) => lab.resizeChart(...size)],
  ];
  const draw = fitCanvases(sizes, () => {
    lab.render();
    show();
  });
  return {
    handle: lab,
    redraw: draw,
    frame() {
      if (lab.frame()) show();
    },
  };
}

/** Fills the gradient-check table: every parameter's analytic and numeric derivative and
 *  their relative error. */
function showGradientCheck(table, lab) {
  const names = lab.paramNames();
  const rows = lab.gradientCheck();
  const titles = ['', 'analytic', 'numeric', 'relative error'];
  const head = element('tr', {}, titles.map((text) => element('th', { text })));
  const body = names.map((name, i) => {
    const [analytic, numeric, error] = rows.subarray(3 * i, 3 * i + 3);
    const texts = [name, analytic.toFixed(6), numeric.toFixed(6), error.toExponential(1)];
    return element('tr', { class: error < 1e-6 ? 'pass' : 'fail' }, texts.map((text) => element('td', { text })));
  });
  table.replaceChildren(head, ...body);
}
