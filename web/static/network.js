// The /network page's glue, on top of app.js: the play loop (one wasm
// netStep per animation frame), painting the heatmaps the module computes
// (its RGBA pixels cross in one copy and become ImageData as they are),
// taps on the plot and clicks on the diagram. It computes nothing: the
// module trains, formats and sets the address bar.
(() => {
  'use strict';
  const glue = globalThis.nnplayGlue;
  if (!glue || !glue.form || glue.form.dataset.live !== 'network') return;
  const all = glue.all;
  const playButton = document.querySelector('[data-play]');
  const plot = document.querySelector('.plot canvas[data-heat="0"]');
  const poster = document.querySelector('.plot input[type=image]');
  let api = null;
  let buf = new Uint8Array(1 << 16);
  let playing = false;
  let looping = false;
  let painted = false;
  // Frame timings (the module's step and the painting), for measurement.
  const stats = { frames: 0, totalMs: 0, maxMs: 0, last: [] };
  globalThis.nnplayNetStats = stats;

  // Until the module has painted, the plot shows the server's picture.
  if (plot && poster && poster.src.startsWith('data:')) {
    const img = new Image();
    img.onload = () => { if (!painted) plot.getContext('2d').drawImage(img, 0, 0, plot.width, plot.height); };
    img.src = poster.src;
  }

  async function paint() {
    let r = JSON.parse(await api.netPixels(buf));
    if (r.bytes > buf.length) {
      buf = new Uint8Array(r.bytes);
      r = JSON.parse(await api.netPixels(buf));
    }
    if (!r.n) return;
    const size = r.size;
    for (const cv of all('canvas[data-heat]')) {
      const off = r.offsets[Number(cv.dataset.heat)];
      if (off === undefined) continue;
      if (cv.width !== r.n) { cv.width = r.n; cv.height = r.n; }
      cv.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(buf.buffer, off, size), r.n, r.n), 0, 0);
    }
    painted = true;
  }

  function setPlaying(on) {
    playing = on;
    if (!playButton) return;
    playButton.setAttribute('aria-pressed', String(on));
    playButton.textContent = on ? playButton.dataset.labelPause : playButton.dataset.labelPlay;
  }

  // One frame: catch up with the link, or train an epoch, then draw.
  async function frame() {
    const t0 = performance.now();
    let res;
    try {
      res = JSON.parse(await api.netStep(playing ? 1 : 0));
    } catch (err) {
      console.error('nnplay:', err);
      setPlaying(false);
      looping = false;
      return;
    }
    glue.apply(res.live);
    if (res.pixels > 0) await paint();
    if (!res.catchup) {
      const ms = performance.now() - t0;
      stats.frames++;
      stats.totalMs += ms;
      stats.maxMs = Math.max(stats.maxMs, ms);
      stats.last.push(ms);
      if (stats.last.length > 120) stats.last.shift();
    }
    if (res.stop) setPlaying(false);
    if (res.catchup || playing) {
      requestAnimationFrame(frame);
    } else {
      looping = false;
    }
  }

  function loop() {
    if (looping) return;
    looping = true;
    requestAnimationFrame(frame);
  }

  glue.ready.then((ready) => {
    api = ready;
    glue.afterApply = () => { if (!looping) paint().catch((err) => console.error('nnplay:', err)); };
    if (playButton) {
      playButton.addEventListener('click', () => {
        setPlaying(!playing);
        if (playing) loop();
      });
    }
    // A click on a node or a link of the diagram selects it.
    document.addEventListener('click', (e) => {
      const a = e.target.closest && e.target.closest('[data-svg="diagram"] a[data-op]');
      if (!a) return;
      e.preventDefault();
      glue.update(a.dataset.op);
    });
    // A click or tap on the plot places, removes or probes a point; the
    // plot takes no touch gestures, so a tap never scrolls.
    if (plot) {
      plot.addEventListener('click', async (e) => {
        try {
          glue.apply(JSON.parse(await api.netTap(e.offsetX, e.offsetY, plot.clientWidth, plot.clientHeight)));
        } catch (err) {
          console.error('nnplay:', err);
        }
      });
    }
    // The keyboard: arrows move the point, Enter places or removes a point.
    if (plot) {
      plot.addEventListener('keydown', async (e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        try {
          const res = await api.netKey(e.key);
          if (res === null) return;
          glue.apply(JSON.parse(res));
        } catch (err) {
          console.error('nnplay:', err);
        }
      });
      plot.addEventListener('keydown', (e) => {
        if (e.key.startsWith('Arrow') || e.key === ' ' || e.key === 'Enter') e.preventDefault();
      });
    }
    loop(); // catch up with the link, then draw
  }, () => { /* the page stays the server's form */ });
})();
