#!/usr/bin/env python3
"""One-off provenance check of the baseline areas (sources/areas/*.geojson). Not used by the tool.

Only the ten baseline ids below are checked (areas/ also holds the later events' areas).
1. Format: FeatureCollection with one Feature, properties id (= file name), name, note; Polygon/MultiPolygon.
2. Validity with the standard library: closed rings, >= 4 points, no repeated vertices, no self-intersection
   (pairwise segment test), non-zero area, exterior counter-clockwise.
3. Point-in-polygon: towns that must / must not fall in each area (coordinates from the /work/shared gazetteers:
   Wikipedia module marks 2017 and GeoNames; a few estimated, marked 'est').
4. Overlaps between areas, sampled on a 0.02 degree grid inside the country.
5. If GDAL (ogr2ogr/ogrinfo with SpatiaLite) is installed: ST_IsValid, and the area in km2 after clipping to country.geojson.
Usage: python3 sources/derive/check_areas.py   (exit 1 on any failure)
"""
import json, os, sys, glob, math, subprocess, tempfile, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
AREAS = os.path.join(SRC, 'areas')
EXPECTED = ['idlib_pocket', 'sna_north', 'sna_peace_spring', 'sdf_northeast', 'sdf_manbij', 'sdf_kobani',
            'sdf_tell_rifaat', 'sdf_sheikh_maqsood', 'sfa_tanf', 'israel_golan']
fails = []
def fail(msg):
    fails.append(msg); print('FAIL', msg)

def polys(geom):
    return geom['coordinates'] if geom['type'] == 'MultiPolygon' else [geom['coordinates']]

def ring_area(r):
    return sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1] for i in range(len(r) - 1)) / 2

