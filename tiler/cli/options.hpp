#pragma once
// The command line, parsed into a plain struct (no I/O, testable without files):
//   tiler [--help] [--version] <command> [options]
//   tiler build [--sources DIR] [--styles DIR] [--out DIR] [--jobs N] [--quiet]
//               [--minzoom Z] [--maxzoom Z] [--tile-dirs] [--base-url URL]
//               [--no-raster] [--raster-minzoom Z] [--raster-maxzoom Z]
//   tiler check [--sources DIR] [--styles DIR]
// Options are a table (options.cpp): a new option (e.g. --minzoom) is one field here and one row there.
// Every mistake is a UsageError naming the problem and where to look for help.
#include <string>
#include <vector>

namespace tiler::cli {

enum class Command { None, Build, Check };

struct Options {
    Command command = Command::None;
    bool help = false;       ///< --help / -h: print usage() for `command` and exit 0
    bool version = false;    ///< --version
    std::string sources = "sources";
    std::string styles = "styles";
    std::string out = "output";
    unsigned jobs = 1;       ///< default: the hardware's threads (default_jobs())
    bool quiet = false;      ///< no progress, no summary
    unsigned minzoom = 0;    ///< vector tiles: lowest zoom (0..kMaxZoom, <= maxzoom)
    unsigned maxzoom = 12;   ///< vector tiles: highest zoom
    bool tile_dirs = false;  ///< also write the tile trees tiles/<date>/{z}/{x}/{y}.mvt
    /// Absolute URL (http:// or https://, ending in '/') where the output folder itself is served; the URLs in
    /// the TileJSONs (tiles/, raster/) and the styles are this + their path under --out. Empty: relative URLs.
    std::string base_url;
    bool raster = true;            ///< the raster stage: PNG tiles, maps/, offensive.gif, stats.png (--no-raster: off)
    unsigned raster_minzoom = 0;   ///< raster tiles: lowest zoom (0..kMaxZoom, <= raster_maxzoom)
    unsigned raster_maxzoom = 10;  ///< raster tiles: highest zoom
};

/// The highest zoom --maxzoom accepts.
inline constexpr unsigned kMaxZoom = 16;

/// std::thread::hardware_concurrency(), at least 1.
unsigned default_jobs();

/// Parses the arguments after argv[0]. Throws UsageError.
Options parse_options(const std::vector<std::string>& args);

/// The help text of a command (Command::None: the global one).
std::string usage(Command command);

/// "build", "check", or "" for None.
const char* command_name(Command command);

} // namespace tiler::cli
