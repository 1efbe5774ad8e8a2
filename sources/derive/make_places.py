#!/usr/bin/env python3
"""Derive sources/places.csv (the gazetteer) from the shared reference data.

One-off, reproducible derivation (Python 3 standard library only). Run from anywhere:

    python3 sources/derive/make_places.py [--shared /work/shared/data] [--out sources/places.csv]

Reads (see README.md next to this script):
  <shared>/gazetteer/wikipedia_module_marks_2017.csv   Wikipedia "Module:Syrian Civil War detailed map" (~July 2017)
  <shared>/gazetteer/geonames_cities500_SY.txt         GeoNames cities500, Syria
  <shared>/gazetteer/seed_place_candidates.csv         the seed article's 107 place names with candidates
  sources/country.geojson, sources/governorates.geojson (OCHA)
Writes sources/places.csv and prints a validation summary (exit status 1 if a check fails).
The 2017 controller column of the module is stale and is NOT used.
"""
import argparse
import csv
import difflib
import json
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.dirname(HERE)

# ----------------------------------------------------------------------------------------------------------------
# helpers


def slug(s):
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode('ascii').lower()
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def fold(s):
    """case/diacritic-insensitive key used for name-uniqueness checks"""
    return unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode('ascii').lower().strip()


def skel(s):
    """crude transliteration-insensitive skeleton for fuzzy name comparison"""
    s = fold(s)
    s = re.sub(r"\b(al|el|ar|as|at|ad|an|az|ash|ath|adh|aз)[- ]", '', s)
    s = re.sub(r'[^a-z]', '', s)
    s = s.replace('ou', 'u').replace('ee', 'i').replace('oo', 'u').replace('kh', 'k').replace('q', 'k')
    s = re.sub(r'(.)\1+', r'\1', s)
    s = re.sub(r'[aeiouy]', '', s)
    return s


def similar(a, b):
    sa, sb = skel(a), skel(b)
    if not sa or not sb:
        return False
    if sa == sb or (len(sa) >= 3 and len(sb) >= 3 and (sa in sb or sb in sa)):
        return True
    return difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.75


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def rings_of(geom):
    if geom['type'] == 'Polygon':
        return [geom['coordinates']]
    return list(geom['coordinates'])


def in_ring(x, y, ring):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_geom(lon, lat, polys):
    for poly in polys:
        if in_ring(lon, lat, poly[0]) and not any(in_ring(lon, lat, h) for h in poly[1:]):
            return True
    return False


def snap_inside(lat, lon, polys, inset_km=0.15):
    """nearest boundary point, moved inset_km further inside; returns (lat, lon, moved_km)"""
    kx = math.cos(lat * math.pi / 180)
    best = None
    for poly in polys:
        for ring in poly:
            for i in range(len(ring) - 1):
                ax, ay = (ring[i][0] - lon) * kx, ring[i][1] - lat
                bx, by = (ring[i + 1][0] - lon) * kx, ring[i + 1][1] - lat
                dx, dy = bx - ax, by - ay
                ll = dx * dx + dy * dy
                t = 0 if ll == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / ll))
                px, py = ax + t * dx, ay + t * dy
                d = math.hypot(px, py)
                if best is None or d < best[0]:
                    best = (d, px, py)
    d, px, py = best
    for extra in (inset_km, 2 * inset_km, 4 * inset_km, 8 * inset_km):
        f = (d * 111.2 + extra) / (d * 111.2) if d > 0 else 1
        nlat, nlon = lat + py * f, lon + px * f / kx
        if in_geom(nlon, nlat, polys):
            return nlat, nlon, km(lat, lon, nlat, nlon)
    return None


def bbox(polys):
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


# ----------------------------------------------------------------------------------------------------------------
# judgement: the seed's places (rule: name = seed spelling, id = slug(seed name))

