// The optimizer race's glue: builds the racer rows and the option lists from what Rust
// reports, binds the controls, shows the caption, claim and leaderboard, and forwards clicks
// and drags on the canvas. No math: Rust holds the race.
import { RaceView } from './pkg/descent.js';
import { bindParams, devicePoint, element, fitCanvases, guarded, report } from './ui.js';

/** The option lists Rust provides, by the name a select's data-options gives. */
const LISTS = {
  presets: () => RaceView.presets(),
  surfaces: () => RaceView.surfaces(),
  methods: () => RaceView.methods(),
  schedules: () => RaceView.schedules(),
  forms: () => RaceView.forms(),
};

/** Creates one row per racer slot from the template, its controls named racer<k>.<field>. */
function buildRacerRows(root) {
  const template = root.querySelector('#race-racer-row');
  const body = root.querySelector('#race-racers');
  for (let k = 0; k < RaceView.racerCount(); k += 1) {
    const row = template.content.firstElementChild.cloneNode(true);
    row.dataset.racer = String(k);
    for (const control of row.querySelectorAll('[data-field]')) {
      control.dataset.param = `racer${k}.${control.dataset.field}`;
      control.id = `race-racer${k}-${control.dataset.field}`;
    }
    row.setAttribute('aria-label', `racer ${k + 1}`);
    row.setAttribute('role', 'group');
    body.append(row);
  }
}

/** The racer rows. */
const racerRows = (root) => root.querySelectorAll('#race-racers .race-racer');

/** Fills every select that names an option list. */
function fillOptions(root) {
  for (const select of root.querySelectorAll('select[data-options]')) {
    for (const { name, label } of LISTS[select.dataset.options]()) select.add(new Option(label, name));
  }
  // A preset changed by hand reads back as "custom".
  const custom = new Option('custom', 'custom');
  custom.disabled = true;
  root.querySelector('#race-preset').add(custom);
}

/** Writes the leaderboard rows (text only). */
function showLeaderboard(body, rows) {
  const format = (x) => (Number.isFinite(x) ? x.toExponential(3) : String(x));
  const lines = rows.map((r) => [r.color, r.label, r.reached ?? '—', format(r.loss), format(r.recent), r.status]);
  const key = JSON.stringify(lines);
  if (body.dataset.key === key) return;
  body.dataset.key = key;
  body.replaceChildren(
    ...rows.map((r, n) => {
      const [color, ...texts] = lines[n];
      const swatch = element('span', { class: 'race-swatch' });
      swatch.style.background = color;
      const cells = [element('td', {}, [swatch]), ...texts.map((text) => element('td', { text: String(text) }))];
      const row = element('tr', { 'data-racer': String(r.index) }, cells);
      row.classList.toggle('diverged', r.diverged);
      return row;
    }),
  );
}

/** Mounts the race in its section; the classifier slice cuts through the model of `lab` (the
 *  classifier lab's handle). Returns the scene's hooks for the page's frame loop. */
