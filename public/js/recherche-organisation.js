/*
 * The access request's search as the person types: the organisations matching the first
 * letters replace the list, without sending the form. Without this script, "Rechercher"
 * gives the same list. What the person already typed further down is kept.
 */
(() => {
  const input = document.getElementById("champ-q");
  const form = input?.form;
  const status = document.getElementById("recherche-statut");
  if (!input || !form || !status) return;
  let timer;
  let pending;

  const keepTyped = (from, to) => {
    for (const field of from.querySelectorAll("input, select, textarea")) {
      if (!field.name || field.type === "hidden" || field.type === "radio") continue;
      const twin = to.querySelector(`[name="${CSS.escape(field.name)}"]`);
      if (twin) twin.value = field.value;
    }
  };

  const search = async () => {
    if (input.value.trim().length < 2) return;
    pending?.abort();
    pending = new AbortController();
    const address = `${form.action}?${new URLSearchParams(new FormData(form))}`;
    try {
      const response = await fetch(address, { signal: pending.signal });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("resultats-organisations");
      const current = document.getElementById("resultats-organisations");
      if (!fresh || !current) return;
      keepTyped(current, fresh);
      current.replaceWith(document.importNode(fresh, true));
      status.textContent = page.getElementById("recherche-statut")?.textContent ?? "";
      history.replaceState(null, "", address);
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = "";
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
})();
