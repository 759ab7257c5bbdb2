// On the 404 page: the address of a comparison with its two levels the wrong way round
// (`compare/senior/junior/`, as a reader may type it) goes on to the comparison's page when
// the site has one. The page's own links work without it.
(() => {
  // The site-url, which may be a whole URL (`https://intranet.example.com/ladder/`).
  const root = new URL(document.currentScript?.dataset.root || "/", location.href).pathname;
  const path = location.pathname;
  if (!path.startsWith(root)) return;
  const m = /^compare\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/.exec(path.slice(root.length));
  if (!m || m[1] === m[2]) return;
  const other = `${root}compare/${m[2]}/${m[1]}/`;
  fetch(other, { method: "HEAD" }).then(
    (r) => { if (r.ok) location.replace(other + location.hash); },
    () => {},
  );
})();
