// In a vocabulary field (industries, districts) the first suggestion is highlighted as the editor
// types, so Enter picks it; with no suggestion, Enter adds the typed term and the form says on
// saving whether the vocabulary has it. Wagtail's tag widget offers no option for this.
document.addEventListener("focusin", (event) => {
  const input = event.target;
  const field = input.closest("ul.tagit")?.previousElementSibling;
  if (field?.hasAttribute("data-vocabulary") && window.jQuery(input).data("ui-autocomplete")) {
    window.jQuery(input).autocomplete("option", "autoFocus", true);
  }
});
