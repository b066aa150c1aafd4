// An action's time in the reader's own time zone, beside the server's text in the action's zone (issue 15, item 7):
// our own few lines, no library. Intl.DateTimeFormat writes it in the page's language; nothing is added when the
// reader's clocks show the same time as the action's, and nothing at all without JavaScript.
(function () {
  "use strict";
  var reader;
  try {
    reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  var lang = document.documentElement.lang || undefined;
  var wall = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  var day = { year: "numeric", month: "2-digit", day: "2-digit" };

  function inZone(options, zone) {
    return new Intl.DateTimeFormat("en", Object.assign({ timeZone: zone }, options));
  }

  function zoneName(date) {
    var parts = new Intl.DateTimeFormat(lang, { hour: "numeric", timeZone: reader, timeZoneName: "short" })
      .formatToParts(date);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === "timeZoneName") {
        return parts[i].value;
      }
    }
    return reader;
  }

  document.querySelectorAll(".reader-time[data-start][data-zone]").forEach(function (element) {
    var start = new Date(element.getAttribute("data-start"));
    var end = new Date(element.getAttribute("data-end"));
    var zone = element.getAttribute("data-zone");
    try {
      if (inZone(wall, reader).format(start) === inZone(wall, zone).format(start)) {
        return;
      }
      var full = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short", timeZone: reader });
      var time = new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: reader });
      var sameDay = inZone(day, reader).format(start) === inZone(day, reader).format(end);
      element.textContent = element.getAttribute("data-label") + " " + full.format(start) + " – "
        + (sameDay ? time.format(end) : full.format(end)) + " (" + zoneName(start) + ")";
      element.hidden = false;
    } catch (e) {
      // a zone this browser does not know: the server's text stands alone
    }
  });
})();
