// The Merkliste's list logic (templates/assets/shortlist.js): slugs from a share
// link and from storage, toggling, keeping a shared list, the share link itself.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const shortlist = require('../../templates/assets/shortlist.js');

// localStorage as the browser has it: strings only, and it may refuse.
function memoryStorage(initial) {
  const items = new Map(Object.entries(initial || {}));
  return {
    refuse: false,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem(k, v) { if (this.refuse) throw new Error('QuotaExceededError'); items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); },
    items,
  };
}

test('a share link gives its slugs in order, each once, only valid ones', () => {
  assert.deepEqual(shortlist.fromQuery('?a=hebammen-alpha,elterncafe-beta'), ['hebammen-alpha', 'elterncafe-beta']);
  assert.deepEqual(shortlist.fromQuery('?a=eins,,zwei,eins,%3Cscript%3E,Drei, vier '), ['eins', 'zwei', 'drei', 'vier']);
  assert.deepEqual(shortlist.fromQuery('?a=eins%2Czwei'), ['eins', 'zwei']);
  assert.deepEqual(shortlist.fromQuery('?a='), []);
  assert.equal(shortlist.fromQuery(''), null);
  assert.equal(shortlist.fromQuery('?q=hebamme'), null);
  assert.equal(shortlist.fromQuery('?a=' + Array.from({ length: 150 }, (_, i) => 's' + i).join(',')).length, shortlist.MAX);
});

test('reading the saved list survives nothing saved and anything broken', () => {
  assert.deepEqual(shortlist.read(memoryStorage()), []);
  assert.deepEqual(shortlist.read(memoryStorage({ [shortlist.KEY]: '["a","b","a"]' })), ['a', 'b']);
  assert.deepEqual(shortlist.read(memoryStorage({ [shortlist.KEY]: '{not json' })), []);
  assert.deepEqual(shortlist.read(memoryStorage({ [shortlist.KEY]: '{"a":1}' })), []);
  assert.deepEqual(shortlist.read(memoryStorage({ [shortlist.KEY]: '["ok", 5, "../x"]' })), ['ok', '5']);
  assert.deepEqual(shortlist.read({ getItem() { throw new Error('SecurityError'); } }), []);
});

test('writing saves JSON, removes an empty list, and says when the browser refuses', () => {
  const storage = memoryStorage();
  assert.equal(shortlist.write(storage, ['a', 'b']), true);
  assert.equal(storage.getItem(shortlist.KEY), '["a","b"]');
  assert.deepEqual(shortlist.read(storage), ['a', 'b']);
  assert.equal(shortlist.write(storage, []), true);
  assert.equal(storage.items.has(shortlist.KEY), false);
  storage.refuse = true;
  assert.equal(shortlist.write(storage, ['a']), false);
});

test('the button toggles: added at the end, removed where it stood', () => {
  let list = [];
  list = shortlist.toggle(list, 'a');
  list = shortlist.toggle(list, 'b');
  list = shortlist.toggle(list, 'c');
  assert.deepEqual(list, ['a', 'b', 'c']);
  assert.deepEqual(shortlist.toggle(list, 'b'), ['a', 'c']);
  assert.deepEqual(shortlist.without(list, 'x'), list);
});

test('"Liste behalten" keeps the own list first and adds what is new', () => {
  assert.deepEqual(shortlist.keep(['a', 'b'], ['c', 'a', 'd']), ['a', 'b', 'c', 'd']);
  assert.deepEqual(shortlist.keep([], ['c', 'd']), ['c', 'd']);
  assert.deepEqual(shortlist.keep(['a'], []), ['a']);
});

test('the share link is the page without its query, with the slugs comma-separated', () => {
  assert.equal(shortlist.shareLink('https://familien.example.org/merkliste/?a=x#oben', ['hebammen-alpha', 'elterncafe-beta']),
    'https://familien.example.org/merkliste/?a=hebammen-alpha,elterncafe-beta');
  assert.equal(shortlist.shareLink('http://127.0.0.1:8080/familien/merkliste/', []), 'http://127.0.0.1:8080/familien/merkliste/');
  const slugs = ['eins', 'zwei-drei'];
  assert.deepEqual(shortlist.fromQuery(new URL(shortlist.shareLink('https://x.example/merkliste/', slugs)).search), slugs);
});

test('an offer link gives its slug, other links none', () => {
  assert.equal(shortlist.slugOf('/angebote/hebammen-alpha/'), 'hebammen-alpha');
  assert.equal(shortlist.slugOf('https://familien.example.org/familien/angebote/kita-3/index.html'), 'kita-3');
  assert.equal(shortlist.slugOf('/orte/unna/'), null);
  assert.equal(shortlist.slugOf('/angebote/'), null);
});

test('counts in German', () => {
  assert.equal(shortlist.count(0), 'kein Angebot');
  assert.equal(shortlist.count(1), '1 Angebot');
  assert.equal(shortlist.count(7), '7 Angebote');
});
