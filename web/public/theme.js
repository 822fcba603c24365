// Apply the saved theme before first paint so a dark-mode user never sees a white flash. A file rather than an
// inline script so the Content-Security-Policy can forbid inline scripts (script-src 'self').
(function () {
  var t = localStorage.getItem('botfleet.theme');
  if (t === 'dark' || (!t && window.matchMedia('(prefers-color-scheme: dark)').matches)) {
    document.documentElement.classList.add('dark');
  }
})();
