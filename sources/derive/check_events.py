#!/usr/bin/env python3
"""Check sources/events.csv and the adv_* areas it uses (Python 3 stdlib; GDAL's ogrinfo if present).

    python3 sources/derive/check_events.py [--sources DIR] [--events FILE]

Checks
  1. CSV shape: header `date,seq,target,faction,from,quote,note`, no missing/extra columns, dates 2024-11-26 (baseline)..2024-12-09,
     seq a positive integer unique within its date, rows sorted by (date, seq).
  2. faction / from are faction ids of styles/factions.json (from may be empty; from != faction).
  3. quote is a verbatim substring of the seed (whitespace collapsed); note is not empty.
  4. targets resolve: place:<id|name|alias> in places.csv, area:<id> in areas/, governorate:<NAME_EN|PCODE>, country.
     Baseline areas written by others (sdf_tell_rifaat, sdf_manbij, ...) only warn when missing.
  5. areas/adv_*.geojson: FeatureCollection with exactly one Feature, properties id (= file stem), name, note, a
     Polygon/MultiPolygon with closed rings of >= 4 lon/lat points; validity (and km2) with `ogrinfo -dialect sqlite`
     if GDAL is installed; every adv_ area is used by an event and every area event's file exists.
  6. Spot checks by point simulation: a place target covers a point when that place is the point's nearest place
     (its Voronoi cell, planar lon/lat as GEOS computes it); areas/governorates by point-in-polygon. The baseline comes
     from the day-0 rows of events.csv if present, else from the baseline area files present (brief's factions).
     Checks that need a missing baseline area are reported as SKIP.
Exit status 1 if any check fails (warnings and SKIPs do not fail).
"""
import argparse, csv, glob, json, os, re, shutil, subprocess, sys

HEADER = ['date', 'seq', 'target', 'faction', 'from', 'quote', 'note']
FIRST, LAST = '2024-11-26', '2024-12-09'  # the baseline day, then the offensive
BASELINE_FACTION = {  # baseline areas (written by others) and their 2024-11-26 controller, as in the brief
    'idlib_pocket': 'hts', 'sna_north': 'sna', 'sna_peace_spring': 'sna', 'sdf_northeast': 'sdf', 'sdf_manbij': 'sdf',
    'sdf_kobani': 'sdf', 'sdf_tell_rifaat': 'sdf', 'sdf_sheikh_maqsood': 'sdf', 'sfa_tanf': 'sfa', 'israel_golan': 'israel'}

