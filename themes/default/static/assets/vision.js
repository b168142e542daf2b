/* bitimger: the version for the visually impaired (class "lv" on <html>),
 * kept in localStorage and, once chosen, in links to the site's pages
 * (?lv=1 or 0): pages from file:// may not share storage. Not deferred,
 * so a page never shows in the normal colours first. */
(function () {
  'use strict';
  var html = document.documentElement, store = null;
  try { store = localStorage; } catch (e) {}
  var asked = /(?:^|&)lv=([01])(?:&|$)/.exec(location.search.slice(1));
  var saved = store && store.getItem('bitimger-lv');
  var on = asked ? asked[1] === '1' : saved === '1';
  var carry = Boolean(asked || saved);

  function save() {
    try { store.setItem('bitimger-lv', on ? '1' : '0'); } catch (e) {}
  }

  function withChoice(href) {
    var m = /^([^?#]*)(?:\?([^#]*))?(#.*)?$/.exec(href);
    var q = (m[2] || '').split('&').filter(function (p) {
      return p && p.indexOf('lv=') !== 0;
    });
    q.push('lv=' + (on ? 1 : 0));
    return m[1] + '?' + q.join('&') + (m[3] || '');
  }

  function apply() {
    html.classList.toggle('lv', on);
    if (!carry) return;
    var a = document.querySelectorAll('a[href]');
    for (var i = 0; i < a.length; i++) {
      var h = a[i].getAttribute('href');
      if (!/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(h) && /(\/|\.html)$/.test(h.split(/[?#]/)[0])) {
        a[i].setAttribute('href', withChoice(h));
      }
    }
    try { history.replaceState(null, '', withChoice(location.href)); } catch (e) {}
  }

  html.classList.toggle('lv', on);
  if (asked) save();
  document.addEventListener('click', function (event) {
    var t = event.target;
    if (!t.closest || !t.closest('.lv-toggle')) return;
    event.preventDefault();
    on = !on;
    carry = true;
    save();
    apply();
  });
  document.addEventListener('DOMContentLoaded', function () {
    var offers = document.querySelectorAll('.lv-offer');
    for (var i = 0; i < offers.length; i++) offers[i].hidden = false;
    apply();
  });
}());
