/* A table wider than the screen scrolls sideways inside the theme's wrapper. A keyboard can
   scroll it only if it can reach it (WCAG 2.1.1), so each wrapper that overflows becomes a tab
   stop, on every page view and whenever the window's width changes what overflows. */

function focusableScrollRegions() {
  all(document, ".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.setAttribute("tabindex", "0");
    else wrap.removeAttribute("tabindex");
  });
}

EVERY_PAGE.push(focusableScrollRegions);
FIRST_START.push(function () { window.addEventListener("resize", focusableScrollRegions); });
