// tiler's entry point: the only place that turns exceptions into messages (`tiler: <message>` on stderr)
// and exit codes: InputError/UsageError -> 2, any other error -> 1.
#include "cli/cmd_build.hpp"
#include "cli/cmd_check.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"

#include <cpl_error.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

/// GDAL failures reach the user through the exceptions that carry them; only warnings are shown here.
void gdal_messages(CPLErr level, CPLErrorNum, const char* message) {
    if (level == CE_Warning) std::cerr << "tiler: GDAL warning: " << message << "\n";
}

int run(const std::vector<std::string>& args) {
    using namespace tiler::cli;
    const Options options = parse_options(args);
    if (options.version) {
        std::cout << "tiler " << TILER_VERSION << "\n";
        return 0;
    }
    if (options.help) {
        std::cout << usage(options.command);
        return 0;
    }
    switch (options.command) {
    case Command::Build: return cmd_build(options);
    case Command::Check: return cmd_check(options);
    case Command::None: break;
    }
    throw tiler::UsageError("no command given (see 'tiler --help')");
}

} // namespace

int main(int argc, char** argv) {
    CPLSetErrorHandler(gdal_messages);
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const tiler::InputError& e) {
        std::cerr << "tiler: " << e.what() << "\n";
        return 2;
    } catch (const tiler::UsageError& e) {
        std::cerr << "tiler: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "tiler: " << e.what() << "\n";
        return 1;
    }
}
