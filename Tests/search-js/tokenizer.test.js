// The JavaScript tokeniser against the vectors the Swift tests read too.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../templates/assets/search.js');

const vectors = fs.readFileSync(path.join(__dirname, '../Fixtures/search/token-vectors.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [text, tokens] = line.split('\t');
    return { text, tokens: tokens ? tokens.split(' ') : [] };
  });

test('the shared vectors are there', () => {
  assert.ok(vectors.length >= 300, `only ${vectors.length} vectors`);
});

test('every shared vector tokenises as in Swift', () => {
  const failures = vectors
    .filter((v) => JSON.stringify(search.tokens(v.text)) !== JSON.stringify(v.tokens))
    .map((v) => `${v.text}: expected ${v.tokens.join(' ')}, got ${search.tokens(v.text).join(' ')}`);
  assert.deepEqual(failures, []);
});

test('Hebamme, hebammen and HEBAMMEN meet', () => {
  assert.deepEqual(search.tokens('Hebamme hebammen HEBAMMEN'), ['hebamm', 'hebamm', 'hebamm']);
});

test('ß, umlauts and their ae/oe/ue spellings meet', () => {
  assert.deepEqual(search.tokens('Straße'), search.tokens('STRASSE'));
  assert.deepEqual(search.tokens('Fröndenberg'), search.tokens('Froendenberg'));
  assert.deepEqual(search.tokens('Ärztin'), search.tokens('Aerztin'));
  assert.deepEqual(search.tokens('Übergang'), search.tokens('Uebergang'));
});

test('accents fold', () => {
  assert.deepEqual(search.tokens('Café'), search.tokens('cafe'));
});

test('a stop word being typed stays as a prefix', () => {
  assert.deepEqual(search.queryTerms('hebamme die'), [{ term: 'hebamm', exact: true }, { term: 'die', exact: false }]);
  assert.deepEqual(search.queryTerms('hebamme die '), [{ term: 'hebamm', exact: true }]);
});

test('one edit: insertion, deletion, substitution, swap', () => {
  assert.ok(search.withinOneEdit('erzihung', 'erziehung'));
  assert.ok(search.withinOneEdit('erziehung', 'erzihung'));
  assert.ok(search.withinOneEdit('erziehunk', 'erziehung'));
  assert.ok(search.withinOneEdit('erzeihung', 'erziehung'));
  assert.ok(!search.withinOneEdit('erzhiung', 'erziehung'));
});

test('shard names are ASCII', () => {
  assert.equal(search.shardName('hebamm', 2), 'he');
  assert.equal(search.shardName('мама', 2), '_43c__430_');
});
