// Distances and "near" for templates/assets/geo.js, and the engine's ordering
// by distance and its open-now filter (templates/assets/search.js) on a small
// index in the format the build writes (docs/search.md: "h", "g", "k").
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const G = require('../../templates/assets/geo.js');
const { Engine, words } = require('../../templates/assets/search.js');

const UNNA = { lat: 51.5347, lon: 7.6889 };
const KAMEN = { lat: 51.5917, lon: 7.6653 };

test('distance between two towns of the county (Unna – Kamen about 6.6 km)', () => {
  const km = G.distance(UNNA.lat, UNNA.lon, KAMEN.lat, KAMEN.lon);
  assert.ok(km > 6.4 && km < 6.8, String(km));
  assert.equal(G.distance(UNNA.lat, UNNA.lon, UNNA.lat, UNNA.lon), 0);
  // Symmetric, and a degree of latitude is about 111 km.
  assert.equal(G.distance(KAMEN.lat, KAMEN.lon, UNNA.lat, UNNA.lon), km);
  assert.ok(Math.abs(G.distance(51, 7, 52, 7) - 111.2) < 0.2);
});

test('the nearest of an offer\'s locations counts', () => {
  assert.equal(G.nearest(UNNA, [KAMEN.lat, KAMEN.lon, UNNA.lat, UNNA.lon]), 0);
  assert.equal(G.nearest(UNNA, null), null);
  assert.equal(G.nearest(UNNA, []), null);
});

test('distances in German: decimal comma, whole km from 10 km', () => {
  assert.equal(G.formatDistance(2.449), 'ca. 2,4 km');
  assert.equal(G.formatDistance(0.01), 'ca. 0,1 km');
  assert.equal(G.formatDistance(9.94), 'ca. 9,9 km');
  assert.equal(G.formatDistance(12.6), 'ca. 13 km');
});

test('a position is rounded to about 100 m for the URL', () => {
  assert.equal(G.roundPosition(51.53471234, 7.68894321), '51.535,7.689');
  assert.deepEqual(G.parsePoint('51.535,7.689'), { lat: 51.535, lon: 7.689 });
  assert.deepEqual(G.parsePoint(' 51.5 , -0.12 '), { lat: 51.5, lon: -0.12 });
  assert.equal(G.parsePoint('95,7'), null);
  assert.equal(G.parsePoint('Kamen'), null);
});

test('a town, district or postal code is looked up among the site\'s places', () => {
  const places = [['59174', 51.59, 7.66], ['kamen', 51.5917, 7.6653], ['kamen methler', 51.6, 7.6], ['konigsborn', 51.54, 7.71]];
  assert.deepEqual(G.resolve('Kamen', places, words), { lat: 51.5917, lon: 7.6653, name: 'Kamen' });
  assert.equal(G.resolve('59174', places, words).lat, 51.59);
  assert.equal(G.resolve('Königsborn', places, words).lon, 7.71);
  assert.equal(G.resolve('KOENIGSBORN', places, words).lon, 7.71);
  assert.equal(G.resolve('Kamen-Methler', places, words).lat, 51.6);
  assert.equal(G.resolve('59174 Kamen', places, words).lat, 51.5917);
  assert.equal(G.resolve('Dortmund', places, words), null);
  assert.equal(G.resolve('51.5,7.6', places, words).name, null);
});

