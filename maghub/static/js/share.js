/* Share panel (includes/share_panel.html): progressive enhancement. Without this script the
   link stays visible and selectable. On phones with the Web Share API a "Share…" button opens
   the system share sheet; elsewhere (or if sharing fails) "Copy link" puts the link on the
   clipboard. Served from our own origin: the Content-Security-Policy allows no inline script.
   What it says comes from the panel's data attributes, translated with the page. */
(function () {
  "use strict";

  var PHONE_QUERY = "(max-width: 47.99em)"; /* matches css/share.css */

  function say(panel, message) {
    var status = panel.querySelector(".share-panel__status");
    if (status) status.textContent = message;
  }

  function copyLink(panel) {
    var input = panel.querySelector("input[type=url]");
    var url = panel.dataset.shareUrl;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { say(panel, panel.dataset.copiedMessage); },
        function () { selectLink(panel, input); }
      );
      return;
    }
    selectLink(panel, input);
  }

  function selectLink(panel, input) {
    input.focus();
    input.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    say(panel, copied ? panel.dataset.copiedMessage : panel.dataset.selectedMessage);
  }

  function sharePage(panel) {
    navigator
      .share({ title: panel.dataset.shareTitle, text: panel.dataset.shareText, url: panel.dataset.shareUrl })
      .catch(function (error) {
        if (error && error.name === "AbortError") return; /* the reader closed the sheet */
        showButton(panel, "copy");
        copyLink(panel);
      });
  }

  function showButton(panel, action) {
    var button = panel.querySelector('[data-share-action="' + action + '"]');
    if (button) button.hidden = false;
    return button;
  }

  function enhance(panel) {
    var canShare = typeof navigator.share === "function" && window.matchMedia(PHONE_QUERY).matches;
    var share = canShare ? showButton(panel, "share") : null;
    var copy = canShare ? panel.querySelector('[data-share-action="copy"]') : showButton(panel, "copy");
    if (share) share.addEventListener("click", function () { sharePage(panel); });
    if (copy) copy.addEventListener("click", function () { copyLink(panel); });
    var input = panel.querySelector("input[type=url]");
    if (input) input.addEventListener("focus", function () { input.select(); });
  }

  document.querySelectorAll(".share-panel[data-share-url]").forEach(enhance);
})();
