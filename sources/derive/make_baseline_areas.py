# Draws the ten baseline areas of 2024-11-26 (sources/areas/*.geojson, not the adv_* ones) from shared vertex
# lists, so neighbouring areas use exactly the same vertices. Checked by check_areas.py.
import json, math, os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'areas')
# all coordinates below are (lat, lon)
T_HTS=(36.32,36.62)
HTS_SNA=[(36.318,36.675),(36.322,36.70),(36.327,36.74),(36.332,36.77),(36.333,36.80),(36.34,36.82),(36.343,36.845)]
J1=(36.345,36.862)
SHAHBA_N=[(36.36,36.856),(36.38,36.875),(36.40,36.877),(36.415,36.88),(36.43,36.893),(36.44,36.905),(36.45,36.925),
 (36.455,36.95),(36.465,36.975),(36.475,36.995),(36.485,37.008),(36.50,37.018),(36.52,37.022),(36.54,37.022),(36.555,37.045),
 (36.562,37.07),(36.55,37.095),(36.535,37.115),(36.515,37.13),(36.50,37.15),(36.49,37.167),(36.478,37.177),(36.462,37.182),
 (36.45,37.19),(36.435,37.195),(36.425,37.205),(36.42,37.225),(36.41,37.24)]
SHAHBA_S=[(36.395,37.235),(36.375,37.225),(36.366,37.19),(36.368,37.168),(36.378,37.158),(36.39,37.138),(36.404,37.118),
 (36.41,37.09),(36.415,37.062),(36.425,37.045),(36.412,37.028),(36.405,37.018),(36.40,37.00),(36.39,36.98),(36.375,36.965),
 (36.36,36.955),(36.345,36.955),(36.33,36.94),(36.318,36.925),(36.318,36.885),(36.325,36.868)]  # west to J1
ES_S=[(36.405,37.26),(36.40,37.30),(36.395,37.34),(36.385,37.38),(36.37,37.42),(36.355,37.45),(36.345,37.48),(36.338,37.50),
 (36.338,37.512),(36.352,37.52),(36.362,37.535),(36.365,37.56),(36.362,37.59),(36.365,37.625),(36.38,37.655),(36.41,37.675)]
JM=(36.44,37.69)
SM=[(36.46,37.695),(36.48,37.70),(36.50,37.705),(36.52,37.715),(36.54,37.725),(36.57,37.73),(36.59,37.75),(36.61,37.775),
 (36.63,37.79),(36.645,37.82),(36.65,37.86),(36.645,37.90),(36.64,37.925),(36.637,37.955),(36.628,37.975),(36.625,38.00),(36.625,38.03)]
# Euphrates, Turkish border (outside) -> Tishrin dam
EU_TOP=[(36.95,38.02),(36.83,38.027),(36.80,38.04),(36.785,38.055),(36.755,38.065),(36.72,38.062),(36.69,38.057),(36.66,38.055)]
EU_MID=[(36.63,38.08),(36.61,38.13),(36.585,38.20),(36.56,38.245),(36.52,38.25),(36.48,38.235),(36.44,38.215),(36.40,38.195)]
DAM=(36.38,38.185)
BELOW_DAM=[(36.33,38.19),(36.27,38.195)]
MG=[(36.28,38.10),(36.30,38.04),(36.32,37.98),(36.34,37.92),(36.36,37.86),(36.385,37.82),(36.41,37.775),(36.43,37.73)]  # east->west, ends before JM
K_S=[(36.37,38.30),(36.37,38.45),(36.39,38.60)]   # dam -> PS corner
PSC=(36.43,38.80)
PS_W=[(36.50,38.79),(36.60,38.77),(36.72,38.76),(36.95,38.76)]  # corner -> border
PS_S=[(36.42,38.86),(36.44,38.95),(36.47,39.10),(36.50,39.25),(36.52,39.40),(36.53,39.55),(36.56,39.70),(36.58,39.85),
 (36.60,40.00),(36.63,40.12),(36.68,40.18),(36.78,40.20),(36.95,40.20)]  # corner -> border (east)
