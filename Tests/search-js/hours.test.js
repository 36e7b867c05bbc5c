// The open-now logic of templates/assets/hours.js: wall-clock time in the
// site's zone across the daylight-saving changes, overnight and round-the-clock
// hours, NRW's holidays (Easter-based ones too) and the German texts.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const H = require('../../templates/assets/hours.js');

// NRW's rules as the build writes them (Holidays.rules(for: "nw")).
const NRW = H.parseRules('01-01 -2 1 05-01 39 50 60 10-03 11-01 12-25 12-26');
const TZ = 'Europe/Berlin';
const MO = 1, DI = 2, MI = 4, DO = 8, FR = 16, SA = 32, SO = 64;
const WEEKDAYS = MO | DI | MI | DO | FR;

function at(iso, hours, rules = NRW) {
  return H.describe(H.openState(hours, new Date(iso), TZ, rules));
}

test('Easter Sunday for known years', () => {
  assert.deepEqual(H.easter(2024), { month: 3, day: 31 });
  assert.deepEqual(H.easter(2025), { month: 4, day: 20 });
  assert.deepEqual(H.easter(2026), { month: 4, day: 5 });
  assert.deepEqual(H.easter(2027), { month: 3, day: 28 });
  assert.deepEqual(H.easter(2038), { month: 4, day: 25 });
});

test('NRW holidays of 2026, Easter-based ones included', () => {
  const days = Array.from(H.holidays(2026, NRW)).sort();
  assert.deepEqual(days, [20260101, 20260403, 20260406, 20260501, 20260514, 20260525, 20260604, 20261003, 20261101, 20261225, 20261226]);
});

test('Buß- und Bettag is the Wednesday before 23 November', () => {
  assert.ok(H.holidays(2026, ['buss']).has(20261118));
  assert.ok(H.holidays(2027, ['buss']).has(20271117));
  assert.ok(H.holidays(2028, ['buss']).has(20281122)); // 23 November 2028 is a Thursday
});

test('open during the hours, with the closing time', () => {
  // Tuesday 1 December 2026, 9:00 in Unna (UTC+1).
  assert.equal(at('2026-12-01T08:00:00Z', [WEEKDAYS, 480, 750]), 'Jetzt geöffnet bis 12:30');
  assert.equal(at('2026-12-01T07:00:00Z', [WEEKDAYS, 480, 750]), 'Jetzt geöffnet bis 12:30'); // 8:00 sharp is open
  assert.equal(at('2026-12-01T11:30:00Z', [WEEKDAYS, 480, 750]), 'Geschlossen – öffnet morgen um 8:00'); // 12:30 sharp is closed
});

test('closed: opens later today, tomorrow, on a weekday', () => {
  const hours = [DI, 480, 720, DO, 840, 1080];
  assert.equal(at('2026-12-01T06:00:00Z', hours), 'Geschlossen – öffnet heute um 8:00'); // Tue 7:00
  assert.equal(at('2026-12-01T12:00:00Z', hours), 'Geschlossen – öffnet Donnerstag um 14:00'); // Tue 13:00
  assert.equal(at('2026-12-02T12:00:00Z', hours), 'Geschlossen – öffnet morgen um 14:00'); // Wed
  assert.equal(at('2026-12-04T12:00:00Z', hours), 'Geschlossen – öffnet Dienstag um 8:00'); // Fri
});

test('daylight saving starts: 29 March 2026, 7:30 UTC is 9:30 in Unna', () => {
  const hours = [SO | MO, 540, 720];
  assert.equal(at('2026-03-29T07:30:00Z', hours), 'Jetzt geöffnet bis 12:00');
  // The same UTC time a day earlier is 8:30 (still winter time): closed.
  assert.equal(at('2026-03-28T07:30:00Z', hours), 'Geschlossen – öffnet morgen um 9:00');
  // Just before the switch (1:59 winter time) and just after (3:00 summer time).
  assert.equal(H.localTime(new Date('2026-03-29T00:59:00Z'), TZ).minutes, 119);
  assert.equal(H.localTime(new Date('2026-03-29T01:00:00Z'), TZ).minutes, 180);
});

