// nnplay's browser glue. It loads the WebAssembly module (the same Go
// engine, state codec and view code as the server) and copies the page
// updates the module returns into the elements the server marked with
// data-* keys. It holds no formula and builds no query string: the module
// decodes the form, computes, formats, and sets the address bar itself.
(() => {
  'use strict';
  const root = document.documentElement;
  root.classList.replace('no-js', 'js');
  const script = document.currentScript;
  const form = document.querySelector('form[data-live]');
  const all = (sel, el = document) => Array.from(el.querySelectorAll(sel));

  // The glue a page's own script (conv.js, …) builds on: ready resolves
  // with the module's API once the page is live, apply copies an update
  // into the page, update recomputes from the form.
  let resolveReady, rejectReady;
  const glue = {
    ready: new Promise((res, rej) => { resolveReady = res; rejectReady = rej; }),
    apply: null,
    update: null,
    // A page's script may set these: onApply is awaited after each form
    // update is applied; afterApply runs after every apply, whatever its
    // source (a form update or the page's own call).
    onApply: null,
    afterApply: null,

    form,
    all,
  };
  glue.ready.catch(() => {}); // a page without its own script need not listen
  globalThis.nnplayGlue = glue;

  // Live failed or impossible: fall back to the plain form.
  function fallBack(why) {
    rejectReady(why);
    root.classList.replace('js', 'no-js');
    all('[data-live-failed]').forEach((el) => { el.hidden = false; });
    if (why) console.error('nnplay: live mode off:', why);
  }

  async function loadWasm(url) {
    if (typeof Go !== 'function' || typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
    go.run(instance).catch(fallBack); // main blocks in Go; this resolves only if it exits
    if (!globalThis.nnplay) throw new Error('module did not register');
    return globalThis.nnplay;
  }

  // Apply one page update (view.Live) to the document.
  function apply(live) {
    for (const [key, text] of Object.entries(live.text || {})) {
      all(`[data-out="${key}"]`).forEach((el) => { el.textContent = text; });
    }
    for (const [key, title] of Object.entries(live.title || {})) {
      all(`[data-out="${key}"]`).forEach((el) => { el.title = title; });
    }
    for (const [key, t] of Object.entries(live.tables || {})) {
      all(`table[data-table="${key}"]`).forEach((table) => fillTable(table, t));
    }
    for (const [key, svg] of Object.entries(live.svg || {})) {
      all(`[data-svg="${key}"]`).forEach((el) => { el.innerHTML = svg; });
    }
    for (const [key, href] of Object.entries(live.href || {})) {
      all(`[data-href="${key}"]`).forEach((el) => { el.href = href; });
    }
    for (const [key, on] of Object.entries(live.enabled || {})) {
      all(`[data-enable="${key}"]`).forEach((el) => { el.disabled = !on; });
    }
    for (const [key, n] of Object.entries(live.lists || {})) {
      all(`[data-list="${key}"]`).forEach((list) => showItems(list, n));
    }
    for (const [name, values] of Object.entries(live.form || {})) {
      const fields = all(`[name="${name}"]`, form).filter((el) => !el.disabled);
      // The field being typed in keeps what is typed ("0." stays "0.").
      fields.forEach((el, i) => { if (i < values.length && el !== document.activeElement) el.value = values[i]; });
      fields.forEach(syncSlider);
    }
    for (const [name, values] of Object.entries(live.checked || {})) {
      all(`input[name="${name}"]`, form).forEach((el) => { el.checked = values.includes(el.value); });
    }
    showErrors(live.errors || []);
    if (glue.afterApply) glue.afterApply(live);
  }

  function fillTable(table, t) {
    const row = (cells, tag) => {
      const tr = document.createElement('tr');
      for (const c of cells) {
        const cell = document.createElement(tag);
        if (tag === 'th') cell.scope = 'col';
        cell.textContent = c;
        tr.append(cell);
      }
      return tr;
    };
    table.tHead.replaceChildren(row(t.head || [], 'th'));
    table.tBodies[0].replaceChildren(...(t.rows || []).map((r) => row(r, 'td')));
  }

  // Show the first n [data-item] children of list; hidden items are also
  // disabled, so the form never sends them. Focus moves to a new item.
  function showItems(list, n) {
    all('[data-item]', list).forEach((item, i) => {
      const show = i < n;
      const added = show && item.hidden;
      item.hidden = !show;
      item.disabled = !show;
      if (added) item.querySelector('input')?.focus();
    });
  }

  function showErrors(errors) {
    all('[aria-invalid="true"]', document).forEach((el) => el.removeAttribute('aria-invalid'));
    all('[data-error-for]').forEach((el) => { el.hidden = true; el.textContent = ''; });
    const byField = new Map();
    for (const e of errors) byField.set(e.field, [...(byField.get(e.field) || []), e.message]);
    for (const [field, msgs] of byField) {
      document.getElementById(field)?.setAttribute('aria-invalid', 'true');
      all(`[data-error-for="${field}"]`).forEach((el) => { el.textContent = msgs.join(' '); el.hidden = false; });
    }
    const summary = document.querySelector('[data-errors]');
    if (summary) {
      const items = errors.map((e) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '#' + e.field + '-err';
        a.textContent = e.message;
        li.append(a);
        return li;
      });
      summary.querySelector('[data-error-list]').replaceChildren(...items);
      summary.hidden = errors.length === 0;
    }
    all('[data-result]').forEach((el) => el.classList.toggle('stale', errors.length > 0));
  }

  // A range slider mirrors the text field it names; the text field is the
  // one the form sends.
  function syncSlider(field) {
    if (!field.id) return;
    all(`input[type=range][data-mirror="${field.id}"]`).forEach((r) => {
      const v = Number(field.value);
      if (field.value.trim() !== '' && Number.isFinite(v)) r.value = String(v);
    });
  }

  function wireCopy() {
    all('[data-copy]').forEach((btn) => btn.addEventListener('click', async () => {
      const status = btn.parentElement.querySelector('[data-copy-status]');
      try {
        await navigator.clipboard.writeText(location.href);
        status.textContent = status.dataset.ok;
      } catch {
        status.textContent = status.dataset.fail;
      }
    }));
  }

  async function boot() {
    if (!form) return;
    const url = script && script.dataset.wasm;
    if (!url) { fallBack('no module in this build'); return; }
    let api;
    try {
      api = await loadWasm(url);
    } catch (err) {
      fallBack(err);
      return;
    }
    const page = form.dataset.live;
    let seq = 0;
    let pending = null;
    const update = async (op) => {
      const mine = ++seq;
      try {
        const live = JSON.parse(await api.update(page, Array.from(new FormData(form)), op || ''));
        if (mine === seq) {
          apply(live);
          if (glue.onApply) await glue.onApply(live);
        }
      } catch (err) {
        console.error('nnplay:', err);
      }
    };
    // Coalesce bursts of input (a dragged slider) into one update a frame.
    const schedule = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => { pending = null; update(); });
    };
    form.addEventListener('input', (e) => {
      const t = e.target;
      if (t.type === 'range' && t.dataset.mirror) {
        const field = document.getElementById(t.dataset.mirror);
        if (field) field.value = t.value;
      } else {
        syncSlider(t);
      }
      schedule();
    });
    // Fields outside the form element (form="…") report to the document.
    document.addEventListener('input', (e) => {
      if (e.target.form === form && !form.contains(e.target)) schedule();
    });
    form.addEventListener('change', schedule);
    document.addEventListener('change', (e) => {
      if (e.target.form === form && !form.contains(e.target)) schedule();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const op = e.submitter && e.submitter.dataset.op !== undefined ? e.submitter.value : '';
      update(op);
    });
    all('[data-live-show]').forEach((el) => { el.hidden = false; });
    all('[data-live-ok]').forEach((el) => { el.hidden = false; });
    all('input[type=text]', form).forEach(syncSlider);
    glue.apply = apply;
    glue.update = update;
    // A bad link's errors are the server's, listed once: the form shows the
    // link as given, and recomputing it would list what the form now holds
    // (a missing weight shows as 0) instead. The first change recomputes.
    const linkErrors = document.querySelector('[data-errors]:not([hidden])');
    if (!linkErrors) await update(); // charts become live; a restored form (back button) is recomputed
    resolveReady(api);
  }

  wireCopy();
  boot();
})();
