// The administrator's view of one case: its version's diagram with what is done, where it stands, incidents and deadlines.
(async () => {
  const host = document.getElementById('case-diagram');
  const marks = JSON.parse(host.dataset.marks);
  const viewer = window.KxStudio.createViewer({ container: host });
  const text = value => { const span = document.createElement('span'); span.textContent = value; return span.innerHTML; };
  try {
    await viewer.open(host.dataset.xml);
    viewer.mark(marks.completed, 'kx-completed');
    viewer.mark(marks.active, 'kx-active');
    viewer.mark(marks.incidents, 'kx-incident');
    for (const timer of marks.timers) {
      viewer.overlay(timer.elementId, `<span class="kx-timer">⏰ ${text(timer.text)}</span>`, { bottom: 18, left: 0 });
    }
    host.dataset.ready = 'yes';
  } catch (error) {
    host.textContent = '流程图无法显示：' + error.message;
  }
})();