# (date, place id, expected faction, or '!government' for "anything but government")
SPOT = [
    ('2024-11-28', 'aleppo-citadel', 'government'), ('2024-11-29', 'aleppo-citadel', 'government'),
    ('2024-11-30', 'aleppo-citadel', 'hts'),
    ('2024-11-29', 'al-hamdaniya', 'hts'), ('2024-11-29', 'aleppo', 'government'),
    ('2024-11-29', 'aleppo-international-airport', 'government'), ('2024-11-30', 'aleppo-international-airport', 'hts'),
    ('2024-11-30', 'aleppo-military-academy', 'government'), ('2024-12-01', 'aleppo-military-academy', 'hts'),
    ('2024-11-30', 'aleppo-artillery-college', 'government'), ('2024-12-01', 'aleppo-artillery-college', 'hts'),
    ('2024-11-30', 'aleppo-thermal-power-plant', 'government'), ('2024-12-01', 'aleppo-thermal-power-plant', 'hts'),
    ('2024-11-30', 'sheikh-najjar', 'sdf'), ('2024-12-01', 'sheikh-najjar', 'sdf'),
    ('2024-11-30', 'nubbul', 'sdf'), ('2024-11-30', 'al-zahraa', 'sdf'), ('2024-11-30', 'tell-aran', 'sdf'),
    ('2024-11-30', 'tell-hasel', 'sdf'), ('2024-11-30', 'dayr-hafir', 'sdf'), ('2024-11-30', 'tadef', 'sna'),
    ('2024-11-30', 'as-safirah', 'government'), ('2024-12-01', 'as-safirah', 'sna'), ('2024-12-01', 'khanasir', 'sna'),
    ('2024-12-01', 'kuweires-airbase', 'sna'),
    ('2024-11-30', 'tell-rifaat', 'sdf'), ('2024-12-01', 'tell-rifaat', 'sna'),
    ('2024-11-29', 'khan-shaykhun', 'government'), ('2024-11-29', 'kafranbel', 'government'),
    ('2024-11-29', 'maarat-al-numan', 'hts'), ('2024-11-29', 'saraqib', 'hts'), ('2024-11-30', 'khan-shaykhun', 'hts'),
    ('2024-11-27', 'urm-al-kubra', 'hts'), ('2024-11-28', 'al-zarba', 'hts'),
    ('2024-12-02', 'soran', 'government'), ('2024-12-03', 'soran', 'hts'), ('2024-12-03', 'kafr-a', 'hts'),
    ('2024-12-04', 'kafr-a', 'government'), ('2024-12-04', 'maar-shuhur', 'government'),
    ('2024-12-04', 'jabal-zayn-al-abidin', 'government'), ('2024-12-04', 'khitab', 'hts'),
    ('2024-12-04', 'hama', 'government'), ('2024-12-05', 'hama', 'hts'), ('2024-12-05', 'kafr-a', 'hts'),
    ('2024-12-05', 'salamiyah', 'hts'), ('2024-12-05', 'al-rastan', 'government'), ('2024-12-06', 'al-rastan', 'hts'),
    ('2024-12-07', 'qalaat-al-madiq', 'government'), ('2024-12-07', 'homs', 'government'), ('2024-12-08', 'homs', 'hts'),
    ('2024-12-05', 'deir-ez-zor', 'government'), ('2024-12-06', 'deir-ez-zor', 'sdf'), ('2024-12-06', 'abu-kamal', 'sdf'),
    ('2024-12-06', 'palmyra', 'sfa'), ('2024-12-06', 'suwayda', 'southern'), ('2024-12-06', 'daraa', 'southern'),
    ('2024-12-06', 'ghabaghib', 'government'), ('2024-12-07', 'ghabaghib', 'southern'),
    ('2024-12-06', 'quneitra', 'government'), ('2024-12-07', 'quneitra', 'southern'),
    ('2024-12-07', 'darayya', 'southern'), ('2024-12-07', 'yabroud', 'southern'), ('2024-12-07', 'damascus', 'government'),
    ('2024-12-07', 'mezzeh-air-base', 'government'),
    ('2024-12-08', 'damascus', 'southern'), ('2024-12-08', 'barzeh', 'southern'), ('2024-12-08', 'latakia', 'hts'),
    ('2024-12-08', 'tartus', 'hts'), ('2024-12-08', 'khmeimim-air-base', 'hts'), ('2024-12-08', 'masyaf', '!government'),
    ('2024-12-08', 'maskanah', '!government'), ('2024-12-08', 'qusayr', '!government'),
    ('2024-12-08', 'manbij', 'sdf'), ('2024-12-09', 'manbij', 'sna'), ('2024-12-09', 'kobani', 'sdf'),
    ('2024-12-09', 'idlib', 'hts'),
]


def collapse(s):
    return re.sub(r'\s+', ' ', s).strip()


# ------------------------------------------------------------------ geometry (stdlib)
def ring_contains(ring, x, y):
    inside = False
    n = len(ring)
    for i in range(n - 1):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[i + 1][0], ring[i + 1][1]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def geom_contains(geom, x, y):
    polys = [geom['coordinates']] if geom['type'] == 'Polygon' else geom['coordinates']
    for p in polys:
        if ring_contains(p[0], x, y) and not any(ring_contains(h, x, y) for h in p[1:]):
            return True
    return False


def seg_intersect(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 1e-15) - (v < -1e-15)
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 * o2 < 0 and o3 * o4 < 0


