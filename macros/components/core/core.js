/* The core every component builds on: the registry and small DOM helpers; kept.js beside it
   holds what is kept in this browser. The bundle (macros/publish/bundle.py) puts this file,
   then kept.js, then each component, then start.js,
   inside one function, so they share these names and add no global of their own. */

/* ---- The registry: each component names the root attribute value it enhances ---- */

var COMPONENTS = {};   // data-quiz-kind or data-closer-controls value -> function (root)
var EVERY_PAGE = [];   // run on every page view, after the roots have started
var FIRST_START = [];  // run once, after the first start

function component(kind, enhance) {
  COMPONENTS[kind] = enhance;
}

/* ---- Small DOM helpers ---- */

function all(root, selector) {
  return Array.prototype.slice.call(root.querySelectorAll(selector));
}

function show(node, visible) {
  if (node) node.hidden = !visible;
}

function say(node, text) {
  if (node) node.textContent = text;
}

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A message with elements inside it, such as a link or a name in bold: message is the text as
// gettext gives it without values, each {name} of nodes is that node, placed where the
// translator put it, and every other {name} is filled from values. Returns a fragment.
function withNodes(message, nodes, values) {
  var fragment = document.createDocumentFragment();
  var text = "";
  message.split(/(\{\w+\})/).forEach(function (part, index) {
    var name = index % 2 ? part.slice(1, -1) : null;
    if (name === null || !Object.prototype.hasOwnProperty.call(nodes, name)) {
      text += name === null ? part : fill(part, values);
      return;
    }
    if (text) fragment.appendChild(document.createTextNode(text));
    text = "";
    fragment.appendChild(nodes[name]);
  });
  if (text) fragment.appendChild(document.createTextNode(text));
  return fragment;
}

// In an embed the host sees the frame's height, so what the reader answers or chooses must
// never change it (QUIZ_FORMAT "Embeds and what a host can learn"). Parts that come and go
// with answers keep their space once shown (visibility, not display), and results take the
// height of the largest result they could show. Outside embeds they simply come and go.
var EMBEDDED = document.documentElement.hasAttribute("data-closer-embed");

function reveal(node, visible) {
  if (!node) return;
  if (!EMBEDDED) {
    node.hidden = !visible;
    return;
  }
  node.hidden = false;
  node.classList.toggle("closer-reserved", !visible);
  if (visible) node.removeAttribute("inert");
  else node.setAttribute("inert", "");
}

// Tells the page that a reader completed a widget, by its kind's rule ("complete": a knowledge
// check checked in full, with its score; a self-assessment's results shown, with nothing of
// them; a deck's fifth card drawn). Only code on this page hears it (a SCORM launch page reports
// completion): it never leaves the frame.
function notify(root, name, detail) {
  root.dispatchEvent(new CustomEvent("closer:" + name, { bubbles: true, detail: detail || {} }));
}

/* ---- Copying text for the reader, with a fallback where the clipboard API is missing ---- */

function copyText(text, status) {
  function done(ok) {
    say(status, ok ? gettext("Copied. Paste it wherever you choose.") : gettext("Copying did not work here: select the results and copy them."));
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
  } else {
    done(fallbackCopy(text));
  }
}

function fallbackCopy(text) {
  var area = element("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  var ok = false;
  try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
  area.remove();
  return ok;
}
