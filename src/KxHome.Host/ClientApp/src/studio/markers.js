// Markers and overlays that KxHome puts on a diagram: problems from the server's checks, and the
// difference between two versions of a flow.
const DIFF_CLASSES = { added: 'kx-added', removed: 'kx-removed', changed: 'kx-changed' };

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export class Markers {
  constructor(diagram) {
    this._canvas = diagram.get('canvas');
    this._overlays = diagram.get('overlays');
    this._registry = diagram.get('elementRegistry');
    this._marked = [];
    diagram.on('import.done', () => { this._marked = []; });
  }

  // Marks each existing element; unknown ids are skipped (a problem may name an element that is gone).
  mark(ids, cssClass) {
    for (const id of ids || []) {
      if (!this._registry.get(id)) continue;
      this._canvas.addMarker(id, cssClass);
      this._marked.push([id, cssClass]);
    }
  }

  unmark(cssClasses) {
    this._marked = this._marked.filter(([id, cssClass]) => {
      if (!cssClasses.includes(cssClass)) return true;
      if (this._registry.get(id)) this._canvas.removeMarker(id, cssClass);
      return false;
    });
  }

  overlay(elementId, html, position, type = 'kx') {
    if (!this._registry.get(elementId)) return null;
    return this._overlays.add(elementId, type, { position: position || { top: -14, right: 14 }, html });
  }

  showProblems(problems) {
    this.clearProblems();
    const byElement = new Map();
    for (const problem of problems || []) {
      if (!problem || !problem.elementId || !this._registry.get(problem.elementId)) continue;
      if (!byElement.has(problem.elementId)) byElement.set(problem.elementId, []);
      byElement.get(problem.elementId).push(problem.message);
    }
    for (const [id, messages] of byElement) {
      this.mark([id], 'kx-problem');
      const items = messages.map(m => `<li>${escapeHtml(m)}</li>`).join('');
      this.overlay(id, `<ul class="kx-problem-note">${items}</ul>`, { bottom: -6, left: 0 }, 'kx-problem');
    }
  }

  clearProblems() {
    this.unmark(['kx-problem']);
    this._overlays.remove({ type: 'kx-problem' });
  }

  markDiff(diff) {
    this.unmark(Object.values(DIFF_CLASSES));
    for (const [kind, cssClass] of Object.entries(DIFF_CLASSES)) this.mark((diff || {})[kind], cssClass);
  }
}
