/*
 * Colour scheme, run inline in <head> before anything is drawn (no flash of the wrong colours).
 * Lumo 25: theme="light-dark" on <html> follows the device (prefers-color-scheme), "dark" and
 * "light" force one. The choice ("auto", "light" or "dark") is remembered in localStorage.
 * Charts: Chart.js draws on a canvas, which cannot use CSS variables, so each <physio-chart> gets
 * its text and grid colours resolved from Lumo's variables after drawing, and redraws when the
 * scheme changes.
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

  function cssColour(variable) {
    var probe = document.createElement('span');
    probe.style.color = 'var(' + variable + ')';
    probe.style.display = 'none';
    document.body.appendChild(probe);
    var colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }

  function recolour(element) {
    var chart = element.chart;
    if (!chart || !document.body) {
      return;
    }
    var defaults = chart.constructor.defaults;
    defaults.color = cssColour('--lumo-secondary-text-color');
    defaults.borderColor = cssColour('--lumo-contrast-20pct');
    chart.update('none');
  }

  function redrawCharts() {
    document.querySelectorAll('physio-chart').forEach(recolour);
  }

  function apply(choice) {
    root.setAttribute('theme', choice === 'auto' ? 'light-dark' : choice);
    root.setAttribute('data-colour-scheme', resolved(choice));
    var meta = document.querySelector('meta[name="theme-color"]');
    if (meta) {
      meta.setAttribute('content', resolved(choice) === 'dark' ? '#16202c' : '#1a5276');
    }
    if (document.body) {
      redrawCharts();
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

  if (window.customElements) {
    customElements.whenDefined('physio-chart').then(function () {
      var proto = customElements.get('physio-chart').prototype;
      var draw = proto._draw;
      if (typeof draw === 'function' && !draw.physioThemed) {
        proto._draw = function () {
          draw.apply(this, arguments);
          recolour(this);
        };
        proto._draw.physioThemed = true;
      }
    });
  }
})();
