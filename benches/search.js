#!/usr/bin/env node
// Benchmark of the directory filter (themes/default/static/assets/search.js)
// over a generated index of 7,500 clubs, about every school in Kazakhstan.
// Runs the same fold and filter code the browser runs, in node:
//
//     node benches/search.js [clubs]
//
// Prints the index size, the one-time cost of reading and folding the index,
// and the median and worst time of one filter pass per query.
'use strict';

const path = require('path');
const search = require(path.join(__dirname, '../themes/default/static/assets/search.js'));

const CLUBS = Number(process.argv[2] || 7500);
const RUNS = 50;

const REGIONS = ['abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kazakhstan', 'jambyl',
  'jetisu', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'north-kazakhstan', 'pavlodar',
  'turkistan', 'ulytau', 'west-kazakhstan', 'astana', 'almaty', 'shymkent'];
const NAMES = [['Сенім', 'Доверие'], ['Достық', 'Дружба'], ['Бірлік', 'Единство'], ['Ынтымақ', 'Ынтымак'],
  ['Татулық', 'Согласие'], ['Үміт', 'Надежда'], ['Жұлдыз', 'Звезда'], ['Береке', 'Береке'],
  ['Келісім', 'Согласие'], ['Әділет', 'Справедливость'], ['Арман', 'Мечта'], ['Көпір', 'Мост']];
const PLACES = [['Қарағанды', 'Караганда'], ['Теміртау', 'Темиртау'], ['Қазығұрт', 'Казыгурт'],
  ['Шымкент', 'Шымкент'], ['Ақтөбе', 'Актобе'], ['Қонаев', 'Конаев'], ['Есік', 'Есик'],
  ['Өскемен', 'Усть-Каменогорск'], ['Екібастұз', 'Экибастуз'], ['Көкшетау', 'Кокшетау'],
  ['Алматы', 'Алматы'], ['Жезқазған', 'Жезказган']];
const KINDS = [['мектеп-гимназия', 'Школа-гимназия'], ['жалпы орта мектеп', 'Средняя школа'],
  ['мектеп-лицей', 'Школа-лицей']];

// A deterministic pseudo-random sequence, so every run measures the same index.
// (mulberry32)
let seed = 42;
function random() {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

function generate(n) {
  const clubs = [];
  for (let i = 0; i < n; i++) {
    const [nameKk, nameRu] = pick(NAMES);
    const [placeKk, placeRu] = pick(PLACES);
    const [kindKk, kindRu] = pick(KINDS);
    const names = [nameKk, nameRu, `№ ${i} ${kindKk}`, `${kindRu} № ${i}`, placeKk, placeRu];
    clubs.push([`club-${i}`, pick(REGIONS), names.join(' | ')]);
  }
  return { version: 1, clubs };
}

function time(fn) {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, result];
}

const json = JSON.stringify(generate(CLUBS));
const [loadMs, entries] = time(() => search.entriesOf(JSON.parse(json)));
console.log(`index: ${CLUBS} clubs, ${(json.length / 1024).toFixed(0)} KiB of JSON`);
console.log(`read and fold the index once: ${loadMs.toFixed(1)} ms`);

const QUERIES = [
  ['а', ''], ['алматы', ''], ['казыгурт', ''], ['қазығұрт', ''], ['гимназия 15', ''],
  ['согласие', 'turkistan'], ['', 'almaty-region'], ['нет такого клуба', ''],
];
console.log('\nquery                      region           found   median ms   worst ms');
for (const [query, region] of QUERIES) {
  const times = [];
  let found = 0;
  for (let r = 0; r < RUNS; r++) {
    const [ms, result] = time(() => search.filter(entries, query, region));
    times.push(ms);
    found = result.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  console.log(`${JSON.stringify(query).padEnd(26)} ${(region || '(all)').padEnd(16)} ${String(found).padStart(5)} ${median.toFixed(3).padStart(11)} ${times[RUNS - 1].toFixed(3).padStart(10)}`);
}
