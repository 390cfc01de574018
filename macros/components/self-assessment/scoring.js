/* Self-assessment scoring: mirrors macros/engine/scoring.py exactly (integers and exact
   fractions only). It needs no page: tests load this file alone on a blank page. */

// floor(a / b) for BigInts (their "/" truncates toward zero).
function floorDiv(a, b) {
  var q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

// floor((2*10^k*sum + count) / (2*count)) / 10^k, printed with exactly k decimals.
function roundHalfUp(sum, count, k) {
  var scale = 10n ** BigInt(k);
  var units = floorDiv(2n * scale * BigInt(sum) + BigInt(count), 2n * BigInt(count));
  var sign = units < 0n ? "-" : "";
  if (units < 0n) units = -units;
  var whole = (units / scale).toString();
  var fraction = (units % scale).toString().padStart(k, "0");
  return sign + whole + (k ? "." + fraction : "");
}

// A decimal such as "3.75" or "-1" as an exact fraction [numerator, denominator].
function decimal(text) {
  var match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(text);
  var digits = (match[2] || "0") + (match[3] || "");
  var value = BigInt(digits) * (match[1] === "-" ? -1n : 1n);
  return [value, 10n ** BigInt((match[3] || "").length)];
}

function bandFor(sum, count, bands) {
  for (var i = 0; i < bands.length; i++) {
    var upto = decimal(bands[i].upto);
    if (BigInt(sum) * upto[1] <= upto[0] * BigInt(count)) return i;
  }
  return -1;
}

function result(values, items, bands) {
  var sum = values.reduce(function (a, b) { return a + b; }, 0);
  var count = values.length;
  var enough = count > 0 && count * 2 >= items;
  var band = enough && bands.length ? bandFor(sum, count, bands) : -1;
  return {
    sum: sum, count: count, items: items, enough: enough,
    score1: enough ? roundHalfUp(sum, count, 1) : "",
    score2: enough ? roundHalfUp(sum, count, 2) : "",
    band: band, label: band >= 0 ? bands[band].label : ""
  };
}

// spec: {min, max, items: [{dimension, reverse}], dimensions: [{id, bands}], overall: [bands]}
function score(spec, answers) {
  var values = {};
  var every = [];
  spec.dimensions.forEach(function (d) { values[d.id] = []; });
  spec.items.forEach(function (item, i) {
    var answer = answers[i];
    if (answer === null || answer === undefined) return;
    var keyed = item.reverse ? spec.min + spec.max - answer : answer;
    values[item.dimension].push(keyed);
    every.push(keyed);
  });
  var scores = {};
  spec.dimensions.forEach(function (d) {
    var size = spec.items.filter(function (item) { return item.dimension === d.id; }).length;
    scores[d.id] = result(values[d.id], size, d.bands);
  });
  scores.overall = result(every, spec.items.length, spec.overall);
  return scores;
}
