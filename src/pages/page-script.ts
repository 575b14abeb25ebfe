import { contentHash } from '../domain/hash.ts';
import { LIMITS } from '../limits.ts';

/**
 * The progressive enhancement of the scenario form, served from this Worker (the CSP allows no
 * inline script). Everything works without it: it only counts the ticked scenarios as you go,
 * says "Pick at least one scenario" before a round trip, and goes straight to the canonical
 * /compare?scenarios=a,b&baseline=… URL instead of through the server's redirect.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var MAX = ${LIMITS.scenariosPerComparison};
  var form = document.getElementById('compare-form');
  if (!form) return;
  var count = document.getElementById('pick-count');
  var boxes = function () { return Array.prototype.slice.call(form.querySelectorAll('input[name="scenarios"]')); };
  var ticked = function () { return boxes().filter(function (box) { return box.checked; }); };
  var show = function () {
    if (!count) return;
    var n = ticked().length;
    var notice = document.getElementById('choice-error');
    if (notice && n > 0 && n <= MAX) notice.remove();
    count.textContent = n === 0 ? 'No scenario ticked yet' : n + (n === 1 ? ' scenario' : ' scenarios') + ' ticked' + (n > MAX ? ' (at most ' + MAX + ')' : '');
  };
  var complain = function (title, text) {
    var notice = document.getElementById('choice-error');
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'notice';
      notice.id = 'choice-error';
      notice.setAttribute('role', 'alert');
      form.parentNode.insertBefore(notice, form);
    }
    notice.textContent = '';
    var heading = document.createElement('h2');
    heading.textContent = title;
    var body = document.createElement('p');
    body.textContent = text;
    notice.appendChild(heading);
    notice.appendChild(body);
    var first = boxes()[0];
    if (first) first.focus();
  };
  form.addEventListener('change', show);
  form.addEventListener('submit', function (event) {
    var ids = ticked().map(function (box) { return encodeURIComponent(box.value); });
    event.preventDefault();
    if (ids.length === 0) return complain('Pick at least one scenario', 'Tick one or more scenarios, then press Compare.');
    if (ids.length > MAX) return complain('Too many scenarios', 'At most ' + MAX + ' scenarios can be compared at once; you ticked ' + ids.length + '.');
    var baseline = form.querySelector('select[name="baseline"]');
    var url = '/compare?scenarios=' + ids.join(',') + (baseline && baseline.value ? '&baseline=' + encodeURIComponent(baseline.value) : '');
    window.location.assign(url);
  });
  show();
})();
`;

/** The script's URL: versioned by its content, so a browser may keep it. */
export const PAGE_SCRIPT_PATH = '/assets/page.js';
export const PAGE_SCRIPT_URL = `${PAGE_SCRIPT_PATH}?v=${contentHash(PAGE_SCRIPT)}`;
