// NewsLens web UI: one file, no dependencies, no framework.
// Every stored string is hostile: it reaches the page only through text nodes and textContent,
// never through any API that parses a string as markup. Links are built
// only from our own routes, or from http(s) URLs checked with the URL parser.
'use strict';

(function () {
  const view = document.getElementById('view');
  const statsBox = document.getElementById('stats');
  // Bumped on every navigation so a slow response for an old page never overwrites the new one.
  let generation = 0;
  // Copies whose titles the article view looks up (the rest show their ids).
  const maxTitleLookups = 12;

  // ---------- DOM helpers (the only way anything reaches the page) ----------

  /** el('a', {className: 'x', href: '#/...'}, 'text', child, ...) */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'className') node.className = value;
        else if (key === 'dataset') Object.assign(node.dataset, value);
        else if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
        else if (key === 'href') node.setAttribute('href', value);
        else node.setAttribute(key, String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function route(path, params) {
    const query = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString() : '';
    return '#/' + path + (query ? '?' + query : '');
  }

  function articleLink(id, text) {
    return el('a', { href: route('article/' + encodeURIComponent(id)) }, text || id);
  }

  /** A link to an outside page, only for http(s) URLs; anything else stays plain text. */
  function externalLink(url) {
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:')
        return el('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, url);
    } catch (e) { /* not a URL: shown as text below */ }
    return el('span', null, url);
  }

  function badge(text, cls) {
    return el('span', { className: 'badge ' + (cls || '') }, text);
  }

  function severityClass(severity) {
    return 'sev-' + (['low', 'medium', 'high'].includes(severity) ? severity : 'low');
  }

  function flagBadge(flag) {
    return badge(flag.code, severityClass(flag.severity));
  }

  function fmtScore(x) {
    return typeof x === 'number' ? x.toFixed(2) : '—';
  }

  // ---------- HTTP ----------

  async function getJson(url, init) {
    const response = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, init || {}));
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      throw new Error(response.status + ' ' + (detail || response.statusText));
    }
    return body;
  }

  function showError(error) {
    clear(view);
    view.appendChild(el('p', { className: 'error', role: 'alert' }, String(error.message || error)));
  }

  function errorBox(error) {
    return el('p', { className: 'error', role: 'alert' }, String(error.message || error));
  }

  // ---------- router ----------

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    return { parts, params };
  }

  function render() {
    const mine = ++generation;
    const { parts, params } = parseHash();
    const page = parts[0] || 'search';
    for (const a of document.querySelectorAll('[data-nav]'))
      a.classList.toggle('active', a.dataset.nav === page || (page === 'article' && a.dataset.nav === 'search') || (page === 'thread' && a.dataset.nav === 'threads'));
    clear(view);
    const done = (work) => work.catch((e) => { if (mine === generation) showError(e); });
    const current = () => mine === generation;
    switch (page) {
      case 'article': return done(articlePage(parts[1] || '', current));
      case 'threads': return done(threadsPage(params, current));
      case 'thread': return done(threadPage(parts[1] || '', current));
      case 'rejections': return done(rejectionsPage(current));
      case 'analyze': return analyzePage();
      default: return done(searchPage(params, current));
    }
  }

  // ---------- search ----------

  const searchFields = [
    ['q', 'search', '搜索 search…', 200],
    ['from', 'date', 'from', 10],
    ['to', 'date', 'to', 10],
    ['entity', 'text', 'entity 实体', 200],
    ['flag', 'text', 'flag e.g. spam', 200],
    ['site', 'text', 'site 网站', 200],
  ];

  async function searchPage(params, current) {
    const inputs = {};
    const form = el('form', { className: 'search', role: 'search' });
    for (const [name, type, placeholder, max] of searchFields) {
      const input = el('input', { type, name, placeholder, maxlength: max, 'aria-label': placeholder, className: 'f-' + name });
      input.value = params.get(name) || '';
      inputs[name] = input;
    }
    form.appendChild(inputs.q);
    form.appendChild(el('button', { type: 'submit' }, 'Search'));
    form.appendChild(el('div', { className: 'filters' }, inputs.from, inputs.to, inputs.entity, inputs.flag, inputs.site));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const next = {};
      for (const [name] of searchFields) next[name] = inputs[name].value.trim();
      location.hash = route('search', next);
    });
    view.appendChild(form);
    const q = (params.get('q') || '').trim();
    if (!q) {
      view.appendChild(el('p', { className: 'hint' }, 'Type words or names (Chinese or English). Every term must match; "double quotes" keep a phrase together.'));
      inputs.q.focus();
      return;
    }
    const results = el('section', { className: 'results' }, el('p', { className: 'hint' }, 'Searching…'));
    view.appendChild(results);
    const api = new URLSearchParams();
    for (const [name] of searchFields) if (params.get(name)) api.set(name, params.get(name));
    let data;
    try {
      data = await getJson('/api/search?' + api.toString());
    } catch (e) {
      clear(results);
      results.appendChild(errorBox(e));
      return;
    }
    if (!current()) return;
    clear(results);
    results.appendChild(el('p', { className: 'count' }, data.count + (data.count === 1 ? ' article' : ' articles')));
    const list = el('ol', { className: 'hits' });
    for (const hit of data.hits) list.appendChild(hitItem(hit));
    results.appendChild(list);
  }

  function hitItem(hit) {
    const snippet = el('p', { className: 'snippet' });
    if (hit.snippet.leading) snippet.appendChild(document.createTextNode('… '));
    for (const seg of hit.snippet.segments)
      snippet.appendChild(seg.highlighted ? el('mark', null, seg.text) : document.createTextNode(seg.text));
    snippet.appendChild(document.createTextNode(' …'));
    return el('li', { className: 'hit' },
      el('h3', null, articleLink(hit.id, hit.title || '(untitled) ' + hit.id)),
      el('p', { className: 'meta' },
        hit.site ? el('span', { className: 'site' }, hit.site) : null,
        hit.published ? el('time', null, hit.published) : null,
        hit.credibility !== null ? el('span', { className: 'cred', title: 'credibility 可信度' }, 'credibility ' + fmtScore(hit.credibility)) : null,
        hit.thread ? el('a', { href: route('thread/' + encodeURIComponent(hit.thread)), className: 'thread-link' }, 'thread') : null),
      snippet,
      hit.flags.length ? el('p', { className: 'flags' }, hit.flags.map(flagBadge)) : null);
  }

  // ---------- article ----------

  async function articlePage(id, current) {
    view.appendChild(el('p', { className: 'hint' }, 'Loading…'));
    const record = await getJson('/api/articles/' + encodeURIComponent(id));
    if (!current()) return;
    clear(view);
    view.appendChild(articleView(record, { stored: true }));
  }

  function validSpan(span, length) {
    return span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  }

  /** Everything to highlight in the article text (or, for location 'title', in the title). */
  function collectMarks(record) {
    const text = [];
    const title = [];
    const textLength = record.text.length;
    (record.entities || []).forEach((e) => {
      if (!validSpan(e.span, textLength)) return;
      const kind = { person: 'per', location: 'loc', organization: 'org' }[e.type] || 'ent';
      const tip = [e.type, e.canonical && e.canonical !== e.text ? '→ ' + e.canonical : null, e.kb_id ? 'KB ' + e.kb_id : 'not in KB', e.country].filter(Boolean).join(' · ');
      text.push({ start: e.span.start, end: e.span.end, cls: 'm-' + kind, tip });
      if (e.role && validSpan(e.role.span, textLength)) {
        const bad = e.role.held_on_date === 'not_held';
        text.push({ start: e.role.span.start, end: e.role.span.end, cls: bad ? 'm-role m-role-bad' : 'm-role', tip: 'role ' + e.role.text + ': ' + e.role.held_on_date + (e.role.reference_date ? ' on ' + e.role.reference_date : '') });
      }
    });
    (record.dates || []).forEach((d) => {
      if (!validSpan(d.span, textLength)) return;
      text.push({ start: d.span.start, end: d.span.end, cls: 'm-date', tip: 'date · ' + d.kind + ' · ' + (d.value || 'vague') + (d.end ? ' – ' + d.end : '') });
    });
    (record.events || []).forEach((ev) => {
      if (!validSpan(ev.trigger_span, textLength)) return;
      text.push({ start: ev.trigger_span.start, end: ev.trigger_span.end, cls: 'm-event', tip: eventLine(ev) });
    });
    (record.flags || []).forEach((f, fi) => {
      (f.evidence || []).forEach((ev, ei) => {
        const mark = { cls: 'm-flag ' + severityClass(f.severity), tip: f.code + ': ' + (f.message_en || ''), anchor: 'ev-' + fi + '-' + ei };
        if (ev.location === 'text' && validSpan(ev.span, textLength)) text.push(Object.assign(mark, { start: ev.span.start, end: ev.span.end }));
        else if (ev.location === 'title' && record.title && validSpan(ev.span, record.title.length)) title.push(Object.assign(mark, { start: ev.span.start, end: ev.span.end }));
      });
    });
    return { text, title };
  }

  /** The text from..to as text nodes and <span>s, one per run of identical mark sets (marks may overlap). */
  function markedText(source, from, to, marks) {
    const inside = marks.filter((m) => m.end > from && m.start < to);
    const cuts = new Set([from, to]);
    for (const m of inside) { cuts.add(Math.max(from, m.start)); cuts.add(Math.min(to, m.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    const anchored = new Set();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = source.slice(a, b);
      const active = inside.filter((m) => m.start <= a && m.end >= b);
      if (!active.length) { out.push(document.createTextNode(piece)); continue; }
      const span = el('span', { className: 'mark ' + active.map((m) => m.cls).join(' '), title: active.map((m) => m.tip).join('\n') }, piece);
      for (const m of active) {
        if (m.anchor && !anchored.has(m.anchor)) { anchored.add(m.anchor); if (!document.getElementById(m.anchor)) span.id = m.anchor; }
      }
      out.push(span);
    }
    return out;
  }

  function paragraphsOf(record) {
    const sections = (record.sections || []).filter((s) => s && Array.isArray(s.paragraphs));
    if (sections.length) return sections;
    // No sections: paragraphs are separated by a blank line in the text.
    const paragraphs = [];
    let at = 0;
    for (const p of record.text.split('\n\n')) { paragraphs.push({ text: p, span: { start: at, end: at + p.length } }); at += p.length + 2; }
    return [{ heading: null, heading_span: null, paragraphs }];
  }

  function eventLine(ev) {
    const who = (ps) => (ps || []).map((p) => p.canonical || p.text).join('、');
    const parts = [ev.type.toUpperCase() + (ev.mode ? '/' + ev.mode : ''), who(ev.actors)];
    if ((ev.recipients || []).length) parts.push('→ ' + who(ev.recipients));
    if (ev.location) parts.push('@ ' + (ev.location.canonical || ev.location.text));
    if (ev.date) parts.push('(' + (ev.date.value || ev.date.text) + ')');
    if (ev.modality && ev.modality !== 'historical') parts.push('[' + ev.modality + ']');
    return parts.join(' ');
  }

  function articleView(record, options) {
    const marks = collectMarks(record);
    const root = el('article', { className: 'record' });
    const title = record.title || '(untitled)';
    root.appendChild(el('h1', null, record.title ? markedText(record.title, 0, record.title.length, marks.title) : title));
    root.appendChild(el('p', { className: 'meta' },
      record.site ? el('span', { className: 'site' }, record.site) : null,
      el('time', null, record.published || 'no date stated'),
      record.author ? el('span', null, record.author) : null,
      el('span', null, record.language),
      record.credibility ? el('span', { className: 'cred' }, 'credibility ' + fmtScore(record.credibility.score)) : null,
      options.stored ? el('span', { className: 'id' }, record.id) : null));
    const origin = el('p', { className: 'meta origin' }, 'source ', el('span', null, record.source));
    if (record.url) append(origin, [' · ', externalLink(record.url)]);
    root.appendChild(origin);

    if (record.credibility && (record.credibility.reasons || []).length)
      root.appendChild(el('ul', { className: 'reasons' }, record.credibility.reasons.map((r) => el('li', null, r))));

    root.appendChild(flagsPanel(record));
    root.appendChild(legend());

    const body = el('div', { className: 'body' });
    for (const section of paragraphsOf(record)) {
      if (section.heading) {
        body.appendChild(el('h2', null, validSpan(section.heading_span, record.text.length) && record.text.slice(section.heading_span.start, section.heading_span.end) === section.heading
          ? markedText(record.text, section.heading_span.start, section.heading_span.end, marks.text)
          : section.heading));
      }
      for (const p of section.paragraphs) {
        const aligned = validSpan(p.span, record.text.length) && record.text.slice(p.span.start, p.span.end) === p.text;
        body.appendChild(el('p', null, aligned ? markedText(record.text, p.span.start, p.span.end, marks.text) : p.text));
      }
    }
    root.appendChild(body);

    root.appendChild(linksPanel(record, options));
    root.appendChild(entitiesPanel(record));
    root.appendChild(datesPanel(record));
    root.appendChild(eventsPanel(record));
    root.appendChild(removedPanel(record));
    root.appendChild(el('details', { className: 'panel raw' }, el('summary', null, 'Record JSON'), el('pre', null, JSON.stringify(record, null, 2))));
    return root;
  }

  function legend() {
    return el('p', { className: 'legend' },
      el('span', { className: 'mark m-per' }, 'person 人物'), ' ',
      el('span', { className: 'mark m-loc' }, 'place 地点'), ' ',
      el('span', { className: 'mark m-org' }, 'organisation 机构'), ' ',
      el('span', { className: 'mark m-role' }, 'role 职务'), ' ',
      el('span', { className: 'mark m-date' }, 'date 日期'), ' ',
      el('span', { className: 'mark m-event' }, 'event 事件'), ' ',
      el('span', { className: 'mark m-flag sev-medium' }, 'flag evidence 证据'));
  }

  function flagsPanel(record) {
    const flags = record.flags || [];
    const panel = el('section', { className: 'panel flags-panel' }, el('h2', null, 'Flags · 可信度信号 (' + flags.length + ')'));
    if (!flags.length) { panel.appendChild(el('p', { className: 'hint' }, 'No credibility concerns were flagged.')); return panel; }
    flags.forEach((f, fi) => {
      const evidence = el('ul', { className: 'evidence' });
      (f.evidence || []).forEach((ev, ei) => {
        const where = ev.location + (ev.span ? ' ' + ev.span.start + '–' + ev.span.end : '') + (ev.removed_index !== null && ev.removed_index !== undefined ? ' #' + ev.removed_index : '');
        const item = el('li', null, el('span', { className: 'where' }, where), ' ', el('q', null, ev.text));
        if (ev.location === 'text' || ev.location === 'title') {
          item.appendChild(el('button', { type: 'button', className: 'jump', on: { click: () => jumpTo('ev-' + fi + '-' + ei) } }, 'show'));
        } else if (ev.location === 'removed' && Number.isInteger(ev.removed_index)) {
          item.appendChild(el('button', { type: 'button', className: 'jump', on: { click: () => jumpTo('removed-' + ev.removed_index) } }, 'show'));
        }
        evidence.appendChild(item);
      });
      const facts = (f.facts || []).length
        ? el('table', { className: 'facts' },
          el('thead', null, el('tr', null, ['subject', 'relation', 'object', 'start', 'end', 'source'].map((h) => el('th', null, h)))),
          el('tbody', null, f.facts.map((k) => el('tr', null, [k.subject, k.relation, k.object, k.start || '', k.end || '', k.source || ''].map((v) => el('td', null, v))))))
        : null;
      panel.appendChild(el('div', { className: 'flag ' + severityClass(f.severity) },
        el('p', null, flagBadge(f), ' ', el('span', { className: 'sev' }, f.severity)),
        el('p', { lang: 'zh-Hans' }, f.message_zh),
        el('p', { lang: 'en' }, f.message_en),
        evidence,
        facts));
    });
    return panel;
  }

  function jumpTo(id) {
    const target = document.getElementById(id);
    if (!target) return;
    for (let node = target.parentElement; node; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
    target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1600);
  }

  function linksPanel(record, options) {
    const panel = el('section', { className: 'panel' }, el('h2', null, 'Links · 关联'));
    if (record.thread) panel.appendChild(el('p', null, 'Story thread: ', el('a', { href: route('thread/' + encodeURIComponent(record.thread)) }, record.thread)));
    const dups = record.duplicates || [];
    if (dups.length) {
      panel.appendChild(el('ul', { className: 'dups' }, dups.map((d, i) => {
        const link = articleLink(d.other_id);
        // Titles arrive afterwards, for the first few copies only: each costs one record fetch.
        if (i < maxTitleLookups) getJson('/api/articles/' + encodeURIComponent(d.other_id)).then((other) => {
          if (other.title) link.textContent = other.title + (other.site ? ' · ' + other.site : '');
        }, () => { /* the id stays as the link text */ });
        return el('li', null, badge(d.kind, 'kind'), ' ', link, ' ', el('span', { className: 'sim' }, 'similarity ' + fmtScore(d.similarity)));
      })));
    }
    if (!record.thread && !dups.length)
      panel.appendChild(el('p', { className: 'hint' }, options.stored ? 'No copies and no thread.' : 'Not stored, so not linked to other articles.'));
    return panel;
  }

  function entitiesPanel(record) {
    const seen = new Map();
    for (const e of record.entities || []) {
      const key = e.type + '\u0000' + (e.kb_id || e.text);
      const row = seen.get(key) || { e, count: 0, roles: new Set() };
      row.count++;
      if (e.role) row.roles.add(e.role.text + ' (' + e.role.held_on_date + ')');
      seen.set(key, row);
    }
    const panel = el('details', { className: 'panel' }, el('summary', null, 'Entities · 实体 (' + seen.size + ')'));
    if (seen.size) {
      panel.appendChild(el('table', null,
        el('thead', null, el('tr', null, ['text', 'type', 'canonical', 'KB', 'country', 'role', 'n'].map((h) => el('th', null, h)))),
        el('tbody', null, [...seen.values()].map(({ e, count, roles }) =>
          el('tr', null, [e.text, e.type, e.canonical || '', e.kb_id || '', e.country || '', [...roles].join('; '), String(count)].map((v) => el('td', null, v)))))));
    }
    return panel;
  }

  function datesPanel(record) {
    const dates = record.dates || [];
    const panel = el('details', { className: 'panel' }, el('summary', null, 'Dates · 日期 (' + dates.length + ')'));
    if (dates.length) {
      panel.appendChild(el('table', null,
        el('thead', null, el('tr', null, ['text', 'kind', 'granularity', 'value', 'end'].map((h) => el('th', null, h)))),
        el('tbody', null, dates.map((d) => el('tr', null, [d.text, d.kind, d.granularity, d.value || '', d.end || ''].map((v) => el('td', null, v)))))));
    }
    return panel;
  }

  function eventsPanel(record) {
    const events = record.events || [];
    const panel = el('details', { className: 'panel', open: events.length > 0 && events.length <= 6 }, el('summary', null, 'Events · 事件 (' + events.length + ')'));
    panel.appendChild(el('ul', { className: 'events' }, events.map((ev) =>
      el('li', null,
        el('p', null, badge(ev.type, 'event'), ' ', eventLine(ev), (ev.context || []).length ? el('span', { className: 'ctx' }, ' · ' + ev.context.join(', ')) : null),
        el('p', { className: 'sentence' }, ev.sentence)))));
    return panel;
  }

  function removedPanel(record) {
    const removed = record.removed || [];
    const flagged = new Set();
    for (const f of record.flags || []) for (const ev of f.evidence || []) if (ev.location === 'removed' && Number.isInteger(ev.removed_index)) flagged.add(ev.removed_index);
    const panel = el('details', { className: 'panel removed' }, el('summary', null, 'Removed blocks · 已删除内容 (' + removed.length + ')'));
    removed.forEach((r, i) => {
      const head = [badge(r.reason, 'reason'), r.hidden ? badge('hidden', 'hidden') : null, flagged.has(i) ? badge('flagged', 'sev-high') : null, r.detail ? ' ' + r.detail : null, ' ', el('span', { className: 'preview' }, r.text.length > 60 ? r.text.slice(0, 60) + '…' : r.text)];
      const block = el('details', { className: 'block' + (flagged.has(i) ? ' flagged' : ''), id: 'removed-' + i }, el('summary', null, head), el('pre', { className: 'removed-text' }, r.text));
      if ((r.links || []).length)
        block.appendChild(el('ul', { className: 'removed-links' }, r.links.map((l) => el('li', null, l.text, ' ', el('code', null, l.href || '')))));
      panel.appendChild(block);
    });
    return panel;
  }

  // ---------- threads ----------

  async function threadsPage(params, current) {
    const input = el('input', { type: 'text', name: 'entity', placeholder: 'entity 实体 (KB id or name)', maxlength: 200, 'aria-label': 'entity' });
    input.value = params.get('entity') || '';
    const form = el('form', { className: 'search' }, input, el('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', (event) => { event.preventDefault(); location.hash = route('threads', { entity: input.value.trim() }); });
    view.appendChild(el('h1', null, 'Story threads · 专题'));
    view.appendChild(form);
    const api = new URLSearchParams();
    if (params.get('entity')) api.set('entity', params.get('entity'));
    const data = await getJson('/api/threads?' + api.toString());
    if (!current()) return;
    if (!data.threads.length) { view.appendChild(el('p', { className: 'hint' }, 'No threads.')); return; }
    view.appendChild(el('table', { className: 'threads' },
      el('thead', null, el('tr', null, ['thread', 'first', 'last', 'articles'].map((h) => el('th', null, h)))),
      el('tbody', null, data.threads.map((t) => el('tr', null,
        el('td', null, el('a', { href: route('thread/' + encodeURIComponent(t.id)) }, t.label || t.id)),
        el('td', null, t.first_day || ''), el('td', null, t.last_day || ''), el('td', { className: 'num' }, String(t.size)))))));
  }

  async function threadPage(id, current) {
    const data = await getJson('/api/threads/' + encodeURIComponent(id));
    if (!current()) return;
    const t = data.thread;
    view.appendChild(el('h1', null, t.label || t.id));
    view.appendChild(el('p', { className: 'meta' }, (t.first_day || '?') + ' – ' + (t.last_day || '?'), ' · ', t.size + ' articles', ' · ', el('span', { className: 'id' }, t.id)));
    // Copies fold under the member they copy.
    const copies = new Map();
    for (const e of data.entries) if (e.copy_of) { if (!copies.has(e.copy_of)) copies.set(e.copy_of, []); copies.get(e.copy_of).push(e); }
    const entry = (e) => el('li', { className: e.copy_of ? 'entry copy' : 'entry' },
      el('p', null, el('time', null, e.published || 'undated'), ' ', e.site ? el('span', { className: 'site' }, e.site) : null, ' ',
        e.copy_kind ? badge(e.copy_kind, 'kind') : null, ' ', articleLink(e.id, e.title || e.id)),
      e.events.length ? el('ul', { className: 'events' }, e.events.map((line) => el('li', null, line))) : null,
      copies.has(e.id) ? el('ul', { className: 'copies' }, copies.get(e.id).map(entry)) : null);
    view.appendChild(el('ol', { className: 'timeline' }, data.entries.filter((e) => !e.copy_of || !data.entries.some((x) => x.id === e.copy_of)).map(entry)));
  }

  // ---------- rejections ----------

  async function rejectionsPage(current) {
    const data = await getJson('/api/rejections');
    if (!current()) return;
    view.appendChild(el('h1', null, 'Rejected items · 拒收 (' + data.count + ')'));
    if (!data.rejections.length) { view.appendChild(el('p', { className: 'hint' }, 'Nothing was rejected.')); return; }
    view.appendChild(el('table', { className: 'rejections' },
      el('thead', null, el('tr', null, ['source', 'reason', 'detail'].map((h) => el('th', null, h)))),
      el('tbody', null, data.rejections.map((r) => el('tr', null, el('td', null, r.source), el('td', null, badge(r.reason, 'reason')), el('td', null, r.detail))))));
  }

  // ---------- analyze ----------

  function analyzePage() {
    const area = el('textarea', { name: 'page', rows: 12, placeholder: 'Paste a page (HTML or text) · 粘贴网页', 'aria-label': 'page' });
    const kind = el('select', { name: 'type', 'aria-label': 'format' },
      el('option', { value: 'text/html; charset=utf-8' }, 'HTML'),
      el('option', { value: 'text/plain; charset=utf-8' }, 'plain text'),
      el('option', { value: 'text/markdown; charset=utf-8' }, 'Markdown'));
    const url = el('input', { type: 'url', name: 'url', placeholder: 'page URL (optional)', maxlength: 2000, 'aria-label': 'url' });
    const out = el('div', { className: 'analysis' });
    const form = el('form', { className: 'analyze' }, area, el('div', { className: 'filters' }, kind, url, el('button', { type: 'submit' }, 'Analyze')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(out);
      out.appendChild(el('p', { className: 'hint' }, 'Analysing…'));
      const query = url.value.trim() ? '?url=' + encodeURIComponent(url.value.trim()) : '';
      try {
        const record = await getJson('/api/analyze' + query, { method: 'POST', headers: { 'Content-Type': kind.value, Accept: 'application/json' }, body: area.value });
        clear(out);
        out.appendChild(articleView(record, { stored: false }));
      } catch (e) {
        clear(out);
        out.appendChild(errorBox(e));
      }
    });
    view.appendChild(el('h1', null, 'Analyze a page · 分析网页'));
    view.appendChild(el('p', { className: 'hint' }, 'The page is analysed and shown; nothing is stored.'));
    view.appendChild(form);
    view.appendChild(out);
  }

  // ---------- start ----------

  async function loadStats() {
    try {
      const s = await getJson('/api/stats');
      statsBox.textContent = s.articles + ' articles · ' + s.threads + ' threads · ' + s.rejections + ' rejected';
    } catch (e) {
      statsBox.textContent = 'store unavailable';
    }
  }

  window.addEventListener('hashchange', render);
  render();
  loadStats();
})();
