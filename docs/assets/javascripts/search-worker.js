/* Search that finds what learners type, inside Material's own search worker.
 *
 * overrides/hooks/search.py appends this file (and the glossary's synonyms, as
 * self.studySearchData) to Material's worker. Material still builds the lunr index, turns the
 * typed text into a lunr query (each word a prefix: "ecs vs eks" -> "ecs* vs* eks*"), groups,
 * highlights and shows the results. This wraps lunr.Index#search, where that query arrives,
 * and changes how a plain query of words is scored:
 *
 * - Filler: lunr's stop words ("which", "should", "i", "how", "do", "or", never in the index)
 *   and the words of asking and comparing ("use", "vs", "compare", "difference") are left
 *   out while other words remain, instead of matching every word that begins with them: a
 *   question is answered by its meaningful words.
 * - Typos: a word of five or more letters that begins no word of the index matches the words
 *   one edit away (or whose beginning is), below an exact match; of those, the ones found next
 *   to the query's other words, or else the most common, weigh most.
 * - Synonyms: a glossary abbreviation also matches its expansion as a phrase (the words next
 *   to each other), and an expansion also matches its abbreviation, in either direction.
 * - Comparisons: with "vs", "versus", "or", "compare" or "difference" between two sets of
 *   words, the sections that hold every side rank higher, and more if their heading compares.
 * - Every word first: of two or more words, a page or section that holds them all (typed, as a
 *   synonym or a near word) ranks above one that holds only some, and one that holds them as a
 *   phrase ranks higher still.
 * - Names in any case: the index splits words only at spaces and punctuation, so "FSx",
 *   "IPv6" and "DaemonSet" stay whole and match "fsx", "ipv6", "daemonset" as typed; the
 *   parts of a camelCase name ("daemon", "set") are indexed too, at the same place, so
 *   "daemon set" finds it as well, and a section that writes the words typed as one such
 *   name ranks first.
 * - Headings: a section whose heading is made of the words typed ranks higher, in proportion.
 * - Highlighting: the words each result matched in the index (the right spelling of a typo,
 *   the expansion of an abbreviation) join the words Material marks on the page it opens.
 *
 * Scores stay lunr's (term frequency and rarity, title boost), summed across the parts, so
 * Material's own boosts and order still apply. A query with lunr syntax (+word, -word, title:,
 * word~1, word^2, "quoted words") goes to lunr unchanged, as does a query of filler words only.
 * No rule here names a page or a query.
 */
