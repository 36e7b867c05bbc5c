/* Wegweiser search: the tokeniser (a mirror of Sources/WegweiserSearch/Tokenizer.swift
 * and Cistem.swift; the shared vectors in Tests/Fixtures/search/ prove they agree),
 * the query engine over the index the build writes to /suche/, and the page glue.
 * Plain browser JavaScript, no dependencies. In Node it exports the tokeniser and
 * the engine for the tests and the benchmark; on a page it runs the search form.
 * The generator inlines this file into the search page (and copies it to
 * /assets/). Index format and algorithms: docs/search.md. */
(function () {
  'use strict';

  // ---- Tokeniser ----------------------------------------------------------

  var LETTERS = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ς': 'σ' };
  var INVISIBLE = /[\p{Mn}\p{Cf}]/u;
  var WORD_CHAR = /[\p{L}\p{N}]/u;
  var STOP = new Set(('ab aber alle allen aller als also am an auch auf aus bei beim bin bis bist da damit dann das dass ' +
    'dem den der des die dies diese diesem diesen dieser dieses dir doch du durch ein eine einem einen einer eines er es ' +
    'etwa fur hat hier ihr ihre ihrem ihren ihrer im in ins ist ja jede jeden jeder man mit nach nicht noch nur ob oder ' +
    'ohne sich sie sind so um und uns unser unsere vom von vor war was wer wie wir wird wo zu zum zur').split(' '));

  // Folded words: lower case, accents dropped, ß → ss, then ae/oe/ue → a/o/u so
  // that "Aerztin" meets "Ärztin" (whose ä has become a).
  function words(text) {
    var out = [], word = '';
    for (var ch of String(text).toLowerCase().normalize('NFKD')) {
      if (INVISIBLE.test(ch)) continue;
      if (LETTERS[ch]) word += LETTERS[ch];
      else if (WORD_CHAR.test(ch)) word += ch;
      else if (word) { out.push(word.replace(/([aou])e/g, '$1')); word = ''; }
    }
    if (word) out.push(word.replace(/([aou])e/g, '$1'));
    return out;
  }

  function length(word) { return Array.from(word).length; }

  // CISTEM (Weissweiler & Fraser 2017), case-insensitive, without the "ge-" rule.
  function stem(word) {
    var marked = Array.from(word.replace(/sch/g, '\uE000').replace(/ei/g, '\uE001').replace(/ie/g, '\uE002'));
    var w = [];
    for (var i = 0; i < marked.length; i++) {
      w.push(marked[i]);
      if (marked[i + 1] === marked[i]) { w.push('*'); i++; }
    }
    while (w.length > 3) {
      var n = w.length, last = w[n - 1], two = w[n - 2] + last;
      if (n > 5 && (two === 'em' || two === 'er' || two === 'nd')) { w.length -= 2; continue; }
      if (last === 't' || last === 'e' || last === 's' || last === 'n') { w.length -= 1; continue; }
      break;
    }
    var out = [];
    for (var j = 0; j < w.length; j++) out.push(w[j] === '*' ? out[out.length - 1] : w[j]);
    return out.join('').replace(/\uE000/g, 'sch').replace(/\uE001/g, 'ei').replace(/\uE002/g, 'ie');
  }

  function tokens(text) {
    return words(text).filter(function (w) { return length(w) >= 2 && !STOP.has(w); }).map(stem);
  }

  // Query terms: like tokens, but the last word, while still being typed, is
  // kept even when it is a stop word ("die" may become "dienst") and is only
  // used as a prefix then.
  function queryTerms(text) {
    text = String(text || '');
    var ws = words(text), open = ws.length > 0 && WORD_CHAR.test(text.slice(-1)), terms = [];
    ws.forEach(function (w, i) {
      if (length(w) < 2) return;
      if (!STOP.has(w)) terms.push({ term: stem(w), exact: true });
      else if (open && i === ws.length - 1) terms.push({ term: w, exact: false });
    });
    return terms;
  }

  // ---- Query engine -------------------------------------------------------

  var PREFIX_WEIGHT = 0.6, TYPO_WEIGHT = 0.3, MIN_TYPO_LENGTH = 4, FILL = 10; // FILL: a page of results

  function shardName(term, size) {
    return Array.from(term).slice(0, size).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_';
    }).join('');
  }

  // True when a and b differ by at most one insertion, deletion, substitution
  // or swap of two neighbouring letters.
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function looksLike(query, term) {
    if (withinOneEdit(query, term)) return true;
    for (var l = query.length - 1; l <= query.length + 1; l++) {
      if (l < term.length && withinOneEdit(query, term.slice(0, l))) return true;
    }
    return false;
  }

  // meta: the parsed index.json. load(path): a promise of the parsed JSON file
  // at a path relative to index.json, or null when it does not exist.
  function Engine(meta, load) {
    this.n = meta.n;
    this.meta = meta;
    this.load = load;
    this.shardSize = meta.shard || 0;
    this.chunk = meta.chunk || 0;
    this.shards = {};
    this.recordChunks = {};
    if (!this.shardSize) this.shards[''] = shard(meta);
    if (meta.r) this.recordChunks[0] = meta.r;
    this.facets = meta.f.map(function (f) {
      return { key: f[0], values: f[1], bits: f[2], width: Math.ceil(f[1].length / 6) };
    });
  }

  function shard(json) {
    return { terms: json ? json.t : [], postings: json ? json.p : [], decoded: [] };
  }

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  Engine.prototype.hasValue = function (facet, doc, value) {
    return (B64.indexOf(facet.bits[doc * facet.width + (value / 6 | 0)]) >> (value % 6) & 1) === 1;
  };

  Engine.prototype.shardFor = function (term) {
    return this.shardSize ? shardName(term, this.shardSize) : '';
  };

  // The files of a split index (shards of `size` letters) that a query's terms
  // are in. The page knows `size` before index.json arrives: it says it in
  // data-shard, from the same layout the index was written with.
  function shardFiles(q, size) {
    var files = [];
    queryTerms(q).forEach(function (t) {
      var file = 't/' + shardName(t.term, size) + '.json';
      if (files.indexOf(file) < 0) files.push(file);
    });
    return files;
  }

  // Opens the index for a first search of q: requests index.json and, for a
  // split index (shardSize > 0), the shards q needs, all at once, so the
  // results are one round trip nearer. Resolves to an Engine whose loads
  // reuse those requests.
  // extra: more files of a split index to request at once (h.json for
  // "open now", g.json for "near").
  function openIndex(load, q, shardSize, extra) {
    var started = {};
    var once = function (file) { return started[file] || (started[file] = load(file)); };
    var index = once('index.json');
    if (shardSize > 0) shardFiles(q, shardSize).concat(extra || []).forEach(once);
    return index.then(function (meta) {
      if (!meta) throw new Error('no index');
      return new Engine(meta, once);
    });
  }

  // Opening hours per document ("h", null when no offer has any) and the
  // coordinates per document with the place names ({g, k}, null when no
  // offer has any): in index.json for a small site, else in their own files,
  // fetched only when a search needs them.
  Engine.prototype.hours = function () {
    var self = this;
    if (!this.hoursData) {
      this.hoursData = this.meta.h || !this.shardSize ? Promise.resolve(this.meta.h || null)
        : this.load('h.json').then(function (json) { return json ? json.h : null; }, function () { return null; });
    }
    return this.hoursData;
  };

  Engine.prototype.geo = function () {
    if (!this.geoData) {
      this.geoData = this.meta.g || !this.shardSize ? Promise.resolve(this.meta.g ? { g: this.meta.g, k: this.meta.k || [] } : null)
        : this.load('g.json').then(function (json) { return json && json.g ? { g: json.g, k: json.k || [] } : null; },
          function () { return null; });
    }
    return this.geoData;
  };

  // Fetches the shards the query's terms need; resolves when they are there.
  Engine.prototype.prepare = function (q) {
    var self = this;
    return Promise.all(queryTerms(q).map(function (t) {
      var name = self.shardFor(t.term);
      if (!(name in self.shards)) {
        self.shards[name] = self.load('t/' + name + '.json').then(function (json) {
          return (self.shards[name] = shard(json));
        });
      }
      return self.shards[name];
    }));
  };

  function decode(s, index) {
    if (!s.decoded[index]) {
      var list = s.postings[index], ids = [], scores = [], id = 0;
      for (var i = 0; i < list.length; i += 2) { id += list[i]; ids.push(id); scores.push(list[i + 1]); }
      s.decoded[index] = { ids: ids, scores: scores };
    }
    return s.decoded[index];
  }

  // The documents one query term matches, as a Map id → score: the term itself,
  // terms it begins (prefix), and only when neither exists, terms one typo away.
  Engine.prototype.match = function (t) {
    var s = this.shards[this.shardFor(t.term)], found = new Map(), typo = false;
    if (!s || typeof s.then === 'function') return { docs: found, typo: false };
    var terms = s.terms, lo = 0, hi = terms.length, q = t.term;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < q) lo = mid + 1; else hi = mid; }
    var hits = [];
    for (var i = lo; i < terms.length && terms[i].startsWith(q); i++) {
      hits.push([i, terms[i] === q && t.exact ? 1 : PREFIX_WEIGHT]);
    }
    if (!hits.length && length(q) >= MIN_TYPO_LENGTH) {
      for (var k = 0; k < terms.length; k++) if (looksLike(q, terms[k])) hits.push([k, TYPO_WEIGHT]);
      typo = hits.length > 0;
    }
    hits.forEach(function (hit) {
      var p = decode(s, hit[0]);
      for (var j = 0; j < p.ids.length; j++) {
        var score = p.scores[j] * hit[1], old = found.get(p.ids[j]);
        if (old === undefined || score > old) found.set(p.ids[j], score);
      }
    });
    // The index holds saturated term weights; the idf is the word's, over all
    // the documents it matches, so that a rare word found by prefix or typo
    // counts no more than the common word typed.
    var idf = Math.log(1 + (this.n - found.size + 0.5) / (found.size + 0.5));
    found.forEach(function (score, id) { found.set(id, score * idf); });
    return { docs: found, typo: typo };
  };

  // Runs a query over the shards already prepared. filters: {ort: 'unna', …}.
  // Returns ids best first, how many of them have all the words, facet counts
  // per facet key (the counts of a facet take the query and the other facets'
  // filters into account), and how the query was matched: 'all' words, 'some'
  // (offers with only some of the words follow, as fewer than a page had
  // all), 'typo'. options.keep(id): only documents it accepts (open now)
  // are candidates, for the list and the counts; options.distance(id): km or
  // null, then the list is by distance (offers without after them), offers
  // with all the words still first; either lists offers without a query too.
  Engine.prototype.search = function (q, filters, options) {
    var self = this, terms = queryTerms(q), scores = null, mode = 'all', typo = false;
    filters = filters || {};
    options = options || {};
    if (terms.length) {
      var matches = terms.map(function (t) { var m = self.match(t); typo = typo || m.typo; return m.docs; });
      // Offers with all the words; while they are fewer than a page, those
      // with some of the words follow, more words first.
      scores = unite(matches);
      var complete = 0;
      scores.forEach(function (s) { if (s.hits === terms.length) complete++; });
      if (complete >= FILL || complete === scores.size) {
        scores.forEach(function (s, id) { if (s.hits < terms.length) scores.delete(id); });
      } else mode = 'some';
    }
    var active = this.facets.map(function (f) {
      var v = filters[f.key];
      var index = v ? f.values.findIndex(function (value) { return value[0] === v; }) : -1;
      return v ? index : null; // -1: an unknown value, which nothing has
    });
    var counts = {};
    this.facets.forEach(function (f) { counts[f.key] = f.values.map(function () { return 0; }); });
    // Without query words every offer is a candidate: the counts then say how
    // many offers each filter value has, and a filter alone lists its offers.
    var ids = [], candidates = scores ? Array.from(scores.keys()) : null;
    var total = candidates ? candidates.length : this.n;
    for (var c = 0; c < total; c++) {
      var doc = candidates ? candidates[c] : c, failed = -1, failures = 0;
      if (options.keep && !options.keep(doc)) continue;
      for (var f = 0; f < this.facets.length && failures < 2; f++) {
        if (active[f] !== null && (active[f] < 0 || !this.hasValue(this.facets[f], doc, active[f]))) { failed = f; failures++; }
      }
      if (failures === 0) ids.push(doc);
      if (failures > 1) continue;
      for (var g = 0; g < this.facets.length; g++) {
        if (failures === 1 && g !== failed) continue;
        for (var v = 0; v < this.facets[g].values.length; v++) if (this.hasValue(this.facets[g], doc, v)) counts[this.facets[g].key][v]++;
      }
    }
    if (!terms.length && !active.some(function (a) { return a !== null; }) && !options.keep && !options.distance) ids = [];
    var km = null;
    if (options.distance) {
      km = new Map();
      ids.forEach(function (id) { km.set(id, options.distance(id)); });
    }
    var byDistance = function (a, b) {
      if (!km) return 0;
      var da = km.get(a), db = km.get(b);
      if (da === null || db === null) return (da === null) - (db === null);
      return da - db;
    };
    if (scores) {
      ids.sort(function (a, b) { return (scores.get(b).hits - scores.get(a).hits) || byDistance(a, b) || (scores.get(b).score - scores.get(a).score) || a - b; });
    } else {
      ids.sort(function (a, b) { return byDistance(a, b) || a - b; });
    }
    var all = scores ? ids.filter(function (id) { return scores.get(id).hits === terms.length; }).length : ids.length;
    return { ids: ids, all: all, counts: counts, mode: terms.length ? (mode === 'all' && typo ? 'typo' : mode) : 'none' };
  };

  function unite(maps) {
    var out = new Map();
    maps.forEach(function (m) {
      m.forEach(function (score, id) {
        var o = out.get(id) || { hits: 0, score: 0 };
        o.hits++; o.score += score; out.set(id, o);
      });
    });
    return out;
  }

  // The records [url, title, place, summary] of documents, fetching the chunks they are in.
  Engine.prototype.records = function (ids) {
    var self = this, size = this.chunk || this.n;
    return Promise.all(ids.map(function (id) {
      var k = self.chunk ? Math.floor(id / size) : 0;
      if (!(k in self.recordChunks)) self.recordChunks[k] = self.load('r/' + k + '.json');
      return Promise.resolve(self.recordChunks[k]).then(function (chunk) { return chunk ? chunk[id - k * size] : null; });
    }));
  };

  var api = {
    words: words, stem: stem, tokens: tokens, queryTerms: queryTerms, withinOneEdit: withinOneEdit,
    shardName: shardName, shardFiles: shardFiles, openIndex: openIndex, Engine: Engine,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- The search page ----------------------------------------------------

  var PAGE = 10, FILTERS = ['ort', 'phase', 'thema', 'kosten', 'sprache', 'zugang', 'offen', 'nahe'];

  function start() {
    var results = document.getElementById('search-results');
    var form = document.getElementById('search-form') || (results && document.querySelector('form[role="search"]'));
    if (!results || !form || !form.elements.q) return;
    var input = form.elements.q;
    var status = document.getElementById('search-status');
    if (!status) {
      status = document.createElement('p');
      status.id = 'search-status';
      status.setAttribute('role', 'status');
      results.parentNode.insertBefore(status, results);
    }
    status.setAttribute('aria-live', 'polite');
    var base = new URL(results.getAttribute('data-index') || form.getAttribute('data-index') || 'index.json', location.href);
    var load = function (path) {
      return fetch(new URL(path, base)).then(function (r) { return r.ok ? r.json() : null; });
    };
    var engine = null, run = 0, timer = 0, shown = [], all = [];
    var describeResult = function () { return {}; };
    // hours.js and geo.js are deferred scripts: they have run by DOMContentLoaded,
    // which this async script may come before (even after parsing has ended).
    var helpers = new Promise(function (resolve) {
      if ((window.WegweiserHours && window.WegweiserGeo) || document.readyState === 'complete') return resolve();
      document.addEventListener('DOMContentLoaded', resolve);
      window.addEventListener('load', resolve);
    });
    var timeZone = form.getAttribute('data-timezone') || 'Europe/Berlin';
    var holidays = (form.getAttribute('data-holidays') || '').split(' ').filter(Boolean);
    var locate = document.getElementById('search-locate');
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener('click', function () {
        status.textContent = 'Ihr Standort wird ermittelt …';
        navigator.geolocation.getCurrentPosition(function (position) {
          form.elements.nahe.value = window.WegweiserGeo
            ? window.WegweiserGeo.roundPosition(position.coords.latitude, position.coords.longitude)
            : position.coords.latitude.toFixed(3) + ',' + position.coords.longitude.toFixed(3);
          search('push');
        }, function () {
          status.textContent = 'Ihr Standort ist nicht verfügbar. Geben Sie einen Ort oder eine Postleitzahl ein.';
          form.elements.nahe.focus();
        }, { maximumAge: 600000, timeout: 15000 });
      });
    }

    function readState() {
      var params = new URLSearchParams(location.search), state = { q: params.get('q') || '', filters: {} };
      FILTERS.forEach(function (k) { if (params.get(k)) state.filters[k] = params.get(k); });
      return state;
    }
    function formState() {
      var state = { q: input.value, filters: {} };
      FILTERS.forEach(function (k) {
        var el = form.elements[k], value = el && (el.type === 'checkbox' ? (el.checked ? el.value : '') : el.value.trim());
        if (value) state.filters[k] = value;
      });
      return state;
    }
    function showState(state) {
      input.value = state.q;
      FILTERS.forEach(function (k) { var el = form.elements[k]; if (el) setControl(el, state.filters[k] || ''); });
    }
    function setControl(el, value) {
      if (el.tagName === 'SELECT' && value && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
        el.add(new Option(value, value));
      }
      if (el.type === 'checkbox') el.checked = el.value === value; else el.value = value;
    }
    function url(state) {
      var params = new URLSearchParams();
      if (state.q.trim()) params.set('q', state.q.trim());
      FILTERS.forEach(function (k) { if (state.filters[k]) params.set(k, state.filters[k]); });
      var s = params.toString();
      return location.pathname + (s ? '?' + s : '');
    }

    function search(history) {
      var state = formState(), mine = ++run;
      if (history && url(state) !== location.pathname + location.search) {
        window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url(state));
      }
      if (!engine) return;
      // A split index's hours and coordinates are fetched only for a search
      // that filters or sorts by them; the open state of the results shown
      // comes with their records (more()), not one request later.
      var wantHours = state.filters.offen === 'jetzt' || !engine.shardSize;
      Promise.all([engine.prepare(state.q), helpers, wantHours ? engine.hours() : null, state.filters.nahe ? engine.geo() : null]).then(function (got) {
        if (mine !== run) return;
        var when = new Date(), Hours = window.WegweiserHours, Geo = window.WegweiserGeo;
        var hours = Hours ? got[2] : null, geo = got[3], states = new Map();
        var openAt = function (id, known) {
          var h = hours || known;
          if (!Hours || !h || !h[id]) return null;
          hours = h;
          if (!states.has(id)) states.set(id, Hours.openState(hours[id], when, timeZone, holidays));
          return states.get(id);
        };
        var near = state.filters.nahe && Geo ? Geo.resolve(state.filters.nahe, geo && geo.k, words) : null;
        var options = {};
        if (state.filters.offen === 'jetzt' && hours) options.keep = function (id) { var o = openAt(id); return !!(o && o.open); };
        if (near && geo) options.distance = function (id) { return Geo.nearest(near, geo.g[id] || null); };
        var result = engine.search(state.q, state.filters, options);
        describeResult = function (id, known) {
          var o = openAt(id, known), km = options.distance ? options.distance(id) : null;
          return { open: o && Hours.describe(o), isOpen: o && o.open, distance: km === null ? null : Geo.formatDistance(km) };
        };
        showCounts(result.counts);
        all = result.ids; shown = [];
        results.innerHTML = '';
        if (result.mode === 'none' && !Object.keys(state.filters).length) {
          status.textContent = 'Geben Sie einen Suchbegriff ein oder wählen Sie einen Filter.';
          return;
        }
        var n = all.length;
        var whole = result.all; // offers with all the words, listed first
        status.textContent = (n === 0 ? 'Kein Angebot gefunden.' : n === 1 ? '1 Angebot gefunden.' : n + ' Angebote gefunden.') +
          (whole === n ? '' : whole === 0 ? ' Kein Angebot enthält alle Suchwörter; gezeigt werden Angebote mit einem Teil davon.'
            : ' ' + whole + (whole === 1 ? ' enthält' : ' enthalten') + ' alle Suchwörter, die weiteren einen Teil davon.') +
          (n && result.mode === 'typo' ? ' Auch ähnlich geschriebene Wörter wurden gesucht.' : '') +
          openNote(state, options, hours) + nearNote(state, near, options, result);
        more(mine, false);
      });
    }

    // "Jetzt geöffnet": how many offers are left out because they name no hours.
    function openNote(state, options, hours) {
      if (state.filters.offen !== 'jetzt') return '';
      if (!options.keep) return ' Die Öffnungszeiten sind gerade nicht verfügbar; alle Angebote werden gezeigt.';
      // The same search without the open-now filter: its offers without hours are the ones left out.
      var base = engine.search(state.q, state.filters, { keep: function () { return true; } }), without = 0;
      base.ids.forEach(function (id) { if (!hours[id]) without++; });
      return ' Nur Angebote, die jetzt geöffnet sind.' + (without === 0 ? ''
        : without === 1 ? ' 1 Angebot ohne Öffnungszeiten ist nicht dabei.' : ' ' + without + ' Angebote ohne Öffnungszeiten sind nicht dabei.');
    }

    // "nahe": what the list is sorted by, or why it is not.
    function nearNote(state, near, options, result) {
      if (!state.filters.nahe) return '';
      if (!near) {
        return ' Den Ort „' + state.filters.nahe + '“ kennen wir nicht; die Liste ist nicht nach Entfernung sortiert. ' +
          'Geben Sie eine Postleitzahl oder einen Ort ein.';
      }
      if (!options.distance) return '';
      var without = result.ids.filter(function (id) { return options.distance(id) === null; }).length;
      return ' Sortiert nach Entfernung ' + (near.name ? 'von ' + near.name : 'von Ihrem Standort') + '.' +
        (without ? ' Angebote ohne Adresse mit Koordinaten stehen am Ende.' : '');
    }

    function more(mine, focus) {
      var next = all.slice(shown.length, shown.length + PAGE);
      shown = shown.concat(next);
      return Promise.all([engine.records(next), window.WegweiserHours ? engine.hours() : null]).then(function (got) {
        var records = got[0], known = got[1];
        if (mine !== run) return;
        var list = results.querySelector('ol') || results.appendChild(document.createElement('ol'));
        var old = results.querySelector('.search-more');
        if (old) old.remove();
        var first = null;
        records.forEach(function (r) {
          if (!r) return;
          var li = document.createElement('li'), h = document.createElement('h2'), a = document.createElement('a');
          a.href = r[0]; a.textContent = r[1]; h.appendChild(a); li.appendChild(h);
          var about = describeResult(next[records.indexOf(r)], known);
          [['search-place', r[2]], ['search-distance', about.distance], ['search-open ' + (about.isOpen ? 'is-open' : 'is-closed'), about.open],
            ['search-summary', r[3]]].forEach(function (p) {
            if (!p[1]) return;
            var el = document.createElement('p'); el.className = p[0]; el.textContent = p[1]; li.appendChild(el);
          });
          list.appendChild(li);
          first = first || a;
        });
        if (focus && first) first.focus();
        if (shown.length < all.length) {
          var button = document.createElement('button');
          button.type = 'button'; button.className = 'search-more';
          button.textContent = 'Weitere Angebote anzeigen (' + (all.length - shown.length) + ')';
          button.addEventListener('click', function () { more(run, true); });
          results.appendChild(button);
        }
      });
    }

    function showCounts(counts) {
      engine.facets.forEach(function (f) {
        var el = form.elements[f.key];
        if (!el || el.tagName !== 'SELECT') return;
        var value = el.value, blank = el.options[0] && el.options[0].value === '' ? el.options[0].text : 'alle';
        el.length = 0;
        el.add(new Option(blank, ''));
        f.values.forEach(function (v, i) { el.add(new Option(v[1] + ' (' + counts[f.key][i] + ')', v[0])); });
        el.value = value;
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search('replace'); }, 120);
    });
    form.addEventListener('change', function (e) { if (e.target !== input) search('push'); });
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); search('push'); });
    window.addEventListener('popstate', function () { showState(readState()); search(null); });

    var state = readState();
    showState(state);
    var extra = (state.filters.offen === 'jetzt' ? ['h.json'] : []).concat(state.filters.nahe ? ['g.json'] : []);
    openIndex(load, state.q, Number(form.getAttribute('data-shard')) || 0, extra).then(function (opened) {
      engine = opened;
      search(null);
    }).catch(function () {
      status.textContent = 'Die Suche ist gerade nicht verfügbar. Bitte nutzen Sie die Übersichten nach Ort und Lebensphase.';
    });
  }

  // Inlined at the end of the search page, the script finds the form already
  // parsed and starts at once; loaded from a file, it may wait for the page.
  if (document.readyState === 'loading' && !document.getElementById('search-results')) {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
