// The work of ConvNetJS's 2D classification demo, for a linear softmax: every frame one SGD
// pass over the points (batch 10), then the decision grid as one forward pass per 5-pixel
// cell, then a disc per point. `window.bench.setup(n)` makes n points in three blobs;
// `window.bench.frames(k)` runs k frames, one per animation frame, and resolves to each
// frame's milliseconds (training and drawing).
/* global convnetjs */
const canvas = document.getElementById('canvas');
canvas.width = 512 * devicePixelRatio;
canvas.height = 512 * devicePixelRatio;
const ctx = canvas.getContext('2d');
const CELL = 5;
const COLORS = ['rgb(250,150,150)', 'rgb(150,250,150)', 'rgb(150,150,250)'];
const POINT_COLORS = ['rgb(200,0,0)', 'rgb(0,160,0)', 'rgb(0,0,200)'];
const SCALE = canvas.width / 8; // the view spans [-4, 4]²

let net;
let trainer;
let points = [];
const input = new convnetjs.Vol(1, 1, 2, 0.0);

function setup(n) {
  net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: 2 },
    { type: 'softmax', num_classes: 3 },
  ]);
  trainer = new convnetjs.SGDTrainer(net, { learning_rate: 0.01, momentum: 0.1, batch_size: 10, l2_decay: 0.001 });
  // Three Gaussian blobs (Box–Muller), deterministic.
  let seed = 1;
  const uniform = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const centres = [[-1.5, -1], [1.5, -1], [0, 1.5]];
  points = Array.from({ length: n }, (_, i) => {
    const k = i % 3;
    const r = Math.sqrt(-2 * Math.log(uniform())) * 0.6;
    const t = 2 * Math.PI * uniform();
    return { x: centres[k][0] + r * Math.cos(t), y: centres[k][1] + r * Math.sin(t), label: k };
  });
}

function frame() {
  for (const p of points) {
    input.w[0] = p.x;
    input.w[1] = p.y;
    trainer.train(input, p.label);
  }
  for (let i = 0; i < canvas.width; i += CELL) {
    for (let j = 0; j < canvas.height; j += CELL) {
      input.w[0] = (i - canvas.width / 2) / SCALE;
      input.w[1] = (canvas.height / 2 - j) / SCALE;
      net.forward(input, false);
      ctx.fillStyle = COLORS[net.getPrediction()];
      ctx.fillRect(i, j, CELL, CELL);
    }
  }
  ctx.lineWidth = 2 * devicePixelRatio;
  ctx.strokeStyle = 'white';
  for (const p of points) {
    ctx.fillStyle = POINT_COLORS[p.label];
    ctx.beginPath();
    ctx.arc(canvas.width / 2 + p.x * SCALE, canvas.height / 2 - p.y * SCALE, 3.5 * devicePixelRatio, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

function frames(k) {
  return new Promise((resolve) => {
    const times = [];
    const tick = () => {
      const t0 = performance.now();
      frame();
      times.push(performance.now() - t0);
      if (times.length === k) resolve(times);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

window.bench = { setup, frames };