LAKE_W=[(36.22,38.17),(36.17,38.09),(36.12,38.07),(36.05,38.065),(35.99,38.07),(35.95,38.10),(35.935,38.17),(35.93,38.25),(35.90,38.31)]
TABQA_S=[(35.86,38.335),(35.80,38.345),(35.74,38.365),(35.70,38.41),(35.685,38.47),(35.675,38.55),(35.685,38.65),(35.70,38.75),
 (35.725,38.85),(35.75,38.95),(35.78,39.05),(35.82,39.12),(35.86,39.16)]
EU_S=[(35.895,39.17),(35.885,39.20),(35.85,39.28),(35.82,39.35),(35.79,39.42),(35.78,39.52),(35.775,39.60),(35.745,39.68),
 (35.69,39.75),(35.64,39.81),(35.60,39.86),(35.55,39.92),(35.49,39.97),(35.44,40.005)]
EU_DEZ=[(35.40,40.025),(35.375,40.06),(35.367,40.10),(35.345,40.15),(35.325,40.185),(35.30,40.215),(35.28,40.24),(35.27,40.27),(35.26,40.295)]
SEVEN_V=[(35.275,40.30),(35.30,40.295),(35.325,40.28),(35.345,40.25),(35.37,40.215),(35.395,40.16),(35.415,40.09),(35.42,40.04)]  # inland edge of the govt east-bank pocket, from SE end back to NW end
EU_LOW=[(35.252,40.32),(35.243,40.345),(35.225,40.365),(35.21,40.385),(35.19,40.40),(35.165,40.41),(35.14,40.415),(35.11,40.425),
 (35.09,40.44),(35.07,40.45),(35.055,40.457),(35.035,40.47),(35.02,40.49),(35.008,40.51),(34.995,40.525),(34.97,40.54),
 (34.94,40.555),(34.915,40.575),(34.89,40.59),(34.865,40.605),(34.845,40.615),(34.825,40.605),(34.805,40.592),(34.785,40.61),
 (34.775,40.65),(34.765,40.70),(34.745,40.74),(34.72,40.775),(34.69,40.815),(34.66,40.835),(34.635,40.86),(34.62,40.88),
 (34.595,40.90),(34.57,40.92),(34.545,40.94),(34.52,40.942),(34.505,40.915),(34.485,40.92),(34.47,40.935),(34.455,40.935),
 (34.44,40.95),(34.42,40.98),(34.38,41.05),(34.30,41.20)]
NE_OUT=[(34.30,41.55),(35.20,41.70),(36.20,41.80),(36.70,42.60),(37.50,42.60),(37.30,41.00),(37.20,40.20)]
HTS_OUT=[(36.30,36.55),(36.25,36.40),(36.10,36.34),(35.99,36.27),(35.93,36.17),(35.88,36.09)]
LATAKIA=[(35.845,36.085),(35.825,36.072),(35.812,36.078),(35.803,36.095),(35.797,36.12),(35.798,36.14),(35.786,36.152),
 (35.784,36.168),(35.769,36.174),(35.760,36.185),(35.750,36.203),(35.735,36.207),(35.727,36.22),(35.714,36.223),(35.709,36.235),
 (35.712,36.248),(35.716,36.262),(35.717,36.285)]
GHAB=[(35.712,36.30),(35.69,36.31),(35.665,36.315),(35.64,36.312),(35.625,36.318),(35.615,36.335),(35.612,36.37),(35.615,36.40),
 (35.61,36.425),(35.60,36.445),(35.598,36.465),(35.601,36.48),(35.603,36.497)]
ZAWIYA=[(35.615,36.507),(35.63,36.515),(35.645,36.527),(35.66,36.537),(35.672,36.555),(35.685,36.575),(35.70,36.593),(35.715,36.612),
 (35.73,36.628),(35.745,36.64),(35.76,36.65),(35.772,36.665),(35.785,36.685),(35.80,36.697),(35.82,36.70),(35.84,36.70),
 (35.86,36.70),(35.875,36.707),(35.888,36.722)]
