/* The full-screen, zoomable view of a diagram.
 *
 * overrides/hooks/diagram_viewer.py puts each diagram in a `.study-diagram` box with an
 * "Open full screen" button, and links this script on pages with diagrams only. A tap or click
 * on the diagram, or the button (Enter from the keyboard), opens a modal dialog named by the
 * diagram's accessible title, with a copy of the SVG at a scale where its labels are readable.
 * Drag pans; pinch, the wheel, the + and - buttons and keys zoom; Esc, the close button and the
 * browser's back gesture close it. The pan-and-zoom library (vendored @panzoom/panzoom, 4 KB)
 * is loaded from the site itself when the first diagram opens, so it works from file:// too.
 */
(function () {
  "use strict";

  var here = (document.currentScript && document.currentScript.src) || location.href;
  var LIBRARY = new URL("../vendor/panzoom/panzoom.min.js", here).href;
  var MERMAID_LABEL_PX = 16; // the size Mermaid draws labels at
  var START_LABEL_PX = 14; // the view opens with labels at least this big...
  var START_LABEL_PX_WIDE = 16; // ...and at Mermaid's own size when a wide window cannot show it all
  var MAX_START_SCALE = 1.5; // ...and a small diagram at most this much enlarged
  var STEP = 0.3; // one zoom step: a factor of e^0.3, about 1.35
  var ICONS = {
    out: "M19 13H5v-2h14z",
    in: "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z",
    reset: "M13 3a9 9 0 0 0-9 9H1l3.89 3.89.07.14L9 12H6c0-3.87 3.13-7 7-7s7 3.13 7 7-3.13 7-7 7c-1.93 0-3.68-.79-4.94-2.06l-1.42 1.42A8.95 8.95 0 0 0 13 21a9 9 0 0 0 0-18",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
  };

  var library = null; // the promise of window.Panzoom
  var view = null; // the dialog and its parts, made on first open
  var panzoom = null; // the pan-and-zoom of the diagram shown now
  var opener = null; // where the focus goes back to
  var inHistory = false; // the view added a history entry, which Back takes away
  var historySettled = Promise.resolve(); // the view's own Back, after a close, has landed
  var backLanded = null;

  // Diagrams drawn in the browser (`make serve`) end up in closed shadow roots: keep each one's
  // source while it is still in the page, so the view can draw its own copy with the page's Mermaid.
  var sources = new WeakMap();

  function loadLibrary() {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        if (window.Panzoom) return resolve(window.Panzoom);
        var script = document.createElement("script");
        script.src = LIBRARY;
        script.onload = function () {
          resolve(window.Panzoom);
        };
        script.onerror = function () {
          library = null;
          reject(new Error("diagram viewer: could not load " + LIBRARY));
        };
        document.head.appendChild(script);
      });
    }
    return library;
  }

  function copyOf(box) {
    var host = box.querySelector(".mermaid");
    var drawn = host && host.shadowRoot && host.shadowRoot.querySelector("svg");
    if (drawn) return Promise.resolve(drawn.cloneNode(true));
    var source = sources.get(box);
    if (!source || !window.mermaid) return Promise.reject(new Error("diagram viewer: the diagram is not drawn yet"));
    return window.mermaid.render("study-viewer-diagram", source).then(function (result) {
      var template = document.createElement("template");
      template.innerHTML = result.svg;
      return template.content.querySelector("svg");
    });
  }

  function iconButton(action, label) {
    return (
      '<button type="button" class="study-viewer__button" data-action="' + action + '" aria-label="' + label +
      '" title="' + label + '"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="' +
      ICONS[action] + '"/></svg></button>'
    );
  }

  function build() {
    var dialog = document.createElement("dialog");
    dialog.className = "study-viewer";
    dialog.setAttribute("aria-labelledby", "study-viewer-title");
    dialog.innerHTML =
      '<div class="study-viewer__bar">' +
      '<h2 class="study-viewer__title" id="study-viewer-title"></h2>' +
      iconButton("out", "Zoom out") + iconButton("in", "Zoom in") +
      iconButton("reset", "Back to the starting size") + iconButton("close", "Close") +
      "</div>" +
      // The stage takes the focus on opening (not the first button), so keys pan and zoom at once.
      '<div class="study-viewer__stage" tabindex="-1" autofocus><div class="study-viewer__canvas"></div>' +
      '<p class="study-viewer__hint"><span class="study-viewer__hint--touch">Drag to move, pinch to zoom.</span>' +
      '<span class="study-viewer__hint--mouse">Drag to move; scroll, + or &minus; to zoom; Esc closes.</span></p></div>';
    document.body.appendChild(dialog);
    var parts = {
      dialog: dialog,
      title: dialog.querySelector(".study-viewer__title"),
      stage: dialog.querySelector(".study-viewer__stage"),
      canvas: dialog.querySelector(".study-viewer__canvas"),
    };
    // The copy keeps Mermaid's own <style>, scoped to the copy as it is on the page.
    parts.root = parts.canvas.attachShadow({ mode: "open" });
    dialog.addEventListener("click", function (event) {
      var control = event.target.closest && event.target.closest("[data-action]");
      if (control) act(control.getAttribute("data-action"));
    });
    dialog.addEventListener("keydown", onKey);
    dialog.addEventListener("close", onClose);
    parts.stage.addEventListener("wheel", function (event) {
      if (panzoom) panzoom.zoomWithWheel(event);
    }, { passive: false });
    // The hint (how to move and zoom) steps aside once the reader does either.
    ["pointerdown", "wheel", "keydown"].forEach(function (type) {
      dialog.addEventListener(type, function () {
        dialog.classList.add("study-viewer--used");
      }, { passive: true });
    });
    return parts;
  }

  function zoomBy(steps) {
    var stage = view.stage.getBoundingClientRect();
    var centre = { clientX: stage.left + stage.width / 2, clientY: stage.top + stage.height / 2 };
    panzoom.zoomToPoint(panzoom.getScale() * Math.exp(steps * STEP), centre);
  }

  function act(action) {
    if (action === "close") return view.dialog.close();
    if (!panzoom) return;
    if (action === "in") zoomBy(1);
    else if (action === "out") zoomBy(-1);
    else if (action === "reset") panzoom.reset();
  }

  function onKey(event) {
    if (!panzoom || event.altKey || event.ctrlKey || event.metaKey) return;
    var stage = view.stage.getBoundingClientRect();
    var move = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
    if (move) {
      var by = Math.min(stage.width, stage.height) / 5 / panzoom.getScale();
      panzoom.pan(move[0] * by, move[1] * by, { relative: true, animate: true });
    } else if (event.key === "+" || event.key === "=") zoomBy(1);
    else if (event.key === "-" || event.key === "_") zoomBy(-1);
    else if (event.key === "0") panzoom.reset();
    else return;
    event.preventDefault();
  }

  // The scale and place the view opens at: all of the diagram if its labels are then at least
  // START_LABEL_PX; otherwise labels at START_LABEL_PX on a phone and at Mermaid's own 16 px in a
  // wider window, from the top, centred (from the left for a diagram wider than tall).
  function start(width, height) {
    var stage = view.stage.getBoundingClientRect();
    var fit = Math.min(stage.width / width, stage.height / height);
    var scale = fit * MERMAID_LABEL_PX >= START_LABEL_PX ? Math.min(fit, MAX_START_SCALE)
      : (stage.width >= 768 ? START_LABEL_PX_WIDE : START_LABEL_PX) / MERMAID_LABEL_PX;
    var shownWidth = width * scale;
    var shownHeight = height * scale;
    var left = shownWidth <= stage.width || height >= width ? (stage.width - shownWidth) / 2 : 0;
    var top = shownHeight <= stage.height ? (stage.height - shownHeight) / 2 : 0;
    // Panzoom's transform is scale(s) translate(x, y) about the element's centre.
    return {
      scale: scale,
      fit: fit,
      x: (left - (width / 2) * (1 - scale)) / scale,
      y: (top - (height / 2) * (1 - scale)) / scale,
    };
  }

  function show(box, svg, Panzoom) {
    if (!view) view = build();
    if (view.dialog.open) return;
    var viewBox = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
    var width = viewBox[2] || 800;
    var height = viewBox[3] || 600;
    svg.removeAttribute("style"); // Mermaid's max-width, which would shrink the copy
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    var title = svg.querySelector("title");
    view.title.textContent = (title && title.textContent) || "Diagram";
    view.canvas.style.width = width + "px";
    view.canvas.style.height = height + "px";
    view.root.replaceChildren(svg);
    view.dialog.removeAttribute("data-ready");
    view.dialog.classList.remove("study-viewer--used");
    view.dialog.showModal();
    history.pushState({ studyViewer: true }, "");
    inHistory = true;
    var at = start(width, height);
    panzoom = Panzoom(view.canvas, {
      canvas: true,
      cursor: "grab",
      startScale: at.scale,
      startX: at.x,
      startY: at.y,
      minScale: Math.min(at.fit, at.scale) * 0.75,
      maxScale: Math.max(4, at.scale * 3),
      step: STEP,
    });
    // Panzoom places the diagram on the next task and frame; mark the view ready after that.
    setTimeout(function () {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          view.dialog.setAttribute("data-ready", "");
        });
      });
    });
  }

  function open(box) {
    if (view && view.dialog.open) return;
    var focused = document.activeElement;
    opener = focused && focused !== document.body ? focused : box.querySelector(".study-diagram__open");
    Promise.all([copyOf(box), loadLibrary(), historySettled])
      .then(function (found) {
        show(box, found[0], found[1]);
      })
      .catch(function (error) {
        console.warn(error);
      });
  }

  function onClose() {
    if (panzoom) panzoom.destroy();
    panzoom = null;
    view.root.replaceChildren();
    view.canvas.removeAttribute("style");
    view.dialog.removeAttribute("data-ready");
    if (inHistory) {
      inHistory = false;
      if (history.state && history.state.studyViewer) {
        // Take the view's entry away; a view opened before this lands must wait for it.
        historySettled = new Promise(function (resolve) {
          backLanded = resolve;
          setTimeout(resolve, 1000);
        });
        history.back();
      }
    }
    if (opener && opener.focus) opener.focus();
  }

  window.addEventListener("popstate", function () {
    if (backLanded) {
      backLanded();
      backLanded = null;
      return;
    }
    if (!inHistory) return;
    inHistory = false; // Back already took the entry away
    if (view && view.dialog.open) view.dialog.close();
  });

  document.querySelectorAll(".study-diagram").forEach(function (box) {
    var pre = box.querySelector("pre.mermaid");
    if (pre) sources.set(box, pre.textContent);
    box.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".mermaid, .study-diagram__open")) open(box);
    });
  });
})();
