// 打印 buttons: print the page (the print stylesheet hides everything but the form).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
