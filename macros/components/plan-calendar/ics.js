/* iCalendar text (RFC 5545) for a plan's calendar file, made in the browser and never sent anywhere:
   lines end in CRLF and are folded at 75 octets of UTF-8 without splitting a character, TEXT values
   are escaped, and each event lasts all day (VALUE=DATE), so no time zone is needed. */

var ICS_LINE_OCTETS = 75;
var ICS_PRODUCT = "-//Closer//Plan calendar//EN";

// A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11).
function icsText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

// One content line folded (3.1): none longer than 75 octets, each continuation led by a space.
function icsFold(line) {
  var folded = "";
  var used = 0;
  Array.from(line).forEach(function (character) {  // whole code points: a pair of surrogates stays together
    var point = character.codePointAt(0);
    var octets = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    if (used + octets > ICS_LINE_OCTETS) {
      folded += "\r\n ";
      used = 1;
    }
    folded += character;
    used += octets;
  });
  return folded;
}

// A day (a Date at midnight UTC) as a DATE value, 20260302.
function icsDate(day) {
  return day.toISOString().slice(0, 10).replace(/-/g, "");
}

// A moment as a DATE-TIME in UTC, 20260302T091500Z (DTSTAMP).
function icsStamp(moment) {
  return moment.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
}

// An identifier no one can trace to the reader: random, shared by the file's events, each its number after it.
function icsRandomId() {
  var bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (byte) { return (byte + 256).toString(16).slice(1); }).join("");
}

// One all-day event: {day, summary, description, url, reminder (a TRIGGER value, or null)}.
function icsEvent(event, uid, stamp) {
  var lines = ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + icsDate(event.day),
               "DTEND;VALUE=DATE:" + icsDate(new Date(event.day.getTime() + 86400000)),
               "SUMMARY:" + icsText(event.summary), "DESCRIPTION:" + icsText(event.description), "URL:" + event.url,
               // Private: where the calendar is shared, others may see that something is there, never what.
               "CLASS:PRIVATE", "TRANSP:TRANSPARENT"];
  if (event.reminder) {
    lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(event.summary), "TRIGGER:" + event.reminder,
               "END:VALARM");
  }
  return lines.concat("END:VEVENT");
}

// The whole file's text.
function icsCalendar(events, now) {
  var id = icsRandomId();
  var stamp = icsStamp(now);
  var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ICS_PRODUCT, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  events.forEach(function (event, index) { lines = lines.concat(icsEvent(event, id + "-" + index, stamp)); });
  lines.push("END:VCALENDAR");
  return lines.map(icsFold).join("\r\n") + "\r\n";
}
