// Points from and to CSV files: "Load CSV…" (or a file dropped on the canvas) hands the file's
// bytes to the lab, which reads them or says why it cannot; "Save CSV" downloads the lab's own
// serialization of the current points. The dataset menu lists the loaded file.
import { LabView } from './pkg/descent.js';
import { attempt, element, report } from './ui.js';

/** The dataset menu's value for the loaded file (the lab's name for it). */
const FILE = 'file';

/** Files from this size (bytes, about 10,000 rows) take longer than a frame to read: a
 *  status says the file is being read until its points are shown. */
const PROGRESS_BYTES = 200_000;

/** Resolves once the page has painted what changed (two animation frames). */
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Shows "Reading …" over the canvas for a large file, or nothing for a small one. */
function showProgress(box, file) {
  if (file.size < PROGRESS_BYTES) return null;
  const size = file.size >= 1 << 20 ? `${(file.size / (1 << 20)).toFixed(1)} MB` : `${Math.round(file.size / 1024)} KB`;
  const status = element('p', { class: 'csv-progress', role: 'status', text: `Reading ${file.name} (${size})…` });
  box.append(status);
  return status;
}

/** Wires the Data panel's CSV buttons and the canvas's drop target; `onChange` runs after a
 *  load. Returns `refresh`, which lists the loaded file in the dataset menu. */
export function bindCsv(root, lab, onChange) {
  const $ = (selector) => root.querySelector(selector);
  const input = $('#lab-csv-input');
  const menu = $('[data-param="dataset"]');
  const target = $('.canvas-box');

  /** Reads the file (at most one byte past the lab's limit: a larger file is refused without
   *  being read) and hands its bytes to the lab; a file that cannot be read is reported. */
  function load(file) {
    const progress = showProgress(target, file);
    file
      .slice(0, LabView.csvByteLimit() + 1)
      .arrayBuffer()
      .then(async (buffer) => {
        // Painted before the lab reads the file, which takes longer than a frame when large.
        if (progress) await nextPaint();
        attempt(() => lab.loadCsv(file.name, new Uint8Array(buffer)));
      }, report)
      .finally(() => progress?.remove())
      .then(() => onChange());
  }

  $('#lab-load-csv').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = ''; // so that choosing the same file again loads it again
    if (file) load(file);
  });

  const dragsFiles = (event) => event.dataTransfer?.types.includes('Files');
  target.addEventListener('dragover', (event) => {
    if (!dragsFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    target.classList.add('dropping');
  });
  target.addEventListener('dragleave', () => target.classList.remove('dropping'));
  target.addEventListener('drop', (event) => {
    if (!dragsFiles(event)) return;
    event.preventDefault();
    target.classList.remove('dropping');
    const [file] = event.dataTransfer.files;
    if (file) load(file);
  });

  $('#lab-save-csv').addEventListener('click', () => {
    const name = lab.get('dataset') === FILE ? lab.fileName : `descent-${lab.get('dataset')}.csv`;
    const url = URL.createObjectURL(new Blob([lab.toCsv()], { type: 'text/csv' }));
    element('a', { href: url, download: name }).click();
    // The download has taken its copy by then.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  /** The loaded file's entry in the dataset menu (Rust lists it, with a shortened name)
   *  shows the whole name as its tooltip. */
  return function refresh() {
    const option = menu.querySelector(`option[value="${FILE}"]`);
    if (option) option.title = lab.fileName ?? '';
  };
}
