// The classifier lab's held-out readouts, the λ sweep's button and chart, and the list of
// prepared examples. The numbers come from the lab's readouts (see LabView::readouts).
import { element, guarded } from './ui.js';
import { fixed } from './lab-grid.js';
import { LAB_EXAMPLES } from './lab-examples.js';

/** Positions of the held-out and sweep figures in `lab.readouts()`, after the lab's own. */
export const FEATURE_READOUT = { heldLoss: 12, heldAccuracy: 13, training: 14, heldOut: 15, sweepDone: 16, sweepTotal: 17, params: 18 };

/** Mounts the held-out readouts, the sweep and the examples in the lab's `root`. Returns
 *  { size, attach, show }: the sweep chart's entry for `fitCanvases`, the call that (re)attaches
 *  the chart to a (rebuilt) lab, and the readouts' refresh. */
export function mountFeatures(root, lab, halted, after) {
  const $ = (selector) => root.querySelector(selector);
  const canvas = $('#lab-sweep-chart');
  $('#lab-sweep').addEventListener('click', guarded(() => lab.startSweep(), after));
  mountExamples($('#lab-examples'));

  function show(r) {
    const held = r[FEATURE_READOUT.heldOut];
    const loss = r[FEATURE_READOUT.heldLoss];
    const accuracy = r[FEATURE_READOUT.heldAccuracy];
    $('#held-out-loss').textContent = held > 0 ? loss.toFixed(4) : '– (none held out)';
    // The held-out rows and legend key show only while points are held out.
    $('#held-out-readouts').hidden = !(held > 0);
    $('.chart-legend .held-out').hidden = !(held > 0);
    $('#held-out-accuracy').textContent = held > 0 ? `${fixed(100 * accuracy, 1)} % of ${held}` : '–';
    $('#lab-training-points').textContent = String(r[FEATURE_READOUT.training]);
    const [done, total] = [r[FEATURE_READOUT.sweepDone], r[FEATURE_READOUT.sweepTotal]];
    const best = lab.sweepBest;
    let status = 'Training and held-out data loss for 25 values of λ.';
    if (total > 0 && done < total) status = `Sweeping λ: ${done} of ${total}…`;
    else if (total > 0) status = Number.isNaN(best) ? 'Done (hold points out to see the held-out curve).' : `Done: the held-out loss is lowest at λ = ${best.toPrecision(2)}.`;
    const output = $('#lab-sweep-status');
    if (output.textContent !== status) output.textContent = status;
  }

  return {
    size: [canvas, (...size) => halted() || lab.resizeSweepChart(...size)],
    attach: () => lab.attachSweepChart(canvas),
    show,
  };
}

/** Fills `list` with one link per prepared example. */
function mountExamples(list) {
  list.replaceChildren(
    ...LAB_EXAMPLES.map(({ title, hash, text }) =>
      element('li', {}, [element('a', { href: hash, text: title }), element('span', { class: 'example-text', text: ` — ${text}` })]),
    ),
  );
}
