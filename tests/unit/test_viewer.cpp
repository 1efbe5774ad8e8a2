// The viewer page (viewer.hpp): the built-in templates, the configuration embedded in index.html (read back with
// nlohmann::json), glyph ranges, and writing the page with fake asset packages.
#include "viewer/viewer.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tiler;

namespace {

Styles two_factions() {
    Styles s;
    s.factions = {{"government", "Government", "#d7301f", "#8c1d12"}, {"hts", "HTS </script>", "#4d7c3f", "#2d4a25"}};
    return s;
}

ViewerPage page(const Styles& styles) {
    ViewerPage p;
    p.title = "Control <test> & co";
    p.days = {Date::from_ymd(2024, 11, 26), Date::from_ymd(2024, 11, 27)};
    p.styles = &styles;
    p.attribution = "© OCHA";
    p.bounds[0] = 35.6; p.bounds[1] = 32.3; p.bounds[2] = 42.4; p.bounds[3] = 37.3;
    return p;
}

nlohmann::json embedded_config(const std::string& html) {
    const std::string open = "<script id=\"tiler-config\" type=\"application/json\">";
    const auto a = html.find(open);
    const auto b = html.find("</script>", a);
    if (a == std::string::npos || b == std::string::npos) return nullptr;
    return nlohmann::json::parse(html.substr(a + open.size(), b - a - open.size()));
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("tiler_test_viewer_" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

void touch(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

/// A node_modules tree with the files the viewer copies (contents are their names).
fs::path fake_assets(const fs::path& root) {
    const fs::path nm = root / "node_modules";
    for (const char* f : {"maplibre-gl/dist/maplibre-gl.js", "maplibre-gl/dist/maplibre-gl.css", "maplibre-gl/LICENSE.txt",
                          "pmtiles/dist/pmtiles.js", "tileserver-gl-styles/fonts/Noto Sans Regular/0-255.pbf",
                          "tileserver-gl-styles/fonts/Noto Sans Regular/1536-1791.pbf", "tileserver-gl-styles/LICENSE.md"})
        touch(nm / f, f);
    return nm;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST(Viewer, TemplatesAreBuiltIn) {
    EXPECT_NE(viewer_template("index.html").find("{{CONFIG}}"), std::string::npos);
    EXPECT_NE(viewer_template("viewer.js").find("pmtiles.Protocol"), std::string::npos);
    EXPECT_NE(viewer_template("viewer.css").find("#legend"), std::string::npos);
    EXPECT_THROW(viewer_template("nope.html"), Error);
}

TEST(Viewer, HtmlCarriesTheConfiguration) {
    const Styles styles = two_factions();
    const std::string html = viewer_html(page(styles));
    EXPECT_NE(html.find("<title>Control &lt;test&gt; &amp; co</title>"), std::string::npos);
    EXPECT_EQ(html.find("{{"), std::string::npos);
    EXPECT_EQ(html.find("HTS </script>"), std::string::npos);   // cannot close the script element
    const nlohmann::json c = embedded_config(html);
    ASSERT_TRUE(c.is_object());
    EXPECT_EQ(c["days"], nlohmann::json::array({"2024-11-26", "2024-11-27"}));
    ASSERT_EQ(c["factions"].size(), 2U);
    EXPECT_EQ(c["factions"][1]["id"], "hts");
    EXPECT_EQ(c["factions"][1]["name"], "HTS </script>");
    EXPECT_EQ(c["factions"][0]["fill"], "#d7301f");
    EXPECT_EQ(c["attribution"], "© OCHA");
    EXPECT_EQ(c["bounds"][2], 42.4);
    EXPECT_EQ(c["maxzoom"], 12);
    EXPECT_EQ(viewer_html(page(styles)), html);   // deterministic
}

TEST(Viewer, GlyphRanges) {
    EXPECT_EQ(glyph_ranges({}), std::vector<unsigned>({0}));
    // "Ḥamā" (U+1E24 -> range 30), Arabic "حلب" (range 6), "é" (range 0), an invalid byte (skipped)
    EXPECT_EQ(glyph_ranges({"\xE1\xB8\xA4" "am\xC4\x81", "\xD8\xAD\xD9\x84\xD8\xA8", "caf\xC3\xA9", "\xFF"}),
              std::vector<unsigned>({0, 1, 6, 30}));
    EXPECT_EQ(glyph_range_file(0), "0-255.pbf");
    EXPECT_EQ(glyph_range_file(6), "1536-1791.pbf");
}

TEST(Viewer, WritesPageLibrariesAndGlyphs) {
    TempDir tmp;
    const ViewerAssets assets{fake_assets(tmp.path / "assets").string()};
    const Styles styles = two_factions();
    const fs::path out = tmp.path / "out";
    const auto files = write_viewer(out.string(), assets, page(styles));
    EXPECT_EQ(files, std::vector<std::string>({"viewer/index.html", "viewer/lib/maplibre-gl.LICENSE.txt",
                                               "viewer/lib/maplibre-gl.css", "viewer/lib/maplibre-gl.js",
                                               "viewer/lib/pmtiles.js", "viewer/viewer.css", "viewer/viewer.js"}));
    EXPECT_EQ(slurp(out / "viewer/lib/pmtiles.js"), "pmtiles/dist/pmtiles.js");
    EXPECT_EQ(slurp(out / "viewer/viewer.js"), viewer_template("viewer.js"));
    EXPECT_TRUE(embedded_config(slurp(out / "viewer/index.html")).is_object());

    // Arabic needs 1536-1791; range 30 is not in the (fake) font: skipped.
    const auto glyphs = write_glyphs(out.string(), "tiles/fonts", assets, {"\xD8\xAD\xD9\x84\xD8\xA8", "\xE1\xB8\xA4"});
    EXPECT_EQ(glyphs, std::vector<std::string>({"tiles/fonts/LICENSE.md", "tiles/fonts/Noto Sans Regular/0-255.pbf",
                                                "tiles/fonts/Noto Sans Regular/1536-1791.pbf"}));
    EXPECT_EQ(slurp(out / "tiles/fonts/Noto Sans Regular/1536-1791.pbf"),
              "tileserver-gl-styles/fonts/Noto Sans Regular/1536-1791.pbf");
}

TEST(Viewer, AssetsFromTheEnvironment) {
    TempDir tmp;
    const fs::path nm = fake_assets(tmp.path);
    const char* old = std::getenv(kViewerAssetsEnv);
    const std::string saved = old ? old : "";
    ::setenv(kViewerAssetsEnv, nm.c_str(), 1);
    const auto found = find_viewer_assets();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->node_modules, nm.string());
    fs::remove(nm / "pmtiles/dist/pmtiles.js");
    try {
        find_viewer_assets();
        ADD_FAILURE() << "incomplete assets accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("pmtiles/dist/pmtiles.js"), std::string::npos) << e.what();
    }
    if (old) ::setenv(kViewerAssetsEnv, saved.c_str(), 1);
    else ::unsetenv(kViewerAssetsEnv);
}
