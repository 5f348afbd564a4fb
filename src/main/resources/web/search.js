// Suggestions for the search box: names that contain what is typed, from the label-search canned
// query (JSON); picking one opens its page. The form works without this script.
(function () {
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (!input || !list) { return; }
  var base = input.form.getAttribute('data-base');
  var pages = {};
  var timer = null;
  var asked = '';
  function suggest() {
    var text = input.value.trim();
    if (text.length < 2 || text === asked) { return; }
    asked = text;
    fetch('/symptomgraph/queries/label-search?text=' + encodeURIComponent(text),
          { headers: { 'Accept': 'application/sparql-results+json' } })
      .then(function (r) { return r.ok ? r.json() : { results: { bindings: [] } }; })
      .then(function (json) {
        if (text !== asked) { return; }
        list.textContent = '';
        pages = {};
        json.results.bindings.slice(0, 20).forEach(function (b) {
          var option = document.createElement('option');
          option.value = b.label.value;
          option.label = b.type.value + (b.matched.value !== b.label.value ? ' (' + b.matched.value + ')' : '');
          list.appendChild(option);
          var iri = b.entity.value;
          pages[b.label.value] = iri.indexOf(base) === 0 ? '/' + iri.substring(base.length) : iri;
        });
        list.setAttribute('data-suggestions', String(list.children.length));
      });
  }
  input.addEventListener('input', function () {
    var page = pages[input.value];
    if (page) { window.location.href = page; return; }
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
})();
