// claimlint HTML pages: link the claims of a relation (check page) or the two sides of an
// aligned figure (diff page). Focusing, hovering or clicking a claim outlines the claims it is
// linked with; the page reads the same without this script.
(function () {
  'use strict';
  document.documentElement.setAttribute('data-script', 'ready');
  function words(value) { return (value || '').split(' ').filter(Boolean); }
  function groupsOf(element) {
    return words(element.getAttribute('data-relations')).map(function (id) { return 'r:' + id; })
      .concat(words(element.getAttribute('data-pair')).map(function (id) { return 'p:' + id; }));
  }
  function clear() {
    document.querySelectorAll('.related, .related-origin').forEach(function (element) {
      element.classList.remove('related', 'related-origin');
    });
  }
  function show(origin) {
    var groups = groupsOf(origin);
    if (!groups.length) { return; }
    clear();
    var scope = origin.closest('[data-scope]') || document;
    scope.querySelectorAll('[data-relations], [data-pair], [data-relation-id]').forEach(function (element) {
      var own = groupsOf(element);
      var id = element.getAttribute('data-relation-id');
      if (id) { own.push('r:' + id); }
      if (own.some(function (group) { return groups.indexOf(group) >= 0; })) {
        element.classList.add('related');
      }
    });
    origin.classList.add('related-origin');
  }
  function fromEvent(event) {
    var target = event.target;
    if (!target || !target.closest) { return; }
    var claim = target.closest('mark.claim');
    if (claim && groupsOf(claim).length) { show(claim); return; }
    var item = target.closest('[data-relation-id]');
    if (item) {
      var scope = item.closest('[data-scope]') || document;
      var first = scope.querySelector('mark.claim[data-relations~="' + item.getAttribute('data-relation-id') + '"]');
      if (first) { show(first); item.classList.add('related'); }
    }
  }
  document.addEventListener('focusin', fromEvent);
  document.addEventListener('mouseover', fromEvent);
  document.addEventListener('click', fromEvent);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { clear(); }
  });
  // A link to a claim (report.html#a1-c3) opens with its links shown.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.matches('mark.claim')) { show(target); }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