export function mountRace(root, { lab }) {
  buildRacerRows(root);
  fillOptions(root);
  const surface = root.querySelector('#race-surface');
  const overlay = root.querySelector('#race-overlay');
  const lossChart = root.querySelector('#race-loss-chart');
  const scheduleChart = root.querySelector('#race-schedule-chart');
  const race = new RaceView(surface, root.querySelector('#race-trails'), overlay, lossChart, scheduleChart);
  const playButton = root.querySelector('#race-play');
  const clock = root.querySelector('#race-clock');
  const leaderboard = root.querySelector('#race-leaderboard');

  for (const row of racerRows(root)) {
    row.querySelector('.race-swatch').style.background = race.racerColor(Number(row.dataset.racer));
  }
  const addButton = root.querySelector('#race-add');

  /** Fills the slice's axis menus with the lab's parameter names (when they change). */
  const fillSliceNames = () => {
    const names = race.sliceNames();
    for (const select of root.querySelectorAll('.race-slice select')) {
      if ([...select.options].map((o) => o.value).join() === names.join()) continue;
      select.replaceChildren(...names.map((name) => new Option(name, name)));
    }
  };
  /** Shows what depends on the settings: which controls apply, the caption, the claim. */
  const showSettings = () => {
    for (const label of root.querySelectorAll('.race-shape')) label.hidden = !race.hasShape();
    for (const label of root.querySelectorAll('.race-slice')) label.hidden = !race.isSlice();
    // Only the racing slots show; the others wait behind "Add racer".
    let idle = 0;
    for (const row of racerRows(root)) {
      const k = Number(row.dataset.racer);
      const hypers = new Set(race.racerHypers(k));
      for (const label of row.querySelectorAll('[data-hyper]')) label.hidden = !hypers.has(label.dataset.hyper);
      row.querySelector('.race-hypers').hidden = hypers.size === 0;
      row.querySelector('.race-own-schedule').hidden = race.get(`racer${k}.own-schedule`) !== 'true';
      row.hidden = race.get(`racer${k}.enabled`) !== 'true';
      if (row.hidden) idle += 1;
    }
    addButton.disabled = idle === 0;
    root.querySelector('#race-caption').textContent = race.caption();
  };
  const showProgress = () => {
    clock.textContent = String(race.clock);
    playButton.textContent = race.playing ? 'Pause' : 'Play';
    showLeaderboard(leaderboard, race.leaderboard());
    const claim = race.claim();
    const claimLine = root.querySelector('#race-claim');
    claimLine.textContent = claim ? `Now: ${claim.evidence}${claim.holds ? ' — the claim holds.' : ''}` : '';
    claimLine.classList.toggle('holds', Boolean(claim?.holds));
  };
  // The classifier slice is cut at the lab's current W and b each time the race is shown.
  const takeLab = () => {
    const snapshot = lab.snapshot();
    try {
      race.useLab(snapshot);
    } finally {
      snapshot.free();
    }
    fillSliceNames();
  };
  const sizes = [
    [surface, (...size) => race.resize(...size)],
    [lossChart, (...size) => race.resizeChart('loss', ...size)],
    [scheduleChart, (...size) => race.resizeChart('schedule', ...size)],
  ];
  const draw = fitCanvases(sizes, () => {
    race.render();
    showProgress();
  });
  const refresh = bindParams(root, race, () => {
    showSettings();
    draw();
  });
  showSettings();

  const act = (action) => guarded(action, () => draw());
  // "Add racer" ticks the first idle slot's checkbox, as a click on it would.
  addButton.addEventListener('click', () => {
    const idle = [...racerRows(root)].find((row) => row.hidden);
    const box = idle?.querySelector('[data-field="enabled"]');
    if (!box) return;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    idle.querySelector('[data-field="method"]').focus();
  });
  root.querySelector('#race-step').addEventListener('click', act(() => race.step()));
  root.querySelector('#race-reset').addEventListener('click', act(() => race.reset()));
  playButton.addEventListener('click', act(() => (race.playing ? race.pause() : race.play())));

  // Click or drag on the canvas: the start follows the pointer, every racer restarts there.
  const place = (event) => {
    race.placeStart(...devicePoint(overlay, event));
    refresh();
    showSettings();
  };
  let dragging = false;
  overlay.addEventListener('pointerdown', (event) => {
    dragging = true;
    overlay.setPointerCapture(event.pointerId);
    act(() => place(event))();
  });
  overlay.addEventListener('pointermove', (event) => {
    if (dragging) act(() => place(event))();
  });
  const release = () => {
    dragging = false;
  };
  overlay.addEventListener('pointerup', release);
  overlay.addEventListener('pointercancel', release);

  return {
    handle: race,
    redraw() {
      try {
        takeLab();
        refresh();
        showSettings();
      } catch (error) {
        report(error);
      }
      draw();
    },
    frame() {
      if (!race.playing) return;
      race.frame();
      showProgress();
    },
  };
}
