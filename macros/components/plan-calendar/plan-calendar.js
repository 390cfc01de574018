/* A plan page's "Add to my calendar": the reader picks the day they start and saves an .ics file
   made here (ics.js) through a link to a Blob, so nothing is sent anywhere. The events are the
   root's list, which the build read from the plan's own table (engine/plan.py); their links are
   read back absolute, resolved against the page's address. Titles stay neutral, and there is no
   reminder, unless the reader asks. */

var PLAN_REMINDER = "-PT15H";  // 9:00 the day before, as the label says: an all-day event starts at midnight
var PLAN_DAY_MS = 86400000;    // days are counted in UTC, where none is ever longer or shorter

function planEvents(root) {
  return all(root, ".closer-calendar__events > li").map(function (item) {
    return {
      part: item.getAttribute("data-calendar-part"),
      week: Number(item.getAttribute("data-calendar-week")),
      day: Number(item.getAttribute("data-calendar-day")),
      pages: all(item, "a").map(function (link) { return { title: link.textContent, url: link.href }; })
    };
  });
}

// The day chosen as a Date at midnight UTC, or null when there is none (or its year has not four digits,
// which a file's dates must have, weeks later too).
function planStart(value) {
  var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts || parts[1] < "1000" || parts[1] > "9998") return null;
  var day = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return isNaN(day.getTime()) ? null : day;
}

function planSummary(event, titled) {
  if (!titled) return gettext("Reading time");
  var titles = event.pages.map(function (page) { return page.title; }).join(", ");
  // Translators: the closing check-in's calendar event, titled as the reader asked: "After week 6: Check-in".
  if (event.part === "again") return gettext("After week {n}: {title}", { n: event.week, title: titles });
  // Translators: a calendar event's title, when the reader asks for the lessons' titles: "Week 1: Trust".
  return gettext("Week {n}: {title}", { n: event.week, title: titles });
}

function planIntro(event) {
  if (event.part === "check-in") {
    return gettext("Week 0 of the plan: take the check-in (about ten minutes). If you do the plan with someone, each of you takes it on your own device.");
  }
  if (event.part === "again") {
    return gettext("The end of the plan: take the check-in again, on the same device as in week 0, to see what changed.");
  }
  return gettext("Week {n} of the plan: read the lesson, do its exercise once, then keep one small habit going every day.",
                 { n: event.week });
}

// What the event says, its pages' addresses in full; week 0 also carries the plan's stop rule.
function planDescription(event, safety) {
  var lines = [planIntro(event)];
  // Translators: a page in a calendar event's description: its title, then its address.
  event.pages.forEach(function (page) { lines.push(gettext("{title}: {url}", page)); });
  if (event.part === "check-in") {
    lines.push("", gettext("If your results begin with a safety message, stop the plan here and do not go on to week 1. Read “{title}” instead: {url}",
                           safety));
  }
  lines.push("", gettext("The whole plan: {url}", { url: window.location.href.split("#")[0] }));
  return lines.join("\n");
}

function saveCalendar(text) {
  var link = element("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
  // Translators: the calendar file's name: as neutral as the events' titles, since others may see the file.
  link.download = gettext("reading-time.ics");
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
}

function planCalendar(root) {
  var start = root.querySelector(".closer-calendar__start");
  var titled = root.querySelector(".closer-calendar__titles");
  var reminders = root.querySelector(".closer-calendar__reminders");
  var status = root.querySelector(".closer-calendar__status");
  var safetyLink = root.querySelector(".closer-calendar__safety");
  var events = planEvents(root);
  root.querySelector(".closer-calendar__make").addEventListener("click", function () {
    var first = planStart(start.value);
    if (first === null) {
      start.setAttribute("aria-invalid", "true");
      say(status, gettext("Choose the day you start first: each event is counted from it."));
      start.focus();
      return;
    }
    start.removeAttribute("aria-invalid");
    var safety = { title: safetyLink.textContent, url: safetyLink.href };
    saveCalendar(icsCalendar(events.map(function (event) {
      return { day: new Date(first.getTime() + event.day * PLAN_DAY_MS), summary: planSummary(event, titled.checked),
               description: planDescription(event, safety), url: event.pages[0].url,
               reminder: reminders.checked ? PLAN_REMINDER : null };
    }), new Date()));
    say(status, gettext("Your calendar file is ready: open it to add the events."));
  });
  root.hidden = false;
}

component("plan-calendar", planCalendar);
