// The query page: YASGUI on this server's endpoint; ?example=NAME loads a canned query, &run=1 runs it.
// YASGUI is bound to this endpoint: it takes nothing from the page's URL (a link could otherwise point
// it at another endpoint, whose answers it shows) and offers no other endpoint.
(function () {
  var container = document.getElementById('yasgui');
  var examples = JSON.parse(document.getElementById('examples').textContent);
  var endpoint = container.getAttribute('data-endpoint');
  var yasgui = new Yasgui(container, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: false,
    persistenceId: null
  });
  function load(name, run) {
    var example = examples.filter(function (e) { return e.name === name; })[0];
    if (!example) { return; }
    var tab = yasgui.getTab();
    tab.setQuery(example.query);
    if (run) { tab.query(); }
  }
  document.querySelectorAll('a[data-example]').forEach(function (a) {
    a.addEventListener('click', function (evt) {
      evt.preventDefault();
      load(a.getAttribute('data-example'), true);
      history.replaceState(null, '', '?example=' + a.getAttribute('data-example'));
    });
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get('example')) { load(params.get('example'), params.get('run') === '1'); }
})();
