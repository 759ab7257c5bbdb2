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

// The menu's list of tracks (a ladder of many) closes as a menu does: with Escape, back to
// its "Tracks" entry, with a click anywhere outside it, and when the focus leaves it.
(() => {
  const tracks = document.querySelector(".nav-tracks details");
  if (!tracks) return;
  tracks.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && tracks.open) {
      tracks.open = false;
      tracks.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (tracks.open && !tracks.contains(event.target)) tracks.open = false;
  });
  // Tab past its last track closes it: an open list would cover the links after it.
  tracks.addEventListener("focusout", (event) => {
    if (tracks.open && event.relatedTarget && !tracks.contains(event.relatedTarget)) tracks.open = false;
  });
})();
