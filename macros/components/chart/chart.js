/* Scores at a glance: a horizontal bar chart drawn as SVG by this code (no library), with a
   table of the same numbers as its text alternative. One chart for every view of scores:
   a self-assessment's results (scoreChart) and its history over time (timeChart).
   rows: [{label, value (a number, or null without a score), text (the score as shown)}];
   scale: {min, max}. The chart's height depends only on how many rows there are, never on
   their values, so in an embed it tells the host nothing about the answers. */

var SVG = "http://www.w3.org/2000/svg";
var CHART_ROW = 46, CHART_AXIS = 24, CHART_SCORE = 64;

function svgElement(tag, attributes, text) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attributes).forEach(function (name) { node.setAttribute(name, String(attributes[name])); });
  if (text !== undefined) node.textContent = text;
  return node;
}

function scoreChart(rows, scale, caption, width) {
  var figure = element("figure", "closer-chart");
  var height = rows.length * CHART_ROW + CHART_AXIS;
  var svg = svgElement("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", height: height,
                                 "aria-hidden": "true", focusable: "false" });
  var track = Math.max(width - CHART_SCORE, 40);
  function x(value) { return track * (value - scale.min) / (scale.max - scale.min); }
  for (var point = scale.min; point <= scale.max; point++) {  // one line and number per scale point
    svg.appendChild(svgElement("line", { x1: x(point), x2: x(point), y1: 0, y2: height - CHART_AXIS + 4,
                                          "class": "closer-chart__grid" }));
    svg.appendChild(svgElement("text", { x: x(point), y: height - 6, "class": "closer-chart__tick",
                                          "text-anchor": point === scale.min ? "start" : point === scale.max ? "end" : "middle" },
                               String(point)));
  }
  rows.forEach(function (row, index) {
    var top = index * CHART_ROW;
    svg.appendChild(svgElement("text", { x: 0, y: top + 16, "class": "closer-chart__label" }, row.label));
    svg.appendChild(svgElement("rect", { x: 0, y: top + 22, width: track, height: 14, rx: 3, "class": "closer-chart__track" }));
    if (row.value !== null) {
      svg.appendChild(svgElement("rect", { x: 0, y: top + 22, width: Math.max(x(row.value), 2), height: 14, rx: 3,
                                            "class": "closer-chart__bar" }));
    }
    svg.appendChild(svgElement("text", { x: track + 8, y: top + 34, "class": "closer-chart__score" },
                               row.value === null ? "–" : row.text));
  });
  figure.appendChild(svg);
  // The table is the chart's text alternative: heard, not shown twice. (A table cannot be
  // hidden by its own size: it is never narrower than its text, so a box holds it.)
  var text = element("div", "closer-visually-hidden");
  text.appendChild(chartTable(rows, scale, caption));
  figure.appendChild(text);
  return figure;
}

function chartCaption(caption, scale) {
  // Translators: a chart's table of scores; {caption} is what it shows, such as “Your scores at a glance”.
  return gettext("{caption} (scores from {min} to {max})", { caption: caption, min: scale.min, max: scale.max });
}

// The same numbers as a table: what a screen reader reads, and what shows when printing fails.
function chartTable(rows, scale, caption) {
  var table = element("table", "closer-chart__table");
  table.appendChild(element("caption", "", chartCaption(caption, scale)));
  var head = table.appendChild(element("thead")).appendChild(element("tr"));
  // Translators: the headings of a table's columns: each area of a questionnaire, and its score.
  head.appendChild(element("th", "", gettext("Area"))).setAttribute("scope", "col");
  head.appendChild(element("th", "", gettext("Score"))).setAttribute("scope", "col");
  var body = table.appendChild(element("tbody"));
  rows.forEach(function (row) {
    var line = body.appendChild(element("tr"));
    line.appendChild(element("th", "", row.label)).setAttribute("scope", "row");
    line.appendChild(element("td", "", row.value === null ? gettext("not enough answers") : row.text));
  });
  return table;
}

