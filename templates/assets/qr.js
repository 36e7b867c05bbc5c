/* Wegweiser QR codes: an encoder of the project's own (ISO/IEC 18004), byte mode,
 * versions 1–40, error correction L, M, Q or H, the mask chosen by the standard's
 * penalty rules, and an SVG drawing of the result. The Merkliste prints the code of
 * its share link with it. Text goes in as UTF-8 bytes without an ECI header, as
 * qrencode writes it: readers take ASCII (the share links) as it is. Plain browser JavaScript, no dependencies: in Node it
 * exports the encoder for the tests (Tests/search-js/qr.test.js), on a page it sets
 * `window.WegweiserQR`. */
(function () {
  'use strict';

  // Error correction codewords per block and number of blocks, by level and
  // version (index 0 unused); ISO/IEC 18004 table 9.
  var ECC_PER_BLOCK = {
    L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
    Q: [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    H: [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  };
  var BLOCKS = {
    L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
    M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
    Q: [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
    H: [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
  };
  // The two bits of the format information for each level.
  var LEVEL_BITS = { L: 1, M: 0, Q: 3, H: 2 };

  // ---- Sizes ----------------------------------------------------------------

  function size(version) { return version * 4 + 17; }

  // Modules left for data and error correction once the function patterns are drawn.
  function rawModules(version) {
    var result = (16 * version + 128) * version + 64;
    if (version >= 2) {
      var align = Math.floor(version / 7) + 2;
      result -= (25 * align - 10) * align - 55;
      if (version >= 7) result -= 36;
    }
    return result;
  }

  function dataCodewords(version, level) {
    return Math.floor(rawModules(version) / 8) - ECC_PER_BLOCK[level][version] * BLOCKS[level][version];
  }

  // Bits a byte-mode segment of `length` bytes needs: mode, count, data.
  function segmentBits(version, length) {
    return 4 + (version <= 9 ? 8 : 16) + 8 * length;
  }

  /** The smallest version from 1 to `maxVersion` whose capacity holds `length` bytes, or 0. */
  function fittingVersion(length, level, maxVersion) {
    for (var v = 1; v <= (maxVersion || 40); v++) {
      if (segmentBits(v, length) <= dataCodewords(v, level) * 8) return v;
    }
    return 0;
  }

  // Centres of the alignment patterns along each axis.
  function alignmentPositions(version) {
    if (version === 1) return [];
    var count = Math.floor(version / 7) + 2;
    var step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    var positions = [6];
    for (var pos = size(version) - 7; positions.length < count; pos -= step) positions.splice(1, 0, pos);
    return positions;
  }

  // ---- Reed–Solomon over GF(256), polynomial x^8 + x^4 + x^3 + x^2 + 1 ---------

  function multiply(x, y) {
    var z = 0;
    for (var i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11D);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  // Coefficients of (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power dropped.
  function generator(degree) {
    var result = [];
    for (var i = 0; i < degree - 1; i++) result.push(0);
    result.push(1);
    var root = 1;
    for (var k = 0; k < degree; k++) {
      for (var j = 0; j < result.length; j++) {
        result[j] = multiply(result[j], root);
        if (j + 1 < result.length) result[j] ^= result[j + 1];
      }
      root = multiply(root, 2);
    }
    return result;
  }

  function remainder(data, divisor) {
    var result = divisor.map(function () { return 0; });
    data.forEach(function (b) {
      var factor = b ^ result.shift();
      result.push(0);
      for (var i = 0; i < divisor.length; i++) result[i] ^= multiply(divisor[i], factor);
    });
    return result;
  }

  // ---- Codewords --------------------------------------------------------------

  function dataBits(bytes, version, level) {
    var bits = [];
    function put(value, count) { for (var i = count - 1; i >= 0; i--) bits.push((value >>> i) & 1); }
    put(4, 4); // byte mode
    put(bytes.length, version <= 9 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    var capacity = dataCodewords(version, level) * 8;
    put(0, Math.min(4, capacity - bits.length)); // terminator
    put(0, (8 - bits.length % 8) % 8);
    for (var pad = 0xEC; bits.length < capacity; pad ^= 0xEC ^ 0x11) put(pad, 8);
    var codewords = [];
    for (var i = 0; i < bits.length; i += 8) {
      var byte = 0;
      for (var j = 0; j < 8; j++) byte = (byte << 1) | bits[i + j];
      codewords.push(byte);
    }
    return codewords;
  }

  // Data split into blocks, each with its error correction, then interleaved.
  function interleave(data, version, level) {
    var blockCount = BLOCKS[level][version], eccLength = ECC_PER_BLOCK[level][version];
    var total = Math.floor(rawModules(version) / 8);
    var shortBlocks = blockCount - total % blockCount;
    var shortLength = Math.floor(total / blockCount) - eccLength;
    var divisor = generator(eccLength);
    var blocks = [], offset = 0;
    for (var i = 0; i < blockCount; i++) {
      var length = shortLength + (i < shortBlocks ? 0 : 1);
      var block = data.slice(offset, offset + length);
      offset += length;
      blocks.push({ data: block, ecc: remainder(block, divisor) });
    }
    var result = [];
    for (var k = 0; k <= shortLength; k++) {
      blocks.forEach(function (b) { if (k < b.data.length) result.push(b.data[k]); });
    }
    for (var e = 0; e < eccLength; e++) blocks.forEach(function (b) { result.push(b.ecc[e]); });
    return result;
  }

  // ---- The matrix ---------------------------------------------------------------

  function Matrix(version, level) {
    this.version = version;
    this.level = level;
    this.size = size(version);
    this.dark = [];
    this.reserved = [];
    for (var y = 0; y < this.size; y++) {
      this.dark.push(new Array(this.size).fill(false));
      this.reserved.push(new Array(this.size).fill(false));
    }
  }

  Matrix.prototype.setFunction = function (x, y, dark) {
    this.dark[y][x] = dark;
    this.reserved[y][x] = true;
  };

  Matrix.prototype.drawFunctionPatterns = function () {
    var n = this.size, self = this;
    for (var i = 0; i < n; i++) {
      this.setFunction(6, i, i % 2 === 0);
      this.setFunction(i, 6, i % 2 === 0);
    }
    [[3, 3], [n - 4, 3], [3, n - 4]].forEach(function (c) { self.drawFinder(c[0], c[1]); });
    var positions = alignmentPositions(this.version), last = positions.length - 1;
    positions.forEach(function (py, i) {
      positions.forEach(function (px, j) {
        var onFinder = (i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0);
        if (!onFinder) self.drawAlignment(px, py);
      });
    });
    this.drawFormat(0); // reserves the format areas; redrawn with the mask chosen
    this.drawVersion();
  };

  // A finder pattern and its light separator, centred at (cx, cy).
  Matrix.prototype.drawFinder = function (cx, cy) {
    for (var dy = -4; dy <= 4; dy++) {
      for (var dx = -4; dx <= 4; dx++) {
        var x = cx + dx, y = cy + dy;
        if (x < 0 || y < 0 || x >= this.size || y >= this.size) continue;
        var d = Math.max(Math.abs(dx), Math.abs(dy));
        this.setFunction(x, y, d !== 2 && d !== 4);
      }
    }
  };

  Matrix.prototype.drawAlignment = function (cx, cy) {
    for (var dy = -2; dy <= 2; dy++) {
      for (var dx = -2; dx <= 2; dx++) this.setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  };

  // 15 bits: level and mask, BCH(15,5), XOR 101010000010010.
  function formatBits(level, mask) {
    var data = (LEVEL_BITS[level] << 3) | mask, rem = data;
    for (var i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    return ((data << 10) | rem) ^ 0x5412;
  }

  Matrix.prototype.drawFormat = function (mask) {
    var bits = formatBits(this.level, mask), n = this.size;
    function bit(i) { return ((bits >>> i) & 1) === 1; }
    for (var i = 0; i <= 5; i++) this.setFunction(8, i, bit(i));
    this.setFunction(8, 7, bit(6));
    this.setFunction(8, 8, bit(7));
    this.setFunction(7, 8, bit(8));
    for (i = 9; i < 15; i++) this.setFunction(14 - i, 8, bit(i));
    for (i = 0; i < 8; i++) this.setFunction(n - 1 - i, 8, bit(i));
    for (i = 8; i < 15; i++) this.setFunction(8, n - 15 + i, bit(i));
    this.setFunction(8, n - 8, true); // the dark module
  };

  // Versions 7 and up: 18 bits, BCH(18,6), in two 6×3 blocks.
  Matrix.prototype.drawVersion = function () {
    if (this.version < 7) return;
    var rem = this.version;
    for (var i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
    var bits = (this.version << 12) | rem;
    for (i = 0; i < 18; i++) {
      var dark = ((bits >>> i) & 1) === 1, a = this.size - 11 + i % 3, b = Math.floor(i / 3);
      this.setFunction(a, b, dark);
      this.setFunction(b, a, dark);
    }
  };

  // Codeword bits in the two-column zigzag from the bottom right.
  Matrix.prototype.drawCodewords = function (codewords) {
    var n = this.size, i = 0, total = codewords.length * 8;
    for (var right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < n; vert++) {
        for (var j = 0; j < 2; j++) {
          var x = right - j, upward = ((right + 1) & 2) === 0, y = upward ? n - 1 - vert : vert;
          if (this.reserved[y][x] || i >= total) continue;
          this.dark[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  };

  var MASKS = [
    function (x, y) { return (x + y) % 2 === 0; },
    function (x, y) { return y % 2 === 0; },
    function (x) { return x % 3 === 0; },
    function (x, y) { return (x + y) % 3 === 0; },
    function (x, y) { return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0; },
    function (x, y) { return x * y % 2 + x * y % 3 === 0; },
    function (x, y) { return (x * y % 2 + x * y % 3) % 2 === 0; },
    function (x, y) { return ((x + y) % 2 + x * y % 3) % 2 === 0; },
  ];

  // XOR is its own inverse: applying a mask twice undoes it.
  Matrix.prototype.applyMask = function (mask) {
    for (var y = 0; y < this.size; y++) {
      for (var x = 0; x < this.size; x++) {
        if (!this.reserved[y][x] && MASKS[mask](x, y)) this.dark[y][x] = !this.dark[y][x];
      }
    }
  };

  // ---- Penalty (ISO/IEC 18004 7.8.3) ---------------------------------------------

  var FINDER_LIKE = [true, false, true, true, true, false, true];

  // Rules 1 and 3 on one row or column: runs of five or more, and 1:1:3:1:1
  // patterns with four light modules on one side (outside the symbol is light).
  function linePenalty(line) {
    var score = 0, n = line.length, run = 1;
    for (var i = 1; i <= n; i++) {
      if (i < n && line[i] === line[i - 1]) { run++; continue; }
      if (run >= 5) score += 3 + (run - 5);
      run = 1;
    }
    function light(from, to) {
      for (var k = from; k < to; k++) if (k >= 0 && k < n && line[k]) return false;
      return true;
    }
    for (var s = 0; s + 7 <= n; s++) {
      var match = true;
      for (var j = 0; j < 7 && match; j++) match = line[s + j] === FINDER_LIKE[j];
      if (!match) continue;
      if (light(s - 4, s)) score += 40;
      if (light(s + 7, s + 11)) score += 40;
    }
    return score;
  }

  function penalty(dark) {
    var n = dark.length, score = 0, darkCount = 0;
    for (var y = 0; y < n; y++) {
      score += linePenalty(dark[y]);
      var column = [];
      for (var x = 0; x < n; x++) column.push(dark[x][y]);
      score += linePenalty(column);
    }
    for (y = 0; y < n; y++) {
      for (x = 0; x < n; x++) {
        if (dark[y][x]) darkCount++;
        if (x + 1 < n && y + 1 < n) {
          var c = dark[y][x];
          if (c === dark[y][x + 1] && c === dark[y + 1][x] && c === dark[y + 1][x + 1]) score += 3;
        }
      }
    }
    // Rule 4: 10 points for each full 5 % the dark share lies away from 50 %.
    var total = n * n;
    score += Math.floor(Math.abs(darkCount * 100 - total * 50) / (total * 5)) * 10;
    return score;
  }

  // ---- Encoding -------------------------------------------------------------------

  function utf8(text) {
    return Array.from(new TextEncoder().encode(String(text)));
  }

  /**
   * Encodes `text` (as UTF-8 bytes) into a QR code.
   * options: `level` 'L', 'M' (default), 'Q' or 'H'; `maxVersion` (default 40);
   * `mask` 0–7 to force one (tests), else the one with the lowest penalty.
   * Returns {version, level, mask, size, modules: rows of booleans (true = dark)}.
   * Throws a RangeError when the text does not fit.
   */
  function encode(text, options) {
    options = options || {};
    var level = options.level || 'M';
    if (!(level in BLOCKS)) throw new RangeError('unknown error correction level ' + level);
    var bytes = utf8(text);
    var version = fittingVersion(bytes.length, level, options.maxVersion);
    if (!version) throw new RangeError('text too long for a QR code: ' + bytes.length + ' bytes');
    var matrix = new Matrix(version, level);
    matrix.drawFunctionPatterns();
    matrix.drawCodewords(interleave(dataBits(bytes, version, level), version, level));
    var mask = options.mask;
    if (mask === undefined) {
      var best = Infinity;
      for (var m = 0; m < 8; m++) {
        matrix.applyMask(m);
        matrix.drawFormat(m);
        var score = penalty(matrix.dark);
        if (score < best) { best = score; mask = m; }
        matrix.applyMask(m);
      }
    }
    matrix.applyMask(mask);
    matrix.drawFormat(mask);
    return { version: version, level: level, mask: mask, size: matrix.size, modules: matrix.dark };
  }

  // ---- Drawing ----------------------------------------------------------------------

  /**
   * The code as SVG markup: one path of unit squares, a light quiet zone of
   * `margin` modules (default 4, as the standard asks), `title` as its text
   * alternative. Sized by CSS; `shape-rendering` keeps the edges sharp.
   */
  function svg(code, title, margin) {
    margin = margin === undefined ? 4 : margin;
    var full = code.size + 2 * margin, path = '';
    code.modules.forEach(function (row, y) {
      row.forEach(function (dark, x) { if (dark) path += 'M' + (x + margin) + ' ' + (y + margin) + 'h1v1h-1z'; });
    });
    var escaped = String(title || '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + full + ' ' + full + '" role="img"' +
      ' shape-rendering="crispEdges"><title>' + escaped + '</title>' +
      '<rect width="' + full + '" height="' + full + '" fill="#fff"/>' +
      '<path d="' + path + '" fill="#000"/></svg>';
  }

  var api = {
    encode: encode, svg: svg, penalty: penalty, linePenalty: linePenalty, fittingVersion: fittingVersion, dataCodewords: dataCodewords,
    alignmentPositions: alignmentPositions, formatBits: formatBits, generator: generator, remainder: remainder,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof window === 'object') window.WegweiserQR = api;
})();