# Candidates rejected or changed, with the reasoning (seed_name -> override).  'alias' adds spellings.
# Coordinates marked 'estimated' are from general geographic knowledge of the area; precision is stated.
W_ALEPPO = "village named in the seed's 27 Nov list of the first day's captures in the western Aleppo countryside"
SEED_OVERRIDE = {
    # --- 27 Nov, western Aleppo front (Urum al-Kubra / Anjara / Qubtan al-Jabal / Kafr Basin sector) ---------------
    'Bara': dict(lat=36.1700, lon=36.9150, src='estimated: exact site unknown (Anadolu lists "Bala" in the same day\'s '
                 'captures); placed in the gap between Urum al-Sughra, Urum al-Kubra and Basratoun, +-4 km; ' + W_ALEPPO
                 + '. The gazetteer candidate al-Bara (Jabal Zawiya, Idlib, 35.686N 36.543E) was rebel-held since 2012 '
                 'and is rejected', alias=['Bala'], note='rejected al-Bara (Jabal Zawiya, Idlib): not on the 2024 front'),
    'Ajil': dict(lat=36.1950, lon=36.9700, src='estimated: approx. (+-3 km) between Urum al-Kubra, Anjara, Hawr and '
                 'Kafr Naha; ' + W_ALEPPO + ' (the gazetteers only have Ajil/Ujayl in Raqqa, a homonym)', alias=['Ajel']),
    'Awijil': dict(lat=36.1820, lon=36.9980, src='estimated: approx. (+-3 km) between Kafr Naha and Kafr Dael (SOHR '
                   'names Uwayjil with Kafr Naha and Anjara); ' + W_ALEPPO, alias=['Uwayjil', 'Awijel']),
    'al-Hawtah': dict(lat=36.1330, lon=36.9620, src='estimated: approx. (+-3 km) between Urum al-Kubra and Kafr Joum; '
                      + W_ALEPPO, alias=['al-Houta', 'al-Huta']),
    'Tal al-Dabaa': dict(lat=36.2360, lon=36.9230, src='estimated: approx. (+-3 km) between Basratoun and Qubtan '
                         'al-Jabal; ' + W_ALEPPO, alias=['Tell al-Dabaa']),
    'Hayr Darkal': dict(lat=36.2880, lon=36.9680, src='estimated: approx. (+-3 km) between Sheikh Aqil and Kafr Basin; '
                        + W_ALEPPO),
    'al-Saloum': dict(lat=36.2480, lon=36.9830, src='estimated: approx. (+-3 km) between Hawr, Qubtan al-Jabal and '
                      'Kafr Basin; ' + W_ALEPPO, alias=['al-Sallum']),
    'al-Qasimiyah': dict(lat=36.2750, lon=36.9230, src='estimated: approx. (+-3 km) between Qubtan al-Jabal and Sheikh '
                         'Aqil (SOHR mentions "al-Qasimiyah prison west of Aleppo"); ' + W_ALEPPO + '. The gazetteer '
                         'candidate Qasimiyah near Jarabulus (36.70N 38.12E) is a homonym and is rejected',
                         note='rejected Qasimiyah near Jarabulus (homonym, 130 km away, SDF area)'),
    'Anaz': dict(lat=36.1880, lon=36.9330, src='estimated: approx. (+-3 km) between Basratoun, Anjara and Urum '
                 'al-Kubra; ' + W_ALEPPO),
    # --- 28 Nov, eastern Idlib near Saraqib ---------------------------------------------------------------------
    'Sheikh Ali': dict(lat=35.7900, lon=36.7470, src='estimated: approx. (+-3 km) between Dadikh, Kafr Batikh and the '
                       'M5 near Maar Dibsah; the seed (28 Nov) lists it with Dadikh and Kafr Batikh in the eastern Idlib '
                       'countryside near Saraqib, "within two kilometers of the M5". Both gazetteer homonyms (hill W of '
                       'Ariha 35.792N 36.507E; village near Arnaz 36.098N 36.915E) are rejected',
                       note='rejected both module homonyms (hill W of Ariha; village near Arnaz in Aleppo)'),
    # --- 29 Nov ------------------------------------------------------------------------------------------------
    'Tal Karatabeen': dict(lat=35.7950, lon=36.9250, src='estimated: approx. (+-5 km) in the countryside E of Saraqib '
                           'between Rayyan and Tall Sultan; 29 Nov list of villages in the Idlib countryside (front '
                           'between Saraqib and Abu al-Duhur)', alias=['Tell Karatabeen', 'Tal Kratin']),
    'Abu Qansa': dict(lat=35.7550, lon=36.9600, src='estimated: approx. (+-5 km) NW of Abu al-Duhur; 29 Nov list of '
                      'villages in the Idlib countryside (front between Saraqib and Abu al-Duhur)'),
    'Al-Talhiya': dict(lat=35.8450, lon=36.8500, src='estimated: approx. (+-4 km) E of Saraqib; 29 Nov list of villages '
                       'in the Idlib countryside (front between Saraqib and Abu al-Duhur)', alias=['Talhiyah']),
    'Al-Mansoura': dict(lat=36.1900, lon=37.0350, src='estimated: approx. (+-3 km) W of Aleppo between Kafr Dael, Khan '
                        'al-Asal and the Scientific Research Centre (SOHR lists al-Mansoura with Kafr Dael, Kafr Naha and '
                        'Khan al-Asal in the western countryside); 29 Nov list "in Aleppo countryside". The module '
                        'candidate Al-Mansourah E of Aleppo (36.28N 37.63E) was deep in government territory and is '
                        'rejected', note='rejected Al-Mansourah E of Aleppo (homonym)'),
    'Jab Kas': dict(lat=36.0450, lon=36.9030, src='estimated: approx. (+-5 km) in the SW Aleppo countryside near '
                    'al-Bawabiya and Kusaybiyah; 29 Nov list "Al-Mansoura, Jab Kas, and Al-Bawabiya in Aleppo '
                    'countryside"', alias=['Jubb Kas']),
    # --- 30 Nov, SE of Aleppo -----------------------------------------------------------------------------------
    'Tell Hasel': dict(lat=36.1100, lon=37.3150, src='estimated: approx. (+-2 km) ~3 km WSW of Tell Aran, SE of '
                       'Aleppo on the al-Safira road; the seed (30 Nov) names it with Dayr Hafir and Tell Aran',
                       alias=['Tal Hasil', 'Tell Hasil', 'Tall Hasil']),
    # --- cities: module points are inset-map anchors --------------------------------------------------------------
    'Aleppo': dict(lat=36.2021, lon=37.1343, src='estimated: city centre 36.2021N 37.1343E (the module point is an '
                   'inset-map anchor ~17 km SE of the centre and is not used)', kind='city', rank=2,
                   alias=['Halab'], note='module inset anchor replaced by the city centre'),
    'Damascus': dict(lat=33.5130, lon=36.2920, src='estimated: city centre 33.5130N 36.2920E near Marjeh Square (the '
                     'module point is an inset-map anchor ~15 km S/SE of the centre and is not used)', kind='city',
                     rank=1, alias=['Dimashq', 'Sham'], note='module inset anchor replaced by the city centre'),
    'Deir ez-Zor': dict(geonames='Deir ez-Zor', kind='city', rank=2, alias=['Dayr az Zawr', 'Deir ez Zor'],
                        note='module inset anchor (3 km off) replaced by GeoNames'),
    'Daraa': dict(geonames='Dar‘ā', kind='city', rank=2, alias=["Dar'a", 'Deraa'],
                  note='module inset anchor (1.7 km off) replaced by GeoNames'),
    # --- Damascus suburbs -----------------------------------------------------------------------------------------
    'Artouz': dict(lat=33.4470, lon=36.1600, src='estimated: approx. (+-2 km) on the Damascus-Qatana road between '
                   'Muadamiyat al-Sham and Qatana, SW of Damascus', alias=['Artuz', 'Artouz al-Balad']),
    'Jaramana': dict(geonames='Jaramānā', kind='town', rank=3),
    'Darayya': dict(geonames='Dārayyā', kind='town', rank=3),
    'Muadamiyat al-Sham': dict(lat=33.4617, lon=36.1960, src='estimated: approx. (+-1 km) SW suburb of Damascus, '
                               'between Mezzeh Air Base and Darayya', kind='town', rank=3,
                               alias=['Moadamiyeh', "Mu'addamiyat al-Sham"]),
    'Al-Kiswah': dict(geonames='Al Kiswah', kind='town', rank=3, alias=['Kiswah'],
                      note='module proxy (1st Armoured Division base, 5 km E) replaced by the town (GeoNames)'),
    # --- features ---------------------------------------------------------------------------------------------------
    'Jabal Zayn al-Abidin': dict(module='Mount Zayn al-Abdeen', kind='feature', rank=3,
                                 alias=['Mount Zayn al-Abidin', 'Jabal Zain al-Abidin']),
    'Ghab Plain': dict(lat=35.5800, lon=36.3500, src='estimated: a point near the middle of the al-Ghab plain (the '
                       'Orontes valley W of the Hama-Idlib hills, ~35.35-35.95N along 36.30-36.40E), between Tamana '
                       'al-Ghab and Mansura', kind='feature', rank=3, alias=['al-Ghab', 'Sahl al-Ghab']),
    # --- city districts ---------------------------------------------------------------------------------------------
    'al-Hamdaniya': dict(lat=36.1800, lon=37.1250, src='estimated: approx. (+-1 km) SW Aleppo district (al-Hamdaniyah), '
                         'S of New Aleppo, E of the Military Academy', kind='district', rank=4,
                         alias=['Hamdaniya', 'al-Hamdaniyah (Aleppo)']),
    'New Aleppo': dict(lat=36.2040, lon=37.1010, src='estimated: approx. (+-1 km) W Aleppo district (Halab al-Jadida) '
                       'between al-Shahba and Dahiyat al-Assad', kind='district', rank=4, alias=['Halab al-Jadida']),
    'Sheikh Najjar': dict(lat=36.2830, lon=37.2500, src='estimated: approx. (+-2 km) the Sheikh Najjar industrial city '
                          'NE of Aleppo (~36 17N 37 15E)', kind='district', rank=4,
                          alias=['Shaykh Najjar', 'Sheikh Najjar Industrial City']),
    'Sheikh Maqsood': dict(lat=36.2330, lon=37.1580, src='estimated: approx. (+-1 km) N Aleppo district on the hill N '
                           'of the centre, E of al-Ashrafieh', kind='district', rank=4,
                           alias=['Sheikh Maqsoud', 'Shaykh Maqsud']),
    'Barzeh': dict(lat=33.5560, lon=36.3200, src='estimated: approx. (+-1 km) NE Damascus district (Barzeh al-Balad) '
                   'at the foot of Mount Qasioun, N of Qaboun', kind='district', rank=4, alias=['Barza']),
}