EAST=[(35.90,36.745),(35.915,36.77),(35.93,36.79),(35.95,36.805),(35.97,36.815),(35.99,36.825),(36.02,36.86),(36.04,36.885),
 (36.06,36.89),(36.075,36.89),(36.09,36.885),(36.11,36.878),(36.125,36.87),(36.14,36.865),(36.16,36.878),(36.18,36.89),
 (36.195,36.892),(36.21,36.895),(36.235,36.915),(36.25,36.915),(36.275,36.905),(36.30,36.89),(36.325,36.868)]
SNA_OUT=[(37.0,37.6),(36.95,37.0),(36.90,36.75),(36.80,36.52),(36.55,36.45),(36.40,36.52)]

def rev(l): return list(reversed(l))
rings={}
rings['idlib_pocket']=[T_HTS]+HTS_OUT+LATAKIA+GHAB+ZAWIYA+EAST+[J1]+rev(HTS_SNA)
rings['sna_north']=[T_HTS]+HTS_SNA+[J1]+SHAHBA_N+ES_S+[JM]+SM+EU_MID[:1]+rev(EU_TOP)+SNA_OUT
rings['sdf_tell_rifaat']=[J1]+SHAHBA_N+SHAHBA_S
rings['sdf_manbij']=EU_MID+[DAM]+BELOW_DAM+MG+[JM]+SM
rings['sdf_kobani']=EU_TOP+EU_MID+[DAM]+K_S+[PSC]+PS_W
rings['sna_peace_spring']=[PSC]+PS_S+rev(PS_W)
# sdf_northeast: ... EU_S then (skip the govt east-bank pocket): from (35.44,40.005) go along the pocket's inland edge
# NW end -> SE end, rejoin the river at (35.26,40.295)
rings['sdf_northeast']=rev(PS_S)+[PSC]+rev(K_S)+[DAM]+BELOW_DAM+LAKE_W+TABQA_S+EU_S+rev(SEVEN_V)+EU_LOW+NE_OUT
# Sheikh Maqsood
rings['sdf_sheikh_maqsood']=[(36.240,37.147),(36.238,37.157),(36.231,37.162),(36.222,37.160),(36.215,37.152),(36.216,37.141),(36.223,37.136),(36.233,37.139)]
# al-Tanf circle on the WGS84 ellipsoid (Vincenty direct)
def vdirect(lat1,lon1,az,s):
    a=6378137.0; f=1/298.257223563; b=a*(1-f)
    phi1=math.radians(lat1); al1=math.radians(az)
    U1=math.atan((1-f)*math.tan(phi1)); s1=math.atan2(math.tan(U1),math.cos(al1))
    sa=math.cos(U1)*math.sin(al1); c2a=1-sa*sa; u2=c2a*(a*a-b*b)/(b*b)
    A=1+u2/16384*(4096+u2*(-768+u2*(320-175*u2))); B=u2/1024*(256+u2*(-128+u2*(74-47*u2)))
    sig=s/(b*A)
    for _ in range(100):
        c2sm=math.cos(2*s1+sig); ss=math.sin(sig); cs=math.cos(sig)
        ds=B*ss*(c2sm+B/4*(cs*(-1+2*c2sm**2)-B/6*c2sm*(-3+4*ss**2)*(-3+4*c2sm**2)))
        n=s/(b*A)+ds
        if abs(n-sig)<1e-12: sig=n; break
        sig=n
    c2sm=math.cos(2*s1+sig); ss=math.sin(sig); cs=math.cos(sig)
    t=math.sin(U1)*ss-math.cos(U1)*cs*math.cos(al1)
    phi2=math.atan2(math.sin(U1)*cs+math.cos(U1)*ss*math.cos(al1),(1-f)*math.sqrt(sa*sa+t*t))
    lam=math.atan2(ss*math.sin(al1),math.cos(U1)*cs-math.sin(U1)*ss*math.cos(al1))
    C=f/16*c2a*(4+f*(4-3*c2a))
    L=lam-(1-C)*f*sa*(sig+C*ss*(c2sm+C*cs*(-1+2*c2sm**2)))
    return math.degrees(phi2), lon1+math.degrees(L)
