// The list page's "Copy address" button: shown only when scripts run (the address field is selectable without it).
(function () {
  "use strict";
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".copied");
    button.hidden = false;
    button.addEventListener("click", async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch (e) {
        document.execCommand("copy"); // older browsers, or a page not in a secure context
      }
      if (status) status.textContent = button.dataset.done || "";
    });
  }
})();
