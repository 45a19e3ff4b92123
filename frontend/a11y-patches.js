/*
 * Accessibility patches of Vaadin 25's own components, loaded with the main layout; AccessibilityTest runs
 * axe-core on every page. ARIA slips caught by axe-core (critical), mended here once for every page: (1) required groups (custom field, date-time picker) and the select's value button get
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
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['aria-required', 'role'], subtree: true, childList: true });
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

// Components already on the page when this module loads are mended too.
document.querySelectorAll('[aria-required]').forEach(dropInvalidRequired);
document.querySelectorAll('vaadin-tabs').forEach(mendTabs);
document.querySelectorAll('vaadin-select-list-box').forEach(nameListBox);
