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

  /*
   * Two ARIA slips in Vaadin 25's own components, caught by axe-core (critical), mended here once for
   * every page: (1) required groups (custom field, date-time picker) and the select's value button get
   * aria-required, which ARIA does not allow on role=group or role=button; the required state stays
   * visible (the label's dot) and in the field's error message. (2) vaadin-tabs (role=tablist) wraps its
   * tabs in a div with tabindex=-1, which a tablist may not contain; the tabs stay keyboard-focusable.
   * (3) vaadin-select's list box (role=listbox) has no accessible name once opened (axe: serious); it
   * takes the select's label.
   */
  function nameListBox(box) {
    if (box.getAttribute('role') !== 'listbox' || box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby')) {
      return;
    }
    var select = box.closest('vaadin-select');
    var name = select && (select.accessibleName || select.label);
    if (name) {
      box.setAttribute('aria-label', name);
    }
  }

  function dropInvalidRequired(element) {
    var role = element.getAttribute('role');
    if (element.hasAttribute('aria-required') && (role === 'group' || role === 'button')) {
      element.removeAttribute('aria-required');
    }
  }
  if (window.MutationObserver) {
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        if (mutation.type === 'attributes') {
          dropInvalidRequired(mutation.target);
          if (mutation.target.localName === 'vaadin-select-list-box') {
            nameListBox(mutation.target);
          }
        } else {
          mutation.addedNodes.forEach(function (node) {
            if (node.nodeType === 1) {
              dropInvalidRequired(node);
              node.querySelectorAll('[aria-required]').forEach(dropInvalidRequired);
              if (node.localName === 'vaadin-tabs') {
                mendTabs(node);
              }
              node.querySelectorAll('vaadin-tabs').forEach(mendTabs);
              if (node.localName === 'vaadin-select-list-box') {
                nameListBox(node);
              }
              node.querySelectorAll('vaadin-select-list-box').forEach(nameListBox);
            }
          });
        }
      });
    }).observe(root, { attributes: true, attributeFilter: ['aria-required', 'role'], subtree: true, childList: true });
  }

  function mendTabs(tabs) {
    customElements.whenDefined('vaadin-tabs').then(function () {
      requestAnimationFrame(function () {
        var scroller = tabs.shadowRoot && tabs.shadowRoot.querySelector('[part~="tabs"][tabindex]');
        if (scroller) {
          scroller.removeAttribute('tabindex');
        }
      });
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
