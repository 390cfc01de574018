/* "Use this in your material": copy the embed code, print the page. */

function useControls(root) {
  var code = root.querySelector(".closer-use__code");
  var tools = root.querySelector(".closer-use__tools");
  var status = root.querySelector(".closer-use__status");
  root.querySelector(".closer-use__copy").addEventListener("click", function () {
    copyText(code.value, status);
  });
  root.querySelector(".closer-print").addEventListener("click", function () { window.print(); });
  tools.hidden = false;
}

component("copy-code", useControls);
