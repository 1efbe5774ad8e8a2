// tiler viewer: one MapLibre map over the daily PMTiles (../tiles/<date>.pmtiles), restyled per day from
// ../tiles/<date>.style.json; a date slider, a play button, the legend and the attribution from the build.
// The page's state is mirrored on #map for scripts and tests: data-date (the day shown) and data-state
// ("loading" while a day's style or tiles load, "idle" once the map has rendered it, "error").
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('tiler-config').textContent);
  const mapEl = document.getElementById('map');
  const slider = document.getElementById('day');
  const dateOut = document.getElementById('date');
  const playButton = document.getElementById('play');
  const errorEl = document.getElementById('error');
  const playDelayMs = 1500;

  function showError(message) {
    errorEl.hidden = false;
    errorEl.textContent = message;
    mapEl.dataset.state = 'error';
  }

  if (typeof maplibregl === 'undefined' || typeof pmtiles === 'undefined') {
    showError('MapLibre GL JS or the pmtiles library did not load (viewer/lib/).');
    return;
  }
  if (location.protocol === 'file:') {
    showError('Open this page through a web server (e.g. `python3 -m http.server -d output`, then ' +
              'http://localhost:8000/viewer/): browsers do not let a file:// page fetch the tiles.');
  }

  document.title = config.title;
  document.getElementById('title').textContent = config.title;
  const legend = document.getElementById('legend');
  for (const f of config.factions) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = f.fill;
    swatch.style.borderColor = f.line;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(f.name));
    li.dataset.faction = f.id;
    legend.appendChild(li);
  }

  // A PMTiles source that reads with HTTP range requests, and falls back to fetching the whole archive once when
  // the server ignores Range (answers 200 with the full file, as `python3 -m http.server` does).
  class RangeOrWholeSource {
    constructor(url) { this.url = url; this.whole = null; }
    getKey() { return this.url; }
    async getBytes(offset, length, signal) {
      if (!this.whole) {
        const r = await fetch(this.url, { headers: { Range: 'bytes=' + offset + '-' + (offset + length - 1) }, signal });
        if (r.status === 206) return { data: await r.arrayBuffer() };
        if (r.status !== 200) throw new Error(this.url + ': HTTP ' + r.status);
        if (!this.whole) {
          this.whole = r.arrayBuffer();
          this.whole.catch(() => { this.whole = null; });
        }
      }
      const all = await this.whole;
      return { data: all.slice(offset, offset + length) };
    }
  }
  const protocol = new pmtiles.Protocol();
  maplibregl.addProtocol('pmtiles', protocol.tile);
  function registerArchive(url) {
    if (!protocol.get(url)) protocol.add(new pmtiles.PMTiles(new RangeOrWholeSource(url)));
  }

  /// Resolves a URL of a style file against the style's own URL (URL templates keep their braces).
  function resolve(url, base) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
    const dir = base.slice(0, base.lastIndexOf('/') + 1);
    if (url.startsWith('/')) return new URL(base).origin + url;
    return dir + url;
  }

  async function dayStyle(date) {
    const styleUrl = new URL('../tiles/' + date + '.style.json', location.href).href;
    const response = await fetch(styleUrl);
    if (!response.ok) throw new Error(styleUrl + ': HTTP ' + response.status);
    const style = await response.json();
    for (const source of Object.values(style.sources)) {
      if (typeof source.url === 'string' && source.url.startsWith('pmtiles://')) {
        const archive = resolve(source.url.slice('pmtiles://'.length), styleUrl);
        registerArchive(archive);
        source.url = 'pmtiles://' + archive;
      }
      else if (typeof source.url === 'string') source.url = resolve(source.url, styleUrl);
      if (!source.attribution) source.attribution = config.attribution;
    }
    if (style.glyphs) style.glyphs = resolve(style.glyphs, styleUrl);
    delete style.center;   // keep the user's view when the day changes
    delete style.zoom;
    return style;
  }

  const last = config.days.length - 1;
  slider.max = String(last);
  slider.value = String(last);
  let shown = null;
  let wanted = config.days[last];
  let loading = false;
  const map = new maplibregl.Map({
    container: 'map',
    style: { version: 8, sources: {}, layers: [] },
    center: config.center,
    zoom: config.zoom,
    maxBounds: [[config.bounds[0] - 10, config.bounds[1] - 8], [config.bounds[2] + 10, config.bounds[3] + 8]],
    maxZoom: config.maxzoom + 3,
    attributionControl: { compact: false },
    hash: true,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl(), 'top-right');

  // Loads the wanted day; if the slider moved meanwhile, loads the newest wanted day after this one.
  async function load() {
    if (loading || wanted === shown) return;
    loading = true;
    const date = wanted;
    mapEl.dataset.state = 'loading';
    try {
      const style = await dayStyle(date);
      map.setStyle(style, { diff: true });
      shown = date;
      mapEl.dataset.date = date;
    } catch (e) {
      showError('Cannot load ' + date + ': ' + e.message);
    } finally {
      loading = false;
    }
    if (wanted !== shown) load();
    else map.once('idle', () => { if (shown === wanted && mapEl.dataset.state === 'loading') mapEl.dataset.state = 'idle'; });
  }

  function setDay(index) {
    const i = Math.max(0, Math.min(last, index));
    slider.value = String(i);
    wanted = config.days[i];
    dateOut.value = wanted;
    history.replaceState(null, '', '?date=' + wanted + location.hash);
    load();
  }

  let timer = null;
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.innerHTML = '&#9654;';
    playButton.setAttribute('aria-label', 'play');
  }
  function play() {
    if (Number(slider.value) >= last) setDay(0);
    timer = setInterval(() => {
      if (Number(slider.value) >= last) { stop(); return; }
      setDay(Number(slider.value) + 1);
    }, playDelayMs);
    playButton.innerHTML = '&#10073;&#10073;';
    playButton.setAttribute('aria-label', 'pause');
  }
  playButton.addEventListener('click', () => (timer === null ? play() : stop()));
  slider.addEventListener('input', () => { stop(); setDay(Number(slider.value)); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft') { stop(); setDay(Number(slider.value) - 1); }
    if (e.key === 'ArrowRight') { stop(); setDay(Number(slider.value) + 1); }
  });

  const requested = new URLSearchParams(location.search).get('date');
  const start = config.days.indexOf(requested);
  setDay(start >= 0 ? start : last);
  window.tilerViewer = { map: map, config: config, setDay: setDay };
})();
