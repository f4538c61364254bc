// Two versions side by side: the older marks what was removed and changed, the newer what was added and changed.
(async () => {
  const root = document.querySelector('.studio-compare');
  const diff = JSON.parse(root.dataset.diff);
  for (const host of root.querySelectorAll('[data-side]')) {
    const viewer = window.KxStudio.createViewer({ container: host });
    try {
      await viewer.open(host.dataset.xml);
      viewer.mark(diff.changed, 'kx-changed');
      viewer.mark(host.dataset.side === 'older' ? diff.removed : diff.added, host.dataset.side === 'older' ? 'kx-removed' : 'kx-added');
      host.dataset.ready = 'yes';
    } catch (error) {
      host.textContent = '流程图无法显示：' + error.message;
    }
  }
})();
