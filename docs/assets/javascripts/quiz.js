/* Self-checks answered in place, and the practice exam, with progress kept in this browser.
 *
 * overrides/hooks/quiz.py turns each self-check into a <form class="quiz">: its options are radio
 * buttons (one answer) or checkboxes ("Select TWO"); each option carries data-right and a hidden
 * reason. Checking an answer shows right or wrong, every option's reason and the explanation, and
 * records the outcome in localStorage, which this browser keeps across pages and visits, online and
 * from file://. Nothing is sent anywhere.
 *
 * Spaced review: a missed question joins the "to review" set; it leaves that set after it is answered
 * right on two different days. A practice round takes questions to review first, then unseen ones,
 * then the rest, least recently answered first.
 *
 * The practice exam page (#practice-round) reads window.studyQuizBank (assets/javascripts/quiz-bank.js,
 * written at build time from the pages): the reader picks topics, a length and a clock at the exam's
 * pace; questions and options come shuffled; a question can be flagged and revisited before finishing;
 * the result gives the score, the score per topic and each missed question with its reasons, and
 * "Practise what I missed" starts a round of exactly those. `?pace=N` sets N seconds a question
 * (the tests run a round against the clock with it); window.studyPractice is the running round.
 */
(function () {
  "use strict";

  var KEY = "aws-containers-study.quiz.v1";
  var SECONDS_PER_QUESTION = 120; // about the pace of AWS's associate exams
  var RIGHT_DAYS_TO_LEAVE_REVIEW = 2;

  // --- progress -----------------------------------------------------------------------------------

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      // private browsing or storage full: the page still works, progress is not kept
    }
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  function record(id, correct) {
    var state = load();
    var q = state[id] || { answered: 0, right: 0, review: false, rightDays: [] };
    q.answered += 1;
    q.last = today();
    q.lastCorrect = correct;
    if (correct) {
      q.right += 1;
      if (q.review && q.rightDays.indexOf(q.last) < 0) q.rightDays.push(q.last);
      if (q.rightDays.length >= RIGHT_DAYS_TO_LEAVE_REVIEW) {
        q.review = false;
        q.rightDays = [];
      }
    } else {
      q.review = true;
      q.rightDays = [];
    }
    state[id] = q;
    save(state);
    return q;
  }

  function statusText(q) {
    if (!q) return "";
    if (q.review) return "To review: missed on " + q.last + (q.rightDays.length ? ", right once since" : "");
    return "Answered right on " + q.last;
  }

  // --- one question: render, judge, show why ------------------------------------------------------

  function el(tag, attributes, html) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  function chosen(form) {
    return Array.prototype.filter.call(form.querySelectorAll(".quiz__option input"), function (input) {
      return input.checked;
    });
  }

  function judge(form) {
    var picked = chosen(form);
    var want = form.getAttribute("data-kind") === "multiple" ? 2 : 1;
    if (picked.length !== want) return null;
    return Array.prototype.every.call(form.querySelectorAll(".quiz__option"), function (option) {
      var input = option.querySelector("input");
      return input.checked === (option.getAttribute("data-right") === "true");
    });
  }

  function reveal(form, correct) {
    Array.prototype.forEach.call(form.querySelectorAll(".quiz__option"), function (option) {
      var right = option.getAttribute("data-right") === "true";
      var input = option.querySelector("input");
      var reason = option.querySelector(".quiz__reason");
      option.classList.add(right ? "quiz__option--right" : input.checked ? "quiz__option--wrong" : "quiz__option--other");
      if (reason && !reason.querySelector(".quiz__verdict")) {
        var verdict = right ? "Right answer." : input.checked ? "Your choice, wrong." : "Wrong.";
        reason.insertBefore(el("strong", { class: "quiz__verdict" }, verdict + " "), reason.firstChild);
      }
      if (reason) reason.hidden = false;
      input.disabled = true;
    });
    var explanation = form.querySelector(".quiz__explanation");
    if (explanation) explanation.hidden = false;
    var result = form.querySelector(".quiz__result");
    result.textContent = correct ? "Right." : "Not quite: the right answer is marked, with why each option is right or wrong.";
    result.className = "quiz__result " + (correct ? "quiz__result--right" : "quiz__result--wrong");
  }

  function reset(form) {
    form.reset();
    Array.prototype.forEach.call(form.querySelectorAll(".quiz__option"), function (option) {
      option.className = "quiz__option";
      var input = option.querySelector("input");
      input.disabled = false;
      var reason = option.querySelector(".quiz__reason");
      if (reason) reason.hidden = true;
    });
    var explanation = form.querySelector(".quiz__explanation");
    if (explanation) explanation.hidden = true;
    var result = form.querySelector(".quiz__result");
    result.textContent = "";
    result.className = "quiz__result";
  }

  function setUpPageQuiz(form) {
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var button = form.querySelector(".quiz__check");
    var status = form.querySelector(".quiz__status");
    status.textContent = statusText(load()[form.getAttribute("data-quiz")]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.getAttribute("data-checked")) {
        form.removeAttribute("data-checked");
        reset(form);
        button.textContent = "Check answer";
        return;
      }
      var correct = judge(form);
      var result = form.querySelector(".quiz__result");
      if (correct === null) {
        result.textContent = form.getAttribute("data-kind") === "multiple" ? "Choose two answers first." : "Choose an answer first.";
        return;
      }
      reveal(form, correct);
      status.textContent = statusText(record(form.getAttribute("data-quiz"), correct));
      form.setAttribute("data-checked", "true");
      button.textContent = "Try again";
    });
  }

  // --- the practice exam --------------------------------------------------------------------------

  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }

  // Links in the bank are relative to the site root; the page's base (Material's config) reaches it.
  function rooted(html, base) {
    var box = el("div", {}, html);
    Array.prototype.forEach.call(box.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (!/^([a-z]+:|\/|#)/i.test(href)) a.setAttribute("href", base + "/" + href);
    });
    return box.innerHTML;
  }

  function siteBase() {
    try {
      return JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (error) {
      return ".";
    }
  }

  function pace() {
    var match = /[?&]pace=(\d+(?:\.\d+)?)/.exec(window.location.search);
    return match ? Number(match[1]) : SECONDS_PER_QUESTION;
  }

  // Order of preference: to review, never answered, then least recently answered.
  function pick(bank, topics, count) {
    var state = load();
    var pool = bank.filter(function (q) { return topics.indexOf(q.topic) >= 0; });
    function rank(q) {
      var s = state[q.id];
      if (s && s.review) return 0;
      if (!s) return 1;
      return 2;
    }
    var ordered = shuffled(pool).sort(function (a, b) {
      var ra = rank(a), rb = rank(b);
      if (ra !== rb) return ra - rb;
      var la = (state[a.id] || {}).last || "", lb = (state[b.id] || {}).last || "";
      return la < lb ? -1 : la > lb ? 1 : 0;
    });
    return shuffled(ordered.slice(0, count));
  }

  function Practice(root, bank) {
    this.root = root;
    this.bank = bank;
    this.base = siteBase();
    this.topics = [];
    var seen = {};
    bank.forEach(function (q) {
      if (!seen[q.topic]) this.topics.push(q.topic);
      seen[q.topic] = (seen[q.topic] || 0) + 1;
    }, this);
    this.counts = seen;
    this.setup();
  }

  Practice.prototype.due = function () {
    var state = load();
    return this.bank.filter(function (q) { return state[q.id] && state[q.id].review; });
  };

  Practice.prototype.setup = function () {
    var self = this;
    var topics = this.topics.map(function (topic, i) {
      return '<label class="practice__choice"><input type="checkbox" name="topic" value="' + i + '" checked> ' +
        topic + " (" + self.counts[topic] + ")</label>";
    }).join("");
    var due = this.due().length;
    this.root.innerHTML =
      '<form class="practice__setup">' +
      '<fieldset><legend>Topics</legend>' + topics + "</fieldset>" +
      '<fieldset><legend>Questions</legend>' +
      '<label class="practice__choice"><input type="radio" name="count" value="10" checked> 10</label>' +
      '<label class="practice__choice"><input type="radio" name="count" value="20"> 20</label>' +
      '<label class="practice__choice"><input type="radio" name="count" value="all"> All of the chosen topics</label>' +
      "</fieldset>" +
      '<label class="practice__choice"><input type="checkbox" name="timed"> Run a clock at the exam\'s pace (' +
      Math.round(pace() / 60 * 10) / 10 + " minutes a question)</label>" +
      '<p class="practice__due">' + due + (due === 1 ? " question" : " questions") +
      " to review: missed, and not yet answered right on two different days. They come first in a round.</p>" +
      '<p class="practice__error" role="alert"></p>' +
      '<div class="practice__buttons"><button type="submit" class="md-button md-button--primary">Start</button>' +
      '<button type="button" class="md-button practice__clear">Clear my progress</button></div></form>';
    var form = this.root.querySelector("form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosenTopics = Array.prototype.filter.call(form.querySelectorAll("input[name=topic]"), function (i) {
        return i.checked;
      }).map(function (i) { return self.topics[Number(i.value)]; });
      if (!chosenTopics.length) {
        form.querySelector(".practice__error").textContent = "Choose at least one topic.";
        return;
      }
      var count = form.querySelector("input[name=count]:checked").value;
      var questions = pick(self.bank, chosenTopics, count === "all" ? Infinity : Number(count));
      self.start(questions, form.querySelector("input[name=timed]").checked);
    });
    form.querySelector(".practice__clear").addEventListener("click", function () {
      if (window.confirm("Clear the answers this browser keeps for this guide?")) {
        try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing kept */ }
        self.setup();
      }
    });
  };

  Practice.prototype.start = function (questions, timed) {
    var self = this;
    this.round = questions.map(function (q) {
      return { q: q, order: shuffled(q.options.map(function (_, i) { return i; })), picked: [], flagged: false };
    });
    this.index = 0;
    this.deadline = timed ? Date.now() + pace() * 1000 * questions.length : null;
    clearInterval(this.timer);
    if (timed) this.timer = setInterval(function () { self.tick(); }, 500);
    this.show();
  };

  Practice.prototype.tick = function () {
    var clock = this.root.querySelector(".practice__clock");
    var left = Math.max(0, Math.round((this.deadline - Date.now()) / 1000));
    if (clock) clock.textContent = "Time left: " + Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
    if (left === 0) this.finish(true);
  };

  // Remember the shown question's answer and flag (nothing to keep on the review or result screen).
  Practice.prototype.keep = function () {
    var item = this.round[this.index];
    if (!item || !this.root.querySelector(".practice__question")) return;
    var inputs = this.root.querySelectorAll(".practice__question input[name=answer]");
    item.picked = Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) {
      return Number(i.value);
    });
    var flag = this.root.querySelector("input[name=flag]");
    if (flag) item.flagged = flag.checked;
  };

  Practice.prototype.show = function () {
    var self = this;
    var item = this.round[this.index];
    var q = item.q;
    var type = q.kind === "multiple" ? "checkbox" : "radio";
    var options = item.order.map(function (i) {
      var checked = item.picked.indexOf(i) >= 0 ? " checked" : "";
      return '<li class="quiz__option"><label class="quiz__label"><input type="' + type + '" name="answer" value="' +
        i + '"' + checked + "> <span class=\"quiz__text\">" + rooted(q.options[i].html, self.base) + "</span></label></li>";
    }).join("");
    this.root.innerHTML =
      '<div class="practice__bar"><span class="practice__progress">Question ' + (this.index + 1) + " of " +
      this.round.length + " · " + q.topic + '</span><span class="practice__clock" role="timer"></span></div>' +
      '<form class="practice__question quiz"><fieldset class="quiz__fieldset">' +
      '<legend class="quiz__question" tabindex="-1">' + rooted(q.question, self.base) + "</legend>" +
      '<p class="quiz__instruction">' + (q.kind === "multiple" ? "Choose two answers." : "Choose one answer.") + "</p>" +
      '<ol class="quiz__options">' + options + "</ol></fieldset>" +
      '<label class="practice__choice"><input type="checkbox" name="flag"' + (item.flagged ? " checked" : "") +
      "> Flag for review</label>" +
      '<div class="practice__buttons">' +
      (this.index > 0 ? '<button type="button" class="md-button practice__previous">Previous</button>' : "") +
      (this.index < this.round.length - 1 ? '<button type="submit" class="md-button md-button--primary">Next</button>' : "") +
      '<button type="button" class="md-button practice__overview">Review and finish</button></div></form>';
    if (this.deadline) this.tick();
    var form = this.root.querySelector("form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.keep();
      self.index += 1;
      self.show();
    });
    var previous = form.querySelector(".practice__previous");
    if (previous) previous.addEventListener("click", function () { self.keep(); self.index -= 1; self.show(); });
    form.querySelector(".practice__overview").addEventListener("click", function () { self.keep(); self.overview(); });
    form.querySelector("legend").focus();
  };

  Practice.prototype.overview = function () {
    var self = this;
    var rows = this.round.map(function (item, i) {
      var state = item.picked.length ? "answered" : "not answered";
      return '<li><button type="button" class="practice__goto" data-index="' + i + '">Question ' + (i + 1) +
        "</button> " + state + (item.flagged ? ", flagged" : "") + "</li>";
    }).join("");
    var open = this.round.filter(function (item) { return !item.picked.length; }).length;
    var flagged = this.round.filter(function (item) { return item.flagged; }).length;
    this.root.innerHTML =
      '<div class="practice__bar"><span class="practice__progress">Review</span><span class="practice__clock" role="timer"></span></div>' +
      '<h2 class="practice__heading" tabindex="-1">Before you finish</h2>' +
      "<p>" + open + " not answered, " + flagged + " flagged. Choose a question to go back to it.</p>" +
      '<ol class="practice__list">' + rows + "</ol>" +
      '<div class="practice__buttons"><button type="button" class="md-button md-button--primary practice__finish">Finish and see my score</button></div>';
    if (this.deadline) this.tick();
    Array.prototype.forEach.call(this.root.querySelectorAll(".practice__goto"), function (button) {
      button.addEventListener("click", function () {
        self.index = Number(button.getAttribute("data-index"));
        self.show();
      });
    });
    this.root.querySelector(".practice__finish").addEventListener("click", function () { self.finish(false); });
    this.root.querySelector(".practice__heading").focus();
  };

  Practice.prototype.finish = function (timeUp) {
    var self = this;
    if (this.finished === this.round) return;
    this.finished = this.round;
    clearInterval(this.timer);
    if (!timeUp) this.keep();
    var perTopic = {}, missed = [], right = 0;
    this.round.forEach(function (item) {
      var q = item.q;
      var correct = item.picked.length === q.options.filter(function (o) { return o.right; }).length &&
        item.picked.every(function (i) { return q.options[i].right; });
      record(q.id, correct);
      perTopic[q.topic] = perTopic[q.topic] || { right: 0, total: 0 };
      perTopic[q.topic].total += 1;
      if (correct) {
        right += 1;
        perTopic[q.topic].right += 1;
      } else {
        missed.push(item);
      }
    });
    var total = this.round.length;
    var topics = Object.keys(perTopic).map(function (topic) {
      var t = perTopic[topic];
      return "<tr><td>" + topic + "</td><td>" + t.right + " of " + t.total + "</td><td>" +
        Math.round(100 * t.right / t.total) + "%</td></tr>";
    }).join("");
    var review = missed.map(function (item) {
      var q = item.q;
      var options = item.order.map(function (i) {
        var o = q.options[i];
        var mine = item.picked.indexOf(i) >= 0;
        var verdict = o.right ? "Right answer." : mine ? "Your choice, wrong." : "Wrong.";
        var cls = o.right ? "quiz__option--right" : mine ? "quiz__option--wrong" : "quiz__option--other";
        return '<li class="quiz__option ' + cls + '"><span class="quiz__text">' + rooted(o.html, self.base) +
          '</span><p class="quiz__reason"><strong class="quiz__verdict">' + verdict + "</strong> " +
          rooted(o.reason, self.base) + "</p></li>";
      }).join("");
      return '<li class="practice__missed"><p class="quiz__question">' + rooted(q.question, self.base) +
        ' <span class="practice__from">(' + q.topic + ", " + q.page + ")</span></p>" +
        '<ol class="quiz__options">' + options + "</ol>" +
        '<div class="quiz__explanation">' + rooted(q.explanation, self.base) + "</div></li>";
    }).join("");
    this.missed = missed.map(function (item) { return item.q; });
    this.root.innerHTML =
      '<h2 class="practice__heading" tabindex="-1">' + (timeUp ? "Time is up. " : "") + "Your score: " + right +
      " of " + total + " (" + Math.round(100 * right / Math.max(total, 1)) + "%)</h2>" +
      '<p class="practice__result" role="status">' + right + " right, " + (total - right) + " missed.</p>" +
      '<table class="practice__topics"><thead><tr><th>Topic</th><th>Right</th><th>Score</th></tr></thead><tbody>' +
      topics + "</tbody></table>" +
      (missed.length ? '<h3>What you missed</h3><ol class="practice__review">' + review + "</ol>" : "") +
      '<div class="practice__buttons">' +
      (missed.length ? '<button type="button" class="md-button md-button--primary practice__again">Practise what I missed (' +
        missed.length + ")</button>" : "") +
      '<button type="button" class="md-button practice__new">New round</button></div>';
    var again = this.root.querySelector(".practice__again");
    if (again) again.addEventListener("click", function () { self.start(shuffled(self.missed), Boolean(self.deadline)); });
    this.root.querySelector(".practice__new").addEventListener("click", function () { self.setup(); });
    this.root.querySelector(".practice__heading").focus();
  };

  // --- start ----------------------------------------------------------------------------------------

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.quiz[data-quiz]"), setUpPageQuiz);
    var root = document.getElementById("practice-round");
    if (root && !root.getAttribute("data-ready") && window.studyQuizBank) {
      root.setAttribute("data-ready", "true");
      window.studyPractice = new Practice(root, window.studyQuizBank);
    }
  }

  // Material's instant navigation swaps pages without a reload: its document$ says when.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