def seg_inter(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 1e-15) - (v < -1e-15)
    def on(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (o1 == 0 and on(p1, p2, p3)) or (o2 == 0 and on(p1, p2, p4)) or \
           (o3 == 0 and on(p3, p4, p1)) or (o4 == 0 and on(p3, p4, p2))

def check_ring(name, r, exterior):
    if len(r) < 4: fail(f'{name}: ring with {len(r)} points'); return
    if r[0] != r[-1]: fail(f'{name}: ring not closed')
    pts = r[:-1]
    if len(set(map(tuple, pts))) != len(pts): fail(f'{name}: repeated vertex')
    n = len(pts)
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        for j in range(i + 2, n):
            if i == 0 and j == n - 1: continue
            c, d = pts[j], pts[(j + 1) % n]
            if seg_inter(a, b, c, d):
                fail(f'{name}: self-intersection between edges {i} and {j} near {a}')
    A = ring_area(r)
    if A == 0: fail(f'{name}: zero area')
    if exterior and A < 0: fail(f'{name}: exterior ring is clockwise')

def pip_ring(x, y, r):
    inside = False
    for i in range(len(r) - 1):
        x1, y1 = r[i]; x2, y2 = r[i + 1]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside

def pip(lon, lat, geom):
    for p in polys(geom):
        if pip_ring(lon, lat, p[0]) and not any(pip_ring(lon, lat, h) for h in p[1:]):
            return True
    return False

# ---- load
geoms = {}
for k in EXPECTED:   # only the baseline areas (other files in areas/ belong to later events)
    path = os.path.join(AREAS, k + '.geojson')
    if not os.path.exists(path): continue
    d = json.load(open(path, encoding='utf-8'))
    if d.get('type') != 'FeatureCollection' or len(d.get('features', [])) != 1:
        fail(f'{k}: not a FeatureCollection with exactly one Feature'); continue
    f = d['features'][0]; pr = f.get('properties', {})
    if pr.get('id') != k: fail(f'{k}: properties.id = {pr.get("id")!r}')
    if not pr.get('name') or not pr.get('note'): fail(f'{k}: missing name/note')
    g = f['geometry']
    if g['type'] not in ('Polygon', 'MultiPolygon'): fail(f'{k}: geometry {g["type"]}'); continue
    for p in polys(g):
        for i, r in enumerate(p):
            check_ring(k, r, i == 0)
    geoms[k] = g
    print(f'{k:20s} {g["type"]:12s} vertices={sum(len(r) - 1 for p in polys(g) for r in p)}')
for k in EXPECTED:
    if k not in geoms: fail(f'missing area {k}')

# ---- towns: (name, lat, lon, expected area or None, source)
TOWNS = [
    ('Idlib', 35.9306, 36.6339, 'idlib_pocket', 'geonames'),
    ('Sarmada', 36.1781, 36.7214, 'idlib_pocket', 'est (GeoNames-style coordinate of the town centre)'),
    ('Atarib', 36.133, 36.817, 'idlib_pocket', 'module'),
    ('Darat Izza', 36.282, 36.851, 'idlib_pocket', 'module'),
    ('Ariha', 35.8137, 36.6096, 'idlib_pocket', 'geonames'),
    ('Jisr al-Shughur', 35.8142, 36.3198, 'idlib_pocket', 'geonames'),
    ('Harem', 36.2072, 36.5194, 'idlib_pocket', 'est'),
    ('Sarmin', 35.904, 36.725, 'idlib_pocket', 'geonames'),
    ('Taftanaz', 35.998, 36.786, 'idlib_pocket', 'geonames'),
    ('Kabani', 35.723, 36.235, 'idlib_pocket', 'module'),
    ('Kansafrah', 35.658, 36.484, 'idlib_pocket', 'module'),
    ('Bara (Jabal al-Zawiya)', 35.686, 36.543, 'idlib_pocket', 'module'),
    ('Saraqib', 35.8645, 36.8059, None, 'geonames'),
    ('Nayrab (Idlib)', 35.87, 36.718, None, 'module'),
    ('Dadikh', 35.801, 36.733, None, 'module'),
    ('Kafr Battikh', 35.782, 36.723, None, 'module'),
    ('Urum al-Kubra', 36.1478, 36.944, None, 'module'),
    ('Urum al-Sughra', 36.117, 36.907, None, 'module'),
    ('Anjara', 36.218, 36.947, None, 'module'),
    ('Kafr Basin', 36.271, 37.001, None, 'module'),
    ('Hawr', 36.229, 36.975, None, 'module'),
    ('Basratoun', 36.202, 36.911, None, 'module'),
    ('Qubtan al-Jabal', 36.255, 36.95, None, 'module'),
    ('Sheikh Aqil', 36.311, 36.9405, None, 'module'),
    ('46th Regiment base', 36.125, 36.889, None, 'module'),
    ('Arnaz', 36.099, 36.896, None, 'module'),
    ('Sheikh Ali (W Aleppo)', 36.0975, 36.915, None, 'module'),
    ('Al-Zarba', 36.0677, 36.9801, None, 'geonames'),
    ('Khan Shaykhun', 35.4417, 36.6508, None, 'est'),
    ('Kafranbel', 35.6138, 36.5645, None, 'geonames'),
    ('Maarat al-Numan', 35.6484, 36.6738, None, 'est'),
    ('Hass', 35.616, 36.591, None, 'module'),
    ('Qalaat al-Madiq', 35.4147, 36.3909, None, 'geonames'),
    ('Kinsabba', 35.744, 36.17, None, 'module'),
    ('Afrin', 36.5119, 36.8697, 'sna_north', 'est (GeoNames-style)'),
    ('Jindires', 36.3939, 36.6894, 'sna_north', 'est'),
    ('Azaz', 36.5866, 37.0463, 'sna_north', 'geonames'),
    ("Mare'", 36.483, 37.196, 'sna_north', 'module'),
    ('al-Rai', 36.6767, 37.4361, 'sna_north', 'est'),
    ('Dabiq', 36.538, 37.269, 'sna_north', 'module'),
    ('al-Bab', 36.3705, 37.5157, 'sna_north', 'geonames'),
    ('Qabasin', 36.434, 37.566, 'sna_north', 'module'),
    ('Jarabulus', 36.8175, 38.0111, 'sna_north', 'geonames'),
    ('Tell Rifaat', 36.473, 37.097, 'sdf_tell_rifaat', 'module'),
    ('Shaykh Issa', 36.479, 37.146, 'sdf_tell_rifaat', 'module'),
    ('Kafr Naya', 36.421, 37.075, 'sdf_tell_rifaat', 'module'),
    ('Ahras', 36.40, 37.144, 'sdf_tell_rifaat', 'module'),
    ('Menagh airbase', 36.521, 37.041, 'sdf_tell_rifaat', 'module'),
    ('Nubl', 36.375, 36.994, None, 'module'),
    ('al-Zahraa', 36.359, 37.011, None, 'module'),
    ('Mayer', 36.386, 37.025, None, 'module'),
    ('Kiffin', 36.413, 37.045, None, 'module'),
    ('Tell Jibbin', 36.356, 37.143, None, 'module'),
    ('Tadef', 36.3481, 37.5309, None, 'geonames'),
    ('Deir Hafer', 36.157, 37.708, None, 'est'),
    ('al-Khafsah', 36.2311, 38.0217, None, 'geonames'),
    ('Maskanah', 35.9658, 38.0417, None, 'geonames'),
    ('Dibsi Faraj', 35.9162, 38.23, None, 'module'),
    ('Dibsi Afnan', 35.818, 38.217, None, 'module'),
    ('Manbij', 36.5282, 37.955, 'sdf_manbij', 'geonames'),
    ('Arima', 36.473, 37.721, 'sdf_manbij', 'geonames'),
    ('Tishrin (village)', 36.39, 38.15, 'sdf_manbij', 'module'),
    ('Kobani', 36.891, 38.3535, 'sdf_kobani', 'geonames'),
    ('Sarrin', 36.587, 38.30, 'sdf_kobani', 'module'),
    ('Shuyukh Tahtani', 36.7506, 38.0768, 'sdf_kobani', 'geonames'),
    ('Tell Abyad', 36.6965, 38.9538, 'sna_peace_spring', 'geonames'),
    ('Ras al-Ayn', 36.8503, 40.0706, 'sna_peace_spring', 'geonames'),
    ('Suluk', 36.596, 39.13, 'sna_peace_spring', 'geonames'),
    ('Ain Issa', 36.385, 38.862, 'sdf_northeast', 'module'),
    ('Tell Tamr', 36.6497, 40.3708, 'sdf_northeast', 'est'),
    ('Raqqa', 35.9528, 39.0079, 'sdf_northeast', 'geonames'),
    ('Tabqa (al-Thawrah)', 35.8376, 38.5483, 'sdf_northeast', 'geonames'),
    ('Tabqa airbase', 35.755, 38.567, 'sdf_northeast', 'module'),
    ('Mansurah (Raqqa)', 35.8392, 38.7429, 'sdf_northeast', 'geonames'),
    ('Hasakah', 36.5024, 40.7477, 'sdf_northeast', 'geonames'),
    ('Qamishli', 37.0522, 41.2317, 'sdf_northeast', 'est'),
    ('Busayrah', 35.1562, 40.4272, 'sdf_northeast', 'geonames'),
    ('Dhiban', 35.015, 40.5103, 'sdf_northeast', 'geonames'),
    ('Hajin', 34.6951, 40.8314, 'sdf_northeast', 'geonames'),
    ('Conoco gas plant', 35.334, 40.306, 'sdf_northeast', 'module'),
    ('al-Susah', 34.5337, 40.9582, 'sdf_northeast', 'geonames'),
    ('Sabkhah', 35.8118, 39.2627, None, 'geonames'),
    ('Maadan', 35.7552, 39.5984, None, 'geonames'),
    ('Hatla (east-bank govt pocket)', 35.306, 40.242, None, 'module'),
    ('Deir ez-Zor', 35.3359, 40.1408, None, 'geonames'),
    ('Deir ez-Zor airport', 35.284, 40.1757, None, 'module'),
    ('Muhasan', 35.2335, 40.3166, None, 'geonames'),
    ('Mayadin', 35.0198, 40.4515, None, 'geonames'),
    ('al-Asharah', 34.9213, 40.5601, None, 'geonames'),
    ('Abu Kamal', 34.4523, 40.9185, None, 'geonames'),
    ('Palmyra', 34.5601, 38.2805, None, 'est'),
    ('Aleppo citadel', 36.1993, 37.1627, None, 'est'),
    ('Sheikh Maqsood', 36.228, 37.152, 'sdf_sheikh_maqsood', 'est'),
    ('al-Tanf garrison', 33.4949, 38.653, 'sfa_tanf', 'brief / est'),
    ('al-Tanf crossing', 33.437, 38.895, 'sfa_tanf', 'module'),
    ('Damascus', 33.5102, 36.2913, None, 'est'),
    ('Quneitra', 33.1259, 35.8246, None, 'geonames'),
    ('Khan Arnabah', 33.1838, 35.8916, None, 'geonames'),
    ('Jubata al-Khashab', 33.225, 35.833, None, 'module'),
    ('Majdal Shams', 33.2689, 35.7697, 'israel_golan', 'est'),
    ("Mas'ade", 33.232, 35.7557, 'israel_golan', 'geonames'),
    ("Buq'ata", 33.2011, 35.7792, 'israel_golan', 'geonames'),
    ('Katzrin', 32.9926, 35.6912, 'israel_golan', 'est'),
    ('Ein Zivan', 33.1036, 35.7886, 'israel_golan', 'est'),
    ('Ramat Magshimim', 32.8494, 35.8078, 'israel_golan', 'est'),
    ('al-Rafid', 32.956, 35.90, None, 'module'),
]
print('\nTown checks:')
for name, lat, lon, want, src in TOWNS:
    got = [k for k, g in geoms.items() if pip(lon, lat, g)]
    ok = (got == [want]) if want else (got == [])
    print(f'  {"ok " if ok else "BAD"} {name:32s} want={want or "-":20s} got={",".join(got) or "-"}')
    if not ok: fail(f'town {name}: expected {want}, got {got}')

# ---- overlaps, sampled inside the country
country = json.load(open(os.path.join(SRC, 'country.geojson')))['features'][0]['geometry']
print('\nOverlap sampling (0.02 deg grid):')
bbox = {k: (min(x for p in polys(g) for x, y in p[0]), max(x for p in polys(g) for x, y in p[0]),
            min(y for p in polys(g) for x, y in p[0]), max(y for p in polys(g) for x, y in p[0])) for k, g in geoms.items()}
over = {}
lat = 32.3
while lat < 37.4:
    lon = 35.6
    while lon < 42.5:
        hits = [k for k, (a, b, c, d) in bbox.items() if a <= lon <= b and c <= lat <= d and pip(lon, lat, geoms[k])]
        if len(hits) > 1 and pip(lon, lat, country):
            over[tuple(hits)] = over.get(tuple(hits), 0) + 1
        lon += 0.02
    lat += 0.02
if over:
    for k, v in over.items(): fail(f'overlap {k}: {v} sample points')
else:
    print('  no overlapping sample points')

# ---- GDAL checks
if shutil.which('ogr2ogr') and shutil.which('ogrinfo'):
    print('\nGDAL/SpatiaLite: validity and km2 inside the country (ellipsoidal area):')
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, 'a.sqlite')
    subprocess.run(['ogr2ogr', '-f', 'SQLite', '-dsco', 'SPATIALITE=YES', db, os.path.join(SRC, 'country.geojson'),
                    '-nln', 'country'], check=True)
    for k in geoms:
        subprocess.run(['ogr2ogr', '-append', '-f', 'SQLite', db, os.path.join(AREAS, k + '.geojson'), '-nln', 'areas',
                        '-nlt', 'PROMOTE_TO_MULTI'], check=True)
    sql = ('select a.id as id, st_isvalid(a.geometry) as valid, st_area(a.geometry, 1)/1e6 as total_km2, '
           'st_area(st_intersection(a.geometry, c.geometry), 1)/1e6 as in_km2 from areas a, country c')
    out = subprocess.run(['ogrinfo', '-q', db, '-sql', sql], capture_output=True, text=True).stdout
    cur = {}
    for line in out.splitlines():
        line = line.strip()
        if '=' in line:
            key, val = line.split('=', 1); cur[key.split('(')[0].strip()] = val.strip()
            if key.startswith('in_km2'):
                valid = cur.get('valid')
                print(f'  {cur.get("id"):20s} valid={valid} total={float(cur.get("total_km2")):10.0f} km2  in country={float(val):10.0f} km2')
                if valid != '1': fail(f'{cur.get("id")}: ST_IsValid = {valid}')
                cur = {}
    shutil.rmtree(tmp)

print('\n%d failure(s)' % len(fails))
sys.exit(1 if fails else 0)
