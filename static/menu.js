// On a narrow screen the site menu is one row that scrolls sideways (style.css). A link
// reached with Tab is scrolled wholly into that row: browsers leave a partly visible focused
// child of a scrolling box where it is, so that only the edge of its focus ring may show
// (WCAG 2.2, 2.4.11 Focus Not Obscured).
(() => {
  const row = document.querySelector(".site-nav ul");
  if (!row) return;
  row.addEventListener("focusin", (event) => {
    if (row.scrollWidth > row.clientWidth) {
      // An entry wider than the row shows its first words, not its middle.
      const wide = event.target.getBoundingClientRect().width > row.clientWidth;
      event.target.scrollIntoView({ block: "nearest", inline: wide ? "start" : "nearest" });
    }
  });
})();
