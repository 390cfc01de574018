/* The theme's search dialog has no accessible name (WCAG 4.1.2): give it the one its field has. */

function nameSearchDialog() {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", gettext("Search this site"));
}

FIRST_START.push(nameSearchDialog);
