// The project's QR encoder (templates/assets/qr.js) against symbols made by
// Debian's qrencode (Tests/Fixtures/qr/vectors.json, written by make-vectors.py),
// its mask choice against the standard's penalty rules, and its SVG.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const qr = require('../../templates/assets/qr.js');

const { vectors } = JSON.parse(fs.readFileSync(path.join(__dirname, '../Fixtures/qr/vectors.json'), 'utf8'));
const rows = (code) => code.modules.map((row) => row.map((dark) => (dark ? '1' : '0')).join(''));

test('the vectors cover levels L, M, Q and H and versions 1 to 18', () => {
  assert.deepEqual([...new Set(vectors.map((v) => v.level))].sort(), ['H', 'L', 'M', 'Q']);
  const versions = vectors.map((v) => v.version);
  assert.ok(Math.min(...versions) === 1 && Math.max(...versions) >= 18, versions.join(' '));
  assert.ok(versions.some((v) => v >= 7 && v <= 10), 'a version with version information');
});

test('with qrencode\'s mask, every symbol is the same, module by module', () => {
  for (const v of vectors) {
    const code = qr.encode(v.text, { level: v.level, mask: v.mask });
    assert.equal(code.version, v.version, `version of ${v.text.slice(0, 40)}`);
    assert.deepEqual(rows(code), v.rows, `${v.level} ${v.text.slice(0, 60)}`);
  }
});

test('the mask chosen has the lowest penalty of the eight, the first of equals', () => {
  for (const v of vectors) {
    const penalties = [0, 1, 2, 3, 4, 5, 6, 7].map((m) => qr.penalty(qr.encode(v.text, { level: v.level, mask: m }).modules));
    const code = qr.encode(v.text, { level: v.level });
    assert.equal(code.mask, penalties.indexOf(Math.min(...penalties)), `${v.text.slice(0, 40)}: ${penalties}`);
    assert.deepEqual(rows(code), rows(qr.encode(v.text, { level: v.level, mask: code.mask })));
  }
});

test('the penalty of a light symbol: runs, blocks and the dark share', () => {
  const light = Array.from({ length: 21 }, () => new Array(21).fill(false));
  // Rule 1: 42 runs of 21 (3 + 16 each); rule 2: 20 × 20 blocks of 3; rule 4: 0 % dark, 10 steps of 5 %.
  assert.equal(qr.penalty(light), 42 * 19 + 400 * 3 + 100);
});

test('rules 1 and 3 on one line: runs of five and more, finder-like patterns', () => {
  const line = (bits) => bits.split('').map((b) => b === '1');
  assert.equal(qr.linePenalty(line('0000101110100000')), 80 + 3); // light on both sides; a run of 5 after
  assert.equal(qr.linePenalty(line('1011101')), 80); // outside the symbol counts as light
  assert.equal(qr.linePenalty(line('000010111011')), 40); // light before it only
  assert.equal(qr.linePenalty(line('1101011101011')), 0);
  assert.equal(qr.linePenalty(line('0000000')), 5);
  assert.equal(qr.linePenalty(line('11111011111')), 6);
});

test('format information for the level and mask (ISO/IEC 18004 annex C)', () => {
  assert.equal(qr.formatBits('M', 0), 0b101010000010010);
  assert.equal(qr.formatBits('L', 0), 0b111011111000100);
  assert.equal(qr.formatBits('H', 7), 0b000100000111011);
});

test('byte capacities of the standard\'s table', () => {
  const capacity = (version, level) => {
    let n = 0;
    while (qr.fittingVersion(n + 1, level, version) !== 0) n++; // fits in `version` or a smaller one
    return n;
  };
  assert.equal(capacity(1, 'M'), 14);
  assert.equal(capacity(1, 'L'), 17);
  assert.equal(capacity(10, 'M'), 213);
  assert.equal(capacity(10, 'L'), 271);
  assert.equal(capacity(40, 'L'), 2953);
  assert.equal(capacity(40, 'H'), 1273);
});

test('alignment pattern centres', () => {
  assert.deepEqual(qr.alignmentPositions(1), []);
  assert.deepEqual(qr.alignmentPositions(2), [6, 18]);
  assert.deepEqual(qr.alignmentPositions(7), [6, 22, 38]);
  assert.deepEqual(qr.alignmentPositions(32), [6, 34, 60, 86, 112, 138]);
  assert.deepEqual(qr.alignmentPositions(40), [6, 30, 58, 86, 114, 142, 170]);
});

test('Reed–Solomon: the error correction of "HELLO WORLD" 1-M (Thonky\'s worked example)', () => {
  const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
  assert.deepEqual(qr.remainder(data, qr.generator(10)), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
});

test('a text too long for version 40 is refused, and maxVersion is kept', () => {
  assert.throws(() => qr.encode('x'.repeat(2332), { level: 'M' }), RangeError);
  assert.throws(() => qr.encode('x'.repeat(214), { level: 'M', maxVersion: 10 }), RangeError);
  assert.equal(qr.encode('x'.repeat(213), { level: 'M', maxVersion: 10 }).version, 10);
});

test('UTF-8 text is encoded as its bytes', () => {
  const code = qr.encode('Grüße', { level: 'M' });
  assert.equal(code.version, 1);
  const same = vectors.find((v) => v.text.startsWith('Grüße'));
  assert.deepEqual(rows(qr.encode(same.text, { level: same.level, mask: same.mask })), same.rows);
});

test('the SVG draws each dark module once inside a light quiet zone of four', () => {
  const code = qr.encode('https://familien.example.org/merkliste/?a=eins,zwei', { level: 'M' });
  const svg = qr.svg(code, 'Link <zur> Liste & mehr');
  const full = code.size + 8;
  assert.match(svg, new RegExp(`viewBox="0 0 ${full} ${full}"`));
  const dark = code.modules.flat().filter(Boolean).length;
  assert.equal(svg.split('h1v1h-1z').length - 1, dark);
  assert.match(svg, /<title>Link &lt;zur&gt; Liste &amp; mehr<\/title>/);
  assert.match(svg, /role="img"/);
  assert.doesNotMatch(svg, /style=/);
  const first = code.modules.flatMap((row, y) => row.map((d, x) => (d ? [x, y] : null))).find(Boolean);
  assert.ok(svg.includes(`M${first[0] + 4} ${first[1] + 4}h1v1h-1z`));
});
