/*
 * Physio Portal's service worker (scope /), registered by the app shell (Application.configurePage).
 *
 * What it keeps: only the offline page and the icons, fetched on install. What it never keeps: any page of the
 * portal, anything signed in, Vaadin's UIDL and heartbeat requests, anything but GET. A page is always asked of
 * the network; only when the network cannot be reached at all does the person see the offline page instead
 * (an answer from the server, even an error or a redirect to sign in, is passed on as it is). So nothing stale
 * or private is ever shown from here.
 *
 * It also shows the portal's browser notifications (the bedtime and morning reminders, sent by the server's WebPush
 * when the person turned them on in this browser): the message is {"title", "body", "url"}, and a tap opens the url,
 * a path of this site, in a portal window.
 */
'use strict';

// Change the version when a file below changes: the new worker fetches them afresh and drops the old copies.
const CACHE = 'physio-offline-v1';
const OFFLINE_PAGE = '/offline.html';
const KEPT = [
  OFFLINE_PAGE,
  '/favicon.ico',
  '/favicon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
  '/icons/apple-touch-icon.png'
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // cache: 'reload' skips the HTTP cache, so the copies kept are the server's current files.
      .then((cache) => cache.addAll(KEPT.map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return; // UIDL, sign-in and every other POST: straight to the network, untouched.
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // Always the network; the offline page only when there is no network to ask.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_PAGE).then((page) => page || Response.error())));
    return;
  }
  if (KEPT.includes(url.pathname) && url.search === '') {
    // The kept files: the network's copy when there is one, the kept copy when offline.
    event.respondWith(fetch(request).catch(() => caches.match(url.pathname).then((kept) => kept || Response.error())));
  }
  // Everything else (Vaadin's scripts, styles, UIDL, heartbeats, uploads, downloads): not handled here.
});

// Notifications. One per page of the portal: a newer reminder to the same page (tonight's bedtime reminder, this
// morning's check-in) replaces an older one still showing, and still makes the phone ring (renotify).
const NOTIFICATION_ICON = '/icons/icon-192.png';
const NOTIFICATION_BADGE = '/icons/badge-96.png';

/** A path of this site, or the start page: a message never sends the person to another site. */
function portalPath(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  const url = new URL(value, self.location.origin);
  return url.origin === self.location.origin ? url.pathname + url.search + url.hash : '/';
}

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = {};
  }
  if (!message || typeof message !== 'object') {
    message = {};
  }
  const title = typeof message.title === 'string' && message.title.trim() !== '' ? message.title : 'Physio Portal';
  const url = portalPath(message.url);
  event.waitUntil(self.registration.showNotification(title, {
    body: typeof message.body === 'string' ? message.body : '',
    icon: NOTIFICATION_ICON,
    badge: NOTIFICATION_BADGE,
    tag: 'physio:' + new URL(url, self.location.origin).pathname,
    renotify: true,
    data: { url }
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(portalPath(event.notification.data && event.notification.data.url), self.location.origin);
  event.waitUntil(
    // The portal windows this worker controls: one is brought forward and sent to the page; without one, a new one.
    self.clients.matchAll({ type: 'window' }).then((windows) => {
      const open = windows.find((w) => w.frameType !== 'nested');
      if (!open) {
        return self.clients.openWindow(target.href);
      }
      return open.focus()
        .then((focused) => (focused || open).navigate(target.href))
        .catch(() => self.clients.openWindow(target.href));
    })
  );
});
