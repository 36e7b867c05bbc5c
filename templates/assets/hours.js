/* Wegweiser opening hours: is an offer open at a moment, and until when, or
 * when does it open next, in the site's time zone with the site's public
 * holidays closed. Used by the search page ("Jetzt geöffnet") and by offer
 * pages (a line above the table of hours). Plain browser JavaScript, no
 * dependencies; in Node it exports its functions for the tests.
 *
 * Hours come as the build writes them (Sources/WegweiserCore/Rendering/
 * OpenAndNear.swift): flat numbers `days, opens, closes, …`, days as bits
 * (bit 0 Monday … bit 6 Sunday), times as minutes after midnight; `closes`
 * 1440 is midnight at the end of the day, and `closes` not after `opens`
 * means the next day. Holidays come as rules: `12-25` (a fixed day), `-2`
 * (days from Easter Sunday), `buss` (Buß- und Bettag). */
(function () {
  'use strict';

  var DAY = 1440, WEEK = [0, 1, 2, 3, 4, 5, 6];
  var WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
  var MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  var formatters = {};

  // The wall clock in a time zone at an instant: year, month, day, minutes
  // after midnight. Intl knows the zone's rules, daylight saving included.
  function localTime(date, timeZone) {
    var f = formatters[timeZone] || (formatters[timeZone] = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }));
    var parts = {};
    f.formatToParts(date).forEach(function (p) { parts[p.type] = Number(p.value); });
    return { year: parts.year, month: parts.month, day: parts.day, minutes: (parts.hour % 24) * 60 + parts.minute };
  }

  // A calendar day `offset` days after year-month-day, with its weekday (0 Monday).
  function addDays(year, month, day, offset) {
    var d = new Date(Date.UTC(year, month - 1, day + offset));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7 };
  }

  // Easter Sunday (Gregorian; the anonymous algorithm of Nature, 1876).
  function easter(year) {
    var a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    var f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    var i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    var month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
    return { month: month, day: day };
  }

  function key(year, month, day) { return year * 10000 + month * 100 + day; }

  // The holidays of a year as keys yyyymmdd, from the rules.
  function holidays(year, rules) {
    var out = new Set(), e = easter(year);
    (rules || []).forEach(function (rule) {
      var fixed = /^(\d\d)-(\d\d)$/.exec(rule);
      if (fixed) { out.add(key(year, Number(fixed[1]), Number(fixed[2]))); return; }
      if (rule === 'buss') { // the Wednesday before 23 November
        var back = (addDays(year, 11, 23, 0).weekday - 2 + 7) % 7 || 7;
        out.add(key(year, 11, 23 - back));
        return;
      }
      if (/^-?\d+$/.test(rule)) {
        var d = addDays(year, e.month, e.day, Number(rule));
        out.add(key(d.year, d.month, d.day));
      }
    });
    return out;
  }

  function parseRules(text) { return String(text || '').split(/[\s,]+/).filter(Boolean); }

  // [{days, opens, closes}] from `days,opens,closes,…` (a string or numbers).
  function parseHours(flat) {
    var n = typeof flat === 'string' ? flat.split(',').map(Number) : (flat || []), out = [];
    for (var i = 0; i + 2 < n.length; i += 3) out.push({ days: n[i], opens: n[i + 1], closes: n[i + 2] });
    return out;
  }

  // The offer's opening intervals from the day before `start` to four weeks
  // after it (a weekly offer may skip two holidays in a row), in minutes from start's midnight (wall clock), holidays left out.
  function intervals(hours, start, rules) {
    var out = [], years = {};
    for (var k = -1; k <= 28; k++) {
      var d = addDays(start.year, start.month, start.day, k);
      var closed = years[d.year] || (years[d.year] = holidays(d.year, rules));
      if (closed.has(key(d.year, d.month, d.day))) continue;
      hours.forEach(function (h) {
        if (!(h.days >> d.weekday & 1)) return;
        var end = h.closes > h.opens ? h.closes : h.closes + DAY;
        out.push([k * DAY + h.opens, k * DAY + end]);
      });
    }
    return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  }

  // At `date`: {open: true, until: minutes from today's midnight, always}
  // or {open: false, next: minutes from today's midnight or null}, plus the
  // local day the minutes count from.
  function openState(hours, date, timeZone, rules) {
    hours = Array.isArray(hours) && hours.length && typeof hours[0] === 'number' ? parseHours(hours) : hours;
    rules = typeof rules === 'string' ? parseRules(rules) : rules;
    // An offer open round the clock every day (a crisis line) is open on holidays too.
    if (WEEK.every(function (day) { return hours.some(function (h) { return h.days >> day & 1 && h.opens === 0 && h.closes === DAY; }); })) rules = [];
    var now = localTime(date, timeZone || 'Europe/Berlin'), at = now.minutes, spans = intervals(hours, now, rules);
    var until = null;
    spans.forEach(function (s) { if (s[0] <= at && at < s[1]) until = Math.max(until === null ? s[1] : until, s[1]); });
    if (until !== null) {
      // Back-to-back hours (20:00–24:00, then 00:00–06:00) are one opening.
      for (var grew = true; grew;) {
        grew = false;
        spans.forEach(function (s) { if (s[0] <= until && s[1] > until) { until = s[1]; grew = true; } });
      }
      return { open: true, until: until, always: until - at >= 7 * DAY, today: now };
    }
    var next = null;
    spans.forEach(function (s) { if (s[0] > at && next === null) next = s[0]; });
    return { open: false, next: next, today: now };
  }

  function clock(minutes) {
    var m = ((minutes % DAY) + DAY) % DAY;
    return Math.floor(m / 60) + ':' + String(m % 60).padStart(2, '0');
  }

  // "heute", "morgen", "Dienstag" or, more than six days ahead, "Dienstag, 7. April".
  function dayName(today, minutes) {
    var offset = Math.floor(minutes / DAY);
    if (offset === 0) return 'heute';
    if (offset === 1) return 'morgen';
    var d = addDays(today.year, today.month, today.day, offset);
    return WEEKDAYS[d.weekday] + (offset > 6 ? ', ' + d.day + '. ' + MONTHS[d.month - 1] : '');
  }

  // "Jetzt geöffnet bis 12:30", "Geschlossen – öffnet Dienstag um 8:00".
  function describe(state) {
    if (state.open) {
      if (state.always) return 'Jetzt geöffnet, rund um die Uhr';
      if (state.until % DAY === 0) { // midnight: the end of the day before
        var last = state.until - DAY;
        return 'Jetzt geöffnet bis ' + (last < DAY ? '' : dayName(state.today, last) + ' um ') + '24:00';
      }
      if (state.until - state.today.minutes < DAY) return 'Jetzt geöffnet bis ' + clock(state.until);
      return 'Jetzt geöffnet bis ' + dayName(state.today, state.until) + ' um ' + clock(state.until);
    }
    if (state.next === null) return 'Geschlossen';
    return 'Geschlossen – öffnet ' + dayName(state.today, state.next) + ' um ' + clock(state.next);
  }

  var api = {
    localTime: localTime, easter: easter, holidays: holidays, parseRules: parseRules, parseHours: parseHours,
    openState: openState, describe: describe,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof window === 'undefined') return;
  window.WegweiserHours = api;

  // Offer pages: an element with data-open-hours gets the state as text.
  // Without JavaScript it stays hidden, so nothing wrong is shown.
  function show() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-open-hours]'), function (el) {
      var state = openState(parseHours(el.getAttribute('data-open-hours')), new Date(),
        el.getAttribute('data-timezone') || 'Europe/Berlin', parseRules(el.getAttribute('data-holidays')));
      el.textContent = describe(state);
      el.classList.toggle('is-open', state.open);
      el.classList.toggle('is-closed', !state.open);
      el.hidden = false;
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show); else show();
})();