# geonames-backed seeds: note for the report
GOV_CAPITALS = {'Aleppo', 'Homs', 'Hama', 'Latakia', 'Tartus', 'Idlib', 'Raqqa', 'Deir ez-Zor', 'Hasakah', 'Daraa',
                'Suwayda', 'Quneitra'}

# ----------------------------------------------------------------------------------------------------------------
# extra places the events need (rule 4), and city districts so cities get reasonably sized cells

D = 'estimated: approx. (+-1 km) position of the district within the city from general knowledge ({}); a point to ' \
    'split the city into cells, not a survey coordinate'
EXTRA = [
    # id, name, aliases, lat, lon, kind, rank, source (module=<module name> takes the module coordinate)
    ('aleppo-citadel', 'Citadel of Aleppo', ['Aleppo Citadel', 'Qalat Halab'], 36.1993, 37.1625, 'site', 2,
     'estimated: known location of the Citadel of Aleppo (36.1993N 37.1625E), centre of the Old City'),
    ('aleppo-thermal-power-plant', 'Aleppo thermal power plant', ['Aleppo Thermal power plant',
     'Aleppo thermal power station'], None, None, 'site', 4, 'module=Aleppo Thermal power plant'),
    ('aleppo-artillery-college', 'Aleppo artillery college', ['Ramouseh Military Complex', 'Artillery school',
     'field artillery college', 'al-Ramouseh artillery college'], None, None, 'base', 4,
     'module=Ramouseh Military Complex'),
    ('aleppo-military-academy', 'Aleppo military academy', ['Al-Assad Military Academy', 'military academy'],
     None, None, 'base', 4, 'module=Al-Assad Military Academy'),
    ('hama-airbase', 'Hama military airport', ['Hama Military Airport', 'Hama air base', 'Hama airbase'],
     None, None, 'airport', 4, 'module=Hama Military Airport'),
    ('qusayr', 'al-Qusayr', ['Qusayr', 'Al Quşayr', 'Al Qusayr (Homs)'], None, None, 'town', 3, 'module=al-Qusayr'),
    # Aleppo
    ('aleppo-old-city', 'Old City of Aleppo', ['Ancient City of Aleppo', 'Aleppo Old City'], 36.1985, 37.1555,
     'district', 3, D.format('the walled city W and S of the Citadel')),
    ('aleppo-aziziyah', 'al-Aziziyah (Aleppo)', [], 36.2090, 37.1460, 'district', 4, D.format('central, N of the Old City, W of the Queiq')),
    ('aleppo-jamiliyah', 'al-Jamiliyah', ['Jamiliyah'], 36.2045, 37.1400, 'district', 4, D.format('central, W of al-Aziziyah')),
    ('aleppo-saif-al-dawla', 'Saif al-Dawla', ['Seif al-Dawla'], 36.1935, 37.1320, 'district', 4, D.format('SW of the centre, W of the Queiq')),
    ('aleppo-salaheddine', 'Salaheddine', ['Salah al-Din (Aleppo)'], 36.1865, 37.1275, 'district', 4, D.format('SW, between Saif al-Dawla and al-Hamdaniya')),
    ('aleppo-bustan-al-qasr', 'Bustan al-Qasr', [], 36.1915, 37.1450, 'district', 4, D.format('S-central, on the Queiq')),
    ('aleppo-sukkari', 'al-Sukkari', ['Sukkari'], 36.1735, 37.1500, 'district', 4, D.format('S, E of al-Ramouseh road')),
    ('aleppo-ramouseh', 'al-Ramouseh', ['Ramouseh', 'Ramousah'], 36.1665, 37.1420, 'district', 4, D.format('S, along the Ramouseh road')),
    ('aleppo-sheikh-saeed', 'Sheikh Saeed', ['Sheikh Said (Aleppo)'], 36.1600, 37.1690, 'district', 4, D.format('far S, E of the Ramouseh road')),
    ('aleppo-bab-al-nairab', 'Bab al-Nairab', [], 36.1895, 37.1700, 'district', 4, D.format('SE of the Old City')),
    ('aleppo-tariq-al-bab', 'Tariq al-Bab', [], 36.1990, 37.1900, 'district', 4, D.format('E, on the al-Bab road')),
    ('aleppo-al-shaar', "al-Sha'ar", ['Shaar (Aleppo)'], 36.2060, 37.1790, 'district', 4, D.format('NE of the Old City')),
    ('aleppo-masaken-hanano', 'Masaken Hanano', ['Hanano (Aleppo)'], 36.2260, 37.1860, 'district', 4, D.format('NE')),
    ('aleppo-al-sakhour', 'al-Sakhour', ['Sakhour'], 36.2155, 37.1950, 'district', 4, D.format('E, between Hanano and Tariq al-Bab')),
    ('aleppo-haydariyah', 'al-Haydariyah (Aleppo)', [], 36.2335, 37.1990, 'district', 4, D.format('NE, beyond Masaken Hanano')),
    ('aleppo-al-midan', 'al-Midan (Aleppo)', [], 36.2160, 37.1600, 'district', 4, D.format('N of the centre, E of the Queiq')),
    ('aleppo-al-sulaymaniyah', 'al-Sulaymaniyah (Aleppo)', [], 36.2110, 37.1530, 'district', 4, D.format('N-central, E of al-Aziziyah')),
    ('aleppo-al-ashrafieh', 'al-Ashrafieh (Aleppo)', ['Ashrafieh (Aleppo)'], 36.2255, 37.1465, 'district', 4, D.format('N, W of Sheikh Maqsood')),
    ('aleppo-bani-zaid', 'Bani Zaid', ['Bani Zeid'], 36.2365, 37.1430, 'district', 4, D.format('N, N of al-Ashrafieh')),
    ('aleppo-al-khalidiyah', 'al-Khalidiyah (Aleppo)', [], 36.2235, 37.1330, 'district', 4, D.format('NW of the centre')),
    ('aleppo-al-furqan', 'al-Furqan', ['Furqan (Aleppo)'], 36.2120, 37.1230, 'district', 4, D.format('W, N of the University')),
    ('aleppo-al-shahba', 'al-Shahba (Aleppo)', ['Shahba al-Jadida'], 36.2250, 37.1100, 'district', 4, D.format('NW')),
    ('aleppo-jamiat-al-zahraa', 'Jamiat al-Zahraa', ['al-Zahraa Association'], 36.2130, 37.0920, 'district', 4, D.format('far W, N of New Aleppo')),
    ('aleppo-dahiyat-al-assad', 'Dahiyat al-Assad', ['Assad suburb (Aleppo)'], 36.1920, 37.0840, 'district', 4, D.format('far W, W of New Aleppo')),
    ('aleppo-al-layramoun', 'al-Layramoun', ['Layramoun'], 36.2445, 37.1320, 'district', 4, D.format('NW industrial district')),
    # Damascus
    ('damascus-old-city', 'Old City of Damascus', ['Ancient City of Damascus', 'Damascus Old City'], 33.5110, 36.3095, 'district', 3, D.format('walled city around the Umayyad Mosque, E of the centre')),
    ('damascus-mezzeh', 'Mezzeh', ['al-Mezzeh', 'Mazzeh'], 33.5035, 36.2550, 'district', 4, D.format('W, along the Mezzeh highway')),
    ('damascus-kafr-souseh', 'Kafr Souseh', ['Kafr Sousa', 'Kafr Sousah'], 33.4975, 36.2760, 'district', 4, D.format('SW of the centre')),
    ('damascus-midan', 'al-Midan (Damascus)', ['Midan (Damascus)'], 33.4950, 36.3000, 'district', 4, D.format('S of the Old City')),
    ('damascus-qaboun', 'Qaboun', ['al-Qaboun', 'Qabun'], 33.5420, 36.3300, 'district', 4, D.format('NE, S of Barzeh')),
    ('damascus-jobar', 'Jobar', ['Jawbar'], 33.5290, 36.3350, 'district', 4, D.format('E, NE of the Old City')),
    ('damascus-al-malki', 'al-Malki', ['Abu Rummaneh'], 33.5235, 36.2800, 'district', 4, D.format('NW of the centre')),
    ('damascus-muhajireen', 'al-Muhajireen', ['Muhajirin (Damascus)'], 33.5290, 36.2700, 'district', 4, D.format('NW, on the slope of Mount Qasioun')),
    ('damascus-rukn-al-din', 'Rukn al-Din', ['Rukn al-Din (Damascus)'], 33.5400, 36.3000, 'district', 4, D.format('N, on the slope of Mount Qasioun')),
    ('damascus-qassaa', "al-Qassa'a", ['Qassaa (Damascus)'], 33.5185, 36.3180, 'district', 4, D.format('NE of the Old City')),
    ('damascus-yarmouk', 'Yarmouk Camp', ['al-Yarmouk (Damascus)'], 33.4720, 36.3040, 'district', 4, D.format('S')),
    ('damascus-tadamon', 'al-Tadamon', ['Tadamon'], 33.4790, 36.3170, 'district', 4, D.format('S, E of Yarmouk')),
    ('damascus-qadam', 'al-Qadam', ['Qadam (Damascus)'], 33.4700, 36.2850, 'district', 4, D.format('S, W of Yarmouk')),
    ('damascus-dummar', 'Dummar', ['Dummar Project'], 33.5310, 36.2300, 'district', 4, D.format('NW, on the Barada valley road')),
    # Homs
    ('homs-old-city', 'Old City of Homs', ['Homs Old City', 'al-Hamidiyah (Homs)'], 34.7300, 36.7165, 'district', 3, D.format('around the old souq, W of the city point')),
    ('homs-khalidiya', 'al-Khalidiya (Homs)', ['Khalidiya (Homs)'], 34.7440, 36.7160, 'district', 4, D.format('N, around the Khalid ibn al-Walid Mosque')),
    ('homs-baba-amr', 'Baba Amr', ['Bab Amr'], 34.7160, 36.6960, 'district', 4, D.format('SW')),
    ('homs-inshaat', 'al-Inshaat', ['Inshaat'], 34.7200, 36.7050, 'district', 4, D.format('W-central, N of Baba Amr')),
    ('homs-al-waer', "al-Wa'er", ['al-Waer', 'Waer'], 34.7430, 36.6780, 'district', 4, D.format('W, across the Orontes')),
    ('homs-al-zahraa', 'al-Zahraa (Homs)', [], 34.7290, 36.7450, 'district', 4, D.format('E')),
    ('homs-akrama', 'Akrama', ['Ikrimah (Homs)'], 34.7120, 36.7250, 'district', 4, D.format('S-central')),
    ('homs-al-nuzha', 'al-Nuzha (Homs)', [], 34.7050, 36.7380, 'district', 4, D.format('SE')),
    ('homs-deir-baalba', 'Deir Baalba', ['Dayr Baalbah'], 34.7570, 36.7300, 'district', 4, D.format('NE')),
    ('homs-karm-al-zeitoun', 'Karm al-Zeitoun', ['Karm al-Zaytun'], 34.7220, 36.7360, 'district', 4, D.format('E of the centre')),
    # Hama
    ('hama-al-hader', 'al-Hader (Hama)', ['Hader (Hama)'], 35.1375, 36.7490, 'district', 4, D.format('old town on the Orontes, W of the city point')),
    ('hama-al-arbaeen', "Mashaa al-Arbaeen", ["al-Arba'een (Hama)"], 35.1520, 36.7520, 'district', 4, D.format('N')),
    ('hama-al-qusour', 'al-Qusour (Hama)', [], 35.1450, 36.7650, 'district', 4, D.format('NE')),
    ('hama-bab-qibli', 'Bab Qibli (Hama)', [], 35.1270, 36.7500, 'district', 4, D.format('S')),
    ('hama-janoub-al-malaab', 'Janoub al-Malaab', ['South Stadium (Hama)'], 35.1230, 36.7370, 'district', 4, D.format('SW')),
    ('hama-tariq-halab', 'Tariq Halab (Hama)', [], 35.1490, 36.7380, 'district', 4, D.format('NW, on the Aleppo road')),
]

