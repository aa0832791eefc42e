// nnplay's /conv glue, on top of app.js. It draws strokes on the input
// canvas with the browser's 2-D canvas (pointer events: mouse, touch and
// pen), hands the canvas's pixels to the wasm module in one copy per
// frame, and paints every map from the module's pixels (one copy per map,
// wrapped in an ImageData). It computes nothing: grey levels, scaling,
// convolution, activation, pooling and colours are the engine's, and the
// module alone sets the address bar.
(() => {
  'use strict';
  const glue = globalThis.nnplayGlue;
  if (!glue || !glue.form || glue.form.dataset.live !== 'conv') return;
  const form = glue.form;
  const all = glue.all;
  const canvas = document.getElementById('draw');
  const api = () => globalThis.nnplay;
  // Timings of the last strokes (pointer event → maps painted), and
  // whether every stroke has ended, been committed and painted, for the
  // browser tests and anyone curious: nnplayConvStats.
  const stats = {
    strokes: [],
    settled: () => drawing === null && !frame && !busy && !dirty && !committing,
  };
  globalThis.nnplayConvStats = stats;

  // The maps on screen: a stroke repaints only those (the rest are
  // painted when it ends).
  const visible = new Set();
  const seen = new IntersectionObserver((entries) => {
    for (const en of entries) {
      if (en.isIntersecting) visible.add(en.target.dataset.map);
      else visible.delete(en.target.dataset.map);
    }
  });
  all('canvas[data-map]').forEach((cv) => seen.observe(cv));

  // Paint the canvases from the module's last result. During a stroke the
  // drawing canvas is the source and is left alone, and only the maps on
  // screen are painted.
  async function paint(stroke) {
    const maps = await api().convPaint(!!stroke, stroke ? Array.from(visible) : null);
    for (const [key, w, h, data] of maps) {
      const image = w * h > 0 ? new ImageData(data, w, h) : null;
      for (const cv of all(`canvas[data-map="${key}"]`)) {
        if (cv.width !== Math.max(w, 1) || cv.height !== Math.max(h, 1)) {
          cv.width = Math.max(w, 1);
          cv.height = Math.max(h, 1);
        }
        const ctx = cv.getContext('2d', { willReadFrequently: cv === canvas });
        if (image) ctx.putImageData(image, 0, 0);
        else ctx.clearRect(0, 0, cv.width, cv.height);
        if (cv === canvas && cv.dataset.label) {
          cv.setAttribute('aria-label', cv.dataset.label.replace('%d', w).replace('%d', h));
        }
      }
    }
  }
  glue.onApply = () => paint(false);

  function applyJSON(json) {
    glue.apply(JSON.parse(json));
  }

  // Drawing.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const undo = [];
  const undoBtn = document.querySelector('[data-undo]');
  let drawing = null; // the pointer id of the stroke in progress
  let last = null;
  let frame = 0;
  let busy = false;
  let dirty = false;
  let since = 0; // performance.now() of the first pointer event not yet shown

  function at(e) {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  }

  function brush() {
    const eraser = document.querySelector('[data-tool][value="eraser"]').checked;
    ctx.strokeStyle = ctx.fillStyle = eraser ? '#000' : '#fff';
    ctx.lineWidth = Number(document.querySelector('[data-brush]').value);
    ctx.lineCap = ctx.lineJoin = 'round';
  }

  function segment(from, to) {
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
  }

  // One recomputation a frame, whatever the rate of pointer events.
  function schedule() {
    dirty = true;
    if (!frame) frame = requestAnimationFrame(flush);
  }

  async function flush() {
    frame = 0;
    if (busy || !dirty) { if (dirty) schedule(); return; }
    busy = true;
    dirty = false;
    const t0 = since;
    since = 0;
    try {
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height);
      applyJSON(await api().convStroke(px.data, canvas.width, canvas.height));
      await paint(true);
      stats.strokes.push(performance.now() - t0);
      if (stats.strokes.length > 200) stats.strokes.shift();
    } catch (err) {
      console.error('nnplay:', err);
    }
    busy = false;
    if (dirty) schedule();
    else if (drawing === null) commit();
  }

  let committing = false;
  async function commit() {
    if (committing) return;
    committing = true;
    try {
      applyJSON(await api().convCommit());
      await paint(false);
    } catch (err) {
      console.error('nnplay:', err);
    }
    committing = false;
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    canvas.focus();
    canvas.setPointerCapture(e.pointerId);
    undo.push(ctx.getImageData(0, 0, canvas.width, canvas.height));
    if (undo.length > 30) undo.shift();
    undoBtn.disabled = false;
    drawing = e.pointerId;
    brush();
    last = at(e);
    segment(last, last);
    since = since || performance.now();
    schedule();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerId !== drawing) return;
    const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
    for (const ev of events.length ? events : [e]) {
      const p = at(ev);
      segment(last, p);
      last = p;
    }
    since = since || performance.now();
    schedule();
  });
  const end = (e) => {
    if (e.pointerId !== drawing) return;
    drawing = null;
    if (!busy && !frame) commit();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  // A whole new picture (undo, a new canvas, an upload) goes in at once.
  async function setImage(data, w, h, scale) {
    applyJSON(await api().convSetImage(data, w, h, scale));
    await paint(false);
  }

  undoBtn.addEventListener('click', () => {
    const prev = undo.pop();
    undoBtn.disabled = undo.length === 0;
    if (prev) setImage(prev.data, prev.width, prev.height, false);
  });
  document.querySelector('[data-clear]').addEventListener('click', () => {
    undo.push(ctx.getImageData(0, 0, canvas.width, canvas.height));
    undoBtn.disabled = false;
    const n = Number(document.querySelector('[data-canvas-size]').value);
    canvas.width = n;
    canvas.height = n;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, n, n);
    setImage(ctx.getImageData(0, 0, n, n).data, n, n, false);
  });

  // An uploaded file: the browser decodes it; the module makes it grey
  // and scales it down.
  const file = document.getElementById('f-file');
  const uploadError = document.querySelector('[data-upload-error]');
  file.addEventListener('change', async () => {
    const f = file.files[0];
    uploadError.hidden = true;
    if (!f) return;
    const fail = (msg) => { uploadError.textContent = msg; uploadError.hidden = false; };
    if (f.size > Number(file.dataset.maxBytes)) { fail(file.dataset.big); return; }
    let bmp;
    try {
      bmp = await createImageBitmap(f);
    } catch {
      fail(file.dataset.bad);
      return;
    }
    const max = Number(file.dataset.maxSide);
    if (bmp.width > max || bmp.height > max) {
      fail(file.dataset.huge.replace('%d', bmp.width).replace('%d', bmp.height).replace('%d', max));
      return;
    }
    const off = document.createElement('canvas');
    off.width = bmp.width;
    off.height = bmp.height;
    const octx = off.getContext('2d', { willReadFrequently: true });
    octx.drawImage(bmp, 0, 0);
    const px = octx.getImageData(0, 0, bmp.width, bmp.height);
    await setImage(px.data, bmp.width, bmp.height, true);
  });

  // Typing weights makes the kernel "custom"; typing numbers makes the
  // image "my numbers". Picking a preset refills the fields.
  form.addEventListener('input', (e) => {
    const t = e.target;
    if (t.matches('[data-weights]')) {
      const sel = t.closest('.kernel-row').querySelector('[data-kernel]');
      sel.value = 'custom';
    } else if (t.id === 'f-grid') {
      document.getElementById('f-img').value = 'grid';
    }
  });
  form.addEventListener('change', (e) => {
    if (e.target.matches('[data-kernel], #f-img')) glue.ready.then(() => glue.update('refill'));
  });

  // Step-through: a cell of a small map is a link; a large map's canvas
  // is pressed where the cell is. With a mouse, hovering shows a cell too
  // (one update a frame at most).
  const atField = form.querySelector('input[name="at"]');
  const selField = document.getElementById('f-sel');
  let hoverFrame = 0;
  let hoverWant = null;
  function show(at, sel) {
    if (!glue.update || (atField.value === at && (!sel || selField.value === sel))) return;
    atField.value = at;
    if (sel) selField.value = sel;
    glue.update();
  }
  function hover(at, sel) {
    hoverWant = [at, sel];
    if (hoverFrame) return;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      show(...hoverWant);
    });
  }
  function cellOf(cv, e) {
    const r = cv.getBoundingClientRect();
    const x = Math.min(cv.width - 1, Math.floor((e.clientX - r.left) * cv.width / r.width));
    const y = Math.min(cv.height - 1, Math.floor((e.clientY - r.top) * cv.height / r.height));
    return `${x},${y}`;
  }
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-at]');
    if (!a || !glue.update) return;
    e.preventDefault();
    show(a.dataset.at);
  });
  // pointermove, not pointerover: a redrawn grid under a resting mouse
  // must not take the cell back from the keyboard.
  document.addEventListener('pointermove', (e) => {
    const a = e.pointerType === 'mouse' && e.target.closest && e.target.closest('a[data-at]');
    if (a) hover(a.dataset.at);
  });
  for (const cv of all('canvas[data-pick]')) {
    const key = cv.dataset.map;
    if (!key.startsWith('fm-')) continue;
    cv.addEventListener('click', (e) => show(cellOf(cv, e), key.slice(3)));
    cv.addEventListener('pointermove', (e) => {
      if (e.pointerType === 'mouse') hover(cellOf(cv, e), key.slice(3));
    });
  }

  // Play: a step every 1/speed seconds until paused.
  const play = document.querySelector('[data-play]');
  const speed = document.querySelector('[data-speed]');
  let timer = 0;
  function stop() {
    clearTimeout(timer);
    timer = 0;
    play.textContent = play.dataset.playLabel;
    play.setAttribute('aria-pressed', 'false');
  }
  async function tick() {
    await glue.update('next');
    if (timer) timer = setTimeout(tick, 1000 / Number(speed.value));
  }
  play.addEventListener('click', () => {
    if (timer) { stop(); return; }
    play.textContent = play.dataset.pauseLabel;
    play.setAttribute('aria-pressed', 'true');
    timer = setTimeout(tick, 0);
  });

  glue.ready.then(() => paint(false)).catch(() => {});
})();
