// Exports and the state file: a PNG button by every picture (at the canvas's device
// resolution; the browser's own "Save image as…" works too), CSV of the lab's loss history and
// of the race's trajectories, and the whole page's state as JSON, which "Open state…" or a
// .json file dropped anywhere on the page brings back to the identical view. Rust writes the
// CSV and JSON and reads the JSON (a bad file changes nothing and says what is wrong, where).
import { parseState, stateJson } from './pkg/descent.js';
import { clearNotice, element, fail, report } from './ui.js';

/** Pictures drawn in stacked layers: saved as one image, the first canvas's size. */
const STACKS = { 'race-surface': ['race-surface', 'race-trails', 'race-overlay'] };
const LAYERS = new Set(Object.values(STACKS).flatMap((ids) => ids.slice(1)));

/** Downloads `blob` as `name`. */
function download(name, blob) {
  const url = URL.createObjectURL(blob);
  element('a', { href: url, download: name }).click();
  // The download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The picture of `canvas` (with the layers stacked on it) as a PNG blob, at its device
 *  resolution. */
function png(canvas) {
  const layers = (STACKS[canvas.id] ?? [canvas.id]).map((id) => document.getElementById(id));
  let source = canvas;
  if (layers.length > 1) {
    source = element('canvas');
    source.width = canvas.width;
    source.height = canvas.height;
    const context = source.getContext('2d');
    for (const layer of layers) if (layer.width && layer.height) context.drawImage(layer, 0, 0, canvas.width, canvas.height);
  }
  return new Promise((resolve, reject) =>
    source.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture is empty'))), 'image/png'),
  );
}

/** A small button after `anchor`. */
function buttonAfter(anchor, text, title, action) {
  const button = element('button', { type: 'button', class: 'export-button', text, title });
  button.addEventListener('click', async () => {
    try {
      await action();
    } catch (error) {
      if (error instanceof Error && error.constructor === Error) report(error);
      else fail(error);
    }
  });
  // In a figure, beside its caption; otherwise under the picture.
  const caption = anchor.tagName === 'FIGURE' ? anchor.querySelector('figcaption') : null;
  if (caption) caption.append(' ', button);
  else anchor.after(button);
  return button;
}

/** Wires every export; `links` is link.js's (its `snapshot` and `applyState`). */
export function mountExports(scenes, links) {
  for (const canvas of document.querySelectorAll('main canvas')) {
    if (LAYERS.has(canvas.id)) continue;
    const anchor = canvas.closest('figure, .canvas-box, .chart-box, .race-canvases') ?? canvas;
    const what = canvas.getAttribute('aria-label') ?? 'this picture';
    const button = buttonAfter(anchor, 'PNG', `Save the picture (${what}) as a PNG image`, async () => {
      if (!canvas.width || !canvas.height) throw new Error('This picture is not shown, so it has nothing to save.');
      download(`descent-${canvas.id}.png`, await png(canvas));
    });
    button.dataset.canvas = canvas.id;
  }
  const csv = (text) => new Blob([text], { type: 'text/csv' });
  buttonAfter(document.querySelector('#lab .chart-box'), 'Loss history CSV', 'Download the loss history: step, data loss, regularization loss, total, accuracy', () =>
    download('descent-lab-history.csv', csv(scenes.lab.handle.historyCsv())),
  ).id = 'lab-history-csv';
  buttonAfter(document.querySelector('#race .race-charts'), 'Trajectories CSV', 'Download every racer’s trajectory: racer, step, x, y, loss, learning rate', () =>
    download('descent-race-trajectories.csv', csv(scenes.race.handle.trajectoriesCsv())),
  ).id = 'race-trajectories-csv';

  // The state file.
  document.getElementById('save-state').addEventListener('click', () => {
    const { links: queries, at } = links.snapshot();
    const text = stateJson(at, Object.keys(queries), Object.values(queries));
    download('descent-state.json', new Blob([text], { type: 'application/json' }));
  });
  const picker = document.getElementById('open-state-file');
  document.getElementById('open-state').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    const [file] = picker.files;
    picker.value = '';
    if (file) openState(file);
  });
  // A .json file dropped anywhere on the page (a CSV dropped on the lab's canvas is its own).
  const isJson = (event) => [...(event.dataTransfer?.items ?? [])].some((item) => item.kind === 'file' && /json/.test(item.type));
  document.addEventListener('dragover', (event) => {
    if (isJson(event)) event.preventDefault();
  }, true);
  document.addEventListener('drop', (event) => {
    const file = [...(event.dataTransfer?.files ?? [])].find((f) => /\.json$/i.test(f.name) || /json/.test(f.type));
    if (!file) return;
    event.preventDefault();
    event.stopPropagation();
    openState(file);
  }, true);

  /** Reads a state file and brings the page to it; a bad one changes nothing and says why. */
  async function openState(file) {
    let state;
    try {
      state = parseState(await file.text());
      const places = new Set(Object.keys(links.snapshot().links));
      const unknown = Object.keys(state.links).find((place) => !places.has(place));
      if (unknown !== undefined) throw new Error(`links.${unknown}: this page has no scene or view "${unknown}"`);
    } catch (error) {
      report(new Error(`"${file.name}" was not opened: ${error.message}. Nothing changed.`));
      return;
    }
    try {
      const notices = links.applyState(state, `The state file's settings`);
      if (notices.length) report(notices.join(' '));
      else clearNotice();
    } catch (error) {
      fail(error);
    }
  }
}