# module rows that are inset-map anchors (not locations) -> replaced by real points
CITY_FROM_GEONAMES = {  # module name -> (GeoNames name, display name, aliases, rank)
    'Raqqa': ('Ar Raqqah', 'Raqqa', ['Ar Raqqah', 'al-Raqqa'], 2),
    'Qamishli': ('Al Qāmishlī', 'Qamishli', ['Al Qamishli', 'Qamishlo'], 2),
}

# GeoNames entries that are the same place as a module point under another transliteration (checked by hand)
GN_MERGE = {'Dhībbīn': 'Zibin', 'As Sūsah': 'Al-Susat'}
# display names for GeoNames-only places (mostly Damascus suburbs, which the module shows only on an inset image)
GN_DISPLAY = {'Dūmā': 'Douma', '‘Irbīn': 'Irbin', 'Ḩarastā': 'Harasta', 'Qadsayyā': 'Qudsaya', 'Kafr Baţnā': 'Kafr Batna',
              'Şaḩnāyā': 'Sahnaya', 'Al Mulayḩah': 'al-Mulayhah', 'Babīlā': 'Babila', 'Al Ḩajar al Aswad':
              'al-Hajar al-Aswad', '‘Ayn al Fījah': 'Ain al-Fijah', 'At Tall': 'al-Tall', 'Dayr al ‘Aşāfīr':
              'Deir al-Asafir', 'Al Ghizlānīyah': 'al-Ghizlaniyah', 'An Nashābīyah': 'al-Nashabiyah',
              'Bāniyās': 'Baniyas', 'Ḩarrān al ‘Awāmīd': 'Harran al-Awamid', 'Kafr Şaghīr': 'Kafr Saghir'}

