#!/usr/bin/env python3
"""Generate the adv_* advance areas for sources/areas/ (stdlib + GDAL's ogr2ogr for the few
'governorate minus pocket' differences). Rings are (lon, lat).

Edges that must meet a neighbouring area share its vertices or run into it (an overlap is harmless: every
advance is applied with from=government). Edges that must meet a place's territory use the vertices of
its Voronoi cell, computed here from places.csv as the tool computes it (cell_ring). Otherwise the edge
leaves a strip of the previous owner, which `tiler check` reports as a likely sliver."""
import csv, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'areas')
WORK = tempfile.mkdtemp(prefix='make_adv_')
BASE = os.path.join(WORK, 'base.gpkg')   # the governorates as layer `gov`, for SpatiaLite differences
subprocess.run(['ogr2ogr', '-f', 'GPKG', BASE, os.path.join(HERE, '..', 'governorates.geojson'), '-nln', 'gov'],
               check=True)


def closed(r):
    r = [list(p) for p in r]
    if r[0] != r[-1]:
        r.append(list(r[0]))
    return r


def area2(r):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
        s += x1 * y2 - x2 * y1
    return s / 2


def ccw(r, want_ccw=True):
    r = list(r)
    if (area2(r) > 0) != want_ccw:
        r.reverse()
    return r


def poly(shell, holes=()):
    return {'type': 'Polygon', 'coordinates': [closed(ccw(shell, True))] + [closed(ccw(h, False)) for h in holes]}


def write(aid, name, note, geom):
    fc = {'type': 'FeatureCollection', 'features': [{'type': 'Feature',
          'properties': {'id': aid, 'name': name, 'note': note}, 'geometry': geom}]}
    with open(os.path.join(OUT, aid + '.geojson'), 'w') as f:
        json.dump(fc, f, ensure_ascii=False)
        f.write('\n')


def gov_minus(gov, ring):
    """Governorate `gov` minus polygon `ring` (computed by SpatiaLite through ogr2ogr)."""
    wkt = 'POLYGON((' + ','.join(f'{x} {y}' for x, y in closed(ring)) + '))'
    out = os.path.join(WORK, 'diff.geojson')
    if os.path.exists(out):
        os.remove(out)
    g = gov.replace("'", "''")
    sql = f"SELECT ST_Difference(geom, GeomFromText('{wkt}')) AS geom FROM gov WHERE name = '{g}'"
    subprocess.run(['ogr2ogr', '-f', 'GeoJSON', out, BASE,
                    '-dialect', 'sqlite', '-sql', sql], check=True)
    return json.load(open(out))['features'][0]['geometry']


def box_minus_gov(ring, gov):
    """Polygon `ring` minus governorate `gov`."""
    wkt = 'POLYGON((' + ','.join(f'{x} {y}' for x, y in closed(ring)) + '))'
    out = os.path.join(WORK, 'diff.geojson')
    if os.path.exists(out):
        os.remove(out)
    g = gov.replace("'", "''")
    sql = f"SELECT ST_Difference(GeomFromText('{wkt}'), geom) AS geom FROM gov WHERE name = '{g}'"
    subprocess.run(['ogr2ogr', '-f', 'GeoJSON', out, BASE,
                    '-dialect', 'sqlite', '-sql', sql], check=True)
    return json.load(open(out))['features'][0]['geometry']


