// Keyboard shortcuts of the moderation queue of a campaign's actions (jte/actions/manage.jte): j and k move between
// the waiting actions, x ticks or unticks the current one, a approves the ticked ones, r opens the current one's
// rejection and puts the cursor in its reason. Everything works without this script, by the page's buttons.
(function () {
  'use strict';
  var table = document.querySelector('table[data-queue]');
  if (!table) return;
  var form = document.getElementById(table.getAttribute('data-queue'));
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var help = document.getElementById('queue-keys');
  if (help) help.hidden = false;
  var current = -1;

  function move(to) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, to));
    rows[current].focus();
  }

  rows.forEach(function (row, i) {
    row.addEventListener('focusin', function () {
      current = i;
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target.closest && target.closest('textarea, select, [contenteditable], input:not([type=checkbox])');
    if (typing) return;
    var row = current >= 0 ? rows[current] : null;
    switch (event.key) {
      case 'j':
        move(current + 1);
        break;
      case 'k':
        move(current - 1);
        break;
      case 'x':
        if (!row) return;
        var box = row.querySelector('input[type=checkbox]');
        box.checked = !box.checked;
        break;
      case 'a':
        form.requestSubmit(document.getElementById('approve-ticked'));
        break;
      case 'r':
        if (!row) return;
        var details = row.querySelector('details');
        details.open = true;
        details.querySelector('textarea').focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
})();
