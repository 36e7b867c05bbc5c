/* Wegweiser Merkliste (shortlist): a family saves offers with a "Merken" button on
 * each offer page, each search result and each offer card of the lists; /merkliste/ lists them with what a family
 * needs on paper, prints them, and shares them as a link (/merkliste/?a=slug,slug)
 * and as a QR code (templates/assets/qr.js). The list lives only in this browser's
 * localStorage: nothing is sent anywhere. Plain browser JavaScript, no dependencies;
 * in Node it exports the list logic for the tests (Tests/search-js/shortlist.test.js). */
(function () {
  'use strict';

  // ---- The list ---------------------------------------------------------------

  var KEY = 'wegweiser-merkliste';
  var SLUG = /^[a-z0-9-]{1,120}$/;
  var MAX = 100; // a list longer than this is no list for paper

  /** Valid slugs of `items`, each once, in their first order, at most MAX. */
  function clean(items) {
    var seen = new Set(), out = [];
    (items || []).forEach(function (item) {
      var slug = String(item).trim().toLowerCase();
      if (SLUG.test(slug) && !seen.has(slug) && out.length < MAX) { seen.add(slug); out.push(slug); }
    });
    return out;
  }

  /** The slugs of a share link's `a` parameter: "slug,slug" (null: no parameter). */
  function fromQuery(search) {
    var value = new URLSearchParams(search || '').get('a');
    return value === null ? null : clean(value.split(','));
  }

  /** The saved list; [] when nothing (or nothing readable) is saved. */
  function read(storage) {
    try {
      var value = JSON.parse(storage.getItem(KEY) || '[]');
      return Array.isArray(value) ? clean(value) : [];
    } catch (e) {
      return [];
    }
  }

  /** Saves the list; false when the browser refuses (storage off or full). */
  function write(storage, slugs) {
    try {
      if (slugs.length) storage.setItem(KEY, JSON.stringify(clean(slugs)));
      else storage.removeItem(KEY);
      return true;
    } catch (e) {
      return false;
    }
  }

  function toggle(slugs, slug) {
    return slugs.indexOf(slug) >= 0 ? without(slugs, slug) : clean(slugs.concat([slug]));
  }

  function without(slugs, slug) {
    return slugs.filter(function (s) { return s !== slug; });
  }

  /** "Liste behalten": the own list keeps its order, the shared offers not in it follow. */
  function keep(own, shared) {
    return clean(own.concat(shared));
  }

  /** The link that opens `slugs` on the Merkliste page at `pageURL`. */
  function shareLink(pageURL, slugs) {
    var url = new URL(pageURL);
    return url.origin + url.pathname + (slugs.length ? '?a=' + slugs.join(',') : '');
  }

  /** The offer's slug from a link to its page (…/angebote/<slug>/), or null. */
  function slugOf(href) {
    var match = /\/angebote\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(new URL(href, 'http://x/').pathname);
    return match ? match[1] : null;
  }

  function count(n) {
    return n === 0 ? 'kein Angebot' : n === 1 ? '1 Angebot' : n + ' Angebote';
  }

  var api = {
    KEY: KEY, MAX: MAX, clean: clean, fromQuery: fromQuery, read: read, write: write, toggle: toggle,
    without: without, keep: keep, shareLink: shareLink, slugOf: slugOf, count: count,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- Buttons: offer pages, search results, the menu -------------------------

  var storage = null;
  try { storage = window.localStorage; } catch (e) { storage = null; }
  if (!storage) {
    // No storage (blocked by the browser's settings), no list: the buttons stay
    // hidden, and the Merkliste page says why instead of staying blank.
    var blocked = function () {
      var root = document.getElementById('merkliste'), status = document.getElementById('merkliste-status');
      if (!root || !status) return;
      Array.prototype.forEach.call(root.children, function (child) { child.hidden = child !== status; });
      status.textContent = 'Ihr Browser erlaubt dieser Website nicht, Daten zu speichern. Die Merkliste braucht das. ' +
        'Sie können die Angebote über die Übersichten nach Orten, Lebensphasen und Themen finden.';
      root.hidden = false;
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', blocked);
    else blocked();
    return;
  }

  function saved() { return read(storage); }

  function hidden(text) {
    var span = document.createElement('span');
    span.className = 'visually-hidden';
    span.textContent = text;
    return span;
  }

  // The state is in aria-pressed and in the words, not in colour alone.
  function showButton(button, slugs) {
    var on = slugs.indexOf(button.getAttribute('data-shortlist-slug')) >= 0;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    button.firstChild.nodeValue = on ? 'Gemerkt' : 'Merken';
  }

  function showAll() {
    var slugs = saved();
    document.querySelectorAll('button[data-shortlist-slug]').forEach(function (b) { showButton(b, slugs); });
    document.querySelectorAll('a[data-shortlist-count]').forEach(function (a) {
      a.querySelector('.shortlist-count').textContent = slugs.length ? ' (' + slugs.length + ')' : '';
    });
  }

  function wire(button) {
    if (button.getAttribute('data-shortlist-wired')) return;
    button.setAttribute('data-shortlist-wired', 'true');
    if (button.firstChild === null || button.firstChild.nodeType !== 3) button.insertBefore(document.createTextNode(''), button.firstChild);
    button.addEventListener('click', function () {
      var slug = button.getAttribute('data-shortlist-slug'), slugs = toggle(saved(), slug);
      if (!write(storage, slugs)) {
        announce('Ihr Browser speichert die Merkliste nicht (Speicher gesperrt oder voll).');
        return;
      }
      showAll();
      announce((slugs.indexOf(slug) >= 0 ? 'Gemerkt. ' : 'Von der Merkliste genommen. ') +
        (slugs.length === 0 ? 'Die Merkliste ist leer.' : slugs.length === 1 ? '1 Angebot steht auf der Merkliste.'
          : slugs.length + ' Angebote stehen auf der Merkliste.'));
      if (page) page.refresh();
    });
    showButton(button, saved());
  }

  // The count after a click, for screen readers (the button itself says pressed or not).
  var liveRegion = null;
  function announce(text) {
    if (!liveRegion) {
      liveRegion = document.createElement('p');
      liveRegion.className = 'visually-hidden';
      liveRegion.id = 'merkliste-ansage';
      liveRegion.setAttribute('role', 'status');
      (document.querySelector('main') || document.body).appendChild(liveRegion);
    }
    liveRegion.textContent = text;
  }

  // A result card of the search page, or an offer card of a town, phase or area
  // list: a button after its text, named with the offer.
  function addToCard(card) {
    if (card.querySelector('button[data-shortlist-slug]')) return;
    var link = card.querySelector('h2 a[href], h3 a[href]');
    var slug = link && slugOf(link.getAttribute('href'));
    if (!slug) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'shortlist-toggle shortlist-toggle--card';
    button.setAttribute('data-shortlist-slug', slug);
    button.appendChild(document.createTextNode('Merken'));
    button.appendChild(hidden(': ' + link.textContent));
    card.appendChild(button);
    wire(button);
  }

  function watchResults(results) {
    var scan = function () { results.querySelectorAll('li').forEach(addToCard); };
    new MutationObserver(scan).observe(results, { childList: true, subtree: true });
    scan();
  }

  // The menu's link to the Merkliste says how many offers it holds.
  function markMenuLinks() {
    document.querySelectorAll('nav a[href]').forEach(function (a) {
      if (!/\/merkliste\/$/.test(new URL(a.href, location.href).pathname)) return;
      a.setAttribute('data-shortlist-count', '');
      var span = document.createElement('span');
      span.className = 'shortlist-count';
      a.appendChild(span);
    });
  }

  // ---- The Merkliste page ---------------------------------------------------------

  function ShortlistPage(root) {
    this.root = root;
    this.offerURL = root.getAttribute('data-offer-url');
    this.status = document.getElementById('merkliste-status');
    this.list = document.getElementById('merkliste-eintraege');
    this.offers = null;
    this.shared = fromQuery(location.search);
    this.missing = 0;
  }

  ShortlistPage.prototype.start = function () {
    var self = this;
    this.root.hidden = false;
    this.status.textContent = 'Die Merkliste wird geladen …';
    document.getElementById('merkliste-behalten').addEventListener('click', function () { self.keepShared(); });
    document.getElementById('merkliste-drucken').addEventListener('click', function () { window.print(); });
    var copy = document.getElementById('merkliste-kopieren');
    if (navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(document.getElementById('merkliste-link').href).then(function () {
          self.status.textContent = 'Der Link ist kopiert.';
        }, function () {
          self.status.textContent = 'Der Link ließ sich nicht kopieren. Bitte markieren und kopieren Sie ihn selbst.';
        });
      });
    }
    fetch(this.root.getAttribute('data-offers')).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      self.offers = data.offers || {};
      self.refresh();
    }).catch(function () {
      self.status.textContent = 'Die Merkliste kann gerade nicht geladen werden. Bitte laden Sie die Seite neu.';
    });
  };

  // The slugs on show: the shared link's, else the saved ones; unknown offers
  // (taken out of the directory since) are counted and, for the own list, forgotten.
  ShortlistPage.prototype.current = function () {
    var self = this, slugs = this.shared || saved();
    var known = slugs.filter(function (s) { return Object.prototype.hasOwnProperty.call(self.offers, s); });
    this.missing = slugs.length - known.length;
    if (!this.shared && this.missing) write(storage, known);
    return known;
  };

  ShortlistPage.prototype.refresh = function (announcement) {
    if (!this.offers) return;
    var self = this, slugs = this.current(), shared = this.shared !== null;
    this.list.textContent = '';
    slugs.forEach(function (slug) { self.list.appendChild(self.entry(slug, self.offers[slug], !shared)); });
    this.list.hidden = !slugs.length;
    document.getElementById('merkliste-leer').hidden = slugs.length > 0;

    var box = document.getElementById('merkliste-geteilt');
    box.hidden = !shared || !slugs.length;
    if (shared) {
      var own = saved().length;
      document.getElementById('merkliste-geteilt-text').textContent =
        'Diese Liste wurde Ihnen geschickt. Mit „Liste behalten“ kommt sie auf Ihre Merkliste in diesem Browser' +
        (own === 1 ? '; Ihr 1 gemerktes Angebot bleibt darauf.' : own ? '; Ihre ' + own + ' gemerkten Angebote bleiben darauf.' : '.');
    }

    var gone = this.missing ? ' ' + (this.missing === 1 ? '1 Angebot gibt' : this.missing + ' Angebote gibt') +
      ' es nicht mehr im Wegweiser' + (shared ? '.' : '; es wurde von der Merkliste genommen.') : '';
    var what = shared ? (slugs.length === 1 ? 'Die geschickte Liste hat 1 Angebot.' : 'Die geschickte Liste hat ' + count(slugs.length) + '.')
      : slugs.length ? (slugs.length === 1 ? '1 Angebot steht auf Ihrer Merkliste.' : count(slugs.length) + ' stehen auf Ihrer Merkliste.')
        : 'Ihre Merkliste ist leer.';
    this.status.textContent = (announcement ? announcement + ' ' : '') + what + gone;
    this.share(slugs);
  };

  ShortlistPage.prototype.entry = function (slug, offer, removable) {
    var self = this, li = document.createElement('li');
    li.className = 'shortlist-entry';
    li.id = 'merkliste-' + slug;
    var h = document.createElement('h2'), a = document.createElement('a');
    a.href = this.offerURL + slug + '/';
    a.textContent = offer.title;
    h.appendChild(a);
    li.appendChild(h);
    var provider = document.createElement('p');
    provider.className = 'shortlist-entry__provider';
    provider.textContent = offer.provider;
    if (offer.status) {
      var status = document.createElement('strong');
      status.className = 'status';
      status.textContent = ' · ' + offer.status;
      provider.appendChild(status);
    }
    li.appendChild(provider);

    var facts = document.createElement('dl');
    facts.className = 'shortlist-entry__facts';
    function fact(term, fill) {
      var div = document.createElement('div'), dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = term;
      fill(dd);
      div.appendChild(dt);
      div.appendChild(dd);
      facts.appendChild(div);
    }
    function lines(dd, items) {
      items.forEach(function (text, i) {
        if (i) dd.appendChild(document.createElement('br'));
        dd.appendChild(document.createTextNode(text));
      });
    }
    if (offer.phone) {
      fact('Telefon', function (dd) {
        var tel = document.createElement('a');
        tel.href = offer.phoneURI;
        tel.textContent = offer.phone;
        dd.appendChild(tel);
      });
    }
    if (offer.addresses) fact(offer.addresses.length === 1 ? 'Adresse' : 'Adressen', function (dd) { lines(dd, offer.addresses); });
    if (offer.hours || offer.hoursNote) {
      fact('Öffnungszeiten', function (dd) { lines(dd, (offer.hours || []).concat(offer.hoursNote ? [offer.hoursNote] : [])); });
    }
    fact('Zuletzt geprüft', function (dd) {
      var time = document.createElement('time');
      time.dateTime = offer.updated;
      time.textContent = offer.updatedText;
      dd.appendChild(time);
    });
    li.appendChild(facts);

    if (removable) {
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'shortlist-entry__remove';
      remove.appendChild(document.createTextNode('Entfernen'));
      remove.appendChild(hidden(': ' + offer.title));
      remove.addEventListener('click', function () { self.remove(slug, offer.title); });
      li.appendChild(remove);
    }
    return li;
  };

  // After a removal the focus goes to the next entry's link (or the one before,
  // or the heading when the list is empty), never lost to the page's start.
  ShortlistPage.prototype.remove = function (slug, title) {
    var slugs = saved(), index = slugs.indexOf(slug);
    write(storage, without(slugs, slug));
    this.refresh('„' + title + '“ ist von der Merkliste genommen.');
    showAll();
    var links = this.list.querySelectorAll('h2 a');
    var target = links[Math.min(index, links.length - 1)] || document.querySelector('main h1');
    if (target.tagName === 'H1') target.tabIndex = -1;
    target.focus();
  };

  ShortlistPage.prototype.keepShared = function () {
    var slugs = this.current();
    if (!write(storage, keep(saved(), slugs))) {
      this.status.textContent = 'Ihr Browser speichert die Liste nicht (Speicher gesperrt oder voll).';
      return;
    }
    this.shared = null;
    history.replaceState(null, '', location.pathname);
    this.refresh('Die Liste ist jetzt auf Ihrer Merkliste gespeichert.');
    showAll();
    var heading = document.querySelector('main h1');
    heading.tabIndex = -1;
    heading.focus();
  };

  // The link to the list on show, as text and as a QR code to scan from paper.
  ShortlistPage.prototype.share = function (slugs) {
    var section = document.getElementById('merkliste-teilen');
    section.hidden = !slugs.length;
    if (!slugs.length) return;
    var href = shareLink(location.href, slugs);
    var link = document.getElementById('merkliste-link');
    link.href = href;
    link.textContent = href;
    var box = document.getElementById('merkliste-qr');
    box.textContent = '';
    if (!window.WegweiserQR) return;
    try {
      var code = window.WegweiserQR.encode(href, { level: 'M' });
      box.innerHTML = window.WegweiserQR.svg(code, 'QR-Code mit dem Link zu dieser Liste: ' + href);
      box.setAttribute('data-version', String(code.version));
      // On paper a longer link's denser code is printed larger (site.css), so each module stays scannable.
      box.parentNode.style.setProperty('--qr-modules', String(code.size + 8));
    } catch (e) {
      box.textContent = 'Die Liste ist zu lang für einen QR-Code. Bitte schicken Sie den Link.';
    }
  };

  // ---- Start ------------------------------------------------------------------

  var page = null;

  function start() {
    markMenuLinks();
    document.querySelectorAll('.shortlist-bar').forEach(function (bar) { bar.hidden = false; });
    document.querySelectorAll('button[data-shortlist-slug]').forEach(wire);
    document.querySelectorAll('.offer-card').forEach(addToCard);
    var results = document.getElementById('search-results');
    if (results) watchResults(results);
    var root = document.getElementById('merkliste');
    if (root) {
      page = new ShortlistPage(root);
      page.start();
    }
    showAll();
    // Another tab changed the list: show the same state here.
    window.addEventListener('storage', function (e) {
      if (e.key !== KEY && e.key !== null) return;
      showAll();
      if (page && !page.shared) page.refresh();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
