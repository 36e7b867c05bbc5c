// Prints the search benchmark's tables: our index against Pagefind and lunr on
// the synthetic corpora, and the quality of each on the site's real offers.
//
//   node bench/search/measure.js WORKDIR
//
// The page counted is bench/search/search-page.html, the site's built /suche/
// page with the text of its inline script left out: this file fills in the
// current templates/assets/search.js as the generator does, and for a split
// index adds the data-shard the generator writes. (To refresh the file, build
// the site and copy public/suche/index.html; the script's text may stay in.)
// Requests in a row are counted as the page makes them (search.js openIndex):
// a request's place is one after the latest response before it.
// WORKDIR holds one folder per corpus (1k, 10k, real), each with corpus.json,
// ours/ (our index files) and html/pagefind/ (Pagefind's output), as run.sh
// leaves them. A missing engine is printed as unavailable.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { performance } = require('node:perf_hooks');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '../..');
const scriptPath = path.join(root, 'templates/assets/search.js');
const { Engine, openIndex } = require(scriptPath);
const work = path.resolve(process.argv[2] || 'bench/out/search');
const queries = JSON.parse(fs.readFileSync(path.join(__dirname, 'queries.json'), 'utf8'));
const SHOWN = 10; // results whose text a first search fetches

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const slug = (url) => url.replace(/^.*\/angebote\//, '').replace(/\/(index\.html)?$/, '');
const pageFile = fs.readFileSync(path.join(__dirname, 'search-page.html'), 'utf8');
const INLINE_SCRIPT = /(<script type="module" async>)[\s\S]*?(<\/script>)/;
if (!INLINE_SCRIPT.test(pageFile)) throw new Error('bench/search/search-page.html has no inline search script: rebuild it');
const script = fs.readFileSync(scriptPath, 'utf8');
const scriptBytes = gz(script);

// Our search page as the generator writes it: the script inlined (made safe as
// in ViewModels.scriptElementText), and a split index's shard length announced.
function ourPage(shard) {
  const inlined = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
  let html = pageFile.replace(INLINE_SCRIPT, (_, open, close) => open + inlined + close);
  if (shard) html = html.replace(/ data-index="[^"]*"/, (attribute) => `${attribute} data-shard="${shard}"`);
  return html;
}
// The page for the other engines: ours without our script; theirs is counted apart.
const pageBytes = gz(pageFile.replace(INLINE_SCRIPT, ''));

function allFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

// ---- ours -------------------------------------------------------------------

function ours(dir) {
  const index = path.join(dir, 'ours');
  if (!fs.existsSync(path.join(index, 'index.json'))) return null;
  const read = (file) => {
    const full = path.join(index, file);
    return fs.existsSync(full) ? fs.readFileSync(full) : null;
  };
  const meta = JSON.parse(read('index.json'));
  const page = ourPage(meta.shard);
  const announced = Number((page.match(/data-shard="(\d+)"/) || [])[1]) || 0;
  // A loader that notes the bytes and the place in the chain of requests in a
  // row of each file (the page is 1). Responses come in a later turn of the
  // event loop, so what the page requests together shares a place.
  const open = () => {
    const fetched = new Map(), places = new Map();
    let answered = 1;
    const load = (file) => {
      const place = answered + 1;
      places.set(file, place);
      return new Promise((resolve) => setImmediate(() => {
        answered = Math.max(answered, place);
        const buf = read(file);
        fetched.set(file, buf ? gz(buf) : 0);
        resolve(buf ? JSON.parse(buf) : null);
      }));
    };
    return { fetched, places, load };
  };
  const kind = (file) => (file === 'index.json' ? 'index' : file.startsWith('t/') ? 'shards' : 'records');
  const chains = [];
  return {
    name: 'Wegweiser',
    sharded: Boolean(meta.shard),
    // As the page does it: openIndex requests index.json and the shards the
    // page's data-shard says the query needs, then the engine the records.
    async firstSearch(q) {
      const { fetched, places, load } = open();
      const engine = await openIndex(load, q, announced);
      await engine.prepare(q);
      await engine.records(engine.search(q, {}).ids.slice(0, SHOWN));
      chains.push(places);
      return [...fetched.values()].reduce((a, b) => a + b, 0) + gz(page);
    },
    // The longest chain of the first searches, e.g. "3 (page, index ∥ shards, records)".
    get requests() {
      const longest = chains.reduce((a, b) => (Math.max(1, ...b.values()) > Math.max(1, ...a.values()) ? b : a), new Map());
      const steps = [['page']];
      for (const [file, place] of longest) {
        steps[place - 1] = steps[place - 1] || [];
        if (!steps[place - 1].includes(kind(file))) steps[place - 1].push(kind(file));
      }
      return `${steps.length} (${steps.map((s) => s.join(' ∥ ')).join(', ')})`;
    },
    wholeIndex: () => allFiles(index).reduce((a, f) => a + gz(fs.readFileSync(f)), 0),
    async engine() {
      const { load } = open();
      const engine = new Engine(await load('index.json'), load);
      return {
        async prepare(q) { await engine.prepare(q); },
        run: (q) => engine.search(q, {}).ids.length,
        async top(q) { await engine.prepare(q); return (await engine.records(engine.search(q, {}).ids.slice(0, 3))).map((r) => slug(r[0])); },
      };
    },
  };
}

// ---- lunr -------------------------------------------------------------------

function lunrEngine(dir) {
  let lunr;
  try { lunr = require('lunr'); } catch { return { unavailable: 'lunr not installed (apt-get install node-lunr)' }; }
  const docs = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'))).documents;
  const t0 = performance.now();
  const idx = lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('topics', { boost: 5 });
    this.field('summary', { boost: 3 });
    this.field('body');
    this.field('locations');
    docs.forEach((d, id) => this.add({
      id, title: d.title, topics: d.topics.join(' '), summary: d.summary, body: d.body,
      locations: (d.locations || []).join(', '),
    }));
  });
  const buildMs = performance.now() - t0;
  const serialized = Buffer.from(JSON.stringify(idx));
  const store = Buffer.from(JSON.stringify(docs.map((d) => [d.url, d.title, d.place, d.summary])));
  const lunrJs = fs.readFileSync(require.resolve('lunr'));
  // The words as typed, the last one also as a prefix; lunr's own query syntax is not for visitors.
  const query = (q) => {
    const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return (qb) => words.forEach((w, i) => {
      qb.term(w, { boost: 10 });
      if (i === words.length - 1) qb.term(w, { wildcard: lunr.Query.wildcard.TRAILING });
    });
  };
  return {
    name: 'lunr ' + lunr.version,
    firstSearch: async () => pageBytes + gz(lunrJs) + gz(serialized) + gz(store),
    requests: '3 (page, lunr.js, index + documents)',
    wholeIndex: () => gz(serialized) + gz(store),
    note: `English pipeline (no German stemmer shipped); build ${Math.round(buildMs)} ms`,
    async engine() {
      return {
        async prepare() {},
        run: (q) => idx.query(query(q)).length,
        async top(q) { return idx.query(query(q)).slice(0, 3).map((r) => slug(docs[r.ref].url)); },
      };
    },
  };
}

