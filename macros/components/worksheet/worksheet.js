/* A worksheet's print button. */

function printControls(root) {
  root.querySelector(".closer-print").addEventListener("click", function () { window.print(); });
  root.hidden = false;
}

component("print", printControls);
