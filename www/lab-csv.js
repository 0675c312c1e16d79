// Points from and to CSV files: "Load CSV…" (or a file dropped on the canvas) imports the
// file across frames: its bytes go to the lab a chunk per frame, each frame reads lines for its
// budget and the notice over the canvas shows how far it is, with Cancel (or Escape); once read,
// the lab takes the points or says why it cannot. "Save CSV" downloads the lab's own
// serialization of the current points. The dataset menu lists the loaded file.
import { CsvImportView, LabView } from './pkg/descent.js';
import { attempt, element, report } from './ui.js';

/** The dataset menu's value for the loaded file (the lab's name for it). */
const FILE = 'file';

/** Files from this size (bytes, about 10,000 rows) take longer than a frame to read: the
 *  notice shows how far the reading is, with Cancel, until the points are shown. */
const PROGRESS_BYTES = 200_000;

/** The bytes handed to the lab per frame: copying them into wasm takes well under a
 *  millisecond, and the lab reads lines from them faster than a frame's budget goes. */
const CHUNK_BYTES = 2 << 20;

/** The file's size as the notice shows it. */
function sizeText(bytes) {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The notice over the canvas while a large file is read: "Reading points.csv (2.3 MB): 42 %"
 *  and Cancel; nothing for a small one (read within a frame or two). */
function showProgress(box, file, cancel) {
  if (file.size < PROGRESS_BYTES) return null;
  const text = element('span', { class: 'csv-progress-text' });
  const button = element('button', { type: 'button', class: 'csv-cancel', title: 'Stop reading the file; the lab keeps its points (Escape)', text: 'Cancel' });
  button.addEventListener('click', cancel);
  const status = element('div', { class: 'csv-progress', role: 'status' }, [text, button]);
  const show = (fraction) => {
    text.textContent = `Reading ${file.name} (${sizeText(file.size)}): ${Math.floor(100 * fraction)} %`;
  };
  show(0);
  box.append(status);
  return { show, remove: () => status.remove() };
}

/** Wires the Data panel's CSV buttons and the canvas's drop target; `onChange` runs after a
 *  load. Returns `refresh`, which lists the loaded file in the dataset menu. */
export function bindCsv(root, lab, onChange) {
  const $ = (selector) => root.querySelector(selector);
  const input = $('#lab-csv-input');
  const menu = $('[data-param="dataset"]');
  const target = $('.canvas-box');

  /** The import under way: { cancel }, or null. */
  let current = null;

  /** Imports the file (at most one byte past the lab's limit: a larger file is refused without
   *  being read): its bytes are read a chunk at a time (never the whole file in one piece),
   *  one chunk goes to the lab per frame, and the lab reads lines for each frame's budget.
   *  Another import, Cancel, Escape or leaving the scene stops it, and the lab is untouched
   *  until every line is read. A file that cannot be read is reported. */
  function load(file) {
    current?.cancel();
    const size = Math.min(file.size, LabView.csvByteLimit() + 1);
    const importer = new CsvImportView(size);
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      progress?.remove();
      importer.free();
      if (current === job) current = null;
    };
    const job = { cancel: stop };
    current = job;
    const progress = showProgress(target, file, stop);
    const fail = (error) => {
      stop();
      report(error);
    };
    // The bytes handed in so far, and the next chunk once it is read.
    let offset = 0;
    let chunk = null;
    const readChunk = () => {
      file.slice(offset, Math.min(size, offset + CHUNK_BYTES)).arrayBuffer().then(
        (buffer) => {
          chunk = new Uint8Array(buffer);
        },
        (error) => stopped || fail(error),
      );
    };
    if (size === 0) importer.end();
    else readChunk();
    const frame = () => {
      // Another scene shown: the import stops, as if cancelled.
      if (!stopped && root.hidden) stop();
      if (stopped) return;
      try {
        if (chunk) {
          const bytes = chunk;
          chunk = null;
          importer.push(bytes);
          offset += bytes.length;
          if (offset < size) readChunk();
          else importer.end();
        }
        const fraction = importer.read();
        if (importer.done) {
          attempt(() => lab.loadImport(file.name, importer));
          stop();
          onChange();
          return;
        }
        progress?.show(fraction);
      } catch (error) {
        fail(error);
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current) {
      current.cancel();
      event.preventDefault();
    }
  });

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
