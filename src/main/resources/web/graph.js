// Draws the neighbourhood of a resource with Cytoscape.js; data comes from the page itself.
(function () {
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var colours = { symptom: '#c0392b', category: '#8e44ad', cause: '#2471a3', drug: '#138d75',
                  anatomy: '#b9770e', document: '#566573', other: '#7f8c8d' };
  var elements = data.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label, kind: n.kind, href: n.href, focus: n.focus ? 1 : 0 } };
  }).concat(data.edges.map(function (e, i) {
    return { data: { id: 'e' + i, source: e.source, target: e.target, label: e.label } };
  }));
  var cy = cytoscape({
    container: document.getElementById('graph'),
    elements: elements,
    // A small neighbourhood must not be blown up to fill the box.
    minZoom: 0.2,
    maxZoom: 1.4,
    layout: { name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'text-wrap': 'wrap',
          'text-max-width': 110, 'background-color': function (n) { return colours[n.data('kind')] || colours.other; },
          'width': 18, 'height': 18, 'color': '#1d2733' } },
      { selector: 'node[focus = 1]', style: { 'width': 30, 'height': 30, 'font-weight': 'bold' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#aab7c4', 'target-arrow-shape': 'triangle',
          'target-arrow-color': '#aab7c4', 'curve-style': 'bezier', 'label': data.edges.length <= 30 ? 'data(label)' : '', 'font-size': 7,
          'color': '#5b6b7b' } }
    ]
  });
  cy.on('tap', 'node', function (evt) {
    var href = evt.target.data('href');
    if (href) { window.location.href = href; }
  });
  // Read by the browser test: how many nodes were drawn.
  document.getElementById('graph').setAttribute('data-nodes', String(cy.nodes().length));
})();
