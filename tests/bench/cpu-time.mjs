// CPU time of the wasm's hot paths in Node's V8 (the engine Chromium runs), with no-op canvases:
// the pixels are still computed by the wasm, the drawing calls do nothing. Process CPU time
// barely moves when other work shares the cores, unlike a page's frame times, so this is the
// way to compare two builds on a busy machine (docs/performance.md, "Download"): run it for
// each build's www/pkg, alternating.
//
// Run: node tests/bench/cpu-time.mjs [--pkg www/pkg] [--frames 30] [--renders 20]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const PKG = resolve(arg('pkg', 'www/pkg'));
const FRAMES = Number(arg('frames', 30));
const RENDERS = Number(arg('renders', 20));

/** The canvas API the wasm calls, doing nothing (measureText gives a plausible box). */
class CanvasRenderingContext2D {
  constructor(canvas) {
    this.canvas = canvas;
  }
  measureText(text) {
    return { width: 7 * String(text).length, fontBoundingBoxAscent: 10, fontBoundingBoxDescent: 3 };
  }
}
for (const name of ['arc', 'beginPath', 'clearRect', 'closePath', 'drawImage', 'fill', 'fillRect', 'fillText', 'lineTo', 'moveTo', 'putImageData', 'restore', 'rotate', 'save', 'setLineDash', 'stroke', 'strokeRect', 'translate']) {
  CanvasRenderingContext2D.prototype[name] = () => {};
}
class HTMLCanvasElement {
  width = 300;
  height = 150;
  #context = new CanvasRenderingContext2D(this);
  getContext() {
    return this.#context;
  }
}
class ImageData {
  constructor(data, width, height) {
    Object.assign(this, { data, width, height: height ?? data.length / 4 / width });
  }
}
Object.assign(globalThis, { HTMLCanvasElement, CanvasRenderingContext2D, ImageData, window: globalThis });
globalThis.document = { createElement: () => new HTMLCanvasElement() };

const descent = await import(pathToFileURL(`${PKG}/descent.js`).href);
await descent.default({ module_or_path: readFileSync(`${PKG}/descent_bg.wasm`) });

/** Milliseconds of process CPU time that `run` takes. */
function cpu(run) {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The lab's frame (one SGD step, regions, points, chart) at 1024² device pixels, as
 *  tests/bench/lab-frame.mjs sets it up. */
function labFrame(points, shading) {
  const lab = new descent.LabView(new HTMLCanvasElement(), new HTMLCanvasElement());
  lab.resize(1024, 1024, 2);
  lab.resizeChart(800, 300, 2);
  for (const [name, value] of [['dataset', 'blobs'], ['points', String(points)], ['classes', '3'], ['method', 'sgd'], ['lr', '0.05'], ['speed', '1'], ['show-confidence', String(shading)]]) {
    lab.set(name, value);
  }
  lab.play();
  for (let i = 0; i < 10; i += 1) lab.frame();
  const ms = cpu(() => {
    for (let i = 0; i < FRAMES; i += 1) lab.frame();
  });
  lab.free();
  return ms / FRAMES;
}

/** The race's heatmap and contours at 1024² after a κ change (as race-frame.mjs times it). */
function raceRender() {
  const canvas = () => new HTMLCanvasElement();
  const race = new descent.RaceView(canvas(), canvas(), canvas(), canvas(), canvas());
  race.resize(1024, 1024, 2);
  race.set('preset', 'conditioning');
  for (let i = 0; i < 5; i += 1) {
    race.set('kappa', String(10 + i));
    race.renderPicture();
  }
  let ms = 0;
  for (let i = 0; i < RENDERS; i += 1) {
    race.set('kappa', String(10 + (i % 2) * 90 + i / 100));
    ms += cpu(() => race.renderPicture());
  }
  race.free();
  return ms / RENDERS;
}

console.log(`CPU time per call, Node ${process.version}, ${PKG}`);
console.log(`  lab frame, N = 1,000, confidence shading: ${labFrame(1000, true).toFixed(2)} ms`);
console.log(`  lab frame, N = 10,000:                    ${labFrame(10000, false).toFixed(2)} ms`);
console.log(`  race heatmap re-render (κ change):        ${raceRender().toFixed(2)} ms`);
