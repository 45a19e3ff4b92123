/*
 * Registers the portal's service worker (/service-worker.js, scope /) once the page has loaded. It keeps only the
 * offline page and the icons, never a page of the portal. A browser without service workers (or one refusing it,
 * e.g. some private modes) gets the portal just the same, without the offline page.
 */
(function () {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch(function () {
      /* not registered: the portal works as before */
    });
  });
})();
