#include "output/qgis_style.hpp"

#include "core/error.hpp"

#include <sstream>

namespace tiler {

namespace {

constexpr int kOutlineAlpha = 180;   // semi-opaque outlines: neighbours' borders stay readable
constexpr const char* kFrontlineColour = "#111111";

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string qgis_colour(const Rgb& c, int alpha) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(alpha);
}

/// The <temporal> element: features are visible from valid_from (included) to valid_to (excluded).
/// mode 2 = QgsVectorLayerTemporalProperties::ModeFeatureDateTimeStartAndEndFromFields.
const char* temporal_element() {
    return "  <temporal enabled=\"1\" mode=\"2\" startField=\"valid_from\" endField=\"valid_to\" startExpression=\"\""
           " endExpression=\"\" durationField=\"\" durationUnit=\"d\" fixedDuration=\"0\" accumulate=\"0\" limitMode=\"0\">\n"
           "    <fixedRange>\n      <start></start>\n      <end></end>\n    </fixedRange>\n  </temporal>\n";
}

void option(std::ostringstream& out, const char* name, const std::string& value) {
    out << "            <Option type=\"QString\" name=\"" << name << "\" value=\"" << xml_escape(value) << "\"/>\n";
}

void prop(std::ostringstream& out, const char* name, const std::string& value) {
    out << "          <prop k=\"" << name << "\" v=\"" << xml_escape(value) << "\"/>\n";
}

/// One symbol layer with its properties written both as <Option> map (QGIS >= 3.26) and as <prop> (older).
void symbol_layer(std::ostringstream& out, const char* cls, const std::vector<std::pair<const char*, std::string>>& props) {
    out << "        <layer class=\"" << cls << "\" enabled=\"1\" pass=\"0\" locked=\"0\">\n";
    out << "          <Option type=\"Map\">\n";
    for (const auto& [k, v] : props) option(out, k, v);
    out << "          </Option>\n";
    for (const auto& [k, v] : props) prop(out, k, v);
    out << "        </layer>\n";
}

void fill_symbol(std::ostringstream& out, const std::string& name, const Faction& f) {
    const Rgb fill = parse_colour(f.fill);
    const Rgb line = parse_colour(f.line);
    out << "      <symbol type=\"fill\" name=\"" << xml_escape(name) << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    symbol_layer(out, "SimpleFill",
                 {{"color", qgis_colour(fill, 255)},
                  {"joinstyle", "bevel"},
                  {"offset", "0,0"},
                  {"offset_unit", "MM"},
                  {"outline_color", qgis_colour(line, kOutlineAlpha)},
                  {"outline_style", "solid"},
                  {"outline_width", "0.26"},
                  {"outline_width_unit", "MM"},
                  {"style", "solid"}});
    out << "      </symbol>\n";
}

const char* qml_header() {
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
           "<qgis version=\"3.28.0-Firenze\" styleCategories=\"Symbology|Temporal\">\n";
}

std::string sld_rule(const std::string& title, const std::string& filter_value, const std::string& symbolizer) {
    std::ostringstream out;
    out << "      <se:Rule>\n        <se:Name>" << xml_escape(title) << "</se:Name>\n";
    if (!filter_value.empty())
        out << "        <ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\">\n          <ogc:PropertyIsEqualTo>\n"
               "            <ogc:PropertyName>faction</ogc:PropertyName>\n            <ogc:Literal>"
            << xml_escape(filter_value) << "</ogc:Literal>\n          </ogc:PropertyIsEqualTo>\n        </ogc:Filter>\n";
    out << symbolizer << "      </se:Rule>\n";
    return out.str();
}

std::string sld_document(const std::string& layer, const std::string& rules) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:se=\"http://www.opengis.net/se\""
           " xmlns:ogc=\"http://www.opengis.net/ogc\" version=\"1.1.0\">\n"
           "  <NamedLayer>\n    <se:Name>" + layer + "</se:Name>\n    <UserStyle>\n      <se:Name>" + layer +
           "</se:Name>\n    <se:FeatureTypeStyle>\n" + rules +
           "    </se:FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n";
}