def place_sites():
    """The distinct Voronoi sites of places.csv on the tool's 1e-6 degree grid: {(lon, lat): [ids]}, {id: site}."""
    sites, site_of = {}, {}
    with open(os.path.join(HERE, '..', 'places.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            key = (round(float(r['lon']) * 1e6), round(float(r['lat']) * 1e6))
            sites.setdefault(key, []).append(r['id'])
            site_of[r['id']] = key
    return sites, site_of


def clip_half_plane(ring, a, b, c):
    """The part of the convex ring (open, (lon, lat)) where a*lon + b*lat <= c (Sutherland-Hodgman)."""
    out = []
    for p, q in zip(ring, ring[1:] + ring[:1]):
        fp, fq = a * p[0] + b * p[1] - c, a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def cell_ring(place_id, reach=0.5):
    """The Voronoi cell of a place among all places.csv sites (planar lon/lat, as GEOS computes it for the
    tool), its vertices rounded to the tool's 1e-6 degree grid, so an edge drawn on them coincides with the
    cell's edge in the tool. Counter-clockwise, open. Only for cells well inside the country (not clipped)
    and smaller than `reach` degrees."""
    sites, site_of = place_sites()
    sx, sy = (v * 1e-6 for v in site_of[place_id])
    ring = [(sx - reach, sy - reach), (sx + reach, sy - reach), (sx + reach, sy + reach), (sx - reach, sy + reach)]
    for kx, ky in sorted(sites):
        tx, ty = kx * 1e-6, ky * 1e-6
        if (tx, ty) == (sx, sy) or abs(tx - sx) > 2 * reach or abs(ty - sy) > 2 * reach:
            continue
        # |x - s|^2 <= |x - t|^2  <=>  2 (t - s) . x <= |t|^2 - |s|^2
        ring = clip_half_plane(ring, 2 * (tx - sx), 2 * (ty - sy), tx * tx + ty * ty - sx * sx - sy * sy)
    if any(abs(x - sx) >= reach or abs(y - sy) >= reach for x, y in ring):
        sys.exit(f'cell_ring: the cell of {place_id} reaches the {reach} degree frame')
    out = []
    for x, y in ring:
        p = (round(x, 6), round(y, 6))
        if not out or out[-1] != p:
            out.append(p)
    return out[:-1] if out[0] == out[-1] else out


def merge_rings(a, b):
    """The outline of two convex rings (open, counter-clockwise) that share exactly one edge."""
    for i in range(len(a)):
        p, q = a[i], a[(i + 1) % len(a)]
        for j in range(len(b)):
            if b[j] == q and b[(j + 1) % len(b)] == p:
                # a from q round to p, then b from p round to q (both without the shared edge)
                return [a[(i + 1 + k) % len(a)] for k in range(len(a))] + \
                       [b[(j + 2 + k) % len(b)] for k in range(len(b) - 2)]
    sys.exit('merge_rings: the rings share no edge')


# Kept OUT of the 29-30 Nov Aleppo polygons because the seed has HTS take them only on 1 Dec: the Voronoi
# cells of the Military Academy and the Artillery College (they share an edge, so one hole).
SCHOOLS = merge_rings(cell_ring('aleppo-military-academy'), cell_ring('aleppo-artillery-college'))


# The 29 Nov line runs along the west side of the Academy's cell (its vertices west of 37.10E, north to
# south) instead of cutting through it.
ACADEMY_WEST = sorted((p for p in cell_ring('aleppo-military-academy') if p[0] < 37.10), key=lambda p: -p[1])


AREAS = []

def area(aid, name, note, geom):
    AREAS.append((aid, name, note, geom))

# ---------------------------------------------------------------- 27 Nov
area('adv_aleppo_west_20241127', 'Western Aleppo countryside, first day (27 Nov)',
     "Renders 'During the first ten hours of the offensive, HTS captured 20 towns and villages' (27 Nov). A tight hull "
     "around the named villages as places.csv has them (Urum al-Sughra and the 46th regiment base in the south-west, "
     "al-Hawtah, Awijil and Kafr Basin in the east, Sheikh Aqil and Hayr Darkal in the north), so the unnamed 3 of the 20 "
     "and the fields between the named ones go with them. West edge runs into the rebel-held Atarib-Darat Izza front "
     "(applied with from=government, so the Idlib pocket is untouched). The north-west corner is carried to 36.865E "
     "36.33N, just inside the Idlib pocket where it meets the SDF Tell Rifaat pocket, so that no strip of government "
     "land is left between the hull and the two baseline zones (the overlap with them changes nothing). Approximate "
     "to +-3 km.",
     poly([(36.865, 36.105), (36.975, 36.110), (37.025, 36.170), (37.025, 36.300), (36.955, 36.330),
           (36.865, 36.330), (36.860, 36.200)]))

# ---------------------------------------------------------------- 28 Nov
area('adv_aleppo_southwest_20241128', 'Arnaz - Al-Zarba - M5 sector (28 Nov)',
     "Renders 'In the latter half of the day, HTS captured the villages of Kafr Basin, Arnaz and Al-Zarba in the western "
     "Aleppo countryside, and cut off the M5 highway' and the ~40 towns by the end of 28 Nov: the strip south of the "
     "27 Nov area from Kafr Nuran/Arnaz east to Al-Zarba on the M5 (about 37.0E). South edge kept north of Jab Kas and "
     "Al-Bawabiya (named on 29 Nov). Approximate to +-3 km.",
     poly([(36.845, 36.130), (36.860, 36.058), (36.950, 36.055), (37.010, 36.050), (37.040, 36.100),
           (37.030, 36.170), (36.975, 36.115), (36.870, 36.112)]))

# ---------------------------------------------------------------- 29 Nov
POCKET = [(36.45, 35.600), (36.53, 35.636), (36.62, 35.636), (36.64, 35.620), (36.70, 35.550), (36.75, 35.500),
          (36.80, 35.450), (36.80, 35.300), (36.45, 35.300)]
area('adv_idlib_20241129', 'Idlib Governorate except the Khan Shaykhun - Kafranbel pocket (29 Nov)',
     "Renders 'Pro-government forces retreated from most of the Idlib Governorate, with the exception of Khan Shaykhun "
     "and Kafranbel.' = OCHA Idleb governorate minus a pocket drawn around Kafranbel (35.613N 36.562E) and Khan Shaykhun "
     "(35.442N 36.651E): north edge at 35.636N (south of Maarat al-Numan 35.648N and of rebel-held Kansafra), east edge "
     "from Hish/Jarjanaz diagonally to 36.80E around al-Tamanah, down to the Hama border (the pocket is drawn to 35.30N, "
     "past the governorate's southern tip at 35.377N, so none of the tip is left as an HTS island). Applied with "
     "from=government, so only the government's part of the governorate changes. The pocket's outline is a judgement "
     "(+-5 km).",
     gov_minus('Idleb', POCKET))

area('adv_aleppo_west_20241129', 'Western and south-western Aleppo countryside and the western city edge (29 Nov)',
     "Renders 'In Aleppo region, pro-government forces withdrew to Aleppo airport, Maskanah, As Safirah and Khanaser road.' "
     "with 'HTS-led forces captured five city districts': the government-held countryside west and south-west of Aleppo "
     "between the Idlib front and a line just west of Aleppo airport (36.174N 37.229E, kept out), Tell Hasel/Tell Aran "
     "and As Safirah (kept out: the SDF and SNA take them from the government on 30 Nov/1 Dec) and the As Safirah - "
     "Khanasir road, south to 35.60N (the Idlib/Hama side is rendered by the Idlib row). North-west it takes Haritan, "
     "Anadan, Hayyan and Kafr Hamra but stays 3 km south of Nubbul and Al-Zahraa (SDF from government on 30 Nov). In the "
     "city it takes only the far-western districts (Dahiyat al-Assad, Jamiat al-Zahraa, New Aleppo; east edge 37.105E), "
     "keeping out the Military Academy and the Artillery College (captured 1 Dec; there the edge follows the west side "
     "of the Academy's Voronoi cell, computed from places.csv as the tool does) and the Citadel (36.1993N 37.1625E, "
     "30 Nov). The west edge is drawn at 36.80E, inside the Idlib pocket and the Idleb governorate (taken by the Idlib "
     "row the same day), so no strip of government land is left along the Aleppo/Idleb governorate boundary. "
     "Boundaries approximate (+-5 km in the countryside).",
     poly([(36.800, 36.330), (37.000, 36.330), (37.060, 36.315), (37.105, 36.300), (37.105, 36.195)]
          + ACADEMY_WEST +
          [(37.095, 36.140), (37.200, 36.120), (37.270, 36.150), (37.290, 36.080),
           (37.330, 36.000), (37.400, 35.880), (37.430, 35.740), (37.420, 35.600), (36.950, 35.600),
           (36.800, 35.750)]))

# ---------------------------------------------------------------- 30 Nov
area('adv_aleppo_city_20241130', 'Aleppo city built-up area (30 Nov)',
     "Renders 'By morning, rebel forces had seized control of most of Aleppo' (30 Nov): the built-up city between about "
     "36.13N and 36.265N, 37.065E and 37.23E. Applied with from=government, so the SDF's Sheikh Maqsood stays SDF; Aleppo "
     "airport (east), the Sheikh Najjar industrial city (north-east) and the two military schools the seed has HTS take "
     "on 1 Dec are left out. The schools' hole is exactly the Voronoi cells of the Military Academy and the Artillery "
     "College (places.csv; computed here as the tool computes them, vertices on its 1e-6 degree grid), so the 1 Dec "
     "place events take all of what was left out. Approximate outline of the built-up area, +-1 km.",
     poly([(37.070, 36.240), (37.100, 36.265), (37.170, 36.265), (37.215, 36.255), (37.230, 36.220),
           (37.210, 36.190), (37.210, 36.125), (37.150, 36.118), (37.090, 36.135), (37.065, 36.170)],
          holes=[SCHOOLS]))

area('adv_aleppo_airport_20241130', 'Surroundings of Aleppo International Airport (30 Nov)',
     "Renders 'On 30 November, the HTS-led opposition reportedly took control of Aleppo airport after the local SDF troops "
     "opted to withdraw.': the strip around the airport (36.174N 37.229E) between the city's eastern edge, the 29 Nov "
     "line and the road to As Safirah (Nayrab, the airport perimeter), which the government had withdrawn 'to' on 29 Nov "
     "and left on 30 Nov. Applied after the airport's own SDF -> HTS rows, with from=government (the SDF's Tell "
     "Aran/Tell Hasel and Sheikh Najjar cells are untouched). Edges: the south-west side is the 29 Nov line (its "
     "vertices), the south-east side the road to As Safirah as the 1 Dec SNA band draws it, the north side the 1 Dec SNA "
     "north area's edge (their vertices), and the west side runs inside the city and 29 Nov areas (already HTS, so the "
     "overlap changes nothing): no strip of government land is left between them. Approximate.",
     poly([(37.17, 36.115), (37.200, 36.120), (37.270, 36.150), (37.290, 36.080), (37.330, 36.180), (37.26, 36.20),
           (37.215, 36.255), (37.20, 36.20)]))

area('adv_hama_north_20241130', 'Northern Hama countryside and the Khan Shaykhun - Kafranbel pocket (30 Nov)',
     "Renders 'On the evening of 30 November 2024, HTS-led opposition forces rapidly advanced in the Hama Governorate, "
     "capturing dozens of towns and villages in the countryside': northern Hama from the Idlib border south to 35.34N "
     "(Kafr Zita, Morek, Kafr Nabudah, al-Lataminah's north), between 36.45E (east of the Ghab edge: Qalaat al-Madiq and "
     "Suqaylabiyah stay government) and 36.95E, plus the 29 Nov Khan Shaykhun - Kafranbel pocket which these captures "
     "lie behind (the seed never says when the pocket fell: assumed bypassed and taken with this advance). South edge "
     "kept north of the towns named later (Halfaya, Taybat al-Imam, Soran on 3 Dec) and of the positions reinforced on "
     "30 Nov (Jabal Zayn al-Abidin, Qamhana, Khitab). Approximate (+-5 km).",
     poly([(36.45, 35.64), (36.53, 35.645), (36.62, 35.645), (36.66, 35.600), (36.95, 35.50), (36.95, 35.34),
           (36.45, 35.34)]))

# ---------------------------------------------------------------- 1 Dec
area('adv_sna_east_aleppo_20241201', "SNA corridor Tadef - Kuweires - As Safirah - Khanasir (1 Dec)",
     "Renders 'By afternoon on the next day, the SNA had captured the towns of as-Safirah, Khanasir, and the Kuweires "
     "airbase' (Operation Dawn of Freedom from al-Bab/Tadef): the government-held band east of the 29 Nov line (the As "
     "Safirah - Khanasir road) from south of al-Bab/Tadef through Kuweires airbase (36.185N 37.584E) and As Safirah to "
     "Khanasir (35.782N 37.499E), west of Dayr Hafir (SDF from 30 Nov, kept out). Applied with from=government, so the "
     "SDF's Tell Aran/Tell Hasel and HTS's thermal power plant (1 Dec, earlier seq) keep their cells. Width of the band "
     "is a judgement: the seed names only the three places.",
     poly([(37.450, 36.360), (37.600, 36.330), (37.660, 36.200), (37.640, 36.050), (37.600, 35.900),
           (37.580, 35.740), (37.430, 35.740), (37.400, 35.880), (37.330, 36.000), (37.290, 36.080),
           (37.330, 36.180), (37.420, 36.300)]))

area('adv_sna_north_aleppo_20241201', 'SNA: countryside north and north-east of Aleppo, al-Bab - Tell Rifaat (1 Dec)',
     "Renders 'The remaining SDF-controlled towns in the region were cut off from communication after being encircled by "
     "opposition forces.' (1 Dec) with Operation Dawn of Freedom's aim of 'establishing a corridor connecting al-Bab to "
     "Tell Rifaat': the government-held countryside between the SNA's Afrin/Euphrates Shield zone and Tell Rifaat pocket "
     "(north), Aleppo city and the 29 Nov HTS line (south-west) and the SNA's Tadef - Kuweires band (east): the Aleppo "
     "infantry academy, Mayer/Kiffin and the land around Nubbul, Al-Zahraa and Sheikh Najjar. Applied with "
     "from=government, so the SDF keeps Nubbul, Al-Zahraa and Sheikh Najjar (the encircled towns) and the SNA/SDF "
     "zones are untouched. The seed does not name these villages: the faction (SNA, whose stated corridor this is) and "
     "the outline are judgements; approximate.",
     poly([(36.88, 36.33), (36.88, 36.50), (37.20, 36.50), (37.40, 36.44), (37.50, 36.40), (37.45, 36.36),
           (37.42, 36.30), (37.33, 36.18), (37.26, 36.20), (37.215, 36.255), (37.105, 36.265), (37.105, 36.30),
           (37.06, 36.315), (37.00, 36.33)]))

# ---------------------------------------------------------------- 2 Dec
area('adv_hama_north_20241202', 'Villages north of Hama (2 Dec)',
     "Renders 'By the end of the day, opposition forces took control of several villages' (2 Dec, Hama front): a 4 km "
     "band south of the 30 Nov line between 36.50E and 36.72E (al-Lataminah, Lahaya). Which villages is not said: the "
     "band is placed where the front ran, north of Halfaya, Taybat al-Imam and Soran (named on 3 Dec). Approximate.",
     poly([(36.50, 35.345), (36.72, 35.345), (36.72, 35.300), (36.50, 35.300)]))

# ---------------------------------------------------------------- 3 Dec
area('adv_hama_north_20241203', 'Towns and villages just north of Hama (3 Dec)',
     "Renders 'On 3 December, opposition forces captured more than 10 towns and villages near Hama, including the towns "
     "of Taybat al-Imam, Halfaya, Soran, and Maardis.': the band from the 2 Dec line south to 35.235N between Halfaya "
     "(36.606E) and 36.90E, dipping to 35.195N between 36.79E and 36.90E to include Kafr'a and Maar Shuhur (the seed has "
     "the government 'retake' them on 4 Dec, so they were taken before). Kept out: Jabal Zayn al-Abidin (35.203N 36.767E), "
     "Qamhana and Khitab (reinforced, fighting on 4 Dec) and Hama city. Approximate.",
     poly([(36.55, 35.345), (36.90, 35.345), (36.90, 35.195), (36.79, 35.195), (36.79, 35.235), (36.55, 35.235)]))

# ---------------------------------------------------------------- 4 Dec
area('adv_ghab_edge_20241204', 'Eastern edge of the Ghab Plain (4 Dec)',
     "Renders 'the opposition advanced to the Ghab Plain' (4 Dec): the strip between the 30 Nov area (36.45E) and the "
     "plain's eastern edge at 36.41E, 35.38N-35.64N. Qalaat al-Madiq (36.39E, defended on 2 Dec) and Suqaylabiyah "
     "(35.363N) are kept out; the plain itself is not taken ('advanced to'). Approximate.",
     poly([(36.41, 35.38), (36.46, 35.38), (36.46, 35.64), (36.41, 35.64)]))

area('adv_hama_east_20241204', 'Eastern Hama countryside up to the Hama-Salamiyah road (4 Dec)',
     "Renders 'By the evening, opposition forces had cut off the roads connecting Hama to Raqqa and Aleppo and took control "
     "of several villages in the eastern Hama country side.': the countryside north-east of Hama between 36.90E (east of "
     "Maar Shuhur, retaken by the government that day) and 37.10E, from the 30 Nov line (35.34N) down to the Hama - "
     "Salamiyah road (the road to Raqqa), kept north of Salamiyah (taken 5 Dec). Approximate.",
     poly([(36.90, 35.345), (37.10, 35.345), (37.10, 35.050), (36.95, 35.060), (36.90, 35.080)]))

# ---------------------------------------------------------------- 5 Dec
area('adv_hama_city_20241205', 'Hama city and its northern ring (5 Dec)',
     "Renders 'by the afternoon, HTS-led rebels had established full control over the city, as pro-government forces "
     "withdrew' (5 Dec): Hama city (35.134N 36.758E) with the military airport on its west side and the ring of "
     "positions north of it still held by the government on 4 Dec (Jabal Zayn al-Abidin, Qamhana, and Kafr'a and Maar "
     "Shuhur retaken on 4 Dec; the rebels entered the city from the north-east). 36.64E-36.90E, 35.06N-35.235N. "
     "Approximate.",
     poly([(36.64, 35.235), (36.90, 35.235), (36.90, 35.080), (36.80, 35.060), (36.66, 35.070), (36.64, 35.120)]))

area('adv_hama_south_20241205', 'Hama to the outskirts of Al-Rastan and to Salamiyah (5 Dec)',
     "Renders 'By the evening opposition forces had reached the outskirts of Al-Rastan and captured a pro-government "
     "military base north of it.' and the Salamiyah withdrawal: the M5 corridor south of Hama (Kafr Buhum) down to "
     "34.95N, 3 km north of Al-Rastan (34.922N, taken 6 Dec), 36.62E-36.90E, and the Hama - Salamiyah road east to "
     "37.10E; the north edge (35.08-35.10N) overlaps the Hama city area so no sliver is left between them. Mhardeh, Suqaylabiyah and Masyaf (west) are not in it. Approximate.",
     poly([(36.62, 35.10), (36.80, 35.10), (36.95, 35.085), (37.10, 35.080), (37.10, 34.980), (36.90, 34.980),
           (36.86, 34.950), (36.62, 34.950)]))

# ---------------------------------------------------------------- 6 Dec
area('adv_homs_north_20241206', 'Northern Homs countryside to the outskirts of Homs (6 Dec)',
     "Renders 'On 6 December 2024, opposition forces captured five towns, and approached the outskirts of Homs': the M5 "
     "corridor from the 5 Dec line (34.95N) south to 34.78N, about 5 km north of Homs centre (34.727N), 36.62E-36.86E: "
     "Al-Rastan, Talbiseh, Teir Maalah, Ghantu, al-Dar al-Kabirah (which five towns is not said). Homs city itself is "
     "left out (confirmed only on 7/8 Dec). Approximate.",
     poly([(36.62, 34.95), (36.86, 34.95), (36.86, 34.78), (36.62, 34.78)]))

area('adv_sfa_palmyra_20241206', 'SFA corridor from the al-Tanf zone to Palmyra (6 Dec)',
     "Renders 'the Syrian Free Army, a different rebel group backed by the United States took control of Palmyra in an "
     "offensive launched from the al-Tanf \"deconfliction zone\"': a ~30 km wide corridor from the al-Tanf 55 km zone "
     "(centre 33.507N 38.619E) north-west along the Tanf - Palmyra road to Palmyra (34.56N 38.285E) and a ~12 km ring "
     "around the town (airport, citadel, T4-side approaches not included). Applied with from=government. The width is a "
     "judgement; the seed names only Palmyra.",
     poly([(38.45, 33.62), (38.80, 33.62), (38.52, 34.50), (38.45, 34.66), (38.30, 34.70), (38.15, 34.64),
           (38.12, 34.50)]))

area('adv_daraa_20241206', "Dar'a Governorate, 90% (6 Dec)",
     "Renders 'By midnight, opposition forces in the southern Daraa Governorate captured its capital Daraa, as well as "
     "90% of the province, as pro-government forces withdrew towards the capital Damascus.': OCHA Dar'a governorate "
     "south of 33.155N, which is 90% of its area (computed). The government's withdrawal was north towards Damascus, so "
     "the remaining 10% is the northern tip (Ghabaghib, the Damascus road); it goes on 7 Dec.",
     gov_minus("Dar'a", [(35.0, 33.155), (37.5, 33.155), (37.5, 34.0), (35.0, 34.0)]))

# ---------------------------------------------------------------- 7 Dec
area('adv_rif_dimashq_south_20241207', 'Southern Rif Dimashq up to about 12 km from Damascus (7 Dec)',
     "Renders 'On 7 December 2024, opposition forces entered the Rif Dimashq Governorate from the south, and came within "
     "20 kilometres (12 mi) of the capital Damascus.' and 'rebels came within 10 kilometres (6.2 mi) of Damascus': the "
     "south of Rural Damascus from the Dar'a/Quneitra border (35.85E, Mount Hermon foothills) to 36.65E, north to "
     "33.40N (about 12 km south of the centre, 33.513N). Overlaps Dar'a/Quneitra harmlessly (from=government). "
     "Approximate.",
     poly([(35.85, 33.00), (36.65, 33.00), (36.65, 33.40), (35.85, 33.40)]))

area('adv_damascus_outskirts_20241207', 'South-western and southern outskirts of Damascus (7 Dec)',
     "Renders 'By the evening, pro-government forces had left the towns on the outskirts of Damascus, including "
     "Jaramana, Qatana, Muadamiyat al-Sham, Darayya, Al-Kiswah, Al-Dumayr and sites near the Mezzeh Air Base.' and "
     "'Rebel forces were later reported to have reached the suburbs of Damascus.': the band 33.38N-33.50N from Qatana "
     "(36.08E) to Jaramana (36.35E), minus the OCHA Damascus governorate (the city, incl. Mezzeh Air Base, falls on "
     "8 Dec). Eastern Ghouta and the northern suburbs are not in it. Al-Dumayr (40 km NE) is a separate place row. "
     "Approximate.",
     box_minus_gov([(35.95, 33.38), (36.42, 33.38), (36.42, 33.50), (36.30, 33.50), (36.20, 33.49),
                    (36.10, 33.47), (35.95, 33.47)], 'Damascus'))

# ---------------------------------------------------------------- 8 Dec
area('adv_homs_city_20241208', 'Homs city and surroundings (8 Dec)',
     "Renders 'In the early hours of 8 December 2024, opposition groups in the north captured Homs' (and 'By 8 December, "
     "they had captured Homs'): Homs city (34.727N 36.724E) and its surroundings, 34.66N-34.80N, 36.62E-36.82E, joining "
     "the 6 Dec northern-countryside area. Approximate.",
     poly([(36.62, 34.80), (36.82, 34.80), (36.82, 34.66), (36.62, 34.66)]))


def main():
    os.makedirs(OUT, exist_ok=True)
    for aid, name, note, geom in AREAS:
        write(aid, name, note, geom)
        print('wrote', aid)


if __name__ == '__main__':
    main()