KIND_OF_MARK = {'dot': 'village', 'ctl2': 'village', 'anim': 'village', 'hill': 'feature', 'dam': 'site',
                'industry': 'site', 'oil': 'site', 'base': 'base', 'heli': 'base', 'naval': 'base', 'air': 'airport'}

GOVCAP_NAMES = {  # rank 2 regardless of population (names as they appear after the seed/GeoNames merge)
    'Aleppo', 'Homs', 'Hama', 'Latakia', 'Tartus', 'Idlib', 'Raqqa', 'Deir ez-Zor', 'Hasakah', 'Daraa', 'Suwayda',
    'Quneitra'}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default='/work/shared/data')
    ap.add_argument('--out', default=os.path.join(SOURCES, 'places.csv'))
    args = ap.parse_args()
    gz = os.path.join(args.shared, 'gazetteer')

    # ---------- boundaries
    country = json.load(open(os.path.join(SOURCES, 'country.geojson'), encoding='utf-8'))
    cpolys = [p for f in country['features'] for p in rings_of(f['geometry'])]
    govs = []
    for f in json.load(open(os.path.join(SOURCES, 'governorates.geojson'), encoding='utf-8'))['features']:
        polys = rings_of(f['geometry'])
        govs.append((f['properties']['name'], polys, bbox(polys)))

    def in_country(lat, lon):
        return in_geom(lon, lat, cpolys)

    def gov_of(lat, lon):
        for name, polys, (x0, y0, x1, y1) in govs:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and in_geom(lon, lat, polys):
                return name
        # on a shared edge / sliver between governorates: nearest vertex
        best = None
        for name, polys, _ in govs:
            for poly in polys:
                for x, y in poly[0]:
                    d = (x - lon) ** 2 + (y - lat) ** 2
                    if best is None or d < best[0]:
                        best = (d, name)
        return best[1]

    # ---------- inputs
    module = list(csv.DictReader(open(os.path.join(gz, 'wikipedia_module_marks_2017.csv'), encoding='utf-8')))
    seeds = list(csv.DictReader(open(os.path.join(gz, 'seed_place_candidates.csv'), encoding='utf-8')))
    geon = []
    for line in open(os.path.join(gz, 'geonames_cities500_SY.txt'), encoding='utf-8'):
        c = line.rstrip('\n').split('\t')
        geon.append(dict(gid=c[0], name=c[1], ascii=c[2], alt=c[3], lat=float(c[4]), lon=float(c[5]), fcode=c[7],
                         pop=int(c[14] or 0)))
    gn_by_name = {g['name']: g for g in geon}

    def module_row(name, lat=None, lon=None):
        hits = [i for i, m in enumerate(module) if m['name'] == name and
                (lat is None or (abs(float(m['lat']) - float(lat)) < 1e-6 and abs(float(m['lon']) - float(lon)) < 1e-6))]
        assert len(hits) == 1, (name, lat, lon, hits)
        return hits[0]

    places = []      # dicts: id, name, aliases(list), lat, lon, kind, rank, source, seed(bool), pop, fixed_name(bool)
    consumed = set()  # module row indices used by a seed/extra place
    changed = []     # report lines

    def add(**kw):
        p = dict(aliases=[], pop=0, seed=False, fixed=False, gn=False, mark=None, msize=0)
        p.update(kw)
        places.append(p)
        return p

    # ---------- 1. the seed's places
    kind_of_seed = {'settlement': 'village', 'base': 'base', 'neighbourhood': 'district', 'feature': 'feature'}
    for s in seeds:
        nm = s['seed_name']
        o = SEED_OVERRIDE.get(nm, {})
        p = add(id=slug(nm), name=nm, seed=True, fixed=True, kind=o.get('kind') or kind_of_seed[s['seed_kind']],
                rank=o.get('rank'))
        if 'geonames' in o:
            g = gn_by_name[o['geonames']]
            p.update(lat=g['lat'], lon=g['lon'], source='geonames', pop=g['pop'], gn=True)
            p['aliases'] += [g['name'], g['ascii']]
            consumed.add(('gn', g['gid']))
        elif 'module' in o:
            i = module_row(o['module'])
            consumed.add(i)
            m = module[i]
            p.update(lat=float(m['lat']), lon=float(m['lon']), source='wikipedia-module-2017', mark=m['mark_kind'])
            p['aliases'].append(m['name'])
        elif 'lat' in o:
            p.update(lat=o['lat'], lon=o['lon'], source=o['src'])
        else:
            assert s['match_method'] != 'NOT FOUND', nm
            i = module_row(s['matched_name'], s['lat'], s['lon'])
            consumed.add(i)
            m = module[i]
            p.update(lat=float(m['lat']), lon=float(m['lon']), source='wikipedia-module-2017', mark=m['mark_kind'],
                     msize=int(m['marksize'] or 0))
            p['aliases'] += [s['matched_name'], s['matched_variant']]
            if s['match_method'] in ('loose', 'manual-alias', 'token-containment') or s['confidence'] != 'high':
                if s['confidence'] != 'high':
                    changed.append('%s: kept %s candidate "%s" (%s): %s' % (nm, s['confidence'], s['matched_name'],
                                   s['governorate'], s['note'] or 'consistent with the seed context'))
        p['aliases'] += o.get('alias', [])
        if o.get('note'):
            changed.append('%s: %s -> %s' % (nm, o['note'], p['source'] if p['source'].startswith('estimated')
                                             else '%s (%.4f, %.4f)' % (p['source'], p['lat'], p['lon'])))
        elif 'lat' in o and s['match_method'] == 'NOT FOUND':
            pass
        if p['kind'] == 'base' and ('airport' in fold(nm) or 'air base' in fold(nm) or 'airbase' in fold(nm)):
            p['kind'] = 'airport'

    # ---------- 2. extras (rule 4) and city districts
    for (pid, nm, al, lat, lon, kind, rank, src) in EXTRA:
        if src.startswith('module='):
            i = module_row(src[len('module='):])
            consumed.add(i)
            m = module[i]
            lat, lon, src = float(m['lat']), float(m['lon']), 'wikipedia-module-2017'
            al = [m['name']] + al
        add(id=pid, name=nm, aliases=list(al), lat=lat, lon=lon, kind=kind, rank=rank, source=src, fixed=True)

    # ---------- 3. the module bulk
    dropped_outside, snapped = [], []
    for i, m in enumerate(module):
        if i in consumed or m['coord_ok'] != 'yes':
            continue
        if m['mark_kind'] == 'label-anchor':
            continue
        if m['mark_kind'] == 'city-minimap':
            if m['name'] in CITY_FROM_GEONAMES:
                gname, disp, al, rank = CITY_FROM_GEONAMES[m['name']]
                g = gn_by_name[gname]
                consumed.add(('gn', g['gid']))
                add(id=slug(disp), name=disp, aliases=al + [g['ascii']], lat=g['lat'], lon=g['lon'], kind='city',
                    rank=rank, source='geonames', pop=g['pop'], gn=True, fixed=False)
            # Aleppo, Damascus, Daraa, Deir ez-Zor insets are replaced by the seed places
            continue
        lat, lon = float(m['lat']), float(m['lon'])
        src = 'wikipedia-module-2017'
        if not in_country(lat, lon):
            sn = snap_inside(lat, lon, cpolys)
            if sn is None or sn[2] > 3:
                dropped_outside.append(m['name'])
                continue
            src = ('estimated: the module-2017 point (%.4fN %.4fE) lies %.2f km outside the OCHA boundary; moved to '
                   'the nearest point ~150 m inside it' % (lat, lon, sn[2]))
            lat, lon = sn[0], sn[1]
            snapped.append(m['name'])
        nm = m['name'].strip()
        al = []
        if m['mark_kind'] in ('dot', 'ctl2', 'anim'):
            # "Kobanî (Ayn al-Arab)", "Ajil/Ujayl/Icêl": the parts are spellings of the same place
            mm = re.match(r'^(.*?)\s*\((.*)\)\s*$', nm)
            if mm:
                al += [mm.group(1), mm.group(2)]
            if '/' in nm:
                al += [x.strip() for x in re.split(r'/', re.sub(r'\(.*?\)', '', nm))]
        lt = m['link_title']
        if lt and '#' not in lt and not re.search(r'(?i)battle|offensive|clashes|siege|cities and towns|campaign', lt):
            lt = re.sub(r',\s*Syria$|\s*\(Syria\)$', '', lt)
            al.append(lt)
        add(id=None, name=nm, aliases=al, lat=lat, lon=lon, kind=KIND_OF_MARK[m['mark_kind']], rank=None,
            source=src, mark=m['mark_kind'], msize=int(m['marksize'] or 0))

    # ---------- 3b. the module lists some places twice (two marks, two spellings): same place within 300 m with a
    # similar name -> one place, the other spelling as alias
    grid = {}
    for p in places:
        grid.setdefault((round(p['lat'] * 50), round(p['lon'] * 50)), []).append(p)
    gone = set()
    module_dups = []
    for p in places:
        if p['fixed'] or id(p) in gone or p['source'] != 'wikipedia-module-2017':
            continue
        gy, gx = round(p['lat'] * 50), round(p['lon'] * 50)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for q in grid.get((gy + dy, gx + dx), []):
                    if (q is p or q['fixed'] or id(q) in gone or q['source'] != 'wikipedia-module-2017'
                            or q['kind'] != p['kind']):
                        continue
                    if km(p['lat'], p['lon'], q['lat'], q['lon']) <= 0.3 and similar(p['name'], q['name']):
                        p['aliases'] += [q['name']] + q['aliases']
                        p['msize'] = max(p['msize'], q['msize'])
                        gone.add(id(q))
                        module_dups.append('%s = %s' % (p['name'], q['name']))
    places[:] = [p for p in places if id(p) not in gone]

    # ---------- 4. GeoNames: merge into an existing place (same name nearby, or very close), else add
    gn_added = gn_merged = 0
    for g in geon:
        if ('gn', g['gid']) in consumed:
            continue
        names = [g['name'], g['ascii']]
        best = None
        if g['name'] in GN_MERGE:
            best = (0, next(p for p in places if p['name'] == GN_MERGE[g['name']]))
        for p in ([] if best else places):
            d = km(g['lat'], g['lon'], p['lat'], p['lon'])
            if d > 20:
                continue
            sim = any(similar(a, b) for a in names for b in [p['name']] + p['aliases'])
            if p['kind'] in ('village', 'town', 'city', 'district') and ((sim and d <= 3.0) or d <= 0.3):
                score = d - (5 if sim else 0)
                if best is None or score < best[0]:
                    best = (score, p)
        if best is not None:
            p = best[1]
            p['aliases'] += names
            p['pop'] = max(p['pop'], g['pop'])
            p['gn'] = True
            p['gfcode'] = min(p.get('gfcode') or 'PPLZ', g['fcode'])
            gn_merged += 1
        else:
            if not in_country(g['lat'], g['lon']):
                dropped_outside.append(g['name'])
                continue
            add(id=None, name=GN_DISPLAY.get(g['name'], g['name']), aliases=[g['name'], g['ascii']], lat=g['lat'], lon=g['lon'], kind='village', rank=None,
                source='geonames', pop=g['pop'], gn=True, gfcode=g['fcode'])
            gn_added += 1

    # ---------- 5. kind, rank, governorate, coordinates
    for p in places:
        p['lat'], p['lon'] = round(p['lat'], 5), round(p['lon'], 5)
        p['governorate'] = gov_of(p['lat'], p['lon'])
        if p['kind'] in ('village', 'town', 'city') and p['rank'] is None:
            pop = p['pop']
            if p['name'] in GOVCAP_NAMES or fold(p['name']) in {fold(x) for x in GOVCAP_NAMES}:
                p['kind'], p['rank'] = 'city', 2
            elif pop >= 90000:
                p['kind'], p['rank'] = 'city', 2
            elif pop >= 40000:
                p['kind'], p['rank'] = 'city', 3
            elif pop >= 5000 or p.get('gfcode') in ('PPLA', 'PPLA2', 'PPLA3') or p['msize'] >= 8:
                p['kind'], p['rank'] = 'town', 3  # PPLA3 = sub-district (nahiya) seat
            else:
                p['kind'], p['rank'] = 'village', 4
        if p['rank'] is None:
            p['rank'] = {'airport': 4, 'base': 5, 'site': 5, 'feature': 5, 'district': 4}.get(p['kind'], 4)
    for p in places:
        if p['id'] == 'damascus':  # the capital
            p['kind'], p['rank'] = 'city', 1
        if p['seed'] and p['kind'] in ('base', 'airport'):  # named in the article
            p['rank'] = 3 if p['id'] == 'aleppo-international-airport' else 4

    # ---------- 6. names: seed names exclusive; other duplicates qualified by governorate (then nearest town)
    seed_keys = {fold(p['name']) for p in places if p['seed']}
    for p in places:
        if not p['fixed'] and fold(p['name']) in seed_keys:
            p['name'] = '%s (%s%s)' % (p['name'], p['governorate'], ', hill' if p['mark'] == 'hill' else '')
            p['aliases'] = []  # never alias a homonym with the bare seed name
    towns = [p for p in places if p['kind'] in ('town', 'city') and p['rank'] <= 3]

    def nearest_town(p):
        return min((q for q in towns if q is not p), key=lambda q: km(p['lat'], p['lon'], q['lat'], q['lon']))['name']

    for qualifier in ('gov', 'near', 'n'):
        groups = {}
        for p in places:
            groups.setdefault(fold(p['name']), []).append(p)
        dups = [g for g in groups.values() if len(g) > 1]
        if not dups:
            break
        for g in dups:
            ranks = sorted(p['rank'] for p in g)
            keep = None
            if qualifier == 'gov' and ranks[0] <= 3 and ranks[0] < ranks[1] and not any(p['fixed'] for p in g):
                keep = min(g, key=lambda p: p['rank'])  # e.g. the town Afrin keeps its name, the village is qualified
            for k, p in enumerate(g):
                if p['fixed'] or p is keep:
                    continue
                base = p['name']
                if qualifier == 'gov':
                    p['name'] = '%s (%s)' % (base, p['governorate'])
                elif qualifier == 'near':
                    p['name'] = re.sub(r'\)$', ', near %s)' % nearest_town(p), base)
                else:
                    p['name'] = re.sub(r'\)$', ' %d)' % (k + 1), base)
    # aliases: unique across the gazetteer, never equal to another place's name
    name_owner = {fold(p['name']): p for p in places}
    alias_count = {}
    for p in places:
        seen, out = {fold(p['name'])}, []
        for a in p['aliases']:
            a = (a or '').replace('|', '/').strip()
            k = fold(a)
            if not a or k in seen:
                continue
            seen.add(k)
            out.append(a)
        p['aliases'] = out
        for a in out:
            alias_count[fold(a)] = alias_count.get(fold(a), 0) + 1
    for p in places:
        p['aliases'] = [a for a in p['aliases'] if fold(a) not in name_owner and alias_count[fold(a)] == 1]

    # ---------- 7. ids
    used = {p['id'] for p in places if p['id']}
    assert len(used) == sum(1 for p in places if p['id']), 'reserved ids collide'
    for p in places:
        if p['id']:
            continue
        base = slug(p['name']) or 'place'
        pid, n = base, 2
        while pid in used:
            pid = '%s-%d' % (base, n)
            n += 1
        p['id'] = pid
        used.add(pid)

    # ---------- 8. write
    places.sort(key=lambda p: p['id'])
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'name', 'aliases', 'lat', 'lon', 'kind', 'governorate', 'rank', 'source'])
        for p in places:
            w.writerow([p['id'], p['name'], '|'.join(p['aliases']), '%.5f' % p['lat'], '%.5f' % p['lon'],
                        p['kind'], p['governorate'], p['rank'], p['source']])

    # ---------- 9. validate what was written
    ok = validate(args.out, seeds, in_country, gov_of)
    print('module rows dropped (outside the country or anchors): %d %s' % (len(dropped_outside), dropped_outside[:10]))
    print('module rows just outside the OCHA boundary, moved inside (source estimated): %d' % len(snapped))
    print('module duplicates merged: %d, e.g. %s' % (len(module_dups), module_dups[:8]))
    print('GeoNames: %d merged into module/seed places, %d added' % (gn_merged, gn_added))
    print('seed candidates changed or kept at low/medium confidence:')
    for c in changed:
        print('  - ' + c)
    return 0 if ok else 1