// Scores over time: a panel per area, oldest sitting on the left, its scale from min to max
// with every point labelled, so a fall from 3.8 to 2.1 drops as far as it is (more than a third
// of the panel); the sittings' dates under the last panel, and a table of the same numbers.
// series: [{label, values: ["x.x" or null, …]}]; dates: one label per sitting.
var TIME_PANEL = 96, TIME_ROW = 140, TIME_LEFT = 22, TIME_RIGHT = 48;

function timeChart(series, dates, scale, caption, width) {
  var figure = element("figure", "closer-chart closer-chart--time");
  var height = series.length * TIME_ROW + CHART_AXIS;
  var svg = svgElement("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", height: height,
                                 "aria-hidden": "true", focusable: "false" });
  var span = Math.max(width - TIME_LEFT - TIME_RIGHT - 12, 40);
  function x(index) { return TIME_LEFT + 6 + (dates.length > 1 ? span * index / (dates.length - 1) : span / 2); }
  series.forEach(function (line, index) {
    var top = index * TIME_ROW;
    function y(value) { return top + 34 + TIME_PANEL * (1 - (Number(value) - scale.min) / (scale.max - scale.min)); }
    svg.appendChild(svgElement("text", { x: 0, y: top + 16, "class": "closer-chart__label" }, line.label));
    timeScale(svg, y, span, scale);
    var points = [];
    line.values.forEach(function (value, i) {
      if (value === null) return;
      points.push(x(i) + "," + y(value));
      svg.appendChild(svgElement("circle", { cx: x(i), cy: y(value), r: 4, "class": "closer-chart__point" }));
    });
    if (points.length > 1) svg.appendChild(svgElement("polyline", { points: points.join(" "), "class": "closer-chart__line" }));
    var latest = line.values[line.values.length - 1];
    svg.appendChild(svgElement("text", { x: TIME_LEFT + span + 20, y: latest === null ? y(scale.min) : y(latest) + 5,
                                          "class": "closer-chart__score" }, latest === null ? "–" : latest));
  });
  timeDates(svg, dates, x, height);
  figure.appendChild(svg);
  var text = element("div", "closer-visually-hidden");
  text.appendChild(timeTable(series, dates, scale, caption));
  figure.appendChild(text);
  return figure;
}

// A line and a number for every point of the scale, at the panel's left.
function timeScale(svg, y, span, scale) {
  for (var point = scale.min; point <= scale.max; point++) {
    svg.appendChild(svgElement("line", { x1: TIME_LEFT, x2: TIME_LEFT + span + 12, y1: y(point), y2: y(point),
                                          "class": "closer-chart__grid" }));
    svg.appendChild(svgElement("text", { x: TIME_LEFT - 6, y: y(point) + 4, "class": "closer-chart__tick", "text-anchor": "end" },
                               String(point)));
  }
}

// The first and the latest sitting's dates under the panels; every one when there are only a
// few, as long as they fit.
function timeDates(svg, dates, x, height) {
  var shown = dates.length <= 3 && svg.viewBox.baseVal.width >= 420 ? dates.map(function (d, i) { return i; })
    : dates.length > 1 ? [0, dates.length - 1] : [0];
  shown.forEach(function (i) {
    var anchor = dates.length < 2 ? "middle" : i === 0 ? "start" : i === dates.length - 1 ? "end" : "middle";
    svg.appendChild(svgElement("text", { x: x(i), y: height - 6, "class": "closer-chart__tick", "text-anchor": anchor }, dates[i]));
  });
}

function timeTable(series, dates, scale, caption) {
  var table = element("table", "closer-chart__table");
  table.appendChild(element("caption", "", chartCaption(caption, scale)));
  var head = table.appendChild(element("thead")).appendChild(element("tr"));
  head.appendChild(element("th", "", gettext("Area"))).setAttribute("scope", "col");
  dates.forEach(function (date) { head.appendChild(element("th", "", date)).setAttribute("scope", "col"); });
  var body = table.appendChild(element("tbody"));
  series.forEach(function (row) {
    var line = body.appendChild(element("tr"));
    line.appendChild(element("th", "", row.label)).setAttribute("scope", "row");
    row.values.forEach(function (value) { line.appendChild(element("td", "", value === null ? "–" : value)); });
  });
  return table;
}