// Four offers: A in Unna, B in Kamen, C without coordinates, D with a
// location in Kamen and one in Unna. Terms: "beratung" in A, B, C; "treff" in D.
function smallIndex(split) {
  const meta = {
    f: [['ort', [['kamen', 'Kamen'], ['unna', 'Unna']], 'CBCD']], n: 4,
    p: [[0, 40, 1, 40, 1, 40], [3, 40]], t: ['beratung', 'treff'],
    r: [['/a/', 'A', 'Unna', ''], ['/b/', 'B', 'Kamen', ''], ['/c/', 'C', 'Unna', ''], ['/d/', 'D', 'Kamen', '']],
    v: 2,
  };
  const extra = {
    h: [[31, 480, 720], 0, [127, 0, 1440], [1, 900, 1080]],
    g: [[UNNA.lat, UNNA.lon], [KAMEN.lat, KAMEN.lon], 0, [KAMEN.lat + 0.01, KAMEN.lon, UNNA.lat + 0.002, UNNA.lon]],
    k: [['kamen', KAMEN.lat, KAMEN.lon], ['unna', UNNA.lat, UNNA.lon]],
  };
  const requested = [];
  if (!split) return { engine: new Engine(Object.assign({}, meta, extra), async () => null), requested };
  const files = { 'h.json': { h: extra.h }, 'g.json': { g: extra.g, k: extra.k }, 't/be.json': { t: ['beratung'], p: [meta.p[0]] }, 't/tr.json': { t: ['treff'], p: [meta.p[1]] }, 'r/0.json': meta.r };
  const load = async (file) => { requested.push(file); return files[file] || null; };
  return { engine: new Engine({ chunk: 8, f: meta.f, n: 4, shard: 2, v: 2 }, load), requested };
}

for (const split of [false, true]) {
  test.describe(split ? 'split index' : 'one file', () => {
    test('nahe alone lists every offer by distance, offers without coordinates last', async () => {
      const { engine } = smallIndex(split);
      const geo = await engine.geo();
      const near = G.resolve('Kamen', geo.k, words);
      const r = engine.search('', {}, { distance: (id) => G.nearest(near, geo.g[id] || null) });
      assert.deepEqual(r.ids, [1, 3, 0, 2]);
      const fromUnna = engine.search('', {}, { distance: (id) => G.nearest(UNNA, geo.g[id] || null) });
      assert.deepEqual(fromUnna.ids, [0, 3, 1, 2]);
    });

    test('nahe with a query and a filter: only matching offers, by distance', async () => {
      const { engine } = smallIndex(split);
      const geo = await engine.geo();
      await engine.prepare('beratung');
      const distance = (id) => G.nearest(KAMEN, geo.g[id] || null);
      assert.deepEqual(engine.search('beratung', {}, { distance }).ids, [1, 0, 2]);
      assert.deepEqual(engine.search('beratung', { ort: 'unna' }, { distance }).ids, [0, 2]);
    });

    test('open now keeps only open offers, for the list and the counts', async () => {
      const { engine } = smallIndex(split);
      const hours = await engine.hours();
      const HoursJS = require('../../templates/assets/hours.js');
      const when = new Date('2026-12-01T08:00:00Z'); // Tuesday 9:00
      const keep = (id) => !!hours[id] && HoursJS.openState(hours[id], when, 'Europe/Berlin', []).open;
      const r = engine.search('', {}, { keep });
      assert.deepEqual(r.ids, [0, 2]); // B has no hours, D opens on Mondays only
      assert.deepEqual(r.counts.ort, [0, 2]);
      await engine.prepare('beratung');
      assert.deepEqual(engine.search('beratung', {}, { keep }).ids, [0, 2]);
    });

    if (split) {
      test('a split index fetches hours and coordinates only when asked', async () => {
        const { engine, requested } = smallIndex(true);
        await engine.prepare('beratung');
        engine.search('beratung', {});
        assert.ok(!requested.includes('h.json') && !requested.includes('g.json'));
        await engine.hours();
        await engine.geo();
        await engine.hours();
        assert.deepEqual(requested.filter((f) => !f.startsWith('t/')), ['h.json', 'g.json']);
      });
    }
  });
}

test('a first search with offen and nahe on a split index requests hours and coordinates with index.json', async () => {
  const { openIndex } = require('../../templates/assets/search.js');
  const requested = [];
  const files = { 'index.json': { chunk: 8, f: [], n: 0, shard: 2, v: 2 }, 'h.json': { h: [] }, 'g.json': { g: [], k: [] } };
  const load = (file) => { requested.push(file); return Promise.resolve(files[file] || null); };
  const engine = await openIndex(load, 'beratung', 2, ['h.json', 'g.json']);
  assert.deepEqual(requested, ['index.json', 't/be.json', 'h.json', 'g.json'], 'all in the first turn');
  await engine.hours();
  await engine.geo();
  assert.equal(requested.length, 4, 'the engine reuses those requests');
});
