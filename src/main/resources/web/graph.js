// Draws a resource's neighbourhood with Cytoscape.js as a tree read left to right: the page's
// resource, then (for a symptom) its categories, then the causes; each node under the parent the
// page gives it. Columns are as wide as their longest label and every leaf has a row of its own,
// so no two labels meet. A click on a node opens its page. The data comes from the page itself.
(function () {
  var holder = document.getElementById('graph');
  var source = document.getElementById('graph-data');
  if (!holder || !source) { return; }
  var data = JSON.parse(source.textContent);
  var colours = { symptom: '#c0392b', category: '#8e44ad', cause: '#2471a3', drug: '#138d75',
                  anatomy: '#b9770e', document: '#566573', other: '#7f8c8d' };
  var FONT = 13, FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var ROW = 28, NODE = 12, GAP = 56, MARGIN = 24;

  // The tree: children in the page's order; a node whose parent is unknown hangs under the root.
  var byId = {}, root = null;
  data.nodes.forEach(function (n) { byId[n.id] = { node: n, children: [] }; if (n.focus) { root = byId[n.id]; } });
  if (!root) { return; }
  data.nodes.forEach(function (n) {
    if (n.focus) { return; }
    (byId[n.parent] || root).children.push(byId[n.id]);
  });

  // Text widths, measured in the font the labels are drawn in.
  var measure = document.createElement('canvas').getContext('2d');
  function width(n) {
    measure.font = (n.focus ? 'bold ' : '') + FONT + 'px ' + FAMILY;
    return measure.measureText(n.label).width;
  }

  // Rows: one per leaf, depth first; a parent sits at the middle of its children.
  var rows = 0, columns = [];
  (function place(t, depth) {
    t.depth = depth;
    columns[depth] = Math.max(columns[depth] || 0, width(t.node));
    if (t.children.length === 0) {
      t.row = rows++;
    } else {
      t.children.forEach(function (c) { place(c, depth + 1); });
      t.row = (t.children[0].row + t.children[t.children.length - 1].row) / 2;
    }
  })(root, 0);
  var x = [MARGIN];
  for (var d = 1; d < columns.length; d++) { x[d] = x[d - 1] + NODE + 6 + columns[d - 1] + GAP; }

  var elements = [];
  Object.keys(byId).forEach(function (id) {
    var t = byId[id];
    elements.push({ group: 'nodes', data: { id: id, label: t.node.label, kind: t.node.kind, href: t.node.href,
      focus: t.node.focus ? 1 : 0 }, position: { x: x[t.depth], y: MARGIN + t.row * ROW } });
  });
  data.edges.forEach(function (e, i) {
    if (byId[e.source] && byId[e.target]) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target } });
    }
  });

  holder.style.height = Math.max(160, Math.min(2400, 2 * MARGIN + rows * ROW)) + 'px';
  var cy = cytoscape({
    container: holder,
    elements: elements,
    layout: { name: 'preset', fit: true, padding: MARGIN },
    minZoom: 0.2,
    maxZoom: 1,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': FONT, 'font-family': FAMILY,
          'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 6, 'text-wrap': 'none',
          'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-background-padding': 1,
          'background-color': function (n) { return colours[n.data('kind')] || colours.other; },
          'width': NODE, 'height': NODE, 'color': '#1d2733' } },
      { selector: 'node[focus = 1]', style: { 'font-weight': 'bold', 'width': NODE + 4, 'height': NODE + 4 } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#aab7c4', 'curve-style': 'taxi',
          'taxi-direction': 'rightward', 'taxi-turn': -GAP / 2, 'target-arrow-shape': 'none' } }
    ]
  });
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
