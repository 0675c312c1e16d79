// The classifier lab's glue: mounts the canvas, the W/b grid, the per-point table, the chart
// and the settings; forwards buttons, gestures and settings to the lab; shows its readouts
// after every frame in which something changed. All state and all math live in the lab.
import { LabView } from './pkg/descent.js';
import { element, fitCanvases, guarded, rebuildable } from './ui.js';
import { bindSettings } from './settings.js';
import { fixed, mountGrid } from './lab-grid.js';
import { mountTable } from './lab-table.js';
import { bindPointer } from './lab-pointer.js';
import { bindCsv } from './lab-csv.js';
import { FEATURE_READOUT, mountFeatures } from './lab-features.js';

const DECIMALS = 4;

/** A loss as the readouts show it: four decimals, or five significant digits when huge. */
function loss(value) {
  return Math.abs(value) < 1e6 ? value.toFixed(DECIMALS) : value.toExponential(DECIMALS);
}

/** The readouts of one call to `lab.readouts()`, by position (see LabView::readouts). */
const READOUT = { data: 0, regularization: 1, total: 2, accuracy: 3, step: 4, epoch: 5, lr: 6, running: 7, stopped: 8, points: 9, classes: 10, stalled: 11, done: 19, candidates: 20, growing: 21 };

/** Mounts the lab in its section; returns the scene's hooks for the page's frame loop. */
export function mountLab(root) {
  const $ = (selector) => root.querySelector(selector);
  const canvas = $('#lab-canvas');
  const chart = $('#lab-chart');
  const scheduleChart = $('#lab-schedule-chart');
  // Rebuildable: after an internal error the page makes a fresh lab behind the same handle.
  const { handle: lab, rebuild, halt, halted } = rebuildable(() => {
    const view = new LabView(canvas, chart);
    view.attachScheduleChart(scheduleChart);
    return view;
  });
  let classes = 0;
  let params = 0;
  let running = false;

  const grid = mountGrid($('#lab-params'), lab, () => changed());
  const table = mountTable($('#lab-table'), lab);
  const refreshFile = bindCsv(root, lab, () => changed());
  const act = (action) => guarded(action, () => changed());
  const features = mountFeatures(root, lab, () => halted(), () => changed());
  features.attach();

  /** Rebuilds what depends on the number of classes and of parameters: grid, table columns,
   *  class picker (one option per class, in its colour). Returns whether it did. */
  function reshape(count, length = params) {
    if (count === classes && length === params) return false;
    classes = count;
    params = length;
    $('#lab-add-class').replaceChildren(
      ...Array.from({ length: classes }, (_, k) => {
        const option = new Option(`class ${k}`, String(k));
        option.style.color = LabView.classColor(k);
        return option;
      }),
    );
    grid.build();
    table.build();
    // The rebuilt grid and class picker show their settings (and nothing else is touched: a
    // field being typed in keeps its text).
    settings.all($('#lab-params'));
    settings.all($('.canvas-tools'));
    return true;
  }

  /** After a change: the panel follows the settings that changed (the binding did that for a
   *  control's own change; anything else asks the lab). */
  function changed() {
    settings();
  }

  function show() {
    const r = lab.readouts();
    // A change made through the handle rather than a control (the console, a test, another
    // scene) may have changed the shape: follow it.
    if (reshape(r[READOUT.classes], r[FEATURE_READOUT.params])) settings();
    $('#data-loss').textContent = loss(r[READOUT.data]);
    $('#regularization-loss').textContent = loss(r[READOUT.regularization]);
    $('#total-loss').textContent = loss(r[READOUT.total]);
    const accuracy = r[READOUT.accuracy];
    $('#lab-accuracy').textContent = Number.isNaN(accuracy) ? '– (no points)' : `${fixed(100 * accuracy, 1)} %`;
    const [step, epoch] = [r[READOUT.step], r[READOUT.epoch]];
    const [done, candidates] = [r[READOUT.done], r[READOUT.candidates]];
    // An update that takes several frames (random search over many points) shows how far it is.
    const progress = candidates > 0 ? ` · step ${step + 1}: ${done} of ${candidates} candidates` : '';
    $('#lab-steps').textContent = (epoch > 0 ? `${step} (epoch ${epoch})` : String(step)) + progress;
    $('#lab-lr').textContent = String(Number(r[READOUT.lr].toPrecision(4)));
    running = r[READOUT.running] === 1;
    const play = $('#lab-play');
    play.textContent = running ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(running));
    const divergence = $('#lab-divergence');
    const stopped = r[READOUT.stopped] === 1 ? lab.stopped : null;
    divergence.hidden = !stopped;
    if (divergence.textContent !== (stopped ?? '')) divergence.textContent = stopped ?? '';
    // The learning-rate chart shows while the rate changes over the run.
    $('#lab-schedule-figure').hidden = !lab.showsSchedule;
    const warning = $('#lab-schedule-warning');
    const stalled = r[READOUT.stalled] === 1 && !stopped ? lab.scheduleWarning : null;
    warning.hidden = !stalled;
    if (warning.textContent !== (stalled ?? '')) warning.textContent = stalled ?? '';
    features.show(r);
    const growth = $('#lab-growth-warning');
    const growing = r[READOUT.growing] === 1 && !stopped ? lab.growthWarning : null;
    growth.hidden = !growing;
    if (growth.textContent !== (growing ?? '')) growth.textContent = growing ?? '';
    grid.update();
    table.update();
  }

  $('#lab-step').addEventListener('click', act(() => lab.step()));
  $('#lab-play').addEventListener('click', act(() => (running ? lab.pause() : lab.play())));
  $('#lab-reset').addEventListener('click', act(() => lab.reset()));
  $('#lab-randomize').addEventListener('click', act(() => lab.randomize()));
  $('#lab-double').addEventListener('click', act(() => lab.scaleTheta(2)));
  $('#lab-regenerate').addEventListener('click', act(() => lab.regenerate()));
  $('#lab-check').addEventListener('click', () => showGradientCheck($('#lab-check-table'), lab));
  bindPointer(canvas, lab, () => {
    changed();
    if (lab.hover >= 0) table.reveal(lab.hover);
  });
  const settings = bindSettings(root, lab, () => refreshFile());
  reshape(lab.classes);

  // A stopped lab is neither sized nor drawn until it is rebuilt.
  const sizes = [
    [canvas, (...size) => halted() || lab.resize(...size)],
    [chart, (...size) => halted() || lab.resizeChart(...size)],
    [scheduleChart, (...size) => halted() || lab.resizeScheduleChart(...size)],
    features.size,
  ];
  const draw = fitCanvases(sizes, () => {
    if (halted()) return;
    lab.render();
    show();
  });
  return {
    handle: lab,
    redraw: draw,
    frame() {
      if (lab.frame()) show();
    },
    /** Stops the lab after an internal error: it is no longer sized, drawn or asked anything,
     *  and whoever asks gets `why`. */
    halt,
    /** A fresh lab in place of one that hit an internal error (the page then reopens the
     *  link, which brings back its settings). */
    rebuild() {
      rebuild();
      features.attach();
      classes = 0;
      draw();
      settings();
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