test('daylight saving ends: 25 October 2026, 8:30 UTC is 9:30 in Unna', () => {
  const hours = [SO, 540, 600];
  assert.equal(at('2026-10-25T08:30:00Z', hours), 'Jetzt geöffnet bis 10:00');
  assert.equal(at('2026-10-25T07:30:00Z', hours), 'Geschlossen – öffnet heute um 9:00'); // 8:30 winter time
  assert.equal(at('2026-10-24T07:30:00Z', hours), 'Geschlossen – öffnet morgen um 9:00'); // Sat 9:30 summer time
});

test('overnight hours close after midnight, on the next day', () => {
  const friday = [FR, 1200, 120]; // Fri 20:00 – Sat 2:00
  assert.equal(at('2026-12-04T22:00:00Z', friday), 'Jetzt geöffnet bis 2:00'); // Fri 23:00
  assert.equal(at('2026-12-05T00:30:00Z', friday), 'Jetzt geöffnet bis 2:00'); // Sat 1:30
  assert.equal(at('2026-12-05T01:00:00Z', friday), 'Geschlossen – öffnet Freitag um 20:00'); // Sat 2:00
  assert.equal(at('2026-12-04T18:00:00Z', friday), 'Geschlossen – öffnet heute um 20:00'); // Fri 19:00
});

test('round the clock: 00:00–24:00 every day, and on weekdays only', () => {
  assert.equal(at('2026-12-05T10:00:00Z', [127, 0, 1440]), 'Jetzt geöffnet, rund um die Uhr');
  // Round the clock every day means holidays too (a crisis line).
  assert.equal(at('2026-12-25T10:00:00Z', [127, 0, 1440]), 'Jetzt geöffnet, rund um die Uhr');
  assert.equal(at('2026-12-25T10:00:00Z', [63, 0, 1440, 64, 0, 1440]), 'Jetzt geöffnet, rund um die Uhr');
  assert.equal(at('2026-12-25T10:00:00Z', [63, 0, 1440]), 'Geschlossen – öffnet Montag um 0:00'); // no Sunday: holidays count
  // Mon–Fri 0–24 h: open until Friday's midnight, closed at the weekend.
  assert.equal(at('2026-12-01T10:00:00Z', [WEEKDAYS, 0, 1440]), 'Jetzt geöffnet bis Freitag um 24:00');
  assert.equal(at('2026-12-04T10:00:00Z', [WEEKDAYS, 0, 1440]), 'Jetzt geöffnet bis 24:00');
  assert.equal(at('2026-12-05T10:00:00Z', [WEEKDAYS, 0, 1440]), 'Geschlossen – öffnet Montag um 0:00');
  // Back-to-back lines (evening until midnight, then early morning) are one opening.
  assert.equal(at('2026-12-01T21:00:00Z', [WEEKDAYS, 1080, 1440, WEEKDAYS, 0, 360]), 'Jetzt geöffnet bis 6:00');
});

test('holidays are closed: Good Friday, Easter Monday, Christmas, Corpus Christi', () => {
  const hours = [WEEKDAYS, 540, 720];
  assert.equal(at('2026-04-03T08:00:00Z', hours), 'Geschlossen – öffnet Dienstag um 9:00'); // Karfreitag, Ostermontag
  assert.equal(at('2026-04-03T08:00:00Z', hours, []), 'Jetzt geöffnet bis 12:00'); // without holidays
  assert.equal(at('2026-06-04T08:00:00Z', hours), 'Geschlossen – öffnet morgen um 9:00'); // Fronleichnam
  assert.equal(at('2026-12-24T12:00:00Z', hours), 'Geschlossen – öffnet Montag um 9:00'); // before Christmas
  // Fridays only: Christmas Day and New Year's Day are Fridays in 2026/27, so
  // the next opening is more than a week ahead and named with its date.
  assert.equal(at('2026-12-24T12:00:00Z', [FR, 540, 720]), 'Geschlossen – öffnet Freitag, 8. Januar um 9:00');
});

test('no hours, and hours as the offer page writes them', () => {
  assert.equal(at('2026-12-01T08:00:00Z', []), 'Geschlossen');
  const parsed = H.parseHours('31,480,750');
  assert.deepEqual(parsed, [{ days: 31, opens: 480, closes: 750 }]);
  assert.equal(H.describe(H.openState(parsed, new Date('2026-12-01T08:00:00Z'), TZ, NRW)), 'Jetzt geöffnet bis 12:30');
});
