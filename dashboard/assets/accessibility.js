// Two gaps in Dash's own components that axe-core (WCAG 2 A/AA) reports on every page that
// uses them; patched in the DOM, since the components take no attribute for them.
(function () {
  function patch(root) {
    // dcc.Dropdown keeps its tab stop on a hidden input (aria-hidden, yet focusable) that
    // hands the focus on to the dropdown's button: make the labelled button the tab stop.
    root.querySelectorAll('.dash-dropdown-focus-target').forEach(function (input) {
      if (input.tabIndex !== -1) { input.tabIndex = -1; }
      const button = input.nextElementSibling;
      if (button && button.tagName === 'BUTTON' && !button.disabled && button.tabIndex !== 0) {
        button.tabIndex = 0;
      }
    });
    // dcc.Upload's file input has no label: name it by the text of its drop zone.
    root.querySelectorAll('input[type=file]:not([aria-label])').forEach(function (input) {
      const zone = input.parentElement;
      const text = zone ? zone.textContent.trim() : '';
      input.setAttribute('aria-label', text || 'Kies een bestand');
    });
  }
  new MutationObserver(function () { patch(document); }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'],
  });
})();
