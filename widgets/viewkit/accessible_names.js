// Names for what ipywidgets leaves unnamed: slider handles get their slider's French label,
// figures the caption written under them. Sent once by widgets.viewkit.session.start().
(() => {
  if (window.atelierAccessibleNames) { return; }
  window.atelierAccessibleNames = true;
  const name = () => {
    document.querySelectorAll(".widget-slider .noUi-handle:not([aria-label])").forEach((handle) => {
      const label = handle.closest(".widget-slider").querySelector(".widget-label");
      const text = label ? label.textContent.trim() : "";
      if (text) { handle.setAttribute("aria-label", text); }
    });
    document.querySelectorAll("img.widget-image:not([alt])").forEach((image) => {
      const caption = image.parentElement.querySelector(":scope > .widget-html");
      const text = caption ? caption.textContent.trim() : "";
      if (text) { image.setAttribute("alt", text); }
    });
  };
  new MutationObserver(name).observe(document.body, { childList: true, subtree: true });
  name();
})();
