// The query engine on the fixture index the Swift tests regenerate byte for
// byte (Tests/Fixtures/search/index-*), once as one file and once split.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Engine, openIndex, shardFiles, shardName } = require('../../templates/assets/search.js');

const fixtures = path.join(__dirname, '../Fixtures/search');

// A loader that notes each file's place in the chain of requests in a row,
// the page being the first: one after the latest response received before the
// request was made. Responses come in a later turn of the event loop, so what
// is requested together shares a place.
function chained(layout) {
  const dir = path.join(fixtures, layout);
  const chain = new Map();
  let answered = 1;
  const load = (file) => {
    const place = answered + 1;
    chain.set(file, place);
    return new Promise((resolve) => setImmediate(() => {
      answered = Math.max(answered, place);
      const full = path.join(dir, file);
      resolve(fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : null);
    }));
  };
  return { chain, load };
}

function open(layout) {
  const dir = path.join(fixtures, layout);
  const fetched = [];
  const load = async (file) => {
    fetched.push(file);
    const full = path.join(dir, file);
    return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : null;
  };
  const engine = new Engine(JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')), load);
  return { engine, fetched };
}

async function find(engine, q, filters) {
  await engine.prepare(q);
  const result = engine.search(q, filters);
  const records = await engine.records(result.ids);
  return { ...result, urls: records.map((r) => r[0].replace(/^\/angebote\/|\/$/g, '')) };
}

function count(engine, result, key, id) {
  const facet = engine.facets.find((f) => f.key === key);
  return result.counts[key][facet.values.findIndex((v) => v[0] === id)];
}

for (const layout of ['index-single', 'index-sharded']) {
  test.describe(layout, () => {
    const { engine, fetched } = open(layout);

    test('a whole word finds its offers, in any case and inflection', async () => {
      const upper = await find(engine, 'HEBAMMEN');
      const lower = await find(engine, 'hebamme');
      assert.deepEqual(upper.urls, lower.urls);
      assert.ok(lower.urls.includes('hebammenvermittlung-unna'));
      assert.equal(lower.mode, 'all');
    });

    test('a prefix finds the longer word', async () => {
      const r = await find(engine, 'schwanger');
      assert.equal(r.urls[0], 'schwangerschaftsberatung-unna');
    });

    test('a word typed in full ranks its offers above rarer longer words it begins', async () => {
      // "Frühe Hilfen" is in more offers than "Frühförderung"; by prefix the
      // rarer word must not win: a query word weighs by all the offers it finds.
      const r = await find(engine, 'frühe');
      assert.equal(r.urls[0], 'familienhebammen-luenen');
      assert.ok(r.urls.includes('fruehfoerderung-bergkamen'));
    });

    test('a part of a compound finds the compound', async () => {
      const r = await find(engine, 'beratung');
      for (const slug of ['erziehungsberatung-kamen', 'schuldnerberatung-kreis', 'schwangerschaftsberatung-unna']) {
        assert.ok(r.urls.includes(slug), `${slug} missing from ${r.urls}`);
      }
      const middle = await find(engine, 'gesundheit');
      assert.ok(middle.urls.includes('kinder-jugendgesundheitsdienst'));
      const insolvenz = await find(engine, 'insolvenz');
      assert.deepEqual(insolvenz.urls, ['schuldnerberatung-kreis']);
    });

    test('a district finds the offers held there, as families type it', async () => {
      // Neither offer's text names its district; its place does.
      assert.deepEqual((await find(engine, 'Rünthe')).urls, ['fruehfoerderung-bergkamen']);
      assert.deepEqual((await find(engine, 'ruenthe')).urls, ['fruehfoerderung-bergkamen']);
      assert.deepEqual((await find(engine, 'langern')).urls, ['musikgarten-werne']);
      const both = await find(engine, 'musik langern');
      assert.equal(both.urls[0], 'musikgarten-werne');
      assert.equal(both.all, 1);
    });

    test('a compound written in part is found whole', async () => {
      // "Schuldner- und Insolvenzberatung" is a Schuldnerberatung.
      const r = await find(engine, 'schuldnerberatung');
      assert.deepEqual(r.urls, ['schuldnerberatung-kreis']);
      assert.equal(r.mode, 'all');
    });

    test('one typo is forgiven where nothing else matches', async () => {
      const r = await find(engine, 'erzihungsberatung');
      assert.equal(r.urls[0], 'erziehungsberatung-kamen');
      assert.equal(r.mode, 'typo');
      const exact = await find(engine, 'erziehungsberatung');
      assert.equal(exact.mode, 'all');
      assert.deepEqual((await find(engine, 'xylofonzz')).urls, []);
    });

    test('title ranks above topics above summary above body', async () => {
      const r = await find(engine, 'trommelkurs');
      assert.deepEqual(r.urls, ['trommelkurs-werne', 'musikgarten-werne', 'rhythmus-holzwickede', 'bewegung-froendenberg']);
    });

    test('offers with all the words come first, then, short of a page, those with some', async () => {
      const r = await find(engine, 'hebamme lünen');
      assert.equal(r.all, 2);
      assert.deepEqual(r.urls.slice(0, 2).sort(), ['elterncafe-luenen', 'familienhebammen-luenen']);
      assert.equal(r.mode, 'some');
      // Then the offers with one of the words: Hebammen elsewhere, other offers in Lünen.
      assert.ok(r.urls.includes('hebammenvermittlung-unna'), r.urls.join(' '));
      assert.ok(r.urls.length > 2);
    });

    test('a page of offers with all the words lists only them', async () => {
      const r = await find(engine, 'kinder jahre');
      assert.equal(r.mode, 'all');
      assert.equal(r.all, 10);
      assert.equal(r.urls.length, 10);
      const some = await find(engine, 'jahre');
      assert.equal(some.urls.length, 11, 'an offer with "jahre" alone is left out');
    });

    test('when no offer has all words, offers with some of them are shown', async () => {
      const r = await find(engine, 'insolvenz trommelkurs');
      assert.equal(r.mode, 'some');
      assert.equal(r.all, 0);
      assert.ok(r.urls.includes('schuldnerberatung-kreis') && r.urls.includes('trommelkurs-werne'));
    });

    test('the town filter includes county-wide offers', async () => {
      const r = await find(engine, '', { ort: 'bergkamen' });
      assert.deepEqual(r.urls, ['fruehfoerderung-bergkamen', 'kinder-jugendgesundheitsdienst', 'schuldnerberatung-kreis']);
      const hebamme = await find(engine, 'hebamme', { ort: 'luenen' });
      assert.deepEqual([...hebamme.urls].sort(), ['elterncafe-luenen', 'familienhebammen-luenen']);
    });

    test('each filter narrows the results', async () => {
      assert.deepEqual((await find(engine, 'beratung', { phase: 'schwangerschaft-geburt' })).urls, ['schwangerschaftsberatung-unna']);
      assert.deepEqual((await find(engine, 'trommelkurs', { thema: 'gesundheit' })).urls, ['bewegung-froendenberg']);
      assert.deepEqual((await find(engine, 'hebamme', { kosten: 'frei', sprache: 'ar' })).urls, ['familienhebammen-luenen']);
      assert.deepEqual((await find(engine, '', { sprache: 'uk' })).urls, ['jugendberufsagentur-boenen']);
      assert.deepEqual((await find(engine, 'beratung', { zugang: 'yes' })).urls.sort(),
        ['erziehungsberatung-kamen', 'kinder-jugendgesundheitsdienst', 'schwangerschaftsberatung-unna']);
      const partly = await find(engine, '', { zugang: 'partly' });
      assert.equal(partly.urls.length, 6, 'partly includes full access');
      assert.deepEqual((await find(engine, 'hebamme', { ort: 'nirgendwo' })).urls, []);
    });

    test('an empty query with a filter lists its offers by title', async () => {
      const r = await find(engine, '', { thema: 'bildung' });
      assert.deepEqual(r.urls, ['hausaufgabenhilfe-selm', 'fruehfoerderung-bergkamen', 'jugendberufsagentur-boenen',
        'musikgarten-werne', 'rhythmus-holzwickede', 'trommelkurs-werne']);
      assert.deepEqual((await find(engine, '')).urls, [], 'no query and no filter: nothing');
    });

    test('facet counts follow the query and the other filters', async () => {
      const r = await find(engine, 'hebamme');
      assert.equal(count(engine, r, 'ort', 'luenen'), 2);
      assert.equal(count(engine, r, 'ort', 'unna'), r.urls.filter((u) => u.endsWith('-unna')).length);
      assert.equal(count(engine, r, 'ort', 'selm'), 0);
      const filtered = await find(engine, 'hebamme', { ort: 'luenen' });
      assert.equal(count(engine, filtered, 'ort', 'unna'), count(engine, r, 'ort', 'unna'), 'a facet ignores its own filter');
      assert.equal(count(engine, filtered, 'sprache', 'ar'), 1);
      const all = await find(engine, '');
      assert.equal(count(engine, all, 'ort', 'bergkamen'), 3, 'county-wide offers count for every town');
      assert.equal(count(engine, all, 'kosten', 'frei'), 9);
    });

    if (layout === 'index-sharded') {
      test('a split index fetches only the shards and records a query needs', async () => {
        const split = open(layout);
        await find(split.engine, 'hebamme');
        assert.ok(split.fetched.includes('t/he.json'));
        assert.ok(split.fetched.every((f) => f === 't/he.json' || f.startsWith('r/')), split.fetched.join(' '));
      });
    }
  });
}

test.describe('the first search from the page', () => {
  const meta = (layout) => JSON.parse(fs.readFileSync(path.join(fixtures, layout, 'index.json'), 'utf8'));

  async function firstSearch(layout, q, announced) {
    const { chain, load } = chained(layout);
    const engine = await openIndex(load, q, announced);
    await engine.prepare(q);
    const records = await engine.records(engine.search(q, {}).ids.slice(0, 10));
    return { chain, records };
  }

  test('a split index: page, then index.json and the shards at once, then records', async () => {
    const { chain, records } = await firstSearch('index-sharded', 'hebamme lünen', meta('index-sharded').shard);
    assert.ok(records.length > 0);
    assert.equal(chain.get('index.json'), 2);
    assert.equal(chain.get('t/he.json'), 2);
    assert.equal(chain.get('t/lu.json'), 2);
    assert.ok([...chain.keys()].some((f) => f.startsWith('r/')));
    assert.equal(Math.max(...chain.values()), 3, JSON.stringify([...chain]));
  });

  test('one file: page, then index.json', async () => {
    const { chain, records } = await firstSearch('index-single', 'hebamme', 0);
    assert.ok(records.length > 0);
    assert.deepEqual([...chain], [['index.json', 2]]);
  });

  test('a page that announces no split still finds, one request later', async () => {
    const { chain, records } = await firstSearch('index-sharded', 'hebamme', 0);
    assert.ok(records.length > 0);
    assert.equal(chain.get('t/he.json'), 3);
  });

  test('each query requests a shard once', async () => {
    const files = [];
    const { load } = chained('index-sharded');
    const counting = (file) => { files.push(file); return load(file); };
    const engine = await openIndex(counting, 'hebamme hebammen', meta('index-sharded').shard);
    await engine.prepare('hebamme hebammen');
    assert.deepEqual(files, ['index.json', 't/he.json']);
  });

  test('the shard the script names for a term is the file the builder put it in', () => {
    const dir = path.join(fixtures, 'index-sharded');
    const size = meta('index-sharded').shard;
    const shards = fs.readdirSync(path.join(dir, 't'));
    assert.ok(shards.length > 1);
    for (const file of shards) {
      for (const term of JSON.parse(fs.readFileSync(path.join(dir, 't', file), 'utf8')).t) {
        assert.equal(shardName(term, size) + '.json', file, term);
      }
    }
    const titles = JSON.parse(fs.readFileSync(path.join(fixtures, 'corpus.json'), 'utf8')).documents.map((d) => d.title);
    for (const title of titles) {
      for (const file of shardFiles(title, size)) assert.ok(shards.includes(file.slice(2)), `${title}: ${file}`);
    }
  });
});