(function (lunr, data) {
  "use strict";
  if (!lunr || !lunr.Index || lunr.Index.prototype.search.study) return;

  var TYPO_MIN_LENGTH = 5; // shorter words are too often another real word one edit away
  var NEAR = 0.5; // a near match weighs at most half an exact one
  var SYNONYM = 0.5; // a synonym weighs half the words typed: what the reader wrote comes first
  var PHRASE_GAP = 2; // words of a phrase: next to each other, or one stop word apart
  var HOLDS_EVERY_SIDE = 2; // comparison: the section holds every side
  var COMPARING_HEADING = 2; // ... and its heading compares
  // Per query word a result lacks: far below any result that holds every word, whatever lunr's
  // and Material's boosts (Material multiplies a score by at most 5).
  var MISSING_WORD = 1e-4;
  var HOLDS_PHRASE = 2; // the words typed together stand together in the section
  // A section that writes the words typed as one camelCase name ("net app" typed, "NetApp"
  // written) ranks above any that does not: the reader typed that name, split.
  var HOLDS_NAME = 1000;
  var HEADING_SAID = 3; // up to four times the score when every word of the heading was typed
  var MIN_PART = 2; // camelCase parts shorter than this are not indexed on their own
  var MAX_JOINED = 4; // words typed apart that may make one name: "kubernetes network config request"

  var COMPARE = words("vs versus or compare compared comparing comparison difference differences between against");
  var ASK = words("use using choose pick need want better");

  var TRAILING = lunr.Query.wildcard.TRAILING;
  var NONE = lunr.Query.wildcard.NONE;
  var OPTIONAL = lunr.Query.presence.OPTIONAL;
  var REQUIRED = lunr.Query.presence.REQUIRED;

  function words(text) {
    var set = Object.create(null);
    text.split(" ").forEach(function (w) { set[w] = true; });
    return set;
  }

  function isStopWord(word) {
    return typeof lunr.stopWordFilter === "function" && !lunr.stopWordFilter(word);
  }

  function isFiller(word) {
    return isStopWord(word) || COMPARE[word] === true || ASK[word] === true;
  }

  // Singular and plural of a word count as the same word when matching glossary forms.
  function same(a, b) {
    return a === b || a === b + "s" || b === a + "s";
  }

  // Glossary forms, each a list of non-stop words: [["alb"], ["application", "load", "balancer"]]
  var groups = ((data && data.synonyms) || []).map(function (group) {
    return group.map(function (form) {
      var kept = form.filter(function (w) { return !isStopWord(w); });
      return kept.length ? kept : form;
    });
  });

  // Headings, captured as Material adds each page and section to the index
  var headings = Object.create(null);
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (doc && typeof doc.title === "string") {
      headings[doc[this._ref]] = doc.title.replace(/<[^>]*>/g, " ").toLowerCase().split(/[^a-z0-9]+/);
    }
    if (typeof this.tokenizer === "function" && !this.tokenizer.study) this.tokenizer = withParts(this.tokenizer);
    return add.call(this, doc, attributes);
  };

  // The words of a camelCase name, split where a lowercase letter meets a capital:
  // "DaemonSets" -> ["Daemon", "Sets"]; "FSx", "IPv6" and "eksctl" have no parts.
  function camelParts(word) {
    var parts = [], start = 0;
    for (var i = 1; i < word.length; i++) {
      if (/[a-z]/.test(word[i - 1]) && /[A-Z]/.test(word[i])) {
        parts.push(word.slice(start, i));
        start = i;
      }
    }
    parts.push(word.slice(start));
    return parts.length > 1 ? parts : [];
  }

  // Material's tokenizer, plus each part of a camelCase word as a token of its own at the
  // word's place. Material's position table gives each token's place in the text:
  // position = block << 20 | entry, entry = start << 12 | length << 2 | type.
  function withParts(tokenize) {
    var wrapped = function (input, metadata) {
      var tokens = tokenize(input, metadata);
      var table = lunr.tokenizer.table;
      if (typeof input !== "string" || !table) return tokens;
      var parts = [];
      tokens.forEach(function (token) {
        var position = token.metadata && token.metadata.position;
        var entry = typeof position === "number" && (table[position >> 20] || [])[position & 0xfffff];
        if (typeof entry !== "number") return;
        var start = entry >>> 12, length = (entry >> 2) & 0x3ff;
        camelParts(input.slice(start, start + length)).forEach(function (part) {
          if (part.length >= MIN_PART) parts.push(new lunr.Token(part.toLowerCase(), { position: position }));
        });
      });
      return tokens.concat(parts);
    };
    wrapped.study = true;
    return wrapped;
  }

  // Per index: its words, and the documents (pages and sections) each appears in
  var cache = typeof WeakMap === "function" ? new WeakMap() : null;
  function vocabulary(index) {
    var known = cache && cache.get(index);
    if (!known) {
      known = { terms: Object.keys(index.invertedIndex), documents: Object.create(null) };
      if (cache) cache.set(index, known);
    }
    return known;
  }

  function documentsOf(index, term) {
    var known = vocabulary(index);
    if (!(term in known.documents)) {
      var posting = index.invertedIndex[term], refs = Object.create(null);
      index.fields.forEach(function (field) {
        Object.keys(posting[field] || {}).forEach(function (ref) { refs[ref] = true; });
      });
      known.documents[term] = refs;
    }
    return known.documents[term];
  }

  function beginsAnyWord(index, word) {
    return vocabulary(index).terms.some(function (term) { return term.lastIndexOf(word, 0) === 0; });
  }

  // One edit (insert, delete, replace, swap two neighbours) turns `word` into `term`, or into
  // the beginning of a longer `term`: the same prefix matching Material gives exact words.
  function oneEditAway(word, term) {
    var m = word.length, n = Math.min(term.length, m + 1);
    if (term.length < m - 1) return false;
    var before = null, previous = [], row, i, j;
    for (j = 0; j <= n; j++) previous[j] = j;
    for (i = 1; i <= m; i++) {
      row = [i];
      for (j = 1; j <= n; j++) {
        var cost = word[i - 1] === term[j - 1] ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && word[i - 1] === term[j - 2] && word[i - 2] === term[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1);
        }
      }
      before = previous;
      previous = row;
    }
    for (j = Math.max(1, m - 1); j <= n; j++) {
      if (previous[j] <= 1) return true;
    }
    return false;
  }

  function near(p, q) {
    var step = (p & 0xfffff) - (q & 0xfffff);
    return p >> 20 === q >> 20 && step !== 0 && Math.abs(step) <= PHRASE_GAP;
  }

  // In how many documents `term` stands next to one of `others` (words of the index)
  function neighbours(index, term, others) {
    var posting = index.invertedIndex[term], refs = Object.create(null);
    index.fields.forEach(function (field) {
      Object.keys(posting[field] || {}).forEach(function (ref) {
        var mine = posting[field][ref].position || [];
        var beside = others.some(function (other) {
          var entry = (index.invertedIndex[other][field] || {})[ref];
          return entry && (entry.position || []).some(function (q) {
            return mine.some(function (p) { return near(p, q); });
          });
        });
        if (beside) refs[ref] = true;
      });
    });
    return Object.keys(refs).length;
  }

  // Words of the index one edit away from `word`, each weighted (at most 1) by the number of
  // documents where it stands next to the query's other words, or if none does, the number
  // that hold it: "image scaning" means scanning, "scaling" alone is the more common word.
  function nearWords(index, word, context) {
    var terms = vocabulary(index).terms;
    var found = terms.filter(function (term) { return oneEditAway(word, term); });
    var others = terms.filter(function (term) {
      return context.some(function (w) { return term.lastIndexOf(w, 0) === 0; });
    });
    var counts = found.map(function (term) { return neighbours(index, term, others); });
    if (!counts.some(Boolean)) {
      counts = found.map(function (term) { return Object.keys(documentsOf(index, term)).length; });
    }
    var most = Math.max.apply(null, counts.concat([1]));
    return found.map(function (term, i) { return { term: term, weight: counts[i] / most }; })
      .filter(function (candidate) { return candidate.weight > 0; });
  }

  function matches(clause, term) {
    return clause.wildcard === TRAILING ? term.lastIndexOf(clause.term, 0) === 0 : term === clause.term;
  }

  // lunr divides each score by the length of its query vector; multiplying it back makes the
  // scores of separate queries add up as if they were one.
  function vectorLength(index, clauses) {
    var boosts = Object.create(null), sum = 0;
    clauses.forEach(function (clause) {
      var pattern = clause.wildcard === TRAILING ? clause.term + "*" : clause.term;
      lunr.TokenSet.fromString(pattern).intersect(index.tokenSet).toArray().forEach(function (term) {
        boosts[term] = (boosts[term] || 0) + clause.boost;
      });
    });
    Object.keys(boosts).forEach(function (term) { sum += boosts[term] * boosts[term]; });
    return Math.sqrt(sum) || 1;
  }

  function run(index, clauses, presence) {
    var results = index.query(function (query) {
      clauses.forEach(function (clause) {
        var options = {
          term: clause.term, boost: clause.boost, wildcard: clause.wildcard,
          presence: presence, usePipeline: false,
        };
        if (clause.fields) options.fields = clause.fields;
        query.clause(options);
      });
    });
    var length = vectorLength(index, clauses);
    results.forEach(function (result) { result.score *= length; });
    return results;
  }

  // Material records a word's position in a field as block << 20 | place in block; the words
  // of a phrase follow each other in one block.
  function holdsPhrase(metadata, phrase, field) {
    var places = phrase.map(function (word) {
      var found = [];
      Object.keys(metadata).forEach(function (term) {
        var entry = metadata[term][field];
        if (term.lastIndexOf(word, 0) === 0 && entry && entry.position) found.push.apply(found, entry.position);
      });
      return found;
    });
    var ends = places[0];
    for (var w = 1; w < places.length && ends.length; w++) {
      ends = places[w].filter(function (p) {
        // after the previous word, or at its place: the parts of one camelCase name
        return ends.some(function (q) { return p === q || (near(p, q) && (p & 0xfffff) > (q & 0xfffff)); });
      });
    }
    return ends.length > 0;
  }

  // The section writes the typed words as one camelCase name ("NetApp" for "net app"): the name and
  // its first part stand at the same place, as withParts indexes them. A lowercase compound such as
  // "nodegroup" in `create-nodegroup` has no parts, so "node group" gets no such weight from it.
  function writesAsOneName(metadata, name, field) {
    function places(test) {
      var found = [];
      Object.keys(metadata).forEach(function (term) {
        var entry = metadata[term][field];
        if (test(term) && entry && entry.position) found.push.apply(found, entry.position);
      });
      return found;
    }
    function begins(prefix) { return function (term) { return term.lastIndexOf(prefix, 0) === 0; }; }
    var whole = places(begins(name.joined));
    var part = places(function (term) { return begins(name.first)(term) && !begins(name.joined)(term); });
    return whole.length > 0 && part.some(function (p) { return whole.indexOf(p) >= 0; });
  }

  // The words of a plain query, or null when it uses lunr syntax
  function plainWords(index, queryString) {
    var query = new lunr.Query(index.fields);
    new lunr.QueryParser(queryString, query).parse();
    var list = [];
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i];
      if (clause.presence !== OPTIONAL || clause.boost !== 1 || clause.editDistance) return null;
      if (clause.fields.length !== index.fields.length || !/^[^*]+\*$/.test(clause.term)) return null;
      list.push(clause.term.slice(0, -1));
    }
    return list.length ? list : null;
  }

  function studySearch(index, typed) {
    // Runs of meaningful words, split at filler words: the sides of a comparison
    var sides = [], side = [];
    typed.forEach(function (word) {
      if (isFiller(word)) {
        if (side.length) sides.push(side);
        side = [];
      } else {
        side.push(word);
      }
    });
    if (side.length) sides.push(side);
    if (!sides.length) return null;
    var comparing = sides.length > 1 && typed.some(function (w) { return COMPARE[w] === true; });

    // Words that begin a word of the index: the context that picks among near words
    var known = [];
    sides.forEach(function (words) {
      words.forEach(function (w) { if (beginsAnyWord(index, w)) known.push(w); });
    });

    var clauses = [], phrases = [], names = [], added = Object.create(null);
    function clause(term, wildcard, boost, owners) {
      var key = term + (wildcard === TRAILING ? "*" : "");
      var entry = added[key];
      if (!entry) {
        entry = added[key] = { term: term, wildcard: wildcard, boost: boost, owners: [] };
        clauses.push(entry);
      }
      entry.boost = Math.max(entry.boost, boost);
      entry.owners.push.apply(entry.owners, owners);
    }
    function phrase(words, owners, weight) {
      var key = words.join(" ") + "/" + owners.join(" ");
      if (!added[key]) phrases.push(added[key] = { words: words, owners: owners, weight: weight });
    }
    sides.forEach(function (words) {
      // A glossary form typed here counts as one term, matched as a phrase, along with the
      // other forms of its group: "alb" also finds "application load balancer", and back.
      var covered = [];
      groups.forEach(function (group) {
        group.forEach(function (form) {
          for (var start = 0; start + form.length <= words.length; start++) {
            var owners = words.slice(start, start + form.length);
            if (!form.every(function (w, k) { return same(w, owners[k]); })) continue;
            if (form.length > 1) {
              owners.forEach(function (_, k) { covered[start + k] = true; });
              phrase(owners, owners, 1);
            }
            group.forEach(function (other) {
              if (other === form) return;
              if (other.length === 1) clause(other[0], TRAILING, SYNONYM, owners);
              else phrase(other, owners, SYNONYM);
            });
          }
        });
      });
      words.forEach(function (word, k) {
        if (covered[k]) return;
        if (word.length >= TYPO_MIN_LENGTH && !beginsAnyWord(index, word)) {
          var context = known.filter(function (w) { return w !== word; });
          var candidates = nearWords(index, word, context);
          candidates.forEach(function (n) { clause(n.term, NONE, NEAR * n.weight, [word]); });
          if (candidates.length) return;
        }
        clause(word, TRAILING, 1, [word]);
      });
      // All the words of a side typed apart that make one name of the index ("node pool",
      // "daemon set") also match that name written as one word ("NodePool", "DaemonSet"). Only the
      // whole side: in "network load balancer" the reader did not ask for `LoadBalancer`.
      var joined = words.join("");
      if (words.length > 1 && words.length <= MAX_JOINED && beginsAnyWord(index, joined)) {
        clause(joined, TRAILING, 1, words);
        names.push({ joined: joined, first: words[0] });
      }
    });

    // Score: the words, plus each phrase in the fields where its words stand together
    var found = Object.create(null), order = [];
    function merge(result, weight, owners) {
      var entry = found[result.ref];
      if (!entry) {
        entry = found[result.ref] = { ref: result.ref, score: 0, matchData: result.matchData, owners: Object.create(null) };
        order.push(entry);
      } else if (entry.matchData !== result.matchData) {
        entry.matchData.combine(result.matchData);
      }
      entry.score += weight * result.score;
      owners.forEach(function (o) { entry.owners[o] = true; });
    }
    if (clauses.length) {
      run(index, clauses, OPTIONAL).forEach(function (result) {
        var owners = [];
        Object.keys(result.matchData.metadata).forEach(function (term) {
          clauses.forEach(function (c) {
            if (matches(c, term)) owners.push.apply(owners, c.owners);
          });
        });
        merge(result, 1, owners);
      });
    }
    phrases.forEach(function (p) {
      index.fields.forEach(function (field) {
        var words = p.words.map(function (w) { return { term: w, wildcard: TRAILING, boost: 1, fields: [field] }; });
        run(index, words, REQUIRED).forEach(function (result) {
          if (holdsPhrase(result.matchData.metadata, p.words, field)) merge(result, p.weight, p.owners);
        });
      });
    });

    var meaningful = Object.keys(sides.reduce(function (set, s) {
      s.forEach(function (w) { set[w] = true; });
      return set;
    }, Object.create(null)));
    matchedTerms = Object.create(null);
    order.forEach(function (entry) {
      var heading = headings[entry.ref] || [];
      if (comparing && sides.every(function (s) { return s.every(function (w) { return entry.owners[w]; }); })) {
        entry.score *= HOLDS_EVERY_SIDE;
        if (heading.some(function (w) { return COMPARE[w] === true; })) entry.score *= COMPARING_HEADING;
      }
      var metadata = entry.matchData.metadata;
      // A heading made of the words typed is the best answer: "managed node groups" for
      // "managed node group" before "EKS with managed node groups".
      var named = heading.filter(function (w) { return w && !isStopWord(w); });
      var said = named.filter(function (w) {
        return meaningful.some(function (m) { return same(w, m) || w.lastIndexOf(m, 0) === 0; });
      });
      if (said.length) entry.score *= 1 + HEADING_SAID * said.length / named.length;
      var missing = meaningful.filter(function (w) { return !entry.owners[w]; }).length;
      entry.score *= Math.pow(MISSING_WORD, missing);
      sides.forEach(function (s) {
        if (s.length > 1 && index.fields.some(function (field) { return holdsPhrase(metadata, s, field); })) {
          entry.score *= HOLDS_PHRASE;
        }
      });
      var terms = Object.keys(metadata);
      names.forEach(function (name) {
        if (index.fields.some(function (field) { return writesAsOneName(metadata, name, field); })) entry.score *= HOLDS_NAME;
      });
      matchedTerms[entry.ref] = terms;
      // Material marks a typed word as missing unless a matched term begins with it: name the
      // words this result answers (through a synonym or a near word too) and the filler words.
      typed.forEach(function (word) {
        if ((entry.owners[word] || isFiller(word)) && !(word in metadata)) metadata[word] = {};
      });
    });
    return order
      .sort(function (a, b) { return b.score - a.score; })
      .map(function (entry) { return { ref: entry.ref, score: entry.score, matchData: entry.matchData }; });
  }

  // The index terms each result of the last search matched, by reference (page or section)
  var matchedTerms = Object.create(null);

  // Material highlights on the page a result opens the words it marks as found, which are the
  // words typed: add the words of the page that matched them ("scanning" for "scaning",
  // "kubernetes" for "k8s"). Material's worker answers with the global postMessage.
  var post = self.postMessage;
  self.postMessage = function (message) {
    var items = message && message.data && message.data.items;
    if (Array.isArray(items)) {
      items.forEach(function (group) {
        (Array.isArray(group) ? group : []).forEach(function (item) {
          if (!item || !item.terms) return;
          (matchedTerms[item.location] || []).forEach(function (term) {
            if (/^[a-z0-9]/.test(term) && !(term in item.terms)) item.terms[term] = true;
          });
        });
      });
    }
    return post.apply(self, arguments);
  };

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    var results = null;
    try {
      var typed = plainWords(this, queryString);
      results = typed && studySearch(this, typed);
    } catch (error) {
      // lunr's own search still answers; the error shows in the console for a fix
      console.error("search-worker.js:", error);
    }
    return results || search.call(this, queryString);
  };
  lunr.Index.prototype.search.study = true;
})(self.lunr, self.studySearchData);
