// "Near me" on the forms that find actions near a city: asks the browser where it is (only when the person presses
// the button), rounds the position to about a kilometre, asks Chorus (and nobody else) for the nearest city of its
// gazetteer, then opens the form's page for that city, so the address names a city and never a position.
(() => {
  "use strict";
  for (const form of document.querySelectorAll("form[data-near-me]")) {
    const button = form.querySelector("button.near-me");
    const status = document.getElementById(form.dataset.nearMe);
    if (!button || !("geolocation" in navigator) || !window.fetch) {
      continue;
    }
    button.hidden = false;
    const fail = () => {
      button.disabled = false;
      status.textContent = button.dataset.failed;
    };
    button.addEventListener("click", () => {
      button.disabled = true;
      status.textContent = button.dataset.asking;
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const lat = position.coords.latitude.toFixed(2);
          const lon = position.coords.longitude.toFixed(2);
          fetch(`/places/cities/nearest?lat=${lat}&lon=${lon}`, { headers: { Accept: "application/json" } })
            .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
            .then((city) => {
              const target = new URL(form.action, window.location.href);
              target.searchParams.set("city", String(city.id));
              window.location.assign(target.toString());
            })
            .catch(fail);
        },
        fail,
        { maximumAge: 600000, timeout: 20000 },
      );
    });
  }
})();
