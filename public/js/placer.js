/*
 * Placing a partner authority by a click on its country: the drawing (PlacePicker) holds the
 * Mercator the server drew it with; a click is turned back into a latitude and a longitude
 * written, the French way, into the form's two fields. Typing them remains possible. Where
 * the country is chosen in the form (data-country-field), the outline of the country chosen
 * is fetched and drawn, and the map hides while no country is chosen.
 */
(() => {
  function start() {
    const figure = document.querySelector(".atlas-place-picker");
    const svg = figure?.querySelector("svg");
    const latitude = document.getElementById("champ-latitude");
    const longitude = document.getElementById("champ-longitude");
    if (!figure || !svg || !latitude || !longitude) return;
    const outline = svg.querySelector("path");
    const title = svg.querySelector("title");
    const mark = svg.querySelector(".atlas-place-picker__mark");
    const degrees = (radians) => (radians * 180) / Math.PI;
    const french = (value) => value.toFixed(4).replace(".", ",");

    svg.style.cursor = "crosshair";
    svg.addEventListener("click", (event) => {
      if (!svg.dataset.scale) return;
      const scale = Number(svg.dataset.scale);
      const [x0, y0] = svg.dataset.translate.split(" ").map(Number);
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

    const select = figure.dataset.countryField
      ? document.getElementById(figure.dataset.countryField)
      : null;
    if (!select) {
      figure.hidden = false;
      return;
    }
    let asked = "";
    const draw = async () => {
      const code = select.value;
      asked = code;
      mark.setAttribute("visibility", "hidden");
      if (!code) {
        figure.hidden = true;
        return;
      }
      const response = await fetch(`/atlas/pays/${encodeURIComponent(code)}/contour.json`);
      // Another country may have been chosen meanwhile: only the last one is drawn.
      if (asked !== code) return;
      if (!response.ok) {
        figure.hidden = true;
        return;
      }
      const map = await response.json();
      svg.setAttribute("viewBox", map.viewBox);
      svg.dataset.scale = String(map.scale);
      svg.dataset.translate = map.translate.join(" ");
      outline.setAttribute("d", map.outline);
      title.textContent = `Carte : ${select.selectedOptions[0]?.textContent ?? ""}`;
      figure.hidden = false;
    };
    select.addEventListener("change", draw);
    draw();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
