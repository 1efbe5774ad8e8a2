#pragma once
// The command line, parsed into a plain struct (no I/O, testable without files):
//   tiler [--help] [--version] <command> [options]
//   tiler build [--sources DIR] [--styles DIR] [--out DIR] [--jobs N] [--quiet]
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
};

/// std::thread::hardware_concurrency(), at least 1.
unsigned default_jobs();

/// Parses the arguments after argv[0]. Throws UsageError.
Options parse_options(const std::vector<std::string>& args);

/// The help text of a command (Command::None: the global one).
std::string usage(Command command);

/// "build", "check", or "" for None.
const char* command_name(Command command);

} // namespace tiler::cli