def simple_ring_ok(ring):
    """Proper self-intersection test, O(n^2): only for small hand-drawn rings."""
    n = len(ring) - 1
    if n > 400:
        return True
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            if seg_intersect(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                return False
    return True


def km2_approx(geom):
    import math
    def ring_area(r):
        lat0 = sum(p[1] for p in r) / len(r)
        k = 111.32 * 111.32 * math.cos(math.radians(lat0))
        s = 0.0
        for (x1, y1), (x2, y2) in zip(r, r[1:]):
            s += x1 * y2 - x2 * y1
        return abs(s) / 2 * k
    polys = [geom['coordinates']] if geom['type'] == 'Polygon' else geom['coordinates']
    return sum(ring_area(p[0]) - sum(ring_area(h) for h in p[1:]) for p in polys)


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--sources', default=here)
    ap.add_argument('--events', default=None)
    ap.add_argument('--styles', default=None)
    a = ap.parse_args()
    src = a.sources
    events_path = a.events or os.path.join(src, 'events.csv')
    styles = a.styles or os.path.join(os.path.dirname(src), 'styles')
    errors, warnings = [], []

    def err(m):
        errors.append(m)

    def warn(m):
        warnings.append(m)

    factions = [f['id'] for f in json.load(open(os.path.join(styles, 'factions.json')))['factions']]
    seed = collapse(open(os.path.join(src, 'seed', '2024-syrian-opposition-offensives.txt'), encoding='utf-8').read())

    places, lookup = {}, {}
    for r in csv.DictReader(open(os.path.join(src, 'places.csv'), encoding='utf-8')):
        pt = (float(r['lon']), float(r['lat']))
        places[r['id']] = pt
        for k in [r['id'], r['name']] + [x for x in r['aliases'].split('|') if x]:
            lookup.setdefault(k, set()).add(r['id'])
    lookup_ci = {}
    for k, v in lookup.items():
        lookup_ci.setdefault(k.lower(), set()).update(v)

    govs = {}
    for f in json.load(open(os.path.join(src, 'governorates.geojson'), encoding='utf-8'))['features']:
        govs[f['properties']['name']] = f['geometry']
        govs[f['properties']['id']] = f['geometry']
    country = json.load(open(os.path.join(src, 'country.geojson'), encoding='utf-8'))['features'][0]['geometry']

    areas = {}
    for p in sorted(glob.glob(os.path.join(src, 'areas', '*.geojson'))):
        stem = os.path.basename(p)[:-8]
        try:
            fc = json.load(open(p, encoding='utf-8'))
        except Exception as e:
            err(f'{p}: not JSON: {e}')
            continue
        feats = fc.get('features') or []
        if fc.get('type') != 'FeatureCollection' or len(feats) != 1:
            err(f'{p}: must be a FeatureCollection with exactly one Feature')
            continue
        areas[stem] = feats[0]

    # ---------------------------------------------------------------- 1-4 the CSV
    rows = []
    with open(events_path, newline='', encoding='utf-8') as f:
        rd = csv.reader(f)
        header = next(rd)
        if header != HEADER:
            err(f'{events_path}:1: header {header} != {HEADER}')
        for ln, rec in enumerate(rd, start=2):
            if len(rec) != len(HEADER):
                err(f'{events_path}:{ln}: {len(rec)} columns, want {len(HEADER)}')
                continue
            rows.append((ln, dict(zip(HEADER, rec))))
    seen, prev = set(), None
    used_areas = set()
    for ln, r in rows:
        where = f'{events_path}:{ln}'
        if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', r['date']) or not (FIRST <= r['date'] <= LAST):
            err(f'{where}: date {r["date"]!r} outside {FIRST}..{LAST}')
        if not re.fullmatch(r'[1-9]\d*', r['seq']):
            err(f'{where}: seq {r["seq"]!r} is not a positive integer')
            continue
        key = (r['date'], int(r['seq']))
        if key in seen:
            err(f'{where}: duplicate (date, seq) {key}')
        seen.add(key)
        if prev and key < prev:
            err(f'{where}: rows not sorted by (date, seq)')
        prev = key
        if r['faction'] not in factions:
            err(f'{where}: unknown faction {r["faction"]!r}')
        if r['from'] and r['from'] not in factions:
            err(f'{where}: unknown from faction {r["from"]!r}')
        if r['from'] == r['faction']:
            err(f'{where}: from == faction')
        q = collapse(r['quote'])
        if not q:
            err(f'{where}: empty quote')
        elif q not in seed:
            err(f'{where}: quote is not a verbatim substring of the seed: {q[:80]!r}...')
        if not r['note'].strip():
            err(f'{where}: empty note')
        t = r['target']
        if t == 'country':
            pass
        elif t.startswith('place:'):
            name = t[6:]
            if name not in lookup:
                hint = lookup_ci.get(name.lower())
                err(f'{where}: unknown place {name!r}' + (f' (case differs: {sorted(hint)})' if hint else ''))
            elif len(lookup[name]) > 1:
                pts = {places[i] for i in lookup[name]}
                if len(pts) > 1:
                    err(f'{where}: place {name!r} is ambiguous: {sorted(lookup[name])}')
        elif t.startswith('area:'):
            aid = t[5:]
            used_areas.add(aid)
            if aid not in areas:
                if aid in BASELINE_FACTION:
                    warn(f'{where}: baseline area {aid!r} not (yet) in areas/ (written by others)')
                else:
                    err(f'{where}: unknown area {aid!r}')
        elif t.startswith('governorate:'):
            if t[12:] not in govs:
                err(f'{where}: unknown governorate {t[12:]!r}')
        else:
            err(f'{where}: bad target {t!r}')

    # ---------------------------------------------------------------- 5 the adv_ areas
    ogr = shutil.which('ogrinfo')
    area_report = []
    for stem, feat in sorted(areas.items()):
        if not stem.startswith('adv_'):
            continue
        p = os.path.join(src, 'areas', stem + '.geojson')
        props = feat.get('properties') or {}
        if props.get('id') != stem:
            err(f'{p}: properties.id {props.get("id")!r} != file stem')
        for k in ('name', 'note'):
            if not str(props.get(k) or '').strip():
                err(f'{p}: properties.{k} missing')
        g = feat.get('geometry') or {}
        if g.get('type') not in ('Polygon', 'MultiPolygon'):
            err(f'{p}: geometry must be Polygon or MultiPolygon, is {g.get("type")}')
            continue
        polys = [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
        for poly in polys:
            for ring in poly:
                if len(ring) < 4 or ring[0] != ring[-1]:
                    err(f'{p}: ring not closed or < 4 points')
                if any(not (-180 <= x <= 180 and -90 <= y <= 90) for x, y, *_ in ring):
                    err(f'{p}: coordinate out of lon/lat range')
                if not (34 < ring[0][0] < 43.5 and 31.5 < ring[0][1] < 38):
                    warn(f'{p}: ring far from Syria?')
                if not simple_ring_ok(ring):
                    err(f'{p}: ring self-intersects')
        km2 = None
        if ogr:
            out = subprocess.run([ogr, '-ro', '-q', '-dialect', 'sqlite', '-sql',
                                  f'SELECT st_isvalid(geometry) AS v, st_isvalidreason(geometry) AS r, '
                                  f'st_area(SetSRID(geometry, 4326), 1) / 1e6 AS km2 FROM "{stem}"', p],
                                 capture_output=True, text=True)
            mv = re.search(r'v \(Integer\) = (\d)', out.stdout)
            mr = re.search(r'r \(String\) = (.*)', out.stdout)
            mk = re.search(r'km2 \(Real\) = ([0-9.eE+-]+)', out.stdout)
            if not mv:
                warn(f'{p}: ogrinfo gave no validity answer: {out.stderr.strip()[:200]}')
            elif mv.group(1) != '1':
                err(f'{p}: invalid geometry: {mr.group(1) if mr else "?"}')
            if mk:
                km2 = float(mk.group(1))
        if km2 is None:
            km2 = km2_approx(g)
        area_report.append((stem, km2))
        if stem not in used_areas:
            err(f'{p}: adv_ area not used by any event')

    # ---------------------------------------------------------------- 6 spot checks
    pts = list(places.items())

    def nearest(x, y):
        best, bd = set(), None
        for pid, (px, py) in pts:
            d = (px - x) ** 2 + (py - y) ** 2
            if bd is None or d < bd - 1e-18:
                best, bd = {pid}, d
            elif abs(d - bd) <= 1e-18:
                best.add(pid)
        return best

    base_rows = []
    full = os.path.join(src, 'events.csv')
    if os.path.exists(full):
        with open(full, newline='', encoding='utf-8') as f:
            allr = list(csv.DictReader(f))
        if allr:
            d0 = min(r['date'] for r in allr)
            base_rows = [r for r in allr if r['date'] == d0 and d0 < FIRST]
    if not base_rows:
        base_rows = [{'target': 'area:' + aid, 'faction': fac, 'from': ''}
                     for aid, fac in BASELINE_FACTION.items() if aid in areas]
    base_ids = {r['target'][5:] for r in base_rows if r['target'].startswith('area:')}

    def covers(target, x, y, near):
        if not geom_contains(country, x, y):
            return False
        if target == 'country':
            return True
        if target.startswith('place:'):
            ids = lookup.get(target[6:], set())
            return bool(ids & near) or any(places[i] in {places[n] for n in near} for i in ids)
        if target.startswith('area:'):
            f = areas.get(target[5:])
            return bool(f) and geom_contains(f['geometry'], x, y)
        if target.startswith('governorate:'):
            gg = govs.get(target[12:])
            return bool(gg) and geom_contains(gg, x, y)
        return False

    ordered = sorted(((r['date'], int(r['seq']), r) for _, r in rows), key=lambda t: (t[0], t[1]))
    n_ok = n_fail = n_skip = 0
    for date, pid, want in SPOT:
        if pid not in places:
            warn(f'spot {pid}: not in places.csv')
            continue
        x, y = places[pid]
        near = nearest(x, y)
        state = 'government'
        for r in base_rows:
            if covers(r['target'], x, y, near) and (not r.get('from') or r['from'] == state):
                state = r['faction']
        needs = set()
        for d, s, r in ordered:
            if d > date:
                break
            if r['target'].startswith('area:') and r['target'][5:] in BASELINE_FACTION and r['target'][5:] not in areas:
                needs.add(r['target'][5:])
            if covers(r['target'], x, y, near) and (not r['from'] or r['from'] == state):
                state = r['faction']
        ok = (state != 'government') if want == '!government' else (state == want)
        # checks whose answer depends on a baseline area that is not there yet
        dep = {'tell-rifaat': 'sdf_tell_rifaat', 'manbij': 'sdf_manbij', 'kobani': 'sdf_kobani',
               'idlib': 'idlib_pocket'}.get(pid)
        if not ok and ((dep and dep not in base_ids) or needs):
            n_skip += 1
            print(f'SKIP {date} {pid}: {state} (want {want}; baseline area {dep or sorted(needs)} missing)')
        elif ok:
            n_ok += 1
        else:
            n_fail += 1
            err(f'spot check {date} {pid}: {state}, want {want}')

    # ---------------------------------------------------------------- report
    per_day = {}
    for _, r in rows:
        per_day[r['date']] = per_day.get(r['date'], 0) + 1
    print('rows per day:', ', '.join(f'{d} {n}' for d, n in sorted(per_day.items())), f'(total {len(rows)})')
    for stem, km2 in area_report:
        print(f'area {stem}: {km2:,.0f} km2')
    print(f'spot checks: {n_ok} ok, {n_fail} failed, {n_skip} skipped')
    for w in warnings:
        print('WARNING', w)
    for e in errors:
        print('ERROR', e)
    print('OK' if not errors else f'{len(errors)} error(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