TANF=(33.4949,38.6530)
rings['sfa_tanf']=[vdirect(TANF[0],TANF[1],360-i*360/96,55000) for i in range(96)]  # counter-clockwise
rings['israel_golan']=[(33.42,35.62),(33.36,35.72),(33.335,35.80),(33.31,35.815),(33.285,35.82),(33.26,35.83),(33.23,35.815),
 (33.20,35.81),(33.17,35.81),(33.145,35.812),(33.125,35.811),(33.10,35.814),(33.07,35.83),(33.04,35.845),(33.00,35.86),
 (32.96,35.87),(32.92,35.875),(32.88,35.875),(32.84,35.872),(32.80,35.87),(32.76,35.87),(32.72,35.862),(32.70,35.855),
 (32.66,35.85),(32.60,35.60),(33.00,35.55),(33.42,35.55)]

NAMES={
'idlib_pocket':'HTS-held north-west (Idlib pocket, Salvation Government)',
'sna_north':'SNA zone of northern Aleppo (Olive Branch / Afrin and Euphrates Shield)',
'sna_peace_spring':'SNA zone of Operation Peace Spring (Tell Abyad - Ras al-Ayn)',
'sdf_northeast':'SDF/AANES north-east (east of the Euphrates, and the Raqqa-Tabqa south bank)',
'sdf_manbij':'SDF Manbij pocket (west of the Euphrates)',
'sdf_kobani':'SDF Kobani (Ayn al-Arab) region',
'sdf_tell_rifaat':'SDF Tell Rifaat / Shahba pocket',
'sdf_sheikh_maqsood':'SDF-held Sheikh Maqsood and Ashrafiyeh districts of Aleppo',
'sfa_tanf':'al-Tanf 55 km deconfliction zone (US-backed Syrian Free Army)',
'israel_golan':'Israeli-occupied Golan Heights',
}
COMMON=(" Coordinates of anchor towns: Wikipedia 'Module:Syrian Civil War detailed map' marks (~July 2017, controller used only as a hint) "
        "and GeoNames cities500; lines are the author's reconstruction of the front frozen since the March 2020 Idlib ceasefire "
        "(as on the Wikipedia/LiveUAMap control maps of Nov 2024). Edges on the country border run outside the country on purpose; "
        "the tool clips every area to country.geojson.")
