/*
 * Placing a partner authority by a click on its country: the drawing (PlacePicker) holds the
 * Mercator the server drew it with; a click is turned back into a latitude and a longitude
 * written, the French way, into the form's two fields. Typing them remains possible.
 */
(() => {
  function start() {
    const figure = document.querySelector(".atlas-place-picker");
    const svg = figure?.querySelector("svg");
    const latitude = document.getElementById("champ-latitude");
    const longitude = document.getElementById("champ-longitude");
    if (!figure || !svg || !latitude || !longitude) return;
    const scale = Number(svg.dataset.scale);
    const [x0, y0] = svg.dataset.translate.split(" ").map(Number);
    const mark = svg.querySelector(".atlas-place-picker__mark");
    const degrees = (radians) => (radians * 180) / Math.PI;
    const french = (value) => value.toFixed(4).replace(".", ",");

    svg.style.cursor = "crosshair";
    figure.hidden = false;
    svg.addEventListener("click", (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const at = point.matrixTransform(svg.getScreenCTM().inverse());
      const lambda = (at.x - x0) / scale;
      const phi = 2 * Math.atan(Math.exp((y0 - at.y) / scale)) - Math.PI / 2;
      latitude.value = french(degrees(phi));
      longitude.value = french(degrees(lambda));
      mark.setAttribute("cx", String(at.x));
      mark.setAttribute("cy", String(at.y));
      mark.setAttribute("visibility", "visible");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
