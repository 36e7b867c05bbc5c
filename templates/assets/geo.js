/* Wegweiser "near me": distances between points, "ca. 2,4 km", and the
 * `nahe=` value of the search page as a point: `LAT,LON` as the "In meiner
 * Nähe" button writes it (rounded to 3 decimals, about 100 m), or a town,
 * district or postal code looked up in the site's own places (the index's
 * `k`, built from the published locations and the municipalities' centres).
 * Plain browser JavaScript, no dependencies; in Node it exports its
 * functions for the tests. The position never leaves the browser. */
(function () {
  'use strict';

  var EARTH_KM = 6371.0088;

  function radians(degrees) { return degrees * Math.PI / 180; }

  // Great-circle distance in km (haversine).
  function distance(lat1, lon1, lat2, lon2) {
    var dLat = radians(lat2 - lat1), dLon = radians(lon2 - lon1);
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // The distance from a point to the nearest of flat coordinates [lat, lon, …], or null.
  function nearest(point, coordinates) {
    if (!point || !coordinates || !coordinates.length) return null;
    var best = null;
    for (var i = 0; i + 1 < coordinates.length; i += 2) {
      var d = distance(point.lat, point.lon, coordinates[i], coordinates[i + 1]);
      if (best === null || d < best) best = d;
    }
    return best;
  }

  // "ca. 2,4 km"; from 10 km whole kilometres; never below "ca. 0,1 km".
  function formatDistance(km) {
    if (km >= 9.95) return 'ca. ' + Math.round(km) + ' km';
    return 'ca. ' + Math.max(0.1, Math.round(km * 10) / 10).toFixed(1).replace('.', ',') + ' km';
  }

  // A position as the URL holds it: 3 decimals, about 100 m.
  function roundPosition(lat, lon) {
    return lat.toFixed(3) + ',' + lon.toFixed(3);
  }

  // `51.537,7.689` → {lat, lon}; null when the text is not a pair of coordinates.
  function parsePoint(text) {
    var m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(String(text || ''));
    if (!m) return null;
    var lat = Number(m[1]), lon = Number(m[2]);
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat: lat, lon: lon } : null;
  }

  // The point `nahe` stands for: coordinates, or a place name or postal code
  // from places ([[folded name, lat, lon], …]); fold(text) gives the folded
  // words of a text (the search tokeniser's `words`). Returns {lat, lon,
  // name} (name null for coordinates) or null when unknown. A name of several
  // words may also be found by one of them ("59174 Kamen", "Kamen-Methler").
  function resolve(text, places, fold) {
    var point = parsePoint(text);
    if (point) return { lat: point.lat, lon: point.lon, name: null };
    var folded = fold(String(text || '')), table = {};
    (places || []).forEach(function (p) { table[p[0]] = p; });
    var tries = [folded.join(' ')].concat(folded.slice().reverse());
    for (var i = 0; i < tries.length; i++) {
      var hit = table[tries[i]];
      if (hit) return { lat: hit[1], lon: hit[2], name: String(text).trim() };
    }
    return null;
  }

  var api = {
    distance: distance, nearest: nearest, formatDistance: formatDistance, roundPosition: roundPosition,
    parsePoint: parsePoint, resolve: resolve,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof window !== 'undefined') window.WegweiserGeo = api;
})();