NOTES={
'idlib_pocket':"Drawn by hand, vertices every 1.5-3 km along the front. North-west edge runs inside Turkey (Hatay), clipped to the border. "
 "Latakia edge follows the 2016-2024 line: Sabra, Ayn Issa, Tuffahiyah, Haddada, Tardin, Barza, Kabani ridge (Height 1154, Jabal Zuwayqat) in; "
 "al-Saraf, al-Bayda, Jabal al-Qal'ah, Ain al-Hawr, Ard al-Wata, Rasha, Tal Malik, Jabal Katf, Fawru out. "
 "Ghab: edge at about 35.60-35.62N, keeping Ziyarah, Qastun, Tal Wassit, Mansura, Khirbat al-Naqus, Kafr Uwayd, Sfuhun, al-Fatirah in and "
 "Hakoura, Qalaat al-Madiq and the southern Ghab out (approximate: exact Ghab villages uncertain). "
 "Jabal al-Zawiya: Kansafrah, Bara, Ihsim, Mariyan, Sarjah, Ariha in; Kafranbel (Kafr Nabl), Hass, Hazarin, Maarat al-Numan, Khan Shaykhun out. "
 "East: edge just west of the M5 - Dadikh, Kafr Battikh, al-Nayrab (Idlib, 3 km S of Sarmin), Saraqib, Afis out; Sarmin, Qmenas, Taftanaz in. "
 "Western Aleppo: edge just west of the villages the article says HTS captured on 27-28 Nov (Sheikh Ali, Arnaz, Urum al-Sughra, 46th regiment base, "
 "Urum al-Kubra, Basratoun, Anjara, Hawr, Qubtan al-Jabal, Kafr Basin, Sheikh Aqil: all out), keeping Kafr Halab, Miznaz, Kafr Nuran, Atarib, Taqad, "
 "Darat Izza, Deir Semaan in. North edge against SNA Afrin: roughly the Jabal Siman/Afrin district line from the border between Atmeh and Deir Ballut "
 "east to north of Qal'at Sim'an (Jalamah, Qarsaq SNA).",
'sna_north':"One polygon: Afrin district (Olive Branch, 2018) joined via Azaz to the Euphrates Shield zone (Azaz, Mare', Dabiq, al-Rai, Akhtarin, "
 "al-Bab, Qabasin, Jarabulus). North and west edges outside (Turkey), east edge the Euphrates from the border to south of Jarabulus "
 "(the river is the line with SDF Kobani). South-west edge = idlib_pocket's north edge. Against the SDF Tell Rifaat pocket: Basouta, Burj Abdullah, "
 "Tanab, Azaz, Mare', Tall Malid in; Kimar, Aqiba, Kashtaar, Menagh airbase, Kafr Khashir, Sheikh Issa, Herbel, Umm Hosh out. "
 "Southern edge against the government from Umm Hosh east to al-Bab: follows the 2017 module's opposition/government marks "
 "(stable 2017-2024); al-Bab and its silos in, Tadef and Birat al-Bab out (Tadef taken by SNA on 30 Nov per the article). "
 "East edge against SDF Manbij: west of Arima, then along the Sajur valley (Sajur dam, Tukhar Kabir and Tukhar Saghir in; Awn al-Dadat out) "
 "to the Euphrates about 20 km south of Jarabulus. Approximate to 1-3 km.",
'sna_peace_spring':"The Operation Peace Spring strip (Oct 2019): from about 20 km west of Tell Abyad to about 12 km east of Ras al-Ayn (Serekaniye), "
 "south to just north of the M4 (Ain Issa and Tell Tamr stay SDF). Drawn as a simple polygon with vertices every 10-15 km; the "
 "southern edge parallels the M4 2-6 km north of it; north edge outside (Turkey). Suluk, Tell Abyad, Ras al-Ayn inside. "
 "The real line has salients (Mabrouka, Tell Tawil); this is approximate to ~5 km.",
'sdf_northeast':"East of the Euphrates in Raqqa, Hasakah and Deir ez-Zor governorates, minus sdf_kobani and sna_peace_spring, plus the SDF south bank "
 "from Tabqa (Tabqa city, dam and airbase, Hunaydah, Mansurah, Kasrat) to Raqqa and just east of it (line meets the river west of Sabkhah; "
 "Karamah in, Sabkhah out). South-bank edge against the government ~15-20 km south of the river (Thawrah oil field, Jubb Ghanim, Dibsi Afnan, "
 "Dibsi Faraj out) following the 2017 module's SDF/government marks. Lake Assad is included up to its west/south shore "
 "(Maskanah, al-Khafsah out; shore drawn by estimate). In Deir ez-Zor the edge is the Euphrates, drawn through the midpoints between "
 "gazetteer towns on each bank (right bank government: Deir ez-Zor city and airport, al-Jubailah, Muhasan, Buqrus, Mayadin, al-Quriyah, "
 "al-Asharah, Subaykhan, al-Salihiyah, al-Abbas, al-Jalaa, Abu Kamal; left bank SDF: Jadid Uqaydat, al-Dahla, al-Busayrah, Hawaij, Dhiban, "
 "Tayyaneh, Jurdi, Abu Hardub, Kashkiyeh, Granij, Hajin, al-Susah, al-Baghuz); the river course is approximate (+-1 km, no river data available). "
 "Exception: the government's east-bank pocket opposite Deir ez-Zor city (the 'seven villages': Husainiyah, Salhiyah, Hatla, Marrat, Mazloum, "
 "Khasham, Tabiyah) is left out, drawn roughly 5-8 km deep, the Conoco plant staying SDF. The government 'security squares' in al-Hasakah and "
 "Qamishli (and Qamishli airport) are only a few km2 and are omitted: they paint as SDF. East and north edges run outside (Iraq, Turkey).",
'sdf_manbij':"Manbij and its countryside west of the Euphrates: east edge the river from south of Jarabulus (Sajur mouth) down past the Tishrin dam; "
 "north/west edge the SNA front (see sna_north: Sajur valley, Awn al-Dadat in, Tukhar out; Arima in); south-west edge against the government "
 "runs from east of Arima south-east to the Euphrates above Lake Assad, keeping al-Khafsah out and Tishrin in (2017 marks; government/Russian "
 "posts around Arima are treated as SDF-held). Approximate to 2-3 km.",
'sdf_kobani':"Kobani (Ayn al-Arab) and its countryside east of the Euphrates: west edge the river from the Turkish border to the Tishrin dam "
 "(Shuyukh, Sarrin in), east edge the west edge of sna_peace_spring (~38.76E), south edge a conventional line ~36.37-36.43N "
 "to the Peace Spring corner north-west of Ain Issa (the split from sdf_northeast is administrative, not a front). North edge outside (Turkey).",
'sdf_tell_rifaat':"The Tell Rifaat / Shahba pocket held by the SDF (with government and Russian presence) between SNA Afrin/Azaz and the government "
 "towns Nubl and al-Zahraa: Tell Rifaat, Fafin area, Ahras, Kafr Naya, Kafr Naseh, Deir Jamal, Shaykh Issa, Herbel, Umm Hosh, Tell Qarah, "
 "Menagh airbase and village, Ayn Daqnah, Kafr Khashir, and the south Sherawa villages (Kimar, Burj al-Qas, Ziyarah, Aqiba, Basufan, Kbashin, "
 "Fafertin). Government villages Nubl, al-Zahraa, Mayer, Kiffin, Misqan, Mashrafah, Tell Jibbin, Kafr Qaris, Sheikh Aqil are left out. "
 "Menagh airbase is put with the SDF (uncertain: Russian/government presence). Approximate to 1-2 km.",
'sdf_sheikh_maqsood':"Sheikh Maqsood with Ashrafiyeh (Aleppo city), drawn as an ~8-vertex polygon about 2.8 km N-S by 2 km E-W around "
 "36.228N 37.150E from memory of the city plan (the Castello road/Jandoul roundabout to the north-east, Bani Zaid to the west); approximate to ~300 m.",
'sfa_tanf':"Circle of radius 55 km around the al-Tanf garrison at 33.4949N 38.6530E (the garrison, ~20 km west of the al-Tanf border crossing; "
 "module mark 'At Tanf' at 33.507N 38.619E, 3.3 km away), 96 vertices computed with the Vincenty direct formula on the WGS84 ellipsoid. "
 "The parts in Jordan and Iraq are removed by the clip to the country.",
'israel_golan':"West of the 1974 Purple (Alpha) ceasefire line: from the Hermon ridge near the Lebanese border (~33.33N 35.80E), east of "
 "Majdal Shams, Mas'ade and Buq'ata, just west of the Quneitra ruins (Quneitra and Jubata al-Khashab stay Syrian), then south roughly "
 "along the Ruqqad valley (Rafid, Jamlah, Saham al-Jawlan Syrian) to the Yarmouk. The line is drawn from memory, +-1-2 km. "
 "Western edge runs through Israel/Lake Tiberias/Jordan, outside the country, so the clip gives the OCHA boundary (which includes the Golan).",
}
def area_sign(r):
    return sum(r[i][0]*r[(i+1)%len(r)][1]-r[(i+1)%len(r)][0]*r[i][1] for i in range(len(r)))/2
os.makedirs(OUT,exist_ok=True)
for k,r in rings.items():
    ll=[[round(p[1],5),round(p[0],5)] for p in r]
    # drop consecutive duplicates
    d=[]
    for p in ll:
        if not d or d[-1]!=p: d.append(p)
    if d[0]==d[-1]: d=d[:-1]
    if area_sign(d)<0: d=d[::-1]
    d.append(d[0])
    fc={"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":k,"name":NAMES[k],"note":NOTES[k]+COMMON},
        "geometry":{"type":"Polygon","coordinates":[d]}}]}
    json.dump(fc,open(f'{OUT}/{k}.geojson','w'),ensure_ascii=False,indent=None)
    print(k,len(d)-1)