def validate(path, seeds, in_country, gov_of):
    rows = list(csv.DictReader(open(path, encoding='utf-8', newline='')))
    raw = open(path, 'rb').read()
    errs = []
    if raw.startswith(b'\xef\xbb\xbf'):
        errs.append('BOM')
    if list(rows[0].keys()) != ['id', 'name', 'aliases', 'lat', 'lon', 'kind', 'governorate', 'rank', 'source']:
        errs.append('header')
    ids = [r['id'] for r in rows]
    if len(set(ids)) != len(ids):
        errs.append('duplicate ids')
    if ids != sorted(ids):
        errs.append('not sorted by id')
    labels = {}
    for r in rows:
        if not re.fullmatch(r'[a-z0-9-]+', r['id']):
            errs.append('bad id %s' % r['id'])
        if r['kind'] not in ('city', 'town', 'village', 'district', 'base', 'airport', 'site', 'feature'):
            errs.append('bad kind %s' % r['id'])
        if r['rank'] not in '12345' or len(r['rank']) != 1:
            errs.append('bad rank %s' % r['id'])
        if not (r['source'] in ('wikipedia-module-2017', 'geonames') or r['source'].startswith('estimated: ')):
            errs.append('bad source %s' % r['id'])
        for c in ('lat', 'lon'):
            if not re.fullmatch(r'-?\d+(\.\d{1,5})?', r[c]):
                errs.append('bad number %s %s' % (r['id'], c))
        lat, lon = float(r['lat']), float(r['lon'])
        if not in_country(lat, lon):
            errs.append('outside country: %s' % r['id'])
        if gov_of(lat, lon) != r['governorate']:
            errs.append('governorate mismatch: %s' % r['id'])
        if '|' in r['name'] or '' in r['aliases'].split('|')[:-1] or r['aliases'].endswith('|'):
            errs.append('bad name/aliases %s' % r['id'])
        for lab in [r['name']] + [a for a in r['aliases'].split('|') if a]:
            labels.setdefault(fold(lab), set()).add(r['id'])
    byid = {r['id']: r for r in rows}
    for s in seeds:
        nm, sid = s['seed_name'], slug(s['seed_name'])
        if sid not in byid or byid[sid]['name'] != nm:
            errs.append('seed missing: %s' % nm)
        if labels.get(fold(nm), set()) != {sid}:
            errs.append('seed name not exclusive: %s %s' % (nm, labels.get(fold(nm))))
    shared = sum(1 for v in labels.values() if len(v) > 1)
    est = sum(1 for r in rows if r['source'].startswith('estimated'))
    by_src = {}
    for r in rows:
        k = 'estimated' if r['source'].startswith('estimated') else r['source']
        by_src[k] = by_src.get(k, 0) + 1
    by_kind = {}
    for r in rows:
        by_kind[r['kind']] = by_kind.get(r['kind'], 0) + 1
    print('places.csv: %d rows; sources %s; kinds %s' % (len(rows), by_src, by_kind))
    print('seed places: %d/%d present with slug id and exact name; estimated rows: %d' %
          (sum(1 for s in seeds if slug(s['seed_name']) in byid), len(seeds), est))
    print('labels (names+aliases) shared by >1 place: %d' % shared)
    if errs:
        print('VALIDATION FAILED (%d):' % len(errs))
        for e in errs[:50]:
            print('  ' + e)
        return False
    print('validation OK')
    return True


if __name__ == '__main__':
    sys.exit(main())
