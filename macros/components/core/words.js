/* Every word this code shows or speaks comes from the page language's message catalog
   (macros/messages/<lang>.po): the bundle writes that language's MESSAGES and pluralForm() just
   above the core, so a script never holds a text of its own (QUIZ_FORMAT "Languages").
   Placeholders are {name}, filled by name only: a catalog is a translator's text, never code. */

function gettext(id, values) {
  var text = Object.prototype.hasOwnProperty.call(MESSAGES, id) ? MESSAGES[id] : id;
  return fill(typeof text === "string" ? text : text[0], values);
}

// The form of the message for the number n; {n} in it is n.
function ngettext(singular, plural, n, values) {
  var forms = Object.prototype.hasOwnProperty.call(MESSAGES, singular) ? MESSAGES[singular] : [singular, plural];
  var text = forms[Math.min(pluralForm(n), forms.length - 1)];
  var filled = { n: n };
  Object.keys(values || {}).forEach(function (name) { filled[name] = values[name]; });
  return fill(text, filled);
}

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, function (whole, name) {
    return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
  });
}
