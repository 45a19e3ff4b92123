/*
 * Colour scheme, run inline in <head> before anything is drawn (no flash of the wrong colours).
 * Lumo 25: theme="light-dark" on <html> follows the device (prefers-color-scheme), "dark" and
 * "light" force one. The choice ("auto", "light" or "dark") is remembered in localStorage.
 * Charts read their own colours and redraw when the scheme changes (frontend/physio-chart.js).
 */
(function () {
  var KEY = 'physio-theme';
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'light' || value === 'dark' ? value : 'auto';
    } catch (e) {
      return 'auto';
    }
  }

  function resolved(choice) {
    if (choice === 'auto') {
      return media && media.matches ? 'dark' : 'light';
    }
    return choice;
  }

  function apply(choice) {
    root.setAttribute('theme', choice === 'auto' ? 'light-dark' : choice);
    root.setAttribute('data-colour-scheme', resolved(choice));
    // The browser bar: the page has one theme-color per device scheme (Application.java, before this script).
    // A scheme chosen with the toggle gives both its colour; "auto" gives each its own scheme's colour back.
    var metas = document.querySelectorAll('meta[name="theme-color"]');
    for (var i = 0; i < metas.length; i++) {
      var forScheme = /dark/.test(metas[i].media) ? 'dark' : /light/.test(metas[i].media) ? 'light' : resolved(choice);
      var scheme = choice === 'auto' ? forScheme : choice;
      metas[i].setAttribute('content', scheme === 'dark' ? '#16202c' : '#1a5276');
    }
  }

  window.physioTheme = {
    get: stored,
    resolved: function () {
      return resolved(stored());
    },
    set: function (choice) {
      try {
        window.localStorage.setItem(KEY, choice);
      } catch (e) {
        /* private mode: the choice lasts for this page only */
      }
      apply(choice);
      return resolved(choice);
    }
  };

  apply(stored());
  if (media && media.addEventListener) {
    media.addEventListener('change', function () {
      apply(stored());
    });
  }
})();
