#pragma once
// The static web viewer under `<out>/viewer/`: index.html + viewer.js + viewer.css (templates in tiler/viewer/,
// compiled into the binary), MapLibre GL JS and the pmtiles library copied from the npm packages that the build
// installs (tiler/viewer/package.json -> <build>/viewer-assets/node_modules), and the SDF glyphs the place labels
// need (Noto Sans from the `tileserver-gl-styles` package) under `<out>/tiles/fonts/`.
// The page shows one day's PMTiles (`../tiles/<date>.pmtiles`, through `../tiles/<date>.style.json`) with a date
// slider, a play button, a legend (styles/) and the attribution (sources/).
#include "sources/model.hpp"
#include "timeline/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tiler {

/// Where the viewer's third-party files are: a `node_modules` directory holding maplibre-gl, pmtiles and
/// tileserver-gl-styles.
struct ViewerAssets {
    std::string node_modules;
};

/// The environment variable that overrides the compiled-in asset directory.
inline constexpr const char* kViewerAssetsEnv = "TILER_VIEWER_ASSETS";

/// The assets named by $TILER_VIEWER_ASSETS (Error if it is set and incomplete), else the build's
/// `<build>/viewer-assets/node_modules` if complete, else nullopt (`why` says what is missing).
std::optional<ViewerAssets> find_viewer_assets(std::string* why = nullptr);

/// The font stack of the place labels (as tileserver-gl-styles ships it).
inline constexpr const char* kLabelFont = "Noto Sans Regular";

/// What the page shows.
struct ViewerPage {
    std::string title;
    std::vector<Date> days;          ///< the slider's days; the page starts on the last one
    const Styles* styles = nullptr;  ///< legend (faction names and fills)
    std::string attribution;         ///< HTML
    double center[3] = {38.5, 35.0, 6};   ///< lon, lat, zoom
    double bounds[4] = {0, 0, 0, 0};      ///< w, s, e, n: the map cannot be panned far away
    unsigned maxzoom = 12;                ///< data zoom (the map overzooms 3 levels beyond)
};

/// The page's files (index.html, viewer.js, viewer.css) from the built-in templates; index.html carries the
/// page's configuration as JSON. Deterministic.
std::string viewer_html(const ViewerPage& page);

/// Writes `viewer/` under `out_dir` (templates + maplibre-gl.js/.css + pmtiles.js + licences). Returns the
/// files written, relative to `out_dir`, sorted. Throws OutputError.
std::vector<std::string> write_viewer(const std::string& out_dir, const ViewerAssets& assets, const ViewerPage& page);

/// Copies the glyph ranges (`<range>.pbf`, 256 code points each) of kLabelFont that `texts` use into
/// `<out_dir>/<fonts_rel>/<font>/`. Returns the files written, relative to `out_dir`, sorted.
std::vector<std::string> write_glyphs(const std::string& out_dir, const std::string& fonts_rel,
                                      const ViewerAssets& assets, const std::vector<std::string>& texts);

/// The glyph ranges (first code point / 256) the UTF-8 `texts` need, sorted, without duplicates. Range 0
/// (ASCII, Latin-1) is always included. Invalid UTF-8 bytes are skipped.
std::vector<unsigned> glyph_ranges(const std::vector<std::string>& texts);

/// `<start>-<end>.pbf` of a range, e.g. 6 -> `1536-1791.pbf`.
std::string glyph_range_file(unsigned range);

/// The built-in template `name` (index.html, viewer.js, viewer.css); Error if there is none.
const std::string& viewer_template(const std::string& name);

} // namespace tiler