std::string hex_lower(const std::string& hex) {
    std::string s = hex;
    for (char& c : s) if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

} // namespace

Rgb parse_colour(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') throw Error("colour '" + hex + "' is not #rrggbb");
    int v[6];
    for (std::size_t i = 0; i < 6; ++i) {
        v[i] = hex_digit(hex[i + 1]);
        if (v[i] < 0) throw Error("colour '" + hex + "' is not #rrggbb");
    }
    return Rgb{v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]};
}

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string control_qml(const Styles& styles) {
    std::ostringstream out;
    out << qml_header() << temporal_element();
    out << "  <renderer-v2 type=\"categorizedSymbol\" attr=\"faction\" forceraster=\"0\" symbollevels=\"0\""
           " enableorderby=\"0\" referencescale=\"-1\">\n    <categories>\n";
    for (std::size_t i = 0; i < styles.factions.size(); ++i) {
        const Faction& f = styles.factions[i];
        out << "      <category render=\"true\" symbol=\"" << i << "\" value=\"" << xml_escape(f.id) << "\" label=\""
            << xml_escape(f.name) << "\" type=\"string\"/>\n";
    }
    out << "    </categories>\n    <symbols>\n";
    for (std::size_t i = 0; i < styles.factions.size(); ++i) fill_symbol(out, std::to_string(i), styles.factions[i]);
    out << "    </symbols>\n  </renderer-v2>\n  <layerOpacity>1</layerOpacity>\n"
           "  <layerGeometryType>2</layerGeometryType>\n</qgis>\n";
    return out.str();
}

std::string control_sld(const Styles& styles) {
    std::string rules;
    for (const Faction& f : styles.factions) {
        const std::string line = hex_lower(f.line);
        const std::string sym =
            "        <se:PolygonSymbolizer>\n          <se:Fill>\n"
            "            <se:SvgParameter name=\"fill\">" + hex_lower(f.fill) + "</se:SvgParameter>\n"
            "          </se:Fill>\n          <se:Stroke>\n"
            "            <se:SvgParameter name=\"stroke\">" + line + "</se:SvgParameter>\n"
            "            <se:SvgParameter name=\"stroke-opacity\">0.7</se:SvgParameter>\n"
            "            <se:SvgParameter name=\"stroke-width\">1</se:SvgParameter>\n"
            "          </se:Stroke>\n        </se:PolygonSymbolizer>\n";
        rules += sld_rule(f.name, f.id, sym);
    }
    return sld_document("control", rules);
}

std::string frontlines_qml() {
    std::ostringstream out;
    out << qml_header() << temporal_element();
    out << "  <renderer-v2 type=\"singleSymbol\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\" referencescale=\"-1\">\n"
           "    <symbols>\n      <symbol type=\"line\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    symbol_layer(out, "SimpleLine",
                 {{"capstyle", "round"},
                  {"joinstyle", "round"},
                  {"line_color", qgis_colour(parse_colour(kFrontlineColour), 255)},
                  {"line_style", "solid"},
                  {"line_width", "0.6"},
                  {"line_width_unit", "MM"},
                  {"offset", "0"},
                  {"offset_unit", "MM"}});
    out << "      </symbol>\n    </symbols>\n  </renderer-v2>\n  <layerOpacity>1</layerOpacity>\n"
           "  <layerGeometryType>1</layerGeometryType>\n</qgis>\n";
    return out.str();
}

std::string frontlines_sld() {
    const std::string sym =
        "        <se:LineSymbolizer>\n          <se:Stroke>\n"
        "            <se:SvgParameter name=\"stroke\">" + std::string(kFrontlineColour) + "</se:SvgParameter>\n"
        "            <se:SvgParameter name=\"stroke-width\">2</se:SvgParameter>\n"
        "            <se:SvgParameter name=\"stroke-linejoin\">round</se:SvgParameter>\n"
        "            <se:SvgParameter name=\"stroke-linecap\">round</se:SvgParameter>\n"
        "          </se:Stroke>\n        </se:LineSymbolizer>\n";
    return sld_document("frontlines", sld_rule("frontline", "", sym));
}

} // namespace tiler
