#!/usr/bin/env node
/*
 * Draws images/icon.png (128×128): an open codebook on a red-to-orange tile, with lines of text
 * and one highlighted code. No dependencies: pixels by hand, PNG by zlib. Run: node images/generate-icon.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SCALE = 4; // supersampling per axis, for smooth edges
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function mix(a, b, t) {
  return a.map((value, index) => Math.round(value + (b[index] - value) * t));
}

function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius, Math.min(x, right - radius));
  const cy = Math.max(top + radius, Math.min(y, bottom - radius));
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
}

const RED = [199, 0, 11];
const ORANGE = [255, 106, 0];
const PAPER = [255, 255, 255];
const SHADE = [236, 236, 240];
const INK = [72, 76, 92];
const MARK = [255, 106, 0];

/** The colour at a point (in 0..128 units), or undefined where the icon is transparent. */
function colourAt(x, y) {
  if (!roundedRect(x, y, 4, 4, 124, 124, 22)) {
    return undefined;
  }
  let colour = mix(RED, ORANGE, (x + y) / 256);
  // The book: two pages meeting at a spine at x = 64.
  const inLeftPage = x >= 18 && x < 63 && y >= 30 + (63 - x) * 0.12 && y <= 100 - (63 - x) * 0.06;
  const inRightPage = x > 65 && x <= 110 && y >= 30 + (x - 65) * 0.12 && y <= 100 - (x - 65) * 0.06;
  if (inLeftPage || inRightPage) {
    colour = inLeftPage ? SHADE : PAPER;
    const left = inLeftPage ? 26 : 73;
    const lineTops = [44, 56, 68, 80];
    lineTops.forEach((top, index) => {
      const widths = inLeftPage ? [28, 22, 28, 18] : [28, 28, 16, 24];
      const slant = inLeftPage ? (63 - x) * 0.1 : (x - 65) * 0.1;
      const t = top + slant;
      if (y >= t && y < t + 4 && x >= left && x < left + widths[index]) {
        // The third line of the right page is the highlighted code.
        colour = !inLeftPage && index === 1 ? MARK : INK;
      }
    });
  }
  return colour;
}

for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SCALE; sy++) {
      for (let sx = 0; sx < SCALE; sx++) {
        const colour = colourAt(px + (sx + 0.5) / SCALE, py + (sy + 0.5) / SCALE);
        if (colour) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a++;
        }
      }
    }
    const offset = (py * SIZE + px) * 4;
    if (a > 0) {
      pixels[offset] = Math.round(r / a);
      pixels[offset + 1] = Math.round(g / a);
      pixels[offset + 2] = Math.round(b / a);
      pixels[offset + 3] = Math.round((255 * a) / (SCALE * SCALE));
    }
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, 'icon.png');
fs.writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
