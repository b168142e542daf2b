/* bitimger directory filter: shows the clubs whose club, school or locality
 * name (in any language of the site) contains every word typed, in the
 * chosen region. No framework, no request to anyone but the site itself.
 *
 * Without JavaScript the form stays hidden and the region links do the job.
 * The index (data/search.json) is loaded on first use; when it cannot be
 * loaded (a page opened from file://), the cards' own text is searched. */
(function () {
  'use strict';

  /* Kazakh letters fold to the Russian letters they are typed as on a
   * Russian keyboard, ё to е: "казыгурт" finds "Қазығұрт". */
  var FOLD = {
    'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у',
    'һ': 'х', 'і': 'и', 'ё': 'е'
  };
  var FOLD_RE = /[әғқңөұүһіё]/g;
  var SPACE_RE = /[^\p{L}\p{N}]+/gu;

  /* Latin letters typed for the Cyrillic letters they look like
   * (src/i18n/script.rs holds the same table, a test keeps them equal):
   * inside a word that also has Cyrillic letters, "Сенiм" with a Latin i
   * is read as "Сенім". The build writes the index folded so too. */
  var LOOKALIKE = {
    'a': 'а', 'c': 'с', 'e': 'е', 'h': 'һ', 'i': 'і', 'o': 'о', 'p': 'р',
    'x': 'х', 'y': 'у', 'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н',
    'I': 'І', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х',
    'Y': 'Ү'
  };
  var WORD_RE = /[\p{L}\p{N}]+/gu;
  var LATIN_RE = /[A-Za-z]/g;
  var CYRILLIC_RE = /[\u0400-\u0481\u048A-\u04FF]/;

  /** Each word holding Latin and Cyrillic letters, its Latin look-alikes in Cyrillic. */
  function cyrillicWords(text) {
    return text.replace(WORD_RE, function (w) {
      if (!/[A-Za-z]/.test(w) || !CYRILLIC_RE.test(w)) return w;
      return w.replace(LATIN_RE, function (c) { return LOOKALIKE[c] || c; });
    });
  }

  /** Look-alikes in Cyrillic, lowercase, fold letter variants, punctuation to single spaces. */
  function fold(text) {
    return ' ' + cyrillicWords(String(text)).toLowerCase()
      .replace(FOLD_RE, function (c) { return FOLD[c]; })
      .replace(SPACE_RE, ' ').trim() + ' ';
  }

  /** The words of a query, folded. */
  function terms(query) {
    var t = fold(query).trim();
    return t ? t.split(' ') : [];
  }

  /** True when `haystack` (folded) holds every term. */
  function matches(haystack, words) {
    for (var i = 0; i < words.length; i++) {
      if (haystack.indexOf(words[i]) === -1) return false;
    }
    return true;
  }

  /** Entries [{slug, region, text}] → the slugs matching query and region. */
  function filter(entries, query, region) {
    var words = terms(query);
    var out = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      if ((!region || e.region === region) && matches(e.text, words)) out.push(e.slug);
    }
    return out;
  }

  /** The parsed search.json → entries with folded text. */
  function entriesOf(index) {
    return index.clubs.map(function (row) {
      return { slug: row[0], region: row[1], text: fold(row[2]) };
    });
  }

  /** 7 500 with a no-break space (CLDR's for kk and ru) (English: 7,500), as the pages write it. */
  function number(n) {
    var sep = document.documentElement.lang === 'en' ? ',' : '\u00a0';
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  var api = { fold: fold, terms: terms, matches: matches, filter: filter, entriesOf: entriesOf };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  function start() {
    var form = document.querySelector('form.dir-filter');
    var list = document.getElementById('dir-list');
    if (!form || !list) return;
    var input = form.querySelector('input[type=search]');
    var select = form.querySelector('select');
    var status = form.querySelector('.dir-count');
    var cards = Array.prototype.slice.call(list.querySelectorAll('.club-card'));
    var bySlug = {};
    /* Until the index is loaded: the names shown on the cards. */
    var entries = cards.map(function (card) {
      var names = card.querySelectorAll('.club-card-name, .club-card-school, .club-card-locality');
      var text = Array.prototype.map.call(names, function (el) { return el.textContent; }).join(' ');
      bySlug[card.getAttribute('data-slug')] = card;
      return { slug: card.getAttribute('data-slug'), region: card.getAttribute('data-region'), text: fold(text) };
    });
    var loading = null;

    function load() {
      if (loading || !window.fetch) return;
      loading = fetch(form.getAttribute('data-index'))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (index) {
          var indexed = {};
          entriesOf(index).forEach(function (e) { indexed[e.slug] = e; });
          entries = entries.map(function (e) { return indexed[e.slug] || e; });
          if (input.value || select.value) apply();
        })
        .catch(function () { /* keep searching the cards' own text */ });
    }

    function setHidden(el, hidden) {
      if (el.hidden !== hidden) el.hidden = hidden;
    }

    function apply() {
      var shown = {};
      var found = filter(entries, input.value, select.value);
      found.forEach(function (slug) { shown[slug] = true; });
      cards.forEach(function (card) { setHidden(card, !shown[card.getAttribute('data-slug')]); });
      list.querySelectorAll('.dir-locality, .dir-region').forEach(function (group) {
        setHidden(group, !group.querySelector('.club-card:not([hidden])'));
      });
      var n = found.length;
      status.textContent = n === 0 ? form.getAttribute('data-none')
        : form.getAttribute('data-found').replace('#', number(n));
      status.setAttribute('data-n', String(n));
    }

    form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(); });
    form.addEventListener('focusin', load);
    input.addEventListener('input', function () { load(); apply(); });
    select.addEventListener('change', function () { load(); apply(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
    form.hidden = false;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