// ---- Pagefind ---------------------------------------------------------------

async function pagefindEngine(dir) {
  const out = path.join(dir, 'html', 'pagefind');
  if (!fs.existsSync(path.join(out, 'pagefind.js'))) return { unavailable: 'pagefind not installed or not built (pip install pagefind-bin)' };
  const compressed = (f) => /\.(pf_\w+|pagefind)$/.test(f); // Pagefind ships these gzipped already
  const size = (f) => (compressed(f) ? fs.statSync(f).size : gz(fs.readFileSync(f)));
  const fetched = new Map();
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input) => {
    const url = new URL(String(input), 'http://bench.local/pagefind/');
    const file = path.join(out, decodeURIComponent(url.pathname.replace(/^\/pagefind\//, '')));
    fetched.set(file, size(file));
    return new Response(fs.readFileSync(file));
  };
  const quiet = console.warn;
  console.warn = () => {};
  try {
    // A fresh module instance per search, so that each first search starts cold.
    const fresh = async () => {
      const pf = await import(pathToFileURL(path.join(out, 'pagefind.js')).href + '?' + Math.random());
      await pf.options({ basePath: 'http://bench.local/pagefind/' });
      await pf.init();
      return pf;
    };
    const js = gz(fs.readFileSync(path.join(out, 'pagefind.js')));
    const version = (fs.readFileSync(path.join(out, 'pagefind.js'), 'utf8').match(/pagefind_version="([^"]+)"/) || [])[1];
    const engineFiles = allFiles(out).filter((f) => !/pagefind-(component-|modular-)?ui|highlight|worker|wasm\.unknown/.test(f));
    const shared = await fresh();
    return {
      name: 'Pagefind ' + (version || ''),
      async firstSearch(q) {
        fetched.clear();
        const pf = await fresh();
        const r = await pf.search(q);
        await Promise.all(r.results.slice(0, SHOWN).map((x) => x.data()));
        return [...fetched.values()].reduce((a, b) => a + b, 0) + pageBytes + js;
      },
      requests: '6 (page, pagefind.js, entry, meta+wasm, index chunk, fragments)',
      wholeIndex: () => engineFiles.filter((f) => !f.endsWith('pagefind.js')).reduce((a, f) => a + size(f), 0),
      note: 'core API (pagefind.js), UI not counted; query time warm, in Node with its WebAssembly',
      async engine() {
        return {
          async prepare(q) { await shared.search(q); },
          run: null,
          async time(q) { const t = performance.now(); await shared.search(q); return performance.now() - t; },
          async top(q) { const r = await shared.search(q); return Promise.all(r.results.slice(0, 3).map(async (x) => slug((await x.data()).url))); },
        };
      },
      restore() { globalThis.fetch = realFetch; console.warn = quiet; },
    };
  } catch (error) {
    globalThis.fetch = realFetch;
    console.warn = quiet;
    return { unavailable: 'Pagefind did not run in Node: ' + error.message };
  }
}

// ---- measuring --------------------------------------------------------------

async function queryTime(e, texts) {
  const engine = await e.engine();
  const perQuery = [];
  for (const q of texts) {
    await engine.prepare(q);
    const runs = [];
    for (let i = 0; i < 15; i++) {
      if (engine.time) { runs.push(await engine.time(q)); continue; }
      const t = performance.now();
      engine.run(q);
      runs.push(performance.now() - t);
    }
    perQuery.push(median(runs));
  }
  return { median: median(perQuery), max: Math.max(...perQuery) };
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(headers));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
  console.log('');
}

async function main() {
  const texts = queries.map((q) => q.q);
  console.log(`Search benchmark: ${texts.length} queries (bench/search/queries.json); first search = page ` +
    `(${kb(pageBytes)} gzip without a search script) + script + what the engine fetches for the query and its ` +
    `top ${SHOWN} results, gzip. Our script (${kb(scriptBytes)} gzip alone, goal ≤ 8 KB) is inlined in the page: ` +
    `${kb(gz(ourPage(0)))} gzip together.\n`);
  const goals = { '1k': [80, 5], '10k': [130, 20] };
  for (const size of ['1k', '10k']) {
    const dir = path.join(work, size);
    if (!fs.existsSync(path.join(dir, 'corpus.json'))) continue;
    const n = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'))).documents.length;
    console.log(`## ${n} synthetic offers (goals: first search ≤ ${goals[size][0]} KB, index ≤ 350 B/offer, ≤ 3 requests in a row, query ≤ ${goals[size][1]} ms)\n`);
    const rows = [];
    for (const make of [ours, lunrEngine, pagefindEngine]) {
      const e = await make(dir);
      if (!e) { rows.push([make.name, 'not built', '', '', '', '', '']); continue; }
      if (e.unavailable) { rows.push([make === lunrEngine ? 'lunr' : 'Pagefind', 'unavailable: ' + e.unavailable, '', '', '', '', '']); continue; }
      const first = [];
      for (const q of texts) first.push(await e.firstSearch(q));
      const time = await queryTime(e, texts);
      rows.push([e.name, `${kb(median(first))} (max ${kb(Math.max(...first))})`, `${Math.round(e.wholeIndex() / n)} B`,
        e.requests, `${time.median.toFixed(2)} ms (max ${time.max.toFixed(1)})`, e.sharded === undefined ? '' : e.sharded ? 'split' : 'one file', e.note || '']);
      if (e.restore) e.restore();
    }
    table(['engine', 'first search, median', 'index per offer', 'requests in a row', 'query time, median', 'layout', 'note'], rows);
  }

  const real = path.join(work, 'real');
  if (!fs.existsSync(path.join(real, 'corpus.json'))) return;
  const n = JSON.parse(fs.readFileSync(path.join(real, 'corpus.json'))).documents.length;
  console.log(`## Quality on the site's ${n} real offers: expected offers in the top 3\n`);
  const engines = [];
  for (const make of [ours, lunrEngine, pagefindEngine]) {
    const e = await make(real);
    if (e && !e.unavailable) engines.push(e);
    else console.log(`(${make === lunrEngine ? 'lunr' : 'Pagefind'} unavailable: ${e ? e.unavailable : 'not built'})`);
  }
  const rows = [];
  const totals = engines.map(() => 0);
  let possible = 0;
  for (const { q, expect } of queries) {
    const best = Math.min(3, expect.length);
    possible += best;
    const row = [q, String(best)];
    for (const [i, e] of engines.entries()) {
      const top = await (await e.engine()).top(q);
      const hits = top.filter((s) => expect.includes(s)).length;
      totals[i] += hits;
      row.push(String(hits));
    }
    rows.push(row);
  }
  rows.push(['total', String(possible), ...totals.map(String)]);
  table(['query', 'best', ...engines.map((e) => e.name)], rows);
  engines.forEach((e) => e.restore && e.restore());
  const site = ours(real);
  const first = [];
  for (const { q } of queries) first.push(await site.firstSearch(q));
  console.log(`Our whole index for the real site: ${kb(site.wholeIndex())} gzip, ${Math.round(site.wholeIndex() / n)} B per offer ` +
    `(${site.sharded ? 'split' : 'one file'}); first search ${kb(median(first))} (max ${kb(Math.max(...first))}), ` +
    `requests in a row ${site.requests}.`);
}

main().catch((error) => { console.error(error); process.exit(1); });
