// A printed page names where it lives online and
// when it was printed (the page's .print-meta block, shown on paper only). Filled in when the
// page loads, as headless printing sends no beforeprint event, and again before each print.
(() => {
  const fill = () => {
    for (const el of document.querySelectorAll("[data-print-address]")) el.textContent = location.href;
    const date = new Date().toLocaleDateString(document.documentElement.lang || undefined,
      { year: "numeric", month: "long", day: "numeric" });
    for (const el of document.querySelectorAll("[data-print-date]")) el.textContent = `, printed ${date}`;
  };
  fill();
  addEventListener("beforeprint", fill);
})();
