// Draws a resource's neighbourhood with Cytoscape.js as a hierarchy read left to right: the page's
// resource, then (for a symptom) its categories, then the causes, in the page's order. Each node is
// a box as large as its label; dagre lays the boxes out in layers (as the cytoscape-dagre extension
// would: its WebJar is not published, dagre's is) and never lets two meet, so no two labels
// overlap. A click on a node opens its page. The data comes from the page itself.
(function () {
  var holder = document.getElementById('graph');
  var source = document.getElementById('graph-data');
  if (!holder || !source) { return; }
  var data = JSON.parse(source.textContent);
  var colours = { symptom: '#c0392b', category: '#8e44ad', cause: '#2471a3', drug: '#138d75',
                  anatomy: '#b9770e', document: '#566573', other: '#7f8c8d' };
  var FONT = 13, FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var MARGIN = 16, RANKS = 48;

  var ids = {};
  data.nodes.forEach(function (n) { ids[n.id] = n; });
  var elements = data.nodes.map(function (n) {
    return { group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind, href: n.href, focus: n.focus ? 1 : 0 } };
  });
  data.edges.forEach(function (e, i) {
    if (ids[e.source] && ids[e.target]) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target } });
    }
  });

  var cy = cytoscape({
    container: holder,
    elements: elements,
    layout: { name: 'preset' },
    minZoom: 0.2,
    maxZoom: 1,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': FONT, 'font-family': FAMILY,
          'text-halign': 'center', 'text-valign': 'center', 'text-wrap': 'none', 'shape': 'round-rectangle',
          'width': 'label', 'height': 'label', 'padding': '5px', 'color': '#1d2733',
          'background-color': '#ffffff', 'border-width': 2,
          'border-color': function (n) { return colours[n.data('kind')] || colours.other; } } },
      { selector: 'node[focus = 1]', style: { 'font-weight': 'bold', 'border-width': 3 } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#aab7c4', 'curve-style': 'taxi',
          'taxi-direction': 'rightward', 'taxi-turn': RANKS / 2, 'target-arrow-shape': 'none' } }
    ]
  });

  // Dagre's layers on the boxes as Cytoscape draws them; nodes and edges go in in the page's order,
  // which dagre keeps where nothing crosses (a tree).
  var g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 6, ranksep: RANKS, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(function () { return {}; });
  cy.nodes().forEach(function (n) {
    var box = n.boundingBox({ includeLabels: true, includeOverlays: false });
    g.setNode(n.id(), { width: box.w, height: box.h });
  });
  cy.edges().forEach(function (e) { g.setEdge(e.source().id(), e.target().id()); });
  dagre.layout(g);
  cy.nodes().positions(function (n) { var p = g.node(n.id()); return { x: p.x, y: p.y }; });
  holder.style.height = Math.max(160, Math.min(2400, g.graph().height)) + 'px';
  cy.resize();
  cy.fit(undefined, MARGIN);

  cy.on('tap', 'node', function (evt) {
    var href = evt.target.data('href');
    if (href) { window.location.href = href; }
  });
  cy.on('mouseover', 'node', function () { holder.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node', function () { holder.style.cursor = ''; });

  // Read by the browser test: how many nodes were drawn, and where each label is on the screen.
  holder.setAttribute('data-nodes', String(cy.nodes().length));
  holder.setAttribute('data-label-boxes', JSON.stringify(cy.nodes().map(function (n) {
    var b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
  })));
})();
