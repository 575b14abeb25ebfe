import { contentHash } from '../../domain/hash.ts';

/**
 * The what-if pages' only script, served from this Worker (the CSP allows no inline script). The
 * edit link carries the edit key after "#", which browsers never send to a server or in a
 * Referer: on the claim page this reads it, drops it from the address bar and submits the form
 * that exchanges it for the edit cookie. Without JavaScript the person pastes the key instead.
 */
export const WHAT_IF_SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('claim-form');
  var key = window.location.hash.slice(1);
  if (!form || !/^[A-Za-z0-9_-]{20,100}$/.test(key)) return;
  window.history.replaceState(null, '', window.location.pathname);
  var field = document.getElementById('token');
  if (!field) return;
  field.value = key;
  form.submit();
})();
`;

export const WHAT_IF_SCRIPT_PATH = '/assets/what-if.js';
export const WHAT_IF_SCRIPT_URL = `${WHAT_IF_SCRIPT_PATH}?v=${contentHash(WHAT_IF_SCRIPT)}`;
