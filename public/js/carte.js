/*
 * Maps that can be explored. Each drawing of the page (svg.atlas-map__drawing) becomes a
 * Leaflet map over that same SVG, laid on a plane (CRS.Simple: the portal draws its own
 * geometry, no tile is fetched): pan by dragging or with the arrow keys, zoom with the
 * buttons, the + and − keys, a double click or two fingers. The view opens on the part the
 * page showed (a filtered map is fitted to its areas) and can go anywhere in the drawing;
 * a click on an area opens what its row of the table opens. Without this script, the
 * drawing and its table are the map.
 */
(() => {
  const loadLeaflet = () =>
    new Promise((resolve, reject) => {
      if (window.L) return resolve(window.L);
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = "/vendor/leaflet/leaflet.css";
      document.head.append(style);
      const script = document.createElement("script");
      script.src = "/vendor/leaflet/leaflet.js";
      script.onload = () => resolve(window.L);
      script.onerror = reject;
      document.head.append(script);
    });

  const numbers = (viewBox) => viewBox.trim().split(/\s+/).map(Number);
  // The plane's y axis points up, the drawing's down.
  const boundsOf = (L, [x, y, width, height]) =>
    L.latLngBounds([-(y + height), x], [-y, x + width]);

  function explore(L, svg) {
    const shown = numbers(svg.getAttribute("viewBox"));
    const whole = numbers(svg.dataset.whole);
    const title = svg.querySelector("title")?.textContent ?? "Carte";
    const height = Math.max(svg.getBoundingClientRect().height, 260);

    const container = document.createElement("div");
    container.className = "atlas-map__explorer";
    container.style.height = `${Math.round(height)}px`;
    container.setAttribute("role", "region");
    container.setAttribute(
      "aria-label",
      `${title} – carte à explorer : flèches pour se déplacer, touches + et − pour zoomer`,
    );
    svg.before(container);
    svg.setAttribute("viewBox", svg.dataset.whole);
    svg.setAttribute("preserveAspectRatio", "none");

    const map = L.map(container, {
      crs: L.CRS.Simple,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      attributionControl: false,
      zoomControl: false,
      // The page scrolls under the wheel; zooming is for the buttons, keys and fingers.
      scrollWheelZoom: false,
    });
    L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(map);
    const wholeBounds = boundsOf(L, whole);
    L.svgOverlay(svg, wholeBounds, { interactive: true }).addTo(map);
    const start = boundsOf(L, shown);
    map.fitBounds(start);
    const startZoom = map.getZoom();
    map.setMinZoom(Math.min(startZoom, map.getBoundsZoom(wholeBounds)) - 0.5);
    map.setMaxZoom(startZoom + 5);
    map.setMaxBounds(wholeBounds.pad(0.2));

    // Points and their numbers keep the size they had on the page, however close one looks.
    const sized = [...svg.querySelectorAll(".atlas-map__points circle, .atlas-map__points text")];
    for (const element of sized)
      element.dataset.size = element.getAttribute(element.tagName === "circle" ? "r" : "font-size");
    const resize = () => {
      const factor = 2 ** (startZoom - map.getZoom());
      for (const element of sized)
        element.setAttribute(
          element.tagName === "circle" ? "r" : "font-size",
          String(Number(element.dataset.size) * factor),
        );
    };
    map.on("zoomend", resize);

    let dragged = false;
    container.addEventListener(
      "pointerdown",
      () => {
        dragged = false;
      },
      true,
    );
    map.on("dragstart", () => {
      dragged = true;
    });
    // An area leads where its row of the table leads (data-href), unless the click ends a drag.
    svg.addEventListener("click", (event) => {
      const area = event.target.closest("[data-href]");
      if (area && !dragged) window.location.assign(area.dataset.href);
    });

    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w";
    reset.textContent = "Revenir à la vue de départ";
    reset.addEventListener("click", () => map.fitBounds(start));
    container.after(reset);
    container.dataset.ready = "true";
  }

  function start() {
    const drawings = [...document.querySelectorAll("svg.atlas-map__drawing[data-whole]")];
    if (drawings.length === 0) return;
    loadLeaflet().then(
      (L) => {
        for (const svg of drawings) explore(L, svg);
      },
      () => {
        // Without Leaflet the drawings stay as they are.
      },
    );
  }

  // An async script may run before the page is parsed (it is in the cache): wait for it.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
